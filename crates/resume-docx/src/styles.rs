//! `word/styles.xml`: the named styles the body refers to.
//!
//! docx-rs always writes a bare `Normal` style of its own, cannot mark a style
//! as the default and writes style properties out of schema order, so this
//! part is written here instead. The style ids and names are Word's built-in
//! ones (`Title`, `heading 1`, `List Bullet`, `Hyperlink`, …): Word shows them
//! in its style gallery and résumé parsers look for them by name.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, Event};

use crate::metrics::{Metrics, RULE_SIZE, RULE_SPACE};

/// Style ids used by the body.
pub(crate) const TITLE: &str = "Title";
pub(crate) const SUBTITLE: &str = "Subtitle";
pub(crate) const CONTACTS: &str = "ContactInfo";
pub(crate) const HEADING_1: &str = "Heading1";
pub(crate) const HEADING_2: &str = "Heading2";
pub(crate) const HEADING_3: &str = "Heading3";
pub(crate) const ENTRY_LINE: &str = "EntryLine";
pub(crate) const LIST_BULLET: &str = "ListBullet";
pub(crate) const HYPERLINK: &str = "Hyperlink";

/// The numbering instance bullets use. docx-rs writes its own numbering
/// definition with id 1 into every package, so ours starts at 2.
pub(crate) const BULLET_NUM_ID: usize = 2;

/// The body face, and the face Word and LibreOffice use for code spans.
pub(crate) const FONT: &str = "Calibri";
pub(crate) const MONO_FONT: &str = "Consolas";

pub(crate) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A writer for one XML part of the package, its declaration written.
pub(crate) fn part_writer() -> io::Result<Writer<Vec<u8>>> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))?;
    Ok(w)
}

/// Paragraph properties, written in the order the schema requires.
#[derive(Debug, Default)]
struct PPr {
    keep_next: bool,
    /// Never leave a single line of a paragraph alone on a page.
    widow_control: bool,
    num_id: Option<usize>,
    /// Colour, width in eighths of a point and distance from the text in points.
    bottom_border: Option<(String, u32, u32)>,
    /// Right-aligned tab stop position in twips.
    right_tab: Option<u32>,
    before: Option<u32>,
    after: Option<u32>,
    /// Line height in twips, exactly: Word's "single" spacing depends on the
    /// face, the theme's leading does not.
    line: Option<u32>,
    /// Left indent and hanging indent in twips.
    indent: Option<(u32, u32)>,
    center: bool,
    outline_level: Option<u8>,
}

/// Run properties, written in the order the schema requires.
#[derive(Debug, Default)]
struct RPr {
    font: Option<&'static str>,
    bold: bool,
    italic: bool,
    color: Option<String>,
    /// Size in half-points.
    size: Option<usize>,
    underline: bool,
    language: Option<String>,
}

#[derive(Debug)]
struct Style {
    character: bool,
    id: &'static str,
    name: &'static str,
    default: bool,
    based_on: Option<&'static str>,
    next: Option<&'static str>,
    ui_priority: Option<u32>,
    ppr: PPr,
    rpr: RPr,
}

impl Style {
    fn paragraph(id: &'static str, name: &'static str) -> Style {
        Style {
            character: false,
            id,
            name,
            default: false,
            based_on: Some("Normal"),
            next: Some("Normal"),
            ui_priority: None,
            ppr: PPr::default(),
            rpr: RPr::default(),
        }
    }
}

