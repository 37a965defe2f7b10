//! Project automation, run as `cargo xtask <task>`: a plain Rust program so
//! it works wherever cargo does, with no shell scripts or extra tools.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

mod bench;
mod gallery;
mod widths;

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  build-all   compile every resume/*.toml into dist/ in every format
  ci          cargo fmt --check, clippy -D warnings, and the tests
  gallery     render the seed and the JSON Resume sample in every theme
              to docs/themes/*.png (needs pdftoppm from poppler-utils)
  gen-widths  regenerate the advance-width tables of the page estimates
              from the font files (needs fonts-crosextra-carlito,
              fonts-crosextra-caladea and fonts-liberation2)
  bench [criterion|processes|instructions]
              criterion benchmarks per stage; whole `resume build` runs
              with hyperfine beside pandoc, a 20-page résumé and a batch of
              1,000 sources; instruction counts with valgrind (Debian
              packages hyperfine, pandoc, valgrind)";

fn main() -> anyhow::Result<()> {
    let task = std::env::args().nth(1);
    match task.as_deref() {
        Some("build-all") => build_all(),
        Some("ci") => ci(),
        Some("bench") => bench::bench(std::env::args().nth(2).as_deref()),
        Some("gallery") => gallery::gallery(),
        Some("gen-widths") => {
            widths::generate(&root().join("crates/resume-document/data/widths.bin"))
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => bail!("{USAGE}"),
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root());
    c
}

fn run(mut cmd: Command) -> anyhow::Result<()> {
    let shown = format!("{cmd:?}");
    eprintln!("$ {shown}");
    let status = cmd
        .status()
        .with_context(|| format!("cannot run {shown}"))?;
    if !status.success() {
        bail!("{shown} failed with {status}");
    }
    Ok(())
}

fn build_all() -> anyhow::Result<()> {
    let mut sources: Vec<PathBuf> = std::fs::read_dir(root().join("resume"))
        .context("cannot list resume/")?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    sources.sort();
    if sources.is_empty() {
        bail!("resume/ holds no .toml source");
    }
    let mut cmd = cargo();
    cmd.args([
        "run",
        "--quiet",
        "--package",
        "resume-cli",
        "--",
        "build",
        "--output",
        "dist",
    ]);
    cmd.args(sources.iter().map(|p| p.strip_prefix(root()).unwrap_or(p)));
    run(cmd)
}

fn ci() -> anyhow::Result<()> {
    let mut fmt = cargo();
    fmt.args(["fmt", "--all", "--", "--check"]);
    run(fmt)?;
    let mut clippy = cargo();
    clippy.args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]);
    run(clippy)?;
    let mut test = cargo();
    test.args(["test", "--workspace"]);
    run(test)
}
