//! QuoteLens: finds every quotation in a news article, says who said it, and lists the
//! checkable claims.
//!
//! Input: the plain text of an article (paragraphs separated by line breaks), or its HTML.
//! Output: an [`Analysis`]: quotations with kind, speaker, mention, cue and confidence;
//! speakers resolved across the article; claims with claimant and check-worthiness.
//! All spans are byte offsets into the analysed text; [`output`] converts them once.
//!
//! ```
//! let text = "“We will win,” she said. Anna Lee, the mayor, spoke on Monday.";
//! let analysis = quotelens::analyze(text).unwrap();
//! assert_eq!(analysis.quotes[0].span.text(text), "We will win,");
//! ```
#![forbid(unsafe_code)]

pub mod attribute;
mod case;
pub mod check;
pub mod claims;
pub mod entities;
pub mod eval;
pub mod export;
pub mod extract;
mod fxhash;
pub mod html;
pub mod interview;
mod json;
pub mod lexicon;
pub mod markdown;
pub mod marks;
pub mod model;
pub mod nested;
pub mod output;
pub mod posts;
pub mod reported;
mod sort;
pub mod span;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use model::{Analysis, Claim, ClaimType, Quote, QuoteKind, Speaker, SpeakerKind, Stance};
pub use span::{OffsetMap, OffsetUnit, Span};

/// The largest text analysed in one call. Larger input gets [`Error::TooLarge`] rather
/// than a hang: 16 MiB is far beyond any article. (It also keeps every byte offset, and
/// every count of tokens, sentences, paragraphs and quotes, below 2^24: `text::Token`
/// stores them in three bytes each. A larger limit needs a wider token.)
pub const MAX_TEXT_BYTES: usize = 16 << 20;
const _: () = assert!(
    MAX_TEXT_BYTES <= 1 << 24,
    "text::Token stores offsets in three bytes"
);

/// Why an analysis was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    TooLarge { bytes: usize, limit: usize },
}

/// The largest HTML page accepted by [`analyze_html`]: 64 MiB.
pub const MAX_HTML_BYTES: usize = 64 << 20;

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::TooLarge { bytes, limit } => write!(
                f,
                "input of {bytes} bytes is larger than the {limit}-byte limit; split it or analyse an excerpt"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Analyses the plain text of an article.
pub fn analyze(text: &str) -> Result<Analysis, Error> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::TooLarge {
            bytes: text.len(),
            limit: MAX_TEXT_BYTES,
        });
    }
    Ok(run(text))
}

/// A quote that opens its paragraph without a cue of its own, and was attributed only by
/// fallback, continues the speaker of the previous paragraph's last attribution, whether
/// that was a quotation or reported speech ("he defended his decision …" then "“Well, …”").
fn continue_paragraph_speakers(doc: &text::Doc, quotes: &mut [Quote]) {
    // The highest paragraph of the quotes before the current one (paragraphs never
    // change here): a quote opens its paragraph when every earlier quote is in an
    // earlier one.
    let mut highest_before: Option<usize> = None;
    for i in 0..quotes.len() {
        let before = highest_before;
        highest_before = highest_before.max(Some(quotes[i].paragraph));
        let q = &quotes[i];
        if q.kind != QuoteKind::Direct || q.confidence >= 0.6 {
            continue;
        }
        // ... and no words of the writer's stand before it ("Vasquez smiled. “Ask me next
        // year.”" continues the sentence before, in `attribute`).
        let writer_before = doc.paragraphs.get(q.paragraph).is_some_and(|para| {
            doc.text
                .get(para.start..q.span.start)
                .is_some_and(|before| before.chars().any(char::is_alphanumeric))
        });
        let opens_paragraph =
            q.paragraph > 0 && before.is_none_or(|p| p < q.paragraph) && !writer_before;
        // "…, Schiff said. “The other factor …”": reported speech right before an uncued
        // quote in its paragraph names its speaker.
        let reported_before = i > 0
            && quotes[i - 1].paragraph == q.paragraph
            && quotes[i - 1].kind == QuoteKind::Indirect
            && quotes[i - 1].span.end <= q.span.start
            && quotes[i - 1].speaker.is_some()
            && quotes[i - 1].confidence >= 0.6;
        if !opens_paragraph && !reported_before {
            continue;
        }
        let from = doc.continues_from(q.paragraph);
        let previous = if reported_before {
            Some(&quotes[i - 1])
        } else {
            quotes[..i]
                .iter()
                .rev()
                .take_while(|o| o.paragraph >= from)
                .find(|o| o.paragraph < q.paragraph && o.speaker.is_some() && o.confidence >= 0.6)
        };
        if let Some(prev) = previous {
            let (speaker, mention) = (prev.speaker, prev.speaker_mention);
            quotes[i].speaker = speaker;
            quotes[i].speaker_mention = mention;
            quotes[i].cue = None;
            quotes[i].confidence = 0.6;
        }
    }
}

