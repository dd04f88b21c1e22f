//! The analysis entry point on arbitrary text: never panics, spans stay valid.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    // The engine takes &str; invalid UTF-8 cannot reach it (JS strings and the CLI's
    // reader both yield valid UTF-8), so lossy decoding keeps the fuzzer's bytes useful.
    let text = String::from_utf8_lossy(data);
    if let Ok(a) = quotelens::analyze(&text) {
        check::analysis(&text, &a);
    }
});
