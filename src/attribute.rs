//! Attribution: who said each quotation, and what kind of quotation it is.
//!
//! Input: a [`Doc`] and its [`Entities`]. Output: one [`Attributed`] per outermost quoted
//! span, with kind (direct / partial / scare), speaker entity, the mention and cue it rests
//! on, and a confidence.
//!
//! A sieve, most precise evidence first: (1) a cue and speaker adjacent to the quote with
//! the quote masked out ("…,” said X / X said: “…” / according to X); (2) the subject of a
//! speech verb in the quote's sentence; (3) the other pieces of the same utterance (split
//! and multi-paragraph quotes); (4) an uncued quote paragraph continues the speaker of the
//! previous one; (5) the nearest salient person, with low confidence.

use crate::entities::{Entities, MentionKind};
use crate::lexicon::{self, CueClass};
use crate::model::QuoteKind;
use crate::span::Span;
use crate::text::{ascii_lowercase_in, Doc, TokenKind};

#[derive(Clone, Debug, PartialEq)]
pub struct Attributed {
    pub quote: usize,
    pub kind: QuoteKind,
    pub speaker: Option<usize>,
    pub mention: Option<usize>,
    pub cue: Option<Span>,
    pub confidence: f32,
    pub group: usize,
    /// The writer's "I" when the quotation is the writer's own words ("“Are you
    /// scared?” I asked"): no speaker, and no later pass gives it one.
    pub writer: Option<Span>,
}

/// Words that may stand between a speaker and the speech verb: "he has repeatedly said".
pub(crate) fn is_verb_filler(w: &str) -> bool {
    let mut buf = [0; 32];
    let l = ascii_lowercase_in(w, &mut buf);
    crate::lexicon::in_class(&l, crate::lexicon::VERB_FILLER) || (l.ends_with("ly") && l.len() > 4)
        // "hasn't said", "didn’t say"
        || l.ends_with("n't")
        || l.ends_with("n’t")
}

/// Lowercased words that may stand between a speaker and the speech verb (`is_verb_filler`):
/// "he has repeatedly said", "she said on Monday", "Ford itself said" (an intensifying
/// pronoun).
pub(crate) const VERB_FILLERS: &str = "
    has have had was is were are also later then again once did does do not never would
    will could may might been be n't just even still further first often long always
    already ever now previously since only more less recently earlier today yesterday
    tonight last week night month year on monday tuesday wednesday thursday friday
    saturday sunday morning afternoon evening this can should must went on, privately
    publicly reportedly simply itself himself herself themselves
";

/// Words before "to" whose infinitive shares their subject: "likely to say", "appeared
/// to suggest". (Not cue verbs of their own: "declined to say" reports with "declined".)
pub(crate) fn takes_subjects_infinitive(w: &str) -> bool {
    matches!(
        w,
        "likely"
            | "unlikely"
            | "going"
            | "able"
            | "willing"
            | "ready"
            | "quick"
            | "eager"
            | "careful"
            | "sure"
            | "supposed"
            | "appear"
            | "appears"
            | "appeared"
            | "seem"
            | "seems"
            | "seemed"
            | "try"
            | "tries"
            | "tried"
            | "continue"
            | "continues"
            | "continued"
            | "began"
            | "begin"
            | "begins"
            | "decided"
            | "wanted"
            | "wants"
    )
}

/// A cue verb at token `k` (outside quotes) that can introduce a quotation.
fn quotative_cue(doc: &Doc, k: usize) -> Option<lexicon::CueVerb> {
    let t = doc.tokens.get(k)?;
    if t.quote().is_some() || t.kind != TokenKind::Word {
        return None;
    }
    // Only a cue word or a retort's verb (below) can be one: most words asked about are
    // neither, and are ruled out before the costlier tests.
    let retort_verb = || {
        matches!(
            doc.tok(k).as_bytes(),
            b"shot" | b"shoots" | b"fired" | b"fires" | b"hit" | b"hits"
        )
    };
    if doc.cue(k).is_none() && !retort_verb() {
        return None;
    }
    if is_noun_use(doc, k) {
        return None;
    }
    if doc.capitalised_mid_sentence(k) {
        return None;
    }
    // "will continue “to break barriers”": a verb whose infinitive shares its subject says
    // nothing of its own.
    // "known as “the tarot”": naming, not saying; "programs aimed at reducing poverty": a
    // target, not an intention.
    if doc
        .cue(k)
        .is_some_and(|c| matches!((c.lemma, doc.tok(k + 1)), ("know", "as") | ("aim", "at")))
        && doc.tokens.get(k + 1).is_some_and(|n| n.quote().is_none())
    {
        return None;
    }
    // (The infinitive may open the quotation.)
    let next_word =
        (k + 1..doc.tokens.len().min(k + 3)).find(|&j| doc.tokens[j].kind == TokenKind::Word);
    if takes_subjects_infinitive(doc.tok(k)) && next_word.is_some_and(|j| doc.tok(j) == "to") {
        return None;
    }
    // "“Jeb wants to be a tough guy tonight,” Trump shot back": a retort, with its "back".
    let retort = retort_verb()
        && doc.tokens.get(k + 1).is_some_and(|n| n.quote().is_none())
        && doc.tok(k + 1) == "back";
    if retort {
        return lexicon::cue_verb("responded");
    }
    doc.cue(k).filter(|c| c.class != CueClass::Evidence)
}

/// "He’s", "it's", "that’s": a pronoun with "is"/"has", not a possessive.
fn is_contraction(word: &str) -> bool {
    let base = word
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_ascii_lowercase();
    crate::lexicon::in_class(base.as_str(), crate::lexicon::CONTRACTION_BASE)
}

/// Words that take a contracted verb (`is_contraction`): "he's", "that's".
pub(crate) const CONTRACTION_BASES: &str = "
    he she it that there what who here where this let
";

/// The source of "according to" at token `k`: the first mention within a few words,
/// before any punctuation ("according to conservative talk radio host Rush Limbaugh").
pub(crate) fn according_to_source(doc: &Doc, ents: &Entities, k: usize) -> Option<usize> {
    let cue_len = doc.according_to(k).max(1);
    let first = (k + cue_len..(k + 6 + cue_len).min(doc.tokens.len()))
        .take_while(|&j| doc.tokens[j].kind == TokenKind::Word && doc.tokens[j].quote().is_none())
        .find_map(|j| {
            ents.mention_at(j)
                .filter(|&m| ents.mentions[m].tokens.start == j)
        })?;
    // "according to a report published on Wednesday by the National Audit Office": the
    // body named after a document's "by" or "from" is the source.
    let mention = &ents.mentions[first];
    // (Also any head that is no role noun: "according to calculations by Amy Glasmeier",
    // "recent data from comScore".)
    let document = mention.kind == MentionKind::Descriptor
        && (lexicon::is_document_noun(doc.tok(mention.tokens.end - 1))
            || doc.role(mention.tokens.end - 1).is_none());
    let author = document
        .then(|| {
            (mention.tokens.end..(mention.tokens.end + 8).min(doc.tokens.len()))
                .take_while(|&j| {
                    doc.tokens[j].kind == TokenKind::Word && doc.tokens[j].quote().is_none()
                })
                .find(|&j| matches!(doc.tok(j), "by" | "from"))
        })
        .flatten()
        .and_then(|by| {
            (by + 1..(by + 3).min(doc.tokens.len())).find_map(|j| {
                ents.mention_at(j).filter(|&m| {
                    ents.mentions[m].tokens.start == j && ents.mentions[m].kind == MentionKind::Name
                })
            })
        });
    Some(author.unwrap_or(first))
}

/// Whether the cue at `k`, right after a closing quote, may precede its speaker: any
/// finite quotative verb (“…,” scoffed Arianna Gil) but a participle (“…,” telling
/// reporters) or one whose object is its listener (“…,” told the crowd).
/// The verbs outside [`inverts`] only when the quote opens its sentence: inside one
/// (“Washington, star of “Scandal,” thanked Obama”) the verb has its own subject.
fn inverts_after_quote(doc: &Doc, close: usize, k: usize, cue: lexicon::CueVerb) -> bool {
    let opens_sentence = || {
        doc.closing_quote_of(close)
            .and_then(|q| doc.open_token(q))
            .is_some_and(|open| {
                open == 0 || doc.tokens[open - 1].sentence() != doc.tokens[open].sentence()
            })
    };
    inverts(cue.lemma)
        || (cue.quotative
            && !doc.tok(k).ends_with("ing")
            && !lexicon::takes_listener(cue.lemma)
            && opens_sentence())
}

/// Cues that may precede their speaker: “…,” said Putin / asked the reporter.
pub(crate) fn inverts(lemma: &str) -> bool {
    crate::lexicon::in_class(lemma, crate::lexicon::INVERTING_CUE)
}

/// Cues that may precede their speaker (`inverts`): “…,” said Putin / asked the reporter.
pub(crate) const INVERTING_CUES: &str = "
    say add write ask reply continue explain answer respond note insist declare recall
    observe argue warn tweet admit concede joke quip laugh shout exclaim retort conclude
    muse wonder agree counter complain predict suggest point recount report state claim
    stress remark acknowledge caution emphasize emphasise reiterate confirm announce
    scoff snap whisper sigh chuckle cry
";

/// Whether the word at `k` is used as a noun: after a determiner or a possessive
/// ("the statement", "his claims", "Trump’s promise").
pub(crate) fn is_noun_use(doc: &Doc, k: usize) -> bool {
    if k == 0 || doc.tokens[k - 1].paragraph() != doc.tokens[k].paragraph() {
        return false;
    }
    let before = doc.tok(k - 1);
    if doc.french {
        // "la réponse", "sa déclaration"; "a déclaré" is a verb.
        return crate::lexicon::in_class(
            crate::case::to_lowercase(before).as_str(),
            crate::lexicon::FRENCH_DETERMINER,
        );
    }
    let word = doc.tok(k);
    // "…', report warns", "a new study finds": a cue word right before a verb of saying
    // is that verb's subject.
    let subject_of_next_verb = doc.tokens.get(k + 1).is_some_and(|n| {
        n.paragraph() == doc.tokens[k].paragraph() && n.kind == TokenKind::Word && n.quote().is_none()
    }) && doc.cue(k + 1).is_some_and(|c| c.quotative)
        // (A present-tense verb after a singular noun: "said praise from …" is a verb
        // and its object.)
        && doc.tok(k + 1).ends_with('s')
        && !doc.tok(k).ends_with('s')
        && !doc.tok(k).ends_with("ed")
        && !crate::lexicon::in_class(doc.tok(k), crate::lexicon::PAST_OF_SAYING);
    let mut buf = [0; 32];
    let lower = ascii_lowercase_in(before, &mut buf);
    // "electors in states won by Democrats": after a preposition a cue word is a noun
    // ("by saying", "after warning" are gerunds).
    let after_preposition = matches!(
        lower.as_bytes(),
        b"in" | b"of" | b"for" | b"from" | b"across" | b"among"
    ) && !word.ends_with("ing");
    // "by 18 points", "in five states": a count's noun ("Article 33 affirms": a numbered
    // name's verb).
    let numbered_name = k >= 2 && doc.tok(k - 2).starts_with(char::is_uppercase);
    let counted = doc.tokens[k - 1].kind == TokenKind::Number
        && !numbered_name
        && doc
            .tok(k - 1)
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',')
        || matches!(
            &*lower,
            "two" | "three" | "four" | "five" | "several" | "many" | "few"
        );
    subject_of_next_verb
        || after_preposition
        || counted && word.ends_with('s') && !word.ends_with("ss")
        || lexicon::is_article_or_possessive(&lower)
        || (before.ends_with("’s") || before.ends_with("'s")) && !is_contraction(before)
}

/// Past forms of saying and knowing, verbs after a noun (`is_noun_use`).
pub(crate) const PASTS_OF_SAYING: &str = "
    said told wrote thought felt knew
";

/// French determiners and possessives (`is_noun_use`): "la réponse".
pub(crate) const FRENCH_DETERMINERS: &str = "
    le la les un une sa son ses leur leurs cette ce
";

/// Whether a subject mention and a cue verb agree. A bare verb form ("promise", "say")
/// after a singular noun is no verb but part of a compound ("Trump’s campaign promise"),
/// unless an auxiliary stands before it ("will say", "did not promise").
pub(crate) fn agrees(doc: &Doc, ents: &Entities, mention: usize, k: usize) -> bool {
    let word = doc.tok(k);
    let bare = doc
        .cue(k)
        .is_some_and(|c| c.lemma.eq_ignore_ascii_case(word));
    if !bare {
        return true;
    }
    let m = &ents.mentions[mention];
    let auxiliary = (m.tokens.end..k).any(|j| {
        crate::lexicon::in_class(
            &crate::text::ascii_lowercase_in(doc.tok(j), &mut [0; 32]),
            crate::lexicon::AGREEING_AUXILIARY,
        )
    });
    // "Both Mr. King and Mr. Schultz say": a coordinated subject is plural.
    let coordinated = m.tokens.start >= 2
        && doc.tok(m.tokens.start - 1) == "and"
        && ents.mention_at(m.tokens.start - 2).is_some();
    // "Police say": nouns that are plural without an "s".
    let collective = matches!(
        &*crate::text::ascii_lowercase_in(doc.tok(m.tokens.end - 1), &mut [0; 32]),
        "police" | "people" | "personnel" | "clergy" | "staff" | "media" | "folks"
    );
    // "Republicans say", "Senior Democrats say": a group's name in the plural, its last
    // word.
    let group_plural = {
        let w = doc.tok(m.tokens.end - 1);
        w.strip_suffix('s').is_some_and(|stem| {
            stem.ends_with("an") || stem.ends_with("at") || stem.ends_with("ist")
        }) && w.starts_with(char::is_uppercase)
    };
    auxiliary
        || coordinated
        || collective
        || group_plural
        || m.plural
        || m.kind == MentionKind::Pronoun
}

/// Lowercased auxiliaries (and "to", "not") after which any subject agrees (`agrees`).
pub(crate) const AGREEING_AUXILIARIES: &str = "
    will would did do does can could may might must should to not n't
";

/// The span of a cue's verb group: "has repeatedly said" -> whole group.
/// A lowercase word that may stand before a title: "state Del. Marcia Price", "former
/// Sen. Bob Dole".
fn is_title_modifier(word: &str) -> bool {
    crate::lexicon::in_class(word, crate::lexicon::TITLE_MODIFIER)
}

/// Words that modify a title before a name (`is_title_modifier`): "former", "acting".
pub(crate) const TITLE_MODIFIERS: &str = "
    state former then retired acting interim deputy senior longtime veteran freshman
    federal city county
";

fn cue_span(doc: &Doc, verb: usize) -> Span {
    doc.tokens[verb].span()
}

/// The speaker mention immediately left of token `k` (exclusive), skipping verb fillers
/// and one comma-enclosed appositive: "Putin, speaking on Thursday, said".
/// "To quote X", "Quoting X", "In the words of X" at token `k`, before the quotation
/// opening at `open`: the mention of X (the one that ends at the comma or colon closing the
/// phrase) and the last token of the cue ("quote", "Quoting", "of").
fn words_of_source(
    doc: &Doc,
    ents: &Entities,
    k: usize,
    end: usize,
    open: usize,
) -> Option<(usize, usize)> {
    let w = doc.tok(k);
    let cue_end = if w.eq_ignore_ascii_case("quoting")
        || w == "quote" && k > 0 && doc.tok(k - 1).eq_ignore_ascii_case("to")
    {
        k
    } else if w.eq_ignore_ascii_case("in")
        && k + 3 < end
        && doc.tok(k + 1) == "the"
        && doc.tok(k + 2) == "words"
        && doc.tok(k + 3) == "of"
    {
        k + 3
    } else {
        return None;
    };
    let close = (cue_end + 1..open.min(cue_end + 10)).find(|&j| matches!(doc.tok(j), "," | ":"))?;
    let m = ents.mention_at(close - 1)?;
    let mention = &ents.mentions[m];
    (mention.tokens.start > cue_end && mention.tokens.end == close && !mention.possessive)
        .then_some((m, cue_end))
}

/// The named person a place or body after "of"/"from"/"at" belongs to: "Professor Alan
/// Whitcombe of the University of Leeds, who …": the person, not the university, is what
/// "who" stands for.
fn named_person_of(doc: &Doc, ents: &Entities, m: usize, floor: usize) -> Option<usize> {
    let start = ents.mentions[m].tokens.start;
    (start > floor + 1 && matches!(doc.tok(start - 1), "of" | "from" | "at"))
        .then(|| ents.mention_at(start - 2))
        .flatten()
        .filter(|&h| {
            let head = &ents.mentions[h];
            head.tokens.end == start - 1
                && head.kind == MentionKind::Name
                && !head.org
                && !head.possessive
        })
}

