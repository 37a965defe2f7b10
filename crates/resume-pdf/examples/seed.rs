//! Writes the sample résumé (the seed, read from the repository's TOML and
//! lowered) as PDF: `cargo run -p resume-pdf --example seed -- out.pdf [pages]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "seed.pdf".into());
    let options = resume_pdf::PdfOptions {
        timestamp: Some(1_700_000_000),
        fit_pages: args.next().and_then(|n| n.parse().ok()),
        ..resume_pdf::PdfOptions::default()
    };
    match resume_pdf::pdf_with_report(&resume_tests::seed_document(), &options) {
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
