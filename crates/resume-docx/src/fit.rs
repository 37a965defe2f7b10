//! Fitting the résumé on a number of pages.
//!
//! Word and LibreOffice lay a DOCX out when they open it, so this crate
//! cannot count pages; it estimates them. Each paragraph is broken into
//! lines greedily at Unicode line-break opportunities, as both programs do,
//! with the advance widths of Calibri (the widths of Carlito, its
//! metric-compatible substitute, are the same), and the heights of lines and
//! gaps are summed. The estimate is then held a line short of the page, so
//! small differences (kerning, a break one word earlier) do not spill a
//! page. Tightening follows the PDF backend: the vertical gaps first, then
//! the body size in small steps down to a readable floor.

use resume_document::Theme;
use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_width::UnicodeWidthChar;

use crate::metrics::{Fit, Metrics, RULE_SIZE, RULE_SPACE};
use crate::plan::{Kind, Para, Piece};

/// Spacing steps tried first, as fractions of the theme's gaps.
const SPACING_STEPS: [f32; 3] = [0.85, 0.7, 0.55];
/// After a size step, the spacing is given back in this many steps.
const LOOSEN_STEPS: usize = 9;
/// Then the body size shrinks in steps of this many points.
const SIZE_STEP: f32 = 0.25;
/// The smallest body size fitting goes down to, the PDF backend's: below it
/// a printed résumé stops being comfortable to read.
pub const READABLE_FLOOR: f32 = 8.5;

/// What fitting chose, and a sentence on what it changed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fitted {
    pub fit: Fit,
    pub metrics: Metrics,
    pub note: Option<String>,
}

/// The metrics that fit `paras` on `pages` pages by the estimate, or the
/// tightest ones with a note saying it still does not fit.
pub(crate) fn fit(paras: &[Para], theme: &Theme, pages: usize) -> Fitted {
    let natural = Fit::natural(theme);
    let metrics = Metrics::new(theme, natural);
    if fits(paras, &metrics, pages) {
        return Fitted {
            fit: natural,
            metrics,
            note: None,
        };
    }
    let mut attempts: Vec<Fit> = SPACING_STEPS
        .iter()
        .map(|&spacing| Fit {
            spacing,
            body: natural.body,
        })
        .collect();
    let spacing = SPACING_STEPS[SPACING_STEPS.len() - 1];
    let mut body = natural.body - SIZE_STEP;
    while body >= READABLE_FLOOR - 1e-3 {
        attempts.push(Fit { spacing, body });
        body -= SIZE_STEP;
    }
    let mut last = (natural, metrics);
    for fit in attempts {
        let metrics = Metrics::new(theme, fit);
        if fits(paras, &metrics, pages) {
            let (fit, metrics) = loosen(paras, theme, pages, fit, metrics);
            return Fitted {
                note: Some(note(natural, fit, pages, true)),
                fit,
                metrics,
            };
        }
        last = (fit, metrics);
    }
    let (fit, metrics) = last;
    Fitted {
        note: Some(note(natural, fit, pages, false)),
        fit,
        metrics,
    }
}

/// Once a smaller size fits, gives back as much of the spacing as still
/// fits, so the page is filled evenly rather than ending in a gap.
fn loosen(
    paras: &[Para],
    theme: &Theme,
    pages: usize,
    fit: Fit,
    metrics: Metrics,
) -> (Fit, Metrics) {
    let floor = SPACING_STEPS[SPACING_STEPS.len() - 1];
    if fit.spacing > floor {
        return (fit, metrics);
    }
    (1..=LOOSEN_STEPS)
        .rev()
        .map(|i| Fit {
            spacing: floor + (1.0 - floor) * i as f32 / LOOSEN_STEPS as f32,
            ..fit
        })
        .map(|f| (f, Metrics::new(theme, f)))
        .find(|(_, m)| fits(paras, m, pages))
        .unwrap_or((fit, metrics))
}

