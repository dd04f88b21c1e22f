//! Reported speech: "X said (that) …", "…, X said.", "according to X, …".
//!
//! Input: a [`Doc`], its [`Entities`] and the cues already used by quotations. Output:
//! [`Reported`] spans of content with the speaker mention and cue. Content boundaries
//! follow the news conventions measured on annotated data: content starts right after the
//! cue (after "that"), and ends at the sentence end, or before ", but", ";", a dash or
//! ", according to"; content before the cue runs from the sentence start to the comma
//! before the attribution.

use crate::attribute::{first_subject_between, is_passive, subject_left_of};
use crate::entities::Entities;
use crate::lexicon::CueClass;
use crate::span::Span;
use crate::text::{Doc, TokenKind};

#[derive(Clone, Debug, PartialEq)]
pub struct Reported {
    pub content: Span,
    pub mention: usize,
    pub cue: Span,
    pub confidence: f32,
}

const MIN_WORDS: usize = 3;

/// Cues of intention whose content is an infinitive ("to …").
const INFINITIVAL: &[&str] = &[
    "want", "plan", "refuse", "decline", "agree", "promise", "pledge", "vow", "threaten", "hope",
    "intend", "seek", "aim", "offer", "urge", "ask", "vote", "expect", "decide", "tell", "order",
    "call", "push", "press",
];

fn is_reporting_cue(doc: &Doc, k: usize) -> bool {
    let t = doc.tokens[k];
    if t.quote.is_some() || t.kind != TokenKind::Word {
        return false;
    }
    // Evidence cues ("the poll shows") pass here; the caller checks that their source is a
    // document or body.
    if doc.cue(k).is_none() {
        return false;
    }
    // A noun use ("his claims", "Trump’s promise") or an infinitive ("to say").
    let infinitive = k > 0
        && doc.tok(k - 1).eq_ignore_ascii_case("to")
        && doc.tokens[k - 1].paragraph == t.paragraph;
    !infinitive && !crate::attribute::is_noun_use(doc, k)
}

/// Where content that starts at token `from` ends (exclusive token index): the sentence
/// end, or the first clause boundary that starts new material: a semicolon or dash,
/// ", but/which/who/while/citing/adding…", a bare "but"/"yet", or "and" before another
/// speech verb ("… and says he will …").
fn content_end(doc: &Doc, from: usize, sentence_end: usize) -> usize {
    let mut k = from;
    while k < sentence_end {
        let w = doc.tok(k);
        if doc.tokens[k].quote.is_none() && k > from {
            if matches!(w, ";" | "—" | "–" | "―") {
                return k;
            }
            let next = if k + 1 < sentence_end {
                doc.tok(k + 1).to_ascii_lowercase()
            } else {
                String::new()
            };
            if w == ","
                && matches!(
                    next.as_str(),
                    "but"
                        | "according"
                        | "while"
                        | "which"
                        | "who"
                        | "whom"
                        | "although"
                        | "though"
                        | "citing"
                        | "yet"
                        | "adding"
                        | "saying"
                        | "noting"
                        | "where"
                        | "whereas"
                        | "arguing"
                        | "insisting"
                        | "warning"
                        | "treating"
                        | "calling"
                        | "describing"
                )
            {
                return k;
            }
            if matches!(w, "but" | "yet") {
                return k;
            }
            if w == "and"
                && (k + 1..(k + 4).min(sentence_end)).any(|j| {
                    doc.tokens[j].quote.is_none()
                        && doc.cue(j).is_some_and(|c| c.class != CueClass::Evidence)
                })
            {
                return k;
            }
        }
        k += 1;
    }
    // Drop the sentence-final stop.
    while k > from
        && doc.tokens[k - 1].kind == TokenKind::Punct
        && doc.tokens[k - 1].quote.is_none()
    {
        k -= 1;
    }
    k
}

fn span_of(doc: &Doc, from: usize, to: usize) -> Span {
    Span::new(doc.tokens[from].span.start, doc.tokens[to - 1].span.end)
}

fn word_count(doc: &Doc, from: usize, to: usize) -> usize {
    (from..to)
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
        .count()
}

/// Whether the content is one whole quotation (then it is a direct quote, not reported).
fn is_whole_quote(doc: &Doc, from: usize, to: usize) -> bool {
    let inside = (from..to)
        .filter(|&k| doc.tokens[k].quote.is_some() || doc.tokens[k].kind == TokenKind::QuoteMark)
        .count();
    inside * 10 >= (to - from) * 8
}

/// Finds reported speech outside quotations. `used_cues` are cue spans that attribute a
/// direct quotation already.
pub fn find_reported(doc: &Doc, ents: &Entities, used_cues: &[Span]) -> Vec<Reported> {
    find_reported_in(doc, ents, used_cues, &|_| true)
}

