//! Embeds every `locales/*.toml` table, so adding a language is adding a
//! file: no code names the languages.

use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    let dir =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("locales");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut tables: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .expect("locales/ is part of the crate")
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
    let mut code = format!(
        "/// Every built-in language's table, by tag.\nconst TABLES: [(&str, &str); {}] = [\n",
        tables.len()
    );
    for (tag, path) in &tables {
        writeln!(
            code,
            "    ({tag:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("write to a string");
    }
    code.push_str("];\n\n/// Tags of the built-in languages.\npub const LOCALES: [&str; ");
    writeln!(
        code,
        "{}] = [{}];",
        tables.len(),
        tables
            .iter()
            .map(|(t, _)| format!("{t:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .expect("write to a string");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("locales.rs");
    std::fs::write(out, code).expect("write the generated table list");
}
