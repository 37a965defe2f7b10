//! Writing: placed glyphs, rules and bands become a printpdf document with
//! subset fonts, links and metadata, serialised deterministically.

use std::borrow::Cow;
use std::collections::BTreeMap;

use pdf_writer::types::{LineCapStyle, LineJoinStyle};
use pdf_writer::{Content, Name, Str, TextStr};
use printpdf::{
    Actions, BorderArray, Codepoint, ColorArray, FontId, FontMetrics, FontType, LinkAnnotation,
    OffsetDateTime, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfFontMetricsStub,
    PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Pt, Rect, TextItem,
};
use resume_document::{Design, Document};
use rustybuzz::ttf_parser;

use crate::PdfError;
use crate::fonts::{Fonts, SMALL_CAPS_SCALE};
use crate::icons::{Icon, frame};
use crate::layout::{Laid, ParaRef, Placed, Tag};
use crate::text::Para;

/// Document-level facts that are not part of the layout.
#[derive(Debug)]
pub(crate) struct Info<'a> {
    pub doc: &'a Document,
    pub timestamp: Option<i64>,
    pub creator: &'a str,
}

/// Rounds a length to 1/100 pt: finer than any device, and short to write.
fn r2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// The PDF font a glyph is written in: each face has two, the second for
/// synthesized small capitals. They are capitals of the face, but stand for
/// lower-case letters, and a font's ToUnicode map gives one text per glyph.
pub(crate) fn font_key(face: u16, small: bool) -> usize {
    usize::from(face) * 2 + usize::from(small)
}

/// One glyph as drawn: where, in which face, and the text it stands for.
pub(crate) struct Drawn<'p> {
    pub face: u16,
    /// A synthesized small capital, drawn at [`SMALL_CAPS_SCALE`] of the
    /// line's size.
    pub small: bool,
    gid: u16,
    /// Left edge of the glyph (pen plus offset), in points.
    pub x: f32,
    pub adv: f32,
    /// Advance to the next glyph and offset from the pen, in thousandths
    /// of an em of the size the glyph is drawn at.
    adv_milli: f32,
    dx_milli: f32,
    /// Extra space after this glyph (justification), in points.
    extra: f32,
    pub text: &'p str,
    /// What the glyph's ToUnicode entry says: its text, or, for a cluster
    /// of several characters set right to left (an Arabic ligature, a
    /// letter with its marks), those characters in the reverse order, as
    /// extractors that reorder right-to-left text reverse them back.
    unicode: Cow<'p, str>,
    /// For a neutral mark (a separator, a dash) set right to left between
    /// left-to-right texts, its text between right-to-left marks, written
    /// as the glyph's actual text: extractors see only where glyphs stand,
    /// and without the marks read "+972 • a@b.c" on a Hebrew page as one
    /// left-to-right run, items in the wrong order.
    actual: Option<String>,
    /// The bidirectional level the glyph is set at (odd: right to left).
    level: u8,
    pub color: resume_document::Color,
    link: Option<&'p str>,
}

/// The glyphs of a placed line with their absolute positions.
pub(crate) fn drawn<'p>(para: &'p Para, placed: &Placed) -> Vec<Drawn<'p>> {
    let Placed::Text {
        line,
        x,
        size,
        justify,
        ..
    } = placed
    else {
        return Vec::new();
    };
    let mut pen = *x;
    let mut out = Vec::with_capacity(line.end - line.start);
    for g in para.visual(line).into_iter().map(|i| &para.glyphs[i]) {
        let run = &para.runs[g.run as usize];
        // An icon is written as a wide glyph (the face's em space) that
        // stands for U+2060 WORD JOINER: no text, but no gap either.
        let text = if para.is_icon(g) {
            "\u{2060}"
        } else {
            para.text
                .get(g.text.0 as usize..g.text.1 as usize)
                .unwrap_or("")
        };
        let scale = g.scale();
        out.push(Drawn {
            face: g.face,
            small: g.small,
            gid: g.gid,
            x: pen + g.dx * size,
            adv: g.adv * size,
            adv_milli: g.adv / scale * 1000.0,
            dx_milli: g.dx / scale * 1000.0,
            extra: if g.space { *justify } else { 0.0 },
            text,
            unicode: if g.level % 2 == 1 && text.chars().nth(1).is_some() {
                Cow::Owned(text.chars().rev().collect())
            } else {
                Cow::Borrowed(text)
            },
            actual: (g.level % 2 == 1 && is_neutral_mark(text) && !between_rtl(&para.text, g.text))
                .then(|| format!("\u{200F}{text}\u{200F}")),
            level: g.level,
            color: run.color,
            link: run.link.as_deref(),
        });
        pen += g.adv * size;
        if g.space {
            pen += justify;
        }
    }
    out
}

