//! Faces and shaping: the bundled families (Noto Sans and Libertinus Serif,
//! each in four styles), fallback faces for characters they lack, and text
//! shaped into positioned glyphs, small capitals included.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use resume_document::{Family, Note, face_data};
use rustybuzz::ttf_parser::{self, Tag};
use rustybuzz::{Direction, Feature, ShapePlan, UnicodeBuffer};

use crate::PdfError;

/// A face of a bundled family: the family, bold and italic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Style {
    pub family: Family,
    pub bold: bool,
    pub italic: bool,
}

impl Style {
    pub fn new(family: Family, bold: bool, italic: bool) -> Style {
        Style {
            family,
            bold,
            italic,
        }
    }

    /// The slot of the bundled face for this style: four per family.
    pub fn slot(self) -> usize {
        family_index(self.family) * 4 + usize::from(self.bold) + 2 * usize::from(self.italic)
    }

    fn with_family(self, family: Family) -> Style {
        Style { family, ..self }
    }
}

fn family_index(family: Family) -> usize {
    match family {
        Family::NotoSans => 0,
        Family::LibertinusSerif => 1,
    }
}

/// How many bundled faces there are: two families in four styles.
pub(crate) const BUNDLED: usize = 8;

/// Synthesized small capitals are capitals at this fraction of the size,
/// about the height of the lower-case letters they stand for.
pub(crate) const SMALL_CAPS_SCALE: f32 = 0.8;

/// Characters that carry no ink and that PDF text extraction must not see:
/// soft hyphens, zero-width and bidirectional controls, variation selectors,
/// byte order marks and C0/C1 controls. Layout skips them; white space and
/// explicit breaks are handled before, so nothing here is something an
/// extractor needs.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
    ) || (c.is_control() && c != '\n')
}

/// Font bytes that fallback faces borrow from: copied out of the caller's
/// font database once, so shaping can hold plain slices.
#[derive(Debug, Default)]
pub(crate) struct FallbackData {
    faces: Vec<(Vec<u8>, u32)>,
    /// The name of each face in `faces`, for notes.
    names: Vec<String>,
    /// For each character the face of its style lacks, the face that draws
    /// it: another bundled face (below [`BUNDLED`]) or a borrowed one
    /// (`BUNDLED` plus its index in `faces`).
    chosen: BTreeMap<(char, Style), usize>,
    /// Pictographs nothing draws: left out, with a note.
    omitted: BTreeSet<char>,
}

/// The cut of a CJK family made for a language: its glyphs follow that
/// country's forms of the shared characters.
fn cjk_cut(language: &str) -> &'static str {
    let tag = language.to_ascii_lowercase();
    let mut parts = tag.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    match primary {
        "ja" => "JP",
        "ko" => "KR",
        "zh" if rest.iter().any(|p| *p == "hant" || *p == "tw") => "TC",
        "zh" if rest.contains(&"hk") || rest.contains(&"mo") => "HK",
        // Simplified Chinese also for Han characters in other languages.
        _ => "SC",
    }
}

/// How much a fallback face is preferred: lower is better.
fn family_rank(info: &fontdb::FaceInfo, cjk: &str) -> u32 {
    let family = info.families.first().map(|f| f.0.as_str()).unwrap_or("");
    if family.contains("CJK") {
        if family.ends_with(cjk) { 0 } else { 2 }
    } else if family.starts_with("Noto Sans") {
        1
    } else if family.starts_with("Noto") {
        2
    } else {
        3
    }
}

/// Whether a face has outlines to embed: colour bitmap faces (emoji) have
/// none a PDF font can use.
fn has_outlines(face: &ttf_parser::Face<'_>) -> bool {
    let t = face.tables();
    t.glyf.is_some() || t.cff.is_some() || t.cff2.is_some()
}

