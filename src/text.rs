//! Text structure: paragraphs, tokens and sentences, with every token knowing which
//! quotation (if any) it stands in.
//!
//! Input: the article text and its quoted spans from `marks.rs`. Output: a [`Doc`] the
//! attribution passes walk. Sentences never end inside a quotation, so a long quote and
//! its attribution stay one unit ("“… Any time,” Putin stated.").

use crate::fxhash::FxHashMap;
use crate::marks::Marked;
use crate::span::Span;

/// Calls `f` with `word` in ASCII lower case (`str::to_ascii_lowercase`), without
/// allocating for a word that is already lower case or short.
pub fn with_ascii_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return f(word);
    }
    let mut buf = [0u8; 32];
    match buf.get_mut(..bytes.len()) {
        Some(lower) => {
            lower.copy_from_slice(bytes);
            lower.make_ascii_lowercase();
            // Changing the case of ASCII bytes keeps UTF-8 valid.
            f(std::str::from_utf8(lower).unwrap_or_default())
        }
        None => f(&word.to_ascii_lowercase()),
    }
}

/// `word` in ASCII lower case (`str::to_ascii_lowercase`), in `buf` when it is short:
/// for comparing a word with lowercase words without allocating.
#[inline]
pub fn ascii_lowercase_in<'b>(word: &'b str, buf: &'b mut [u8; 32]) -> std::borrow::Cow<'b, str> {
    // Most words asked about are lower case already: this much is inlined at the callers.
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return std::borrow::Cow::Borrowed(word);
    }
    ascii_lowercase_copy(word, buf)
}

/// `word`, which has capitals, in ASCII lower case (see `ascii_lowercase_in`).
fn ascii_lowercase_copy<'b>(word: &str, buf: &'b mut [u8; 32]) -> std::borrow::Cow<'b, str> {
    let bytes = word.as_bytes();
    match buf.get_mut(..bytes.len()) {
        Some(lower) => {
            // Copied and lowercased in one pass.
            for (l, b) in lower.iter_mut().zip(bytes) {
                *l = b.to_ascii_lowercase();
            }
            // Changing the case of ASCII bytes keeps UTF-8 valid.
            std::borrow::Cow::Borrowed(std::str::from_utf8(lower).unwrap_or_default())
        }
        None => std::borrow::Cow::Owned(word.to_ascii_lowercase()),
    }
}

/// Calls `f` with `word` lowercased (`str::to_lowercase`), without allocating for ASCII
/// words that are already lower case or short.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        with_ascii_lowercase(word, f)
    } else {
        f(&crate::case::to_lowercase(word))
    }
}

/// Every word longer than three letters capitalised: a title ("Shark Tank.", "The Wall
/// Street Journal"), not words quoted from a sentence.
pub fn is_title_cased(words: &str) -> bool {
    words
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .all(|w| w.starts_with(char::is_uppercase))
}

/// Splits text into paragraphs: non-empty lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    // News paragraphs run to a few hundred bytes.
    let mut out = Vec::with_capacity(text.len() / 256 + 4);
    let mut start = 0;
    loop {
        let end = next_line_break(bytes, start);
        let span = Span::new(start, end).trim(text);
        if !span.is_empty() {
            out.push(span);
        }
        if end == bytes.len() {
            return out;
        }
        start = end + 1;
    }
}

/// The first line break from byte `from` (`bytes.len()` if none): eight bytes at a time,
/// as lines run to hundreds of bytes.
fn next_line_break(bytes: &[u8], from: usize) -> usize {
    use crate::span::{bytes_equal, first_flagged};
    first_flagged(bytes, from, |word| bytes_equal(word, b'\n'), |b| b == b'\n')
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    /// A quotation mark that opens or closes a quote in `Doc::quotes`.
    QuoteMark,
}

/// A word, number, punctuation mark or quotation mark of the text, compact: a long article
/// has a million tokens and the passes read them over and over, so they are kept to 16
/// bytes (with `usize` fields and an `Option`, 56: the tokens of a 5 MB text outgrew the
/// caches and each pass over them waited on memory). Offsets and indices take three
/// bytes each: `Doc::new` takes texts of at most `MAX_TEXT_BYTES` (16 MiB, 2^24 bytes),
/// so every byte offset below the end, and every paragraph, sentence and quote number,
/// is below 2^24. Read through the accessors, which give them as `usize` and `Span` like
/// the rest of the crate.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// The numbers of `Field`, three bytes each, little-endian.
    fields: [u8; 15],
    pub kind: TokenKind,
}

const _: () = assert!(std::mem::size_of::<Token>() == 16);

/// Shown by what the fields mean, not as the bytes they are kept in.
impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("span", &self.span())
            .field("kind", &self.kind)
            .field("paragraph", &self.paragraph())
            .field("sentence", &self.sentence())
            .field("quote", &self.quote())
            .finish()
    }
}

/// What `Token::fields` holds, by the offset of its bytes. Each is below 2^24 (see
/// `Token`).
#[derive(Clone, Copy)]
enum Field {
    Start = 0,
    /// The offset of the token's last byte (tokens are never empty): the end itself may
    /// be 2^24.
    Last = 3,
    Paragraph = 6,
    Sentence = 9,
    /// The outermost quotation the token stands inside (its content), `NO_QUOTE` if none.
    Quote = 12,
}

/// `Field::Quote` of a token outside every quotation (no text within the limit has as
/// many quotes).
const NO_QUOTE: usize = (1 << 24) - 1;

impl Token {
    /// A token of paragraph `paragraph` (within `MAX_TEXT_BYTES`, as `Doc::new` checks), in
    /// no sentence or quote yet.
    fn new(span: Span, kind: TokenKind, paragraph: usize) -> Token {
        debug_assert!(span.start < span.end && span.end <= 1 << 24 && paragraph < 1 << 24);
        // (Packed in one number: storing the fields one by one took twice the time.)
        let packed = span.start as u128
            | ((span.end - 1) as u128) << (8 * Field::Last as u32)
            | (paragraph as u128) << (8 * Field::Paragraph as u32)
            | (NO_QUOTE as u128) << (8 * Field::Quote as u32);
        let bytes = packed.to_le_bytes();
        Token {
            fields: bytes[..15].try_into().unwrap(),
            kind,
        }
    }

    #[inline]
    fn get(&self, field: Field) -> usize {
        let at = field as usize;
        // One load of four bytes, the field's and a neighbour's (for the last field, the
        // byte before it).
        let word =
            |from: usize| u32::from_le_bytes(self.fields[from..from + 4].try_into().unwrap());
        if at + 4 <= self.fields.len() {
            (word(at) & 0xff_ffff) as usize
        } else {
            (word(at - 1) >> 8) as usize
        }
    }

    fn set(&mut self, field: Field, n: usize) {
        debug_assert!(n < 1 << 24);
        let at = field as usize;
        self.fields[at..at + 3].copy_from_slice(&(n as u32).to_le_bytes()[..3]);
    }

    /// The token's bytes in the text.
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.get(Field::Start), self.get(Field::Last) + 1)
    }

    #[inline]
    pub fn paragraph(&self) -> usize {
        self.get(Field::Paragraph)
    }

    /// The index of the token's sentence in `Doc::sentences`.
    #[inline]
    pub fn sentence(&self) -> usize {
        self.get(Field::Sentence)
    }

    /// The outermost quotation this token stands inside (its content), if any.
    #[inline]
    pub fn quote(&self) -> Option<usize> {
        let q = self.get(Field::Quote);
        (q != NO_QUOTE).then_some(q)
    }

    fn set_quote(&mut self, quote: Option<usize>) {
        self.set(Field::Quote, quote.unwrap_or(NO_QUOTE));
    }
}

/// The analysed text with its structure.
pub struct Doc<'a> {
    pub text: &'a str,
    pub paragraphs: Vec<Span>,
    /// Outermost quotations (depth 0), in text order.
    pub quotes: Vec<Marked>,
    pub tokens: Vec<Token>,
    /// Token index ranges of the sentences.
    pub sentences: Vec<std::ops::Range<usize>>,
    title_case: Vec<bool>,
    every_word_capitalised: Vec<bool>,
    headline: Option<usize>,
    /// Written in French (by its function words): cue verbs, auxiliaries and "selon" are
    /// then read as French.
    pub french: bool,
    /// What each word is to the lexicon, looked up once (the passes ask about the same
    /// tokens many times): per token, its entry in `lexicon_entries`. Four bytes a token
    /// rather than the entry itself: a long text has a million tokens and few entries.
    lexical: Vec<u32>,
    /// The distinct lexicon answers of the text; entry 0 is a non-word's.
    lexicon_entries: Vec<Lexical>,
    /// The distinct words of the text (word tokens), numbered by their entries.
    words: WordNumbers<'a>,
    /// For each `BLOCK` bytes of text, the number of tokens starting before the block:
    /// finding the token at an offset reads a few tokens of one block instead of binary
    /// searching all of them (in a long article, a cache miss at every step).
    block_tokens: Vec<u32>,
    /// Each token's start, compact: the search within a block reads a cache line or two.
    token_starts: Vec<u32>,
    /// Each token's text, sliced once: the passes ask for token texts millions of times
    /// (`tok`), and slicing checks char boundaries at every call.
    token_texts: Vec<&'a str>,
    /// Each quote's opening and closing mark tokens (`NO_TOKEN` for none), looked up once.
    quote_marks: Vec<(u32, u32)>,
    /// For each paragraph, and one past the last, the index of its first token: the
    /// passes that walk every paragraph read their ranges here instead of binary searching
    /// all tokens (in a long text, a cache miss at every step).
    paragraph_starts: Vec<usize>,
    /// The tokens where an "according to" cue stands (`according_to`), in order: few
    /// sentences have one, and a pass looking for them reads this instead of every token.
    according_cues: Vec<u32>,
    /// The entry of "state" read as an adjective (see `Doc::new`), if any.
    state_adjective: Option<u32>,
}

