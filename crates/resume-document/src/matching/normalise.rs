//! Keywords as comparable keys: normalisation, the alias and term
//! dictionary (`data/aliases.toml`, `data/terms.toml`), tokens and phrases.
//!
//! A key is made in three steps, the same for a job and a résumé, so two
//! spellings of one skill meet:
//!
//! 1. lower case, and drop spaces, dots, hyphens, underscores and
//!    apostrophes: "Node.js", "node js" and "NodeJS" all become `nodejs`;
//!    `+`, `#` and `/` stay, so C, C++ and C# stay apart;
//! 2. a plural ending is taken off the end of the phrase (`-ies` to `-y`,
//!    `-sses` to `-ss`, `-xes` to `-x`, else a final `-s`, but not after
//!    `s`, `u`, `i` or `o`, and never from a key of three letters or less,
//!    so "Redis", "status", "iOS" and "AWS" keep theirs). Only plurals: cutting
//!    `-ing` or `-ed` would merge "ranking" with "rank" and break names
//!    like "Spring";
//! 3. the key of any spelling listed in `aliases.toml` becomes the key of its
//!    term's name: `k8s` is `kubernetes`, `golang` is `go`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The longest phrase, in tokens, looked up as one keyword.
pub(crate) const MAX_WORDS: usize = 5;

/// A known skill or technology.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// As the report writes it.
    pub name: String,
    /// An everyday word too: in running text it counts only when written
    /// with a capital.
    pub ambiguous: bool,
}

/// Every known term and spelling, by key.
#[derive(Debug)]
pub(crate) struct Dictionary {
    /// The key of each spelling to the key of its term.
    canonical: BTreeMap<String, String>,
    /// The key of each term to the term.
    terms: BTreeMap<String, Term>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasFile {
    term: Vec<AliasEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasEntry {
    name: String,
    #[serde(default)]
    also: Vec<String>,
    #[serde(default)]
    ambiguous: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermsFile {
    terms: Vec<String>,
}

const ALIASES: &str = include_str!("../../data/aliases.toml");
const TERMS: &str = include_str!("../../data/terms.toml");

/// The dictionary built from the embedded data files.
pub(crate) fn dictionary() -> &'static Dictionary {
    static DICTIONARY: OnceLock<Dictionary> = OnceLock::new();
    // The files are part of the program, not input: a unit test reads them,
    // so a broken file fails the test suite rather than a user's run.
    DICTIONARY.get_or_init(|| {
        Dictionary::from_data(ALIASES, TERMS).expect("the embedded keyword data files are valid")
    })
}

impl Dictionary {
    pub(crate) fn from_data(aliases: &str, terms: &str) -> Result<Dictionary, String> {
        let aliases: AliasFile = toml::from_str(aliases).map_err(|e| e.to_string())?;
        let terms: TermsFile = toml::from_str(terms).map_err(|e| e.to_string())?;
        let mut d = Dictionary {
            canonical: BTreeMap::new(),
            terms: BTreeMap::new(),
        };
        for entry in aliases.term {
            let key = raw_key(&entry.name);
            if key.is_empty() || d.terms.contains_key(&key) {
                return Err(format!(
                    "`{}` is listed twice or has no letters",
                    entry.name
                ));
            }
            for spelling in &entry.also {
                let k = raw_key(spelling);
                if let Some(other) = d.canonical.get(&k).filter(|o| **o != key) {
                    return Err(format!(
                        "`{spelling}` is an alias of both `{other}` and `{key}`"
                    ));
                }
                d.canonical.insert(k, key.clone());
            }
            d.canonical.insert(key.clone(), key.clone());
            d.terms.insert(
                key,
                Term {
                    name: entry.name,
                    ambiguous: entry.ambiguous,
                },
            );
        }
        for name in terms.terms {
            let key = raw_key(&name);
            // A term that is also some term's alias is that term.
            if key.is_empty() || d.canonical.contains_key(&key) {
                continue;
            }
            d.canonical.insert(key.clone(), key.clone());
            d.terms.insert(
                key,
                Term {
                    name,
                    ambiguous: false,
                },
            );
        }
        Ok(d)
    }

    /// The known term a key stands for, with its own key.
    pub(crate) fn term(&self, key: &str) -> Option<(&str, &Term)> {
        let k = self.canonical.get(key)?;
        self.terms.get(k).map(|t| (k.as_str(), t))
    }
}

/// The comparable key of a keyword or phrase (see the module's comment):
/// two spellings of one skill give the same key.
pub fn normalise(text: &str) -> String {
    let key = raw_key(text);
    match dictionary().term(&key) {
        Some((k, _)) => k.to_string(),
        None => key,
    }
}

/// Steps 1 and 2 of [`normalise`], without the aliases.
fn raw_key(text: &str) -> String {
    let mut key: String = text
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '.' | '-' | '_' | '\'' | '’')))
        .flat_map(char::to_lowercase)
        .collect();
    stem(&mut key);
    key
}

