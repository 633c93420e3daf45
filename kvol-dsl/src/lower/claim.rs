//! Claims: `claim: [NAME] SIZE MODES [CLASS] [{ … }] [=> PATH]` templates (StatefulSets, ephemeral
//! volumes), access modes and storage classes, shared with `pvc!` and `pv!`.

use super::{Cx, words::word};
use crate::{
    ast::{ClaimSpec, Modes},
    lowered::{Lowered, call, ctor},
};
use kvol_core::{AccessModes, FieldPath, builder::PvcTemplateBuilder};
use quote::quote;

/// `class: "NAME"` or `class: ""` on a builder with `storage_class` and `no_storage_class`.
macro_rules! storage_class {
    ($cx:expr, $b:ident, $class:expr, $path:expr) => {{
        let b = $b;
        match $class {
            $crate::ast::Class::None(sp) => {
                $cx.reg($path, *sp);
                $crate::lowered::call!(b.no_storage_class())
            }
            $crate::ast::Class::Named(n) => {
                $cx.reg($path, n.sp());
                let name = $cx.text(n);
                $crate::lowered::call!(b.storage_class(name))
            }
        }
    }};
}
pub(crate) use storage_class;

/// A claim template builder from `SIZE MODES [CLASS]`, its paths registered under `path`.
pub fn claim_template(
    cx: &mut Cx,
    c: &ClaimSpec,
    name: Option<&str>,
    path: &FieldPath,
) -> Lowered<PvcTemplateBuilder> {
    cx.reg(path, c.sp);
    if let Some(n) = &c.name {
        cx.reg(&path.child("metadata").child("name"), n.sp);
    }
    let spec = path.child("spec");
    let res = spec.child("resources");
    cx.reg_quantity(&res.child("requests").key("storage"), &c.size);
    cx.reg_quantity(&res.key("storage"), &c.size);
    // The API server's warnings on a StatefulSet's claim templates have no `spec`
    // (`spec.volumeClaimTemplates[i].resources.requests[storage]`).
    cx.reg_quantity(
        &path.child("resources").child("requests").key("storage"),
        &c.size,
    );
    let k = cx.k.clone();
    let name = cx.string(name.unwrap_or_default());
    let t = ctor!(k, PvcTemplate::builder(name));
    let modes = access_modes(cx, &spec.child("accessModes"), &c.modes);
    let t = call!(t.access_modes(modes));
    let size = cx.quantity(&c.size);
    let t = call!(t.request(size));
    let mut t = match &c.class {
        None => t,
        Some(class) => storage_class!(cx, t, class, &spec.child("storageClassName")),
    };
    let meta = path.child("metadata");
    super::volume::reg_map(cx, &meta.child("labels"), &c.labels);
    for (key, value) in super::volume::map_pairs(cx, &c.labels) {
        t = call!(t.label(key, value));
    }
    super::volume::reg_map(cx, &meta.child("annotations"), &c.annotations);
    for (key, value) in super::volume::map_pairs(cx, &c.annotations) {
        t = call!(t.annotation(key, value));
    }
    if let Some(w) = &c.volume_mode {
        cx.reg(&spec.child("volumeMode"), w.sp);
        let w = word(&k, w.value);
        t = call!(t.volume_mode(w));
    }
    if let Some(s) = &c.selector {
        let calls = super::scheduling::selector_calls(cx, s, &spec.child("selector"));
        super::scheduling::apply_selector!(t, calls);
    }
    t
}

/// `RWO | RWX` as an access-mode set, each mode's token registered at its index.
pub fn access_modes(cx: &mut Cx, path: &FieldPath, m: &Modes) -> Lowered<AccessModes> {
    // The one rule about the set as a whole that a written set can break is ReadWriteOncePod
    // combined with other modes: its error belongs on `RWOP`.
    let rwop = m
        .items
        .iter()
        .find(|w| w.value == kvol_core::AccessMode::ReadWriteOncePod)
        .filter(|_| m.items.len() > 1);
    cx.reg(path, rwop.map_or(m.sp, |w| w.sp));
    let value: AccessModes = m.items.iter().map(|w| w.value).collect();
    // kvol-core reports a mode by its index in the set's order, not in the order written.
    for (i, mode) in value.iter().enumerate() {
        if let Some(w) = m.items.iter().find(|w| w.value == mode) {
            cx.reg(&path.index(i), w.sp);
        }
    }
    let k = cx.k.clone();
    let items: Vec<_> = m.items.iter().map(|w| word(&k, w.value).tokens).collect();
    Lowered::leaf(
        value,
        quote!(<#k::AccessModes as ::core::iter::FromIterator<#k::AccessMode>>::from_iter([#(#items),*])),
    )
}