const NO_TOKEN: u32 = u32::MAX;

/// Bytes of text per entry of `Doc::block_tokens`.
const BLOCK: usize = 64;

/// The distinct words of a text, numbered from 1 in the order met. Nearly all words are of
/// up to sixteen bytes: packed in a `u128`, they are looked up in an open-addressing table
/// of their own (a multiply or two and a compare, where a hash map of strings hashes bytes
/// and compares strings); longer words, and short ones once the table is full, in a hash
/// map.
struct WordNumbers<'a> {
    /// Per slot, the number of the short word there, 0 for none: at most half the slots
    /// are taken, so a probe always meets an empty one.
    slots: Vec<u32>,
    /// The shift that leaves a slot index of a 64-bit hash.
    shift: u32,
    /// Per number, the word packed (0 for a long word, and for number 0, which is none).
    packed: Vec<u128>,
    /// How many more words `slots` takes. Once it is full, new short words go to `long`
    /// (so a short word not in `slots` may be in `long` only then).
    room: usize,
    long: FxHashMap<&'a str, u32>,
}

impl<'a> WordNumbers<'a> {
    /// Room for about `n` distinct short words before any goes to the hash map.
    fn with_capacity(n: usize) -> WordNumbers<'a> {
        let slots = (2 * n).clamp(16, 1 << 20).next_power_of_two();
        let mut packed = Vec::with_capacity(n + 1);
        packed.push(0);
        WordNumbers {
            slots: vec![0; slots],
            shift: 64 - slots.trailing_zeros(),
            packed,
            room: slots / 2,
            long: crate::fxhash::map_for(n / 8),
        }
    }

    /// The slot of packed word `key`, or of the empty slot where it would go.
    fn slot(&self, key: u128) -> usize {
        // Fibonacci hashing: the top bits of the product depend on every byte.
        let (head, tail) = (key as u64, (key >> 64) as u64);
        let mixed = head ^ tail.rotate_left(29);
        let mut i = (mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize;
        let mask = self.slots.len() - 1;
        loop {
            let number = self.slots[i];
            if number == 0 || self.packed[number as usize] == key {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The number of word `w`, and whether it is new (numbered by this call).
    fn number(&mut self, w: &'a str) -> (u32, bool) {
        let next = self.packed.len() as u32;
        if let Some(key) = packed_word(w) {
            let i = self.slot(key);
            if self.slots[i] != 0 {
                return (self.slots[i], false);
            }
            if self.room > 0 {
                self.room -= 1;
                self.slots[i] = next;
                self.packed.push(key);
                return (next, true);
            }
        }
        let number = *self.long.entry(w).or_insert(next);
        if number == next {
            self.packed.push(0);
        }
        (number, number == next)
    }

    fn get(&self, w: &str) -> Option<u32> {
        if let Some(key) = packed_word(w) {
            // (No word token holds a zero byte, which would pack like the end of a word.)
            if w.contains('\0') {
                return None;
            }
            let number = self.slots[self.slot(key)];
            if number != 0 {
                return Some(number);
            }
        }
        self.long.get(w).copied()
    }
}

/// A word of one to sixteen bytes as a `u128`, its bytes zero-padded (`None` for others):
/// no word token holds a zero byte, so no two share one.
fn packed_word(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let head = crate::fxhash::partial_word(b.get(..8).unwrap_or(b));
    match b.len() {
        1..=8 => Some(head as u128),
        9..=16 => Some(head as u128 | (crate::fxhash::partial_word(&b[8..]) as u128) << 64),
        _ => None,
    }
}

#[derive(Clone, Copy, Default)]
struct Lexical {
    cue: Option<crate::lexicon::CueVerb>,
    role: Option<bool>,
}

fn is_word_char(c: char) -> bool {
    match c as u32 {
        // General punctuation (curly quotes, dashes, spaces), met after or inside many
        // words: none is a letter or digit, and only the zero-width joiner is combining.
        // Answered here rather than by the Unicode tables.
        0x2000..=0x206F => c == '\u{200d}',
        _ => c.is_alphanumeric() || c == '\u{ad}' || is_combining(c),
    }
}

/// Combining marks (accents written separately) and the zero-width joiner belong to the
/// preceding letter.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
}

/// Words that open an adjunct after a cue, not a clause: "said on Monday", "shouted to
/// the crowd", "said last week".
fn is_adjunct_start(word: &str) -> bool {
    crate::lexicon::in_class(word, crate::lexicon::ADJUNCT_START)
        || crate::lexicon::is_weekday(word)
}

/// Words that open an adjunct (`is_adjunct_start`): "on Monday", "last week"; "when" and
/// "back": "“Too forced?” He tweeted when …", "“Mexico!” the audience screamed back."
pub(crate) const ADJUNCT_STARTS: &str = "
    on in at to during after before while as from with of last this yesterday today
    tonight earlier later again recently when back
";

/// Abbreviations after which a period does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Sens"
            | "Reps"
            | "Del"
            | "Atty"
            | "Supt"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Det"
            | "Insp"
            | "Maj"
            | "Cmdr"
            | "Cllr"
            | "Adm"
            | "St"
            | "Jr"
            | "Sr"
            | "Prof"
            | "Rev"
            | "Hon"
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "No"
            | "vs"
            // A case's "v.": "Roe v. Wade".
            | "v"
            | "etc"
            | "Mt"
            | "Ft"
            | "Pres"
            | "Gov't"
            | "approx"
            | "Dept"
            | "Univ"
            | "Ave"
            | "Blvd"
            | "Calif"
            | "Mass"
            | "Fla"
            | "Ill"
            | "Penn"
            | "Wash"
            | "Ariz"
            | "Conn"
            | "Mich"
            | "Minn"
            | "Ore"
            | "Tenn"
            | "Va"
            | "Wis"
            | "Ky"
            | "La"
            | "Md"
            | "Mo"
            | "Nev"
            | "Okla"
    ) || crate::lexicon::is_month_abbreviation(word)
        || (word.len() == 1 && word.chars().all(|c| c.is_uppercase()))
        || (word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.'))
}

/// At a hyphen: the length of "-t-" or "-" before an inverted subject pronoun ("-t-il",
/// "-elle") that ends the word, else 0.
fn inverted_pronoun_at(rest: &str) -> usize {
    let hyphens = if rest.starts_with("-t-") { 3 } else { 1 };
    let after = &rest[hyphens..];
    for pronoun in ["il", "elle", "ils", "elles"] {
        if let Some(tail) = after.strip_prefix(pronoun) {
            if !tail.chars().next().is_some_and(is_word_char) {
                return hyphens;
            }
        }
    }
    0
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Language {
    English,
    French,
}

/// What the document reads off a distinct word besides its lexicon entry: whether it
/// counts towards a paragraph's title case, and its language if it is one of the most
/// frequent function words (which tell French from English).
#[derive(Clone, Copy, Default)]
struct WordFacts<'a> {
    text: &'a str,
    /// More than three chars.
    long: bool,
    capitalised: bool,
    function_word: Option<Language>,
    /// The word of an "according to" cue: "according" in any case, or French "selon",
    /// "Selon" or "Pour" (`Doc::according_to_word`).
    according: bool,
}

impl<'a> WordFacts<'a> {
    fn of(w: &'a str) -> WordFacts<'a> {
        // (No function word is longer than five bytes: most words are ruled out by their
        // length.)
        let (function_word, according) = match w.as_bytes() {
            [_, _, _, _, _, _, ..] => (None, w.eq_ignore_ascii_case("according")),
            b"le" | b"la" | b"les" | b"des" | b"du" | b"est" | b"et" | b"une" | b"que" | b"qui"
            | b"dans" | b"pour" | b"sur" | b"pas" | b"au" | b"aux" | b"cette" | b"avec" => {
                (Some(Language::French), false)
            }
            b"the" | b"and" | b"of" | b"to" | b"is" | b"that" | b"in" | b"for" | b"on"
            | b"with" | b"was" | b"he" | b"she" | b"said" => (Some(Language::English), false),
            b"selon" | b"Selon" | b"Pour" => (None, true),
            _ => (None, false),
        };
        WordFacts {
            text: w,
            // As many chars as bytes in ASCII; a char has at most four bytes.
            long: w.len() > 12 || w.len() > 3 && (w.is_ascii() || w.chars().count() > 3),
            capitalised: match w.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => w.chars().next().is_some_and(char::is_uppercase),
            },
            function_word,
            according,
        }
    }
}

impl<'a> Doc<'a> {
    /// The structure of `text`, of at most `MAX_TEXT_BYTES` (which `analyze` checks):
    /// tokens store offsets in three bytes.
    pub fn new(text: &'a str, paragraphs: Vec<Span>, marked: &[Marked]) -> Doc<'a> {
        assert!(
            text.len() <= crate::MAX_TEXT_BYTES,
            "a text over MAX_TEXT_BYTES: token offsets take three bytes"
        );
        let quotes: Vec<Marked> = marked.iter().filter(|m| m.depth == 0).cloned().collect();
        let Tokenized {
            mut tokens,
            texts: token_texts,
            starts: token_starts,
            paragraph_starts,
            block_tokens,
            ages,
        } = tokenize(text, &paragraphs, &quotes);
        // "the 46-year-old said" names a person; in "a 26-year-old Berlin man", "the
        // club's 78-year-old president" and "a 21-year-old wanted" the age is an
        // adjective, read as the number it starts with.
        for i in ages {
            let Some(&next) = tokens.get(i + 1) else {
                continue;
            };
            if next.kind == TokenKind::Word
                && next.paragraph() == tokens[i].paragraph()
                && !is_age_noun_follower(token_texts[i + 1])
            {
                tokens[i].kind = TokenKind::Number;
            }
        }
        // Each distinct word is looked up once (an article repeats most of its words):
        // its lexicon entry below, and here its facts for the per-paragraph counts and
        // the language vote. A word's number in `words` is its entry in
        // `lexicon_entries` and its index in `distinct` (0 is a non-word's).
        let mut words = WordNumbers::with_capacity(tokens.len() / 2);
        let mut distinct: Vec<WordFacts> = Vec::with_capacity(tokens.len() / 2);
        distinct.push(WordFacts::default());
        // (Entry 0 for every token but the words, which are numbered below.)
        let mut lexical: Vec<u32> = vec![0; tokens.len()];
        // Per paragraph: (words of any length, words longer than three letters, how many of
        // those are capitalised).
        let mut counts = vec![(0usize, 0usize, 0usize); paragraphs.len()];
        let (mut french_votes, mut english_votes) = (0usize, 0usize);
        // The words that may be an "according to" cue (`WordFacts::according`): most
        // texts have none, or one.
        let mut according_entries: Vec<u32> = Vec::new();
        for ((t, &w), lexical) in tokens.iter().zip(&token_texts).zip(&mut lexical) {
            if t.kind != TokenKind::Word {
                continue;
            }
            let (entry, new) = words.number(w);
            if new {
                let facts = WordFacts::of(w);
                if facts.according {
                    according_entries.push(entry);
                }
                distinct.push(facts);
            }
            *lexical = entry;
            let facts = &distinct[entry as usize];
            let count = &mut counts[t.paragraph()];
            count.0 += 1;
            if facts.long {
                count.1 += 1;
                count.2 += facts.capitalised as usize;
            }
            match facts.function_word {
                Some(Language::French) => french_votes += 1,
                Some(Language::English) => english_votes += 1,
                None => {}
            }
        }
        // The headline: the first paragraph of three words or more (a kicker or a stray
        // word before it is no headline).
        let headline = counts.iter().position(|&(n, _, _)| n >= 3);
        let title_case = counts
            .iter()
            .map(|&(_, w, c)| w >= 2 && c * 10 >= w * 7)
            .collect();
        let every_word_capitalised = counts.iter().map(|&(_, w, c)| w >= 3 && c == w).collect();
        // Written in French when its most frequent function words are French.
        let french = french_votes > 2 * english_votes;
        let mut entries = Vec::with_capacity(distinct.len() + 1);
        entries.push(Lexical::default());
        let mut lower = crate::lexicon::LowerBuf::for_many();
        for &WordFacts { text: w, .. } in &distinct[1..] {
            let (cue, role) = if french {
                (
                    crate::lexicon::cue_verb_french(w),
                    crate::lexicon::role_noun(w),
                )
            } else {
                crate::lexicon::cue_verb_and_role_noun(w, &mut lower)
            };
            entries.push(Lexical { cue, role });
        }
        // "state Del. Marcia Price", "state officials said", "state election offices":
        // "state" before a name, title or noun is the adjective, not the speech verb (which
        // takes "that", a determiner, a pronoun, a preposition or an adverb).
        let mut state_adjective = None;
        if let Some(state) = words
            .get("state")
            .filter(|&e| entries[e as usize].cue.is_some())
        {
            // The entry of "state" read as an adjective: without the cue.
            let adjective = entries.len() as u32;
            state_adjective = Some(adjective);
            entries.push(Lexical {
                cue: None,
                ..entries[state as usize]
            });
            for i in 0..tokens.len().saturating_sub(1) {
                if lexical[i] != state {
                    continue;
                }
                let (t, next) = (tokens[i], tokens[i + 1]);
                let after = token_texts[i + 1];
                if next.kind == TokenKind::Word
                    && next.paragraph() == t.paragraph()
                    && (after.starts_with(char::is_uppercase)
                        || entries[lexical[i + 1] as usize].role.is_some()
                        || !(after.ends_with("ly") || opens_verb_complement(after)))
                {
                    lexical[i] = adjective;
                }
            }
        }
        let mut doc = Doc {
            text,
            paragraphs,
            quotes,
            tokens,
            sentences: Vec::new(),
            title_case,
            every_word_capitalised,
            headline,
            french,
            lexical,
            lexicon_entries: entries,
            words,
            block_tokens,
            token_starts,
            token_texts,
            quote_marks: Vec::new(),
            paragraph_starts,
            according_cues: Vec::new(),
            state_adjective,
        };
        let token = |t: Option<usize>| t.map_or(NO_TOKEN, |t| t as u32);
        doc.quote_marks = (0..doc.quotes.len())
            .map(|q| {
                let open = doc.token_at(doc.quotes[q].open.start);
                let close = doc.quotes[q].close.and_then(|c| doc.token_at(c.start));
                (token(open), token(close))
            })
            .collect();
        doc.split_sentences();
        // The tokens of the words that may be one (most texts have none, or one such
        // word), read once the sentences are known: French "Pour" opens one.
        let mut according_cues = Vec::new();
        for entry in according_entries {
            for (k, &e) in doc.lexical.iter().enumerate() {
                if e == entry && doc.tokens[k].quote().is_none() && doc.according_to_word(k) > 0 {
                    according_cues.push(k as u32);
                }
            }
        }
        doc.according_cues = according_cues;
        // (Several such words, "according" and "According", came one after another.)
        crate::sort::sort_values(&mut doc.according_cues);
        doc
    }

    /// How many tokens an "according to" cue at token `i` takes: 2 for "according to",
    /// 1 for French "selon", 0 when there is none.
    #[inline]
    pub fn according_to(&self, i: usize) -> usize {
        let t = &self.tokens[i];
        // Asked of every token: a word outside quotes of the length of "according",
        // "selon" or "Pour" is read on (out of line).
        if t.quote().is_some() || t.kind != TokenKind::Word || !matches!(t.span().len(), 4 | 5 | 9)
        {
            return 0;
        }
        self.according_to_word(i)
    }

    /// The tokens of `range` where an "according to" cue stands (`according_to` above 0),
    /// in order.
    pub fn according_cues_in(
        &self,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = usize> + '_ {
        let from = self
            .according_cues
            .partition_point(|&k| (k as usize) < range.start);
        self.according_cues[from..]
            .iter()
            .map(|&k| k as usize)
            .take_while(move |&k| k < range.end)
    }

    /// `according_to` of word token `i`, outside quotes.
    fn according_to_word(&self, i: usize) -> usize {
        let w = self.tok(i);
        if w.eq_ignore_ascii_case("according")
            && i + 1 < self.tokens.len()
            && self.tok(i + 1) == "to"
        {
            2
        } else if self.french
            // "Pour M. Dupont, « … »" opens a sentence with the speaker's view.
            && (w == "selon" || w == "Selon" || w == "Pour" && self.sentence_starts_at(i))
        {
            1
        } else {
            0
        }
    }

    /// The token range of paragraph `p` (empty past the last paragraph).
    pub fn paragraph_tokens(&self, p: usize) -> std::ops::Range<usize> {
        // `tokens.partition_point(|t| t.paragraph() < p)`, looked up.
        let start = |p: usize| {
            self.paragraph_starts
                .get(p)
                .copied()
                .unwrap_or(self.tokens.len())
        };
        start(p)..start(p + 1)
    }

    /// Whether token `i` is capitalised mid-sentence outside a title-case paragraph: part
    /// of a name ("the United States", "the Islamic State"), so never a verb.
    pub fn capitalised_mid_sentence(&self, i: usize) -> bool {
        !self.sentence_starts_at(i)
            && self.tok(i).chars().next().is_some_and(|c| c.is_uppercase())
            && !self.is_title_case(self.tokens[i].paragraph())
    }

    fn sentence_starts_at(&self, i: usize) -> bool {
        self.sentences
            .get(self.tokens[i].sentence())
            .is_some_and(|s| s.start == i)
    }

    /// The text of token `i`, or "" past either end of the text: a rule reading the word
    /// after a text's last word ("Politifact then pointed") or before its first reads no
    /// word rather than stopping the analysis.
    pub fn tok(&self, i: usize) -> &'a str {
        self.token_texts.get(i).copied().unwrap_or("")
    }

    /// The tokens that are a cue verb (`cue`) or a word token of `words` (as written), in order:
    /// found by their words' lexicon entries, each distinct word asked about once, rather
    /// than by reading every token's text.
    pub fn cue_or_word_tokens(&self, words: &[&str]) -> Vec<u32> {
        let mut wanted: Vec<bool> = self
            .lexicon_entries
            .iter()
            .map(|e| e.cue.is_some())
            .collect();
        // (Entry 0, a non-word's, is no word's.)
        for &w in words {
            if let Some(e) = self.words.get(w).filter(|&e| e != 0) {
                wanted[e as usize] = true;
            }
            if w == "state" {
                if let Some(adjective) = self.state_adjective {
                    wanted[adjective as usize] = true;
                }
            }
        }
        let mut out = Vec::new();
        for (k, &e) in self.lexical.iter().enumerate() {
            if wanted[e as usize] {
                out.push(k as u32);
            }
        }
        out
    }

    /// The cue verb token `i` is an inflection of, if any (cached `lexicon::cue_verb`).
    pub fn cue(&self, i: usize) -> Option<crate::lexicon::CueVerb> {
        let entry = *self.lexical.get(i)?;
        self.lexicon_entries[entry as usize].cue
    }

    /// Whether the text has `w`, starting with a lowercase letter, as a word: capitalised
    /// at a sentence start, such a word is a common word, not a name ("Children").
    pub fn has_lowercase_word(&self, w: &str) -> bool {
        w.chars().next().is_some_and(char::is_lowercase) && self.words.get(w).is_some()
    }

    /// Whether token `i` is a role noun, and of a body (cached `lexicon::role_noun`).
    pub fn role(&self, i: usize) -> Option<bool> {
        let entry = *self.lexical.get(i)?;
        self.lexicon_entries[entry as usize].role
    }

    fn split_sentences(&mut self) {
        let n = self.tokens.len();
        // News sentences average some 25 tokens.
        let mut sentences = Vec::with_capacity(n / 16);
        let mut start = 0;
        for p in 0..self.paragraphs.len() {
            let (mut i, end) = (self.paragraph_starts[p], self.paragraph_starts[p + 1]);
            // A paragraph's last token ends a sentence; before it, only a stop or a quote
            // mark may (`ends_sentence`), and most tokens are words, stepped over in a
            // search of their own.
            let last = end.saturating_sub(1).max(i);
            while let Some(k) = self.tokens[i..last]
                .iter()
                .position(|t| matches!(t.kind, TokenKind::Punct | TokenKind::QuoteMark))
            {
                i += k;
                if self.ends_sentence(i) {
                    self.close_sentence(&mut sentences, start..i + 1);
                    start = i + 1;
                }
                i += 1;
            }
            if start < end {
                self.close_sentence(&mut sentences, start..end);
                start = end;
            }
        }
        self.sentences = sentences;
    }

    /// Adds the sentence of the tokens `range` to `sentences` and numbers them with it:
    /// right away, while the search for its end has them in the cache (`ends_sentence`
    /// reads no token's sentence).
    fn close_sentence(
        &mut self,
        sentences: &mut Vec<std::ops::Range<usize>>,
        range: std::ops::Range<usize>,
    ) {
        for t in &mut self.tokens[range.clone()] {
            t.set(Field::Sentence, sentences.len());
        }
        sentences.push(range);
    }

    /// Whether a sentence ends at token `i`: the paragraph does, or a stop outside quotes
    /// before a new sentence, or a quotation that ends one.
    fn ends_sentence(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let Some(next) = self.tokens.get(i + 1) else {
            return true;
        };
        if next.paragraph() != t.paragraph() {
            return true;
        }
        match t.kind {
            TokenKind::Punct if t.quote().is_none() => {
                let s = self.tok(i);
                if !(s == "." || s == "!" || s == "?" || s == "…") {
                    return false;
                }
                // Closing marks and brackets right after the stop belong to this sentence.
                // ("before 6 p.m. He remains …", "in the U.S. The company …": a pronoun or
                // an article after an abbreviation starts a sentence.)
                let abbreviation = s == "."
                    && i > 0
                    && self.tokens[i - 1].span().end == t.span().start
                    && is_abbreviation(self.tok(i - 1))
                    && !matches!(
                        self.tok(i + 1),
                        "He" | "She"
                            | "It"
                            | "They"
                            | "We"
                            | "The"
                            | "This"
                            | "These"
                            | "Those"
                            | "There"
                            | "His"
                            | "Her"
                            | "Its"
                            | "Their"
                            | "Our"
                    );
                let next_starts_sentence = next.kind == TokenKind::QuoteMark
                    || next.kind == TokenKind::Number
                    || self
                        .tok(i + 1)
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase());
                !abbreviation && next_starts_sentence
            }
            // A quotation whose content ends a sentence, followed by a new capitalised
            // sentence: “I am ready.” Putin left. (but not “…,” Putin said.)
            TokenKind::QuoteMark if i > 0 => {
                let Some(q) = self.closing_quote_of(i) else {
                    return false;
                };
                let content = self.quotes[q].content.text(self.text).trim_end();
                let ends_sentence = content.ends_with(['.', '!', '?', '…']);
                let next_is_new = next.kind == TokenKind::QuoteMark
                    || self
                        .tok(i + 1)
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase());
                // A quotation opened inside the writer's clause ("She says Trump
                // represents the “same rigged system.” She adds, …") already has its
                // speaker; a cue after it belongs to the next sentence.
                let opened_mid_clause = self
                    .open_token(q)
                    .and_then(|open| open.checked_sub(1))
                    .is_some_and(|before| {
                        let o = self.tokens[before];
                        o.kind == TokenKind::Word && o.paragraph() == t.paragraph()
                    });
                ends_sentence && next_is_new && (opened_mid_clause || !self.cue_follows(i + 1))
            }
            _ => false,
        }
    }

    /// Whether an attribution closes the sentence after token `i`: “I am ready.” Putin
    /// said. / “…” said Putin. / “…!” Mayor Price, a Democrat, shouted to the crowd. A cue
    /// that opens a clause of its own ("He argued that …", "Critics say the plan …")
    /// starts a new sentence instead.
    fn cue_follows(&self, i: usize) -> bool {
        let para = match self.tokens.get(i) {
            Some(t) => t.paragraph(),
            None => return false,
        };
        // Words of the subject's head, outside an appositive ("Mayor Price, a Democrat,")
        // and a parenthetical; words inside them.
        let (mut words, mut aside_words) = (0, 0);
        let mut commas = 0;
        let mut parenthetical = false;
        let mut k = i;
        while k < self.tokens.len().min(i + 24) {
            let t = self.tokens[k];
            let w = self.tok(k);
            k += 1;
            if t.kind == TokenKind::QuoteMark {
                // state Del. Marcia "Cia" Price: a nickname is part of the subject.
                match self.nickname_opened_at(k - 1) {
                    Some(close) => {
                        k = close + 1;
                        continue;
                    }
                    None => return false,
                }
            }
            if t.paragraph() != para {
                return false;
            }
            if t.kind != TokenKind::Word {
                // The subject may hold an appositive, a parenthetical or an abbreviation's
                // dot ("Del. Marcia Price (D-Newport News),"), nothing else.
                let abbreviation_dot = w == "." && k > i + 1 && {
                    let before = self.tok(k - 2);
                    is_abbreviation(before)
                        || before.len() <= 3 && before.starts_with(char::is_uppercase)
                };
                match w {
                    "(" => parenthetical = true,
                    ")" => parenthetical = false,
                    "," if !parenthetical => commas += 1,
                    _ => {}
                }
                if matches!(w, "," | "(" | ")" | "-") || abbreviation_dot || parenthetical {
                    continue;
                }
                return false;
            }
            if let Some(cue) = self.cue(k - 1).filter(|c| c.quotative) {
                let after = self.tokens.get(k).filter(|a| a.paragraph() == para);
                // ("“You think I'm going to change?” Trump asked reporters rhetorically":
                // a verb of telling or asking and its listener.)
                let telling = matches!(cue.lemma, "tell" | "ask");
                let closes = after.is_none_or(|a| {
                    let next = a.span().text(self.text);
                    matches!(next, "." | "," | ";" | "!" | "?")
                        || is_adjunct_start(next)
                        // ("said pleasantly into the phone": a manner adverb.)
                        || next.len() > 4 && next.ends_with("ly")
                        || telling
                            && (crate::lexicon::is_plain_listener(next)
                                || matches!(next, "her" | "the" | "a" | "an"))
                });
                // "said Putin." — an inverted cue followed by the speaker's name.
                let inverted = words == 0
                    && after
                        .is_some_and(|a| a.span().text(self.text).starts_with(char::is_uppercase));
                // "Emery retweeted the story, saying, “…”": a participle continues a
                // clause of the writer's, and an appositive is closed by its second comma.
                let participle = w.ends_with("ing");
                return (closes || inverted) && !participle && commas != 1;
            }
            // "Emery retweeted the story": a past-tense verb makes a clause of its own
            // (inside an appositive a participle describes: "Miller, a retired worker …,").
            if w.ends_with("ed")
                && w.starts_with(char::is_lowercase)
                && commas != 1
                && !parenthetical
            {
                return false;
            }
            if commas == 1 || parenthetical {
                aside_words += 1;
            } else {
                words += 1;
            }
            if words > 4 || aside_words > 10 {
                return false;
            }
        }
        false
    }

    /// The quote that token `i` (a quote mark) closes. Outermost quotes never overlap, so
    /// their marks are in text order and a binary search finds them.
    pub fn closing_quote_of(&self, i: usize) -> Option<usize> {
        let at = self.tokens[i].span().start;
        let q = self
            .quotes
            .partition_point(|q| q.close.map_or(q.content.end, |c| c.start) < at);
        (q < self.quotes.len() && self.quotes[q].close.is_some_and(|c| c.start == at)).then_some(q)
    }

    /// The quote that token `i` (a quote mark) opens.
    pub fn opening_quote_of(&self, i: usize) -> Option<usize> {
        let at = self.tokens[i].span().start;
        let q = self.quotes.partition_point(|q| q.open.start < at);
        (q < self.quotes.len() && self.quotes[q].open.start == at).then_some(q)
    }

    /// The number of tokens starting before byte `at`: the index of the first token at or
    /// after it (`tokens.partition_point(|t| t.span.start < at)`).
    pub fn tokens_before(&self, at: usize) -> usize {
        let block = at / BLOCK;
        let n = self.tokens.len();
        let from = self.block_tokens.get(block).map_or(n, |&t| t as usize);
        let to = self.block_tokens.get(block + 1).map_or(n, |&t| t as usize);
        // Tokens before `from` start before this block, those from `to` after it.
        from + self.token_starts[from..to].partition_point(|&s| (s as usize) < at)
    }

    /// The token index range of the tokens starting inside `span`.
    pub fn tokens_within(&self, span: Span) -> std::ops::Range<usize> {
        let start = self.tokens_before(span.start);
        let end = self.tokens_before(span.end);
        start..end.max(start)
    }

    /// Token index range of the quote's content.
    pub fn quote_tokens(&self, q: usize) -> std::ops::Range<usize> {
        let span = self.quotes[q].content;
        self.tokens_before(span.start)..self.tokens_before(span.end)
    }

    /// Whether a line break stands between token `k` and the token before it (false for
    /// the first token).
    pub fn line_break_before(&self, k: usize) -> bool {
        // (A byte search: no char but a line break holds the byte.)
        k > 0
            && self.text.as_bytes()[self.tokens[k - 1].span().end..self.tokens[k].span().start]
                .contains(&b'\n')
    }

    /// Whether a quotation stands in the tokens `tokens`: a quotation mark or a token
    /// inside one.
    pub fn quotation_in(&self, tokens: std::ops::Range<usize>) -> bool {
        self.tokens[tokens]
            .iter()
            .any(|t| t.quote().is_some() || t.kind == TokenKind::QuoteMark)
    }

    /// The token that starts at byte `at`, if one does.
    pub fn token_at(&self, at: usize) -> Option<usize> {
        let i = self.tokens_before(at);
        (i < self.tokens.len() && self.tokens[i].span().start == at).then_some(i)
    }

    /// The token index of the quote's opening mark.
    pub fn open_token(&self, q: usize) -> Option<usize> {
        let t = self.quote_marks[q].0;
        (t != NO_TOKEN).then_some(t as usize)
    }

    /// The token index of the quote's closing mark.
    pub fn close_token(&self, q: usize) -> Option<usize> {
        let t = self.quote_marks[q].1;
        (t != NO_TOKEN).then_some(t as usize)
    }

    /// The closing mark of the nickname whose opening mark is token `i`, if `i` opens one:
    /// what a name or a subject steps over ("state Del. Marcia “Cia” Price").
    pub fn nickname_opened_at(&self, i: usize) -> Option<usize> {
        if self.tokens.get(i)?.kind != TokenKind::QuoteMark {
            return None;
        }
        let q = self.tokens.get(i + 1)?.quote()?;
        (self.open_token(q) == Some(i) && self.is_nickname(q))
            .then(|| self.close_token(q))
            .flatten()
    }

    /// Whether quote `q` is a nickname inside a name: Rep. Robert C. "Bobby" Scott, state
    /// Del. Marcia "Cia" Price. Names run across it (see `entities`), and it is no quotation.
    pub fn is_nickname(&self, q: usize) -> bool {
        let (Some(open), Some(close)) = (self.open_token(q), self.close_token(q)) else {
            return false;
        };
        let capitalised_word = |i: usize| {
            self.tokens[i].kind == TokenKind::Word
                && self.tok(i).chars().next().is_some_and(char::is_uppercase)
        };
        // "Robert C. “Bobby” Scott": an initial's dot counts as part of the name before.
        let initial = |i: usize| {
            self.tok(i) == "."
                && i > 0
                && self.tok(i - 1).chars().count() == 1
                && capitalised_word(i - 1)
        };
        // In a title-case headline every word is capitalised: there a nickname follows a
        // first name or an initial ("Reveals ‘Demoralizing’ Experience" has none).
        let title_case = self.is_title_case(self.tokens[open].paragraph());
        let first_name = |i: usize| {
            crate::lexicon::first_name_gender(self.tok(i)) != crate::lexicon::Gender::Unknown
        };
        open > 0
            && close + 1 < self.tokens.len()
            && (capitalised_word(open - 1) && (!title_case || first_name(open - 1))
                || initial(open - 1))
            && capitalised_word(close + 1)
            && self.tokens[open - 1].paragraph() == self.tokens[close + 1].paragraph()
            && close - open <= 4
    }

    /// Whether a paragraph is written in title case, as headlines are ("Trump Says He
    /// Will Win"): there, capitalised verbs are still verbs.
    pub fn is_title_case(&self, paragraph: usize) -> bool {
        self.title_case.get(paragraph).copied().unwrap_or(false)
    }

    /// The headline: the first paragraph of three words or more (a kicker or a stray word
    /// before it is no headline).
    pub fn headline_paragraph(&self) -> Option<usize> {
        self.headline
    }

    /// Whether token `i` is the first of the headline.
    pub fn opens_headline(&self, i: usize) -> bool {
        self.headline
            .is_some_and(|p| self.paragraph_tokens(p).start == i && i < self.tokens.len())
    }

    /// Whether every word of more than three letters in a paragraph is capitalised, as in
    /// a headline ("Trump Says His Plan Will Work"), not just most ("Officials of the
    /// United States Coast Guard visited the pier").
    pub fn is_headline_case(&self, paragraph: usize) -> bool {
        self.every_word_capitalised
            .get(paragraph)
            .copied()
            .unwrap_or(false)
    }

    /// The earliest paragraph a quote in `paragraph` may continue from: the previous
    /// one, or the one before it when a caption or subheading stands between (a short
    /// paragraph that does not end like a sentence).
    pub fn continues_from(&self, paragraph: usize) -> usize {
        if paragraph < 2 {
            return paragraph.saturating_sub(1);
        }
        let between = self.paragraphs[paragraph - 1].text(self.text).trim_end();
        // (Fewer than 20 words: the count stops at the 20th.)
        let interstitial = between.split_whitespace().nth(19).is_none()
            && !between.ends_with(['.', '!', '?', '”', '"', '’', '\'', '»', ':']);
        if interstitial {
            paragraph - 2
        } else {
            paragraph - 1
        }
    }

    pub fn sentence_of(&self, token: usize) -> std::ops::Range<usize> {
        self.sentences[self.tokens[token].sentence()].clone()
    }
}

