//! The PDF backend: typesets a [`Document`] into a PDF that reads like a
//! hand-set résumé and extracts cleanly as text.
//!
//! The look is the document's resolved [`Design`]: every size, gap, face,
//! colour, rule, alignment, separator and bullet comes from it, and page
//! fitting is the one search of `resume-document` ([`resume_document::fit`]),
//! which this crate answers by laying the pages out for real
//! ([`resume_document::Measure`]).
//!
//! The layout is our own, drawn straight into each page's content stream
//! (pdf-writer) inside a document printpdf assembles: text is
//! shaped once with rustybuzz (kerning on, ligatures off so every letter
//! stays a searchable character, small capitals from the font's `smcp`
//! feature or synthesized), broken into lines at Unicode break
//! opportunities, and placed in one column with right-aligned dates or a
//! date column. Fonts are the bundled Noto Sans and Libertinus Serif faces,
//! subset to the glyphs used and written with a ToUnicode map; characters
//! they lack come from a caller-supplied font database. The PDF is tagged:
//! a structure tree gives its headings and paragraphs in reading order.
//!
//! Given the same [`Document`] and [`PdfOptions`], the output is the same
//! bytes: nothing reads the clock or the environment, and the only files
//! read are those of faces in a font database the caller passes.
//!
//! [`Pdf`] is the backend as a [`Format`], for callers that treat every
//! format alike; [`pdf_with_report`] gives the typed error
//! ([`PdfError::MissingGlyphs`]) a caller needs to retry with more fonts.

mod deflate;
mod dump;
mod fonts;
mod icons;
mod layout;
mod prepare;
mod shape_cache;
mod text;
mod write;

use std::sync::Arc;

use resume_document::{
    Design, Document, Format, FormatError, Note, Output, Shared, describe_chars, fit,
};

pub use crate::fonts::is_pictograph;
use crate::fonts::{FallbackData, Fonts};
use crate::layout::{Laid, Typesetter};
use crate::prepare::{Draft, Prepared};

/// How to write the PDF. Paper, margins, faces, sizes and colours come from
/// the document's theme.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// Creation and modification date as Unix seconds (the CLI passes
    /// `SOURCE_DATE_EPOCH`). `None` writes no dates.
    pub timestamp: Option<i64>,
    /// Fit the résumé on at most this many pages by tightening vertical
    /// spacing, then the font size down to
    /// [`READABLE_FLOOR`](resume_document::READABLE_FLOOR). What changed is
    /// reported in [`PdfOutput::notes`].
    pub fit_pages: Option<usize>,
    /// Faces to draw characters from that the bundled families lack, such
    /// as CJK text, earlier databases first. The CLI passes the user's font
    /// folders, then the system fonts; the backend only reads the faces it
    /// needs. Without them such characters are an error (pictographs are
    /// left out with a note).
    pub fallback_fonts: Vec<Arc<fontdb::Database>>,
    /// The Creator entry of the document information: the program that made
    /// the résumé.
    pub creator: String,
}

impl Default for PdfOptions {
    fn default() -> PdfOptions {
        PdfOptions {
            timestamp: None,
            fit_pages: None,
            fallback_fonts: Vec::new(),
            creator: "resume".into(),
        }
    }
}

/// A written PDF and what the caller should be told about it.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfOutput {
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// What `fit_pages` changed or could not do ([`Note::Fit`]), and faces
    /// borrowed for missing characters ([`Note::FontBorrowed`]).
    pub notes: Vec<Note>,
}

/// Why a PDF could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// Letters no available font can draw.
    #[error(
        "no font has a glyph for {}; pass a font database that covers them or remove them",
        describe_chars(chars)
    )]
    MissingGlyphs { chars: Vec<char> },
    #[error("font error: {0}")]
    Font(String),
    #[error("invalid option: {0}")]
    InvalidOption(String),
    #[error("timestamp out of range: {0}")]
    InvalidTimestamp(String),
    #[error("writing the PDF failed: {0}")]
    Write(String),
}

/// Typesets `document` as PDF bytes.
pub fn pdf(document: &Document, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    pdf_with_report(document, options).map(|out| out.bytes)
}

