//! Word lists the engine reasons with: speech cues (verbs in every inflection, nouns),
//! titles and honorifics, organisation words, pronouns, and first names with gender.
//!
//! Input: a single word (any case). Output: what the word is to the engine, e.g.
//! `cue_verb("Insisted")` -> the lemma "insist" of class `Speech`. The cue lemmas live in
//! `lexicon/cues.tsv` (derived from annotated news with `cargo run --example derive_cues`,
//! then reviewed by hand); every inflection is generated here, so the file lists lemmas only.

use std::sync::OnceLock;

use crate::fxhash::FxHashMap;

/// What a cue says about the content it introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// Said aloud or in writing: say, tell, claim, tweet, write.
    Speech,
    /// The speaker rejects the content: deny, reject, dispute.
    Denial,
    /// A held belief or intention rather than an utterance: believe, think, hope.
    Belief,
    /// Sources as evidence: show, find, report (used of documents and polls).
    Evidence,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueVerb {
    pub lemma: &'static str,
    pub class: CueClass,
    /// The cue can introduce a quotation directly ("..., he added"), not only reported content.
    pub quotative: bool,
}

const CUES_TSV: &str = include_str!("lexicon/cues.tsv");

/// Irregular inflections, a line each: lemma, then its other forms. (One string: a slice of
/// slices of `&str` cost the Wasm eight bytes a word in pointers.)
const IRREGULAR: &str = concat!(
    "say said says saying\n",
    "tell told tells telling\n",
    "speak spoke spoken speaks speaking\n",
    "write wrote written writes writing\n",
    "think thought thinks thinking\n",
    "know knew known knows knowing\n",
    "swear swore sworn swears swearing\n",
    "foresee foresaw foreseen foresees foreseeing\n",
    "forecast forecast forecasts forecasting forecasted\n",
    "find found finds finding\n",
    "feel felt feels feeling\n",
    "hold held holds holding\n",
    "teach taught teaches teaching\n",
    "mean meant means meaning\n",
    "read read reads reading\n",
    "put put puts putting\n",
    // "rules" is nearly always the noun ("DNC rules permit"): a court "ruled" or is
    // "ruling".
    "rule ruled ruling\n",
    "admit admitted admits admitting\n",
    "commit committed commits committing\n",
    "regret regretted regrets regretting\n",
    "refer referred refers referring\n",
    "concur concurred concurs concurring\n",
    "submit submitted submits submitting\n",
    "rebut rebutted rebuts rebutting\n",
    "quip quipped quips quipping\n",
    "jot jotted jots jotting\n",
    "chat chatted chats chatting\n",
    "plead pleaded pled pleads pleading\n",
    "omit omitted omits omitting\n",
    "aver averred avers averring\n",
    "infer inferred infers inferring\n",
    "prefer preferred prefers preferring\n",
    "bet bet bets betting\n",
    "beg begged begs begging\n",
    "stop stopped stops stopping\n",
    "spin spun spins spinning\n",
    "fret fretted frets fretting\n",
    "get got gotten gets getting\n",
    "see saw seen sees seeing\n",
    "show showed shown shows showing\n",
    "blog blogged blogs blogging\n",
    "vow vowed vows vowing\n",
    // "flagging" is nearly always the adjective ("flagging sales").
    "flag flagged flags\n",
    // American and British spellings.
    "label labeled labelled labels labeling labelling\n",
    "signal signaled signalled signals signaling signalling\n",
    "counsel counseled counselled counsels counseling counselling\n",
    "marvel marveled marvelled marvels marveling marvelling\n",
);

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The regular inflections of an English verb lemma: -s, -ed, -ing.
fn regular_forms(lemma: &str) -> [String; 3] {
    let b = lemma.as_bytes();
    let last = b[b.len() - 1];
    let before_last = if b.len() > 1 { b[b.len() - 2] } else { b'a' };
    // The lemma without its last letter (an ASCII "y" or "e" where it is asked for).
    let stem = || &lemma[..lemma.len() - 1];
    let third = if lemma.ends_with('s')
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
    {
        [lemma, "es"].concat()
    } else if last == b'y' && !is_vowel(before_last) {
        [stem(), "ies"].concat()
    } else {
        [lemma, "s"].concat()
    };
    // A one-syllable verb ending in consonant, vowel, consonant doubles its last letter
    // ("dub" -> "dubbed", "snap" -> "snapping"); "w", "x" and "y" never double.
    let doubles = b.len() >= 3
        && b.iter().filter(|&&c| is_vowel(c)).count() == 1
        && is_vowel(before_last)
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && !is_vowel(b[b.len() - 3]);
    if doubles {
        let last = &lemma[lemma.len() - 1..];
        return [
            third,
            [lemma, last, "ed"].concat(),
            [lemma, last, "ing"].concat(),
        ];
    }
    let past = if last == b'e' {
        [lemma, "d"].concat()
    } else if last == b'y' && !is_vowel(before_last) {
        [stem(), "ied"].concat()
    } else {
        [lemma, "ed"].concat()
    };
    let gerund = if last == b'e' && before_last != b'e' && lemma.len() > 2 {
        [stem(), "ing"].concat()
    } else {
        [lemma, "ing"].concat()
    };
    [third, past, gerund]
}

fn parse_class(s: &str) -> Option<CueClass> {
    Some(match s {
        "speech" => CueClass::Speech,
        "denial" => CueClass::Denial,
        "belief" => CueClass::Belief,
        "evidence" => CueClass::Evidence,
        _ => return None,
    })
}

struct Lexicon {
    verbs: FxHashMap<String, CueVerb>,
    verb_shapes: crate::fxhash::Shapes,
    nouns: FxHashMap<&'static str, CueClass>,
}

impl Lexicon {
    /// The cue verb of a lowercased word form (`lower`).
    fn verb(&self, w: &str) -> Option<CueVerb> {
        if !self.verb_shapes.may_hold(w) {
            return None;
        }
        self.verbs.get(w).copied()
    }
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let irregular: FxHashMap<&str, &str> = IRREGULAR
            .lines()
            .filter_map(|l| l.split_once(' '))
            .collect();
        // Some 300 lemmas of four forms each.
        let mut verbs = crate::fxhash::map_for(1300);
        let mut nouns = FxHashMap::default();
        for line in CUES_TSV.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(pos), Some(lemma), Some(class)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let Some(class) = parse_class(class) else {
                continue;
            };
            let quotative = cols.next().is_some_and(|q| q == "q");
            match pos {
                "v" => {
                    let cue = CueVerb {
                        lemma,
                        class,
                        quotative,
                    };
                    verbs.insert(lemma.to_string(), cue);
                    match irregular.get(lemma) {
                        Some(forms) => {
                            for f in forms.split_ascii_whitespace() {
                                verbs.entry(f.to_string()).or_insert(cue);
                            }
                        }
                        None => {
                            for f in regular_forms(lemma) {
                                verbs.entry(f).or_insert(cue);
                            }
                        }
                    }
                }
                "n" => {
                    nouns.insert(lemma, class);
                }
                _ => {}
            }
        }
        let verb_shapes = crate::fxhash::Shapes::of(verbs.keys().map(String::as_str));
        Lexicon {
            verbs,
            verb_shapes,
            nouns,
        }
    })
}

/// Room for the word `lower` makes: on the stack for a short ASCII word (most words a
/// lookup lowercases are capitalised names and sentence starts), else on the heap. A
/// buffer kept for many lookups ([`LowerBuf::for_many`]) lowercases in its string, which
/// needs no UTF-8 check and, once grown, no allocation.
#[derive(Default)]
pub struct LowerBuf {
    ascii: [u8; 32],
    other: String,
}

impl LowerBuf {
    /// A buffer for looking up many words.
    pub fn for_many() -> LowerBuf {
        LowerBuf {
            ascii: [0; 32],
            other: String::with_capacity(32),
        }
    }
}

/// `word` lowercased with ’ as ', borrowed when it already is (most words of a text), so
/// that lookups allocate only for long or non-ASCII capitalised words.
fn lower<'b>(word: &'b str, buf: &'b mut LowerBuf) -> &'b str {
    let bytes = word.as_bytes();
    if bytes
        .iter()
        .all(|&b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return word;
    }
    if word.is_ascii() {
        if buf.other.capacity() >= bytes.len() {
            buf.other.clear();
            buf.other.push_str(word);
            buf.other.make_ascii_lowercase();
            return &buf.other;
        }
        if let Some(ascii) = buf.ascii.get_mut(..bytes.len()) {
            // Copied and lowercased in one pass.
            for (l, b) in ascii.iter_mut().zip(bytes) {
                *l = b.to_ascii_lowercase();
            }
            // Changing the case of ASCII bytes keeps UTF-8 valid.
            return std::str::from_utf8(ascii).unwrap_or_default();
        }
    }
    let buf = &mut buf.other;
    buf.clear();
    for c in word.chars() {
        if c == '’' {
            buf.push('\'');
        } else {
            buf.extend(crate::case::lower_char(c));
        }
    }
    buf.as_str()
}

/// `word` in ASCII lower case if it is ASCII (itself when it has no capitals, else
/// lowercased in `buf`; `None` for a longer one), and its hash for [`ListedWords`].
/// Eight bytes at a time, in one pass: this is asked of every distinct word of a text.
fn ascii_lowercase<'b>(word: &'b [u8], buf: &'b mut [u8; 32]) -> Option<(&'b [u8], u64)> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (mut capitals, mut non_ascii, mut hash) = (0, 0, word.len() as u64);
    for (i, chunk) in word.chunks(8).enumerate() {
        let c = crate::fxhash::partial_word(chunk);
        let capitals_here = ascii_capitals(c);
        // A capital's 0x80 flag shifted to 0x20 is the bit that lowercases it.
        let lower = c | capitals_here >> 2;
        if let Some(out) = buf.get_mut(8 * i..8 * i + 8) {
            out.copy_from_slice(&lower.to_le_bytes());
        }
        capitals |= capitals_here;
        non_ascii |= c & HIGH;
        hash = (hash.rotate_left(23) ^ lower).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    if non_ascii != 0 {
        return None;
    }
    if capitals == 0 {
        return Some((word, hash));
    }
    buf.get(..word.len()).map(|lowered| (lowered, hash))
}

/// 0x80 in each byte of `c` that is an ASCII capital, else 0.
fn ascii_capitals(c: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let seven = c & LOW7;
    // Per byte, with no carry between bytes (each is below 0x80): the high bit of
    // `seven + 0x3f` is set from 'A' (0x41) on, that of `seven + 0x25` past 'Z' (0x5a).
    let from_a = seven + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = seven + 0x2525_2525_2525_2525;
    from_a & !past_z & !c & 0x8080_8080_8080_8080
}