/// The char starting at byte `i` of `s` (a char boundary) and its length in bytes.
fn char_at(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (b as char, 1),
        _ => match s.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) => (c, c.len_utf8()),
            None => (' ', 1),
        },
    }
}

/// What a byte starts, for the tokenizer: ASCII makes up nearly all of a text, and
/// most of its bytes are a token of their own or part of a word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// ASCII white space (`char::is_whitespace`).
    Space,
    /// An ASCII letter or digit.
    Alphanumeric,
    /// Any other ASCII char but a quotation mark (" ' `) or a hyphen (which may precede a
    /// French pronoun): a token of its own.
    Punct,
    /// Anything else, for the tokenizer to decode and look at.
    Other,
}

static BYTE_CLASS: [ByteClass; 256] = {
    let mut classes = [ByteClass::Other; 256];
    let mut b = 0;
    while b < 128 {
        classes[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' => ByteClass::Space,
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => ByteClass::Alphanumeric,
            b'"' | b'\'' | b'`' | b'-' => ByteClass::Other,
            _ => ByteClass::Punct,
        };
        b += 1;
    }
    classes
};

/// Where the run of ASCII letters and digits from byte `i` ends: most of every word.
fn alphanumeric_run_end(bytes: &[u8], i: usize) -> usize {
    i + bytes[i..]
        .iter()
        .position(|&b| BYTE_CLASS[b as usize] != ByteClass::Alphanumeric)
        .unwrap_or(bytes.len() - i)
}

