//! Headless Chromium for the tests that drive it, shared by the crates'
//! test code (with `#[path]`): where the executable is, and the flags every
//! run starts with.

use std::path::PathBuf;

/// The flags of every headless run: no sandbox (CI runs as root), no GPU,
/// and nothing that reaches the network on its own.
pub const HEADLESS: [&str; 7] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// `$CHROMIUM`, else `chromium` or `chromium-browser` on the `PATH`.
/// Tests that call this are marked `#[cfg_attr(not(has_chromium), ignore)]`
/// by their crate's build script, so it runs only where Chromium was found
/// at build time, or under CI.
pub fn executable() -> PathBuf {
    let on_path = |name: &str| -> Vec<PathBuf> {
        std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).map(|d| d.join(name)).collect())
            .unwrap_or_default()
    };
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(
            ["chromium", "chromium-browser"]
                .into_iter()
                .flat_map(on_path),
        )
        .find(|p| p.is_file())
        .expect("chromium is not installed (apt-get install chromium, or set CHROMIUM)")
}
