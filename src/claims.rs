//! Claims: the checkable statements of an article, who makes each, and how worth checking
//! it is.
//!
//! Input: the [`Doc`], its [`Entities`] (after attribution has bound pronouns), the
//! attributed [`Quote`]s, the reported speech found with no cue excluded
//! (`reported::find_reported(doc, ents, &[])`) and the speakers table of the pipeline in
//! `lib.rs`.
//! Output: [`Claim`]s ranked by check-worthiness (highest first), deduplicated, each with
//! its claimant (a speaker index, `None` for the publication itself), span, standalone
//! form, cue, type, reasons and stance. A claimant who never speaks in quotation marks
//! ("Trump's pledge to …") is added to the speakers table with `quote_count` 0.
//!
//! Candidates come from, in order of precedence: the sentences of direct quotations;
//! promise frames ("X promised to …", "X's pledge … to …") and sentence-initial participle
//! frames ("While admitting that …, X …"); reported speech found by the engine, then
//! reported speech with no cue excluded, which adds the frames whose cue a direct quote
//! used ("He argued that …");
//! and the writer's own sentences. Everything is lexical and deterministic: word lists for
//! numbers, dates, comparatives, hedges and opinion, no model.

use crate::attribute::subject_left_of;
use crate::entities::{Entities, MentionKind};
use crate::lexicon::{self, CueClass, Gender};
use crate::model::{Claim, ClaimType, Quote, QuoteKind, Reasons, Speaker, SpeakerKind, Stance};
use crate::reported::Reported;
use crate::span::Span;
use crate::text::{with_ascii_lowercase, with_lowercase, Doc, TokenKind};

/// A claim before typing, scoring and deduplication.
#[derive(Clone, Debug)]
struct Cand {
    span: Span,
    standalone: String,
    claimant: Option<usize>,
    cue: Option<Span>,
    cue_class: Option<CueClass>,
    promise: bool,
    stance: Stance,
    quote: Option<usize>,
}

impl Cand {
    /// A sentence or clause the writer asserts: no claimant, no cue.
    fn writer(span: Span, standalone: String) -> Cand {
        Cand {
            span,
            standalone,
            claimant: None,
            cue: None,
            cue_class: None,
            promise: false,
            stance: Stance::Asserts,
            quote: None,
        }
    }
}

/// The speakers table and the entity -> speaker map, grown when a claimant is new.
struct Claimants<'a> {
    ents: &'a Entities<'a>,
    speakers: &'a mut Vec<Speaker>,
    of_entity: &'a mut [Option<usize>],
    /// The inverse of `of_entity`: the (first) entity of each speaker.
    entity_of: Vec<Option<usize>>,
}

impl Claimants<'_> {
    fn speaker(&mut self, entity: usize) -> Option<usize> {
        if let Some(s) = self.of_entity.get(entity).copied().flatten() {
            return Some(s);
        }
        if entity >= self.ents.entities.len() {
            return None;
        }
        self.speakers.push(self.ents.speaker(entity));
        let s = self.speakers.len() - 1;
        if let Some(slot) = self.of_entity.get_mut(entity) {
            *slot = Some(s);
            self.link(s, entity);
        }
        Some(s)
    }

    fn link(&mut self, speaker: usize, entity: usize) {
        if self.entity_of.len() <= speaker {
            self.entity_of.resize(speaker + 1, None);
        }
        self.entity_of[speaker].get_or_insert(entity);
    }

    fn gender(&self, speaker: usize) -> Gender {
        self.entity_of
            .get(speaker)
            .copied()
            .flatten()
            .map(|e| self.ents.entities[e].gender)
            .unwrap_or(Gender::Unknown)
    }

    /// The name a standalone claim uses for a speaker: the short name of a person or
    /// body; `None` for unnamed sources ("officials").
    fn label(&self, speaker: Option<usize>) -> Option<(&str, Gender)> {
        let s = self.speakers.get(speaker?)?;
        if s.kind == SpeakerKind::Unnamed || s.short_name.is_empty() {
            return None;
        }
        Some((&s.short_name, self.gender(speaker?)))
    }

    /// [`Self::label`] for rewriting "he", "she", "his" and "her": "he" never stands for
    /// a body ("His deputy will run the company, Lumora said" is about a person), nor for
    /// a lowercase claimant of unknown gender ("photo", "transcript").
    fn third_person_label(&self, speaker: Option<usize>) -> Option<(&str, Gender)> {
        let (name, gender) = self.label(speaker)?;
        let body = self.speakers[speaker?].kind == SpeakerKind::Organization;
        let person_like = gender != Gender::Unknown || name.starts_with(char::is_uppercase);
        (!body && person_like).then_some((name, gender))
    }
}

/// Finds, scores and ranks the claims of a document. `speaker_of_entity` maps entity
/// indices to speaker indices; new claimants are appended to `speakers`.
pub fn find_claims(
    doc: &Doc,
    ents: &Entities,
    quotes: &[Quote],
    reported_all: &[Reported],
    speakers: &mut Vec<Speaker>,
    speaker_of_entity: &mut [Option<usize>],
) -> Vec<Claim> {
    let mut who = Claimants {
        ents,
        speakers,
        of_entity: speaker_of_entity,
        entity_of: Vec::new(),
    };
    for e in 0..who.of_entity.len() {
        if let Some(s) = who.of_entity[e] {
            who.link(s, e);
        }
    }
    let mut cands = Cands::default();
    // About one candidate for each sentence and each quotation.
    let room = doc.sentences.len() + quotes.len();
    cands.list.reserve(room);
    cands.spans.reserve(room);
    let text = doc.text;
    let mut cues = CueInfos(KeyTable::with_room(16));

    // 1. Direct quotations, one candidate per sentence. A quotation nested in another is
    // part of the outer one's sentences (quotes come in text order).
    let mut outer: Option<Span> = None;
    // (One buffer for every quotation's sentences.)
    let mut sentences = Vec::new();
    for (qi, q) in quotes.iter().enumerate() {
        if q.kind != QuoteKind::Direct || outer.is_some_and(|o| o.contains(q.span)) {
            continue;
        }
        outer = Some(q.span);
        let (class, promise) = cues.info(text, q.cue);
        let label = who.label(q.speaker);
        // Whom "him" means matters only when the quote is rewritten.
        let other = label.and_then(|_| other_person(doc, ents, q.span.start, &who, q.speaker));
        quote_sentences(doc, q.span, &mut sentences);
        for &s in &sentences {
            let raw = s.text(text);
            let standalone = match label {
                Some((name, _)) => rewrite_first_person(raw, name, other),
                None => raw.to_string(),
            };
            cands.push(Cand {
                span: s,
                standalone,
                claimant: q.speaker,
                cue: q.cue,
                cue_class: class,
                promise,
                stance: stance_of(class),
                quote: Some(qi),
            });
        }
    }

    // 2. Promise frames and sentence-initial participle frames.
    let sentence_facts = SentenceFacts::read(doc);
    for frame in frames(doc, ents, &mut who, &sentence_facts) {
        if !cands.overlaps(frame.span) {
            cands.push(frame);
        }
    }

    // 3. Reported speech: the engine's, then frames whose cue a direct quote used.
    let mut reported: Vec<(Span, Option<usize>, Span, Option<usize>)> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == QuoteKind::Indirect)
        .filter_map(|(i, q)| Some((q.span, q.speaker, q.cue?, Some(i))))
        .collect();
    reported.reserve(reported_all.len());
    for r in reported_all {
        let m = &ents.mentions[r.mention];
        let entity = match m.kind {
            MentionKind::Pronoun => m
                .entity
                .or_else(|| ents.resolve_pronoun(doc, r.mention, None)),
            _ => m.entity,
        };
        let speaker = entity.and_then(|e| who.speaker(e));
        reported.push((r.content, speaker, r.cue, None));
    }
    sort_by_number(&mut reported, |r| r.0.start as u128);
    for (content, speaker, cue, quote) in reported {
        if !is_proposition(text, cue, content) {
            continue;
        }
        let (class, promise) = cues.info(text, Some(cue));
        let (main, denied) = cut_tail(doc, content);
        let denied = denied.filter(|&d| !cands.overlaps(d));
        if cands.overlaps(main) && denied.is_none() {
            continue;
        }
        let main = if cands.overlaps(main) {
            Span::default()
        } else {
            main
        };
        let label = who.third_person_label(speaker);
        let mut push = |span: Span, stance: Stance| {
            let raw = strip_as_frame(span.text(text), text, cue);
            let standalone = match label {
                Some((name, g)) => rewrite_third_person(&raw, name, g),
                None => raw.into_owned(),
            };
            cands.push(Cand {
                span,
                standalone,
                claimant: speaker,
                cue: Some(cue),
                cue_class: class,
                promise,
                stance,
                quote,
            });
        };
        if !main.is_empty() && has_words(main.text(text), 3) {
            push(main, stance_of(class));
        }
        if let Some(d) = denied {
            push(d, Stance::Denies);
        }
    }

    // 4. The writer's own sentences.
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if sentence.is_empty() {
            continue;
        }
        let span = Span::new(
            doc.tokens[sentence.start].span().start,
            doc.tokens[sentence.end - 1].span().end,
        );
        if !is_writer_claim(doc, sentence.clone(), &sentence_facts.of[s]) {
            continue;
        }
        if cands.overlaps(span) {
            // "After the bridge closed in May, Mayor Anna Lee admitted that …": the
            // reported part is a candidate already; the writer's background clause is one too.
            let split = attributed_sentence(
                doc,
                ents,
                sentence.clone(),
                &sentence_facts,
                &mut who,
                false,
            );
            if let Some(split) = split {
                for c in split {
                    if c.claimant.is_none() && !cands.overlaps(c.span) {
                        cands.push(c);
                    }
                }
            }
            continue;
        }
        if let Some(split) =
            attributed_sentence(doc, ents, sentence.clone(), &sentence_facts, &mut who, true)
        {
            cands.extend(split);
            continue;
        }
        let raw = span.text(text);
        let standalone = resolve_leading_pronoun(doc, ents, sentence.start, raw, &who);
        cands.push(Cand::writer(span, standalone));
    }

    let mut cands = cands.list;
    for c in &mut cands {
        c.span = trim_clause_punct(text, c.span);
    }
    // In text order (stably): the claims come out in it for the deduplication. Sorting
    // candidates moves less than sorting claims; the word numbering they are read in
    // does not matter.
    sort_by_number(&mut cands, |c| c.span.start as u128);
    // Each candidate assessed (`None`: too short for a claim), with one buffer for the
    // words and one for the lowercased text serving all candidates. The deduplication's
    // word set of each claim is gathered in the same pass over its words: its numbers
    // in `set_words`, the range of each claim's in `sets`.
    let texts = Texts::new(cands.iter().map(|c| c.standalone.as_str()));
    let mut text_at = 0;
    let mut vocabulary = Vocabulary::new(&texts);
    // About one word in six bytes.
    let mut set_words: Vec<u32> = Vec::with_capacity(texts.raw.len() / 6);
    // Room for the words of any but a very long claim.
    let mut words = Vec::with_capacity(256);
    let mut lower = String::new();
    let mut marks = Marks {
        of_word: vec![0; texts.raw.len() / 12],
        mark: 0,
    };
    let assessed: Vec<_> = cands
        .iter()
        .map(|c| {
            let from = set_words.len();
            let words_at = text_at..text_at + c.standalone.len();
            text_at = words_at.end + 1;
            vocabulary.words_of(words_at, &mut words, &mut set_words);
            // At least three words with a letter or digit (`has_words`).
            if words.iter().filter(|&&w| w & CORE != 0).count() < 3 {
                set_words.truncate(from);
                return None;
            }
            let assessment = assess_words(
                &words,
                &c.standalone,
                c.span.text(text),
                c.cue_class,
                c.promise,
                &mut lower,
            );
            // The set is that of the claim as shown (`finish_owned`), which differs from
            // the words seen here only in the case of its first letter: lowercased again,
            // an ASCII letter comes back the same, another one may not.
            if starts_non_ascii(&c.standalone) {
                set_words.truncate(from);
                let shown = finish(&c.standalone);
                for piece in claim_pieces(&shown) {
                    let n = vocabulary.numbers.of_piece(piece);
                    if n != NOT_COUNTED {
                        set_words.push(n);
                    }
                }
            }
            let set = unique_set(&mut set_words, from, &mut marks);
            Some((assessment, set))
        })
        .collect();
    drop(words);
    let distinct_words = vocabulary.numbers.len();
    drop(vocabulary);
    let mut claims: Vec<(Claim, std::ops::Range<usize>)> = Vec::with_capacity(cands.len());
    claims.extend(cands.into_iter().zip(assessed).filter_map(|(c, assessed)| {
        let ((claim_type, check_worthiness, reasons), set) = assessed?;
        let claim = Claim {
            claimant: c.claimant,
            span: c.span,
            appearances: Vec::new(),
            standalone: finish_owned(c.standalone),
            cue: c.cue,
            claim_type,
            check_worthiness,
            reasons,
            stance: c.stance,
            quote: c.quote,
        };
        Some((claim, set))
    }));
    let mut claims = dedup(claims, &set_words, distinct_words);
    // Highest check-worthiness first (as `f32::total_cmp` orders them), then in text order.
    sort_by_number(&mut claims, |c| {
        let bits = c.check_worthiness.to_bits() as i32;
        let ascending = (bits ^ (((bits >> 31) as u32) >> 1) as i32) as u32 ^ 0x8000_0000;
        (!ascending as u128) << 64 | c.span.start as u128
    });
    claims
}

/// Sorts `v` stably by a number of at most 96 bits that `key` gives each element: the
/// numbers with their places are sorted as plain values (`sort::sort_values`, by insertion
/// when few), then the elements moved once. Nothing moves when they are in order.
fn sort_by_number<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    if v.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    let mut keys: Vec<u128> = v
        .iter()
        .enumerate()
        .map(|(i, x)| key(x) << 32 | i as u128)
        .collect();
    sort_numbers(&mut keys);
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(keys.iter().filter_map(|&k| slots[k as u32 as usize].take()));
}

/// Sorts distinct numbers: runs of 16 by insertion, then merged in pairs (no comparison
/// callback, as `sort::sort_values` has for more than 32).
fn sort_numbers(v: &mut Vec<u128>) {
    const RUN: usize = 16;
    let n = v.len();
    for run in v.chunks_mut(RUN) {
        crate::sort::sort_values(run);
    }
    if n <= RUN {
        return;
    }
    let mut from = std::mem::take(v);
    let mut to = vec![0; n];
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                if j >= end || (i < mid && from[i] < from[j]) {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    *v = from;
}

/// Whether reported content is a proposition rather than an object: a participle cue
/// ("emphasizing his willingness") needs "that" or an "as" frame before its content.
fn is_proposition(text: &str, cue: Span, content: Span) -> bool {
    // Compared without lowercasing: no other letter lowercases to an ASCII "i", "n",
    // "g", "t", "h" or "a" alone.
    if is_refusal(text, cue, content) {
        return false;
    }
    let cue_word = cue.text(text).as_bytes();
    let ing = cue_word.len() >= 3 && cue_word[cue_word.len() - 3..].eq_ignore_ascii_case(b"ing");
    if !ing || content.start < cue.end {
        return true;
    }
    let between = text.get(cue.end..content.start).unwrap_or("");
    between
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("that"))
        || content.text(text).contains(" as ")
}

/// "declined to be drawn", "refused to say how many": a refusal, which asserts nothing.
fn is_refusal(text: &str, cue: Span, content: Span) -> bool {
    let cue_word = cue.text(text).as_bytes();
    let refusal = [b"declin".as_slice(), b"refus"].iter().any(|stem| {
        cue_word.len() >= stem.len() && cue_word[..stem.len()].eq_ignore_ascii_case(stem)
    });
    refusal && content.text(text).starts_with("to ")
}

/// The span without trailing commas, semicolons, colons and dashes.
fn trim_clause_punct(text: &str, span: Span) -> Span {
    // Most spans end with a letter, a digit or a stop: one byte tells.
    if span.end > span.start
        && text
            .as_bytes()
            .get(span.end - 1)
            .is_some_and(|&b| b.is_ascii_graphic() && !matches!(b, b',' | b';' | b':'))
    {
        return span;
    }
    let inner = span.text(text);
    let kept = inner
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–'));
    if kept.is_empty() {
        span
    } else {
        Span::new(span.start, span.start + kept.len())
    }
}

/// The candidates found so far, with their spans in runs sorted by start, so that asking
/// whether a span is taken costs a binary search in each run, not a scan: a long article
/// has thousands. (The logarithmic method: a run for each bit of the count, largest
/// first; a new span is a run of one, merged with the runs it completes.)
#[derive(Default)]
struct Cands {
    list: Vec<Cand>,
    /// (start, end, reach): `reach` is the furthest end in the run up to the span.
    spans: Vec<(usize, usize, usize)>,
    /// Scratch space for merging runs.
    merged: Vec<(usize, usize, usize)>,
}

