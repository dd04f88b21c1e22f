//! Derives cue-lexicon candidates from PolNeAR training data.
//!
//! Input: `polnear_train.jsonl` (path as the first argument). Output on stdout: one line per
//! cue lemma seen in the annotations, most frequent first: `lemma \t quoted \t unquoted \t
//! known`, where quoted/unquoted count attributions whose content is/is not in quotation
//! marks and `known` says whether `src/lexicon/cues.tsv` already has it. Lemmas are guessed
//! by undoing English inflection until a form the lexicon knows, or the shortest plausible
//! stem. The lexicon is then extended by hand from this list (with a class and the `q`
//! flag), because frequent annotated cues include words that are poor cues on their own.
//!
//! `cargo run --release --example derive_cues -- ../shared/data/polnear/polnear_train.jsonl`

use std::collections::HashMap;

fn lemma_candidates(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    let strip = |suffix: &str, add: &str| word.strip_suffix(suffix).map(|s| format!("{s}{add}"));
    for (suffix, add) in [
        ("ies", "y"),
        ("ied", "y"),
        ("ing", "e"),
        ("ing", ""),
        ("es", ""),
        ("ed", "e"),
        ("ed", ""),
        ("s", ""),
        ("d", ""),
    ] {
        if let Some(stem) = strip(suffix, add) {
            if stem.len() >= 2 {
                out.push(stem.clone());
                // admitted -> admit
                let b = stem.as_bytes();
                if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
                    out.push(stem[..stem.len() - 1].to_string());
                }
            }
        }
    }
    out
}

fn is_auxiliary(w: &str) -> bool {
    let w = w.to_lowercase();
    matches!(
        w.as_str(),
        "has"
            | "have"
            | "had"
            | "was"
            | "is"
            | "were"
            | "are"
            | "be"
            | "been"
            | "being"
            | "will"
            | "would"
            | "did"
            | "does"
            | "do"
            | "not"
            | "also"
            | "to"
            | "could"
            | "may"
            | "might"
            | "can"
            | "should"
            | "must"
            | "it"
            | "that"
            | "n't"
            | "never"
            | "just"
            | "even"
            | "still"
            | "already"
            | "repeatedly"
            | "publicly"
            | "reportedly"
            | "previously"
            | "later"
            | "then"
            | "again"
            | "once"
    ) || (w.ends_with("ly") && w.len() > 4)
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: derive_cues POLNEAR_TRAIN.jsonl");
        std::process::exit(2);
    };
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for line in data.lines() {
        let Ok(article) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        for q in article["quotes"].as_array().into_iter().flatten() {
            let Some(cue) = q["cue"]["text"].as_str() else {
                continue;
            };
            let quoted = q["kind"] == "direct";
            // The head of a verb group is its first word after auxiliaries and adverbs:
            // "has repeatedly said" -> "said", "called for" -> "called".
            let Some(head) = cue
                .split(|c: char| !c.is_alphabetic() && c != '\'')
                .find(|w| !w.is_empty() && !is_auxiliary(w))
            else {
                continue;
            };
            let head = head.to_lowercase();
            let lemma = lemma_candidates(&head)
                .into_iter()
                .find(|l| quotelens::lexicon::cue_verb(l).is_some_and(|c| c.lemma == l))
                .unwrap_or_else(|| {
                    quotelens::lexicon::cue_verb(&head)
                        .map(|c| c.lemma.to_string())
                        .unwrap_or(head.clone())
                });
            let entry = counts.entry(lemma).or_default();
            if quoted {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| {
        (b.1 .0 + b.1 .1)
            .cmp(&(a.1 .0 + a.1 .1))
            .then(a.0.cmp(&b.0))
    });
    println!("lemma\tquoted\tunquoted\tknown");
    for (lemma, (quoted, unquoted)) in rows {
        let known = quotelens::lexicon::cue_verb(&lemma).is_some()
            || quotelens::lexicon::cue_noun(&lemma).is_some();
        println!(
            "{lemma}\t{quoted}\t{unquoted}\t{}",
            if known { "yes" } else { "no" }
        );
    }
}
