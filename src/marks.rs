//! Quotation marks -> quoted spans.
//!
//! Input: the article text and its paragraphs. Output: every span enclosed in quotation
//! marks ([`Marked`]), outermost and nested, with multi-paragraph quotes linked.
//!
//! Each mark's role (opening, closing, apostrophe) comes from its glyph and from what
//! flanks it, so straight quotes, `''` pairs, German „…“ and typos such as a reversed
//! curly mark all work. Unbalanced marks never fail the article: an orphan closing mark
//! is dropped, an opening mark left open at a paragraph's end continues into the next
//! paragraph when that one opens with a mark of the same family (the news convention for
//! multi-paragraph quotes), and otherwise runs to its paragraph's end with low confidence.

use crate::span::Span;

/// Marks that pair with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// “ ” " „ '' ``
    Double,
    /// ‘ ’ ' ‚
    Single,
    /// « » (and reversed » « in some languages)
    Guillemet,
    /// ‹ ›
    SingleGuillemet,
    /// 「 」
    Corner,
    /// 『 』
    WhiteCorner,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lean {
    Open,
    Close,
    Either,
}

/// A span enclosed in quotation marks.
#[derive(Clone, Debug, PartialEq)]
pub struct Marked {
    /// The content, excluding the marks.
    pub content: Span,
    pub open: Span,
    /// `None` when the paragraph ended before a closing mark.
    pub close: Option<Span>,
    pub paragraph: usize,
    /// 0 for an outermost quote, 1 for a quote inside it, ...
    pub depth: usize,
    pub family: Family,
    /// Index of the previous piece of the same multi-paragraph quotation.
    pub continues: Option<usize>,
    /// The opening mark was never closed and no next paragraph continued it.
    pub unbalanced: bool,
}

/// Deeper nesting than this is treated as text: no article nests quotes this deep, and
/// the bound keeps hostile input linear.
const MAX_DEPTH: usize = 6;

struct Mark {
    span: Span,
    family: Family,
    lean: Lean,
}

fn is_opening_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '—'
            | '–'
            | '-'
            | '/'
            | '“'
            | '‘'
            | '«'
            | '„'
            | '‚'
            | '「'
            | '『'
            | '\u{a0}'
    )
}

fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '—'
            | '–'
            | '-'
            | '/'
            | '…'
            | '”'
            | '’'
            | '»'
            | '」'
            | '』'
            | '"'
            | '\''
    )
}

/// The first byte from `from` that may start a quotation mark, a non-ASCII byte or one
/// of " ' ` (`bytes.len()` if none): eight bytes at a time, as most of a text is ASCII
/// without marks.
fn next_possible_mark(bytes: &[u8], from: usize) -> usize {
    use crate::span::{bytes_equal, first_flagged, HIGH_BITS};
    let marks = |x: u64| {
        (x & HIGH_BITS) | bytes_equal(x, b'"') | bytes_equal(x, b'\'') | bytes_equal(x, b'`')
    };
    first_flagged(bytes, from, marks, |b| {
        !b.is_ascii() || matches!(b, b'"' | b'\'' | b'`')
    })
}

