//! A JSON reader for the two JSON inputs the engine reads: the blocks the extension sends
//! (`extract::parse_blocks_json`) and a page's JSON-LD scripts (`extract::json_ld_hints`).
//!
//! serde_json's `Value` reader (its deserializer, a `BTreeMap` per object, float parsing
//! with a table of powers of ten, error formatting) was about 7 KB more of the gzipped
//! Wasm than this one, which accepts and rejects what `serde_json::from_str::<Value>`
//! does and reads the same values (the tests compare the two on generated and
//! hand-picked inputs). Its error messages name the same faults, at a position that may
//! differ by a byte.

/// A JSON value. An object keeps its members in order, duplicates included; [`Json::get`]
/// answers with the last, as serde_json's map keeps the last.
#[derive(Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// A number as serde_json keeps it: a non-negative integer, a negative one, or a float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    U64(u64),
    I64(i64),
    F64(f64),
}

/// What is wrong and where (line and column from 1, the column in bytes).
#[derive(Debug, PartialEq)]
pub struct Error {
    pub what: &'static str,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.what, self.line, self.column
        )
    }
}

impl Json {
    /// Reads a whole JSON text (surrounding JSON whitespace allowed).
    pub fn parse(text: &str) -> Result<Json, Error> {
        let mut r = Reader {
            b: text.as_bytes(),
            i: 0,
            depth: 128,
        };
        let v = r.value()?;
        r.skip_whitespace();
        if r.i < r.b.len() {
            return Err(r.error("trailing characters"));
        }
        Ok(v)
    }

    /// The value of member `key` of an object (the last one of that name).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Takes the value of member `key` out of an object (the last one of that name),
    /// leaving `Null` in its place.
    pub fn take(&mut self, key: &str) -> Option<Json> {
        match self {
            Json::Object(members) => members
                .iter_mut()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, v)| std::mem::replace(v, Json::Null)),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// An integer written without fraction or exponent that fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(Number::U64(n)) => Some(*n),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Json::Number(Number::U64(n)) => Some(n as f64),
            Json::Number(Number::I64(n)) => Some(n as f64),
            Json::Number(Number::F64(f)) => Some(f),
            _ => None,
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
    /// Arrays and objects still allowed to open (serde_json's recursion limit).
    depth: u32,
}

