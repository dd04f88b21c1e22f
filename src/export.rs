//! Exports of an analysis for citing and fact-checking: Markdown citations with text
//! fragment links, CSV, W3C Web Annotation JSON-LD and schema.org ClaimReview JSON-LD.
//!
//! Input: a [`Report`] of `output.rs` (offsets in code points or UTF-16) and the article
//! text it describes, or just the text ([`export_text`] analyses it), a
//! [`Format`] and the page's [`Source`] (URL, title, outlet). Output: one string in the
//! format. Citations cite attributed quotations (direct and partial) in text order; the
//! other formats list the claims in the report's order (ranked). Pure functions, no I/O;
//! the Wasm binding and the CLI are thin callers.

use crate::output::Report;
use crate::span::{OffsetMap, OffsetUnit};

/// The formats [`export`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `> “quote” — Speaker, [Outlet](URL#:~:text=…)`, one block per quotation.
    Citation,
    /// RFC 4180 CSV, one row per claim.
    Csv,
    /// W3C Web Annotation JSON-LD: an AnnotationCollection, one Annotation per claim.
    WebAnnotation,
    /// schema.org JSON-LD: a ClaimReview per claim, rating left to the fact-checker.
    ClaimReview,
}

impl Format {
    pub const NAMES: &'static str = "citation, csv, webannotation, claimreview";

    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "citation" | "citations" | "cite" => Some(Format::Citation),
            "csv" => Some(Format::Csv),
            "webannotation" | "web-annotation" | "annotation" | "wa" => Some(Format::WebAnnotation),
            "claimreview" | "claim-review" => Some(Format::ClaimReview),
            _ => None,
        }
    }
}

/// Where the article was published.
#[derive(Clone, Copy, Debug, Default)]
pub struct Source<'a> {
    /// The page URL, without fragment; empty when unknown.
    pub url: &'a str,
    /// The article's headline; empty when unknown.
    pub title: &'a str,
    /// The publication's name; when empty, the URL's host stands in.
    pub outlet: &'a str,
}

impl Source<'_> {
    /// The outlet's name, or the URL's host without `www.`.
    pub fn outlet_name(&self) -> String {
        if !self.outlet.trim().is_empty() {
            return self.outlet.trim().to_string();
        }
        let rest = self.url.split("://").nth(1).unwrap_or("");
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit('@').next().unwrap_or(host);
        host.strip_prefix("www.").unwrap_or(host).to_string()
    }

    fn base_url(&self) -> &str {
        self.url.split('#').next().unwrap_or("")
    }
}

/// Offsets of the report, turned into byte offsets of the text and code points.
struct Positions<'t> {
    text: &'t str,
    from: Option<OffsetMap>,
    to_cp: OffsetMap,
}

