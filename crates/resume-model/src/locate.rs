//! Where a value of the model was written in its source.
//!
//! The model types carry no spans (they are compared, cloned and written
//! back, and spans would get in the way), so a tool that wants to point at a
//! field, such as `resume match`, names it by its path and this module walks
//! the spanned tree the readers build to find it again.

use std::ops::Range;

use crate::tree::{self, Node, Value};

/// The syntax of a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// Our TOML format.
    Toml,
    /// JSON Resume.
    Json,
}

/// A field found in a source: its byte range and its path as that source
/// spells it (`work[0].name` in JSON Resume for the model's `work[0].company`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub span: Range<usize>,
    pub path: String,
}

/// Finds the value at `path` (e.g. `work[0].highlights[2]`) in a source.
///
/// The path names the model's fields as our TOML does; in a JSON Resume
/// source each key is also tried under the names JSON Resume gives it
/// (`company` is `name`, a project's `technologies` are `keywords`, …).
/// `None` when the source does not parse or has no such value.
pub fn locate(source: &str, format: SourceFormat, path: &str) -> Option<Located> {
    Locator::new(source, format)?.find(path)
}

/// A source read once, for callers that look up many paths.
#[derive(Debug, Clone)]
pub struct Locator {
    root: Node,
    format: SourceFormat,
}

impl Locator {
    /// `None` when the source does not parse.
    pub fn new(source: &str, format: SourceFormat) -> Option<Locator> {
        let root = match format {
            SourceFormat::Toml => tree::from_toml(source).ok()?,
            SourceFormat::Json => tree::from_json(source).ok()?,
        };
        Some(Locator { root, format })
    }

    /// See [`locate`].
    pub fn find(&self, path: &str) -> Option<Located> {
        locate_in(&self.root, self.format, path)
    }
}

fn locate_in(root: &Node, format: SourceFormat, path: &str) -> Option<Located> {
    let mut node = root;
    let mut out = String::new();
    for segment in path.split('.') {
        let (key, indices) = split_segment(segment)?;
        if !key.is_empty() {
            let Value::Table(fields) = &node.value else {
                return None;
            };
            let names = match format {
                SourceFormat::Toml => vec![key],
                SourceFormat::Json => json_names(key),
            };
            let field = names
                .iter()
                .find_map(|name| fields.iter().find(|f| f.key == *name))?;
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&field.key);
            node = &field.node;
        }
        for i in indices {
            let Value::Array(items) = &node.value else {
                return None;
            };
            node = items.get(i)?;
            out.push_str(&format!("[{i}]"));
        }
    }
    Some(Located {
        span: span_of(node),
        path: out,
    })
}

/// A `key[1][2]` segment as its key and indices.
fn split_segment(segment: &str) -> Option<(&str, Vec<usize>)> {
    let (key, mut rest) = match segment.find('[') {
        Some(i) => (&segment[..i], &segment[i..]),
        None => (segment, ""),
    };
    let mut indices = Vec::new();
    while let Some(after) = rest.strip_prefix('[') {
        let close = after.find(']')?;
        indices.push(after[..close].parse().ok()?);
        rest = &after[close + 1..];
    }
    (rest.is_empty() && !(key.is_empty() && indices.is_empty())).then_some((key, indices))
}

/// The names a model key may have in a JSON Resume file, most usual first,
/// as `json_resume.rs` reads them.
fn json_names(key: &str) -> Vec<&str> {
    match key {
        "company" => vec!["name", "company"],
        "technologies" => vec!["technologies", "keywords"],
        "headline" => vec!["label"],
        "degree" => vec!["studyType"],
        "gpa" => vec!["score", "gpa"],
        "kind" => vec!["type"],
        "start" => vec!["startDate"],
        "end" => vec!["endDate"],
        "url_label" => vec!["urlLabel"],
        "postal_code" => vec!["postalCode"],
        "country_code" => vec!["countryCode"],
        other => vec![other],
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

#[cfg(test)]
mod tests {
    use super::*;

    const TOML: &str = "[basics]\nname = \"A\"\n\n[[work]]\ncompany = \"X\"\nhighlights = [\"one\", { text = \"two\", tags = [\"t\"] }]\n";
    const JSON: &str = "{\n  \"basics\": { \"name\": \"A\" },\n  \"work\": [{ \"name\": \"X\", \"highlights\": [\"one\", \"two\"] }]\n}\n";

    #[track_caller]
    fn check(source: &str, format: SourceFormat, path: &str, expect: Option<(&str, &str)>) {
        let got = locate(source, format, path).map(|l| (source[l.span].to_string(), l.path));
        let expect = expect.map(|(text, path)| (text.to_string(), path.to_string()));
        assert_eq!(got, expect, "{path}");
    }

    #[test]
    fn finds_fields_in_toml() {
        check(
            TOML,
            SourceFormat::Toml,
            "basics.name",
            Some(("\"A\"", "basics.name")),
        );
        check(
            TOML,
            SourceFormat::Toml,
            "work[0].company",
            Some(("\"X\"", "work[0].company")),
        );
        check(
            TOML,
            SourceFormat::Toml,
            "work[0].highlights[0]",
            Some(("\"one\"", "work[0].highlights[0]")),
        );
        check(
            TOML,
            SourceFormat::Toml,
            "work[0].highlights[1].text",
            Some(("\"two\"", "work[0].highlights[1].text")),
        );
        assert!(locate(TOML, SourceFormat::Toml, "work[0]").is_some_and(|l| !l.span.is_empty()));
    }

    #[test]
    fn json_names_stand_for_model_names() {
        check(
            JSON,
            SourceFormat::Json,
            "work[0].company",
            Some(("\"X\"", "work[0].name")),
        );
        check(
            JSON,
            SourceFormat::Json,
            "work[0].highlights[1]",
            Some(("\"two\"", "work[0].highlights[1]")),
        );
    }

    #[test]
    fn bad_paths_and_sources_find_nothing() {
        for path in [
            "",
            "work[",
            "work[x]",
            "work[9]",
            "basics.name[0]",
            "nope",
            "work[0]]",
        ] {
            check(TOML, SourceFormat::Toml, path, None);
        }
        check("not toml = ", SourceFormat::Toml, "basics", None);
        check("{", SourceFormat::Json, "basics", None);
    }
}
