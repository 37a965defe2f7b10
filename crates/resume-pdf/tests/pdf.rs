//! The PDF read back: text and its order, pages, metadata, links, fonts,
//! determinism, pagination, fitting and every built-in theme. The seed comes
//! from the repository's TOML through the real lowering; smaller documents
//! are built here.

mod support;

use std::collections::BTreeSet;

use lopdf::{Dictionary, Object};
use resume_document::{
    Color, Contact, ContactKind, Document, Entry, FitNote, Format, Header, Line, LineKind, Meta,
    Note, Paper, Section, SectionBody, Shared, Span, Text, Theme,
};
use resume_pdf::{Pdf, PdfError, PdfOptions, PdfOutput, layout_dump, pdf, pdf_with_report};
use resume_tests::{
    assert_golden_at, assert_words_in_order, fidelity, seed_document, seed_reference, seed_resume,
    tokens,
};

/// 2023-11-14T22:13:20Z.
const TIMESTAMP: i64 = 1_700_000_000;

fn render(doc: &Document, options: &PdfOptions) -> PdfOutput {
    pdf_with_report(doc, options).expect("the document renders")
}

fn dated() -> PdfOptions {
    PdfOptions {
        timestamp: Some(TIMESTAMP),
        ..PdfOptions::default()
    }
}

fn load(bytes: &[u8]) -> lopdf::Document {
    lopdf::Document::load_mem(bytes).expect("the PDF parses")
}

/// Text of each page, in content-stream order.
fn page_texts(pdf: &lopdf::Document) -> Vec<String> {
    let pages = pdf.get_pages();
    pages
        .keys()
        .map(|n| pdf.extract_text(&[*n]).expect("text extracts"))
        .collect()
}

fn all_text(bytes: &[u8]) -> String {
    page_texts(&load(bytes)).join("\n")
}

/// A string of the Info dictionary, decoded from UTF-16 or PDFDocEncoding.
fn info(pdf: &lopdf::Document, key: &str) -> Option<String> {
    let id = pdf.trailer.get(b"Info").ok()?.as_reference().ok()?;
    let dict = pdf.get_dictionary(id).ok()?;
    let bytes = dict.get(key.as_bytes()).ok()?.as_str().ok()?;
    Some(match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    })
}

/// Every link annotation: page number, target and border.
fn links(pdf: &lopdf::Document) -> Vec<(u32, String, Vec<f32>)> {
    let mut out = Vec::new();
    for (n, id) in pdf.get_pages() {
        let page = pdf.get_dictionary(id).expect("page");
        let Ok(annots) = page.get(b"Annots").and_then(Object::as_array) else {
            continue;
        };
        for annot in annots {
            let dict: &Dictionary = match annot {
                Object::Dictionary(d) => d,
                Object::Reference(r) => pdf.get_dictionary(*r).expect("annotation"),
                _ => continue,
            };
            let action = dict.get(b"A").and_then(Object::as_dict).expect("an action");
            let uri = action.get(b"URI").and_then(Object::as_str).expect("a URI");
            let border = dict
                .get(b"Border")
                .and_then(Object::as_array)
                .map(|a| a.iter().filter_map(|v| v.as_float().ok()).collect())
                .unwrap_or_default();
            out.push((n, String::from_utf8_lossy(uri).into_owned(), border));
        }
    }
    out
}

fn fonts(pdf: &lopdf::Document) -> Vec<&Dictionary> {
    pdf.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Type0")
        })
        .collect()
}

/// Runs `pdftotext` (poppler, what the evaluation kit and many ATS use).
/// Tests that call it are marked `#[cfg_attr(not(has_pdftotext), ignore)]`
/// (build.rs looks for it), so without it they are reported as ignored.
fn pdftotext(bytes: &[u8], args: &[&str]) -> String {
    let dir = std::env::temp_dir().join(format!("resume-pdf-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // Tests run in parallel threads: each call writes a file of its own.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = dir.join(format!(
        "{n}-{}.pdf",
        tokens(&format!("{args:?}")).join("-")
    ));
    std::fs::write(&path, bytes).expect("write pdf");
    let out = std::process::Command::new("pdftotext")
        .args(args)
        .arg(&path)
        .arg("-")
        .output();
    let _ = std::fs::remove_file(&path);
    match out {
        Ok(out) if out.status.success() => String::from_utf8(out.stdout).expect("utf-8"),
        Ok(out) => panic!("pdftotext failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(e) => panic!("cannot run pdftotext (apt-get install poppler-utils): {e}"),
    }
}

fn one_page() -> PdfOptions {
    PdfOptions {
        fit_pages: Some(1),
        ..dated()
    }
}

#[test]
fn seed_fits_one_letter_page_when_asked() {
    let out = render(&seed_document(), &one_page());
    assert_eq!(out.pages, 1, "notes: {:?}", out.notes);
    let pdf = load(&out.bytes);
    assert_eq!(pdf.get_pages().len(), 1);
    let page = pdf.get_dictionary(pdf.get_pages()[&1]).unwrap();
    let media: Vec<f32> = page
        .get(b"MediaBox")
        .and_then(Object::as_array)
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap())
        .collect();
    assert_eq!(media, [0.0, 0.0, 612.0, 792.0]);
}

#[test]
fn seed_keeps_every_word_in_stream_order() {
    let out = render(&seed_document(), &one_page());
    assert_words_in_order(&seed_reference(), &all_text(&out.bytes), 0.98);
}

