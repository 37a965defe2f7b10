//! Reading a source file into text: a bounded read, then a decoding that
//! explains every way a file can fail to be UTF-8, with the place.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use anyhow::Context;
use resume_model::Diagnostic;

use crate::{Failure, report};

/// The largest source read. A résumé is a few kilobytes; the limit only
/// keeps a wrong path (a disk image, `/dev/zero`) from taking the memory.
pub(crate) const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a source (or theme, or job) file as UTF-8 text, printing a located
/// error when it cannot be used: exit 1 for a file that is too large or not
/// UTF-8, exit 2 when it cannot be read at all.
pub(crate) fn read(path: &Path) -> Result<String, Failure> {
    crate::watch::note_input(path);
    let file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    read_from(path, file)
}

/// [`read`] from any reader, `path` naming it in messages.
pub(crate) fn read_from(path: &Path, reader: impl Read) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    // One byte past the limit tells a file of exactly the limit from a
    // larger one without reading the rest.
    reader
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.len() as u64 > MAX_BYTES {
        report::emitln!(
            "error: {}: the file is larger than {} MiB, which no résumé source is\n  help: check that this is the file you meant",
            path.display(),
            MAX_BYTES / (1024 * 1024)
        );
        return Err(Failure::Invalid);
    }
    decode(bytes).map_err(|bad| {
        report::emit(&report::render(path, &bad.text, &[bad.diagnostic]));
        Failure::Invalid
    })
}

/// Why bytes are not usable text: the diagnostic and the text it points
/// into (the bytes decoded with replacement characters).
#[derive(Debug)]
pub(crate) struct NotText {
    pub text: String,
    pub diagnostic: Diagnostic,
}

/// Decodes a source as UTF-8, dropping a leading byte order mark so that
/// positions on the first line are counted as an editor shows them.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, Box<NotText>> {
    if let Some(order) = utf16(&bytes) {
        return Err(Box::new(NotText {
            text: String::new(),
            diagnostic: Diagnostic::error(
                format!("the file is UTF-16 text ({order}), not UTF-8"),
                Some(0..0),
                "",
            )
            .with_hint("save it as UTF-8 (in most editors: Save As, then the encoding UTF-8)"),
        }));
    }
    let mut bytes = bytes;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let shown: Vec<String> = bytes[at..]
                .iter()
                .take(e_len(&bytes[at..]))
                .map(|b| format!("0x{b:02X}"))
                .collect();
            // The text before the first bad byte decodes the same either
            // way, so the span stays where the byte is.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let span = at..at + '\u{fffd}'.len_utf8();
            Err(Box::new(NotText {
                text,
                diagnostic: Diagnostic::error(
                    format!("the file is not UTF-8 text: byte {} here", shown.join(" ")),
                    Some(span),
                    "",
                )
                .with_hint(
                    "save the file as UTF-8 (it may be Latin-1 or Windows-1252); or retype the character",
                ),
            }))
        }
    }
}

/// How many bytes of an invalid sequence to name (one, or the incomplete
/// sequence that starts there).
fn e_len(rest: &[u8]) -> usize {
    match std::str::from_utf8(rest) {
        Err(e) => e.error_len().unwrap_or(rest.len()).clamp(1, 4),
        Ok(_) => 1,
    }
}

/// Whether bytes look like UTF-16, by their byte order mark or by the NUL
/// bytes ASCII text has in every other place when written as UTF-16.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some("little-endian, with a byte order mark"),
        [0xFE, 0xFF, ..] => return Some("big-endian, with a byte order mark"),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = || head.chunks_exact(2);
    if pairs().all(|p| p[0] != 0 && p[1] == 0) {
        Some("little-endian")
    } else if pairs().all(|p| p[0] == 0 && p[1] != 0) {
        Some("big-endian")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn bad(bytes: &[u8], says: &str, at: (usize, usize)) {
        let err = decode(bytes.to_vec()).expect_err("refused");
        assert!(
            err.diagnostic.message.contains(says),
            "{}",
            err.diagnostic.message
        );
        let span = err.diagnostic.span.expect("located");
        assert_eq!(
            resume_model::LineIndex::new(&err.text).line_col(span.start),
            at
        );
    }

    #[test]
    fn utf8_passes_and_a_bom_is_dropped() {
        assert_eq!(decode(b"a = 1\n".to_vec()).unwrap(), "a = 1\n");
        assert_eq!(decode(b"\xEF\xBB\xBFa\n".to_vec()).unwrap(), "a\n");
        assert_eq!(decode(Vec::new()).unwrap(), "");
        // A BOM does not count as a column of the first line.
        bad(b"\xEF\xBB\xBFab\xFF", "byte 0xFF", (1, 3));
    }

    #[test]
    fn invalid_utf8_is_located_at_its_first_bad_byte() {
        bad(b"[basics]\nname = \"Ren\xE9e\"\n", "byte 0xE9", (2, 12));
        bad(b"\xFF", "byte 0xFF", (1, 1));
        bad(b"\xC3\xA9\n\xF0\x9F\x98\x80x\xC3", "byte 0xC3", (2, 3));
    }

    #[test]
    fn utf16_is_recognised() {
        bad(b"\xFF\xFE[\0b\0", "UTF-16 text (little-endian", (1, 1));
        bad(b"\xFE\xFF\0[\0b", "UTF-16 text (big-endian", (1, 1));
        bad(b"[\0b\0a\0s\0", "UTF-16 text (little-endian)", (1, 1));
        bad(b"\0[\0b\0a\0s", "UTF-16 text (big-endian)", (1, 1));
    }
}
