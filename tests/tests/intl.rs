//! The multilingual corpus (`tests/data/intl/`) in every format: each
//! résumé, read from TOML or JSON Resume, keeps every word of its document
//! in reading order in plain text, HTML, DOCX and PDF, and speaks its own
//! language: the locale's section titles, no English title, month name or
//! "Present".
//!
//! The files are found by listing the folder, so a new file is a new set of
//! trials, named `<stem>::txt`, `<stem>::html`, `<stem>::docx`,
//! `<stem>::pdf` and `<stem>::locale`.
//!
//! Runs on its own harness (libtest-mimic) so that a PDF check this machine
//! cannot make (no pdftotext, no font for the script) is reported as
//! ignored with the reason; under CI (`CI` set) it runs and fails.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};

use libtest_mimic::{Arguments, Completion, Failed, Trial};
use resume_document::{Document, Format, SectionBody, Shared};
use resume_model::{Locale, Resume, SectionKind};
use resume_tests::{document_words, docx_text, fidelity, root, tokens};

/// Thresholds of every output: the share of the document's words present,
/// and the share of those in reading order.
const MIN_RECALL: f64 = 0.99;
const MIN_ORDER: f64 = 0.98;

/// Outputs that do not reach the thresholds yet (issue #10 stays open for
/// them), with the floors measured when they were recorded: each trial
/// still fails if it gets worse, and passes the real thresholds once it
/// reaches them, when its line here should go. `(file stem, format,
/// recall, order)`.
///
/// The cause: in an Arabic entry, pdftotext reads the dates and place
/// before the technologies line under the heading (its right-aligned lines
/// do not join the heading's block as left-aligned ones do).
const KNOWN_GAPS: &[(&str, &str, f64, f64)] = &[("ar", "pdf", 0.99, 0.965)];

/// The floors of one output: the thresholds, or a recorded gap's
/// (`INTL_STRICT=1` asks for the thresholds everywhere, to see the gaps).
fn floors(stem: &str, ext: &str) -> (f64, f64) {
    KNOWN_GAPS
        .iter()
        .find(|(s, e, _, _)| *s == stem && *e == ext)
        .filter(|_| std::env::var_os("INTL_STRICT").is_none())
        .map_or((MIN_RECALL, MIN_ORDER), |&(_, _, r, o)| (r, o))
}

fn corpus() -> Vec<PathBuf> {
    let dir = root().join("tests/data/intl");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| matches!(ext(p), "toml" | "json"))
        .collect();
    files.sort();
    files
}

fn ext(path: &Path) -> &str {
    path.extension().and_then(|e| e.to_str()).unwrap_or("")
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .expect("a UTF-8 file name")
        .to_string()
}

/// The file read as the CLI's `build` reads it: TOML with our reader, JSON
/// with the JSON Resume reader.
fn read(path: &Path) -> Result<Resume, Failed> {
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let parsed = if ext(path) == "json" {
        resume_model::parse_json(&source, false)
    } else {
        resume_model::parse_toml(&source)
    };
    parsed.map(|(r, _)| r).map_err(|diags| {
        let errors: Vec<String> = diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{}: {}", d.path, d.message))
            .collect();
        format!("{} does not read: {}", path.display(), errors.join("; ")).into()
    })
}

fn document(resume: &Resume) -> Document {
    resume_document::lower(resume, &resume_document::Options::default())
}

/// The language the file asks for: `layout.locale` in TOML, `meta.language`
/// or `meta.locale` in JSON Resume (read from the file itself, so the check
/// does not depend on the reader it tests).
fn tag(path: &Path, resume: &Resume) -> Option<String> {
    if ext(path) != "json" {
        return resume.layout.locale.clone();
    }
    let source = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&source).ok()?;
    let meta = json.get("meta")?;
    meta.get("language")
        .or_else(|| meta.get("locale"))
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// The format as the CLI renders it: a PDF whose document has characters
/// the bundled fonts lack borrows them from the system's fonts.
fn format(ext: &str, doc: &Document) -> Box<dyn Format> {
    match ext {
        "pdf" if resume_pdf::needs_more_fonts(doc) => Box::new(resume_pdf::Pdf {
            fallback_fonts: vec![system_fonts()],
        }),
        "pdf" => Box::new(resume_pdf::Pdf::default()),
        "docx" => Box::new(resume_docx::Docx),
        "html" => Box::new(resume_html::Html),
        "txt" => Box::new(resume_text::PlainText::default()),
        "md" => Box::new(resume_markdown::Markdown),
        _ => unreachable!("{ext} is not a format"),
    }
}

