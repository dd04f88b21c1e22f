//! A tolerant HTML tokenizer and a streaming tree builder that turns a page into blocks.
//!
//! Input: any string (real, broken or hostile HTML). Output: [`Page`]: the page's
//! [`Block`]s in document order (the same block model the extension's content script
//! builds from the live DOM), plus the `<title>`, `og:title` and JSON-LD scripts.
//!
//! No external crates and no recursion: the open-element stack is a `Vec` capped at
//! [`MAX_DEPTH`] (like Chromium's parser, deeper elements are flattened), every scan is
//! forward-only, so time is linear in the input and nothing overflows the stack.
//!
//! What a block is (both paths must agree, see `extract.rs` for the live-DOM recipe):
//! a maximal run of text between block boundaries. Boundaries are the start and end of
//! block-level elements ([`is_block`]) and `<br>`/`<hr>`. The run's `tag` is its nearest
//! block-level ancestor (or `body`). Text inside skipped elements (script, style, head,
//! svg, form controls, `hidden`/`aria-hidden="true"`/`display:none` subtrees…) is dropped.

use std::borrow::Cow;

use crate::extract::Block;

/// Deepest open-element stack kept; deeper elements are treated as part of their parent.
pub const MAX_DEPTH: usize = 512;
/// How many element ids a block carries in [`Block::ancestors`].
pub const MAX_ANCESTORS: usize = 12;
/// How many elements contribute a segment to [`Block::hint`].
pub const MAX_HINT_LEVELS: usize = 32;

