//! The PDF backend: typesets a [`Document`] into a PDF that reads like a
//! hand-set résumé and extracts cleanly as text.
//!
//! The layout is our own, on top of printpdf's page operations: text is
//! shaped with rustybuzz (kerning on, ligatures off so every letter stays a
//! searchable character), broken into lines at Unicode break opportunities,
//! and placed in one column with right-aligned dates. Fonts are the embedded
//! Noto Sans styles, subset to the glyphs used and written with a ToUnicode
//! map; characters they lack come from a caller-supplied font database. The
//! PDF is tagged: a structure tree gives its headings and paragraphs in
//! reading order.
//!
//! Given the same [`Document`] and [`PdfOptions`], the output is the same
//! bytes: nothing reads the clock or the environment, and the only files
//! read are those of faces in a font database the caller passes.

mod fonts;
mod layout;
mod prepare;
mod text;
mod write;

use std::sync::Arc;

use resume_document::Document;

use crate::fonts::{FallbackData, Fonts};
use crate::layout::{Fit, Laid, Metrics, layout};
use crate::prepare::Draft;

/// The smallest body text `fit_pages` shrinks to, in points: below it a
/// printed résumé stops being comfortable to read.
pub const READABLE_FLOOR: f32 = 8.5;

/// How to write the PDF. Paper, margins, sizes and colours come from the
/// document's theme.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// Creation and modification date as Unix seconds (the CLI passes
    /// `SOURCE_DATE_EPOCH`). `None` writes no dates.
    pub timestamp: Option<i64>,
    /// Fit the résumé on at most this many pages by tightening vertical
    /// spacing, then the font size down to [`READABLE_FLOOR`]. What changed is
    /// reported in [`PdfOutput::notes`].
    pub fit_pages: Option<usize>,
    /// Faces to draw characters from that Noto Sans lacks, such as CJK text.
    /// The CLI fills it with the system fonts; the backend only reads the
    /// faces it needs. Without it such characters are an error.
    pub fallback_fonts: Option<Arc<fontdb::Database>>,
    /// The Creator entry of the document information: the program that made
    /// the résumé.
    pub creator: String,
}

impl Default for PdfOptions {
    fn default() -> PdfOptions {
        PdfOptions {
            timestamp: None,
            fit_pages: None,
            fallback_fonts: None,
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
    /// What `fit_pages` changed or could not do, and fonts borrowed for
    /// missing characters; one sentence each.
    pub notes: Vec<String>,
}

/// Why a PDF could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// Characters no available font can draw.
    #[error(
        "no font has a glyph for {chars}; pass a font database that covers them or remove them"
    )]
    MissingGlyphs { chars: String },
    #[error("font error: {0}")]
    Font(String),
    #[error("the theme cannot be laid out: {0}")]
    InvalidTheme(String),
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

/// Typesets `document` and reports what fitting changed.
pub fn pdf_with_report(document: &Document, options: &PdfOptions) -> Result<PdfOutput, PdfError> {
    if options.fit_pages == Some(0) {
        return Err(PdfError::InvalidOption(
            "fit-pages must be at least 1".into(),
        ));
    }
    let draft = Draft::new(document);
    let fallback = FallbackData::resolve(&draft.chars(), options.fallback_fonts.as_deref())?;
    let fonts = Fonts::new(&fallback)?;
    let prepared = draft.shape(&fonts);
    let cap = write::cap_height(&fonts);
    let theme = &document.theme;

    let mut notes = fallback.notes();
    let natural = Fit {
        spacing: 1.0,
        body: theme.body_size,
    };
    let mut metrics = Metrics::new(theme, natural, cap)?;
    let mut laid = layout(&prepared, &fonts, &metrics);
    if let Some(target) = options.fit_pages
        && laid.pages.len() > target
    {
        let (fit, m, l) = fit(&prepared, &fonts, theme, cap, target)?;
        notes.push(fit_note(theme, fit, target, l.pages.len()));
        metrics = m;
        laid = l;
    }

    let info = write::Info {
        doc: document,
        timestamp: options.timestamp,
        creator: &options.creator,
    };
    let bytes = write::write(&laid, &prepared.paras, &fonts, &metrics, &info)?;
    Ok(PdfOutput {
        bytes,
        pages: laid.pages.len(),
        notes,
    })
}

/// Spacing steps tried first, as fractions of the theme's gaps.
const SPACING_STEPS: [f32; 3] = [0.85, 0.7, 0.55];
/// Then the body size shrinks in steps of this many points.
const SIZE_STEP: f32 = 0.25;

/// Tightens the layout until it takes at most `target` pages, or returns
/// the tightest layout if nothing fits.
fn fit(
    prepared: &prepare::Prepared,
    fonts: &Fonts<'_>,
    theme: &resume_document::Theme,
    cap: f32,
    target: usize,
) -> Result<(Fit, Metrics, Laid), PdfError> {
    let mut attempts: Vec<Fit> = SPACING_STEPS
        .iter()
        .map(|&spacing| Fit {
            spacing,
            body: theme.body_size,
        })
        .collect();
    let spacing = SPACING_STEPS[SPACING_STEPS.len() - 1];
    let mut body = theme.body_size - SIZE_STEP;
    while body >= READABLE_FLOOR - 1e-3 {
        attempts.push(Fit { spacing, body });
        body -= SIZE_STEP;
    }
    let mut last = None;
    for fit in attempts {
        let m = Metrics::new(theme, fit, cap)?;
        let laid = layout(prepared, fonts, &m);
        if laid.pages.len() <= target {
            if fit.body < theme.body_size {
                // The smaller text may leave room: give back as much of the
                // spacing as still fits, so the page is not left half empty.
                let mut spacing = 1.0;
                while spacing > fit.spacing + 1e-3 {
                    let looser = Fit { spacing, ..fit };
                    spacing -= 0.05;
                    let m = Metrics::new(theme, looser, cap)?;
                    let laid = layout(prepared, fonts, &m);
                    if laid.pages.len() <= target {
                        return Ok((looser, m, laid));
                    }
                }
            }
            return Ok((fit, m, laid));
        }
        last = Some((fit, m, laid));
    }
    last.ok_or_else(|| PdfError::InvalidOption("nothing to try".into()))
}

fn fit_note(theme: &resume_document::Theme, fit: Fit, target: usize, pages: usize) -> String {
    let mut changes = vec![format!("spacing tightened to {:.0} %", fit.spacing * 100.0)];
    if fit.body < theme.body_size {
        changes.push(format!(
            "body text {} pt → {} pt, headings scaled alike",
            theme.body_size, fit.body
        ));
    }
    let pages_word = |n: usize| if n == 1 { "page" } else { "pages" };
    if pages <= target {
        format!(
            "fit-pages {target}: {}; now {pages} {}",
            changes.join(", "),
            pages_word(pages)
        )
    } else {
        format!(
            "fit-pages {target}: cannot fit on {target} {}: with {} it still takes {pages} pages; all content kept",
            pages_word(target),
            changes.join(", ")
        )
    }
}
