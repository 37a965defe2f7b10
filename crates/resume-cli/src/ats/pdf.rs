//! A PDF's text as an applicant-tracking parser gets it: each page's
//! content stream walked in order, the codes of every text-showing operator
//! decoded through the font's ToUnicode map, a line break where the baseline
//! moves and a space where the pen jumps right. Nothing is guessed from the
//! glyph shapes, so a glyph without a mapping is lost here as it would be
//! in a parser, and is reported.

use std::collections::{BTreeMap, HashMap};

use lopdf::{Dictionary, Document, Object};

/// Decompressed content larger than this is refused: a résumé page is a few
/// hundred kilobytes at most, and a crafted stream must not exhaust memory.
const MAX_PAGE_CONTENT: usize = 64 << 20;

/// A horizontal jump wider than this share of the font size reads as a
/// space, as in pdftotext; kerning and justification stay well below it.
const WORD_GAP: f32 = 0.15;

/// What was read from a PDF.
#[derive(Debug, Default)]
pub struct PdfText {
    pub text: String,
    /// Link targets of URI annotations, which some parsers read as well.
    pub links: Vec<String>,
    /// Fonts that show text but have no ToUnicode map (and no standard
    /// encoding to fall back on).
    pub fonts_without_unicode: Vec<String>,
    /// Codes shown that the font's map does not cover, per font.
    pub unmapped: BTreeMap<String, usize>,
    pub pages: usize,
    /// Images drawn, whose text (if any) no parser reads.
    pub images: usize,
}

/// Nested forms deeper than this are not followed (a loop, or a bomb).
const MAX_FORM_DEPTH: usize = 8;

/// A page's resource dictionaries: its own, then inherited ones.
fn page_resources(doc: &Document, page: lopdf::ObjectId) -> Vec<&Dictionary> {
    let Ok((own, inherited)) = doc.get_page_resources(page) else {
        return Vec::new();
    };
    own.into_iter()
        .chain(
            inherited
                .into_iter()
                .filter_map(|id| doc.get_dictionary(id).ok()),
        )
        .collect()
}

/// The XObject named `name` in the first resource dictionary that has it.
fn xobject<'a>(
    doc: &'a Document,
    resources: &[&'a Dictionary],
    name: &[u8],
) -> Option<&'a lopdf::Stream> {
    resources.iter().find_map(|r| {
        let dict = deref(doc, r.get(b"XObject").ok()?).as_dict().ok()?;
        deref(doc, dict.get(name).ok()?).as_stream().ok()
    })
}

/// One font as far as reading text goes.
#[derive(Debug, Default)]
struct Font {
    name: String,
    /// Bytes per code: 2 for Type0 fonts (Identity-H), 1 for simple fonts.
    width: usize,
    to_unicode: Option<HashMap<u32, String>>,
    /// A simple font with a standard encoding reads as Latin-1 without a map.
    standard_encoding: bool,
    /// Advance widths in thousandths of an em, by code.
    advances: HashMap<u32, f32>,
    default_advance: f32,
}

impl Font {
    fn advance(&self, code: u32) -> f32 {
        self.advances
            .get(&code)
            .copied()
            .unwrap_or(self.default_advance)
    }
}

