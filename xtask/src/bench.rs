//! `cargo xtask bench`: the performance figures the README quotes.
//!
//! - `criterion`: each stage in process (`cargo bench --workspace`);
//! - `processes`: whole `resume build` runs with hyperfine, side by side
//!   with pandoc's one-format runs, then a twenty-page résumé against the
//!   seed and a batch of a thousand sources;
//! - `instructions`: instruction counts under valgrind's callgrind, which
//!   hardly move on a busy machine, beside the targets;
//! - `memory`: the PDF of very long generated sources (hundreds and
//!   thousands of pages), with the peak memory, the memory each further
//!   page adds and the pages written per second of processor time.
//!
//! `cargo xtask bench` runs the first three; `cargo xtask bench instructions`
//! (or `processes`, `criterion`, `memory`) runs one.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::{cargo, root, run, target_dir};

/// The seed, and the long résumé the ratio is taken against.
const SEED: &str = "resume/wenqing-luo.toml";
const LONG: &str = "tests/data/bench/long.toml";
const SAMPLE: &str = "tests/data/jsonresume/sample.resume.json";
/// Sources in the batch: half copies of the seed, half of the sample.
const BATCH: usize = 1000;

/// Instruction targets (millions) of the performance issue, by formats.
const TARGETS: [(&str, Option<&str>, f64); 5] = [
    ("all four formats", None, 25.0),
    ("pdf", Some("pdf"), 12.0),
    ("docx", Some("docx"), 6.0),
    ("html", Some("html"), f64::NAN),
    ("txt", Some("txt"), f64::NAN),
];

pub fn bench(what: Option<&str>) -> anyhow::Result<()> {
    match what {
        None => {
            criterion()?;
            processes()?;
            instructions()
        }
        Some("criterion") => criterion(),
        Some("processes") => processes(),
        Some("instructions") => instructions(),
        Some("memory") => memory(),
        Some(other) => {
            bail!("unknown bench `{other}`: criterion, processes, instructions or memory")
        }
    }
}

fn criterion() -> anyhow::Result<()> {
    let mut c = cargo();
    c.args(["bench", "--workspace"]);
    run(c)
}

/// The release binary, built first; under `CARGO_TARGET_DIR` when set.
fn release_binary() -> anyhow::Result<PathBuf> {
    let mut build = cargo();
    build.args(["build", "--release", "--quiet", "--package", "resume-cli"]);
    run(build)?;
    Ok(target_dir().join("release/resume"))
}

/// A scratch directory for outputs and generated sources.
fn scratch() -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join("resume-bench");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}

fn processes() -> anyhow::Result<()> {
    let exe = release_binary()?;
    let dir = scratch()?;
    let out = dir.join("out");
    let build = |source: &str, formats: &str| {
        let f = if formats.is_empty() {
            String::new()
        } else {
            format!(" -f {formats}")
        };
        format!(
            "{} build {} -o {}{f}",
            exe.display(),
            root().join(source).display(),
            out.display()
        )
    };
    // pandoc reads the seed as the plain text we write (Markdown to it) and
    // writes one format per run; it cannot write a PDF without LaTeX.
    let text = dir.join("seed.md");
    let status = Command::new(&exe)
        .args([
            "build",
            &root().join(SEED).to_string_lossy(),
            "-f",
            "txt",
            "-o",
        ])
        .arg(&dir)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .status()
        .context("cannot run resume")?;
    if !status.success() {
        bail!("resume build failed on the seed");
    }
    std::fs::rename(dir.join("wenqing-luo.txt"), &text)?;
    let mut h = hyperfine();
    h.args(["--warmup", "3", "--min-runs", "30", "--export-markdown"]);
    h.arg(dir.join("processes.md"));
    for formats in ["txt", "html", "docx", "pdf", ""] {
        h.args(["--command-name", &format!("resume {}", or_all(formats))]);
        h.arg(build(SEED, formats));
    }
    if which("pandoc") {
        for (to, ext) in [("plain", "txt"), ("html", "html"), ("docx", "docx")] {
            h.args(["--command-name", &format!("pandoc {ext}")]);
            h.arg(format!(
                "pandoc -f markdown -t {to} {} -o {}",
                text.display(),
                out.join(format!("pandoc.{ext}")).display()
            ));
        }
    } else {
        eprintln!("pandoc is not installed: its runs are left out (apt-get install pandoc)");
    }
    run(h)?;

    // Linear in length: a twenty-page résumé against the seed.
    let mut h = hyperfine();
    h.args(["--warmup", "2", "--min-runs", "15", "--export-json"]);
    let json = dir.join("length.json");
    h.arg(&json);
    h.args(["--command-name", "seed (1 page)"])
        .arg(build(SEED, ""));
    h.args(["--command-name", "long (20 pages)"])
        .arg(build(LONG, ""));
    run(h)?;
    let medians = medians(&json)?;
    if let [seed, long] = medians[..] {
        println!(
            "\nlong ÷ seed: {:.1} (medians {:.1} ms and {:.1} ms; target at most 25)",
            long / seed,
            long * 1e3,
            seed * 1e3
        );
    }

    // A batch: a thousand sources, every format.
    let many = dir.join("many");
    write_batch(&many)?;
    let mut h = hyperfine();
    h.args(["--warmup", "1", "--runs", "5"]);
    h.args(["--command-name", &format!("{BATCH} sources, every format")]);
    h.arg(format!(
        "{} build {} -o {} --exclude-tag skip",
        exe.display(),
        many.display(),
        dir.join("many-out").display()
    ));
    run(h)
}

