//! The DOCX backend: a [`Document`] as a Word file that applicant-tracking
//! systems parse cleanly and people find well made.
//!
//! What parsers rely on, and this crate guarantees: one column of
//! paragraphs (no tables, text boxes, frames or images); the name and
//! contact details in the body; Word's built-in styles (`Title`,
//! `heading 1` for every section title, `heading 2` for entries,
//! `List Bullet` for bullets, `Hyperlink` for links) defined in styles.xml
//! with `Normal` as the default; bullets as real Word lists; dates and
//! places on tab stops; links as `w:hyperlink` elements; and title,
//! creator, subject and keywords in the document properties.
//!
//! The look is the document's resolved [`Design`], nothing of this crate's
//! own: its sizes, line heights and gaps in Word's units, its Word font
//! (with the metric-compatible twin named for readers that lack it), its
//! colours, section titles over a rule or on a shaded band, capitals and
//! small capitals as font effects over the words as written, its
//! alignment, separator, bullet glyph, date column and link style. Where
//! Word cannot draw an option inside one column of paragraphs (a rule
//! beside a title) the nearest that keeps the column is used.
//!
//! Word lays the pages out when it opens the file, so page fitting counts
//! pages with the shared estimate ([`Estimate`]) in the Word font's
//! metrics, through the one fit search of `resume-document`.
//!
//! The paragraphs are planned once (`plan`) and written with docx-rs
//! (`body`); styles, settings, fonts and properties are written with
//! quick-xml, docx-rs's parts are put in schema order (`canon`), and the
//! package is zipped deterministically: the same document and options give
//! the same bytes.

mod archive;
mod body;
mod canon;
mod package;
mod plan;
mod styles;
mod units;

use resume_document::{
    Design, Document, Estimate, Face, FaceSet, Format, FormatError, Measure, Note, Output, Shared,
};

pub use resume_document::READABLE_FLOOR;

/// Options for [`docx`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxOptions {
    /// Written as the created and modified dates of the document properties,
    /// in Unix seconds (the CLI takes it from `SOURCE_DATE_EPOCH`). `None`
    /// writes no dates, never the current time.
    pub timestamp: Option<i64>,
    /// Fit the résumé on at most this many pages by tightening vertical
    /// spacing, then the font size down to [`READABLE_FLOOR`], the search
    /// every paged format shares. Word lays the file out when it opens it,
    /// so the pages are estimated from the Word font's metrics. What
    /// changed is reported in [`DocxOutput::notes`].
    pub fit_pages: Option<usize>,
}

/// A written DOCX and what the caller should be told about it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocxOutput {
    pub bytes: Vec<u8>,
    /// Pages by the estimate.
    pub pages: usize,
    /// What `fit_pages` changed or could not do.
    pub notes: Vec<Note>,
}

/// Why a DOCX could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("invalid option: {0}")]
    InvalidOption(String),
    #[error("could not write the DOCX package: {0}")]
    Zip(String),
    #[error("could not write a DOCX part: {0}")]
    Io(#[from] std::io::Error),
    #[error("could not read the XML docx-rs wrote: {0}")]
    Xml(String),
}

/// Renders `document` as the bytes of a `.docx` file.
pub fn docx(document: &Document, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    docx_with_report(document, options).map(|out| out.bytes)
}

/// The shared estimate with the sizes Word can store: half-points.
struct HalfPoints<'a>(Estimate<'a>);

impl Measure for HalfPoints<'_> {
    type Layout = ();

    fn layout(&mut self, design: &Design) -> (usize, ()) {
        self.0.layout(design)
    }

    fn size_quantum(&self) -> f32 {
        0.5
    }
}

/// Renders `document` and reports the estimated pages and what fitting
/// changed.
pub fn docx_with_report(
    document: &Document,
    options: &DocxOptions,
) -> Result<DocxOutput, DocxError> {
    if options.fit_pages == Some(0) {
        return Err(DocxError::InvalidOption(
            "fit-pages must be at least 1".into(),
        ));
    }
    let faces = FaceSet::One(Face::word(document.theme.word_font));
    let mut measure = HalfPoints(Estimate::new(document, faces));
    let fitted = resume_document::fit(document, options.fit_pages, &mut measure);
    let design = fitted.design;
    let paras = plan::plan(document, &design);
    let language = document.meta.language.as_str();
    let xml = body::build(&paras, &design, document.meta.direction.is_rtl()).build();
    let replacements = package::Replacements {
        core: package::core_xml(&document.meta, language, options.timestamp)?,
        settings: package::settings_xml()?,
        styles: styles::styles_xml(&design, language)?,
        font_table: styles::font_table_xml(design.word_font)?,
    };
    Ok(DocxOutput {
        bytes: package::zip(xml, replacements)?,
        pages: fitted.pages,
        notes: fitted.note.into_iter().map(Note::Fit).collect(),
    })
}

/// The DOCX format, for callers that iterate formats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Docx;

impl Format for Docx {
    fn extension(&self) -> &'static str {
        "docx"
    }

    fn paged(&self) -> bool {
        true
    }

    fn render(&self, document: &Document, shared: &Shared) -> Result<Output, FormatError> {
        let options = DocxOptions {
            timestamp: shared.timestamp,
            fit_pages: shared.fit_pages,
        };
        let out =
            docx_with_report(document, &options).map_err(|e| FormatError::new(e.to_string()))?;
        Ok(Output {
            bytes: out.bytes,
            pages: Some(out.pages),
            notes: out.notes,
        })
    }
}
