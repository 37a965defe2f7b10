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
}

impl FallbackData {
    /// Finds a face for every `(character, style)` pair the bundled face of
    /// that style cannot draw: first the other bundled family in the same
    /// style, then the caller's database. Fails naming the characters nothing
    /// can draw.
    pub fn resolve(
        needed: &BTreeSet<(char, Style)>,
        db: Option<&fontdb::Database>,
    ) -> Result<FallbackData, PdfError> {
        let bundled = bundled()?;
        let mut data = FallbackData::default();
        let mut missing: Vec<(char, Style)> = Vec::new();
        for &(c, style) in needed {
            if bundled[style.slot()].face.glyph_index(c).is_some() {
                continue;
            }
            // The other bundled family drawing a bullet or a symbol keeps the
            // page in the faces it was designed with.
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

        // Candidate faces in a stable order, so the same database always gives
        // the same choice: by family, then PostScript name.
        let empty = fontdb::Database::new();
        let db = db.unwrap_or(&empty);
        let mut candidates: Vec<&fontdb::FaceInfo> = db.faces().collect();
        candidates.sort_by(|a, b| {
            let fa = a.families.first().map(|f| f.0.as_str()).unwrap_or("");
            let fb = b.families.first().map(|f| f.0.as_str()).unwrap_or("");
            (fa, &a.post_script_name, a.index).cmp(&(fb, &b.post_script_name, b.index))
        });
        // Which of the missing characters each candidate draws; read lazily,
        // since a system database may list hundreds of files.
        let wanted: BTreeSet<char> = missing.iter().map(|&(c, _)| c).collect();
        let mut coverage: Vec<Option<BTreeSet<char>>> = vec![None; candidates.len()];
        let mut loaded: BTreeMap<usize, usize> = BTreeMap::new();
        let mut unresolved = BTreeSet::new();

        for &(c, style) in &missing {
            let mut best: Option<(u32, usize)> = None;
            for (i, info) in candidates.iter().enumerate() {
                let covered = coverage[i].get_or_insert_with(|| {
                    db.with_face_data(info.id, |bytes, index| {
                        ttf_parser::Face::parse(bytes, index)
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
                if !covered.contains(&c) {
                    continue;
                }
                // Prefer the face whose weight and slant match the text's.
                let bold = info.weight.0 >= 600;
                let italic = info.style != fontdb::Style::Normal;
                let score = u32::from(bold != style.bold) * 2 + u32::from(italic != style.italic);
                if best.is_none_or(|(s, _)| score < s) {
                    best = Some((score, i));
                }
                if score == 0 {
                    break;
                }
            }
            let Some((_, i)) = best else {
                unresolved.insert(c);
                continue;
            };
            let slot = match loaded.get(&i) {
                Some(&slot) => slot,
                None => {
                    let info = candidates[i];
                    let bytes = db
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

        if unresolved.is_empty() {
            Ok(data)
        } else {
            Err(PdfError::MissingGlyphs {
                chars: unresolved
                    .iter()
                    .map(|c| format!("'{c}' (U+{:04X})", u32::from(*c)))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
        }
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
    /// The one character this glyph stands for, when the font's character
    /// map gives the glyph for it (for a synthesized small capital, the map
    /// of its capital): such glyphs can be written as text.
    pub simple: Option<char>,
    /// A synthesized small capital: a capital set at [`SMALL_CAPS_SCALE`]
    /// of the size, standing for a lower-case letter. Its advance is already
    /// scaled.
    pub small: bool,
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
    /// capitals set smaller.
    pub fn shape(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        style: Style,
        small_caps: bool,
        run: u16,
        out: &mut Vec<Glyph>,
    ) {
        // Split the run where the face changes (a fallback character), so
        // each piece is shaped by the face that has its glyphs. Marks and
        // spaces stay with the face before them.
        let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
        for (off, c) in text[range.clone()].char_indices() {
            let at = range.start + off;
            let face = if c.is_whitespace() {
                pieces.last().map(|p| p.2).unwrap_or(style.slot())
            } else {
                self.face_for(c, style)
            };
            match pieces.last_mut() {
                Some(p) if p.2 == face => p.1 = at + c.len_utf8(),
                _ => pieces.push((at, at + c.len_utf8(), face)),
            }
        }
        for (start, end, face) in pieces {
            if !small_caps {
                self.shape_cached(text, start..end, face, Shaping::Plain, run, out);
            } else if self.face(face).has_small_caps() {
                self.shape_cached(text, start..end, face, Shaping::SmallCaps, run, out);
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
                            self.shape_cached(text, from..at, face, how, run, out);
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
                    self.shape_cached(text, from..end, face, how, run, out);
                }
            }
        }
    }

    pub(crate) fn shape_piece(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        face_index: usize,
        how: Shaping,
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
        // Lines are set left to right; a right-to-left script keeps its
        // logical order (readable by extraction, though not typeset).
        buffer.set_direction(Direction::LeftToRight);
        let latin = buffer.script() == rustybuzz::script::LATIN;
        let shaped = match (how, &face.small_caps) {
            (Shaping::SmallCaps, Some(plan)) if latin => {
                rustybuzz::shape_with_plan(&face.face, plan, buffer)
            }
            (Shaping::SmallCaps, _) => rustybuzz::shape(&face.face, &features(true), buffer),
            _ if latin => rustybuzz::shape_with_plan(&face.face, &face.plan, buffer),
            _ => rustybuzz::shape(&face.face, &features(false), buffer),
        };
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
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
            let mut chars = cluster_text.chars();
            let simple = match (chars.next(), chars.next()) {
                (Some(c), None) if new_cluster => {
                    // The glyph the character map gives for what was shaped:
                    // the letter itself, or its one capital.
                    let shaped_char = if small {
                        let mut upper = c.to_uppercase();
                        match (upper.next(), upper.next()) {
                            (Some(u), None) => Some(u),
                            _ => None,
                        }
                    } else {
                        Some(c)
                    };
                    shaped_char
                        .and_then(|s| face.face.glyph_index(s))
                        .filter(|g| u32::from(g.0) == info.glyph_id)
                        .map(|_| c)
                }
                _ => None,
            };
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
                simple,
                small,
            });
        }
        debug_assert!(out[first..].windows(2).all(|w| w[0].text.0 <= w[1].text.0));
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
        assert_eq!(small[1].simple, Some('o'));
        assert_eq!(small[1].text, (1, 2));
    }

    #[test]
    fn a_character_one_family_lacks_comes_from_the_other() {
        // Libertinus Serif has no small black square; Noto Sans has.
        let style = Style::new(Family::LibertinusSerif, false, false);
        let needed = BTreeSet::from([('▪', style), ('a', style)]);
        let data = FallbackData::resolve(&needed, None).expect("resolves");
        assert_eq!(
            data.chosen.get(&('▪', style)),
            Some(&Style::new(Family::NotoSans, false, false).slot())
        );
        assert!(data.notes().is_empty());
    }
}
