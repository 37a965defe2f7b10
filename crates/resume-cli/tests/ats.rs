//! `resume ats` end to end: the seed passes in every theme, and files made
//! to trip a parser (contacts in a header, text in a table, a ligature,
//! a corrupt file) are caught with the problem named.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn resume(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(args)
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "0")
        .output()
        .expect("the resume binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A one-job source, small enough to write a DOCX for by hand.
const SMALL: &str = r#"
[basics]
name = "Jane Doe"
email = "jane@example.com"
phone = "+1 555 010 0000"

[[work]]
company = "Example Corp"
position = "Senior Engineer"
start = "2021-03"
end = "2023-06"
highlights = ["Cut latency of the billing service by batching writes."]
"#;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write a test file");
    p
}

fn para(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A minimal DOCX: the body's XML and, optionally, a header part.
fn docx(body: &str, header: Option<&str>) -> Vec<u8> {
    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let mut part = |name: &str, xml: String| {
        zip.start_file(name, opts).expect("zip entry");
        zip.write_all(xml.as_bytes()).expect("zip write");
    };
    part(
        "[Content_Types].xml",
        r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.into(),
    );
    part(
        "word/document.xml",
        format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#),
    );
    if let Some(h) = header {
        part(
            "word/header1.xml",
            format!(r#"<?xml version="1.0"?><w:hdr {W}>{h}</w:hdr>"#),
        );
    }
    zip.finish().expect("zip").into_inner()
}

const CONTACTS: [&str; 3] = ["Jane Doe", "jane@example.com • +1 555 010 0000", ""];

fn work_paragraphs() -> String {
    [
        "Work Experience",
        "Example Corp • Senior Engineer",
        "Mar 2021 – Jun 2023",
        "Cut latency of the billing service by batching writes.",
    ]
    .iter()
    .map(|t| para(t))
    .collect()
}

#[test]
fn the_seed_passes_in_every_theme() {
    for theme in resume_model::THEMES {
        let o = resume(&[
            "ats",
            "resume/wenqing-luo.toml",
            "--theme",
            theme,
            "--format",
            "json",
        ]);
        let out = stdout(&o);
        assert_eq!(o.status.code(), Some(0), "theme {theme}:\n{out}");
        let v: serde_json::Value = serde_json::from_str(&out).expect("--format json parses");
        assert_eq!(v["ok"], true, "theme {theme}");
        let reports = v["formats"].as_array().expect("an array of reports");
        assert_eq!(reports.len(), 2, "theme {theme}: PDF and DOCX");
        for r in reports {
            let contacts = r["contacts"].as_array().expect("contacts");
            let fields: Vec<&str> = contacts
                .iter()
                .map(|c| c["field"].as_str().unwrap_or(""))
                .collect();
            assert_eq!(
                fields,
                ["name", "phone", "email", "website", "LinkedIn", "GitHub"],
                "theme {theme}"
            );
            assert!(
                contacts.iter().all(|c| c["in_body"] == true),
                "theme {theme}: {contacts:?}"
            );
            assert!(r["words"]["recall"].as_f64().unwrap_or(0.0) >= 0.99);
        }
    }
}

#[test]
fn the_text_report_names_every_part() {
    let o = resume(&["ats", "resume/wenqing-luo.toml"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    for needle in [
        "PDF (built in memory)",
        "DOCX (built in memory)",
        "wenqing4@illinois.edu",
        "Work Experience",
        "recall 1.0000",
        "problems: none",
    ] {
        assert!(out.contains(needle), "no {needle:?} in\n{out}");
    }
}

#[test]
fn contacts_only_in_a_header_are_caught() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = write(dir.path(), "small.toml", SMALL.as_bytes());
    let header: String = CONTACTS.iter().map(|t| para(t)).collect();
    let file = write(
        dir.path(),
        "header.docx",
        &docx(&work_paragraphs(), Some(&header)),
    );
    let o = resume(&[
        "ats",
        src.to_str().unwrap(),
        "--docx",
        file.to_str().unwrap(),
    ]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("email (jane@example.com) is only in a header or footer"),
        "{out}"
    );
    assert!(
        out.contains("name (Jane Doe) is only in a header or footer"),
        "{out}"
    );
}

#[test]
fn text_in_a_table_is_caught() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = write(dir.path(), "small.toml", SMALL.as_bytes());
    let contacts: String = CONTACTS.iter().map(|t| para(t)).collect();
    let body = format!(
        "{contacts}<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>",
        work_paragraphs()
    );
    let file = write(dir.path(), "table.docx", &docx(&body, None));
    let o = resume(&[
        "ats",
        src.to_str().unwrap(),
        "--docx",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["ok"], false);
    let problems = v["formats"][0]["problems"].to_string();
    assert!(problems.contains("1 table holding text"), "{problems}");
    // Everything else of the file is what the source says.
    assert!(
        v["formats"][0]["words"]["recall"].as_f64().unwrap_or(0.0) >= 0.99,
        "{out}"
    );
}

#[test]
fn the_same_docx_without_the_table_passes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = write(dir.path(), "small.toml", SMALL.as_bytes());
    let contacts: String = CONTACTS.iter().map(|t| para(t)).collect();
    let file = write(
        dir.path(),
        "plain.docx",
        &docx(&format!("{contacts}{}", work_paragraphs()), None),
    );
    let o = resume(&[
        "ats",
        src.to_str().unwrap(),
        "--docx",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn a_ligature_typed_into_the_source_is_caught_in_the_docx() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = SMALL.replace("batching writes", "batching ﬁle writes");
    let src = write(dir.path(), "liga.toml", src.as_bytes());
    let o = resume(&["ats", src.to_str().unwrap()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    let split = out.find("DOCX (").expect("a DOCX part");
    // The PDF backend spells ligature characters out (resume-pdf's
    // text.rs); Word keeps what the source says.
    assert!(!out[..split].contains("ligature"), "{out}");
    assert!(
        out[split..].contains("1 ligature character (U+FB01)"),
        "{out}"
    );
}

/// A one-page PDF in Helvetica whose ToUnicode map sends code 1 to "ﬁ"
/// (U+FB01) and leaves code 2 unmapped: the two ways a PDF loses letters.
fn ligature_pdf() -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, StringFormat, dictionary};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        1 begincodespacerange <00> <FF> endcodespacerange\n\
        1 beginbfchar <01> <FB01> endbfchar\n\
        1 beginbfrange <20> <7E> <0020> endbfrange\n\
        endcmap CMapName currentdict /CMap defineresource pop end end";
    let cmap_id = doc.add_object(Stream::new(dictionary! {}, cmap.to_vec()));
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "ToUnicode" => cmap_id,
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("Td", vec![72.into(), 720.into()]),
        Operation::new("TL", vec![14.into()]),
    ];
    let lines: [&[u8]; 6] = [
        b"Jane Doe",
        b"jane@example.com | +1 555 010 0000",
        b"Work Experience",
        b"Example Corp, Senior Engineer",
        b"Mar 2021 - Jun 2023",
        b"Cut latency of the billing service by batching \x01le writes.\x02",
    ];
    for line in lines {
        ops.push(Operation::new(
            "Tj",
            vec![Object::String(line.to_vec(), StringFormat::Literal)],
        ));
        ops.push(Operation::new("T*", vec![]));
    }
    ops.push(Operation::new("ET", vec![]));
    let content = Content { operations: ops }.encode().expect("content");
    let content_id = doc.add_object(Stream::new(dictionary! {}, content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "Resources" => resources_id,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

#[test]
fn a_ligature_and_an_unmapped_glyph_in_a_pdf_are_caught() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = SMALL.replace("batching writes", "batching file writes");
    let src = write(dir.path(), "small.toml", src.as_bytes());
    let pdf = write(dir.path(), "liga.pdf", &ligature_pdf());
    let o = resume(&["ats", src.to_str().unwrap(), "--pdf", pdf.to_str().unwrap()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("1 ligature character (U+FB01)"), "{out}");
    assert!(
        out.contains("1 glyph of font Helvetica without a Unicode mapping"),
        "{out}"
    );
    // Apart from those, every word and contact came through.
    assert!(out.contains("recall 1.0000"), "{out}");
    assert!(!out.contains("FAIL"), "{out}");
}

#[test]
fn corrupt_files_are_clear_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = write(dir.path(), "small.toml", SMALL.as_bytes());
    for (flag, name, bytes) in [
        (
            "--pdf",
            "bad.pdf",
            &b"%PDF-1.7\n1 0 obj << /Type /Catalog"[..],
        ),
        ("--docx", "bad.docx", &b"PK\x03\x04 not a zip"[..]),
        ("--docx", "empty.docx", &b""[..]),
    ] {
        let file = write(dir.path(), name, bytes);
        let o = resume(&["ats", src.to_str().unwrap(), flag, file.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains(&format!("cannot read {}", file.display())),
            "{err}"
        );
    }
    let o = resume(&["ats", src.to_str().unwrap(), "--pdf", "/nonexistent.pdf"]);
    assert_eq!(o.status.code(), Some(2));
}
