//! What the templates show: the Document reshaped for markup, with every
//! value that reaches an attribute checked first.
//!
//! The templates stay free of decisions. Anything that could make the page
//! invalid or unsafe (a link scheme, a `datetime`, an `id`, the `lang`
//! attribute) is settled here, where it can be unit-tested.

use std::collections::HashSet;

use askama::Template;
use resume_document::{
    Contact, ContactKind, DatePoint, DateRange, DatesAt, Design, Document, Entry, Line, LineKind,
    Meta, RightKind, Section, SectionBody, Text,
};

/// The whole page.
#[derive(Debug, Template)]
#[template(path = "resume.html")]
pub(crate) struct Page<'a> {
    pub lang: &'a str,
    /// `ltr` or `rtl`: a right-to-left page mirrors its layout.
    pub dir: &'static str,
    pub title: &'a str,
    pub description: &'a str,
    pub author: &'a str,
    pub keywords: String,
    /// The stylesheet, rendered from the design by [`crate::style`]. It
    /// holds only numbers, colours and names we format ourselves, and the
    /// fonts' base64, never source text.
    pub css: String,
    pub json_ld: Option<serde_json::Value>,
    pub name: &'a str,
    pub headline: Option<&'a str>,
    pub contacts: Vec<ContactView<'a>>,
    pub sections: Vec<SectionView<'a>>,
}

impl<'a> Page<'a> {
    pub fn new(
        doc: &'a Document,
        design: &'a Design,
        css: String,
        json_ld: Option<serde_json::Value>,
    ) -> Page<'a> {
        let name = doc.header.name.trim();
        // An empty <title> is invalid HTML, so fall back on the name, and on a
        // word when even that is missing.
        let title = [doc.meta.title.trim(), name]
            .into_iter()
            .find(|t| !t.is_empty())
            .unwrap_or("Résumé");
        let mut ids = HashSet::new();
        let sections = doc
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| SectionView::new(s, unique_id(&s.id, i, &mut ids), design))
            .collect();
        Page {
            lang: doc.meta.language.as_str(),
            dir: doc.meta.direction.as_str(),
            title,
            description: doc.meta.subject.trim(),
            author: doc.meta.author.trim(),
            keywords: doc
                .meta
                .keywords
                .iter()
                .map(|k| k.trim())
                .filter(|k| !k.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            css,
            json_ld,
            name,
            headline: doc
                .header
                .headline
                .as_deref()
                .map(str::trim)
                .filter(|h| !h.is_empty()),
            contacts: {
                let shown: Vec<&Contact> = doc
                    .header
                    .contacts
                    .iter()
                    .filter(|c| !c.text.trim().is_empty())
                    .collect();
                let last = shown.len().saturating_sub(1);
                shown
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| {
                        ContactView::new(
                            c,
                            (i < last).then_some(design.separator.as_str()),
                            design.icons,
                            &doc.meta,
                        )
                    })
                    .collect()
            },
            sections,
        }
    }
}

/// One item of the contact line.
#[derive(Debug)]
pub(crate) struct ContactView<'a> {
    /// The design's separator, after every item but the last: where the
    /// line wraps, it ends the line, as in the PDF, and no line starts
    /// with it.
    pub sep: Option<&'a str>,
    pub text: &'a str,
    pub href: Option<&'a str>,
    /// A fuller accessible name, e.g. "LinkedIn: wenqingluo", when the
    /// visible text alone would not say what the link is.
    pub aria_label: Option<String>,
    /// Which inline icon to draw before the text, when the design has
    /// icons.
    pub icon: Option<&'static str>,
    /// The network's name before a profile that nothing else names
    /// (`Contact::prefix`).
    pub prefix: Option<&'a str>,
    /// `ltr` for an address or number on a right-to-left page, which
    /// reads left to right whatever the text around it.
    pub dir: Option<&'static str>,
}

impl<'a> ContactView<'a> {
    fn new(c: &'a Contact, sep: Option<&'a str>, icons: bool, meta: &Meta) -> ContactView<'a> {
        let rtl = meta.direction.is_rtl();
        let text = c.text.trim();
        let label = c.label.trim();
        // The accessible name must contain the visible text (WCAG 2.5.3), so
        // the label is put in front of it, and only when it adds something.
        let aria_label = (!label.is_empty()
            && !text.to_lowercase().contains(&label.to_lowercase()))
        .then(|| meta.labelled(label, text));
        let href = c.url.as_deref();
        ContactView {
            sep,
            text,
            // Only a link gets an accessible name of its own; plain text such
            // as a town reads well as it is.
            aria_label: href.and(aria_label),
            href,
            icon: icons.then(|| icon_for(c.kind, label)),
            prefix: c.prefix(icons),
            dir: (rtl && c.kind != ContactKind::Location).then_some("ltr"),
        }
    }
}

