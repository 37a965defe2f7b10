//! The résumé as a flat list of paragraphs, each with the part it plays.
//!
//! This is where the DOCX layout is decided: which rows an entry has, what
//! sits on the right tab stop, which rows keep with the next one, how each
//! piece of text is emphasised. Both the writer ([`crate::body`]) and the
//! page-fit estimate ([`crate::fit`]) read this one list, so they cannot
//! disagree about what is on the page.

use resume_document::{
    Contact, ContactKind, Document, Entry, Header, Line, LineKind, Section, SectionBody, Text,
};

/// Between the items of the contact line.
const CONTACT_SEPARATOR: &str = " \u{2022} ";

/// What a paragraph is; each kind has its own paragraph style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The name at the top.
    Name,
    Headline,
    Contacts,
    SectionTitle,
    /// The first row of an entry, dates on the right.
    EntryHeading,
    /// The first row of a role inside an entry.
    RoleHeading,
    /// A secondary row of an entry, the location on the right of the first.
    EntryLine,
    Bullet,
    /// Running text of a section.
    Paragraph,
}

/// One paragraph of the body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Para {
    pub kind: Kind,
    /// No space above: the first entry under a section title, which already
    /// has space below it.
    pub flush: bool,
    /// Kept on the page of the paragraph after it.
    pub keep_next: bool,
    /// Space below: between the running paragraphs of a section.
    pub gap_after: bool,
    pub pieces: Vec<Piece>,
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    Run(Run),
    /// A jump to the right tab stop: what follows ends at the right margin.
    Tab,
}

/// A run of text with one look.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    /// In the muted colour (dates, locations, keywords, separators).
    pub muted: bool,
    /// A link target; the run is then a `w:hyperlink`.
    pub link: Option<String>,
    /// Links are underlined in running text, not in the contact line.
    pub plain_link: bool,
}

impl Para {
    fn new(kind: Kind) -> Para {
        Para {
            kind,
            flush: false,
            keep_next: false,
            gap_after: false,
            pieces: Vec::new(),
        }
    }

    fn run(&mut self, run: Run) {
        if !run.text.is_empty() {
            self.pieces.push(Piece::Run(run));
        }
    }

    /// `text` at the right margin, muted, after a tab.
    fn right(&mut self, text: String) {
        if !text.is_empty() {
            self.pieces.push(Piece::Tab);
            self.run(Run {
                text,
                muted: true,
                ..Run::default()
            });
        }
    }

