//! The resolved design: a [`Theme`] and a [`Fit`] turned, once, into every
//! size, line height, gap, face, colour and rule a backend draws, in points.
//!
//! Backends convert these numbers into their own units (twips, half-points,
//! CSS points); they choose none of them. A value that is not in the theme
//! is a proportion of the body size decided here, so all formats share it.

use crate::estimate::{self, Face, FaceSet};

pub use resume_model::design::{
    Align, Case, Color, DatesAt, Family, HtmlFonts, LinkStyle, Margins, Paint, Paper, Theme,
    TitleStyle, WordFont,
};

/// The smallest body text fitting shrinks to, in points: below it a printed
/// résumé stops being comfortable to read.
pub const READABLE_FLOOR: f32 = 8.5;

/// The least space between entries, in multiples of the body size, that
/// fitting keeps: below it text extractors merge an entry's title into the
/// bullets above it.
const ENTRY_GAP_FLOOR: f32 = 0.36;

/// How far page fitting has tightened the theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// Multiplier of every vertical gap, 1.0 as the theme says; tightening
    /// also takes up to half of the leading above single spacing.
    pub spacing: f32,
    /// Body text size in points; every other size scales with it.
    pub body: f32,
}

impl Fit {
    /// The layout the theme asks for.
    pub fn natural(theme: &Theme) -> Fit {
        Fit {
            spacing: 1.0,
            body: sane(theme.body_size, 9.5, 4.0, 40.0),
        }
    }
}

/// One role of the text: its face, size and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub family: Family,
    /// Font size in points.
    pub size: f32,
    /// Line height in points.
    pub line: f32,
    pub bold: bool,
    pub italic: bool,
    pub color: Color,
    pub case: Case,
}

impl TextStyle {
    /// The same role in bold.
    pub fn bold(self) -> TextStyle {
        TextStyle { bold: true, ..self }
    }
}

/// How section titles are set apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub style: TitleStyle,
    /// Thickness of the rule in points.
    pub thickness: f32,
    pub color: Color,
    /// The band's fill ([`TitleStyle::Band`]): the accent, lightened.
    pub band: Color,
    /// Room between the title and a rule beside it, in points.
    pub gap: f32,
    /// Room above and below the title's text inside a band, in points.
    pub band_pad: f32,
}

/// Vertical space, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gaps {
    /// Above a section title.
    pub section: f32,
    /// Between a section title (or its rule) and the first line under it.
    pub after_title: f32,
    /// Between entries.
    pub entry: f32,
    /// Between the roles held at one organisation.
    pub role: f32,
    /// Between an entry's heading rows and its bullets.
    pub heading: f32,
    /// Between paragraphs of running text.
    pub paragraph: f32,
    /// Between bullets.
    pub bullet: f32,
    /// Between the name and the headline or contact line.
    pub after_name: f32,
}

/// Where an entry's dates stand, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Columns {
    pub dates: DatesAt,
    /// Width of the date column when dates stand on the left; 0 otherwise.
    /// The theme's `date_column` at most, narrower when the document's
    /// dates need less ([`Design::fit_dates`]).
    pub date_column: f32,
    /// Room between the date column and the entry.
    pub date_gap: f32,
    /// Least room between text and a right-aligned date or place.
    pub col_gap: f32,
}

impl Columns {
    /// Indent of entries from the left margin.
    pub fn indent(&self) -> f32 {
        match self.dates {
            DatesAt::Left => self.date_column + self.date_gap,
            DatesAt::Right => 0.0,
        }
    }
}

