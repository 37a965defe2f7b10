//! `word/document.xml` and `word/numbering.xml`: the résumé as a single
//! column of styled paragraphs, built with docx-rs.
//!
//! Every paragraph names one of the styles from [`crate::styles`]; direct
//! formatting is kept to what the text itself carries (strong, emphasis,
//! code, links) and to the muted colour of dates and locations. Rows with
//! text on both sides use a right tab stop, never a table or spaces.

use docx_rs::{
    AbstractNumbering, Docx, Hyperlink, HyperlinkData, HyperlinkType, IndentLevel, Level, LevelJc,
    LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, PageMargin, Paragraph, Run,
    RunFonts, SpecialIndentType, Start,
};
use resume_document::{
    Contact, ContactKind, Document, Entry, Header, Line, LineKind, Section, SectionBody, Text,
};

use crate::clean;
use crate::metrics::Metrics;
use crate::styles::{
    BULLET_NUM_ID, CONTACTS, ENTRY_LINE, HEADING_1, HEADING_2, HEADING_3, HYPERLINK, LIST_BULLET,
    MONO_FONT, SUBTITLE, TITLE,
};

/// Between the items of the contact line.
const CONTACT_SEPARATOR: &str = " \u{2022} ";

/// How the runs of one piece of text look, on top of their own emphasis.
#[derive(Debug, Clone, Copy, Default)]
struct Look<'a> {
    bold: bool,
    italic: bool,
    color: Option<&'a str>,
}

/// Collects the body's paragraphs and numbers what docx-rs would otherwise
/// number from process-wide counters (paragraph ids, hyperlink
/// relationship ids), so the same document gives the same bytes on every
/// call.
struct Body<'m> {
    m: &'m Metrics,
    paragraphs: Vec<Paragraph>,
    links: usize,
}

/// The docx-rs document for `doc`, laid out with `m`.
pub(crate) fn build(doc: &Document, m: &Metrics) -> Docx {
    let mut body = Body {
        m,
        paragraphs: Vec::new(),
        links: 0,
    };
    body.header(&doc.header);
    for section in &doc.sections {
        body.section(section);
    }

    let margin = |twips: u32| twips as i32;
    let mut docx = Docx::new()
        .page_size(m.page.0, m.page.1)
        .page_margin(PageMargin {
            top: margin(m.margins[0]),
            right: margin(m.margins[1]),
            bottom: margin(m.margins[2]),
            left: margin(m.margins[3]),
            header: margin(m.margins[0] / 2),
            footer: margin(m.margins[2] / 2),
            gutter: 0,
        })
        .default_tab_stop(720)
        .add_abstract_numbering(bullet_levels(m))
        .add_numbering(Numbering::new(BULLET_NUM_ID, BULLET_NUM_ID));
    for (i, p) in body.paragraphs.into_iter().enumerate() {
        // Word requires paragraph ids below 0x80000000; a résumé has far
        // fewer paragraphs than that.
        docx = docx.add_paragraph(p.id(format!("{:08X}", i + 1)));
    }
    docx
}

/// A bullet list definition: one bullet glyph per level, each level
/// indented by the theme's bullet indent, with the bullet hanging in it.
fn bullet_levels(m: &Metrics) -> AbstractNumbering {
    let glyphs = ["\u{2022}", "\u{25E6}", "\u{25AA}"];
    let mut list = AbstractNumbering::new(BULLET_NUM_ID);
    for level in 0..9 {
        let left = m.bullet_indent * (level as u32 + 1);
        let mut l = Level::new(
            level,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new(glyphs[level % glyphs.len()]),
            LevelJc::new("left"),
        )
        .indent(
            Some(left as i32),
            Some(SpecialIndentType::Hanging(m.bullet_hang as i32)),
            None,
            None,
        )
        .color(m.muted.clone());
        if level == 0 {
            l = l.paragraph_style(LIST_BULLET);
        }
        list = list.add_level(l);
    }
    list
}

impl<'m> Body<'m> {
    fn push(&mut self, p: Paragraph) {
        self.paragraphs.push(p);
    }

    fn header(&mut self, h: &Header) {
        let name = clean(&h.name);
        if !name.is_empty() {
            let p = Paragraph::new()
                .style(TITLE)
                .add_run(Run::new().add_text(name));
            self.push(p);
        }
        if let Some(headline) = h.headline.as_deref().map(clean).filter(|s| !s.is_empty()) {
            let p = Paragraph::new()
                .style(SUBTITLE)
                .add_run(Run::new().add_text(headline));
            self.push(p);
        }
        if !h.contacts.is_empty() {
            let mut p = Paragraph::new().style(CONTACTS);
            for (i, c) in h.contacts.iter().enumerate() {
                if i > 0 {
                    p = p.add_run(
                        Run::new()
                            .add_text(CONTACT_SEPARATOR)
                            .color(self.m.muted.clone()),
                    );
                }
                p = self.contact(p, c);
            }
            self.push(p);
        }
    }

    /// One contact item. Without icons, a profile's bare user name says
    /// little, so the network's name goes before it ("GitHub laphets").
    fn contact(&mut self, mut p: Paragraph, c: &Contact) -> Paragraph {
        let text = clean(&c.text);
        let label = clean(&c.label);
        if c.kind == ContactKind::Profile
            && !label.is_empty()
            && !text.to_lowercase().contains(&label.to_lowercase())
        {
            p = p.add_run(
                Run::new()
                    .add_text(format!("{label} "))
                    .color(self.m.muted.clone()),
            );
        }
        match c.url.as_deref().map(clean).filter(|u| !u.is_empty()) {
            // The contact line is a row of links: coloured, not underlined,
            // as in the PDF and HTML.
            Some(url) => {
                let run = Run::new().style(HYPERLINK).underline("none").add_text(text);
                p.add_hyperlink(self.hyperlink(&url).add_run(run))
            }
            None => p.add_run(Run::new().add_text(text)),
        }
    }

