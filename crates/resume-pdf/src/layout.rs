//! Layout: shaped paragraphs placed on pages, every size, gap, colour and
//! position taken from the resolved [`Design`].
//!
//! Content becomes a flow of unbreakable blocks (a header line, a section
//! title with its rule or band, an entry's heading rows, one line of a
//! bullet or paragraph), each with whatever sits on it: a bullet mark,
//! right-aligned dates, a date column, a rule. Each block knows the space
//! above it and whether it must stay on the page of the block after it;
//! pagination then only chooses where pages end.
//!
//! [`Typesetter`] is this layout as a [`Measure`], so the one page-fit
//! search of `resume-document` counts real pages.

use resume_document::{Align, Color, Design, Measure, TextStyle, TitleStyle};

use crate::fonts::Fonts;
use crate::icons::Icon;
use crate::prepare::{OutlineBody, OutlineEntry, Prepared, footer, line_style};
use crate::text::{LineRange, Para};

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

/// What a filled rectangle is for; all are drawn alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RectKind {
    /// A section title's rule.
    Rule,
    /// The tinted band behind a section title.
    Band,
    /// The line under a link.
    Underline,
}

impl RectKind {
    pub fn name(self) -> &'static str {
        match self {
            RectKind::Rule => "rule",
            RectKind::Band => "band",
            RectKind::Underline => "underline",
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
    /// A contact icon, drawn in the square [`crate::icons::frame`] gives.
    Icon {
        icon: Icon,
        x: f32,
        baseline: f32,
        size: f32,
        color: Color,
    },
    /// A filled rectangle; `y` is its top edge.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Color,
        kind: RectKind,
    },
}

impl Placed {
    /// The same item `dy` points lower.
    fn shifted(mut self, dy: f32) -> Placed {
        match &mut self {
            Placed::Text { baseline, .. } | Placed::Icon { baseline, .. } => *baseline += dy,
            Placed::Rect { y, .. } => *y += dy,
        }
        self
    }
}

/// One unbreakable piece of the flow.
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

/// The layout as the page-fit search sees it: shaped once, laid out at each
/// design it tries.
#[derive(Debug)]
pub(crate) struct Typesetter<'a> {
    pub prepared: &'a Prepared,
    pub fonts: &'a Fonts<'a>,
}

impl Measure for Typesetter<'_> {
    type Layout = Laid;

    fn layout(&mut self, design: &Design) -> (usize, Laid) {
        let laid = layout(self.prepared, self.fonts, design);
        (laid.pages.len(), laid)
    }
}

