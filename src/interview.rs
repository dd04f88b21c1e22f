//! Question-and-answer interviews ("Q: …" / "A: …" paragraphs) and transcripts
//! ("WALLACE: …" / "PENCE: …" turns).
//!
//! Input: a [`Doc`] and its [`Entities`]. Output: the answers, each the content of an
//! "A:" paragraph (label excluded), with the interviewee: the person the article
//! introduces before the first question, i.e. the one named most often there. Questions
//! are the publication's and are not reported. An article is an interview only when it
//! has at least two labelled questions and two labelled answers, so a stray "A:" line
//! (a list item, a grade) is never taken for one.
//!
//! A transcript's turns open with a surname in capitals and a colon, often inside a
//! quotation that runs over many paragraphs; each turn is its speaker's words, the
//! speaker being the person of that surname the article names. Capitalised labels that
//! name nobody in the article ("UPDATE:", "CORRECTION:") are no turns, and a transcript
//! needs two turns.

use crate::entities::{Entities, MentionKind};
use crate::model::SpeakerKind;
use crate::span::Span;
use crate::text::{Doc, TokenKind};

/// One answer of an interview.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// The answer's words, from after the label to the end of its paragraph.
    pub content: Span,
    /// The label ("A"), the cue of the attribution.
    pub label: Span,
    /// The interviewee entity, when the introduction names one.
    pub speaker: Option<usize>,
    /// What the attribution rests on: the introduction's mention of the interviewee, or a
    /// transcript turn's label.
    pub mention: Option<Span>,
    pub paragraph: usize,
    /// A transcript turn: with no person of its label's surname in the article, the label
    /// itself names the speaker ("WALLACE" → "Wallace").
    pub turn: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Label {
    Question,
    Answer,
}

/// The label opening paragraph tokens `from..to`: "Q:" / "Question:" / "A:" / "Answer:"
/// (a full stop in place of the colon too), and the token where the text after it starts.
fn label(doc: &Doc, from: usize, to: usize) -> Option<(Label, usize)> {
    if to < from + 3 || doc.tokens[from].kind != TokenKind::Word {
        return None;
    }
    let kind = match doc.tok(from) {
        "Q" | "Question" => Label::Question,
        "A" | "Answer" => Label::Answer,
        _ => return None,
    };
    matches!(doc.tok(from + 1), ":" | ".").then_some((kind, from + 2))
}

/// A person's name opening paragraph tokens `from..to` as a label ("Lind: …"): its
/// mention and the token where the text after the colon starts.
fn name_label(doc: &Doc, ents: &Entities, from: usize, to: usize) -> Option<(usize, usize)> {
    let m = ents.mention_at(from)?;
    let mention = &ents.mentions[m];
    let colon = mention.tokens.end;
    let person = mention
        .entity
        .is_some_and(|e| ents.entities[e].kind == SpeakerKind::Person);
    (mention.tokens.start == from
        && mention.kind == MentionKind::Name
        && person
        && colon + 1 < to
        && doc.tok(colon) == ":")
        .then_some((m, colon + 1))
}

