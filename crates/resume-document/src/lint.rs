//! `resume lint`: content checks a recruiter or an applicant-tracking system
//! would trip over, as located warnings and notes. `docs/lint.md` explains
//! every rule; keep the two in step.
//!
//! The checks run on the read [`Resume`]; where a bullet or a date is in the
//! source comes from a [`SourceMap`], so every finding points at the text to
//! change. Nothing here reads the clock or the file system: today's date and
//! the PDF's page count are the caller's.

use std::collections::{BTreeSet, HashSet};

use resume_model::{
    Date, DateValue, Diagnostic, LINT_RULES, Period, Resume, Rich, Severity, SourceMap,
};

use crate::{Design, Estimate, FaceSet, Options, Text, Theme, lower};

/// A gap between jobs longer than this many months is reported.
pub const DEFAULT_MAX_GAP_MONTHS: u32 = 6;
/// A bullet of more words than this is reported.
pub const DEFAULT_MAX_BULLET_WORDS: u32 = 40;
/// A bullet that takes more lines than this at the theme's measure is reported.
pub const DEFAULT_MAX_BULLET_LINES: u32 = 2;
/// A summary of more words than this is reported.
pub const DEFAULT_MAX_SUMMARY_WORDS: u32 = 60;

/// Openings that say what one was near rather than what one did; matched
/// case-insensitively at the start of a bullet, as whole words.
const WEAK_OPENINGS: [&str; 14] = [
    "responsible for",
    "worked on",
    "worked with",
    "helped with",
    "helped",
    "assisted with",
    "assisted",
    "involved in",
    "participated in",
    "duties included",
    "tasked with",
    "in charge of",
    "was part of",
    "contributed to",
];

/// Irregular past forms common at the start of a bullet. Forms that are
/// also base forms (`set`, `cut`, `put`, `read`) are left out: they cannot
/// tell the tense.
const IRREGULAR_PAST: [&str; 28] = [
    "built",
    "led",
    "ran",
    "made",
    "wrote",
    "drove",
    "grew",
    "won",
    "began",
    "brought",
    "bought",
    "taught",
    "sold",
    "held",
    "found",
    "gave",
    "took",
    "became",
    "chose",
    "spoke",
    "oversaw",
    "rebuilt",
    "rewrote",
    "undertook",
    "drew",
    "kept",
    "sent",
    "spent",
];

/// Words ending in "-ed" that are not past forms.
const NOT_PAST: [&str; 6] = ["need", "seed", "speed", "embed", "feed", "proceed"];

/// Base forms of verbs résumé bullets open with; with their "-s" forms they
/// mark the present tense (`cut`, `set`, `put` are past forms too, so they
/// are not here). A short list on purpose: a word not in it says
/// nothing, so the rule stays quiet rather than guess.
const BASE_VERBS: [&str; 59] = [
    "analyze",
    "architect",
    "automate",
    "build",
    "coach",
    "collaborate",
    "conduct",
    "coordinate",
    "create",
    "debug",
    "define",
    "deliver",
    "deploy",
    "design",
    "develop",
    "direct",
    "drive",
    "enable",
    "establish",
    "evaluate",
    "explore",
    "fix",
    "grow",
    "handle",
    "help",
    "hire",
    "implement",
    "improve",
    "increase",
    "integrate",
    "launch",
    "lead",
    "maintain",
    "manage",
    "mentor",
    "migrate",
    "monitor",
    "optimize",
    "own",
    "plan",
    "present",
    "prototype",
    "publish",
    "reduce",
    "refactor",
    "research",
    "review",
    "run",
    "scale",
    "ship",
    "streamline",
    "support",
    "teach",
    "test",
    "train",
    "use",
    "work",
    "write",
    "oversee",
];

/// Words ending in "-ing" that are not verb forms at the start of a bullet.
const NOT_ING: [&str; 4] = ["string", "spring", "during", "thing"];

/// Number words that count as a measurable result, like a digit does.
const NUMBER_WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "twice",
    "half",
];

/// First-person words (checked case-insensitively except "I").
const FIRST_PERSON: [&str; 10] = [
    "me", "my", "mine", "myself", "we", "our", "ours", "i'm", "i've", "i'd",
];

/// What lint needs besides the résumé.
#[derive(Debug, Clone)]
pub struct LintOptions {
    /// Today, for dates in the future and for jobs that go on.
    pub today: Date,
    /// The resolved theme the bullets are measured in; `None` for the
    /// source's own built-in theme.
    pub theme: Option<Theme>,
    /// Pages the PDF takes and the pages asked for, when the caller built it.
    pub pages: Option<(usize, usize)>,
    /// Rule ids turned off besides the source's `[lint] allow`.
    pub allow: Vec<String>,
}

