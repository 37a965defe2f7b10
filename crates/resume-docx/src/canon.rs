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

use memchr::{memchr, memchr3, memmem};

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

/// A parsed node, borrowed from the XML read.
#[derive(Debug)]
enum Node<'a> {
    El {
        /// What stands between `<` and `>` (or `/>`): name and attributes.
        tag: &'a [u8],
        name: &'a [u8],
        children: Vec<Node<'a>>,
    },
    /// Text, a declaration, a comment: written back as read.
    Raw(&'a [u8]),
}

impl Node<'_> {
    fn name(&self) -> Option<&[u8]> {
        match self {
            Node::El { name, .. } => Some(name),
            Node::Raw(_) => None,
        }
    }

    /// An element that carries nothing: no attributes, no children.
    fn is_empty_element(&self) -> bool {
        match self {
            Node::El {
                tag,
                name,
                children,
            } => children.is_empty() && tag[name.len()..].iter().all(u8::is_ascii_whitespace),
            Node::Raw(_) => false,
        }
    }
}

fn malformed(what: &str, at: usize) -> DocxError {
    DocxError::Xml(format!("{what} at byte {at} of a part docx-rs wrote"))
}

/// Where the markup that starts at `xml[at] == b'<'` ends: just past its
/// `>`, quoted attribute values skipped.
fn markup_end(xml: &[u8], at: usize) -> Result<usize, DocxError> {
    let rest = &xml[at..];
    let closing: &[u8] = if rest.starts_with(b"<!--") {
        b"-->"
    } else if rest.starts_with(b"<![CDATA[") {
        b"]]>"
    } else if rest.starts_with(b"<?") {
        b"?>"
    } else {
        // A tag: its end is the first `>` outside quoted attribute values.
        let mut from = 1;
        loop {
            let Some(i) = memchr3(b'>', b'"', b'\'', &rest[from..]) else {
                return Err(malformed("a tag without its end", at));
            };
            let i = from + i;
            if rest[i] == b'>' {
                return Ok(at + i + 1);
            }
            let Some(close) = memchr(rest[i], &rest[i + 1..]) else {
                return Err(malformed("an attribute value without its end", at));
            };
            from = i + 1 + close + 1;
        }
    };
    memmem::find(rest, closing)
        .map(|i| at + i + closing.len())
        .ok_or_else(|| malformed("markup without its end", at))
}

/// An element's tag and name while its children are read.
type Open<'a> = (&'a [u8], &'a [u8]);

/// The element name a tag starts with.
fn tag_name(tag: &[u8]) -> &[u8] {
    let end = tag
        .iter()
        .position(|c| c.is_ascii_whitespace())
        .unwrap_or(tag.len());
    &tag[..end]
}

/// `xml` with the children of property elements in schema order, and
/// right-to-left runs marked as such. The rest is written back byte for
/// byte, so the parts docx-rs writes are scanned here directly rather than
/// through a general XML reader and writer, which took four times as long.
pub(crate) fn schema_order(xml: &[u8]) -> Result<Vec<u8>, DocxError> {
    // Open elements (tag and name) with the children read so far, under
    // the document level, which has no tag.
    let mut stack: Vec<(Option<Open<'_>>, Vec<Node<'_>>)> = vec![(None, Vec::new())];
    let mut at = 0;
    while at < xml.len() {
        let level = &mut stack
            .last_mut()
            .expect("the document level is never popped")
            .1;
        if xml[at] != b'<' {
            let end = memchr(b'<', &xml[at..]).map_or(xml.len(), |i| at + i);
            level.push(Node::Raw(&xml[at..end]));
            at = end;
            continue;
        }
        let end = markup_end(xml, at)?;
        let inner = &xml[at + 1..end - 1];
        match inner.first() {
            Some(b'/') => {
                let closed = tag_name(&inner[1..]);
                let (open, children) = stack.pop().expect("the document level is never popped");
                let (tag, name) = open.ok_or_else(|| malformed("an end tag never opened", at))?;
                if name != closed {
                    return Err(malformed("an end tag that does not match its start", at));
                }
                let parent = stack
                    .last_mut()
                    .ok_or_else(|| malformed("an end tag never opened", at))?;
                parent.1.push(Node::El {
                    tag,
                    name,
                    children,
                });
            }
            Some(b'!' | b'?') => level.push(Node::Raw(&xml[at..end])),
            Some(_) if inner.ends_with(b"/") => {
                let tag = &inner[..inner.len() - 1];
                level.push(Node::El {
                    tag,
                    name: tag_name(tag),
                    children: Vec::new(),
                });
            }
            Some(_) => stack.push((Some((inner, tag_name(inner))), Vec::new())),
            None => return Err(malformed("an empty tag", at)),
        }
        at = end;
    }
    let (_, nodes) = stack.pop().expect("the document level");
    if !stack.is_empty() {
        return Err(malformed("an element never closed", xml.len()));
    }
    let mut out = Vec::with_capacity(xml.len() + xml.len() / 16);
    for node in nodes {
        write(&mut out, node);
    }
    Ok(out)
}

