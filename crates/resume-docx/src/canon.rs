//! Puts the children of WordprocessingML property elements in schema order.
//!
//! The schema (ECMA-376 part 1) defines `w:pPr`, `w:rPr`, `w:numPr`,
//! `w:lvl` and `w:sectPr` as sequences: their children have one allowed
//! order. docx-rs writes them in an order of its own (`w:rPr` first in a
//! paragraph's properties, `w:rStyle` last in a run's). LibreOffice does not
//! mind, but Word may call such a file corrupt or silently drop the
//! properties it meets out of order, and a résumé that loses its styles in
//! Word has failed. So the parts docx-rs writes pass through here: children
//! of those elements are stably sorted by their place in the schema, and
//! empty `w:rPr` elements, which say nothing, are dropped.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

use crate::DocxError;

/// `CT_PPr` (with the elements of `CT_PPrBase`).
const P_PR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// `CT_RPr` (the elements of `EG_RPrBase`, then the change record).
const R_PR: &[&str] = &[
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:ins",
    "w:del",
    "w:rPrChange",
];

/// `CT_NumPr`.
const NUM_PR: &[&str] = &["w:ilvl", "w:numId", "w:numberingChange", "w:ins"];

/// `CT_Lvl`.
const LVL: &[&str] = &[
    "w:start",
    "w:numFmt",
    "w:lvlRestart",
    "w:pStyle",
    "w:isLgl",
    "w:suff",
    "w:lvlText",
    "w:lvlPicBulletId",
    "w:legacy",
    "w:lvlJc",
    "w:pPr",
    "w:rPr",
];

/// `CT_SectPr` after its header and footer references.
const SECT_PR: &[&str] = &[
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];

/// The schema order of the children of `name`, if it is a sequence this
/// pass sorts.
fn order(name: &[u8]) -> Option<&'static [&'static str]> {
    match name {
        b"w:pPr" => Some(P_PR),
        b"w:rPr" => Some(R_PR),
        b"w:numPr" => Some(NUM_PR),
        b"w:lvl" => Some(LVL),
        b"w:sectPr" => Some(SECT_PR),
        _ => None,
    }
}

/// A parsed node: an element with its children, or any other event.
#[derive(Debug)]
enum Node {
    El {
        start: BytesStart<'static>,
        children: Vec<Node>,
    },
    Other(Event<'static>),
}

impl Node {
    fn name(&self) -> Option<&[u8]> {
        match self {
            Node::El { start, .. } => Some(start.name().into_inner()),
            Node::Other(_) => None,
        }
    }

    /// An element that carries nothing: no attributes, no children.
    fn is_empty_element(&self) -> bool {
        match self {
            Node::El { start, children } => {
                children.is_empty() && start.attributes().next().is_none()
            }
            Node::Other(_) => false,
        }
    }
}

/// `xml` with the children of property elements in schema order, and
/// right-to-left runs marked as such.
pub(crate) fn schema_order(xml: &[u8]) -> Result<Vec<u8>, DocxError> {
    let mut reader = Reader::from_reader(xml);
    let mut stack: Vec<(Option<BytesStart<'static>>, Vec<Node>)> = vec![(None, Vec::new())];
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| DocxError::Xml(e.to_string()))?
            .into_owned();
        match event {
            Event::Start(start) => stack.push((Some(start), Vec::new())),
            Event::Empty(start) => stack
                .last_mut()
                .expect("the document level is never popped")
                .1
                .push(Node::El {
                    start,
                    children: Vec::new(),
                }),
            Event::End(_) => {
                let (start, children) = stack.pop().expect("the document level is never popped");
                let start = start.ok_or_else(|| DocxError::Xml("unbalanced end tag".into()))?;
                let parent = stack
                    .last_mut()
                    .ok_or_else(|| DocxError::Xml("unbalanced end tag".into()))?;
                parent.1.push(Node::El { start, children });
            }
            Event::Eof => break,
            other => stack
                .last_mut()
                .expect("the document level is never popped")
                .1
                .push(Node::Other(other)),
        }
        buf.clear();
    }
    let (_, nodes) = stack.pop().expect("the document level");
    if !stack.is_empty() {
        return Err(DocxError::Xml("unclosed element".into()));
    }
    let mut w = Writer::new(Vec::new());
    for node in nodes {
        write(&mut w, node)?;
    }
    Ok(w.into_inner())
}

/// Whether a run's text is right to left: it holds a letter of a
/// right-to-left script (Hebrew, Arabic and their presentation forms).
fn has_rtl_letter(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            u32::from(c),
            0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
        )
    })
}

