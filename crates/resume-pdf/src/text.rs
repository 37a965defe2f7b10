//! Paragraphs: styled runs of text, shaped once at one em, then broken into
//! lines for whatever width and size a layout asks for. Shaping does not
//! depend on the size, so page fitting lays the same glyphs out again at
//! other sizes without shaping anything twice.

use std::collections::BTreeSet;

use resume_document::{Case, Color};
use unicode_linebreak::BreakOpportunity;

use crate::fonts::{Fonts, Glyph, Style, has_capital, is_invisible};
use crate::icons::{ICON_ADVANCE, Icon};

/// How a run of text looks, apart from its size (the layout's business).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Look {
    pub style: Style,
    pub color: Color,
    pub case: Case,
    /// Underlined, for links when the design asks for it.
    pub underline: bool,
}

impl Look {
    pub fn new(style: Style, color: Color, case: Case) -> Look {
        Look {
            style,
            color,
            case,
            underline: false,
        }
    }
}

/// The look of a run of text, as shaped.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub style: Style,
    pub color: Color,
    pub link: Option<String>,
    /// Lower-case letters are set as small capitals.
    pub small_caps: bool,
    pub underline: bool,
    /// An icon drawn in place of the run's one placeholder character.
    pub icon: Option<Icon>,
}

/// What stands in the text for an icon: the object replacement character,
/// never written to the PDF as text.
const ICON_PLACEHOLDER: char = '\u{FFFC}';

/// A paragraph before shaping: text and the runs that style it.
#[derive(Debug, Default)]
pub(crate) struct ParaBuilder {
    text: String,
    runs: Vec<Run>,
    /// Byte ranges of `text` and the run each is set in.
    spans: Vec<(usize, usize, u16)>,
    /// Break only at these byte offsets, instead of at every opportunity.
    breaks_only: Option<Vec<usize>>,
    /// The paragraph's base direction is right to left.
    pub rtl: bool,
    /// Byte ranges set apart from the text around them, as by the Unicode
    /// isolates: their direction is left to right when the flag says so,
    /// else that of their first strong character.
    isolates: Vec<(usize, usize, bool)>,
    /// Where the isolate being pushed starts.
    isolate_start: Option<usize>,
}

impl ParaBuilder {
    pub fn new() -> ParaBuilder {
        ParaBuilder::default()
    }

    /// Appends `text` in the given look. White space collapses to single
    /// spaces across pushes, as it does in HTML, and invisible characters are
    /// left out.
    /// Upper case is applied here: the capitals are what is shaped and what
    /// text extraction reads, which keeps every word.
    pub fn push(&mut self, text: &str, look: Look, link: Option<&str>) -> &mut Self {
        self.push_spaced(text, look, link, false)
    }

    /// Appends a separator between items (contact items) whose spaces are
    /// part of the design, e.g. two spaces each side of a dot: they are kept
    /// as written instead of collapsing, except at the start of the text.
    pub fn push_separator(&mut self, text: &str, look: Look) -> &mut Self {
        self.push_spaced(text, look, None, true)
    }

    fn push_spaced(
        &mut self,
        text: &str,
        look: Look,
        link: Option<&str>,
        keep_spaces: bool,
    ) -> &mut Self {
        let run = Run {
            style: look.style,
            color: look.color,
            link: link.map(str::to_owned),
            small_caps: look.case == Case::SmallCaps,
            underline: look.underline && link.is_some(),
            icon: None,
        };
        let upper;
        let text = if look.case == Case::Upper {
            upper = resume_document::upper(text);
            upper.as_str()
        } else {
            text
        };
        let index = match self.runs.iter().position(|r| *r == run) {
            Some(i) => i,
            None => {
                self.runs.push(run);
                self.runs.len() - 1
            }
        };
        let start = self.text.len();
        for c in text.chars() {
            if c.is_whitespace() {
                if !self.text.is_empty() && (keep_spaces || !self.text.ends_with(' ')) {
                    self.text.push(' ');
                }
            } else if let Some(letters) = unligated(c) {
                // A ligature typed into the source is spelled out, so the
                // word stays searchable.
                self.text.push_str(letters);
            } else if !is_invisible(c) {
                self.text.push(c);
            }
        }
        if self.text.len() > start {
            self.spans.push((start, self.text.len(), index as u16));
        }
        self
    }

    /// Starts a run of text that is ordered on its own (a contact item).
    pub fn begin_isolate(&mut self) -> &mut Self {
        self.isolate_start = Some(self.text.len());
        self
    }

