//! The public JSON shape of an analysis, with offsets converted once to the caller's unit.
//!
//! Input: an [`Analysis`] (byte spans) and the text it describes. Output: serialisable
//! report structs. The CLI uses code points (Python `str` indices, what the scorers read);
//! the Wasm binding uses UTF-16 code units (JavaScript / DOM indices). The shape is the
//! documented contract of `quotelens analyze` (see README): keep it stable.

use serde::Serialize;

use crate::model::Analysis;
use crate::span::{OffsetMap, OffsetUnit, Span};

// The report types are generic over their strings: owned (`String`, the default) for
// callers that keep a report, or borrowed from the analysis and its text (`&str`, see
// [`report_view`]) for callers that only serialise it. Both serialise identically.

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct SpanOut<S = String> {
    pub start: usize,
    pub end: usize,
    pub text: S,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct QuoteOut<S = String> {
    pub id: usize,
    pub start: usize,
    pub end: usize,
    pub text: S,
    pub kind: &'static str,
    pub speaker: Option<S>,
    pub speaker_id: Option<usize>,
    pub speaker_mention: Option<SpanOut<S>>,
    pub cue: Option<SpanOut<S>>,
    pub confidence: f32,
    pub group: usize,
    pub paragraph: usize,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct SpeakerOut<S = String> {
    pub id: usize,
    pub name: S,
    pub short_name: S,
    pub role: Option<S>,
    pub kind: &'static str,
    pub mentions: Vec<SpanOut<S>>,
    pub quote_count: usize,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ClaimOut<S = String> {
    pub id: usize,
    pub claimant: Option<S>,
    pub claimant_id: Option<usize>,
    pub start: usize,
    pub end: usize,
    pub text: S,
    pub claim: S,
    pub appearances: Vec<SpanOut<S>>,
    pub cue: Option<SpanOut<S>>,
    #[serde(rename = "type")]
    pub claim_type: &'static str,
    pub check_worthiness: f32,
    pub reasons: Vec<&'static str>,
    pub stance: &'static str,
    pub quote_id: Option<usize>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Report<S = String> {
    /// The analysed text, included when it is not the caller's own input (HTML input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<S>,
    /// The unit of every offset in this report: "utf16" or "codepoints".
    pub offsets: &'static str,
    pub quotes: Vec<QuoteOut<S>>,
    pub speakers: Vec<SpeakerOut<S>>,
    pub claims: Vec<ClaimOut<S>>,
}

/// Builds the report of `analysis` over `text`, with offsets in `unit`.
pub fn report(analysis: &Analysis, text: &str, unit: OffsetUnit, include_text: bool) -> Report {
    build(analysis, text, unit, include_text, str::to_string)
}

/// The same report with its strings borrowed from `analysis` and `text`: what a caller
/// that only serialises it needs, without a copy of every string.
pub fn report_view<'a>(
    analysis: &'a Analysis,
    text: &'a str,
    unit: OffsetUnit,
    include_text: bool,
) -> Report<&'a str> {
    build(analysis, text, unit, include_text, |s| s)
}

fn build<'a, S>(
    analysis: &'a Analysis,
    text: &'a str,
    unit: OffsetUnit,
    include_text: bool,
    string: impl Fn(&'a str) -> S,
) -> Report<S> {
    let map = OffsetMap::new(text, unit);
    let span_out = |s: Span| {
        let (start, end) = map.span(s);
        SpanOut {
            start,
            end,
            text: string(s.text(text)),
        }
    };
    let speaker_name = |i: Option<usize>| {
        i.and_then(|i| analysis.speakers.get(i))
            .map(|s| string(&s.name))
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
                text: string(q.span.text(text)),
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
            name: string(&s.name),
            short_name: string(&s.short_name),
            role: s.role.as_deref().map(&string),
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
                text: string(c.span.text(text)),
                claim: string(&c.standalone),
                appearances: c.appearances.iter().map(|&a| span_out(a)).collect(),
                cue: c.cue.map(span_out),
                claim_type: c.claim_type.as_str(),
                check_worthiness: round3(c.check_worthiness),
                reasons: c.reasons.iter().collect(),
                stance: c.stance.as_str(),
                quote_id: c.quote,
            }
        })
        .collect();
    Report {
        text: include_text.then(|| string(text)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrowed_and_owned_reports_serialise_alike() {
        let text =
            "“We will win,” said Anna Lee, the mayor. Officials said the bridge, worth €2m, \
                    was unsafe 😀.\n“Not so,” Kōno said. Lee’s plan would cost 40 percent more.";
        let analysis = crate::analyze(text).unwrap();
        for unit in [OffsetUnit::Utf16, OffsetUnit::CodePoints, OffsetUnit::Bytes] {
            for include_text in [false, true] {
                let owned = serde_json::to_string(&report(&analysis, text, unit, include_text));
                let view = serde_json::to_string(&report_view(&analysis, text, unit, include_text));
                assert_eq!(owned.unwrap(), view.unwrap());
            }
        }
        assert!(!analysis.quotes.is_empty() && !analysis.claims.is_empty());
    }
}
