//! Typed reading of a [`Node`] tree with every problem collected.
//!
//! The schema readers (TOML in `toml_source`, JSON Resume in `json_resume`)
//! pull fields out of tables through [`Obj`]; each getter records a
//! diagnostic and goes on, so one run reports every problem of a file.

use std::ops::Range;

use crate::SourceFormat;
use crate::date::DateValue;
use crate::diag::{Counts, Diagnostic};
use crate::markup::Rich;
use crate::model::{Bullet, Extra, Period};
use crate::tree::{Field, Node, Value};
use crate::url::{Email, EmailError, LinkTarget, SafeUrl, UrlError};

/// How forgiving reading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Our TOML format: unknown keys and bad values are errors.
    Toml,
    /// JSON Resume as `build` reads it: nulls, empty strings and free-text
    /// dates are warnings; unknown keys are kept as extras.
    JsonLenient,
    /// JSON Resume as `check` reads it: every departure from the schema is an
    /// error; unknown keys are still allowed, as the schema allows them.
    JsonStrict,
}

/// The reading context: diagnostics so far and the mode.
#[derive(Debug)]
pub(crate) struct Cx {
    pub mode: Mode,
    pub diags: Vec<Diagnostic>,
    /// The source text, when the reader has it: a number read as text is
    /// shown as it is written there (`3.90`, not `3.9`).
    pub source: String,
}

