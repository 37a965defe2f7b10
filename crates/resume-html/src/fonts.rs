//! The faces the page embeds: the PDF's own font files, cut down to the
//! characters the page shows and carried in `data:` URIs, so the page looks
//! the same on every system and still fetches nothing.
//!
//! Which face draws which text is decided by [`face`], from the role's
//! [`TextStyle`] and the span's emphasis, and the stylesheet names faces
//! with the same function, so every character the page shows is in the
//! subset of the face that draws it.
//!
//! Small capitals get a face of their own. The subset keeps no layout
//! tables, so the `smcp` feature cannot be switched on in the browser;
//! instead the small-capital glyphs are mapped to the lower-case letters
//! themselves in a separate face. The text keeps its letters, so it copies
//! and reads as written, and the capitals are the type designer's, not
//! shrunken ones.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use base64::Engine;
use resume_document::{
    Case, Design, Document, Family, HtmlFonts, SectionBody, Span, TextStyle, face_data,
};
use ttf_parser::GlyphId;
use ttf_parser::gsub::{SingleSubstitution, SubstitutionSubtable};

use crate::sfnt;

/// One face of a family: what an `@font-face` rule declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct FaceKey {
    pub family: Family,
    pub bold: bool,
    pub italic: bool,
    /// The family's small capitals in place of its lower case.
    pub small_caps: bool,
}

impl FaceKey {
    /// The family name the stylesheet gives this face.
    pub fn css_family(self) -> String {
        if self.small_caps {
            format!("{} SC", self.family.display_name())
        } else {
            self.family.display_name().to_string()
        }
    }
}

/// The face that draws text of `style`, bold and italic as the span asks.
/// Small capitals have a face of their own only where the page embeds its
/// fonts and the family has them; otherwise the browser makes them.
pub(crate) fn face(design: &Design, style: &TextStyle, strong: bool, emphasis: bool) -> FaceKey {
    let bold = style.bold || strong;
    let italic = style.italic || emphasis;
    FaceKey {
        family: style.family,
        bold,
        italic,
        small_caps: style.case == Case::SmallCaps
            && design.html_fonts == HtmlFonts::Embed
            && has_small_caps(style.family, bold, italic),
    }
}

/// Whether the family's face has small capitals for the Latin lower case;
/// read from each bundled face once.
pub(crate) fn has_small_caps(family: Family, bold: bool, italic: bool) -> bool {
    static KNOWN: OnceLock<Vec<(Family, bool, bool, bool)>> = OnceLock::new();
    let known = KNOWN.get_or_init(|| {
        let mut known = Vec::new();
        for family in Family::ALL {
            for (bold, italic) in [(false, false), (false, true), (true, false), (true, true)] {
                let has = ttf_parser::Face::parse(face_data(family, bold, italic), 0)
                    .ok()
                    .is_some_and(|f| f.glyph_index('a').and_then(|a| small_cap(&f, a)).is_some());
                known.push((family, bold, italic, has));
            }
        }
        known
    });
    known
        .iter()
        .any(|&(f, b, i, has)| (f, b, i) == (family, bold, italic) && has)
}

/// The characters each face draws on the page.
pub(crate) fn usage(doc: &Document, d: &Design) -> BTreeMap<FaceKey, BTreeSet<char>> {
    let mut u = Usage {
        design: d,
        faces: BTreeMap::new(),
    };
    let h = &doc.header;
    u.plain(&d.name, &h.name);
    if let Some(headline) = &h.headline {
        u.plain(&d.headline, headline);
    }
    for (i, c) in h.contacts.iter().enumerate() {
        if i > 0 {
            u.plain(&d.contact, &d.separator);
        }
        u.plain(&d.contact, &c.text);
    }
    // The bullet glyph and the spaces after it, as the list marker sets them.
    u.plain(&d.body, &d.bullet);
    u.plain(&d.body, "\u{a0}");
    for section in &doc.sections {
        u.plain(&d.section_title, &section.title);
        match &section.body {
            SectionBody::Entries(entries) => {
                let mut stack: Vec<&resume_document::Entry> = entries.iter().collect();
                while let Some(e) = stack.pop() {
                    u.spans(&d.entry_title, &e.title.spans);
                    if let Some(range) = &e.dates {
                        u.plain(&d.date, &range.display());
                    }
                    if let Some(place) = &e.location {
                        u.plain(&d.date, place);
                    }
                    for line in &e.lines {
                        u.spans(crate::style::line_style(d, line.kind), &line.text.spans);
                    }
                    for b in &e.bullets {
                        u.spans(&d.body, &b.spans);
                    }
                    stack.extend(e.roles.iter());
                }
            }
            SectionBody::Paragraphs(texts) | SectionBody::List(texts) => {
                for t in texts {
                    u.spans(&d.body, &t.spans);
                }
            }
        }
    }
    u.faces.retain(|_, chars| !chars.is_empty());
    u.faces
}