/// What stands beside an entry's text.
///
/// An entry's heading rows are its title, then its lines, then, when the
/// dates stand in a column on the left, its place. With dates flush right
/// (the default), the dates stand right of the first row and the place
/// right of the second. With dates in the left column, the dates end
/// beside the heading's last row and the place is that last row, in the
/// text column: the heading then reads, in every format and to text
/// extractors, title, lines, dates, place, which is the order the plain
/// text and the markup give it. A range too wide for the column breaks
/// after its separator and climbs beside the rows above:
///
/// ```text
///                      Alibaba Group • Software Engineer Intern
///                      C++, LLVM, Tensorflow
/// Jun 2020 – Dec 2020  Hangzhou, China
///                      • bullets
///
///       August 2021 –  University of Illinois at Urbana-Champaign
///            May 2023  Master of Science in Computer Science
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryLayout {
    /// The dates in the left column ([`DatesAt::Left`]), as its lines: the
    /// whole range, or, when it is wider than the column, its start and
    /// separator over its end. The last line stands beside the first line
    /// of the heading's last row, the others above it.
    pub column: Vec<String>,
    /// Flush right, one per row from the entry's first row down: the dates
    /// ([`DatesAt::Right`]), then the place. Set in the [`Design::date`]
    /// style. A row with nothing on its left still takes its height.
    pub right: Vec<(String, RightKind)>,
    /// The place as the heading's last row, in the text column, set in the
    /// [`Design::date`] style ([`DatesAt::Left`]).
    pub place_row: Option<String>,
}

/// Which text stands on the right of an entry's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RightKind {
    Dates,
    Place,
}

/// Everything a backend draws, decided once.
#[derive(Debug, Clone, PartialEq)]
pub struct Design {
    pub paper: Paper,
    /// Page width and height in points.
    pub page: (f32, f32),
    pub margins: Margins,
    /// Width between the margins.
    pub measure: f32,
    /// The fit this design was resolved with.
    pub fit: Fit,
    /// Line height as a multiple of the font size, after fitting.
    pub leading: f32,

    pub name: TextStyle,
    pub headline: TextStyle,
    pub contact: TextStyle,
    pub section_title: TextStyle,
    /// An entry's first row; strong spans in it are bold in any case.
    pub entry_title: TextStyle,
    /// Degrees, positions: an entry's second row.
    pub subtitle: TextStyle,
    /// Technology and keyword lines.
    pub keywords: TextStyle,
    /// Running text under an entry.
    pub detail: TextStyle,
    pub body: TextStyle,
    /// Dates and places beside or before entries.
    pub date: TextStyle,
    pub footer: TextStyle,

    pub header_align: Align,
    pub title_align: Align,
    /// Between contact items, spaces included.
    pub separator: String,
    pub icons: bool,
    pub rule: Rule,
    pub gaps: Gaps,
    pub columns: Columns,
    /// The glyph before each bullet point and the indent it hangs in.
    pub bullet: String,
    pub bullet_indent: f32,
    pub bullet_color: Color,
    pub link_color: Color,
    pub link_underline: bool,
    pub html_fonts: HtmlFonts,
    pub word_font: WordFont,
    /// The theme's own colours, for formats that name them (HTML custom
    /// properties, the DOCX theme).
    pub accent: Color,
    pub text: Color,
    pub muted: Color,
}

/// `v` when it is a usable number in `lo..=hi`, else `fallback`: a theme
/// built in code with a NaN or an absurd value still gives a readable page.
fn sane(v: f32, fallback: f32, lo: f32, hi: f32) -> f32 {
    if v.is_finite() && (lo..=hi).contains(&v) {
        v
    } else {
        fallback
    }
}

/// `c` mixed with white, `amount` of the way.
fn tint(c: Color, amount: f32) -> Color {
    let mix = |v: u8| (v as f32 + (255.0 - v as f32) * amount).round() as u8;
    Color::rgb(mix(c.r), mix(c.g), mix(c.b))
}

impl Design {
    /// The theme at its natural size and spacing.
    pub fn natural(theme: &Theme) -> Design {
        Design::new(theme, Fit::natural(theme))
    }