/// The glyphs of a piece written with an actual text, as ranges of
/// `glyphs` offset by `first`: neutral marks that need right-to-left marks
/// around them, right-to-left words holding combining marks, and glyphs
/// that stand for another text than the one their font's character map
/// gives (`mapped` says whether it gives theirs). A mark (Arabic tanwin,
/// shadda) is drawn over its letter, and extractors that see glyphs overlap
/// take it for a word of its own; the word's actual text keeps it whole. A
/// map gives one text per glyph, while one glyph can stand for two: a
/// bracket mirrored in right-to-left text is the other bracket's glyph.
fn actual_texts(
    glyphs: &[Drawn<'_>],
    first: usize,
    mapped: impl Fn(&Drawn<'_>) -> bool,
) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < glyphs.len() {
        let g = &glyphs[k];
        if let Some(actual) = &g.actual {
            out.push((first + k..first + k + 1, actual.clone()));
            k += 1;
            continue;
        }
        let word =
            |g: &Drawn<'_>| g.level % 2 == 1 && g.actual.is_none() && !g.text.trim().is_empty();
        if !word(g) {
            if !mapped(g) {
                out.push((first + k..first + k + 1, g.unicode.to_string()));
            }
            k += 1;
            continue;
        }
        let end = (k..glyphs.len())
            .find(|&j| !word(&glyphs[j]))
            .unwrap_or(glyphs.len());
        let run = &glyphs[k..end];
        let marked = run.iter().any(|g| g.text.chars().any(is_combining_mark));
        if marked && run.len() > 1 {
            // Drawn right to left: the word's text is its glyphs' backwards,
            // and is given in the order extractors read a right-to-left run.
            let text: String = run.iter().map(|g| &*g.unicode).collect();
            out.push((first + k..first + end, text));
        } else {
            for (j, g) in run.iter().enumerate() {
                if !mapped(g) {
                    out.push((first + k + j..first + k + j + 1, g.unicode.to_string()));
                }
            }
        }
        k = end;
    }
    out
}

/// Whether `c` is a mark drawn over or under the letter before it.
fn is_combining_mark(c: char) -> bool {
    matches!(unicode_bidi::bidi_class(c), unicode_bidi::BidiClass::NSM)
}

/// Whether the text at `range` of `text` stands between right-to-left
/// letters: its nearest strong characters on both sides are right to left.
fn between_rtl(text: &str, (start, end): (u32, u32)) -> bool {
    use unicode_bidi::BidiClass as B;
    let strong = |c: &char| matches!(unicode_bidi::bidi_class(*c), B::L | B::R | B::AL);
    let rtl =
        |c: Option<char>| c.is_some_and(|c| matches!(unicode_bidi::bidi_class(c), B::R | B::AL));
    let before = text
        .get(..start as usize)
        .and_then(|t| t.chars().rev().take(64).find(strong));
    let after = text
        .get(end as usize..)
        .and_then(|t| t.chars().take(64).find(strong));
    rtl(before) && rtl(after)
}

/// Moves the text and glyph ids gathered so far into `items`.
/// Whether a glyph's text is a mark with no direction of its own (a bullet,
/// a dash, a comma), not a letter, digit or space.
fn is_neutral_mark(text: &str) -> bool {
    use unicode_bidi::BidiClass as B;
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(unicode_bidi::bidi_class(c), B::ON | B::CS | B::ES | B::ET))
}

/// A face cut down to the glyphs a document uses.
struct Subset {
    id: FontId,
    /// Original glyph id to the id in the subset (dense, by original id).
    remap: Vec<u16>,
    /// Width the PDF viewer advances by for each subset glyph, in 1/1000 em
    /// (dense, by subset id).
    widths: Vec<i64>,
    /// The text the font's character map gives each subset glyph (dense,
    /// by subset id): the first it stood for in the document.
    unicode: Vec<Option<Box<str>>>,
}

/// The glyphs of one face a document uses.
#[derive(Default)]
struct Usage<'p> {
    /// By original glyph id: the text the glyph first stood for.
    texts: Vec<Option<Cow<'p, str>>>,
}

