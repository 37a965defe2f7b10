//! Small builders for the special-case Documents the tests make; the seed
//! itself is the real one, `resume_tests::seed_document()`.

#![allow(dead_code)]

use resume_document::{DatePoint, DateRange, Entry, Span, Text};

pub fn date(display: &str, iso: Option<&str>) -> DatePoint {
    DatePoint {
        display: display.into(),
        iso: iso.map(Into::into),
    }
}

pub fn range(start: (&str, &str), end: (&str, Option<&str>)) -> Option<DateRange> {
    Some(DateRange {
        start: Some(date(start.0, Some(start.1))),
        end: Some(date(end.0, end.1)),
        separator: " – ".into(),
    })
}

pub fn text(spans: Vec<Span>) -> Text {
    Text { spans }
}

pub fn link(t: &str, url: &str) -> Span {
    Span {
        text: t.into(),
        link: resume_document::SafeUrl::parse(url).ok(),
        ..Span::default()
    }
}

pub fn entry(title: Text) -> Entry {
    Entry {
        title,
        dates: None,
        location: None,
        lines: Vec::new(),
        bullets: Vec::new(),
        roles: Vec::new(),
    }
}

/// The seed résumé in the built-in theme `name`.
pub fn seed_in(name: &str) -> resume_document::Document {
    let theme = resume_model::Theme::builtin(name).expect("a built-in theme");
    seed_with(theme)
}

/// The seed résumé in `theme`.
pub fn seed_with(theme: resume_model::Theme) -> resume_document::Document {
    resume_document::lower(
        &resume_tests::seed_resume(),
        &resume_document::Options {
            theme: Some(theme),
            ..Default::default()
        },
    )
}

/// The embedded fonts of a page, as (media type, base64 text) pairs.
pub fn data_uris(page: &str) -> Vec<(&str, &str)> {
    page.match_indices("url(\"data:")
        .filter_map(|(at, m)| {
            let rest = &page[at + m.len()..];
            let (mime, rest) = rest.split_once(";base64,")?;
            let end = rest.find('"')?;
            Some((mime, &rest[..end]))
        })
        .collect()
}