/// One finding: the rule that made it and the located diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub diagnostic: Diagnostic,
}

/// Runs every rule not allowed, and returns the findings in source order
/// (those about the whole file last).
pub fn lint(resume: &Resume, map: &SourceMap, options: &LintOptions) -> Vec<Finding> {
    let mut allow: HashSet<&str> = resume.lint.allow.iter().map(String::as_str).collect();
    allow.extend(options.allow.iter().map(String::as_str));
    let mut cx = Cx {
        map,
        allow,
        findings: Vec::new(),
        today: options.today,
    };
    let bullets = bullets(resume, options.today);
    jobs(&mut cx, resume);
    dates(&mut cx, resume);
    long_bullets(&mut cx, resume, options, &bullets);
    for b in &bullets {
        bullet_rules(&mut cx, b);
    }
    duplicates(&mut cx, &bullets);
    punctuation(&mut cx, &bullets);
    basics(&mut cx, resume);
    if let Some((pages, target)) = options.pages
        && pages > target
    {
        cx.emit(
            "too-many-pages",
            Severity::Warning,
            format!(
                "the PDF takes {pages} pages, more than the {target} asked for, even after fitting"
            ),
            "",
            "shorten or drop the oldest bullets, or raise the target with --fit-pages",
        );
    }
    let mut findings = cx.findings;
    findings.sort_by_key(|f| f.diagnostic.span.as_ref().map_or(usize::MAX, |s| s.start));
    findings
}

struct Cx<'a> {
    map: &'a SourceMap,
    allow: HashSet<&'a str>,
    findings: Vec<Finding>,
    today: Date,
}

impl Cx<'_> {
    fn on(&self, rule: &str) -> bool {
        !self.allow.contains(rule)
    }

    fn emit(
        &mut self,
        rule: &'static str,
        severity: Severity,
        message: String,
        path: &str,
        hint: &str,
    ) {
        debug_assert!(LINT_RULES.contains(&rule), "{rule} is listed");
        if !self.on(rule) {
            return;
        }
        let span = if path.is_empty() {
            None
        } else {
            self.map.span(path)
        };
        let mut d = Diagnostic::warning(message, span, self.map.source_path(path));
        d.severity = severity;
        self.findings.push(Finding {
            rule,
            diagnostic: d.with_hint(hint),
        });
    }
}

/// Whether a job goes on, for the tense its bullets should have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Job {
    Current,
    Ended,
    /// Not a job (a project, a school), or its end is not known.
    None,
}

struct BulletRef<'a> {
    path: String,
    rich: &'a Rich,
    plain: String,
    job: Job,
}

fn job_of(period: &Period, today: Date) -> Job {
    match &period.end {
        Some(DateValue::Present) => Job::Current,
        // An end still to come reads as a current job's.
        Some(DateValue::Date(d)) if d.first_day() > day(today) => Job::None,
        Some(DateValue::Date(_)) => Job::Ended,
        _ => Job::None,
    }
}

/// Every bullet of the résumé with its model path.
fn bullets<'a>(r: &'a Resume, today: Date) -> Vec<BulletRef<'a>> {
    fn add<'a>(
        out: &mut Vec<BulletRef<'a>>,
        path: String,
        list: &'a [resume_model::Bullet],
        job: Job,
    ) {
        for (j, b) in list.iter().enumerate() {
            out.push(BulletRef {
                path: format!("{path}[{j}]"),
                rich: &b.text,
                plain: b.text.to_plain(),
                job,
            });
        }
    }
    let mut out = Vec::new();
    let out_ = &mut out;
    let mut add =
        |path: String, list: &'a [resume_model::Bullet], job: Job| add(out_, path, list, job);
    for (i, w) in r.work.iter().enumerate() {
        add(
            format!("work[{i}].highlights"),
            &w.highlights,
            job_of(&w.period, today),
        );
        for (k, role) in w.roles.iter().enumerate() {
            let period = if role.period.end.is_some() {
                &role.period
            } else {
                &w.period
            };
            add(
                format!("work[{i}].roles[{k}].highlights"),
                &role.highlights,
                job_of(period, today),
            );
        }
    }
    for (i, v) in r.volunteer.iter().enumerate() {
        add(
            format!("volunteer[{i}].highlights"),
            &v.highlights,
            job_of(&v.period, today),
        );
    }
    for (i, p) in r.projects.iter().enumerate() {
        add(
            format!("projects[{i}].highlights"),
            &p.highlights,
            Job::None,
        );
    }
    for (i, e) in r.education.iter().enumerate() {
        add(
            format!("education[{i}].highlights"),
            &e.highlights,
            Job::None,
        );
    }
    for (i, c) in r.custom.iter().enumerate() {
        add(format!("custom[{i}].items"), &c.items, Job::None);
        for (k, e) in c.entries.iter().enumerate() {
            add(
                format!("custom[{i}].entries[{k}].highlights"),
                &e.highlights,
                Job::None,
            );
        }
    }
    out
}

