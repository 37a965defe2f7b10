//! Layout: shaped paragraphs placed on pages.
//!
//! Content becomes a flow of unbreakable blocks (one line of text each, with
//! whatever sits on that line: a bullet, right-aligned dates, a rule). Each
//! block knows the space above it and whether it must stay on the page of the
//! block after it; pagination then only chooses where pages end.

use resume_document::Theme;

use crate::PdfError;
use crate::fonts::{Fonts, Style};
use crate::prepare::{OutlineBody, OutlineEntry, Prepared};
use crate::text::{Ink, LineRange, Para, ParaBuilder};

/// How far `--fit-pages` has tightened the layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Fit {
    /// Multiplier of every vertical gap, 1.0 as the theme says.
    pub spacing: f32,
    /// Body text size in points.
    pub body: f32,
}

/// The least space between entries, in multiples of the body size, that
/// fitting keeps.
const ENTRY_GAP_FLOOR: f32 = 0.36;

/// The space between an entry's heading and its first bullet, in multiples
/// of the body size; fitting leaves it alone.
const HEADING_GAP: f32 = 0.3;

/// Every length the layout uses, derived from the theme and the fit so the
/// vertical rhythm stays consistent when either changes.
#[derive(Debug, Clone)]
pub(crate) struct Metrics {
    pub page_w: f32,
    pub page_h: f32,
    pub left: f32,
    pub width: f32,
    pub top: f32,
    /// Height available for content on a page.
    pub avail: f32,
    pub bottom_margin: f32,
    pub body: f32,
    /// Keyword lines and places, a step below the body.
    pub detail: f32,
    /// Body line height.
    pub lh: f32,
    pub name: f32,
    pub name_lh: f32,
    pub headline: f32,
    pub headline_lh: f32,
    pub section: f32,
    pub section_lh: f32,
    pub section_gap: f32,
    pub after_title: f32,
    pub entry_gap: f32,
    /// Between an entry's heading and its bullets.
    pub heading_gap: f32,
    pub role_gap: f32,
    pub para_gap: f32,
    pub bullet_indent: f32,
    /// Least room between left text and a right-aligned date or place.
    pub col_gap: f32,
    pub rule: f32,
    pub footer: f32,
    /// Cap height of the body face, in em: lines are centred on it.
    pub cap: f32,
}

impl Metrics {
    pub fn new(theme: &Theme, fit: Fit, cap: f32) -> Result<Metrics, PdfError> {
        let (page_w, page_h) = theme.paper.size_pt();
        let mg = theme.margins;
        let width = page_w - mg.left - mg.right;
        let avail = page_h - mg.top - mg.bottom;
        let sizes_ok = [
            theme.body_size,
            theme.name_size,
            theme.section_size,
            theme.leading,
        ]
        .iter()
        .all(|v| v.is_finite() && *v > 0.0);
        let margins_ok = [
            mg.top,
            mg.right,
            mg.bottom,
            mg.left,
            theme.bullet_indent,
            theme.section_gap,
            theme.entry_gap,
        ]
        .iter()
        .all(|v| v.is_finite() && *v >= 0.0);
        if !sizes_ok || !margins_ok {
            return Err(PdfError::InvalidTheme(
                "sizes, leading, margins and gaps must be finite and not negative".into(),
            ));
        }
        // An inch of room each way is the least anything can be set in.
        if width < 72.0 || avail < 72.0 {
            return Err(PdfError::InvalidTheme(format!(
                "margins leave {width:.0} × {avail:.0} pt for content; make them smaller"
            )));
        }
        if theme.body_size > 72.0
            || theme.name_size > 144.0
            || theme.section_size > 72.0
            || theme.leading > 4.0
        {
            return Err(PdfError::InvalidTheme(
                "font sizes or leading are too large to set a page".into(),
            ));
        }
        let scale = fit.body / theme.body_size;
        // Tightening keeps at least half of the extra leading.
        let leading = 1.0 + (theme.leading - 1.0) * (0.5 + 0.5 * fit.spacing);
        let body = fit.body;
        let lh = body * leading;
        let name = theme.name_size * scale;
        let section = theme.section_size * scale;
        let headline = body * 1.15;
        Ok(Metrics {
            page_w,
            page_h,
            left: mg.left,
            width,
            top: mg.top,
            avail,
            bottom_margin: mg.bottom,
            body,
            detail: body * 0.93,
            lh,
            name,
            name_lh: name * 1.15,
            headline,
            headline_lh: headline * leading,
            section,
            section_lh: section * leading,
            section_gap: theme.section_gap * lh * fit.spacing,
            after_title: 0.3 * lh * fit.spacing,
            // Tightening stops where the gap between entries would no longer
            // set them apart: below it, text extractors merge an entry's title
            // into the bullets above it.
            entry_gap: (theme.entry_gap * lh * fit.spacing).max(ENTRY_GAP_FLOOR * body),
            heading_gap: HEADING_GAP * body,
            role_gap: 0.5 * theme.entry_gap * lh * fit.spacing,
            para_gap: 0.3 * lh * fit.spacing,
            bullet_indent: theme.bullet_indent * scale,
            col_gap: 1.5 * body,
            rule: 0.6,
            footer: body * 0.8,
            cap,
        })
    }

