//! Shaped words, kept for the life of the thread: a résumé repeats its
//! words (dates, separators, skills, "and"), a batch of résumés repeats
//! them many times over, and shaping is the costliest step of a PDF.
//!
//! Text is shaped at one em, so a word's glyphs depend only on the word,
//! the face and how it is shaped (plain, the face's small capitals, or
//! synthesised ones), never on the size it is set at. A piece of text is
//! shaped word by word, each word with the spaces after it; only the
//! bundled faces are cached, as they are the same for every rendering of
//! the process, while a borrowed face lives for one rendering only.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use crate::fonts::{BUNDLED, Fonts, Glyph, Shaping};

/// Words kept per thread before the cache starts over, so a long batch
/// holds a few megabytes at most.
const LIMIT: usize = 1 << 15;

/// The word, the face, how it is shaped, and whether right to left.
type Key = (Box<str>, u16, Shaping, bool);

thread_local! {
    /// Glyphs of each word, their text ranges relative to the word.
    static WORDS: RefCell<HashMap<Key, Box<[Glyph]>>> = RefCell::default();
}

impl Fonts<'_> {
    /// Shapes `text[range]` in face `face_index` as [`Fonts::shape_piece`]
    /// does, word by word through the cache when the face is bundled.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn shape_cached(
        &self,
        text: &str,
        range: Range<usize>,
        face_index: usize,
        how: Shaping,
        rtl: bool,
        run: u16,
        out: &mut Vec<Glyph>,
    ) {
        if face_index >= BUNDLED {
            self.shape_piece(text, range, face_index, how, rtl, run, out);
            return;
        }
        let mut start = range.start;
        while start < range.end {
            let end = word_end(text, start, range.end);
            self.shape_word(text, start..end, face_index, how, rtl, run, out);
            start = end;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn shape_word(
        &self,
        text: &str,
        range: Range<usize>,
        face_index: usize,
        how: Shaping,
        rtl: bool,
        run: u16,
        out: &mut Vec<Glyph>,
    ) {
        let word = &text[range.clone()];
        let offset = range.start as u32;
        let place = |g: &Glyph| Glyph {
            text: (g.text.0 + offset, g.text.1 + offset),
            run,
            ..g.clone()
        };
        let key: Key = (word.into(), face_index as u16, how, rtl);
        let hit = WORDS.with_borrow(|words| {
            words.get(&key).map(|glyphs| {
                out.extend(glyphs.iter().map(place));
            })
        });
        if hit.is_some() {
            return;
        }
        // Shaped alone, so the ranges come out relative to the word.
        let mut glyphs = Vec::new();
        self.shape_piece(word, 0..word.len(), face_index, how, rtl, run, &mut glyphs);
        out.extend(glyphs.iter().map(place));
        WORDS.with_borrow_mut(|words| {
            if words.len() >= LIMIT {
                words.clear();
            }
            words.insert(key, glyphs.into_boxed_slice());
        });
    }
}

/// Where the word starting at `start` ends: after the white space that
/// follows it, or at `end`.
fn word_end(text: &str, start: usize, end: usize) -> usize {
    let piece = &text[start..end];
    let mut seen_space = false;
    for (off, c) in piece.char_indices() {
        if c.is_whitespace() {
            seen_space = true;
        } else if seen_space {
            return start + off;
        }
    }
    end
}