fn day(d: Date) -> (u16, u8, u8) {
    d.first_day()
}

/// Months since year 0: the first month a date can mean, or the last.
fn month(d: Date, last: bool) -> i64 {
    let m = d.month.unwrap_or(if last { 12 } else { 1 });
    i64::from(d.year) * 12 + i64::from(m) - 1
}

fn show_month(m: i64) -> String {
    format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
}

/// A job as months, with where its start is written.
struct Span {
    start: i64,
    end: i64,
    name: String,
    start_path: String,
}

/// A work entry's months: its own period, else the span of its roles.
fn work_spans(r: &Resume, today: Date) -> Vec<Span> {
    let now = month(today, false);
    let end_month = |e: &Option<DateValue>| match e {
        Some(DateValue::Present) => Some(now),
        Some(DateValue::Date(d)) => Some(month(*d, true)),
        _ => None,
    };
    let mut out = Vec::new();
    for (i, w) in r.work.iter().enumerate() {
        let mut candidates: Vec<(&Period, String)> = vec![(&w.period, format!("work[{i}]"))];
        candidates.extend(
            w.roles
                .iter()
                .enumerate()
                .map(|(k, role)| (&role.period, format!("work[{i}].roles[{k}]"))),
        );
        let mut start: Option<(i64, String)> = None;
        let mut end: Option<i64> = None;
        for (p, path) in candidates {
            if let Some(s) = p.start.as_ref().and_then(DateValue::as_date) {
                let m = month(s, false);
                if start.as_ref().is_none_or(|(old, _)| m < *old) {
                    start = Some((m, format!("{path}.start")));
                }
            }
            if let Some(e) = end_month(&p.end) {
                end = Some(end.map_or(e, |old| old.max(e)));
            }
        }
        if let (Some((start, start_path)), Some(end)) = (start, end) {
            out.push(Span {
                start,
                end,
                name: w.company.clone(),
                start_path,
            });
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

/// Gaps between jobs and jobs that overlap.
fn jobs(cx: &mut Cx, r: &Resume) {
    let spans = work_spans(r, cx.today);
    let max_gap = i64::from(r.lint.max_gap_months.unwrap_or(DEFAULT_MAX_GAP_MONTHS));
    // Time in school is not a gap: a degree in progress covers its months.
    let schooling: Vec<(i64, i64)> = r
        .education
        .iter()
        .filter_map(|e| {
            let s = e.period.start.as_ref()?.as_date()?;
            let end = match e.period.end.as_ref()? {
                DateValue::Present => month(cx.today, false),
                DateValue::Date(d) => month(*d, true),
                DateValue::Text(_) => return None,
            };
            Some((month(s, false), end))
        })
        .collect();
    let mut covered: Option<(i64, &str)> = None;
    for s in &spans {
        if let Some((until, before)) = covered {
            let uncovered = (until + 1..s.start)
                .filter(|m| !schooling.iter().any(|(a, b)| a <= m && m <= b))
                .count();
            if uncovered as i64 > max_gap {
                let message = format!(
                    "{uncovered} months without a job or school between {before} (until {}) and {} (from {})",
                    show_month(until),
                    s.name,
                    show_month(s.start)
                );
                cx.emit(
                    "employment-gap",
                    Severity::Warning,
                    message,
                    &s.start_path,
                    "say what filled the time (study, a project, care, travel) in a line of its own, or raise `[lint] max_gap_months`",
                );
            }
        }
        if covered.is_none_or(|(until, _)| s.end > until) {
            covered = Some((s.end, s.name.as_str()));
        }
    }
    for (a_i, a) in spans.iter().enumerate() {
        for b in &spans[a_i + 1..] {
            // A job that ends in the month the next begins is a handover,
            // not an overlap.
            let overlap = a.end.min(b.end) - b.start + 1;
            if overlap >= 2 {
                let message = format!("{} overlaps {} by {overlap} months", b.name, a.name);
                cx.emit(
                    "overlapping-jobs",
                    Severity::Warning,
                    message,
                    &b.start_path,
                    "correct the dates, or say in the position that one was part-time; roles at one company belong in `[[work.roles]]`",
                );
            }
        }
    }
}

/// Every dated thing: its model path and its period or date.
fn periods(r: &Resume) -> Vec<(String, &Period, bool)> {
    let mut out = Vec::new();
    for (i, w) in r.work.iter().enumerate() {
        out.push((format!("work[{i}]"), &w.period, true));
        for (k, role) in w.roles.iter().enumerate() {
            out.push((format!("work[{i}].roles[{k}]"), &role.period, true));
        }
    }
    for (i, e) in r.education.iter().enumerate() {
        // A school's end may be an expected graduation, still to come.
        out.push((format!("education[{i}]"), &e.period, false));
    }
    for (i, p) in r.projects.iter().enumerate() {
        out.push((format!("projects[{i}]"), &p.period, true));
    }
    for (i, v) in r.volunteer.iter().enumerate() {
        out.push((format!("volunteer[{i}]"), &v.period, true));
    }
    for (i, c) in r.custom.iter().enumerate() {
        for (k, e) in c.entries.iter().enumerate() {
            out.push((format!("custom[{i}].entries[{k}]"), &e.period, true));
        }
    }
    out
}

fn single_dates(r: &Resume) -> Vec<(String, &DateValue)> {
    let mut out = Vec::new();
    for (i, a) in r.awards.iter().enumerate() {
        out.extend(a.date.as_ref().map(|d| (format!("awards[{i}].date"), d)));
    }
    for (i, c) in r.certificates.iter().enumerate() {
        out.extend(
            c.date
                .as_ref()
                .map(|d| (format!("certificates[{i}].date"), d)),
        );
    }
    for (i, p) in r.publications.iter().enumerate() {
        out.extend(
            p.date
                .as_ref()
                .map(|d| (format!("publications[{i}].date"), d)),
        );
    }
    out
}

/// How precisely a date is written, for `inconsistent-dates`.
fn precision(d: &DateValue) -> Option<&'static str> {
    match d {
        DateValue::Date(Date { day: Some(_), .. }) => Some("a day (YYYY-MM-DD)"),
        DateValue::Date(Date { month: Some(_), .. }) => Some("a month (YYYY-MM)"),
        DateValue::Date(_) => Some("a year only (YYYY)"),
        DateValue::Text(_) => Some("free text"),
        DateValue::Present => None,
    }
}

/// Ends before starts, dates to come, and dates written in different ways.
fn dates(cx: &mut Cx, r: &Resume) {
    let today = day(cx.today);
    let mut all: Vec<(String, &DateValue)> = Vec::new();
    for (path, p, end_may_not_be_future) in periods(r) {
        if let (Some(DateValue::Date(s)), Some(DateValue::Date(e))) = (&p.start, &p.end)
            && s.is_after(*e)
        {
            cx.emit(
                "end-before-start",
                Severity::Warning,
                format!("the end ({e}) is before the start ({s})"),
                &format!("{path}.end"),
                "swap the two dates or correct one of them",
            );
        }
        if let Some(DateValue::Date(s)) = &p.start
            && s.first_day() > today
        {
            cx.emit(
                "future-date",
                Severity::Warning,
                format!("the start ({s}) is in the future"),
                &format!("{path}.start"),
                "correct the year, or leave out what has not begun",
            );
        }
        if end_may_not_be_future
            && let Some(DateValue::Date(e)) = &p.end
            && e.first_day() > today
        {
            cx.emit(
                "future-date",
                Severity::Warning,
                format!("the end ({e}) is in the future"),
                &format!("{path}.end"),
                "write `end = \"present\"` for what goes on",
            );
        }
        all.extend(p.start.as_ref().map(|d| (format!("{path}.start"), d)));
        all.extend(p.end.as_ref().map(|d| (format!("{path}.end"), d)));
    }
    for (path, d) in single_dates(r) {
        if let DateValue::Date(x) = d
            && x.first_day() > today
        {
            cx.emit(
                "future-date",
                Severity::Warning,
                format!("the date ({x}) is in the future"),
                &path,
                "correct the year",
            );
        }
        all.push((path, d));
    }
    // The most common way of writing dates is the résumé's style; the others
    // are reported.
    let kinds: Vec<(String, &'static str)> = all
        .into_iter()
        .filter_map(|(path, d)| precision(d).map(|k| (path, k)))
        .collect();
    let distinct: BTreeSet<&str> = kinds.iter().map(|(_, k)| *k).collect();
    if distinct.len() > 1 {
        let count = |k: &str| kinds.iter().filter(|(_, x)| *x == k).count();
        let Some(usual) = distinct.iter().copied().max_by_key(|k| count(k)) else {
            return;
        };
        let n = count(usual);
        for (path, k) in &kinds {
            if *k != usual {
                cx.emit(
                    "inconsistent-dates",
                    Severity::Warning,
                    format!(
                        "this date gives {k} while {n} of {} dates give {usual}",
                        kinds.len()
                    ),
                    path,
                    "write every date the same way, e.g. all as YYYY-MM",
                );
            }
        }
    }
}

fn to_text(r: &Rich) -> Text {
    crate::lower::rich(r)
}

/// Bullets too long for a quick read: more lines at the theme's measure, or
/// more words, than the limits.
fn long_bullets(cx: &mut Cx, r: &Resume, options: &LintOptions, bullets: &[BulletRef]) {
    if !cx.on("long-bullet") || bullets.is_empty() {
        return;
    }
    let theme = options
        .theme
        .clone()
        .unwrap_or_else(|| crate::source_theme(r));
    let doc = lower(
        r,
        &Options {
            theme: Some(theme),
            ..Options::default()
        },
    );
    let design = Design::natural(&doc.theme);
    let estimate = Estimate::new(&doc, FaceSet::Bundled);
    let width = design.entry_measure() - design.bullet_indent;
    let max_lines = r.lint.max_bullet_lines.unwrap_or(DEFAULT_MAX_BULLET_LINES) as usize;
    let max_words = r.lint.max_bullet_words.unwrap_or(DEFAULT_MAX_BULLET_WORDS) as usize;
    for b in bullets {
        let lines = estimate.lines(&to_text(b.rich), &design.body, width, width);
        let words = b.plain.split_whitespace().count();
        let why = if lines > max_lines {
            format!("this bullet takes {lines} lines in the theme (more than {max_lines})")
        } else if words > max_words {
            format!("this bullet has {words} words (more than {max_words})")
        } else {
            continue;
        };
        cx.emit(
            "long-bullet",
            Severity::Warning,
            why,
            &b.path,
            "keep one result per bullet: split it, or cut what the reader does not need",
        );
    }
}

/// Lower-case words of a text, without punctuation.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn is_past(w: &str) -> bool {
    IRREGULAR_PAST.contains(&w) || (w.len() >= 5 && w.ends_with("ed") && !NOT_PAST.contains(&w))
}

fn is_present(w: &str) -> bool {
    let base = |s: &str| BASE_VERBS.contains(&s);
    base(w)
        || w.strip_suffix('s').is_some_and(base)
        || w.strip_suffix("es").is_some_and(base)
        || w.strip_suffix("ies")
            .is_some_and(|s| base(&format!("{s}y")))
        || (w.len() >= 6 && w.ends_with("ing") && !NOT_ING.contains(&w))
}

/// The rules that look at one bullet alone.
fn bullet_rules(cx: &mut Cx, b: &BulletRef) {
    let lower = b.plain.trim().to_lowercase();
    let ws = words(&lower);
    // A measurable result: a digit, a percent or currency sign, or a number word.
    let measured = b
        .plain
        .chars()
        .any(|c| c.is_ascii_digit() || "%$€£¥".contains(c))
        || ws.iter().any(|w| NUMBER_WORDS.contains(&w.as_str()));
    if !measured {
        cx.emit(
            "no-metric",
            Severity::Note,
            "this bullet has no number or measurable result".into(),
            &b.path,
            "add the size of the effect where you know it: how much faster, how many users, what it saved",
        );
    }
    if let Some(weak) = WEAK_OPENINGS.iter().find(|p| {
        lower
            .strip_prefix(**p)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    }) {
        let opening: String = b.plain.trim().chars().take(weak.chars().count()).collect();
        cx.emit(
            "weak-opening",
            Severity::Warning,
            format!(
                "the bullet opens with “{opening}”, which says what you were near, not what you did"
            ),
            &b.path,
            "start with a verb for what you did or achieved, e.g. “Built”, “Cut”, “Led”, “Shipped”",
        );
    }
    if let Some(first) = ws.first() {
        let first_word: String = b.plain.split_whitespace().next().unwrap_or("").to_string();
        match b.job {
            Job::Current if is_past(first) => cx.emit(
                "tense-mismatch",
                Severity::Warning,
                format!("“{first_word}” is past tense, but this job goes on"),
                &b.path,
                "write a current job in the present tense (“Build”, “Lead”), or give the job an end date",
            ),
            Job::Ended if is_present(first) => cx.emit(
                "tense-mismatch",
                Severity::Warning,
                format!("“{first_word}” is present tense, but this job has ended"),
                &b.path,
                "write an ended job in the past tense (“Built”, “Led”)",
            ),
            _ => {}
        }
    }
    first_person(cx, &b.plain, &b.path);
}

fn first_person(cx: &mut Cx, text: &str, path: &str) {
    let found = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'')))
        .find(|w| {
            // "I" only as a capital, so "i.e." and "I/O" do not count.
            *w == "I" || FIRST_PERSON.contains(&w.to_lowercase().as_str())
        });
    if let Some(w) = found {
        cx.emit(
            "first-person",
            Severity::Warning,
            format!("“{w}” is first person; résumés leave the subject out"),
            path,
            "start with the verb: “Built …” rather than “I built …”",
        );
    }
}