impl ContactView<'_> {
    /// The icon's name, for the icon macro; "profile" when there is none.
    pub fn icon_name(&self) -> &'static str {
        self.icon.unwrap_or("profile")
    }
}

/// The icon for a contact: the kind decides, and for profiles the network.
fn icon_for(kind: ContactKind, label: &str) -> &'static str {
    match kind {
        ContactKind::Phone => "phone",
        ContactKind::Email => "email",
        ContactKind::Website => "website",
        ContactKind::Location => "location",
        ContactKind::Profile => match label.to_ascii_lowercase().as_str() {
            "linkedin" => "linkedin",
            "github" | "gitlab" | "codeberg" | "bitbucket" => "code",
            _ => "profile",
        },
    }
}

/// A section with a unique, valid `id`.
#[derive(Debug)]
pub(crate) struct SectionView<'a> {
    pub id: String,
    pub title: &'a str,
    pub body: BodyView<'a>,
}

impl<'a> SectionView<'a> {
    fn new(s: &'a Section, id: String, design: &Design) -> SectionView<'a> {
        let body = match &s.body {
            SectionBody::Entries(entries) => BodyView::Entries(
                entries
                    .iter()
                    .map(|e| EntryView::new(e, 3, design))
                    .collect(),
            ),
            SectionBody::Paragraphs(ps) => BodyView::Paragraphs(texts(ps)),
            SectionBody::List(items) => BodyView::List(texts(items)),
        };
        SectionView {
            id,
            title: s.title.trim(),
            body,
        }
    }
}

fn texts(ts: &[Text]) -> Vec<Vec<Run<'_>>> {
    ts.iter().filter(|t| !t.is_empty()).map(runs).collect()
}

#[derive(Debug)]
pub(crate) enum BodyView<'a> {
    Entries(Vec<EntryView<'a>>),
    Paragraphs(Vec<Vec<Run<'a>>>),
    List(Vec<Vec<Run<'a>>>),
}

/// One entry, or one role inside an entry. Rendered by its own template so
/// roles can nest to any depth.
///
/// The head follows the design's entry layout. With dates on the right:
/// the title and the lines on the left, one row each; flush right the
/// dates and the place, one per row from the first. In the markup, what
/// stands beside the text follows the title when it is one item and the
/// lines when it is two, which is how the résumé reads aloud and as text.
/// With dates in a column on the left: the title, the lines and the place
/// are the rows, and the dates come right before the last of them, which
/// they stand beside, as every format reads them.
#[derive(Debug, Template)]
#[template(path = "entry.html")]
pub(crate) struct EntryView<'a> {
    /// The heading element's level: 3 for entries under a section's `h2`,
    /// one more for each level of roles, at most 6.
    pub level: u8,
    pub title: Vec<Run<'a>>,
    /// Whether nothing stands beside the title, so it takes the row.
    pub title_wide: bool,
    /// Whether the design sets dates in a column; entries without dates
    /// keep the column empty.
    pub dated: bool,
    /// The dates in the column, in its lines.
    pub column: Option<Vec<Vec<DateBit<'a>>>>,
    /// Which row the column's dates come before: 0 the title, `i` the
    /// `i`-th of the lines and the place.
    pub column_at: usize,
    /// Where the column stands in the head's grid: its row, and how many
    /// of its lines climb beside the rows above.
    pub column_style: String,
    /// Whether some of the column's lines climb.
    pub climbs: bool,
    /// What stands beside the text, read right after the title.
    pub early: Vec<Beside<'a>>,
    /// What stands beside the text, read after the lines.
    pub late: Vec<Beside<'a>>,
    pub lines: Vec<LineView<'a>>,
    /// The place as the head's last row (dates in a column).
    pub place: Option<&'a str>,
    pub bullets: Vec<Vec<Run<'a>>>,
    pub roles: Vec<EntryView<'a>>,
}

impl<'a> EntryView<'a> {
    fn new(e: &'a Entry, level: u8, design: &Design) -> EntryView<'a> {
        let layout = design.entry_layout(e);
        let dates = || e.dates.as_ref().map(date_bits).unwrap_or_default();
        let beside: Vec<Beside<'a>> = layout
            .right
            .iter()
            .enumerate()
            .map(|(row, (_, kind))| Beside {
                slot: if row == 0 { "r1" } else { "r2" },
                content: match kind {
                    RightKind::Dates => Right::Dates(dates()),
                    RightKind::Place => {
                        Right::Place(e.location.as_deref().map(str::trim).unwrap_or_default())
                    }
                },
            })
            .collect();
        let (early, late) = if beside.len() > 1 {
            (Vec::new(), beside)
        } else {
            (beside, Vec::new())
        };
        let lines: Vec<LineView<'a>> = e
            .lines
            .iter()
            .filter(|l| !l.text.is_empty())
            .enumerate()
            .map(|(i, l)| {
                let slot = match (i, layout.right.len() > 1) {
                    (0, true) => "l2",
                    (0, false) => "l2 wide",
                    _ => "more wide",
                };
                LineView::new(l, slot)
            })
            .collect();
        let place = layout
            .place_row
            .is_some()
            .then(|| e.location.as_deref().map(str::trim))
            .flatten();
        // The dates stand beside the last row, their earlier lines climbing
        // beside the rows above it as far as there are rows.
        let last = lines.len() + usize::from(place.is_some());
        let column = (!layout.column.is_empty())
            .then(|| {
                e.dates
                    .as_ref()
                    .map(|r| column_bits(r, layout.column.len()))
            })
            .flatten();
        let climb = column
            .as_ref()
            .map_or(0, |c| c.len().saturating_sub(1).min(last));
        let column_style = if climb > 0 {
            format!("grid-row: {}; --climb: {climb}", last + 1)
        } else {
            format!("grid-row: {}", last + 1)
        };
        EntryView {
            level,
            title: runs(&e.title),
            title_wide: layout.right.is_empty(),
            dated: design.columns.dates == DatesAt::Left,
            column,
            column_at: last,
            column_style,
            climbs: climb > 0,
            early,
            late,
            lines,
            place,
            bullets: texts(&e.bullets),
            roles: e
                .roles
                .iter()
                .map(|r| EntryView::new(r, (level + 1).min(6), design))
                .collect(),
        }
    }
}

/// Dates or a place beside an entry's text.
#[derive(Debug)]
pub(crate) struct Beside<'a> {
    /// Where it stands: `r1` right of the title, `r2` right of the first
    /// line.
    pub slot: &'static str,
    pub content: Right<'a>,
}

/// What stands on the right: a date range or a place.
#[derive(Debug)]
pub(crate) enum Right<'a> {
    Dates(Vec<DateBit<'a>>),
    Place(&'a str),
}

/// A secondary line with its CSS classes.
#[derive(Debug)]
pub(crate) struct LineView<'a> {
    pub class: &'static str,
    /// The row, `l2` or `more`, and `wide` when nothing stands on its right.
    pub slot: &'static str,
    pub text: Vec<Run<'a>>,
}

impl<'a> LineView<'a> {
    fn new(l: &'a Line, slot: &'static str) -> LineView<'a> {
        LineView {
            class: match l.kind {
                LineKind::Subtitle => "subtitle",
                LineKind::Keywords => "keywords",
                LineKind::Detail => "detail",
            },
            slot,
            text: runs(&l.text),
        }
    }
}

