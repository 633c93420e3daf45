//! [`Decode`]: kvol's model read back from a decoded document ([`Tree`]), as the API server's
//! JSON decoding fills its Go structs.
//!
//! The impls come from the same declarations that write the model: `emit_struct!` and
//! `api_enum!` derive both directions, so a field the model renders is a field it reads. Go's
//! semantics are kept: a field left out, or `null`, is the field's zero value (an empty string,
//! no list, a struct with every field left out), and a pointer field left out is `None`.
//!
//! What the model cannot hold is reported, not dropped:
//!
//! - a word an API enum does not have (`accessModes: [ReadWriteSome]`) is the API server's
//!   `Unsupported value` at its path;
//! - a value of the wrong JSON type is a decode error in the words of Go's `encoding/json`
//!   (the schema check, `schema`, normally reports these first);
//! - a field the model does not have is kept in the escape hatch's extras where the model has
//!   them (pod spec, container, claim spec) and the Kubernetes schema has the field; otherwise
//!   it is listed in [`Decoder::unmodelled`], so a caller can say that kvol did not check it.
//!
//! ```
//! use kvol_core::decode::{Decode, Decoder};
//! use kvol_core::pod::Container;
//! use kvol_core::tree::Tree;
//! # use kvol_core::decode::test_tree::{map, s};
//!
//! // A tree as the YAML reader gives it: `{name: web, image: nginx, tty: true, colour: red}`.
//! let node = map(&[
//!     ("name", s("web")),
//!     ("image", s("nginx")),
//!     ("tty", true.into()),
//!     ("colour", s("red")),
//! ]);
//! let mut decoder = Decoder::new();
//! let container = Container::decode(&node, &mut decoder).expect("decodes");
//! assert_eq!(container.name, "web");
//! assert_eq!(container.extra.get("tty"), Some(&kvol_core::schema::Value::Bool(true)));
//! assert_eq!(decoder.unmodelled()[0].path.to_string(), "colour");
//! ```

mod document;
#[doc(hidden)]
pub mod test_tree;

pub use document::{DecodedDocument, MODELLED_KINDS, decode_document};

use crate::{
    model::api_enum::ApiEnum,
    report::{FieldError, FieldPath, Segment},
    rules::ids,
    tree::{Tree, TreeKey, TreeValue},
};
use std::collections::BTreeMap;

/// A model type that can be read from a decoded document.
pub trait Decode: Sized {
    /// Reads `node` (which is not `null`); reports what it cannot hold to `cx` and returns
    /// `None` then.
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self>;

    /// The value of a field the document leaves out or sets to `null` (Go's zero value), at
    /// `cx`'s current path. `None` when the model has no such value (it is then reported).
    fn absent(cx: &mut Decoder) -> Option<Self> {
        cx.required();
        None
    }

    /// True when `""` is the API's own word for "unset" (`hostPath.type`, `emptyDir.medium`):
    /// an optional field set to `""` then reads as left out.
    const EMPTY_WORD_IS_ABSENT: bool = false;
}

/// A field the document sets that kvol's model does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmodelled {
    /// Its path in the document.
    pub path: FieldPath,
    /// Line of its key, 1-based (0 when unknown).
    pub line: usize,
    /// Column of its key, 1-based (0 when unknown).
    pub col: usize,
}

/// What the decoder could not read: a decode error (the API server refuses the document
/// before validating it) or a validation error the model cannot represent.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeIssue {
    /// A JSON decode error, worded as the API server words it.
    Decode {
        /// The message.
        message: String,
        /// Line, 1-based (0 when unknown).
        line: usize,
        /// Column, 1-based (0 when unknown).
        col: usize,
    },
    /// A validation error the API server would report for a value kvol's model cannot hold.
    Field(FieldError),
}

/// The state of one decoding: the current path, what went wrong, what was not modelled.
#[derive(Debug, Default)]
pub struct Decoder {
    path: FieldPath,
    issues: Vec<DecodeIssue>,
    unmodelled: Vec<Unmodelled>,
    /// The Go type of the struct being decoded, for `encoding/json`'s messages.
    go_type: &'static str,
}

impl Decoder {
    /// A decoder at the document's root.
    pub fn new() -> Self {
        Decoder::default()
    }

    /// The path being decoded.
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// What could not be read, in document order.
    pub fn issues(&self) -> &[DecodeIssue] {
        &self.issues
    }

    /// The fields the model does not have, in document order.
    pub fn unmodelled(&self) -> &[Unmodelled] {
        &self.unmodelled
    }

    /// Takes the issues and the unmodelled fields out of the decoder.
    pub fn finish(self) -> (Vec<DecodeIssue>, Vec<Unmodelled>) {
        (self.issues, self.unmodelled)
    }

    /// Reports a validation error.
    pub fn error(&mut self, error: FieldError) {
        self.issues.push(DecodeIssue::Field(error));
    }