/// Bullets that say the same thing twice: the same words, or word sets
/// whose Jaccard similarity (shared words / all words) is at least 0.8.
fn duplicates(cx: &mut Cx, bullets: &[BulletRef]) {
    let sets: Vec<BTreeSet<String>> = bullets
        .iter()
        .map(|b| words(&b.plain).into_iter().collect())
        .collect();
    for (j, later) in bullets.iter().enumerate() {
        let b = &sets[j];
        if b.len() < 3 {
            continue;
        }
        let earlier = (0..j).find(|&i| {
            let a = &sets[i];
            let shared = a.intersection(b).count();
            let all = a.union(b).count();
            a.len() >= 3 && all > 0 && shared * 5 >= all * 4
        });
        if let Some(i) = earlier {
            let what = if sets[i] == *b {
                "repeats"
            } else {
                "nearly repeats"
            };
            let other = cx.map.source_path(&bullets[i].path).to_string();
            cx.emit(
                "duplicate-bullet",
                Severity::Warning,
                format!("this bullet {what} `{other}`"),
                &later.path,
                "keep one of the two, or make each say what was different",
            );
        }
    }
}

/// Final periods: some bullets with one and others without.
fn punctuation(cx: &mut Cx, bullets: &[BulletRef]) {
    let ends: Vec<bool> = bullets
        .iter()
        .map(|b| b.plain.trim_end().ends_with('.'))
        .collect();
    let with = ends.iter().filter(|e| **e).count();
    let without = ends.len() - with;
    if with == 0 || without == 0 {
        return;
    }
    // The usual style wins; on a tie, bullets without a period are the odd ones.
    let odd_has_period = with < without;
    for (b, has) in bullets.iter().zip(&ends) {
        if *has != odd_has_period {
            continue;
        }
        let message = if *has {
            format!(
                "this bullet ends with a period but {without} of {} do not",
                ends.len()
            )
        } else {
            format!(
                "this bullet has no final period but {with} of {} do",
                ends.len()
            )
        };
        cx.emit(
            "inconsistent-punctuation",
            Severity::Warning,
            message,
            &b.path,
            "end every bullet the same way: all with a period, or none",
        );
    }
}

