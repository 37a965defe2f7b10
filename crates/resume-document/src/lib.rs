//! The presentation layer: [`lower`] turns a validated résumé into a [`Document`],
//! the one structure every backend renders.
//!
//! Every decision about *what* is shown and in which order is made here once:
//! section order and titles, date formatting, separators, tag filtering, which
//! fields join into which line. Backends only decide *how* it looks in their
//! format, so the four outputs cannot drift apart in content.
//!
//! Backends depend on this crate only, never on `resume-model`.

mod estimate;
mod fit;
mod fonts;
mod format;
pub mod lint;
mod lower;
pub mod matching;
mod theme;

pub use estimate::{Estimate, Face, FaceSet};

pub use fit::{FitNote, Fitted, Measure, fit};
pub use fonts::face_data;
pub use format::{Format, FormatError, Note, Output, Shared, describe_chars};
pub use lower::{DateStyle, Options, lower, source_theme};
/// Checked values the backends receive and cannot make from raw text: a
/// link target and a language tag.
pub use resume_model::{LangTag, SafeUrl, Scheme};
pub use theme::{
    Align, Case, Color, Columns, DatesAt, Design, EntryLayout, Family, Fit, Gaps, HtmlFonts,
    LinkStyle, Margins, Paint, Paper, READABLE_FLOOR, RightKind, Rule, TextStyle, Theme,
    TitleStyle, WordFont, apply_case, upper,
};

/// A résumé ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub meta: Meta,
    pub header: Header,
    pub sections: Vec<Section>,
    pub theme: Theme,
}

/// Document properties written into file metadata (PDF Info, DOCX core.xml,
/// HTML `<head>`).
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// e.g. "Wenqing Luo — Résumé".
    pub title: String,
    pub author: String,
    /// One sentence describing the document (HTML meta description, PDF Subject).
    pub subject: String,
    /// Keywords, from the skills.
    pub keywords: Vec<String>,
    /// BCP 47 language tag, e.g. "en", checked where the locale is read.
    pub language: LangTag,
    /// The direction the language is written in: a right-to-left document
    /// sets its lines from the right and mirrors the page.
    pub direction: Direction,
    /// A page number in the document's language, with `{page}` and
    /// `{pages}` to fill: "Page {page} of {pages}".
    pub page_label: String,
    /// A labelled value in the document's language, with `{label}` and
    /// `{value}` to fill: "{label}: {value}", French "{label} : {value}".
    pub label_pattern: String,
}

/// The direction of a document's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    /// The HTML `dir` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Direction::Rtl
    }
}

impl Meta {
    /// "Website: https://example.com", punctuated as the language does.
    pub fn labelled(&self, label: &str, value: &str) -> String {
        self.label_pattern
            .replace("{label}", label)
            .replace("{value}", value)
    }

    /// "Page 2 of 3" in the document's language.
    pub fn page_of(&self, page: usize, pages: usize) -> String {
        self.page_label
            .replace("{page}", &page.to_string())
            .replace("{pages}", &pages.to_string())
    }
}

/// The top of the résumé: name, an optional headline and the contact line.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub name: String,
    /// A short professional title under the name, e.g. "Software Engineer".
    pub headline: Option<String>,
    /// Contact items in the author's order; the first line under the name.
    pub contacts: Vec<Contact>,
}

/// What a contact item is; backends may use it for a prefix or a `rel`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    Phone,
    Email,
    Website,
    Location,
    /// A profile on a network such as LinkedIn or GitHub.
    Profile,
}

/// One item of the contact line.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub kind: ContactKind,
    /// What the reader sees, e.g. "wenqingluo" or "Website".
    pub text: String,
    /// Network name for profiles ("LinkedIn"), the kind's name otherwise
    /// ("Phone", "Email", "Website", "Location"). Used as an accessible label and
    /// by formats that spell links out.
    pub label: String,
    /// A safe link target (`https:`, `http:`, `mailto:` or `tel:`), if any.
    pub url: Option<SafeUrl>,
}

impl Contact {
    /// The network's name to show before a profile when nothing else says
    /// what it is: no icon stands beside it and its text does not name the
    /// network ("GitHub laphets", not a bare "laphets"). Every format asks
    /// here, so the rule is the same in all of them.
    pub fn prefix(&self, with_icon: bool) -> Option<&str> {
        let label = self.label.trim();
        (self.kind == ContactKind::Profile
            && !with_icon
            && !label.is_empty()
            && !self.text.to_lowercase().contains(&label.to_lowercase()))
        .then_some(label)
    }
}

/// A titled part of the résumé.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// A stable, unique, URL-safe identifier such as "work-experience".
    pub id: String,
    /// The title as written in the locale, e.g. "Work Experience". Backends
    /// may change its case for display but must not change its words.
    pub title: String,
    pub body: SectionBody,
}

