//! The laid-out pages as readable text: what golden tests compare, so a
//! change in the layout shows as the lines that moved rather than as a new
//! hash.

use std::fmt::Write as _;

use resume_document::Design;

use crate::fonts::Fonts;
use crate::layout::{Laid, Placed};
use crate::text::Para;
use crate::write::{lines, pieces};

/// One line per icon and rectangle, then one per run of text in one font,
/// size and colour: kind or structure tag, position in points from the
/// page's top left (a text's left end and baseline), font, size, colour and
/// text.
pub(crate) fn dump(laid: &Laid, paras: &[Para], fonts: &Fonts<'_>, design: &Design) -> String {
    let mut out = String::new();
    let pages = lines(laid, paras);
    for (n, (items, texts)) in laid.pages.iter().zip(&pages).enumerate() {
        let _ = writeln!(
            out,
            "page {} ({} x {} pt, body {} pt, spacing {} %)",
            n + 1,
            pt(design.page.0),
            pt(design.page.1),
            design.fit.body,
            (design.fit.spacing * 100.0).round()
        );
        for item in items {
            if let Placed::Icon {
                icon,
                x,
                baseline,
                size,
                color,
            } = item
            {
                let _ = writeln!(
                    out,
                    "  icon {} x={} y={} {} {}",
                    icon.name(),
                    pt(*x),
                    pt(*baseline),
                    pt(*size),
                    color.hex()
                );
            }
            if let Placed::Rect {
                x,
                y,
                w,
                h,
                color,
                kind,
            } = item
            {
                let _ = writeln!(
                    out,
                    "  {} x={} y={} w={} h={} {}",
                    kind.name(),
                    pt(*x),
                    pt(*y),
                    pt(*w),
                    pt(*h),
                    color.hex()
                );
            }
        }
        for (baseline, size, tag, _, glyphs) in texts {
            for piece in pieces(glyphs) {
                let first = &glyphs[piece.start];
                let text: String = glyphs[piece].iter().map(|g| g.text).collect();
                let face = &fonts.face(usize::from(first.face)).ps_name;
                let (small, scale) = if first.small {
                    (" small-caps", crate::fonts::SMALL_CAPS_SCALE)
                } else {
                    ("", 1.0)
                };
                let _ = writeln!(
                    out,
                    "  {} x={} y={} {face}{small} {} {} {text:?}",
                    tag.name(),
                    pt(first.x),
                    pt(*baseline),
                    pt(size * scale),
                    first.color.hex()
                );
            }
        }
    }
    out
}

/// A length rounded to 0.1 pt, without a negative zero.
fn pt(v: f32) -> String {
    let r = (v * 10.0).round() / 10.0;
    format!("{:.1}", if r == 0.0 { 0.0 } else { r })
}
