//! Helpers of this crate's tests. The seed is the real one,
//! `resume_tests::seed_resume()` lowered in each built-in theme;
//! `reading_order` says how a reader meets a Document's words.

#![allow(dead_code)]

pub mod ooxml;

use resume_document::{DatesAt, Document, Entry, Options, SectionBody};

/// The seed résumé lowered in the built-in theme `name`.
pub fn seed_in(name: &str) -> Document {
    let theme = resume_model::Theme::builtin(name).expect("a built-in theme");
    let options = Options {
        theme: Some(theme),
        ..Options::default()
    };
    resume_document::lower(&resume_tests::seed_resume(), &options)
}

/// The words of `doc` in the order a reader meets them on the page: each
/// entry row left to right (title then dates, first line then location).
///
/// Dates in a left column come before their entry and wrap inside the
/// column beside its rows, so for those themes they are left out here and
/// checked on their own ([`date_words`]).
pub fn reading_order(doc: &Document) -> Vec<String> {
    let dates_right = doc.theme.entries.dates == DatesAt::Right;
    let entry = |e: &Entry, out: &mut String| entry_order(e, dates_right, out);
    fn entry_order(e: &Entry, dates_right: bool, out: &mut String) {
        // The rows on the left: the title, then the secondary lines; on the
        // right, one per row from the first: the dates when they stand on
        // the right, then the place. With dates in a column, the place is
        // the last row on the left (the dates are checked on their own).
        let mut left: Vec<String> = vec![e.title.to_plain()];
        left.extend(e.lines.iter().map(|l| l.text.to_plain()));
        let mut right: Vec<String> = Vec::new();
        if dates_right {
            right.extend(e.dates.as_ref().map(|d| d.display()));
            right.extend(e.location.clone());
        } else {
            left.extend(e.location.clone());
        }
        for i in 0..left.len().max(right.len()) {
            for side in [&left, &right] {
                if let Some(t) = side.get(i) {
                    out.push_str(&format!("{t}\n"));
                }
            }
        }
        for b in &e.bullets {
            out.push_str(&format!("{}\n", b.to_plain()));
        }
        for r in &e.roles {
            entry_order(r, dates_right, out);
        }
    }
    let mut s = format!("{}\n", doc.header.name);
    if let Some(h) = &doc.header.headline {
        s.push_str(&format!("{h}\n"));
    }
    for c in &doc.header.contacts {
        s.push_str(&format!("{}\n", c.text));
    }
    for section in &doc.sections {
        s.push_str(&format!("{}\n", section.title));
        match &section.body {
            SectionBody::Entries(es) => es.iter().for_each(|e| entry(e, &mut s)),
            SectionBody::Paragraphs(ps) | SectionBody::List(ps) => {
                for p in ps {
                    s.push_str(&format!("{}\n", p.to_plain()));
                }
            }
        }
    }
    ooxml::tokens(&s)
}

/// The words of every entry's dates, entry by entry.
pub fn date_words(doc: &Document) -> Vec<Vec<String>> {
    fn entry(e: &Entry, out: &mut Vec<Vec<String>>) {
        if let Some(d) = &e.dates {
            out.push(ooxml::tokens(&d.display()));
        }
        e.roles.iter().for_each(|r| entry(r, out));
    }
    let mut out = Vec::new();
    for section in &doc.sections {
        if let SectionBody::Entries(es) = &section.body {
            es.iter().for_each(|e| entry(e, &mut out));
        }
    }
    out
}
