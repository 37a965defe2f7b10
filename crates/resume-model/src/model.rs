//! The résumé as its author wrote it: every field of our TOML format and of
//! JSON Resume 1.x, with inline markup parsed and dates checked.

use crate::date::DateValue;
use crate::markup::Rich;
use crate::url::{Email, LinkTarget};

/// Keys and values kept for round trips but never rendered: the `extra`
/// table of a TOML source, or the additional properties of a JSON Resume file.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// A whole résumé.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resume {
    pub basics: Basics,
    pub layout: Layout,
    /// The `[design]` table: the theme and what to change in it.
    pub design: crate::design::Design,
    /// The `[lint]` table: which `resume lint` rules are off and their limits.
    pub lint: LintConfig,
    /// The `[variants]` table: tailored builds of this résumé, by name, in
    /// the source's order.
    pub variants: Vec<Variant>,
    pub work: Vec<Work>,
    pub education: Vec<Education>,
    pub projects: Vec<Project>,
    pub skills: Vec<Skill>,
    pub volunteer: Vec<Volunteer>,
    pub awards: Vec<Award>,
    pub certificates: Vec<Certificate>,
    pub publications: Vec<Publication>,
    pub languages: Vec<Language>,
    pub interests: Vec<Interest>,
    pub references: Vec<Reference>,
    pub custom: Vec<CustomSection>,
    /// JSON Resume `meta` (canonical, version, lastModified and more).
    pub meta: Extra,
    pub extra: Extra,
    /// Section keys (built-in keys and custom ids) in the order the source
    /// lists them; sections appear in this order unless `layout.order` says
    /// otherwise.
    pub source_order: Vec<String>,
}

/// Who the résumé is about, and how to reach them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Basics {
    pub name: String,
    /// A short professional title ("label" in JSON Resume).
    pub headline: Option<String>,
    pub image: Option<String>,
    pub email: Option<Email>,
    pub phone: Option<String>,
    pub website: Option<Link>,
    pub summary: Option<Rich>,
    pub location: Option<Location>,
    pub profiles: Vec<Profile>,
    pub extra: Extra,
}

/// A link with an optional text to show instead of the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: LinkTarget,
    pub label: Option<String>,
}

/// A postal location.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Location {
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country_code: Option<String>,
    pub extra: Extra,
}

/// An account on a network such as LinkedIn or GitHub.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    pub network: String,
    pub username: Option<String>,
    pub url: Option<LinkTarget>,
    /// Text to show instead of the address or user name.
    pub label: Option<String>,
    pub extra: Extra,
}

/// Presentation choices the author makes in the source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// Section keys in the order they appear; sections not named follow in
    /// the default order.
    pub order: Vec<String>,
    pub date_style: Option<DateStyle>,
    pub locale: Option<String>,
    /// Document title for metadata; defaults to "<name> — Résumé".
    pub title: Option<String>,
    /// Per-section settings, by section key.
    pub sections: Vec<(String, SectionLayout)>,
    /// Folders of fonts (relative to the source) for scripts the bundled
    /// faces lack, tried before the installed fonts.
    pub font_dirs: Vec<String>,
}

/// Settings of one section.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SectionLayout {
    pub title: Option<String>,
    pub date_style: Option<DateStyle>,
}

/// How dates are written. A day written in the source is shown only by the
/// `*-day` styles: `2013-12-01` reads "Dec 2013" in `short` and "Dec 1, 2013"
/// in `short-day`; a date without a day reads in a `*-day` style as in the
/// month style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// "Jun 2020"
    Short,
    /// "June 2020"
    Long,
    /// "06/2020"
    Numeric,
    /// "2020-06"
    Iso,
    /// "Jun 1, 2020"
    ShortDay,
    /// "June 1, 2020"
    LongDay,
    /// "06/01/2020"
    NumericDay,
    /// "2020-06-01"
    IsoDay,
}

impl DateStyle {
    pub const NAMES: [&'static str; 8] = [
        "short",
        "long",
        "numeric",
        "iso",
        "short-day",
        "long-day",
        "numeric-day",
        "iso-day",
    ];

    pub fn from_name(s: &str) -> Option<DateStyle> {
        match s {
            "short" => Some(DateStyle::Short),
            "long" => Some(DateStyle::Long),
            "numeric" => Some(DateStyle::Numeric),
            "iso" => Some(DateStyle::Iso),
            "short-day" => Some(DateStyle::ShortDay),
            "long-day" => Some(DateStyle::LongDay),
            "numeric-day" => Some(DateStyle::NumericDay),
            "iso-day" => Some(DateStyle::IsoDay),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DateStyle::Short => "short",
            DateStyle::Long => "long",
            DateStyle::Numeric => "numeric",
            DateStyle::Iso => "iso",
            DateStyle::ShortDay => "short-day",
            DateStyle::LongDay => "long-day",
            DateStyle::NumericDay => "numeric-day",
            DateStyle::IsoDay => "iso-day",
        }
    }

