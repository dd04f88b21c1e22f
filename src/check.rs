//! Checking a quote in place: is this passage a quotation of the article, who said it,
//! where else do the same words appear, and how does the wording differ?
//!
//! Input: the article text (with its [`Analysis`]) and a passage: a selection on the page
//! or a quote pasted from elsewhere, with whatever marks, spacing, ellipses ("…", "...")
//! and bracketed insertions ("[the attack]") it carries. Output: a [`Check`]: every
//! appearance of the passage's words in the text, best first, each with a score, whether
//! it is exact, the quotation it stands in (so its speaker and the sentence with the cue
//! that supports the attribution) and a word-level diff from the page's wording to the
//! passage's (a misquote detector). Byte spans inside; [`report`] converts them once.
//!
//! How: both texts become normalised words (case folded, curly and straight apostrophes
//! alike, digits kept with their inner points and commas); the passage also keeps its
//! gaps (an ellipsis may skip any stretch of the page) and wildcards (a bracketed
//! insertion stands for a few words of the page; "[T]he" is a letter, "[sic]" nothing).
//! The page's words are indexed; the passage's rarer words seed candidate regions, and a
//! Smith-Waterman local alignment over words scores each region. The work is linear in
//! the page plus (passage words x window) per candidate, with both bounded.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Analysis, QuoteKind};
use crate::output::SpanOut;
use crate::span::{OffsetMap, OffsetUnit, Span};

/// Passage words beyond this are ignored (and the check says it was truncated).
pub const MAX_PASSAGE_WORDS: usize = 300;
/// A page word seen more often than this does not seed candidates (unless no word of the
/// passage is rarer): "the" would otherwise make every sentence a candidate.
const MAX_SEED_FREQUENCY: usize = 64;
/// At most this many candidate regions are aligned.
const MAX_CANDIDATES: usize = 40;
/// At most this many seed hits are clustered.
const MAX_HITS: usize = 50_000;
/// How far past its last seed a region extends when the passage has an ellipsis.
const GAP_REACH: usize = 250;
/// Appearances scoring below this are not reported.
pub const MIN_SCORE: f32 = 0.4;
/// At or above this an inexact appearance is "near" (a likely misquote), below "partial".
pub const NEAR_SCORE: f32 = 0.75;

const MATCH: i32 = 3;
const MISMATCH: i32 = -2;
const INDEL: i32 = -2;

/// One normalised word and where it stands.
#[derive(Clone, Debug, PartialEq)]
struct Word {
    norm: String,
    span: Span,
    /// The line (paragraph) the word stands in.
    line: u32,
}

/// One piece of a parsed passage.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Word(Word),
    /// An ellipsis: any stretch of the page may stand here.
    Gap(Span),
    /// A bracketed insertion: it stands for up to this many words of the page.
    Wildcard(usize, Span),
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '′')
}

/// A word being built by the scanner.
#[derive(Default)]
struct Builder {
    norm: String,
    start: usize,
    end: usize,
}

impl Builder {
    fn push(&mut self, at: usize, c: char) {
        if self.norm.is_empty() {
            self.start = at;
        }
        for l in crate::case::lower_char(c) {
            self.norm.push(l);
        }
        self.end = at + c.len_utf8();
    }

    fn take(&mut self) -> Option<Word> {
        if self.norm.is_empty() {
            return None;
        }
        let norm = std::mem::take(&mut self.norm);
        Some(Word {
            norm,
            span: Span::new(self.start, self.end),
            line: 0,
        })
    }
}

/// Whether the word-joining character at `at` (an apostrophe between letters, a point
/// or comma between digits) continues the word being built.
fn joins(text: &str, at: usize, c: char, prev: Option<char>) -> Option<Option<char>> {
    let next = text[at + c.len_utf8()..].chars().next();
    if is_apostrophe(c)
        && prev.is_some_and(|p| p.is_alphanumeric())
        && next.is_some_and(|n| n.is_alphanumeric())
    {
        return Some(Some('\''));
    }
    if matches!(c, '.' | ',')
        && prev.is_some_and(|p| p.is_ascii_digit())
        && next.is_some_and(|n| n.is_ascii_digit())
    {
        // "1,000" and "1000" are one number; "3.5" keeps its point.
        return Some((c == '.').then_some('.'));
    }
    None
}

/// The normalised words of a page text. Soft hyphens vanish inside words.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut b = Builder::default();
    let mut prev: Option<char> = None;
    let mut line = 0u32;
    for (at, c) in text.char_indices() {
        if c == '\n' {
            out.extend(b.take().map(|w| Word { line, ..w }));
            line += 1;
        } else if is_word_char(c) {
            b.push(at, c);
        } else if c == '\u{ad}' && !b.norm.is_empty() {
            b.end = at + c.len_utf8();
        } else if let Some(joined) = (!b.norm.is_empty())
            .then(|| joins(text, at, c, prev))
            .flatten()
        {
            if let Some(j) = joined {
                b.norm.push(j);
            }
            b.end = at + c.len_utf8();
        } else {
            out.extend(b.take().map(|w| Word { line, ..w }));
        }
        prev = Some(c);
    }
    out.extend(b.take().map(|w| Word { line, ..w }));
    out
}

