//! The `quotelens` command line: analyse text, HTML or JSONL corpora; print JSON or
//! Markdown; score against gold.
//!
//! Input: files or stdin. Output: the JSON report of `output.rs` with offsets in Unicode
//! code points (Python `str` indices), one line per article for JSONL.
#![forbid(unsafe_code)]

use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

use quotelens::output::{report, Report};
use quotelens::OffsetUnit;

const USAGE: &str = "usage:
  quotelens analyze FILE [--format json|markdown]   analyse a .txt or .html file (- for stdin)
  quotelens analyze FILE --format citation|csv|webannotation|claimreview [--url URL]
            [--title TITLE] [--outlet NAME]          export quotations / claims for citing
  quotelens analyze --jsonl [--no-text]              read lines {\"id\",\"text\"|\"html\"} on stdin,
                                                     write one result line per article
  quotelens check FILE \"PASSAGE\"                   is the passage a quotation of FILE (.txt or .html),
                                                     who said it, where else it appears, the
                                                     wording differences (JSON)
  quotelens eval GOLD.jsonl [PRED.jsonl] [--json]    score against PolNeAR-style gold (analyses
                                                     the gold texts itself unless PRED is given)
  quotelens --version";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("analyze") => analyze_cmd(&args[1..]),
        Some("eval") => eval_cmd(&args[1..]),
        Some("check") => check_cmd(&args[1..]),
        Some("--version" | "-V") => {
            println!("quotelens {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quotelens: {e}");
            ExitCode::from(2)
        }
    }
}

fn flag_value<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn looks_like_html(name: &str, content: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return true;
    }
    let head = content
        .trim_start()
        .get(..200)
        .unwrap_or(content.trim_start())
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Analyses a text or an HTML page; for HTML the report includes the extracted text.
fn analyze_document(name: &str, content: &str) -> Result<Report, String> {
    if looks_like_html(name, content) {
        let (text, analysis) =
            quotelens::analyze_html(content).map_err(|e| format!("{name}: {e}"))?;
        Ok(report(&analysis, &text, OffsetUnit::CodePoints, true))
    } else {
        let analysis = quotelens::analyze(content).map_err(|e| format!("{name}: {e}"))?;
        Ok(report(&analysis, content, OffsetUnit::CodePoints, false))
    }
}

fn analyze_cmd(args: &[String]) -> Result<(), String> {
    let format = flag_value(args, "--format").unwrap_or("json");
    let export = quotelens::export::Format::parse(format);
    if !matches!(format, "json" | "markdown") && export.is_none() {
        return Err(format!(
            "unknown format {format:?}: use json, markdown, {}",
            quotelens::export::Format::NAMES
        ));
    }
    if args.iter().any(|a| a == "--jsonl") {
        return analyze_jsonl(!args.iter().any(|a| a == "--no-text"));
    }
    let file = args
        .iter()
        .enumerate()
        .find(|(i, a)| {
            let after_flag = *i > 0
                && matches!(
                    args[i - 1].as_str(),
                    "--format" | "--url" | "--title" | "--outlet"
                );
            !after_flag && (!a.starts_with("--") || a.as_str() == "-")
        })
        .map(|(_, a)| a.as_str())
        .ok_or_else(|| USAGE.to_string())?;
    let content = read_input(file)?;
    let rep = analyze_document(file, &content)?;
    let text = rep.text.as_deref().unwrap_or(&content);
    let out = match format {
        _ if export.is_some() => {
            let source = quotelens::export::Source {
                url: flag_value(args, "--url").unwrap_or(""),
                title: flag_value(args, "--title").unwrap_or(""),
                outlet: flag_value(args, "--outlet").unwrap_or(""),
            };
            quotelens::export::export(
                &rep,
                text,
                export.unwrap_or(quotelens::export::Format::Csv),
                &source,
            )
        }
        "markdown" => {
            quotelens::markdown::report_markdown(&rep, rep.text.as_deref().unwrap_or(&content))
        }
        _ => serde_json::to_string_pretty(&rep).map_err(|e| e.to_string())? + "\n",
    };
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| e.to_string())
}

