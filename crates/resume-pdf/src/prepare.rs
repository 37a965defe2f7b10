//! The Document turned into paragraphs with their looks, before and after
//! shaping. Which text is bold, italic, muted or a link is decided here;
//! where it goes on the page is the layout's business.

use std::collections::BTreeSet;

use resume_document::{ContactKind, Document, Entry, LineKind, SectionBody, Text};

use crate::fonts::{Fonts, Style};
use crate::text::{Ink, Para, ParaBuilder};

/// Between contact items on the header line.
const CONTACT_SEPARATOR: &str = "  •  ";
/// The mark in front of each bullet.
pub(crate) const BULLET: &str = "•";

/// The Document's structure with paragraphs replaced by indices into a
/// paragraph list.
#[derive(Debug, Default)]
pub(crate) struct Outline {
    pub name: Option<usize>,
    pub headline: Option<usize>,
    pub contacts: Option<usize>,
    pub sections: Vec<OutlineSection>,
    pub bullet: usize,
    /// The name as the page footer shows it.
    pub footer_name: String,
}

#[derive(Debug)]
pub(crate) struct OutlineSection {
    pub title: Option<usize>,
    pub body: OutlineBody,
}

#[derive(Debug)]
pub(crate) enum OutlineBody {
    Entries(Vec<OutlineEntry>),
    Paragraphs(Vec<usize>),
    List(Vec<usize>),
}

#[derive(Debug, Default)]
pub(crate) struct OutlineEntry {
    pub title: Option<usize>,
    pub dates: Option<usize>,
    pub location: Option<usize>,
    pub lines: Vec<(usize, LineKind)>,
    pub bullets: Vec<usize>,
    pub roles: Vec<OutlineEntry>,
}

/// Paragraphs not yet shaped: first every character is checked against the
/// fonts, then everything is shaped at once.
#[derive(Debug)]
pub(crate) struct Draft {
    builders: Vec<ParaBuilder>,
    pub outline: Outline,
}

/// Shaped paragraphs and the outline that places them.
#[derive(Debug)]
pub(crate) struct Prepared {
    pub paras: Vec<Para>,
    pub outline: Outline,
}

/// The characters of page footers, which are made after pagination.
pub(crate) const FOOTER_CHARS: &str = "0123456789/ ";

impl Draft {
    pub fn new(doc: &Document) -> Draft {
        let mut d = Draft {
            builders: Vec::new(),
            outline: Outline::default(),
        };
        let header = &doc.header;
        d.outline.name = d.add_plain(&header.name, Style::BOLD, Ink::Accent);
        d.outline.headline = header
            .headline
            .as_deref()
            .and_then(|h| d.add_plain(h, Style::REGULAR, Ink::Muted));
        d.outline.contacts = d.contacts(doc);
        d.outline.footer_name = header.name.trim().to_owned();
        let mut bullet = ParaBuilder::new();
        bullet.push(BULLET, Style::REGULAR, Ink::Text, None);
        d.outline.bullet = d.add_builder(bullet);
        for section in &doc.sections {
            // A section without a title still shows its content.
            let title = d.add_plain(&section.title, Style::BOLD, Ink::Accent);
            let body = d.body(&section.body);
            d.outline.sections.push(OutlineSection { title, body });
        }
        d
    }

    /// Every character with its style, including those of page footers.
    pub fn chars(&self) -> BTreeSet<(char, Style)> {
        let mut out = BTreeSet::new();
        for b in &self.builders {
            b.chars(&mut out);
        }
        for c in FOOTER_CHARS.chars().chain(self.outline.footer_name.chars()) {
            if !c.is_whitespace() && !crate::fonts::is_invisible(c) {
                out.insert((c, Style::REGULAR));
            }
        }
        out
    }

    pub fn shape(self, fonts: &Fonts<'_>) -> Prepared {
        Prepared {
            paras: self.builders.into_iter().map(|b| b.shape(fonts)).collect(),
            outline: self.outline,
        }
    }

    fn add_builder(&mut self, b: ParaBuilder) -> usize {
        self.builders.push(b);
        self.builders.len() - 1
    }

    fn add_plain(&mut self, text: &str, style: Style, ink: Ink) -> Option<usize> {
        let mut b = ParaBuilder::new();
        b.push(text, style, ink, None);
        (!b.is_empty()).then(|| self.add_builder(b))
    }

    fn add_text(&mut self, text: &Text, base: Style, ink: Ink) -> Option<usize> {
        let mut b = ParaBuilder::new();
        for span in &text.spans {
            let style = Style {
                bold: base.bold || span.strong,
                italic: base.italic || span.emphasis,
            };
            let ink = if span.link.is_some() { Ink::Link } else { ink };
            b.push(&span.text, style, ink, span.link.as_deref());
        }
        (!b.is_empty()).then(|| self.add_builder(b))
    }

    fn contacts(&mut self, doc: &Document) -> Option<usize> {
        let mut b = ParaBuilder::new();
        let mut first = true;
        for contact in &doc.header.contacts {
            if contact.text.trim().is_empty() {
                continue;
            }
            if !first {
                b.push(CONTACT_SEPARATOR, Style::REGULAR, Ink::Muted, None);
                b.break_here();
            }
            first = false;
            let ink = match (&contact.url, contact.kind) {
                (Some(_), _) => Ink::Link,
                (None, ContactKind::Location) => Ink::Muted,
                (None, _) => Ink::Text,
            };
            b.push(&contact.text, Style::REGULAR, ink, contact.url.as_deref());
        }
        (!b.is_empty()).then(|| self.add_builder(b))
    }

    fn body(&mut self, body: &SectionBody) -> OutlineBody {
        match body {
            SectionBody::Entries(entries) => {
                OutlineBody::Entries(entries.iter().map(|e| self.entry(e)).collect())
            }
            SectionBody::Paragraphs(paras) => OutlineBody::Paragraphs(
                paras
                    .iter()
                    .filter_map(|p| self.add_text(p, Style::REGULAR, Ink::Text))
                    .collect(),
            ),
            SectionBody::List(items) => OutlineBody::List(
                items
                    .iter()
                    .filter_map(|p| self.add_text(p, Style::REGULAR, Ink::Text))
                    .collect(),
            ),
        }
    }

    fn entry(&mut self, entry: &Entry) -> OutlineEntry {
        OutlineEntry {
            title: self.add_text(&entry.title, Style::REGULAR, Ink::Text),
            dates: entry
                .dates
                .as_ref()
                .and_then(|d| self.add_plain(&d.display(), Style::REGULAR, Ink::Muted)),
            location: entry
                .location
                .as_deref()
                .and_then(|l| self.add_plain(l, Style::REGULAR, Ink::Muted)),
            lines: entry
                .lines
                .iter()
                .filter_map(|line| {
                    let (style, ink) = match line.kind {
                        LineKind::Subtitle => (Style::ITALIC, Ink::Text),
                        LineKind::Keywords => (Style::ITALIC, Ink::Muted),
                        LineKind::Detail => (Style::REGULAR, Ink::Text),
                    };
                    self.add_text(&line.text, style, ink)
                        .map(|p| (p, line.kind))
                })
                .collect(),
            bullets: entry
                .bullets
                .iter()
                .filter_map(|b| self.add_text(b, Style::REGULAR, Ink::Text))
                .collect(),
            roles: entry.roles.iter().map(|r| self.entry(r)).collect(),
        }
    }
}
