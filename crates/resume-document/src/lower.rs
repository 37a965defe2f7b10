//! Lowering: the résumé model into a [`Document`].
//!
//! This is where the content of every output is decided: which sections,
//! in which order, under which titles; how dates read; which fields share a
//! line and with which separator; which entries a tag filter keeps.

use resume_model as m;
use resume_model::{DateValue, LinkTarget, Locale, Rich, SafeUrl, SectionKind, SectionRef};

pub use resume_model::DateStyle;

use crate::{
    Contact, ContactKind, DatePoint, DateRange, Document, Entry, Header, Line, LineKind, Meta,
    Paper, Section, SectionBody, Span, Text, Theme,
};

/// Separates the parts of a heading, e.g. institution and location.
const SEP: &str = " • ";
/// Separates the parts of a project heading.
const DASH: &str = " – ";
/// Separates the items of a list on one line.
const COMMA: &str = ", ";

/// What the lowering needs besides the résumé.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The look, resolved by the caller (theme files are read by the CLI).
    /// `None`: the source's `[design]` over its built-in theme, `classic`
    /// when it names none.
    pub theme: Option<Theme>,
    /// Overrides the paper size of the theme.
    pub paper: Option<Paper>,
    /// Overrides the date style the source asks for, in every section.
    pub date_style: Option<DateStyle>,
    /// Keep only entries and bullets that carry one of these tags (untagged
    /// ones are always kept). Empty: keep all.
    pub include_tags: Vec<String>,
    /// Leave out entries and bullets that carry one of these tags.
    pub exclude_tags: Vec<String>,
    /// The language of titles, dates and labels, overriding the source's
    /// `layout.locale`; an unknown one falls back to English.
    pub locale: Option<String>,
}

/// Lowers a résumé into the document every backend renders.
pub fn lower(resume: &m::Resume, options: &Options) -> Document {
    let locale = options
        .locale
        .as_deref()
        .or(resume.layout.locale.as_deref())
        .and_then(Locale::resolve)
        .unwrap_or_else(Locale::english_static);
    let cx = Cx {
        resume,
        options,
        locale,
    };
    let mut theme = options
        .theme
        .clone()
        .unwrap_or_else(|| source_theme(resume));
    if let Some(paper) = options.paper {
        theme.paper = paper;
    }
    Document {
        meta: cx.meta(),
        header: cx.header(),
        sections: cx.sections(),
        theme,
    }
}

/// The theme a source asks for on its own: its built-in theme (a theme
/// file needs the caller to read it) with its `[design]` overrides.
pub fn source_theme(resume: &m::Resume) -> Theme {
    let base = match &resume.design.theme {
        Some(m::design::ThemeRef::Builtin(name)) => name.as_str(),
        _ => m::design::DEFAULT_THEME,
    };
    m::design::resolve_theme(base, [resume.design.settings.as_slice()])
}

struct Cx<'a> {
    resume: &'a m::Resume,
    options: &'a Options,
    locale: &'static Locale,
}

