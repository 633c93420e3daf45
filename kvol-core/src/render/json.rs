//! A small JSON writer (a serde `Serializer`), so kvol-core needs no JSON library.
//!
//! It writes what `serde_json` writes for the same value: compact (`{"a":1}`) or pretty (two-space
//! indentation, `"key": value`, empty collections as `{}` / `[]`), fields in declaration order,
//! strings escaped as JSON requires (`"`, `\`, and control characters; everything else is written
//! as UTF-8). kvol's own types only need strings, integers, booleans, sequences and string-keyed
//! maps; the rest of serde's data model is supported the way `serde_json` supports it.
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

use serde_core::ser::{self, Serialize};
use std::fmt::{self, Write as _};

/// The value as compact JSON.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonError> {
    let mut out = String::new();
    value.serialize(ValueSer {
        w: &mut Writer {
            out: &mut out,
            indent: None,
        },
    })?;
    Ok(out)
}

/// The value as pretty JSON (two-space indentation, as `serde_json::to_string_pretty`).
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonError> {
    let mut out = String::new();
    value.serialize(ValueSer {
        w: &mut Writer {
            out: &mut out,
            indent: Some(0),
        },
    })?;
    Ok(out)
}

/// Why a value could not be written as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonError {
    /// A map key that JSON cannot hold as a string (a sequence, a map, a float, ...). The payload
    /// names what was found.
    NonStringKey(&'static str),
    /// An error raised by a `Serialize` implementation (`serde::ser::Error::custom`).
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

impl ser::Error for JsonError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        JsonError::Custom(msg.to_string())
    }
}

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

/// The output and, when pretty, the current nesting depth.
struct Writer<'a> {
    out: &'a mut String,
    indent: Option<usize>,
}

impl Writer<'_> {
    fn newline(&mut self) {
        if let Some(depth) = self.indent {
            self.out.push('\n');
            for _ in 0..depth {
                self.out.push_str("  ");
            }
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        if let Some(depth) = &mut self.indent {
            *depth += 1;
        }
    }

    fn close(&mut self, bracket: char, had_entries: bool) {
        if let Some(depth) = &mut self.indent {
            *depth = depth.saturating_sub(1);
        }
        if had_entries {
            self.newline();
        }
        self.out.push(bracket);
    }

    /// Writes the separator before an entry (`,` after the first) and the line break.
    fn entry(&mut self, first: bool) {
        if !first {
            self.out.push(',');
        }
        self.newline();
    }

    fn colon(&mut self) {
        self.out
            .push_str(if self.indent.is_some() { ": " } else { ":" });
    }
}

/// Serializes one value.
struct ValueSer<'w, 'o> {
    w: &'w mut Writer<'o>,
}

/// An array or object being written.
struct Compound<'w, 'o> {
    w: &'w mut Writer<'o>,
    /// Whether no entry has been written yet.
    first: bool,
    /// The closing bracket.
    close: char,
    /// A variant wrapper (`{"Variant": ...}`) to close after the collection.
    in_variant: bool,
}

impl<'w, 'o> ValueSer<'w, 'o> {
    fn raw(self, text: &str) -> Result<(), JsonError> {
        self.w.out.push_str(text);
        Ok(())
    }

    fn display(self, v: impl fmt::Display) -> Result<(), JsonError> {
        let _ = write!(self.w.out, "{v}");
        Ok(())
    }

    fn begin(self, open: char, close: char, in_variant: bool) -> Compound<'w, 'o> {
        self.w.open(open);
        Compound {
            w: self.w,
            first: true,
            close,
            in_variant,
        }
    }

    /// Writes `{"variant":` (an externally tagged enum) and returns the writer for its value.
    fn begin_variant(self, variant: &str) -> Self {
        self.w.open('{');
        self.w.newline();
        write_str(self.w.out, variant);
        self.w.colon();
        self
    }
}

fn end_variant(w: &mut Writer<'_>) {
    w.close('}', true);
}

impl<'w, 'o> ser::Serializer for ValueSer<'w, 'o> {
    type Ok = ();
    type Error = JsonError;
    type SerializeSeq = Compound<'w, 'o>;
    type SerializeTuple = Compound<'w, 'o>;
    type SerializeTupleStruct = Compound<'w, 'o>;
    type SerializeTupleVariant = Compound<'w, 'o>;
    type SerializeMap = Compound<'w, 'o>;
    type SerializeStruct = Compound<'w, 'o>;
    type SerializeStructVariant = Compound<'w, 'o>;

