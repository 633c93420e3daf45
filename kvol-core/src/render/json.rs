//! A small JSON writer (a [`Sink`]), so kvol-core needs no JSON library.
//!
//! It writes what `serde_json` writes for the same value: compact (`{"a":1}`) or pretty (two-space
//! indentation, `"key": value`, empty collections as `{}` / `[]`), fields in declaration order,
//! strings escaped as JSON requires (`"`, `\`, and control characters; everything else is written
//! as UTF-8). kvol's own types only need strings, integers, booleans, sequences and string-keyed
//! maps; through `render::Serde` (feature `serde`), the rest of serde's data model
//! is written the way `serde_json` writes it.
//!
//! ```
//! use std::collections::BTreeMap;
//! let labels = BTreeMap::from([("app", "web"), ("tier", "db\n")]);
//! assert_eq!(kvol_core::json::to_string(&labels)?, r#"{"app":"web","tier":"db\n"}"#);
//! assert_eq!(
//!     kvol_core::json::to_string_pretty(&labels)?,
//!     "{\n  \"app\": \"web\",\n  \"tier\": \"db\\n\"\n}"
//! );
//! # Ok::<(), kvol_core::json::JsonError>(())
//! ```

use crate::render::emit::{Emit, Failure, Sink};
use std::fmt::{self, Write as _};

/// The value as compact JSON.
pub fn to_string<T: Emit + ?Sized>(value: &T) -> Result<String, JsonError> {
    write(value, None)
}

/// The value as pretty JSON (two-space indentation, as `serde_json::to_string_pretty`).
pub fn to_string_pretty<T: Emit + ?Sized>(value: &T) -> Result<String, JsonError> {
    write(value, Some(0))
}

