//! `pvc! { … }`: a PersistentVolumeClaim.

use super::{Cursor, P, Seen, colon, entry, group_entries, pod, unknown_key, value};
use crate::ast::{DataSource, Guarantee, PvcAst};
use proc_macro2::{Delimiter, TokenStream};

/// Keys of `pvc!`.
pub const KEYS: &[&str] = &[
    "name",
    "namespace",
    "labels",
    "annotations",
    "request",
    "limit",
    "access",
    "class",
    "volume_mode",
    "volume_name",
    "selector",
    "data_source",
    "data_source_ref",
    "snapshot",
    "attributes_class",
    "allow",
    "extra",
];

/// Parses `pvc! { … }`.
pub fn parse(p: &P, input: TokenStream) -> PvcAst {
    let tokens = super::flatten(input);
    let mut ast = PvcAst::default();
    let mut seen = Seen::default();
    for toks in super::split_commas(tokens) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if pod::meta_entry(
            p,
            &mut e,
            &mut ast.meta,
            &mut seen,
            Guarantee::Dns1123Subdomain,
            true,
        ) {
            continue;
        }
        if !KEYS.contains(&e.key.as_str()) {
            unknown_key(p, &e, "a PersistentVolumeClaim", KEYS);
            continue;
        }
        if !(seen.once(p, &e) && colon(p, &mut e)) {
            continue;
        }
        let c = &mut e.rest;
        match e.key.as_str() {
            "request" => {
                ast.request =
                    value::quantity(p, c, "a storage request", Guarantee::PositiveQuantity)
            }
            "limit" => {
                ast.limit = value::quantity(p, c, "a storage limit", Guarantee::PositiveQuantity)
            }
            "access" => ast.access = value::modes(p, c),
            "class" => ast.class = value::class(p, c),
            "volume_mode" => ast.volume_mode = value::api_word(p, c),
            "volume_name" => ast.volume_name = value::literal_name(p, c, "a PersistentVolume name"),
            "extra" => {
                ast.extra = value::extras(p, c, "extra claim spec fields").unwrap_or_default()
            }
            "snapshot" => ast.snapshot = value::literal_name(p, c, "a VolumeSnapshot name"),
            "attributes_class" => {
                ast.attributes_class = value::literal_name(p, c, "a VolumeAttributesClass name")
            }
            "selector" => ast.selector = super::scheduling::selector_value(p, c).map(Box::new),
            "data_source" | "data_source_ref" => {
                let ds = data_source(p, c, e.key == "data_source_ref", e.key_sp);
                if e.key == "data_source" {
                    ast.data_source = ds;
                } else {
                    ast.data_source_ref = ds;
                }
            }
            _ => {}
        }
        e.rest.finish(p, &format!("the value of `{}`", e.key));
    }
    ast
}

/// `{ kind: VolumeSnapshot, name: snap-1, api_group: "snapshot.storage.k8s.io" [, namespace: ns] }`.
fn data_source(
    p: &P,
    c: &mut Cursor,
    with_namespace: bool,
    kw: crate::ctxt::Sp,
) -> Option<DataSource> {
    let Some(g) = c.peek_group(Delimiter::Brace) else {
        p.cx.error(
            c.span(),
            "expected `{ kind: VolumeSnapshot, name: …, api_group: \"…\" }`",
        );
        c.bump();
        return None;
    };
    let span = g.span();
    c.bump();
    let keys: &[&str] = if with_namespace {
        &["kind", "name", "api_group", "namespace"]
    } else {
        &["kind", "name", "api_group"]
    };
    let (mut kind, mut name, mut api_group, mut namespace) = (None, None, None, None);
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if !keys.contains(&e.key.as_str()) {
            unknown_key(p, &e, "a data source", keys);
            continue;
        }
        if !(seen.once(p, &e) && colon(p, &mut e)) {
            continue;
        }
        let v = value::literal_name(p, &mut e.rest, &format!("the data source's {}", e.key));
        match e.key.as_str() {
            "kind" => kind = v,
            "name" => name = v,
            "api_group" => api_group = v,
            _ => namespace = v,
        }
        e.rest.finish(p, "the value");
    }
    let sp = crate::ctxt::Sp::one(span);
    if kind.is_none() {
        p.cx.error(sp, "a data source needs `kind`");
    }
    if name.is_none() {
        p.cx.error(sp, "a data source needs `name`");
    }
    Some(DataSource {
        api_group,
        kind: kind?,
        name: name?,
        namespace,
        kw,
    })
}
