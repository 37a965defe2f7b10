//! HTML backend: renders a résumé [`Document`] as one self-contained, accessible
//! web page that also prints to paper like the PDF.
//!
//! The page carries its stylesheet and, for designs that embed their fonts,
//! the PDF's own faces cut down to the characters it shows, so it fetches
//! nothing and looks the same from a web server, an e-mail attachment or
//! `file://`. Markup comes from askama templates in the workspace's
//! `templates/` folder with escaping on; this crate only prepares what they
//! show. Every link target is checked again here, so no scheme other than
//! `http`, `https`, `mailto` and `tel` can reach an `href`, whatever the
//! Document carries.
//!
//! The look is the resolved [`Design`] of the Document's theme and nothing
//! else: every size, gap, face, colour, rule and separator comes from it,
//! as it does for the PDF and the DOCX. The printed page is fitted with the
//! shared page-fit search over the shared page [`Estimate`], which lays the
//! page out with the same widths and rows as the stylesheet.

mod fonts;
mod jsonld;
mod sfnt;
mod style;
mod view;

use askama::Template;
use resume_document::{
    Design, Document, Estimate, FaceSet, Format, FormatError, HtmlFonts, Note, Output, Shared,
};

/// How the page is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlOptions {
    /// Embed a schema.org `Person` description as JSON-LD, so search engines
    /// can read the name, job title and contact links.
    pub json_ld: bool,
    /// Fit the printed page onto this many sheets when the design's spacing
    /// and size, tightened within readable limits, allow it; the screen
    /// layout is unaffected. `None` prints the design as it is. The default
    /// is one sheet, as for the PDF.
    pub fit_pages: Option<usize>,
}

impl Default for HtmlOptions {
    fn default() -> HtmlOptions {
        HtmlOptions {
            json_ld: true,
            fit_pages: Some(1),
        }
    }
}

/// A page and what a person should know about how it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlOutput {
    /// The complete page, `<!DOCTYPE html>` to `</html>`.
    pub html: String,
    /// Sheets the page prints on, as the page estimate counts them.
    pub pages: usize,
    /// What fitting the printed page changed, or could not do.
    pub notes: Vec<Note>,
}

/// Why a page could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HtmlError {
    /// An option has a value that cannot be used.
    #[error("{0}")]
    InvalidOption(String),
    /// A bundled font could not be cut down for embedding; a bug in this
    /// crate or its font crates, not bad input.
    #[error("{0}")]
    Font(String),
    /// The template engine failed; with our own templates this means a bug
    /// in this crate, not bad input.
    #[error("cannot render the html page: {0}")]
    Template(#[from] askama::Error),
}

/// Renders `document` as a complete HTML page (`<!DOCTYPE html>` to
/// `</html>`).
///
/// The output depends only on its arguments: the same Document and options
/// always give the same bytes.
pub fn html(document: &Document, options: &HtmlOptions) -> Result<String, HtmlError> {
    html_with_report(document, options).map(|out| out.html)
}

/// Like [`html`], and also says how many sheets the page prints on and
/// what fitting the printed page changed.
pub fn html_with_report(
    document: &Document,
    options: &HtmlOptions,
) -> Result<HtmlOutput, HtmlError> {
    if options.fit_pages == Some(0) {
        return Err(HtmlError::InvalidOption(
            "fit-pages must be at least 1".into(),
        ));
    }
    let screen = Design::natural(&document.theme).fit_dates(document);
    let faces = match screen.html_fonts {
        HtmlFonts::Embed => FaceSet::Bundled,
        HtmlFonts::System => FaceSet::System,
    };
    let mut estimate = Estimate::new(document, faces);
    if screen.icons {
        estimate.icon_em = style::ICON_SIZE + style::ICON_GAP;
    }
    let fitted = resume_document::fit(document, options.fit_pages, &mut estimate);

    // Faces, sizes aside, are the same in every fit, so the screen's design
    // says which ones the page uses.
    let embedded = match screen.html_fonts {
        HtmlFonts::Embed => {
            fonts::embed(&fonts::usage(document, &screen)).map_err(HtmlError::Font)?
        }
        HtmlFonts::System => Vec::new(),
    };
    let css = style::css(
        &screen,
        &fitted.design,
        &embedded,
        document.meta.direction.is_rtl(),
    )?;
    let json_ld = options.json_ld.then(|| jsonld::person(document));
    let page = view::Page::new(document, &screen, css, json_ld);
    Ok(HtmlOutput {
        html: page.render()?,
        pages: fitted.pages,
        notes: fitted.note.map(Note::Fit).into_iter().collect(),
    })
}

/// The HTML format, for callers that iterate over formats. The printed
/// page is fitted, so the format is paged.
#[derive(Debug, Clone, Copy, Default)]
pub struct Html;

impl Format for Html {
    fn extension(&self) -> &'static str {
        "html"
    }

    fn paged(&self) -> bool {
        true
    }

    fn render(&self, document: &Document, shared: &Shared) -> Result<Output, FormatError> {
        let options = HtmlOptions {
            json_ld: true,
            fit_pages: shared.fit_pages,
        };
        let out =
            html_with_report(document, &options).map_err(|e| FormatError::new(e.to_string()))?;
        Ok(Output {
            bytes: out.html.into_bytes(),
            pages: Some(out.pages),
            notes: out.notes,
        })
    }
}