    /// The theme tightened by `fit`.
    pub fn new(theme: &Theme, fit: Fit) -> Design {
        let classic_margin = 36.0;
        let m = theme.margins;
        let margin = |v: f32| sane(v, classic_margin, 0.0, 144.0);
        let margins = Margins {
            top: margin(m.top),
            right: margin(m.right),
            bottom: margin(m.bottom),
            left: margin(m.left),
        };
        let page = theme.paper.size_pt();
        let measure = (page.0 - margins.left - margins.right).max(144.0);

        let natural = Fit::natural(theme);
        let body = sane(fit.body, natural.body, 4.0, 40.0);
        let spacing = sane(fit.spacing, 1.0, 0.0, 2.0);
        let scale = body / natural.body;
        let theme_leading = sane(theme.leading, 1.18, 0.9, 3.0);
        let leading = 1.0 + (theme_leading - 1.0) * (0.5 + 0.5 * spacing.min(1.0));
        let lh = body * leading;
        let size = |v: f32, fallback: f32| sane(v, fallback, 4.0, 96.0) * scale;

        let fonts = theme.fonts;
        let text = theme.colors.text;
        let muted = theme.colors.muted;
        let style = |family: Family, size: f32, line_ratio: f32| TextStyle {
            family,
            size,
            line: size * line_ratio,
            bold: false,
            italic: false,
            color: text,
            case: Case::AsWritten,
        };

        let name_size = size(theme.name_size, 22.0);
        let name = TextStyle {
            bold: theme.header.name_bold,
            color: theme.paint(theme.header.name_color),
            case: theme.header.name_case,
            ..style(fonts.name, name_size, 1.15)
        };
        let headline = TextStyle {
            color: muted,
            ..style(fonts.name, size(theme.headline_size, 11.0), leading)
        };
        let detail_size = size(theme.detail_size, body * 0.93).min(body);
        let contact = style(fonts.body, body, leading);
        let section_size = size(theme.section_size, 12.0);
        let section_title = TextStyle {
            bold: theme.section_titles.bold,
            color: theme.paint(theme.section_titles.color),
            case: theme.section_titles.case,
            ..style(fonts.headings, section_size, leading)
        };
        let entry_title = style(fonts.headings, body, leading);
        // An entry's secondary lines are a step smaller than its title: the
        // hierarchy reads at a glance, and text extractors, which group
        // lines by size, read the title row with what stands beside it.
        let subtitle = TextStyle {
            line: lh,
            ..style(fonts.body, detail_size, leading)
        };
        // Keyword lines are the same step, set in muted italics; running
        // text under an entry is the subtitle's style.
        let keywords = TextStyle {
            italic: true,
            color: muted,
            ..subtitle
        };
        let detail = subtitle;
        let body_style = style(fonts.body, body, leading);
        let date = TextStyle {
            color: muted,
            ..style(fonts.body, detail_size, leading)
        };
        let footer = TextStyle {
            color: muted,
            ..style(fonts.body, body * 0.8, leading)
        };

        let gap = |v: f32| sane(v, 0.4, 0.0, 4.0) * lh * spacing;
        let rule_color = theme.paint(theme.rule_color);
        let rule = Rule {
            style: theme.section_titles.style,
            thickness: match theme.section_titles.style {
                TitleStyle::RuleUnder => 0.8,
                _ => 0.6,
            },
            color: rule_color,
            band: tint(theme.colors.accent, 0.88),
            gap: 0.5 * section_size,
            band_pad: 0.22 * section_size,
        };
        let dates = theme.entries.dates;
        let columns = Columns {
            dates,
            date_column: match dates {
                DatesAt::Left => sane(theme.entries.date_column, 80.0, 36.0, 200.0) * scale,
                DatesAt::Right => 0.0,
            },
            // Less than the dates' own size: text extractors then read the
            // dates with the row they stand beside, as one line.
            date_gap: match dates {
                DatesAt::Left => 0.8 * detail_size,
                DatesAt::Right => 0.0,
            },
            col_gap: 1.5 * body,
        };
        let link_color = match theme.links {
            LinkStyle::Plain => text,
            _ => theme.paint(theme.link_color),
        };
        Design {
            paper: theme.paper,
            page,
            margins,
            measure,
            fit: Fit { spacing, body },
            leading,
            name,
            headline,
            contact,
            section_title,
            entry_title,
            subtitle,
            keywords,
            detail,
            body: body_style,
            date,
            footer,
            header_align: theme.header.align,
            title_align: theme.section_titles.align,
            separator: if theme.header.separator.is_empty() {
                "  •  ".into()
            } else {
                theme.header.separator.clone()
            },
            icons: theme.header.icons,
            rule,
            gaps: Gaps {
                section: gap(theme.spacing.section),
                after_title: gap(theme.spacing.after_title),
                // Tightening stops where entries would no longer stand apart.
                entry: gap(theme.spacing.entry).max(ENTRY_GAP_FLOOR * body),
                role: 0.5 * gap(theme.spacing.entry),
                heading: 0.3 * body,
                paragraph: 0.3 * lh * spacing,
                bullet: gap(theme.spacing.bullet),
                after_name: 0.25 * body,
            },
            columns,
            bullet: if theme.bullet.trim().is_empty() {
                "•".into()
            } else {
                theme.bullet.clone()
            },
            bullet_indent: sane(theme.bullet_indent, 12.0, 0.0, 72.0) * scale,
            bullet_color: text,
            link_color,
            link_underline: theme.links == LinkStyle::Underline,
            html_fonts: theme.html_fonts,
            word_font: theme.word_font,
            accent: theme.colors.accent,
            text,
            muted,
        }
    }