/// The answers of a Q&A interview, in text order; empty when the article is none.
pub fn answers(doc: &Doc, ents: &Entities) -> Vec<Answer> {
    let mut labelled: Vec<Labelled> = Vec::new();
    for p in 0..doc.paragraphs.len() {
        let std::ops::Range {
            start: from,
            end: to,
        } = doc.paragraph_tokens(p);
        if let Some((kind, start)) = label(doc, from, to) {
            labelled.push((p, kind, start, to, None, start - 2));
        } else if let Some((mention, start)) = labelled
            .last()
            .filter(|l| l.1 == Label::Question && l.0 + 1 == p)
            .and_then(|_| name_label(doc, ents, from, to))
        {
            // "Q: …" then "Lind: …": the answer names who gives it.
            labelled.push((p, Label::Answer, start, to, Some(mention), from));
        }
    }
    let count = |k: Label| labelled.iter().filter(|l| l.1 == k).count();
    if count(Label::Question) < 2 || count(Label::Answer) < 2 {
        labelled = unlabelled(doc);
        if count_of(&labelled, Label::Question) < 2 {
            return Vec::new();
        }
    }
    // The interviewee: the person named most often before the first question or answer.
    let first = doc.paragraph_tokens(labelled[0].0).start;
    let mut tally: Vec<(usize, usize, usize)> = Vec::new(); // (entity, count, first mention)
    for (mi, m) in ents.mentions.iter().enumerate() {
        if m.tokens.start >= first || m.kind == MentionKind::Pronoun {
            continue;
        }
        let Some(e) = m.entity else { continue };
        // ("Q&A: the scientist who …": a word with no sign of a person is no interviewee.)
        if ents.entities[e].kind != SpeakerKind::Person || !ents.entities[e].evidence {
            continue;
        }
        match tally.iter_mut().find(|t| t.0 == e) {
            Some(t) => t.1 += 1,
            None => tally.push((e, 1, mi)),
        }
    }
    let interviewee = tally
        .iter()
        .max_by_key(|t| (t.1, std::cmp::Reverse(t.2)))
        .map(|&(e, _, mi)| (e, mi));
    labelled
        .into_iter()
        .filter(|l| l.1 == Label::Answer)
        .filter_map(|(p, _, start, end, named, label)| {
            let mut end = end;
            while end > start && doc.tokens[end - 1].kind == TokenKind::QuoteMark {
                end -= 1;
            }
            let (speaker, mention) = match named {
                Some(m) => (ents.mentions[m].entity, Some(m)),
                None => (interviewee.map(|i| i.0), interviewee.map(|i| i.1)),
            };
            let mention = mention.map(|m| ents.mentions[m].span);
            (end > start).then(|| Answer {
                content: Span::new(
                    doc.tokens[start].span().start,
                    doc.tokens[end - 1].span().end,
                ),
                label: doc.tokens[label].span(),
                speaker,
                mention,
                paragraph: p,
                turn: false,
            })
        })
        .collect()
}

/// (paragraph, kind, text start, end, the answering person's mention when named, the
/// label's token: "A" of "A:", the name of "Lind:", or an unlabelled answer's question mark)
type Labelled = (usize, Label, usize, usize, Option<usize>, usize);

fn count_of(labelled: &[Labelled], kind: Label) -> usize {
    labelled.iter().filter(|l| l.1 == kind).count()
}

/// An interview printed without labels (the questions set in bold on the page, plain in
/// its text): "Why count trees at all?" as a paragraph of its own, then the answer's
/// paragraphs. Read only where the article says it is an interview before its first
/// question ("Q&A", "interview", "we asked"), and with at least two questions each
/// answered, so that a column's rhetorical questions are never taken for one. The
/// answers run to the next question; the last one is a single paragraph, after which the
/// article may go back to its own narration. Returns (paragraph, kind, text start, end,
/// None, mark) rows as [`answers`] reads them.
fn unlabelled(doc: &Doc) -> Vec<Labelled> {
    let is_question = |p: usize| {
        let range = doc.paragraph_tokens(p);
        range.len() >= 3
            && range.len() <= 40
            && doc.tok(range.end - 1) == "?"
            && range
                .clone()
                .all(|k| doc.tokens[k].kind != TokenKind::QuoteMark)
            && doc.sentence_of(range.start).end >= range.end
    };
    let questions: Vec<usize> = (0..doc.paragraphs.len())
        .filter(|&p| is_question(p))
        .collect();
    let Some(&first) = questions.first() else {
        return Vec::new();
    };
    let announced = (0..doc.paragraph_tokens(first).start).any(|k| {
        let w = doc.tok(k);
        w.eq_ignore_ascii_case("Q&A")
            || w.eq_ignore_ascii_case("interview")
            || w == "asked" && k > 0 && matches!(doc.tok(k - 1), "We" | "we" | "I")
    });
    if !announced {
        return Vec::new();
    }
    let mut rows = Vec::new();
    for (i, &q) in questions.iter().enumerate() {
        let next = questions.get(i + 1).copied();
        let last = match next {
            Some(n) => n,
            None => (q + 2).min(doc.paragraphs.len()),
        };
        let answers: Vec<usize> = (q + 1..last)
            .filter(|&p| {
                let range = doc.paragraph_tokens(p);
                !range.is_empty() && doc.tokens[range.start].kind != TokenKind::QuoteMark
            })
            .collect();
        // (Consecutive questions with no answer between them are no interview's.)
        if answers.is_empty() {
            return Vec::new();
        }
        let range = doc.paragraph_tokens(q);
        let mark = range.end - 1;
        rows.push((q, Label::Question, range.start, range.end, None, mark));
        for p in answers {
            let range = doc.paragraph_tokens(p);
            rows.push((p, Label::Answer, range.start, range.end, None, mark));
        }
    }
    rows
}

