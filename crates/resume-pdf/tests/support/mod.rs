//! Small builders for the special-case Documents the tests make; the seed
//! itself is the real one, `resume_tests::seed_document()`.

use resume_document::{DatePoint, DateRange, Entry, Line, Text};

pub fn dates(start: &str, end: &str) -> Option<DateRange> {
    Some(DateRange {
        start: Some(DatePoint {
            display: start.into(),
            iso: None,
        }),
        end: Some(DatePoint {
            display: end.into(),
            iso: None,
        }),
        separator: " – ".into(),
    })
}

pub fn entry(
    title: Text,
    when: Option<DateRange>,
    location: Option<&str>,
    lines: Vec<Line>,
    bullets: &[Text],
) -> Entry {
    Entry {
        title,
        dates: when,
        location: location.map(str::to_owned),
        lines,
        bullets: bullets.to_vec(),
        roles: Vec::new(),
    }
}