/// Whose turn an uncued quote paragraph `q` is in an exchange of questions and answers,
/// given `prev`, the attributed quote before it: "“How can you say that?” asked one
/// reporter. / “Because …,” Cole replied. / “So when will it fall?” / “I'm not going to
/// put a date on it.”": a question after an answer is the last questioner's, an answer
/// after a question the last answerer's. Otherwise, and when the quote before the
/// previous speaker's run is no turn of the other kind right before it, `prev`.
fn exchange_turn(doc: &Doc, out: &[Attributed], q: usize, prev: usize) -> usize {
    let is_question = |o: usize| {
        doc.quotes[o]
            .content
            .text(doc.text)
            .trim_end()
            .ends_with('?')
    };
    if is_question(q) == is_question(prev) {
        return prev;
    }
    let speaker = out[prev].speaker;
    let mut run_start = prev;
    while run_start > 0
        && (out[run_start - 1].speaker == speaker || out[run_start - 1].kind == QuoteKind::Scare)
    {
        run_start -= 1;
    }
    (0..run_start)
        .rev()
        .find(|&o| out[o].speaker.is_some() && out[o].kind != QuoteKind::Scare)
        .filter(|&o| {
            out[o].kind == QuoteKind::Direct
                && doc.quotes[o].paragraph + 1 >= doc.quotes[run_start].paragraph
                && is_question(o) == is_question(q)
        })
        .unwrap_or(prev)
}

/// The sentence's subject when mention `m` stands inside a relative clause on it: "Kerry,
/// who is set to marry Rovers defender Jordan Mace, 29, next month, added:" (Jordan Mace is
/// the clause's object; Kerry speaks).
fn relative_antecedent(
    doc: &Doc,
    ents: &Entities,
    m: usize,
    k: usize,
    floor: usize,
) -> Option<usize> {
    let (start, end) = (ents.mentions[m].tokens.start, ents.mentions[m].tokens.end);
    // (A mention next to the verb is its subject: "…, the editorial board writes.")
    if (end..k).all(|j| doc.tok(j) != ",") {
        return None;
    }
    (floor + 2..start)
        .rev()
        .find(|&w| {
            matches!(doc.tok(w), "who" | "which") && matches!(doc.tok(w - 1), "," | "—" | "–")
        })
        .filter(|&w| w + 1 < start)
        .and_then(|w| ents.mention_at(w - 2))
        .filter(|&a| {
            let a = &ents.mentions[a];
            a.tokens.start == floor && !a.possessive && a.kind != MentionKind::Pronoun
        })
        .map(|a| named_person_of(doc, ents, a, floor).unwrap_or(a))
}

pub(crate) fn subject_left_of(doc: &Doc, ents: &Entities, k: usize, floor: usize) -> Option<usize> {
    // "Current and former officials who spoke with The Huffington Post said": a relative
    // clause without commas between the subject and its verb ("the man who Trump said …"
    // has its own subject after "who").
    let relative = (k.saturating_sub(12).max(floor + 1)..k)
        .rev()
        .take_while(|&j| doc.tokens[j].kind == TokenKind::Word && doc.tokens[j].quote().is_none())
        .find(|&j| matches!(doc.tok(j).as_bytes(), b"who" | b"whose" | b"that"))
        // ("whose laws have been invalidated": the noun after "whose" is no subject.)
        .filter(|&who| {
            who + 1 < k && (doc.tok(who) == "whose" || ents.mention_at(who + 1).is_none())
        })
        .and_then(|who| ents.mention_at(who - 1))
        // The antecedent opens the clause ("Trump was a novice politician who had never
        // debated": a complement; ", a corporate attorney who led …": an appositive).
        .filter(|&m| {
            let mention = &ents.mentions[m];
            let start = mention.tokens.start;
            !mention.possessive
                && mention.kind != MentionKind::Pronoun
                && (start == floor && (start == 0 || doc.tok(start - 1) != ",")
                    || start > floor && matches!(doc.tok(start - 1), "and" | "but" | "that"))
        });
    if relative.is_some() {
        return relative;
    }
    let mut j = k;
    let mut fillers = 0;
    while j > floor {
        let w = doc.tok(j - 1);
        if doc.tokens[j - 1].quote().is_some() || doc.tokens[j - 1].kind == TokenKind::QuoteMark {
            return None;
        }
        if w == ")" {
            if let Some(open) = open_paren_before(doc, j - 1, floor, 11) {
                j = open;
                continue;
            }
        }
        if let Some(m) = ents.mention_at(j - 1) {
            let mention = &ents.mentions[m];
            // "Experts on North Korea said": the object of a preposition is no subject
            // ("of" and "from" excepted: "52 percent of voters", "Senator from Texas").
            // ("With Putin emphasizing …": the object of "with" is a participle's subject.)
            // ("between Northline Rail and the drivers' union": the first of coordinated
            // objects stands after the preposition.)
            let coordinated_start = (mention.tokens.start > floor + 1
                && matches!(doc.tok(mention.tokens.start - 1), "and" | "or"))
            .then(|| ents.mention_at(mention.tokens.start - 2))
            .flatten()
            .map(|c| ents.mentions[c].tokens.start)
            .filter(|&s| s > floor);
            let object_start = coordinated_start.unwrap_or(mention.tokens.start);
            let after_preposition = object_start > floor && {
                let mut buf = [0; 32];
                let preposition =
                    crate::text::ascii_lowercase_in(doc.tok(object_start - 1), &mut buf);
                let absolute = &*preposition == "with" && doc.tok(k).ends_with("ing");
                // ("About 9 percent said": "about" before a count approximates it.)
                let approximate = &*preposition == "about"
                    && (doc.tokens[object_start].kind == TokenKind::Number
                        || crate::entities::is_number_word(doc.tok(object_start)));
                !absolute
                    && !approximate
                    && crate::lexicon::in_class(&preposition, crate::lexicon::PREPOSITION_OF_TOPIC)
            };
            if mention.possessive {
                return None;
            }
            // "The leader of the group said", "The senator from Vermont said": a person's
            // role before "of" or "from" is its head ("52 percent of voters", "a group of
            // activists": a count or a body is not).
            // ("A statement from the board said": the body a document is from speaks.)
            let preposition = doc.tok(object_start.saturating_sub(1));
            let person_before_of = (object_start > floor + 1
                && matches!(preposition, "of" | "from"))
            .then(|| ents.mention_at(object_start - 2))
            .flatten()
            .filter(|&h| {
                let head = &ents.mentions[h];
                let document = lexicon::is_document_noun(doc.tok(head.tokens.end - 1));
                // ("Senator Mitch McConnell of Kentucky said": a named person's place.)
                let named_person = head.kind == MentionKind::Name && !head.org;
                // ("the family of one victim said": a family speaks for its member.)
                let family = matches!(
                    doc.tok(head.tokens.end - 1),
                    "family" | "families" | "Family"
                );
                head.tokens.end == object_start - 1
                    && (head.kind == MentionKind::Descriptor
                        && (!head.org || document && preposition == "of" || family)
                        || named_person)
                    && !head.possessive
            });
            if person_before_of.is_some() {
                return person_before_of;
            }
            if after_preposition {
                // "Experts on North Korea said": the head before the preposition speaks.
                // ("Two people familiar with the inquiry said": a description between.)
                return (object_start >= floor + 2)
                    .then(|| ents.mention_at(object_start - 2))
                    .flatten()
                    .filter(|&h| !ents.mentions[h].possessive)
                    .or_else(|| source_with_post_modifier(doc, ents, k, floor));
            }
            if let Some(a) = relative_antecedent(doc, ents, m, k, floor) {
                return Some(a);
            }
            return issuer_of_document(doc, ents, m, floor).or(Some(m));
        }
        // "Mr. Kamin, who emphasized that …", "the European Union, which contended that …",
        // "Donald Trump - who previously said …": a relative pronoun's antecedent is the
        // subject.
        if matches!(w, "who" | "which")
            && j >= floor + 3
            && matches!(doc.tok(j - 2), "," | "-" | "—" | "–")
        {
            return ents
                .mention_at(j - 3)
                .filter(|&m| ents.mentions[m].tokens.end == j - 2 && !ents.mentions[m].possessive)
                .map(|m| named_person_of(doc, ents, m, floor).unwrap_or(m));
        }
        // "A lawyer for the outlets, David Schulz, said", "Scott's niece, state Del. Marcia
        // Price (D-Newport News), shouted": the name between the commas, after at most one
        // lowercase modifier and before at most a parenthetical.
        if w == "," && j >= 2 {
            let mut end = j - 1;
            if doc.tok(end - 1) == ")" {
                if let Some(open) = open_paren_before(doc, end - 1, floor, 11) {
                    end = open;
                }
            }
            if let Some(m) = end.checked_sub(1).and_then(|e| ents.mention_at(e)) {
                let mention = &ents.mentions[m];
                let s = mention.tokens.start;
                let after_comma = |c: usize| c > floor && doc.tok(c - 1) == ",";
                let starts_after_comma = after_comma(s)
                    || s > floor + 1 && after_comma(s - 1) && is_title_modifier(doc.tok(s - 1));
                // ("a town hall meeting in Columbus, Ohio, said": a place and its state.)
                let place_pair = s > floor + 2 && is_place_comma(doc, ents, s - 1, floor);
                if mention.kind == MentionKind::Name
                    && !mention.org
                    && starts_after_comma
                    && mention.tokens.end == end
                    && !place_pair
                {
                    return Some(m);
                }
            }
        }
        if w == "," && fillers < 20 {
            // Skip an appositive: back to the previous comma, where a mention must stand.
            let mut a = j - 1;
            let mut steps = 0;
            while a > floor && steps < 40 {
                a -= 1;
                steps += 1;
                if doc.tok(a) == "," && !is_place_comma(doc, ents, a, floor) {
                    break;
                }
            }
            // (A long stretch only as a relative clause: "Dr. Connie Mariano, who served as
            // White House physician … and later retired …, said".)
            let set_off = steps <= 24 || matches!(doc.tok(a + 1), "who" | "whose" | "which");
            // "In Columbia, Sanders stepped up his emphasis …, saying": the stretch is the
            // clause itself when the sentence's subject opens it.
            if a > floor && doc.tok(a) == "," {
                if let Some(m) = ents.mention_at(a + 1).filter(|&m| {
                    let mention = &ents.mentions[m];
                    mention.tokens.start == a + 1
                        && mention.subject
                        && !mention.possessive
                        && mention.tokens.end < j - 1
                }) {
                    return Some(m);
                }
            }
            if a > floor && doc.tok(a) == "," && set_off {
                // "Rep. Gregory W. Meeks (D-N.Y.), chairman of …, said": past a parenthetical.
                let mut before = a - 1;
                if doc.tok(before) == ")" {
                    if let Some(open) = open_paren_before(doc, before, floor, 8) {
                        before = open.saturating_sub(1);
                    }
                }
                // "Mary Lee, 60, a doctor, said": an age between two appositives.
                if before > floor + 1
                    && doc.tokens[before].kind == TokenKind::Number
                    && doc.tok(before - 1) == ","
                {
                    before -= 2;
                }
                if let Some(m) = ents.mention_at(before) {
                    if !ents.mentions[m].possessive {
                        return relative_antecedent(doc, ents, m, k, floor)
                            .or_else(|| Some(named_person_of(doc, ents, m, floor).unwrap_or(m)));
                    }
                }
            }
            return None;
        }
        // "were slightly more likely to say", "seemed to suggest": a verb or adjective
        // whose subject is the speaker's, then "to".
        if w == "to" && j >= floor + 2 && fillers < 4 && takes_subjects_infinitive(doc.tok(j - 2)) {
            fillers += 1;
            j -= 2;
            continue;
        }
        if (is_verb_filler(w) || doc.french && lexicon::is_french_auxiliary(w)) && fillers < 4 {
            fillers += 1;
            j -= 1;
            continue;
        }
        // "who in 2010 said", "the mother of three replied": a year after a preposition
        // is a filler; a count after "of" ends the subject's description.
        if doc.tokens[j - 1].kind == TokenKind::Number
            || matches!(
                w,
                "two" | "three" | "four" | "five" | "six" | "seven" | "eight"
            )
        {
            if j >= floor + 2
                && matches!(doc.tok(j - 2), "in" | "since" | "by" | "until")
                && fillers < 4
            {
                fillers += 1;
                j -= 2;
                continue;
            }
            if j >= floor + 3 && doc.tok(j - 2) == "of" {
                if let Some(m) = ents.mention_at(j - 3).filter(|&m| {
                    ents.mentions[m].tokens.end == j - 2 && !ents.mentions[m].possessive
                }) {
                    return Some(m);
                }
            }
        }
        return source_with_post_modifier(doc, ents, j, floor);
    }
    None
}

/// Prepositions of a topic or an opponent (`subject_left_of`): "experts on Korea", "protesters
/// against the war".
pub(crate) const PREPOSITIONS_OF_TOPIC: &str = "
    on about with against by over between to
";

/// Whether the comma at token `a` joins a place to its state or country: "in Columbus,
/// Ohio", "from Leeds, England" (a name after a preposition, a comma, a name), or closes
/// the state ("a Hollywood, Fla., rabbi").
fn is_place_comma(doc: &Doc, ents: &Entities, a: usize, floor: usize) -> bool {
    let state = (a > floor + 1)
        .then(|| ents.mention_at(a - 1).or_else(|| ents.mention_at(a - 2)))
        .flatten()
        .filter(|&m| {
            let m = &ents.mentions[m];
            // ("Fla." ends at its dot, the token before the comma.)
            m.kind == MentionKind::Name && (m.tokens.end == a || m.tokens.end + 1 == a)
        });
    let closes_state = state.is_some_and(|m| {
        let start = ents.mentions[m].tokens.start;
        start > floor + 1
            && doc.tok(start - 1) == ","
            && is_place_comma(doc, ents, start - 1, floor)
    });
    closes_state
        || a > floor + 1
            && ents.mention_at(a + 1).is_some_and(|m| {
                ents.mentions[m].kind == MentionKind::Name && ents.mentions[m].tokens.start == a + 1
            })
            && ents.mention_at(a - 1).is_some_and(|p| {
                let place = &ents.mentions[p];
                place.kind == MentionKind::Name
                && place.tokens.end == a
                && place.tokens.start > floor
                // ("a Hollywood, Fla., rabbi": a place modifying a role.)
                && crate::lexicon::in_class(doc.tok(place.tokens.start - 1), crate::lexicon::PLACE_LEAD)
            })
}

/// Prepositions and articles before a place name (`is_place_comma`).
pub(crate) const PLACE_LEADS: &str = "
    in at from near of to a an
";

/// "Two people familiar with the matter said", "an official briefed on the talks said":
/// a source described by what it knows, the description between it and the verb.
/// The "(" that a ")" at token `close` closes, at most `reach` tokens back and not before
/// `floor`: a parenthetical ("(D-N.Y.)") that a subject search steps over.
fn open_paren_before(doc: &Doc, close: usize, floor: usize, reach: usize) -> Option<usize> {
    (close.saturating_sub(reach).max(floor)..close)
        .rev()
        .find(|&a| doc.tok(a) == "(")
}

fn source_with_post_modifier(doc: &Doc, ents: &Entities, j: usize, floor: usize) -> Option<usize> {
    let opens_description = |p: usize| match doc.tok(p) {
        "familiar" | "close" | "briefed" | "knowledgeable" => true,
        "with" => p + 1 < j && doc.tok(p + 1) == "knowledge",
        _ => false,
    };
    let words_before = || {
        (j.saturating_sub(10).max(floor + 1)..j)
            .rev()
            .take_while(|&p| {
                doc.tokens[p].kind == TokenKind::Word && doc.tokens[p].quote().is_none()
            })
    };
    if let Some(p) = words_before().find(|&p| opens_description(p)) {
        return ents
            .mention_at(p - 1)
            .filter(|&m| ents.mentions[m].tokens.end == p && !ents.mentions[m].possessive);
    }
    // "Political observers in Virginia and around the country say", "Experts on North
    // Korea and nuclear nonproliferation said": a plural source opening the clause, then a
    // prepositional phrase with no verb of its own.
    let verb_between = |from: usize| {
        (from..j).any(|k| {
            doc.cue(k).is_some()
                || crate::lexicon::in_class(doc.tok(k), crate::lexicon::POST_MODIFIER_VERB)
                || doc.tok(k).ends_with("ed") && doc.tok(k) != "involved"
        })
    };
    words_before()
        .filter(|&p| {
            matches!(
                doc.tok(p),
                "in" | "on" | "at" | "from" | "across" | "around" | "involved" | "of"
            )
        })
        .filter_map(|p| {
            ents.mention_at(p - 1)
                .filter(|&m| ents.mentions[m].tokens.end == p)
                .or_else(|| {
                    ents.mention_at(p)
                        .filter(|&m| ents.mentions[m].tokens.start < p)
                })
        })
        .find(|&m| {
            let mention = &ents.mentions[m];
            let start = mention.tokens.start;
            let opens_clause = start == floor || start > floor && doc.tok(start - 1) == ",";
            // ("Experts" opening a sentence is read as a name.)
            let plural_role = doc.tok(mention.tokens.end - 1).ends_with('s')
                && doc.role(mention.tokens.end - 1).is_some();
            // ("Video of the incident shows": a singular head before "of" too.)
            let of_phrase = mention.kind == MentionKind::Descriptor
                && doc.tokens.get(mention.tokens.end).is_some()
                && doc.tok(mention.tokens.end) == "of";
            (mention.plural || plural_role || of_phrase)
                && !mention.possessive
                && mention.kind != MentionKind::Pronoun
                && opens_clause
                && !verb_between(mention.tokens.end)
        })
}

