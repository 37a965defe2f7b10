//! The page estimate DOCX and HTML fit with: formats whose reader (Word,
//! LibreOffice, a browser) lays the page out, so the page count is
//! estimated instead of counted.
//!
//! One line-breaking routine over advance widths generated from the font
//! files (`cargo xtask gen-widths`, `data/widths.bin`), and one model of how
//! the blocks of a [`Document`] stack under a [`Design`]: the same rows,
//! sizes and gaps the PDF sets. Every approximation errs towards a taller
//! page, and the estimate is held a line short of the page, so what the
//! estimate fits on a sheet fits in the reader.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::OnceLock;

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_width::UnicodeWidthChar;

use crate::fit::Measure;
use crate::theme::{Case, Design, Family, TextStyle, WordFont};
use crate::{Document, Entry, SectionBody, Text};

/// A face whose widths are measured, regular, italic, bold and bold italic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    NotoSans,
    LibertinusSerif,
    /// Calibri's metric twin.
    Carlito,
    /// Cambria's metric twin.
    Caladea,
    /// Arial's metric twin.
    LiberationSans,
    /// Times New Roman's metric twin.
    LiberationSerif,
}

impl Face {
    /// The face a bundled family is measured with.
    pub fn bundled(family: Family) -> Face {
        match family {
            Family::NotoSans => Face::NotoSans,
            Family::LibertinusSerif => Face::LibertinusSerif,
        }
    }

    /// The face Word's font is measured with: its metric twin.
    pub fn word(font: WordFont) -> Face {
        match font {
            WordFont::Calibri => Face::Carlito,
            WordFont::Cambria => Face::Caladea,
            WordFont::Arial => Face::LiberationSans,
            WordFont::TimesNewRoman => Face::LiberationSerif,
        }
    }

