//! The extension's path: the blocks JSON the content script sends (parsed by
//! `extract::parse_blocks_json`), article selection over the blocks, then the analysis.
//! Never panics; each selected block's range lies inside the joined text.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let json = String::from_utf8_lossy(data);
    let Ok(blocks) = quotelens::extract::parse_blocks_json(&json) else {
        return;
    };
    if let Ok((text, ranges, a)) = quotelens::extract::analyze_blocks(&blocks) {
        for (index, span) in ranges {
            assert!(index < blocks.len());
            assert_eq!(&text[span.start..span.end], blocks[index].text);
        }
        check::analysis(&text, &a);
    }
});
