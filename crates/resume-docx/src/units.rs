//! The resolved [`Design`] in WordprocessingML's units.
//!
//! Word measures lengths in twentieths of a point ("twips"), font sizes in
//! half-points, border widths in eighths of a point and the distance of a
//! border from its text in whole points. Every conversion saturates, so a
//! number out of range gives a well-formed file rather than a panic; the
//! design itself has already replaced unusable numbers with sane ones.

use resume_document::{Color, Design, TitleStyle};

/// Points to twips, rounded.
pub(crate) fn twips(pt: f32) -> u32 {
    // `as` saturates and maps NaN to 0.
    (pt * 20.0).round().max(0.0) as u32
}

/// Points to half-points, rounded; at least one point, which Word needs.
pub(crate) fn half_points(pt: f32) -> usize {
    ((pt * 2.0).round() as usize).max(2)
}

/// A colour as WordprocessingML writes it, `RRGGBB`.
pub(crate) fn hex(c: Color) -> String {
    c.hex_upper()
}

/// One side of a paragraph border.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Border {
    /// Width in eighths of a point, 2 to 96 as the schema allows.
    pub size: u32,
    /// Distance from the text in whole points, 0 to 31.
    pub space: u32,
    /// `RRGGBB`.
    pub color: String,
}

impl Border {
    fn new(width_pt: f32, space_pt: f32, color: Color) -> Border {
        Border {
            size: ((width_pt * 8.0).round() as u32).clamp(2, 96),
            space: (space_pt.round() as u32).min(31),
            color: hex(color),
        }
    }

    /// Height the border adds to its paragraph, in points: its distance
    /// from the text and its width.
    fn height(&self) -> f32 {
        self.space as f32 + self.size as f32 / 8.0
    }
}

/// How a section title paragraph is drawn: its borders, its fill and the
/// space around it, in twips.
///
/// Word can set a title apart only with the paragraph's own borders and
/// shading; a drawn line or a table would break the one column of text
/// that résumé parsers read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TitleBox {
    pub top: Option<Border>,
    pub bottom: Option<Border>,
    /// Borders in the fill's colour on the left and right, so the band
    /// reaches past the text on both sides.
    pub sides: Option<Border>,
    /// Shading fill, `RRGGBB`.
    pub fill: Option<String>,
    pub before: u32,
    pub after: u32,
}

impl TitleBox {
    pub(crate) fn new(d: &Design) -> TitleBox {
        let t = &d.section_title;
        let rule = &d.rule;
        // What the design adds to the title's line above and below it; the
        // border's own rounding to whole points is taken back from the
        // space outside it, so the title stands as tall as the design says
        // and the page estimate holds.
        let mut above = 0.0;
        let mut below = 0.0;
        let mut b = TitleBox {
            top: None,
            bottom: None,
            sides: None,
            fill: None,
            before: 0,
            after: 0,
        };
        match rule.style {
            // Word cannot draw a rule beside a title without a table or a
            // drawing, both of which résumé parsers trip over, so a rule
            // beside becomes a rule under the title: the same accent, the
            // same weight, in a place every reader handles.
            TitleStyle::RuleUnder | TitleStyle::RuleBeside => {
                let want = d.title_height() - t.line;
                let border = Border::new(rule.thickness, 0.15 * t.size, rule.color);
                below = want - border.height();
                b.bottom = Some(border);
            }
            TitleStyle::Band => {
                // Borders in the band's own colour hold the shading open
                // above and below the text: Word fills a bordered paragraph
                // out to its borders.
                let pad = rule.band_pad;
                let edge = Border::new(0.25, pad - 0.25, rule.band);
                above = pad - edge.height();
                below = pad - edge.height();
                b.sides = Some(Border::new(0.25, pad, rule.band));
                b.top = Some(edge.clone());
                b.bottom = Some(edge);
                b.fill = Some(hex(rule.band));
            }
            TitleStyle::Plain => {}
        }
        b.before = twips(d.gaps.section + above);
        b.after = twips(d.gaps.after_title + below);
        b
    }

    /// The inset of the title's text from either margin: Word draws side
    /// borders that far outside the text, so with the text moved in by as
    /// much the band spans the measure exactly and the text has room on
    /// both sides.
    pub(crate) fn inset(&self) -> u32 {
        self.sides
            .as_ref()
            .map_or(0, |s| s.space * 20 + s.size * 20 / 8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use resume_document::Theme;

    #[test]
    fn conversions_round_and_saturate() {
        assert_eq!(twips(36.0), 720);
        assert_eq!(twips(-3.0), 0);
        assert_eq!(twips(f32::NAN), 0);
        assert_eq!(twips(f32::INFINITY), u32::MAX);
        assert_eq!(half_points(9.5), 19);
        assert_eq!(half_points(0.0), 2);
        assert_eq!(hex(Color::rgb(0, 0x4f, 0x90)), "004F90");
    }

    #[test]
    fn a_title_box_is_as_tall_as_the_design_says() {
        for name in resume_model::THEMES {
            let theme = Theme::builtin(name).unwrap();
            let d = Design::natural(&theme);
            let b = TitleBox::new(&d);
            let borders: f32 = [&b.top, &b.bottom]
                .into_iter()
                .flatten()
                .map(Border::height)
                .sum();
            let word = (b.before + b.after) as f32 / 20.0 + borders + d.section_title.line;
            let design = d.gaps.section + d.title_height() + d.gaps.after_title;
            assert!((word - design).abs() < 0.1, "{name}: {word} vs {design}");
        }
    }
}