/// A piece of a displayed date range.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum DateBit<'a> {
    /// A date a machine can read: shown as `display`, marked up as
    /// `<time datetime="iso">`.
    Time { display: &'a str, iso: &'a str },
    /// Text without a machine-readable form: "Present", free text, or the
    /// separator.
    Plain(&'a str),
}

fn date_bits(range: &DateRange) -> Vec<DateBit<'_>> {
    let mut bits = Vec::new();
    let start = range
        .start
        .as_ref()
        .filter(|p| !p.display.trim().is_empty());
    let end = range.end.as_ref().filter(|p| !p.display.trim().is_empty());
    if let Some(s) = start {
        bits.push(date_bit(s));
    }
    if start.is_some() && end.is_some() {
        bits.push(DateBit::Plain(&range.separator));
    }
    if let Some(e) = end {
        bits.push(date_bit(e));
    }
    bits
}

/// A date range as `lines` lines of the date column: whole, or its start
/// and separator over its end, as the design breaks it.
fn column_bits(range: &DateRange, lines: usize) -> Vec<Vec<DateBit<'_>>> {
    let bits = date_bits(range);
    if lines < 2 || bits.len() != 3 {
        return vec![bits];
    }
    let mut bits = bits.into_iter();
    let (start, end) = (bits.next(), bits.nth(1));
    let separator = range.separator.trim_end();
    vec![
        start
            .into_iter()
            .chain([DateBit::Plain(separator)])
            .collect(),
        end.into_iter().collect(),
    ]
}

fn date_bit(p: &DatePoint) -> DateBit<'_> {
    let display = p.display.trim();
    match p
        .iso
        .as_deref()
        .map(str::trim)
        .filter(|iso| is_datetime(iso))
    {
        Some(iso) => DateBit::Time { display, iso },
        None => DateBit::Plain(display),
    }
}

