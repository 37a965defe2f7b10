//! Designs as data: the complete description of a look ([`Theme`]), the
//! settings a `[design]` table or a theme file states ([`Setting`]), and the
//! built-in themes of the top-level `themes/` folder.
//!
//! A theme is a list of settings applied over the theme it extends; the
//! built-in `classic` states every one, so any chain of themes and
//! overrides ends in a complete [`Theme`]. What the settings mean in points
//! for each role of the text is decided once, by `resume-document`.

use std::fmt;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    pub const BLACK: Color = Color::rgb(0, 0, 0);

    pub const fn rgb(r: u8, g: u8, b: u8) -> Color {
        Color { r, g, b }
    }

    /// Reads `#rgb` or `#rrggbb`.
    pub fn parse(s: &str) -> Option<Color> {
        let hex = s.strip_prefix('#')?;
        let digit = |i: usize, n: usize| u8::from_str_radix(hex.get(i..i + n)?, 16).ok();
        match hex.len() {
            6 => Some(Color::rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            3 => Some(Color::rgb(
                digit(0, 1)? * 17,
                digit(1, 1)? * 17,
                digit(2, 1)? * 17,
            )),
            _ => None,
        }
    }

    /// `#rrggbb`, for CSS.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// `RRGGBB`, for WordprocessingML.
    pub fn hex_upper(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }

    /// Components in 0..=1, for PDF.
    pub fn unit(self) -> [f32; 3] {
        [
            self.r as f32 / 255.0,
            self.g as f32 / 255.0,
            self.b as f32 / 255.0,
        ]
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f32 {
        let lin = |c: u8| {
            let c = c as f32 / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// WCAG contrast ratio of two colours, 1 to 21.
    pub fn contrast(self, other: Color) -> f32 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// A colour as a theme names it: one of the theme's own colours, so that
/// changing the accent changes everything drawn in it, or a fixed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Accent,
    Text,
    Muted,
    Rgb(Color),
}

impl Paint {
    pub fn parse(s: &str) -> Option<Paint> {
        match s {
            "accent" => Some(Paint::Accent),
            "text" => Some(Paint::Text),
            "muted" => Some(Paint::Muted),
            _ => Color::parse(s).map(Paint::Rgb),
        }
    }
}

impl fmt::Display for Paint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Paint::Accent => f.write_str("accent"),
            Paint::Text => f.write_str("text"),
            Paint::Muted => f.write_str("muted"),
            Paint::Rgb(c) => f.write_str(&c.hex()),
        }
    }
}

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// US Letter, 8.5 × 11 in.
    #[default]
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

impl Paper {
    /// Width and height in PostScript points (1/72 in).
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.276, 841.89),
        }
    }
}

/// Page margins in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
    pub left: f32,
}

impl Margins {
    pub fn uniform(pt: f32) -> Margins {
        Margins {
            top: pt,
            right: pt,
            bottom: pt,
            left: pt,
        }
    }
}

/// A bundled type family, embedded in the PDF and the HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// Noto Sans (OFL), from the `notosans` crate.
    NotoSans,
    /// Libertinus Serif (OFL), from the `typst-assets` crate.
    LibertinusSerif,
}

impl Family {
    pub const ALL: [Family; 2] = [Family::NotoSans, Family::LibertinusSerif];
    /// Names a source may use, each with the family it means.
    pub const NAMES: [(&'static str, Family); 4] = [
        ("sans", Family::NotoSans),
        ("noto-sans", Family::NotoSans),
        ("serif", Family::LibertinusSerif),
        ("libertinus-serif", Family::LibertinusSerif),
    ];

    pub fn from_name(s: &str) -> Option<Family> {
        Family::NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(s))
            .map(|&(_, f)| f)
    }