/// The speech/belief verb an inflected word form belongs to, if any.
pub fn cue_verb(word: &str) -> Option<CueVerb> {
    let mut buf = LowerBuf::default();
    lexicon().verb(lower(word, &mut buf))
}

/// French cue verbs, a line each: the English lemma whose behaviour each shares (so "« … »,
/// explique Mme Martin" inverts like "explained Ms Martin"), its class (as in `cues.tsv`),
/// and its infinitive; the forms news writing uses are generated for -er verbs, irregular
/// ones list their own. (One string: slices of `&str` cost the Wasm eight bytes a word in
/// pointers. A form is one word, as a lookup reads one: "se souvenir", listed once beside
/// "rappeler", could never match.)
const FRENCH_CUES: &str = concat!(
    "say speech dire dit dits disent disait disaient disant affirmer confier témoigner ",
    "lancer commenter résumer regretter conclure conclut conclu s'exclamer s'indigner ",
    "s'étonner s'inquiéter s'insurger ironiser glisser raconter\n",
    "declare speech déclarer proclamer\n",
    "add speech ajouter compléter\n",
    "explain speech expliquer détailler justifier\n",
    "note speech préciser souligner indiquer noter relever signaler pointer\n",
    "observe speech observer constater remarquer\n",
    "insist speech assurer insister marteler martèle martèlent répéter répète répètent\n",
    "argue speech estimer juger considérer considère dénoncer plaider soutenir soutient ",
    "soutenu défendre critiquer fustiger déplorer s'agacer\n",
    "recall speech rappeler rappelle rappellent\n",
    "respond speech répondre répond répondent répondu réagir réagit réagi réagissent\n",
    "reply speech rétorquer répliquer objecter rectifier\n",
    "ask speech demander interroger s'interroger questionner\n",
    "warn speech avertir avertit averti prévenir prévient prévenu alerter menacer\n",
    "write speech écrire écrit écrivent écrivait publier\n",
    "tweet speech tweeter twitter\n",
    "admit speech reconnaître reconnaît reconnait reconnu admettre admet admis avouer ",
    "concéder\n",
    "announce speech annoncer annonce annoncé annoncée annonçait\n",
    "promise speech promettre promet promis s'engager\n",
    "continue speech poursuivre poursuit poursuivi enchaîner renchérir renchérit renchéri\n",
    "deny denial nier démentir dément démenti contester réfuter récuser\n",
    "believe belief penser croire croit cru espérer espère craindre craint\n",
);

struct FrenchLexicon {
    verbs: FxHashMap<String, CueVerb>,
}

fn french_lexicon() -> &'static FrenchLexicon {
    static LEXICON: OnceLock<FrenchLexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut verbs = FxHashMap::default();
        for line in FRENCH_CUES.lines() {
            let mut words = line.split_ascii_whitespace();
            let (Some(lemma), Some(class)) = (words.next(), words.next().and_then(parse_class))
            else {
                continue;
            };
            let cue = CueVerb {
                lemma,
                class,
                quotative: class != CueClass::Belief,
            };
            for w in words {
                verbs.insert(w.to_string(), cue);
                // -er verbs: il explique, ils expliquent, expliqué(e), expliquait, expliquant.
                if let Some(stem) = w.strip_suffix("er") {
                    let soft = match stem.strip_suffix('c') {
                        Some(hard) => format!("{hard}ç"),
                        None => stem.to_string(),
                    };
                    for form in [
                        format!("{stem}e"),
                        format!("{stem}ent"),
                        format!("{stem}é"),
                        format!("{stem}ée"),
                        format!("{stem}és"),
                        format!("{soft}ait"),
                        format!("{soft}aient"),
                        format!("{soft}ant"),
                    ] {
                        verbs.entry(form).or_insert(cue);
                    }
                }
            }
        }
        FrenchLexicon { verbs }
    })
}

/// The cue verb a French word form belongs to (used for documents written in French).
pub fn cue_verb_french(word: &str) -> Option<CueVerb> {
    let mut buf = LowerBuf::default();
    french_lexicon().verbs.get(lower(word, &mut buf)).copied()
}

/// Auxiliaries of French compound tenses, which stand between a speaker and the cue
/// ("Il a ajouté", "« … », a déclaré M. Dupont").
pub fn is_french_auxiliary(word: &str) -> bool {
    in_class(word, FRENCH_AUXILIARY)
}

/// French auxiliaries and adverbs between a speaker and the cue (`is_french_auxiliary`).
pub(crate) const FRENCH_AUXILIARIES: &str = "
    a avait aurait ont avaient auraient est s'est s’est aussi encore également alors
    d'ailleurs d’ailleurs pourtant ainsi déjà notamment
";

/// The cue class of a speech noun ("statement", "interview", "tweet"), if `word` is one.
pub fn cue_noun(word: &str) -> Option<CueClass> {
    let mut buf = LowerBuf::default();
    let w = lower(word, &mut buf);
    let lexicon = lexicon();
    lexicon
        .nouns
        .get(w)
        .or_else(|| w.strip_suffix('s').and_then(|s| lexicon.nouns.get(s)))
        .copied()
}

/// Gender of a personal pronoun or honorific, as the engine uses it to resolve "he"/"she".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// Titles and honorifics that precede a name: "President", "Mr.", "Sen.", "Chief Executive".
/// The gender is that of the honorific where it has one.
pub fn title(word: &str) -> Option<Gender> {
    let lists = name_lists(word.trim_end_matches('.'));
    if lists & MALE_TITLE != 0 {
        Some(Gender::Male)
    } else if lists & FEMALE_TITLE != 0 {
        Some(Gender::Female)
    } else if lists & OTHER_TITLE != 0 {
        Some(Gender::Unknown)
    } else {
        None
    }
}

/// The noun a title's abbreviation stands for, which a later descriptor uses: "Gov. Teresa
/// Halloran … the governor said". (Lowercase, without the dot.)
pub fn title_noun(abbreviation: &str) -> Option<&'static str> {
    Some(match abbreviation {
        "gov" => "governor",
        "sen" => "senator",
        "rep" => "representative",
        "prof" => "professor",
        "supt" => "superintendent",
        "gen" => "general",
        "lt" => "lieutenant",
        "col" => "colonel",
        "maj" => "major",
        "capt" => "captain",
        "sgt" => "sergeant",
        "cmdr" => "commander",
        "adm" => "admiral",
        "det" => "detective",
        "insp" => "inspector",
        "cllr" => "councillor",
        "atty" => "attorney",
        "amb" => "ambassador",
        "del" => "delegate",
        _ => return None,
    })
}

/// Titles of men (`title`).
const MALE_TITLES: &[&str] = &[
    "Mr", "Sir", "Lord", "King", "Prince", "Herr", "Monsieur", "M", "Sr", "Father", "Brother",
];

/// Titles of women (`title`).
const FEMALE_TITLES: &[&str] = &[
    "Mrs", "Ms", "Miss", "Madam", "Madame", "Mme", "Dame", "Lady", "Queen", "Princess", "Sister",
    "Frau",
];

/// Titles of anyone (`title`).
const OTHER_TITLES: &str = "
    President Vice Prime Minister Secretary Senator Sen Rep Sens Reps Del Delegate Atty Supt
    Representative Gov Governor Mayor Dr Prof Professor Gen General Col Colonel Lt Lieutenant
    Capt Captain Sgt Sergeant Adm Admiral Judge Justice Chancellor Ambassador Speaker Chairman
    Chairwoman Chair Commissioner Chief Director Officer Detective Inspector Superintendent
    Attorney Councillor Councilman Councilwoman Assemblyman Assemblywoman Rabbi Rev Reverend
    Pope Bishop Cardinal Coach Leader Deputy Foreign Defence Defense Finance Health Interior
    Home Labor Labour Trade Education Justice's State Supreme Former Acting Executive Spokesman
    Spokeswoman Spokesperson Premier Emperor Sheikh Ayatollah Pastor Gen. Presidential Nominee
    Candidate Congressman Congresswoman MP MEP Commander Marshal Sheriff Chairperson Cllr Det Insp
    Maj Cmdr Amb
    President-elect Vice-President Chief-Executive
";

/// A capitalised day of the week: "said Friday", "on Monday".
pub fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// An article, possessive or demonstrative (lowercase): the words that make the next word
/// a noun ("the claims", "his promise") and that may follow a verb ("stated the facts").
pub fn is_article_or_possessive(word: &str) -> bool {
    matches!(
        word.as_bytes(),
        b"the"
            | b"a"
            | b"an"
            | b"his"
            | b"her"
            | b"their"
            | b"its"
            | b"our"
            | b"my"
            | b"your"
            | b"this"
            | b"that"
            | b"these"
            | b"those"
    )
}

/// A common irregular past-tense verb ("took", "won"): with the "-ed" forms, the verb that
/// shows a clause has begun ("said it took him months", "Muslims, who had been
/// repressed, won").
pub fn is_irregular_past(word: &str) -> bool {
    in_class(word, IRREGULAR_PAST)
}

/// Common irregular past-tense verbs (`is_irregular_past`): "took", "won".
pub(crate) const IRREGULAR_PASTS: &str = "
    won lost made took gave got went came became began kept left knew saw found felt
    held brought bought built sent spent ran led meant paid stood wrote spoke broke
    chose fell grew drew drove rose sold taught caught fought forgot hid lay met rode
    sang sat slept struck swore threw understood wore did had was were
";

/// A document that speaks for its author: "a report by …", "a study of …".
pub fn is_document_noun(w: &str) -> bool {
    in_class(w, DOCUMENT_NOUN)
}

/// Documents that speak for their authors (`is_document_noun`): "a report by …", "a study of …".
pub(crate) const DOCUMENT_NOUNS: &str = "
    report study survey analysis poll review audit statement
";

/// Something written or posted that a participle's words can be in: "tweets saying that
/// …", "a statement claiming …".
pub fn is_writing_noun(word: &str) -> bool {
    in_class(word, WRITING_NOUN)
}

/// Written messages (`is_writing_noun`): "in a tweet", "in a letter".
pub(crate) const WRITING_NOUNS: &str = "
    tweet tweets statement statements letter letters post posts posting postings message
    messages email emails ad ads memo release note editorial column
";

/// Verbs whose object is something written and issued: "released a statement", "sent a
/// letter", "put out a statement" (its "out" is the caller's).
pub fn is_issuing_verb(word: &str) -> bool {
    in_class(word, ISSUING_VERB)
}

/// Verbs that issue a document (`is_issuing_verb`): "released a statement".
pub(crate) const ISSUING_VERBS: &str = "
    released releases issued issues sent sends posted posts published publishes wrote
    writes signed signs tweeted emailed shared penned put puts
";

/// Cues whose object is the listener: "told reporters", "warned the council".
pub fn takes_listener(lemma: &str) -> bool {
    matches!(
        lemma,
        "tell" | "assure" | "inform" | "remind" | "warn" | "convince" | "promise"
    )
}

