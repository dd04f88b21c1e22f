//! Who is who: mentions of people and bodies, grouped into entities.
//!
//! Input: a [`Doc`]. Output: [`Mention`]s outside quotations (names with their titles,
//! pronouns, descriptors such as "the company" or "a spokeswoman for X") and an
//! [`Entities`] table in which "Russian President Vladimir Putin", "Putin", "Mr. Putin",
//! "the Russian leader" and a resolved "he" are one entity, named "Vladimir Putin" with the
//! role "Russian President". Names are grouped by surname (a different first name makes a
//! different person); descriptors resolve to the latest entity whose role or kind fits;
//! pronouns resolve by gender and salience (see [`Entities::resolve_pronoun`]).

use crate::fxhash::FxHashMap;
use crate::lexicon::{self, Gender};
use crate::model::SpeakerKind;
use crate::span::Span;
use crate::text::{ascii_lowercase_in, with_ascii_lowercase, with_lowercase, Doc, TokenKind};
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    Name,
    Pronoun,
    Descriptor,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The whole mention, title included: "Russian President Vladimir Putin".
    pub span: Span,
    pub tokens: std::ops::Range<usize>,
    pub kind: MentionKind,
    /// The name part: "Vladimir Putin".
    pub name: Option<Span>,
    /// The title or role part: "Russian President".
    pub role: Option<Span>,
    pub gender: Gender,
    pub plural: bool,
    pub org: bool,
    pub possessive: bool,
    /// First mention of its sentence: subjects are the likeliest antecedents.
    pub subject: bool,
    pub entity: Option<usize>,
}

impl Mention {
    /// A descriptor naming no one by name ("those surveyed", "the summary", "the Italian"),
    /// its role the words of `role`, its gender unknown.
    fn unnamed(
        span: Span,
        tokens: std::ops::Range<usize>,
        role: Span,
        plural: bool,
        org: bool,
    ) -> Mention {
        Mention {
            span,
            tokens,
            kind: MentionKind::Descriptor,
            name: None,
            role: Some(role),
            gender: Gender::Unknown,
            plural,
            org,
            possessive: false,
            subject: false,
            entity: None,
        }
    }
}

/// Its strings borrow the article's text where they are a piece of it, as most names and
/// roles are: an entity is made for every new name and descriptor, and owned copies were
/// a fifth of an article's allocations.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity<'t> {
    pub name: Cow<'t, str>,
    pub short_name: Cow<'t, str>,
    pub role: Option<Cow<'t, str>>,
    pub kind: SpeakerKind,
    pub gender: Gender,
    pub mentions: Vec<usize>,
    /// The byte range of the surname (`surname`) in `short_name`, which never changes:
    /// a person's short name is the surname, a body's the name holding its key word, an
    /// unnamed source's has none. (One string fewer to make for every name.)
    surname_at: (u32, u32),
    /// `surname` lowercased once, for matching later mentions; `None` for an ASCII
    /// surname, whose key is `surname` with ASCII case ignored.
    surname_key: Option<String>,
    first_name: Option<&'t str>,
    /// Number of name tokens of the fullest name seen (for choosing the canonical name).
    name_len: usize,
    /// The entity is known to be a person or body (see `resolve_name`), not a stray
    /// capitalised word.
    pub evidence: bool,
    /// A body named only as where someone works ("Jonah Petrakis of Seaforth Capital",
    /// "an analyst at Greaves & Co."): not what "the company" refers to.
    affiliation_only: bool,
    /// `name` and `role` (or "") lowercased when first needed, for matching descriptors
    /// against every entity without lowercasing each time; `set_name` and `set_role`
    /// clear them.
    name_lower: Option<Lowered<'static>>,
    role_lower: Option<Lowered<'static>>,
    /// Name or role changed since the descriptor index last recorded them.
    unindexed: bool,
}

impl<'t> Entity<'t> {
    /// The word the entity is keyed by: a person's surname, the word before a company's
    /// legal suffix (or its last word), "" for an unnamed source.
    fn surname(&self) -> &str {
        let (from, to) = self.surname_at;
        &self.short_name[from as usize..to as usize]
    }

    fn set_name(&mut self, name: Cow<'t, str>) {
        self.name_lower = None;
        self.unindexed = true;
        self.name = name;
    }

    fn set_role(&mut self, role: Option<Cow<'t, str>>) {
        self.role_lower = None;
        self.unindexed = true;
        self.role = role;
    }

    fn name_lower(&mut self) -> &Lowered<'static> {
        self.name_lower
            .get_or_insert_with(|| Lowered::owned(&self.name))
    }

    /// The role lowercased, each title's abbreviation followed by the noun it stands for
    /// ("Gov." is "gov. governor"), so that "the governor" fits Gov. Teresa Halloran.
    fn role_lower(&mut self) -> &Lowered<'static> {
        let role = self.role.as_deref().unwrap_or("");
        self.role_lower.get_or_insert_with(|| {
            let mut text = lowercase(role);
            let nouns: String = text
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter_map(lexicon::title_noun)
                .flat_map(|noun| [" ", noun])
                .collect();
            text.push_str(&nouns);
            Lowered::of_lowercase(text)
        })
    }
}

/// A string in lower case, with the set of its bytes: whether it holds a word is settled
/// at once when it lacks one of the word's bytes (as most names lack a descriptor's).
/// (A word of a descriptor, most often ASCII lower case already, is borrowed.)
#[derive(Clone, Debug, PartialEq)]
struct Lowered<'a> {
    text: std::borrow::Cow<'a, str>,
    bytes: u64,
}

impl<'a> Lowered<'a> {
    fn of(s: &'a str) -> Lowered<'a> {
        let text = if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            std::borrow::Cow::Borrowed(s)
        } else {
            std::borrow::Cow::Owned(lowercase(s))
        };
        Lowered {
            bytes: byte_set(&text),
            text,
        }
    }

    /// [`Lowered::of`] owning its text.
    fn owned(s: &str) -> Lowered<'static> {
        Lowered::of_lowercase(lowercase(s))
    }

    /// A text already in lower case.
    fn of_lowercase(text: String) -> Lowered<'static> {
        Lowered {
            bytes: byte_set(&text),
            text: std::borrow::Cow::Owned(text),
        }
    }

    /// Whether `part` occurs in the text (`str::contains`).
    fn has(&self, part: &Lowered) -> bool {
        part.bytes & !self.bytes == 0 && has_part(&self.text, &part.text)
    }
}

/// The bytes of `s`, each as bit `byte % 64`.
fn byte_set(s: &str) -> u64 {
    s.bytes().fold(0, |set, b| set | 1 << (b % 64))
}

pub struct Entities<'t> {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity<'t>>,
    index: Index,
    /// The mention covering each token (`NO_MENTION` for none): `mention_at` without a
    /// binary search over all mentions.
    mention_of_token: Vec<u32>,
    /// The mentions' byte spans, in order, for binary searches by offset that read a
    /// compact array rather than whole mentions.
    mention_spans: Vec<Span>,
}

const NO_MENTION: u32 = u32::MAX;

/// Room for the words of a name and for those of a descriptor's role, kept while an
/// article's mentions are resolved.
type Scratch<'t> = (Vec<&'t str>, Vec<Lowered<'t>>);

/// The entities by the keys mentions are matched on, so that resolving a mention looks
/// at the few entities that can match rather than at all of them. Keys are hashes, lists
/// are in ascending entity order, and a list may hold entities that do not match (a
/// shared hash, a name since changed, another kind of key): every use checks the entity
/// itself.
#[derive(Default)]
struct Index {
    /// Every key of an entity -> entities: its `surname_key`; its `surname`, ASCII case
    /// ignored; every name it has had, ASCII case ignored; and for a person, the first word
    /// of each (for "Edwin" after "Edwin Sallow"; no entity becomes a person after it is
    /// made). One table for all kinds of key: a use looking up one kind checks the
    /// entities it finds, and an entity listed under another kind of key fails the check.
    keys: FxHashMap<u64, EntityList>,
    /// For definite descriptors, once an article has many entities (`DESCRIPTOR_INDEX`).
    descriptors: Option<DescriptorIndex>,
}

/// The entity count from which definite descriptors are resolved through
/// [`DescriptorIndex`] rather than by scoring every entity: below it a scan is cheaper.
const DESCRIPTOR_INDEX: usize = 200;

/// What a definite descriptor can match, so that resolving one scores only entities that
/// can fit (see [`descriptor_score`]): an entity whose lowercased role (or name) contains a
/// word contains each three-byte piece of it. Lists may hold entities that no longer fit;
/// candidates are scored in full.
#[derive(Default)]
struct DescriptorIndex {
    /// Three bytes -> persons whose role contains them.
    role: FxHashMap<[u8; 3], Vec<usize>>,
    /// Three bytes -> entities whose name (any they have had) contains them.
    name: FxHashMap<[u8; 3], Vec<usize>>,
    /// The entity with the latest mention (then the highest index) among persons with a
    /// role: what "the leader" falls back to. It only grows while entities are resolved
    /// (a role once set stays, the latest mention only moves on), so keeping the best seen
    /// is exact.
    latest_with_role: Option<(usize, usize)>,
}

impl DescriptorIndex {
    /// Records entity `e` after any change: its role and name pieces if not yet recorded,
    /// and its place among the latest.
    fn touch(&mut self, ent: &mut Entity, e: usize) {
        if ent.unindexed {
            ent.unindexed = false;
            if ent.kind == SpeakerKind::Person {
                let role = ent.role_lower().text.to_string();
                add_pieces(&mut self.role, &role, e);
            }
            let name = ent.name_lower().text.to_string();
            add_pieces(&mut self.name, &name, e);
        }
        let Some(&last) = ent.mentions.last() else {
            return;
        };
        let key = Some((last, e));
        if ent.kind == SpeakerKind::Person && !ent.role_lower().text.is_empty() {
            self.latest_with_role = self.latest_with_role.max(key);
        }
    }
}

fn add_pieces(map: &mut FxHashMap<[u8; 3], Vec<usize>>, s: &str, e: usize) {
    for w in s.as_bytes().windows(3) {
        let list = map.entry([w[0], w[1], w[2]]).or_default();
        if list.last() != Some(&e) {
            list.push(e);
        }
    }
}

/// The entities whose string (in `map`) may contain `word`: those sharing its rarest
/// three-byte piece. `None` for words too short to have one.
fn containing<'a>(map: &'a FxHashMap<[u8; 3], Vec<usize>>, word: &str) -> Option<&'a [usize]> {
    let none: &[usize] = &[];
    word.as_bytes()
        .windows(3)
        .map(|w| map.get(&[w[0], w[1], w[2]]).map_or(none, Vec::as_slice))
        .min_by_key(|list| list.len())
}

/// The hash of `s`, or with `ascii_fold` of `s.to_ascii_lowercase()`: eight bytes at a
/// time, the last word padded with zeros.
fn key_hash(s: &str, ascii_fold: bool) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::fxhash::FxHasher::default();
    let fold = |word: u64| {
        if ascii_fold {
            ascii_lowercase_word(word)
        } else {
            word
        }
    };
    let mut chunks = s.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        h.write_u64(fold(u64::from_le_bytes(
            chunk.try_into().unwrap_or_default(),
        )));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let word = rest
            .iter()
            .enumerate()
            .fold(0, |word, (j, &b)| word | u64::from(b) << (8 * j));
        h.write_u64(fold(word));
    }
    h.write_usize(s.len());
    h.finish()
}

/// The eight bytes of `word`, each in ASCII lower case (`u8::to_ascii_lowercase`).
fn ascii_lowercase_word(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low = word & (0x7f * ONES);
    // A byte's top bit after these sums (which cannot carry into the next byte) says
    // whether its low seven bits are at least b'A', and more than b'Z'.
    let at_least_a = low + (0x80 - b'A' as u64) * ONES;
    let above_z = low + (0x7f - b'Z' as u64) * ONES;
    let upper = at_least_a & !above_z & !word & (0x80 * ONES);
    // (0x80 >> 2 is the case bit, 0x20.)
    word | upper >> 2
}

impl Index {
    /// An empty index with room for the keys of up to `entities` entities: its table
    /// seldom rehashes as the article's entities are added.
    fn for_entities(entities: usize) -> Index {
        Index {
            // (Most entities have two or three keys, and not every mention makes one.)
            keys: crate::fxhash::map_for(2 * entities),
            descriptors: None,
        }
    }

    fn add(&mut self, entities: &[Entity], e: usize) {
        let ent = &entities[e];
        let surname = key_hash(ent.surname(), true);
        let surname_key = match &ent.surname_key {
            Some(key) => key_hash(key, false),
            None => surname,
        };
        self.insert(surname_key, e);
        // (The same key for an ASCII surname.)
        if surname != surname_key {
            self.insert(surname, e);
        }
        self.named(&ent.name, e, ent.kind == SpeakerKind::Person);
    }

    fn named(&mut self, name: &str, e: usize, person: bool) {
        let whole = key_hash(name, true);
        self.insert(whole, e);
        if !person {
            return;
        }
        if let Some(first) = name.split_whitespace().next() {
            // (The same key for a one-word name.)
            let first = key_hash(first, true);
            if first != whole {
                self.insert(first, e);
            }
        }
    }

    fn insert(&mut self, key: u64, e: usize) {
        self.keys.entry(key).or_default().insert(e);
    }

    /// The entities that can fit a definite descriptor (see [`descriptor_score`]), or
    /// `None` when all must be scored: few entities, or a word too short to look up.
    fn descriptor_candidates(
        &mut self,
        entities: &mut [Entity],
        org: bool,
        head: &Lowered,
        mods: &[Lowered],
    ) -> Option<Vec<usize>> {
        if self.descriptors.is_none() {
            if entities.len() < DESCRIPTOR_INDEX {
                return None;
            }
            let mut index = DescriptorIndex::default();
            for (e, ent) in entities.iter_mut().enumerate() {
                index.touch(ent, e);
            }
            self.descriptors = Some(index);
        }
        let index = self.descriptors.as_ref()?;
        let mut out = Vec::new();
        if org {
            // ("the company" may be any body: all are scored.)
            if is_generic_body(&head.text) {
                return None;
            }
            out.extend_from_slice(containing(&index.name, &head.text)?);
        } else {
            for word in mods.iter().chain([head]).map(|w| w.text.as_ref()) {
                out.extend_from_slice(containing(&index.role, word)?);
            }
            if head.text == "leader" {
                out.extend(index.latest_with_role.map(|(_, e)| e));
            }
        }
        Some(out)
    }

    /// Keeps the descriptor index up to date after entity `e` changed.
    fn touch(&mut self, entities: &mut [Entity], e: usize) {
        if let Some(index) = &mut self.descriptors {
            index.touch(&mut entities[e], e);
        }
    }

    /// The entities listed under `key` (see `key_hash`).
    fn get(&self, key: &str, ascii_fold: bool) -> &[usize] {
        self.keys
            .get(&key_hash(key, ascii_fold))
            .map_or(&[], EntityList::as_slice)
    }
}

/// The entities of one index key, ascending. Most keys name one entity: it is kept
/// inline, so that a new key costs no allocation (a vector per key was a tenth of an
/// article's allocations).
enum EntityList {
    One(usize),
    Many(Vec<usize>),
}

impl Default for EntityList {
    fn default() -> EntityList {
        EntityList::Many(Vec::new())
    }
}

impl EntityList {
    fn as_slice(&self) -> &[usize] {
        match self {
            EntityList::One(e) => std::slice::from_ref(e),
            EntityList::Many(list) => list,
        }
    }

    /// Adds `e` in its place, once.
    fn insert(&mut self, e: usize) {
        match self {
            EntityList::Many(list) if list.is_empty() => *self = EntityList::One(e),
            EntityList::One(only) if *only == e => {}
            EntityList::One(only) => {
                let only = *only;
                *self = EntityList::Many(if only < e {
                    vec![only, e]
                } else {
                    vec![e, only]
                });
            }
            EntityList::Many(list) => {
                if let Err(at) = list.binary_search(&e) {
                    list.insert(at, e);
                }
            }
        }
    }
}

/// Lowercase words inside a name: "Ministry of Finance", "Ludwig van Beethoven".
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "de"
            | "van"
            | "von"
            | "bin"
            | "al"
            | "da"
            | "du"
            | "del"
            | "der"
            | "la"
            | "le"
            | "y"
            | "for"
    )
}

fn starts_upper(s: &str) -> bool {
    // An ASCII first letter is read as a byte.
    match s.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => s.chars().next().is_some_and(|c| c.is_uppercase()),
    }
}

/// `s` without its possessive suffix ("Trump’s" -> "Trump"), and whether it had one.
#[inline]
/// Whether word token `k` is a possessive in "s’" that the tokenizer wrote apart from
/// its apostrophe (which may close a quotation): "Bernie Sanders’ campaign".
fn split_plural_possessive(doc: &Doc, k: usize) -> bool {
    let toks = &doc.tokens;
    doc.tok(k).ends_with('s')
        && toks.get(k + 2).is_some_and(|after| {
            let apostrophe = &toks[k + 1];
            apostrophe.span().start == toks[k].span().end
                && matches!(doc.tok(k + 1), "’" | "'")
                && after.kind == TokenKind::Word
                && doc.tok(k + 2).starts_with(char::is_lowercase)
        })
}

fn strip_possessive(s: &str) -> (&str, bool) {
    // Every suffix ends in s, ' or ’ (whose UTF-8 ends in 0x99), and an s follows one of
    // those: the last two bytes, read at the callers, rule out most words (plurals too).
    if !matches!(s.as_bytes(), [.., b'\'' | 0x99, b's'] | [.., b'\'' | 0x99]) {
        return (s, false);
    }
    strip_possessive_suffix(s)
}

/// [`strip_possessive`] of a word that ends like a possessive.
fn strip_possessive_suffix(s: &str) -> (&str, bool) {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(base) = s.strip_suffix(suffix) {
            if !base.is_empty() {
                return (base, true);
            }
        }
    }
    (s, false)
}

fn is_nationality(word: &str) -> bool {
    matches!(
        word,
        "U.S"
            | "US"
            | "UK"
            | "U.K"
            | "EU"
            | "UN"
            | "British"
            | "French"
            | "German"
            | "Chinese"
            | "Israeli"
            | "Iranian"
            | "Syrian"
            | "Turkish"
            | "Japanese"
            | "Democratic"
            | "Republican"
            | "Conservative"
            | "Labour"
            | "Liberal"
            | "Federal"
            | "State"
            | "Former"
            | "Top"
            | "Senior"
            | "Deputy"
            | "Acting"
            | "Interim"
    ) || word.ends_with("ian")
        || word.ends_with("ean")
        || word.ends_with("ese")
        || (word.ends_with("an") && word.len() > 4 && starts_upper(word))
}

/// Party and nationality adjectives that cannot be a speaker on their own.
fn is_group_adjective(word: &str) -> bool {
    crate::lexicon::in_class(word, crate::lexicon::GROUP_ADJECTIVE)
}

/// Party and nationality adjectives that cannot be a speaker on their own
/// (`is_group_adjective`).
pub(crate) const GROUP_ADJECTIVES: &str = "
    Republican Democratic Democrat Conservative Liberal Labour Tory Libertarian
    Progressive American British French German Russian Chinese European African Mexican
    Canadian Australian Israeli Palestinian Iranian Syrian Turkish Japanese Korean
    Indian Muslim Jewish Catholic Islamist
";

fn is_determiner(word: &str) -> bool {
    // No determiner is longer than seven letters: longer words are not lowercased to check.
    word.len() <= 7 && with_ascii_lowercase(word, is_lower_determiner)
}

/// [`is_determiner`] of a word in ASCII lower case.
fn is_lower_determiner(w: &str) -> bool {
    w.len() <= 7
        && (matches!(
            w.as_bytes(),
            b"another"
                | b"one"
                | b"two"
                | b"three"
                | b"several"
                | b"many"
                | b"some"
                | b"other"
                | b"both"
                | b"most"
                | b"few"
                | b"each"
                | b"every"
                | b"neither"
                | b"either"
        ) || lexicon::is_article_or_possessive(w))
}