/// Takes a plural ending off the end of a key.
fn stem(key: &mut String) {
    if key.chars().count() <= 3 || !key.ends_with('s') {
        return;
    }
    if key.ends_with("ies") && key.len() > 4 {
        key.truncate(key.len() - 3);
        key.push('y');
    } else if key.ends_with("sses") || key.ends_with("xes") {
        key.truncate(key.len() - 2);
    } else if !key.ends_with("ss")
        && !key.ends_with("us")
        && !key.ends_with("is")
        && !key.ends_with("os")
    {
        key.pop();
    }
}

/// A word of a text, with its byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
}

/// The words of a text: runs of letters, digits and the characters that
/// belong inside technical names (`+ # . - _ / '`), with punctuation trimmed
/// from their ends (a final `+` or `#` is kept: C++, C#). A word with a
/// slash is split at it ("C/C++" is C and C++) unless the whole is a known
/// term ("CI/CD", "TCP/IP").
pub(crate) fn tokens(text: &str) -> Vec<Token<'_>> {
    let inner = |c: char| {
        c.is_alphanumeric() || matches!(c, '+' | '#' | '.' | '-' | '_' | '/' | '\'' | '’')
    };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, inner(c) && i < text.len()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                push_word(text, s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn push_word<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Token<'a>>) {
    let Some(word) = trim(text, start, end) else {
        return;
    };
    if word.text.contains('/') && dictionary().term(&raw_key(word.text)).is_none() {
        let mut offset = word.start;
        for part in word.text.split('/') {
            if let Some(t) = trim(text, offset, offset + part.len()) {
                out.push(t);
            }
            offset += part.len() + 1;
        }
    } else {
        out.push(word);
    }
}

/// The word in `text[start..end]` without punctuation at its ends.
fn trim(text: &str, start: usize, end: usize) -> Option<Token<'_>> {
    let word = text.get(start..end)?;
    let lead = word.len()
        - word
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let rest = &word[lead..];
    let rest = rest.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'));
    (!rest.is_empty()).then_some(Token {
        text: rest,
        start: start + lead,
    })
}

/// True when a word not in the dictionary still looks like the name of a
/// technology: an acronym of three letters or more ("AWS", "HPC"), a name with an inner capital
/// ("GraphQL", "iOS"), letters with digits ("S3", "x86"), or a dotted or
/// `+`/`#` name ("Vue.js", "F#"). A word with only its first letter
/// capitalised is taken for an ordinary word at the start of a sentence or
/// a proper name (a city, the employer) and left out.
pub(crate) fn looks_technical(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || word.chars().count() < 2 || NOT_TECHNICAL.contains(&word) {
        return false;
    }
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let lower = word.chars().filter(|c| c.is_lowercase()).count();
    let inner_capital = word.chars().skip(1).any(char::is_uppercase) && lower > 0;
    // Two capitals alone are more often a state, a degree or a department
    // ("WA", "BS", "HR") than a technology; the two-letter ones that are
    // (AI, ML, CI, OS, UI) are in the dictionary.
    let acronym = upper >= 3 && lower == 0;
    let digits = word.chars().any(|c| c.is_ascii_digit());
    let dotted = word.trim_end_matches(['+', '#']).contains('.') || word.ends_with(['+', '#']);
    acronym || inner_capital || (digits && letters > 0 && upper + lower > 0) || dotted
}