#[test]
#[cfg_attr(
    not(has_pdftotext),
    ignore = "pdftotext (poppler-utils) is not installed"
)]
fn seed_reads_in_order_with_pdftotext() {
    for options in [one_page(), dated()] {
        let out = render(&seed_document(), &options);
        let text = pdftotext(&out.bytes, &["-enc", "UTF-8"]);
        assert_words_in_order(&seed_reference(), &text, PDFTOTEXT_ORDER);
        // Real spaces between words: the first bullet reads as words.
        assert!(text.contains("Worked on building and optimizing"), "{text}");
        assert!(
            !text
                .chars()
                .any(|c| ('\u{FB00}'..='\u{FB06}').contains(&c) || c == '\u{FFFD}')
        );
    }
}

#[test]
fn seed_is_small() {
    let out = render(&seed_document(), &one_page());
    assert!(out.bytes.len() <= 40 * 1024, "{} bytes", out.bytes.len());
}

/// The one byte-for-byte test: rendering is deterministic. What the pages
/// look like is compared as readable dumps (`layout_goldens`).
#[test]
fn same_input_same_bytes() {
    let doc = seed_document();
    let a = pdf(&doc, &dated()).unwrap();
    let b = pdf(&doc, &dated()).unwrap();
    assert!(a == b, "two renderings differ");
    let c = pdf(&doc, &PdfOptions::default()).unwrap();
    assert!(a != c, "the date must change the bytes");
    assert_eq!(c, pdf(&doc, &PdfOptions::default()).unwrap());
}

#[test]
fn metadata_comes_from_the_document_and_the_timestamp() {
    let doc = seed_document();
    let out = render(
        &doc,
        &PdfOptions {
            creator: "resume 9.9".into(),
            ..dated()
        },
    );
    let pdf = load(&out.bytes);
    assert_eq!(info(&pdf, "Title").as_deref(), Some("Wenqing Luo — Résumé"));
    assert_eq!(info(&pdf, "Author").as_deref(), Some("Wenqing Luo"));
    assert_eq!(
        info(&pdf, "Subject").as_deref(),
        Some("Résumé of Wenqing Luo")
    );
    assert_eq!(
        info(&pdf, "Keywords").as_deref(),
        Some(
            "C/C++, Python, Golang, Rust, JavaScript, TypeScript, Docker, Kubernetes, \
             Linux kernel, LLVM, UNIX network programming, Qemu, DPDK, Git, Node.js, SQL, \
             React.js, Vue.js, MongoDB, Redis, RabbitMQ, Protobuf"
        )
    );
    assert_eq!(info(&pdf, "Creator").as_deref(), Some("resume 9.9"));
    assert!(info(&pdf, "Producer").unwrap().contains("printpdf"));
    assert_eq!(
        info(&pdf, "CreationDate").as_deref(),
        Some("D:20231114221320+00'00'")
    );
    assert_eq!(
        info(&pdf, "ModDate").as_deref(),
        Some("D:20231114221320+00'00'")
    );
    let catalog = pdf.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en");

    // Without a timestamp no date is written.
    let undated = load(&render(&doc, &PdfOptions::default()).bytes);
    assert_eq!(info(&undated, "CreationDate"), None);
    assert_eq!(info(&undated, "ModDate"), None);
}

