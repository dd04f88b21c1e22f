//! Markdown rendering of a report, for reading an analysis in a terminal or pasting it
//! into notes.
//!
//! Input: a [`Report`] and its text. Output: Markdown: speakers with their quotes, then
//! the claims ranked by check-worthiness.

use std::fmt::Write;

use crate::output::Report;

/// Escapes text for a Markdown paragraph: the quote text must not become markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

pub fn report_markdown(report: &Report, _text: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# QuoteLens analysis\n");
    let _ = writeln!(
        out,
        "{} quotations, {} speakers, {} claims.\n",
        report.quotes.len(),
        report.speakers.len(),
        report.claims.len()
    );
    let _ = writeln!(out, "## Speakers\n");
    for s in &report.speakers {
        let role = s
            .role
            .as_deref()
            .map(|r| format!(" ({})", escape(r)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "### {}{role} — {} quotes\n",
            escape(&s.name),
            s.quote_count
        );
        for q in report.quotes.iter().filter(|q| q.speaker_id == Some(s.id)) {
            let cue = q
                .cue
                .as_ref()
                .map(|c| format!(" — _{}_", escape(&c.text)))
                .unwrap_or_default();
            let _ = writeln!(out, "- “{}” ({}){cue}", escape(&q.text), q.kind);
        }
        out.push('\n');
    }
    let unattributed: Vec<_> = report
        .quotes
        .iter()
        .filter(|q| q.speaker_id.is_none())
        .collect();
    if !unattributed.is_empty() {
        let _ = writeln!(out, "## Without a speaker\n");
        for q in unattributed {
            let _ = writeln!(out, "- “{}” ({})", escape(&q.text), q.kind);
        }
        out.push('\n');
    }
    if !report.claims.is_empty() {
        let _ = writeln!(out, "## Claims\n");
        let mut claims: Vec<_> = report.claims.iter().collect();
        crate::sort::sort_by(&mut claims, |a, b| {
            b.check_worthiness.total_cmp(&a.check_worthiness)
        });
        for c in claims {
            let who = c.claimant.as_deref().unwrap_or("the publication");
            let _ = writeln!(
                out,
                "- {} — {} ({}, check-worthiness {}: {})",
                escape(&c.claim),
                escape(who),
                c.claim_type,
                crate::export::fixed(f64::from(c.check_worthiness), 2),
                c.reasons.join(", ")
            );
        }
    }
    out
}