    /// A system stack's metrics for a family: Arial's or Times's, the
    /// widest likely members of sans and serif stacks.
    pub fn system(family: Family) -> Face {
        if family.is_serif() {
            Face::LiberationSerif
        } else {
            Face::LiberationSans
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The measured face each type family of the design is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FaceSet {
    /// The bundled families themselves (embedded fonts).
    Bundled,
    /// One face for everything (DOCX, in the theme's Word font).
    One(Face),
    /// System stacks of the same character.
    System,
}

impl FaceSet {
    fn face(self, family: Family) -> Face {
        match self {
            FaceSet::Bundled => Face::bundled(family),
            FaceSet::One(f) => f,
            FaceSet::System => Face::system(family),
        }
    }
}

/// The generated width tables.
struct Widths {
    ranges: Vec<(u32, u32, usize)>,
    per_face: usize,
    data: &'static [u8],
}

static DATA: &[u8] = include_bytes!("../data/widths.bin");

fn widths() -> &'static Widths {
    static W: OnceLock<Widths> = OnceLock::new();
    W.get_or_init(|| {
        let d = DATA;
        let u16_at = |i: usize| u16::from_le_bytes([d[i], d[i + 1]]);
        let u32_at = |i: usize| u32::from_le_bytes([d[i], d[i + 1], d[i + 2], d[i + 3]]);
        assert!(d.starts_with(b"RWID") && d[4] == 1, "widths.bin is ours");
        let count = usize::from(u16_at(6));
        let mut ranges = Vec::with_capacity(count);
        let mut offset = 0;
        for r in 0..count {
            let (a, b) = (u32_at(8 + r * 8), u32_at(12 + r * 8));
            ranges.push((a, b, offset));
            offset += (b - a) as usize;
        }
        Widths {
            ranges,
            per_face: offset,
            data: &d[8 + count * 8..],
        }
    })
}

/// Advance of `c` in em, in `face` of the given style.
pub fn advance(face: Face, bold: bool, italic: bool, c: char) -> f32 {
    let w = widths();
    let cp = c as u32;
    let slot = face.index() * 4 + usize::from(bold) * 2 + usize::from(italic);
    let measured = w
        .ranges
        .iter()
        .find(|(a, b, _)| (*a..*b).contains(&cp))
        .map(|(a, _, off)| {
            let i = (slot * w.per_face + off + (cp - a) as usize) * 2;
            u16::from_le_bytes([w.data[i], w.data[i + 1]])
        })
        .unwrap_or(0);
    if measured > 0 {
        f32::from(measured) / 1000.0
    } else {
        // Not measured: wide (CJK) characters take a full em, others a
        // generous average letter.
        match c.width() {
            Some(2) => 1.0,
            Some(0) => 0.0,
            _ => 0.6,
        }
    }
}

/// Advance of `c` in points, in the face `faces` sets `style` in.
fn char_width(faces: FaceSet, style: &TextStyle, bold: bool, italic: bool, c: char) -> f32 {
    let face = faces.face(style.family);
    match style.case {
        Case::AsWritten => advance(face, bold, italic, c) * style.size,
        Case::Upper => c
            .to_uppercase()
            .map(|u| advance(face, bold, italic, u) * style.size)
            .sum(),
        // Small capitals are about 0.8 of a capital's width, measured
        // as capitals: an overestimate.
        Case::SmallCaps if c.is_lowercase() => c
            .to_uppercase()
            .map(|u| advance(face, bold, italic, u) * style.size * 0.82)
            .sum(),
        Case::SmallCaps => advance(face, bold, italic, c) * style.size,
    }
}

/// Width of text in points, in the faces `faces` sets it in.
pub fn width(faces: FaceSet, text: &Text, style: &TextStyle) -> f32 {
    text.spans
        .iter()
        .flat_map(|s| {
            let (b, i) = (style.bold || s.strong, style.italic || s.emphasis);
            s.text.chars().map(move |c| (c, b, i))
        })
        .map(|(c, b, i)| char_width(faces, style, b, i, c))
        .sum()
}

/// Estimates pages of a document under a design.
#[derive(Debug, Clone)]
pub struct Estimate<'a> {
    doc: &'a Document,
    faces: FaceSet,
    /// Width of an icon before a contact item (with its gap), in em; 0 when
    /// the format draws none.
    pub icon_em: f32,
    /// Every text measured so far, cut at its break opportunities in em.
    /// Fitting changes sizes, never faces or cases, so each pass after the
    /// first breaks lines from these instead of measuring the text again.
    segments: ByHash<(SegmentKey, Segments)>,
    /// Widths measured so far, with the size they were measured at.
    widths: ByHash<(SegmentKey, f32, f32)>,
}

/// Entries by the hash of their key ([`SegmentKey::hash`]), the few that
/// share one in a list.
type ByHash<T> = RefCell<HashMap<u64, Vec<T>, BuildHasherDefault<Quick>>>;

/// A hash for the segment cache: every layout pass hashes every text of
/// the document again, and SipHash cost more than the line breaking it
/// saves. Multiply and rotate over eight bytes at a time (the scheme of
/// rustc's FxHasher): good enough for a map of a few hundred texts that
/// no adversary chooses, and the map's order is never observed.
#[derive(Debug, Default, Clone, Copy)]
struct Quick(u64);

impl Quick {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for Quick {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            // The length keeps "a" and "a\0" apart.
            self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A block on the page: its height and whether it must stay with the next.
#[derive(Debug, Clone, Copy)]
struct Block {
    height: f32,
    keep: bool,
}

impl<'a> Estimate<'a> {
    pub fn new(doc: &'a Document, faces: FaceSet) -> Estimate<'a> {
        Estimate {
            doc,
            faces,
            icon_em: 0.0,
            segments: RefCell::default(),
            widths: RefCell::default(),
        }
    }

    /// Width of text in points. Each pass asks for the widths of the same
    /// dates again, so they are kept, by text, style and size.
    pub fn width(&self, text: &Text, style: &TextStyle) -> f32 {
        let hash = SegmentKey::hash(self.faces, text, style);
        let mut cache = self.widths.borrow_mut();
        let known = cache.entry(hash).or_default();
        if let Some(&(_, _, w)) = known
            .iter()
            .find(|(key, size, _)| *size == style.size && key.matches(self.faces, text, style))
        {
            return w;
        }
        let w = width(self.faces, text, style);
        known.push((SegmentKey::new(self.faces, text, style), style.size, w));
        w
    }

    /// Lines `text` breaks into, the first `first` wide and the rest `rest`
    /// wide: greedy, at Unicode break opportunities, as Word, LibreOffice
    /// and browsers break.
    pub fn lines(&self, text: &Text, style: &TextStyle, first: f32, rest: f32) -> usize {
        let hash = SegmentKey::hash(self.faces, text, style);
        let mut cache = self.segments.borrow_mut();
        let known = cache.entry(hash).or_default();
        if let Some((_, segments)) = known
            .iter_mut()
            .find(|(key, _)| key.matches(self.faces, text, style))
        {
            return segments.lines(style.size, first, rest);
        }
        let mut segments = Segments::new(self.faces, text, style);
        let lines = segments.lines(style.size, first, rest);
        known.push((SegmentKey::new(self.faces, text, style), segments));
        lines
    }

    fn blocks(&self, d: &Design) -> Vec<Block> {
        let mut out = Vec::new();
        let doc = self.doc;
        let h = &doc.header;
        let name = Text::plain(h.name.clone());
        let mut top = d.name.line * self.lines(&name, &d.name, d.measure, d.measure) as f32;
        if let Some(headline) = &h.headline {
            let t = Text::plain(headline.clone());
            top += d.headline.line * self.lines(&t, &d.headline, d.measure, d.measure) as f32;
        }
        if !h.contacts.is_empty() {
            let mut contacts = Text::default();
            for (i, c) in h.contacts.iter().enumerate() {
                if i > 0 {
                    contacts.push(crate::Span::plain(d.separator.clone()));
                }
                if let Some(p) = c.prefix(self.icon_em > 0.0) {
                    contacts.push(crate::Span::plain(format!("{p} ")));
                }
                contacts.push(crate::Span::plain(c.text.clone()));
            }
            let icons = self.icon_em * d.contact.size * h.contacts.len() as f32;
            let n = self.lines(&contacts, &d.contact, d.measure - icons, d.measure - icons);
            top += d.gaps.after_name + d.contact.line * n as f32;
        }
        out.push(Block {
            height: top,
            keep: false,
        });
        for section in &doc.sections {
            let title = Text::plain(section.title.clone());
            let title_lines = self.lines(&title, &d.section_title, d.measure, d.measure);
            let extra = d.title_height() - d.section_title.line;
            out.push(Block {
                height: d.gaps.section
                    + extra
                    + d.section_title.line * title_lines as f32
                    + d.gaps.after_title,
                keep: true,
            });
            match &section.body {
                SectionBody::Entries(entries) => {
                    for (i, e) in entries.iter().enumerate() {
                        if i > 0 {
                            out.push(Block {
                                height: d.gaps.entry,
                                keep: false,
                            });
                        }
                        self.entry(d, e, &mut out);
                    }
                }
                SectionBody::Paragraphs(ps) => {
                    let w = d.entry_measure();
                    for (i, p) in ps.iter().enumerate() {
                        let n = self.lines(p, &d.body, w, w);
                        let gap = if i > 0 { d.gaps.paragraph } else { 0.0 };
                        out.push(Block {
                            height: gap + n as f32 * d.body.line,
                            keep: false,
                        });
                    }
                }
                SectionBody::List(items) => {
                    for (i, item) in items.iter().enumerate() {
                        self.bullet(d, item, d.entry_measure(), i > 0, &mut out);
                    }
                }
            }
        }
        out
    }

    fn bullet(&self, d: &Design, text: &Text, width: f32, gap: bool, out: &mut Vec<Block>) {
        let w = width - d.bullet_indent;
        let n = self.lines(text, &d.body, w, w);
        let gap = if gap { d.gaps.bullet } else { 0.0 };
        out.push(Block {
            height: gap + n as f32 * d.body.line,
            keep: false,
        });
    }

    fn entry(&self, d: &Design, e: &Entry, out: &mut Vec<Block>) {
        let width = d.entry_measure();
        let layout = d.entry_layout(e);
        let rights: Vec<f32> = layout
            .right
            .iter()
            .map(|(t, _)| self.width(&Text::plain(t.clone()), &d.date))
            .collect();
        let room = |row: usize| -> f32 {
            let taken = rights.get(row).map_or(0.0, |w| w + d.columns.col_gap);
            (width - taken).max(width * 0.3)
        };
        let place = layout.place_row.map(Text::plain);
        let mut left: Vec<(&Text, &TextStyle)> = vec![(&e.title, &d.entry_title)];
        for line in &e.lines {
            let style = match line.kind {
                crate::LineKind::Subtitle => &d.subtitle,
                crate::LineKind::Keywords => &d.keywords,
                crate::LineKind::Detail => &d.detail,
            };
            left.push((&line.text, style));
        }
        left.extend(place.as_ref().map(|p| (p, &d.date)));
        // The first line of the last row: where a date column stands.
        let mut rows = 0;
        let mut last = 0;
        for (text, style) in left {
            if text.is_empty() {
                continue;
            }
            last = rows;
            rows += self.lines(text, style, room(rows), room(rows + 1));
        }
        // The dates end beside the last row, and the entry is as tall as
        // they reach.
        let c = d.columns.date_column;
        let column: usize = layout
            .column
            .iter()
            .map(|line| self.lines(&Text::plain(line.clone()), &d.date, c, c))
            .sum();
        let column = if column == 0 {
            0
        } else {
            (last + 1).saturating_sub(column) + column
        };
        let rows = rows.max(rights.len()).max(column);
        let gap = if e.bullets.is_empty() {
            0.0
        } else {
            d.gaps.heading
        };
        out.push(Block {
            height: rows as f32 * d.body.line + gap,
            keep: true,
        });
        for (i, b) in e.bullets.iter().enumerate() {
            self.bullet(d, b, width, i > 0, out);
        }
        for role in &e.roles {
            out.push(Block {
                height: d.gaps.role,
                keep: false,
            });
            self.entry(d, role, out);
        }
    }

    /// Pages the blocks take: greedy, a block that keeps with the next moves
    /// to the next page with it.
    fn paginate(blocks: &[Block], avail: f32) -> usize {
        let mut pages = 1;
        let mut used = 0.0f32;
        let mut i = 0;
        while i < blocks.len() {
            // A chain of kept blocks and the block after it go together.
            let mut j = i;
            let mut chain = blocks[i].height;
            while blocks[j].keep && j + 1 < blocks.len() {
                j += 1;
                chain += blocks[j].height;
            }
            if used > 0.0 && used + chain > avail {
                pages += 1;
                used = 0.0;
            }
            used += blocks[i].height;
            if used > avail {
                // A block taller than a page spills onto the next.
                pages += (used / avail) as usize;
                used %= avail;
            }
            i += 1;
        }
        pages
    }

    /// The estimated height of the content, in points, before pagination.
    pub fn height(&self, d: &Design) -> f32 {
        self.blocks(d).iter().map(|b| b.height).sum()
    }
}

/// What measuring a text depends on besides its size: its spans with their
/// emphasis, and the face, weight, slant and case of its style.
#[derive(Debug, Clone, PartialEq)]
struct SegmentKey {
    faces: FaceSet,
    family: Family,
    case: Case,
    bold: bool,
    italic: bool,
    spans: Vec<(String, bool, bool)>,
}

impl SegmentKey {
    fn new(faces: FaceSet, text: &Text, style: &TextStyle) -> SegmentKey {
        SegmentKey {
            faces,
            family: style.family,
            case: style.case,
            bold: style.bold,
            italic: style.italic,
            spans: text
                .spans
                .iter()
                .map(|s| (s.text.clone(), s.strong, s.emphasis))
                .collect(),
        }
    }

