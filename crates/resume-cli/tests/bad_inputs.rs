//! The catalogue of bad inputs in `tests/data/bad/`: every file is built
//! with the binary, and what it must do is in the `.expect` file beside it
//! (exit code, what the message says, where it points). A failed build
//! leaves older outputs as they were.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{resume, stderr};

fn catalogue() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/bad")
}

/// What a case expects, read from its `.expect` file.
#[derive(Debug, Default)]
struct Expect {
    exit: i32,
    at: Option<String>,
    says: Vec<String>,
    lacks: Vec<String>,
    env: Vec<(String, String)>,
    args: Vec<String>,
    command: Option<String>,
    /// The exit code of `resume check` on the same file, when given.
    check: Option<i32>,
    /// Fragments the text and HTML outputs must hold.
    shows: Vec<String>,
}

fn expectation(text: &str) -> Expect {
    let mut e = Expect::default();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once(':').expect("`key: value`");
        let value = value.trim().to_string();
        match key.trim() {
            "exit" => e.exit = value.parse().expect("an exit code"),
            "at" => e.at = Some(value),
            "says" => e.says.push(value),
            "lacks" => e.lacks.push(value),
            "env" => {
                let (k, v) = value.split_once('=').expect("NAME=value");
                e.env.push((k.to_string(), v.to_string()));
            }
            "args" => e.args.extend(value.split_whitespace().map(String::from)),
            "command" => e.command = Some(value),
            "check" => e.check = Some(value.parse().expect("an exit code")),
            "shows" => e.shows.push(value),
            other => panic!("unknown key `{other}` in an .expect file"),
        }
    }
    e
}

/// The characters no output may hold (as the readers define them).
fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
}

const FORMATS: [&str; 4] = ["pdf", "docx", "html", "txt"];

