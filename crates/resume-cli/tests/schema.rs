//! The JSON Schemas of the source format: `resume schema` prints the
//! committed files, `resume init` writes the schema its starter names,
//! every committed example validates, and sources the reader refuses for an
//! unknown key or a wrong type fail the schema too.

mod common;

use std::path::{Path, PathBuf};

use common::{resume, stderr};
use serde_json::Value as J;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn validator(file: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join(file)).expect("the schema is committed");
    let schema: J = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

/// A TOML document as the JSON an editor's schema check sees: dates and
/// times become their text, as taplo does.
fn json_of(v: &toml::Value) -> J {
    match v {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => J::from(*f),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(json_of).collect()),
        toml::Value::Table(t) => {
            J::Object(t.iter().map(|(k, v)| (k.clone(), json_of(v))).collect())
        }
    }
}

/// The schema's complaints about a TOML text, one per line.
fn complaints(v: &jsonschema::Validator, text: &str) -> Option<Vec<String>> {
    let table: toml::Table = text.parse().ok()?;
    let doc = json_of(&toml::Value::Table(table));
    Some(
        v.iter_errors(&doc)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect(),
    )
}

/// Every `.toml` file under `dir`, sorted.
fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.expect("a directory entry").path())
        .collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            toml_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "toml") {
            out.push(p);
        }
    }
}

