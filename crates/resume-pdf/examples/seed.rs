//! Writes the sample résumé (the seed, read from the repository's TOML and
//! lowered) as PDF in a built-in theme:
//! `cargo run -p resume-pdf --example seed -- out.pdf [pages] [theme] [--dump]`.
//! With `--dump` it prints the laid-out pages as text instead.

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args.iter().any(|a| a == "--dump");
    args.retain(|a| a != "--dump");
    let mut args = args.into_iter();
    let path = args.next().unwrap_or_else(|| "seed.pdf".into());
    let fit_pages = args.next().and_then(|n| n.parse().ok());
    let theme = args.next().unwrap_or_else(|| "classic".into());
    let Some(theme) = resume_document::Theme::builtin(&theme) else {
        eprintln!(
            "error: no built-in theme {theme}; try {}",
            resume_model::THEMES.join(", ")
        );
        std::process::exit(2);
    };
    let document = resume_document::lower(
        &resume_tests::seed_resume(),
        &resume_document::Options {
            theme: Some(theme),
            ..Default::default()
        },
    );
    let options = resume_pdf::PdfOptions {
        timestamp: Some(1_700_000_000),
        fit_pages,
        ..resume_pdf::PdfOptions::default()
    };
    if dump {
        match resume_pdf::layout_dump(&document, &options) {
            Ok(text) => print!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        }
        return;
    }
    match resume_pdf::pdf_with_report(&document, &options) {
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
