//! `manifests! { … }`: the set's own keys and its objects.

use super::{Cx, objects::LoweredObject};
use crate::{
    ast::ManifestsAst,
    lowered::{Lowered, call},
};
use kvol_core::Manifests;
use quote::quote;

/// Adds the set's keys (`namespace`, `external_claims`, `external_classes`,
/// `default_class`) and each lowered object to `set`.
pub fn lower_manifests(
    cx: &mut Cx,
    ast: &ManifestsAst,
    mut set: Lowered<Manifests>,
    objects: &[&LoweredObject],
) -> Lowered<Manifests> {
    if let Some(ns) = &ast.namespace {
        let ns = cx.string(&ns.value);
        set = call!(set.namespace(ns));
    }
    // `"NAMESPACE/NAME"` declares it in another namespace than the set's.
    for c in &ast.external_claims {
        match c.value.split_once('/') {
            Some((ns, name)) => {
                let (ns, name) = (cx.string(ns), cx.string(name));
                set = call!(set.external_claim_in(ns, name));
            }
            None => {
                let c = cx.string(&c.value);
                set = call!(set.external_claim(c));
            }
        }
    }
    for c in &ast.external_classes {
        let c = cx.string(&c.value);
        set = call!(set.external_storage_class(c));
    }
    for (kind, name) in &ast.external_objects {
        let kind = external_kind(&cx.k, *kind);
        match name.value.split_once('/') {
            Some((ns, name)) => {
                let (ns, name) = (cx.string(ns), cx.string(name));
                set = call!(set.external_in(kind, ns, name));
            }
            None => {
                let name = cx.string(&name.value);
                set = call!(set.external(kind, name));
            }
        }
    }
    if let Some(d) = &ast.default_class {
        let d = cx.string(&d.value);
        set = call!(set.cluster_default_class(d));
    }
    if ast.assume_default_class == Some(true) {
        set = call!(set.assume_default_class());
    }
    for lowered in objects {
        match &lowered.object {
            Some(o) => {
                let o = Lowered::leaf(o.clone(), lowered.tokens.clone());
                set = call!(set.with(o));
            }
            None => {
                // The object has errors, so the set is not checked and nothing is emitted;
                // the expression is kept whole only so the shape stays the same.
                let (t, o) = (&set.tokens, &lowered.tokens);
                set.tokens = quote!(#t.with(#o));
            }
        }
    }
    set
}

/// An external object's kind on both sides.
fn external_kind(
    k: &proc_macro2::TokenStream,
    kind: kvol_core::manifests::ExternalKind,
) -> Lowered<kvol_core::manifests::ExternalKind> {
    use kvol_core::manifests::ExternalKind;
    let variant = match kind {
        ExternalKind::ConfigMap => quote!(ConfigMap),
        ExternalKind::Secret => quote!(Secret),
        ExternalKind::VolumeSnapshot => quote!(VolumeSnapshot),
        ExternalKind::VolumeSnapshotClass => quote!(VolumeSnapshotClass),
        ExternalKind::VolumeAttributesClass => quote!(VolumeAttributesClass),
        ExternalKind::Service => quote!(Service),
    };
    Lowered::leaf(kind, quote!(#k::manifests::ExternalKind::#variant))
}
