//! Contact icons, drawn as strokes rather than taken from an icon font: they
//! stay sharp at any size, cost a few bytes, and add nothing to the text a
//! reader or an applicant tracking system extracts (icon fonts put
//! private-use characters there).

use resume_document::ContactKind;

/// The width an icon takes in its line, gap to the text included, in em of
/// the contact line's size.
pub(crate) const ICON_ADVANCE: f32 = 1.15;

/// Side of the square an icon is drawn in, in em.
pub(crate) const BOX: f32 = 0.8;

/// Stroke width, in em.
const STROKE: f32 = 0.075;

/// What an icon shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Icon {
    Phone,
    Email,
    Website,
    Location,
    /// A profile on a code host (GitHub, GitLab and the like).
    Code,
    /// A profile on any other network.
    Person,
}

impl Icon {
    /// The icon for a contact item.
    pub fn for_contact(kind: ContactKind, label: &str) -> Icon {
        match kind {
            ContactKind::Phone => Icon::Phone,
            ContactKind::Email => Icon::Email,
            ContactKind::Website => Icon::Website,
            ContactKind::Location => Icon::Location,
            ContactKind::Profile => {
                let label = label.to_ascii_lowercase();
                if ["github", "gitlab", "codeberg", "bitbucket", "sourcehut"]
                    .iter()
                    .any(|host| label.contains(host))
                {
                    Icon::Code
                } else {
                    Icon::Person
                }
            }
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Icon::Phone => "phone",
            Icon::Email => "email",
            Icon::Website => "website",
            Icon::Location => "location",
            Icon::Code => "code",
            Icon::Person => "person",
        }
    }

    /// The icon's strokes, in a unit square with y going up.
    pub fn strokes(self) -> Vec<Stroke> {
        match self {
            Icon::Phone => vec![
                rounded_rect(0.25, 0.0, 0.75, 1.0, 0.1),
                open(&[(0.42, 0.13), (0.58, 0.13)]),
            ],
            Icon::Email => vec![
                closed(&[(0.0, 0.12), (1.0, 0.12), (1.0, 0.88), (0.0, 0.88)]),
                open(&[(0.0, 0.88), (0.5, 0.45), (1.0, 0.88)]),
            ],
            Icon::Website => vec![
                ellipse(0.5, 0.5, 0.5, 0.5),
                ellipse(0.5, 0.5, 0.2, 0.5),
                open(&[(0.0, 0.5), (1.0, 0.5)]),
            ],
            Icon::Location => vec![pin(), ellipse(0.5, 0.66, 0.13, 0.13)],
            Icon::Code => vec![
                open(&[(0.3, 0.8), (0.0, 0.5), (0.3, 0.2)]),
                open(&[(0.7, 0.8), (1.0, 0.5), (0.7, 0.2)]),
                open(&[(0.58, 0.92), (0.42, 0.08)]),
            ],
            Icon::Person => vec![
                ellipse(0.5, 0.74, 0.22, 0.22),
                Stroke {
                    points: vec![
                        Pt::line(0.08, 0.0),
                        Pt::control(0.08, 0.3),
                        Pt::control(0.28, 0.46),
                        Pt::line(0.5, 0.46),
                        Pt::control(0.72, 0.46),
                        Pt::control(0.92, 0.3),
                        Pt::line(0.92, 0.0),
                    ],
                    closed: false,
                },
            ],
        }
    }
}

/// Where an icon is drawn: its square's left edge and bottom, its side and
/// the stroke width, in points from the page's top left (y going down to
/// the bottom edge). The square is centred on the capitals of the text.
pub(crate) fn frame(x: f32, baseline: f32, size: f32, cap: f32) -> (f32, f32, f32, f32) {
    let side = BOX * size;
    let middle = baseline - cap * size / 2.0;
    (x, middle + side / 2.0, side, STROKE * size)
}

/// A point of a stroke: on the path, or a Bézier control point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Pt {
    pub x: f32,
    pub y: f32,
    pub control: bool,
}

impl Pt {
    const fn line(x: f32, y: f32) -> Pt {
        Pt {
            x,
            y,
            control: false,
        }
    }

    const fn control(x: f32, y: f32) -> Pt {
        Pt {
            x,
            y,
            control: true,
        }
    }
}