impl Cands {
    fn push(&mut self, c: Cand) {
        let n = self.spans.len();
        self.spans.push((c.span.start, c.span.end, c.span.end));
        self.list.push(c);
        // The runs after the new span's place: one of each size below the new run's.
        let run = 1 << n.trailing_ones();
        let from = n + 1 - run;
        let mut size = 1;
        while size < run {
            // The run of `size` ending at the end merges with the one before it.
            let (a, m) = (n + 1 - 2 * size, n + 1 - size);
            self.merged.clear();
            self.merged.extend_from_slice(&self.spans[a..m]);
            let (mut i, mut j, mut k) = (0, m, a);
            while i < size {
                if j <= n && self.spans[j].0 < self.merged[i].0 {
                    self.spans[k] = self.spans[j];
                    j += 1;
                } else {
                    self.spans[k] = self.merged[i];
                    i += 1;
                }
                k += 1;
            }
            size *= 2;
        }
        let mut reach = 0;
        for s in &mut self.spans[from..] {
            reach = reach.max(s.1);
            s.2 = reach;
        }
    }

    fn extend(&mut self, cs: impl IntoIterator<Item = Cand>) {
        for c in cs {
            self.push(c);
        }
    }

    /// Whether `span` overlaps a candidate: one that starts before its end reaches past
    /// its start.
    fn overlaps(&self, span: Span) -> bool {
        if span.is_empty() {
            return false;
        }
        let mut at = 0;
        let mut rest = self.spans.len();
        while rest != 0 {
            let size = 1 << (usize::BITS - 1 - rest.leading_zeros());
            let run = &self.spans[at..at + size];
            let i = run.partition_point(|s| s.0 < span.end);
            if i > 0 && run[i - 1].2 > span.start {
                return true;
            }
            at += size;
            rest -= size;
        }
        false
    }
}

/// Whether `s` has at least `n` words (runs of non-whitespace) with a letter or digit:
/// counting stops there, a long clause is not read to its end.
fn has_words(s: &str, n: usize) -> bool {
    // Byte by byte, a character that is not ASCII decoded where it stands: ASCII's
    // Unicode whitespace is six bytes, and its letters and digits are alphanumeric.
    let bytes = s.as_bytes();
    let mut count = 0;
    let mut alphanumeric = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (white, alnum, len) = if b.is_ascii() {
            (
                BYTE_KINDS[b as usize] & SPACE != 0,
                b.is_ascii_alphanumeric(),
                1,
            )
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), is_alphanumeric(c), c.len_utf8())
        };
        if white {
            count += alphanumeric as usize;
            if count >= n {
                return true;
            }
            alphanumeric = false;
        } else {
            alphanumeric |= alnum;
        }
        i += len;
    }
    count + alphanumeric as usize >= n
}

/// [`cue_info`] of each distinct cue text, found once: most cues are one of a few words
/// ("said").
struct CueInfos(KeyTable<(Option<CueClass>, bool)>);

impl CueInfos {
    fn info(&mut self, text: &str, cue: Option<Span>) -> (Option<CueClass>, bool) {
        let Some(span) = cue else {
            return (None, false);
        };
        let word = span.text(text).as_bytes();
        if word.is_empty() || word.len() > SHORT {
            return cue_info(text, cue);
        }
        let key = key_of(word);
        match self.0.find(key) {
            Ok(e) => self.0.entries[e].1,
            Err(slot) => {
                let info = cue_info(text, cue);
                self.0.insert_at(slot, key, info);
                info
            }
        }
    }
}

/// The cue's class and whether it is a promise, from the cue span's words.
fn cue_info(text: &str, cue: Option<Span>) -> (Option<CueClass>, bool) {
    let Some(cue) = cue else {
        return (None, false);
    };
    let mut class = None;
    let mut promise = false;
    for w in cue.text(text).split(|c: char| !c.is_alphabetic()) {
        if let Some(v) = lexicon::cue_verb(w) {
            class = Some(v.class);
            promise |= is_promise_lemma(v.lemma);
        } else if is_promise_noun(w) {
            class = Some(CueClass::Speech);
            promise = true;
        }
    }
    (class, promise)
}

fn is_promise_lemma(lemma: &str) -> bool {
    matches!(
        lemma,
        "promise" | "pledge" | "vow" | "swear" | "guarantee" | "commit" | "threaten"
    )
}

#[inline]
fn is_promise_noun(w: &str) -> bool {
    // Most words are ruled out by their first letter (lowercasing leaves an ASCII
    // first letter ASCII), here, where the call is inlined.
    if w.as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii() && !matches!(b, b'p' | b'P' | b'v' | b'V'))
    {
        return false;
    }
    is_promise_noun_past_initial(w)
}

/// [`is_promise_noun`] of a word its first letter did not rule out. (No letter but an
/// ASCII one lowercases to one of theirs: a word that is not ASCII is none of them.)
fn is_promise_noun_past_initial(w: &str) -> bool {
    w.is_ascii()
        && matches!(w.len(), 3 | 4 | 6..=8)
        && ["promise", "promises", "pledge", "pledges", "vow", "vows"]
            .iter()
            .any(|noun| w.eq_ignore_ascii_case(noun))
}

fn stance_of(class: Option<CueClass>) -> Stance {
    if class == Some(CueClass::Denial) {
        Stance::Denies
    } else {
        Stance::Asserts
    }
}

/// The sentences of a quotation's content, trailing commas dropped, in `out` (cleared
/// first).
fn quote_sentences(doc: &Doc, content: Span, out: &mut Vec<Span>) {
    // The tokens inside `content`: those starting in it, but a last one running past its
    // end (tokens do not overlap, so no other can).
    let mut toks = doc.tokens_within(content);
    if toks.end > toks.start && !content.contains(doc.tokens[toks.end - 1].span()) {
        toks.end -= 1;
    }
    out.clear();
    let mut start: Option<usize> = None;
    for i in toks.clone() {
        let t = doc.tokens[i];
        if start.is_none() {
            if t.kind == TokenKind::Punct || t.kind == TokenKind::QuoteMark {
                continue;
            }
            start = Some(i);
        }
        let w = doc.tok(i);
        let boundary = matches!(w.as_bytes(), b"." | b"!" | b"?" | b"\xE2\x80\xA6")
            && i + 1 < toks.end
            && doc
                .tok(i + 1)
                .chars()
                .next()
                .is_some_and(|c| !c.is_lowercase())
            && !(i > toks.start && is_abbrev(doc.tok(i - 1)));
        if boundary || i + 1 == toks.end {
            let s = start.take().unwrap_or(i);
            let mut e = i;
            while e > s && matches!(doc.tok(e), "," | ";" | ":" | "—" | "–" | "-") {
                e -= 1;
            }
            out.push(Span::new(
                doc.tokens[s].span().start,
                doc.tokens[e].span().end,
            ));
        }
    }
}

fn is_abbrev(w: &str) -> bool {
    crate::lexicon::in_class(w, crate::lexicon::CLAIM_ABBREVIATION)
        || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
}

/// Abbreviations whose period ends no sentence (`is_abbrev`).
pub(crate) const CLAIM_ABBREVIATIONS: &str = "
    Mr Mrs Ms Dr St Jr Sr Gen Sen Rep Gov Prof
";

/// The most recent person named before `at` (outside quotations, within a few
/// sentences) who is not the claimant: whom "him" in a quotation most likely means.
fn other_person<'e>(
    doc: &Doc,
    ents: &'e Entities,
    at: usize,
    who: &Claimants,
    claimant: Option<usize>,
) -> Option<&'e str> {
    let floor = at.saturating_sub(600);
    // Mentions are in text order and never overlap, so those ending by `at` and starting
    // after `floor` are one run, found by binary search rather than a scan of all.
    let end = ents.mentions_ending_by(at);
    let start = ents.mentions_starting_before(floor).min(end);
    let candidates = ents.mentions[start..end]
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .filter_map(|m| m.entity)
        .filter(|&e| {
            let ent = &ents.entities[e];
            ent.kind == SpeakerKind::Person
                && ent.evidence
                && (claimant.is_none() || who.of_entity.get(e).copied().flatten() != claimant)
                && ent.gender != Gender::Female
        });
    // Of the men named in reach, the one the article is most about; with two as much
    // talked about (the prosecutor and the defendant, in a defence lawyer's quote) "he"
    // could be either, and a wrong name would put words in someone's mouth.
    let (mut best, mut best_count, mut tied) = (None, 0, false);
    for e in candidates {
        let count = ents.entities[e].mentions.len();
        if Some(e) == best {
            continue;
        }
        if count > best_count {
            (best, best_count, tied) = (Some(e), count, false);
        } else if count == best_count {
            tied = true;
        }
    }
    best.filter(|_| !tied && !doc.text.is_empty())
        .map(|e| ents.entities[e].short_name.as_ref())
}

/// Splits a word into leading punctuation, core and trailing punctuation.
fn split_word(w: &str) -> (&str, &str, &str) {
    if w.is_ascii() {
        let b = w.as_bytes();
        let start = b
            .iter()
            .position(u8::is_ascii_alphanumeric)
            .unwrap_or(b.len());
        let end = b
            .iter()
            .rposition(u8::is_ascii_alphanumeric)
            .map_or(start, |i| i + 1)
            .max(start);
        return (&w[..start], &w[start..end], &w[end..]);
    }
    let core_start = w
        .char_indices()
        .find(|&(_, c)| is_alphanumeric(c))
        .map(|(i, _)| i)
        .unwrap_or(w.len());
    let core_end = w
        .char_indices()
        .rev()
        .find(|&(_, c)| is_alphanumeric(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(core_start)
        .max(core_start);
    (&w[..core_start], &w[core_start..core_end], &w[core_end..])
}

fn norm_apostrophe(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    push_norm_apostrophe(w, &mut out);
    out
}

/// Appends `w` lowercased with ’ as ' (`norm_apostrophe`): character by character
/// (`push_lowercase`), unless a capital sigma's lowercase depends on its place, as
/// `str::to_lowercase` writes it.
fn push_norm_apostrophe(w: &str, out: &mut String) {
    // 'Σ' is written 0xce 0xa3: the second byte, rare, is looked for first.
    if w.as_bytes().contains(&0xa3) && w.contains('Σ') {
        out.push_str(&crate::case::to_lowercase(&w.replace('’', "'")));
    } else {
        push_lowercase(w, out);
    }
}

/// `char::is_alphanumeric`, with ASCII and the General Punctuation block (curly quotes,
/// dashes, ellipsis: nothing alphanumeric) answered without the Unicode tables.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    (c as u32).wrapping_sub(0x2000) >= 0x70 && c.is_alphanumeric()
}

/// First person -> the speaker's name, with the verb agreeing: "I haven't talked to him"
/// -> "Putin hasn't talked to Trump".
fn rewrite_first_person(raw: &str, name: &str, other: Option<&str>) -> String {
    let mut after_subject = false;
    // After "I" any verb may need its third-person form ("I apologise" -> "Novak
    // apologises"), so, when the text has "I ", the word after a word "i" is read
    // whatever its initial; otherwise only the listed initials are.
    let after = raw.contains("I ").then_some("i");
    rewrite_words(raw, b"imhad", after, |_, _, lower| {
        let was_subject = after_subject;
        after_subject = false;
        // Matched as bytes: a decision tree, not a comparison with each word in turn.
        match lower.as_bytes() {
            b"i" => {
                after_subject = true;
                Some(name.to_string())
            }
            b"i'm" => Some(format!("{name} is")),
            b"i've" => Some(format!("{name} has")),
            b"i'll" => Some(format!("{name} will")),
            b"i'd" => Some(format!("{name} would")),
            b"me" | b"myself" => Some(name.to_string()),
            b"my" => Some(format!("{name}’s")),
            b"mine" => Some(format!("{name}’s")),
            b"him" | b"he" => other.map(str::to_string),
            b"his" => other.map(|o| format!("{o}’s")),
            b"am" if was_subject => Some("is".into()),
            b"have" if was_subject => Some("has".into()),
            b"haven't" if was_subject => Some("hasn’t".into()),
            b"do" if was_subject => Some("does".into()),
            b"don't" if was_subject => Some("doesn’t".into()),
            _ if was_subject && is_present_base_verb(lower) => Some(third_person(lower)),
            _ => None,
        }
    })
}

/// A verb's base form that "I" takes in the present: a cue verb's lemma ("think",
/// "believe", "apologise") or a common verb of stance. Past forms and modals are not.
fn is_present_base_verb(word: &str) -> bool {
    crate::lexicon::cue_verb(word).is_some_and(|v| v.lemma == word)
        || matches!(
            word,
            "want"
                | "need"
                | "like"
                | "love"
                | "hate"
                | "see"
                | "support"
                | "oppose"
                | "accept"
                | "regret"
                | "apologise"
                | "apologize"
                | "pick"
                | "choose"
                | "mean"
                | "understand"
        )
}

/// The third-person singular of a base verb: "think" -> "thinks", "worry" -> "worries",
/// "wish" -> "wishes".
fn third_person(verb: &str) -> String {
    if let Some(stem) = verb
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{stem}ies")
    } else if verb.ends_with(['s', 'x', 'o']) || verb.ends_with("sh") || verb.ends_with("ch") {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    }
}

/// Third person pronouns of a reported claim -> the claimant's name, when the gender
/// fits: "he would be open to talks" -> "Putin would be open to talks".
fn rewrite_third_person(raw: &str, name: &str, gender: Gender) -> String {
    let male = gender != Gender::Female;
    let female = gender != Gender::Male;
    rewrite_words(raw, b"hs", None, |trail, rest, lower| {
        // The next word starts with a letter.
        let next_is_word = || {
            trail.is_empty()
                && rest
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
        };
        // Matched as bytes: a decision tree, not a comparison with each word in turn.
        match lower.as_bytes() {
            b"he" | b"him" | b"himself" if male => Some(name.to_string()),
            b"she" | b"herself" if female => Some(name.to_string()),
            b"her" if female && next_is_word() => Some(format!("{name}’s")),
            b"her" if female => Some(name.to_string()),
            b"his" if male => Some(format!("{name}’s")),
            b"he's" if male => Some(format!("{name} is")),
            b"she's" if female => Some(format!("{name} is")),
            b"he'll" if male => Some(format!("{name} will")),
            b"she'll" if female => Some(format!("{name} will")),
            b"he'd" if male => Some(format!("{name} would")),
            b"she'd" if female => Some(format!("{name} would")),
            _ => None,
        }
    })
}

/// Rewrites `raw` word by word: `replace(trail, rest, lowercase_core)` gives the new core
/// of a word (its leading and trailing punctuation kept) or `None` to keep the word;
/// `rest` is the text after the word. Words are joined by single spaces.
///
/// `initials` are the lowercase first letters (ASCII) of every word `replace` rewrites,
/// except the word right after one whose lowercase core is `after`: a word starting with
/// another ASCII letter or digit is passed as "", with "" for `trail` and `rest` (never
/// rewritten), without being lowercased.
fn rewrite_words(
    raw: &str,
    initials: &[u8],
    after: Option<&str>,
    mut replace: impl FnMut(&str, &str, &str) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(raw.len() + 16);
    let bytes = raw.as_bytes();
    // The initials as bits, one per ASCII byte: a word is passed by after one test.
    let wanted = initials
        .iter()
        .fold(0u128, |bits, &b| bits | 1 << (b & 0x7f));
    // `raw[from..]` up to the word read is written as it is, unless a word in it is
    // rewritten or words are not one space apart: copied in runs, not word by word.
    let mut from = 0;
    let mut at = 0;
    let mut read_next = false;
    let mut previous_end = None;
    while let Some(word) = whitespace_word(raw, &mut at) {
        match previous_end {
            None => from = word.start,
            Some(end) if word.start == end + 1 && bytes[end] == b' ' => {}
            Some(end) => {
                out.push_str(&raw[from..end]);
                out.push(' ');
                from = word.start;
            }
        }
        previous_end = Some(word.end);
        let initial = bytes[word.start];
        if !read_next
            && initial.is_ascii_alphanumeric()
            && wanted & 1 << initial.to_ascii_lowercase() == 0
        {
            // (`rest` is read only for a word that may be rewritten.)
            let kept = replace("", "", "");
            debug_assert!(kept.is_none());
            continue;
        }
        let w = &raw[word.clone()];
        let rest = &raw[word.end..];
        let (lead, core, trail) = split_word(w);
        let mut read = |lower: &str| {
            read_next = after == Some(lower);
            replace(trail, rest, lower)
        };
        // An ASCII core is lowercased on the stack (`norm_word` would allocate).
        let replaced = if core.is_ascii() {
            with_ascii_lowercase(core, read)
        } else {
            read(&norm_word(core))
        };
        if let Some(r) = replaced {
            let core_start = word.start + lead.len();
            out.push_str(&raw[from..core_start]);
            out.push_str(&r);
            from = core_start + core.len();
        }
    }
    if let Some(end) = previous_end {
        out.push_str(&raw[from..end]);
    }
    out
}

/// The top bit of each byte of `chunk` that is not printable ASCII: below '!' (the byte's
/// low seven bits plus 0x5f stay below 0x80) or above 0x7f, that is whitespace, a control
/// character or part of a character that is not ASCII.
#[inline]
fn not_printable(chunk: u64) -> u64 {
    (!((chunk & 0x7f7f_7f7f_7f7f_7f7f) + 0x5f5f_5f5f_5f5f_5f5f) | chunk) & 0x8080_8080_8080_8080
}