/// Auxiliaries and relatives that give a source's post-modifier a verb of its own
/// (`source_with_post_modifier`).
pub(crate) const POST_MODIFIER_VERBS: &str = "
    has have had is are was were will would can could did does do who that which
";

/// "“Are you scared?” I asked.", "“…,” I said": the cue after a quotation whose subject
/// is the writer's "I", and that "I".
fn writer_cue_after(doc: &Doc, close: usize) -> Option<(Span, Span)> {
    let n = doc.tokens.len();
    let para = doc.tokens[close].paragraph();
    let mut k = close + 1;
    if k < n && doc.tok(k) == "," {
        k += 1;
    }
    let same =
        |j: usize| j < n && doc.tokens[j].paragraph() == para && doc.tokens[j].quote().is_none();
    (same(k) && same(k + 1) && doc.tok(k) == "I")
        .then(|| quotative_cue(doc, k + 1).is_some_and(|c| c.quotative))
        .filter(|&cued| cued)
        .map(|_| (cue_span(doc, k + 1), doc.tokens[k].span()))
}

/// "I laughed and said, “…”", "I asked: “…”": the cue before a quotation whose subject
/// is the writer's "I", with no other person named between; and that "I".
fn writer_cue_before(doc: &Doc, ents: &Entities, open: usize) -> Option<(Span, Span)> {
    if open < 3 || !matches!(doc.tok(open - 1), "," | ":") {
        return None;
    }
    let cue = open - 2;
    if doc.tokens[cue].quote().is_some() || !quotative_cue(doc, cue).is_some_and(|c| c.quotative) {
        return None;
    }
    let start = doc.sentence_of(cue).start;
    // (The writer's "I" stands outside quotation marks: in "“… thing I ever did,” he said,
    // “and …”" the "I" is the speaker's.)
    let subject = (start..cue)
        .rev()
        .take(6)
        .take_while(|&j| {
            doc.tokens[j].quote().is_none() && doc.tokens[j].kind != TokenKind::QuoteMark
        })
        .find(|&j| doc.tok(j) == "I")?;
    let named_between = (subject + 1..cue).any(|j| {
        ents.mention_at(j)
            .is_some_and(|m| ents.mentions[m].kind != MentionKind::Pronoun)
    });
    (!named_between).then(|| (cue_span(doc, cue), doc.tokens[subject].span()))
}

/// The speaker after an inverted cue at token `k` ("…, said X"), before token `limit`
/// and within the cue's paragraph. Modifiers may stand between, not an object or a
/// preposition: "said 9/11 widow Terry Strada", "wrote local singer Nnamdi Okafor",
/// "said Democratic strategist Hank Sheinkopf".
/// (Within the paragraph: a headline's "…, warns business chief" names no one in the
/// next paragraph.)
pub(crate) fn subject_after_inverted_cue(
    doc: &Doc,
    ents: &Entities,
    k: usize,
    limit: usize,
) -> Option<usize> {
    let para = doc.tokens[k].paragraph();
    (k + 1..(k + 8).min(limit))
        .take_while(|&j| {
            doc.tokens[j].quote().is_none()
                && doc.tokens[j].paragraph() == para
                && (matches!(doc.tokens[j].kind, TokenKind::Number | TokenKind::Word)
                    || matches!(doc.tok(j), "/" | "-" | "."))
                && !crate::lexicon::in_class(
                    &crate::text::ascii_lowercase_in(doc.tok(j), &mut [0; 32]),
                    crate::lexicon::NOT_INVERTED_SUBJECT,
                )
        })
        .find_map(|j| {
            ents.mention_at(j)
                .filter(|&m| ents.mentions[m].tokens.start == j)
        })
        .map(|m| head_of_adjacent_mentions(doc, ents, m, limit))
}

/// Lowercased words that cannot be the subject after an inverted cue
/// (`subject_after_inverted_cue`): object pronouns, prepositions, conjunctions.
pub(crate) const NOT_INVERTED_SUBJECTS: &str = "
    him her them us me it to of at for with by on in that and or but as
";

/// The last of the mentions adjacent to `m` (“Ohio”, “State University”, then “Paul
/// Beck” in "Ohio State University professor Paul Beck"): a noun phrase ends in its
/// head. Between them only capitalised words, role nouns and numbers.
fn head_of_adjacent_mentions(doc: &Doc, ents: &Entities, m: usize, limit: usize) -> usize {
    let para = doc.tokens[ents.mentions[m].tokens.start].paragraph();
    let modifier = |j: usize| doc.tokens[j].paragraph() == para && is_name_modifier(doc, j);
    let mut head = m;
    let mut j = ents.mentions[m].tokens.end;
    while j < limit.min(doc.tokens.len()) && modifier(j) {
        match ents
            .mention_at(j)
            .filter(|&n| ents.mentions[n].tokens.start == j)
        {
            Some(n) if ents.mentions[n].kind != MentionKind::Pronoun => {
                head = n;
                j = ents.mentions[n].tokens.end;
            }
            _ => j += 1,
        }
    }
    head
}

/// Whether token `j`, outside quotations, may stand in a speaker's noun phrase before its
/// head: a capitalised word, a role noun or a number ("Ohio State University professor",
/// "9/11 widow").
fn is_name_modifier(doc: &Doc, j: usize) -> bool {
    let t = &doc.tokens[j];
    t.quote().is_none()
        && (t.kind == TokenKind::Number
            || t.kind == TokenKind::Word
                && (doc.tok(j).starts_with(char::is_uppercase) || doc.role(j).is_some()))
}

/// The speaker right after an inverting cue that follows a comma: "…, said David
/// Wasserman", "…, said Ohio State University professor Paul Beck" (the head of adjacent
/// mentions). Only a name or descriptor, after nothing but capitalised words, role
/// nouns and numbers ("…, said when asked how Trump …" has none).
fn speaker_after_comma_cue(doc: &Doc, ents: &Entities, k: usize, limit: usize) -> Option<usize> {
    if k == 0 || doc.tok(k - 1) != "," || doc.tok(k).ends_with("ing") {
        return None;
    }
    quotative_cue(doc, k).filter(|c| inverts(c.lemma))?;
    let first = (k + 1..limit.min(k + 6))
        .take_while(|&j| is_name_modifier(doc, j))
        .find_map(|j| {
            ents.mention_at(j)
                .filter(|&m| ents.mentions[m].tokens.start == j)
        })
        .filter(|&m| ents.mentions[m].kind != MentionKind::Pronoun)?;
    Some(head_of_adjacent_mentions(doc, ents, first, limit))
}

fn attribution_after(doc: &Doc, ents: &Entities, close: usize) -> Option<(usize, Span)> {
    let n = doc.tokens.len();
    let para = doc.tokens[close].paragraph();
    // A blockquote's footer: a quotation filling its paragraph, then a line "— Marek
    // Hlavac, shop owner" naming who said it.
    let footer_dash = close + 2 < n
        && doc.tokens[close + 1].paragraph() != para
        && matches!(doc.tok(close + 1), "—" | "–" | "―");
    if footer_dash {
        let open = doc.open_token(doc.closing_quote_of(close)?)?;
        let fills_paragraph = open == 0 || doc.tokens[open - 1].paragraph() != para;
        let footer = doc.paragraph_tokens(doc.tokens[close + 1].paragraph());
        let signer = ents.mention_at(close + 2).filter(|&m| {
            let mention = &ents.mentions[m];
            mention.tokens.start == close + 2
                && mention.kind == MentionKind::Name
                && !mention.possessive
        });
        if let Some(m) = signer.filter(|_| fills_paragraph && footer.len() <= 12) {
            return Some((m, doc.tokens[close + 1].span()));
        }
    }
    let mut k = close + 1;
    while k < n && matches!(doc.tok(k), "," | "—" | "–" | "-") && doc.tokens[k].quote().is_none()
    {
        k += 1;
    }
    // "“… a gun,” but he said …": a conjunction opens a new clause, not an attribution.
    if k < n && crate::lexicon::in_class(doc.tok(k), crate::lexicon::CONJUNCTION_AFTER) {
        return None;
    }
    // A headline quote and its speaker after a colon: "“I paint what the river tells
    // me”: a conversation with Amara Velez", "“We will win”: Anna Lee vows …".
    if k < n
        && doc.tok(k) == ":"
        && doc.tokens[k].quote().is_none()
        && doc.tokens[k].paragraph() == para
    {
        let open = doc.open_token(doc.closing_quote_of(close)?)?;
        let opens_paragraph = open == 0 || doc.tokens[open - 1].paragraph() != para;
        if opens_paragraph {
            let sentence_end = doc.sentence_of(k).end;
            return (k + 1..sentence_end.min(k + 10))
                .take_while(|&j| doc.tokens[j].quote().is_none())
                .find_map(|j| {
                    ents.mention_at(j).filter(|&m| {
                        ents.mentions[m].tokens.start == j
                            && ents.mentions[m].kind == MentionKind::Name
                            && !ents.mentions[m].org
                            && !ents.mentions[m].possessive
                            // A full name or a titled one: "Māori tribes" names no one.
                            && (ents.mentions[m].tokens.len() >= 2 || ents.mentions[m].role.is_some())
                    })
                })
                .map(|m| (m, doc.tokens[k].span()));
        }
    }
    // An attribution after a quote is set off: the quote ends in a comma or stop inside
    // its marks (“…,” she said / “…?” he asked) or a comma or dash follows it. A quote
    // running on into the writer's sentence (“unhinged” a Donald Trump tweet) is not
    // followed by its speaker.
    let set_off = k > close + 1 || {
        let content = doc
            .quotes
            .get(doc.closing_quote_of(close)?)
            .map(|q| q.content.text(doc.text))
            .unwrap_or("");
        // A nested quote may close first: “… the products you called ‘miracles,’” she said.
        content
            .trim_end()
            .trim_end_matches(['\'', '’', '"', '”', '»', '›'])
            .ends_with([',', '.', '!', '?', '…', '—'])
    };
    // (A whole-sentence quotation whose comma went missing still has its speaker right
    // after it: "“It's different here” said Steve Duprey", "“…” Trump told ITV".)
    let unpunctuated_attribution = || {
        let open = doc.closing_quote_of(close).and_then(|q| doc.open_token(q));
        let whole_sentence = open.is_some_and(|o| doc.sentence_of(o).start == o);
        let cue_then_name = quotative_cue(doc, k).is_some_and(|c| inverts(c.lemma))
            && ents.mention_at(k + 1).is_some_and(|m| {
                ents.mentions[m].tokens.start == k + 1 && ents.mentions[m].kind == MentionKind::Name
            });
        let name_then_cue = ents.mention_at(k).is_some_and(|m| {
            let mention = &ents.mentions[m];
            mention.tokens.start == k
                && mention.kind != MentionKind::Pronoun
                && !mention.possessive
                && quotative_cue(doc, mention.tokens.end).is_some_and(|c| c.quotative)
        });
        whole_sentence && (cue_then_name || name_then_cue)
    };
    if !set_off && k < n && doc.tok(k) != "―" && !unpunctuated_attribution() {
        return None;
    }
    // What follows must continue the quote's own sentence: “… strong.” He argued that …
    // starts a new one.
    if k >= n
        || doc.tokens[k].paragraph() != para
        || doc.tokens[k].quote().is_some()
        || doc.tokens[k].sentence() != doc.tokens[close].sentence()
    {
        return None;
    }
    // A dash signature closing the paragraph: "“…” — Name (@handle) date".
    let dashed = (close + 1..k).any(|d| matches!(doc.tok(d), "—" | "–" | "-")) || doc.tok(k) == "―";
    if dashed || doc.tok(k) == "―" {
        let k = if doc.tok(k) == "―" { k + 1 } else { k };
        if let Some(m) = ents
            .mention_at(k)
            .filter(|&m| ents.mentions[m].tokens.start == k)
        {
            if ents.mentions[m].kind == MentionKind::Name
                && quotative_cue(doc, ents.mentions[m].tokens.end).is_none()
            {
                return Some((m, doc.tokens[k - 1].span()));
            }
        }
    }
    // according to X
    let cue_len = doc.according_to(k);
    if cue_len > 0 && k + cue_len < n {
        let m = according_to_source(doc, ents, k)?;
        return Some((
            m,
            Span::new(
                doc.tokens[k].span().start,
                doc.tokens[k + cue_len - 1].span().end,
            ),
        ));
    }
    // « … », a déclaré M. Dupont: a French auxiliary before the inverted cue.
    let k = if doc.french && k + 1 < n && lexicon::is_french_auxiliary(doc.tok(k)) {
        k + 1
    } else {
        k
    };
    // said X / said 9/11 widow Terry Strada / reported Reuters (a body reports evidence)
    let reported_by_body = doc.cue(k).is_some_and(|c| c.lemma == "report")
        && doc.tokens[k].quote().is_none()
        && ents
            .mention_at(k + 1)
            .is_some_and(|m| ents.mentions[m].tokens.start == k + 1 && ents.mentions[m].org);
    // "“…,” reads a Wednesday editorial": a document inverts its "reads" too.
    let read_by_document = matches!(doc.tok(k), "reads" | "read")
        && doc.tokens[k].quote().is_none()
        && ents
            .mention_at(k + 1)
            .is_some_and(|m| ents.mentions[m].tokens.start == k + 1 && ents.mentions[m].org);
    if reported_by_body
        || read_by_document
        || quotative_cue(doc, k).is_some_and(|c| inverts_after_quote(doc, close, k, c))
    {
        let m = subject_after_inverted_cue(doc, ents, k, n)?;
        return Some((m, cue_span(doc, k)));
    }
    // X said / X, a spokesman, said / Tulsa police Chief Chuck Jordan said: the subject of
    // the first speech verb after the quote, within the sentence.
    let sentence_end = doc.sentence_of(k).end;
    let mut j = k;
    // A parenthetical ("(D-Newport News)") does not count towards the reach.
    let mut reach = k + 14;
    while j < sentence_end.min(reach) {
        if doc.tok(j) == "(" {
            reach += (j..sentence_end.min(j + 8))
                .find(|&c| doc.tok(c) == ")")
                .map_or(0, |c| c + 1 - j);
        }
        if doc.tokens[j].kind == TokenKind::QuoteMark || doc.tokens[j].quote().is_some() {
            // Names run across a nickname, which does not count towards the reach either:
            // state Del. Marcia "Cia" Price said.
            let close = doc.nickname_opened_at(j)?;
            reach += close + 1 - j;
            j = close + 1;
            continue;
        }
        let noun_use = matches!(
            &*crate::text::ascii_lowercase_in(doc.tok(j - 1), &mut [0; 32]),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
        );
        // "“…,” the letter reads." / "the report says": a document quoted by evidence cue.
        // ("reads" only in this inverted use: "reading" is no cue elsewhere.)
        let document_cue = (doc.cue(j).is_some_and(|c| c.class == CueClass::Evidence)
            || matches!(doc.tok(j), "reads" | "read"))
            && doc.tokens[j].quote().is_none()
            && subject_left_of(doc, ents, j, k).is_some_and(|m| ents.mentions[m].org);
        if (quotative_cue(doc, j).is_some_and(|c| c.quotative) || document_cue)
            && j > k
            && !noun_use
        {
            // "“…” if she didn't win by more, said David Wasserman": an inverted cue after
            // a comma has its speaker after it.
            if let Some(m) = speaker_after_comma_cue(doc, ents, j, sentence_end) {
                return Some((m, cue_span(doc, j)));
            }
            let m = subject_left_of(doc, ents, j, k)?;
            // The speaker follows the quote closely ("…,” Tulsa police Chief Chuck Jordan
            // said), not somewhere later in a long sentence.
            if ents.mentions[m].tokens.start > k + 3 {
                return None;
            }
            return Some((m, cue_span(doc, j)));
        }
        j += 1;
    }
    None
}

/// Conjunctions after a quotation that open a new clause, not an attribution
/// (`attribution_after`): "“… a gun,” but he said …".
pub(crate) const CONJUNCTIONS_AFTER: &str = "
    but and while although because yet when after before since if unless until
";

