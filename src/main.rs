//! The `quotelens` command line: analyse text, HTML or JSONL corpora; print JSON or
//! Markdown; score against gold.
#![forbid(unsafe_code)]

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    eprintln!("quotelens {}: {:?}", env!("CARGO_PKG_VERSION"), args);
}