impl Reader<'_> {
    fn error(&self, what: &'static str) -> Error {
        let at = self.i.min(self.b.len());
        let line_start = self.b[..at]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |p| p + 1);
        Error {
            what,
            line: 1 + self.b[..at].iter().filter(|&&c| c == b'\n').count(),
            column: at - line_start + 1,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// The next byte, or 0 at the end (as serde_json's `peek_or_null`).
    fn peek_or_null(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Result<Json, Error> {
        self.skip_whitespace();
        let Some(c) = self.peek() else {
            return Err(self.error("EOF while parsing a value"));
        };
        match c {
            b'n' => self.ident(b"null", Json::Null),
            b't' => self.ident(b"true", Json::Bool(true)),
            b'f' => self.ident(b"false", Json::Bool(false)),
            b'-' => {
                self.i += 1;
                Ok(Json::Number(self.integer(false)?))
            }
            b'0'..=b'9' => Ok(Json::Number(self.integer(true)?)),
            b'"' => {
                self.i += 1;
                Ok(Json::String(self.string()?))
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.error("recursion limit exceeded"));
                }
                self.i += 1;
                let v = if c == b'[' {
                    self.array()?
                } else {
                    self.object()?
                };
                self.depth += 1;
                Ok(v)
            }
            _ => Err(self.error("expected value")),
        }
    }

    fn ident(&mut self, ident: &[u8], v: Json) -> Result<Json, Error> {
        for &want in ident {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(c) if c != want => return Err(self.error("expected ident")),
                Some(_) => self.i += 1,
            }
        }
        Ok(v)
    }

    fn array(&mut self) -> Result<Json, Error> {
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_whitespace();
            match self.peek() {
                Some(b']') => {
                    self.i += 1;
                    return Ok(Json::Array(items));
                }
                Some(b',') => {
                    self.i += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        return Err(self.error("trailing comma"));
                    }
                }
                Some(_) => return Err(self.error("expected `,` or `]`")),
                None => return Err(self.error("EOF while parsing a list")),
            }
        }
    }

    fn object(&mut self) -> Result<Json, Error> {
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Json::Object(members));
        }
        loop {
            match self.peek() {
                Some(b'"') => self.i += 1,
                Some(_) => return Err(self.error("key must be a string")),
                None => return Err(self.error("EOF while parsing an object")),
            }
            let key = self.string()?;
            self.skip_whitespace();
            match self.peek() {
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.error("expected `:`")),
                None => return Err(self.error("EOF while parsing an object")),
            }
            let value = self.value()?;
            members.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Json::Object(members));
                }
                Some(b',') => {
                    self.i += 1;
                    self.skip_whitespace();
                    match self.peek() {
                        Some(b'}') => return Err(self.error("trailing comma")),
                        None => return Err(self.error("EOF while parsing an object")),
                        Some(_) => {}
                    }
                }
                Some(_) => return Err(self.error("expected `,` or `}`")),
                None => return Err(self.error("EOF while parsing an object")),
            }
        }
    }

    /// A string's contents after its opening quote, through the closing one.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = Vec::new();
        loop {
            let start = self.i;
            while self
                .peek()
                .is_some_and(|c| c != b'"' && c != b'\\' && c >= 0x20)
            {
                self.i += 1;
            }
            out.extend_from_slice(&self.b[start..self.i]);
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.i += 1;
                    // Whole characters of valid UTF-8 and escapes that write whole
                    // characters: the bytes are UTF-8.
                    return Ok(String::from_utf8(out).unwrap_or_default());
                }
                Some(b'\\') => {
                    self.i += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), Error> {
        let Some(c) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.i += 1;
        let byte = match c {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error("invalid escape")),
        };
        out.push(byte);
        Ok(())
    }

    /// After `\u`: a character, or a surrogate pair as two escapes (a lone surrogate is
    /// an error, as serde_json reads it into a `String`).
    fn unicode_escape(&mut self, out: &mut Vec<u8>) -> Result<(), Error> {
        let n = self.hex4()?;
        let c = match n {
            0xDC00..=0xDFFF => return Err(self.error("lone leading surrogate in hex escape")),
            0xD800..=0xDBFF => {
                if self.peek() != Some(b'\\') || self.b.get(self.i + 1) != Some(&b'u') {
                    return Err(self.error("unexpected end of hex escape"));
                }
                self.i += 2;
                let n2 = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&n2) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                0x1_0000 + ((n as u32 - 0xD800) << 10 | (n2 as u32 - 0xDC00))
            }
            _ => n as u32,
        };
        let mut buf = [0; 4];
        out.extend_from_slice(
            char::from_u32(c)
                .unwrap_or_default()
                .encode_utf8(&mut buf)
                .as_bytes(),
        );
        Ok(())
    }

    fn hex4(&mut self) -> Result<u16, Error> {
        let mut n = 0u16;
        for _ in 0..4 {
            let Some(c) = self.peek() else {
                return Err(self.error("EOF while parsing a string"));
            };
            self.i += 1;
            let d = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => return Err(self.error("invalid escape")),
            };
            n = n << 4 | d as u16;
        }
        Ok(n)
    }

    // Numbers, as serde_json reads them (without its `float_roundtrip` feature): the
    // significand as a `u64` while it fits, digits past that counted in the exponent.

    fn integer(&mut self, positive: bool) -> Result<Number, Error> {
        let Some(c) = self.peek() else {
            return Err(self.error("EOF while parsing a value"));
        };
        self.i += 1;
        match c {
            b'0' => {
                if self.peek_or_null().is_ascii_digit() {
                    return Err(self.error("invalid number"));
                }
                self.number(positive, 0)
            }
            b'1'..=b'9' => {
                let mut significand = (c - b'0') as u64;
                while let c @ b'0'..=b'9' = self.peek_or_null() {
                    let digit = (c - b'0') as u64;
                    if overflows(significand, digit) {
                        return Ok(Number::F64(self.long_integer(positive, significand)?));
                    }
                    self.i += 1;
                    significand = significand * 10 + digit;
                }
                self.number(positive, significand)
            }
            _ => Err(self.error("invalid number")),
        }
    }

    fn number(&mut self, positive: bool, significand: u64) -> Result<Number, Error> {
        Ok(match self.peek_or_null() {
            b'.' => Number::F64(self.decimal(positive, significand, 0)?),
            b'e' | b'E' => Number::F64(self.exponent(positive, significand, 0)?),
            _ if positive => Number::U64(significand),
            _ => {
                let neg = (significand as i64).wrapping_neg();
                // A float for -0 and below i64::MIN.
                if neg >= 0 {
                    Number::F64(-(significand as f64))
                } else {
                    Number::I64(neg)
                }
            }
        })
    }

    fn long_integer(&mut self, positive: bool, significand: u64) -> Result<f64, Error> {
        let mut exponent = 0;
        loop {
            match self.peek_or_null() {
                b'0'..=b'9' => {
                    self.i += 1;
                    exponent += 1;
                }
                b'.' => return self.decimal(positive, significand, exponent),
                b'e' | b'E' => return self.exponent(positive, significand, exponent),
                _ => return self.float(positive, significand, exponent),
            }
        }
    }

    fn decimal(&mut self, positive: bool, mut significand: u64, before: i32) -> Result<f64, Error> {
        self.i += 1;
        let mut after = 0;
        while let c @ b'0'..=b'9' = self.peek_or_null() {
            let digit = (c - b'0') as u64;
            if overflows(significand, digit) {
                // Further digits are ignored.
                while self.peek_or_null().is_ascii_digit() {
                    self.i += 1;
                }
                return match self.peek_or_null() {
                    b'e' | b'E' => self.exponent(positive, significand, before + after),
                    _ => self.float(positive, significand, before + after),
                };
            }
            self.i += 1;
            significand = significand * 10 + digit;
            after -= 1;
        }
        if after == 0 {
            return Err(self.error(if self.peek().is_some() {
                "invalid number"
            } else {
                "EOF while parsing a value"
            }));
        }
        match self.peek_or_null() {
            b'e' | b'E' => self.exponent(positive, significand, before + after),
            _ => self.float(positive, significand, before + after),
        }
    }

    fn exponent(&mut self, positive: bool, significand: u64, start: i32) -> Result<f64, Error> {
        self.i += 1;
        let positive_exp = match self.peek_or_null() {
            b'+' => {
                self.i += 1;
                true
            }
            b'-' => {
                self.i += 1;
                false
            }
            _ => true,
        };
        let mut exp = match self.peek() {
            None => return Err(self.error("EOF while parsing a value")),
            Some(c @ b'0'..=b'9') => (c - b'0') as i32,
            Some(_) => {
                self.i += 1;
                return Err(self.error("invalid number"));
            }
        };
        self.i += 1;
        while let c @ b'0'..=b'9' = self.peek_or_null() {
            self.i += 1;
            let digit = (c - b'0') as i32;
            if exp > i32::MAX / 10 || exp == i32::MAX / 10 && digit > i32::MAX % 10 {
                // An exponent past i32: zero, or out of range.
                if significand != 0 && positive_exp {
                    return Err(self.error("number out of range"));
                }
                while self.peek_or_null().is_ascii_digit() {
                    self.i += 1;
                }
                return Ok(if positive { 0.0 } else { -0.0 });
            }
            exp = exp * 10 + digit;
        }
        let exponent = if positive_exp {
            start.saturating_add(exp)
        } else {
            start.saturating_sub(exp)
        };
        self.float(positive, significand, exponent)
    }

    fn float(&self, positive: bool, significand: u64, mut exponent: i32) -> Result<f64, Error> {
        let mut f = significand as f64;
        loop {
            let e = exponent.unsigned_abs();
            if e <= 308 {
                if exponent >= 0 {
                    f *= pow10(e);
                    if f.is_infinite() {
                        return Err(self.error("number out of range"));
                    }
                } else {
                    f /= pow10(e);
                }
                break;
            }
            if f == 0.0 {
                break;
            }
            if exponent >= 0 {
                return Err(self.error("number out of range"));
            }
            f /= 1e308;
            exponent += 308;
        }
        Ok(if positive { f } else { -f })
    }
}