/// Before an opening quote mark at token `open`: "X said: “", "X told reporters, “",
/// "According to X, “", "X: “" (a colon intro, as in headlines and interviews).
fn attribution_before(doc: &Doc, ents: &Entities, open: usize) -> Option<(usize, Option<Span>)> {
    if open == 0 {
        return None;
    }
    let para = doc.tokens[open].paragraph();
    // "He said:" closing the previous paragraph introduces a quote paragraph.
    if doc.tokens[open - 1].paragraph() != para && doc.tok(open - 1) == ":" {
        let floor = doc.sentence_of(open - 1).start;
        let mut j = open - 1;
        while j > floor && j + 8 > open {
            j -= 1;
            if quotative_cue(doc, j).is_some_and(|c| c.quotative) {
                if let Some(m) = subject_left_of(doc, ents, j, floor) {
                    return Some((m, Some(cue_span(doc, j))));
                }
            }
        }
        return None;
    }
    let floor = doc.sentence_of(open).start.min(open);
    let mut k = open;
    // punctuation and "that" right before the mark
    while k > floor && matches!(doc.tok(k - 1), ":" | "," | "—" | "–" | "that" | "as") {
        k -= 1;
    }
    if k == floor || doc.tokens[k - 1].paragraph() != para {
        return None;
    }
    let colon = doc.tok(open - 1) == ":" || (open >= 2 && doc.tok(open - 2) == ":");
    // Colon intro right after a name: "Putin: “…”" (not a cue's listener or topic:
    // "Schilling told WEEI: “…”", "Williams added about Carson: “…”").
    if colon {
        if let Some(m) = ents.mention_at(k - 1) {
            let start = ents.mentions[m].tokens.start;
            // ("Pollsters agree - Carl Bialik: “…”": a dash ends the cue's clause.)
            let cue_before = (start.saturating_sub(3).max(floor)..start).any(|j| {
                quotative_cue(doc, j).is_some_and(|c| c.quotative)
                    && (j + 1..start).all(|i| !matches!(doc.tok(i), "-" | "—" | "–"))
            });
            if ents.mentions[m].kind != MentionKind::Pronoun
                && !ents.mentions[m].possessive
                && !cue_before
            {
                // "Sarah Silverman heckles Sanders supporters: “…”", "Gillibrand on
                // Hillary's Transcripts: “…”": a name opening the clause, then a lowercase
                // verb or preposition, makes the one before the colon its object or topic;
                // the subject speaks.
                let subject = ents.mention_at(floor).filter(|&f| {
                    let first = &ents.mentions[f];
                    first.tokens.start == floor
                        && first.kind == MentionKind::Name
                        && !first.possessive
                        && first.tokens.end < start
                        && (first.tokens.end..start).all(|j| {
                            doc.tokens[j].kind == TokenKind::Word && doc.tokens[j].quote().is_none()
                        })
                        && ents.mention_at(first.tokens.end).is_none()
                        && doc.tok(first.tokens.end).starts_with(char::is_lowercase)
                });
                return Some((subject.unwrap_or(m), Some(doc.tokens[open - 1].span())));
            }
        }
        // "Lee's response: “We lost.”", "the mayor's reply: “…”": a possessor's noun of
        // saying before the colon.
        if k >= floor + 2 && lexicon::cue_noun(doc.tok(k - 1)).is_some() {
            if let Some(m) = ents.mention_at(k - 2).filter(|&m| {
                let mention = &ents.mentions[m];
                mention.possessive
                    && mention.kind != MentionKind::Pronoun
                    && mention.tokens.end == k - 1
            }) {
                return Some((m, Some(doc.tokens[k - 1].span())));
            }
        }
        // "Dennis Aldous, 77, put it more bluntly: “…”", "She was unrepentant: “…”": a
        // short clause with no verb of saying, closed by the colon, introduces its
        // subject's words.
        // (The subject may stand in apposition: "Her neighbour, the retired engineer
        // Dennis Aldous, 77, put it …": the last mention, with only mentions, commas and
        // an age before it in the sentence.)
        if doc.tok(open - 1) == ":" {
            // ("put it": the object "it" is no speaker.)
            let last = (floor..k)
                .rev()
                .filter(|&j| !doc.tok(j).eq_ignore_ascii_case("it"))
                .find_map(|j| ents.mention_at(j));
            if let Some(m) = last.filter(|&m| {
                let mention = &ents.mentions[m];
                let (start, end) = (mention.tokens.start, mention.tokens.end);
                !mention.possessive
                    && end < k
                    && k - end <= 8
                    && (end..k).all(|j| {
                        doc.tokens[j].quote().is_none()
                            && doc.tokens[j].kind != TokenKind::QuoteMark
                            // ("Sanders delivered a snappy retort: “…”": a cue word used
                            // as a noun is no verb of saying.)
                            && (doc.cue(j).is_none()
                                || is_noun_use(doc, j)
                                || j >= end + 2
                                    && crate::lexicon::in_class(doc.tok(j - 2), crate::lexicon::DETERMINER_BEFORE))
                            && (ents.mention_at(j).is_none()
                                || doc.tok(j).eq_ignore_ascii_case("it"))
                    })
                    && (floor..start).all(|j| {
                        ents.mention_at(j).is_some()
                            || doc.tok(j) == ","
                            || doc.tokens[j].kind == TokenKind::Number
                    })
                    && (floor..start)
                        .find_map(|j| ents.mention_at(j))
                        .is_none_or(|first| ents.mentions[first].subject)
                    && (start > floor || mention.subject)
            }) {
                return Some((m, Some(doc.tokens[open - 1].span())));
            }
        }
    }
    // A cue within the last few words: "he said", "she told reporters", "Putin added".
    let mut j = k;
    let mut steps = 0;
    while j > floor && steps < 6 {
        j -= 1;
        steps += 1;
        if doc.tokens[j].quote().is_some() || doc.tokens[j].kind == TokenKind::QuoteMark {
            return None;
        }
        // "The statement from the council reads, “…”": a document's "reads".
        if matches!(doc.tok(j), "reads" | "read") {
            if let Some(m) = subject_left_of(doc, ents, j, floor).filter(|&m| ents.mentions[m].org)
            {
                return Some((m, Some(cue_span(doc, j))));
            }
        }
        // "It was, we were told, all part of “…”": a passive cue's subject is its listener.
        if quotative_cue(doc, j).is_some_and(|c| c.quotative) && is_passive(doc, j) {
            return None;
        }
        // "Kim’s mental state is “…”": a cue word inside a mention is a noun.
        if quotative_cue(doc, j).is_some_and(|c| c.quotative) && ents.mention_at(j).is_none() {
            // "X said" or "said X"
            if let Some(m) = subject_left_of(doc, ents, j, floor) {
                return Some((m, Some(cue_span(doc, j))));
            }
            // "said it was “a mistake”": a pronoun after the cue is its object or the
            // reported clause's subject, not an inverted speaker.
            let inverted = quotative_cue(doc, j).is_some_and(|c| inverts(c.lemma));
            // ("said Clinton was “justified”": a name followed by its verb is the reported
            // clause's subject.)
            if let Some(m) = ents.mention_at(j + 1).filter(|&m| {
                let end = ents.mentions[m].tokens.end;
                inverted
                    && ents.mentions[m].tokens.start == j + 1
                    && ents.mentions[m].kind != MentionKind::Pronoun
                    && (end >= open
                        || doc.tokens[end].kind != TokenKind::Word
                        || doc.tokens[end].quote().is_some())
            }) {
                return Some((m, Some(cue_span(doc, j))));
            }
            return None;
        }
        let cue_len = doc.according_to(j);
        if cue_len > 0 {
            let m = according_to_source(doc, ents, j)?;
            return Some((
                m,
                Some(Span::new(
                    doc.tokens[j].span().start,
                    doc.tokens[j + cue_len - 1].span().end,
                )),
            ));
        }
    }
    None
}

/// Articles and possessive determiners (`attribution_before`).
pub(crate) const DETERMINERS_BEFORE: &str = "
    a an the his her its their
";

/// The subject of a speech verb elsewhere in the quote's sentence (outside any quote):
/// "Putin called the plan “a disaster”", "emphasizing his willingness to engage in “talks”".
fn attribution_in_sentence(doc: &Doc, ents: &Entities, q: usize) -> Option<(usize, Span)> {
    let open = doc.open_token(q)?;
    let sentence = doc.sentence_of(open);
    let mut best: Option<(usize, usize, Span)> = None; // (rank, mention, cue)
                                                       // The outermost frame speaks: in "X said he thought that … “…”" the quote is X's, so a
                                                       // cue before the quote ranks by how early it stands; one after the quote only by its
                                                       // distance.
    let keep_best = |best: &mut Option<(usize, usize, Span)>, k: usize, m: usize, cue: Span| {
        let rank = if k < open {
            k - sentence.start
        } else {
            10_000 + (k - open)
        };
        if best.is_none_or(|b| rank < b.0) {
            *best = Some((rank, m, cue));
        }
    };
    // "With Democratic leaders worried about …, President Obama is rolling out a new
    // message: “It's about me.”": before a colon intro, a fronted phrase's cue is not the
    // sentence's, whose subject follows the phrase's comma.
    let colon_intro = open > sentence.start && doc.tok(open - 1) == ":";
    let fronted_end = colon_intro
        .then(|| {
            crate::lexicon::in_class(
                &crate::text::ascii_lowercase_in(doc.tok(sentence.start), &mut [0; 32]),
                crate::lexicon::ADVERBIAL_CONJUNCTION,
            )
            .then(|| (sentence.start..open).find(|&j| doc.tok(j) == ","))
            .flatten()
        })
        .flatten();
    for k in sentence.clone() {
        if fronted_end.is_some_and(|e| k < e) {
            continue;
        }
        // "… “sickness” are all thought to contribute, according to the Department"
        let cue_len = doc.according_to(k);
        if cue_len > 0 && k + cue_len < sentence.end {
            if let Some(m) = according_to_source(doc, ents, k) {
                let cue = Span::new(
                    doc.tokens[k].span().start,
                    doc.tokens[k + cue_len - 1].span().end,
                );
                keep_best(&mut best, k, m, cue);
            }
            continue;
        }
        // "To quote the union leader Frances O'Grady: “…”", "In the words of the poet Mary
        // Oliver, “…”", "Quoting Mary Oliver, she wrote: “…”": the words are the named
        // source's.
        if let Some((m, cue_end)) = words_of_source(doc, ents, k, sentence.end, open) {
            let cue = Span::new(doc.tokens[k].span().start, doc.tokens[cue_end].span().end);
            keep_best(&mut best, k, m, cue);
            continue;
        }
        // "as The New Yorker put it, “the operator”": an aside naming whose words they are.
        if matches!(doc.tok(k), "put" | "puts") && k + 1 < sentence.end && doc.tok(k + 1) == "it" {
            let source = subject_left_of(doc, ents, k, sentence.start).filter(|&m| {
                let start = ents.mentions[m].tokens.start;
                start > sentence.start && doc.tok(start - 1).eq_ignore_ascii_case("as")
            });
            if let Some(m) = source {
                let cue = Span::new(doc.tokens[k].span().start, doc.tokens[k + 1].span().end);
                keep_best(&mut best, k, m, cue);
            }
            continue;
        }
        if quotative_cue(doc, k).is_none() || is_passive(doc, k) || ents.mention_at(k).is_some() {
            continue;
        }
        // Skip nouns: "his claims", "the statement".
        if k > 0
            && matches!(
                &*crate::text::ascii_lowercase_in(doc.tok(k - 1), &mut [0; 32]),
                "the" | "a" | "his" | "her" | "their" | "its" | "to"
            )
        {
            continue;
        }
        // A participle ("issued a statement calling the test “a violation”") takes the
        // sentence's subject, not the nearest noun.
        // (It may open the text: "saying that Scalia was “…”".)
        let participle = doc.tok(k).ends_with("ing")
            && !(k > 0
                && matches!(
                    &*crate::text::ascii_lowercase_in(doc.tok(k - 1), &mut [0; 32]),
                    "is" | "was" | "are" | "were" | "been" | "be"
                ));
        let floor = fronted_end.map_or(sentence.start, |e| e + 1);
        let sentence_subject = || first_subject_between(ents, floor, k);
        let nearest = if participle { sentence_subject() } else { None };
        // "“…” if she didn't win by more, said David Wasserman": an inverted cue after a
        // comma has its speaker after it.
        let inverted = (k > open)
            .then(|| speaker_after_comma_cue(doc, ents, k, sentence.end))
            .flatten();
        let subject = nearest
            .or(inverted)
            .or_else(|| subject_left_of(doc, ents, k, floor))
            .or_else(|| {
                // A participle ("…, describing …") or a verb far from its subject: the
                // sentence's subject, its first non-possessive mention.
                first_subject_between(ents, floor, k)
            });
        // "X said that …, but he said that the footage “supports …”": a cue before a
        // coordinated clause boundary frames only its own clause.
        let across_clauses = k < open
            && (k + 1..open).any(|j| {
                doc.tokens[j].quote().is_none()
                    && (doc.tok(j) == ";"
                        || doc.tok(j) == "but"
                            && (doc.tok(j - 1) == ","
                                || doc.tokens[j - 1].kind == TokenKind::QuoteMark))
            });
        // "Another nurse, who asked not to be named, said she was told to ‘stand aside’": a
        // relative clause closed by its comma before the quote frames nothing in it.
        let closed_relative = k < open
            && k > sentence.start
            && matches!(
                &*crate::text::ascii_lowercase_in(doc.tok(k - 1), &mut [0; 32]),
                "who" | "which"
            )
            && doc.tokens[k - 1].quote().is_none()
            && (k + 1..open)
                .find(|&j| doc.tok(j) == "," && doc.tokens[j].quote().is_none())
                .is_some_and(|comma| {
                    // (The main clause's own verb follows the comma: "…, said she …".)
                    (comma + 1..open).any(|j| quotative_cue(doc, j).is_some())
                });
        if across_clauses || closed_relative {
            continue;
        }
        if let Some(m) = subject.filter(|&m| agrees(doc, ents, m, k)) {
            keep_best(&mut best, k, m, cue_span(doc, k));
        }
    }
    if best.is_none() {
        if let Some(e) = fronted_end {
            // No cue in the main clause: its subject introduces the quote.
            return first_subject_between(ents, e + 1, open - 1)
                .filter(|&m| ents.mentions[m].tokens.start <= e + 4)
                .map(|m| (m, doc.tokens[open - 1].span()));
        }
    }
    best.map(|(_, m, c)| (m, c))
}

/// Lowercased words that open a fronted phrase or clause (`attribution_in_sentence`): "With
/// Democratic leaders worried about …, President Obama is rolling out …".
pub(crate) const ADVERBIAL_CONJUNCTIONS: &str = "
    with as while after amid despite although though when since because if
";

/// The subject of the verb that issued a document mention: "she released a statement
/// saying …" speaks through "a statement". `None` when the mention is no document or no
/// issuing verb stands right before it.
fn issuer_of_document(doc: &Doc, ents: &Entities, m: usize, floor: usize) -> Option<usize> {
    let mention = &ents.mentions[m];
    if mention.kind != MentionKind::Descriptor
        || !lexicon::is_writing_noun(doc.tok(mention.tokens.end - 1))
    {
        return None;
    }
    let start = mention.tokens.start;
    let mut verb = start.checked_sub(1).filter(|&v| v > floor)?;
    if doc.tok(verb) == "out" {
        verb = verb.checked_sub(1).filter(|&v| v > floor)?;
    }
    if !lexicon::is_issuing_verb(doc.tok(verb)) || doc.tokens[verb].quote().is_some() {
        return None;
    }
    subject_left_of(doc, ents, verb, floor)
}

/// The first non-possessive mention whose tokens lie within `from..to`.
pub(crate) fn first_subject_between(ents: &Entities, from: usize, to: usize) -> Option<usize> {
    let first = ents.mentions.partition_point(|m| m.tokens.start < from);
    let between = || {
        ents.mentions[first..]
            .iter()
            .take_while(|m| m.tokens.end <= to)
    };
    // The sentence's subject ("Here in Columbia, Sanders stepped up …, saying"), else the
    // first mention.
    between()
        .position(|m| !m.possessive && m.subject)
        .or_else(|| between().position(|m| !m.possessive))
        .map(|i| first + i)
}

fn is_determiner_word(w: &str) -> bool {
    matches!(
        &*crate::text::ascii_lowercase_in(w, &mut [0; 32]),
        "a" | "an" | "the"
    )
}

/// A passive cue ("was described as", "is called") names no speaker before it.
pub(crate) fn is_passive(doc: &Doc, k: usize) -> bool {
    let mut j = k;
    while j > 0
        && (doc.tok(j - 1).ends_with("ly") && doc.tok(j - 1).len() > 3
            || matches!(
                doc.tok(j - 1),
                "all" | "also" | "not" | "never" | "still" | "often" | "widely" | "long" | "once"
            ))
    {
        j -= 1;
    }
    j > 0
        && matches!(
            ascii_lowercase_in(doc.tok(j - 1), &mut [0; 32]).as_bytes(),
            b"was" | b"were" | b"is" | b"are" | b"be" | b"been" | b"being" | b"get" | b"got"
        )
        && (doc.tok(k).ends_with("ed")
            || crate::lexicon::in_class(doc.tok(k), crate::lexicon::PASSIVE_PARTICIPLE))
}

