//! Quotations inside quotations -> quotes of their own.
//!
//! Input: the [`Doc`], the quoted spans of every depth (`marks::find_marked`) and the
//! quotes the pipeline has attributed so far.
//! Output: a [`Nested`] for each quotation standing inside a direct or partial quote:
//! the words a speaker quotes from someone else ("he told me “there is nothing to
//! discuss”"), a sentence they repeat (‘Sorry for the bother.’) or a term and title they
//! set off (‚ultimatums‘, “Shark Tank”).
//!
//! The source of a nested quotation is read inside the outer quote: the verb of saying
//! just before it ("he told me", "one of them said to the winchman was,") and that verb's
//! subject. "I" and "we" are the outer speaker quoting themselves; a name the article
//! knows is that person; anyone else ("he", "the driver") stays unnamed rather than
//! guessed. With no such verb, a whole sentence is a quotation of no known speaker and
//! anything else a scare quote or title.

use crate::marks::Marked;
use crate::model::{Quote, QuoteKind};
use crate::span::Span;
use crate::text::{Doc, TokenKind};

/// Who the nested quotation is by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The outer quote's speaker ("I said, ‘No.’").
    Outer,
    /// The word naming the source, to be looked up among the article's people.
    Named(Span),
    /// A source the words do not name ("he told me", "one of them said").
    Unnamed,
    /// No verb of saying: a scare quote, a title or a sentence of unknown source.
    None,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Nested {
    pub span: Span,
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    /// The subject of the cue, when there is one.
    pub mention: Option<Span>,
    pub source: Source,
    /// The index, in the quotes passed in, of the quote it stands inside.
    pub outer: usize,
}

/// How far before a nested quotation its verb of saying may stand ("said to the winchman
/// was, ‘…’"): further away, the verb says something else.
const CUE_REACH: usize = 8;

