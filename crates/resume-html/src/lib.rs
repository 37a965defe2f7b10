//! HTML backend: renders a résumé [`Document`] as one self-contained, accessible
//! web page that also prints to paper like the PDF.
//!
//! The page carries its stylesheet inline and fetches nothing, so it works the
//! same from a web server, an e-mail attachment or `file://`. Markup comes from
//! askama templates in the workspace's `templates/` folder with escaping on;
//! this crate only prepares what they show. Every link target is checked again
//! here, so no scheme other than `http`, `https`, `mailto` and `tel` can reach
//! an `href`, whatever the Document carries.
//!
//! Colours, sizes and spacing come from the Document's [`Theme`], the same
//! parameters the PDF and DOCX backends use, so the three look like one family.
//!
//! [`Theme`]: resume_document::Theme

mod jsonld;
mod layout;
mod metrics;
mod style;
mod view;

use askama::Template;
use resume_document::Document;

/// How the page is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlOptions {
    /// Embed a schema.org `Person` description as JSON-LD, so search engines
    /// can read the name, job title and contact links.
    pub json_ld: bool,
    /// Fit the printed page onto this many sheets when the theme's spacing
    /// and size, tightened within readable limits, allow it; the screen
    /// layout is unaffected. `None` prints with the theme's values as they
    /// are. The default is one sheet, as for the PDF.
    pub fit_pages: Option<u32>,
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlOutput {
    /// The complete page, `<!DOCTYPE html>` to `</html>`.
    pub html: String,
    /// What `fit_pages` changed in the print layout, or could not do; one
    /// sentence each.
    pub notes: Vec<String>,
}

/// Why a page could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HtmlError {
    /// An option has a value that cannot be used.
    #[error("{0}")]
    InvalidOption(String),
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

/// Like [`html`], and also says what fitting the printed page changed.
pub fn html_with_report(
    document: &Document,
    options: &HtmlOptions,
) -> Result<HtmlOutput, HtmlError> {
    if options.fit_pages == Some(0) {
        return Err(HtmlError::InvalidOption(
            "fit-pages must be at least 1".into(),
        ));
    }
    let geometry = layout::Geometry::new(&document.theme);
    let fitting = layout::fit(document, &geometry, options.fit_pages);
    let css = style::css(&document.theme, &geometry, fitting.fit)?;
    let json_ld = options.json_ld.then(|| jsonld::person(document));
    let page = view::Page::new(document, css, json_ld);
    Ok(HtmlOutput {
        html: page.render()?,
        notes: fitting.note.into_iter().collect(),
    })
}
