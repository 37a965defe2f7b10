//! Stream compression: one compressor per thread, reset between streams
//! (setting one up clears more memory than a reset does), and the
//! compressed form of every stream but page contents kept for the thread,
//! so a batch deflates the same subset fonts and character maps once.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use flate2::{Compress, Compression, FlushCompress, Status};

/// The zlib level: lopdf's own pass uses the best level, which takes
/// several times as long (the larger part of a whole rendering) for a few
/// percent of size.
const LEVEL: u32 = 2;

/// Bytes of streams (and their compressed forms) kept per thread before the
/// cache starts over.
const KEEP: usize = 8 << 20;

#[derive(Default)]
struct Cache {
    /// Stream content to its compressed form; `None` when deflating it did
    /// not make it smaller.
    streams: HashMap<Box<[u8]>, Option<Rc<[u8]>>>,
    bytes: usize,
}

thread_local! {
    static COMPRESSOR: RefCell<Option<Compress>> = const { RefCell::new(None) };
    static CACHE: RefCell<Cache> = RefCell::default();
}

/// `content` deflated (zlib format), or `None` when that does not make it
/// smaller. With `keep`, the result is remembered for the thread.
pub(crate) fn deflate(content: &[u8], keep: bool) -> Option<Rc<[u8]>> {
    if keep && let Some(known) = CACHE.with_borrow(|c| c.streams.get(content).cloned()) {
        return known;
    }
    let compressed = COMPRESSOR.with_borrow_mut(|slot| {
        let deflate = match slot {
            Some(d) => {
                d.reset();
                d
            }
            None => slot.insert(Compress::new(Compression::new(LEVEL), true)),
        };
        // Deflate never grows data by more than a few bytes per 16 KB block.
        let mut out = Vec::with_capacity(content.len() + content.len() / 100 + 64);
        let done = deflate.compress_vec(content, &mut out, FlushCompress::Finish);
        (matches!(done, Ok(Status::StreamEnd)) && out.len() < content.len())
            .then(|| Rc::<[u8]>::from(out))
    });
    if keep {
        CACHE.with_borrow_mut(|c| {
            let size = content.len() + compressed.as_ref().map_or(0, |c| c.len());
            if c.bytes + size > KEEP {
                c.streams.clear();
                c.bytes = 0;
            }
            c.bytes += size;
            c.streams.insert(content.into(), compressed.clone());
        });
    }
    compressed
}
