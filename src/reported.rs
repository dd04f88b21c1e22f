//! Reported speech: "X said (that) …", "…, X said.", "according to X, …".
//!
//! Input: a [`Doc`], its [`Entities`] and the cues already used by quotations. Output:
//! [`Reported`] spans of content with the speaker mention and cue. Content boundaries
//! follow the news conventions measured on annotated data: content starts right after the
//! cue (after "that"), and ends at the sentence end, or before ", but", ";", a dash or
//! ", according to"; content before the cue runs from the sentence start to the comma
//! before the attribution.

use crate::attribute::{first_subject_between, is_passive, subject_left_of};
use crate::entities::{Entities, MentionKind};
use crate::lexicon::{self, CueClass};
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

/// Whether the cue at `k` stands in a subordinate clause that opens the sentence at `s0`
/// ("While …", "As …", "But just as …"), before any comma.
fn fronted_clause(doc: &Doc, s0: usize, k: usize) -> bool {
    let mut i = s0;
    while i < k
        && matches!(
            doc.tok(i),
            "But" | "And" | "Yet" | "just" | "Just" | "even" | "Even"
        )
    {
        i += 1;
    }
    if i >= k {
        return false;
    }
    let mut buf = [0; 32];
    let opener = crate::text::ascii_lowercase_in(doc.tok(i), &mut buf);
    // "In a statement announcing the pick, the union called …": a participle inside a
    // fronted prepositional phrase.
    let participle_in_phrase =
        matches!(&*opener, "in" | "at" | "during" | "on" | "from") && is_participle(doc.tok(k));
    (participle_in_phrase
        || crate::lexicon::in_class(&opener, crate::lexicon::FRONTED_CLAUSE_OPENER))
        && (i..k).all(|j| doc.tok(j) != ",")
}

/// Whether token `k` stands in a question fronted at the sentence start `s0`, before its
/// comma: "Asked whether …,", "When asked if …,", "Pressed on …,".
fn in_fronted_question(doc: &Doc, s0: usize, k: usize) -> bool {
    let mut i = s0;
    if matches!(doc.tok(i), "But" | "And" | "When" | "when") && i + 1 < k {
        i += 1;
    }
    matches!(doc.tok(i), "Asked" | "asked" | "Pressed" | "pressed")
        && (i + 1..k).all(|j| doc.tok(j) != "," && doc.tokens[j].quote().is_none())
}

/// Words that open a fronted subordinate clause (`fronted_clause`): "While …, she said";
/// "asked" and "pressed" a fronted participle ("Asked whether he would counsel her …, Reid
/// said").
pub(crate) const FRONTED_CLAUSE_OPENERS: &str = "
    while as although though when whereas because since if after before once unless
    until with asked pressed
";

/// Whether the cue at `k` stands in a subordinate clause: one fronted at the sentence
/// start (`fronted_clause`), or one a comma opens inside it ("Clinton, though she said
/// Republicans should give him a hearing, stopped short of …", "…, and while he said he'd
/// hold a hearing, it's unlikely …"). Such a clause ends at its comma.
fn in_subordinate_clause(doc: &Doc, s0: usize, k: usize) -> bool {
    if fronted_clause(doc, s0, k) {
        return true;
    }
    let Some(comma) = (s0..k)
        .rev()
        .find(|&j| doc.tok(j) == "," && doc.tokens[j].quote().is_none())
    else {
        return false;
    };
    let mut opener = comma + 1;
    if opener < k && matches!(doc.tok(opener), "and" | "but") {
        opener += 1;
    }
    opener < k
        && crate::lexicon::in_class(doc.tok(opener), crate::lexicon::SUBORDINATOR)
        && (opener + 1..k).all(|j| doc.tokens[j].kind != TokenKind::QuoteMark)
}

/// Subordinating conjunctions (`in_subordinate_clause`).
pub(crate) const SUBORDINATORS: &str = "
    while although though whereas because since if when after before once unless until
";

/// Words that open a clause as its subject: "said he would …", "believes the plan …".
fn is_clause_start(word: &str) -> bool {
    crate::lexicon::in_class(word, crate::lexicon::CLAUSE_START)
}

/// Words that open a clause as its subject (`is_clause_start`): "said he would …".
pub(crate) const CLAUSE_STARTS: &str = "
    he she they we I it there you this that if whether how why what
";

/// Verbs whose object is a clause even without "that": "said the plan failed".
fn takes_clause(lemma: &str) -> bool {
    crate::lexicon::in_class(lemma, crate::lexicon::CLAUSE_CUE)
}

/// Verbs whose object is a clause even without "that" (`takes_clause`): "said the plan failed".
pub(crate) const CLAUSE_CUES: &str = "
    say tell add claim argue insist note explain believe think know write report state
    warn announce acknowledge admit agree suggest predict hope fear expect worry deny
    confirm contend maintain assert declare estimate find show reveal indicate conclude
    stress emphasize recall complain concede feel assume suspect guess figure reckon
    allege testify tweet
";

/// A present participle, not one of the nouns and prepositions that end in "-ing".
fn is_participle(word: &str) -> bool {
    word.len() > 5
        && word.ends_with("ing")
        && word.starts_with(|c: char| c.is_ascii_lowercase())
        && !crate::lexicon::in_class(word, crate::lexicon::ING_NOUN)
}

/// Nouns and prepositions that end in "-ing": not participles (`is_participle`).
pub(crate) const ING_NOUNS: &str = "
    including during according regarding concerning following nothing something anything
    everything morning evening building meeting funding spending housing training
    hearing ruling shooting bombing warning thinking reporting polling lending pricing
    trading landing feeling setting standing opening ceiling wedding clothing offering
    spring string ending beginning understanding wellbeing upbringing
";

