//! [`Lowered`]: one value of an invocation in two forms at once — the kvol-core value the rules
//! check, and the Rust expression that rebuilds it at run time.
//!
//! Lowering combines them only through the macros of this module, which write each builder
//! method, constructor and struct field once and apply it to both forms: `call!(b.mount(m))`
//! calls `mount` on the checked builder and appends `.mount(…)` to the emitted expression. So
//! what was checked is what is emitted, by construction; `tests/one_walk.rs` in the facade
//! shows it on every pass case.

use proc_macro2::TokenStream;
use quote::quote;

/// A value and the expression that evaluates to the same value at run time.
#[derive(Debug, Clone)]
pub struct Lowered<T> {
    /// What kvol-core's rules check.
    pub value: T,
    /// The expression the expansion evaluates (reaching kvol through the facade's path).
    pub tokens: TokenStream,
}

impl<T> Lowered<T> {
    /// A value with its expression (for leaves: literals and interpolations).
    pub fn leaf(value: T, tokens: TokenStream) -> Self {
        Lowered { value, tokens }
    }
}

/// `Some(x)` / `None` on both sides.
pub fn opt<T>(o: Option<Lowered<T>>) -> Lowered<Option<T>> {
    match o {
        Some(Lowered { value, tokens }) => Lowered {
            value: Some(value),
            tokens: quote!(::core::option::Option::Some(#tokens)),
        },
        None => Lowered {
            value: None,
            tokens: quote!(::core::option::Option::None),
        },
    }
}

/// A `Vec` of lowered items on both sides.
pub fn vec<T>(items: Vec<Lowered<T>>) -> Lowered<Vec<T>> {
    let mut values = Vec::with_capacity(items.len());
    let mut tokens = Vec::with_capacity(items.len());
    for Lowered { value, tokens: t } in items {
        values.push(value);
        tokens.push(t);
    }
    Lowered {
        value: values,
        tokens: quote!(::std::vec![#(#tokens),*]),
    }
}

/// A string map (labels, attributes) on both sides, in the order written.
pub fn string_map(
    pairs: Vec<(Lowered<String>, Lowered<String>)>,
) -> Lowered<std::collections::BTreeMap<String, String>> {
    let mut value = std::collections::BTreeMap::new();
    let mut inserts = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        let (kt, vt) = (k.tokens, v.tokens);
        inserts.push(quote!(__kvol_map.insert(#kt, #vt);));
        value.insert(k.value, v.value);
    }
    Lowered {
        value,
        tokens: quote!({
            let mut __kvol_map = ::std::collections::BTreeMap::new();
            #(#inserts)*
            __kvol_map
        }),
    }
}

/// `recv.method(args…)` on both sides; the receiver and the arguments are [`Lowered`] locals.
macro_rules! call {
    ($recv:ident . $method:ident ( $($arg:ident),* )) => {{
        let value = $recv.value.$method($($arg.value),*);
        let recv_tokens = $recv.tokens;
        $(let $arg = $arg.tokens;)*
        $crate::lowered::Lowered {
            value,
            tokens: ::quote::quote!(#recv_tokens.$method($(#$arg),*)),
        }
    }};
}

/// `kvol_core::path::to::function(args…)` (or a tuple variant) on both sides; `$k` is the
/// emitted path of kvol-core, the arguments are [`Lowered`] locals.
macro_rules! ctor {
    ($k:expr, $($seg:ident)::+ ( $($arg:ident),* )) => {{
        let value = ::kvol_core::$($seg)::+($($arg.value),*);
        let k = &$k;
        $(let $arg = $arg.tokens;)*
        $crate::lowered::Lowered {
            value,
            tokens: ::quote::quote!(#k $(::$seg)+ ($(#$arg),*)),
        }
    }};
}

/// `kvol_core::path::Struct { field: x, … }` (or a struct variant) on both sides; the field
/// values are [`Lowered`] locals, written `field: local` or `field` (rustfmt's shorthand).
macro_rules! record {
    ($k:expr, $($seg:ident)::+ { $($field:ident $(: $val:ident)?),* $(,)? }) => {{
        $(let $field = $crate::lowered::record!(@local $field $($val)?);)*
        let value = ::kvol_core::$($seg)::+ { $($field: $field.value),* };
        let k = &$k;
        $(let $field = $field.tokens;)*
        $crate::lowered::Lowered {
            value,
            tokens: ::quote::quote!(#k $(::$seg)+ { $($field: #$field),* }),
        }
    }};
    (@local $field:ident) => { $field };
    (@local $field:ident $val:ident) => { $val };
}

/// A constant of kvol-core (a unit variant, an enum value) on both sides.
macro_rules! constant {
    ($k:expr, $($seg:ident)::+) => {{
        let k = &$k;
        $crate::lowered::Lowered {
            value: ::kvol_core::$($seg)::+,
            tokens: ::quote::quote!(#k $(::$seg)+),
        }
    }};
}

pub(crate) use {call, constant, ctor, record};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macros_apply_the_same_call_to_both_forms() {
        let k = quote!(k);
        let (claim, ro) = (
            Lowered::leaf(String::from("data"), quote!(c)),
            Lowered::leaf(true, quote!(true)),
        );
        let v = ctor!(k, VolumeSource::claim(claim, ro));
        assert!(matches!(
            v.value,
            kvol_core::VolumeSource::PersistentVolumeClaim(_)
        ));
        assert_eq!(
            v.tokens.to_string(),
            "k :: VolumeSource :: claim (c , true)"
        );
        let name = Lowered::leaf(String::from("cfg"), quote!(n));
        let r = record!(k, volume::LocalObjectReference { name });
        assert_eq!(r.value.name, "cfg");
        assert_eq!(
            r.tokens.to_string(),
            "k :: volume :: LocalObjectReference { name : n }"
        );
        let m = constant!(k, AccessMode::ReadWriteOnce);
        assert_eq!(m.value, kvol_core::AccessMode::ReadWriteOnce);
        assert_eq!(m.tokens.to_string(), "k :: AccessMode :: ReadWriteOnce");
        let b = Lowered::leaf(String::from("ab"), quote!(s));
        let n = call!(b.len());
        assert_eq!(n.value, 2);
        assert_eq!(n.tokens.to_string(), "s . len ()");
        let o = opt(Some(Lowered::leaf(1, quote!(1))));
        assert_eq!(o.value, Some(1));
        let l = vec(vec![
            Lowered::leaf(1, quote!(a)),
            Lowered::leaf(2, quote!(b)),
        ]);
        assert_eq!(l.value, vec![1, 2]);
        assert_eq!(l.tokens.to_string(), ":: std :: vec ! [a , b]");
    }
}
