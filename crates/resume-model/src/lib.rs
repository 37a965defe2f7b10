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
mod url;
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
pub use markup::{Rich, RichSpan, check_url, escape};
pub use model::*;
pub use section::{SectionKind, SectionRef};
pub use spans::SourceMap;
pub use url::{
    ALLOWED_SCHEMES, Email, EmailError, LangTag, LinkTarget, SafeUrl, Scheme, UrlError,
    is_invisible,
};
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
    read_toml(source, Reading::Build)
}

/// Reads a résumé written in our TOML format as `resume check` does: what
/// `build` forgives with a warning (an end before its start, a link to a
/// relative path, an address that is no e-mail address) is an error.
pub fn parse_toml_strict(source: &str) -> Parsed<Resume> {
    read_toml(source, Reading::Check)
}

fn read_toml(source: &str, reading: Reading) -> Parsed<Resume> {
    let mut root = tree::from_toml(source)?;
    let mut diags = controls::strip(&mut root, source);
    let (resume, read) = toml_source::read(&root, source);
    diags.extend(read);
    finish_as(resume, diags, reading)
}

/// Reads a JSON Resume file.
///
/// `strict` is the schema's validator (`resume check`): every departure from
/// JSON Resume 1.x is an error. Otherwise (`resume build`) nulls, empty
/// strings and free-text dates are warnings and the résumé is still made.
pub fn parse_json(source: &str, strict: bool) -> Parsed<Resume> {
    read_json(
        source,
        if strict {
            Reading::Check
        } else {
            Reading::Build
        },
    )
}

fn read_json(source: &str, reading: Reading) -> Parsed<Resume> {
    let strict = reading == Reading::Check;
    let (mut root, mut diags) = tree::from_json(source)?;
    diags.extend(tree::json_duplicates(&mut root, source));
    diags.extend(controls::strip(&mut root, source));
    let (resume, read) = json_resume::read(&root, strict);
    diags.extend(read);
    finish_as(resume, diags, reading)
}

/// Converts a source from one format to another, as `resume convert` does.
///
/// The source is read as `build` reads it, and two promises are kept: no
/// value is lost on the way (an extension value the target cannot hold,
/// such as `nan` for JSON or `null` for TOML, is a located error), and the
/// file written passes `check` (else the source's own `check` errors say
/// what to fix first). Warnings come back with the text.
pub fn convert(source: &str, from: SourceFormat, to: SourceFormat) -> Parsed<String> {
    let reading = Reading::ConvertTo(to);
    let (resume, warnings) = match from {
        SourceFormat::Toml => read_toml(source, reading)?,
        SourceFormat::Json => read_json(source, reading)?,
    };
    let text = match to {
        SourceFormat::Toml => to_toml(&resume),
        SourceFormat::Json => to_json(&resume),
    };
    let checked = match to {
        SourceFormat::Toml => parse_toml_strict(&text),
        SourceFormat::Json => parse_json(&text, true),
    };
    let Err(output) = checked else {
        return Ok((text, warnings));
    };
    let strict = match from {
        SourceFormat::Toml => parse_toml_strict(source),
        SourceFormat::Json => parse_json(source, true),
    };
    let mut diags = vec![
        Diagnostic::error(
            "the converted file would not pass `resume check`, so it is not written",
            None,
            "",
        )
        .with_hint("fix what `resume check` reports in the source, then convert again"),
    ];
    match strict {
        Err(errors) => diags.extend(errors.into_iter().filter(Diagnostic::is_error)),
        // The source passes its own `check` and its conversion does not:
        // the target asks for more (our TOML requires `basics.name`, JSON
        // Resume does not). Say what, by the path in the converted file.
        Ok(_) => diags[0].hints.extend(
            output
                .iter()
                .filter(|d| d.is_error())
                .map(|d| format!("the converted file at `{}`: {}", d.path, d.message)),
        ),
    }
    Err(diags)
}

/// What a source is read for, which decides which diagnostics count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// `resume build`: forgiving, with warnings.
    Build,
    /// `resume check`: what `build` forgives is an error.
    Check,
    /// `resume convert` to this format: read as for `build`, and a value the
    /// format cannot hold is an error.
    ConvertTo(SourceFormat),
}

/// [`finish`] after keeping the diagnostics `reading` counts, as it counts
/// them.
fn finish_as<T>(resume: T, diags: Vec<Diagnostic>, reading: Reading) -> Parsed<T> {
    use diag::Counts;
    let diags = diags
        .into_iter()
        .filter_map(|mut d| {
            match (d.counts, reading) {
                (Counts::ErrorInCheck, Reading::Check) => d.severity = Severity::Error,
                (Counts::ConvertingTo(f), Reading::ConvertTo(to)) if f == to => {}
                (Counts::ConvertingTo(_), _) => return None,
                _ => {}
            }
            Some(d)
        })
        .collect();
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

#[cfg(test)]
mod reading_tests;
