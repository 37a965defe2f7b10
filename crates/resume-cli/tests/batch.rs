//! `resume build` over many sources and over a source's `[variants]`: what
//! each output holds and which files are left on disk.

mod common;

use std::path::Path;

use common::{resume, stderr};

/// Files left in a directory, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Two jobs, one tagged `systems` and one `ml`, with a bullet of each kind
/// under an untagged one, and a variant for each tag.
const TAILORED: &str = r#"[basics]
name = "Ann Lee"

[[work]]
company = "Kernel Co"
position = "Engineer"
start = "2021-01"
tags = ["systems"]

[[work]]
company = "Model Co"
position = "Engineer"
start = "2019-01"
end = "2020-12"
tags = ["ml"]

[[work]]
company = "Both Co"
position = "Intern"
start = "2018-06"
end = "2018-09"
highlights = [
  { text = "Wrote a scheduler", tags = ["systems"] },
  { text = "Trained a ranking model", tags = ["ml"] },
  "Gave the weekly demo",
]

[variants.systems]
tags = ["systems"]

[variants.ml]
tags = ["ml"]
paper = "a4"
"#;

#[test]
fn all_variants_each_hold_only_their_tagged_content() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ann.toml"), TAILORED).unwrap();
    let out = resume(
        dir.path(),
        &[
            "build",
            "ann.toml",
            "--all-variants",
            "-f",
            "txt,html",
            "-o",
            "o",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        listing(&dir.path().join("o")),
        [
            "ann-ml.html",
            "ann-ml.txt",
            "ann-systems.html",
            "ann-systems.txt"
        ],
        "one set per variant, no temporary file left"
    );
    let read = |name: &str| std::fs::read_to_string(dir.path().join("o").join(name)).unwrap();
    for ext in ["txt", "html"] {
        let systems = read(&format!("ann-systems.{ext}"));
        let ml = read(&format!("ann-ml.{ext}"));
        for (text, has, lacks) in [
            (
                &systems,
                ["Kernel Co", "Wrote a scheduler"],
                ["Model Co", "ranking model"],
            ),
            (
                &ml,
                ["Model Co", "ranking model"],
                ["Kernel Co", "Wrote a scheduler"],
            ),
        ] {
            for word in has {
                assert!(text.contains(word), "{word} missing:\n{text}");
            }
            for word in lacks {
                assert!(!text.contains(word), "{word} kept:\n{text}");
            }
            assert!(
                text.contains("Gave the weekly demo"),
                "untagged bullets stay"
            );
        }
    }
    // The ml variant's own paper reaches the printed HTML.
    assert!(
        read("ann-ml.html").contains("A4"),
        "a4 paper in the ml variant"
    );
}

#[test]
fn one_variant_by_name_and_an_unknown_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ann.toml"), TAILORED).unwrap();
    let out = resume(
        dir.path(),
        &[
            "build",
            "ann.toml",
            "--variant",
            "ml",
            "-f",
            "txt",
            "-o",
            "o",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(listing(&dir.path().join("o")), ["ann-ml.txt"]);
    let out = resume(
        dir.path(),
        &[
            "build",
            "ann.toml",
            "--variant",
            "web",
            "-f",
            "txt",
            "-o",
            "p",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("no variant `web`") && err.contains("systems, ml"),
        "{err}"
    );
    assert!(listing(&dir.path().join("p")).is_empty());
}

#[test]
fn a_misspelt_variant_key_is_located_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let src = TAILORED.replace("paper = \"a4\"", "papr = \"a4\"");
    std::fs::write(dir.path().join("ann.toml"), src).unwrap();
    let out = resume(
        dir.path(),
        &["build", "ann.toml", "--all-variants", "-o", "o"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("unknown key `papr` in `variants.ml`"), "{err}");
    assert!(err.contains("did you mean `paper`?"), "{err}");
    assert!(err.contains("ann.toml:33:1"), "{err}");
    assert!(listing(&dir.path().join("o")).is_empty());
}

#[test]
fn a_directory_builds_every_source_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("cvs");
    std::fs::create_dir(&sources).unwrap();
    for name in ["a", "b", "c"] {
        std::fs::write(
            sources.join(format!("{name}.toml")),
            format!("[basics]\nname = \"Person {name}\"\n"),
        )
        .unwrap();
    }
    std::fs::write(
        sources.join("d.json"),
        r#"{"basics": {"name": "Person d"}}"#,
    )
    .unwrap();
    std::fs::write(sources.join("notes.md"), "not a source").unwrap();
    let out = resume(dir.path(), &["build", "cvs", "-f", "txt", "-o", "o"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        listing(&dir.path().join("o")),
        ["a.txt", "b.txt", "c.txt", "d.txt"]
    );
    let said = String::from_utf8_lossy(&out.stdout);
    let order: Vec<&str> = said.lines().collect();
    assert_eq!(
        order,
        [
            "wrote o/a.txt",
            "wrote o/b.txt",
            "wrote o/c.txt",
            "wrote o/d.txt"
        ],
        "reported in source order"
    );
    let d = std::fs::read_to_string(dir.path().join("o/d.txt")).unwrap();
    assert!(d.starts_with("PERSON D"), "{d}");
}

#[test]
fn a_bad_source_in_a_batch_leaves_the_others_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.toml"), "[basics]\nname = \"Ann\"\n").unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "[basics]\nname = \"Bo\"\n[[work]]\ncompany = 3.5e\n",
    )
    .unwrap();
    let out = resume(
        dir.path(),
        &["build", "good.toml", "bad.toml", "-f", "txt", "-o", "o"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(listing(&dir.path().join("o")), ["good.txt"]);
}
