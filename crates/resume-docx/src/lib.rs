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
//! The paragraphs are planned once (`plan`) and written with docx-rs
//! (`body`); styles, settings, fonts and properties are written with
//! quick-xml, docx-rs's parts are put in schema order (`canon`), and the
//! package is zipped deterministically: the same document and options give
//! the same bytes.

mod body;
mod canon;
mod fit;
mod metrics;
mod package;
mod plan;
mod styles;

use resume_document::Document;

pub use fit::READABLE_FLOOR;

/// Options for [`docx`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxOptions {
    /// Written as the created and modified dates of the document properties,
    /// in Unix seconds (the CLI takes it from `SOURCE_DATE_EPOCH`). `None`
    /// writes no dates, never the current time.
    pub timestamp: Option<i64>,
    /// Fit the résumé on at most this many pages by tightening vertical
    /// spacing, then the font size down to [`READABLE_FLOOR`], as the PDF
    /// backend does. Word lays the file out when it opens it, so the page
    /// count is an estimate from Calibri's metrics. What changed is reported
    /// in [`DocxOutput::notes`].
    pub fit_pages: Option<usize>,
}

/// A written DOCX and what the caller should be told about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxOutput {
    pub bytes: Vec<u8>,
    /// What `fit_pages` changed or could not do; one sentence each.
    pub notes: Vec<String>,
}

/// Why a DOCX could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("invalid option: {0}")]
    InvalidOption(String),
    #[error("could not write the DOCX package: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("could not write a DOCX part: {0}")]
    Io(#[from] std::io::Error),
    #[error("could not read the XML docx-rs wrote: {0}")]
    Xml(String),
}

/// Renders `document` as the bytes of a `.docx` file.
pub fn docx(document: &Document, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    docx_with_report(document, options).map(|out| out.bytes)
}

/// Renders `document` and reports what fitting changed.
pub fn docx_with_report(
    document: &Document,
    options: &DocxOptions,
) -> Result<DocxOutput, DocxError> {
    let paras = plan::plan(document);
    let (m, notes) = match options.fit_pages {
        Some(0) => {
            return Err(DocxError::InvalidOption(
                "fit-pages must be at least 1".into(),
            ));
        }
        Some(pages) => {
            let fitted = fit::fit(&paras, &document.theme, pages);
            (fitted.metrics, fitted.note.into_iter().collect())
        }
        None => {
            let natural = metrics::Fit::natural(&document.theme);
            (metrics::Metrics::new(&document.theme, natural), Vec::new())
        }
    };
    let language = styles::language_tag(&document.meta.language);
    let xml = body::build(&paras, &m).build();
    let replacements = package::Replacements {
        core: package::core_xml(&document.meta, &language, options.timestamp)?,
        settings: package::settings_xml()?,
        styles: styles::styles_xml(&m, &language)?,
        font_table: styles::font_table_xml()?,
    };
    Ok(DocxOutput {
        bytes: package::zip(xml, replacements)?,
        notes,
    })
}
