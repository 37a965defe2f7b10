//! The `resume` binary end to end: commands, exit codes, located errors and
//! what is (not) left on disk.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{resume, stderr};

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resume/wenqing-luo.toml")
}

/// Files left in a directory, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

const BASICS: &str = "[basics]\nname = \"Ann Lee\"\n";

/// A malformed source: its text, where the error must point (line:col)
/// and words the message must contain.
struct Case {
    name: &'static str,
    source: String,
    at: &'static str,
    says: &'static [&'static str],
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "misspelled key",
            source: format!("{BASICS}[[work]]\ncompnay = \"Acme\"\n"),
            at: "4:1",
            says: &["unknown key `compnay`", "did you mean `company`?"],
        },
        Case {
            name: "unknown top-level table",
            source: format!("{BASICS}[[experience]]\ncompany = \"Acme\"\n"),
            at: "3:3",
            says: &["unknown key `experience`"],
        },
        Case {
            name: "wrong type",
            source: format!("{BASICS}[[work]]\ncompany = \"Acme\"\nhighlights = \"did things\"\n"),
            at: "5:14",
            says: &["expected an array, found a string"],
        },
        Case {
            name: "invalid month",
            source: format!("{BASICS}[[work]]\ncompany = \"Acme\"\nstart = \"2020-13\"\n"),
            at: "5:9",
            says: &["invalid date `2020-13`", "month must be between 01 and 12"],
        },
        Case {
            name: "date written as a number",
            source: format!("{BASICS}[[education]]\ninstitution = \"MIT\"\nstart = 2020\n"),
            at: "5:9",
            says: &["expected a date in quotes", "\"2020\""],
        },
        Case {
            name: "javascript link in a bullet",
            source: format!(
                "{BASICS}[[work]]\ncompany = \"Acme\"\nhighlights = [\"[x](javascript:alert(1))\"]\n"
            ),
            at: "5:15",
            says: &["link refused", "`javascript:`"],
        },
        Case {
            name: "link without a host",
            source: format!("{BASICS}[[projects]]\nname = \"P\"\nurl = \"https:///p\"\n"),
            at: "5:7",
            says: &["link refused", "is not a complete link"],
        },
        Case {
            name: "TOML syntax error",
            source: "[basics]\nname = \"Ann\nemail = \"a@b.io\"\n".to_string(),
            at: "2:",
            says: &["fix the TOML syntax"],
        },
        Case {
            name: "missing basics",
            source: "[[work]]\ncompany = \"Acme\"\n".to_string(),
            at: "1:1",
            says: &["missing `[basics]`"],
        },
        Case {
            name: "missing name",
            source: "[basics]\nemail = \"a@b.io\"\n".to_string(),
            at: "1:1",
            says: &["missing `name`"],
        },
        Case {
            name: "unknown date style",
            source: format!("{BASICS}[layout]\ndate_style = \"shrot\"\n"),
            at: "4:14",
            says: &["unknown date style `shrot`", "did you mean `short`?"],
        },
        Case {
            name: "unknown section in order",
            source: format!("{BASICS}[layout]\norder = [\"eductaion\"]\n"),
            at: "4:10",
            says: &[
                "no section is called `eductaion`",
                "did you mean `education`?",
            ],
        },
        // An end before its start, an address that is no e-mail address
        // and a link without a scheme build with a warning and fail only
        // `check`: tests/data/bad/ holds them (end-before-start.toml,
        // email-bcc.toml, relative-link.toml).
    ]
}

#[test]
fn malformed_sources_fail_with_located_errors_and_write_nothing() {
    for case in cases() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bad.toml"), &case.source).unwrap();
        for cmd in [
            &["check", "bad.toml"][..],
            &["build", "bad.toml", "-o", "out"][..],
        ] {
            let out = resume(dir.path(), cmd);
            let err = stderr(&out);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{}: {cmd:?} exit code\n{err}",
                case.name
            );
            let at = format!("bad.toml:{}", case.at);
            assert!(
                err.contains(&at),
                "{}: expected location {at} in\n{err}",
                case.name
            );
            for s in case.says {
                assert!(err.contains(s), "{}: expected {s:?} in\n{err}", case.name);
            }
            assert!(!err.contains("panicked"), "{}: {err}", case.name);
        }
        assert!(
            listing(&dir.path().join("out")).is_empty(),
            "{}: output written",
            case.name
        );
    }
}

