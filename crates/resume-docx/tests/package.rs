//! The DOCX read back part by part: what Word, LibreOffice and résumé
//! parsers rely on, checked on the seed résumé.

mod common;

use common::ooxml::{El, parse, part, subsequence, tokens, unzip};
use resume_document::{
    Contact, ContactKind, Document, Entry, Format, Header, Line, LineKind, Margins, Meta, Note,
    Paper, Section, SectionBody, Shared, Span, Text, Theme,
};
use resume_docx::{Docx, DocxError, DocxOptions, docx, docx_with_report};

const EPOCH: i64 = 1_700_000_000;

fn build(doc: &Document) -> Vec<(String, Vec<u8>)> {
    let options = DocxOptions {
        timestamp: Some(EPOCH),
        ..DocxOptions::default()
    };
    unzip(&docx(doc, &options).expect("the DOCX is written"))
}

fn body(parts: &[(String, Vec<u8>)]) -> El {
    part(parts, "word/document.xml")
        .child("w:body")
        .expect("a body")
        .clone()
}

/// The style element with id `id`.
fn style<'a>(styles: &'a El, id: &str) -> &'a El {
    styles
        .all("w:style")
        .into_iter()
        .find(|s| s.attr("w:styleId") == Some(id))
        .unwrap_or_else(|| panic!("no style {id}"))
}

#[test]
fn package_holds_the_parts_word_reads_and_nothing_else() {
    let parts = build(&resume_tests::seed_document());
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "[Content_Types].xml");
    for needed in [
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/fontTable.xml",
    ] {
        assert!(names.contains(&needed), "{needed} missing from {names:?}");
    }
    for name in &names {
        assert!(
            !name.starts_with("word/media")
                && !name.starts_with("word/header")
                && !name.starts_with("word/footer"),
            "unexpected part {name}"
        );
    }
    // Every XML part is well-formed.
    for (name, bytes) in &parts {
        parse(bytes);
        assert!(!name.ends_with('/'), "directory entry {name}");
    }
    // Every part the content types name is in the package.
    let types = part(&parts, "[Content_Types].xml");
    for o in types.all("Override") {
        let name = o.attr("PartName").unwrap().trim_start_matches('/');
        assert!(
            names.contains(&name),
            "content type for missing part {name}"
        );
    }
}

#[test]
fn styles_are_words_built_in_ones() {
    let parts = build(&resume_tests::seed_document());
    let styles = part(&parts, "word/styles.xml");
    let name = |id: &str| style(&styles, id).val("w:name").unwrap().to_owned();

    let normal = style(&styles, "Normal");
    assert_eq!(normal.attr("w:default"), Some("1"));
    assert_eq!(normal.attr("w:type"), Some("paragraph"));
    let defaults: Vec<&El> = styles
        .all("w:style")
        .into_iter()
        .filter(|s| s.attr("w:default") == Some("1"))
        .collect();
    assert_eq!(
        defaults.len(),
        2,
        "one default paragraph and character style"
    );

    assert_eq!(name("Title"), "Title");
    assert_eq!(name("Heading1"), "heading 1");
    assert_eq!(name("Heading2"), "heading 2");
    assert_eq!(name("Heading3"), "heading 3");
    assert_eq!(name("ListParagraph"), "List Paragraph");
    assert_eq!(name("ListBullet"), "List Bullet");
    assert_eq!(name("Hyperlink"), "Hyperlink");
    assert_eq!(
        style(&styles, "Hyperlink").attr("w:type"),
        Some("character")
    );
    assert_eq!(
        style(&styles, "ListBullet").val("w:basedOn"),
        Some("ListParagraph")
    );
    assert_eq!(style(&styles, "Heading1").val("w:outlineLvl"), Some("0"));
    assert_eq!(style(&styles, "Heading2").val("w:outlineLvl"), Some("1"));

    // The list style carries the bullet numbering.
    let num = style(&styles, "ListBullet").all("w:numId");
    assert_eq!(num[0].attr("w:val"), Some("2"));

    // Calibri at the theme's body size, by default.
    let defaults = styles.child("w:docDefaults").unwrap();
    let fonts = defaults.all("w:rFonts")[0];
    assert_eq!(fonts.attr("w:ascii"), Some("Calibri"));
    assert_eq!(fonts.attr("w:hAnsi"), Some("Calibri"));
    let half_points = (Theme::default().body_size * 2.0).round().to_string();
    assert_eq!(defaults.val("w:sz"), Some(half_points.as_str()));
    assert_eq!(defaults.val("w:lang"), Some("en"));

    // Section titles: bold, accent colour, a rule below.
    let h1 = style(&styles, "Heading1");
    assert_eq!(h1.val("w:color"), Some("004F90"));
    assert!(!h1.all("w:b").is_empty());
    let rule = h1.all("w:bottom");
    assert_eq!(rule[0].attr("w:val"), Some("single"));
    assert_eq!(h1.val("w:sz"), Some("24"));

    // Carlito stands in for Calibri where Calibri is missing.
    let fonts = part(&parts, "word/fontTable.xml");
    let calibri = fonts
        .all("w:font")
        .into_iter()
        .find(|f| f.attr("w:name") == Some("Calibri"))
        .expect("Calibri in the font table");
    assert_eq!(calibri.val("w:altName"), Some("Carlito"));
}

