//! The OPC package: document properties, settings and a deterministic zip.
//!
//! docx-rs renders the parts; this module replaces the ones it cannot write
//! as needed (`docProps/core.xml` has no setter for title, creator or
//! keywords; its settings carry Japanese-Word compatibility switches),
//! puts the schema's order on the parts it keeps ([`crate::canon`]), sorts
//! the document's relationships (docx-rs collects hyperlinks in a hash map)
//! and writes the archive ([`crate::archive`]) with a fixed entry order,
//! fixed timestamps and fixed permissions, so the same document always gives the
//! same bytes.

use std::io;

use docx_rs::XMLDocx;
use quick_xml::events::{BytesText, Event};
use quick_xml::{Reader, XmlVersion};
use resume_document::Meta;

use crate::plan::clean;
use crate::styles::{W_NS, part_writer};
use crate::{DocxError, archive, canon};

/// The parts this crate writes in place of docx-rs's.
#[derive(Debug)]
pub(crate) struct Replacements {
    pub core: Vec<u8>,
    pub settings: Vec<u8>,
    pub styles: Vec<u8>,
    pub font_table: Vec<u8>,
}

/// Zips `xml` with `replacements`, parts in the order Word itself writes
/// them: content types first, then relationships and properties, then the
/// document and the parts it relates to.
pub(crate) fn zip(xml: XMLDocx, replacements: Replacements) -> Result<Vec<u8>, DocxError> {
    let document_rels = sort_relationships(&xml.document_rels)?;
    let document = canon::schema_order(&xml.document)?;
    let numbering = canon::schema_order(&xml.numberings)?;
    // docx-rs writes these parts into every package; they are empty here
    // but [Content_Types].xml names them, so they stay.
    let parts: [(&str, &[u8]); 13] = [
        ("[Content_Types].xml", &xml.content_type),
        ("_rels/.rels", &xml.rels),
        ("docProps/app.xml", &xml.doc_props.app),
        ("docProps/core.xml", &replacements.core),
        ("docProps/custom.xml", &xml.doc_props.custom),
        ("word/_rels/document.xml.rels", &document_rels),
        ("word/document.xml", &document),
        ("word/styles.xml", &replacements.styles),
        ("word/numbering.xml", &numbering),
        ("word/settings.xml", &replacements.settings),
        ("word/fontTable.xml", &replacements.font_table),
        ("word/comments.xml", &xml.comments),
        ("word/commentsExtended.xml", &xml.comments_extended),
    ];
    // Every other part is the same for every résumé of a theme.
    let unique = ["word/document.xml", "word/_rels/document.xml.rels"];
    archive::zip(&parts, &unique).map_err(|e| DocxError::Zip(e.to_string()))
}