/// The styles of a résumé laid out with `m`.
fn styles(m: &Metrics) -> Vec<Style> {
    let mut normal = Style::paragraph("Normal", "Normal");
    normal.default = true;
    normal.based_on = None;
    normal.next = None;
    normal.rpr.color = Some(m.text.clone());

    let default_font = Style {
        character: true,
        id: "DefaultParagraphFont",
        name: "Default Paragraph Font",
        default: true,
        based_on: None,
        next: None,
        ui_priority: Some(1),
        ppr: PPr::default(),
        rpr: RPr::default(),
    };

    // The name: large, bold and in the accent colour, centred like the PDF's.
    let mut title = Style::paragraph(TITLE, "Title");
    title.next = Some(SUBTITLE);
    title.ui_priority = Some(10);
    title.ppr.center = true;
    title.ppr.after = Some(0);
    title.ppr.line = Some(m.name_line);
    title.rpr.bold = true;
    title.rpr.color = Some(m.accent.clone());
    title.rpr.size = Some(m.name_size);

    let mut subtitle = Style::paragraph(SUBTITLE, "Subtitle");
    subtitle.ui_priority = Some(11);
    subtitle.ppr.center = true;
    subtitle.rpr.color = Some(m.muted.clone());
    subtitle.rpr.size = Some(m.headline_size);
    subtitle.ppr.line = Some(m.headline_line);

    let mut contacts = Style::paragraph(CONTACTS, "Contact Info");
    contacts.ppr.center = true;
    contacts.ppr.before = Some(m.contacts_before);

    // Section titles: one level for every section, as written (title case,
    // as in the PDF and the HTML), bold in the accent colour over a rule,
    // kept on the page of the text they introduce.
    let mut h1 = Style::paragraph(HEADING_1, "heading 1");
    h1.ui_priority = Some(9);
    h1.ppr.keep_next = true;
    h1.ppr.bottom_border = Some((m.rule.clone(), RULE_SIZE, RULE_SPACE));
    h1.ppr.before = Some(m.section_before);
    h1.ppr.after = Some(m.section_after);
    h1.ppr.outline_level = Some(0);
    h1.ppr.line = Some(m.section_line);
    h1.rpr.bold = true;
    h1.rpr.color = Some(m.accent.clone());
    h1.rpr.size = Some(m.section_size);

    // Entry headings: body-sized, with the dates on a right tab stop at the
    // right margin. Emphasis comes from the runs, so a heading can be bold
    // only where its text is strong.
    let mut h2 = Style::paragraph(HEADING_2, "heading 2");
    h2.ui_priority = Some(9);
    h2.ppr.right_tab = Some(m.text_width);
    h2.ppr.before = Some(m.entry_before);
    h2.ppr.outline_level = Some(1);

    let mut h3 = Style::paragraph(HEADING_3, "heading 3");
    h3.based_on = Some(HEADING_2);
    h3.ui_priority = Some(9);
    h3.ppr.before = Some(m.role_before);
    h3.ppr.outline_level = Some(2);

    // The rows under an entry heading: subtitle or keywords with the
    // location on the same right tab stop.
    let mut line = Style::paragraph(ENTRY_LINE, "Entry Line");
    line.ppr.right_tab = Some(m.text_width);

    let mut list = Style::paragraph("ListParagraph", "List Paragraph");
    list.ui_priority = Some(34);
    list.ppr.indent = Some((m.bullet_indent, 0));

    let mut bullet = Style::paragraph(LIST_BULLET, "List Bullet");
    bullet.based_on = Some("ListParagraph");
    bullet.next = Some(LIST_BULLET);
    bullet.ppr.num_id = Some(BULLET_NUM_ID);
    bullet.ppr.before = Some(m.item_before);
    bullet.ppr.indent = Some((m.bullet_indent, m.bullet_hang));

    let mut link = Style {
        character: true,
        id: HYPERLINK,
        name: "Hyperlink",
        default: false,
        based_on: Some("DefaultParagraphFont"),
        next: None,
        ui_priority: Some(99),
        ppr: PPr::default(),
        rpr: RPr::default(),
    };
    link.rpr.color = Some(m.link.clone());
    link.rpr.underline = true;

    vec![
        normal,
        default_font,
        title,
        subtitle,
        contacts,
        h1,
        h2,
        h3,
        line,
        list,
        bullet,
        link,
    ]
}

/// `word/styles.xml` for metrics `m` and a document in `language`.
pub(crate) fn styles_xml(m: &Metrics, language: &str) -> io::Result<Vec<u8>> {
    let mut w = part_writer()?;
    w.create_element("w:styles")
        .with_attribute(("xmlns:w", W_NS))
        .write_inner_content(|w| {
            w.create_element("w:docDefaults").write_inner_content(|w| {
                let rpr = RPr {
                    font: Some(FONT),
                    size: Some(m.body_size),
                    language: Some(language.to_owned()),
                    ..RPr::default()
                };
                w.create_element("w:rPrDefault")
                    .write_inner_content(|w| write_rpr(w, &rpr))?;
                let ppr = PPr {
                    widow_control: true,
                    after: Some(0),
                    line: Some(m.line),
                    ..PPr::default()
                };
                w.create_element("w:pPrDefault")
                    .write_inner_content(|w| write_ppr(w, &ppr))?;
                Ok(())
            })?;
            for style in styles(m) {
                write_style(w, &style)?;
            }
            Ok(())
        })?;
    Ok(w.into_inner())
}

fn val(w: &mut Writer<Vec<u8>>, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name)
        .with_attribute(("w:val", value))
        .write_empty()?;
    Ok(())
}

fn flag(w: &mut Writer<Vec<u8>>, name: &str) -> io::Result<()> {
    w.create_element(name).write_empty()?;
    Ok(())
}

fn write_style(w: &mut Writer<Vec<u8>>, s: &Style) -> io::Result<()> {
    let mut el = w.create_element("w:style").with_attribute((
        "w:type",
        if s.character {
            "character"
        } else {
            "paragraph"
        },
    ));
    if s.default {
        el = el.with_attribute(("w:default", "1"));
    }
    el.with_attribute(("w:styleId", s.id))
        .write_inner_content(|w| {
            val(w, "w:name", s.name)?;
            if let Some(base) = s.based_on {
                val(w, "w:basedOn", base)?;
            }
            if let Some(next) = s.next {
                val(w, "w:next", next)?;
            }
            if let Some(p) = s.ui_priority {
                val(w, "w:uiPriority", &p.to_string())?;
            }
            if s.default && s.character {
                flag(w, "w:semiHidden")?;
                flag(w, "w:unhideWhenUsed")?;
            } else {
                flag(w, "w:qFormat")?;
            }
            if !s.character {
                write_ppr(w, &s.ppr)?;
            }
            write_rpr(w, &s.rpr)
        })?;
    Ok(())
}

