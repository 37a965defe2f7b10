//! The page's geometry: the theme's sizes made safe, the proportions the
//! theme does not set, and the print fit.
//!
//! A browser lays the page out, not us, so fitting the printed page is done
//! by estimate: the printed layout is modelled here with the same numbers
//! the stylesheet is written from, text wrapped with Arial-metric widths.
//! Every approximation errs towards a taller page, so a résumé the estimate
//! fits onto one sheet does fit in the browser.

use resume_document::{Document, Entry, Paper, SectionBody, Text, Theme};

use crate::metrics;

/// Line height of the name, as a multiple of its size.
pub(crate) const H1_LEADING: f32 = 1.15;
/// Line height of section titles, as a multiple of their size.
pub(crate) const H2_LEADING: f32 = 1.25;
/// Thickness of the rule beside section titles, in rem.
pub(crate) const H2_RULE: f32 = 0.075;
/// Room the rule beside a section title keeps at least: a gap and a short
/// stretch of rule, in em of the title.
pub(crate) const H2_RULE_ROOM: f32 = 2.5;
/// Size of the headline under the name, in rem.
pub(crate) const HEADLINE: f32 = 1.1;
/// Least room between an entry's left column and its dates, in rem.
pub(crate) const COL_GAP: f32 = 1.5;
/// Room between contact items, in rem.
pub(crate) const CONTACT_GAP: f32 = 1.3;
/// Room between a contact's icon and its text, in em; the icon is 1 em.
pub(crate) const ICON_GAP: f32 = 0.35;

/// The theme's numbers, each replaced by the default when it is not a
/// usable value (NaN, negative, absurdly large), so a strange theme still
/// gives valid CSS and a readable page. Lengths are in points.
#[derive(Debug, Clone)]
pub(crate) struct Geometry {
    pub body: f32,
    pub leading: f32,
    pub name: f32,
    pub section: f32,
    /// Space before a section, in points at the theme's body size.
    pub section_gap: f32,
    pub entry_gap: f32,
    pub bullet_indent: f32,
    /// Top, right, bottom, left.
    pub margins: [f32; 4],
    pub paper: Paper,
}

impl Geometry {
    pub fn new(theme: &Theme) -> Geometry {
        let d = Theme::default();
        let body = sane(theme.body_size, d.body_size, 4.0, 40.0);
        let leading = sane(theme.leading, d.leading, 0.8, 3.0);
        let line = body * leading;
        let margin = |x: f32, dx: f32| sane(x, dx, 0.0, 200.0);
        let (m, dm) = (theme.margins, d.margins);
        Geometry {
            body,
            leading,
            name: sane(theme.name_size, d.name_size, 1.0, 200.0),
            section: sane(theme.section_size, d.section_size, 1.0, 100.0),
            section_gap: sane(theme.section_gap, d.section_gap, 0.0, 10.0) * line,
            entry_gap: sane(theme.entry_gap, d.entry_gap, 0.0, 10.0) * line,
            bullet_indent: sane(theme.bullet_indent, d.bullet_indent, 0.0, 200.0),
            margins: [
                margin(m.top, dm.top),
                margin(m.right, dm.right),
                margin(m.bottom, dm.bottom),
                margin(m.left, dm.left),
            ],
            paper: theme.paper,
        }
    }

    /// Width and height of the printable area, in points.
    pub fn printable(&self) -> (f32, f32) {
        let (w, h) = self.paper.size_pt();
        let [top, right, bottom, left] = self.margins;
        ((w - left - right).max(72.0), (h - top - bottom).max(72.0))
    }
}

/// `x` when it is a usable number in `min..=max`, else `default`.
pub(crate) fn sane(x: f32, default: f32, min: f32, max: f32) -> f32 {
    if x.is_finite() && (min..=max).contains(&x) {
        x
    } else {
        default
    }
}

/// Vertical spacing, in rem (multiples of the body size). The two gaps the
/// theme sets come from it; the smaller ones are fixed proportions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Spacing {
    pub section_gap: f32,
    pub entry_gap: f32,
    pub after_title: f32,
    pub headline_top: f32,
    pub contacts_top: f32,
    pub contacts_row: f32,
    pub bullets_top: f32,
    pub item_gap: f32,
    pub role_gap: f32,
    pub para_gap: f32,
}