impl<'t> Entities<'t> {
    pub fn new(doc: &Doc<'t>) -> Entities<'t> {
        let mentions = find_mentions(doc);
        // Lookups by position (`mention_at`, binary searches in the claims pass) rely on
        // mentions being in text order without overlap.
        debug_assert!(mentions
            .windows(2)
            .all(|w| w[0].tokens.end <= w[1].tokens.start && w[0].span.end <= w[1].span.start));
        let mut mention_of_token = vec![NO_MENTION; doc.tokens.len()];
        for (mi, m) in mentions.iter().enumerate() {
            for t in m.tokens.clone() {
                if let Some(slot) = mention_of_token.get_mut(t) {
                    *slot = mi as u32;
                }
            }
        }
        let mention_spans = mentions.iter().map(|m| m.span).collect();
        // Each name or descriptor mention adds at most one entity. An article names a few
        // dozen; room for more than 256 up front would only cost a long text memory.
        let entity_bound = mentions
            .iter()
            .filter(|m| m.kind != MentionKind::Pronoun)
            .count()
            .min(256);
        let mut ents = Entities {
            mentions,
            entities: Vec::with_capacity(entity_bound),
            index: Index::for_entities(entity_bound),
            mention_of_token,
            mention_spans,
        };
        let mut scratch: Scratch = (Vec::new(), Vec::new());
        for mi in 0..ents.mentions.len() {
            if ents.mentions[mi].entity.is_some() || ents.mentions[mi].kind == MentionKind::Pronoun
            {
                continue;
            }
            // "Gary Johnson’s doctor": the possessor is named too, though the descriptor's
            // mention covers the name (a later "Johnson" is Gary Johnson).
            if ents.mentions[mi].kind == MentionKind::Descriptor {
                let m = &ents.mentions[mi];
                let owner_end = m.tokens.clone().find(|&k| {
                    let w = doc.tok(k);
                    strip_possessive(w).1 && starts_upper(w)
                });
                let owner_start = owner_end.map(|end| {
                    let mut s = end;
                    while s > m.tokens.start
                        && doc.tokens[s - 1].kind == TokenKind::Word
                        && starts_upper(doc.tok(s - 1))
                        && lexicon::title(doc.tok(s - 1)).is_none()
                    {
                        s -= 1;
                    }
                    s
                });
                if let Some(owner) = owner_start
                    .and_then(|s| name_mention(doc, s, false))
                    .filter(|n| n.possessive && n.tokens.end < m.tokens.end && !n.org)
                {
                    let e = resolve_name(
                        doc,
                        &owner,
                        None,
                        &mut ents.entities,
                        &mut ents.index,
                        &mut scratch.0,
                    );
                    ents.index.touch(&mut ents.entities, e);
                }
            }
            // A body a spokesperson speaks for, or a name in apposition, is resolved first
            // and shared: "a spokeswoman for the ministry" is the ministry; "the mayor's
            // husband, Frank Whitcombe," is Frank Whitcombe.
            let partner = ents
                .speaks_for(doc, mi)
                .or_else(|| ents.apposition(doc, mi));
            let entity = match partner {
                Some(p) => {
                    let e = ents.resolve(doc, p, &mut scratch);
                    if ents.mentions[mi].kind == MentionKind::Descriptor
                        && !is_spokesperson_mention(doc, &ents.mentions[mi])
                    {
                        let role = ents.mentions[mi]
                            .role
                            .map(|r| Cow::Borrowed(r.text(doc.text)));
                        let gender = ents.mentions[mi].gender;
                        let ent = &mut ents.entities[e];
                        if ent.role.is_none() && ent.kind == SpeakerKind::Person {
                            ent.set_role(role);
                            // ("Wielgosz's daughter, Kasia,": a person's role in
                            // apposition shows a lone first name is a person's, and may
                            // give the gender.)
                            ent.evidence = true;
                            if ent.gender == Gender::Unknown {
                                ent.gender = gender;
                            }
                        }
                    }
                    e
                }
                None => ents
                    .spokesperson_again(doc, mi)
                    .unwrap_or_else(|| ents.resolve(doc, mi, &mut scratch)),
            };
            // (An unnamed entity of this mention alone is one no role fitted.)
            let unfitted = |e: &Entity| e.kind == SpeakerKind::Unnamed && e.mentions == [mi];
            let entity = match ents
                .epithet_antecedent(doc, mi)
                .or_else(|| ents.kin_antecedent(doc, mi))
            {
                Some(named) if unfitted(&ents.entities[entity]) => {
                    ents.entities[entity].mentions.clear();
                    ents.mentions[mi].entity = None;
                    named
                }
                _ => entity,
            };
            ents.assign(mi, entity);
            // "Frank Whitcombe, the mayor's husband, said": the descriptor joins the name.
            if let Some(d) = ents.trailing_appositive(doc, mi) {
                let role = ents.mentions[d]
                    .role
                    .map(|r| Cow::Borrowed(r.text(doc.text)));
                let body = ents.mentions[d].org;
                let ent = &mut ents.entities[entity];
                // "Setouchi Blue Line, the only ferry operator": a name with no sign of a
                // person, described as a body, is a body.
                if body && ent.gender == Gender::Unknown && ent.role.is_none() {
                    ent.kind = SpeakerKind::Organization;
                }
                if ent.role.is_none() && !body {
                    ent.set_role(role);
                }
                ents.assign(d, entity);
                // "Alyssa Goodman, an astronomer at Harvard University and an expert in
                // computing,": a second descriptor coordinated in the appositive.
                if let Some(second) = ents.coordinated_appositive(doc, d) {
                    ents.assign(second, entity);
                    // ("…, a neurologist at Halvorsen and the study’s lead author": "the
                    // lead author" later is her too.)
                    let second_role = ents.mentions[second].role.map(|r| {
                        // (Shown with its article: "the study’s lead author".)
                        let span = ents.mentions[second].span.text(doc.text);
                        if opens_with_the(span) {
                            span
                        } else {
                            r.text(doc.text)
                        }
                    });
                    let ent = &mut ents.entities[entity];
                    if let (Some(first), Some(second)) = (ent.role.as_deref(), second_role) {
                        // (A lone noun, "member", says too little without its "of …".)
                        if ent.kind == SpeakerKind::Person
                            && !first.contains(second)
                            && second.split_whitespace().count() >= 2
                        {
                            let both = format!("{first} and {second}");
                            ent.set_role(Some(Cow::Owned(both)));
                        }
                    }
                }
            } else if let Some(role) = bare_role_appositive(doc, &ents.mentions[mi]) {
                let ent = &mut ents.entities[entity];
                if ent.role.is_none() && ent.kind == SpeakerKind::Person {
                    ent.set_role(Some(Cow::Borrowed(role.text(doc.text))));
                }
            }
        }
        ents.resolve_cataphora(doc);
        ents.resolve_statements(doc);
        ents.resolve_relatives(doc);
        ents
    }

    /// A relative pronoun ("who", "which") found right after a mention refers to that
    /// mention's entity (see `find_mentions`).
    fn resolve_relatives(&mut self, doc: &Doc) {
        for mi in 1..self.mentions.len() {
            if self.is_relative(doc, mi) {
                if let Some(e) = self.mentions[mi - 1].entity {
                    self.bind(mi, e);
                }
            }
        }
    }

    pub fn is_relative(&self, doc: &Doc, mi: usize) -> bool {
        let m = &self.mentions[mi];
        m.kind == MentionKind::Pronoun && matches!(m.span.text(doc.text), "who" | "which")
    }

    /// "Kestrel Build said in a statement that … “…,” the statement said.": a statement
    /// speaks for whoever issued it, the subject of the sentence that introduced it.
    fn resolve_statements(&mut self, doc: &Doc) {
        let is_statement = |m: &Mention| {
            m.kind == MentionKind::Descriptor
                && !m.plural
                && m.role.is_some_and(|r| {
                    let head = after_last_space(r.text(doc.text));
                    with_lowercase(head, |head| {
                        matches!(head, "statement" | "release" | "communiqué")
                    })
                })
        };
        for e in 0..self.entities.len() {
            let mentions = &self.entities[e].mentions;
            let Some(&first) = mentions.first() else {
                continue;
            };
            if !mentions.iter().all(|&mi| is_statement(&self.mentions[mi])) {
                continue;
            }
            let sentence = doc.sentence_of(self.mentions[first].tokens.start);
            let issuer = self.mentions[..first]
                .iter()
                .enumerate()
                .rev()
                .take_while(|(_, m)| m.tokens.start >= sentence.start)
                .filter(|(_, m)| {
                    !m.possessive && m.kind != MentionKind::Pronoun && !is_statement(m)
                })
                .last()
                .and_then(|(_, m)| m.entity);
            if let Some(target) = issuer.filter(|&t| t != e) {
                for mi in std::mem::take(&mut self.entities[e].mentions) {
                    self.assign(mi, target);
                }
            }
        }
    }

    /// "… condemned by a local councillor, who said …. Councillor Ruth Hale, who
    /// represents the ward, said: …": an indefinite descriptor that introduces a person
    /// is the named person whose title repeats its head noun in the next two sentences.
    fn resolve_cataphora(&mut self, doc: &Doc) {
        for mi in 0..self.mentions.len() {
            let m = &self.mentions[mi];
            let Some(e) = m.entity else { continue };
            if m.kind != MentionKind::Descriptor || m.plural || self.entities[e].mentions.len() != 1
            {
                continue;
            }
            let indefinite = matches!(
                &*ascii_lowercase_in(doc.tok(m.tokens.start), &mut [0; 32]),
                "a" | "an"
            );
            // "Health board promises …" heading the article names "The Ashford Vale Health
            // Board" below it: a headline's bare role.
            let start = m.tokens.start;
            let headline =
                !indefinite && doc.opens_headline(start) && !is_determiner(doc.tok(start));
            // "… with the judge telling him … Judge Alison Reeve said": a definite
            // descriptor that no earlier entity fitted introduces the person too.
            let definite = opens_with_the(m.span.text(doc.text));
            // (A body only in a headline.)
            let introduces = if m.org {
                headline
            } else {
                indefinite || headline || definite
            };
            if !introduces {
                continue;
            }
            let Some(head) = m
                .role
                .map(|r| r.text(doc.text))
                .and_then(|r| r.split_whitespace().last())
            else {
                continue;
            };
            let head = crate::case::to_lowercase(head);
            let names_head = |s: Option<Span>| {
                s.is_some_and(|r| {
                    crate::case::to_lowercase(r.text(doc.text))
                        .split_whitespace()
                        .any(|w| w == head)
                })
            };
            let sentence = doc.tokens[m.tokens.start].sentence();
            let named = self.mentions[mi + 1..]
                .iter()
                .take_while(|n| doc.tokens[n.tokens.start].sentence() <= sentence + 2)
                .filter(|n| n.kind == MentionKind::Name)
                // (A body in a headline is the first body below it that bears its name; a
                // definite descriptor is the first person whose role has its head, others
                // named between: "the judge … Graham Pollock … Judge Alison Reeve".)
                .find(|n| {
                    !n.org && (!definite || headline || names_head(n.role))
                        || headline && m.org && names_head(Some(n.span))
                })
                .filter(|n| names_head(n.role) || headline && m.org && names_head(Some(n.span)))
                .and_then(|n| n.entity);
            // "The chief executive of Loomly … defended her decision … Priya Natarajan
            // wrote": in the lede, a definite descriptor of a person is the next person
            // named, when that person is named there for the first time and given no role.
            // (Before any person is named: "billionaire Paul Singer … The vulture fund
            // manager wrote a check to a super PAC supporting John Faso" is Singer.)
            let body = doc.headline_paragraph().map_or(0, |h| h + 1);
            let lede = doc.tokens[start].paragraph() <= body
                && !self.mentions[..mi].iter().any(|p| {
                    p.kind == MentionKind::Name
                        && !p.org
                        && doc.tokens[p.tokens.start].paragraph() >= body
                });
            let delayed = || {
                let n = self.mentions[mi + 1..]
                    .iter()
                    .take_while(|n| doc.tokens[n.tokens.start].sentence() <= sentence + 2)
                    .find(|n| n.kind == MentionKind::Name && !n.org)?;
                // (In a later sentence: "The mayor condemned the closure as Tom Reyes led a
                // march" names two people.)
                if doc.tokens[n.tokens.start].sentence() == sentence {
                    return None;
                }
                let t = n.entity?;
                let target = &self.entities[t];
                (n.role.is_none()
                    && target.role.is_none()
                    && target.kind == SpeakerKind::Person
                    && target.evidence
                    && target.mentions.first().is_some_and(|&f| f > mi))
                .then_some(t)
            };
            // (Not a relation to someone else: "The mother of a woman who died … Eloise
            // Parry" is not Eloise Parry.)
            let after = m.tokens.end;
            let relational =
                crate::lexicon::in_class(head.as_str(), crate::lexicon::RELATIONAL_NOUN)
                    || after + 1 < doc.tokens.len()
                        && matches!(doc.tok(after), "of" | "for" | "to")
                        && is_determiner(doc.tok(after + 1));
            let named = named.or_else(|| {
                (definite && !headline && !m.org && lede && !relational)
                    .then(delayed)
                    .flatten()
            });
            if let Some(target) = named.filter(|&t| t != e) {
                self.entities[e].mentions.clear();
                self.assign(mi, target);
            }
        }
    }

    /// The descriptor in apposition after a person's name: "Kerr Putney, the police chief,".
    fn trailing_appositive(&self, doc: &Doc, mi: usize) -> Option<usize> {
        let m = &self.mentions[mi];
        let next = self.mentions.get(mi + 1)?;
        let fits = m.kind == MentionKind::Name
            && !m.org
            && next.kind == MentionKind::Descriptor
            && !next.plural
            && next.entity.is_none()
            // ("Writing on X, the consumer group urged": a name in a phrase fronting the
            // sentence; the descriptor after its comma is the subject.)
            && !in_fronted_phrase(doc, m.tokens.start)
            // ("Koval grew up in Hollins Ferry, the daughter of a welder": after a preposition
            // of place the name is a place, and the appositive the subject's.)
            && !(m.tokens.start > 0
                && matches!(
                    doc.tok(m.tokens.start - 1),
                    "in" | "at" | "near" | "into" | "outside" | "inside" | "across" | "around"
                        | "throughout"
                ));
        if !fits {
            return None;
        }
        // "McConnell, now the Senate majority leader,": a time adverb may open it.
        let adverb = next.tokens.start == m.tokens.end + 2
            && crate::lexicon::in_class(
                doc.tok(m.tokens.end + 1),
                crate::lexicon::APPOSITIVE_ADVERB,
            );
        let comma_between =
            (next.tokens.start == m.tokens.end + 1 || adverb) && doc.tok(m.tokens.end) == ",";
        if !comma_between {
            return None;
        }
        // The appositive runs to the next comma or stop: "Setouchi Blue Line, the only
        // ferry operator serving the island, will end the route".
        let closes = (next.tokens.end..doc.tokens.len())
            .take(12)
            .take_while(|&k| doc.tokens[k].kind != TokenKind::QuoteMark)
            .any(|k| matches!(doc.tok(k), "," | ")" | "." | ";"));
        // (A list, unless the "and" coordinates a second descriptor of the same person.)
        let list = doc
            .tokens
            .get(next.tokens.end)
            .is_some_and(|_| matches!(doc.tok(next.tokens.end), "and" | "or"))
            && self.coordinated_appositive(doc, mi + 1).is_none();
        (closes && !list && !is_spokesperson_mention(doc, next)).then_some(mi + 1)
    }

    /// The descriptor coordinated with appositive `d` by "and": "an astronomer at Harvard
    /// University and an expert in computing". Only words stand between them (a name in
    /// the first one's phrase too), no punctuation and no verb of saying.
    fn coordinated_appositive(&self, doc: &Doc, d: usize) -> Option<usize> {
        let first = &self.mentions[d];
        let (second, m) = self.mentions[d + 1..]
            .iter()
            .enumerate()
            .find(|(_, m)| m.kind != MentionKind::Name || !m.org)
            .map(|(k, m)| (d + 1 + k, m))?;
        let between = first.tokens.end..m.tokens.start;
        // (The first one has a complement of its own, "at Harvard University": "a lawyer
        // and a teacher" is a list of people.)
        let complement = (first.tokens.start..m.tokens.start)
            .any(|k| matches!(doc.tok(k), "at" | "in" | "of" | "for" | "with" | "from"));
        let joined = complement
            && !between.is_empty()
            && between.len() <= 8
            && doc.tok(between.end - 1) == "and"
            && between.clone().all(|k| {
                doc.tokens[k].kind == TokenKind::Word
                    && doc.tokens[k].quote().is_none()
                    && doc.cue(k).is_none()
            });
        // ("… and the study’s lead author": a role relative to a thing, after "the",
        // describes the same person as an indefinite one would.)
        let indefinite = matches!(
            &*ascii_lowercase_in(doc.tok(m.tokens.start), &mut [0; 32]),
            "a" | "an"
        ) || doc.tok(m.tokens.start).eq_ignore_ascii_case("the")
            && m.tokens.len() >= 3
            && matches!(strip_possessive(doc.tok(m.tokens.start + 1)), (_, true));
        (joined
            && indefinite
            && m.kind == MentionKind::Descriptor
            && !m.plural
            && !m.org
            && m.entity.is_none()
            && !is_spokesperson_mention(doc, m))
        .then_some(second)
    }

    /// Resolves one name or descriptor mention to an entity (creating it if new).
    /// (`scratch` is room for the words of a name or a role.)
    fn resolve(&mut self, doc: &Doc<'t>, mi: usize, scratch: &mut Scratch<'t>) -> usize {
        if let Some(e) = self.mentions[mi].entity {
            return e;
        }
        let e = match self.mentions[mi].kind {
            MentionKind::Name => resolve_name(
                doc,
                &self.mentions[mi],
                self.shared_surname(doc, mi),
                &mut self.entities,
                &mut self.index,
                &mut scratch.0,
            ),
            _ => resolve_descriptor(
                doc,
                &self.mentions[mi],
                &mut self.entities,
                &mut self.index,
                &mut scratch.1,
            ),
        };
        self.assign(mi, e);
        e
    }

    /// "Tom and Linda Harper": a lone first name joined by "and" to a full name shares its
    /// surname (Tom is Tom Harper).
    fn shared_surname(&self, doc: &Doc<'t>, mi: usize) -> Option<&'t str> {
        let m = &self.mentions[mi];
        let next = self.mentions.get(mi + 1)?;
        let joined = m.kind == MentionKind::Name
            && next.kind == MentionKind::Name
            && m.tokens.len() == 1
            && !m.org
            && !next.org
            && !m.possessive
            && next.tokens.len() >= 2
            && next.tokens.start == m.tokens.end + 1
            && doc.tok(m.tokens.end) == "and"
            && lexicon::first_name_gender(doc.tok(m.tokens.start)) != Gender::Unknown
            && lexicon::first_name_gender(doc.tok(next.tokens.start)) != Gender::Unknown;
        let name = next.name.unwrap_or(next.span).text(doc.text);
        joined.then(|| strip_possessive(after_last_space(name)).0)
    }

    fn assign(&mut self, mi: usize, e: usize) {
        self.mentions[mi].entity = Some(e);
        // "The brothers’ mother, Rosalind Sallow": a gendered descriptor tells the name's.
        let g = self.mentions[mi].gender;
        let ent = &mut self.entities[e];
        if ent.gender == Gender::Unknown && g != Gender::Unknown && ent.kind == SpeakerKind::Person
        {
            ent.gender = g;
        }
        // The list is kept sorted here (binding pronouns later only appends).
        let list = &mut self.entities[e].mentions;
        if let Err(at) = list.binary_search(&mi) {
            list.insert(at, mi);
        }
        // Every change to an entity while entities are resolved (new entity, name, role,
        // kind) is followed by an assignment to it.
        self.index.touch(&mut self.entities, e);
    }

    /// "A spokeswoman for the ministry said … “…,” the spokeswoman said.": the definite
    /// spokesperson is the one introduced before, and speaks for the same body.
    fn spokesperson_again(&self, doc: &Doc, mi: usize) -> Option<usize> {
        let m = &self.mentions[mi];
        let head_of = |m: &Mention| {
            m.role
                .and_then(|r| r.text(doc.text).split_whitespace().last())
                .filter(|h| matches!(*h, "spokesman" | "spokeswoman" | "spokesperson"))
        };
        // (The shape first: most mentions are no "the" and one word.)
        let definite = m.kind == MentionKind::Descriptor
            && !m.plural
            && m.tokens.len() == 2
            && doc.tok(m.tokens.start).eq_ignore_ascii_case("the");
        if !definite {
            return None;
        }
        let head = head_of(m)?;
        self.mentions[..mi]
            .iter()
            .rev()
            .find(|earlier| {
                earlier.kind == MentionKind::Descriptor && head_of(earlier) == Some(head)
            })
            .and_then(|earlier| earlier.entity)
    }

    /// "a spokeswoman for the Department of Health": the mention of the body.
    fn speaks_for(&self, doc: &Doc, mi: usize) -> Option<usize> {
        let m = &self.mentions[mi];
        let next = self.mentions.get(mi + 1)?;
        if m.kind != MentionKind::Descriptor
            || next.kind == MentionKind::Pronoun
            || !(next.org || next.kind == MentionKind::Name)
            || !is_spokesperson_mention(doc, m)
        {
            return None;
        }
        let between = m.tokens.end..next.tokens.start;
        let linked = match between.len() {
            1 => {
                crate::lexicon::in_class(doc.tok(between.start), crate::lexicon::SOURCE_PREPOSITION)
            }
            2 => {
                crate::lexicon::in_class(
                    doc.tok(between.start),
                    crate::lexicon::DOCUMENT_PARTICIPLE,
                ) && doc.tok(between.start + 1) == "by"
            }
            _ => false,
        };
        // ("A study of hospital records": after a document "of" names its topic.)
        // ("a statement of the ministry" is the ministry's.)
        let head = doc.tok(m.tokens.end - 1);
        let topic = between.len() == 1
            && doc.tok(between.start) == "of"
            && next.kind != MentionKind::Name
            && lexicon::is_document_noun(head)
            && head != "statement";
        (linked && !topic).then_some(mi + 1)
    }

    /// A descriptor and a name side by side between commas refer to one person: "the
    /// mayor's husband, Frank Whitcombe, said" / "Frank Whitcombe, the mayor's husband,".
    fn apposition(&self, doc: &Doc, mi: usize) -> Option<usize> {
        let m = &self.mentions[mi];
        let next = self.mentions.get(mi + 1)?;
        // A descriptor, then a name: the name is the entity, resolved first, and the
        // descriptor joins it. (Name, then descriptor: the name resolves normally and the
        // descriptor joins it when its turn comes, see `trailing_appositive`.)
        if m.kind != MentionKind::Descriptor || next.kind != MentionKind::Name || m.org || next.org
        {
            return None;
        }
        // ("The council's cabinet member for culture, Derek Amos,": a short phrase of the
        // descriptor's may stand before the comma.)
        let comma_at = if matches!(doc.tok(m.tokens.end), "for" | "of" | "at" | "in" | "on") {
            (m.tokens.end + 1..(m.tokens.end + 4).min(next.tokens.start))
                .find(|&k| doc.tok(k) == ",")
                .filter(|&c| (m.tokens.end..c).all(|k| doc.tokens[k].kind == TokenKind::Word))
                .unwrap_or(m.tokens.end)
        } else {
            m.tokens.end
        };
        // ("Her neighbour, retired engineer David Price,": lowercase words of a role may
        // stand between the comma and the name.)
        let role_words = next.tokens.start > comma_at + 1
            && next.tokens.start <= comma_at + 4
            && (comma_at + 1..next.tokens.start).all(|k| {
                doc.tokens[k].kind == TokenKind::Word
                    && doc.tok(k).chars().all(|c| c.is_ascii_lowercase())
            })
            && (doc.role(next.tokens.start - 1).is_some()
                // (The name's mention may hold the role: "engineer David Price".)
                || next.role.is_some() && !starts_upper(doc.tok(next.tokens.start)));
        let comma_between =
            (next.tokens.start == comma_at + 1 || role_words) && doc.tok(comma_at) == ",";
        if !comma_between || m.possessive || next.possessive {
            return None;
        }
        // The pair must close: a comma, a bracket, the sentence end or a verb follows, not
        // "and" (a list: "Lee, the mayor and …").
        let after = doc
            .tokens
            .get(next.tokens.end)
            .map(|_| doc.tok(next.tokens.end));
        if matches!(after, Some("and" | "or")) {
            return None;
        }
        let same_sentence =
            doc.tokens[m.tokens.start].sentence() == doc.tokens[next.tokens.start].sentence();
        // "… searches for a successor, Lumora said": the name is the subject of the verb
        // after it and the descriptor the object of a preposition, not one person.
        let name_then_verb = doc.cue(next.tokens.end).is_some();
        let object_of_preposition = m.tokens.start > 0
            && crate::lexicon::in_class(
                doc.tok(m.tokens.start - 1),
                crate::lexicon::APPOSITION_PREPOSITION,
            );
        (same_sentence && !name_then_verb && !object_of_preposition).then_some(mi + 1)
    }

    /// The public speaker record of entity `e`: its names, role, kind and mentions; the
    /// quote count starts at zero.
    pub fn speaker(&self, e: usize) -> crate::model::Speaker {
        let ent = &self.entities[e];
        crate::model::Speaker {
            name: ent.name.to_string(),
            short_name: ent.short_name.to_string(),
            role: ent.role.as_deref().map(str::to_string),
            kind: ent.kind,
            mentions: ent
                .mentions
                .iter()
                .map(|&m| self.mentions[m].span)
                .collect(),
            quote_count: 0,
        }
    }

    /// The entity a pronoun mention refers to. Candidates are earlier mentions of compatible
    /// gender and number within a dozen sentences; the best is the most recent sentence
    /// subject, then other recent mentions; an entity of unknown gender is a weaker match
    /// than one of the right gender, and `preferred` (the current speaker) gains a little.
    pub fn resolve_pronoun(
        &self,
        doc: &Doc,
        mention: usize,
        preferred: Option<usize>,
    ) -> Option<usize> {
        let m = &self.mentions[mention];
        if self.is_relative(doc, mention) {
            return m.entity;
        }
        let mut buf = [0; 32];
        let pronoun = ascii_lowercase_in(m.span.text(doc.text), &mut buf);
        // ("We asked her why it matters": outside quotation marks "we" is the writer, who
        // is no speaker of the article.)
        if &*pronoun == "we" && doc.tokens[m.tokens.start].quote().is_none() {
            return None;
        }
        let (it, wants_org) = (&*pronoun == "it", matches!(&*pronoun, "it" | "we"));
        // ("it" is one body: not "other airlines", named only in the plural.)
        let only_plural = |e: &Entity| e.mentions.iter().all(|&f| self.mentions[f].plural);
        let compatible = |e: &Entity| -> bool {
            if wants_org {
                return e.kind == SpeakerKind::Organization && !(it && only_plural(e));
            }
            if m.plural {
                return e.kind != SpeakerKind::Person;
            }
            // ("4 percent" is plural, though it does not end in "s".)
            let kind_ok = e.kind == SpeakerKind::Person
                || (e.kind == SpeakerKind::Unnamed
                    && !e.name.ends_with('s')
                    && e.mentions.first().is_none_or(|&f| !self.mentions[f].plural));
            kind_ok
                && (m.gender == Gender::Unknown
                    || e.gender == m.gender
                    || e.gender == Gender::Unknown)
        };
        self.salient_antecedent(doc, mention, preferred, compatible)
            .or(preferred.filter(|&p| compatible(&self.entities[p])))
    }

    /// The entity an anaphor (a pronoun, or an epithet such as "the Spaniard") at `mention`
    /// most likely refers to, among the `compatible` ones mentioned within a dozen
    /// sentences before it: see [`Entities::resolve_pronoun`].
    fn salient_antecedent(
        &self,
        doc: &Doc,
        mention: usize,
        preferred: Option<usize>,
        compatible: impl Fn(&Entity) -> bool,
    ) -> Option<usize> {
        let m = &self.mentions[mention];
        let here = doc.tokens[m.tokens.start].sentence();
        let mut best: Option<(i32, usize)> = None;
        for prev in self.mentions[..mention].iter().rev() {
            let s = doc.tokens[prev.tokens.start].sentence();
            let distance = here.saturating_sub(s) as i32;
            if distance > 12 {
                break;
            }
            let Some(e) = prev.entity else { continue };
            let ent = &self.entities[e];
            if prev.possessive && prev.kind != MentionKind::Name || !compatible(ent) {
                continue;
            }
            let mut score = distance * 4;
            if !prev.subject {
                score += 3;
            }
            if ent.gender == Gender::Unknown && m.gender != Gender::Unknown {
                score += 2;
            }
            // "they" is likelier the senators than the bill (a body may still be "they").
            if m.plural && !prev.plural {
                score += 4;
            }
            if Some(e) == preferred {
                score -= 2;
            }
            if !ent.evidence {
                score += 48; // only when no real person is in reach
            }
            if best.is_none_or(|(b, _)| score < b) {
                best = Some((score, e));
            }
        }
        best.map(|(_, e)| e)
    }

    /// "Tom and Linda Harper … Linda Harper said … Her husband, a retired firefighter,
    /// said": a kin noun after "his" or "her" of the other gender is the one other person
    /// of the possessor's surname whose gender fits the noun (the possessor resolved as the
    /// pronoun would be).
    fn kin_antecedent(&self, doc: &Doc, mi: usize) -> Option<usize> {
        let m = &self.mentions[mi];
        // (As the sentence's subject only: "a defense of her husband" is no speaker, and
        // naming him there would make him the salient man for what follows.)
        if m.kind != MentionKind::Descriptor || m.plural || m.tokens.len() != 2 || !m.subject {
            return None;
        }
        let owner_gender = match doc.tok(m.tokens.start) {
            "his" | "His" => Gender::Male,
            "her" | "Her" => Gender::Female,
            _ => return None,
        };
        let kin_gender = match doc.tok(m.tokens.start + 1) {
            "husband" | "son" | "father" | "brother" => Gender::Male,
            "wife" | "daughter" | "mother" | "sister" => Gender::Female,
            _ => return None,
        };
        // (Only where the genders tell the two apart: in "his brother" either Osman may be
        // the possessor.)
        if kin_gender == owner_gender {
            return None;
        }
        let owner = self.salient_antecedent(doc, mi, None, |e: &Entity| {
            e.kind == SpeakerKind::Person && e.evidence && e.gender == owner_gender
        })?;
        let surname = self.entities[owner].surname();
        let mut kin = self.entities.iter().enumerate().filter(|&(i, e)| {
            i != owner
                && e.kind == SpeakerKind::Person
                && !surname.is_empty()
                && e.surname().eq_ignore_ascii_case(surname)
                && (e.gender == kin_gender || e.gender == Gender::Unknown)
        });
        match (kin.next(), kin.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// "Mikel Arteta praised … The Spaniard, whose side …": an epithet of nationality or
    /// age, which fits no role of an earlier entity, refers back to the most salient named
    /// person, as a pronoun would.
    fn epithet_antecedent(&self, doc: &Doc, mi: usize) -> Option<usize> {
        let m = &self.mentions[mi];
        let head = m.role.map(|r| after_last_space(r.text(doc.text)))?;
        if m.kind != MentionKind::Descriptor
            || m.plural
            || m.org
            || !opens_with_the(m.span.text(doc.text))
            || !lexicon::is_epithet_noun(head)
        {
            return None;
        }
        // "The 61-year-old insists he is …": the pronoun opening what the epithet's verb of
        // saying reports is most often the epithet's person, and tells the gender.
        let verb = m.tokens.end;
        let gender = match m.gender {
            Gender::Unknown if verb < doc.tokens.len() && doc.cue(verb).is_some() => (verb + 1
                ..(verb + 3).min(doc.tokens.len()))
                .find_map(|j| match doc.tok(j) {
                    "he" => Some(Gender::Male),
                    "she" => Some(Gender::Female),
                    _ => None,
                })
                .unwrap_or(Gender::Unknown),
            g => g,
        };
        self.salient_antecedent(doc, mi, None, |e: &Entity| {
            e.kind == SpeakerKind::Person
                && e.evidence
                && (gender == Gender::Unknown || e.gender == gender || e.gender == Gender::Unknown)
        })
    }

    /// Records that `entity` is referred to by `mention` (a pronoun resolved in context),
    /// learning the entity's gender from it.
    pub fn bind(&mut self, mention: usize, entity: usize) {
        self.mentions[mention].entity = Some(entity);
        let g = self.mentions[mention].gender;
        let e = &mut self.entities[entity];
        if e.gender == Gender::Unknown && g != Gender::Unknown && e.kind == SpeakerKind::Person {
            e.gender = g;
        }
        if !e.mentions.contains(&mention) {
            e.mentions.push(mention);
        }
    }

    /// The number of mentions ending by byte `at` (mentions are in text order).
    pub fn mentions_ending_by(&self, at: usize) -> usize {
        self.mention_spans.partition_point(|s| s.end <= at)
    }

    /// The number of mentions starting before byte `at`.
    pub fn mentions_starting_before(&self, at: usize) -> usize {
        self.mention_spans.partition_point(|s| s.start < at)
    }

    /// The mention whose tokens cover token `t`.
    pub fn mention_at(&self, t: usize) -> Option<usize> {
        let found = self
            .mention_of_token
            .get(t)
            .filter(|&&m| m != NO_MENTION)
            .map(|&m| m as usize);
        debug_assert_eq!(found, {
            let i = self.mentions.partition_point(|m| m.tokens.end <= t);
            (i < self.mentions.len() && self.mentions[i].tokens.start <= t).then_some(i)
        });
        found
    }
}

/// Time adverbs that may open an appositive (`trailing_appositive`): "McConnell, now the Senate
/// majority leader,".
pub(crate) const APPOSITIVE_ADVERBS: &str = "
    now then currently still also
";

/// Prepositions that link a document to its source (`speaks_for`).
pub(crate) const SOURCE_PREPOSITIONS: &str = "
    for of at from by
";

/// Participles of a document's making (`speaks_for`): "figures released by".
pub(crate) const DOCUMENT_PARTICIPLES: &str = "
    released issued published compiled commissioned
";

/// Nouns of a relation to someone (`resolve_cataphora`): "his mother", "her lawyer".
pub(crate) const RELATIONAL_NOUNS: &str = "
    mother father son daughter wife husband sister brother widow widower friend partner
    lawyer attorney neighbour neighbor
";

/// Prepositions whose object a descriptor is, not an apposition of the name before it
/// (`apposition`): "… searches for a successor, Lumora said".
pub(crate) const APPOSITION_PREPOSITIONS: &str = "
    for to of in on at with by from about
";

/// What stands ahead of a token that lets a descriptor open there (see
/// [`descriptor_mention`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Ahead {
    /// A role noun among the six tokens from it.
    role: bool,
    /// A quotative cue two to four tokens on.
    quotative: bool,
    /// A verb of saying or belief outside quotations one to five tokens on: where
    /// [`share_of_people`] can end.
    speaks: bool,
}

/// [`Ahead`] of each token: found in one pass rather than by looking ahead from every
/// token.
fn looking_ahead(doc: &Doc) -> Vec<Ahead> {
    let mut ahead = vec![Ahead::default(); doc.tokens.len()];
    let (mut next_role, mut next_quotative, mut next_speech) = (usize::MAX, usize::MAX, usize::MAX);
    for k in (0..ahead.len()).rev() {
        // (Read before token `k` itself is noted: the tokens after it.)
        ahead[k].speaks = next_speech <= k + 5;
        if doc.role(k).is_some() {
            next_role = k;
        }
        if let Some(cue) = doc.cue(k) {
            if cue.quotative {
                next_quotative = k;
            }
            if matches!(
                cue.class,
                lexicon::CueClass::Speech | lexicon::CueClass::Belief
            ) && doc.tokens[k].quote().is_none()
            {
                next_speech = k;
            }
        }
        ahead[k].role = next_role < k + 6;
        // (Token `k` is two on from `k - 2`.)
        if let Some(before) = k.checked_sub(2) {
            ahead[before].quotative = next_quotative < k + 3;
        }
    }
    ahead
}

/// [`Doc::line_break_before`] token `k` (`k > 0`), settled without a call when the tokens
/// are at most a byte apart, as nearly all are.
fn line_break_before(doc: &Doc, k: usize) -> bool {
    let gap = doc.tokens[k - 1].span().end..doc.tokens[k].span().start;
    match gap.len() {
        0 => false,
        1 => doc.text.as_bytes()[gap.start] == b'\n',
        _ => doc.line_break_before(k),
    }
}

/// Finds the mentions of people and bodies outside quotations.
fn find_mentions(doc: &Doc) -> Vec<Mention> {
    let toks = &doc.tokens;
    let ahead = looking_ahead(doc);
    // News text has about one mention in every six or seven tokens.
    let mut out: Vec<Mention> = Vec::with_capacity(toks.len() / 6);
    let mut i = 0;
    let mut last_sentence = usize::MAX;
    while i < toks.len() {
        let t = &toks[i];
        // No mention is sought inside a quotation.
        if t.quote().is_some() {
            i += 1;
            continue;
        }
        // Nor in a photo credit: its photographer says nothing in the story.
        if (i == 0 || toks[i - 1].paragraph() != t.paragraph())
            && is_photo_credit(doc, t.paragraph())
        {
            i = doc.paragraph_tokens(t.paragraph()).end;
            continue;
        }
        // "63 percent said …", "52% of voters say …": a share of those polled speaks.
        // ("Nine percent", "Twenty-four percent": a count in words, looked at only before
        // "percent".)
        let count = t.kind == TokenKind::Number
            || t.kind == TokenKind::Word
                && i + 1 < toks.len()
                && doc.tok(i + 1) == "percent"
                && is_number_word(doc.tok(i));
        if count {
            let percent_at = if doc.tok(i).ends_with('%') {
                Some(i)
            } else {
                toks.get(i + 1)
                    .filter(|_| matches!(doc.tok(i + 1), "percent" | "per" | "%"))
                    .map(|_| i + 1)
            };
            let of_whom = percent_at.and_then(|p| {
                (toks.get(p + 1).is_some_and(|_| doc.tok(p + 1) == "of"))
                    .then(|| descriptor_mention(doc, p + 2, &ahead))
                    .flatten()
            });
            if let Some(p) = percent_at {
                let end = of_whom.as_ref().map_or(p + 1, |d| d.tokens.end);
                out.push(share_mention(doc, i..end, t.sentence() != last_sentence));
                last_sentence = t.sentence();
                i = end;
                continue;
            }
        }
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        // "Some say …", "Two-thirds say …", "About one in five said …": a share of the
        // people asked, right before a verb of saying, speaks. (Only where such a verb
        // stands close ahead, as it seldom does.)
        let share = ahead[i].speaks.then(|| share_of_people(doc, i)).flatten();
        if let Some(end) = share {
            out.push(share_mention(doc, i..end, t.sentence() != last_sentence));
            last_sentence = t.sentence();
            i = end;
            continue;
        }
        let w = doc.tok(i);
        let (bare, contracted) = strip_contraction(w);
        // "McConnell, …, who in 2010 said", "the Chicago Police Department which reported":
        // a relative pronoun right after a mention stands for it (see `resolve_relatives`).
        // Without a comma only after a name: "students who love statistics" is generic.
        let antecedent = out.last().filter(|m| {
            matches!(w, "who" | "which")
                && (m.tokens.end == i && m.kind == MentionKind::Name
                    || m.tokens.end + 1 == i && doc.tok(i - 1) == ",")
                && !m.possessive
        });
        let found = if let Some(a) = antecedent {
            Some(Mention {
                span: t.span(),
                tokens: i..i + 1,
                kind: MentionKind::Pronoun,
                name: None,
                role: None,
                gender: Gender::Unknown,
                plural: a.plural,
                org: a.org,
                possessive: false,
                subject: false,
                entity: None,
            })
        } else if let Some((gender, plural)) = lexicon::subject_pronoun(bare) {
            Some(Mention {
                span: Span::new(t.span().start, t.span().start + bare.len()),
                tokens: i..i + 1,
                kind: MentionKind::Pronoun,
                name: None,
                role: None,
                gender,
                plural,
                org: false,
                possessive: false,
                subject: false,
                entity: None,
            })
        } else if starts_upper(w) && !contracted {
            let sentence_start = doc.sentences[t.sentence()].start == i
                || (i > 0
                    && doc.sentences[t.sentence()].start + 1 == i
                    && toks[i - 1].kind != TokenKind::Word);
            // "Obama's former campaign strategist" is a descriptor, not "Obama".
            match name_mention(doc, i, sentence_start) {
                Some(n) if n.possessive => descriptor_mention(doc, i, &ahead)
                    .filter(|d| d.tokens.end > n.tokens.end)
                    .or(Some(n)),
                // "Industry groups said", "Local councillors said": a capitalised word
                // opening the sentence before a role noun modifies it.
                Some(n) if sentence_start && n.tokens.len() == 1 && !n.org => {
                    descriptor_mention(doc, i, &ahead)
                        // (Not across a verb: "Cruz exhorted Republicans".)
                        .filter(|d| {
                            d.tokens.end > n.tokens.end
                                && d.plural
                                && d.tokens.clone().all(|k| !doc.tok(k).ends_with("ed"))
                        })
                        .or(Some(n))
                }
                // "The NFL legend said": a name after the article modifies the noun
                // before the verb of saying.
                Some(n) if w == "The" => descriptor_mention(doc, i, &ahead)
                    .filter(|d| d.tokens.end > n.tokens.end)
                    .or(Some(n)),
                other => other.or_else(|| descriptor_mention(doc, i, &ahead)),
            }
        } else if w == "the" && starts_upper(doc.tok(i + 1)) {
            // "the Kremlin", "the White House": a named body after a lowercase article.
            match name_mention(doc, i, false) {
                Some(n) => descriptor_mention(doc, i, &ahead)
                    .filter(|d| d.tokens.end > n.tokens.end)
                    .or(Some(n)),
                None => descriptor_mention(doc, i, &ahead),
            }
        } else if may_open_descriptor(doc, i, &ahead) {
            descriptor_mention(doc, i, &ahead)
        } else {
            None
        };
        // "…, according to the summary", "According to recent polling, …": whatever
        // follows "according to" is the source, a role noun or none.
        let found = found.or_else(|| according_source(doc, i));
        // "The company shipped processors": a past tense right after a mention is its
        // verb, not an adjective ("elected officials" elsewhere is one).
        let found = found.filter(|d| {
            !(d.kind == MentionKind::Descriptor
                && w.ends_with("ed")
                && out.last().is_some_and(|p| p.tokens.end == i))
        });
        // "Her colleague Ben Ode", "the company's chief executive Jane Roe": a person's
        // role then their name, without a comma, is one mention of that person.
        let found = found.map(|d| match named_after_role(doc, &d) {
            Some(n) => Mention {
                span: Span::new(d.span.start, n.span.end),
                tokens: d.tokens.start..n.tokens.end,
                gender: if n.gender == Gender::Unknown {
                    d.gender
                } else {
                    n.gender
                },
                role: d.role,
                ..n
            },
            None => d,
        });
        // "council leader Mark Thorne", "Villa manager Unai Emery": a role without a
        // determiner, lowercase, before a person's name is that person's role, and a name
        // right before it ("Villa", "White House") belongs to the role.
        let earlier_end = out.last().map_or(0, |p| p.tokens.end);
        let found = found.map(|n| match lowercase_role_before(doc, &n, earlier_end) {
            Some(role_start) => {
                // (Names split in two, "Ohio" "State University", are both absorbed.)
                let mut start = role_start;
                while let Some(p) = out.last().filter(|p| {
                    p.tokens.end == start
                        && p.kind == MentionKind::Name
                        && !p.possessive
                        && toks[p.tokens.start].sentence() == toks[role_start].sentence()
                }) {
                    start = p.tokens.start;
                    out.pop();
                    last_sentence = out
                        .last()
                        .map_or(usize::MAX, |p| toks[p.tokens.start].sentence());
                }
                let role_end = toks[n.tokens.start - 1].span().end;
                Mention {
                    span: Span::new(toks[start].span().start, n.span.end),
                    tokens: start..n.tokens.end,
                    role: Some(Span::new(toks[start].span().start, role_end)),
                    ..n
                }
            }
            None => n,
        });
        match found {
            Some(mut m) => {
                // "Asked about Ward's comments, Lind smiled": a mention inside a fronted
                // phrase is not the sentence's subject; the first one after its comma is.
                let subject = t.sentence() != last_sentence && !in_fronted_phrase(doc, i);
                m.subject = subject;
                if subject {
                    last_sentence = t.sentence();
                }
                i = m.tokens.end;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

/// The first token of a lowercase role right before the person's name `n`, without a
/// determiner: "council leader", "head teacher", "press secretary" (a person's role noun,
/// after at most two words that are role nouns or modify roles), not before token `floor`
/// (where the mention before ends).
fn lowercase_role_before(doc: &Doc, n: &Mention, floor: usize) -> Option<usize> {
    let j = n.tokens.start;
    if n.kind != MentionKind::Name
        || j <= floor
        || n.org
        || n.possessive
        || n.role.is_some()
        || n.tokens.len() < 2
        || j == 0
    {
        return None;
    }
    let lowercase_word = |k: usize| {
        let t = &doc.tokens[k];
        t.kind == TokenKind::Word
            && t.quote().is_none()
            && t.sentence() == doc.tokens[j].sentence()
            && !starts_upper(doc.tok(k))
    };
    if !lowercase_word(j - 1) || doc.role(j - 1) != Some(false) || doc.cue(j - 1).is_some() {
        return None;
    }
    let mut start = j - 1;
    while start > floor
        && j - start < 3
        && lowercase_word(start - 1)
        && (doc.role(start - 1).is_some() || lexicon::is_role_modifier(doc.tok(start - 1)))
        && doc.cue(start - 1).is_none()
    {
        start -= 1;
    }
    Some(start)
}

/// Whether paragraph `p` is a photo credit: a short line "Jane Roe via Getty Images.",
/// "John Moore/Getty Images", "Gary Cameron/Reuters".
fn is_photo_credit(doc: &Doc, p: usize) -> bool {
    let mut tokens = doc.paragraph_tokens(p);
    if tokens.len() > 10 {
        return false;
    }
    let mut words = (tokens.clone())
        .rev()
        .filter(|&k| doc.tokens[k].kind != TokenKind::Punct);
    let agency = words
        .next()
        .is_some_and(|k| crate::lexicon::in_class(doc.tok(k), crate::lexicon::PHOTO_AGENCY));
    agency && tokens.any(|k| doc.tok(k) == "via" || doc.tok(k).contains('/'))
}

/// Photo agencies and credit words (`is_photo_credit`): "Getty Images", "Reuters".
pub(crate) const PHOTO_AGENCIES: &str = "
    Images Reuters AP AFP EPA Shutterstock Alamy Pool
";

/// Whether token `i` stands in a phrase that opens its sentence before a comma: a
/// participle ("Asked about …,", "Speaking on Monday,") or a preposition ("After the
/// vote,").
fn in_fronted_phrase(doc: &Doc, i: usize) -> bool {
    let s0 = doc.sentences[doc.tokens[i].sentence()].start;
    if i == s0 {
        return false;
    }
    let first = doc.tok(s0);
    let opener = first.starts_with(char::is_uppercase)
        && (first.len() > 4 && (first.ends_with("ing") || first.ends_with("ed"))
            || with_ascii_lowercase(first, |w| {
                crate::lexicon::in_class(w, crate::lexicon::FRONTED_PREPOSITION)
            }));
    opener && (s0..i).all(|k| doc.tok(k) != ",")
}

/// Words that open a fronted phrase (`in_fronted_phrase`): "After the vote, …", "Here in
/// Columbia, Sanders stepped up …", "On a wet Tuesday in Hollins Ferry, Margit Koval stands …".
pub(crate) const FRONTED_PREPOSITIONS: &str = "
    after before during despite following unlike like here in at amid with on outside
    inside near across throughout around within from over under for
";

/// The person's name right after a singular descriptor of a person ("Her colleague Ben
/// Ode"), in the same sentence and with nothing between.
fn named_after_role(doc: &Doc, d: &Mention) -> Option<Mention> {
    let end = d.tokens.end;
    let next = doc.tokens.get(end)?;
    if d.kind != MentionKind::Descriptor
        || d.plural
        || d.org
        || d.possessive
        || next.quote().is_some()
        || next.kind != TokenKind::Word
        || next.sentence() != doc.tokens[end - 1].sentence()
        || doc.line_break_before(end)
        || !starts_upper(doc.tok(end))
    {
        return None;
    }
    name_mention(doc, end, false).filter(|n| {
        n.kind == MentionKind::Name && !n.org && n.tokens.start == end && n.tokens.len() >= 2
    })
}

/// A capitalised run starting at token `i`: a name with its title, or an organisation.
/// "said Anthony Smith, chief executive of Transport Focus", "Lena Brandt, policy director
/// at the Migrant Justice Network, said": a role without an article after a person's name
/// and its comma, up to its role noun (the noun a later "the chief executive" repeats).
/// Only lowercase modifiers stand before the role noun, and the appositive ends after it
/// (a comma, a stop) or goes on with "of", "at" or "for".
fn bare_role_appositive(doc: &Doc, m: &Mention) -> Option<Span> {
    let toks = &doc.tokens;
    let comma = m.tokens.end;
    // ("Richard Alba and Nancy Foner, sociologists at …": a role of several.)
    let coordinated =
        m.tokens.start > 0 && matches!(doc.tok(m.tokens.start - 1), "and" | "or" | "&");
    if m.kind != MentionKind::Name
        || m.org
        || m.plural
        || m.possessive
        || coordinated
        || toks.get(comma).is_none_or(|_| doc.tok(comma) != ",")
    {
        return None;
    }
    let plain_word = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.quote().is_none()
                && t.sentence() == toks[comma].sentence()
                && doc.tok(k).starts_with(|c: char| c.is_ascii_lowercase())
        })
    };
    let mut last_role = None;
    let mut k = comma + 1;
    while k < comma + 5 && plain_word(k) {
        let w = doc.tok(k);
        if is_function_word(w) || is_determiner(w) || doc.cue(k).is_some() || w == "whose" {
            break;
        }
        // (A singular role noun: not "sociologists", nor "don’t" read as a don.)
        let singular = !w.ends_with('s') || w.ends_with("ss");
        if doc.role(k) == Some(false)
            && singular
            && w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
        {
            last_role = Some(k);
        }
        k += 1;
    }
    let role_end = last_role.filter(|&r| r + 1 == k)?;
    let closes = toks
        .get(k)
        .is_none_or(|_| matches!(doc.tok(k), "," | "." | ";" | ")" | "of" | "at" | "for"));
    closes.then(|| Span::new(toks[comma + 1].span().start, toks[role_end].span().end))
}

/// A name part with the Arabic article written lowercase: "al-Askari", "el-Sisi",
/// "ash-Sharaa".
fn is_arabic_article_name(w: &str) -> bool {
    [
        "al-", "el-", "ad-", "ash-", "as-", "at-", "an-", "ar-", "az-",
    ]
    .iter()
    .any(|p| w.strip_prefix(p).is_some_and(starts_upper))
}

/// Whether the capitalised run `run` already names a person, so that an "of" after it
/// says where the person is from rather than continuing a name: "Sen. Gordon Pruitt of
/// Kansas", "Gordon Pruitt of Kansas" (but "Secretary of State", "Bank of America",
/// "Virginia Department of Health").
fn is_person_name(doc: &Doc, run: std::ops::Range<usize>) -> bool {
    let word = |k: usize| doc.tok(k);
    let mut first_name = run.start;
    while first_name < run.end
        && (lexicon::title(word(first_name)).is_some() || word(first_name) == ".")
    {
        first_name += 1;
    }
    // ("department ranger Jamie Werner of Ngātiwai": a lowercase role before the name
    // titles it too.)
    let titled = first_name > run.start
        || run.start > 0
            && doc.role(run.start - 1) == Some(false)
            && doc
                .tok(run.start - 1)
                .starts_with(|c: char| c.is_lowercase());
    let names = run.end - first_name;
    names >= 1
        && !lexicon::is_org_word(word(run.end - 1))
        && (titled || names >= 2 && lexicon::first_name_gender(word(first_name)) != Gender::Unknown)
}

/// "Jonah Petrakis of Seaforth Capital": whether the capitalised words of `run` (at least
/// two, none a body's word) name a person whom "of" and the capitalised words from
/// `after_of` place at a body, which one of its words names as one.
fn is_affiliation(doc: &Doc, run: std::ops::Range<usize>, after_of: usize) -> bool {
    let body_end = (after_of..doc.tokens.len().min(after_of + 5))
        .take_while(|&k| {
            doc.tokens[k].kind == TokenKind::Word
                && doc.tokens[k].quote().is_none()
                && starts_upper(doc.tok(k))
        })
        .last();
    run.len() >= 2
        && run.clone().all(|k| {
            doc.tokens[k].kind == TokenKind::Word
                && !lexicon::is_org_word(doc.tok(k))
                && !lexicon::is_capitalized_function_word(doc.tok(k))
        })
        && body_end.is_some_and(|last| lexicon::is_org_word(doc.tok(last)))
}

fn name_mention(doc: &Doc, i: usize, sentence_start: bool) -> Option<Mention> {
    let toks = &doc.tokens;
    let word = |k: usize| doc.tok(k);
    let mut start = i;
    let mut has_the = false;
    if matches!(word(i), "The" | "the")
        || doc.french && matches!(word(i), "La" | "la" | "Le" | "le")
    {
        has_the = true;
        start = i + 1;
    }
    if start >= toks.len() || toks[start].quote().is_some() {
        return None;
    }
    // "Trump Says His Plan …": in a title-case headline a cue verb after the first word
    // is a verb, and starts no name.
    if doc.is_headline_case(toks[start].paragraph())
        && start > 0
        && toks[start - 1].paragraph() == toks[start].paragraph()
        && doc.cue(start).is_some()
        && !lexicon::is_org_word(word(start))
    {
        return None;
    }
    // Collect the run.
    let mut end = start;
    while end < toks.len()
        && toks[end].quote().is_none()
        && toks[end].paragraph() == toks[i].paragraph()
    {
        let w = word(end);
        let tk = toks[end].kind;
        let glued_dot = w == "."
            && end > start
            && toks[end - 1].span().end == toks[end].span().start
            && (lexicon::title(word(end - 1)).is_some()
                || word(end - 1).len() <= 3 && starts_upper(word(end - 1))
                || is_legal_suffix(word(end - 1)))
            // (Not a dot that ends the sentence: "… by Jacob J. Lew. Because Thursday …".)
            && (toks.get(end + 1).is_some_and(|n| {
                (starts_upper(word(end + 1)) || doc.nickname_opened_at(end + 1).is_some())
                    && n.sentence() == toks[end].sentence()
            })
                // "Joseph R. Biden Jr. said": a suffix's dot ends the name, not the
                // sentence.
                || matches!(
word(end - 1),
"Jr" | "Sr" | "Inc" | "Corp" | "Co" | "Ltd"
));
        // A title-case headline's verbs end a name: "Donald Trump Is Right" (in running
        // text "Theresa May" is a name).
        let auxiliary = end > start
            && doc.is_title_case(toks[i].paragraph())
            && crate::lexicon::in_class(w, crate::lexicon::HEADLINE_AUXILIARY);
        // ("… an analyst at Greaves & Co. She cut …": after a suffix's dot a pronoun
        // starts the next sentence.)
        if end > start
            && word(end - 1) == "."
            && lexicon::is_capitalized_function_word(w)
            && lexicon::title(w).is_none()
        {
            break;
        }
        if (tk == TokenKind::Word
            && (starts_upper(w) || end > start && is_arabic_article_name(w))
            && !auxiliary
            // ("Secretary of State John Kerry": a title's word is no verb.)
            && !(end > start
                && doc.cue(end).is_some()
                && !lexicon::is_org_word(w)
                && lexicon::title(w).is_none()))
            || glued_dot
        {
            // ("There’s no guarantee": a function word's contraction too.)
            if end == start
                && lexicon::is_capitalized_function_word(strip_possessive(w).0)
                && lexicon::title(w).is_none()
            {
                return None;
            }
            end += 1;
            continue;
        }
        // state Del. Marcia "Cia" Price: a name runs across a nickname.
        if end > start {
            if let Some(close) = doc.nickname_opened_at(end) {
                end = close + 1;
                continue;
            }
        }
        // ("Pratt & Whitney", "Marks & Spencer": an ampersand joins a body's name.)
        if (tk == TokenKind::Word && is_connector(w) || w == "&")
            && end > start
            && !(w == "of"
                && (is_person_name(doc, start..end) || is_affiliation(doc, start..end, end + 1)))
            && toks
                .get(end + 1)
                .is_some_and(|n| starts_upper(word(end + 1)) && n.kind == TokenKind::Word)
        {
            end += 1;
            continue;
        }
        // "the World Travel and Tourism Council", "the Securities and Exchange Commission":
        // "and" inside a body's name, which a body's word ends.
        if w == "and" && end > start {
            let run_end = (end + 1..toks.len().min(end + 6))
                .take_while(|&j| {
                    toks[j].kind == TokenKind::Word
                        && toks[j].quote().is_none()
                        && starts_upper(word(j))
                })
                .last();
            if let Some(last) = run_end.filter(|&l| lexicon::is_org_word(word(l))) {
                end = last + 1;
                break;
            }
        }
        break;
    }
    if end == start {
        return None;
    }
    // "… as CEO warns": a person's role in capitals alone names no one.
    if end == start + 1
        && (2..=4).contains(&word(start).len())
        && word(start).bytes().all(|b| b.is_ascii_uppercase())
        && lexicon::role_noun(word(start)) == Some(false)
    {
        return None;
    }
    // "an analyst at Greaves & Co.": a legal suffix after "&" ends a name read before it,
    // and names no body of its own.
    if start > 0 && word(start - 1) == "&" && is_legal_suffix(word(start)) {
        return None;
    }
    // "The Spaniard", "the 44-year-old": an epithet after "the" is a person's descriptor
    // (see `descriptor_mention`), not a body's name.
    if has_the && end == start + 1 && lexicon::is_epithet_noun(word(start)) {
        return None;
    }
    // A dateline ("VALMORA —", "KOMISHIMA, Japan —", "WASHINGTON (AP) —") names a place,
    // not a speaker.
    // (A dateline of several words, "PORT HADLEY —", is read from its first.)
    let opens_paragraph = start == 0
        || toks[start - 1].paragraph() != toks[start].paragraph()
        || (doc.paragraph_tokens(toks[start].paragraph()).start..start)
            .all(|k| toks[k].kind == TokenKind::Word && word(k).chars().all(|c| !c.is_lowercase()));
    let is_dash = |k: usize| matches!(word(k), "—" | "–" | "-");
    let agency_then_dash = || {
        word(end) == "("
            && (end + 1..(end + 5).min(toks.len()))
                .find(|&k| word(k) == ")")
                .is_some_and(|close| is_dash(close + 1))
    };
    if opens_paragraph
        && word(start).chars().filter(|c| c.is_alphabetic()).count() >= 3
        && word(start).chars().all(|c| !c.is_lowercase())
        && (is_dash(end) || word(end) == "," || agency_then_dash())
    {
        return None;
    }
    // ... and its agency, "(AP)", credits the story, not the words in it.
    let agency_of_dateline = start >= 2
        && word(start - 1) == "("
        && toks[start - 2].paragraph() == toks[start].paragraph()
        && (start - 2 == 0 || toks[start - 3].paragraph() != toks[start].paragraph())
        && word(start - 2).chars().all(|c| !c.is_lowercase())
        && word(end) == ")"
        && is_dash(end + 1);
    if agency_of_dateline {
        return None;
    }
    // "The Russian leader", "the White House press secretary": capitalised modifiers of a
    // role noun make a descriptor, not a name.
    // "The Democratic presidential nominee": lowercase modifiers may stand between.
    // (Looked for only after an article.)
    let role_follows = || {
        (end..(end + 3).min(toks.len()))
            .take_while(|&k| {
                toks[k].kind == TokenKind::Word
                    && toks[k].quote().is_none()
                    && !starts_upper(word(k))
                    && doc.cue(k).is_none()
                    && !is_determiner(word(k))
                    && !is_connector(word(k))
            })
            .any(|k| doc.role(k).is_some())
    };
    let role_next = toks.get(end).is_some_and(|n| {
        n.kind == TokenKind::Word && n.quote().is_none() && doc.role(end).is_some()
    });
    if has_the && role_follows() || role_next && (start..end).all(|k| is_nationality(word(k))) {
        return None;
    }
    // A run ends at a possessive: "Trump’s campaign" is "Trump".
    let possessive_at = (start..end).find(|&k| strip_possessive(word(k)).1);
    let possessive = possessive_at.is_some() || split_plural_possessive(doc, end - 1);
    if let Some(k) = possessive_at {
        end = k + 1;
    }
    let last = end - 1;
    let (last_word, _) = strip_possessive(word(last));
    // A lone capitalised word at a sentence start is a name only if it does not occur
    // in lowercase elsewhere and is not a verb or adverb form.
    // "32% of Republican claims", "Democratic lawmakers": a lone party or nationality
    // adjective before a lowercase word modifies it ("Republicans" is a mention).
    if end - start == 1
        && !has_the
        && is_group_adjective(word(start))
        && toks.get(end).is_some_and(|n| {
            n.kind == TokenKind::Word
                && n.paragraph() == toks[start].paragraph()
                && word(end).starts_with(char::is_lowercase)
        })
    {
        return None;
    }
    // "In her 2003 book, Living History, Clinton noted": a capitalised run after a work
    // noun is the work's title.
    let title_of_work = !has_the && {
        let mut b = start;
        while b > 0 && starts_upper(word(b - 1)) && toks[b - 1].kind == TokenKind::Word {
            b -= 1;
        }
        // (After a comma, a title in apposition closes with another: "Speaking to the
        // BBC's programme, Rachel Reeves said" names a speaker.)
        let appositive = b > 0 && word(b - 1) == ",";
        if appositive {
            b -= 1;
        }
        // (A singular noun: "shows Ravi Menon saying" has the verb.)
        b > 0
            && !word(b - 1).ends_with('s')
            && crate::attribute::is_work_noun(word(b - 1))
            && (!appositive || end < toks.len() && word(end) == ",")
    };
    if title_of_work {
        return None;
    }
    // After a headline's colon a word is capitalised as at a sentence start: "Peace
    // Efforts: Eliminating “the scourge of war” is …".
    let after_colon = start > 0 && word(start - 1) == ":";
    if end - start == 1 && (sentence_start || after_colon) && !has_the {
        let w = word(start);
        // ("Video of the incident shows", "Polls show": a role noun is a descriptor; so
        // is a person's role in the plural, "Aides say", "Lawmakers said".)
        let common = doc.cue(start).is_some()
            || match lexicon::role_noun_listed(w) {
                Some(body) => body || w.ends_with('s'),
                None => false,
            }
            || lexicon::is_capitalized_function_word(w)
            || with_lowercase(w, |lower| {
                lower.ends_with("ing")
                    // ("Jolly said": a surname before its verb of saying, no adverb.)
                    || lower.ends_with("ly") && !doc.cue(start + 1).is_some_and(|c| c.quotative)
                    || doc.has_lowercase_word(lower)
            });
        if common {
            return None;
        }
    }
    // Split the title/role prefix from the name.
    let mut name_start = start;
    let mut k = start;
    let mut gender = Gender::Unknown;
    while k < end {
        let w = word(k);
        if w == "." {
            k += 1;
            continue;
        }
        let title = lexicon::title(w);
        if let Some(g) = title {
            if g != Gender::Unknown {
                gender = g;
            }
            name_start = k + 1;
            k += 1;
            continue;
        }
        // A role noun before the name ("Pensioner Walter Greaves", "Fire Chief Raymond
        // Oduya"), or a word the article otherwise writes in lowercase, is a descriptor
        // when a name still follows.
        let first = k == start && sentence_start;
        // "Fire Chief Raymond Oduya", "Police Chief Ana Ruiz": a word qualifying the
        // office title after it belongs to the title, when a name follows the title.
        // So do a body's words: "Senate Majority Leader Chuck Schumer", "U.N. Ambassador
        // John Bolton", "Harvard University President Lawrence Bacow".
        let qualifies_title = {
            let mut t = k + 1;
            let mut qualifiers = 0;
            while t < end && qualifiers < 3 && lexicon::title(word(t)).is_none() {
                if word(t) != "." {
                    qualifiers += 1;
                }
                t += 1;
            }
            // (The title may be several words: "Apple Chief Executive Tim Cook".)
            let mut name = t;
            while name < end && lexicon::title(word(name)) == Some(Gender::Unknown) {
                name += 1;
            }
            name > t
                && name < end
                && (t == k + 1 || (k + 1..t).all(|q| word(q) == "." || starts_upper(word(q))))
                && word(name) != "."
                && starts_upper(word(name))
                // (A headline's "CNN President On Trump" names no "On Trump".)
                && !lexicon::is_capitalized_function_word(word(name))
        };
        if qualifies_title {
            name_start = k + 1;
            k += 1;
            continue;
        }
        // (A body's word is looked up last: few words are a role.)
        let role_word = k + 1 < end
            && !has_the
            && (lexicon::role_noun_listed(w).is_some()
                || first
                    // ("Oliver Brandt": a known first name is no role by its ending.)
                    && lexicon::first_name_gender(w) == Gender::Unknown
                    && (doc.role(k).is_some()
                        || with_lowercase(w, |lower| doc.has_lowercase_word(lower))))
            && !lexicon::is_org_word(w);
        if role_word {
            // "Residents of Quay Street": a role followed by a preposition is a descriptor.
            if toks
                .get(k + 1)
                .is_some_and(|_| matches!(word(k + 1), "of" | "for" | "at" | "from"))
            {
                return None;
            }
            name_start = k + 1;
            k += 1;
            continue;
        }
        // (At the last word, skipping it or stopping ends the loop alike.)
        if k + 1 < end && (is_nationality(w) || is_connector(w)) {
            k += 1;
            continue;
        }
        break;
    }
    // Keep at least one name word.
    if name_start >= end && end - start >= 2 && lexicon::title(word(end - 1)).is_none() {
        name_start = end - 1;
    }
    while name_start < end && word(name_start) == "." {
        name_start += 1;
    }
    // (A body's words in a person's title make no body: "Senate Majority Leader Chuck
    // Schumer".)
    let titled_person = name_start > start && name_start < end && !has_the;
    // ("debris over the Gulf", "in the Caribbean": a single name after a preposition of
    // place and "the" is a place, not a body.)
    let place = has_the
        && end == start + 1
        && i > 0
        && matches!(
            doc.tok(i - 1),
            "over" | "across" | "into" | "near" | "off" | "along" | "around" | "toward" | "towards"
        )
        && !lexicon::is_org_word(word(start));
    let org = has_the && !place
        || (if titled_person { name_start } else { start }..end)
            .any(|k| lexicon::is_org_word(strip_possessive(word(k)).0) || word(k) == "&")
        || (end - start == 1
            && word(start).len() >= 2
            && word(start).chars().all(|c| c.is_uppercase()));
    let span_start = if has_the { i } else { start };
    let full = Span::new(
        toks[span_start].span().start,
        toks[last].span().start + last_word.len(),
    );
    if name_start >= end {
        // Only titles ("President", "The Prime Minister"): a descriptor.
        if org {
            // "The Kremlin", "The Pentagon": a named body.
        } else {
            return Some(Mention {
                span: full,
                tokens: span_start..end,
                kind: MentionKind::Descriptor,
                name: None,
                role: Some(full),
                gender,
                plural: false,
                org: false,
                possessive,
                subject: false,
                entity: None,
            });
        }
    }
    let (name, role) = if org || name_start >= end {
        (Span::new(toks[start].span().start, full.end), None)
    } else {
        let role = (name_start > start)
            .then(|| Span::new(toks[start].span().start, toks[name_start - 1].span().end));
        // ("Nadia Quayle KC": letters after the name are no part of it.)
        let name_end = if last > name_start + 1 && is_postnominal(word(last)) {
            toks[last - 1].span().end
        } else {
            full.end
        };
        (Span::new(toks[name_start].span().start, name_end), role)
    };
    if !org && gender == Gender::Unknown {
        gender = lexicon::first_name_gender(word(name_start.min(last)));
    }
    Some(Mention {
        span: full,
        tokens: span_start..end,
        kind: MentionKind::Name,
        name: Some(name),
        role,
        gender,
        plural: false,
        org,
        possessive,
        subject: false,
        entity: None,
    })
}

/// Capitalised auxiliaries that end a name in a title-case headline (`name_mention`):
/// "Donald Trump Is Right".
pub(crate) const HEADLINE_AUXILIARIES: &str = "
    Is Was Are Were Has Have Had Will Would Can Could Should May Might Must Does Did
    Gets
";

/// Whether [`descriptor_mention`] may find one at token `i` of the text: after a comma
/// (a headline's noun after a quotation), at a capitalised word, or with a role noun or
/// a quotative cue ahead. Most lowercase words have none of these: where every word is
/// walked, this is tested in place of a call.
#[inline]
fn may_open_descriptor(doc: &Doc, i: usize, ahead: &[Ahead]) -> bool {
    ahead.get(i).is_some_and(|a| a.role || a.quotative)
        || i >= 2 && matches!(doc.tok(i - 1), "," | ":")
        || starts_upper(doc.tok(i))
        || matches!(doc.tok(i), "one" | "another")
}

/// The noun phrase right after an English "according to" at token `i` that no other
/// reading made a mention: "the summary", "recent polling", "complete but unofficial
/// returns", "state law" (up to six words, ending before a preposition, a relative, a
/// participle or punctuation). "according to plan" and its like name no source.
fn according_source(doc: &Doc, i: usize) -> Option<Mention> {
    let toks = &doc.tokens;
    if doc.french || i < 2 || doc.according_to(i - 2) != 2 || toks[i].kind != TokenKind::Word {
        return None;
    }
    let first = if is_determiner(doc.tok(i)) { i + 1 } else { i };
    let end = (first..toks.len().min(first + 6))
        .find(|&k| {
            let w = doc.tok(k);
            toks[k].kind != TokenKind::Word
                || toks[k].quote().is_some()
                || toks[k].sentence() != toks[i].sentence()
                // ("complete but unofficial returns": a conjunction between modifiers.)
                || k > first
                    && matches!(w, "but" | "and")
                    && !toks.get(k + 1).is_some_and(|n| {
                        n.kind == TokenKind::Word
                            && n.sentence() == toks[k].sentence()
                            && doc.tok(k + 1).starts_with(char::is_lowercase)
                            && !is_function_word(doc.tok(k + 1))
                            && !is_determiner(doc.tok(k + 1))
                    })
                || k > first
                    && !matches!(w, "but" | "and")
                    && (w.ends_with("ed") || is_function_word(w))
                || matches!(
                    w,
                    "by" | "from" | "of" | "in" | "on" | "at" | "for" | "with" | "to" | "that"
                        | "which" | "who" | "or" | "as" | "released" | "published"
                )
        })
        .unwrap_or(toks.len().min(first + 6));
    if end <= first {
        return None;
    }
    let head = doc.tok(end - 1);
    let idiom = first == i
        && end == i + 1
        && matches!(
            head,
            "plan" | "plans" | "schedule" | "script" | "form" | "design" | "tradition"
        );
    if idiom || is_function_word(head) || is_determiner(head) {
        return None;
    }
    let span = Span::new(
        toks[i].span().start,
        strip_end(toks[end - 1].span(), doc.text),
    );
    let role = Span::new(toks[first].span().start, span.end);
    let plural = head.ends_with('s') && !head.ends_with("ss");
    // (A document, a count or a law: no "he" or "she" refers to it.)
    Some(Mention::unnamed(span, i..end, role, plural, true))
}

/// "the president", "a spokeswoman for the Kremlin", "officials", "the Russian leader".
/// `ahead` is [`looking_ahead`] of the document.
fn descriptor_mention(doc: &Doc, i: usize, ahead: &[Ahead]) -> Option<Mention> {
    // ("… fell to 5 percent of": a share's "of" may end the text.)
    if i >= doc.tokens.len() {
        return None;
    }
    // Descriptors are read with English determiners and role nouns ("a spokeswoman");
    // in French "a" is a verb ("a déclaré") and the role nouns differ.
    if doc.french {
        return None;
    }
    if let Some(noun) = noun_after_quote(doc, i) {
        return Some(noun);
    }
    if let Some(one) = one_or_another(doc, i) {
        return Some(one);
    }
    if let Some(those) = those_described(doc, i) {
        return Some(those);
    }
    if let Some(epithet) = demonym_epithet(doc, i) {
        return Some(epithet);
    }
    // Without a role noun within reach only a capitalised possessive or determiner can
    // head a descriptor (see `headed_descriptor`): most words are ruled out here, before
    // the rest is looked at. (A quotative cue ahead is rare: it is looked for before the
    // determiner.)
    let upper = starts_upper(doc.tok(i));
    if !(upper || ahead[i].role || ahead[i].quotative && is_determiner(doc.tok(i))) {
        return None;
    }
    headed_descriptor(doc, i, upper, ahead)
}

/// "“Nobody asked us,” said one.", "Another added:": a bare "one" or "another" next to
/// its verb of saying is one unnamed person (one of those just mentioned).
fn one_or_another(doc: &Doc, i: usize) -> Option<Mention> {
    let t = &doc.tokens[i];
    if !matches!(
        doc.tok(i).as_bytes(),
        b"one" | b"One" | b"another" | b"Another"
    ) {
        return None;
    }
    let quotative = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|n| n.sentence() == t.sentence() && n.quote().is_none())
            && doc.cue(k).is_some_and(|c| c.quotative)
    };
    // (Opening its clause: "No one said", "the long one begins" are no such person.)
    let opens_clause = i == 0
        || doc.tokens[i - 1].sentence() != t.sentence()
        || doc.tokens[i - 1].kind != TokenKind::Word
        || with_lowercase(doc.tok(i - 1), |w| {
            matches!(w, "and" | "but" | "yet" | "so" | "while" | "as" | "when")
        });
    let next_ends = doc
        .tokens
        .get(i + 1)
        .is_none_or(|n| n.kind != TokenKind::Word || n.sentence() != t.sentence());
    // (An inflected verb: "one point" is a noun.)
    let verb_after = quotative(i + 1) && doc.cue(i + 1).is_some_and(|c| c.lemma != doc.tok(i + 1));
    let verb_before = i > 0 && quotative(i - 1) && next_ends;
    (opens_clause && verb_after || verb_before).then(|| Mention {
        span: t.span(),
        tokens: i..i + 1,
        kind: MentionKind::Descriptor,
        name: None,
        role: Some(t.span()),
        gender: Gender::Unknown,
        plural: false,
        org: false,
        possessive: false,
        subject: false,
        entity: None,
    })
}

/// "the Italian said", "“…,” the German added": an adjective of nationality alone after
/// "the", before no noun, is one person (an epithet, see `epithet_antecedent`).
fn demonym_epithet(doc: &Doc, i: usize) -> Option<Mention> {
    let toks = &doc.tokens;
    if !matches!(doc.tok(i).as_bytes(), b"the" | b"The")
        || !toks
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && t.quote().is_none())
        || !starts_upper(doc.tok(i + 1))
        || lexicon::role_noun(doc.tok(i + 1)).is_some()
        || !lexicon::is_epithet_noun(doc.tok(i + 1))
    {
        return None;
    }
    // (Before a noun it is an adjective: "the Italian government".)
    let alone = toks.get(i + 2).is_none_or(|n| {
        n.kind != TokenKind::Word
            || n.sentence() != toks[i + 1].sentence()
            || doc.cue(i + 2).is_some_and(|c| c.quotative)
            || matches!(
                doc.tok(i + 2),
                "who" | "has" | "had" | "is" | "was" | "will" | "would"
            )
    });
    alone.then(|| {
        let span = Span::new(toks[i].span().start, toks[i + 1].span().end);
        Mention::unnamed(span, i..i + 2, toks[i + 1].span(), false, false)
    })
}

/// "Those surveyed say …", "those polled said", "Those who attended said": "those" with
/// a participle of asking, or before "who", is a group of people (the relative clause
/// is read as any noun's).
fn those_described(doc: &Doc, i: usize) -> Option<Mention> {
    if !matches!(doc.tok(i).as_bytes(), b"those" | b"Those") {
        return None;
    }
    let next = |k: usize| {
        doc.tokens
            .get(k)
            .filter(|n| n.sentence() == doc.tokens[i].sentence() && n.quote().is_none())
            .map(|_| doc.tok(k))
    };
    let end = match next(i + 1)? {
        "surveyed" | "polled" | "interviewed" | "questioned" | "sampled" | "asked" => i + 2,
        "who" => i + 1,
        _ => return None,
    };
    let span = Span::new(doc.tokens[i].span().start, doc.tokens[end - 1].span().end);
    Some(Mention::unnamed(span, i..end, span, true, false))
}

/// "'Not fit for purpose', report warns", "“…”: minister says": a headline's bare noun
/// at token `i`, between a quotation and its verb, is the speaker.
fn noun_after_quote(doc: &Doc, i: usize) -> Option<Mention> {
    let toks = &doc.tokens;
    let word = |k: usize| doc.tok(k);
    let after_quote = i >= 2
        && matches!(word(i - 1), "," | ":")
        && toks[i - 2].kind == TokenKind::QuoteMark
        && doc.closing_quote_of(i - 2).is_some();
    let speaks = after_quote
        && toks[i].quote().is_none()
        && word(i).chars().all(|c| c.is_ascii_lowercase())
        && toks
            .get(i + 1)
            .is_some_and(|n| n.paragraph() == toks[i].paragraph())
        && doc.cue(i + 1).is_some_and(|c| c.quotative)
        && word(i + 1).ends_with('s');
    if !speaks {
        return None;
    }
    let span = toks[i].span();
    Some(Mention {
        span,
        tokens: i..i + 1,
        kind: MentionKind::Descriptor,
        name: None,
        role: Some(span),
        gender: Gender::Unknown,
        plural: false,
        org: doc.role(i) == Some(true),
        possessive: false,
        subject: false,
        entity: None,
    })
}

/// The descriptor opening at token `i` (`upper`: capitalised) with a role noun or a
/// noun before a speech verb as its head (see `descriptor_mention`). (Kept out of line:
/// most calls of `descriptor_mention` end before it.)
#[inline(never)]
fn headed_descriptor(doc: &Doc, i: usize, upper: bool, ahead: &[Ahead]) -> Option<Mention> {
    let text = doc.text;
    let toks = &doc.tokens;
    let word = |k: usize| doc.tok(k);
    // A head is found only as a role noun within the six tokens the loop below reads
    // from `first_mod` (`i` or `i + 1`: `Ahead::role` of that token), or, after a
    // determiner or possessive, as the noun before a quotative cue two to four tokens
    // from `i` (`Ahead::quotative` of `i`); every path without a head returns `None`.
    // So with no role noun and no quotative cue in reach (most calls) nothing else need
    // be read.
    let role_at = |k: usize| ahead.get(k).is_some_and(|a| a.role);
    if !(role_at(i) || role_at(i + 1) || ahead[i].quotative) {
        return None;
    }
    // (The word lowercased once for both lists; a word longer than any in them, as
    // "although" is, is in neither.)
    let (determiner, function_word) = if word(i).len() <= "although".len() {
        with_ascii_lowercase(word(i), |w| (is_lower_determiner(w), is_function_word(w)))
    } else {
        (false, false)
    };
    // ("There’s no guarantee", "That’s what …": a contraction of a function word is no
    // possessive.)
    let possessive = upper && {
        let (base, possessive) = strip_possessive(word(i));
        possessive && !lexicon::is_capitalized_function_word(base)
    };
    let has_det = determiner || possessive;
    let first_mod = if has_det { i + 1 } else { i };
    // (Knowing `first_mod`, the test above made exact.)
    if !(role_at(first_mod) || has_det && ahead[i].quotative) {
        return None;
    }
    // "that the agency", "When terrorists": a conjunction or a second determiner opens no
    // descriptor (the one after it does).
    if function_word && !determiner
        || has_det && first_mod < toks.len() && is_determiner(word(first_mod))
    {
        return None;
    }
    // Up to four modifiers, then a role noun.
    let mut k = first_mod;
    let mut head = None;
    // (Not across a line break: "his biggest frustration\nPresident Barack Obama".)
    let same_line = |k: usize| k <= i || !line_break_before(doc, k);
    // (Also the stop of an abbreviation: "two U.S. officials".)
    let title_dot = |k: usize| {
        k > i
            && word(k) == "."
            && toks[k - 1].span().end == toks[k].span().start
            && (lexicon::title(word(k - 1)).is_some()
                || word(k - 1).len() <= 4
                    && word(k - 1).contains('.')
                    && word(k - 1)
                        .bytes()
                        .all(|b| b == b'.' || b.is_ascii_uppercase()))
    };
    while k < toks.len()
        && k < first_mod + 6
        && same_line(k)
        && toks[k].quote().is_none()
        && (toks[k].kind == TokenKind::Word
            || toks[k].kind == TokenKind::Number && k > i
            || title_dot(k))
    {
        // "a 2014 study": a year or number modifies the head; "Mr. Clarke's new company":
        // a title's dot.
        if toks[k].kind == TokenKind::Number || title_dot(k) {
            k += 1;
            continue;
        }
        let w = word(k);
        // A possessive is a modifier: "the company’s chief executive", "the brothers’ mother".
        if strip_possessive(w).1 && k + 1 < toks.len() && toks[k + 1].kind == TokenKind::Word {
            k += 1;
            continue;
        }
        // A plural possessive: "brothers" + "’" written apart by the tokenizer.
        let apostrophe_next = toks.get(k + 1).is_some_and(|n| {
            n.span().start == toks[k].span().end && matches!(word(k + 1), "’" | "'")
        });
        if apostrophe_next && toks.get(k + 2).is_some_and(|n| n.kind == TokenKind::Word) {
            k += 2;
            continue;
        }
        // A capital after lowercase words opens a name, whatever its ending: "captain
        // Anders Lund" ("Anders" ends like "leaders").
        if k > first_mod
            && starts_upper(w)
            && !starts_upper(word(k - 1))
            && doc.role(k) == Some(false)
            && lexicon::role_noun_listed(w).is_none()
        {
            break;
        }
        if let Some(org) = doc.role(k) {
            // Keep going if the next word is also a role noun ("campaign spokesman"), or the
            // one after a lowercase modifier ("the Senate majority leader").
            head = Some((k, org));
            if toks.get(k + 1).is_some_and(|n| n.quote().is_none()) && doc.role(k + 1).is_some() {
                k += 1;
                continue;
            }
            let modifier_then_role = toks.get(k + 2).is_some_and(|n| n.quote().is_none())
                && toks[k + 1].kind == TokenKind::Word
                && toks[k + 1].quote().is_none()
                && !is_function_word(word(k + 1))
                && !is_determiner(word(k + 1))
                && doc.cue(k + 1).is_none()
                && word(k + 1).starts_with(char::is_lowercase)
                // ("The company shipped processors": a verb, not a modifier.)
                && !word(k + 1).ends_with("ed")
                // ("the state news agency": a body's noun, a modifier, then the body's
                // head.)
                && (doc.role(k + 2) == Some(false) || org && doc.role(k + 2) == Some(true));
            if modifier_then_role {
                k += 2;
                continue;
            }
            break;
        }
        // ("the fund warned": the noun before a speech verb may head it, see below.)
        if has_det && k > first_mod && doc.cue(k).is_some_and(|c| c.quotative) && !starts_upper(w) {
            break;
        }
        // ("The rail regulator", "the state senator": a verb's bare form between an
        // article and a role noun modifies it; "Republicans say Democrats" is a verb.)
        let modifies_role = determiner
            && k == first_mod
            && doc.cue(k).is_some_and(|c| c.lemma == w)
            && toks
                .get(k + 1)
                .is_some_and(|n| n.kind == TokenKind::Word && n.quote().is_none())
            && doc.role(k + 1).is_some();
        if doc.cue(k).is_some() && !starts_upper(w) && !modifies_role
            || k > first_mod && is_determiner(w)
            || is_function_word(w)
        {
            return None;
        }
        k += 1;
    }
    // "Ivana Trump's brief said": after a possessive name, the noun right before a speech
    // verb is the source even when it is no role noun.
    // "the fund warned that …", "Video of the incident shows …": so does a plain noun
    // after a determiner, when a speech verb follows it ("that" excepted: "said that
    // studies show" has no determiner).
    let head = head.or_else(|| {
        // (Only as a clause's subject: "comments his rival made questioning" is none.)
        let opens_clause = i == doc.sentences[toks[i].sentence()].start
            || matches!(word(i - 1), "," | "and" | "but");
        let possessive_name = possessive;
        let plain_determiner = !possessive_name
            && determiner
            && opens_clause
            && !with_ascii_lowercase(word(i), |w| {
                crate::lexicon::in_class(w, crate::lexicon::NUMERAL_DETERMINER)
            });
        if !(possessive_name || plain_determiner) {
            return None;
        }
        // (After an article a capitalised modifier may stand before the noun, "The NFL
        // legend said", but not be it: a name is read as one. After a possessive name it
        // is a name of its own: "Trump's AIPAC speech said" has no source.)
        (first_mod..(first_mod + 3).min(toks.len().saturating_sub(1)))
            .take_while(|&k| {
                toks[k].kind == TokenKind::Word
                    && toks[k].quote().is_none()
                    && (plain_determiner || !starts_upper(word(k)))
                    // ("The Times said the emails …": the search ends at the verb.)
                    && !(k > first_mod && doc.cue(k).is_some_and(|c| c.quotative))
            })
            .find(|&k| !starts_upper(word(k)) && doc.cue(k + 1).is_some_and(|c| c.quotative))
            // ("his rubble comment was …", "the last major attack on a target": a noun
            // before the verb of its own clause or before "on"/"of" modifies that noun.)
            .filter(|&k| {
                !plain_determiner
                    || !toks.get(k + 2).is_some_and(|_| {
                        crate::lexicon::in_class(
                            word(k + 2),
                            crate::lexicon::AUXILIARY_OR_PREPOSITION,
                        )
                    })
            })
            // A noun: "this month said", "a swiftly issued …" name no source; nor does an
            // auxiliary ("Few would argue …").
            .filter(|&k| {
                !plain_determiner
                    || !(word(k).ends_with("ly")
                        || word(k).ends_with("ed")
                        || lexicon::is_time_noun(word(k))
                        || crate::lexicon::in_class(word(k), crate::lexicon::MODAL_OR_DO))
            })
            .map(|k| (k, false))
    });
    let (head_i, org) = head?;
    let head_word = word(head_i);
    // "their Continental Basketball League": after a possessive pronoun a run of capitals
    // is a name of its own, read as one from its first word.
    if determiner
        && with_ascii_lowercase(word(i), |w| {
            matches!(w, "their" | "his" | "her" | "its" | "our" | "my" | "your")
        })
        && (first_mod..=head_i).all(|k| starts_upper(word(k)))
    {
        return None;
    }
    // ("two people", "several women": irregular plurals and plural determiners.)
    // (Each word looked for in the first word below is a determiner.)
    let plural = head_word.ends_with('s') && !head_word.ends_with("ss")
        || matches!(head_word, "people" | "men" | "women" | "children")
        || determiner
            && with_ascii_lowercase(word(i), |w| {
                matches!(
                    w,
                    "two"
                        | "three"
                        | "several"
                        | "many"
                        | "some"
                        | "these"
                        | "those"
                        | "both"
                        | "few"
                )
            });
    // "a charity that prosecutors said was …": before a plural head "that" is the
    // relative or the conjunction, no determiner; the descriptor starts after it.
    if plural
        && head_i > i
        && determiner
        && with_ascii_lowercase(word(i), |w| matches!(w, "that" | "this"))
    {
        return None;
    }
    // "president" alone is not a mention; "officials", "Police" and "authorities" are.
    let collective =
        org && (plural || starts_upper(head_word) || matches!(head_word, "police" | "government"));
    // "Gary Johnson’s doctor": a possessive name before the head determines it.
    // (Only a name before it: "revisited Lorenz’s epochal paper" is no descriptor.)
    let has_det = has_det
        || (i..head_i)
            .find(|&k| {
                (strip_possessive(word(k)).1 || split_plural_possessive(doc, k))
                    && starts_upper(word(k))
            })
            .is_some_and(|p| (i..p).all(|k| starts_upper(word(k)) || title_dot(k)));
    // "Judge rejects New York Times request": a headline drops the article before a role
    // that opens its paragraph, right before the verb.
    let headline_role = starts_upper(word(i))
        && doc.opens_headline(i)
        && toks.get(head_i + 1).is_some_and(|n| n.quote().is_none())
        && doc.cue(head_i + 1).is_some();
    if !has_det && !plural && !collective && !headline_role {
        return None;
    }
    // Without a determiner only adjectives may precede a plural head: "elected officials".
    let adjectives_before_plural = plural && (i..head_i).all(|k| !starts_upper(word(k)) || k == i);
    if !(has_det || headline_role || head_i == i || adjectives_before_plural) {
        return None;
    }
    let mut end = head_i + 1;
    // "a spokeswoman for the Kremlin", "an official at the ministry": a spokesperson
    // speaks for the body named next, which is a mention of its own (see `speaks_for`);
    // other roles keep a capitalised affiliation as part of the descriptor.
    if end + 1 < toks.len()
        && matches!(word(end), "for" | "of" | "at" | "with" | "in")
        && !is_spokesperson(head_word)
    {
        let mut j = end + 1;
        if j < toks.len() && is_determiner(word(j)) {
            j += 1;
        }
        let mut k = j;
        while k < toks.len()
            && toks[k].quote().is_none()
            && toks[k].kind == TokenKind::Word
            && starts_upper(word(k))
        {
            k += 1;
        }
        if k > j {
            end = k;
        }
    }
    // "two people familiar with the matter", "officials briefed on the talks": a source
    // described by what it knows keeps the description (up to the verb or a comma).
    if end + 2 < toks.len()
        && matches!(
            word(end),
            "familiar" | "close" | "briefed" | "knowledgeable"
        )
        && crate::lexicon::in_class(word(end + 1), crate::lexicon::DESCRIPTOR_PREPOSITION)
    {
        let stop = (end + 2..(end + 8).min(toks.len()))
            .find(|&k| {
                toks[k].kind != TokenKind::Word
                    || toks[k].quote().is_some()
                    // ("familiar with the plan": a cue word after a determiner is a noun.)
                    || doc.cue(k).is_some() && !is_determiner(word(k - 1))
                    || matches!(word(k), "who" | "that" | "and" | "but")
            })
            .unwrap_or((end + 8).min(toks.len()));
        if stop > end + 2
            && stop < toks.len()
            && (doc.cue(stop).is_some() || matches!(word(stop), "," | "." | ";" | ")"))
        {
            end = stop;
        }
    }
    let span = Span::new(toks[i].span().start, strip_end(toks[end - 1].span(), text));
    let role = Span::new(toks[first_mod].span().start, toks[head_i].span().end);
    let gender = with_ascii_lowercase(head_word, |w| match w {
        "spokeswoman" | "woman" | "chairwoman" | "congresswoman" | "mother" | "daughter"
        | "wife" | "queen" | "actress" => Gender::Female,
        "spokesman" | "man" | "chairman" | "congressman" | "father" | "son" | "husband"
        | "king" => Gender::Male,
        _ => Gender::Unknown,
    });
    Some(Mention {
        span,
        tokens: i..end,
        kind: MentionKind::Descriptor,
        name: None,
        role: Some(role),
        gender,
        plural,
        org,
        possessive: false,
        subject: false,
        entity: None,
    })
}

/// Lowercased "that" and numeral determiners (`headed_descriptor`).
pub(crate) const NUMERAL_DETERMINERS: &str = "
    that one two three another
";

/// Auxiliaries, "on" and "of" two words after a descriptor (`headed_descriptor`).
pub(crate) const AUXILIARIES_OR_PREPOSITIONS: &str = "
    was is were are has had on of
";

/// Prepositions after a descriptor (`headed_descriptor`).
pub(crate) const DESCRIPTOR_PREPOSITIONS: &str = "
    with to on about of
";

/// Modals and "do" (`headed_descriptor`): after a plain determiner an auxiliary names no
/// source ("Few would argue …").
pub(crate) const MODALS_OR_DO: &str = "
    would could should will can may might must did does do
";

/// A share of people ("63 percent of voters", "Some") as a plural descriptor over `tokens`.
fn share_mention(doc: &Doc, tokens: std::ops::Range<usize>, subject: bool) -> Mention {
    let span = Span::new(
        doc.tokens[tokens.start].span().start,
        doc.tokens[tokens.end - 1].span().end,
    );
    Mention {
        subject,
        ..Mention::unnamed(span, tokens, span, true, false)
    }
}

/// The end of a share of people opening a clause at token `i` and followed by a verb of
/// saying or belief: "Some", "Others", "Most", "Two-thirds", "A third", "About one in
/// five", "Nearly nine out of 10".
fn share_of_people(doc: &Doc, i: usize) -> Option<usize> {
    let toks = &doc.tokens;
    if toks[i].quote().is_some() || toks[i].kind != TokenKind::Word {
        return None;
    }
    let clause_start = doc.sentences[toks[i].sentence()].start == i
        || i > 0
            && matches!(
                doc.tok(i - 1).as_bytes(),
                b"," | b"but" | b"and" | b"while" | b"although"
            );
    if !clause_start {
        return None;
    }
    // The words looked for are short: each token is lowercased once into a small buffer.
    let is = |k: usize, lower_is: fn(&[u8]) -> bool| lower_is(short_lowercase(doc, k, &mut [0; 8]));
    let count_word = |w: &[u8]| {
        matches!(
            w,
            b"one"
                | b"two"
                | b"three"
                | b"four"
                | b"five"
                | b"six"
                | b"seven"
                | b"eight"
                | b"nine"
                | b"ten"
        )
    };
    let is_count =
        |k: usize| k < toks.len() && (toks[k].kind == TokenKind::Number || is(k, count_word));
    let mut first_buf = [0; 8];
    let first = short_lowercase(doc, i, &mut first_buf);
    let approximate = matches!(
        first,
        b"about" | b"nearly" | b"almost" | b"roughly" | b"only" | b"just" | b"fully"
    );
    let k = i + usize::from(approximate);
    let mut word_buf = [0; 8];
    let word = if approximate {
        short_lowercase(doc, k, &mut word_buf)
    } else {
        first
    };
    let fraction = |k: usize| {
        k < toks.len()
            && doc.tok(k).contains('-')
            && ["thirds", "fourths", "quarters", "fifths"]
                .iter()
                .any(|f| doc.tok(k).ends_with(f))
    };
    let count = k < toks.len() && (toks[k].kind == TokenKind::Number || count_word(word));
    let end = if matches!(
        word,
        b"some" | b"others" | b"many" | b"most" | b"half" | b"few"
    ) || fraction(k)
    {
        k + 1
    } else if matches!(word, b"a" | b"one" | b"the")
        && is(k + 1, |w| {
            matches!(w, b"third" | b"quarter" | b"fifth" | b"majority")
        })
    {
        k + 2
    } else if count && is(k + 1, |w| w == b"in") && is_count(k + 2) {
        k + 3
    } else if count && is(k + 1, |w| w == b"out") && is(k + 2, |w| w == b"of") && is_count(k + 3) {
        k + 4
    } else {
        return None;
    };
    let verb = doc
        .cue(end)
        .filter(|_| end < toks.len() && toks[end].quote().is_none())?;
    matches!(
        verb.class,
        lexicon::CueClass::Speech | lexicon::CueClass::Belief
    )
    .then_some(end)
}

/// Token `k` in ASCII lower case, in `buf`; empty when there is no token `k` or it is
/// longer than `buf` (than any word compared with it).
fn short_lowercase<'b>(doc: &Doc, k: usize, buf: &'b mut [u8; 8]) -> &'b [u8] {
    if k >= doc.tokens.len() {
        return &[];
    }
    let word = doc.tok(k);
    match buf.get_mut(..word.len()) {
        Some(lower) => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            lower
        }
        None => &[],
    }
}