/// Capitalised words that postings use and that are not skills.
const NOT_TECHNICAL: &[&str] = &[
    "USA", "US", "UK", "EU", "EEO", "EEOC", "HR", "PTO", "CEO", "CTO", "CFO", "VP", "FAQ", "OK",
    "ASAP", "ID", "IDs", "NYC", "SF", "LA", "PST", "EST", "CET", "UTC", "AND", "OR", "THE", "TBD",
    "FTE", "B2B", "B2C", "401k", "401K", "W2", "W-2", "1099", "e.g", "i.e", "etc", "BS", "BA",
    "MS", "MSc", "BSc", "PhD", "MBA", "USD", "EUR", "GBP", "Q1", "Q2", "Q3", "Q4", "H1", "H2",
    "N/A", "M/F", "II", "III", "IV", "KPI", "KPIs", "OKR", "OKRs", "ROI", "SaaS", "YoY",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_data_files_are_valid() {
        Dictionary::from_data(ALIASES, TERMS).unwrap();
    }

    #[track_caller]
    fn check(input: &str, expect: &str) {
        assert_eq!(normalise(input), expect, "normalise({input:?})");
    }

    #[test]
    fn case_punctuation_and_plurals() {
        check("Kubernetes", "kubernete");
        check("KUBERNETES", "kubernete");
        check("Node.js", "nodej");
        check("nodejs", "nodej");
        check("node js", "nodej");
        check("NodeJS", "nodej");
        check("C++", "c++");
        check("C#", "c#");
        check("C", "c");
        check("Microservices", "microservice");
        check("micro-services", "microservice");
        check("databases", "database");
        check("technologies", "technology");
        check("processes", "process");
        check("Redis", "redis");
        check("iOS", "ios");
        check("AWS", "amazonwebservice");
        check("Bachelor's", "bachelor");
        check("  data   pipelines ", "datapipeline");
    }

    #[test]
    fn aliases_meet_their_term() {
        for (a, b) in [
            ("JS", "JavaScript"),
            ("ECMAScript", "javascript"),
            ("k8s", "Kubernetes"),
            ("K8S", "kubernetes"),
            ("Postgres", "PostgreSQL"),
            ("golang", "Go"),
            ("GCP", "Google Cloud"),
            ("Google Cloud Platform", "google cloud"),
            ("React.js", "React"),
            ("ReactJS", "react"),
            ("C++14", "C++"),
            ("CI", "CI/CD"),
            ("continuous integration", "CI/CD"),
            ("Clang/LLVM", "LLVM"),
            ("ML", "Machine Learning"),
            ("Protocol Buffers", "protobuf"),
            ("Operating Systen", "operating systems"),
        ] {
            check(a, &normalise(b));
        }
        assert_ne!(normalise("C"), normalise("C++"));
        assert_ne!(normalise("Java"), normalise("JavaScript"));
    }

    #[test]
    fn words_of_a_text() {
        fn words(t: &str) -> Vec<&str> {
            tokens(t).into_iter().map(|t| t.text).collect()
        }
        assert_eq!(
            words("Use C/C++, Node.js and CI/CD."),
            ["Use", "C", "C++", "Node.js", "and", "CI/CD"]
        );
        assert_eq!(words("(envoy) \"k8s\"; C#."), ["envoy", "k8s", "C#"]);
        assert_eq!(words("--- / ..."), Vec::<&str>::new());
        let t = tokens("a  Rust");
        assert_eq!((t[1].text, t[1].start), ("Rust", 3));
    }

    #[test]
    fn technical_looking_words() {
        for w in ["AWS", "GraphQL", "iOS", "S3", "x86", "Vue.js", "F#", "HPC"] {
            assert!(looks_technical(w), "{w}");
        }
        for w in ["Berlin", "We", "WA", "2024", "5+", "USA", "a", "PhD", "e.g"] {
            assert!(!looks_technical(w), "{w}");
        }
    }
}