impl Cx<'_> {
    fn meta(&self) -> Meta {
        let b = &self.resume.basics;
        let title = match &self.resume.layout.title {
            Some(t) => t.clone(),
            None => Locale::fill(&self.locale.text.document_title, &[("name", &b.name)]),
        };
        let subject = match &b.headline {
            Some(h) => Locale::fill(
                &self.locale.text.document_subject_headline,
                &[("name", &b.name), ("headline", h)],
            ),
            None => Locale::fill(&self.locale.text.document_subject, &[("name", &b.name)]),
        };
        let mut keywords: Vec<String> = Vec::new();
        let skills = self.resume.skills.iter().filter(|s| self.keep(&s.tags));
        for k in skills.flat_map(|s| s.keywords.iter()) {
            if !keywords.iter().any(|x| x.eq_ignore_ascii_case(k)) {
                keywords.push(k.clone());
            }
        }
        Meta {
            title,
            author: b.name.clone(),
            subject,
            keywords,
            language: self.locale.language.clone(),
            direction: match self.locale.direction {
                m::Direction::Ltr => crate::Direction::Ltr,
                m::Direction::Rtl => crate::Direction::Rtl,
            },
            page_label: self.locale.text.page.clone(),
            label_pattern: self.locale.punctuation.label.clone(),
        }
    }

    fn header(&self) -> Header {
        let b = &self.resume.basics;
        let mut contacts = Vec::new();
        if let Some(phone) = &b.phone {
            let digits: String = phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            let url = SafeUrl::parse(&format!("tel:{digits}")).ok();
            contacts.push(Contact {
                kind: ContactKind::Phone,
                text: phone.clone(),
                label: self.locale.contact.phone.clone(),
                url,
            });
        }
        if let Some(email) = &b.email {
            contacts.push(Contact {
                kind: ContactKind::Email,
                text: email.as_str().to_string(),
                label: self.locale.contact.email.clone(),
                url: email.mailto(),
            });
        }
        if let Some(site) = &b.website {
            contacts.push(Contact {
                kind: ContactKind::Website,
                text: site
                    .label
                    .clone()
                    .unwrap_or_else(|| bare_url(site.url.as_str())),
                label: self.locale.contact.website.clone(),
                url: site.url.url().cloned(),
            });
        }
        if let Some(loc) = b.location.as_ref().and_then(location_text) {
            contacts.push(Contact {
                kind: ContactKind::Location,
                text: loc,
                label: self.locale.contact.location.clone(),
                url: None,
            });
        }
        for p in &b.profiles {
            // The address says who it is when it holds the user name;
            // otherwise the user name must be shown, or it would be lost.
            let address = p.url.as_ref().map(LinkTarget::as_str);
            let text = match (&p.label, address, &p.username) {
                (Some(l), _, _) => l.clone(),
                (None, Some(u), Some(user)) if !u.contains(user.as_str()) => user.clone(),
                (None, Some(u), _) => bare_url(u),
                (None, None, Some(user)) => self.locale.label(&p.network, user),
                (None, None, None) => p.network.clone(),
            };
            contacts.push(Contact {
                kind: ContactKind::Profile,
                text,
                label: p.network.clone(),
                url: p.url.as_ref().and_then(LinkTarget::url).cloned(),
            });
        }
        Header {
            name: b.name.clone(),
            headline: b.headline.clone(),
            contacts,
        }
    }

    /// Section keys in display order: the author's `order`, then the order
    /// of the source, then the remaining built-in sections.
    /// The sections in the order they appear: the layout's order, then the
    /// source's, then every other built-in and custom section.
    fn order(&self) -> Vec<SectionRef> {
        let mut order: Vec<SectionRef> = Vec::new();
        let r = self.resume;
        let candidates = r
            .layout
            .order
            .iter()
            .chain(&r.source_order)
            .map(|k| SectionRef::from_key(k))
            .chain(SectionKind::ALL.map(SectionRef::Builtin))
            .chain(r.custom.iter().map(|c| SectionRef::from_key(&c.id)));
        for section in candidates {
            if !order.contains(&section) {
                order.push(section);
            }
        }
        order
    }

    fn sections(&self) -> Vec<Section> {
        self.order()
            .into_iter()
            .filter_map(|section| {
                let body = self.body(&section)?;
                let is_empty = match &body {
                    SectionBody::Entries(e) => e.is_empty(),
                    SectionBody::Paragraphs(p) | SectionBody::List(p) => p.is_empty(),
                };
                (!is_empty).then(|| Section {
                    id: slug(section.key()),
                    title: self.title(&section),
                    body,
                })
            })
            .collect()
    }

    fn section_layout(&self, key: &str) -> Option<&m::SectionLayout> {
        self.resume
            .layout
            .sections
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, s)| s)
    }

    /// The title the author wrote, else the locale's for a built-in
    /// section, else the custom section's own.
    fn title(&self, section: &SectionRef) -> String {
        if let Some(t) = self
            .section_layout(section.key())
            .and_then(|s| s.title.clone())
        {
            return t;
        }
        match section {
            SectionRef::Builtin(kind) => self.locale.titles.of(*kind).to_string(),
            SectionRef::Custom(id) => self
                .resume
                .custom
                .iter()
                .find(|c| &c.id == id)
                .map(|c| c.title.clone())
                .unwrap_or_else(|| id.clone()),
        }
    }

    fn date_style(&self, key: &str) -> DateStyle {
        self.options
            .date_style
            .or_else(|| self.section_layout(key).and_then(|s| s.date_style))
            .or(self.resume.layout.date_style)
            .unwrap_or(DateStyle::Short)
    }

    /// True when an item with these tags passes the tag filters.
    fn keep(&self, tags: &[String]) -> bool {
        let o = self.options;
        if tags.iter().any(|t| o.exclude_tags.contains(t)) {
            return false;
        }
        tags.is_empty()
            || o.include_tags.is_empty()
            || tags.iter().any(|t| o.include_tags.contains(t))
    }

    fn bullets(&self, bullets: &[m::Bullet]) -> Vec<Text> {
        bullets
            .iter()
            .filter(|b| self.keep(&b.tags))
            .map(|b| rich(&b.text))
            .collect()
    }

    fn body(&self, section: &SectionRef) -> Option<SectionBody> {
        let r = self.resume;
        let style = self.date_style(section.key());
        let dates = |p: &m::Period| self.range(p, style);
        let one_date = |d: &Option<DateValue>| {
            d.as_ref().map(|d| DateRange {
                start: Some(self.point(d, style)),
                end: None,
                separator: String::new(),
            })
        };
        let entries = |v: Vec<Entry>| Some(SectionBody::Entries(v));
        let kind = match section {
            SectionRef::Builtin(kind) => *kind,
            SectionRef::Custom(id) => return self.custom(id, style),
        };
        match kind {
            SectionKind::Summary => r
                .basics
                .summary
                .as_ref()
                .map(|s| SectionBody::Paragraphs(vec![rich(s)])),
            SectionKind::Work => entries(
                r.work
                    .iter()
                    .filter(|w| self.keep(&w.tags))
                    .map(|w| Entry {
                        // The position shares the company's row, as in the
                        // classic one-page layout: a row saved per job.
                        title: with_role(
                            linked_strong(&w.company, w.url.as_ref()),
                            join_plain(&[w.position.as_deref(), w.team.as_deref()], DASH),
                        ),
                        dates: dates(&w.period),
                        location: w.location.clone(),
                        lines: lines([
                            (LineKind::Keywords, self.list_line(&w.technologies)),
                            (LineKind::Detail, w.description.clone().map(Text::plain)),
                            (LineKind::Detail, w.summary.as_ref().map(rich)),
                        ]),
                        bullets: self.bullets(&w.highlights),
                        roles: w
                            .roles
                            .iter()
                            .filter(|ro| self.keep(&ro.tags))
                            .map(|ro| Entry {
                                title: join_plain(
                                    &[Some(ro.position.as_str()), ro.team.as_deref()],
                                    DASH,
                                )
                                .unwrap_or_default(),
                                dates: dates(&ro.period),
                                location: ro.location.clone(),
                                lines: lines([
                                    (LineKind::Keywords, self.list_line(&ro.technologies)),
                                    (LineKind::Detail, ro.summary.as_ref().map(rich)),
                                ]),
                                bullets: self.bullets(&ro.highlights),
                                roles: Vec::new(),
                            })
                            .collect(),
                    })
                    .collect(),
            ),
            SectionKind::Education => entries(
                r.education
                    .iter()
                    .filter(|e| self.keep(&e.tags))
                    .map(|e| {
                        // The location follows the institution on the first
                        // row, as a school and its town read as one name.
                        let mut title = linked_strong(&e.institution, e.url.as_ref());
                        if let Some(loc) = &e.location {
                            title.push(Span::plain(format!("{SEP}{loc}")));
                        }
                        let degree = match (&e.degree, &e.area) {
                            (Some(d), Some(a)) => Some(Locale::fill(
                                &self.locale.text.degree_in_area,
                                &[("degree", d), ("area", a)],
                            )),
                            (d, a) => d.clone().or(a.clone()),
                        };
                        let gpa = e
                            .gpa
                            .as_ref()
                            .map(|g| Locale::fill(&self.locale.text.gpa, &[("gpa", g)]));
                        let mut parts: Vec<Option<&str>> = vec![degree.as_deref(), gpa.as_deref()];
                        parts.extend(e.honors.iter().map(|h| Some(h.as_str())));
                        let courses = (!e.courses.is_empty()).then(|| {
                            Locale::fill(
                                &self.locale.text.courses,
                                &[("courses", &self.locale.list(&e.courses))],
                            )
                        });
                        Entry {
                            title,
                            dates: dates(&e.period),
                            location: None,
                            lines: lines([
                                (LineKind::Subtitle, join_plain(&parts, SEP)),
                                (LineKind::Detail, courses.map(Text::plain)),
                            ]),
                            bullets: self.bullets(&e.highlights),
                            roles: Vec::new(),
                        }
                    })
                    .collect(),
            ),
            SectionKind::Projects => entries(
                r.projects
                    .iter()
                    .filter(|p| self.keep(&p.tags))
                    .map(|p| {
                        let name_link = if p.url_label.is_some() {
                            None
                        } else {
                            p.url.as_ref()
                        };
                        let mut title = linked_strong(&p.name, name_link);
                        if let Some(kind) = &p.kind {
                            title.push(Span::plain(format!("{DASH}{kind}")));
                        }
                        if let (Some(label), Some(url)) = (&p.url_label, &p.url) {
                            title.push(Span::plain(DASH));
                            title.push(Span {
                                link: url.url().cloned(),
                                ..Span::plain(label)
                            });
                        }
                        if let Some(note) = &p.note {
                            title.push(Span::plain(format!("{DASH}{note}")));
                        }
                        let mut who = self.locale.list(&p.roles);
                        if let Some(entity) = &p.entity {
                            who = if who.is_empty() {
                                entity.clone()
                            } else {
                                format!("{who}{SEP}{entity}")
                            };
                        }
                        Entry {
                            title,
                            dates: dates(&p.period),
                            location: None,
                            lines: lines([
                                (
                                    LineKind::Subtitle,
                                    (!who.is_empty()).then(|| Text::plain(who)),
                                ),
                                (LineKind::Keywords, self.list_line(&p.technologies)),
                                (LineKind::Detail, p.description.as_ref().map(rich)),
                            ]),
                            bullets: self.bullets(&p.highlights),
                            roles: Vec::new(),
                        }
                    })
                    .collect(),
            ),
            SectionKind::Skills => Some(SectionBody::List(
                r.skills
                    .iter()
                    .filter(|s| self.keep(&s.tags))
                    .map(|s| {
                        let label = match &s.level {
                            Some(l) => self.locale.level(&s.name, l),
                            None => s.name.clone(),
                        };
                        self.labelled(&label, &self.locale.list(&s.keywords))
                    })
                    .collect(),
            )),
            SectionKind::Volunteer => entries(
                r.volunteer
                    .iter()
                    .filter(|v| self.keep(&v.tags))
                    .map(|v| Entry {
                        title: linked_strong(&v.organization, v.url.as_ref()),
                        dates: dates(&v.period),
                        location: v.location.clone(),
                        lines: lines([
                            (LineKind::Subtitle, v.position.clone().map(Text::plain)),
                            (LineKind::Detail, v.summary.as_ref().map(rich)),
                        ]),
                        bullets: self.bullets(&v.highlights),
                        roles: Vec::new(),
                    })
                    .collect(),
            ),
            SectionKind::Awards => entries(
                r.awards
                    .iter()
                    .filter(|a| self.keep(&a.tags))
                    .map(|a| Entry {
                        title: linked_strong(&a.title, None),
                        dates: one_date(&a.date),
                        location: None,
                        lines: lines([
                            (LineKind::Subtitle, a.awarder.clone().map(Text::plain)),
                            (LineKind::Detail, a.summary.as_ref().map(rich)),
                        ]),
                        bullets: Vec::new(),
                        roles: Vec::new(),
                    })
                    .collect(),
            ),
            SectionKind::Certificates => entries(
                r.certificates
                    .iter()
                    .filter(|c| self.keep(&c.tags))
                    .map(|c| Entry {
                        title: linked_strong(&c.name, c.url.as_ref()),
                        dates: one_date(&c.date),
                        location: None,
                        lines: lines([(LineKind::Subtitle, c.issuer.clone().map(Text::plain))]),
                        bullets: Vec::new(),
                        roles: Vec::new(),
                    })
                    .collect(),
            ),
            SectionKind::Publications => entries(
                r.publications
                    .iter()
                    .filter(|p| self.keep(&p.tags))
                    .map(|p| Entry {
                        title: linked_strong(&p.name, p.url.as_ref()),
                        dates: one_date(&p.date),
                        location: None,
                        lines: lines([
                            (LineKind::Subtitle, p.publisher.clone().map(Text::plain)),
                            (LineKind::Detail, p.summary.as_ref().map(rich)),
                        ]),
                        bullets: Vec::new(),
                        roles: Vec::new(),
                    })
                    .collect(),
            ),
            SectionKind::Languages => Some(SectionBody::List(
                r.languages
                    .iter()
                    .map(|l| match &l.fluency {
                        Some(f) => self.labelled(&l.language, f),
                        None => Text {
                            spans: vec![Span::strong(&l.language)],
                        },
                    })
                    .collect(),
            )),
            SectionKind::Interests => Some(SectionBody::List(
                r.interests
                    .iter()
                    .map(|i| {
                        if i.keywords.is_empty() {
                            Text {
                                spans: vec![Span::strong(&i.name)],
                            }
                        } else {
                            self.labelled(&i.name, &self.locale.list(&i.keywords))
                        }
                    })
                    .collect(),
            )),
            SectionKind::References => entries(
                r.references
                    .iter()
                    .map(|x| Entry {
                        title: linked_strong(&x.name, None),
                        dates: None,
                        location: None,
                        lines: lines([(LineKind::Detail, x.reference.as_ref().map(rich))]),
                        bullets: Vec::new(),
                        roles: Vec::new(),
                    })
                    .collect(),
            ),
        }
    }

    /// The body of a custom section: items, or entries.
    fn custom(&self, id: &str, style: DateStyle) -> Option<SectionBody> {
        let dates = |p: &m::Period| self.range(p, style);
        let entries = |v: Vec<Entry>| Some(SectionBody::Entries(v));
        let c = self.resume.custom.iter().find(|c| c.id == id)?;
        if c.entries.is_empty() {
            return Some(SectionBody::List(self.bullets(&c.items)));
        }
        entries(
            c.entries
                .iter()
                .filter(|e| self.keep(&e.tags))
                .map(|e| Entry {
                    title: linked_strong(&e.title, e.url.as_ref()),
                    dates: dates(&e.period),
                    location: e.location.clone(),
                    lines: lines([
                        (LineKind::Subtitle, e.subtitle.clone().map(Text::plain)),
                        (LineKind::Keywords, self.list_line(&e.keywords)),
                        (LineKind::Detail, e.summary.as_ref().map(rich)),
                    ]),
                    bullets: self.bullets(&e.highlights),
                    roles: Vec::new(),
                })
                .collect(),
        )
    }

    fn range(&self, p: &m::Period, style: DateStyle) -> Option<DateRange> {
        if p.start.is_none() && p.end.is_none() {
            return None;
        }
        Some(DateRange {
            start: p.start.as_ref().map(|d| self.point(d, style)),
            end: p.end.as_ref().map(|d| self.point(d, style)),
            separator: self.locale.dates.range.clone(),
        })
    }

    fn point(&self, d: &DateValue, style: DateStyle) -> DatePoint {
        match d {
            DateValue::Present => DatePoint {
                display: self.locale.present.clone(),
                iso: None,
            },
            DateValue::Text(t) => DatePoint {
                display: t.clone(),
                iso: None,
            },
            DateValue::Date(date) => DatePoint {
                display: self.format_date(*date, style),
                iso: Some(date.to_string()),
            },
        }
    }

    fn format_date(&self, d: m::Date, style: DateStyle) -> String {
        self.locale.format_date(d, style)
    }

    /// "**Label:** value", punctuated as the language does.
    fn labelled(&self, label: &str, value: &str) -> Text {
        let template = &self.locale.punctuation.label;
        let (head, tail) = template
            .split_once("{value}")
            .unwrap_or((template.as_str(), ""));
        let head = head.replace("{label}", label);
        let strong = head.trim_end();
        let mut t = Text {
            spans: vec![Span::strong(strong)],
        };
        if !value.is_empty() {
            t.push(Span::plain(format!(
                "{}{value}{tail}",
                &head[strong.len()..]
            )));
        }
        t
    }

    /// Items on one line, separated as the language does.
    fn list_line(&self, items: &[String]) -> Option<Text> {
        (!items.is_empty()).then(|| Text::plain(self.locale.list(items)))
    }
}