    /// Whether `text` in `style` is what this key measured, compared in
    /// place: a lookup allocates nothing.
    fn matches(&self, faces: FaceSet, text: &Text, style: &TextStyle) -> bool {
        self.faces == faces
            && self.family == style.family
            && self.case == style.case
            && self.bold == style.bold
            && self.italic == style.italic
            && self.spans.len() == text.spans.len()
            && self
                .spans
                .iter()
                .zip(&text.spans)
                .all(|((t, b, i), s)| *t == s.text && *b == s.strong && *i == s.emphasis)
    }

    /// The hash a lookup goes by, computed without building a key.
    fn hash(faces: FaceSet, text: &Text, style: &TextStyle) -> u64 {
        let mut h = Quick::default();
        faces.hash(&mut h);
        style.family.hash(&mut h);
        (style.case as u8).hash(&mut h);
        (style.bold, style.italic).hash(&mut h);
        for s in &text.spans {
            (s.text.as_str(), s.strong, s.emphasis).hash(&mut h);
        }
        h.finish()
    }
}

/// Where a text may break, with the widths between breaks in em: fitting
/// then breaks lines at any size without looking at a character again.
#[derive(Debug, Clone)]
struct Segments {
    /// Per piece between two break opportunities: its advance, the advance
    /// of the white space it ends with (which may hang at a line end), and
    /// whether the break after it is mandatory.
    pieces: Vec<(f32, f32, bool)>,
    chars: usize,
    /// The last size and widths asked for, and the lines they gave: passes
    /// that only change the spacing ask the same again.
    last: Option<([f32; 3], usize)>,
}

impl Segments {
    fn new(faces: FaceSet, text: &Text, style: &TextStyle) -> Segments {
        // Widths at one point: `char_width` is linear in the size.
        let unit = TextStyle {
            size: 1.0,
            ..*style
        };
        let bytes: usize = text.spans.iter().map(|s| s.text.len()).sum();
        let mut widths: Vec<(f32, bool)> = Vec::with_capacity(bytes);
        let mut plain = String::with_capacity(bytes);
        for s in &text.spans {
            let (b, i) = (style.bold || s.strong, style.italic || s.emphasis);
            for c in s.text.chars() {
                widths.push((char_width(faces, &unit, b, i, c), c.is_whitespace()));
                plain.push(c);
            }
        }
        // Byte offsets to char indices.
        let mut char_at = vec![0usize; plain.len() + 1];
        for (ci, (bi, _)) in plain.char_indices().enumerate() {
            char_at[bi] = ci;
        }
        char_at[plain.len()] = widths.len();
        let mut pieces = Vec::new();
        if !widths.is_empty() {
            let mut start = 0;
            for (bi, op) in linebreaks(&plain) {
                let end = char_at[bi];
                let seg = &widths[start..end];
                let total: f32 = seg.iter().map(|(w, _)| w).sum();
                let trailing: f32 = seg
                    .iter()
                    .rev()
                    .take_while(|(_, space)| *space)
                    .map(|(w, _)| w)
                    .sum();
                let mandatory = op == BreakOpportunity::Mandatory && end < widths.len();
                pieces.push((total, trailing, mandatory));
                start = end;
            }
        }
        Segments {
            pieces,
            chars: widths.len(),
            last: None,
        }
    }

