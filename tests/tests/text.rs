//! The seed résumé as plain text: golden file, every word in order, width.

use resume_tests::{assert_golden, assert_words_in_order, seed_document, seed_reference};
use resume_text::{TextOptions, text};
use unicode_width::UnicodeWidthStr;

#[test]
fn seed_matches_golden() {
    assert_golden(
        "wenqing-luo.txt",
        &text(&seed_document(), &TextOptions::default()),
    );
}

#[test]
fn seed_ascii_matches_golden() {
    let out = text(
        &seed_document(),
        &TextOptions {
            ascii: true,
            ..TextOptions::default()
        },
    );
    assert!(out.is_ascii());
    assert_golden("wenqing-luo.ascii.txt", &out);
}

#[test]
fn seed_keeps_every_word_in_order() {
    let out = text(&seed_document(), &TextOptions::default());
    assert_words_in_order(&seed_reference(), &out, 0.99);
}

#[test]
fn every_width_is_respected() {
    let doc = seed_document();
    for width in [30, 40, 60, 78, 100, 120] {
        let out = text(
            &doc,
            &TextOptions {
                width,
                ascii: false,
            },
        );
        for line in out.lines() {
            assert!(
                line.width() <= width,
                "width {width}: {line:?} is {} wide",
                line.width()
            );
            assert_eq!(line, line.trim_end(), "trailing space at width {width}");
        }
        assert_words_in_order(&seed_reference(), &out, 0.97);
    }
}

#[test]
fn output_is_deterministic() {
    let doc = seed_document();
    assert_eq!(
        text(&doc, &TextOptions::default()),
        text(&doc, &TextOptions::default())
    );
}
