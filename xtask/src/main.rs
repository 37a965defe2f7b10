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
  bench [criterion|processes|instructions|memory]
              criterion benchmarks per stage; whole `resume build` runs
              with hyperfine beside pandoc, a 20-page résumé and a batch of
              1,000 sources; instruction counts with valgrind; peak
              memory and pages per second of PDFs of hundreds and
              thousands of pages (Debian packages hyperfine, pandoc,
              valgrind, time)
  schema      write schema/resume.schema.json, schema/json-resume.schema.json
              and the key reference in docs/format.md from the format's
              definition (crates/resume-model/src/spec.rs)
  man [DIR]   write the man pages of `resume` and its subcommands into
              DIR (default target/man); read one with `man -l DIR/resume.1`
  fuzz [SECONDS]
              run every cargo-fuzz target in fuzz/ for SECONDS each
              (default 60), from its seed corpus (needs a nightly
              toolchain and `cargo install cargo-fuzz`)";

fn main() -> anyhow::Result<()> {
    let task = std::env::args().nth(1);
    match task.as_deref() {
        Some("build-all") => build_all(),
        Some("ci") => ci(),
        Some("bench") => bench::bench(std::env::args().nth(2).as_deref()),
        Some("gallery") => gallery::gallery(),
        Some("man") => man(std::env::args().nth(2)),
        Some("schema") => schema(),
        Some("fuzz") => fuzz(std::env::args().nth(2).as_deref()),
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

/// Cargo's target directory: `CARGO_TARGET_DIR` (relative to the
/// workspace) when set, else `target/`.
fn target_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    if target.is_relative() {
        root().join(target)
    } else {
        target
    }
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

/// Writes the files generated from the format's definition: the two JSON
/// Schemas and the key reference of `docs/format.md`.
fn schema() -> anyhow::Result<()> {
    use resume_model::spec::{self, Dialect};
    let root = root();
    for d in [Dialect::Toml, Dialect::Json] {
        let path = root.join(spec::schema_path(d));
        std::fs::write(&path, spec::json_schema(d))
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    let path = root.join("docs/format.md");
    let docs = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let Some(new) = spec::with_reference(&docs) else {
        bail!(
            "{} lacks the markers `{}` and `{}` around the key reference; put them back",
            path.display(),
            spec::DOCS_BEGIN,
            spec::DOCS_END
        );
    };
    std::fs::write(&path, new).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("wrote {}", path.display());
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

/// The man pages, generated by the binary from its own command-line
/// definition (clap_mangen), so they never drift from `--help`.
fn man(dir: Option<String>) -> anyhow::Result<()> {
    let dir = dir.map_or_else(|| root().join("target/man"), PathBuf::from);
    let mut cmd = cargo();
    cmd.args([
        "run",
        "--quiet",
        "--package",
        "resume-cli",
        "--",
        "manpages",
    ])
    .arg(&dir);
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

/// The fuzz targets of `fuzz/`, each run from its own corpus folder.
const FUZZ_TARGETS: [&str; 4] = [
    "toml_reader",
    "json_resume_reader",
    "markup",
    "every_backend",
];

fn fuzz(seconds: Option<&str>) -> anyhow::Result<()> {
    let seconds: u64 = match seconds {
        Some(s) => s
            .parse()
            .with_context(|| format!("fuzz takes a number of seconds, not `{s}`"))?,
        None => 60,
    };
    let dir = root().join("fuzz");
    for target in FUZZ_TARGETS {
        // `cargo +nightly` goes through rustup, so this is the `cargo` on the
        // path, not the toolchain's own that runs xtask.
        let mut cmd = Command::new("cargo");
        cmd.current_dir(&dir).args([
            "+nightly",
            "fuzz",
            "run",
            target,
            &format!("corpus/{target}"),
            "--",
            &format!("-max_total_time={seconds}"),
        ]);
        run(cmd)?;
    }
    Ok(())
}