/// Whether `significand * 10 + digit` passes `u64::MAX`.
fn overflows(significand: u64, digit: u64) -> bool {
    significand > u64::MAX / 10 || significand == u64::MAX / 10 && digit > u64::MAX % 10
}

/// 10^e for e up to 308, correctly rounded, as serde_json's table has it: exact up to
/// 10^22; beyond, 5^e computed exactly in 32-bit limbs, rounded to 53 bits (ties to even),
/// times 2^e. (Numbers with large exponents are rare; this runs only for them.)
fn pow10(e: u32) -> f64 {
    const SMALL: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    if let Some(&p) = SMALL.get(e as usize) {
        return p;
    }
    let mut limbs: Vec<u32> = vec![1];
    for _ in 0..e {
        let mut carry = 0u64;
        for limb in &mut limbs {
            let x = *limb as u64 * 5 + carry;
            *limb = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
    }
    let bit = |i: usize| limbs[i / 32] >> (i % 32) & 1 == 1;
    let bits = 32 * limbs.len() - limbs[limbs.len() - 1].leading_zeros() as usize;
    // The top 64 bits (5^23 has 54), and whether any bit below them is set.
    let take = bits.min(64);
    let mut top = 0u64;
    for i in (bits - take..bits).rev() {
        top = top << 1 | bit(i) as u64;
    }
    top <<= 64 - take;
    let sticky = (0..bits - take).any(bit);
    let (mut m, rest) = (top >> 11, top & 0x7ff);
    if rest > 0x400 || rest == 0x400 && (sticky || m & 1 == 1) {
        m += 1;
    }
    // m (at most 2^53, exact as a float) times 2^(bits - 53 + e), a power of two.
    let scale = (bits - 53) as u64 + e as u64;
    m as f64 * f64::from_bits((scale + 1023) << 52)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// The same value as serde_json's, or both errors.
    fn agrees(text: &str) -> Result<(), String> {
        let ours = Json::parse(text);
        let theirs = serde_json::from_str::<Value>(text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) if same(a, b) => Ok(()),
            (Err(_), Err(_)) => Ok(()),
            _ => Err(format!("{text:?}: ours {ours:?}, serde_json {theirs:?}")),
        }
    }

    fn same(a: &Json, b: &Value) -> bool {
        match (a, b) {
            (Json::Null, Value::Null) => true,
            (Json::Bool(x), Value::Bool(y)) => x == y,
            (Json::Number(n), Value::Number(m)) => match *n {
                Number::U64(x) => m.as_u64() == Some(x),
                Number::I64(x) => m.is_i64() && m.as_i64() == Some(x),
                Number::F64(x) => {
                    m.is_f64() && m.as_f64().is_some_and(|y| x.to_bits() == y.to_bits())
                }
            },
            (Json::String(x), Value::String(y)) => x == y,
            (Json::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
            }
            (Json::Object(x), Value::Object(y)) => {
                let mut keys: Vec<&String> = x.iter().map(|(k, _)| k).collect();
                keys.sort();
                keys.dedup();
                keys.len() == y.len() && y.iter().all(|(k, v)| a.get(k).is_some_and(|a| same(a, v)))
            }
            _ => false,
        }
    }

    #[test]
    fn reads_as_serde_json_reads() {
        let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
        let rows = [
            "null",
            "true",
            "false",
            " \t\r\n[1, 2 ,3 ] \n",
            "{}",
            "[]",
            r#"{"a":1,"a":2}"#,
            r#"{"a":{"b":[{"c":null}]}}"#,
            "nul",
            "tru",
            "nope",
            "",
            " ",
            "[",
            "[1",
            "[1,",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{1:2}",
            "{\"a\":1",
            "{\"a\"",
            "{",
            "]",
            "1 2",
            "0",
            "-0",
            "-",
            "-a",
            "01",
            "-01",
            "1.",
            "1.5",
            "1.e5",
            "1e",
            "1e+",
            "1e-",
            "1E5",
            "1e-5",
            ".5",
            "+1",
            "1e400",
            "-1e400",
            "1e308",
            "1.7976931348623157e308",
            "1e-400",
            "0e999999999999",
            "1e999999999999",
            "1e-999999999999",
            "18446744073709551615",
            "18446744073709551616",
            "18446744073709551616.1",
            "184467440737095516150",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890e-10",
            "0.000000000000000000000000000001",
            "1.00000000000000000000000000000000000001",
            "12345678901234567890.123e3",
            r#""a""#,
            r#""\"\\\/\b\f\n\r\t""#,
            r#""\u00e9\u4e2d""#,
            r#""\ud83d\ude00""#,
            r#""\ud83d""#,
            r#""\ud83dx""#,
            r#""\ud83d\n""#,
            r#""\ud83d\u0041""#,
            r#""\ude00""#,
            r#""\u12""#,
            r#""\u12g4""#,
            r#""\x""#,
            "\"a\u{1}b\"",
            "\"a\tb\"",
            "\"é中😀\"",
            "\"abc",
            "\"\\",
            "\"\\u",
            r#""\ud83d\"#,
            "[\"a\"\"b\"]",
            "\u{feff}[]",
            "[1]x",
            "{\"@type\":[\"NewsArticle\"],\"headline\":\"A &amp; B\"}",
        ];
        for text in rows {
            agrees(text).unwrap();
        }
        for n in [126, 127, 128, 129, 300] {
            agrees(&deep(n)).unwrap();
            agrees(&("{\"a\":".repeat(n) + "1" + &"}".repeat(n))).unwrap();
        }
    }

    #[test]
    fn takes_and_gets_the_last_of_a_name() {
        let mut v = Json::parse(r#"{"a":1,"b":"x","a":2}"#).unwrap();
        assert_eq!(v.get("a").and_then(Json::as_u64), Some(2));
        assert_eq!(v.take("b"), Some(Json::String("x".into())));
        assert_eq!(v.get("c"), None);
        assert_eq!(Json::parse("12.75").unwrap().as_f64(), Some(12.75));
        let e = Json::parse("[1,\n  x]").unwrap_err();
        assert_eq!((e.what, e.line, e.column), ("expected value", 2, 3));
    }

    /// Bits of JSON and of broken JSON, joined at random.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "[",
            "]",
            "{",
            "}",
            ",",
            ":",
            " ",
            "\n",
            "\"",
            "\"k\"",
            "\"a b\"",
            "\\",
            "\\u",
            "\\ud83d",
            "\\ude00",
            "00e9",
            "0",
            "1",
            "9",
            "-",
            "+",
            ".",
            "e",
            "E",
            "99999999999",
            "null",
            "true",
            "fals",
            "x",
            "é",
            "\u{1}",
            "1e308",
            "0.5",
            "\"@graph\"",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn random_texts_read_as_serde_json_reads(pieces in prop::collection::vec(piece(), 0..24)) {
            let text: String = pieces.concat();
            prop_assert!(agrees(&text).is_ok(), "{}", agrees(&text).unwrap_err());
        }

        #[test]
        fn generated_values_read_as_serde_json_reads(v in any_value()) {
            let text = serde_json::to_string(&v).unwrap();
            prop_assert!(agrees(&text).is_ok(), "{}", agrees(&text).unwrap_err());
        }
    }

    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            (-1e30f64..1e30).prop_map(Value::from),
            ".{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("[a-z@]{0,3}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
