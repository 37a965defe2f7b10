//! Faces and shaping: the four embedded Noto Sans styles, fallback faces for
//! characters they lack, and text shaped into positioned glyphs.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use rustybuzz::ttf_parser::{self, Tag};
use rustybuzz::{Direction, Feature, ShapePlan, UnicodeBuffer};

use crate::PdfError;

/// Bold and italic, the two axes a résumé's text varies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub(crate) struct Style {
    pub bold: bool,
    pub italic: bool,
}

impl Style {
    pub const REGULAR: Style = Style {
        bold: false,
        italic: false,
    };
    pub const BOLD: Style = Style {
        bold: true,
        italic: false,
    };
    pub const ITALIC: Style = Style {
        bold: false,
        italic: true,
    };

    /// The slot of the embedded face for this style.
    fn slot(self) -> usize {
        usize::from(self.bold) * 2 + usize::from(self.italic)
    }
}

/// The embedded faces, indexed by [`Style::slot`].
const EMBEDDED: [&[u8]; 4] = [
    notosans::REGULAR_TTF,
    notosans::ITALIC_TTF,
    notosans::BOLD_TTF,
    notosans::BOLD_ITALIC_TTF,
];

/// Characters that take no space and need no glyph. They are left out of the
/// shaped text rather than drawn as empty boxes; none of them carries content a
/// reader or a text extractor needs.
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
    /// For each character the embedded face of a style lacks, the fallback
    /// face (index into `faces`) that draws it.
    chosen: BTreeMap<(char, Style), usize>,
}

impl FallbackData {
    /// Finds a face for every `(character, style)` pair the embedded faces
    /// cannot draw, or fails naming the characters nothing can draw.
    pub fn resolve(
        needed: &BTreeSet<(char, Style)>,
        db: Option<&fontdb::Database>,
    ) -> Result<FallbackData, PdfError> {
        let embedded = embedded()?;
        let missing: Vec<(char, Style)> = needed
            .iter()
            .copied()
            .filter(|&(c, style)| embedded[style.slot()].face.glyph_index(c).is_none())
            .collect();
        let mut data = FallbackData::default();
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
            data.chosen.insert((c, style), slot);
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
}

impl FallbackData {
    /// One note per fallback face: which characters it draws.
    pub fn notes(&self) -> Vec<String> {
        (0..self.faces.len())
            .map(|slot| {
                let chars: BTreeSet<char> = self
                    .chosen
                    .iter()
                    .filter(|&(_, &s)| s == slot)
                    .map(|(&(c, _), _)| c)
                    .collect();
                let chars: String = chars.into_iter().collect();
                format!(
                    "characters missing from Noto Sans taken from {}: {chars}",
                    self.names[slot]
                )
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
    plan: ShapePlan,
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
        let plan = ShapePlan::new(
            &face,
            Direction::LeftToRight,
            Some(rustybuzz::script::LATIN),
            None,
            &features(),
        );
        Ok(FontFace {
            data,
            index,
            face,
            upem,
            ps_name,
            plan,
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
}

/// Rounds a length in em to whole thousandths, the unit of PDF glyph
/// widths: glyphs then advance in the PDF exactly as in the layout, and only
/// kerning needs adjustments in the content stream.
pub(crate) fn milli(em: f32) -> f32 {
    (em * 1000.0).round() / 1000.0
}

fn features() -> Vec<Feature> {
    NO_LIGATURES
        .iter()
        .map(|tag| Feature::new(Tag::from_bytes(tag), 0, ..))
        .collect()
}

/// The embedded faces, parsed and given their shape plans once per process:
/// they never change, and preparing them costs a tenth of a rendering.
fn embedded() -> Result<&'static [FontFace<'static>], PdfError> {
    static FACES: OnceLock<Result<Vec<FontFace<'static>>, String>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            EMBEDDED
                .iter()
                .map(|data| FontFace::new(data, 0).map_err(|e| e.to_string()))
                .collect()
        })
        .as_deref()
        .map_err(|e| PdfError::Font(format!("embedded Noto Sans is unreadable: {e}")))
}

/// All faces of one rendering: the embedded four, then the fallbacks.
#[derive(Debug)]
pub(crate) struct Fonts<'a> {
    embedded: &'static [FontFace<'static>],
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
    /// The one character this glyph stands for, when the glyph is the one
    /// the font's character map gives it: such glyphs can be written as text.
    pub simple: Option<char>,
}

impl<'a> Fonts<'a> {
    pub fn new(fallback: &'a FallbackData) -> Result<Fonts<'a>, PdfError> {
        Ok(Fonts {
            embedded: embedded()?,
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
        self.embedded.len() + self.fallback.len()
    }

    /// Face `i`: the embedded four by style slot, then the fallbacks.
    pub fn face(&self, i: usize) -> &FontFace<'_> {
        match self.embedded.get(i) {
            Some(face) => face,
            None => &self.fallback[i - self.embedded.len()],
        }
    }

    /// The face that draws `c` in `style`.
    fn face_for(&self, c: char, style: Style) -> usize {
        match self.chosen.get(&(c, style)) {
            Some(&i) => 4 + i,
            None => style.slot(),
        }
    }

    /// Shapes `text[range]` set in `style`, appending glyphs whose byte
    /// offsets are relative to `text`.
    pub fn shape(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        style: Style,
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
        for (start, end, face_index) in pieces {
            self.shape_piece(text, start, end, face_index, run, out);
        }
    }

    fn shape_piece(
        &self,
        text: &str,
        start: usize,
        end: usize,
        face_index: usize,
        run: u16,
        out: &mut Vec<Glyph>,
    ) {
        let face = self.face(face_index);
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(&text[start..end]);
        buffer.guess_segment_properties();
        // Lines are set left to right; a right-to-left script keeps its
        // logical order (readable by extraction, though not typeset).
        buffer.set_direction(Direction::LeftToRight);
        let shaped = if buffer.script() == rustybuzz::script::LATIN {
            rustybuzz::shape_with_plan(&face.face, &face.plan, buffer)
        } else {
            rustybuzz::shape(&face.face, &features(), buffer)
        };
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        let scale = 1.0 / face.upem;
        let first = out.len();
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let cluster = start + info.cluster as usize;
            let new_cluster = i == 0 || infos[i - 1].cluster != info.cluster;
            let cluster_end = infos[i + 1..]
                .iter()
                .map(|g| start + g.cluster as usize)
                .find(|&c| c != cluster)
                .unwrap_or(end);
            let cluster_text = &text[cluster..cluster_end];
            let space = cluster_text.chars().all(char::is_whitespace);
            let mut chars = cluster_text.chars();
            let simple = match (chars.next(), chars.next()) {
                (Some(c), None) if new_cluster => face
                    .face
                    .glyph_index(c)
                    .filter(|g| u32::from(g.0) == info.glyph_id)
                    .map(|_| c),
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
            });
        }
        debug_assert!(out[first..].windows(2).all(|w| w[0].text.0 <= w[1].text.0));
    }
}