#[test]
fn all_errors_of_a_file_are_reported_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let src = format!(
        "{BASICS}[[work]]\ncompnay = \"A\"\nstart = \"2020-13\"\n[[projects]]\nname = \"P\"\nurl = \"ftp://x.org\"\n"
    );
    std::fs::write(dir.path().join("bad.toml"), src).unwrap();
    let out = resume(dir.path(), &["check", "bad.toml"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    for at in ["bad.toml:4:1", "bad.toml:5:9", "bad.toml:8:7"] {
        assert!(err.contains(at), "expected {at} in\n{err}");
    }
    assert!(err.contains("has 3 errors"), "{err}");
}

#[test]
fn warnings_do_not_fail_the_build() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("w.toml"), format!("work = []\n{BASICS}")).unwrap();
    let out = resume(dir.path(), &["build", "w.toml", "-f", "txt", "-o", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning: the section `work` is empty"));
    assert_eq!(listing(&dir.path().join("out")), ["w.txt"]);
}

#[test]
fn build_writes_the_requested_formats() {
    let dir = tempfile::tempdir().unwrap();
    let out = resume(
        dir.path(),
        &["build", seed().to_str().unwrap(), "-f", "txt", "-o", "dist"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(listing(&dir.path().join("dist")), ["wenqing-luo.txt"]);
    let text = std::fs::read_to_string(dir.path().join("dist/wenqing-luo.txt")).unwrap();
    assert!(text.starts_with("WENQING LUO\n"));
}

#[test]
fn a_failed_build_leaves_earlier_outputs_intact() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("r.toml");
    std::fs::write(&src, format!("{BASICS}[[work]]\ncompany = \"Acme\"\n")).unwrap();
    let ok = resume(dir.path(), &["build", "r.toml", "-f", "txt", "-o", "out"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let before = std::fs::read(dir.path().join("out/r.txt")).unwrap();
    std::fs::write(&src, format!("{BASICS}[[work]]\ncompany = 3.5e\n")).unwrap();
    let bad = resume(dir.path(), &["build", "r.toml", "-f", "txt", "-o", "out"]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(std::fs::read(dir.path().join("out/r.txt")).unwrap(), before);
    assert_eq!(
        listing(&dir.path().join("out")),
        ["r.txt"],
        "no temporary file is left"
    );
}

#[test]
fn tags_tailor_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let src = format!(
        "{BASICS}[[work]]\ncompany = \"Kernel Co\"\ntags = [\"systems\"]\n[[work]]\ncompany = \"Model Co\"\ntags = [\"ml\"]\n"
    );
    std::fs::write(dir.path().join("r.toml"), src).unwrap();
    let out = resume(
        dir.path(),
        &[
            "build", "r.toml", "-f", "txt", "-o", "o", "--tag", "systems",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("o/r.txt")).unwrap();
    assert!(
        text.contains("Kernel Co") && !text.contains("Model Co"),
        "{text}"
    );
    let out = resume(
        dir.path(),
        &[
            "build",
            "r.toml",
            "-f",
            "txt",
            "-o",
            "o",
            "--exclude-tag",
            "systems",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(dir.path().join("o/r.txt")).unwrap();
    assert!(
        !text.contains("Kernel Co") && text.contains("Model Co"),
        "{text}"
    );
}

#[test]
fn init_writes_a_starter_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let out = resume(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let check = resume(dir.path(), &["check", "resume.toml"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(
        stderr(&check).is_empty(),
        "the starter has no warnings: {}",
        stderr(&check)
    );
    let again = resume(dir.path(), &["init"]);
    assert_eq!(again.status.code(), Some(2), "init does not overwrite");
    assert!(stderr(&again).contains("--force"));
    let build = resume(dir.path(), &["build", "resume.toml", "-f", "txt"]);
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    assert_eq!(listing(&dir.path().join("dist")), ["resume.txt"]);
}

#[test]
fn usage_and_io_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = resume(dir.path(), &["build", "nope.toml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("cannot read nope.toml"),
        "{}",
        stderr(&missing)
    );
    let bad_format = resume(dir.path(), &["build", "x.toml", "-f", "odt"]);
    assert_eq!(bad_format.status.code(), Some(2));
    let no_args = resume(dir.path(), &[]);
    assert_eq!(no_args.status.code(), Some(2));
    let bad_epoch = Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(["build", seed().to_str().unwrap(), "-o"])
        .arg(dir.path())
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .unwrap();
    assert_eq!(bad_epoch.status.code(), Some(2));
}

#[test]
fn every_command_has_help_with_examples() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in [
        &["--help"][..],
        &["build", "--help"],
        &["check", "--help"],
        &["init", "--help"],
        &["themes", "--help"],
    ] {
        let out = resume(dir.path(), cmd);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Examples:"), "{cmd:?}: {text}");
    }
}

#[test]
fn build_writes_every_format_by_default_deterministically() {
    let dir = tempfile::tempdir().unwrap();
    let out = resume(dir.path(), &["build", seed().to_str().unwrap(), "-o", "a"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        listing(&dir.path().join("a")),
        [
            "wenqing-luo.docx",
            "wenqing-luo.html",
            "wenqing-luo.pdf",
            "wenqing-luo.txt"
        ]
    );
    let again = resume(dir.path(), &["build", seed().to_str().unwrap(), "-o", "b"]);
    assert_eq!(again.status.code(), Some(0));
    for f in listing(&dir.path().join("a")) {
        let a = std::fs::read(dir.path().join("a").join(&f)).unwrap();
        let b = std::fs::read(dir.path().join("b").join(&f)).unwrap();
        assert!(
            a == b,
            "{f} differs between two builds with the same SOURCE_DATE_EPOCH"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("a/wenqing-luo.pdf"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o777,
            0o644,
            "outputs are readable like any new file"
        );
    }
}

/// A JSON Resume file as real ones are: an older schema's keys, nulls, empty
/// strings, free-text dates, extra keys and missing sections.
const MESSY_JSON: &str = r#"{
  "basics": {
    "name": "Sam Roe",
    "label": "",
    "email": "sam@example.com",
    "website": "sam.example.com",
    "picture": null,
    "x-pronouns": "they/them"
  },
  "work": [
    {
      "company": "Old Schema Inc",
      "position": "Engineer",
      "startDate": "Spring 2019",
      "endDate": "Present",
      "summary": null,
      "highlights": ["Shipped things"]
    },
    {
      "name": "New Co",
      "startDate": "2021-03",
      "endDate": ""
    }
  ],
  "skills": null,
  "unknownSection": {"a": 1}
}
"#;

#[test]
fn messy_json_resume_builds_with_located_warnings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("messy.json"), MESSY_JSON).unwrap();
    let out = resume(dir.path(), &["build", "messy.json", "-o", "out"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    for expected in [
        "messy.json:4:14",
        "basics.label",
        "work[0].startDate",
        "`Spring 2019` is not an ISO 8601 date; it is shown as written",
        "messy.json:16:18",
        "work[0].summary",
        "work[1].endDate",
        "`sam.example.com` has no scheme",
        "skills",
    ] {
        assert!(err.contains(expected), "expected {expected:?} in\n{err}");
    }
    let text = std::fs::read_to_string(dir.path().join("out/messy.txt")).unwrap();
    assert!(text.contains("Spring 2019 – Present"), "{text}");
    assert!(
        text.contains("Old Schema Inc") && text.contains("New Co"),
        "{text}"
    );
    assert_eq!(listing(&dir.path().join("out")).len(), 4);
}

#[test]
fn check_is_the_strict_json_resume_validator() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("messy.json"), MESSY_JSON).unwrap();
    let out = resume(dir.path(), &["check", "messy.json"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for expected in [
        "error: null is not allowed here",
        "messy.json:16:18",
        "work[0].startDate",
        "invalid date `Spring 2019`",
    ] {
        assert!(err.contains(expected), "expected {expected:?} in\n{err}");
    }
}

#[test]
fn json_that_cannot_be_rendered_is_an_error_naming_its_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.json"),
        r#"{"basics": {"name": {"first": "Sam"}}}"#,
    )
    .unwrap();
    let out = resume(dir.path(), &["build", "bad.json", "-o", "out"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("expected a string, found an object") && err.contains("basics.name"),
        "{err}"
    );
    assert!(err.contains("bad.json:1:21"), "{err}");
    assert!(listing(&dir.path().join("out")).is_empty());
    std::fs::write(
        dir.path().join("broken.json"),
        "{\"basics\": {\"name\": \"Sam\",}}",
    )
    .unwrap();
    let out = resume(dir.path(), &["check", "broken.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("broken.json:1:"), "{}", stderr(&out));
}

#[test]
fn convert_round_trips_between_toml_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let out = resume(
        dir.path(),
        &["convert", seed.to_str().unwrap(), "-o", "r.json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let check = resume(dir.path(), &["check", "r.json"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "our JSON passes the strict check: {}",
        stderr(&check)
    );
    let back = resume(dir.path(), &["convert", "r.json", "-o", "r.toml"]);
    assert_eq!(back.status.code(), Some(0), "{}", stderr(&back));
    let a = resume(
        dir.path(),
        &["build", seed.to_str().unwrap(), "-f", "txt", "-o", "a"],
    );
    let b = resume(dir.path(), &["build", "r.toml", "-f", "txt", "-o", "b"]);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(b.status.code(), Some(0), "{}", stderr(&b));
    assert_eq!(
        std::fs::read(dir.path().join("a/wenqing-luo.txt")).unwrap(),
        std::fs::read(dir.path().join("b/r.txt")).unwrap()
    );
    let same = resume(dir.path(), &["convert", "r.toml", "-o", "r.toml"]);
    assert_eq!(
        same.status.code(),
        Some(2),
        "a conversion never overwrites its source"
    );
}

#[test]
fn from_overrides_the_extension_and_the_source_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    std::fs::write(dir.path().join("out/r.txt"), BASICS).unwrap();
    let unknown = resume(dir.path(), &["check", "out/r.txt"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("--from"), "{}", stderr(&unknown));
    let checked = resume(dir.path(), &["check", "--from", "toml", "out/r.txt"]);
    assert_eq!(checked.status.code(), Some(0), "{}", stderr(&checked));
    let build = resume(
        dir.path(),
        &[
            "build",
            "--from",
            "toml",
            "out/r.txt",
            "-f",
            "txt",
            "-o",
            "out",
        ],
    );
    assert_eq!(build.status.code(), Some(2));
    assert!(
        stderr(&build).contains("refusing to overwrite the source"),
        "{}",
        stderr(&build)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/r.txt")).unwrap(),
        BASICS
    );
}

/// Real-world JSON Resume files, tried as a new user would: each builds in
/// every format, or is refused with located errors; nothing crashes.
#[test]
fn a_batch_of_real_world_json_resume_files() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/jsonresume/real-world");
    let expect_refused = ["wrong-types.json"];
    let mut files: Vec<PathBuf> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 5);
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let dir = tempfile::tempdir().unwrap();
        let out = resume(dir.path(), &["build", file.to_str().unwrap(), "-o", "out"]);
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{name}: {err}");
        let stem = name.trim_end_matches(".json");
        if expect_refused.contains(&name.as_str()) {
            assert_eq!(out.status.code(), Some(1), "{name}: {err}");
            assert!(
                err.contains(&format!("{name}:")),
                "{name}: errors name the file and line: {err}"
            );
            assert!(listing(&dir.path().join("out")).is_empty());
        } else {
            assert_eq!(out.status.code(), Some(0), "{name}: {err}");
            let written = listing(&dir.path().join("out"));
            let expected: Vec<String> = ["docx", "html", "pdf", "txt"]
                .iter()
                .map(|e| format!("{stem}.{e}"))
                .collect();
            assert_eq!(written, expected, "{name}");
            // Every warning points at a place in the file.
            for w in err.split("\n\n").filter(|b| b.starts_with("warning:")) {
                assert!(
                    w.contains(&format!("{name}:")),
                    "{name}: a warning without a location: {w}"
                );
            }
        }
    }
}

/// The contact line of the plain text: the design's separator shows there.
fn contact_line(dir: &Path, args: &[&str]) -> String {
    let out = resume(dir, args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.join("dist/r.txt")).unwrap();
    text.lines().nth(1).unwrap_or_default().to_string()
}

const CONTACTS: &str =
    "[basics]\nname = \"Ann Lee\"\nemail = \"ann@example.com\"\nphone = \"555 0100\"\n";

#[test]
fn themes_lists_the_built_ins_and_prints_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = resume(dir.path(), &["themes"]);
    assert_eq!(out.status.code(), Some(0));
    let list = String::from_utf8_lossy(&out.stdout).into_owned();
    let names: Vec<&str> = list
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(names, ["classic", "compact", "timeline", "traditional"]);
    assert!(
        list.lines().all(|l| l.split_whitespace().count() > 3),
        "{list}"
    );
    let one = resume(dir.path(), &["themes", "traditional"]);
    assert!(String::from_utf8_lossy(&one.stdout).contains("extends = \"classic\""));
    let bad = resume(dir.path(), &["themes", "fancy"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("built-in themes: classic, compact"));
}

#[test]
fn a_theme_is_chosen_in_the_source_or_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("r.toml"), CONTACTS).unwrap();
    let build = ["build", "r.toml", "-f", "txt"];
    assert_eq!(contact_line(p, &build), "555 0100 • ann@example.com");
    let compact = [&build[..], &["--theme", "compact"]].concat();
    assert_eq!(contact_line(p, &compact), "555 0100 | ann@example.com");
    std::fs::write(
        p.join("r.toml"),
        format!("{CONTACTS}[design]\ntheme = \"traditional\"\n"),
    )
    .unwrap();
    assert_eq!(contact_line(p, &build), "555 0100 · ann@example.com");
    // --theme replaces the source's theme.
    assert_eq!(contact_line(p, &compact), "555 0100 | ann@example.com");
    // The source's own overrides apply on top of either.
    std::fs::write(
        p.join("r.toml"),
        format!(
            "{CONTACTS}[design]\ntheme = \"traditional\"\nheader = {{ separator = \" ~ \" }}\n"
        ),
    )
    .unwrap();
    assert_eq!(contact_line(p, &compact), "555 0100 ~ ann@example.com");
    let unknown = resume(p, &[&build[..], &["--theme", "fancy"]].concat());
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown theme `fancy`"));
}

#[test]
fn theme_files_extend_other_themes() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("looks")).unwrap();
    std::fs::write(
        p.join("looks/base.toml"),
        "extends = \"compact\"\naccent = \"#8b0000\"\n",
    )
    .unwrap();
    std::fs::write(
        p.join("looks/mine.toml"),
        "description = \"mine\"\nextends = \"./base.toml\"\n[header]\nseparator = \" / \"\n",
    )
    .unwrap();
    // Relative to the source, which names it.
    std::fs::write(
        p.join("r.toml"),
        format!("{CONTACTS}[design]\ntheme = \"looks/mine.toml\"\n"),
    )
    .unwrap();
    assert_eq!(
        contact_line(p, &["build", "r.toml", "-f", "txt"]),
        "555 0100 / ann@example.com"
    );
    let out = resume(p, &["build", "r.toml", "-f", "html"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = std::fs::read_to_string(p.join("dist/r.html")).unwrap();
    assert!(
        html.contains("#8b0000"),
        "the base file's accent reaches the page"
    );
    // Relative to the working directory on the command line.
    std::fs::write(p.join("r.toml"), CONTACTS).unwrap();
    assert_eq!(
        contact_line(
            p,
            &["build", "r.toml", "-f", "txt", "--theme", "looks/mine.toml"]
        ),
        "555 0100 / ann@example.com"
    );
}

#[test]
fn bad_theme_files_are_located_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("mine.toml"),
        "extends = \"classic\"\naccnet = \"#000000\"\n",
    )
    .unwrap();
    std::fs::write(
        p.join("r.toml"),
        format!("{CONTACTS}[design]\ntheme = \"./mine.toml\"\n"),
    )
    .unwrap();
    for cmd in [&["build", "r.toml"][..], &["check", "r.toml"]] {
        let out = resume(p, cmd);
        assert_eq!(out.status.code(), Some(1), "{cmd:?}");
        let err = stderr(&out);
        assert!(err.contains("mine.toml:2:1"), "{err}");
        assert!(err.contains("did you mean `accent`?"), "{err}");
    }
    assert!(!p.join("dist").exists());
    // A loop of files that extend each other.
    std::fs::write(p.join("a.toml"), "extends = \"./b.toml\"\n").unwrap();
    std::fs::write(p.join("b.toml"), "extends = \"./a.toml\"\n").unwrap();
    let out = resume(p, &["build", "r.toml", "--theme", "./a.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("extends itself"), "{}", stderr(&out));
    // A missing file.
    let out = resume(p, &["build", "r.toml", "--theme", "./nope.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read the theme file ./nope.toml"));
}

#[test]
fn completions_load_in_bash() {
    let dir = tempfile::tempdir().unwrap();
    let out = resume(dir.path(), &["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0));
    let script = dir.path().join("resume.bash");
    std::fs::write(&script, &out.stdout).unwrap();
    // Sourced by bash, the script registers a completion for `resume`.
    let bash = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("source {} && complete -p resume", script.display()))
        .output()
        .expect("bash");
    let printed = String::from_utf8_lossy(&bash.stdout);
    assert!(
        bash.status.success(),
        "{}",
        String::from_utf8_lossy(&bash.stderr)
    );
    assert!(printed.contains("resume"), "{printed}");
    for shell in ["zsh", "fish", "powershell"] {
        let out = resume(dir.path(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("build"),
            "{shell}"
        );
    }
}

#[test]
fn man_pages_are_written_for_the_command_and_its_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let out = resume(dir.path(), &["manpages", "man"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for page in [
        "resume.1",
        "resume-build.1",
        "resume-check.1",
        "resume-lint.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join("man").join(page)).unwrap();
        assert!(text.starts_with(".ie") || text.contains(".TH"), "{page}");
    }
    let build = std::fs::read_to_string(dir.path().join("man/resume-build.1")).unwrap();
    assert!(
        build.contains("font\\-dir"),
        "the page documents every option"
    );
}

#[test]
fn markdown_and_json_resume_are_written_when_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("r.toml");
    std::fs::write(
        &src,
        format!("{BASICS}[[work]]\ncompany = \"Acme\"\nhighlights = [\"Shipped *fast* C++\"]\n"),
    )
    .unwrap();
    let out = resume(
        dir.path(),
        &["build", "r.toml", "-f", "md,json", "-o", "out"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(listing(&dir.path().join("out")), ["r.json", "r.md"]);
    let md = std::fs::read_to_string(dir.path().join("out/r.md")).unwrap();
    assert!(
        md.contains("### **Acme**") && md.contains("- Shipped *fast* C++"),
        "{md}"
    );
    // The JSON Resume reads back, and builds.
    let json = std::fs::read_to_string(dir.path().join("out/r.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["work"][0]["name"], "Acme");
    let back = resume(dir.path(), &["check", "out/r.json"]);
    assert_eq!(back.status.code(), Some(0), "{}", stderr(&back));
    // Without -f, the four formats a job search needs.
    let all = resume(dir.path(), &["build", "r.toml", "-o", "all"]);
    assert_eq!(all.status.code(), Some(0));
    assert_eq!(
        listing(&dir.path().join("all")),
        ["r.docx", "r.html", "r.pdf", "r.txt"]
    );
}

#[test]
fn only_regular_files_are_replaced_and_then_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("r.toml"),
        format!("{BASICS}[[work]]\ncompany = \"Acme\"\n"),
    )
    .unwrap();
    let ok = resume(dir.path(), &["build", "r.toml", "-o", "out"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let read = |name: &str| std::fs::read(dir.path().join("out").join(name)).unwrap();
    let before: Vec<Vec<u8>> = ["r.pdf", "r.docx", "r.txt"]
        .iter()
        .map(|n| read(n))
        .collect();
    std::fs::write(
        dir.path().join("r.toml"),
        format!("{BASICS}[[work]]\ncompany = \"Changed\"\n"),
    )
    .unwrap();

    // A folder where the HTML goes: nothing of this source is replaced.
    std::fs::remove_file(dir.path().join("out/r.html")).unwrap();
    std::fs::create_dir(dir.path().join("out/r.html")).unwrap();
    let out = resume(dir.path(), &["build", "r.toml", "-o", "out"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is a folder"), "{}", stderr(&out));
    let after: Vec<Vec<u8>> = ["r.pdf", "r.docx", "r.txt"]
        .iter()
        .map(|n| read(n))
        .collect();
    assert_eq!(before, after, "the other outputs are left as they were");
    std::fs::remove_dir(dir.path().join("out/r.html")).unwrap();

    // A symbolic link in an output's place is not written through.
    #[cfg(unix)]
    {
        let target = dir.path().join("elsewhere.txt");
        std::fs::write(&target, "keep me").unwrap();
        std::fs::remove_file(dir.path().join("out/r.txt")).unwrap();
        std::os::unix::fs::symlink(&target, dir.path().join("out/r.txt")).unwrap();
        let out = resume(dir.path(), &["build", "r.toml", "-o", "out"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    }
}

#[test]
fn a_source_without_a_name_is_refused_instead_of_named_resume() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".toml"), BASICS).unwrap();
    let out = resume(
        dir.path(),
        &["build", ".toml", "--from", "toml", "-o", "out"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("rename it"), "{}", stderr(&out));
    assert!(!dir.path().join("out/resume.pdf").exists());
}