    /// Ends the isolate begun last: left to right when `ltr`, else in the
    /// direction of its first strong character.
    pub fn end_isolate(&mut self, ltr: bool) -> &mut Self {
        if let Some(start) = self.isolate_start.take()
            && self.text.len() > start
        {
            self.isolates.push((start, self.text.len(), ltr));
        }
        self
    }

    /// Appends an icon in the colour of `look`, with the room after it.
    pub fn push_icon(&mut self, icon: Icon, look: Look) -> &mut Self {
        let run = Run {
            style: look.style,
            color: look.color,
            link: None,
            small_caps: false,
            underline: false,
            icon: Some(icon),
        };
        self.runs.push(run);
        let start = self.text.len();
        self.text.push(ICON_PLACEHOLDER);
        self.spans
            .push((start, self.text.len(), (self.runs.len() - 1) as u16));
        self
    }

    /// Allows line breaks only after what has been pushed so far (and
    /// wherever later calls allow), e.g. between contact items.
    pub fn break_here(&mut self) -> &mut Self {
        let at = self.text.len();
        self.breaks_only.get_or_insert_with(Vec::new).push(at);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Every character with the style it is set in, to find fonts for them.
    pub fn chars(&self, out: &mut BTreeSet<(char, Style)>) {
        for &(start, end, run) in &self.spans {
            let run = &self.runs[run as usize];
            if run.icon.is_some() {
                continue;
            }
            for c in self.text[start..end].chars() {
                if c.is_whitespace() {
                    continue;
                }
                out.insert((c, run.style));
                // A face without small capitals of its own sets capitals.
                if run.small_caps && has_capital(c) {
                    out.extend(c.to_uppercase().map(|u| (u, run.style)));
                }
            }
        }
    }

    /// Shapes the paragraph.
    pub fn shape(mut self, fonts: &Fonts<'_>) -> Para {
        // A trailing space would only hang at the end of the last line.
        while self.text.ends_with(' ') {
            self.text.pop();
            if let Some(last) = self.spans.last_mut() {
                last.1 = last.1.min(self.text.len());
                if last.0 >= last.1 {
                    self.spans.pop();
                }
            }
        }
        let levels = bidi_levels(&self.text, self.rtl, &self.isolates);
        let mut glyphs = Vec::with_capacity(self.text.len());
        for &(start, end, run) in &self.spans {
            let look = &self.runs[run as usize];
            if look.icon.is_some() {
                // An icon is a box of its own width, drawn by the layout. In
                // the text it is the face's em space, mapped to an invisible
                // word joiner (write.rs): extractors that measure gaps then
                // see no gap where the icon is, and read the items on either
                // side as one line rather than as columns.
                let face = fonts.face(look.style.slot());
                let gid = face.face.glyph_index('\u{2003}').map_or(0, |g| g.0);
                glyphs.push(Glyph {
                    face: look.style.slot() as u16,
                    gid,
                    adv: ICON_ADVANCE,
                    dx: 0.0,
                    text: (start as u32, end as u32),
                    run,
                    space: false,
                    small: false,
                    level: levels.as_ref().map_or(0, |l| l[start]),
                });
                continue;
            }
            // One shaping call per level run: a direction of its own.
            let mut from = start;
            while from < end {
                let level = levels.as_ref().map_or(0, |l| l[from]);
                let to = levels
                    .as_ref()
                    .map_or(end, |l| (from..end).find(|&i| l[i] != level).unwrap_or(end));
                let first = glyphs.len();
                fonts.shape(
                    &self.text,
                    from..to,
                    look.style,
                    look.small_caps,
                    level % 2 == 1,
                    run,
                    &mut glyphs,
                );
                for g in &mut glyphs[first..] {
                    g.level = level;
                }
                from = to;
            }
        }
        let breaks = match self.breaks_only {
            Some(only) => only
                .into_iter()
                .filter(|&b| b > 0 && b < self.text.len())
                .collect(),
            None => unicode_linebreak::linebreaks(&self.text)
                .filter(|&(b, kind)| {
                    b < self.text.len()
                        && kind == BreakOpportunity::Allowed
                        && between_words(&self.text, b)
                })
                .map(|(b, _)| b)
                .collect(),
        };
        Para {
            text: self.text,
            runs: self.runs,
            glyphs,
            breaks,
        }
    }
}

/// The embedding level of every byte of `text` by the Unicode
/// bidirectional algorithm, for a paragraph whose base direction is right to
/// left when `rtl`; `None` when everything is left to right, as in most
/// paragraphs, which then skip the algorithm.
fn bidi_levels(text: &str, rtl: bool, isolates: &[(usize, usize, bool)]) -> Option<Vec<u8>> {
    use unicode_bidi::BidiClass as B;
    let strong_rtl = |c: char| {
        matches!(
            unicode_bidi::bidi_class(c),
            B::R | B::AL | B::AN | B::RLE | B::RLO | B::RLI
        )
    };
    if !rtl && !text.chars().any(strong_rtl) {
        return None;
    }
    let base = if rtl {
        unicode_bidi::Level::rtl()
    } else {
        unicode_bidi::Level::ltr()
    };
    // The isolates are marked in the text the algorithm reads (X5a–X5c,
    // BD13): from outside, each is one neutral character, so the
    // separators between two left-to-right items follow the paragraph's
    // direction rather than joining the items into one run.
    let mut marked = String::with_capacity(text.len() + isolates.len() * 6);
    // Where each byte of `text` sits in `marked`.
    let mut at = Vec::with_capacity(text.len());
    let mut pending = isolates.iter().flat_map(|&(start, end, ltr)| {
        let open = if ltr { '\u{2066}' } else { '\u{2068}' };
        [(start, open), (end, '\u{2069}')]
    });
    let mut next = pending.next();
    for (i, c) in text.char_indices() {
        while let Some((_, mark)) = next.filter(|&(pos, _)| pos <= i) {
            marked.push(mark);
            next = pending.next();
        }
        for _ in 0..c.len_utf8() {
            at.push(marked.len());
        }
        marked.push(c);
    }
    let info = unicode_bidi::BidiInfo::new(&marked, Some(base));
    let levels: Vec<u8> = at.iter().map(|&i| info.levels[i].number()).collect();
    Some(levels)
}

/// The letters of a Latin ligature character (the Alphabetic Presentation
/// Forms block), which text extractors would otherwise report as one
/// unsearchable character.
fn unligated(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

/// Whether a Unicode break opportunity at `at` falls between words. UAX #14
/// also allows breaks inside tokens such as "C++14" (after a plus sign) that a
/// résumé must keep whole; these are kept only after spaces and dashes, and
/// around characters of scripts written without spaces. Not after a
/// hyphen: text extractors join a line ending in a hyphen to what they read
/// next, which loses the hyphen of "Инженер-программист" (or glues it to
/// the dates beside it), so a hyphenated word stays on one line unless it
/// alone is wider than the line.
fn between_words(text: &str, at: usize) -> bool {
    use unicode_linebreak::BreakClass as B;
    let Some(before) = text[..at].chars().next_back() else {
        return false;
    };
    let after = text[at..].chars().next();
    let spaceless = |c: char| {
        matches!(
            unicode_linebreak::break_property(u32::from(c)),
            B::Ideographic
                | B::ConditionalJapaneseStarter
                | B::HangulLvSyllable
                | B::HangulLvtSyllable
                | B::HangulLJamo
                | B::HangulVJamo
                | B::HangulTJamo
                | B::ComplexContext
        )
    };
    let hyphen = matches!(before, '\u{2010}' | '\u{2011}');
    (!hyphen
        && matches!(
            unicode_linebreak::break_property(u32::from(before)),
            B::Space | B::ZeroWidthSpace | B::After | B::BeforeAndAfter
        ))
        || spaceless(before)
        || after.is_some_and(spaceless)
}

/// A shaped paragraph.
#[derive(Debug)]
pub(crate) struct Para {
    pub text: String,
    pub runs: Vec<Run>,
    pub glyphs: Vec<Glyph>,
    /// Byte offsets where a new line may start, ascending.
    breaks: Vec<usize>,
}

/// One line of a paragraph: a range of its glyphs, without the spaces at
/// the break.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LineRange {
    pub start: usize,
    pub end: usize,
    /// Width in em.
    pub width: f32,
}

impl Para {
    /// Whether glyph `g` is an icon rather than text.
    pub fn is_icon(&self, g: &Glyph) -> bool {
        self.runs
            .get(usize::from(g.run))
            .is_some_and(|r| r.icon.is_some())
    }