    /// Whether a day written in the source is shown.
    pub fn shows_day(self) -> bool {
        matches!(
            self,
            DateStyle::ShortDay | DateStyle::LongDay | DateStyle::NumericDay | DateStyle::IsoDay
        )
    }
}

/// A bullet point, optionally tagged so tailored variants can leave it out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bullet {
    pub text: Rich,
    pub tags: Vec<String>,
}

/// A start and an end; either may be absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Period {
    pub start: Option<DateValue>,
    pub end: Option<DateValue>,
}

/// A job, or an organisation with several roles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Work {
    /// The organisation ("name" in JSON Resume).
    pub company: String,
    pub position: Option<String>,
    pub team: Option<String>,
    pub location: Option<String>,
    /// What the organisation does.
    pub description: Option<String>,
    pub url: Option<LinkTarget>,
    pub period: Period,
    pub summary: Option<Rich>,
    pub highlights: Vec<Bullet>,
    pub technologies: Vec<String>,
    /// Several roles held at this organisation, newest first.
    pub roles: Vec<Role>,
    pub tags: Vec<String>,
    pub extra: Extra,
}

/// One role within a [`Work`] entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Role {
    pub position: String,
    pub team: Option<String>,
    pub location: Option<String>,
    pub period: Period,
    pub summary: Option<Rich>,
    pub highlights: Vec<Bullet>,
    pub technologies: Vec<String>,
    pub tags: Vec<String>,
    pub extra: Extra,
}

/// A school and what was studied there.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Education {
    pub institution: String,
    pub url: Option<LinkTarget>,
    pub location: Option<String>,
    /// The kind of degree ("studyType" in JSON Resume), e.g. "Master of Science".
    pub degree: Option<String>,
    /// The field ("area" in JSON Resume), e.g. "Computer Science".
    pub area: Option<String>,
    pub period: Period,
    /// Grade ("score" in JSON Resume), shown as "GPA: …".
    pub gpa: Option<String>,
    pub honors: Vec<String>,
    pub courses: Vec<String>,
    pub highlights: Vec<Bullet>,
    pub tags: Vec<String>,
    pub extra: Extra,
}

/// A project.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Project {
    pub name: String,
    /// e.g. "Research Project" ("type" in JSON Resume).
    pub kind: Option<String>,
    pub url: Option<LinkTarget>,
    /// Shown as a separate link after the name (the name itself is linked
    /// when this is absent).
    pub url_label: Option<String>,
    /// A distinction, e.g. "Selected to present at KubeCon 2021".
    pub note: Option<String>,
    pub description: Option<Rich>,
    pub entity: Option<String>,
    pub roles: Vec<String>,
    pub period: Period,
    pub highlights: Vec<Bullet>,
    /// Technologies ("keywords" in JSON Resume).
    pub technologies: Vec<String>,
    pub tags: Vec<String>,
    pub extra: Extra,
}

/// A named group of skills.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Skill {
    pub name: String,
    pub level: Option<String>,
    pub keywords: Vec<String>,
    pub tags: Vec<String>,
    pub extra: Extra,
}

/// Volunteer work.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Volunteer {
    pub organization: String,
    pub position: Option<String>,
    pub url: Option<LinkTarget>,
    pub location: Option<String>,
    pub period: Period,
    pub summary: Option<Rich>,
    pub highlights: Vec<Bullet>,
    pub tags: Vec<String>,
    pub extra: Extra,
}

/// An award.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Award {
    pub title: String,
    pub date: Option<DateValue>,
    pub awarder: Option<String>,
    pub summary: Option<Rich>,
    pub tags: Vec<String>,
    pub extra: Extra,
}

/// A certificate.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Certificate {
    pub name: String,
    pub date: Option<DateValue>,
    pub issuer: Option<String>,
    pub url: Option<LinkTarget>,
    pub tags: Vec<String>,
    pub extra: Extra,
}

/// A publication.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Publication {
    pub name: String,
    pub publisher: Option<String>,
    /// "releaseDate" in JSON Resume.
    pub date: Option<DateValue>,
    pub url: Option<LinkTarget>,
    pub summary: Option<Rich>,
    pub tags: Vec<String>,
    pub extra: Extra,
}

