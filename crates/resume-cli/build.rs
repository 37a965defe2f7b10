//! Marks the end-to-end tests that need the Noto CJK fonts as ignored when
//! this machine lacks them (see tests/support/probe.rs).

include!("../../tests/support/probe.rs");

fn main() {
    probe(&[(
        "has_noto_cjk",
        &["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"],
    )]);
}
