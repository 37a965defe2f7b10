//! A source (TOML, or JSON Resume when it starts with `{`) through the
//! reader, the lowering and every backend: each format is written or fails
//! with an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resume_document::{Format, Shared};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = if source.trim_start().starts_with('{') {
        resume_model::parse_json(source, false)
    } else {
        resume_model::parse_toml(source)
    };
    let Ok((resume, _)) = parsed else {
        return;
    };
    let doc = resume_document::lower(&resume, &Default::default());
    let shared = Shared {
        timestamp: Some(1_700_000_000),
        fit_pages: Some(1),
        creator: "fuzz".into(),
    };
    let formats: [Box<dyn Format>; 4] = [
        Box::new(resume_text::PlainText::default()),
        Box::new(resume_html::Html),
        Box::new(resume_docx::Docx),
        Box::new(resume_pdf::Pdf::default()),
    ];
    for format in &formats {
        let _ = format.render(&doc, &shared);
    }
});
