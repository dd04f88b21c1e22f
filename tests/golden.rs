//! Golden articles: `tests/golden/<case>/input.txt` (an article the project wrote itself,
//! one paragraph per line) and `tests/golden/<case>/expected.json` (what a careful human
//! reader says its quotations and speakers are, written by hand).
//!
//! `expected.json`:
//!
//! ```json
//! {
//!   "covers": "what the case exercises",
//!   "quotes": [{"text": "...", "kind": "direct|partial|indirect|scare",
//!               "speaker": "Canonical Name" | null | ["alternative", null],
//!               "optional": false, "known_gap": "why the engine fails it", "note": "..."}],
//!   "speakers": ["Canonical Name", {"name": "...", "known_gap": "..."}],
//!   "speakers_optional": ["a speaker that may or may not be reported"],
//!   "not_speakers": [{"name": "...", "known_gap": "..."}],
//!   "absent": [{"text": "...", "kinds": ["indirect"], "note": "...", "known_gap": "..."}]
//! }
//! ```
//!
//! Rules:
//! - A quote with marks (direct, partial, scare) must be reported with exactly that text
//!   (the span excludes the marks; surrounding whitespace such as the no-break space inside
//!   « … » is ignored), the same kind and the same speaker (`speakers[q.speaker].name`;
//!   names compare case-insensitively, without a leading "the").
//! - An indirect quote must be matched by a reported indirect quote of the same speaker
//!   whose span overlaps the expected text's first occurrence with character IoU >= 0.5.
//! - A reported direct or partial quote that no expectation accounts for is a failure.
//! - `optional` quotes may be missing; when reported they must still be right.
//! - `absent` texts must not be reported (IoU >= 0.5) as a quote of the given kinds by any
//!   quote no expectation accounts for: "X wants to …" is no speech.
//! - Every name in `speakers` must speak; a speaker outside `speakers` and
//!   `speakers_optional` is a failure; `not_speakers` must not speak.
//! - `known_gap` marks an expectation the engine fails today. The runner asserts that it
//!   still FAILS: a fix must remove the marker, so markers never go stale silently.
//! - Every case runs twice, the second time on `"x\n" + input`; each expectation must have
//!   the same outcome, proving offsets do not depend on position.
//!
//! `QUOTELENS_GOLDEN_REPORT=1 cargo test --test golden -- --nocapture` prints a table of
//! every case and expectation instead of failing.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use quotelens::analyze;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    #[serde(default)]
    #[allow(dead_code)]
    covers: Option<String>,
    quotes: Vec<ExpQuote>,
    speakers: Vec<ExpSpeaker>,
    #[serde(default)]
    speakers_optional: Vec<String>,
    #[serde(default)]
    not_speakers: Vec<NamedGap>,
    #[serde(default)]
    absent: Vec<Absent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpQuote {
    text: String,
    kind: String,
    speaker: Value,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    known_gap: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ExpSpeaker {
    Name(String),
    Gap(NamedGap),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamedGap {
    name: String,
    #[serde(default)]
    known_gap: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Absent {
    text: String,
    #[serde(default)]
    kinds: Option<Vec<String>>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    #[serde(default)]
    known_gap: Option<String>,
}

/// One reported quote, in characters of the analysed text.
struct Got {
    start: usize,
    end: usize,
    text: String,
    kind: &'static str,
    speaker: Option<String>,
}

impl Got {
    fn show(&self) -> String {
        format!(
            "{} “{}” by {}",
            self.kind,
            self.text,
            self.speaker.as_deref().unwrap_or("nobody")
        )
    }
}

/// The outcome of one expectation on one input.
struct Outcome {
    id: String,
    pass: bool,
    detail: String,
    known_gap: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Status {
    Pass,
    KnownGap,
    Fail,
    StaleGap,
}

impl Status {
    fn label(self) -> &'static str {
        match self {
            Status::Pass => "PASS",
            Status::KnownGap => "KNOWN-GAP",
            Status::Fail => "FAIL",
            Status::StaleGap => "STALE-GAP",
        }
    }
    fn is_failure(self) -> bool {
        matches!(self, Status::Fail | Status::StaleGap)
    }
}

impl Outcome {
    fn status(&self) -> Status {
        match (self.pass, self.known_gap.is_some()) {
            (true, false) => Status::Pass,
            (false, true) => Status::KnownGap,
            (false, false) => Status::Fail,
            (true, true) => Status::StaleGap,
        }
    }
}

fn norm_name(name: &str) -> String {
    let n = name.trim().to_lowercase();
    n.strip_prefix("the ").unwrap_or(&n).trim().to_string()
}

fn allowed_speakers(v: &Value, case: &str, text: &str) -> Vec<Option<String>> {
    let one = |v: &Value| match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        _ => panic!("{case}: speaker of “{text}” must be a string, null or a list of them"),
    };
    match v {
        Value::Array(items) => items.iter().map(one).collect(),
        v => vec![one(v)],
    }
}

fn speaker_ok(allowed: &[Option<String>], got: &Option<String>) -> bool {
    allowed.iter().any(|a| match (a, got) {
        (None, None) => true,
        (Some(a), Some(g)) => norm_name(a) == norm_name(g),
        _ => false,
    })
}

fn show_allowed(allowed: &[Option<String>]) -> String {
    allowed
        .iter()
        .map(|a| a.as_deref().unwrap_or("nobody"))
        .collect::<Vec<_>>()
        .join(" or ")
}

fn chars_before(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |t| t.chars().count())
}

/// The character span of the first occurrence of `needle` in `text`.
fn locate(case: &str, text: &str, needle: &str) -> (usize, usize) {
    let b = text
        .find(needle)
        .unwrap_or_else(|| panic!("{case}: fixture error: “{needle}” is not in input.txt"));
    let s = chars_before(text, b);
    (s, s + needle.chars().count())
}

fn iou(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = (a.1 - a.0) + (b.1 - b.0) - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

fn reported(text: &str) -> Vec<Got> {
    let a = analyze(text).expect("a golden article is small enough to analyse");
    a.quotes
        .iter()
        .map(|q| Got {
            start: chars_before(text, q.span.start),
            end: chars_before(text, q.span.end),
            text: q.span.text(text).trim().to_string(),
            kind: q.kind.as_str(),
            speaker: q.speaker.map(|i| a.speakers[i].name.clone()),
        })
        .collect()
}

/// The outcomes of every expectation, and the reported indirect and scare quotes no
/// expectation accounts for (information, not failures).
fn evaluate(case: &str, text: &str, exp: &Expected) -> (Vec<Outcome>, Vec<String>) {
    let got = reported(text);
    let mut used = vec![false; got.len()];
    let mut out = Vec::new();
    let overlapping = |span: (usize, usize)| -> String {
        let list: Vec<String> = got
            .iter()
            .filter(|g| g.start < span.1 && span.0 < g.end)
            .map(Got::show)
            .collect();
        if list.is_empty() {
            "nothing overlaps".to_string()
        } else {
            format!("overlapping: {}", list.join("; "))
        }
    };

    // Quotes with marks: exact text, kind, speaker.
    for (i, e) in exp.quotes.iter().enumerate() {
        if e.kind == "indirect" {
            continue;
        }
        assert!(
            matches!(e.kind.as_str(), "direct" | "partial" | "scare"),
            "{case}: unknown kind {:?}",
            e.kind
        );
        let allowed = allowed_speakers(&e.speaker, case, &e.text);
        let loc = locate(case, text, &e.text);
        let id = format!("#{i} {} “{}” by {}", e.kind, e.text, show_allowed(&allowed));
        let candidates: Vec<usize> = (0..got.len())
            .filter(|&g| !used[g] && got[g].kind != "indirect" && got[g].text == e.text)
            .collect();
        let best = candidates
            .iter()
            .copied()
            .find(|&g| got[g].kind == e.kind && speaker_ok(&allowed, &got[g].speaker))
            .or_else(|| candidates.iter().copied().find(|&g| got[g].kind == e.kind))
            .or_else(|| candidates.first().copied());
        let (pass, detail) = match best {
            None if e.optional => (true, "optional, not reported".to_string()),
            None => (false, format!("not found; {}", overlapping(loc))),
            Some(g) => {
                used[g] = true;
                let ok = got[g].kind == e.kind && speaker_ok(&allowed, &got[g].speaker);
                (ok, format!("got {}", got[g].show()))
            }
        };
        out.push(Outcome {
            id,
            pass,
            detail,
            known_gap: e.known_gap.clone(),
        });
    }

    // Reported speech: IoU >= 0.5 and the same speaker.
    for (i, e) in exp.quotes.iter().enumerate() {
        if e.kind != "indirect" {
            continue;
        }
        let allowed = allowed_speakers(&e.speaker, case, &e.text);
        let loc = locate(case, text, &e.text);
        let id = format!("#{i} indirect “{}” by {}", e.text, show_allowed(&allowed));
        let scored = |g: usize| iou(loc, (got[g].start, got[g].end));
        let indirect: Vec<usize> = (0..got.len())
            .filter(|&g| !used[g] && got[g].kind == "indirect")
            .collect();
        let hit = indirect
            .iter()
            .copied()
            .filter(|&g| scored(g) >= 0.5 && speaker_ok(&allowed, &got[g].speaker))
            .max_by(|&a, &b| scored(a).total_cmp(&scored(b)));
        let (pass, detail) = match hit {
            Some(g) => {
                used[g] = true;
                (
                    true,
                    format!("got {} (IoU {:.2})", got[g].show(), scored(g)),
                )
            }
            None => {
                let near = indirect
                    .iter()
                    .copied()
                    .filter(|&g| scored(g) > 0.0)
                    .max_by(|&a, &b| scored(a).total_cmp(&scored(b)));
                match near {
                    Some(g) => (
                        e.optional,
                        format!("best indirect: {} (IoU {:.2})", got[g].show(), scored(g)),
                    ),
                    None => (
                        e.optional,
                        format!("no indirect quote overlaps; {}", overlapping(loc)),
                    ),
                }
            }
        };
        out.push(Outcome {
            id,
            pass,
            detail,
            known_gap: e.known_gap.clone(),
        });
    }

    // Texts that are no quotation, then any other direct or partial quote: extras.
    for (i, a) in exp.absent.iter().enumerate() {
        let loc = locate(case, text, &a.text);
        let kinds = a.kinds.clone().unwrap_or_else(|| {
            ["direct", "partial", "indirect", "scare"]
                .map(String::from)
                .to_vec()
        });
        let hits: Vec<usize> = (0..got.len())
            .filter(|&g| {
                !used[g]
                    && kinds.iter().any(|k| k == got[g].kind)
                    && iou(loc, (got[g].start, got[g].end)) >= 0.5
            })
            .collect();
        for &g in &hits {
            used[g] = true;
        }
        out.push(Outcome {
            id: format!("absent #{i} “{}”", a.text),
            pass: hits.is_empty(),
            detail: if hits.is_empty() {
                "not reported".to_string()
            } else {
                format!(
                    "reported as {}",
                    hits.iter()
                        .map(|&g| got[g].show())
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            },
            known_gap: a.known_gap.clone(),
        });
    }
    let mut unmatched = Vec::new();
    for (g, q) in got.iter().enumerate() {
        if !used[g] && !matches!(q.kind, "direct" | "partial") {
            unmatched.push(q.show());
        }
        if !used[g] && matches!(q.kind, "direct" | "partial") {
            out.push(Outcome {
                id: format!("extra {}", q.show()),
                pass: false,
                detail: "no expectation accounts for this quote".to_string(),
                known_gap: None,
            });
        }
    }

    // Speakers.
    let speaking: BTreeSet<String> = got
        .iter()
        .filter_map(|g| g.speaker.as_deref())
        .map(norm_name)
        .collect();
    let mut known: BTreeSet<String> = exp.speakers_optional.iter().map(|s| norm_name(s)).collect();
    for s in &exp.speakers {
        let (name, gap) = match s {
            ExpSpeaker::Name(n) => (n, None),
            ExpSpeaker::Gap(g) => (&g.name, g.known_gap.clone()),
        };
        known.insert(norm_name(name));
        let pass = speaking.contains(&norm_name(name));
        out.push(Outcome {
            id: format!("speaker {name}"),
            pass,
            detail: if pass { "speaks" } else { "never a speaker" }.to_string(),
            known_gap: gap,
        });
    }
    for s in &exp.not_speakers {
        known.insert(norm_name(&s.name));
        let pass = !speaking.contains(&norm_name(&s.name));
        out.push(Outcome {
            id: format!("not a speaker: {}", s.name),
            pass,
            detail: if pass {
                "silent"
            } else {
                "reported as a speaker"
            }
            .to_string(),
            known_gap: s.known_gap.clone(),
        });
    }
    let names: BTreeMap<String, &str> = got
        .iter()
        .filter_map(|g| g.speaker.as_deref())
        .map(|n| (norm_name(n), n))
        .collect();
    for (n, shown) in names {
        if !known.contains(&n) {
            out.push(Outcome {
                id: format!("extra speaker {shown}"),
                pass: false,
                detail: "not in speakers".to_string(),
                known_gap: None,
            });
        }
    }
    (out, unmatched)
}

struct CaseResult {
    name: String,
    outcomes: Vec<Outcome>,
    /// Expectations whose outcome changes when the text is shifted by "x\n".
    shifted: Vec<String>,
    /// Reported indirect and scare quotes no expectation accounts for.
    unmatched: Vec<String>,
}

impl CaseResult {
    fn count(&self, s: Status) -> usize {
        self.outcomes.iter().filter(|o| o.status() == s).count()
    }
    fn failed(&self) -> bool {
        !self.shifted.is_empty() || self.outcomes.iter().any(|o| o.status().is_failure())
    }
}

fn run_case(dir: &Path) -> CaseResult {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let input = std::fs::read_to_string(dir.join("input.txt"))
        .unwrap_or_else(|e| panic!("{name}: input.txt: {e}"));
    let raw = std::fs::read_to_string(dir.join("expected.json"))
        .unwrap_or_else(|e| panic!("{name}: expected.json: {e}"));
    let exp: Expected =
        serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{name}: expected.json: {e}"));
    let (outcomes, unmatched) = evaluate(&name, &input, &exp);
    let shifted_input = format!("x\n{input}");
    let (moved, _) = evaluate(&name, &shifted_input, &exp);
    let before: BTreeMap<&str, bool> = outcomes.iter().map(|o| (o.id.as_str(), o.pass)).collect();
    let after: BTreeMap<&str, bool> = moved.iter().map(|o| (o.id.as_str(), o.pass)).collect();
    let mut shifted = Vec::new();
    for id in before.keys().chain(after.keys()).collect::<BTreeSet<_>>() {
        let (b, a) = (before.get(id), after.get(id));
        if b != a {
            let show = |x: Option<&bool>| match x {
                Some(true) => "pass",
                Some(false) => "fail",
                None => "absent",
            };
            shifted.push(format!(
                "{id}: {} on the text, {} on \"x\\n\" + text",
                show(b),
                show(a)
            ));
        }
    }
    CaseResult {
        name,
        outcomes,
        shifted,
        unmatched,
    }
}

fn cases() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/golden exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("input.txt").is_file())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn golden_articles() {
    let report = std::env::var("QUOTELENS_GOLDEN_REPORT").is_ok_and(|v| v != "0" && !v.is_empty());
    let dirs = cases();
    assert!(
        dirs.len() >= 10,
        "expected the golden cases, found {}",
        dirs.len()
    );
    let results: Vec<CaseResult> = dirs.iter().map(|d| run_case(d)).collect();

    let mut table = String::new();
    let _ = writeln!(
        table,
        "{:<28} {:>5} {:>5} {:>9} {:>5} {:>6} {:>7}",
        "case", "pass", "fail", "known-gap", "stale", "shift", "result"
    );
    for r in &results {
        let _ = writeln!(
            table,
            "{:<28} {:>5} {:>5} {:>9} {:>5} {:>6} {:>7}",
            r.name,
            r.count(Status::Pass),
            r.count(Status::Fail),
            r.count(Status::KnownGap),
            r.count(Status::StaleGap),
            r.shifted.len(),
            if r.failed() { "FAIL" } else { "ok" }
        );
    }
    let total = |s: Status| results.iter().map(|r| r.count(s)).sum::<usize>();
    let _ = writeln!(
        table,
        "{:<28} {:>5} {:>5} {:>9} {:>5} {:>6}",
        "total",
        total(Status::Pass),
        total(Status::Fail),
        total(Status::KnownGap),
        total(Status::StaleGap),
        results.iter().map(|r| r.shifted.len()).sum::<usize>()
    );

    let mut details = String::new();
    for r in &results {
        let shown: Vec<&Outcome> = r
            .outcomes
            .iter()
            .filter(|o| report || o.status() != Status::Pass)
            .collect();
        let info: &[String] = if report { &r.unmatched } else { &[] };
        if shown.is_empty() && r.shifted.is_empty() && info.is_empty() {
            continue;
        }
        let _ = writeln!(details, "\n== {} ==", r.name);
        for o in shown {
            let _ = writeln!(details, "  [{}] {}", o.status().label(), o.id);
            let _ = writeln!(details, "        {}", o.detail);
            if let Some(g) = &o.known_gap {
                let _ = writeln!(details, "        known gap: {g}");
            }
            if o.status() == Status::StaleGap {
                let _ = writeln!(
                    details,
                    "        the engine now gets this right: remove \"known_gap\" from expected.json"
                );
            }
        }
        for s in &r.shifted {
            let _ = writeln!(details, "  [SHIFT] {s}");
        }
        for u in info {
            let _ = writeln!(details, "  [info] also reported: {u}");
        }
    }

    println!("{table}{details}");
    if report {
        return;
    }
    let failed: Vec<&str> = results
        .iter()
        .filter(|r| r.failed())
        .map(|r| r.name.as_str())
        .collect();
    assert!(
        failed.is_empty(),
        "golden cases failing: {}\n\n{table}{details}",
        failed.join(", ")
    );
}
