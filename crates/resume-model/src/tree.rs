//! A source-independent tree of spanned values.
//!
//! TOML and JSON sources are both read into [`Node`]s first, so validation,
//! error messages and spans are written once for both formats.

use std::ops::Range;

/// A value with the byte range it was read from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub span: Range<usize>,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Integer(i64),
    Float(f64),
    /// A JSON integer beyond 64 bits, as written.
    BigInteger(String),
    String(String),
    /// A TOML date or datetime literal, as written.
    Datetime(String),
    Array(Vec<Node>),
    Table(Vec<Field>),
}

/// A key of a table with its value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Field {
    pub key: String,
    pub key_span: Range<usize>,
    pub node: Node,
}

impl Value {
    /// The name of the type as an author would say it, for messages.
    pub fn type_name(&self, toml: bool) -> &'static str {
        match (self, toml) {
            (Value::Null, _) => "null",
            (Value::Bool(_), _) => "a boolean",
            (Value::Integer(_), _) => "an integer",
            (Value::Float(_) | Value::BigInteger(_), _) => "a number",
            (Value::String(_), _) => "a string",
            (Value::Datetime(_), _) => "a date",
            (Value::Array(_), _) => "an array",
            (Value::Table(_), true) => "a table",
            (Value::Table(_), false) => "an object",
        }
    }
}

/// Reads TOML into a tree. Syntax errors come back as diagnostics.
pub(crate) fn from_toml(source: &str) -> Result<Node, Vec<crate::Diagnostic>> {
    use toml::de::DeTable;
    let (table, errors) = DeTable::parse_recoverable(source);
    if !errors.is_empty() {
        return Err(errors
            .into_iter()
            .map(|e| {
                let message = e.message().trim().trim_end_matches('.').to_string();
                // TOML allows no control character in a string as it is;
                // say which one stands there (it prints as its picture).
                let control = e
                    .span()
                    .and_then(|span| source.get(span.start..)?.chars().next())
                    .filter(|c| crate::controls::is_control(*c) && *c != '\r');
                let hint = match control {
                    Some(c) => format!(
                        "fix the TOML syntax at this place; the control character {} cannot stand in text: delete it",
                        crate::controls::describe(c)
                    ),
                    None => syntax_hint(&message).to_string(),
                };
                crate::Diagnostic::error(message, e.span(), "").with_hint(hint)
            })
            .collect());
    }
    let span = table.span();
    Ok(Node {
        span,
        value: Value::Table(toml_table(table.into_inner(), source)),
    })
}

/// What to do about a TOML syntax error, by what the parser says: the
/// reminder about quotes only where a value lacks them.
fn syntax_hint(message: &str) -> &'static str {
    let has = |s: &str| message.contains(s);
    if has("must be quoted") || has("invalid boolean") || has("invalid number") {
        "fix the TOML syntax at this place; text values need \"double quotes\": name = \"Ann Lee\""
    } else if has("basic string") || has("literal string") {
        "fix the TOML syntax at this place; close the string on the same line, as text over several lines goes in \"\"\"triple quotes\"\"\""
    } else if has("duplicate key") {
        "fix the TOML syntax at this place; a key is given once per table, so remove or rename one"
    } else if has("unclosed array") {
        "fix the TOML syntax at this place; a list is closed with `]` and its items are separated by commas"
    } else if has("unclosed table") {
        "fix the TOML syntax at this place; a table header is closed with `]` (`[[work]]` for each entry of a list)"
    } else if has("unclosed inline table") {
        "fix the TOML syntax at this place; an inline table is closed with `}` on the same line"
    } else {
        "fix the TOML syntax at this place"
    }
}

fn toml_table(table: toml::de::DeTable<'_>, source: &str) -> Vec<Field> {
    table
        .into_iter()
        .map(|(key, value)| Field {
            key: key.get_ref().to_string(),
            key_span: key.span(),
            node: toml_node(value, source),
        })
        .collect()
}

