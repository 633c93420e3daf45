//! `serialize_struct!`: hand-written `impl Serialize` without serde's derive proc-macro, so a
//! build of kvol-core does not wait for syn and serde_derive (see BENCHMARKS.md, compile cost).

/// Writes `impl serde_core::Serialize` for a struct or a transparent newtype,
/// with the same calls `#[derive(Serialize)]` makes:
///
/// - `serialize_struct!(Type<'a> { "key" => field, "other" => other skip_if pred, })`: a
///   `serialize_struct` with the fields in the given order; `skip_if pred` leaves the field out
///   (`skip_field`) when `pred(&self.field)` is true (`skip_serializing_if`).
/// - `serialize_struct!(Type(transparent))`: serializes `self.0` (`#[serde(transparent)]`).
///
/// The same declaration (without a lifetime) also writes `impl kvol_core::decode::Decode`, so
/// what the model renders is what it reads back (`decode`).
///
/// Enums of API words get theirs from `api_enum!` (`model::api_enum`).
macro_rules! serialize_struct {
    ($ty:ident { $($key:literal => $field:ident $(skip_if $pred:path)?),* $(,)? }) => {
        serialize_struct!(@serialize $ty { $($key => $field $(skip_if $pred)?),* });
        decode_struct!($ty { $($key => $field),* });
    };
    ($ty:ident <$lt:lifetime> { $($key:literal => $field:ident $(skip_if $pred:path)?),* $(,)? }) => {
        serialize_struct!(@serialize $ty<$lt> { $($key => $field $(skip_if $pred)?),* });
    };
    (@serialize $ty:ident $(<$lt:lifetime>)? { $($key:literal => $field:ident $(skip_if $pred:path)?),* }) => {
        impl$(<$lt>)? ::serde_core::Serialize for $ty$(<$lt>)? {
            fn serialize<S: ::serde_core::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                use ::serde_core::ser::SerializeStruct as _;
                let len = 0 $(+ serialize_struct!(@len self.$field $(, $pred)?))*;
                let mut st = serializer.serialize_struct(stringify!($ty), len)?;
                $(serialize_struct!(@field st, $key, self.$field $(, $pred)?);)*
                st.end()
            }
        }
    };
    ($ty:ident(transparent)) => {
        impl ::serde_core::Serialize for $ty {
            fn serialize<S: ::serde_core::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                ::serde_core::Serialize::serialize(&self.0, serializer)
            }
        }
    };
    (@len $value:expr) => {
        1
    };
    (@len $value:expr, $pred:path) => {
        if $pred(&$value) { 0 } else { 1 }
    };
    (@field $st:ident, $key:literal, $value:expr) => {
        $st.serialize_field($key, &$value)?
    };
    (@field $st:ident, $key:literal, $value:expr, $pred:path) => {
        if $pred(&$value) {
            $st.skip_field($key)?
        } else {
            $st.serialize_field($key, &$value)?
        }
    };
}

/// The serde compound traits of a writer whose collection type has `element(&value)` (sequence
/// items, tuple fields), `field(key, &value)` (struct fields) and `finish()` (the closing), all
/// returning `Result<(), $err>`: `SerializeSeq`, `SerializeTuple`, `SerializeTupleStruct`,
/// `SerializeTupleVariant`, `SerializeStruct` and `SerializeStructVariant`. `SerializeMap`, which
/// differs between writers, is written out by each.
macro_rules! serialize_compound {
    ($ty:ty, $err:ty) => {
        serialize_compound!(@elements $ty, $err, SerializeSeq serialize_element, SerializeTuple serialize_element,
            SerializeTupleStruct serialize_field, SerializeTupleVariant serialize_field);
        serialize_compound!(@fields $ty, $err, SerializeStruct, SerializeStructVariant);
    };
    (@elements $ty:ty, $err:ty, $($tr:ident $method:ident),*) => {$(
        impl ::serde_core::ser::$tr for $ty {
            type Ok = ();
            type Error = $err;
            fn $method<T: ::serde_core::Serialize + ?Sized>(&mut self, value: &T) -> Result<(), $err> {
                self.element(value)
            }
            fn end(self) -> Result<(), $err> {
                self.finish()
            }
        }
    )*};
    (@fields $ty:ty, $err:ty, $($tr:ident),*) => {$(
        impl ::serde_core::ser::$tr for $ty {
            type Ok = ();
            type Error = $err;
            fn serialize_field<T: ::serde_core::Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), $err> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), $err> {
                self.finish()
            }
        }
    )*};
}
