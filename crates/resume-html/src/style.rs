//! The stylesheet, written from the resolved [`Design`].
//!
//! Every length is one of the design's, in points, held in a custom
//! property: once for the screen (the natural design, enlarged for reading)
//! and once for print (the design the page fit chose, at its true size).
//! The rules themselves only name the properties, so the printed page is
//! laid out with exactly the numbers the shared page estimate counted.

use askama::Template;
use resume_document::{
    Align, Case, Color, Design, HtmlFonts, LineKind, Paper, TextStyle, TitleStyle,
};

use crate::fonts::{self, Embedded};

/// How much larger than print the page is set on a screen: 9.5 pt body
/// text, a comfortable size on paper, reads small at arm's length.
const SCREEN_SCALE: f32 = 1.25;
/// The same on a phone, whose narrow column wants a little less.
const PHONE_SCALE: f32 = 1.15;
/// Widest window, in CSS pixels, that gets the phone layout.
const PHONE_MAX: u32 = 640;

/// The side of a contact icon, in em of the contact text.
pub(crate) const ICON_SIZE: f32 = 0.95;
/// The room between a contact icon and its text, in em.
pub(crate) const ICON_GAP: f32 = 0.3;

/// Faces whose widths match Arial's, the metrics the page estimate uses for
/// a sans-serif system stack (Debian: fonts-liberation2).
const SANS_STACK: &str =
    r#"Helvetica, Arial, "Liberation Sans", Arimo, "Nimbus Sans", "Nimbus Sans L", sans-serif"#;
/// Faces whose widths match Times', the metrics the page estimate uses for
/// a serif system stack.
const SERIF_STACK: &str = r#""Times New Roman", Times, "Liberation Serif", Tinos, "Nimbus Roman", "Nimbus Roman No9 L", serif"#;
const MONO_STACK: &str = r#"ui-monospace, Menlo, Consolas, "Liberation Mono", monospace"#;

/// Values the CSS template interpolates. Every field is a number, a colour,
/// a keyword or a font name formatted here, and the one string from the
/// theme (the bullet glyph) is written as CSS escapes, so nothing from the
/// résumé can change the stylesheet's meaning.
#[derive(Debug, Template)]
#[template(path = "resume.css", escape = "none")]
struct Style<'a> {
    faces: Vec<FaceRule<'a>>,
    /// Custom properties, one indented line each: the colours, and the
    /// lengths for the screen, a phone and print.
    colors: String,
    screen: String,
    phone: String,
    print: String,
    roles: Vec<Role>,
    header_align: &'static str,
    header_justify: &'static str,
    title_style: &'static str,
    title_center: bool,
    /// The list marker: the design's bullet and two no-break spaces, as a
    /// CSS string.
    marker: String,
    /// Decoration of contact links on screen: as the design says, and
    /// underlined when they have the text's colour. Links in running text
    /// are always underlined there, so they never differ by colour alone.
    contact_decoration: &'static str,
    /// Decoration of every link in print, as the design says.
    print_decoration: &'static str,
    icon_size: String,
    icon_gap: String,
    /// Widest window, in CSS pixels, that shows the page without the
    /// sheet around it.
    sheet_max: u32,
    phone_max: u32,
    page_size: &'static str,
    margins: String,
    mono: &'static str,
}

/// One `@font-face` rule.
#[derive(Debug)]
struct FaceRule<'a> {
    family: String,
    weight: u16,
    style: &'static str,
    mime: &'static str,
    format: &'static str,
    data: &'a str,
}

