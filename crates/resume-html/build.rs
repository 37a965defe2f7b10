//! Marks the tests that need Chromium as ignored when this machine lacks
//! it (see tests/support/probe.rs).

include!("../../tests/support/probe.rs");

fn main() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_default();
    let mut candidates = vec!["chromium", "chromium-browser"];
    if chromium.contains('/') {
        candidates.insert(0, chromium.as_str());
    }
    probe(&[("has_chromium", &candidates)]);
}