/// Pictographs: emoji and the symbols of their blocks, which a page can do
/// without (unlike letters). Ranges of the Unicode `Extended_Pictographic`
/// property, with regional indicators, skin tones and the keycap mark.
pub fn is_pictograph(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139
            | 0x2194..=0x2199
            | 0x21A9..=0x21AA
            | 0x20E3
            | 0x231A..=0x231B
            | 0x2328
            | 0x23CF
            | 0x23E9..=0x23F3
            | 0x23F8..=0x23FA
            | 0x24C2
            | 0x25AA..=0x25AB
            | 0x25B6
            | 0x25C0
            | 0x25FB..=0x25FE
            | 0x2600..=0x27BF
            | 0x2934..=0x2935
            | 0x2B05..=0x2B07
            | 0x2B1B..=0x2B1C
            | 0x2B50
            | 0x2B55
            | 0x3030
            | 0x303D
            | 0x3297
            | 0x3299
            | 0x1F000..=0x1FAFF
            | 0x1FC00..=0x1FFFD
    )
}

impl FallbackData {
    /// Finds a face for every `(character, style)` pair the bundled face of
    /// that style cannot draw: first the other bundled family in the same
    /// style, then the caller's databases, earlier ones first. Within a
    /// database, faces made for the document's language come first (the
    /// Chinese, Japanese or Korean cut of a CJK family), then Noto faces
    /// (drawn to match the bundled Noto Sans), then the rest.
    ///
    /// Pictographs (emoji) that nothing draws are left out and listed in
    /// [`FallbackData::omitted`]; letters nothing draws are an error naming
    /// them.
    pub fn resolve(
        needed: &BTreeSet<(char, Style)>,
        dbs: &[&fontdb::Database],
        language: &str,
    ) -> Result<FallbackData, PdfError> {
        let bundled = bundled()?;
        let mut data = FallbackData::default();
        let mut missing: Vec<(char, Style)> = Vec::new();
        for &(c, style) in needed {
            if bundled[style.slot()].face.glyph_index(c).is_some() {
                continue;
            }
            // The other bundled family drawing a bullet or a symbol keeps the
            // page in the faces it was designed with. Letters come from a face
            // made to go with the style's family where the databases have one
            // (Noto Sans Hebrew beside Noto Sans, not Libertinus's Hebrew).
            if c.is_alphabetic() && !dbs.is_empty() {
                missing.push((c, style));
                continue;
            }
            let other = Family::ALL
                .into_iter()
                .filter(|&f| f != style.family)
                .map(|f| style.with_family(f).slot())
                .find(|&slot| bundled[slot].face.glyph_index(c).is_some());
            match other {
                Some(slot) => {
                    data.chosen.insert((c, style), slot);
                }
                None => missing.push((c, style)),
            }
        }
        if missing.is_empty() {
            return Ok(data);
        }

        // Candidate faces in a stable order, so the same databases always
        // give the same choice: by database, preference, family, PostScript
        // name.
        let cjk = cjk_cut(language);
        let mut candidates: Vec<(usize, u32, &fontdb::FaceInfo)> = dbs
            .iter()
            .enumerate()
            .flat_map(|(d, db)| db.faces().map(move |info| (d, info)))
            .map(|(d, info)| (d, family_rank(info, cjk), info))
            .collect();
        let family = |info: &fontdb::FaceInfo| {
            info.families
                .first()
                .map(|f| f.0.clone())
                .unwrap_or_default()
        };
        candidates.sort_by(|a, b| {
            (a.0, a.1, family(a.2), &a.2.post_script_name, a.2.index).cmp(&(
                b.0,
                b.1,
                family(b.2),
                &b.2.post_script_name,
                b.2.index,
            ))
        });
        // Which of the missing characters each candidate draws; read lazily,
        // since a system database may list hundreds of files.
        let wanted: BTreeSet<char> = missing.iter().map(|&(c, _)| c).collect();
        let mut coverage: Vec<Option<BTreeSet<char>>> = vec![None; candidates.len()];
        let mut loaded: BTreeMap<usize, usize> = BTreeMap::new();
        let mut unresolved = BTreeSet::new();

        for &(c, style) in &missing {
            let mut best: Option<(u32, usize)> = None;
            for (i, &(d, rank, info)) in candidates.iter().enumerate() {
                // Weight and slant count less than where a face comes from
                // and what it was made for.
                let bold = info.weight.0 >= 600;
                let italic = info.style != fontdb::Style::Normal;
                let score = (d as u32 * 8 + rank) * 4
                    + u32::from(bold != style.bold) * 2
                    + u32::from(italic != style.italic);
                if best.is_some_and(|(s, _)| s <= score) {
                    continue;
                }
                let covered = coverage[i].get_or_insert_with(|| {
                    dbs[d]
                        .with_face_data(info.id, |bytes, index| {
                            ttf_parser::Face::parse(bytes, index)
                                .ok()
                                .filter(has_outlines)
                                .map(|face| {
                                    wanted
                                        .iter()
                                        .copied()
                                        .filter(|&w| face.glyph_index(w).is_some())
                                        .collect()
                                })
                                .unwrap_or_default()
                        })
                        .unwrap_or_default()
                });
                if covered.contains(&c) {
                    best = Some((score, i));
                }
            }
            let Some((_, i)) = best else {
                let other = Family::ALL
                    .into_iter()
                    .filter(|&f| f != style.family)
                    .map(|f| style.with_family(f).slot())
                    .find(|&slot| bundled[slot].face.glyph_index(c).is_some());
                match other {
                    Some(slot) => {
                        data.chosen.insert((c, style), slot);
                    }
                    None => {
                        unresolved.insert(c);
                    }
                }
                continue;
            };
            let slot = match loaded.get(&i) {
                Some(&slot) => slot,
                None => {
                    let (d, _, info) = candidates[i];
                    let bytes = dbs[d]
                        .with_face_data(info.id, |bytes, index| (bytes.to_vec(), index))
                        .ok_or_else(|| {
                            PdfError::Font(format!(
                                "cannot read the font {}",
                                info.post_script_name
                            ))
                        })?;
                    data.faces.push(bytes);
                    data.names.push(
                        info.families
                            .first()
                            .map(|f| f.0.clone())
                            .unwrap_or_else(|| info.post_script_name.clone()),
                    );
                    loaded.insert(i, data.faces.len() - 1);
                    data.faces.len() - 1
                }
            };
            data.chosen.insert((c, style), BUNDLED + slot);
        }

        let (pictographs, letters): (BTreeSet<char>, BTreeSet<char>) =
            unresolved.into_iter().partition(|&c| is_pictograph(c));
        if letters.is_empty() {
            data.omitted = pictographs;
            Ok(data)
        } else {
            Err(PdfError::MissingGlyphs {
                chars: letters.into_iter().collect(),
            })
        }
    }