    /// The glyphs of `line` in the order they stand from left to right:
    /// runs of right-to-left text reversed, by rule L2 of the Unicode
    /// bidirectional algorithm.
    pub fn visual(&self, line: &LineRange) -> Vec<usize> {
        let mut order: Vec<usize> = (line.start..line.end.min(self.glyphs.len())).collect();
        if order.iter().all(|&i| self.glyphs[i].level == 0) {
            return order;
        }
        let level = |i: usize| self.glyphs[i].level;
        let highest = order.iter().map(|&i| level(i)).max().unwrap_or(0);
        let lowest_odd = order
            .iter()
            .map(|&i| level(i))
            .filter(|l| l % 2 == 1)
            .min()
            .unwrap_or(highest + 1);
        for at in (lowest_odd..=highest).rev() {
            let mut k = 0;
            while k < order.len() {
                if level(order[k]) < at {
                    k += 1;
                    continue;
                }
                let from = k;
                while k < order.len() && level(order[k]) >= at {
                    k += 1;
                }
                order[from..k].reverse();
            }
        }
        order
    }

    /// Natural width of the whole paragraph on one line, in em.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.adv).sum()
    }

    /// Breaks the paragraph into lines. `width(i)` is the room for line `i`
    /// in em. Lines break only at break opportunities; a word wider than its
    /// line is the one thing split between letters.
    pub fn lines(&self, width: impl Fn(usize) -> f32) -> Vec<LineRange> {
        let mut lines = Vec::new();
        if self.glyphs.is_empty() {
            return lines;
        }
        // Segments: the glyphs between two break opportunities, with the
        // width of their trailing spaces kept apart (spaces hang at a break).
        let mut segments: Vec<(usize, usize, f32, f32)> = Vec::new();
        let mut next_break = self.breaks.iter().copied().peekable();
        let mut seg_start = 0;
        let mut ink = 0.0;
        let mut trailing = 0.0;
        for (i, g) in self.glyphs.iter().enumerate() {
            let at = g.text.0 as usize;
            let mut boundary = false;
            while next_break.peek().is_some_and(|&b| b <= at) {
                next_break.next();
                boundary = true;
            }
            if boundary && i > seg_start {
                segments.push((seg_start, i, ink, trailing));
                seg_start = i;
                ink = 0.0;
                trailing = 0.0;
            }
            if g.space {
                trailing += g.adv;
            } else {
                ink += trailing + g.adv;
                trailing = 0.0;
            }
        }
        segments.push((seg_start, self.glyphs.len(), ink, trailing));

        // Greedy filling: as many segments as fit, which for a résumé's short
        // paragraphs reads as well as a global optimum and is predictable.
        const SLACK: f32 = 1e-4;
        let mut start = segments[0].0;
        let mut end = start;
        let mut used = 0.0; // ink width of the line so far
        let mut pending = 0.0; // spaces after the line's last segment
        let mut empty = true;
        for &(s, e, seg_ink, seg_trailing) in &segments {
            let room = width(lines.len());
            if !empty && used + pending + seg_ink > room + SLACK {
                lines.push(self.line(start, end, used));
                start = s;
                used = 0.0;
                pending = 0.0;
                empty = true;
            }
            if empty && seg_ink > width(lines.len()) + SLACK {
                // A single word wider than the line: split it between clusters,
                // never before a space (spaces hang) nor inside a cluster.
                let mut from = s;
                loop {
                    let room = width(lines.len());
                    let mut w = 0.0;
                    let mut to = from;
                    while to < e {
                        let g = &self.glyphs[to];
                        let starts_cluster = g.text.0 != g.text.1;
                        if to > from && starts_cluster && !g.space && w + g.adv > room + SLACK {
                            break;
                        }
                        w += g.adv;
                        to += 1;
                    }
                    if to == e {
                        start = from;
                        end = e;
                        used = (w - seg_trailing).max(0.0);
                        pending = seg_trailing;
                        empty = false;
                        break;
                    }
                    lines.push(self.line(from, to, w));
                    from = to;
                }
                continue;
            }
            used += if empty { 0.0 } else { pending };
            used += seg_ink;
            pending = seg_trailing;
            end = e;
            empty = false;
        }
        if !empty {
            lines.push(self.line(start, end, used));
        }
        lines
    }

