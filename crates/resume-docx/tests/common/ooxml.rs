//! Reading a DOCX back in tests: the zip's parts and a small element tree
//! of each XML part, parsed with quick-xml.

#![allow(dead_code)]

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

/// The parts of a package, in archive order.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("a readable entry");
            let mut data = Vec::new();
            file.read_to_end(&mut data).expect("entry bytes");
            (file.name().to_owned(), data)
        })
        .collect()
}

/// The part named `name`, parsed.
pub fn part(parts: &[(String, Vec<u8>)], name: &str) -> El {
    let (_, bytes) = parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no part {name}"));
    parse(bytes)
}

/// An XML element: qualified name, attributes in order, children.
#[derive(Debug, Clone, PartialEq)]
pub struct El {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    El(El),
    Text(String),
}

/// Parses `bytes` into its root element; panics on XML that is not
/// well-formed.
pub fn parse(bytes: &[u8]) -> El {
    let mut reader = Reader::from_reader(bytes);
    let mut stack: Vec<El> = vec![El {
        name: "#document".into(),
        attrs: vec![],
        children: vec![],
    }];
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .unwrap_or_else(|e| panic!("malformed XML: {e}"));
        match event {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => {
                let el = element(&e);
                stack.last_mut().unwrap().children.push(Node::El(el));
            }
            Event::End(_) => {
                let el = stack.pop().unwrap();
                stack
                    .last_mut()
                    .expect("balanced tags")
                    .children
                    .push(Node::El(el));
            }
            Event::Text(t) => {
                // Entity references arrive as their own events, so text
                // needs no unescaping.
                let s = t.decode().expect("utf-8").into_owned();
                stack.last_mut().unwrap().children.push(Node::Text(s));
            }
            Event::GeneralRef(r) => {
                let name = r.decode().expect("utf-8").into_owned();
                let s = quick_xml::escape::unescape(&format!("&{name};"))
                    .expect("known entity")
                    .into_owned();
                stack.last_mut().unwrap().children.push(Node::Text(s));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let doc = stack.pop().unwrap();
    doc.children
        .into_iter()
        .find_map(|n| match n {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
        .expect("a root element")
}

fn element(e: &quick_xml::events::BytesStart<'_>) -> El {
    El {
        name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("well-formed attribute");
                let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
                let raw = String::from_utf8(a.value.to_vec()).unwrap();
                let value = quick_xml::escape::unescape(&raw)
                    .expect("known entities")
                    .into_owned();
                (key, value)
            })
            .collect(),
        children: vec![],
    }
}

impl El {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &El> {
        self.children.iter().filter_map(|n| match n {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&El> {
        self.elements().find(|e| e.name == name)
    }

    /// Every element below this one named `name`, in document order.
    pub fn all(&self, name: &str) -> Vec<&El> {
        let mut out = Vec::new();
        self.collect(name, &mut out);
        out
    }

    fn collect<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.collect(name, out);
        }
    }

    /// The text a reader sees: `w:t` contents, a tab for `w:tab` in a run,
    /// a line break after each paragraph below this element.
    pub fn text(&self) -> String {
        let mut s = String::new();
        self.write_text(&mut s);
        s
    }

    fn write_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) if self.name == "w:t" => out.push_str(t),
                Node::Text(_) => {}
                Node::El(e) if e.name == "w:tab" && self.name == "w:r" => out.push('\t'),
                Node::El(e) => {
                    e.write_text(out);
                    if e.name == "w:p" {
                        out.push('\n');
                    }
                }
            }
        }
    }

    /// The text directly inside this element.
    pub fn text_content(&self) -> String {
        self.children
            .iter()
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.as_str()),
                Node::El(_) => None,
            })
            .collect()
    }

    /// The `w:val` of the child `name`, e.g. a paragraph's `w:pStyle`.
    pub fn val(&self, name: &str) -> Option<&str> {
        self.all(name).first().and_then(|e| e.attr("w:val"))
    }

    /// The paragraph's style id, `Normal` when it names none.
    pub fn style(&self) -> &str {
        self.child("w:pPr")
            .and_then(|p| p.child("w:pStyle"))
            .and_then(|s| s.attr("w:val"))
            .unwrap_or("Normal")
    }

    /// The element as indented XML, one element per line, for goldens.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write_pretty(0, &mut out);
        out
    }

    fn write_pretty(&self, depth: usize, out: &mut String) {
        let pad = "  ".repeat(depth);
        out.push_str(&pad);
        out.push('<');
        out.push_str(&self.name);
        for (k, v) in &self.attrs {
            out.push_str(&format!(" {k}=\"{}\"", escape(v)));
        }
        let texts: String = self
            .children
            .iter()
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.as_str()),
                Node::El(_) => None,
            })
            .collect();
        let elements: Vec<&El> = self.elements().collect();
        if elements.is_empty() && texts.is_empty() {
            out.push_str("/>\n");
        } else if elements.is_empty() {
            out.push_str(&format!(">{}</{}>\n", escape(&texts), self.name));
        } else {
            out.push_str(">\n");
            for e in elements {
                e.write_pretty(depth + 1, out);
            }
            out.push_str(&format!("{pad}</{}>\n", self.name));
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Lower-cased runs of letters and digits, as the evaluation kit counts
/// words.
pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `needle` occurs in `haystack` in order (not necessarily
/// adjacent); on failure, the first word that could not be found.
pub fn subsequence(needle: &[String], haystack: &[String]) -> Result<(), String> {
    let mut it = haystack.iter();
    for (i, w) in needle.iter().enumerate() {
        if !it.any(|h| h == w) {
            let context = needle[i.saturating_sub(5)..(i + 5).min(needle.len())].join(" ");
            return Err(format!(
                "word {i} {w:?} not found in order (near: {context})"
            ));
        }
    }
    Ok(())
}