/// The path of `key` in the table at `path`, as diagnostics name it.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Cx {
    pub fn new(mode: Mode) -> Cx {
        Cx {
            mode,
            diags: Vec::new(),
            source: String::new(),
        }
    }

    pub fn toml(&self) -> bool {
        self.mode == Mode::Toml
    }

    pub fn error(
        &mut self,
        message: impl Into<String>,
        span: &Range<usize>,
        path: &str,
    ) -> &mut Diagnostic {
        self.push(Diagnostic::error(message, Some(span.clone()), path))
    }

    pub fn warning(
        &mut self,
        message: impl Into<String>,
        span: &Range<usize>,
        path: &str,
    ) -> &mut Diagnostic {
        self.push(Diagnostic::warning(message, Some(span.clone()), path))
    }

    /// Records a diagnostic and returns it, so hints can be added.
    fn push(&mut self, d: Diagnostic) -> &mut Diagnostic {
        self.diags.push(d);
        self.diags.last_mut().expect("just pushed")
    }

    /// A problem that is an error in TOML and strict JSON, a warning when
    /// building from JSON leniently.
    pub fn lenient(
        &mut self,
        message: impl Into<String>,
        span: &Range<usize>,
        path: &str,
    ) -> &mut Diagnostic {
        if self.mode == Mode::JsonLenient {
            self.warning(message, span, path)
        } else {
            self.error(message, span, path)
        }
    }

    /// A problem `build` forgives and `check` does not: an error in strict
    /// JSON, otherwise a warning that `check` counts as an error (so one
    /// reader serves both, and the TOML reader needs no mode of its own).
    pub fn relaxed(
        &mut self,
        message: impl Into<String>,
        span: &Range<usize>,
        path: &str,
    ) -> &mut Diagnostic {
        if self.mode == Mode::JsonStrict {
            return self.error(message, span, path);
        }
        let d = self.warning(message, span, path);
        d.counts = Counts::ErrorInCheck;
        d
    }

    /// A value an extension holds that `format` cannot: only a conversion
    /// to that format is refused, with this error.
    fn unportable(
        &mut self,
        message: String,
        span: &Range<usize>,
        path: &str,
        format: SourceFormat,
    ) {
        let mut d = Diagnostic::error(message, Some(span.clone()), path);
        d.counts = Counts::ConvertingTo(format);
        self.push(d)
            .with_hint_mut("change the value, or leave the key out of the file you convert");
    }

    /// Reports a value of the wrong type.
    pub fn wrong_type(&mut self, node: &Node, path: &str, expected: &str) {
        let found = node.value.type_name(self.toml());
        let hint = type_hint(self.toml(), node, path, expected);
        let d = self.error(
            format!("expected {expected}, found {found}"),
            &node.span,
            path,
        );
        if let Some(hint) = hint {
            d.with_hint_mut(hint);
        }
    }

    /// Opens a table, or reports that the value is not one.
    pub fn obj<'n>(&mut self, node: &'n Node, path: &str) -> Option<Obj<'n>> {
        match &node.value {
            Value::Table(fields) => Some(Obj {
                node,
                fields,
                used: vec![false; fields.len()],
                path: path.to_string(),
            }),
            _ => {
                let what = if self.toml() { "a table" } else { "an object" };
                self.wrong_type(node, path, what);
                None
            }
        }
    }

    /// Reads a string, treating null and "" as absent (with a diagnostic).
    pub fn string(&mut self, node: &Node, path: &str) -> Option<String> {
        match &node.value {
            Value::String(s) if s.trim().is_empty() => {
                if self.mode == Mode::Toml {
                    self.warning("this text is empty and is left out", &node.span, path)
                        .with_hint_mut("remove the key or write something");
                } else if self.mode == Mode::JsonLenient {
                    self.warning("empty string treated as absent", &node.span, path);
                }
                None
            }
            Value::String(s) => Some(s.trim().to_string()),
            Value::Null => {
                self.null(node, path);
                None
            }
            // Numbers are accepted as text where text is expected (phone
            // numbers, GPAs), since the author's meaning is clear; JSON
            // Resume's schema says string, so its validator says so too.
            Value::Integer(_) | Value::Float(_) | Value::BigInteger(_) => {
                let written = self
                    .source
                    .get(node.span.clone())
                    .map(str::trim)
                    .filter(|t| !t.is_empty() && !t.contains(['\n', '"', '=']))
                    .map(str::to_string);
                let text = written.unwrap_or_else(|| number_text(node));
                if self.toml() {
                    let key = path.rsplit('.').next().unwrap_or(path);
                    self.warning(
                        format!(
                            "a number where text is expected; it is shown as written, `{text}`"
                        ),
                        &node.span,
                        path,
                    )
                    .with_hint_mut(format!(
                        "write it as text in double quotes: {key} = \"{text}\""
                    ));
                } else {
                    self.lenient("expected a string, found a number", &node.span, path)
                        .with_hint_mut("put the value in quotes");
                }
                Some(text)
            }
            _ => {
                self.wrong_type(node, path, "a string");
                None
            }
        }
    }

    pub fn null(&mut self, node: &Node, path: &str) {
        let message = if self.mode == Mode::JsonLenient {
            "null treated as absent"
        } else {
            "null is not allowed here"
        };
        self.lenient(message, &node.span, path)
            .with_hint_mut("remove the key or give it a value");
    }

    /// Reads text with inline markup.
    pub fn rich(&mut self, node: &Node, path: &str) -> Option<Rich> {
        let source = self.string(node, path)?;
        let (rich, bad) = Rich::parse(&source);
        for link in bad {
            let reason = link.error.reason(&link.target);
            match link.error {
                // A path or a host name without a scheme is shown as the
                // text it links, unlinked.
                UrlError::Relative | UrlError::BareHost(_) => {
                    self.relaxed(
                        format!("{reason}; the link's text is shown, not linked"),
                        &node.span,
                        path,
                    )
                    .with_hint_mut(link.error.hint());
                }
                _ => {
                    self.error(format!("link refused: {reason}"), &node.span, path)
                        .with_hint_mut("links may use https:, http:, mailto: or tel:");
                }
            }
        }
        Some(rich)
    }

    /// Reads a link target, by the one rule for links ([`SafeUrl::parse`]):
    /// a host name without a scheme is linked with `https://` and a path on
    /// the file's own site is shown as text, each with a warning (`check`
    /// counts both as errors); anything else not allowed is refused.
    pub fn url(&mut self, node: &Node, path: &str) -> Option<LinkTarget> {
        let s = self.string(node, path)?;
        match SafeUrl::parse(&s) {
            Ok(url) => Some(LinkTarget::Url(url)),
            Err(e @ UrlError::Relative) => {
                self.relaxed(
                    format!("{}; it is shown as text, not linked", e.reason(&s)),
                    &node.span,
                    path,
                )
                .with_hint_mut(e.hint());
                Some(LinkTarget::Path(s))
            }
            Err(UrlError::BareHost(fixed)) => {
                self.relaxed(
                    format!("`{s}` has no scheme; linked as {fixed}"),
                    &node.span,
                    path,
                )
                .with_hint_mut("write the full address with https://");
                Some(LinkTarget::Url(fixed))
            }
            Err(e) if self.mode == Mode::JsonLenient => {
                self.warning(
                    format!("link refused and left out: {}", e.reason(&s)),
                    &node.span,
                    path,
                )
                .with_hint_mut(e.hint());
                None
            }
            Err(e) => {
                self.error(format!("link refused: {}", e.reason(&s)), &node.span, path)
                    .with_hint_mut(e.hint());
                None
            }
        }
    }

    /// Reads an e-mail address: one address, `local@domain`. A `mailto:`
    /// before it is left out, and text that is no address is shown as
    /// written but not linked, each with a warning that `check` counts as
    /// an error.
    pub fn email(&mut self, node: &Node, path: &str) -> Option<Email> {
        let s = self.string(node, path)?;
        match Email::parse(&s) {
            Ok(e) => Some(e),
            Err(EmailError::Mailto(address)) => {
                let shown = address.clone();
                self.relaxed(
                    format!("`{s}` is a link; the address `{shown}` is used"),
                    &node.span,
                    path,
                )
                .with_hint_mut(format!("write the address alone: {shown}"));
                match Email::parse(&address) {
                    Ok(e) => Some(e),
                    Err(_) => self.bad_email(node, path, address, "it is not one address"),
                }
            }
            Err(EmailError::Invalid(why)) => self.bad_email(node, path, s, &why),
        }
    }

    fn bad_email(&mut self, node: &Node, path: &str, s: String, why: &str) -> Option<Email> {
        self.relaxed(
            format!("`{s}` is not an e-mail address ({why}); it is shown as text, not linked"),
            &node.span,
            path,
        )
        .with_hint_mut("write one address, such as name@example.com");
        Some(Email::unchecked(s))
    }

    /// Reads a date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `present`).
    pub fn date(&mut self, node: &Node, path: &str) -> Option<DateValue> {
        if let Value::Datetime(d) = &node.value {
            return match DateValue::parse(d) {
                Ok(v) => Some(v),
                Err(_) => {
                    self.error("expected a date without a time", &node.span, path)
                        .with_hint_mut("write the date as \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\"");
                    None
                }
            };
        }
        if let Value::Integer(y) = node.value
            && self.mode == Mode::Toml
        {
            self.error("expected a date in quotes", &node.span, path)
                .with_hint_mut(format!("write it as a string: \"{y}\""));
            return None;
        }
        let s = self.string(node, path)?;
        match DateValue::parse(&s) {
            Ok(DateValue::Present) if self.mode == Mode::JsonStrict => {
                self.error(format!("`{s}` is not an ISO 8601 date"), &node.span, path)
                    .with_hint_mut("JSON Resume leaves `endDate` out while a period goes on");
                None
            }
            Ok(v) => Some(v),
            Err(_) if self.mode == Mode::JsonLenient => {
                self.warning(
                    format!("`{s}` is not an ISO 8601 date; it is shown as written"),
                    &node.span,
                    path,
                )
                .with_hint_mut("write YYYY, YYYY-MM or YYYY-MM-DD so the date can be formatted");
                Some(DateValue::Text(s))
            }
            Err(e) => {
                self.error(
                    format!("invalid date `{s}`: {}", e.message),
                    &node.span,
                    path,
                )
                .with_hint_mut("write YYYY, YYYY-MM, YYYY-MM-DD or \"present\"");
                None
            }
        }
    }

    /// Reads an array, each element with `f`.
    pub fn array<T>(
        &mut self,
        node: &Node,
        path: &str,
        mut f: impl FnMut(&mut Cx, &Node, &str) -> Option<T>,
    ) -> Vec<T> {
        match &node.value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| f(self, item, &format!("{path}[{i}]")))
                .collect(),
            Value::Null => {
                self.null(node, path);
                Vec::new()
            }
            _ => {
                self.wrong_type(node, path, "an array");
                Vec::new()
            }
        }
    }

    /// Reads an array of strings.
    pub fn strings(&mut self, node: &Node, path: &str) -> Vec<String> {
        self.array(node, path, |cx, n, p| cx.string(n, p))
    }

    /// Reads bullets: strings, or (TOML) tables `{ text = "…", tags = […] }`.
    pub fn bullets(&mut self, node: &Node, path: &str) -> Vec<Bullet> {
        self.array(node, path, |cx, n, p| match &n.value {
            Value::Table(_) if cx.toml() => {
                let mut o = cx.obj(n, p)?;
                let text = o.req(cx, "text", |cx, n, p| cx.rich(n, p));
                let tags = o
                    .get(cx, "tags", |cx, n, p| Some(cx.strings(n, p)))
                    .unwrap_or_default();
                o.finish(cx, &["text", "tags"]);
                Some(Bullet { text: text?, tags })
            }
            _ => cx.rich(n, p).map(|text| Bullet {
                text,
                tags: Vec::new(),
            }),
        })
    }

    /// Converts the value at `path` to JSON for [`Extra`].
    pub fn json(&mut self, node: &Node, path: &str) -> serde_json::Value {
        use serde_json::Value as J;
        match &node.value {
            Value::Null => {
                self.unportable(
                    "TOML has no null, so this file cannot be converted to TOML".to_string(),
                    &node.span,
                    path,
                    SourceFormat::Toml,
                );
                J::Null
            }
            Value::Bool(b) => J::Bool(*b),
            Value::Integer(i) => J::from(*i),
            Value::BigInteger(digits) => {
                self.unportable(
                    format!("`{digits}` is beyond the 64-bit integers TOML holds, so this file cannot be converted to TOML"),
                    &node.span,
                    path,
                    SourceFormat::Toml,
                );
                match digits.parse::<u64>() {
                    Ok(n) => J::from(n),
                    Err(_) => {
                        self.unportable(
                            format!("`{digits}` is beyond the 64-bit integers this program keeps exactly, so this file cannot be converted"),
                            &node.span,
                            path,
                            SourceFormat::Json,
                        );
                        J::String(digits.clone())
                    }
                }
            }
            Value::Float(f) => match serde_json::Number::from_f64(*f) {
                Some(n) => J::Number(n),
                None => {
                    let written = self
                        .source
                        .get(node.span.clone())
                        .map_or_else(|| f.to_string(), |t| t.trim().to_string());
                    self.unportable(
                        format!("JSON cannot hold the number `{written}`, so this file cannot be converted to JSON Resume"),
                        &node.span,
                        path,
                        SourceFormat::Json,
                    );
                    J::Null
                }
            },
            Value::String(s) | Value::Datetime(s) => J::String(s.clone()),
            Value::Array(items) => J::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, n)| self.json(n, &format!("{path}[{i}]")))
                    .collect(),
            ),
            Value::Table(fields) => J::Object(
                fields
                    .iter()
                    .map(|f| (f.key.clone(), self.json(&f.node, &join(path, &f.key))))
                    .collect(),
            ),
        }
    }
}

