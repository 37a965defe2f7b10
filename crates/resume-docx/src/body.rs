//! `word/document.xml` and `word/numbering.xml`: the planned paragraphs
//! written with docx-rs.
//!
//! Every paragraph names one of the styles from [`crate::styles`]; direct
//! formatting is kept to what the text itself carries (strong, emphasis,
//! code, links), to runs set in another role than their paragraph (dates,
//! places, keywords, separators) and to the gaps the plan changes.

use docx_rs::{
    AbstractNumbering, Docx, Hyperlink, HyperlinkData, HyperlinkType, IndentLevel, Level, LevelJc,
    LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, PageMargin, Paragraph, Run,
    RunFonts, SpecialIndentType, Start,
};
use resume_document::{DatesAt, Design};

use crate::plan::{Kind, Para, Piece, clean};
use crate::styles::{
    BULLET_NUM_ID, CONTACTS, ENTRY_BULLET_NUM_ID, ENTRY_LINE, HEADING_1, HEADING_2, HEADING_3,
    HYPERLINK, LIST_BULLET, MONO_FONT, SUBTITLE, TITLE,
};
use crate::units::{half_points, hex, twips};

/// The docx-rs document for `paras`, laid out with `d`.
///
/// docx-rs numbers paragraphs and hyperlink relationships from counters
/// shared by the whole process; both are numbered here in document order
/// instead, so the same document gives the same bytes on every call.
pub(crate) fn build(paras: &[Para], d: &Design, rtl: bool) -> Docx {
    let m = d.margins;
    let margin = |pt: f32| i32::try_from(twips(pt)).unwrap_or(i32::MAX);
    let mut docx = Docx::new()
        .page_size(twips(d.page.0), twips(d.page.1))
        .page_margin(PageMargin {
            top: margin(m.top),
            right: margin(m.right),
            bottom: margin(m.bottom),
            left: margin(m.left),
            header: margin(m.top / 2.0),
            footer: margin(m.bottom / 2.0),
            gutter: 0,
        })
        // Lists stand in the entries' text column, like every other text
        // under a title (Design::content_indent).
        .add_abstract_numbering(bullet_levels(d, BULLET_NUM_ID, twips(d.content_indent())))
        .add_numbering(Numbering::new(BULLET_NUM_ID, BULLET_NUM_ID));
    if d.columns.dates == DatesAt::Left {
        docx = docx
            .add_abstract_numbering(bullet_levels(
                d,
                ENTRY_BULLET_NUM_ID,
                twips(d.columns.indent()),
            ))
            .add_numbering(Numbering::new(ENTRY_BULLET_NUM_ID, ENTRY_BULLET_NUM_ID));
    }
    let mut links = 0;
    for (i, para) in paras.iter().enumerate() {
        // Word requires paragraph ids below 0x80000000.
        let mut p = paragraph(para, d, &mut links).id(format!("{:08X}", i + 1));
        if rtl {
            // A right-to-left paragraph: Word sets it from the right margin
            // and mirrors its indents and tab stops.
            p.property = p.property.bidi(true);
        }
        docx = docx.add_paragraph(p);
    }
    docx
}

fn style(kind: Kind) -> &'static str {
    match kind {
        Kind::Name => TITLE,
        Kind::Headline => SUBTITLE,
        Kind::Contacts => CONTACTS,
        Kind::SectionTitle => HEADING_1,
        Kind::EntryHeading => HEADING_2,
        Kind::RoleHeading => HEADING_3,
        Kind::EntryLine => ENTRY_LINE,
        Kind::Bullet | Kind::EntryBullet => LIST_BULLET,
        Kind::Paragraph => "Normal",
    }
}

fn paragraph(para: &Para, d: &Design, links: &mut usize) -> Paragraph {
    let mut p = Paragraph::new().style(style(para.kind));
    match para.kind {
        // The List Bullet style carries the numbering too; naming it on the
        // paragraph as well is what Word does and what parsers check first.
        Kind::Bullet => {
            p = p.numbering(NumberingId::new(BULLET_NUM_ID), IndentLevel::new(0));
        }
        Kind::EntryBullet => {
            let id = match d.columns.dates {
                DatesAt::Left => ENTRY_BULLET_NUM_ID,
                DatesAt::Right => BULLET_NUM_ID,
            };
            p = p.numbering(NumberingId::new(id), IndentLevel::new(0));
        }
        _ => {}
    }
    let indent = i32::try_from(twips(d.content_indent())).unwrap_or(i32::MAX);
    if indent > 0 {
        match para.kind {
            // The first line moves, not the paragraph: a title's band or
            // rule, drawn from the paragraph's left edge, still spans the
            // measure.
            Kind::SectionTitle => {
                p = p.indent(None, Some(SpecialIndentType::FirstLine(indent)), None, None);
            }
            Kind::Paragraph => p = p.indent(Some(indent), None, None, None),
            _ => {}
        }
    }
    if para.keep_next {
        p = p.keep_next(true);
    }
    if let Some(before) = para.before {
        p = p.line_spacing(LineSpacing::new().before(twips(before)));
    }
    let base = para.kind.role(d);
    for piece in &para.pieces {
        let r = match piece {
            Piece::Tab => {
                p = p.add_run(Run::new().add_tab());
                continue;
            }
            Piece::Run(r) => r,
        };
        let mut run = Run::new().add_text(r.text.as_str());
        // Weight and slant the style already gives are not repeated.
        if r.bold && !base.bold {
            run = run.bold();
        }
        if r.italic && !base.italic {
            run = run.italic();
        }
        if let Some(look) = &r.look {
            if half_points(look.size) != half_points(base.size) {
                run = run.size(half_points(look.size));
            }
            if look.color != base.color && r.link.is_none() {
                run = run.color(hex(look.color));
            }
        }
        if r.code {
            run = run.fonts(RunFonts::new().ascii(MONO_FONT).hi_ansi(MONO_FONT));
        }
        match &r.link {
            Some(url) => {
                run = run.style(HYPERLINK);
                *links += 1;
                p = p.add_hyperlink(hyperlink(url, *links).add_run(run));
            }
            None => p = p.add_run(run),
        }
    }
    p
}

/// An external hyperlink whose relationship id is `rIdLink{n}`.
fn hyperlink(url: &str, n: usize) -> Hyperlink {
    let mut link = Hyperlink::new(url, HyperlinkType::External);
    if let HyperlinkData::External { rid, .. } = &mut link.link {
        *rid = format!("rIdLink{n}");
    }
    link
}

/// A bullet list definition: the design's glyph at every level, each level
/// indented by the design's bullet indent past `start` twips, the glyph
/// hanging in the indent.
fn bullet_levels(d: &Design, id: usize, start: u32) -> AbstractNumbering {
    let step = twips(d.bullet_indent);
    let glyph = clean(&d.bullet);
    let mut list = AbstractNumbering::new(id);
    for level in 0..9u32 {
        let left = start.saturating_add(step.saturating_mul(level + 1));
        let mut l = Level::new(
            level as usize,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new(glyph.as_str()),
            LevelJc::new("left"),
        )
        .indent(
            Some(i32::try_from(left).unwrap_or(i32::MAX)),
            Some(SpecialIndentType::Hanging(
                i32::try_from(step).unwrap_or(i32::MAX),
            )),
            None,
            None,
        )
        .color(hex(d.bullet_color));
        if level == 0 && id == BULLET_NUM_ID {
            l = l.paragraph_style(LIST_BULLET);
        }
        list = list.add_level(l);
    }
    list
}
