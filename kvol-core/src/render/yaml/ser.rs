//! The serde `Serializer`: writes block-style YAML straight into a `String`, no tree in between.
//!
//! Layout (as `kubectl get -o yaml`): two-space indentation; a sequence that is a mapping value
//! starts at its key's column (`key:\n- a`); a mapping or sequence that is a sequence item starts
//! on the dash line (`- name: x\n  image: y`, `- - a`); empty collections are `{}` / `[]`.
//!
//! Every scalar ends its line with `\n`. A collection does not know whether it is empty until its
//! first entry arrives, so the text that introduces it is written lazily by that first entry
//! ([`Compound::entry_start`]) and `{}` / `[]` by `end` when nothing came.

use serde_core::ser::{self, Serialize};

use super::error::{Segment, YamlError, YamlErrorKind};
use super::scalar::{indent, write_float, write_i64, write_str_scalar, write_u64};

/// Longest key (in bytes as written) that is written as an implicit key `key: value`. YAML limits
/// implicit keys to 1024 characters (PyYAML and libyaml enforce it); longer keys are written
/// explicitly: `? key` then `: value` on the next line.
const MAX_IMPLICIT_KEY: usize = 1000;

/// Where the value about to be serialized goes.
#[derive(Clone, Copy)]
enum Ctx {
    /// The document root, at column 0 of an empty line.
    Top,
    /// A mapping value: the cursor is just after the `:` of a key at column `col`.
    Value { col: usize },
    /// A sequence item: the cursor is just after the `- ` of a dash at column `col`.
    Item { col: usize },
}

/// Serializes one value into `out`.
pub(crate) fn serialize_into<T: Serialize + ?Sized>(
    out: &mut String,
    value: &T,
) -> Result<(), YamlError> {
    value.serialize(ValueSer { out, ctx: Ctx::Top })
}

struct ValueSer<'a> {
    out: &'a mut String,
    ctx: Ctx,
}

impl<'a> ValueSer<'a> {
    #[inline]
    fn before_scalar(&mut self) {
        if let Ctx::Value { .. } = self.ctx {
            self.out.push(' ');
        }
    }

    #[inline]
    fn raw_scalar(mut self, text: &str) -> Result<(), YamlError> {
        self.before_scalar();
        self.out.push_str(text);
        self.out.push('\n');
        Ok(())
    }

    #[inline]
    fn str_scalar(mut self, s: &str) -> Result<(), YamlError> {
        self.before_scalar();
        write_str_scalar(self.out, s);
        self.out.push('\n');
        Ok(())
    }

    fn begin(self, is_map: bool) -> Compound<'a> {
        let (col, newline_first, in_value) = match self.ctx {
            Ctx::Top => (0, false, false),
            Ctx::Value { col } => (if is_map { col + 2 } else { col }, true, true),
            Ctx::Item { col } => (col + 2, false, false),
        };
        Compound {
            out: self.out,
            col,
            is_map,
            started: false,
            newline_first,
            in_value,
            index: 0,
            key_start: 0,
            key_end: 0,
            variant: None,
        }
    }

    /// `{variant: value}`: opens a one-entry mapping and writes the variant key; returns the
    /// context of its value.
    fn begin_variant(self, variant: &'static str) -> ValueSer<'a> {
        let mut map = self.begin(true);
        map.write_key_str(variant);
        let col = map.col;
        ValueSer {
            out: map.out,
            ctx: Ctx::Value { col },
        }
    }
}

fn out_of_range() -> YamlError {
    YamlError::new(YamlErrorKind::IntegerOutOfRange)
}