/// An ellipsis at `at`: "…", "...", ". . ." (and longer runs of points). Its length.
fn ellipsis_at(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    if rest.starts_with('…') {
        return Some('…'.len_utf8());
    }
    if rest.starts_with("...") {
        return Some(rest.len() - rest.trim_start_matches('.').len());
    }
    if rest.starts_with(". . .") {
        let mut len = 5;
        while rest[len..].starts_with(" .") {
            len += 2;
        }
        return Some(len);
    }
    None
}

fn is_ellipsis(s: &str) -> bool {
    let s = s.trim();
    s.is_empty() || s.chars().all(|c| c == '.' || c == '…' || c == ' ')
}

/// The passage's pieces (words, gaps, wildcards), at most [`MAX_PASSAGE_WORDS`] words,
/// and whether words were left out. Leading and trailing gaps mean nothing and go.
fn parse_passage(passage: &str) -> (Vec<Piece>, bool) {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut b = Builder::default();
    let mut prev: Option<char> = None;
    let mut skip_to = 0usize;
    let flush = |b: &mut Builder, pieces: &mut Vec<Piece>| {
        if let Some(w) = b.take() {
            pieces.push(Piece::Word(w));
        }
    };
    for (at, c) in passage.char_indices() {
        if at < skip_to {
            continue;
        }
        if let Some(len) = ellipsis_at(passage, at) {
            flush(&mut b, &mut pieces);
            pieces.push(Piece::Gap(Span::new(at, at + len)));
            skip_to = at + len;
            prev = Some('…');
            continue;
        }
        if c == '[' || c == '(' {
            let close = if c == '[' { ']' } else { ')' };
            let inner_start = at + 1;
            let found = passage[inner_start..]
                .char_indices()
                .take(200)
                .find(|&(_, x)| x == close || x == '[' || x == '(')
                .filter(|&(_, x)| x == close);
            if let Some((rel, _)) = found {
                let inner_end = inner_start + rel;
                let inner = &passage[inner_start..inner_end];
                let after = inner_end + 1;
                let whole = Span::new(at, after);
                let attached = prev.is_some_and(is_word_char)
                    || passage[after..].chars().next().is_some_and(is_word_char);
                if is_ellipsis(inner) && !inner.trim().is_empty() {
                    flush(&mut b, &mut pieces);
                    pieces.push(Piece::Gap(whole));
                } else if c == '(' {
                    // A parenthesis that is not an ellipsis is the quote's own text.
                    flush(&mut b, &mut pieces);
                    prev = Some(c);
                    continue;
                } else if matches!(
                    crate::case::to_lowercase(inner.trim()).as_str(),
                    "sic" | "sic!" | ""
                ) {
                    flush(&mut b, &mut pieces);
                } else if attached && inner.chars().all(is_word_char) {
                    // "[T]he", "it[s]": letters the quoting writer changed.
                    for (k, x) in inner.char_indices() {
                        b.push(inner_start + k, x);
                    }
                    b.end = after;
                } else {
                    flush(&mut b, &mut pieces);
                    let n = words(inner).len().max(1);
                    pieces.push(Piece::Wildcard(n, whole));
                }
                skip_to = after;
                prev = Some(close);
                continue;
            }
        }
        if is_word_char(c) {
            b.push(at, c);
        } else if let Some(joined) = (!b.norm.is_empty())
            .then(|| joins(passage, at, c, prev))
            .flatten()
        {
            if let Some(j) = joined {
                b.norm.push(j);
            }
            b.end = at + c.len_utf8();
        } else if c != '\u{ad}' {
            flush(&mut b, &mut pieces);
        }
        prev = Some(c);
    }
    flush(&mut b, &mut pieces);
    // Collapse runs of gaps; drop gaps and wildcards at either end.
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut words_seen = 0;
    let mut truncated = false;
    for p in pieces {
        match p {
            Piece::Word(_) => {
                if words_seen == MAX_PASSAGE_WORDS {
                    truncated = true;
                    break;
                }
                words_seen += 1;
                out.push(p);
            }
            _ if matches!(out.last(), None | Some(Piece::Gap(_))) => {}
            Piece::Wildcard(..) if matches!(out.last(), Some(Piece::Wildcard(..))) => {}
            _ => out.push(p),
        }
    }
    while matches!(out.last(), Some(Piece::Gap(_) | Piece::Wildcard(..))) {
        out.pop();
    }
    (out, truncated)
}

/// What one step of the alignment does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    /// The same words on the page and in the passage.
    Equal,
    /// Words on the page that the passage lacks.
    Deleted,
    /// Words in the passage that the page lacks here.
    Inserted,
    /// Words of the page the passage's ellipsis leaves out.
    Elided,
    /// Words of the page a bracketed insertion of the passage stands for.
    Bracketed,
}

/// A run of one diff operation: `page` is its span in the page text (empty span for
/// inserted runs), `passage` its span in the passage (empty for deleted and elided).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DiffRun {
    pub op: DiffOp,
    pub page: Span,
    pub passage: Span,
}

/// One place where the passage's words stand in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Alignment {
    /// From the first to the last aligned word of the page.
    pub span: Span,
    /// 2 x matched words / (passage words + aligned page words), 0..1; ellipsis and
    /// bracket stretches count on neither side.
    pub score: f32,
    /// Every passage word matched in order, nothing added or missing.
    pub exact: bool,
    pub matched: usize,
    pub diff: Vec<DiffRun>,
    /// The page words aligned (indices into the text's words).
    pub words: std::ops::Range<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Step {
    Stop,
    Diag,
    Up,
    Left,
    Skip,
}

