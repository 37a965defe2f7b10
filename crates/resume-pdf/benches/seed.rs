//! How long the seed résumé takes to become a PDF, in process: shaping,
//! layout, subsetting and writing, as the theme gives it and fitted to one
//! page (a handful of layout passes over text shaped once). The target is
//! at most 5 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use resume_pdf::{PdfOptions, pdf};

fn seed(c: &mut Criterion) {
    let doc = resume_tests::seed_document();
    let options = PdfOptions {
        timestamp: Some(1_700_000_000),
        ..PdfOptions::default()
    };
    c.bench_function("seed", |b| {
        b.iter(|| pdf(black_box(&doc), &options).expect("renders"))
    });
    let fitted = PdfOptions {
        fit_pages: Some(1),
        ..options
    };
    c.bench_function("seed fit to one page", |b| {
        b.iter(|| pdf(black_box(&doc), &fitted).expect("renders"))
    });
    // Libertinus Serif is CFF-flavoured and has small capitals; the
    // timeline theme needs the most fitting passes.
    for theme in ["traditional", "timeline"] {
        let doc = resume_document::lower(
            &resume_tests::seed_resume(),
            &resume_document::Options {
                theme: resume_document::Theme::builtin(theme),
                ..Default::default()
            },
        );
        c.bench_function(&format!("seed {theme} fit to one page"), |b| {
            b.iter(|| pdf(black_box(&doc), &fitted).expect("renders"))
        });
    }
}

criterion_group!(benches, seed);
criterion_main!(benches);
