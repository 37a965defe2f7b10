//! The JSON Resume reader, lenient (`build`) and strict (`check`), on any
//! text: a résumé or located diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    for strict in [false, true] {
        let diags = match resume_model::parse_json(source, strict) {
            Ok((_, warnings)) => warnings,
            Err(errors) => errors,
        };
        for d in &diags {
            if let Some(span) = &d.span {
                assert!(span.start <= span.end && span.end <= source.len(), "{d:?}");
            }
        }
    }
    let _ = resume_model::SourceMap::json(source);
});