/// The byte range of the next word (as `split_whitespace` splits) of `s[*at..]`; `*at`
/// moves past it.
fn whitespace_word(s: &str, at: &mut usize) -> Option<std::ops::Range<usize>> {
    let bytes = s.as_bytes();
    // Whether the character at `i` is whitespace, and its length: ASCII by a table.
    let space = |i: usize| match bytes[i] {
        b if b.is_ascii() => (BYTE_KINDS[b as usize] & SPACE != 0, 1),
        _ => {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        }
    };
    let mut i = *at;
    loop {
        if i >= bytes.len() {
            *at = i;
            return None;
        }
        let (white, len) = space(i);
        if !white {
            break;
        }
        i += len;
    }
    let start = i;
    // Eight bytes at a time while they are printable ASCII (`Texts::next_word`).
    while i + 8 <= bytes.len() {
        let chunk: [u8; 8] = bytes[i..i + 8].try_into().unwrap_or([0; 8]);
        let chunk = u64::from_le_bytes(chunk);
        let other = not_printable(chunk);
        i += other.trailing_zeros() as usize / 8;
        if other != 0 {
            break;
        }
    }
    while i < bytes.len() {
        let (white, len) = space(i);
        if white {
            break;
        }
        i += len;
    }
    *at = i;
    Some(start..i)
}

/// "describing the nation as “hardly dependent”" -> "the nation is hardly dependent".
/// (`raw` itself, not a copy, when there is no such frame: the caller may rewrite it.)
fn strip_as_frame<'r>(raw: &'r str, text: &str, cue: Span) -> std::borrow::Cow<'r, str> {
    let describes = with_lowercase(cue.text(text), |cue_word| {
        ["describ", "call", "label", "characteri", "brand", "dub"]
            .iter()
            .any(|p| cue_word.starts_with(p))
    });
    if describes {
        if let Some(i) = raw.find(" as ") {
            let (a, b) = (&raw[..i], &raw[i + 4..]);
            if !has_words(a, 5) && has_words(b, 1) {
                return format!("{a} is {b}").into();
            }
        }
    }
    raw.into()
}

/// Cuts reported content before a participle clause or a second cue verb ("… and
/// downplayed …"); a denial participle ("rejecting claims that X") yields X as a denied
/// claim.
fn cut_tail(doc: &Doc, content: Span) -> (Span, Option<Span>) {
    let within = doc.tokens_within(content);
    // The tokens read: within the content, outside quotations.
    let kept = |i: usize| content.contains(doc.tokens[i].span()) && doc.tokens[i].quote().is_none();
    let next_kept = |from: usize| (from..within.end).find(|&i| kept(i));
    for i in within.clone() {
        let w = doc.tok(i);
        // Only a comma or "and" cuts.
        if w != "," && w != "and" || !kept(i) {
            continue;
        }
        // The token read before `i`, looked for only here: most tokens are neither.
        let before = (within.start..i).rev().find(|&b| kept(b));
        let Some(j) = next_kept(i + 1) else { break };
        let nw = doc.tok(j);
        let participle = w == ","
            && nw.len() > 5
            && nw.ends_with("ing")
            && nw.chars().next().is_some_and(char::is_lowercase);
        let after_comma = before.is_some_and(|b| doc.tok(b) == ",");
        let second_cue = w == "and"
            && doc.cue(j).is_some_and(|v| v.class != CueClass::Belief)
            && !nw.ends_with("ing")
            && (nw.ends_with("ed") || after_comma);
        if participle || second_cue {
            let cut = match before {
                Some(b) if after_comma && !participle => b,
                _ => i,
            };
            let main = Span::new(content.start, doc.tokens[cut].span().start).trim(doc.text);
            let denied = (participle && doc.cue(j).is_some_and(|v| v.class == CueClass::Denial))
                .then(|| {
                    // Skip "claims that", "suggestions that", "that": a "that" among the
                    // four tokens from `j`, and the content from the token after it.
                    let mut k = j;
                    for _ in 0..4 {
                        if doc.tok(k).eq_ignore_ascii_case("that") {
                            let from = next_kept(k + 1)?;
                            return Some(
                                Span::new(doc.tokens[from].span().start, content.end)
                                    .trim(doc.text),
                            );
                        }
                        k = next_kept(k + 1)?;
                    }
                    None
                })
                .flatten();
            return (main, denied);
        }
    }
    (content, None)
}

/// The end (exclusive token index) of the clause that starts at `from`: the next comma,
/// semicolon or dash outside quotations, or the sentence end, without final stops.
fn clause_end(doc: &Doc, from: usize, sentence_end: usize) -> usize {
    let mut k = from;
    while k < sentence_end {
        let t = doc.tokens[k];
        if t.quote().is_none() && matches!(doc.tok(k), "," | ";" | "—" | "–" | ":") {
            break;
        }
        k += 1;
    }
    while k > from
        && doc.tokens[k - 1].kind == TokenKind::Punct
        && doc.tokens[k - 1].quote().is_none()
    {
        k -= 1;
    }
    k
}

fn tokens_span(doc: &Doc, from: usize, to: usize) -> Span {
    Span::new(doc.tokens[from].span().start, doc.tokens[to - 1].span().end)
}

/// The entity a mention refers to, pronouns resolved.
fn entity_of(doc: &Doc, ents: &Entities, m: usize) -> Option<usize> {
    let mention = &ents.mentions[m];
    match mention.kind {
        MentionKind::Pronoun => mention
            .entity
            .or_else(|| ents.resolve_pronoun(doc, m, None)),
        _ => mention.entity,
    }
}

/// The owner of a possessive word before token `k` ("Trump’s … pledge"): a person entity
/// whose short name is the word.
fn possessive_owner(doc: &Doc, ents: &Entities, k: usize, floor: usize) -> Option<usize> {
    for j in (floor..k).rev().take(3) {
        if doc.tokens[j].quote().is_some() {
            return None;
        }
        let w = doc.tok(j);
        let lower = norm_apostrophe(w);
        if matches!(lower.as_str(), "his" | "her") {
            let m = ents.mention_at(j)?;
            return entity_of(doc, ents, m);
        }
        if let Some(stem) = w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")) {
            if let Some(m) = ents.mention_at(j) {
                let mention = &ents.mentions[m];
                if mention.kind == MentionKind::Name {
                    return mention.entity;
                }
            }
            return ents.entities.iter().position(|e| {
                e.kind == SpeakerKind::Person && (e.short_name == stem || e.name == stem)
            });
        }
    }
    None
}

/// What the candidate passes ask of each sentence's tokens, read in one pass over them:
/// the frames, the writer's sentences and their attributions each scanned every token.
struct SentenceFacts {
    of: Vec<SentenceFact>,
    /// The tokens outside quotations that may start a frame or an attribution: words that
    /// are cue verbs or promise nouns, in text order.
    starts: Vec<u32>,
}

#[derive(Clone, Copy, Default)]
struct SentenceFact {
    /// Tokens that are not punctuation.
    words: u32,
    /// Tokens inside quotations.
    quoted: u32,
    /// A token outside quotations is "I", "we", "me", "us", "my" or "our"
    /// (`is_writer_claim`).
    first_person: bool,
    /// A token outside quotations is "according" in any case (`attributed_sentence`).
    according: bool,
    /// The sentence's range of `SentenceFacts::starts`.
    starts: (u32, u32),
}

impl SentenceFacts {
    fn read(doc: &Doc) -> SentenceFacts {
        let mut of = Vec::with_capacity(doc.sentences.len());
        // (About one cue verb a sentence.)
        let mut starts = Vec::with_capacity(doc.sentences.len());
        for sentence in &doc.sentences {
            let mut fact = SentenceFact {
                starts: (starts.len() as u32, 0),
                ..SentenceFact::default()
            };
            for (k, t) in sentence.clone().zip(&doc.tokens[sentence.clone()]) {
                fact.words += (t.kind != TokenKind::Punct) as u32;
                if t.quote().is_some() {
                    fact.quoted += 1;
                    continue;
                }
                // (Each word looked for below is a word token.)
                if t.kind != TokenKind::Word {
                    continue;
                }
                // Only a token of at most three bytes (its span's length) can be a
                // first-person pronoun, and only one of nine "according".
                match t.span().len() {
                    0..=3 => {
                        fact.first_person |= matches!(
                            doc.tok(k).as_bytes(),
                            b"I" | b"we" | b"We" | b"me" | b"us" | b"my" | b"our" | b"Our"
                        )
                    }
                    9 => fact.according |= doc.tok(k).eq_ignore_ascii_case("according"),
                    _ => {}
                }
                // A promise noun's first byte is read in the text: most words are ruled
                // out by it (`is_promise_noun`).
                let initial = doc.text.as_bytes()[t.span().start];
                if doc.cue(k).is_some()
                    || (!initial.is_ascii() || matches!(initial, b'p' | b'P' | b'v' | b'V'))
                        && is_promise_noun_past_initial(doc.tok(k))
                {
                    starts.push(k as u32);
                }
            }
            fact.starts.1 = starts.len() as u32;
            of.push(fact);
        }
        SentenceFacts { of, starts }
    }

    /// The frame starts (`starts`) of sentence `s`.
    fn starts_of(&self, s: usize) -> impl Iterator<Item = usize> + '_ {
        let (from, to) = self.of[s].starts;
        self.starts[from as usize..to as usize]
            .iter()
            .map(|&k| k as usize)
    }
}

/// Promise frames ("X promised to V", "X's pledge … to V") and sentence-initial
/// participle frames ("While admitting that C, X …").
fn frames(doc: &Doc, ents: &Entities, who: &mut Claimants, facts: &SentenceFacts) -> Vec<Cand> {
    let mut out = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        // Every frame starts at a cue verb or a promise noun.
        for k in facts.starts_of(s) {
            let verb = doc.cue(k);
            frame_at(doc, ents, who, k, sentence.clone(), verb, &mut out);
        }
    }
    out
}

/// The frame [`frames`] finds at token `k` of `sentence`, a cue verb (`verb`) or a
/// promise noun, if any, pushed to `out`.
#[inline(never)]
fn frame_at(
    doc: &Doc,
    ents: &Entities,
    who: &mut Claimants,
    k: usize,
    sentence: std::ops::Range<usize>,
    verb: Option<lexicon::CueVerb>,
    out: &mut Vec<Cand>,
) {
    let text = doc.text;
    let (s0, s1) = (sentence.start, sentence.end);
    let t = &doc.tokens[k];
    let w = doc.tok(k);
    let to_follows = k + 2 < s1
        && doc.tok(k + 1) == "to"
        && doc
            .tok(k + 2)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    // X promised to V.
    if to_follows
        && verb.is_some_and(|v| is_promise_lemma(v.lemma))
        && !(k > s0 && matches!(doc.tok(k - 1), "the" | "a" | "his" | "her" | "campaign"))
    {
        let subject = subject_left_of(doc, ents, k, s0);
        let entity = subject.and_then(|m| entity_of(doc, ents, m));
        let end = clause_end(doc, k + 2, s1);
        if let (Some(e), true) = (entity, end > k + 2) {
            let speaker = who.speaker(e);
            let content = tokens_span(doc, k + 2, end);
            let name = who.label(speaker).map(|l| l.0);
            out.push(promise_cand(doc, content, speaker, name, t.span()));
        }
        return;
    }
    // X's pledge (during …) to V.
    if is_promise_noun(w) {
        if let Some(e) = possessive_owner(doc, ents, k, s0) {
            let to = (k + 1..s1.min(k + 10))
                .take_while(|&j| doc.tokens[j].quote().is_none() && doc.tok(j) != ",")
                .find(|&j| {
                    doc.tok(j) == "to"
                        && j + 1 < s1
                        && doc
                            .tok(j + 1)
                            .chars()
                            .next()
                            .is_some_and(char::is_lowercase)
                });
            if let Some(to) = to {
                let end = clause_end(doc, to + 1, s1);
                if end > to + 1 {
                    let speaker = who.speaker(e);
                    let name = who.label(speaker).map(|l| l.0);
                    let content = tokens_span(doc, to + 1, end);
                    out.push(promise_cand(doc, content, speaker, name, t.span()));
                }
            }
        }
        return;
    }
    // While admitting that C, X …
    let initial = k == s0
        || (k == s0 + 1
            && matches!(
                doc.tok(s0),
                "While" | "After" | "Before" | "Despite" | "Though" | "Although"
            ));
    if initial
        && w.ends_with("ing")
        && verb.is_some_and(|v| v.class != CueClass::Evidence)
        && k + 1 < s1
        && doc.tok(k + 1).eq_ignore_ascii_case("that")
    {
        let end = clause_end(doc, k + 2, s1);
        if end <= k + 2 || end >= s1 || doc.tok(end) != "," {
            return;
        }
        let subject = ents
            .mentions
            .iter()
            .position(|m| {
                m.tokens.start > end
                    && m.tokens.start < s1
                    && !m.possessive
                    && m.kind != MentionKind::Descriptor
            })
            .filter(|&m| ents.mentions[m].tokens.start <= end + 2);
        let Some(e) = subject.and_then(|m| entity_of(doc, ents, m)) else {
            return;
        };
        let speaker = who.speaker(e);
        let content = tokens_span(doc, k + 2, end);
        let raw = content.text(text);
        let standalone = match who.third_person_label(speaker) {
            Some((name, g)) => rewrite_third_person(raw, name, g),
            None => raw.to_string(),
        };
        let class = verb.map(|v| v.class);
        out.push(Cand {
            span: content,
            standalone,
            claimant: speaker,
            cue: Some(t.span()),
            cue_class: class,
            promise: false,
            stance: stance_of(class),
            quote: None,
        });
    }
}

fn promise_cand(
    doc: &Doc,
    content: Span,
    speaker: Option<usize>,
    name: Option<&str>,
    cue: Span,
) -> Cand {
    let raw = content.text(doc.text);
    let standalone = match name {
        Some(n) => format!("{n} will {raw}"),
        None => format!("will {raw}"),
    };
    Cand {
        span: content,
        standalone,
        claimant: speaker,
        cue: Some(cue),
        cue_class: Some(CueClass::Speech),
        promise: true,
        stance: Stance::Asserts,
        quote: None,
    }
}

/// Whether a sentence of the writer's may carry a claim: long enough, not a byline,
/// credit, link or embed line, not mostly quotation. `fact` is its [`SentenceFact`].
fn is_writer_claim(doc: &Doc, sentence: std::ops::Range<usize>, fact: &SentenceFact) -> bool {
    let (words, quoted) = (fact.words as usize, fact.quoted as usize);
    if words < 5 || quoted * 10 > words * 3 {
        return false;
    }
    let first = doc.tok(sentence.start);
    if matches!(first, "—" | "–" | "-" | "|" | "©") {
        return false;
    }
    let span = Span::new(
        doc.tokens[sentence.start].span().start,
        doc.tokens[sentence.end - 1].span().end,
    );
    let s = span.text(doc.text);
    // The writer speaking as "we"/"I" ("Five things we learned") states no fact.
    !(fact.first_person || s.contains("http") || s.contains("www.") || s.contains('@'))
}

