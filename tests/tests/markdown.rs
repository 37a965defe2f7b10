//! The Markdown output read as GitHub reads it: rendered with the GFM
//! extensions, the page shows every word of the seed in order, its
//! headings are the document's, and text that looks like syntax stays text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use resume_tests::{assert_words_in_order, seed_document, seed_reference};

fn gfm() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// The text a reader sees, and the headings with their levels.
fn read(md: &str) -> (String, Vec<(u8, String)>) {
    let mut text = String::new();
    let mut headings = Vec::new();
    let mut heading: Option<(u8, String)> = None;
    for event in Parser::new_ext(md, gfm()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new()))
            }
            Event::End(TagEnd::Heading(_)) => {
                headings.extend(heading.take());
                text.push('\n');
            }
            Event::Text(t) | Event::Code(t) => {
                text.push_str(&t);
                if let Some((_, h)) = &mut heading {
                    h.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push('\n'),
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the output: {h}"),
            _ => {}
        }
    }
    (text, headings)
}

#[test]
fn the_seed_reads_whole_and_in_order_on_github() {
    let doc = seed_document();
    let md = resume_markdown::markdown(&doc);
    let (text, headings) = read(&md);
    assert_words_in_order(&seed_reference(), &text, 0.98);
    assert_eq!(headings[0], (1, doc.header.name.clone()));
    let sections: Vec<&str> = headings
        .iter()
        .filter(|(l, _)| *l == 2)
        .map(|(_, h)| h.as_str())
        .collect();
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections, titles);
}

#[test]
fn text_that_looks_like_markdown_stays_text() {
    let mut doc = seed_document();
    let tricky = "# not a heading *not emphasis* [not](a link) <b>not html</b> 1. not a list C++ a_b_c R&D &amp;";
    doc.header.headline = Some(tricky.into());
    let md = resume_markdown::markdown(&doc);
    let (text, headings) = read(&md);
    assert!(text.contains(tricky), "{text}");
    assert_eq!(headings.iter().filter(|(l, _)| *l == 1).count(), 1);
}