fn read_input(file: &str) -> Result<String, String> {
    let bytes = if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("stdin: {e}"))?;
        buf
    } else {
        std::fs::read(file).map_err(|e| format!("{file}: {e}"))?
    };
    String::from_utf8(bytes).or_else(|e| {
        // Keep going on mis-encoded input: replace invalid bytes rather than lose the file.
        eprintln!("quotelens: {file}: not valid UTF-8; invalid bytes replaced");
        Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
    })
}

/// One line in, one line out; a bad line yields an error line with its id, never a stop.
fn analyze_jsonl(include_text: bool) -> Result<(), String> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| format!("stdin line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("quotelens: line {}: not JSON: {e}", n + 1);
                writeln!(
                    out,
                    "{}",
                    serde_json::json!({"line": n + 1, "error": format!("not JSON: {e}")})
                )
                .map_err(|e| e.to_string())?;
                continue;
            }
        };
        let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
        let result = match (
            value.get("text").and_then(|v| v.as_str()),
            value.get("html").and_then(|v| v.as_str()),
        ) {
            (Some(text), _) => quotelens::analyze(text)
                .map(|a| report(&a, text, OffsetUnit::CodePoints, false))
                .map_err(|e| e.to_string()),
            (None, Some(html)) => quotelens::analyze_html(html)
                .map(|(text, a)| report(&a, &text, OffsetUnit::CodePoints, true))
                .map_err(|e| e.to_string()),
            _ => Err("line has neither \"text\" nor \"html\"".to_string()),
        };
        let mut obj = serde_json::Map::new();
        obj.insert("id".into(), id);
        match result {
            Ok(mut rep) => {
                if !include_text {
                    rep.text = None;
                }
                let v = serde_json::to_value(&rep).map_err(|e| e.to_string())?;
                if let serde_json::Value::Object(m) = v {
                    obj.extend(m);
                }
            }
            Err(e) => {
                eprintln!("quotelens: line {}: {e}", n + 1);
                obj.insert("error".into(), e.into());
            }
        }
        writeln!(out, "{}", serde_json::Value::Object(obj)).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

/// `quotelens check FILE PASSAGE`: the check report as JSON, offsets in code points.
fn check_cmd(args: &[String]) -> Result<(), String> {
    let [file, passage] = args else {
        return Err(USAGE.to_string());
    };
    let content = read_input(file)?;
    let (text, html) = if looks_like_html(file, &content) {
        if content.len() > quotelens::MAX_HTML_BYTES {
            return Err(format!("{file}: larger than the HTML limit"));
        }
        (quotelens::extract::extract_article(&content).text, true)
    } else {
        (content, false)
    };
    let (analysis, check) =
        quotelens::check::check_text(&text, passage).map_err(|e| format!("{file}: {e}"))?;
    let rep = quotelens::check::report(
        &check,
        &analysis,
        &text,
        passage,
        OffsetUnit::CodePoints,
        html,
    );
    println!(
        "{}",
        serde_json::to_string_pretty(&rep).map_err(|e| e.to_string())?
    );
    Ok(())
}

fn eval_cmd(args: &[String]) -> Result<(), String> {
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let gold_path = positional.first().ok_or_else(|| USAGE.to_string())?;
    let gold = std::fs::read_to_string(gold_path).map_err(|e| format!("{gold_path}: {e}"))?;
    let pred = match positional.get(1) {
        Some(p) => Some(std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"))?),
        None => None,
    };
    let scores = quotelens::eval::score_polnear(&gold, pred.as_deref())?;
    if args.iter().any(|a| a == "--json") {
        println!(
            "{}",
            serde_json::to_string(&scores).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", scores.summary());
    }
    Ok(())
}
