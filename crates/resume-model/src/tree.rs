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
            (Value::Float(_), _) => "a number",
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
                crate::Diagnostic::error(message, e.span(), "")
                    .with_hint("fix the TOML syntax at this place; strings need \"double quotes\"")
            })
            .collect());
    }
    let span = table.span();
    Ok(Node {
        span,
        value: Value::Table(toml_table(table.into_inner())),
    })
}

fn toml_table(table: toml::de::DeTable<'_>) -> Vec<Field> {
    table
        .into_iter()
        .map(|(key, value)| Field {
            key: key.get_ref().to_string(),
            key_span: key.span(),
            node: toml_node(value),
        })
        .collect()
}

fn toml_node(value: toml::Spanned<toml::de::DeValue<'_>>) -> Node {
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
        DeValue::Datetime(d) => Value::Datetime(d.to_string()),
        DeValue::Array(a) => Value::Array(a.into_iter().map(toml_node).collect()),
        DeValue::Table(t) => Value::Table(toml_table(t)),
    };
    Node { span, value }
}