/// Whether `s` is a year (`2020`), a month (`2020-06`) or a date
/// (`2020-06-01`) in the forms HTML accepts for `<time datetime>`. Anything
/// else is shown as plain text, since an invalid `datetime` is a validation
/// error and misleads machines.
pub(crate) fn is_datetime(s: &str) -> bool {
    let mut parts = s.split('-');
    let year = parts.next().unwrap_or_default();
    let two_digits = |p: Option<&str>, max: u32| {
        p.is_some_and(|p| {
            p.len() == 2
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
        })
    };
    if year.len() < 4
        || !year.bytes().all(|b| b.is_ascii_digit())
        || year.bytes().all(|b| b == b'0')
    {
        return false;
    }
    match (parts.next(), parts.next(), parts.next()) {
        (None, _, _) => true,
        (month @ Some(_), None, _) => two_digits(month, 12),
        (month @ Some(_), day @ Some(_), None) => {
            two_digits(month, 12) && two_digits(day, days_in_month(year, month.unwrap_or_default()))
        }
        _ => false,
    }
}

fn days_in_month(year: &str, month: &str) -> u32 {
    let year: u64 = year.parse().unwrap_or(1);
    match month {
        "02" if year.is_multiple_of(4)
            && (!year.is_multiple_of(100) || year.is_multiple_of(400)) =>
        {
            29
        }
        "02" => 28,
        "04" | "06" | "09" | "11" => 30,
        _ => 31,
    }
}

/// A run of spans sharing one link target (or none), so a link split into
/// several styled spans still becomes one `<a>`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Run<'a> {
    pub href: Option<&'a str>,
    pub spans: Vec<Styled<'a>>,
}

/// A span's text and style, without its link.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Styled<'a> {
    pub text: &'a str,
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
}

/// Groups a Text's spans into runs by link target (a `SafeUrl`, checked
/// where the source was read, so it goes into an `href` as it is).
pub(crate) fn runs(t: &Text) -> Vec<Run<'_>> {
    let mut out: Vec<Run<'_>> = Vec::new();
    for s in t.spans.iter().filter(|s| !s.text.is_empty()) {
        let href = s.link.as_deref();
        let styled = Styled {
            text: &s.text,
            strong: s.strong,
            emphasis: s.emphasis,
            code: s.code,
        };
        match out.last_mut() {
            Some(last) if last.href == href => last.spans.push(styled),
            _ => out.push(Run {
                href,
                spans: vec![styled],
            }),
        }
    }
    out
}

/// A valid, unique element id for a section: its own id when that is safe
/// (ASCII letters, digits, `-` and `_`, starting with a letter), otherwise
/// `section-N`; a repeat gets a numeric suffix.
fn unique_id(id: &str, index: usize, taken: &mut HashSet<String>) -> String {
    let id = id.trim();
    let clean = id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let base = if clean {
        id.to_string()
    } else {
        format!("section-{}", index + 1)
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use resume_document::SafeUrl;

    #[test]
    fn datetimes_are_years_months_or_dates() {
        for ok in ["2020", "2020-06", "2020-06-30", "2024-02-29", "12020"] {
            assert!(is_datetime(ok), "{ok}");
        }
        for bad in [
            "",
            "20",
            "0000",
            "2020-6",
            "2020-13",
            "2020-00",
            "2020-06-31",
            "2023-02-29",
            "2020-06-01T10:00",
            "June 2020",
            "2020-06-01-01",
            "२०२०",
        ] {
            assert!(!is_datetime(bad), "{bad}");
        }
    }

    #[test]
    fn section_ids_are_valid_and_unique() {
        let mut taken = HashSet::new();
        let ids: Vec<String> = [
            "education",
            "education",
            "",
            "1st",
            "a b",
            "x\"y",
            "education-2",
        ]
        .iter()
        .enumerate()
        .map(|(i, id)| unique_id(id, i, &mut taken))
        .collect();
        assert_eq!(
            ids,
            [
                "education",
                "education-2",
                "section-3",
                "section-4",
                "section-5",
                "section-6",
                "education-2-2"
            ]
        );
    }

    #[test]
    fn runs_group_spans_by_link() {
        let t = Text {
            spans: vec![
                resume_document::Span::plain("see "),
                resume_document::Span {
                    text: "the ".into(),
                    link: SafeUrl::parse("https://a.example").ok(),
                    ..Default::default()
                },
                resume_document::Span {
                    text: "site".into(),
                    strong: true,
                    link: SafeUrl::parse("https://a.example").ok(),
                    ..Default::default()
                },
                resume_document::Span {
                    text: " now".into(),
                    link: SafeUrl::parse("javascript:void(0)").ok(),
                    ..Default::default()
                },
                resume_document::Span::plain(""),
            ],
        };
        let r = runs(&t);
        let shape: Vec<(Option<&str>, usize)> = r.iter().map(|r| (r.href, r.spans.len())).collect();
        assert_eq!(
            shape,
            [(None, 1), (Some("https://a.example"), 2), (None, 1)]
        );
    }
}