/// `rels` with its `Relationship` elements sorted by id, numbers compared
/// as numbers (`rId2` before `rId10`).
fn sort_relationships(rels: &[u8]) -> Result<Vec<u8>, DocxError> {
    let mut reader = Reader::from_reader(rels);
    let mut items: Vec<Vec<(String, String)>> = Vec::new();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Empty(e) | Event::Start(e)) if e.local_name().as_ref() == b"Relationship" => {
                let mut attrs = Vec::new();
                for a in e.attributes() {
                    let a = a.map_err(|e| DocxError::Xml(e.to_string()))?;
                    let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                    let value = a
                        .normalized_value(XmlVersion::Explicit1_0)
                        .map_err(|e| DocxError::Xml(e.to_string()))?
                        .into_owned();
                    attrs.push((key, value));
                }
                items.push(attrs);
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(DocxError::Xml(e.to_string())),
        }
        buf.clear();
    }
    let id = |attrs: &Vec<(String, String)>| {
        let id = attrs
            .iter()
            .find(|(k, _)| k == "Id")
            .map_or("", |(_, v)| v.as_str());
        let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
        let prefix = &id[..id.len() - digits.len()];
        (
            prefix.to_owned(),
            digits.parse::<u64>().unwrap_or(0),
            id.to_owned(),
        )
    };
    items.sort_by_key(id);

    let mut w = part_writer()?;
    w.create_element("Relationships")
        .with_attribute((
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        ))
        .write_inner_content(|w| {
            for attrs in &items {
                w.create_element("Relationship")
                    .with_attributes(attrs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(w.into_inner())
}

/// `word/settings.xml`: half-inch default tabs and Word 2013+ layout
/// (compatibility mode 15), nothing else.
pub(crate) fn settings_xml() -> io::Result<Vec<u8>> {
    let mut w = part_writer()?;
    w.create_element("w:settings")
        .with_attribute(("xmlns:w", W_NS))
        .write_inner_content(|w| {
            w.create_element("w:zoom")
                .with_attribute(("w:percent", "100"))
                .write_empty()?;
            w.create_element("w:defaultTabStop")
                .with_attribute(("w:val", "720"))
                .write_empty()?;
            w.create_element("w:characterSpacingControl")
                .with_attribute(("w:val", "doNotCompress"))
                .write_empty()?;
            w.create_element("w:compat").write_inner_content(|w| {
                w.create_element("w:compatSetting")
                    .with_attribute(("w:name", "compatibilityMode"))
                    .with_attribute(("w:uri", "http://schemas.microsoft.com/office/word"))
                    .with_attribute(("w:val", "15"))
                    .write_empty()?;
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(w.into_inner())
}

/// `docProps/core.xml`: title, subject, creator, keywords and language from
/// `meta`; created and modified from `timestamp` (Unix seconds), left out
/// when there is none.
pub(crate) fn core_xml(meta: &Meta, language: &str, timestamp: Option<i64>) -> io::Result<Vec<u8>> {
    let mut w = part_writer()?;
    let keywords: Vec<String> = meta
        .keywords
        .iter()
        .map(|k| clean(k))
        .filter(|k| !k.is_empty())
        .collect();
    let date = timestamp.and_then(w3cdtf);
    w.create_element("cp:coreProperties")
        .with_attributes([
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ])
        .write_inner_content(|w| {
            let mut text = |name: &str, value: &str| -> io::Result<()> {
                w.create_element(name)
                    .write_text_content(BytesText::new(value))?;
                Ok(())
            };
            text("dc:title", &clean(&meta.title))?;
            text("dc:subject", &clean(&meta.subject))?;
            text("dc:creator", &clean(&meta.author))?;
            // Word shows keywords as tags and separates tags with semicolons.
            text("cp:keywords", &keywords.join("; "))?;
            text("dc:language", language)?;
            text("cp:lastModifiedBy", &clean(&meta.author))?;
            text("cp:revision", "1")?;
            if let Some(date) = &date {
                for name in ["dcterms:created", "dcterms:modified"] {
                    w.create_element(name)
                        .with_attribute(("xsi:type", "dcterms:W3CDTF"))
                        .write_text_content(BytesText::new(date))?;
                }
            }
            Ok(())
        })?;
    Ok(w.into_inner())
}

/// Unix seconds as a W3C date-time in UTC (`2021-06-01T12:00:00Z`), for
/// years 1 to 9999, which the format can express.
pub(crate) fn w3cdtf(secs: i64) -> Option<String> {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (year, month, day) = resume_document::civil_date(days)?;
    if !(1..=9999).contains(&year) {
        return None;
    }
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_w3c_format() {
        assert_eq!(w3cdtf(0).as_deref(), Some("1970-01-01T00:00:00Z"));
        assert_eq!(w3cdtf(951_782_400).as_deref(), Some("2000-02-29T00:00:00Z"));
        assert_eq!(
            w3cdtf(1_700_000_000).as_deref(),
            Some("2023-11-14T22:13:20Z")
        );
        assert_eq!(w3cdtf(-1).as_deref(), Some("1969-12-31T23:59:59Z"));
        assert_eq!(
            w3cdtf(253_402_300_799).as_deref(),
            Some("9999-12-31T23:59:59Z")
        );
        assert_eq!(w3cdtf(253_402_300_800), None);
        assert_eq!(w3cdtf(i64::MAX), None);
        assert_eq!(w3cdtf(i64::MIN), None);
    }

    #[test]
    fn relationships_sort_by_number() {
        let rels = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdLink10" Target="https://b/?a=1&amp;b=2" TargetMode="External"/><Relationship Id="rId3" Target="x.xml"/><Relationship Id="rIdLink2" Target="https://a/" TargetMode="External"/></Relationships>"#;
        let out = String::from_utf8(sort_relationships(rels).unwrap()).unwrap();
        let ids: Vec<&str> = out
            .match_indices("Id=\"")
            .map(|(i, _)| &out[i + 4..i + 12])
            .collect();
        assert_eq!(ids, ["rId3\" Ta", "rIdLink2", "rIdLink1"]);
        assert!(out.contains("https://b/?a=1&amp;b=2"), "{out}");
    }
}