/// A listener named by a plain word after a verb of telling: "told reporters", "told
/// them". ("her" is also a possessive: "said her refusal was …".)
pub fn is_plain_listener(word: &str) -> bool {
    matches!(
        word,
        "reporters" | "journalists" | "me" | "us" | "him" | "them"
    )
}

/// A month's abbreviation: "Feb", "Sept" (before its dot).
pub fn is_month_abbreviation(word: &str) -> bool {
    matches!(
        word.as_bytes(),
        b"Jan"
            | b"Feb"
            | b"Mar"
            | b"Apr"
            | b"Jun"
            | b"Jul"
            | b"Aug"
            | b"Sep"
            | b"Sept"
            | b"Oct"
            | b"Nov"
            | b"Dec"
    )
}

/// A noun of time that "this", "last" or "next" turn into an adverbial: "said this week".
pub fn is_time_noun(word: &str) -> bool {
    in_class(word, TIME_NOUN)
}

/// Nouns of time (`is_time_noun`): "last week", "this morning".
pub(crate) const TIME_NOUNS: &str = "
    week weekend month year morning afternoon evening night spring summer fall winter
";

/// Personal pronouns that can be a speaker, with gender and whether they are plural.
pub fn subject_pronoun(word: &str) -> Option<(Gender, bool)> {
    // (Matched as bytes: the match branches on the length first.)
    Some(match word.as_bytes() {
        b"he" | b"He" | b"HE" => (Gender::Male, false),
        b"she" | b"She" | b"SHE" => (Gender::Female, false),
        b"they" | b"They" => (Gender::Unknown, true),
        b"it" | b"It" => (Gender::Unknown, false),
        b"we" | b"We" => (Gender::Unknown, true),
        // French: only ever met in French text (and split off inverted verbs, "a-t-il").
        b"il" | b"Il" => (Gender::Male, false),
        b"elle" | b"Elle" => (Gender::Female, false),
        b"ils" | b"Ils" | b"elles" | b"Elles" => (Gender::Unknown, true),
        _ => return None,
    })
}

/// Any personal or possessive pronoun and its gender (for salience and gender evidence).
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    let mut buf = LowerBuf::default();
    Some(match lower(word, &mut buf) {
        "he" | "him" | "his" | "himself" => Gender::Male,
        "she" | "her" | "hers" | "herself" => Gender::Female,
        _ => return None,
    })
}

/// Head nouns of organisations: "Party", "Ministry", "Inc."; a capitalised name that ends
/// in (or starts with) one of these is a body, not a person.
pub fn is_org_word(word: &str) -> bool {
    name_lists(word.trim_end_matches('.')) & ORG_WORD != 0
}

/// Head nouns of organisations (`is_org_word`).
const ORG_WORDS: &str = "
    Party Ministry Department Dept Company Co Inc Corp Corporation Ltd LLC Plc PLC Group
    Committee Commission Council Agency Administration Association Institute Institution
    University College School Bank Court Office Service Services Police Army Navy Force Forces
    Kremlin Pentagon Congress Senate Parliament Government Campaign Foundation Fund Union
    Organization Organisation Network Times Post News Journal Press Tribune Herald Guardian
    Telegraph Review Magazine Reuters Bureau Center Centre Authority Board Club League
    Federation Cabinet Assembly Coalition Alliance Hospital Airlines Airways Motors Holdings
    Industries Technologies Labs Media Studios Tribunal Secretariat Embassy Church Council's FBI
    Properties Partners Ventures Enterprises Investments Pharmaceuticals Logistics Trust Railways
    Capital Advisors Advisers Securities Research Consulting Associates Management Analytics
    Foods Brands Stores Energy Systems Solutions Communications Entertainment Resources Mining Transit
    Petroleum Insurance Financial Therapeutics Biotech Software Automotive Aerospace Chemicals
    CIA NSA NATO UN EU WHO IMF GOP DNC RNC NHS BBC CNN NBC CBS ABC AP AFP NPR Fox MSNBC Politico
    Breitbart Google Facebook Twitter Apple Microsoft Amazon Moscow Washington Beijing London
    Paris Tehran Kyiv Kiev
";

/// Common nouns that name a source without naming it: "spokesman", "officials", "the company".
/// Returns whether the noun denotes an organisation rather than a person.
pub fn role_noun(word: &str) -> Option<bool> {
    let mut buf = LowerBuf::default();
    role_noun_of_lower(lower(word, &mut buf), None)
}

/// [`cue_verb`] and [`role_noun`] of a word, lowercased once (in `buf`): the document asks
/// both of every distinct word.
pub fn cue_verb_and_role_noun(word: &str, buf: &mut LowerBuf) -> (Option<CueVerb>, Option<bool>) {
    if let Some((w, hash)) = ascii_lowercase(word.as_bytes(), &mut buf.ascii) {
        if let Some(&answer) = listed_words().get(w, hash) {
            return answer;
        }
        // A word on no list is no cue verb, and a role noun only by its shape (see
        // `ListedWords`); a possessive is read as its base.
        if !w.ends_with(b"'s") {
            return (
                None,
                (is_age_noun_bytes(w) || has_agent_suffix(w)).then_some(false),
            );
        }
    }
    cue_verb_and_role_noun_of_lower(lower(word, buf))
}

/// What [`cue_verb_and_role_noun`] answers.
type CueVerbAndRoleNoun = (Option<CueVerb>, Option<bool>);

/// [`cue_verb_and_role_noun`] of a lowercased word, by the rules.
fn cue_verb_and_role_noun_of_lower(w: &str) -> CueVerbAndRoleNoun {
    let verb = lexicon().verb(w);
    (verb, role_noun_of_lower(w, Some(verb.is_some())))
}

/// The words whose [`cue_verb_and_role_noun`] reads a list, with that answer: every cue
/// verb form, listed noun and its plural ("-s", "-y" as "-ies") and exception to the
/// agent nouns. Any other lowercase ASCII word is no cue verb, and its plural and agent
/// rules find no listed noun: it is a role noun only as an age ("46-year-old") or by an
/// agent suffix, which needs no lookup. One lookup then answers for a word that the rules
/// looked up in up to five tables.
///
/// An open-addressing table of its own, by the hash `ascii_lowercase` computes as it
/// lowercases: a quarter of the slots are taken, so a word on no list (most words) meets
/// an empty slot at once.
struct ListedWords {
    /// Per slot, 1 + the index of the entry there, 0 for none.
    slots: Vec<u32>,
    /// The shift that leaves a slot index of a hash.
    shift: u32,
    entries: Vec<ListedWord>,
    /// The entries' words, one after another.
    words: String,
}

struct ListedWord {
    hash: u64,
    /// The word's range in `ListedWords::words`.
    start: u32,
    end: u32,
    /// Found by the rules when first asked: an article asks about a few hundred of the
    /// 2,300 words, and finding them all cost more than a whole article's lookups (the
    /// extension analyses one article per page).
    answer: OnceLock<CueVerbAndRoleNoun>,
}

