//! The JavaScript binding: the only wasm-bindgen code of the crate.
//!
//! Input: strings from JavaScript. Output: plain JS objects (the JSON report of
//! `output.rs`) with every offset in UTF-16 code units, ready for DOM ranges.
//! Errors come back as thrown `Error`s with a clear message; nothing panics across.

use wasm_bindgen::prelude::*;

use crate::output::report;
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
    to_js(&report(&analysis, text, OffsetUnit::Utf16, false))
}
