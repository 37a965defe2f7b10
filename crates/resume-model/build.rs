//! Embeds every `locales/*.toml` table and every theme of the top-level
//! `themes/` folder, so adding a language or a theme is adding a file: no
//! code names them.

use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The `*.toml` files of `dir`, by stem, sorted.
fn tables(dir: &Path) -> Vec<(String, PathBuf)> {
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut tables: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{} is part of the workspace: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            (
                p.file_stem()
                    .expect("a file name")
                    .to_string_lossy()
                    .into_owned(),
                p,
            )
        })
        .collect();
    tables.sort();
    for (_, p) in &tables {
        println!("cargo::rerun-if-changed={}", p.display());
    }
    tables
}

/// `const SOURCES: [(&str, &str); N]` and `pub const NAMES: [&str; N]`.
fn embed(code: &mut String, sources: &str, names: &str, what: &str, tables: &[(String, PathBuf)]) {
    writeln!(
        code,
        "/// Every built-in {what}'s source, by name.\nconst {sources}: [(&str, &str); {}] = [",
        tables.len()
    )
    .expect("write to a string");
    for (tag, path) in tables {
        writeln!(
            code,
            "    ({tag:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("write to a string");
    }
    writeln!(
        code,
        "];\n\n/// Names of the built-in {what}s.\npub const {names}: [&str; {}] = [{}];",
        tables.len(),
        tables
            .iter()
            .map(|(t, _)| format!("{t:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .expect("write to a string");
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));

    let mut code = String::new();
    embed(
        &mut code,
        "TABLES",
        "LOCALES",
        "language",
        &tables(&manifest.join("locales")),
    );
    std::fs::write(out.join("locales.rs"), code).expect("write the generated table list");

    // The default theme first, so listings start with it.
    let mut themes = tables(&manifest.join("../../themes"));
    themes.sort_by_key(|(name, _)| (name != "classic", name.clone()));
    let mut code = String::new();
    embed(&mut code, "THEME_SOURCES", "THEMES", "theme", &themes);
    std::fs::write(out.join("themes.rs"), code).expect("write the generated theme list");
}
