//! The résumé as a flat list of paragraphs, each with the part it plays.
//!
//! This is where the document's rows are laid out for Word: which rows an
//! entry has (the [`Design::entry_layout`] row model every format follows),
//! what stands in the date column or on the right tab stop, which rows keep
//! with the next one, how each piece of text is emphasised and which gaps
//! differ from their style's. The writer ([`crate::body`]) only turns this
//! list into XML.

use resume_document::{
    Contact, ContactKind, DatesAt, Design, Document, Entry, Header, LineKind, Section, SectionBody,
    Text, TextStyle,
};

/// What a paragraph is; each kind has its own paragraph style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The name at the top.
    Name,
    Headline,
    Contacts,
    SectionTitle,
    /// The first row of an entry.
    EntryHeading,
    /// The first row of a role inside an entry.
    RoleHeading,
    /// A further row of an entry.
    EntryLine,
    /// An item of a list section, at the margin.
    Bullet,
    /// A bullet under an entry, beside the date column when there is one.
    EntryBullet,
    /// Running text of a section.
    Paragraph,
}

impl Kind {
    /// The role of the text the paragraph's style is set in.
    pub(crate) fn role(self, d: &Design) -> TextStyle {
        match self {
            Kind::Name => d.name,
            Kind::Headline => d.headline,
            Kind::Contacts => d.contact,
            Kind::SectionTitle => d.section_title,
            Kind::EntryHeading | Kind::RoleHeading => d.entry_title,
            Kind::EntryLine | Kind::Bullet | Kind::EntryBullet | Kind::Paragraph => d.body,
        }
    }
}

/// One paragraph of the body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Para {
    pub kind: Kind,
    /// Kept on the page of the paragraph after it.
    pub keep_next: bool,
    /// Space above in points where it differs from the style's: the first
    /// entry under a title, the first bullet under an entry's rows, the
    /// paragraphs after the first of a section.
    pub before: Option<f32>,
    pub pieces: Vec<Piece>,
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    Run(Run),
    /// A jump to the next tab stop: from the date column to the entry, or
    /// to the right margin.
    Tab,
}

/// A run of text with one look.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    /// The role the run is set in when it is not its paragraph's (dates,
    /// places, keywords, separators); the writer formats what differs.
    pub look: Option<TextStyle>,
    /// A link target; the run is then a `w:hyperlink`.
    pub link: Option<String>,
}

impl Para {
    fn new(kind: Kind) -> Para {
        Para {
            kind,
            keep_next: false,
            before: None,
            pieces: Vec::new(),
        }
    }

    fn run(&mut self, run: Run) {
        if !run.text.is_empty() {
            self.pieces.push(Piece::Run(run));
        }
    }

    /// The spans of `text` in `role`, each with its own emphasis on top.
    fn text(&mut self, text: &Text, role: TextStyle, look: Option<TextStyle>) {
        for span in &text.spans {
            self.run(Run {
                text: clean(&span.text),
                bold: role.bold || span.strong,
                italic: role.italic || span.emphasis,
                code: span.code,
                look,
                link: span.link.as_deref().map(str::to_owned),
            });
        }
    }

    fn has_text(&self) -> bool {
        self.pieces.iter().any(|p| matches!(p, Piece::Run(_)))
    }

    /// The characters of the paragraph, tabs as tab characters.
    #[cfg(test)]
    pub(crate) fn plain(&self) -> String {
        self.pieces
            .iter()
            .map(|p| match p {
                Piece::Run(r) => r.text.as_str(),
                Piece::Tab => "\t",
            })
            .collect()
    }
}

/// Plans the paragraphs of one document under one design.
struct Planner<'a> {
    d: &'a Design,
    out: Vec<Para>,
    /// The document is written right to left.
    rtl: bool,
}

