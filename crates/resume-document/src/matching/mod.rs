//! `resume match`: how well a résumé answers a job posting.
//!
//! The job's keywords are gathered (a JSON Resume job file's skills as they
//! are, its prose and a pasted posting read with the term dictionary, see
//! [`extract`]), every keyword is looked for in every text of the résumé
//! (keys from [`normalise`], so aliases and spellings meet), and every entry
//! and bullet is scored by the keywords it holds. Offline and
//! deterministic: the same inputs give the same report, byte for byte.
//!
//! **Weights.** A keyword from a job file weighs 3 when it is one of
//! `skills[].keywords`, 2 when it is a skill's `name` or comes from the
//! `title` or `qualifications`, 1 from `responsibilities` or the
//! `description`; mentioned in several places, it takes its largest weight.
//! In a pasted posting a keyword weighs as many times as it is mentioned,
//! at most 3.
//!
//! **Scores.** An entry or a bullet scores the sum of the weights of the
//! distinct keywords found in it (an entry includes its bullets and roles).
//! Ties keep the source's order.
//!
//! **Tailoring.** A tag is kept (`--tag`) when the items carrying it score
//! above zero, and left out (`--exclude-tag`) when they hold no keyword;
//! an exclusion is only written when it changes what `--tag` alone keeps.

mod normalise;
mod report;
mod resume;

use std::collections::{BTreeMap, BTreeSet};

use resume_model::{Job, JobField, LineIndex, Resume, SourceFormat};

pub use normalise::normalise;
pub use report::{Keyword, Place, Ranked, Report, Tailoring};

use normalise::{MAX_WORDS, dictionary, looks_technical, tokens};

/// The job a résumé is matched against.
#[derive(Debug, Clone, Copy)]
pub enum JobSource<'a> {
    /// A JSON Resume job file, read by [`resume_model::parse_job`], with
    /// its text (for line and column numbers).
    File { job: &'a Job, text: &'a str },
    /// A posting pasted as plain text.
    Text(&'a str),
}

/// Why no report could be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchError {
    /// The posting is empty.
    Empty,
    /// Nothing in the posting looks like a skill or a technology.
    NoKeywords,
}

impl std::fmt::Display for MatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MatchError::Empty => write!(f, "the job posting is empty"),
            MatchError::NoKeywords => write!(
                f,
                "found no skill or technology in the job posting; paste the posting's requirements, or give a JSON Resume job file with `skills`"
            ),
        }
    }
}

impl std::error::Error for MatchError {}

/// What is matched: the résumé, its source text and format (to say where
/// each keyword is), the names shown in the report, and the job.
#[derive(Debug, Clone, Copy)]
pub struct MatchInput<'a> {
    pub resume: &'a Resume,
    pub source: &'a str,
    pub format: SourceFormat,
    /// How the report names the résumé and the job (their paths).
    pub source_name: &'a str,
    pub job_name: &'a str,
    pub job: JobSource<'a>,
}

/// A keyword the job asks for, before it is looked for in the résumé.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Wanted {
    name: String,
    weight: u32,
    mentions: Vec<Place>,
}

/// Matches a résumé against a job.
pub fn match_job(input: &MatchInput<'_>) -> Result<Report, MatchError> {
    let wanted = match input.job {
        JobSource::File { job, text } => from_job_file(job, text),
        JobSource::Text(text) => {
            if text.trim().is_empty() {
                return Err(MatchError::Empty);
            }
            from_text(text)
        }
    };
    if wanted.is_empty() {
        return Err(MatchError::NoKeywords);
    }
    let items = resume::items(input.resume);
    Ok(report::build(input, &wanted, &items))
}

/// Keywords of a job file, by key.
fn from_job_file(job: &Job, text: &str) -> BTreeMap<String, Wanted> {
    let lines = LineIndex::new(text);
    let mut wanted = BTreeMap::new();
    for t in &job.texts {
        let weight = match t.field {
            JobField::SkillKeyword => 3,
            JobField::SkillName | JobField::Title | JobField::Qualification => 2,
            JobField::Responsibility | JobField::Description => 1,
        };
        let (line, column) = lines.line_col(t.span.start);
        let place = Place {
            path: t.path.clone(),
            line,
            column,
        };
        let found = if t.field.is_keyword() {
            let name = t.text.trim();
            let key = normalise(name);
            if key.is_empty() {
                Vec::new()
            } else {
                vec![(key, display_name(name))]
            }
        } else {
            extract(&t.text)
                .into_iter()
                .map(|(k, n, _)| (k, n))
                .collect()
        };
        for (key, name) in found {
            let w = wanted.entry(key).or_insert_with(|| Wanted {
                name,
                weight,
                mentions: Vec::new(),
            });
            w.weight = w.weight.max(weight);
            if !w.mentions.contains(&place) {
                w.mentions.push(place.clone());
            }
        }
    }
    wanted
}