#[test]
fn body_is_one_column_of_styled_paragraphs() {
    let doc = resume_tests::seed_document();
    let parts = build(&doc);
    let body = body(&parts);
    let document = part(&parts, "word/document.xml");
    for banned in [
        "w:tbl",
        "w:txbxContent",
        "w:drawing",
        "w:pict",
        "w:object",
        "w:framePr",
        "w:sdt",
    ] {
        assert!(document.all(banned).is_empty(), "{banned} in the body");
    }
    assert_eq!(body.all("w:sectPr").len(), 1, "one section");
    assert!(
        body.all("w:cols")
            .iter()
            .all(|c| c.attr("w:num") == Some("1"))
    );

    let paras: Vec<(String, String)> = body
        .all("w:p")
        .into_iter()
        .map(|p| (p.style().to_owned(), p.text()))
        .collect();
    // The name first, then the contact line, in the body.
    assert_eq!(paras[0], ("Title".to_owned(), "Wenqing Luo".to_owned()));
    assert_eq!(paras[1].0, "ContactInfo");
    assert!(
        paras[1].1.contains("wenqing4@illinois.edu"),
        "{:?}",
        paras[1]
    );

    // Every section title is a Heading 1, and only section titles are.
    let h1: Vec<&str> = paras
        .iter()
        .filter(|(s, _)| s == "Heading1")
        .map(|(_, t)| t.as_str())
        .collect();
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(h1, titles);

    // Every entry heading is a Heading 2 starting with the entry's title.
    let h2: Vec<&str> = paras
        .iter()
        .filter(|(s, _)| s == "Heading2")
        .map(|(_, t)| t.as_str())
        .collect();
    let entries: Vec<&Entry> = doc
        .sections
        .iter()
        .flat_map(|s| match &s.body {
            SectionBody::Entries(es) => es.iter().collect(),
            _ => vec![],
        })
        .collect();
    assert_eq!(h2.len(), entries.len());
    for (h, e) in h2.iter().zip(&entries) {
        assert!(h.starts_with(&e.title.to_plain()), "{h:?}");
    }

    // Nothing is a typed bullet.
    for (_, t) in &paras {
        let first = t.chars().next().unwrap_or(' ');
        assert!(!"•·▪◦‣⁃●○■–-*>".contains(first), "typed bullet: {t:?}");
    }
}

