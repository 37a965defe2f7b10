//! Marks the tests that need poppler's pdftotext, the DejaVu or Noto fonts as
//! ignored when this machine lacks them (see tests/support/probe.rs).

include!("../../tests/support/probe.rs");

fn main() {
    probe(&[
        ("has_pdftotext", &["pdftotext"]),
        (
            "has_dejavu",
            &["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"],
        ),
        (
            "has_noto_core",
            &["/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf"],
        ),
        (
            "has_noto_cjk",
            &["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"],
        ),
    ]);
}