/// The quotations nested in `quotes`' direct and partial quotes (`quotes` sorted by start).
pub fn nested_quotes(doc: &Doc, marked: &[Marked], quotes: &[Quote]) -> Vec<Nested> {
    let mut out = Vec::new();
    if marked.iter().all(|m| m.depth == 0) {
        return out;
    }
    // The direct and partial quotes in text order (`quotes` is sorted by start): they do
    // not overlap, so the one that can hold a nested mark is the last to start before it.
    // (A binary search each, not a scan: an article of many nested quotes stays linear.)
    let outers: Vec<usize> = (0..quotes.len())
        .filter(|&i| matches!(quotes[i].kind, QuoteKind::Direct | QuoteKind::Partial))
        .collect();
    for m in marked
        .iter()
        .filter(|m| m.depth == 1 && !m.content.is_empty())
    {
        let before = outers.partition_point(|&i| quotes[i].span.start <= m.open.start);
        let Some(outer) = before
            .checked_sub(1)
            .map(|b| outers[b])
            .filter(|&i| quotes[i].span.contains(m.open))
        else {
            continue;
        };
        let (cue, subject) = match cue_before(doc, m, quotes[outer].span) {
            Some((cue, subject)) => (Some(cue), subject),
            None => (None, None),
        };
        let source = match (cue, subject) {
            (None, _) => Source::None,
            (Some(_), Some(s)) => subject_source(doc, s),
            (Some(_), None) => Source::Unnamed,
        };
        let content = m.content.text(doc.text);
        let kind = if source == Source::None {
            if is_sentence(content) && !crate::text::is_title_cased(content) {
                QuoteKind::Direct
            } else {
                QuoteKind::Scare
            }
        } else if is_sentence(content) || is_cut_utterance(content) {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        out.push(Nested {
            span: m.content,
            kind,
            cue: cue.map(|k| doc.tokens[k].span()),
            mention: subject.map(|k| doc.tokens[k].span()),
            source,
            outer,
        });
    }
    out
}

/// The verb of saying that introduces the nested quotation `m` inside the outer quote
/// `outer`, and that verb's subject: token indices.
fn cue_before(doc: &Doc, m: &Marked, outer: Span) -> Option<(usize, Option<usize>)> {
    let open = doc.tokens_before(m.open.start);
    let first = doc.tokens_before(outer.start);
    let mut k = open;
    let mut steps = 0;
    while k > first && steps < CUE_REACH {
        k -= 1;
        steps += 1;
        let t = doc.tokens[k];
        if t.kind == TokenKind::Punct
            && matches!(
                doc.tok(k),
                "." | "?" | "!" | ";" | "“" | "”" | "\"" | "‘" | "’"
            )
        {
            return None;
        }
        if t.kind != TokenKind::Word {
            continue;
        }
        // A conjunction opens another clause, whose verb says nothing of the quotation
        // ("I've got to ask you, because as “The Wall Street Journal” wrote").
        if is_clause_opener(doc.tok(k)) {
            return None;
        }
        let Some(cue) = doc.cue(k) else { continue };
        if !cue.quotative || crate::attribute::is_noun_use(doc, k) {
            continue;
        }
        return Some((k, subject_of(doc, k, first)));
    }
    None
}

/// The subject of the verb at `k`: the word before it, past an auxiliary or an adverb
/// ("he then told me", "I had said").
fn subject_of(doc: &Doc, k: usize, first: usize) -> Option<usize> {
    let mut j = k;
    while j > first {
        j -= 1;
        if doc.tokens[j].kind != TokenKind::Word {
            return None;
        }
        let word = doc.tok(j);
        let skip =
            crate::lexicon::in_class(
                &crate::text::ascii_lowercase_in(word, &mut [0; 32]),
                crate::lexicon::SUBJECT_FILLER,
            ) || word.len() > 3 && word.ends_with("ly") && word.starts_with(char::is_lowercase);
        if !skip {
            return Some(j);
        }
    }
    None
}

/// Lowercased words that may stand between a subject and its verb (`subject_of`):
/// auxiliaries and adverbs.
pub(crate) const SUBJECT_FILLERS: &str = "
    had has have would will could can might should did does do never always often then
    just also once later simply
";

fn is_clause_opener(word: &str) -> bool {
    crate::lexicon::in_class(
        &crate::text::ascii_lowercase_in(word, &mut [0; 32]),
        crate::lexicon::NESTED_CLAUSE_OPENER,
    )
}

/// Lowercased words that open a clause (`is_clause_opener`).
pub(crate) const NESTED_CLAUSE_OPENERS: &str = "
    because as and but or when while if which who where after before since though
    although
";

fn subject_source(doc: &Doc, s: usize) -> Source {
    let word = doc.tok(s);
    if matches!(word, "I" | "we" | "We") {
        Source::Outer
    } else if word.starts_with(char::is_uppercase)
        && !(s > 0 && doc.tokens[s - 1].sentence() != doc.tokens[s].sentence())
        && !crate::lexicon::in_class(word, crate::lexicon::CAPITAL_PRONOUN)
    {
        Source::Named(doc.tokens[s].span())
    } else {
        Source::Unnamed
    }
}

/// Capitalised subject pronouns other than "I" and "We" (`subject_source`).
pub(crate) const CAPITAL_PRONOUNS: &str = "
    He She They It You
";

/// A whole sentence: it opens with a capital and ends with a sentence's punctuation
/// ("Sorry for the bother."), not a fragment ("there is nothing to discuss").
fn is_sentence(content: &str) -> bool {
    content.starts_with(char::is_uppercase)
        && content
            .trim_end_matches(['"', '”', '’', '\'', ' '])
            .ends_with(['.', '?', '!'])
        && content.split_whitespace().count() >= 2
}

/// "He kept saying, ‘It's only a matter of time,’ and …": after its cue, a capitalised
/// utterance of a few words whose comma (or ellipsis) the writer's sentence goes on after.
fn is_cut_utterance(content: &str) -> bool {
    content.starts_with(char::is_uppercase)
        && content
            .trim_end_matches(['"', '”', '’', '\'', ' '])
            .ends_with([',', '…'])
        && content.split_whitespace().count() >= 3
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    /// (text, nested quotation, kind, speaker)
    #[test]
    fn nested_quotations() {
        macro_rules! t {
            ($text:expr => $quote:expr, $kind:expr, $speaker:expr) => {{
                let a = analyze($text).unwrap();
                let q = a
                    .quotes
                    .iter()
                    .find(|q| q.span.text($text) == $quote)
                    .unwrap_or_else(|| panic!("{}: {:?} not found in {a:?}", $text, $quote));
                assert_eq!(q.kind.as_str(), $kind, "{}", $text);
                let speaker = q.speaker.map(|s| a.speakers[s].name.as_str());
                assert_eq!(speaker, $speaker, "{}", $text);
            }};
        }
        // Someone the speaker quotes, unnamed: a fragment, then a sentence.
        t!("Councillor Ruth Hale said: ‘When I asked him directly, he told me “there is nothing to discuss”. That is wrong.’"
            => "there is nothing to discuss", "partial", None);
        t!("“The first thing one of them said to the winchman was, ‘Sorry for the bother.’” said Fergus McAllister, the pilot."
            => "Sorry for the bother.", "direct", None);
        // The speaker quoting themselves.
        t!("“I looked at him and I said, ‘No way,’ and left,” said Ruth Hale."
            => "No way,", "partial", Some("Ruth Hale"));
        t!("“I told the board, ‘We are not selling.’ They laughed,” said Ruth Hale."
            => "We are not selling.", "direct", Some("Ruth Hale"));
        // (A clause of its own after the cue is whole, though the writer's sentence goes
        // on after its comma.)
        t!("“He looked at me and I would say, ‘That is ridiculous,’ every time,” said Ruth Hale."
            => "That is ridiculous,", "direct", Some("Ruth Hale"));
        t!("“He kept saying, ‘It is only a matter of time,’ and we didn't listen,” said Kasia."
            => "It is only a matter of time,", "direct", None);
        // A verb of another clause says nothing of the quotation.
        t!("“I have to ask you, because as “The Wall Street Journal” wrote, it is late,” said Ruth Hale."
            => "The Wall Street Journal", "scare", None);
        // A person the article names.
        t!("Derek Amos runs the depot. “Then Amos told us, ‘Go home.’ So we did,” said Ruth Hale."
            => "Go home.", "direct", Some("Derek Amos"));
        // No verb of saying: a term or a title is a scare quote; a sentence has no known
        // source.
        t!("“We are open to talks but not to ‚ultimatums‘ from anyone,” said Jürgen Falk."
            => "ultimatums", "scare", None);
        t!("“He thinks this is an episode of “Shark Tank.” It is not,” said Ruth Hale."
            => "Shark Tank.", "scare", None);
        t!("“The sign on the door read ‘Closed until further notice.’ Nobody knew why,” said Ruth Hale."
            => "Closed until further notice.", "direct", None);
    }

    #[test]
    fn nested_quotations_add_no_claims() {
        // The outer quote's sentences are the claims; the words it repeats are no claim of
        // their own, by no one.
        let text = "“He would come in with one yellow sheet of paper in his pocket, pull it out, and say, ‘Let’s try this.’” said Ruth Hale.";
        let a = analyze(text).unwrap();
        let nested = a
            .quotes
            .iter()
            .position(|q| q.span.text(text) == "Let’s try this.")
            .unwrap();
        assert!(
            a.claims.iter().all(|c| c.quote != Some(nested)),
            "{:?}",
            a.claims
        );
        assert!(a
            .claims
            .iter()
            .any(|c| c.span.text(text).contains("yellow sheet")));
    }

    #[test]
    fn outer_quotes_keep_their_speaker() {
        let text = "“When I asked him, he told me “there is nothing to discuss”. That is wrong,” said Ruth Hale.";
        let a = analyze(text).unwrap();
        let outer = a
            .quotes
            .iter()
            .find(|q| q.span.text(text).starts_with("When I asked"))
            .unwrap();
        assert_eq!(outer.kind.as_str(), "direct");
        assert_eq!(a.speakers[outer.speaker.unwrap()].name, "Ruth Hale");
    }
}
