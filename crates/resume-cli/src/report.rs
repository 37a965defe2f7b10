//! Printing diagnostics as rustc does: file:line:col, the source line with
//! the place marked, and hints.

use std::io::IsTerminal;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use resume_model::{Diagnostic, Severity};

/// Renders diagnostics of one source file for stderr.
pub fn render(path: &Path, source: &str, diags: &[Diagnostic]) -> String {
    render_coded(path, source, diags.iter().map(|d| (None, d)))
}

/// Renders diagnostics that may carry a code (a lint rule id), shown as
/// rustc shows its error codes: `warning[weak-opening]: …`.
pub fn render_coded<'d>(
    path: &Path,
    source: &str,
    diags: impl IntoIterator<Item = (Option<&'d str>, &'d Diagnostic)>,
) -> String {
    let renderer = if std::io::stderr().is_terminal() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let name = path.display().to_string();
    let mut out = String::new();
    for (code, d) in diags {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Note => Level::NOTE,
        };
        let mut title = level.primary_title(d.message.as_str());
        if let Some(code) = code {
            title = title.id(code);
        }
        let mut group = match &d.span {
            Some(span) => {
                let span = clamp(source, span.clone());
                let mut snippet = Snippet::source(source).path(name.as_str()).fold(true);
                let label = (!d.path.is_empty()).then(|| format!("in `{}`", d.path));
                let mut annotation = AnnotationKind::Primary.span(span);
                if let Some(l) = label {
                    annotation = annotation.label(l);
                }
                snippet = snippet.annotation(annotation);
                Group::with_title(title).element(snippet)
            }
            None => Group::with_title(title).element(Level::NOTE.message(format!("in {name}"))),
        };
        for hint in &d.hints {
            group = group.element(Level::HELP.message(hint.as_str()));
        }
        let report: [Group<'_>; 1] = [group];
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

/// Keeps a span inside the text and on character boundaries.
fn clamp(source: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut start = span.start.min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, source.len());
    while !source.is_char_boundary(end) {
        end += 1;
    }
    start..end
}