/// The text of a `w:t` element's children.
fn text_of(children: &[Node]) -> String {
    children
        .iter()
        .filter_map(|c| match c {
            Node::Other(Event::Text(t)) => Some(String::from_utf8_lossy(t).into_owned()),
            _ => None,
        })
        .collect()
}

/// Marks a run whose text is right to left with `w:rtl`, so Word sets it
/// with the complex-script properties and orders it right to left.
fn mark_rtl(start: &BytesStart<'_>, children: &mut Vec<Node>) {
    if start.name().into_inner() != b"w:r" {
        return;
    }
    let rtl = children.iter().any(|c| match c {
        Node::El { start, children } if start.name().into_inner() == b"w:t" => {
            has_rtl_letter(&text_of(children))
        }
        _ => false,
    });
    if !rtl {
        return;
    }
    let flag = Node::El {
        start: BytesStart::new("w:rtl"),
        children: Vec::new(),
    };
    match children
        .iter_mut()
        .find(|c| c.name() == Some(b"w:rPr".as_slice()))
    {
        Some(Node::El {
            children: props, ..
        }) => {
            if !props.iter().any(|p| p.name() == Some(b"w:rtl".as_slice())) {
                props.push(flag);
            }
        }
        _ => children.insert(
            0,
            Node::El {
                start: BytesStart::new("w:rPr"),
                children: vec![flag],
            },
        ),
    }
}

fn write(w: &mut Writer<Vec<u8>>, node: Node) -> Result<(), DocxError> {
    match node {
        Node::Other(event) => w.write_event(event)?,
        Node::El {
            start,
            mut children,
        } => {
            mark_rtl(&start, &mut children);
            children.retain(|c| !(c.name() == Some(b"w:rPr") && c.is_empty_element()));
            if let Some(order) = order(start.name().into_inner()) {
                // Stable: elements the table does not name keep their
                // relative order, after the ones it does.
                children.sort_by_key(|c| {
                    c.name()
                        .and_then(|n| order.iter().position(|o| o.as_bytes() == n))
                        .unwrap_or(order.len())
                });
            }
            if children.is_empty() {
                w.write_event(Event::Empty(start))?;
            } else {
                let end = start.to_end().into_owned();
                w.write_event(Event::Start(start))?;
                for child in children {
                    write(w, child)?;
                }
                w.write_event(Event::End(end))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(xml: &str) -> String {
        String::from_utf8(schema_order(xml.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn properties_follow_the_schema() {
        let docx_rs = concat!(
            r#"<w:p><w:pPr><w:rPr /><w:pStyle w:val="A"/>"#,
            r#"<w:numPr><w:numId w:val="2"/><w:ilvl w:val="0"/></w:numPr>"#,
            r#"<w:tabs><w:tab/></w:tabs><w:keepNext/></w:pPr>"#,
            r#"<w:r><w:rPr><w:u w:val="none"/><w:rStyle w:val="H"/></w:rPr>"#,
            r#"<w:t xml:space="preserve"> a &amp; b </w:t></w:r></w:p>"#,
        );
        let schema = concat!(
            r#"<w:p><w:pPr><w:pStyle w:val="A"/><w:keepNext/>"#,
            r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>"#,
            r#"<w:tabs><w:tab/></w:tabs></w:pPr>"#,
            r#"<w:r><w:rPr><w:rStyle w:val="H"/><w:u w:val="none"/></w:rPr>"#,
            r#"<w:t xml:space="preserve"> a &amp; b </w:t></w:r></w:p>"#,
        );
        assert_eq!(canon(docx_rs), schema);
    }

    #[test]
    fn other_elements_keep_their_order_and_declaration() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:body><w:p/><w:tbl/><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body>"#;
        assert_eq!(canon(xml), xml);
    }

    #[test]
    fn right_to_left_runs_are_marked() {
        let xml = r#"<w:p><w:r><w:t>Wix</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>מהנדסת</w:t></w:r><w:r><w:t>مهندس</w:t></w:r></w:p>"#;
        assert_eq!(
            canon(xml),
            r#"<w:p><w:r><w:t>Wix</w:t></w:r><w:r><w:rPr><w:b/><w:rtl/></w:rPr><w:t>מהנדסת</w:t></w:r><w:r><w:rPr><w:rtl/></w:rPr><w:t>مهندس</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn malformed_xml_is_an_error() {
        assert!(schema_order(b"<a><b></a>").is_err());
    }
}
