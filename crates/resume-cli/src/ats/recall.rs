//! Word recall and order, computed exactly as the evaluation kit's
//! `recall.py` does, so `resume ats` and the kit give the same figures:
//! NFKC, soft hyphens dropped, a hyphen at a line end joined only when the
//! joined word is a reference word, lower-cased runs of letters and digits,
//! multiset recall, and the longest common subsequence for order.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// `([^\W\d_]+)-[ \t]*\n[ \t]*([^\W\d_]+)`: a word broken at a line end.
static HYPHENATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([^\W\d_]+)-[ \t]*\n[ \t]*([^\W\d_]+)").expect("a valid pattern")
});

/// How much of the reference reached the output, and in which order.
#[derive(Debug, Clone, Serialize)]
pub struct Recall {
    pub ref_tokens: usize,
    pub out_tokens: usize,
    pub matched: usize,
    /// Matched / reference words, each occurrence counted.
    pub recall: f64,
    /// Longest common subsequence / matched: of the words found, the share
    /// found in the reference's order.
    pub order: f64,
    /// Reference words the output lacks, most frequent first (`wordxN`).
    pub missing: Vec<String>,
}

/// Python's `str.isalnum` for one character, which is what `[^\W_]` means
/// in a Unicode `re` pattern: letters and every kind of number.
fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c.is_numeric()
}

fn clean(text: &str, vocab: Option<&HashSet<String>>) -> String {
    let text: String = text.nfkc().filter(|&c| c != '\u{ad}').collect();
    match vocab {
        Some(vocab) => HYPHENATED
            .replace_all(&text, |c: &regex::Captures<'_>| {
                let joined = format!("{}{}", &c[1], &c[2]);
                if vocab.contains(&joined.to_lowercase()) {
                    joined
                } else {
                    c[0].to_string()
                }
            })
            .into_owned(),
        None => text,
    }
}

/// The kit's tokens: lower-cased runs of letters and digits.
pub fn tokens(text: &str) -> Vec<String> {
    split(&clean(text, None))
}

fn split(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_word_char(c) {
            word.push(c);
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word).to_lowercase());
        }
    }
    if !word.is_empty() {
        out.push(word.to_lowercase());
    }
    out
}

/// Length of the longest common subsequence, one row of the table at a time.
fn lcs_len(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

fn counts(words: &[String]) -> HashMap<&str, usize> {
    let mut m = HashMap::new();
    for w in words {
        *m.entry(w.as_str()).or_insert(0) += 1;
    }
    m
}

/// Compares an extracted text with the reference text.
pub fn compare(reference: &str, output: &str) -> Recall {
    let reference = tokens(reference);
    let vocab: HashSet<String> = reference.iter().cloned().collect();
    let output = split(&clean(output, Some(&vocab)));
    let (rc, oc) = (counts(&reference), counts(&output));
    let matched: usize = rc
        .iter()
        .map(|(w, n)| (*n).min(oc.get(w).copied().unwrap_or(0)))
        .sum();
    let lcs = lcs_len(&reference, &output);
    let mut missing: Vec<(&str, usize)> = rc
        .iter()
        .filter_map(|(w, n)| {
            let short = n.saturating_sub(oc.get(w).copied().unwrap_or(0));
            (short > 0).then_some((*w, short))
        })
        .collect();
    missing.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    Recall {
        ref_tokens: reference.len(),
        out_tokens: output.len(),
        matched,
        recall: if reference.is_empty() {
            1.0
        } else {
            matched as f64 / reference.len() as f64
        },
        order: if matched == 0 {
            0.0
        } else {
            lcs as f64 / matched as f64
        },
        missing: missing
            .into_iter()
            .map(|(w, n)| if n > 1 { format!("{w}x{n}") } else { w.into() })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_the_kits() {
        assert_eq!(
            tokens("3.95/4.0 C++ FIle"),
            ["3", "95", "4", "0", "c", "file"]
        );
    }

    #[test]
    fn hyphen_at_line_end_joins_only_reference_words() {
        let r = compare("distributed large scale", "distrib-\nuted large-\nscale");
        assert_eq!(r.matched, 3);
        assert!((r.recall - 1.0).abs() < 1e-9);
    }

    #[test]
    fn multiset_recall_and_order() {
        let r = compare("a b c d", "d c b a a");
        assert_eq!(r.matched, 4);
        assert!((r.order - 0.25).abs() < 1e-9);
        let r = compare("a a b", "a");
        assert_eq!(r.missing, ["a", "b"]);
    }
}
