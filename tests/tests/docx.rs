//! The seed résumé as a Word file: a golden document.xml, every word of the
//! original in order, the structure résumé parsers rely on, and LibreOffice
//! opening it on one Letter page.

#[path = "../../crates/resume-docx/tests/common/ooxml.rs"]
mod ooxml;

use std::path::Path;
use std::process::Command;

use ooxml::{part, unzip};
use resume_document::SectionBody;
use resume_docx::{DocxOptions, docx, docx_with_report};
use resume_tests::{assert_golden, assert_words_in_order, fidelity, seed_document, seed_reference};

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
fn seed_keeps_every_word_in_order() {
    let text = part(&seed_parts(), "word/document.xml").text();
    // Dates come after their entry's title, as the layout reads; the
    // original's text put them after the second row, hence not 0.99.
    assert_words_in_order(&seed_reference(), &text, 0.96);
}

#[test]
fn seed_has_the_structure_parsers_read() {
    let doc = seed_document();
    let out = docx_with_report(&doc, &options()).unwrap();
    assert_eq!(out.notes.len(), 1, "fitting says what it changed");
    let parts = unzip(&out.bytes);
    let paras = paragraphs(&parts);

    // The name is the first paragraph, as Title; the e-mail is in the body.
    assert_eq!(paras[0], ("Title".to_owned(), "Wenqing Luo".to_owned()));
    assert!(paras[1].1.contains("wenqing4@illinois.edu"));

    // Section titles, and only they, are Heading 1.
    let h1: Vec<&str> = paras
        .iter()
        .filter(|(s, _)| s == "Heading1")
        .map(|(_, t)| t.as_str())
        .collect();
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(h1, titles);

    // Every bullet is a List Bullet paragraph in a real list.
    let bullets = paras.iter().filter(|(s, _)| s == "ListBullet").count();
    let expected: usize = doc
        .sections
        .iter()
        .map(|s| match &s.body {
            SectionBody::Entries(es) => es.iter().map(|e| e.bullets.len()).sum(),
            SectionBody::List(items) => items.len(),
            SectionBody::Paragraphs(_) => 0,
        })
        .sum();
    assert_eq!(bullets, expected);
    let document = part(&parts, "word/document.xml");
    let numbered = document
        .all("w:p")
        .into_iter()
        .filter(|p| !p.all("w:numPr").is_empty())
        .count();
    assert_eq!(numbered, expected);

    for banned in ["w:tbl", "w:txbxContent", "w:drawing", "w:pict"] {
        assert!(document.all(banned).is_empty(), "{banned}");
    }
    assert!(document.all("w:hyperlink").len() >= 6);

    let core = part(&parts, "docProps/core.xml");
    let text = |name: &str| core.all(name).first().map(|e| e.text_content());
    assert_eq!(text("dc:title").as_deref(), Some("Wenqing Luo — Résumé"));
    assert_eq!(text("dc:creator").as_deref(), Some("Wenqing Luo"));
    assert!(text("cp:keywords").unwrap().contains("Rust"));
}

/// Whether `program` runs; if not, skip (or fail under CI).
fn available(program: &str, arg: &str) -> bool {
    let ok = Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "{program} is needed for this test in CI"
        );
        eprintln!("skipped: {program} is not installed");
    }
    ok
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

/// Needs `soffice` (LibreOffice), `pdfinfo` (poppler-utils) and, for
/// Calibri's layout, the Carlito font (fonts-crosextra-carlito).
#[test]
fn libreoffice_opens_the_seed_on_one_letter_page() {
    if !available("soffice", "--version") || !available("pdfinfo", "-v") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wenqing-luo.docx");
    std::fs::write(&file, docx(&seed_document(), &options()).unwrap()).unwrap();

    soffice(dir.path(), &file, "pdf");
    let info = Command::new("pdfinfo")
        .arg(file.with_extension("pdf"))
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("612 x 792 pts"), "Letter: {info}");
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().to_owned());
    assert_eq!(pages.as_deref(), Some("1"), "{info}");

    soffice(dir.path(), &file, "txt:Text (encoded):UTF8");
    let text = std::fs::read_to_string(file.with_extension("txt")).unwrap();
    let f = fidelity(&seed_reference(), &text);
    assert!(f.recall >= 0.999, "recall {f:?}");
    assert!(f.order >= 0.96, "order {f:?}");
}