/// One lexical token of HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    Doctype,
    StartTag {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    EndTag {
        name: String,
    },
    /// Character data with character references decoded (CDATA sections included).
    Text(Cow<'a, str>),
    /// The undecoded content of a raw-text element (script, style, noscript, …).
    RawText(&'a str),
    Comment(&'a str),
}

/// Elements whose content is not markup. `title` and `textarea` are decoded (RCDATA).
fn is_raw_text(name: &str) -> bool {
    crate::lexicon::in_class(name, crate::lexicon::RAW_TEXT_ELEMENT)
}

/// Elements whose content is raw text (`is_raw_text`).
pub(crate) const RAW_TEXT_ELEMENTS: &str = "
    script style textarea title noscript xmp iframe noembed noframes plaintext
";

/// Elements that never have content or an end tag.
pub fn is_void(name: &str) -> bool {
    crate::lexicon::in_class(name, crate::lexicon::VOID_ELEMENT)
}

/// Void elements (`is_void`): no end tag.
pub(crate) const VOID_ELEMENTS: &str = "
    area base br col embed hr img input link meta param source track wbr keygen
";

/// Block-level elements: their start and end split the text into blocks.
pub fn is_block(name: &str) -> bool {
    crate::lexicon::in_class(name, crate::lexicon::BLOCK_ELEMENT)
}

/// Block-level elements (`is_block`): their start and end split the text into blocks.
pub(crate) const BLOCK_ELEMENTS: &str = "
    address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html
    legend li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul
";

/// Elements whose whole subtree is never article text.
pub fn is_skipped(name: &str) -> bool {
    crate::lexicon::in_class(name, crate::lexicon::SKIPPED_ELEMENT)
}

/// Elements whose whole subtree is never article text (`is_skipped`).
pub(crate) const SKIPPED_ELEMENTS: &str = "
    head script style noscript template title svg math iframe object embed canvas select
    option button textarea input video audio map
";

/// Elements that close an open `<p>` when they start.
fn closes_p(name: &str) -> bool {
    crate::lexicon::in_class(name, crate::lexicon::CLOSES_P)
}

/// Elements that close an open `<p>` when they start (`closes_p`).
pub(crate) const CLOSING_P: &str = "
    address article aside blockquote center details dialog dir div dl fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p
    pre section summary table ul li dd dt
";

/// Scope boundaries: implied end tags and stray end tags never cross these.
fn is_scope_boundary(name: &str) -> bool {
    crate::lexicon::in_class(name, crate::lexicon::SCOPE_BOUNDARY)
}

/// Scope boundaries (`is_scope_boundary`): implied and stray end tags never cross these.
pub(crate) const SCOPE_BOUNDARIES: &str = "
    html table td th caption template object marquee applet button
";

fn is_heading(name: &str) -> bool {
    crate::lexicon::in_class(name, crate::lexicon::HEADING)
}

/// Heading elements (`is_heading`).
pub(crate) const HEADINGS: &str = "
    h1 h2 h3 h4 h5 h6
";

fn is_table_part(name: &str) -> bool {
    crate::lexicon::in_class(name, crate::lexicon::TABLE_PART)
}

/// Elements of a table (`is_table_part`).
pub(crate) const TABLE_PARTS: &str = "
    table tbody thead tfoot tr td th caption
";

// ---------------------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------------------

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    let last = hay.len() - needle.len();
    let mut i = from;
    while i <= last {
        if hay[i].eq_ignore_ascii_case(&needle[0])
            && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= hay.len() || needle.is_empty() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Splits `html` into tokens, calling `sink` for each. Never panics; every index it
/// slices at is an ASCII delimiter, hence a char boundary.
pub fn tokenize<'a>(html: &'a str, mut sink: impl FnMut(Token<'a>)) {
    let b = html.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut text_start = 0;
    while i < n {
        if b[i] != b'<' {
            i = match find(b, i, b"<") {
                Some(p) => p,
                None => n,
            };
            continue;
        }
        // b[i] == '<'
        let next = b.get(i + 1).copied();
        let flush = |sink: &mut dyn FnMut(Token<'a>), end: usize| {
            if text_start < end {
                sink(Token::Text(decode_entities(&html[text_start..end])));
            }
        };
        match next {
            Some(b'!') => {
                flush(&mut sink, i);
                if b[i..].starts_with(b"<!--") {
                    let body = i + 4;
                    // "<!-->" and "<!--->" are empty comments.
                    let (content_end, after) = if b[body..].starts_with(b">") {
                        (body, body + 1)
                    } else if b[body..].starts_with(b"->") {
                        (body, body + 2)
                    } else {
                        match find(b, body, b"-->") {
                            Some(p) => (p, p + 3),
                            None => (n, n),
                        }
                    };
                    sink(Token::Comment(&html[body..content_end]));
                    i = after;
                } else if b[i..].starts_with(b"<![CDATA[") {
                    let body = i + 9;
                    let (end, after) = match find(b, body, b"]]>") {
                        Some(p) => (p, p + 3),
                        None => (n, n),
                    };
                    sink(Token::Text(Cow::Borrowed(&html[body..end])));
                    i = after;
                } else {
                    let end = find(b, i, b">").unwrap_or(n);
                    if b.len() >= i + 9 && b[i + 2..i + 9].eq_ignore_ascii_case(b"doctype") {
                        sink(Token::Doctype);
                    } else {
                        sink(Token::Comment(&html[(i + 2).min(end)..end]));
                    }
                    i = (end + 1).min(n);
                }
                text_start = i;
            }
            Some(b'?') => {
                // Processing instruction: a bogus comment up to '>'.
                flush(&mut sink, i);
                let end = find(b, i, b">").unwrap_or(n);
                sink(Token::Comment(&html[i + 2..end.max(i + 2)]));
                i = (end + 1).min(n);
                text_start = i;
            }
            Some(b'/') => {
                match b.get(i + 2).copied() {
                    Some(c) if c.is_ascii_alphabetic() => {
                        flush(&mut sink, i);
                        let (name, _, _, after) = read_tag(html, i + 2);
                        sink(Token::EndTag { name });
                        i = after;
                    }
                    Some(b'>') => {
                        flush(&mut sink, i);
                        i += 3;
                    }
                    None => {
                        // "</" at the end of input is text.
                        i = n;
                        continue;
                    }
                    Some(_) => {
                        flush(&mut sink, i);
                        let end = find(b, i, b">").unwrap_or(n);
                        sink(Token::Comment(&html[i + 2..end.max(i + 2)]));
                        i = (end + 1).min(n);
                    }
                }
                text_start = i;
            }
            Some(c) if c.is_ascii_alphabetic() => {
                flush(&mut sink, i);
                let (name, attrs, self_closing, after) = read_tag(html, i + 1);
                i = after;
                let raw = is_raw_text(&name) && !self_closing;
                let raw_name = if raw { Some(name.clone()) } else { None };
                sink(Token::StartTag {
                    name,
                    attrs,
                    self_closing,
                });
                if let Some(raw_name) = raw_name {
                    if raw_name == "plaintext" {
                        sink(Token::RawText(&html[i..]));
                        i = n;
                    } else {
                        let mut close = Vec::with_capacity(raw_name.len() + 2);
                        close.extend_from_slice(b"</");
                        close.extend_from_slice(raw_name.as_bytes());
                        let mut from = i;
                        let end = loop {
                            match find_ci(b, from, &close) {
                                Some(p) => {
                                    let after = b.get(p + close.len()).copied();
                                    if after.is_none()
                                        || matches!(after, Some(c) if is_ws(c) || c == b'/' || c == b'>')
                                    {
                                        break p;
                                    }
                                    from = p + 1;
                                }
                                None => break n,
                            }
                        };
                        let content = &html[i..end];
                        if raw_name == "title" || raw_name == "textarea" {
                            sink(Token::Text(decode_entities(content)));
                        } else {
                            sink(Token::RawText(content));
                        }
                        if end < n {
                            let (name, _, _, after) = read_tag(html, end + 2);
                            sink(Token::EndTag { name });
                            i = after;
                        } else {
                            i = n;
                        }
                    }
                }
                text_start = i;
            }
            _ => {
                // A lone '<' is text.
                i += 1;
            }
        }
    }
    if text_start < n {
        sink(Token::Text(decode_entities(&html[text_start..n])));
    }
}

/// Reads a tag name and attributes starting at `start` (just after `<` or `</`).
/// Returns (lowercased name, attributes, self-closing, index after `>`).
fn read_tag(html: &str, start: usize) -> (String, Vec<(String, String)>, bool, usize) {
    let b = html.as_bytes();
    let n = b.len();
    let mut i = start;
    while i < n && !is_ws(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name = html[start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < n && (is_ws(b[i]) || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= n {
            return (name, attrs, self_closing, n);
        }
        if b[i] == b'>' {
            return (name, attrs, self_closing, i + 1);
        }
        self_closing = false;
        let name_start = i;
        i += 1; // the first char may be '=' (an odd but legal attribute name)
        while i < n && !is_ws(b[i]) && b[i] != b'/' && b[i] != b'>' && b[i] != b'=' {
            i += 1;
        }
        let attr_name = html[name_start..i].to_ascii_lowercase();
        let mut j = i;
        while j < n && is_ws(b[j]) {
            j += 1;
        }
        let mut value = String::new();
        if j < n && b[j] == b'=' {
            j += 1;
            while j < n && is_ws(b[j]) {
                j += 1;
            }
            if j < n && (b[j] == b'"' || b[j] == b'\'') {
                let q = b[j];
                let vs = j + 1;
                let ve = find(b, vs, &[q]).unwrap_or(n);
                value = decode_entities(&html[vs..ve]).into_owned();
                i = (ve + 1).min(n);
            } else {
                let vs = j;
                while j < n && !is_ws(b[j]) && b[j] != b'>' {
                    j += 1;
                }
                value = decode_entities(&html[vs..j]).into_owned();
                i = j;
            }
        }
        if attrs.len() < 64 && !attrs.iter().any(|(k, _)| *k == attr_name) {
            attrs.push((attr_name, value));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Character references
// ---------------------------------------------------------------------------------------

/// Decodes character references (`&amp;`, `&#8217;`, `&#x201C;`, …). Unknown names are
/// kept as written; numeric references to nothing become U+FFFD; the C1 range maps to
/// Windows-1252 as browsers do.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while let Some(p) = find(b, i, b"&") {
        out.push_str(&s[last..p]);
        let (decoded, after) = decode_one(s, p);
        match decoded {
            Some(d) => {
                out.push(d);
                last = after;
            }
            None => {
                out.push('&');
                last = p + 1;
            }
        }
        i = last;
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

fn decode_one(s: &str, amp: usize) -> (Option<char>, usize) {
    let b = s.as_bytes();
    let n = b.len();
    let mut i = amp + 1;
    if i < n && b[i] == b'#' {
        i += 1;
        let hex = i < n && (b[i] == b'x' || b[i] == b'X');
        if hex {
            i += 1;
        }
        let ds = i;
        let mut value: u32 = 0;
        while i < n
            && (if hex {
                b[i].is_ascii_hexdigit()
            } else {
                b[i].is_ascii_digit()
            })
        {
            let d = (b[i] as char).to_digit(16).unwrap_or(0);
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            i += 1;
        }
        if i == ds {
            return (None, amp + 1);
        }
        if i < n && b[i] == b';' {
            i += 1;
        }
        return (Some(numeric_char(value)), i);
    }
    let ns = i;
    while i < n && i - ns < 32 && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == ns {
        return (None, amp + 1);
    }
    let name = &s[ns..i];
    if i < n && b[i] == b';' {
        if let Some(d) = named(name) {
            return (Some(d), i + 1);
        }
        return (None, amp + 1);
    }
    // Legacy references without the semicolon, only when the name stands alone.
    if crate::lexicon::in_class(name, crate::lexicon::PLAIN_ENTITY) && !(i < n && b[i] == b'=') {
        if let Some(d) = named(name) {
            return (Some(d), i);
        }
    }
    (None, amp + 1)
}

/// Named character references that may lack their ";" (`decode_one`).
pub(crate) const PLAIN_ENTITIES: &str = "
    amp lt gt quot nbsp copy reg AMP LT GT QUOT
";

fn numeric_char(v: u32) -> char {
    const C1: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let v = if (0x80..0xA0).contains(&v) {
        C1[(v - 0x80) as usize]
    } else {
        v
    };
    match v {
        0 => '\u{FFFD}',
        _ => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

/// The named references news pages use. Case-sensitive, as in HTML.
fn named(name: &str) -> Option<char> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" | "NonBreakingSpace" => '\u{A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "hairsp" => '\u{200A}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "shy" => '\u{AD}',
        "lsquo" | "OpenCurlyQuote" => '‘',
        "rsquo" | "rsquor" | "CloseCurlyQuote" => '’',
        "sbquo" | "lsquor" => '‚',
        "ldquo" | "OpenCurlyDoubleQuote" => '“',
        "rdquo" | "rdquor" | "CloseCurlyDoubleQuote" => '”',
        "bdquo" | "ldquor" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "prime" => '′',
        "Prime" => '″',
        "mdash" => '—',
        "ndash" => '–',
        "dash" | "hyphen" => '‐',
        "minus" => '−',
        "hellip" | "mldr" => '…',
        "bull" | "bullet" => '•',
        "middot" | "centerdot" => '·',
        "dagger" => '†',
        "Dagger" => '‡',
        "permil" => '‰',
        "copy" | "COPY" => '©',
        "reg" | "REG" => '®',
        "trade" | "TRADE" => '™',
        "deg" => '°',
        "plusmn" | "pm" => '±',
        "times" => '×',
        "divide" | "div" => '÷',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "curren" => '¤',
        "sect" => '§',
        "para" => '¶',
        "frac12" | "half" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "ordf" => 'ª',
        "ordm" => 'º',
        "iexcl" => '¡',
        "iquest" => '¿',
        "acute" => '´',
        "cedil" => '¸',
        "uml" | "die" => '¨',
        "macr" => '¯',
        "not" => '¬',
        "micro" => 'µ',
        "brvbar" => '¦',
        "circ" => 'ˆ',
        "tilde" => '˜',
        "fnof" => 'ƒ',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "harr" => '↔',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "asymp" => '≈',
        "infin" => '∞',
        "hearts" => '♥',
        "star" => '☆',
        "starf" => '★',
        "check" => '✓',
        "Tab" => '\t',
        "NewLine" => '\n',
        "excl" => '!',
        "num" => '#',
        "dollar" => '$',
        "percnt" => '%',
        "lpar" => '(',
        "rpar" => ')',
        "ast" => '*',
        "plus" => '+',
        "comma" => ',',
        "period" => '.',
        "sol" => '/',
        "colon" => ':',
        "semi" => ';',
        "equals" => '=',
        "quest" => '?',
        "commat" => '@',
        "lsqb" | "lbrack" => '[',
        "rsqb" | "rbrack" => ']',
        "bsol" => '\\',
        "lowbar" => '_',
        "grave" => '`',
        "lcub" | "lbrace" => '{',
        "rcub" | "rbrace" => '}',
        "verbar" | "vert" => '|',
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "Acirc" => 'Â',
        "Atilde" => 'Ã',
        "Auml" => 'Ä',
        "Aring" => 'Å',
        "AElig" => 'Æ',
        "Ccedil" => 'Ç',
        "Egrave" => 'È',
        "Eacute" => 'É',
        "Ecirc" => 'Ê',
        "Euml" => 'Ë',
        "Igrave" => 'Ì',
        "Iacute" => 'Í',
        "Icirc" => 'Î',
        "Iuml" => 'Ï',
        "ETH" => 'Ð',
        "Ntilde" => 'Ñ',
        "Ograve" => 'Ò',
        "Oacute" => 'Ó',
        "Ocirc" => 'Ô',
        "Otilde" => 'Õ',
        "Ouml" => 'Ö',
        "Oslash" => 'Ø',
        "Ugrave" => 'Ù',
        "Uacute" => 'Ú',
        "Ucirc" => 'Û',
        "Uuml" => 'Ü',
        "Yacute" => 'Ý',
        "THORN" => 'Þ',
        "szlig" => 'ß',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "eth" => 'ð',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "oslash" => 'ø',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "thorn" => 'þ',
        "yuml" => 'ÿ',
        "Yuml" => 'Ÿ',
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "Scaron" => 'Š',
        "scaron" => 'š',
        "Zcaron" => 'Ž',
        "zcaron" => 'ž',
        "alpha" => 'α',
        "beta" => 'β',
        "gamma" => 'γ',
        "delta" => 'δ',
        "epsilon" => 'ε',
        "lambda" => 'λ',
        "mu" => 'μ',
        "pi" => 'π',
        "sigma" => 'σ',
        "omega" => 'ω',
        "Delta" => 'Δ',
        "Omega" => 'Ω',
        _ => return None,
    };
    Some(c)
}

// ---------------------------------------------------------------------------------------
// Tree builder: tokens -> blocks
// ---------------------------------------------------------------------------------------

/// A parsed page: its blocks and the metadata the extractor uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub blocks: Vec<Block>,
    /// The `<title>` text, whitespace collapsed.
    pub title: Option<String>,
    /// `<meta property="og:title">`.
    pub og_title: Option<String>,
    /// Contents of every `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
}

struct Open {
    tag: String,
    id: u32,
    block: bool,
    /// This element or an ancestor is never rendered as article text.
    skip: bool,
    /// The hint segment: "tag class id [role=…] [itemprop=…]", lowercased.
    segment: String,
}

struct Builder {
    stack: Vec<Open>,
    /// Elements not pushed because the stack was full; their end tags are swallowed.
    overflow: usize,
    next_id: u32,
    open_links: usize,
    run: String,
    pending_space: bool,
    run_link_chars: usize,
    page: Page,
    in_title: bool,
    title: String,
    in_ld_json: bool,
}

/// Parses `html` into blocks and page metadata.
pub fn parse(html: &str) -> Page {
    let mut b = Builder {
        stack: Vec::new(),
        overflow: 0,
        next_id: 1,
        open_links: 0,
        run: String::new(),
        pending_space: false,
        run_link_chars: 0,
        page: Page::default(),
        in_title: false,
        title: String::new(),
        in_ld_json: false,
    };
    tokenize(html, |t| b.token(t));
    b.flush();
    let title = collapse(&b.title);
    if !title.is_empty() {
        b.page.title = Some(title);
    }
    b.page
}

/// Collapses whitespace (ASCII whitespace and NBSP) to single spaces and trims.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_space(c) {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The whitespace collapsed inside blocks: ASCII whitespace and NBSP.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\x0b' | '\u{A0}')
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn is_hidden(attrs: &[(String, String)]) -> bool {
    if attr(attrs, "hidden").is_some() {
        return true;
    }
    if attr(attrs, "aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        && !attr(attrs, "class").is_some_and(|c| c.contains("fallback-image"))
    {
        return true;
    }
    if let Some(style) = attr(attrs, "style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

fn segment(tag: &str, attrs: &[(String, String)]) -> String {
    let mut seg = String::from(tag);
    for key in ["class", "id"] {
        if let Some(v) = attr(attrs, key) {
            for w in v.split_whitespace().take(16) {
                seg.push(' ');
                seg.extend(
                    w.chars()
                        .take(64)
                        .flat_map(crate::case::lower_char)
                        .filter(|&c| c != '|'),
                );
            }
        }
    }
    for key in ["role", "itemprop"] {
        if let Some(v) = attr(attrs, key) {
            for w in v.split_whitespace().take(4) {
                seg.push(' ');
                seg.push_str(key);
                seg.push('=');
                seg.extend(
                    w.chars()
                        .take(64)
                        .flat_map(crate::case::lower_char)
                        .filter(|&c| c != '|'),
                );
            }
        }
    }
    seg
}

impl Builder {
    fn skipping(&self) -> bool {
        self.stack.last().is_some_and(|o| o.skip)
    }

    fn token(&mut self, t: Token<'_>) {
        match t {
            Token::Text(s) => {
                if self.in_title {
                    self.title.push_str(&s);
                } else if !self.skipping() {
                    self.push_text(&s);
                }
            }
            Token::RawText(s) => {
                if self.in_ld_json && self.page.json_ld.len() < 32 {
                    self.page.json_ld.push(s.to_string());
                }
            }
            Token::StartTag {
                name,
                attrs,
                self_closing,
            } => self.start(name, &attrs, self_closing),
            Token::EndTag { name } => self.end(&name),
            Token::Comment(_) | Token::Doctype => {}
        }
    }

    fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            if is_space(c) {
                self.pending_space = !self.run.is_empty();
            } else {
                if self.pending_space {
                    self.run.push(' ');
                    self.pending_space = false;
                }
                self.run.push(c);
                if self.open_links > 0 {
                    self.run_link_chars += 1;
                }
            }
        }
    }

    /// Ends the current run of text: it becomes a block if it has any text.
    fn flush(&mut self) {
        self.pending_space = false;
        if self.run.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.run);
        let link_chars = std::mem::take(&mut self.run_link_chars);
        // The run belongs to its nearest block-level ancestor.
        let base = self
            .stack
            .iter()
            .rposition(|o| o.block)
            .map_or(self.stack.len(), |p| p + 1);
        let chain = self.stack[..base].iter().rev().filter(|o| o.tag != "html");
        let tag = self.stack[..base]
            .last()
            .map_or("body", |o| o.tag.as_str())
            .to_string();
        let mut hint = String::new();
        let mut ancestors = Vec::new();
        for (k, o) in chain.take(MAX_HINT_LEVELS).enumerate() {
            if k > 0 {
                hint.push_str(" | ");
            }
            hint.push_str(&o.segment);
            if k < MAX_ANCESTORS {
                ancestors.push(o.id);
            }
        }
        self.page.blocks.push(Block {
            tag,
            text,
            hint,
            link_chars,
            ancestors,
        });
    }

    fn pop(&mut self) {
        if self.stack.last().is_some_and(|o| o.block) {
            self.flush();
        }
        if let Some(o) = self.stack.pop() {
            match o.tag.as_str() {
                "a" => self.open_links = self.open_links.saturating_sub(1),
                "title" => self.in_title = false,
                "script" => self.in_ld_json = false,
                _ => {}
            }
        }
    }

    /// Pops up to and including the nearest open `tag`, looking at most `limit` deep and
    /// never past a scope boundary. Returns whether it was found.
    fn close(&mut self, tag: &str, limit: usize, stop: impl Fn(&str) -> bool) -> bool {
        let mut found = None;
        for (k, o) in self.stack.iter().enumerate().rev().take(limit) {
            if o.tag == tag {
                found = Some(k);
                break;
            }
            if stop(&o.tag) {
                break;
            }
        }
        match found {
            Some(k) => {
                while self.stack.len() > k {
                    self.pop();
                }
                true
            }
            None => false,
        }
    }

    fn start(&mut self, name: String, attrs: &[(String, String)], self_closing: bool) {
        if name == "meta" {
            if attr(attrs, "property")
                .or(attr(attrs, "name"))
                .is_some_and(|p| p.eq_ignore_ascii_case("og:title"))
            {
                if let Some(c) = attr(attrs, "content") {
                    let c = collapse(c);
                    if !c.is_empty() && self.page.og_title.is_none() {
                        self.page.og_title = Some(c);
                    }
                }
            }
            return;
        }
        // Implied end tags.
        if closes_p(&name) {
            self.close("p", 64, is_scope_boundary);
        }
        match name.as_str() {
            "li" => {
                self.close("li", 64, |t| {
                    matches!(t, "ul" | "ol" | "menu") || is_scope_boundary(t)
                });
            }
            "dd" | "dt" => {
                let _ = self.close("dd", 64, |t| t == "dl" || t == "dt" || is_scope_boundary(t))
                    || self.close("dt", 64, |t| t == "dl" || is_scope_boundary(t));
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                if self.stack.last().is_some_and(|o| is_heading(&o.tag)) =>
            {
                self.pop();
            }
            "td" | "th" => {
                let _ = self.close("td", 64, |t| t == "tr" || t == "table")
                    || self.close("th", 64, |t| t == "tr" || t == "table");
            }
            "tr" => {
                self.close("tr", 64, |t| t == "table");
            }
            "tbody" | "thead" | "tfoot" => {
                for t in ["tbody", "thead", "tfoot"] {
                    self.close(t, 64, |t| t == "table");
                }
            }
            "a" => {
                self.close("a", 16, is_block);
            }
            "option" => {
                self.close("option", 4, |_| true);
            }
            _ => {}
        }
        let block = is_block(&name);
        if block || name == "br" || name == "hr" {
            self.flush();
        }
        if is_void(&name) {
            return;
        }
        let foreign = self
            .stack
            .iter()
            .rev()
            .take(MAX_DEPTH)
            .any(|o| o.tag == "svg" || o.tag == "math");
        if self_closing && foreign {
            return;
        }
        if self.stack.len() >= MAX_DEPTH {
            self.overflow += 1;
            return;
        }
        let skip = self.skipping() || is_skipped(&name) || is_hidden(attrs);
        if name == "title" && self.title.is_empty() && !foreign {
            self.in_title = true;
        }
        if name == "script"
            && attr(attrs, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            self.in_ld_json = true;
        }
        if name == "a" {
            self.open_links += 1;
        }
        let seg = segment(&name, attrs);
        self.stack.push(Open {
            tag: name,
            id: self.next_id,
            block,
            skip,
            segment: seg,
        });
        self.next_id = self.next_id.wrapping_add(1);
    }

    fn end(&mut self, name: &str) {
        match name {
            "br" => {
                self.flush();
                return;
            }
            "p" => self.flush(),
            _ => {}
        }
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        let table = is_table_part(name);
        self.close(name, 1024, |t| {
            if table {
                t == "table" || t == "html" || t == "template"
            } else {
                is_scope_boundary(t)
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, decoded)
    const ENTITIES: &[(&str, &str)] = &[
        ("a &amp; b", "a & b"),
        ("&lt;p&gt;", "<p>"),
        ("&quot;hi&quot; &apos;x&apos;", "\"hi\" 'x'"),
        ("it&rsquo;s &lsquo;a&rsquo; &ldquo;b&rdquo;", "it’s ‘a’ “b”"),
        ("a&mdash;b&ndash;c&hellip;", "a—b–c…"),
        ("&laquo;&nbsp;oui&nbsp;&raquo;", "«\u{a0}oui\u{a0}»"),
        ("co&shy;op", "co\u{ad}op"),
        ("caf&eacute; &Eacute;", "café É"),
        ("&#8217;&#x201C;&#X201d;", "’“”"),
        ("&#146;", "’"),
        ("&#0; &#xD800; &#99999999999;", "\u{FFFD} \u{FFFD} \u{FFFD}"),
        ("&unknown; & &; &#; &#x;", "&unknown; & &; &#; &#x;"),
        ("AT&T &amp", "AT&T &"),
        ("&ampx &copy=", "&ampx &copy="),
        ("&#39;", "'"),
        ("no refs", "no refs"),
        ("é&amp;é", "é&é"),
    ];

    #[test]
    fn decodes_character_references() {
        for &(input, want) in ENTITIES {
            assert_eq!(decode_entities(input), want, "{input:?}");
        }
    }

    fn texts(html: &str) -> Vec<String> {
        parse(html)
            .blocks
            .into_iter()
            .map(|b| format!("{}: {}", b.tag, b.text))
            .collect()
    }

    /// (html, blocks as "tag: text")
    const BLOCKS: &[(&str, &[&str])] = &[
        ("<p>Hello <b>world</b></p>", &["p: Hello world"]),
        ("<p>one<p>two", &["p: one", "p: two"]),
        ("<ul><li>a<li>b</ul>", &["li: a", "li: b"]),
        ("<table><tr><td>a<td>b<tr><td>c</table>", &["td: a", "td: b", "td: c"]),
        ("<dl><dt>t<dd>d</dl>", &["dt: t", "dd: d"]),
        ("<p>a<div>b</div>c", &["p: a", "div: b", "body: c"]),
        ("<div>x <p>y</p> z</div>", &["div: x", "p: y", "div: z"]),
        ("<p>a<br>b<br/>c</p>", &["p: a", "p: b", "p: c"]),
        ("<p>  lots \n\t of   space&nbsp;&nbsp;here </p>", &["p: lots of space here"]),
        ("<p>x<!-- <p>hidden</p> -->y</p>", &["p: xy"]),
        ("<p>a<script>var s = '</p><p>no';</script>b</p>", &["p: ab"]),
        ("<p>a<SCRIPT>x</scriptx>y</SCRIPT >b</p>", &["p: ab"]),
        ("<style>p{}</style><p>s</p>", &["p: s"]),
        ("<noscript><p>enable js</p></noscript><p>t</p>", &["p: t"]),
        ("<textarea><p>x</p></textarea><p>t</p>", &["p: t"]),
        ("<p title='a > b' class=\"c>d\">q</p>", &["p: q"]),
        ("<p data-x=a>b>c</p>", &["p: b>c"]),
        ("<!DOCTYPE html><html><head><title>T</title></head><body><p>b</p></body></html>", &["p: b"]),
        ("<p>x<![CDATA[ raw <b> ]]>y</p>", &["p: x raw <b> y"]),
        ("<p>1 < 2 and 3 > 2</p>", &["p: 1 < 2 and 3 > 2"]),
        ("<p>a</div>b</p>", &["p: ab"]),
        ("<div hidden><p>h</p></div><p aria-hidden=true>h</p><p style='display: none'>h</p><p>v</p>", &["p: v"]),
        ("<p>a<button>Share</button>b</p>", &["p: ab"]),
        ("<svg><title>icon</title><text>x</text></svg><p>t</p>", &["p: t"]),
        ("<h1>Head<h2>Sub", &["h1: Head", "h2: Sub"]),
        ("<p>unclosed <b>bold <i>both", &["p: unclosed bold both"]),
        ("<p>a</p></br>b", &["p: a", "body: b"]),
        ("plain text", &["body: plain text"]),
        ("<p>x</", &["p: x</"]),
        ("<p><a href=x>link</a> text</p>", &["p: link text"]),
        ("<p>tab\u{a0}nbsp</p>", &["p: tab nbsp"]),
        ("<", &["body: <"]),
        ("", &[]),
    ];

    #[test]
    fn builds_blocks() {
        for &(html, want) in BLOCKS {
            assert_eq!(texts(html), want, "{html:?}");
        }
    }

    #[test]
    fn tokenizes_attributes() {
        let mut tags = Vec::new();
        tokenize("<a href=\"x>y\" data-q='1' flag b=c/>", |t| {
            if let Token::StartTag {
                name,
                attrs,
                self_closing,
            } = t
            {
                tags.push((name, attrs, self_closing));
            }
        });
        let (name, attrs, _) = &tags[0];
        assert_eq!(name, "a");
        let want: Vec<(String, String)> =
            [("href", "x>y"), ("data-q", "1"), ("flag", ""), ("b", "c/")]
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
        assert_eq!(attrs, &want);
    }

    #[test]
    fn hints_links_and_metadata() {
        let page = parse(
            "<html><head><title> The  title </title><meta property=og:title content='OG'>\
             <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>\
             <body class=Home><div id=Main class='Story Body'><p class=lead role=note>A <a href=x>link</a> here</p></div></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("The title"));
        assert_eq!(page.og_title.as_deref(), Some("OG"));
        assert_eq!(
            page.json_ld,
            vec!["{\"@type\":\"NewsArticle\"}".to_string()]
        );
        let b = &page.blocks[0];
        assert_eq!(b.hint, "p lead role=note | div story body main | body home");
        assert_eq!(b.link_chars, 4);
        assert_eq!(b.ancestors.len(), 3);
    }

    #[test]
    fn deep_nesting_is_flat_and_fast() {
        let html =
            "<div class=x>".repeat(10_000) + "deep" + &"</div>".repeat(10_000) + "<p>after</p>";
        let page = parse(&html);
        let t: Vec<&str> = page.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(t, ["deep", "after"]);
        assert!(page.blocks[0].hint.matches('|').count() < MAX_HINT_LEVELS);
    }
}