impl<'a> ser::Serializer for ValueSer<'a> {
    type Ok = ();
    type Error = YamlError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), YamlError> {
        self.raw_scalar(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Result<(), YamlError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), YamlError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), YamlError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(mut self, v: i64) -> Result<(), YamlError> {
        self.before_scalar();
        write_i64(self.out, v);
        self.out.push('\n');
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), YamlError> {
        match i64::try_from(v) {
            Ok(v) => self.serialize_i64(v),
            Err(_) => match u64::try_from(v) {
                Ok(v) => self.serialize_u64(v),
                Err(_) => Err(out_of_range()),
            },
        }
    }
    fn serialize_u8(self, v: u8) -> Result<(), YamlError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), YamlError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), YamlError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(mut self, v: u64) -> Result<(), YamlError> {
        self.before_scalar();
        write_u64(self.out, v);
        self.out.push('\n');
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), YamlError> {
        match u64::try_from(v) {
            Ok(v) => self.serialize_u64(v),
            Err(_) => Err(out_of_range()),
        }
    }
    fn serialize_f32(mut self, v: f32) -> Result<(), YamlError> {
        self.before_scalar();
        write_float(
            self.out,
            v,
            v.is_nan(),
            v.is_infinite(),
            v.is_sign_negative(),
        );
        self.out.push('\n');
        Ok(())
    }
    fn serialize_f64(mut self, v: f64) -> Result<(), YamlError> {
        self.before_scalar();
        write_float(
            self.out,
            v,
            v.is_nan(),
            v.is_infinite(),
            v.is_sign_negative(),
        );
        self.out.push('\n');
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), YamlError> {
        let mut buf = [0u8; 4];
        self.str_scalar(v.encode_utf8(&mut buf))
    }
    fn serialize_str(self, v: &str) -> Result<(), YamlError> {
        self.str_scalar(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), YamlError> {
        use ser::SerializeSeq;
        let mut seq = self.begin(false);
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), YamlError> {
        self.raw_scalar("null")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), YamlError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), YamlError> {
        self.raw_scalar("null")
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), YamlError> {
        self.raw_scalar("null")
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), YamlError> {
        self.str_scalar(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), YamlError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), YamlError> {
        let inner = self.begin_variant(variant);
        value
            .serialize(inner)
            .map_err(|e| e.within(Segment::Field(variant)))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, YamlError> {
        Ok(self.begin(false))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, YamlError> {
        Ok(self.begin(false))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, YamlError> {
        Ok(self.begin(false))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, YamlError> {
        let mut seq = self.begin_variant(variant).begin(false);
        seq.variant = Some(variant);
        Ok(seq)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, YamlError> {
        Ok(self.begin(true))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, YamlError> {
        Ok(self.begin(true))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, YamlError> {
        let mut map = self.begin_variant(variant).begin(true);
        map.variant = Some(variant);
        Ok(map)
    }
}

/// A mapping or sequence being written.
pub(crate) struct Compound<'a> {
    out: &'a mut String,
    /// Column of this collection's keys or dashes.
    col: usize,
    is_map: bool,
    /// Whether an entry has been written.
    started: bool,
    /// The first entry goes on a new line (the collection is a mapping value); otherwise the
    /// cursor already stands at `col` (document root, or right after a `- `).
    newline_first: bool,
    /// The collection is a mapping value (an empty one is written ` {}` after the `:`).
    in_value: bool,
    /// Next sequence index (for error paths).
    index: usize,
    /// Byte range in `out` of the last key written (for error paths).
    key_start: usize,
    key_end: usize,
    /// The enum variant this collection is the value of (for error paths).
    variant: Option<&'static str>,
}

impl Compound<'_> {
    /// Writes what comes before an entry: the lazy opening for the first entry, else the
    /// indentation.
    #[inline]
    fn entry_start(&mut self) {
        if self.started {
            indent(self.out, self.col);
        } else {
            self.started = true;
            if self.newline_first {
                self.out.push('\n');
                indent(self.out, self.col);
            }
        }
    }

    /// After the key text was written from `key_start`: the `:` (or the explicit-key form for a
    /// key too long to be implicit).
    fn finish_key(&mut self, key_start: usize) {
        if self.out.len() - key_start > MAX_IMPLICIT_KEY {
            self.out.insert_str(key_start, "? ");
            self.key_start = key_start + 2;
            self.key_end = self.out.len();
            self.out.push('\n');
            indent(self.out, self.col);
        } else {
            self.key_start = key_start;
            self.key_end = self.out.len();
        }
        self.out.push(':');
    }

    /// Writes the string key `key` (entry start, key, `:`).
    fn write_key_str(&mut self, key: &str) {
        self.entry_start();
        let start = self.out.len();
        write_str_scalar(self.out, key);
        self.finish_key(start);
    }

    fn value_ser(&mut self) -> ValueSer<'_> {
        ValueSer {
            out: self.out,
            ctx: Ctx::Value { col: self.col },
        }
    }

    /// Completes an error from inside this collection with the segment of the entry (and of the
    /// enum variant, if any).
    fn locate(&self, err: YamlError, segment: Segment) -> YamlError {
        let err = err.within(segment);
        match self.variant {
            Some(variant) => err.within(Segment::Field(variant)),
            None => err,
        }
    }

    fn key_segment(&self) -> Segment {
        let key = self.out.get(self.key_start..self.key_end).unwrap_or("");
        Segment::Key(key.to_owned())
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), YamlError> {
        self.entry_start();
        self.out.push_str("- ");
        let index = self.index;
        self.index += 1;
        value
            .serialize(ValueSer {
                out: self.out,
                ctx: Ctx::Item { col: self.col },
            })
            .map_err(|e| self.locate(e, Segment::Index(index)))
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), YamlError> {
        self.write_key_str(key);
        value
            .serialize(self.value_ser())
            .map_err(|e| e.within(Segment::Field(key)))
    }

    fn finish(self) -> Result<(), YamlError> {
        if !self.started {
            if self.in_value {
                self.out.push(' ');
            }
            self.out.push_str(if self.is_map { "{}\n" } else { "[]\n" });
        }
        Ok(())
    }
}

serialize_compound!(Compound<'_>, YamlError);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = YamlError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), YamlError> {
        self.entry_start();
        let start = self.out.len();
        key.serialize(KeySer { out: self.out })?;
        self.finish_key(start);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), YamlError> {
        value
            .serialize(self.value_ser())
            .map_err(|e| e.within(self.key_segment()))
    }
    fn end(self) -> Result<(), YamlError> {
        self.finish()
    }
}

/// Serializes a mapping key: strings only (also chars, unit variants, and newtypes or `Some`
/// around those).
struct KeySer<'a> {
    out: &'a mut String,
}

fn non_string_key(found: &'static str) -> YamlError {
    YamlError::new(YamlErrorKind::NonStringKey(found))
}

impl ser::Serializer for KeySer<'_> {
    type Ok = ();
    type Error = YamlError;
    type SerializeSeq = ser::Impossible<(), YamlError>;
    type SerializeTuple = ser::Impossible<(), YamlError>;
    type SerializeTupleStruct = ser::Impossible<(), YamlError>;
    type SerializeTupleVariant = ser::Impossible<(), YamlError>;
    type SerializeMap = ser::Impossible<(), YamlError>;
    type SerializeStruct = ser::Impossible<(), YamlError>;
    type SerializeStructVariant = ser::Impossible<(), YamlError>;

    fn serialize_str(self, v: &str) -> Result<(), YamlError> {
        write_str_scalar(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), YamlError> {
        let mut buf = [0u8; 4];
        self.serialize_str(v.encode_utf8(&mut buf))
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), YamlError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), YamlError> {
        value.serialize(self)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), YamlError> {
        value.serialize(self)
    }

    fn serialize_bool(self, _v: bool) -> Result<(), YamlError> {
        Err(non_string_key("a bool"))
    }
    fn serialize_i8(self, _v: i8) -> Result<(), YamlError> {
        Err(non_string_key("an integer"))
    }
    fn serialize_i16(self, _v: i16) -> Result<(), YamlError> {
        Err(non_string_key("an integer"))
    }
    fn serialize_i32(self, _v: i32) -> Result<(), YamlError> {
        Err(non_string_key("an integer"))
    }
    fn serialize_i64(self, _v: i64) -> Result<(), YamlError> {
        Err(non_string_key("an integer"))
    }
    fn serialize_i128(self, _v: i128) -> Result<(), YamlError> {
        Err(non_string_key("an integer"))
    }
    fn serialize_u8(self, _v: u8) -> Result<(), YamlError> {
        Err(non_string_key("an integer"))
    }
    fn serialize_u16(self, _v: u16) -> Result<(), YamlError> {
        Err(non_string_key("an integer"))
    }
    fn serialize_u32(self, _v: u32) -> Result<(), YamlError> {
        Err(non_string_key("an integer"))
    }
    fn serialize_u64(self, _v: u64) -> Result<(), YamlError> {
        Err(non_string_key("an integer"))
    }
    fn serialize_u128(self, _v: u128) -> Result<(), YamlError> {
        Err(non_string_key("an integer"))
    }
    fn serialize_f32(self, _v: f32) -> Result<(), YamlError> {
        Err(non_string_key("a float"))
    }
    fn serialize_f64(self, _v: f64) -> Result<(), YamlError> {
        Err(non_string_key("a float"))
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), YamlError> {
        Err(non_string_key("bytes"))
    }
    fn serialize_none(self) -> Result<(), YamlError> {
        Err(non_string_key("null"))
    }
    fn serialize_unit(self) -> Result<(), YamlError> {
        Err(non_string_key("null"))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), YamlError> {
        Err(non_string_key("null"))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), YamlError> {
        Err(non_string_key("a mapping"))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, YamlError> {
        Err(non_string_key("a sequence"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, YamlError> {
        Err(non_string_key("a sequence"))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, YamlError> {
        Err(non_string_key("a sequence"))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, YamlError> {
        Err(non_string_key("a mapping"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, YamlError> {
        Err(non_string_key("a mapping"))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, YamlError> {
        Err(non_string_key("a mapping"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, YamlError> {
        Err(non_string_key("a mapping"))
    }
}
