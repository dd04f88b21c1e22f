//! Article extraction: which blocks of a page are the article, and the article's text.
//!
//! Input: a page as [`Block`]s, either built by `html.rs` from HTML (the CLI) or by the
//! extension's content script from the live DOM. Output: the indices of the article's
//! blocks ([`select_article`]) and, for HTML, an [`Article`] (title and text; blocks
//! joined with `"\n"`). Both paths share [`select_article`], so the CLI's accuracy
//! figures describe what the extension shows.
//!
//! The selection is Readability's: paragraphs score their ancestors (text length,
//! commas), ancestors are weighted by class/id hints and link density, the best container
//! wins, siblings of similar quality join it, and boilerplate inside it (unlikely
//! class/ids, footers, asides, link lists, share widgets) is dropped. The headline (h1)
//! is kept. When JSON-LD gives an `articleBody`, blocks it contains get a bonus.
//!
//! ## Building blocks from the live DOM (the content script's recipe)
//! Walk the DOM in document order, skipping the subtrees `html.rs` skips ([`crate::html::is_skipped`],
//! `hidden`, `aria-hidden="true"`, `display:none`). A *run* of text ends at the start
//! or end of a block-level element ([`crate::html::is_block`]) and at `<br>`/`<hr>`; each
//! non-empty run (whitespace and NBSP collapsed to one space, trimmed) is one block:
//! - `tag`: the nearest block-level ancestor's tag name, lowercased (`body` if none);
//! - `text`: the collapsed text (the DOM path may send text verbatim so its offsets map
//!   back to text nodes; only line breaks are turned into spaces, one for one);
//! - `hint`: for that element and its ancestors up to (and including) `body`, nearest
//!   first, at most 32: a segment `"tag class… id [role=…] [itemprop=…]"` lowercased,
//!   segments joined with `" | "`;
//! - `link_chars`: the number of non-space characters of the run inside `<a>`;
//! - `ancestors` (optional but recommended): a number unique to each element, for that
//!   element and its ancestors, nearest first, at most 12 (aligned with `hint` segments).
//!   Without segmented hints and ids every block looks like one container, and the
//!   selection can only drop blocks by their own hints: on the 17 test pages that keeps
//!   ~75% extra words instead of ~3% (see `tests/extract_pages.rs`).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::html;
use crate::span::Span;
use crate::{Analysis, Error};

/// One run of text of a page, with what is known about where it sits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// The nearest block-level element's tag, lowercased: `p`, `h1`, `li`, `div`, …
    pub tag: String,
    /// The run's text, whitespace collapsed to single spaces and trimmed.
    pub text: String,
    /// Class/id hints of the element and its ancestors, nearest first: segments
    /// `"tag class… id [role=…] [itemprop=…]"`, lowercased, joined with `" | "`.
    #[serde(default)]
    pub hint: String,
    /// Characters of `text` inside links.
    #[serde(default)]
    pub link_chars: usize,
    /// Ids of the element and its ancestors, nearest first (aligned with `hint`).
    /// Any numbering unique per element within the page; may be empty.
    #[serde(default)]
    pub ancestors: Vec<u32>,
}

/// The article found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The headline: JSON-LD `headline`, `og:title`, the kept h1, or `<title>`.
    pub title: Option<String>,
    /// The article's blocks joined with `"\n"`.
    pub text: String,
    /// All blocks of the page.
    pub blocks: Vec<Block>,
    /// Indices into `blocks` of the article's blocks, in order.
    pub selected: Vec<usize>,
}

/// Hints from outside the block list (the HTML path reads them from JSON-LD and meta).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageHints {
    pub headline: Option<String>,
    pub article_body: Option<String>,
}

/// Extracts the article from a page's HTML: parse -> blocks -> select -> join.
pub fn extract_article(html: &str) -> Article {
    let page = html::parse(html);
    let hints = json_ld_hints(&page.json_ld);
    let selected = select_article_with(&page.blocks, &hints);
    let text = join(&page.blocks, &selected);
    let h1 = selected
        .iter()
        .map(|&i| &page.blocks[i])
        .find(|b| b.tag == "h1")
        .map(|b| b.text.clone());
    let title = hints
        .headline
        .clone()
        .or(page.og_title.clone())
        .or(h1)
        .or(page.title.clone());
    Article {
        title,
        text,
        blocks: page.blocks,
        selected,
    }
}

/// The text of the selected blocks, joined with `"\n"`.
pub fn join(blocks: &[Block], selected: &[usize]) -> String {
    let mut out = String::new();
    for (k, &i) in selected.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if let Some(b) = blocks.get(i) {
            out.push_str(&b.text);
        }
    }
    out
}

/// Picks the article's blocks: indices into `blocks`, in order.
pub fn select_article(blocks: &[Block]) -> Vec<usize> {
    select_article_with(blocks, &PageHints::default())
}

/// The article text, `(block index, byte span in the text)` per selected block, and the analysis.
pub type BlocksAnalysis = (String, Vec<(usize, Span)>, Analysis);

