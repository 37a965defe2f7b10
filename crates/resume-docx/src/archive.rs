//! The zip archive a DOCX is: the larger parts deflated by one compressor
//! per thread, reset between parts, the small ones stored, with fixed
//! timestamps and permissions.
//!
//! The zip crate sets up a new compressor for every entry it starts, and
//! setting one up clears some 300 KB of tables: for the thirteen small
//! parts of a résumé that was half the cost of the whole DOCX. Nothing else
//! is needed from an archive here (no zip64, encryption or streaming), so
//! the few records the format asks for are written directly.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use flate2::{Compress, Compression, FlushCompress, Status};

/// "Version made by": Unix (3) in the high byte; the low one is the
/// version needed to extract.
const VERSION_MADE_BY: u16 = 3 << 8;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;

/// "Version needed to extract": 2.0 for deflate, 1.0 for a stored part.
fn version_needed(method: u16) -> u16 {
    if method == DEFLATED { 20 } else { 10 }
}
/// 1980-01-01 00:00:00 in MS-DOS form, the earliest time a zip entry can
/// carry: the package must not depend on when it was made.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// A regular file, `rw-r--r--`, in the high half of the external attributes.
const EXTERNAL_ATTRIBUTES: u32 = 0o100_644 << 16;

/// A part that cannot be stored in a zip archive without zip64.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ArchiveError(String);

/// Parts shorter than this are stored: deflating a few hundred bytes saves
/// less than a hundred, and each part deflated costs a reset of the
/// compressor's tables, more work than the rest of the zip.
const STORE_BELOW: usize = 1024;

/// Bytes of parts (and their compressed forms) kept per thread before the
/// cache starts over.
const KEEP: usize = 2 << 20;

/// Parts deflated before, by content, and the bytes they hold.
type Kept = (HashMap<Box<[u8]>, Rc<[u8]>>, usize);

thread_local! {
    /// One compressor per thread: setting one up costs more than a reset.
    static COMPRESSOR: RefCell<Option<Compress>> = const { RefCell::new(None) };
    /// Parts deflated before, by content: styles, numbering, relationships
    /// and content types repeat across a batch, the document does not.
    static KEPT: RefCell<Kept> = RefCell::default();
}

/// Zips `parts` in the order given: the small ones stored, the others
/// deflated at the fastest level (a résumé's XML is small; the best level
/// took a quarter of the DOCX's time for 2 KB). Parts not named in `unique`
/// are remembered for the thread, so a batch deflates them once.
pub(crate) fn zip(parts: &[(&str, &[u8])], unique: &[&str]) -> Result<Vec<u8>, ArchiveError> {
    let total: usize = parts.iter().map(|(n, b)| n.len() * 2 + b.len() / 3).sum();
    let mut out = Vec::with_capacity(total + 128 * parts.len());
    let mut central = Vec::with_capacity(64 * parts.len());
    let mut compressed = Vec::new();
    for (name, bytes) in parts {
        let method = if bytes.len() < STORE_BELOW {
            STORED
        } else {
            DEFLATED
        };
        compressed.clear();
        if method == STORED {
            compressed.extend_from_slice(bytes);
        } else {
            let keep = !unique.contains(name);
            match KEPT.with_borrow(|(kept, _)| kept.get(*bytes).cloned()) {
                Some(known) if keep => compressed.extend_from_slice(&known),
                _ => {
                    COMPRESSOR
                        .with_borrow_mut(|slot| {
                            let deflate = match slot {
                                Some(d) => {
                                    d.reset();
                                    d
                                }
                                None => slot.insert(Compress::new(Compression::fast(), false)),
                            };
                            deflate_into(deflate, bytes, &mut compressed)
                        })
                        .map_err(|e| ArchiveError(format!("cannot deflate {name}: {e}")))?;
                    if keep {
                        KEPT.with_borrow_mut(|(kept, size)| {
                            if *size + bytes.len() + compressed.len() > KEEP {
                                kept.clear();
                                *size = 0;
                            }
                            *size += bytes.len() + compressed.len();
                            kept.insert((*bytes).into(), compressed.as_slice().into());
                        });
                    }
                }
            }
        }
        let crc = crc32fast::hash(bytes);
        let offset = small(out.len(), name)?;
        let entry = Entry {
            name,
            method,
            crc,
            compressed: small(compressed.len(), name)?,
            size: small(bytes.len(), name)?,
        };
        entry.local_header(&mut out)?;
        out.extend_from_slice(&compressed);
        entry.central_header(&mut central, offset)?;
    }
    let directory_offset = small(out.len(), "the central directory")?;
    let directory_size = small(central.len(), "the central directory")?;
    out.extend_from_slice(&central);
    let count = u16::try_from(parts.len())
        .map_err(|_| ArchiveError("too many parts for a zip archive".into()))?;
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // the disk the directory starts on
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, directory_size);
    put32(&mut out, directory_offset);
    put16(&mut out, 0); // comment length
    Ok(out)
}

