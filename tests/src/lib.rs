//! Shared helpers of the cross-crate tests: where the repository's files are,
//! and the seed résumé as a model and as a document.

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_path_buf()
}

/// The seed résumé's TOML source.
pub fn seed_path() -> PathBuf {
    root().join("resume/wenqing-luo.toml")
}

/// The seed résumé, parsed.
pub fn seed_resume() -> resume_model::Resume {
    let source =
        std::fs::read_to_string(seed_path()).expect("the seed source is in the repository");
    match resume_model::parse_toml(&source) {
        Ok((resume, _)) => resume,
        Err(diags) => panic!("the seed source is invalid: {diags:#?}"),
    }
}

/// The seed résumé lowered with default options.
pub fn seed_document() -> resume_document::Document {
    resume_document::lower(&seed_resume(), &resume_document::Options::default())
}

/// How many bulleted items a document has: its entries' bullets and the
/// items of its lists (what Word shows as List Bullet paragraphs).
pub fn list_items(doc: &resume_document::Document) -> usize {
    doc.sections
        .iter()
        .map(|s| match &s.body {
            resume_document::SectionBody::Entries(es) => es.iter().map(|e| e.bullets.len()).sum(),
            resume_document::SectionBody::List(items) => items.len(),
            resume_document::SectionBody::Paragraphs(_) => 0,
        })
        .sum()
}

/// The seed's reference text: every word of the original résumé, in reading
/// order (made from the original with the evaluation kit's `reftext.py`).
pub fn seed_reference() -> String {
    std::fs::read_to_string(root().join("tests/data/seed-reference.txt")).expect("reference text")
}