/// Finds the marks of one paragraph in `text[para]`, into `marks` (cleared first: one
/// buffer serves every paragraph).
fn scan_marks(text: &str, para: Span, marks: &mut Vec<Mark>) {
    marks.clear();
    let body = para.text(text);
    let bytes = body.as_bytes();
    // The char starting at byte `i` (a char boundary), if any, and its length.
    let char_at = |i: usize| -> Option<(char, usize)> {
        match bytes.get(i) {
            Some(&b) if b < 0x80 => Some((b as char, 1)),
            Some(_) => body.get(i..)?.chars().next().map(|c| (c, c.len_utf8())),
            None => None,
        }
    };
    let mut prev: Option<char> = None;
    let mut i = 0;
    while let Some((c, c_len)) = char_at(i) {
        // Every ASCII byte but three is no quotation mark: skip the run of them at once.
        if c_len == 1 && !matches!(c, '"' | '\'' | '`') {
            let run_end = next_possible_mark(bytes, i);
            prev = Some(bytes[run_end - 1] as char);
            i = run_end;
            continue;
        }
        let next = char_at(i + c_len).map(|(n, _)| n);
        let start = para.start + i;
        i += c_len;
        let mut len = c_len;
        let mut two_chars = false;
        let glyph = match c {
            '“' => Some((Family::Double, Lean::Open)),
            '”' => Some((Family::Double, Lean::Close)),
            '„' => Some((Family::Double, Lean::Open)),
            '"' => Some((Family::Double, Lean::Either)),
            '`' if next == Some('`') => {
                len = 2;
                two_chars = true;
                Some((Family::Double, Lean::Open))
            }
            '\'' if next == Some('\'') => {
                len = 2;
                two_chars = true;
                Some((Family::Double, Lean::Either))
            }
            '‘' => Some((Family::Single, Lean::Open)),
            '’' => Some((Family::Single, Lean::Close)),
            '‚' => Some((Family::Single, Lean::Open)),
            '\'' => Some((Family::Single, Lean::Either)),
            '«' => Some((Family::Guillemet, Lean::Either)),
            '»' => Some((Family::Guillemet, Lean::Either)),
            '‹' => Some((Family::SingleGuillemet, Lean::Either)),
            '›' => Some((Family::SingleGuillemet, Lean::Either)),
            '「' => Some((Family::Corner, Lean::Open)),
            '」' => Some((Family::Corner, Lean::Close)),
            '『' => Some((Family::WhiteCorner, Lean::Open)),
            '』' => Some((Family::WhiteCorner, Lean::Close)),
            _ => None,
        };
        if let Some((family, lean)) = glyph {
            if two_chars {
                i += 1;
            }
            let after = if two_chars {
                char_at(i).map(|(n, _)| n)
            } else {
                next
            };
            // Guillemets: « opens and » closes in French, the reverse in German and Danish;
            // flanking decides below, the glyph only breaks ties.
            let lean = match c {
                '«' | '‹' => Lean::Open,
                '»' | '›' => Lean::Close,
                _ => lean,
            };
            marks.push(Mark {
                span: Span::new(start, start + len),
                family,
                lean: refine_lean(family, lean, prev, after),
            });
            prev = Some(if two_chars { '\'' } else { c });
            continue;
        }
        prev = Some(c);
    }
}

/// The mark's role from what flanks it: opening marks follow space or opening punctuation
/// and precede a non-space; closing marks do the reverse.
fn refine_lean(family: Family, lean: Lean, prev: Option<char>, next: Option<char>) -> Lean {
    // Guillemets: French sets them off with (narrow) spaces on the inside, so flanking
    // space says nothing; only German »X« — a letter inside, space outside — reverses them.
    if matches!(family, Family::Guillemet | Family::SingleGuillemet) {
        let letter_before = prev.is_some_and(|p| p.is_alphanumeric());
        let letter_after = next.is_some_and(|n| n.is_alphanumeric());
        return match lean {
            Lean::Close if letter_after && !letter_before => Lean::Open,
            Lean::Open if letter_before && !letter_after => Lean::Close,
            other => other,
        };
    }
    let space_before = prev.is_none_or(|p| p.is_whitespace() || is_opening_punct(p));
    let space_after = next.is_none_or(|n| n.is_whitespace() || is_closing_punct(n));
    let can_open = space_before && next.is_some_and(|n| !n.is_whitespace());
    let can_close = !space_before || prev.is_some_and(is_closing_punct) && space_after;
    let can_close = can_close && space_after;
    if family == Family::Single {
        let letter_before = prev.is_some_and(|p| p.is_alphanumeric());
        let letter_after = next.is_some_and(|n| n.is_alphanumeric());
        if letter_before && letter_after {
            return Lean::Either; // apostrophe inside a word: resolved as no mark below
        }
        if !letter_before && next.is_some_and(|n| n.is_ascii_digit()) {
            return Lean::Either; // '90s
        }
    }
    match (can_open, can_close) {
        (true, false) => Lean::Open,
        (false, true) => Lean::Close,
        _ => lean,
    }
}

fn is_apostrophe(text: &str, mark: &Mark) -> bool {
    if mark.family != Family::Single || mark.lean != Lean::Either {
        return false;
    }
    // An `Either` single mark is an apostrophe unless it stands between spaces.
    let before = text[..mark.span.start].chars().next_back();
    let after = text[mark.span.end..].chars().next();
    before.is_some_and(|c| c.is_alphanumeric()) || after.is_some_and(|c| c.is_ascii_digit())
}