/// A sentence the engine left unattributed that still names its source: "X said that C"
/// with content the engine's reported-speech patterns refuse ("said that in addition to
/// …"), "BACKGROUND, he admitted C", "C, according to SOURCE". Returns the source's
/// claim and, when long enough, the writer's own clause before the attribution. Without
/// `claimed` the caller keeps only claims without a claimant: the standalone form of a
/// claimant's "he admitted C" is left empty (its speaker is still added).
fn attributed_sentence(
    doc: &Doc,
    ents: &Entities,
    sentence: std::ops::Range<usize>,
    facts: &SentenceFacts,
    who: &mut Claimants,
    claimed: bool,
) -> Option<Vec<Cand>> {
    let (s0, s1) = (sentence.start, sentence.end);
    let text = doc.text;
    let words = |a: usize, b: usize| {
        (a..b)
            .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
            .count()
    };
    let writer = |a: usize, b: usize| -> Option<Cand> {
        let mut b = b;
        while b > a && doc.tokens[b - 1].kind == TokenKind::Punct {
            b -= 1;
        }
        (b > a && words(a, b) >= 5).then(|| {
            let span = tokens_span(doc, a, b);
            Cand::writer(span, span.text(text).to_string())
        })
    };
    let fact = &facts.of[doc.tokens[s0].sentence()];
    // C, according to SOURCE.
    for a in (s0 + 1..s1.saturating_sub(2)).filter(|_| fact.according) {
        let t = &doc.tokens[a];
        // Only a token of nine bytes can be "according".
        if t.span().len() != 9
            || t.quote().is_some()
            || !doc.tok(a).eq_ignore_ascii_case("according")
            || doc.tok(a + 1) != "to"
        {
            continue;
        }
        let src_end = clause_end(doc, a + 2, s1);
        if src_end <= a + 2 || words(a + 2, src_end) > 8 {
            return None;
        }
        let speaker = match ents
            .mention_at(a + 2)
            .filter(|&m| ents.mentions[m].kind == MentionKind::Name)
            .and_then(|m| entity_of(doc, ents, m))
        {
            Some(e) => who.speaker(e),
            None => {
                let name = tokens_span(doc, a + 2, src_end).text(text);
                let name = name
                    .strip_prefix("the ")
                    .or_else(|| name.strip_prefix("The "))
                    .unwrap_or(name);
                who.speakers.push(Speaker {
                    name: name.to_string(),
                    short_name: name.to_string(),
                    role: None,
                    kind: SpeakerKind::Unnamed,
                    mentions: vec![tokens_span(doc, a + 2, src_end)],
                    quote_count: 0,
                });
                Some(who.speakers.len() - 1)
            }
        };
        let mut cand = writer(s0, a)?;
        cand.claimant = speaker;
        cand.cue = Some(tokens_span(doc, a, a + 2));
        cand.cue_class = Some(CueClass::Speech);
        return Some(vec![cand]);
    }
    // [BACKGROUND,] SUBJECT CUE [that] C: the cue is a frame start.
    for k in facts.starts_of(doc.tokens[s0].sentence()) {
        let t = doc.tokens[k];
        if k == s0 {
            continue;
        }
        let Some(verb) = doc.cue(k) else {
            continue;
        };
        if verb.class == CueClass::Evidence
            || !crate::reported::is_reporting_cue(doc, k)
            || matches!(doc.tok(k - 1), "of")
        {
            continue;
        }
        let Some(m) = subject_left_of(doc, ents, k, s0) else {
            continue;
        };
        let mention = &ents.mentions[m];
        if mention.tokens.end != k {
            continue;
        }
        let Some(e) = entity_of(doc, ents, m) else {
            continue;
        };
        let mut c = k + 1;
        let complementizer = c < s1 && doc.tok(c).eq_ignore_ascii_case("that");
        if complementizer {
            c += 1;
        }
        // What the reported-speech patterns refuse as no proposition stays refused: a
        // thing added ("Declan Rice added a late third") and a circumstance ("Man charged
        // after woman found injured").
        let object_or_circumstance = !complementizer
            && c < s1
            && (verb.lemma == "add"
                && (matches!(doc.tok(c), "a" | "an" | "another")
                    || doc.tokens[c].kind == TokenKind::Number)
                || crate::lexicon::in_class(doc.tok(c), crate::lexicon::ADVERBIAL_PREPOSITION));
        if object_or_circumstance {
            continue;
        }
        let mut end = s1;
        while end > c && doc.tokens[end - 1].kind == TokenKind::Punct {
            end -= 1;
        }
        if end <= c || words(c, end) < 4 {
            return None;
        }
        let content = tokens_span(doc, c, end);
        if is_refusal(text, t.span(), content) {
            return None;
        }
        let speaker = who.speaker(e);
        let raw = content.text(text);
        let standalone = match who.third_person_label(speaker) {
            _ if !claimed && speaker.is_some() => String::new(),
            Some((name, g)) => rewrite_third_person(raw, name, g),
            None => raw.to_string(),
        };
        let mut out = vec![Cand {
            span: content,
            standalone,
            claimant: speaker,
            cue: Some(t.span()),
            cue_class: Some(verb.class),
            promise: is_promise_lemma(verb.lemma),
            stance: stance_of(Some(verb.class)),
            quote: None,
        }];
        let before = mention.tokens.start;
        if before > s0 {
            // "After nine churchgoers were killed in June, he admitted …"
            let from = if matches!(
                doc.tok(s0),
                "After" | "Before" | "When" | "While" | "As" | "Since"
            ) {
                s0 + 1
            } else {
                s0
            };
            out.extend(writer(from, before));
        }
        return Some(out);
    }
    None
}

/// Prepositions that open an adverbial phrase (`attributed_sentence`).
pub(crate) const ADVERBIAL_PREPOSITIONS: &str = "
    after before with over against for during amid
";

/// "He argued …" at the start of a writer's sentence -> the resolved name.
fn resolve_leading_pronoun(
    doc: &Doc,
    ents: &Entities,
    first: usize,
    raw: &str,
    who: &Claimants,
) -> String {
    let Some(m) = ents.mention_at(first) else {
        return raw.to_string();
    };
    let mention = &ents.mentions[m];
    if mention.kind != MentionKind::Pronoun || mention.tokens.start != first {
        return raw.to_string();
    }
    let Some(e) = entity_of(doc, ents, m) else {
        return raw.to_string();
    };
    if ents.entities[e].kind != SpeakerKind::Person {
        return raw.to_string();
    }
    let name = &ents.entities[e].short_name;
    let _ = who;
    let word = doc.tok(first);
    let replacement = match norm_apostrophe(word).as_str() {
        "his" | "her" | "its" | "their" => format!("{name}’s"),
        _ => name.to_string(),
    };
    format!("{replacement}{}", &raw[word.len().min(raw.len())..])
        .trim()
        .to_string()
}

/// [`finish`] in place when the first letter's capital is as long as it (any ASCII
/// letter): no new string.
fn finish_owned(mut s: String) -> String {
    // Most claims need no trimming: their first and last bytes tell.
    if let (Some(&first), Some(&last)) = (s.as_bytes().first(), s.as_bytes().last()) {
        if first.is_ascii_graphic()
            && last.is_ascii_graphic()
            && !matches!(last, b',' | b';' | b':')
        {
            s[..1].make_ascii_uppercase();
            return s;
        }
    }
    // `kept` is a slice of `s` from `start`: its position, to cut `s` down to it.
    let trimmed = s.trim_start();
    let start = s.len() - trimmed.len();
    let kept = trimmed
        .trim_end()
        .trim_end_matches([',', ';', ':', '—', '–'])
        .trim_end();
    if !kept.as_bytes().first().is_some_and(u8::is_ascii) {
        return finish(&s);
    }
    let end = start + kept.len();
    s.truncate(end);
    if start > 0 {
        s.drain(..start);
    }
    s[..1].make_ascii_uppercase();
    s
}

/// Capitalises the first letter and drops a trailing comma.
fn finish(s: &str) -> String {
    let s = s
        .trim()
        .trim_end_matches([',', ';', ':', '—', '–'])
        .trim_end();
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => {
            let mut out = String::with_capacity(s.len() + 2);
            out.extend(crate::case::upper_char(c));
            out.push_str(chars.as_str());
            out
        }
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------------------
// Typing and check-worthiness.

const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "half",
    "percent",
    "per",
    "twice",
    "triple",
    "double",
    "doubled",
    "tripled",
    "zero",
];
const DATE_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "ago",
    "decade",
    "decades",
    "century",
    "years",
    "months",
    "weeks",
    "year",
    "month",
    "week",
    "since",
];
const COMPARATIVES: &[&str] = &[
    "more",
    "less",
    "fewer",
    "than",
    "greater",
    "higher",
    "lower",
    "bigger",
    "smaller",
    "larger",
    "stronger",
    "weaker",
    "better",
    "worse",
    "faster",
    "slower",
    "richer",
    "poorer",
    "older",
    "younger",
    "cheaper",
    "increase",
    "increased",
    "increases",
    "decrease",
    "decreased",
    "rise",
    "rose",
    "risen",
    "rising",
    "fell",
    "fallen",
    "grown",
    "growing",
    "grew",
    "improved",
    "improving",
    "declined",
    "declining",
    "compared",
    "dropped",
    "surged",
];
const SUPERLATIVES: &[&str] = &[
    "best",
    "worst",
    "largest",
    "biggest",
    "highest",
    "lowest",
    "greatest",
    "deadliest",
    "strongest",
    "weakest",
    "richest",
    "poorest",
    "fastest",
    "oldest",
    "youngest",
    "longest",
    "first",
    "record",
    "ever",
];
const CAUSAL_WORDS: &[&str] = &[
    "because",
    "due",
    "cause",
    "caused",
    "causes",
    "causing",
    "led",
    "leads",
    "result",
    "resulted",
    "responsible",
    "blamed",
    "prompted",
    "therefore",
    "thanks",
    "consequence",
    "triggered",
];
const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "perhaps",
    "possibly",
    "probably",
    "likely",
    "unlikely",
    "reportedly",
    "allegedly",
    "apparently",
    "seem",
    "seems",
    "seemed",
    "appear",
    "appears",
    "appeared",
    "maybe",
    "believe",
    "believes",
    "think",
    "thinks",
    "suspect",
];
const OPINION_WORDS: &[&str] = &[
    "must",
    "should",
    "ought",
    "need",
    "needs",
    "good",
    "bad",
    "great",
    "terrible",
    "wonderful",
    "heroically",
    "heroic",
    "disaster",
    "disastrous",
    "shameful",
    "ready",
    "sure",
    "hope",
    "hopes",
    "wish",
    "proud",
    "legitimate",
    "important",
    "wrong",
    "distressing",
    "frustrated",
    "frustrating",
    "fan",
    "outstanding",
    "beautiful",
    "awful",
    "fair",
    "unfair",
    "ridiculous",
    "shame",
    "love",
    "hate",
    "feel",
    "feels",
    "blunders",
    "ugly",
    "frustration",
    "frustrations",
    "excellent",
    "amazing",
    "horrible",
    "stupid",
    "brilliant",
    "fantastic",
    "incredible",
    "disgraceful",
    "unacceptable",
];
const FUTURE_WORDS: &[&str] = &[
    "will", "would", "'ll", "shall", "going", "expected", "expects", "plans", "intends", "next",
    "future", "coming", "could",
];

// Bits of `word_lists`: the word lists above a word is on. They are also bits of
// `word_facts`, as are the single words listed with them in `word_lists`.
const NUMBER: u64 = 1;
const DATE: u64 = 1 << 1;
const COMPARATIVE: u64 = 1 << 2;
const SUPERLATIVE: u64 = 1 << 3;
const CAUSAL: u64 = 1 << 4;
const HEDGE: u64 = 1 << 5;
const OPINION: u64 = 1 << 6;
const FUTURE: u64 = 1 << 7;

/// The word lists a normalised word is on, and which of the single words the assessment
/// asks about it is, as bits: one table lookup instead of a scan of each list and a
/// string comparison with each word.
fn word_lists(w: &[u8]) -> u64 {
    if w.is_empty() || w.len() > SHORT {
        // No listed word is longer.
        return 0;
    }
    word_lists_of_key(key_of(w))
}

/// The word lists and the single words [`word_lists`] answers for, with their bits.
const LISTS: [(&[&str], u64); 16] = [
    (NUMBER_WORDS, NUMBER),
    (DATE_WORDS, DATE),
    (COMPARATIVES, COMPARATIVE),
    (SUPERLATIVES, SUPERLATIVE),
    (CAUSAL_WORDS, CAUSAL),
    (HEDGES, HEDGE),
    (OPINION_WORDS, OPINION),
    (FUTURE_WORDS, FUTURE),
    (&["more", "less", "fewer"], MORE_OR_LESS),
    (&["than"], THAN),
    (&["declined", "declines", "decline"], DECLINE),
    (&["to"], TO),
    (&["last"], LAST),
    (&["majority", "minority", "average", "rate"], QUANTITY),
    (&["most"], MOST),
    (&["the"], THE),
];

/// The words of [`LISTS`] by `short_key` with their bits, and a 4096-bit filter of them
/// (`listed_bit`): a word whose bit is clear, as most are, is on none, told without
/// looking it up.
struct Listed {
    filter: [u64; 64],
    table: KeyTable<u64>,
}

/// The bit of [`Listed::filter`] for a word's `short_key`.
fn listed_bit(key: u128) -> usize {
    ((key as u64 ^ ((key >> 64) as u64).rotate_left(32)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52)
        as usize
}

/// [`word_lists`] of a word as its `short_key`.
#[inline]
fn word_lists_of_key(key: u128) -> u64 {
    static LISTED: std::sync::OnceLock<Listed> = std::sync::OnceLock::new();
    let listed = LISTED.get_or_init(|| {
        let mut listed = Listed {
            filter: [0; 64],
            table: KeyTable::with_room(256),
        };
        for (list, bit) in LISTS {
            for w in list {
                let key = key_of(w.as_bytes());
                let b = listed_bit(key);
                listed.filter[b / 64] |= 1 << (b % 64);
                match listed.table.find(key) {
                    Ok(e) => listed.table.entries[e].1 |= bit,
                    Err(slot) => listed.table.insert_at(slot, key, bit),
                }
            }
        }
        listed
    });
    let b = listed_bit(key);
    if listed.filter[b / 64] & 1 << (b % 64) == 0 {
        return 0;
    }
    match listed.table.find(key) {
        Ok(e) => listed.table.entries[e].1,
        Err(_) => 0,
    }
}

/// A word's core lowercased with ’ as ' (`norm_apostrophe`), borrowed when it already is.
fn norm_word(core: &str) -> std::borrow::Cow<'_, str> {
    if core
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(core)
    } else if core.is_ascii() {
        std::borrow::Cow::Owned(core.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Owned(norm_apostrophe(core))
    }
}

/// Phrases that mark a claim, looked for in its lowercased text (`phrases_in`); the
/// constants below are their indices.
const PHRASES: [&str; 9] = [
    "recent years",
    "the most ",
    "the least ",
    "as a result",
    "don't know",
    "not sure",
    "i think",
    "of course",
    "going to",
];
const RECENT_YEARS: usize = 0;
const THE_MOST: usize = 1;
const THE_LEAST: usize = 2;
const AS_A_RESULT: usize = 3;
const DONT_KNOW: usize = 4;
const NOT_SURE: usize = 5;
const I_THINK: usize = 6;
const OF_COURSE: usize = 7;
const GOING_TO: usize = 8;

/// Which of `PHRASES` occur in `s` (bit i: `PHRASES[i]`), in one pass over it instead of
/// one substring search per phrase.
fn phrases_in(s: &[u8]) -> u16 {
    let mut found = 0;
    let mut check = |i: usize, k: usize| {
        let phrase = PHRASES[k].as_bytes();
        // The second byte rules out almost every start before a full comparison.
        if s.get(i + 1) == phrase.get(1) && s[i..].starts_with(phrase) {
            found |= 1 << k;
        }
    };
    for (i, &b) in s.iter().enumerate() {
        // Only a phrase's first letter can start it.
        match b {
            b'r' => check(i, RECENT_YEARS),
            b't' => {
                check(i, THE_MOST);
                check(i, THE_LEAST);
            }
            b'a' => check(i, AS_A_RESULT),
            b'd' => check(i, DONT_KNOW),
            b'n' => check(i, NOT_SURE),
            b'i' => check(i, I_THINK),
            b'o' => check(i, OF_COURSE),
            b'g' => check(i, GOING_TO),
            _ => {}
        }
    }
    found
}

/// Type, check-worthiness and reasons of a claim, from its standalone form and source
/// text, the cue's class and whether the cue is a promise.
#[cfg(test)]
pub(crate) fn assess(
    standalone: &str,
    source: &str,
    cue_class: Option<CueClass>,
    promise: bool,
) -> (ClaimType, f32, Reasons) {
    let mut words = Vec::new();
    let texts = Texts::new([standalone].into_iter());
    Vocabulary::new(&texts).words_of(0..standalone.len(), &mut words, &mut Vec::new());
    assess_words(
        &words,
        standalone,
        source,
        cue_class,
        promise,
        &mut String::new(),
    )
}

// Bits of `word_facts` above the `word_lists` bits: what the assessment asks of a
// word, answered once per distinct written word.
/// The core (`split_word`) has a letter or digit.
const CORE: u64 = 1 << 8;
/// A digit that is not a year, or a number word: a "number".
const NUMERIC: u64 = 1 << 9;
/// A digit or a number word: "more than *four* years".
const COUNT: u64 = 1 << 10;
/// A year, or a date word ("may" and "march" only written with a capital M).
const DATED: u64 = 1 << 11;
/// Capitalised and not "I", a capitalised function word, a pronoun, a title or a date
/// word: a name, after the first word.
const NAME: u64 = 1 << 12;
/// [`NAME`] of more than one character: a name as the first word too.
const NAME_FIRST: u64 = 1 << 13;
const MORE_OR_LESS: u64 = 1 << 14;
const THAN: u64 = 1 << 15;
const DECLINE: u64 = 1 << 16;
const TO: u64 = 1 << 17;
const LAST: u64 = 1 << 18;
/// "majority", "minority", "average", "rate".
const QUANTITY: u64 = 1 << 19;
const MOST: u64 = 1 << 20;
const THE: u64 = 1 << 21;
/// Longer than five letters, ending in "ier" but not "lier": "wealthier", not "earlier".
const IER: u64 = 1 << 22;
const PERCENT: u64 = 1 << 23;
/// The written word ends with '?'.
const QUESTION: u64 = 1 << 24;
/// Bit `PHRASE_START + k`: the word lowercased ends with the first word of `PHRASES[k]`;
/// bit `PHRASE_END + k`: it starts with its last word.
const PHRASE_START: u32 = 32;
const PHRASE_END: u32 = 48;