    fn section(&mut self, s: &Section) {
        let title = clean(&s.title);
        if !title.is_empty() {
            let p = Paragraph::new()
                .style(HEADING_1)
                .add_run(Run::new().add_text(title));
            self.push(p);
        }
        match &s.body {
            SectionBody::Entries(entries) => {
                for (i, e) in entries.iter().enumerate() {
                    self.entry(e, HEADING_2, i == 0);
                }
            }
            SectionBody::Paragraphs(paragraphs) => {
                let last = paragraphs.len().saturating_sub(1);
                for (i, t) in paragraphs.iter().enumerate() {
                    let mut p = Paragraph::new();
                    if i < last {
                        p = p.line_spacing(LineSpacing::new().after(self.m.paragraph_after));
                    }
                    let p = self.runs(p, t, Look::default());
                    self.push(p);
                }
            }
            SectionBody::List(items) => {
                for t in items {
                    self.bullet(t);
                }
            }
        }
    }

    /// An entry: its heading row, its secondary rows, its bullets and its
    /// roles. Rows keep with what follows them inside the entry, so a page
    /// break never strands a heading.
    fn entry(&mut self, e: &Entry, heading: &str, first: bool) {
        let location = e.location.as_deref().map(clean).filter(|s| !s.is_empty());
        let mut rows: Vec<Paragraph> = Vec::new();

        let mut p = Paragraph::new().style(heading);
        if first {
            // The section title's spacing already separates the first entry.
            p = p.line_spacing(LineSpacing::new().before(0));
        }
        // A heading without strong text is strong as a whole.
        let plain = !e.title.spans.iter().any(|s| s.strong);
        p = self.runs(
            p,
            &e.title,
            Look {
                bold: plain,
                ..Look::default()
            },
        );
        if let Some(dates) = e.dates.as_ref().map(|d| clean(&d.display())) {
            if !dates.is_empty() {
                p = self.right(p, dates);
            }
        }
        rows.push(p);

        if e.lines.first().is_some() || location.is_some() {
            let mut p = Paragraph::new().style(ENTRY_LINE);
            if let Some(line) = e.lines.first() {
                p = self.line(p, line);
            }
            if let Some(location) = location {
                p = self.right(p, location);
            }
            rows.push(p);
        }
        for line in e.lines.iter().skip(1) {
            let p = Paragraph::new().style(ENTRY_LINE);
            let p = self.line(p, line);
            rows.push(p);
        }

        let more = !e.bullets.is_empty() || !e.roles.is_empty();
        let last = rows.len() - 1;
        for (i, p) in rows.into_iter().enumerate() {
            self.push(if i < last || more {
                p.keep_next(true)
            } else {
                p
            });
        }
        for b in &e.bullets {
            self.bullet(b);
        }
        for role in &e.roles {
            self.entry(role, HEADING_3, false);
        }
    }

    fn line(&mut self, p: Paragraph, line: &Line) -> Paragraph {
        // A copy of the reference, so the look borrows the metrics and not
        // `self`.
        let m = self.m;
        let look = match line.kind {
            LineKind::Subtitle => Look {
                italic: true,
                ..Look::default()
            },
            LineKind::Keywords => Look {
                italic: true,
                color: Some(&m.muted),
                ..Look::default()
            },
            LineKind::Detail => Look::default(),
        };
        self.runs(p, &line.text, look)
    }

    /// Text at the right margin of the row: a tab to the style's right tab
    /// stop, then the text in the muted colour.
    fn right(&self, p: Paragraph, text: String) -> Paragraph {
        p.add_run(Run::new().add_tab())
            .add_run(Run::new().add_text(text).color(self.m.muted.clone()))
    }

    fn bullet(&mut self, t: &Text) {
        let p = Paragraph::new()
            .style(LIST_BULLET)
            .numbering(NumberingId::new(BULLET_NUM_ID), IndentLevel::new(0));
        let p = self.runs(p, t, Look::default());
        self.push(p);
    }

    /// The spans of `text` as runs, links as `w:hyperlink` elements.
    fn runs(&mut self, mut p: Paragraph, text: &Text, look: Look<'_>) -> Paragraph {
        for span in &text.spans {
            let s = clean(&span.text);
            if s.is_empty() {
                continue;
            }
            let mut run = Run::new().add_text(s);
            if look.bold || span.strong {
                run = run.bold();
            }
            if look.italic || span.emphasis {
                run = run.italic();
            }
            if span.code {
                run = run.fonts(RunFonts::new().ascii(MONO_FONT).hi_ansi(MONO_FONT));
            }
            match span.link.as_deref().map(clean).filter(|u| !u.is_empty()) {
                Some(url) => {
                    let link = self.hyperlink(&url).add_run(run.style(HYPERLINK));
                    p = p.add_hyperlink(link);
                }
                None => {
                    if let Some(color) = look.color {
                        run = run.color(color);
                    }
                    p = p.add_run(run);
                }
            }
        }
        p
    }

    /// An external hyperlink with a relationship id numbered in document
    /// order (docx-rs numbers them from a process-wide counter).
    fn hyperlink(&mut self, url: &str) -> Hyperlink {
        self.links += 1;
        let mut link = Hyperlink::new(url, HyperlinkType::External);
        if let HyperlinkData::External { rid, .. } = &mut link.link {
            *rid = format!("rIdLink{}", self.links);
        }
        link
    }
}