    /// Where the baseline sits in a line box: the box's middle runs through
    /// the middle of the capitals.
    fn baseline(&self, line_height: f32, size: f32) -> f32 {
        (line_height + self.cap * size) / 2.0
    }
}

/// Which paragraph list a placed text refers to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ParaRef {
    Body(usize),
    Footer(usize),
}

/// What a placed text is in the document's logical structure (tagged PDF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// The name.
    H1,
    /// A section title.
    H2,
    /// An entry's title.
    H3,
    P,
    /// Page furniture (footers), not content.
    Artifact,
}

impl Tag {
    pub fn name(self) -> &'static str {
        match self {
            Tag::H1 => "H1",
            Tag::H2 => "H2",
            Tag::H3 => "H3",
            Tag::P => "P",
            Tag::Artifact => "Artifact",
        }
    }
}

/// Something drawn on a page; positions in points from the page's top left.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Placed {
    Text {
        para: ParaRef,
        line: LineRange,
        x: f32,
        baseline: f32,
        size: f32,
        /// Extra width of each inner space, for justified lines.
        justify: f32,
        tag: Tag,
        /// The structure element the text belongs to: its paragraph, or
        /// for a bullet mark the bullet's.
        elem: usize,
    },
    Rule {
        x0: f32,
        x1: f32,
        y: f32,
        thickness: f32,
        ink: Ink,
    },
}

/// One unbreakable line of the flow.
#[derive(Debug)]
struct Block {
    space_before: f32,
    height: f32,
    keep_with_next: bool,
    /// Positions relative to the block's top.
    items: Vec<Placed>,
}

/// Pages of placed items, and the footer paragraphs they refer to.
#[derive(Debug)]
pub(crate) struct Laid {
    pub pages: Vec<Vec<Placed>>,
    pub footers: Vec<Para>,
}

struct Flow<'a> {
    paras: &'a [Para],
    m: &'a Metrics,
    blocks: Vec<Block>,
    /// The paragraph holding the bullet mark.
    bullet: usize,
    /// Space the next block gets above it.
    next_space: f32,
}

impl<'a> Flow<'a> {
    fn space(&mut self, pt: f32) {
        self.next_space = self.next_space.max(pt);
    }

    fn push(&mut self, height: f32, keep_with_next: bool, items: Vec<Placed>) {
        self.blocks.push(Block {
            space_before: std::mem::take(&mut self.next_space),
            height,
            keep_with_next,
            items,
        });
    }

    /// Ends a group that was kept together: the last block may break after.
    fn release(&mut self) {
        if let Some(b) = self.blocks.last_mut() {
            b.keep_with_next = false;
        }
    }

    fn text(&self, para: usize, line: LineRange, x: f32, baseline: f32, size: f32) -> Placed {
        Placed::Text {
            para: ParaRef::Body(para),
            line,
            x,
            baseline,
            size,
            justify: 0.0,
            tag: Tag::P,
            elem: para,
        }
    }

    /// Centred lines, for the header.
    fn centred(&mut self, para: usize, size: f32, line_height: f32, tag: Tag) {
        let m = self.m;
        let p = &self.paras[para];
        for line in p.lines(|_| m.width / size) {
            let x = m.left + (m.width - line.width * size) / 2.0;
            let item = retag(
                self.text(para, line, x, m.baseline(line_height, size), size),
                tag,
                para,
            );
            self.push(line_height, true, vec![item]);
        }
    }

