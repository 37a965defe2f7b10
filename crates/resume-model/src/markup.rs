//! Inline markup in text fields: a small Markdown subset (bold, italic,
//! links, code), parsed with pulldown-cmark.
//!
//! Everything outside the subset is kept literally: a text field is inline
//! by definition, so a leading `#` or `-` is a character, not a heading or a
//! list, and an image or raw HTML shows as the characters that were written.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::url::{SafeUrl, UrlError};

/// Text with inline styling, as the author wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Rich {
    /// The source text, kept for round trips (TOML/JSON writers).
    pub source: String,
    pub spans: Vec<RichSpan>,
}

/// A run of characters with one style.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct RichSpan {
    pub text: String,
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
    pub link: Option<SafeUrl>,
}

/// A link whose target was refused, with the target as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLink {
    pub target: String,
    pub error: UrlError,
}

/// Checks a link target: it must be absolute and use an allowed scheme
/// ([`SafeUrl::parse`], the one rule for links, with its reason as text).
pub fn check_url(url: &str) -> Result<(), String> {
    SafeUrl::parse(url)
        .map(|_| ())
        .map_err(|e| e.reason(url.trim()))
}

impl Rich {
    /// Unstyled text, taken literally.
    pub fn plain(text: impl Into<String>) -> Rich {
        let text = text.into();
        Rich {
            source: escape(&text),
            spans: vec![RichSpan {
                text,
                ..RichSpan::default()
            }],
        }
    }

    /// Parses inline Markdown. Links with a refused scheme are returned as
    /// errors; the text is still returned with such links shown as plain text.
    pub fn parse(source: &str) -> (Rich, Vec<BadLink>) {
        let prepared = prepare(source);
        let mut spans: Vec<RichSpan> = Vec::new();
        let mut bad = Vec::new();
        let (mut strong, mut emphasis) = (0u32, 0u32);
        let mut links: Vec<Option<SafeUrl>> = Vec::new();
        let mut skip_image = 0u32;
        let push = |spans: &mut Vec<RichSpan>,
                    text: &str,
                    strong,
                    emphasis,
                    code,
                    link: Option<SafeUrl>| {
            if text.is_empty() {
                return;
            }
            if let Some(last) = spans.last_mut()
                && last.strong == strong
                && last.emphasis == emphasis
                && last.code == code
                && last.link == link
            {
                last.text.push_str(text);
                return;
            }
            spans.push(RichSpan {
                text: text.to_string(),
                strong,
                emphasis,
                code,
                link,
            });
        };
        for (event, range) in Parser::new_ext(&prepared, Options::empty()).into_offset_iter() {
            let link = links.iter().rev().flatten().next().cloned();
            match event {
                Event::Start(Tag::Image { .. }) => {
                    // Images are outside the subset: show what was written.
                    if skip_image == 0 {
                        push(
                            &mut spans,
                            &prepared[range],
                            strong > 0,
                            emphasis > 0,
                            false,
                            link,
                        );
                    }
                    skip_image += 1;
                }
                Event::End(TagEnd::Image) => skip_image -= 1,
                _ if skip_image > 0 => {}
                Event::Start(Tag::Strong) => strong += 1,
                Event::End(TagEnd::Strong) => strong -= 1,
                Event::Start(Tag::Emphasis) => emphasis += 1,
                Event::End(TagEnd::Emphasis) => emphasis -= 1,
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    ..
                }) => {
                    let target = match link_type {
                        LinkType::Email => format!("mailto:{dest_url}"),
                        _ => dest_url.to_string(),
                    };
                    match SafeUrl::parse(&target) {
                        Ok(url) => links.push(Some(url)),
                        Err(error) => {
                            bad.push(BadLink { target, error });
                            links.push(None);
                        }
                    }
                }
                Event::End(TagEnd::Link) => {
                    links.pop();
                }
                Event::Text(t) => push(&mut spans, &t, strong > 0, emphasis > 0, false, link),
                Event::Code(t) => push(&mut spans, &t, strong > 0, emphasis > 0, true, link),
                Event::InlineHtml(t) | Event::Html(t) => {
                    push(&mut spans, &t, strong > 0, emphasis > 0, false, link)
                }
                Event::SoftBreak | Event::HardBreak => {
                    push(&mut spans, " ", strong > 0, emphasis > 0, false, link)
                }
                _ => {}
            }
        }
        (
            Rich {
                source: source.to_string(),
                spans,
            },
            bad,
        )
    }

    /// The characters without styling.
    pub fn to_plain(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.iter().all(|s| s.text.trim().is_empty())
    }
}

