//! The Document turned into paragraphs with their looks, before and after
//! shaping. Every look (face, colour, case, underline) comes from the
//! resolved [`Design`]; page fitting changes only sizes and gaps, so the
//! paragraphs are made and shaped once, from the natural design, and laid
//! out at whatever sizes fitting tries.

use std::collections::BTreeSet;

use resume_document::{
    ContactKind, Design, Document, Entry, LineKind, SectionBody, Text, TextStyle,
};

use crate::fonts::{Fonts, Style};
use crate::icons::Icon;
use crate::text::{Look, Para, ParaBuilder};

/// The Document's structure with paragraphs replaced by indices into a
/// paragraph list.
#[derive(Debug, Default)]
pub(crate) struct Outline {
    pub name: Option<usize>,
    pub headline: Option<usize>,
    pub contacts: Option<usize>,
    pub sections: Vec<OutlineSection>,
    /// The mark hung before each bullet point.
    pub bullet: Option<usize>,
    /// The name as the page footer shows it.
    pub footer_name: String,
    /// A page number in the document's language ("Page {page} of {pages}").
    pub page_label: String,
    /// The document is written right to left.
    pub rtl: bool,
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
    /// The lines of the dates in the left column, when the design puts
    /// them there.
    pub column: Vec<usize>,
    /// Flush right, one per row from the first: dates, then the place.
    pub right: Vec<usize>,
    pub lines: Vec<(usize, LineKind)>,
    /// The place as the heading's last row, when dates stand on the left.
    pub place: Option<usize>,
    pub bullets: Vec<usize>,
    pub roles: Vec<OutlineEntry>,
}

/// Paragraphs not yet shaped: first every character is checked against the
/// fonts, then everything is shaped at once.
#[derive(Debug)]
pub(crate) struct Draft<'d> {
    design: &'d Design,
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
pub(crate) const FOOTER_CHARS: &str = "0123456789";

/// The look of a role of the text.
pub(crate) fn look(style: &TextStyle) -> Look {
    Look::new(
        Style::new(style.family, style.bold, style.italic),
        style.color,
        style.case,
    )
}