    /// The family's own name, as CSS and PDF name it.
    pub fn display_name(self) -> &'static str {
        match self {
            Family::NotoSans => "Noto Sans",
            Family::LibertinusSerif => "Libertinus Serif",
        }
    }

    /// The key a source writes for it.
    pub fn key(self) -> &'static str {
        match self {
            Family::NotoSans => "sans",
            Family::LibertinusSerif => "serif",
        }
    }

    pub fn is_serif(self) -> bool {
        matches!(self, Family::LibertinusSerif)
    }
}

/// A font every copy of Word has, with the metric-compatible face
/// LibreOffice substitutes for it; DOCX names both and fits with their
/// widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WordFont {
    Calibri,
    Cambria,
    Arial,
    TimesNewRoman,
}

impl WordFont {
    pub const ALL: [WordFont; 4] = [
        WordFont::Calibri,
        WordFont::Cambria,
        WordFont::Arial,
        WordFont::TimesNewRoman,
    ];

    pub fn name(self) -> &'static str {
        match self {
            WordFont::Calibri => "Calibri",
            WordFont::Cambria => "Cambria",
            WordFont::Arial => "Arial",
            WordFont::TimesNewRoman => "Times New Roman",
        }
    }

    /// The metric-compatible free face, with the Debian package that has it.
    pub fn twin(self) -> (&'static str, &'static str) {
        match self {
            WordFont::Calibri => ("Carlito", "fonts-crosextra-carlito"),
            WordFont::Cambria => ("Caladea", "fonts-crosextra-caladea"),
            WordFont::Arial => ("Liberation Sans", "fonts-liberation2"),
            WordFont::TimesNewRoman => ("Liberation Serif", "fonts-liberation2"),
        }
    }

    pub fn from_name(s: &str) -> Option<WordFont> {
        WordFont::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
    }

    pub fn is_serif(self) -> bool {
        matches!(self, WordFont::Cambria | WordFont::TimesNewRoman)
    }
}

/// Whether the HTML page carries its fonts or names system ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HtmlFonts {
    /// The PDF's subset fonts as `data:` URIs: the page looks the same
    /// everywhere.
    Embed,
    /// A system font stack with the same character: a smaller page.
    System,
}

/// How a section title is set apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleStyle {
    /// A rule from the end of the title to the right margin.
    RuleBeside,
    /// A rule across the measure under the title.
    RuleUnder,
    /// The title on a tinted band across the measure.
    Band,
    /// The title alone.
    Plain,
}

/// How a text's letters are cased for display. The words never change,
/// and extracted text keeps the source's letters where the format allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    AsWritten,
    Upper,
    SmallCaps,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
}

/// Where an entry's dates stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatesAt {
    /// Flush right on the entry's first row.
    Right,
    /// In a column of their own to the left of the entry.
    Left,
}

/// How links are marked in print and on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkStyle {
    /// In the link colour.
    Color,
    /// In the link colour and underlined.
    Underline,
    /// Like the text around them.
    Plain,
}

macro_rules! keyword_enum {
    ($ty:ident { $($name:literal => $variant:ident),* $(,)? }) => {
        impl $ty {
            /// The words a source may write.
            pub const NAMES: &'static [&'static str] = &[$($name),*];

            pub fn from_name(s: &str) -> Option<$ty> {
                match s {
                    $($name => Some($ty::$variant),)*
                    _ => None,
                }
            }

            pub fn key(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)*
                }
            }
        }
    };
}

keyword_enum!(HtmlFonts { "embed" => Embed, "system" => System });
keyword_enum!(TitleStyle {
    "rule-beside" => RuleBeside,
    "rule-under" => RuleUnder,
    "band" => Band,
    "plain" => Plain,
});
keyword_enum!(Case { "as-written" => AsWritten, "upper" => Upper, "small-caps" => SmallCaps });
keyword_enum!(Align { "left" => Left, "center" => Center });
keyword_enum!(DatesAt { "right" => Right, "left" => Left });
keyword_enum!(LinkStyle { "color" => Color, "underline" => Underline, "plain" => Plain });
keyword_enum!(Paper { "letter" => Letter, "a4" => A4 });

/// The type family of each role of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleFonts {
    pub name: Family,
    pub headings: Family,
    pub body: Family,
}