struct Usage<'a> {
    design: &'a Design,
    faces: BTreeMap<FaceKey, BTreeSet<char>>,
}

impl Usage<'_> {
    fn plain(&mut self, style: &TextStyle, text: &str) {
        self.add(style, false, false, text);
    }

    fn spans(&mut self, style: &TextStyle, spans: &[Span]) {
        for s in spans {
            // Code is set in the reader's monospace font, which is not
            // embedded.
            if !s.code {
                self.add(style, s.strong, s.emphasis, &s.text);
            }
        }
    }

    fn add(&mut self, style: &TextStyle, strong: bool, emphasis: bool, text: &str) {
        let key = face(self.design, style, strong, emphasis);
        let chars = self.faces.entry(key).or_default();
        let shown = |c: &char| !c.is_control();
        match style.case {
            Case::AsWritten => chars.extend(text.chars().filter(shown)),
            // Small capitals the browser makes are shrunken capitals.
            Case::SmallCaps if key.small_caps => chars.extend(text.chars().filter(shown)),
            Case::Upper | Case::SmallCaps => {
                chars.extend(text.chars().flat_map(char::to_uppercase).filter(shown));
            }
        }
    }
}

/// A face ready for an `@font-face` rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Embedded {
    pub key: FaceKey,
    /// The `data:` URI's media type: `font/ttf` or `font/otf`.
    pub mime: &'static str,
    /// The `format()` hint of the `src` descriptor.
    pub format: &'static str,
    pub base64: String,
}

/// Every face the page uses, each cut down to its characters. The faces
/// are our own bundled files, so one that cannot be cut is a bug, reported
/// as an error rather than hidden behind a fallback font.
pub(crate) fn embed(usage: &BTreeMap<FaceKey, BTreeSet<char>>) -> Result<Vec<Embedded>, String> {
    let mut faces = Vec::new();
    for (key, chars) in usage {
        faces.extend(subset(*key, chars)?);
    }
    Ok(faces)
}

/// `key`'s face with only the glyphs of `chars`, and a character map for
/// them; `None` when the face has none of them.
fn subset(key: FaceKey, chars: &BTreeSet<char>) -> Result<Option<Embedded>, String> {
    let data = face_data(key.family, key.bold, key.italic);
    let name = key.css_family();
    let face = ttf_parser::Face::parse(data, 0)
        .map_err(|e| format!("cannot read the font {name}: {e}"))?;
    let mapped: Vec<(char, u16)> = chars
        .iter()
        .filter_map(|&c| {
            let g = face.glyph_index(c)?;
            let g = match key.small_caps {
                true => small_cap(&face, g).unwrap_or(g),
                false => g,
            };
            Some((c, g.0))
        })
        .collect();
    if mapped.is_empty() {
        return Ok(None);
    }
    // Glyphs are numbered in the order of their characters, so runs of
    // letters become runs of glyphs and the character map stays short.
    let mut remapper = subsetter::GlyphRemapper::new();
    for &(_, g) in &mapped {
        remapper.remap(g);
    }
    let cut = subsetter::subset(data, 0, &remapper)
        .map_err(|e| format!("cannot subset the font {name}: {e}"))?;
    let cmap: Vec<(u32, u16)> = mapped
        .iter()
        .filter_map(|&(c, g)| Some((u32::from(c), remapper.get(g)?)))
        .collect();
    let cmap =
        sfnt::cmap(&cmap).ok_or_else(|| format!("too many characters to embed the font {name}"))?;
    let os2 = face
        .raw_face()
        .table(ttf_parser::Tag::from_bytes(b"OS/2"))
        .ok_or_else(|| format!("the font {name} has no OS/2 table"))?;
    let font = sfnt::with_tables(&cut, &[(*b"cmap", &cmap), (*b"OS/2", os2)])
        .ok_or_else(|| format!("cannot assemble the font {name}"))?;
    let truetype = face.tables().glyf.is_some();
    Ok(Some(Embedded {
        key,
        mime: if truetype { "font/ttf" } else { "font/otf" },
        format: if truetype { "truetype" } else { "opentype" },
        base64: base64::engine::general_purpose::STANDARD.encode(font),
    }))
}