/// Converts rich text of the model into document text.
/// Inline markup as styled text; `lint` measures bullets with it too.
pub(crate) fn rich(r: &Rich) -> Text {
    Text {
        spans: r
            .spans
            .iter()
            .map(|s| Span {
                text: s.text.clone(),
                strong: s.strong,
                emphasis: s.emphasis,
                code: s.code,
                link: s.link.clone(),
            })
            .collect(),
    }
}

/// The text, bold, linked when the target is an address (a path on the
/// file's own site is not linked).
fn linked_strong(text: &str, url: Option<&LinkTarget>) -> Text {
    Text {
        spans: vec![Span {
            link: url.and_then(LinkTarget::url).cloned(),
            ..Span::strong(text)
        }],
    }
}

/// A heading followed by a role in italics: "**Company** • *Position*".
fn with_role(mut title: Text, role: Option<Text>) -> Text {
    if let Some(role) = role {
        title.push(Span::plain(SEP));
        for span in role.spans {
            title.push(Span {
                emphasis: true,
                ..span
            });
        }
    }
    title
}

fn join_plain(parts: &[Option<&str>], sep: &str) -> Option<Text> {
    let parts: Vec<&str> = parts
        .iter()
        .flatten()
        .copied()
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| Text::plain(parts.join(sep)))
}