    /// Pictographs no face draws, left out of the page.
    pub fn omitted(&self) -> &BTreeSet<char> {
        &self.omitted
    }

    /// One note per borrowed face: which characters it draws. Characters
    /// the other bundled family draws need no note: that face is ours.
    pub fn notes(&self) -> Vec<Note> {
        (0..self.faces.len())
            .map(|slot| {
                let chars: BTreeSet<char> = self
                    .chosen
                    .iter()
                    .filter(|&(_, &s)| s == BUNDLED + slot)
                    .map(|(&(c, _), _)| c)
                    .collect();
                Note::FontBorrowed {
                    face: self.names[slot].clone(),
                    chars: chars.into_iter().collect(),
                }
            })
            .collect()
    }
}

/// One face ready to shape with and to embed.
pub(crate) struct FontFace<'a> {
    pub data: &'a [u8],
    pub index: u32,
    pub face: rustybuzz::Face<'a>,
    /// Units per em, as a float for scaling.
    pub upem: f32,
    /// The PostScript name, reduced to characters a PDF name may hold.
    pub ps_name: String,
    /// Height of the capitals in em: lines are centred on them.
    pub cap: f32,
    /// Distance of an underline's top below the baseline, and its
    /// thickness, in em.
    pub underline: (f32, f32),
    plan: ShapePlan,
    /// The plan with the font's own small capitals turned on, when it has
    /// them.
    small_caps: Option<ShapePlan>,
    /// How far unaccented letters and digits reach above and below the
    /// baseline, in thousandths of an em, measured on first use: a batch
    /// writes it into every PDF.
    pub extent: std::sync::OnceLock<(i16, i16)>,
}

impl std::fmt::Debug for FontFace<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontFace")
            .field("ps_name", &self.ps_name)
            .finish()
    }
}

