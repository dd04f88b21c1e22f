//! Scoring against PolNeAR-style gold, with the definitions of the project's reference
//! scorer (`score.py`): so users can measure QuoteLens on their own annotated data.
//!
//! Input: gold JSONL (`{id, text, quotes: [{start, end, content_spans, kind, mixed,
//! speaker, speaker_mentions}]}`, code-point offsets) and optionally predictions in the
//! `quotelens analyze --jsonl` shape (otherwise the gold texts are analysed here).
//! Output: [`Scores`]: direct-quote P/R/F1, speaker accuracy, reported-speech P/R/F1.
//!
//! Definitions: spans are trimmed of spaces, quote marks and punctuation, and match at
//! character IoU >= 0.5, one-to-one, greedily by IoU. Gold direct quotes contribute each
//! content fragment; quoted pieces inside mixed reported speech also count as hits.
//! A speaker is right when the predicted mention overlaps a gold source mention or the
//! predicted name shares its last word with the gold source.

use serde::{Deserialize, Serialize};

use crate::output::report;
use crate::span::OffsetUnit;

const TRIM: &[char] = &[
    ' ', '\t', '\n', '"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{ab}', '\u{bb}',
    '\u{201e}', '.', ',', ';', ':', '!', '?', '\u{2014}', '\u{2013}', '-',
];