/// Irregular participles of a passive (`is_passive`): "was told", "is known".
pub(crate) const PASSIVE_PARTICIPLES: &str = "
    said told thought known seen shown
";

/// Nouns for kinds of works, whose title follows them in quotation marks.
pub(crate) fn is_work_noun(word: &str) -> bool {
    matches!(
        crate::text::ascii_lowercase_in(word, &mut [0; 32]).trim_end_matches('s'),
        "book"
            | "memoir"
            | "novel"
            | "film"
            | "movie"
            | "show"
            | "serie"
            | "song"
            | "album"
            | "single"
            | "play"
            | "poem"
            | "essay"
            | "documentary"
            | "podcast"
            | "exhibition"
            | "programme"
            | "program"
            | "painting"
            | "opera"
            | "musical"
            | "episode"
            | "headline"
            | "titled"
            | "entitled"
            | "collection"
            | "biography"
            | "sitcom"
            | "drama"
            | "newsletter"
            | "column"
            | "blog"
            | "anthem"
            | "hymn"
            | "track"
    )
}

/// Token `n` is a noun for a thing, not a person, under a determiner: "a book", "a 2002
/// psychology class", "an account" (before "called “…”", which then names it, where "the
/// mayor called “…”" would speak).
/// A part of a programme or publication, or a person known by one: what "of" and a title
/// follow ("an episode of", "the host of").
fn is_part_of_work(word: &str) -> bool {
    crate::lexicon::in_class(
        crate::text::ascii_lowercase_in(word, &mut [0; 32]).trim_end_matches('s'),
        crate::lexicon::PART_OF_WORK,
    )
}

/// Lowercased parts and makers of a work (`is_part_of_work`): "an edition of", "the host of".
pub(crate) const PARTS_OF_WORK: &str = "
    broadcast edition issue segment airing installment instalment season chapter page
    cover host co-host anchor author creator star producer editor
";

fn named_thing(doc: &Doc, n: usize) -> bool {
    let w = doc.tok(n);
    let common_noun = w.bytes().all(|b| b.is_ascii_lowercase())
        && !w.ends_with("ly")
        && lexicon::role_noun(w) != Some(false)
        && !crate::lexicon::in_class(w, crate::lexicon::NOT_THING_NOUN);
    common_noun
        && (n.saturating_sub(4)..n).rev().any(|d| {
            lexicon::is_article_or_possessive(doc.tok(d))
                && (d + 1..n).all(|i| {
                    doc.tokens[i].kind == TokenKind::Word
                        && doc
                            .tok(i)
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                })
        })
}

/// Lowercase words that are no common noun (`named_thing`): relatives, auxiliaries, "also", "it".
pub(crate) const NOT_THING_NOUNS: &str = "
    who which that also has have had was were is are be been it
";

/// A title or name in quotation marks: every content word capitalised ("The Steve
/// Harvey Morning Show", "Mostly False", "Lyin' Ted").
fn is_title_like(content: &str) -> bool {
    let minor = |w: &str| crate::lexicon::in_class(w, crate::lexicon::TITLE_FUNCTION_WORD);
    // Two to eight words, the first capitalised, each minor or capitalised. A sentence
    // starting with a name ("Trump Is Right") is still a title; "We will win" is not.
    // Read word by word: most quotes are ruled out by their first words, and a long one
    // is not read past its ninth.
    let mut words = 0;
    for w in content
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
    {
        let fits = if words == 0 {
            starts_upper(w)
        } else {
            (minor(w) || starts_upper(w)) && w != "I"
        };
        if words == 8 || !fits {
            return false;
        }
        words += 1;
    }
    words >= 2
}

/// Minor words a title in title case leaves lowercase (`is_title_like`).
pub(crate) const TITLE_FUNCTION_WORDS: &str = "
    a an the of and or in on to for at by with from is
";

/// The words of `text` with a letter or digit, counted up to `most`: the rules ask
/// only whether a quote has a few words, and a long quote need not be read to its end.
fn words_in_up_to(text: &str, most: usize) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .take(most)
        .count()
}

/// Whether the quote opens a sentence or follows a cue's colon/comma (so it is quoted
/// speech standing on its own rather than a fragment inside the writer's sentence).
fn stands_alone(doc: &Doc, q: usize) -> bool {
    let Some(open) = doc.open_token(q) else {
        return true;
    };
    if open == 0 || doc.tokens[open - 1].paragraph() != doc.tokens[open].paragraph() {
        return true;
    }
    let sentence = doc.sentence_of(open);
    if sentence.start == open {
        return true;
    }
    matches!(doc.tok(open - 1), ":" | "," | "—" | "–" | "-" | "(")
}

/// "He jumped ship in Saltmarsh, he liked to say, ‘for a girl and a sandwich’, and …":
/// whether quote `q`, opening in lowercase after an attribution set off by commas, finishes
/// a sentence the writer began before that attribution (a fragment, not a whole utterance).
fn completes_writers_sentence(doc: &Doc, q: usize) -> bool {
    let Some(open) = doc.open_token(q) else {
        return false;
    };
    let content = doc.quotes[q].content.text(doc.text);
    if !content.starts_with(|c: char| c.is_lowercase()) || open < 4 || doc.tok(open - 1) != "," {
        return false;
    }
    let sentence = doc.sentence_of(open);
    // The attribution: a cue within a few words after the comma before it.
    let Some(comma) = (open.saturating_sub(7).max(sentence.start)..open - 1)
        .rev()
        .find(|&j| doc.tok(j) == ",")
    else {
        return false;
    };
    let cued = (comma + 1..open - 1).any(|j| doc.cue(j).is_some_and(|c| c.quotative));
    // The writer's words before it, with no quotation among them.
    let writers_words = (sentence.start..comma)
        .filter(|&j| doc.tokens[j].kind == TokenKind::Word)
        .count();
    // ("He had, she said, “earned the right …”": two words will do when the second is an
    // auxiliary the quotation completes.)
    let auxiliary_before = comma > sentence.start
        && matches!(
            doc.tok(comma - 1),
            "had" | "has" | "have" | "was" | "is" | "were" | "are" | "would" | "will" | "could"
        );
    cued && (writers_words >= 3 || writers_words == 2 && auxiliary_before)
        && !doc.quotation_in(sentence.start..comma)
}

/// Attributes every outermost quote of the document.
pub fn attribute(doc: &Doc, ents: &mut Entities) -> Vec<Attributed> {
    let text = doc.text;
    let nq = doc.quotes.len();
    let mut out: Vec<Attributed> = Vec::with_capacity(nq);
    // Group ids: a piece continuing a multi-paragraph quote shares the first piece's group.
    let mut group_of: Vec<usize> = Vec::with_capacity(nq);
    for (q, quote) in doc.quotes.iter().enumerate() {
        let group = match quote.continues {
            Some(prev) if prev < q => group_of[prev],
            _ => q,
        };
        group_of.push(group);
    }
    // Pass 1: adjacent and same-sentence evidence.
    let mut current: Option<usize> = None; // the latest attributed speaker entity
    for (q, &group) in group_of.iter().enumerate() {
        // "“Are you scared?” I asked.": the writer's own words name no speaker, and no
        // later pass gives them one.
        let writer_cue = doc
            .close_token(q)
            .and_then(|c| writer_cue_after(doc, c))
            .or_else(|| {
                doc.open_token(q)
                    .and_then(|o| writer_cue_before(doc, ents, o))
            });
        if let Some((cue, writer)) = writer_cue {
            out.push(Attributed {
                quote: q,
                kind: QuoteKind::Direct,
                speaker: None,
                mention: None,
                cue: Some(cue),
                confidence: 0.9,
                group,
                writer: Some(writer),
            });
            continue;
        }
        let content = doc.quotes[q].content;
        let content_text = content.text(text);
        // (Compared with five at most below: six stands for more.)
        let n_words = words_in_up_to(content_text, 6);
        let mut found: Option<(usize, Option<Span>, f32)> = None;
        if let Some(close) = doc.close_token(q) {
            if let Some((m, cue)) = attribution_after(doc, ents, close) {
                found = Some((m, Some(cue), 0.95));
            }
        }
        if found.is_none() {
            if let Some(open) = doc.open_token(q) {
                if let Some((m, cue)) = attribution_before(doc, ents, open) {
                    found = Some((m, cue, 0.9));
                    // "She said she recalls the colleague being “confused”": the same
                    // person framing the sentence is the mention the attribution rests on.
                    if ents.mentions[m].kind == MentionKind::Pronoun {
                        if let Some((outer, outer_cue)) = attribution_in_sentence(doc, ents, q) {
                            let (a, b) = (&ents.mentions[outer], &ents.mentions[m]);
                            // (The inner clause is the outer cue's complement, not the main
                            // clause after a fronted one: "Asked what he believed, he said,
                            // “…”" is the second "he".)
                            let complement = (a.tokens.end..b.tokens.start)
                                .filter(|&j| doc.tokens[j].span().start >= outer_cue.end)
                                .all(|j| doc.tok(j) == "that");
                            if a.tokens.end <= b.tokens.start
                                && complement
                                && a.kind == MentionKind::Pronoun
                                && a.gender == b.gender
                                && a.plural == b.plural
                            {
                                found = Some((outer, Some(outer_cue), 0.9));
                            }
                        }
                    }
                }
            }
        }
        let alone = stands_alone(doc, q) && !completes_writers_sentence(doc, q);
        if found.is_none() {
            if let Some((m, cue)) = attribution_in_sentence(doc, ents, q) {
                found = Some((m, Some(cue), if alone { 0.6 } else { 0.75 }));
            }
        }
        // A characterisation: "admires Putin as a “strong leader”", "has gone after Trump
        // as a “human leech”", "rated the claims as “false”": the words are the
        // sentence subject's, though no verb of saying frames them.
        if found.is_none() {
            if let Some(open) = doc.open_token(q) {
                let sentence = doc.sentence_of(open);
                let mut j = open;
                while j > sentence.start && is_determiner_word(doc.tok(j - 1)) {
                    j -= 1;
                }
                // Not in the passive: "was described as “unprecedented”" names no one.
                let characterised = j > sentence.start + 1
                    && doc.tok(j - 1).eq_ignore_ascii_case("as")
                    && !is_passive(doc, j - 2);
                if characterised {
                    if let Some(m) = first_subject_between(ents, sentence.start, j - 1) {
                        found = Some((m, None, 0.5));
                    }
                }
            }
        }
        // "as a “human leech” and a “spoiled brat”": a quote coordinated with the one
        // before it in the sentence shares its attribution.
        if found.is_none() && q > 0 {
            let coordinated = doc.open_token(q).is_some_and(|open| {
                let mut j = open;
                while j > 0 && is_determiner_word(doc.tok(j - 1)) {
                    j -= 1;
                }
                j > 0
                    && matches!(doc.tok(j - 1), "and" | "or")
                    && doc.tokens[j - 1].sentence() == doc.tokens[open].sentence()
                    && doc
                        .close_token(q - 1)
                        .is_some_and(|c| c + 1 == j - 1 || c + 2 == j - 1 && doc.tok(c + 1) == ",")
            });
            if coordinated {
                if let Some(prev) = out.last().filter(|a| a.kind != QuoteKind::Scare) {
                    if let Some(m) = prev.mention {
                        found = Some((m, prev.cue, prev.confidence.min(0.75)));
                    }
                }
            }
        }
        let mut speaker = None;
        let mut mention = None;
        let mut cue = None;
        let mut confidence = 0.0;
        if let Some((m, c, conf)) = found {
            let entity = match ents.mentions[m].kind {
                MentionKind::Pronoun => {
                    let e = ents.resolve_pronoun(doc, m, current);
                    if let Some(e) = e {
                        ents.bind(m, e);
                    }
                    e
                }
                _ => ents.mentions[m].entity,
            };
            speaker = entity;
            mention = Some(m);
            cue = c;
            confidence = if entity.is_some() { conf } else { conf * 0.5 };
            if entity.is_some() {
                current = entity;
            }
        }
        let multi_sentence = content_text
            .trim_end()
            .trim_end_matches(['.', ',', '!', '?'])
            .contains(['.', '!', '?']);
        // A title-cased quote is a title when nothing cues it or a determiner or
        // preposition governs it ("an episode of “The Morning Show”"), but a quoted
        // verdict with a cue is speech ("concluded his comments were “Mostly False”").
        let governed = doc.open_token(q).is_some_and(|o| {
            // "at Mugabe's “Blue House” compound": a possessive governs a name.
            let possessive = o > 0 && {
                let w = doc.tok(o - 1);
                (w.ends_with("'s") || w.ends_with("’s")) && !is_contraction(w)
            };
            possessive
                || o > 0
                    && crate::lexicon::in_class(
                        &crate::text::ascii_lowercase_in(doc.tok(o - 1), &mut [0; 32]),
                        crate::lexicon::TITLE_LEAD,
                    )
        });
        // "her memoir “The Salt Years”", "his own book, “A House Without Doors,”": a
        // title-cased quote right after the name of a kind of work is its title.
        let names_a_work = doc.open_token(q).is_some_and(|o| {
            let mut j = o;
            if j > 0 && doc.tok(j - 1) == "," {
                j -= 1;
            }
            // "The spot, titled “Arrogant,”", "told MSNBC's “Morning Joe”", "On “Face the
            // Nation,” Sanders said": a title after a naming verb, an outlet's possessive or
            // a programme's "on".
            j > 0
                && (is_work_noun(doc.tok(j - 1))
                    || j >= 2
                        && matches!(doc.tok(j - 1), "called" | "named" | "dubbed")
                        && named_thing(doc, j - 2)
                    || matches!(
doc.tok(j - 1),
"titled" | "entitled" | "headlined" | "On" | "on"
)
                    // ("drivers sang “The Wheels Keep Turning”": a song's title.)
                    || matches!(doc.tok(j - 1), "sang" | "sing" | "sings" | "performed")
                        && is_title_like(content_text)
                    // "this weekend's broadcast of “Fox News Sunday,”", "the host of
                    // “Morning Joe”": the programme or work a part or a person belongs to.
                    || j >= 2 && doc.tok(j - 1) == "of" && {
                        let w = doc.tok(j - 2);
                        is_work_noun(w) || is_part_of_work(w)
                    }
                    || {
                        let w = doc.tok(j - 1);
                        (w.ends_with("'s") || w.ends_with("’s"))
                            && w.starts_with(char::is_uppercase)
                            && is_title_like(content_text)
                    })
        });
        // "the hacker known as “Guccifer”", "what has become known as the “Buffett rule”":
        // a name, whatever its case.
        let known_as = n_words <= 5
            && doc.open_token(q).is_some_and(|o| {
                let mut j = o;
                while j > 0 && is_determiner_word(doc.tok(j - 1)) {
                    j -= 1;
                }
                j >= 2 && doc.tok(j - 1) == "as" && matches!(doc.tok(j - 2), "known" | "know")
            });
        // A quote that is a whole sentence of its own (“We're America.”) is speech.
        let whole_sentence = alone
            && content_text
                .trim_end()
                .trim_end_matches(['\'', '’', '"', '”'])
                .ends_with(['.', '!', '?']);
        // (A work's title keeps the stop of the sentence it ends, and may be one word:
        // "his show, “The Apprentice.”", "the show, “Politicking.”")
        let work_title = names_a_work
            && (is_title_like(content_text) || n_words == 1 && starts_upper(content_text));
        let title = !multi_sentence
            && (work_title
                || known_as
                || is_title_like(content_text)
                    && !whole_sentence
                    && (found.is_none() || governed && found.is_some_and(|f| f.2 < 0.9)));
        // "‘Unprecedented’ strandings": a word or two in quotation marks that the writer's
        // own words continue, with nobody cued, is a label (a heading's scare quote), not
        // a quote to badge as unattributed.
        let continued_by_writer = doc.close_token(q).is_some_and(|c| {
            // (“Big time.” For instance, … : a sentence of its own is not continued.)
            doc.tokens.get(c + 1).is_some_and(|t| {
                t.sentence() == doc.tokens[c].sentence()
                    && t.kind == TokenKind::Word
                    && t.quote().is_none()
                    && doc.cue(c + 1).is_none()
            })
        });
        let label = n_words <= 2 && found.is_none() && continued_by_writer;
        // "(CROSSTALK.)", "(Laughter)": a transcript's stage direction says nothing.
        let trimmed = content_text.trim();
        let stage_direction = trimmed.starts_with('(')
            && trimmed.trim_end_matches(['.', ',']).ends_with(')')
            && !trimmed[1..].contains('(');
        // "A sign taped to the door read: “Pets welcome.”", "Several held placards; one
        // read “Not here”": the words of a sign, placard or plaque are nobody's speech.
        let inscription = found.is_none()
            && doc.open_token(q).is_some_and(|o| {
                let verb =
                    o.saturating_sub(1 + usize::from(o > 0 && matches!(doc.tok(o - 1), ":" | ",")));
                matches!(doc.tok(verb), "read" | "reads")
                    && (verb.saturating_sub(12)..verb)
                        .rev()
                        .take_while(|&j| {
                            doc.tokens[j].sentence() == doc.tokens[verb].sentence()
                                && doc.tokens[j].quote().is_none()
                        })
                        .any(|j| is_inscription(doc.tok(j)))
            });
        // "Lorenz, “the father of chaos,” started a revolution": an epithet set off by
        // commas after a name, with the writer's sentence going on, is no one's speech.
        let epithet = found.is_none()
            && !starts_upper(content_text)
            && doc.open_token(q).is_some_and(|o| {
                o >= 2
                    && doc.tok(o - 1) == ","
                    && ents
                        .mention_at(o - 2)
                        .is_some_and(|m| ents.mentions[m].kind == MentionKind::Name)
            })
            && doc.close_token(q).is_some_and(|c| {
                // (The comma may stand outside the marks: “the father of chaos”, started.)
                let next = c + 1 + usize::from(c + 1 < doc.tokens.len() && doc.tok(c + 1) == ",");
                doc.tokens.get(next).is_some_and(|t| {
                    t.sentence() == doc.tokens[c].sentence()
                        && t.kind == TokenKind::Word
                        && t.quote().is_none()
                        && doc.cue(next).is_none()
                })
            });
        // "took the stage to chants of “A-DA! A-DA!”", "amid cries of “Shame!”": a crowd's
        // words are no one speaker's ("supporters responded with chants of “…”" are the
        // subject's).
        let crowd = doc.open_token(q).is_some_and(|o| {
            o >= 3
                && doc.tok(o - 1) == "of"
                && matches!(doc.tok(o - 3), "to" | "amid" | "over" | "despite")
                && matches!(
                    doc.tok(o - 2),
                    "chants"
                        | "chant"
                        | "cries"
                        | "cry"
                        | "shouts"
                        | "calls"
                        | "boos"
                        | "cheers"
                        | "roars"
                        | "chorus"
                )
        });
        let kind = if doc.is_nickname(q)
            || title
            || label
            || stage_direction
            || epithet
            || inscription
            || crowd
        {
            QuoteKind::Scare
        } else if (alone && (n_words >= 3 || starts_upper(content_text)))
            || multi_sentence
            || doc.quotes[q].continues.is_some()
        {
            QuoteKind::Direct
        } else if found.is_some() {
            QuoteKind::Partial
        } else if n_words <= 4 {
            QuoteKind::Scare
        } else {
            QuoteKind::Partial
        };
        if kind == QuoteKind::Scare {
            (speaker, mention, cue, confidence) = (None, None, None, 0.0);
        }
        out.push(Attributed {
            quote: q,
            kind,
            speaker,
            mention,
            cue,
            confidence,
            group,
            writer: None,
        });
    }
    // Pass 2: pieces of one utterance share a speaker; uncued quote paragraphs continue
    // the previous speaker.
    // The pieces of each group in order, linked: a group's id is its first piece.
    let mut next_piece = vec![usize::MAX; nq];
    let mut last_piece: Vec<usize> = (0..nq).collect();
    for (q, &g) in group_of.iter().enumerate() {
        if g != q {
            next_piece[last_piece[g]] = q;
            last_piece[g] = q;
        }
    }
    for q in 0..nq {
        if out[q].speaker.is_some() || out[q].kind == QuoteKind::Scare || out[q].writer.is_some() {
            continue;
        }
        // Multi-paragraph: the group's first attributed piece.
        let g = out[q].group;
        let pieces = std::iter::successors(Some(g), |&p| Some(next_piece[p]).filter(|&n| n < nq));
        if let Some(src) = pieces.map(|p| &out[p]).find(|a| a.speaker.is_some()) {
            let (s, m, c) = (src.speaker, src.mention, src.cue);
            out[q].speaker = s;
            out[q].mention = m;
            out[q].cue = c;
            out[q].confidence = 0.85;
            continue;
        }
        let para = doc.quotes[q].paragraph;
        let sentence = doc.open_token(q).map(|o| doc.tokens[o].sentence());
        // Split quote in the same sentence or paragraph: the nearest attributed piece.
        // Quotes are in text order, so the paragraph's quotes are one contiguous run.
        let first_in_para = doc.quotes.partition_point(|x| x.paragraph < para);
        let end_of_para = doc.quotes.partition_point(|x| x.paragraph <= para);
        let neighbour = (first_in_para..end_of_para)
            .filter(|&o| o != q && out[o].speaker.is_some() && out[o].kind != QuoteKind::Scare)
            .min_by_key(|&o| {
                let same_sentence = doc.open_token(o).map(|t| doc.tokens[t].sentence()) == sentence;
                (!same_sentence, o.abs_diff(q))
            });
        if let Some(o) = neighbour {
            out[q].speaker = out[o].speaker;
            out[q].mention = out[o].mention;
            out[q].cue = out[o].cue;
            out[q].confidence = 0.8;
            continue;
        }
        // A quote opening its paragraph, uncued: the previous paragraph's last speaker.
        if let Some(open) = doc.open_token(q) {
            let opens_para = open == 0 || doc.tokens[open - 1].paragraph() != para;
            if opens_para && out[q].kind == QuoteKind::Direct {
                let from = doc.continues_from(para);
                if let Some(prev) = (0..q)
                    .rev()
                    .find(|&o| {
                        out[o].speaker.is_some()
                            && doc.quotes[o].paragraph >= from
                            && doc.quotes[o].paragraph < para
                    })
                    .map(|prev| exchange_turn(doc, &out, q, prev))
                {
                    out[q].speaker = out[prev].speaker;
                    out[q].mention = out[prev].mention;
                    out[q].cue = None;
                    out[q].confidence = 0.6;
                    continue;
                }
            }
        }
        // Fallback: the latest speaker of this or the previous paragraph, else the nearest
        // person named as a sentence subject there.
        if out[q].kind != QuoteKind::Direct && out[q].kind != QuoteKind::Partial {
            continue;
        }
        let start = doc.quotes[q].content.start;
        // "Sanders … identified young voters' exhaustion as a reason. “The younger people
        // are …”": a quote right after a sentence whose subject is a named person, in the
        // same paragraph, continues that person.
        let previous_subject = sentence.filter(|&s| s > 0).and_then(|s| {
            let prev = &doc.sentences[s - 1];
            // (A title such as “Face the Nation” in it is no quotation.)
            let quoted_before = doc.tokens[prev.clone()].iter().any(|t| {
                t.quote()
                    .is_some_and(|o| o >= q || out[o].kind != QuoteKind::Scare)
            });
            if quoted_before || prev.is_empty() || doc.tokens[prev.start].paragraph() != para {
                return None;
            }
            let first = ents.mentions_starting_before(doc.tokens[prev.start].span().start);
            let mi = Some(first).filter(|&m| {
                m < ents.mentions.len() && {
                    let m = &ents.mentions[m];
                    m.tokens.start < prev.end
                        && m.kind == MentionKind::Name
                        && !m.possessive
                        && m.subject
                }
            })?;
            ents.mentions[mi]
                .entity
                .filter(|&e| {
                    ents.entities[e].kind == crate::model::SpeakerKind::Person
                        && ents.entities[e].evidence
                })
                .map(|e| (mi, e))
        });
        if let Some((mi, e)) = previous_subject {
            out[q].speaker = Some(e);
            out[q].mention = Some(mi);
            out[q].confidence = 0.45;
            continue;
        }
        let from = doc.continues_from(para);
        let latest_speaker = (0..q)
            .rev()
            .take_while(|&o| doc.quotes[o].paragraph >= from)
            .find(|&o| out[o].speaker.is_some() && out[o].confidence >= 0.6);
        if let Some(o) = latest_speaker {
            out[q].speaker = out[o].speaker;
            out[q].mention = out[o].mention;
            out[q].confidence = 0.4;
            continue;
        }
        let candidate = ents
            .mentions
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, m)| {
                m.span.end <= start && !m.possessive && m.kind == MentionKind::Name && m.subject
            })
            .take_while(|(_, m)| doc.tokens[m.tokens.start].paragraph() + 1 >= para)
            .find(|(_, m)| {
                m.entity.is_some_and(|e| {
                    ents.entities[e].kind == crate::model::SpeakerKind::Person
                        && ents.entities[e].evidence
                })
            });
        if let Some((mi, m)) = candidate {
            out[q].speaker = m.entity;
            out[q].mention = Some(mi);
            out[q].confidence = 0.35;
        }
    }
    out
}