impl<'d> Draft<'d> {
    pub fn new(doc: &Document, design: &'d Design) -> Draft<'d> {
        let mut d = Draft {
            design,
            builders: Vec::new(),
            outline: Outline::default(),
        };
        d.outline.page_label = doc.meta.page_label.clone();
        d.outline.rtl = doc.meta.direction.is_rtl();
        let header = &doc.header;
        d.outline.name = d.add_plain(&header.name, look(&design.name));
        d.outline.headline = header
            .headline
            .as_deref()
            .and_then(|h| d.add_plain(h, look(&design.headline)));
        d.outline.contacts = d.contacts(doc);
        d.outline.footer_name = header.name.trim().to_owned();
        let bullet = Look {
            color: design.bullet_color,
            ..look(&design.body)
        };
        d.outline.bullet = d.add_plain(&design.bullet, bullet);
        for section in &doc.sections {
            // A section without a title still shows its content.
            let title = d.add_plain(&section.title, look(&design.section_title));
            let body = d.body(&section.body);
            d.outline.sections.push(OutlineSection { title, body });
        }
        d
    }

    /// Every character with its face, including those of page footers.
    pub fn chars(&self) -> BTreeSet<(char, Style)> {
        let mut out = BTreeSet::new();
        for b in &self.builders {
            b.chars(&mut out);
        }
        let footer = look(&self.design.footer).style;
        let label = self
            .outline
            .page_label
            .replace("{page}", "")
            .replace("{pages}", "");
        let chars = FOOTER_CHARS.chars().chain(label.chars());
        for c in chars.chain(self.outline.footer_name.chars()) {
            if !c.is_whitespace() && !crate::fonts::is_invisible(c) {
                out.insert((c, footer));
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

    fn add_builder(&mut self, mut b: ParaBuilder) -> Option<usize> {
        if b.is_empty() {
            return None;
        }
        b.rtl = self.outline.rtl;
        self.builders.push(b);
        Some(self.builders.len() - 1)
    }

    fn add_plain(&mut self, text: &str, look: Look) -> Option<usize> {
        let mut b = ParaBuilder::new();
        b.push(text, look, None);
        self.add_builder(b)
    }

    /// Rich text in a role: strong spans bold, emphasised ones italic, links
    /// in the link colour (underlined when the design says so).
    fn add_text(&mut self, text: &Text, style: &TextStyle) -> Option<usize> {
        let base = look(style);
        let mut b = ParaBuilder::new();
        for span in &text.spans {
            let mut l = base;
            l.style.bold |= span.strong;
            l.style.italic |= span.emphasis;
            if span.link.is_some() {
                l.color = self.design.link_color;
                l.underline = self.design.link_underline;
            }
            b.push(&span.text, l, span.link.as_deref());
        }
        self.add_builder(b)
    }

    fn contacts(&mut self, doc: &Document) -> Option<usize> {
        let design = self.design;
        let base = look(&design.contact);
        let muted = |l: Look| Look {
            color: design.muted,
            ..l
        };
        let mut b = ParaBuilder::new();
        let mut first = true;
        for contact in &doc.header.contacts {
            if contact.text.trim().is_empty() {
                continue;
            }
            if !first {
                b.push_separator(&design.separator, muted(base));
                b.break_here();
            }
            first = false;
            let l = match (&contact.url, contact.kind) {
                (Some(_), _) => Look {
                    color: design.link_color,
                    underline: design.link_underline,
                    ..base
                },
                (None, ContactKind::Location) => muted(base),
                (None, _) => base,
            };
            if design.icons {
                // In the item's own colour, so icon and text read as one.
                b.push_icon(Icon::for_contact(contact.kind, &contact.label), l);
            }
            // Each item reads in its own direction, whatever the line's: a
            // telephone number stays "+972 50-123-4567" on a Hebrew page.
            b.begin_isolate();
            if let Some(network) = contact.prefix(design.icons) {
                b.push(&format!("{network} "), muted(base), None);
            }
            b.push(&contact.text, l, contact.url.as_deref());
            b.end_isolate(contact.kind != ContactKind::Location);
        }
        self.add_builder(b)
    }

    fn body(&mut self, body: &SectionBody) -> OutlineBody {
        let style = self.design.body;
        match body {
            SectionBody::Entries(entries) => {
                OutlineBody::Entries(entries.iter().map(|e| self.entry(e)).collect())
            }
            SectionBody::Paragraphs(paras) => OutlineBody::Paragraphs(
                paras
                    .iter()
                    .filter_map(|p| self.add_text(p, &style))
                    .collect(),
            ),
            SectionBody::List(items) => OutlineBody::List(
                items
                    .iter()
                    .filter_map(|p| self.add_text(p, &style))
                    .collect(),
            ),
        }
    }

    fn entry(&mut self, entry: &Entry) -> OutlineEntry {
        let design = self.design;
        let beside = design.entry_layout(entry);
        let date = look(&design.date);
        OutlineEntry {
            title: self.add_text(&entry.title, &design.entry_title),
            column: beside
                .column
                .iter()
                .filter_map(|line| self.add_plain(line, date))
                .collect(),
            right: beside
                .right
                .iter()
                .filter_map(|(text, _)| self.add_plain(text, date))
                .collect(),
            place: beside
                .place_row
                .as_deref()
                .and_then(|p| self.add_plain(p, date)),
            lines: entry
                .lines
                .iter()
                .filter_map(|line| {
                    let style = line_style(design, line.kind);
                    self.add_text(&line.text, &style).map(|p| (p, line.kind))
                })
                .collect(),
            bullets: entry
                .bullets
                .iter()
                .filter_map(|b| self.add_text(b, &design.body))
                .collect(),
            roles: entry.roles.iter().map(|r| self.entry(r)).collect(),
        }
    }
}

/// The role a secondary line of an entry is set in.
pub(crate) fn line_style(design: &Design, kind: LineKind) -> TextStyle {
    match kind {
        LineKind::Subtitle => design.subtitle,
        LineKind::Keywords => design.keywords,
        LineKind::Detail => design.detail,
    }
}

/// A footer paragraph, shaped after pagination when the page count is known.
pub(crate) fn footer(text: &str, rtl: bool, design: &Design, fonts: &Fonts<'_>) -> Para {
    let mut b = ParaBuilder::new();
    b.rtl = rtl;
    b.push(text, look(&design.footer), None);
    b.shape(fonts)
}
