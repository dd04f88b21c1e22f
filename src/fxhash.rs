//! A fast hasher for the engine's per-document tables (words, trigrams, names).
//!
//! The standard library's SipHash resists collision attacks at a cost of tens of
//! nanoseconds per short key, which the per-token tables paid on every word of an
//! article. The keys here are short words of one article and the tables live for one
//! analysis, so a multiply-rotate hash (the scheme of `rustc-hash`) is enough; a page
//! crafted to collide can only slow down its own analysis.
//!
//! Static word lists are tables too ([`word_bits`]); [`Shapes`] rules out most words
//! looked up in one by their length and end bytes, before any hashing.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const K: u64 = 0xf135_7aea_2e62_a9c5;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = self.hash.wrapping_add(word).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(partial_word(rest));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits weak; the table indexes by them.
        self.hash.rotate_left(26)
    }
}

/// The 1 to 8 bytes of `rest` as a little-endian word, zero-padded: two overlapping
/// reads of fixed size (copying a variable length called `memcpy` for every short key).
#[inline]
pub fn partial_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    let (mut lo, mut hi) = ([0u8; 4], [0u8; 4]);
    if n >= 4 {
        lo.copy_from_slice(&rest[..4]);
        hi.copy_from_slice(&rest[n - 4..]);
        u32::from_le_bytes(lo) as u64 | (u32::from_le_bytes(hi) as u64) << (8 * (n - 4))
    } else if n >= 2 {
        lo[..2].copy_from_slice(&rest[..2]);
        hi[..2].copy_from_slice(&rest[n - 2..]);
        u32::from_le_bytes(lo) as u64 | (u32::from_le_bytes(hi) as u64) << (8 * (n - 2))
    } else {
        rest.first().map_or(0, |&b| b as u64)
    }
}

pub type FxBuildHasher = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuildHasher>;

/// An empty map with room for about `n` entries (at most 65,536 up front: past that,
/// growing is cheap next to filling), so that a table sized from the text does not
/// rehash as it fills.
pub fn map_for<K, V>(n: usize) -> FxHashMap<K, V> {
    FxHashMap::with_capacity_and_hasher(n.min(1 << 16), FxBuildHasher::default())
}