/// The typography of one role of the text.
#[derive(Debug)]
struct Role {
    selector: &'static str,
    declarations: Vec<(&'static str, String)>,
}

impl Role {
    /// The declarations, one indented line each.
    fn body(&self) -> String {
        self.declarations
            .iter()
            .map(|(property, value)| format!("  {property}: {value};\n"))
            .collect()
    }
}

/// The page's CSS: the screen from `screen`, print from `print` (the same
/// design, fitted to the page), with the embedded `faces`.
pub(crate) fn css(
    screen: &Design,
    print: &Design,
    faces: &[Embedded],
    rtl: bool,
) -> Result<String, askama::Error> {
    let d = screen;
    let page_px = d.page.0 * SCREEN_SCALE * 4.0 / 3.0;
    let white = Color::rgb(255, 255, 255);
    let link = readable(d.link_color, white);
    Style {
        faces: faces
            .iter()
            .map(|f| FaceRule {
                family: f.key.css_family(),
                weight: if f.key.bold { 700 } else { 400 },
                style: if f.key.italic { "italic" } else { "normal" },
                mime: f.mime,
                format: f.format,
                data: &f.base64,
            })
            .collect(),
        colors: properties(&colors(d), 1),
        screen: properties(&lengths(d, SCREEN_SCALE), 1),
        phone: properties(&lengths(d, PHONE_SCALE), 2),
        print: properties(&lengths(print, 1.0), 2),
        roles: roles(d),
        header_align: align(d.header_align),
        header_justify: match d.header_align {
            Align::Left => "flex-start",
            Align::Center => "center",
        },
        title_style: match d.rule.style {
            TitleStyle::RuleBeside => "rule-beside",
            TitleStyle::RuleUnder => "rule-under",
            TitleStyle::Band => "band",
            TitleStyle::Plain => "plain",
        },
        title_center: d.title_align == Align::Center,
        marker: css_string(&format!("{}\u{a0}\u{a0}", d.bullet)),
        // Links that look like the text around them are underlined on
        // screen wherever they are, so they can be told apart without
        // colour (WCAG 1.4.1).
        contact_decoration: if d.link_underline || link == readable(d.contact.color, white) {
            "underline"
        } else {
            "none"
        },
        print_decoration: if print.link_underline {
            "underline"
        } else {
            "none"
        },
        icon_size: num(ICON_SIZE),
        icon_gap: num(ICON_GAP),
        sheet_max: (page_px + 64.0).ceil() as u32,
        phone_max: PHONE_MAX,
        page_size: match d.paper {
            Paper::Letter => "letter",
            Paper::A4 => "A4",
        },
        // A right-to-left page is mirrored: its left margin is on the right.
        margins: {
            let (right, left) = if rtl {
                (print.margins.left, print.margins.right)
            } else {
                (print.margins.right, print.margins.left)
            };
            format!(
                "{}pt {}pt {}pt {}pt",
                num(print.margins.top),
                num(right),
                num(print.margins.bottom),
                num(left)
            )
        },
        mono: MONO_STACK,
    }
    .render()
}

/// The style of a secondary line of an entry.
pub(crate) fn line_style(d: &Design, kind: LineKind) -> &TextStyle {
    match kind {
        LineKind::Subtitle => &d.subtitle,
        LineKind::Keywords => &d.keywords,
        LineKind::Detail => &d.detail,
    }
}

/// The colours the rules name, each readable on the ground it is set on.
fn colors(d: &Design) -> Vec<(&'static str, String)> {
    let white = Color::rgb(255, 255, 255);
    let mut colors = vec![
        ("text", readable(d.text, white).hex()),
        ("link", readable(d.link_color, white).hex()),
        ("rule", d.rule.color.hex()),
    ];
    // The band is a tint of the accent; it is named only where it is drawn,
    // so that elsewhere a new accent changes only the accent's own uses.
    if d.rule.style == TitleStyle::Band {
        colors.push(("band", d.rule.band.hex()));
    }
    colors.extend([
        ("bullet", readable(d.bullet_color, white).hex()),
        ("contact", readable(d.contact.color, white).hex()),
        ("muted", readable(d.muted, white).hex()),
        ("focus", readable(d.accent, white).hex()),
    ]);
    colors
}

/// Custom property declarations, one a line, indented `depth` levels.
fn properties(values: &[(&str, String)], depth: usize) -> String {
    let indent = "  ".repeat(depth);
    values
        .iter()
        .map(|(name, value)| format!("{indent}--{name}: {value};\n"))
        .collect()
}

/// Every length the rules use, in points, multiplied by `scale`.
fn lengths(d: &Design, scale: f32) -> Vec<(&'static str, String)> {
    let t = &d.section_title;
    // What a title's rule or band adds to its line, as the design counts it.
    let frame = d.title_height() - t.line;
    let values = [
        ("page-width", d.page.0),
        ("margin-top", d.margins.top),
        ("margin-right", d.margins.right),
        ("margin-bottom", d.margins.bottom),
        ("margin-left", d.margins.left),
        ("body-size", d.body.size),
        ("body-line", d.body.line),
        ("name-size", d.name.size),
        ("name-line", d.name.line),
        ("headline-size", d.headline.size),
        ("headline-line", d.headline.line),
        ("contact-size", d.contact.size),
        ("contact-line", d.contact.line),
        ("title-size", t.size),
        ("title-line", t.line),
        ("entry-size", d.entry_title.size),
        ("subtitle-size", d.subtitle.size),
        ("keywords-size", d.keywords.size),
        ("detail-size", d.detail.size),
        ("date-size", d.date.size),
        ("date-line", d.date.line),
        ("after-name", d.gaps.after_name),
        ("section-gap", d.gaps.section),
        ("after-title", d.gaps.after_title),
        ("entry-gap", d.gaps.entry),
        ("role-gap", d.gaps.role),
        ("heading-gap", d.gaps.heading),
        ("para-gap", d.gaps.paragraph),
        ("bullet-gap", d.gaps.bullet),
        ("rule-width", d.rule.thickness),
        ("rule-gap", d.rule.gap),
        // Under a title, the room between its text and the rule.
        ("under-pad", (frame - d.rule.thickness).max(0.0)),
        ("band-pad", d.rule.band_pad),
        ("col-gap", d.columns.col_gap),
        ("date-col", d.columns.date_column),
        ("date-gap", d.columns.date_gap),
        ("content-indent", d.content_indent()),
        ("bullet-indent", d.bullet_indent),
    ];
    values
        .into_iter()
        .map(|(k, v)| (k, format!("{}pt", num(v * scale))))
        .collect()
}

/// The typography of each role: face, size, line height, colour, case.
fn roles(d: &Design) -> Vec<Role> {
    let white = Color::rgb(255, 255, 255);
    let title_ground = match d.rule.style {
        TitleStyle::Band => d.rule.band,
        _ => white,
    };
    let role = |selector, style: &TextStyle, size, line: Option<&str>, ground| {
        let face = fonts::face(d, style, false, false);
        let mut family = String::new();
        if d.html_fonts == HtmlFonts::Embed {
            family.push_str(&format!("\"{}\", ", face.css_family()));
            if face.small_caps {
                family.push_str(&format!("\"{}\", ", style.family.display_name()));
            }
        }
        family.push_str(if style.family.is_serif() {
            SERIF_STACK
        } else {
            SANS_STACK
        });
        let mut declarations = vec![
            ("font-family", family),
            ("font-size", format!("var(--{size})")),
        ];
        if let Some(line) = line {
            declarations.push(("line-height", format!("var(--{line})")));
        }
        declarations.push(("font-weight", if style.bold { "700" } else { "400" }.into()));
        declarations.push((
            "font-style",
            if style.italic { "italic" } else { "normal" }.into(),
        ));
        declarations.push(("color", readable(style.color, ground).hex()));
        match style.case {
            Case::AsWritten => {}
            Case::Upper => declarations.push(("text-transform", "uppercase".into())),
            // The small-capital face draws the lower case as small
            // capitals by itself; elsewhere the browser makes them.
            Case::SmallCaps if face.small_caps => {}
            Case::SmallCaps => declarations.push(("font-variant-caps", "small-caps".into())),
        }
        Role {
            selector,
            declarations,
        }
    };
    vec![
        role("body", &d.body, "body-size", Some("body-line"), white),
        role("h1", &d.name, "name-size", Some("name-line"), white),
        role(
            ".headline",
            &d.headline,
            "headline-size",
            Some("headline-line"),
            white,
        ),
        role(
            ".contacts",
            &d.contact,
            "contact-size",
            Some("contact-line"),
            white,
        ),
        role(
            "h2",
            &d.section_title,
            "title-size",
            Some("title-line"),
            title_ground,
        ),
        // The rows of an entry's head all stand one body line apart, as the
        // page estimate counts them; dates and places keep their own,
        // smaller line so that they never make a row taller.
        role(
            ".title",
            &d.entry_title,
            "entry-size",
            Some("body-line"),
            white,
        ),
        role(
            ".subtitle",
            &d.subtitle,
            "subtitle-size",
            Some("body-line"),
            white,
        ),
        role(
            ".keywords",
            &d.keywords,
            "keywords-size",
            Some("body-line"),
            white,
        ),
        role(
            ".detail",
            &d.detail,
            "detail-size",
            Some("body-line"),
            white,
        ),
        role(
            ".when, .where",
            &d.date,
            "date-size",
            Some("date-line"),
            white,
        ),
    ]
}

/// A `text-align` value: "start", so a right-to-left page sets its
/// header from the right as every other line.
fn align(a: Align) -> &'static str {
    match a {
        Align::Left => "start",
        Align::Center => "center",
    }
}