    /// The design with its date column ([`DatesAt::Left`]) as narrow as
    /// `doc`'s dates allow: as wide as their widest line in the column
    /// ([`EntryLayout::column`]), up to the theme's `date_column`. The
    /// room the dates do not need goes to the entries' text.
    pub fn fit_dates(mut self, doc: &crate::Document) -> Design {
        if self.columns.dates != DatesAt::Left {
            return self;
        }
        let mut widest = 0.0f32;
        let mut visit = |e: &crate::Entry| {
            for line in self.column_lines(e) {
                widest = widest.max(self.widest(&line, &self.date));
            }
        };
        for section in &doc.sections {
            if let crate::SectionBody::Entries(entries) = &section.body {
                for e in entries {
                    each_entry(e, &mut visit);
                }
            }
        }
        if widest > 0.0 {
            // A hair of room for the formats' own rounding.
            let needed = widest + 0.05 * self.date.size;
            self.columns.date_column = self.columns.date_column.min(needed);
        }
        self
    }

    /// Width of `text` set in `style`: the most any format's face gives it
    /// (the bundled family, Word's font, a system stack).
    fn widest(&self, text: &str, style: &TextStyle) -> f32 {
        let text = crate::Text::plain(text);
        [
            FaceSet::Bundled,
            FaceSet::One(Face::word(self.word_font)),
            FaceSet::System,
        ]
        .into_iter()
        .map(|faces| estimate::width(faces, &text, style))
        .fold(0.0, f32::max)
    }

    /// The dates of `e` as lines of the left column: the whole range when
    /// it fits the column in every face, else broken after its separator,
    /// so each end stays whole ("August 2021 –" over "May 2023").
    fn column_lines(&self, e: &crate::Entry) -> Vec<String> {
        let Some(range) = &e.dates else {
            return Vec::new();
        };
        let whole = range.display();
        if whole.trim().is_empty() {
            return Vec::new();
        }
        if self.widest(&whole, &self.date) <= self.columns.date_column {
            return vec![whole];
        }
        match (&range.start, &range.end) {
            (Some(start), Some(end)) => vec![
                format!("{}{}", start.display, range.separator.trim_end()),
                end.display.clone(),
            ],
            _ => vec![whole],
        }
    }

    /// Height available for content on a page.
    pub fn avail(&self) -> f32 {
        (self.page.1 - self.margins.top - self.margins.bottom).max(72.0)
    }

    /// Where the text of section titles, paragraphs and lists starts, from
    /// the left margin: the entries' text column, so that a left date
    /// column reads as a margin of its own (a title's band or rule still
    /// spans the measure).
    pub fn content_indent(&self) -> f32 {
        self.columns.indent()
    }

