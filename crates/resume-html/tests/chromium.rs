//! The page in a real browser: headless Chromium loads it from `file://`
//! with no network request and no console message, prints it to one Letter
//! page, and takes screenshots at phone and desktop widths.
//!
//! The page, the PDF and the screenshots are kept in
//! `target/tmp/resume-html/` for a person to look at.
//!
//! Skipped when Chromium is missing, except under CI.

mod browser;
mod support;

use std::path::{Path, PathBuf};

use resume_html::{HtmlOptions, html};

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("resume-html");
    std::fs::create_dir_all(&dir).expect("artifact directory");
    dir
}

#[test]
fn seed_page_loads_offline_prints_on_one_page_and_renders_at_every_width() {
    let Some(chromium) = browser::chromium() else {
        return;
    };
    let dir = artifacts();
    let scratch = tempfile::tempdir().expect("scratch directory");
    let page = dir.join("seed.html");
    let source =
        html(&resume_tests::seed_document(), &HtmlOptions::default()).expect("the seed renders");
    std::fs::write(&page, &source).expect("page written");

    // Four independent browser runs; two at a time keep a small machine busy
    // without oversubscribing it.
    let (load, pdf) = std::thread::scope(|s| {
        let load = s.spawn(|| chromium.load(scratch.path(), &page));
        let pdf = chromium.print(scratch.path(), &page, &dir.join("seed.pdf"));
        (load.join().expect("load thread"), pdf)
    });
    let (phone, desktop) = std::thread::scope(|s| {
        let phone = s.spawn(|| {
            chromium.screenshot(scratch.path(), &page, 360, 2400, &dir.join("seed-360.png"))
        });
        let desktop = chromium.screenshot(
            scratch.path(),
            &page,
            1280,
            1800,
            &dir.join("seed-1280.png"),
        );
        (phone.join().expect("screenshot thread"), desktop)
    });

    assert!(
        load.dom.contains("<h1>Wenqing Luo</h1>"),
        "the page did not load:\n{}",
        load.dom
    );
    assert_eq!(load.requests, Vec::<String>::new(), "network requests");
    assert_eq!(load.console, Vec::<String>::new(), "console messages");

    assert_eq!(
        browser::pdf_pages(&pdf),
        1,
        "printed pages; the print fit assumes Arial-metric fonts \
         (Debian: fonts-liberation2)"
    );
    // Letter: 8.5 × 11 in.
    assert!(
        String::from_utf8_lossy(&pdf).contains("/MediaBox [0 0 612 792]"),
        "the printed page is not Letter"
    );

    // A blank or broken render compresses to almost nothing; a page of
    // text does not.
    for (png, width) in [(&phone, 360), (&desktop, 1280)] {
        assert_eq!(browser::png_size(png).0, width);
        assert!(
            png.len() > 40_000,
            "screenshot at {width}px is nearly empty"
        );
    }
}

/// The checks above would pass vacuously if the probe could not see a
/// request or a console message; this page makes both.
#[test]
fn the_probe_sees_network_requests_and_console_messages() {
    let Some(chromium) = browser::chromium() else {
        return;
    };
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