#[test]
fn resume_schema_prints_the_committed_files() {
    for (args, file) in [
        (&["schema"][..], "schema/resume.schema.json"),
        (
            &["schema", "--json-resume"][..],
            "schema/json-resume.schema.json",
        ),
    ] {
        let out = resume(&root(), args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let committed = std::fs::read_to_string(root().join(file)).expect("committed");
        assert!(
            String::from_utf8_lossy(&out.stdout) == committed,
            "`resume {}` differs from {file}: run `cargo xtask schema`",
            args.join(" ")
        );
    }
}

#[test]
fn init_writes_the_schema_its_starter_names() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("cv.toml");
    let out = resume(dir.path(), &["init", "cv.toml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let starter = std::fs::read_to_string(&path).expect("written");
    let first = starter.lines().next().unwrap_or_default();
    assert_eq!(first, "#:schema ./resume.schema.json");
    let schema = std::fs::read_to_string(dir.path().join("resume.schema.json")).expect("written");
    let committed =
        std::fs::read_to_string(root().join("schema/resume.schema.json")).expect("committed");
    assert!(schema == committed, "init wrote another schema");
    // The starter itself follows the schema.
    let v = validator("schema/resume.schema.json");
    assert_eq!(complaints(&v, &starter), Some(Vec::new()));

    // A file of that name that is not our schema is kept.
    std::fs::write(dir.path().join("resume.schema.json"), "{}").expect("writes");
    let out = resume(dir.path(), &["init", "other.toml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("kept"), "{}", stderr(&out));
    let kept = std::fs::read_to_string(dir.path().join("resume.schema.json")).expect("there");
    assert_eq!(kept, "{}");
}

/// Every TOML résumé of the repository: the examples, the starter and the
/// test sources. The schema is as strict as `resume check`: one check
/// accepts validates (unless it holds a number where text is expected,
/// which check only warns about and the schema, like an editor, flags); one
/// check refuses for an unknown key or a wrong type fails.
#[test]
fn committed_sources_against_the_schema() {
    let v = validator("schema/resume.schema.json");
    let mut files = Vec::new();
    toml_files(&root().join("resume"), &mut files);
    toml_files(&root().join("tests/data"), &mut files);
    files.push(root().join("crates/resume-cli/src/starter.toml"));
    let (mut valid, mut refused) = (0, 0);
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        // Theme files and job descriptions are not résumés.
        if !text.contains("[basics]") {
            continue;
        }
        let Some(found) = complaints(&v, &text) else {
            continue; // not TOML at all: the parser's business
        };
        let shown = path.strip_prefix(root()).unwrap_or(path).display();
        match resume_model::parse_toml_strict(&text) {
            Ok((_, warnings)) => {
                let number = warnings
                    .iter()
                    .any(|w| w.message.starts_with("a number where text is expected"));
                if number {
                    assert!(
                        !found.is_empty(),
                        "{shown}: the schema lets a number pass as text"
                    );
                    refused += 1;
                } else {
                    assert!(
                        found.is_empty(),
                        "{shown} does not follow the schema:\n{found:#?}"
                    );
                    valid += 1;
                }
            }
            Err(diags) => {
                let structural = diags.iter().any(|d| {
                    d.message.starts_with("unknown key") || d.message.starts_with("expected ")
                });
                if structural {
                    assert!(!found.is_empty(), "{shown}: the schema lets it pass");
                    refused += 1;
                }
            }
        }
    }
    assert!(valid >= 3, "only {valid} valid sources found");
    assert!(refused >= 2, "only {refused} refused sources found");
}

/// A source `resume check` refuses for a reason the schema can see.
#[track_caller]
fn refused(v: &jsonschema::Validator, body: &str) {
    let text = format!("[basics]\nname = \"A\"\n{body}");
    assert!(
        resume_model::parse_toml_strict(&text).is_err(),
        "the reader accepts:\n{text}"
    );
    let found = complaints(v, &text).expect("TOML");
    assert!(!found.is_empty(), "the schema accepts:\n{text}");
}

#[test]
fn malformed_sources_fail_the_schema() {
    let v = validator("schema/resume.schema.json");
    // Unknown keys, at every level.
    refused(&v, "titel = \"x\"\n");
    refused(&v, "[[work]]\ncompnay = \"C\"\n");
    refused(&v, "[[work]]\ncompany = \"C\"\nbullets = [\"x\"]\n");
    refused(&v, "[experience]\n");
    refused(&v, "[design]\naccnet = \"#000\"\n");
    refused(&v, "[lint]\nmax_gap_month = 9\n");
    refused(&v, "[variants.ml]\npapr = \"a4\"\n");
    refused(
        &v,
        "[[work]]\ncompany = \"C\"\n[[work.roles]]\nposition = \"P\"\nteem = \"T\"\n",
    );
    // Wrong types.
    refused(&v, "[[work]]\ncompany = [\"C\"]\n");
    refused(&v, "[[work]]\ncompany = \"C\"\nhighlights = \"x\"\n");
    refused(&v, "[[work]]\ncompany = \"C\"\nhighlights = [true]\n");
    refused(&v, "profiles = [\"x\"]\n");
    refused(&v, "[design.section_titles]\ncase = 3\n");
    // Missing required keys.
    refused(&v, "[[work]]\nposition = \"P\"\n");
    refused(&v, "website = { label = \"Site\" }\n");
    // Values outside their lists, patterns and ranges.
    refused(&v, "[layout]\ndate_style = \"longer\"\n");
    refused(&v, "[design]\ntheme = \"clasic\"\n");
    refused(&v, "[design]\naccent = \"red\"\n");
    refused(&v, "[design]\nmargins = \"2 furlongs\"\n");
    refused(&v, "[design]\nbody_size = 90\n");
    refused(&v, "[design]\nfont = \"comic\"\n");
    refused(&v, "[design]\nbullet = \" \"\n");
    refused(
        &v,
        "[lint]\nallow = [\"weak-openin\"]\nmax_bullet_words = 0\n",
    );
    refused(&v, "website = \"ftp://x.org\"\n");
    refused(&v, "email = \"jane\"\n");
    refused(&v, "[[work]]\ncompany = \"C\"\nstart = \"June 2020\"\n");
    refused(
        &v,
        "[[custom]]\nid = \"work\"\ntitle = \"W\"\nitems = [\"x\"]\n",
    );
    refused(&v, "[variants.\"a b\"]\ntags = []\n");
}

/// What `resume convert` writes as JSON Resume follows the JSON Resume
/// schema of our extensions.
#[test]
fn converted_json_follows_the_json_resume_schema() {
    let v = validator("schema/json-resume.schema.json");
    let seed = std::fs::read_to_string(root().join("resume/wenqing-luo.toml")).expect("seed");
    let (r, _) = resume_model::parse_toml(&seed).expect("the seed reads");
    let doc: J = serde_json::from_str(&resume_model::to_json(&r)).expect("JSON");
    let found: Vec<String> = v
        .iter_errors(&doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
    // The extension keys are checked: a wrong type fails.
    let mut bad = doc.clone();
    bad["layout"] = serde_json::json!({ "dateStyle": "longer" });
    assert!(!v.is_valid(&bad));
}