/// How to write a value of the expected type at `path`, in the source's
/// own syntax.
fn type_hint(toml: bool, node: &Node, path: &str, expected: &str) -> Option<String> {
    // The key as written: the last part of the path, without an index.
    let last = path.rsplit('.').next().unwrap_or(path);
    let key = last.split('[').next().unwrap_or(last);
    let element = last.ends_with(']');
    let open = if toml {
        format!("{key} = ")
    } else {
        format!("\"{key}\": ")
    };
    let text = match &node.value {
        Value::String(s) if s.chars().count() <= 40 && !s.contains('"') => s.as_str(),
        _ => "…",
    };
    Some(match (expected, toml) {
        ("an array", _) if element => "write the items of this list one by one".to_string(),
        ("an array", _) => format!("write a list in brackets: {open}[\"{text}\"]"),
        ("a table", true) if element || key.is_empty() => {
            format!("write each entry as a `[[{key}]]` table with its keys on the lines below")
        }
        ("a table", true) => format!(
            "write a `[{path}]` table with its keys on the lines below, or {open}{{ key = \"…\" }}"
        ),
        ("an object", false) if element => {
            "write each entry as an object: { \"key\": \"…\" }".to_string()
        }
        ("an object", false) => format!("write an object: {open}{{ \"key\": \"…\" }}"),
        ("a string", _) => format!("write the text in double quotes: {open}\"…\""),
        _ => return None,
    })
}

