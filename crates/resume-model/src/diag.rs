//! Diagnostics: what went wrong (or looks wrong) in a source, and where.

use std::ops::Range;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// A suggestion (`resume lint`); never fails a run, even when warnings do.
    Note,
    /// The build goes on; the author should look.
    Warning,
    /// The source cannot be used as it is.
    Error,
}

/// One problem found in a source file.
///
/// The span is a byte range into the source text; [`LineIndex`] turns it into
/// a line and column. Messages are lowercase without a trailing period, and
/// hints say what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// Byte range in the source; `None` when the problem concerns the whole file.
    pub span: Option<Range<usize>>,
    /// Where in the document tree, e.g. `work[2].start` or `work[2].startDate`.
    pub path: String,
    pub hints: Vec<String>,
    /// Which readings count it: every one, `check` only (a warning when
    /// building), or a conversion to one format only.
    pub(crate) counts: Counts,
}

/// Which readings of a source a diagnostic counts in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Counts {
    /// As its severity says, in every reading.
    #[default]
    Always,
    /// A warning when building (the file is rendered as written), an error
    /// when checking: trailing commas and comments in JSON, an end before
    /// its start, a link to a relative path.
    ErrorInCheck,
    /// Only when converting to this format, and then as an error: a value
    /// the format cannot hold (`nan` in JSON, `null` in TOML).
    ConvertingTo(crate::SourceFormat),
}

impl Diagnostic {
    pub fn error(
        message: impl Into<String>,
        span: Option<Range<usize>>,
        path: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span,
            path: path.into(),
            hints: Vec::new(),
            counts: Counts::Always,
        }
    }

    pub fn warning(
        message: impl Into<String>,
        span: Option<Range<usize>>,
        path: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message, span, path)
        }
    }

    pub fn note(
        message: impl Into<String>,
        span: Option<Range<usize>>,
        path: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(message, span, path)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hints.push(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Maps byte offsets of a source text to 1-based lines and columns.
///
/// Columns count characters, not bytes, as editors do.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// 1-based line and column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }
}

/// The outcome of reading a source: the value with its warnings, or every
/// error found (warnings included).
pub type Parsed<T> = Result<(T, Vec<Diagnostic>), Vec<Diagnostic>>;
