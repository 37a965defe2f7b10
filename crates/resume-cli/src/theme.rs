//! Finding a résumé's theme: a built-in name, or a theme file that extends
//! another, read from disk here because only the CLI touches files.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::anyhow;
use resume_model::design::{DEFAULT_THEME, Setting, ThemeRef, resolve_theme};
use resume_model::{THEMES, Theme};

use crate::{Failure, report};

/// How many theme files may extend one another before we call it a loop.
const MAX_DEPTH: usize = 16;

/// The theme of `resume`, read from `source`: `--theme` when given (a path
/// relative to the working directory), else the source's `design.theme`
/// (a path relative to the source), else `classic`; the source's own
/// `[design]` overrides go on top in every case.
pub fn resolve(
    source: &Path,
    resume: &resume_model::Resume,
    cli: Option<&str>,
) -> Result<Theme, Failure> {
    resolve_with(source, resume, cli, None)
}

/// [`resolve`], with `variant` (a `[variants]` entry's theme, relative to
/// the source) in place of the source's `design.theme` when given.
pub fn resolve_with(
    source: &Path,
    resume: &resume_model::Resume,
    cli: Option<&str>,
    variant: Option<&ThemeRef>,
) -> Result<Theme, Failure> {
    let (start, base_dir) = match cli {
        Some(name) => (ThemeRef::parse(name), PathBuf::from(".")),
        None => match variant.or(resume.design.theme.as_ref()) {
            Some(t) => (
                t.clone(),
                source
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            ),
            None => (ThemeRef::Builtin(DEFAULT_THEME.into()), PathBuf::from(".")),
        },
    };
    // Layers from the innermost file outwards; reversed below.
    let mut layers: Vec<Vec<Setting>> = Vec::new();
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut next = start;
    let mut dir = base_dir;
    let base = loop {
        match next {
            ThemeRef::Builtin(name) => {
                if !THEMES.contains(&name.as_str()) {
                    return Err(Failure::Io(anyhow!(
                        "unknown theme `{name}`; built-in themes: {}; a theme file is named by its path, e.g. ./mine.toml",
                        THEMES.join(", ")
                    )));
                }
                break name;
            }
            ThemeRef::File(file) => {
                let path = if dir == Path::new(".") {
                    PathBuf::from(&file)
                } else {
                    dir.join(&file)
                };
                let canonical = fs::canonicalize(&path).map_err(|e| {
                    Failure::Io(anyhow!(
                        "cannot read the theme file {}: {e}",
                        path.display()
                    ))
                })?;
                if seen.contains(&canonical) || seen.len() >= MAX_DEPTH {
                    return Err(Failure::Io(anyhow!(
                        "the theme file {} extends itself through a chain of other files; end the chain with a built-in theme",
                        path.display()
                    )));
                }
                seen.push(canonical);
                let text = crate::source::read(&path)?;
                match resume_model::parse_theme(&text) {
                    Ok((file, warnings)) => {
                        if !warnings.is_empty() {
                            report::emit(&report::render(&path, &text, &warnings));
                        }
                        layers.push(file.settings);
                        next = file
                            .extends
                            .unwrap_or_else(|| ThemeRef::Builtin(DEFAULT_THEME.into()));
                        dir = path
                            .parent()
                            .filter(|p| !p.as_os_str().is_empty())
                            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
                    }
                    Err(diags) => {
                        report::emit(&report::render(&path, &text, &diags));
                        let n = diags.iter().filter(|d| d.is_error()).count();
                        report::emitln!(
                            "error: the theme file {} has {n} error{}; nothing was written for {}",
                            path.display(),
                            if n == 1 { "" } else { "s" },
                            source.display()
                        );
                        return Err(Failure::Invalid);
                    }
                }
            }
        }
    };
    layers.reverse();
    let own = resume.design.settings.as_slice();
    let mut theme = resolve_theme(&base, layers.iter().map(Vec::as_slice).chain([own]));
    theme.name = base;
    Ok(theme)
}

/// `resume themes`: the built-ins, one line each, or one theme's source.
pub fn list(name: Option<&str>) -> Result<(), Failure> {
    match name {
        None => {
            let themes: Vec<(&str, String)> = resume_model::design::builtin_themes().collect();
            let width = themes.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
            for (name, description) in themes {
                println!("{name:width$}  {description}");
            }
            Ok(())
        }
        Some(name) => match resume_model::design::builtin_theme_source(name) {
            Some(text) => {
                print!("{text}");
                Ok(())
            }
            None => Err(Failure::Io(anyhow!(
                "unknown theme `{name}`; built-in themes: {}",
                THEMES.join(", ")
            ))),
        },
    }
}