    /// Width left for an entry's text beside its date column. Lists and
    /// paragraphs stand in the same column, so the left column reads as
    /// one clean margin.
    pub fn entry_measure(&self) -> f32 {
        self.measure - self.columns.indent()
    }

    /// Where an entry's dates and place stand: the row model every format
    /// follows.
    pub fn entry_layout(&self, e: &crate::Entry) -> EntryLayout {
        match self.columns.dates {
            DatesAt::Right => {
                let dates = e
                    .dates
                    .as_ref()
                    .map(|r| r.display())
                    .filter(|d| !d.is_empty());
                let mut right: Vec<(String, RightKind)> =
                    dates.map(|d| (d, RightKind::Dates)).into_iter().collect();
                right.extend(e.location.clone().map(|l| (l, RightKind::Place)));
                EntryLayout {
                    column: Vec::new(),
                    right,
                    place_row: None,
                }
            }
            DatesAt::Left => EntryLayout {
                column: self.column_lines(e),
                right: Vec::new(),
                place_row: e
                    .location
                    .as_ref()
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty()),
            },
        }
    }

    /// The three type families the design uses.
    pub fn families(&self) -> Vec<Family> {
        let mut f = vec![
            self.name.family,
            self.section_title.family,
            self.body.family,
        ];
        f.sort();
        f.dedup();
        f
    }

    /// How tall a section title stands, rule or band included, before the
    /// gap under it.
    pub fn title_height(&self) -> f32 {
        let t = &self.section_title;
        match self.rule.style {
            TitleStyle::RuleUnder => t.line + 0.15 * t.size + self.rule.thickness,
            TitleStyle::Band => t.line + 2.0 * self.rule.band_pad,
            TitleStyle::RuleBeside | TitleStyle::Plain => t.line,
        }
    }
}

/// `e` and the roles under it, depth first.
fn each_entry(e: &crate::Entry, f: &mut impl FnMut(&crate::Entry)) {
    f(e);
    for role in &e.roles {
        each_entry(role, f);
    }
}

/// Letters of `text` as `case` shows them, for formats that cannot set
/// small capitals from the font (plain text, estimates).
pub fn apply_case(text: &str, case: Case) -> String {
    match case {
        Case::AsWritten => text.to_string(),
        Case::Upper | Case::SmallCaps => upper(text),
    }
}

