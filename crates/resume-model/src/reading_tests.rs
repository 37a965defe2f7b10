//! Lenient `build`, strict `check`, and conversions that lose nothing: the
//! same sources read the three ways.

use crate::{
    Diagnostic, LineIndex, LinkTarget, Parsed, Resume, SourceFormat, convert, parse_json,
    parse_toml,
};

/// `line:col severity: message` of each diagnostic, one per line.
pub(crate) fn render<T>(source: &str, parsed: &Parsed<T>) -> String {
    let diags = match parsed {
        Ok((_, warnings)) => warnings,
        Err(diags) => diags,
    };
    let index = LineIndex::new(source);
    diags
        .iter()
        .map(|d| {
            let (line, col) = d.span.as_ref().map_or((0, 0), |s| index.line_col(s.start));
            let sev = if d.is_error() { "error" } else { "warning" };
            format!("{line}:{col} {sev}: {}", d.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn read(source: &str, format: SourceFormat, strict: bool) -> Parsed<Resume> {
    match (format, strict) {
        (SourceFormat::Toml, false) => parse_toml(source),
        (SourceFormat::Toml, true) => crate::parse_toml_strict(source),
        (SourceFormat::Json, strict) => parse_json(source, strict),
    }
}

/// `source` builds with `message` as a warning, and `check` reports the
/// same message, at the same place, as an error.
#[track_caller]
fn lenient(format: SourceFormat, source: &str, message: &str) -> Resume {
    let built = read(source, format, false);
    let shown = render(source, &built);
    assert!(
        shown.contains(&format!("warning: {message}")),
        "build of:\n{source}\nsays:\n{shown}"
    );
    let checked = read(source, format, true);
    let shown_check = render(source, &checked);
    assert!(checked.is_err(), "check accepts:\n{source}");
    let at = shown
        .lines()
        .find(|l| l.contains(message))
        .and_then(|l| l.split(' ').next())
        .unwrap();
    assert!(
        shown_check.contains(&format!("{at} error: {message}")),
        "check of:\n{source}\nsays:\n{shown_check}"
    );
    built.expect("build accepts it").0
}

const TOML: SourceFormat = SourceFormat::Toml;
const JSON: SourceFormat = SourceFormat::Json;

#[test]
fn json_comments_and_trailing_commas_build_and_fail_check() {
    let source = "{\n  // who\n  \"basics\": {\"name\": \"Ann\", /* the site */ \"url\": \"https://a.dev\",},\n  \"work\": [{\"name\": \"C\"},],\n}\n";
    let r = lenient(
        JSON,
        source,
        "JSON has no comments; this one is skipped (2 in the file)",
    );
    assert_eq!(r.basics.name, "Ann");
    assert_eq!(r.work.len(), 1);
    lenient(
        JSON,
        source,
        "JSON allows no comma before a closing bracket; it is skipped (3 in the file)",
    );
    // One of each: no count.
    lenient(
        JSON,
        "{\"basics\": {\"name\": \"Ann\",}}",
        "JSON allows no comma before a closing bracket; it is skipped",
    );
    // Other departures stay syntax errors.
    assert!(parse_json("{'basics': {}}", false).is_err());
    assert!(parse_json("{\"basics\": {\"name\": \"A\" \"label\": \"B\"}}", false).is_err());
}

#[test]
fn an_end_before_its_start_builds_and_fails_check() {
    lenient(
        TOML,
        "[basics]\nname = \"A\"\n[[work]]\ncompany = \"C\"\nstart = \"2021\"\nend = \"2020-06\"\n",
        "the end (2020-06) is before the start (2021)",
    );
    let r = lenient(
        JSON,
        "{\"basics\": {\"name\": \"A\"}, \"education\": [{\"institution\": \"U\", \"startDate\": \"2021-01\", \"endDate\": \"2019\"}]}",
        "the end (2019) is before the start (2021-01)",
    );
    // Rendered as written.
    assert_eq!(
        r.education[0].period.end.as_ref().unwrap().to_string(),
        "2019"
    );
}

#[test]
fn links_follow_one_rule_in_both_formats() {
    for (format, source) in [
        (
            TOML,
            "[basics]\nname = \"A\"\nwebsite = \"index-en.html\"\n",
        ),
        (
            JSON,
            "{\"basics\": {\"name\": \"A\", \"url\": \"index-en.html\"}}",
        ),
    ] {
        let r = lenient(
            format,
            source,
            "`index-en.html` is a path on the file's own site, not an address; it is shown as text, not linked",
        );
        let site = r.basics.website.unwrap();
        assert_eq!(site.url, LinkTarget::Path("index-en.html".into()));
        assert_eq!(site.url.url(), None);
    }
    for (format, source) in [
        (TOML, "[basics]\nname = \"A\"\nwebsite = \"www.a.dev/cv\"\n"),
        (
            JSON,
            "{\"basics\": {\"name\": \"A\", \"url\": \"www.a.dev/cv\"}}",
        ),
    ] {
        let r = lenient(
            format,
            source,
            "`www.a.dev/cv` has no scheme; linked as https://www.a.dev/cv",
        );
        assert_eq!(
            r.basics.website.unwrap().url.as_str(),
            "https://www.a.dev/cv"
        );
    }
    // Refused in TOML (an error in build too); left out in lenient JSON.
    for bad in [
        "https://",
        "https://a.dev/\u{202e}fdp.exe",
        "https://a.dev/\"onmouseover",
        "https://a.dev/<x>",
        "https://a.dev/a\\b",
        "https://a.dev/`x`",
        "https://a.dev/\u{200b}",
        "https://a.dev/\u{feff}",
        "javascript:alert(1)",
    ] {
        let escaped = bad.replace('\\', "\\\\").replace('"', "\\\"");
        let toml = format!("[basics]\nname = \"A\"\nwebsite = \"{escaped}\"\n");
        let shown = render(&toml, &parse_toml(&toml));
        assert!(
            shown.starts_with("3:11 error: link refused: "),
            "{bad:?}: {shown}"
        );
        let json = format!("{{\"basics\": {{\"name\": \"A\", \"url\": \"{escaped}\"}}}}");
        let (r, warnings) = parse_json(&json, false).unwrap();
        assert_eq!(r.basics.website, None, "{bad:?}");
        assert!(
            warnings[0].message.starts_with("link refused and left out"),
            "{bad:?}"
        );
        assert!(parse_json(&json, true).is_err(), "{bad:?}");
    }
    // A relative link in inline markup keeps its text, unlinked.
    let r = lenient(
        TOML,
        "[basics]\nname = \"A\"\nsummary = \"see [my CV](./cv.pdf)\"\n",
        "`./cv.pdf` is a path on the file's own site, not an address; the link's text is shown, not linked",
    );
    let summary = r.basics.summary.unwrap();
    assert_eq!(summary.to_plain(), "see my CV");
    assert!(summary.spans.iter().all(|s| s.link.is_none()));
}

#[test]
fn email_fields_hold_one_address() {
    for (format, source) in [
        (
            TOML,
            "[basics]\nname = \"A\"\nemail = \"a@b.co?bcc=x@evil.example\"\n",
        ),
        (
            JSON,
            "{\"basics\": {\"name\": \"A\", \"email\": \"a@b.co?bcc=x@evil.example\"}}",
        ),
    ] {
        let r = lenient(
            format,
            source,
            "`a@b.co?bcc=x@evil.example` is not an e-mail address (it holds `?`); it is shown as text, not linked",
        );
        let email = r.basics.email.unwrap();
        assert_eq!(email.as_str(), "a@b.co?bcc=x@evil.example");
        assert_eq!(email.mailto(), None);
    }
    let r = lenient(
        TOML,
        "[basics]\nname = \"A\"\nemail = \"mailto:a@b.co\"\n",
        "`mailto:a@b.co` is a link; the address `a@b.co` is used",
    );
    assert_eq!(
        r.basics.email.unwrap().mailto().unwrap().as_str(),
        "mailto:a@b.co"
    );
    let (r, _) = parse_toml("[basics]\nname = \"A\"\nemail = \"a@b.co\"\n").unwrap();
    assert!(r.basics.email.unwrap().is_valid());
}

/// The errors of a refused conversion, rendered.
#[track_caller]
fn refused(source: &str, from: SourceFormat, to: SourceFormat) -> String {
    let converted = convert(source, from, to);
    assert!(converted.is_err(), "converted:\n{source}");
    render(source, &converted)
}

#[test]
fn conversions_keep_extension_values_or_refuse_them() {
    // TOML datetimes keep their text.
    let toml =
        "[basics]\nname = \"A\"\n[basics.extra]\nseen = 1979-05-27 07:32:00Z\nday = 2020-01-02\n";
    let (json, _) = convert(toml, TOML, JSON).unwrap();
    assert!(
        json.contains("\"seen\": \"1979-05-27 07:32:00Z\""),
        "{json}"
    );
    assert!(json.contains("\"day\": \"2020-01-02\""), "{json}");
    // Non-finite numbers: JSON cannot hold them.
    for value in ["nan", "inf", "-inf"] {
        let toml = format!("[basics]\nname = \"A\"\n[basics.extra]\nscore = {value}\n");
        assert!(parse_toml(&toml).is_ok(), "build keeps it");
        assert_eq!(
            refused(&toml, TOML, JSON),
            format!(
                "4:9 error: JSON cannot hold the number `{value}`, so this file cannot be converted to JSON Resume"
            )
        );
        assert!(convert(&toml, TOML, TOML).is_ok());
    }
    // Nulls in extensions: TOML has none.
    let json = "{\"basics\": {\"name\": \"A\", \"x-seen\": null}, \"meta\": {\"n\": [1, null]}}";
    assert!(
        parse_json(json, true).is_ok(),
        "check accepts nulls in extensions"
    );
    let shown = refused(json, JSON, TOML);
    assert!(shown.contains("1:36 error: TOML has no null"), "{shown}");
    assert!(shown.contains("1:61 error: TOML has no null"), "{shown}");
    // Each refusal names the value's place, as every diagnostic does.
    let paths: Vec<String> = convert(json, JSON, TOML)
        .unwrap_err()
        .into_iter()
        .filter(Diagnostic::is_error)
        .map(|d| d.path)
        .collect();
    assert_eq!(paths, ["basics.x-seen", "meta.n[1]"]);
    assert!(
        convert(json, JSON, JSON)
            .unwrap()
            .0
            .contains("\"x-seen\": null")
    );
    // Integers beyond 64 bits.
    let json =
        "{\"basics\": {\"name\": \"A\"}, \"meta\": {\"id\": 123456789012345678901234567890}}";
    let shown = refused(json, JSON, TOML);
    assert!(
        shown.contains(
            "1:42 error: `123456789012345678901234567890` is beyond the 64-bit integers TOML holds"
        ),
        "{shown}"
    );
    let shown = refused(json, JSON, JSON);
    assert!(shown.contains("1:42 error: `123456789012345678901234567890` is beyond the 64-bit integers this program keeps exactly"), "{shown}");
    // An unsigned 64-bit integer is kept in JSON and refused in TOML.
    let json = "{\"basics\": {\"name\": \"A\"}, \"meta\": {\"id\": 18446744073709551615}}";
    assert!(
        convert(json, JSON, JSON)
            .unwrap()
            .0
            .contains("18446744073709551615")
    );
    assert!(refused(json, JSON, TOML).contains("beyond the 64-bit integers TOML holds"));
}

#[test]
fn conversions_never_write_what_check_refuses() {
    // Build forgives a free-text date; its conversion would fail `check`,
    // so the source's own errors are given instead.
    let json = "{\"basics\": {\"name\": \"A\"}, \"work\": [{\"name\": \"C\", \"startDate\": \"Summer 2019\"}]}";
    assert!(parse_json(json, false).is_ok());
    let shown = refused(json, JSON, TOML);
    assert!(
        shown.starts_with("0:0 error: the converted file would not pass `resume check`"),
        "{shown}"
    );
    assert!(
        shown.contains("1:63 error: invalid date `Summer 2019`"),
        "{shown}"
    );
    // What lenient reading repairs converts: nulls in known fields, bare
    // hosts, trailing commas.
    let json = "{\"basics\": {\"name\": \"A\", \"label\": null, \"url\": \"a.dev\",},}";
    let (toml, warnings) = convert(json, JSON, TOML).unwrap();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(crate::parse_toml_strict(&toml).is_ok(), "{toml}");
    assert!(toml.contains("website = \"https://a.dev\""), "{toml}");
}