fn subset_faces(
    fonts: &Fonts<'_>,
    usage: &mut [Usage<'_>],
    doc: &mut PdfDocument,
) -> Result<Vec<Option<Subset>>, PdfError> {
    let mut out = Vec::with_capacity(usage.len());
    let mut n = 0;
    for (key, use_) in usage.iter_mut().enumerate() {
        let (face_index, small) = (key / 2, key % 2 == 1);
        let glyphs: Vec<u16> = use_
            .texts
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_some())
            .map(|(gid, _)| gid as u16)
            .collect();
        if glyphs.is_empty() {
            out.push(None);
            continue;
        }
        n += 1;
        let font = fonts.face(face_index);
        let mut remapper = subsetter::GlyphRemapper::new();
        for &gid in &glyphs {
            remapper.remap(gid);
        }
        let bytes = subsetter::subset(font.data, font.index, &remapper)
            .map_err(|e| PdfError::Font(format!("cannot subset {}: {e}", font.ps_name)))?;
        let mut remap = vec![0; use_.texts.len()];
        let mut glyph_widths = BTreeMap::new();
        let mut widths = vec![0; glyphs.len() + 1];
        for &gid in &glyphs {
            let new = remapper.get(gid).unwrap_or(0);
            remap[usize::from(gid)] = new;
            // Widths go to printpdf in thousandths of an em (its font
            // description says 1000 units per em), so /W holds exactly the
            // widths the layout used.
            let width = font.width_milli(gid);
            glyph_widths.insert(new, width);
            if let Some(slot) = widths.get_mut(usize::from(new)) {
                *slot = i64::from(width);
            }
        }
        // The subset tag: six capitals derived from the face and its glyphs,
        // so it is stable for the same text and differs between subsets.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in font
            .ps_name
            .bytes()
            .chain([u8::from(small)])
            .chain(glyphs.iter().flat_map(|g| g.to_be_bytes()))
        {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
        }
        let tag: String = (0..6)
            .map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8))
            .collect();
        let face: &ttf_parser::Face<'_> = &font.face;
        let to_milli = |v: i16| (f32::from(v) * 1000.0 / font.upem).round() as i16;
        let bbox = face.global_bounding_box();
        let angle = face.italic_angle();
        let parsed = ParsedFont {
            original_bytes: bytes,
            font_index: 0,
            font_name: Some(format!("{tag}+{}", font.ps_name)),
            // Glyphs are written by their ids, never looked up by character.
            codepoint_to_glyph: BTreeMap::new(),
            glyph_widths,
            units_per_em: 1000,
            font_metrics: {
                let (ascent, descent) = *font.extent.get_or_init(|| unaccented_extent(face));
                FontMetrics { ascent, descent }
            },
            font_type: if face.tables().glyf.is_some() {
                FontType::TrueType
            } else {
                FontType::OpenTypeCFF(())
            },
            pdf_font_metrics: PdfFontMetricsStub {
                units_per_em: 1000,
                x_min: to_milli(bbox.x_min),
                y_min: to_milli(bbox.y_min),
                x_max: to_milli(bbox.x_max),
                y_max: to_milli(bbox.y_max),
                // printpdf derives /ItalicAngle from the caret slope.
                caret_slope_rise: 1000,
                caret_slope_run: ((-angle).to_radians().tan() * 1000.0).round() as i16,
                us_weight_class: face.weight().to_number(),
            },
        };
        let id = FontId(format!("F{n}"));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed));
        let mut unicode = vec![None; glyphs.len() + 1];
        for &gid in &glyphs {
            if let Some(slot) = unicode.get_mut(usize::from(remap[usize::from(gid)])) {
                *slot = use_.texts[usize::from(gid)].as_deref().map(Box::from);
            }
        }
        out.push(Some(Subset {
            id,
            remap,
            widths,
            unicode,
        }));
    }
    Ok(out)
}

/// The FontDescriptor's Ascent and Descent: how far unaccented letters and
/// digits reach above and below the baseline, as the PDF specification
/// defines them. The hhea values are larger (they make room for stacked
/// accents); text extractors take these as the height of each text line, and
/// with hhea values the lines of a résumé would overlap and be read as one
/// column instead of row by row.
fn unaccented_extent(face: &ttf_parser::Face<'_>) -> (i16, i16) {
    let to_milli = |v: i16| (f32::from(v) * 1000.0 / f32::from(face.units_per_em())).round() as i16;
    let mut ascent = i16::MIN;
    let mut descent = i16::MAX;
    for c in ('A'..='Z').chain('a'..='z').chain('0'..='9') {
        if let Some(bbox) = face.glyph_index(c).and_then(|g| face.glyph_bounding_box(g)) {
            ascent = ascent.max(bbox.y_max);
            descent = descent.min(bbox.y_min);
        }
    }
    if ascent <= descent {
        return (to_milli(face.ascender()), to_milli(face.descender()));
    }
    (to_milli(ascent), to_milli(descent.min(0)))
}

/// One placed line of text, ready to write: baseline, size, structure
/// and glyphs.
type Line<'p> = (f32, f32, Tag, usize, Vec<Drawn<'p>>);

/// The placed lines of each page with their glyphs.
pub(crate) fn lines<'p>(laid: &'p Laid, paras: &'p [Para]) -> Vec<Vec<Line<'p>>> {
    laid.pages
        .iter()
        .map(|items| page_lines(laid, paras, items))
        .collect()
}

/// The placed lines of one page (its `items`) with their glyphs.
fn page_lines<'p>(laid: &'p Laid, paras: &'p [Para], items: &[Placed]) -> Vec<Line<'p>> {
    let para_of = |r: ParaRef| match r {
        ParaRef::Body(i) => paras.get(i),
        ParaRef::Footer(i) => laid.footers.get(i),
    };
    items
        .iter()
        .filter_map(|item| match item {
            Placed::Text {
                para,
                baseline,
                size,
                tag,
                elem,
                ..
            } => Some((*baseline, *size, *tag, *elem, drawn(para_of(*para)?, item))),
            Placed::Rect { .. } | Placed::Icon { .. } => None,
        })
        .collect()
}