    fn line(&self, start: usize, end: usize, width: f32) -> LineRange {
        let mut end = end;
        while end > start && self.glyphs[end - 1].space {
            end -= 1;
        }
        LineRange { start, end, width }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FallbackData;

    fn para(text: &str) -> Para {
        let fallback = FallbackData::default();
        let fonts = Fonts::new(&fallback).expect("embedded fonts");
        let mut b = ParaBuilder::new();
        let style = Style::new(resume_document::Family::NotoSans, false, false);
        b.push(text, Look::new(style, Color::BLACK, Case::AsWritten), None);
        b.shape(&fonts)
    }

    /// Breaks `text` at a width of `em` and returns the lines' text.
    #[track_caller]
    fn check(text: &str, em: f32, expect: &[&str]) {
        let p = para(text);
        let lines: Vec<&str> = p
            .lines(|_| em)
            .iter()
            .map(|l| {
                &p.text[p.glyphs[l.start].text.0 as usize..p.glyphs[l.end - 1].text.1 as usize]
            })
            .collect();
        assert_eq!(lines, expect);
    }

    fn lines_of(p: &Para, em: f32) -> Vec<&str> {
        p.lines(|_| em)
            .iter()
            .map(|l| {
                &p.text[p.glyphs[l.start].text.0 as usize..p.glyphs[l.end - 1].text.1 as usize]
            })
            .collect()
    }

    #[test]
    fn breaks_between_words_only() {
        check("alpha beta gamma", 100.0, &["alpha beta gamma"]);
        check("alpha beta gamma", 6.0, &["alpha beta", "gamma"]);
        check("alpha beta gamma", 4.0, &["alpha", "beta", "gamma"]);
        // After a hyphen is a word boundary.
        // A hyphenated word is not broken at its hyphen.
        check("user-level stack", 5.0, &["user-level", "stack"]);
        // Never after the plus signs of C++14, nor inside 3.95/4.0 or
        // CI/CD, at any width that holds the longest word.
        let p = para("runtime on C++14 with GPA 3.95/4.0 and CI/CD pipelines");
        let widest = ["pipelines", "3.95/4.0", "runtime"]
            .iter()
            .map(|w| para(w).width())
            .fold(0.0, f32::max);
        let mut em = widest;
        while em < p.width() {
            for line in lines_of(&p, em) {
                assert!(
                    line.split(' ').all(|w| [
                        "runtime",
                        "on",
                        "C++14",
                        "with",
                        "GPA",
                        "3.95/4.0",
                        "and",
                        "CI/CD",
                        "pipelines"
                    ]
                    .contains(&w)),
                    "{line:?} at {em} em"
                );
            }
            em += 0.25;
        }
    }

    #[test]
    fn a_word_wider_than_the_line_is_split_and_kept_whole() {
        let word = "abcdefghijklmnopqrstuvwxyz";
        let p = para(word);
        let lines = p.lines(|_| 4.0);
        assert!(lines.len() > 2);
        let joined: String = lines
            .iter()
            .map(|l| {
                &p.text[p.glyphs[l.start].text.0 as usize..p.glyphs[l.end - 1].text.1 as usize]
            })
            .collect();
        assert_eq!(joined, word);
        assert!(lines.iter().all(|l| l.width <= 4.0 + 1e-3));
    }

    #[test]
    fn white_space_collapses_and_ligatures_are_spelled_out() {
        assert_eq!(para("  a \n\t b  ").text, "a b");
        assert_eq!(para("ﬁne ﬂow").text, "fine flow");
        assert_eq!(para("zero\u{200B}width\u{0007}").text, "zerowidth");
    }

    #[test]
    fn separators_keep_their_spaces() {
        let fallback = FallbackData::default();
        let fonts = Fonts::new(&fallback).expect("embedded fonts");
        let style = Style::new(resume_document::Family::NotoSans, false, false);
        let look = Look::new(style, Color::BLACK, Case::AsWritten);
        let mut b = ParaBuilder::new();
        b.push("a", look, None)
            .push_separator("  •  ", look)
            .push(" b", look, None);
        // A space pushed after the separator's own still collapses.
        assert_eq!(b.shape(&fonts).text, "a  •  b");
    }

    #[test]
    fn kerning_is_applied() {
        // Noto Sans kerns "AV" tighter than the two letters set apart.
        let pair = para("AV").width();
        let apart = para("A").width() + para("V").width();
        assert!(pair < apart - 0.01, "{pair} vs {apart}");
    }

    #[test]
    fn separators_between_isolates_follow_the_paragraph() {
        // "a@b.il • web.example" as two left-to-right items of a
        // right-to-left line: the separator between them is set right to
        // left, so the items stand in right-to-left order, each read left
        // to right.
        let text = "a@b.il • web.example";
        let dot = text.find('•').unwrap();
        let after = dot + "• ".len();
        let isolates = [(0, dot - 1, true), (after, text.len(), true)];
        let levels = bidi_levels(text, true, &isolates).unwrap();
        assert_eq!(levels[dot], 1, "{levels:?}");
        assert!(levels[..dot - 1].iter().all(|&l| l == 2), "{levels:?}");
        assert!(levels[after..].iter().all(|&l| l == 2), "{levels:?}");
        // Without isolates the algorithm joins them into one run.
        let plain = bidi_levels(text, true, &[]).unwrap();
        assert_eq!(plain[dot], 2, "{plain:?}");
    }
}
