//! [`Emit`] and [`Sink`]: how kvol's values reach its YAML and JSON writers.
//!
//! A value describes itself as a tree of scalars, sequences and string-keyed mappings by calling
//! a [`Sink`]'s methods in order; the writers ([`crate::yaml`], [`crate::json`]) are sinks that
//! turn those calls into text. The sink is a trait object, so every model type's `emit` is
//! compiled once, in kvol-core, whatever it is written to, and kvol-core needs no serialization
//! library (serde stays off a default build's critical path: BENCHMARKS.md, compile cost). With
//! the `serde` feature, kvol's types also implement `serde::Serialize`, and
//! `render::Serde` writes any `serde::Serialize` value through kvol's writers.
//!
//! The calls a value makes: one scalar (`null`, `bool`, `i64`, `u64`, `f64`, `str`), or
//! `begin_seq`, then `item` followed by one value for each element, then `end_seq`, or
//! `begin_map`, then `key` followed by one value for each entry, then `end_map`.
//!
//! ```
//! use kvol_core::render::{Emit, Sink};
//!
//! /// A port written as `{name: ..., port: ...}`.
//! struct Port { name: &'static str, port: u16 }
//!
//! impl Emit for Port {
//!     fn emit(&self, out: &mut dyn Sink) {
//!         out.begin_map();
//!         out.field("name", &self.name);
//!         out.field("port", &self.port);
//!         out.end_map();
//!     }
//! }
//!
//! let ports = vec![Port { name: "web", port: 80 }];
//! assert_eq!(kvol_core::yaml::to_string(&ports)?, "- name: web\n  port: 80\n");
//! assert_eq!(kvol_core::json::to_string(&ports)?, r#"[{"name":"web","port":80}]"#);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

/// A value that kvol's writers can write: it describes itself to a [`Sink`] (see the
/// [module documentation](self) for the calls it makes).
pub trait Emit {
    /// Describes the value to `out`.
    fn emit(&self, out: &mut dyn Sink);
}

/// What a value is written to: kvol's YAML and JSON writers, or a tree builder.
///
/// The calls must follow the shape in the [module documentation](self); the writers do not
/// check it. A sink that cannot write something ([`Sink::fail`]) ignores every later call.
pub trait Sink {
    /// `null`.
    fn null(&mut self);
    /// A boolean.
    fn bool(&mut self, v: bool);
    /// A signed integer.
    fn i64(&mut self, v: i64);
    /// An unsigned integer.
    fn u64(&mut self, v: u64);
    /// A float.
    fn f64(&mut self, v: f64);
    /// A string.
    fn str(&mut self, v: &str);
    /// An integer beyond 64 bits, as decimal digits (with a leading `-` when negative). JSON
    /// writes it; YAML refuses it, because YAML readers disagree on its type.
    fn wide_int(&mut self, digits: &str);
    /// Opens a sequence.
    fn begin_seq(&mut self);
    /// Starts the next element of the open sequence; the element's value follows.
    fn item(&mut self);
    /// Closes the open sequence.
    fn end_seq(&mut self);
    /// Opens a mapping.
    fn begin_map(&mut self);
    /// Starts the entry `key` of the open mapping; its value follows.
    fn key(&mut self, key: &str);
    /// Closes the open mapping.
    fn end_map(&mut self);
    /// The value cannot be written; the sink keeps the first failure, with where it happened,
    /// and ignores what follows.
    fn fail(&mut self, failure: Failure);
    /// Whether integer and boolean mapping keys are written as strings (JSON, as serde_json
    /// does) rather than refused (YAML would read them back with their own type).
    fn scalar_keys_as_strings(&self) -> bool {
        false
    }
}

impl dyn Sink + '_ {
    /// Writes the mapping entry `key: value` (`key`, then the value).
    #[inline]
    pub fn field<T: Emit + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.emit(self);
    }

    /// Writes the next sequence element (`item`, then the value).
    #[inline]
    pub fn element<T: Emit + ?Sized>(&mut self, value: &T) {
        self.item();
        value.emit(self);
    }
}

/// Why a value cannot be written (reported with [`Sink::fail`]). kvol's own types never fail;
/// values written through `render::Serde` can.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// A mapping key that is not a string; the payload names what was found (`an integer`).
    NonStringKey(&'static str),
    /// An integer beyond 64 bits where the writer cannot hold it.
    IntegerOutOfRange,
    /// An error raised by the value itself (`serde::ser::Error::custom`).
    Custom(String),
}

impl Emit for str {
    fn emit(&self, out: &mut dyn Sink) {
        out.str(self);
    }
}

impl Emit for String {
    fn emit(&self, out: &mut dyn Sink) {
        out.str(self);
    }
}

impl Emit for char {
    fn emit(&self, out: &mut dyn Sink) {
        out.str(self.encode_utf8(&mut [0; 4]));
    }
}

impl Emit for bool {
    fn emit(&self, out: &mut dyn Sink) {
        out.bool(*self);
    }
}

impl Emit for () {
    fn emit(&self, out: &mut dyn Sink) {
        out.null();
    }
}

macro_rules! emit_int {
    ($method:ident: $($ty:ty),*) => {$(
        impl Emit for $ty {
            fn emit(&self, out: &mut dyn Sink) {
                out.$method((*self).into());
            }
        }
    )*};
}
emit_int!(i64: i8, i16, i32, i64);
emit_int!(u64: u8, u16, u32, u64);

impl Emit for f64 {
    fn emit(&self, out: &mut dyn Sink) {
        out.f64(*self);
    }
}

impl<T: Emit + ?Sized> Emit for &T {
    fn emit(&self, out: &mut dyn Sink) {
        (**self).emit(out);
    }
}

impl<T: Emit + ?Sized> Emit for Box<T> {
    fn emit(&self, out: &mut dyn Sink) {
        (**self).emit(out);
    }
}

impl<T: Emit> Emit for Option<T> {
    /// `None` is `null`; `Some(v)` is `v`.
    fn emit(&self, out: &mut dyn Sink) {
        match self {
            Some(v) => v.emit(out),
            None => out.null(),
        }
    }
}

impl<T: Emit> Emit for [T] {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_seq();
        for item in self {
            out.element(item);
        }
        out.end_seq();
    }
}

impl<T: Emit, const N: usize> Emit for [T; N] {
    fn emit(&self, out: &mut dyn Sink) {
        self.as_slice().emit(out);
    }
}

impl<T: Emit> Emit for Vec<T> {
    fn emit(&self, out: &mut dyn Sink) {
        self.as_slice().emit(out);
    }
}

impl<K: AsRef<str>, V: Emit> Emit for BTreeMap<K, V> {
    /// A mapping, in key order.
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        for (k, v) in self {
            out.field(k.as_ref(), v);
        }
        out.end_map();
    }
}
