//! The seed résumé in every built-in theme: the structure résumé parsers
//! rely on survives every look, and every option of the theme reaches the
//! file in the form Word can show inside one column of paragraphs.

mod common;

use common::ooxml::{El, Node, parse, part, subsequence, tokens, unzip};
use common::{date_words, reading_order, seed_in};
use resume_document::{
    Align, Case, Color, DatesAt, Design, Document, SectionBody, TextStyle, TitleStyle,
};
use resume_docx::{DocxOptions, docx};
use resume_model::design::{ColorRole, Setting};

/// As the CLI builds it: a fixed date, fitted to one page.
fn options() -> DocxOptions {
    DocxOptions {
        timestamp: Some(1_700_000_000),
        fit_pages: Some(1),
    }
}

fn build(doc: &Document) -> Vec<(String, Vec<u8>)> {
    unzip(&docx(doc, &options()).expect("the DOCX is written"))
}

fn style<'a>(styles: &'a El, id: &str) -> &'a El {
    styles
        .all("w:style")
        .into_iter()
        .find(|s| s.attr("w:styleId") == Some(id))
        .unwrap_or_else(|| panic!("no style {id}"))
}

/// Whether the run properties directly inside `style` have `flag`.
fn has(style: &El, flag: &str) -> bool {
    style
        .child("w:rPr")
        .is_some_and(|r| r.child(flag).is_some())
}

/// The levels of our lists: docx-rs adds a numbering of its own, id 1,
/// that nothing uses.
fn bullet_levels(numbering: &El) -> Vec<&El> {
    numbering
        .all("w:abstractNum")
        .into_iter()
        .filter(|a| a.attr("w:abstractNumId") != Some("1"))
        .flat_map(|a| a.all("w:lvl"))
        .collect()
}

fn hex(c: Color) -> String {
    c.hex_upper()
}