/// How many drawn glyphs the writer keeps between its two passes over the
/// pages (some 13 MB): a résumé's pages are drawn once, and a document of
/// thousands of pages is drawn again page by page instead of being held
/// whole, so its memory does not grow with its length.
const KEPT_GLYPHS: usize = 100_000;

/// Splits a line's glyphs where the PDF font, the size or the colour
/// changes: each piece is one run of a text-showing operator. An icon is
/// in its run as the space that stands for it.
pub(crate) fn pieces(glyphs: &[Drawn<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < glyphs.len() {
        let first = &glyphs[i];
        let mut j = i + 1;
        while j < glyphs.len()
            && glyphs[j].face == first.face
            && glyphs[j].small == first.small
            && glyphs[j].color == first.color
        {
            j += 1;
        }
        out.push(i..j);
        i = j;
    }
    out
}

/// Strokes an icon in the square `(x, bottom, side)` with lines `stroke`
/// wide.
fn draw_icon(
    c: &mut Content,
    icon: Icon,
    (x, bottom, side, stroke): (f32, f32, f32, f32),
    page_h: f32,
    colour: resume_document::Color,
) {
    let [r, g, b] = colour.unit();
    c.save_state();
    c.set_stroke_rgb(r, g, b);
    c.set_line_width(r2(stroke));
    c.set_line_cap(LineCapStyle::RoundCap);
    c.set_line_join(LineJoinStyle::RoundJoin);
    // The strokes are drawn inside the square, so they stay in it.
    let inner = side - stroke;
    let at = |p: &crate::icons::Pt| {
        (
            r2(x + stroke / 2.0 + p.x * inner),
            r2(page_h - bottom + stroke / 2.0 + p.y * inner),
        )
    };
    for path in icon.strokes() {
        let Some(first) = path.points.first() else {
            continue;
        };
        let (x0, y0) = at(first);
        c.move_to(x0, y0);
        // Two control points and the point they lead to make a curve.
        let mut rest = path.points[1..].iter();
        while let Some(p) = rest.next() {
            if p.control {
                let (Some(p2), Some(end)) = (rest.next(), rest.next()) else {
                    break;
                };
                let ((x1, y1), (x2, y2), (x3, y3)) = (at(p), at(p2), at(end));
                c.cubic_to(x1, y1, x2, y2, x3, y3);
            } else {
                let (x1, y1) = at(p);
                c.line_to(x1, y1);
            }
        }
        if path.closed {
            c.close_path();
        }
        c.stroke();
    }
    c.restore_state();
}

/// One page drawn: its content stream (deflated when that is smaller), its
/// marked content in order and its link areas.
struct DrawnPage<'p> {
    content: PageContent,
    marks: Vec<(usize, Tag)>,
    links: Vec<LinkArea<'p>>,
}

/// A link's target and area on its page: left, right, baseline and size.
type LinkArea<'p> = (&'p str, f32, f32, f32, f32);

/// What a text-showing operator shows: glyphs (two-byte codes of the
/// subset) and adjustments between them.
enum Shown {
    Glyphs(Vec<u8>),
    Adjust(f32),
}