/// A count written in words: "nine", "Twenty-four", "ninety".
pub(crate) fn is_number_word(w: &str) -> bool {
    !w.is_empty()
        && w.split('-').all(|part| {
            with_ascii_lowercase(part, |p| {
                crate::lexicon::in_class(p, crate::lexicon::NUMBER_WORD)
            })
        })
}

/// Numbers written as words (`is_number_word`).
pub(crate) const NUMBER_WORDS: &str = "
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred
";

/// "He’s" -> ("He", true); contractions of a pronoun with a verb keep the pronoun.
fn strip_contraction(w: &str) -> (&str, bool) {
    // Every suffix ends in s, d, l or e and has an apostrophe (' or ’, whose UTF-8 ends
    // in 0x99) among its last three bytes: two bytes rule out most words.
    let bytes = w.as_bytes();
    let apostrophe_back = |n: usize| {
        bytes
            .len()
            .checked_sub(n)
            .is_some_and(|at| matches!(bytes[at], b'\'' | 0x99))
    };
    if !matches!(bytes.last(), Some(b's' | b'd' | b'l' | b'e'))
        || !(apostrophe_back(2) || apostrophe_back(3))
    {
        return (w, false);
    }
    for suffix in [
        "’s", "'s", "’d", "'d", "’ll", "'ll", "’re", "'re", "’ve", "'ve",
    ] {
        if let Some(base) = w.strip_suffix(suffix) {
            if lexicon::subject_pronoun(base).is_some() {
                return (base, true);
            }
        }
    }
    (w, false)
}