/// Reads the text of a PDF file.
pub fn read(bytes: &[u8]) -> anyhow::Result<PdfText> {
    let doc = Document::load_mem(bytes).map_err(|e| anyhow::anyhow!("not a readable PDF: {e}"))?;
    if doc.is_encrypted() {
        anyhow::bail!("the PDF is encrypted; a parser cannot read it without a password");
    }
    let mut out = PdfText::default();
    let mut fonts_cache: HashMap<Vec<u8>, Font> = HashMap::new();
    let mut missing_maps: Vec<String> = Vec::new();
    for (_, page_id) in doc.get_pages() {
        out.pages += 1;
        let fonts: BTreeMap<Vec<u8>, Font> = doc
            .get_page_fonts(page_id)
            .unwrap_or_default()
            .into_iter()
            .map(|(name, dict)| {
                let font = fonts_cache
                    .remove(&name)
                    .unwrap_or_else(|| read_font(&doc, &name, dict));
                (name, font)
            })
            .collect();
        let content = doc
            .get_page_content_with_limit(page_id, MAX_PAGE_CONTENT)
            .map_err(|e| anyhow::anyhow!("page {}: unreadable content: {e}", out.pages))?;
        let content = lopdf::content::Content::decode(&content)
            .map_err(|e| anyhow::anyhow!("page {}: unreadable content stream: {e}", out.pages))?;
        let resources = page_resources(&doc, page_id);
        let mut page = PageReader::new(&fonts);
        page.run(&doc, &content.operations, &resources, 0);
        out.images += page.images;
        if !out.text.is_empty() && !out.text.ends_with('\n') {
            out.text.push('\n');
        }
        out.text.push_str(&page.text);
        for (font, n) in page.unmapped {
            *out.unmapped.entry(font).or_insert(0) += n;
        }
        for font in page.used_without_map {
            if !missing_maps.contains(&font) {
                missing_maps.push(font);
            }
        }
        out.links.extend(uri_links(&doc, page_id));
        fonts_cache.extend(fonts);
    }
    out.fonts_without_unicode = missing_maps;
    if !out.text.ends_with('\n') && !out.text.is_empty() {
        out.text.push('\n');
    }
    Ok(out)
}

fn name_of(o: Option<&Object>) -> Option<String> {
    match o? {
        Object::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

fn read_font(doc: &Document, resource: &[u8], dict: &Dictionary) -> Font {
    let base = name_of(dict.get(b"BaseFont").ok()).unwrap_or_default();
    let name = if base.is_empty() {
        String::from_utf8_lossy(resource).into_owned()
    } else {
        // A subset's tag ("ABCDEF+") says nothing to a reader.
        base.split_once('+')
            .map_or(base.clone(), |(_, b)| b.to_string())
    };
    let subtype = name_of(dict.get(b"Subtype").ok()).unwrap_or_default();
    let to_unicode = dict
        .get(b"ToUnicode")
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| {
            s.decompressed_content()
                .ok()
                .or_else(|| Some(s.content.clone()))
        })
        .map(|data| parse_cmap(&data));
    let mut font = Font {
        name,
        width: if subtype == "Type0" { 2 } else { 1 },
        to_unicode,
        default_advance: 1000.0,
        ..Font::default()
    };
    if subtype == "Type0" {
        let descendant = dict
            .get(b"DescendantFonts")
            .ok()
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        if let Some(d) = descendant {
            if let Some(dw) = d.get(b"DW").ok().and_then(number) {
                font.default_advance = dw;
            }
            if let Some(w) = d
                .get(b"W")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
            {
                read_cid_widths(doc, w, &mut font.advances);
            }
        }
    } else {
        let encoding = dict.get(b"Encoding").ok().map(|o| deref(doc, o));
        font.standard_encoding = match encoding {
            Some(Object::Name(n)) => matches!(
                n.as_slice(),
                b"WinAnsiEncoding" | b"MacRomanEncoding" | b"StandardEncoding"
            ),
            // A Differences array renames codes: only a map says what they are.
            Some(_) => false,
            // The standard 14 fonts have a built-in Latin encoding.
            None => dict.get(b"FontDescriptor").is_err(),
        };
        let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
        if let Some(widths) = dict
            .get(b"Widths")
            .ok()
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
        {
            for (i, w) in widths.iter().enumerate() {
                if let Some(w) = number(deref(doc, w)) {
                    font.advances.insert(first + i as u32, w);
                }
            }
        }
        // The standard 14 fonts carry no widths; about half an em is close
        // enough to tell a word gap from the next glyph.
        if font.advances.is_empty() {
            font.default_advance = 500.0;
        }
    }
    font
}

/// A CIDFont's `W` array: `c [w1 w2 …]` or `c_first c_last w`.
fn read_cid_widths(doc: &Document, w: &[Object], advances: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() {
        let Some(start) = number(deref(doc, &w[i])) else {
            return;
        };
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                let first = start.max(0.0) as u64;
                for (k, v) in list.iter().enumerate() {
                    if let (Some(v), Ok(c)) = (number(v), u32::try_from(first + k as u64)) {
                        advances.insert(c, v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(end), Some(v)) = (number(o), w.get(i + 2).and_then(number)) else {
                    return;
                };
                // A range as long as the CID space at most, whatever it says.
                let first = start.max(0.0) as u64;
                let last = (end.max(0.0) as u64).min(first + 65535);
                for c in first..=last {
                    if let Ok(c) = u32::try_from(c) {
                        advances.insert(c, v);
                    }
                }
                i += 3;
            }
            None => return,
        }
    }
}

/// Hex digits of a `<…>` token as a number (codes) or UTF-16BE text.
fn hex_bytes(token: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = token
        .iter()
        .filter_map(|c| (*c as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
        .collect()
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, b| (acc << 8) | u32::from(*b))
}

fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| (u16::from(p[0]) << 8) | u16::from(p.get(1).copied().unwrap_or(0)))
        .collect();
    String::from_utf16_lossy(&units)
}

