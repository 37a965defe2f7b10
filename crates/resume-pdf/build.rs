//! Marks the tests that need poppler's pdftotext or the DejaVu font as
//! ignored when this machine lacks them (see tests/support/probe.rs).

include!("../../tests/support/probe.rs");

fn main() {
    probe(&[
        ("has_pdftotext", &["pdftotext"]),
        (
            "has_dejavu",
            &["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"],
        ),
    ]);
}
