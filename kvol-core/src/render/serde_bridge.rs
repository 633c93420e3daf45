//! serde and kvol's writers, both ways (feature `serde`).
//!
//! - [`Serde`] writes any `serde::Serialize` value with kvol's YAML and JSON writers: a serde
//!   `Serializer` that forwards to a [`Sink`].
//! - `serde_via_emit!` gives kvol's types their `serde::Serialize` impls: the value is emitted
//!   into a [`Value`](crate::schema::Value) tree, which serde then serializes.
//!
//! ```
//! use kvol_core::render::Serde;
//!
//! #[derive(serde::Serialize)]
//! struct Container { name: &'static str, image: &'static str, args: Vec<&'static str> }
//!
//! let c = Container { name: "web", image: "registry.k8s.io/nginx-slim:0.8", args: vec!["on", "-v"] };
//! assert_eq!(
//!     kvol_core::yaml::to_string(&Serde(&c)).unwrap(),
//!     "name: web\nimage: registry.k8s.io/nginx-slim:0.8\nargs:\n- \"on\"\n- \"-v\"\n"
//! );
//! ```

use std::fmt;

use serde_core::ser::{self, Serialize, Serializer};

use crate::render::emit::{Emit, Failure, Sink};

/// Any `serde::Serialize` value, written through kvol's writers ([`crate::yaml`],
/// [`crate::json`]): newtype structs are transparent, enums externally tagged (`Variant` or
/// `Variant: value`), `None` and `()` are `null`, bytes a sequence of integers.
#[derive(Debug, Clone, Copy)]
pub struct Serde<'a, T: ?Sized>(pub &'a T);

impl<T: Serialize + ?Sized> Emit for Serde<'_, T> {
    fn emit(&self, out: &mut dyn Sink) {
        if let Err(Error(failure)) = self.0.serialize(ValueSer { out: &mut *out }) {
            out.fail(failure);
        }
    }
}

/// `impl serde::Serialize` for a type that implements [`Emit`], through a
/// [`Value`](crate::schema::Value) tree.
pub(crate) fn serialize_emitted<S: Serializer>(value: &dyn Emit, s: S) -> Result<S::Ok, S::Error> {
    crate::schema::Value::from_emit(value).serialize(s)
}

/// A failure on its way back through serde's calls.
#[derive(Debug)]
struct Error(Failure);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(Failure::Custom(msg.to_string()))
    }
}

/// Serializes one value into the sink.
struct ValueSer<'a> {
    out: &'a mut dyn Sink,
}

/// A sequence or mapping being serialized; `variant` when it is the value of an enum variant's
/// one-entry mapping, which closes after it.
struct Compound<'a> {
    out: &'a mut dyn Sink,
    is_map: bool,
    variant: bool,
}

impl<'a> ValueSer<'a> {
    fn begin(self, is_map: bool, variant: Option<&str>) -> Compound<'a> {
        if let Some(variant) = variant {
            self.out.begin_map();
            self.out.key(variant);
        }
        if is_map {
            self.out.begin_map();
        } else {
            self.out.begin_seq();
        }
        Compound {
            out: self.out,
            is_map,
            variant: variant.is_some(),
        }
    }
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.out.item();
        value.serialize(ValueSer {
            out: &mut *self.out,
        })
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.out.key(key);
        value.serialize(ValueSer {
            out: &mut *self.out,
        })
    }

    fn finish(self) -> Result<(), Error> {
        if self.is_map {
            self.out.end_map();
        } else {
            self.out.end_seq();
        }
        if self.variant {
            self.out.end_map();
        }
        Ok(())
    }
}

/// An integer wider than 64 bits: as `i64`/`u64` when it fits, else as digits.
fn wide(out: &mut dyn Sink, v: i128) {
    if let Ok(v) = i64::try_from(v) {
        out.i64(v);
    } else if let Ok(v) = u64::try_from(v) {
        out.u64(v);
    } else {
        out.wide_int(&v.to_string());
    }
}

impl<'a> Serializer for ValueSer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.bool(v);
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.out.i64(v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        wide(self.out, v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.out.u64(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        match u64::try_from(v) {
            Ok(v) => self.out.u64(v),
            Err(_) => self.out.wide_int(&v.to_string()),
        }
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        // The f64 whose shortest text is the f32's (`1.1`, not `1.100000023841858`).
        let v = v.to_string().parse().unwrap_or(f64::from(v));
        self.serialize_f64(v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.out.f64(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        v.emit(self.out);
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.out.str(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        v.emit(self.out);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.null();
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.null();
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.begin_map();
        self.out.key(variant);
        value.serialize(ValueSer {
            out: &mut *self.out,
        })?;
        self.out.end_map();
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.begin(false, None))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.begin(false, None))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(self.begin(false, None))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(self.begin(false, Some(variant)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.begin(true, None))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.begin(true, None))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(self.begin(true, Some(variant)))
    }
}

/// serde's compound traits whose entries are elements (`element`) or struct fields (`field`).
macro_rules! compound {
    (elements: $($tr:ident $method:ident),*) => {$(
        impl ser::$tr for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    )*};
    (fields: $($tr:ident),*) => {$(
        impl ser::$tr for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    )*};
}
compound!(elements: SerializeSeq serialize_element, SerializeTuple serialize_element,
    SerializeTupleStruct serialize_field, SerializeTupleVariant serialize_field);
compound!(fields: SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        key.serialize(KeySer {
            out: &mut *self.out,
        })
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(ValueSer {
            out: &mut *self.out,
        })
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

/// Serializes a mapping key: strings (also chars, unit variants, and newtypes or `Some` around
/// those); integers and booleans as strings where the sink writes them so (JSON), else refused.
struct KeySer<'a> {
    out: &'a mut dyn Sink,
}

fn non_string_key(found: &'static str) -> Result<(), Error> {
    Err(Error(Failure::NonStringKey(found)))
}

impl KeySer<'_> {
    fn scalar(self, v: impl fmt::Display, found: &'static str) -> Result<(), Error> {
        if self.out.scalar_keys_as_strings() {
            self.out.key(&v.to_string());
            Ok(())
        } else {
            non_string_key(found)
        }
    }
}

impl Serializer for KeySer<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.out.key(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.scalar(v, "a bool")
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.scalar(v, "an integer")
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.scalar(v, "an integer")
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.scalar(v, "an integer")
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.scalar(v, "an integer")
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.scalar(v, "an integer")
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.scalar(v, "an integer")
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.scalar(v, "an integer")
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.scalar(v, "an integer")
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.scalar(v, "an integer")
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.scalar(v, "an integer")
    }
    fn serialize_f32(self, _v: f32) -> Result<(), Error> {
        non_string_key("a float")
    }
    fn serialize_f64(self, _v: f64) -> Result<(), Error> {
        non_string_key("a float")
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        non_string_key("bytes")
    }
    fn serialize_none(self) -> Result<(), Error> {
        non_string_key("null")
    }
    fn serialize_unit(self) -> Result<(), Error> {
        non_string_key("null")
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        non_string_key("null")
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        non_string_key("a mapping")
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(Error(Failure::NonStringKey("a sequence")))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(Error(Failure::NonStringKey("a sequence")))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(Error(Failure::NonStringKey("a sequence")))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Error(Failure::NonStringKey("a mapping")))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Error(Failure::NonStringKey("a mapping")))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(Error(Failure::NonStringKey("a mapping")))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Error(Failure::NonStringKey("a mapping")))
    }
}
