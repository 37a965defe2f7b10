//! The two tables a browser needs that a PDF subset leaves out.
//!
//! `subsetter` cuts a face down for PDF, where the file's own cmap says which
//! glyph a character is, so it drops the font's `cmap` and `OS/2` tables. A
//! browser's font sanitizer rejects a face without them, so this module
//! writes a character map for the subset's new glyph ids, takes the `OS/2`
//! table over from the original face, and writes the table directory again
//! with its checksums.

/// A table tag, e.g. `*b"cmap"`.
pub(crate) type Tag = [u8; 4];

/// The font in `font` with the tables of `extra` added, or put in place of
/// tables with the same tag. `None` when `font` is not an OpenType file.
pub(crate) fn with_tables(font: &[u8], extra: &[(Tag, &[u8])]) -> Option<Vec<u8>> {
    let u16_at = |i: usize| font.get(i..i + 2).map(|b| u16::from_be_bytes([b[0], b[1]]));
    let u32_at = |i: usize| {
        font.get(i..i + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let flavour = font.get(0..4)?;
    let count = usize::from(u16_at(4)?);
    let mut tables: Vec<(Tag, &[u8])> = Vec::with_capacity(count + extra.len());
    for i in 0..count {
        let record = 12 + 16 * i;
        let tag: Tag = font.get(record..record + 4)?.try_into().ok()?;
        let offset = u32_at(record + 8)? as usize;
        let length = u32_at(record + 12)? as usize;
        let data = font.get(offset..offset.checked_add(length)?)?;
        if !extra.iter().any(|(t, _)| *t == tag) {
            tables.push((tag, data));
        }
    }
    tables.extend_from_slice(extra);
    // The directory must be sorted by tag, as byte strings.
    tables.sort_by_key(|(tag, _)| *tag);

    let n = u16::try_from(tables.len())
        .ok()
        .filter(|&n| n > 0 && n < 4096)?;
    let power = 1u16 << (15 - n.leading_zeros());
    let search_range = power * 16;
    let mut out =
        Vec::with_capacity(font.len() + extra.iter().map(|(_, d)| d.len() + 4).sum::<usize>());
    out.extend_from_slice(flavour);
    out.extend_from_slice(&n.to_be_bytes());
    out.extend_from_slice(&search_range.to_be_bytes());
    out.extend_from_slice(&(power.trailing_zeros() as u16).to_be_bytes());
    out.extend_from_slice(&(n * 16 - search_range).to_be_bytes());

    let mut offset = 12 + 16 * tables.len();
    let mut adjustment_at = None;
    for (tag, data) in &tables {
        let mut sum = checksum(data);
        if tag == b"head" && data.len() >= 12 {
            // The head table's checksum is taken with its adjustment field
            // zeroed; the field is filled in once the whole file is written.
            sum = sum.wrapping_sub(u32::from_be_bytes([data[8], data[9], data[10], data[11]]));
            adjustment_at = Some(offset + 8);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&sum.to_be_bytes());
        out.extend_from_slice(&u32::try_from(offset).ok()?.to_be_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = adjustment_at {
        out[at..at + 4].fill(0);
        let adjustment = 0xB1B0_AFBA_u32.wrapping_sub(checksum(&out));
        out[at..at + 4].copy_from_slice(&adjustment.to_be_bytes());
    }
    Some(out)
}

/// The OpenType checksum: the sum of the data as big-endian 32-bit words,
/// the last one padded with zeros.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// A `cmap` table for `map`, pairs of a code point and a glyph id sorted by
/// code point: a format 4 subtable for the Basic Multilingual Plane, which
/// every reader understands, and a format 12 subtable when a character lies
/// beyond it. `None` when the format 4 subtable would outgrow its 16-bit
/// length, which takes thousands of scattered characters.
pub(crate) fn cmap(map: &[(u32, u16)]) -> Option<Vec<u8>> {
    let bmp: Vec<(u32, u16)> = map.iter().copied().filter(|&(c, _)| c < 0xFFFF).collect();
    let wide = map.iter().any(|&(c, _)| c > 0xFFFF);
    let format4 = format4(&bmp)?;
    let subtables = if wide { 2u16 } else { 1 };
    let header = 4 + 8 * u32::from(subtables);
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&subtables.to_be_bytes());
    // Windows, Unicode BMP.
    out.extend_from_slice(&3u16.to_be_bytes());
    out.extend_from_slice(&1u16.to_be_bytes());
    out.extend_from_slice(&header.to_be_bytes());
    if wide {
        // Windows, Unicode full repertoire.
        out.extend_from_slice(&3u16.to_be_bytes());
        out.extend_from_slice(&10u16.to_be_bytes());
        out.extend_from_slice(&(header + format4.len() as u32).to_be_bytes());
    }
    out.extend_from_slice(&format4);
    if wide {
        out.extend_from_slice(&format12(map));
    }
    Some(out)
}

/// Runs of consecutive code points mapped to consecutive glyphs, as
/// (first code point, last code point, first glyph).
fn runs(map: &[(u32, u16)]) -> Vec<(u32, u32, u16)> {
    let mut runs: Vec<(u32, u32, u16)> = Vec::new();
    for &(c, g) in map {
        match runs.last_mut() {
            Some((start, end, first))
                if c == *end + 1 && u32::from(g) == u32::from(*first) + (c - *start) =>
            {
                *end = c;
            }
            _ => runs.push((c, c, g)),
        }
    }
    runs
}

/// A format 4 subtable: one segment per run, each mapped by a delta, and
/// the closing segment at U+FFFF that the format requires.
fn format4(map: &[(u32, u16)]) -> Option<Vec<u8>> {
    let mut segments: Vec<(u16, u16, u16)> = runs(map)
        .into_iter()
        .map(|(start, end, glyph)| {
            // Both ends are below U+FFFF, filtered by the caller.
            let (start, end) = (start as u16, end as u16);
            (start, end, glyph.wrapping_sub(start))
        })
        .collect();
    segments.push((0xFFFF, 0xFFFF, 1));
    let length = u16::try_from(16 + 8 * segments.len()).ok()?;
    // Fits, since the length did: at most 8189 segments.
    let count = segments.len() as u16;
    let power = 1u16 << (15 - count.leading_zeros());
    let search_range = 2 * power;
    let mut out = Vec::with_capacity(usize::from(length));
    for v in [
        4,
        length,
        0,
        2 * count,
        search_range,
        power.trailing_zeros() as u16,
        2 * count - search_range,
    ] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    for (_, end, _) in &segments {
        out.extend_from_slice(&end.to_be_bytes());
    }
    out.extend_from_slice(&0u16.to_be_bytes());
    for (start, _, _) in &segments {
        out.extend_from_slice(&start.to_be_bytes());
    }
    for (_, _, delta) in &segments {
        out.extend_from_slice(&delta.to_be_bytes());
    }
    for _ in &segments {
        out.extend_from_slice(&0u16.to_be_bytes());
    }
    Some(out)
}

/// A format 12 subtable: every run as a sequential group.
fn format12(map: &[(u32, u16)]) -> Vec<u8> {
    let groups = runs(map);
    let length = 16 + 12 * groups.len() as u32;
    let mut out = Vec::with_capacity(length as usize);
    out.extend_from_slice(&12u16.to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(&0u32.to_be_bytes());
    out.extend_from_slice(&(groups.len() as u32).to_be_bytes());
    for (start, end, glyph) in groups {
        out.extend_from_slice(&start.to_be_bytes());
        out.extend_from_slice(&end.to_be_bytes());
        out.extend_from_slice(&u32::from(glyph).to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cmap_maps_what_it_was_given() {
        let map = [(0x20, 3), (0x41, 4), (0x42, 5), (0x43, 9), (0x1F600, 10)];
        let table = cmap(&map).expect("a small map fits");
        let parsed = ttf_parser::cmap::Table::parse(&table).expect("a cmap table");
        for (c, g) in map {
            let found = parsed
                .subtables
                .into_iter()
                .find_map(|s| s.glyph_index(c))
                .map(|g| g.0);
            assert_eq!(found, Some(g), "U+{c:04X}");
        }
        let bmp = parsed.subtables.get(0).expect("format 4");
        assert_eq!(bmp.glyph_index(0x44), None);
        assert_eq!(bmp.glyph_index(0x1F600), None);
    }

    #[test]
    fn added_tables_are_found_and_checksums_hold() {
        let face = resume_document::face_data(resume_document::Family::NotoSans, false, false);
        let font = with_tables(face, &[(*b"zzzz", b"hello")]).expect("a font");
        let raw = ttf_parser::RawFace::parse(&font, 0).expect("parses");
        assert_eq!(
            raw.table(ttf_parser::Tag::from_bytes(b"zzzz")),
            Some(&b"hello"[..])
        );
        // A font with a correct adjustment sums to the magic number.
        assert_eq!(checksum(&font), 0xB1B0_AFBA);
        ttf_parser::Face::parse(&font, 0).expect("still a font");
    }
}