/// Selects the article among `blocks`, joins it and analyses it. Returns the text, the
/// byte span of each selected block in it (with the block's index), and the analysis.
pub fn analyze_blocks(blocks: &[Block]) -> Result<BlocksAnalysis, Error> {
    let total: usize = blocks.iter().map(|b| b.text.len() + 1).sum();
    if total > crate::MAX_TEXT_BYTES {
        return Err(Error::TooLarge {
            bytes: total,
            limit: crate::MAX_TEXT_BYTES,
        });
    }
    let selected = select_article(blocks);
    let text = join(blocks, &selected);
    let mut ranges = Vec::with_capacity(selected.len());
    let mut at = 0;
    for &i in &selected {
        let len = blocks[i].text.len();
        ranges.push((i, Span::new(at, at + len)));
        at += len + 1;
    }
    let analysis = crate::analyze(&text)?;
    Ok((text, ranges, analysis))
}

/// Most blocks accepted from a caller.
pub const MAX_BLOCKS: usize = 1_000_000;

/// Reads blocks from JSON (`[{tag, text, hint?, link_chars?, ancestors?}]`), with a
/// clear message naming the first thing wrong.
pub fn parse_blocks_json(json: &str) -> Result<Vec<Block>, String> {
    use crate::json::Json;
    let v = Json::parse(json).map_err(|e| format!("blocks: not valid JSON ({e})"))?;
    let Json::Array(items) = v else {
        return Err("blocks: expected an array of {tag, text, hint, link_chars} objects".into());
    };
    if items.len() > MAX_BLOCKS {
        return Err(format!(
            "blocks: {} blocks is more than the limit of {MAX_BLOCKS}",
            items.len()
        ));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let mut o = item;
        if !matches!(o, Json::Object(_)) {
            return Err(format!("blocks[{i}]: expected an object"));
        }
        let mut string = |key: &str, required: bool| -> Result<String, String> {
            match o.take(key) {
                Some(Json::String(s)) => Ok(s),
                None | Some(Json::Null) if !required => Ok(String::new()),
                None => Err(format!("blocks[{i}].{key}: missing (a string is required)")),
                Some(_) => Err(format!("blocks[{i}].{key}: expected a string")),
            }
        };
        let tag = string("tag", true)?.to_ascii_lowercase();
        let text = string("text", true)?;
        let hint = string("hint", false)?;
        let link_chars = match o.take("link_chars") {
            None | Some(Json::Null) => 0,
            Some(n @ Json::Number(_)) => match n
                .as_u64()
                .or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64))
            {
                Some(n) => n.min(usize::MAX as u64) as usize,
                None => {
                    return Err(format!(
                        "blocks[{i}].link_chars: expected a non-negative number"
                    ))
                }
            },
            Some(_) => return Err(format!("blocks[{i}].link_chars: expected a number")),
        };
        let ancestors = match o.take("ancestors") {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(a)) => {
                let mut ids = Vec::with_capacity(a.len().min(64));
                for (k, x) in a.iter().take(64).enumerate() {
                    match x.as_u64().filter(|&x| x <= u32::MAX as u64) {
                        Some(x) => ids.push(x as u32),
                        None => {
                            return Err(format!(
                                "blocks[{i}].ancestors[{k}]: expected an integer id"
                            ))
                        }
                    }
                }
                ids
            }
            Some(_) => {
                return Err(format!(
                    "blocks[{i}].ancestors: expected an array of integer ids"
                ))
            }
        };
        // Text is used verbatim (the extension maps offsets back to DOM text nodes), except
        // that line breaks become spaces one for one: lines are the engine's paragraphs.
        let text = if text.contains(['\n', '\r']) {
            text.replace(['\n', '\r'], " ")
        } else {
            text
        };
        out.push(Block {
            tag,
            text,
            hint,
            link_chars,
            ancestors,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// JSON-LD
// ---------------------------------------------------------------------------------------

/// Reads `headline` and `articleBody` of the first `*Article` object in JSON-LD scripts.
pub fn json_ld_hints(scripts: &[String]) -> PageHints {
    let mut hints = PageHints::default();
    for s in scripts {
        let Ok(v) = crate::json::Json::parse(s.trim()) else {
            continue;
        };
        // Iterative walk over arrays and @graph, bounded.
        let mut todo = vec![&v];
        let mut seen = 0;
        while let Some(v) = todo.pop() {
            seen += 1;
            if seen > 1000 {
                break;
            }
            match v {
                crate::json::Json::Array(a) => todo.extend(a.iter().rev()),
                o @ crate::json::Json::Object(_) => {
                    if let Some(g) = o.get("@graph") {
                        todo.push(g);
                    }
                    let is_article = match o.get("@type") {
                        Some(crate::json::Json::String(t)) => {
                            t.ends_with("Article") || t == "BlogPosting"
                        }
                        Some(crate::json::Json::Array(ts)) => ts.iter().any(|t| {
                            t.as_str()
                                .is_some_and(|t| t.ends_with("Article") || t == "BlogPosting")
                        }),
                        _ => false,
                    };
                    if is_article {
                        if hints.headline.is_none() {
                            if let Some(h) = o.get("headline").and_then(|h| h.as_str()) {
                                let h = html::collapse(&html::decode_entities(h));
                                if !h.is_empty() {
                                    hints.headline = Some(h);
                                }
                            }
                        }
                        if hints.article_body.is_none() {
                            if let Some(b) = o.get("articleBody").and_then(|b| b.as_str()) {
                                if b.len() > 200 {
                                    hints.article_body = Some(b.to_string());
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    hints
}

// ---------------------------------------------------------------------------------------
// Hints
// ---------------------------------------------------------------------------------------

// Class and id fragments (substrings; `UNLIKELY_ROLES` holds whole roles), whitespace-
// separated: a slice of `&str` cost the Wasm eight bytes a fragment in pointers.
const UNLIKELY: &str = "
    -ad- ai2html banner breadcrumbs combx comment community cover-wrap disqus extra
    footer gdpr header legends menu related remark replies rss shoutbox sidebar
    skyscraper social sponsor supplemental ad-break agegate pagination pager popup
    yom-remote newsletter subscribe cookie promo
";
const MAYBE: &str = "
    and article body column content main mathjax shadow
";
const UNLIKELY_ROLES: &str = "
    menu menubar complementary navigation alert alertdialog dialog
";
const POSITIVE: &str = "
    article body content entry hentry h-entry main page pagination post text blog story
";
const NEGATIVE: &str = "
    -ad- hidden banner combx comment com- contact foot footer footnote gdpr masthead
    media meta outbrain promo related scroll share shoutbox sidebar skyscraper sponsor
    shopping tags tool widget newsletter subscribe
";
const BYLINE: &str = "
    byline author dateline writtenby p-author
";

/// What one hint segment says about its element.
#[derive(Clone, Debug, Default)]
struct SegInfo {
    tag: String,
    /// class and id words, space separated.
    names: String,
    unlikely: bool,
    weight: f64,
    byline: bool,
    share: bool,
}

fn seg_info(seg: &str) -> SegInfo {
    let mut words = seg.split_whitespace();
    let tag = words.next().unwrap_or("").to_string();
    let mut names = String::new();
    let mut role_unlikely = false;
    let mut article_body = false;
    let mut byline = false;
    for w in words {
        if let Some(r) = w.strip_prefix("role=") {
            role_unlikely |= UNLIKELY_ROLES.split_ascii_whitespace().any(|u| u == r);
        } else if let Some(p) = w.strip_prefix("itemprop=") {
            article_body |= p == "articlebody";
            byline |= p == "author";
        } else {
            if !names.is_empty() {
                names.push(' ');
            }
            names.push_str(w);
        }
    }
    let has = |list: &str| list.split_ascii_whitespace().any(|p| names.contains(p));
    let structural = matches!(tag.as_str(), "body" | "a" | "html");
    let unlikely = !structural && (role_unlikely || (has(UNLIKELY) && !has(MAYBE)));
    let mut weight = 0.0;
    if has(NEGATIVE) {
        weight -= 25.0;
    }
    if has(POSITIVE) || article_body {
        weight += 25.0;
    }
    SegInfo {
        byline: byline || has(BYLINE),
        share: names.contains("share"),
        tag,
        names,
        unlikely,
        weight,
    }
}

fn tag_base(tag: &str) -> f64 {
    match tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn count_commas(s: &str) -> usize {
    s.chars()
        .filter(|&c| matches!(c, ',' | '،' | '﹐' | '︐' | '︑' | '⹁' | '⸴' | '⸲' | '，'))
        .count()
}

// ---------------------------------------------------------------------------------------
// Selection
// ---------------------------------------------------------------------------------------

/// Internal element id: the caller's ids, or a synthetic one per block without ids.
type Id = u64;
const ROOT: Id = 1 << 40;

#[derive(Default, Clone)]
struct Elem {
    info: SegInfo,
    parent: Option<Id>,
    score: f64,
    scored: bool,
    chars: usize,
    link_chars: usize,
    commas: usize,
    /// Distinct paragraph-ish children blocks and list items, for conditional cleaning.
    p_blocks: usize,
    li_blocks: usize,
    heading_chars: usize,
}

#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

struct Ctx<'a> {
    blocks: &'a [Block],
    /// Per block: element ids, nearest first, ending with ROOT.
    chains: Vec<Vec<Id>>,
    /// Per block: segment infos, nearest first (may be longer than the chain).
    segs: Vec<Vec<std::rc::Rc<SegInfo>>>,
    lens: Vec<usize>,
}

fn build_ctx(blocks: &[Block]) -> Ctx<'_> {
    let mut cache: HashMap<&str, std::rc::Rc<SegInfo>> = HashMap::new();
    let mut chains = Vec::with_capacity(blocks.len());
    let mut segs = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.iter().enumerate() {
        let mut s = Vec::new();
        // A flat hint (class/id words without segments) describes the block's element.
        let segmented =
            b.hint.contains(" | ") || b.hint.split_whitespace().next() == Some(b.tag.as_str());
        if !segmented && !b.hint.is_empty() {
            let mut flat = String::with_capacity(b.tag.len() + 1 + b.hint.len());
            flat.push_str(&b.tag);
            flat.push(' ');
            flat.extend(b.hint.chars().flat_map(crate::case::lower_char).map(|c| {
                if c == '|' {
                    ' '
                } else {
                    c
                }
            }));
            s.push(std::rc::Rc::new(seg_info(&flat)));
        } else if !b.hint.is_empty() {
            for seg in b.hint.split(" | ").take(64) {
                let seg = seg.trim();
                let info = cache
                    .entry(seg)
                    .or_insert_with(|| std::rc::Rc::new(seg_info(seg)))
                    .clone();
                s.push(info);
            }
        }
        let mut chain: Vec<Id> = b.ancestors.iter().take(32).map(|&a| a as Id).collect();
        if chain.is_empty() {
            chain.push(ROOT + 1 + i as Id);
        }
        chain.push(ROOT);
        chains.push(chain);
        segs.push(s);
    }
    let lens = blocks.iter().map(|b| b.text.chars().count()).collect();
    Ctx {
        blocks,
        chains,
        segs,
        lens,
    }
}

fn link_density(e: &Elem) -> f64 {
    if e.chars == 0 {
        0.0
    } else {
        (e.link_chars as f64 / e.chars as f64).min(1.0)
    }
}

/// Picks the article's blocks, using page-level hints (JSON-LD) when there are any.
pub fn select_article_with(blocks: &[Block], hints: &PageHints) -> Vec<usize> {
    if blocks.is_empty() {
        return Vec::new();
    }
    let ctx = build_ctx(blocks);
    let attempts = [
        Flags {
            strip_unlikely: true,
            weight_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: false,
        },
    ];
    let mut best: Vec<usize> = Vec::new();
    let mut best_len = 0;
    for flags in attempts {
        let sel = select_once(&ctx, hints, flags);
        let len: usize = sel.iter().map(|&i| ctx.lens[i]).sum();
        if len >= 500 {
            best = sel;
            break;
        }
        if len > best_len {
            best_len = len;
            best = sel;
        }
    }
    add_headline(&ctx, hints, best)
}

// Parallel per-block arrays read best with indices.
#[allow(clippy::needless_range_loop)]
fn select_once(ctx: &Ctx<'_>, hints: &PageHints, flags: Flags) -> Vec<usize> {
    let n = ctx.blocks.len();
    // 1. Blocks removed before scoring: unlikely candidates and the byline.
    let mut removed = vec![false; n];
    if flags.strip_unlikely {
        for i in 0..n {
            removed[i] = ctx.segs[i].iter().any(|s| s.unlikely);
        }
    }
    remove_byline(ctx, &mut removed);

    // 2. Elements and their text statistics.
    let mut elems: HashMap<Id, Elem> = HashMap::new();
    for i in 0..n {
        if removed[i] {
            continue;
        }
        let chain = &ctx.chains[i];
        let b = &ctx.blocks[i];
        let commas = count_commas(&b.text);
        for (k, &id) in chain.iter().enumerate() {
            let e = elems.entry(id).or_default();
            if e.info.tag.is_empty() {
                e.info = match ctx.segs[i].get(k) {
                    Some(s) if id != ROOT => (**s).clone(),
                    _ => SegInfo {
                        tag: if id == ROOT {
                            "body".into()
                        } else {
                            b.tag.clone()
                        },
                        ..SegInfo::default()
                    },
                };
                if !flags.weight_classes {
                    e.info.weight = 0.0;
                }
                e.parent = chain.get(k + 1).copied();
            }
            e.chars += ctx.lens[i];
            e.link_chars += b.link_chars.min(ctx.lens[i]);
            e.commas += commas;
            if k > 0 || b.tag == "p" {
                match b.tag.as_str() {
                    "p" | "pre" | "blockquote" => e.p_blocks += 1,
                    "li" => e.li_blocks += 1,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => e.heading_chars += ctx.lens[i],
                    _ => {}
                }
            }
        }
    }

    // 3. Paragraphs score their ancestors.
    let body_words = hints.article_body.as_deref().map(normalize_words);
    let mut para_done: HashMap<Id, ()> = HashMap::new();
    for i in 0..n {
        if removed[i] {
            continue;
        }
        let b = &ctx.blocks[i];
        let chain = &ctx.chains[i];
        let whole_element = crate::lexicon::in_class(b.tag.as_str(), crate::lexicon::WHOLE_ELEMENT);
        let (len, commas, ancestors): (usize, usize, &[Id]) = if whole_element && chain.len() > 1 {
            if para_done.insert(chain[0], ()).is_some() {
                continue;
            }
            let e = &elems[&chain[0]];
            (e.chars, e.commas, &chain[1..])
        } else if crate::lexicon::in_class(b.tag.as_str(), crate::lexicon::CONTAINER_ELEMENT) {
            (ctx.lens[i], count_commas(&b.text), &chain[..])
        } else {
            continue;
        };
        if len < 25 {
            continue;
        }
        // 1 for the paragraph, 1 per comma-separated piece, 1 per 100 chars up to 3.
        let mut score = 2.0 + commas as f64 + (len / 100).min(3) as f64;
        if let Some(words) = &body_words {
            if contained_in(&b.text, words) {
                score += 3.0;
            }
        }
        for (level, id) in ancestors.iter().take(5).enumerate() {
            let Some(e) = elems.get_mut(id) else { continue };
            if !e.scored {
                e.scored = true;
                e.score = tag_base(&e.info.tag) + e.info.weight;
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            e.score += score / div;
        }
    }
    let mut candidates: Vec<(Id, f64)> = Vec::new();
    for (&id, e) in elems.iter_mut() {
        if e.scored {
            e.score *= 1.0 - link_density(e);
            candidates.push((id, e.score));
        }
    }
    crate::sort::sort_by(&mut candidates, |a, b| {
        b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
    });
    let Some(&(mut top, top_score)) = candidates.first() else {
        return (0..n).filter(|&i| !removed[i]).collect();
    };

    // 4. Move up when several strong candidates share an ancestor.
    let is_ancestor = |anc: Id, mut of: Id| {
        let mut steps = 0;
        while let Some(p) = elems.get(&of).and_then(|e| e.parent) {
            if p == anc {
                return true;
            }
            of = p;
            steps += 1;
            if steps > 64 {
                break;
            }
        }
        false
    };
    let alternatives: Vec<Id> = candidates
        .iter()
        .skip(1)
        .take(4)
        .filter(|c| c.1 / top_score.max(1e-9) >= 0.75)
        .map(|c| c.0)
        .collect();
    if alternatives.len() >= 3 {
        let mut p = elems.get(&top).and_then(|e| e.parent);
        let mut steps = 0;
        while let Some(pid) = p {
            if pid == ROOT || steps > 32 {
                break;
            }
            if alternatives
                .iter()
                .filter(|&&a| is_ancestor(pid, a))
                .count()
                >= 3
            {
                top = pid;
                break;
            }
            p = elems.get(&pid).and_then(|e| e.parent);
            steps += 1;
        }
    }
    // Climb while the parent scores better (Readability's parent walk).
    {
        let mut last = elems.get(&top).map_or(0.0, |e| e.score);
        let threshold = last / 3.0;
        let mut p = elems.get(&top).and_then(|e| e.parent);
        let mut steps = 0;
        while let Some(pid) = p {
            if pid == ROOT || steps > 32 {
                break;
            }
            steps += 1;
            let Some(pe) = elems.get(&pid) else { break };
            if !pe.scored {
                p = pe.parent;
                continue;
            }
            if pe.score < threshold {
                break;
            }
            if pe.score > last {
                top = pid;
                break;
            }
            last = pe.score;
            p = pe.parent;
        }
    }
    // An only child is as good as its parent. The walk is bounded like the others: a
    // block list from a page can name an element as its own parent (found by fuzzing).
    let mut steps = 0;
    while let Some(pid) = elems.get(&top).and_then(|e| e.parent) {
        let same =
            pid != ROOT && elems.get(&pid).map(|e| e.chars) == elems.get(&top).map(|e| e.chars);
        if !same || pid == top || steps > 32 {
            break;
        }
        top = pid;
        steps += 1;
    }
    let top_score = elems.get(&top).map_or(0.0, |e| e.score);

    // 5. Siblings of the top candidate join it.
    let parent = elems.get(&top).and_then(|e| e.parent);
    let threshold = (top_score * 0.2).max(10.0);
    let top_names = elems
        .get(&top)
        .map(|e| e.info.names.clone())
        .unwrap_or_default();
    let mut roots: HashMap<Id, bool> = HashMap::new();
    roots.insert(top, true);
    let mut root_of = vec![None::<(Id, usize)>; n];
    for i in 0..n {
        if removed[i] {
            continue;
        }
        let chain = &ctx.chains[i];
        if let Some(k) = chain.iter().position(|&c| c == top) {
            root_of[i] = Some((top, k));
            continue;
        }
        let Some(parent) = parent else { continue };
        let Some(j) = chain.iter().position(|&c| c == parent) else {
            continue;
        };
        if j == 0 {
            // Text directly inside the parent: judged as a paragraph.
            if para_ok(&ctx.blocks[i].text, ctx.lens[i], ctx.blocks[i].link_chars) {
                root_of[i] = Some((chain[0], 0));
            }
            continue;
        }
        let sib = chain[j - 1];
        let ok = *roots.entry(sib).or_insert_with(|| {
            let Some(e) = elems.get(&sib) else {
                return false;
            };
            let bonus = if !top_names.is_empty() && e.info.names == top_names {
                top_score * 0.2
            } else {
                0.0
            };
            if e.scored && e.score + bonus >= threshold {
                return true;
            }
            // A sibling styled like the top candidate is the article's continuation
            // (multi-part layouts), scored or not.
            if bonus > 0.0 && e.chars >= 100 && link_density(e) < 0.25 {
                return true;
            }
            if e.info.tag == "p" {
                let ld = link_density(e);
                return (e.chars > 80 && ld < 0.25)
                    || (e.chars > 0
                        && e.chars <= 80
                        && e.link_chars == 0
                        && ends_sentence(&ctx.blocks[i].text));
            }
            false
        });
        if ok {
            root_of[i] = Some((sib, j - 1));
        }
    }

    // 6. Clean inside the article.
    let mut keep = Vec::new();
    for i in 0..n {
        let Some((_, depth)) = root_of[i] else {
            continue;
        };
        let chain = &ctx.chains[i];
        let b = &ctx.blocks[i];
        let caption = matches!(b.tag.as_str(), "figcaption" | "caption");
        let mut drop = false;
        // Elements from the block up to (and including) its article root.
        for k in 0..=depth.min(chain.len() - 1) {
            let seg = ctx.segs[i].get(k);
            let tag = seg.map_or("", |s| s.tag.as_str());
            // (A blockquote's footer names who is quoted: "— Marek Hlavac, shop owner".)
            let citation = tag == "footer"
                && ctx.segs[i]
                    .get(k + 1)
                    .is_some_and(|parent| parent.tag == "blockquote");
            if crate::lexicon::in_class(tag, crate::lexicon::BOILERPLATE_ELEMENT)
                && k < depth
                && !citation
            {
                drop = true;
                break;
            }
            if let Some(s) = seg {
                if s.share && k < depth && elems.get(&chain[k]).is_some_and(|e| e.chars < 500) {
                    drop = true;
                    break;
                }
            }
            if flags.clean_conditionally && !caption {
                if let Some(e) = elems.get(&chain[k]) {
                    if clean_conditionally(e, k == depth) {
                        drop = true;
                        break;
                    }
                }
            }
        }
        if !drop {
            keep.push(i);
        }
    }
    keep
}

/// Container elements (`select_once`).
pub(crate) const CONTAINER_ELEMENTS: &str = "
    div article body main center
";

/// Elements of page furniture (`select_once`).
pub(crate) const BOILERPLATE_ELEMENTS: &str = "
    footer aside form fieldset nav
";

/// Elements whose text is one unit of content (`select_once`): paragraphs, cells, headings.
pub(crate) const WHOLE_ELEMENTS: &str = "
    p td pre section h2 h3 h4 h5 h6
";

/// Readability's `_cleanConditionally`, on the statistics blocks give us.
fn clean_conditionally(e: &Elem, is_root: bool) -> bool {
    let tag = e.info.tag.as_str();
    if !crate::lexicon::in_class(tag, crate::lexicon::CONDITIONAL_ELEMENT) {
        return false;
    }
    let weight = e.info.weight;
    // Readability adds a content score of 0 here: only the class weight counts.
    if weight < 0.0 {
        return true;
    }
    if is_root || e.commas >= 10 {
        return false;
    }
    let is_list = matches!(tag, "ul" | "ol");
    let ld = link_density(e);
    let p = e.p_blocks as f64;
    let li = e.li_blocks as f64 - 100.0;
    let heading_density = if e.chars == 0 {
        0.0
    } else {
        e.heading_chars as f64 / e.chars as f64
    };
    (!is_list && li > p)
        || (!is_list && heading_density < 0.9 && e.chars < 25 && ld > 0.0)
        || (!is_list && weight < 25.0 && ld > 0.2)
        || (weight >= 25.0 && ld > 0.5)
        || (is_list && ld > 0.5)
}

/// Elements Readability's `_cleanConditionally` weighs (`clean_conditionally`).
pub(crate) const CONDITIONAL_ELEMENTS: &str = "
    form fieldset table ul ol div section
";

fn para_ok(text: &str, len: usize, link_chars: usize) -> bool {
    let ld = if len == 0 {
        0.0
    } else {
        link_chars as f64 / len as f64
    };
    (len > 80 && ld < 0.25) || (len > 0 && len <= 80 && link_chars == 0 && ends_sentence(text))
}

fn ends_sentence(text: &str) -> bool {
    text.ends_with('.') || text.contains(". ")
}

/// Drops the first short element that looks like a byline (Readability keeps it apart).
fn remove_byline(ctx: &Ctx<'_>, removed: &mut [bool]) {
    for i in 0..ctx.blocks.len() {
        if removed[i] {
            continue;
        }
        let Some(k) = ctx.segs[i].iter().position(|s| s.byline) else {
            continue;
        };
        if ctx.lens[i] >= 100 {
            continue;
        }
        match ctx.chains[i].get(k).filter(|&&id| id < ROOT) {
            Some(&id) => {
                let members: Vec<usize> = (i..ctx.blocks.len().min(i + 50))
                    .filter(|&j| ctx.chains[j].contains(&id))
                    .collect();
                let total: usize = members.iter().map(|&j| ctx.lens[j]).sum();
                if total < 100 {
                    for j in members {
                        removed[j] = true;
                    }
                }
            }
            None => removed[i] = true,
        }
        return;
    }
}

/// Adds the headline (the h1 matching the title, or the last h1 before the article).
fn add_headline(ctx: &Ctx<'_>, hints: &PageHints, mut sel: Vec<usize>) -> Vec<usize> {
    if sel.iter().any(|&i| ctx.blocks[i].tag == "h1") {
        return sel;
    }
    let first = sel.first().copied().unwrap_or(ctx.blocks.len());
    let h1s: Vec<usize> = (0..ctx.blocks.len())
        .filter(|&i| ctx.blocks[i].tag == "h1")
        .collect();
    let pick = match hints.headline.as_deref() {
        Some(h) => {
            let want = normalize_words(h);
            h1s.iter()
                .copied()
                .find(|&i| normalize_words(&ctx.blocks[i].text) == want)
        }
        None => None,
    }
    .or_else(|| {
        h1s.iter()
            .copied()
            .rev()
            .find(|&i| i < first && ctx.blocks[i].text.split_whitespace().count() >= 3)
    });
    if let Some(h) = pick {
        if !sel.contains(&h) {
            let pos = sel.partition_point(|&i| i < h);
            sel.insert(pos, h);
        }
    }
    sel
}

fn normalize_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(crate::case::lower_char));
    }
    out
}

fn contained_in(text: &str, body_words: &str) -> bool {
    let t = normalize_words(text);
    t.len() >= 20 && body_words.contains(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(html: &str) -> String {
        extract_article(html).text
    }

    const LOREM: &str =
        "The council voted on Tuesday, after a long debate, to approve the new budget, \
        which includes funding for schools, roads and parks across the city.";

    fn page(body: &str) -> String {
        format!("<html><head><title>T</title></head><body>{body}</body></html>")
    }

    /// (page body, words that must appear, words that must not)
    const ROWS: &[(&str, &[&str], &[&str])] = &[
        (
            "<nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul></nav>\
             <div class=story><h1>Budget passes</h1><p>{L}</p><p>{L}</p><p>{L}</p></div>\
             <div id=comments><p>{L} Commenter rant.</p></div>",
            &["Budget passes", "approve the new budget"],
            &["Home", "World", "Commenter rant"],
        ),
        (
            "<article><p>{L}</p><p>{L}</p><aside class=related><ul><li><a href=a>Other story one</a></li>\
             <li><a href=b>Other story two</a></li></ul></aside><p>{L} Final words.</p></article>\
             <footer><p>Copyright 2024, Example News, all rights reserved, everywhere.</p></footer>",
            &["Final words."],
            &["Other story", "Copyright"],
        ),
        (
            "<div class=content><p>{L}</p><blockquote>“We did it,” she said.</blockquote><p>{L}</p>\
             <figure><img src=x><figcaption>The mayor at the vote.</figcaption></figure><ul><li>First point of the plan.</li>\
             <li>Second point of the plan.</li></ul><p>{L}</p><div class=share-tools><a href=x>Share on Facebook</a></div></div>",
            &["“We did it,” she said.", "The mayor at the vote.", "First point of the plan."],
            &["Share on Facebook"],
        ),
        (
            "<div class=main><p>{L}</p><p>{L}</p><div class=newsletter-signup><p>Sign up for our newsletter, \
             it is free, it is great, it is daily.</p></div><p>{L}</p></div>",
            &["approve the new budget"],
            &["Sign up"],
        ),
        // A blockquote's footer names the quoted person; the page's footer goes.
        (
            "<article><p>{L}</p><blockquote><p>“The bridge was safe for fifty years.”</p>\
             <footer>— Marek Hlavac, shop owner</footer></blockquote><p>{L}</p></article>\
             <footer><p>Copyright 2024, Example News, all rights reserved, everywhere.</p></footer>",
            &["— Marek Hlavac, shop owner"],
            &["Copyright"],
        ),
    ];

    #[test]
    fn selects_the_article() {
        for &(body, want, not) in ROWS {
            let text = article(&page(&body.replace("{L}", &[LOREM; 3].join(" "))));
            for w in want {
                assert!(text.contains(w), "missing {w:?} in {text:?}");
            }
            for w in not {
                assert!(!text.contains(w), "kept {w:?} in {text:?}");
            }
        }
    }

    #[test]
    fn blocks_without_ids_still_work() {
        let mut blocks =
            html::parse(&page(&ROWS[0].0.replace("{L}", &[LOREM; 3].join(" ")))).blocks;
        for b in &mut blocks {
            b.ancestors.clear();
        }
        let sel = select_article(&blocks);
        let text = join(&blocks, &sel);
        assert!(text.contains("approve the new budget"));
        assert!(!text.contains("Commenter rant"), "{text}");
    }

    #[test]
    fn json_ld_headline_and_body() {
        let hints = json_ld_hints(&[
            r#"[{"@type":"WebSite"},{"@graph":[{"@type":["NewsArticle"],"headline":"A &amp; B","articleBody":"x"}]}]"#
                .to_string(),
            "not json".to_string(),
        ]);
        assert_eq!(hints.headline.as_deref(), Some("A & B"));
        assert_eq!(hints.article_body, None, "too short to be a body");
    }

    #[test]
    fn empty_and_tiny_pages() {
        assert_eq!(article(""), "");
        assert_eq!(article("hello"), "hello");
        assert_eq!(select_article(&[]), Vec::<usize>::new());
    }

    #[test]
    fn parses_blocks_json_with_clear_errors() {
        let ok = parse_blocks_json(r#"[{"tag":"P","text":"a\nb","hint":"p","link_chars":2,"ancestors":[3,4]},{"tag":"li","text":"x"}]"#)
            .unwrap();
        assert_eq!(ok[0].tag, "p");
        assert_eq!(ok[0].text, "a b");
        assert_eq!(ok[0].ancestors, vec![3, 4]);
        assert_eq!(ok[1].link_chars, 0);
        // (input, start of the error)
        let rows: &[(&str, &str)] = &[
            ("{}", "blocks: expected an array"),
            ("nope", "blocks: not valid JSON"),
            ("[1]", "blocks[0]: expected an object"),
            (r#"[{"text":"x"}]"#, "blocks[0].tag: missing"),
            (
                r#"[{"tag":"p","text":3}]"#,
                "blocks[0].text: expected a string",
            ),
            (
                r#"[{"tag":"p","text":"x","link_chars":"3"}]"#,
                "blocks[0].link_chars: expected a number",
            ),
            (
                r#"[{"tag":"p","text":"x","ancestors":[-1]}]"#,
                "blocks[0].ancestors[0]",
            ),
        ];
        for &(input, want) in rows {
            let err = parse_blocks_json(input).unwrap_err();
            assert!(err.starts_with(want), "{input}: {err}");
        }
    }

    #[test]
    fn block_ranges_point_into_the_text() {
        let blocks: Vec<Block> = [
            "Headline here",
            "First paragraph, with words.",
            "Second one.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Block {
            tag: if i == 0 { "h1".into() } else { "p".into() },
            text: t.to_string(),
            hint: String::new(),
            link_chars: 0,
            ancestors: vec![],
        })
        .collect();
        let (text, ranges, _) = analyze_blocks(&blocks).unwrap();
        assert!(!ranges.is_empty());
        for (i, span) in ranges {
            assert_eq!(span.text(&text), blocks[i].text);
        }
    }

    #[test]
    fn hostile_sizes_finish_quickly() {
        let start = std::time::Instant::now();
        // A 1 MB paragraph.
        let para = format!("<p>{}</p>", "word, ".repeat(170_000));
        assert!(extract_article(&para).text.len() > 1_000_000);
        // 10,000 levels of nesting, of several kinds, unclosed.
        for tag in ["div", "span", "li", "table", "a", "p", "svg"] {
            let html = format!("<{tag} class=x>").repeat(10_000) + "deep text";
            let _ = extract_article(&html);
        }
        // A ~20 MB page of mixed markup, with stray end tags.
        let unit = "<div class=post><p>Some text, “quoted” &amp; more.</p></span></div><ul><li><a href=x>l</a></ul>";
        let html = unit.repeat(20_000_000 / unit.len());
        let a = extract_article(&html);
        assert!(!a.text.is_empty());
        let secs = start.elapsed().as_secs_f64();
        assert!(secs < 60.0, "took {secs:.1}s");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        #[test]
        fn arbitrary_strings_never_panic(s in ".{0,400}") {
            let a = extract_article(&s);
            for &i in &a.selected {
                proptest::prop_assert!(i < a.blocks.len());
            }
        }

        #[test]
        fn markup_soup_never_panics(parts in proptest::collection::vec(proptest::sample::select(vec![
            "<p>", "</p>", "<div class='a b'>", "</div>", "<li>", "<ul>", "</ul>", "<table>", "<td>", "<tr>",
            "</table>", "<a href=x>", "</a>", "<br>", "<!--", "-->", "<script>", "</script>", "<![CDATA[", "]]>",
            "&amp;", "&#x1F600;", "&#99999999;", "&", "<", ">", "\"", "'", "=", "text, words", "é", "\u{AD}",
            "<svg>", "</svg>", "<p/>", "</br>", "<h1>", "<title>", "<noscript>", "</", "<!doctype html>",
        ]), 0..80)) {
            let html: String = parts.concat();
            let a = extract_article(&html);
            for &i in &a.selected {
                proptest::prop_assert!(i < a.blocks.len());
            }
        }
    }
}
