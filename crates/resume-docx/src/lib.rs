//! The DOCX backend: a [`Document`] as a Word file that applicant-tracking
//! systems parse cleanly and people find well made.
//!
//! What parsers rely on, and this crate guarantees: one column of
//! paragraphs (no tables, text boxes, frames or images); the name and
//! contact details in the body; Word's built-in styles (`Title`,
//! `heading 1` for every section title, `heading 2` for entries,
//! `List Bullet` for bullets, `Hyperlink` for links) defined in styles.xml
//! with `Normal` as the default; bullets as real Word lists; dates and
//! locations on right tab stops; links as `w:hyperlink` elements; and
//! title, creator, subject and keywords in the document properties.
//!
//! The body is built with docx-rs; styles, fonts and properties are written
//! here, and the package is zipped deterministically: the same document and
//! options give the same bytes.

mod body;
mod metrics;
mod package;
mod styles;

use resume_document::Document;

/// Options for [`docx`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxOptions {
    /// Written as the created and modified dates of the document properties,
    /// in Unix seconds (the CLI takes it from `SOURCE_DATE_EPOCH`). `None`
    /// writes no dates, never the current time.
    pub timestamp: Option<i64>,
}

/// Why a DOCX could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("could not write the DOCX package: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("could not write a DOCX part: {0}")]
    Io(#[from] std::io::Error),
    #[error("could not read the document relationships docx-rs wrote: {0}")]
    Relationships(String),
}

/// Renders `document` as the bytes of a `.docx` file.
pub fn docx(document: &Document, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    let m = metrics::Metrics::new(&document.theme);
    let language = styles::language_tag(&document.meta.language);
    let xml = body::build(document, &m).build();
    let replacements = package::Replacements {
        core: package::core_xml(&document.meta, &language, options.timestamp)?,
        styles: styles::styles_xml(&m, &language)?,
        font_table: styles::font_table_xml()?,
    };
    package::zip(xml, replacements)
}

/// `s` made fit for a single line of WordprocessingML text: tabs and line
/// breaks become spaces (a tab would jump to the right tab stop), and
/// characters XML 1.0 cannot carry are dropped.
pub(crate) fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => None,
            c => Some(c),
        })
        .collect()
}