/// Typesets `document` and reports what fitting changed and which faces
/// were borrowed.
pub fn pdf_with_report(document: &Document, options: &PdfOptions) -> Result<PdfOutput, PdfError> {
    let mut out = None;
    typeset(document, options, |laid, prepared, fonts, design, notes| {
        let info = write::Info {
            doc: document,
            timestamp: options.timestamp,
            creator: &options.creator,
        };
        let bytes = write::write(laid, &prepared.paras, fonts, design, &info)?;
        out = Some(PdfOutput {
            bytes,
            pages: laid.pages.len(),
            notes,
        });
        Ok(())
    })?;
    out.ok_or_else(|| PdfError::Write("nothing was typeset".into()))
}

/// The laid-out pages as text, one line per run of text (position, font,
/// size, colour, text), rule, band or underline, positions in points from
/// the top left rounded to 0.1 pt. Golden tests compare it: unlike the
/// bytes, a change in it says what moved.
pub fn layout_dump(document: &Document, options: &PdfOptions) -> Result<String, PdfError> {
    let mut out = String::new();
    typeset(document, options, |laid, prepared, fonts, design, _| {
        out = dump::dump(laid, &prepared.paras, fonts, design);
        Ok(())
    })?;
    Ok(out)
}

/// Whether the bundled families lack a character of `document`, so that
/// the caller should pass [`PdfOptions::fallback_fonts`] (the CLI then
/// loads the system fonts, which is slow enough to do only when needed).
pub fn needs_more_fonts(document: &Document) -> bool {
    let natural = Design::natural(&document.theme);
    let draft = Draft::new(document, &natural);
    matches!(
        FallbackData::resolve(&draft.chars(), &[], document.meta.language.as_str()),
        Err(PdfError::MissingGlyphs { .. })
    )
}

/// Shapes, fits and lays `document` out, then hands the pages to `finish`
/// with the faces, the chosen design and the notes so far.
fn typeset(
    document: &Document,
    options: &PdfOptions,
    finish: impl FnOnce(&Laid, &Prepared, &Fonts<'_>, &Design, Vec<Note>) -> Result<(), PdfError>,
) -> Result<(), PdfError> {
    if options.fit_pages == Some(0) {
        return Err(PdfError::InvalidOption(
            "fit-pages must be at least 1".into(),
        ));
    }
    // Faces, colours and cases do not change with fitting, only sizes and
    // gaps: the text is prepared and shaped once, from the natural design.
    let natural = Design::natural(&document.theme);
    let draft = Draft::new(document, &natural);
    let dbs: Vec<&fontdb::Database> = options.fallback_fonts.iter().map(|d| &**d).collect();
    let fallback = FallbackData::resolve(&draft.chars(), &dbs, document.meta.language.as_str())?;
    let fonts = Fonts::new(&fallback)?;
    let prepared = draft.shape(&fonts);

    let mut typesetter = Typesetter {
        prepared: &prepared,
        fonts: &fonts,
    };
    let fitted = fit(document, options.fit_pages, &mut typesetter);
    let mut notes = fallback.notes();
    if !fallback.omitted().is_empty() {
        notes.push(Note::Omitted {
            chars: fallback.omitted().iter().copied().collect(),
        });
    }
    notes.extend(fitted.note.map(Note::Fit));
    finish(&fitted.layout, &prepared, &fonts, &fitted.design, notes)
}

/// The PDF backend as a [`Format`].
#[derive(Debug, Clone, Default)]
pub struct Pdf {
    /// Faces for characters the bundled families lack (the user's font
    /// folders, then the system fonts); see [`PdfOptions::fallback_fonts`].
    pub fallback_fonts: Vec<Arc<fontdb::Database>>,
}

impl Format for Pdf {
    fn extension(&self) -> &'static str {
        "pdf"
    }

    fn paged(&self) -> bool {
        true
    }

    fn render(&self, document: &Document, shared: &Shared) -> Result<Output, FormatError> {
        let options = PdfOptions {
            timestamp: shared.timestamp,
            fit_pages: shared.fit_pages,
            fallback_fonts: self.fallback_fonts.clone(),
            creator: shared.creator.clone(),
        };
        match pdf_with_report(document, &options) {
            Ok(out) => Ok(Output {
                bytes: out.bytes,
                pages: Some(out.pages),
                notes: out.notes,
            }),
            Err(PdfError::MissingGlyphs { chars }) => Err(FormatError::missing(
                format!(
                    "no font has a glyph for {}; install a font that covers them or remove them",
                    describe_chars(&chars)
                ),
                chars,
            )),
            Err(e) => Err(FormatError::new(e.to_string())),
        }
    }
}