fn write_ppr(w: &mut Writer<Vec<u8>>, p: &PPr) -> io::Result<()> {
    w.create_element("w:pPr").write_inner_content(|w| {
        if p.keep_next {
            flag(w, "w:keepNext")?;
        }
        if p.widow_control {
            flag(w, "w:widowControl")?;
        }
        if let Some(id) = p.num_id {
            w.create_element("w:numPr").write_inner_content(|w| {
                val(w, "w:ilvl", "0")?;
                val(w, "w:numId", &id.to_string())?;
                Ok(())
            })?;
        }
        if let Some((color, size, space)) = &p.bottom_border {
            w.create_element("w:pBdr").write_inner_content(|w| {
                w.create_element("w:bottom")
                    .with_attribute(("w:val", "single"))
                    .with_attribute(("w:sz", size.to_string().as_str()))
                    .with_attribute(("w:space", space.to_string().as_str()))
                    .with_attribute(("w:color", color.as_str()))
                    .write_empty()?;
                Ok(())
            })?;
        }
        if let Some(pos) = p.right_tab {
            w.create_element("w:tabs").write_inner_content(|w| {
                w.create_element("w:tab")
                    .with_attribute(("w:val", "right"))
                    .with_attribute(("w:pos", pos.to_string().as_str()))
                    .write_empty()?;
                Ok(())
            })?;
        }
        if p.before.is_some() || p.after.is_some() || p.line.is_some() {
            let mut el = w.create_element("w:spacing");
            if let Some(b) = p.before {
                el = el.with_attribute(("w:before", b.to_string().as_str()));
            }
            if let Some(a) = p.after {
                el = el.with_attribute(("w:after", a.to_string().as_str()));
            }
            if let Some(l) = p.line {
                el = el
                    .with_attribute(("w:line", l.to_string().as_str()))
                    .with_attribute(("w:lineRule", "exact"));
            }
            el.write_empty()?;
        }
        if let Some((left, hanging)) = p.indent {
            w.create_element("w:ind")
                .with_attribute(("w:left", left.to_string().as_str()))
                .with_attribute(("w:hanging", hanging.to_string().as_str()))
                .write_empty()?;
        }
        if p.center {
            val(w, "w:jc", "center")?;
        }
        if let Some(level) = p.outline_level {
            val(w, "w:outlineLvl", &level.to_string())?;
        }
        Ok(())
    })?;
    Ok(())
}

fn write_rpr(w: &mut Writer<Vec<u8>>, r: &RPr) -> io::Result<()> {
    w.create_element("w:rPr").write_inner_content(|w| {
        if let Some(font) = r.font {
            w.create_element("w:rFonts")
                .with_attribute(("w:ascii", font))
                .with_attribute(("w:hAnsi", font))
                .with_attribute(("w:eastAsia", font))
                .with_attribute(("w:cs", font))
                .write_empty()?;
        }
        if r.bold {
            flag(w, "w:b")?;
            flag(w, "w:bCs")?;
        }
        if r.italic {
            flag(w, "w:i")?;
            flag(w, "w:iCs")?;
        }
        if let Some(color) = &r.color {
            val(w, "w:color", color)?;
        }
        if let Some(size) = r.size {
            val(w, "w:sz", &size.to_string())?;
            val(w, "w:szCs", &size.to_string())?;
        }
        if r.underline {
            val(w, "w:u", "single")?;
        }
        if let Some(lang) = &r.language {
            val(w, "w:lang", lang)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// `word/fontTable.xml`: the faces the document uses, with Carlito named as
/// Calibri's alternative. Carlito has Calibri's metrics, so where Calibri is
/// missing (LibreOffice on Linux) lines break in the same places.
pub(crate) fn font_table_xml() -> io::Result<Vec<u8>> {
    let mut w = part_writer()?;
    w.create_element("w:fonts")
        .with_attribute(("xmlns:w", W_NS))
        .write_inner_content(|w| {
            let faces = [
                (FONT, "Carlito", "020F0502020204030204", "swiss", "variable"),
                (
                    MONO_FONT,
                    "Liberation Mono",
                    "020B0609020204030204",
                    "modern",
                    "fixed",
                ),
            ];
            for (name, alt, panose, family, pitch) in faces {
                w.create_element("w:font")
                    .with_attribute(("w:name", name))
                    .write_inner_content(|w| {
                        val(w, "w:altName", alt)?;
                        val(w, "w:panose1", panose)?;
                        val(w, "w:charset", "00")?;
                        val(w, "w:family", family)?;
                        val(w, "w:pitch", pitch)?;
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
    Ok(w.into_inner())
}

/// A language tag made safe for an attribute value: letters, digits and
/// hyphens, "en" when nothing usable is left.
pub(crate) fn language_tag(tag: &str) -> String {
    let clean: String = tag
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(35)
        .collect();
    let clean = clean.trim_matches('-');
    if clean.is_empty() {
        "en".to_owned()
    } else {
        clean.to_owned()
    }
}