/// (None is longer than "although": `headed_descriptor` relies on it.)
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "with"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "to"
            | "from"
            | "by"
            | "and"
            | "or"
            | "that"
            | "which"
            | "who"
            | "as"
            | "but"
            | "if"
            | "than"
            | "into"
            | "about"
            | "over"
            | "after"
            | "before"
            // ("despite figures showing …": a preposition opens no descriptor.)
            | "despite"
            | "against"
            | "under"
            | "without"
            | "through"
            | "during"
            | "amid"
            | "among"
            | "between"
            | "across"
            | "toward"
            | "towards"
            | "within"
            | "unlike"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "not"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "when"
            | "while"
            | "where"
            | "because"
            | "since"
            | "until"
            | "though"
            | "although"
            | "so"
            | "then"
            | "what"
    )
}

fn is_spokesperson_mention(doc: &Doc, m: &Mention) -> bool {
    m.role
        .and_then(|r| r.text(doc.text).split_whitespace().last())
        .is_some_and(is_spokesperson)
}

/// Roles that speak on behalf of a body: "a spokeswoman for the ministry" says what the
/// ministry says.
fn is_spokesperson(head: &str) -> bool {
    with_ascii_lowercase(head, |head| {
        crate::lexicon::in_class(head, crate::lexicon::SPOKESPERSON)
    })
}