    fn serialize_bool(self, v: bool) -> Result<(), JsonError> {
        self.raw(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Result<(), JsonError> {
        self.display(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), JsonError> {
        self.display(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), JsonError> {
        self.display(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), JsonError> {
        self.display(v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), JsonError> {
        self.display(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), JsonError> {
        self.display(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), JsonError> {
        self.display(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), JsonError> {
        self.display(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), JsonError> {
        self.display(v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), JsonError> {
        self.display(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), JsonError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), JsonError> {
        if v.is_finite() {
            // `Debug` is the shortest text that reads back as the same float, with `.0` on whole
            // numbers and an exponent for very large or small ones: valid JSON numbers.
            let _ = write!(self.w.out, "{v:?}");
            Ok(())
        } else {
            // As serde_json: JSON has no NaN or infinity.
            self.raw("null")
        }
    }
    fn serialize_char(self, v: char) -> Result<(), JsonError> {
        let mut buf = [0u8; 4];
        self.serialize_str(v.encode_utf8(&mut buf))
    }
    fn serialize_str(self, v: &str) -> Result<(), JsonError> {
        write_str(self.w.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), JsonError> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), JsonError> {
        self.raw("null")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), JsonError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), JsonError> {
        self.raw("null")
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), JsonError> {
        self.raw("null")
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), JsonError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        let inner = self.begin_variant(variant);
        let w = inner.w;
        value.serialize(ValueSer { w: &mut *w })?;
        end_variant(w);
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, JsonError> {
        Ok(self.begin('[', ']', false))
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, JsonError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, JsonError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, JsonError> {
        Ok(self.begin_variant(variant).begin('[', ']', true))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, JsonError> {
        Ok(self.begin('{', '}', false))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, JsonError> {
        Ok(self.begin('{', '}', false))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, JsonError> {
        Ok(self.begin_variant(variant).begin('{', '}', true))
    }
}

impl Compound<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        self.w.entry(self.first);
        self.first = false;
        value.serialize(ValueSer { w: &mut *self.w })
    }

    fn key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), JsonError> {
        self.w.entry(self.first);
        self.first = false;
        key.serialize(KeySer {
            out: &mut *self.w.out,
        })?;
        self.w.colon();
        Ok(())
    }

    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        value.serialize(ValueSer { w: &mut *self.w })
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        self.key(key)?;
        self.value(value)
    }

    fn finish(self) -> Result<(), JsonError> {
        self.w.close(self.close, !self.first);
        if self.in_variant {
            end_variant(self.w);
        }
        Ok(())
    }
}

serialize_compound!(Compound<'_, '_>, JsonError);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), JsonError> {
        self.key(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        self.value(value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.finish()
    }
}

/// Serializes an object key: strings, chars, unit variants, and integers and booleans written as
/// strings (as serde_json does).
struct KeySer<'a> {
    out: &'a mut String,
}

impl KeySer<'_> {
    fn quoted(self, v: impl fmt::Display) -> Result<(), JsonError> {
        let _ = write!(self.out, "\"{v}\"");
        Ok(())
    }
}

fn non_string_key(found: &'static str) -> JsonError {
    JsonError::NonStringKey(found)
}

impl ser::Serializer for KeySer<'_> {
    type Ok = ();
    type Error = JsonError;
    type SerializeSeq = ser::Impossible<(), JsonError>;
    type SerializeTuple = ser::Impossible<(), JsonError>;
    type SerializeTupleStruct = ser::Impossible<(), JsonError>;
    type SerializeTupleVariant = ser::Impossible<(), JsonError>;
    type SerializeMap = ser::Impossible<(), JsonError>;
    type SerializeStruct = ser::Impossible<(), JsonError>;
    type SerializeStructVariant = ser::Impossible<(), JsonError>;

    fn serialize_str(self, v: &str) -> Result<(), JsonError> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), JsonError> {
        let mut buf = [0u8; 4];
        self.serialize_str(v.encode_utf8(&mut buf))
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), JsonError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        value.serialize(self)
    }
    fn serialize_bool(self, v: bool) -> Result<(), JsonError> {
        self.quoted(v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), JsonError> {
        self.quoted(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), JsonError> {
        self.quoted(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), JsonError> {
        self.quoted(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), JsonError> {
        self.quoted(v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), JsonError> {
        self.quoted(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), JsonError> {
        self.quoted(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), JsonError> {
        self.quoted(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), JsonError> {
        self.quoted(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), JsonError> {
        self.quoted(v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), JsonError> {
        self.quoted(v)
    }
    fn serialize_f32(self, _v: f32) -> Result<(), JsonError> {
        Err(non_string_key("a float"))
    }
    fn serialize_f64(self, _v: f64) -> Result<(), JsonError> {
        Err(non_string_key("a float"))
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), JsonError> {
        Err(non_string_key("bytes"))
    }
    fn serialize_none(self) -> Result<(), JsonError> {
        Err(non_string_key("null"))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), JsonError> {
        Err(non_string_key("an optional value"))
    }
    fn serialize_unit(self) -> Result<(), JsonError> {
        Err(non_string_key("null"))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), JsonError> {
        Err(non_string_key("null"))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), JsonError> {
        Err(non_string_key("an enum variant with data"))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, JsonError> {
        Err(non_string_key("a sequence"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, JsonError> {
        Err(non_string_key("a tuple"))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, JsonError> {
        Err(non_string_key("a tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, JsonError> {
        Err(non_string_key("an enum variant with data"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, JsonError> {
        Err(non_string_key("a map"))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, JsonError> {
        Err(non_string_key("a struct"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, JsonError> {
        Err(non_string_key("an enum variant with data"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
            to_string(&value).unwrap(),
            serde_json::to_string(&value).unwrap()
        );
        assert_eq!(
            to_string_pretty(&value).unwrap(),
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
        assert_eq!(to_string(&map), Err(JsonError::NonStringKey("a sequence")));
        let ints = BTreeMap::from([(1u8, true), (2, false)]);
        assert_eq!(to_string(&ints).unwrap(), r#"{"1":true,"2":false}"#);
    }
}