    /// The spans of `text`, each with its own emphasis on top of `look`.
    fn text(&mut self, text: &Text, look: &Run) {
        for span in &text.spans {
            self.run(Run {
                text: clean(&span.text),
                bold: look.bold || span.strong,
                italic: look.italic || span.emphasis,
                code: span.code,
                muted: look.muted,
                link: span.link.as_deref().map(clean).filter(|u| !u.is_empty()),
                plain_link: false,
            });
        }
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

/// The paragraphs of `doc`, in reading order.
pub(crate) fn plan(doc: &Document) -> Vec<Para> {
    let mut out = Vec::new();
    header(&mut out, &doc.header);
    for section in &doc.sections {
        self::section(&mut out, section);
    }
    out
}

fn header(out: &mut Vec<Para>, h: &Header) {
    let mut name = Para::new(Kind::Name);
    name.run(Run {
        text: clean(&h.name),
        ..Run::default()
    });
    if !name.pieces.is_empty() {
        out.push(name);
    }
    if let Some(headline) = &h.headline {
        let mut p = Para::new(Kind::Headline);
        p.run(Run {
            text: clean(headline),
            ..Run::default()
        });
        if !p.pieces.is_empty() {
            out.push(p);
        }
    }
    let mut contacts = Para::new(Kind::Contacts);
    for c in &h.contacts {
        if clean(&c.text).is_empty() {
            continue;
        }
        if !contacts.pieces.is_empty() {
            contacts.run(Run {
                text: CONTACT_SEPARATOR.into(),
                muted: true,
                ..Run::default()
            });
        }
        contact(&mut contacts, c);
    }
    if !contacts.pieces.is_empty() {
        out.push(contacts);
    }
}

/// One contact item. Without icons a profile's bare user name says little,
/// so the network's name goes before it ("GitHub laphets").
fn contact(p: &mut Para, c: &Contact) {
    let text = clean(&c.text);
    let label = clean(&c.label);
    if c.kind == ContactKind::Profile
        && !label.is_empty()
        && !text.to_lowercase().contains(&label.to_lowercase())
    {
        p.run(Run {
            text: format!("{label} "),
            muted: true,
            ..Run::default()
        });
    }
    p.run(Run {
        text,
        link: c.url.as_deref().map(clean).filter(|u| !u.is_empty()),
        // The contact line is a row of links, coloured but not underlined,
        // as in the PDF and the HTML.
        plain_link: true,
        ..Run::default()
    });
}

fn section(out: &mut Vec<Para>, s: &Section) {
    let mut title = Para::new(Kind::SectionTitle);
    title.run(Run {
        text: clean(&s.title),
        ..Run::default()
    });
    if !title.pieces.is_empty() {
        title.keep_next = true;
        out.push(title);
    }
    match &s.body {
        SectionBody::Entries(entries) => {
            for (i, e) in entries.iter().enumerate() {
                entry(out, e, Kind::EntryHeading, i == 0);
            }
        }
        SectionBody::Paragraphs(paragraphs) => {
            let last = paragraphs.len().saturating_sub(1);
            for (i, t) in paragraphs.iter().enumerate() {
                let mut p = Para::new(Kind::Paragraph);
                p.text(t, &Run::default());
                p.gap_after = i < last;
                out.push(p);
            }
        }
        SectionBody::List(items) => {
            for t in items {
                out.push(bullet(t));
            }
        }
    }
}

/// An entry: its heading row, its secondary rows, its bullets and its
/// roles. Every row keeps with what follows it inside the entry, so a page
/// break never strands a heading.
fn entry(out: &mut Vec<Para>, e: &Entry, kind: Kind, first: bool) {
    let mut rows = Vec::new();

    let mut heading = Para::new(kind);
    heading.flush = first;
    // A heading without strong text is strong as a whole.
    let plain = !e.title.spans.iter().any(|s| s.strong);
    heading.text(
        &e.title,
        &Run {
            bold: plain,
            ..Run::default()
        },
    );
    if let Some(dates) = &e.dates {
        heading.right(clean(&dates.display()));
    }
    rows.push(heading);

    let location = e.location.as_deref().map(clean).unwrap_or_default();
    if !e.lines.is_empty() || !location.is_empty() {
        let mut p = Para::new(Kind::EntryLine);
        if let Some(l) = e.lines.first() {
            line(&mut p, l);
        }
        p.right(location);
        rows.push(p);
    }
    for l in e.lines.iter().skip(1) {
        let mut p = Para::new(Kind::EntryLine);
        line(&mut p, l);
        rows.push(p);
    }

    let more = !e.bullets.is_empty() || !e.roles.is_empty();
    let last = rows.len() - 1;
    for (i, mut p) in rows.into_iter().enumerate() {
        p.keep_next = i < last || more;
        out.push(p);
    }
    out.extend(e.bullets.iter().map(bullet));
    for r in &e.roles {
        entry(out, r, Kind::RoleHeading, false);
    }
}

fn line(p: &mut Para, line: &Line) {
    let look = match line.kind {
        LineKind::Subtitle => Run {
            italic: true,
            ..Run::default()
        },
        LineKind::Keywords => Run {
            italic: true,
            muted: true,
            ..Run::default()
        },
        LineKind::Detail => Run::default(),
    };
    p.text(&line.text, &look);
}

fn bullet(t: &Text) -> Para {
    let mut p = Para::new(Kind::Bullet);
    p.text(t, &Run::default());
    p
}

/// `s` made fit for a single line of WordprocessingML text: tabs and line
/// breaks become spaces (a tab would jump to the right tab stop), and
/// characters XML 1.0 cannot carry are dropped.
pub(crate) fn clean(s: &str) -> String {
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
    use resume_document::{DatePoint, DateRange, Meta, Span, Theme};

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

    fn doc(header: Header, body: SectionBody) -> Document {
        Document {
            meta: Meta {
                title: String::new(),
                author: String::new(),
                subject: String::new(),
                keywords: vec![],
                language: "en".into(),
            },
            header,
            sections: vec![Section {
                id: "s".into(),
                title: "Experience".into(),
                body,
            }],
            theme: Theme::default(),
        }
    }

    fn header(contacts: Vec<Contact>) -> Header {
        Header {
            name: "Ada Lovelace".into(),
            headline: Some("Analyst".into()),
            contacts,
        }
    }

    /// Kind, text (tabs shown), keep-next and flush of every paragraph.
    fn rows(doc: &Document) -> Vec<(Kind, String, bool, bool)> {
        plan(doc)
            .iter()
            .map(|p| (p.kind, p.plain(), p.keep_next, p.flush))
            .collect()
    }

    #[test]
    fn entries_are_rows_with_the_right_side_after_a_tab() {
        let mut job = entry("Acme");
        job.dates = Some(DateRange {
            start: Some(DatePoint {
                display: "2020".into(),
                iso: None,
            }),
            end: None,
            separator: " – ".into(),
        });
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
        let d = doc(
            header(vec![]),
            SectionBody::Entries(vec![job, entry("Next")]),
        );
        assert_eq!(
            rows(&d),
            [
                (Kind::Name, "Ada Lovelace".into(), false, false),
                (Kind::Headline, "Analyst".into(), false, false),
                (Kind::SectionTitle, "Experience".into(), true, false),
                (Kind::EntryHeading, "Acme\t2020".into(), true, true),
                (Kind::EntryLine, "Engineer\tParis".into(), true, false),
                (Kind::EntryLine, "Rust, C".into(), true, false),
                (Kind::Bullet, "Built things.".into(), false, false),
                (Kind::RoleHeading, "Lead".into(), true, false),
                (Kind::Bullet, "Led.".into(), false, false),
                // Nothing follows this heading inside its entry.
                (Kind::EntryHeading, "Next".into(), false, false),
            ]
        );
        let p = plan(&d);
        // Plain titles are bold as a whole; keywords are muted italics.
        let Piece::Run(title) = &p[3].pieces[0] else {
            panic!("a run")
        };
        assert!(title.bold);
        let Piece::Run(keywords) = &p[5].pieces[0] else {
            panic!("a run")
        };
        assert!(keywords.italic && keywords.muted);
    }

    #[test]
    fn a_title_with_strong_text_keeps_its_own_emphasis() {
        let mut e = entry("");
        e.title = Text {
            spans: vec![Span::strong("Acme"), Span::plain(" Engineer")],
        };
        let p = plan(&doc(header(vec![]), SectionBody::Entries(vec![e])));
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
            url: url.map(Into::into),
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
        );
        let p = plan(&d);
        assert_eq!(p[2].kind, Kind::Contacts);
        assert_eq!(
            p[2].plain(),
            "a@b.c • GitHub ada • linkedin.com/in/ada • London"
        );
        let links: Vec<(&str, bool)> = p[2]
            .pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Run(r) => r.link.as_deref().map(|l| (l, r.plain_link)),
                Piece::Tab => None,
            })
            .collect();
        assert_eq!(
            links,
            [("mailto:a@b.c", true), ("https://github.com/ada", true)]
        );
    }

    #[test]
    fn running_paragraphs_are_spaced_and_text_is_cleaned() {
        let d = doc(
            header(vec![]),
            SectionBody::Paragraphs(vec![
                Text::plain("one\ttwo\nthree\u{7}"),
                Text::plain("last"),
            ]),
        );
        let p = plan(&d);
        let body: Vec<(&str, bool)> = p[3..]
            .iter()
            .map(|p| (p.kind, p.gap_after))
            .map(|(k, gap)| (if k == Kind::Paragraph { "p" } else { "?" }, gap))
            .collect();
        assert_eq!(body, [("p", true), ("p", false)]);
        assert_eq!(p[3].plain(), "one two three");
    }
}