fn write<T: Emit + ?Sized>(value: &T, indent: Option<usize>) -> Result<String, JsonError> {
    let mut out = String::new();
    let mut writer = JsonWriter {
        out: &mut out,
        indent,
        first: Vec::new(),
        error: None,
    };
    value.emit(&mut writer);
    match writer.error {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// Why a value could not be written as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonError {
    /// A map key that JSON cannot hold as a string (a sequence, a map, a float, ...). The payload
    /// names what was found.
    NonStringKey(&'static str),
    /// An error raised by the value itself (`serde::ser::Error::custom`, through
    /// `render::Serde`).
    Custom(String),
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::NonStringKey(found) => {
                write!(f, "a JSON object key must be a string, found {found}")
            }
            JsonError::Custom(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for JsonError {}

/// Writes `s` as a JSON string literal, quotes included.
pub(crate) fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// The JSON writer: the output, the nesting depth when pretty, and for each open collection
/// whether it is still empty.
struct JsonWriter<'a> {
    out: &'a mut String,
    indent: Option<usize>,
    first: Vec<bool>,
    error: Option<JsonError>,
}

impl JsonWriter<'_> {
    fn newline(&mut self) {
        if let Some(depth) = self.indent {
            self.out.push('\n');
            for _ in 0..depth {
                self.out.push_str("  ");
            }
        }
    }

    fn raw(&mut self, text: &str) {
        if self.error.is_none() {
            self.out.push_str(text);
        }
    }

    fn display(&mut self, v: impl fmt::Display) {
        if self.error.is_none() {
            let _ = write!(self.out, "{v}");
        }
    }

    fn open(&mut self, bracket: char) {
        if self.error.is_some() {
            return;
        }
        self.out.push(bracket);
        if let Some(depth) = &mut self.indent {
            *depth += 1;
        }
        self.first.push(true);
    }

    fn close(&mut self, bracket: char) {
        if self.error.is_some() {
            return;
        }
        if let Some(depth) = &mut self.indent {
            *depth = depth.saturating_sub(1);
        }
        if self.first.pop() == Some(false) {
            self.newline();
        }
        self.out.push(bracket);
    }

    /// Writes the separator before an entry (`,` after the first) and the line break.
    fn entry(&mut self) {
        if self.error.is_some() {
            return;
        }
        if let Some(first) = self.first.last_mut()
            && !std::mem::replace(first, false)
        {
            self.out.push(',');
        }
        self.newline();
    }
}

impl Sink for JsonWriter<'_> {
    fn null(&mut self) {
        self.raw("null");
    }
    fn bool(&mut self, v: bool) {
        self.raw(if v { "true" } else { "false" });
    }
    fn i64(&mut self, v: i64) {
        self.display(v);
    }
    fn u64(&mut self, v: u64) {
        self.display(v);
    }
    fn f64(&mut self, v: f64) {
        if v.is_finite() {
            // `Debug` is the shortest text that reads back as the same float, with `.0` on whole
            // numbers and an exponent for very large or small ones: valid JSON numbers.
            self.display(format_args!("{v:?}"));
        } else {
            // As serde_json: JSON has no NaN or infinity.
            self.raw("null");
        }
    }
    fn str(&mut self, v: &str) {
        if self.error.is_none() {
            write_str(self.out, v);
        }
    }
    fn wide_int(&mut self, digits: &str) {
        self.raw(digits);
    }
    fn begin_seq(&mut self) {
        self.open('[');
    }
    fn item(&mut self) {
        self.entry();
    }
    fn end_seq(&mut self) {
        self.close(']');
    }
    fn begin_map(&mut self) {
        self.open('{');
    }
    fn key(&mut self, key: &str) {
        self.entry();
        self.str(key);
        self.raw(if self.indent.is_some() { ": " } else { ":" });
    }
    fn end_map(&mut self) {
        self.close('}');
    }
    fn fail(&mut self, failure: Failure) {
        if self.error.is_none() {
            self.error = Some(match failure {
                Failure::NonStringKey(found) => JsonError::NonStringKey(found),
                Failure::IntegerOutOfRange => JsonError::Custom("integer out of range".to_owned()),
                Failure::Custom(msg) => JsonError::Custom(msg),
            });
        }
    }
    fn scalar_keys_as_strings(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Serde;
    use std::collections::BTreeMap;

    #[derive(serde::Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(u8, u8),
        Struct { a: u8 },
    }

    #[derive(serde::Serialize)]
    struct S {
        name: &'static str,
        empty_list: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        nested: Vec<Vec<u8>>,
        none: Option<u8>,
        float: f64,
        nan: f64,
        big: u128,
        neg: i64,
        bytes: &'static [u8],
        enums: Vec<E>,
        unit: (),
    }

    fn sample() -> S {
        S {
            name: "a\"b\\c\n\u{1}\u{7f}é\u{85}",
            empty_list: vec![],
            empty_map: BTreeMap::new(),
            nested: vec![vec![], vec![1, 2]],
            none: None,
            float: 1.0,
            nan: f64::NAN,
            big: u128::MAX,
            neg: i64::MIN,
            bytes: b"\x00\xff",
            enums: vec![E::Unit, E::New(1), E::Tuple(1, 2), E::Struct { a: 3 }],
            unit: (),
        }
    }

    #[test]
    fn matches_serde_json_byte_for_byte() {
        let value = sample();
        assert_eq!(
            to_string(&Serde(&value)).unwrap(),
            serde_json::to_string(&value).unwrap()
        );
        assert_eq!(
            to_string_pretty(&Serde(&value)).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }

    #[test]
    fn escapes_every_control_character() {
        let all: String = (0u8..0x80).map(char::from).collect();
        assert_eq!(
            to_string(&all).unwrap(),
            serde_json::to_string(&all).unwrap()
        );
    }

    #[test]
    fn floats_read_back_exactly() {
        for v in [
            0.0,
            -0.0,
            1.5,
            1e21,
            1e-7,
            f64::MAX,
            f64::MIN_POSITIVE,
            123456.789,
        ] {
            let text = to_string(&v).unwrap();
            let back: f64 = serde_json::from_str(&text).unwrap();
            assert_eq!(back.to_bits(), v.to_bits(), "{text}");
        }
    }

    #[test]
    fn keys_must_be_strings() {
        let mut map = BTreeMap::new();
        map.insert(vec![1u8], 1u8);
        assert_eq!(
            to_string(&Serde(&map)),
            Err(JsonError::NonStringKey("a sequence"))
        );
        let ints = BTreeMap::from([(1u8, true), (2, false)]);
        assert_eq!(to_string(&Serde(&ints)).unwrap(), r#"{"1":true,"2":false}"#);
    }
}
