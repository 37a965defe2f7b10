//! Project automation, run as `cargo xtask <task>`: a plain Rust program so
//! it works wherever cargo does, with no shell scripts or extra tools.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

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
  bench       criterion benchmarks, then whole-process timings of
              `resume build` with hyperfine (Debian package hyperfine)
  fuzz [SECONDS]
              run every cargo-fuzz target in fuzz/ for SECONDS each
              (default 60), from its seed corpus (needs a nightly
              toolchain and `cargo install cargo-fuzz`)";

fn main() -> anyhow::Result<()> {
    let task = std::env::args().nth(1);
    match task.as_deref() {
        Some("build-all") => build_all(),
        Some("ci") => ci(),
        Some("bench") => bench(),
        Some("gallery") => gallery::gallery(),
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

fn bench() -> anyhow::Result<()> {
    let mut criterion = cargo();
    criterion.args(["bench", "--workspace"]);
    run(criterion)?;
    // Whole-process runs: start-up, parsing, every backend and the writes.
    let mut build = cargo();
    build.args(["build", "--release", "--package", "resume-cli"]);
    run(build)?;
    let exe = root().join("target/release/resume");
    let out = std::env::temp_dir().join("resume-bench");
    let seed = root().join("resume/wenqing-luo.toml");
    let command = |formats: &str| {
        format!(
            "{} build {} -o {} -f {formats}",
            exe.display(),
            seed.display(),
            out.display()
        )
    };
    let mut hyperfine = Command::new("hyperfine");
    hyperfine.args(["--warmup", "3", "--min-runs", "20", "--export-markdown"]);
    hyperfine.arg(root().join("target/hyperfine.md"));
    for formats in ["txt", "html", "docx", "pdf", "pdf,docx,html,txt"] {
        hyperfine.arg(command(formats));
    }
    run(hyperfine)
        .context("hyperfine is needed for whole-process timings: apt-get install hyperfine")
}
