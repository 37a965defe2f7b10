//! The match report: built from the job's keywords and the résumé's items,
//! written as text for people or as JSON (`schema/match.schema.json`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use resume_model::{LineIndex, Locator};
use serde_json::{Value, json};

use super::resume::Item;
use super::{JobSource, MatchInput, Wanted, keys_of};

/// What `resume match` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub source: String,
    pub job: String,
    /// `job-file` or `text`.
    pub job_kind: &'static str,
    pub job_title: Option<String>,
    pub job_company: Option<String>,
    /// Heaviest first, then by name.
    pub keywords: Vec<Keyword>,
    /// Every entry, best first.
    pub entries: Vec<Ranked>,
    /// Every bullet, best first.
    pub bullets: Vec<Ranked>,
    pub tailoring: Tailoring,
}

/// A keyword of the job and where the résumé has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyword {
    pub name: String,
    /// The normalised key both sides were compared by.
    pub key: String,
    pub weight: u32,
    /// Where the job asks for it (a job file's path, or only the line and
    /// column of a pasted posting).
    pub wanted_at: Vec<Place>,
    /// Where the résumé has it; empty when it is missing.
    pub found_at: Vec<Place>,
}

/// A place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The value's path as its file spells it; empty for plain text.
    pub path: String,
    pub line: usize,
    pub column: usize,
}

/// An entry or bullet with its score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub at: Place,
    pub label: String,
    pub score: u32,
    /// Names of the keywords it holds, in the order of [`Report::keywords`].
    pub keywords: Vec<String>,
    pub tags: Vec<String>,
}

/// The tailored variant that fits the job best.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tailoring {
    /// Every tag of the source, sorted.
    pub tags: Vec<String>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// The `resume build` command line; `None` when no tag helps.
    pub command: Option<String>,
    /// Keywords the whole résumé holds, and those the variant keeps.
    pub present: usize,
    pub present_in_variant: usize,
}

pub(super) fn build(
    input: &MatchInput<'_>,
    wanted: &BTreeMap<String, Wanted>,
    items: &[Item],
) -> Report {
    let locator = Locator::new(input.source, input.format);
    let lines = LineIndex::new(input.source);
    let place = |path: &str| match locator.as_ref().and_then(|l| l.find(path)) {
        Some(found) => {
            let (line, column) = lines.line_col(found.span.start);
            Place {
                path: found.path,
                line,
                column,
            }
        }
        // A résumé built in memory has no source to point into.
        None => Place {
            path: path.to_string(),
            line: 0,
            column: 0,
        },
    };

    // The keys every item holds on its own, and the fields that hold them.
    let mut own: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); items.len()];
    let mut found: BTreeMap<&str, Vec<Place>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        for f in &item.fields {
            let keys = keys_of(&f.text, f.name);
            for (key, _) in wanted.iter().filter(|(k, _)| keys.contains(k.as_str())) {
                own[i].insert(key);
                let places = found.entry(key).or_default();
                let p = place(&f.path);
                if !places.contains(&p) {
                    places.push(p);
                }
            }
        }
    }
    // An entry holds what its bullets and roles hold; children come after
    // their parent, so one backward pass carries keys up.
    let mut whole = own.clone();
    for i in (0..items.len()).rev() {
        if let Some(p) = items[i].parent {
            let child = whole[i].clone();
            whole[p].extend(child);
        }
    }

    let mut keywords: Vec<Keyword> = wanted
        .iter()
        .map(|(key, w)| Keyword {
            name: w.name.clone(),
            key: key.clone(),
            weight: w.weight,
            wanted_at: w.mentions.clone(),
            found_at: found.get(key.as_str()).cloned().unwrap_or_default(),
        })
        .collect();
    keywords.sort_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.key.cmp(&b.key))
    });
    let order: BTreeMap<&str, usize> = keywords
        .iter()
        .enumerate()
        .map(|(i, k)| (k.key.as_str(), i))
        .collect();
    let score = |keys: &BTreeSet<&str>| keys.iter().map(|k| wanted[*k].weight).sum::<u32>();
    let ranked = |i: usize| {
        let mut names: Vec<(usize, String)> = whole[i]
            .iter()
            .map(|k| (order[k], keywords[order[k]].name.clone()))
            .collect();
        names.sort();
        Ranked {
            at: place(&items[i].path),
            label: items[i].label.clone(),
            score: score(&whole[i]),
            keywords: names.into_iter().map(|(_, n)| n).collect(),
            tags: items[i].tags.clone(),
        }
    };
    let mut entries = Vec::new();
    let mut bullets = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if item.bullet {
            bullets.push(ranked(i));
        } else {
            entries.push(ranked(i));
        }
    }
    // A stable sort: equal scores keep the source's order.
    entries.sort_by_key(|r| std::cmp::Reverse(r.score));
    bullets.sort_by_key(|r| std::cmp::Reverse(r.score));

    let tailoring = tailor(input.source_name, items, &own, &whole, &score);
    let (job_kind, job_title, job_company) = match input.job {
        JobSource::File { job, .. } => ("job-file", job.title.clone(), job.company.clone()),
        JobSource::Text(_) => ("text", None, None),
    };
    Report {
        source: input.source_name.to_string(),
        job: input.job_name.to_string(),
        job_kind,
        job_title,
        job_company,
        keywords,
        entries,
        bullets,
        tailoring,
    }
}