/// Numbers for the words of quotes, lowercased with ’ as ' (equal numbers, equal words),
/// for comparing wordings.
struct QuoteWordNumbers<'t> {
    /// The words of up to sixteen bytes (nearly all), each as its bytes in one integer,
    /// zero-padded (`packed_word`): hashed and compared as a number, not as a string.
    short: crate::fxhash::FxHashMap<u128, u32>,
    /// The longer words. A word already in lower case ASCII is its own key: only others
    /// are copied.
    long: crate::fxhash::FxHashMap<std::borrow::Cow<'t, str>, u32>,
    lower: String,
}

/// The number of a word that no numbered word equals (`QuoteWordNumbers::words` without
/// numbering new words).
const UNNUMBERED: u32 = u32::MAX;

/// A word of one to sixteen bytes as a `u128`, its bytes zero-padded (`None` for a longer
/// one): no compared word holds a zero byte (they are runs of letters, digits and
/// apostrophes), so no two share one.
fn packed_word(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let head = fxhash::partial_word(b.get(..8).unwrap_or(b)) as u128;
    match b.len() {
        0..=8 => Some(head),
        9..=16 => Some(head | (fxhash::partial_word(&b[8..]) as u128) << 64),
        _ => None,
    }
}

impl<'t> QuoteWordNumbers<'t> {
    /// The words of `quote`'s text as numbers; a word not numbered yet gets a new number
    /// with `numbering`, else [`UNNUMBERED`] (it equals none of the words numbered).
    fn words(&mut self, quote: &'t str, numbering: bool) -> Vec<u32> {
        let QuoteWordNumbers { short, long, lower } = self;
        // (About one word in six bytes.)
        let mut numbers = Vec::with_capacity(quote.len() / 4);
        for_each_compared_word(quote, |w| {
            let next = (short.len() + long.len()) as u32;
            let already_lower = w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase());
            if !already_lower {
                if w.is_ascii() {
                    lower.clear();
                    lower.push_str(w);
                    lower.make_ascii_lowercase();
                } else {
                    *lower = case::to_lowercase(w).replace('’', "'");
                }
            }
            let word: &str = if already_lower { w } else { lower };
            let n = match packed_word(word) {
                Some(key) if numbering => *short.entry(key).or_insert(next),
                Some(key) => short.get(&key).copied().unwrap_or(UNNUMBERED),
                None => match long.get(word) {
                    Some(&n) => n,
                    None if numbering => {
                        let key = if already_lower {
                            std::borrow::Cow::Borrowed(w)
                        } else {
                            std::borrow::Cow::Owned(lower.clone())
                        };
                        *long.entry(key).or_insert(next)
                    }
                    None => UNNUMBERED,
                },
            };
            numbers.push(n);
        });
        numbers
    }
}

/// Calls `f` with each word of `s` that [`QuoteWordNumbers::words`] compares: the
/// non-empty runs of letters, digits and apostrophes (' and ’), as
/// `s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')` gives them, with
/// ASCII read byte by byte rather than decoded.
fn for_each_compared_word<'s>(s: &'s str, mut f: impl FnMut(&'s str)) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (in_word, len) = match bytes[i] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric() || b == b'\'', 1),
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric() || c == '’', c.len_utf8())
            }
        };
        if !in_word {
            if start < i {
                f(&s[start..i]);
            }
            start = i + len;
        }
        i += len;
    }
    if start < bytes.len() {
        f(&s[start..]);
    }
}

