//! The résumé source model: reads our TOML format (and JSON Resume) into a
//! validated [`Resume`], or reports every problem of the file at once as
//! [`Diagnostic`]s with byte spans. No IO and no knowledge of output formats.

mod controls;
mod date;
pub mod design;
mod design_read;
mod diag;
mod job;
mod json_resume;
mod locale;
mod locate;
mod markup;
mod model;
mod read;
mod section;
mod spans;
pub mod spec;
mod toml_source;
mod tree;
mod write;

pub use controls::{describe as describe_control, is_control};
pub use date::{Date, DateError, DateValue};
pub use design::{THEMES, Theme};
pub use design_read::parse_length;
pub use diag::{Diagnostic, LineIndex, Parsed, Severity};
pub use job::{Job, JobField, JobText, parse_job};
pub use locale::{
    ContactLabels, Dates, Direction, LOCALES, Locale, Punctuation, Texts, Titles, suggest_locale,
};
pub use locate::{Located, Locator, SourceFormat, locate};
pub use markup::{ALLOWED_SCHEMES, Rich, RichSpan, check_url, escape};
pub use model::*;
pub use section::{SectionKind, SectionRef};
pub use spans::SourceMap;
pub use write::{to_json, to_toml};

/// Reads a theme file: the theme it extends and the settings it changes.
pub fn parse_theme(source: &str) -> Parsed<design::ThemeFile> {
    let root = tree::from_toml(source)?;
    let mut cx = read::Cx::new(read::Mode::Toml);
    let file = design_read::read(&mut cx, &root, "", design_read::Place::ThemeFile).map(|r| {
        design::ThemeFile {
            extends: r.theme,
            description: r.description,
            settings: r.settings,
        }
    });
    match file {
        Some(f) => finish(f, cx.diags),
        None => Err(cx.diags),
    }
}

/// Reads a résumé written in our TOML format.
///
/// On success the résumé comes with its warnings; otherwise every error
/// (and warning) found in the file is returned, in source order.
pub fn parse_toml(source: &str) -> Parsed<Resume> {
    let mut root = tree::from_toml(source)?;
    let mut diags = controls::strip(&mut root, source);
    let (resume, read) = toml_source::read(&root, source);
    diags.extend(read);
    finish(resume, diags)
}

/// Reads a JSON Resume file.
///
/// `strict` is the schema's validator (`resume check`): every departure from
/// JSON Resume 1.x is an error. Otherwise (`resume build`) nulls, empty
/// strings and free-text dates are warnings and the résumé is still made.
pub fn parse_json(source: &str, strict: bool) -> Parsed<Resume> {
    let mut root = tree::from_json(source)?;
    let mut diags = tree::json_duplicates(&mut root, source);
    diags.extend(controls::strip(&mut root, source));
    let (resume, read) = json_resume::read(&root, strict);
    diags.extend(read);
    finish(resume, diags)
}

fn finish<T>(resume: T, mut diags: Vec<Diagnostic>) -> Parsed<T> {
    diags.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    if diags.iter().any(Diagnostic::is_error) {
        Err(diags)
    } else {
        Ok((resume, diags))
    }
}

/// Section keys in the order the top-level `keys` of a source name them:
/// `basics` stands for the summary, `custom` for each custom section.
pub(crate) fn source_order<'k>(keys: impl Iterator<Item = &'k str>, r: &Resume) -> Vec<String> {
    let mut order = Vec::new();
    for key in keys {
        match key {
            "basics" if r.basics.summary.is_some() => order.push("summary".to_string()),
            "custom" => order.extend(r.custom.iter().map(|c| c.id.clone())),
            k if SECTION_KEYS.contains(&k) && k != "summary" => order.push(k.to_string()),
            _ => {}
        }
    }
    order
}