/// Features turned off when shaping: ligatures would fuse letters into one
/// glyph, and text extractors and keyword searches then miss "fi" or "fl".
const NO_LIGATURES: [&[u8; 4]; 3] = [b"liga", b"clig", b"dlig"];

impl<'a> FontFace<'a> {
    fn new(data: &'a [u8], index: u32) -> Result<FontFace<'a>, PdfError> {
        let face = rustybuzz::Face::from_slice(data, index)
            .ok_or_else(|| PdfError::Font("a font face could not be parsed".into()))?;
        let ttf: &ttf_parser::Face<'_> = &face;
        let upem = f32::from(ttf.units_per_em());
        let ps_name = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| "Font".into())
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>();
        let cap = ttf
            .capital_height()
            .filter(|&c| c > 0)
            .map(|c| f32::from(c) / upem)
            .unwrap_or(0.7);
        let underline = ttf
            .underline_metrics()
            .filter(|m| m.thickness > 0)
            .map(|m| {
                // The post table gives the centre of the stroke.
                let thickness = f32::from(m.thickness) / upem;
                (-f32::from(m.position) / upem - thickness / 2.0, thickness)
            })
            .unwrap_or((0.1, 0.05));
        let plan = ShapePlan::new(
            &face,
            Direction::LeftToRight,
            Some(rustybuzz::script::LATIN),
            None,
            &features(false),
        );
        let smcp = Tag::from_bytes(b"smcp");
        let has_small_caps = ttf
            .tables()
            .gsub
            .is_some_and(|gsub| gsub.features.into_iter().any(|f| f.tag == smcp));
        let small_caps = has_small_caps.then(|| {
            ShapePlan::new(
                &face,
                Direction::LeftToRight,
                Some(rustybuzz::script::LATIN),
                None,
                &features(true),
            )
        });
        Ok(FontFace {
            data,
            index,
            face,
            upem,
            ps_name,
            cap,
            underline,
            plan,
            small_caps,
            extent: std::sync::OnceLock::new(),
        })
    }

    /// The advance of `gid` without kerning, in thousandths of an em: the
    /// width the PDF declares for it.
    pub fn width_milli(&self, gid: u16) -> u16 {
        let units = self
            .face
            .glyph_hor_advance(ttf_parser::GlyphId(gid))
            .unwrap_or(0);
        (f32::from(units) * 1000.0 / self.upem).round() as u16
    }

    /// Whether the face has small capitals of its own (`smcp`).
    pub fn has_small_caps(&self) -> bool {
        self.small_caps.is_some()
    }
}

/// Rounds a length in em to whole thousandths, the unit of PDF glyph
/// widths: glyphs then advance in the PDF exactly as in the layout, and only
/// kerning needs adjustments in the content stream.
pub(crate) fn milli(em: f32) -> f32 {
    (em * 1000.0).round() / 1000.0
}

fn features(small_caps: bool) -> Vec<Feature> {
    let mut out: Vec<Feature> = NO_LIGATURES
        .iter()
        .map(|tag| Feature::new(Tag::from_bytes(tag), 0, ..))
        .collect();
    if small_caps {
        out.push(Feature::new(Tag::from_bytes(b"smcp"), 1, ..));
    }
    out
}

/// A bundled face's shape plan for a script and direction.
type PlanKey = (usize, Direction, Option<rustybuzz::Script>, bool);

thread_local! {
    /// Shape plans of the bundled faces beyond the prepared Latin ones,
    /// made on first use: making a plan costs more than shaping a word.
    static PLANS: std::cell::RefCell<Vec<(PlanKey, ShapePlan)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The bundled faces, indexed by [`Style::slot`], parsed and given their
/// shape plans once per process: they never change, and preparing them
/// costs a tenth of a rendering.
fn bundled() -> Result<&'static [FontFace<'static>; BUNDLED], PdfError> {
    static FACES: OnceLock<Result<[FontFace<'static>; BUNDLED], String>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            let mut faces = Vec::with_capacity(BUNDLED);
            for family in Family::ALL {
                for slot in 0..4 {
                    let (bold, italic) = (slot & 1 == 1, slot & 2 == 2);
                    let face = FontFace::new(face_data(family, bold, italic), 0).map_err(|e| {
                        format!("the bundled {} is unreadable: {e}", family.display_name())
                    })?;
                    faces.push(face);
                }
            }
            faces
                .try_into()
                .map_err(|_| "the bundled faces are incomplete".to_string())
        })
        .as_ref()
        .map_err(|e| PdfError::Font(e.clone()))
}