#[test]
fn contacts_and_inline_links_are_borderless_uri_annotations() {
    let out = render(&seed_document(), &dated());
    let pdf = load(&out.bytes);
    let links = links(&pdf);
    let uris: Vec<&str> = links.iter().map(|(_, u, _)| u.as_str()).collect();
    assert_eq!(
        uris,
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
    assert!(
        links
            .iter()
            .all(|(_, _, border)| border == &[0.0, 0.0, 0.0])
    );
}

/// Checks that every font is a Type 0 font with a subset tag, a ToUnicode
/// map and an embedded program (TrueType `FontFile2` or CFF `FontFile3`)
/// that is a subset; returns the font names without their tags.
#[track_caller]
fn assert_fonts_embedded_subset_and_mapped(bytes: &[u8]) -> BTreeSet<String> {
    let pdf = load(bytes);
    let mut names = BTreeSet::new();
    for font in fonts(&pdf) {
        let name = font.get(b"BaseFont").and_then(Object::as_name).unwrap();
        let name = String::from_utf8_lossy(name);
        let (tag, rest) = name.split_once('+').expect("a subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        names.insert(rest.to_string());
        assert!(font.get(b"ToUnicode").is_ok(), "{name} has no ToUnicode");
        let descendant = font
            .get(b"DescendantFonts")
            .and_then(Object::as_array)
            .unwrap()[0]
            .as_dict()
            .unwrap();
        let descriptor = pdf
            .get_dictionary(
                descendant
                    .get(b"FontDescriptor")
                    .unwrap()
                    .as_reference()
                    .unwrap(),
            )
            .unwrap();
        let file = descriptor
            .get(b"FontFile2")
            .or_else(|_| descriptor.get(b"FontFile3"))
            .unwrap_or_else(|_| panic!("{name} is not embedded"));
        let program = pdf
            .get_object(file.as_reference().unwrap())
            .unwrap()
            .as_stream()
            .unwrap();
        let mut program = program.clone();
        let _ = program.decompress();
        // A subset, not the 200 KB face.
        assert!(
            program.content.len() < 60_000,
            "{name}: {} bytes",
            program.content.len()
        );
    }
    names
}

#[test]
fn every_font_is_embedded_subset_and_mapped_to_unicode() {
    let out = render(&seed_document(), &dated());
    let names = assert_fonts_embedded_subset_and_mapped(&out.bytes);
    assert_eq!(
        names,
        BTreeSet::from([
            "NotoSans".into(),
            "NotoSans-Bold".into(),
            "NotoSans-Italic".into()
        ]),
        "regular, italic and bold are used"
    );
}

#[test]
fn paper_comes_from_the_theme() {
    let mut doc = seed_document();
    doc.theme.paper = Paper::A4;
    let pdf = load(&render(&doc, &dated()).bytes);
    let page = pdf.get_dictionary(pdf.get_pages()[&1]).unwrap();
    let media: Vec<f32> = page
        .get(b"MediaBox")
        .and_then(Object::as_array)
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap())
        .collect();
    assert_eq!(media, [0.0, 0.0, 595.276, 841.89]);
}

fn minimal(name: &str, sections: Vec<Section>) -> Document {
    Document {
        meta: Meta {
            title: format!("{name} — Résumé"),
            author: name.into(),
            subject: String::new(),
            keywords: Vec::new(),
            language: resume_document::LangTag::default(),
            direction: Default::default(),
            page_label: "Page {page} of {pages}".into(),
            label_pattern: "{label}: {value}".into(),
        },
        header: Header {
            name: name.into(),
            headline: Some("Engineer".into()),
            contacts: Vec::new(),
        },
        sections,
        theme: Theme::default(),
    }
}

fn entries(title: &str, list: Vec<Entry>) -> Section {
    Section {
        id: tokens(title).join("-"),
        title: title.into(),
        body: SectionBody::Entries(list),
    }
}

/// An entry whose words are all unique: "eNt" in the title, "eNbM" in
/// bullet M.
fn numbered_entry(n: usize, bullets: usize, words: usize) -> Entry {
    let bullet = |m: usize| {
        Text::plain(
            (0..words)
                .map(|w| format!("e{n}b{m}w{w}"))
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    support::entry(
        Text {
            spans: vec![Span::strong(format!("e{n}t")), Span::plain(" Company")],
        },
        support::dates("Jan 2020", "Feb 2021"),
        Some("Place"),
        vec![Line {
            text: Text::plain(format!("e{n}k Rust, Go")),
            kind: LineKind::Keywords,
        }],
        &(0..bullets).map(bullet).collect::<Vec<_>>(),
    )
}

fn page_of(pages: &[String], word: &str) -> usize {
    let found: Vec<usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, t)| tokens(t).iter().any(|w| w == word))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(found.len(), 1, "{word} is on pages {found:?}");
    found[0]
}

#[test]
fn an_entry_heading_stays_with_its_first_bullet_and_lines_stay_whole() {
    // Enough entries that several straddle page ends wherever they fall.
    let list = (0..24).map(|n| numbered_entry(n, 3, 30)).collect();
    let doc = minimal("Pat Doe", vec![entries("Experience", list)]);
    let out = render(&doc, &dated());
    assert!(out.pages >= 3, "{} pages", out.pages);
    let pages = page_texts(&load(&out.bytes));
    for n in 0..24 {
        let heading = page_of(&pages, &format!("e{n}t"));
        assert_eq!(page_of(&pages, &format!("e{n}k")), heading, "entry {n}");
        assert_eq!(page_of(&pages, &format!("e{n}b0w0")), heading, "entry {n}");
        for m in 0..3 {
            // A bullet of three lines is never split.
            assert_eq!(
                page_of(&pages, &format!("e{n}b{m}w0")),
                page_of(&pages, &format!("e{n}b{m}w29")),
                "bullet {n}.{m}"
            );
        }
    }
}

#[test]
fn a_section_title_never_ends_a_page() {
    // Pad the first page with one-line bullets so that the second section's
    // title falls at each possible height near the bottom in turn.
    let mut pushed = false;
    for pad in 36..60 {
        let first = entries("Experience", vec![numbered_entry(0, pad, 3)]);
        let second = entries("Education", vec![numbered_entry(1, 1, 3)]);
        let doc = minimal("Pat Doe", vec![first, second]);
        let out = render(&doc, &dated());
        let pages = page_texts(&load(&out.bytes));
        let title = page_of(&pages, "education");
        assert_eq!(title, page_of(&pages, "e1t"), "pad {pad}");
        assert_eq!(title, page_of(&pages, "e1b0w0"), "pad {pad}");
        pushed |= title == 1 && page_of(&pages, &format!("e0b{}w0", pad - 1)) == 0;
    }
    assert!(
        pushed,
        "no padding put the title at a page end; adjust the range"
    );
}

#[test]
fn a_long_resume_runs_over_pages_with_numbers_and_loses_nothing() {
    let sections: Vec<Section> = (0..6)
        .map(|s| {
            entries(
                &format!("Section s{s}x"),
                (0..6).map(|n| numbered_entry(s * 10 + n, 4, 25)).collect(),
            )
        })
        .collect();
    // In every theme: footers, page numbers and reading order hold
    // whatever the titles, columns and rules look like.
    for name in resume_model::THEMES {
        let mut doc = minimal("Pat Doe", sections.clone());
        doc.theme = Theme::builtin(name).expect("a built-in theme");
        let out = render(&doc, &dated());
        assert!(out.pages >= 4, "{name}: {} pages", out.pages);
        let pages = page_texts(&load(&out.bytes));
        for (i, text) in pages.iter().enumerate() {
            assert!(
                text.contains(&format!("Page {} of {}", i + 1, out.pages)),
                "{name}: page {} has no number",
                i + 1
            );
            assert!(text.contains("Pat Doe"), "{name}: page {} footer", i + 1);
        }
        // Every word, in order.
        let mut expected = String::new();
        for s in 0..6 {
            expected.push_str(&format!(" s{s}x"));
            for n in 0..6 {
                let e = s * 10 + n;
                expected.push_str(&format!(" e{e}t e{e}k"));
                for m in 0..4 {
                    for w in 0..25 {
                        expected.push_str(&format!(" e{e}b{m}w{w}"));
                    }
                }
            }
        }
        let text = pages.join("\n");
        let wanted = tokens(&expected);
        let found: Vec<String> = tokens(&text)
            .into_iter()
            .filter(|t| wanted.contains(t))
            .collect();
        assert_eq!(found, wanted, "{name}");
    }
}

#[test]
fn fit_pages_tightens_and_reports_or_says_it_cannot() {
    // The seed at the theme's sizes takes more than a page; fitting fixes it.
    let doc = seed_document();
    let natural = render(&doc, &dated());
    let fitted = render(&doc, &one_page());
    assert_eq!(fitted.pages, 1);
    if natural.pages > 1 {
        assert!(
            matches!(
                fitted.notes[..],
                [Note::Fit(FitNote::Tightened { pages: 1, .. })]
            ),
            "{:?}",
            fitted.notes
        );
    }
    // Already fitting: nothing to change or report.
    let small = minimal(
        "Pat Doe",
        vec![entries("Experience", vec![numbered_entry(0, 2, 5)])],
    );
    assert!(render(&small, &one_page()).notes.is_empty());

    // Far too long for one page: it says so and keeps everything.
    let long = minimal(
        "Pat Doe",
        vec![entries(
            "Experience",
            (0..40).map(|n| numbered_entry(n, 4, 30)).collect(),
        )],
    );
    let out = render(&long, &one_page());
    assert!(out.pages > 1);
    assert!(
        matches!(
            out.notes[..],
            [Note::Fit(FitNote::CannotFit { target: 1, .. })]
        ),
        "{:?}",
        out.notes
    );
    // The theme's own layout is kept: as many pages as without fitting.
    assert_eq!(out.pages, render(&long, &dated()).pages);
    let text = all_text(&out.bytes);
    assert!(tokens(&text).contains(&"e39b3w29".to_string()));

    let zero = pdf_with_report(
        &small,
        &PdfOptions {
            fit_pages: Some(0),
            ..dated()
        },
    );
    assert!(matches!(zero, Err(PdfError::InvalidOption(_))));
}

#[test]
fn characters_no_font_has_are_an_error_that_names_them() {
    let mut doc = minimal("Pat Doe", Vec::new());
    // Neither bundled family has a telephone sign or Chinese; Libertinus
    // Serif lends Noto Sans its star.
    doc.header.headline = Some("Rated ★ ☎ 中文".into());
    match pdf(&doc, &dated()) {
        Err(PdfError::MissingGlyphs { chars }) => {
            // The telephone sign is a pictograph: left out, not an error.
            assert_eq!(chars, ['中', '文']);
        }
        other => panic!("expected missing glyphs, got {other:?}"),
    }
    // Through the Format interface the message says what to do.
    let err = Pdf::default()
        .render(&doc, &Shared::default())
        .expect_err("missing glyphs");
    assert!(
        err.message.contains("'中' (U+4E2D)") && err.message.contains("install a font"),
        "{err}"
    );
    assert_eq!(err.chars, ['中', '文']);
}

#[test]
#[cfg_attr(
    not(all(has_dejavu, has_pdftotext)),
    ignore = "needs fonts-dejavu-core and pdftotext (poppler-utils)"
)]
fn missing_characters_come_from_the_fallback_fonts() {
    let path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    let bytes = std::fs::read(path).expect("DejaVu Sans (fonts-dejavu-core)");
    let mut db = fontdb::Database::new();
    db.load_font_data(bytes);
    let mut doc = minimal("Pat Doe", Vec::new());
    doc.header.headline = Some("Rated ★★★ ✓".into());
    let out = render(
        &doc,
        &PdfOptions {
            fallback_fonts: vec![std::sync::Arc::new(db)],
            ..dated()
        },
    );
    // The check mark is borrowed; the star comes from the other bundled
    // family, which needs no note.
    assert_eq!(
        out.notes,
        [Note::FontBorrowed {
            face: "DejaVu Sans".into(),
            chars: "✓".into()
        }]
    );
    let pdf = load(&out.bytes);
    let names: BTreeSet<String> = fonts(&pdf)
        .iter()
        .map(|f| {
            String::from_utf8_lossy(f.get(b"BaseFont").unwrap().as_name().unwrap()).into_owned()
        })
        .collect();
    assert!(names.iter().any(|n| n.contains("+DejaVuSans")), "{names:?}");
    // lopdf puts a space at each change of font; pdftotext does not.
    let text = all_text(&out.bytes)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("Rated ★★★ ✓"), "{text:?}");
    let text = pdftotext(&out.bytes, &["-enc", "UTF-8"]);
    assert!(text.contains("Rated ★★★ ✓"), "{text:?}");
}

