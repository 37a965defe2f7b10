//! The seed résumé as a Word file: a golden document.xml (classic), and in
//! every built-in theme every word of the original in order, the structure
//! résumé parsers rely on, and LibreOffice opening it on one Letter page.

#[path = "../../crates/resume-docx/tests/common/ooxml.rs"]
mod ooxml;

use std::path::Path;
use std::process::Command;

use ooxml::{part, unzip};
use resume_document::Document;
use resume_docx::{DocxOptions, docx, docx_with_report};
use resume_tests::{
    assert_golden, assert_words_in_order, fidelity, seed_document, seed_reference, seed_resume,
};

/// As the CLI builds it: the date from `SOURCE_DATE_EPOCH`, fitted to one
/// page.
fn options() -> DocxOptions {
    DocxOptions {
        timestamp: Some(1_700_000_000),
        fit_pages: Some(1),
    }
}

fn seed_parts() -> Vec<(String, Vec<u8>)> {
    unzip(&docx(&seed_document(), &options()).expect("the seed renders"))
}

/// The seed résumé in the built-in theme `name`.
fn seed_in(name: &str) -> Document {
    let options = resume_document::Options {
        theme: Some(resume_model::Theme::builtin(name).expect("a built-in theme")),
        ..Default::default()
    };
    resume_document::lower(&seed_resume(), &options)
}

/// How much of the original's word order every theme keeps. Dates after
/// their entry's title row, as Word lays them out, cost a little (the
/// original put them after the second row); dates in a column on the left
/// stand beside the heading's last row and read there, after the title.
const MIN_ORDER: f64 = 0.96;

fn paragraphs(parts: &[(String, Vec<u8>)]) -> Vec<(String, String)> {
    part(parts, "word/document.xml")
        .all("w:p")
        .into_iter()
        .map(|p| (p.style().to_owned(), p.text()))
        .collect()
}

#[test]
fn seed_document_xml_matches_golden() {
    let actual = part(&seed_parts(), "word/document.xml").pretty();
    assert_golden("wenqing-luo.document.xml", &actual);
}

#[test]
fn every_theme_keeps_every_word_in_order() {
    for name in resume_model::THEMES {
        let doc = seed_in(name);
        let bytes = docx(&doc, &options()).expect("the seed renders");
        let text = part(&unzip(&bytes), "word/document.xml").text();
        assert_words_in_order(&seed_reference(), &text, MIN_ORDER);
    }
}

#[test]
fn every_theme_has_the_structure_parsers_read() {
    for name in resume_model::THEMES {
        let doc = seed_in(name);
        let out = docx_with_report(&doc, &options()).unwrap();
        assert_eq!(out.pages, 1, "{name}: the estimate fits one page");
        let parts = unzip(&out.bytes);
        let paras = paragraphs(&parts);

        // The name is the first paragraph, as Title; the e-mail is in the
        // body.
        assert_eq!(paras[0], ("Title".to_owned(), "Wenqing Luo".to_owned()));
        assert!(paras[1].1.contains("wenqing4@illinois.edu"), "{name}");

        // Section titles, as written, and only they, are Heading 1.
        let h1: Vec<&str> = paras
            .iter()
            .filter(|(s, _)| s == "Heading1")
            .map(|(_, t)| t.as_str())
            .collect();
        let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(h1, titles, "{name}");

        // Every bullet is a List Bullet paragraph in a real list.
        let bullets = paras.iter().filter(|(s, _)| s == "ListBullet").count();
        let expected = resume_tests::list_items(&doc);
        assert_eq!(bullets, expected, "{name}");
        let document = part(&parts, "word/document.xml");
        let numbered = document
            .all("w:p")
            .into_iter()
            .filter(|p| !p.all("w:numPr").is_empty())
            .count();
        assert_eq!(numbered, expected, "{name}");

        for banned in ["w:tbl", "w:txbxContent", "w:drawing", "w:pict", "w:framePr"] {
            assert!(document.all(banned).is_empty(), "{name}: {banned}");
        }
        assert!(document.all("w:hyperlink").len() >= 6, "{name}");

        // The theme's Word font, with its metric twin for readers without
        // it.
        let font = doc.theme.word_font;
        let styles = part(&parts, "word/styles.xml");
        let defaults = styles.child("w:docDefaults").unwrap();
        assert_eq!(
            defaults.all("w:rFonts")[0].attr("w:ascii"),
            Some(font.name()),
            "{name}"
        );
        let table = part(&parts, "word/fontTable.xml");
        let entry = table
            .all("w:font")
            .into_iter()
            .find(|f| f.attr("w:name") == Some(font.name()))
            .unwrap_or_else(|| panic!("{name}: no {} in the font table", font.name()));
        assert_eq!(entry.val("w:altName"), Some(font.twin().0), "{name}");

        let core = part(&parts, "docProps/core.xml");
        let text = |name: &str| core.all(name).first().map(|e| e.text_content());
        assert_eq!(text("dc:title").as_deref(), Some("Wenqing Luo — Résumé"));
        assert_eq!(text("dc:creator").as_deref(), Some("Wenqing Luo"));
        assert!(text("cp:keywords").unwrap().contains("Rust"));
    }
}

fn soffice(dir: &Path, file: &Path, format: &str) {
    let profile = format!("file://{}", dir.join("profile").display());
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile}"))
        .args(["--headless", "--convert-to", format, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .expect("soffice runs");
    assert!(
        out.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Needs `soffice` (LibreOffice), `pdfinfo` (poppler-utils) and the Word
/// fonts' metric twins (fonts-crosextra-carlito, fonts-crosextra-caladea,
/// fonts-liberation2), so that LibreOffice breaks lines as Word does.
#[test]
#[cfg_attr(
    not(all(has_soffice, has_poppler)),
    ignore = "needs LibreOffice (soffice) and pdfinfo (poppler-utils)"
)]
fn libreoffice_opens_every_theme_on_one_letter_page() {
    let dir = tempfile::tempdir().unwrap();
    for name in resume_model::THEMES {
        let doc = seed_in(name);
        let file = dir.path().join(format!("wenqing-luo-{name}.docx"));
        std::fs::write(&file, docx(&doc, &options()).unwrap()).unwrap();

        soffice(dir.path(), &file, "pdf");
        let info = Command::new("pdfinfo")
            .arg(file.with_extension("pdf"))
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(info.contains("612 x 792 pts"), "{name}: Letter: {info}");
        let pages = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .map(|n| n.trim().to_owned());
        assert_eq!(pages.as_deref(), Some("1"), "{name}: {info}");

        soffice(dir.path(), &file, "txt:Text (encoded):UTF8");
        let text = std::fs::read_to_string(file.with_extension("txt")).unwrap();
        let f = fidelity(&seed_reference(), &text);
        assert!(f.recall >= 0.999, "{name}: recall {f:?}");
        assert!(f.order >= MIN_ORDER, "{name}: order {f:?}");
    }
}