    fn section_title(&mut self, para: usize) {
        let m = self.m;
        let p = &self.paras[para];
        let lines = p.lines(|_| m.width / m.section);
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let baseline = m.baseline(m.section_lh, m.section);
            let mut height = m.section_lh;
            let mut items = Vec::new();
            if i + 1 == count {
                // The rule runs from the end of the title to the margin, a
                // little above the baseline, as in classic LaTeX and Typst
                // résumés: it marks the section without costing a line.
                let x0 = m.left + line.width * m.section + 0.5 * m.section;
                let x1 = m.left + m.width;
                if x1 - x0 > m.section {
                    items.push(Placed::Rule {
                        x0,
                        x1,
                        y: baseline - 0.3 * m.cap * m.section,
                        thickness: m.rule,
                        ink: Ink::Accent,
                    });
                }
                height += m.after_title;
            }
            items.insert(
                0,
                retag(
                    self.text(para, line, m.left, baseline, m.section),
                    Tag::H2,
                    para,
                ),
            );
            // A title never ends a page: it stays with what follows.
            self.push(height, true, items);
        }
    }

    fn entry(&mut self, e: &OutlineEntry, x0: f32, width: f32) {
        let m = self.m;
        let title_size = m.body;
        let detail_size = m.detail;
        let loc_size = m.detail;
        // Right-aligned texts take the first rows, in order: dates, place.
        let rights: Vec<(usize, f32, f32)> = [(e.dates, title_size), (e.location, loc_size)]
            .into_iter()
            .filter_map(|(p, size)| p.map(|p| (p, self.paras[p].width() * size, size)))
            .collect();
        let room = |row: usize, size: f32| -> f32 {
            let taken = rights.get(row).map_or(0.0, |(_, w, _)| w + m.col_gap);
            ((width - taken) / size).max(width * 0.3 / size)
        };
        let mut rows: Vec<Option<(usize, LineRange, f32)>> = Vec::new();
        // Secondary lines are a step smaller than the title line: the
        // hierarchy reads at a glance, and text extractors see the title row
        // and the lines under it as separate lines of text.
        let paras = e
            .title
            .iter()
            .map(|&p| (p, title_size))
            .chain(e.lines.iter().map(|&(p, _)| (p, detail_size)));
        for (para, size) in paras {
            let first = rows.len();
            for line in self.paras[para].lines(|i| room(first + i, size)) {
                rows.push(Some((para, line, size)));
            }
        }
        while rows.len() < rights.len() {
            rows.push(None);
        }
        // The heading is one unbreakable block, its texts in reading order:
        // a lone date follows the title it stands beside; dates over a place
        // form a column read after the lines on the left, as text extractors
        // see them and as the plain-text backend writes them.
        let base = m.baseline(m.lh, m.body);
        let count = rows.len();
        let mut left = Vec::new();
        for (i, row) in rows.into_iter().enumerate() {
            if let Some((para, line, size)) = row {
                let tag = if Some(para) == e.title {
                    Tag::H3
                } else {
                    Tag::P
                };
                left.push(retag(
                    self.text(para, line, x0, base + i as f32 * m.lh, size),
                    tag,
                    para,
                ));
            }
        }
        let right: Vec<Placed> = rights
            .iter()
            .enumerate()
            .filter_map(|(i, &(para, w, size))| {
                let line = self.paras[para]
                    .lines(|_| f32::INFINITY)
                    .into_iter()
                    .next()?;
                Some(self.text(para, line, x0 + width - w, base + i as f32 * m.lh, size))
            })
            .collect();
        let items = if right.len() > 1 {
            left.into_iter().chain(right).collect()
        } else {
            let mut left = left.into_iter();
            left.next().into_iter().chain(right).chain(left).collect()
        };
        // The heading stays with the first bullet, a little apart from it:
        // the gap also keeps text extractors from reading heading and bullets
        // as one block, which would interleave the right-hand column.
        let gap = if e.bullets.is_empty() {
            0.0
        } else {
            m.heading_gap
        };
        self.push(count as f32 * m.lh + gap, true, items);
        for &b in &e.bullets {
            self.bulleted(b, x0, width);
        }
        for role in &e.roles {
            self.space(m.role_gap);
            self.entry(role, x0, width);
        }
        self.release();
    }

    /// A paragraph with a bullet hanging in its indent.
    fn bulleted(&mut self, para: usize, x0: f32, width: f32) {
        let m = self.m;
        let size = m.body;
        let indent = m.bullet_indent;
        let lines = self.paras[para].lines(|_| ((width - indent) / size).max(1.0));
        let count = lines.len();
        let baseline = m.baseline(m.lh, size);
        let bullet = self.paras[self.bullet].lines(|_| f32::INFINITY);
        for (i, line) in lines.into_iter().enumerate() {
            let mut items = Vec::new();
            if i == 0
                && let Some(mark) = bullet.first()
            {
                let x = x0 + (indent - mark.width * size) * 0.4;
                items.push(retag(
                    self.text(self.bullet, mark.clone(), x, baseline, size),
                    Tag::P,
                    para,
                ));
            }
            items.push(self.text(para, line, x0 + indent, baseline, size));
            self.push(m.lh, keep_lines(i, count), items);
        }
    }

    /// Running text, justified except for its last line.
    fn paragraph(&mut self, para: usize) {
        let m = self.m;
        let size = m.body;
        let p = &self.paras[para];
        let lines = p.lines(|_| m.width / size);
        let count = lines.len();
        let baseline = m.baseline(m.lh, size);
        for (i, line) in lines.into_iter().enumerate() {
            let justify = if i + 1 < count {
                let spaces = p.glyphs[line.start..line.end]
                    .iter()
                    .filter(|g| g.space)
                    .count();
                let slack = m.width - line.width * size;
                if spaces > 0 && slack > 0.0 && slack / (spaces as f32) < 0.6 * size {
                    slack / spaces as f32
                } else {
                    0.0
                }
            } else {
                0.0
            };
            let item = Placed::Text {
                para: ParaRef::Body(para),
                line,
                x: m.left,
                baseline,
                size,
                justify,
                tag: Tag::P,
                elem: para,
            };
            self.push(m.lh, keep_lines(i, count), vec![item]);
        }
    }
}