impl ListedWords {
    /// The entry of lowercase word `w` of hash `hash`, or the empty slot where it would go.
    #[inline]
    fn slot(&self, w: &[u8], hash: u64) -> Result<&ListedWord, usize> {
        let mask = self.slots.len() - 1;
        let mut i = (hash >> self.shift) as usize;
        loop {
            let Some(entry) = self.slots[i]
                .checked_sub(1)
                .map(|e| &self.entries[e as usize])
            else {
                return Err(i);
            };
            let range = entry.start as usize..entry.end as usize;
            if entry.hash == hash && self.words.as_bytes()[range] == *w {
                return Ok(entry);
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn get(&self, w: &[u8], hash: u64) -> Option<&CueVerbAndRoleNoun> {
        let entry = self.slot(w, hash).ok()?;
        Some(entry.answer.get_or_init(|| {
            cue_verb_and_role_noun_of_lower(&self.words[entry.start as usize..entry.end as usize])
        }))
    }
}

fn listed_words() -> &'static ListedWords {
    static LISTED: OnceLock<ListedWords> = OnceLock::new();
    LISTED.get_or_init(|| {
        const SLOTS: usize = 1 << 14;
        let mut listed = ListedWords {
            slots: vec![0; SLOTS],
            shift: 64 - SLOTS.trailing_zeros(),
            entries: Vec::with_capacity(SLOTS / 4),
            words: String::with_capacity(SLOTS / 4 * 8),
        };
        let mut add = |w: &str| {
            let Some((_, hash)) = ascii_lowercase(w.as_bytes(), &mut [0; 32]) else {
                return;
            };
            // (Past a quarter full the table would still work, only slower.)
            let Err(slot) = listed.slot(w.as_bytes(), hash) else {
                return;
            };
            let start = listed.words.len() as u32;
            listed.words.push_str(w);
            listed.entries.push(ListedWord {
                hash,
                start,
                end: listed.words.len() as u32,
                answer: OnceLock::new(),
            });
            listed.slots[slot] = listed.entries.len() as u32;
        };
        for w in lexicon().verbs.keys() {
            add(w);
        }
        let mut plural = String::new();
        let nouns = words(BODY_ROLE_NOUNS)
            .chain(BODY_ROLE_PHRASES.iter().copied())
            .chain(words(PERSON_ROLE_NOUNS))
            .chain(words(DEMONYM_NOUNS));
        for n in nouns {
            add(n);
            for (stem, suffix) in [(n, "s"), (n.strip_suffix('y').unwrap_or(""), "ies")] {
                if !stem.is_empty() {
                    plural.clear();
                    plural.push_str(stem);
                    plural.push_str(suffix);
                    add(&plural);
                }
            }
        }
        for w in words(NOT_AGENTS) {
            add(w);
        }
        listed
    })
}

/// [`role_noun`] of a word already lowercased (`lower`); `cue_form`: whether it is a
/// form of a cue verb, when the caller has looked that up already.
fn role_noun_of_lower(w: &str, cue_form: Option<bool>) -> Option<bool> {
    let (w, cue_form) = match w.strip_suffix("'s") {
        Some(base) => (base, None),
        None => (w, cue_form),
    };
    if let Some(org) = role_noun_form(w) {
        return Some(org);
    }
    if is_age_noun(w) {
        return Some(false);
    }
    // Plurals, unless the form is a verb of saying: "the Post reports" is no "reports".
    // An ASCII word lowercased once is its own `lower`: looked up without a second pass.
    let cue_form = match cue_form {
        Some(known) if w.is_ascii() => known,
        _ if w.is_ascii() => lexicon().verb(w).is_some(),
        _ => cue_verb(w).is_some(),
    };
    if cue_form {
        return None;
    }
    w.strip_suffix("ies")
        .and_then(|s| with_y(s, role_noun_form))
        .or_else(|| w.strip_suffix('s').and_then(role_noun_form))
        .or_else(|| agent_noun(w).then_some(false))
}

/// A person named by age: "the 46-year-old", "two 17-year-olds" (not "a 10-year-old
/// law": the caller sees a noun after it).
#[inline]
pub fn is_age_noun(word: &str) -> bool {
    is_age_noun_bytes(word.as_bytes())
}

#[inline]
fn is_age_noun_bytes(word: &[u8]) -> bool {
    // (Most words are ruled out by their first byte, here at the caller.)
    word.first().is_some_and(u8::is_ascii_digit) && is_age_noun_after_digit(word)
}

fn is_age_noun_after_digit(word: &[u8]) -> bool {
    let digits = word.iter().take_while(|b| b.is_ascii_digit()).count();
    let rest = &word[digits..];
    digits > 0
        && (rest.eq_ignore_ascii_case(b"-year-old") || rest.eq_ignore_ascii_case(b"-year-olds"))
}

/// Calls `f` with `stem` + "y" ("authorit" -> "authority"), on the stack when short.
fn with_y<R>(stem: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..stem.len() + 1) {
        Some(word) => {
            word[..stem.len()].copy_from_slice(stem.as_bytes());
            word[stem.len()] = b'y';
            // A string with an ASCII letter appended is still UTF-8.
            f(std::str::from_utf8(word).unwrap_or_default())
        }
        None => f(&format!("{stem}y")),
    }
}

/// Like [`role_noun`], but only the listed nouns and their plurals, without the
/// agent-suffix guess (which would take "Walter" or "Porter" for a role).
pub fn role_noun_listed(word: &str) -> Option<bool> {
    let mut buf = LowerBuf::default();
    let w = lower(word, &mut buf);
    role_noun_form(w).or_else(|| w.strip_suffix('s').and_then(role_noun_form))
}

/// Role nouns of organisations and other bodies (`role_noun` is `Some(true)`).
const BODY_ROLE_NOUNS: &str = "
    company firm government ministry department campaign agency administration committee party
    group organization organisation police military army court council board union network
    newspaper paper report study survey poll statement office team club league bank regime
    coalition prosecution embassy kremlin spokesman's prosecutors authorities studio commission
    family article letter clip ad advertisement video memo email filing lawsuit complaint
    document website book bill ruling indictment release tweet post editorial column magazine
    journal publication tabloid broadcaster newsletter station channel average slide chart
    graphic footage photo image statistics estimate projection results tally outlet institute
    university school hospital county city state senate house congress parliament cabinet media
    press opposition jury panel staff crew force forces troops navy regulators regulator watchdog
    analysis data research findings figures records audit review investigation inquiry filings
    transcript brief chamber federation association foundation charity trust society museum
    library airline operator manufacturer retailer insurer lender utility audience crowd
";

/// Role nouns of people (`role_noun` is `Some(false)`).
const PERSON_ROLE_NOUNS: &str = "
    president spokesman spokeswoman spokesperson official officials source sources minister
    senator governor mayor leader candidate nominee chairman chairwoman chief executive director
    aide aides adviser advisers advisor advisors lawyer lawyers attorney prosecutor judge
    witness witnesses expert experts analyst analysts economist economists politician
    politicians physician historian statistician technician researcher researchers scientist
    scientists doctor doctors officer officers resident residents voter voters supporter
    supporters critic critics diplomat diplomats lawmaker lawmakers legislator legislators
    representative congressman congresswoman democrat democrats republican republicans man woman
    person people owner manager founder ceo author writer reporter journalist professor
    secretary ambassador general commander mother father son daughter wife husband friend
    neighbor neighbour student students teacher teachers worker workers employee employees
    member members activist activists protester protesters victim victims official's observers
    insiders insider strategist strategists pollster pollsters historian historians host anchor
    moderator speaker chancellor premier king queen pope star singer actor actress coach player
    players investigator investigators detective sheriff colleague colleagues partner
    spokespeople aide's operative operatives staffer staffers opponent opponents rival rivals
    advocate advocates proponent proponents organizer organizers backer backers detractor
    detractors skeptic skeptics loyalist loyalists consultant consultants volunteer volunteers
    demonstrator demonstrators brother sister uncle aunt niece nephew cousin grandmother
    grandfather parent parents widow tycoon mogul magnate billionaire millionaire entrepreneur
    celebrity comedian musician rapper friends pals allies skeptics conservatives liberals
    progressives delegate delegates donor donors rabbi priest bishop imam mom mum dad fan fans child
    children kid kids boy girl men women teen teens candidates citizens relatives widower
    veteran nurse soldier boss captain goalkeeper winger referee poet novelist playwright painter
    sculptor composer filmmaker photographer architect designer chef
";

/// Nouns of nationality that name one person ("the Spaniard"), person role nouns too; a
/// news writer's epithet for someone already named (see `is_demonym`).
const DEMONYM_NOUNS: &str = "
    spaniard frenchman frenchwoman dutchman dutchwoman englishman englishwoman scotsman
    scotswoman welshman welshwoman irishman irishwoman briton swede argentine
";

/// Adjectives of nationality that stand for one person only alone after "the" ("the
/// Italian said", not "the Italian government"): epithets, but no role nouns (see
/// `entities::demonym_epithet`).
const ADJECTIVE_DEMONYMS: &str = "
    italian german american brazilian australian canadian nigerian mexican russian ukrainian
    norwegian israeli iraqi iranian kenyan ghanaian indian pakistani belgian austrian colombian
    chilean egyptian
";

// Bits of `noun_lists`: the lists a lowercase word is on.
const BODY_ROLE: u8 = 1;
const PERSON_ROLE: u8 = 1 << 1;
const NOT_AGENT: u8 = 1 << 2;
const DEMONYM: u8 = 1 << 3;
const ROLE_MODIFIER: u8 = 1 << 4;

/// The words of a whitespace-separated list. (Lists are written as one string: a slice of
/// `&str` costs the Wasm eight bytes a word in pointers.)
fn words(list: &'static str) -> std::str::SplitAsciiWhitespace<'static> {
    // (Split by bytes: the lists are spaced with ASCII whitespace, and splitting them by
    // decoded chars was a tenth of the first call's setup.)
    list.split_ascii_whitespace()
}

/// Entries of `BODY_ROLE_NOUNS` that are two words.
const BODY_ROLE_PHRASES: &[&str] = &["white house"];

/// The word lists (`BODY_ROLE_NOUNS`, `PERSON_ROLE_NOUNS`, `DEMONYM_NOUNS`, `NOT_AGENTS`,
/// `ROLE_MODIFIERS`) a lowercase word is on, as bits: one table lookup where a string `match` over some 300 role nouns
/// compared them one length class at a time and the exceptions were scanned in order.
fn noun_lists(w: &str) -> u8 {
    static TABLE: OnceLock<crate::fxhash::WordBits> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let body: Vec<&'static str> = words(BODY_ROLE_NOUNS)
            .chain(BODY_ROLE_PHRASES.iter().copied())
            .collect();
        let person: Vec<&'static str> = words(PERSON_ROLE_NOUNS).collect();
        let demonyms: Vec<&'static str> = words(DEMONYM_NOUNS).collect();
        let adjective_demonyms: Vec<&'static str> = words(ADJECTIVE_DEMONYMS).collect();
        let not_agents: Vec<&'static str> = words(NOT_AGENTS).collect();
        let role_modifiers: Vec<&'static str> = words(ROLE_MODIFIERS).collect();
        crate::fxhash::word_bits(&[
            (&body[..], BODY_ROLE),
            (&person[..], PERSON_ROLE),
            (&demonyms[..], PERSON_ROLE | DEMONYM),
            (&adjective_demonyms[..], DEMONYM),
            (&not_agents[..], NOT_AGENT),
            (&role_modifiers[..], ROLE_MODIFIER),
        ])
    });
    table.get(w)
}

/// Adverbs that comment on a whole sentence, set off by commas: "She said, however, that
/// …".
pub fn is_sentence_adverb(word: &str) -> bool {
    in_class(word, SENTENCE_ADVERB)
}

/// Adverbs that comment on a whole sentence (`is_sentence_adverb`): "She said, however, …".
pub(crate) const SENTENCE_ADVERBS: &str = "
    however though moreover furthermore nevertheless nonetheless meanwhile again too
    also instead indeed therefore still
";

/// Lowercase words that modify a role before a name without being role nouns: "head
/// teacher", "deputy mayor", "press secretary", "health minister".
pub fn is_role_modifier(word: &str) -> bool {
    noun_lists(word) & ROLE_MODIFIER != 0
}

const ROLE_MODIFIERS: &str = "
    head deputy assistant senior junior local former acting interim vice foreign defence
    defense health home justice finance interior education transport shadow prime managing
    operating financial technology marketing information communications medical scientific
    political legal digital creative commercial
";

/// Whether a word is a noun of nationality for one person ("Spaniard", "Frenchman"), or an
/// age ("44-year-old"): the epithets by which news refers back to someone named before.
pub fn is_epithet_noun(word: &str) -> bool {
    let mut buf = LowerBuf::default();
    is_age_noun(word) || noun_lists(lower(word, &mut buf)) & DEMONYM != 0
}

/// Whether `w` (lowercase) is a listed role noun, and of a body.
fn role_noun_form(w: &str) -> Option<bool> {
    let lists = noun_lists(w);
    if lists & BODY_ROLE != 0 {
        Some(true)
    } else if lists & PERSON_ROLE != 0 {
        Some(false)
    } else {
        None
    }
}

/// Agent nouns name people: "the businessman", "a lobbyist", "one questioner", and their
/// plurals.
fn agent_noun(w: &str) -> bool {
    has_agent_suffix(w.as_bytes()) && noun_lists(w) & NOT_AGENT == 0
}

/// Whether `w` ends like an agent noun (`agent_noun`, exceptions aside).
fn has_agent_suffix(w: &[u8]) -> bool {
    // The suffixes -ist, -er, -or, -ant and -ent, each with or without a plural s.
    let agent_suffix = |w: &[u8]| {
        [&b"ist"[..], b"er", b"or", b"ant", b"ent"]
            .iter()
            .any(|s| w.ends_with(s))
    };
    // Chosen by the last letter, which rules out most words at once.
    w.len() >= 6
        && match w[w.len() - 1] {
            // (and so "-woman", "-women")
            b'n' => w.ends_with(b"man") || w.ends_with(b"men") || w.ends_with(b"person"),
            b's' => agent_suffix(&w[..w.len() - 1]),
            b't' | b'r' => agent_suffix(w),
            _ => false,
        }
}