/// One stroked path: points where every two control points are followed by
/// the end of their cubic curve.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stroke {
    pub points: Vec<Pt>,
    pub closed: bool,
}

fn open(points: &[(f32, f32)]) -> Stroke {
    Stroke {
        points: points.iter().map(|&(x, y)| Pt::line(x, y)).collect(),
        closed: false,
    }
}

fn closed(points: &[(f32, f32)]) -> Stroke {
    Stroke {
        closed: true,
        ..open(points)
    }
}

/// How far a quarter circle's control points stand from its ends, as a
/// fraction of the radius.
const KAPPA: f32 = 0.552_284_8;

fn ellipse(cx: f32, cy: f32, rx: f32, ry: f32) -> Stroke {
    let (kx, ky) = (rx * KAPPA, ry * KAPPA);
    Stroke {
        points: vec![
            Pt::line(cx + rx, cy),
            Pt::control(cx + rx, cy + ky),
            Pt::control(cx + kx, cy + ry),
            Pt::line(cx, cy + ry),
            Pt::control(cx - kx, cy + ry),
            Pt::control(cx - rx, cy + ky),
            Pt::line(cx - rx, cy),
            Pt::control(cx - rx, cy - ky),
            Pt::control(cx - kx, cy - ry),
            Pt::line(cx, cy - ry),
            Pt::control(cx + kx, cy - ry),
            Pt::control(cx + rx, cy - ky),
            Pt::line(cx + rx, cy),
        ],
        closed: true,
    }
}

fn rounded_rect(x0: f32, y0: f32, x1: f32, y1: f32, r: f32) -> Stroke {
    let k = r * (1.0 - KAPPA);
    Stroke {
        points: vec![
            Pt::line(x0 + r, y0),
            Pt::line(x1 - r, y0),
            Pt::control(x1 - k, y0),
            Pt::control(x1, y0 + k),
            Pt::line(x1, y0 + r),
            Pt::line(x1, y1 - r),
            Pt::control(x1, y1 - k),
            Pt::control(x1 - k, y1),
            Pt::line(x1 - r, y1),
            Pt::line(x0 + r, y1),
            Pt::control(x0 + k, y1),
            Pt::control(x0, y1 - k),
            Pt::line(x0, y1 - r),
            Pt::line(x0, y0 + r),
            Pt::control(x0, y0 + k),
            Pt::control(x0 + k, y0),
            Pt::line(x0 + r, y0),
        ],
        closed: true,
    }
}

/// A map pin: a round head narrowing to a point at the bottom.
fn pin() -> Stroke {
    Stroke {
        points: vec![
            Pt::line(0.5, 0.0),
            Pt::control(0.38, 0.22),
            Pt::control(0.18, 0.42),
            Pt::line(0.18, 0.66),
            Pt::control(0.18, 0.86),
            Pt::control(0.33, 1.0),
            Pt::line(0.5, 1.0),
            Pt::control(0.67, 1.0),
            Pt::control(0.82, 0.86),
            Pt::line(0.82, 0.66),
            Pt::control(0.82, 0.42),
            Pt::control(0.62, 0.22),
            Pt::line(0.5, 0.0),
        ],
        closed: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_stays_in_its_square_and_curves_are_whole() {
        for icon in [
            Icon::Phone,
            Icon::Email,
            Icon::Website,
            Icon::Location,
            Icon::Code,
            Icon::Person,
        ] {
            for stroke in icon.strokes() {
                assert!(!stroke.points[0].control, "{icon:?}");
                // Control points come in pairs before an end point.
                let mut run = 0;
                for p in &stroke.points {
                    if p.control {
                        run += 1;
                    } else {
                        assert!(run == 0 || run == 2, "{icon:?}");
                        run = 0;
                    }
                    assert!((-0.01..=1.01).contains(&p.x), "{icon:?}");
                    assert!((-0.01..=1.01).contains(&p.y), "{icon:?}");
                }
                assert_eq!(run, 0, "{icon:?}");
            }
        }
        assert_eq!(
            Icon::for_contact(ContactKind::Profile, "GitHub"),
            Icon::Code
        );
        assert_eq!(
            Icon::for_contact(ContactKind::Profile, "LinkedIn"),
            Icon::Person
        );
    }
}