#[derive(Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(Vec<u8>),
}

fn cmap_tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + p);
                out.push(Token::Hex(hex_bytes(&data[i + 1..end])));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            _ if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !b"<>[]%".contains(&data[i])
                {
                    i += 1;
                }
                out.push(Token::Word(data[start..i].to_vec()));
            }
        }
    }
    out
}

/// The `bfchar` and `bfrange` sections of a ToUnicode CMap.
fn parse_cmap(data: &[u8]) -> HashMap<u32, String> {
    let tokens = cmap_tokens(data);
    let mut map = HashMap::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Word(w) if w == b"beginbfchar" => {
                i += 1;
                while let (Some(Token::Hex(src)), Some(Token::Hex(dst))) =
                    (tokens.get(i), tokens.get(i + 1))
                {
                    map.insert(code_of(src), utf16(dst));
                    i += 2;
                }
            }
            Token::Word(w) if w == b"beginbfrange" => {
                i += 1;
                while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                    (tokens.get(i), tokens.get(i + 1))
                {
                    let (lo, hi) = (
                        code_of(lo),
                        code_of(hi).min(code_of(lo).saturating_add(65535)),
                    );
                    match tokens.get(i + 2) {
                        Some(Token::Hex(dst)) => {
                            // The last UTF-16 unit counts up through the range.
                            let mut units: Vec<u16> = dst
                                .chunks(2)
                                .map(|p| {
                                    (u16::from(p[0]) << 8)
                                        | u16::from(p.get(1).copied().unwrap_or(0))
                                })
                                .collect();
                            for code in lo..=hi {
                                map.insert(code, String::from_utf16_lossy(&units));
                                if let Some(last) = units.last_mut() {
                                    *last = last.wrapping_add(1);
                                }
                            }
                            i += 3;
                        }
                        Some(Token::Open) => {
                            i += 3;
                            let mut code = Some(lo);
                            while let Some(Token::Hex(dst)) = tokens.get(i) {
                                if let Some(c) = code.filter(|c| *c <= hi) {
                                    map.insert(c, utf16(dst));
                                }
                                code = code.and_then(|c| c.checked_add(1));
                                i += 1;
                            }
                            if tokens.get(i) == Some(&Token::Close) {
                                i += 1;
                            }
                        }
                        _ => break,
                    }
                }
            }
            _ => i += 1,
        }
    }
    map
}

/// A 2-D affine matrix `[a b c d e f]`.
type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn translate(tx: f32, ty: f32) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, tx, ty]
}

