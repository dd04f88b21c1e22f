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

pub mod attribute;
pub mod entities;
pub mod eval;
pub mod extract;
pub mod html;
pub mod lexicon;
pub mod markdown;
pub mod marks;
pub mod model;
pub mod output;
pub mod reported;
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

/// The largest HTML page accepted by [`analyze_html`]: 64 MiB.
pub const MAX_HTML_BYTES: usize = 64 << 20;

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
    Ok(run(text))
}

/// A quote that opens its paragraph without a cue of its own, and was attributed only by
/// fallback, continues the speaker of the previous paragraph's last attribution, whether
/// that was a quotation or reported speech ("he defended his decision …" then "“Well, …”").
fn continue_paragraph_speakers(quotes: &mut [Quote], speakers: &mut [Speaker]) {
    for i in 0..quotes.len() {
        let q = &quotes[i];
        if q.kind != QuoteKind::Direct || q.confidence >= 0.6 || q.paragraph == 0 {
            continue;
        }
        let opens_paragraph = quotes[..i].iter().all(|o| o.paragraph < q.paragraph);
        if !opens_paragraph {
            continue;
        }
        let previous = quotes[..i]
            .iter()
            .rev()
            .take_while(|o| o.paragraph + 1 >= q.paragraph)
            .find(|o| o.paragraph + 1 == q.paragraph && o.speaker.is_some() && o.confidence >= 0.6);
        if let Some(prev) = previous {
            let (speaker, mention) = (prev.speaker, prev.speaker_mention);
            if let Some(old) = quotes[i].speaker {
                speakers[old].quote_count -= 1;
            }
            if let Some(new) = speaker {
                speakers[new].quote_count += 1;
            }
            quotes[i].speaker = speaker;
            quotes[i].speaker_mention = mention;
            quotes[i].cue = None;
            quotes[i].confidence = 0.6;
        }
    }
}

/// The pipeline: marks -> tokens and sentences -> mentions and entities -> attribution ->
/// the speakers who speak, numbered in order of first quote.
fn run(text: &str) -> Analysis {
    let paragraphs = text::paragraphs(text);
    let marked = marks::find_marked(text, &paragraphs);
    let doc = text::Doc::new(text, paragraphs, &marked);
    let mut ents = entities::Entities::new(&doc);
    let attributed = attribute::attribute(&doc, &mut ents);
    let mut speaker_of_entity: Vec<Option<usize>> = vec![None; ents.entities.len()];
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut speaker_index = |e: usize, speakers: &mut Vec<Speaker>| -> usize {
        if let Some(i) = speaker_of_entity[e] {
            return i;
        }
        let ent = &ents.entities[e];
        speakers.push(Speaker {
            name: ent.name.clone(),
            short_name: ent.short_name.clone(),
            role: ent.role.clone(),
            kind: ent.kind,
            mentions: ent
                .mentions
                .iter()
                .map(|&m| ents.mentions[m].span)
                .collect(),
            quote_count: 0,
        });
        speaker_of_entity[e] = Some(speakers.len() - 1);
        speakers.len() - 1
    };
    let mut quotes = Vec::with_capacity(attributed.len());
    for a in &attributed {
        let m = &doc.quotes[a.quote];
        let speaker = a.speaker.map(|e| speaker_index(e, &mut speakers));
        if let Some(s) = speaker {
            speakers[s].quote_count += 1;
        }
        quotes.push(Quote {
            span: m.content,
            kind: a.kind,
            speaker,
            speaker_mention: a.mention.map(|mi| ents.mentions[mi].span),
            cue: a.cue,
            confidence: a.confidence,
            group: a.group,
            paragraph: m.paragraph,
        });
    }
    // Reported speech: cues not already used by a quotation's attribution.
    // (A partial quote's cue also governs the reported content around it: "X called the
    // plan “a disaster”" is both.)
    let used_cues: Vec<Span> = attributed
        .iter()
        .filter(|a| a.kind == QuoteKind::Direct)
        .filter_map(|a| a.cue)
        .collect();
    for r in reported::find_reported(&doc, &ents, &used_cues) {
        let entity = match ents.mentions[r.mention].kind {
            entities::MentionKind::Pronoun => ents.resolve_pronoun(&doc, r.mention, None),
            _ => ents.mentions[r.mention].entity,
        };
        let speaker = entity.map(|e| speaker_index(e, &mut speakers));
        if let Some(s) = speaker {
            speakers[s].quote_count += 1;
        }
        let paragraph = doc.paragraphs.partition_point(|p| p.end < r.content.start);
        quotes.push(Quote {
            span: r.content,
            kind: QuoteKind::Indirect,
            speaker,
            speaker_mention: Some(ents.mentions[r.mention].span),
            cue: Some(r.cue),
            confidence: if speaker.is_some() {
                r.confidence
            } else {
                r.confidence * 0.5
            },
            group: usize::MAX,
            paragraph,
        });
    }
    quotes.sort_by_key(|q| (q.span.start, q.kind == QuoteKind::Indirect));
    continue_paragraph_speakers(&mut quotes, &mut speakers);
    for (i, q) in quotes.iter_mut().enumerate() {
        if q.group == usize::MAX {
            q.group = doc.quotes.len() + i;
        }
    }
    for s in &mut speakers {
        s.mentions.sort();
        s.mentions.dedup();
    }
    Analysis {
        quotes,
        speakers,
        claims: Vec::new(),
    }
}

/// Extracts the article from a page's HTML, then analyses it. Returns the article text
/// (all spans of the analysis point into it) and the analysis.
pub fn analyze_html(html: &str) -> Result<(String, Analysis), Error> {
    if html.len() > MAX_HTML_BYTES {
        return Err(Error::TooLarge {
            bytes: html.len(),
            limit: MAX_HTML_BYTES,
        });
    }
    let text = extract::extract_article(html).text;
    let analysis = analyze(&text)?;
    Ok((text, analysis))
}