/// Aligns the passage's pieces against page words `lo..hi` (Smith-Waterman over words,
/// ellipses skipping freely, wildcards skipping a few words). Returns the best local
/// alignment as a list of (step, passage piece, page word range).
fn align_window(pieces: &[Piece], page: &[Word], lo: usize, hi: usize) -> Option<Vec<Op>> {
    let rows = pieces.len() + 1;
    let cols = hi - lo + 1;
    let mut h = vec![0i32; rows * cols];
    let mut step = vec![Step::Stop; rows * cols];
    let mut from = vec![0u32; rows * cols];
    let (mut best, mut best_at) = (0i32, (0usize, 0usize));
    for i in 1..rows {
        let (prev_row, row) = ((i - 1) * cols, i * cols);
        match &pieces[i - 1] {
            Piece::Word(w) => {
                for j in 1..cols {
                    let same = page[lo + j - 1].norm == w.norm;
                    let mut v = h[prev_row + j - 1] + if same { MATCH } else { MISMATCH };
                    let mut s = Step::Diag;
                    if h[prev_row + j] + INDEL > v {
                        v = h[prev_row + j] + INDEL;
                        s = Step::Up;
                    }
                    if h[row + j - 1] + INDEL > v {
                        v = h[row + j - 1] + INDEL;
                        s = Step::Left;
                    }
                    if v <= 0 {
                        v = 0;
                        s = Step::Stop;
                    }
                    h[row + j] = v;
                    step[row + j] = s;
                    if v > best {
                        best = v;
                        best_at = (i, j);
                    }
                }
            }
            Piece::Gap(_) | Piece::Wildcard(..) => {
                let reach = match &pieces[i - 1] {
                    Piece::Wildcard(n, _) => 2 * n + 3,
                    _ => usize::MAX,
                };
                // Best of the previous row at columns j-reach..=j (a running maximum for
                // gaps; wildcards are short, so a direct scan).
                let (mut run_v, mut run_k) = (0i32, 0usize);
                for j in 0..cols {
                    let (v, k) = if reach == usize::MAX {
                        if h[prev_row + j] > run_v {
                            run_v = h[prev_row + j];
                            run_k = j;
                        }
                        (run_v, run_k)
                    } else {
                        let mut bv = (h[prev_row + j], j);
                        for k in j.saturating_sub(reach)..j {
                            if h[prev_row + k] > bv.0 {
                                bv = (h[prev_row + k], k);
                            }
                        }
                        bv
                    };
                    h[row + j] = v;
                    step[row + j] = if v > 0 { Step::Skip } else { Step::Stop };
                    from[row + j] = k as u32;
                }
            }
        }
    }
    if best <= 0 {
        return None;
    }
    // Trace back from the best cell.
    let (mut i, mut j) = best_at;
    let mut ops = Vec::new();
    while i > 0 && h[i * cols + j] > 0 {
        match step[i * cols + j] {
            Step::Stop => break,
            Step::Diag => {
                let same =
                    matches!(&pieces[i - 1], Piece::Word(w) if w.norm == page[lo + j - 1].norm);
                ops.push(Op {
                    kind: if same {
                        OpKind::Equal
                    } else {
                        OpKind::Substitute
                    },
                    piece: Some(i - 1),
                    page: lo + j - 1..lo + j,
                });
                i -= 1;
                j -= 1;
            }
            Step::Up => {
                ops.push(Op {
                    kind: OpKind::Insert,
                    piece: Some(i - 1),
                    page: lo + j..lo + j,
                });
                i -= 1;
            }
            Step::Left => {
                ops.push(Op {
                    kind: OpKind::Delete,
                    piece: None,
                    page: lo + j - 1..lo + j,
                });
                j -= 1;
            }
            Step::Skip => {
                let k = from[i * cols + j] as usize;
                ops.push(Op {
                    kind: OpKind::Skip,
                    piece: Some(i - 1),
                    page: lo + k..lo + j,
                });
                i -= 1;
                j = k;
            }
        }
    }
    ops.reverse();
    Some(ops)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OpKind {
    Equal,
    Substitute,
    Insert,
    Delete,
    Skip,
}

#[derive(Clone, Debug)]
struct Op {
    kind: OpKind,
    piece: Option<usize>,
    page: std::ops::Range<usize>,
}

/// Turns an alignment's steps into scored, merged diff runs. Passage words outside the
/// local alignment count as inserted before or after it.
fn summarise(pieces: &[Piece], page: &[Word], ops: &[Op]) -> Option<Alignment> {
    let first_piece = ops.iter().find_map(|o| o.piece)?;
    let last_piece = ops.iter().rev().find_map(|o| o.piece)?;
    let passage_words = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Word(_)))
        .count();
    let word_span = |i: usize| match &pieces[i] {
        Piece::Word(w) => Some(w.span),
        _ => None,
    };
    let piece_span = |i: usize| match &pieces[i] {
        Piece::Word(w) => w.span,
        Piece::Gap(s) | Piece::Wildcard(_, s) => *s,
    };
    let page_span = |r: &std::ops::Range<usize>| -> Option<Span> {
        (r.start < r.end).then(|| page[r.start].span.cover(page[r.end - 1].span))
    };
    let mut runs: Vec<DiffRun> = Vec::new();
    let mut push = |op: DiffOp, pg: Option<Span>, ps: Option<Span>| {
        if pg.is_none() && ps.is_none() {
            return;
        }
        let at_page = runs
            .iter()
            .rev()
            .find_map(|r| (!r.page.is_empty()).then_some(r.page.end))
            .unwrap_or(0);
        let page_part = pg.unwrap_or(Span::new(at_page, at_page));
        let at_passage = runs
            .iter()
            .rev()
            .find_map(|r| (!r.passage.is_empty()).then_some(r.passage.end))
            .unwrap_or(0);
        let passage_part = ps.unwrap_or(Span::new(at_passage, at_passage));
        if let Some(last) = runs.last_mut() {
            if last.op == op && op != DiffOp::Elided && op != DiffOp::Bracketed {
                if !page_part.is_empty() {
                    last.page = if last.page.is_empty() {
                        page_part
                    } else {
                        last.page.cover(page_part)
                    };
                }
                if !passage_part.is_empty() {
                    last.passage = if last.passage.is_empty() {
                        passage_part
                    } else {
                        last.passage.cover(passage_part)
                    };
                }
                return;
            }
        }
        runs.push(DiffRun {
            op,
            page: page_part,
            passage: passage_part,
        });
    };
    // Unaligned passage words before the alignment.
    for i in 0..first_piece {
        push(DiffOp::Inserted, None, word_span(i));
    }
    let (mut matched, mut page_words) = (0usize, 0usize);
    let mut long_matched = false;
    let mut k = 0;
    while k < ops.len() {
        let op = &ops[k];
        match op.kind {
            OpKind::Equal => {
                matched += 1;
                long_matched |= op.piece.is_some_and(
                    |i| matches!(&pieces[i], Piece::Word(w) if w.norm.chars().count() >= 4),
                );
                page_words += 1;
                push(DiffOp::Equal, page_span(&op.page), op.piece.map(piece_span));
                k += 1;
            }
            OpKind::Skip => {
                let kind = match op.piece.map(|i| &pieces[i]) {
                    Some(Piece::Wildcard(..)) => DiffOp::Bracketed,
                    _ => DiffOp::Elided,
                };
                let pg = page_span(&op.page);
                if pg.is_some() || kind == DiffOp::Bracketed {
                    push(kind, pg, op.piece.map(piece_span));
                }
                k += 1;
            }
            _ => {
                // A block of differences: the page's words first, then the passage's.
                let end = ops[k..]
                    .iter()
                    .position(|o| matches!(o.kind, OpKind::Equal | OpKind::Skip))
                    .map_or(ops.len(), |p| k + p);
                for o in &ops[k..end] {
                    if o.page.start < o.page.end {
                        page_words += 1;
                        push(DiffOp::Deleted, page_span(&o.page), None);
                    }
                }
                for o in &ops[k..end] {
                    if o.kind != OpKind::Delete {
                        push(DiffOp::Inserted, None, o.piece.and_then(word_span));
                    }
                }
                k = end;
            }
        }
    }
    for i in last_piece + 1..pieces.len() {
        push(DiffOp::Inserted, None, word_span(i));
    }
    let first_page = ops.iter().find(|o| o.page.start < o.page.end)?.page.start;
    let last_page = ops
        .iter()
        .rev()
        .find(|o| o.page.start < o.page.end)?
        .page
        .end;
    let span = page[first_page].span.cover(page[last_page - 1].span);
    let total = passage_words + page_words;
    let score = if total == 0 {
        0.0
    } else {
        2.0 * matched as f32 / total as f32
    };
    // "on the" is no appearance: some matched word must carry meaning, unless the whole
    // (short) passage matched.
    if !long_matched && matched < passage_words {
        return None;
    }
    let exact = matched == passage_words && page_words == matched;
    Some(Alignment {
        span,
        score: if exact { 1.0 } else { score.min(0.999) },
        exact,
        matched,
        diff: runs,
        words: first_page..last_page,
    })
}