/// Picks the tags of the best-fitting variant (see the module's comment)
/// and checks what it keeps with the same rule as `resume build`.
fn tailor(
    source: &str,
    items: &[Item],
    own: &[BTreeSet<&str>],
    whole: &[BTreeSet<&str>],
    score: &dyn Fn(&BTreeSet<&str>) -> u32,
) -> Tailoring {
    let mut hits: BTreeMap<&str, u32> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        for t in &item.tags {
            *hits.entry(t.as_str()).or_default() += score(&whole[i]);
        }
    }
    let tags: Vec<String> = hits.keys().map(|t| t.to_string()).collect();
    let include: Vec<String> = hits
        .iter()
        .filter(|(_, h)| **h > 0)
        .map(|(t, _)| t.to_string())
        .collect();
    // With `--tag`, items tagged only otherwise are already left out; an
    // exclusion matters for an item that also carries a kept tag, or when
    // no tag is kept at all.
    let exclude: Vec<String> = hits
        .iter()
        .filter(|(_, h)| **h == 0)
        .map(|(t, _)| t.to_string())
        .filter(|t| {
            include.is_empty()
                || items
                    .iter()
                    .any(|it| it.tags.contains(t) && it.tags.iter().any(|o| include.contains(o)))
        })
        .collect();
    // The same rule as `lower`'s tag filter, applied to parents too.
    let mut kept = vec![false; items.len()];
    for (i, item) in items.iter().enumerate() {
        let own = !item.tags.iter().any(|t| exclude.contains(t))
            && (item.tags.is_empty()
                || include.is_empty()
                || item.tags.iter().any(|t| include.contains(t)));
        kept[i] = own && item.parent.is_none_or(|p| kept[p]);
    }
    let union = |keep: &dyn Fn(usize) -> bool| {
        (0..items.len())
            .filter(|i| keep(*i))
            .flat_map(|i| own[i].iter().copied())
            .collect::<BTreeSet<&str>>()
            .len()
    };
    let present = union(&|_| true);
    let present_in_variant = union(&|i| kept[i]);
    let command = (!include.is_empty() || !exclude.is_empty()).then(|| {
        let mut c = format!("resume build {}", shell_word(source));
        for t in &include {
            let _ = write!(c, " --tag {}", shell_word(t));
        }
        for t in &exclude {
            let _ = write!(c, " --exclude-tag {}", shell_word(t));
        }
        c
    });
    Tailoring {
        tags,
        include,
        exclude,
        command,
        present,
        present_in_variant,
    }
}

/// A word quoted for a POSIX shell when it needs it.
fn shell_word(w: &str) -> String {
    if !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./+:@%".contains(c))
    {
        w.to_string()
    } else {
        format!("'{}'", w.replace('\'', r"'\''"))
    }
}

impl Place {
    fn to_json(&self) -> Value {
        json!({ "path": self.path, "line": self.line, "column": self.column })
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.path.is_empty(), self.line) {
            (_, 0) => write!(f, "{}", self.path),
            (true, _) => write!(f, "{}:{}", self.line, self.column),
            (false, _) => write!(f, "{} {}:{}", self.path, self.line, self.column),
        }
    }
}

/// How many places of a keyword the text report lists.
const PLACES_SHOWN: usize = 3;
/// How much of a bullet the text report shows, in characters.
const LABEL_SHOWN: usize = 60;

impl Report {
    /// Keywords found, and their weight, over all and their weight.
    pub fn coverage(&self) -> (usize, usize, u32, u32) {
        let present: Vec<&Keyword> = self
            .keywords
            .iter()
            .filter(|k| !k.found_at.is_empty())
            .collect();
        (
            present.len(),
            self.keywords.len(),
            present.iter().map(|k| k.weight).sum(),
            self.keywords.iter().map(|k| k.weight).sum(),
        )
    }

    /// The weighted coverage in whole percent, rounded down.
    fn percent(&self) -> u32 {
        let (_, _, w, total) = self.coverage();
        (w * 100).checked_div(total).unwrap_or(0)
    }

    /// What the tailoring section says.
    pub fn tailoring_note(&self) -> String {
        let t = &self.tailoring;
        match &t.command {
            None => "the source has no tags; tag entries and bullets (tags = [\"…\"]) to build variants for a job".into(),
            Some(_) if t.include.is_empty() => format!(
                "no tag holds a keyword of this job; leaving them out keeps {} of the {} keywords the résumé has",
                t.present_in_variant, t.present
            ),
            Some(_) => format!(
                "this variant keeps {} of the {} keywords the résumé has",
                t.present_in_variant, t.present
            ),
        }
    }