/// A font database of the given files.
fn db_of(files: &[&str]) -> std::sync::Arc<fontdb::Database> {
    let mut db = fontdb::Database::new();
    for f in files {
        db.load_font_data(std::fs::read(f).unwrap_or_else(|e| panic!("{f}: {e}")));
    }
    std::sync::Arc::new(db)
}

/// pdftotext's text without the bidirectional marks it adds around runs.
fn logical_text(bytes: &[u8]) -> String {
    pdftotext(bytes, &["-enc", "UTF-8"])
        .chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'))
        .collect()
}

/// The x of the first dumped text line of `tag` that holds `text`.
fn dumped_x(dump: &str, tag: &str, text: &str) -> f32 {
    let line = dump
        .lines()
        .find(|l| l.trim_start().starts_with(tag) && l.contains(text))
        .unwrap_or_else(|| panic!("no {tag} line with {text:?} in\n{dump}"));
    line.split_whitespace()
        .find_map(|w| w.strip_prefix("x="))
        .and_then(|x| x.parse().ok())
        .expect("an x")
}

#[test]
#[cfg_attr(
    not(all(has_noto_core, has_pdftotext)),
    ignore = "needs fonts-noto-core and pdftotext (poppler-utils)"
)]
fn right_to_left_pages_are_mirrored_and_extract_in_logical_order() {
    let job = support::entry(
        Text {
            spans: vec![Span::strong("Wix"), Span::plain(" • מהנדסת תוכנה בכירה")],
        },
        support::dates("מרץ 2019", "היום"),
        Some("תל אביב"),
        Vec::new(),
        &[Text::plain(
            "בניתי שירות API ב-Rust שמטפל ב-10,000 בקשות בשנייה (פי 3 מהקודם).",
        )],
    );
    let mut doc = minimal("דנה כהן", vec![entries("ניסיון תעסוקתי", vec![job])]);
    doc.header.headline = Some("מהנדסת תוכנה".into());
    doc.meta.language = resume_document::LangTag::parse("he").unwrap();
    doc.meta.direction = resume_document::Direction::Rtl;
    let options = PdfOptions {
        fallback_fonts: vec![db_of(&[
            "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
            "/usr/share/fonts/truetype/noto/NotoSansHebrew-Bold.ttf",
        ])],
        ..dated()
    };
    let out = render(&doc, &options);
    // The page is mirrored: the name ends at the right margin, the dates
    // stand at the left one, the text of a line runs from the right.
    let dump = resume_pdf::layout_dump(&doc, &options).expect("dump");
    let margin = doc.theme.margins.left;
    assert!(dumped_x(&dump, "H1", "") > 400.0, "{dump}");
    // (The dump shows glyphs in visual order: "היום" reads "םויה".)
    assert!(
        (dumped_x(&dump, "P", "םויה") - margin).abs() < 0.5,
        "{dump}"
    );
    // Hebrew letters come from a Hebrew face of the sans family the theme
    // sets, not from the bundled serif, which also has Hebrew.
    assert!(!dump.contains("LibertinusSerif"), "{dump}");
    // Latin words and numbers keep their own order inside the Hebrew.
    assert!(dump.contains("\"Rust\"") || dump.contains("Rust"), "{dump}");
    // Extracted, the text reads in logical order.
    let text = logical_text(&out.bytes);
    let reference = "דנה כהן מהנדסת תוכנה ניסיון תעסוקתי Wix מהנדסת תוכנה בכירה \
                     בניתי שירות API ב-Rust שמטפל ב-10,000 בקשות בשנייה פי 3 מהקודם";
    assert_words_in_order(reference, &text, 0.98);
}