/// Words with an agent-noun ending that do not name a person.
// In the list: Verbs in -ist: "the system that exists now".
const NOT_AGENTS: &str = "
    exists persists resists assists consists number numbers order orders water matter matters
    letter letters other others under after never ever paper corner border borders power powers
    answer answers center cancer quarter chapter error errors factor factors sector mirror major
    minor honor labor favor color floor door offer winter summer murder manner dinner finger
    danger theater shelter disaster register character computer monster thunder however whether
    together rather further either neither another cover silver weather member's content percent
    president's moment comment comments statement statements agreement government department
    development management movement payment treatment argument environment document documents
    event events incident accident content extent intent talent element segment investment
    employment announcement parliament tournament experiment settlement equipment requirement
    amendment judgment assignment engagement enforcement commitment impeachment achievement
    establishment entertainment restaurant restaurants important significant relevant different
    current recent percent instant constant distant brilliant giant vacant elegant abundant
    pleasant urgent silent violent patient ancient sufficient efficient consistent excellent
    frequent apparent transparent independent confident evident prominent permanent dominant
    reluctant wonder consider remember discover deliver enter gather suffer offer prefer
    transfer counter encounter filter shoulder powder ladder ginger hunger anger trigger matter
    chamber december november october september timber lumber sponsor behavior behaviour
    interior exterior superior inferior junior senior mayor's error's horror terror corridor
    motor meteor harbor neighbor's calendar popular similar regular particular nuclear clear
    unclear year years later earlier bigger larger smaller higher lower longer stronger greater
    better faster slower former latter proper super upper inner outer tower flower shower answer
    younger older elder tougher harder richer poorer cheaper closer deeper wider
    computer printer poster roster banner manner partner's cluster master minister's register
    sister's tender gender render surrender remainder reminder border disorder recorder ratio
    women's men's person's chairman's spokesman's human humans german germans roman woman's
";

/// Capitalised words that start sentences or headlines without being names.
pub fn is_capitalized_function_word(word: &str) -> bool {
    // ("On the morning of Feb. 28 Trump jumped …")
    name_lists(word) & FUNCTION_WORD != 0 || is_month_abbreviation(word)
}

/// Capitalised words that start sentences or headlines without being names.
// In the list: Pronouns of quantity name no one: "Few would argue", "Nobody asked" ("Someone"
// and "Everyone" may be a source). Sentence adverbs: "Sometimes the “weather” inside this
// simulation …". Counts in words and spans of time: "Eight years ago, he …", "Years later, …". French ones that open sentences and never start a name. Participles used as
// prepositions: "Following Monday’s debate, …".
const CAPITALIZED_FUNCTION_WORDS: &str = "
    Few Nobody Anyone Anybody None Nothing Sometimes Often Moreover Furthermore Otherwise
    Nevertheless Afterward Afterwards Soon Thus Hence Together Elsewhere Selon Pour Lire Voir
    Dans Mais Après Avant Depuis Pendant Cette Ces Nous Vous Une Des Les Ainsi Alors Enfin Aussi
    Lors Face Interrogé Interrogée The A An And But Or Nor So Yet For If When While After Before
    Since As At In On Of To By With From Into Over Under About This That These Those It Its He
    She They We I You His Her Their Our My Your There Here What Who Why How Where Which Not No
    Yes All Some Many Most One Two Three Also Still Even Just Only Now Then Today Yesterday
    Tomorrow Last Next Meanwhile However Although Though Because Despite During Following
    Including Regarding Concerning Until Unless Whether Asked According Speaking Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Mr Mrs Ms Dr Do Does Did Is Are Was Were Will Would Can
    Could Should Let Every Each Such Both Either Neither Another Other More Less Much Very Well
    Oh OK Please Thank Thanks Like Instead Then, Later Earlier Already Again Never Always
    Perhaps Maybe Indeed Still, Among Against Without Within Between Through Throughout Across
    Along Around Behind Beyond Upon Once Twice First Second Third Finally Overall Sources
    Officials Critics Experts Analysts Photo Read Watch Click Follow Share See Updated Posted
    Outside Inside Amid Toward Towards Unlike Beneath Besides Except Enter Quoting Citing
    Responding Echoing Referring Addressing Given Four Five Six Seven Eight Nine Ten Eleven Twelve
    Twenty Thirty Forty Fifty Dozens Hundreds Thousands Millions Shares Stocks Years Months Weeks Days Decades Hours Minutes Moments
";

// Bits of `name_lists`: the lists of capitalised words a word is on.
const FUNCTION_WORD: u8 = 1;
const MALE_TITLE: u8 = 1 << 1;
const FEMALE_TITLE: u8 = 1 << 2;
const OTHER_TITLE: u8 = 1 << 3;
const ORG_WORD: u8 = 1 << 4;

/// The lists of capitalised words (`CAPITALIZED_FUNCTION_WORDS`, the titles, `ORG_WORDS`)
/// a word is on, as bits: one table lookup, which rules out most words by their shape,
/// where a `match` over hundreds of strings compared them a length class at a time.
fn name_lists(w: &str) -> u8 {
    static TABLE: OnceLock<crate::fxhash::WordBits> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let function_words: Vec<&'static str> = words(CAPITALIZED_FUNCTION_WORDS).collect();
        let other_titles: Vec<&'static str> = words(OTHER_TITLES).collect();
        let org_words: Vec<&'static str> = words(ORG_WORDS).collect();
        crate::fxhash::word_bits(&[
            (&function_words[..], FUNCTION_WORD),
            (MALE_TITLES, MALE_TITLE),
            (FEMALE_TITLES, FEMALE_TITLE),
            (&other_titles[..], OTHER_TITLE),
            (&org_words[..], ORG_WORD),
        ])
    });
    table.get(w)
}