/// The theme's colours, resolved to RGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colors {
    pub accent: Color,
    pub text: Color,
    pub muted: Color,
}

/// Section titles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SectionTitles {
    pub style: TitleStyle,
    pub case: Case,
    pub align: Align,
    pub color: Paint,
    pub bold: bool,
}

/// The top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderDesign {
    pub align: Align,
    pub name_case: Case,
    pub name_bold: bool,
    pub name_color: Paint,
    /// Between contact items, spaces included, e.g. "  •  " or " | ".
    pub separator: String,
    /// Small icons before contact items, where the format can draw them.
    pub icons: bool,
}

/// Entries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EntryDesign {
    pub dates: DatesAt,
    /// Width of the date column when dates stand on the left, in points:
    /// the most it takes (it narrows to the document's dates).
    pub date_column: f32,
}

/// Vertical rhythm, in multiples of the body line height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spacing {
    /// Before a section title.
    pub section: f32,
    /// Between a section title and its content.
    pub after_title: f32,
    /// Between entries.
    pub entry: f32,
    /// Between bullets.
    pub bullet: f32,
}

/// A complete look: everything a backend draws is decided from this.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// The built-in theme this one is or extends, e.g. "classic".
    pub name: String,
    pub paper: Paper,
    pub margins: Margins,
    pub fonts: RoleFonts,
    /// The DOCX's font.
    pub word_font: WordFont,
    pub html_fonts: HtmlFonts,
    /// Sizes in points.
    pub body_size: f32,
    pub name_size: f32,
    pub headline_size: f32,
    pub section_size: f32,
    /// Dates, places and keyword lines.
    pub detail_size: f32,
    /// Line height as a multiple of the font size.
    pub leading: f32,
    pub colors: Colors,
    pub link_color: Paint,
    pub rule_color: Paint,
    pub section_titles: SectionTitles,
    pub header: HeaderDesign,
    pub entries: EntryDesign,
    /// The glyph before each bullet point.
    pub bullet: String,
    /// Indent of bullet text in points; the bullet hangs in it.
    pub bullet_indent: f32,
    pub spacing: Spacing,
    pub links: LinkStyle,
}

impl Theme {
    /// A colour the theme names, in RGB.
    pub fn paint(&self, p: Paint) -> Color {
        match p {
            Paint::Accent => self.colors.accent,
            Paint::Text => self.colors.text,
            Paint::Muted => self.colors.muted,
            Paint::Rgb(c) => c,
        }
    }

    /// The built-in theme called `name`.
    pub fn builtin(name: &str) -> Option<Theme> {
        let chain = builtin_chain(name)?;
        let mut theme = Theme::seed();
        for (_, settings) in chain.iter().rev() {
            for s in settings {
                theme.apply(s);
            }
        }
        theme.name = name.to_string();
        Some(theme)
    }

    /// `classic`, the default look.
    pub fn classic() -> Theme {
        Theme::builtin(DEFAULT_THEME).expect("the classic theme is built in and valid")
    }

    /// The starting point that `classic.toml` overwrites key by key; its
    /// values are never seen on their own.
    fn seed() -> Theme {
        Theme {
            name: String::new(),
            paper: Paper::Letter,
            margins: Margins::uniform(36.0),
            fonts: RoleFonts {
                name: Family::NotoSans,
                headings: Family::NotoSans,
                body: Family::NotoSans,
            },
            word_font: WordFont::Calibri,
            html_fonts: HtmlFonts::Embed,
            body_size: 10.0,
            name_size: 22.0,
            headline_size: 11.0,
            section_size: 12.0,
            detail_size: 9.0,
            leading: 1.2,
            colors: Colors {
                accent: Color::BLACK,
                text: Color::BLACK,
                muted: Color::BLACK,
            },
            link_color: Paint::Accent,
            rule_color: Paint::Accent,
            section_titles: SectionTitles {
                style: TitleStyle::RuleBeside,
                case: Case::AsWritten,
                align: Align::Left,
                color: Paint::Accent,
                bold: true,
            },
            header: HeaderDesign {
                align: Align::Left,
                name_case: Case::AsWritten,
                name_bold: true,
                name_color: Paint::Accent,
                separator: "  •  ".into(),
                icons: true,
            },
            entries: EntryDesign {
                dates: DatesAt::Right,
                date_column: 80.0,
            },
            bullet: "•".into(),
            bullet_indent: 12.0,
            spacing: Spacing {
                section: 0.75,
                after_title: 0.3,
                entry: 0.4,
                bullet: 0.0,
            },
            links: LinkStyle::Color,
        }
    }