/// Whether a word may go on past `b`, the byte after a run of ASCII letters and digits:
/// most words end at a space or a stop, ASCII and no joiner (`Tokenizer::word_end`).
fn may_join(b: u8) -> bool {
    !b.is_ascii() || matches!(b, b'\'' | b'-' | b'.' | b'&' | b',' | b':')
}

/// The tokens of a text, with what `Doc` indexes them by, built as they are made.
struct Tokenized<'a> {
    tokens: Vec<Token>,
    /// Each token's text.
    texts: Vec<&'a str>,
    /// Each token's start.
    starts: Vec<u32>,
    /// For each paragraph, and one past the last, the index of its first token.
    paragraph_starts: Vec<usize>,
    /// For each `BLOCK` bytes of text, the number of tokens starting before the block.
    block_tokens: Vec<u32>,
    /// The words that are ages ("46-year-old"), in order: the word after one may make it
    /// an adjective.
    ages: Vec<usize>,
}

/// Splits a text into tokens (see `tokenize`).
struct Tokenizer<'a> {
    text: &'a str,
    /// The contents of the outermost quotes, in text order, then one that no token reaches
    /// (so that the sweep in `note_quotes` needs no check for the end).
    contents: Vec<Span>,
    /// The quotes' opening and closing marks, in text order.
    marks: Vec<Span>,
    /// The first mark that does not end before the token being made.
    mark_i: usize,
    out: Tokenized<'a>,
}

