//! Plain-text output for e-mails and the text boxes of application portals:
//! wrapped to a width in display columns, no markup residue, links spelled
//! out, optionally pure ASCII.

use resume_document::{
    Contact, Design, Document, Entry, Format, FormatError, Output, Scheme, SectionBody, Shared,
    Text,
};
use unicode_width::UnicodeWidthStr;

/// How the text is laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextOptions {
    /// Maximum line width in display columns (a CJK character takes two).
    pub width: usize,
    /// Replace typographic characters (• – — “ ” é) with ASCII equivalents.
    pub ascii: bool,
}

impl Default for TextOptions {
    fn default() -> TextOptions {
        TextOptions {
            width: 78,
            ascii: false,
        }
    }
}

/// The narrowest width that still lays out sensibly.
pub const MIN_WIDTH: usize = 30;

/// Indent of bullet text; the bullet hangs in it.
const BULLET_INDENT: usize = 4;

/// Renders a document as plain text. Deterministic: the same document and
/// options give the same string.
pub fn text(doc: &Document, options: &TextOptions) -> String {
    let width = options.width.max(MIN_WIDTH);
    // The separator and the bullet are the theme's, as in every format;
    // the rest of the look (capitals, rules of box-drawing characters) is
    // what plain text has instead of type.
    let design = Design::natural(&doc.theme);
    let mut w = Writer {
        out: String::new(),
        width,
        separator: plain_separator(&design.separator),
        bullet: plain_bullet(&design.bullet),
    };

    // The name wraps like every other line: `--width` is a promise about
    // every line of the file.
    w.wrapped(&resume_document::upper(&doc.header.name), "", "");
    if let Some(h) = &doc.header.headline {
        w.wrapped(h, "", "");
    }
    let separator = w.separator.clone();
    w.items(
        &doc.header
            .contacts
            .iter()
            .map(|c| contact(c, &doc.meta))
            .collect::<Vec<_>>(),
        &separator,
    );

    for section in &doc.sections {
        w.blank();
        w.blank();
        let title = wrap(&resume_document::upper(&section.title), width, "", "");
        let rule = "─".repeat(title.iter().map(|l| l.width()).max().unwrap_or(0));
        for l in &title {
            w.line(l);
        }
        w.line(&rule);
        match &section.body {
            SectionBody::Paragraphs(ps) => {
                for (i, p) in ps.iter().enumerate() {
                    if i > 0 {
                        w.blank();
                    }
                    w.wrapped(&plain(p), "", "");
                }
            }
            SectionBody::List(items) => {
                for item in items {
                    let first = format!("{} ", w.bullet);
                    let rest = " ".repeat(first.width());
                    w.wrapped(&plain(item), &first, &rest);
                }
            }
            SectionBody::Entries(entries) => {
                for (i, e) in entries.iter().enumerate() {
                    if i > 0 {
                        w.blank();
                    }
                    w.entry(e, "");
                }
            }
        }
    }
    let mut out = w.out;
    if options.ascii {
        out = to_ascii(&out);
    }
    out
}

/// The design's separator with one space either side; a separator of
/// spaces alone reads as one run-on line in plain text, so it becomes a
/// bar.
fn plain_separator(sep: &str) -> String {
    match sep.trim() {
        "" => " | ".to_string(),
        glyph => format!(" {glyph} "),
    }
}

/// The design's bullet when it takes one column, else "•".
fn plain_bullet(bullet: &str) -> String {
    let b = bullet.trim();
    if b.width() == 1 {
        b.to_string()
    } else {
        "•".to_string()
    }
}

/// Plain text as a [`Format`]: `.txt`, wrapped to `options.width`.
#[derive(Debug, Clone, Default)]
pub struct PlainText {
    pub options: TextOptions,
}

impl Format for PlainText {
    fn extension(&self) -> &'static str {
        "txt"
    }

    fn render(&self, document: &Document, _shared: &Shared) -> Result<Output, FormatError> {
        Ok(Output {
            bytes: text(document, &self.options).into_bytes(),
            pages: None,
            notes: Vec::new(),
        })
    }
}

/// A contact as it reads without links: the address spelled out, after
/// the shown text when that text says something the address does not.
fn contact(c: &Contact, meta: &resume_document::Meta) -> String {
    match &c.url {
        Some(url) if url.is_web() => {
            if c.text == c.label || url.contains(&c.text) {
                meta.labelled(&c.label, url)
            } else {
                meta.labelled(&c.label, &format!("{} ({url})", c.text))
            }
        }
        _ => c.text.clone(),
    }
}

/// Text without styling; links spelled out after their text.
fn plain(t: &Text) -> String {
    let mut out = String::new();
    for s in &t.spans {
        out.push_str(&s.text);
        if let Some(url) = &s.link {
            let shown = match url.scheme() {
                Scheme::Mailto => url.after_scheme(),
                _ => url.as_str(),
            };
            if s.text.trim() != shown && s.text.trim() != url.as_str() {
                out.push_str(&format!(" ({shown})"));
            }
        }
    }
    out
}