/// Roles that speak on behalf of a body (`is_spokesperson`, lowercase), and documents,
/// which speak for their authors: "a statement from the company", "figures released by the
/// department".
pub(crate) const SPOKESPERSONS: &str = "
    spokesman spokeswoman spokesperson spokespeople official officials representative
    representatives spokesmen spokeswomen statement report letter memo figures data
    study analysis survey poll release email filing complaint ruling brief audit review
    investigation tweet post video ad
";

/// Whether the first word of `s` is "the" in any case (as `s.split_whitespace().next()`),
/// read by its bytes.
fn opens_with_the(s: &str) -> bool {
    let s = s.trim_start();
    s.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && s[3..].chars().next().is_none_or(char::is_whitespace)
}

/// A noun of family: "son", "wife", "grandmother".
fn is_kin_noun(word: &str) -> bool {
    crate::lexicon::in_class(word, crate::lexicon::KIN_NOUN)
}

/// Nouns of family (`is_kin_noun`): "son", "wife", "grandmother".
pub(crate) const KIN_NOUNS: &str = "
    son daughter wife husband father mother brother sister grandson granddaughter
    grandmother grandfather widow widower uncle aunt nephew niece cousin
";

/// `s.to_lowercase()`, the cheaper way for ASCII.
fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        crate::case::to_lowercase(s)
    }
}