    /// Applies one setting.
    pub fn apply(&mut self, s: &Setting) {
        match s {
            Setting::Paper(p) => self.paper = *p,
            Setting::Margin(side, v) => match side {
                Side::Top => self.margins.top = *v,
                Side::Right => self.margins.right = *v,
                Side::Bottom => self.margins.bottom = *v,
                Side::Left => self.margins.left = *v,
            },
            Setting::Font(role, f) => match role {
                FontRole::Name => self.fonts.name = *f,
                FontRole::Headings => self.fonts.headings = *f,
                FontRole::Body => self.fonts.body = *f,
            },
            Setting::WordFont(f) => self.word_font = *f,
            Setting::HtmlFonts(f) => self.html_fonts = *f,
            Setting::Size(role, v) => *self.size_mut(*role) = *v,
            Setting::Leading(v) => self.leading = *v,
            Setting::Color(which, c) => match which {
                ColorRole::Accent => self.colors.accent = *c,
                ColorRole::Text => self.colors.text = *c,
                ColorRole::Muted => self.colors.muted = *c,
            },
            Setting::LinkColor(p) => self.link_color = *p,
            Setting::RuleColor(p) => self.rule_color = *p,
            Setting::TitleStyle(v) => self.section_titles.style = *v,
            Setting::TitleCase(v) => self.section_titles.case = *v,
            Setting::TitleAlign(v) => self.section_titles.align = *v,
            Setting::TitleColor(v) => self.section_titles.color = *v,
            Setting::TitleBold(v) => self.section_titles.bold = *v,
            Setting::HeaderAlign(v) => self.header.align = *v,
            Setting::NameCase(v) => self.header.name_case = *v,
            Setting::NameBold(v) => self.header.name_bold = *v,
            Setting::NameColor(v) => self.header.name_color = *v,
            Setting::Separator(v) => self.header.separator = v.clone(),
            Setting::Icons(v) => self.header.icons = *v,
            Setting::Dates(v) => self.entries.dates = *v,
            Setting::DateColumn(v) => self.entries.date_column = *v,
            Setting::Bullet(v) => self.bullet = v.clone(),
            Setting::BulletIndent(v) => self.bullet_indent = *v,
            Setting::Gap(which, v) => match which {
                Gap::Section => self.spacing.section = *v,
                Gap::AfterTitle => self.spacing.after_title = *v,
                Gap::Entry => self.spacing.entry = *v,
                Gap::Bullet => self.spacing.bullet = *v,
            },
            Setting::Links(v) => self.links = *v,
        }
    }

    fn size_mut(&mut self, role: SizeRole) -> &mut f32 {
        match role {
            SizeRole::Body => &mut self.body_size,
            SizeRole::Name => &mut self.name_size,
            SizeRole::Headline => &mut self.headline_size,
            SizeRole::Section => &mut self.section_size,
            SizeRole::Detail => &mut self.detail_size,
        }
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::classic()
    }
}