/// For static word lists: each word mapped to the bits of the lists it is on, so one lookup
/// answers for every list. `B` is the type of the bits (`u8` for up to eight lists).
pub fn word_bits<B>(lists: &[(&[&'static str], B)]) -> WordBits<B>
where
    B: Copy + Default + std::ops::BitOrAssign,
{
    let n: usize = lists.iter().map(|(list, _)| list.len()).sum();
    // At most a quarter of the slots taken: a word that passes `shapes` but is on no list
    // meets an empty slot in a probe or two.
    let slots = (4 * n).max(16).next_power_of_two();
    let mut table = WordBits {
        slots: vec![0; slots],
        shift: 64 - slots.trailing_zeros(),
        short: Vec::with_capacity(n),
        long: Vec::new(),
        shapes: Shapes::of(lists.iter().flat_map(|(list, _)| list.iter().copied())),
    };
    for &(list, bit) in lists {
        for &w in list {
            match packed_key(w.as_bytes()) {
                Some(key) => match table.slot(key) {
                    Ok(e) => table.short[e].1 |= bit,
                    Err(slot) => {
                        table.short.push((key, bit));
                        table.slots[slot] = table.short.len() as u32;
                    }
                },
                None => match table.long.iter_mut().find(|(l, _)| *l == w) {
                    Some((_, bits)) => *bits |= bit,
                    None => table.long.push((w, bit)),
                },
            }
        }
    }
    table
}

/// A word of 1 to 15 bytes as one integer: [`key`]'s two halves, the first 8 bytes low
/// (so no two words share one); `None` for an empty or a longer word.
#[inline]
fn packed_key(b: &[u8]) -> Option<u128> {
    key(b).map(|(lo, hi)| lo as u128 | (hi as u128) << 64)
}

/// A table of short words (15 bytes at most) and the bits of the lists they are on, for
/// lists written as one whitespace-separated string each. A word is two integers, its
/// first 8 bytes and its next 7 with its length in the top byte (zero-padded), so a lookup
/// compares two integers where a `HashMap` of `&str` hashed the bytes and compared them
/// with `memcmp`: the rules read these lists on many candidates, and the lookup must cost
/// about what the `match` it replaces did.
pub struct ShortWords {
    /// Open addressing, at most a third full (a test checks); a slot whose `hi` is 0 (no
    /// length) is empty. A fixed size, so that an index masked to it needs no bounds check.
    slots: Box<[ShortWord; SHORT_WORD_SLOTS]>,
}

const SHORT_WORD_SLOTS: usize = 4096;

#[derive(Clone, Copy, Default)]
struct ShortWord {
    lo: u64,
    hi: u64,
    bits: u128,
}

impl ShortWords {
    /// The table of `lists`, each a whitespace-separated list and the number of its bit.
    /// Panics on a word longer than 15 bytes (a test builds every table).
    pub fn of(lists: &[(&str, u8)]) -> ShortWords {
        let mut table = ShortWords {
            slots: vec![ShortWord::default(); SHORT_WORD_SLOTS]
                .into_boxed_slice()
                .try_into()
                .unwrap_or_else(|_| unreachable!()),
        };
        for &(list, bit) in lists {
            // (ASCII whitespace: a byte test where `split_whitespace` decodes characters.)
            for w in list.split_ascii_whitespace() {
                let (lo, hi) = key(w.as_bytes()).expect("a listed word of 15 bytes at most");
                let mut i = slot(lo, hi);
                loop {
                    let slot = &mut table.slots[i];
                    if slot.hi == 0 {
                        *slot = ShortWord {
                            lo,
                            hi,
                            bits: 1 << bit,
                        };
                        break;
                    }
                    if (slot.lo, slot.hi) == (lo, hi) {
                        slot.bits |= 1 << bit;
                        break;
                    }
                    i = (i + 1) % SHORT_WORD_SLOTS;
                }
            }
        }
        table
    }

    /// The bits of the lists `w` is on (0 for a word on none).
    #[inline]
    pub fn get(&self, w: &str) -> u128 {
        let Some((lo, hi)) = key(w.as_bytes()) else {
            return 0;
        };
        let mut i = slot(lo, hi);
        loop {
            let slot = &self.slots[i];
            if slot.lo == lo && slot.hi == hi {
                return slot.bits;
            }
            if slot.hi == 0 {
                return 0;
            }
            i = (i + 1) % SHORT_WORD_SLOTS;
        }
    }

    /// Whether at most a third of the slots are taken (lookups of absent words stop at an
    /// empty slot soon).
    #[cfg(test)]
    pub fn is_sparse(&self) -> bool {
        3 * self.slots.iter().filter(|s| s.hi != 0).count() <= SHORT_WORD_SLOTS
    }
}

#[inline]
fn slot(lo: u64, hi: u64) -> usize {
    let h = (lo ^ hi.rotate_left(29)).wrapping_mul(K);
    (h >> 52) as usize % SHORT_WORD_SLOTS
}

/// A word of 1 to 15 bytes as its first 8 bytes and the rest with its length in the top
/// byte, zero-padded: two words of different lengths differ in the top byte.
#[inline]
fn key(b: &[u8]) -> Option<(u64, u64)> {
    let len = (b.len() as u64) << 56;
    match b.len() {
        0 => None,
        1..=8 => Some((partial_word(b), len)),
        9..=15 => {
            let (lo, hi) = b.split_at(8);
            let lo = u64::from_le_bytes([lo[0], lo[1], lo[2], lo[3], lo[4], lo[5], lo[6], lo[7]]);
            Some((lo, partial_word(hi) | len))
        }
        _ => None,
    }
}

/// Words and the bits of the lists they are on (see [`word_bits`]). The words of up to
/// 15 bytes (all but a few) are looked up as integers (`packed_key`) in a table of their
/// own: a multiply and a compare, where a hash map of strings hashed the word byte by
/// byte and compared it with `memcmp`.
pub struct WordBits<B = u8> {
    /// Per slot, 1 + the index in `short` of the word there, 0 for none.
    slots: Vec<u32>,
    /// 64 less the bits of the slot count: a hash's top bits pick the slot.
    shift: u32,
    short: Vec<(u128, B)>,
    /// The longer words.
    long: Vec<(&'static str, B)>,
    shapes: Shapes,
}

impl<B: Copy + Default> WordBits<B> {
    /// The bits of the lists `w` is on (none for a word on no list).
    pub fn get(&self, w: &str) -> B {
        if !self.shapes.may_hold(w) {
            return B::default();
        }
        match packed_key(w.as_bytes()) {
            Some(key) => self
                .slot(key)
                .map_or_else(|_| B::default(), |e| self.short[e].1),
            None => self
                .long
                .iter()
                .find(|(l, _)| *l == w)
                .map_or_else(B::default, |&(_, bits)| bits),
        }
    }

    /// The index in `short` of `key`, or the free slot to put it in.
    #[inline]
    fn slot(&self, key: u128) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mixed = key as u64 ^ ((key >> 64) as u64).rotate_left(29);
        let mut i = (mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize;
        loop {
            match self.slots[i] {
                0 => return Err(i),
                e if self.short[e as usize - 1].0 == key => return Ok(e as usize - 1),
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// The shapes (length up to 15, five bits each of the first and last byte) of a table's
/// words. Most words looked up in a word table are not in it: their shape rules out
/// nearly all of them without hashing them.
pub struct Shapes([u64; 256]);

impl Shapes {
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Shapes {
        let mut bits = [0u64; 256];
        for s in words.into_iter().filter_map(shape) {
            bits[s / 64] |= 1 << (s % 64);
        }
        Shapes(bits)
    }

    /// False when no word of the table has `w`'s shape.
    #[inline]
    pub fn may_hold(&self, w: &str) -> bool {
        shape(w).is_some_and(|s| self.0[s / 64] & 1 << (s % 64) != 0)
    }
}

#[inline]
fn shape(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    let (&first, &last) = (b.first()?, b.last()?);
    Some(b.len().min(15) << 10 | (first as usize & 31) << 5 | last as usize & 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_bits_are_those_of_the_lists() {
        let a: &[&str] = &[
            "the",
            "a",
            "x",
            "internationalisation",
            "exactly15bytes!",
            "ab",
        ];
        let b: &[&str] = &["the", "ab\0", "sixteen-bytes-ok", "exactly15bytes!", "é"];
        let table = word_bits(&[(a, 1u8), (b, 2u8)]);
        let mut words: Vec<&str> = a.iter().chain(b).copied().collect();
        words.extend([
            "",
            "thee",
            "The",
            "ab\0\0",
            "internationalisatio",
            "sixteen-bytes-o",
            "é ",
        ]);
        for w in words {
            let want = u8::from(a.contains(&w)) | (2 * u8::from(b.contains(&w)));
            assert_eq!(table.get(w), want, "{w:?}");
        }
    }

    #[test]
    fn partial_words_are_the_bytes_zero_padded() {
        let bytes = [0x11u8, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88];
        for n in 1..=8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(partial_word(&bytes[..n]), u64::from_le_bytes(padded), "{n}");
        }
    }

    #[test]
    fn maps_work_with_short_and_long_keys() {
        let words = [
            "a",
            "ab",
            "abcdefgh",
            "abcdefghi",
            "",
            "ünïcode",
            "abcdefgh ",
        ];
        let mut m: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, w) in words.iter().enumerate() {
            m.insert(w, i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(w), Some(&i));
        }
        assert_eq!(m.get("abcdefg"), None);
    }
}