#[test]
fn bullets_are_real_word_lists() {
    let doc = resume_tests::seed_document();
    let parts = build(&doc);
    let body = body(&parts);
    let bullets: Vec<&El> = body
        .all("w:p")
        .into_iter()
        .filter(|p| p.style() == "ListBullet")
        .collect();
    assert_eq!(bullets.len(), resume_tests::list_items(&doc));
    for b in &bullets {
        let num = b.child("w:pPr").unwrap().child("w:numPr").expect("numPr");
        assert_eq!(num.val("w:numId"), Some("2"));
        assert_eq!(num.val("w:ilvl"), Some("0"));
    }

    // numId 2 is a bullet list whose first level hangs the bullet in the
    // theme's indent (12 pt).
    let numbering = part(&parts, "word/numbering.xml");
    let num = numbering
        .all("w:num")
        .into_iter()
        .find(|n| n.attr("w:numId") == Some("2"))
        .expect("numbering instance 2");
    let abstract_id = num.val("w:abstractNumId").unwrap();
    let list = numbering
        .all("w:abstractNum")
        .into_iter()
        .find(|a| a.attr("w:abstractNumId") == Some(abstract_id))
        .expect("its abstract definition");
    let level = list.all("w:lvl")[0];
    assert_eq!(level.val("w:numFmt"), Some("bullet"));
    assert_eq!(level.val("w:lvlText"), Some("\u{2022}"));
    assert_eq!(level.all("w:ind")[0].attr("w:left"), Some("240"));
    assert_eq!(level.val("w:pStyle"), Some("ListBullet"));
}

#[test]
fn dates_and_locations_sit_on_a_right_tab_stop_at_the_margin() {
    let doc = resume_tests::seed_document();
    let parts = build(&doc);
    let styles = part(&parts, "word/styles.xml");
    // Letter is 12240 twips wide, less the theme's margins (1 pt = 20 twips).
    let m = Theme::default().margins;
    let text_width =
        (12240 - (m.left * 20.0).round() as i64 - (m.right * 20.0).round() as i64).to_string();
    for id in ["Heading2", "EntryLine"] {
        let tab = style(&styles, id).all("w:tab")[0];
        assert_eq!(tab.attr("w:val"), Some("right"));
        assert_eq!(tab.attr("w:pos"), Some(text_width.as_str()), "{id}");
    }
    let rows = |doc: &Document| -> Vec<String> {
        body(&build(doc))
            .all("w:p")
            .into_iter()
            .filter(|p| p.style() == "Heading2" || p.style() == "EntryLine")
            .map(El::text)
            .collect()
    };
    let seed_rows = rows(&doc);
    assert!(
        seed_rows.contains(
            &"Alibaba Group • Software Engineer Intern – Search Infrastructure\tJun 2020 – Dec 2020"
                .to_owned()
        ),
        "{seed_rows:#?}"
    );
    assert!(
        seed_rows.contains(
            &"C++, LLVM, Tensorflow, Machine Learning System\tHangzhou, China".to_owned()
        ),
        "{seed_rows:#?}"
    );
    // A first line with no location to its right has no tab.
    assert!(
        seed_rows.contains(&"Golang, Kubernetes, Distributed System Correctness".to_owned()),
        "{seed_rows:#?}"
    );
    assert!(
        seed_rows.iter().all(|r| !r.contains("  ")),
        "{seed_rows:#?}"
    );

    // The same job with the position as a line of its own: the location goes
    // beside the first line, and the second line is a row without a tab.
    let mut split = doc.clone();
    let work = split
        .sections
        .iter_mut()
        .find(|s| s.id == "work")
        .expect("the seed has a work section");
    let SectionBody::Entries(jobs) = &mut work.body else {
        panic!("work holds entries");
    };
    let alibaba = &mut jobs[0];
    alibaba.title = Text {
        spans: vec![Span::strong("Alibaba Group")],
    };
    alibaba.lines.insert(
        0,
        Line {
            text: Text::plain("Software Engineer Intern – Search Infrastructure"),
            kind: LineKind::Subtitle,
        },
    );
    let rows = rows(&split);
    assert!(
        rows.contains(&"Alibaba Group\tJun 2020 – Dec 2020".to_owned()),
        "{rows:#?}"
    );
    assert!(
        rows.contains(
            &"Software Engineer Intern – Search Infrastructure\tHangzhou, China".to_owned()
        ),
        "{rows:#?}"
    );
    assert!(
        rows.contains(&"C++, LLVM, Tensorflow, Machine Learning System".to_owned()),
        "{rows:#?}"
    );
    // No row pushes text right with spaces.
    assert!(rows.iter().all(|r| !r.contains("  ")), "{rows:#?}");
}