/// Which margin a [`Setting::Margin`] sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Top,
    Right,
    Bottom,
    Left,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FontRole {
    Name,
    Headings,
    Body,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeRole {
    Body,
    Name,
    Headline,
    Section,
    Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorRole {
    Accent,
    Text,
    Muted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    Section,
    AfterTitle,
    Entry,
    Bullet,
}

/// One design parameter as a source or theme file states it, already
/// checked. A theme is the list of them applied in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Setting {
    Paper(Paper),
    Margin(Side, f32),
    Font(FontRole, Family),
    WordFont(WordFont),
    HtmlFonts(HtmlFonts),
    Size(SizeRole, f32),
    Leading(f32),
    Color(ColorRole, Color),
    LinkColor(Paint),
    RuleColor(Paint),
    TitleStyle(TitleStyle),
    TitleCase(Case),
    TitleAlign(Align),
    TitleColor(Paint),
    TitleBold(bool),
    HeaderAlign(Align),
    NameCase(Case),
    NameBold(bool),
    NameColor(Paint),
    Separator(String),
    Icons(bool),
    Dates(DatesAt),
    DateColumn(f32),
    Bullet(String),
    BulletIndent(f32),
    Gap(Gap, f32),
    Links(LinkStyle),
}

/// The `[design]` table of a source: which theme, and what to change in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Design {
    /// `theme = "NAME"` or `theme = "./file.toml"`, as written.
    pub theme: Option<ThemeRef>,
    /// The overrides, in the order written.
    pub settings: Vec<Setting>,
    /// The table as written, kept so that conversions write it back
    /// unchanged.
    pub table: crate::Extra,
}

/// A theme named in a source, a theme file or on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeRef {
    /// One of [`THEMES`].
    Builtin(String),
    /// A theme file, relative to the file that names it.
    File(String),
}

impl ThemeRef {
    /// A built-in name, or a path when it looks like one (it has a slash or
    /// ends in `.toml`).
    pub fn parse(s: &str) -> ThemeRef {
        if s.contains('/') || s.contains('\\') || s.ends_with(".toml") {
            ThemeRef::File(s.to_string())
        } else {
            ThemeRef::Builtin(s.to_string())
        }
    }
}

/// A theme file: what it extends and what it changes.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeFile {
    /// The theme this one changes; `classic` when the file names none.
    pub extends: Option<ThemeRef>,
    pub description: Option<String>,
    pub settings: Vec<Setting>,
}

/// The theme a source gets when it names none.
pub const DEFAULT_THEME: &str = "classic";

include!(concat!(env!("OUT_DIR"), "/themes.rs"));

/// The built-in themes: name, one-line description and source text.
pub fn builtin_themes() -> impl Iterator<Item = (&'static str, String)> {
    THEME_SOURCES.iter().map(|(name, text)| {
        let description = crate::parse_theme(text)
            .ok()
            .and_then(|(f, _)| f.description)
            .unwrap_or_default();
        (*name, description)
    })
}

/// The source text of a built-in theme.
pub fn builtin_theme_source(name: &str) -> Option<&'static str> {
    THEME_SOURCES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
}

/// The settings of `name` and of every built-in it extends, nearest first.
fn builtin_chain(name: &str) -> Option<Vec<(String, Vec<Setting>)>> {
    let mut chain = Vec::new();
    let mut next = Some(name.to_string());
    while let Some(n) = next.take() {
        if chain.iter().any(|(c, _): &(String, _)| *c == n) || chain.len() > THEMES.len() {
            return None;
        }
        let text = builtin_theme_source(&n)?;
        let (file, _) = crate::parse_theme(text).ok()?;
        match &file.extends {
            Some(ThemeRef::Builtin(b)) => next = Some(b.clone()),
            Some(ThemeRef::File(_)) => return None,
            None => {}
        }
        chain.push((n, file.settings));
    }
    Some(chain)
}

/// Resolves a theme: a built-in base, then the settings of each layer in
/// order (theme files from the outermost inwards, then the source's own
/// `[design]` overrides).
pub fn resolve_theme<'a>(base: &str, layers: impl IntoIterator<Item = &'a [Setting]>) -> Theme {
    let mut theme = Theme::builtin(base).unwrap_or_else(Theme::classic);
    for layer in layers {
        for s in layer {
            theme.apply(s);
        }
    }
    theme
}
