//! Unicode case mapping with exactly the results of std's `char::to_lowercase`,
//! `char::to_uppercase` and `str::to_lowercase`, from smaller tables.
//!
//! std lists each of the ~2,900 characters that change case one by one: 24 KB of the Wasm,
//! 9 KB gzipped, for a module that must stay under its size budget. Most of those characters
//! come in runs that move by one offset (`A`..`Z` by 32, `Ā`, `Ă`, `Ą` … by 1 every other
//! character), so `case/tables.rs` lists runs instead (`examples/case_tables.rs` reads them
//! off std). The tests compare every character, and the final-sigma contexts, with std.

mod tables;

/// A run of characters that change case by the same offset, packed as `start << 9 |
/// (count - 1) << 1 | (stride - 1)` and the offset.
#[derive(Clone, Copy)]
struct Run(u32, i32);

const fn run(start: u32, count: u32, stride: u32, delta: i32) -> Run {
    Run(start << 9 | (count - 1) << 1 | (stride - 1), delta)
}

/// The one character `code` maps to, if it is a member of one of `runs`.
fn in_runs(runs: &[Run], code: u32) -> Option<char> {
    let after = runs.partition_point(|r| r.0 >> 9 <= code);
    let &Run(packed, delta) = runs.get(after.checked_sub(1)?)?;
    let start = packed >> 9;
    let stride = (packed & 1) + 1;
    let count = (packed >> 1 & 0xFF) + 1;
    let offset = code - start;
    if offset % stride != 0 || offset / stride >= count {
        return None;
    }
    char::from_u32(code.wrapping_add_signed(delta))
}

/// What one character maps to: one to three characters, like std's `ToLowercase` and
/// `ToUppercase` iterators.
#[derive(Clone)]
pub struct CaseMapping {
    chars: [char; 3],
    next: u8,
    len: u8,
}

impl CaseMapping {
    fn one(c: char) -> Self {
        CaseMapping {
            chars: [c, '\0', '\0'],
            next: 0,
            len: 1,
        }
    }
}

impl Iterator for CaseMapping {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let c = *self.chars[..usize::from(self.len)].get(usize::from(self.next))?;
        self.next += 1;
        Some(c)
    }
}

/// `c.to_lowercase()`.
pub fn lower_char(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::one(c.to_ascii_lowercase());
    }
    if c == 'İ' {
        return CaseMapping {
            chars: ['i', '\u{307}', '\0'],
            next: 0,
            len: 2,
        };
    }
    CaseMapping::one(in_runs(&tables::LOWER, u32::from(c)).unwrap_or(c))
}

/// `c.to_uppercase()`.
pub fn upper_char(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::one(c.to_ascii_uppercase());
    }
    let code = u32::from(c);
    if let Ok(i) = tables::UPPER_SEVERAL.binary_search_by_key(&code, |&(from, _)| from) {
        let chars = tables::UPPER_SEVERAL[i]
            .1
            .map(|part| char::from_u32(u32::from(part)).unwrap_or('\0'));
        let len = if chars[2] == '\0' { 2 } else { 3 };
        return CaseMapping {
            chars,
            next: 0,
            len,
        };
    }
    CaseMapping::one(in_runs(&tables::UPPER, code).unwrap_or(c))
}

/// `s.to_lowercase()`, `Σ` included: `ς` at the end of a word, `σ` elsewhere.
pub fn to_lowercase(s: &str) -> String {
    // Most text is ASCII: its bytes are lowercased in place, without decoding.
    let ascii_len = s.bytes().position(|b| !b.is_ascii()).unwrap_or(s.len());
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..ascii_len]);
    out.make_ascii_lowercase();
    for (i, c) in s[ascii_len..].char_indices() {
        let i = ascii_len + i;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == 'Σ' {
            let word_final = cased_across_ignorable(s[..i].chars().rev())
                && !cased_across_ignorable(s[i + 'Σ'.len_utf8()..].chars());
            out.push(if word_final { 'ς' } else { 'σ' });
        } else {
            out.extend(lower_char(c));
        }
    }
    out
}

/// Whether the first character of `chars` that is not case-ignorable is cased (a letter
/// with case: Unicode's Lowercase, Uppercase or titlecase letters): the final-sigma test.
fn cased_across_ignorable(mut chars: impl Iterator<Item = char>) -> bool {
    chars
        .find(|&c| !is_case_ignorable(c))
        .is_some_and(|c| c.is_lowercase() || c.is_uppercase() || is_titlecase(c))
}

fn is_case_ignorable(c: char) -> bool {
    let code = u32::from(c);
    let after = tables::CASE_IGNORABLE.partition_point(|&r| r >> 11 <= code);
    after.checked_sub(1).is_some_and(|i| {
        code - (tables::CASE_IGNORABLE[i] >> 11) <= tables::CASE_IGNORABLE[i] & 0x7FF
    })
}

/// Unicode's titlecase letters (general category Lt), cased but neither upper nor lower.
fn is_titlecase(c: char) -> bool {
    matches!(
        c,
        'ǅ' | 'ǈ' | 'ǋ' | 'ǲ' | 'ᾈ'..='ᾏ' | 'ᾘ'..='ᾟ' | 'ᾨ'..='ᾯ' | 'ᾼ' | 'ῌ' | 'ῼ'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn every_character_maps_as_std_does() {
        for c in all_chars() {
            assert!(lower_char(c).eq(c.to_lowercase()), "lowercase of {c:?}");
            assert!(upper_char(c).eq(c.to_uppercase()), "uppercase of {c:?}");
        }
    }

    #[test]
    fn strings_map_as_std_does() {
        let mut s = String::new();
        for c in all_chars() {
            s.push(c);
            if s.len() > 200 {
                assert_eq!(to_lowercase(&s), s.to_lowercase());
                s.clear();
            }
        }
        assert_eq!(to_lowercase(&s), s.to_lowercase());
    }

    /// Every character before and after a `Σ`, alone and after a cased letter, decides its
    /// final form as std does.
    #[test]
    fn final_sigma_as_std() {
        for c in all_chars() {
            for text in [
                format!("{c}Σ"),
                format!("A{c}Σ"),
                format!("AΣ{c}"),
                format!("AΣ{c}a"),
            ] {
                assert_eq!(to_lowercase(&text), text.to_lowercase(), "{text:?}");
            }
        }
    }
}
