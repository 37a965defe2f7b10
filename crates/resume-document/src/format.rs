//! The interface every backend implements, so the CLI iterates formats
//! instead of matching on each, and a new format is one crate and one
//! registration.

use std::fmt;

use crate::Document;
use crate::fit::FitNote;

/// Options every format shares.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shared {
    /// Creation and modification date as Unix seconds (the CLI passes
    /// `SOURCE_DATE_EPOCH`); `None` writes no dates.
    pub timestamp: Option<i64>,
    /// Fit paged formats on at most this many pages.
    pub fit_pages: Option<usize>,
    /// The program that made the file, for metadata.
    pub creator: String,
}

/// Something the user should be told about a written file.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// What page fitting changed or could not do.
    Fit(FitNote),
    /// Characters drawn from a face the format borrowed (a system font).
    FontBorrowed { face: String, chars: String },
    /// Pictographs no available font can draw, left out of this format.
    Omitted { chars: Vec<char> },
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Fit(n) => n.fmt(f),
            Note::FontBorrowed { face, chars } => {
                // A CJK résumé borrows hundreds: a few say which.
                let n = chars.chars().count();
                let shown: String = chars.chars().take(12).collect();
                if n > 12 {
                    write!(
                        f,
                        "{n} characters ({shown}…) are drawn from the font {face}"
                    )
                } else {
                    write!(f, "characters {chars} are drawn from the font {face}")
                }
            }
            Note::Omitted { chars } => {
                write!(
                    f,
                    "no font draws {}; left out of this format",
                    describe_chars(chars)
                )
            }
        }
    }
}

/// Characters as a message names them: `'世' (U+4E16), '界' (U+754C)`.
pub fn describe_chars(chars: &[char]) -> String {
    chars
        .iter()
        .map(|c| format!("'{c}' (U+{:04X})", u32::from(*c)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A written file.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub bytes: Vec<u8>,
    /// Pages, for paged formats (estimated where the format's reader lays
    /// the pages out).
    pub pages: Option<usize>,
    pub notes: Vec<Note>,
}

/// Why a format could not be written: a sentence that says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub message: String,
    /// Characters of the document the format cannot draw, when that is
    /// why; the caller can point at where the source has them.
    pub chars: Vec<char>,
}

impl FormatError {
    pub fn new(message: impl Into<String>) -> FormatError {
        FormatError {
            message: message.into(),
            chars: Vec::new(),
        }
    }

    /// The format has no font for these characters.
    pub fn missing(message: impl Into<String>, chars: Vec<char>) -> FormatError {
        FormatError {
            message: message.into(),
            chars,
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FormatError {}

/// One output format.
pub trait Format: fmt::Debug + Send + Sync {
    /// The file extension, also the format's name on the command line.
    fn extension(&self) -> &'static str;

    /// Whether [`Shared::fit_pages`] applies.
    fn paged(&self) -> bool {
        false
    }

    /// Renders `document`.
    fn render(&self, document: &Document, shared: &Shared) -> Result<Output, FormatError>;
}