impl<'a> Tokenizer<'a> {
    /// The mark starting at byte `at`, the start of the token being made.
    fn mark_at(&mut self, at: usize) -> Option<Span> {
        self.skip_marks_before(at);
        self.marks
            .get(self.mark_i)
            .filter(|m| m.start == at)
            .copied()
    }

    /// Moves past the marks that end at or before `at`, the start of the token being made.
    fn skip_marks_before(&mut self, at: usize) {
        while self.marks.get(self.mark_i).is_some_and(|m| m.end <= at) {
            self.mark_i += 1;
        }
    }

    /// Adds the token `span` (the quote it stands in is noted once all are made:
    /// `note_quotes`).
    fn push(&mut self, span: Span, kind: TokenKind, paragraph: usize) {
        self.out.tokens.push(Token::new(span, kind, paragraph));
    }

    /// The kind of the word `start..end`, whose first byte is `first`: a number if it
    /// starts with a digit, unless it is an age used as a noun ("the 46-year-old",
    /// `lexicon::is_age_noun`).
    fn word_kind(&mut self, first: u8, start: usize, end: usize) -> TokenKind {
        if !first.is_ascii_digit() {
            TokenKind::Word
        } else if crate::lexicon::is_age_noun(&self.text[start..end]) {
            self.out.ages.push(self.out.tokens.len());
            TokenKind::Word
        } else {
            TokenKind::Number
        }
    }

