//! Printing diagnostics as rustc does: file:line:col, the source line with
//! the place marked, and hints.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use resume_model::{Diagnostic, Severity};

thread_local! {
    /// What [`emit`] printed on this thread while [`capturing`] runs.
    static CAPTURED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Prints messages for the user (diagnostics, errors) on stderr, and keeps
/// a copy when this thread is [`capturing`], so `preview` can show in the
/// page what the terminal shows.
pub fn emit(text: &str) {
    eprint!("{text}");
    CAPTURED.with_borrow_mut(|c| {
        if let Some(c) = c {
            c.push_str(text);
        }
    });
}

/// [`emit`] with a line end, formatted as `eprintln!` is.
macro_rules! emitln {
    ($($arg:tt)*) => {
        $crate::report::emit(&format!("{}\n", format_args!($($arg)*)))
    };
}
pub(crate) use emitln;

/// Runs `f` and returns what it [`emit`]ted on this thread beside its
/// result, without the terminal's colours.
pub fn capturing<T>(f: impl FnOnce() -> T) -> (T, String) {
    let outer = CAPTURED.replace(Some(String::new()));
    let out = f();
    let text = CAPTURED.replace(outer).unwrap_or_default();
    (out, without_styles(&text))
}

/// A text without its ANSI escape sequences (the colours of a terminal).
pub fn without_styles(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        // CSI: ESC [ parameters… final byte in @..=~.
        if chars.next() == Some('[') {
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
    }
    out
}

/// Renders diagnostics of one source file for stderr.
pub fn render(path: &Path, source: &str, diags: &[Diagnostic]) -> String {
    render_coded(path, source, diags.iter().map(|d| (None, d)))
}

/// How many diagnostics of one file are printed; the rest are counted.
/// Zero prints all of them.
static MAX_SHOWN: AtomicUsize = AtomicUsize::new(DEFAULT_MAX);

/// The default of `--max-diagnostics`.
pub const DEFAULT_MAX: usize = 50;

/// Sets how many diagnostics of one file are printed (`--max-diagnostics`).
pub fn set_max(n: usize) {
    MAX_SHOWN.store(n, Ordering::Relaxed);
}

/// Renders diagnostics that may carry a code (a lint rule id), shown as
/// rustc shows its error codes: `warning[weak-opening]: …`.
///
/// Each diagnostic is drawn from the lines its span covers, found in a line
/// index built once, so the work grows with the number of diagnostics, not
/// with that number times the size of the file. Past the cap the rest are
/// only counted; errors are shown before warnings when the cap must choose.
pub fn render_coded<'d>(
    path: &Path,
    source: &str,
    diags: impl IntoIterator<Item = (Option<&'d str>, &'d Diagnostic)>,
) -> String {
    let diags: Vec<_> = diags.into_iter().collect();
    let max = match MAX_SHOWN.load(Ordering::Relaxed) {
        0 => usize::MAX,
        n => n,
    };
    // Errors first, then warnings, then notes; within each, the first of
    // every code (lint rule) before the rest, so many findings of one rule
    // do not hide the only finding of another.
    let mut shown = vec![false; diags.len()];
    let mut room = max;
    for severity in [Severity::Error, Severity::Warning, Severity::Note] {
        for first_of_code in [true, false] {
            let mut codes: Vec<Option<&str>> = Vec::new();
            for (i, (code, d)) in diags.iter().enumerate() {
                if room == 0 || shown[i] || d.severity != severity {
                    continue;
                }
                if first_of_code {
                    if code.is_none() || codes.contains(code) {
                        continue;
                    }
                    codes.push(*code);
                }
                shown[i] = true;
                room -= 1;
            }
        }
    }
    let renderer = if std::io::stderr().is_terminal() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let lines = Lines::new(source);
    let name = path.display().to_string();
    let mut out = String::new();
    for ((code, d), _) in diags.iter().zip(&shown).filter(|(_, s)| **s) {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Note => Level::NOTE,
        };
        let mut title = level.primary_title(d.message.as_str());
        if let Some(code) = code {
            title = title.id(*code);
        }
        let mut group = match &d.span {
            Some(span) => {
                let span = clamp(source, span.clone());
                let (excerpt, first_line) = lines.around(span.clone());
                let local = span.start - excerpt.start..span.end - excerpt.start;
                let mut snippet = Snippet::source(visible(&source[excerpt]))
                    .line_start(first_line)
                    .path(name.as_str())
                    .fold(true);
                let label = (!d.path.is_empty()).then(|| format!("in `{}`", d.path));
                let mut annotation = AnnotationKind::Primary.span(local);
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
    let hidden: Vec<&Diagnostic> = diags
        .iter()
        .zip(&shown)
        .filter(|(_, s)| !**s)
        .map(|((_, d), _)| *d)
        .collect();
    if !hidden.is_empty() {
        let errors = hidden.iter().filter(|d| d.is_error()).count();
        let kinds = match (errors, hidden.len() - errors) {
            (0, _) => String::new(),
            (e, 0) => format!(" ({} error{})", thousands(e), plural(e)),
            (e, w) => format!(
                " ({} error{}, {} other{})",
                thousands(e),
                plural(e),
                thousands(w),
                plural(w)
            ),
        };
        out.push_str(&format!(
            "note: {name}: … and {} more{kinds} not shown\n  help: --max-diagnostics N shows more (0 shows all)\n\n",
            thousands(hidden.len())
        ));
    }
    out
}

/// The source lines as they may be printed: the renderer shows C0
/// controls as their pictures (␛), and here the C1 controls and U+FFFE and
/// U+FFFF, which it passes through, become characters of the same length
/// in bytes, so spans still point at them.
fn visible(lines: &str) -> std::borrow::Cow<'_, str> {
    if !lines
        .chars()
        .any(|c| resume_model::is_control(c) && c.len_utf8() > 1)
    {
        return lines.into();
    }
    lines
        .chars()
        .map(|c| match c.len_utf8() {
            2 if resume_model::is_control(c) => '\u{b7}',
            3 if resume_model::is_control(c) => '\u{fffd}',
            _ => c,
        })
        .collect::<String>()
        .into()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A count with thousands separators, as `19,950`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Where each line of a text starts, to cut out the lines a span covers.
struct Lines {
    starts: Vec<usize>,
    len: usize,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines {
            starts,
            len: text.len(),
        }
    }

    /// The byte range of the whole lines a span touches (with their line
    /// ends), and the 1-based number of the first.
    fn around(&self, span: std::ops::Range<usize>) -> (std::ops::Range<usize>, usize) {
        let line_of = |offset: usize| self.starts.partition_point(|&s| s <= offset) - 1;
        let first = line_of(span.start);
        let last = line_of(span.end.saturating_sub(1).max(span.start));
        let end = self.starts.get(last + 1).copied().unwrap_or(self.len);
        (self.starts[first]..end, first + 1)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(950), "950");
        assert_eq!(thousands(19_950), "19,950");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn styles_are_taken_out_of_captured_text() {
        assert_eq!(
            without_styles("\u{1b}[1m\u{1b}[91merror\u{1b}[0m: x < y"),
            "error: x < y"
        );
        let ((), text) = capturing(|| {
            emit("one\n");
            emitln!("two {}", 2);
        });
        assert_eq!(text, "one\ntwo 2\n");
        let ((), text) = capturing(|| {});
        assert_eq!(text, "");
    }

    #[test]
    fn a_span_is_cut_out_with_its_whole_lines() {
        let text = "a\nbc\ndef";
        let lines = Lines::new(text);
        assert_eq!(lines.around(0..1), (0..2, 1));
        assert_eq!(lines.around(3..4), (2..5, 2));
        assert_eq!(lines.around(3..8), (2..8, 2));
        assert_eq!(lines.around(8..8), (5..8, 3));
    }
}
