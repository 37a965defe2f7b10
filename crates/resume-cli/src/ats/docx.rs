//! A DOCX's text as an applicant-tracking parser gets it: the body's
//! paragraphs from `word/document.xml`, the headers' and footers' text kept
//! apart (many parsers skip them), and the structures parsers are known to
//! scramble or drop: tables, text boxes and drawings.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

/// A part larger than this is refused rather than read into memory.
const MAX_PART: u64 = 64 << 20;

/// What was read from a DOCX.
#[derive(Debug, Default)]
pub struct DocxText {
    /// The body's paragraphs, one a line.
    pub body: String,
    /// The text of every header and footer part, one paragraph a line.
    pub header_footer: String,
    /// Hyperlink targets of the body.
    pub links: Vec<String>,
    /// Tables in the body, and how many of them hold text.
    pub tables: usize,
    pub tables_with_text: usize,
    /// Text boxes (`w:txbxContent`, VML `v:textbox`) and how many hold text.
    pub text_boxes: usize,
    pub text_boxes_with_text: usize,
    /// Drawings, pictures and embedded objects.
    pub drawings: usize,
}

fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> anyhow::Result<Option<String>> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => anyhow::bail!("cannot read {name}: {e}"),
    };
    let mut text = String::new();
    file.take(MAX_PART)
        .read_to_string(&mut text)
        .map_err(|e| anyhow::anyhow!("cannot read {name}: {e}"))?;
    Ok(Some(text))
}

/// Reads the text and structure of a DOCX file.
pub fn read(bytes: &[u8]) -> anyhow::Result<DocxText> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| anyhow::anyhow!("not a DOCX (zip) package: {e}"))?;
    let document = read_part(&mut zip, "word/document.xml")?.ok_or_else(|| {
        anyhow::anyhow!("not a Word document: the package has no word/document.xml")
    })?;
    let mut out = DocxText::default();
    let body = walk(&document).map_err(|e| anyhow::anyhow!("word/document.xml: {e}"))?;
    out.body = body.paragraphs.join("\n");
    out.tables = body.tables;
    out.tables_with_text = body.tables_with_text;
    out.text_boxes = body.text_boxes;
    out.text_boxes_with_text = body.text_boxes_with_text;
    out.drawings = body.drawings;
    let rels = read_part(&mut zip, "word/_rels/document.xml.rels")?.unwrap_or_default();
    out.links = body
        .link_ids
        .iter()
        .filter_map(|id| relationship_target(&rels, id))
        .collect();
    let mut parts: Vec<String> = zip
        .file_names()
        .filter(|n| is_header_footer(n))
        .map(str::to_string)
        .collect();
    parts.sort();
    for name in parts {
        if let Some(xml) = read_part(&mut zip, &name)? {
            let part = walk(&xml).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            for p in part.paragraphs {
                out.header_footer.push_str(&p);
                out.header_footer.push('\n');
            }
        }
    }
    Ok(out)
}

/// `word/header1.xml`, `word/footer2.xml` and the like.
fn is_header_footer(name: &str) -> bool {
    let Some(file) = name.strip_prefix("word/") else {
        return false;
    };
    let Some(stem) = file.strip_suffix(".xml") else {
        return false;
    };
    ["header", "footer"].iter().any(|p| {
        stem.strip_prefix(p)
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    })
}