impl Spacing {
    /// The theme's spacing, every gap multiplied by `scale`.
    pub fn new(g: &Geometry, scale: f32) -> Spacing {
        Spacing {
            section_gap: g.section_gap / g.body * scale,
            entry_gap: g.entry_gap / g.body * scale,
            after_title: 0.4 * scale,
            headline_top: 0.15 * scale,
            contacts_top: 0.45 * scale,
            contacts_row: 0.2 * scale,
            bullets_top: 0.12 * scale,
            item_gap: 0.08 * scale,
            role_gap: 0.3 * scale,
            para_gap: 0.35 * scale,
        }
    }
}

/// How the printed page is set: the theme's values, or tightened to fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Fit {
    /// Body size in points.
    pub body: f32,
    /// Line height, a multiple of the font size.
    pub leading: f32,
    /// Multiplier of every vertical gap; 1 is the theme's spacing.
    pub space: f32,
}

impl Fit {
    fn new(g: &Geometry, body: f32, space: f32) -> Fit {
        // Tightening keeps at least half of the leading above solid, as the
        // PDF backend does, so lines never touch.
        let leading = 1.0 + (g.leading - 1.0) * (0.5 + 0.5 * space);
        Fit {
            body,
            leading,
            space,
        }
    }

    /// The theme's own values.
    pub fn theme(g: &Geometry) -> Fit {
        Fit {
            body: g.body,
            leading: g.leading,
            space: 1.0,
        }
    }
}

/// Spacing tried first, as fractions of the theme's gaps; the same steps
/// as the PDF backend's fit, so both tighten alike.
const SPACING_STEPS: [f32; 3] = [0.85, 0.7, 0.55];
/// Then the body size shrinks in steps of this many points...
const SIZE_STEP: f32 = 0.25;
/// ...down to this size, the PDF backend's readable floor.
const READABLE_FLOOR: f32 = 8.5;

/// How the printed page was set, and what a person should know about it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fitting {
    pub fit: Fit,
    /// What fitting changed or could not do, in one sentence.
    pub note: Option<String>,
}

/// Chooses how to print `doc` on at most `pages` sheets: the theme's own
/// values when they fit, else spacing tightened step by step, then the body
/// size reduced step by step to a readable floor. When even that does not
/// fit, the theme's values stand and the page runs on.
pub(crate) fn fit(doc: &Document, g: &Geometry, pages: Option<u32>) -> Fitting {
    let theme = Fit::theme(g);
    let natural = Fitting {
        fit: theme,
        note: None,
    };
    let Some(pages) = pages.filter(|&p| p > 0) else {
        return natural;
    };
    let (_, page_h) = g.printable();
    // Each page break may leave a few lines unused, since titles stay with
    // what follows; 2% of slack covers rounding in the browser.
    let budget = pages as f32 * page_h * 0.98 - (pages - 1) as f32 * 3.0 * g.body * g.leading;
    if height(doc, g, theme) <= budget {
        return natural;
    }
    let tightest = SPACING_STEPS[SPACING_STEPS.len() - 1];
    let smaller = (1..)
        .map(|i| g.body - SIZE_STEP * i as f32)
        .take_while(|&b| b >= READABLE_FLOOR - 1e-3);
    let attempts = SPACING_STEPS
        .iter()
        .map(|&space| Fit::new(g, g.body, space))
        .chain(smaller.map(|body| Fit::new(g, body, tightest)));
    let sheets = if pages == 1 { "sheet" } else { "sheets" };
    for f in attempts {
        if height(doc, g, f) <= budget {
            let mut changes = vec![format!("spacing tightened to {:.0} %", f.space * 100.0)];
            if f.body < g.body {
                changes.push(format!(
                    "body text {} pt → {} pt, headings scaled alike",
                    g.body, f.body
                ));
            }
            return Fitting {
                fit: f,
                note: Some(format!(
                    "fit-pages {pages}: printing {}; now fits {pages} {sheets}",
                    changes.join(", ")
                )),
            };
        }
    }
    Fitting {
        fit: theme,
        note: Some(format!(
            "fit-pages {pages}: the page cannot print on {pages} {sheets} at a readable size; \
             it prints with the theme's spacing and size, all content kept"
        )),
    }
}