fn toml_node(value: toml::Spanned<toml::de::DeValue<'_>>, source: &str) -> Node {
    use toml::de::DeValue;
    let span = value.span();
    let value = match value.into_inner() {
        DeValue::String(s) => Value::String(s.into_owned()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Value::Integer(n),
            Err(_) => Value::String(i.as_str().to_string()),
        },
        DeValue::Float(f) => Value::Float(f.as_str().replace('_', "").parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Value::Bool(b),
        // As written, so a conversion keeps the text exactly.
        DeValue::Datetime(d) => Value::Datetime(
            source
                .get(span.clone())
                .map_or_else(|| d.to_string(), |t| t.trim().to_string()),
        ),
        DeValue::Array(a) => Value::Array(a.into_iter().map(|v| toml_node(v, source)).collect()),
        DeValue::Table(t) => Value::Table(toml_table(t, source)),
    };
    Node { span, value }
}

/// Reads JSON into a tree. Comments (`//` and `/* */`) and trailing commas,
/// which real JSON Resume files carry although JSON (RFC 8259) has neither,
/// are read, each kind with a warning at its first place that `check`
/// counts as an error; anything else outside JSON is a syntax error.
pub(crate) fn from_json(
    source: &str,
) -> Result<(Node, Vec<crate::Diagnostic>), Vec<crate::Diagnostic>> {
    use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions, parse_to_ast};
    let options = ParseOptions {
        allow_comments: true,
        allow_loose_object_property_names: false,
        allow_trailing_commas: true,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::AsTokens,
        tokens: true,
    };
    match parse_to_ast(source, &collect, &options) {
        Ok(result) => match result.value {
            Some(v) => {
                let tokens = result.tokens.unwrap_or_default();
                Ok((json_node(v), json_leniencies(&tokens)))
            }
            None => Err(vec![
                crate::Diagnostic::error("the file is empty", Some(0..0), "").with_hint(
                    "a JSON Resume file is one object: { \"basics\": { \"name\": \"…\" } }",
                ),
            ]),
        },
        Err(e) => {
            let r = e.range();
            Err(vec![
                crate::Diagnostic::error(
                    e.kind().to_string().to_lowercase(),
                    // One character wide, but never past the end of the
                    // source (an error at its very end is found by fuzzing).
                    Some(r.start.min(source.len())..r.end.max(r.start + 1).min(source.len())),
                    "",
                )
                .with_hint("fix the JSON syntax at this place"),
            ])
        }
    }
}

