//! GitHub-flavoured Markdown output: the résumé as a profile README or a
//! page of a static site. Headings are the document's (the name a level-1
//! heading, sections level 2, entries level 3), emphasis and links are the
//! text's own, and every character Markdown would read as syntax is
//! escaped, so the rendered page shows exactly the document's words.

use resume_document::{
    Design, Document, Entry, Format, FormatError, LineKind, Output, SectionBody, Shared, Span, Text,
};

/// Renders a document as Markdown. Deterministic: the same document gives
/// the same string.
pub fn markdown(doc: &Document) -> String {
    let design = Design::natural(&doc.theme);
    let separator = format!(" {} ", design.separator.trim());
    let mut out = String::new();
    let h = &doc.header;
    out.push_str(&format!("# {}\n", escape(h.name.trim())));
    if let Some(headline) = h
        .headline
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        out.push_str(&format!("\n**{}**\n", escape(headline)));
    }
    let contacts: Vec<String> = h
        .contacts
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .map(|c| {
            let prefix = c
                .prefix(false)
                .map(|p| format!("{} ", escape(p)))
                .unwrap_or_default();
            match &c.url {
                Some(url) => format!("{prefix}[{}]({})", escape(c.text.trim()), destination(url)),
                None => format!("{prefix}{}", escape(c.text.trim())),
            }
        })
        .collect();
    if !contacts.is_empty() {
        out.push_str(&format!("\n{}\n", contacts.join(&separator)));
    }
    for section in &doc.sections {
        out.push_str(&format!("\n## {}\n", escape(section.title.trim())));
        match &section.body {
            SectionBody::Entries(entries) => {
                for e in entries {
                    entry(&mut out, e, 3, &separator);
                }
            }
            SectionBody::Paragraphs(paragraphs) => {
                for p in paragraphs {
                    out.push_str(&format!("\n{}\n", first_inline(p)));
                }
            }
            SectionBody::List(items) => {
                out.push('\n');
                for item in items {
                    out.push_str(&format!("- {}\n", inline(item)));
                }
            }
        }
    }
    out
}

/// An entry: a heading, a line with its dates and place, its lines and
/// its bullets; roles one heading level down.
fn entry(out: &mut String, e: &Entry, level: usize, separator: &str) {
    out.push_str(&format!(
        "\n{} {}\n",
        "#".repeat(level.min(6)),
        inline(&e.title)
    ));
    let when: Vec<String> = [e.dates.as_ref().map(|d| d.display()), e.location.clone()]
        .into_iter()
        .flatten()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .map(|s| escape(&s))
        .collect();
    // As in every format: one thing beside the heading (the dates, or the
    // place) reads right after it; the dates and the place together read
    // after the lines beside them.
    let mut lines: Vec<String> = Vec::new();
    let when_line = (!when.is_empty()).then(|| format!("*{}*", when.join(separator)));
    let both = when.len() > 1;
    if !both {
        lines.extend(when_line.clone());
    }
    for l in &e.lines {
        let text = inline(&l.text);
        if text.is_empty() {
            continue;
        }
        lines.push(match l.kind {
            LineKind::Keywords => format!("*{text}*"),
            LineKind::Subtitle | LineKind::Detail => first_inline(&l.text),
        });
    }
    if both {
        lines.extend(when_line);
    }
    if !lines.is_empty() {
        // Two trailing spaces: one paragraph, one line each.
        out.push_str(&format!("\n{}\n", lines.join("  \n")));
    }
    if !e.bullets.is_empty() {
        out.push('\n');
        for b in &e.bullets {
            out.push_str(&format!("- {}\n", inline(b)));
        }
    }
    for role in &e.roles {
        entry(out, role, level + 1, separator);
    }
}

/// Rich text as Markdown: emphasis, strong, code and links kept.
fn inline(text: &Text) -> String {
    text.spans
        .iter()
        .map(span)
        .collect::<String>()
        .trim()
        .to_string()
}