/// The estimated height of the printed content, in points, laid out as the
/// stylesheet's print rules say.
pub(crate) fn height(doc: &Document, g: &Geometry, fit: Fit) -> f32 {
    let (width, _) = g.printable();
    let rem = fit.body;
    let lh = fit.body * fit.leading;
    let sp = Spacing::new(g, fit.space);
    let scale = fit.body / g.body;
    let set = Set {
        size: fit.body,
        line: lh,
    };

    // The header: name, headline, contact line.
    let name_size = g.name * scale;
    let mut h = lines_plain(&doc.header.name, true, name_size, width) * name_size * H1_LEADING;
    if let Some(headline) = doc
        .header
        .headline
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        let size = HEADLINE * rem;
        h += sp.headline_top * rem + lines_plain(headline, false, size, width) * size * fit.leading;
    }
    let contacts: Vec<f32> = doc
        .header
        .contacts
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .map(|c| (1.0 + ICON_GAP) * rem + metrics::width(c.text.trim(), false, rem))
        .collect();
    if !contacts.is_empty() {
        let rows = flex_rows(&contacts, CONTACT_GAP * rem, width);
        h += sp.contacts_top * rem + rows * lh + (rows - 1.0) * sp.contacts_row * rem;
    }

    for section in &doc.sections {
        let size = g.section * scale;
        let room = width - H2_RULE_ROOM * size;
        h += sp.section_gap * rem
            + lines_plain(&section.title, true, size, room) * size * H2_LEADING
            + sp.after_title * rem;
        h += match &section.body {
            SectionBody::Entries(entries) => entries
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let gap = if i > 0 { sp.entry_gap * rem } else { 0.0 };
                    gap + entry_height(e, set, &sp, g.bullet_indent * scale, width)
                })
                .sum(),
            SectionBody::Paragraphs(ps) => stack(ps, set, width, sp.para_gap * rem),
            SectionBody::List(items) => stack(
                items,
                set,
                width - g.bullet_indent * scale,
                sp.item_gap * rem,
            ),
        };
    }
    h
}

/// Body text size and line height.
#[derive(Debug, Clone, Copy)]
struct Set {
    size: f32,
    line: f32,
}

fn entry_height(e: &Entry, set: Set, sp: &Spacing, indent: f32, width: f32) -> f32 {
    let rem = set.size;
    let dates = e.dates.as_ref().map(|d| d.display()).unwrap_or_default();
    let location = e.location.as_deref().unwrap_or_default().trim();
    let aside = metrics::width(dates.trim(), false, rem).max(metrics::width(location, false, rem));
    let left = width - COL_GAP * rem - aside;
    let bold_title = !e.title.spans.iter().any(|s| s.strong);
    let mut lines = e.lines.iter().filter(|l| !l.text.is_empty());
    let lead = lines.next();

    let row1 = lines_text(&e.title, bold_title, set.size, left).max(1.0);
    let row2 = match (lead, location.is_empty()) {
        (Some(l), _) => lines_text(&l.text, false, set.size, left),
        (None, false) => 1.0,
        (None, true) => 0.0,
    };
    let mut h = (row1 + row2) * set.line;
    h += lines
        .map(|l| lines_text(&l.text, false, set.size, width) * set.line)
        .sum::<f32>();
    let bullets: Vec<&Text> = e.bullets.iter().filter(|b| !b.is_empty()).collect();
    if !bullets.is_empty() {
        h += sp.bullets_top * rem
            + bullets
                .iter()
                .map(|b| lines_text(b, false, set.size, width - indent) * set.line)
                .sum::<f32>()
            + (bullets.len() - 1) as f32 * sp.item_gap * rem;
    }
    for role in &e.roles {
        h += sp.role_gap * rem + entry_height(role, set, sp, indent, width);
    }
    h
}

/// Height of texts stacked with `gap` between them.
fn stack(texts: &[Text], set: Set, width: f32, gap: f32) -> f32 {
    let texts: Vec<&Text> = texts.iter().filter(|t| !t.is_empty()).collect();
    let lines: f32 = texts
        .iter()
        .map(|t| lines_text(t, false, set.size, width))
        .sum();
    lines * set.line + texts.len().saturating_sub(1) as f32 * gap
}