#[test]
fn properties_come_in_schema_order() {
    // Word drops or rejects properties out of the schema's sequence.
    let parts = build(&resume_tests::seed_document());
    for name in ["word/document.xml", "word/numbering.xml", "word/styles.xml"] {
        let xml = part(&parts, name);
        for ppr in xml.all("w:pPr") {
            let names: Vec<&str> = ppr.elements().map(|e| e.name.as_str()).collect();
            if let Some(i) = names.iter().position(|n| *n == "w:pStyle") {
                assert_eq!(i, 0, "{name}: {names:?}");
            }
            if let Some(i) = names.iter().position(|n| *n == "w:rPr") {
                assert_eq!(i, names.len() - 1, "{name}: {names:?}");
            }
        }
        for rpr in xml.all("w:rPr") {
            let names: Vec<&str> = rpr.elements().map(|e| e.name.as_str()).collect();
            assert!(
                !names.is_empty() || name == "word/styles.xml",
                "{name}: empty w:rPr"
            );
            if let Some(i) = names.iter().position(|n| *n == "w:rStyle") {
                assert_eq!(i, 0, "{name}: {names:?}");
            }
        }
        for num in xml.all("w:numPr") {
            let names: Vec<&str> = num.elements().map(|e| e.name.as_str()).collect();
            assert_eq!(names, ["w:ilvl", "w:numId"], "{name}");
        }
        for lvl in xml.all("w:lvl") {
            let names: Vec<&str> = lvl.elements().map(|e| e.name.as_str()).collect();
            let jc = names.iter().position(|n| *n == "w:lvlJc").unwrap();
            let ppr = names.iter().position(|n| *n == "w:pPr").unwrap();
            assert!(jc < ppr, "{name}: {names:?}");
            if let Some(style) = names.iter().position(|n| *n == "w:pStyle") {
                assert!(style < jc, "{name}: {names:?}");
            }
        }
    }
}

#[test]
fn links_are_hyperlinks_to_external_targets() {
    let parts = build(&resume_tests::seed_document());
    let rels = part(&parts, "word/_rels/document.xml.rels");
    let body = body(&parts);
    let links = body.all("w:hyperlink");
    let targets: Vec<&str> = links
        .iter()
        .map(|h| {
            let id = h.attr("r:id").expect("an r:id");
            let rel = rels
                .all("Relationship")
                .into_iter()
                .find(|r| r.attr("Id") == Some(id))
                .unwrap_or_else(|| panic!("no relationship {id}"));
            assert_eq!(rel.attr("TargetMode"), Some("External"));
            assert!(rel.attr("Type").unwrap().ends_with("/hyperlink"));
            for run in h.all("w:r") {
                assert_eq!(run.val("w:rStyle"), Some("Hyperlink"));
            }
            rel.attr("Target").unwrap()
        })
        .collect();
    assert_eq!(
        targets,
        [
            "tel:2172003227",
            "mailto:wenqing4@illinois.edu",
            "https://wenqingluo.com",
            "https://www.linkedin.com/in/wenqingluo",
            "https://github.com/laphets",
            "https://github.com/sieve-project/sieve",
            "https://github.com/laphets/WeirdOS",
        ]
    );
    // Relationships come in a fixed order.
    let ids: Vec<&str> = rels
        .all("Relationship")
        .into_iter()
        .filter_map(|r| r.attr("Id"))
        .filter(|id| id.starts_with("rIdLink"))
        .collect();
    assert_eq!(
        ids,
        (1..=7).map(|n| format!("rIdLink{n}")).collect::<Vec<_>>()
    );
}