    /// Where the word that starts at `start` (a word char, `first`) and runs at least to
    /// byte `i` of `body` ends: over word characters and inner joiners.
    fn word_end(
        &mut self,
        body: &str,
        body_start: usize,
        start: usize,
        first: char,
        mut i: usize,
    ) -> usize {
        let bytes = body.as_bytes();
        loop {
            i = alphanumeric_run_end(bytes, i);
            if !bytes.get(i).is_some_and(|&b| may_join(b)) {
                return i;
            }
            let (d, d_len) = char_at(body, i);
            if is_word_char(d) {
                i += d_len;
                continue;
            }
            if d == '-' && inverted_pronoun_at(&body[i..]) > 0 {
                return i;
            }
            // ("1,100", and "10:42" a time: no colon that opens a clause.)
            let numeric_comma = matches!(d, ',' | ':') && first.is_ascii_digit();
            if matches!(d, '\'' | '’' | '-' | '.' | '&') || numeric_comma {
                let after = body.get(i + d_len..).and_then(|rest| rest.chars().next());
                let joins = if numeric_comma {
                    after.is_some_and(|a| a.is_ascii_digit())
                } else {
                    after.is_some_and(is_word_char)
                };
                // A joiner that is one of the quotes' marks ends the word.
                self.skip_marks_before(start);
                let at = body_start + i;
                let is_mark = self.marks[self.mark_i..]
                    .iter()
                    .take(4)
                    .any(|m| m.start == at);
                if joins && !is_mark {
                    i += d_len;
                    continue;
                }
            }
            return i;
        }
    }
}

/// Splits the text into words, numbers, punctuation and quote marks. Words keep inner
/// apostrophes, hyphens and dots ("don’t", "O’Grady", "U.S", "al-Assad").
#[inline(never)]
fn tokenize<'a>(text: &'a str, paragraphs: &[Span], quotes: &[Marked]) -> Tokenized<'a> {
    let mut marks: Vec<Span> = quotes
        .iter()
        .flat_map(|q| std::iter::once(q.open).chain(q.close))
        .collect();
    // Outermost quotes never overlap, so their marks come in text order already.
    if !marks.is_sorted() {
        crate::sort::sort_by(&mut marks, |a, b| a.cmp(b));
    }
    // News text averages five bytes a token, space included; a little more room spares
    // most articles a reallocation.
    let capacity = text.len() / 4 + 16;
    let mut tz = Tokenizer {
        text,
        contents: quotes
            .iter()
            .map(|q| q.content)
            .chain([Span::new(usize::MAX, usize::MAX)])
            .collect(),
        marks,
        mark_i: 0,
        out: Tokenized {
            tokens: Vec::with_capacity(capacity),
            texts: Vec::new(),
            starts: Vec::new(),
            paragraph_starts: Vec::with_capacity(paragraphs.len() + 1),
            block_tokens: Vec::new(),
            ages: Vec::new(),
        },
    };
    for (pi, &para) in paragraphs.iter().enumerate() {
        tz.out.paragraph_starts.push(tz.out.tokens.len());
        let body = para.text(text);
        let bytes = body.as_bytes();
        let mut i = 0;
        while i < body.len() {
            let start = para.start + i;
            // Where the token ends, in `body`, and in the text (a quotation mark's span).
            // Marks are quotation glyphs, so only a byte of class `Other` may start one.
            let (next, end, kind) = match BYTE_CLASS[bytes[i] as usize] {
                ByteClass::Space => {
                    i += 1;
                    continue;
                }
                ByteClass::Punct => (i + 1, start + 1, TokenKind::Punct),
                ByteClass::Alphanumeric => {
                    let mut next = alphanumeric_run_end(bytes, i + 1);
                    if bytes.get(next).is_some_and(|&b| may_join(b)) {
                        next = tz.word_end(body, para.start, start, bytes[i] as char, next);
                    }
                    let end = para.start + next;
                    (next, end, tz.word_kind(bytes[i], start, end))
                }
                ByteClass::Other => {
                    let (c, len) = char_at(body, i);
                    if let Some(mark) = tz.mark_at(start) {
                        let mut next = i + len;
                        while next < body.len() && para.start + next < mark.end {
                            next += char_at(body, next).1;
                        }
                        (next, mark.end, TokenKind::QuoteMark)
                    } else if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
                        i += len;
                        continue;
                    } else if c == '-' && inverted_pronoun_at(&body[i..]) > 0 {
                        // "explique-t-il", "a-t-elle": the hyphens of an inverted French
                        // pronoun separate it from its verb, so the pronoun is a token of
                        // its own.
                        i += inverted_pronoun_at(&body[i..]);
                        continue;
                    } else if is_word_char(c) {
                        let next = tz.word_end(body, para.start, start, c, i + len);
                        let end = para.start + next;
                        (next, end, tz.word_kind(bytes[i], start, end))
                    } else {
                        (i + len, start + len, TokenKind::Punct)
                    }
                }
            };
            tz.push(Span::new(start, end), kind, pi);
            // Most tokens are followed by a single space: stepped over here rather than
            // looked up as a token's start.
            i = next + (bytes.get(next) == Some(&b' ')) as usize;
        }
    }
    let mut out = tz.out;
    note_quotes(&mut out.tokens, &tz.contents);
    out.paragraph_starts.push(out.tokens.len());
    // What `Doc` indexes the tokens by, in passes of their own (each a short loop).
    out.texts = token_texts(text, &out.tokens);
    out.starts = out
        .tokens
        .iter()
        .map(|t| t.get(Field::Start) as u32)
        .collect();
    // Per block, the tokens starting before it: the first to start in it or later.
    let mut before = 0;
    out.block_tokens = (0..text.len() / BLOCK + 2)
        .map(|block| {
            let rest = &out.starts[before..];
            before += rest
                .iter()
                .position(|&s| s as usize >= block * BLOCK)
                .unwrap_or(rest.len());
            before as u32
        })
        .collect();
    out
}

/// Each token's text. (Out of line: inlined into `Doc::new`, the loop ran with its
/// variables spilled to the stack.)
#[inline(never)]
fn token_texts<'a>(text: &'a str, tokens: &[Token]) -> Vec<&'a str> {
    tokens.iter().map(|t| t.span().text(text)).collect()
}

