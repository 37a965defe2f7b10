//! `word/document.xml` and `word/numbering.xml`: the planned paragraphs
//! written with docx-rs.
//!
//! Every paragraph names one of the styles from [`crate::styles`]; direct
//! formatting is kept to what the text itself carries (strong, emphasis,
//! code, links) and to the muted colour of dates, locations and keywords.

use docx_rs::{
    AbstractNumbering, Docx, Hyperlink, HyperlinkData, HyperlinkType, IndentLevel, Level, LevelJc,
    LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, PageMargin, Paragraph, Run,
    RunFonts, SpecialIndentType, Start,
};

use crate::metrics::Metrics;
use crate::plan::{Kind, Para, Piece};
use crate::styles::{
    BULLET_NUM_ID, CONTACTS, ENTRY_LINE, HEADING_1, HEADING_2, HEADING_3, HYPERLINK, LIST_BULLET,
    MONO_FONT, SUBTITLE, TITLE,
};

/// The docx-rs document for `paras`, laid out with `m`.
///
/// docx-rs numbers paragraphs and hyperlink relationships from counters
/// shared by the whole process; both are numbered here in document order
/// instead, so the same document gives the same bytes on every call.
pub(crate) fn build(paras: &[Para], m: &Metrics) -> Docx {
    let margin = |twips: u32| twips as i32;
    let mut docx = Docx::new()
        .page_size(m.page.0, m.page.1)
        .page_margin(PageMargin {
            top: margin(m.margins[0]),
            right: margin(m.margins[1]),
            bottom: margin(m.margins[2]),
            left: margin(m.margins[3]),
            header: margin(m.margins[0] / 2),
            footer: margin(m.margins[2] / 2),
            gutter: 0,
        })
        .add_abstract_numbering(bullet_levels(m))
        .add_numbering(Numbering::new(BULLET_NUM_ID, BULLET_NUM_ID));
    let mut links = 0;
    for (i, para) in paras.iter().enumerate() {
        // Word requires paragraph ids below 0x80000000.
        let p = paragraph(para, m, &mut links).id(format!("{:08X}", i + 1));
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
        Kind::Bullet => LIST_BULLET,
        Kind::Paragraph => "Normal",
    }
}

fn paragraph(para: &Para, m: &Metrics, links: &mut usize) -> Paragraph {
    let mut p = Paragraph::new().style(style(para.kind));
    if para.kind == Kind::Bullet {
        // The List Bullet style carries the numbering too; naming it on the
        // paragraph as well is what Word does and what parsers check first.
        p = p.numbering(NumberingId::new(BULLET_NUM_ID), IndentLevel::new(0));
    }
    if para.keep_next {
        p = p.keep_next(true);
    }
    if para.flush || para.gap_after {
        let mut spacing = LineSpacing::new();
        if para.flush {
            spacing = spacing.before(0);
        }
        if para.gap_after {
            spacing = spacing.after(m.paragraph_after);
        }
        p = p.line_spacing(spacing);
    }
    for piece in &para.pieces {
        let r = match piece {
            Piece::Tab => {
                p = p.add_run(Run::new().add_tab());
                continue;
            }
            Piece::Run(r) => r,
        };
        let mut run = Run::new().add_text(r.text.as_str());
        if r.bold {
            run = run.bold();
        }
        if r.italic {
            run = run.italic();
        }
        if r.code {
            run = run.fonts(RunFonts::new().ascii(MONO_FONT).hi_ansi(MONO_FONT));
        }
        match &r.link {
            Some(url) => {
                run = run.style(HYPERLINK);
                if r.plain_link {
                    run = run.underline("none");
                }
                *links += 1;
                p = p.add_hyperlink(hyperlink(url, *links).add_run(run));
            }
            None => {
                if r.muted {
                    run = run.color(m.muted.clone());
                }
                p = p.add_run(run);
            }
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

/// A bullet list definition: one bullet glyph per level, each level
/// indented by the theme's bullet indent, with the bullet hanging in it.
fn bullet_levels(m: &Metrics) -> AbstractNumbering {
    let glyphs = ["\u{2022}", "\u{25E6}", "\u{25AA}"];
    let mut list = AbstractNumbering::new(BULLET_NUM_ID);
    for level in 0..9 {
        let left = m.bullet_indent * (level as u32 + 1);
        let mut l = Level::new(
            level,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new(glyphs[level % glyphs.len()]),
            LevelJc::new("left"),
        )
        .indent(
            Some(left as i32),
            Some(SpecialIndentType::Hanging(m.bullet_hang as i32)),
            None,
            None,
        )
        .color(m.muted.clone());
        if level == 0 {
            l = l.paragraph_style(LIST_BULLET);
        }
        list = list.add_level(l);
    }
    list
}