/// All faces of one rendering: the bundled eight, then the borrowed ones.
#[derive(Debug)]
pub(crate) struct Fonts<'a> {
    bundled: &'static [FontFace<'static>; BUNDLED],
    fallback: Vec<FontFace<'a>>,
    chosen: &'a BTreeMap<(char, Style), usize>,
    omitted: &'a BTreeSet<char>,
}

/// A glyph positioned by the shaper, in ems of its paragraph's size.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    pub face: u16,
    pub gid: u16,
    /// Advance in em.
    pub adv: f32,
    /// Horizontal offset from the pen position, in em.
    pub dx: f32,
    /// Byte range of the text this glyph stands for, in its paragraph; empty
    /// for the second and later glyphs of one cluster.
    pub text: (u32, u32),
    /// Index of the styled run the glyph belongs to.
    pub run: u16,
    /// Whether the glyph stands for white space (it may hang at a line end).
    pub space: bool,
    /// A synthesized small capital: a capital set at [`SMALL_CAPS_SCALE`]
    /// of the size, standing for a lower-case letter. Its advance is already
    /// scaled.
    pub small: bool,
    /// The bidirectional embedding level of its text (odd: right to left);
    /// lines are drawn in the visual order these give.
    pub level: u8,
}

impl Glyph {
    /// The size this glyph is drawn at, as a fraction of its line's size.
    pub fn scale(&self) -> f32 {
        if self.small { SMALL_CAPS_SCALE } else { 1.0 }
    }
}

impl<'a> Fonts<'a> {
    pub fn new(fallback: &'a FallbackData) -> Result<Fonts<'a>, PdfError> {
        Ok(Fonts {
            bundled: bundled()?,
            fallback: fallback
                .faces
                .iter()
                .map(|(data, index)| FontFace::new(data, *index))
                .collect::<Result<_, _>>()?,
            chosen: &fallback.chosen,
            omitted: &fallback.omitted,
        })
    }

    /// How many faces there are.
    pub fn len(&self) -> usize {
        BUNDLED + self.fallback.len()
    }

    /// Face `i`: the bundled eight by slot, then the borrowed ones. An index
    /// past the end (which this crate never makes) gives the first face.
    pub fn face(&self, i: usize) -> &FontFace<'_> {
        match i.checked_sub(BUNDLED) {
            None => &self.bundled[i],
            Some(f) => self.fallback.get(f).unwrap_or(&self.bundled[0]),
        }
    }