/// Deflates all of `bytes` onto `out` with a compressor fresh or reset.
fn deflate_into(
    deflate: &mut Compress,
    bytes: &[u8],
    out: &mut Vec<u8>,
) -> Result<(), flate2::CompressError> {
    out.reserve(bytes.len() + bytes.len() / 100 + 64);
    loop {
        let read = deflate.total_in() as usize;
        if deflate.compress_vec(&bytes[read..], out, FlushCompress::Finish)? == Status::StreamEnd {
            return Ok(());
        }
        out.reserve(out.capacity().max(4096));
    }
}

/// What the local and the central header of a part both say.
struct Entry<'a> {
    name: &'a str,
    method: u16,
    crc: u32,
    compressed: u32,
    size: u32,
}

impl Entry<'_> {
    /// The fields the two headers share, from the version needed on.
    fn common(&self, out: &mut Vec<u8>) -> Result<(), ArchiveError> {
        put16(out, version_needed(self.method));
        // General purpose flags: bit 11 says the name is UTF-8.
        put16(out, if self.name.is_ascii() { 0 } else { 1 << 11 });
        put16(out, self.method);
        put16(out, DOS_TIME);
        put16(out, DOS_DATE);
        put32(out, self.crc);
        put32(out, self.compressed);
        put32(out, self.size);
        let name_len = u16::try_from(self.name.len())
            .map_err(|_| ArchiveError(format!("part name too long: {}", self.name)))?;
        put16(out, name_len);
        put16(out, 0); // extra field length
        Ok(())
    }

    fn local_header(&self, out: &mut Vec<u8>) -> Result<(), ArchiveError> {
        put32(out, 0x0403_4b50);
        self.common(out)?;
        out.extend_from_slice(self.name.as_bytes());
        Ok(())
    }

    fn central_header(&self, out: &mut Vec<u8>, offset: u32) -> Result<(), ArchiveError> {
        put32(out, 0x0201_4b50);
        put16(out, VERSION_MADE_BY | version_needed(self.method));
        self.common(out)?;
        put16(out, 0); // comment length
        put16(out, 0); // disk number
        put16(out, 0); // internal attributes
        put32(out, EXTERNAL_ATTRIBUTES);
        put32(out, offset);
        out.extend_from_slice(self.name.as_bytes());
        Ok(())
    }
}

/// `n` as a 32-bit size, which a zip archive without zip64 needs.
fn small(n: usize, what: &str) -> Result<u32, ArchiveError> {
    u32::try_from(n).map_err(|_| ArchiveError(format!("{what} is too large for a zip archive")))
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;

    #[test]
    fn parts_read_back_in_order() {
        let long = "<w:p>résumé</w:p>".repeat(500);
        let parts: [(&str, &[u8]); 3] = [
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", long.as_bytes()),
            ("empty.xml", b""),
        ];
        let bytes = zip(&parts, &["word/document.xml"]).unwrap();
        assert_eq!(
            zip(&parts, &[]).unwrap(),
            bytes,
            "kept parts give the same bytes"
        );
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 3);
        for (i, (name, content)) in parts.iter().enumerate() {
            let mut file = archive.by_index(i).unwrap();
            assert_eq!(file.name(), *name);
            assert_eq!(file.unix_mode(), Some(0o100_644));
            let mut back = Vec::new();
            file.read_to_end(&mut back).unwrap();
            assert_eq!(back, *content);
        }
    }
}
