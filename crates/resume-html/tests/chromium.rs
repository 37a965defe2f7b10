//! The page in a real browser, in every built-in theme: headless Chromium
//! loads it from `file://` with no network request and no console message
//! (a font the browser's sanitizer rejected would log one), prints it on
//! as many sheets as the shared page estimate counted (one for the seed),
//! and takes screenshots at phone and desktop widths.
//!
//! The pages, the PDFs and the screenshots are kept in
//! `target/tmp/resume-html/` for a person to look at.
//!
//! Skipped when Chromium is missing, except under CI.

mod browser;
mod support;

use std::path::{Path, PathBuf};

use resume_document::{Document, HtmlFonts};
use resume_html::{HtmlOptions, html_with_report};

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("resume-html");
    std::fs::create_dir_all(&dir).expect("artifact directory");
    dir
}

/// Loads, prints and photographs the seed as `doc` lays it out, named
/// `name` among the artifacts.
fn check(chromium: &browser::Chromium, name: &str, doc: &Document) {
    let dir = artifacts();
    let scratch = tempfile::tempdir().expect("scratch directory");
    let page = dir.join(format!("seed-{name}.html"));
    let out = html_with_report(doc, &HtmlOptions::default()).expect("the seed renders");
    std::fs::write(&page, &out.html).expect("page written");

    // Four independent browser runs; two at a time keep a small machine busy
    // without oversubscribing it.
    let (load, pdf) = std::thread::scope(|s| {
        let load = s.spawn(|| chromium.load(scratch.path(), &page));
        let pdf = chromium.print(scratch.path(), &page, &dir.join(format!("seed-{name}.pdf")));
        (load.join().expect("load thread"), pdf)
    });
    let (phone, desktop) = std::thread::scope(|s| {
        let phone = s.spawn(|| {
            let png = dir.join(format!("seed-{name}-390.png"));
            chromium.screenshot(scratch.path(), &page, 390, 2400, &png)
        });
        let png = dir.join(format!("seed-{name}-1280.png"));
        let desktop = chromium.screenshot(scratch.path(), &page, 1280, 1800, &png);
        (phone.join().expect("screenshot thread"), desktop)
    });

    assert!(
        load.dom.contains("<h1>Wenqing Luo</h1>"),
        "{name}: the page did not load:\n{}",
        load.dom
    );
    assert_eq!(
        load.requests,
        Vec::<String>::new(),
        "{name}: network requests"
    );
    assert_eq!(
        load.console,
        Vec::<String>::new(),
        "{name}: console messages"
    );

    assert_eq!(out.pages, 1, "{name}: the estimate");
    assert_eq!(
        browser::pdf_pages(&pdf),
        out.pages,
        "{name}: printed pages differ from the estimate"
    );
    // Letter: 8.5 × 11 in.
    assert!(
        String::from_utf8_lossy(&pdf).contains("/MediaBox [0 0 612 792]"),
        "{name}: the printed page is not Letter"
    );

    // A blank or broken render compresses to almost nothing; a page of
    // text does not.
    for (png, width) in [(&phone, 390), (&desktop, 1280)] {
        assert_eq!(browser::png_size(png).0, width, "{name}");
        assert!(
            png.len() > 40_000,
            "{name}: the screenshot at {width}px is nearly empty"
        );
    }
}

#[test]
#[cfg_attr(not(has_chromium), ignore = "chromium is not installed")]
fn the_seed_in_every_theme_loads_offline_prints_as_estimated_and_renders_at_every_width() {
    let chromium = browser::chromium();
    for name in resume_model::THEMES {
        check(&chromium, name, &support::seed_in(name));
    }
}

/// With system fonts the estimate measures Arial's and Times' widths, and
/// the page must still print as counted.
#[test]
#[cfg_attr(not(has_chromium), ignore = "chromium is not installed")]
fn the_seed_with_system_fonts_prints_as_estimated() {
    let chromium = browser::chromium();
    for name in ["classic", "traditional"] {
        let mut theme = resume_model::Theme::builtin(name).expect("built in");
        theme.html_fonts = HtmlFonts::System;
        check(
            &chromium,
            &format!("{name}-system"),
            &support::seed_with(theme),
        );
    }
}

/// The checks above would pass vacuously if the probe could not see a
/// request or a console message; this page makes both.
#[test]
#[cfg_attr(not(has_chromium), ignore = "chromium is not installed")]
fn the_probe_sees_network_requests_and_console_messages() {
    let chromium = browser::chromium();
    let scratch = tempfile::tempdir().expect("scratch directory");
    let page = scratch.path().join("control.html");
    // Port 9 on the loopback interface (discard) refuses at once; nothing
    // leaves the machine.
    std::fs::write(
        &page,
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>control</title>
<link rel="stylesheet" href="http://127.0.0.1:9/style.css"></head>
<body><h1>control</h1><img src="http://127.0.0.1:9/photo.png" alt="">
<script>console.error("control message")</script></body></html>"#,
    )
    .expect("control page written");
    let load = chromium.load(scratch.path(), &page);
    assert_eq!(
        load.requests,
        [
            "http://127.0.0.1:9/photo.png",
            "http://127.0.0.1:9/style.css"
        ]
    );
    assert_eq!(load.console.len(), 1, "{:?}", load.console);
    assert!(load.console[0].contains("control message"));
}

/// A font the browser's sanitizer rejects is logged to the console, which
/// the checks above would catch; this proves the probe sees such a log.
#[test]
#[cfg_attr(not(has_chromium), ignore = "chromium is not installed")]
fn the_probe_sees_a_rejected_font() {
    let chromium = browser::chromium();
    let scratch = tempfile::tempdir().expect("scratch directory");
    let page = scratch.path().join("bad-font.html");
    std::fs::write(
        &page,
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>font</title>
<style>@font-face { font-family: "Broken"; src: url("data:font/ttf;base64,AAEAAAABAAAAAAAAAAAAAAAAAAAA") format("truetype"); }
body { font-family: "Broken", sans-serif; }</style></head><body><p>text</p></body></html>"#,
    )
    .expect("control page written");
    let load = chromium.load(scratch.path(), &page);
    assert!(
        load.console
            .iter()
            .any(|m| m.contains("OTS") || m.contains("font")),
        "{:?}",
        load.console
    );
}
