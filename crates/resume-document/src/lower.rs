//! Lowering: the résumé model into a [`Document`](crate::Document).
//! (Placeholder while the model lands.)

/// How dates are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateStyle {
    /// "Jun 2020"
    #[default]
    Short,
    /// "June 2020"
    Long,
    /// "06/2020"
    Numeric,
    /// "2020-06"
    Iso,
}

/// Month names and section titles of one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Locale {
    pub language: String,
}

/// What the lowering needs besides the résumé.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub paper: Option<crate::Paper>,
    pub include_tags: Vec<String>,
    pub exclude_tags: Vec<String>,
}

pub fn lower() {}
