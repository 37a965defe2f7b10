//! `resume import linkedin` end to end: the committed archive (the shape
//! LinkedIn sends) becomes a source that checks and builds, keeps every
//! value a résumé shows, and names what it did not import.

mod common;

use std::path::PathBuf;

use common::{resume, stderr};

fn archive() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/linkedin/archive.zip")
}

#[test]
fn a_linkedin_archive_becomes_a_source_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let archive = archive();
    let out = resume(
        dir.path(),
        &[
            "import",
            "linkedin",
            archive.to_str().unwrap(),
            "-o",
            "cv.toml",
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let source = std::fs::read_to_string(dir.path().join("cv.toml")).unwrap();
    assert!(source.starts_with("# Imported from the LinkedIn data archive"));
    for value in [
        "name = \"Priya Raman\"",
        "email = \"priya@example.com\"",
        "phone = \"+1 415 555 0134\"",
        "company = \"Ledgerline\"",
        "start = \"2021-03\"",
        "end = \"present\"",
        "Cut p99 authorization latency",
        "institution = \"University of California, Berkeley\"",
        "\"PostgreSQL\"",
        "name = \"pgshard\"",
        "issuer = \"The Linux Foundation\"",
        "fluency = \"Full professional proficiency\"",
        "title = \"Engineering Excellence Award\"",
        "publisher = \"Ledgerline Engineering Blog\"",
    ] {
        assert!(source.contains(value), "{value} missing from\n{source}");
    }
    // What was not imported is said, on the terminal and in the source.
    for skipped in [
        "Connections.csv",
        "`Birth Date`",
        "`License Number`",
        "priya.old@example.net",
    ] {
        assert!(err.contains(skipped), "{skipped}: {err}");
        assert!(source.contains(skipped), "{skipped} in the source's header");
    }
    let check = resume(dir.path(), &["check", "cv.toml"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let build = resume(
        dir.path(),
        &["build", "cv.toml", "-o", "dist", "-f", "txt,html"],
    );
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    // An existing source is not overwritten without --force.
    let again = resume(
        dir.path(),
        &[
            "import",
            "linkedin",
            archive.to_str().unwrap(),
            "-o",
            "cv.toml",
        ],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("--force"));
}

#[test]
fn a_file_that_is_not_an_archive_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.zip"), "not a zip").unwrap();
    let out = resume(dir.path(), &["import", "linkedin", "x.zip"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a zip archive"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("resume.toml").exists());
}
