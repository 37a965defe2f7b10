//! Bad input never panics: every value of the JSON Resume sample replaced by
//! every other type, and the seed TOML cut short at many places, are either
//! read and rendered (in every format) or refused with located diagnostics.

use resume_model::{parse_json, parse_toml};
use resume_tests::root;
use serde_json::Value;

/// Lowers and renders the plain text; with `every`, every other backend
/// too. A backend may refuse a document (a format error), never panic.
fn render(r: &resume_model::Resume, every: bool) {
    use resume_document::Format;
    let doc = resume_document::lower(r, &Default::default());
    let _ = resume_text::text(&doc, &Default::default());
    if every {
        let formats: [&dyn Format; 3] = [
            &resume_pdf::Pdf::default(),
            &resume_docx::Docx,
            &resume_html::Html,
        ];
        let shared = resume_document::Shared {
            fit_pages: Some(1),
            ..Default::default()
        };
        for f in formats {
            let _ = f.render(&doc, &shared);
        }
    }
}

/// Paths to every value of a JSON document.
fn paths(v: &Value, here: Vec<PathPart>, out: &mut Vec<Vec<PathPart>>) {
    out.push(here.clone());
    match v {
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| {
            let mut p = here.clone();
            p.push(PathPart::Index(i));
            paths(x, p, out);
        }),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            let mut p = here.clone();
            p.push(PathPart::Key(k.clone()));
            paths(x, p, out);
        }),
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum PathPart {
    Key(String),
    Index(usize),
}

fn at<'a>(v: &'a mut Value, path: &[PathPart]) -> &'a mut Value {
    path.iter().fold(v, |v, p| match p {
        PathPart::Key(k) => &mut v[k.as_str()],
        PathPart::Index(i) => &mut v[*i],
    })
}

#[test]
fn every_value_of_every_type_is_handled() {
    let text =
        std::fs::read_to_string(root().join("tests/data/jsonresume/sample.resume.json")).unwrap();
    let sample: Value = serde_json::from_str(&text).unwrap();
    let mut all = Vec::new();
    paths(&sample, Vec::new(), &mut all);
    let replacements = [
        Value::Null,
        serde_json::json!(7),
        serde_json::json!(2.5),
        serde_json::json!(true),
        serde_json::json!({}),
        serde_json::json!([]),
        serde_json::json!(""),
        serde_json::json!("x"),
        serde_json::json!("[x](javascript:alert(1))"),
        serde_json::json!(["a", {"b": null}]),
    ];
    let mut refused = 0;
    for path in all.iter().skip(1) {
        // Every backend renders the first document each path gives (they
        // are slow enough in a debug build that one per path is the budget);
        // the plain text renders all of them.
        let mut every = true;
        for r in &replacements {
            let mut doc = sample.clone();
            *at(&mut doc, path) = r.clone();
            let text = serde_json::to_string_pretty(&doc).unwrap();
            for strict in [false, true] {
                match parse_json(&text, strict) {
                    Ok((resume, _)) => {
                        render(&resume, every);
                        every = false;
                    }
                    Err(diags) => {
                        refused += 1;
                        assert!(
                            diags
                                .iter()
                                .filter(|d| d.is_error())
                                .all(|d| d.span.is_some()),
                            "{path:?} = {r}: an error without a location: {diags:?}"
                        );
                    }
                }
            }
        }
    }
    assert!(
        refused > 100,
        "the strict reading refuses wrong types ({refused})"
    );
}

#[test]
fn truncated_sources_are_refused_cleanly() {
    let toml = std::fs::read_to_string(root().join("resume/wenqing-luo.toml")).unwrap();
    let json =
        std::fs::read_to_string(root().join("tests/data/jsonresume/sample.resume.json")).unwrap();
    for (n, cut) in (0..toml.len())
        .step_by(53)
        .filter(|&i| toml.is_char_boundary(i))
        .enumerate()
    {
        if let Ok((r, _)) = parse_toml(&toml[..cut]) {
            render(&r, n % 4 == 0);
        }
    }
    for (n, cut) in (0..json.len())
        .step_by(41)
        .filter(|&i| json.is_char_boundary(i))
        .enumerate()
    {
        match parse_json(&json[..cut], false) {
            Ok((r, _)) => render(&r, n % 4 == 0),
            Err(d) => assert!(d.iter().all(|d| d.span.is_some()), "{d:?}"),
        }
    }
}