/// Whether a run's text is right to left: it holds a letter of a
/// right-to-left script (Hebrew, Arabic and their presentation forms).
fn has_rtl_letter(text: &[u8]) -> bool {
    // Every such letter is encoded from a lead byte of 0xD6 (U+0580) up:
    // most text has none and is passed over without decoding.
    if !text.iter().any(|&b| b >= 0xD6) {
        return false;
    }
    String::from_utf8_lossy(text).chars().any(|c| {
        matches!(
            u32::from(c),
            0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
        )
    })
}

/// Whether the text among a `w:t` element's children is right to left.
fn text_is_rtl(children: &[Node<'_>]) -> bool {
    children.iter().any(|c| match c {
        Node::Raw(text) if !text.starts_with(b"<") => has_rtl_letter(text),
        _ => false,
    })
}

/// Marks a run whose text is right to left with `w:rtl`, so Word sets it
/// with the complex-script properties and orders it right to left.
fn mark_rtl(name: &[u8], children: &mut Vec<Node<'_>>) {
    if name != b"w:r" {
        return;
    }
    let rtl = children.iter().any(|c| match c {
        Node::El { name, children, .. } if *name == b"w:t" => text_is_rtl(children),
        _ => false,
    });
    if !rtl {
        return;
    }
    let flag = Node::El {
        tag: b"w:rtl",
        name: b"w:rtl",
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
                tag: b"w:rPr",
                name: b"w:rPr",
                children: vec![flag],
            },
        ),
    }
}

/// Where a child goes in `order`: its place, or after all of them.
fn rank(order: &[&str], child: &Node<'_>) -> usize {
    child
        .name()
        .and_then(|n| order.iter().position(|o| o.as_bytes() == n))
        .unwrap_or(order.len())
}

fn write(out: &mut Vec<u8>, node: Node<'_>) {
    match node {
        Node::Raw(raw) => out.extend_from_slice(raw),
        Node::El {
            tag,
            name,
            mut children,
        } => {
            mark_rtl(name, &mut children);
            children.retain(|c| !(c.name() == Some(b"w:rPr") && c.is_empty_element()));
            if let Some(order) = order(name)
                && !children.is_sorted_by_key(|c| rank(order, c))
            {
                // Stable: elements the table does not name keep their
                // relative order, after the ones it does.
                children.sort_by_cached_key(|c| rank(order, c));
            }
            out.push(b'<');
            out.extend_from_slice(tag);
            if children.is_empty() {
                out.extend_from_slice(b"/>");
            } else {
                out.push(b'>');
                for child in children {
                    write(out, child);
                }
                out.extend_from_slice(b"</");
                out.extend_from_slice(name);
                out.push(b'>');
            }
        }
    }
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