/// Every appearance of the passage's words in `text`, best first, none overlapping
/// another, each scoring at least [`MIN_SCORE`]. Also says whether the passage was
/// truncated to [`MAX_PASSAGE_WORDS`].
pub fn align(text: &str, passage: &str) -> (Vec<Alignment>, bool) {
    let (pieces, truncated) = parse_passage(passage);
    let page = words(text);
    (
        align_pieces(&pieces, &page, passage.contains('\n')),
        truncated,
    )
}

fn align_pieces(pieces: &[Piece], page: &[Word], across_lines: bool) -> Vec<Alignment> {
    let pw: Vec<(usize, &str)> = pieces
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match p {
            Piece::Word(w) => Some((i, w.norm.as_str())),
            _ => None,
        })
        .collect();
    if pw.is_empty() || page.is_empty() {
        return Vec::new();
    }
    let wanted: HashMap<&str, ()> = pw.iter().map(|&(_, w)| (w, ())).collect();
    let mut positions: HashMap<&str, Vec<u32>> = HashMap::new();
    for (j, w) in page.iter().enumerate() {
        if wanted.contains_key(w.norm.as_str()) {
            positions.entry(w.norm.as_str()).or_default().push(j as u32);
        }
    }
    let any_rare = pw.iter().any(|(_, w)| {
        positions
            .get(w)
            .is_some_and(|p| p.len() <= MAX_SEED_FREQUENCY)
    });
    // Seed hits: (page word, passage word ordinal).
    let mut hits: Vec<(u32, u32)> = Vec::new();
    for (ordinal, &(_, w)) in pw.iter().enumerate() {
        if let Some(p) = positions.get(w) {
            if any_rare && p.len() > MAX_SEED_FREQUENCY {
                continue;
            }
            hits.extend(p.iter().map(|&j| (j, ordinal as u32)));
        }
        if hits.len() > MAX_HITS {
            break;
        }
    }
    crate::sort::sort_values(&mut hits);
    let has_gap = pieces.iter().any(|p| matches!(p, Piece::Gap(_)));
    let plen = pw.len();
    let link = plen + 8 + if has_gap { GAP_REACH } else { 0 };
    let max_width = 2 * plen + 40 + if has_gap { 2 * GAP_REACH } else { 0 };
    // Clusters of hits: (first page word, last page word, distinct passage words hit).
    let mut clusters: Vec<(usize, usize, usize)> = Vec::new();
    let mut seen = vec![u32::MAX; plen];
    let mut k = 0;
    while k < hits.len() {
        let first = hits[k].0 as usize;
        let mut last = first;
        let mut distinct = 0;
        let id = clusters.len() as u32;
        while k < hits.len() {
            let (j, o) = (hits[k].0 as usize, hits[k].1 as usize);
            if j > last + link || j > first + max_width {
                break;
            }
            last = j;
            if seen[o] != id {
                seen[o] = id;
                distinct += 1;
            }
            k += 1;
        }
        clusters.push((first, last, distinct));
    }
    let min_hits = plen.div_ceil(4).clamp(1, 8);
    clusters.retain(|c| c.2 >= min_hits);
    crate::sort::sort_by(&mut clusters, |a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    clusters.truncate(MAX_CANDIDATES);
    let mut found: Vec<Alignment> = Vec::new();
    let reach = plen + 4;
    // Each window is aligned; what is left of it on either side of an appearance is
    // aligned again (a repeated quote or a paraphrase a few lines further on), within a
    // bounded number of rounds.
    let mut windows: Vec<(usize, usize)> = clusters
        .iter()
        .rev()
        .map(|&(first, last, _)| {
            (
                first.saturating_sub(reach),
                (last + reach + 1).min(page.len()),
            )
        })
        .collect();
    let mut rounds = 0;
    let min_window = plen.clamp(1, 2);
    while let Some((lo, hi)) = windows.pop() {
        rounds += 1;
        if rounds > 4 * MAX_CANDIDATES || hi < lo + min_window {
            continue;
        }
        // A passage of one line is looked for within one line of the page.
        if !across_lines && page[lo].line != page[hi - 1].line {
            let split = lo + page[lo..hi].partition_point(|w| w.line == page[lo].line);
            windows.push((split, hi));
            windows.push((lo, split));
            rounds -= 1;
            continue;
        }
        let Some(a) =
            align_window(pieces, page, lo, hi).and_then(|ops| summarise(pieces, page, &ops))
        else {
            continue;
        };
        let enough = a.matched >= plen.min(3);
        if a.score >= MIN_SCORE && enough {
            windows.push((a.words.end, hi));
            windows.push((lo, a.words.start));
            found.push(a);
        }
    }
    crate::sort::sort_by(&mut found, |a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut kept: Vec<Alignment> = Vec::new();
    for a in found {
        if kept.iter().all(|k| !k.span.overlaps(a.span)) {
            kept.push(a);
        }
    }
    kept
}

/// How an appearance relates to the quotation it overlaps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The appearance lies within the quotation.
    Inside,
    /// The appearance covers the whole quotation (and perhaps more: "…,” she said").
    Contains,
    /// They share some words.
    Overlaps,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Inside => "inside",
            Relation::Contains => "contains",
            Relation::Overlaps => "overlaps",
        }
    }
}