/// A CSS number: at most three decimals, without trailing zeros.
pub(crate) fn num(x: f32) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// `s` as a quoted CSS string in which every character but ASCII letters,
/// digits and spaces is a hex escape, so no text can end the string, the
/// rule or the `<style>` element.
pub(crate) fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            // The space ends the escape, so a digit after it stays a digit.
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out.push('"');
    out
}

/// The WCAG 2 contrast ratio that normal-sized text needs (level AA).
const MIN_CONTRAST: f32 = 4.5;

/// `c`, darkened just enough to reach AA contrast on `ground`.
///
/// The built-in themes pass as they are; this keeps a custom theme with a
/// pale accent from producing a page that fails accessibility checks,
/// while staying as close to the chosen hue as it can.
pub(crate) fn readable(c: Color, ground: Color) -> Color {
    (0..=20)
        .map(|step| mix_black(c, step as f32 / 20.0))
        .find(|&c| c.contrast(ground) >= MIN_CONTRAST)
        .unwrap_or(Color::BLACK)
}

fn mix_black(c: Color, amount: f32) -> Color {
    let f = |v: u8| (f32::from(v) * (1.0 - amount)).round() as u8;
    Color::rgb(f(c.r), f(c.g), f(c.b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use resume_document::Theme;

    #[test]
    fn readable_keeps_good_colours_and_darkens_pale_ones() {
        let white = Color::rgb(255, 255, 255);
        let d = Design::natural(&Theme::classic());
        for c in [d.accent, d.text, d.muted, d.link_color] {
            assert_eq!(readable(c, white), c);
        }
        let pale = Color::rgb(0x99, 0xcc, 0xff);
        let fixed = readable(pale, white);
        assert_ne!(fixed, pale);
        assert!(fixed.contrast(white) >= MIN_CONTRAST);
        // Still blue: darkening keeps the hue's order of channels.
        assert!(fixed.b > fixed.g && fixed.g > fixed.r);
        // On a tinted band the bar is the band, not white.
        let band = Color::rgb(0xdd, 0xee, 0xdd);
        assert!(readable(Color::rgb(0x44, 0x88, 0x44), band).contrast(band) >= MIN_CONTRAST);
    }

    #[test]
    fn numbers_are_short_and_valid() {
        assert_eq!(num(2.4), "2.4");
        assert_eq!(num(10.0), "10");
        assert_eq!(num(1.0 / 3.0), "0.333");
        assert_eq!(num(-0.00001), "0");
        assert_eq!(num(f32::NAN), "0");
    }

    #[test]
    fn strings_from_the_theme_cannot_break_out() {
        assert_eq!(css_string("•"), r#""\2022 ""#);
        assert_eq!(css_string("a1 "), r#""a1 ""#);
        let hostile = css_string("\"; } </style><script>");
        assert!(!hostile[1..hostile.len() - 1].contains(['"', '<', '>', ';', '}']));
    }

    #[test]
    fn css_follows_the_design() {
        let render = |theme: &Theme| {
            let d = Design::natural(theme);
            css(&d, &d, &[], false).expect("renders")
        };
        let mut theme = Theme::classic();
        let css = render(&theme);
        assert!(css.contains("size: letter"), "{css}");
        assert!(css.contains("#004f90"));
        assert!(css.contains("--body-size: 9.5pt"));
        theme.paper = Paper::A4;
        theme.body_size = 11.0;
        theme.colors.accent = Color::rgb(0x80, 0x20, 0x20);
        let css = render(&theme);
        assert!(css.contains("size: A4"));
        assert!(css.contains("--body-size: 11pt"));
        assert!(css.contains("#802020"));
        assert!(!css.contains("NaN"));
    }
}