/// Keywords of a pasted posting, by key.
fn from_text(text: &str) -> BTreeMap<String, Wanted> {
    let lines = LineIndex::new(text);
    let mut wanted: BTreeMap<String, Wanted> = BTreeMap::new();
    for (key, name, offset) in extract(text) {
        let (line, column) = lines.line_col(offset);
        let place = Place {
            path: String::new(),
            line,
            column,
        };
        let w = wanted.entry(key).or_insert_with(|| Wanted {
            name,
            weight: 0,
            mentions: Vec::new(),
        });
        w.weight = (w.weight + 1).min(3);
        w.mentions.push(place);
    }
    wanted
}

/// The keywords of running text, each as (key, name, byte offset).
///
/// Reads the words left to right; at each word the longest phrase (up to
/// [`MAX_WORDS`] words) that is a known term or spelling is taken, and the
/// reading goes on after it. A word that starts no known phrase is taken on
/// its own when it looks technical ([`looks_technical`]). A term that is
/// also an everyday word ("Go", "Rust") counts only when capitalised.
pub(crate) fn extract(text: &str) -> Vec<(String, String, usize)> {
    let words = tokens(text);
    let dict = dictionary();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut taken = 0;
        for n in (1..=MAX_WORDS.min(words.len() - i)).rev() {
            let phrase =
                &text[words[i].start..words[i + n - 1].start + words[i + n - 1].text.len()];
            let key = normalise(phrase);
            if let Some((k, term)) = dict.term(&key) {
                if n == 1 && !counts_in_prose(words[i].text, term.ambiguous) {
                    continue;
                }
                out.push((k.to_string(), term.name.clone(), words[i].start));
                taken = n;
                break;
            }
        }
        if taken == 0 {
            if looks_technical(words[i].text) {
                out.push((
                    normalise(words[i].text),
                    words[i].text.to_string(),
                    words[i].start,
                ));
            }
            taken = 1;
        }
        i += taken;
    }
    out
}

/// True when a one-word match in running text counts: an ambiguous term
/// must be written with a capital, and a key of one or two letters too
/// ("ml", "ci" in lower case are more likely parts of something else).
fn counts_in_prose(word: &str, ambiguous: bool) -> bool {
    let capital = word
        .chars()
        .any(|c| c.is_uppercase() || c == '+' || c == '#');
    capital || !(ambiguous || word.chars().filter(|c| c.is_alphanumeric()).count() <= 2)
}

