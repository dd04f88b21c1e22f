//! The public JSON shape of an analysis, with offsets converted once to the caller's unit.
//!
//! Input: an [`Analysis`] (byte spans) and the text it describes. Output: serialisable
//! report structs. The CLI uses code points (Python `str` indices, what the scorers read);
//! the Wasm binding uses UTF-16 code units (JavaScript / DOM indices). The shape is the
//! documented contract of `quotelens analyze` (see README): keep it stable.

use serde::Serialize;

use crate::model::Analysis;
use crate::span::{OffsetMap, OffsetUnit, Span};

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct QuoteOut {
    pub id: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: &'static str,
    pub speaker: Option<String>,
    pub speaker_id: Option<usize>,
    pub speaker_mention: Option<SpanOut>,
    pub cue: Option<SpanOut>,
    pub confidence: f32,
    pub group: usize,
    pub paragraph: usize,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct SpeakerOut {
    pub id: usize,
    pub name: String,
    pub short_name: String,
    pub role: Option<String>,
    pub kind: &'static str,
    pub mentions: Vec<SpanOut>,
    pub quote_count: usize,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ClaimOut {
    pub id: usize,
    pub claimant: Option<String>,
    pub claimant_id: Option<usize>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub claim: String,
    pub appearances: Vec<SpanOut>,
    pub cue: Option<SpanOut>,
    #[serde(rename = "type")]
    pub claim_type: &'static str,
    pub check_worthiness: f32,
    pub reasons: Vec<&'static str>,
    pub stance: &'static str,
    pub quote_id: Option<usize>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Report {
    /// The analysed text, included when it is not the caller's own input (HTML input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The unit of every offset in this report: "utf16" or "codepoints".
    pub offsets: &'static str,
    pub quotes: Vec<QuoteOut>,
    pub speakers: Vec<SpeakerOut>,
    pub claims: Vec<ClaimOut>,
}

/// Builds the report of `analysis` over `text`, with offsets in `unit`.
pub fn report(analysis: &Analysis, text: &str, unit: OffsetUnit, include_text: bool) -> Report {
    let map = OffsetMap::new(text, unit);
    let span_out = |s: Span| {
        let (start, end) = map.span(s);
        SpanOut {
            start,
            end,
            text: s.text(text).to_string(),
        }
    };
    let speaker_name = |i: Option<usize>| {
        i.and_then(|i| analysis.speakers.get(i))
            .map(|s| s.name.clone())
    };
    let quotes = analysis
        .quotes
        .iter()
        .enumerate()
        .map(|(id, q)| {
            let (start, end) = map.span(q.span);
            QuoteOut {
                id,
                start,
                end,
                text: q.span.text(text).to_string(),
                kind: q.kind.as_str(),
                speaker: speaker_name(q.speaker),
                speaker_id: q.speaker,
                speaker_mention: q.speaker_mention.map(span_out),
                cue: q.cue.map(span_out),
                confidence: round3(q.confidence),
                group: q.group,
                paragraph: q.paragraph,
            }
        })
        .collect();
    let speakers = analysis
        .speakers
        .iter()
        .enumerate()
        .map(|(id, s)| SpeakerOut {
            id,
            name: s.name.clone(),
            short_name: s.short_name.clone(),
            role: s.role.clone(),
            kind: s.kind.as_str(),
            mentions: s.mentions.iter().map(|&m| span_out(m)).collect(),
            quote_count: s.quote_count,
        })
        .collect();
    let claims = analysis
        .claims
        .iter()
        .enumerate()
        .map(|(id, c)| {
            let (start, end) = map.span(c.span);
            ClaimOut {
                id,
                claimant: speaker_name(c.claimant),
                claimant_id: c.claimant,
                start,
                end,
                text: c.span.text(text).to_string(),
                claim: c.standalone.clone(),
                appearances: c.appearances.iter().map(|&a| span_out(a)).collect(),
                cue: c.cue.map(span_out),
                claim_type: c.claim_type.as_str(),
                check_worthiness: round3(c.check_worthiness),
                reasons: c.reasons.clone(),
                stance: c.stance.as_str(),
                quote_id: c.quote,
            }
        })
        .collect();
    Report {
        text: include_text.then(|| text.to_string()),
        offsets: match unit {
            OffsetUnit::Utf16 => "utf16",
            OffsetUnit::CodePoints => "codepoints",
            OffsetUnit::Bytes => "bytes",
        },
        quotes,
        speakers,
        claims,
    }
}

fn round3(x: f32) -> f32 {
    (x.clamp(0.0, 1.0) * 1000.0).round() / 1000.0
}