/// The first and last words of each of `PHRASES`: a phrase can be in a text only if a
/// word of it ends with the one and a word starts with the other.
const PHRASE_WORDS: [(&str, &str); 9] = [
    ("recent", "years"),
    ("the", "most"),
    ("the", "least"),
    ("as", "result"),
    ("don't", "know"),
    ("not", "sure"),
    ("i", "think"),
    ("of", "course"),
    ("going", "to"),
];

/// For each byte, the phrases (bit k: `PHRASE_WORDS[k]`) whose first word ends with it
/// (`last` false) or whose last word starts with it (`last` true): most words are ruled
/// out by one lookup.
const fn phrase_bytes(last: bool) -> [u16; 256] {
    let mut table = [0u16; 256];
    let mut k = 0;
    while k < PHRASE_WORDS.len() {
        let b = if last {
            PHRASE_WORDS[k].1.as_bytes()[0]
        } else {
            let w = PHRASE_WORDS[k].0.as_bytes();
            w[w.len() - 1]
        };
        table[b as usize] |= 1 << k;
        k += 1;
    }
    table
}
static PHRASE_FIRST_ENDS: [u16; 256] = phrase_bytes(false);
static PHRASE_LAST_STARTS: [u16; 256] = phrase_bytes(true);

/// What [`assess_words`] needs of a written word (`raw`), as bits: its `word_lists`
/// (`lists`, of `norm`), its `phrase_facts` (`phrases`) and the bits above. `core` is its
/// core (`split_word`), `norm` the core lowercased with ’ as ' (`norm_word`); `digit` and
/// `percent` say whether it has an ASCII digit and a '%'.
#[inline(always)]
fn word_facts(
    raw: &[u8],
    core: &str,
    norm: &[u8],
    phrases: u64,
    digit: bool,
    percent: bool,
    lists: u64,
) -> u64 {
    let mut facts = phrases;
    if percent {
        facts |= PERCENT;
    }
    if raw.last() == Some(&b'?') {
        facts |= QUESTION;
    }
    if core.is_empty() {
        return facts;
    }
    facts |= lists | CORE;
    let year = digit && is_year(norm);
    if digit && !year || lists & NUMBER != 0 {
        facts |= NUMERIC;
    }
    if digit || lists & NUMBER != 0 {
        facts |= COUNT;
    }
    if year
        || (lists & DATE != 0 && (raw.first() == Some(&b'M') || !matches!(norm, b"may" | b"march")))
    {
        facts |= DATED;
    }
    if norm.len() > 5 && norm.ends_with(b"ier") && !norm.ends_with(b"lier") {
        facts |= IER;
    }
    // An ASCII first letter is read as a byte.
    let first = core.as_bytes()[0];
    let capital = if first.is_ascii() {
        first.is_ascii_uppercase()
    } else {
        core.chars().next().is_some_and(char::is_uppercase)
    };
    let name = capital
        && core != "I"
        && lists & DATE == 0
        && !matches!(
            core.as_bytes(),
            b"He"
                | b"She"
                | b"It"
                | b"We"
                | b"They"
                | b"Our"
                | b"You"
                | b"Your"
                | b"My"
                | b"His"
                | b"Her"
                | b"Their"
                | b"Its"
                | b"If"
                | b"Any"
                | b"Mr"
                | b"Mrs"
                | b"Ms"
        )
        && !lexicon::is_capitalized_function_word(core);
    if name {
        facts |= NAME;
        if core.len() > 1 && (first.is_ascii() || core.chars().nth(1).is_some()) {
            facts |= NAME_FIRST;
        }
    }
    facts
}

/// The `PHRASE_START` and `PHRASE_END` bits of a word lowercased (`push_lowercase`).
fn phrase_facts(l: &[u8]) -> u64 {
    let (Some(&first), Some(&last)) = (l.first(), l.last()) else {
        return 0;
    };
    // Of the phrases `candidates` names, those whose first word the word ends with, or
    // whose last word it starts with.
    let matching = |mut candidates: u16, first_word: bool| {
        let mut bits = 0u64;
        while candidates != 0 {
            let k = candidates.trailing_zeros();
            candidates &= candidates - 1;
            let (first, last) = PHRASE_WORDS[k as usize];
            // Compared byte by byte: the words are a few bytes, a `memcmp` call costs more.
            let hit = if first_word {
                let w = first.as_bytes();
                l.len() >= w.len() && l.iter().rev().zip(w.iter().rev()).all(|(a, b)| a == b)
            } else {
                let w = last.as_bytes();
                l.len() >= w.len() && l.iter().zip(w).all(|(a, b)| a == b)
            };
            bits |= u64::from(hit) << k;
        }
        bits
    };
    matching(PHRASE_FIRST_ENDS[last as usize], true) << PHRASE_START
        | matching(PHRASE_LAST_STARTS[first as usize], false) << PHRASE_END
}

/// A word of at most eight bytes as an integer, its bytes little-endian.
const fn packed(w: &str) -> u64 {
    let bytes = w.as_bytes();
    let mut x = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        x |= (bytes[i] as u64) << (8 * i);
        i += 1;
    }
    x
}

/// `PHRASE_WORDS` packed (`packed`), with their lengths.
static PHRASE_PACKED: [(u64, usize, u64, usize); 9] = {
    let mut out = [(0, 0, 0, 0); 9];
    let mut k = 0;
    while k < PHRASE_WORDS.len() {
        let (first, last) = PHRASE_WORDS[k];
        out[k] = (packed(first), first.len(), packed(last), last.len());
        k += 1;
    }
    out
};

/// [`phrase_facts`] of a word of ASCII letters and digits lowercased, given as its
/// `short_key` (`len` bytes): the comparisons are of integers.
fn phrase_facts_of_key(key: u128, len: usize) -> u64 {
    let mask = |n: usize| u64::MAX >> (64 - 8 * n);
    let matching = |mut candidates: u16, first_word: bool| {
        let mut bits = 0u64;
        while candidates != 0 {
            let k = candidates.trailing_zeros();
            candidates &= candidates - 1;
            let (first, first_len, last, last_len) = PHRASE_PACKED[k as usize];
            let hit = if first_word {
                len >= first_len
                    && (key >> (8 * (len - first_len))) as u64 & mask(first_len) == first
            } else {
                len >= last_len && key as u64 & mask(last_len) == last
            };
            bits |= u64::from(hit) << k;
        }
        bits
    };
    let first = key as u8;
    let last = (key >> (8 * (len - 1))) as u8;
    matching(PHRASE_FIRST_ENDS[last as usize], true) << PHRASE_START
        | matching(PHRASE_LAST_STARTS[first as usize], false) << PHRASE_END
}

/// What [`Vocabulary::words_of`] and the deduplication need of a written word (a run of
/// non-whitespace), found once per distinct word of an article.
#[derive(Clone, Copy)]
struct WordInfo {
    /// Its `word_facts`.
    facts: u64,
    /// The numbers of its pieces (`claim_pieces`) that count, a range of
    /// `Vocabulary::piece_numbers`.
    numbers: (u32, u32),
}

/// The longest word read as an integer (`short_key`): fifteen bytes and its length.
const SHORT: usize = 15;

/// NUL bytes after the texts of [`Texts`]: sixteen bytes can be read at any word's start.
const PAD: &str = "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

/// The word of `len` (at most [`SHORT`]) bytes at `at` of a padded text as one integer:
/// its bytes little-endian, zero-padded, its length in the top byte. One 16-byte read
/// instead of hashing and comparing a string; never 0 (a word has a byte).
#[inline]
fn short_key(padded: &[u8], at: usize, len: usize) -> u128 {
    let bytes: [u8; 16] = padded[at..at + 16].try_into().unwrap_or([0; 16]);
    u128::from_le_bytes(bytes) & KEY_MASKS[len & 15] | (len as u128) << 120
}

/// The bytes of a word of each length up to [`SHORT`]: its key's mask.
static KEY_MASKS: [u128; 16] = {
    let mut masks = [0; 16];
    let mut len = 1;
    while len < 16 {
        masks[len] = (1u128 << (8 * len)) - 1;
        len += 1;
    }
    masks
};

/// The key of a word longer than [`SHORT`] bytes: a hash of it, its top byte 0xff (no
/// [`short_key`] has it). Two words may share one; [`WordNumbers`] tells them apart.
fn long_key(word: &[u8]) -> u128 {
    let (mut a, mut b) = (word.len() as u64, 0u64);
    for chunk in word.chunks(8) {
        let mut bytes = [0u8; 8];
        bytes[..chunk.len()].copy_from_slice(chunk);
        let x = u64::from_le_bytes(bytes);
        a = (a ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(23);
        b = (b ^ x).wrapping_mul(0xf135_7aea_2e62_a9c5).rotate_left(31);
    }
    (a as u128) << 64 | b as u128 | 0xff << 120
}

/// [`short_key`] of a word that is not in a padded text.
fn key_of(word: &[u8]) -> u128 {
    let mut bytes = [0u8; 16];
    bytes[..word.len()].copy_from_slice(word);
    u128::from_le_bytes(bytes) | (word.len() as u128) << 120
}

/// A table from short words as integers (`short_key`) to values: open addressing with
/// linear probing. The words of an article's claims are looked up one by one, and most
/// are short: an integer hashes and compares in a few instructions where a string key is
/// hashed byte by byte and compared with `memcmp`.
struct KeyTable<V> {
    /// For each slot, 1 + the index of its entry, or 0 when free: four bytes a slot, so
    /// that a table sized for an article is quick to clear.
    slots: Vec<u32>,
    entries: Vec<(u128, V)>,
    /// 64 less the bits of the slot count: a hash's top bits pick the slot.
    shift: u32,
}

impl<V: Copy> KeyTable<V> {
    /// Room for about `n` keys (at most 65,536 up front) before it grows.
    fn with_room(n: usize) -> KeyTable<V> {
        let slots = (n + n / 2).clamp(16, 1 << 17).next_power_of_two();
        KeyTable {
            slots: vec![0; slots],
            entries: Vec::with_capacity(n),
            shift: 64 - slots.trailing_zeros(),
        }
    }

    #[inline]
    fn slot(&self, key: u128) -> usize {
        let h =
            (key as u64 ^ ((key >> 64) as u64).rotate_left(32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> self.shift) as usize
    }

    /// The index in `entries` of `key`, or the free slot to put it in.
    #[inline]
    fn find(&self, key: u128) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let entry = self.slots[i] as usize;
            if entry == 0 {
                return Err(i);
            }
            if self.entries[entry - 1].0 == key {
                return Ok(entry - 1);
            }
            i = (i + 1) & mask;
        }
    }

    /// Puts `key`, not in the table, in the free slot `find` gave.
    fn insert_at(&mut self, slot: usize, key: u128, value: V) {
        self.entries.push((key, value));
        self.slots[slot] = self.entries.len() as u32;
        // At most three slots in four taken.
        if 4 * self.entries.len() > 3 * self.slots.len() {
            self.grow();
        }
    }

    /// Twice the slots, every key placed again.
    fn grow(&mut self) {
        self.slots = vec![0; 2 * self.slots.len()];
        self.shift -= 1;
        let mask = self.slots.len() - 1;
        for (n, &(key, _)) in self.entries.iter().enumerate() {
            let mut i = self.slot(key);
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = n as u32 + 1;
        }
    }
}

/// The candidates' texts one after another, each followed by a space, as written and in
/// ASCII lower case, both followed by [`PAD`]: a word is a range of both, and the
/// lowercase of an ASCII word, or of its core, is a slice of `lower`.
struct Texts {
    raw: String,
    lower: String,
}

impl Texts {
    fn new<'s>(texts: impl Iterator<Item = &'s str> + Clone) -> Texts {
        let bytes: usize = texts.clone().map(|t| t.len() + 1).sum();
        let mut raw = String::with_capacity(bytes + PAD.len());
        for t in texts {
            raw.push_str(t);
            raw.push(' ');
        }
        raw.push_str(PAD);
        let mut lower = raw.clone();
        lower.make_ascii_lowercase();
        Texts { raw, lower }
    }

    /// The byte range of the next word (as `split_whitespace` splits) of `raw[*at..end]`,
    /// where `end` is a text's end (its space), and its `short_key` if it has at most
    /// [`SHORT`] bytes; `*at` moves past it.
    #[inline]
    fn next_word(&self, at: &mut usize, end: usize) -> Option<(std::ops::Range<usize>, u128)> {
        let bytes = self.raw.as_bytes();
        // Eight bytes from `i` (the padding keeps the read within the text), and which are
        // not printable ASCII.
        let chunk_at = |i: usize| {
            let chunk = u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or([0; 8]));
            (chunk, not_printable(chunk))
        };
        // Whether the character at `i`, not ASCII, is whitespace, and its length.
        let wide_space = |i: usize| {
            let c = self.raw[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        let mut i = *at;
        // The word's start: past whitespace.
        let (first, mut other) = loop {
            if i >= end {
                return None;
            }
            let (chunk, other) = chunk_at(i);
            if other & 0x80 == 0 {
                break (chunk, other);
            }
            let kind = BYTE_KINDS[bytes[i] as usize];
            if kind & SPACE != 0 {
                i += 1;
                continue;
            }
            if kind & WIDE == 0 {
                // A control character starts a word.
                break (chunk, other);
            }
            let (white, len) = wide_space(i);
            if !white {
                break (chunk, other);
            }
            i += len;
        };
        let start = i;
        // Its end, at the latest the text's space: eight bytes at a time while they are
        // printable ASCII.
        loop {
            i += other.trailing_zeros() as usize / 8;
            if other != 0 {
                let kind = BYTE_KINDS[bytes[i] as usize];
                if kind & SPACE != 0 {
                    // The space is passed too.
                    *at = i + 1;
                    break;
                }
                if kind & WIDE == 0 {
                    // A control character.
                    i += 1;
                } else {
                    let (white, len) = wide_space(i);
                    if white {
                        *at = i;
                        break;
                    }
                    i += len;
                }
            }
            other = chunk_at(i).1;
        }
        let len = i - start;
        let key = if len <= 8 {
            // The first eight bytes are read already.
            (first & u64::MAX >> (8 * (8 - len))) as u128 | (len as u128) << 120
        } else if len <= SHORT {
            short_key(bytes, start, len)
        } else {
            0
        };
        Some((start..i, key))
    }
}

/// The written words of an article's claims, each analysed once for both the assessment
/// and the deduplication. They split the same text differently (at whitespace; at
/// anything but letters, digits and apostrophes), but no piece crosses whitespace, so a
/// written word's pieces are its own, and about one word in two repeats one before it.
struct Vocabulary<'a> {
    texts: &'a Texts,
    /// The words of at most [`SHORT`] bytes, by `short_key`.
    of_word: KeyTable<WordInfo>,
    piece_numbers: Vec<u32>,
    numbers: WordNumbers,
    /// Scratch space for lowercasing words that are not ASCII.
    buf: String,
    norm_buf: String,
}

