//! The seed résumé as a web page: golden files (one per built-in theme,
//! embedded fonts replaced by their length), every word in order in the
//! rendered text, its structure, and headless Chromium loading it offline
//! and printing it on one Letter page.

#[path = "../../crates/resume-html/tests/browser/mod.rs"]
mod browser;

use std::path::Path;

use resume_document::SectionBody;
use resume_html::{HtmlOptions, html};
use resume_tests::{assert_golden, assert_words_in_order, seed_document, seed_reference};
use scraper::{Html, Selector};

fn seed_page() -> String {
    html(&seed_document(), &HtmlOptions::default()).expect("the seed renders")
}

/// The seed in the built-in theme `name`.
fn seed_page_in(name: &str) -> String {
    let options = resume_document::Options {
        theme: Some(resume_model::Theme::builtin(name).expect("a built-in theme")),
        ..Default::default()
    };
    let doc = resume_document::lower(&resume_tests::seed_resume(), &options);
    html(&doc, &HtmlOptions::default()).expect("the seed renders")
}

/// `page` with the base64 text of each embedded font replaced by its
/// length: a golden of fonts would be unreadable, and their bytes are
/// checked where they are made (resume-html's tests).
fn without_font_data(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find(";base64,") {
        let (head, tail) = rest.split_at(at + ";base64,".len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        out.push_str(&format!("[{end} characters]"));
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

#[test]
fn seed_in_each_theme_matches_its_golden() {
    for name in resume_model::THEMES {
        // The seed's own theme is the default one, golden above.
        let file = if name == "classic" {
            "wenqing-luo.html".to_string()
        } else {
            format!("wenqing-luo-{name}.html")
        };
        assert_golden(&file, &without_font_data(&seed_page_in(name)));
    }
    assert_eq!(seed_page(), seed_page_in("classic"));
}

#[test]
fn seed_keeps_every_word_in_order() {
    let page = Html::parse_document(&seed_page());
    assert!(page.errors.is_empty(), "parse errors: {:?}", page.errors);
    let body = page.select(&sel("body")).next().expect("a body");
    // Text nodes joined with spaces, as a browser separates blocks.
    let text = body.text().collect::<Vec<_>>().join(" ");
    assert_words_in_order(&seed_reference(), &text, 0.99);
}

#[test]
fn seed_page_has_the_documents_structure() {
    let doc = seed_document();
    let page = Html::parse_document(&seed_page());
    let count = |s: &str| page.select(&sel(s)).count();
    assert_eq!(count("h1"), 1);
    assert_eq!(count("main > section > h2"), doc.sections.len());
    let entries: usize = doc
        .sections
        .iter()
        .map(|s| match &s.body {
            SectionBody::Entries(e) => e.len(),
            _ => 0,
        })
        .sum();
    assert_eq!(
        count("main > section > article.entry > .head > h3"),
        entries
    );
    assert_eq!(count(".contacts > li"), doc.header.contacts.len());
    // Every link is one of the four safe kinds.
    for a in page.select(&sel("a")) {
        let href = a.value().attr("href").unwrap_or_default();
        assert!(
            ["https://", "http://", "mailto:", "tel:"]
                .iter()
                .any(|p| href.starts_with(p)),
            "{href}"
        );
    }
}

#[test]
#[cfg_attr(not(has_chromium), ignore = "chromium is not installed")]
fn seed_loads_offline_and_prints_on_one_letter_page_in_chromium() {
    let chromium = browser::chromium();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wenqing-luo-html");
    std::fs::create_dir_all(&dir).expect("artifact directory");
    let scratch = tempfile::tempdir().expect("scratch directory");
    let page = dir.join("wenqing-luo.html");
    std::fs::write(&page, seed_page()).expect("page written");

    let load = chromium.load(scratch.path(), &page);
    assert!(
        load.dom.contains("<h1>Wenqing Luo</h1>"),
        "the page did not load"
    );
    assert_eq!(load.requests, Vec::<String>::new(), "network requests");
    assert_eq!(load.console, Vec::<String>::new(), "console messages");

    let pdf = chromium.print(scratch.path(), &page, &dir.join("wenqing-luo.pdf"));
    assert_eq!(
        browser::pdf_pages(&pdf),
        1,
        "the seed printed on more than one page; the print fit assumes \
         Arial-metric fonts (Debian: fonts-liberation2)"
    );
    assert!(String::from_utf8_lossy(&pdf).contains("/MediaBox [0 0 612 792]"));

    for (width, height) in [(360, 2600), (1280, 1800)] {
        let png = chromium.screenshot(
            scratch.path(),
            &page,
            width,
            height,
            &dir.join(format!("wenqing-luo-{width}.png")),
        );
        assert_eq!(browser::png_size(&png), (width, height));
    }
}

#[test]
fn a_right_to_left_page_says_so_and_keeps_numbers_left_to_right() {
    let source = std::fs::read_to_string(resume_tests::root().join("tests/data/intl/he.json"))
        .expect("the Hebrew corpus file");
    let (resume, _) = resume_model::parse_json(&source, false).expect("reads");
    let doc = resume_document::lower(&resume, &resume_document::Options::default());
    let page = html(&doc, &HtmlOptions::default()).expect("renders");
    let parsed = Html::parse_document(&page);
    let root = parsed.select(&sel("html")).next().expect("html");
    assert_eq!(root.value().attr("lang"), Some("he"));
    assert_eq!(root.value().attr("dir"), Some("rtl"));
    // The header starts where the language starts, and a telephone number
    // or an address reads left to right.
    assert!(
        page.contains(".masthead { text-align: start; }"),
        "header align"
    );
    let contacts: Vec<_> = parsed.select(&sel(".contacts [dir=ltr]")).collect();
    assert!(!contacts.is_empty(), "contacts marked ltr");
    // No physical direction in the rules: they mirror with `dir`.
    for physical in [
        "text-align: left",
        "text-align: right",
        " margin-left:",
        " padding-left:",
    ] {
        assert!(!page.contains(physical), "{physical}");
    }
}
