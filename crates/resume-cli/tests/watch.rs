//! `resume watch` end to end: it builds at start, rebuilds after a save in
//! place and after a save by rename, prints the diagnostics of an invalid
//! save and goes on watching, and stops cleanly on SIGINT.
//!
//! The waits are bounded but generous: the test checks that the outputs
//! follow the saves, not how fast (that is measured with a release build,
//! see the README).

#![cfg(unix)]

#[path = "common/running.rs"]
mod running;

use std::path::Path;

use running::{Running, name_line, save_by_rename, seed};

/// Whether `path` holds `word`.
fn holds(path: &Path, word: &str) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| t.contains(word))
}

#[test]
fn watch_rebuilds_on_every_save_and_survives_an_invalid_one() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("cv.toml");
    let seed = seed();
    std::fs::write(&source, &seed).unwrap();
    let txt = dir.path().join("out/cv.txt");
    let html = dir.path().join("out/cv.html");

    let mut watch = Running::start(
        dir.path(),
        &["watch", "cv.toml", "-o", "out", "-f", "txt,html"],
    );
    watch.wait_for("the first build", |r| {
        r.stdout().contains("built cv.toml in")
    });
    assert!(holds(&txt, "wenqing4@illinois.edu"), "{}", watch.stderr());
    assert!(holds(&html, "wenqing4@illinois.edu"));
    let out = watch.stdout();
    assert!(out.contains("wrote out/cv.txt"), "{out}");
    assert!(out.contains("wrote out/cv.html"), "{out}");

    // A save in place.
    std::fs::write(&source, seed.replace("wenqing4@", "inplace@")).unwrap();
    watch.wait_for("the TXT after a save in place", |_| {
        holds(&txt, "inplace@illinois.edu") && holds(&html, "inplace@illinois.edu")
    });

    // A save that writes a new file and renames it over the source.
    save_by_rename(&source, &seed.replace("wenqing4@", "renamed@"));
    watch.wait_for("the TXT after a save by rename", |_| {
        holds(&txt, "renamed@illinois.edu")
    });
    watch.wait_for("the report of the rebuild", |r| {
        r.stdout().contains("ms after the save")
    });

    // An invalid save: its diagnostics, located, and the watch goes on
    // with the last good outputs in place.
    let broken = seed.replacen("name = \"Wenqing Luo\"", "name = ", 1);
    assert_ne!(broken, seed);
    std::fs::write(&source, &broken).unwrap();
    watch.wait_for("the diagnostics of the invalid save", |r| {
        r.stderr().contains("fix the source and save again")
    });
    let err = watch.stderr();
    assert!(err.contains(&name_line()), "not located:\n{err}");
    assert!(err.contains("error"), "{err}");
    assert!(watch.alive(), "the watch ended on an invalid save");
    assert!(
        holds(&txt, "renamed@illinois.edu"),
        "the last good TXT was lost"
    );

    // Fixed again, by rename: built again.
    save_by_rename(&source, &seed.replace("wenqing4@", "fixed@"));
    watch.wait_for("the TXT after the fix", |_| {
        holds(&txt, "fixed@illinois.edu")
    });

    // Ctrl-C: exit 0, and no temporary file left among the outputs.
    let (status, _, err) = watch.interrupt();
    assert_eq!(status.code(), Some(0), "{err}");
    let left: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn watch_rebuilds_when_the_theme_file_changes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("look.toml"),
        "extends = \"classic\"\naccent = \"#112233\"\n",
    )
    .unwrap();
    let source = dir.path().join("cv.toml");
    std::fs::write(
        &source,
        seed().replacen("[layout]", "[design]\ntheme = \"look.toml\"\n\n[layout]", 1),
    )
    .unwrap();
    let html = dir.path().join("out/cv.html");
    let mut watch = Running::start(dir.path(), &["watch", "cv.toml", "-o", "out", "-f", "html"]);
    watch.wait_for("the first build", |r| {
        r.stdout().contains("built cv.toml in")
    });
    assert!(holds(&html, "#112233"), "{}", watch.stderr());
    save_by_rename(
        &dir.path().join("look.toml"),
        "extends = \"classic\"\naccent = \"#445566\"\n",
    );
    watch.wait_for("the HTML after the theme changed", |_| {
        holds(&html, "#445566")
    });
    let (status, _, err) = watch.interrupt();
    assert_eq!(status.code(), Some(0), "{err}");
}

#[test]
fn watch_waits_for_a_source_that_is_not_there_yet() {
    let dir = tempfile::tempdir().unwrap();
    let mut watch = Running::start(dir.path(), &["watch", "cv.toml", "-o", "out", "-f", "txt"]);
    // The first build fails (there is no file); the watch says so and goes
    // on, and builds once the file appears.
    watch.wait_for("the failed first build", |r| {
        r.stderr().contains("cannot read cv.toml")
    });
    assert!(watch.alive());
    save_by_rename(&dir.path().join("cv.toml"), &seed());
    watch.wait_for("the build of the new source", |_| {
        holds(&dir.path().join("out/cv.txt"), "wenqing4@illinois.edu")
    });
    let (status, _, err) = watch.interrupt();
    assert_eq!(status.code(), Some(0), "{err}");
}

#[test]
fn watch_and_preview_refuse_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("cvs")).unwrap();
    for command in ["watch", "preview"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_resume"))
            .args(
                [command, "cvs", "--no-open"]
                    .iter()
                    .take(if command == "watch" { 2 } else { 3 }),
            )
            .current_dir(dir.path())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {err}");
        assert!(err.contains("cvs is a folder"), "{command}: {err}");
    }
}