impl<'a> Vocabulary<'a> {
    /// Room for the words of `texts`: about one distinct word in twelve bytes, twice
    /// over. A short article has more (its tables would grow), and the tables are emptier
    /// (a word is found in fewer probes).
    fn new(texts: &'a Texts) -> Vocabulary<'a> {
        let words = texts.raw.len() / 6;
        Vocabulary {
            texts,
            of_word: KeyTable::with_room(words),
            piece_numbers: Vec::with_capacity(words),
            numbers: WordNumbers {
                short: KeyTable::with_room(words),
                long: Vec::new(),
                count: 0,
                buf: String::new(),
            },
            buf: String::new(),
            norm_buf: String::new(),
        }
    }

    /// The `word_facts` of the words of `texts.raw[text]`, in `out` (cleared first: one
    /// buffer serves every claim); the numbers of its pieces that count, in order and
    /// with repeats, appended to `set_words`.
    #[inline(never)]
    fn words_of(
        &mut self,
        text: std::ops::Range<usize>,
        out: &mut Vec<u64>,
        set_words: &mut Vec<u32>,
    ) {
        out.clear();
        let texts = self.texts;
        let mut at = text.start;
        while let Some((word, key)) = texts.next_word(&mut at, text.end) {
            let len = word.end - word.start;
            let info = if len <= SHORT {
                match self.of_word.find(key) {
                    Ok(e) => self.of_word.entries[e].1,
                    Err(slot) => {
                        let info = self.analyse(word);
                        self.of_word.insert_at(slot, key, info);
                        info
                    }
                }
            } else {
                // A longer word (seldom seen, and seldom again) is read each time.
                self.analyse(word)
            };
            let (from, to) = (info.numbers.0 as usize, info.numbers.1 as usize);
            // Most words are one piece.
            if to == from + 1 {
                set_words.push(self.piece_numbers[from]);
            } else {
                set_words.extend_from_slice(&self.piece_numbers[from..to]);
            }
            out.push(info.facts);
        }
    }

    /// The [`WordInfo`] of the written word `texts.raw[word]`, its piece numbers appended
    /// to `piece_numbers`.
    #[inline(never)]
    fn analyse(&mut self, word: std::ops::Range<usize>) -> WordInfo {
        let Vocabulary {
            texts,
            piece_numbers,
            numbers,
            buf,
            norm_buf,
            ..
        } = self;
        let texts: &Texts = texts;
        let from = piece_numbers.len();
        let lower_text = texts.lower.as_bytes();
        let raw = &texts.raw[word.clone()];
        let ascii_lower = &lower_text[word.clone()];
        let len = ascii_lower.len();
        // The kinds of byte in the word (a non-ASCII character's bytes are the same in
        // `raw` and `lower`).
        let seen = ascii_lower
            .iter()
            .fold(0, |seen, &b| seen | BYTE_KINDS[b as usize]);
        // The usual word: ASCII letters and digits, at most `SHORT` of them, read as one
        // integer. It is its own core and its one piece, whose `claim_word` needs no
        // apostrophes cut.
        let plain = len <= SHORT && seen & !(ALPHANUMERIC | DIGIT) == 0;
        // The core (`split_word`), `norm_word` of it, the word lowercased (`push_lowercase`),
        // whether it has a digit and a '%', and the word lists of `norm`.
        let (core, norm, phrases, digit, percent, lists): (&str, &[u8], u64, bool, bool, u64);
        if plain {
            let key = short_key(lower_text, word.start, len);
            let stem = ascii_stem_len(ascii_lower);
            if stem > 0 && !is_stop_word_bytes(&ascii_lower[..stem]) {
                let n = numbers.number_of_key(key & KEY_MASKS[stem] | (stem as u128) << 120);
                piece_numbers.push(n);
            }
            (core, norm, phrases) = (raw, ascii_lower, phrase_facts_of_key(key, len));
            (digit, percent, lists) = (seen & DIGIT != 0, false, word_lists_of_key(key));
        } else {
            let mut push_piece = |n: u32| {
                if n != NOT_COUNTED {
                    piece_numbers.push(n);
                }
            };
            if seen & WIDE == 0 {
                // ASCII: the pieces (`claim_pieces`) are taken lowercased from
                // `texts.lower`.
                let mut piece = |from: usize, to: usize| {
                    let (a, b) = claim_word_range(&ascii_lower[from..to]);
                    push_piece(numbers.of_word_at(lower_text, word.start + from + a, b - a));
                };
                let mut start = None;
                for (i, &b) in ascii_lower.iter().enumerate() {
                    match (
                        BYTE_KINDS[b as usize] & (ALPHANUMERIC | APOSTROPHE) != 0,
                        start,
                    ) {
                        (true, None) => start = Some(i),
                        (false, Some(from)) => {
                            piece(from, i);
                            start = None;
                        }
                        _ => {}
                    }
                }
                if let Some(from) = start {
                    piece(from, len);
                }
                // The core: from the first letter or digit to the last.
                let alphanumeric = |b: &u8| BYTE_KINDS[*b as usize] & ALPHANUMERIC != 0;
                let (a, b) = match ascii_lower.iter().position(alphanumeric) {
                    Some(a) => (
                        a,
                        ascii_lower
                            .iter()
                            .rposition(alphanumeric)
                            .map_or(a, |b| b + 1),
                    ),
                    None => (0, 0),
                };
                let core_at = word.start + a..word.start + b;
                (core, norm, phrases) = (
                    &texts.raw[core_at.clone()],
                    &lower_text[core_at],
                    phrase_facts(ascii_lower),
                );
                lists = if b > a && b - a <= SHORT {
                    word_lists_of_key(short_key(lower_text, word.start + a, b - a))
                } else {
                    0
                };
                (digit, percent) = (seen & DIGIT != 0, seen & PERCENT_SIGN != 0);
            } else {
                claim_pieces(raw).for_each(|piece| push_piece(numbers.of_piece(piece)));
                core = split_word(raw).1;
                buf.clear();
                push_lowercase(raw, buf);
                norm_buf.clear();
                if core.is_ascii() {
                    norm_buf.push_str(core);
                    norm_buf.make_ascii_lowercase();
                } else {
                    norm_buf.push_str(&norm_word(core));
                }
                (norm, phrases) = (norm_buf.as_bytes(), phrase_facts(buf.as_bytes()));
                lists = word_lists(norm);
                digit = raw.bytes().any(|b| b.is_ascii_digit());
                percent = raw.contains('%');
            }
        }
        let facts = word_facts(raw.as_bytes(), core, norm, phrases, digit, percent, lists);
        WordInfo {
            facts,
            numbers: (from as u32, piece_numbers.len() as u32),
        }
    }
}

/// Appends `s` lowercased character by character, ’ as ': runs of ASCII copied whole.
/// (`str::to_lowercase` differs only in the form of a final sigma, which no ASCII
/// phrase can match either way.)
fn push_lowercase(s: &str, out: &mut String) {
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            match c {
                '’' => out.push('\''),
                c => out.extend(crate::case::lower_char(c)),
            }
            rest = &rest[c.len_utf8()..];
        }
    }
}

// Kinds of byte (`BYTE_KINDS`), for scanning words byte by byte.
/// `char::is_whitespace` of an ASCII byte (which, unlike `u8::is_ascii_whitespace`,
/// includes the vertical tab).
const SPACE: u8 = 1;
const ALPHANUMERIC: u8 = 1 << 1;
const DIGIT: u8 = 1 << 2;
const APOSTROPHE: u8 = 1 << 3;
const PERCENT_SIGN: u8 = 1 << 4;
/// Part of a character that is not ASCII.
const WIDE: u8 = 1 << 5;
/// Any other ASCII character.
const OTHER: u8 = 1 << 6;

/// The kinds of each byte value.
static BYTE_KINDS: [u8; 256] = {
    let mut kinds = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        kinds[b] = if !byte.is_ascii() {
            WIDE
        } else if matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            SPACE
        } else if byte.is_ascii_digit() {
            ALPHANUMERIC | DIGIT
        } else if byte.is_ascii_alphabetic() {
            ALPHANUMERIC
        } else if byte == b'\'' {
            APOSTROPHE
        } else if byte == b'%' {
            PERCENT_SIGN
        } else {
            OTHER
        };
        b += 1;
    }
    kinds
};

/// The number of each normalised word (`claim_word`), the same for the same word, or
/// [`NOT_COUNTED`] for a stop word. A piece is seldom seen again once its written word
/// has been ([`Vocabulary`]): pieces are normalised each time, not looked up.
struct WordNumbers {
    /// The words of at most [`SHORT`] bytes, by `short_key`, and the longer ones by
    /// `long_key`, to their index in `long`.
    short: KeyTable<u32>,
    /// The longer words and their numbers.
    long: Vec<(String, u32)>,
    /// The count of distinct words numbered.
    count: u32,
    buf: String,
}

/// The word number of a stop word: not part of a word set.
const NOT_COUNTED: u32 = u32::MAX;

impl WordNumbers {
    /// The number of the `claim_word` of a piece.
    fn of_piece(&mut self, piece: &str) -> u32 {
        let mut buf = std::mem::take(&mut self.buf);
        let n = match claim_word(piece, &mut buf) {
            Some(w) => self.number_of(w),
            None => NOT_COUNTED,
        };
        self.buf = buf;
        n
    }

    /// The number of `text[at..at + len]` (`text` padded, the slice ASCII) as a claim
    /// word: [`NOT_COUNTED`] when empty or a stop word.
    #[inline]
    fn of_word_at(&mut self, text: &[u8], at: usize, len: usize) -> u32 {
        let w = &text[at..at + len];
        if w.is_empty() || is_stop_word_bytes(w) {
            return NOT_COUNTED;
        }
        if len > SHORT {
            return self.number_of(std::str::from_utf8(w).unwrap_or_default());
        }
        let key = short_key(text, at, len);
        self.number_of_key(key)
    }

    /// The number of a claim word (neither empty nor a stop word).
    fn number_of(&mut self, w: &str) -> u32 {
        if w.len() <= SHORT {
            return self.number_of_key(key_of(w.as_bytes()));
        }
        let next = self.count;
        match self.short.find(long_key(w.as_bytes())) {
            Ok(e) => {
                let (word, n) = &self.long[self.short.entries[e].1 as usize];
                if word == w {
                    return *n;
                }
                // Another word with the same key (unheard of): found by a scan.
                if let Some((_, n)) = self.long.iter().find(|(word, _)| word == w) {
                    return *n;
                }
            }
            Err(slot) => {
                let index = self.long.len() as u32;
                self.short.insert_at(slot, long_key(w.as_bytes()), index);
            }
        }
        self.long.push((w.to_string(), next));
        self.count += 1;
        next
    }

    /// The number of a claim word of at most [`SHORT`] bytes, as its `short_key`.
    #[inline]
    fn number_of_key(&mut self, key: u128) -> u32 {
        match self.short.find(key) {
            Ok(e) => self.short.entries[e].1,
            Err(slot) => {
                let next = self.count;
                self.short.insert_at(slot, key, next);
                self.count += 1;
                next
            }
        }
    }

    /// The count of distinct words numbered.
    fn len(&self) -> usize {
        self.count as usize
    }

    /// The word numbered `n`.
    #[cfg(test)]
    fn word(&self, n: u32) -> String {
        if let Some((w, _)) = self.long.iter().find(|(_, m)| *m == n) {
            return w.clone();
        }
        let (key, _) = self
            .short
            .entries
            .iter()
            .find(|(k, m)| *m == n && k.to_le_bytes()[15] as usize <= SHORT)
            .unwrap();
        let bytes = key.to_le_bytes();
        String::from_utf8(bytes[..bytes[15] as usize].to_vec()).unwrap()
    }
}

/// Whether the first character after leading whitespace is not ASCII.
fn starts_non_ascii(s: &str) -> bool {
    s.trim_start()
        .as_bytes()
        .first()
        .is_some_and(|b| !b.is_ascii())
}

/// Marks on word numbers, one mark for each set looked at: whether a word is in the set
/// is one comparison, without clearing the marks between sets.
#[derive(Default)]
struct Marks {
    of_word: Vec<u32>,
    mark: u32,
}

impl Marks {
    /// A new mark, on no word yet.
    fn next(&mut self) -> u32 {
        self.mark += 1;
        self.mark
    }

    /// Marks `word` with `mark`; whether it was marked so already.
    #[inline]
    fn set(&mut self, word: u32, mark: u32) -> bool {
        let w = word as usize;
        if w >= self.of_word.len() {
            self.of_word.resize((w + 1).max(2 * self.of_word.len()), 0);
        }
        std::mem::replace(&mut self.of_word[w], mark) == mark
    }

    #[inline]
    fn has(&self, word: u32, mark: u32) -> bool {
        self.of_word.get(word as usize) == Some(&mark)
    }
}

/// Drops the repeats of `words[from..]`, each word kept at its first place: a claim's word
/// set, whose range it returns. (The deduplication reads sets in any order.)
fn unique_set(words: &mut Vec<u32>, from: usize, marks: &mut Marks) -> std::ops::Range<usize> {
    let mark = marks.next();
    let mut kept = from;
    for j in from..words.len() {
        let w = words[j];
        if !marks.set(w, mark) {
            words[kept] = w;
            kept += 1;
        }
    }
    words.truncate(kept);
    from..kept
}

/// [`assess`] from the `word_facts` of the claim's words (`words_of(standalone)`).
fn assess_words(
    words: &[u64],
    standalone: &str,
    source: &str,
    cue_class: Option<CueClass>,
    promise: bool,
    lower: &mut String,
) -> (ClaimType, f32, Reasons) {
    let all = words.iter().fold(0, |all, &w| all | w);
    let has = |bit: u64| all & bit != 0;
    let at = |i: usize, bit: u64| words.get(i).is_some_and(|&w| w & bit != 0);
    // The text is lowercased and searched for phrases only when its words could hold
    // one: seldom.
    let phrase_words = (all >> PHRASE_START) & (all >> PHRASE_END) & 0xffff;
    let phrases = if phrase_words == 0 {
        0
    } else {
        lower.clear();
        push_lowercase(standalone, lower);
        phrases_in(lower.as_bytes())
    };
    let has_phrase = |phrase: usize| phrases & (1 << phrase) != 0;
    // Each scan of the words below is skipped when none has the bit it looks for.
    let number = has(NUMERIC) || has(PERCENT);
    let date = has(DATED)
        || (has(LAST) && (0..words.len()).any(|i| at(i, LAST) && at(i + 1, DATE)))
        || has_phrase(RECENT_YEARS);
    let named = has(NAME) && (at(0, NAME_FIRST) || words.iter().skip(1).any(|&w| w & NAME != 0));
    // "more than four years" is a quantity, not a comparison.
    let counted = |i: usize| {
        if at(i, MORE_OR_LESS) {
            at(i + 1, THAN) && at(i + 2, COUNT)
        } else if at(i, THAN) {
            i > 0 && at(i - 1, MORE_OR_LESS) && at(i + 1, COUNT)
        } else {
            false
        }
    };
    // "declined to comment" is a refusal, not a fall.
    let refusal = |i: usize| at(i, DECLINE) && at(i + 1, TO);
    let comparative = (has(COMPARATIVE)
        && (0..words.len()).any(|i| at(i, COMPARATIVE) && !counted(i) && !refusal(i)))
        || has(IER);
    let superlative = has(SUPERLATIVE) || has_phrase(THE_MOST) || has_phrase(THE_LEAST);
    let quantifier = !number
        && (has(QUANTITY)
            || (has(MOST) && (0..words.len()).any(|i| at(i, MOST) && (i == 0 || !at(i - 1, THE)))));
    let causal = has(CAUSAL) || has_phrase(AS_A_RESULT);
    let hedge = has(HEDGE)
        || has_phrase(DONT_KNOW)
        || has_phrase(NOT_SURE)
        || cue_class == Some(CueClass::Belief);
    let question =
        source.trim_end().ends_with('?') || words.last().is_some_and(|&w| w & QUESTION != 0);
    let opinion_word = has(OPINION) || has_phrase(I_THINK) || has_phrase(OF_COURSE);
    let future = has(FUTURE) || has_phrase(GOING_TO);

    // What raises check-worthiness, by how much, and the reason shown to the reader.
    let raises: [(bool, f32, Reasons); 7] = [
        (number, 0.2, Reasons::NUMBER),
        (quantifier, 0.1, Reasons::QUANTITY),
        (date, 0.1, Reasons::DATE),
        (named, 0.1, Reasons::NAMED_ENTITY),
        (comparative, 0.15, Reasons::COMPARATIVE),
        (superlative, 0.15, Reasons::SUPERLATIVE),
        (causal, 0.1, Reasons::CAUSAL),
    ];
    let mut reasons = Reasons::default();
    let mut reason = |r: Reasons| reasons = reasons.with(r);
    let mut score: f32 = 0.3;
    for (present, weight, r) in raises {
        if present {
            score += weight;
            reason(r);
        }
    }
    let claim_type = if promise {
        ClaimType::Prediction
    } else if question || (opinion_word && !number) {
        ClaimType::Opinion
    } else if causal {
        ClaimType::Causal
    } else if comparative || superlative {
        ClaimType::Comparison
    } else if number || quantifier {
        ClaimType::Quantity
    } else if future {
        ClaimType::Prediction
    } else {
        ClaimType::Factual
    };
    // What lowers it.
    let lowers: [(bool, f32, Reasons); 3] = [
        (hedge, 0.15, Reasons::HEDGE),
        (question, 0.45, Reasons::QUESTION),
        (
            claim_type == ClaimType::Opinion && !question,
            0.3,
            Reasons::OPINION,
        ),
    ];
    for (present, weight, r) in lowers {
        if present {
            score -= weight;
            reason(r);
        }
    }
    if promise {
        score -= 0.05;
        reason(Reasons::PROMISE);
    } else if claim_type == ClaimType::Prediction {
        score -= 0.1;
        reason(Reasons::PREDICTION);
    }
    if words.len() < 6 {
        score -= 0.1;
        reason(Reasons::SHORT);
    }
    (claim_type, score.clamp(0.0, 1.0), reasons)
}

fn is_year(w: &[u8]) -> bool {
    let mut digits = w;
    while let [rest @ .., b's'] = digits {
        digits = rest;
    }
    digits.len() == 4
        && digits.iter().all(u8::is_ascii_digit)
        && (digits.starts_with(b"19") || digits.starts_with(b"20"))
}

// ---------------------------------------------------------------------------------------
// Deduplication.

fn is_stop_word(w: &str) -> bool {
    is_stop_word_bytes(w.as_bytes())
}

#[inline(always)]
fn is_stop_word_bytes(w: &[u8]) -> bool {
    // Matched as bytes: a decision tree on the length and each byte, where a `str`
    // pattern compares with each word in turn.
    matches!(
        w,
        b"the"
            | b"a"
            | b"an"
            | b"of"
            | b"to"
            | b"in"
            | b"on"
            | b"and"
            | b"or"
            | b"that"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"be"
            | b"been"
            | b"it"
            | b"its"
            | b"for"
            | b"with"
            | b"at"
            | b"by"
            | b"as"
            | b"this"
            | b"has"
            | b"have"
            | b"had"
    )
}

/// The written words of a claim: runs of letters, digits and apostrophes.
fn claim_pieces(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_alphanumeric(c) && c != '\'' && c != '’')
        .filter(|piece| !piece.is_empty())
}

