//! The stylesheet, derived from the Document's theme.
//!
//! All sizes are expressed relative to the body size (`rem`, with the root
//! font size set to the body size), so one set of ratios serves the screen,
//! where the root is scaled up for reading, and print, where it is the
//! theme's size in points and the page matches the PDF.

use askama::Template;
use resume_document::{Color, Paper, Theme};

use crate::layout::{self, Fit, Geometry, Spacing};

/// Values the CSS template interpolates. Every field is a number or colour
/// formatted here, so nothing from the résumé's text can reach the
/// stylesheet.
#[derive(Debug, Template)]
#[template(path = "resume.css", escape = "none")]
struct Style {
    accent: String,
    text: String,
    muted: String,
    link: String,
    rule: String,
    /// Root font size on screen, in CSS pixels.
    screen_px: String,
    /// Line height on screen, a little looser than print for reading.
    screen_leading: String,
    screen: Gaps,
    /// Root font size in print, in points.
    print_pt: String,
    print_leading: String,
    print: Gaps,
    name: String,
    section: String,
    bullet_indent: String,
    h1_leading: String,
    h2_leading: String,
    h2_rule: String,
    headline: String,
    col_gap: String,
    contact_gap: String,
    icon_gap: String,
    /// The sheet's width on a wide screen: the paper's width.
    paper_width: String,
    pad_top: String,
    pad_right: String,
    pad_bottom: String,
    pad_left: String,
    page_size: &'static str,
    margin_top: String,
    margin_right: String,
    margin_bottom: String,
    margin_left: String,
}

/// [`Spacing`] formatted for CSS, in rem.
#[derive(Debug)]
struct Gaps {
    section_gap: String,
    entry_gap: String,
    after_title: String,
    headline_top: String,
    contacts_top: String,
    contacts_row: String,
    bullets_top: String,
    item_gap: String,
    role_gap: String,
    para_gap: String,
}

impl Gaps {
    fn new(s: Spacing) -> Gaps {
        Gaps {
            section_gap: num(s.section_gap),
            entry_gap: num(s.entry_gap),
            after_title: num(s.after_title),
            headline_top: num(s.headline_top),
            contacts_top: num(s.contacts_top),
            contacts_row: num(s.contacts_row),
            bullets_top: num(s.bullets_top),
            item_gap: num(s.item_gap),
            role_gap: num(s.role_gap),
            para_gap: num(s.para_gap),
        }
    }
}

/// Renders the page's CSS for `theme`, printing as `fit` says.
pub(crate) fn css(theme: &Theme, g: &Geometry, fit: Fit) -> Result<String, askama::Error> {
    let body = g.body;
    let [top, right, bottom, left] = g.margins;
    let (paper_w, _) = g.paper.size_pt();
    Style {
        accent: readable(theme.accent).hex(),
        text: readable(theme.text).hex(),
        muted: readable(theme.muted).hex(),
        link: readable(theme.link).hex(),
        rule: theme.rule.hex(),
        // 10 pt in print reads like 16 px on screen, the browsers' default.
        screen_px: num(body * 1.6),
        screen_leading: num(g.leading.max(1.45)),
        screen: Gaps::new(Spacing::new(g, 1.0)),
        print_pt: num(fit.body),
        print_leading: num(fit.leading),
        print: Gaps::new(Spacing::new(g, fit.space)),
        name: num(g.name / body),
        section: num(g.section / body),
        bullet_indent: num(g.bullet_indent / body),
        h1_leading: num(layout::H1_LEADING),
        h2_leading: num(layout::H2_LEADING),
        h2_rule: num(layout::H2_RULE),
        headline: num(layout::HEADLINE),
        col_gap: num(layout::COL_GAP),
        contact_gap: num(layout::CONTACT_GAP),
        icon_gap: num(layout::ICON_GAP),
        paper_width: num(paper_w / body),
        pad_top: num(top / body),
        pad_right: num(right / body),
        pad_bottom: num(bottom / body),
        pad_left: num(left / body),
        page_size: match g.paper {
            Paper::Letter => "letter",
            Paper::A4 => "A4",
        },
        margin_top: num(top),
        margin_right: num(right),
        margin_bottom: num(bottom),
        margin_left: num(left),
    }
    .render()
}

/// A CSS number: at most four decimals, without trailing zeros.
fn num(x: f32) -> String {
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// The WCAG 2 contrast ratio that normal-sized text needs (level AA).
const MIN_CONTRAST: f64 = 4.5;

/// `c`, darkened just enough to reach AA contrast on the white page.
///
/// The default theme passes as it is; this keeps a custom theme with a pale
/// accent from producing a page that fails accessibility checks, while
/// staying as close to the chosen hue as it can.
pub(crate) fn readable(c: Color) -> Color {
    let white = Color::rgb(255, 255, 255);
    (0..=20)
        .map(|step| mix_black(c, f64::from(step) / 20.0))
        .find(|&c| contrast(c, white) >= MIN_CONTRAST)
        .unwrap_or(Color::rgb(0, 0, 0))
}

fn mix_black(c: Color, amount: f64) -> Color {
    let f = |v: u8| (f64::from(v) * (1.0 - amount)).round() as u8;
    Color::rgb(f(c.r), f(c.g), f(c.b))
}

/// The WCAG 2 contrast ratio of two colours, from 1 to 21.
pub(crate) fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// WCAG 2 relative luminance of an sRGB colour.
fn luminance(c: Color) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_pairs() {
        let white = Color::rgb(255, 255, 255);
        assert!((contrast(Color::rgb(0, 0, 0), white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
        // #767676 is the classic lightest grey that passes AA on white.
        let grey = contrast(Color::rgb(0x76, 0x76, 0x76), white);
        assert!((4.5..4.6).contains(&grey), "{grey}");
    }

    #[test]
    fn readable_keeps_good_colours_and_darkens_pale_ones() {
        let theme = Theme::default();
        for c in [theme.accent, theme.text, theme.muted, theme.link] {
            assert_eq!(readable(c), c);
        }
        let pale = Color::rgb(0x99, 0xcc, 0xff);
        let fixed = readable(pale);
        assert_ne!(fixed, pale);
        assert!(contrast(fixed, Color::rgb(255, 255, 255)) >= MIN_CONTRAST);
        // Still blue: darkening keeps the hue's order of channels.
        assert!(fixed.b > fixed.g && fixed.g > fixed.r);
    }

    #[test]
    fn numbers_are_short_and_valid() {
        assert_eq!(num(2.4), "2.4");
        assert_eq!(num(10.0), "10");
        assert_eq!(num(1.0 / 3.0), "0.3333");
        assert_eq!(num(-0.00001), "0");
    }

    #[test]
    fn css_follows_the_theme() {
        let render = |theme: &Theme| {
            let g = Geometry::new(theme);
            css(theme, &g, Fit::theme(&g)).unwrap()
        };
        let mut theme = Theme {
            body_size: 10.0,
            ..Theme::default()
        };
        let css = render(&theme);
        assert!(css.contains("size: letter"), "{css}");
        assert!(css.contains("#004f90"));
        assert!(css.contains("font-size: 10pt"));
        theme.paper = Paper::A4;
        theme.body_size = 11.0;
        theme.accent = Color::rgb(0x80, 0x20, 0x20);
        let css = render(&theme);
        assert!(css.contains("size: A4"));
        assert!(css.contains("font-size: 11pt"));
        assert!(css.contains("#802020"));
        assert!(!css.contains("NaN"));
    }
}