/// Renders a float as its author most likely wrote it.
fn number_text(node: &Node) -> String {
    match node.value {
        Value::Integer(i) => i.to_string(),
        Value::BigInteger(ref digits) => digits.clone(),
        Value::Float(f) => {
            let s = f.to_string();
            if s.contains('.') { s } else { format!("{s}.0") }
        }
        _ => String::new(),
    }
}

/// Lets hints be added through the `&mut Diagnostic` the context returns.
pub(crate) trait HintMut {
    fn with_hint_mut(&mut self, hint: impl Into<String>) -> &mut Self;
}

impl HintMut for Diagnostic {
    fn with_hint_mut(&mut self, hint: impl Into<String>) -> &mut Self {
        self.hints.push(hint.into());
        self
    }
}

/// A table being read: remembers which keys were used so the rest can be
/// reported (TOML) or kept as extras (JSON).
#[derive(Debug)]
pub(crate) struct Obj<'n> {
    pub node: &'n Node,
    fields: &'n [Field],
    used: Vec<bool>,
    pub path: String,
}

impl<'n> Obj<'n> {
    fn child_path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The raw node of a key, marking it used.
    pub fn node(&mut self, key: &str) -> Option<&'n Node> {
        let i = self.fields.iter().position(|f| f.key == key)?;
        self.used[i] = true;
        Some(&self.fields[i].node)
    }

    /// The keys of the table that have been read so far.
    pub fn used_keys(&self) -> impl Iterator<Item = &str> {
        self.fields
            .iter()
            .zip(&self.used)
            .filter(|(_, used)| **used)
            .map(|(f, _)| f.key.as_str())
    }

    /// The span of a key as written, if the table has it.
    pub fn key_span(&self, key: &str) -> Option<Range<usize>> {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.key_span.clone())
    }

    /// Reads an optional key with `f`; null counts as absent.
    pub fn get<T>(
        &mut self,
        cx: &mut Cx,
        key: &str,
        f: impl FnOnce(&mut Cx, &Node, &str) -> Option<T>,
    ) -> Option<T> {
        let node = self.node(key)?;
        let path = self.child_path(key);
        f(cx, node, &path)
    }

    /// Reads a required key, reporting its absence.
    pub fn req<T>(
        &mut self,
        cx: &mut Cx,
        key: &str,
        f: impl FnOnce(&mut Cx, &Node, &str) -> Option<T>,
    ) -> Option<T> {
        let present = self.fields.iter().any(|f| f.key == key);
        // A misspelt key is reported as unknown with a did-you-mean; saying
        // the right key is missing as well would only repeat it.
        let misspelt = self
            .fields
            .iter()
            .any(|f| f.key != key && suggest(&f.key, &[key]).is_some());
        let value = self.get(cx, key, f);
        if !present && !misspelt && cx.toml() {
            let span = self.head_span();
            let path = self.child_path(key);
            let what = if cx.toml() { "table" } else { "object" };
            cx.lenient(format!("missing `{key}`"), &span, &path)
                .with_hint_mut(format!("add `{key}` to this {what}"));
        }
        value
    }

    /// Reads an optional array of records, each with `f`.
    pub fn array_of<T>(
        &mut self,
        cx: &mut Cx,
        key: &str,
        f: impl FnMut(&mut Cx, &Node, &str) -> Option<T>,
    ) -> Vec<T> {
        self.get(cx, key, |cx, n, p| Some(cx.array(n, p, f)))
            .unwrap_or_default()
    }

    pub fn str(&mut self, cx: &mut Cx, key: &str) -> Option<String> {
        self.get(cx, key, |cx, n, p| cx.string(n, p))
    }

    pub fn rich(&mut self, cx: &mut Cx, key: &str) -> Option<Rich> {
        self.get(cx, key, |cx, n, p| cx.rich(n, p))
    }

    pub fn url(&mut self, cx: &mut Cx, key: &str) -> Option<LinkTarget> {
        self.get(cx, key, |cx, n, p| cx.url(n, p))
    }

    pub fn date(&mut self, cx: &mut Cx, key: &str) -> Option<DateValue> {
        self.get(cx, key, |cx, n, p| cx.date(n, p))
    }

    pub fn strings(&mut self, cx: &mut Cx, key: &str) -> Vec<String> {
        self.get(cx, key, |cx, n, p| Some(cx.strings(n, p)))
            .unwrap_or_default()
    }

    pub fn bullets(&mut self, cx: &mut Cx, key: &str) -> Vec<Bullet> {
        self.get(cx, key, |cx, n, p| Some(cx.bullets(n, p)))
            .unwrap_or_default()
    }

    /// Reads `start`/`end` under the given keys and checks their order.
    pub fn period(&mut self, cx: &mut Cx, start_key: &str, end_key: &str) -> Period {
        let start = self.date(cx, start_key);
        let end = self.date(cx, end_key);
        if let (Some(DateValue::Date(s)), Some(DateValue::Date(e))) = (&start, &end)
            && s.is_after(*e)
        {
            let span = self
                .node(end_key)
                .map(|n| n.span.clone())
                .unwrap_or_else(|| self.head_span());
            let path = self.child_path(end_key);
            cx.relaxed(
                format!("the end ({e}) is before the start ({s})"),
                &span,
                &path,
            )
            .with_hint_mut("swap the two dates or correct one of them");
        }
        if matches!(start, Some(DateValue::Present)) {
            let span = self
                .node(start_key)
                .map(|n| n.span.clone())
                .unwrap_or_else(|| self.head_span());
            let path = self.child_path(start_key);
            cx.error("a start date cannot be `present`", &span, &path)
                .with_hint_mut(format!(
                    "give the start as YYYY-MM and put \"present\" in `{end_key}`"
                ));
        }
        Period { start, end }
    }

    /// Reads the tags of an entry.
    pub fn tags(&mut self, cx: &mut Cx) -> Vec<String> {
        self.strings(cx, "tags")
    }

    /// Reads the `extra` table (TOML) into JSON values kept for round trips.
    pub fn extra_table(&mut self, cx: &mut Cx) -> Extra {
        match self.node("extra") {
            Some(node) => match cx.json(node, &self.child_path("extra")) {
                serde_json::Value::Object(map) => map,
                _ => {
                    let path = self.child_path("extra");
                    cx.wrong_type(node, &path, "a table");
                    Extra::new()
                }
            },
            None => Extra::new(),
        }
    }

    /// The span to point at for the table as a whole: the start of its
    /// header or brace, else its first key.
    fn head_span(&self) -> Range<usize> {
        // A table's span starts at its header (`[[work]]`) or its brace.
        if !self.node.span.is_empty() {
            let s = self.node.span.start;
            return s..s + 1;
        }
        self.fields
            .first()
            .map_or(self.node.span.clone(), |f| f.key_span.clone())
    }

    /// Ends reading: unknown keys are errors with a did-you-mean (TOML).
    pub fn finish(self, cx: &mut Cx, known: &[&str]) {
        for (field, used) in self.fields.iter().zip(&self.used) {
            if *used {
                continue;
            }
            let path = self.child_path(&field.key);
            let what = if self.path.is_empty() {
                "at the top level".to_string()
            } else {
                format!("in `{}`", self.path)
            };
            let d = cx.error(
                format!("unknown key `{}` {what}", field.key),
                &field.key_span,
                &path,
            );
            match suggest(&field.key, known) {
                Some(s) => d.with_hint_mut(format!("did you mean `{s}`?")),
                None => d.with_hint_mut(format!("known keys here: {}", known.join(", "))),
            };
        }
    }

    /// Ends reading: keys not used are returned as extras (JSON Resume allows
    /// additional properties).
    pub fn rest(self, cx: &mut Cx, known: &[&str]) -> Extra {
        // Nothing a file holds disappears silently: every key kept only
        // for conversions is named, with the standard key it resembles.
        let visible: Vec<&str> = known
            .iter()
            .copied()
            .filter(|k| !matches!(*k, "$schema" | "meta" | "tags"))
            .collect();
        for (field, used) in self.fields.iter().zip(&self.used) {
            if *used {
                continue;
            }
            let path = self.child_path(&field.key);
            let hint = match (
                suggest_close(&field.key, known),
                suggest(&field.key, &visible),
            ) {
                (Some(s), _) => format!("did you mean `{s}`?"),
                (None, Some(s)) => {
                    format!("if it means what `{s}` does, rename it to `{s}` to show it")
                }
                (None, None) => format!("the keys shown here are: {}", visible.join(", ")),
            };
            cx.warning(
                format!("unknown key `{}` is kept but not shown", field.key),
                &field.key_span,
                &path,
            )
            .with_hint_mut(hint);
        }
        self.fields
            .iter()
            .zip(&self.used)
            .filter(|(_, used)| !**used)
            .map(|(f, _)| (f.key.clone(), cx.json(&f.node, &self.child_path(&f.key))))
            .collect()
    }
}

/// A known key that `key` is almost certainly a typo of: the same but for
/// case, or within two edits of a long enough key. Stricter than
/// [`suggest`], because JSON Resume allows keys of one's own (`teamSize` is
/// not a typo of `team`).
fn suggest_close<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    known.iter().copied().find(|k| {
        key != *k
            && (key.eq_ignore_ascii_case(k)
                || (k.len() >= 5
                    && strsim::damerau_levenshtein(&key.to_lowercase(), &k.to_lowercase()) <= 2))
    })
}

/// The known key closest to `key`, if it is close enough to be a typo.
pub(crate) fn suggest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = key.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(&lower, &k.to_lowercase()), *k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}
