// Shared by the targets: the invariants every analysis must keep, checked on whatever the
// fuzzer finds. A panic here is a finding, like a panic inside the engine.
use quotelens::output::report;
use quotelens::{Analysis, OffsetUnit, Span};

fn check_span(text: &str, s: Span) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{s:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{s:?} off a char boundary"
    );
}

/// Every span inside the text on char boundaries, and the public report (both offset
/// units, as the CLI and the Wasm build it) and its Markdown built without a panic.
pub fn analysis(text: &str, a: &Analysis) {
    for q in &a.quotes {
        check_span(text, q.span);
        q.speaker_mention
            .into_iter()
            .chain(q.cue)
            .for_each(|s| check_span(text, s));
        if let Some(s) = q.speaker {
            assert!(
                s < a.speakers.len(),
                "quote names speaker {s} of {}",
                a.speakers.len()
            );
        }
    }
    for s in &a.speakers {
        s.mentions.iter().for_each(|&m| check_span(text, m));
    }
    for unit in [OffsetUnit::Utf16, OffsetUnit::CodePoints] {
        let r = report(a, text, unit, true);
        let _ = quotelens::markdown::report_markdown(&r, text);
    }
}