/// Lower-cased runs of letters and digits, as the recall measure counts
/// them. A run also ends where the script changes between Hebrew, Arabic
/// and the rest (a search engine's tokeniser splits "APIב" in two).
/// Chinese and Japanese put no spaces between words, so each Han, Hiragana
/// and Katakana character is a token of its own: recall then counts
/// characters, not whole sentences, and does not depend on where a line
/// breaks. Hangul words are separated by spaces and stay whole.
pub fn tokens(text: &str) -> Vec<String> {
    #[derive(PartialEq, Clone, Copy)]
    enum Script {
        Hebrew,
        Arabic,
        Other,
    }
    let script = |c: char| match u32::from(c) {
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        _ => Script::Other,
    };
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_script = Script::Other;
    for c in text.chars() {
        if is_cjk_syllable(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            if !cur.is_empty() && script(c) != cur_script {
                out.push(std::mem::take(&mut cur));
            }
            cur_script = script(c);
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A Han ideograph, or a Hiragana or Katakana character (with the
/// iteration and prolonged-sound marks): one written word-piece of Chinese
/// or Japanese.
fn is_cjk_syllable(c: char) -> bool {
    matches!(c,
        '\u{3005}'..='\u{3007}'            // 々 〆 〇
        | '\u{3040}'..='\u{30FF}'          // Hiragana, Katakana
        | '\u{31F0}'..='\u{31FF}'          // Katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'          // Han extension A
        | '\u{4E00}'..='\u{9FFF}'          // Han
        | '\u{F900}'..='\u{FAFF}'          // Han compatibility
        | '\u{FF66}'..='\u{FF9F}'          // half-width Katakana
        | '\u{20000}'..='\u{3FFFF}') // Han extensions B and later
}

/// The visible text of a document in reading order: the header's name,
/// headline and contacts, then each section's title and body; an entry
/// reads its title, then its dates and place after the lines beside them
/// (see `entry` below), bullets, roles. The words every output must keep.
pub fn document_words(doc: &resume_document::Document) -> String {
    words(doc, false)
}

/// [`document_words`] as Word reads it: each of an entry's rows is a
/// paragraph, so the dates follow the title and the place the first line.
pub fn document_words_by_rows(doc: &resume_document::Document) -> String {
    words(doc, true)
}

fn words(doc: &resume_document::Document, rows: bool) -> String {
    use resume_document::{Entry, SectionBody};
    // One thing beside the title reads after it; the dates and the place
    // together, a column of two rows beside the title and the first line,
    // read after the lines, as pdftotext reads such a column (and as the
    // seed's reference text has it). Word keeps each row in a paragraph:
    // there the dates follow the title and the place the first line.
    fn entry(e: &Entry, rows: bool, out: &mut Vec<String>) {
        out.push(e.title.to_plain());
        let dates = e.dates.as_ref().map(|d| d.display());
        let mut lines = e.lines.iter().map(|l| l.text.to_plain());
        match (dates, &e.location) {
            (Some(d), Some(l)) if rows => {
                out.push(d);
                out.extend(lines.next());
                out.push(l.clone());
                out.extend(lines);
            }
            (Some(d), Some(l)) => {
                out.extend(lines);
                out.push(d);
                out.push(l.clone());
            }
            (d, l) => {
                out.extend(d);
                out.extend(l.clone());
                out.extend(lines);
            }
        }
        out.extend(e.bullets.iter().map(|b| b.to_plain()));
        for r in &e.roles {
            entry(r, rows, out);
        }
    }
    let h = &doc.header;
    let mut out = vec![h.name.clone()];
    out.extend(h.headline.clone());
    out.extend(h.contacts.iter().map(|c| c.text.clone()));
    for s in &doc.sections {
        out.push(s.title.clone());
        match &s.body {
            SectionBody::Entries(es) => es.iter().for_each(|e| entry(e, rows, &mut out)),
            SectionBody::Paragraphs(ts) | SectionBody::List(ts) => {
                out.extend(ts.iter().map(|t| t.to_plain()));
            }
        }
    }
    out.join("\n")
}

/// Compares `actual` with the golden file `tests/golden/<name>`, byte for
/// byte. With `BLESS=1` set, writes `actual` there instead, for a change
/// that was reviewed.
#[track_caller]
pub fn assert_golden(name: &str, actual: &str) {
    assert_golden_at(&root().join("tests/golden").join(name), actual);
}

/// [`assert_golden`] for a golden file anywhere, such as a crate's own
/// `tests/golden/` folder. A failure names the first line that differs, as
/// the file has it and as it is now.
#[track_caller]
pub fn assert_golden_at(path: &Path, actual: &str) {
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        let line = |text: &str| text.lines().nth(first).unwrap_or("").to_string();
        panic!(
            "{} differs from its golden file (line {}):\n  golden: {}\n  now:    {}\n\
             review the change and run with BLESS=1 to accept it\n--- actual ---\n{actual}",
            path.display(),
            first + 1,
            line(&expected),
            line(actual)
        );
    }
}

/// How much of `reference` an output keeps, as the evaluation kit measures it:
/// `recall` is the share of reference words present (as a multiset), `order`
/// the share of those found in reference order (longest common subsequence).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fidelity {
    pub recall: f64,
    pub order: f64,
}

pub fn fidelity(reference: &str, output: &str) -> Fidelity {
    use std::collections::HashMap;
    let r = tokens(reference);
    let o = tokens(output);
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for w in &o {
        *counts.entry(w).or_default() += 1;
    }
    let mut matched = 0usize;
    for w in &r {
        if let Some(c) = counts.get_mut(w.as_str())
            && *c > 0
        {
            *c -= 1;
            matched += 1;
        }
    }
    // Longest common subsequence, one row at a time.
    let mut prev = vec![0usize; o.len() + 1];
    for a in &r {
        let mut cur = vec![0usize; o.len() + 1];
        for (j, b) in o.iter().enumerate() {
            cur[j + 1] = if a == b {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        prev = cur;
    }
    let lcs = prev[o.len()];
    Fidelity {
        recall: matched as f64 / r.len().max(1) as f64,
        order: if matched == 0 {
            0.0
        } else {
            lcs as f64 / matched as f64
        },
    }
}

/// The words of `reference` present in `output` but not in the longest
/// common subsequence: those that read out of order, for messages.
pub fn out_of_order(reference: &str, output: &str) -> Vec<String> {
    let r = tokens(reference);
    let o = tokens(output);
    let mut table = vec![vec![0u32; o.len() + 1]; r.len() + 1];
    for i in (0..r.len()).rev() {
        for j in (0..o.len()).rev() {
            table[i][j] = if r[i] == o[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut skipped = Vec::new();
    while i < r.len() && j < o.len() {
        if r[i] == o[j] {
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            skipped.push(r[i].clone());
            i += 1;
        } else {
            j += 1;
        }
    }
    skipped.extend(r[i..].iter().cloned());
    skipped.retain(|w| o.contains(w));
    skipped
}

/// Asserts that every word of `reference` is in `output`, and that at least
/// `min_order` of them read in the reference's order; names missing words.
#[track_caller]
pub fn assert_words_in_order(reference: &str, output: &str, min_order: f64) {
    let present = tokens(output);
    let missing: Vec<String> = tokens(reference)
        .into_iter()
        .filter(|w| !present.contains(w))
        .collect();
    assert!(
        missing.is_empty(),
        "words missing from the output: {missing:?}"
    );
    let f = fidelity(reference, output);
    assert!(
        f.recall >= 0.999,
        "recall {:.4}: some repeated words are missing",
        f.recall
    );
    assert!(f.order >= min_order, "order {:.4} < {min_order}", f.order);
}

/// A part of a zip package (a DOCX's `word/document.xml`) as text.
pub fn zip_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut s = String::new();
    zip.by_name(name)
        .expect("the part")
        .read_to_string(&mut s)
        .expect("UTF-8");
    s
}

/// The text runs of a DOCX's `word/document.xml`, with paragraph ends,
/// tabs and breaks as spaces: what a parser reading the XML sees.
pub fn docx_text(bytes: &[u8]) -> String {
    let xml = zip_part(bytes, "word/document.xml");
    let unescape = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    };
    let mut text = String::new();
    let mut rest = xml.as_str();
    while let Some(i) = rest.find('<') {
        let Some(end) = rest[i..].find('>') else {
            break;
        };
        let tag = &rest[i + 1..i + end];
        rest = &rest[i + end + 1..];
        let name = tag.split([' ', '/']).next().unwrap_or("");
        match name {
            "w:t" if !tag.ends_with('/') => {
                let close = rest.find("</w:t>").unwrap_or(rest.len());
                text.push_str(&unescape(&rest[..close]));
                rest = &rest[close..];
            }
            "w:tab" | "w:br" => text.push(' '),
            _ if tag == "/w:p" => text.push('\n'),
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fidelity_measures_recall_and_order() {
        let f = fidelity("a b c d", "a b c d");
        assert_eq!((f.recall, f.order), (1.0, 1.0));
        let f = fidelity("a b c d", "d a b c");
        assert_eq!(f.recall, 1.0);
        assert!((f.order - 0.75).abs() < 1e-9);
        let f = fidelity("a b c d", "a b");
        assert_eq!((f.recall, f.order), (0.5, 1.0));
        assert_eq!(
            tokens("C++, Node.js 3.95/4.0"),
            ["c", "node", "js", "3", "95", "4", "0"]
        );
        assert_eq!(
            tokens("在 ByteDance 负责（Kubernetes）集群。"),
            ["在", "bytedance", "负", "责", "kubernetes", "集", "群"]
        );
        assert_eq!(
            tokens("「ミチシルベ」を開発"),
            ["ミ", "チ", "シ", "ル", "ベ", "を", "開", "発"]
        );
        assert_eq!(
            tokens("Figma와 Storybook 기반의"),
            ["figma와", "storybook", "기반의"]
        );
        assert_eq!(tokens("ב-Google Cloud 35%"), ["ב", "google", "cloud", "35"]);
    }
}
