//! The HTML path (tokenizer, entity decoding, JSON-LD hints, article selection, then the
//! analysis) on arbitrary pages: never panics, spans stay valid in the extracted text.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    if let Ok((text, a)) = quotelens::analyze_html(&html) {
        check::analysis(&text, &a);
    }
});
