//! The one span type of the crate, and the conversion of its offsets at the edges.
//!
//! Input: byte offsets into a `&str` (always on char boundaries). Output: the same
//! spans as UTF-16 code units (for the DOM) or Unicode code points (for the CLI's JSON),
//! converted once, in bulk, by an [`OffsetMap`].

use serde::Serialize;

/// A half-open range `start..end` of byte offsets into the analysed text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers. Never panics: a span outside the text or off a
    /// char boundary yields the empty string.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span with leading and trailing whitespace removed.
    pub fn trim(&self, text: &str) -> Span {
        let inner = self.text(text);
        let after_lead = inner.trim_start();
        let lead = inner.len() - after_lead.len();
        let trimmed = after_lead.trim_end();
        Span::new(self.start + lead, self.start + lead + trimmed.len())
    }
}

/// The unit in which offsets leave the crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetUnit {
    /// UTF-8 bytes, as used inside the crate.
    Bytes,
    /// UTF-16 code units: JavaScript string indices, DOM ranges.
    Utf16,
    /// Unicode scalar values: Python `str` indices, the CLI's JSON.
    CodePoints,
}

/// Converts byte offsets of one text to another unit. Built once per text in O(n);
/// each conversion is a binary search over the text's non-ASCII characters, so ASCII-heavy
/// news text costs almost nothing.
pub struct OffsetMap {
    /// One entry per non-ASCII char: its byte offset, its offset in `unit`, and the
    /// bytes-minus-units surplus accumulated up to and including it.
    wide: Vec<WideChar>,
    len: usize,
}

struct WideChar {
    byte: usize,
    unit: usize,
    surplus_after: usize,
}

impl OffsetMap {
    pub fn new(text: &str, unit: OffsetUnit) -> OffsetMap {
        let mut wide = Vec::new();
        let mut surplus = 0usize;
        if unit != OffsetUnit::Bytes {
            // Runs of ASCII bytes are skipped; only the others start chars to decode
            // (continuation bytes are stepped over with their char).
            let bytes = text.as_bytes();
            let mut byte = 0;
            while byte < bytes.len() {
                if bytes[byte] < 0x80 {
                    byte = next_non_ascii(bytes, byte);
                    continue;
                }
                let Some(c) = text.get(byte..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                let units = match unit {
                    OffsetUnit::Utf16 => c.len_utf16(),
                    _ => 1,
                };
                let unit_offset = byte - surplus;
                surplus += c.len_utf8() - units;
                wide.push(WideChar {
                    byte,
                    unit: unit_offset,
                    surplus_after: surplus,
                });
                byte += c.len_utf8();
            }
        }
        OffsetMap {
            wide,
            len: text.len(),
        }
    }

    /// Converts a byte offset (clamped to the text) to the map's unit.
    pub fn convert(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let n = self.wide.partition_point(|w| w.byte < byte);
        match n {
            0 => byte,
            _ => byte - self.wide[n - 1].surplus_after,
        }
    }

    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.convert(span.start), self.convert(span.end))
    }

    /// The byte offset of an offset in the map's unit: the inverse of `convert`.
    /// An offset past the end maps to the end of the text.
    pub fn to_byte(&self, offset: usize) -> usize {
        let n = self.wide.partition_point(|w| w.unit < offset);
        let byte = match n {
            0 => offset,
            _ => offset + self.wide[n - 1].surplus_after,
        };
        byte.min(self.len)
    }
}

/// The high bit of each byte of an eight-byte word.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` equal to `b`: exact for the lowest such byte (a
/// borrow may also set the bit of a byte above it), which is all [`first_flagged`] reads.
pub(crate) fn bytes_equal(word: u64, b: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The bytes equal to `b` are the zero bytes of `x`.
    let x = word ^ (ONES * b as u64);
    x.wrapping_sub(ONES) & !x & HIGH_BITS
}

/// The first non-ASCII byte from `from` (`bytes.len()` if none): eight bytes at a time,
/// as most of a news text is ASCII.
fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    first_flagged(bytes, from, |word| word & HIGH_BITS, |b| !b.is_ascii())
}

/// The first byte from `from` that `is_match` (`bytes.len()` if none), read eight bytes at
/// a time: `flags` of a little-endian word sets the high bit of its matching bytes (at
/// least of the first; bits above it may be wrong), and the tail shorter than a word is
/// read byte by byte.
pub(crate) fn first_flagged(
    bytes: &[u8],
    from: usize,
    flags: impl Fn(u64) -> u64,
    is_match: impl Fn(u8) -> bool,
) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    let mut chunks = rest.chunks_exact(8);
    for (k, chunk) in chunks.by_ref().enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let found = flags(u64::from_le_bytes(word));
        if found != 0 {
            return from + 8 * k + found.trailing_zeros() as usize / 8;
        }
    }
    let tail = chunks.remainder();
    let in_tail = tail.iter().position(|&b| is_match(b)).unwrap_or(tail.len());
    bytes.len() - tail.len() + in_tail
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, byte offset, utf16, code points)
    const ROWS: &[(&str, usize, usize, usize)] = &[
        ("abc", 0, 0, 0),
        ("abc", 3, 3, 3),
        ("“hi”", 3, 1, 1),
        ("“hi”", 5, 3, 3),
        ("“hi”", 8, 4, 4),
        ("😀x", 4, 2, 1),
        ("😀x", 5, 3, 2),
        ("a\u{ad}b", 3, 2, 2),
        ("é😀é", 8, 4, 3),
    ];

    #[test]
    fn converts_byte_offsets() {
        for &(text, byte, utf16, cps) in ROWS {
            let m16 = OffsetMap::new(text, OffsetUnit::Utf16);
            let mcp = OffsetMap::new(text, OffsetUnit::CodePoints);
            assert_eq!(m16.convert(byte), utf16, "utf16 of {byte} in {text:?}");
            assert_eq!(mcp.convert(byte), cps, "code points of {byte} in {text:?}");
            assert_eq!(
                m16.to_byte(utf16),
                byte,
                "utf16 back of {utf16} in {text:?}"
            );
            assert_eq!(
                mcp.to_byte(cps),
                byte,
                "code points back of {cps} in {text:?}"
            );
            assert_eq!(text[..byte].encode_utf16().count(), utf16);
            assert_eq!(text[..byte].chars().count(), cps);
        }
    }

    #[test]
    fn non_ascii_bytes_are_found_eight_at_a_time() {
        // (text, from, the first non-ASCII byte from there)
        let rows: &[(&str, usize, usize)] = &[
            ("", 0, 0),
            ("abc", 0, 3),
            ("abcdefgh", 0, 8),
            ("abcdefghij", 2, 10),
            ("é", 0, 0),
            ("abcdefg“", 0, 7),
            ("abcdefgh“", 1, 8),
            ("abcdefghijklmnopé", 0, 16),
            ("abcdefghijklmnopé", 3, 16),
            ("abc", 5, 3),
        ];
        for &(text, from, want) in rows {
            assert_eq!(
                next_non_ascii(text.as_bytes(), from),
                want,
                "{text:?} from {from}"
            );
        }
    }

    #[test]
    fn span_text_is_total() {
        let t = "“é”";
        assert_eq!(Span::new(0, 3).text(t), "“");
        assert_eq!(Span::new(1, 3).text(t), "");
        assert_eq!(Span::new(5, 99).text(t), "");
        assert_eq!(Span::new(0, 5).trim(" a b "), Span::new(1, 4));
    }
}
