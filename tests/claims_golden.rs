//! Claims on whole articles: golden folders of articles the project wrote itself
//! (`tests/golden-claims/<case>/{input.txt,expected.json}`), and the seed article's gold
//! claims from `../shared` (skipped with a message when that folder is absent).
//!
//! Regenerate a golden file after an intended change with
//! `UPDATE_GOLDEN=1 cargo test --test claims_golden`, then review the diff.

use std::path::{Path, PathBuf};

use quotelens::output::report;
use quotelens::OffsetUnit;
use serde_json::{json, Value};

fn golden_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden-claims");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

/// The part of the report a golden file pins: claims in rank order.
fn claims_view(text: &str) -> Value {
    let a = quotelens::analyze(text).unwrap();
    let r = report(&a, text, OffsetUnit::CodePoints, false);
    let claims: Vec<Value> = r
        .claims
        .iter()
        .map(|c| {
            json!({
                "claimant": c.claimant,
                "claim": c.claim,
                "text": c.text,
                "type": c.claim_type,
                "stance": c.stance,
                "check_worthiness": (f64::from(c.check_worthiness) * 1000.0).round() / 1000.0,
                "reasons": c.reasons,
                "appearances": c.appearances.len(),
            })
        })
        .collect();
    json!({ "claims": claims })
}

#[test]
fn golden_articles() {
    let dirs = golden_dirs();
    assert!(!dirs.is_empty(), "no tests/golden-claims/<case> folders");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for dir in dirs {
        let text = std::fs::read_to_string(dir.join("input.txt")).unwrap();
        let got = claims_view(&text);
        let path = dir.join("expected.json");
        if update {
            std::fs::write(&path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let want: Value = serde_json::from_str(
            &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        )
        .unwrap();
        assert_eq!(
            got,
            want,
            "{}: claims differ (UPDATE_GOLDEN=1 to accept)",
            dir.display()
        );
    }
}

/// The golden article's properties that must hold whatever the exact scores.
#[test]
fn golden_article_properties() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden-claims/harbour-council");
    let text = std::fs::read_to_string(dir.join("input.txt")).unwrap();
    let a = quotelens::analyze(&text).unwrap();
    let name = |c: &quotelens::Claim| c.claimant.map(|s| a.speakers[s].name.as_str());
    let find = |needle: &str| {
        a.claims
            .iter()
            .find(|c| c.standalone.contains(needle))
            .unwrap_or_else(|| panic!("no claim with {needle:?}: {:#?}", a.claims))
    };
    assert_eq!(name(find("largest investment")), Some("Miriam Osei"));
    assert_eq!(name(find("ignored cheaper options")), Some("Daniel Fry"));
    assert_eq!(
        find("ignored cheaper options").stance,
        quotelens::Stance::Denies
    );
    assert_eq!(
        find("Osei will publish").claim_type,
        quotelens::ClaimType::Prediction
    );
    // Headline and body: one claim, two appearances (plus the closing summary line).
    assert!(!find("40 million pound sea wall").appearances.is_empty());
    for c in a.claims.iter().take(5) {
        assert!(!c.reasons.contains("question") && !c.reasons.contains("opinion"));
    }
}

/// Python's difflib ratio is bounded above by this LCS ratio; the scorer's threshold is
/// 0.5, this test asks 0.6 of the LCS ratio or containment.
fn similar(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.to_lowercase()
            .replace('’', "'")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (norm(a), norm(b));
    if a.len() >= 12 && b.len() >= 12 && (a.contains(&b) || b.contains(&a)) {
        return true;
    }
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut prev = vec![0usize; y.len() + 1];
    for &cx in &x {
        let mut cur = vec![0usize; y.len() + 1];
        for (j, &cy) in y.iter().enumerate() {
            cur[j + 1] = if cx == cy {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    let lcs = prev[y.len()];
    2.0 * lcs as f64 / (x.len() + y.len()).max(1) as f64 >= 0.6
}

fn last_word(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase()
}

#[test]
fn seed_article_gold_claims() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold");
    let (Ok(text), Ok(gold)) = (
        std::fs::read_to_string(shared.join("seed-article.txt")),
        std::fs::read_to_string(shared.join("seed-article.gold.json")),
    ) else {
        eprintln!(
            "skipping seed_article_gold_claims: {} not found (the shared evaluation data is not part of the repository)",
            shared.display()
        );
        return;
    };
    let gold: Value = serde_json::from_str(&gold).unwrap();
    let a = quotelens::analyze(&text).unwrap();
    let r = report(&a, &text, OffsetUnit::CodePoints, false);
    let gold_claims = gold["claims"].as_array().unwrap();
    let mut used = vec![false; r.claims.len()];
    let (mut found, mut right) = (0, 0);
    for g in gold_claims {
        let claim = g["claim"].as_str().unwrap();
        let hit = r
            .claims
            .iter()
            .enumerate()
            .find(|(i, c)| !used[*i] && (similar(&c.claim, claim) || similar(&c.text, claim)));
        match hit {
            Some((i, c)) => {
                used[i] = true;
                found += 1;
                let ok =
                    c.claimant.as_deref().map(last_word) == g["claimant"].as_str().map(last_word);
                right += ok as usize;
                if !ok {
                    eprintln!("wrong claimant for {claim:?}: {:?}", c.claimant);
                }
            }
            None => eprintln!("not found: {claim:?}"),
        }
    }
    eprintln!(
        "seed: {found}/{} gold claims found, {right} with the right claimant",
        gold_claims.len()
    );
    assert!(right >= 9, "only {right} of 10 with the right claimant");
    for c in r.claims.iter().take(5) {
        assert!(
            c.claim_type != "opinion" && !c.reasons.contains(&"question"),
            "{c:?} in the top 5"
        );
    }
}