    /// The regular face of a bundled family.
    pub fn family(&self, family: Family) -> &FontFace<'static> {
        &self.bundled[Style::new(family, false, false).slot()]
    }

    /// The face that draws `c` in `style`.
    fn face_for(&self, c: char, style: Style) -> usize {
        match self.chosen.get(&(c, style)) {
            Some(&i) => i,
            None => style.slot(),
        }
    }

    /// Shapes `text[range]` set in `style`, appending glyphs whose byte
    /// offsets are relative to `text`. With `small_caps`, lower-case letters
    /// become small capitals: the face's own where it has them, else
    /// capitals set smaller. `rtl` shapes the text right to left (one
    /// level run of the bidirectional algorithm); the glyphs are appended in
    /// logical order all the same, and lines put them in visual order.
    #[allow(clippy::too_many_arguments)]
    pub fn shape(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        style: Style,
        small_caps: bool,
        rtl: bool,
        run: u16,
        out: &mut Vec<Glyph>,
    ) {
        // Split the run where the face changes (a fallback character), so
        // each piece is shaped by the face that has its glyphs. Marks and
        // spaces stay with the face before them.
        let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
        let mut gap = false;
        for (off, c) in text[range.clone()].char_indices() {
            let at = range.start + off;
            if self.omitted.contains(&c) {
                // A pictograph nothing draws gets no glyph; what follows it
                // is a piece of its own.
                gap = true;
                continue;
            }
            let face = if c.is_whitespace() {
                pieces.last().map(|p| p.2).unwrap_or(style.slot())
            } else {
                self.face_for(c, style)
            };
            match pieces.last_mut() {
                Some(p) if p.2 == face && !gap => p.1 = at + c.len_utf8(),
                _ => pieces.push((at, at + c.len_utf8(), face)),
            }
            gap = false;
        }
        let shape = |range, face, how, out: &mut Vec<Glyph>| {
            self.shape_cached(text, range, face, how, rtl, run, out);
        };
        for (start, end, face) in pieces {
            if !small_caps {
                shape(start..end, face, Shaping::Plain, out);
            } else if self.face(face).has_small_caps() {
                shape(start..end, face, Shaping::SmallCaps, out);
            } else {
                // Lower-case letters become capitals set smaller; the rest,
                // capitals included, is set as it is.
                let mut from = start;
                let mut lower = None;
                for (off, c) in text[start..end].char_indices() {
                    let at = start + off;
                    let is_lower = has_capital(c);
                    if lower != Some(is_lower) {
                        if let Some(was_lower) = lower
                            && at > from
                        {
                            let how = if was_lower {
                                Shaping::Synthetic
                            } else {
                                Shaping::Plain
                            };
                            shape(from..at, face, how, out);
                        }
                        from = at;
                        lower = Some(is_lower);
                    }
                }
                let how = if lower == Some(true) {
                    Shaping::Synthetic
                } else {
                    Shaping::Plain
                };
                if end > from {
                    shape(from..end, face, how, out);
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn shape_piece(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        face_index: usize,
        how: Shaping,
        rtl: bool,
        run: u16,
        out: &mut Vec<Glyph>,
    ) {
        let (start, end) = (range.start, range.end);
        let face = self.face(face_index);
        // A synthesized small capital is shaped as the capital; `source`
        // maps each byte of what is shaped back to the letter it stands for.
        let mut buffer = UnicodeBuffer::new();
        let mut source: Vec<usize> = Vec::new();
        if how == Shaping::Synthetic {
            let mut upper = String::new();
            for (off, c) in text[start..end].char_indices() {
                for u in c.to_uppercase() {
                    upper.push(u);
                    source.extend(std::iter::repeat_n(start + off, u.len_utf8()));
                }
            }
            buffer.push_str(&upper);
        } else {
            buffer.push_str(&text[start..end]);
        }
        let source_of = |cluster: u32| -> usize {
            let c = cluster as usize;
            if how == Shaping::Synthetic {
                source.get(c).copied().unwrap_or(end)
            } else {
                (start + c).min(end)
            }
        };
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        });
        // The prepared plans are for Latin text set left to right.
        let latin = !rtl && buffer.script() == rustybuzz::script::LATIN;
        let shaped = match (how, &face.small_caps) {
            (Shaping::SmallCaps, Some(plan)) if latin => {
                rustybuzz::shape_with_plan(&face.face, plan, buffer)
            }
            _ if latin && how != Shaping::SmallCaps => {
                rustybuzz::shape_with_plan(&face.face, &face.plan, buffer)
            }
            _ if face_index < BUNDLED => {
                // Other scripts and directions (digits and punctuation are
                // of no script): a plan made once per thread, as
                // `rustybuzz::shape` would make it for this buffer.
                let small_caps = how == Shaping::SmallCaps;
                // A buffer of no script reads as "unknown"; the plan
                // `rustybuzz::shape` makes for it has none.
                let script = Some(buffer.script()).filter(|s| *s != rustybuzz::script::UNKNOWN);
                let key = (face_index, buffer.direction(), script, small_caps);
                PLANS.with_borrow_mut(|plans| {
                    let plan = match plans.iter().position(|(k, _)| *k == key) {
                        Some(i) => &plans[i].1,
                        None => {
                            let plan = ShapePlan::new(
                                &face.face,
                                key.1,
                                key.2,
                                None,
                                &features(small_caps),
                            );
                            plans.push((key, plan));
                            &plans[plans.len() - 1].1
                        }
                    };
                    rustybuzz::shape_with_plan(&face.face, plan, buffer)
                })
            }
            (Shaping::SmallCaps, _) => rustybuzz::shape(&face.face, &features(true), buffer),
            _ => rustybuzz::shape(&face.face, &features(false), buffer),
        };
        // Right-to-left output comes in visual order: turned back into
        // logical order, so that a paragraph's glyphs follow its text.
        let reversed: (Vec<_>, Vec<_>);
        let (infos, positions) = if rtl {
            reversed = (
                shaped.glyph_infos().iter().rev().copied().collect(),
                shaped.glyph_positions().iter().rev().copied().collect(),
            );
            (&reversed.0[..], &reversed.1[..])
        } else {
            (shaped.glyph_infos(), shaped.glyph_positions())
        };
        let small = how == Shaping::Synthetic;
        let scale = if small { SMALL_CAPS_SCALE } else { 1.0 } / face.upem;
        let first = out.len();
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let cluster = source_of(info.cluster);
            let new_cluster = i == 0 || source_of(infos[i - 1].cluster) != cluster;
            let cluster_end = infos[i + 1..]
                .iter()
                .map(|g| source_of(g.cluster))
                .find(|&c| c != cluster)
                .unwrap_or(end)
                .max(cluster);
            let cluster_text = text.get(cluster..cluster_end).unwrap_or("");
            let space = cluster_text.chars().all(char::is_whitespace);
            out.push(Glyph {
                face: face_index as u16,
                gid: info.glyph_id as u16,
                adv: milli(pos.x_advance as f32 * scale),
                dx: milli(pos.x_offset as f32 * scale),
                text: if new_cluster {
                    (cluster as u32, cluster_end as u32)
                } else {
                    (cluster as u32, cluster as u32)
                },
                run,
                space,
                small,
                level: 0,
            });
        }
        if !small {
            split_clusters(&face.face, text, &mut out[first..]);
        }
    }
}