/// Draws one page's rules, bands, icons and lines of text as a content
/// stream.
fn draw_page<'p>(
    items: &[Placed],
    texts: &[Line<'p>],
    subsets: &[Option<Subset>],
    fonts: &Fonts<'_>,
    design: &Design,
) -> Result<DrawnPage<'p>, PdfError> {
    let page_h = design.page.1;
    let glyph_count: usize = texts.iter().map(|line| line.4.len()).sum();
    let mut c = Content::with_capacity(1024 + glyph_count * 8);
    let mut marks = Vec::new();
    let mut links = Vec::new();
    // Rules, bands and underlines are decoration, not content.
    c.begin_marked_content(Name(b"Artifact"));
    let mut fill: Option<resume_document::Color> = None;
    let mut set_fill = |c: &mut Content, colour: resume_document::Color| {
        if fill != Some(colour) {
            let [r, g, b] = colour.unit();
            c.set_fill_rgb(r, g, b);
            fill = Some(colour);
        }
    };
    for item in items {
        match item {
            Placed::Icon {
                icon,
                x,
                baseline,
                size,
                color,
            } => {
                let cap = fonts.family(design.contact.family).cap;
                draw_icon(
                    &mut c,
                    *icon,
                    frame(*x, *baseline, *size, cap),
                    page_h,
                    *color,
                );
            }
            Placed::Rect {
                x, y, w, h, color, ..
            } => {
                set_fill(&mut c, *color);
                c.rect(r2(*x), r2(page_h - y - h), r2(*w), r2(*h));
                c.fill_nonzero();
            }
            Placed::Text { .. } => {}
        }
    }
    c.end_marked_content();

    let mut font_state: Option<(usize, f32)> = None;
    for (baseline, size, tag, elem, glyphs) in texts {
        // Each line is marked content of its structure element (or an
        // artifact), and its own text object: simple extractors end a line
        // at ET.
        if *tag == Tag::Artifact {
            c.begin_marked_content(Name(b"Artifact"));
        } else {
            c.begin_marked_content_with_properties(Name(tag.name().as_bytes()))
                .properties()
                .identify(marks.len() as i32);
            marks.push((*elem, *tag));
        }
        c.begin_text();
        let y = r2(page_h - baseline);
        for piece in pieces(glyphs) {
            let first = &glyphs[piece.start];
            let key = font_key(first.face, first.small);
            let Some(Some(subset)) = subsets.get(key) else {
                return Err(PdfError::Write("a glyph of an unused face".into()));
            };
            let font_size = if first.small {
                size * SMALL_CAPS_SCALE
            } else {
                *size
            };
            if font_state != Some((key, font_size)) {
                c.set_font(Name(subset.id.0.as_bytes()), font_size);
                font_state = Some((key, font_size));
            }
            set_fill(&mut c, first.color);
            let to_em = 1000.0 / font_size;
            // Glyphs by their codes in the subset, with adjustments between
            // them that put each glyph exactly where the layout wants it,
            // given the width the viewer advances by. A run with an actual
            // text is shown by an operator of its own, marked with it.
            let mut shows: Vec<(Option<String>, Vec<Shown>)> = Vec::new();
            let mut shown: Vec<Shown> = Vec::new();
            let mapped = |g: &Drawn<'_>| {
                let gid = subset.remap.get(usize::from(g.gid)).copied().unwrap_or(0);
                subset
                    .unicode
                    .get(usize::from(gid))
                    .and_then(Option::as_deref)
                    == Some(&*g.unicode)
            };
            let mut groups = actual_texts(&glyphs[piece.clone()], piece.start, mapped)
                .into_iter()
                .peekable();
            for k in piece.clone() {
                let g = &glyphs[k];
                let gid = subset.remap.get(usize::from(g.gid)).copied().unwrap_or(0);
                if groups.peek().is_some_and(|(range, _)| range.start == k) && !shown.is_empty() {
                    shows.push((None, std::mem::take(&mut shown)));
                }
                match shown.last_mut() {
                    Some(Shown::Glyphs(codes)) => codes.extend(gid.to_be_bytes()),
                    _ => shown.push(Shown::Glyphs(gid.to_be_bytes().to_vec())),
                }
                if let Some((_, actual)) = groups.next_if(|(range, _)| range.end == k + 1) {
                    shows.push((Some(actual), std::mem::take(&mut shown)));
                }
                if k + 1 < piece.end {
                    // The viewer moves by the declared width; the layout
                    // moved by the shaped advance (kerning) plus any
                    // justification, and the next glyph may be offset.
                    let next = &glyphs[k + 1];
                    let w = subset.widths.get(usize::from(gid)).copied().unwrap_or(0) as f32;
                    let moved = g.adv_milli + g.extra * to_em + next.dx_milli - g.dx_milli;
                    let offset = ((w - moved) * 100.0).round() / 100.0;
                    if offset != 0.0 {
                        shown.push(Shown::Adjust(offset));
                    }
                }
            }
            if !shown.is_empty() {
                shows.push((None, shown));
            }
            c.set_text_matrix([1.0, 0.0, 0.0, 1.0, r2(first.x), y]);
            for (actual, shown) in shows {
                if let Some(actual) = &actual {
                    c.begin_marked_content_with_properties(Name(b"Span"))
                        .properties()
                        .actual_text(TextStr(actual));
                }
                if let [Shown::Glyphs(codes)] = &shown[..] {
                    // Nothing to adjust: a plain string, which some
                    // extractors read without the space they put after an
                    // array.
                    c.show(Str(codes));
                } else {
                    let mut show = c.show_positioned();
                    let mut items = show.items();
                    for item in &shown {
                        match item {
                            Shown::Glyphs(codes) => {
                                items.show(Str(codes));
                            }
                            Shown::Adjust(offset) => {
                                items.adjust(*offset);
                            }
                        }
                    }
                }
                if actual.is_some() {
                    c.end_marked_content();
                }
            }
        }
        c.end_text();
        c.end_marked_content();
        // Link areas: runs of glyphs with the same target, merged.
        let mut k = 0;
        while k < glyphs.len() {
            let Some(url) = glyphs[k].link else {
                k += 1;
                continue;
            };
            let start = glyphs[k].x;
            let mut end = start + glyphs[k].adv;
            while k < glyphs.len() && glyphs[k].link == Some(url) {
                end = glyphs[k].x + glyphs[k].adv;
                k += 1;
            }
            links.push((url, start, end, *baseline, *size));
        }
    }
    let bytes = c.finish();
    let content = match crate::deflate::deflate(&bytes, false) {
        Some(compressed) => PageContent {
            bytes: compressed.to_vec(),
            deflated: true,
        },
        None => PageContent {
            bytes: bytes.to_vec(),
            deflated: false,
        },
    };
    Ok(DrawnPage {
        content,
        marks,
        links,
    })
}

