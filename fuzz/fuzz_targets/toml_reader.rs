//! Our TOML reader on any text: every outcome is a résumé or diagnostics
//! whose spans lie inside the source, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let diags = match resume_model::parse_toml(source) {
        Ok((_, warnings)) => warnings,
        Err(errors) => errors,
    };
    for d in &diags {
        if let Some(span) = &d.span {
            assert!(span.start <= span.end && span.end <= source.len(), "{d:?}");
        }
    }
    let _ = resume_model::SourceMap::toml(source);
});
