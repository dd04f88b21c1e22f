//! The JavaScript binding: the only wasm-bindgen code of the crate.
//!
//! Input: strings from JavaScript. Output: plain JS objects (the JSON report of
//! `output.rs`) with every offset in UTF-16 code units, ready for DOM ranges.
//! Errors come back as thrown `Error`s with a clear message; nothing panics across.

use wasm_bindgen::prelude::*;

use crate::output::report_view;
use crate::span::OffsetUnit;

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("could not build the result object"))
}

/// The crate version, for the extension's about box and cache keys.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Analyses plain text: `{offsets: "utf16", quotes, speakers, claims}`.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    let analysis = crate::analyze(text).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&report_view(&analysis, text, OffsetUnit::Utf16, false))
}

/// Analyses a page's HTML: `{text, offsets: "utf16", quotes, speakers, claims}`; the
/// offsets point into `text`, the extracted article.
#[wasm_bindgen]
pub fn analyze_html(html: &str) -> Result<JsValue, JsError> {
    let (text, analysis) = crate::analyze_html(html).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&report_view(&analysis, &text, OffsetUnit::Utf16, true))
}

/// Where one selected block sits in the article text (UTF-16 code units).
#[derive(serde::Serialize)]
struct BlockRange {
    /// Index into the caller's block array.
    index: usize,
    start: usize,
    end: usize,
}

#[derive(serde::Serialize)]
struct BlocksReport<'a> {
    blocks: Vec<BlockRange>,
    #[serde(flatten)]
    report: crate::output::Report<&'a str>,
}

/// Analyses a page given as blocks built from the live DOM (see `extract.rs` for the
/// recipe): `[{tag, text, hint?, link_chars?, ancestors?}]`. Selects the article, joins
/// it, and returns `{text, offsets: "utf16", blocks: [{index, start, end}], quotes,
/// speakers, claims}`.
#[wasm_bindgen]
pub fn analyze_blocks(blocks: JsValue) -> Result<JsValue, JsError> {
    let json = js_sys::JSON::stringify(&blocks)
        .map_err(|_| JsError::new("analyze_blocks: the blocks could not be read as JSON"))?;
    let json = json
        .as_string()
        .ok_or_else(|| JsError::new("analyze_blocks: expected an array of {tag, text, hint, link_chars} objects, got undefined"))?;
    let blocks = crate::extract::parse_blocks_json(&json).map_err(|e| JsError::new(&e))?;
    let (text, ranges, analysis) =
        crate::extract::analyze_blocks(&blocks).map_err(|e| JsError::new(&e.to_string()))?;
    let map = crate::span::OffsetMap::new(&text, OffsetUnit::Utf16);
    let blocks = ranges
        .into_iter()
        .map(|(index, span)| {
            let (start, end) = map.span(span);
            BlockRange { index, start, end }
        })
        .collect();
    to_js(&BlocksReport {
        blocks,
        report: report_view(&analysis, &text, OffsetUnit::Utf16, true),
    })
}

/// Exports the analysis of `text` (the article text: the report's `text` for pages) as
/// `citation`, `csv`, `webannotation` or `claimreview`. The analysis is deterministic,
/// so this is the report the caller already shows; re-running it (milliseconds) spares
/// the module a JSON reader. The logic is in `export.rs`. (`export` is reserved in
/// JavaScript, hence the name.)
#[wasm_bindgen]
pub fn export_report(
    text: &str,
    format: &str,
    url: &str,
    title: &str,
    outlet: Option<String>,
) -> Result<String, JsError> {
    let source = crate::export::Source {
        url,
        title,
        outlet: outlet.as_deref().unwrap_or(""),
    };
    crate::export::export_text(text, format, &source)
        .map_err(|e| JsError::new(&format!("export: {e}")))
}

/// Checks a passage (a selection, a pasted quote) against an article text: `{offsets:
/// "utf16", passage, verdict, appearances: [{start, end, text, score, level, kind,
/// quote_id, speaker, attribution, diff}]}`, best first. The logic is in `check.rs`.
#[wasm_bindgen]
pub fn check_quote(text: &str, passage: &str) -> Result<JsValue, JsError> {
    let (analysis, check) =
        crate::check::check_text(text, passage).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&crate::check::report(
        &check,
        &analysis,
        text,
        passage,
        OffsetUnit::Utf16,
        false,
    ))
}

#[derive(serde::Serialize)]
struct ArchiveMatch {
    /// Index into the caller's array of texts.
    index: usize,
    score: f32,
    level: &'static str,
    diff: Vec<crate::check::DiffRunOut>,
}

/// The best appearance of a passage in each of several saved quotes (the local archive):
/// `[{index, score, level, diff}]`, best first, offsets in UTF-16 units of each text.
#[wasm_bindgen]
pub fn check_archive(passage: &str, texts: Vec<String>) -> Result<JsValue, JsError> {
    let found = crate::check::align_many(&texts, passage);
    let out: Vec<ArchiveMatch> = found
        .into_iter()
        .map(|(index, a)| {
            let text = texts[index].as_str();
            let map = crate::span::OffsetMap::new(text, OffsetUnit::Utf16);
            ArchiveMatch {
                index,
                score: (a.score * 1000.0).round() / 1000.0,
                level: crate::check::level(&a),
                diff: crate::check::diff_out(&a.diff, text, passage, &map),
            }
        })
        .collect();
    to_js(&out)
}