/// Gives each glyph of a cluster of several glyphs its own characters
/// where the face says which: a glyph that is a character's own glyph (a
/// mark, say) stands for that character, and the one glyph left for the
/// rest. A glyph id then stands for the same text wherever it is used (a
/// letter with a mark in one word, without it in another), which the
/// font's one ToUnicode map needs. Clusters the face does not explain
/// keep their text on the first glyph.
fn split_clusters(face: &rustybuzz::Face<'_>, text: &str, glyphs: &mut [Glyph]) {
    let mut i = 0;
    while i < glyphs.len() {
        let (start, end) = glyphs[i].text;
        let mut j = i + 1;
        while j < glyphs.len() && glyphs[j].text == (start, start) {
            j += 1;
        }
        let group = i..j;
        i = j;
        let Some(cluster) = text.get(start as usize..end as usize) else {
            continue;
        };
        let chars: Vec<(usize, char)> = cluster
            .char_indices()
            .map(|(k, c)| (start as usize + k, c))
            .collect();
        if group.len() < 2 || chars.len() < 2 {
            continue;
        }
        let mut taken = vec![false; chars.len()];
        let mut assigned: Vec<Option<(u32, u32)>> = vec![None; group.len()];
        for (g, slot) in group.clone().zip(assigned.iter_mut()) {
            let gid = glyphs[g].gid;
            let found = chars.iter().enumerate().find(|&(k, &(_, c))| {
                !taken[k] && face.glyph_index(c).is_some_and(|id| id.0 == gid)
            });
            if let Some((k, &(at, c))) = found {
                taken[k] = true;
                *slot = Some((at as u32, (at + c.len_utf8()) as u32));
            }
        }
        let left: Vec<usize> = (0..chars.len()).filter(|&k| !taken[k]).collect();
        let open: Vec<usize> = (0..group.len())
            .filter(|&k| assigned[k].is_none())
            .collect();
        let contiguous = left.windows(2).all(|w| w[1] == w[0] + 1);
        match (open.as_slice(), left.first(), left.last()) {
            (&[g], Some(&a), Some(&b)) if contiguous => {
                let (from, _) = chars[a];
                let (at, c) = chars[b];
                assigned[g] = Some((from as u32, (at + c.len_utf8()) as u32));
            }
            ([], None, None) => {}
            _ => continue,
        }
        for (g, range) in group.zip(assigned) {
            if let Some(range) = range {
                glyphs[g].text = range;
            }
        }
    }
}