fn note(natural: Fit, fit: Fit, pages: usize, fitted: bool) -> String {
    let mut changes = vec![format!("spacing tightened to {:.0} %", fit.spacing * 100.0)];
    // Word stores sizes in half-points: say the sizes the file holds. A
    // quarter-point step leaves the body as it was and scales the headings.
    let written = |pt: f32| (pt * 2.0).round() / 2.0;
    if written(fit.body) < written(natural.body) {
        changes.push(format!(
            "body text {} pt → {} pt, headings scaled alike",
            written(natural.body),
            written(fit.body)
        ));
    } else if fit.body < natural.body {
        changes.push(format!(
            "headings scaled to {:.0} %",
            fit.body / natural.body * 100.0
        ));
    }
    let unit = if pages == 1 { "page" } else { "pages" };
    if fitted {
        format!(
            "fit-pages {pages}: {} (pages estimated from Calibri's metrics)",
            changes.join(", ")
        )
    } else {
        format!(
            "fit-pages {pages}: cannot fit on {pages} {unit}: with {} it still takes more by the estimate; all content kept",
            changes.join(", ")
        )
    }
}

/// Whether `paras` fit on `pages` pages with `m`, a body line to spare on
/// each page for what the estimate cannot know.
fn fits(paras: &[Para], m: &Metrics, pages: usize) -> bool {
    let room = (m.text_height() as f32 - m.line as f32) * pages as f32;
    height(paras, m) <= room
}

/// The estimated height of `paras` in twips.
pub(crate) fn height(paras: &[Para], m: &Metrics) -> f32 {
    paras.iter().map(|p| para_height(p, m)).sum()
}

fn para_height(p: &Para, m: &Metrics) -> f32 {
    let (line, size, before, after) = match p.kind {
        Kind::Name => (m.name_line, m.name_size, 0, 0),
        Kind::Headline => (m.headline_line, m.headline_size, 0, 0),
        Kind::Contacts => (m.line, m.body_size, m.contacts_before, 0),
        Kind::SectionTitle => (
            m.section_line,
            m.section_size,
            m.section_before,
            // The rule sits below the text, its distance and width added.
            m.section_after + RULE_SPACE * 20 + RULE_SIZE * 20 / 8,
        ),
        Kind::EntryHeading => (m.line, m.body_size, m.entry_before, 0),
        Kind::RoleHeading => (m.line, m.body_size, m.role_before, 0),
        Kind::EntryLine | Kind::Paragraph => (m.line, m.body_size, 0, 0),
        Kind::Bullet => (m.line, m.body_size, m.item_before, 0),
    };
    let before = if p.flush { 0 } else { before };
    let after = if p.gap_after {
        m.paragraph_after
    } else {
        after
    };
    let indent = if p.kind == Kind::Bullet {
        m.bullet_indent
    } else {
        0
    };
    let width = m.text_width.saturating_sub(indent) as f32;
    let rows = rows(p, size as f32 / 2.0, width);
    rows as f32 * line as f32 + before as f32 + after as f32
}

/// How many lines `p` takes at `size` points in `width` twips.
fn rows(p: &Para, size: f32, width: f32) -> usize {
    // Styles that are bold as a whole.
    let bold_style = matches!(p.kind, Kind::Name | Kind::SectionTitle);
    // The text and, for each of its bytes, the width of the character that
    // starts there (zero on the other bytes of a character).
    let mut text = String::new();
    let mut advances: Vec<f32> = Vec::new();
    for piece in &p.pieces {
        match piece {
            Piece::Tab => {
                // At least this much room between the left text and what
                // the right tab stop holds; a break may come after it.
                text.push('\t');
                advances.push(1.5 * size * 20.0);
            }
            Piece::Run(r) => {
                for c in r.text.chars() {
                    let units = advance(c, r.bold || bold_style, r.italic);
                    let w = f32::from(units) * size * 20.0 / 2048.0;
                    text.push(c);
                    advances.push(w);
                    advances.extend(std::iter::repeat_n(0.0, c.len_utf8() - 1));
                }
            }
        }
    }
    if text.is_empty() {
        return 1;
    }
    // Greedy breaking over the segments between break opportunities. A
    // segment's trailing spaces take no room at the end of a line.
    let width_of = |from: usize, to: usize| advances[from..to].iter().sum::<f32>();
    let mut lines = 1;
    let mut used = 0.0;
    let mut start = 0;
    for (end, kind) in linebreaks(&text) {
        let segment = &text[start..end];
        let full = width_of(start, end);
        let trimmed = segment.trim_end_matches([' ', '\u{a0}', '\t']);
        let visible = width_of(start, start + trimmed.len());
        if used > 0.0 && used + visible > width {
            lines += 1;
            used = 0.0;
        }
        if visible > width {
            // A word longer than the line is broken inside it.
            lines += (visible / width) as usize;
            used = visible % width;
        } else {
            used += full;
        }
        if kind == BreakOpportunity::Mandatory && end < text.len() {
            lines += 1;
            used = 0.0;
        }
        start = end;
    }
    lines
}

