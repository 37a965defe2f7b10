//! Each stage of a build on its own, in process, for the seed résumé and for
//! a twenty-page one (`tests/data/bench/long.toml`): parsing the source,
//! lowering it, and every backend as the CLI calls it (fitted to one page).
//! Run with `cargo bench -p resume-tests`; `cargo xtask bench` runs these and
//! the whole-process timings.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use resume_document::{Format, Shared};

fn stages(c: &mut Criterion) {
    let sources = [
        ("seed", resume_tests::seed_path()),
        (
            "long",
            resume_tests::root().join("tests/data/bench/long.toml"),
        ),
    ];
    let formats: Vec<Box<dyn Format>> = vec![
        Box::new(resume_pdf::Pdf::default()),
        Box::new(resume_docx::Docx),
        Box::new(resume_html::Html),
        Box::new(resume_text::PlainText::default()),
    ];
    let shared = Shared {
        timestamp: Some(1_700_000_000),
        fit_pages: Some(1),
        creator: "resume bench".into(),
    };
    for (name, path) in sources {
        let text = std::fs::read_to_string(&path).expect("the bench sources are in the repository");
        let mut group = c.benchmark_group(name);
        group.sample_size(20);
        group.bench_function("parse", |b| {
            b.iter(|| resume_model::parse_toml(black_box(&text)).expect("parses"))
        });
        let (resume, _) = resume_model::parse_toml(&text).expect("parses");
        let options = resume_document::Options::default();
        group.bench_function("lower", |b| {
            b.iter(|| resume_document::lower(black_box(&resume), &options))
        });
        let doc = resume_document::lower(&resume, &options);
        for format in &formats {
            group.bench_function(format.extension(), |b| {
                b.iter(|| format.render(black_box(&doc), &shared).expect("renders"))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
