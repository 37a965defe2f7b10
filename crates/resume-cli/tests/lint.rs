//! `resume lint` end to end: exit codes, --allow, --deny warnings,
//! --format json, the source's `[lint]` table and unknown rule ids.

mod common;

use std::path::{Path, PathBuf};

use common::{resume, stderr};

fn repo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
        .display()
        .to_string()
}

/// A temporary directory holding `resume.<ext>` with `text`.
fn source(ext: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("resume.{ext}"));
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

const WEAK: &str = "[basics]\nname = \"A\"\nemail = \"a@example.com\"\nphone = \"1\"\n[[work]]\ncompany = \"B\"\nstart = \"2020-01\"\nend = \"2021-01\"\nhighlights = [\"Worked on 3 caches.\"]\n";

#[test]
fn seed_reports_its_weak_openings_at_their_lines() {
    let seed = repo("resume/wenqing-luo.toml");
    let o = resume(Path::new("."), &["lint", &seed]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    let weak: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("warning[weak-opening]"))
        .collect();
    assert_eq!(weak.len(), 2, "{err}");
    assert!(err.contains("wenqing-luo.toml:68:3"), "{err}");
    assert!(err.contains("wenqing-luo.toml:83:3"), "{err}");
    assert!(err.contains("“Worked on”"), "{err}");
}

#[test]
fn clean_example_has_nothing_to_report() {
    let clean = repo("tests/data/lint/clean.toml");
    for deny in [&[][..], &["--deny", "warnings"][..]] {
        let mut args = vec!["lint", clean.as_str()];
        args.extend(deny);
        let o = resume(Path::new("."), &args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(stderr(&o).contains("nothing to report"), "{}", stderr(&o));
    }
}

#[test]
fn warnings_pass_unless_denied() {
    let (dir, path) = source("toml", WEAK);
    let p = path.to_str().unwrap();
    let o = resume(dir.path(), &["lint", p]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("warning[weak-opening]"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("resume.toml:9:15"), "{}", stderr(&o));
    let o = resume(dir.path(), &["lint", p, "--deny", "warnings"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = resume(
        dir.path(),
        &["lint", p, "--deny", "warnings", "--allow", "weak-opening"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn notes_never_fail() {
    let text = WEAK.replace("Worked on 3 caches.", "Rewrote the cache layer.");
    let (dir, path) = source("toml", &text);
    let o = resume(
        dir.path(),
        &["lint", path.to_str().unwrap(), "--deny", "warnings"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("note[no-metric]"), "{}", stderr(&o));
}

#[test]
fn lint_table_turns_rules_off_and_is_checked() {
    let text = format!("{WEAK}[lint]\nallow = [\"weak-opening\"]\n");
    let (dir, path) = source("toml", &text);
    let o = resume(
        dir.path(),
        &["lint", path.to_str().unwrap(), "--deny", "warnings"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = format!("{WEAK}[lint]\nallow = [\"weak-openings\"]\n");
    let (dir, path) = source("toml", &text);
    let o = resume(dir.path(), &["lint", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("did you mean `weak-opening`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn unknown_rule_ids_are_usage_errors() {
    let (dir, path) = source("toml", WEAK);
    let o = resume(
        dir.path(),
        &["lint", path.to_str().unwrap(), "--allow", "nope"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("nope") && err.contains("weak-opening"),
        "{err}"
    );
}

#[test]
fn json_format_for_editors() {
    let json = r#"{"basics":{"name":"A","email":"a@example.com","phone":"1"},
"work":[{"name":"B","startDate":"2020-01","endDate":"2021-01",
"highlights":["Worked on 3 caches."]}]}"#;
    let (dir, path) = source("json", json);
    let o = resume(
        dir.path(),
        &["lint", path.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    let items = v.as_array().expect("one array");
    assert_eq!(items.len(), 1, "{v}");
    let f = &items[0];
    assert_eq!(f["rule"], "weak-opening");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["path"], "work[0].highlights[0]");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(3), Some(15))
    );
    assert!(
        f["hint"]
            .as_str()
            .is_some_and(|h| h.starts_with("start with"))
    );
}

#[test]
fn invalid_sources_and_missing_files() {
    let (dir, path) = source("toml", "[basics]\nnme = \"A\"\n");
    let o = resume(dir.path(), &["lint", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown key `nme`"), "{}", stderr(&o));
    let o = resume(dir.path(), &["lint", "missing.toml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn too_many_pages_against_the_fit_target() {
    // Enough bullets that even the tightest fitted design takes two pages.
    let bullets: Vec<String> = (0..150)
        .map(|i| format!("\"Shipped release {i} of the platform to 1000 customers.\""))
        .collect();
    let text = format!(
        "{WEAK}[[projects]]\nname = \"P\"\nhighlights = [{}]\n",
        bullets.join(",")
    );
    let (dir, path) = source("toml", &text);
    let p = path.to_str().unwrap();
    let o = resume(dir.path(), &["lint", p]);
    assert!(
        stderr(&o).contains("warning[too-many-pages]"),
        "{}",
        stderr(&o)
    );
    let o = resume(dir.path(), &["lint", p, "--fit-pages", "9"]);
    assert!(!stderr(&o).contains("too-many-pages"), "{}", stderr(&o));
}