struct Writer {
    out: String,
    width: usize,
    /// Between items of one line: the design's separator, single-spaced.
    separator: String,
    /// The design's bullet glyph, one column wide.
    bullet: String,
}

impl Writer {
    fn line(&mut self, s: &str) {
        self.out.push_str(s.trim_end());
        self.out.push('\n');
    }

    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    /// Wraps `s`, starting with `first` and indenting later lines with `rest`.
    fn wrapped(&mut self, s: &str, first: &str, rest: &str) {
        for l in wrap(s, self.width, first, rest) {
            self.line(&l);
        }
    }

    /// Items separated by `sep`, packed onto lines without splitting an item
    /// unless it alone is wider than a line.
    fn items(&mut self, items: &[String], sep: &str) {
        let mut line = String::new();
        for item in items {
            let candidate = if line.is_empty() {
                item.clone()
            } else {
                format!("{line}{sep}{item}")
            };
            if candidate.width() <= self.width || line.is_empty() {
                line = candidate;
            } else {
                self.wrapped(&line, "", "");
                line = item.clone();
            }
        }
        if !line.is_empty() {
            self.wrapped(&line, "", "");
        }
    }

    /// An entry: the title with its dates beside it when they fit, or with
    /// dates and location on a line of their own under the heading.
    fn entry(&mut self, e: &Entry, indent: &str) {
        let title = plain(&e.title);
        let dates = e
            .dates
            .as_ref()
            .map(|d| d.display())
            .filter(|d| !d.is_empty());
        let width = self.width - indent.width();
        // One thing beside the title (the dates, or the place) stands on
        // its row and reads after it, as in every format; both read after
        // the lines beside them, as a column of two rows does.
        let beside = match (&dates, &e.location) {
            (Some(d), None) => Some(d.as_str()),
            (None, Some(loc)) => Some(loc.as_str()),
            _ => None,
        };
        match beside {
            Some(d) if title.width() + 3 + d.width() <= width => {
                let gap = width - title.width() - d.width();
                self.line(&format!("{indent}{title}{}{d}", " ".repeat(gap)));
            }
            Some(d) => {
                self.wrapped(&title, indent, indent);
                self.line(&format!("{indent}{d}"));
            }
            None => self.wrapped(&title, indent, indent),
        }
        for l in &e.lines {
            self.wrapped(&plain(&l.text), indent, indent);
        }
        let aside: Vec<&str> = match (&dates, &e.location) {
            (Some(d), Some(loc)) => vec![d.as_str(), loc.as_str()],
            _ => Vec::new(),
        };
        if !aside.is_empty() {
            self.wrapped(&aside.join(&self.separator), indent, indent);
        }
        let bullet_first = format!("{indent}  {} ", self.bullet);
        let bullet_rest = format!("{indent}{}", " ".repeat(BULLET_INDENT));
        for b in &e.bullets {
            self.wrapped(&plain(b), &bullet_first, &bullet_rest);
        }
        let role_indent = format!("{indent}  ");
        for role in &e.roles {
            self.blank();
            self.entry(role, &role_indent);
        }
    }
}

/// Placeholder for a space that must not break a line.
const GLUE: char = '\u{E000}';

/// Wraps at word boundaries, in display columns. A bracketed group that fits
/// on a line is never split, so "(and led to fixes for)" stays whole.
fn wrap(s: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let glued = glue_brackets(s, width.saturating_sub(rest.width()));
    let opts = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    textwrap::wrap(&glued, opts)
        .into_iter()
        .map(|l| l.replace(GLUE, " "))
        .collect()
}

