//! Fonts the PDF may draw from besides its own: the folders the user names
//! (`--font-dir`, `layout.font_dirs`), then the fonts installed on this
//! machine. Both are read only when the bundled faces lack a character of
//! the document, and the system's once per process.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use resume_document::{Document, Format, FormatError, Output, Shared};
use resume_model::SourceFormat;

/// The fonts installed on this machine, loaded once; none when
/// `RESUME_SYSTEM_FONTS=0` asks for a build that depends on no installed
/// font (the bundled faces and the font folders only).
fn system() -> Option<Arc<fontdb::Database>> {
    static SYSTEM: OnceLock<Option<Arc<fontdb::Database>>> = OnceLock::new();
    SYSTEM
        .get_or_init(|| {
            if std::env::var_os("RESUME_SYSTEM_FONTS").is_some_and(|v| v == "0") {
                return None;
            }
            let mut db = fontdb::Database::new();
            db.load_system_fonts();
            Some(Arc::new(db))
        })
        .clone()
}

/// The faces of the user's font folders, in the order given.
fn folders(dirs: &[PathBuf]) -> Option<Arc<fontdb::Database>> {
    if dirs.is_empty() {
        return None;
    }
    let mut db = fontdb::Database::new();
    for dir in dirs {
        db.load_fonts_dir(dir);
    }
    Some(Arc::new(db))
}

/// The PDF's fallback fonts: the font folders, then the installed fonts.
pub(crate) fn fallback(dirs: &[PathBuf]) -> Vec<Arc<fontdb::Database>> {
    folders(dirs).into_iter().chain(system()).collect()
}

/// Checks that each font folder is a folder, before anything is built.
pub(crate) fn check_dirs(dirs: &[PathBuf]) -> anyhow::Result<()> {
    for dir in dirs {
        if !dir.is_dir() {
            anyhow::bail!(
                "the font folder {} does not exist or is not a folder; pass a folder of .ttf, .otf or .ttc files",
                dir.display()
            );
        }
    }
    Ok(())
}

/// Renders one format. The PDF, when its own faces lack a character of the
/// document, gets one more try with the user's font folders and the
/// installed fonts, which are slower to load and so read only when needed.
pub(crate) fn render(
    format: &dyn Format,
    doc: &Document,
    shared: &Shared,
    dirs: &[PathBuf],
) -> Result<Output, FormatError> {
    match format.render(doc, shared) {
        Err(_) if format.extension() == "pdf" && resume_pdf::needs_more_fonts(doc) => {
            let pdf = resume_pdf::Pdf {
                fallback_fonts: fallback(dirs),
            };
            pdf.render(doc, shared)
        }
        other => other,
    }
}

/// Where a character stands in a source: its line and column (from 1) and
/// the path of the value that holds it, as the source spells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CharPlace {
    pub line: usize,
    pub column: usize,
    pub path: Option<String>,
}

/// The first places of each character in `source`, at most `limit` each.
pub(crate) fn places(
    source: &str,
    format: SourceFormat,
    chars: &[char],
    limit: usize,
) -> BTreeMap<char, Vec<CharPlace>> {
    let locator = resume_model::Locator::new(source, format);
    let mut out: BTreeMap<char, Vec<CharPlace>> = chars.iter().map(|&c| (c, Vec::new())).collect();
    let (mut line, mut column) = (1, 1);
    for (at, c) in source.char_indices() {
        if let Some(list) = out.get_mut(&c)
            && list.len() < limit
        {
            let path = locator.as_ref().and_then(|l| l.at(at)).map(|l| l.path);
            // One place per value is enough to find it.
            if !list.iter().any(|p| p.path.is_some() && p.path == path) {
                list.push(CharPlace { line, column, path });
            }
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    out
}

/// The Debian package that has fonts for a character, for the fix a
/// message suggests.
pub(crate) fn package_for(c: char) -> &'static str {
    let cp = u32::from(c);
    let cjk = matches!(
        cp,
        0x1100..=0x11FF
            | 0x2E80..=0x2FDF
            | 0x3000..=0x9FFF
            | 0xA960..=0xA97F
            | 0xAC00..=0xD7FF
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFFEF
            | 0x20000..=0x3FFFF
    );
    if cjk {
        "fonts-noto-cjk"
    } else if resume_pdf::is_pictograph(c) {
        "fonts-symbola"
    } else {
        "fonts-noto-core"
    }
}

/// The report of characters the PDF cannot draw: each with where the
/// source has it, and how to get a font for it.
pub(crate) fn missing_report(
    path: &Path,
    source: &str,
    format: SourceFormat,
    chars: &[char],
    severity: &str,
) -> String {
    let mut out = String::new();
    let places = places(source, format, chars, 3);
    for (c, list) in &places {
        for p in list {
            out.push_str(&format!(
                "  {severity}: {}:{}:{}: {}{}\n",
                path.display(),
                p.line,
                p.column,
                resume_document::describe_chars(&[*c]),
                p.path
                    .as_deref()
                    .map(|p| format!(" in `{p}`"))
                    .unwrap_or_default()
            ));
        }
    }
    out
}

/// The fix for characters no font has: the packages that have them, or a
/// folder of fonts.
pub(crate) fn missing_fix(chars: &[char]) -> String {
    let mut packages: Vec<&str> = chars.iter().map(|&c| package_for(c)).collect();
    packages.sort_unstable();
    packages.dedup();
    format!(
        "install a font that has them (on Debian or Ubuntu: `sudo apt install {}`), or pass `--font-dir DIR` with a folder of fonts that do",
        packages.join(" ")
    )
}
