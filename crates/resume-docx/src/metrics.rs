//! The theme converted once into WordprocessingML units.
//!
//! Word measures lengths in twentieths of a point ("twips"), font sizes in
//! half-points and border widths in eighths of a point. Every value is
//! checked here, so a theme with a NaN, negative or absurd number still
//! yields a well-formed document with the default's value in its place.

use resume_document::{Color, Theme};

/// How far fitting has tightened the layout; the same two knobs, applied
/// the same way, as the PDF backend's `fit_pages`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Fit {
    /// Multiplier of every vertical gap, 1.0 as the theme says. Tightening
    /// also takes up to half of the leading above single spacing.
    pub spacing: f32,
    /// Body text size in points; headings scale with it.
    pub body: f32,
}

impl Fit {
    /// The layout the theme asks for.
    pub(crate) fn natural(theme: &Theme) -> Fit {
        Fit {
            spacing: 1.0,
            body: body_size(theme),
        }
    }
}

/// The layout numbers every part of the package is written from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Metrics {
    /// Page width and height in twips.
    pub page: (u32, u32),
    /// Top, right, bottom and left margins in twips.
    pub margins: [u32; 4],
    /// Width between the margins in twips: where right tab stops go.
    pub text_width: u32,
    /// Font sizes in half-points.
    pub body_size: usize,
    pub name_size: usize,
    pub headline_size: usize,
    pub section_size: usize,
    /// Line heights in twips: body text, the name, the headline and section
    /// titles. The name is set a little tighter than text, as display type
    /// is.
    pub line: u32,
    pub name_line: u32,
    pub headline_line: u32,
    pub section_line: u32,
    /// Space above a section title, in twips.
    pub section_before: u32,
    /// Space between a section title's rule and its first line, in twips.
    pub section_after: u32,
    /// Space above an entry, in twips.
    pub entry_before: u32,
    /// Space above a role inside an entry, in twips.
    pub role_before: u32,
    /// Space above a bullet or list item, in twips.
    pub item_before: u32,
    /// Space between running paragraphs, in twips.
    pub paragraph_after: u32,
    /// Space above the contact line, in twips.
    pub contacts_before: u32,
    /// Where bullet text starts and how far the bullet hangs, in twips.
    pub bullet_indent: u32,
    pub bullet_hang: u32,
    /// Colours as `RRGGBB`.
    pub accent: String,
    pub text: String,
    pub muted: String,
    pub link: String,
    pub rule: String,
}

/// The rule under section titles: its width in eighths of a point and its
/// distance from the text in points.
pub(crate) const RULE_SIZE: u32 = 6;
pub(crate) const RULE_SPACE: u32 = 1;

/// Points to twips, rounded.
fn twips(pt: f32) -> u32 {
    (pt * 20.0).round().max(0.0) as u32
}

/// Points to half-points, rounded.
fn half_points(pt: f32) -> usize {
    (pt * 2.0).round().max(1.0) as usize
}

/// `x` when it is finite and in `min..=max`, else `default`.
fn sane(x: f32, default: f32, min: f32, max: f32) -> f32 {
    if x.is_finite() && (min..=max).contains(&x) {
        x
    } else {
        default
    }
}

fn body_size(theme: &Theme) -> f32 {
    sane(theme.body_size, Theme::default().body_size, 4.0, 40.0)
}