/// A quote repeated elsewhere in the article — a pull quote, a headline, a subheading
/// ("‘We need to listen’") — without its own attribution has the speaker of the
/// attributed quote whose wording contains it.
fn repeated_quote_speakers(text: &str, quotes: &mut [Quote]) {
    use crate::fxhash::FxHashMap;
    // The quotes looked up below (each is changed only at its own turn, so this holds
    // throughout): none, nothing to do.
    let unattributed =
        |q: &Quote| (q.speaker.is_none() || q.confidence < 0.6) && q.kind != QuoteKind::Indirect;
    if !quotes.iter().any(unattributed) {
        return;
    }
    // The unattributed quotes' words are numbered; an attributed quote's words are only
    // compared with theirs, so a word of its that none of them has needs no number of its
    // own. Most unattributed quotes are scare quotes of a word or two, sought nowhere
    // (below three words): then nothing more is read.
    let bytes: usize = quotes
        .iter()
        .filter(|q| unattributed(q))
        .map(|q| q.span.len())
        .sum();
    // (About one word in six bytes, one distinct word in two.)
    let mut numbers = QuoteWordNumbers {
        short: fxhash::map_for(bytes / 12),
        long: fxhash::map_for(0),
        lower: String::new(),
    };
    let mut words: Vec<Vec<u32>> = quotes
        .iter()
        .map(|q| {
            if unattributed(q) {
                numbers.words(q.span.text(text), true)
            } else {
                Vec::new()
            }
        })
        .collect();
    if !words.iter().any(|w| w.len() >= 3) {
        return;
    }
    for (q, w) in quotes.iter().zip(&mut words) {
        if q.speaker.is_some() && q.kind != QuoteKind::Indirect && !unattributed(q) {
            *w = numbers.words(q.span.text(text), false);
        }
    }
    // Index the attributed quotes by their word trigrams: only the trigrams that open an
    // unattributed quote are ever looked up.
    let mut by_trigram: FxHashMap<&[u32], Vec<usize>> = quotes
        .iter()
        .zip(&words)
        .filter(|&(q, w)| unattributed(q) && w.len() >= 3)
        .map(|(_, w)| (&w[..3], Vec::new()))
        .collect();
    for (i, q) in quotes.iter().enumerate() {
        if q.speaker.is_some() && q.kind != QuoteKind::Indirect {
            for tri in words[i].windows(3) {
                if let Some(list) = by_trigram.get_mut(tri) {
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
    }
    for i in 0..quotes.len() {
        let q = &quotes[i];
        let unattributed = q.speaker.is_none() || q.confidence < 0.6;
        if !unattributed || q.kind == QuoteKind::Indirect || words[i].len() < 3 {
            continue;
        }
        let Some(candidates) = by_trigram.get(&words[i][..3]) else {
            continue;
        };
        // The source must be surer than the repeat ("We need to listen" pulled out of a
        // quote attributed only by the paragraph's context still takes that speaker).
        let source = candidates.iter().copied().find(|&j| {
            j != i
                && quotes[j].confidence > quotes[i].confidence
                && words[j]
                    .windows(words[i].len())
                    .any(|w| w == words[i].as_slice())
        });
        if let Some(j) = source {
            let (speaker, mention) = (quotes[j].speaker, quotes[j].speaker_mention);
            let source_confidence = quotes[j].confidence;
            let q = &mut quotes[i];
            q.speaker = speaker;
            q.speaker_mention = mention;
            q.cue = None;
            q.confidence = source_confidence.min(0.7);
            if q.kind == QuoteKind::Scare {
                q.kind = QuoteKind::Direct;
            }
        }
    }
}

/// The pipeline: marks -> tokens and sentences -> mentions and entities -> attribution ->
/// the speakers who speak, numbered in order of first quote.
fn run(text: &str) -> Analysis {
    let paragraphs = text::paragraphs(text);
    let marked = marks::find_marked(text, &paragraphs);
    let doc = text::Doc::new(text, paragraphs, &marked);
    let mut ents = entities::Entities::new(&doc);
    let attributed = attribute::attribute(&doc, &mut ents);
    let mut speaker_of_entity: Vec<Option<usize>> = vec![None; ents.entities.len()];
    // (At most one speaker for each entity but a few: room for them all up front spares
    // the table of large records its copies as it grows.)
    let mut speakers: Vec<Speaker> = Vec::with_capacity(ents.entities.len());
    let mut speaker_index = |e: usize, speakers: &mut Vec<Speaker>| -> usize {
        if let Some(i) = speaker_of_entity[e] {
            return i;
        }
        speakers.push(ents.speaker(e));
        speaker_of_entity[e] = Some(speakers.len() - 1);
        speakers.len() - 1
    };
    let mut quotes = Vec::with_capacity(attributed.len());
    for a in &attributed {
        let m = &doc.quotes[a.quote];
        let speaker = a.speaker.map(|e| speaker_index(e, &mut speakers));
        quotes.push(Quote {
            span: m.content,
            kind: a.kind,
            speaker,
            // The writer's own words rest on their "I" (the reader's badge says "Writer").
            speaker_mention: a.mention.map(|mi| ents.mentions[mi].span).or(a.writer),
            cue: a.cue,
            confidence: a.confidence,
            group: a.group,
            paragraph: m.paragraph,
        });
    }
    // Reported speech: cues not already used by a quotation's attribution.
    // (A partial quote's cue also governs the reported content around it: "X called the
    // plan “a disaster”" is both.)
    let used_cues: Vec<Span> = attributed
        .iter()
        .filter(|a| a.kind == QuoteKind::Direct)
        .filter_map(|a| a.cue)
        .collect();
    // The claims pass reads reported speech with no cue excluded; the quotes' reading
    // excludes the used cues.
    let (all_reported, reported_for_quotes) =
        reported::find_reported_twice(&doc, &ents, &used_cues);
    quotes.reserve(reported_for_quotes.len());
    for r in reported_for_quotes {
        let entity = match ents.mentions[r.mention].kind {
            entities::MentionKind::Pronoun => ents.resolve_pronoun(&doc, r.mention, None),
            _ => ents.mentions[r.mention].entity,
        };
        let speaker = entity.map(|e| speaker_index(e, &mut speakers));
        let paragraph = doc.paragraphs.partition_point(|p| p.end < r.content.start);
        quotes.push(Quote {
            span: r.content,
            kind: QuoteKind::Indirect,
            speaker,
            speaker_mention: Some(ents.mentions[r.mention].span),
            cue: Some(r.cue),
            confidence: if speaker.is_some() {
                r.confidence
            } else {
                r.confidence * 0.5
            },
            group: usize::MAX,
            paragraph,
        });
    }
    // A scare quote inside reported speech whose speaker is known is that speaker's words
    // ("Trump’s claim that there have been “thousands of shootings” in Chicago"); a title
    // stays a title.
    let mut reported_with_speaker: Vec<usize> = (0..quotes.len())
        .filter(|&j| quotes[j].kind == QuoteKind::Indirect && quotes[j].speaker.is_some())
        .collect();
    sort::sort_by_key(&mut reported_with_speaker, |&j| quotes[j].span.start);
    // A partial quote inside reported speech of the same speaker rests on the same cue
    // ("A neighbour, who did not want to be named, said she had heard shouting “for about
    // 20 minutes”": "said", not "want").
    for i in 0..quotes.len() {
        let partial = quotes[i].kind == QuoteKind::Partial;
        if !partial && quotes[i].kind != QuoteKind::Scare {
            continue;
        }
        // (Reported spans come in text order and never overlap: only the last one that
        // starts before the quote can hold it.)
        let before = reported_with_speaker
            .partition_point(|&j| quotes[j].span.start <= quotes[i].span.start);
        let around = before
            .checked_sub(1)
            .map(|b| reported_with_speaker[b])
            .filter(|&j| quotes[j].span.contains(quotes[i].span));
        if partial {
            if let Some(j) = around {
                // "…, with Senator John McCain telling reporters he viewed Obama as
                // “directly responsible”": a cue between the quote's own cue and the
                // quote governs it more closely, so its speaker said the words.
                let closer = quotes[j].cue.is_some_and(|reported_cue| {
                    reported_cue.end <= quotes[i].span.start
                        && quotes[i].cue.is_none_or(|cue| {
                            // ("was quoted as saying the council “…”": or within it.)
                            cue.end <= reported_cue.start || reported_cue.contains(cue)
                        })
                });
                if quotes[j].speaker == quotes[i].speaker || closer {
                    (quotes[i].speaker, quotes[i].speaker_mention, quotes[i].cue) =
                        (quotes[j].speaker, quotes[j].speaker_mention, quotes[j].cue);
                }
            }
            continue;
        }
        let title = text::is_title_cased(quotes[i].span.text(text));
        if let Some(j) = around.filter(|_| !title) {
            let (speaker, mention, cue) =
                (quotes[j].speaker, quotes[j].speaker_mention, quotes[j].cue);
            let q = &mut quotes[i];
            (q.kind, q.speaker, q.speaker_mention, q.cue, q.confidence) =
                (QuoteKind::Partial, speaker, mention, cue, 0.6);
        }
    }
    // Interview answers ("A: …", "Lind: …") are the interviewee's direct quotes;
    // quotation marks inside an answer are quotes within the quote, and a colon intro
    // read as reported speech is the answer itself.
    // A transcript's turn ("WALLACE: …") is its speaker's; the quotation that opened the
    // paragraph before the label gives way to it.
    let mut answers = interview::answers(&doc, &ents);
    answers.extend(interview::transcript_turns(&doc, &ents));
    for answer in answers {
        quotes.retain(|q| {
            !(q.kind == QuoteKind::Indirect && answer.content.contains(q.span)
                || q.span.contains(answer.label))
        });
        for q in quotes
            .iter_mut()
            .filter(|q| q.kind != QuoteKind::Indirect && answer.content.contains(q.span))
        {
            (q.kind, q.speaker, q.speaker_mention, q.cue, q.confidence) =
                (QuoteKind::Scare, None, None, None, 0.0);
        }
        let speaker = match answer.speaker {
            Some(e) => Some(speaker_index(e, &mut speakers)),
            None if answer.turn => Some(label_speaker(answer.label, text, &mut speakers)),
            None => None,
        };
        quotes.push(Quote {
            span: answer.content,
            kind: QuoteKind::Direct,
            speaker,
            speaker_mention: answer.mention,
            cue: Some(answer.label),
            confidence: if speaker.is_some() { 0.7 } else { 0.0 },
            group: usize::MAX,
            paragraph: answer.paragraph,
        });
    }
    // Embedded posts without quotation marks, signed "— Name (@handle) date".
    for post in posts::signed_posts(&doc, &ents) {
        let speaker = ents.mentions[post.mention]
            .entity
            .map(|e| speaker_index(e, &mut speakers));
        quotes.push(Quote {
            span: post.content,
            kind: QuoteKind::Direct,
            speaker,
            speaker_mention: Some(ents.mentions[post.mention].span),
            cue: Some(post.dash),
            confidence: if speaker.is_some() { 0.9 } else { 0.0 },
            group: usize::MAX,
            paragraph: post.paragraph,
        });
    }
    crate::sort::sort_by_key(&mut quotes, |q| {
        (q.span.start, q.kind == QuoteKind::Indirect)
    });
    continue_paragraph_speakers(&doc, &mut quotes);
    repeated_quote_speakers(text, &mut quotes);
    // Quotations inside quotations come last: the two passes above would hand them the
    // outer quote's speaker, whose words they repeat.
    let nested = nested::nested_quotes(&doc, &marked, &quotes);
    if !nested.is_empty() {
        for n in nested {
            let outer = &quotes[n.outer];
            let speaker = match n.source {
                nested::Source::Outer => outer.speaker,
                nested::Source::Named(word) => {
                    let word = word.text(text);
                    ents.entities
                        .iter()
                        .position(|e| e.short_name == word || e.name == word)
                        .map(|e| speaker_index(e, &mut speakers))
                }
                nested::Source::Unnamed | nested::Source::None => None,
            };
            quotes.push(Quote {
                span: n.span,
                kind: n.kind,
                speaker,
                speaker_mention: n.mention,
                cue: n.cue,
                confidence: if speaker.is_some() { 0.6 } else { 0.0 },
                group: usize::MAX,
                paragraph: outer.paragraph,
            });
        }
        crate::sort::sort_by_key(&mut quotes, |q| {
            (q.span.start, q.kind == QuoteKind::Indirect)
        });
    }
    // Counted once the quotes are final: the passes above reassign speakers freely.
    for q in &quotes {
        if let Some(s) = q.speaker {
            speakers[s].quote_count += 1;
        }
    }
    for (i, q) in quotes.iter_mut().enumerate() {
        if q.group == usize::MAX {
            q.group = doc.quotes.len() + i;
        }
    }
    let claims = claims::find_claims(
        &doc,
        &ents,
        &quotes,
        &all_reported,
        &mut speakers,
        &mut speaker_of_entity,
    );
    for s in &mut speakers {
        crate::sort::sort_by(&mut s.mentions, |a, b| a.cmp(b));
        s.mentions.dedup();
    }
    let mut analysis = Analysis {
        quotes,
        speakers,
        claims,
    };
    drop_silent_speakers(&mut analysis);
    analysis
}

/// Removes the speakers left with no quotation and no claim (a passage that first read as
/// reported speech may have turned out to be an interview's answer, or a quote another
/// speaker's), renumbering the references to the rest.
fn drop_silent_speakers(a: &mut Analysis) {
    let mut used = vec![false; a.speakers.len()];
    for s in a.quotes.iter().filter_map(|q| q.speaker) {
        used[s] = true;
    }
    for s in a.claims.iter().filter_map(|c| c.claimant) {
        used[s] = true;
    }
    if used.iter().all(|&u| u) {
        return;
    }
    let mut new_index = vec![usize::MAX; used.len()];
    let mut kept = 0;
    for (i, &u) in used.iter().enumerate() {
        if u {
            new_index[i] = kept;
            kept += 1;
        }
    }
    let mut i = 0;
    a.speakers.retain(|_| {
        i += 1;
        used[i - 1]
    });
    for q in &mut a.quotes {
        q.speaker = q.speaker.map(|s| new_index[s]);
    }
    for c in &mut a.claims {
        c.claimant = c.claimant.map(|s| new_index[s]);
    }
}

/// The speaker a transcript's label names when the article names no such person
/// ("WALLACE:" → "Wallace"), one per label.
fn label_speaker(label: Span, text: &str, speakers: &mut Vec<Speaker>) -> usize {
    let mut name = String::with_capacity(label.len());
    let mut word_start = true;
    for c in label.text(text).chars() {
        if word_start {
            name.push(c);
        } else {
            name.extend(case::lower_char(c));
        }
        word_start = c == ' ' || c == '-';
    }
    if let Some(i) = speakers.iter().position(|s| s.name == name) {
        speakers[i].mentions.push(label);
        return i;
    }
    speakers.push(Speaker {
        short_name: name.rsplit(' ').next().unwrap_or(&name).to_string(),
        name,
        role: None,
        kind: SpeakerKind::Person,
        mentions: vec![label],
        quote_count: 0,
    });
    speakers.len() - 1
}

/// Extracts the article from a page's HTML, then analyses it. Returns the article text
/// (all spans of the analysis point into it) and the analysis.
pub fn analyze_html(html: &str) -> Result<(String, Analysis), Error> {
    if html.len() > MAX_HTML_BYTES {
        return Err(Error::TooLarge {
            bytes: html.len(),
            limit: MAX_HTML_BYTES,
        });
    }
    let text = extract::extract_article(html).text;
    let analysis = analyze(&text)?;
    Ok((text, analysis))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compared_words_split_as_str_split() {
        // (text, words)
        let rows: &[(&str, &[&str])] = &[
            ("", &[]),
            ("  , .", &[]),
            ("We need to listen", &["We", "need", "to", "listen"]),
            (
                "“It’s emotional,” he said.",
                &["It’s", "emotional", "he", "said"],
            ),
            ("don't-stop 2016’s", &["don't", "stop", "2016’s"]),
            ("Éric, São Paulo—ΣΟΦΊΑ", &["Éric", "São", "Paulo", "ΣΟΦΊΑ"]),
            ("end'", &["end'"]),
        ];
        for &(text, expected) in rows {
            let mut words = Vec::new();
            for_each_compared_word(text, |w| words.push(w));
            let split: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words, expected, "{text}");
            assert_eq!(words, split, "{text}");
        }
    }

    #[test]
    fn quote_words_are_numbered_or_looked_up() {
        // (numbered texts, looked-up text, its numbers as the numbered words they equal,
        // `None` for none)
        type Row<'r> = (&'r [&'r str], &'r str, &'r [Option<&'r str>]);
        let rows: &[Row] = &[
            (
                &["we need to listen"],
                "We NEED to go",
                &[Some("we"), Some("need"), Some("to"), None],
            ),
            (
                &["It’s over"],
                "it's OVER, it is",
                &[Some("it's"), Some("over"), None, None],
            ),
            (&["Éric said"], "ÉRIC", &[Some("éric")]),
            // (Words longer than sixteen bytes are keyed by their text.)
            (
                &["Internationalisation and counterintuitively"],
                "INTERNATIONALISATION, counterintuitively and",
                &[
                    Some("internationalisation"),
                    Some("counterintuitively"),
                    Some("and"),
                ],
            ),
            (&[], "anything", &[None]),
        ];
        for &(numbered, looked_up, expected) in rows {
            let mut numbers = QuoteWordNumbers {
                short: fxhash::map_for(0),
                long: fxhash::map_for(0),
                lower: String::new(),
            };
            for text in numbered {
                numbers.words(text, true);
            }
            let got = numbers.words(looked_up, false);
            let wanted: Vec<u32> = expected
                .iter()
                .map(|w| {
                    w.map_or(UNNUMBERED, |w| match packed_word(w) {
                        Some(key) => numbers.short[&key],
                        None => numbers.long[w],
                    })
                })
                .collect();
            assert_eq!(got, wanted, "{looked_up}");
        }
    }

    /// Document-level attribution: (text, quote, expected speaker).
    const ROWS: &[(&str, &str, Option<&str>)] = &[
        // A pull quote repeats words of an attributed quote.
        (
            "‘We need to listen’\n“The sea is telling us something. We need to listen,” said Hori Parata.",
            "We need to listen",
            Some("Hori Parata"),
        ),
        // A pull quote takes the speaker of the quote it repeats, even when that one is
        // attributed only by its paragraph's context.
        (
            "Whale whisperer Hori Parata has rescued whales for fifty years.\n‘We need to listen’\nBut for Parata the deaths are personal.\n“It is emotional. We need to listen.”",
            "We need to listen",
            Some("Hori Parata"),
        ),
        // A caption between two paragraphs of one speaker does not break the chain.
        (
            "“The whales come here to die,” says Hori Parata, an elder.\nThe harbour at dawn\n“When will we talk about what hurts them?”",
            "When will we talk about what hurts them?",
            Some("Hori Parata"),
        ),
        // Reported speech right before an uncued quote in its paragraph names its speaker,
        // not the subject of the paragraph before.
        (
            "Councillor Ravi Menon was forced to step down in July.\nThe bridge may close in March, said Lee. “The other factor is the cost. We could not wait any longer.”",
            "The other factor is the cost. We could not wait any longer.",
            Some("Lee"),
        ),
        // A scare quote inside reported speech is the reported speaker's words; a title
        // inside it stays a title.
        (
            "The board seized on Anna Lee’s claim that there have been “dozens of closures” on the island this year.",
            "dozens of closures",
            Some("Anna Lee"),
        ),
        (
            "The board seized on Anna Lee’s claim that her book “The Long Harbour” sold well this year.",
            "The Long Harbour",
            None,
        ),
        // A quote paragraph after reported speech continues its speaker.
        (
            "Mayor Anna Lee defended the decision on Monday, saying the bridge was unsafe.\n“We could not wait any longer.”",
            "We could not wait any longer.",
            Some("Anna Lee"),
        ),
    ];

    #[test]
    fn document_level_attribution() {
        for &(text, quote, speaker) in ROWS {
            let a = analyze(text).unwrap();
            let q = a
                .quotes
                .iter()
                .find(|q| q.span.text(text) == quote)
                .unwrap_or_else(|| panic!("no quote {quote:?} in {text:?}"));
            assert_eq!(
                q.speaker.map(|s| a.speakers[s].name.as_str()),
                speaker,
                "{text}"
            );
        }
    }
}