fn or_all(formats: &str) -> &str {
    if formats.is_empty() { "all" } else { formats }
}

fn hyperfine() -> Command {
    let mut h = Command::new("hyperfine");
    h.env("SOURCE_DATE_EPOCH", "1700000000");
    // Each run starts one short process: no shell in between.
    h.arg("-N");
    h
}

fn which(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The median times (seconds) in a hyperfine JSON export, in order.
fn medians(json: &Path) -> anyhow::Result<Vec<f64>> {
    let text = std::fs::read_to_string(json)?;
    let value: serde_json::Value = serde_json::from_str(&text)?;
    Ok(value["results"]
        .as_array()
        .map(|rs| rs.iter().filter_map(|r| r["median"].as_f64()).collect())
        .unwrap_or_default())
}

/// `BATCH` sources: copies of the seed, each with one job tagged `skip`
/// (the batch is built with `--exclude-tag skip`, so the copies differ),
/// and copies of the JSON Resume sample under other names.
fn write_batch(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    let seed = std::fs::read_to_string(root().join(SEED))?;
    let sample = std::fs::read_to_string(root().join(SAMPLE))?;
    let jobs = seed.matches("[[work]]").count().max(1);
    for i in 0..BATCH / 2 {
        let mut copy = String::with_capacity(seed.len() + 64);
        let mut seen = 0;
        for line in seed.lines() {
            let line = line.replacen(
                "name = \"Wenqing Luo\"",
                &format!("name = \"Wenqing Luo {i}\""),
                1,
            );
            copy.push_str(&line);
            copy.push('\n');
            if line == "[[work]]" {
                if seen == i % jobs {
                    copy.push_str("tags = [\"skip\"]\n");
                }
                seen += 1;
            }
        }
        std::fs::write(dir.join(format!("seed-{i:03}.toml")), copy)?;
        let renamed = sample.replacen("\"name\": \"", &format!("\"name\": \"{i} "), 1);
        std::fs::write(dir.join(format!("sample-{i:03}.json")), renamed)?;
    }
    Ok(())
}

fn instructions() -> anyhow::Result<()> {
    let exe = release_binary()?;
    let dir = scratch()?;
    if !which("valgrind") {
        bail!("valgrind is needed for instruction counts: apt-get install valgrind");
    }
    println!("\ninstructions of `resume build {SEED}` (valgrind --tool=callgrind):\n");
    println!("| formats | instructions | target |");
    println!("|---|---:|---:|");
    for (name, formats, target) in TARGETS {
        let mut c = Command::new("valgrind");
        c.args(["--tool=callgrind", "--callgrind-out-file=/dev/null"]);
        c.arg(&exe)
            .args(["build", &root().join(SEED).to_string_lossy(), "-o"]);
        c.arg(dir.join("callgrind"));
        if let Some(f) = formats {
            c.args(["-f", f]);
        }
        c.env("SOURCE_DATE_EPOCH", "1700000000");
        let out = c.output().context("cannot run valgrind")?;
        if !out.status.success() {
            bail!("valgrind failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        let count: u64 = stderr
            .lines()
            .find_map(|l| l.split("Collected :").nth(1))
            .and_then(|n| n.trim().parse().ok())
            .context("valgrind printed no instruction count")?;
        let target = if target.is_nan() {
            "—".to_string()
        } else {
            format!("≤ {target} M")
        };
        println!("| {name} | {:.1} M | {target} |", count as f64 / 1e6);
    }
    Ok(())
}

/// A source of `jobs` jobs of five thirty-word bullets each: about one
/// page per five jobs.
fn long_source(jobs: usize) -> String {
    const WORDS: [&str; 12] = [
        "designed",
        "built",
        "measured",
        "deployed",
        "a",
        "service",
        "for",
        "data",
        "pipelines",
        "that",
        "cut",
        "latency",
    ];
    let mut out = String::from("[basics]\nname = \"Ann Lee\"\nheadline = \"Engineer\"\n");
    for j in 0..jobs {
        out.push_str(&format!(
            "\n[[work]]\ncompany = \"Company {j}\"\nposition = \"Engineer\"\n\
             start = \"2020-01\"\nend = \"2021-02\"\nhighlights = [\n"
        ));
        for b in 0..5 {
            let bullet: Vec<&str> = (0..30)
                .map(|w| WORDS[(j + b + w * 7) % WORDS.len()])
                .collect();
            out.push_str(&format!("  \"{}\",\n", bullet.join(" ")));
        }
        out.push_str("]\n");
    }
    out
}

/// Peak resident memory (KiB) and user time (s) of a run, from GNU time.
fn measured(exe: &Path, source: &Path, out: &Path) -> anyhow::Result<(f64, f64)> {
    let report = out.join("time.txt");
    let mut cmd = Command::new("/usr/bin/time");
    cmd.arg("-f").arg("%M %U").arg("-o").arg(&report).arg(exe);
    cmd.arg("build")
        .arg(source)
        .args(["-f", "pdf", "-o"])
        .arg(out);
    let status = cmd
        .status()
        .context("cannot run /usr/bin/time (apt-get install time)")?;
    if !status.success() {
        bail!("resume build {} failed", source.display());
    }
    let text = std::fs::read_to_string(&report)?;
    let mut fields = text.split_whitespace().map(str::parse::<f64>);
    match (fields.next(), fields.next()) {
        (Some(Ok(kib)), Some(Ok(user))) => Ok((kib, user)),
        _ => bail!("cannot read GNU time's report: {text}"),
    }
}

fn memory() -> anyhow::Result<()> {
    let exe = release_binary()?;
    let dir = scratch()?.join("memory");
    std::fs::create_dir_all(&dir)?;
    println!(
        "{:>8} {:>10} {:>12} {:>12}",
        "pages", "peak MB", "user s", "pages/s"
    );
    let mut rows = Vec::new();
    for jobs in [500, 5000] {
        let source = dir.join(format!("long-{jobs}.toml"));
        std::fs::write(&source, long_source(jobs))?;
        let (kib, user) = measured(&exe, &source, &dir)?;
        let pdf = std::fs::read(dir.join(format!("long-{jobs}.pdf")))?;
        // Page objects: "/Type/Page" not followed by "s" (the page tree).
        let pages = pdf
            .windows(b"/Type/Page".len() + 1)
            .filter(|w| w.starts_with(b"/Type/Page") && w[w.len() - 1] != b's')
            .count()
            .max(1) as f64;
        let mb = kib / 1024.0;
        println!(
            "{pages:>8} {mb:>10.1} {user:>12.2} {:>12.0}",
            pages / user.max(0.01)
        );
        rows.push((pages, mb));
    }
    if let [(p0, m0), (p1, m1)] = rows[..] {
        println!(
            "each further page: {:.0} KB",
            (m1 - m0) / (p1 - p0) * 1024.0
        );
    }
    Ok(())
}