/// A spoken language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Language {
    pub language: String,
    pub fluency: Option<String>,
    pub extra: Extra,
}

/// An interest.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Interest {
    pub name: String,
    pub keywords: Vec<String>,
    pub extra: Extra,
}

/// A reference.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reference {
    pub name: String,
    pub reference: Option<Rich>,
    pub extra: Extra,
}

/// A section of the author's own: entries or plain bullets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomSection {
    /// The key used in `layout.order`.
    pub id: String,
    pub title: String,
    pub entries: Vec<CustomEntry>,
    pub items: Vec<Bullet>,
    pub extra: Extra,
}

/// An entry of a custom section.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomEntry {
    pub title: String,
    pub subtitle: Option<String>,
    pub location: Option<String>,
    pub url: Option<LinkTarget>,
    pub period: Period,
    pub summary: Option<Rich>,
    pub highlights: Vec<Bullet>,
    pub keywords: Vec<String>,
    pub tags: Vec<String>,
    pub extra: Extra,
}

/// The keys of the built-in sections, in their default order.
pub const SECTION_KEYS: [&str; 12] = [
    "summary",
    "education",
    "work",
    "projects",
    "skills",
    "volunteer",
    "awards",
    "certificates",
    "publications",
    "languages",
    "interests",
    "references",
];

/// The ids of the `resume lint` rules, in the order `docs/lint.md` explains
/// them. They live here because a source's `[lint] allow` names them and is
/// checked while it is read.
pub const LINT_RULES: [&str; 15] = [
    "employment-gap",
    "overlapping-jobs",
    "end-before-start",
    "future-date",
    "long-bullet",
    "no-metric",
    "duplicate-bullet",
    "weak-opening",
    "tense-mismatch",
    "first-person",
    "inconsistent-punctuation",
    "inconsistent-dates",
    "missing-contact",
    "long-summary",
    "too-many-pages",
];

/// The `[lint]` table: rules turned off and limits changed for this résumé.
/// An absent limit means the rule's default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintConfig {
    /// Rule ids (from [`LINT_RULES`]) that are not checked.
    pub allow: Vec<String>,
    pub max_gap_months: Option<u32>,
    pub max_bullet_words: Option<u32>,
    pub max_bullet_lines: Option<u32>,
    pub max_summary_words: Option<u32>,
}

/// One tailored build named in `[variants]`: which tagged content it keeps
/// or leaves out, and optionally its own theme, paper and page target.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Variant {
    /// The name, part of the output's file name (`<stem>-<name>.pdf`).
    pub name: String,
    /// Keep only entries and bullets tagged so (untagged ones always stay).
    pub tags: Vec<String>,
    /// Leave out entries and bullets tagged so.
    pub exclude_tags: Vec<String>,
    pub theme: Option<crate::design::ThemeRef>,
    pub paper: Option<crate::design::Paper>,
    /// Fit the paged formats on at most this many pages.
    pub fit_pages: Option<u32>,
}

impl Resume {
    /// Every tag an entry, role or bullet carries, sorted.
    pub fn tags(&self) -> std::collections::BTreeSet<&str> {
        fn bullets<'a>(out: &mut Vec<&'a [String]>, bs: &'a [Bullet]) {
            out.extend(bs.iter().map(|b| b.tags.as_slice()));
        }
        let mut lists: Vec<&[String]> = Vec::new();
        for w in &self.work {
            lists.push(&w.tags);
            bullets(&mut lists, &w.highlights);
            for r in &w.roles {
                lists.push(&r.tags);
                bullets(&mut lists, &r.highlights);
            }
        }
        for e in &self.education {
            lists.push(&e.tags);
            bullets(&mut lists, &e.highlights);
        }
        for p in &self.projects {
            lists.push(&p.tags);
            bullets(&mut lists, &p.highlights);
        }
        for v in &self.volunteer {
            lists.push(&v.tags);
            bullets(&mut lists, &v.highlights);
        }
        lists.extend(self.skills.iter().map(|s| s.tags.as_slice()));
        lists.extend(self.awards.iter().map(|a| a.tags.as_slice()));
        lists.extend(self.certificates.iter().map(|c| c.tags.as_slice()));
        lists.extend(self.publications.iter().map(|p| p.tags.as_slice()));
        for c in &self.custom {
            bullets(&mut lists, &c.items);
            for e in &c.entries {
                lists.push(&e.tags);
                bullets(&mut lists, &e.highlights);
            }
        }
        lists.into_iter().flatten().map(String::as_str).collect()
    }
}
