//! The one page-fit search every paged format uses.
//!
//! A format measures; this module decides. The search tightens the vertical
//! spacing first, then the body size (every other size scales with it) in
//! steps down to [`READABLE_FLOOR`], and when a smaller size fits it gives
//! back as much spacing as still fits, so the page is not left half empty.
//! When even the tightest design does not fit, the natural design is kept:
//! squeezing a résumé that will take two pages anyway only makes it harder
//! to read.

use std::fmt;

use crate::Document;
use crate::theme::{Design, Fit, READABLE_FLOOR, Theme};

/// Spacing steps tried first, as fractions of the theme's gaps.
const SPACING_STEPS: [f32; 3] = [0.85, 0.7, 0.55];
/// Spacing given back after a size step, tried from the loosest down.
const LOOSEN_STEP: f32 = 0.05;

/// Lays a document out in one format, so the search can count its pages.
pub trait Measure {
    /// What a layout pass produces; the search hands back the chosen one,
    /// so the format need not lay it out again.
    type Layout;

    /// Lays the document out with `design`: its page count and layout.
    fn layout(&mut self, design: &Design) -> (usize, Self::Layout);

    /// The body sizes this format can write are multiples of this many
    /// points (DOCX stores half-points).
    fn size_quantum(&self) -> f32 {
        0.25
    }
}

/// What fitting did, for the user.
#[derive(Debug, Clone, PartialEq)]
pub enum FitNote {
    /// The document now takes `pages` pages, at most the target.
    Tightened {
        target: usize,
        /// Spacing kept, as a percentage of the theme's.
        spacing_percent: u32,
        /// Body size before and after, when it changed.
        body: Option<(f32, f32)>,
        pages: usize,
    },
    /// Even the tightest design takes more than `target` pages; the natural
    /// design is kept, on `pages` pages, with all content.
    CannotFit { target: usize, pages: usize },
}

impl fmt::Display for FitNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pages_word = |n: usize| if n == 1 { "page" } else { "pages" };
        match *self {
            FitNote::Tightened {
                target,
                spacing_percent,
                body,
                pages,
            } => {
                write!(
                    f,
                    "fit-pages {target}: spacing tightened to {spacing_percent} %"
                )?;
                if let Some((from, to)) = body {
                    write!(f, ", body text {from} pt → {to} pt, headings scaled alike")?;
                }
                write!(f, "; now {pages} {}", pages_word(pages))
            }
            FitNote::CannotFit { target, pages } => write!(
                f,
                "fit-pages {target}: cannot fit on {target} {} even at {READABLE_FLOOR} pt with tight spacing; kept the theme's layout on {pages} {}, all content kept",
                pages_word(target),
                pages_word(pages)
            ),
        }
    }
}

/// The design chosen, its layout and page count, and what changed.
#[derive(Debug)]
pub struct Fitted<L> {
    pub design: Design,
    pub layout: L,
    pub pages: usize,
    pub note: Option<FitNote>,
}

