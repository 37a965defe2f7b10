//! `resume convert` never writes a file our own `check` refuses: every
//! committed source (the résumés, the multilingual corpus, the long bench
//! résumé, the JSON Resume sample, its fixtures and the real-world files)
//! converted to each format either passes `check` or is refused with
//! located errors (a source that passes `check` only where the target asks
//! for more, as our TOML asks for `basics.name`).

use std::path::{Path, PathBuf};

use resume_model::{SourceFormat, convert, parse_json, parse_toml_strict};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn sources() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [
        "resume",
        "tests/data/intl",
        "tests/data/bench",
        "tests/data/jsonresume/fixtures",
        "tests/data/jsonresume/real-world",
    ] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml" || e == "json")
                && !path.ends_with("schema.json")
            {
                out.push(path);
            }
        }
    }
    out.push(root().join("tests/data/jsonresume/sample.resume.json"));
    out.sort();
    out
}

fn format_of(path: &Path) -> SourceFormat {
    if path.extension().is_some_and(|e| e == "json") {
        SourceFormat::Json
    } else {
        SourceFormat::Toml
    }
}

fn check(text: &str, format: SourceFormat) -> bool {
    match format {
        SourceFormat::Toml => parse_toml_strict(text).is_ok(),
        SourceFormat::Json => parse_json(text, true).is_ok(),
    }
}

#[test]
fn every_conversion_passes_check_or_is_refused_with_located_errors() {
    let sources = sources();
    assert!(sources.len() >= 25, "{sources:?}");
    let mut failures = Vec::new();
    let mut converted = 0;
    for path in &sources {
        let text = std::fs::read_to_string(path).unwrap();
        let from = format_of(path);
        let passes = check(&text, from);
        for to in [SourceFormat::Toml, SourceFormat::Json] {
            let name = format!("{} to {to:?}", path.display());
            match convert(&text, from, to) {
                Ok((out, _)) => {
                    converted += 1;
                    if !check(&out, to) {
                        failures.push(format!("{name}: the output fails check:\n{out}"));
                    }
                }
                Err(diags) => {
                    // Refused: each error points into the source, or the
                    // summary names what the target format asks for that
                    // the source's own does not (our TOML requires
                    // `basics.name`, JSON Resume does not).
                    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
                    let located = errors.len() >= 2
                        && errors[1..]
                            .iter()
                            .all(|d| d.span.as_ref().is_some_and(|s| s.end <= text.len()));
                    let target_asks = errors.len() == 1
                        && errors[0]
                            .hints
                            .iter()
                            .any(|h| h.starts_with("the converted file at `"));
                    if !(located || target_asks && passes) {
                        let errors: Vec<_> = errors.iter().map(|d| &d.message).collect();
                        failures.push(format!("{name}: refused without a location: {errors:?}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // Most of the corpus converts both ways; the refusals are the messy
    // files and the schema's fixtures, which have no name for TOML.
    assert!(
        converted >= sources.len() + 10,
        "{converted} of {}",
        2 * sources.len()
    );
}