/// [`find_reported`] in the sentences (by index) for which `keep` holds. Each sentence is
/// read on its own, so the result is that of `find_reported` restricted to them.
pub fn find_reported_in(
    doc: &Doc,
    ents: &Entities,
    used_cues: &[Span],
    keep: &dyn Fn(usize) -> bool,
) -> Vec<Reported> {
    let used_cues: std::collections::HashSet<Span> = used_cues.iter().copied().collect();
    let mut out: Vec<Reported> = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        if !keep(si) {
            continue;
        }
        let (s0, s1) = (sentence.start, sentence.end);
        let mut k = s0;
        while k < s1 {
            if !is_reporting_cue(doc, k)
                || used_cues.contains(&doc.tokens[k].span)
                || is_passive(doc, k)
            {
                k += 1;
                continue;
            }
            let cue = doc.tokens[k].span;
            // Pattern 1: SUBJECT CUE [listener] [that] CONTENT; a participle ("…, saying
            // that …") takes the sentence's subject.
            let participle = doc.tok(k).ends_with("ing") && k > s0 && doc.tok(k - 1) == ",";
            // "Putin, speaking on Thursday, said …": a participle in an aside is no cue.
            let in_aside = participle && (k + 1..s1.min(k + 12)).any(|j| doc.tok(j) == ",");
            if in_aside && (k + 1..s1).any(|j| is_reporting_cue(doc, j)) {
                k += 1;
                continue;
            }
            // "Strada accused the government … and asserted that …": a coordinated verb
            // shares the sentence's subject.
            let coordinated = k > s0 && doc.tok(k - 1) == "and";
            let evidence_verb = doc.cue(k).is_some_and(|v| v.class == CueClass::Evidence);
            // "…, Putin maintained that …, rejecting claims": a participle after a comma
            // continues the clause before it, whose speaker is the latest in the sentence.
            let previous_speaker = out
                .last()
                .filter(|r| participle && r.cue.start >= doc.tokens[s0].span.start)
                .map(|r| r.mention);
            let subject = previous_speaker
                .or_else(|| {
                    if participle {
                        None
                    } else {
                        subject_left_of(doc, ents, k, s0)
                    }
                })
                // "A 2014 study by professor Justin Levitt found …": evidence comes from
                // the document, the sentence's subject, not the nearest person.
                .filter(|&m| !evidence_verb || ents.mentions[m].org)
                .filter(|&m| crate::attribute::agrees(doc, ents, m, k))
                .or_else(|| {
                    (participle || coordinated || evidence_verb)
                        .then(|| first_subject_between(ents, s0, k))
                        .flatten()
                });
            if let Some(m) = subject {
                let mut c = k + 1;
                // "told reporters", "told the Post"
                if let Some(lm) = ents.mention_at(c) {
                    if doc.cue(k).is_some_and(|v| {
                        matches!(
                            v.lemma,
                            "tell"
                                | "assure"
                                | "inform"
                                | "remind"
                                | "warn"
                                | "convince"
                                | "promise"
                        )
                    }) {
                        c = ents.mentions[lm].tokens.end;
                    }
                } else if c < s1
                    && matches!(
                        doc.tok(c),
                        "reporters" | "journalists" | "me" | "us" | "him" | "her" | "them"
                    )
                {
                    c += 1;
                }
                // "said on Tuesday that …": a short adverbial before "that".
                if let Some(that) = (c..s1.min(c + 6))
                    .take_while(|&j| {
                        doc.tokens[j].kind == TokenKind::Word
                            || doc.tokens[j].quote.is_some()
                            || doc.tokens[j].kind == TokenKind::QuoteMark
                    })
                    .find(|&j| doc.tok(j).eq_ignore_ascii_case("that"))
                {
                    c = that;
                }
                if c < s1 && doc.tok(c).eq_ignore_ascii_case("that") {
                    c += 1;
                }
                // "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": the
                // attribution interrupts the content, which spans both sides.
                let subject_start = ents.mentions[m].tokens.start;
                let interrupts = c < s1
                    && doc.tok(c) == ","
                    && subject_start > s0 + 3
                    && doc.tok(subject_start - 1) == ","
                    && word_count(doc, s0, subject_start - 1) >= MIN_WORDS
                    && doc.tokens[s0].quote.is_none()
                    && doc.tokens[s0].kind != TokenKind::QuoteMark;
                if interrupts {
                    let end = content_end(doc, c + 1, s1);
                    if end > c + 1 && !is_whole_quote(doc, s0, end) {
                        out.push(Reported {
                            content: span_of(doc, s0, end),
                            mention: m,
                            cue,
                            confidence: 0.7,
                        });
                        k = end.max(k + 1);
                        continue;
                    }
                }
                if c < s1 && doc.tok(c) == "," {
                    c += 1;
                }
                let verb = doc.cue(k);
                let lemma = verb.map(|v| v.lemma).unwrap_or("");
                // Intentions take an infinitive: "wants to triple the program", "refused to
                // release"; "called for / called on" take their object.
                let infinitive = c < s1 && doc.tok(c) == "to" && INFINITIVAL.contains(&lemma);
                if c + 1 < s1 && lemma == "call" && matches!(doc.tok(c), "for" | "on") {
                    c += 1;
                }
                // "the poll shows …" : evidence needs a document or body as its source, not a
                // pronoun or a person.
                let evidence_ok = verb.is_some_and(|v| v.class != CueClass::Evidence)
                    || matches!(
                        ents.mentions[m].kind,
                        crate::entities::MentionKind::Descriptor
                            | crate::entities::MentionKind::Name
                    ) && ents.mentions[m].org;
                // "spoke about her ties", "warned against hackers": the object of the
                // preposition is the content.
                let about = c + 1 < s1
                    && matches!(doc.tok(c), "about" | "against" | "of" | "on")
                    && verb.is_some_and(|v| v.class == CueClass::Speech);
                if about {
                    c += 1;
                }
                let end = content_end(doc, c, s1);
                // A speech verb's noun-phrase object is content too ("has articulated these
                // themes"), but only for verbs of saying and only short of a clause.
                let min_words = if verb.is_some_and(|v| v.class == CueClass::Speech) {
                    2
                } else {
                    MIN_WORDS
                };
                let starts_ok = evidence_ok
                    && c < s1
                    && doc.tokens[c].kind != TokenKind::QuoteMark
                    && (infinitive
                        || !matches!(
                            doc.tok(c),
                            ":" | "."
                                | "in"
                                | "on"
                                | "at"
                                | "to"
                                | "for"
                                | "about"
                                | "with"
                                | "of"
                                | "by"
                                | "so"
                                | "it"
                                | "yes"
                                | "no"
                        ));
                if starts_ok
                    && end > c
                    && word_count(doc, c, end) >= min_words
                    && !is_whole_quote(doc, c, end)
                {
                    out.push(Reported {
                        content: span_of(doc, c, end),
                        mention: m,
                        cue,
                        confidence: 0.8,
                    });
                    k = end.max(k + 1);
                    continue;
                }
            }
            // Pattern 2: CONTENT, SUBJECT CUE. / CONTENT, CUE SUBJECT.
            if k > s0 + 2 {
                let comma = (s0..k)
                    .rev()
                    .take(10)
                    .find(|&j| doc.tok(j) == "," && doc.tokens[j].quote.is_none());
                if let Some(comma) = comma {
                    let subject = ents
                        .mention_at(comma + 1)
                        .filter(|&m| {
                            ents.mentions[m].tokens.start == comma + 1
                                && ents.mentions[m].tokens.end <= k + 1
                        })
                        .or_else(|| {
                            ents.mention_at(k + 1).filter(|&m| {
                                ents.mentions[m].tokens.start == k + 1 && comma + 1 == k
                            })
                        });
                    let rest_is_short = {
                        let after = subject
                            .map(|m| ents.mentions[m].tokens.end.max(k + 1))
                            .unwrap_or(k + 1);
                        (after..s1)
                            .filter(|&j| doc.tokens[j].kind == TokenKind::Word)
                            .count()
                            <= 6
                    };
                    if let Some(m) = subject.filter(|&m| crate::attribute::agrees(doc, ents, m, k))
                    {
                        let mut c0 = s0;
                        while c0 < comma && doc.tokens[c0].kind == TokenKind::QuoteMark {
                            c0 += 1;
                        }
                        // "In a wide-ranging interview, Obama also said:" — an adverbial
                        // before the attribution is no content, and a cue that ends in a
                        // colon introduces what follows it.
                        let introduces = (k + 1..s1).any(|j| doc.tok(j) == ":");
                        let adverbial = matches!(
                            doc.tok(c0).to_ascii_lowercase().as_str(),
                            "in" | "at"
                                | "on"
                                | "during"
                                | "after"
                                | "before"
                                | "for"
                                | "with"
                                | "from"
                                | "since"
                                | "speaking"
                                | "asked"
                                | "when"
                                | "while"
                        ) && word_count(doc, c0, comma) < 8;
                        if rest_is_short
                            && !introduces
                            && !adverbial
                            && word_count(doc, c0, comma) >= MIN_WORDS
                            && !is_whole_quote(doc, c0, comma)
                            && doc.tokens[c0].quote.is_none()
                        {
                            out.push(Reported {
                                content: span_of(doc, c0, comma),
                                mention: m,
                                cue,
                                confidence: 0.75,
                            });
                        }
                    }
                }
            }
            k += 1;
        }
        // Pattern 4: a headline or paragraph "Name: claim" (the colon is the cue).
        if let Some(m) = ents
            .mention_at(s0)
            .filter(|&m| ents.mentions[m].tokens.start == s0)
        {
            let colon = ents.mentions[m].tokens.end;
            let opens_paragraph =
                s0 == 0 || doc.tokens[s0 - 1].paragraph != doc.tokens[s0].paragraph;
            if opens_paragraph
                && colon + 1 < s1
                && doc.tok(colon) == ":"
                && ents.mentions[m].kind == crate::entities::MentionKind::Name
                && doc.tokens[colon + 1].kind != TokenKind::QuoteMark
            {
                let end = content_end(doc, colon + 1, s1);
                if word_count(doc, colon + 1, end) >= MIN_WORDS {
                    out.push(Reported {
                        content: span_of(doc, colon + 1, end),
                        mention: m,
                        cue: doc.tokens[colon].span,
                        confidence: 0.7,
                    });
                }
            }
        }
        // Pattern 3: according to X, CONTENT / CONTENT, according to X.
        for a in s0..s1.saturating_sub(2) {
            if !doc.tok(a).eq_ignore_ascii_case("according")
                || doc.tok(a + 1) != "to"
                || doc.tokens[a].quote.is_some()
            {
                continue;
            }
            let Some(m) = crate::attribute::according_to_source(doc, ents, a) else {
                continue;
            };
            let cue = Span::new(doc.tokens[a].span.start, doc.tokens[a + 1].span.end);
            if used_cues.contains(&doc.tokens[a].span) || used_cues.contains(&cue) {
                continue;
            }
            let after_mention = ents.mentions[m].tokens.end;
            let (c0, c1) = if a == s0 {
                let mut c0 = after_mention;
                if c0 < s1 && doc.tok(c0) == "," {
                    c0 += 1;
                }
                (c0, content_end(doc, c0, s1))
            } else {
                let mut c1 = a;
                if c1 > s0 && doc.tok(c1 - 1) == "," {
                    c1 -= 1;
                }
                (s0, c1)
            };
            if c1 > c0 && word_count(doc, c0, c1) >= MIN_WORDS && !is_whole_quote(doc, c0, c1) {
                out.push(Reported {
                    content: span_of(doc, c0, c1),
                    mention: m,
                    cue,
                    confidence: 0.8,
                });
            }
        }
    }
    out.sort_by_key(|r| r.content.start);
    out.dedup_by(|a, b| a.content.overlaps(b.content));
    out
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    /// (text, reported content, speaker name)
    const ROWS: &[(&str, &str, &str)] = &[
        (
            "Anna Lee said that taxes will rise next year.",
            "taxes will rise next year",
            "Anna Lee",
        ),
        (
            "Taxes will rise next year, Anna Lee said.",
            "Taxes will rise next year",
            "Anna Lee",
        ),
        (
            "Taxes will rise next year, said Anna Lee.",
            "Taxes will rise next year",
            "Anna Lee",
        ),
        (
            "According to Anna Lee, taxes will rise next year.",
            "taxes will rise next year",
            "Anna Lee",
        ),
        (
            "Taxes will rise next year, according to Anna Lee.",
            "Taxes will rise next year",
            "Anna Lee",
        ),
        (
            "Anna Lee told reporters the plan was dead, but nobody listened.",
            "the plan was dead",
            "Anna Lee",
        ),
        (
            "Anna Lee denied that she had met the minister.",
            "she had met the minister",
            "Anna Lee",
        ),
    ];

    #[test]
    fn reported_speech_patterns() {
        for &(text, content, speaker) in ROWS {
            let a = analyze(text).unwrap();
            let q = a
                .quotes
                .iter()
                .find(|q| q.kind.as_str() == "indirect")
                .unwrap_or_else(|| panic!("no reported speech in {text:?}"));
            assert_eq!(q.span.text(text), content, "{text}");
            assert_eq!(
                q.speaker.map(|s| a.speakers[s].name.as_str()),
                Some(speaker),
                "{text}"
            );
        }
    }

    #[test]
    fn no_reported_speech_without_content() {
        for text in [
            "She declined to say.",
            "His claims were false.",
            "“We will win,” she said.",
            "In a wide-ranging interview, President Anna Lee also said:",
        ] {
            let a = analyze(text).unwrap();
            assert!(
                a.quotes.iter().all(|q| q.kind.as_str() != "indirect"),
                "{text}: {a:?}"
            );
        }
    }
}