#[test]
fn core_properties_name_the_document() {
    let doc = resume_tests::seed_document();
    let parts = build(&doc);
    let core = part(&parts, "docProps/core.xml");
    let text = |name: &str| core.all(name).first().map(|e| e.text_content());
    assert_eq!(text("dc:title").as_deref(), Some("Wenqing Luo — Résumé"));
    assert_eq!(text("dc:creator").as_deref(), Some("Wenqing Luo"));
    assert_eq!(text("dc:subject").as_deref(), Some("Résumé of Wenqing Luo"));
    assert_eq!(
        text("cp:keywords").as_deref(),
        Some(
            "C/C++; Python; Golang; Rust; JavaScript; TypeScript; Docker; Kubernetes; \
             Linux kernel; LLVM; UNIX network programming; Qemu; DPDK; Git; Node.js; SQL; \
             React.js; Vue.js; MongoDB; Redis; RabbitMQ; Protobuf"
        )
    );
    assert_eq!(text("dc:language").as_deref(), Some("en"));
    assert_eq!(
        text("dcterms:created").as_deref(),
        Some("2023-11-14T22:13:20Z")
    );
    assert_eq!(
        text("dcterms:modified").as_deref(),
        Some("2023-11-14T22:13:20Z")
    );

    // Without a timestamp there are no dates at all.
    let undated = unzip(&docx(&doc, &DocxOptions::default()).unwrap());
    let core = part(&undated, "docProps/core.xml");
    assert!(core.all("dcterms:created").is_empty());
    assert!(core.all("dcterms:modified").is_empty());
}

#[test]
fn same_input_same_bytes() {
    let doc = resume_tests::seed_document();
    let options = DocxOptions {
        timestamp: Some(EPOCH),
        ..DocxOptions::default()
    };
    let first = docx(&doc, &options).unwrap();
    assert_eq!(first, docx(&doc, &options).unwrap());
    // docx-rs keeps counters per thread and per process; neither shows.
    let other = std::thread::spawn({
        let doc = doc.clone();
        let options = options.clone();
        move || docx(&doc, &options).unwrap()
    })
    .join()
    .unwrap();
    assert_eq!(first, other);

    // Another date changes the document properties and nothing else.
    let later = docx(
        &doc,
        &DocxOptions {
            timestamp: Some(EPOCH + 86_400),
            ..options
        },
    )
    .unwrap();
    let (a, b) = (unzip(&first), unzip(&later));
    let changed: Vec<&str> = a
        .iter()
        .zip(&b)
        .filter(|(x, y)| x != y)
        .map(|(x, _)| x.0.as_str())
        .collect();
    assert_eq!(changed, ["docProps/core.xml"]);
}

#[test]
fn paper_and_margins_follow_the_theme() {
    let mut doc = resume_tests::seed_document();
    let page = |doc: &Document| {
        let parts = build(doc);
        let body = body(&parts);
        let sect = body.child("w:sectPr").unwrap();
        let size = sect.child("w:pgSz").unwrap();
        let margin = sect.child("w:pgMar").unwrap();
        let get = |e: &El, k: &str| e.attr(k).unwrap().to_owned();
        (
            get(size, "w:w"),
            get(size, "w:h"),
            ["w:top", "w:right", "w:bottom", "w:left"].map(|k| get(margin, k)),
        )
    };
    assert_eq!(
        page(&doc),
        ("12240".into(), "15840".into(), {
            let m = Theme::default().margins;
            [m.top, m.right, m.bottom, m.left].map(|v| ((v * 20.0).round() as i64).to_string())
        })
    );
    doc.theme = Theme {
        paper: Paper::A4,
        margins: Margins::uniform(54.0),
        ..Theme::default()
    };
    assert_eq!(
        page(&doc),
        (
            "11906".into(),
            "16838".into(),
            ["1080"; 4].map(String::from)
        )
    );
}

#[test]
fn every_word_is_in_the_body_in_reading_order() {
    let doc = resume_tests::seed_document();
    let parts = build(&doc);
    let words = tokens(&body(&parts).text());
    subsequence(&common::reading_order(&doc), &words).unwrap();
}