/// Whether line `i` of `count` must stay with the next: short paragraphs stay
/// whole, longer ones keep two lines together at each end.
fn keep_lines(i: usize, count: usize) -> bool {
    if i + 1 >= count {
        false
    } else if count <= 4 {
        true
    } else {
        i == 0 || i + 2 == count
    }
}

/// Lays the prepared document out with the given metrics.
pub(crate) fn layout(prep: &Prepared, fonts: &Fonts<'_>, m: &Metrics) -> Laid {
    let o = &prep.outline;
    let mut flow = Flow {
        paras: &prep.paras,
        m,
        blocks: Vec::new(),
        bullet: o.bullet,
        next_space: 0.0,
    };
    if let Some(name) = o.name {
        flow.centred(name, m.name, m.name_lh, Tag::H1);
    }
    if let Some(headline) = o.headline {
        flow.centred(headline, m.headline, m.headline_lh, Tag::P);
    }
    if let Some(contacts) = o.contacts {
        flow.space(0.25 * m.lh);
        flow.centred(contacts, m.body, m.lh, Tag::P);
    }
    flow.release();
    for section in &o.sections {
        flow.space(m.section_gap);
        if let Some(title) = section.title {
            flow.section_title(title);
        }
        match &section.body {
            OutlineBody::Entries(entries) => {
                for (i, e) in entries.iter().enumerate() {
                    if i > 0 {
                        flow.space(m.entry_gap);
                    }
                    flow.entry(e, m.left, m.width);
                }
            }
            OutlineBody::Paragraphs(paras) => {
                for (i, &p) in paras.iter().enumerate() {
                    if i > 0 {
                        flow.space(m.para_gap);
                    }
                    flow.paragraph(p);
                }
            }
            OutlineBody::List(items) => {
                for &item in items {
                    flow.bulleted(item, m.left, m.width);
                }
            }
        }
        flow.release();
    }

    let ranges = paginate(&flow.blocks, m.avail);
    let total = ranges.len();
    let mut pages = Vec::with_capacity(total);
    let mut footers = Vec::new();
    for (n, (start, end)) in ranges.into_iter().enumerate() {
        let mut items = Vec::new();
        let mut y = m.top;
        for (k, block) in flow.blocks[start..end].iter().enumerate() {
            if k > 0 {
                y += block.space_before;
            }
            items.extend(block.items.iter().cloned().map(|item| shift(item, y)));
            y += block.height;
        }
        if total > 1 {
            // The name at the left margin and the page number at the right,
            // both in the bottom margin. Kept to the edges, they stay out of
            // the columns text extractors find in the page above.
            let baseline = m.page_h - m.bottom_margin / 2.0 + m.cap * m.footer / 2.0;
            let number = format!("{} / {total}", n + 1);
            for (text, right) in [(o.footer_name.as_str(), false), (number.as_str(), true)] {
                let para = footer(text, fonts);
                if let Some(line) = para.lines(|_| f32::INFINITY).into_iter().next() {
                    let x = if right {
                        m.left + m.width - line.width * m.footer
                    } else {
                        m.left
                    };
                    items.push(Placed::Text {
                        x,
                        baseline,
                        size: m.footer,
                        para: ParaRef::Footer(footers.len()),
                        line,
                        justify: 0.0,
                        tag: Tag::Artifact,
                        elem: usize::MAX,
                    });
                }
                footers.push(para);
            }
        }
        pages.push(items);
    }
    Laid { pages, footers }
}