/// A written word normalised for comparing claims: lower case, plural `s` dropped;
/// `None` for stop words. `buf` is scratch space.
fn claim_word<'b>(piece: &str, buf: &'b mut String) -> Option<&'b str> {
    // ASCII needs no apostrophe mapping and lowercases in place.
    if piece.is_ascii() {
        buf.clear();
        buf.push_str(piece);
        buf.make_ascii_lowercase();
    } else {
        buf.clear();
        push_norm_apostrophe(piece, buf);
    }
    lowercase_claim_word(buf)
}

/// [`claim_word`] of a piece already lowercased with ’ as ': a slice of it.
fn lowercase_claim_word(lower: &str) -> Option<&str> {
    let (a, b) = claim_word_range(lower.as_bytes());
    let w = &lower[a..b];
    (!w.is_empty() && !is_stop_word(w)).then_some(w)
}

/// The range of a piece lowercased with ’ as ' that its claim word is (stop word or
/// not): the piece without "'s" at its end, apostrophes around it, stemmed.
fn claim_word_range(lower: &[u8]) -> (usize, usize) {
    // Byte by byte: the apostrophes and the `s` cut off are ASCII, so every cut falls
    // between characters.
    let mut end = lower.len();
    while lower[..end].ends_with(b"'s") {
        end -= 2;
    }
    let bytes = &lower[..end];
    let start = bytes.iter().position(|&b| b != b'\'').unwrap_or(end);
    let end = bytes
        .iter()
        .rposition(|&b| b != b'\'')
        .map_or(start, |i| i + 1);
    (start, start + stem_len(&lower[start..end]))
}

/// The normalised word set of a claim (see [`claim_word`]), sorted.
#[cfg(test)]
pub(crate) fn word_set(s: &str) -> Vec<String> {
    let mut buf = String::new();
    let mut out: Vec<String> = claim_pieces(s)
        .filter_map(|piece| claim_word(piece, &mut buf).map(str::to_string))
        .collect();
    crate::sort::sort_by(&mut out, |a, b| a.cmp(b));
    out.dedup();
    out
}

/// [`stem_len`] of an ASCII word: its characters are its bytes.
#[inline]
fn ascii_stem_len(w: &[u8]) -> usize {
    let n = w.len();
    suffix_cut(w, |k| n - k > 3 && w[n - k - 1] != b's')
}

/// A crude stem: "approves", "approved", "approving" -> "approv"; "floods" -> "flood".
/// Its length: a word's stem is its start. (The suffixes "ing", "ed", "es" and "s" are
/// tried in turn; one is cut when more than three characters, not ending in 's', are
/// left.)
fn stem_len(w: &[u8]) -> usize {
    let n = w.len();
    let cut = |k: usize| {
        let stem = &w[..n - k];
        // The cut falls before an ASCII suffix: `stem` is text.
        let long = stem.len() > 3
            && (stem.is_ascii() || std::str::from_utf8(stem).is_ok_and(|s| s.chars().count() > 3));
        long && stem.last() != Some(&b's')
    };
    suffix_cut(w, cut)
}

/// The length of `w` without the first of the suffixes "ing", "ed", "es" and "s" that it
/// ends in and that `cut` (given the suffix's length) allows to remove.
#[inline]
fn suffix_cut(w: &[u8], cut: impl Fn(usize) -> bool) -> usize {
    let n = w.len();
    // Every suffix ends in g, d or s: most words are ruled out by their last letter.
    match w.last() {
        Some(b'g') if w.ends_with(b"ing") && cut(3) => n - 3,
        Some(b'd') if w.ends_with(b"ed") && cut(2) => n - 2,
        Some(b's') if w.ends_with(b"es") && cut(2) => n - 2,
        Some(b's') if cut(1) => n - 1,
        _ => n,
    }
}

/// Whether two word sets (sorted, without repeats) state the same claim: Jaccard >= 0.6,
/// or the smaller (of at least four words) is 85% inside the larger.
#[cfg(test)]
pub(crate) fn same_claim<T: Ord>(a: &[T], b: &[T]) -> bool {
    similar(common_count(a, b), a.len(), b.len())
}

/// The number of words two sorted sets share.
#[cfg(test)]
fn common_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// [`same_claim`] from the sizes of two word sets and the number of words they share;
/// true for more shared words whenever it is for fewer.
fn similar(common: usize, a: usize, b: usize) -> bool {
    if a == 0 || b == 0 {
        return false;
    }
    let union = a + b - common;
    let small = a.min(b);
    common * 10 >= union * 6 || (small >= 4 && common * 100 >= small * 85)
}