fn system_fonts() -> Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = fontdb::Database::new();
            db.load_system_fonts();
            Arc::new(db)
        })
        .clone()
}

fn shared() -> Shared {
    Shared {
        timestamp: Some(1_700_000_000),
        fit_pages: Some(1),
        creator: "resume tests".into(),
    }
}

/// What a reader of the format sees as text: the plain text itself, the
/// HTML page's body, the DOCX's text runs, the PDF as pdftotext reads it.
fn output_text(ext: &str, doc: &Document) -> Result<String, Failed> {
    let f = format(ext, doc);
    let out = f
        .render(doc, &shared())
        .map_err(|e| format!("{ext}: {e}"))?;
    let bytes = out.bytes;
    let s = || String::from_utf8(bytes.clone()).map_err(|e| format!("{ext}: {e}"));
    Ok(match ext {
        "txt" => s()?,
        "html" => {
            let page = scraper::Html::parse_document(&s()?);
            let body = scraper::Selector::parse("body").expect("selector");
            let body = page.select(&body).next().ok_or("html: no body")?;
            body.text().collect::<Vec<_>>().join(" ")
        }
        "docx" => docx_text(&bytes),
        "pdf" => pdf_text(&bytes)?,
        // The Markdown as GitHub renders it: its text, not its syntax.
        "md" => {
            let md = s()?;
            let mut text = String::new();
            for event in pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::all()) {
                match event {
                    pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => {
                        text.push_str(&t)
                    }
                    pulldown_cmark::Event::End(_)
                    | pulldown_cmark::Event::SoftBreak
                    | pulldown_cmark::Event::HardBreak => text.push('\n'),
                    _ => {}
                }
            }
            text
        }
        _ => unreachable!(),
    })
}

/// The PDF's text in reading order (pdftotext without `-layout`).
fn pdf_text(bytes: &[u8]) -> Result<String, Failed> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .map_err(|e| format!("cannot run pdftotext: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "pdftotext failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )
        .into());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Recall and order of `output` against the document's words; a failure
/// names the words missing (as a multiset, in reference order).
fn check_words(
    reference: &str,
    output: &str,
    (min_recall, min_order): (f64, f64),
) -> Result<(), Failed> {
    let f = fidelity(reference, output);
    if f.recall >= min_recall && f.order >= min_order {
        return Ok(());
    }
    let mut left = tokens(output);
    let mut missing = Vec::new();
    for w in tokens(reference) {
        match left.iter().position(|o| *o == w) {
            Some(i) => {
                left.swap_remove(i);
            }
            None => missing.push(w),
        }
    }
    let shown: Vec<&str> = missing.iter().take(40).map(String::as_str).collect();
    let moved = resume_tests::out_of_order(reference, output);
    let moved: Vec<&str> = moved.iter().take(40).map(String::as_str).collect();
    let excerpt: String = output.chars().take(300).collect();
    Err(format!(
        "recall {:.4} (min {min_recall}), order {:.4} (min {min_order}); \
         {} words missing, first: {shown:?}; out of order: {moved:?}\n--- output begins ---\n{excerpt}",
        f.recall,
        f.order,
        missing.len()
    )
    .into())
}

fn words_trial(path: PathBuf, ext: &'static str) -> Trial {
    Trial::test(format!("{}::{ext}", stem(&path)), move || {
        let doc = document(&read(&path)?);
        let floors = floors(&stem(&path), ext);
        let reference = match ext {
            "docx" => resume_tests::document_words_by_rows(&doc),
            _ => document_words(&doc),
        };
        check_words(&reference, &output_text(ext, &doc)?, floors)
    })
}

/// Why this machine cannot make the PDF check of this document, if it
/// cannot: pdftotext, or a font for one of its scripts, is missing.
fn pdf_missing(doc: &Document, lang: Option<&str>) -> Option<String> {
    if !have("pdftotext") {
        return Some("needs pdftotext (poppler-utils)".into());
    }
    let text = document_words(doc);
    let has = |range: std::ops::RangeInclusive<char>| text.chars().any(|c| range.contains(&c));
    let cjk = has('\u{3040}'..='\u{30FF}')
        || has('\u{4E00}'..='\u{9FFF}')
        || has('\u{AC00}'..='\u{D7AF}');
    if cjk && !font_for(lang.unwrap_or("zh")) {
        return Some("needs fonts-noto-cjk".into());
    }
    if has('\u{0600}'..='\u{06FF}') && !font_for("ar") {
        return Some("needs fonts-noto-core (Arabic)".into());
    }
    if has('\u{0590}'..='\u{05FF}') && !font_for("he") {
        return Some("needs fonts-noto-core (Hebrew)".into());
    }
    None
}