impl<'t> Positions<'t> {
    fn new(text: &'t str, unit: &str) -> Positions<'t> {
        let from = match unit {
            "utf16" => Some(OffsetMap::new(text, OffsetUnit::Utf16)),
            "codepoints" => Some(OffsetMap::new(text, OffsetUnit::CodePoints)),
            "bytes" => Some(OffsetMap::new(text, OffsetUnit::Bytes)),
            _ => None,
        };
        Positions {
            text,
            from,
            to_cp: OffsetMap::new(text, OffsetUnit::CodePoints),
        }
    }

    /// Byte range of a report span, checked against the span's own text.
    fn bytes(&self, start: usize, end: usize, expect: &str) -> Option<(usize, usize)> {
        let map = self.from.as_ref()?;
        let (b0, b1) = (map.to_byte(start), map.to_byte(end));
        let got = self.text.get(b0..b1)?;
        (expect.is_empty() || got == expect).then_some((b0, b1))
    }

    fn code_points(&self, b0: usize, b1: usize) -> (usize, usize) {
        (self.to_cp.convert(b0), self.to_cp.convert(b1))
    }

    /// Up to `n` characters before / after a byte range, cut at a word start / end.
    fn context(&self, b0: usize, b1: usize, n: usize) -> (String, String) {
        // Context stays inside the passage's paragraph: fragments do not match across
        // blocks.
        let before = self.text.get(..b0).unwrap_or("");
        let before = before.rsplit('\n').next().unwrap_or("");
        let after = self.text.get(b1..).unwrap_or("");
        let after = after.split('\n').next().unwrap_or("");
        let prefix: String = {
            let chars: Vec<char> = before.chars().rev().take(n).collect();
            let s: String = chars.into_iter().rev().collect();
            let cut = if before.chars().count() > n {
                s.char_indices()
                    .find(|(_, c)| c.is_whitespace())
                    .map(|(i, c)| i + c.len_utf8())
                    .unwrap_or(0)
            } else {
                0
            };
            s[cut..].to_string()
        };
        let suffix: String = {
            let s: String = after.chars().take(n).collect();
            let cut = if after.chars().count() > n {
                s.rfind(char::is_whitespace).unwrap_or(s.len())
            } else {
                s.len()
            };
            s[..cut].to_string()
        };
        (prefix, suffix)
    }
}

/// Exports a [`Report`] of `text` (offsets in any unit: they are converted through the
/// text).
pub fn export(report: &Report, text: &str, format: Format, source: &Source) -> String {
    let pos = Positions::new(text, report.offsets);
    match format {
        Format::Citation => citations(report, &pos, source),
        Format::Csv => csv(report, &pos, source),
        Format::WebAnnotation => web_annotation(report, &pos, source),
        Format::ClaimReview => claim_review(report, &pos, source),
    }
}

/// Analyses `text` and exports the result: what the Wasm binding calls, so that the
/// browser needs no JSON reader. The analysis is deterministic, so this is the report
/// the side panel shows.
pub fn export_text(text: &str, format: &str, source: &Source) -> Result<String, String> {
    let format = Format::parse(format)
        .ok_or_else(|| format!("unknown export format {format:?}: use {}", Format::NAMES))?;
    let analysis = crate::analyze(text).map_err(|e| e.to_string())?;
    let report = crate::output::report(&analysis, text, OffsetUnit::CodePoints, false);
    Ok(export(&report, text, format, source))
}

// ---------------------------------------------------------------------------------------
// Text fragments (https://wicg.github.io/scroll-to-text-fragment/).

/// Percent-encodes a text directive term: everything but ASCII letters, digits and
/// `. _ ~` is encoded, so `-`, `&` and `,` (the directive's syntax) always are.
pub fn encode_fragment_term(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Words of more than this many make a `textStart,textEnd` range.
const FRAGMENT_RANGE_WORDS: usize = 10;
/// Words on each side of a `textStart,textEnd` range.
const FRAGMENT_EDGE_WORDS: usize = 4;

/// The `#:~:text=` fragment that scrolls to `exact` (whitespace collapsed). Long
/// passages become `textStart,textEnd`; `prefix`/`suffix` (the context words) are added
/// when given, to tell repeated passages apart.
pub fn text_fragment(exact: &str, prefix: Option<&str>, suffix: Option<&str>) -> String {
    let words: Vec<&str> = exact.split_whitespace().collect();
    if words.is_empty() {
        return String::new();
    }
    let mut directive = String::new();
    if let Some(p) = prefix.map(str::trim).filter(|p| !p.is_empty()) {
        directive.push_str(&encode_fragment_term(&collapse(p)));
        directive.push_str("-,");
    }
    if words.len() > FRAGMENT_RANGE_WORDS {
        directive.push_str(&encode_fragment_term(
            &words[..FRAGMENT_EDGE_WORDS].join(" "),
        ));
        directive.push(',');
        directive.push_str(&encode_fragment_term(
            &words[words.len() - FRAGMENT_EDGE_WORDS..].join(" "),
        ));
    } else {
        directive.push_str(&encode_fragment_term(&words.join(" ")));
    }
    if let Some(s) = suffix.map(str::trim).filter(|s| !s.is_empty()) {
        directive.push_str(",-");
        directive.push_str(&encode_fragment_term(&collapse(s)));
    }
    format!("#:~:text={directive}")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The link to a passage: the page URL and a text fragment, with context words when the
/// passage's opening occurs more than once in the text.
fn fragment_link(
    pos: &Positions,
    source: &Source,
    exact: &str,
    bytes: Option<(usize, usize)>,
) -> String {
    let base = source.base_url();
    let mut prefix = None;
    let mut suffix = None;
    // The context must touch the exact text itself: when the citation trimmed a trailing
    // comma off the quote, the suffix starts at that comma, not after it.
    let bytes =
        bytes.map(
            |(b0, b1)| match pos.text.get(b0..b1).and_then(|passage| passage.find(exact)) {
                Some(off) => (b0 + off, b0 + off + exact.len()),
                None => (b0, b1),
            },
        );
    if let Some((b0, b1)) = bytes {
        let head: String = exact
            .split_whitespace()
            .take(FRAGMENT_EDGE_WORDS)
            .collect::<Vec<_>>()
            .join(" ");
        if !head.is_empty() && pos.text.matches(head.as_str()).count() > 1 {
            let (p, s) = pos.context(b0, b1, 24);
            // Context must be words, not bare punctuation, to match on word boundaries.
            prefix = Some(p).filter(|p| p.chars().any(char::is_alphanumeric));
            suffix = Some(s).filter(|s| s.chars().any(char::is_alphanumeric));
        }
    }
    format!(
        "{base}{}",
        text_fragment(exact, prefix.as_deref(), suffix.as_deref())
    )
}

// ---------------------------------------------------------------------------------------
// Markdown citations.

fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    out
}

fn citations(input: &Report, pos: &Positions, source: &Source) -> String {
    let outlet = source.outlet_name();
    let mut out = String::new();
    for q in &input.quotes {
        if !matches!(q.kind, "direct" | "partial") {
            continue;
        }
        let Some(speaker) = &q.speaker else { continue };
        let exact = q.text.trim().trim_end_matches(',').trim_end();
        if exact.is_empty() {
            continue;
        }
        let bytes = pos.bytes(q.start, q.end, &q.text);
        let link = fragment_link(pos, source, exact, bytes);
        let place = if !source.url.is_empty() {
            let name = if outlet.is_empty() {
                source.url
            } else {
                &outlet
            };
            if link.contains([' ', '(', ')', '<', '>']) {
                format!(
                    ", [{}](<{}>)",
                    escape_md(name),
                    link.replace(['<', '>'], "")
                )
            } else {
                format!(", [{}]({link})", escape_md(name))
            }
        } else if !outlet.is_empty() {
            format!(", {}", escape_md(&outlet))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "> “{}” — {}{place}\n\n",
            escape_md(&collapse(exact)),
            escape_md(speaker)
        ));
    }
    out
}

// ---------------------------------------------------------------------------------------
// CSV (RFC 4180).

/// One CSV field: quoted when it holds a comma, a quote, CR or LF; quotes doubled.
/// `x` with `decimals` decimals, as `format!("{x:.decimals$}")` writes it, without the
/// standard float formatting (which adds 11 KB of code to the Wasm).
pub fn fixed(x: f64, decimals: u32) -> String {
    let scale = 10f64.powi(decimals as i32);
    let scaled = x.abs() * scale;
    let mut n = scaled.round();
    // `format!` rounds the exact decimal value, an exact tie to even. The product may have
    // rounded onto or off a tie: its error (exact with a fused multiply-add) says which way.
    if scaled - scaled.floor() == 0.5 {
        let error = x.abs().mul_add(scale, -scaled);
        let round_up = error > 0.0 || error == 0.0 && scaled.floor() % 2.0 == 1.0;
        n = if round_up {
            scaled.ceil()
        } else {
            scaled.floor()
        };
    }
    let n = n as u64;
    let unit = 10u64.pow(decimals);
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if decimals == 0 {
        return format!("{sign}{n}");
    }
    format!(
        "{sign}{}.{:0width$}",
        n / unit,
        n % unit,
        width = decimals as usize
    )
}

pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub const CSV_HEADER: &[&str] = &[
    "rank",
    "claimant",
    "claim",
    "text",
    "type",
    "check_worthiness",
    "stance",
    "cue",
    "reasons",
    "start",
    "end",
    "appearances",
    "link",
];

fn csv(input: &Report, pos: &Positions, source: &Source) -> String {
    let mut out = String::new();
    let row = |fields: Vec<String>| -> String {
        let mut line = fields
            .iter()
            .map(|f| csv_field(f))
            .collect::<Vec<_>>()
            .join(",");
        line.push_str("\r\n");
        line
    };
    out.push_str(&row(CSV_HEADER.iter().map(|s| s.to_string()).collect()));
    for (rank, c) in input.claims.iter().enumerate() {
        let bytes = pos.bytes(c.start, c.end, &c.text);
        let (start, end) = bytes
            .map(|(a, b)| pos.code_points(a, b))
            .unwrap_or((c.start, c.end));
        let link = if source.url.is_empty() {
            String::new()
        } else {
            fragment_link(pos, source, &c.text, bytes)
        };
        out.push_str(&row(vec![
            (rank + 1).to_string(),
            c.claimant.clone().unwrap_or_default(),
            c.claim.clone(),
            c.text.clone(),
            c.claim_type.to_string(),
            fixed(f64::from(c.check_worthiness), 3),
            c.stance.to_string(),
            c.cue.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
            c.reasons.join("; "),
            start.to_string(),
            end.to_string(),
            (c.appearances.len() + 1).to_string(),
            link,
        ]));
    }
    out
}

// ---------------------------------------------------------------------------------------
// W3C Web Annotation.

/// A JSON value of the JSON-LD exports, written exactly as `serde_json::to_string_pretty`
/// writes a `serde_json::Value`: object keys in byte order, two-space indents. A tree of
/// our own spares the Wasm `Value`'s serialiser and the pretty printer (the reports
/// serialise compactly through serde's derive).
enum Json {
    Str(String),
    Int(usize),
    List(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

impl Json {
    fn object(entries: Vec<(&'static str, Json)>) -> Json {
        let mut object = Json::Object(Vec::with_capacity(entries.len()));
        for (key, value) in entries {
            object.set(key, value);
        }
        object
    }

    /// `object[key] = value` on a `serde_json::Value`: in key order, replacing any value
    /// the key had.
    fn set(&mut self, key: &'static str, value: Json) {
        let Json::Object(entries) = self else {
            return;
        };
        match entries.iter().position(|&(k, _)| k >= key) {
            Some(i) if entries[i].0 == key => entries[i].1 = value,
            Some(i) => entries.insert(i, (key, value)),
            None => entries.push((key, value)),
        }
    }

    fn to_pretty_string(&self) -> String {
        let mut out = String::new();
        self.write_pretty(0, &mut out);
        out
    }

    fn write_pretty(&self, depth: usize, out: &mut String) {
        let newline = |out: &mut String, depth: usize| {
            out.push('\n');
            for _ in 0..depth {
                out.push_str("  ");
            }
        };
        match self {
            // serde_json's own escaping, through the compact writer the reports use.
            Json::Str(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
            Json::Int(n) => out.push_str(&n.to_string()),
            Json::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    item.write_pretty(depth + 1, out);
                }
                if !items.is_empty() {
                    newline(out, depth);
                }
                out.push(']');
            }
            Json::Object(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    out.push_str(&serde_json::to_string(key).unwrap_or_default());
                    out.push_str(": ");
                    value.write_pretty(depth + 1, out);
                }
                if !entries.is_empty() {
                    newline(out, depth);
                }
                out.push('}');
            }
        }
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::Str(s.to_string())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::Str(s)
    }
}

impl From<usize> for Json {
    fn from(n: usize) -> Json {
        Json::Int(n)
    }
}

impl From<Vec<Json>> for Json {
    fn from(items: Vec<Json>) -> Json {
        Json::List(items)
    }
}

fn selectors(pos: &Positions, start: usize, end: usize, exact: &str) -> Vec<Json> {
    let mut quote = Json::object(vec![
        ("type", "TextQuoteSelector".into()),
        ("exact", exact.into()),
    ]);
    let mut out = Vec::new();
    if let Some((b0, b1)) = pos.bytes(start, end, exact) {
        let (prefix, suffix) = pos.context(b0, b1, 32);
        quote.set("prefix", prefix.into());
        quote.set("suffix", suffix.into());
        out.push(quote);
        let (s, e) = pos.code_points(b0, b1);
        out.push(Json::object(vec![
            ("type", "TextPositionSelector".into()),
            ("start", s.into()),
            ("end", e.into()),
        ]));
    } else {
        out.push(quote);
    }
    out
}

fn web_annotation(input: &Report, pos: &Positions, source: &Source) -> String {
    let base = source.base_url();
    let items: Vec<Json> = input
        .claims
        .iter()
        .map(|c| {
            let claimant = c
                .claimant
                .clone()
                .unwrap_or_else(|| publication_name(source));
            let mut target = Json::object(vec![
                ("type", "SpecificResource".into()),
                ("selector", selectors(pos, c.start, c.end, &c.text).into()),
            ]);
            if !base.is_empty() {
                target.set("source", base.into());
            }
            let tagging = |value: Json| {
                Json::object(vec![
                    ("type", "TextualBody".into()),
                    ("purpose", "tagging".into()),
                    ("value", value),
                ])
            };
            Json::object(vec![
                ("id", format!("urn:quotelens:claim:{}", c.id).into()),
                ("type", "Annotation".into()),
                ("motivation", "describing".into()),
                (
                    "body",
                    vec![
                        Json::object(vec![
                            ("type", "TextualBody".into()),
                            ("purpose", "describing".into()),
                            ("format", "text/plain".into()),
                            ("value", format!("{claimant} claims: {}", c.claim).into()),
                        ]),
                        tagging(c.claim_type.into()),
                        tagging(
                            format!(
                                "check-worthiness {}",
                                fixed(f64::from(c.check_worthiness), 2)
                            )
                            .into(),
                        ),
                    ]
                    .into(),
                ),
                ("target", target),
            ])
        })
        .collect();
    let label = if source.title.is_empty() {
        "QuoteLens claims".to_string()
    } else {
        format!("QuoteLens claims: {}", source.title)
    };
    let mut collection = Json::object(vec![
        ("@context", "http://www.w3.org/ns/anno.jsonld".into()),
        ("type", "AnnotationCollection".into()),
        ("label", label.into()),
        ("total", items.len().into()),
        (
            "first",
            Json::object(vec![
                ("type", "AnnotationPage".into()),
                ("startIndex", Json::Int(0)),
                ("items", items.into()),
            ]),
        ),
    ]);
    if !base.is_empty() {
        collection.set("id", format!("{base}#quotelens-claims").into());
    }
    collection.to_pretty_string() + "\n"
}

fn publication_name(source: &Source) -> String {
    let o = source.outlet_name();
    if o.is_empty() {
        "the publication".to_string()
    } else {
        o
    }
}

// ---------------------------------------------------------------------------------------
// schema.org ClaimReview.

fn claim_review(input: &Report, pos: &Positions, source: &Source) -> String {
    let outlet = source.outlet_name();
    let base = source.base_url();
    let graph: Vec<Json> = input
        .claims
        .iter()
        .map(|c| {
            let kind = c
                .claimant_id
                .and_then(|id| input.speakers.iter().find(|s| s.id == id))
                .map(|s| s.kind)
                .unwrap_or("");
            let author = match &c.claimant {
                Some(name) => Json::object(vec![
                    (
                        "@type",
                        if kind == "organization" {
                            "Organization"
                        } else {
                            "Person"
                        }
                        .into(),
                    ),
                    ("name", name.as_str().into()),
                ]),
                None => Json::object(vec![
                    ("@type", "Organization".into()),
                    ("name", publication_name(source).into()),
                ]),
            };
            let bytes = pos.bytes(c.start, c.end, &c.text);
            let mut appearance = Json::object(vec![("@type", "NewsArticle".into())]);
            if !base.is_empty() {
                appearance.set("url", fragment_link(pos, source, &c.text, bytes).into());
            }
            if !source.title.is_empty() {
                appearance.set("headline", source.title.into());
            }
            if !outlet.is_empty() {
                appearance.set(
                    "publisher",
                    Json::object(vec![
                        ("@type", "Organization".into()),
                        ("name", outlet.as_str().into()),
                    ]),
                );
            }
            let description = format!(
                "{} claim, check-worthiness {} ({}); {}. Rating to be added by the reviewer.",
                c.claim_type,
                fixed(f64::from(c.check_worthiness), 2),
                c.reasons.join(", "),
                if c.stance == "denies" {
                    "the claimant denies it"
                } else {
                    "the claimant asserts it"
                },
            );
            Json::object(vec![
                ("@type", "ClaimReview".into()),
                ("claimReviewed", c.claim.as_str().into()),
                (
                    "itemReviewed",
                    Json::object(vec![
                        ("@type", "Claim".into()),
                        ("author", author),
                        ("appearance", vec![appearance].into()),
                        ("text", c.text.as_str().into()),
                    ]),
                ),
                ("description", description.into()),
            ])
        })
        .collect();
    let doc = Json::object(vec![
        ("@context", "https://schema.org".into()),
        ("@graph", graph.into()),
    ]);
    doc.to_pretty_string() + "\n"
}

#[cfg(test)]
mod tests {

