//! Where a value of the model was written in its source.
//!
//! The model types carry no spans (they are compared, cloned and written
//! back, and spans would get in the way), so a tool that wants to point at a
//! field, such as `resume match`, names it by its path and finds it again in
//! the source's [`SourceMap`], the same table `resume lint` points with.

use std::ops::Range;

use crate::spans::SourceMap;
use crate::tree;

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

/// A source read once, for callers that look up many paths: a view of its
/// [`SourceMap`], the one table of where a source's values are.
#[derive(Debug, Clone)]
pub struct Locator {
    map: SourceMap,
}

impl Locator {
    /// `None` when the source does not parse.
    pub fn new(source: &str, format: SourceFormat) -> Option<Locator> {
        let parses = match format {
            SourceFormat::Toml => tree::from_toml(source).is_ok(),
            SourceFormat::Json => tree::from_json(source).is_ok(),
        };
        parses.then(|| Locator {
            map: match format {
                SourceFormat::Toml => SourceMap::toml(source),
                SourceFormat::Json => SourceMap::json(source),
            },
        })
    }

    /// The innermost value written at byte `offset` of the source.
    pub fn at(&self, offset: usize) -> Option<Located> {
        let (path, span) = self.map.at(offset)?;
        Some(Located {
            span,
            path: path.to_string(),
        })
    }

    /// See [`locate`].
    pub fn find(&self, path: &str) -> Option<Located> {
        if path.is_empty() {
            return None;
        }
        Some(Located {
            span: self.map.span(path)?,
            path: self.map.source_path(path).to_string(),
        })
    }
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