/// Whether a word ends in a possessive mark: "MSNBC’s", "CNN's".
fn has_possessive_mark(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

/// "The latest poll released Friday shows", "Video of the incident shows": a document or
/// body, then a modifier that starts with a preposition or participle and holds no clause,
/// before an evidence cue at `k`.
fn document_before_modifier(doc: &Doc, ents: &Entities, s0: usize, k: usize) -> Option<usize> {
    let from = k.saturating_sub(9).max(s0);
    (from..k).rev().find_map(|end| {
        let m = ents.mention_at(end.checked_sub(1)?)?;
        let mention = &ents.mentions[m];
        let opens_modifier =
            crate::lexicon::in_class(doc.tok(end), crate::lexicon::MODIFIER_OPENER);
        let plain = (end..k).all(|j| {
            doc.tokens[j].quote().is_none()
                && doc.tokens[j].kind != TokenKind::QuoteMark
                && doc.tok(j) != ","
                && (j == end || !is_reporting_cue(doc, j))
        });
        (mention.tokens.end == end && mention.org && !mention.possessive && opens_modifier && plain)
            .then_some(m)
    })
}

/// Words that open a modifier after a document or body (`document_before_modifier`).
pub(crate) const MODIFIER_OPENERS: &str = "
    of from by released published conducted issued commissioned obtained in on at
";

/// Cues whose content may be a question: "asked when …", "wondered if …", "has not
/// said when …".
fn takes_question(lemma: &str) -> bool {
    crate::lexicon::in_class(lemma, crate::lexicon::QUESTION_CUE)
}

/// Cues whose content may be a question (`takes_question`): "asked when …", "wondered if …".
pub(crate) const QUESTION_CUES: &str = "
    ask say wonder question inquire know explain decide debate discuss tell learn reveal
    disclose recall remember speculate clarify specify indicate detail describe
";

/// Cues whose only content is an infinitive: "declined to comment", "will continue to
/// push", never "declined slightly" or "continue their attacks".
const ONLY_INFINITIVE: &[&str] = &[
    "decline", "refuse", "seek", "aim", "intend", "continue", "vote",
];

/// Verbs that report only a clause ("that …", "whether …"): a court "ruled that …" ("ruled
/// the country", "ruled out a deal" report nothing); "maintains that …" ("maintains a
/// program"); "debated whether …" ("debated Barack Obama").
const ONLY_CLAUSE: &[&str] = &[
    "rule",
    "maintain",
    "assume",
    "project",
    "debate",
    "interview",
    "direct",
];

/// Cues of intention whose content is an infinitive ("to …").
const INFINITIVAL: &[&str] = &[
    "want", "plan", "refuse", "decline", "agree", "promise", "pledge", "vow", "threaten", "hope",
    "intend", "seek", "aim", "offer", "urge", "ask", "vote", "expect", "decide", "tell", "order",
    "call", "push", "press",
];

/// Whether token `k` is a cue verb reporting here: a cue word outside quotes, and no word
/// of a name, noun ("his claims") or infinitive ("to say"). Asked of nearly every token: the cached cue lookup, which rules out most words, is
/// inlined at the callers and the rest is read out of line.
#[inline]
pub(crate) fn is_reporting_cue(doc: &Doc, k: usize) -> bool {
    // Evidence cues ("the poll shows") pass here; the caller checks that their source is a
    // document or body.
    doc.cue(k).is_some() && is_reporting_cue_word(doc, k)
}

/// [`is_reporting_cue`] of token `k`, a cue word.
fn is_reporting_cue_word(doc: &Doc, k: usize) -> bool {
    let t = doc.tokens[k];
    if t.quote().is_some() || t.kind != TokenKind::Word {
        return false;
    }
    if doc.capitalised_mid_sentence(k) {
        return false;
    }
    // "wants to cap split shifts" states an aim; "can claim from that fund" applies for
    // money: neither reports speech.
    let next = doc.tokens.get(k + 1).map_or("", |_| doc.tok(k + 1));
    let lemma = doc.cue(k).map_or("", |c| c.lemma);
    if lemma == "want" && next == "to"
        || lemma == "claim" && matches!(next, "from" | "for" | "back")
    {
        return false;
    }
    // A noun use ("his claims", "Trump’s promise") or an infinitive ("to say"; "likely to
    // say" and "appeared to suggest" report through it).
    let infinitive = k > 0
        && doc.tok(k - 1).eq_ignore_ascii_case("to")
        && doc.tokens[k - 1].paragraph() == t.paragraph()
        && !(k >= 2 && crate::attribute::takes_subjects_infinitive(doc.tok(k - 2)));
    !infinitive && !crate::attribute::is_noun_use(doc, k)
}

/// Where content that starts at token `from` ends (exclusive token index): the sentence
/// end, or the first clause boundary that starts new material: a semicolon or dash,
/// ", but/which/who/while/citing/adding…", a bare "but"/"yet", or "and" before another
/// speech verb ("… and says he will …").
fn content_end(doc: &Doc, from: usize, sentence_end: usize) -> usize {
    let end = clause_end(doc, from, sentence_end);
    // A content ending at a quote's closing mark keeps the mark: "the system was
    // “corrupt,”", not "… “corrupt,".
    if end > from
        && end < sentence_end
        && doc.tokens[end].kind == TokenKind::QuoteMark
        && doc.closing_quote_of(end).is_some()
    {
        end + 1
    } else {
        end
    }
}

/// [`content_end`] without the closing mark.
fn clause_end(doc: &Doc, from: usize, sentence_end: usize) -> usize {
    let mut k = from;
    while k < sentence_end {
        let w = doc.tok(k);
        // The boundaries below are punctuation, quote marks or one of these four words: any
        // other word (most tokens) ends nothing.
        if doc.tokens[k].kind == TokenKind::Word
            && !matches!(w.as_bytes(), b"even" | b"but" | b"yet" | b"and")
        {
            k += 1;
            continue;
        }
        // A quote's closing mark after its comma ends a clause as the comma would:
        // "the system was “corrupt,” noting that …".
        let comma = w == ","
            || doc.tokens[k].kind == TokenKind::QuoteMark
                && k > from
                && doc.tok(k - 1) == ","
                && doc.closing_quote_of(k).is_some();
        if doc.tokens[k].quote().is_none() && k > from {
            if w == ";" {
                return k;
            }
            // A dash ends the content, unless a second one closes a parenthetical pair:
            // "said that in addition to the slain foreigners — from Italy and Spain — a
            // museum worker was killed".
            // ("Trump - who said he would “…” - said …": a dash closing the aside the
            // content stands in ends it.)
            let closes_aside = || {
                let s0 = doc.sentence_of(from).start;
                (s0..from).filter(|&j| doc.tok(j) == w).count() % 2 == 1
            };
            if matches!(w, "—" | "–" | "―" | "-") && closes_aside() {
                return k;
            }
            if matches!(w, "—" | "–" | "―") {
                match (k + 1..sentence_end).find(|&j| doc.tok(j) == w) {
                    Some(close) if close + 1 < sentence_end => {
                        k = close + 1;
                        continue;
                    }
                    _ => return k,
                }
            }
            // "claimed the tax cuts would pay for themselves even as the budget office
            // estimated …": a contrasting clause is the writer's.
            if w == "even"
                && k + 1 < sentence_end
                && matches!(doc.tok(k + 1), "as" | "though" | "if" | "while")
            {
                return k;
            }
            // Only read after a comma, and lowercased on the stack.
            let mut lower_buf = [0; 32];
            let next = if comma && k + 1 < sentence_end {
                crate::text::ascii_lowercase_in(doc.tok(k + 1), &mut lower_buf)
            } else {
                std::borrow::Cow::Borrowed("")
            };
            let next: &str = &next;
            // "her grandmother, who founded the market in 1979, had come along": a relative
            // clause set off by two commas, the content's verb after it ("the dam, which
            // began filling in March, had cut the flow").
            if comma && matches!(next, "who" | "which") {
                if let Some(close) = (k + 2..sentence_end.min(k + 16)).find(|&j| doc.tok(j) == ",")
                {
                    let after = if close + 1 < sentence_end {
                        doc.tok(close + 1)
                    } else {
                        ""
                    };
                    let verb_after = crate::lexicon::in_class(after, crate::lexicon::VERB_AFTER)
                        // "when radical Muslims, who had been repressed, won the freedom":
                        // a past-tense verb.
                        || crate::lexicon::is_irregular_past(after)
                        || after.ends_with("ed")
                            && after.starts_with(char::is_lowercase)
                            && doc.cue(close + 1).is_none();
                    if verb_after {
                        k = close + 1;
                        continue;
                    }
                }
            }
            // "…, but that he would not support …": a second "that" clause of the same
            // verb continues the content.
            let second_that = |b: usize| {
                b + 2 < sentence_end
                    && doc.tok(b + 1) == "that"
                    && !crate::lexicon::in_class(
                        doc.tok(b + 2),
                        crate::lexicon::FINITE_AUXILIARY_THAT,
                    )
            };
            if comma && next == "but" && second_that(k + 1) {
                k += 3;
                continue;
            }
            // "…, as was the case with …": the writer's comparison.
            if comma
                && next == "as"
                && k + 2 < sentence_end
                && matches!(doc.tok(k + 2), "was" | "is" | "has" | "had")
            {
                return k;
            }
            if comma && crate::lexicon::in_class(next, crate::lexicon::CLAUSE_CLOSER) {
                return k;
            }
            // "…, encouraging his supporters to …", "…, focusing on people under 30": a
            // participle after a comma adds the writer's description.
            if comma && is_participle(next) {
                return k;
            }
            // "…, implicitly putting his name on the line", "…, even suggesting …": so does
            // one after an adverb.
            if comma
                && (next.ends_with("ly") || next == "even")
                && k + 2 < sentence_end
                && is_participle(doc.tok(k + 2))
            {
                return k;
            }
            // "…, with RealClearPolitics showing her ahead": an absolute phrase.
            if comma
                && next == "with"
                && (k + 2..sentence_end.min(k + 7)).any(|j| is_participle(doc.tok(j)))
            {
                return k;
            }

            // "…, and Hillary Clinton is promising …", "…, and when pressed, she replied":
            // a new clause with a subject of its own.
            if comma && next == "and" && k + 2 < sentence_end {
                let after = doc.tok(k + 2);
                // ("…, and the downgrade is casting a shadow …": a noun phrase and its
                // verb.)
                let noun_phrase_subject =
                    crate::lexicon::in_class(after, crate::lexicon::NOUN_PHRASE_OPENER)
                        && (k + 4..sentence_end.min(k + 7)).any(|j| {
                            crate::lexicon::in_class(
                                doc.tok(j),
                                crate::lexicon::AUXILIARY_OF_SUBJECT,
                            )
                        });
                let new_subject = after.starts_with(char::is_uppercase) && after != "I"
                    || noun_phrase_subject
                    || crate::lexicon::in_class(after, crate::lexicon::NEW_SUBJECT);
                if new_subject && doc.tokens[k + 2].quote().is_none() {
                    return k;
                }
            }
            // "supported the budget but would want more detail": a subjectless verb after
            // "but" continues the reported clause.
            let continues = k + 1 < sentence_end
                && crate::lexicon::in_class(doc.tok(k + 1), crate::lexicon::AUXILIARY_NEXT);
            // "the city had yet to publish …": an adverb, not the conjunction.
            let adverb_yet = w == "yet"
                && (k + 1 < sentence_end && doc.tok(k + 1) == "to"
                    || crate::lexicon::in_class(doc.tok(k - 1), crate::lexicon::BEFORE_ADVERB_YET));
            // "the problem was not money but management": "not … but" is one contrast.
            let not_but = w == "but"
                && (k.saturating_sub(6).max(from)..k).any(|j| matches!(doc.tok(j), "not" | "n't"))
                && (k.saturating_sub(6).max(from)..k).all(|j| doc.tok(j) != ",");
            if matches!(w, "but" | "yet")
                && !continues
                && !adverb_yet
                && !not_but
                && !second_that(k)
            {
                return k;
            }

            // "… and says he will …", "… and the military said it was …": a second verb of
            // saying, after "and" and its own subject ("… for the military and his rubble
            // comment was …": a noun's base form is no verb).
            // ("said she and her husband planned to …": an "and" right after a short
            // subject with no verb of its own, then another subject before the verb, joins
            // two subjects.)
            let short_subject = k - from <= 3 && (from..k).all(|f| !is_finite_verb(doc.tok(f)));
            if w == "and"
                && (k + 1..(k + 4).min(sentence_end)).any(|j| {
                    if short_subject && j > k + 1 {
                        return false;
                    }
                    let cue = doc.tok(j);
                    let inflected = cue.ends_with("ed")
                        || cue.ends_with('s') && !crate::attribute::is_noun_use(doc, j)
                        || matches!(cue, "said" | "told" | "wrote" | "spoke");
                    // ("said the company had invited researchers and would publish
                    // their findings": after a modal the verb is the reported clause's.)
                    let modal = (k + 1..j).any(|f| is_modal(doc.tok(f)));
                    doc.tokens[j].quote().is_none()
                        && !modal
                        && doc.cue(j).is_some_and(|c| c.class != CueClass::Evidence)
                        && ((k + 1..j).all(|f| crate::attribute::is_verb_filler(doc.tok(f)))
                            || inflected)
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
        && doc.tokens[k - 1].quote().is_none()
    {
        k -= 1;
    }
    k
}

/// Determiners that open a noun phrase (`clause_end`): "…, and the downgrade is casting a
/// shadow …".
pub(crate) const NOUN_PHRASE_OPENERS: &str = "
    the a an its this
";

/// Words before "yet" as an adverb (`clause_end`): "the city had yet to publish …".
pub(crate) const BEFORE_ADVERB_YET_WORDS: &str = "
    had has have not n't
";

/// Finite auxiliaries (`clause_end`).
pub(crate) const FINITE_AUXILIARIES_THAT: &str = "
    is was has had will would did does could
";

/// Auxiliaries after a noun phrase that show it is a new clause's subject (`clause_end`).
pub(crate) const AUXILIARIES_OF_SUBJECT: &str = "
    is was are were has had will would
";

/// Pronouns and conjunctions that open a new clause (`clause_end`).
pub(crate) const NEW_SUBJECTS: &str = "
    he she they we when while if
";

/// Auxiliaries that show a verb follows (`clause_end`), and "of" and "for", after which the
/// verb's complement continues ("accuse the Islamists, who held power, of having been slow").
pub(crate) const VERBS_AFTER: &str = "
    had has have was were is are would will could can should did does must might of for
";

/// Words that end reported content where they follow a comma (`clause_end`): "…, but",
/// "…, according to", "…, adding".
pub(crate) const CLAUSE_CLOSERS: &str = "
    but according while which who whom although though citing yet adding saying noting
    where whereas arguing insisting warning treating calling describing
";

/// Auxiliaries after "but" that continue the reported clause (`clause_end`): "supported the
/// budget but would want more detail".
pub(crate) const AUXILIARIES_NEXT: &str = "
    would will could can should might must did does was were is are had has
";

/// Where content starting at token `c0` begins once a dateline before `limit` is skipped:
/// "WASHINGTON —", "SAN JOSE, Calif. (Reuters) -" (a city in capitals, then capitalised
/// words, commas, stops and brackets, then a dash).
fn after_dateline(doc: &Doc, c0: usize, limit: usize) -> usize {
    let Some(dash) =
        (c0..limit.min(c0 + 12)).find(|&j| matches!(doc.tok(j), "—" | "–" | "―" | "-" | "--"))
    else {
        return c0;
    };
    let city = doc.tok(c0).len() >= 2 && doc.tok(c0).chars().all(|ch| !ch.is_lowercase());
    let dateline = city
        && dash > c0
        && (c0..dash).all(|j| {
            matches!(doc.tok(j), "," | "." | "(" | ")")
                || doc.tok(j).starts_with(char::is_uppercase)
        });
    if dateline {
        dash + 1
    } else {
        c0
    }
}

/// Whether token `j` opens the writer's adverbial after a verb's noun-phrase object:
/// "attacked Machado in early-morning tweets", "offered advice on Friday", "condemned the
/// launch as Pyongyang fired three missiles".
fn ends_noun_phrase_object(doc: &Doc, j: usize, end: usize) -> bool {
    let next = |d: usize| if j + d < end { doc.tok(j + d) } else { "" };
    match doc.tok(j) {
        // "as" + a new subject; "described him as a disgrace" keeps its complement.
        "as" | "so" => {
            next(1).starts_with(char::is_uppercase)
                || crate::lexicon::in_class(next(1), crate::lexicon::PRONOUN_SUBJECT)
        }
        "on" => crate::lexicon::is_weekday(next(1)),
        w if crate::lexicon::is_weekday(w) => true,
        "in" | "at" => (j + 1..end.min(j + 7))
            .take_while(|&k| doc.tokens[k].kind == TokenKind::Word)
            .any(|k| is_medium_noun(doc.tok(k))),
        _ => false,
    }
}

/// Subject pronouns after "as" or "so" (`ends_noun_phrase_object`).
pub(crate) const PRONOUN_SUBJECTS: &str = "
    he she they we it
";

/// Where words are said: "in a statement", "in an interview", "at a rally".
fn is_medium_noun(word: &str) -> bool {
    crate::lexicon::in_class(word, crate::lexicon::MEDIUM_NOUN)
}

/// Nouns of a medium of speech (`is_medium_noun`): "in a statement", "in an interview".
pub(crate) const MEDIUM_NOUNS: &str = "
    statement statements interview interviews speech tweet tweets post posts letter
    email diatribe op-ed column video broadcast appearance address remarks conference
    briefing rally hearing debate forum Forum
";

/// Whether a subject and its verb of saying start at token `at`, before `end`: ", three
/// people familiar with the matter told Reuters".
fn attribution_at(doc: &Doc, ents: &Entities, at: usize, end: usize) -> bool {
    ents.mention_at(at).is_some_and(|m| {
        let m = &ents.mentions[m];
        let after = m.tokens.end;
        m.tokens.start == at
            && after < end
            && doc.cue(after).is_some_and(|c| c.quotative)
            && doc.tokens[after].quote().is_none()
            && !crate::attribute::is_noun_use(doc, after)
    })
}

/// Words that open a short adverbial between a cue and its content: "said on Tuesday
/// that", "said in a June report, …", "told me last week that".
fn opens_adverbial(word: &str) -> bool {
    matches!(
        &*crate::text::ascii_lowercase_in(word, &mut [0; 32]),
        "on" | "in"
            | "by"
            | "at"
            | "during"
            | "after"
            | "before"
            | "via"
            | "through"
            | "from"
            | "over"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "again"
            | "also"
            | "repeatedly"
            | "recently"
            | "previously"
            | "privately"
            | "publicly"
            | "yesterday"
            | "today"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// Pattern 5: a list under "X said:" / "Rao said the board would:" — each item that
/// follows (a bulleted line, or a short line without a closing stop) is X's reported
/// content, until the first paragraph that is no item.
fn list_items(doc: &Doc, ents: &Entities, out: &mut Vec<Reported>) {
    const MAX_ITEM_WORDS: usize = 35;
    let n = doc.tokens.len();
    let mut p = 0;
    while p + 1 < doc.paragraphs.len() {
        let std::ops::Range { start: a, end: b } = doc.paragraph_tokens(p);
        p += 1;
        if b <= a || b >= n || doc.tok(b - 1) != ":" || doc.tokens[b - 1].quote().is_some() {
            continue;
        }
        let sentence = doc.sentence_of(b - 1);
        let Some((mention, cue)) = (sentence.start..b - 1).find_map(|k| {
            if !is_reporting_cue(doc, k) || ents.mention_at(k).is_some() || is_passive(doc, k) {
                return None;
            }
            subject_left_of(doc, ents, k, sentence.start)
                .or_else(|| first_subject_between(ents, sentence.start, k))
                .map(|m| (m, doc.tokens[k].span()))
        }) else {
            continue;
        };
        // The items: following paragraphs, each one line of the list.
        let mut item = p;
        while item < doc.paragraphs.len() {
            let std::ops::Range { start: c, end: d } = doc.paragraph_tokens(item);
            if d <= c
                || doc.tokens[c].quote().is_some()
                || doc.tokens[c].kind == TokenKind::QuoteMark
            {
                break;
            }
            let bulleted = matches!(doc.tok(c), "•" | "·" | "▪" | "◦" | "-" | "–" | "—" | "*");
            // "Read the full transcript of his interview": a link after the list.
            if crate::lexicon::in_class(doc.tok(c), crate::lexicon::LINK_VERB) {
                break;
            }
            let words = word_count(doc, c, d);
            let closed = matches!(doc.tok(d - 1), "." | "!" | "?");
            // "The governor added:" over a paragraph of prose: the paragraph is what he
            // said, set as a block without quotation marks.
            if item == p && !bulleted && closed && words >= MIN_WORDS {
                let mut to = d;
                while to > c
                    && doc.tokens[to - 1].kind == TokenKind::Punct
                    && doc.tokens[to - 1].quote().is_none()
                {
                    to -= 1;
                }
                out.push(Reported {
                    content: span_of(doc, c, to),
                    mention,
                    cue,
                    confidence: 0.7,
                });
                item += 1;
                break;
            }
            if !(bulleted || !closed && words <= MAX_ITEM_WORDS) || words < MIN_WORDS {
                break;
            }
            let from = if bulleted { c + 1 } else { c };
            let mut to = d;
            while to > from
                && doc.tokens[to - 1].kind == TokenKind::Punct
                && doc.tokens[to - 1].quote().is_none()
            {
                to -= 1;
            }
            if to > from {
                out.push(Reported {
                    content: span_of(doc, from, to),
                    mention,
                    cue,
                    confidence: 0.7,
                });
            }
            item += 1;
        }
        p = item.max(p);
    }
}

/// Capitalised verbs of a link after a list (`list_items`): "Read the full transcript of his
/// interview".
pub(crate) const LINK_VERBS: &str = "
    Read Watch See Click Listen Follow Sign Subscribe
";

fn span_of(doc: &Doc, from: usize, to: usize) -> Span {
    Span::new(doc.tokens[from].span().start, doc.tokens[to - 1].span().end)
}

fn word_count(doc: &Doc, from: usize, to: usize) -> usize {
    (from..to)
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
        .count()
}

/// Whether the content is one whole quotation (then it is a direct quote, not reported).
/// Content that opens with the writer's own words before a quotation ("said she expects
/// the campaign “to continue …”") is reported speech with a quotation inside it.
fn is_whole_quote(doc: &Doc, from: usize, to: usize) -> bool {
    let quoted =
        |k: usize| doc.tokens[k].quote().is_some() || doc.tokens[k].kind == TokenKind::QuoteMark;
    let first_word = (from..to).find(|&k| doc.tokens[k].kind != TokenKind::Punct || quoted(k));
    if first_word.is_some_and(|k| !quoted(k)) {
        return false;
    }
    let inside = (from..to)
        .filter(|&k| doc.tokens[k].quote().is_some() || doc.tokens[k].kind == TokenKind::QuoteMark)
        .count();
    inside * 10 >= (to - from) * 8
}

/// "Trump’s claim that there have been thousands of shootings": a noun of saying after its
/// speaker's possessive, then a "that" clause, at token `k`.
fn possessor_claim(doc: &Doc, ents: &Entities, k: usize, s1: usize) -> Option<Reported> {
    // ("that" first: one comparison rules out almost every token.)
    if k == 0 || k + 2 >= s1 || doc.tok(k + 1) != "that" {
        return None;
    }
    let noun_of_saying = crate::lexicon::in_class(doc.tok(k), crate::lexicon::NOUN_OF_SAYING);
    if !noun_of_saying {
        return None;
    }
    // ("Trump’s claim that was debunked": a relative "that".)
    if is_finite_auxiliary(doc.tok(k + 2)) {
        return None;
    }
    let m = ents.mention_at(k - 1).filter(|&m| {
        let mention = &ents.mentions[m];
        mention.possessive
            && mention.tokens.end == k
            && mention.kind != crate::entities::MentionKind::Pronoun
    })?;
    let end = content_end(doc, k + 2, s1);
    content_report(doc, k + 2, end, m, doc.tokens[k].span(), 0.7)
}

/// Nouns of saying (`possessor_claim`): "his claim that", "her assertion".
pub(crate) const NOUNS_OF_SAYING: &str = "
    claim claims assertion allegation allegations argument warning accusation insistence
    contention suggestion statement belief charge charges promise pledge
";

/// "Ham made it clear he had major misgivings …", "She has made clear that …": "make
/// (it) clear" at token `k` reports the clause after it.
fn made_clear(doc: &Doc, ents: &Entities, k: usize, s0: usize, s1: usize) -> Option<Reported> {
    if k + 1 >= s1
        || !matches!(doc.tok(k + 1), "it" | "clear")
        || !matches!(doc.tok(k), "made" | "makes" | "make" | "making")
        || doc.tokens[k].quote().is_some()
    {
        return None;
    }
    let clear = if k + 2 < s1 && doc.tok(k + 1) == "it" && doc.tok(k + 2) == "clear" {
        k + 2
    } else if k + 1 < s1 && doc.tok(k + 1) == "clear" {
        k + 1
    } else {
        return None;
    };
    let mut c = clear + 1;
    if c < s1 && doc.tok(c) == "that" {
        c += 1;
    }
    // A clause follows: not "made it clear to reporters" or "made clear progress".
    if c >= s1 || !(is_clause_start(doc.tok(c)) || doc.tok(c - 1) == "that") {
        return None;
    }
    let m = subject_left_of(doc, ents, k, s0)?;
    let end = content_end(doc, c, s1);
    let cue = Span::new(doc.tokens[k].span().start, doc.tokens[clear].span().end);
    content_report(doc, c, end, m, cue, 0.7)
}

/// "Claiming the criticism is designed to pressure moderators, Trump told Fox …": a
/// participle of saying opening the sentence at `k`; its content runs to the comma and its
/// speaker is the subject after it.
fn fronted_participle(
    doc: &Doc,
    ents: &Entities,
    k: usize,
    s0: usize,
    s1: usize,
) -> Option<Reported> {
    let opens =
        k == s0 || k == s0 + 1 && matches!(doc.tok(s0).as_bytes(), b"But" | b"And" | b"Yet");
    if !opens
        || !doc.tok(k).ends_with("ing")
        || !is_reporting_cue(doc, k)
        || doc.cue(k).is_some_and(|v| v.class == CueClass::Evidence)
    {
        return None;
    }
    let comma = (k + 1..s1.min(k + 30))
        .take_while(|&j| doc.tokens[j].quote().is_none())
        .find(|&j| doc.tok(j) == ",")?;
    let m = ents.mention_at(comma + 1).filter(|&m| {
        let mention = &ents.mentions[m];
        mention.tokens.start == comma + 1 && !mention.possessive
    })?;
    let c = k + 1 + usize::from(doc.tok(k + 1) == "that");
    // ("Talking about how he was feeling, Obama said": a topic, not a claim.)
    let topic = crate::lexicon::in_class(doc.tok(c), crate::lexicon::TOPIC_OPENER);
    (!topic
        && word_count(doc, c, comma) >= MIN_WORDS
        && (c..comma).any(|j| is_finite_verb(doc.tok(j))))
    .then(|| Reported {
        content: span_of(doc, c, comma),
        mention: m,
        cue: doc.tokens[k].span(),
        confidence: 0.7,
    })
}

/// Prepositions after a fronted participle that make it a topic, not a claim
/// (`fronted_participle`): "Talking about how he was feeling, Obama said".
pub(crate) const TOPIC_OPENERS: &str = "
    about to with of on at in
";

/// "As reported by Western Journalism, …", "As The Washington Post reported, …": a fronted
/// aside at `k`, the sentence's start, naming the source of the clause after its comma.
fn as_reported(doc: &Doc, ents: &Entities, k: usize, s0: usize, s1: usize) -> Option<Reported> {
    if k != s0 || !doc.tok(k).eq_ignore_ascii_case("as") || k + 4 >= s1 {
        return None;
    }
    let reporting = |j: usize| crate::lexicon::in_class(doc.tok(j), crate::lexicon::REPORTING_PAST);
    let starts_at = |j: usize| {
        ents.mention_at(j)
            .filter(|&m| ents.mentions[m].tokens.start == j)
    };
    // "As reported by X," or "As X reported,".
    let (m, cue_at) = if reporting(k + 1) && doc.tok(k + 2) == "by" {
        (starts_at(k + 3)?, k + 1)
    } else {
        let m = starts_at(k + 1)?;
        let verb = ents.mentions[m].tokens.end;
        (m, Some(verb).filter(|&v| v < s1 && reporting(v))?)
    };
    let mention = &ents.mentions[m];
    if mention.possessive || mention.kind == crate::entities::MentionKind::Pronoun {
        return None;
    }
    // The aside ends at its comma, a few words on at most ("reported on Monday,").
    let from = mention.tokens.end.max(cue_at + 1);
    let comma = (from..s1.min(from + 4)).find(|&j| doc.tok(j) == ",")?;
    let end = content_end(doc, comma + 1, s1);
    content_report(doc, comma + 1, end, m, doc.tokens[cue_at].span(), 0.7)
}

/// Past forms of reporting verbs (`as_reported`): "As The Washington Post reported, …".
pub(crate) const REPORTING_PASTS: &str = "
    reported noted wrote said explained stated observed
";

/// "Bellamy was quoted by the Courier as saying the council …", "State television quoted
/// President Oleg Radu as saying that …": at "saying" (token `k`), the words of the one
/// quoted, the subject of a passive "quoted" or the object of an active one.
fn quoted_as_saying(
    doc: &Doc,
    ents: &Entities,
    k: usize,
    s0: usize,
    s1: usize,
) -> Option<Reported> {
    if doc.tok(k) != "saying" || k < s0 + 2 || doc.tok(k - 1) != "as" {
        return None;
    }
    let quoted = (k.saturating_sub(10).max(s0)..k - 1)
        .rev()
        .find(|&j| doc.tok(j) == "quoted")?;
    let passive = quoted > s0
        && matches!(
            doc.tok(quoted - 1),
            "was" | "were" | "is" | "are" | "been" | "being"
        );
    let m = if passive {
        subject_left_of(doc, ents, quoted - 1, s0)?
    } else {
        ents.mention_at(quoted + 1)
            .filter(|&m| ents.mentions[m].tokens.start == quoted + 1)?
    };
    let from = k + 1 + usize::from(k + 1 < s1 && doc.tok(k + 1) == "that");
    let end = content_end(doc, from, s1);
    let cue = Span::new(doc.tokens[quoted].span().start, doc.tokens[k].span().end);
    content_report(doc, from, end, m, cue, 0.8)
}

/// A report of tokens `from..to` when they are content: at least `MIN_WORDS` words and not
/// one whole quotation (which is the quotation's own).
fn content_report(
    doc: &Doc,
    from: usize,
    to: usize,
    mention: usize,
    cue: Span,
    confidence: f32,
) -> Option<Reported> {
    (word_count(doc, from, to) >= MIN_WORDS && !is_whole_quote(doc, from, to)).then(|| Reported {
        content: span_of(doc, from, to),
        mention,
        cue,
        confidence,
    })
}

/// A finite auxiliary: after "that" it shows a relative or subject "that" ("the meeting
/// that was held", "believe that is likely"), not a complementizer.
fn is_finite_auxiliary(word: &str) -> bool {
    is_modal(word)
        || matches!(
            word,
            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "does" | "did"
        )
}

/// "would", "can", "must": a modal verb.
fn is_modal(word: &str) -> bool {
    matches!(
        word,
        "will" | "would" | "could" | "can" | "should" | "may" | "might" | "must"
    )
}

/// A finite verb form that shows a clause: "is", "would", "said".
fn is_finite_verb(word: &str) -> bool {
    is_finite_auxiliary(word) || word.ends_with("ed") || crate::lexicon::is_irregular_past(word)
}

/// "on condition of anonymity", "on the condition that they not be named" at token `at`
/// (before `s1`): terms set for speaking, no topic or words of it.
fn on_condition_at(doc: &Doc, at: usize, s1: usize) -> bool {
    at + 2 < s1
        && doc.tok(at) == "on"
        && (doc.tok(at + 1) == "condition"
            || doc.tok(at + 1) == "the" && doc.tok(at + 2) == "condition")
}

/// People whose work is finding things out: what they "found" is reported.
fn is_investigator(word: &str) -> bool {
    crate::lexicon::in_class(word.trim_end_matches('s'), crate::lexicon::INVESTIGATOR)
}

/// People whose findings are reported (`is_investigator`): "researchers found".
pub(crate) const INVESTIGATORS: &str = "
    researcher scientist investigator inspector Inspector auditor examiner analyst
    economist pollster detective author reviewer
";

/// "at least 40", "at most a third", "about 300", "up to 2,000": a preposition opening a
/// quantity at token `c`, the subject of a clause rather than an adverbial.
fn is_quantity_opening(doc: &Doc, c: usize, s1: usize) -> bool {
    let count_at = |j: usize| {
        j < s1
            && (doc.tokens[j].kind == TokenKind::Number
                || crate::entities::is_number_word(doc.tok(j))
                || matches!(
                    doc.tok(j),
                    "a" | "half" | "one" | "dozens" | "hundreds" | "thousands"
                ))
    };
    match doc.tok(c) {
        "at" => c + 1 < s1 && matches!(doc.tok(c + 1), "least" | "most") && count_at(c + 2),
        "about" | "around" | "over" | "under" => count_at(c + 1),
        "up" => c + 1 < s1 && doc.tok(c + 1) == "to" && count_at(c + 2),
        _ => false,
    }
}

/// Whether the words from `s0` to the comma before `subject_start` are an adverbial, no
/// part of the content: "Lamenting their luck, Mexicans often say, ''Poor Mexico …''",
/// "Last year, he said, “…”", and a time counted back or on, "Eight years ago, he said, “…”".
fn is_adverbial_opening(doc: &Doc, s0: usize, subject_start: usize) -> bool {
    doc.tok(s0).ends_with("ing")
        || opens_adverbial(doc.tok(s0))
        || matches!(
            doc.tok(subject_start.saturating_sub(2)),
            "ago" | "later" | "earlier"
        ) && is_time_unit(doc.tok(subject_start.saturating_sub(3)))
}

/// "years", "minutes", "a week": a unit that time is counted in.
fn is_time_unit(word: &str) -> bool {
    let mut buf = [0; 32];
    let word = crate::text::ascii_lowercase_in(word, &mut buf);
    crate::lexicon::in_class(
        word.strip_suffix('s').unwrap_or(&word),
        crate::lexicon::TIME_UNIT,
    )
}

/// Units of time, singular (`is_time_unit`).
pub(crate) const TIME_UNITS: &str = "
    second minute hour day week month year decade moment
";

/// "(to) a request for comment", "requests to comment", "messages seeking comment",
/// "emails" from token `c`: what someone did not answer, no words of theirs.
fn is_request_for_comment(doc: &Doc, c: usize, s1: usize) -> bool {
    (c..s1.min(c + 6)).any(|j| {
        matches!(doc.tok(j), "comment" | "comments")
            && j > c
            && matches!(doc.tok(j - 1), "for" | "to" | "seeking" | "requesting")
    })
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
    let raw = sentence_reports(doc, ents, used_cues, keep);
    finish_reports(doc, ents, raw.into_iter().map(|(_, r)| r).collect())
}

/// `find_reported(doc, ents, &[])` and `find_reported(doc, ents, used_cues)` at the cost of
/// little more than one: sentences are read independently, so the second reading redoes
/// only the sentences whose reading a used cue changes (most that hold one read the same:
/// "…,” she said." reports nothing either way) and takes the others from the first, before
/// both are finished (list items, order, overlaps) the same way.
pub fn find_reported_twice(
    doc: &Doc,
    ents: &Entities,
    used_cues: &[Span],
) -> (Vec<Reported>, Vec<Reported>) {
    // The first reading notes the sentences whose reading the used cues change.
    let openers = pattern_openers(doc);
    let (first, changed) = read_sentences(doc, ents, &[], &|_| true, used_cues, &openers);
    let all = finish_reports(doc, ents, first.iter().map(|(_, r)| r.clone()).collect());
    if used_cues.is_empty() {
        return (all.clone(), all);
    }
    let redone = read_sentences(doc, ents, used_cues, &|si| changed[si], &[], &openers).0;
    // Both lists are in sentence order and no sentence is in both: merged by sentence.
    let mut merged: Vec<Reported> = Vec::with_capacity(first.len() + redone.len());
    let mut redone = redone.into_iter().peekable();
    for (si, r) in first.into_iter().filter(|(si, _)| !changed[*si]) {
        while let Some((_, earlier)) = redone.next_if(|(sj, _)| *sj < si) {
            merged.push(earlier);
        }
        merged.push(r);
    }
    merged.extend(redone.map(|(_, r)| r));
    let for_quotes = finish_reports(doc, ents, merged);
    (all, for_quotes)
}

/// The reported speech of each kept sentence, in text order and tagged with its sentence,
/// before [`finish_reports`]. A sentence's reports depend on no other sentence and on no
/// used cue outside it: a reading with used cues need only redo the sentences that hold
/// one.
pub fn sentence_reports(
    doc: &Doc,
    ents: &Entities,
    used_cues: &[Span],
    keep: &dyn Fn(usize) -> bool,
) -> Vec<(usize, Reported)> {
    read_sentences(doc, ents, used_cues, keep, &[], &pattern_openers(doc)).0
}

/// What `read_sentences` reads besides each sentence's first two tokens, in order: the
/// cue words, and the words "that", "it" and "clear", before which a pattern may open.
fn pattern_openers(doc: &Doc) -> Vec<u32> {
    doc.cue_or_word_tokens(&["that", "it", "clear"])
}

/// [`sentence_reports`], and for each sentence whether its reading would change were the
/// cues `probed` used ones too: a used cue changes a reading only where it reaches one of
/// the two tests below that ask about it, and changes their answer. `openers` is
/// [`pattern_openers`] of the document.
fn read_sentences(
    doc: &Doc,
    ents: &Entities,
    used_cues: &[Span],
    keep: &dyn Fn(usize) -> bool,
    probed: &[Span],
    openers: &[u32],
) -> (Vec<(usize, Reported)>, Vec<bool>) {
    // (Looked up at every cue: hashed the cheap way.)
    let used_cues: std::collections::HashSet<Span, crate::fxhash::FxBuildHasher> =
        used_cues.iter().copied().collect();
    let probed_cues: std::collections::HashSet<Span, crate::fxhash::FxBuildHasher> =
        probed.iter().copied().collect();
    let probed = |cue: Span| !probed_cues.is_empty() && probed_cues.contains(&cue);
    let mut changes = vec![
        false;
        if probed_cues.is_empty() {
            0
        } else {
            doc.sentences.len()
        }
    ];
    // (Room for about one report in three sentences read: most articles then grow these
    // once at most.)
    let room = doc.sentences.len() / 3;
    let mut out: Vec<Reported> = Vec::with_capacity(room);
    let mut sentence_of: Vec<usize> = Vec::with_capacity(room);
    let headline_paragraph = doc.headline_paragraph();
    // The first of `openers` not before the token read (tokens are read in order).
    let mut next_opener = 0;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        sentence_of.resize(out.len(), si.saturating_sub(1));
        if !keep(si) {
            continue;
        }
        let (s0, s1) = (sentence.start, sentence.end);
        let mut k = s0;
        while k < s1 {
            // A token past the sentence's first two that is no cue word and stands before
            // no "that", "it" or "clear" (one not in `openers` and before none) is passed
            // over below, unread: the loop steps to the first token that is either.
            if k > s0 + 1 {
                while next_opener < openers.len() && (openers[next_opener] as usize) < k {
                    next_opener += 1;
                }
                let next = openers.get(next_opener).map_or(usize::MAX, |&o| o as usize);
                k = k.max(next - 1);
                if k >= s1 {
                    break;
                }
            }
            // The four patterns below open at the sentence's first two tokens or before
            // "that" ("claim that"), "it" or "clear" ("made it clear"): one look at the next
            // word rules out most tokens.
            let pattern_may_open =
                k <= s0 + 1 || matches!(doc.tok(k + 1).as_bytes(), b"that" | b"it" | b"clear");
            let found = if pattern_may_open {
                possessor_claim(doc, ents, k, s1)
                    .or_else(|| made_clear(doc, ents, k, s0, s1))
                    .or_else(|| fronted_participle(doc, ents, k, s0, s1))
                    .or_else(|| as_reported(doc, ents, k, s0, s1))
            } else {
                None
            };
            if let Some(r) = found.or_else(|| quoted_as_saying(doc, ents, k, s0, s1)) {
                k = (k + 1..s1)
                    .find(|&j| doc.tokens[j].span().start >= r.content.end)
                    .unwrap_or(s1);
                out.push(r);
                continue;
            }
            if !is_reporting_cue(doc, k)
                // "the United States Citizenship and Immigration Services": a capitalised
                // cue word inside a name is no verb.
                || ents.mention_at(k).is_some()
                || is_passive(doc, k)
                // "Asked whether he expected to be sanctioned …, Ferrante shrugged": a verb
                // inside the question put to the speaker asserts nothing.
                || k > s0 + 1 && in_fronted_question(doc, s0, k)
            {
                k += 1;
                continue;
            }
            let cue = doc.tokens[k].span();
            // A cue that attributes a direct quotation reports more only when the writer's
            // own words lead into it: "She added that most voters …, because, “In the end …”".
            let cue_used = used_cues.contains(&cue);
            // Pattern 1: SUBJECT CUE [listener] [that] CONTENT; a participle ("…, saying
            // that …") takes the sentence's subject.
            // ("…, even suggesting he may have been …": an adverb may stand between.)
            // ("unleashed a series of tweets early Friday saying that …": a participle after
            // what was written speaks for the sentence's subject.)
            let participle = doc.tok(k).ends_with("ing")
                && k > s0
                && (doc.tok(k - 1) == ","
                    || k > s0 + 1
                        && doc.tok(k - 2) == ","
                        && matches!(doc.tok(k - 1), "even" | "also" | "then" | "later"));
            let written_participle = doc.tok(k).ends_with("ing")
                && (k.saturating_sub(4).max(s0)..k).any(|j| lexicon::is_writing_noun(doc.tok(j)))
                && (k.saturating_sub(4).max(s0)..k).all(|j| doc.tok(j) != ",");
            // "Putin, speaking on Thursday, said …": a participle in an aside is no cue.
            let in_aside = participle && (k + 1..s1.min(k + 12)).any(|j| doc.tok(j) == ",");
            if in_aside && (k + 1..s1).any(|j| is_reporting_cue(doc, j)) {
                k += 1;
                continue;
            }
            // "An official briefed on the talks said …": a participle after its noun
            // describes it; the sentence's verb comes later.
            let describes_noun =
                matches!(doc.tok(k), "briefed" | "quoted" | "cited" | "interviewed")
                    && k > s0
                    && ents
                        .mention_at(k - 1)
                        .is_some_and(|m| ents.mentions[m].tokens.end == k)
                    && k + 1 < s1
                    && matches!(doc.tok(k + 1), "on" | "by" | "in" | "about")
                    && (k + 2..s1).any(|j| is_reporting_cue(doc, j));
            if describes_noun {
                k += 1;
                continue;
            }
            // "Strada accused the government … and asserted that …": a coordinated verb
            // shares the sentence's subject.
            // "responded … by saying his refusal was …", "criticised for saying that …": a
            // gerund after a preposition takes the sentence's subject too.
            // ("pilloried the administration for proposing …": after "for" an active verb's
            // object does the proposing, so only the passive keeps its subject.)
            // ("It goes without saying that …" reports nothing.)
            // ("Having said that, …", "That said, …": the writer's hedge.)
            let hedge = doc.tok(k) == "said"
                && k > s0
                && (doc.tok(k - 1).eq_ignore_ascii_case("having")
                    || k + 1 < s1
                        && doc.tok(k + 1) == ","
                        && doc.tok(k - 1).eq_ignore_ascii_case("that"));
            if hedge
                || doc.tok(k) == "saying"
                    && k >= s0 + 2
                    && doc.tok(k - 1) == "without"
                    && matches!(doc.tok(k - 2), "goes" | "go" | "went")
            {
                k += 1;
                continue;
            }
            let gerund = doc.tok(k).ends_with("ing")
                && k > s0
                && (matches!(
                    doc.tok(k - 1),
                    "by" | "after" | "before" | "while" | "without" | "when"
                ) || doc.tok(k - 1) == "for"
                    && k >= s0 + 3
                    && matches!(
                        doc.tok(k - 3),
                        "was" | "were" | "is" | "are" | "been" | "being"
                    ));
            // ("… were “legitimate” but insisted progress had been made": "but" too.)
            // ("… but has said she will …": auxiliaries may stand between.)
            let before_auxiliaries = (s0..k)
                .rev()
                .take(3)
                .find(|&j| {
                    !matches!(
                        doc.tok(j),
                        "has" | "have" | "had" | "also" | "later" | "then" | "repeatedly"
                    )
                })
                .unwrap_or(s0);
            // ("demands accountability …, yet refuses to release …")
            let coordinated =
                k > s0 && matches!(doc.tok(before_auxiliaries), "and" | "but" | "yet") || gerund;
            let evidence_verb = doc.cue(k).is_some_and(|v| v.class == CueClass::Evidence);
            // "…, Putin maintained that …, rejecting claims": a participle after a comma
            // continues the clause before it, whose speaker is the latest in the sentence;
            // so does a coordinated verb ("Earnest condemned the attack and said …").
            let previous_speaker = out
                .last()
                .filter(|r| {
                    (participle || coordinated) && r.cue.start >= doc.tokens[s0].span().start
                })
                .map(|r| r.mention);
            let subject = previous_speaker
                .or_else(|| {
                    if participle {
                        None
                    } else {
                        subject_left_of(doc, ents, k, s0).or_else(|| {
                            written_participle
                                .then(|| first_subject_between(ents, s0, k))
                                .flatten()
                        })
                    }
                })
                // "A 2014 study by professor Justin Levitt found …": evidence comes from
                // the document, the sentence's subject, not the nearest person.
                .filter(|&m| !evidence_verb || ents.mentions[m].org)
                .filter(|&m| crate::attribute::agrees(doc, ents, m, k))
                .or_else(|| {
                    evidence_verb
                        .then(|| document_before_modifier(doc, ents, s0, k))
                        .flatten()
                })
                // "the businessman who lacks experience and has attacked allies": a verb
                // coordinated inside a relative clause shares its antecedent.
                .or_else(|| {
                    coordinated
                        .then(|| {
                            (s0 + 1..k)
                                .rev()
                                .take_while(|&j| doc.tok(j) != ",")
                                .find(|&j| doc.tok(j) == "who")
                        })
                        .flatten()
                        .and_then(|who| ents.mention_at(who - 1))
                        // (An appositive's descriptor stands for the name before it, which
                        // the fallback below finds.)
                        .filter(|&m| {
                            let mention = &ents.mentions[m];
                            let appositive = mention.kind
                                == crate::entities::MentionKind::Descriptor
                                && mention.tokens.start > s0
                                && doc.tok(mention.tokens.start - 1) == ",";
                            !(mention.possessive || appositive)
                        })
                })
                .or_else(|| {
                    (participle || coordinated || evidence_verb)
                        .then(|| first_subject_between(ents, s0, k))
                        .flatten()
                });
            if let Some(m) = subject {
                let mut c = k + 1;
                // "pointed out that …", "spelled out …": the particle belongs to the verb.
                if c < s1 && doc.tok(c) == "out" && !(c + 1 < s1 && doc.tok(c + 1) == "of") {
                    c += 1;
                }
                // "cautioned, however, that …", "added, moreover, …": a sentence adverb
                // between commas after the cue is no part of what was said.
                if c + 2 < s1
                    && doc.tok(c) == ","
                    && doc.tok(c + 2) == ","
                    && crate::lexicon::is_sentence_adverb(doc.tok(c + 1))
                {
                    c += 3;
                }
                // "complain bitterly that …": a manner adverb before "that".
                if c + 1 < s1
                    && doc.tok(c).len() > 4
                    && doc.tok(c).ends_with("ly")
                    && doc.tok(c + 1) == "that"
                {
                    c += 1;
                }
                // "explained to reporters that …", "said to the officers that …": the
                // listener after "to".
                if c < s1 && doc.tok(c) == "to" {
                    if let Some(that) = (c + 2..s1.min(c + 6))
                        .take_while(|&j| {
                            doc.tokens[j].kind == TokenKind::Word
                                && doc.tokens[j].quote().is_none()
                                && doc.cue(j).is_none()
                                && !crate::attribute::is_verb_filler(doc.tok(j))
                        })
                        .find(|&j| doc.tok(j) == "that")
                    {
                        let listener = (c + 1..that).all(|j| {
                            doc.tok(j).starts_with(char::is_uppercase)
                                || crate::lexicon::is_article_or_possessive(doc.tok(j))
                                || doc.role(j).is_some()
                                || crate::lexicon::is_plain_listener(doc.tok(j))
                                || doc.tok(j) == "her"
                        });
                        if listener {
                            c = that;
                        }
                    }
                }
                // "told one of his young protégés on a regular basis that …", "told
                // conservative radio host Hugh Hewitt on Wednesday that …": a listener
                // described at length, then "that" (not a relative "that was …").
                let tells = doc.cue(k).is_some_and(|v| lexicon::takes_listener(v.lemma));
                let that_after_listener = |from: usize| {
                    (from..s1.min(from + 14))
                        .take_while(|&j| {
                            doc.tokens[j].kind == TokenKind::Word
                                && doc.tokens[j].quote().is_none()
                                && doc.cue(j).is_none()
                                && (!crate::attribute::is_verb_filler(doc.tok(j))
                                    // ("on Wednesday", "Tuesday night", "last week")
                                    || matches!(doc.tok(j), "on" | "last" | "this")
                                    || crate::lexicon::is_weekday(doc.tok(j))
                                    || crate::lexicon::is_time_noun(doc.tok(j)))
                        })
                        .find(|&j| doc.tok(j) == "that")
                        .filter(|&that| !(that + 1 < s1 && is_finite_auxiliary(doc.tok(that + 1))))
                };
                // "told reporters", "told the Post"
                if let Some(lm) = ents.mention_at(c) {
                    if tells {
                        c = ents.mentions[lm].tokens.end;
                        // "told MSNBC’s “Morning Joe” on Friday that …": the programme's
                        // title belongs to the listener.
                        let title = (c < s1
                            && doc.tokens[c].kind == TokenKind::QuoteMark
                            && has_possessive_mark(doc.tok(c - 1)))
                        .then(|| doc.tokens.get(c + 1).and_then(|t| t.quote()))
                        .flatten()
                        .filter(|&q| doc.open_token(q) == Some(c))
                        .and_then(|q| doc.close_token(q));
                        if let Some(close) = title {
                            c = close + 1;
                        }
                        // "told The Post and Courier newspaper of Charleston on Saturday
                        // that …", "told BuzzFeed’s Smith that …": more of the listener.
                        if let Some(that) = that_after_listener(c).filter(|&t| t > c) {
                            c = that;
                        } else if ents.mentions[lm].possessive
                            && c + 1 < s1
                            && doc.tok(c).starts_with(char::is_uppercase)
                            && doc.tokens[c].quote().is_none()
                        {
                            // ("told BuzzFeed’s Smith he would …")
                            c += 1;
                        }
                    }
                } else if c < s1
                    && (crate::lexicon::is_plain_listener(doc.tok(c))
                        // ("tell you about canopy": after "tell", "you" is the listener;
                        // "warned you could lose" has it as the content's subject.)
                        || doc.tok(c) == "you" && doc.cue(k).is_some_and(|v| v.lemma == "tell"))
                {
                    c += 1;
                } else if let Some(that) = tells
                    .then_some(())
                    // (A listener opens as a noun phrase: not "promised to ensure that".)
                    .filter(|_| {
                        c < s1
                            && doc.tokens[c].kind == TokenKind::Word
                            && !is_clause_start(doc.tok(c))
                            && !matches!(doc.tok(c), "to" | "her")
                            && !crate::attribute::is_verb_filler(doc.tok(c))
                    })
                    .and_then(|_| that_after_listener(c + 1))
                {
                    c = that;
                } else if c + 1 < s1 && doc.tok(c) == "her" {
                    // "told her that …" names the listener; "said her refusal was …" the
                    // content's subject.
                    let listener = doc
                        .cue(k)
                        .is_some_and(|v| lexicon::takes_listener(v.lemma) || v.lemma == "ask")
                        || matches!(doc.tok(c + 1), "that" | "to" | "of" | "on" | "in" | "at");
                    if listener {
                        c += 1;
                    }
                }
                // "said on Tuesday that …": a short adverbial before "that" (not a clause:
                // "says they share the belief that …", "said witnesses saw a gun and that …").
                // ("says at a campaign stop in Toledo, Ohio, that …": an adverbial opening
                // with a preposition may hold a place name's comma.)
                let reach = if c < s1 && opens_adverbial(doc.tok(c)) {
                    12
                } else {
                    6
                };
                if let Some(that) = (c..s1.min(c + reach))
                    .take_while(|&j| {
                        (doc.tokens[j].kind == TokenKind::Word
                            || reach > 6 && doc.tok(j) == "," && doc.tokens[j].quote().is_none())
                            // ("he told me on Friday, is that …": a verb opens the
                            // sentence's own clause.)
                            && !matches!(
                                doc.tok(j),
                                "and" | "or" | "but" | "is" | "was" | "are" | "were" | "has" | "had"
                            )
                    })
                    .find(|&j| doc.tok(j).eq_ignore_ascii_case("that"))
                    .filter(|&that| that == c || opens_adverbial(doc.tok(c)))
                    // "told reporters after the meeting that was held …": a relative "that".
                    .filter(|&that| {
                        that == c || !(that + 1 < s1 && is_finite_auxiliary(doc.tok(that + 1)))
                    })
                {
                    c = that;
                }
                // "told African-Americans this weekend he would …", "said Friday the plan
                // …": a time adverbial before the content is no part of it.
                let time_words = match (if c < s1 { doc.tok(c) } else { "" }, c + 1 < s1) {
                    ("this" | "last" | "next", true)
                        if crate::lexicon::is_time_noun(doc.tok(c + 1)) =>
                    {
                        2
                    }
                    // "has said for weeks he's the only candidate"
                    ("for", true)
                        if matches!(
                            doc.tok(c + 1),
                            "weeks" | "months" | "years" | "days" | "decades" | "hours"
                        ) =>
                    {
                        2
                    }
                    ("on", true) if crate::lexicon::is_weekday(doc.tok(c + 1)) => {
                        2 + usize::from(
                            c + 2 < s1
                                && matches!(
                                    doc.tok(c + 2),
                                    "morning" | "afternoon" | "evening" | "night"
                                ),
                        )
                    }
                    (w, _)
                        if crate::lexicon::is_weekday(w) || matches!(w, "yesterday" | "today") =>
                    {
                        1 + usize::from(
                            c + 1 < s1
                                && matches!(
                                    doc.tok(c + 1),
                                    "morning" | "afternoon" | "evening" | "night"
                                ),
                        )
                    }
                    _ => 0,
                };
                // "lawmakers said Friday afternoon.": a time alone is no content.
                let time_only = time_words > 0
                    && (c + time_words >= s1
                        || doc.tokens[c + time_words].kind != TokenKind::Word
                        || opens_adverbial(doc.tok(c + time_words)));
                if time_words > 0 && !time_only {
                    c += time_words;
                }
                // "Trump said after the convention he would not accept …": a short
                // adverbial before a clause that opens with a pronoun.
                if c < s1
                    && matches!(
                        doc.tok(c),
                        "after" | "before" | "during" | "at" | "in" | "on"
                    )
                {
                    if let Some(p) = (c + 1..s1.min(c + 6))
                        .take_while(|&j| {
                            doc.tokens[j].kind == TokenKind::Word && doc.tokens[j].quote().is_none()
                        })
                        .find(|&j| matches!(doc.tok(j), "he" | "she" | "they" | "we" | "it" | "I"))
                    {
                        if p > c + 1 {
                            c = p;
                        }
                    }
                }
                // ("called that claim “simply false”": after a verb that names its object
                // "that" is the object's determiner.)
                let names_object = doc
                    .cue(k)
                    .is_some_and(|v| crate::lexicon::in_class(v.lemma, crate::lexicon::NAMING_CUE));
                // ("believe that is likely": before a finite verb "that" is the content's
                // subject.)
                let subject_that = c + 1 < s1 && is_finite_auxiliary(doc.tok(c + 1));
                let complementizer = c < s1
                    && (doc.tok(c).eq_ignore_ascii_case("that") && !names_object && !subject_that
                        || doc.french && doc.tok(c) == "que");
                if complementizer {
                    c += 1;
                }
                // "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": the
                // attribution interrupts the content, which spans both sides.
                let subject_start = ents.mentions[m].tokens.start;
                // "he told me on Friday, is that …": a short adverbial before the comma.
                let after_cue = (c..s1.min(c + 5))
                    .take_while(|&j| doc.tokens[j].kind == TokenKind::Word || doc.tok(j) == ",")
                    .find(|&j| doc.tok(j) == ",")
                    .filter(|&j| j == c || opens_adverbial(doc.tok(c)))
                    .unwrap_or(c);
                // "Evan Spiegel, who said …": a relative clause's content follows its cue.
                let relative = ents.is_relative(doc, m);
                // "Hawaii, as one of his advisers pointed out, rarely gets …": an aside with
                // "as" interrupts the content too.
                let aside_as = (subject_start.saturating_sub(4).max(s0 + 1)..subject_start)
                    .rev()
                    .find(|&j| doc.tok(j) == "as" && doc.tok(j - 1) == ",");
                // (A participle, "…, saying, “…”", interrupts nothing.)
                // ("asserted that, abortion aside, …": the comma after "that" opens the
                // content's own aside.)
                let interrupts = !relative
                    && !participle
                    && !complementizer
                    && after_cue < s1
                    // "…, the mother of three replied, “It's meant …”": the cue introduces
                    // its quotation, unless the quotation completes a short opening ("It
                    // was, the president said, “a stone where …”").
                    && doc.tokens.get(after_cue + 1).is_some_and(|t| {
                        t.kind != TokenKind::QuoteMark
                            || word_count(doc, s0, subject_start.saturating_sub(1)) <= 4
                                && !is_adverbial_opening(doc, s0, subject_start)
                    })
                    // "…, lawmakers said Friday, as they bristled at …", "…,” she said, but
                    // Kevin was drifting off": after the attribution "as" or "but" opens the
                    // writer's own clause ("and", "since" … usually continue the speaker's).
                    // ("…, the company announced on Thursday, leaving 600 residents …": so
                    // does a participle.)
                    && (after_cue + 1 >= s1
                        || !(matches!(doc.tok(after_cue + 1), "as" | "but")
                            || is_participle(doc.tok(after_cue + 1))))
                    && doc.tok(after_cue) == ","
                    && subject_start > s0 + 2
                    && (doc.tok(subject_start - 1) == ","
                        && word_count(doc, s0, subject_start - 1) >= 2
                        || aside_as.is_some_and(|a| word_count(doc, s0, a - 1) >= 1))
                    && doc.tokens[s0].quote().is_none()
                    && doc.tokens[s0].kind != TokenKind::QuoteMark;
                if interrupts {
                    let c = after_cue;
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
                // "After the union objected, the case was moved": a cue ending a fronted
                // clause reports nothing of the main clause.
                let closes_fronted_clause =
                    c < s1 && doc.tok(c) == "," && fronted_clause(doc, s0, k);
                // "…, said one GOP source in the room.": the inverted speaker is no content.
                let inverted = k > s0
                    && doc.tok(k - 1) == ","
                    && ents.mention_at(k + 1).is_some_and(|im| {
                        let im = &ents.mentions[im];
                        im.tokens.start == k + 1
                            && im.kind != crate::entities::MentionKind::Pronoun
                            && word_count(doc, im.tokens.end, s1) <= 4
                            // ("said parents still want …": the name's own verb follows.)
                            && (im.tokens.end >= s1
                                || doc.tokens[im.tokens.end].kind == TokenKind::Punct
                                || crate::lexicon::in_class(doc.tok(im.tokens.end), crate::lexicon::NAME_PREPOSITION))
                    });
                // "…, the sources said, asking not to be named": a participle after the
                // cue's comma is its own clause, not what was said (that stands before).
                let participle_after_comma = c + 1 < s1
                    && doc.tok(c) == ","
                    && is_participle(doc.tok(c + 1))
                    && k > s0
                    && doc.tok(k - 1) != ","
                    && doc.tokens[s0].kind == TokenKind::Word;
                if c < s1 && doc.tok(c) == "," {
                    c += 1;
                }
                let verb = doc.cue(k);
                let lemma = verb.map(|v| v.lemma).unwrap_or("");
                // Intentions take an infinitive: "wants to triple the program", "refused to
                // release"; "called for / called on" take their object.
                let infinitive = c < s1 && doc.tok(c) == "to" && INFINITIVAL.contains(&lemma);
                // (So do the verbs of urging with "for": "argued for a federal minimum-wage
                // hike", "lobbied for a higher wage". "pushed for" stays the writer's
                // account of a campaign, see "push" below.)
                // (The text may end at the verb: "Politifact then pointed".)
                let next = if c < s1 { doc.tok(c) } else { "" };
                let urges_for = matches!(
lemma,
"ask" | "argue" | "lobby" | "plead" | "appeal"
)
                    && next == "for"
                    // ("referring to the party's July convention", "pointed to the cost",
                    // "responded to the criticism": what is referred or answered to.)
                    || matches!(lemma, "refer" | "point" | "respond") && next == "to";
                if c + 1 < s1
                    && (lemma == "call" && matches!(doc.tok(c), "for" | "on") || urges_for)
                {
                    c += 1;
                }
                // "the poll shows …" : evidence needs a document or body as its source, not a
                // pronoun or a person.
                let evidence_ok = verb.is_some_and(|v| v.class != CueClass::Evidence)
                    || matches!(
                        ents.mentions[m].kind,
                        crate::entities::MentionKind::Descriptor
                            | crate::entities::MentionKind::Name
                    ) && (ents.mentions[m].org
                        // "New Poll Shows …" in a title-case headline.
                        || crate::lexicon::is_document_noun(
                            &doc.tok(ents.mentions[m].tokens.end - 1).to_ascii_lowercase(),
                        )
                        // "inspectors found", "the researchers found": people whose
                        // work is finding.
                        || verb.is_some_and(|v| v.lemma == "find")
                            && is_investigator(doc.tok(ents.mentions[m].tokens.end - 1)));
                // "spoke about her ties", "warned against hackers": the object of the
                // preposition is the content.
                // "spoke on condition of anonymity": how, not what.
                let anonymity = on_condition_at(doc, c, s1);
                // ("spoke emotionally of …")
                if c + 2 < s1
                    && doc.tok(c).len() > 4
                    && doc.tok(c).ends_with("ly")
                    && matches!(doc.tok(c + 1), "about" | "against" | "of")
                    && verb.is_some_and(|v| v.class == CueClass::Speech)
                {
                    c += 1;
                }
                let about = c + 1 < s1
                    && matches!(doc.tok(c), "about" | "against" | "of" | "on")
                    // "replied on Wednesday": a date, not a topic.
                    && !crate::lexicon::is_weekday(doc.tok(c + 1))
                    && !anonymity
                    && verb.is_some_and(|v| v.class == CueClass::Speech);
                if about {
                    c += 1;
                }
                let lemma_here = verb.map_or("", |v| v.lemma);
                // "expressed misgivings about Mrs. Clinton", "isn't saying much about debate
                // preparation": what is said about something names the topic after
                // "about" or "over".
                let topic_after = c + 2 < s1
                    && (lemma_here == "express"
                        || matches!(doc.tok(c), "much" | "little" | "anything" | "nothing"))
                    && doc.tokens[c].kind == TokenKind::Word
                    && matches!(doc.tok(c + 1), "about" | "over")
                    && doc.tokens[c + 2].kind == TokenKind::Word;
                if topic_after {
                    c += 2;
                }
                // "described as “an intentional act”": "as" introduces the description.
                if c + 1 < s1
                    && doc.tok(c) == "as"
                    && crate::lexicon::in_class(lemma_here, crate::lexicon::DESCRIBING_CUE)
                {
                    c += 1;
                }
                let mut end = content_end(doc, c, s1);
                // "Volta is considering closing the plant, three people familiar with the
                // matter told Reuters": an attribution of its own after a comma ends the
                // content (it reports the clause before it).
                if let Some(comma) = (c + 1..end).find(|&j| {
                    doc.tok(j) == ","
                        && doc.tokens[j].quote().is_none()
                        && attribution_at(doc, ents, j + 1, end)
                }) {
                    end = comma;
                }
                // "While his advisers have suggested his role is …, Mr. Obama is …": a
                // fronted subordinate clause ends at its comma, where the main clause begins.
                if in_subordinate_clause(doc, s0, k) {
                    end = (c..end)
                        .find(|&j| doc.tok(j) == "," && doc.tokens[j].quote().is_none())
                        .unwrap_or(end);
                }
                // "cited the figure at last week's forum", "described Mr. Obama as a climate
                // evangelist when he ran": a noun-phrase object ends before an adverbial
                // clause; a clause ("said he would go when …") keeps it.
                let clause = complementizer
                    || infinitive
                    || c < end && (is_clause_start(doc.tok(c)) || doc.tok(c).ends_with("ing"))
                    || verb.is_some_and(|v| takes_clause(v.lemma));
                // (Not inside a relative clause: "the threat that would develop when …".)
                // (Both read only for an object, not for a clause.)
                let relative_open =
                    || (c + 1..end).any(|j| matches!(doc.tok(j), "that" | "which" | "who"));
                // ("called Mr. Obama's remarks on Saturday “a true wake-up call”": a verb
                // that names its object keeps the name it gives.)
                let named_after = || {
                    names_object
                        && (c + 1..end).any(|j| {
                            doc.tokens[j].kind == TokenKind::QuoteMark
                                && doc.tokens.get(j + 1).and_then(|t| t.quote()).is_some()
                        })
                };
                if !clause && !relative_open() && !named_after() {
                    end = (c + 1..end)
                        .find(|&j| {
                            doc.tokens[j].quote().is_none()
                                && (matches!(
                                    doc.tok(j),
                                    "because"
                                        | "when"
                                        | "while"
                                        | "amid"
                                        | "whereas"
                                        | "during"
                                        | "since"
                                        | "until"
                                ) || ends_noun_phrase_object(doc, j, end))
                        })
                        .unwrap_or(end);
                }
                // "Lankford, who has warned about the deficit, played down …": a relative
                // clause ends at the next comma.
                if relative {
                    end = (c..end)
                        .find(|&j| doc.tok(j) == "," && doc.tokens[j].quote().is_none())
                        .unwrap_or(end);
                }
                // A speech verb's noun-phrase object is content too ("has articulated these
                // themes"), but only for verbs of saying and only short of a clause.
                // ("endorses Clinton", "attacked Machado": one name is enough.)
                let one_name = end == c + 1
                    && ents.mention_at(c).is_some_and(|n| {
                        ents.mentions[n].kind == crate::entities::MentionKind::Name
                            && ents.mentions[n].tokens == (c..c + 1)
                    });
                // ("denied any wrongdoing", "denied the charges": a denial's object is
                // what it rejects.)
                let min_words = if verb.is_some_and(|v| {
                    v.class == CueClass::Speech
                        || v.class == CueClass::Denial && !ONLY_INFINITIVE.contains(&v.lemma)
                }) {
                    if one_name {
                        1
                    } else {
                        2
                    }
                } else {
                    MIN_WORDS
                };
                // After "that" a clause may open with an adverbial: "found that in the
                // three largest counties voters were removed".
                // "that “exactly who did it” remains under investigation": a quote that
                // opens the content may be continued by the writer's words.
                // (Not after a comma: "says, “Don't you do it,” until gunshots are heard"
                // introduces a quotation.)
                let opens_with_continued_quote = c < s1
                    && doc.tokens[c].kind == TokenKind::QuoteMark
                    && !(c > 0 && doc.tok(c - 1) == "," && !complementizer)
                    && doc
                        .tokens
                        .get(c + 1)
                        .and_then(|t| t.quote())
                        .filter(|&q| doc.open_token(q) == Some(c))
                        .and_then(|q| doc.close_token(q))
                        .is_some_and(|close| {
                            (close + 1..end)
                                .filter(|&j| {
                                    doc.tokens[j].kind == TokenKind::Word
                                        && doc.tokens[j].quote().is_none()
                                })
                                .count()
                                >= 2
                        });
                // "says on its website that “there were issues …”": a quotation the writer
                // reports with "that" is reported speech too, its words quoted.
                let that_quote = complementizer && end > c && is_whole_quote(doc, c, end);
                // "told her audience, to rowdy applause: “…”": a short adverbial, then a
                // colon before the quotation, which is the content (a direct quote).
                let adverbial_start = c < s1
                    && (matches!(
                        doc.tok(c),
                        "to" | "with" | "in" | "on" | "at" | "via" | "by"
                    ) || doc.tok(c).ends_with("ly"));
                let colon_intro = adverbial_start
                    && (c..end.min(c + 7)).any(|j| {
                        doc.tok(j) == ":"
                            && doc.tokens[j].quote().is_none()
                            && doc
                                .tokens
                                .get(j + 1)
                                .is_some_and(|t| t.kind == TokenKind::QuoteMark)
                    });
                let starts_ok = !time_only
                    && !closes_fronted_clause
                    && !inverted
                    && !colon_intro
                    && evidence_ok
                    && c < s1
                    && (doc.tokens[c].kind != TokenKind::QuoteMark
                        || opens_with_continued_quote
                        || that_quote)
                    && (infinitive
                        || complementizer && doc.tokens[c].kind == TokenKind::Word
                        // ("say at least 40 people were killed": a quantity, no place.)
                        || is_quantity_opening(doc, c, s1)
                        || !crate::lexicon::in_class(doc.tok(c), crate::lexicon::NOT_CONTENT_OPENER))
                    // "complained when the bill passed": an adverbial clause, unless the verb
                    // takes a question ("asked when the vote would be", "has not said if …")
                    // or it opens a "that" clause ("warn that if the bloc fails, …").
                    && !(matches!(doc.tok(c), "when" | "if" | "once" | "whenever")
                        && !complementizer
                        && !takes_question(lemma))
                    // "made it clear" is no content; "announced it had reached" is.
                    && !(doc.tok(c) == "it"
                        && !(c + 1 < s1
                            && (crate::lexicon::in_class(doc.tok(c + 1), crate::lexicon::AUXILIARY_AFTER) || doc.tok(c + 1).ends_with("ed")
                                || crate::lexicon::is_irregular_past(doc.tok(c + 1))
                                // "saying it shows he'd be awake"
                                || doc.tok(c + 1).len() > 3
                                    && doc.tok(c + 1).ends_with('s')
                                    && !doc.tok(c + 1).ends_with("ss")
                                // "that it “will not break our will”"
                                || doc.tokens[c + 1].kind == TokenKind::QuoteMark)))
                    // "said no" / "said yes" answer; "said no decision had been made" reports.
                    && !(matches!(&*crate::text::ascii_lowercase_in(doc.tok(c), &mut [0; 32]), "yes" | "no")
                        && (c + 1 >= s1
                            || doc.tokens[c + 1].kind != TokenKind::Word
                            || matches!(doc.tok(c + 1), "to" | "when" | "and" | "or")));
                let unquoted_words = (c..end)
                    .filter(|&j| {
                        doc.tokens[j].kind == TokenKind::Word && doc.tokens[j].quote().is_none()
                    })
                    .count();
                let quoted_words = word_count(doc, c, end) - unquoted_words;
                // "Intentions only: "declined to comment", not "declined slightly".
                let needs_infinitive = ONLY_INFINITIVE.contains(&lemma) && !infinitive
                    // "spoke of / about …" ("spoke against the backdrop", "never spoke
                    // longer than 30 minutes")
                    // ("spoke emotionally of …": a manner adverb may stand between.)
                    || lemma == "speak" && {
                        let next = k + 1 + usize::from(
                            k + 2 < s1 && doc.tok(k + 1).len() > 4 && doc.tok(k + 1).ends_with("ly"),
                        );
                        !(next < s1
                            && (matches!(doc.tok(next), "of" | "about" | "out" | "on")
                                || doc.tokens[next].kind == TokenKind::QuoteMark))
                    }
                    || ONLY_CLAUSE.contains(&lemma)
                        && !(complementizer
                            || c < s1
                                && crate::lexicon::in_class(doc.tok(c), crate::lexicon::QUESTION_WORD))
                    // ("pushes the grid to the brink"; "pushed for stricter gun control" is
                    // the writer's account of a campaign, not words reported.)
                    || matches!(lemma, "push" | "press") && !infinitive;
                // "posted a photograph", "aired the interview": publishing verbs report a
                // clause ("posted that …") or words in quotation marks, not their object.
                let object_only = matches!(lemma, "post" | "publish" | "broadcast" | "air")
                    && !complementizer
                    && quoted_words == 0
                    // ("Rice added a late third", "added two more": what is added after
                    // an article or a count is a thing, not words.)
                    || lemma == "add"
                        && !complementizer
                        && quoted_words == 0
                        && c < s1
                        && (matches!(doc.tok(c), "a" | "an" | "another")
                            || doc.tokens[c].kind == TokenKind::Number
                            || crate::entities::is_number_word(doc.tok(c)));
                // "Rao said the board would:" introduces a list (see `list_items`).
                let introduces_list = end < doc.tokens.len()
                    && doc.tok(end) == ":"
                    && doc
                        .tokens
                        .get(end + 1)
                        .is_none_or(|t| t.paragraph() != doc.tokens[end].paragraph());
                // "is considering closing the plant" deliberates; it reports nothing.
                // ("is considering new sanctions" too: "considering" after a form of "be".)
                let deliberates = lemma == "consider"
                    && (doc.tok(c).ends_with("ing")
                        || doc.tok(k) == "considering"
                            && k > s0
                            && crate::lexicon::in_class(doc.tok(k - 1), crate::lexicon::BE_FORM));
                // "asked not to be named" and "spoke on condition of anonymity because …"
                // ask for anonymity; "did not respond to a request for comment" answered
                // nothing: none reports words.
                let no_words = on_condition_at(doc, k + 1, s1)
                    || lemma == "respond" && is_request_for_comment(doc, c, s1)
                    || matches!(lemma, "ask" | "request")
                        && c + 3 < s1
                        && doc.tok(c) == "not"
                        && doc.tok(c + 1) == "to"
                        && doc.tok(c + 2) == "be"
                        && matches!(doc.tok(c + 3), "named" | "identified" | "quoted");
                let reads_on = starts_ok
                    && end > c
                    && !participle_after_comma
                    && !no_words
                    && !deliberates
                    && !introduces_list
                    && !needs_infinitive
                    && !object_only
                    && word_count(doc, c, end) >= min_words;
                // A used cue reports more only around its quotation ("said that most …
                // “In the end …”"); after it ("…,” Trump said last week) is adverbial.
                let reports_as_used = |cue_used: bool| {
                    !cue_used
                        || unquoted_words >= MIN_WORDS
                            && (quoted_words > 0 || !doc.quotation_in(s0..k))
                };
                // (Where a used cue would change the reading, the caller is told.)
                if reads_on
                    && !that_quote
                    && probed(cue)
                    && !reports_as_used(true)
                    && !is_whole_quote(doc, c, end)
                {
                    changes[si] = true;
                }
                if reads_on
                    && (that_quote || reports_as_used(cue_used) && !is_whole_quote(doc, c, end))
                {
                    // (The quoted words without their marks, like the quotation's own span.)
                    let (from, to) = if that_quote {
                        let from = c + usize::from(doc.tokens[c].kind == TokenKind::QuoteMark);
                        let mut to = end;
                        while to > from
                            && (doc.tokens[to - 1].kind == TokenKind::QuoteMark
                                || doc.tokens[to - 1].kind == TokenKind::Punct)
                        {
                            to -= 1;
                        }
                        (from, to)
                    } else {
                        (c, end)
                    };
                    out.push(Reported {
                        content: span_of(doc, from, to),
                        mention: m,
                        cue,
                        confidence: 0.8,
                    });
                    k = end.max(k + 1);
                    continue;
                }
            }
            // Pattern 2: CONTENT, SUBJECT CUE. / CONTENT, CUE SUBJECT. A cue that also
            // attributes a quotation reports this way only what is not that quotation
            // alone (`is_whole_quote` below): `Clinton “is the only candidate …,” Newton
            // said`.
            if k > s0 + 2 {
                // (American style puts the comma inside the closing mark: `safe,” he said`.)
                let comma = (s0..k).rev().take(10).find(|&j| {
                    doc.tok(j) == ","
                        && (doc.tokens[j].quote().is_none()
                            || doc.tokens.get(j + 1).is_some_and(|n| {
                                n.kind == TokenKind::QuoteMark
                                    && doc.closing_quote_of(j + 1).is_some()
                            }))
                });
                if let Some(mut comma) = comma {
                    // "…, told Reuters": the object of a verb of telling is its listener.
                    let takes_listener =
                        doc.cue(k).is_some_and(|v| lexicon::takes_listener(v.lemma));
                    // "…, the source, who said he had spoken to people inside, told Reuters":
                    // the subject stands before its relative clause.
                    let before_relative = (comma + 1 == k)
                        .then(|| subject_left_of(doc, ents, k, s0))
                        .flatten()
                        .filter(|&m| {
                            let end = ents.mentions[m].tokens.end;
                            let start = ents.mentions[m].tokens.start;
                            end + 1 < k
                                && doc.tok(end) == ","
                                && matches!(doc.tok(end + 1), "who" | "which")
                                && start > s0
                                && doc.tok(start - 1) == ","
                        });
                    if let Some(m) = before_relative {
                        comma = ents.mentions[m].tokens.start - 1;
                    }
                    let subject = before_relative
                        .or_else(|| {
                            // "…, Trump was a novice politician who had never debated": the
                            // subject stands next to its cue.
                            ents.mention_at(comma + 1).filter(|&m| {
                                ents.mentions[m].tokens.start == comma + 1
                                    && ents.mentions[m].tokens.end <= k + 1
                                    && (ents.mentions[m].tokens.end > k
                                        || subject_left_of(doc, ents, k, comma + 1) == Some(m)
                                        // "sources who reviewed them told", "an analysis
                                        // of filings shows": a post-modifier between.
                                        || crate::lexicon::in_class(doc.tok(ents.mentions[m].tokens.end), crate::lexicon::POST_MODIFIER_OPENER)
                                        // (", a former inspector who now advises insurers":
                                        // the relative clause's own verb is no cue of it.)
                                        && !(matches!(
                                            doc.tok(ents.mentions[m].tokens.end),
                                            "who" | "that"
                                        ) && (ents.mentions[m].tokens.end + 1..k).all(|j| {
                                            doc.tok(j).ends_with("ly")
                                                || crate::lexicon::in_class(doc.tok(j), crate::lexicon::TIME_ADVERB)
                                        })))
                            })
                        })
                        .or_else(|| {
                            // `safe,” retired Air Force general Lloyd Newton said`: past the
                            // closing mark and up to two lowercase modifiers.
                            let mut first = comma + 1;
                            if first < k && doc.tokens[first].kind == TokenKind::QuoteMark {
                                first += 1;
                            }
                            // The mention next to the cue, after at most five modifiers.
                            subject_left_of(doc, ents, k, first).filter(|&m| {
                                let start = ents.mentions[m].tokens.start;
                                start >= first
                                    && start <= first + 5
                                    && (first..start).all(|w| {
                                        doc.tokens[w].kind == TokenKind::Word
                                            && doc.tokens[w].quote().is_none()
                                            && (doc.cue(w).is_none()
                                                || doc.tok(w).starts_with(char::is_uppercase))
                                            // "…, when Republican voters could have
                                            // considered": a new clause, not modifiers.
                                            && !is_clause_start(doc.tok(w))
                                            && !crate::lexicon::in_class(doc.tok(w), crate::lexicon::CLAUSE_LINK)
                                    })
                            })
                        })
                        .or_else(|| {
                            // `unprecedented,” said Jeffrey Frankel`: the closing mark may
                            // stand between the comma and the cue.
                            let after_comma = comma + 1 == k
                                || comma + 2 == k
                                    && doc.tokens[comma + 1].kind == TokenKind::QuoteMark;
                            // (A participle's object is no speaker: "…,” she said, showing
                            // off the hat his campaign had given her", but "…, echoing Mr.
                            // Putin" names whose words they were.)
                            let participle_object = doc.tok(k).ends_with("ing")
                                && doc.cue(k).is_none_or(|v| v.lemma != "echo");
                            // ("The minister, who spoke in Leeds, praised the nurses": a
                            // verb that never precedes its speaker has its object after it.)
                            let inverts = doc.cue(k).is_some_and(|v| {
                                crate::attribute::inverts(v.lemma) || v.lemma == "echo"
                            });
                            (after_comma && !takes_listener && !participle_object && inverts)
                                .then(|| {
                                    crate::attribute::subject_after_inverted_cue(doc, ents, k, s1)
                                })
                                .flatten()
                        });
                    let rest_is_short = {
                        let after = subject
                            .map(|m| ents.mentions[m].tokens.end.max(k + 1))
                            .unwrap_or(k + 1);
                        // "…, said Brian Baker, a longtime adviser to the family.": an
                        // appositive after the speaker ends the sentence.
                        // ("…, said Mindy Romero, director of the California Civic
                        // Engagement Project.": a bare role noun opens one too, after at
                        // most two modifiers: "executive vice president of …".)
                        let appositive = after + 1 < s1
                            && doc.tok(after) == ","
                            && (matches!(
                                &*crate::text::ascii_lowercase_in(doc.tok(after + 1), &mut [0; 32]),
                                "a" | "an" | "the" | "who" | "whose"
                            ) || (after + 1..s1.min(after + 4))
                                .take_while(|&j| doc.tokens[j].kind == TokenKind::Word)
                                .any(|j| doc.role(j).is_some()))
                            && (after + 1..s1).all(|j| doc.cue(j).is_none());
                        // "…, lawmakers said Friday, as they bristled at …": the writer's
                        // own subordinate clause after the attribution.
                        let writer_clause = (after..s1.min(after + 4)).any(|j| {
                            doc.tok(j) == ","
                                && j + 1 < s1
                                && (matches!(
                                    doc.tok(j + 1),
                                    "as" | "while" | "when" | "before" | "after"
                                ) || is_participle(doc.tok(j + 1)))
                        });
                        appositive
                            || writer_clause
                            || (after..s1)
                                .filter(|&j| doc.tokens[j].kind == TokenKind::Word)
                                .count()
                                <= 6
                    };
                    // "…, Evan Spiegel, who rebuffed an offer": a relative clause reports
                    // nothing before it.
                    if let Some(m) = subject.filter(|&m| {
                        crate::attribute::agrees(doc, ents, m, k) && !ents.is_relative(doc, m)
                    }) {
                        let mut c0 = s0;
                        while c0 < comma && doc.tokens[c0].kind == TokenKind::QuoteMark {
                            c0 += 1;
                        }
                        // "WASHINGTON ― Donald Trump's obsession …, lawmakers said": a
                        // dateline is no content.
                        c0 = after_dateline(doc, c0, comma);
                        // "In a wide-ranging interview, Obama also said:" — an adverbial
                        // before the attribution is no content, and a cue that ends in a
                        // colon introduces what follows it.
                        // ("…, the mother of three replied, “It's meant …”": so does a cue
                        // followed by its quotation.)
                        let introduces = (k + 1..s1).any(|j| doc.tok(j) == ":")
                            || (k + 1..s1.min(k + 3))
                                .find(|&j| doc.tok(j) != ",")
                                .is_some_and(|j| doc.tokens[j].kind == TokenKind::QuoteMark);
                        let adverbial = crate::lexicon::in_class(&crate::text::ascii_lowercase_in(doc.tok(c0), &mut [0; 32]), crate::lexicon::ADVERBIAL_OPENER) && word_count(doc, c0, comma) < 8
                            // ("Asked whether the administration would accept changes to
                            // the asylum provisions, Okafor said": a question put to the
                            // speaker, however long.)
                            || matches!(doc.tok(c0), "Asked" | "Speaking")
                            // ("Told of that remark, the senator laughed.": so is what the
                            // speaker was told or shown.)
                            || crate::lexicon::in_class(doc.tok(c0), crate::lexicon::TOLD_PARTICIPLE) && c0 + 1 < comma
                                && crate::lexicon::in_class(doc.tok(c0 + 1), crate::lexicon::TOPIC_PREPOSITION);
                        // ("…, Okafor declined to comment.": a refusal has only its
                        // infinitive after it.)
                        let infinitive_only = doc
                            .cue(k)
                            .is_some_and(|v| ONLY_INFINITIVE.contains(&v.lemma));
                        // "“The only way Wall Street will change …” for criminal behavior,
                        // she said.": a quote the writer's own words continue is reported
                        // whole, as mixed speech.
                        let continued_by_writer = doc.tokens[c0].quote().is_some_and(|q| {
                            doc.close_token(q).is_some_and(|close| {
                                close < comma
                                    && (close + 1..comma)
                                        .filter(|&j| {
                                            doc.tokens[j].kind == TokenKind::Word
                                                && doc.tokens[j].quote().is_none()
                                        })
                                        .count()
                                        >= 2
                                    && (close + 1..comma).all(|j| doc.tokens[j].quote().is_none())
                            })
                        });
                        if rest_is_short
                            && !introduces
                            && !adverbial
                            && !infinitive_only
                            && word_count(doc, c0, comma) >= MIN_WORDS
                            && (!is_whole_quote(doc, c0, comma) || continued_by_writer)
                            && (doc.tokens[c0].quote().is_none() || continued_by_writer)
                        {
                            // A quotation the writer continues keeps its opening mark, so
                            // the reported text reads as printed.
                            let from = if continued_by_writer {
                                s0.max(c0 - 1)
                            } else {
                                c0
                            };
                            out.push(Reported {
                                content: span_of(doc, from, comma),
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
        let headline = Some(doc.tokens[s0].paragraph()) == headline_paragraph && s1 - s0 <= 40;
        let named_first = ents
            .mention_at(s0)
            .filter(|&m| ents.mentions[m].tokens.start == s0)
            .map(|m| (m, ents.mentions[m].tokens.end, false))
            .filter(|&(_, colon, _)| colon < s1 && doc.tok(colon) == ":");
        let speaker_colon = named_first.or_else(|| {
            headline
                .then(|| framed_headline_speaker(doc, ents, s0, s1))
                .flatten()
                .map(|(m, colon)| (m, colon, true))
        });
        if let Some((m, colon, framed)) = speaker_colon {
            let opens_paragraph =
                s0 == 0 || doc.tokens[s0 - 1].paragraph() != doc.tokens[s0].paragraph();
            // "Stealth Over Health: Hillary Clinton Was …": in a title-case headline a
            // capitalised preposition shows the words before the colon name no one.
            // ("Judicial Watch: …": unless the story names the speaker again.)
            let title_words = doc.is_title_case(doc.tokens[s0].paragraph())
                && (s0 + 1..colon)
                    .any(|j| crate::lexicon::is_capitalized_function_word(doc.tok(j)))
                && !named_after(doc, ents, m, s1);
            // The article's first line, its headline, names its source before the colon
            // with no other evidence: "Poll: Clinton and Trump in dead heat", "Insiders:
            // Trump will rebound", "Sidney Blumenthal: ‘No Idea’ If I …".
            let mention = &ents.mentions[m];
            let source = if framed {
                true
            } else if headline {
                mention.kind != crate::entities::MentionKind::Pronoun && !mention.possessive
            } else {
                mention.kind == crate::entities::MentionKind::Name
                    && mention.entity.is_some_and(|e| ents.entities[e].evidence)
            };
            // (A quotation opening the claim is the quotation's, unless the writer's words
            // go on after it.)
            let opens_with_quote = colon + 1 < s1
                && doc.tokens[colon + 1].kind == TokenKind::QuoteMark
                && (!headline || is_whole_quote(doc, colon + 1, s1));
            if opens_paragraph
                && !title_words
                && colon + 1 < s1
                && doc.tok(colon) == ":"
                && source
                // "Q: Why now?" is an interview's label, not a name; so are "Analysis:",
                // "Map:" and "Correction:", lone words with no sign of a person or body.
                && !crate::lexicon::in_class(
                    doc.tok(mention.tokens.start).to_ascii_uppercase().as_str(),
                    crate::lexicon::NOTE_LABEL,
                )
                && ents.mentions[m].span.text(doc.text).chars().count() > 1
                // French headlines open with a topic ("Retraites : le gouvernement …");
                // only a full name there is a speaker.
                && (!doc.french || ents.mentions[m].tokens.len() >= 2)
                && !opens_with_quote
            {
                let end = content_end(doc, colon + 1, s1);
                if word_count(doc, colon + 1, end) >= MIN_WORDS {
                    out.push(Reported {
                        content: span_of(doc, colon + 1, end),
                        mention: m,
                        cue: doc.tokens[colon].span(),
                        confidence: 0.7,
                    });
                }
            }
        }
        // Pattern 3: according to X, CONTENT / CONTENT, according to X.
        for a in doc.according_cues_in(s0..s1.saturating_sub(2)) {
            let cue_len = doc.according_to(a);
            if cue_len == 0 {
                continue;
            }
            let Some(m) = crate::attribute::according_to_source(doc, ents, a) else {
                continue;
            };
            let cue = Span::new(
                doc.tokens[a].span().start,
                doc.tokens[a + cue_len - 1].span().end,
            );
            if probed(doc.tokens[a].span()) || probed(cue) {
                changes[si] = true;
            }
            if used_cues.contains(&doc.tokens[a].span()) || used_cues.contains(&cue) {
                continue;
            }
            let after_mention = ents.mentions[m].tokens.end;
            // "According to a report by the state environment agency, sea levels …": the
            // content starts after the comma that closes the source's phrase.
            let source_comma = (after_mention..s1.min(after_mention + 15))
                .find(|&j| doc.tok(j) == "," && doc.tokens[j].quote().is_none());
            // (After a colon the clause starts anew: "And it hasn't gone unnoticed:
            // According to recent polls, …".)
            let start = (s0..a)
                .rev()
                .find(|&j| doc.tok(j) == ":" && doc.tokens[j].quote().is_none())
                .map_or(s0, |colon| colon + 1);
            // "But the next day, according to Roffman, Trump made further demands": after
            // a short opening the attribution interrupts the content, which spans both
            // sides (a leading conjunction is no part of it).
            let interrupts = a > start + 1
                && doc.tok(a - 1) == ","
                && word_count(doc, start, a - 1) <= 4
                && source_comma.is_some();
            let (c0, c1) = if a == start {
                let c0 = source_comma.map_or(after_mention, |comma| comma + 1);
                (c0, content_end(doc, c0, s1))
            } else if let Some(comma) = source_comma.filter(|_| interrupts) {
                let mut c0 = start;
                if matches!(doc.tok(c0), "But" | "And" | "Yet" | "So") {
                    c0 += 1;
                }
                (c0, content_end(doc, comma + 1, s1))
            } else {
                let mut c1 = a;
                if c1 > s0 && doc.tok(c1 - 1) == "," {
                    c1 -= 1;
                }
                (after_dateline(doc, s0, c1), c1)
            };
            if c1 > c0 {
                out.extend(content_report(doc, c0, c1, m, cue, 0.8));
            }
        }
    }
    sentence_of.resize(out.len(), doc.sentences.len().saturating_sub(1));
    (sentence_of.into_iter().zip(out).collect(), changes)
}

/// The speaker and colon of a headline "SPEAKER: CLAIM" whose speaker does not open it:
/// after a kicker and its dash ("EXCLUSIVE – Roger Stone: Don't Trust the Voting
/// Machines") or before a short phrase saying to whom or of what ("Clinton to Planned
/// Parenthood: Trump will reverse Roe v. Wade", "Obama on Climate Change: …"), a name
/// the story's body uses too (`named_after`).
fn framed_headline_speaker(
    doc: &Doc,
    ents: &Entities,
    s0: usize,
    s1: usize,
) -> Option<(usize, usize)> {
    let colon =
        (s0..s1.min(s0 + 10)).find(|&j| doc.tok(j) == ":" && doc.tokens[j].quote().is_none())?;
    let m = (s0..colon).find_map(|j| {
        ents.mention_at(j)
            .filter(|&m| ents.mentions[m].tokens.start == j)
    })?;
    let mention = &ents.mentions[m];
    let known = named_after(doc, ents, m, s1);
    let after_kicker = mention.tokens.start == s0
        || mention.tokens.start <= s0 + 3
            && matches!(doc.tok(mention.tokens.start - 1), "—" | "–" | "-" | "|");
    let after = mention.tokens.end;
    // (A mention never holds the colon, but its end is compared, not subtracted from it.)
    let phrase = after == colon
        || after < colon
            && colon - after <= 4
            && matches!(doc.tok(after), "to" | "at" | "on" | "in" | "about" | "for")
            && (after..colon).all(|j| doc.tokens[j].kind == TokenKind::Word);
    (known && after_kicker && phrase).then_some((m, colon))
}

/// Whether mention `m` is a name the text uses again after token `from` (a headline's
/// speaker named in the story's body), and this one part of it: "Big Win For Bernie" is a
/// headline's play on words, though "Bernie" is named.
fn named_after(doc: &Doc, ents: &Entities, m: usize, from: usize) -> bool {
    let mention = &ents.mentions[m];
    let after = doc.tokens[from - 1].span().end;
    mention.kind == MentionKind::Name
        && !mention.possessive
        && mention.entity.is_some_and(|e| {
            let entity = &ents.entities[e];
            entity.evidence
                && entity
                    .name
                    .contains(mention.name.unwrap_or(mention.span).text(doc.text))
                && entity
                    .mentions
                    .iter()
                    .any(|&n| ents.mentions[n].span.start > after)
        })
}

/// Verbs that name their object (`read_sentences`): "called that claim “simply false”".
pub(crate) const NAMING_CUES: &str = "
    call describe label dub brand term characterize
";

/// Prepositions after a name (`read_sentences`).
pub(crate) const NAME_PREPOSITIONS: &str = "
    in at of for with from on
";

/// Cues whose "as" introduces a description (`read_sentences`): "described as “an
/// intentional act”".
pub(crate) const DESCRIBING_CUES: &str = "
    describe characterize portray label brand criticize dismiss depict
";

/// Words that open an indirect question (`read_sentences`).
pub(crate) const QUESTION_WORDS: &str = "
    whether how why what if who when
";

/// Forms of "be", "’s" included (`read_sentences`).
pub(crate) const BE_FORMS: &str = "
    is are was were be been 's ’s
";

/// Words that open a post-modifier between a source and its cue (`read_sentences`): "sources
/// who reviewed them told", "an analysis of filings shows".
pub(crate) const POST_MODIFIER_OPENERS: &str = "
    who that of from at with in
";

/// Adverbs of time and frequency (`read_sentences`).
pub(crate) const TIME_ADVERBS: &str = "
    now also still often later then once since
";

/// Capitalised participles of what the speaker was told or shown (`read_sentences`): "Told of
/// that remark, the senator laughed."
pub(crate) const TOLD_PARTICIPLES: &str = "
    Told Pressed Reminded Informed Confronted Questioned Challenged Shown
";

/// Prepositions and question words after "Asked" that open what was asked (`read_sentences`).
pub(crate) const TOPIC_PREPOSITIONS: &str = "
    of about on with whether why if by that
";

/// Words after a cue that do not open its content (`read_sentences`): a preposition
/// (a place or time, "said in Paris") or a conjunction opening the writer's next clause
/// ("“You winning?” she said, but Kevin was drifting off").
pub(crate) const NOT_CONTENT_OPENERS: &str = "
    : . but and or in on at to for about with of by so after before during via from
    since until into onto upon toward towards across through within without despite amid
    while because although though unless
";

/// Auxiliaries after "it" that make it the subject of reported content (`read_sentences`):
/// "announced it had reached" (not "made it clear").
pub(crate) const AUXILIARIES_AFTER: &str = "
    is was had has would will could can should might may must did does wo were
";

/// Conjunctions and relatives that link clauses (`read_sentences`).
pub(crate) const CLAUSE_LINKS: &str = "
    when while as because and but or who which where then so after before since until
    though although
";

/// Lowercased first words of a fronted adverbial (`read_sentences`): "In a statement, …",
/// "Speaking to reporters, …".
pub(crate) const ADVERBIAL_OPENERS: &str = "
    in at on during after before for with from since speaking asked when while through
    by under despite unlike like as if because although though without indeed
";

/// Uppercased labels of editors' notes and page furniture that open a sentence
/// (`read_sentences`): "CORRECTION:", "UPDATE:", "WATCH:".
pub(crate) const NOTE_LABELS: &str = "
    CLARIFICATION CORRECTION UPDATE UPDATED NOTE EDITOR ANALYSIS WATCH READ RELATED
    PHOTOS VIDEO OPINION EXCLUSIVE BREAKING LIVE EDITORIAL COMMENTARY REVIEW LISTEN
    INTERVIEW EXPLAINER PODCAST QUIZ GALLERY Q&A FAQ
";

/// Sentence reports finished: the items of lists under "X said:", in text order, and of
/// overlapping reports only the first.
pub fn finish_reports(doc: &Doc, ents: &Entities, mut out: Vec<Reported>) -> Vec<Reported> {
    list_items(doc, ents, &mut out);
    crate::sort::sort_by_key(&mut out, |r| r.content.start);
    out.dedup_by(|a, b| a.content.overlaps(b.content));
    out
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    /// (text, reported content, speaker name)
    const ROWS: &[(&str, &str, &str)] = &[
        // "and" joining two subjects is no second report ("and her husband planned").
        (
            "Anna Harper said she and her husband planned to rebuild on the same lot.",
            "she and her husband planned to rebuild on the same lot",
            "Anna Harper",
        ),
        (
            "“It is a disgrace,” said one fisherman. Another said the plan was fine.",
            "the plan was fine",
            "Another",
        ),
        // A sentence adverb between commas after the cue is no part of the content.
        (
            "Dr Elena Marqués cautioned, however, that the findings were early.",
            "the findings were early",
            "Elena Marqués",
        ),
        (
            "The minister insisted, though, that the ferry would sail.",
            "the ferry would sail",
            "The minister",
        ),
        // A verb of reporting may precede its speaker after the comma.
        (
            "The harbour will reopen in May, reported Reuters.",
            "The harbour will reopen in May",
            "Reuters",
        ),
        // An attribution after a comma reports the clause before it; "considering
        // closing" deliberates.
        (
            "Volta Motors is considering closing its Leipzig plant, three people familiar with the matter told Reuters.",
            "Volta Motors is considering closing its Leipzig plant",
            "three people familiar with the matter",
        ),
        // ... and so does "is considering" with a noun ("considering new sanctions");
        // an abbreviation's stop stands inside the source ("two U.S. officials").
        (
            "The administration is considering new sanctions on the militias, two U.S. officials said Monday.",
            "The administration is considering new sanctions on the militias",
            "two U.S. officials",
        ),
        // A participle after the cue's comma is its own clause: what was said stands
        // before ("asking not to be named" asks for anonymity and reports nothing).
        (
            "No final decision has been made, the sources added, asking not to be named because the talks are private.",
            "No final decision has been made",
            "the sources",
        ),
        // A dateline and its agency name no one; "they" is likelier the senators than the
        // bill.
        (
            "WASHINGTON (AP) — A bill stalled after two Republican senators objected to provisions they said would burden small operators.",
            "would burden small operators",
            "two Republican senators",
        ),
        // A relative clause set off by dashes: its "who" is the name before the dash, and
        // the closing dash ends the content.
        (
            "Harbour chief Tom Reyes - who previously said the bridge would close - spoke at a rally on Friday.",
            "the bridge would close",
            "Tom Reyes",
        ),
        // A participle after the attribution is the writer's clause: the content is what
        // stands before it.
        (
            "Harbour Lines will end the route in October, the company announced on Thursday, leaving 600 residents without a ferry.",
            "Harbour Lines will end the route in October",
            "the company",
        ),
        // A surname ending in "-ly" before its verb; a city and state inside an
        // appositive; people by their cause.
        (
            "Jolly said he would be cautious with the budget.",
            "he would be cautious with the budget",
            "Jolly",
        ),
        (
            "Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said he was alarmed.",
            "he was alarmed",
            "Jeffrey Salkin",
        ),
        (
            "Abortion rights advocates said the ruling made the fight more critical.",
            "the ruling made the fight more critical",
            "Abortion rights advocates",
        ),
        // "according to" after a short opening interrupts the content; after a colon it
        // opens the clause.
        (
            "But the next day, according to Tom Reyes, the mayor made further demands.",
            "the next day, according to Tom Reyes, the mayor made further demands",
            "Tom Reyes",
        ),
        (
            "It has not gone unnoticed: According to Anna Lee, the bridge is unsafe.",
            "the bridge is unsafe",
            "Anna Lee",
        ),
        // ... though "echoing" names whose words they were.
        (
            "The network covered the annexation as a rightful reunification move, echoing Mr. Putin.",
            "The network covered the annexation as a rightful reunification move",
            "Putin",
        ),
        // A verb of urging with "for" reports its object.
        (
            "Anna Lee argued for a federal minimum-wage hike.",
            "a federal minimum-wage hike",
            "Anna Lee",
        ),
        (
            "Anna Lee responded to the mayor's criticism of the plan.",
            "the mayor's criticism of the plan",
            "Anna Lee",
        ),
        (
            "The agency pointed to the rising cost of the bridge.",
            "the rising cost of the bridge",
            "The agency",
        ),
        // An adverb between auxiliary and cue; a count approximated or in words.
        (
            "Mr. Lee has long said that he will support the nominee.",
            "he will support the nominee",
            "Lee",
        ),
        (
            "About 9 percent said they had no preference.",
            "they had no preference",
            "9 percent",
        ),
        (
            "Twenty-four percent said they were more likely to vote.",
            "they were more likely to vote",
            "Twenty-four percent",
        ),
        // A comma after "that" opens the content's aside, no interruption.
        (
            "While the crowd booed, Anna Lee asserted that, cost aside, the bridge did good.",
            "cost aside, the bridge did good",
            "Anna Lee",
        ),
        // A subordinate clause a comma opens inside the sentence ends at its comma.
        (
            "Lee is crucial to the plan, and while he said he would hold a hearing, it is unlikely to pass.",
            "he would hold a hearing",
            "Lee",
        ),
        // ... but a question is, and so is a conditional inside a "that" clause.
        (
            "Anna Lee asked when the bridge would reopen.",
            "when the bridge would reopen",
            "Anna Lee",
        ),
        (
            "Anna Lee warned that if the bridge closes, the town will suffer.",
            "if the bridge closes, the town will suffer",
            "Anna Lee",
        ),
        // A quote's closing mark after its comma ends the content as the comma would,
        // and stays with it.
        (
            "Anna Lee said the system was “corrupt,” noting that banks pay fines.",
            "the system was “corrupt,”",
            "Anna Lee",
        ),
        // Where content ends: a fronted subordinate clause at its comma; a participle
        // or a new clause after a comma; a noun-phrase object before an adverbial clause.
        (
            "With both leaders signaling a focus on negotiation, the coming months could decide it.",
            "a focus on negotiation",
            "both leaders",
        ),
        (
            "While his advisers have suggested his role is that of a convert, Anna Lee is also determined to warn them.",
            "his role is that of a convert",
            "his advisers",
        ),
        (
            "Anna Lee is once again questioning the integrity of the voting system, encouraging her supporters to watch the polls.",
            "the integrity of the voting system",
            "Anna Lee",
        ),
        (
            "Anna Lee has vowed to bring back lost mining jobs, and Tom Clarke is promising to help miners.",
            "to bring back lost mining jobs",
            "Anna Lee",
        ),
        (
            "Anna Lee criticized the Affordable Care Act when she spoke in Flint on Tuesday.",
            "the Affordable Care Act",
            "Anna Lee",
        ),
        (
            "Anna Lee did not realize the threat that would develop when the money ran out.",
            "the threat that would develop when the money ran out",
            "Anna Lee",
        ),
        (
            "Anna Lee said the plan would fail when the money ran out.",
            "the plan would fail when the money ran out",
            "Anna Lee",
        ),
        // "Police say" agrees; a gerund after "by" (or a passive's "for") takes the
        // sentence's subject.
        (
            "Police say they have adequate resources to secure the city.",
            "they have adequate resources to secure the city",
            "Police",
        ),
        (
            "Anna Lee replied on Wednesday by saying her refusal was a manufactured issue.",
            "her refusal was a manufactured issue",
            "Anna Lee",
        ),
        (
            "Anna Lee was criticised for saying that the harbour would close.",
            "the harbour would close",
            "Anna Lee",
        ),
        // A quotation the writer's words continue is reported whole, as mixed speech.
        (
            "Anna Lee spoke. “We must pay attention to what is written” in that law, she said.",
            "“We must pay attention to what is written” in that law",
            "Anna Lee",
        ),
        // A programme's title goes with the listener; content may open with a quote
        // that the writer's words continue.
        (
            "Anna Lee tells MSNBC’s “Morning Joe” on Friday that “exactly who did it” remains under investigation.",
            "“exactly who did it” remains under investigation",
            "Anna Lee",
        ),
        // Mixed speech before the attribution, its comma inside the closing mark, and
        // modifiers before the speaker's name.
        (
            "Anna Lee “is the only candidate with the experience to keep us safe,” retired Air Force general Tom Clarke said.",
            "Anna Lee “is the only candidate with the experience to keep us safe",
            "Tom Clarke",
        ),
        // Adverbials between listener and "that"; a subjectless verb after "but".
        (
            "Anna Lee had told President Tom Clarke by telephone on Wednesday that she was confined to her home but was otherwise fine.",
            "she was confined to her home but was otherwise fine",
            "Anna Lee",
        ),
        // "that it “…”": a quotation may carry the clause's verb.
        (
            "The party leader left early, saying in a statement that it “will not break our will.”",
            "it “will not break our will.”",
            "The party leader",
        ),
        // Mixed speech before an inverted cue after the closing mark.
        (
            "Aside from wartime, “this sort of stimulus is unprecedented,” said Anna Lee, a professor.",
            "Aside from wartime, “this sort of stimulus is unprecedented",
            "Anna Lee",
        ),
        // A verb coordinated by "but" shares its subject.
        (
            "Anna Lee said the concerns were legitimate but insisted progress had been made.",
            "the concerns were legitimate",
            "Anna Lee",
        ),
        // The inverted speaker after the cue is no content.
        (
            "The meeting deteriorated from there, said one party source in the room.",
            "The meeting deteriorated from there",
            "one party source",
        ),
        // Evidence from documents and bodies: a capitalised plural or document noun opening
        // the sentence, a year among the modifiers, a modifier between source and verb.
        (
            "Polls show a close contest in the state.",
            "a close contest in the state",
            "Polls",
        ),
        (
            "Polling averages show Anna Lee with a lead in the low single digits.",
            "Anna Lee with a lead in the low single digits",
            "Polling averages",
        ),
        (
            "Yet, a 2014 study found that poor children in the city have the worst odds.",
            "poor children in the city have the worst odds",
            "a 2014 study",
        ),
        (
            "The latest opinion poll released Friday shows that Anna Lee leads by five points.",
            "Anna Lee leads by five points",
            "The latest opinion poll",
        ),
        (
            "Another slide shows that eight of 10 avocados are grown in Mexico.",
            "eight of 10 avocados are grown in Mexico",
            "Another slide",
        ),
        // Adverbials before the content: a place with its comma before "that", a
        // prepositional phrase before a pronoun clause; a group named in the plural; an
        // appositive after a parenthetical; a relative clause inside the object.
        (
            "Anna Lee says at a campaign stop in Toledo, Ohio, that the plan means nothing.",
            "the plan means nothing",
            "Anna Lee",
        ),
        (
            "Anna Lee said on Friday he would go to the city.",
            "he would go to the city",
            "Anna Lee",
        ),
        (
            "Anna Lee said after the convention he would not accept the endorsement.",
            "he would not accept the endorsement",
            "Anna Lee",
        ),
        (
            "Republicans say they have several questions for the director.",
            "they have several questions for the director",
            "Republicans",
        ),
        (
            "Rep. Anna Lee (D-N.Y.), chairman of the caucus, said members will help him raise cash.",
            "members will help him raise cash",
            "Anna Lee",
        ),
        (
            "Many voters accuse the Islamists, who held power until 2013, of having been slow to respond.",
            "the Islamists, who held power until 2013, of having been slow to respond",
            "Many voters",
        ),
        // After an interrupting attribution, "as" opens the writer's clause.
        (
            "The obsession is an insult to all voters, top lawmakers said Friday, as they bristled at the questions.",
            "The obsession is an insult to all voters",
            "top lawmakers",
        ),
        // Politicians are people; a relative clause set off inside the content, then a
        // past-tense verb, continues it.
        (
            "Islamist politicians have acknowledged that they did not realize the threat that would develop when radical Muslims, who had been repressed, won the freedom to preach.",
            "they did not realize the threat that would develop when radical Muslims, who had been repressed, won the freedom to preach",
            "Islamist politicians",
        ),
        // "According to X by Y, CONTENT": the content starts after the source's phrase.
        (
            "According to a report by the Harbour Agency, sea levels have risen 20 centimetres since 1990.",
            "sea levels have risen 20 centimetres since 1990",
            "Harbour Agency",
        ),
        // A determiner and a plain noun before a speech verb name the source; the
        // content ends before an adverb-led participle or an absolute "with" phrase.
        (
            "Still, the fund warned that the merger will raise prices in the coming years.",
            "the merger will raise prices in the coming years",
            "the fund",
        ),
        // A headline's "SPEAKER: CLAIM", the speaker named in the story too.
        (
            "Harbour Trust to Council: Ferry Will Run Again by March\n\nThe Harbour Trust wrote to the council on Monday.",
            "Ferry Will Run Again by March",
            "Harbour Trust",
        ),
        (
            "EXCLUSIVE – Harbour Trust: Ferry Will Run Again by March\n\nThe Harbour Trust wrote to the council on Monday.",
            "Ferry Will Run Again by March",
            "Harbour Trust",
        ),
        // A group's name in the plural agrees with the bare verb, its last word plural.
        (
            "Senior Democrats say the ferry will run again by March.",
            "the ferry will run again by March",
            "Senior Democrats",
        ),
        // "those" with a participle of asking, or before "who", is a group of people.
        (
            "By big margins, those surveyed say the ferry should run again by March.",
            "the ferry should run again by March",
            "those surveyed",
        ),
        (
            "Those who crossed on Monday said the ferry was late again.",
            "the ferry was late again",
            "Those",
        ),
        // A plural possessive written apart from its apostrophe.
        (
            "Anna Davies’ campaign says it raised more than $21 million in January.",
            "it raised more than $21 million in January",
            "Anna Davies’ campaign",
        ),
        // A body's noun, a modifier, then the body's head is one descriptor, and a body's
        // noun among its modifiers must be in the name it resolves to: not the BBC.
        (
            "Anna Lee spoke to the BBC on Monday. The state news agency said the talks had failed.",
            "the talks had failed",
            "The state news agency",
        ),
        // British words for a mother and for friends are role nouns.
        (
            "But pals of her mum say the row started when the ferry was cancelled.",
            "the row started when the ferry was cancelled",
            "pals",
        ),
        // A case's "v." ends no sentence.
        (
            "Anna Lee said the court would overturn Roe v. Wade within a year.",
            "the court would overturn Roe v. Wade within a year",
            "Anna Lee",
        ),
        // An intensifying pronoun between the subject and its verb.
        (
            "Anna Lee herself said the ferry would run again by March.",
            "the ferry would run again by March",
            "Anna Lee",
        ),
        // A distributive determiner opens a descriptor too.
        (
            "Each side said the other would be to blame if the money is not approved.",
            "the other would be to blame if the money is not approved",
            "Each side",
        ),
        // A capitalised modifier after the article, then the plain noun.
        (
            "The NFL legend said the merger will raise prices in the coming years.",
            "the merger will raise prices in the coming years",
            "The NFL legend",
        ),
        (
            "The mayor told residents this week the bridge would reopen in May, implicitly conceding the delay.",
            "the bridge would reopen in May",
            "The mayor",
        ),
        (
            "Polling averages show Anna Lee with a narrow lead, with one poll putting her ahead by 3 points.",
            "Anna Lee with a narrow lead",
            "Polling averages",
        ),
        // An aside with "as" interrupts the content; "out" belongs to "pointed".
        (
            "Harbour towns, as one of the mayor's advisers pointed out, rarely flood twice in a year.",
            "Harbour towns, as one of the mayor's advisers pointed out, rarely flood twice in a year",
            "the mayor's advisers",
        ),
        (
            "The mayor pointed out that the bridge was closed.",
            "the bridge was closed",
            "The mayor",
        ),
        // "state" before a noun is the adjective.
        (
            "Anna Lee told reporters that state election offices in two counties were hacked.",
            "state election offices in two counties were hacked",
            "Anna Lee",
        ),
        // A noun-phrase object ends before the writer's adverbial: a medium, a weekday,
        // "as" with a new subject.
        (
            "Anna Lee attacked the harbour plan in a series of early-morning posts.",
            "the harbour plan",
            "Anna Lee",
        ),
        (
            "Tom Reyes offered some pointed advice to the council on Friday.",
            "some pointed advice to the council",
            "Tom Reyes",
        ),
        (
            "The mayor condemned the closure as Tom Reyes led a march past the town hall.",
            "the closure",
            "The mayor",
        ),
        // A source described by what it knows, before or after its content; a
        // dateline with a state and an agency is no content.
        (
            "The harbour will close in May, two people familiar with the plan said.",
            "The harbour will close in May",
            "two people familiar with the plan",
        ),
        (
            "Two people familiar with the inquiry said the firm shipped the parts.",
            "the firm shipped the parts",
            "Two people familiar with the inquiry",
        ),
        (
            "SAN JOSE, Calif. (Reuters) - The founder of Lumora resigned on Monday, according to people familiar with the matter.",
            "The founder of Lumora resigned on Monday",
            "people familiar with the matter",
        ),
        // A name before the cue is the subject, not in apposition to the object of a
        // preposition before the comma.
        (
            "Nadia Okafor will run the firm while the board searches for a successor, Lumora said.",
            "Nadia Okafor will run the firm while the board searches for a successor",
            "Lumora",
        ),
        // A court rules that …; a participle after a comma takes the sentence's subject.
        (
            "A state judge on Friday blocked the sale of the park, ruling that officials had ignored a deed restriction.",
            "officials had ignored a deed restriction",
            "A state judge",
        ),
        // A manner adverb or a listener after "to" stands before "that".
        (
            "The residents complain bitterly that the ferry fares are too high.",
            "the ferry fares are too high",
            "The residents",
        ),
        (
            "The mayor explained to the council members that the ferry fares would rise.",
            "the ferry fares would rise",
            "The mayor",
        ),
        (
            "The mayor promised to ensure that the ferry fares would not rise.",
            "to ensure that the ferry fares would not rise",
            "The mayor",
        ),
        // A verb coordinated after auxiliaries shares the subject; inside a relative
        // clause, the relative's antecedent.
        (
            "Anna Lee, like the mayor, has backed the harbour plan but has said she will hold firm on the budget.",
            "she will hold firm on the budget",
            "Anna Lee",
        ),
        (
            "She stands in contrast to the ferry operator who lacks experience and has dismissed the plan as a gimmick.",
            "the plan as a gimmick",
            "the ferry operator",
        ),
        // A plural source opening the clause, then a prepositional phrase without a verb.
        (
            "Experts on shipping and port logistics said the new berth could change that.",
            "the new berth could change that",
            "Experts",
        ),
        (
            "Political observers in Dravec and along the coast say the mayor deserves a second term.",
            "the mayor deserves a second term",
            "Political observers in Dravec",
        ),
        // A document's author after "by" is the source of "according to".
        (
            "Harbour walls are not fit for purpose, according to a report published on Wednesday by the National Audit Office.",
            "Harbour walls are not fit for purpose",
            "National Audit Office",
        ),
        // "not … but" is one contrast inside the content.
        (
            "Hannah Moss told the council that the problem was not money but management.",
            "the problem was not money but management",
            "Hannah Moss",
        ),
        // An appositive name after a comma and role words names the descriptor.
        (
            "Her neighbour, retired engineer Tom Reyes, was blunter. He said the barriers were useless.",
            "the barriers were useless",
            "Tom Reyes",
        ),
        // After a verb that names its object, "that" is the object's determiner.
        (
            "Tom Reyes called that claim “simply false.”",
            "that claim “simply false.”",
            "Tom Reyes",
        ),
        // ", and" + a noun phrase and its verb opens the writer's clause.
        (
            "The agency announced that it is cutting its forecast, and the cut is casting a shadow on the region.",
            "it is cutting its forecast",
            "The agency",
        ),
        // A share of those polled speaks.
        (
            "In the poll, 52% of likely voters say the economy is the top issue.",
            "the economy is the top issue",
            "52% of likely voters",
        ),
        (
            "However, 63 percent said Anna Lee was justified in keeping it private.",
            "Anna Lee was justified in keeping it private",
            "63 percent",
        ),
        // A dateline and a time adverbial are no content.
        (
            "WASHINGTON — The obsession with the birth of the president is an insult, top lawmakers said Friday afternoon.",
            "The obsession with the birth of the president is an insult",
            "top lawmakers",
        ),
        (
            "Anna Lee told voters this weekend she would consider it an insult.",
            "she would consider it an insult",
            "Anna Lee",
        ),
        // A source described by what it knows; a participle describing its noun.
        (
            "Two people familiar with the matter said the deal was close.",
            "the deal was close",
            "Two people familiar with the matter",
        ),
        (
            "An official briefed on the negotiations said the deal would be signed.",
            "the deal would be signed",
            "An official briefed on the negotiations",
        ),
        (
            "The paranoia remained, and my father said the world would end soon.",
            "the world would end soon",
            "my father",
        ),
        // A lone party adjective modifies the noun after it.
        (
            "PolitiFact said 32% of Republican claims were false.",
            "32% of Republican claims were false",
            "PolitiFact",
        ),
        // A relative pronoun stands for its antecedent; its clause ends at the comma.
        (
            "Senator Anna Lee, who warned of the deficit in the past, played it down on Friday.",
            "the deficit in the past",
            "Anna Lee",
        ),
        // The subject of "told" stands before its relative clause; the object is the
        // listener.
        (
            "The ministers fled to the compound, the source, who asked not to be named, told Reuters.",
            "The ministers fled to the compound",
            "the source",
        ),
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
        // Whatever follows "according to" is the source, a role noun or none; a thing's
        // author after "by" or "from" is.
        (
            "Taxes will rise next year, according to complete but unofficial returns.",
            "Taxes will rise next year",
            "complete but unofficial returns",
        ),
        (
            "According to state law, no one may campaign within 150 feet of a polling place.",
            "no one may campaign within 150 feet of a polling place",
            "state law",
        ),
        (
            "A living wage is about $12 an hour, according to calculations by Anna Lee of the institute.",
            "A living wage is about $12 an hour",
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
        // A coordinated subject takes the bare verb form.
        (
            "Both Ms. Lee and Mr. Okafor say the board never edited their reports.",
            "the board never edited their reports",
            "Okafor",
        ),
        // "said no …" reports; only "said no." / "said no to" is an answer.
        (
            "A lawyer for the council, Ravi Menon, said no decision had been made about an appeal.",
            "no decision had been made about an appeal",
            "Ravi Menon",
        ),
        // Reported content with a quotation inside it (a "mixed" quotation).
        (
            "Menon said he expects the council “to keep defending ourselves as we see fit.”",
            "he expects the council “to keep defending ourselves as we see fit.”",
            "Menon",
        ),
        // An attribution interrupting a short subject and one after a short adverbial.
        (
            "The bridge, Anna Lee said, would reopen in March.",
            "The bridge, Anna Lee said, would reopen in March",
            "Anna Lee",
        ),
        (
            "The difference now, Anna Lee told me on Friday, is that the bridge is safe.",
            "The difference now, Anna Lee told me on Friday, is that the bridge is safe",
            "Anna Lee",
        ),
        // "and that" coordinates two reported clauses, it is no adverbial before "that".
        (
            "Anna Lee said witnesses saw a boat and that it sank near the pier.",
            "witnesses saw a boat and that it sank near the pier",
            "Anna Lee",
        ),
        // "it" opens content when a verb follows; a clause before "that" is content too.
        (
            "Last month, the city council announced it had reached its goal of planting trees.",
            "it had reached its goal of planting trees",
            "the city council",
        ),
        (
            "The Green presidential nominee says they both share the belief that rents are too high.",
            "they both share the belief that rents are too high",
            "The Green presidential nominee",
        ),
        (
            "Ravi Menon bought the land and said it ensured nobody would lose their home.",
            "it ensured nobody would lose their home",
            "Ravi Menon",
        ),
        // The speaker's appositive after an inverted cue ends the sentence.
        (
            "The first ferry could sail this week, said Ravi Menon, a longtime adviser to the port.",
            "The first ferry could sail this week",
            "Ravi Menon",
        ),
        // A parenthetical pair of dashes stays inside the content; "even as" ends it.
        (
            "Anna Lee said that besides the two ferries — from Oslo and Bergen — a tug was lost.",
            "besides the two ferries — from Oslo and Bergen — a tug was lost",
            "Anna Lee",
        ),
        (
            "Anna Lee claimed the toll would pay for the bridge even as the auditors estimated a loss.",
            "the toll would pay for the bridge",
            "Anna Lee",
        ),
        // "had yet to" is an adverb, not a conjunction ending the content.
        (
            "Ravi Menon said the city had yet to publish the final inspection report.",
            "the city had yet to publish the final inspection report",
            "Ravi Menon",
        ),
        // A relative clause between commas stays inside; "but" + a subjectless modal too.
        (
            "Anna Lee said her grandmother, who founded the market in 1979, had come along.",
            "her grandmother, who founded the market in 1979, had come along",
            "Anna Lee",
        ),
        (
            "Anna Lee said she backed the plan but would want more detail on the costs.",
            "she backed the plan but would want more detail on the costs",
            "Anna Lee",
        ),
        // After "that" the clause may open with an adverbial.
        (
            "The audit found that in the three largest counties voters were removed twice as often.",
            "in the three largest counties voters were removed twice as often",
            "The audit",
        ),
        // A relative pronoun's antecedent speaks.
        (
            "The fund was praised by Ravi Menon, who emphasized that the returns would be simpler.",
            "the returns would be simpler",
            "Ravi Menon",
        ),
        // Sources found from articles the rules had not been read against (PolNeAR train):
        // "that" before a finite verb is the content's subject; a role before the name
        // after an inverted cue; a suffix's dot; an age between appositives; a plural
        // source with an "of" phrase; a person's role before "of"; a child.
        (
            "Few experts believe that is likely.",
            "that is likely",
            "Few experts",
        ),
        (
            "The plan could matter more than his clout, said Democratic strategist Hank Sheinkopf.",
            "The plan could matter more than his clout",
            "Hank Sheinkopf",
        ),
        (
            "Joseph R. Biden Jr. said the remarks had made him a danger.",
            "the remarks had made him a danger",
            "Joseph R. Biden Jr",
        ),
        (
            "Mary Lee, 60, a doctor, said she was elated by the vote.",
            "she was elated by the vote",
            "Mary Lee",
        ),
        (
            "Several supporters of reform said the system should stay.",
            "the system should stay",
            "Several supporters",
        ),
        (
            "The leader of the group said the plan would fail.",
            "the plan would fail",
            "The leader",
        ),
        // A family speaks for its member.
        (
            "In a statement read outside court, the family of one victim said they hoped the sentence would deter others.",
            "they hoped the sentence would deter others",
            "the family",
        ),
        // People whose work is finding report what they found.
        (
            "Inspectors found pupils had been left unsupervised for long periods.",
            "pupils had been left unsupervised for long periods",
            "Inspectors",
        ),
        // A denial's object is what it rejects, however short.
        (
            "The company has denied any wrongdoing.",
            "any wrongdoing",
            "The company",
        ),
        // A preposition opening a quantity opens the content ("at least 40 people").
        (
            "Officials say at least 40 people were killed in the blast.",
            "at least 40 people were killed in the blast",
            "Officials",
        ),
        // After "tell", "you" is the listener, not the content's subject.
        (
            "Anna Lee will tell you the plan is a disaster.",
            "the plan is a disaster",
            "Anna Lee",
        ),
        // A named person's place or institution after "of" is no subject, before the cue
        // or before an appositive.
        (
            "Senator Mitch McConnell of Kentucky said the debt was the issue of the era.",
            "the debt was the issue of the era",
            "Mitch McConnell",
        ),
        (
            "Professor Alan Whitcombe of the University of Leeds, who was not involved in the research, said the cohort was large.",
            "the cohort was large",
            "Alan Whitcombe",
        ),
        (
            "Gordon Pruitt of Kansas, the committee's top Republican, said the plan was fantasy.",
            "the plan was fantasy",
            "Gordon Pruitt",
        ),
        (
            "The question came from a young child, who said his father drove him there.",
            "his father drove him there",
            "a young child",
        ),
        // "has since said"; a second "that" clause after ", but"; the writer's ", as was
        // the case"; a fronted "Asked …," clause ends before the sentence's own cue.
        (
            "Anna Lee has since said that she attended because it would be fun.",
            "she attended because it would be fun",
            "Anna Lee",
        ),
        (
            "Anna Lee said the port needs a new crane, but that she would not support a levy.",
            "the port needs a new crane, but that she would not support a levy",
            "Anna Lee",
        ),
        (
            "Anna Lee said she does not do them publicly, as was the case with Tuesday's news conference.",
            "she does not do them publicly",
            "Anna Lee",
        ),
        (
            "Asked whether the ferry would return, Anna Lee said the council had not decided.",
            "the council had not decided",
            "Anna Lee",
        ),
        // An irregular past tense after "it"; a negated auxiliary; "for weeks" before the
        // content; a delegate is a person.
        (
            "Frank Lee said it took him a couple of months to find a buyer.",
            "it took him a couple of months to find a buyer",
            "Frank Lee",
        ),
        (
            "Anna Lee hasn't said whether she has a strategy.",
            "whether she has a strategy",
            "Anna Lee",
        ),
        (
            "Anna Lee has said for weeks she’s the only candidate who can win.",
            "she’s the only candidate who can win",
            "Anna Lee",
        ),
        (
            "One California delegate said he tried to give away guest passes.",
            "he tried to give away guest passes",
            "One California delegate",
        ),
        // A relative clause without commas between the subject and its verb.
        (
            "Voters who attended the rally in Flint said they were angry.",
            "they were angry",
            "Voters",
        ),
        // A verb or adjective whose infinitive shares its subject; "would only say"; a
        // relative clause with "whose".
        (
            "Caucus-goers were slightly more likely to say they preferred Anna Lee.",
            "they preferred Anna Lee",
            "Caucus-goers",
        ),
        (
            "Anna Lee appeared to suggest that the ferry would not return.",
            "the ferry would not return",
            "Anna Lee",
        ),
        (
            "Asked about the port, Anna Lee would only say that the talks were continuing.",
            "the talks were continuing",
            "Anna Lee",
        ),
        (
            "The state officials whose laws have been struck down say the courts have changed.",
            "the courts have changed",
            "The state officials",
        ),
        // In a title-case headline a capitalised cue verb is a verb, not a name's first word.
        (
            "Anna Lee Says Her Ferry Plan Will Not Leave Islanders Stranded.\n\nThe council met on Monday.",
            "Her Ferry Plan Will Not Leave Islanders Stranded",
            "Anna Lee",
        ),
        // The first line, a headline, names its source before a colon.
        (
            "Poll: Anna Lee and Tom Reyes in dead heat before the vote.\n\nThe council met on Monday.",
            "Anna Lee and Tom Reyes in dead heat before the vote",
            "Poll",
        ),
        // An endorsement is a public act of speech.
        (
            "The ferry workers' union endorsed Anna Lee on Tuesday.",
            "Anna Lee",
            "The ferry workers' union",
        ),
        // A cue word used as a noun after "and" does not end the content; a second verb
        // of saying with its own subject does.
        (
            "Anna Lee said the council has respect for the crews and her harbour comment was an expression of frustration.",
            "the council has respect for the crews and her harbour comment was an expression of frustration",
            "Anna Lee",
        ),
        (
            "Anna Lee said the ferry was safe and the council said it would reopen the pier.",
            "the ferry was safe",
            "Anna Lee",
        ),
        // "it" before a present-tense verb opens a clause; a singular document before
        // "of" is the source.
        (
            "Anna Lee spoke on Monday, saying it shows she would be awake for a call.",
            "it shows she would be awake for a call",
            "Anna Lee",
        ),
        (
            "A study of hospital records found that waiting times doubled.",
            "waiting times doubled",
            "A study",
        ),
        // "to" after a role noun is part of the subject; an adverb between the comma and a
        // participle.
        (
            "In recent days, advisers to Anna Lee say, the mayor has grown exasperated.",
            "In recent days, advisers to Anna Lee say, the mayor has grown exasperated",
            "advisers",
        ),
        (
            "Anna Lee complained about the microphone, even suggesting it may have been sabotaged.",
            "the microphone",
            "Anna Lee",
        ),
        // A quotation reported with "that" is reported speech too, its words quoted.
        (
            "The harbour board says on its website that “there were issues with the pier that affected the ferries.”",
            "there were issues with the pier that affected the ferries",
            "The harbour board",
        ),
        // A participle after what was written speaks for the sentence's subject.
        (
            "Anna Lee posted a series of tweets early Friday saying that the ferry would return.",
            "the ferry would return",
            "Anna Lee",
        ),
        // A listener described at length before "that"; a verb that names its object
        // keeps the quoted name it gives past an adverbial.
        (
            "Anna Lee told one of her young protégés on a regular basis that the pier was safe.",
            "the pier was safe",
            "Anna Lee",
        ),
        (
            "Anna Lee called the council's remarks on Saturday “a true wake-up call” to the islanders.",
            "the council's remarks on Saturday “a true wake-up call” to the islanders",
            "Anna Lee",
        ),
        // A noun of saying after its speaker's possessive, then "that".
        (
            "The board seized on Anna Lee’s claim that the pier had been safe for years.",
            "the pier had been safe for years",
            "Anna Lee",
        ),
        // What is said about something names the topic after "about"; "described as".
        (
            "Younger voters have expressed misgivings about the ferry plan because of its cost.",
            "the ferry plan",
            "Younger voters",
        ),
        (
            "Anna Lee isn't saying much about the harbour dredging this year.",
            "the harbour dredging this year",
            "Anna Lee",
        ),
        (
            "Anna Lee described the plan as a betrayal of the islanders.",
            "the plan as a betrayal of the islanders",
            "Anna Lee",
        ),
        // One name is content enough for a verb of saying.
        (
            "The ferry workers' union endorses Lee.",
            "Lee",
            "The ferry workers' union",
        ),
        // A capitalised document in a title-case headline is evidence's source.
        (
            "New Poll Shows Small Lead For Anna Lee.\n\nThe council met on Monday.",
            "Small Lead For Anna Lee",
            "New Poll",
        ),
        // A headline drops the article before a role that opens it.
        (
            "Judge rejects harbour board request to close the pier.\n\nA judge ruled on Monday that the pier may stay open.",
            "harbour board request to close the pier",
            "Judge",
        ),
        // A titled name's possessive before a role is the role's determiner.
        (
            "Mr. Clarke's new company agreed to clean up the shuttered mines.",
            "to clean up the shuttered mines",
            "Mr. Clarke's new company",
        ),
        // "make (it) clear" reports the clause after it.
        (
            "In an interview, Anna Lee made it clear she had major misgivings about the plan.",
            "she had major misgivings about the plan",
            "Anna Lee",
        ),
        // A long relative clause between the subject and its verb.
        (
            "Dr. Mary Lee, who served as the island's physician under three mayors and later retired from the service as a rear admiral, said that in 1998 the clinic had closed.",
            "in 1998 the clinic had closed",
            "Mary Lee",
        ),
        // A participle of saying opening the sentence reports up to its comma.
        (
            "Claiming the criticism is designed to pressure the council, Anna Lee told reporters the ferry would stay.",
            "the criticism is designed to pressure the council",
            "Anna Lee",
        ),
        // A share of the people asked, right before a verb of saying, speaks.
        (
            "About one in five say they would not vote if the ferry closes.",
            "they would not vote if the ferry closes",
            "About one in five",
        ),
        (
            "Others say this is just a rough patch for the harbour.",
            "this is just a rough patch for the harbour",
            "Others",
        ),
        // A fronted "As reported by X," or "As X reported," names the clause's source.
        (
            "As reported by the Harbour Gazette, the pier was closed for repairs last winter.",
            "the pier was closed for repairs last winter",
            "Harbour Gazette",
        ),
        (
            "As The Hill reported on Monday, Anna Lee was also accused of breaking the rules.",
            "Anna Lee was also accused of breaking the rules",
            "Hill",
        ),
        // More of a listener before "that": a role and a name, a time, a possessed name.
        (
            "Anna Lee told conservative radio host Tom Reyes on Wednesday that her tweet was a joke.",
            "her tweet was a joke",
            "Anna Lee",
        ),
        (
            "Anna Lee told The Post and Courier newspaper of Charleston on Saturday that she cast her ballot early.",
            "she cast her ballot early",
            "Anna Lee",
        ),
        (
            "Anna Lee told BuzzFeed’s Smith she would still consider running.",
            "she would still consider running",
            "Anna Lee",
        ),
        // A relative clause set off by two commas before the content's verb.
        (
            "The minister said the new dam, which began filling in March, had cut the river's flow by half.",
            "the new dam, which began filling in March, had cut the river's flow by half",
            "The minister",
        ),
        // After a modal, a verb of saying joined by "and" is the reported clause's own.
        (
            "An Orrin spokesperson said the company had invited outside researchers to test Atlas and would publish their findings in the coming weeks.",
            "the company had invited outside researchers to test Atlas and would publish their findings in the coming weeks",
            "An Orrin spokesperson",
        ),
        // "yet" coordinates a second verb; a manner adverb before "of".
        (
            "Anna Lee demands transparency, yet refuses to release her tax records.",
            "to release her tax records",
            "Anna Lee",
        ),
        (
            "Anna Lee spoke emotionally of her many crossings on the old ferry.",
            "her many crossings on the old ferry",
            "Anna Lee",
        ),
        // A bare role noun opens the appositive after an inverted speaker, however long.
        (
            "The ferry will run again by March, said Anna Lee, executive director of the Big River Valley Ferry Trust.",
            "The ferry will run again by March",
            "Anna Lee",
        ),
        // French: "que" like "that", "selon" like "according to".
        (
            "Anna Lee a déclaré que le pont serait rouvert en mars et que les travaux sont finis.",
            "le pont serait rouvert en mars et que les travaux sont finis",
            "Anna Lee",
        ),
        (
            "Selon Anna Lee, le pont sera rouvert en mars pour les piétons.",
            "le pont sera rouvert en mars pour les piétons",
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

    /// Reading twice in one pass gives both readings exactly: without used cues and with
    /// the cues of the direct quotes excluded (quotes next to reported speech, a list
    /// under "X said:", a cue used in one sentence and free in the next).
    #[test]
    fn both_readings_at_once() {
        use crate::model::QuoteKind;
        let (mut readings_differ, mut spared) = (0, 0);
        for text in [
            "Anna Lee said the bridge was safe. “It will hold,” she said, adding that repairs would start soon.\nTom Reyes said the plan was late, because, “In the end, we pay.”",
            "The mayor said:\nThe bridge will reopen in March.\nTolls will not rise.\n“We are ready,” she said. Critics said the budget was too small.",
            "“No,” said Lee, who argued that the vote was rigged. Lee said the count was wrong, according to the council.",
        ] {
            let ps = crate::text::paragraphs(text);
            let marked = crate::marks::find_marked(text, &ps);
            let doc = crate::text::Doc::new(text, ps, &marked);
            let mut ents = crate::entities::Entities::new(&doc);
            let used: Vec<crate::span::Span> = crate::attribute::attribute(&doc, &mut ents)
                .iter()
                .filter(|a| a.kind == QuoteKind::Direct)
                .filter_map(|a| a.cue)
                .collect();
            assert!(!used.is_empty(), "{text}");
            let (all, for_quotes) = super::find_reported_twice(&doc, &ents, &used);
            let spans = |r: &[super::Reported]| -> Vec<(usize, usize, usize)> {
                r.iter().map(|r| (r.content.start, r.content.end, r.mention)).collect()
            };
            assert_eq!(spans(&all), spans(&super::find_reported(&doc, &ents, &[])), "{text}");
            assert_eq!(
                spans(&for_quotes),
                spans(&super::find_reported(&doc, &ents, &used)),
                "{text}"
            );
            readings_differ += usize::from(spans(&all) != spans(&for_quotes));
            // Every sentence read differently with the used cues is noted as changed by
            // the first reading; a sentence holding a used cue may read the same.
            let openers = super::pattern_openers(&doc);
            let (_, changed) = super::read_sentences(&doc, &ents, &[], &|_| true, &used, &openers);
            let with = super::sentence_reports(&doc, &ents, &used, &|_| true);
            let without = super::sentence_reports(&doc, &ents, &[], &|_| true);
            for (si, &changed) in changed.iter().enumerate() {
                let of = |r: &[(usize, super::Reported)]| -> Vec<(usize, usize, usize)> {
                    r.iter()
                        .filter(|(s, _)| *s == si)
                        .map(|(_, r)| (r.content.start, r.content.end, r.mention))
                        .collect()
                };
                if of(&with) != of(&without) {
                    assert!(changed, "{text} sentence {si}");
                }
                let holds_used_cue = used
                    .iter()
                    .any(|c| doc.token_at(c.start).is_some_and(|t| doc.tokens[t].sentence() == si));
                spared += usize::from(holds_used_cue && !changed);
            }
        }
        // (The table holds texts where excluding the used cues changes the reading, and
        // sentences with a used cue that read the same.)
        assert!(readings_differ > 0);
        assert!(spared > 0);
    }

    /// A participle in a fronted phrase reports up to its comma; the main verb after it
    /// reports its own content.
    #[test]
    fn participle_in_a_fronted_phrase() {
        let text = "In a statement announcing the merger, the union called the deal a betrayal of its members.";
        let a = analyze(text).unwrap();
        let reported: Vec<(&str, Option<&str>)> = a
            .quotes
            .iter()
            .filter(|q| q.kind.as_str() == "indirect")
            .map(|q| {
                (
                    q.span.text(text),
                    q.speaker.map(|s| a.speakers[s].name.as_str()),
                )
            })
            .collect();
        assert_eq!(
            reported,
            [
                ("the merger", Some("a statement")),
                ("the deal a betrayal of its members", Some("the union"))
            ]
        );
    }

    /// A coordinated verb shares the speaker of the verb before it, not the place a
    /// fronted adverbial names.
    #[test]
    fn coordinated_verb_keeps_its_speaker() {
        let text = "In Dravec, press secretary Ravi Menon condemned the attack and said the city was willing to help.";
        let a = analyze(text).unwrap();
        let q = a
            .quotes
            .iter()
            .find(|q| q.span.text(text) == "the city was willing to help")
            .unwrap_or_else(|| panic!("{a:?}"));
        assert_eq!(
            q.speaker.map(|s| a.speakers[s].name.as_str()),
            Some("Ravi Menon")
        );
    }

    /// Items of a list under "X said:", bulleted or short lines without a stop.
    #[test]
    fn list_under_a_colon_intro() {
        let rows: &[(&str, &[&str])] = &[
            (
                "Anna Lee said the council would:\n• repair the harbour wall by May;\n• open two new ferry routes.\nThe work starts on Monday.",
                &["repair the harbour wall by May", "open two new ferry routes"],
            ),
            (
                "In a long interview, Mayor Anna Lee also said:\nThe harbour must stay open all winter\nShe is confident the budget will pass\nThe ferry company has run the route since 1998, longer than any other.",
                &["The harbour must stay open all winter", "She is confident the budget will pass"],
            ),
            // A link after the list is no item.
            (
                "Anna Lee said:\nThe harbour must stay open all winter\nRead the full transcript of her interview\nThe work starts on Monday.",
                &["The harbour must stay open all winter"],
            ),
            // A paragraph of prose under the colon is said as a block.
            (
                "Governor Anna Lee added:\nIt is typical of them. They know nothing, but the talk never stops.\nThe crowd cheered.",
                &["It is typical of them. They know nothing, but the talk never stops"],
            ),
        ];
        for &(text, items) in rows {
            let a = analyze(text).unwrap();
            let got: Vec<&str> = a
                .quotes
                .iter()
                .filter(|q| q.kind.as_str() == "indirect")
                .map(|q| q.span.text(text))
                .collect();
            assert_eq!(got, items, "{text}");
            for q in a.quotes.iter().filter(|q| q.kind.as_str() == "indirect") {
                assert_eq!(
                    q.speaker.map(|s| a.speakers[s].name.as_str()),
                    Some("Anna Lee"),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn no_reported_speech_without_content() {
        for text in [
            "She declined to say.",
            "His claims were false.",
            // A headline's label or play on words before its colon is no speaker.
            "Big Win For Anna: Union Holds Off On Its Endorsement\n\nAnna Lee won the backing of the union.",
            "EXCLUSIVE: The Ferry Will Run Again by March\n\nThe ferry will run again.",
            // A verb inside a question put to the speaker asserts nothing.
            "Asked whether he expected to be sanctioned for his comments, Anna Lee shrugged.",
            // "according to plan" names no source.
            "The ferry crossing on Monday went according to plan.",
            "“We will win,” she said.",
            "In a wide-ranging interview, President Anna Lee also said:",
            // "States" in a name is no verb.
            "Officials of the United States Coast Guard visited the pier on Monday.",
            "Anna Lee said no.",
            // A participle's object is no inverted speaker.
            "“I think she will do fine,” Anna Lee said, showing off the hat her campaign had given her.",
            // An adverbial before a colon intro: the quotation is the content.
            "Anna Lee told her audience, to loud applause: “We will rebuild the bridge.”",
            // An adverbial clause is no content.
            "The mayor complained when the bridge closed.",
            // A count's noun is no verb; a numbered name's verb is.
            "Anna Lee beat the mayor by 18 points (58 percent to 40 percent) in the city.",
            "In five states going to the polls, the mayor won easily.",
            // An intention takes an infinitive; a used cue's adverbial is no content; a
            // relative "that"; a title-case headline's capitals name no one.
            "Her approval rating has declined slightly from 58 percent to 55 percent.",
            "“Not paying taxes makes me smart,” Anna Lee said last week at the fair.",
            "Anna Lee told reporters after the meeting that was held on a boat.",
            "Stealth Over Health: Anna Lee Was Headed to Hospital But Went Home.",
            "Q&A: the scientist who wants to map every tree in Britain",
            // An adverbial is no content; the subject of "…, X said" stands next to its
            // cue; an idiom reports nothing.
            "Through a spokesman, Anna Lee declined to comment.",
            // Not answering a request for comment reports no words.
            "The mayor did not respond to a request for comment.",
            "The mayor did not respond to requests to comment on the subject.",
            // Asking for anonymity reports nothing.
            "The officials, who spoke on condition of anonymity because they were not authorized to talk, left early.",
            // What is added after an article or a count is a thing.
            "Anna Lee scored twice and Declan Rice added a late third as the hosts dominated.",
            "The club added two more games to the tour.",
            // A question put to the speaker is no content of hers, however long; nor of
            // a refusal.
            "Asked whether the administration would accept changes to the asylum provisions in the bill, Anna Lee said.",
            "Asked whether the administration would accept changes to the provisions, Anna Lee declined to comment.",
            "Before stepping on the debate stage in Ohio, Anna Lee was a novice who had never debated.",
            "Indeed, it would have been far better if Anna Lee had left early, when voters could have considered it.",
            "It goes without saying that raising taxes on the rich is anathema to Republicans.",
            "Anna Lee called into a radio program when she was home sick.",
            // A cue followed by its quotation reports nothing before it.
            "When pressed on why the plan leaves out dads, the 34-year-old mother of three replied, “It's meant to benefit the mother.”",
            // An adverbial opening before an interrupting cue and its quotation; a label.
            "Lamenting their luck, voters often say, “Poor us, so far from help.”",
            "Told of that remark, the senator laughed.",
            "Eight years ago, Anna Lee said, “The harbour has never done anything for us.”",
            "Minutes later, she sent an email saying, “done.”",
            "CLARIFICATION: The first sentence has been clarified to reflect the plan.",
            // A cue ending a fronted clause reports nothing of the main clause.
            "After the union objected, the case was moved to St. Louis.",
            // After an active verb, "for" + gerund belongs to the object.
            "Critics pilloried the Lee administration for proposing a large stimulus.",
            // The writer's hedge; a conjunction after a used cue opens the writer's clause.
            "Having said that, the harbour will stay open for now.",
            "That said, the harbour will stay open for now.",
            "“You winning?” she said, but Tom was drifting off again.",
            // A participle opening the sentence on a topic ("Talking about …") is no claim.
            "Talking about how she was feeling after the vote, Anna Lee smiled.",
            // A verb that never precedes its speaker: the subject and its relative clause
            // are no content, the object no speaker.
            "The minister, who spoke in Leeds on Monday, praised the nurses.",
            "Mr Hale, whose firm built the bridge, criticised the council.",
            // "No one" is nobody in particular.
            "No one said the harbour would close.",
            "The long one begins in Europe and ends in Asia.",
            // "made clear" before a noun phrase is no verb of saying.
            "Anna Lee made clear progress on the ferry bill this week.",
            // A relative "that" after a noun of saying.
            "Anna Lee’s claim that was debunked last week is back.",
            // Verbs that report only a clause, with a noun phrase after them; "spoke" with
            // no "of"/"about".
            "The Bush Center in Dallas maintains a program for young political leaders.",
            "Anna Lee debated Tom Reyes four times in 2008 before the final vote.",
            "The Associated Press interviewed more than 20 former crew members and editors.",
            "Anna Lee never spoke longer than 30 minutes at any of the rallies.",
            // A noun of time, an adverb or the noun of a clause's own verb names no source.
            "Earlier this month said nothing about what the stadium would cost.",
            "His harbour comment was an expression of frustration with the plan.",
            // A cue followed by a comma and a quotation introduces it.
            "She then walks to the car and repeatedly says, “Don't you do it,” until the shots are heard.",
            // "rule" reports only a "that" clause; "rules" is the noun.
            "The party ruled out a coalition with the Greens.",
            "Party rules permit members to appoint proxies for the vote.",
            "A nurse who asked not to be named was on the ward.",
            // "pushes the grid to the brink" reports nothing; nor does speaking "on
            // condition of anonymity".
            "The official spoke on condition of anonymity because the rules are not public.",
            "Heatwave pushes power grid to the brink",
            "The union has pushed for new safety rules at the plant.",
            // An aim ("wants to") and an application for money ("claim from") are no speech.
            "The union wants to cap split shifts at two per week.",
            "Growers can claim from that fund once a year.",
            // After a preposition a cue word is a noun.
            "Electors in states won by the party would cast ballots for the nominee.",
            // Nothing before a relative clause is reported by it.
            "It was unclear why it failed with Anna Lee, who rebuffed a takeover offer in 2013.",
            "“Show us the data,” said Tom Reyes, a former inspector who now advises insurers.",
        ] {
            let a = analyze(text).unwrap();
            assert!(
                a.quotes.iter().all(|q| q.kind.as_str() != "indirect"),
                "{text}: {a:?}"
            );
        }
    }
}