/// Whether byte `pos` stands inside an HTML-like tag on its line: a `<` letter … before it
/// with no `>` in between, and a `>` after it.
fn inside_markup(text: &str, pos: usize) -> bool {
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..pos];
    let Some(lt) = before.rfind('<') else {
        return false;
    };
    let tag_start = before[lt + 1..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic());
    let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    tag_start && !before[lt..].contains('>') && text[pos..line_end].contains('>')
}

/// Single closing marks that are possessives inside a single-quoted span: the ’ of
/// ‘the Joneses’ dog’ is followed by a lowercase word and by another closing mark.
fn possessive_closers(text: &str, marks: &[Mark]) -> Vec<usize> {
    let mut out = Vec::new();
    for (k, m) in marks.iter().enumerate() {
        if m.family != Family::Single || m.lean != Lean::Close {
            continue;
        }
        let before = text[..m.span.start].chars().next_back();
        let mut after = text[m.span.end..].chars();
        let possessive_shape = matches!(before, Some('s' | 'S'))
            && after.next() == Some(' ')
            && after.next().is_some_and(|c| c.is_lowercase());
        let later_closer = marks[k + 1..]
            .iter()
            .any(|n| n.family == Family::Single && n.lean == Lean::Close);
        if possessive_shape && later_closer {
            out.push(k);
        }
    }
    out
}