    /// Reports a JSON decode error at `node`.
    pub fn decode_error<T: Tree>(&mut self, node: &T, message: String) {
        self.issues.push(DecodeIssue::Decode {
            message,
            line: node.line(),
            col: node.col(),
        });
    }

    /// Reports that `node` has the wrong JSON type for a Go value of type `go_type`, as
    /// `encoding/json` does: `json: cannot unmarshal string into Go struct field
    /// Container.spec.containers.image of type int32`.
    pub fn type_error<T: Tree>(&mut self, node: &T, go_type: &str) {
        let found = node.value().json_type();
        let mut field = String::new();
        for segment in self.path.segments() {
            if let Segment::Field(name) = segment {
                if !field.is_empty() {
                    field.push('.');
                }
                field.push_str(name);
            }
        }
        let message = if self.go_type.is_empty() || field.is_empty() {
            format!("json: cannot unmarshal {found} into Go value of type {go_type}")
        } else {
            format!(
                "json: cannot unmarshal {found} into Go struct field {}.{field} of type {go_type}",
                self.go_type
            )
        };
        self.decode_error(node, message);
    }

    /// Reports the current field as required (the model has no value for it left out).
    pub fn required(&mut self) {
        let path = self.path.clone();
        self.error(FieldError::required(ids::S1_DECODE_REQUIRED, path, ""));
    }

    /// Decodes `node` as a `V` at the child path `segment`, `null` as `V`'s absent value.
    pub fn at<T: Tree, V: Decode>(&mut self, segment: Segment<'_>, node: &T) -> Option<V> {
        let parent = std::mem::take(&mut self.path);
        self.path = parent.with(segment);
        let value = match node.value() {
            TreeValue::Null => V::absent(self),
            _ => V::decode(node, self),
        };
        self.path = parent;
        value
    }

    /// The absent value of a `V` at the child field `name`.
    pub fn absent_at<V: Decode>(&mut self, name: &str) -> Option<V> {
        let parent = std::mem::take(&mut self.path);
        self.path = parent.child(name);
        let value = V::absent(self);
        self.path = parent;
        value
    }

    /// A field the model (`model`, a Rust type that carries [`Extras`](crate::schema::Extras))
    /// does not have: kept in `extras` when the Kubernetes schema of the type has it in some
    /// version (the escape hatch's rules then check it for the target version), else noted as
    /// unmodelled.
    pub fn extra_field<K: TreeKey, T: Tree>(
        &mut self,
        key: &K,
        value: &T,
        model: &str,
        extras: &mut crate::schema::Extras,
    ) {
        let known = crate::schema::model_type(model)
            .and_then(|t| t.field_any_version(key.name()))
            .is_some();
        if known {
            extras.insert(key.name(), crate::schema::Value::from_tree(value));
        } else {
            self.unmodelled_field(key);
        }
    }

    /// Notes a field of a mapping that the model does not have.
    pub fn unmodelled_field<K: TreeKey>(&mut self, key: &K) {
        let path = self.path.child(key.name());
        self.unmodelled.push(Unmodelled {
            path,
            line: key.line(),
            col: key.col(),
        });
    }

    /// The entries of a mapping node; a type error (and `None`) for any other value.
    pub fn entries<'t, T: Tree>(
        &mut self,
        node: &'t T,
        go_type: &'static str,
    ) -> Option<&'t [(T::Key, T)]> {
        match node.value() {
            TreeValue::Map(entries) => Some(entries),
            TreeValue::Null => Some(&[]),
            _ => {
                self.type_error(node, go_type);
                None
            }
        }
    }

    /// Runs `f` with `go_type` as the struct whose fields are decoded.
    pub fn in_struct<R>(&mut self, go_type: &'static str, f: impl FnOnce(&mut Self) -> R) -> R {
        let outer = std::mem::replace(&mut self.go_type, go_type);
        let result = f(self);
        self.go_type = outer;
        result
    }

    /// Reads a string node; a type error for any other value.
    pub fn string<T: Tree>(&mut self, node: &T) -> Option<String> {
        match node.value() {
            TreeValue::String(s) => Some(s.to_owned()),
            _ => {
                self.type_error(node, "string");
                None
            }
        }
    }

    /// Reads an API enum word; an unknown word is the API server's `Unsupported value`.
    pub fn word<T: Tree, E: ApiEnum>(&mut self, node: &T) -> Option<E> {
        let word = self.string(node)?;
        match word.parse::<E>() {
            Ok(value) => Some(value),
            Err(_) => {
                let path = self.path.clone();
                self.error(FieldError::not_supported(
                    ids::S1_DECODE_NOT_SUPPORTED,
                    path,
                    &word,
                    E::words(),
                ));
                None
            }
        }
    }
}

impl Decode for String {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        cx.string(node)
    }
    fn absent(_: &mut Decoder) -> Option<Self> {
        Some(String::new())
    }
}

impl Decode for bool {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        match node.value() {
            TreeValue::Bool(b) => Some(b),
            _ => {
                cx.type_error(node, "bool");
                None
            }
        }
    }
    fn absent(_: &mut Decoder) -> Option<Self> {
        Some(false)
    }
}