/// [`lowercase`], borrowing `s` when it is lowercase ASCII already.
fn lowercase_borrowed(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(lowercase(s))
    }
}

/// Where `w`, a slice of `text`, starts in it; `None` when it is no slice of it.
fn offset_in(text: &str, w: &str) -> Option<usize> {
    let at = (w.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    (at <= text.len() && w.len() <= text.len() - at).then_some(at)
}

/// `words.join(" ")`, borrowed from `text` when the words stand in it one space apart (as
/// most names do).
fn joined<'t>(text: &'t str, words: &[&'t str]) -> Cow<'t, str> {
    let spaced = |a: &str, b: &str| {
        offset_in(text, a)
            .zip(offset_in(text, b))
            .is_some_and(|(a_at, b_at)| {
                let gap = a_at + a.len();
                b_at == gap + 1 && text.as_bytes()[gap] == b' '
            })
    };
    match (words.first(), words.last()) {
        (Some(&first), Some(&last)) if words.windows(2).all(|w| spaced(w[0], w[1])) => {
            match (offset_in(text, first), offset_in(text, last)) {
                (Some(from), Some(to)) => Cow::Borrowed(&text[from..to + last.len()]),
                _ => Cow::Owned(words.join(" ")),
            }
        }
        _ => Cow::Owned(words.join(" ")),
    }
}

/// What follows the last space of `s` (`s.rsplit(' ').next()`), all of it without one.
fn after_last_space(s: &str) -> &str {
    // (A space's byte is no part of another char.)
    match s.as_bytes().iter().rposition(|&b| b == b' ') {
        Some(space) => &s[space + 1..],
        None => s,
    }
}

fn strip_end(span: Span, text: &str) -> usize {
    let (base, _) = strip_possessive(span.text(text));
    span.start + base.len()
}

/// The words of the name `span` of `text`, into `words` (cleared first): possessives,
/// commas and stops dropped, but an initial keeps its dot ("Robert C. Scott").
fn name_words<'t>(text: &'t str, span: Span, words: &mut Vec<&'t str>) {
    words.clear();
    let mut push = |w: &'t str| {
        if w == "." {
            return;
        }
        let w = strip_possessive(w).0.trim_end_matches(',');
        // Initials keep their stops: "C.", "J.D." ("Jr." does not).
        let initials = w.len() % 2 == 0
            && w.bytes().enumerate().all(|(i, b)| {
                if i % 2 == 0 {
                    b.is_ascii_uppercase()
                } else {
                    b == b'.'
                }
            });
        let w = if initials { w } else { w.trim_end_matches('.') };
        if !w.is_empty() {
            words.push(w);
        }
    };
    let name = span.text(text);
    if !name.is_ascii() {
        name.split_whitespace().for_each(push);
        return;
    }
    // ASCII text splits by bytes: `char::is_whitespace` there is a space or a byte from
    // tab to carriage return.
    let bytes = name.as_bytes();
    let mut start = 0;
    for end in 0..=bytes.len() {
        if end == bytes.len() || matches!(bytes[end], b' ' | b'\t'..=b'\r') {
            if start < end {
                push(&name[start..end]);
            }
            start = end + 1;
        }
    }
}

/// Whether an age in apposition follows a name ending before token `at`: "Jenna, 17,".
fn has_age_after(doc: &Doc, at: usize) -> bool {
    at + 2 < doc.tokens.len()
        && doc.tok(at) == ","
        && doc.tokens[at + 1].kind == TokenKind::Number
        && doc.tok(at + 1).len() <= 3
        && doc.tok(at + 1).bytes().all(|b| b.is_ascii_digit())
        && matches!(doc.tok(at + 2), "," | ")")
        && doc.tokens[at + 2].sentence() == doc.tokens[at].sentence()
}

/// Letters written after a person's name: honours, offices, degrees and generations.
fn is_postnominal(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "KC" | "QC"
            | "MP"
            | "MEP"
            | "MSP"
            | "MS"
            | "AM"
            | "OBE"
            | "CBE"
            | "MBE"
            | "KBE"
            | "DBE"
            | "PhD"
            | "MD"
            | "Jr"
            | "Sr"
            | "II"
            | "III"
            | "IV"
    )
}

/// Resolves name mention `m` to an entity (creating it if new); `words` is room for the
/// words of its name.
fn resolve_name<'t>(
    doc: &Doc<'t>,
    m: &Mention,
    shared_surname: Option<&'t str>,
    entities: &mut Vec<Entity<'t>>,
    index: &mut Index,
    words: &mut Vec<&'t str>,
) -> usize {
    let text = doc.text;
    let name_span = m.name.unwrap_or(m.span);
    name_words(text, name_span, words);
    words.extend(shared_surname);
    let words = &words[..];
    // "Veltrion Corp." and "Veltrion", "Apple Inc." and "Apple": a company is keyed by the
    // word before its legal suffix.
    let keyed = match words {
        [.., _, suffix] if m.org && is_legal_suffix(suffix) => words.len() - 2,
        _ => words.len().saturating_sub(1),
    };
    let surname = words.get(keyed).copied().unwrap_or("");
    let first = (words.len() >= 2 && !m.org).then(|| words[0]);
    // The surname lowercased, to match `surname_key`: for ASCII, compared and hashed
    // with ASCII case folded instead (a key never holds an ASCII capital).
    let key = (!surname.is_ascii()).then(|| lowercase(surname));
    // (A key holds no ASCII capital: it equals an ASCII surname's ASCII lowercase when
    // it equals the surname with ASCII case ignored.)
    let same_key = |e: &Entity| match (&key, &e.surname_key) {
        (Some(key), Some(e_key)) => e_key == key,
        (Some(key), None) => key.eq_ignore_ascii_case(e.surname()),
        (None, Some(e_key)) => e_key.eq_ignore_ascii_case(surname),
        (None, None) => e.surname().eq_ignore_ascii_case(surname),
    };
    // An honorific alone ("Mr", "Dr") is no role. ("Prof." is: "the professor" is him.)
    let role = m
        .role
        .map(|r| r.text(text).trim_end_matches(','))
        .filter(|r| {
            !r.split_whitespace().all(|w| {
                let w = w.trim_end_matches('.');
                w == "Dr" || lexicon::title(w).is_some_and(|g| g != Gender::Unknown)
            })
        });
    // Evidence that a name is a person's: a first name, a title or honorific, a known
    // first name, or an age after it ("Jenna, 17, said"). A lone capitalised word
    // ("Syria", "Children") has none.
    let evidence = m.org
        || words.len() >= 2
        || m.role.is_some()
        || m.gender != Gender::Unknown
        || has_age_after(doc, m.tokens.end);
    let kind = if m.org {
        SpeakerKind::Organization
    } else {
        SpeakerKind::Person
    };
    let affiliation = m.org && is_workplace(doc, m.tokens.start);
    // Find an existing entity: same kind, same surname, compatible first name. Among
    // several ("Parata" after Hori Parata and his son Te Kaurinui Robert Parata), the one
    // the article introduced first: its principal, whom a bare surname names.
    let candidates = match &key {
        Some(key) => index.get(key, false),
        None => index.get(surname, true),
    };
    let found = candidates
        .iter()
        .map(|&i| (i, &entities[i]))
        .filter(|(_, e)| {
            e.kind == kind
                && same_key(e)
                && match (first, &e.first_name) {
                    (Some(a), Some(b)) => a == *b,
                    _ => true,
                }
                // "Michelle Obama" is not the "Mr. Obama" of the article.
                && (m.gender == Gender::Unknown
                    || e.gender == Gender::Unknown
                    || m.gender == e.gender)
        })
        .max_by_key(|(_, e)| std::cmp::Reverse(e.mentions.first().copied().unwrap_or(0)))
        .map(|(i, _)| i)
        // "Edwin" after "Edwin Sallow" (a feature's first-name style): a lone name that is
        // the first name of exactly one person named so far, and no one's surname.
        .or_else(|| {
            if m.org || m.role.is_some() {
                return None;
            }
            // Only entities whose name (any they have had) starts with this word.
            let starts_alike = index.get(words.first().copied()?, true);
            let mut by_first = starts_alike
                .iter()
                .map(|&i| (i, &entities[i]))
                .filter(|(_, e)| {
                    if e.kind != SpeakerKind::Person {
                        return false;
                    }
                    if words.len() == 1 {
                        return e
                            .first_name
                            .is_some_and(|f| f.eq_ignore_ascii_case(surname));
                    }
                    let full = || e.name.split_whitespace();
                    full().count() >= words.len() + 2
                        && full().zip(words).all(|(a, b)| a.eq_ignore_ascii_case(b))
                });
            match (by_first.next(), by_first.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None,
            }
        })
        // "Mr. Putin" after "Vladimir Putin"; an organisation's short form: "the Post";
        // and a lone word with no sign of a person that a body is named by ("Veltrion"
        // after "Veltrion Corp.").
        .or_else(|| {
            let bare_word = words.len() == 1 && !evidence;
            if m.org || bare_word {
                let same = index.get(surname, true);
                same.iter().rev().copied().find(|&i| {
                    let e = &entities[i];
                    e.kind == SpeakerKind::Organization
                        && e.surname().eq_ignore_ascii_case(surname)
                        && (m.org || is_legal_suffix(after_last_space(&e.name)))
                })
            } else {
                None
            }
        })
        // "Chipmaker Veltrion warns …" heading "Veltrion Corp. cut …": a lone word read as
        // a person for want of evidence either way is the body later named so.
        .or_else(|| {
            let i = (m.org && words.len() == 2 && is_legal_suffix(words[1]))
                .then(|| index.get(surname, true))?
                .iter()
                .copied()
                .find(|&i| {
                    let e = &entities[i];
                    e.kind == SpeakerKind::Person
                        && e.name_len == 1
                        && e.first_name.is_none()
                        && e.gender == Gender::Unknown
                        && e.surname().eq_ignore_ascii_case(surname)
                        && e.role.as_deref().is_none_or(|r| {
                            r.split_whitespace().all(|w| lexicon::title(w).is_none())
                        })
                })?;
            entities[i].kind = SpeakerKind::Organization;
            Some(i)
        });
    match found {
        Some(e) => {
            let ent = &mut entities[e];
            if words.len() > ent.name_len && !m.org || (m.org && words.len() > ent.name_len) {
                let display = joined(text, words);
                index.named(&display, e, ent.kind == SpeakerKind::Person);
                ent.set_name(display);
                ent.name_len = words.len();
                if ent.first_name.is_none() {
                    ent.first_name = first;
                }
            }
            if ent.role.is_none() {
                ent.set_role(role.map(Cow::Borrowed));
            }
            ent.evidence |= evidence;
            if ent.affiliation_only && !affiliation {
                ent.affiliation_only = false;
                ent.unindexed = true;
            }
            if ent.gender == Gender::Unknown {
                ent.gender = m.gender;
            }
            e
        }
        None => {
            let display = joined(text, words);
            let (short_name, surname_at) = if m.org {
                // (The key word stands in the name after the words before it, each
                // followed by a space.)
                let at: usize = words[..keyed.min(words.len())]
                    .iter()
                    .map(|w| w.len() + 1)
                    .sum();
                (display.clone(), (at, at + surname.len()))
            } else {
                (Cow::Borrowed(surname), (0, surname.len()))
            };
            debug_assert_eq!(&short_name[surname_at.0..surname_at.1], surname);
            entities.push(Entity {
                name: display,
                short_name,
                role: role.map(Cow::Borrowed),
                name_lower: None,
                role_lower: None,
                unindexed: true,
                kind,
                gender: m.gender,
                // (Room for the first few mentions, as a first push would make.)
                mentions: Vec::with_capacity(4),
                surname_key: key,
                surname_at: (surname_at.0 as u32, surname_at.1 as u32),
                first_name: first,
                name_len: words.len(),
                evidence,
                affiliation_only: affiliation,
            });
            index.add(entities, entities.len() - 1);
            entities.len() - 1
        }
    }
}

/// Whether a body's name at token `at` says where someone works: after "of" following a
/// person's name ("Jonah Petrakis of Seaforth Capital"), or after "at" or "with" following
/// an expert's role ("an analyst at Greaves & Co.", "an economist with Moody's").
fn is_workplace(doc: &Doc, at: usize) -> bool {
    at >= 2
        && match doc.tok(at - 1) {
            "of" => {
                doc.tokens[at - 2].kind == TokenKind::Word
                    && starts_upper(doc.tok(at - 2))
                    && !lexicon::is_org_word(doc.tok(at - 2))
                    && lexicon::title(doc.tok(at - 2)).is_none()
                    && at >= 3
                    && starts_upper(doc.tok(at - 3))
            }
            "at" | "with" => crate::lexicon::in_class(
                doc.tok(at - 2).strip_suffix('s').unwrap_or(doc.tok(at - 2)),
                crate::lexicon::WORKPLACE_ROLE,
            ),
            _ => false,
        }
}

/// Roles at a workplace (`is_workplace`): "an analyst at …".
pub(crate) const WORKPLACE_ROLES: &str = "
    analyst economist strategist researcher scientist fellow professor lecturer expert
    consultant
";

/// The legal form closing a company's name: "Inc.", "Corp.", "Ltd", "plc".
fn is_legal_suffix(word: &str) -> bool {
    crate::lexicon::in_class(word.trim_end_matches('.'), crate::lexicon::LEGAL_SUFFIX)
}

/// Legal suffixes of company names (`is_legal_suffix`): "Inc", "Ltd".
pub(crate) const LEGAL_SUFFIXES: &str = "
    Inc Corp Co Ltd LLC Plc PLC plc AG GmbH SA NV
";

/// How well entity `e` fits a definite descriptor with head noun `head` and modifiers
/// `mods` (lowercased): "the department" needs a body named so (a generic head such as
/// "the company" takes any body); "the president" a person whose role says so, "the
/// Russian leader" one whose role shares a modifier, and "leader" any role. `None`: no fit.
fn descriptor_score(e: &mut Entity, org: bool, head: &Lowered, mods: &[Lowered]) -> Option<i32> {
    let head_word = head.text.as_ref();
    if org {
        if e.kind != SpeakerKind::Organization {
            return None;
        }
        // (Read only for a descriptor with modifiers, see below.)
        let role = (!mods.is_empty()).then(|| e.role_lower().text.to_string());
        let described_only = e.surname().is_empty();
        let name = e.name_lower();
        let named = name.has(head);
        let name = name.text.as_ref();
        if !named && !is_generic_body(head_word) {
            return None;
        }
        // ("the shop's website … A spokesman for the company": a generic head refers to
        // a body named as such, or to a body described by its own head noun.)
        if !named && described_only {
            return None;
        }
        let last = after_last_space(name);
        // "the company" is no union, party, court or council.
        let other_kind = || crate::lexicon::in_class(last, crate::lexicon::BODY_HEAD);
        // ("the utility" is no document: not "a filing", "a statement".)
        let document = || {
            lexicon::is_document_noun(last) || lexicon::is_writing_noun(last) || last == "filing"
        };
        // (A watchdog or regulator is often a commission, an authority or an office.)
        let overseer = matches!(head_word, "watchdog" | "regulator");
        if !named && (other_kind() && !overseer || document()) {
            return None;
        }
        // "the consumer group", "the nurses' union" is no earlier body that is not known
        // as one: a generic head's modifier that names people must be in the
        // body's name or role ("the ailing company" may be any company).
        if let Some(role) = role.filter(|_| !named) {
            // (Nor may one that names a body: "the state news agency" is not the BBC.)
            let known = |m: &Lowered| {
                has_part(name, &m.text)
                    || has_part(&role, &m.text)
                    || lexicon::role_noun(&m.text).is_none()
            };
            if !mods.iter().all(known) {
                return None;
            }
        }
        // "Lumora Inc" is "the company" more surely than a body without the suffix.
        let incorporated = matches!(head_word, "company" | "firm")
            && crate::lexicon::in_class(
                last.trim_end_matches('.'),
                crate::lexicon::LEGAL_SUFFIX_LOWER,
            );
        Some(1 + named as i32 + incorporated as i32)
    } else {
        if e.kind != SpeakerKind::Person {
            return None;
        }
        let role = e.role_lower();
        let (role, role_has) = (role.text.as_ref(), |w: &Lowered| role.has(w));
        // "The Democratic presidential nominee" is not "the Republican presidential nominee".
        let party = |w: &str| crate::lexicon::in_class(w, crate::lexicon::PARTY_WORD);
        let rival_party = mods.iter().map(|m| m.text.as_ref()).any(|m| {
            party(m)
                && role.split(|c: char| !c.is_alphanumeric()).any(|r| {
                    party(r) && r != m && !(r.starts_with("democrat") && m.starts_with("democrat"))
                })
        });
        if rival_party {
            return None;
        }
        let head_hit = role_has(head) as i32 * 2;
        let leader = (head_word == "leader" && !role.is_empty()) as i32;
        let mods = mods.iter().filter(|w| role_has(w)).count() as i32;
        let s = head_hit + leader + mods;
        (s != 0).then_some(s)
    }
}

/// Lowercased legal suffixes, and "company" (`descriptor_score`): "Lumora Inc" is "the company"
/// more surely than a body without the suffix.
pub(crate) const LEGAL_SUFFIXES_LOWER: &str = "
    inc corp co ltd llc plc ag sa company
";

/// Lowercased party words (`descriptor_score`): "The Democratic presidential nominee" is not
/// "the Republican presidential nominee".
pub(crate) const PARTY_WORDS: &str = "
    democratic democrat republican gop labour conservative tory
";

/// Head nouns of bodies other than a company (`descriptor_score`): "the union", "the court".
pub(crate) const BODY_HEADS: &str = "
    union unions party council court police committee commission ministry department
    university college school army navy congress parliament senate assembly government
    board
";

/// Whether `part` occurs in `s` (`str::contains`), by a plain scan: the roles and names
/// searched here are a few words long, too short to repay a searcher's setup.
fn has_part(s: &str, part: &str) -> bool {
    let (s, part) = (s.as_bytes(), part.as_bytes());
    let Some((&first, rest)) = part.split_first() else {
        return true;
    };
    s.len() >= part.len()
        && (0..=s.len() - part.len())
            .any(|at| s[at] == first && s[at + 1..at + part.len()] == *rest)
}

fn is_generic_body(head: &str) -> bool {
    matches!(
        head,
        "company"
            | "firm"
            | "group"
            | "organization"
            | "organisation"
            | "agency"
            | "campaign"
            | "airline"
            | "carrier"
            | "manufacturer"
            | "retailer"
            | "insurer"
            | "lender"
            | "bank"
            | "broadcaster"
            | "publisher"
            | "carmaker"
            | "automaker"
            | "startup"
            | "operator"
            | "utility"
            | "supermarket"
            | "chain"
            | "developer"
            | "watchdog"
            | "regulator"
    )
}