#[derive(Deserialize)]
struct GoldMention {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct GoldQuote {
    start: usize,
    end: usize,
    #[serde(default)]
    content_spans: Vec<(usize, usize)>,
    kind: String,
    #[serde(default)]
    mixed: bool,
    speaker: Option<String>,
    #[serde(default)]
    speaker_mentions: Vec<GoldMention>,
}

#[derive(Deserialize)]
struct GoldArticle {
    id: String,
    text: String,
    quotes: Vec<GoldQuote>,
}

#[derive(Deserialize, Clone)]
struct PredMention {
    start: usize,
    end: usize,
}

#[derive(Deserialize, Clone)]
struct PredQuote {
    start: usize,
    end: usize,
    kind: String,
    speaker: Option<String>,
    speaker_mention: Option<PredMention>,
}

#[derive(Deserialize)]
struct PredArticle {
    id: serde_json::Value,
    #[serde(default)]
    quotes: Vec<PredQuote>,
}

#[derive(Serialize, Debug, Default, Clone, PartialEq)]
pub struct Scores {
    pub articles: usize,
    pub missing: usize,
    pub direct_p: f64,
    pub direct_r: f64,
    pub direct_f1: f64,
    pub speaker_acc: f64,
    pub speaker_n: usize,
    pub indirect_p: f64,
    pub indirect_r: f64,
    pub indirect_f1: f64,
    pub indirect_speaker_acc: f64,
    pub gold_direct: usize,
    pub predicted_quotes: usize,
}

impl Scores {
    pub fn summary(&self) -> String {
        format!(
            "articles {} (missing predictions {})\ndirect quotes  P {:.3}  R {:.3}  F1 {:.3}\nspeaker (direct, matched)  {:.3}  of {}\nindirect       P {:.3}  R {:.3}  F1 {:.3}   speaker {:.3}\n",
            self.articles,
            self.missing,
            self.direct_p,
            self.direct_r,
            self.direct_f1,
            self.speaker_acc,
            self.speaker_n,
            self.indirect_p,
            self.indirect_r,
            self.indirect_f1,
            self.indirect_speaker_acc
        )
    }
}

fn trim(t: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    e = e.min(t.len());
    s = s.min(e);
    while s < e && TRIM.contains(&t[s]) {
        s += 1;
    }
    while e > s && TRIM.contains(&t[e - 1]) {
        e -= 1;
    }
    (s, e)
}

fn iou(a: (usize, usize), b: (usize, usize)) -> f64 {
    let i = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let u = (a.1 - a.0) + (b.1 - b.0) - i;
    if u == 0 {
        0.0
    } else {
        i as f64 / u as f64
    }
}

fn greedy(p: &[(usize, usize)], g: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in p.iter().enumerate() {
        for (j, b) in g.iter().enumerate() {
            let v = iou(*a, *b);
            if v >= 0.5 {
                pairs.push((v, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
    let (mut up, mut ug) = (vec![false; p.len()], vec![false; g.len()]);
    let mut out = Vec::new();
    for (_, i, j) in pairs {
        if up[i] || ug[j] {
            continue;
        }
        up[i] = true;
        ug[j] = true;
        out.push((i, j));
    }
    out
}

fn last_word(s: Option<&str>) -> Option<String> {
    let s = s?;
    let mut last = None;
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_alphabetic() {
            let mut j = i + 1;
            while j < chars.len()
                && (chars[j].is_ascii_alphabetic() || chars[j] == '\'' || chars[j] == '-')
            {
                j += 1;
            }
            if j - i >= 2 {
                last = Some(chars[i..j].iter().collect::<String>().to_lowercase());
            }
            i = j;
        } else {
            i += 1;
        }
    }
    last
}

/// Quoted pieces `"…"` / `“…”` inside a span, as the reference scorer finds them.
fn quoted_pieces(t: &[char], s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut p = s;
    let e = e.min(t.len());
    while p < e {
        if t[p] == '"' || t[p] == '\u{201c}' {
            let mut q = p + 1;
            while q < e && !matches!(t[q], '"' | '\u{201c}' | '\u{201d}') {
                q += 1;
            }
            if q > p + 1 && q < e && matches!(t[q], '"' | '\u{201d}') {
                out.push((p, q + 1));
                p = q + 1;
                continue;
            }
        }
        p += 1;
    }
    out
}

struct GoldUnit {
    span: (usize, usize),
    direct: bool,
    sources: Vec<(usize, usize)>,
    speaker: Option<String>,
}

struct PredUnit {
    span: (usize, usize),
    mention: Option<(usize, usize)>,
    speaker: Option<String>,
}

fn speaker_ok(p: &PredUnit, g: &GoldUnit) -> bool {
    let overlap = p
        .mention
        .is_some_and(|(ps, pe)| g.sources.iter().any(|&(s, e)| pe.min(e) > ps.max(s)));
    let pw = last_word(p.speaker.as_deref());
    overlap || (pw.is_some() && pw == last_word(g.speaker.as_deref()))
}

/// Scores predictions (or QuoteLens's own analysis when `pred` is `None`) against gold.
pub fn score_polnear(gold: &str, pred: Option<&str>) -> Result<Scores, String> {
    let mut preds: std::collections::HashMap<String, Vec<PredQuote>> =
        std::collections::HashMap::new();
    if let Some(pred) = pred {
        for (n, line) in pred
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let a: PredArticle = serde_json::from_str(line)
                .map_err(|e| format!("predictions line {}: {e}", n + 1))?;
            let id = match a.id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            preds.insert(id, a.quotes);
        }
    }
    let (mut articles, mut missing) = (0, 0);
    let (mut gd, mut pq, mut tp_q, mut tp_d, mut spk_n, mut spk_ok) = (0, 0, 0, 0, 0, 0);
    let (mut gi, mut pi, mut tp_i, mut spk_i_n, mut spk_i_ok) = (0, 0, 0, 0, 0);
    for (n, line) in gold
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let g: GoldArticle =
            serde_json::from_str(line).map_err(|e| format!("gold line {}: {e}", n + 1))?;
        articles += 1;
        let t: Vec<char> = g.text.chars().collect();
        let quotes: Vec<PredQuote> = match pred {
            Some(_) => match preds.get(&g.id) {
                Some(q) => q.clone(),
                None => {
                    missing += 1;
                    Vec::new()
                }
            },
            None => {
                let analysis = crate::analyze(&g.text).map_err(|e| format!("{}: {e}", g.id))?;
                let rep = report(&analysis, &g.text, OffsetUnit::CodePoints, false);
                rep.quotes
                    .into_iter()
                    .map(|q| PredQuote {
                        start: q.start,
                        end: q.end,
                        kind: q.kind.to_string(),
                        speaker: q.speaker,
                        speaker_mention: q.speaker_mention.map(|m| PredMention {
                            start: m.start,
                            end: m.end,
                        }),
                    })
                    .collect()
            }
        };
        let mut gq: Vec<GoldUnit> = Vec::new();
        let mut gin: Vec<GoldUnit> = Vec::new();
        for q in &g.quotes {
            let sources: Vec<(usize, usize)> = q
                .speaker_mentions
                .iter()
                .map(|m| (m.start, m.end))
                .collect();
            if q.kind == "direct" {
                for &(s, e) in &q.content_spans {
                    gq.push(GoldUnit {
                        span: trim(&t, s, e),
                        direct: true,
                        sources: sources.clone(),
                        speaker: q.speaker.clone(),
                    });
                }
            } else {
                if q.mixed {
                    for &(s, e) in &q.content_spans {
                        for (a, b) in quoted_pieces(&t, s, e) {
                            gq.push(GoldUnit {
                                span: trim(&t, a, b),
                                direct: false,
                                sources: sources.clone(),
                                speaker: q.speaker.clone(),
                            });
                        }
                    }
                }
                gin.push(GoldUnit {
                    span: trim(&t, q.start, q.end),
                    direct: false,
                    sources,
                    speaker: q.speaker.clone(),
                });
            }
        }
        let (mut pqs, mut pis) = (Vec::new(), Vec::new());
        for q in quotes {
            if q.start > q.end || q.end > t.len() {
                return Err(format!(
                    "{}: offsets {},{} outside text of {} code points",
                    g.id,
                    q.start,
                    q.end,
                    t.len()
                ));
            }
            let unit = PredUnit {
                span: trim(&t, q.start, q.end),
                mention: q.speaker_mention.map(|m| (m.start, m.end)),
                speaker: q.speaker,
            };
            if q.kind == "indirect" {
                pis.push(unit);
            } else {
                pqs.push(unit);
            }
        }
        gd += gq.iter().filter(|u| u.direct).count();
        pq += pqs.len();
        let ps: Vec<_> = pqs.iter().map(|u| u.span).collect();
        let gs: Vec<_> = gq.iter().map(|u| u.span).collect();
        for (i, j) in greedy(&ps, &gs) {
            tp_q += 1;
            if gq[j].direct {
                tp_d += 1;
            }
            if gq[j].speaker.is_some() {
                spk_n += 1;
                spk_ok += speaker_ok(&pqs[i], &gq[j]) as usize;
            }
        }
        gi += gin.len();
        pi += pis.len();
        let ps: Vec<_> = pis.iter().map(|u| u.span).collect();
        let gs: Vec<_> = gin.iter().map(|u| u.span).collect();
        for (i, j) in greedy(&ps, &gs) {
            tp_i += 1;
            if gin[j].speaker.is_some() {
                spk_i_n += 1;
                spk_i_ok += speaker_ok(&pis[i], &gin[j]) as usize;
            }
        }
    }
    let f = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let f1 = |p: f64, r: f64| {
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    let (p_q, r_d) = (f(tp_q, pq), f(tp_d, gd));
    let (p_i, r_i) = (f(tp_i, pi), f(tp_i, gi));
    Ok(Scores {
        articles,
        missing,
        direct_p: p_q,
        direct_r: r_d,
        direct_f1: f1(p_q, r_d),
        speaker_acc: f(spk_ok, spk_n),
        speaker_n: spk_n,
        indirect_p: p_i,
        indirect_r: r_i,
        indirect_f1: f1(p_i, r_i),
        indirect_speaker_acc: f(spk_i_ok, spk_i_n),
        gold_direct: gd,
        predicted_quotes: pq,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoring_definitions() {
        let t: Vec<char> = "“Hi there,” he said.".chars().collect();
        assert_eq!(trim(&t, 0, 11), (1, 9));
        assert_eq!(iou((0, 10), (5, 15)), 5.0 / 15.0);
        assert_eq!(greedy(&[(0, 10), (0, 9)], &[(0, 10)]), vec![(0, 0)]);
        assert_eq!(last_word(Some("Mr. Putin")), Some("putin".into()));
        let s: Vec<char> = "a “b” c \"d\" “e".chars().collect();
        assert_eq!(quoted_pieces(&s, 0, s.len()), vec![(2, 5), (8, 11)]);
    }

    #[test]
    fn scores_own_analysis_of_a_gold_line() {
        let gold = r#"{"id":"x","text":"“We will win,” said Anna Lee.","quotes":[{"start":1,"end":13,"content_spans":[[1,13]],"kind":"direct","speaker":"Anna Lee","speaker_mentions":[{"start":20,"end":28}]}]}"#;
        let s = score_polnear(gold, None).unwrap();
        assert_eq!((s.direct_p, s.direct_r, s.speaker_acc), (1.0, 1.0, 1.0));
        let wrong = r#"{"id":"x","quotes":[{"start":20,"end":28,"kind":"direct","speaker":"Bob","speaker_mention":null}]}"#;
        let s = score_polnear(gold, Some(wrong)).unwrap();
        assert_eq!(s.direct_p, 0.0);
        assert!(score_polnear(gold, Some("{not json")).is_err());
    }
}