/// The paragraphs of `doc` laid out with `d`, in reading order.
pub(crate) fn plan(doc: &Document, d: &Design) -> Vec<Para> {
    let mut p = Planner {
        d,
        out: Vec::new(),
        rtl: doc.meta.direction.is_rtl(),
    };
    p.header(&doc.header);
    for section in &doc.sections {
        p.section(section);
    }
    p.out
}

impl Planner<'_> {
    fn header(&mut self, h: &Header) {
        let d = self.d;
        let mut name = Para::new(Kind::Name);
        name.text(&Text::plain(h.name.clone()), d.name, None);
        if name.has_text() {
            self.out.push(name);
        }
        if let Some(headline) = &h.headline {
            let mut p = Para::new(Kind::Headline);
            p.text(&Text::plain(headline.clone()), d.headline, None);
            if p.has_text() {
                self.out.push(p);
            }
        }
        let mut contacts = Para::new(Kind::Contacts);
        let muted = TextStyle {
            color: d.muted,
            ..d.contact
        };
        for c in &h.contacts {
            if clean(&c.text).is_empty() {
                continue;
            }
            if contacts.has_text() {
                contacts.run(Run {
                    text: clean(&d.separator),
                    look: Some(muted),
                    ..Run::default()
                });
            }
            if self.rtl && c.kind != ContactKind::Location {
                // A left-to-right mark: a number or an address reads left to
                // right in a right-to-left paragraph ("+972 50-123-4567").
                contacts.run(Run {
                    text: "\u{200E}".into(),
                    ..Run::default()
                });
            }
            contact(&mut contacts, c, muted);
        }
        if contacts.has_text() {
            self.out.push(contacts);
        }
    }

    fn section(&mut self, s: &Section) {
        let d = self.d;
        let mut title = Para::new(Kind::SectionTitle);
        title.text(&Text::plain(s.title.clone()), d.section_title, None);
        if title.has_text() {
            title.keep_next = true;
            self.out.push(title);
        }
        match &s.body {
            SectionBody::Entries(entries) => {
                for (i, e) in entries.iter().enumerate() {
                    self.entry(e, Kind::EntryHeading, i == 0);
                }
            }
            SectionBody::Paragraphs(paragraphs) => {
                for (i, t) in paragraphs.iter().enumerate() {
                    let mut p = Para::new(Kind::Paragraph);
                    p.text(t, d.body, None);
                    if i > 0 {
                        p.before = Some(d.gaps.paragraph);
                    }
                    self.out.push(p);
                }
            }
            SectionBody::List(items) => {
                for (i, t) in items.iter().enumerate() {
                    let mut p = Para::new(Kind::Bullet);
                    p.text(t, d.body, None);
                    if i == 0 {
                        p.before = Some(0.0);
                    }
                    self.out.push(p);
                }
            }
        }
    }

    /// An entry: its rows, its bullets and its roles. Every row keeps with
    /// what follows it inside the entry, so a page break never strands a
    /// heading.
    fn entry(&mut self, e: &Entry, heading: Kind, first: bool) {
        let d = self.d;
        let layout = d.entry_layout(e);
        let left_dates = d.columns.dates == DatesAt::Left;
        let column: Vec<String> = layout
            .column
            .iter()
            .map(|line| clean(line))
            .filter(|line| !line.is_empty())
            .collect();
        // The left side of each row: the title, the secondary lines, then
        // the place when the dates stand in the column; those with no text
        // left out as the estimate leaves them out.
        let place = layout.place_row.as_deref().map(Text::plain);
        let mut left: Vec<(&Text, TextStyle)> = vec![(&e.title, d.entry_title)];
        for line in &e.lines {
            let role = match line.kind {
                LineKind::Subtitle => d.subtitle,
                LineKind::Keywords => d.keywords,
                LineKind::Detail => d.detail,
            };
            left.push((&line.text, role));
        }
        left.extend(place.as_ref().map(|p| (p, d.date)));
        left.retain(|(t, _)| !t.is_empty());
        // The dates stand beside the heading's last row (the design's entry
        // layout); dates that break run on into rows of their own.
        let last = left.len().saturating_sub(1);
        let start = (last + 1).saturating_sub(column.len());
        let reach = if column.is_empty() {
            0
        } else {
            start + column.len()
        };
        let rows = left.len().max(layout.right.len()).max(reach);

        let more = !e.bullets.is_empty() || !e.roles.is_empty();
        for i in 0..rows {
            let kind = if i == 0 { heading } else { Kind::EntryLine };
            let mut p = Para::new(kind);
            if i == 0 && first {
                p.before = Some(0.0);
            }
            if left_dates {
                // A tab, the dates (flush right against the column's edge),
                // a tab, the entry: the hanging indent of the style makes
                // the second stop where the entry's column begins, so the
                // text stays one column that wraps under itself.
                p.pieces.push(Piece::Tab);
                if let Some(dates) = i.checked_sub(start).and_then(|k| column.get(k)) {
                    p.run(date_run(dates, d));
                }
                p.pieces.push(Piece::Tab);
            }
            if let Some((text, role)) = left.get(i) {
                let look = (kind == Kind::EntryLine && *role != d.body).then_some(*role);
                p.text(text, *role, look);
            }
            if let Some((text, _)) = layout.right.get(i) {
                let text = clean(text);
                if !text.is_empty() {
                    p.pieces.push(Piece::Tab);
                    p.run(date_run(&text, d));
                }
            }
            p.keep_next = i + 1 < rows || more;
            self.out.push(p);
        }
        for (i, b) in e.bullets.iter().enumerate() {
            let mut p = Para::new(Kind::EntryBullet);
            p.text(b, d.body, None);
            if i == 0 {
                p.before = Some(d.gaps.heading);
            }
            self.out.push(p);
        }
        for r in &e.roles {
            self.entry(r, Kind::RoleHeading, false);
        }
    }
}