    #[test]
    fn fixed_writes_what_format_writes() {
        let values = [
            0.0,
            0.4,
            0.20000002,
            0.125,
            0.375,
            0.005,
            1.005,
            0.999,
            0.9999,
            0.5,
            2.5,
            1.0 / 3.0,
            -0.25,
            -0.004,
            12.345,
            0.015,
            0.045,
            100.0,
        ];
        for x in values {
            assert_eq!(fixed(x, 2), format!("{x:.2}"), "{x}");
            assert_eq!(fixed(x, 3), format!("{x:.3}"), "{x}");
            let single = x as f32;
            assert_eq!(
                fixed(f64::from(single), 2),
                format!("{single:.2}"),
                "{single}"
            );
        }
    }

    use super::*;
    use crate::output::report;
    use serde_json::Value;

    /// (term, encoded): the directive's syntax characters `-`, `&`, `,` are always encoded.
    const ENCODING: &[(&str, &str)] = &[
        ("plain", "plain"),
        ("two words", "two%20words"),
        ("well-known", "well%2Dknown"),
        ("salt & pepper", "salt%20%26%20pepper"),
        ("one, two", "one%2C%20two"),
        ("“quoted”", "%E2%80%9Cquoted%E2%80%9D"),
        ("don’t", "don%E2%80%99t"),
        ("50% #1 a=b?", "50%25%20%231%20a%3Db%3F"),
        ("Zürich.", "Z%C3%BCrich."),
    ];