#[test]
fn every_bad_input_fails_as_its_expect_file_says() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(catalogue())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "expect"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "the catalogue is missing");
    let mut failures = Vec::new();
    for expect_file in &cases {
        let source = expect_file.with_extension("");
        let name = source.file_name().unwrap().to_str().unwrap().to_string();
        let stem = source.file_stem().unwrap().to_str().unwrap().to_string();
        let expect = expectation(&std::fs::read_to_string(expect_file).unwrap());
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(&source, dir.path().join(&name)).unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        for ext in FORMATS {
            std::fs::write(out.join(format!("{stem}.{ext}")), "older").unwrap();
        }
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_resume"));
        cmd.current_dir(dir.path())
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .env("RESUME_SYSTEM_FONTS", "0");
        match expect.command.as_deref() {
            None | Some("build") => cmd.args(["build", &name, "-o", "out", "-f", "txt,html"]),
            Some(other) => cmd.args([other, &name]),
        };
        cmd.args(&expect.args);
        for (k, v) in &expect.env {
            cmd.env(k, v);
        }
        let run = cmd.output().unwrap();
        let err = format!("{}{}", String::from_utf8_lossy(&run.stdout), stderr(&run));
        let mut problems = Vec::new();
        if run.status.code() != Some(expect.exit) {
            problems.push(format!(
                "exit code {:?}, expected {}",
                run.status.code(),
                expect.exit
            ));
        }
        if let Some(at) = &expect.at {
            let at = format!("{name}:{at}");
            if !err.contains(&at) {
                problems.push(format!("no location {at}"));
            }
        }
        for s in &expect.says {
            if !err.contains(s.as_str()) {
                problems.push(format!("does not say {s:?}"));
            }
        }
        for s in &expect.lacks {
            if err.contains(s.as_str()) {
                problems.push(format!("says {s:?}"));
            }
        }
        if err.contains("panicked") {
            problems.push("panicked".to_string());
        }
        if expect.exit != 0 {
            for ext in FORMATS {
                let file = out.join(format!("{stem}.{ext}"));
                if std::fs::read(&file).ok().as_deref() != Some(&b"older"[..]) {
                    problems.push(format!("{stem}.{ext} was changed"));
                }
            }
        }
        // What a run prints and writes never holds a control character
        // (the diagnostics show pictures of them, the outputs drop them).
        let printed = err.replace(['\n', '\t'], "");
        if let Some(c) = printed.chars().find(|c| is_control(*c)) {
            problems.push(format!("printed {c:?}"));
        }
        if expect.exit == 0 {
            for ext in ["html", "txt"] {
                let text = std::fs::read_to_string(out.join(format!("{stem}.{ext}"))).unwrap();
                if let Some(c) = text
                    .replace(['\n', '\t'], "")
                    .chars()
                    .find(|c| is_control(*c))
                {
                    problems.push(format!("{stem}.{ext} holds {c:?}"));
                }
            }
        }
        if expect.exit == 0 {
            for s in &expect.shows {
                for ext in ["html", "txt"] {
                    let text = std::fs::read_to_string(out.join(format!("{stem}.{ext}"))).unwrap();
                    if !text.contains(s.as_str()) {
                        problems.push(format!("{stem}.{ext} does not show {s:?}"));
                    }
                }
            }
        }
        // What `build` forgives with a warning, `check` may refuse.
        if let Some(code) = expect.check {
            let run = Command::new(env!("CARGO_BIN_EXE_resume"))
                .current_dir(dir.path())
                .args(["check", &name])
                .output()
                .unwrap();
            let said = stderr(&run);
            if run.status.code() != Some(code) {
                problems.push(format!(
                    "check exits {:?}, expected {code}",
                    run.status.code()
                ));
            }
            if code != 0 {
                if let Some(at) = &expect.at
                    && !said.contains(&format!("{name}:{at}"))
                {
                    problems.push(format!("check does not point at {at}"));
                }
                if !said.contains("error") {
                    problems.push("check reports no error".to_string());
                }
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{name}: {}\n{err}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A source with `n` unknown keys after a valid `[basics]`.
fn unknown_keys(n: usize) -> String {
    let mut s = String::from("[basics]\nname = \"Ann Lee\"\n");
    for i in 0..n {
        s.push_str(&format!("unknown{i} = 1\n"));
    }
    s
}

#[test]
fn past_the_cap_diagnostics_are_counted_not_printed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("many.toml"), unknown_keys(100_000)).unwrap();
    let run = resume(dir.path(), &["check", "many.toml"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{}", &err[err.len() - 500..]);
    assert_eq!(err.matches("error: unknown key").count(), 50);
    assert!(err.contains("many.toml:3:1"), "the first is shown");
    assert!(err.contains("… and 99,950 more (99,950 errors) not shown"));
    assert!(err.contains("has 100000 errors"));

    let run = resume(
        dir.path(),
        &["check", "many.toml", "--max-diagnostics", "3"],
    );
    let err = stderr(&run);
    assert_eq!(err.matches("error: unknown key").count(), 3);
    assert!(err.contains("… and 99,997 more"), "{err}");
}

#[test]
fn the_cap_shows_errors_before_warnings() {
    let dir = tempfile::tempdir().unwrap();
    // Empty values are warnings; the one error comes last in the file.
    let mut src = String::from("[basics]\nname = \"Ann Lee\"\n");
    for i in 0..5 {
        src.push_str(&format!("[[work]]\ncompany = \"C{i}\"\nposition = \"\"\n"));
    }
    src.push_str("[[work]]\ncompnay = \"X\"\n");
    std::fs::write(dir.path().join("mixed.toml"), src).unwrap();
    let run = resume(
        dir.path(),
        &["check", "mixed.toml", "--max-diagnostics", "2"],
    );
    let err = stderr(&run);
    assert!(err.contains("unknown key `compnay`"), "{err}");
    assert_eq!(err.matches("warning:").count(), 1, "{err}");
    assert!(err.contains("… and 4 more not shown"), "{err}");
}

#[cfg(unix)]
#[test]
fn an_endless_file_is_refused_at_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let run = resume(
        dir.path(),
        &["build", "/dev/zero", "--from", "toml", "-o", "out"],
    );
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("the file is larger than 64 MiB"), "{err}");
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_source_of_twenty_megabytes_still_builds() {
    let dir = tempfile::tempdir().unwrap();
    // A long comment, as a file pasted into itself by mistake would make:
    // what the limit is about is bytes, not entries.
    let line = format!("# {}\n", "x".repeat(98));
    let mut src = String::from("[basics]\nname = \"Ann Lee\"\n");
    src.push_str(&line.repeat(20 * 1024 * 1024 / line.len()));
    assert!(src.len() >= 20_000_000);
    std::fs::write(dir.path().join("large.toml"), src).unwrap();
    let run = resume(
        dir.path(),
        &["build", "large.toml", "-f", "txt", "-o", "out"],
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let text = std::fs::read_to_string(dir.path().join("out/large.txt")).unwrap();
    assert!(text.to_lowercase().contains("ann lee"), "{text}");
}