/// Lowercased words before a quotation that govern it as a name or title (`attribute`):
/// "the “Blue House”", "a film titled “…”".
pub(crate) const TITLE_LEADS: &str = "
    the a an of on in his her their its titled entitled nicknamed dubbed
";

fn starts_upper(s: &str) -> bool {
    s.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase())
}

/// A thing whose written words a story quotes: "a sign", "placards", "the plaque".
fn is_inscription(word: &str) -> bool {
    crate::lexicon::in_class(
        word.strip_suffix('s').unwrap_or(word),
        crate::lexicon::INSCRIPTION,
    )
}

/// Things that carry an inscription (`is_inscription`): "a sign reading …".
pub(crate) const INSCRIPTIONS: &str = "
    sign placard banner plaque poster inscription sticker billboard T-shirt shirt mural
    headstone gravestone
";

#[cfg(test)]
mod tests {
    use super::{is_title_like, words_in_up_to};
    use crate::analyze;

    const EXCHANGE: &str = "Andrew Cole spoke in Westminster.\n“How can you say that?” asked one reporter.\n“Because the rate of growth has slowed,” Cole replied.\n“So when will it fall?”\n“I'm not going to put a date on it.”";

    type Row = (
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    );

    /// (text, quote text, kind, speaker name, mention text, cue text)
    const ROWS: &[Row] = &[
        // A verb whose infinitive shares its subject ("continue to") cues nothing: the
        // partial quote belongs to the reported speech around it.
        (
            "Mayor Ana Silva said her council would continue “to fix the harbour” this year.",
            "to fix the harbour",
            "partial",
            Some("Ana Silva"),
            Some("Mayor Ana Silva"),
            Some("said"),
        ),
        // A pronoun framing the sentence outranks the pronoun before the quote only when
        // the quote's clause is that cue's complement, not the main clause after a
        // fronted one.
        (
            "Pastor Adel Nefzi leads the mosque. Asked what he believed about the rules, he said, “We must respect them.”",
            "We must respect them.",
            "direct",
            Some("Adel Nefzi"),
            Some("he"),
            Some("said"),
        ),
        (
            "Nurse Lena Ortiz spoke first. She said she recalls the colleague being “confused” by the form.",
            "confused",
            "partial",
            Some("Lena Ortiz"),
            Some("She"),
            Some("said"),
        ),
        // A document inverts "reads" after the quotation it holds.
        (
            "“The bridge plan is a mistake,” reads an editorial in The Harbour Times.",
            "The bridge plan is a mistake,",
            "direct",
            Some("an editorial in The Harbour Times"),
            Some("an editorial in The Harbour Times"),
            Some("reads"),
        ),
        // "called “…”" after a thing's noun names it: a title, with no speaker; after a
        // person it speaks.
        (
            "Lena Ortiz wrote a book called “Harbour Lights” last year.",
            "Harbour Lights",
            "scare",
            None,
            None,
            None,
        ),
        (
            "Rita Mendes founded a group called “Parents for Safe Streets” in 2019.",
            "Parents for Safe Streets",
            "scare",
            None,
            None,
            None,
        ),
        (
            "The harbour master called “Bridges for All” a failure.",
            "Bridges for All",
            "partial",
            Some("The harbour master"),
            Some("The harbour master"),
            Some("called"),
        ),
        (
            "The statement from the council reads, “We object to the plan.”",
            "We object to the plan.",
            "direct",
            Some("the council"),
            Some("the council"),
            Some("reads"),
        ),
        // A whole-sentence quotation whose comma went missing keeps the speaker right
        // after it; a word quoted inside the writer's clause does not take the next name.
        (
            "“It looks like we will not have a good relationship” Trump told ITV.",
            "It looks like we will not have a good relationship",
            "direct",
            Some("Trump"),
            Some("Trump"),
            Some("told"),
        ),
        (
            "Critics called the plan “unhinged” a Donald Trump tweet said.",
            "unhinged",
            "partial",
            Some("Critics"),
            Some("Critics"),
            Some("called"),
        ),
        // A transcript's stage direction in quotation marks says nothing.
        (
            "Rita Mendes took the stage.\n“(APPLAUSE.)”\n“We will win,” she said.",
            "(APPLAUSE.)",
            "scare",
            None,
            None,
            None,
        ),
        // "known as “…”" names; it says nothing.
        (
            "Police arrested the hacker known as “Nightjar” in May, prosecutors said.",
            "Nightjar",
            "scare",
            None,
            None,
            None,
        ),
        // A passive cue's subject heard the words; it did not say them.
        (
            "Our newsroom worked late. It was, we were told, all part of “becoming a journalist.”",
            "becoming a journalist.",
            "scare",
            None,
            None,
            None,
        ),
        // A dash ends a cue's clause, so the name before a colon speaks.
        (
            "Forecasters agree - Carl Bialik: “One of the lessons was simple.”",
            "One of the lessons was simple.",
            "direct",
            Some("Carl Bialik"),
            Some("Carl Bialik"),
            Some(":"),
        ),
        // The writer's own words ("I asked", "I laughed and said") name no speaker but rest
        // on the writer's "I", and later passes do not give them the previous speaker.
        (
            "Nadia Rahman watched the water rise.\n“Are you scared?” I asked.\n“Not any more,” she said.",
            "Are you scared?",
            "direct",
            None,
            Some("I"),
            Some("asked"),
        ),
        (
            "My mother mentioned ghosts.\nI laughed and said, “I don't believe in ghosts.”",
            "I don't believe in ghosts.",
            "direct",
            None,
            Some("I"),
            Some("said"),
        ),
        // A blockquote's footer line names the speaker of the quotation above it.
        (
            "The council apologised.\n“The bridge was safe for fifty years. Someone must explain.”\n— Marek Hlavac, shop owner\nRepairs begin on Monday.",
            "The bridge was safe for fifty years. Someone must explain.",
            "direct",
            Some("Marek Hlavac"),
            Some("Marek Hlavac"),
            Some("—"),
        ),
        // A bare "one" or "another" next to its verb is an unnamed person, someone new
        // each time.
        (
            "Residents were angry. “Nobody asked us,” said one. “We read it in the paper,” said another.",
            "We read it in the paper,",
            "direct",
            Some("another"),
            Some("another"),
            Some("said"),
        ),
        (
            "“It will flood,” said one resident. Yet another said, “It never has.”",
            "It never has.",
            "direct",
            Some("another"),
            Some("another"),
            Some("said"),
        ),
        (
            "One resident said: “The harbour is ruined.” Another added: “Nobody asked us.”",
            "Nobody asked us.",
            "direct",
            Some("Another"),
            Some("Another"),
            Some("added"),
        ),
        // "it" is one body, not one named only in the plural.
        (
            "The airline said sorry. Other airlines were hit too. “We are sorry,” it said.",
            "We are sorry,",
            "direct",
            Some("The airline"),
            Some("it"),
            Some("said"),
        ),
        // A headline's bare noun between the quotation and its present-tense verb speaks;
        // the noun is no cue of its own.
        (
            "Harbour walls 'not fit for purpose', report warns\n\nBy Anna Lee",
            "not fit for purpose",
            "partial",
            Some("report"),
            Some("report"),
            Some("warns"),
        ),
        (
            "'Not fit for purpose': watchdog condemns rail timetable\n\nBy Anna Lee",
            "Not fit for purpose",
            "direct",
            Some("watchdog"),
            Some("watchdog"),
            Some("condemns"),
        ),
        // A name inside a fronted phrase is not the sentence's subject, which a pronoun
        // after it refers to.
        (
            "Club owner Felix Ward said nothing was off the table. Asked about Ward's comments, Mara Lind smiled. “He signs the cheques,” she said.",
            "He signs the cheques,",
            "direct",
            Some("Mara Lind"),
            Some("she"),
            Some("said"),
        ),
        // Modifiers between an inverted cue and the speaker.
        (
            "“They are wrong,” said 9/11 widow Terry Strada.",
            "They are wrong,",
            "direct",
            Some("Terry Strada"),
            Some("widow Terry Strada"),
            Some("said"),
        ),
        // A title-cased quote after the name of a kind of work is its title.
        (
            "Anna Lee wrote about the flood in her memoir “The Salt Years” last spring.",
            "The Salt Years",
            "scare",
            None,
            None,
            None,
        ),
        // A conjunction after a partial quote opens a new clause: its cue is not the
        // quote's, and a cue before ", but" does not frame what follows it.
        (
            "Ravi Menon said the video did not give “absolute evidence,” but he said the footage “supports what we heard” about it.",
            "absolute evidence,",
            "partial",
            Some("Ravi Menon"),
            Some("Ravi Menon"),
            Some("said"),
        ),
        (
            "Ravi Menon said the video did not give “absolute evidence,” but he said the footage “supports what we heard” about it.",
            "supports what we heard",
            "partial",
            Some("Ravi Menon"),
            Some("he"),
            Some("said"),
        ),
        // A subordinate clause after a quote is no attribution.
        (
            "The ad shows Ravi Menon saying, “That makes me smart,” when Anna Lee criticised him.",
            "That makes me smart,",
            "direct",
            Some("Ravi Menon"),
            Some("Ravi Menon"),
            Some("saying"),
        ),
        // Coordinated quotes share an attribution.
        (
            "Anna Lee has gone after Ravi Menon as a “human leech” and a “spoiled brat.”",
            "spoiled brat.",
            "partial",
            Some("Anna Lee"),
            Some("Anna Lee"),
            None,
        ),
        // A capitalised quote that is a sentence of its own is speech, not a title; it
        // continues the speaker of the quote before it in the paragraph.
        (
            "“We are not a burden,” the mayor added. “We're America.”",
            "We're America.",
            "direct",
            Some("the mayor"),
            Some("the mayor"),
            Some("added"),
        ),
        // A title-cased name after a possessive is a name, not speech.
        (
            "Ravi Menon and his wife are under house arrest at Menon's “Blue House” compound, a source said.",
            "Blue House",
            "scare",
            None,
            None,
            None,
        ),
        // A given name of several words joins the full name; a headline's verb ends a name.
        (
            "Donald Lee Is Right, Says Paper\nTe Kaurinui Robert Parata carves whale bone. “Our ancestors would not hug the whales,” says Te Kaurinui.",
            "Our ancestors would not hug the whales,",
            "direct",
            Some("Te Kaurinui Robert Parata"),
            Some("Te Kaurinui"),
            Some("says"),
        ),
        // A bare surname shared by two people names the one introduced first.
        (
            "Hori Parata has rescued whales for fifty years. His son, Kauri Parata, carves.\nBut for Parata the deaths are personal. “We need to listen,” Parata said.",
            "We need to listen,",
            "direct",
            Some("Hori Parata"),
            Some("Parata"),
            Some("said"),
        ),
        // A document quoted through an evidence cue.
        (
            "Parents sent a letter to the board. “Our children are thriving,” the letter reads.",
            "Our children are thriving,",
            "direct",
            Some("a letter"),
            Some("the letter"),
            Some("reads"),
        ),
        // A heading's one quoted word that the writer's words continue is a label.
        (
            "Whales on the beach\n‘Unprecedented’ strandings\nNovember was the worst month on record.",
            "Unprecedented",
            "scare",
            None,
            None,
            None,
        ),
        // A first name alone after the full name is the same person.
        (
            "Edwin Sallow runs the shop. His sister Anna Sallow writes. “It is a good shop,” Edwin said.",
            "It is a good shop,",
            "direct",
            Some("Edwin Sallow"),
            Some("Edwin"),
            Some("said"),
        ),
        // A body reports: evidence cue inverted before an organisation.
        (
            "Anna Lee leads by five points. This is “roughly the same advantage she has held all month,” reported Reuters.",
            "roughly the same advantage she has held all month,",
            "partial",
            Some("Reuters"),
            Some("Reuters"),
            Some("reported"),
        ),
        // A cue word inside a mention is a noun; the framing verb's subject speaks.
        (
            "President Anna Lee said Kim’s mental state is “spiraling out of control.”",
            "spiraling out of control.",
            "partial",
            Some("Anna Lee"),
            Some("President Anna Lee"),
            Some("said"),
        ),
        // "said it was": the pronoun is the reported clause's subject, not the speaker.
        (
            "Ravi Menon praised the bridge. The former mayor said it was “a mistake” to close it.",
            "a mistake",
            "partial",
            Some("The former mayor"),
            Some("The former mayor"),
            Some("said"),
        ),
        // The object of a preposition is no subject; the head before it speaks.
        (
            "Experts on North Korea said the test was “a provocation.”",
            "a provocation.",
            "partial",
            Some("Experts"),
            Some("Experts"),
            Some("said"),
        ),
        (
            "Protesters marching through the streets chanted “What curfew?” and kept going.",
            "What curfew?",
            "partial",
            Some("Protesters"),
            Some("Protesters"),
            Some("chanted"),
        ),
        (
            "“We will win,” said Anna Lee.",
            "We will win,",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("said"),
        ),
        (
            "“We will win,” Anna Lee said.",
            "We will win,",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("said"),
        ),
        (
            "Anna Lee said: “We will win.”",
            "We will win.",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("said"),
        ),
        (
            "Anna Lee, the mayor, said, “We will win.”",
            "We will win.",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("said"),
        ),
        (
            "“We will win,” according to Anna Lee.",
            "We will win,",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("according to"),
        ),
        (
            "Mayor Anna Lee spoke. “We will win,” she added.",
            "We will win,",
            "direct",
            Some("Anna Lee"),
            Some("she"),
            Some("added"),
        ),
        (
            "Anna Lee called the plan “a disaster” on Monday.",
            "a disaster",
            "partial",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("called"),
        ),
        (
            "The so-called “reform” failed.",
            "reform",
            "scare",
            None,
            None,
            None,
        ),
        (
            "Anna Lee: “We will win”",
            "We will win",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some(":"),
        ),
        (
            "She appeared on “The Morning Show With Ann” on Monday.",
            "The Morning Show With Ann",
            "scare",
            None,
            None,
            None,
        ),
        (
            "Rep. Robert C. “Bobby” Scott spoke.",
            "Bobby",
            "scare",
            None,
            None,
            None,
        ),
        (
            "Anna Lee spoke at length. She said:\n“We will win this time, and we will win again.”",
            "We will win this time, and we will win again.",
            "direct",
            Some("Anna Lee"),
            Some("She"),
            Some("said"),
        ),
        (
            "The stranding was described as “unprecedented” by locals.",
            "unprecedented",
            "scare",
            None,
            None,
            None,
        ),
        (
            "“It is over,” said Gov. Anna Lee (D-Va.) on Monday.",
            "It is over,",
            "direct",
            Some("Anna Lee"),
            Some("Gov. Anna Lee"),
            Some("said"),
        ),
        (
            "“It is over,” Anna Lee (D-Va.) said.",
            "It is over,",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("said"),
        ),
        (
            "Anna Lee admires the mayor as a “strong leader” these days.",
            "strong leader",
            "partial",
            Some("Anna Lee"),
            Some("Anna Lee"),
            None,
        ),
        (
            "The stranding was described as a “disaster” by locals.",
            "disaster",
            "scare",
            None,
            None,
            None,
        ),
        // Programme and spot titles: after an outlet's possessive, "on" or "titled".
        (
            "Anna Lee told MSNBC’s “Morning Joe” on Friday that she would run.",
            "Morning Joe",
            "scare",
            None,
            None,
            None,
        ),
        (
            "On “Face the Nation,” Anna Lee said the vote was close.",
            "Face the Nation,",
            "scare",
            None,
            None,
            None,
        ),
        (
            "The 30-second spot, titled “Arrogant,” features a report.",
            "Arrogant,",
            "scare",
            None,
            None,
            None,
        ),
        // A relative clause closed before the quote frames nothing in it.
        (
            "Another nurse, who asked not to be named, said she had been told to ‘stand aside’ by officers.",
            "stand aside",
            "partial",
            Some("Another nurse"),
            Some("Another nurse"),
            Some("said"),
        ),
        // A relative clause whose comma introduces the quote frames it.
        (
            "Then there was the radio host Tom Reyes, who lamented in an interview with a reporter, “We have spent 20 years demonizing the press.”",
            "We have spent 20 years demonizing the press.",
            "direct",
            Some("Tom Reyes"),
            Some("who"),
            Some("lamented"),
        ),
        // "he" is not Fiona: a first name tells the gender.
        (
            "“They promised us a new pier,” said Fiona MacLeod.\n\nHer husband, Ewan, was blunter. “It’s a scandal,” he said.",
            "It’s a scandal,",
            "direct",
            Some("Ewan"),
            Some("he"),
            Some("said"),
        ),
        // An epithet after a name is no one's speech.
        (
            "Lorenz, “the father of chaos,” started a revolution on the LGP-30.",
            "the father of chaos,",
            "scare",
            None,
            None,
            None,
        ),
        (
            "Lorenz, “the father of chaos”, started a revolution on the LGP-30.",
            "the father of chaos",
            "scare",
            None,
            None,
            None,
        ),
        // Verbs of instructing and of the manner of speaking introduce quotations.
        (
            "“Don’t get nervous,” instructed Milton Velez, the district supervisor.",
            "Don’t get nervous,",
            "direct",
            Some("Milton Velez"),
            Some("Milton Velez"),
            Some("instructed"),
        ),
        (
            "“Not again,” Anna Lee groaned.",
            "Not again,",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("groaned"),
        ),
        // "aimed at" names a target, not an intention.
        (
            "The low score Ireland received was due to the weakness of its “safety net” -- programs aimed at reducing poverty.",
            "safety net",
            "scare",
            None,
            None,
            None,
        ),
        // A programme's part or person: "broadcast of", "episode of", "host of".
        (
            "On this weekend’s broadcast of “Fox News Sunday,” Anna Lee said the vote was close.",
            "Fox News Sunday,",
            "scare",
            None,
            None,
            None,
        ),
        (
            "Anna Lee said on Tuesday’s episode of “The Morning Show” that she would run.",
            "The Morning Show",
            "scare",
            None,
            None,
            None,
        ),
        (
            "Tom Reyes, the author of “The Salt Years,” said the vote was close.",
            "The Salt Years,",
            "scare",
            None,
            None,
            None,
        ),
        // The mention a relative clause's quote rests on is the relative pronoun, which
        // stands for its antecedent.
        (
            "Guests included the singer Anna Lee, who joked, “I haven't seen it yet.”",
            "I haven't seen it yet.",
            "direct",
            Some("Anna Lee"),
            Some("who"),
            Some("joked"),
        ),
        (
            "She spoke to the city police department, which reported “2,521 shooting incidents” this year.",
            "2,521 shooting incidents",
            "partial",
            Some("the city police department"),
            Some("which"),
            Some("reported"),
        ),
        // A crowd answers; "back" and "when" after the cue keep it in the quote's sentence.
        (
            "Anna Lee asked the crowd a question. “Mexico!” the audience screamed back.",
            "Mexico!",
            "direct",
            Some("the audience"),
            Some("the audience"),
            Some("screamed"),
        ),
        (
            "Tom Reyes joked online. “Too forced?” He tweeted when Anna Lee ended the debate.",
            "Too forced?",
            "direct",
            Some("Tom Reyes"),
            Some("He"),
            Some("tweeted"),
        ),
        // A question's attribution with a listener after its verb.
        (
            "“You think I'm going to change?” Anna Lee asked reporters rhetorically.",
            "You think I'm going to change?",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("asked"),
        ),
        // A colon after a cue's listener or topic: the cue's subject speaks.
        (
            "Curt Reyes told WEEI: “I replied to the post. I didn't post that.”",
            "I replied to the post. I didn't post that.",
            "direct",
            Some("Curt Reyes"),
            Some("Curt Reyes"),
            Some("told"),
        ),
        (
            "Anna Lee added about Tom Reyes: “He feels sorry for him.”",
            "He feels sorry for him.",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("added"),
        ),
        // "“…,” agrees Michelle Stevens": more cues that may precede their speaker.
        (
            "“Our ideas of success are different,” agrees Michelle Stevens, 30, of Gainesville, Fla.",
            "Our ideas of success are different,",
            "direct",
            Some("Michelle Stevens"),
            Some("Michelle Stevens"),
            Some("agrees"),
        ),
        // Any finite speech verb inverts right after a quote that opens its sentence; not
        // a participle ("telling reporters") nor a verb inside the writer's sentence.
        (
            "“Silly boys,” scoffed Mara Lind, 22, who founded the group.",
            "Silly boys,",
            "direct",
            Some("Mara Lind"),
            Some("Mara Lind"),
            Some("scoffed"),
        ),
        (
            "Tom Reyes hailed the vote as “fantastic,” telling reporters he was pleased.",
            "fantastic,",
            "partial",
            Some("Tom Reyes"),
            Some("Tom Reyes"),
            Some("hailed"),
        ),
        (
            "Mara Lind, who starred in “Harbour,” posted the clip on Thursday.",
            "Harbour,",
            "partial",
            Some("Mara Lind"),
            Some("Mara Lind"),
            Some("posted"),
        ),
        // After an inverted cue the speaker is the head of adjacent mentions, and a cue
        // after a comma past the writer's clause has its speaker after it.
        (
            "“We are ready,” said Ohio State University professor Paul Beck.",
            "We are ready,",
            "direct",
            Some("Paul Beck"),
            Some("Ohio State University professor Paul Beck"),
            Some("said"),
        ),
        (
            "“It would embarrass Lind” if she lost by more, said analyst Tom Reyes.",
            "It would embarrass Lind",
            "direct",
            Some("Tom Reyes"),
            Some("analyst Tom Reyes"),
            Some("said"),
        ),
        (
            "“We are ready,” Tom Reyes, a former aide, said when asked how Lind reads the news.",
            "We are ready,",
            "direct",
            Some("Tom Reyes"),
            Some("Tom Reyes"),
            Some("said"),
        ),
        // A short quote that is a sentence of its own continues its speaker; a work's
        // title stays a title though it ends the sentence, even as one word.
        (
            "“It is taxing,” Tom Reyes said. “Big time.” For instance, the bus costs more.",
            "Big time.",
            "direct",
            Some("Tom Reyes"),
            Some("Tom Reyes"),
            Some("said"),
        ),
        (
            "Mara Lind said so in her 2012 book, “An Island Son.”",
            "An Island Son.",
            "scare",
            None,
            None,
            None,
        ),
        // A cue after a numbered name is its verb, not a count's noun.
        (
            "The union is clear. Local 100 says: “We will strike.”",
            "We will strike.",
            "direct",
            Some("Local"),
            Some("Local"),
            Some("says"),
        ),
        // A possessor's noun of saying before a colon names the speaker.
        (
            "Anna Lee's response: “We lost.”",
            "We lost.",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("response"),
        ),
        // "To quote X:", "In the words of X," name whose words follow, also after an
        // earlier speaker's quote.
        (
            "“Never let a good crisis go to waste,” Anna Lee said.\nTo quote the union leader Frances O'Grady: “If we can put a man on the moon, we can give people a day off.”",
            "If we can put a man on the moon, we can give people a day off.",
            "direct",
            Some("Frances O'Grady"),
            Some("the union leader Frances O'Grady"),
            Some("quote"),
        ),
        (
            "In the words of Mary Oliver, “Attention is the beginning of devotion.”",
            "Attention is the beginning of devotion.",
            "direct",
            Some("Mary Oliver"),
            Some("Mary Oliver"),
            Some("In the words of"),
        ),
        // In an exchange, an uncued question is the last questioner's and an uncued
        // answer the last answerer's; a speaker's own question after an answer continues.
        (
            EXCHANGE,
            "So when will it fall?",
            "direct",
            Some("one reporter"),
            Some("one reporter"),
            None,
        ),
        (
            EXCHANGE,
            "I'm not going to put a date on it.",
            "direct",
            Some("Andrew Cole"),
            Some("Cole"),
            None,
        ),
        (
            "“We have turned the corner,” Andrew Cole said.\n“Who would have thought it?”",
            "Who would have thought it?",
            "direct",
            Some("Andrew Cole"),
            Some("Andrew Cole"),
            None,
        ),
        // A partial quote inside its speaker's reported speech rests on the same cue, not
        // on a verb of the relative clause before it.
        (
            "A neighbour, who did not want to be named, said she had heard shouting “for about 20 minutes” before the police arrived.",
            "for about 20 minutes",
            "partial",
            Some("A neighbour"),
            Some("A neighbour"),
            Some("said"),
        ),
        // A speech cue between the partial quote and the sentence's first cue governs it:
        // its speaker said the words ...
        (
            "The council is debating how the city responds to the floods, with Councillor Rosa Diaz telling reporters she saw the plan as “a gamble.”",
            "a gamble.",
            "partial",
            Some("Rosa Diaz"),
            Some("Councillor Rosa Diaz"),
            Some("telling"),
        ),
        // ... but a report of someone's words keeps them theirs.
        (
            "Anna Lee said Tom Reyes called the plan “a disaster.”",
            "a disaster.",
            "partial",
            Some("Tom Reyes"),
            Some("Tom Reyes"),
            Some("called"),
        ),
        // A title's abbreviation stands for the noun a later descriptor uses.
        (
            "Gov. Teresa Halloran toured the damage on Monday.\n“Entire streets are just gone,” the governor told reporters.",
            "Entire streets are just gone,",
            "direct",
            Some("Teresa Halloran"),
            Some("the governor"),
            Some("told"),
        ),
        (
            "Prof. Tobias Wren was more cautious.\n“A nap is not a night's sleep,” the professor said.",
            "A nap is not a night's sleep,",
            "direct",
            Some("Tobias Wren"),
            Some("the professor"),
            Some("said"),
        ),
        // An age after a lone first name shows a person, whom "she" may be.
        (
            "Sheriff Dwayne Pettibone said two people died.\nJenna, 17, said she had come to help.\n“We still have walls,” she said.",
            "We still have walls,",
            "direct",
            Some("Jenna"),
            Some("she"),
            Some("said"),
        ),
        // A crowd's chant is nobody's; a subject's own chant is the subject's.
        (
            "Anna Lee took the stage to chants of “A-DA! A-DA!” and thanked the city.",
            "A-DA! A-DA!",
            "scare",
            None,
            None,
            None,
        ),
        (
            "Anna Lee spoke first. Her supporters responded with chants of “Four more years!”",
            "Four more years!",
            "partial",
            Some("Her supporters"),
            Some("Her supporters"),
            Some("responded"),
        ),
        // A sign's words are nobody's.
        (
            "“We lost everything,” Rosa Delgado said. A handwritten sign taped to the gym door read: “Pets welcome.”",
            "Pets welcome.",
            "scare",
            None,
            None,
            None,
        ),
        (
            "Anna Lee spoke first. Several held placards; one read “Not here, not ever”.",
            "Not here, not ever",
            "scare",
            None,
            None,
            None,
        ),
        // A body where someone works ends the person's name and is not what "the
        // company" means; nor is a body named once in passing.
        (
            "Shares in Calloway Foods fell.\nJonah Petrakis of Seaforth Capital said, “Give them a year.”",
            "Give them a year.",
            "direct",
            Some("Jonah Petrakis"),
            Some("Jonah Petrakis"),
            Some("said"),
        ),
        (
            "Calloway Foods cut its forecast. Calloway Foods shares fell.\n“The closures are sensible,” said Ruth Abernathy, an analyst at Greaves & Co. She cut her target.\nWhitfield spent two decades at rival Harmon Brands.\n“We owe them honesty,” the company said.",
            "We owe them honesty,",
            "direct",
            Some("Calloway Foods"),
            Some("the company"),
            Some("said"),
        ),
        // A place in a fronted phrase is no subject; "the younger" is no person.
        (
            "On a wet Tuesday in Hollins Ferry, Margit Koval stands on a crate. “That,” she says, “is why I am running.”",
            "That,",
            "direct",
            Some("Margit Koval"),
            Some("she"),
            Some("says"),
        ),
        (
            "Margit Koval spoke after her mother, Ilse Koval.\nIn her office, the younger Koval said, “I drove a neighbor to the hospital.”",
            "I drove a neighbor to the hospital.",
            "direct",
            Some("Margit Koval"),
            Some("Koval"),
            Some("said"),
        ),
        // An "I" inside the quote before the cue is the speaker's, not the writer's.
        (
            "Walt Harris rode out the storm.\n“It was the stupidest thing I ever did,” he said, “but also the smartest.”",
            "but also the smartest.",
            "direct",
            Some("Walt Harris"),
            Some("he"),
            Some("said"),
        ),
        // A fragment in lowercase that finishes the writer's sentence after an
        // attribution set off by commas is partial.
        (
            "Tomás Ferreira came to England in 1959. He jumped ship in Saltmarsh, he liked to say, ‘for a girl and a sandwich’, and married the girl.",
            "for a girl and a sandwich",
            "partial",
            Some("Tomás Ferreira"),
            Some("Tomás Ferreira"),
            None,
        ),
        // "his son" is the son introduced before.
        (
            "Tomás Ferreira died on Monday.\nHis son, Michael Ferreira, ran the yard with him.\nAna Ferreira spoke first.\nHe is survived by Ana and Michael and, his son said, ‘about four hundred boats’.",
            "about four hundred boats",
            "partial",
            Some("Michael Ferreira"),
            Some("his son"),
            Some("said"),
        ),
        // A lowercase fragment completing the writer's two words and auxiliary after a
        // parenthetical cue is partial.
        (
            "Anna Lee thanked the mayor.\nHe had, she said, “earned the right to be heard” on the budget.",
            "earned the right to be heard",
            "partial",
            Some("Anna Lee"),
            Some("she"),
            Some("said"),
        ),
        // A name inside a relative clause on the sentence's subject is no speaker.
        (
            "Anna Lee spoke on Monday.\nAnna, who is set to marry Rovers defender Tom Reyes, 29, next month, added: “I just want my mum there.”",
            "I just want my mum there.",
            "direct",
            Some("Anna Lee"),
            Some("Anna"),
            Some("added"),
        ),
        // A name before the colon after a verb or preposition is the object or topic of
        // the name opening the clause, which speaks.
        (
            "Anna Lee heckles Harbour Trust supporters: “You are being ridiculous.”\nThe crowd booed Anna Lee.",
            "You are being ridiculous.",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some(":"),
        ),
        (
            "Tom Reyes on Anna Lee Releasing Her Tax Returns: “I Think She Will.”\nTom Reyes spoke on Friday.",
            "I Think She Will.",
            "direct",
            Some("Tom Reyes"),
            Some("Tom Reyes"),
            Some(":"),
        ),
        // A short clause with no verb of saying, closed by a colon, introduces its
        // subject's words, also through an appositive.
        (
            "Gillian Marchetti spoke for the developer. “We listened,” she said.\nHer neighbour, the retired engineer Dennis Aldous, 77, put it more bluntly: “It is a filing cabinet with windows.”",
            "It is a filing cabinet with windows.",
            "direct",
            Some("Dennis Aldous"),
            Some("the retired engineer Dennis Aldous"),
            Some(":"),
        ),
        (
            "“I do not want to start over,” Anna Lee said.\nTom Reyes delivered a snappy retort: “No one is tearing this up.”",
            "No one is tearing this up.",
            "direct",
            Some("Tom Reyes"),
            Some("Tom Reyes"),
            Some(":"),
        ),
        (
            "“We listened,” Gillian Marchetti said.\nKasich resisted: “Governors do not have that power.”",
            "Governors do not have that power.",
            "direct",
            Some("Kasich"),
            Some("Kasich"),
            Some(":"),
        ),
        // "X was quoted as saying", "Y quoted X as saying": X's words.
        (
            "Tom Bellamy, the council leader, was quoted by the Harrowgate Courier as saying the council “cannot and will not” fund the deal.",
            "cannot and will not",
            "partial",
            Some("Tom Bellamy"),
            Some("Tom Bellamy"),
            Some("quoted by the Harrowgate Courier as saying"),
        ),
        (
            "State television quoted President Oleg Radu as saying that the country “will not be bullied.”",
            "will not be bullied.",
            "partial",
            Some("Oleg Radu"),
            Some("President Oleg Radu"),
            Some("quoted President Oleg Radu as saying"),
        ),
        // Titles after a work's noun or a verb of singing.
        (
            "Mara Lind, who writes the newsletter “Dark Patterns Weekly,” was unimpressed.",
            "Dark Patterns Weekly,",
            "scare",
            None,
            None,
            None,
        ),
        (
            "On the picket line, drivers sang “The Wheels Keep Turning” as buses sat idle.",
            "The Wheels Keep Turning",
            "scare",
            None,
            None,
            None,
        ),
        // "Det." does not end the sentence, and stands for the detective.
        (
            "Det. Sgt. Fiona Mulcahy said the search was continuing. “We need the public’s help,” the detective said.",
            "We need the public’s help,",
            "direct",
            Some("Fiona Mulcahy"),
            Some("the detective"),
            Some("said"),
        ),
        // A dateline of several words names no one; "Shares of" is no part of a name.
        (
            "PORT HADLEY — Orrin Labs unveiled Atlas on Tuesday. “It pays the bills,” said Mara Whitlock.\nShares of Orrin Labs rose 4 percent.\n“We will publish the results,” the company said.",
            "We will publish the results,",
            "direct",
            Some("Orrin Labs"),
            Some("the company"),
            Some("said"),
        ),
        // A count of time opening the sentence names no one.
        (
            "Al Sharpton spoke on Sunday.\nEight years ago, he backed Obama and said, “Nobody has ever done anything for us.”",
            "Nobody has ever done anything for us.",
            "direct",
            Some("Al Sharpton"),
            Some("he"),
            Some("said"),
        ),
        (
            "Anna Lee left the party.\nYears later, she said, “I never looked back.”",
            "I never looked back.",
            "direct",
            Some("Anna Lee"),
            Some("she"),
            Some("said"),
        ),
        // A role before "from" is the head of its phrase.
        (
            "The senator from Vermont said the system was “corrupt.”",
            "corrupt.",
            "partial",
            Some("The senator"),
            Some("The senator"),
            Some("said"),
        ),
        // A one-syllable cue doubles its consonant in the past tense.
        (
            "Tom Reyes dubbed Lind “the little senator” on Monday.",
            "the little senator",
            "partial",
            Some("Tom Reyes"),
            Some("Tom Reyes"),
            Some("dubbed"),
        ),
        // An appositive's participle and a manner adverb after the cue still close the
        // quote's sentence.
        (
            "“How are you today?” Mara Lind, a retired worker from the plant, said pleasantly into the phone.",
            "How are you today?",
            "direct",
            Some("Mara Lind"),
            Some("Mara Lind"),
            Some("said"),
        ),
        // A document issued by someone speaks for its issuer.
        (
            "In Washington, President Mara Lind released a statement condemning “a horrific attack.”",
            "a horrific attack.",
            "partial",
            Some("Mara Lind"),
            Some("President Mara Lind"),
            Some("condemning"),
        ),
        (
            "Her office put out a statement saying, “We are ready.”",
            "We are ready.",
            "direct",
            Some("Her office"),
            Some("Her office"),
            Some("saying"),
        ),
        (
            "A statement from the Harbour Board said “we are ready.”",
            "we are ready.",
            "partial",
            Some("Harbour Board"),
            Some("the Harbour Board"),
            Some("said"),
        ),
        // An age alone names a person; before a noun it is an adjective.
        (
            "“I am ready,” said the 46-year-old.",
            "I am ready,",
            "direct",
            Some("the 46-year-old"),
            Some("the 46-year-old"),
            Some("said"),
        ),
        (
            "“I am ready,” said 81-year-old Parker Eaton.",
            "I am ready,",
            "direct",
            Some("Parker Eaton"),
            Some("Parker Eaton"),
            Some("said"),
        ),
        // A retort: "shot back", "fired back".
        (
            "Tom Reyes interrupted again. “Anna wants to be a tough guy tonight,” Lee shot back.",
            "Anna wants to be a tough guy tonight,",
            "direct",
            Some("Lee"),
            Some("Lee"),
            Some("shot"),
        ),
        // A month's abbreviation is no name: "of Feb. 28 Anna Lee …".
        (
            "On the morning of Feb. 28 Anna Lee posted a quote an account named “harbourwatch” attributed to her.",
            "harbourwatch",
            "partial",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("posted"),
        ),
        // A place and its state between commas are no appositive name.
        (
            "Anna Lee, during a town hall meeting in Columbus, Ohio, said she was “going to close the pier,” while explaining the plan.",
            "going to close the pier,",
            "partial",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("said"),
        ),
        // A participle after the sentence's clause takes its subject, not a place in a
        // fronted phrase.
        (
            "Here in Carden, Anna Lee stepped up her campaign on the ferry, saying, “We will not give up.”",
            "We will not give up.",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("saying"),
        ),
        // A name after a cue and before its verb is the reported clause's subject; the
        // share of people before the cue speaks.
        (
            "However, many said Anna Lee was “justified” in keeping it private.",
            "justified",
            "partial",
            Some("many"),
            Some("many"),
            Some("said"),
        ),
        // A relative clause with a year before its cue; an appositive opened by "now";
        // a descriptor with a count after "of".
        (
            "Obama had a frosty relationship with Tom Clarke, now the Senate majority leader, who in 2010 said the goal was to make Obama a “one-term president.”",
            "one-term president.",
            "partial",
            Some("Tom Clarke"),
            Some("who"),
            Some("said"),
        ),
        (
            "When pressed on why the plan leaves out dads, the 34-year-old mother of three replied, “It's meant to benefit the mother.”",
            "It's meant to benefit the mother.",
            "direct",
            Some("the 34-year-old mother"),
            Some("the 34-year-old mother"),
            Some("replied"),
        ),
        // "as X put it" names whose words they are.
        (
            "The network, as Anna Lee put it in a statement in July, is “providing a perspective you won't get elsewhere.”",
            "providing a perspective you won't get elsewhere.",
            "partial",
            Some("Anna Lee"),
            Some("Anna Lee"),
            Some("put it"),
        ),
        // Before a colon intro, a fronted phrase's cue is not the sentence's.
        (
            "With party leaders worried about turnout, President Anna Lee is rolling out a new message: “It's about me.”",
            "It's about me.",
            "direct",
            Some("Anna Lee"),
            Some("President Anna Lee"),
            Some(":"),
        ),
        // An uncued quote right after a sentence whose subject is a named person (a
        // title in that sentence is no quotation) continues that person.
        (
            "“We will win,” Tom Clarke said.\nOn “Face the Nation,” Anna Lee named the young voters as a reason. “The younger people are sick of it.”",
            "The younger people are sick of it.",
            "direct",
            Some("Anna Lee"),
            Some("Anna Lee"),
            None,
        ),
        // ... even when reported speech closed the paragraph before (a quote after the
        // writer's words does not open its paragraph).
        (
            "Mayor Anna Lee spoke first.\nTwo people familiar with the talks said the state would pay.\nLee, asked whether she would run again, smiled. “Ask me next year.”",
            "Ask me next year.",
            "direct",
            Some("Anna Lee"),
            Some("Lee"),
            None,
        ),
        // A quotation inside the writer's clause keeps its cue when another follows.
        (
            "Anna Lee spoke. She says Trump represents the “same rigged system.” She adds, “What kind of genius loses a billion dollars?”",
            "same rigged system.",
            "partial",
            Some("Anna Lee"),
            Some("She"),
            Some("says"),
        ),
    ];

