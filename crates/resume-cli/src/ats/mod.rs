//! `resume ats`: reads the PDF and the DOCX back the way an applicant-tracking
//! parser does and says what of the source reached it: the contact fields
//! (and whether they sit in the body, where parsers look), the section
//! headings (and whether a parser knows their names), every entry's dates as
//! a date pattern reads them, the words missing or out of order, and the
//! known traps: ligatures, private-use characters, unmapped glyphs, tables,
//! text boxes and drawings.
//!
//! The extraction is ours and runs without any external program; its recall
//! is computed exactly as the evaluation kit's `recall.py`, so the figures
//! can be compared with pdftotext's and LibreOffice's.

pub mod docx;
pub mod pdf;
pub mod recall;

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use resume_document::{ContactKind, Document, Entry, SectionBody};
use serde::Serialize;

pub use recall::Recall;

/// Recall below this fails: a parser must get every word of the source.
pub const MIN_RECALL: f64 = 0.99;

/// Section names résumé parsers map to their fields (Sovren/Textkernel,
/// Workday, Greenhouse and Lever documentation, and the usual advice built
/// on them). Compared lower-cased, with "&" read as "and".
pub const STANDARD_HEADINGS: &[&str] = &[
    "experience",
    "work experience",
    "professional experience",
    "employment",
    "employment history",
    "work history",
    "relevant experience",
    "research experience",
    "education",
    "education and training",
    "skills",
    "technical skills",
    "core skills",
    "key skills",
    "skills and abilities",
    "projects",
    "personal projects",
    "summary",
    "professional summary",
    "profile",
    "objective",
    "about",
    "about me",
    "certifications",
    "certificates",
    "licenses and certifications",
    "awards",
    "honors",
    "honors and awards",
    "awards and honors",
    "achievements",
    "publications",
    "volunteer",
    "volunteering",
    "volunteer experience",
    "languages",
    "interests",
    "hobbies",
    "references",
    "activities",
    "leadership",
    "courses",
    "coursework",
    "training",
    "memberships",
    "affiliations",
];

/// Which file is being judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Pdf,
    Docx,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Pdf => "PDF",
            Kind::Docx => "DOCX",
        }
    }
}

/// What a parser reads from one file.
#[derive(Debug, Default)]
pub struct Extracted {
    /// The body's text, in reading order.
    pub body: String,
    /// Text of headers and footers, which many parsers ignore.
    pub header_footer: String,
    /// Link targets (PDF URI annotations, DOCX hyperlinks).
    pub links: Vec<String>,
    /// Problems found while reading (unmapped glyphs, tables, …).
    pub problems: Vec<String>,
    pub warnings: Vec<String>,
}

impl Extracted {
    pub fn from_pdf(p: pdf::PdfText) -> Extracted {
        let mut problems = Vec::new();
        for font in &p.fonts_without_unicode {
            problems.push(format!(
                "font {font} has no ToUnicode map: its text cannot be read as characters"
            ));
        }
        for (font, n) in &p.unmapped {
            problems.push(format!(
                "{n} glyph{} of font {font} without a Unicode mapping: lost to a parser",
                plural(*n)
            ));
        }
        if p.images > 0 {
            problems.push(format!(
                "{} image{}: any text in them is invisible to a parser",
                p.images,
                plural(p.images)
            ));
        }
        Extracted {
            body: p.text,
            links: p.links,
            problems,
            ..Extracted::default()
        }
    }

