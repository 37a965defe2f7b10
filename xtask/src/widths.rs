//! `cargo xtask gen-widths`: the advance-width tables the page estimates of
//! DOCX and HTML are computed with, generated from the font files rather than
//! typed by hand.
//!
//! The bundled faces come from their crates; the metric twins of the Word
//! fonts (Carlito, Caladea, Liberation) from the Debian packages `.ci/run`
//! installs. The table format is read by `resume-document/src/estimate.rs`:
//!
//! ```text
//! "RWID" u8:version u8:faces u16:ranges
//! ranges × (u32:first u32:end)            code points first..end
//! faces × (sum of range lengths) × u16     advance in 1/1000 em, 0 = no glyph
//! ```

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

/// Code points measured: Latin, general punctuation, currency, geometric
/// shapes (bullets). Anything else is estimated from its display width.
pub const RANGES: [(u32, u32); 5] = [
    (0x20, 0x250),
    (0x2000, 0x2070),
    (0x20A0, 0x20C0),
    (0x2190, 0x2200),
    (0x25A0, 0x2600),
];

/// The faces, in the order of `resume_document::Face` and, within each,
/// regular, italic, bold, bold italic.
fn faces() -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut out: Vec<(String, Vec<u8>)> = vec![
        ("Noto Sans".into(), notosans::REGULAR_TTF.to_vec()),
        ("Noto Sans Italic".into(), notosans::ITALIC_TTF.to_vec()),
        ("Noto Sans Bold".into(), notosans::BOLD_TTF.to_vec()),
        (
            "Noto Sans Bold Italic".into(),
            notosans::BOLD_ITALIC_TTF.to_vec(),
        ),
    ];
    let libertinus: Vec<&[u8]> = typst_assets::fonts().take(4).collect();
    // The crate lists regular, bold, italic, bold italic.
    for (name, i) in [("", 0), (" Italic", 2), (" Bold", 1), (" Bold Italic", 3)] {
        out.push((format!("Libertinus Serif{name}"), libertinus[i].to_vec()));
    }
    let system = [
        ("crosextra", "Carlito"),
        ("crosextra", "Caladea"),
        ("liberation2", "LiberationSans"),
        ("liberation2", "LiberationSerif"),
    ];
    for (dir, family) in system {
        for style in ["Regular", "Italic", "Bold", "BoldItalic"] {
            let path: PathBuf = Path::new("/usr/share/fonts/truetype")
                .join(dir)
                .join(format!("{family}-{style}.ttf"));
            let data = std::fs::read(&path).with_context(|| {
                format!(
                    "cannot read {}; install fonts-crosextra-carlito, fonts-crosextra-caladea and fonts-liberation2",
                    path.display()
                )
            })?;
            out.push((format!("{family} {style}"), data));
        }
    }
    Ok(out)
}

pub fn generate(out: &Path) -> anyhow::Result<()> {
    let faces = faces()?;
    let mut bytes = b"RWID".to_vec();
    bytes.push(1);
    bytes.push(u8::try_from(faces.len())?);
    bytes.extend(u16::try_from(RANGES.len())?.to_le_bytes());
    for (a, b) in RANGES {
        bytes.extend(a.to_le_bytes());
        bytes.extend(b.to_le_bytes());
    }
    for (name, data) in &faces {
        let face =
            ttf_parser::Face::parse(data, 0).with_context(|| format!("cannot parse {name}"))?;
        let upem = f32::from(face.units_per_em());
        let mut covered = 0;
        for (a, b) in RANGES {
            for cp in a..b {
                let w = char::from_u32(cp)
                    .and_then(|c| face.glyph_index(c))
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(0, |adv| {
                        (f32::from(adv) * 1000.0 / upem).round().max(1.0) as u16
                    });
                covered += usize::from(w > 0);
                bytes.extend(w.to_le_bytes());
            }
        }
        if covered < 95 {
            bail!("{name} covers only {covered} measured code points");
        }
    }
    std::fs::write(out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({} faces, {} bytes)",
        out.display(),
        faces.len(),
        bytes.len()
    );
    Ok(())
}