/// The content of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum SectionBody {
    /// Headed entries: jobs, schools, projects, awards and the like.
    Entries(Vec<Entry>),
    /// Running text, e.g. a summary.
    Paragraphs(Vec<Text>),
    /// A bulleted list, e.g. skills ("**Languages:** C, Rust") or interests.
    List(Vec<Text>),
}

/// A headed entry: a job, a school, a project.
///
/// Laid out as rows with the [`Entry::title`] and [`Entry::lines`] on the
/// left and the [`Entry::dates`] and [`Entry::location`] on the right:
///
/// ```text
/// title                               dates
/// lines[0]                         location
/// lines[1..]
///   • bullets
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The heading, e.g. **Alibaba Group** Software Engineer Intern – Search
    /// Infrastructure. Carries its own emphasis and links.
    pub title: Text,
    pub dates: Option<DateRange>,
    /// Shown on the right of the second row (the heading's last row when
    /// dates stand in a left column, [`Design::entry_layout`]); already
    /// joined into the title when the section shows it there instead.
    pub location: Option<String>,
    /// Secondary lines under the title, in order.
    pub lines: Vec<Line>,
    pub bullets: Vec<Text>,
    /// Several roles held at one organisation, each laid out like an entry
    /// below the organisation's heading.
    pub roles: Vec<Entry>,
}

/// A secondary line of an entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: Text,
    pub kind: LineKind,
}

/// How a secondary line reads, so backends can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A subtitle such as a degree or a position.
    Subtitle,
    /// A list of technologies or keywords, usually set in italics.
    Keywords,
    /// Running text such as a summary of the entry.
    Detail,
}

/// A span of time, formatted once for every backend.
#[derive(Debug, Clone, PartialEq)]
pub struct DateRange {
    pub start: Option<DatePoint>,
    pub end: Option<DatePoint>,
    /// Between start and end, e.g. " – ".
    pub separator: String,
}

impl DateRange {
    /// The whole range as displayed, e.g. "Jun 2020 – Dec 2020".
    pub fn display(&self) -> String {
        match (&self.start, &self.end) {
            (Some(s), Some(e)) => format!("{}{}{}", s.display, self.separator, e.display),
            (Some(s), None) => s.display.clone(),
            (None, Some(e)) => e.display.clone(),
            (None, None) => String::new(),
        }
    }
}

/// One end of a [`DateRange`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatePoint {
    /// As displayed: "Jun 2020", "Present", or a date written as free text.
    pub display: String,
    /// Machine-readable form (`2020`, `2020-06`, `2020-06-01`) for HTML
    /// `<time datetime>`; `None` for "present" and free text.
    pub iso: Option<String>,
}

/// Inline rich text: a run of styled spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub spans: Vec<Span>,
}

/// A run of text with one style.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
    /// A safe link target, if this span is a link.
    pub link: Option<SafeUrl>,
}

impl Span {
    /// An unstyled span.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }

    /// A bold span.
    pub fn strong(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            strong: true,
            ..Span::default()
        }
    }
}

impl Text {
    /// Text of one unstyled span.
    pub fn plain(text: impl Into<String>) -> Text {
        Text {
            spans: vec![Span::plain(text)],
        }
    }

    /// The characters without styling.
    pub fn to_plain(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.iter().all(|s| s.text.is_empty())
    }

    /// Appends `other`, merging nothing: spans stay as they are.
    pub fn push_text(&mut self, other: Text) {
        self.spans.extend(other.spans);
    }

    pub fn push(&mut self, span: Span) {
        self.spans.push(span);
    }
}

/// The calendar date (year, month, day) of a day counted from 1970-01-01,
/// proleptic Gregorian, after Howard Hinnant's `civil_from_days`: count in
/// 400-year eras of 146 097 days starting on 0000-03-01. `None` when the
/// year would overflow. DOCX dates its properties with it and the CLI
/// turns `SOURCE_DATE_EPOCH` into today's date.
pub fn civil_date(days: i64) -> Option<(i64, u32, u32)> {
    let z = days.checked_add(719_468)?;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe.checked_add(era.checked_mul(400)?)? + i64::from(month <= 2);
    Some((year, u32::try_from(month).ok()?, u32::try_from(day).ok()?))
}

/// A document named "A" with the given sections and theme, for unit tests.
#[cfg(test)]
pub(crate) fn test_document(sections: Vec<Section>, theme: Theme) -> Document {
    Document {
        meta: Meta {
            title: String::new(),
            author: String::new(),
            subject: String::new(),
            keywords: Vec::new(),
            language: LangTag::default(),
            direction: Default::default(),
            page_label: "Page {page} of {pages}".into(),
            label_pattern: "{label}: {value}".into(),
        },
        header: Header {
            name: "A".into(),
            headline: None,
            contacts: Vec::new(),
        },
        sections,
        theme,
    }
}
