//! `resume lint`: reads the source, the clock and the PDF's page count, and
//! prints what `resume_document::lint` finds.

use std::path::Path;

use anyhow::anyhow;
use resume_document::lint::{Finding, LintOptions, lint};
use resume_model::{Date, LineIndex, Severity, SourceMap};

use crate::args::{DenyArg, LintArgs, ReportFormat, SourceFormat};
use crate::{Failure, report, source_date_epoch, source_format};

pub fn run(args: &LintArgs) -> Result<(), Failure> {
    let path = args.source.as_path();
    let format = source_format(path, args.from.from)?;
    let source = crate::source::read(path)?;
    // Lint reads a JSON Resume file as `build` does: its content is what is
    // checked, not its conformance to the schema (`resume check` does that).
    let (parsed, map) = match format {
        SourceFormat::Toml => (resume_model::parse_toml(&source), SourceMap::toml(&source)),
        SourceFormat::Json => (
            resume_model::parse_json(&source, false),
            SourceMap::json(&source),
        ),
    };
    let resume = match parsed {
        Ok((resume, warnings)) => {
            if !warnings.is_empty() {
                eprint!("{}", report::render(path, &source, &warnings));
            }
            resume
        }
        Err(diags) => {
            eprint!("{}", report::render(path, &source, &diags));
            let n = diags.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "error: {} has {n} error{}; fix them before linting",
                path.display(),
                if n == 1 { "" } else { "s" }
            );
            return Err(Failure::Invalid);
        }
    };
    let theme = crate::theme::resolve(path, &resume, args.theme.as_deref())?;
    let allowed = |rule: &str| {
        args.allow.iter().any(|a| a == rule) || resume.lint.allow.iter().any(|a| a == rule)
    };
    let target = args.fit_pages as usize;
    let pages = if allowed("too-many-pages") {
        None
    } else {
        pdf_pages(&resume, &theme, target)
    };
    let options = LintOptions {
        today: today()?,
        theme: Some(theme),
        pages: pages.map(|p| (p, target)),
        allow: args.allow.clone(),
    };
    let findings = lint(&resume, &map, &options);
    match args.format {
        ReportFormat::Text => {
            let coded = findings.iter().map(|f| (Some(f.rule), &f.diagnostic));
            eprint!("{}", report::render_coded(path, &source, coded));
            eprintln!("{}", summary(path, &findings));
        }
        ReportFormat::Json => println!("{}", json(path, &source, &findings)),
    }
    let warned = findings
        .iter()
        .any(|f| f.diagnostic.severity >= Severity::Warning);
    if args.deny == Some(DenyArg::Warnings) && warned {
        return Err(Failure::Invalid);
    }
    Ok(())
}

/// The PDF's pages when built as `build` builds it, fitted to `target`;
/// `None` (with a note) when it cannot be built.
fn pdf_pages(
    resume: &resume_model::Resume,
    theme: &resume_document::Theme,
    target: usize,
) -> Option<usize> {
    let doc = resume_document::lower(
        resume,
        &resume_document::Options {
            theme: Some(theme.clone()),
            ..resume_document::Options::default()
        },
    );
    let mut options = resume_pdf::PdfOptions {
        fit_pages: Some(target),
        ..resume_pdf::PdfOptions::default()
    };
    let first = resume_pdf::pdf_with_report(&doc, &options);
    // As in `build`: the installed fonts only when the bundled ones lack
    // a character.
    let out = match first {
        Err(_) if resume_pdf::needs_more_fonts(&doc) => {
            options.fallback_fonts = crate::fonts::fallback(&[]);
            resume_pdf::pdf_with_report(&doc, &options)
        }
        other => other,
    };
    match out {
        Ok(out) => Some(out.pages),
        Err(e) => {
            eprintln!("note: the page count is not checked: cannot build the PDF: {e}");
            None
        }
    }
}

/// Today, from SOURCE_DATE_EPOCH when set (so runs are reproducible), else
/// the clock.
fn today() -> Result<Date, Failure> {
    let seconds = match source_date_epoch()? {
        Some(s) => s,
        None => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
    };
    civil(seconds.div_euclid(86_400)).ok_or_else(|| {
        Failure::Io(anyhow!(
            "SOURCE_DATE_EPOCH is out of range; give seconds since 1970 for a year up to 9999"
        ))
    })
}

/// The calendar date of a day counted from 1970-01-01.
fn civil(days: i64) -> Option<Date> {
    let (year, month, day) = resume_document::civil_date(days)?;
    Some(Date {
        year: u16::try_from(year)
            .ok()
            .filter(|y| (1..=9999).contains(y))?,
        month: Some(u8::try_from(month).ok()?),
        day: Some(u8::try_from(day).ok()?),
    })
}

fn summary(path: &Path, findings: &[Finding]) -> String {
    let count = |s: Severity| {
        findings
            .iter()
            .filter(|f| f.diagnostic.severity == s)
            .count()
    };
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let (w, n) = (count(Severity::Warning), count(Severity::Note));
    if w + n == 0 {
        format!("ok: {}: nothing to report", path.display())
    } else {
        format!(
            "{}: {}, {}",
            path.display(),
            plural(w, "warning"),
            plural(n, "note")
        )
    }
}

/// One JSON array, one object per finding, for editors and CI. Lines and
/// columns are 1-based, columns in characters; both are null for findings
/// about the whole file.
fn json(path: &Path, source: &str, findings: &[Finding]) -> String {
    let index = LineIndex::new(source);
    let items: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            let d = &f.diagnostic;
            let at = |offset: Option<usize>| offset.map(|o| index.line_col(o));
            let (start, end) = (
                at(d.span.as_ref().map(|s| s.start)),
                at(d.span.as_ref().map(|s| s.end)),
            );
            serde_json::json!({
                "rule": f.rule,
                "severity": match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Note => "note",
                },
                "message": d.message,
                "file": path.display().to_string(),
                "path": d.path,
                "line": start.map(|p| p.0),
                "column": start.map(|p| p.1),
                "end_line": end.map(|p| p.0),
                "end_column": end.map(|p| p.1),
                "hint": d.hints.first(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::civil;

    #[test]
    fn civil_dates() {
        let show = |d: i64| civil(d).map(|d| d.to_string());
        assert_eq!(show(0).as_deref(), Some("1970-01-01"));
        assert_eq!(show(19_782).as_deref(), Some("2024-02-29"));
        assert_eq!(show(-1).as_deref(), Some("1969-12-31"));
        assert_eq!(show(i64::MAX), None);
        assert_eq!(show(10_000_000), None);
    }
}
