//! Invariants of the analysis on arbitrary input: it never panics, every span lies on
//! char boundaries inside the text, output is deterministic, quotations of one kind never
//! overlap, and offsets survive a shift of the text by one character.

use proptest::prelude::*;
use quotelens::{analyze, Analysis, OffsetMap, OffsetUnit, QuoteKind, Span};

fn spans(a: &Analysis) -> Vec<Span> {
    let mut out = Vec::new();
    for q in &a.quotes {
        out.push(q.span);
        out.extend(q.speaker_mention);
        out.extend(q.cue);
    }
    for s in &a.speakers {
        out.extend(s.mentions.iter().copied());
    }
    out
}

fn check(text: &str) {
    let a = analyze(text).expect("analysis of a small text succeeds");
    for s in spans(&a) {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{s:?} outside {text:?}"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{s:?} off a char boundary in {text:?}"
        );
    }
    for kind in [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect] {
        let mut of_kind: Vec<Span> = a
            .quotes
            .iter()
            .filter(|q| q.kind == kind)
            .map(|q| q.span)
            .collect();
        of_kind.sort();
        for w in of_kind.windows(2) {
            assert!(
                !w[0].overlaps(w[1]) || w[0].contains(w[1]) || w[1].contains(w[0]),
                "{kind:?} spans overlap: {w:?} in {text:?}"
            );
        }
    }
    // Every speaker listed has words in the article: a quotation or a claim.
    for (i, speaker) in a.speakers.iter().enumerate() {
        let quoted = a.quotes.iter().filter(|q| q.speaker == Some(i)).count();
        assert_eq!(speaker.quote_count, quoted, "{speaker:?} in {text:?}");
        assert!(
            quoted > 0 || a.claims.iter().any(|c| c.claimant == Some(i)),
            "silent speaker {speaker:?} in {text:?}"
        );
    }
    assert_eq!(a, analyze(text).unwrap(), "not deterministic on {text:?}");
}

/// Text made of the pieces that stress the engine: every quote style, cues, names,
/// pronouns, apostrophes, emoji, combining marks, soft hyphens and line breaks.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "「",
        "」",
        "''",
        "``",
        " said ",
        " he said",
        ", she added.",
        "Anna Lee",
        "Mr. Putin",
        "the company",
        " according to ",
        ": ",
        ". ",
        "\n",
        "\n\n",
        " don't ",
        "Jones’ ",
        "😀",
        "e\u{301}",
        "\u{ad}",
        "\u{200d}",
        "(",
        ")",
        " — ",
        "We will win",
        " told reporters that ",
        "It",
        "é",
        "ש",
        "漢字",
        " ",
        ",",
    ]);
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_on_any_string(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn invariants_on_newsy_text(s in newsy()) {
        check(&s);
    }

    #[test]
    fn shifting_by_one_character_shifts_every_span(s in newsy(), prefix in prop::sample::select(vec!["x", "é", "😀", "\u{ad}"])) {
        // A prefix word in its own paragraph must not change what the article says.
        let shifted = format!("{prefix}\n{s}");
        let a = analyze(&s).unwrap();
        let b = analyze(&shifted).unwrap();
        let offset = prefix.len() + 1;
        let moved: Vec<Span> = spans(&a).into_iter().map(|x| Span::new(x.start + offset, x.end + offset)).collect();
        prop_assert_eq!(moved, spans(&b));
    }

    #[test]
    fn offset_conversion_round_trips(s in newsy()) {
        for unit in [OffsetUnit::Utf16, OffsetUnit::CodePoints] {
            let map = OffsetMap::new(&s, unit);
            for (byte, _) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
                let converted = map.convert(byte);
                let expected = match unit {
                    OffsetUnit::Utf16 => s[..byte].encode_utf16().count(),
                    _ => s[..byte].chars().count(),
                };
                prop_assert_eq!(converted, expected);
                prop_assert_eq!(map.to_byte(converted), byte);
            }
        }
    }
}

#[test]
fn refuses_oversized_input_with_a_clear_error() {
    let big = "a".repeat(quotelens::MAX_TEXT_BYTES + 1);
    let err = analyze(&big).unwrap_err().to_string();
    assert!(err.contains("limit"), "{err}");
}

#[test]
fn adversarial_marks_stay_linear() {
    let marks = "“".repeat(10_000) + &"\"".repeat(10_000) + &"'".repeat(10_000);
    let a = analyze(&marks).unwrap();
    assert!(a.quotes.len() <= 10_000);
    let nested = "“a ‘b ".repeat(10_000);
    analyze(&nested).unwrap();
}

/// A text cut anywhere: every prefix and every suffix of an article dense in attribution
/// patterns analyses without a panic and keeps the invariants. A text that ends right after
/// a cue ("Politifact then pointed", "… to prove that"), after "percent of", or that opens
/// with a participle ("saying that …") once read past an end of the token list.
#[test]
fn every_prefix_and_suffix_analyses() {
    let article = "Harbour plan splits council, poll shows\n\n\
        PORT ELLERY — Mayor Ana Silva said on Tuesday that the bridge would close in March, \
        arguing that repairs “cannot wait.” Critics responded to the plan by pointing to the cost.\n\n\
        “We were told, ‘There is nothing to discuss,’” said Tom Reyes, who chairs the harbour \
        board. Support fell to 5 percent of residents, according to a survey. Silva - who \
        previously said the bridge was safe - pointed to the report, saying that it was \
        \"a disgrace\". The company announced on Thursday, leaving 600 residents without a ferry.\n\n\
        REYES: Will you resign?\n\nSILVA: No.\n\nREYES: Why not?";
    let boundaries: Vec<usize> = (0..=article.len())
        .filter(|&i| article.is_char_boundary(i))
        .collect();
    for &i in &boundaries {
        check(&article[..i]);
        check(&article[i..]);
    }
}