fn hostile() -> Document {
    let nasty = "a\u{0}b\u{1}c\td\ne <&> \"q\" 'x' \u{FFFF} \u{202E}rtl 中文";
    let span = |s: &str| Span {
        text: s.into(),
        strong: true,
        emphasis: true,
        code: true,
        // A link is a checked `SafeUrl`; the nastiest one that passes still
        // needs escaping in XML.
        link: resume_document::SafeUrl::parse(&format!("https://example.com/?q={}&x='1'", s.len()))
            .ok(),
    };
    Document {
        meta: Meta {
            title: nasty.into(),
            author: nasty.into(),
            subject: nasty.into(),
            keywords: vec![nasty.into(), String::new()],
            language: resume_document::LangTag::default(),
            direction: Default::default(),
            page_label: "Page {page} of {pages}".into(),
            label_pattern: "{label}: {value}".into(),
        },
        header: Header {
            name: nasty.into(),
            headline: Some(nasty.into()),
            contacts: vec![
                Contact {
                    kind: ContactKind::Profile,
                    text: nasty.into(),
                    label: nasty.into(),
                    url: resume_document::SafeUrl::parse(nasty).ok(),
                },
                Contact {
                    kind: ContactKind::Email,
                    text: String::new(),
                    label: String::new(),
                    url: None,
                },
            ],
        },
        sections: vec![
            Section {
                id: "s".into(),
                title: nasty.into(),
                body: SectionBody::Entries(vec![Entry {
                    title: Text {
                        spans: vec![span(nasty), Span::default()],
                    },
                    dates: None,
                    location: Some(nasty.into()),
                    lines: vec![],
                    bullets: vec![
                        Text::default(),
                        Text {
                            spans: vec![span(&nasty.repeat(200))],
                        },
                    ],
                    roles: vec![Entry {
                        title: Text::default(),
                        dates: None,
                        location: None,
                        lines: vec![],
                        bullets: vec![],
                        roles: vec![],
                    }],
                }]),
            },
            Section {
                id: "e".into(),
                title: String::new(),
                body: SectionBody::Paragraphs(vec![Text::plain(nasty), Text::default()]),
            },
            Section {
                id: "l".into(),
                title: "List".into(),
                body: SectionBody::List(vec![]),
            },
        ],
        theme: Theme {
            body_size: f32::NAN,
            leading: f32::INFINITY,
            name_size: -4.0,
            margins: Margins::uniform(f32::MAX),
            bullet_indent: 1e9,
            ..Theme::default()
        },
    }
}

#[test]
fn hostile_input_still_gives_a_well_formed_package() {
    let doc = hostile();
    for fit in [None, Some(1), Some(3)] {
        let bytes = docx(
            &doc,
            &DocxOptions {
                timestamp: Some(i64::MIN),
                fit_pages: fit,
            },
        )
        .unwrap();
        for (_, data) in unzip(&bytes) {
            parse(&data);
        }
    }
    let empty = Document {
        meta: Meta {
            title: String::new(),
            author: String::new(),
            subject: String::new(),
            keywords: vec![],
            language: resume_document::LangTag::default(),
            direction: Default::default(),
            page_label: "Page {page} of {pages}".into(),
            label_pattern: "{label}: {value}".into(),
        },
        header: Header {
            name: String::new(),
            headline: None,
            contacts: vec![],
        },
        sections: vec![],
        theme: Theme::default(),
    };
    for (_, data) in build(&empty) {
        parse(&data);
    }
}