/// Makes a field's text parse as one inline paragraph: line breaks become
/// spaces, and a leading character that would open a block (heading, list,
/// quote, fence, table) is escaped so that it stays a character.
fn prepare(source: &str) -> String {
    let joined: String = source
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let b = joined.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let spaced = |i: usize| b.get(i).is_none_or(|c| *c == b' ');
    if digits > 0 && matches!(b.get(digits), Some(b'.' | b')')) && spaced(digits + 1) {
        return format!("{}\\{}", &joined[..digits], &joined[digits..]);
    }
    let hashes = b.iter().take_while(|c| **c == b'#').count();
    let thematic = b.len() >= 3
        && matches!(b[0], b'-' | b'*' | b'_')
        && b.iter().all(|c| *c == b[0] || *c == b' ');
    let block = (1..=6).contains(&hashes) && spaced(hashes)
        || b.first() == Some(&b'>')
        || matches!(b.first(), Some(b'-' | b'+' | b'*')) && spaced(1)
        || joined.starts_with("```")
        || joined.starts_with("~~~")
        || thematic;
    if block { format!("\\{joined}") } else { joined }
}

/// Escapes text so that [`Rich::parse`] reads it back literally.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>!&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders spans compactly: **bold**, *em*, `code`, [text](url).
    fn show(r: &Rich) -> String {
        r.spans
            .iter()
            .map(|s| {
                let mut t = s.text.clone();
                if s.code {
                    t = format!("`{t}`");
                }
                if s.emphasis {
                    t = format!("*{t}*");
                }
                if s.strong {
                    t = format!("**{t}**");
                }
                if let Some(l) = &s.link {
                    t = format!("[{t}]({l})");
                }
                t
            })
            .collect()
    }

    #[track_caller]
    fn check(input: &str, expect: &str) {
        let (rich, bad) = Rich::parse(input);
        let mut got = show(&rich);
        for b in bad {
            got.push_str(&format!(" !bad({})", b.target));
        }
        assert_eq!(got, expect, "input {input:?}");
    }

    #[test]
    fn inline_subset() {
        check("plain text", "plain text");
        check(
            "more than **30 million users**",
            "more than **30 million users**",
        );
        check(
            "an *italic* word",
            "an **italic** word".replace("**", "*").as_str(),
        );
        check("use `cargo build`", "use `cargo build`");
        check(
            "see [the site](https://example.com)",
            "see [the site](https://example.com)",
        );
        check(
            "<https://example.com>",
            "[https://example.com](https://example.com)",
        );
        check(
            "**[bold link](https://a.io)**",
            "[**bold link**](https://a.io)",
        );
    }

    #[test]
    fn outside_the_subset_stays_literal() {
        check("# not a heading", "# not a heading");
        check("- not a list", "- not a list");
        check("1. not a list", "1. not a list");
        check("> not a quote", "> not a quote");
        check("C++ and C#", "C++ and C#");
        check("~~strike~~", "~~strike~~");
        check("![logo](https://a.io/x.png)", "![logo](https://a.io/x.png)");
        check("a <b>tag</b>", "a <b>tag</b>");
        check("$740 billion", "$740 billion");
        check("50% of 1000 CPU cores", "50% of 1000 CPU cores");
        check("line one\nline two", "line one line two");
        check("snake_case_name", "snake_case_name");
        check("[Link]", "[Link]");
        check("---", "---");
        check("#hashtag", "#hashtag");
        check("```", "```");
        check("2020. A year", "2020. A year");
        check("*", "*");
    }

    #[test]
    fn link_schemes_are_checked() {
        check("[x](javascript:alert(1))", "x !bad(javascript:alert(1))");
        check("[x](data:text/html,hi)", "x !bad(data:text/html,hi)");
        check("[x](relative/path)", "x !bad(relative/path)");
        check("[mail](mailto:a@b.c)", "[mail](mailto:a@b.c)");
        check("[call](tel:+12172003227)", "[call](tel:+12172003227)");
    }

    #[test]
    fn escape_round_trips() {
        for text in [
            "a*b*c",
            "[Link]",
            "x_y_z",
            "<b>",
            "C++ & `x`",
            "# h",
            "- l",
            "1. n",
        ] {
            let (rich, bad) = Rich::parse(&escape(text));
            assert!(bad.is_empty());
            assert_eq!(rich.to_plain(), text, "escaped {:?}", escape(text));
        }
    }

    #[test]
    fn url_check() {
        assert!(check_url("https://github.com/laphets").is_ok());
        assert!(check_url("HTTPS://EXAMPLE.COM").is_ok());
        assert!(check_url("mailto:a@b.c").is_ok());
        assert!(check_url("ftp://x.org").is_err());
        assert!(check_url("javascript:alert(1)").is_err());
        assert!(check_url("github.com/laphets").is_err());
        assert!(check_url("https:").is_err());
        assert!(check_url("https://a b").is_err());
    }
}