/// How the report writes a keyword a job names: the dictionary's name when
/// it is a known term, else as the job wrote it.
fn display_name(text: &str) -> String {
    match dictionary().term(&normalise(text)) {
        Some((_, t)) => t.name.clone(),
        None => text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// The keys every phrase of a résumé text stands for. `name` is true for a
/// name from a list (technologies, skill keywords), where a short or
/// ambiguous word is a name and counts as written.
pub(crate) fn keys_of(text: &str, name: bool) -> BTreeSet<String> {
    let dict = dictionary();
    let words = tokens(text);
    let mut keys = BTreeSet::new();
    if name {
        let whole = normalise(text.trim());
        if !whole.is_empty() {
            keys.insert(whole);
        }
    }
    for i in 0..words.len() {
        for n in 1..=MAX_WORDS.min(words.len() - i) {
            let phrase =
                &text[words[i].start..words[i + n - 1].start + words[i + n - 1].text.len()];
            let raw = normalise(phrase);
            if let Some((_, term)) = dict.term(&raw)
                && n == 1
                && !name
                && !counts_in_prose(words[i].text, term.ambiguous)
            {
                continue;
            }
            keys.insert(raw);
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expect: &[&str]) {
        let got: Vec<String> = extract(text).into_iter().map(|(_, name, _)| name).collect();
        assert_eq!(got, expect, "extract({text:?})");
    }

    #[test]
    fn extracts_terms_phrases_and_technical_words() {
        check(
            "Experience with Kubernetes (k8s), Golang and PostgreSQL.",
            &["Kubernetes", "Kubernetes", "Go", "PostgreSQL"],
        );
        check("You know C/C++ and C#.", &["C", "C++", "C#"]);
        check(
            "Build data pipelines with Apache Kafka on GCP",
            &["data pipelines", "Kafka", "Google Cloud"],
        );
        check("We go to Berlin and rust never sleeps", &[]);
        check("We use Go and Rust", &["Go", "Rust"]);
        check(
            "Knowledge of GraphQL, HPC and S3 buckets",
            &["GraphQL", "HPC", "Amazon S3"],
        );
        check(
            "machine learning and ML systems",
            &["machine learning", "machine learning"],
        );
        check("", &[]);
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in [
            "////",
            "C++++",
            "'s",
            "’",
            "İstanbul İŞ",
            "ÉCOLE ﬁle Ǆ",
            "🦀 Rust🦀",
            "a/b/c/",
            "..NET.",
            "\u{0}\u{feff}k8s",
            "Go-/+#",
            "x86-64/ARM64 s3://bucket",
        ] {
            let _ = extract(text);
            let _ = keys_of(text, true);
            let _ = keys_of(text, false);
        }
    }

    #[test]
    fn resume_texts_hold_aliases_both_ways() {
        let keys = keys_of("Deployed ML engines on Kubernetes", false);
        assert!(keys.contains(&normalise("k8s")));
        assert!(keys.contains(&normalise("machine learning")));
        assert!(keys_of("React.js", true).contains(&normalise("React")));
        assert!(keys_of("Golang", true).contains(&normalise("go")));
        assert!(!keys_of("we go there", false).contains(&normalise("Go")));
        assert!(keys_of("C/C++", true).contains(&normalise("C++")));
        assert!(
            keys_of("Database management systems", false)
                .contains(&normalise("database management"))
        );
    }

    const TAGGED: &str = r#"[basics]
name = "Ann Lee"

[[work]]
company = "Acme"
position = "Engineer"
technologies = ["Golang"]
highlights = [
  "Ran k8s clusters.",
  { text = "Trained PyTorch models.", tags = ["ml"] },
  { text = "Wrote Terraform modules.", tags = ["infra"] },
]

[[projects]]
name = "Paint"
tags = ["art"]
highlights = ["Painted walls."]
"#;

    fn run(source: &str, posting: &str) -> Report {
        let (resume, _) = resume_model::parse_toml(source).unwrap();
        match_job(&MatchInput {
            resume: &resume,
            source,
            format: SourceFormat::Toml,
            source_name: "ann.toml",
            job_name: "posting.txt",
            job: JobSource::Text(posting),
        })
        .unwrap()
    }

    #[test]
    fn keywords_are_located_and_entries_ranked() {
        let r = run(
            TAGGED,
            "Kubernetes, Go and Terraform; Kubernetes again. Kafka.",
        );
        let k8s = r.keywords.iter().find(|k| k.name == "Kubernetes").unwrap();
        assert_eq!(k8s.weight, 2);
        assert_eq!(k8s.found_at[0].to_string(), "work[0].highlights[0] 9:3");
        let go = r.keywords.iter().find(|k| k.name == "Go").unwrap();
        assert_eq!(go.found_at[0].to_string(), "work[0].technologies[0] 7:17");
        assert!(
            r.keywords
                .iter()
                .any(|k| k.name == "Kafka" && k.found_at.is_empty())
        );
        assert_eq!(r.entries[0].at.path, "work[0]");
        assert_eq!(r.entries[0].score, 4);
        assert_eq!(r.bullets[0].at.path, "work[0].highlights[0]");
        assert_eq!(r.bullets.last().map(|b| b.score), Some(0));
    }

    #[test]
    fn tailoring_keeps_the_tags_that_hold_keywords() {
        let r = run(TAGGED, "Terraform and Kubernetes");
        let t = &r.tailoring;
        assert_eq!(t.tags, ["art", "infra", "ml"]);
        assert_eq!(t.include, ["infra"]);
        assert!(
            t.exclude.is_empty(),
            "--tag infra already leaves ml and art out"
        );
        assert_eq!(
            t.command.as_deref(),
            Some("resume build ann.toml --tag infra")
        );
        assert_eq!((t.present, t.present_in_variant), (2, 2));

        let r = run(TAGGED, "Kafka");
        assert_eq!(
            r.tailoring.command.as_deref(),
            Some("resume build ann.toml --exclude-tag art --exclude-tag infra --exclude-tag ml")
        );
        let r = run("[basics]\nname = \"A\"\n[[skills]]\nname = \"Go\"\n", "Go");
        assert_eq!(r.tailoring.command, None);
        assert!(r.tailoring_note().contains("no tags"));
    }

    #[test]
    fn postings_without_keywords_are_refused() {
        let (resume, _) = resume_model::parse_toml(TAGGED).unwrap();
        for (posting, error) in [
            ("", MatchError::Empty),
            (" \n", MatchError::Empty),
            ("we like people", MatchError::NoKeywords),
        ] {
            let got = match_job(&MatchInput {
                resume: &resume,
                source: TAGGED,
                format: SourceFormat::Toml,
                source_name: "ann.toml",
                job_name: "posting.txt",
                job: JobSource::Text(posting),
            });
            assert_eq!(got.err(), Some(error), "{posting:?}");
        }
    }
}