/// Capitals of `text` that keep every word findable: German ß becomes the
/// capital ẞ, whose lower case is ß again, not "SS", which would turn
/// "Weißenböck" into a word nobody searches for.
pub fn upper(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == 'ß' {
            out.push('ẞ');
        } else {
            out.extend(c.to_uppercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_keep_a_sharp_s_findable() {
        assert_eq!(upper("Johanna Weißenböck"), "JOHANNA WEIẞENBÖCK");
        assert_eq!(upper("Weißenböck").to_lowercase(), "weißenböck");
    }

    #[test]
    fn every_builtin_theme_resolves_to_sane_numbers() {
        for name in resume_model::THEMES {
            let theme = Theme::builtin(name).expect(name);
            let d = Design::natural(&theme);
            assert!(d.measure > 300.0, "{name}");
            assert!(d.body.size >= READABLE_FLOOR, "{name}");
            assert!(d.name.size > d.section_title.size, "{name}");
            assert!(d.text.contrast(Color::rgb(255, 255, 255)) >= 7.0, "{name}");
            assert!(d.muted.contrast(Color::rgb(255, 255, 255)) >= 4.5, "{name}");
            assert!(
                d.link_color.contrast(Color::rgb(255, 255, 255)) >= 4.5,
                "{name}"
            );
            assert!(
                d.section_title.color.contrast(d.rule.band) >= 4.5,
                "{name}: title on band"
            );
        }
    }

    #[test]
    fn fitting_scales_every_size_with_the_body() {
        let theme = Theme::classic();
        let natural = Design::natural(&theme);
        let small = Design::new(
            &theme,
            Fit {
                spacing: 0.55,
                body: 8.5,
            },
        );
        let ratio = 8.5 / theme.body_size;
        assert!((small.name.size - natural.name.size * ratio).abs() < 1e-3);
        assert!(small.gaps.section < natural.gaps.section);
        assert!(small.gaps.entry >= ENTRY_GAP_FLOOR * 8.5 - 1e-4);
    }

    fn dated(title: &str, start: &str, end: &str, place: Option<&str>) -> crate::Entry {
        let point = |s: &str| crate::DatePoint {
            display: s.into(),
            iso: None,
        };
        crate::Entry {
            title: crate::Text::plain(title),
            dates: Some(crate::DateRange {
                start: Some(point(start)),
                end: Some(point(end)),
                separator: " – ".into(),
            }),
            location: place.map(Into::into),
            lines: vec![crate::Line {
                text: crate::Text::plain("Engineer"),
                kind: crate::LineKind::Subtitle,
            }],
            bullets: Vec::new(),
            roles: Vec::new(),
        }
    }

    #[test]
    fn dates_on_the_left_end_beside_the_last_row_and_break_when_too_wide() {
        let theme = Theme::builtin("timeline").unwrap();
        let d = Design::natural(&theme);
        let short = dated("Acme", "May 2020", "May 2021", Some("Paris"));
        let layout = d.entry_layout(&short);
        assert_eq!(layout.column, ["May 2020 – May 2021"]);
        assert!(layout.right.is_empty());
        assert_eq!(layout.place_row.as_deref(), Some("Paris"));

        let long = dated("Acme", "September 2020", "December 2021", None);
        let layout = d.entry_layout(&long);
        assert_eq!(layout.column, ["September 2020 –", "December 2021"]);
        assert_eq!(layout.place_row, None);

        // Dates on the right keep the place there too.
        let classic = Design::natural(&Theme::classic());
        let layout = classic.entry_layout(&short);
        assert!(layout.column.is_empty() && layout.place_row.is_none());
        assert_eq!(
            layout.right,
            [
                ("May 2020 – May 2021".to_string(), RightKind::Dates),
                ("Paris".to_string(), RightKind::Place)
            ]
        );
    }

    #[test]
    fn the_date_column_narrows_to_the_dates_it_holds() {
        let theme = Theme::builtin("timeline").unwrap();
        let doc = |entries: Vec<crate::Entry>| {
            let section = crate::Section {
                id: "s".into(),
                title: "S".into(),
                body: crate::SectionBody::Entries(entries),
            };
            crate::test_document(vec![section], theme.clone())
        };
        let d = Design::natural(&theme);
        let most = d.columns.date_column;
        let years = doc(vec![dated("Acme", "2019", "2020", None)]);
        let narrow = d.clone().fit_dates(&years).columns.date_column;
        assert!(narrow < 0.6 * most, "{narrow} of {most}");
        // The column holds its widest line: a broken range's longer end.
        let long = doc(vec![dated("Acme", "September 2020", "December 2021", None)]);
        let fitted = d.clone().fit_dates(&long);
        assert!(fitted.columns.date_column < most);
        assert_eq!(fitted.entry_layout(&long_entry(&long)).column.len(), 2);
        let end = fitted.widest("September 2020 –", &fitted.date);
        assert!(fitted.columns.date_column >= end);
        // Never wider than the theme says, and entries take what is left.
        assert!(fitted.entry_measure() > d.entry_measure());
        let classic = Design::natural(&Theme::classic());
        assert_eq!(classic.clone().fit_dates(&years), classic);
    }

    fn long_entry(doc: &crate::Document) -> crate::Entry {
        match &doc.sections[0].body {
            crate::SectionBody::Entries(es) => es[0].clone(),
            _ => unreachable!(),
        }
    }

    #[test]
    fn garbage_numbers_fall_back() {
        let mut theme = Theme::classic();
        theme.body_size = f32::NAN;
        theme.margins.left = -5.0;
        theme.leading = 100.0;
        let d = Design::natural(&theme);
        assert_eq!(d.body.size, 9.5);
        assert_eq!(d.margins.left, 36.0);
        assert!(d.leading < 3.0);
    }
}