/// A page's content stream as it is written.
struct PageContent {
    bytes: Vec<u8>,
    deflated: bool,
}

/// Puts the drawn pages' content streams in place of the ones printpdf
/// wrote, in page order.
fn put_contents(lo: &mut lopdf::Document, contents: Vec<PageContent>) -> Result<(), PdfError> {
    use lopdf::{Dictionary, Object, Stream};
    let err = |e: lopdf::Error| PdfError::Write(e.to_string());
    let pages: Vec<lopdf::ObjectId> = lo.get_pages().values().copied().collect();
    if pages.len() != contents.len() {
        return Err(PdfError::Write("pages and contents disagree".into()));
    }
    for (page, content) in pages.into_iter().zip(contents) {
        let id = lo
            .get_dictionary(page)
            .and_then(|d| d.get(b"Contents"))
            .and_then(Object::as_reference)
            .map_err(err)?;
        let mut dict = Dictionary::new();
        if content.deflated {
            dict.set("Filter", "FlateDecode");
        }
        let mut stream = Stream::new(dict, content.bytes);
        stream.allows_compression = false;
        lo.objects.insert(id, Object::Stream(stream));
    }
    Ok(())
}

/// Writes the laid-out pages as PDF bytes.
pub(crate) fn write(
    laid: &Laid,
    paras: &[Para],
    fonts: &Fonts<'_>,
    design: &Design,
    info: &Info<'_>,
) -> Result<Vec<u8>, PdfError> {
    let page_h = design.page.1;
    // Glyphs in use, per PDF font, with the text each stands for (for
    // ToUnicode).
    let mut usage: Vec<Usage<'_>> = (0..fonts.len() * 2).map(|_| Usage::default()).collect();
    let mut kept: Vec<Option<Vec<Line<'_>>>> = Vec::with_capacity(laid.pages.len());
    let mut kept_glyphs = 0;
    let face_of = |g: &Drawn<'_>| &fonts.face(usize::from(g.face)).face;
    for items in &laid.pages {
        let page = page_lines(laid, paras, items);
        for (_, _, _, _, glyphs) in &page {
            for g in glyphs {
                let Some(use_) = usage.get_mut(font_key(g.face, g.small)) else {
                    continue;
                };
                let gid = usize::from(g.gid);
                if use_.texts.len() <= gid {
                    use_.texts.resize(
                        usize::from(fonts.face(usize::from(g.face)).face.number_of_glyphs())
                            .max(gid + 1),
                        None,
                    );
                }
                // A glyph standing for two texts is mapped to the one the
                // font's character map gives it for (a bracket to itself,
                // not to the bracket it is the mirror image of); the other
                // is written as an actual text.
                match &use_.texts[gid] {
                    None => use_.texts[gid] = Some(g.unicode.clone()),
                    Some(known) if *known != g.unicode => {
                        let natural = |text: &str| {
                            let mut chars = text.chars();
                            match (chars.next(), chars.next()) {
                                (Some(c), None) => {
                                    face_of(g).glyph_index(c).map(|id| id.0) == Some(g.gid)
                                }
                                _ => false,
                            }
                        };
                        if !natural(known) && natural(&g.unicode) {
                            use_.texts[gid] = Some(g.unicode.clone());
                        }
                    }
                    Some(_) => {}
                }
            }
        }
        kept_glyphs += page.iter().map(|line| line.4.len()).sum::<usize>();
        kept.push((kept_glyphs <= KEPT_GLYPHS).then_some(page));
    }

    let meta = &info.doc.meta;
    let mut doc = PdfDocument::new(&meta.title);
    let subsets = subset_faces(fonts, &mut usage, &mut doc)?;

    // Each page's content stream is written and deflated as soon as the
    // page is drawn: a long document holds its pages' compressed bytes,
    // never their drawing operations.
    let mut contents: Vec<PageContent> = Vec::with_capacity(laid.pages.len());
    // Marked content of each page, in order: its structure element and tag.
    let mut marked: Vec<Vec<(usize, Tag)>> = Vec::with_capacity(laid.pages.len());
    // Link areas of each page: target, left, right, baseline and size.
    let mut links: Vec<Vec<LinkArea<'_>>> = Vec::with_capacity(laid.pages.len());
    for (items, texts) in laid.pages.iter().zip(kept) {
        let texts = texts.unwrap_or_else(|| page_lines(laid, paras, items));
        let page = draw_page(items, &texts, &subsets, fonts, design)?;
        contents.push(page.content);
        marked.push(page.marks);
        links.push(page.links);
    }

    // printpdf builds the document around the contents: the fonts (their
    // descriptors, widths and character maps, from the glyphs the first
    // page declares), the pages with their link annotations, and the
    // information dictionary.
    let mut declared = vec![Op::StartTextSection];
    for subset in subsets.iter().flatten() {
        declared.push(Op::SetFont {
            font: PdfFontHandle::External(subset.id.clone()),
            size: Pt(1.0),
        });
        let glyphs = subset
            .unicode
            .iter()
            .enumerate()
            .filter_map(|(gid, text)| {
                Some(Codepoint {
                    gid: u16::try_from(gid).ok()?,
                    offset: 0.0,
                    cid: Some(text.as_deref()?.to_owned()),
                })
            })
            .collect();
        declared.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(glyphs)],
        });
    }
    declared.push(Op::EndTextSection);
    for (i, page_links) in links.iter().enumerate() {
        let mut ops = if i == 0 {
            std::mem::take(&mut declared)
        } else {
            Vec::new()
        };
        for &(url, x0, x1, baseline, size) in page_links {
            ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    Rect::from_xywh(
                        Pt(r2(x0)),
                        Pt(r2(page_h - baseline - 0.3 * size)),
                        Pt(r2(x1 - x0)),
                        Pt(r2(1.25 * size)),
                    ),
                    Actions::Uri(uri_ascii(url)),
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    Some(ColorArray::Transparent),
                    None,
                ),
            });
        }
        let page = Rect::from_wh(Pt(design.page.0), Pt(page_h));
        doc.pages.push(PdfPage {
            media_box: page.clone(),
            trim_box: page.clone(),
            crop_box: page,
            ops,
        });
    }

    let di = &mut doc.metadata.info;
    di.author = meta.author.clone();
    di.subject = meta.subject.clone();
    di.keywords = if meta.keywords.is_empty() {
        Vec::new()
    } else {
        vec![meta.keywords.join(", ")]
    };
    di.creator = info.creator.to_owned();
    di.producer = format!(
        "resume-pdf {} with printpdf 0.12",
        env!("CARGO_PKG_VERSION")
    );
    if let Some(ts) = info.timestamp {
        let date = OffsetDateTime::from_unix_timestamp(ts)
            .map_err(|e| PdfError::InvalidTimestamp(format!("{ts}: {e}")))?;
        di.creation_date = date;
        di.modification_date = date;
        di.metadata_date = date;
    }

    let mut warnings = Vec::new();
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut lo = doc.to_lopdf_document(&options, &mut warnings);
    if let Some(w) = warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        return Err(PdfError::Write(w.msg.clone()));
    }
    put_contents(&mut lo, contents)?;
    finish(&mut lo, info)?;
    structure(&mut lo, &marked)?;
    compress(&mut lo);
    let mut bytes = Vec::new();
    // A classic cross-reference table: object streams would pack the
    // structure tree's small dictionaries some 8 KB tighter, but take a
    // tenth of the rendering time.
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    stamp_id(&mut bytes);
    Ok(bytes)
}

