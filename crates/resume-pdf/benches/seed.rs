//! How long the seed résumé takes to become a PDF, in process: shaping,
//! layout, subsetting and writing. The target is at most 5 ms.

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
}

criterion_group!(benches, seed);
criterion_main!(benches);