/// Finds every quoted span of `text`, paragraph by paragraph.
pub fn find_marked(text: &str, paragraphs: &[Span]) -> Vec<Marked> {
    // (News has fewer quotations than paragraphs: room for them all, grown seldom.)
    let mut out: Vec<Marked> = Vec::with_capacity(paragraphs.len());
    // A quote left open at the end of the previous paragraph: (index in out, family).
    let mut carried: Option<(usize, Family)> = None;
    // The marks and the open quotes of the paragraph read, in buffers that serve every
    // paragraph.
    let mut marks: Vec<Mark> = Vec::new();
    let mut stack: Vec<(Mark, Option<usize>)> = Vec::new();
    for (pi, &para) in paragraphs.iter().enumerate() {
        scan_marks(text, para, &mut marks);
        stack.clear();
        let mut first = true;
        let possessives = possessive_closers(text, &marks);
        for (k, mark) in marks.drain(..).enumerate() {
            if is_apostrophe(text, &mark) || possessives.contains(&k) {
                continue;
            }
            let at_para_start = first && text[para.start..mark.span.start].trim().is_empty();
            first = false;
            // A continuation paragraph opens with the carried quote's family.
            if at_para_start {
                if let Some((prev, family)) = carried {
                    if family == mark.family && mark.lean != Lean::Close {
                        stack.push((mark, Some(prev)));
                        carried = None;
                        continue;
                    }
                }
            }
            let open_idx = stack.iter().rposition(|(m, _)| m.family == mark.family);
            let closes = match mark.lean {
                Lean::Close => true,
                Lean::Open => false,
                Lean::Either => open_idx.is_some(),
            };
            if closes {
                let Some(idx) = open_idx else { continue }; // orphan closing mark
                                                            // Marks opened after the matching one and never closed are dropped.
                stack.truncate(idx + 1);
                let Some((open, continues)) = stack.pop() else {
                    continue;
                };
                if open.span.end <= mark.span.start {
                    out.push(Marked {
                        content: Span::new(open.span.end, mark.span.start).trim(text),
                        open: open.span,
                        close: Some(mark.span),
                        paragraph: pi,
                        depth: stack.len(),
                        family: mark.family,
                        continues,
                        unbalanced: false,
                    });
                }
            } else if stack.len() < MAX_DEPTH {
                stack.push((mark, None));
            }
        }
        carried = None;
        // What is still open runs to the paragraph's end. The outermost open quote may
        // continue in the next paragraph.
        let next_opens_with = |family: Family| {
            paragraphs.get(pi + 1).is_some_and(|&next| {
                let mut next_marks = Vec::new();
                scan_marks(text, next, &mut next_marks);
                next_marks.first().is_some_and(|m| {
                    m.family == family
                        && m.lean != Lean::Close
                        && text[next.start..m.span.start].trim().is_empty()
                })
            })
        };
        for (depth, (open, continues)) in stack.drain(..).enumerate() {
            let continued = depth == 0 && next_opens_with(open.family);
            if depth > 0 && !continued {
                continue; // an inner mark left open is noise, not a quote
            }
            // A single mark left open is usually an apostrophe we could not tell apart.
            if open.family == Family::Single && !continued && continues.is_none() {
                continue;
            }
            let content = Span::new(open.span.end, para.end).trim(text);
            // A stray opening mark followed by complete quotes in its paragraph is a typo,
            // not a quote that swallows them.
            // This paragraph's quotes are the last ones found (quotes are found paragraph
            // by paragraph), so only those are looked at.
            let swallows = out
                .iter()
                .rev()
                .take_while(|m| m.paragraph == pi)
                .any(|m| m.open.start > open.span.start);
            if content.is_empty() || (!continued && swallows) {
                continue;
            }
            out.push(Marked {
                content,
                open: open.span,
                close: None,
                paragraph: pi,
                depth,
                family: open.family,
                continues,
                unbalanced: !continued,
            });
            if continued {
                carried = Some((out.len() - 1, open.family));
            }
        }
    }
    // Attribute values of markup left in the text (`<tweet id="7834…">`) and bare numbers
    // are no quotations. Dropping happens before sorting so that links stay valid: a
    // dropped piece is never the target of a continuation (those are open-ended pieces).
    // (Most texts have no markup at all: then no quote needs its line searched.)
    let markup = text.contains('<');
    let keep: Vec<bool> = out
        .iter()
        .map(|m| {
            let content = m.content.text(text);
            !(markup && inside_markup(text, m.open.start))
                && content.chars().any(|c| c.is_alphabetic())
        })
        .collect();
    let mut new_pos = vec![usize::MAX; out.len()];
    let mut kept = Vec::with_capacity(out.len());
    for (i, m) in out.into_iter().enumerate() {
        if keep[i] {
            new_pos[i] = kept.len();
            kept.push(m);
        }
    }
    for m in &mut kept {
        m.continues = m.continues.map(|c| new_pos[c]).filter(|&c| c != usize::MAX);
    }
    let out = kept;
    // Pieces were pushed in closing order; put them in text order and re-point the links.
    let mut order: Vec<usize> = (0..out.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| {
        (out[i].content.start, std::cmp::Reverse(out[i].content.end))
    });
    let mut new_index = vec![0; out.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut sorted: Vec<Marked> = order.iter().map(|&i| out[i].clone()).collect();
    // Depth by containment: a dropped stray opening mark must not make its neighbours nested.
    let mut enclosing: Vec<usize> = Vec::new();
    for m in &mut sorted {
        m.continues = m.continues.map(|c| new_index[c]);
        while enclosing.last().is_some_and(|&end| end <= m.content.start) {
            enclosing.pop();
        }
        m.depth = enclosing.len();
        enclosing.push(m.content.end);
    }
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let s = Span::new(start, start + line.len()).trim(text);
            if !s.is_empty() {
                out.push(s);
            }
            start += line.len() + 1;
        }
        out
    }

    fn quotes(text: &str) -> Vec<(String, usize)> {
        find_marked(text, &paragraphs(text))
            .iter()
            .map(|m| (m.content.text(text).to_string(), m.depth))
            .collect()
    }

    macro_rules! t {
        ($text:expr => [$($q:expr),* $(,)?]) => {{
            let got: Vec<String> = quotes($text).into_iter().filter(|(_, d)| *d == 0).map(|(q, _)| q).collect();
            let want: Vec<&str> = vec![$($q),*];
            assert_eq!(got, want, "in {:?}", $text);
        }};
    }

    #[test]
    fn quote_styles() {
        t!("“Curly,” she said." => ["Curly,"]);
        t!("\"Straight,\" she said." => ["Straight,"]);
        t!("She said: ‘British style’." => ["British style"]);
        t!("He said 'single straight' today." => ["single straight"]);
        t!("Il a dit « bonjour » hier." => ["bonjour"]);
        t!("Er sagte „Hallo“ gestern." => ["Hallo"]);
        t!("Sie sagte ‚Hallo‘ gestern." => ["Hallo"]);
        t!("彼は「こんにちは」と言った。" => ["こんにちは"]);
        t!("''We may see growth,'' the economist said." => ["We may see growth,"]);
        t!("``Old style,'' he said." => ["Old style,"]);
        t!("Er sagte »Hallo« gestern." => ["Hallo"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        t!("Don't stop the '90s at Jones' place." => []);
        t!("Don’t stop the ’90s at Jones’ place, O’Grady said." => []);
        t!("“It’s Jones’ car,” he said." => ["It’s Jones’ car,"]);
        t!("She said ‘the Joneses’ dog’ barked." => ["the Joneses’ dog"]);
    }

    #[test]
    fn nesting() {
        let got = quotes("“He called it ‘a disaster’ yesterday,” she said.");
        assert_eq!(
            got,
            vec![
                ("He called it ‘a disaster’ yesterday,".to_string(), 0),
                ("a disaster".to_string(), 1)
            ]
        );
        t!("‘He said “no” to me,’ she said." => ["He said “no” to me,"]);
    }

    #[test]
    fn multi_paragraph_quotes() {
        let text = "“First part of the quote.\n“Second part,” he said.\nNo quote here.";
        let ps = paragraphs(text);
        let m = find_marked(text, &ps);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].content.text(text), "First part of the quote.");
        assert_eq!(m[1].content.text(text), "Second part,");
        assert_eq!(m[1].continues, Some(0));
        assert!(!m[0].unbalanced);
    }

    #[test]
    fn unbalanced_marks_recover() {
        t!("“Never closed and the paragraph ends.\nNext paragraph has “a quote” in it." =>
            ["Never closed and the paragraph ends.", "a quote"]);
        t!("Stray closing” mark, then “a real one” here." => ["a real one"]);
        t!("A \"straight one and \"another\" one." => ["another"]);
    }

    #[test]
    fn markup_and_numbers_are_not_quotes() {
        t!("<tweet tweet-id=\"7834\" author=\"someone\"></tweet>. He said “yes, fine” then." => ["yes, fine"]);
        t!("The code was \"1234\" and she said \"hi there\"." => ["hi there"]);
        t!("If a < b then “we win” and c > d." => ["we win"]);
    }

    #[test]
    fn possible_marks_are_found_eight_bytes_at_a_time() {
        // (text, from, the first byte from there that may start a mark)
        let rows: &[(&str, usize, usize)] = &[
            ("", 0, 0),
            ("abc", 0, 3),
            ("abcdefghijklmnop", 0, 16),
            ("abcdefghijklmnop\"", 0, 16),
            ("abcdefgh'", 0, 8),
            ("abcdefg`h", 0, 7),
            ("ab\"cd'ef", 0, 2),
            ("ab\"cd'ef", 3, 5),
            ("abcdefghijk “l”", 0, 12),
            ("!#&()*+,-./0123456789:;<=>?@[\\]^_{|}~\x7f\x01 ok'", 0, 42),
            ("abc", 3, 3),
        ];
        for &(text, from, want) in rows {
            assert_eq!(
                next_possible_mark(text.as_bytes(), from),
                want,
                "{text:?} {from}"
            );
            let bytewise = text.as_bytes()[from..]
                .iter()
                .position(|&b| !b.is_ascii() || matches!(b, b'"' | b'\'' | b'`'))
                .map_or(text.len(), |p| from + p);
            assert_eq!(want, bytewise, "{text:?} {from}");
        }
        // From every offset of a text with marks at every distance.
        let text = "He said \"no\" and 'yes' — ``quoted'' “curly” and « French » ok.";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let bytewise = bytes[from..]
                .iter()
                .position(|&b| !b.is_ascii() || matches!(b, b'"' | b'\'' | b'`'))
                .map_or(bytes.len(), |p| from + p);
            assert_eq!(next_possible_mark(bytes, from), bytewise, "{from}");
        }
    }

    #[test]
    fn shifted_by_one_character() {
        for prefix in ["", "x", "é", "😀", "\u{ad}"] {
            let text = format!("{prefix}“Hi,” she said.");
            t!(&text => ["Hi,"]);
        }
    }
}
