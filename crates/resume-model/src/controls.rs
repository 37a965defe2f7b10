//! One rule for control characters: they are removed where a source is
//! read, with a located warning, so that every output shows the same text
//! and none carries a character that acts on a terminal or a parser.

use crate::diag::Diagnostic;
use crate::tree::{Node, Value};

/// Whether a character is one no résumé text should hold: C0 controls but
/// tab and line feed, DEL, C1 controls, and the noncharacters U+FFFE and
/// U+FFFF.
pub fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
}

/// A control character as a message names it: `U+001B (escape)`.
pub fn describe(c: char) -> String {
    let name = match c {
        '\0' => " (null)",
        '\u{7}' => " (bell)",
        '\u{8}' => " (backspace)",
        '\u{c}' => " (form feed)",
        '\r' => " (carriage return)",
        '\u{1b}' => " (escape)",
        '\u{7f}' => " (delete)",
        '\u{9b}' => " (control sequence introducer)",
        '\u{fffe}' | '\u{ffff}' => " (a noncharacter)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// Removes control characters from every string and key of a tree, with
/// one warning per value that had any, pointing at the first one the
/// source holds as it is (else at the whole value: it was escaped).
pub(crate) fn strip(root: &mut Node, source: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    walk(root, source, &Path::Root, &mut diags);
    diags
}

/// Where a value stands, spelled out only for a diagnostic: most values
/// have nothing to warn about.
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn render(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.render(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.render(out);
                out.push_str(&format!("[{i}]"));
            }
        }
    }
}

fn walk(node: &mut Node, source: &str, path: &Path<'_>, diags: &mut Vec<Diagnostic>) {
    match &mut node.value {
        Value::String(s) => clean(s, &node.span, source, path, "text", diags),
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                walk(item, source, &Path::Index(path, i), diags);
            }
        }
        Value::Table(fields) => {
            for field in fields {
                if field.key.chars().any(is_control) {
                    // The path names the key as cleaned: a diagnostic never
                    // prints the character it warns about.
                    let cleaned: String = field.key.chars().filter(|c| !is_control(*c)).collect();
                    clean(
                        &mut field.key,
                        &field.key_span,
                        source,
                        &Path::Key(path, &cleaned),
                        "key",
                        diags,
                    );
                }
                walk(&mut field.node, source, &Path::Key(path, &field.key), diags);
            }
        }
        _ => {}
    }
}

fn clean(
    text: &mut String,
    span: &std::ops::Range<usize>,
    source: &str,
    path: &Path<'_>,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    if !text.chars().any(is_control) {
        return;
    }
    // A line end written as CR LF inside a multi-line string is a line end.
    if text.contains("\r\n") {
        *text = text.replace("\r\n", "\n");
        if !text.chars().any(is_control) {
            return;
        }
    }
    let mut found: Vec<char> = Vec::new();
    for c in text.chars().filter(|c| is_control(*c)) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    text.retain(|c| !is_control(c));
    let written = source.get(span.clone()).unwrap_or("");
    let at = written
        .char_indices()
        .find(|(_, c)| found.contains(c))
        .map_or(span.clone(), |(i, c)| {
            span.start + i..span.start + i + c.len_utf8()
        });
    let names: Vec<String> = found.iter().map(|c| describe(*c)).collect();
    let (noun, them, they) = if found.len() == 1 {
        ("control character", "it", "it")
    } else {
        ("control characters", "them", "they")
    };
    diags.push(
        Diagnostic::warning(
            format!("{noun} {} removed from this {what}", names.join(", ")),
            Some(at),
            {
                let mut out = String::new();
                path.render(&mut out);
                out
            },
        )
        .with_hint(format!(
            "delete {them} from the source: no format can show {them}, and in a terminal {they} may act"
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_characters_are_controls() {
        for c in [
            '\0', '\u{7}', '\u{1b}', '\r', '\u{7f}', '\u{85}', '\u{9b}', '\u{fffe}', '\u{ffff}',
        ] {
            assert!(is_control(c), "{c:?}");
        }
        for c in ['\t', '\n', ' ', 'é', '\u{a0}', '\u{200b}', '\u{fffd}'] {
            assert!(!is_control(c), "{c:?}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(describe('\u{1b}'), "U+001B (escape)");
        assert_eq!(describe('\u{2}'), "U+0002");
        assert_eq!(describe('\u{ffff}'), "U+FFFF (a noncharacter)");
    }
}