    #[test]
    fn words_counted_up_to_a_bound() {
        // (text, bound, count)
        let rows: &[(&str, usize, usize)] = &[
            ("", 6, 0),
            ("We will win", 6, 3),
            ("We will win", 2, 2),
            ("— 42 … it’s", 6, 2),
            ("one two three four five six seven", 6, 6),
            ("one two three four five six seven", 8, 7),
        ];
        for &(text, most, want) in rows {
            assert_eq!(words_in_up_to(text, most), want, "{text}");
        }
    }

    #[test]
    fn title_like_contents() {
        // (quote content, title-like)
        let rows: &[(&str, bool)] = &[
            ("The Steve Harvey Morning Show", true),
            ("Mostly False", true),
            ("“Lyin' Ted”", true),
            ("Trump Is Right", true),
            ("Lord of the Rings", true),
            ("Hamlet", false),
            ("", false),
            ("We will win", false),
            ("the Long Harbour", false),
            ("What I Said", false),
            ("I Said So", true),
            ("One Two Three Four Five Six Seven Eight", true),
            ("One Two Three Four Five Six Seven Eight Nine", false),
            ("One Two Three Four Five Six Seven Eight —", true),
            ("A — B", true),
        ];
        for &(content, want) in rows {
            assert_eq!(is_title_like(content), want, "{content}");
        }
    }