/// Contact details and the summary.
fn basics(cx: &mut Cx, r: &Resume) {
    let at = if cx.map.span("basics.name").is_some() {
        "basics.name"
    } else {
        "basics"
    };
    if r.basics.email.is_none() {
        cx.emit(
            "missing-contact",
            Severity::Warning,
            "the résumé has no e-mail address".into(),
            at,
            "add `email = \"…\"` to [basics]; recruiters and ATS look for it in the header",
        );
    }
    if r.basics.phone.is_none() {
        cx.emit(
            "missing-contact",
            Severity::Warning,
            "the résumé has no phone number".into(),
            at,
            "add `phone = \"…\"` to [basics]; recruiters and ATS look for it in the header",
        );
    }
    if let Some(summary) = &r.basics.summary {
        let plain = summary.to_plain();
        let max = r
            .lint
            .max_summary_words
            .unwrap_or(DEFAULT_MAX_SUMMARY_WORDS) as usize;
        let n = plain.split_whitespace().count();
        if n > max {
            cx.emit(
                "long-summary",
                Severity::Warning,
                format!("the summary has {n} words (more than {max})"),
                "basics.summary",
                "keep it to two or three sentences about what you do and want next",
            );
        }
        first_person(cx, &plain, "basics.summary");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "[basics]\nname = \"A\"\nemail = \"a@example.com\"\nphone = \"555 0100\"\n";

    fn today() -> Date {
        Date {
            year: 2026,
            month: Some(6),
            day: Some(15),
        }
    }

    /// Lints `body` (after a header with every contact unless it has its
    /// own `[basics]`) and compares `rule line` per finding. `no-metric`
    /// notes are left out unless `expect` names one, so the other cases
    /// need not all carry numbers.
    #[track_caller]
    fn check(body: &str, expect: &[&str]) {
        check_with(body, None, expect);
    }

    #[track_caller]
    fn check_with(body: &str, pages: Option<(usize, usize)>, expect: &[&str]) {
        let source = if body.contains("[basics]") {
            body.to_string()
        } else {
            format!("{HEADER}{body}")
        };
        let (resume, _) = resume_model::parse_toml(&source)
            .unwrap_or_else(|d| panic!("the test source is valid: {d:?}"));
        let map = SourceMap::toml(&source);
        let options = LintOptions {
            today: today(),
            theme: None,
            pages,
            allow: Vec::new(),
        };
        let index = resume_model::LineIndex::new(&source);
        let got: Vec<String> = lint(&resume, &map, &options)
            .into_iter()
            .filter(|f| f.rule != "no-metric" || expect.iter().any(|e| e.starts_with("no-metric")))
            .map(|f| match &f.diagnostic.span {
                Some(s) => format!("{} {}", f.rule, index.line_col(s.start).0),
                None => f.rule.to_string(),
            })
            .collect();
        assert_eq!(got, expect, "in\n{source}");
    }

    fn job(company: &str, start: &str, end: &str, bullet: &str) -> String {
        format!(
            "[[work]]\ncompany = \"{company}\"\nstart = \"{start}\"\nend = \"{end}\"\nhighlights = [\"{bullet}\"]\n"
        )
    }

    const OK: &str = "Cut build times by 40%.";
    const OK2: &str = "Grew sales by 3x.";

    #[test]
    fn employment_gap() {
        // Header is 4 lines; each job is 5.
        let two = job("A", "2020-01", "2020-06", OK) + &job("B", "2021-03", "2022-01", OK2);
        check(&two, &["employment-gap 12"]);
        let short = job("A", "2020-01", "2020-06", OK) + &job("B", "2020-10", "2022-01", OK2);
        check(&short, &[]);
        let tuned = format!("{two}[lint]\nmax_gap_months = 9\n");
        check(&tuned, &[]);
        let school = format!(
            "{two}[[education]]\ninstitution = \"U\"\nstart = \"2020-07\"\nend = \"2021-02\"\n"
        );
        check(&school, &[]);
    }

    #[test]
    fn overlapping_jobs() {
        let over = job("A", "2020-01", "2021-06", OK) + &job("B", "2021-01", "2022-01", OK2);
        check(&over, &["overlapping-jobs 12"]);
        let handover = job("A", "2020-01", "2021-01", OK) + &job("B", "2021-01", "2022-01", OK2);
        check(&handover, &[]);
        let roles = "[[work]]\ncompany = \"A\"\n[[work.roles]]\nposition = \"X\"\nstart = \"2020-01\"\nend = \"2021-06\"\n[[work.roles]]\nposition = \"Y\"\nstart = \"2021-01\"\nend = \"2022-01\"\n";
        check(roles, &[]);
    }

    #[test]
    fn end_before_start() {
        // The readers refuse such a period, so this guards résumés made in code.
        let source = format!("{HEADER}{}", job("A", "2020-01", "2021-01", OK));
        let (mut resume, _) = resume_model::parse_toml(&source).unwrap();
        resume.work[0].period.end = Some(DateValue::parse("2019-01").unwrap());
        let options = LintOptions {
            today: today(),
            theme: None,
            pages: None,
            allow: Vec::new(),
        };
        let rules: Vec<&str> = lint(&resume, &SourceMap::toml(&source), &options)
            .iter()
            .map(|f| f.rule)
            .collect();
        assert_eq!(rules, ["end-before-start"]);
        resume.work[0].period.end = Some(DateValue::parse("2020-01").unwrap());
        assert!(lint(&resume, &SourceMap::toml(&source), &options).is_empty());
    }

    #[test]
    fn future_date() {
        check(
            &job("A", "2027-01", "present", "Cut costs by 40%."),
            &["future-date 7"],
        );
        check(&job("A", "2020-01", "2026-09", OK), &["future-date 8"]);
        check(&job("A", "2020-01", "2026-05", OK), &[]);
        let school = "[[education]]\ninstitution = \"U\"\nstart = \"2024-09\"\nend = \"2027-06\"\n";
        check(school, &[]);
    }

    #[test]
    fn long_bullet() {
        let long = "Cut 1 ".repeat(30);
        check(
            &job("A", "2020-01", "2021-01", long.trim()),
            &["long-bullet 9"],
        );
        // Few words, but long ones: 3 lines at the classic theme's measure.
        let wide = "Internationalized 12 microservices, ".repeat(9);
        check(
            &job("A", "2020-01", "2021-01", wide.trim()),
            &["long-bullet 9"],
        );
        check(&job("A", "2020-01", "2021-01", OK), &[]);
        let words = format!(
            "{}[lint]\nmax_bullet_words = 3\n",
            job("A", "2020-01", "2021-01", OK)
        );
        check(&words, &["long-bullet 9"]);
    }

    #[test]
    fn no_metric() {
        check(
            &job("A", "2020-01", "2021-01", "Rewrote the billing service."),
            &["no-metric 9"],
        );
        check(
            &job("A", "2020-01", "2021-01", "Served two million users."),
            &[],
        );
    }

    #[test]
    fn duplicate_bullet() {
        let dup = "[[projects]]\nname = \"P\"\nhighlights = [\n  \"Cut the build time by 40% for all teams.\",\n  \"Cut the build time by 40% for all the teams.\",\n]\n";
        check(dup, &["duplicate-bullet 9"]);
        let distinct = "[[projects]]\nname = \"P\"\nhighlights = [\n  \"Cut the build time by 40%.\",\n  \"Grew sign-ups by 3x in a year.\",\n]\n";
        check(distinct, &[]);
    }

    #[test]
    fn weak_opening() {
        check(
            &job(
                "A",
                "2020-01",
                "2021-01",
                "Worked on a cache that cut latency by 20%.",
            ),
            &["weak-opening 9"],
        );
        check(
            &job("A", "2020-01", "2021-01", "Responsible for 3 services."),
            &["weak-opening 9"],
        );
        check(
            &job("A", "2020-01", "2021-01", "Helpers: 3 tools built."),
            &[],
        );
    }

    #[test]
    fn tense_mismatch() {
        check(
            &job("A", "2020-01", "present", "Built 3 services."),
            &["tense-mismatch 9"],
        );
        check(
            &job("A", "2020-01", "2021-01", "Builds 3 services."),
            &["tense-mismatch 9"],
        );
        check(
            &job("A", "2020-01", "2021-01", "Developing 3 services."),
            &["tense-mismatch 9"],
        );
        check(&job("A", "2020-01", "present", "Build 3 services."), &[]);
        check(&job("A", "2020-01", "2021-01", "Shipped 3 services."), &[]);
    }

    #[test]
    fn first_person() {
        check(
            &job("A", "2020-01", "2021-01", "Built 3 tools my team used."),
            &["first-person 9"],
        );
        check(&job("A", "2020-01", "2021-01", "Built 3 I/O drivers."), &[]);
        let summary = "[basics]\nname = \"A\"\nemail = \"a@b.co\"\nphone = \"1\"\nsummary = \"I build compilers.\"\n";
        check(summary, &["first-person 5"]);
    }

    #[test]
    fn inconsistent_punctuation() {
        let mixed = "[[projects]]\nname = \"P\"\nhighlights = [\"Cut 1 thing.\", \"Cut 2 things.\", \"Cut 3 things\"]\n";
        check(mixed, &["inconsistent-punctuation 7"]);
        let same = "[[projects]]\nname = \"P\"\nhighlights = [\"Cut 1 thing\", \"Cut 2 things\"]\n";
        check(same, &[]);
    }

    #[test]
    fn inconsistent_dates() {
        let mixed = job("A", "2020-01", "2021-01", OK) + &job("B", "2021", "2022-01", OK2);
        check(&mixed, &["inconsistent-dates 12"]);
        check(&job("A", "2020", "2021", OK), &[]);
    }

    #[test]
    fn missing_contact() {
        check(
            "[basics]\nname = \"A\"\nphone = \"1\"\n",
            &["missing-contact 2"],
        );
        check(
            "[basics]\nname = \"A\"\n",
            &["missing-contact 2", "missing-contact 2"],
        );
        check("", &[]);
    }

    #[test]
    fn long_summary() {
        let long = format!(
            "[basics]\nname = \"A\"\nemail = \"a@b.co\"\nphone = \"1\"\nsummary = \"{}\"\n",
            "Word ".repeat(61).trim()
        );
        check(&long, &["long-summary 5"]);
        let tuned = format!("{long}[lint]\nmax_summary_words = 80\n");
        check(&tuned, &[]);
    }

    #[test]
    fn too_many_pages() {
        check_with("", Some((2, 1)), &["too-many-pages"]);
        check_with("", Some((1, 1)), &[]);
    }

    #[test]
    fn allow_turns_rules_off() {
        let body = format!(
            "{}[lint]\nallow = [\"weak-opening\"]\n",
            job("A", "2020-01", "2021-01", "Worked on 3 caches.")
        );
        check(&body, &[]);
    }

    #[test]
    fn json_sources_point_at_their_bullets() {
        let json = r#"{"basics":{"name":"A","email":"a@b.co","phone":"1"},
"work":[{"name":"A","startDate":"2020-01","endDate":"2021-01",
"highlights":["Worked on 3 caches."]}]}"#;
        let (resume, _) = resume_model::parse_json(json, false).unwrap();
        let map = SourceMap::json(json);
        let options = LintOptions {
            today: today(),
            theme: None,
            pages: None,
            allow: Vec::new(),
        };
        let found = lint(&resume, &map, &options);
        assert_eq!(found.len(), 1, "{found:?}");
        let d = &found[0].diagnostic;
        assert_eq!(d.path, "work[0].highlights[0]");
        assert_eq!(&json[d.span.clone().unwrap()], "\"Worked on 3 caches.\"");
    }
}