struct Flow<'a> {
    paras: &'a [Para],
    fonts: &'a Fonts<'a>,
    d: &'a Design,
    blocks: Vec<Block>,
    /// The paragraph holding the bullet mark.
    bullet: Option<usize>,
    /// Space the next block gets above it.
    next_space: f32,
    /// The page is laid out right to left: every line box, rule and band
    /// is mirrored about the page's middle (text set from the right, dates
    /// on the left), while the glyphs inside a line keep their visual order.
    rtl: bool,
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

    /// Where the baseline sits in a line box of `line` points for text of
    /// `size` in `style`'s family: the box's middle runs through the middle
    /// of the capitals, so lines of any size look centred in their room.
    fn baseline(&self, line: f32, size: f32, style: &TextStyle) -> f32 {
        (line + self.fonts.family(style.family).cap * size) / 2.0
    }

    /// A line of a paragraph, with its icons and, when the design
    /// underlines links, the lines under them.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &self,
        para: usize,
        line: LineRange,
        x: f32,
        baseline: f32,
        size: f32,
        justify: f32,
        tag: Tag,
        elem: usize,
        out: &mut Vec<Placed>,
    ) {
        let x = if self.rtl {
            let p = &self.paras[para];
            let spaces = p.glyphs[line.start..line.end]
                .iter()
                .filter(|g| g.space)
                .count();
            mirror(self.d, x, line.width * size + spaces as f32 * justify)
        } else {
            x
        };
        if self.d.link_underline {
            self.underlines(para, &line, x, baseline, size, justify, out);
        }
        self.icons(para, &line, x, baseline, size, out);
        out.push(Placed::Text {
            para: ParaRef::Body(para),
            line,
            x,
            baseline,
            size,
            justify,
            tag,
            elem,
        });
    }

    /// The icons of a placed line, where their boxes stand.
    fn icons(
        &self,
        para: usize,
        line: &LineRange,
        x: f32,
        baseline: f32,
        size: f32,
        out: &mut Vec<Placed>,
    ) {
        let p = &self.paras[para];
        if p.runs.iter().all(|run| run.icon.is_none()) {
            return;
        }
        let mut pen = x;
        for g in p.visual(line).into_iter().map(|i| &p.glyphs[i]) {
            if let Some(run) = p.runs.get(usize::from(g.run))
                && let Some(icon) = run.icon
            {
                // The room after an icon is on the side of the text it
                // stands for: its left in right-to-left text.
                let x = if g.level % 2 == 1 {
                    pen + (g.adv - crate::icons::BOX) * size
                } else {
                    pen
                };
                out.push(Placed::Icon {
                    icon,
                    x,
                    baseline,
                    size,
                    color: run.color,
                });
            }
            pen += g.adv * size;
        }
    }

    /// Lines under the links of a placed line: one per run of glyphs with
    /// the same target, without the spaces at its ends.
    #[allow(clippy::too_many_arguments)]
    fn underlines(
        &self,
        para: usize,
        line: &LineRange,
        x: f32,
        baseline: f32,
        size: f32,
        justify: f32,
        out: &mut Vec<Placed>,
    ) {
        let p = &self.paras[para];
        if p.runs.iter().all(|run| !run.underline) {
            return;
        }
        let mut pen = x;
        // The open underline: start, end of its last ink, its run and face.
        let mut open: Option<(f32, f32, u16, usize)> = None;
        let mut close = |open: &mut Option<(f32, f32, u16, usize)>| {
            if let Some((x0, x1, run, face)) = open.take()
                && x1 > x0
            {
                let (below, thickness) = self.fonts.face(face).underline;
                out.push(Placed::Rect {
                    x: x0,
                    y: baseline + below * size,
                    w: x1 - x0,
                    h: (thickness * size).max(0.4),
                    color: p.runs[usize::from(run)].color,
                    kind: RectKind::Underline,
                });
            }
        };
        for g in p.visual(line).into_iter().map(|i| &p.glyphs[i]) {
            let run = &p.runs[usize::from(g.run)];
            let advance = g.adv * size + if g.space { justify } else { 0.0 };
            let same = open.is_some_and(|(_, _, r, _)| p.runs[usize::from(r)].link == run.link);
            if !run.underline || !same {
                close(&mut open);
            }
            if run.underline {
                let (x0, x1) = match open {
                    Some((x0, x1, _, _)) => (x0, x1),
                    None if g.space => {
                        pen += advance;
                        continue;
                    }
                    None => (pen, pen),
                };
                let x1 = if g.space { x1 } else { pen + g.adv * size };
                open = Some((x0, x1, g.run, usize::from(g.face)));
            }
            pen += advance;
        }
        close(&mut open);
    }

    /// A paragraph of the header: its lines aligned as the design says.
    fn header_lines(&mut self, para: usize, style: &TextStyle, tag: Tag) {
        let d = self.d;
        let size = style.size;
        let lines = self.paras[para].lines(|_| d.measure / size);
        let baseline = self.baseline(style.line, size, style);
        for line in lines {
            let x = match d.header_align {
                Align::Left => d.margins.left,
                Align::Center => d.margins.left + (d.measure - line.width * size) / 2.0,
            };
            let mut items = Vec::new();
            self.text(para, line, x, baseline, size, 0.0, tag, para, &mut items);
            self.push(style.line, true, items);
        }
    }

    fn section_title(&mut self, para: usize) {
        let d = self.d;
        let t = &d.section_title;
        let rule = &d.rule;
        let left = d.margins.left;
        let band = rule.style == TitleStyle::Band;
        // On a band the title stands a little in from its edge, or, when
        // dates have a column of their own, over the entries' text.
        let inset = if band {
            if d.columns.indent() > 0.0 {
                d.columns.indent()
            } else {
                0.6 * t.size
            }
        } else {
            0.0
        };
        let room = match d.title_align {
            Align::Left => d.measure - inset,
            Align::Center => d.measure - 2.0 * inset,
        };
        let lines = self.paras[para].lines(|_| (room / t.size).max(1.0));
        let count = lines.len();
        let top = if band { rule.band_pad } else { 0.0 };
        let baseline = self.baseline(t.line, t.size, t);
        let mut items = Vec::new();
        let mut last = (left, left, baseline);
        for (i, line) in lines.into_iter().enumerate() {
            let width = line.width * t.size;
            let x = match d.title_align {
                Align::Left => left + inset,
                Align::Center => left + (d.measure - width) / 2.0,
            };
            let y = top + i as f32 * t.line + baseline;
            last = (x, x + width, y);
            self.text(para, line, x, y, t.size, 0.0, Tag::H2, para, &mut items);
        }
        let text_height = count as f32 * t.line;
        let rect = |x: f32, y: f32, w: f32, h: f32, color: Color, kind: RectKind| Placed::Rect {
            x,
            y,
            w,
            h,
            color,
            kind,
        };
        match rule.style {
            TitleStyle::RuleBeside => {
                // The rule runs from the end of the title to the margin (on
                // both sides of a centred title), a little above the
                // baseline, as in classic LaTeX and Typst résumés: it marks
                // the section without costing a line.
                let (x0, x1, y) = last;
                let y = y - 0.3 * self.fonts.family(t.family).cap * t.size;
                let right = left + d.measure;
                let mut spans = vec![(x1 + rule.gap, right)];
                if d.title_align == Align::Center {
                    spans.insert(0, (left, x0 - rule.gap));
                }
                for (a, b) in spans {
                    if b - a > t.size {
                        items.push(rect(
                            a,
                            y,
                            b - a,
                            rule.thickness,
                            rule.color,
                            RectKind::Rule,
                        ));
                    }
                }
            }
            TitleStyle::RuleUnder => items.push(rect(
                left,
                text_height + 0.15 * t.size,
                d.measure,
                rule.thickness,
                rule.color,
                RectKind::Rule,
            )),
            TitleStyle::Band => items.insert(
                0,
                rect(
                    left,
                    0.0,
                    d.measure,
                    text_height + 2.0 * rule.band_pad,
                    rule.band,
                    RectKind::Band,
                ),
            ),
            TitleStyle::Plain => {}
        }
        // The design's title height holds one line; more lines add theirs.
        let height = d.title_height() + (count.max(1) - 1) as f32 * t.line;
        // A title never ends a page: it stays with what follows.
        self.push(height + d.gaps.after_title, true, items);
    }

    fn entry(&mut self, e: &OutlineEntry) {
        let d = self.d;
        let x0 = d.margins.left + d.columns.indent();
        let width = d.entry_measure();
        // Every heading row is a body line high, whatever is set in it, so
        // the texts beside each other share baselines.
        let row = d.body.line;
        let date = &d.date;
        let rights: Vec<(usize, f32)> = e
            .right
            .iter()
            .map(|&p| (p, self.paras[p].width() * date.size))
            .collect();
        let fit =
            |taken: f32, size: f32| -> f32 { ((width - taken) / size).max(width * 0.3 / size) };
        let beside = |w: f32| w + d.columns.col_gap;
        // The texts on the right stand from the title's last line down: a
        // title that wraps keeps its dates at its end, where they are read
        // after it, and every line of the title leaves room for the widest.
        let mut offset = 0;
        let mut rows: Vec<(usize, LineRange, f32, Tag)> = Vec::new();
        if let Some(p) = e.title {
            let size = d.entry_title.size;
            let taken = |i: usize| rights.get(i).map_or(0.0, |&(_, w)| beside(w));
            let mut lines = self.paras[p].lines(|i| fit(taken(i), size));
            if lines.len() > 1 && !rights.is_empty() {
                let widest = rights.iter().map(|&(_, w)| beside(w)).fold(0.0, f32::max);
                lines = self.paras[p].lines(|_| fit(widest, size));
                offset = lines.len() - 1;
            }
            rows.extend(lines.into_iter().map(|line| (p, line, size, Tag::H3)));
        }
        let room = |i: usize, size: f32| -> f32 {
            let taken = i
                .checked_sub(offset)
                .and_then(|i| rights.get(i))
                .map_or(0.0, |&(_, w)| beside(w));
            fit(taken, size)
        };
        let left = e
            .lines
            .iter()
            .map(|&(p, kind)| (p, line_style(d, kind).size, Tag::P))
            .chain(e.place.iter().map(|&p| (p, date.size, Tag::P)));
        // The first line of the heading's last row, where a date column
        // stands (the design's entry layout).
        let mut last = 0;
        for (para, size, tag) in left {
            let first = rows.len();
            last = first;
            for line in self.paras[para].lines(|i| room(first + i, size)) {
                rows.push((para, line, size, tag));
            }
        }
        // Dates in a column of their own, flush right against the entry, as
        // moderncv sets them, in the lines the design gives them; a line
        // still wider than the column breaks.
        let column: Vec<(usize, LineRange)> = e
            .column
            .iter()
            .flat_map(|&p| {
                self.paras[p]
                    .lines(|_| d.columns.date_column / date.size)
                    .into_iter()
                    .map(move |l| (p, l))
            })
            .collect();
        let start = (last + 1).saturating_sub(column.len());
        let reach = if column.is_empty() {
            0
        } else {
            start + column.len()
        };
        let count = rows.len().max(offset + rights.len()).max(reach);
        let base = self.baseline(row, d.body.size, &d.body);
        let y = |i: usize| base + i as f32 * row;

        let mut left_items = Vec::new();
        let mut last_items = 0;
        for (i, (para, line, size, tag)) in rows.into_iter().enumerate() {
            if i == last {
                last_items = left_items.len();
            }
            self.text(para, line, x0, y(i), size, 0.0, tag, para, &mut left_items);
        }
        // The lines of the dates are one paragraph of the structure.
        let dates_elem = column.first().map_or(0, |&(para, _)| para);
        let mut column_items = Vec::new();
        for (i, (para, line)) in column.into_iter().enumerate() {
            let x = d.margins.left + d.columns.date_column - line.width * date.size;
            self.text(
                para,
                line,
                x,
                y(start + i),
                date.size,
                0.0,
                Tag::P,
                dates_elem,
                &mut column_items,
            );
        }
        let mut right_items = Vec::new();
        for (i, &(para, w)) in rights.iter().enumerate() {
            if let Some(line) = self.paras[para].lines(|_| f32::INFINITY).into_iter().next() {
                let x = x0 + width - w;
                self.text(
                    para,
                    line,
                    x,
                    y(offset + i),
                    date.size,
                    0.0,
                    Tag::P,
                    para,
                    &mut right_items,
                );
            }
        }
        // The heading is one unbreakable block, its texts in reading order.
        // Dates in the column come whole before the last row, which they
        // stand beside. A lone date on the right follows the title it stands
        // by; dates with a place form a column read after the lines on the
        // left, as text extractors see them and as the plain-text backend
        // writes them.
        let mut items: Vec<Placed> = Vec::new();
        if !column_items.is_empty() {
            let tail = left_items.split_off(last_items);
            items.append(&mut left_items);
            items.append(&mut column_items);
            items.extend(tail);
        } else if rights.len() > 1 {
            items.append(&mut left_items);
        } else {
            let title_end = left_items
                .iter()
                .enumerate()
                .filter(|(_, item)| matches!(item, Placed::Text { .. }))
                .nth(offset)
                .map_or(0, |(i, _)| i + 1);
            items.extend(left_items.drain(..title_end));
        }
        items.append(&mut right_items);
        items.append(&mut left_items);
        // The heading stays with the first bullet, a little apart from it:
        // the gap also keeps text extractors from reading heading and bullets
        // as one block, which would interleave the right-hand column.
        let gap = if e.bullets.is_empty() {
            0.0
        } else {
            d.gaps.heading
        };
        self.push(count as f32 * row + gap, true, items);
        for (i, &b) in e.bullets.iter().enumerate() {
            if i > 0 {
                self.space(d.gaps.bullet);
            }
            self.bulleted(b, x0, width);
        }
        for role in &e.roles {
            self.space(d.gaps.role);
            self.entry(role);
        }
        self.release();
    }

    /// A paragraph with the bullet mark hanging in its indent.
    fn bulleted(&mut self, para: usize, x0: f32, width: f32) {
        let d = self.d;
        let size = d.body.size;
        let indent = d.bullet_indent;
        let lines = self.paras[para].lines(|_| ((width - indent) / size).max(1.0));
        let count = lines.len();
        let baseline = self.baseline(d.body.line, size, &d.body);
        let mark = self
            .bullet
            .and_then(|b| Some((b, self.paras[b].lines(|_| f32::INFINITY).pop()?)));
        for (i, line) in lines.into_iter().enumerate() {
            let mut items = Vec::new();
            if i == 0
                && let Some((b, mark)) = &mark
            {
                // Centred a little left of the middle of the indent, where
                // the eye expects it.
                let x = x0 + ((indent - mark.width * size) * 0.4).max(0.0);
                self.text(
                    *b,
                    mark.clone(),
                    x,
                    baseline,
                    size,
                    0.0,
                    Tag::P,
                    para,
                    &mut items,
                );
            }
            self.text(
                para,
                line,
                x0 + indent,
                baseline,
                size,
                0.0,
                Tag::P,
                para,
                &mut items,
            );
            self.push(d.body.line, keep_lines(i, count), items);
        }
    }

    /// Running text, justified except for its last line; beside a date
    /// column it lines up with the entries' text.
    fn paragraph(&mut self, para: usize) {
        let d = self.d;
        let size = d.body.size;
        let p = &self.paras[para];
        let measure = d.entry_measure();
        let lines = p.lines(|_| measure / size);
        let count = lines.len();
        let baseline = self.baseline(d.body.line, size, &d.body);
        for (i, line) in lines.into_iter().enumerate() {
            let justify = if i + 1 < count {
                let spaces = p.glyphs[line.start..line.end]
                    .iter()
                    .filter(|g| g.space)
                    .count();
                let slack = measure - line.width * size;
                if spaces > 0 && slack > 0.0 && slack / (spaces as f32) < 0.6 * size {
                    slack / spaces as f32
                } else {
                    0.0
                }
            } else {
                0.0
            };
            let mut items = Vec::new();
            let x = d.margins.left + d.columns.indent();
            self.text(
                para,
                line,
                x,
                baseline,
                size,
                justify,
                Tag::P,
                para,
                &mut items,
            );
            self.push(d.body.line, keep_lines(i, count), items);
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

/// Lays the prepared document out with the given design.
pub(crate) fn layout(prep: &Prepared, fonts: &Fonts<'_>, d: &Design) -> Laid {
    let o = &prep.outline;
    let mut flow = Flow {
        paras: &prep.paras,
        fonts,
        d,
        blocks: Vec::new(),
        bullet: o.bullet,
        next_space: 0.0,
        rtl: o.rtl,
    };
    if let Some(name) = o.name {
        flow.header_lines(name, &d.name, Tag::H1);
        if o.headline.is_some() || o.contacts.is_some() {
            flow.space(d.gaps.after_name);
        }
    }
    if let Some(headline) = o.headline {
        flow.header_lines(headline, &d.headline, Tag::P);
    }
    if let Some(contacts) = o.contacts {
        flow.header_lines(contacts, &d.contact, Tag::P);
    }
    flow.release();
    for section in &o.sections {
        flow.space(d.gaps.section);
        if let Some(title) = section.title {
            flow.section_title(title);
        }
        match &section.body {
            OutlineBody::Entries(entries) => {
                for (i, e) in entries.iter().enumerate() {
                    if i > 0 {
                        flow.space(d.gaps.entry);
                    }
                    flow.entry(e);
                }
            }
            OutlineBody::Paragraphs(paras) => {
                for (i, &p) in paras.iter().enumerate() {
                    if i > 0 {
                        flow.space(d.gaps.paragraph);
                    }
                    flow.paragraph(p);
                }
            }
            OutlineBody::List(items) => {
                // Beside a date column, lists line up with the entries' text.
                let x0 = d.margins.left + d.columns.indent();
                for (i, &item) in items.iter().enumerate() {
                    if i > 0 {
                        flow.space(d.gaps.bullet);
                    }
                    flow.bulleted(item, x0, d.entry_measure());
                }
            }
        }
        flow.release();
    }

    let ranges = paginate(&flow.blocks, d.avail());
    let total = ranges.len();
    let mut pages = Vec::with_capacity(total);
    let mut footers = Vec::new();
    for (n, (start, end)) in ranges.into_iter().enumerate() {
        let mut items = Vec::new();
        let mut y = d.margins.top;
        for (k, block) in flow.blocks[start..end].iter().enumerate() {
            if k > 0 {
                y += block.space_before;
            }
            items.extend(block.items.iter().cloned().map(|mut item| {
                // Lines, their icons and underlines are mirrored as they are
                // placed; rules and bands here.
                if let Placed::Rect { x, w, kind, .. } = &mut item
                    && o.rtl
                    && *kind != RectKind::Underline
                {
                    *x = mirror(d, *x, *w);
                }
                item.shifted(y)
            }));
            y += block.height;
        }
        if total > 1 {
            // The name at the left margin and the page number at the right,
            // both in the bottom margin. Kept to the edges, they stay out of
            // the columns text extractors find in the page above.
            let f = &d.footer;
            let cap = fonts.family(f.family).cap;
            let baseline = d.page.1 - d.margins.bottom / 2.0 + cap * f.size / 2.0;
            let number = o
                .page_label
                .replace("{page}", &(n + 1).to_string())
                .replace("{pages}", &total.to_string());
            for (text, right) in [(o.footer_name.as_str(), false), (number.as_str(), true)] {
                let para = footer(text, o.rtl, d, fonts);
                if let Some(line) = para.lines(|_| f32::INFINITY).into_iter().next() {
                    let mut x = if right {
                        d.margins.left + d.measure - line.width * f.size
                    } else {
                        d.margins.left
                    };
                    if o.rtl {
                        x = mirror(d, x, line.width * f.size);
                    }
                    items.push(Placed::Text {
                        x,
                        baseline,
                        size: f.size,
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

/// Where a box at `x`, `width` wide, stands on the mirrored page.
fn mirror(d: &Design, x: f32, width: f32) -> f32 {
    d.page.0 - x - width
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