#[test]
fn every_theme_keeps_the_structure_parsers_read() {
    for name in resume_model::THEMES {
        let doc = seed_in(name);
        let parts = build(&doc);
        for (_, bytes) in &parts {
            parse(bytes);
        }
        let document = part(&parts, "word/document.xml");
        for banned in ["w:tbl", "w:txbxContent", "w:drawing", "w:pict", "w:framePr"] {
            assert!(document.all(banned).is_empty(), "{name}: {banned}");
        }
        let body = document.child("w:body").unwrap();
        let paras: Vec<(&str, String)> = body
            .all("w:p")
            .into_iter()
            .map(|p| (p.style(), p.text()))
            .collect();
        assert_eq!(paras[0], ("Title", "Wenqing Luo".to_owned()), "{name}");
        assert_eq!(paras[1].0, "ContactInfo", "{name}");
        assert!(paras[1].1.contains("wenqing4@illinois.edu"), "{name}");

        // Section titles, as written, are the Heading 1 paragraphs; entries
        // are Heading 2.
        let h1: Vec<&str> = paras
            .iter()
            .filter(|(s, _)| *s == "Heading1")
            .map(|(_, t)| t.as_str())
            .collect();
        let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(h1, titles, "{name}");
        let entries: usize = doc
            .sections
            .iter()
            .map(|s| match &s.body {
                SectionBody::Entries(es) => es.len(),
                _ => 0,
            })
            .sum();
        let h2 = paras.iter().filter(|(s, _)| *s == "Heading2").count();
        assert_eq!(h2, entries, "{name}");

        // The built-in heading styles are defined under their own names.
        let styles = part(&parts, "word/styles.xml");
        for (id, word_name) in [
            ("Title", "Title"),
            ("Heading1", "heading 1"),
            ("Heading2", "heading 2"),
            ("Heading3", "heading 3"),
            ("ListBullet", "List Bullet"),
            ("Hyperlink", "Hyperlink"),
        ] {
            assert_eq!(style(&styles, id).val("w:name"), Some(word_name), "{name}");
        }

        // Every bullet is a real list item of a bullet numbering.
        let bullets: Vec<&El> = body
            .all("w:p")
            .into_iter()
            .filter(|p| p.style() == "ListBullet")
            .collect();
        assert!(bullets.len() > 20, "{name}");
        let numbering = part(&parts, "word/numbering.xml");
        for b in &bullets {
            let id = b.all("w:numId")[0].attr("w:val").unwrap();
            assert!(
                numbering
                    .all("w:num")
                    .iter()
                    .any(|n| n.attr("w:numId") == Some(id)),
                "{name}: numbering {id}"
            );
        }
        for level in bullet_levels(&numbering) {
            assert_eq!(level.val("w:numFmt"), Some("bullet"), "{name}");
        }

        // The theme's Word font is the document's, its twin named for
        // readers without it.
        let font = doc.theme.word_font;
        let fonts = styles.child("w:docDefaults").unwrap().all("w:rFonts")[0];
        assert_eq!(fonts.attr("w:ascii"), Some(font.name()), "{name}");
        assert_eq!(fonts.attr("w:hAnsi"), Some(font.name()), "{name}");
        let table = part(&parts, "word/fontTable.xml");
        let entry = table
            .all("w:font")
            .into_iter()
            .find(|f| f.attr("w:name") == Some(font.name()))
            .unwrap_or_else(|| panic!("{name}: {} not in the font table", font.name()));
        assert_eq!(entry.val("w:altName"), Some(font.twin().0), "{name}");

        // Every word, in reading order; dates in a left column wrap beside
        // their rows, so their words are checked entry by entry.
        let words = tokens(&body.text());
        subsequence(&reading_order(&doc), &words).unwrap_or_else(|e| panic!("{name}: {e}"));
        if doc.theme.entries.dates == DatesAt::Left {
            let rows: Vec<Vec<String>> = body
                .all("w:p")
                .into_iter()
                .filter(|p| p.style() == "Heading2" || p.style() == "EntryLine")
                .map(|p| tokens(&p.text()))
                .collect();
            let column: Vec<String> = rows.concat();
            subsequence(&date_words(&doc).concat(), &column)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[test]
fn every_theme_option_reaches_the_styles() {
    for name in resume_model::THEMES {
        let doc = seed_in(name);
        let d = Design::natural(&doc.theme);
        let parts = build(&doc);
        let styles = part(&parts, "word/styles.xml");

        let check_role = |id: &str, t: &TextStyle| {
            let s = style(&styles, id);
            let rpr = s.child("w:rPr").unwrap();
            assert_eq!(
                rpr.val("w:color"),
                Some(hex(t.color).as_str()),
                "{name} {id}"
            );
            assert_eq!(has(s, "w:b"), t.bold, "{name} {id}");
            assert_eq!(has(s, "w:caps"), t.case == Case::Upper, "{name} {id}");
            assert_eq!(
                has(s, "w:smallCaps"),
                t.case == Case::SmallCaps,
                "{name} {id}"
            );
        };
        check_role("Title", &d.name);
        check_role("Subtitle", &d.headline);
        check_role("Heading1", &d.section_title);

        let centred = |id: &str| style(&styles, id).val("w:jc") == Some("center");
        let header_center = d.header_align == Align::Center;
        assert_eq!(centred("Title"), header_center, "{name}");
        assert_eq!(centred("ContactInfo"), header_center, "{name}");
        assert_eq!(
            centred("Heading1"),
            d.title_align == Align::Center,
            "{name}"
        );

        // Section titles: a rule under them (beside is drawn under: Word has
        // no rule beside text in one column), a shaded band, or nothing.
        let h1 = style(&styles, "Heading1");
        let bottom = h1.all("w:bottom");
        let fill = h1.all("w:shd").first().and_then(|s| s.attr("w:fill"));
        match d.rule.style {
            TitleStyle::RuleUnder | TitleStyle::RuleBeside => {
                assert_eq!(
                    bottom[0].attr("w:color"),
                    Some(hex(d.rule.color).as_str()),
                    "{name}"
                );
                assert_eq!(fill, None, "{name}");
            }
            TitleStyle::Band => {
                let band = hex(d.rule.band);
                assert_eq!(fill, Some(band.as_str()), "{name}");
                // The borders only hold the band open: they are the band.
                for side in h1.all("w:pBdr")[0].elements() {
                    assert_eq!(side.attr("w:color"), Some(band.as_str()), "{name}");
                }
            }
            TitleStyle::Plain => assert!(h1.all("w:pBdr").is_empty(), "{name}"),
        }

        // The contact line is separated as the theme says.
        let body = part(&parts, "word/document.xml");
        let contacts = body
            .all("w:p")
            .into_iter()
            .find(|p| p.style() == "ContactInfo")
            .unwrap()
            .text();
        assert!(contacts.contains(&d.separator), "{name}: {contacts:?}");

        // Links in the theme's colour, underlined when it says so.
        let link = style(&styles, "Hyperlink");
        assert_eq!(
            link.val("w:color"),
            Some(hex(d.link_color).as_str()),
            "{name}"
        );
        let underline = if d.link_underline { "single" } else { "none" };
        assert_eq!(link.val("w:u"), Some(underline), "{name}");

        // The theme's bullet glyph, hanging in its indent.
        let numbering = part(&parts, "word/numbering.xml");
        for level in bullet_levels(&numbering) {
            assert_eq!(level.val("w:lvlText"), Some(d.bullet.as_str()), "{name}");
        }

        // Dates right: one right tab stop at the margin. Dates left: the
        // row hangs from the entry's column, with tab stops for the dates'
        // right edge and the column.
        let h2 = style(&styles, "Heading2");
        let tabs: Vec<(&str, &str)> = h2
            .all("w:tab")
            .into_iter()
            .map(|t| (t.attr("w:val").unwrap(), t.attr("w:pos").unwrap()))
            .collect();
        match d.columns.dates {
            DatesAt::Right => {
                assert_eq!(tabs.len(), 1, "{name}");
                assert_eq!(tabs[0].0, "right", "{name}");
                assert!(h2.all("w:ind").is_empty(), "{name}");
            }
            DatesAt::Left => {
                // A right stop where the dates end, a left stop at the
                // entry's column, a right stop at the margin.
                let kinds: Vec<&str> = tabs.iter().map(|t| t.0).collect();
                assert_eq!(kinds, ["right", "left", "right"], "{name}");
                let ind = h2.all("w:ind")[0];
                assert_eq!(ind.attr("w:left"), Some(tabs[1].1), "{name}");
                assert_eq!(ind.attr("w:hanging"), Some(tabs[1].1), "{name}");
                // Bullets under entries hang past the column.
                let column: u32 = tabs[1].1.parse().unwrap();
                let entry_list = numbering
                    .all("w:abstractNum")
                    .into_iter()
                    .find(|a| a.attr("w:abstractNumId") == Some("3"))
                    .expect("a list beside the date column");
                let left: u32 = entry_list.all("w:ind")[0]
                    .attr("w:left")
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!(left > column, "{name}");
                // The first entry row: a tab, its dates, a tab, the title.
                let row = body
                    .all("w:p")
                    .into_iter()
                    .find(|p| p.style() == "Heading2")
                    .unwrap()
                    .text();
                assert!(row.starts_with("\tAugust 2021"), "{name}: {row:?}");
                assert!(row.contains("\tUniversity of Illinois"), "{name}: {row:?}");
            }
        }
    }
}

#[test]
fn every_theme_gives_the_same_bytes_twice() {
    for name in resume_model::THEMES {
        let doc = seed_in(name);
        let first = docx(&doc, &options()).unwrap();
        assert_eq!(first, docx(&doc, &options()).unwrap(), "{name}");
    }
}

/// `el` with every colour blanked: colour values and shading fills.
fn without_colours(el: &El) -> El {
    let mut out = el.clone();
    for (k, v) in &mut out.attrs {
        let colour = k == "w:color" || k == "w:fill" || (el.name == "w:color" && k == "w:val");
        if colour {
            v.clear();
        }
    }
    out.children = el
        .children
        .iter()
        .map(|n| match n {
            Node::El(e) => Node::El(without_colours(e)),
            Node::Text(t) => Node::Text(t.clone()),
        })
        .collect();
    out
}

#[test]
fn an_accent_override_changes_only_colours() {
    for name in resume_model::THEMES {
        let doc = seed_in(name);
        let mut red = doc.clone();
        red.theme
            .apply(&Setting::Color(ColorRole::Accent, Color::rgb(0x8b, 0, 0)));
        let (a, b) = (build(&doc), build(&red));
        let names = |p: &[(String, Vec<u8>)]| p.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&a), names(&b), "{name}");
        let mut changed = Vec::new();
        for ((part_name, x), (_, y)) in a.iter().zip(&b) {
            if x == y {
                continue;
            }
            changed.push(part_name.as_str());
            assert_eq!(
                without_colours(&parse(x)),
                without_colours(&parse(y)),
                "{name}: {part_name} changed more than colours"
            );
        }
        assert!(changed.contains(&"word/styles.xml"), "{name}: {changed:?}");
    }
}