    pub fn from_docx(d: docx::DocxText) -> Extracted {
        let mut problems = Vec::new();
        let mut warnings = Vec::new();
        if d.tables_with_text > 0 {
            problems.push(format!(
                "{} table{} holding text: parsers read cells out of order or drop them",
                d.tables_with_text,
                plural(d.tables_with_text)
            ));
        }
        if d.text_boxes_with_text > 0 {
            problems.push(format!(
                "{} text box{} holding text: many parsers skip text boxes",
                d.text_boxes_with_text,
                if d.text_boxes_with_text == 1 {
                    ""
                } else {
                    "es"
                }
            ));
        }
        if d.drawings > 0 {
            problems.push(format!(
                "{} drawing{} or image{}: any text in them is invisible to a parser",
                d.drawings,
                plural(d.drawings),
                plural(d.drawings)
            ));
        }
        if !d.header_footer.trim().is_empty() {
            warnings.push("text in a header or footer, which many parsers skip".to_string());
        }
        Extracted {
            body: d.body,
            header_footer: d.header_footer,
            links: d.links,
            problems,
            warnings,
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One contact field of the source and where the parser found it.
#[derive(Debug, Clone, Serialize)]
pub struct ContactCheck {
    /// "name", "email", "phone", "website", "location" or the network.
    pub field: String,
    pub expected: String,
    /// "body" (the value or address is in the text), "body (handle)" (a
    /// profile's user name is), "body (link target)" (only a link's target
    /// is), "header/footer" or "missing".
    pub found: String,
    pub in_body: bool,
}

/// A section title and whether a parser finds and knows it.
#[derive(Debug, Clone, Serialize)]
pub struct HeadingCheck {
    pub title: String,
    pub found: bool,
    pub standard: bool,
}

/// One entry's dates as the source has them and as a parser reads them.
#[derive(Debug, Clone, Serialize)]
pub struct DateCheck {
    pub entry: String,
    /// The source's dates, `2020-06 – 2020-12` or `2020-06 – present`.
    pub expected: String,
    /// The text the date pattern matched, if it matched these dates.
    pub parsed: Option<String>,
}

/// Everything said about one file.
#[derive(Debug, Clone, Serialize)]
pub struct FormatReport {
    pub format: Kind,
    /// Where the file came from: "built in memory" or a path.
    pub origin: String,
    pub contacts: Vec<ContactCheck>,
    pub headings: Vec<HeadingCheck>,
    pub dates: Vec<DateCheck>,
    pub words: Recall,
    pub problems: Vec<String>,
    pub warnings: Vec<String>,
    pub ok: bool,
}

/// What the source says, as the checks need it.
#[derive(Debug)]
pub struct Expected {
    pub reference: String,
    name: String,
    contacts: Vec<(String, ContactKind, String, Option<String>)>,
    titles: Vec<String>,
    dates: Vec<(String, Option<String>, Option<String>)>,
}

impl Expected {
    pub fn new(doc: &Document) -> Expected {
        let mut dates = Vec::new();
        for section in &doc.sections {
            if let SectionBody::Entries(entries) = &section.body {
                for e in entries {
                    collect_dates(e, &mut dates);
                }
            }
        }
        Expected {
            reference: reference_text(doc),
            name: doc.header.name.clone(),
            contacts: doc
                .header
                .contacts
                .iter()
                .map(|c| {
                    let url = c.url.as_ref().map(|u| u.to_string());
                    (c.label.clone(), c.kind, c.text.clone(), url)
                })
                .collect(),
            titles: doc.sections.iter().map(|s| s.title.clone()).collect(),
            dates,
        }
    }
}

fn collect_dates(e: &Entry, out: &mut Vec<(String, Option<String>, Option<String>)>) {
    if let Some(d) = &e.dates {
        let start = d.start.as_ref().and_then(|p| p.iso.clone());
        // An end without an ISO form is "present" (or free text, which no
        // pattern can be held to).
        let end = d.end.as_ref().map(|p| {
            p.iso
                .clone()
                .unwrap_or_else(|| format!("?{}", p.display.to_lowercase()))
        });
        let free_start = d.start.as_ref().is_some_and(|p| p.iso.is_none());
        if !free_start && (start.is_some() || end.is_some()) {
            out.push((e.title.to_plain(), start, end));
        }
    }
    for r in &e.roles {
        collect_dates(r, out);
    }
}

/// The words the source puts in every format, in reading order: the
/// Document's text with contacts as the reader sees them (a labelled link
/// shows its label, not its address).
pub fn reference_text(doc: &Document) -> String {
    let mut out = vec![doc.header.name.clone()];
    out.extend(doc.header.headline.clone());
    out.push(
        doc.header
            .contacts
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    fn entry(e: &Entry, out: &mut Vec<String>) {
        out.push(e.title.to_plain());
        if let Some(d) = &e.dates {
            out.push(d.display());
        }
        for l in &e.lines {
            out.push(l.text.to_plain());
        }
        out.extend(e.location.clone());
        for b in &e.bullets {
            out.push(b.to_plain());
        }
        for r in &e.roles {
            entry(r, out);
        }
    }
    for s in &doc.sections {
        out.push(s.title.clone());
        match &s.body {
            SectionBody::Entries(es) => es.iter().for_each(|e| entry(e, &mut out)),
            SectionBody::Paragraphs(ps) | SectionBody::List(ps) => {
                out.extend(ps.iter().map(|p| p.to_plain()));
            }
        }
    }
    out.join("\n") + "\n"
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("a valid pattern"));
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\+?\d[\d .()\-]{7,}\d").expect("a valid pattern"));

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

/// A date as parsers match it: "Jun 2020", "June 2020", "Jun 1, 2020",
/// "1 June 2020", "2020-06", "06/2020", "2020"; a range joins two with a
/// dash or "to", and may end in "Present".
static DATE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    let date = format!(
        r"(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}}|{MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}(?:-\d{{2}})?|\d{{1,2}}/\d{{4}}|\d{{4}})"
    );
    let end = format!(r"(?:{date}|present|current|now|today|ongoing)");
    Regex::new(&format!(
        r"(?i)\b(?P<start>{date})(?:\s*(?:–|—|-|to|until)\s*(?P<end>{end}))?\b"
    ))
    .expect("a valid pattern")
});

/// A matched date as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or "present".
fn date_iso(text: &str) -> String {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let t = text.trim().to_lowercase();
    if ["present", "current", "now", "today", "ongoing"].contains(&t.as_str()) {
        return "present".into();
    }
    if t.contains('-') {
        return t;
    }
    if let Some((m, y)) = t.split_once('/') {
        return format!("{y}-{m:0>2}");
    }
    let (mut year, mut month, mut day) = (None, None, None);
    for word in t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if let Some(n) = MONTHS.iter().position(|p| word.starts_with(p)) {
            month = Some(n + 1);
        } else if word.len() == 4 {
            year = Some(word.to_string());
        } else if word.len() <= 2 {
            day = word.parse::<u32>().ok();
        }
    }
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("{y}-{m:02}"),
        (Some(y), _, _) => y,
        _ => t,
    }
}

