//! Debug aid: prints the blocks of an HTML file, marking the selected ones with `*`.
//!
//! Input: a path to an HTML file. Output: one line per block on stdout.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: blocks FILE.html");
        return;
    };
    let html = std::fs::read_to_string(path).unwrap_or_default();
    let article = quotelens::extract::extract_article(&html);
    for (i, b) in article.blocks.iter().enumerate() {
        let mark = if article.selected.contains(&i) {
            '*'
        } else {
            ' '
        };
        let text: String = b.text.chars().take(70).collect();
        let hint: String = b.hint.chars().take(3000).collect();
        println!(
            "{mark}{i:>5} {:<10} {:>4} {:?} {:?} [{hint}]",
            b.tag, b.link_chars, b.ancestors, text
        );
    }
}