impl Metrics {
    pub(crate) fn new(theme: &Theme, fit: Fit) -> Metrics {
        let d = Theme::default();
        let natural_body = body_size(theme);
        let body = sane(fit.body, natural_body, 4.0, natural_body);
        let scale = body / natural_body;
        let spacing = sane(fit.spacing, 1.0, 0.0, 1.0);
        let theme_leading = sane(theme.leading, d.leading, 0.8, 3.0);
        // Tightening keeps at least half of the leading above single spacing.
        let leading = if theme_leading > 1.0 {
            1.0 + (theme_leading - 1.0) * (0.5 + 0.5 * spacing)
        } else {
            theme_leading
        };
        let line = body * leading;
        let name = sane(theme.name_size, d.name_size, 4.0, 120.0) * scale;
        let section = sane(theme.section_size, d.section_size, 4.0, 60.0) * scale;
        let headline = body * 1.1;
        let section_gap = sane(theme.section_gap, d.section_gap, 0.0, 10.0) * spacing;
        let entry_gap = sane(theme.entry_gap, d.entry_gap, 0.0, 10.0) * spacing;
        let bullet = sane(theme.bullet_indent, d.bullet_indent, 0.0, 72.0) * scale;

        let (w, h) = theme.paper.size_pt();
        // Two inches at most on each side leaves a text block of at least
        // four and a half inches on either paper.
        let margin = |x: f32, default: f32| twips(sane(x, default, 0.0, 144.0));
        let m = &theme.margins;
        let margins = [
            margin(m.top, d.margins.top),
            margin(m.right, d.margins.right),
            margin(m.bottom, d.margins.bottom),
            margin(m.left, d.margins.left),
        ];
        let page = (twips(w), twips(h));
        let text_width = page.0 - margins[1] - margins[3];

        let bullet_indent = twips(bullet);
        Metrics {
            page,
            margins,
            text_width,
            body_size: half_points(body),
            name_size: half_points(name),
            headline_size: half_points(headline),
            section_size: half_points(section),
            line: twips(line),
            name_line: twips(name * (leading - 0.07).max(1.0)),
            headline_line: twips(headline * leading),
            section_line: twips(section * leading),
            section_before: twips(section_gap * line),
            section_after: twips(0.3 * line * spacing),
            entry_before: twips(entry_gap * line),
            role_before: twips(0.5 * entry_gap * line),
            item_before: twips(0.1 * body * spacing),
            paragraph_after: twips(0.3 * line * spacing),
            contacts_before: twips(0.3 * line * spacing),
            // The bullet hangs in the indent a little right of the margin,
            // as the list markers do in the HTML and the PDF.
            bullet_indent,
            bullet_hang: bullet_indent * 3 / 4,
            accent: hex(theme.accent),
            text: hex(theme.text),
            muted: hex(theme.muted),
            link: hex(theme.link),
            rule: hex(theme.rule),
        }
    }

    /// The height of the page between the margins, in twips.
    pub(crate) fn text_height(&self) -> u32 {
        self.page.1 - self.margins[0] - self.margins[2]
    }
}

fn hex(c: Color) -> String {
    c.hex_upper()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use resume_document::{Margins, Paper};

    fn natural(theme: &Theme) -> Metrics {
        Metrics::new(theme, Fit::natural(theme))
    }

    /// A theme with fixed values, so these tests do not move when the
    /// defaults are tuned.
    pub(crate) fn reference_theme() -> Theme {
        Theme {
            margins: Margins {
                top: 36.0,
                right: 43.2,
                bottom: 36.0,
                left: 43.2,
            },
            body_size: 10.0,
            leading: 1.22,
            name_size: 24.0,
            section_size: 12.0,
            section_gap: 0.8,
            entry_gap: 0.45,
            ..Theme::default()
        }
    }

    #[test]
    fn reference_theme_in_word_units() {
        let m = natural(&reference_theme());
        assert_eq!(m.page, (12240, 15840));
        assert_eq!(m.margins, [720, 864, 720, 864]);
        assert_eq!(m.text_width, 12240 - 2 * 864);
        assert_eq!(m.text_height(), 15840 - 2 * 720);
        assert_eq!(m.body_size, 20);
        assert_eq!(m.name_size, 48);
        assert_eq!(m.section_size, 24);
        assert_eq!(m.line, 244);
        assert_eq!(m.accent, "004F90");
    }

    #[test]
    fn a4_and_custom_margins() {
        let theme = Theme {
            paper: Paper::A4,
            margins: Margins::uniform(54.0),
            ..Theme::default()
        };
        let m = natural(&theme);
        assert_eq!(m.page, (11906, 16838));
        assert_eq!(m.margins, [1080; 4]);
        assert_eq!(m.text_width, 11906 - 2160);
    }

    #[test]
    fn broken_numbers_fall_back_to_the_default() {
        let theme = Theme {
            body_size: f32::NAN,
            leading: -1.0,
            name_size: f32::INFINITY,
            margins: Margins::uniform(300.0),
            ..Theme::default()
        };
        assert_eq!(natural(&theme), natural(&Theme::default()));
    }

    #[test]
    fn fitting_tightens_gaps_and_scales_sizes() {
        let theme = Theme::default();
        let loose = natural(&theme);
        let tight = Metrics::new(
            &theme,
            Fit {
                spacing: 0.5,
                body: 9.0,
            },
        );
        assert_eq!(tight.body_size, 18);
        assert!(tight.name_size < loose.name_size);
        assert!(tight.line < loose.line);
        assert!(tight.section_before < loose.section_before / 2 + 1);
        assert!(tight.entry_before < loose.entry_before);
        // Never larger than the theme, whatever the fit says.
        let big = Metrics::new(
            &theme,
            Fit {
                spacing: 3.0,
                body: 30.0,
            },
        );
        assert_eq!(big, loose);
    }
}
