//! `extra: { … }`: the escape hatch's fields, lowered to `.extra(name, value)` calls whose
//! [`Value`]s the rules check against the Kubernetes schema (`rules/extra.rs` in kvol-core).

use super::Cx;
use crate::{
    ast::{ExtraField, ExtraKind, ExtraVal},
    lowered::Lowered,
};
use kvol_core::{FieldPath, schema::Value};
use quote::quote;

/// The fields of one `extra` block under `parent` (the path of the object they belong to),
/// each path registered at its `name: value` tokens.
pub fn fields(
    cx: &mut Cx,
    fields: &[ExtraField],
    parent: &FieldPath,
) -> Vec<(Lowered<String>, Lowered<Value>)> {
    fields
        .iter()
        .map(|f| {
            cx.reg(&parent.child(&f.key.value), f.key.sp.to(f.value.sp));
            (cx.string(&f.key.value), value(cx, &f.value))
        })
        .collect()
}

fn value(cx: &Cx, v: &ExtraVal) -> Lowered<Value> {
    let k = &cx.k;
    match &v.kind {
        ExtraKind::Null => Lowered::leaf(Value::Null, quote!(#k::schema::Value::Null)),
        ExtraKind::Bool(b) => Lowered::leaf(Value::Bool(*b), quote!(#k::schema::Value::Bool(#b))),
        ExtraKind::Int(i) => Lowered::leaf(Value::Int(*i), quote!(#k::schema::Value::Int(#i))),
        ExtraKind::Float(f) => {
            Lowered::leaf(Value::Float(*f), quote!(#k::schema::Value::Float(#f)))
        }
        ExtraKind::Str(s) => Lowered::leaf(
            Value::String(s.clone()),
            quote!(#k::schema::Value::String(::std::string::String::from(#s))),
        ),
        ExtraKind::Seq(items) => {
            let items: Vec<Lowered<Value>> = items.iter().map(|i| value(cx, i)).collect();
            let tokens = items.iter().map(|i| &i.tokens);
            let tokens = quote!(#k::schema::Value::Seq(::std::vec![#(#tokens),*]));
            Lowered::leaf(
                Value::Seq(items.into_iter().map(|i| i.value).collect()),
                tokens,
            )
        }
        ExtraKind::Map(entries) => {
            let mut values = Vec::with_capacity(entries.len());
            let mut tokens = Vec::with_capacity(entries.len());
            for e in entries {
                let v = value(cx, &e.value);
                let name = &e.key.value;
                let vt = &v.tokens;
                tokens.push(quote!((::std::string::String::from(#name), #vt)));
                values.push((name.clone(), v.value));
            }
            Lowered::leaf(
                Value::Map(values),
                quote!(#k::schema::Value::Map(::std::vec![#(#tokens),*])),
            )
        }
    }
}