/// The advance of `c` in Calibri, in 1/2048 em.
fn advance(c: char, bold: bool, italic: bool) -> u16 {
    let table = match (bold, italic) {
        (true, _) => &BOLD,
        (false, true) => &ITALIC,
        (false, false) => &REGULAR,
    };
    match c {
        ' '..='~' => table[c as usize - 0x20],
        '\u{a0}' => table[0],
        '\u{2013}' | '\u{2022}' => 1020,
        '\u{2014}' => 1854,
        '\u{2018}' | '\u{2019}' => 511,
        '\u{201C}' | '\u{201D}' => 857,
        '\u{2026}' => 1414,
        '\u{b7}' => 517,
        // East Asian wide characters are an em wide; anything else is
        // taken as wide as an average lower-case letter.
        c if c.width() == Some(2) => 2048,
        _ => table[usize::from(b'n' - 0x20)],
    }
}

// Advance widths of the printable ASCII characters (U+0020 to U+007E) in
// Carlito, which has Calibri's metrics, in units of 1/2048 em. Bold italic
// is measured as bold: they differ by a few units.
const REGULAR: [u16; 95] = [
    463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 791, 1038,
    1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949, 1831,
    1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356, 1058,
    1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959, 628, 791, 628, 1020, 1020, 596, 981,
    1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080, 1076, 1076, 714,
    801, 686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020,
];
const BOLD: [u16; 95] = [
    463, 667, 898, 1020, 1038, 1493, 1443, 478, 638, 638, 1020, 1020, 528, 627, 547, 880, 1038,
    1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 565, 565, 1020, 1020, 1020, 949, 1840,
    1241, 1148, 1084, 1291, 999, 940, 1305, 1292, 546, 678, 1120, 866, 1790, 1349, 1385, 1090,
    1405, 1153, 968, 1014, 1337, 1211, 1856, 1128, 1064, 979, 665, 880, 665, 1020, 1020, 615, 1011,
    1099, 857, 1099, 1031, 648, 971, 1099, 503, 523, 983, 503, 1666, 1099, 1101, 1099, 1099, 728,
    817, 710, 1099, 969, 1526, 941, 970, 814, 704, 973, 704, 1020,
];
const ITALIC: [u16; 95] = [
    463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 794, 1038,
    1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949, 1831,
    1185, 1114, 1070, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1320, 1340, 1058,
    1360, 1112, 926, 998, 1314, 1162, 1823, 1063, 998, 959, 628, 787, 628, 1020, 1020, 596, 1053,
    1053, 852, 1053, 978, 625, 1053, 1053, 470, 490, 931, 470, 1620, 1053, 1051, 1053, 1053, 702,
    797, 686, 1053, 913, 1464, 887, 916, 809, 644, 943, 644, 1020,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Run;

    fn para(kind: Kind, text: &str) -> Para {
        Para {
            kind,
            flush: false,
            keep_next: false,
            gap_after: false,
            pieces: vec![Piece::Run(Run {
                text: text.into(),
                ..Run::default()
            })],
        }
    }

    /// Lines of `text` at 10 pt in a line `width_pt` wide.
    fn lines(text: &str, width_pt: f32) -> usize {
        rows(&para(Kind::Paragraph, text), 10.0, width_pt * 20.0)
    }

    #[test]
    fn widths_are_calibris() {
        // "n" is 1076/2048 em: 5.25 pt at 10 pt.
        assert_eq!(advance('n', false, false), 1076);
        assert_eq!(advance('n', true, false), 1099);
        assert_eq!(advance('中', false, false), 2048);
        // Twenty n's take 105 pt: one line in 106 pt, two in 104 pt.
        let n = "n".repeat(20);
        assert_eq!(lines(&n, 106.0), 1);
        assert_eq!(lines(&n, 104.0), 2);
    }

    #[test]
    fn lines_break_greedily_between_words() {
        // Each "nnnn " is 4 × 5.25 + 2.26 pt; three words fit in 70 pt.
        let text = "nnnn ".repeat(9);
        assert_eq!(lines(text.trim_end(), 70.0), 3);
        // Trailing spaces take no room at the end of a line.
        assert_eq!(lines("nnnn nnnn nnnn ", 67.7), 1);
        assert_eq!(lines("nnnn nnnn nnnn ", 67.5), 2);
        // A word longer than the line is broken inside it.
        assert_eq!(lines(&"n".repeat(40), 100.0), 3);
        assert_eq!(lines("", 100.0), 1);
    }

    #[test]
    fn a_right_tab_needs_room_beside_the_title() {
        let mut p = para(Kind::EntryHeading, &"n".repeat(10));
        p.pieces.push(Piece::Tab);
        p.pieces.push(Piece::Run(Run {
            text: "n".repeat(10),
            ..Run::default()
        }));
        // 52.5 + 15 + 52.5 pt.
        assert_eq!(rows(&p, 10.0, 121.0 * 20.0), 1);
        assert_eq!(rows(&p, 10.0, 119.0 * 20.0), 2);
    }

    #[test]
    fn fitting_prefers_the_least_change() {
        let theme = crate::metrics::tests::reference_theme();
        let m = Metrics::new(&theme, Fit::natural(&theme));
        let para = para(Kind::Bullet, "A line of text.");
        // Fifty one-line bullets (13.2 pt each) fit a Letter page as the
        // theme sets it...
        let short = vec![para.clone(); 50];
        assert_eq!(fit(&short, &theme, 1).note, None);
        assert_eq!(fit(&short, &theme, 1).metrics, m);
        // ...fifty-four need tighter spacing, at the same body size...
        let longer = vec![para.clone(); 54];
        let fitted = fit(&longer, &theme, 1);
        assert!(
            fitted
                .note
                .as_deref()
                .unwrap()
                .starts_with("fit-pages 1: spacing")
        );
        assert_eq!(fitted.metrics.body_size, m.body_size);
        assert!(height(&longer, &fitted.metrics) < height(&longer, &m));
        // Wherever the size had to shrink, the spacing is as loose as still
        // fits at that size.
        for n in 50..80 {
            let paras = vec![para.clone(); n];
            let fitted = fit(&paras, &theme, 1);
            if fitted.note.as_deref().is_some_and(|n| n.contains("cannot")) {
                break;
            }
            assert!(fits(&paras, &fitted.metrics, 1), "{n}");
            if fitted.fit.body < 10.0 && fitted.fit.spacing < 1.0 {
                let looser = Fit {
                    spacing: fitted.fit.spacing + 0.05,
                    ..fitted.fit
                };
                assert!(!fits(&paras, &Metrics::new(&theme, looser), 1), "{n}");
            }
        }
        // ...and a thousand cannot fit at all.
        let long = vec![para; 1000];
        let fitted = fit(&long, &theme, 1);
        assert!(fitted.note.unwrap().contains("cannot fit"));
        assert_eq!(fitted.metrics.body_size, 17);
    }
}
