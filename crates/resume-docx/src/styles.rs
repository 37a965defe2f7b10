//! `word/styles.xml` and `word/fontTable.xml`: the named styles the body
//! refers to, each set from one role of the resolved [`Design`].
//!
//! docx-rs always writes a bare `Normal` style of its own, cannot mark a style
//! as the default and writes style properties out of schema order, so this
//! part is written here instead. The style ids and names are Word's built-in
//! ones (`Title`, `heading 1`, `List Bullet`, `Hyperlink`, …): Word shows them
//! in its style gallery and résumé parsers look for them by name. The look
//! lives in the styles, so the body's paragraphs carry little direct
//! formatting.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, Event};
use resume_document::{Align, Case, DatesAt, Design, TextStyle, WordFont};

use crate::units::{Border, TitleBox, half_points, hex, twips};

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
/// The numbering instance of bullets under entries when dates stand in a
/// column on the left: the same bullets, indented past the column.
pub(crate) const ENTRY_BULLET_NUM_ID: usize = 3;

/// The face Word and LibreOffice use for code spans.
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

/// A tab stop: its alignment (`left`, `right`) and position in twips.
type TabStop = (&'static str, u32);

/// Paragraph properties, written in the order the schema requires.
#[derive(Debug, Default)]
struct PPr {
    keep_next: bool,
    /// Never leave a single line of a paragraph alone on a page.
    widow_control: bool,
    num_id: Option<usize>,
    top_border: Option<Border>,
    left_border: Option<Border>,
    bottom_border: Option<Border>,
    right_border: Option<Border>,
    /// Shading fill, `RRGGBB`.
    fill: Option<String>,
    tabs: Vec<TabStop>,
    before: Option<u32>,
    after: Option<u32>,
    /// Line height in twips, exactly: Word's "single" spacing depends on the
    /// face, the design's line heights do not.
    line: Option<u32>,
    /// Left indent and hanging indent in twips.
    indent: Option<(u32, u32)>,
    /// Right indent in twips.
    right_indent: Option<u32>,
    center: bool,
    outline_level: Option<u8>,
}

/// Run properties, written in the order the schema requires.
#[derive(Debug, Default)]
struct RPr {
    font: Option<&'static str>,
    bold: bool,
    italic: bool,
    /// `w:caps`: shown in capitals, stored as written, so parsers and
    /// copied text keep the source's letters.
    caps: bool,
    /// `w:smallCaps`, stored as written likewise.
    small_caps: bool,
    color: Option<String>,
    /// Size in half-points.
    size: Option<usize>,
    underline: Option<bool>,
    language: Option<String>,
}

impl RPr {
    /// A role of the design: its size, colour, weight, slant and case.
    fn role(t: &TextStyle) -> RPr {
        RPr {
            bold: t.bold,
            italic: t.italic,
            caps: t.case == Case::Upper,
            small_caps: t.case == Case::SmallCaps,
            color: Some(hex(t.color)),
            size: Some(half_points(t.size)),
            ..RPr::default()
        }
    }
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

/// The styles of a résumé laid out with `d`.
fn styles(d: &Design) -> Vec<Style> {
    let mut normal = Style::paragraph("Normal", "Normal");
    normal.default = true;
    normal.based_on = None;
    normal.next = None;
    normal.rpr.color = Some(hex(d.body.color));

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

    let header_center = d.header_align == Align::Center;

    let mut title = Style::paragraph(TITLE, "Title");
    title.next = Some(SUBTITLE);
    title.ui_priority = Some(10);
    title.ppr.center = header_center;
    title.ppr.line = Some(twips(d.name.line));
    title.rpr = RPr::role(&d.name);

    let mut subtitle = Style::paragraph(SUBTITLE, "Subtitle");
    subtitle.ui_priority = Some(11);
    subtitle.ppr.center = header_center;
    subtitle.ppr.line = Some(twips(d.headline.line));
    subtitle.rpr = RPr::role(&d.headline);

    let mut contacts = Style::paragraph(CONTACTS, "Contact Info");
    contacts.ppr.center = header_center;
    contacts.ppr.before = Some(twips(d.gaps.after_name));
    contacts.ppr.line = Some(twips(d.contact.line));
    contacts.rpr = RPr::role(&d.contact);

    // Section titles: one level for every section, the words as written
    // (capitals and small capitals are the font's business), kept on the
    // page of the text they introduce.
    let tb = TitleBox::new(d);
    let mut h1 = Style::paragraph(HEADING_1, "heading 1");
    h1.ui_priority = Some(9);
    h1.ppr.keep_next = true;
    h1.ppr.top_border = tb.top.clone();
    h1.ppr.bottom_border = tb.bottom.clone();
    h1.ppr.left_border = tb.sides.clone();
    h1.ppr.right_border = tb.sides.clone();
    h1.ppr.fill = tb.fill.clone();
    h1.ppr.before = Some(tb.before);
    h1.ppr.after = Some(tb.after);
    h1.ppr.line = Some(twips(d.section_title.line));
    if tb.inset() > 0 {
        h1.ppr.indent = Some((tb.inset(), 0));
        h1.ppr.right_indent = Some(tb.inset());
    }
    h1.ppr.center = d.title_align == Align::Center;
    h1.ppr.outline_level = Some(0);
    h1.rpr = RPr::role(&d.section_title);

    // Entry rows: the text on the left, what stands on the right on a right
    // tab stop at the margin. With dates in a column on the left, each row
    // hangs: a first tab reaches a right stop at the column's edge, so the
    // dates end there as in the PDF, a second reaches the entry's column,
    // and wrapped lines return to that column, not to the margin.
    let measure = twips(d.measure);
    let indent = twips(d.columns.indent());
    let column = twips(d.columns.date_column);
    let (row_indent, row_tabs) = match d.columns.dates {
        DatesAt::Right => (None, vec![("right", measure)]),
        DatesAt::Left => (
            Some((indent, indent)),
            vec![("right", column), ("left", indent), ("right", measure)],
        ),
    };
    let mut h2 = Style::paragraph(HEADING_2, "heading 2");
    h2.ui_priority = Some(9);
    h2.ppr.tabs = row_tabs.clone();
    h2.ppr.indent = row_indent;
    h2.ppr.before = Some(twips(d.gaps.entry));
    h2.ppr.line = Some(twips(d.body.line));
    h2.ppr.outline_level = Some(1);
    h2.rpr = RPr::role(&d.entry_title);

    let mut h3 = Style::paragraph(HEADING_3, "heading 3");
    h3.based_on = Some(HEADING_2);
    h3.ui_priority = Some(9);
    h3.ppr.before = Some(twips(d.gaps.role));
    h3.ppr.outline_level = Some(2);

    let mut line = Style::paragraph(ENTRY_LINE, "Entry Line");
    line.ppr.tabs = row_tabs;
    line.ppr.indent = row_indent;

    let bullet_indent = twips(d.bullet_indent);
    let mut list = Style::paragraph("ListParagraph", "List Paragraph");
    list.ui_priority = Some(34);
    list.ppr.indent = Some((bullet_indent, 0));

    // The bullet hangs in the design's indent, at the margin.
    let mut bullet = Style::paragraph(LIST_BULLET, "List Bullet");
    bullet.based_on = Some("ListParagraph");
    bullet.next = Some(LIST_BULLET);
    bullet.ppr.num_id = Some(BULLET_NUM_ID);
    bullet.ppr.before = Some(twips(d.gaps.bullet));
    bullet.ppr.indent = Some((bullet_indent, bullet_indent));

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
    link.rpr.color = Some(hex(d.link_color));
    link.rpr.underline = Some(d.link_underline);

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

/// `word/styles.xml` for design `d` and a document in `language`.
pub(crate) fn styles_xml(d: &Design, language: &str) -> io::Result<Vec<u8>> {
    let mut w = part_writer()?;
    w.create_element("w:styles")
        .with_attribute(("xmlns:w", W_NS))
        .write_inner_content(|w| {
            w.create_element("w:docDefaults").write_inner_content(|w| {
                let rpr = RPr {
                    font: Some(d.word_font.name()),
                    size: Some(half_points(d.body.size)),
                    language: Some(language.to_owned()),
                    ..RPr::default()
                };
                w.create_element("w:rPrDefault")
                    .write_inner_content(|w| write_rpr(w, &rpr))?;
                let ppr = PPr {
                    widow_control: true,
                    after: Some(0),
                    line: Some(twips(d.body.line)),
                    ..PPr::default()
                };
                w.create_element("w:pPrDefault")
                    .write_inner_content(|w| write_ppr(w, &ppr))?;
                Ok(())
            })?;
            for style in styles(d) {
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

fn write_border(w: &mut Writer<Vec<u8>>, side: &str, b: &Border) -> io::Result<()> {
    w.create_element(side)
        .with_attribute(("w:val", "single"))
        .with_attribute(("w:sz", b.size.to_string().as_str()))
        .with_attribute(("w:space", b.space.to_string().as_str()))
        .with_attribute(("w:color", b.color.as_str()))
        .write_empty()?;
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
        // CT_PBdr is a sequence: top, left, bottom, right.
        let borders = [
            ("w:top", &p.top_border),
            ("w:left", &p.left_border),
            ("w:bottom", &p.bottom_border),
            ("w:right", &p.right_border),
        ];
        if borders.iter().any(|(_, b)| b.is_some()) {
            w.create_element("w:pBdr").write_inner_content(|w| {
                for (side, b) in borders {
                    if let Some(b) = b {
                        write_border(w, side, b)?;
                    }
                }
                Ok(())
            })?;
        }
        if let Some(fill) = &p.fill {
            w.create_element("w:shd")
                .with_attribute(("w:val", "clear"))
                .with_attribute(("w:color", "auto"))
                .with_attribute(("w:fill", fill.as_str()))
                .write_empty()?;
        }
        if !p.tabs.is_empty() {
            w.create_element("w:tabs").write_inner_content(|w| {
                for (align, pos) in &p.tabs {
                    w.create_element("w:tab")
                        .with_attribute(("w:val", *align))
                        .with_attribute(("w:pos", pos.to_string().as_str()))
                        .write_empty()?;
                }
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
        if p.indent.is_some() || p.right_indent.is_some() {
            let mut el = w.create_element("w:ind");
            if let Some((left, hanging)) = p.indent {
                el = el
                    .with_attribute(("w:left", left.to_string().as_str()))
                    .with_attribute(("w:hanging", hanging.to_string().as_str()));
            }
            if let Some(right) = p.right_indent {
                el = el.with_attribute(("w:right", right.to_string().as_str()));
            }
            el.write_empty()?;
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
        if r.caps {
            flag(w, "w:caps")?;
        }
        if r.small_caps {
            flag(w, "w:smallCaps")?;
        }
        if let Some(color) = &r.color {
            val(w, "w:color", color)?;
        }
        if let Some(size) = r.size {
            val(w, "w:sz", &size.to_string())?;
            val(w, "w:szCs", &size.to_string())?;
        }
        if let Some(underline) = r.underline {
            val(w, "w:u", if underline { "single" } else { "none" })?;
        }
        if let Some(lang) = &r.language {
            val(w, "w:lang", lang)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// What the font table says of a Word font: its metric-compatible twin as
/// the alternative name, its PANOSE classification, family and pitch, so
/// that a reader without the font picks the twin and breaks lines in the
/// same places.
fn font_entry(font: WordFont) -> (&'static str, &'static str, &'static str, &'static str) {
    let (twin, _package) = font.twin();
    match font {
        WordFont::Calibri => (font.name(), twin, "020F0502020204030204", "swiss"),
        WordFont::Cambria => (font.name(), twin, "02040503050406030204", "roman"),
        WordFont::Arial => (font.name(), twin, "020B0604020202020204", "swiss"),
        WordFont::TimesNewRoman => (font.name(), twin, "02020603050405020304", "roman"),
    }
}

/// `word/fontTable.xml`: the design's Word font and the code face, each
/// with its metric twin named as the alternative.
pub(crate) fn font_table_xml(font: WordFont) -> io::Result<Vec<u8>> {
    let mut w = part_writer()?;
    w.create_element("w:fonts")
        .with_attribute(("xmlns:w", W_NS))
        .write_inner_content(|w| {
            let (name, alt, panose, family) = font_entry(font);
            let faces = [
                (name, alt, panose, family, "variable"),
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