/// Every date or range a date pattern finds in the text: (matched text,
/// start, end).
pub fn parse_dates(text: &str) -> Vec<(String, String, Option<String>)> {
    DATE_RANGE
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?.as_str().to_string();
            let start = date_iso(c.name("start")?.as_str());
            let end = c.name("end").map(|e| date_iso(e.as_str()));
            Some((whole, start, end))
        })
        .collect()
}

/// Whether one date read from the text is the source's: the same to the
/// precision the text gives.
fn same_date(expected: Option<&str>, parsed: Option<&str>) -> bool {
    match (expected, parsed) {
        (None, None) => true,
        (Some(e), Some(p)) if e.starts_with('?') => p == "present" || e[1..] == *p,
        (Some(e), Some(p)) => p.len() >= 4 && e.starts_with(p),
        _ => false,
    }
}

fn norm_heading(s: &str) -> String {
    s.replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `needle`'s words occur one after another in `hay`'s words.
fn has_words(hay: &[String], needle: &str) -> bool {
    let n = recall::tokens(needle);
    !n.is_empty() && hay.windows(n.len()).any(|w| w == n.as_slice())
}

/// An address without its scheme, `www.` and trailing slash, lower-cased.
fn bare_url(url: &str) -> String {
    let u = url.trim().to_lowercase();
    let u = u.split_once("://").map_or(u.as_str(), |(_, r)| r);
    let u = u.strip_prefix("mailto:").unwrap_or(u);
    let u = u.strip_prefix("www.").unwrap_or(u);
    u.trim_end_matches('/').to_string()
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Whether a contact field appears in one text, and how: "body" when
/// its value (or a link's address) is there, "body (handle)" when a
/// profile's user name is there without its address.
fn find_contact(
    kind: Option<ContactKind>,
    text: &str,
    value: &str,
    url: Option<&str>,
) -> Option<&'static str> {
    let words = recall::tokens(text);
    let found = match kind {
        None | Some(ContactKind::Location) => has_words(&words, value),
        Some(ContactKind::Email) => EMAIL
            .find_iter(text)
            .any(|m| m.as_str().eq_ignore_ascii_case(value.trim())),
        Some(ContactKind::Phone) => {
            let want = digits(value);
            !want.is_empty()
                && PHONE
                    .find_iter(text)
                    .any(|m| digits(m.as_str()).contains(&want))
        }
        Some(ContactKind::Website | ContactKind::Profile) => {
            let lower = text.to_lowercase();
            let address = url.is_some_and(|u| {
                let b = bare_url(u);
                !b.is_empty() && lower.contains(&b)
            });
            if !address && kind == Some(ContactKind::Profile) && has_words(&words, value) {
                return Some("body (handle)");
            }
            address
        }
    };
    found.then_some("body")
}

/// Judges one extracted file against the source.
pub fn analyze(kind: Kind, origin: String, x: &Extracted, expected: &Expected) -> FormatReport {
    let mut problems = x.problems.clone();
    let mut warnings = x.warnings.clone();

    // Contacts.
    let mut fields: Vec<(String, Option<ContactKind>, String, Option<String>)> =
        vec![("name".into(), None, expected.name.clone(), None)];
    for (label, kind, text, url) in &expected.contacts {
        let field = match kind {
            ContactKind::Profile => label.clone(),
            _ => label.to_lowercase(),
        };
        // The value a parser should find: the address when the text is a label.
        let value = match kind {
            ContactKind::Email => url
                .as_deref()
                .and_then(|u| u.strip_prefix("mailto:"))
                .unwrap_or(text)
                .to_string(),
            _ => text.clone(),
        };
        fields.push((field, Some(*kind), value, url.clone()));
    }
    let links: HashSet<String> = x.links.iter().map(|l| bare_url(l)).collect();
    let contacts: Vec<ContactCheck> = fields
        .into_iter()
        .map(|(field, kind, value, url)| {
            let shown = match (kind, &url) {
                (Some(ContactKind::Website | ContactKind::Profile), Some(u)) => u.clone(),
                _ => value.clone(),
            };
            let found = if let Some(how) = find_contact(kind, &x.body, &value, url.as_deref()) {
                how
            } else if url.as_deref().is_some_and(|u| links.contains(&bare_url(u)))
                && matches!(kind, Some(ContactKind::Website | ContactKind::Profile))
            {
                "body (link target)"
            } else if find_contact(kind, &x.header_footer, &value, url.as_deref()).is_some() {
                "header/footer"
            } else {
                "missing"
            };
            if found == "header/footer" {
                problems.push(format!(
                    "{field} ({shown}) is only in a header or footer, which many parsers skip"
                ));
            } else if found == "missing" {
                problems.push(format!(
                    "{field} ({shown}) is not in the text a parser reads"
                ));
            }
            ContactCheck {
                in_body: found.starts_with("body"),
                field,
                expected: shown,
                found: found.into(),
            }
        })
        .collect();

    // Headings: a line of the text that is the title and nothing else.
    let lines: Vec<String> = x.body.lines().map(norm_heading).collect();
    let headings: Vec<HeadingCheck> = expected
        .titles
        .iter()
        .map(|t| {
            let n = norm_heading(t);
            HeadingCheck {
                title: t.clone(),
                found: lines.contains(&n),
                standard: STANDARD_HEADINGS.contains(&n.as_str()),
            }
        })
        .collect();
    for h in &headings {
        if !h.found {
            warnings.push(format!("heading “{}” is not a line of its own", h.title));
        } else if !h.standard {
            warnings.push(format!(
                "heading “{}” is not a name parsers know; a standard one (Experience, Education, Skills, Projects, …) is safer",
                h.title
            ));
        }
    }

    // Dates, each found range used for one entry only.
    let mut parsed = parse_dates(&x.body);
    let dates: Vec<DateCheck> = expected
        .dates
        .iter()
        .map(|(entry, start, end)| {
            let hit = parsed.iter().position(|(_, s, e)| {
                same_date(start.as_deref(), Some(s)) && same_date(end.as_deref(), e.as_deref())
            });
            let show = |d: &Option<String>| {
                d.as_deref()
                    .map_or("", |s| s.strip_prefix('?').unwrap_or(s))
                    .to_string()
            };
            DateCheck {
                entry: entry.clone(),
                expected: match end {
                    Some(_) => format!("{} – {}", show(start), show(end)),
                    None => show(start),
                },
                parsed: hit.map(|i| parsed.remove(i).0),
            }
        })
        .collect();
    for d in dates.iter().filter(|d| d.parsed.is_none()) {
        warnings.push(format!(
            "the dates of “{}” ({}) are not read as dates",
            d.entry, d.expected
        ));
    }

    // Characters parsers mangle.
    let all = format!("{}\n{}", x.body, x.header_footer);
    let mut report_chars = |what: &str, pred: &dyn Fn(char) -> bool| {
        let found: Vec<char> = {
            let mut v: Vec<char> = all.chars().filter(|&c| pred(c)).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        if !found.is_empty() {
            let n = all.chars().filter(|&c| pred(c)).count();
            problems.push(format!(
                "{n} {what} character{} ({}): parsers do not read them as letters",
                plural(n),
                found
                    .iter()
                    .map(|c| format!("U+{:04X}", u32::from(*c)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    };
    report_chars("ligature", &|c| ('\u{FB00}'..='\u{FB06}').contains(&c));
    report_chars("private-use", &|c| {
        ('\u{E000}'..='\u{F8FF}').contains(&c) || u32::from(c) >= 0xF0000
    });
    report_chars("replacement (U+FFFD)", &|c| c == '\u{FFFD}');

    let words = recall::compare(&expected.reference, &x.body);
    if words.recall < MIN_RECALL {
        problems.push(format!(
            "only {:.1}% of the source's words reach the parser (at least {:.0}% needed)",
            words.recall * 100.0,
            MIN_RECALL * 100.0
        ));
    }
    if words.order < 0.9 {
        warnings.push(format!(
            "only {:.1}% of the words found are in the source's order",
            words.order * 100.0
        ));
    }
    let ok = problems.is_empty() && contacts.iter().all(|c| c.in_body);
    FormatReport {
        format: kind,
        origin,
        contacts,
        headings,
        dates,
        words,
        problems,
        warnings,
        ok,
    }
}

/// The readable report of every file.
pub fn render_text(source: &str, reports: &[FormatReport]) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "resume ats {source}");
    for r in reports {
        let _ = writeln!(s, "\n{} ({})", r.format.name(), r.origin);
        let _ = writeln!(s, "  contacts:");
        for c in &r.contacts {
            let _ = writeln!(
                s,
                "    {} {:<10} {:<40} {}",
                if c.in_body { "ok  " } else { "FAIL" },
                c.field,
                c.expected,
                c.found
            );
        }
        let _ = writeln!(s, "  headings:");
        for h in &r.headings {
            let _ = writeln!(
                s,
                "    {} {:<40} {}{}",
                if h.found && h.standard {
                    "ok  "
                } else {
                    "warn"
                },
                h.title,
                if h.found { "found" } else { "not found" },
                if h.standard {
                    ", standard name"
                } else {
                    ", not a standard name"
                }
            );
        }
        let _ = writeln!(s, "  dates:");
        for d in &r.dates {
            let entry: String = d.entry.chars().take(38).collect();
            let _ = writeln!(
                s,
                "    {} {:<40} {:<20} {}",
                if d.parsed.is_some() { "ok  " } else { "warn" },
                entry,
                d.expected,
                d.parsed
                    .as_deref()
                    .map_or("not parsed".into(), |p| format!("read “{p}”"))
            );
        }
        let w = &r.words;
        let _ = writeln!(
            s,
            "  words: recall {:.4} ({}/{}), order {:.4}, missing: {}",
            w.recall,
            w.matched,
            w.ref_tokens,
            w.order,
            if w.missing.is_empty() {
                "-".to_string()
            } else {
                w.missing
                    .iter()
                    .take(30)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        );
        if r.problems.is_empty() {
            let _ = writeln!(s, "  problems: none");
        } else {
            let _ = writeln!(s, "  problems:");
            for p in &r.problems {
                let _ = writeln!(s, "    - {p}");
            }
        }
        for wn in &r.warnings {
            let _ = writeln!(s, "  warning: {wn}");
        }
    }
    let ok = reports.iter().all(|r| r.ok);
    let _ = writeln!(
        s,
        "\n{}",
        if ok {
            "result: everything of the source reaches a parser"
        } else {
            "result: some of the source does not reach a parser (see problems)"
        }
    );
    s
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn dates_as_parsers_read_them() {
        let d = parse_dates(
            "Jun 2020 – Dec 2020 • 2019-06 to Present; 06/2018 - 2019 and August 2017, \
             Dec 1, 2013 – 24 Aug 2016",
        );
        let got: Vec<(String, Option<String>)> = d.into_iter().map(|(_, s, e)| (s, e)).collect();
        assert_eq!(
            got,
            [
                ("2020-06".into(), Some("2020-12".into())),
                ("2019-06".into(), Some("present".into())),
                ("2018-06".into(), Some("2019".into())),
                ("2017-08".into(), None),
                ("2013-12-01".into(), Some("2016-08-24".into())),
            ]
        );
    }

    #[test]
    fn headings_normalise() {
        assert_eq!(norm_heading("Honors & Awards"), "honors and awards");
        assert!(STANDARD_HEADINGS.contains(&norm_heading("WORK EXPERIENCE").as_str()));
    }

    #[test]
    fn contacts_found_in_text() {
        let t = "Jane Doe\n+1 (555) 010-2000 • JANE@example.com • github.com/janedoe";
        let f = |kind, value, url| find_contact(kind, t, value, url);
        assert_eq!(
            f(Some(ContactKind::Phone), "+1 555 010 2000", None),
            Some("body")
        );
        assert_eq!(
            f(Some(ContactKind::Email), "jane@example.com", None),
            Some("body")
        );
        let github = Some("https://github.com/janedoe/");
        assert_eq!(
            f(Some(ContactKind::Website), "GitHub", github),
            Some("body")
        );
        let gitlab = Some("https://gitlab.com/janedoe");
        assert_eq!(
            f(Some(ContactKind::Profile), "janedoe", gitlab),
            Some("body (handle)")
        );
        assert_eq!(f(None, "John Doe", None), None);
    }

    /// A source's Document, PDF and DOCX, built as `resume build` does
    /// with no options (the source's theme, one page).
    pub(crate) fn build(path: &str) -> (Document, Vec<u8>, Vec<u8>) {
        use resume_document::Format;
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
        let source = std::fs::read_to_string(format!("{root}{path}")).expect("the source");
        let (resume, _) = if path.ends_with(".json") {
            resume_model::parse_json(&source, false)
        } else {
            resume_model::parse_toml(&source)
        }
        .expect("a valid source");
        let doc = resume_document::lower(&resume, &resume_document::Options::default());
        let shared = resume_document::Shared {
            timestamp: Some(0),
            fit_pages: Some(1),
            creator: "test".into(),
        };
        let pdf = resume_pdf::Pdf::default()
            .render(&doc, &shared)
            .expect("pdf");
        let docx = resume_docx::Docx.render(&doc, &shared).expect("docx");
        (doc, pdf.bytes, docx.bytes)
    }

    /// Our recall agrees with the evaluation kit's on the same reference.
    ///
    /// The kit's figures were measured on files from `SOURCE_DATE_EPOCH=0
    /// resume build SOURCE -f pdf,docx,txt -o /tmp/ats`, with
    /// `bash /work/shared/eval/check_pdf.sh FILE.pdf REF /tmp/out` (the
    /// `pdf:plain` line: pdftotext's default mode) and
    /// `python3 /work/shared/eval/check_docx.py FILE.docx REF` (LibreOffice's
    /// text export). REF is tests/data/seed-reference.txt for the seed and
    /// the text backend's output at its default width (the `.txt` built
    /// beside them) for the JSON Resume sample.
    #[test]
    fn recall_agrees_with_the_evaluation_kit() {
        let cases = [
            // (source, kit's PDF recall, kit's DOCX recall)
            ("resume/wenqing-luo.toml", 1.0, 1.0),
            ("tests/data/jsonresume/sample.resume.json", 0.9169, 0.9193),
        ];
        for (path, kit_pdf, kit_docx) in cases {
            let (doc, pdf, docx) = build(path);
            let reference = if path.ends_with(".toml") {
                let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
                std::fs::read_to_string(format!("{root}tests/data/seed-reference.txt"))
                    .expect("the seed's reference")
            } else {
                resume_text::text(
                    &doc,
                    &resume_text::TextOptions {
                        width: 78,
                        ascii: false,
                    },
                )
            };
            let ours_pdf = recall::compare(&reference, &pdf::read(&pdf).expect("pdf").text);
            let ours_docx = recall::compare(&reference, &docx::read(&docx).expect("docx").body);
            eprintln!(
                "{path}: pdf ours {:.4} kit {kit_pdf:.4}; docx ours {:.4} kit {kit_docx:.4}",
                ours_pdf.recall, ours_docx.recall
            );
            assert!(
                (ours_pdf.recall - kit_pdf).abs() <= 0.005,
                "{path} PDF: {ours_pdf:?}"
            );
            assert!(
                (ours_docx.recall - kit_docx).abs() <= 0.005,
                "{path} DOCX: {ours_docx:?}"
            );
        }
    }
}