/// A transcript turn's label opening paragraph tokens `from..to` (after an opening
/// quotation mark): one to three words in capitals, the last a surname of at least three
/// letters, then a colon. Returns the label's tokens and where the words after it start.
fn turn_label(doc: &Doc, from: usize, to: usize) -> Option<(std::ops::Range<usize>, usize)> {
    let from = if from < to && doc.tokens[from].kind == TokenKind::QuoteMark {
        from + 1
    } else {
        from
    };
    let capitals = |j: usize| {
        let w = doc.tok(j);
        doc.tokens[j].kind == TokenKind::Word
            && w.bytes()
                .all(|b| b.is_ascii_uppercase() || matches!(b, b'\'' | b'-'))
            && w.bytes().any(|b| b.is_ascii_uppercase())
    };
    let colon = (from..to.min(from + 4)).find(|&j| !capitals(j))?;
    (colon > from && colon + 1 < to && doc.tok(colon) == ":" && doc.tok(colon - 1).len() >= 3)
        .then_some((from..colon, colon + 1))
}

/// The person entity whose surname is `label` ("WALLACE" → Chris Wallace), the one named
/// most often when several share it.
fn person_named(ents: &Entities, label: &str) -> Option<usize> {
    ents.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.kind == SpeakerKind::Person
                && e.name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|surname| surname.eq_ignore_ascii_case(label))
        })
        .max_by_key(|(i, e)| (e.mentions.len(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
}

/// The turns of a transcript, in text order; empty when the article has fewer than two.
pub fn transcript_turns(doc: &Doc, ents: &Entities) -> Vec<Answer> {
    let mut turns = Vec::new();
    for p in 0..doc.paragraphs.len() {
        let std::ops::Range {
            start: from,
            end: to,
        } = doc.paragraph_tokens(p);
        let Some((label, start)) = turn_label(doc, from, to) else {
            continue;
        };
        let speaker = person_named(ents, doc.tok(label.end - 1));
        let mut end = to;
        while end > start && doc.tokens[end - 1].kind == TokenKind::QuoteMark {
            end -= 1;
        }
        if end > start {
            let label_span = Span::new(
                doc.tokens[label.start].span().start,
                doc.tokens[label.end - 1].span().end,
            );
            turns.push(Answer {
                content: Span::new(
                    doc.tokens[start].span().start,
                    doc.tokens[end - 1].span().end,
                ),
                label: label_span,
                speaker,
                mention: Some(label_span),
                paragraph: p,
                turn: true,
            });
        }
    }
    // A label that names nobody in the article is a speaker only when it recurs, as a
    // moderator's does ("WALLACE:" twice); "UPDATE:" once is no turn.
    let labels: Vec<&str> = turns.iter().map(|t| t.label.text(doc.text)).collect();
    let mut i = 0;
    turns.retain(|t| {
        i += 1;
        t.speaker.is_some() || labels.iter().filter(|&&l| l == labels[i - 1]).count() >= 2
    });
    if turns.len() < 2 {
        turns.clear();
    }
    turns
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    /// (text, answers expected, speaker of the answers)
    const ROWS: &[(&str, &[&str], Option<&str>)] = &[
        (
            "A talk with Ravi Menon\nThe ferry captain Ravi Menon, 58, retires this week.\nQ: Why now?\nA: The boat is older than I am. One of us had to go.\nQ: What will you miss?\nA: The fog at six in the morning.",
            &["The boat is older than I am. One of us had to go.", "The fog at six in the morning."],
            Some("Ravi Menon"),
        ),
        // Answers labelled with the person's name after a question.
        (
            "A talk with Ravi Menon\nThe ferry captain Ravi Menon, 58, retires this week.\nQ: Why now?\nMenon: The boat is older than I am. One of us had to go.\nQ: What will you miss?\nMenon: The fog at six in the morning.",
            &["The boat is older than I am. One of us had to go.", "The fog at six in the morning."],
            Some("Ravi Menon"),
        ),
        // Questions set apart without labels, in an article that says it is an
        // interview: each answer runs to the next question, the last is one paragraph.
        (
            "Q&A: the ferry captain who is retiring\nThe ferry captain Ravi Menon, 58, retires this week. We asked him why.\nWhy now?\nThe boat is older than I am.\nOne of us had to go.\nWhat will you miss?\nThe fog at six in the morning.\nMenon sails for the last time on Friday.",
            &["The boat is older than I am.", "One of us had to go.", "The fog at six in the morning."],
            Some("Ravi Menon"),
        ),
        // Without the article saying so, questions set apart are the writer's own.
        (
            "Ravi Menon retires this week.\nWhy now?\nThe boat is older than he is.\nWhat will he miss?\nThe fog at six in the morning.",
            &[],
            None,
        ),
        // One question and one answer are no interview ("A:" may be a list label).
        (
            "Ravi Menon retires this week.\nQ: Why now?\nA: The boat is old.",
            &[],
            None,
        ),
    ];

    /// (text, expected (turn text, speaker name) in order)
    const TURNS: &[(&str, &[(&str, &str)])] = &[
        // Turns inside a quotation running over the paragraphs: the surname resolves to
        // the person the article names; a moderator it never names is named by the label.
        (
            "Governor Rita Mendes spoke on Sunday.\n\nPartial transcript:\n\n\"HALE: Will you run again?\n\n\"MENDES: Not this time. The harbour needs me here.\n\n\"HALE: Why not?\n\n\"(CROSSTALK.)\n\n\"MENDES: Because the work is not done.\"",
            &[
                ("Will you run again?", "Hale"),
                ("Not this time. The harbour needs me here.", "Rita Mendes"),
                ("Why not?", "Hale"),
                ("Because the work is not done.", "Rita Mendes"),
            ],
        ),
        // Without marks, and with a full name as the label (which then names the person,
        // in the article's capitals).
        (
            "Mayor Tom Reyes took questions.\nJANE OKAFOR: Is the bridge safe?\nREYES: It is safe for now.\nOKAFOR: And next year?\nREYES: Ask me next year.",
            &[
                ("Is the bridge safe?", "JANE OKAFOR"),
                ("It is safe for now.", "Tom Reyes"),
                ("And next year?", "JANE OKAFOR"),
                ("Ask me next year.", "Tom Reyes"),
            ],
        ),
        // One capitalised label naming nobody is no transcript.
        (
            "Mayor Tom Reyes resigned.\nUPDATE: The council meets on Monday.",
            &[],
        ),
    ];

    #[test]
    fn turns_of_a_transcript() {
        for &(text, want) in TURNS {
            let a = analyze(text).unwrap();
            let got: Vec<(&str, &str)> = a
                .quotes
                .iter()
                .filter(|q| {
                    q.cue.is_some_and(|c| {
                        let label = c.text(text);
                        label.len() >= 3
                            && label.bytes().all(|b| b.is_ascii_uppercase() || b == b' ')
                    })
                })
                .map(|q| {
                    (
                        q.span.text(text),
                        q.speaker.map_or("", |s| a.speakers[s].name.as_str()),
                    )
                })
                .collect();
            assert_eq!(got, want, "{text}");
            for q in a.quotes.iter().filter(|q| q.span.text(text).contains(':')) {
                assert_eq!(
                    q.kind.as_str(),
                    "indirect",
                    "a label stays outside the turn: {text}"
                );
            }
        }
    }

    #[test]
    fn answers_of_an_interview() {
        for &(text, want, speaker) in ROWS {
            let a = analyze(text).unwrap();
            let answers: Vec<_> = a
                .quotes
                .iter()
                .filter(|q| {
                    q.cue
                        .is_some_and(|c| matches!(c.text(text), "A" | "Menon" | "?"))
                })
                .collect();
            let got: Vec<&str> = answers.iter().map(|q| q.span.text(text)).collect();
            assert_eq!(got, want, "{text}");
            for q in answers {
                assert_eq!(q.kind.as_str(), "direct", "{text}");
                assert_eq!(
                    q.speaker.map(|s| a.speakers[s].name.as_str()),
                    speaker,
                    "{text}"
                );
            }
            // The labels never speak; an answer is no reported speech.
            assert!(
                a.quotes.iter().all(|q| q.kind.as_str() != "indirect"),
                "{text}: {:?}",
                a.quotes
            );
            assert!(
                a.speakers.iter().all(|s| s.name != "Q" && s.name != "A"),
                "{text}: {:?}",
                a.speakers
            );
        }
    }
}
