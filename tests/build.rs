//! Marks the tests that need Chromium, LibreOffice or poppler as ignored
//! when this machine lacks them (see support/probe.rs).

include!("support/probe.rs");

fn main() {
    probe(&[
        ("has_chromium", &["chromium", "chromium-browser"]),
        ("has_soffice", &["soffice"]),
        ("has_poppler", &["pdfinfo"]),
    ]);
}
