//! The French page of `../shared/data/pages` (lemonde-1, an explainer on a surveillance
//! bill): its « » quotations are found, the ones the article attributes are attributed to
//! the named person, and French page furniture ("Lire :") is never a speaker.
//!
//! Input: `lemonde-1/source.html` through `analyze_html`. Output: assertions. Skips with a
//! message when `../shared` is absent (its data is never copied into the repository); the
//! committed golden case `tests/golden/french_article_attribution` covers the same
//! mechanisms on a text the project wrote.

use std::path::PathBuf;

#[test]
fn lemonde_quotes_found_and_attributed() {
    let page = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/pages/lemonde-1/source.html");
    let Ok(html) = std::fs::read_to_string(&page) else {
        println!("skipped: {} is absent", page.display());
        return;
    };
    let (text, analysis) = quotelens::analyze_html(&html).expect("analysis");
    let marked: Vec<_> = analysis
        .quotes
        .iter()
        .filter(|q| q.kind.as_str() != "indirect")
        .collect();
    assert!(
        marked.len() >= 15,
        "only {} « » quotations found",
        marked.len()
    );
    let speaker_of = |needle: &str| {
        analysis
            .quotes
            .iter()
            .find(|q| q.kind.as_str() != "indirect" && q.span.text(&text).contains(needle))
            .unwrap_or_else(|| panic!("no quotation containing {needle:?}"))
            .speaker
            .map(|s| analysis.speakers[s].name.as_str())
    };
    // "Pouria Amirshahi, député …, a annoncé qu'il transmettrait un « mémorandum argumenté »"
    assert_eq!(speaker_of("mémorandum argumenté"), Some("Pouria Amirshahi"));
    // The words of the bill itself, quoted in the writer's sentences, have no speaker.
    assert_eq!(
        speaker_of("intérêts majeurs de la politique étrangère"),
        None
    );
    for s in &analysis.speakers {
        assert!(
            !matches!(s.name.as_str(), "Lire" | "Voir"),
            "page furniture as a speaker: {s:?}"
        );
    }
}