/// First names whose bearers are overwhelmingly of one gender (a small list of common
/// English-language and news-frequent names), used only when no honorific or pronoun
/// evidence exists.
pub fn first_name_gender(word: &str) -> Gender {
    const MALE: &str = "
        Aaron Adam Alan Albert Alex Alexander Alexei Andrew Andrzej Angus Anthony Antonio Arthur
        Austin Barack Ben Benjamin Bernie Bill Bob Boris Brad Brian Bruce Carl Carlos Charles
        Chris Christopher Chuck Colin Dan Daniel Dave David Dennis Dick Dmitry Don Donald Doug
        Douglas Ed Edward Emmanuel Eric Frank Fred Gary George Gordon Greg Harry Henry Ian Ivan
        Jack Jacob Jake James Jason Jean Jeb Jeff Jeffrey Jeremy Jerry Jim Joe John Jon Jonathan
        Jose Joseph Josh Juan Justin Keir Keith Ken Kevin Larry Lindsey Luis Marco Mark Martin
        Matt Matthew Michael Mike Mitch Mohammed Muhammad Narendra Neil Nick Nicholas Nigel Olaf
        Paul Pete Peter Phil Philip Rahm Ralph Rand Recep Reince Richard Rick Rob Robert Roger
        Ron Ronald Rudy Ryan Sam Samuel Scott Sean Sergei Sergey Simon Stephen Steve Steven Ted
        Thomas Tim Timothy Todd Tom Tony Vladimir Volodymyr Walter Wayne William Xi Yuri Zach
        Benjamin Emmanuel Rishi Justin Jens Ali Ahmed Omar Hassan Abdullah Mahmoud Bashar Viktor
        Recep Andrés Jair Luiz Friedrich Giorgio Mario Matteo Pedro Pablo Kim Shinzo Fumio
        Yoshihide Moon Hugh Rex Jared Corey Kellyanne Newt Marc Abdul Adrian Aidan Alasdair
        Alastair Alberto Aleksander Alfie Alfred Alistair Amir Andre Andy Angelo Anton Archie
        Bernardo Bertrand Bobby Brendan Brett Callum Calvin Cedric Christian Claude Clive Colm
        Connor Conor Cyril Damian Damien Darren Declan Derek Desmond Diego Dominic Duncan Eamon
        Eamonn Eddie Edmund Eduardo Elijah Enrique Ethan Eugene Ewan Fabian Felipe Felix Fergus
        Fernando Finn Franco François Franz Freddie Gareth Gavin Geoffrey Gerard Gerhard
        Giovanni Gregory Guillaume Gustavo Hamish Harold Heinrich Henri Hiroshi Hugo Iain Igor
        Isaac Jamal Javier Jerome Jesse Jorge José Josef Joshua Julien Jürgen Karl Kenneth
        Kieran Klaus Kurt Lars Leo Liam Lorenzo Luca Luigi Luke Malcolm Manuel Marcus Maurice
        Mehmet Miguel Nathan Niklas Noah Oscar Pierre Rafael Ramon Raphael Raymond Reginald
        Ricardo Roberto Rodrigo Roland Rory Seán Sebastian Sergio Shane Stefan Sven Terence
        Tobias Trevor Tristan Victor Vincent Wilfred Wolfgang Xavier Yusuf Zachary Nnamdi
        Chinedu Kwame Kofi Takeshi Rahul Arjun Vikram Oliver Spencer Hunter Tyler Carter Parker
        Homer Luther Chester
    ";
    const FEMALE: &str = "
        Alice Amy Angela Ann Anna Anne Barbara Betsy Betty Carly Carol Caroline Catherine
        Chelsea Christine Claire Condoleezza Dana Debbie Deborah Diana Diane Donna Elizabeth
        Ellen Emily Emma Giorgia Hillary Helen Ivanka Jane Janet Jennifer Jessica Jill Joan
        Julia Julie Karen Kate Katherine Kathleen Kamala Laura Lisa Liz Madeleine Margaret Maria
        Marie Marine Mary Megan Melania Michelle Nancy Nicola Nikki Olivia Pamela Patricia
        Rachel Rebecca Rosa Ruth Sally Sara Sarah Sharon Sophie Susan Suzanne Theresa Ursula
        Victoria Yulia Kellyanne Hope Huma Debbie Elise Kirsten Tammy Maxine Nina Natalia Olena
        Jacinda Sanna Kristalina Christine Janet Gina Kristi Sarah Marsha Lindsay Heidi Amanda
        Abigail Ada Adriana Agnes Aisha Alexandra Alicia Alison Allison Alyssa Amelia Amélie Ana
        Andrea Angelina Anita Annabel Annette Annie Antonia Ashley Astrid Audrey Ava Beatrice
        Belinda Bella Beth Bethany Bianca Brenda Bridget Brigitte Brittany Camilla Carla Carmen
        Carolyn Cassandra Catalina Cecilia Cheryl Chloe Cindy Clara Claudia Colleen Connie
        Cristina Crystal Cynthia Daisy Danielle Daphne Deirdre Denise Dolores Doris Dorothy
        Edith Eileen Elaine Eleanor Elena Eliza Ella Ellie Eloise Elsa Emilia Erica Erin Esther
        Eva Evelyn Fatima Fiona Frances Francesca Freya Gabriela Gabrielle Gemma Geraldine
        Gillian Gloria Greta Gretchen Hannah Harriet Heather Helena Hélène Ines Inès Ingrid
        Irene Isabel Isabella Isabelle Jacqueline Jasmine Jeanne Jenny Joanna Joanne Jocelyn
        Josephine Judith Judy Juliet Justine Karin Katarina Kathryn Katie Kimberly Kristen Lara
        Leah Leila Lena Lily Linda Lois Lorraine Lucia Lucy Lydia Mabel Maggie Mandy Marcia
        Margot Marianne Marilyn Marisa Marta Martha Martina Matilda Maureen Maya Melanie Melissa
        Mia Michaela Miriam Molly Monica Monique Muriel Nadia Naomi Natalie Natasha Nathalie
        Nicole Nora Norah Olga Paula Pauline Penelope Phoebe Phyllis Polly Priya Priscilla
        Rachael Renee Rita Roberta Rosalind Rosemary Roxanne Sabrina Samantha Sandra Saoirse
        Sheila Shirley Silvia Simone Siobhan Sofia Sonia Sophia Stephanie Svetlana Sylvia Tamara
        Tanya Tara Teresa Tina Valerie Vanessa Vera Veronica Wendy Yasmin Yvonne Zoe Zoë Zara
        Agnieszka Ewa Magdalena Anja Annika Birgit Ulrike Sabine Petra Heike Giulia Chiara Elisa
        Lucía Pilar Beatriz Mariana Fernanda Yuki Mei Aiko Ngozi Amina Chioma Funmi Leticia
    ";
    // A name on both lists is female, as it always was; looked up in a table built once.
    const MALE_NAME: u8 = 1;
    const FEMALE_NAME: u8 = 1 << 1;
    static GENDERS: OnceLock<crate::fxhash::WordBits> = OnceLock::new();
    let genders = GENDERS.get_or_init(|| {
        let male: Vec<&'static str> = words(MALE).collect();
        let female: Vec<&'static str> = words(FEMALE).collect();
        crate::fxhash::word_bits(&[(&male[..], MALE_NAME), (&female[..], FEMALE_NAME)])
    });
    let lists = genders.get(word.trim_end_matches('.'));
    if lists & FEMALE_NAME != 0 {
        Gender::Female
    } else if lists & MALE_NAME != 0 {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

// Word classes: the lists a rule tests a word against, each one whitespace-separated
// string kept next to the rule that reads it (what the class means is said there), and
// one table here for all of them. A `matches!` over string literals compiles to code
// comparing every word in turn (about 25 bytes of Wasm a word); a list costs its letters,
// and one lookup answers for every list. The lists are read where calls are few (a
// candidate, not every token): a lookup costs more instructions than a short `match`.
// A class is the number of its bit among a word's bits (a number, not a mask: the table
// below then costs 12 bytes of Wasm data a list, not 32).
// CLASSES BEGIN
pub(crate) const INVERTING_CUE: u8 = 0;
pub(crate) const QUESTION_CUE: u8 = 1;
pub(crate) const ING_NOUN: u8 = 2;
pub(crate) const CLAUSE_CUE: u8 = 3;
pub(crate) const IRREGULAR_PAST: u8 = 4;
pub(crate) const CLOSES_P: u8 = 5;
pub(crate) const SKIPPED_ELEMENT: u8 = 6;
pub(crate) const BLOCK_ELEMENT: u8 = 7;
pub(crate) const INSCRIPTION: u8 = 8;
pub(crate) const TITLE_LEAD: u8 = 9;
pub(crate) const TITLE_FUNCTION_WORD: u8 = 10;
pub(crate) const NOT_THING_NOUN: u8 = 11;
pub(crate) const PART_OF_WORK: u8 = 12;
pub(crate) const ADVERBIAL_CONJUNCTION: u8 = 13;
pub(crate) const CONJUNCTION_AFTER: u8 = 14;
pub(crate) const NOT_INVERTED_SUBJECT: u8 = 15;
pub(crate) const POST_MODIFIER_VERB: u8 = 16;
pub(crate) const TITLE_MODIFIER: u8 = 17;
pub(crate) const AGREEING_AUXILIARY: u8 = 18;
pub(crate) const FRENCH_DETERMINER: u8 = 19;
pub(crate) const CONTRACTION_BASE: u8 = 20;
pub(crate) const CLAIM_ABBREVIATION: u8 = 21;
pub(crate) const BODY_HEAD: u8 = 22;
pub(crate) const LEGAL_SUFFIX: u8 = 23;
pub(crate) const WORKPLACE_ROLE: u8 = 24;
pub(crate) const KIN_NOUN: u8 = 25;
pub(crate) const SPOKESPERSON: u8 = 26;
pub(crate) const NUMBER_WORD: u8 = 27;
pub(crate) const MODAL_OR_DO: u8 = 28;
pub(crate) const HEADLINE_AUXILIARY: u8 = 29;
pub(crate) const FRONTED_PREPOSITION: u8 = 30;
pub(crate) const APPOSITION_PREPOSITION: u8 = 31;
pub(crate) const RELATIONAL_NOUN: u8 = 32;
pub(crate) const PLAIN_ENTITY: u8 = 33;
pub(crate) const SCOPE_BOUNDARY: u8 = 34;
pub(crate) const VOID_ELEMENT: u8 = 35;
pub(crate) const RAW_TEXT_ELEMENT: u8 = 36;
pub(crate) const SENTENCE_ADVERB: u8 = 37;
pub(crate) const TIME_NOUN: u8 = 38;
pub(crate) const ISSUING_VERB: u8 = 39;
pub(crate) const WRITING_NOUN: u8 = 40;
pub(crate) const FRENCH_AUXILIARY: u8 = 41;
pub(crate) const NESTED_CLAUSE_OPENER: u8 = 42;
pub(crate) const SUBJECT_FILLER: u8 = 43;
pub(crate) const NOTE_LABEL: u8 = 44;
pub(crate) const ADVERBIAL_OPENER: u8 = 45;
pub(crate) const CLAUSE_LINK: u8 = 46;
pub(crate) const AUXILIARY_AFTER: u8 = 47;
pub(crate) const NOT_CONTENT_OPENER: u8 = 48;
pub(crate) const INVESTIGATOR: u8 = 49;
pub(crate) const NOUN_OF_SAYING: u8 = 50;
pub(crate) const MEDIUM_NOUN: u8 = 51;
pub(crate) const AUXILIARY_NEXT: u8 = 52;
pub(crate) const CLAUSE_CLOSER: u8 = 53;
pub(crate) const VERB_AFTER: u8 = 54;
pub(crate) const MODIFIER_OPENER: u8 = 55;
pub(crate) const CLAUSE_START: u8 = 56;
pub(crate) const SUBORDINATOR: u8 = 57;
pub(crate) const FRONTED_CLAUSE_OPENER: u8 = 58;
pub(crate) const AGE_NOUN_FOLLOWER: u8 = 59;
pub(crate) const ADJUNCT_START: u8 = 60;
pub(crate) const DETERMINER_BEFORE: u8 = 61;
pub(crate) const PLACE_LEAD: u8 = 62;
pub(crate) const PREPOSITION_OF_TOPIC: u8 = 63;
pub(crate) const VERB_FILLER: u8 = 64;
pub(crate) const ADVERBIAL_PREPOSITION: u8 = 65;
pub(crate) const PARTY_WORD: u8 = 66;
pub(crate) const LEGAL_SUFFIX_LOWER: u8 = 67;
pub(crate) const PHOTO_AGENCY: u8 = 68;
pub(crate) const GROUP_ADJECTIVE: u8 = 69;
pub(crate) const CONDITIONAL_ELEMENT: u8 = 70;
pub(crate) const WHOLE_ELEMENT: u8 = 71;
pub(crate) const TABLE_PART: u8 = 72;
pub(crate) const DOCUMENT_NOUN: u8 = 73;
pub(crate) const TOPIC_PREPOSITION: u8 = 74;
pub(crate) const TOLD_PARTICIPLE: u8 = 75;
pub(crate) const TIME_ADVERB: u8 = 76;
pub(crate) const POST_MODIFIER_OPENER: u8 = 77;
pub(crate) const BE_FORM: u8 = 78;
pub(crate) const QUESTION_WORD: u8 = 79;
pub(crate) const DESCRIBING_CUE: u8 = 80;
pub(crate) const NAME_PREPOSITION: u8 = 81;
pub(crate) const NAMING_CUE: u8 = 82;
pub(crate) const TIME_UNIT: u8 = 83;
pub(crate) const REPORTING_PAST: u8 = 84;
pub(crate) const TOPIC_OPENER: u8 = 85;
pub(crate) const LINK_VERB: u8 = 86;
pub(crate) const NEW_SUBJECT: u8 = 87;
pub(crate) const AUXILIARY_OF_SUBJECT: u8 = 88;
pub(crate) const FINITE_AUXILIARY_THAT: u8 = 89;
pub(crate) const PASSIVE_PARTICIPLE: u8 = 90;
pub(crate) const PAST_OF_SAYING: u8 = 91;
pub(crate) const DESCRIPTOR_PREPOSITION: u8 = 92;
pub(crate) const AUXILIARY_OR_PREPOSITION: u8 = 93;
pub(crate) const NUMERAL_DETERMINER: u8 = 94;
pub(crate) const DOCUMENT_PARTICIPLE: u8 = 95;
pub(crate) const SOURCE_PREPOSITION: u8 = 96;
pub(crate) const APPOSITIVE_ADVERB: u8 = 97;
pub(crate) const BOILERPLATE_ELEMENT: u8 = 98;
pub(crate) const CONTAINER_ELEMENT: u8 = 99;
pub(crate) const HEADING: u8 = 100;
pub(crate) const CAPITAL_PRONOUN: u8 = 101;
pub(crate) const PRONOUN_SUBJECT: u8 = 102;
pub(crate) const BEFORE_ADVERB_YET: u8 = 103;
pub(crate) const NOUN_PHRASE_OPENER: u8 = 104;

const CLASS_LISTS: &[(&str, u8)] = &[
    (crate::attribute::INVERTING_CUES, INVERTING_CUE),
    (crate::reported::QUESTION_CUES, QUESTION_CUE),
    (crate::reported::ING_NOUNS, ING_NOUN),
    (crate::reported::CLAUSE_CUES, CLAUSE_CUE),
    (IRREGULAR_PASTS, IRREGULAR_PAST),
    (crate::html::CLOSING_P, CLOSES_P),
    (crate::html::SKIPPED_ELEMENTS, SKIPPED_ELEMENT),
    (crate::html::BLOCK_ELEMENTS, BLOCK_ELEMENT),
    (crate::attribute::INSCRIPTIONS, INSCRIPTION),
    (crate::attribute::TITLE_LEADS, TITLE_LEAD),
    (crate::attribute::TITLE_FUNCTION_WORDS, TITLE_FUNCTION_WORD),
    (crate::attribute::NOT_THING_NOUNS, NOT_THING_NOUN),
    (crate::attribute::PARTS_OF_WORK, PART_OF_WORK),
    (
        crate::attribute::ADVERBIAL_CONJUNCTIONS,
        ADVERBIAL_CONJUNCTION,
    ),
    (crate::attribute::CONJUNCTIONS_AFTER, CONJUNCTION_AFTER),
    (
        crate::attribute::NOT_INVERTED_SUBJECTS,
        NOT_INVERTED_SUBJECT,
    ),
    (crate::attribute::POST_MODIFIER_VERBS, POST_MODIFIER_VERB),
    (crate::attribute::TITLE_MODIFIERS, TITLE_MODIFIER),
    (crate::attribute::AGREEING_AUXILIARIES, AGREEING_AUXILIARY),
    (crate::attribute::FRENCH_DETERMINERS, FRENCH_DETERMINER),
    (crate::attribute::CONTRACTION_BASES, CONTRACTION_BASE),
    (crate::claims::CLAIM_ABBREVIATIONS, CLAIM_ABBREVIATION),
    (crate::entities::BODY_HEADS, BODY_HEAD),
    (crate::entities::LEGAL_SUFFIXES, LEGAL_SUFFIX),
    (crate::entities::WORKPLACE_ROLES, WORKPLACE_ROLE),
    (crate::entities::KIN_NOUNS, KIN_NOUN),
    (crate::entities::SPOKESPERSONS, SPOKESPERSON),
    (crate::entities::NUMBER_WORDS, NUMBER_WORD),
    (crate::entities::MODALS_OR_DO, MODAL_OR_DO),
    (crate::entities::HEADLINE_AUXILIARIES, HEADLINE_AUXILIARY),
    (crate::entities::FRONTED_PREPOSITIONS, FRONTED_PREPOSITION),
    (
        crate::entities::APPOSITION_PREPOSITIONS,
        APPOSITION_PREPOSITION,
    ),
    (crate::entities::RELATIONAL_NOUNS, RELATIONAL_NOUN),
    (crate::html::PLAIN_ENTITIES, PLAIN_ENTITY),
    (crate::html::SCOPE_BOUNDARIES, SCOPE_BOUNDARY),
    (crate::html::VOID_ELEMENTS, VOID_ELEMENT),
    (crate::html::RAW_TEXT_ELEMENTS, RAW_TEXT_ELEMENT),
    (SENTENCE_ADVERBS, SENTENCE_ADVERB),
    (TIME_NOUNS, TIME_NOUN),
    (ISSUING_VERBS, ISSUING_VERB),
    (WRITING_NOUNS, WRITING_NOUN),
    (FRENCH_AUXILIARIES, FRENCH_AUXILIARY),
    (crate::nested::NESTED_CLAUSE_OPENERS, NESTED_CLAUSE_OPENER),
    (crate::nested::SUBJECT_FILLERS, SUBJECT_FILLER),
    (crate::reported::NOTE_LABELS, NOTE_LABEL),
    (crate::reported::ADVERBIAL_OPENERS, ADVERBIAL_OPENER),
    (crate::reported::CLAUSE_LINKS, CLAUSE_LINK),
    (crate::reported::AUXILIARIES_AFTER, AUXILIARY_AFTER),
    (crate::reported::NOT_CONTENT_OPENERS, NOT_CONTENT_OPENER),
    (crate::reported::INVESTIGATORS, INVESTIGATOR),
    (crate::reported::NOUNS_OF_SAYING, NOUN_OF_SAYING),
    (crate::reported::MEDIUM_NOUNS, MEDIUM_NOUN),
    (crate::reported::AUXILIARIES_NEXT, AUXILIARY_NEXT),
    (crate::reported::CLAUSE_CLOSERS, CLAUSE_CLOSER),
    (crate::reported::VERBS_AFTER, VERB_AFTER),
    (crate::reported::MODIFIER_OPENERS, MODIFIER_OPENER),
    (crate::reported::CLAUSE_STARTS, CLAUSE_START),
    (crate::reported::SUBORDINATORS, SUBORDINATOR),
    (
        crate::reported::FRONTED_CLAUSE_OPENERS,
        FRONTED_CLAUSE_OPENER,
    ),
    (crate::text::AGE_NOUN_FOLLOWERS, AGE_NOUN_FOLLOWER),
    (crate::text::ADJUNCT_STARTS, ADJUNCT_START),
    (crate::attribute::DETERMINERS_BEFORE, DETERMINER_BEFORE),
    (crate::attribute::PLACE_LEADS, PLACE_LEAD),
    (
        crate::attribute::PREPOSITIONS_OF_TOPIC,
        PREPOSITION_OF_TOPIC,
    ),
    (crate::attribute::VERB_FILLERS, VERB_FILLER),
    (crate::claims::ADVERBIAL_PREPOSITIONS, ADVERBIAL_PREPOSITION),
    (crate::entities::PARTY_WORDS, PARTY_WORD),
    (crate::entities::LEGAL_SUFFIXES_LOWER, LEGAL_SUFFIX_LOWER),
    (crate::entities::PHOTO_AGENCIES, PHOTO_AGENCY),
    (crate::entities::GROUP_ADJECTIVES, GROUP_ADJECTIVE),
    (crate::extract::CONDITIONAL_ELEMENTS, CONDITIONAL_ELEMENT),
    (crate::extract::WHOLE_ELEMENTS, WHOLE_ELEMENT),
    (crate::html::TABLE_PARTS, TABLE_PART),
    (DOCUMENT_NOUNS, DOCUMENT_NOUN),
    (crate::reported::TOPIC_PREPOSITIONS, TOPIC_PREPOSITION),
    (crate::reported::TOLD_PARTICIPLES, TOLD_PARTICIPLE),
    (crate::reported::TIME_ADVERBS, TIME_ADVERB),
    (crate::reported::POST_MODIFIER_OPENERS, POST_MODIFIER_OPENER),
    (crate::reported::BE_FORMS, BE_FORM),
    (crate::reported::QUESTION_WORDS, QUESTION_WORD),
    (crate::reported::DESCRIBING_CUES, DESCRIBING_CUE),
    (crate::reported::NAME_PREPOSITIONS, NAME_PREPOSITION),
    (crate::reported::NAMING_CUES, NAMING_CUE),
    (crate::reported::TIME_UNITS, TIME_UNIT),
    (crate::reported::REPORTING_PASTS, REPORTING_PAST),
    (crate::reported::TOPIC_OPENERS, TOPIC_OPENER),
    (crate::reported::LINK_VERBS, LINK_VERB),
    (crate::reported::NEW_SUBJECTS, NEW_SUBJECT),
    (
        crate::reported::AUXILIARIES_OF_SUBJECT,
        AUXILIARY_OF_SUBJECT,
    ),
    (
        crate::reported::FINITE_AUXILIARIES_THAT,
        FINITE_AUXILIARY_THAT,
    ),
    (crate::attribute::PASSIVE_PARTICIPLES, PASSIVE_PARTICIPLE),
    (crate::attribute::PASTS_OF_SAYING, PAST_OF_SAYING),
    (
        crate::entities::DESCRIPTOR_PREPOSITIONS,
        DESCRIPTOR_PREPOSITION,
    ),
    (
        crate::entities::AUXILIARIES_OR_PREPOSITIONS,
        AUXILIARY_OR_PREPOSITION,
    ),
    (crate::entities::NUMERAL_DETERMINERS, NUMERAL_DETERMINER),
    (crate::entities::DOCUMENT_PARTICIPLES, DOCUMENT_PARTICIPLE),
    (crate::entities::SOURCE_PREPOSITIONS, SOURCE_PREPOSITION),
    (crate::entities::APPOSITIVE_ADVERBS, APPOSITIVE_ADVERB),
    (crate::extract::BOILERPLATE_ELEMENTS, BOILERPLATE_ELEMENT),
    (crate::extract::CONTAINER_ELEMENTS, CONTAINER_ELEMENT),
    (crate::html::HEADINGS, HEADING),
    (crate::nested::CAPITAL_PRONOUNS, CAPITAL_PRONOUN),
    (crate::reported::PRONOUN_SUBJECTS, PRONOUN_SUBJECT),
    (crate::reported::BEFORE_ADVERB_YET_WORDS, BEFORE_ADVERB_YET),
    (crate::reported::NOUN_PHRASE_OPENERS, NOUN_PHRASE_OPENER),
];
// CLASSES END

/// Whether `word`, exactly as written (a list holds the case it matches), is on the list
/// of `class` (one of the word classes above: the number of its bit).
// Inlined natively, where the rules call it most; one function in the Wasm, where each
// inlined copy would cost more bytes than the list it replaced.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn in_class(word: &str, class: u8) -> bool {
    static TABLE: OnceLock<crate::fxhash::ShortWords> = OnceLock::new();
    TABLE
        .get_or_init(|| crate::fxhash::ShortWords::of(CLASS_LISTS))
        .get(word)
        >> class
        & 1
        != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of a class's list is in its class, and only as written; a few rows per
    /// class through the rules that read them.
    #[test]
    fn word_classes() {
        assert!(crate::fxhash::ShortWords::of(CLASS_LISTS).is_sparse());
        for &(list, class) in CLASS_LISTS {
            for w in words(list) {
                assert!(in_class(w, class), "{w}");
            }
        }
        for (w, class, is) in [
            ("say", INVERTING_CUE, true),
            ("Say", INVERTING_CUE, false),
            ("believe", INVERTING_CUE, false),
            ("believe", CLAUSE_CUE, true),
            ("wonder", QUESTION_CUE, true),
            ("during", ING_NOUN, true),
            ("saying", ING_NOUN, false),
            ("li", BLOCK_ELEMENT, true),
            ("span", BLOCK_ELEMENT, false),
            ("li", CLOSES_P, true),
            ("body", CLOSES_P, false),
            ("script", SKIPPED_ELEMENT, true),
            ("br", VOID_ELEMENT, true),
            ("nbsp", PLAIN_ENTITY, true),
            ("spokeswoman", SPOKESPERSON, true),
            ("statement", SPOKESPERSON, true),
            ("Spokeswoman", SPOKESPERSON, false),
            ("UPDATE", NOTE_LABEL, true),
            ("Update", NOTE_LABEL, false),
            ("Is", HEADLINE_AUXILIARY, true),
            ("is", HEADLINE_AUXILIARY, false),
            ("twenty", NUMBER_WORD, true),
            ("granddaughter", KIN_NOUN, true),
            ("Inc", LEGAL_SUFFIX, true),
            ("but", NOT_CONTENT_OPENER, true),
            ("that", NOT_CONTENT_OPENER, false),
            ("s’est", FRENCH_AUXILIARY, true),
            ("T-shirt", INSCRIPTION, true),
            ("reportedly", VERB_FILLER, true),
            ("on,", VERB_FILLER, true),
            ("said", VERB_FILLER, false),
            ("Labour", GROUP_ADJECTIVE, true),
            ("tbody", TABLE_PART, true),
            ("Told", TOLD_PARTICIPLE, true),
            ("told", TOLD_PARTICIPLE, false),
            ("’s", BE_FORM, true),
            ("a", FRENCH_AUXILIARY, true),
            ("representatives", SPOKESPERSON, true),
            ("h6", HEADING, true),
            ("h7", HEADING, false),
            ("footer", BOILERPLATE_ELEMENT, true),
            ("released", DOCUMENT_PARTICIPLE, true),
            ("now", APPOSITIVE_ADVERB, true),
            ("n't", BEFORE_ADVERB_YET, true),
        ] {
            assert_eq!(in_class(w, class), is, "{w}");
        }
        for (w, is) in [
            ("took", true),
            ("were", true),
            ("taken", false),
            ("Took", false),
        ] {
            assert_eq!(is_irregular_past(w), is, "{w}");
        }
        for (w, is) in [("tweets", true), ("memo", true), ("speech", false)] {
            assert_eq!(is_writing_noun(w), is, "{w}");
        }
        for (w, is) in [("penned", true), ("said", false)] {
            assert_eq!(is_issuing_verb(w), is, "{w}");
        }
        for (w, is) in [("audit", true), ("audits", false)] {
            assert_eq!(is_document_noun(w), is, "{w}");
        }
        for (w, is) in [("weekend", true), ("Monday", false)] {
            assert_eq!(is_time_noun(w), is, "{w}");
        }
        for (w, is) in [("however", true), ("However", false)] {
            assert_eq!(is_sentence_adverb(w), is, "{w}");
        }
    }

    #[test]
    fn cue_verbs_in_every_inflection() {
        // (word, lemma, class)
        let rows: &[(&str, Option<(&str, CueClass)>)] = &[
            ("said", Some(("say", CueClass::Speech))),
            ("Says", Some(("say", CueClass::Speech))),
            ("told", Some(("tell", CueClass::Speech))),
            ("insisted", Some(("insist", CueClass::Speech))),
            ("argues", Some(("argue", CueClass::Speech))),
            ("arguing", Some(("argue", CueClass::Speech))),
            ("denied", Some(("deny", CueClass::Denial))),
            ("denies", Some(("deny", CueClass::Denial))),
            ("admitted", Some(("admit", CueClass::Speech))),
            ("believes", Some(("believe", CueClass::Belief))),
            ("table", None),
            ("sailed", None),
        ];
        for &(word, want) in rows {
            let got = cue_verb(word).map(|c| (c.lemma, c.class));
            assert_eq!(got, want, "{word}");
        }
    }

    #[test]
    fn regular_inflections() {
        let rows: &[(&str, [&str; 3])] = &[
            ("claim", ["claims", "claimed", "claiming"]),
            ("argue", ["argues", "argued", "arguing"]),
            ("deny", ["denies", "denied", "denying"]),
            ("stress", ["stresses", "stressed", "stressing"]),
            ("agree", ["agrees", "agreed", "agreeing"]),
            ("dub", ["dubs", "dubbed", "dubbing"]),
            ("snap", ["snaps", "snapped", "snapping"]),
            ("plan", ["plans", "planned", "planning"]),
            ("vow", ["vows", "vowed", "vowing"]),
            ("scoff", ["scoffs", "scoffed", "scoffing"]),
            ("wonder", ["wonders", "wondered", "wondering"]),
        ];
        for &(lemma, want) in rows {
            assert_eq!(regular_forms(lemma), want.map(String::from), "{lemma}");
        }
    }

    #[test]
    fn ages_as_nouns() {
        let rows: &[(&str, bool)] = &[
            ("46-year-old", true),
            ("17-Year-Olds", true),
            ("5-year-old", true),
            ("year-old", false),
            ("46-year", false),
            ("1990s", false),
            ("46-year-old-man", false),
        ];
        for &(word, want) in rows {
            assert_eq!(is_age_noun(word), want, "{word}");
        }
        assert_eq!(role_noun("46-year-old"), Some(false));
    }

    #[test]
    fn agent_nouns() {
        let rows: &[(&str, bool)] = &[
            ("businessman", true),
            ("businessmen", true),
            ("chairwoman", true),
            ("salesperson", true),
            ("lobbyist", true),
            ("lobbyists", true),
            ("questioner", true),
            ("questioners", true),
            ("investor", true),
            ("servants", true),
            ("resident", true),
            ("numbers", false),
            ("document", false),
            ("lobby", false),
            ("person", true),
            ("persons", false),
            ("woman", false),
            ("mentor", true),
            ("fierce", false),
            ("exists", false),
            ("persists", false),
            ("scientists", true),
            // Comparatives: "the younger Koval".
            ("younger", false),
            ("elder", false),
        ];
        for &(word, want) in rows {
            assert_eq!(agent_noun(word), want, "{word}");
        }
    }

    #[test]
    fn listed_words_answer_as_the_rules() {
        // (word, cue verb lemma, role noun)
        let rows: &[(&str, Option<&str>, Option<bool>)] = &[
            ("said", Some("say"), None),
            ("Reports", Some("report"), None),
            ("officials", None, Some(false)),
            ("Officials", None, Some(false)),
            ("official's", None, Some(false)),
            ("spokesman's", None, Some(false)),
            ("authorities", None, Some(true)),
            ("agency's", None, Some(true)),
            ("numbers", None, None),
            ("member's", None, Some(false)),
            ("lobbyists", None, Some(false)),
            ("Trump's", None, None),
            ("46-year-old", None, Some(false)),
            ("17-Year-Olds's", None, Some(false)),
            ("writer’s", None, Some(false)),
            ("Président", None, Some(false)),
            ("directeur", None, None),
            ("soft\u{ad}ware", None, None),
            ("😀", None, None),
            ("", None, None),
        ];
        let mut buf = LowerBuf::for_many();
        for &(word, lemma, role) in rows {
            let (cue, got_role) = cue_verb_and_role_noun(word, &mut buf);
            assert_eq!((cue.map(|c| c.lemma), got_role), (lemma, role), "{word}");
        }
        // Every listed word, and its neighbours, as the rules have it.
        let listed = listed_words();
        assert!(listed.entries.len() <= listed.slots.len() / 4);
        let listed: Vec<&str> = (listed.entries.iter())
            .map(|e| &listed.words[e.start as usize..e.end as usize])
            .collect();
        for &w in &listed {
            let capitalised = w[..1].to_uppercase() + &w[1..];
            for word in [
                w,
                &w[..w.len() - 1],
                &format!("{w}s"),
                &format!("{w}'s"),
                &format!("{w}’s"),
                &capitalised,
            ] {
                let rules = cue_verb_and_role_noun_of_lower(lower(word, &mut LowerBuf::default()));
                assert_eq!(cue_verb_and_role_noun(word, &mut buf), rules, "{word}");
                assert_eq!(rules, (cue_verb(word), role_noun(word)), "{word}");
            }
        }
    }

    #[test]
    fn capitalized_function_words() {
        let rows: &[(&str, bool)] = &[
            ("The", true),
            ("Sometimes", true),
            ("Après", true),
            ("Feb", true),
            ("Sept", true),
            ("Posted", true),
            ("the", false),
            ("Trump", false),
            ("Mr.", false),
            ("", false),
        ];
        for &(word, want) in rows {
            assert_eq!(is_capitalized_function_word(word), want, "{word}");
        }
    }

    #[test]
    fn names_and_titles() {
        assert_eq!(title("Mr."), Some(Gender::Male));
        assert_eq!(title("Ms"), Some(Gender::Female));
        assert_eq!(title("President"), Some(Gender::Unknown));
        assert_eq!(title("Putin"), None);
        assert_eq!(title("Sister"), Some(Gender::Female));
        assert_eq!(title("Gen."), Some(Gender::Unknown));
        assert_eq!(title("President-elect"), Some(Gender::Unknown));
        assert!(is_org_word("Inc."));
        assert!(!is_org_word("Putin"));
        assert_eq!(first_name_gender("Vladimir"), Gender::Male);
        assert_eq!(first_name_gender("Hillary"), Gender::Female);
        assert_eq!(first_name_gender("Putin"), Gender::Unknown);
        assert!(is_org_word("Kremlin"));
        assert_eq!(role_noun("spokeswoman"), Some(false));
        assert_eq!(role_noun("company"), Some(true));
        assert_eq!(cue_noun("statements"), Some(CueClass::Speech));
    }

    #[test]
    fn ascii_lowercase_words() {
        // (word, in ASCII lower case if it is ASCII and, with capitals, of up to 32 bytes)
        let rows: &[(&str, Option<&str>)] = &[
            ("said", Some("said")),
            ("Said", Some("said")),
            ("NATO", Some("nato")),
            ("@[`{", Some("@[`{")),
            ("COVID-19's", Some("covid-19's")),
            ("AbcdefghIJKLMNOP", Some("abcdefghijklmnop")),
            ("Counterintelligence-Related-Things", None),
            (
                "counterintelligence-related-things",
                Some("counterintelligence-related-things"),
            ),
            ("O’Grady", None),
            ("soft\u{ad}Hyphen", None),
            ("😀", None),
            ("", Some("")),
        ];
        let mut buf = [0; 32];
        for &(word, want) in rows {
            let got = ascii_lowercase(word.as_bytes(), &mut buf).map(|(w, _)| w.to_vec());
            assert_eq!(got, want.map(|w| w.as_bytes().to_vec()), "{word}");
            // A word hashes as its lowercase.
            if let Some(want) = want {
                let hash = |w: &str| ascii_lowercase(w.as_bytes(), &mut [0; 32]).map(|(_, h)| h);
                assert_eq!(hash(word), hash(want), "{word}");
            }
        }
        for b in 0..=255u8 {
            let capital = ascii_capitals(u64::from_le_bytes([b, 0, b, 0, 0, 0, 0, b]));
            let want = if b.is_ascii_uppercase() {
                0x8000_0000_0080_0080
            } else {
                0
            };
            assert_eq!(capital, want, "{b}");
        }
    }

    #[test]
    fn lowered_words() {
        let rows: &[(&str, &str)] = &[
            ("said", "said"),
            ("don't", "don't"),
            ("1,600", "1,600"),
            ("COVID-19", "covid-19"),
            ("Said", "said"),
            ("NATO", "nato"),
            ("O’Grady", "o'grady"),
            ("Élysée", "élysée"),
            (
                "Counterintelligence-Related-Things",
                "counterintelligence-related-things",
            ),
        ];
        // A buffer kept for many words lowercases the same.
        let mut many = LowerBuf::for_many();
        for &(word, want) in rows {
            assert_eq!(lower(word, &mut LowerBuf::default()), want, "{word}");
            assert_eq!(lower(word, &mut many), want, "{word}");
        }
    }
}