    #[test]
    fn attribution_patterns() {
        for &(text, quote, kind, speaker, mention, cue) in ROWS {
            let a = analyze(text).unwrap();
            let q = a
                .quotes
                .iter()
                .find(|q| q.span.text(text) == quote)
                .unwrap_or_else(|| panic!("no quote {quote:?} in {text:?}: {a:?}"));
            assert_eq!(q.kind.as_str(), kind, "kind in {text}");
            assert_eq!(
                q.speaker.map(|s| a.speakers[s].name.as_str()),
                speaker,
                "speaker in {text}"
            );
            assert_eq!(
                q.speaker_mention.map(|m| m.text(text)),
                mention,
                "mention in {text}"
            );
            assert_eq!(q.cue.map(|c| c.text(text)), cue, "cue in {text}");
        }
    }

    #[test]
    fn split_and_continued_quotes_share_a_speaker() {
        let text = "Anna Lee spoke on Monday.\n“We will win,” she said. “And we will win again.”\n“Then a third time.”";
        let a = analyze(text).unwrap();
        let names: Vec<Option<&str>> = a
            .quotes
            .iter()
            .map(|q| q.speaker.map(|s| a.speakers[s].name.as_str()))
            .collect();
        assert_eq!(names, vec![Some("Anna Lee"); 3]);
    }
}
