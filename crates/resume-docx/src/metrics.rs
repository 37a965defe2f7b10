//! The theme converted once into WordprocessingML units.
//!
//! Word measures lengths in twentieths of a point ("twips"), font sizes in
//! half-points and border widths in eighths of a point. Every value is
//! checked here, so a theme with a NaN, negative or absurd number still
//! yields a well-formed document with the default's value in its place.

use resume_document::{Color, Theme};

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
    /// titles. Larger text gets the body's leading, less a little, as
    /// display type is set tighter.
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
    /// Letter spacing of section titles, in twips.
    pub section_tracking: i32,
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

impl Metrics {
    pub(crate) fn new(theme: &Theme) -> Metrics {
        let d = Theme::default();
        let body = sane(theme.body_size, d.body_size, 4.0, 40.0);
        let leading = sane(theme.leading, d.leading, 0.8, 3.0);
        let line = body * leading;
        let name = sane(theme.name_size, d.name_size, 4.0, 120.0);
        let section = sane(theme.section_size, d.section_size, 4.0, 60.0);
        let section_gap = sane(theme.section_gap, d.section_gap, 0.0, 10.0);
        let entry_gap = sane(theme.entry_gap, d.entry_gap, 0.0, 10.0);
        let bullet = sane(theme.bullet_indent, d.bullet_indent, 0.0, 72.0);

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

        // The bullet hangs in the indent a little right of the margin, as the
        // list markers do in the HTML and PDF.
        let bullet_indent = twips(bullet);
        Metrics {
            page,
            margins,
            text_width,
            body_size: half_points(body),
            name_size: half_points(name),
            headline_size: half_points(body * 1.1),
            section_size: half_points(section),
            line: twips(line),
            name_line: twips(name * (leading - 0.07).max(1.0)),
            headline_line: twips(body * 1.1 * leading),
            section_line: twips(section * leading),
            section_before: twips(section_gap * line),
            section_after: twips(body * 0.35),
            entry_before: twips(entry_gap * line),
            role_before: twips(body * 0.3),
            item_before: twips(body * 0.1),
            paragraph_after: twips(body * 0.35),
            contacts_before: twips(body * 0.35),
            section_tracking: twips(section * 0.07) as i32,
            bullet_indent,
            bullet_hang: bullet_indent * 3 / 4,
            accent: hex(theme.accent),
            text: hex(theme.text),
            muted: hex(theme.muted),
            link: hex(theme.link),
            rule: hex(theme.rule),
        }
    }
}

fn hex(c: Color) -> String {
    c.hex_upper()
}

#[cfg(test)]
mod tests {
    use super::*;
    use resume_document::Paper;

    #[test]
    fn default_theme_in_word_units() {
        let m = Metrics::new(&Theme::default());
        assert_eq!(m.page, (12240, 15840));
        assert_eq!(m.margins, [720, 864, 720, 864]);
        assert_eq!(m.text_width, 12240 - 2 * 864);
        assert_eq!(m.body_size, 20);
        assert_eq!(m.name_size, 48);
        assert_eq!(m.line, 244);
        assert_eq!(m.accent, "004F90");
    }

    #[test]
    fn a4_and_custom_margins() {
        let mut theme = Theme::default();
        theme.paper = Paper::A4;
        theme.margins = resume_document::Margins::uniform(54.0);
        let m = Metrics::new(&theme);
        assert_eq!(m.page, (11906, 16838));
        assert_eq!(m.margins, [1080; 4]);
        assert_eq!(m.text_width, 11906 - 2160);
    }

    #[test]
    fn broken_numbers_fall_back_to_the_default() {
        let mut theme = Theme::default();
        theme.body_size = f32::NAN;
        theme.leading = -1.0;
        theme.name_size = f32::INFINITY;
        theme.margins = resume_document::Margins::uniform(300.0);
        let m = Metrics::new(&theme);
        assert_eq!(m, Metrics::new(&Theme::default()));
    }
}