fn resolve_descriptor<'t>(
    doc: &Doc<'t>,
    m: &Mention,
    entities: &mut Vec<Entity<'t>>,
    index: &mut Index,
    role_words: &mut Vec<Lowered<'t>>,
) -> usize {
    let text = doc.text;
    let span_text = m.span.text(text);
    let role_text = m.role.map(|r| r.text(text)).unwrap_or(span_text);
    // (Asked of a singular descriptor only.)
    // ("his son said" is the one introduced as "His son, Michael Ferreira": a kin noun
    // after a possessive pronoun is definite too.)
    let kin = || {
        let mut words = span_text.split_whitespace();
        matches!(
            (words.next(), words.next(), words.next()),
            (Some("his" | "His" | "her" | "Her" | "their" | "Their"), Some(noun), None)
                if is_kin_noun(noun)
        )
    };
    let definite = || {
        opens_with_the(span_text)
            || starts_upper(span_text)
                && lexicon::title(span_text.split_whitespace().next().unwrap_or("")).is_some()
            || kin()
    };
    if !m.plural && definite() {
        role_words.clear();
        role_words.extend(role_text.split_whitespace().map(Lowered::of));
        let no_head = Lowered::of("");
        let head = role_words.last().unwrap_or(&no_head);
        let mods = &role_words[..role_words.len().saturating_sub(1)];
        // "the company" -> the latest organisation; "the president" -> the latest person
        // whose role says so; "the Russian leader" -> a role sharing a modifier.
        // "The Cruz campaign" is no other campaign: a body's capitalised modifier and its
        // head noun must be in the name of the body it refers to.
        let named_mods: Vec<Lowered> = if m.org {
            // (The words before the head: as many as `mods`.)
            role_text
                .split_whitespace()
                .take(mods.len())
                .filter(|w| starts_upper(w) && !w.eq_ignore_ascii_case("the"))
                .map(|w| {
                    let base = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
                    Lowered::of(base.unwrap_or(w))
                })
                .collect()
        } else {
            Vec::new()
        };
        let generic = m.org && is_generic_body(&head.text);
        let rank = |e: &mut Entity, i: usize| {
            if generic && e.affiliation_only && !e.name_lower().has(head) {
                return None;
            }
            let score = descriptor_score(e, m.org, head, mods)?;
            let differs =
                |name: &Lowered| !name.has(head) || !named_mods.iter().all(|w| name.has(w));
            if !named_mods.is_empty() && differs(e.name_lower()) {
                return None;
            }
            // "The company" is the body the story keeps naming rather than one named in
            // passing since ("two decades at rival Harmon Brands"), then the latest.
            let repeated = generic && e.mentions.len() >= 2;
            Some((score, repeated, *e.mentions.last()?, i))
        };
        // (Only a body fits a body's descriptor and only a person a person's, see
        // `descriptor_score`: the others are passed over without scoring.)
        let fitting_kind = if m.org {
            SpeakerKind::Organization
        } else {
            SpeakerKind::Person
        };
        let scan = |entities: &mut Vec<Entity>| {
            entities
                .iter_mut()
                .enumerate()
                .filter(|(_, e)| e.kind == fitting_kind)
                .filter_map(|(i, e)| rank(e, i))
                .max()
        };
        let best = match index.descriptor_candidates(entities, m.org, head, mods) {
            Some(candidates) => {
                let best = candidates
                    .into_iter()
                    .filter_map(|i| rank(&mut entities[i], i))
                    .max();
                debug_assert_eq!(best, scan(entities), "indexed descriptor resolution");
                best
            }
            None => scan(entities),
        };
        if let Some((_, _, _, e)) = best {
            return e;
        }
    }
    // An unnamed source: its own entity; the same words again are the same source (but
    // "one" and "another" are someone new each time).
    let someone_new = with_lowercase(span_text, |w| matches!(w, "one" | "another"));
    if let Some(e) = index
        .get(span_text, true)
        .iter()
        .copied()
        .filter(|_| !someone_new)
        .find(|&i| {
            let e = &entities[i];
            e.kind != SpeakerKind::Person && e.name.eq_ignore_ascii_case(span_text)
        })
    {
        return e;
    }
    let short_name = role_text
        .split_whitespace()
        .last()
        .map_or_else(|| Cow::Borrowed(span_text), lowercase_borrowed);
    entities.push(Entity {
        short_name,
        name: Cow::Borrowed(span_text),
        role: None,
        name_lower: None,
        role_lower: None,
        unindexed: true,
        kind: if m.org {
            SpeakerKind::Organization
        } else {
            SpeakerKind::Unnamed
        },
        gender: m.gender,
        mentions: Vec::with_capacity(4),
        surname_at: (0, 0),
        surname_key: None,
        first_name: None,
        name_len: 0,
        evidence: true,
        affiliation_only: false,
    });
    index.add(entities, entities.len() - 1);
    entities.len() - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::find_marked;
    use crate::text::{paragraphs, Doc};

    /// Texts that end where a mention's reading looks further ahead.
    #[test]
    fn possessives_are_stripped() {
        // (word, without its possessive suffix, whether it had one)
        for (w, base, had) in [
            ("Trump’s", "Trump", true),
            ("Trump's", "Trump", true),
            ("brothers’", "brothers", true),
            ("brothers'", "brothers", true),
            ("leaders", "leaders", false),
            ("Jones", "Jones", false),
            ("’s", "’s", false),
            ("'", "'", false),
            ("s", "s", false),
            ("Й", "Й", false),
            ("Йs", "Йs", false),
            ("", "", false),
        ] {
            assert_eq!(strip_possessive(w), (base, had), "{w}");
            // The same as trying each suffix.
            assert_eq!(strip_possessive(w), strip_possessive_suffix(w), "{w}");
        }
    }

    #[test]
    fn text_ending_inside_a_mention_pattern() {
        for text in [
            "Support fell to 5 percent of",
            "Support fell to 5 percent of\n",
            "Support fell to 5% of",
            "Nine percent of",
            "said the",
            "according to",
        ] {
            let ps = paragraphs(text);
            let marked = find_marked(text, &ps);
            let doc = Doc::new(text, ps, &marked);
            let e = Entities::new(&doc);
            assert!(
                e.mentions.iter().all(|m| m.tokens.end <= doc.tokens.len()),
                "{text}"
            );
        }
    }

    type MentionRow = (String, MentionKind, Option<String>);
    type EntityRow = (String, Option<String>);

    fn ents(text: &str) -> (Vec<MentionRow>, Vec<EntityRow>) {
        let ps = paragraphs(text);
        let marked = find_marked(text, &ps);
        let doc = Doc::new(text, ps, &marked);
        let e = Entities::new(&doc);
        let ms = e
            .mentions
            .iter()
            .map(|m| {
                (
                    m.span.text(text).to_string(),
                    m.kind,
                    m.entity.map(|i| e.entities[i].name.to_string()),
                )
            })
            .collect();
        let es = e
            .entities
            .iter()
            .map(|x| (x.name.to_string(), x.role.as_deref().map(str::to_string)))
            .collect();
        (ms, es)
    }

    #[test]
    fn names_titles_and_aliases() {
        let (ms, es) = ents("Russian President Vladimir Putin spoke. Mr. Putin said more. Trump’s team agreed. The Russian leader left.");
        let names: Vec<(&str, Option<&str>)> = ms
            .iter()
            .map(|(t, _, e)| (t.as_str(), e.as_deref()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Russian President Vladimir Putin", Some("Vladimir Putin")),
                ("Mr. Putin", Some("Vladimir Putin")),
                ("Trump’s team", Some("Trump’s team")),
                ("The Russian leader", Some("Vladimir Putin")),
            ]
        );
        assert_eq!(
            es[0],
            (
                "Vladimir Putin".to_string(),
                Some("Russian President".to_string())
            )
        );
        // A modal capitalised ends a name only in a title-case headline.
        let rows: &[(&str, &str)] = &[
            (
                "Prime Minister Theresa May spoke to reporters about the deal on Monday.",
                "Prime Minister Theresa May",
            ),
            ("Donald Trump May Win The Race", "Donald Trump"),
        ];
        for &(text, want) in rows {
            let (ms, _) = ents(text);
            assert_eq!(ms.first().map(|m| m.0.as_str()), Some(want), "{text}");
        }
        // A short word's dot that ends the sentence ends the name ("Lew." is no initial).
        for text in [
            "The statement came from Jacob J. Lew. Because Thursday was a holiday, nobody came.",
            "It was a blow to the GOP. As The Post reported, the vote failed.",
        ] {
            let (ms, _) = ents(text);
            assert!(
                ms.iter()
                    .all(|m| !m.0.contains(". Because") && !m.0.contains(". As")),
                "{text}: {ms:?}"
            );
        }
        // A capital after lowercase words opens a name, whatever its ending ("Anders"
        // ends like "leaders", "Sanders" like "readers").
        for (text, name) in [
            (
                "But captain Anders Lund defended his former manager.",
                "Anders Lund",
            ),
            ("It was the moment Sanders entered the race.", "Sanders"),
        ] {
            let (ms, _) = ents(text);
            assert!(
                ms.iter()
                    .any(|m| m.2.as_deref() == Some(name) && m.1 == MentionKind::Name),
                "{text}: {ms:?}"
            );
        }
        // After a person's name, "of" says where the person is from; inside a title or a
        // body's name it continues the name.
        for (text, name) in [
            (
                "Sen. Gordon Pruitt of Kansas voted no.",
                "Sen. Gordon Pruitt",
            ),
            ("Gordon Pruitt of Kansas voted no.", "Gordon Pruitt"),
            (
                "The ranger Jamie Werner of Ngātiwai voted no.",
                "The ranger Jamie Werner",
            ),
            (
                "Secretary of State John Kerry voted no.",
                "Secretary of State John Kerry",
            ),
            ("The Bank of England voted no.", "The Bank of England"),
            (
                "Virginia Department of Health voted no.",
                "Virginia Department of Health",
            ),
        ] {
            let (ms, _) = ents(text);
            assert_eq!(ms.first().map(|m| m.0.as_str()), Some(name), "{text}");
        }
        // A company is one speaker with and without its legal suffix, also when a headline
        // named it first with a lone word.
        for text in [
            "Veltrion Corp. cut its forecast. Veltrion said it would wait.",
            "Apple Inc. cut its forecast. Apple said it would wait.",
            "Chipmaker Veltrion warns of slower sales\n\nVeltrion Corp. cut its forecast. Veltrion said it would wait.",
        ] {
            let (ms, es) = ents(text);
            let names: Vec<_> = ms.iter().filter(|m| m.1 == MentionKind::Name).collect();
            assert!(names.len() >= 2, "{text}: {ms:?}");
            assert!(
                names.iter().all(|m| m.2 == names[0].2),
                "{text}: {ms:?} {es:?}"
            );
        }
        // A role without an article after a name and its comma is the person's role,
        // up to its role noun: (text, name, role).
        for (text, name, role) in [
            (
                "“Sorry doesn't get you to work,” said Anthony Smith, chief executive of Transport Focus.",
                "Anthony Smith",
                Some("chief executive"),
            ),
            (
                "Lena Brandt, policy director at the Migrant Justice Network, said the judges were overdue.",
                "Lena Brandt",
                Some("policy director"),
            ),
            // Not a role shared by coordinated names, nor a relative clause.
            (
                "Richard Alba and Nancy Foner, sociologists at the City University, published a book.",
                "Nancy Foner",
                None,
            ),
            (
                "It accuses Bernie Sanders, whose outsider appeal has been key, of being naive.",
                "Bernie Sanders",
                None,
            ),
        ] {
            let (_, es) = ents(text);
            let e = es.iter().find(|e| e.0 == name);
            assert_eq!(e.map(|e| e.1.as_deref()), Some(role), "{text}: {es:?}");
        }
        // "the company" is a body named so or called a company, not one described by
        // another noun; "Properties" ends a body's name; "Besides" opens none.
        let text = "Fiona runs the shop's website. The landlord, Dale Street Properties, wants flats. A spokesman for the company said it had no plans.";
        let (ms, _) = ents(text);
        let company = ms
            .iter()
            .find(|m| m.0 == "the company")
            .map(|m| m.2.as_deref());
        assert_eq!(company, Some(Some("Dale Street Properties")), "{ms:?}");
        let (ms, _) = ents("Besides Centerview Partners, two banks advised the buyer.");
        assert_eq!(
            ms.first().map(|m| m.0.as_str()),
            Some("Centerview Partners"),
            "{ms:?}"
        );
        // A verb's bare form between an article and a role noun modifies the noun.
        for (text, want) in [
            (
                "The rail regulator said the timetable failed.",
                "The rail regulator",
            ),
            (
                "The state senator said the timetable failed.",
                "The state senator",
            ),
        ] {
            let (ms, _) = ents(text);
            assert_eq!(
                ms.first().map(|m| m.0.as_str()),
                Some(want),
                "{text}: {ms:?}"
            );
        }
        // The Arabic article written lowercase continues a name.
        let (ms, _) = ents("Abu Ali al-Askari wrote on Telegram.");
        assert_eq!(
            ms.first().map(|m| m.0.as_str()),
            Some("Abu Ali al-Askari"),
            "{ms:?}"
        );
        // A kin noun of the other gender, as a subject, is the one other person of the
        // possessor's surname; not as an object, nor between two of one gender.
        for (text, want) in [
            (
                "Tom and Linda Harper lost their home. Linda Harper wept. Her husband said the fire moved fast.",
                Some("Tom Harper"),
            ),
            (
                "Tom and Linda Harper lost their home. Linda Harper wept in defense of her husband.",
                None,
            ),
            (
                "Richard and Alastair Osman lost their home. Alastair Osman wept. His brother said the fire moved fast.",
                None,
            ),
        ] {
            let (ms, _) = ents(text);
            let kin = ms
                .iter()
                .find(|m| m.0.eq_ignore_ascii_case("her husband") || m.0 == "His brother")
                .and_then(|m| m.2.as_deref())
                .filter(|name| name.contains(' ') && !name.contains("husband") && !name.contains("brother"));
            assert_eq!(kin, want, "{text}: {ms:?}");
        }
        // In the lede, before anyone is named, a definite descriptor of a person is the
        // next person named, if given no role; not after a name, nor a relation to
        // someone else: (text, descriptor, its entity).
        for (text, descriptor, want) in [
            (
                "Startup cuts staff\nThe chief executive of Loomly defended her decision on Thursday. In a memo, Priya Natarajan wrote that the firm grew too fast.",
                "The chief executive",
                "Priya Natarajan",
            ),
            (
                "Billionaire backs a rival\nIn May, billionaire Paul Singer changed the race. The fund manager wrote a check to a group supporting John Faso.",
                "The fund manager",
                "The fund manager",
            ),
            (
                "Pills warning\nThe mother of a woman who died has described her daughter's pain. Eloise Parry, 21, died in April.",
                "The mother",
                "The mother",
            ),
        ] {
            let (ms, _) = ents(text);
            let got = ms
                .iter()
                .find(|m| m.0.starts_with(descriptor))
                .and_then(|m| m.2.as_deref());
            assert_eq!(got, Some(want), "{text}: {ms:?}");
        }
        // Occupations of the arts are roles ("The poet Anna Oliver" was a descriptor whose
        // role ran into the name).
        let (_, es) = ents("The poet Anna Oliver said the pier would close.");
        assert_eq!(
            es.first().map(|e| (e.0.as_str(), e.1.as_deref())),
            Some(("Anna Oliver", Some("poet"))),
            "{es:?}"
        );
        // A known first name opening a sentence is no role by its ending ("Oliver" ends
        // like "driver").
        let (_, es) = ents("Oliver Brandt said the pier would close.");
        assert_eq!(
            es.first().map(|e| (e.0.as_str(), e.1.as_deref())),
            Some(("Oliver Brandt", None)),
            "{es:?}"
        );
        // After a possessive pronoun a run of capitals is a name: the body is not named
        // "their Continental Basketball League".
        let (_, es) = ents("The club took a 2-1 lead in their Continental Basketball League semifinal. The league said the game would be replayed.");
        assert_eq!(
            es.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
            ["The club", "Continental Basketball League"],
            "{es:?}"
        );
        // Letters after a name are no part of it: "Ms Quayle" is the same person.
        let (_, es) = ents("Nadia Quayle KC said the pier would close. Ms Quayle said so too.");
        assert_eq!(
            es.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
            ["Nadia Quayle"],
            "{es:?}"
        );
        // "the watchdog" and "the regulator" are generic bodies, like "the company".
        let text =
            "The Care Quality Commission inspected the home. The watchdog said it was unsafe.";
        let (ms, _) = ents(text);
        let watchdog = ms
            .iter()
            .find(|m| m.0 == "The watchdog")
            .map(|m| m.2.as_deref());
        assert_eq!(watchdog, Some(Some("Care Quality Commission")), "{ms:?}");
        // A single name after a preposition of place and "the" is a place, which "the
        // company" does not refer to.
        let text = "Debris fell over the Gulf on Thursday. The company said the engines failed.";
        let (ms, _) = ents(text);
        let company = ms
            .iter()
            .find(|m| m.0 == "The company")
            .map(|m| m.2.as_deref());
        assert_eq!(company, Some(Some("The company")), "{ms:?}");
        // A function word's contraction is no possessive; "Enter" opens no name.
        let (ms, _) = ents("There’s no guarantee that these forecasts will prove accurate.");
        assert!(ms.is_empty(), "{ms:?}");
        let (ms, _) = ents("Enter Stuart R. Kaplan, an avid collector.");
        assert_eq!(
            ms.first().map(|m| m.0.as_str()),
            Some("Stuart R. Kaplan"),
            "{ms:?}"
        );
        // A preposition opens no descriptor: (text, the descriptor).
        for (text, want) in [
            (
                "She ruled it out, despite figures showing borrowing rose.",
                "figures",
            ),
            (
                "Opinions differ among older voters, polls show.",
                "older voters",
            ),
        ] {
            let (ms, _) = ents(text);
            assert!(ms.iter().any(|m| m.0 == want), "{text}: {ms:?}");
        }
        // "what officials warned": the officials, without "what".
        let (ms, _) = ents("The ferry was suspended for what officials warned could be weeks.");
        assert_eq!(
            ms.first().map(|m| m.0.as_str()),
            Some("officials"),
            "{ms:?}"
        );
        // Pronouns of quantity and auxiliaries name no one.
        for text in [
            "Few would argue against the use of such material.",
            "Nobody asked me whether I wanted to go.",
        ] {
            let (ms, _) = ents(text);
            assert!(ms.is_empty(), "{text}: {ms:?}");
        }
        // A word qualifying an office title belongs to the title, and the role resolves
        // "the chief" later: (text, canonical name, role).
        let titled: &[(&str, &str, &str)] = &[
            (
                "Fire Chief Raymond Oduya spoke. The chief left.",
                "Raymond Oduya",
                "Fire Chief",
            ),
            (
                "Harbour Commissioner Ana Ruiz spoke first.",
                "Ana Ruiz",
                "Harbour Commissioner",
            ),
            // A body's words and a title of several words: a person, not a body.
            (
                "Senate Majority Leader Chuck Schumer spoke first.",
                "Chuck Schumer",
                "Senate Majority Leader",
            ),
            (
                "U.N. Ambassador John Bolton spoke first.",
                "John Bolton",
                "U.N. Ambassador",
            ),
            (
                "Apple Chief Executive Tim Cook spoke first.",
                "Tim Cook",
                "Apple Chief Executive",
            ),
            (
                "Treasury Secretary Jacob Lew spoke.",
                "Jacob Lew",
                "Treasury Secretary",
            ),
            // A lowercase role before a name, and the name that modifies it.
            (
                "Then council leader Mark Thorne spoke.",
                "Mark Thorne",
                "council leader",
            ),
            (
                "Then chief operating officer Declan Kearney spoke.",
                "Declan Kearney",
                "chief operating officer",
            ),
            (
                "Villa manager Unai Emery spoke. The Villa boss left.",
                "Unai Emery",
                "Villa manager",
            ),
            (
                "White House press secretary Karine Jean-Pierre spoke.",
                "Karine Jean-Pierre",
                "White House press secretary",
            ),
            (
                "Former Arsenal defender Martin Keown spoke.",
                "Martin Keown",
                "Former Arsenal defender",
            ),
        ];
        for &(text, name, role) in titled {
            let (ms, es) = ents(text);
            assert_eq!(es[0], (name.to_string(), Some(role.to_string())), "{text}");
            assert!(
                ms.iter().all(|m| m.2.as_deref() == Some(name)),
                "{text}: {ms:?}"
            );
        }
    }

    #[test]
    fn spokespeople_and_appositions_share_an_entity() {
        // (text, mention, entity it resolves to)
        let rows: &[(&str, &str, &str)] = &[
            (
                "A spokeswoman for the Kremlin declined.",
                "A spokeswoman",
                "Kremlin",
            ),
            // A generic body's modifier naming people must be in the body's name; an
            // adjective need not be.
            (
                "Pratt & Whitney said so. Writing on X, the consumer group urged calm.",
                "the consumer group",
                "the consumer group",
            ),
            (
                "Pratt & Whitney said so. Later the ailing company urged calm.",
                "the ailing company",
                "Pratt & Whitney",
            ),
            // A first name joined by "and" to a full name shares its surname.
            (
                "Tom and Linda Harper left in time. Mr. Harper said so.",
                "Mr. Harper",
                "Tom Harper",
            ),
            (
                "Tom and Linda Harper left in time. Mrs. Harper said so.",
                "Mrs. Harper",
                "Linda Harper",
            ),
            // A document is no body a generic head refers to.
            (
                "Pratt & Whitney said in a filing that a line failed. The utility said sorry.",
                "The utility",
                "Pratt & Whitney",
            ),
            // A definite descriptor no earlier entity fits is the person named soon after
            // with its head in their role, past others named between.
            (
                "A treasurer was jailed, with the judge telling him he had lied. Graham Pollock, 58, admitted fraud. Sentencing him, Judge Alison Reeve said so.",
                "the judge",
                "Alison Reeve",
            ),
            (
                "An official at the Ministry of Finance said no.",
                "An official",
                "Ministry of Finance",
            ),
            (
                "The mayor's husband, Frank Whitcombe, said no.",
                "The mayor's husband",
                "Frank Whitcombe",
            ),
            (
                "Frank Whitcombe, the mayor's husband, said no.",
                "the mayor's husband",
                "Frank Whitcombe",
            ),
            // A short phrase of the descriptor's may stand before the comma.
            (
                "The council’s cabinet member for culture, Derek Amos, defended the plan.",
                "The council’s cabinet member",
                "Derek Amos",
            ),
            // A second descriptor coordinated in the appositive is the same person; a list
            // of two people is not.
            (
                "Alyssa Goodman, an astronomer at Harvard University and an expert in data science, spoke.",
                "an expert",
                "Alyssa Goodman",
            ),
            (
                "“It held up,” said Dr. Ingrid Varga, a neurologist at Halvorsen and the study’s lead author. Later the lead author said more.",
                "the lead author",
                "Ingrid Varga",
            ),
            (
                "Mayor Tom Reyes, a lawyer and a teacher met on Monday.",
                "a teacher",
                "a teacher",
            ),
            // The definite spokesperson is the one introduced before.
            (
                "A spokeswoman for the ministry said the figures were checked. Later the spokeswoman said more.",
                "the spokeswoman",
                "the ministry",
            ),
        ];
        for &(text, mention, entity) in rows {
            let (ms, _) = ents(text);
            let m = ms
                .iter()
                .find(|m| m.0 == mention)
                .unwrap_or_else(|| panic!("no {mention:?} in {ms:?}"));
            assert_eq!(m.2.as_deref(), Some(entity), "{text}");
        }
        // A role in capitals, and a legal suffix after "&" read into a role, name no one.
        let (ms, _) = ents(
            "Shares slide as CEO warns. Ruth Abernathy, an analyst at Greaves & Co. She cut it.",
        );
        assert!(
            ms.iter().all(|m| m.0 != "CEO" && !m.0.starts_with("Co")),
            "{ms:?}"
        );
        // A place after a preposition takes no appositive of a person.
        let (_, es) = ents("Anna Koval grew up in Hollins Ferry, the daughter of a welder.");
        assert!(
            es.iter().all(|e| e.0 != "Hollins Ferry" || e.1.is_none()),
            "{es:?}"
        );
        // A list is no apposition.
        let (ms, _) = ents("Anna Lee, the mayor and the council agreed.");
        assert_ne!(
            ms.iter()
                .find(|m| m.0 == "the mayor")
                .and_then(|m| m.2.as_deref()),
            Some("Anna Lee")
        );
    }

    #[test]
    fn descriptors_resolve_the_same_with_many_entities() {
        // Enough people and bodies for the descriptor index; in debug builds every
        // indexed resolution is checked against scoring all entities.
        let roles = [
            "Finance Minister",
            "Mayor",
            "Senator",
            "Police Chief",
            "Judge",
        ];
        let mut text = String::new();
        for i in 0..(DESCRIPTOR_INDEX + 40) {
            let role = roles[i % roles.len()];
            let lower = role.to_lowercase();
            text.push_str(&format!(
                "{role} Kelo{i} Tamsin{i} spoke. The {lower} left. The leader waved. \
                 Tamsin{i} Group{i} Company said so. The company agreed.\n"
            ));
        }
        let ps = paragraphs(&text);
        let marked = find_marked(&text, &ps);
        let doc = Doc::new(&text, ps, &marked);
        let e = Entities::new(&doc);
        assert!(e.entities.len() > DESCRIPTOR_INDEX, "{}", e.entities.len());
    }

    /// Outside quotation marks "we" is the writer: no body of the article speaks through
    /// it; inside them it is the speaker's body.
    #[test]
    fn writers_we_is_nobody() {
        let text =
            "The National Tree Census counts trees. We asked its director whether it matters.";
        let a = crate::analyze(text).unwrap();
        let q = a.quotes.iter().find(|q| q.kind.as_str() == "indirect");
        assert!(q.is_some_and(|q| q.speaker.is_none()), "{a:?}");
        let text = "The National Tree Census counts trees. “We count every oak,” it said.";
        let a = crate::analyze(text).unwrap();
        let q = a
            .quotes
            .iter()
            .find(|q| q.kind.as_str() == "direct")
            .unwrap();
        assert_eq!(
            q.speaker.map(|s| a.speakers[s].name.as_str()),
            Some("National Tree Census")
        );
    }

    #[test]
    fn shares_of_people_speak() {
        // (text, share, found as a mention)
        let rows: &[(&str, &str, bool)] = &[
            ("Some say it is fine.", "Some", true),
            ("SOME say it is fine.", "SOME", true),
            ("Two-thirds say it is fine.", "Two-thirds", true),
            ("A third said it was fine.", "A third", true),
            (
                "About one in five said it was fine.",
                "About one in five",
                true,
            ),
            (
                "Nearly nine out of 10 said it was fine.",
                "Nearly nine out of 10",
                true,
            ),
            ("It rained, but most believe it was fine.", "most", true),
            ("Some apples fell.", "Some", false),
        ];
        for &(text, share, found) in rows {
            let (ms, _) = ents(text);
            assert_eq!(ms.iter().any(|m| m.0 == share), found, "{text}: {ms:?}");
        }
        // Lowercased tokens, empty past the text or past the buffer.
        let text = "Most OTHERS Extraordinarily";
        let ps = paragraphs(text);
        let marked = find_marked(text, &ps);
        let doc = Doc::new(text, ps, &marked);
        let rows: &[(usize, &[u8])] = &[(0, b"most"), (1, b"others"), (2, b""), (3, b"")];
        for &(k, want) in rows {
            assert_eq!(short_lowercase(&doc, k, &mut [0; 8]), want, "{k}");
        }
    }

    #[test]
    fn line_breaks_between_tokens() {
        // (text, whether a line break stands before each token after the first)
        let rows: &[(&str, &[bool])] = &[
            ("Anna Lee,said", &[false, false, false]),
            ("Anna\nLee", &[true]),
            ("Anna \n Lee  said\t\n\nso", &[true, false, true]),
        ];
        for &(text, want) in rows {
            let ps = paragraphs(text);
            let marked = find_marked(text, &ps);
            let doc = Doc::new(text, ps, &marked);
            let found: Vec<bool> = (1..doc.tokens.len())
                .map(|k| line_break_before(&doc, k))
                .collect();
            assert_eq!(found, want, "{text:?}");
            let by_doc: Vec<bool> = (1..doc.tokens.len())
                .map(|k| doc.line_break_before(k))
                .collect();
            assert_eq!(found, by_doc, "{text:?}");
        }
    }

    #[test]
    fn looking_ahead_finds_roles_and_quotative_cues() {
        let text = "On a grey and windy day officials left";
        let ps = paragraphs(text);
        let marked = find_marked(text, &ps);
        let doc = Doc::new(text, ps, &marked);
        // "officials" is token 6: within reach of tokens 1 to 6.
        let want = [false, true, true, true, true, true, true, false];
        let roles: Vec<bool> = looking_ahead(&doc).iter().map(|a| a.role).collect();
        assert_eq!(roles, want);
        // A quotative cue two to four tokens on: "said" is token 3 (and 7), within reach
        // of tokens 0 and 1 (and 3 to 5).
        let text = "A top aide said so , officials said";
        let ps = paragraphs(text);
        let marked = find_marked(text, &ps);
        let doc = Doc::new(text, ps, &marked);
        let want = [true, true, false, true, true, true, false, false];
        let quotatives: Vec<bool> = looking_ahead(&doc).iter().map(|a| a.quotative).collect();
        assert_eq!(quotatives, want);
        // Lowercasing keeps non-ASCII letters: "Č" is "č".
        for (s, want) in [("Mayor", "mayor"), ("ČEZ Group", "čez group"), ("", "")] {
            assert_eq!(lowercase(s), want);
        }
    }

    #[test]
    fn descriptors_open_only_where_they_may() {
        // (text, the tokens at which a descriptor may open)
        let rows: &[(&str, &[usize])] = &[
            // A role noun within reach ("company", of tokens 0 and 1), capitals (0, 4).
            ("The company said on Monday that it would sell", &[0, 1, 4]),
            // Nothing ahead, no capital, no comma.
            ("it rained all day", &[]),
            // A capital (1), the role noun "report" within reach (2 to 7), after a
            // comma (7).
            (
                "‘Not fit for purpose’, report warns",
                &[1, 2, 3, 4, 5, 6, 7],
            ),
            // ... or after a colon (7).
            (
                "‘Not fit for purpose’: report warns",
                &[1, 2, 3, 4, 5, 6, 7],
            ),
        ];
        for &(text, want) in rows {
            let ps = paragraphs(text);
            let marked = find_marked(text, &ps);
            let doc = Doc::new(text, ps, &marked);
            let ahead = looking_ahead(&doc);
            let may: Vec<usize> = (0..doc.tokens.len())
                .filter(|&i| may_open_descriptor(&doc, i, &ahead))
                .collect();
            assert_eq!(may, want, "{text}");
            // Where none may open, none is found.
            for i in 0..doc.tokens.len() {
                if !may_open_descriptor(&doc, i, &ahead) {
                    assert_eq!(descriptor_mention(&doc, i, &ahead), None, "{text}: {i}");
                }
            }
        }
    }

    #[test]
    fn parts_of_roles_and_names() {
        let rows: &[(&str, &str, bool)] = &[
            ("russian president", "president", true),
            ("russian president", "russian", true),
            ("russian president", "ian p", true),
            ("president", "president", true),
            ("president", "presidents", false),
            ("", "leader", false),
            ("leader", "", true),
            ("", "", true),
            ("société générale", "générale", true),
            ("société générale", "é g", true),
            ("société", "ete", false),
        ];
        for &(s, part, want) in rows {
            assert_eq!(has_part(s, part), want, "{s:?} {part:?}");
            assert_eq!(s.contains(part), want, "{s:?} {part:?}");
            let upper = s.to_uppercase();
            let lowered = Lowered::of(&upper);
            assert_eq!(lowered.has(&Lowered::of(part)), want, "{s:?} {part:?}");
            // (Owned or borrowed, the same.)
            assert_eq!(Lowered::owned(&upper), lowered, "{s:?}");
            assert_eq!(Lowered::owned(part), Lowered::of(part), "{part:?}");
        }
    }

    #[test]
    fn words_of_names() {
        let rows: &[(&str, &[&str])] = &[
            ("Vladimir Putin", &["Vladimir", "Putin"]),
            ("Robert C. Scott's", &["Robert", "C.", "Scott"]),
            ("Joseph R. Biden Jr.,", &["Joseph", "R.", "Biden", "Jr"]),
            ("J.D. Vance", &["J.D.", "Vance"]),
            ("Anna\u{b}Lee . Smith", &["Anna", "Lee", "Smith"]),
            ("Ana\u{a0}Čapek’s", &["Ana", "Čapek"]),
            ("  ", &[]),
        ];
        let mut words = vec!["stale"];
        for &(name, want) in rows {
            name_words(name, Span::new(0, name.len()), &mut words);
            assert_eq!(words, want, "{name:?}");
        }
        // Surnames match by their lowercase, though only one is ASCII: "Kim" and "\u{212A}im"
        // (a Kelvin sign) are one person.
        for text in [
            "Jon Kim spoke. Mr. \u{212A}im left.",
            "Jon \u{212A}im spoke. Mr. Kim left.",
            "Ivo Čapek spoke. Mr. ČAPEK left.",
        ] {
            let (ms, es) = ents(text);
            assert_eq!(es.len(), 1, "{text}: {ms:?} {es:?}");
        }
    }

    #[test]
    fn words_lowercase_eight_bytes_at_a_time() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let word = u64::from(b) << (8 * at) | 0x4100_0000_0000_005a >> (8 * (at % 2));
                let want = u64::from_le_bytes(word.to_le_bytes().map(|b| b.to_ascii_lowercase()));
                assert_eq!(ascii_lowercase_word(word), want, "{b:#x} at {at}");
            }
        }
        // ASCII case ignored, keys hash alike; otherwise (almost always) not.
        assert_eq!(
            key_hash("Vladimir PUTIN", true),
            key_hash("vladimir putin", false)
        );
        assert_ne!(
            key_hash("Vladimir PUTIN", false),
            key_hash("vladimir putin", false)
        );
        assert_eq!(key_hash("ČAPEK", true), key_hash("Čapek", true));
        assert_ne!(key_hash("Putin", true), key_hash("Putin ", true));
    }

    #[test]
    fn words_after_the_last_space() {
        let rows: &[&str] = &[
            "the Russian president",
            "spokeswoman",
            " a  campaign\u{a0}spokesman \n",
            "Société Générale",
            "statement ",
            "",
        ];
        for &s in rows {
            assert_eq!(Some(after_last_space(s)), s.rsplit(' ').next(), "{s:?}");
        }
    }

    #[test]
    fn plural_and_relative_openers_are_determiners() {
        // `headed_descriptor` looks for these only after a determiner.
        let words = [
            "two", "three", "several", "many", "some", "these", "those", "both", "few", "that",
            "this", "Several",
        ];
        for w in words {
            assert!(is_determiner(w), "{w}");
        }
    }

    #[test]
    fn descriptors_opening_with_the() {
        let rows: &[&str] = &[
            "the company",
            "The Kremlin",
            "THE\u{a0}mayor",
            " the mayor",
            "the",
            "they said",
            "theatre",
            "th",
            "Thé",
            "",
        ];
        for &s in rows {
            let want = s
                .split_whitespace()
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("the"));
            assert_eq!(opens_with_the(s), want, "{s:?}");
        }
    }

    #[test]
    fn contractions_keep_the_pronoun() {
        let rows: &[(&str, &str, bool)] = &[
            ("He's", "He", true),
            ("she’s", "she", true),
            ("they'll", "they", true),
            ("We’ve", "We", true),
            ("it'd", "it", true),
            ("Jones's", "Jones's", false),
            ("s", "s", false),
            ("'s", "'s", false),
            ("says", "says", false),
            ("", "", false),
        ];
        for &(w, bare, contracted) in rows {
            assert_eq!(strip_contraction(w), (bare, contracted), "{w:?}");
        }
    }

    #[test]
    fn counts_in_words() {
        let rows: &[(&str, bool)] = &[
            ("nine", true),
            ("Twenty-four", true),
            ("ninety", true),
            ("Nine-", false),
            ("ninetieth", false),
            ("nine-tenths", false),
            ("", false),
        ];
        for &(w, want) in rows {
            assert_eq!(is_number_word(w), want, "{w}");
        }
    }

    #[test]
    fn different_first_names_are_different_people() {
        let (_, es) = ents("Hillary Clinton met Chelsea Clinton. Clinton left.");
        assert_eq!(es.len(), 2);
        // The possessor inside a descriptor is named too: a later "Trump" is Donald Trump.
        let (ms, _) = ents("Donald Trump’s campaign manager spoke. Trump left.");
        assert_eq!(
            ms.last().and_then(|m| m.2.as_deref()),
            Some("Donald Trump"),
            "{ms:?}"
        );
        // A first name of the other gender is another person than "Mr. Obama".
        let (_, es) = ents("President Obama spoke. Mr. Obama left. Later Michelle Obama arrived.");
        assert_eq!(es.len(), 2, "{es:?}");
        // A body's named modifier picks its body: "The Cruz campaign" is no other
        // campaign; "the campaign" alone is the latest.
        let rows: &[(&str, &str)] = &[
            (
                "Hillary Clinton's campaign spoke. The Cruz campaign sent an email.",
                "The Cruz campaign",
            ),
            (
                "Hillary Clinton's campaign spoke. The Clinton campaign sent an email.",
                "Hillary Clinton's campaign",
            ),
            (
                "Hillary Clinton's campaign spoke. The campaign sent an email.",
                "Hillary Clinton's campaign",
            ),
        ];
        for &(text, want) in rows {
            let (ms, _) = ents(text);
            let campaign = ms.iter().rev().find(|m| m.0.contains("ampaign"));
            assert_eq!(
                campaign.and_then(|m| m.2.as_deref()),
                Some(want),
                "{text}: {ms:?}"
            );
        }
    }

    #[test]
    fn epithets_refer_back_to_a_named_person() {
        // (text, epithet, the entity it is a mention of)
        let rows: &[(&str, &str, &str)] = &[
            (
                "Mikel Arteta said Bukayo Saka was superb. The Spaniard, whose side moved clear, praised his players.",
                "The Spaniard",
                "Mikel Arteta",
            ),
            (
                "Unai Emery was cautious. Asked about the title, the 52-year-old said no.",
                "the 52-year-old",
                "Unai Emery",
            ),
            // An adjective of nationality alone after "the" is an epithet.
            (
                "Marco Ferrante was furious. “It was a foul,” the Italian said.",
                "the Italian",
                "Marco Ferrante",
            ),
            // A lone first name in apposition to a person's role is a person's.
            (
                "Tomasz Wielgosz was hurt. His daughter, Kasia, said he was brave. Later the 34-year-old said no.",
                "the 34-year-old",
                "Kasia",
            ),
            // The pronoun opening what the epithet says tells its gender.
            (
                "Theo Brandt spoke first. His wife, Corinne, is a nurse. The 61-year-old insists he is right.",
                "The 61-year-old",
                "Theo Brandt",
            ),
            // No named person before: the epithet stays a source of its own.
            (
                "The Frenchman said no.",
                "The Frenchman",
                "The Frenchman",
            ),
            // A photographer's credit names no one in the story.
            (
                "Peter Serafinowicz posted the clip.\n\nNeilson Barnard via Getty Images.\n\nLater the 43-year-old said no.",
                "the 43-year-old",
                "Peter Serafinowicz",
            ),
        ];
        for &(text, epithet, entity) in rows {
            let (mentions, _) = ents(text);
            let found = mentions.iter().find(|m| m.0 == epithet);
            assert_eq!(
                found.and_then(|m| m.2.as_deref()),
                Some(entity),
                "{text}: {mentions:?}"
            );
        }
    }

    #[test]
    fn photo_credits() {
        for (text, credit) in [
            ("Neilson Barnard via Getty Images.", true),
            ("John Moore/Getty Images", true),
            ("Gary Cameron/Reuters.", true),
            ("Anna Lee spoke to Reuters.", false),
            (
                "The photos came via Getty Images and were seen by millions of readers.",
                false,
            ),
        ] {
            let ps = paragraphs(text);
            let marked = find_marked(text, &ps);
            let doc = Doc::new(text, ps, &marked);
            assert_eq!(is_photo_credit(&doc, 0), credit, "{text}");
        }
    }

    #[test]
    fn descriptors_and_organisations() {
        let rows: &[(&str, &str)] = &[
            ("A spokeswoman for the Kremlin declined.", "A spokeswoman"),
            ("Officials said so.", "Officials"),
            ("The New York Post reports it.", "The New York Post"),
            ("But a campaign operative decided.", "a campaign operative"),
            ("Later my father decided.", "my father"),
            // A lone party adjective is no mention; the plural is.
            (
                "Of all Republican claims, PolitiFact rated few as true.",
                "PolitiFact",
            ),
            ("Republicans decided.", "Republicans"),
            // A possessive name determines the role noun after it.
            (
                "Libertarian candidate Gary Johnson’s doctor decided.",
                "Gary Johnson’s doctor",
            ),
            // ... and no word but a name before the possessive.
            ("Later, they revisited Lorenz’s epochal paper.", "they"),
            // A sentence adverb is no name.
            ("Sometimes the model broke down, Anna Lee said.", "Anna Lee"),
            // A conjunction or a second determiner is no part of a descriptor.
            ("That the agency declined surprised him.", "the agency"),
            ("But critics decided.", "critics"),
            // Before a plural "that" is no determiner.
            ("That officials said so is clear.", "officials"),
            // A work's title is no speaker.
            ("In the novel Living History, Anna Lee decided.", "Anna Lee"),
            // ... but after a work noun and a comma, a name before its verb speaks.
            (
                "Speaking on a radio programme, Anna Lee decided.",
                "Anna Lee",
            ),
            // After a colon a capitalised gerund is no name.
            (
                "The aim: Eliminating war is a goal of the United Nations.",
                "the United Nations",
            ),
            // A capitalised word opening the sentence modifies a plural role noun, not
            // across a verb.
            ("Industry groups said so.", "Industry groups"),
            ("Cruz exhorted Republicans.", "Cruz"),
            // A past tense right after a mention is its verb.
            ("The company shipped processors to Oslo.", "The company"),
            // A person's role then their name is one mention; not across a line break.
            (
                "Her colleague Ben Ode was less sure.",
                "Her colleague Ben Ode",
            ),
        ];
        for &(text, want) in rows {
            let (ms, _) = ents(text);
            assert_eq!(ms.first().map(|m| m.0.as_str()), Some(want), "{text}");
        }
        let (ms, _) = ents("The company shipped processors to Oslo.");
        assert_eq!(ms.len(), 3, "{ms:?}");
        // A person's role in the plural opening a sentence is no name.
        for text in [
            "Aides say so.",
            "Lawmakers said so.",
            "Officials say so.",
            "Opponents say so.",
            "Organizers say so.",
        ] {
            let (ms, _) = ents(text);
            assert_eq!(ms[0].1, MentionKind::Descriptor, "{text}: {ms:?}");
        }
        // "two people" is plural: no appositive of the name before the comma.
        let (ms, _) = ents("The firm shipped parts to Oslo, two people said.");
        assert_eq!(
            ms.last().and_then(|m| m.2.as_deref()),
            Some("two people"),
            "{ms:?}"
        );
        // "a Navy veteran" describes a person, who stays one.
        let (_, es) = ents("Vanessa Hicks spoke. Hicks, a Navy veteran herself, said it was fine.");
        assert_eq!(
            es.first(),
            Some(&(
                "Vanessa Hicks".to_string(),
                Some("Navy veteran".to_string())
            )),
            "{es:?}"
        );
        // A noun before "on"/"of" modifies it: no source in "The last major attack on …".
        let (ms, _) = ents("The last major attack on the port was in 2002.");
        assert!(ms.is_empty(), "{ms:?}");
        let (ms, _) = ents("It was his biggest regret\nPresident Anna Lee said.");
        assert!(ms.iter().all(|m| !m.0.contains('\n')), "{ms:?}");
        // The named person is the entity, with the role.
        let (ms, es) = ents("Her colleague Ben Ode was less sure.");
        assert_eq!(ms[0].2.as_deref(), Some("Ben Ode"));
        assert_eq!(es[0].1.as_deref(), Some("colleague"), "{es:?}");
        // A descriptor with one party's name is not the other party's nominee.
        let (ms, _) =
            ents("The Republican nominee Dan Ortiz spoke. The Democratic nominee said nothing.");
        assert_eq!(ms[1].2.as_deref(), Some("The Democratic nominee"), "{ms:?}");
        // "the company" is no union.
        let (ms, _) = ents("The Seamen's Union struck. A spokeswoman for the company declined.");
        assert_ne!(
            ms.last().and_then(|m| m.2.as_deref()),
            Some("Seamen's Union"),
            "{ms:?}"
        );
        let (ms, _) = ents("Later, they revisited Lorenz’s epochal paper.");
        assert_eq!(
            ms.last().map(|m| m.0.as_str()),
            Some("Lorenz’s epochal paper"),
            "{ms:?}"
        );
    }

    #[test]
    fn names_run_across_nicknames_and_keep_initials() {
        let rows: &[(&str, &str, &str)] = &[
            (
                "Rep. Robert C. \"Bobby\" Scott spoke.",
                "Rep. Robert C. \"Bobby\" Scott",
                "Robert C. \"Bobby\" Scott",
            ),
            (
                "His niece, state Del. Marcia “Cia” Price, spoke.",
                "Del. Marcia “Cia” Price",
                "Marcia “Cia” Price",
            ),
            (
                "Laurence H. Tribe spoke.",
                "Laurence H. Tribe",
                "Laurence H. Tribe",
            ),
            // "and" inside a body's name.
            (
                "It grew, according to the World Travel and Tourism Council, an industry body.",
                "the World Travel and Tourism Council",
                "World Travel and Tourism Council",
            ),
        ];
        for &(text, mention, entity) in rows {
            let (ms, _) = ents(text);
            let found = ms.iter().find(|m| m.0 == mention);
            assert_eq!(
                found.and_then(|m| m.2.as_deref()),
                Some(entity),
                "{text}: {ms:?}"
            );
        }
    }
}
