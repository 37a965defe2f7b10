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
        link: Some(url.into()),
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