    #[test]
    fn fragment_term_encoding() {
        for &(term, want) in ENCODING {
            assert_eq!(encode_fragment_term(term), want, "{term}");
        }
    }

    #[test]
    fn fragments_short_long_and_context() {
        assert_eq!(
            text_fragment("We will win", None, None),
            "#:~:text=We%20will%20win"
        );
        let long = "one two three four five six seven eight nine ten eleven twelve";
        assert_eq!(
            text_fragment(long, None, None),
            "#:~:text=one%20two%20three%20four,nine%20ten%20eleven%20twelve"
        );
        assert_eq!(
            text_fragment("any time", Some("meet Trump"), Some("on Ukraine")),
            "#:~:text=meet%20Trump-,any%20time,-on%20Ukraine"
        );
        assert_eq!(text_fragment("  ", None, None), "");
    }

    #[test]
    fn context_touches_a_quote_whose_comma_the_citation_trims() {
        // The same opening twice forces context; the cited text drops the trailing comma,
        // so the suffix must start at that comma for the fragment to match the page.
        let text =
            "“We will win,” said Anna Lee on Monday.\n“We will win,” said Tom Reed on Friday.";
        let a = crate::analyze(text).unwrap();
        let r = report(&a, text, OffsetUnit::CodePoints, false);
        let src = Source {
            url: "https://news.example/vote",
            title: "Vote",
            outlet: "",
        };
        let out = export(&r, text, Format::Citation, &src);
        assert!(
            out.contains("We%20will%20win,-%2C%E2%80%9D%20said"),
            "{out}"
        );
    }