/// Merges repeated claims (headline and body, a quote repeated in the text): the first
/// appearance keeps its span, later ones become `appearances`; a named claimant beats
/// the publication, and the higher check-worthiness is kept. Each claim comes with the
/// range of `words` holding its word set, numbered below `distinct_words`.
fn dedup(
    claims: Vec<(Claim, std::ops::Range<usize>)>,
    words: &[u32],
    distinct_words: usize,
) -> Vec<Claim> {
    /// A word in more claims than this says nothing about which claim is the same; the
    /// rarer words of a claim find its twins.
    const COMMON: u32 = 64;
    const END: u32 = u32::MAX;
    // Each claim's word set is word numbers without repeats (`unique_set`): comparing two
    // claims compares integers, not strings.
    let mut out: Vec<Claim> = Vec::with_capacity(claims.len());
    // The word set and the claimant of each kept claim, read here rather than in `out`.
    let mut kept: Vec<(&[u32], Option<usize>)> = Vec::with_capacity(claims.len());
    // word number -> the kept claims that contain it (linked through `postings`: its
    // first posting and their count), so that a claim is compared only with claims
    // sharing a word with it, not with every claim before it.
    let mut first: Vec<(u32, u32)> = vec![(END, 0); distinct_words];
    let mut postings: Vec<(u32, u32)> = Vec::with_capacity(words.len()); // (kept claim, next posting)
    let mut candidates: Vec<usize> = Vec::with_capacity(claims.len());
    let mut shared: Vec<u32> = Vec::with_capacity(claims.len());
    // The words of the claim read, marked when the words two claims share are counted.
    let mut marks = Marks::default();
    for (c, set) in claims {
        let set = &words[set];
        // The kept claims sharing a rare word with this one, and how many rare words each
        // shares; a word on too many claims to walk its list may add one more to each.
        candidates.clear();
        shared.resize(out.len(), 0);
        let mut common_words = 0;
        for &w in set {
            let (mut at, count) = first[w as usize];
            if count > COMMON {
                common_words += 1;
                continue;
            }
            while at != END {
                let (i, next) = postings[at as usize];
                let i = i as usize;
                if shared[i] == 0 {
                    candidates.push(i);
                }
                shared[i] += 1;
                at = next;
            }
        }
        // The earliest kept claim that is the same. Candidates come in no order: the
        // cheap tests go first, and the count only for one earlier than the best so far
        // (sorting every candidate list cost more, with many candidates, than this).
        let mut same: Option<usize> = None;
        let mark = marks.next();
        if common_words > 0 {
            for &w in set {
                marks.set(w, mark);
            }
        }
        for &i in &candidates {
            let (kept_set, claimant) = kept[i];
            let claimants_fit =
                claimant == c.claimant || claimant.is_none() || c.claimant.is_none();
            let (a, b) = (kept_set.len(), set.len());
            // Without common words the rare ones are all the shared words; otherwise a
            // merge counts them, unless even the most they could share is too few.
            let is_same = claimants_fit
                && same.is_none_or(|s| i < s)
                && if common_words == 0 {
                    similar(shared[i] as usize, a, b)
                } else {
                    similar(shared[i] as usize + common_words, a, b)
                        && similar(
                            kept_set.iter().filter(|&&w| marks.has(w, mark)).count(),
                            a,
                            b,
                        )
                };
            if is_same {
                same = Some(i);
            }
        }
        for &i in &candidates {
            shared[i] = 0;
        }
        match same {
            Some(i) => {
                let o = &mut out[i];
                o.appearances.push(c.span);
                let named = o.claimant.is_none() && c.claimant.is_some();
                let better = c.check_worthiness > o.check_worthiness;
                if named {
                    o.claimant = c.claimant;
                    o.cue = c.cue;
                    o.quote = c.quote;
                    kept[i].1 = c.claimant;
                }
                if better {
                    o.check_worthiness = c.check_worthiness;
                    o.reasons = c.reasons;
                    o.claim_type = c.claim_type;
                }
                if named || (better && c.claimant.is_some() == o.claimant.is_some()) {
                    o.standalone = c.standalone;
                }
            }
            None => {
                for &w in set {
                    let (at, count) = &mut first[w as usize];
                    postings.push((out.len() as u32, *at));
                    *at = postings.len() as u32 - 1;
                    *count += 1;
                }
                kept.push((set, c.claimant));
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    /// (claim text, expected type) — one row per type at least.
    const TYPES: &[(&str, ClaimType)] = &[
        (
            "Unemployment fell to 4 percent in March",
            ClaimType::Comparison,
        ),
        (
            "The city spent 12 million dollars on roads",
            ClaimType::Quantity,
        ),
        ("Most residents support the new bridge", ClaimType::Quantity),
        (
            "Crime rose because the police budget was cut",
            ClaimType::Causal,
        ),
        (
            "The flooding led to the closure of the school",
            ClaimType::Causal,
        ),
        (
            "Exports are higher than they were under the old government",
            ClaimType::Comparison,
        ),
        (
            "It was the deadliest storm on record",
            ClaimType::Comparison,
        ),
        (
            "The council will vote on the plan next week",
            ClaimType::Prediction,
        ),
        (
            "The mayor met the union leaders at City Hall",
            ClaimType::Factual,
        ),
        ("The plan is a disaster for the town", ClaimType::Opinion),
        ("The government must resign now", ClaimType::Opinion),
        ("Why did nobody warn the residents?", ClaimType::Opinion),
    ];

    #[test]
    fn claim_types() {
        for &(s, want) in TYPES {
            let (got, _, _) = assess(s, s, None, false);
            assert_eq!(got, want, "{s}");
        }
        let (t, _, r) = assess(
            "Lee will cut taxes",
            "cut taxes",
            Some(CueClass::Speech),
            true,
        );
        assert_eq!(t, ClaimType::Prediction);
        assert!(r.contains("promise"));
    }

    /// (claim text, reason that must be present, whether it raises the score).
    const REASONS: &[(&str, &str, bool)] = &[
        ("The council approved 300 new homes", "number", true),
        ("The council approved the homes in 2019", "date", true),
        ("The council approved the homes last week", "date", true),
        (
            "The homes were approved by Oakfield council",
            "named entity",
            true,
        ),
        (
            "House prices are higher than in the county",
            "comparative",
            true,
        ),
        (
            "It is the largest housing scheme in the county",
            "superlative",
            true,
        ),
        (
            "The closure happened because of the flooding",
            "causal",
            true,
        ),
        ("The majority of homes are empty", "quantity", true),
        ("The homes may be empty by the winter", "hedge", false),
        ("Are the homes empty in the winter?", "question", false),
        (
            "The homes are a wonderful addition to the town",
            "opinion",
            false,
        ),
        ("The homes will be empty by the winter", "prediction", false),
        ("The homes are empty", "short", false),
    ];

    #[test]
    fn check_worthiness_reasons() {
        let (_, base, _) = assess(
            "The homes were built by the river",
            "The homes were built by the river",
            None,
            false,
        );
        for &(s, reason, raises) in REASONS {
            let (_, score, reasons) = assess(s, s, None, false);
            assert!(reasons.contains(reason), "{s}: {reasons:?}");
            assert!((0.0..=1.0).contains(&score));
            if raises {
                assert!(score > base, "{s}: {score} <= {base}");
            } else {
                assert!(score < base, "{s}: {score} >= {base}");
            }
        }
        // "declined to comment" is a refusal, not a fall; "declined 4 percent" is one.
        let (_, _, reasons) = assess(
            "The developer declined to comment",
            "The developer declined to comment",
            None,
            false,
        );
        assert!(!reasons.contains("comparative"), "{reasons:?}");
        let (_, _, reasons) = assess(
            "Sales declined sharply",
            "Sales declined sharply",
            None,
            false,
        );
        assert!(reasons.contains("comparative"), "{reasons:?}");
    }

    fn claims_of(text: &str) -> Vec<(Option<String>, String, Stance)> {
        let a = analyze(text).unwrap();
        a.claims
            .iter()
            .map(|c| {
                (
                    c.claimant.map(|s| a.speakers[s].name.clone()),
                    c.standalone.clone(),
                    c.stance,
                )
            })
            .collect()
    }

    #[test]
    fn a_man_named_in_a_quote_is_the_one_the_article_is_about() {
        // (text, the claim's opening)
        let rows: &[(&str, &str)] = &[
            // The defendant is talked about more than the prosecutor.
            (
                "Graham Pollock admitted fraud. Prosecutor Daniel Okafor said the scheme came to light in 2022. Pollock wept. Pollock was in court. Rachel Hume spoke after Mr Okafor. “He has lost his career since 2019,” Ms Hume said.",
                "Pollock has lost Pollock’s career",
            ),
            // Two men as much talked about: "he" is left as it is.
            (
                "Graham Pollock admitted fraud. Prosecutor Daniel Okafor said the scheme came to light in 2022. Rachel Hume spoke after Mr Okafor. Pollock was in court. “He has lost his career since 2019,” Ms Hume said.",
                "He has lost his career",
            ),
        ];
        for &(text, opening) in rows {
            let c = claims_of(text);
            assert!(
                c.iter()
                    .any(|(who, claim, _)| who.as_deref() == Some("Rachel Hume")
                        && claim.starts_with(opening)),
                "{text}: {c:?}"
            );
        }
    }

    #[test]
    fn refusals_are_no_claims() {
        for text in [
            "Rachel Reeves declined to be drawn on the Budget on Sunday.",
            "A spokesperson for Pratt & Whitney refused to say how many airlines were affected.",
        ] {
            let c = claims_of(text);
            assert!(
                c.iter().all(|(_, claim, _)| !claim.starts_with("To ")),
                "{text}: {c:?}"
            );
        }
    }

    /// A thing added or a circumstance after a cue verb is no claim of the verb's
    /// subject: the sentence stays the writer's.
    #[test]
    fn objects_and_circumstances_are_the_writers() {
        for text in [
            "Bukayo Saka scored twice and Declan Rice added a late third as the hosts dominated.",
            "Man charged after woman found injured in Harrowfield flat on Saturday",
        ] {
            let c = claims_of(text);
            assert!(
                c.iter().all(|(claimant, _, _)| claimant.is_none()),
                "{text}: {c:?}"
            );
        }
    }

    #[test]
    fn pronouns_resolved_and_frame_stripped() {
        let text = "Mayor Anna Lee spoke on Monday. She argued that the town has grown faster than the county.";
        let c = claims_of(text);
        assert!(
            c.iter()
                .any(|(who, claim, _)| who.as_deref() == Some("Anna Lee")
                    && claim == "The town has grown faster than the county"),
            "{c:?}"
        );
        // A body's claim keeps "his": it is about a person.
        let text = "Tom Reyes resigned on Monday. His deputy will run the bank while the board searches for a successor, the Harbour Bank said.";
        let c = claims_of(text);
        assert!(
            c.iter()
                .any(|(who, claim, _)| who.as_deref() == Some("Harbour Bank")
                    && claim.starts_with("His deputy will run the bank")),
            "{c:?}"
        );
    }

    #[test]
    fn a_capitalised_cue_word_in_a_name_is_no_claimant_frame() {
        let text = "In January, militants loyal to the Islamic State beheaded 21 fishermen along the coast.";
        let c = claims_of(text);
        assert!(
            c.iter().all(|(who, _, _)| who.is_none()),
            "the sentence is the writer's: {c:?}"
        );
    }

    #[test]
    fn first_person_quotes_become_third_person() {
        let text = "“I have cut the deficit by half,” Anna Lee said.";
        let c = claims_of(text);
        assert!(
            c.iter()
                .any(|(_, claim, _)| claim == "Lee has cut the deficit by half"),
            "{c:?}"
        );
        // A present verb after "I" takes its third-person form; a past one stays.
        for (text, want) in [
            (
                "“I think the harbour will flood again,” Anna Lee said.",
                "Lee thinks the harbour will flood again",
            ),
            (
                "“I worry the harbour will flood again,” Anna Lee said.",
                "Lee worries the harbour will flood again",
            ),
            (
                "“I said the harbour would flood again,” Anna Lee said.",
                "Lee said the harbour would flood again",
            ),
        ] {
            let c = claims_of(text);
            assert!(c.iter().any(|(_, claim, _)| claim == want), "{c:?}");
        }
    }

    #[test]
    fn denial_is_a_stance() {
        let text = "Councillor Tom Reed denied that the council had sold the park to a developer.";
        let c = claims_of(text);
        assert!(
            c.iter()
                .any(|(who, claim, stance)| who.as_deref() == Some("Tom Reed")
                    && claim.starts_with("The council had sold the park")
                    && *stance == Stance::Denies),
            "{c:?}"
        );
    }

    #[test]
    fn promises_and_pledges() {
        let text = "Mayor Anna Lee promised to build 300 homes by 2027. Critics recalled Tom Reed’s pledge during the campaign to close the landfill.";
        let c = claims_of(text);
        assert!(
            c.iter()
                .any(|(who, claim, _)| who.as_deref() == Some("Anna Lee")
                    && claim == "Lee will build 300 homes by 2027"),
            "{c:?}"
        );
        assert!(
            c.iter()
                .any(|(who, claim, _)| who.as_deref() == Some("Tom Reed")
                    && claim == "Reed will close the landfill"),
            "{c:?}"
        );
    }

    #[test]
    fn writer_claims_and_dedup() {
        let text = "Oakfield spent 12 million dollars on roads in 2023\nThe town council said on Monday that Oakfield spent 12 million dollars on roads in 2023. The figure was first reported by the Oakfield Herald.";
        let a = analyze(text).unwrap();
        let roads: Vec<_> = a
            .claims
            .iter()
            .filter(|c| c.standalone.contains("12 million"))
            .collect();
        assert_eq!(roads.len(), 1, "{:?}", a.claims);
        assert_eq!(roads[0].appearances.len(), 1);
    }

    #[test]
    fn ranked_and_questions_low() {
        let text = "Is the bridge safe? Engineers found 14 cracks in the bridge in 2021, more than in any other bridge in the county. The bridge is beautiful.";
        let a = analyze(text).unwrap();
        let first = &a.claims[0];
        assert!(first.standalone.contains("14 cracks"), "{:?}", a.claims);
        for w in a.claims.windows(2) {
            assert!(w[0].check_worthiness >= w[1].check_worthiness);
        }
    }

    #[test]
    fn sources_named_in_the_sentence() {
        let text = "About 50 people were hurt in the fire, according to local news reports. After the bridge closed to traffic in May, Mayor Anna Lee admitted that in addition to the bridge two schools had shut.";
        let c = claims_of(text);
        assert!(
            c.iter().any(
                |(who, claim, _)| who.as_deref() == Some("local news reports")
                    && claim == "About 50 people were hurt in the fire"
            ),
            "{c:?}"
        );
        assert!(
            c.iter()
                .any(|(who, claim, _)| who.as_deref() == Some("Anna Lee")
                    && claim.starts_with("In addition to the bridge")),
            "{c:?}"
        );
        assert!(
            c.iter()
                .any(|(who, claim, _)| who.is_none()
                    && claim == "The bridge closed to traffic in May"),
            "{c:?}"
        );
    }

    #[test]
    fn phrases_are_found_as_substrings() {
        for text in [
            "as a result of recent years, the most and the least",
            "i don't know; not sure. of course we are going to",
            "bathe most ", // "the most " inside a word counts, as with `contains`
            "",
            "t",
            "going t",
        ] {
            let want = PHRASES
                .iter()
                .enumerate()
                .filter(|(_, p)| text.contains(*p))
                .fold(0, |bits, (k, _)| bits | 1 << k);
            assert_eq!(phrases_in(text.as_bytes()), want, "{text}");
        }
    }

    /// (written word, bits it must have, bits it must not have).
    const WORD_FACTS: &[(&str, u64, u64)] = &[
        ("May", DATED | CORE, NAME),
        ("may", CORE, DATED),
        ("2019", DATED | COUNT, NUMERIC),
        ("4%", PERCENT | NUMERIC | COUNT, DATED),
        ("%", PERCENT, CORE),
        ("four", NUMERIC | COUNT, 0),
        ("Wealthier,", IER, 0),
        ("Higher", COMPARATIVE, IER),
        ("earlier", 0, IER),
        ("“Oakfield”", NAME | NAME_FIRST, 0),
        ("X", NAME, NAME_FIRST),
        ("He", CORE, NAME),
        ("why?", QUESTION, 0),
        ("(MORE", MORE_OR_LESS, 0),
        ("Than", THAN, 0),
        ("declines", DECLINE, 0),
        ("Most", MOST, NAME),
        ("rate", QUANTITY, 0),
        ("the", THE | 1 << (PHRASE_START + THE_MOST as u32), 0),
        ("Bathe", 1 << (PHRASE_START + THE_LEAST as u32), THE),
        ("DON’T", 1 << (PHRASE_START + DONT_KNOW as u32), 0),
        ("\u{212A}now", 1 << (PHRASE_END + DONT_KNOW as u32), 0),
        ("tour", 1 << (PHRASE_END + GOING_TO as u32), TO),
    ];

    #[test]
    fn word_facts_of_written_words() {
        for &(word, has, lacks) in WORD_FACTS {
            let mut words = Vec::new();
            let texts = Texts::new([word].into_iter());
            let mut vocabulary = Vocabulary::new(&texts);
            vocabulary.words_of(0..word.len(), &mut words, &mut Vec::new());
            assert_eq!(words.len(), 1, "{word}");
            assert_eq!(words[0] & has, has, "{word}: {:#x}", words[0]);
            assert_eq!(words[0] & lacks, 0, "{word}: {:#x}", words[0]);
        }
    }

    #[test]
    fn phrases_need_their_words() {
        // Whenever the lowercased text has a phrase, its words have the phrase's bits.
        for text in [
            "As a result of recent years, the most and the least",
            "I don’t know; not sure. Of course we are GOING TO",
            "bathe most things",
            "ongoing tours, has a resultant sum",
            "Hi thinker, of courses not surely",
            "don't \u{212A}now",
            "the  most ",
        ] {
            let mut words = Vec::new();
            let texts = Texts::new([text].into_iter());
            let mut vocabulary = Vocabulary::new(&texts);
            vocabulary.words_of(0..text.len(), &mut words, &mut Vec::new());
            let all = words.iter().fold(0, |all, &w| all | w);
            let possible = (all >> PHRASE_START) & (all >> PHRASE_END) & 0xffff;
            let mut lower = String::new();
            push_lowercase(text, &mut lower);
            let found = phrases_in(lower.as_bytes()) as u64;
            assert_eq!(found & possible, found, "{text}");
        }
    }

    #[test]
    fn written_words_number_their_pieces() {
        // The numbers `words_of` gives a word's pieces are those of `claim_word` of each.
        for word in [
            "said,",
            "(AP)",
            "Trump's",
            "U.S.-led",
            "'90s",
            "don’t",
            "4%",
            "---",
            "the",
            "Approves",
            "ÉTÉ-long",
            "Responsibilities,",
            "(counter-revolutionaries’",
            "internationalization's",
        ] {
            let texts = Texts::new([word].into_iter());
            let mut vocabulary = Vocabulary::new(&texts);
            let mut numbers = Vec::new();
            vocabulary.words_of(0..word.len(), &mut Vec::new(), &mut numbers);
            let got: Vec<String> = numbers
                .iter()
                .map(|&n| vocabulary.numbers.word(n))
                .collect();
            let mut buf = String::new();
            let want: Vec<String> = claim_pieces(word)
                .filter_map(|piece| claim_word(piece, &mut buf).map(str::to_string))
                .collect();
            assert_eq!(got, want, "{word}");
        }
    }

    /// (text, lowercased by `push_lowercase`).
    const LOWERCASE: &[(&str, &str)] = &[
        ("ABC Déjà VU", "abc déjà vu"),
        ("DON’T", "don't"),
        ("\u{212A}elvin ÉTÉ", "kelvin été"),
        ("", ""),
    ];

    #[test]
    fn lowercase_maps_each_character() {
        for &(text, want) in LOWERCASE {
            let mut out = String::from("x");
            push_lowercase(text, &mut out);
            assert_eq!(out, format!("x{want}"), "{text}");
        }
    }

    #[test]
    fn word_sets_compare() {
        let a = word_set("Oakfield spent 12 million dollars on roads");
        let b = word_set("Oakfield spent 12 million dollars on its roads.");
        assert!(same_claim(&a, &b));
        let c = word_set("Oakfield closed two schools");
        assert!(!same_claim(&a, &c));
    }

    /// Odd texts for the word scanners: whitespace of every kind, control characters,
    /// words of 1 to 20 bytes, characters of 1 to 4 bytes.
    const ODD_TEXTS: &[&str] = &[
        "",
        " ",
        "a",
        "  two  words  ",
        "tab\tnew\nline\rvt\u{b}ff\u{c}end",
        "nbsp\u{a0}em\u{2003}ideographic\u{3000}end",
        "ctrl\u{1}inside \u{0}nul",
        "“Quoted,” she said — “twice.”",
        "exactly8 exactly15_bytes_ sixteen_bytes_xx seventeen_bytes_x",
        "émigré naïve 😀emoji😀 日本語",
        "U.S.-led '90s don’t Trump's (AP) 4% ---",
    ];

    #[test]
    fn words_are_split_at_whitespace() {
        for &text in ODD_TEXTS {
            for other in ["", "x", "   "] {
                // Two texts: the words of each are its own.
                let texts = Texts::new([text, other].into_iter());
                for (range, t) in [
                    (0..text.len(), text),
                    (text.len() + 1..text.len() + 1 + other.len(), other),
                ] {
                    let mut at = range.start;
                    let mut got = Vec::new();
                    while let Some((w, key)) = texts.next_word(&mut at, range.end) {
                        if w.len() <= SHORT {
                            assert_eq!(key, key_of(&texts.raw.as_bytes()[w.clone()]));
                        }
                        got.push(&texts.raw[w]);
                    }
                    let want: Vec<&str> = t.split_whitespace().collect();
                    assert_eq!(got, want, "{t:?}");
                    let mut at = 0;
                    let mut got = Vec::new();
                    while let Some(w) = whitespace_word(t, &mut at) {
                        got.push(&t[w]);
                    }
                    assert_eq!(got, want, "{t:?}");
                }
            }
        }
    }

    #[test]
    fn short_keys_are_the_words() {
        let texts = Texts::new(ODD_TEXTS.iter().copied());
        let bytes = texts.raw.as_bytes();
        for at in 0..texts.raw.len() - PAD.len() {
            for len in 1..=SHORT.min(texts.raw.len() - PAD.len() - at) {
                assert_eq!(short_key(bytes, at, len), key_of(&bytes[at..at + len]));
            }
        }
        assert_ne!(key_of(b"ab"), key_of(b"ab\0"));
    }

    /// (word, its `word_lists` bits): listed words pass the `Listed` filter.
    const LISTED_WORDS: &[(&str, u64)] = &[
        ("the", THE),
        ("most", MOST),
        ("million", NUMBER),
        ("march", DATE),
        ("because", CAUSAL),
        ("will", FUTURE),
        ("to", TO),
        ("mayor", 0),
        ("council", 0),
        ("t", 0),
    ];

    #[test]
    fn listed_words_pass_the_filter() {
        for &(w, bits) in LISTED_WORDS {
            assert_eq!(word_lists(w.as_bytes()), bits, "{w}");
        }
        for (list, bit) in LISTS {
            for w in list {
                assert_ne!(word_lists(w.as_bytes()) & bit, 0, "{w}");
            }
        }
    }

    /// (word, whether it is a promise noun).
    const PROMISE_NOUNS: &[(&str, bool)] = &[
        ("promise", true),
        ("Promises", true),
        ("PLEDGE", true),
        ("pledges", true),
        ("vow", true),
        ("Vows", true),
        ("vowed", false),
        ("pledged", false),
        ("promesse", false),
        ("prómise", false),
        ("policy", false),
    ];

    #[test]
    fn promise_nouns() {
        for &(w, want) in PROMISE_NOUNS {
            assert_eq!(is_promise_noun(w), want, "{w}");
        }
    }

    /// (claim text, as shown): `finish_owned` and `finish` agree.
    const FINISHED: &[(&str, &str)] = &[
        ("the plan works.", "The plan works."),
        ("the plan,", "The plan"),
        (" he said so ", "He said so"),
        ("rates rose;\n", "Rates rose"),
        ("it fell —", "It fell"),
        ("él dijo", "Él dijo"),
        ("\"Yes\"", "\"Yes\""),
        ("", ""),
    ];

    #[test]
    fn claims_are_finished() {
        for &(raw, shown) in FINISHED {
            assert_eq!(finish_owned(raw.to_string()), shown, "{raw:?}");
            assert_eq!(finish(raw), shown, "{raw:?}");
        }
    }

    /// Words of ASCII letters and digits, lowercased: `phrase_facts_of_key` reads them as
    /// `phrase_facts` does.
    const PLAIN_WORDS: &[&str] = &[
        "the",
        "bathe",
        "most",
        "mostly",
        "recent",
        "years",
        "as",
        "result",
        "dont",
        "not",
        "knot",
        "know",
        "i",
        "think",
        "of",
        "course",
        "going",
        "to",
        "today",
        "sure",
        "least",
        "x",
        "2019",
        "fifteenletters1",
    ];

    #[test]
    fn phrase_facts_of_keys() {
        for w in PLAIN_WORDS {
            let key = key_of(w.as_bytes());
            assert_eq!(
                phrase_facts_of_key(key, w.len()),
                phrase_facts(w.as_bytes()),
                "{w}"
            );
        }
    }

    #[test]
    fn key_tables_find_what_was_put() {
        let mut table: KeyTable<u32> = KeyTable::with_room(1);
        let words: Vec<String> = (0..2000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            match table.find(key_of(w.as_bytes())) {
                Ok(_) => panic!("{w} found before it was put"),
                Err(slot) => table.insert_at(slot, key_of(w.as_bytes()), i as u32),
            }
        }
        for (i, w) in words.iter().enumerate() {
            let e = table.find(key_of(w.as_bytes())).unwrap();
            assert_eq!(table.entries[e].1, i as u32);
        }
        assert!(table.find(key_of(b"w2000")).is_err());
    }

    #[test]
    fn stems_cut_the_suffixes_in_turn() {
        // The stem as first written: each suffix tried in turn.
        fn stem(w: &str) -> &str {
            for suffix in ["ing", "ed", "es", "s"] {
                if let Some(stem) = w.strip_suffix(suffix) {
                    let long = stem.chars().count() > 3;
                    if long && !stem.ends_with('s') {
                        return stem;
                    }
                }
            }
            w
        }
        for w in [
            "",
            "s",
            "es",
            "ing",
            "sing",
            "being",
            "approving",
            "approved",
            "approves",
            "floods",
            "passes",
            "uses",
            "bass",
            "glasses",
            "ëëëing",
            "ëëing",
            "ëëës",
            "naïves",
            "seed",
            "needed",
            "kissing",
            "process",
            "cases",
        ] {
            assert_eq!(&w[..stem_len(w.as_bytes())], stem(w), "{w}");
            if w.is_ascii() {
                assert_eq!(ascii_stem_len(w.as_bytes()), stem_len(w.as_bytes()), "{w}");
            }
        }
    }

    #[test]
    fn taken_spans_are_found_as_by_a_scan() {
        let mut cands = Cands::default();
        let mut spans: Vec<Span> = Vec::new();
        // A fixed pseudo-random sequence of spans, some empty, some repeated.
        let mut x: u64 = 7;
        let mut next = |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        for _ in 0..300 {
            let start = next(1000) as usize;
            let span = Span::new(start, start + next(60) as usize);
            for _ in 0..5 {
                let q = next(1000) as usize;
                let query = Span::new(q, q + next(40) as usize);
                let want = spans
                    .iter()
                    .any(|s| s.start < query.end && query.start < s.end && !query.is_empty());
                assert_eq!(cands.overlaps(query), want, "{query:?}");
            }
            cands.push(Cand::writer(span, String::new()));
            spans.push(span);
        }
    }

    #[test]
    fn long_words_sharing_a_key_are_told_apart() {
        let mut numbers = WordNumbers {
            short: KeyTable::with_room(1),
            long: Vec::new(),
            count: 0,
            buf: String::new(),
        };
        let a = "internationalization";
        let n = numbers.number_of(a);
        assert_eq!(numbers.number_of(a), n);
        // Another word under `a`'s key: `a` is found by a scan, numbered anew.
        numbers.long[0].0 = "somethingelseentirely".to_string();
        let m = numbers.number_of(a);
        assert_ne!(m, n);
        assert_eq!(numbers.number_of(a), m);
        assert_eq!(numbers.len(), 2);
    }

    #[test]
    fn alphanumeric_and_lowercase_shortcuts() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
        for w in ["DON’T", "ΟΔΟΣ", "Σ’Σ", "Éτε", "İstanbul", "ǅemal", ""] {
            assert_eq!(
                norm_apostrophe(w),
                w.replace('’', "'").to_lowercase(),
                "{w}"
            );
        }
    }

    #[test]
    fn numbers_sort() {
        let mut x: u64 = 3;
        for n in [0, 1, 2, 15, 16, 17, 31, 32, 33, 100, 257] {
            let mut v: Vec<u128> = (0..n)
                .map(|i| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((x >> 40) as u128) << 32 | i as u128
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            sort_numbers(&mut v);
            assert_eq!(v, want, "{n}");
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        for text in [
            "",
            "“",
            "He said that",
            "promised to",
            "While admitting that, ",
            "’s pledge to",
            "“I” — “me,” she said. I’m. I’ll?",
            "ÉÉÉ said that ÄÄÄ ööö üüü are 3 times more.",
        ] {
            let _ = analyze(text).unwrap();
        }
    }
}