/// Resolves the document's theme into the loosest design that `measure`
/// lays out on at most `target` pages; with no target, the natural design.
/// Every design tried has its date column fitted to the document's dates
/// ([`Design::fit_dates`]).
pub fn fit<M: Measure>(
    doc: &Document,
    target: Option<usize>,
    measure: &mut M,
) -> Fitted<M::Layout> {
    let theme = &doc.theme;
    let design = |fit: Fit| Design::new(theme, fit).fit_dates(doc);
    let natural = Design::natural(theme).fit_dates(doc);
    let (pages, layout) = measure.layout(&natural);
    let target = match target.map(|t| t.max(1)) {
        Some(t) if pages > t => t,
        // No target, or the theme's own design already fits it.
        _ => {
            return Fitted {
                design: natural,
                layout,
                pages,
                note: None,
            };
        }
    };
    let attempts = attempts(theme, measure.size_quantum());
    // Give up early: when the tightest design does not fit, nothing does.
    let last = attempts.len() - 1;
    let tightest = design(attempts[last]);
    let (tight_pages, tight_layout) = measure.layout(&tightest);
    if tight_pages > target {
        return Fitted {
            design: natural,
            layout,
            pages,
            note: Some(FitNote::CannotFit { target, pages }),
        };
    }
    let natural_fit = natural.fit;
    // Pages never grow as a design tightens, so the loosest attempt that
    // fits is found by bisection: a few passes, however many attempts.
    let mut tried = Some((tightest, tight_pages, tight_layout));
    let (mut lo, mut hi) = (0, last);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mid_design = design(attempts[mid]);
        let (pages, layout) = measure.layout(&mid_design);
        if pages <= target {
            hi = mid;
            tried = Some((mid_design, pages, layout));
        } else {
            lo = mid + 1;
        }
    }
    let fit = attempts[hi];
    let (chosen_design, pages, layout) = match tried {
        Some(t) if t.0.fit == fit => t,
        _ => {
            let d = design(fit);
            let (pages, layout) = measure.layout(&d);
            (d, pages, layout)
        }
    };
    let mut chosen = (fit, chosen_design, pages, layout);
    if fit.body < natural_fit.body {
        // The smaller text may leave room: give back as much spacing as
        // still fits, again by bisection over the steps, loosest first.
        let mut looser = Vec::new();
        let mut spacing = 1.0;
        while spacing > fit.spacing + 1e-3 {
            looser.push(spacing);
            spacing -= LOOSEN_STEP;
        }
        let (mut lo, mut hi) = (0, looser.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let loose = Fit {
                spacing: looser[mid],
                ..fit
            };
            let loose_design = design(loose);
            let (pages, layout) = measure.layout(&loose_design);
            if pages <= target {
                hi = mid;
                chosen = (loose, loose_design, pages, layout);
            } else {
                lo = mid + 1;
            }
        }
    }
    let (fit, design, pages, layout) = chosen;
    let note = FitNote::Tightened {
        target,
        spacing_percent: (fit.spacing * 100.0).round() as u32,
        body: (fit.body < natural_fit.body).then_some((natural_fit.body, fit.body)),
        pages,
    };
    Fitted {
        design,
        layout,
        pages,
        note: Some(note),
    }
}

/// The fits tried, loosest first: spacing steps at the natural size, then
/// smaller sizes at the tightest spacing.
fn attempts(theme: &Theme, quantum: f32) -> Vec<Fit> {
    let natural = Fit::natural(theme);
    let mut out: Vec<Fit> = SPACING_STEPS
        .iter()
        .map(|&spacing| Fit {
            spacing,
            body: natural.body,
        })
        .collect();
    let spacing = SPACING_STEPS[SPACING_STEPS.len() - 1];
    let quantum = if quantum.is_finite() && quantum > 0.0 {
        quantum
    } else {
        0.25
    };
    // Sizes on the format's grid, below the natural size, down to the floor.
    let mut body = (natural.body / quantum).ceil() * quantum - quantum;
    while body >= READABLE_FLOOR - 1e-3 {
        if body < natural.body - 1e-3 {
            out.push(Fit { spacing, body });
        }
        body -= quantum;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document of `height` points at the natural design, whose height
    /// scales with the body size and spacing.
    struct Fake {
        height: f32,
        passes: usize,
    }

    impl Measure for Fake {
        type Layout = ();
        fn layout(&mut self, d: &Design) -> (usize, ()) {
            self.passes += 1;
            let h = self.height * (d.fit.body / 9.5) * (0.6 + 0.4 * d.fit.spacing);
            ((h / d.avail()).ceil().max(1.0) as usize, ())
        }
    }

    fn classic() -> Document {
        crate::test_document(Vec::new(), Theme::classic())
    }

    #[track_caller]
    fn check(height: f32, expect: &str) {
        let mut m = Fake { height, passes: 0 };
        let f = fit(&classic(), Some(1), &mut m);
        let got = match f.note {
            None => "natural".to_string(),
            Some(n) => n.to_string(),
        };
        assert_eq!(got, expect);
        // The natural design, the tightest, then two bisections.
        assert!(m.passes <= 10, "{} passes", m.passes);
    }

    #[test]
    fn search() {
        check(700.0, "natural");
        check(760.0, "fit-pages 1: spacing tightened to 85 %; now 1 page");
        check(
            950.0,
            "fit-pages 1: spacing tightened to 55 %, body text 9.5 pt → 8.75 pt, headings scaled alike; now 1 page",
        );
        check(
            2000.0,
            "fit-pages 1: cannot fit on 1 page even at 8.5 pt with tight spacing; kept the theme's layout on 3 pages, all content kept",
        );
    }

    #[test]
    fn sizes_stay_on_the_format_grid() {
        let theme = Theme::classic();
        for f in attempts(&theme, 0.5) {
            assert_eq!((f.body * 2.0).fract(), 0.0, "{f:?}");
        }
        assert!(attempts(&theme, 0.5).iter().any(|f| f.body == 8.5));
    }
}