/// Deflates every stream that is not yet ([`crate::deflate`]); the pages'
/// contents are the only streams a batch does not repeat.
fn compress(lo: &mut lopdf::Document) {
    let contents: Vec<lopdf::ObjectId> = lo
        .get_pages()
        .values()
        .flat_map(|&page| lo.get_page_contents(page))
        .collect();
    for (id, object) in lo.objects.iter_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        if let Some(compressed) = crate::deflate::deflate(&stream.content, !contents.contains(id)) {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed.to_vec());
        }
    }
}

/// Adds the logical structure that makes the PDF a tagged one: a Document
/// element holding, in reading order, one element per paragraph (H1 for the
/// name, H2 for section titles, H3 for entry titles, P for the rest), each
/// pointing at its marked content; screen readers and some ATS read this
/// instead of guessing from positions.
fn structure(lo: &mut lopdf::Document, marked: &[Vec<(usize, Tag)>]) -> Result<(), PdfError> {
    use lopdf::{Dictionary, Object};
    let err = |e: lopdf::Error| PdfError::Write(e.to_string());
    let pages: Vec<lopdf::ObjectId> = lo.get_pages().values().copied().collect();
    if pages.len() != marked.len() {
        return Err(PdfError::Write("pages and marked content disagree".into()));
    }
    // Elements in reading order, each with its marked content (page, MCID).
    let mut order: BTreeMap<usize, usize> = BTreeMap::new();
    let mut elems: Vec<(Tag, Vec<(usize, i64)>)> = Vec::new();
    for (page, marks) in marked.iter().enumerate() {
        for (mcid, &(elem, tag)) in marks.iter().enumerate() {
            let i = *order.entry(elem).or_insert_with(|| {
                elems.push((tag, Vec::new()));
                elems.len() - 1
            });
            elems[i].1.push((page, mcid as i64));
        }
    }
    let root_id = lo.new_object_id();
    let doc_id = lo.new_object_id();
    let tree_id = lo.new_object_id();
    let ids: Vec<lopdf::ObjectId> = elems.iter().map(|_| lo.new_object_id()).collect();
    for ((tag, content), &id) in elems.iter().zip(&ids) {
        let first = content[0].0;
        let kids: Vec<Object> = content
            .iter()
            .map(|&(page, mcid)| {
                if page == first {
                    Object::Integer(mcid)
                } else {
                    Object::Dictionary(Dictionary::from_iter(vec![
                        ("Type", Object::Name(b"MCR".to_vec())),
                        ("Pg", Object::Reference(pages[page])),
                        ("MCID", Object::Integer(mcid)),
                    ]))
                }
            })
            .collect();
        let kids = if kids.len() == 1 {
            kids[0].clone()
        } else {
            Object::Array(kids)
        };
        // /Type is optional for structure elements; there are a hundred.
        let elem = Dictionary::from_iter(vec![
            ("S", Object::Name(tag.name().as_bytes().to_vec())),
            ("P", Object::Reference(doc_id)),
            ("Pg", Object::Reference(pages[first])),
            ("K", kids),
        ]);
        lo.objects.insert(id, Object::Dictionary(elem));
    }
    let document = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"StructElem".to_vec())),
        ("S", Object::Name(b"Document".to_vec())),
        ("P", Object::Reference(root_id)),
        (
            "K",
            Object::Array(ids.iter().map(|&id| Object::Reference(id)).collect()),
        ),
    ]);
    lo.objects.insert(doc_id, Object::Dictionary(document));
    // The parent tree maps each page's MCIDs back to their elements.
    let mut nums = Vec::new();
    for (page, marks) in marked.iter().enumerate() {
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Array(
            marks
                .iter()
                .map(|(elem, _)| Object::Reference(ids[order[elem]]))
                .collect(),
        ));
    }
    lo.objects.insert(
        tree_id,
        Object::Dictionary(Dictionary::from_iter(vec![("Nums", Object::Array(nums))])),
    );
    let root = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"StructTreeRoot".to_vec())),
        ("K", Object::Reference(doc_id)),
        ("ParentTree", Object::Reference(tree_id)),
        ("ParentTreeNextKey", Object::Integer(pages.len() as i64)),
    ]);
    lo.objects.insert(root_id, Object::Dictionary(root));
    for (i, &page) in pages.iter().enumerate() {
        let dict = lo.get_dictionary_mut(page).map_err(err)?;
        dict.set("StructParents", Object::Integer(i as i64));
        dict.set("Tabs", Object::Name(b"S".to_vec()));
    }
    let catalog = lo.catalog_mut().map_err(err)?;
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter(vec![("Marked", Object::Boolean(true))]),
    );
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    Ok(())
}

