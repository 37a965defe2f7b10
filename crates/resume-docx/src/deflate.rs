//! Raw deflate (RFC 1951) in one block with the fixed Huffman codes, for
//! the parts of a DOCX.
//!
//! A résumé's parts are a few kilobytes of XML each. zlib's fastest level
//! codes them with the same fixed codes, but every stream it starts first
//! clears a 128 KB hash table, which cost more than the rest of the DOCX's
//! zip. Here matches are found greedily through a table sized to the part
//! (at most 8 K entries), one candidate per position; every fourth position
//! inside a match is hashed too, which finds most of the repeats XML is
//! made of at a quarter of the cost of hashing them all.

/// Shortest match worth coding: the table hashes four bytes.
const MIN_MATCH: usize = 4;
const MAX_MATCH: usize = 258;
/// How far back a match may reach.
const WINDOW: usize = 32 * 1024;
/// The largest table, in bits of hash.
const MAX_BITS: u32 = 13;

/// Bits written least significant first, as deflate orders them.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    len: u32,
}

impl Bits {
    /// Appends the low `n` bits of `value` (`n` ≤ 32).
    fn put(&mut self, value: u32, n: u32) {
        self.acc |= u64::from(value) << self.len;
        self.len += n;
        if self.len >= 32 {
            self.out.extend_from_slice(&(self.acc as u32).to_le_bytes());
            self.acc >>= 32;
            self.len -= 32;
        }
    }

    /// The bytes, the last one padded with zero bits.
    fn finish(mut self) -> Vec<u8> {
        while self.len > 0 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.len = self.len.saturating_sub(8);
        }
        self.out
    }
}

/// `code` of `len` bits reversed: Huffman codes are sent most significant
/// bit first, into a stream filled from the least significant end.
const fn reverse(code: u32, len: u32) -> u32 {
    code.reverse_bits() >> (32 - len)
}

/// The fixed code of each literal/length symbol (RFC 1951, 3.2.6), reversed
/// for [`Bits::put`], with its length.
const FIXED: [(u32, u32); 288] = {
    let mut table = [(0, 0); 288];
    let mut symbol = 0;
    while symbol < 288 {
        let (code, len) = match symbol {
            0..=143 => (0x30 + symbol, 8),
            144..=255 => (0x190 + symbol - 144, 9),
            256..=279 => (symbol - 256, 7),
            _ => (0xC0 + symbol - 280, 8),
        };
        table[symbol as usize] = (reverse(code, len), len);
        symbol += 1;
    }
    table
};

/// The fixed five-bit codes of the thirty distance symbols, reversed.
const DISTANCE: [u32; 30] = {
    let mut table = [0; 30];
    let mut symbol = 0;
    while symbol < 30 {
        table[symbol as usize] = reverse(symbol, 5);
        symbol += 1;
    }
    table
};

fn symbol(bits: &mut Bits, symbol: usize) {
    let (code, len) = FIXED[symbol];
    bits.put(code, len);
}

/// A match of `len` bytes (3 to 258) `dist` bytes back (1 to 32 768).
fn copy(bits: &mut Bits, len: usize, dist: usize) {
    // Lengths: eight codes of one length each, then codes of four lengths
    // per power of two with as many extra bits as it takes; 258 its own.
    let n = (len - 3) as u32;
    if len == MAX_MATCH {
        symbol(bits, 285);
    } else if n < 8 {
        symbol(bits, 257 + n as usize);
    } else {
        let log = 31 - n.leading_zeros();
        let extra = log - 2;
        let high = (n >> extra) & 3;
        symbol(bits, 257 + (4 * (log - 1) + high) as usize);
        bits.put(n - ((4 + high) << extra), extra);
    }
    // Distances: four codes of one distance each, then two codes per power
    // of two.
    let n = (dist - 1) as u32;
    if n < 4 {
        bits.put(DISTANCE[n as usize], 5);
    } else {
        let log = 31 - n.leading_zeros();
        let extra = log - 1;
        let high = (n >> extra) & 1;
        bits.put(DISTANCE[(2 * log + high) as usize], 5);
        bits.put(n - ((2 + high) << extra), extra);
    }
}