#[test]
fn fitting_tightens_until_the_estimate_fits() {
    let doc = resume_tests::seed_document();
    let size = |bytes: &[u8]| {
        let parts = unzip(bytes);
        let styles = part(&parts, "word/styles.xml");
        let sz = styles
            .child("w:docDefaults")
            .unwrap()
            .val("w:sz")
            .unwrap()
            .to_owned();
        sz.parse::<u32>().unwrap()
    };
    let notes = |out: &resume_docx::DocxOutput| -> Vec<String> {
        out.notes.iter().map(ToString::to_string).collect()
    };
    let loose = docx_with_report(&doc, &DocxOptions::default()).unwrap();
    assert!(loose.notes.is_empty());
    assert_eq!(
        loose.pages, 2,
        "the seed takes two pages as the theme sets it"
    );
    let one = docx_with_report(
        &doc,
        &DocxOptions {
            fit_pages: Some(1),
            ..DocxOptions::default()
        },
    )
    .unwrap();
    assert_eq!(one.pages, 1);
    let one_notes = notes(&one);
    assert_eq!(one_notes.len(), 1, "{one_notes:?}");
    assert!(
        one_notes[0].starts_with("fit-pages 1: spacing tightened"),
        "{one_notes:?}"
    );
    assert!(matches!(one.notes[0], Note::Fit(_)));
    assert!(one.bytes != loose.bytes, "fitting changed the layout");
    assert!(size(&one.bytes) <= size(&loose.bytes));
    assert!(size(&one.bytes) >= 17, "never below the readable floor");

    // Three more bullets than the seed still fit, with less room.
    let mut dense = doc.clone();
    let SectionBody::Entries(jobs) = &mut dense.sections[1].body else {
        panic!("the seed's second section holds jobs");
    };
    for _ in 0..3 {
        jobs[0].bullets.push(Text::plain(
            "Extra words for one more line of text in this bullet here",
        ));
    }
    let dense_one = docx_with_report(
        &dense,
        &DocxOptions {
            fit_pages: Some(1),
            ..DocxOptions::default()
        },
    )
    .unwrap();
    assert!(
        notes(&dense_one)[0].starts_with("fit-pages 1: spacing tightened"),
        "{:?}",
        dense_one.notes
    );
    assert!(size(&dense_one.bytes) <= size(&one.bytes));
    assert!(
        size(&dense_one.bytes) >= 17,
        "never below the readable floor"
    );

    // Two pages hold the seed as the theme sets it.
    let two = docx_with_report(
        &doc,
        &DocxOptions {
            fit_pages: Some(2),
            ..DocxOptions::default()
        },
    )
    .unwrap();
    assert!(two.notes.is_empty(), "{:?}", two.notes);
    assert_eq!(two.bytes, loose.bytes);

    // Ten times the content cannot fit one page; all of it is kept, in the
    // theme's own layout.
    let mut long = doc.clone();
    for _ in 0..9 {
        long.sections.extend(doc.sections.iter().cloned());
    }
    let out = docx_with_report(
        &long,
        &DocxOptions {
            fit_pages: Some(1),
            ..DocxOptions::default()
        },
    )
    .unwrap();
    assert!(
        notes(&out)[0].contains("cannot fit on 1 page"),
        "{:?}",
        out.notes
    );
    assert_eq!(size(&out.bytes), size(&loose.bytes));
    let words = tokens(&body(&unzip(&out.bytes)).text());
    subsequence(&common::reading_order(&long), &words).unwrap();

    assert!(matches!(
        docx(
            &doc,
            &DocxOptions {
                fit_pages: Some(0),
                ..DocxOptions::default()
            }
        ),
        Err(DocxError::InvalidOption(_))
    ));
}

#[test]
fn the_format_interface_renders_the_same_file() {
    let doc = resume_tests::seed_document();
    let shared = Shared {
        timestamp: Some(EPOCH),
        fit_pages: Some(1),
        creator: "test".into(),
    };
    let out = Docx.render(&doc, &shared).unwrap();
    assert_eq!(Docx.extension(), "docx");
    assert!(Docx.paged());
    let direct = docx_with_report(
        &doc,
        &DocxOptions {
            timestamp: Some(EPOCH),
            fit_pages: Some(1),
        },
    )
    .unwrap();
    assert_eq!(out.bytes, direct.bytes);
    assert_eq!(out.pages, Some(1));
    assert_eq!(out.notes, direct.notes);
    let zero = Shared {
        fit_pages: Some(0),
        ..shared
    };
    assert!(Docx.render(&doc, &zero).is_err());
}
