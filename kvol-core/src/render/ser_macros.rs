//! `emit_struct!` and `serde_via_emit!`: the model's [`Emit`](crate::render::Emit) impls (and,
//! with the `serde` feature, its `serde::Serialize` impls) from one declaration per type.

/// Writes `impl Emit` for a struct or a transparent newtype:
///
/// - `emit_struct!(Type<'a> { "key" => field, "other" => other skip_if pred, })`: a mapping with
///   the fields in the given order; `skip_if pred` leaves the field out when `pred(&self.field)`
///   is true.
/// - `emit_struct!(Type(transparent))`: writes `self.0`.
/// - `emit_struct!(Type { … } extra FIELD)`: the fields kvol does not model
///   ([`crate::schema::Extras`]) follow the modelled ones; `MODELLED_FIELDS` lists the modelled
///   JSON names, which the escape hatch refuses.
///
/// Each also writes `impl serde::Serialize` (feature `serde`, [`serde_via_emit!`]), and the
/// forms without a lifetime `impl kvol_core::decode::Decode` (feature `decode`), so what the
/// model renders is what it reads back.
///
/// Enums of API words get theirs from `api_enum!` (`model::api_enum`).
macro_rules! emit_struct {
    ($ty:ident { $($key:literal => $field:ident $(skip_if $pred:path)?),* $(,)? }) => {
        emit_struct!(@emit $ty { $($key => $field $(skip_if $pred)?),* });
        decode_struct!($ty { $($key => $field),* });
    };
    ($ty:ident <$lt:lifetime> { $($key:literal => $field:ident $(skip_if $pred:path)?),* $(,)? }) => {
        emit_struct!(@emit $ty<$lt> { $($key => $field $(skip_if $pred)?),* });
    };
    (@emit $ty:ident $(<$lt:lifetime>)? { $($key:literal => $field:ident $(skip_if $pred:path)?),* }) => {
        impl$(<$lt>)? $crate::render::Emit for $ty$(<$lt>)? {
            fn emit(&self, out: &mut dyn $crate::render::Sink) {
                out.begin_map();
                $(emit_struct!(@field out, $key, self.$field $(, $pred)?);)*
                out.end_map();
            }
        }
        serde_via_emit!($ty $(<$lt>)?);
    };
    ($ty:ident { $($key:literal => $field:ident $(skip_if $pred:path)?),* $(,)? } extra $extra:ident) => {
        decode_struct!($ty { $($key => $field),* } extra $extra);
        impl $ty {
            /// The JSON names of the fields kvol models here (the escape hatch refuses them).
            pub(crate) const MODELLED_FIELDS: &'static [&'static str] = &[$($key),*];
        }
        impl $crate::render::Emit for $ty {
            fn emit(&self, out: &mut dyn $crate::render::Sink) {
                out.begin_map();
                $(emit_struct!(@field out, $key, self.$field $(, $pred)?);)*
                for (key, value) in self.$extra.iter() {
                    out.field(key, value);
                }
                out.end_map();
            }
        }
        serde_via_emit!($ty);
    };
    ($ty:ident(transparent)) => {
        impl $crate::render::Emit for $ty {
            fn emit(&self, out: &mut dyn $crate::render::Sink) {
                $crate::render::Emit::emit(&self.0, out)
            }
        }
        serde_via_emit!($ty);
    };
    (@field $out:ident, $key:literal, $value:expr) => {
        $out.field($key, &$value)
    };
    (@field $out:ident, $key:literal, $value:expr, $pred:path) => {
        if !$pred(&$value) {
            $out.field($key, &$value)
        }
    };
}

/// Writes `impl serde::Serialize` for a type that implements [`Emit`](crate::render::Emit), only
/// with the `serde` feature (through a [`Value`](crate::schema::Value) tree).
macro_rules! serde_via_emit {
    ($ty:ident $(<$lt:lifetime>)?) => {
        #[cfg(feature = "serde")]
        impl$(<$lt>)? ::serde_core::Serialize for $ty$(<$lt>)? {
            fn serialize<S: ::serde_core::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::render::serde_bridge::serialize_emitted(self, serializer)
            }
        }
    };
}