/// One appearance of the passage in the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Appearance {
    pub alignment: Alignment,
    /// Index into the analysis' quotes of the quotation it stands in (or overlaps most).
    pub quote: Option<usize>,
    pub relation: Option<Relation>,
    /// The sentence that supports the quote's attribution: the cue's, or else the
    /// speaker mention's.
    pub attribution: Option<Span>,
}

/// The result of checking a passage against one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// Words of the passage considered.
    pub passage_words: usize,
    pub truncated: bool,
    /// Best first.
    pub appearances: Vec<Appearance>,
}

/// Checks `passage` against `text`, whose analysis is `analysis`.
pub fn check(text: &str, analysis: &Analysis, passage: &str) -> Check {
    let (pieces, truncated) = parse_passage(passage);
    let page = words(text);
    let alignments = align_pieces(&pieces, &page, passage.contains('\n'));
    let passage_words = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Word(_)))
        .count();
    if alignments.is_empty() {
        return Check {
            passage_words,
            truncated,
            appearances: Vec::new(),
        };
    }
    // (A text over the analysis limit has no analysis to check against, and no sentences
    // are read in it: the passage is still aligned.)
    let within_limit = text.len() <= crate::MAX_TEXT_BYTES;
    let paragraphs = if within_limit {
        crate::text::paragraphs(text)
    } else {
        Vec::new()
    };
    let marked = crate::marks::find_marked(text, &paragraphs);
    let doc = within_limit.then(|| crate::text::Doc::new(text, paragraphs, &marked));
    let sentence_at = |at: usize| -> Option<Span> {
        let doc = doc.as_ref()?;
        let t = doc.tokens.partition_point(|t| t.span().end <= at);
        if t >= doc.tokens.len() {
            return None;
        }
        let r = doc.sentence_of(t);
        Some(
            doc.tokens[r.start]
                .span()
                .cover(doc.tokens[r.end - 1].span()),
        )
    };
    let mut appearances: Vec<Appearance> = alignments
        .into_iter()
        .map(|a| {
            // The quotation sharing most of the appearance; a direct or partial one over
            // reported speech, a smaller (inner) one over a larger.
            let best = analysis
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| q.span.overlaps(a.span))
                .max_by_key(|(_, q)| {
                    let shared = q.span.end.min(a.span.end) - q.span.start.max(a.span.start);
                    (
                        shared,
                        q.kind != QuoteKind::Indirect,
                        std::cmp::Reverse(q.span.len()),
                    )
                });
            let (quote, relation, attribution) = match best {
                Some((i, q)) => {
                    let relation = if q.span.contains(a.span) {
                        Relation::Inside
                    } else if a.span.contains(q.span) {
                        Relation::Contains
                    } else {
                        Relation::Overlaps
                    };
                    let support = q
                        .cue
                        .or(q.speaker_mention)
                        .and_then(|s| sentence_at(s.start));
                    (Some(i), Some(relation), support)
                }
                None => (None, None, None),
            };
            Appearance {
                alignment: a,
                quote,
                relation,
                attribution,
            }
        })
        .collect();
    // Best first: score, then a quotation with a speaker over the writer's words, then
    // the earlier.
    crate::sort::sort_by(&mut appearances, |a, b| {
        let rank = |x: &Appearance| {
            x.quote
                .map(|q| {
                    let q = &analysis.quotes[q];
                    (q.kind != QuoteKind::Indirect) as u8 + q.speaker.is_some() as u8
                })
                .unwrap_or(0)
        };
        b.alignment
            .score
            .total_cmp(&a.alignment.score)
            .then(rank(b).cmp(&rank(a)))
            .then(a.alignment.span.start.cmp(&b.alignment.span.start))
    });
    Check {
        passage_words,
        truncated,
        appearances,
    }
}