    fn sample() -> (String, Report) {
        let text = "Mayor Anna Lee said the town spent 12 million dollars on roads, bridges and \"repairs\" in 2023.\n“We cut crime by half,” she said. “We will do more.”".to_string();
        let a = crate::analyze(&text).unwrap();
        let r = report(&a, &text, OffsetUnit::CodePoints, false);
        (text, r)
    }

    /// A minimal RFC 4180 reader for the round trip.
    fn parse_csv(s: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut chars = s.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            if quoted {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        field.push('"');
                        chars.next();
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push(c);
                }
            } else {
                match c {
                    '"' => quoted = true,
                    ',' => row.push(std::mem::take(&mut field)),
                    '\r' => {}
                    '\n' => {
                        row.push(std::mem::take(&mut field));
                        rows.push(std::mem::take(&mut row));
                    }
                    _ => field.push(c),
                }
            }
        }
        rows
    }

    #[test]
    fn csv_round_trips() {
        for tricky in ["a,b", "say \"hi\"", "two\nlines", "x\r\ny", "plain", ""] {
            let line = csv_field(tricky) + "\r\n";
            assert_eq!(
                parse_csv(&line),
                vec![vec![tricky.to_string()]],
                "{tricky:?}"
            );
        }
        let (text, r) = sample();
        let out = export(&r, &text, Format::Csv, &Source::default());
        assert!(out.ends_with("\r\n"));
        let rows = parse_csv(&out);
        assert_eq!(rows[0], CSV_HEADER.to_vec());
        assert_eq!(rows.len(), r.claims.len() + 1);
        for (row, c) in rows[1..].iter().zip(&r.claims) {
            assert_eq!(row.len(), CSV_HEADER.len());
            assert_eq!(row[2], c.claim);
            assert_eq!(row[3], c.text);
            assert_eq!(row[1], c.claimant.clone().unwrap_or_default());
        }
    }