/// The text state of one page while its operators run.
struct PageReader<'a> {
    fonts: &'a BTreeMap<Vec<u8>, Font>,
    font: Option<&'a Font>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    leading: f32,
    tm: Matrix,
    lm: Matrix,
    /// Where the last shown glyph ended, in text space of the page.
    pen: Option<(f32, f32)>,
    text: String,
    unmapped: BTreeMap<String, usize>,
    used_without_map: Vec<String>,
    images: usize,
}

impl<'a> PageReader<'a> {
    /// Runs a content stream's operators; a form XObject's own stream is
    /// read where it is drawn, with its own fonts, as pdftotext does.
    fn run(
        &mut self,
        doc: &Document,
        ops: &[lopdf::content::Operation],
        resources: &[&Dictionary],
        depth: usize,
    ) {
        for op in ops {
            if op.operator != "Do" {
                self.op(&op.operator, &op.operands);
                continue;
            }
            let Some(stream) = op
                .operands
                .first()
                .and_then(|o| o.as_name().ok())
                .and_then(|name| xobject(doc, resources, name))
            else {
                continue;
            };
            match stream
                .dict
                .get(b"Subtype")
                .ok()
                .and_then(|o| o.as_name().ok())
            {
                Some(b"Image") => self.images += 1,
                Some(b"Form") if depth < MAX_FORM_DEPTH => {
                    let Some(content) = stream
                        .decompressed_content_with_limit(MAX_PAGE_CONTENT)
                        .ok()
                        .or_else(|| {
                            stream
                                .dict
                                .get(b"Filter")
                                .is_err()
                                .then(|| stream.content.clone())
                        })
                        .and_then(|c| lopdf::content::Content::decode(&c).ok())
                    else {
                        continue;
                    };
                    let own: Vec<&Dictionary> = stream
                        .dict
                        .get(b"Resources")
                        .ok()
                        .and_then(|o| deref(doc, o).as_dict().ok())
                        .into_iter()
                        .collect();
                    let form_resources: Vec<&Dictionary> =
                        own.iter().chain(resources).copied().collect();
                    let mut fonts: BTreeMap<Vec<u8>, Font> = BTreeMap::new();
                    for r in &form_resources {
                        let Some(dict) = r
                            .get(b"Font")
                            .ok()
                            .and_then(|o| deref(doc, o).as_dict().ok())
                        else {
                            continue;
                        };
                        for (name, font) in dict.iter() {
                            if let (false, Ok(font)) =
                                (fonts.contains_key(name), deref(doc, font).as_dict())
                            {
                                fonts.insert(name.clone(), read_font(doc, name, font));
                            }
                        }
                    }
                    let mut form = PageReader::new(&fonts);
                    form.run(doc, &content.operations, &form_resources, depth + 1);
                    if !form.text.is_empty() {
                        if !self.text.is_empty() && !self.text.ends_with('\n') {
                            self.text.push('\n');
                        }
                        self.text.push_str(&form.text);
                        self.text.push('\n');
                        self.pen = None;
                    }
                    for (font, n) in form.unmapped {
                        *self.unmapped.entry(font).or_insert(0) += n;
                    }
                    for font in form.used_without_map {
                        if !self.used_without_map.contains(&font) {
                            self.used_without_map.push(font);
                        }
                    }
                    self.images += form.images;
                }
                _ => {}
            }
        }
    }

    fn new(fonts: &'a BTreeMap<Vec<u8>, Font>) -> Self {
        PageReader {
            fonts,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            leading: 0.0,
            tm: IDENTITY,
            lm: IDENTITY,
            pen: None,
            text: String::new(),
            unmapped: BTreeMap::new(),
            used_without_map: Vec::new(),
            images: 0,
        }
    }