/// Analyses `text` and checks `passage` against it.
pub fn check_text(text: &str, passage: &str) -> Result<(Analysis, Check), crate::Error> {
    let analysis = crate::analyze(text)?;
    let c = check(text, &analysis, passage);
    Ok((analysis, c))
}

/// The level of an appearance: "exact", "near" or "partial".
pub fn level(a: &Alignment) -> &'static str {
    if a.exact {
        "exact"
    } else if a.score >= NEAR_SCORE {
        "near"
    } else {
        "partial"
    }
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct DiffRunOut {
    pub op: DiffOp,
    /// The words: the page's for equal, deleted, elided and bracketed runs, the
    /// passage's for inserted ones.
    pub text: String,
    /// Where the run stands on the page (absent for inserted runs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// The passage's own words for the run, when it has any (inserted, bracketed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passage: Option<String>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct AppearanceOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub score: f32,
    /// "exact", "near" or "partial".
    pub level: &'static str,
    /// "quote" (a direct or partial quotation), "reported" (reported speech), "scare"
    /// (scare quotes) or "text" (the writer's own words).
    pub kind: &'static str,
    pub quote_id: Option<usize>,
    /// "inside", "contains", "overlaps", or absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<&'static str>,
    pub speaker: Option<String>,
    pub speaker_id: Option<usize>,
    pub attribution: Option<SpanOut>,
    pub diff: Vec<DiffRunOut>,
}

/// The public JSON shape of a check (the CLI's and the Wasm's contract).
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct CheckReport {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub offsets: &'static str,
    pub passage: String,
    pub passage_words: usize,
    pub truncated: bool,
    /// The best appearance's level and kind, "exact quote", "near quote", "exact text",
    /// "near text", "partial quote", "partial text" — or "not found".
    pub verdict: String,
    /// Best first.
    pub appearances: Vec<AppearanceOut>,
}

/// Converts runs of an alignment to the caller's unit.
pub fn diff_out(diff: &[DiffRun], text: &str, passage: &str, map: &OffsetMap) -> Vec<DiffRunOut> {
    diff.iter()
        .map(|r| {
            let on_page = r.op != DiffOp::Inserted && !r.page.is_empty();
            let passage_text = (matches!(r.op, DiffOp::Inserted | DiffOp::Bracketed)
                && !r.passage.is_empty())
            .then(|| r.passage.text(passage).to_string());
            DiffRunOut {
                op: r.op,
                text: if on_page {
                    r.page.text(text).to_string()
                } else {
                    r.passage.text(passage).to_string()
                },
                start: on_page.then(|| map.convert(r.page.start)),
                end: on_page.then(|| map.convert(r.page.end)),
                passage: passage_text,
            }
        })
        .collect()
}

