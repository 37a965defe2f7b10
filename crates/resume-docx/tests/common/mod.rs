//! Helpers of this crate's tests. The seed is the real one,
//! `resume_tests::seed_document()`; `reading_order` says how a reader meets
//! a Document's words.

#![allow(dead_code)]

pub mod ooxml;

use resume_document::{Document, Entry, SectionBody};

/// The words of `doc` in the order a reader meets them on the page: each
/// entry row left to right (title then dates, first line then location).
pub fn reading_order(doc: &Document) -> Vec<String> {
    fn entry(e: &Entry, out: &mut String) {
        out.push_str(&format!("{}\n", e.title.to_plain()));
        if let Some(d) = &e.dates {
            out.push_str(&format!("{}\n", d.display()));
        }
        if let Some(l) = e.lines.first() {
            out.push_str(&format!("{}\n", l.text.to_plain()));
        }
        if let Some(l) = &e.location {
            out.push_str(&format!("{l}\n"));
        }
        for l in e.lines.iter().skip(1) {
            out.push_str(&format!("{}\n", l.text.to_plain()));
        }
        for b in &e.bullets {
            out.push_str(&format!("{}\n", b.to_plain()));
        }
        for r in &e.roles {
            entry(r, out);
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