/// Replaces the spaces inside short bracketed groups with [`GLUE`].
fn glue_brackets(s: &str, room: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = chars.clone();
    let mut stack: Vec<usize> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        match c {
            '(' | '[' | '{' => stack.push(i),
            ')' | ']' | '}' => {
                if let Some(open) = stack.pop() {
                    let group: String = chars[open..=i].iter().collect();
                    // Include the word the group is attached to on either side
                    // in the width, as the group cannot start a line alone.
                    if group.width() + 12 <= room {
                        for slot in &mut out[open..=i] {
                            if *slot == ' ' {
                                *slot = GLUE;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out.into_iter().collect()
}

/// Maps typographic characters to ASCII, transliterating the rest.
fn to_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            c if c.is_ascii() => out.push(c),
            '•' | '·' => out.push('*'),
            '–' | '‐' | '‑' | '−' => out.push('-'),
            '—' => out.push_str("--"),
            '─' | '━' => out.push('-'),
            '“' | '”' | '„' => out.push('"'),
            '‘' | '’' | '‚' => out.push('\''),
            '…' => out.push_str("..."),
            '\u{a0}' => out.push(' '),
            c => out.push_str(deunicode::deunicode_char(c).unwrap_or("?")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(src: &str, options: &TextOptions) -> String {
        let (resume, _) = resume_model::parse_toml(src).expect("valid source");
        text(
            &resume_document::lower(&resume, &Default::default()),
            options,
        )
    }

    #[test]
    fn wraps_with_hanging_indent_and_keeps_brackets_whole() {
        let src = r#"
[basics]
name = "Ann"
[[work]]
company = "Co"
highlights = ["alpha beta gamma delta epsilon zeta eta theta (iota kappa lambda) mu nu xi omicron pi"]
"#;
        let out = render(
            src,
            &TextOptions {
                width: 40,
                ascii: false,
            },
        );
        let lines: Vec<&str> = out
            .lines()
            .filter(|l| l.contains("alpha") || l.starts_with("    "))
            .collect();
        assert_eq!(lines[0], "  • alpha beta gamma delta epsilon zeta");
        assert!(
            lines.iter().any(|l| l.contains("(iota kappa lambda)")),
            "{out}"
        );
        assert!(out.lines().all(|l| l.width() <= 40), "{out}");
    }

    #[track_caller]
    fn fits(out: &str, width: usize) {
        for l in out.lines() {
            assert!(l.width() <= width, "{} columns: {l:?}\n{out}", l.width());
        }
    }

    #[test]
    fn the_name_and_titles_wrap_to_the_width_in_display_columns() {
        let options = TextOptions {
            width: 30,
            ascii: false,
        };
        // Wide characters take two columns, combining marks and zero-width
        // characters none.
        for name in [
            "Maximilian Alexander Fitzgerald-Worthington the Third",
            "山田太郎山田太郎山田太郎山田太郎山田太郎山田太郎",
            "Zoe\u{301} Zoe\u{301} Zoe\u{301} Zoe\u{301} Zoe\u{301} Zoe\u{301} Zoe\u{301}",
            "Ann\u{200b}Lee Ann\u{200b}Lee Ann\u{200b}Lee Ann\u{200b}Lee Ann\u{200b}Lee",
        ] {
            let src = format!(
                "[basics]\nname = \"{name}\"\n[layout.sections.skills]\ntitle = \"Programming languages and tools of the trade\"\n[[skills]]\nname = \"Rust\"\n"
            );
            let out = render(&src, &options);
            fits(&out, 30);
            assert!(
                out.lines().next().unwrap().width() >= 15,
                "the first line is filled: {out}"
            );
        }
        // A combining mark does not count: 29 letters and a mark fit 30.
        let src = format!("[basics]\nname = \"{}e\u{301}\"\n", "a".repeat(28));
        let out = render(&src, &options);
        assert_eq!(out.lines().next().unwrap().chars().count(), 30, "{out}");
    }

    #[test]
    fn ascii_option() {
        assert_eq!(
            to_ascii("• a – b — “c” ‘d’ é…"),
            "* a - b -- \"c\" 'd' e..."
        );
        let out = render(
            "[basics]\nname = \"Zoë Ünal\"\n[[skills]]\nname = \"Café\"\nkeywords = [\"naïve\"]\n",
            &TextOptions {
                width: 78,
                ascii: true,
            },
        );
        assert!(out.is_ascii(), "{out}");
        assert!(out.contains("ZOE UNAL"));
        assert!(out.contains("* Cafe: naive"));
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let src = "[basics]\nname = \"A\"\n[[work]]\ncompany = \"C\"\nhighlights = [\"開発 開発 開発 開発 開発 開発 開発 開発 開発 開発 開発 開発 開発 開発 開発 開発\"]\n";
        let out = render(
            src,
            &TextOptions {
                width: 40,
                ascii: false,
            },
        );
        assert!(out.lines().all(|l| l.width() <= 40), "{out}");
        assert!(out.lines().filter(|l| l.contains('開')).count() >= 2);
    }

    #[test]
    fn links_are_spelled_out_and_markup_dropped() {
        let src = r#"
[basics]
name = "A"
website = { url = "https://a.dev", label = "Website" }
[[work]]
company = "C"
highlights = ["see **the** [docs](https://docs.a.dev) and `code`"]
"#;
        let out = render(src, &TextOptions::default());
        assert!(out.contains("Website: https://a.dev"), "{out}");
        assert!(
            out.contains("see the docs (https://docs.a.dev) and code"),
            "{out}"
        );
        assert!(!out.contains("**") && !out.contains('`'));
    }

    #[test]
    fn dates_beside_title_or_with_location() {
        let src = r#"
[basics]
name = "A"
[[projects]]
name = "P"
start = "2020-01"
end = "2020-02"
[[work]]
company = "C"
location = "Town"
position = "Dev"
start = "2020-01"
end = "present"
"#;
        let out = render(src, &TextOptions::default());
        assert!(
            out.contains(&format!(
                "P{}Jan 2020 – Feb 2020\n",
                " ".repeat(78 - 1 - 19)
            )),
            "{out}"
        );
        assert!(
            out.contains("C • Dev\nJan 2020 – Present • Town\n"),
            "{out}"
        );
    }
}
