//! Marks the end-to-end tests that need the Noto CJK fonts or Chromium as
//! ignored when this machine lacks them (see tests/support/probe.rs).

include!("../../tests/support/probe.rs");

fn main() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_default();
    let mut browsers = vec!["chromium", "chromium-browser"];
    if chromium.contains('/') {
        browsers.insert(0, chromium.as_str());
    }
    probe(&[
        (
            "has_noto_cjk",
            &["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"],
        ),
        ("has_chromium", &browsers),
    ]);
}