/// Dates or a place in the design's date role.
fn date_run(text: &str, d: &Design) -> Run {
    Run {
        text: clean(text),
        look: Some(d.date),
        ..Run::default()
    }
}

/// One contact item. Word draws no icons, so a profile's network is named
/// where its text does not say it (`Contact::prefix`).
fn contact(p: &mut Para, c: &Contact, muted: TextStyle) {
    let text = clean(&c.text);
    if let Some(label) = c.prefix(false) {
        p.run(Run {
            text: format!("{} ", clean(label)),
            look: Some(muted),
            ..Run::default()
        });
    }
    p.run(Run {
        text,
        link: c.url.as_deref().map(str::to_owned),
        ..Run::default()
    });
}

/// `s` made fit for a single line of WordprocessingML text: tabs and line
/// breaks become spaces (a tab would jump to a tab stop), and characters
/// XML 1.0 cannot carry are dropped.
pub(crate) fn clean(s: &str) -> String {
    // Most text has none of these: no byte below 0x20, and no 0xEF, the
    // lead byte of U+FFFE and U+FFFF. It is copied whole, not char by char.
    if !s.bytes().any(|b| b < 0x20 || b == 0xEF) {
        return s.to_owned();
    }
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use resume_document::ContactKind;
    use resume_document::{DatePoint, DateRange, Line, Meta, Span, Theme};

    #[test]
    fn clean_drops_what_xml_cannot_carry() {
        assert_eq!(clean("plain résumé, 履歴書"), "plain résumé, 履歴書");
        assert_eq!(clean("a\tb\r\nc\u{1}d\u{FFFE}e\u{FFFF}"), "a b  cde");
        // U+FF0C shares the lead byte of U+FFFE and stays.
        assert_eq!(clean("x\u{FF0C}y\u{7}"), "x\u{FF0C}y");
    }

    fn entry(title: &str) -> Entry {
        Entry {
            title: Text::plain(title),
            dates: None,
            location: None,
            lines: vec![],
            bullets: vec![],
            roles: vec![],
        }
    }

    fn doc(header: Header, body: SectionBody, theme: Theme) -> Document {
        Document {
            meta: Meta {
                title: String::new(),
                author: String::new(),
                subject: String::new(),
                keywords: vec![],
                language: resume_document::LangTag::default(),
                direction: Default::default(),
                page_label: "Page {page} of {pages}".into(),
                label_pattern: "{label}: {value}".into(),
            },
            header,
            sections: vec![Section {
                id: "s".into(),
                title: "Experience".into(),
                body,
            }],
            theme,
        }
    }

    fn header(contacts: Vec<Contact>) -> Header {
        Header {
            name: "Ada Lovelace".into(),
            headline: Some("Analyst".into()),
            contacts,
        }
    }

    fn planned(doc: &Document) -> Vec<Para> {
        let d = Design::natural(&doc.theme).fit_dates(doc);
        plan(doc, &d)
    }

    /// Kind, text (tabs shown), keep-next and whether the space above is
    /// the style's.
    fn rows(doc: &Document) -> Vec<(Kind, String, bool, bool)> {
        planned(doc)
            .iter()
            .map(|p| (p.kind, p.plain(), p.keep_next, p.before.is_none()))
            .collect()
    }

    fn range(start: &str, end: &str) -> DateRange {
        let point = |s: &str| DatePoint {
            display: s.into(),
            iso: None,
        };
        DateRange {
            start: Some(point(start)),
            end: Some(point(end)),
            separator: " – ".into(),
        }
    }

    fn job() -> Entry {
        let mut job = entry("Acme");
        job.dates = Some(range("2020", "2021"));
        job.location = Some("Paris".into());
        job.lines = vec![
            Line {
                text: Text::plain("Engineer"),
                kind: LineKind::Subtitle,
            },
            Line {
                text: Text::plain("Rust, C"),
                kind: LineKind::Keywords,
            },
        ];
        job.bullets = vec![Text::plain("Built things.")];
        let mut role = entry("Lead");
        role.bullets = vec![Text::plain("Led.")];
        job.roles = vec![role];
        job
    }

    #[test]
    fn dates_right_then_place_one_per_row() {
        let d = doc(
            header(vec![]),
            SectionBody::Entries(vec![job(), entry("Next")]),
            Theme::classic(),
        );
        assert_eq!(
            rows(&d),
            [
                (Kind::Name, "Ada Lovelace".into(), false, true),
                (Kind::Headline, "Analyst".into(), false, true),
                (Kind::SectionTitle, "Experience".into(), true, true),
                (Kind::EntryHeading, "Acme\t2020 – 2021".into(), true, false),
                (Kind::EntryLine, "Engineer\tParis".into(), true, true),
                (Kind::EntryLine, "Rust, C".into(), true, true),
                (Kind::EntryBullet, "Built things.".into(), false, false),
                (Kind::RoleHeading, "Lead".into(), true, true),
                (Kind::EntryBullet, "Led.".into(), false, false),
                // Nothing follows this heading inside its entry.
                (Kind::EntryHeading, "Next".into(), false, true),
            ]
        );
        // Keywords are set in their own role; the dates in the date role.
        let p = planned(&d);
        let design = Design::natural(&d.theme);
        let Piece::Run(keywords) = &p[5].pieces[0] else {
            panic!("a run")
        };
        assert!(keywords.italic && keywords.look == Some(design.keywords));
        let Piece::Run(dates) = &p[3].pieces[2] else {
            panic!("a run")
        };
        assert_eq!(dates.look, Some(design.date));
    }

    #[test]
    fn dates_left_stand_beside_the_last_row_between_tabs() {
        let mut theme = Theme::builtin("timeline").unwrap();
        theme.entries.date_column = 200.0;
        let d = doc(
            header(vec![]),
            SectionBody::Entries(vec![job()]),
            theme.clone(),
        );
        let texts: Vec<String> = planned(&d)[3..].iter().map(Para::plain).collect();
        // The place is the heading's last row, the dates beside it: the
        // heading reads title, lines, dates, place.
        assert_eq!(
            texts,
            [
                "\t\tAcme",
                "\t\tEngineer",
                "\t\tRust, C",
                "\t2020 – 2021\tParis",
                "Built things.",
                "\t\tLead",
                "Led."
            ]
        );
        // A date wider than its column breaks after the separator and
        // climbs beside the row above; with no row above, a row of its own
        // holds the rest.
        theme.entries.date_column = 36.0;
        let mut long = entry("Acme");
        long.dates = Some(range("September 2020", "December 2021"));
        let mut two_rows = long.clone();
        two_rows.lines = vec![Line {
            text: Text::plain("Engineer"),
            kind: LineKind::Subtitle,
        }];
        let d = doc(
            header(vec![]),
            SectionBody::Entries(vec![two_rows, long]),
            theme,
        );
        let texts: Vec<String> = planned(&d)[3..].iter().map(Para::plain).collect();
        assert_eq!(
            texts,
            [
                "\tSeptember 2020 –\tAcme",
                "\tDecember 2021\tEngineer",
                "\tSeptember 2020 –\tAcme",
                "\tDecember 2021\t"
            ]
        );
    }

    #[test]
    fn strong_spans_keep_their_own_emphasis() {
        let mut e = entry("");
        e.title = Text {
            spans: vec![Span::strong("Acme"), Span::plain(" Engineer")],
        };
        let p = planned(&doc(
            header(vec![]),
            SectionBody::Entries(vec![e]),
            Theme::classic(),
        ));
        let bold: Vec<bool> = p[3]
            .pieces
            .iter()
            .map(|piece| match piece {
                Piece::Run(r) => r.bold,
                Piece::Tab => false,
            })
            .collect();
        assert_eq!(bold, [true, false]);
    }

    #[test]
    fn contact_line_separates_items_and_names_bare_profiles() {
        let contact = |kind, text: &str, label: &str, url: Option<&str>| Contact {
            kind,
            text: text.into(),
            label: label.into(),
            url: url.and_then(|u| resume_document::SafeUrl::parse(u).ok()),
        };
        let d = doc(
            header(vec![
                contact(ContactKind::Email, "a@b.c", "Email", Some("mailto:a@b.c")),
                contact(ContactKind::Phone, "", "Phone", None),
                contact(
                    ContactKind::Profile,
                    "ada",
                    "GitHub",
                    Some("https://github.com/ada"),
                ),
                contact(
                    ContactKind::Profile,
                    "linkedin.com/in/ada",
                    "LinkedIn",
                    None,
                ),
                contact(ContactKind::Location, "London", "Location", None),
            ]),
            SectionBody::List(vec![]),
            Theme::builtin("compact").unwrap(),
        );
        let p = planned(&d);
        assert_eq!(p[2].kind, Kind::Contacts);
        assert_eq!(
            p[2].plain(),
            "a@b.c | GitHub ada | linkedin.com/in/ada | London"
        );
        let links: Vec<&str> = p[2]
            .pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Run(r) => r.link.as_deref(),
                Piece::Tab => None,
            })
            .collect();
        assert_eq!(links, ["mailto:a@b.c", "https://github.com/ada"]);
    }

    #[test]
    fn running_paragraphs_are_spaced_and_text_is_cleaned() {
        let d = doc(
            header(vec![]),
            SectionBody::Paragraphs(vec![
                Text::plain("one\ttwo\nthree\u{7}"),
                Text::plain("last"),
            ]),
            Theme::classic(),
        );
        let p = planned(&d);
        let gap = Design::natural(&d.theme).gaps.paragraph;
        let body: Vec<(Kind, Option<f32>)> = p[3..].iter().map(|p| (p.kind, p.before)).collect();
        assert_eq!(
            body,
            [(Kind::Paragraph, None), (Kind::Paragraph, Some(gap))]
        );
        assert_eq!(p[3].plain(), "one two three");
    }
}