/// Notes in each token the quote whose content it stands in (`contents`: the quotes'
/// contents in text order, then one past the text). Contents in order and apart, as the
/// outermost quotes' are, are each the token range they start, and the tokens between
/// them are stepped over in a search; else each token sweeps on to the first content not
/// ending before it.
fn note_quotes(tokens: &mut [Token], contents: &[Span]) {
    let quotes = &contents[..contents.len() - 1];
    if quotes.iter().all(|c| c.start <= c.end) && quotes.windows(2).all(|w| w[0].end <= w[1].start)
    {
        let mut i = 0;
        for (q, content) in quotes.iter().enumerate() {
            let rest = &tokens[i..];
            i += rest
                .iter()
                .position(|t| t.span().start >= content.start)
                .unwrap_or(rest.len());
            for t in tokens[i..]
                .iter_mut()
                .take_while(|t| t.span().start < content.end)
            {
                if t.kind != TokenKind::QuoteMark && t.span().end <= content.end {
                    t.set_quote(Some(q));
                }
                i += 1;
            }
        }
        return;
    }
    note_quotes_by_sweep(tokens, contents);
}

/// `note_quotes` token by token, for contents in any order.
fn note_quotes_by_sweep(tokens: &mut [Token], contents: &[Span]) {
    let mut q = 0;
    for t in tokens {
        while contents[q].end <= t.span().start {
            q += 1;
        }
        t.set_quote(
            (t.kind != TokenKind::QuoteMark && contents[q].contains(t.span())).then_some(q),
        );
    }
}

/// Words that may follow an age used as a noun: "the 46-year-old said", "a 17-year-old
/// who", "the 22-year-old has".
fn is_age_noun_follower(word: &str) -> bool {
    crate::lexicon::cue_verb(word).is_some()
        || crate::lexicon::in_class(word, crate::lexicon::AGE_NOUN_FOLLOWER)
}

/// Words after an age used as a noun (`is_age_noun_follower`).
pub(crate) const AGE_NOUN_FOLLOWERS: &str = "
    who whose is was has had will would and or
";

/// Words that may follow a verb of saying: "stated that", "state the facts", "state it
/// plainly", "stated in a letter".
fn opens_verb_complement(word: &str) -> bool {
    crate::lexicon::is_article_or_possessive(word)
        || matches!(
            word,
            "it" | "he"
                | "she"
                | "they"
                | "we"
                | "you"
                | "what"
                | "how"
                | "why"
                | "whether"
                | "where"
                | "when"
                | "so"
                | "in"
                | "on"
                | "at"
                | "for"
                | "to"
                | "as"
                | "by"
                | "during"
                | "after"
                | "before"
                | "otherwise"
                | "once"
                | "again"
                | "unequivocally"
        )
}

#[cfg(test)]
mod tests {
    #[test]
    fn title_cased_words() {
        for (words, want) in [
            ("Shark Tank.", true),
            ("The Wall Street Journal", true),
            ("Save Our Shelves", true),
            ("Sorry for the bother.", false),
            ("a gift to the railroad lobby", false),
            ("", true),
        ] {
            assert_eq!(is_title_cased(words), want, "{words:?}");
        }
    }

    use super::*;
    use crate::marks::find_marked;

