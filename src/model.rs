//! The analysis result: quotations, speakers and claims of one text.
//!
//! Input: produced by the pipeline in `lib.rs` (quotes -> attribution -> claims).
//! Output: plain data with byte [`Span`]s; `output.rs` turns it into the public JSON
//! with offsets in the caller's unit.

use crate::span::Span;

/// What kind of quotation a span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A whole sentence or more inside quotation marks, spoken by someone.
    Direct,
    /// A quoted fragment inside the writer's own sentence: called the plan “a disaster”.
    Partial,
    /// Reported speech without quotation marks: X said that ...
    Indirect,
    /// Scare quotes, titles, words-as-words: marked text nobody is quoted as saying.
    Scare,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Scare => "scare",
        }
    }
}

/// One quotation (or reported-speech content) found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quoted content, excluding the quotation marks.
    pub span: Span,
    pub kind: QuoteKind,
    /// Index into [`Analysis::speakers`].
    pub speaker: Option<usize>,
    /// The mention the attribution rests on ("he", "Mr. Putin", "the company").
    pub speaker_mention: Option<Span>,
    /// The cue: a speech verb group, "according to", a colon.
    pub cue: Option<Span>,
    /// How sure the attribution is, 0..1.
    pub confidence: f32,
    /// Quotes that are pieces of one utterance split by a cue share a group id.
    pub group: usize,
    /// Index of the paragraph the quote starts in.
    pub paragraph: usize,
}

/// Whether a speaker is a person, an organisation or body, or an unnamed source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    Person,
    Organization,
    /// "a spokeswoman", "sources", "officials": a source without a name.
    Unnamed,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Unnamed => "unnamed",
        }
    }
}

/// One speaker of the article: all its mentions resolved to one canonical name.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// Canonical name: the fullest name mention ("Vladimir Putin").
    pub name: String,
    /// The name a badge shows ("Putin").
    pub short_name: String,
    /// Role or title ("Russian President").
    pub role: Option<String>,
    pub kind: SpeakerKind,
    pub mentions: Vec<Span>,
    pub quote_count: usize,
}

/// What kind of statement a claim makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimType {
    Quantity,
    Comparison,
    Causal,
    Prediction,
    Factual,
    Opinion,
}

impl ClaimType {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimType::Quantity => "quantity",
            ClaimType::Comparison => "comparison",
            ClaimType::Causal => "causal",
            ClaimType::Prediction => "prediction",
            ClaimType::Factual => "factual",
            ClaimType::Opinion => "opinion",
        }
    }
}

/// Whether the claimant asserts or rejects the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stance {
    Asserts,
    Denies,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Denies => "denies",
        }
    }
}

/// A checkable statement and who makes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Index into [`Analysis::speakers`]; `None` means the publication itself asserts it.
    pub claimant: Option<usize>,
    /// Where the claim stands in the text (first appearance).
    pub span: Span,
    /// Further appearances of the same claim (headline and body, repeated quote).
    pub appearances: Vec<Span>,
    /// The claim as a standalone sentence, pronouns and ellipsis resolved where derivable.
    pub standalone: String,
    pub cue: Option<Span>,
    pub claim_type: ClaimType,
    pub check_worthiness: f32,
    /// Why the check-worthiness is what it is, e.g. "number", "hedge".
    pub reasons: Reasons,
    pub stance: Stance,
    /// Index into [`Analysis::quotes`] of the quote the claim comes from, if any.
    pub quote: Option<usize>,
}

/// Why a claim's check-worthiness is what it is: a set of [`Reasons::ALL`], read in that
/// order. (Every claim has some: a set of bits instead of a vector of them saves an
/// allocation per claim.)
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Reasons(u16);

impl std::fmt::Debug for Reasons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Reasons {
    /// Every reason, in the order they are shown.
    pub const ALL: [&'static str; 13] = [
        "number",
        "quantity",
        "date",
        "named entity",
        "comparative",
        "superlative",
        "causal",
        "hedge",
        "question",
        "opinion",
        "promise",
        "prediction",
        "short",
    ];

    pub const NUMBER: Reasons = Reasons(1);
    pub const QUANTITY: Reasons = Reasons(1 << 1);
    pub const DATE: Reasons = Reasons(1 << 2);
    pub const NAMED_ENTITY: Reasons = Reasons(1 << 3);
    pub const COMPARATIVE: Reasons = Reasons(1 << 4);
    pub const SUPERLATIVE: Reasons = Reasons(1 << 5);
    pub const CAUSAL: Reasons = Reasons(1 << 6);
    pub const HEDGE: Reasons = Reasons(1 << 7);
    pub const QUESTION: Reasons = Reasons(1 << 8);
    pub const OPINION: Reasons = Reasons(1 << 9);
    pub const PROMISE: Reasons = Reasons(1 << 10);
    pub const PREDICTION: Reasons = Reasons(1 << 11);
    pub const SHORT: Reasons = Reasons(1 << 12);

    /// Both sets.
    pub fn with(self, other: Reasons) -> Reasons {
        Reasons(self.0 | other.0)
    }

    pub fn contains(&self, reason: &str) -> bool {
        self.iter().any(|r| r == reason)
    }

    /// The reasons in the order of [`Reasons::ALL`].
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        Reasons::ALL
            .into_iter()
            .enumerate()
            .filter(move |&(k, _)| self.0 & 1 << k != 0)
            .map(|(_, r)| r)
    }
}

/// Everything QuoteLens says about one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
    pub claims: Vec<Claim>,
}