    fn op(&mut self, operator: &str, operands: &[Object]) {
        let n = |i: usize| operands.get(i).and_then(number).unwrap_or(0.0);
        match operator {
            "BT" => {
                self.tm = IDENTITY;
                self.lm = IDENTITY;
            }
            "Tf" => {
                self.font = operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| self.fonts.get(name));
                self.size = n(1);
            }
            "Tc" => self.char_spacing = n(0),
            "Tw" => self.word_spacing = n(0),
            "TL" => self.leading = n(0),
            "Td" => self.move_line(n(0), n(1)),
            "TD" => {
                self.leading = -n(1);
                self.move_line(n(0), n(1));
            }
            "Tm" => {
                self.lm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                self.tm = self.lm;
            }
            "T*" => self.move_line(0.0, -self.leading),
            "Tj" => {
                if let Some(Object::String(s, _)) = operands.first() {
                    self.show(s);
                }
            }
            "'" => {
                self.move_line(0.0, -self.leading);
                if let Some(Object::String(s, _)) = operands.first() {
                    self.show(s);
                }
            }
            "\"" => {
                self.word_spacing = n(0);
                self.char_spacing = n(1);
                self.move_line(0.0, -self.leading);
                if let Some(Object::String(s, _)) = operands.get(2) {
                    self.show(s);
                }
            }
            "TJ" => {
                if let Some(Object::Array(items)) = operands.first() {
                    for item in items {
                        match item {
                            Object::String(s, _) => self.show(s),
                            other => {
                                if let Some(adjust) = number(other) {
                                    self.tm = multiply(
                                        &translate(-adjust / 1000.0 * self.size, 0.0),
                                        &self.tm,
                                    );
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn move_line(&mut self, tx: f32, ty: f32) {
        self.lm = multiply(&translate(tx, ty), &self.lm);
        self.tm = self.lm;
    }

    /// The font size as it lands on the page.
    fn scaled_size(&self) -> f32 {
        let scale = (self.tm[2] * self.tm[2] + self.tm[3] * self.tm[3]).sqrt();
        (self.size * if scale > 0.0 { scale } else { 1.0 }).abs()
    }

    /// Breaks the line or puts a space before text that starts away from
    /// where the last text ended.
    fn separate(&mut self) {
        let (x, y) = (self.tm[4], self.tm[5]);
        let size = self.scaled_size().max(1.0);
        if let Some((px, py)) = self.pen {
            if (y - py).abs() > size * 0.5 {
                if !self.text.ends_with('\n') {
                    self.text.push('\n');
                }
            } else if (x - px > size * WORD_GAP || px - x > size)
                && !self.text.ends_with(char::is_whitespace)
            {
                self.text.push(' ');
            }
        }
    }

    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.font else {
            return;
        };
        self.separate();
        if font.to_unicode.is_none()
            && !font.standard_encoding
            && !self.used_without_map.contains(&font.name)
        {
            self.used_without_map.push(font.name.clone());
        }
        for chunk in bytes.chunks(font.width.max(1)) {
            let code = code_of(chunk);
            match font.to_unicode.as_ref().and_then(|m| m.get(&code)) {
                Some(s) => self.text.push_str(s),
                None if font.width == 1
                    && (font.to_unicode.is_none() && font.standard_encoding) =>
                {
                    // Latin-1 is WinAnsi for letters, digits and punctuation.
                    self.text.push(char::from(chunk[0]));
                }
                None => *self.unmapped.entry(font.name.clone()).or_insert(0) += 1,
            }
            let mut advance = font.advance(code) / 1000.0 * self.size + self.char_spacing;
            if font.width == 1 && code == 32 {
                advance += self.word_spacing;
            }
            self.tm = multiply(&translate(advance, 0.0), &self.tm);
        }
        self.pen = Some((self.tm[4], self.tm[5]));
    }
}

/// Targets of a page's URI link annotations.
fn uri_links(doc: &Document, page: lopdf::ObjectId) -> Vec<String> {
    let Ok(page) = doc.get_dictionary(page) else {
        return Vec::new();
    };
    let Some(annots) = page
        .get(b"Annots")
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_array().ok())
    else {
        return Vec::new();
    };
    annots
        .iter()
        .filter_map(|a| deref(doc, a).as_dict().ok())
        .filter_map(|a| {
            a.get(b"A")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok())
        })
        .filter_map(
            |action| match action.get(b"URI").ok().map(|o| deref(doc, o)) {
                Some(Object::String(s, _)) => Some(String::from_utf8_lossy(s).into_owned()),
                _ => None,
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmap_chars_and_ranges() {
        let cmap = b"/CIDInit /ProcSet findresource begin 2 beginbfchar <0003> <0020> <0010> <00660069> endbfchar \
            1 beginbfrange <0020> <0022> <0041> endbfrange 1 beginbfrange <0030> <0031> [<0078> <D835DC00>] endbfrange end";
        let m = parse_cmap(cmap);
        assert_eq!(m[&3], " ");
        assert_eq!(m[&0x10], "fi");
        assert_eq!(m[&0x22], "C");
        assert_eq!(m[&0x31], "\u{1D400}");
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(read(b"%PDF-1.7\nnot really").is_err());
        assert!(read(b"").is_err());
    }

    #[test]
    fn cmap_extremes_do_not_overflow() {
        let m = parse_cmap(b"beginbfrange <FFFFFFFF> <FFFFFFFF> [<0041> <0042>] endbfrange");
        assert_eq!(m[&u32::MAX], "A");
        let mut advances = HashMap::new();
        let doc = Document::new();
        let w = [Object::Real(5e9), Object::Real(6e9), Object::Integer(500)];
        read_cid_widths(&doc, &w, &mut advances);
        let w = [Object::Integer(-3), Object::Array(vec![Object::Integer(1)])];
        read_cid_widths(&doc, &w, &mut advances);
        assert_eq!(advances.get(&0), Some(&1.0));
    }

    /// Text inside a form XObject is read where the form is drawn, with the
    /// form's own font; an image is counted.
    #[test]
    fn forms_are_read_and_images_counted() {
        use lopdf::content::{Content, Operation};
        use lopdf::{Stream, StringFormat, dictionary};
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        });
        let show = |text: &str| {
            Content {
                operations: vec![
                    Operation::new("BT", vec![]),
                    Operation::new("Tf", vec!["F1".into(), 12.into()]),
                    Operation::new("Td", vec![72.into(), 700.into()]),
                    Operation::new(
                        "Tj",
                        vec![Object::String(
                            text.as_bytes().to_vec(),
                            StringFormat::Literal,
                        )],
                    ),
                    Operation::new("ET", vec![]),
                ],
            }
            .encode()
            .expect("content")
        };
        let form_id = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            },
            show("inside the form"),
        ));
        let image_id = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
            },
            vec![0],
        ));
        let mut page_content = show("on the page");
        page_content.extend_from_slice(b"\nq /Fm1 Do Q q /Im1 Do Q /Fm1 Do\n");
        let content_id = doc.add_object(Stream::new(dictionary! {}, page_content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "Resources" => dictionary! {
                "Font" => dictionary! { "F1" => font_id },
                "XObject" => dictionary! { "Fm1" => form_id, "Im1" => image_id },
            },
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
            }),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("save");
        let text = read(&bytes).expect("a readable PDF");
        assert_eq!(text.text, "on the page\ninside the form\ninside the form\n");
        assert_eq!(text.images, 1);
        assert!(text.fonts_without_unicode.is_empty());
    }

    /// Damaged copies of a real PDF read or fail, and never panic.
    #[test]
    fn damaged_pdfs_never_panic() {
        let (_, pdf, _) = crate::ats::tests::build("resume/wenqing-luo.toml");
        for cut in [10, 100, 1000, pdf.len() / 3, pdf.len() / 2, pdf.len() - 10] {
            let _ = read(&pdf[..cut]);
        }
        for step in [7usize, 101, 997] {
            let mut bad = pdf.clone();
            for i in (0..bad.len()).step_by(step) {
                bad[i] ^= 0x5a;
            }
            let _ = read(&bad);
        }
    }
}
