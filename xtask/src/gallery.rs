//! `cargo xtask gallery`: the seed résumé and the JSON Resume sample in
//! every built-in theme, page 1 as PNG under `docs/themes/`, for the README.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};

use crate::{cargo, root, run};

/// The sources shown, with the short name their pictures carry.
const SOURCES: [(&str, &str); 2] = [
    ("resume/wenqing-luo.toml", "seed"),
    ("tests/data/jsonresume/sample.resume.json", "sample"),
];

pub fn gallery() -> anyhow::Result<()> {
    let mut build = cargo();
    build.args(["build", "--quiet", "--package", "resume-cli"]);
    run(build)?;
    let exe = crate::target_dir().join("debug/resume");
    let listed = Command::new(&exe)
        .arg("themes")
        .output()
        .context("cannot run resume themes")?;
    if !listed.status.success() {
        bail!("resume themes failed");
    }
    let themes: Vec<String> = String::from_utf8(listed.stdout)?
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    let out = root().join("docs/themes");
    std::fs::create_dir_all(&out).context("cannot create docs/themes")?;
    let work = std::env::temp_dir().join("resume-gallery");
    for theme in &themes {
        for (source, short) in SOURCES {
            let dir = work.join(theme);
            let mut cmd = Command::new(&exe);
            cmd.current_dir(root())
                .args(["build", source, "-f", "pdf", "--theme", theme, "-o"])
                .arg(&dir)
                .env("SOURCE_DATE_EPOCH", "0");
            run(cmd)?;
            let stem = Path::new(source)
                .file_stem()
                .and_then(|s| s.to_str())
                .context("a source name")?;
            let pdf = dir.join(format!("{stem}.pdf"));
            let png = out.join(format!("{short}-{theme}"));
            let mut raster = Command::new("pdftoppm");
            raster
                .args(["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"])
                .arg(&pdf)
                .arg(&png);
            run(raster).context("pdftoppm renders the pages: apt-get install poppler-utils")?;
        }
    }
    eprintln!(
        "wrote {} pictures to {}",
        themes.len() * SOURCES.len(),
        out.display()
    );
    Ok(())
}