/// Builds the report of a check over `text`, offsets in `unit`.
pub fn report(
    check: &Check,
    analysis: &Analysis,
    text: &str,
    passage: &str,
    unit: OffsetUnit,
    include_text: bool,
) -> CheckReport {
    let map = OffsetMap::new(text, unit);
    let appearances: Vec<AppearanceOut> = check
        .appearances
        .iter()
        .map(|a| {
            let (start, end) = map.span(a.alignment.span);
            let quote = a.quote.and_then(|i| analysis.quotes.get(i));
            let speaker_id = quote.and_then(|q| q.speaker);
            AppearanceOut {
                start,
                end,
                text: a.alignment.span.text(text).to_string(),
                score: (a.alignment.score * 1000.0).round() / 1000.0,
                level: level(&a.alignment),
                kind: match quote.map(|q| q.kind) {
                    Some(QuoteKind::Direct | QuoteKind::Partial) => "quote",
                    Some(QuoteKind::Indirect) => "reported",
                    Some(QuoteKind::Scare) => "scare",
                    None => "text",
                },
                quote_id: a.quote,
                relation: a.relation.map(Relation::as_str),
                speaker: speaker_id
                    .and_then(|s| analysis.speakers.get(s))
                    .map(|s| s.name.clone()),
                speaker_id,
                attribution: a.attribution.map(|s| {
                    let (start, end) = map.span(s);
                    SpanOut {
                        start,
                        end,
                        text: s.text(text).to_string(),
                    }
                }),
                diff: diff_out(&a.alignment.diff, text, passage, &map),
            }
        })
        .collect();
    let verdict = appearances
        .first()
        .map(|a| {
            let kind = match a.kind {
                "quote" => "quote",
                "reported" => "reported speech",
                _ => "text",
            };
            format!("{} {kind}", a.level)
        })
        .unwrap_or_else(|| "not found".to_string());
    CheckReport {
        text: include_text.then(|| text.to_string()),
        offsets: match unit {
            OffsetUnit::Utf16 => "utf16",
            OffsetUnit::CodePoints => "codepoints",
            OffsetUnit::Bytes => "bytes",
        },
        passage: passage.to_string(),
        passage_words: check.passage_words,
        truncated: check.truncated,
        verdict,
        appearances,
    }
}