fn footer(text: &str, fonts: &Fonts<'_>) -> Para {
    let mut b = ParaBuilder::new();
    b.push(text, Style::REGULAR, Ink::Muted, None);
    b.shape(fonts)
}

/// Sets what a placed text is in the structure.
fn retag(item: Placed, new_tag: Tag, new_elem: usize) -> Placed {
    match item {
        Placed::Text {
            para,
            line,
            x,
            baseline,
            size,
            justify,
            ..
        } => Placed::Text {
            para,
            line,
            x,
            baseline,
            size,
            justify,
            tag: new_tag,
            elem: new_elem,
        },
        rule => rule,
    }
}

fn shift(item: Placed, dy: f32) -> Placed {
    match item {
        Placed::Text {
            para,
            line,
            x,
            baseline,
            size,
            justify,
            tag,
            elem,
        } => Placed::Text {
            para,
            line,
            x,
            baseline: baseline + dy,
            size,
            justify,
            tag,
            elem,
        },
        Placed::Rule {
            x0,
            x1,
            y,
            thickness,
            ink,
        } => Placed::Rule {
            x0,
            x1,
            y: y + dy,
            thickness,
            ink,
        },
    }
}

/// Chooses where pages end: as late as possible, but never between a block
/// and the next one it must stay with, unless the whole page is one such
/// chain.
fn paginate(blocks: &[Block], avail: f32) -> Vec<(usize, usize)> {
    const SLACK: f32 = 0.01;
    let mut pages = Vec::new();
    let mut start = 0;
    let mut y = 0.0;
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        let gap = if i == start { 0.0 } else { b.space_before };
        if i == start || y + gap + b.height <= avail + SLACK {
            y += gap + b.height;
            i += 1;
            continue;
        }
        let mut cut = i;
        while cut > start && blocks[cut - 1].keep_with_next {
            cut -= 1;
        }
        if cut == start {
            cut = i;
        }
        pages.push((start, cut));
        start = cut;
        i = cut;
        y = 0.0;
    }
    if start < blocks.len() || pages.is_empty() {
        pages.push((start, blocks.len()));
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(height: f32, keep: bool) -> Block {
        Block {
            space_before: 2.0,
            height,
            keep_with_next: keep,
            items: Vec::new(),
        }
    }

    #[track_caller]
    fn check(blocks: &[(f32, bool)], avail: f32, expect: &[(usize, usize)]) {
        let blocks: Vec<Block> = blocks.iter().map(|&(h, k)| block(h, k)).collect();
        assert_eq!(paginate(&blocks, avail), expect);
    }

    #[test]
    fn pagination() {
        // Everything fits.
        check(&[(10.0, false), (10.0, false)], 30.0, &[(0, 2)]);
        // Space before the first block of a page is dropped.
        check(
            &[(10.0, false), (10.0, false), (10.0, false)],
            24.0,
            &[(0, 2), (2, 3)],
        );
        // A kept pair moves to the next page together.
        check(
            &[(10.0, false), (10.0, true), (10.0, false)],
            24.0,
            &[(0, 1), (1, 3)],
        );
        // A chain longer than a page is split where it must be.
        check(
            &[(10.0, true), (10.0, true), (10.0, false)],
            15.0,
            &[(0, 1), (1, 2), (2, 3)],
        );
        // A block taller than the page still gets a page of its own.
        check(&[(50.0, false), (10.0, false)], 30.0, &[(0, 1), (1, 2)]);
        // No content is still one (empty) page.
        check(&[], 30.0, &[(0, 0)]);
    }

    #[test]
    fn keeping_lines() {
        let keeps = |n| (0..n).map(|i| keep_lines(i, n)).collect::<Vec<_>>();
        assert_eq!(keeps(1), [false]);
        assert_eq!(keeps(3), [true, true, false]);
        assert_eq!(keeps(6), [true, false, false, false, true, false]);
    }
}