fn contact(kind: ContactKind, text: &str, url: Option<&str>) -> Contact {
    Contact {
        kind,
        text: text.into(),
        label: format!("{kind:?}"),
        url: url.map(|u| resume_document::SafeUrl::parse(u).expect("a safe link")),
    }
}

/// A right-to-left résumé in `lang` of one entry with one highlight, and
/// options that borrow the named Noto faces for its script.
fn right_to_left(
    lang: &str,
    (name, section, company): (&str, &str, &str),
    highlight: &str,
    faces: &[&str],
) -> (Document, PdfOptions) {
    let job = support::entry(
        Text::plain(company),
        support::dates("2020", "2024"),
        None,
        Vec::new(),
        &[Text::plain(highlight)],
    );
    let mut doc = minimal(name, vec![entries(section, vec![job])]);
    doc.meta.language = resume_document::LangTag::parse(lang).unwrap();
    doc.meta.direction = resume_document::Direction::Rtl;
    let paths: Vec<String> = faces
        .iter()
        .map(|f| format!("/usr/share/fonts/truetype/noto/{f}.ttf"))
        .collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let options = PdfOptions {
        fallback_fonts: vec![db_of(&paths)],
        ..dated()
    };
    (doc, options)
}

#[test]
#[cfg_attr(
    not(all(has_noto_core, has_pdftotext)),
    ignore = "needs fonts-noto-core and pdftotext (poppler-utils)"
)]
fn right_to_left_contacts_and_marked_words_extract_whole_and_in_order() {
    // Left-to-right items of a Hebrew contact line, and Arabic words whose
    // marks (tanwin) are drawn over a letter or a lam-alef ligature.
    let (mut doc, options) = right_to_left(
        "ar",
        ("نوعה", "الخبرة", "مصرف الواحة"),
        "أعمل يومياً مع Spark بدلاً من Excel",
        &[
            "NotoSansHebrew-Regular",
            "NotoSansArabic-Regular",
            "NotoSansArabic-Bold",
        ],
    );
    doc.header.contacts = vec![
        contact(
            ContactKind::Phone,
            "054-123-4567",
            Some("tel:+972541234567"),
        ),
        contact(
            ContactKind::Email,
            "noa@example.co.il",
            Some("mailto:noa@example.co.il"),
        ),
        contact(
            ContactKind::Website,
            "noa.example.co.il",
            Some("https://noa.example.co.il"),
        ),
        contact(ContactKind::Location, "תל אביב", None),
    ];
    let out = render(&doc, &options);
    let text = logical_text(&out.bytes);
    let words = tokens(&text);
    for whole in ["يومياً", "بدلاً"] {
        assert!(
            words.iter().any(|w| w == whole),
            "{whole} is not whole in {text:?}"
        );
    }
    let at = |w: &str| text.find(w).unwrap_or_else(|| panic!("no {w} in {text:?}"));
    assert!(
        at("054-123-4567") < at("noa@example.co.il")
            && at("noa@example.co.il") < at("noa.example.co.il")
            && at("noa.example.co.il") < at("תל"),
        "{text:?}"
    );
}

