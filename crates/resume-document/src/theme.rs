//! The visual parameters shared by the PDF, DOCX and HTML backends, so the
//! three look like one family.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Color {
        Color { r, g, b }
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

/// Typographic parameters. Sizes are in points; spacing is derived from
/// `body_size` and `leading` so the rhythm stays consistent when the
/// size changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub paper: Paper,
    pub margins: Margins,
    /// Body text size.
    pub body_size: f32,
    /// Line height as a multiple of the font size.
    pub leading: f32,
    /// The name at the top.
    pub name_size: f32,
    /// Section titles.
    pub section_size: f32,
    /// Space before a section title, in multiples of the body line height.
    pub section_gap: f32,
    /// Space between entries, in multiples of the body line height.
    pub entry_gap: f32,
    /// Indent of bullet text, in points; the bullet hangs in it.
    pub bullet_indent: f32,
    /// Name and section titles.
    pub accent: Color,
    pub text: Color,
    /// Dates, locations and keyword lines.
    pub muted: Color,
    pub link: Color,
    /// Rule under section titles.
    pub rule: Color,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme {
            paper: Paper::Letter,
            margins: Margins {
                top: 32.0,
                right: 36.0,
                bottom: 32.0,
                left: 36.0,
            },
            body_size: 9.5,
            leading: 1.18,
            name_size: 22.0,
            section_size: 12.0,
            section_gap: 0.75,
            entry_gap: 0.4,
            bullet_indent: 12.0,
            accent: Color::rgb(0x00, 0x4f, 0x90),
            text: Color::rgb(0x1a, 0x1a, 0x1a),
            muted: Color::rgb(0x4a, 0x4a, 0x4a),
            link: Color::rgb(0x00, 0x4f, 0x90),
            rule: Color::rgb(0x00, 0x4f, 0x90),
        }
    }
}

impl Theme {
    /// The body line height in points.
    pub fn line_height(&self) -> f32 {
        self.body_size * self.leading
    }
}