/// What one part's XML holds.
#[derive(Debug, Default)]
struct Walked {
    paragraphs: Vec<String>,
    link_ids: Vec<String>,
    tables: usize,
    tables_with_text: usize,
    text_boxes: usize,
    text_boxes_with_text: usize,
    drawings: usize,
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

/// Walks a WordprocessingML part: text of `w:t` runs, tabs and breaks,
/// paragraph ends as line ends. The `mc:Fallback` copy of alternate
/// content is skipped, as Word shows only the choice.
fn walk(xml: &str) -> Result<Walked, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut out = Walked::default();
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut fallback = 0usize;
    // For each open table or text box: whether text was seen inside it.
    let mut tables: Vec<bool> = Vec::new();
    let mut boxes: Vec<bool> = Vec::new();
    loop {
        let event = reader.read_event()?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.name();
                let tag = local(name.as_ref());
                let full = name.as_ref();
                if full == b"mc:Fallback" && !empty {
                    fallback += 1;
                }
                if fallback > 0 {
                    continue;
                }
                match (full, tag) {
                    (b"w:t", _) if !empty => in_text = true,
                    (b"w:tab", _) => paragraph.push('\t'),
                    (b"w:br" | b"w:cr", _) => paragraph.push('\n'),
                    (b"w:tbl", _) if !empty => {
                        out.tables += 1;
                        tables.push(false);
                    }
                    (b"w:txbxContent" | b"v:textbox", _) if !empty => {
                        out.text_boxes += 1;
                        boxes.push(false);
                    }
                    (b"w:drawing" | b"w:pict" | b"w:object", _) => out.drawings += 1,
                    (b"w:hyperlink", _) => {
                        if let Some(id) =
                            e.attributes().flatten().find(|a| a.key.as_ref() == b"r:id")
                        {
                            out.link_ids
                                .push(String::from_utf8_lossy(&id.value).into_owned());
                        }
                    }
                    // DrawingML text (`a:t`) is text in a shape.
                    (_, b"t") if full != b"w:t" && !empty => in_text = true,
                    _ => {}
                }
            }
            Event::Text(t) if in_text && fallback == 0 => {
                // Entities arrive as their own events, so this is plain text.
                let s = t.decode().map_err(quick_xml::Error::from)?;
                if !s.is_empty() {
                    tables.iter_mut().for_each(|t| *t = true);
                    boxes.iter_mut().for_each(|b| *b = true);
                }
                paragraph.push_str(&s);
            }
            Event::GeneralRef(r) if in_text && fallback == 0 => {
                // Entities such as &amp; arrive apart from the text around them.
                let name = r.decode().map_err(quick_xml::Error::from)?;
                let resolved = match name.as_ref() {
                    "amp" => "&".to_string(),
                    "lt" => "<".to_string(),
                    "gt" => ">".to_string(),
                    "quot" => "\"".to_string(),
                    "apos" => "'".to_string(),
                    other => other
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| other.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32)
                        .map(String::from)
                        .unwrap_or_default(),
                };
                paragraph.push_str(&resolved);
            }
            Event::End(e) => {
                let name = e.name();
                let full = name.as_ref();
                if full == b"mc:Fallback" {
                    fallback = fallback.saturating_sub(1);
                    continue;
                }
                if fallback > 0 {
                    continue;
                }
                match full {
                    b"w:t" => in_text = false,
                    _ if local(full) == b"t" => in_text = false,
                    b"w:p" | b"a:p" => {
                        out.paragraphs.push(std::mem::take(&mut paragraph));
                    }
                    b"w:tbl" => {
                        out.tables_with_text += usize::from(tables.pop() == Some(true));
                    }
                    b"w:txbxContent" | b"v:textbox" => {
                        out.text_boxes_with_text += usize::from(boxes.pop() == Some(true));
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !paragraph.is_empty() {
        out.paragraphs.push(paragraph);
    }
    out.paragraphs.retain(|p| !p.trim().is_empty());
    Ok(out)
}

/// The `Target` of relationship `id` in a `.rels` part.
fn relationship_target(rels: &str, id: &str) -> Option<String> {
    let mut reader = Reader::from_str(rels);
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == b"Relationship" => {
                let mut this_id = None;
                let mut target = None;
                for a in e.attributes().flatten() {
                    let value = a
                        .decoded_and_normalized_value(
                            quick_xml::XmlVersion::Implicit1_0,
                            reader.decoder(),
                        )
                        .ok()?
                        .into_owned();
                    match a.key.as_ref() {
                        b"Id" => this_id = Some(value),
                        b"Target" => target = Some(value),
                        _ => {}
                    }
                }
                if this_id.as_deref() == Some(id) {
                    return target;
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_text_tables_and_boxes() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:r><w:t>Jane</w:t></w:r><w:r><w:t xml:space="preserve"> Doe &amp; Co</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:drawing><wp:inline><a:graphic><wps:txbx><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></wps:txbx></a:graphic></wp:inline></w:drawing></w:r></w:p>
            </w:body></w:document>"#;
        let w = walk(xml).unwrap();
        assert_eq!(w.paragraphs, ["Jane Doe & Co", "cell", "boxed"]);
        assert_eq!((w.tables, w.tables_with_text), (1, 1));
        assert_eq!(
            (w.text_boxes, w.text_boxes_with_text, w.drawings),
            (1, 1, 1)
        );
    }

    #[test]
    fn not_a_package_is_an_error() {
        assert!(read(b"PK\x03\x04 broken").is_err());
        assert!(read(b"").is_err());
    }

    /// Damaged copies of a real DOCX read or fail, and never panic.
    #[test]
    fn damaged_docx_never_panic() {
        let (_, _, docx) = crate::ats::tests::build("resume/wenqing-luo.toml");
        for cut in [10, 100, docx.len() / 2, docx.len() - 10] {
            let _ = read(&docx[..cut]);
        }
        for step in [13usize, 101, 997] {
            let mut bad = docx.clone();
            for i in (0..bad.len()).step_by(step) {
                bad[i] ^= 0x5a;
            }
            let _ = read(&bad);
        }
        let _ = walk("<w:p><w:t>open");
        let _ = walk("</w:t></w:p>&bogus;&#xFFFFFFFF;<");
    }

    #[test]
    fn header_parts_are_recognised() {
        assert!(is_header_footer("word/header1.xml"));
        assert!(is_header_footer("word/footer.xml"));
        assert!(!is_header_footer("word/headerx.xml"));
        assert!(!is_header_footer("word/_rels/header1.xml.rels"));
    }
}