/// One warning per kind of departure from JSON (comments, trailing commas)
/// at its first place, saying how many there are; `check` counts each as
/// an error.
fn json_leniencies(tokens: &[jsonc_parser::tokens::TokenAndRange<'_>]) -> Vec<crate::Diagnostic> {
    use jsonc_parser::tokens::Token;
    let mut comments = Vec::new();
    let mut commas = Vec::new();
    let mut last_comma: Option<std::ops::Range<usize>> = None;
    for t in tokens {
        let range = t.range.start..t.range.end;
        match t.token {
            Token::CommentLine(_) | Token::CommentBlock(_) => {
                comments.push(range);
                continue;
            }
            Token::CloseBrace | Token::CloseBracket => {
                if let Some(comma) = last_comma.take() {
                    commas.push(comma);
                }
            }
            _ => {}
        }
        last_comma = matches!(t.token, Token::Comma).then_some(range);
    }
    // One warning for each kind, at its first place, counting the rest.
    let skipped = |places: &[Range<usize>], what: &str, hint: &str| {
        let first = places.first()?;
        let times = match places.len() {
            1 => String::new(),
            n => format!(" ({n} in the file)"),
        };
        let mut d = crate::Diagnostic::warning(format!("{what}{times}"), Some(first.clone()), "")
            .with_hint(hint);
        d.counts = crate::diag::Counts::ErrorInCheck;
        Some(d)
    };
    [
        skipped(
            &comments,
            "JSON has no comments; this one is skipped",
            "remove the comments so that every JSON reader accepts the file",
        ),
        skipped(
            &commas,
            "JSON allows no comma before a closing bracket; it is skipped",
            "remove the comma after the last item",
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn json_node(v: jsonc_parser::ast::Value<'_>) -> Node {
    use jsonc_parser::ast::{ObjectPropName, Value as J};
    let span = |r: jsonc_parser::common::Range| r.start..r.end;
    match v {
        J::StringLit(s) => Node {
            span: span(s.range),
            value: Value::String(s.value.into_owned()),
        },
        J::NumberLit(n) => {
            let integer = !n.value.contains(['.', 'e', 'E']);
            let value = match n.value.parse::<i64>() {
                Ok(i) => Value::Integer(i),
                // An integer beyond 64 bits is kept as written: neither the
                // model's JSON values nor TOML hold it as a number.
                Err(_) if integer => Value::BigInteger(n.value.to_string()),
                Err(_) => Value::Float(n.value.parse().unwrap_or(f64::NAN)),
            };
            Node {
                span: span(n.range),
                value,
            }
        }
        J::BooleanLit(b) => Node {
            span: span(b.range),
            value: Value::Bool(b.value),
        },
        J::NullKeyword(n) => Node {
            span: span(n.range),
            value: Value::Null,
        },
        J::Array(a) => Node {
            span: span(a.range),
            value: Value::Array(a.elements.into_iter().map(json_node).collect()),
        },
        J::Object(o) => Node {
            span: span(o.range),
            value: Value::Table(
                o.properties
                    .into_iter()
                    .map(|p| {
                        let (key, key_span) = match p.name {
                            ObjectPropName::String(s) => (s.value.into_owned(), span(s.range)),
                            ObjectPropName::Word(w) => (w.value.to_string(), span(w.range)),
                        };
                        Field {
                            key,
                            key_span,
                            node: json_node(p.value),
                        }
                    })
                    .collect(),
            ),
        },
    }
}

/// Keeps the last of keys a JSON object gives twice, as JavaScript and most
/// JSON readers do, with a warning at each value left out that says which
/// one is kept.
pub(crate) fn json_duplicates(node: &mut Node, source: &str) -> Vec<crate::Diagnostic> {
    let mut diags = Vec::new();
    let lines = crate::LineIndex::new(source);
    dedupe(node, "", &lines, &mut diags);
    diags
}

fn dedupe(
    node: &mut Node,
    path: &str,
    lines: &crate::LineIndex<'_>,
    diags: &mut Vec<crate::Diagnostic>,
) {
    match &mut node.value {
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                dedupe(item, &format!("{path}[{i}]"), lines, diags);
            }
        }
        Value::Table(fields) => {
            let mut keep = vec![true; fields.len()];
            for i in 0..fields.len() {
                if let Some(later) = fields[i + 1..].iter().position(|f| f.key == fields[i].key) {
                    keep[i] = false;
                    let kept = &fields[i + 1 + later];
                    let (line, col) = lines.line_col(kept.key_span.start);
                    let child = child_path(path, &fields[i].key);
                    diags.push(
                        crate::Diagnostic::warning(
                            format!(
                                "`{}` is given twice in this object; the value at {line}:{col} is kept and this one is ignored",
                                fields[i].key
                            ),
                            Some(fields[i].key_span.clone()),
                            child,
                        )
                        .with_hint("remove one of the two"),
                    );
                }
            }
            let mut i = 0;
            fields.retain(|_| {
                i += 1;
                keep[i - 1]
            });
            for field in fields {
                let child = child_path(path, &field.key);
                dedupe(&mut field.node, &child, lines, diags);
            }
        }
        _ => {}
    }
}

fn child_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_json_syntax_error_at_the_end_points_inside_the_source() {
        let source = "{\"basics\": {\"name\": ";
        let errors = super::from_json(source).expect_err("truncated");
        let span = errors[0].span.clone().expect("located");
        assert!(span.end <= source.len(), "{span:?}");
    }
}