    #[test]
    fn web_annotation_shape() {
        let (text, r) = sample();
        let src = Source {
            url: "https://news.example/roads",
            title: "Roads",
            outlet: "",
        };
        let v: Value =
            serde_json::from_str(&export(&r, &text, Format::WebAnnotation, &src)).unwrap();
        assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(v["type"], "AnnotationCollection");
        let items = v["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), r.claims.len());
        let chars: Vec<char> = text.chars().collect();
        for item in items {
            assert_eq!(item["type"], "Annotation");
            assert!(item["id"].as_str().unwrap().starts_with("urn:"));
            assert!(!item["body"].as_array().unwrap().is_empty());
            assert_eq!(item["target"]["source"], "https://news.example/roads");
            let sel = item["target"]["selector"].as_array().unwrap();
            let q = sel
                .iter()
                .find(|s| s["type"] == "TextQuoteSelector")
                .unwrap();
            let p = sel
                .iter()
                .find(|s| s["type"] == "TextPositionSelector")
                .unwrap();
            let (s, e) = (
                p["start"].as_u64().unwrap() as usize,
                p["end"].as_u64().unwrap() as usize,
            );
            let exact: String = chars[s..e].iter().collect();
            assert_eq!(q["exact"].as_str().unwrap(), exact);
            let prefix = q["prefix"].as_str().unwrap();
            let suffix = q["suffix"].as_str().unwrap();
            assert!(text.contains(&format!("{prefix}{exact}{suffix}")));
        }
    }

    #[test]
    fn utf16_reports_export_the_same_positions() {
        let (text, r) = sample();
        let a = crate::analyze(&text).unwrap();
        let r16 = report(&a, &text, OffsetUnit::Utf16, false);
        let src = Source::default();
        for format in [Format::WebAnnotation, Format::Csv, Format::ClaimReview] {
            assert_eq!(
                export(&r16, &text, format, &src),
                export(&r, &text, format, &src)
            );
        }
        assert_eq!(
            export_text(&text, "csv", &src).unwrap(),
            export(&r, &text, Format::Csv, &src)
        );
        assert!(export_text(&text, "pdf", &src).is_err());
    }

    /// The JSON-LD is what `serde_json::to_string_pretty` writes for the same value: keys in
    /// order, indents, escapes (quotes, backslashes, control characters) and empty lists.
    #[test]
    fn json_ld_is_written_as_serde_json_writes_it() {
        let (mut text, _) = sample();
        text.push_str("\nThe mayor said \"a \\ b\u{1}\ttab\u{7f} é\" today.\n");
        let a = crate::analyze(&text).unwrap();
        let r = report(&a, &text, OffsetUnit::CodePoints, false);
        let empty = report(
            &crate::analyze("").unwrap(),
            "",
            OffsetUnit::CodePoints,
            false,
        );
        for src in [
            Source::default(),
            Source {
                url: "https://news.example/a?b=\"c\"",
                title: "T \\ \u{2}",
                outlet: "Out\"let",
            },
        ] {
            for format in [Format::WebAnnotation, Format::ClaimReview] {
                for (r, text) in [(&r, text.as_str()), (&empty, "")] {
                    let out = export(r, text, format, &src);
                    let v: Value = serde_json::from_str(&out).unwrap();
                    assert_eq!(out, serde_json::to_string_pretty(&v).unwrap() + "\n");
                }
            }
        }
    }

    #[test]
    fn claim_review_shape() {
        let (text, r) = sample();
        let src = Source {
            url: "https://www.news.example/roads#top",
            title: "Roads",
            outlet: "",
        };
        let v: Value = serde_json::from_str(&export(&r, &text, Format::ClaimReview, &src)).unwrap();
        assert_eq!(v["@context"], "https://schema.org");
        let graph = v["@graph"].as_array().unwrap();
        assert_eq!(graph.len(), r.claims.len());
        for cr in graph {
            assert_eq!(cr["@type"], "ClaimReview");
            assert!(!cr["claimReviewed"].as_str().unwrap().is_empty());
            let item = &cr["itemReviewed"];
            assert_eq!(item["@type"], "Claim");
            assert!(!item["author"]["name"].as_str().unwrap().is_empty());
            let app = &item["appearance"][0];
            assert!(app["url"]
                .as_str()
                .unwrap()
                .starts_with("https://www.news.example/roads#:~:text="));
            assert_eq!(app["publisher"]["name"], "news.example");
        }
    }

    #[test]
    fn citations_quote_speaker_and_link() {
        let (text, r) = sample();
        let src = Source {
            url: "https://news.example/roads",
            title: "",
            outlet: "The Example",
        };
        let out = export(&r, &text, Format::Citation, &src);
        assert!(
            out.contains("> “We cut crime by half” — Anna Lee, [The Example](https://news.example/roads#:~:text=We%20cut%20crime%20by%20half)"),
            "{out}"
        );
        let none = export(&r, &text, Format::Citation, &Source::default());
        assert!(none.contains("> “We will do more.” — Anna Lee\n"), "{none}");
    }
}