macro_rules! decode_integer {
    ($($ty:ty => $go:literal),*) => {$(
        impl Decode for $ty {
            fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
                let value = match node.value() {
                    TreeValue::Int(n) => <$ty>::try_from(n).ok(),
                    TreeValue::UInt(n) => <$ty>::try_from(n).ok(),
                    // sigs.k8s.io/yaml writes a whole float as an integer (`1.0` is `1`).
                    TreeValue::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
                        <$ty>::try_from(f as i64).ok()
                    }
                    _ => None,
                };
                if value.is_none() {
                    cx.type_error(node, $go);
                }
                value
            }
            fn absent(_: &mut Decoder) -> Option<Self> {
                Some(0)
            }
        }
    )*};
}
decode_integer!(i32 => "int32", i64 => "int64", u32 => "uint32");

impl<V: Decode> Decode for Option<V> {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        if V::EMPTY_WORD_IS_ABSENT && matches!(node.value(), TreeValue::String("")) {
            return Some(None);
        }
        V::decode(node, cx).map(Some)
    }
    fn absent(_: &mut Decoder) -> Option<Self> {
        Some(None)
    }
}

impl<V: Decode> Decode for Vec<V> {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        let TreeValue::Seq(items) = node.value() else {
            cx.type_error(node, "[]");
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match cx.at::<T, V>(Segment::Index(i), item) {
                Some(v) => out.push(v),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }
    fn absent(_: &mut Decoder) -> Option<Self> {
        Some(Vec::new())
    }
}

impl<V: Decode> Decode for BTreeMap<String, V> {
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        let TreeValue::Map(entries) = node.value() else {
            cx.type_error(node, "map[string]");
            return None;
        };
        let mut out = BTreeMap::new();
        let mut ok = true;
        for (key, value) in entries {
            match cx.at::<T, V>(Segment::Key(key.name()), value) {
                Some(v) => {
                    out.insert(key.name().to_owned(), v);
                }
                None => ok = false,
            }
        }
        ok.then_some(out)
    }
    fn absent(_: &mut Decoder) -> Option<Self> {
        Some(BTreeMap::new())
    }
}

/// Decodes a struct from its declaration in `emit_struct!`: each listed key into its
/// field, other keys noted as unmodelled, left-out fields as their absent values.
macro_rules! decode_struct {
    // With `extra FIELD` (the escape hatch's `Extras`): a field the model does not have but the
    // Kubernetes schema of the type has (in some version) is kept in the extras, so it renders
    // again and the escape hatch's rules check it; other unmodelled fields are noted.
    ($ty:ident { $($key:literal => $field:ident),* $(,)? } $(extra $extra:ident)?) => {
        impl $crate::decode::Decode for $ty {
            fn decode<T: $crate::tree::Tree>(
                node: &T,
                cx: &mut $crate::decode::Decoder,
            ) -> ::core::option::Option<Self> {
                let entries = cx.entries(node, stringify!($ty))?;
                cx.in_struct(stringify!($ty), |cx| {
                    $(let mut $field = ::core::option::Option::None;)*
                    #[allow(unused_mut, unused_variables)]
                    let mut extras = $crate::schema::Extras::new();
                    let mut ok = true;
                    for (key, value) in entries {
                        match $crate::tree::TreeKey::name(key) {
                            $($key => {
                                $field = ::core::option::Option::Some(
                                    cx.at(
                                        $crate::report::Segment::Field($key),
                                        value,
                                    ),
                                );
                            })*
                            _ => decode_struct!(@other cx, key, value, extras, stringify!($ty) $(, $extra)?),
                        }
                    }
                    $(
                        let $field = match $field {
                            ::core::option::Option::Some(v) => v,
                            ::core::option::Option::None => cx.absent_at($key),
                        };
                        ok &= $field.is_some();
                    )*
                    if !ok {
                        return ::core::option::Option::None;
                    }
                    ::core::option::Option::Some($ty {
                        $($field: $field?,)*
                        $($extra: extras,)?
                    })
                })
            }

            fn absent(cx: &mut $crate::decode::Decoder) -> ::core::option::Option<Self> {
                cx.in_struct(stringify!($ty), |cx| {
                    $(let $field = cx.absent_at($key);)*
                    ::core::option::Option::Some($ty {
                        $($field: $field?,)*
                        $($extra: ::core::default::Default::default(),)?
                    })
                })
            }
        }
    };
    (@other $cx:ident, $key:ident, $value:ident, $extras:ident, $ty:expr) => {
        $cx.unmodelled_field($key)
    };
    (@other $cx:ident, $key:ident, $value:ident, $extras:ident, $ty:expr, $extra:ident) => {
        $cx.extra_field($key, $value, $ty, &mut $extras)
    };
}

// After `decode_struct!`, which the hand-written impls use too.
mod impls;
mod kinds;
