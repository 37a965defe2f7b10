//! Where each value of a source is: a side table from model paths
//! (`work[1].highlights[0]`, `work[1].start`) to byte spans.
//!
//! The model types stay plain data without spans; checks that run on a
//! read [`Resume`](crate::Resume), such as `resume lint`, look the place of a
//! bullet or date up here. It is built by walking the same spanned tree the
//! readers read, so the spans are the ones `resume check` points at.

use std::collections::HashMap;
use std::ops::Range;

use crate::tree::{self, Node, Value};

/// Spans of a source's values by model path.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    entries: HashMap<String, Place>,
}

#[derive(Debug, Clone)]
struct Place {
    span: Range<usize>,
    /// The path as the source spells it (`work[1].startDate` in JSON Resume).
    source_path: String,
}

impl SourceMap {
    /// The map of a TOML source; empty when it does not parse.
    pub fn toml(source: &str) -> SourceMap {
        tree::from_toml(source)
            .map_or_else(|_| SourceMap::default(), |n| SourceMap::walk(&n, false))
    }

    /// The map of a JSON Resume source; empty when it does not parse.
    pub fn json(source: &str) -> SourceMap {
        tree::from_json(source)
            .map_or_else(|_| SourceMap::default(), |(n, _)| SourceMap::walk(&n, true))
    }

    fn walk(root: &Node, json: bool) -> SourceMap {
        let mut map = SourceMap::default();
        map.visit(root, String::new(), String::new(), json, false);
        map
    }

    /// The byte span of the value at a model path.
    pub fn span(&self, path: &str) -> Option<Range<usize>> {
        self.entries.get(path).map(|p| p.span.clone())
    }

    /// The innermost value whose span holds byte `offset`: its source path
    /// and span.
    pub fn at(&self, offset: usize) -> Option<(&str, Range<usize>)> {
        self.entries
            .values()
            .filter(|p| p.span.start <= offset && offset < p.span.end)
            .min_by_key(|p| (p.span.end - p.span.start, p.source_path.as_str()))
            .map(|p| (p.source_path.as_str(), p.span.clone()))
    }

    /// The path as the source spells it, for messages; the model path when
    /// the value is not in the source.
    pub fn source_path<'a>(&'a self, path: &'a str) -> &'a str {
        self.entries
            .get(path)
            .map_or(path, |p| p.source_path.as_str())
    }

    fn visit(&mut self, node: &Node, path: String, source_path: String, json: bool, bullets: bool) {
        match &node.value {
            Value::Table(fields) => {
                for f in fields {
                    let key = if json {
                        model_key(&path, &f.key)
                    } else {
                        &f.key
                    };
                    let join = |p: &str, k: &str| {
                        if p.is_empty() {
                            k.to_string()
                        } else {
                            format!("{p}.{k}")
                        }
                    };
                    let is_bullets = f.key == "highlights" || f.key == "items";
                    self.visit(
                        &f.node,
                        join(&path, key),
                        join(&source_path, &f.key),
                        json,
                        is_bullets,
                    );
                }
            }
            Value::Array(items) => {
                // The readers leave empty bullets out (with a warning), so
                // the model's index counts only the bullets that are kept.
                let mut index = 0;
                for (i, item) in items.iter().enumerate() {
                    if bullets && !kept_bullet(item) {
                        continue;
                    }
                    self.visit(
                        item,
                        format!("{path}[{index}]"),
                        format!("{source_path}[{i}]"),
                        json,
                        false,
                    );
                    index += 1;
                }
            }
            _ => {}
        }
        self.entries.insert(
            path,
            Place {
                span: span_of(node),
                source_path,
            },
        );
    }
}

/// The model's name of a JSON Resume key under the model path `parent`,
/// where the two differ (as `json_resume.rs` reads them).
fn model_key<'k>(parent: &str, key: &'k str) -> &'k str {
    // The section a key stands in: `work` for `work[2]`.
    let section = parent.split(['[', '.']).next().unwrap_or("");
    let depth = parent.matches('.').count();
    match key {
        "startDate" => "start",
        "endDate" => "end",
        "releaseDate" => "date",
        "label" if parent == "basics" => "headline",
        "name" if section == "work" && depth == 0 => "company",
        "keywords" if section == "projects" && depth == 0 => "technologies",
        "studyType" => "degree",
        "score" => "gpa",
        "type" => "kind",
        "urlLabel" => "url_label",
        "postalCode" => "postal_code",
        "countryCode" => "country_code",
        other => other,
    }
}

/// The range a value covers. A TOML table written as a `[[work]]` header
/// may come back without a range of its own; its keys then stand for it.
fn span_of(node: &Node) -> Range<usize> {
    if node.span.is_empty()
        && let Value::Table(fields) = &node.value
        && let (Some(first), Some(last)) = (fields.first(), fields.last())
    {
        return first.key_span.start..last.node.span.end.max(first.key_span.end);
    }
    node.span.clone()
}

/// Whether the readers keep this bullet: a non-blank string, or a table
/// whose `text` is one.
fn kept_bullet(node: &Node) -> bool {
    match &node.value {
        Value::String(s) => !s.trim().is_empty(),
        Value::Table(fields) => fields.iter().any(|f| {
            f.key == "text" && matches!(&f.node.value, Value::String(s) if !s.trim().is_empty())
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_json_paths_meet_in_the_model() {
        let toml = "[basics]\nname = \"A\"\n[[work]]\ncompany = \"B\"\nstart = \"2020-01\"\nhighlights = [\"\", \"Built it\"]\n";
        let map = SourceMap::toml(toml);
        let span = map.span("work[0].highlights[0]").unwrap();
        assert_eq!(&toml[span], "\"Built it\"");
        assert_eq!(
            map.source_path("work[0].highlights[0]"),
            "work[0].highlights[1]"
        );
        let json = r#"{"basics":{"name":"A"},"work":[{"name":"B","startDate":"2020-01"}]}"#;
        let map = SourceMap::json(json);
        assert_eq!(&json[map.span("work[0].start").unwrap()], "\"2020-01\"");
        assert_eq!(map.source_path("work[0].start"), "work[0].startDate");
        assert!(SourceMap::toml("not = = toml").span("basics").is_none());
    }
}