/// The face's small capital for `g`, from the first lookup of the `smcp`
/// feature that replaces it by one glyph. Font compilers write such a
/// replacement as a single substitution or, when the same lookup also
/// turns a letter into several (ß into two small capitals s), as a
/// multiple substitution of one glyph; a letter that becomes several
/// glyphs keeps its lower-case form, since a character map cannot say it.
fn small_cap(face: &ttf_parser::Face<'_>, g: GlyphId) -> Option<GlyphId> {
    let gsub = face.tables().gsub?;
    let smcp = ttf_parser::Tag::from_bytes(b"smcp");
    let lookups: BTreeSet<u16> = (0..gsub.features.len())
        .filter_map(|i| gsub.features.get(i))
        .filter(|f| f.tag == smcp)
        .flat_map(|f| f.lookup_indices)
        .collect();
    lookups
        .into_iter()
        .filter_map(|index| gsub.lookups.get(index))
        .flat_map(|lookup| lookup.subtables.into_iter::<SubstitutionSubtable<'_>>())
        .find_map(|table| match table {
            SubstitutionSubtable::Single(SingleSubstitution::Format1 { coverage, delta }) => {
                coverage
                    .get(g)
                    .map(|_| GlyphId(g.0.wrapping_add(delta as u16)))
            }
            SubstitutionSubtable::Single(SingleSubstitution::Format2 {
                coverage,
                substitutes,
            }) => coverage.get(g).and_then(|i| substitutes.get(i)),
            SubstitutionSubtable::Multiple(multiple) => multiple
                .coverage
                .get(g)
                .and_then(|i| multiple.sequences.get(i))
                .filter(|seq| seq.substitutes.len() == 1)
                .and_then(|seq| seq.substitutes.get(0)),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_embedded(e: &Embedded) -> Vec<u8> {
        base64::engine::general_purpose::STANDARD
            .decode(&e.base64)
            .expect("base64")
    }

    #[test]
    fn a_subset_maps_its_characters_and_nothing_else() {
        let key = FaceKey {
            family: Family::NotoSans,
            bold: false,
            italic: false,
            small_caps: false,
        };
        let chars: BTreeSet<char> = "Wenqing Luo é–".chars().collect();
        let e = subset(key, &chars).expect("subsets").expect("has glyphs");
        assert_eq!((e.mime, e.format), ("font/ttf", "truetype"));
        let bytes = parse_embedded(&e);
        assert!(bytes.len() < 20_000, "{} bytes", bytes.len());
        let face = ttf_parser::Face::parse(&bytes, 0).expect("a font");
        let original = ttf_parser::Face::parse(face_data(Family::NotoSans, false, false), 0)
            .expect("the bundled font");
        for c in chars {
            let g = face.glyph_index(c).expect("mapped");
            let o = original.glyph_index(c).expect("in the original");
            assert_eq!(
                face.glyph_hor_advance(g),
                original.glyph_hor_advance(o),
                "{c}"
            );
        }
        assert_eq!(face.glyph_index('x'), None);
        assert!(face.tables().os2.is_some());
    }

    #[test]
    fn libertinus_is_cff_and_has_real_small_capitals() {
        assert!(has_small_caps(Family::LibertinusSerif, false, false));
        let key = FaceKey {
            family: Family::LibertinusSerif,
            bold: false,
            italic: false,
            small_caps: true,
        };
        let chars: BTreeSet<char> = "Ea".chars().collect();
        let e = subset(key, &chars).expect("subsets").expect("has glyphs");
        assert_eq!((e.mime, e.format), ("font/otf", "opentype"));
        let bytes = parse_embedded(&e);
        let face = ttf_parser::Face::parse(&bytes, 0).expect("a font");
        assert!(face.tables().cff.is_some());
        // The small capital a is narrower than the capital E's face would
        // make a shrunken capital, and is not the lower-case a.
        let original = ttf_parser::Face::parse(face_data(Family::LibertinusSerif, false, false), 0)
            .expect("the bundled font");
        let lower = original
            .glyph_hor_advance(original.glyph_index('a').expect("a"))
            .expect("advance");
        let small = face
            .glyph_hor_advance(face.glyph_index('a').expect("mapped"))
            .expect("advance");
        assert_ne!(small, lower);
    }
}