#[test]
#[cfg_attr(
    not(all(has_noto_core, has_pdftotext)),
    ignore = "needs fonts-noto-core and pdftotext (poppler-utils)"
)]
fn one_glyph_standing_for_two_texts_extracts_as_each() {
    // Right to left, "(" is drawn with the glyph of ")" (mirrored), and the
    // left-to-right "(REST)" draws ")" with that same glyph: a font's
    // character map gives each glyph one text, so one of the two must carry
    // its own.
    let (doc, options) = right_to_left(
        "he",
        ("נועה", "ניסיון", "חברה"),
        "בניתי שירות (פנימי) עם ממשק REST (JSON) API לכל הצוותים",
        &["NotoSansHebrew-Regular", "NotoSansHebrew-Bold"],
    );
    let out = render(&doc, &options);
    let text = logical_text(&out.bytes);
    for bracketed in ["(פנימי)", "(JSON)"] {
        assert!(text.contains(bracketed), "no {bracketed} in {text:?}");
    }
}

#[test]
#[cfg_attr(not(has_pdftotext), ignore = "needs pdftotext (poppler-utils)")]
fn a_wrapped_heading_keeps_its_dates_at_its_end() {
    let title = "Rückversicherungsgesellschaft Alpenland AG • Leitende Softwarearchitektin \
                 für Kraftfahrzeughaftpflichtversicherung und Schadensregulierung";
    let job = support::entry(
        Text::plain(title),
        support::dates("10.2019", "heute"),
        Some("München"),
        vec![Line {
            text: Text::plain("Java, Kotlin, Kafka"),
            kind: LineKind::Keywords,
        }],
        &[Text::plain(
            "Ablösung des Schadensregulierungssystems vom Großrechner auf eine \
             ereignisgesteuerte Microservice-Architektur; Bearbeitungszeit je \
             Schadensfall um 34 % gesenkt.",
        )],
    );
    let mut doc = minimal("Johanna", vec![entries("Berufserfahrung", vec![job])]);
    doc.meta.language = resume_document::LangTag::parse("de").unwrap();
    let options = dated();
    let dump = resume_pdf::layout_dump(&doc, &options).expect("dump");
    let y = |needle: &str| -> f32 {
        let line = dump
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no {needle:?} in\n{dump}"));
        line.split_whitespace()
            .find_map(|w| w.strip_prefix("y="))
            .and_then(|v| v.parse().ok())
            .expect("a y")
    };
    // The heading wraps: the dates stand beside its last line, the place
    // on the row below.
    assert!(
        y("Schadensregulierung") > y("Rückversicherungsgesellschaft"),
        "{dump}"
    );
    assert_eq!(y("10.2019"), y("Schadensregulierung"), "{dump}");
    assert!(y("München") > y("10.2019"), "{dump}");
    // Read as text extractors do: the heading whole, then its lines, then
    // the dates and the place.
    let text = pdftotext(&render(&doc, &options).bytes, &["-enc", "UTF-8"]);
    let reference = format!("{title} Java Kotlin Kafka 10.2019 heute München Ablösung");
    assert_words_in_order(&reference, &text, 1.0);
}

#[test]
#[cfg_attr(
    not(all(has_noto_cjk, has_pdftotext)),
    ignore = "needs fonts-noto-cjk and pdftotext (poppler-utils)"
)]
fn chinese_breaks_between_ideographs_never_before_closing_punctuation() {
    let sentence = "负责字节跳动的 Kubernetes 集群调度系统，将资源利用率提高了百分之三十。\
                    设计并实现了基于 Rust 的日志采集服务（每秒处理十万条记录），\
                    支持「多租户」隔离、灰度发布与自动扩缩容。";
    let mut doc = minimal(
        "王小明",
        vec![Section {
            id: "s".into(),
            title: "个人简介".into(),
            body: SectionBody::Paragraphs(vec![Text::plain(sentence)]),
        }],
    );
    doc.meta.language = resume_document::LangTag::parse("zh").unwrap();
    let options = PdfOptions {
        fallback_fonts: vec![db_of(&[
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        ])],
        ..dated()
    };
    let out = render(&doc, &options);
    // The Simplified Chinese cut of the CJK family, for a Chinese résumé.
    assert!(
        out.notes
            .iter()
            .any(|n| matches!(n, Note::FontBorrowed { face, .. } if face == "Noto Sans CJK SC")),
        "{:?}",
        out.notes
    );
    let dump = resume_pdf::layout_dump(&doc, &options).expect("dump");
    let lines: Vec<String> = dump
        .lines()
        .filter(|l| l.trim_start().starts_with("P "))
        .filter_map(|l| {
            l.split_once('"')
                .map(|(_, t)| t.trim_end_matches('"').to_string())
        })
        .collect();
    assert!(lines.len() >= 2, "the paragraph wraps: {lines:?}");
    for line in &lines[1..] {
        let first = line.chars().next().expect("a character");
        assert!(
            !"。，、）」".contains(first),
            "a line starts with {first:?}: {lines:?}"
        );
    }
    // No space is put between ideographs where a line breaks, and the
    // characters extract in order.
    let text: String = pdftotext(&out.bytes, &["-enc", "UTF-8"])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let expected: String = sentence.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(text.contains(&expected), "{text}");
}

#[test]
fn pictographs_no_font_has_are_left_out_with_a_note() {
    let mut doc = minimal("Pat Doe", Vec::new());
    doc.header.headline = Some("Rust 🦀 and coffee ☕".into());
    let out = render(&doc, &dated());
    assert_eq!(
        out.notes,
        [Note::Omitted {
            chars: vec!['☕', '🦀']
        }]
    );
    let text = all_text(&out.bytes);
    assert!(text.contains("Rust") && text.contains("coffee"), "{text}");
    assert!(!text.contains('🦀'), "{text}");
}

