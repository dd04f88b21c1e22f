//! The `quotelens` command line: analyse text, HTML or JSONL corpora; print JSON or
//! Markdown; score against gold.
//!
//! Input: files or stdin. Output: the JSON report of `output.rs` with offsets in Unicode
//! code points (Python `str` indices), one line per article for JSONL.
#![forbid(unsafe_code)]

use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

use quotelens::output::{report, report_view, Report};
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
        let input: jsonl::InputLine = match serde_json::from_str(&line) {
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
        let id = input.id.unwrap_or(serde_json::Value::Null);
        let text = input.text.as_ref().and_then(serde_json::Value::as_str);
        let html = input.html.as_ref().and_then(serde_json::Value::as_str);
        let written = match (text, html) {
            (Some(text), _) => match quotelens::analyze(text) {
                Ok(a) => {
                    let rep = report_view(&a, text, OffsetUnit::CodePoints, false);
                    jsonl::write_report(&mut out, &id, &rep, include_text)
                }
                Err(e) => jsonl::write_error(&mut out, &id, n, &e.to_string()),
            },
            (None, Some(html)) => match quotelens::analyze_html(html) {
                Ok((text, a)) => {
                    let rep = report_view(&a, &text, OffsetUnit::CodePoints, true);
                    jsonl::write_report(&mut out, &id, &rep, include_text)
                }
                Err(e) => jsonl::write_error(&mut out, &id, n, &e.to_string()),
            },
            _ => jsonl::write_error(&mut out, &id, n, "line has neither \"text\" nor \"html\""),
        };
        written.map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

/// The JSONL lines of `analyze --jsonl`, read and written without building a
/// `serde_json::Value` of each: an input line's other fields (gold annotations, often
/// most of it) are skipped unread, and a report is written straight out. The output is
/// what converting the report to a `Value` printed: object keys in sorted order, and
/// each `f32` as the `f64` it converts to.
mod jsonl {
    use std::io::Write;

    use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use serde::ser::{Serialize, SerializeMap, Serializer};
    use serde_json::Value;

    use quotelens::output::{ClaimOut, QuoteOut, Report, SpanOut, SpeakerOut};

    /// The fields of an input line that are read; as with a `Value`, the last of a
    /// repeated key counts, and a line that is not an object has none of them.
    #[derive(Default)]
    pub struct InputLine {
        pub id: Option<Value>,
        pub text: Option<Value>,
        pub html: Option<Value>,
    }

    impl<'de> Deserialize<'de> for InputLine {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<InputLine, D::Error> {
            d.deserialize_any(LineVisitor)
        }
    }

    struct LineVisitor;

    impl<'de> Visitor<'de> for LineVisitor {
        type Value = InputLine;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("any JSON value")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<InputLine, A::Error> {
            let mut line = InputLine::default();
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "id" => line.id = Some(map.next_value()?),
                    "text" => line.text = Some(map.next_value()?),
                    "html" => line.html = Some(map.next_value()?),
                    _ => {
                        map.next_value::<Skipped>()?;
                    }
                }
            }
            Ok(line)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<InputLine, A::Error> {
            while seq.next_element::<Skipped>()?.is_some() {}
            Ok(InputLine::default())
        }

        fn visit_bool<E>(self, _: bool) -> Result<InputLine, E> {
            Ok(InputLine::default())
        }

        fn visit_i64<E>(self, _: i64) -> Result<InputLine, E> {
            Ok(InputLine::default())
        }

        fn visit_u64<E>(self, _: u64) -> Result<InputLine, E> {
            Ok(InputLine::default())
        }

        fn visit_f64<E>(self, _: f64) -> Result<InputLine, E> {
            Ok(InputLine::default())
        }

        fn visit_str<E>(self, _: &str) -> Result<InputLine, E> {
            Ok(InputLine::default())
        }

        fn visit_unit<E>(self) -> Result<InputLine, E> {
            Ok(InputLine::default())
        }
    }

    /// A value read in full and dropped: checked as strictly as a `Value` is (string
    /// escapes, number range, nesting depth; `IgnoredAny` is laxer), so that the same
    /// lines are rejected, but nothing is built.
    struct Skipped;

    impl<'de> Deserialize<'de> for Skipped {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Skipped, D::Error> {
            d.deserialize_any(SkipVisitor)
        }
    }

    struct SkipVisitor;

    impl<'de> Visitor<'de> for SkipVisitor {
        type Value = Skipped;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("any JSON value")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skipped, A::Error> {
            while map.next_entry::<Skipped, Skipped>()?.is_some() {}
            Ok(Skipped)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skipped, A::Error> {
            while seq.next_element::<Skipped>()?.is_some() {}
            Ok(Skipped)
        }

        fn visit_bool<E>(self, _: bool) -> Result<Skipped, E> {
            Ok(Skipped)
        }

        fn visit_i64<E>(self, _: i64) -> Result<Skipped, E> {
            Ok(Skipped)
        }

        fn visit_u64<E>(self, _: u64) -> Result<Skipped, E> {
            Ok(Skipped)
        }

        fn visit_f64<E>(self, _: f64) -> Result<Skipped, E> {
            Ok(Skipped)
        }

        fn visit_str<E>(self, _: &str) -> Result<Skipped, E> {
            Ok(Skipped)
        }

        fn visit_unit<E>(self) -> Result<Skipped, E> {
            Ok(Skipped)
        }
    }

    /// `{"error": …, "id": …}` for line `n` (from 0), also on stderr.
    pub fn write_error(
        out: &mut impl Write,
        id: &Value,
        n: usize,
        error: &str,
    ) -> std::io::Result<()> {
        eprintln!("quotelens: line {}: {error}", n + 1);
        let mut line = serde_json::Map::new();
        line.insert("id".into(), id.clone());
        line.insert("error".into(), error.into());
        writeln!(out, "{}", Value::Object(line))
    }

    /// The report with its `id`, one line; the analysed text only if `include_text`.
    pub fn write_report(
        out: &mut impl Write,
        id: &Value,
        report: &Report<&str>,
        include_text: bool,
    ) -> std::io::Result<()> {
        let line = ReportLine {
            id,
            report,
            include_text,
        };
        serde_json::to_writer(&mut *out, &line)?;
        writeln!(out)
    }

    struct ReportLine<'a> {
        id: &'a Value,
        report: &'a Report<&'a str>,
        include_text: bool,
    }

    impl Serialize for ReportLine<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let r = self.report;
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("claims", &List(&r.claims))?;
            m.serialize_entry("id", self.id)?;
            m.serialize_entry("offsets", r.offsets)?;
            m.serialize_entry("quotes", &List(&r.quotes))?;
            m.serialize_entry("speakers", &List(&r.speakers))?;
            if let Some(text) = r.text.filter(|_| self.include_text) {
                m.serialize_entry("text", text)?;
            }
            m.end()
        }
    }

    /// A list of report items, each with its keys sorted.
    struct List<'a, T>(&'a [T]);

    /// An item's fields in sorted key order.
    struct Sorted<'a, T>(&'a T);

    impl<'a, T> Serialize for List<'a, T>
    where
        Sorted<'a, T>: Serialize,
    {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(Sorted))
        }
    }

    /// A `f32` as converting it to a `Value` stores it: the same `f64`, `null` if not
    /// finite.
    fn number(x: f32) -> Option<f64> {
        x.is_finite().then_some(f64::from(x))
    }

    fn span<'a, 'b>(s: &'a Option<SpanOut<&'b str>>) -> Option<Sorted<'a, SpanOut<&'b str>>> {
        s.as_ref().map(Sorted)
    }

    impl Serialize for Sorted<'_, SpanOut<&str>> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let v = self.0;
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("end", &v.end)?;
            m.serialize_entry("start", &v.start)?;
            m.serialize_entry("text", v.text)?;
            m.end()
        }
    }

    impl Serialize for Sorted<'_, QuoteOut<&str>> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let v = self.0;
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("confidence", &number(v.confidence))?;
            m.serialize_entry("cue", &span(&v.cue))?;
            m.serialize_entry("end", &v.end)?;
            m.serialize_entry("group", &v.group)?;
            m.serialize_entry("id", &v.id)?;
            m.serialize_entry("kind", v.kind)?;
            m.serialize_entry("paragraph", &v.paragraph)?;
            m.serialize_entry("speaker", &v.speaker)?;
            m.serialize_entry("speaker_id", &v.speaker_id)?;
            m.serialize_entry("speaker_mention", &span(&v.speaker_mention))?;
            m.serialize_entry("start", &v.start)?;
            m.serialize_entry("text", v.text)?;
            m.end()
        }
    }

    impl Serialize for Sorted<'_, SpeakerOut<&str>> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let v = self.0;
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("id", &v.id)?;
            m.serialize_entry("kind", v.kind)?;
            m.serialize_entry("mentions", &List(&v.mentions))?;
            m.serialize_entry("name", v.name)?;
            m.serialize_entry("quote_count", &v.quote_count)?;
            m.serialize_entry("role", &v.role)?;
            m.serialize_entry("short_name", v.short_name)?;
            m.end()
        }
    }

    impl Serialize for Sorted<'_, ClaimOut<&str>> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let v = self.0;
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("appearances", &List(&v.appearances))?;
            m.serialize_entry("check_worthiness", &number(v.check_worthiness))?;
            m.serialize_entry("claim", v.claim)?;
            m.serialize_entry("claimant", &v.claimant)?;
            m.serialize_entry("claimant_id", &v.claimant_id)?;
            m.serialize_entry("cue", &span(&v.cue))?;
            m.serialize_entry("end", &v.end)?;
            m.serialize_entry("id", &v.id)?;
            m.serialize_entry("quote_id", &v.quote_id)?;
            m.serialize_entry("reasons", &v.reasons)?;
            m.serialize_entry("stance", v.stance)?;
            m.serialize_entry("start", &v.start)?;
            m.serialize_entry("text", v.text)?;
            m.serialize_entry("type", v.claim_type)?;
            m.end()
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What `analyze --jsonl` printed when it converted each report to a `Value`: the
    /// reference the direct writer must match, field for field (a field added to the
    /// report and not to `jsonl` fails here).
    fn through_value(id: &serde_json::Value, rep: &Report, include_text: bool) -> String {
        let mut obj = serde_json::Map::new();
        obj.insert("id".into(), id.clone());
        let mut rep = rep.clone();
        if !include_text {
            rep.text = None;
        }
        if let serde_json::Value::Object(m) = serde_json::to_value(&rep).unwrap() {
            obj.extend(m);
        }
        format!("{}\n", serde_json::Value::Object(obj))
    }

    #[test]
    fn jsonl_lines_are_written_as_through_a_value() {
        let text = "“We will win,” said Anna Lee, the mayor. Officials said the bridge, worth \
                    €2m, was unsafe 😀.\n“Not so,” Kōno said. Lee’s plan would cost 40 percent \
                    more, she argued. Will it?";
        let html = format!(
            "<html><body><p>{}</p></body></html>",
            text.replace('\n', "</p><p>")
        );
        let analysis = quotelens::analyze(text).unwrap();
        let (html_text, html_analysis) = quotelens::analyze_html(&html).unwrap();
        let cases = [
            (&analysis, text, false),
            (&html_analysis, html_text.as_str(), true),
        ];
        for (analysis, text, is_html) in cases {
            assert!(!analysis.quotes.is_empty() && !analysis.claims.is_empty());
            let owned = report(analysis, text, OffsetUnit::CodePoints, is_html);
            let view = report_view(analysis, text, OffsetUnit::CodePoints, is_html);
            for id in [serde_json::json!("a-1"), serde_json::Value::Null] {
                for include_text in [false, true] {
                    let mut out = Vec::new();
                    jsonl::write_report(&mut out, &id, &view, include_text).unwrap();
                    let expected = through_value(&id, &owned, include_text);
                    assert_eq!(String::from_utf8(out).unwrap(), expected);
                }
            }
        }
    }
}