/// The file identifier before it is known: replaced by [`stamp_id`].
const ID_PLACEHOLDER: [u8; 16] = [0; 16];

/// Adjusts what printpdf writes: a clean Info dictionary, the language and
/// title display in the catalog, and a placeholder file identifier.
fn finish(lo: &mut lopdf::Document, info: &Info<'_>) -> Result<(), PdfError> {
    use lopdf::{Dictionary, Object, StringFormat};
    let err = |e: lopdf::Error| PdfError::Write(e.to_string());
    lo.version = "1.7".into();
    if let Ok(id) = lo.trailer.get(b"Info").and_then(Object::as_reference) {
        let dict = lo.get_dictionary_mut(id).map_err(err)?;
        for key in [&b"Trapped"[..], b"GTS_PDFXVersion", b"Identifier"] {
            dict.remove(key);
        }
        if info.timestamp.is_none() {
            dict.remove(b"CreationDate");
            dict.remove(b"ModDate");
        }
        for key in [&b"Subject"[..], b"Keywords"] {
            if dict
                .get(key)
                .ok()
                .and_then(|v| v.as_str().ok())
                .is_some_and(<[u8]>::is_empty)
            {
                dict.remove(key);
            }
        }
    }
    let catalog = lo.catalog_mut().map_err(err)?;
    let language = info.doc.meta.language.as_str();
    catalog.set(
        "Lang",
        Object::String(language.as_bytes().to_vec(), StringFormat::Literal),
    );
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]),
    );
    let placeholder = Object::String(ID_PLACEHOLDER.to_vec(), StringFormat::Hexadecimal);
    lo.trailer
        .set("ID", Object::Array(vec![placeholder.clone(), placeholder]));
    Ok(())
}

/// Replaces the placeholder identifier with a digest of the file, so the
/// identifier is the same for the same bytes and differs otherwise.
fn stamp_id(bytes: &mut [u8]) {
    let placeholder: String = format!("<{}>", "00".repeat(ID_PLACEHOLDER.len()));
    let digest = <md5::Md5 as md5::Digest>::digest(&*bytes);
    let hex: String = digest
        .as_slice()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let replacement = format!("<{hex}>");
    // The identifier is written last, in the trailer, its two copies side
    // by side: replace from the end.
    let mut end = bytes.len();
    for _ in 0..2 {
        let Some(start) = bytes[..end]
            .windows(placeholder.len())
            .rposition(|w| w == placeholder.as_bytes())
        else {
            break;
        };
        bytes[start..start + replacement.len()].copy_from_slice(replacement.as_bytes());
        end = start;
    }
}

/// A URI in 7-bit ASCII, as PDF link actions require: other bytes are
/// percent-encoded.
fn uri_ascii(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