#[test]
fn odd_documents_render_without_panicking() {
    // Empty everything.
    let empty = minimal("", Vec::new());
    assert_eq!(render(&empty, &dated()).pages, 1);
    // A word wider than the line, control characters, right-to-left text,
    // ligature characters, sections with empty bodies and no titles.
    let long_word = "x".repeat(400);
    let doc = minimal(
        "Pat Doe",
        vec![
            Section {
                id: "a".into(),
                title: String::new(),
                body: SectionBody::Paragraphs(vec![
                    Text::plain(format!("{long_word} tail")),
                    Text::plain("tab\there \u{0007}bell zero\u{200B}width ﬁne Ελληνικά Кириллица"),
                    Text::default(),
                ]),
            },
            Section {
                id: "b".into(),
                title: "Empty".into(),
                body: SectionBody::List(Vec::new()),
            },
            entries(
                "Roles",
                vec![{
                    let mut e = numbered_entry(0, 1, 3);
                    e.roles = vec![numbered_entry(1, 2, 3), numbered_entry(2, 0, 0)];
                    e.title = Text::default();
                    e
                }],
            ),
        ],
    );
    let out = render(&doc, &dated());
    let text = all_text(&out.bytes);
    for word in [
        "tail",
        "fine",
        "bell",
        "zerowidth",
        "ελληνικά",
        "e1t",
        "e2t",
        "e1b1w2",
    ] {
        assert!(
            tokens(&text).iter().any(|t| t == word),
            "{word} missing from {text}"
        );
    }
    assert_eq!(
        tokens(&text)
            .iter()
            .filter(|t| t.starts_with("xxx"))
            .map(|t| t.len())
            .sum::<usize>(),
        400
    );

    // Absurd numbers in a theme fall back to usable ones (the design
    // decides how); the page still renders.
    let mut bad = minimal("Pat Doe", Vec::new());
    bad.theme.body_size = f32::NAN;
    bad.theme.margins.left = 560.0;
    bad.theme.leading = -1.0;
    bad.theme.bullet = String::new();
    assert_eq!(render(&bad, &dated()).pages, 1);
    let out_of_range = pdf(
        &doc,
        &PdfOptions {
            timestamp: Some(i64::MAX),
            ..dated()
        },
    );
    assert!(matches!(out_of_range, Err(PdfError::InvalidTimestamp(_))));
}

#[test]
fn the_pdf_is_tagged_with_headings_and_paragraphs_in_reading_order() {
    let out = render(&seed_document(), &dated());
    let pdf = load(&out.bytes);
    let catalog = pdf.catalog().unwrap();
    let marked = catalog.get(b"MarkInfo").and_then(Object::as_dict).unwrap();
    assert!(marked.get(b"Marked").unwrap().as_bool().unwrap());
    let root = pdf
        .get_dictionary(
            catalog
                .get(b"StructTreeRoot")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap();
    let document = pdf
        .get_dictionary(root.get(b"K").unwrap().as_reference().unwrap())
        .unwrap();
    assert_eq!(document.get(b"S").unwrap().as_name().unwrap(), b"Document");
    let kinds: Vec<String> = document
        .get(b"K")
        .and_then(Object::as_array)
        .unwrap()
        .iter()
        .map(|k| {
            let elem = pdf.get_dictionary(k.as_reference().unwrap()).unwrap();
            String::from_utf8_lossy(elem.get(b"S").unwrap().as_name().unwrap()).into_owned()
        })
        .collect();
    // The name, the contact line, a section title, an entry's title and its
    // dates, then the degree.
    assert_eq!(kinds[..6], ["H1", "P", "H2", "H3", "P", "P"]);
    assert_eq!(kinds.iter().filter(|k| *k == "H2").count(), 4);
    // Every page says which structure elements its content belongs to.
    for id in pdf.get_pages().values() {
        let page = pdf.get_dictionary(*id).unwrap();
        assert!(page.get(b"StructParents").is_ok());
    }
}

/// The seed lowered in a built-in theme.
fn seed_in(theme: &str) -> Document {
    resume_document::lower(
        &seed_resume(),
        &resume_document::Options {
            theme: Some(Theme::builtin(theme).expect("a built-in theme")),
            ..Default::default()
        },
    )
}

/// How much of the seed pdftotext must read in the reference's order. Its
/// reading order is its own: it groups text into blocks by font size and
/// distance and reads columns of blocks, so where a theme's dates stand (a
/// left column, or flush right beside a title and a line of the same size)
/// decides where it reads them, whatever the content stream says. A date
/// column stands close enough to its row to be read as one line with it.
const PDFTOTEXT_ORDER: f64 = 0.98;

#[test]
fn every_theme_sets_the_seed_on_one_page_with_every_word_and_embedded_fonts() {
    for name in resume_model::THEMES {
        let out = render(&seed_in(name), &one_page());
        assert_eq!(out.pages, 1, "{name}: {:?}", out.notes);
        let fonts = assert_fonts_embedded_subset_and_mapped(&out.bytes);
        assert!(
            fonts
                .iter()
                .all(|f| f.starts_with("NotoSans") || f.starts_with("LibertinusSerif")),
            "{name}: {fonts:?}"
        );
        // The content stream (and the structure tree) is in reading order.
        assert_words_in_order(&seed_reference(), &all_text(&out.bytes), 0.98);
    }
}

#[test]
#[cfg_attr(
    not(has_pdftotext),
    ignore = "pdftotext (poppler-utils) is not installed"
)]
fn every_theme_reads_in_order_with_pdftotext() {
    for name in resume_model::THEMES {
        let out = render(&seed_in(name), &one_page());
        let text = pdftotext(&out.bytes, &["-enc", "UTF-8"]);
        let f = fidelity(&seed_reference(), &text);
        eprintln!("{name}: pdftotext order {:.4}", f.order);
        assert_words_in_order(&seed_reference(), &text, PDFTOTEXT_ORDER);
    }
}

#[test]
fn layout_goldens() {
    for name in resume_model::THEMES {
        let dump = layout_dump(&seed_in(name), &one_page()).expect("lays out");
        // After a change was looked at (`cargo run -p resume-pdf --example
        // seed`, then pdftoppm -png -r 80), BLESS=1 rewrites the dumps.
        let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(format!("{name}.layout.txt"));
        assert_golden_at(&golden, &dump);
    }
}

