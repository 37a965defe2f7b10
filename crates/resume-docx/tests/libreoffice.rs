//! The seed-shaped document opened by LibreOffice: it converts, keeps every
//! word in order and, fitted to one page, takes one page.
//!
//! Needs `soffice` (LibreOffice) and `pdfinfo` (poppler-utils); with the
//! Carlito font installed the layout is Calibri's. Without the programs the
//! test is skipped, unless `CI` is set, where it fails.

mod common;

use std::path::Path;
use std::process::Command;

use common::ooxml::{subsequence, tokens};
use resume_docx::{DocxOptions, docx};

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

/// Converts `docx` in `dir` to `format` with a private LibreOffice profile,
/// so concurrent runs do not share one; returns the output's path.
fn convert(dir: &Path, docx: &Path, format: &str, extension: &str) -> std::path::PathBuf {
    let profile = format!("file://{}", dir.join("profile").display());
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile}"))
        .args(["--headless", "--convert-to", format, "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("soffice runs");
    let path = docx.with_extension(extension);
    assert!(
        path.exists(),
        "LibreOffice did not convert to {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

#[test]
fn libreoffice_opens_the_seed_on_one_page_with_every_word() {
    if !available("soffice", "--version") || !available("pdfinfo", "-v") {
        return;
    }
    let doc = common::seed();
    let bytes = docx(
        &doc,
        &DocxOptions {
            timestamp: Some(1_700_000_000),
            fit_pages: Some(1),
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("seed.docx");
    std::fs::write(&file, bytes).unwrap();

    let pdf = convert(dir.path(), &file, "pdf", "pdf");
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse::<u32>().unwrap());
    assert_eq!(pages, Some(1), "{info}");
    assert!(info.contains("612 x 792 pts"), "Letter: {info}");

    let txt = convert(dir.path(), &file, "txt:Text (encoded):UTF8", "txt");
    let text = std::fs::read_to_string(txt).unwrap();
    subsequence(&common::reading_order(&doc), &tokens(&text)).unwrap();
}
