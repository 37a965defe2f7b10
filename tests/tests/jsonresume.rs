//! JSON Resume interoperability: the project's own conformance fixtures, its
//! sample résumé, and round trips between JSON Resume and our TOML format.

use resume_model::{Resume, parse_json, parse_toml, to_json, to_toml};
use resume_tests::{root, seed_resume};
use serde_json::Value;

fn data(path: &str) -> String {
    std::fs::read_to_string(root().join("tests/data/jsonresume").join(path)).expect("test data")
}

/// Every fixture case as (file, case name, résumé JSON text).
fn fixture_cases() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let dir = root().join("tests/data/jsonresume/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let cases: serde_json::Map<String, Value> =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for (name, value) in cases {
            // dates.json holds bare date strings: try each as a start date.
            let doc = if file == "dates.json" {
                serde_json::json!({ "work": [{ "startDate": value }] })
            } else {
                value
            };
            out.push((
                file.clone(),
                name,
                serde_json::to_string_pretty(&doc).unwrap(),
            ));
        }
    }
    out
}

#[test]
fn conformance_fixtures() {
    let cases = fixture_cases();
    assert!(
        cases.len() > 150,
        "all fixture files are read ({})",
        cases.len()
    );
    let mut failures = Vec::new();
    for (file, name, text) in &cases {
        let valid = name.ends_with("Valid")
            || name.contains("Valid")
            || name == "valid"
            || name.starts_with("year");
        let result = parse_json(text, true);
        match (valid, &result) {
            (true, Ok(_)) => {}
            (true, Err(diags)) => {
                failures.push(format!("{file}:{name} should pass, got {diags:?}"))
            }
            (false, Ok(_)) => failures.push(format!("{file}:{name} should fail")),
            (false, Err(diags)) => {
                let located = diags
                    .iter()
                    .any(|d| d.is_error() && d.span.is_some() && !d.path.is_empty());
                if !located {
                    failures.push(format!(
                        "{file}:{name}: error without a location or path: {diags:?}"
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every string of a JSON value, with its JSON path.
fn strings(v: &Value, path: String, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) if !s.is_empty() => out.push((path, s.clone())),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| strings(x, format!("{path}[{i}]"), out)),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| strings(x, format!("{path}.{k}"), out)),
        _ => {}
    }
}

#[test]
fn the_sample_resume_shows_every_value() {
    let (resume, _warnings) =
        parse_json(&data("sample.resume.json"), false).expect("the sample builds");
    let doc = resume_document::lower(&resume, &Default::default());
    let text = resume_text::text(&doc, &Default::default());
    let words = resume_tests::tokens(&text);
    let sample: Value = serde_json::from_str(&data("sample.resume.json")).unwrap();
    let mut values = Vec::new();
    strings(&sample, String::new(), &mut values);
    // `$schema` and `meta` describe the file, not the person.
    for (path, value) in values
        .into_iter()
        .filter(|(p, _)| !p.starts_with(".$schema") && !p.starts_with(".meta"))
    {
        // Dates are shown formatted ("Dec 1, 2013"), so check their year.
        let expected = if path.ends_with("Date") || path.ends_with(".date") {
            value[..4].to_string()
        } else {
            value
        };
        for word in resume_tests::tokens(&expected) {
            assert!(
                words.contains(&word),
                "{path}: {word:?} of {expected:?} is not in the text output"
            );
        }
    }
}

#[test]
fn the_sample_passes_the_strict_check_apart_from_its_empty_image() {
    // The sample's `"image": ""` is valid JSON Resume; strict reading accepts it.
    let r = parse_json(&data("sample.resume.json"), true);
    assert!(r.is_ok(), "{:?}", r.err());
}

fn reread_toml(r: &Resume) -> Resume {
    let toml = to_toml(r);
    match parse_toml(&toml) {
        Ok((back, _)) => back,
        Err(d) => panic!("our TOML does not read back: {d:#?}\n{toml}"),
    }
}

fn reread_json(r: &Resume) -> Resume {
    let json = to_json(r);
    match parse_json(&json, true) {
        Ok((back, _)) => back,
        Err(d) => panic!("our JSON does not pass the strict check: {d:#?}\n{json}"),
    }
}

#[test]
fn toml_to_json_to_toml_keeps_the_seed() {
    let seed = seed_resume();
    let back = reread_toml(&reread_json(&seed));
    assert_eq!(back, seed);
}

#[test]
fn toml_round_trip_keeps_every_feature() {
    let src = r#"
[basics]
name = "Ann Lee"
headline = "Engineer"
email = "ann@example.com"
phone = "+1 555 0100"
website = { url = "https://ann.dev", label = "ann.dev" }
summary = "Builds **fast** things."
location = { city = "Urbana", region = "IL", country_code = "US" }
extra = { pronouns = "she/her" }
[[basics.profiles]]
network = "GitHub"
username = "ann"
url = "https://github.com/ann"
label = "@ann"
[layout]
order = ["talks", "work"]
date_style = "long"
[layout.sections.work]
title = "Jobs"
[[work]]
company = "Acme"
position = "Lead"
team = "Infra"
start = "2020-01"
technologies = ["Rust"]
highlights = ["plain", { text = "tagged", tags = ["ml"] }]
tags = ["systems"]
[[work.roles]]
position = "Engineer"
start = "2018"
end = "2019-12-31"
[[education]]
institution = "U"
honors = ["Honor"]
gpa = "4.0"
start = "2014"
end = "present"
[[projects]]
name = "P"
url = "https://p.dev"
url_label = "Link"
note = "Note"
[[custom]]
id = "talks"
title = "Talks"
items = ["A talk"]
[[custom]]
id = "service"
title = "Service"
[[custom.entries]]
title = "PC member"
start = "2023"
"#;
    let (r, _) = parse_toml(src).unwrap();
    assert_eq!(reread_toml(&r), r, "TOML -> TOML");
    assert_eq!(reread_toml(&reread_json(&r)), r, "TOML -> JSON -> TOML");
}

/// Drops empty strings and nulls, which both readers treat as absent.
fn without_empties(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .filter(|(_, x)| !matches!(x, Value::Null) && x.as_str() != Some(""))
                .map(|(k, x)| (k.clone(), without_empties(x)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(without_empties).collect()),
        x => x.clone(),
    }
}

#[test]
fn json_to_toml_to_json_keeps_every_field_and_extra_key() {
    let mut sample: Value = serde_json::from_str(&data("sample.resume.json")).unwrap();
    // Additional properties at several levels, as real files have them.
    sample["x-theme"] = serde_json::json!({ "name": "even", "colors": ["#000", "#fff"] });
    sample["basics"]["pronouns"] = Value::String("he/him".into());
    sample["work"][0]["x-team-size"] = serde_json::json!(12);
    sample["skills"][0]["x-years"] = serde_json::json!(3.5);
    let text = serde_json::to_string_pretty(&sample).unwrap();
    let (r, _) = parse_json(&text, false).unwrap();
    let toml = to_toml(&r);
    let (from_toml, _) = parse_toml(&toml).unwrap_or_else(|d| panic!("{d:#?}\n{toml}"));
    let back: Value = serde_json::from_str(&to_json(&from_toml)).unwrap();
    assert_eq!(back, without_empties(&sample));
}