/// Rows a wrapping flex line of items takes.
fn flex_rows(items: &[f32], gap: f32, width: f32) -> f32 {
    let mut rows = 1.0;
    let mut used = 0.0;
    for &w in items {
        if used > 0.0 && used + gap + w > width {
            rows += 1.0;
            used = w;
        } else {
            used += if used > 0.0 { gap + w } else { w };
        }
    }
    rows
}

fn lines_plain(s: &str, bold: bool, size: f32, width: f32) -> f32 {
    wrap(s.chars().map(|c| (c, bold)), size, width)
}

fn lines_text(t: &Text, all_bold: bool, size: f32, width: f32) -> f32 {
    let chars = t
        .spans
        .iter()
        .flat_map(|s| s.text.chars().map(move |c| (c, all_bold || s.strong)));
    wrap(chars, size, width)
}

/// Lines `chars` takes when wrapped greedily at spaces into `width` points.
/// Browsers may also break after hyphens and slashes; ignoring that can only
/// overestimate. A word wider than a line is broken where it must be, as
/// `overflow-wrap: break-word` does.
fn wrap(chars: impl Iterator<Item = (char, bool)>, size: f32, width: f32) -> f32 {
    let width = width.max(size);
    let advance = |c: char, bold: bool| metrics::advance(c, bold) * size / 1000.0;
    let mut lines = 1.0;
    let mut line = 0.0; // width of the current line, up to its last word
    let mut word = 0.0;
    let mut space = 0.0; // width of the spaces before the current word
    let mut any = false;
    let place = |word: f32, space: f32, line: &mut f32, lines: &mut f32| {
        if *line > 0.0 && *line + space + word > width {
            *lines += 1.0;
            *line = 0.0;
        }
        let start = if *line > 0.0 { *line + space } else { 0.0 };
        let total = start + word;
        if total > width {
            // Broken inside the word: full lines, then the rest.
            let extra = (total / width).ceil() - 1.0;
            *lines += extra;
            *line = total - extra * width;
        } else {
            *line = total;
        }
    };
    for (c, bold) in chars {
        any = true;
        if c == ' ' || c == '\n' || c == '\t' {
            if word > 0.0 {
                place(word, space, &mut line, &mut lines);
                word = 0.0;
                space = 0.0;
            }
            space += advance(' ', bold);
        } else {
            word += advance(c, bold);
        }
    }
    if word > 0.0 {
        place(word, space, &mut line, &mut lines);
    }
    if any { lines } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_wrap(text: &str, width: f32, expect: f32) {
        let lines = wrap(text.chars().map(|c| (c, false)), 10.0, width);
        assert_eq!(lines, expect, "{text:?} in {width}pt");
    }

    #[test]
    fn wrapping() {
        // "aaaa" is 4 × 5.57 = 22.28 pt at 10 pt; a space is 2.78 pt.
        check_wrap("", 100.0, 0.0);
        check_wrap("aaaa", 100.0, 1.0);
        check_wrap("aaaa aaaa", 47.4, 1.0);
        check_wrap("aaaa aaaa", 47.0, 2.0);
        check_wrap("aaaa aaaa aaaa", 50.0, 2.0);
        // A word longer than the line is broken.
        check_wrap("aaaaaaaaaaaa", 30.0, 3.0);
        // Runs of spaces do not start lines of their own.
        check_wrap("aaaa    aaaa", 47.0, 2.0);
    }

    #[test]
    fn flex_rows_wrap_whole_items() {
        assert_eq!(flex_rows(&[10.0, 10.0, 10.0], 5.0, 40.0), 1.0);
        assert_eq!(flex_rows(&[10.0, 10.0, 10.0], 5.0, 39.0), 2.0);
        assert_eq!(flex_rows(&[10.0, 10.0], 5.0, 25.0), 1.0);
        assert_eq!(flex_rows(&[50.0, 10.0], 5.0, 25.0), 2.0);
    }

    #[test]
    fn strange_themes_fall_back_to_defaults() {
        let mut theme = Theme {
            body_size: f32::NAN,
            leading: -1.0,
            ..Theme::default()
        };
        theme.margins.left = f32::INFINITY;
        let g = Geometry::new(&theme);
        let d = Theme::default();
        assert_eq!(g.body, d.body_size);
        assert_eq!(g.leading, d.leading);
        assert_eq!(g.margins[3], d.margins.left);
    }
}