/// The best appearance of a passage in each of several short texts (an archive of
/// saved quotes): `(index, alignment)`, best first. Texts sharing too few words with
/// the passage are never aligned, so the cost stays linear in the archive.
pub fn align_many<S: AsRef<str>>(texts: &[S], passage: &str) -> Vec<(usize, Alignment)> {
    let (pieces, _) = parse_passage(passage);
    let wanted: std::collections::HashSet<&str> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Word(w) => Some(w.norm.as_str()),
            _ => None,
        })
        .collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let need = wanted.len().div_ceil(4).clamp(1, 8);
    let mut out = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let page = words(t.as_ref());
        let shared = page
            .iter()
            .map(|w| w.norm.as_str())
            .filter(|w| wanted.contains(w))
            .collect::<std::collections::HashSet<_>>()
            .len();
        if shared < need {
            continue;
        }
        if let Some(best) = align_pieces(&pieces, &page, true).into_iter().next() {
            out.push((i, best));
        }
    }
    crate::sort::sort_by(&mut out, |a, b| {
        b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text over the analysis limit is aligned without reading its sentences, and
    /// nothing panics.
    #[test]
    fn text_over_the_limit_is_checked_without_sentences() {
        let mut text = "the harbour will close ".repeat(crate::MAX_TEXT_BYTES / 20);
        text.push_str("said the mayor.");
        assert!(text.len() > crate::MAX_TEXT_BYTES);
        let c = check(&text, &Analysis::default(), "the harbour will close");
        assert!(!c.appearances.is_empty());
        assert!(c.appearances.iter().all(|a| a.attribution.is_none()));
    }

    fn norms(pieces: &[Piece]) -> Vec<String> {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Word(w) => w.norm.clone(),
                Piece::Gap(_) => "…".to_string(),
                Piece::Wildcard(n, _) => format!("[{n}]"),
            })
            .collect()
    }

    /// (passage, pieces after normalisation)
    const PARSE: &[(&str, &[&str])] = &[
        (
            "“We Will WIN,” she said",
            &["we", "will", "win", "she", "said"],
        ),
        ("don’t  stop", &["don't", "stop"]),
        ("don't stop", &["don't", "stop"]),
        ("We will … win", &["we", "will", "…", "win"]),
        ("We will...win", &["we", "will", "…", "win"]),
        ("We will . . . win", &["we", "will", "…", "win"]),
        ("We will [...] win", &["we", "will", "…", "win"]),
        ("We will (…) win", &["we", "will", "…", "win"]),
        ("…we will win...", &["we", "will", "win"]),
        ("[The attack] was cruel", &["was", "cruel"]),
        ("It [the attack] was cruel", &["it", "[2]", "was", "cruel"]),
        ("[T]he plan failed", &["the", "plan", "failed"]),
        ("the plan [sic] failed", &["the", "plan", "failed"]),
        (
            "it cost $1,000 or 3.5%",
            &["it", "cost", "1000", "or", "3.5"],
        ),
        (
            "well-known (really) fact",
            &["well", "known", "really", "fact"],
        ),
        ("", &[]),
        ("[unclosed and odd", &["unclosed", "and", "odd"]),
    ];

    #[test]
    fn parses_passages() {
        for &(passage, want) in PARSE {
            let (pieces, _) = parse_passage(passage);
            assert_eq!(norms(&pieces), want, "{passage:?}");
        }
    }

    const ARTICLE: &str = "Mayor Anna Lee spoke on Monday at the town hall.\n\
        “We will not raise taxes this year, and we will protect the library,” she said.\n\
        Councillor Bob Marsh disagreed. “The budget does not add up,” Marsh said.\n\
        The library opened in 1905 and was rebuilt after the flood.\n\
        Lee has promised not to raise taxes this year.\n\
        ‘We will not raise taxes’";

    /// (passage, expected best text, level, kind, speaker)
    const CHECKS: &[(&str, &str, &str, &str, Option<&str>)] = &[
        (
            "We will not raise taxes this year, and we will protect the library",
            "We will not raise taxes this year, and we will protect the library",
            "exact",
            "quote",
            Some("Anna Lee"),
        ),
        // Straight marks, other case, other spacing.
        (
            "\"we will NOT raise   taxes this year\"",
            "We will not raise taxes this year",
            "exact",
            "quote",
            Some("Anna Lee"),
        ),
        // A misquote: one word changed.
        (
            "We will not raise taxes this year, and we will close the library",
            "We will not raise taxes this year, and we will protect the library",
            "near",
            "quote",
            Some("Anna Lee"),
        ),
        // An ellipsis skips words.
        (
            "We will not raise taxes … and we will protect the library",
            "We will not raise taxes this year, and we will protect the library",
            "exact",
            "quote",
            Some("Anna Lee"),
        ),
        // A bracketed insertion stands for words.
        (
            "The [council's] budget does not add up",
            "The budget does not add up",
            "exact",
            "quote",
            Some("Bob Marsh"),
        ),
        // The writer's words.
        (
            "was rebuilt after the flood",
            "was rebuilt after the flood",
            "exact",
            "text",
            None,
        ),
    ];

    #[test]
    fn checks_passages() {
        for &(passage, best, lvl, kind, speaker) in CHECKS {
            let (analysis, c) = check_text(ARTICLE, passage).unwrap();
            let rep = report(&c, &analysis, ARTICLE, passage, OffsetUnit::Bytes, false);
            let a = rep
                .appearances
                .first()
                .unwrap_or_else(|| panic!("nothing found for {passage:?}"));
            assert_eq!(a.text, best, "{passage:?}");
            assert_eq!(a.level, lvl, "{passage:?}: {a:?}");
            assert_eq!(a.kind, kind, "{passage:?}: {a:?}");
            assert_eq!(a.speaker.as_deref(), speaker, "{passage:?}");
        }
    }

    #[test]
    fn misquote_diff_and_supporting_sentence() {
        let passage = "We will not raise taxes this year, and we will close the library";
        let (analysis, c) = check_text(ARTICLE, passage).unwrap();
        let rep = report(&c, &analysis, ARTICLE, passage, OffsetUnit::Bytes, false);
        let a = &rep.appearances[0];
        let ops: Vec<(DiffOp, &str)> = a.diff.iter().map(|r| (r.op, r.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                (
                    DiffOp::Equal,
                    "We will not raise taxes this year, and we will"
                ),
                (DiffOp::Deleted, "protect"),
                (DiffOp::Inserted, "close"),
                (DiffOp::Equal, "the library"),
            ]
        );
        let support = a.attribution.as_ref().expect("a supporting sentence");
        assert!(support.text.ends_with("she said."), "{support:?}");
        // The other appearances: the writer's paraphrase and the pull quote.
        let others: Vec<&str> = rep.appearances[1..]
            .iter()
            .map(|a| a.text.as_str())
            .collect();
        assert!(
            others.contains(&"not to raise taxes this year"),
            "{others:?}"
        );
        assert!(others.contains(&"We will not raise taxes"), "{others:?}");
    }

    #[test]
    fn elided_and_bracketed_runs() {
        let passage = "The [council's] budget … add up";
        let (alignments, _) = align(ARTICLE, passage);
        let ops: Vec<DiffOp> = alignments[0].diff.iter().map(|r| r.op).collect();
        assert_eq!(
            ops,
            [
                DiffOp::Equal,
                DiffOp::Bracketed,
                DiffOp::Equal,
                DiffOp::Elided,
                DiffOp::Equal
            ]
        );
    }

    #[test]
    fn nothing_found() {
        let (analysis, c) = check_text(ARTICLE, "entirely unrelated words here").unwrap();
        assert!(c.appearances.is_empty());
        let rep = report(&c, &analysis, ARTICLE, "x", OffsetUnit::Utf16, false);
        assert_eq!(rep.verdict, "not found");
        assert!(align("", "a b").0.is_empty());
        assert!(align("a b", "").0.is_empty());
        assert!(align("a b", "… [x] …").0.is_empty());
    }

    #[test]
    fn archive_search() {
        let texts = [
            "The budget does not add up",
            "Something else entirely",
            "We will not raise taxes this year",
        ];
        let found = align_many(&texts, "we will not raise taxes next year");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 2);
        assert!(!found[0].1.exact);
    }

    #[test]
    fn long_article_is_fast() {
        // 20,000 words of varied filler with one quote in the middle.
        let filler: Vec<String> = (0..20_000)
            .map(|i| match i % 7 {
                0 => "the".to_string(),
                1 => "and".to_string(),
                _ => format!("w{}", i % 997),
            })
            .collect();
        let mut text = filler[..10_000].join(" ");
        text.push_str(
            "\n“Our schools need more teachers and smaller classes right now,” said Ana Ruiz.\n",
        );
        text.push_str(&filler[10_000..].join(" "));
        let passage: String = (0..60)
            .map(|i| format!("w{}", (i * 13) % 997))
            .chain(["Our schools need more teachers".to_string()])
            .collect::<Vec<_>>()
            .join(" ");
        let started = std::time::Instant::now();
        let _ = align(&text, &passage);
        let took = started.elapsed();
        assert!(took.as_millis() < 2000, "took {took:?}");
        let (found, _) = align(&text, "our schools need more teachers and bigger classes");
        assert!(found[0].span.text(&text).starts_with("Our schools"));
    }
}