    /// The report for people.
    pub fn to_text(&self) -> String {
        let mut o = String::new();
        let about = match (&self.job_title, &self.job_company) {
            (Some(t), Some(c)) => format!(" ({t}, {c})"),
            (Some(t), None) | (None, Some(t)) => format!(" ({t})"),
            (None, None) => String::new(),
        };
        let (n, total, weight, weight_total) = self.coverage();
        let _ = writeln!(o, "match: {} against {}{about}", self.source, self.job);
        let _ = writeln!(
            o,
            "coverage: {n} of {total} keywords, weight {weight} of {weight_total} ({}%)",
            self.percent()
        );
        let width = self
            .keywords
            .iter()
            .map(|k| k.name.chars().count())
            .max()
            .unwrap_or(0);
        let (present, missing): (Vec<&Keyword>, Vec<&Keyword>) =
            self.keywords.iter().partition(|k| !k.found_at.is_empty());
        for (title, list) in [("present", present), ("missing", missing)] {
            let _ = writeln!(o, "\n{title} ({}):", list.len());
            if list.is_empty() {
                let _ = writeln!(o, "  none");
            }
            for k in list {
                let (what, places) = if k.found_at.is_empty() {
                    ("asked at", &k.wanted_at)
                } else {
                    ("in", &k.found_at)
                };
                let mut shown: Vec<String> = places
                    .iter()
                    .take(PLACES_SHOWN)
                    .map(Place::to_string)
                    .collect();
                if places.len() > PLACES_SHOWN {
                    shown.push(format!("and {} more", places.len() - PLACES_SHOWN));
                }
                let _ = writeln!(
                    o,
                    "  {:<width$}  weight {}  {what} {}",
                    k.name,
                    k.weight,
                    shown.join(", ")
                );
            }
        }
        for (title, list) in [
            ("entries by relevance (score, place, title)", &self.entries),
            ("bullets by relevance (score, place, text)", &self.bullets),
        ] {
            let _ = writeln!(o, "\n{title}:");
            if list.is_empty() {
                let _ = writeln!(o, "  none");
            }
            for r in list {
                let mut label: String = r.label.chars().take(LABEL_SHOWN).collect();
                if r.label.chars().count() > LABEL_SHOWN {
                    label.push('…');
                }
                let mut line = format!("  {:>3}  {}  {label}", r.score, r.at);
                if !r.keywords.is_empty() {
                    let _ = write!(line, "  [{}]", r.keywords.join(", "));
                }
                if !r.tags.is_empty() {
                    let _ = write!(line, "  tags: {}", r.tags.join(", "));
                }
                let _ = writeln!(o, "{line}");
            }
        }
        let _ = writeln!(o, "\ntailoring:");
        if let Some(c) = &self.tailoring.command {
            let _ = writeln!(o, "  {c}");
        }
        let _ = writeln!(o, "  {}", self.tailoring_note());
        o
    }

    /// The report as JSON, in the shape `schema/match.schema.json` describes.
    pub fn to_json(&self) -> String {
        let (n, total, weight, weight_total) = self.coverage();
        let ranked = |list: &[Ranked]| -> Vec<Value> {
            list.iter()
                .map(|r| {
                    json!({
                        "path": r.at.path,
                        "line": r.at.line,
                        "column": r.at.column,
                        "label": r.label,
                        "score": r.score,
                        "keywords": r.keywords,
                        "tags": r.tags,
                    })
                })
                .collect()
        };
        let names = |present: bool| -> Vec<&str> {
            self.keywords
                .iter()
                .filter(|k| k.found_at.is_empty() != present)
                .map(|k| k.name.as_str())
                .collect()
        };
        let t = &self.tailoring;
        let value = json!({
            "version": 1,
            "source": self.source,
            "job": {
                "path": self.job,
                "kind": self.job_kind,
                "title": self.job_title,
                "company": self.job_company,
            },
            "coverage": {
                "present": n,
                "total": total,
                "weight_present": weight,
                "weight_total": weight_total,
                "percent": self.percent(),
            },
            "keywords": self.keywords.iter().map(|k| json!({
                "name": k.name,
                "key": k.key,
                "weight": k.weight,
                "present": !k.found_at.is_empty(),
                "wanted_at": k.wanted_at.iter().map(Place::to_json).collect::<Vec<_>>(),
                "found_at": k.found_at.iter().map(Place::to_json).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "present": names(true),
            "missing": names(false),
            "entries": ranked(&self.entries),
            "bullets": ranked(&self.bullets),
            "tailoring": {
                "tags": t.tags,
                "include": t.include,
                "exclude": t.exclude,
                "command": t.command,
                "present": t.present,
                "present_in_variant": t.present_in_variant,
                "note": self.tailoring_note(),
            },
        });
        let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
        s.push('\n');
        s
    }
}