fn lines<const N: usize>(candidates: [(LineKind, Option<Text>); N]) -> Vec<Line> {
    candidates
        .into_iter()
        .filter_map(|(kind, text)| {
            text.filter(|t| !t.is_empty())
                .map(|text| Line { text, kind })
        })
        .collect()
}

fn location_text(l: &m::Location) -> Option<String> {
    let parts: Vec<&str> = [
        &l.address,
        &l.city,
        &l.region,
        &l.postal_code,
        &l.country_code,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect();
    (!parts.is_empty()).then(|| parts.join(COMMA))
}

/// An address as people say it: no scheme, no "www.", no trailing slash.
fn bare_url(url: &str) -> String {
    let s = url.split_once("://").map_or(url, |(_, rest)| rest);
    let s = s.strip_prefix("www.").unwrap_or(s);
    s.trim_end_matches('/').to_string()
}

fn slug(key: &str) -> String {
    let s: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    s.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(src: &str, options: &Options) -> Document {
        let (resume, _) = m::parse_toml(src).expect("valid source");
        lower(&resume, options)
    }

    #[track_caller]
    fn check_dates(style: &str, start: &str, end: &str, expect: &str) {
        let src = format!(
            "[basics]\nname = \"A\"\n[layout]\ndate_style = \"{style}\"\n[[work]]\ncompany = \"C\"\nstart = \"{start}\"\nend = \"{end}\"\n"
        );
        let d = doc(&src, &Options::default());
        let SectionBody::Entries(e) = &d.sections[0].body else {
            panic!("entries expected")
        };
        assert_eq!(e[0].dates.as_ref().unwrap().display(), expect);
    }

    #[test]
    fn date_styles() {
        check_dates("short", "2020-06", "2020-12", "Jun 2020 – Dec 2020");
        check_dates("long", "2021-08", "2023-05", "August 2021 – May 2023");
        check_dates("numeric", "2020-06", "present", "06/2020 – Present");
        // A day in the source is shown only by the styles that ask for it.
        check_dates("iso", "2020-06-01", "2021", "2020-06 – 2021");
        check_dates("iso-day", "2020-06-01", "2021", "2020-06-01 – 2021");
        check_dates("short", "2013-12-01", "2014-07-15", "Dec 2013 – Jul 2014");
        check_dates(
            "short-day",
            "2020-06-01",
            "2020-07-15",
            "Jun 1, 2020 – Jul 15, 2020",
        );
        check_dates(
            "long-day",
            "2020-06-01",
            "2020-07",
            "June 1, 2020 – July 2020",
        );
        check_dates("numeric", "2020-06-01", "2020-07-15", "06/2020 – 07/2020");
        check_dates(
            "numeric-day",
            "2020-06-01",
            "2020-07-15",
            "06/01/2020 – 07/15/2020",
        );
        check_dates("long", "2019", "2020", "2019 – 2020");
    }

    #[test]
    fn tags_filter_entries_and_bullets() {
        let src = r#"
[basics]
name = "A"
[[work]]
company = "Systems Co"
tags = ["systems"]
highlights = ["kept", { text = "ml only", tags = ["ml"] }]
[[work]]
company = "ML Co"
tags = ["ml"]
[[work]]
company = "Always"
"#;
        let names = |o: &Options| -> Vec<String> {
            let d = doc(src, o);
            let SectionBody::Entries(e) = &d.sections[0].body else {
                panic!()
            };
            e.iter()
                .map(|e| format!("{}:{}", e.title.to_plain(), e.bullets.len()))
                .collect()
        };
        assert_eq!(
            names(&Options::default()),
            ["Systems Co:2", "ML Co:0", "Always:0"]
        );
        let sys = Options {
            include_tags: vec!["systems".into()],
            ..Options::default()
        };
        assert_eq!(names(&sys), ["Systems Co:1", "Always:0"]);
        let no_ml = Options {
            exclude_tags: vec!["ml".into()],
            ..Options::default()
        };
        assert_eq!(names(&no_ml), ["Systems Co:1", "Always:0"]);
    }

    #[test]
    fn section_order_follows_source_then_layout() {
        let src = "[basics]\nname = \"A\"\n[[skills]]\nname = \"S\"\n[[work]]\ncompany = \"W\"\n";
        let ids = |d: &Document| d.sections.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&doc(src, &Options::default())), ["skills", "work"]);
        let src2 = format!("{src}[layout]\norder = [\"work\"]\n");
        assert_eq!(ids(&doc(&src2, &Options::default())), ["work", "skills"]);
    }

    #[test]
    fn contacts_are_linked() {
        let src = r#"
[basics]
name = "A"
phone = "+1 217.200.3227"
email = "a@b.io"
website = "https://www.example.com/"
[[basics.profiles]]
network = "GitHub"
url = "https://github.com/a"
"#;
        let d = doc(src, &Options::default());
        let got: Vec<(String, Option<String>)> = d
            .header
            .contacts
            .iter()
            .map(|c| (c.text.clone(), c.url.as_ref().map(|u| u.to_string())))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "+1 217.200.3227".to_string(),
                    Some("tel:+12172003227".to_string())
                ),
                ("a@b.io".to_string(), Some("mailto:a@b.io".to_string())),
                (
                    "example.com".to_string(),
                    Some("https://www.example.com/".to_string())
                ),
                (
                    "github.com/a".to_string(),
                    Some("https://github.com/a".to_string())
                ),
            ]
        );
    }
}
