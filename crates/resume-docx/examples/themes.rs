//! Writes the seed résumé in every built-in theme, fitted to one page, as
//! `<dir>/docx-<theme>.docx` (the directory is the first argument, the
//! system's temporary directory by default), to look at the result in Word
//! or LibreOffice. Prints each theme's estimated pages and fit note.

use resume_docx::{DocxOptions, docx_with_report};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map_or_else(std::env::temp_dir, Into::into);
    for name in resume_model::THEMES {
        let theme = resume_model::Theme::builtin(name).ok_or("a built-in theme")?;
        let options = resume_document::Options {
            theme: Some(theme),
            ..Default::default()
        };
        let doc = resume_document::lower(&resume_tests::seed_resume(), &options);
        let out = docx_with_report(
            &doc,
            &DocxOptions {
                timestamp: Some(1_700_000_000),
                fit_pages: Some(1),
            },
        )?;
        let path = dir.join(format!("docx-{name}.docx"));
        std::fs::write(&path, &out.bytes)?;
        let notes: Vec<String> = out.notes.iter().map(ToString::to_string).collect();
        println!(
            "{}: {} page(s) estimated; {}",
            path.display(),
            out.pages,
            if notes.is_empty() {
                "natural design".to_owned()
            } else {
                notes.join("; ")
            }
        );
    }
    Ok(())
}