/// [`inline`] for text that starts a line.
fn first_inline(text: &Text) -> String {
    let mut spans = text.spans.iter();
    let Some(first) = spans.next() else {
        return String::new();
    };
    let plain = !first.strong && !first.emphasis && !first.code && first.link.is_none();
    let head = if plain {
        line_start(first.text.trim_start())
    } else {
        span(first)
    };
    (head + &spans.map(span).collect::<String>())
        .trim()
        .to_string()
}

fn span(s: &Span) -> String {
    if s.text.is_empty() {
        return String::new();
    }
    // Emphasis markers must touch the words they mark: spaces stay outside.
    let body = s.text.trim();
    let lead = &s.text[..s.text.len() - s.text.trim_start().len()];
    let trail = &s.text[s.text.trim_end().len()..];
    if body.is_empty() {
        return s.text.clone();
    }
    let mut t = if s.code { code(body) } else { escape(body) };
    if s.emphasis {
        t = format!("*{t}*");
    }
    if s.strong {
        t = format!("**{t}**");
    }
    if let Some(url) = &s.link {
        t = format!("[{t}]({})", destination(url));
    }
    format!("{lead}{t}{trail}")
}

/// Inline code with a fence longer than any run of backticks inside.
fn code(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Text with the characters Markdown could read as inline syntax escaped:
/// emphasis, code, links, raw HTML, strikethrough and entities. What only
/// means something at the start of a line is handled by [`line_start`].
pub fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // "&amp;" would be read as an entity.
            '&' if entity_follows(&chars[i + 1..]) => out.push_str("\\&"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn entity_follows(rest: &[char]) -> bool {
    let name: usize = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// Escaped text that starts a line: a heading mark, a list or quote marker,
/// or an ordered-list number would otherwise change the block.
fn line_start(text: &str) -> String {
    let escaped = escape(text);
    let mut chars = escaped.chars();
    match chars.next() {
        Some(c @ ('#' | '-' | '+' | '>' | '=' | '|')) => format!("\\{c}{}", chars.as_str()),
        Some(c) if c.is_ascii_digit() => {
            let digits = escaped.chars().take_while(char::is_ascii_digit).count();
            let rest = &escaped[digits..];
            match rest.chars().next() {
                Some(m @ ('.' | ')')) => format!("{}\\{m}{}", &escaped[..digits], &rest[1..]),
                _ => escaped,
            }
        }
        _ => escaped,
    }
}

/// A link destination in angle brackets, so spaces and parentheses in it
/// cannot end it early.
fn destination(url: &str) -> String {
    let safe: String = url
        .chars()
        .flat_map(|c| match c {
            '<' => "%3C".chars().collect::<Vec<_>>(),
            '>' => "%3E".chars().collect(),
            ' ' => "%20".chars().collect(),
            c if c.is_control() => Vec::new(),
            c => vec![c],
        })
        .collect();
    format!("<{safe}>")
}

/// The Markdown backend as a [`Format`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Markdown;

impl Format for Markdown {
    fn extension(&self) -> &'static str {
        "md"
    }

    fn render(&self, document: &Document, _: &Shared) -> Result<Output, FormatError> {
        Ok(Output {
            bytes: markdown(document).into_bytes(),
            pages: None,
            notes: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_in_the_text_is_escaped() {
        assert_eq!(
            escape("C++ *fast* [x](y) #1 a_b 3.95"),
            "C++ \\*fast\\* \\[x\\](y) #1 a\\_b 3.95"
        );
        assert_eq!(escape("R&D &amp;"), "R&D \\&amp;");
        assert_eq!(line_start("# not a heading"), "\\# not a heading");
        assert_eq!(line_start("2020. A year"), "2020\\. A year");
        assert_eq!(line_start("- x"), "\\- x");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(
            destination("https://x.io/a b(c)"),
            "<https://x.io/a%20b(c)>"
        );
    }

    #[test]
    fn spans_keep_their_emphasis_and_links() {
        let t = Text {
            spans: vec![
                Span::strong("Acme"),
                Span::plain(" • "),
                Span {
                    text: "site".into(),
                    link: resume_document::SafeUrl::parse("https://acme.io").ok(),
                    ..Span::default()
                },
            ],
        };
        assert_eq!(inline(&t), "**Acme** • [site](<https://acme.io>)");
    }
}
