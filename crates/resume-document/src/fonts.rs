//! The bundled type families' font files, from their crates: the one
//! place PDF and HTML take the faces they embed from.

use crate::theme::Family;

/// The font file of `family` in the given style (TrueType or OpenType/CFF).
pub fn face_data(family: Family, bold: bool, italic: bool) -> &'static [u8] {
    match family {
        Family::NotoSans => match (bold, italic) {
            (false, false) => notosans::REGULAR_TTF,
            (false, true) => notosans::ITALIC_TTF,
            (true, false) => notosans::BOLD_TTF,
            (true, true) => notosans::BOLD_ITALIC_TTF,
        },
        Family::LibertinusSerif => {
            // typst-assets lists Libertinus Serif regular, bold, italic,
            // bold italic first.
            let i = usize::from(bold) + 2 * usize::from(italic);
            typst_assets::fonts()
                .nth(i)
                .unwrap_or(notosans::REGULAR_TTF)
        }
    }
}