/// The dump without colours, for comparing positions.
fn without_colours(dump: &str) -> String {
    dump.split_whitespace()
        .filter(|w| !(w.starts_with('#') && w.len() == 7))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The fill colours set on the first page, as 0–255 components.
fn fill_colours(bytes: &[u8]) -> BTreeSet<[u8; 3]> {
    let pdf = load(bytes);
    let page = pdf.get_pages()[&1];
    let content = pdf.get_and_decode_page_content(page).expect("content");
    content
        .operations
        .iter()
        .filter(|op| op.operator == "rg")
        .map(|op| {
            let c: Vec<u8> = op
                .operands
                .iter()
                .map(|v| (v.as_float().unwrap_or(0.0) * 255.0).round() as u8)
                .collect();
            [c[0], c[1], c[2]]
        })
        .collect()
}

#[test]
fn an_accent_override_changes_colours_and_nothing_else() {
    let base = seed_in("classic");
    let mut red = base.clone();
    red.theme.colors.accent = Color::rgb(0x9b, 0x1c, 0x1c);
    let (a, b) = (
        layout_dump(&base, &one_page()).unwrap(),
        layout_dump(&red, &one_page()).unwrap(),
    );
    assert_ne!(a, b);
    assert_eq!(without_colours(&a), without_colours(&b));
    let blue = fill_colours(&render(&base, &one_page()).bytes);
    let reds = fill_colours(&render(&red, &one_page()).bytes);
    assert!(blue.contains(&[0x00, 0x4f, 0x90]), "{blue:?}");
    assert!(reds.contains(&[0x9b, 0x1c, 0x1c]), "{reds:?}");
    assert!(!reds.contains(&[0x00, 0x4f, 0x90]), "{reds:?}");
    // The text's own colour is untouched.
    assert!(reds.contains(&[0x1a, 0x1a, 0x1a]), "{reds:?}");
}

#[test]
fn each_theme_draws_its_own_titles_dates_and_links() {
    let dump = |name: &str| layout_dump(&seed_in(name), &one_page()).unwrap();
    let count = |text: &str, kind: &str| {
        text.lines()
            .filter(|l| l.trim_start().starts_with(kind))
            .count()
    };
    let classic = dump("classic");
    let traditional = dump("traditional");
    let compact = dump("compact");
    let timeline = dump("timeline");
    // A rule beside each of the four section titles; links coloured only.
    assert_eq!(count(&classic, "rule"), 4, "{classic}");
    assert_eq!(count(&classic, "underline"), 0);
    // Rules across the measure under the titles; links underlined.
    for d in [&traditional, &compact] {
        assert_eq!(count(d, "rule"), 4, "{d}");
        assert!(count(d, "underline") >= 5, "{d}");
    }
    // Bands behind the titles, no rules.
    assert_eq!(count(&timeline, "band"), 4, "{timeline}");
    assert_eq!(count(&timeline, "rule"), 0);
    // Upper-case titles are written in capitals.
    assert!(compact.contains("\"WORK EXPERIENCE\""), "{compact}");
    // Dates to the left of the entries in the timeline, to the right in
    // the others.
    let x_of = |d: &str, text: &str| -> f32 {
        let line = d
            .lines()
            .find(|l| l.contains(text))
            .unwrap_or_else(|| panic!("{text} in {d}"));
        let x = line
            .split_whitespace()
            .find_map(|w| w.strip_prefix("x="))
            .unwrap();
        x.parse().unwrap()
    };
    assert!(x_of(&timeline, "\"Jun 2020 –") < x_of(&timeline, "\"Alibaba Group"));
    assert!(x_of(&classic, "\"Jun 2020 –") > x_of(&classic, "\"Alibaba Group"));
}

#[test]
#[cfg_attr(
    not(has_pdftotext),
    ignore = "pdftotext (poppler-utils) is not installed"
)]
fn small_capitals_read_as_the_words_they_stand_for() {
    // Libertinus Serif has small capitals of its own (traditional); Noto
    // Sans has none, so they are synthesized from its capitals.
    let mut synthesized = seed_in("classic");
    synthesized.theme.section_titles.case = resume_document::Case::SmallCaps;
    synthesized.theme.header.name_case = resume_document::Case::SmallCaps;
    for doc in [seed_in("traditional"), synthesized] {
        let out = render(&doc, &one_page());
        // lopdf puts a space at each change of font; pdftotext does not.
        let text = all_text(&out.bytes)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for words in ["Wenqing Luo", "Work Experience", "Technical Skills"] {
            assert!(text.contains(words), "{words} in {text}");
        }
        let text = pdftotext(&out.bytes, &["-enc", "UTF-8"]);
        for words in ["Wenqing Luo", "Work Experience", "Technical Skills"] {
            assert!(text.contains(words), "{words} in {text}");
        }
        assert_fonts_embedded_subset_and_mapped(&out.bytes);
    }
}

#[test]
fn the_format_interface_renders_with_the_shared_options() {
    let format = Pdf::default();
    assert_eq!(format.extension(), "pdf");
    assert!(format.paged());
    let shared = Shared {
        timestamp: Some(TIMESTAMP),
        fit_pages: Some(1),
        creator: "resume 9.9".into(),
    };
    let doc = seed_document();
    let out = format.render(&doc, &shared).expect("renders");
    assert_eq!(out.pages, Some(1));
    let direct = render(
        &doc,
        &PdfOptions {
            creator: "resume 9.9".into(),
            ..one_page()
        },
    );
    assert_eq!(out.bytes, direct.bytes);
    assert_eq!(out.notes, direct.notes);
}