    fn doc(text: &str) -> Doc<'_> {
        let ps = paragraphs(text);
        let marked = find_marked(text, &ps);
        Doc::new(text, ps, &marked)
    }

    #[test]
    fn cue_or_word_tokens_are_those_read_one_by_one() {
        for text in [
            "He said that it was clear. She made it clear that state officials said so.",
            "The state said it would appeal; the state of Ohio, it said, is clear.",
            "It is 46-year-old news that nobody claimed it.",
        ] {
            let d = doc(text);
            for words in [
                &["that", "it", "clear"][..],
                &["state"],
                &["It", "news"],
                &[],
            ] {
                let one_by_one: Vec<u32> = (0..d.tokens.len())
                    .filter(|&k| {
                        d.cue(k).is_some()
                            || d.tokens[k].kind == TokenKind::Word && words.contains(&d.tok(k))
                    })
                    .map(|k| k as u32)
                    .collect();
                assert_eq!(d.cue_or_word_tokens(words), one_by_one, "{text}: {words:?}");
            }
        }
    }

    #[test]
    fn according_cues_are_the_tokens_according_to_finds() {
        // (text, the cues' words)
        let rows: &[(&str, &[&str])] = &[
            ("Prices rose, according to the bank.", &["according"]),
            ("According to the bank, prices rose.", &["According"]),
            ("ACCORDING TO the bank, prices rose.", &[]),
            ("Prices rose according, they said.", &[]),
            ("“Prices rose according to plan,” she said.", &[]),
            (
                "Selon le ministre, les prix ont augmenté. Pour M. Dupont, « c'est la fin ». Les prix pour les familles sont en hausse selon la banque.",
                &["Selon", "Pour", "selon"],
            ),
            ("Selon said the prices rose. Pour it out, he said.", &[]),
        ];
        for &(text, cues) in rows {
            let d = doc(text);
            let found: Vec<&str> = d
                .according_cues_in(0..d.tokens.len())
                .map(|k| d.tok(k))
                .collect();
            assert_eq!(found, cues, "{text}");
            let every: Vec<usize> = (0..d.tokens.len())
                .filter(|&k| d.according_to(k) > 0)
                .collect();
            for from in 0..d.tokens.len() {
                let within: Vec<usize> = d.according_cues_in(from..d.tokens.len() - 1).collect();
                let wanted: Vec<usize> = every
                    .iter()
                    .copied()
                    .filter(|&k| k >= from && k < d.tokens.len() - 1)
                    .collect();
                assert_eq!(within, wanted, "{text} from {from}");
            }
        }
    }

    #[test]
    fn tokens() {
        let rows: &[(&str, &[&str])] = &[
            ("Mr. O’Grady don't", &["Mr", ".", "O’Grady", "don't"]),
            ("the U.S. said", &["the", "U.S", ".", "said"]),
            ("“Hi,” he said", &["“", "Hi", ",", "”", "he", "said"]),
            ("al-Assad’s 2,000", &["al-Assad’s", "2,000"]),
            ("soft\u{ad}hyphen 😀", &["soft\u{ad}hyphen", "😀"]),
            // An inverted French pronoun is a token of its own; other hyphens join.
            ("a-t-il déclaré", &["a", "il", "déclaré"]),
            ("explique-t-elle.", &["explique", "elle", "."]),
            ("tiendrez-vous", &["tiendrez-vous"]),
            ("Jean-Ilan said", &["Jean-Ilan", "said"]),
            ("well-known", &["well-known"]),
            // Words that start or go on past ASCII, numbers, and marks inside words.
            ("Élysée’s 1,600,000 A&M", &["Élysée’s", "1,600,000", "A&M"]),
            ("naïve café\u{200b}x", &["naïve", "café", "x"]),
            (
                "He said ‘Jones’ car’",
                &["He", "said", "‘", "Jones", "’", "car", "’"],
            ),
            ("a “b” c\td", &["a", "“", "b", "”", "c", "d"]),
        ];
        for &(text, want) in rows {
            let d = doc(text);
            let got: Vec<&str> = (0..d.tokens.len()).map(|i| d.tok(i)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn token_fields_round_trip() {
        let max = (1 << 24) - 1;
        // (start, end, paragraph, sentence, quote): the extremes of a text of 2^24 bytes.
        for (start, end, paragraph, sentence, quote) in [
            (0, 1, 0, 0, None),
            (5, 9, 2, 3, Some(0)),
            (max, max + 1, max, max, Some(max - 1)),
            (0, max + 1, 1, max, None),
            (0x12_3456, 0x65_4321, 0xab_cdef, 0x10_0001, Some(0x7f_ffff)),
        ] {
            let mut t = Token::new(Span::new(start, end), TokenKind::Punct, paragraph);
            t.set(Field::Sentence, sentence);
            t.set_quote(quote);
            assert_eq!(
                (t.span(), t.paragraph(), t.sentence(), t.quote(), t.kind),
                (
                    Span::new(start, end),
                    paragraph,
                    sentence,
                    quote,
                    TokenKind::Punct
                )
            );
            t.set_quote(None);
            assert_eq!(
                (t.quote(), t.sentence(), t.paragraph()),
                (None, sentence, paragraph)
            );
            assert_eq!(
                format!("{t:?}"),
                format!(
                    "Token {{ span: {:?}, kind: Punct, paragraph: {paragraph}, sentence: {sentence}, quote: None }}",
                    Span::new(start, end)
                )
            );
        }
    }

    #[test]
    fn quotes_noted_as_by_the_sweep() {
        let token = |start, end, kind| Token::new(Span::new(start, end), kind, 0);
        let (w, m) = (TokenKind::Word, TokenKind::QuoteMark);
        // Tokens "a “b c” d “e” f“g”"; a token running past a content's end stays out.
        let tokens = [
            token(0, 1, w),
            token(2, 5, m),
            token(5, 6, w),
            token(7, 8, w),
            token(8, 11, m),
            token(12, 13, w),
            token(14, 17, m),
            token(17, 18, w),
            token(18, 21, m),
            token(22, 23, w),
            token(23, 26, m),
            token(26, 29, w),
        ];
        let end = Span::new(usize::MAX, usize::MAX);
        // (contents, the quote of each token)
        let rows: &[(&[Span], [Option<usize>; 12])] = &[
            (&[end], [None; 12]),
            (
                &[Span::new(5, 8), Span::new(17, 18), Span::new(26, 28), end],
                [
                    None,
                    None,
                    Some(0),
                    Some(0),
                    None,
                    None,
                    None,
                    Some(1),
                    None,
                    None,
                    None,
                    None,
                ],
            ),
            // Out of order, overlapping or inverted, as no outermost quotes are: swept.
            (
                &[Span::new(17, 18), Span::new(5, 8), end],
                [
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    Some(0),
                    None,
                    None,
                    None,
                    None,
                ],
            ),
            (
                &[Span::new(0, 8), Span::new(5, 13), end],
                [
                    Some(0),
                    None,
                    Some(0),
                    Some(0),
                    None,
                    Some(1),
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                ],
            ),
            (&[Span::new(8, 5), end], [None; 12]),
        ];
        for (contents, want) in rows {
            let mut noted = tokens;
            note_quotes(&mut noted, contents);
            let mut swept = tokens;
            note_quotes_by_sweep(&mut swept, contents);
            assert_eq!(noted.map(|t| t.quote()), *want, "{contents:?}");
            assert_eq!(swept.map(|t| t.quote()), *want, "{contents:?}");
        }
    }

    #[test]
    fn tokens_before_offsets() {
        let texts = [
            "",
            "One.",
            "A first paragraph that runs past the sixty-four bytes of a block, “quoted”.\n\n\
             Then   a second, after blank lines and spaces.                                 x",
        ];
        for text in texts {
            let d = doc(text);
            for at in 0..text.len() + 130 {
                let want = d.tokens.partition_point(|t| t.span().start < at);
                assert_eq!(d.tokens_before(at), want, "{text:?} at {at}");
            }
        }
    }

    #[test]
    fn numbers_keep_their_inner_commas_and_colons() {
        // (text, tokens)
        let rows: &[(&str, &[&str])] = &[
            (
                "It touched down at 10:42 p.m.",
                &["It", "touched", "down", "at", "10:42", "p.m", "."],
            ),
            (
                "A department with 1,100 employees.",
                &["A", "department", "with", "1,100", "employees", "."],
            ),
            (
                "Arsenal won 2:1, he said.",
                &["Arsenal", "won", "2:1", ",", "he", "said", "."],
            ),
            ("The reason: money.", &["The", "reason", ":", "money", "."]),
            ("Score 3: a draw", &["Score", "3", ":", "a", "draw"]),
        ];
        for &(text, want) in rows {
            let d = doc(text);
            let got: Vec<&str> = (0..d.tokens.len()).map(|i| d.tok(i)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn sentences_end_after_a_time() {
        let d = doc("He was arrested shortly before 6 p.m. He remains in custody.");
        assert_eq!(d.sentences.len(), 2, "{:?}", d.sentences);
    }

    #[test]
    fn word_chars() {
        let rows: &[(char, bool)] = &[
            ('a', true),
            ('É', true),
            ('7', true),
            ('\u{ad}', true),
            ('\u{301}', true),
            ('\u{200d}', true),
            ('’', false),
            ('”', false),
            ('—', false),
            ('\u{200b}', false),
            ('😀', false),
            ('-', false),
        ];
        for &(c, want) in rows {
            assert_eq!(is_word_char(c), want, "{c:?}");
        }
        // The general punctuation answered without the Unicode tables, as they answer.
        for c in ('\u{2000}'..='\u{206f}').chain(['\u{1fff}', '\u{2070}', '\u{2071}']) {
            let by_tables = c.is_alphanumeric() || c == '\u{ad}' || is_combining(c);
            assert_eq!(is_word_char(c), by_tables, "{c:?}");
        }
    }

    #[test]
    fn words_are_numbered_in_the_order_met() {
        // Room for 8 short words: the table takes 16 slots, half of them; later short words
        // go to the map with the long ones (of more than sixteen bytes).
        let mut words = WordNumbers::with_capacity(4);
        let text = "a b a abcdefgh abcdefghi b c d e f g h i j k l i abcdefgh abcdefghi \
            abcdefghijklmnopq abcdefghijklmnopq";
        let want = [
            1, 2, 1, 3, 4, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 11, 3, 4, 15, 15,
        ];
        let got: Vec<u32> = text.split(' ').map(|w| words.number(w).0).collect();
        assert_eq!(got, want);
        // (word, its number)
        let rows: &[(&str, Option<u32>)] = &[
            ("a", Some(1)),
            ("abcdefgh", Some(3)),
            ("abcdefghi", Some(4)),
            ("abcdefghijklmnopq", Some(15)),
            ("abcdefghijklmnop", None),
            ("abcdefghi\0", None),
            ("l", Some(14)),
            ("m", None),
            ("a\0", None),
            ("abcdefg", None),
            ("", None),
        ];
        for &(w, number) in rows {
            assert_eq!(words.get(w), number, "{w:?}");
        }
        assert_eq!(words.number("m"), (16, true));
        assert_eq!(words.number("m"), (16, false));
    }

    #[test]
    fn paragraphs_are_trimmed_lines() {
        // (text, its paragraphs)
        let rows: &[(&str, &[&str])] = &[
            ("", &[]),
            ("One.", &["One."]),
            ("One.\nTwo.", &["One.", "Two."]),
            ("  One. \n\n \n Two.\n", &["One.", "Two."]),
            (
                "\n\nA longer first line, past eight bytes.\r\nB\n",
                &["A longer first line, past eight bytes.", "B"],
            ),
            ("é\u{a0}\nthe “quoted”\n\u{2003}", &["é", "the “quoted”"]),
        ];
        for &(text, want) in rows {
            let got: Vec<&str> = paragraphs(text).iter().map(|p| p.text(text)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn byte_classes() {
        for b in 0..=255u8 {
            let c = b as char;
            let want = if !b.is_ascii() || matches!(c, '"' | '\'' | '`' | '-') {
                ByteClass::Other
            } else if c.is_whitespace() {
                ByteClass::Space
            } else if is_word_char(c) {
                ByteClass::Alphanumeric
            } else {
                ByteClass::Punct
            };
            assert!(BYTE_CLASS[b as usize] == want, "{b}");
        }
    }

    #[test]
    fn language() {
        let rows: &[(&str, bool)] = &[
            (
                "Le gouvernement a présenté le texte et les syndicats sont dans la rue.",
                true,
            ),
            (
                "The government presented the bill and the unions are in the street.",
                false,
            ),
            (
                "The minister visited Le Mans and La Rochelle on Monday.",
                false,
            ),
            ("", false),
        ];
        for &(text, french) in rows {
            assert_eq!(doc(text).french, french, "{text}");
        }
    }

    #[test]
    fn ages_are_nouns_or_adjectives() {
        // (text, the age's token, whether it is a word: a noun)
        let rows: &[(&str, usize, bool)] = &[
            ("said the 46-year-old.", 2, true),
            ("the 17-year-old who won", 1, true),
            ("the 17-year-old said", 1, true),
            ("a 26-year-old Berlin man", 1, false),
            ("the club's 78-year-old president", 2, false),
            ("81-year-old Parker Eaton said", 0, false),
        ];
        for &(text, i, word) in rows {
            let d = doc(text);
            assert_eq!(d.tokens[i].kind == TokenKind::Word, word, "{text}");
            assert_eq!(d.role(i).is_some(), word, "{text}");
        }
    }

    #[test]
    fn sentences_end_where_ends_sentence_says() {
        let texts = [
            "“I am ready. Any time,” Putin stated. He left.",
            "Mr. Putin spoke. He left!\nNo?\n\u{200b}\n“Why…” she asked. “Yes.” Done",
            "\u{feff}\nOne.\n",
            "",
        ];
        for text in texts {
            let d = doc(text);
            let ends: Vec<usize> = (0..d.tokens.len())
                .filter(|&i| d.ends_sentence(i))
                .map(|i| i + 1)
                .collect();
            let got: Vec<usize> = d.sentences.iter().map(|s| s.end).collect();
            assert_eq!(got, ends, "{text}");
            assert_eq!(
                d.sentences.first().map(|s| s.start),
                (!ends.is_empty()).then_some(0)
            );
        }
    }

    #[test]
    fn sentences_never_split_inside_quotes() {
        let rows: &[(&str, usize)] = &[
            ("“I am ready. Any time,” Putin stated. He left.", 2),
            ("Mr. Putin spoke. He left.", 2),
            ("The U.S. Army said so. Yes.", 2),
            ("“I am ready.” He left.", 2),
            ("“I am ready.” Putin said.", 1),
            // A quotation inside the writer's clause has its speaker: the cue after it
            // opens the next sentence.
            ("She says it is “a rigged system.” She adds, “Why?”", 2),
            // An attribution with an adjunct, an appositive or a nickname still closes
            // the quote's sentence; a cue opening a clause of its own does not.
            ("“We will win!” Price said on Monday. She left.", 2),
            ("“We will win!” Mayor Price, a Democrat, said. She left.", 2),
            (
                "“Big year!” His niece, state Del. Marcia “Cia” Price (D-Va.), shouted.",
                1,
            ),
            ("“We will fight.” Critics say the plan is flawed.", 2),
            ("One.\nTwo.", 2),
        ];
        for &(text, n) in rows {
            assert_eq!(doc(text).sentences.len(), n, "{text}");
        }
    }
}
