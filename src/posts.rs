//! Embedded social posts written without quotation marks.
//!
//! Input: a [`Doc`] and its [`Entities`]. Output: [`Post`]s: a paragraph that ends with a
//! signature "— Name (@handle) date", as pages render embedded posts, is the named
//! person's words: the text before the dash is a direct quote of theirs. A post in
//! quotation marks is a quote already (see `attribute`); this reads the unmarked ones.

use crate::entities::{Entities, MentionKind};
use crate::span::Span;
use crate::text::{Doc, TokenKind};

/// One signed post.
#[derive(Clone, Debug, PartialEq)]
pub struct Post {
    /// The post's words, before the signature's dash.
    pub content: Span,
    /// The signing name's mention.
    pub mention: usize,
    /// The dash that opens the signature (the cue).
    pub dash: Span,
    pub paragraph: usize,
}

/// The signed posts of the document, in text order.
pub fn signed_posts(doc: &Doc, ents: &Entities) -> Vec<Post> {
    let mut out = Vec::new();
    // Every signature has a handle: a text without an '@' has none (most texts, told by
    // one search rather than by a look at the end of every paragraph).
    if !doc.text.as_bytes().contains(&b'@') {
        return out;
    }
    for p in 0..doc.paragraphs.len() {
        let std::ops::Range {
            start: from,
            end: to,
        } = doc.paragraph_tokens(p);
        // The signature: dash, a name, then "(@handle". (Each dash is a token of its own.)
        let Some(dash) = last_dash(doc.text, doc.paragraphs[p]).and_then(|at| doc.token_at(at))
        else {
            continue;
        };
        let Some(m) = ents
            .mention_at(dash + 1)
            .filter(|&m| ents.mentions[m].tokens.start == dash + 1)
            .filter(|&m| ents.mentions[m].kind == MentionKind::Name)
        else {
            continue;
        };
        let after = ents.mentions[m].tokens.end;
        let handle = after + 1 < to && doc.tok(after) == "(" && doc.tok(after + 1).starts_with('@');
        if !handle {
            continue;
        }
        // The post's words: before the dash, or the paragraph before a signature line of
        // its own ("Keep the kids. #Otters\n— Riverton Ultras (@RivUltras) May 4").
        let (content_from, content_to, paragraph) = if dash == from && p > 0 {
            let prev = doc.paragraph_tokens(p - 1);
            (prev.start, prev.end, p - 1)
        } else {
            (from, dash, p)
        };
        let words = (content_from..content_to)
            .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
            .count();
        if words < 3 || doc.quotation_in(content_from..content_to) {
            continue;
        }
        out.push(Post {
            content: Span::new(
                doc.tokens[content_from].span().start,
                doc.tokens[content_to - 1].span().end,
            ),
            mention: m,
            dash: doc.tokens[dash].span(),
            paragraph,
        });
    }
    out
}

/// Where the last dash (—, – or ―) of `span` of `text` starts: sought in the text rather
/// than token by token, as few paragraphs have one (in a long article, reading every
/// token's text is a stream of them through memory).
fn last_dash(text: &str, span: Span) -> Option<usize> {
    use crate::span::{bytes_equal, first_flagged};
    // All three are E2 80 9x in UTF-8.
    let bytes = text.as_bytes().get(..span.end)?;
    let mut last = None;
    let mut at = span.start;
    loop {
        at = first_flagged(bytes, at, |word| bytes_equal(word, 0xe2), |b| b == 0xe2);
        match bytes.get(at..at + 3) {
            Some([0xe2, 0x80, 0x93..=0x95]) => last = Some(at),
            Some(_) => {}
            None => return last,
        }
        at += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::last_dash;
    use crate::analyze;
    use crate::span::Span;

    #[test]
    fn last_dashes() {
        // (text, the span's bounds, where its last dash starts)
        for (text, (start, end), want) in [
            ("a — b – c ― d", (0, 19), Some(14)),
            ("a — b – c ― d", (0, 11), Some(8)),
            ("a — b", (0, 4), None),
            ("a — b", (2, 5), Some(2)),
            ("“a” … b’s - c", (0, 21), None),
            ("12345678 “—” 12345678—", (0, 30), Some(27)),
            ("12345678 “—” 12345678—", (0, 29), Some(12)),
            ("", (0, 0), None),
        ] {
            assert_eq!(
                last_dash(text, Span::new(start, end)),
                want,
                "{text:?} {start}..{end}"
            );
        }
    }

    /// (text, the post's words or none, its speaker)
    const ROWS: &[(&str, Option<&str>, Option<&str>)] = &[
        (
            "Councillor Petr Hájek was unimpressed.\nNine days lost means nine days lost. You cannot pour concrete faster. — Petr Hájek (@phajek) March 12, 2025",
            Some("Nine days lost means nine days lost. You cannot pour concrete faster."),
            Some("Petr Hájek"),
        ),
        // The signature on a line of its own signs the paragraph before it.
        (
            "The fans made their view clear.\nKeep the coach. Keep the soul of this club. #Otters\n— Riverton Ultras (@RivUltras) May 4, 2026",
            Some("Keep the coach. Keep the soul of this club. #Otters"),
            Some("Riverton Ultras"),
        ),
        // A dash and a name without a handle is a byline or an aside, not a post.
        (
            "The bridge reopened on Monday — Petr Hájek reports from Dravec.",
            None,
            None,
        ),
        // An '@' elsewhere in the text (an address) makes no handle.
        (
            "Write to news@dravec.example with tips.
The bridge reopened on Monday — Petr Hájek (reporting) from Dravec.",
            None,
            None,
        ),
        // A handle in another paragraph signs nothing here.
        (
            "Follow @phajek for updates.
Nine days lost means nine days lost. — Petr Hájek (phajek) March 12",
            None,
            None,
        ),
    ];

    #[test]
    fn signed_posts_are_quotes_of_their_author() {
        for &(text, post, speaker) in ROWS {
            let a = analyze(text).unwrap();
            let got = a.quotes.iter().find(|q| {
                q.cue
                    .is_some_and(|c| matches!(c.text(text), "—" | "–" | "―"))
            });
            assert_eq!(got.map(|q| q.span.text(text)), post, "{text}");
            if let Some(q) = got {
                assert_eq!(q.kind.as_str(), "direct", "{text}");
                assert_eq!(
                    q.speaker.map(|s| a.speakers[s].name.as_str()),
                    speaker,
                    "{text}"
                );
            }
        }
    }
}