/// How many bytes from `a` on equal those from `b` on (`b` < `a`), at most
/// [`MAX_MATCH`] and no further than the end of `data`.
fn common(data: &[u8], b: usize, a: usize) -> usize {
    let limit = (data.len() - a).min(MAX_MATCH);
    let mut n = 0;
    while n + 8 <= limit {
        let x = u64::from_le_bytes(data[a + n..a + n + 8].try_into().expect("eight bytes"));
        let y = u64::from_le_bytes(data[b + n..b + n + 8].try_into().expect("eight bytes"));
        let diff = x ^ y;
        if diff != 0 {
            return n + (diff.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    while n < limit && data[a + n] == data[b + n] {
        n += 1;
    }
    n
}

/// `data` deflated: one final block with the fixed codes.
pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    let mut bits = Bits {
        out: Vec::with_capacity(data.len() / 3 + 16),
        acc: 0,
        len: 0,
    };
    // BFINAL, then BTYPE 01: fixed codes.
    bits.put(0b011, 3);
    // About one slot for every two bytes of the part.
    let table_bits = (usize::BITS - data.len().max(2).leading_zeros()).saturating_sub(1);
    let table_bits = table_bits.clamp(8, MAX_BITS);
    // Positions plus one; zero is an empty slot.
    let mut table = vec![0u32; 1 << table_bits];
    let hash = |at: usize| -> usize {
        let word = u32::from_le_bytes(data[at..at + 4].try_into().expect("four bytes"));
        (word.wrapping_mul(0x9E37_79B1) >> (32 - table_bits)) as usize
    };
    let last = data.len().saturating_sub(MIN_MATCH - 1);
    let mut at = 0;
    while at < last {
        let slot = hash(at);
        let candidate = table[slot] as usize;
        table[slot] = (at + 1) as u32;
        if candidate > 0 && at - (candidate - 1) <= WINDOW {
            let from = candidate - 1;
            let len = common(data, from, at);
            if len >= MIN_MATCH {
                copy(&mut bits, len, at - from);
                let end = at + len;
                for p in (at + 1..end.min(last)).step_by(4) {
                    table[hash(p)] = (p + 1) as u32;
                }
                at = end;
                continue;
            }
        }
        symbol(&mut bits, usize::from(data[at]));
        at += 1;
    }
    for &byte in &data[at.min(data.len())..] {
        symbol(&mut bits, usize::from(byte));
    }
    symbol(&mut bits, 256);
    bits.finish()
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn inflate(deflated: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::DeflateDecoder::new(deflated)
            .read_to_end(&mut out)
            .expect("a valid deflate stream");
        out
    }

    #[track_caller]
    fn round_trip(data: &[u8]) -> usize {
        let deflated = deflate(data);
        assert_eq!(inflate(&deflated), data);
        deflated.len()
    }

    #[test]
    fn short_and_empty_inputs() {
        for data in [&b""[..], b"a", b"ab", b"abc", b"abcd", b"aaaa", b"aaaaa"] {
            round_trip(data);
        }
    }

    #[test]
    fn every_length_and_distance_code() {
        // Runs of every length up to past 258, at distances that reach
        // every distance code.
        let mut data = Vec::new();
        let mut seed = 1u32;
        let mut noise = |n: usize, data: &mut Vec<u8>| {
            for _ in 0..n {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                data.push((seed >> 16) as u8);
            }
        };
        noise(40_000, &mut data);
        for (len, dist) in (3..300).zip((1..).map(|i: usize| (i * i * 7) % WINDOW + 1)) {
            let start = data.len() - dist.min(data.len());
            for i in 0..len {
                data.push(data[start + i]);
            }
            noise(5, &mut data);
        }
        round_trip(&data);
        // Distances right at the window's edge and just past it.
        for gap in [WINDOW - 8, WINDOW - 1, WINDOW, WINDOW + 1] {
            let mut data = Vec::new();
            noise(16, &mut data);
            let head = data.clone();
            noise(gap - 16, &mut data);
            data.extend_from_slice(&head);
            round_trip(&data);
        }
    }

    #[test]
    fn xml_shrinks() {
        let xml = r#"<w:p><w:pPr><w:pStyle w:val="Bullet"/></w:pPr><w:r><w:t xml:space="preserve">Built a résumé compiler</w:t></w:r></w:p>"#
            .repeat(100);
        let size = round_trip(xml.as_bytes());
        assert!(size * 10 < xml.len(), "{size} of {}", xml.len());
    }

    #[test]
    fn non_text_survives() {
        let data: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
        round_trip(&data);
        round_trip(&[0u8; 70_000]);
    }
}
