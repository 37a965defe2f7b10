//! A schema.org `Person` description of the résumé's author, embedded as
//! JSON-LD so search engines can read the name, job title and links.
//!
//! The value is serialized by askama's `json` filter, which escapes `<`, `>`,
//! `&` and `'`, so no string in it can end the `<script>` element it sits in.

use resume_document::{ContactKind, Document, Scheme};
use serde_json::{Map, Value, json};

/// The `Person` object for `doc`. Fields without a value are left out.
pub(crate) fn person(doc: &Document) -> Value {
    let mut p = Map::new();
    p.insert("@context".into(), json!("https://schema.org"));
    p.insert("@type".into(), json!("Person"));
    p.insert("name".into(), json!(doc.header.name.trim()));
    if let Some(h) = doc.header.headline.as_deref().map(str::trim)
        && !h.is_empty()
    {
        p.insert("jobTitle".into(), json!(h));
    }
    let mut same_as = Vec::new();
    for c in &doc.header.contacts {
        let url = c.url.as_ref();
        let text = c.text.trim();
        match (c.kind, url) {
            (ContactKind::Email, Some(u)) if u.scheme() == Scheme::Mailto => {
                // A mailto URL may carry `?subject=…`; the address ends before it.
                let address = u.after_scheme().split('?').next().unwrap_or_default();
                p.entry("email").or_insert_with(|| json!(address));
            }
            (ContactKind::Phone, Some(u)) if u.scheme() == Scheme::Tel => {
                let number = u.after_scheme();
                p.entry("telephone").or_insert_with(|| json!(number));
            }
            (ContactKind::Phone, None) if !text.is_empty() => {
                p.entry("telephone").or_insert_with(|| json!(text));
            }
            (ContactKind::Website, Some(u)) if u.is_web() => {
                if p.contains_key("url") {
                    same_as.push(json!(u.as_str()));
                } else {
                    p.insert("url".into(), json!(u.as_str()));
                }
            }
            (ContactKind::Profile, Some(u)) if u.is_web() => same_as.push(json!(u.as_str())),
            (ContactKind::Location, _) if !text.is_empty() => {
                p.entry("address").or_insert_with(|| json!(text));
            }
            _ => {}
        }
    }
    if !same_as.is_empty() {
        p.insert("sameAs".into(), Value::Array(same_as));
    }
    let skills: Vec<&str> = doc
        .meta
        .keywords
        .iter()
        .map(|k| k.trim())
        .filter(|k| !k.is_empty())
        .collect();
    if !skills.is_empty() {
        p.insert("knowsAbout".into(), json!(skills));
    }
    Value::Object(p)
}
