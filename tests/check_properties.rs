//! Invariants of `check` on arbitrary input: it never panics, every span lies on char
//! boundaries inside its text, scores stay in 0..1, and a passage cut from the text
//! itself is always found exactly.

use proptest::prelude::*;
use quotelens::check::{align, check_text, DiffOp};
use quotelens::Span;

fn on_boundaries(text: &str, s: Span) {
    assert!(s.start <= s.end && s.end <= text.len(), "{s:?} outside");
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{s:?} off a char boundary in {text:?}"
    );
}

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("we".to_string()),
            Just("will".to_string()),
            Just("Win".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("\"".to_string()),
            Just("’".to_string()),
            Just("…".to_string()),
            Just("...".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just("(".to_string()),
            Just("é".to_string()),
            Just("😀".to_string()),
            Just("\u{ad}".to_string()),
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just(", she said.".to_string()),
            Just("1,000".to_string()),
            "[a-zA-Z]{1,6}",
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_and_spans_stay_on_boundaries(text in pieces(), passage in pieces()) {
        let (analysis, c) = check_text(&text, &passage).unwrap();
        for a in &c.appearances {
            on_boundaries(&text, a.alignment.span);
            prop_assert!((0.0..=1.0).contains(&a.alignment.score));
            if let Some(s) = a.attribution {
                on_boundaries(&text, s);
            }
            if let Some(q) = a.quote {
                prop_assert!(q < analysis.quotes.len());
            }
            for r in &a.alignment.diff {
                on_boundaries(&text, r.page);
                on_boundaries(&passage, r.passage);
            }
        }
    }

    #[test]
    fn a_cut_of_the_text_is_found_exactly(
        tokens in prop::collection::vec(
            prop_oneof![
                Just("we"), Just("will"), Just("Win"), Just("“it’s"), Just("done,”"),
                Just("\"So"), Just("é😀"), Just("she"), Just("said."), Just("1,000"), Just("\n"),
            ],
            1..60,
        ),
        from in 0usize..60,
        len in 1usize..30,
    ) {
        let text = tokens.join(" ");
        let from = from % tokens.len();
        let to = (from + len).min(tokens.len());
        let cut = tokens[from..to].join(" ");
        prop_assume!(!cut.contains('\n') && cut.chars().any(char::is_alphanumeric));
        let (found, _) = align(&text, &cut);
        prop_assert!(!found.is_empty(), "{cut:?} not found in {text:?}");
        prop_assert!(found[0].exact, "{cut:?} in {text:?}: {:?}", found[0]);
        prop_assert!(found[0].diff.iter().all(|r| r.op == DiffOp::Equal));
    }
}