/// Whether fontconfig knows a font for the language.
fn font_for(lang: &str) -> bool {
    let lang = lang.split(['-', '_']).next().unwrap_or(lang);
    Command::new("fc-list")
        .arg(format!(":lang={lang}"))
        .arg("file")
        .output()
        .is_ok_and(|o| o.status.success() && !o.stdout.trim_ascii().is_empty())
}

fn have(program: &str) -> bool {
    Command::new(program).arg("-v").output().is_ok()
}

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

fn pdf_trial(path: PathBuf) -> Trial {
    Trial::ignorable_test(format!("{}::pdf", stem(&path)), move || {
        let resume = read(&path)?;
        let doc = document(&resume);
        if !ci()
            && let Some(reason) = pdf_missing(&doc, tag(&path, &resume).as_deref())
        {
            return Ok(Completion::ignored_with(reason));
        }
        let floors = floors(&stem(&path), "pdf");
        check_words(&document_words(&doc), &output_text("pdf", &doc)?, floors)?;
        Ok(Completion::Completed)
    })
}

/// Whether `word` occurs in `text` as a whole word (or phrase), ignoring
/// case.
fn has_word(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    let word = word.to_lowercase();
    let mut from = 0;
    while let Some(i) = text[from..].find(&word) {
        let start = from + i;
        let end = start + word.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = start + word.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Every date shown in the document.
fn dates(doc: &Document) -> Vec<String> {
    fn walk(e: &resume_document::Entry, out: &mut Vec<String>) {
        out.extend(e.dates.as_ref().map(|d| d.display()));
        e.roles.iter().for_each(|r| walk(r, out));
    }
    let mut out = Vec::new();
    for s in &doc.sections {
        if let SectionBody::Entries(es) = &s.body {
            es.iter().for_each(|e| walk(e, &mut out));
        }
    }
    out
}

fn locale_trial(path: PathBuf) -> Trial {
    Trial::test(format!("{}::locale", stem(&path)), move || {
        let resume = read(&path)?;
        let doc = document(&resume);
        let tag = tag(&path, &resume).ok_or("the file names no language")?;
        let mut problems = Vec::new();
        if doc.meta.language.as_str() != tag {
            problems.push(format!(
                "the document's language is `{}`, not `{tag}`",
                doc.meta.language
            ));
        }
        match Locale::resolve(&tag) {
            None => problems.push(format!("no built-in locale `{tag}`")),
            Some(locale) => {
                for s in &doc.sections {
                    let Some(kind) = SectionKind::from_key(&s.id) else {
                        continue;
                    };
                    let own = resume
                        .layout
                        .sections
                        .iter()
                        .find(|(k, _)| *k == s.id)
                        .and_then(|(_, l)| l.title.clone());
                    let want = own.or_else(|| Some(locale.titles.of(kind).to_string()));
                    if want.as_deref() != Some(s.title.as_str()) {
                        problems.push(format!(
                            "section `{}` is titled {:?}, not {want:?}",
                            s.id, s.title
                        ));
                    }
                }
            }
        }
        let english = Locale::english();
        for d in dates(&doc) {
            let months = english.months.iter().chain(&english.months_short);
            if let Some(m) = months.into_iter().find(|m| {
                d.split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == m.as_str())
            }) {
                problems.push(format!("the date {d:?} has the English month {m:?}"));
            }
        }
        let mut exts = vec!["txt", "html", "docx"];
        if have("pdftotext") {
            exts.push("pdf");
        }
        for ext in exts {
            let text = match output_text(ext, &doc) {
                Ok(text) => text,
                Err(e) => {
                    problems.push(format!("{ext}: {}", e.message().unwrap_or("failed")));
                    continue;
                }
            };
            for kind in SectionKind::ALL {
                let title = english.titles.of(kind);
                if has_word(&text, title) {
                    problems.push(format!("{ext}: the English title {title:?}"));
                }
            }
            if has_word(&text, &english.present) {
                problems.push(format!("{ext}: the English {:?}", english.present));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("\n").into())
        }
    })
}

fn main() {
    let args = Arguments::from_args();
    let files = corpus();
    assert!(files.len() >= 10, "the corpus has a file per language");
    let mut trials = Vec::new();
    for path in files {
        for ext in ["txt", "html", "docx", "md"] {
            trials.push(words_trial(path.clone(), ext));
        }
        trials.push(pdf_trial(path.clone()));
        trials.push(locale_trial(path));
    }
    libtest_mimic::run(&args, trials).exit();
}
