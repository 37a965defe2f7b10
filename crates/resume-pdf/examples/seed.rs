//! Writes the built-in sample résumé as PDF: `cargo run -p resume-pdf --example seed -- out.pdf`.

#[path = "../tests/support/seed.rs"]
mod seed;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "seed.pdf".into());
    let options = resume_pdf::PdfOptions {
        timestamp: Some(1_700_000_000),
        fit_pages: std::env::var("FIT").ok().and_then(|v| v.parse().ok()),
        ..resume_pdf::PdfOptions::default()
    };
    let mut doc = seed::seed();
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<f32>().ok());
    if let Some(v) = env("BODY") {
        doc.theme.body_size = v;
    }
    if let Some(v) = env("LEADING") {
        doc.theme.leading = v;
    }
    if let Some(v) = env("SGAP") {
        doc.theme.section_gap = v;
    }
    if let Some(v) = env("EGAP") {
        doc.theme.entry_gap = v;
    }
    if let Some(v) = env("MV") {
        doc.theme.margins.top = v;
        doc.theme.margins.bottom = v;
    }
    if let Some(v) = env("MH") {
        doc.theme.margins.left = v;
        doc.theme.margins.right = v;
    }
    if let Some(v) = env("NAME") {
        doc.theme.name_size = v;
    }
    if let Some(v) = env("SEC") {
        doc.theme.section_size = v;
    }
    match resume_pdf::pdf_with_report(&doc, &options) {
        Ok(out) => {
            for note in &out.notes {
                eprintln!("note: {note}");
            }
            eprintln!("{} pages, {} bytes", out.pages, out.bytes.len());
            if let Err(e) = std::fs::write(&path, out.bytes) {
                eprintln!("error: cannot write {path}: {e}");
                std::process::exit(2);
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