/// How a piece of text is shaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Shaping {
    Plain,
    /// With the font's `smcp` feature.
    SmallCaps,
    /// Lower-case letters as capitals, set smaller.
    Synthetic,
}

/// Whether small capitals change `c`: a lower-case letter with a capital.
pub(crate) fn has_capital(c: char) -> bool {
    c.is_lowercase() && c.to_uppercase().next().is_some_and(|u| u != c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_faces_load_and_know_their_small_capitals() {
        let faces = bundled().expect("bundled faces");
        for (slot, face) in faces.iter().enumerate() {
            assert!(face.upem > 0.0, "slot {slot}");
            assert!((0.5..0.9).contains(&face.cap), "slot {slot}: {}", face.cap);
        }
        let libertinus = &faces[Style::new(Family::LibertinusSerif, false, false).slot()];
        assert!(libertinus.ps_name.starts_with("LibertinusSerif"));
        assert!(libertinus.has_small_caps());
    }

    fn shaped(family: Family, text: &str, small_caps: bool) -> Vec<Glyph> {
        let fallback = FallbackData::default();
        let fonts = Fonts::new(&fallback).expect("fonts");
        let mut out = Vec::new();
        fonts.shape(
            text,
            0..text.len(),
            Style::new(family, false, false),
            small_caps,
            false,
            0,
            &mut out,
        );
        out
    }

    #[test]
    fn small_capitals_keep_their_letters() {
        // Libertinus has its own: other glyphs than the letters', each
        // still standing for its letter.
        let plain = shaped(Family::LibertinusSerif, "Work", false);
        let small = shaped(Family::LibertinusSerif, "Work", true);
        assert_eq!(plain[0].gid, small[0].gid, "the capital stays");
        assert_ne!(plain[1].gid, small[1].gid, "o becomes a small capital");
        assert!(small.iter().all(|g| !g.small));
        let texts: Vec<(u32, u32)> = small.iter().map(|g| g.text).collect();
        assert_eq!(texts, [(0, 1), (1, 2), (2, 3), (3, 4)]);
    }

    #[test]
    fn small_capitals_are_synthesized_where_the_face_has_none() {
        let fallback = FallbackData::default();
        let fonts = Fonts::new(&fallback).expect("fonts");
        let face = fonts.family(Family::NotoSans);
        if face.has_small_caps() {
            return;
        }
        let small = shaped(Family::NotoSans, "Wo", true);
        let capitals = shaped(Family::NotoSans, "WO", false);
        assert_eq!(small[1].gid, capitals[1].gid);
        assert!(small[1].small && !small[0].small);
        assert!((small[1].adv - capitals[1].adv * SMALL_CAPS_SCALE).abs() < 0.002);
        assert_eq!(small[1].text, (1, 2));
    }

    #[test]
    fn a_character_one_family_lacks_comes_from_the_other() {
        // Libertinus Serif has no small black square; Noto Sans has.
        let style = Style::new(Family::LibertinusSerif, false, false);
        let needed = BTreeSet::from([('▪', style), ('a', style)]);
        let data = FallbackData::resolve(&needed, &[], "en").expect("resolves");
        assert_eq!(
            data.chosen.get(&('▪', style)),
            Some(&Style::new(Family::NotoSans, false, false).slot())
        );
        assert!(data.notes().is_empty());
    }

    #[test]
    fn the_cjk_cut_follows_the_language() {
        assert_eq!(cjk_cut("ja"), "JP");
        assert_eq!(cjk_cut("ko-KR"), "KR");
        assert_eq!(cjk_cut("zh"), "SC");
        assert_eq!(cjk_cut("zh-Hant"), "TC");
        assert_eq!(cjk_cut("zh_TW"), "TC");
        assert_eq!(cjk_cut("zh-HK"), "HK");
        assert_eq!(cjk_cut("en"), "SC");
    }

    #[test]
    fn pictographs_are_told_from_letters() {
        for c in ['🦀', '☕', '✅', '🇫', '❤'] {
            assert!(is_pictograph(c), "{c}");
        }
        for c in ['a', 'é', '中', 'א', '•', '–', '→'] {
            assert!(!is_pictograph(c), "{c}");
        }
    }
}
