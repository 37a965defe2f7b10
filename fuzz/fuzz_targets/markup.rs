//! The inline markup parser on any text, and escaping: escaped text reads
//! back as itself, with no markup and no link.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resume_model::{Rich, escape};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Rich::parse(text);
    let (rich, bad) = Rich::parse(&escape(text));
    assert!(bad.is_empty(), "escaped text holds a link: {text:?}");
    assert!(
        rich.spans.iter().all(|s| s.link.is_none()),
        "escaped text holds a link: {text:?}"
    );
});