    /// Lines at `size`, the first `first` wide and the rest `rest` wide.
    fn lines(&mut self, size: f32, first: f32, rest: f32) -> usize {
        let asked = [size, first, rest];
        match self.last {
            Some((known, lines)) if known == asked => lines,
            _ => {
                let lines = self.break_lines(size, first, rest);
                self.last = Some((asked, lines));
                lines
            }
        }
    }

    fn break_lines(&self, size: f32, first: f32, rest: f32) -> usize {
        if self.chars == 0 {
            return 1;
        }
        let mut lines = 1;
        let mut line_w = 0.0f32;
        for &(total, trailing, mandatory) in &self.pieces {
            let (total, trailing) = (total * size, trailing * size);
            let width = if lines == 1 { first } else { rest };
            if line_w > 0.0 && line_w + total - trailing > width {
                lines += 1;
                line_w = 0.0;
            }
            line_w += total;
            if mandatory {
                lines += 1;
                line_w = 0.0;
            }
        }
        lines
    }
}

impl Measure for Estimate<'_> {
    type Layout = ();

    fn layout(&mut self, design: &Design) -> (usize, ()) {
        // Held a body line short of the page, for what an estimate misses.
        let slack = design.body.line;
        let avail = design.avail() - slack;
        (Self::paginate(&self.blocks(design), avail), ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_fonts() {
        // Arial's "M" is 1706 of 2048 units, and so is its twin's.
        assert!((advance(Face::LiberationSans, false, false, 'M') - 0.833).abs() < 0.001);
        assert!(
            advance(Face::NotoSans, false, false, 'M') > advance(Face::NotoSans, false, false, 'i')
        );
        assert!(
            advance(Face::Carlito, false, false, 'i') < advance(Face::Carlito, false, false, 'W')
        );
        assert!(
            advance(Face::Carlito, true, false, 'a') >= advance(Face::Carlito, false, false, 'a')
        );
        assert_eq!(advance(Face::LiberationSans, false, false, '中'), 1.0);
    }

    #[test]
    fn breaking() {
        let doc = crate::test_document(Vec::new(), crate::Theme::classic());
        let e = Estimate::new(&doc, FaceSet::One(Face::LiberationSans));
        let d = Design::natural(&doc.theme);
        let text = Text::plain("word ".repeat(40));
        let one = e.width(&Text::plain("word "), &d.body);
        let per_line = (200.0 / one).floor() as usize;
        assert_eq!(
            e.lines(&text, &d.body, 200.0, 200.0),
            40usize.div_ceil(per_line)
        );
        assert_eq!(e.lines(&Text::plain("a\nb"), &d.body, 200.0, 200.0), 2);
    }
}
