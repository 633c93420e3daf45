//! The second release's kinds: `deployment!`, `daemonset!`, `config_map!`, `secret!`, `pdb!`,
//! `volume_snapshot_class!`, `volume_snapshot!` and `volume_attributes_class!`.

use super::{Entry, P, Seen, colon, entry, group_entries, pod, statefulset, unknown_key, value};
use crate::{
    ast::{
        AttributesClassAst, ConfigMapAst, DaemonSetAst, DaemonSetUpdate, DeploymentAst, Guarantee,
        MaxUnavailable, Meta, PdbAst, SecretAst, SnapshotAst, SnapshotClassAst, Strategy, Val,
    },
    ctxt::Sp,
};
use proc_macro2::{Delimiter, TokenStream};

/// Keys of `deployment!`.
pub const DEPLOYMENT_KEYS: &[&str] = &[
    "name",
    "namespace",
    "labels",
    "annotations",
    "object_labels",
    "selector",
    "pod_annotations",
    "replicas",
    "strategy",
    "min_ready",
    "revision_history",
    "progress_deadline",
    "image",
    "port",
    "mount",
    "grace",
    "container",
    "init_container",
    "volume",
    "service_account",
    "node_selector",
    "extra",
    "allow",
];
/// Keys of `daemonset!`.
pub const DAEMONSET_KEYS: &[&str] = &[
    "name",
    "namespace",
    "labels",
    "annotations",
    "object_labels",
    "selector",
    "pod_annotations",
    "update",
    "min_ready",
    "revision_history",
    "image",
    "port",
    "mount",
    "grace",
    "container",
    "init_container",
    "volume",
    "service_account",
    "node_selector",
    "allow",
];
/// Keys of `config_map!`.
pub const CONFIG_MAP_KEYS: &[&str] = &[
    "name",
    "namespace",
    "labels",
    "annotations",
    "data",
    "binary_data",
    "immutable",
    "allow",
];
/// Keys of `secret!`.
pub const SECRET_KEYS: &[&str] = &[
    "name",
    "namespace",
    "labels",
    "annotations",
    "type",
    "data",
    "string_data",
    "immutable",
    "allow",
];
/// Keys of `pdb!`.
pub const PDB_KEYS: &[&str] = &[
    "name",
    "namespace",
    "labels",
    "annotations",
    "min_available",
    "max_unavailable",
    "selector",
    "unhealthy_pod_eviction",
    "allow",
];
/// Keys of `volume_snapshot_class!`.
pub const SNAPSHOT_CLASS_KEYS: &[&str] = &[
    "name",
    "labels",
    "annotations",
    "driver",
    "deletion",
    "parameters",
    "default",
    "allow",
];
/// Keys of `volume_snapshot!`.
pub const SNAPSHOT_KEYS: &[&str] = &[
    "name",
    "namespace",
    "labels",
    "annotations",
    "claim",
    "content",
    "class",
    "allow",
];
/// Keys of `volume_attributes_class!`.
pub const ATTRIBUTES_CLASS_KEYS: &[&str] = &[
    "name",
    "labels",
    "annotations",
    "driver",
    "parameters",
    "allow",
];

/// The common loop: metadata keys, then `own` for the kind's keys (after `:`), unknown keys
/// reported with a suggestion. `own` returns false for keys it does not know.
fn entries(
    p: &P,
    input: TokenStream,
    meta: &mut Meta,
    namespaced: bool,
    what: &str,
    keys: &[&str],
    mut own: impl FnMut(&P, &mut Entry, &mut Seen) -> bool,
) {
    let tokens = super::flatten(input);
    let mut seen = Seen::default();
    for toks in super::split_commas(tokens) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if !namespaced && e.key == "namespace" {
            p.cx.error(
                e.key_sp,
                format!("{what} is cluster-scoped: it has no namespace\nhelp: remove `namespace`"),
            );
            continue;
        }
        if pod::meta_entry(
            p,
            &mut e,
            meta,
            &mut seen,
            Guarantee::Dns1123Subdomain,
            namespaced,
        ) {
            continue;
        }
        if !keys.contains(&e.key.as_str()) || !own(p, &mut e, &mut seen) {
            unknown_key(p, &e, what, keys);
        }
    }
}

/// `key: VALUE` once: runs `read` on the value and reports what follows it.
fn once(p: &P, e: &mut Entry, seen: &mut Seen, read: impl FnOnce(&P, &mut Entry)) {
    if seen.once(p, e) && colon(p, e) {
        read(p, e);
        let key = e.key.clone();
        e.rest.finish(p, &format!("the value of `{key}`"));
    }
}

/// A `{ key: "value" }` map of arbitrary keys and values.
fn text_map(p: &P, e: &mut Entry, what: &str) -> Vec<crate::ast::MapEntry> {
    value::map(
        p,
        &mut e.rest,
        what,
        Guarantee::LabelValue,
        Guarantee::LabelValue,
    )
    .unwrap_or_default()
}

/// A `{ key: "BASE64" }` map (a Secret's `data`, a ConfigMap's `binary_data`): each value a
/// literal in standard base64, as the YAML writes it.
fn base64_map(p: &P, e: &mut Entry, what: &str) -> Vec<crate::ast::MapEntry> {
    let entries = text_map(p, e, what);
    for entry in &entries {
        match &entry.value {
            crate::ast::Val::Lit(v, sp) => {
                if kvol_core::config::Bytes::from_base64(v).is_none() {
                    p.cx.error(
                        *sp,
                        format!(
                            "{v:?} is not base64: {what} holds base64 text, as in the YAML, and \
                             the API server's decoder refuses anything else (illegal base64 \
                             data)\nhelp: write the text itself under {}",
                            text_key(what)
                        ),
                    );
                }
            }
            crate::ast::Val::Interp(i) => p.cx.error(
                i.sp,
                format!(
                    "a value of {what} cannot be interpolated: its values are base64 literals\n\
                     help: interpolate text under {}",
                    text_key(what)
                ),
            ),
        }
    }
    entries
}

/// The key that holds the same entries as text: `string_data` beside a Secret's `data`,
/// `data` beside a ConfigMap's `binary_data`.
fn text_key(base64_key: &str) -> &'static str {
    if base64_key == "`binary_data`" {
        "`data`"
    } else {
        "`string_data`"
    }
}

/// Parses `config_map! { … }`.
pub fn config_map(p: &P, input: TokenStream) -> ConfigMapAst {
    let mut ast = ConfigMapAst::default();
    let mut meta = Meta::default();
    entries(
        p,
        input,
        &mut meta,
        true,
        "a ConfigMap",
        CONFIG_MAP_KEYS,
        |p, e, seen| {
            match e.key.as_str() {
                "data" => once(p, e, seen, |p, e| ast.data = text_map(p, e, "the data")),
                "binary_data" => once(p, e, seen, |p, e| {
                    ast.binary_data = base64_map(p, e, "`binary_data`")
                }),
                "immutable" => once(p, e, seen, |p, e| {
                    ast.immutable = value::boolean(p, &mut e.rest, "`immutable`")
                }),
                _ => return false,
            }
            true
        },
    );
    ast.meta = meta;
    ast
}

/// Parses `secret! { … }`.
pub fn secret(p: &P, input: TokenStream) -> SecretAst {
    let mut ast = SecretAst::default();
    let mut meta = Meta::default();
    entries(
        p,
        input,
        &mut meta,
        true,
        "a Secret",
        SECRET_KEYS,
        |p, e, seen| {
            match e.key.as_str() {
                "type" => once(p, e, seen, |p, e| {
                    ast.type_ = value::string(p, &mut e.rest, "a Secret type")
                }),
                "string_data" => once(p, e, seen, |p, e| {
                    ast.string_data = text_map(p, e, "the string data")
                }),
                "data" => once(p, e, seen, |p, e| ast.data = base64_map(p, e, "`data`")),
                "immutable" => once(p, e, seen, |p, e| {
                    ast.immutable = value::boolean(p, &mut e.rest, "`immutable`")
                }),
                _ => return false,
            }
            true
        },
    );
    ast.meta = meta;
    ast
}

/// Parses `pdb! { … }`.
pub fn pdb(p: &P, input: TokenStream) -> PdbAst {
    let mut ast = PdbAst::default();
    let mut meta = Meta::default();
    entries(
        p,
        input,
        &mut meta,
        true,
        "a PodDisruptionBudget",
        PDB_KEYS,
        |p, e, seen| {
            match e.key.as_str() {
                "min_available" => once(p, e, seen, |p, e| {
                    ast.min_available = statefulset::max_unavail(p, e)
                }),
                "max_unavailable" => once(p, e, seen, |p, e| {
                    ast.max_unavailable = statefulset::max_unavail(p, e)
                }),
                "selector" => once(p, e, seen, |p, e| {
                    ast.selector = super::scheduling::selector_value(p, &mut e.rest)
                }),
                "unhealthy_pod_eviction" => once(p, e, seen, |p, e| {
                    ast.unhealthy = value::api_word(p, &mut e.rest)
                }),
                _ => return false,
            }
            true
        },
    );
    ast.meta = meta;
    ast
}

/// Parses `volume_snapshot_class! { … }`.
pub fn snapshot_class(p: &P, input: TokenStream) -> SnapshotClassAst {
    let mut ast = SnapshotClassAst::default();
    let mut meta = Meta::default();
    entries(
        p,
        input,
        &mut meta,
        false,
        "a VolumeSnapshotClass",
        SNAPSHOT_CLASS_KEYS,
        |p, e, seen| {
            match e.key.as_str() {
                "driver" => once(p, e, seen, |p, e| {
                    ast.driver = value::string(p, &mut e.rest, "a CSI driver")
                }),
                "deletion" => once(p, e, seen, |p, e| {
                    ast.deletion = value::api_word(p, &mut e.rest)
                }),
                "parameters" => once(p, e, seen, |p, e| {
                    ast.parameters = text_map(p, e, "parameters")
                }),
                "default" => once(p, e, seen, |p, e| {
                    ast.default_class = value::boolean(p, &mut e.rest, "`default`")
                }),
                _ => return false,
            }
            true
        },
    );
    ast.meta = meta;
    ast
}

/// Parses `volume_snapshot! { … }`.
pub fn snapshot(p: &P, input: TokenStream) -> SnapshotAst {
    let mut ast = SnapshotAst::default();
    let mut meta = Meta::default();
    entries(
        p,
        input,
        &mut meta,
        true,
        "a VolumeSnapshot",
        SNAPSHOT_KEYS,
        |p, e, seen| {
            match e.key.as_str() {
                "claim" => once(p, e, seen, |p, e| {
                    ast.claim = value::literal_name(p, &mut e.rest, "a claim name")
                }),
                "content" => once(p, e, seen, |p, e| {
                    ast.content =
                        value::literal_name(p, &mut e.rest, "a VolumeSnapshotContent name")
                }),
                "class" => once(p, e, seen, |p, e| {
                    ast.class = value::literal_name(p, &mut e.rest, "a VolumeSnapshotClass name")
                }),
                _ => return false,
            }
            true
        },
    );
    ast.meta = meta;
    ast
}

/// Parses `volume_attributes_class! { … }`.
pub fn attributes_class(p: &P, input: TokenStream) -> AttributesClassAst {
    let mut ast = AttributesClassAst::default();
    let mut meta = Meta::default();
    entries(
        p,
        input,
        &mut meta,
        false,
        "a VolumeAttributesClass",
        ATTRIBUTES_CLASS_KEYS,
        |p, e, seen| {
            match e.key.as_str() {
                "driver" => once(p, e, seen, |p, e| {
                    ast.driver = value::string(p, &mut e.rest, "a CSI driver")
                }),
                "parameters" => once(p, e, seen, |p, e| {
                    ast.parameters = text_map(p, e, "parameters")
                }),
                _ => return false,
            }
            true
        },
    );
    ast.meta = meta;
    ast
}

/// Parses `deployment! { … }`: the pod keys of `pod!` (compact or full form), and the
/// Deployment's own keys.
pub fn deployment(p: &P, input: TokenStream) -> DeploymentAst {
    let tokens = super::flatten(input);
    let mut ast = DeploymentAst::default();
    let mut seen = Seen::default();
    for toks in super::split_commas(tokens) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if e.key == "restart" {
            p.cx.error(
                e.key_sp,
                "a Deployment's pods always restart (`restartPolicy: Always`)\nhelp: remove \
                 `restart`",
            );
            continue;
        }
        if pod::meta_entry(
            p,
            &mut e,
            &mut ast.meta,
            &mut seen,
            Guarantee::Dns1123Subdomain,
            true,
        ) || pod::body_entry(p, &mut e, &mut ast.body, &mut seen)
        {
            continue;
        }
        match e.key.as_str() {
            "object_labels" | "selector" | "pod_annotations" => {
                once(p, &mut e, &mut seen, |p, e| {
                    controller_map(
                        p,
                        e,
                        &mut ast.object_labels,
                        &mut ast.selector,
                        &mut ast.pod_annotations,
                    )
                })
            }
            "replicas" | "min_ready" | "revision_history" | "progress_deadline" => {
                once(p, &mut e, &mut seen, |p, e| {
                    let v = value::int(p, &mut e.rest, "a count", Guarantee::Count, &[]);
                    match e.key.as_str() {
                        "replicas" => ast.replicas = v,
                        "min_ready" => ast.min_ready = v,
                        "revision_history" => ast.revision_history = v,
                        _ => ast.progress_deadline = v,
                    }
                })
            }
            "strategy" => once(p, &mut e, &mut seen, |p, e| ast.strategy = strategy(p, e)),
            _ => unknown_key(p, &e, "a Deployment", DEPLOYMENT_KEYS),
        }
    }
    ast
}

/// Parses `daemonset! { … }`: the pod keys of `pod!` (compact or full form), and the
/// DaemonSet's own keys (no `replicas`: one pod runs on each node).
pub fn daemonset(p: &P, input: TokenStream) -> DaemonSetAst {
    let tokens = super::flatten(input);
    let mut ast = DaemonSetAst::default();
    let mut seen = Seen::default();
    for toks in super::split_commas(tokens) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        match e.key.as_str() {
            "restart" => {
                p.cx.error(
                    e.key_sp,
                    "a DaemonSet's pods always restart (`restartPolicy: Always`)\nhelp: remove \
                     `restart`",
                );
                continue;
            }
            "replicas" => {
                p.cx.error(
                    e.key_sp,
                    "a DaemonSet has no `replicas`: it runs one pod on each node its pods may \
                     run on\nhelp: remove `replicas`, and choose the nodes with `node_selector`",
                );
                continue;
            }
            _ => {}
        }
        if pod::meta_entry(
            p,
            &mut e,
            &mut ast.meta,
            &mut seen,
            Guarantee::Dns1123Subdomain,
            true,
        ) || pod::body_entry(p, &mut e, &mut ast.body, &mut seen)
        {
            continue;
        }
        match e.key.as_str() {
            "object_labels" | "selector" | "pod_annotations" => {
                once(p, &mut e, &mut seen, |p, e| {
                    controller_map(
                        p,
                        e,
                        &mut ast.object_labels,
                        &mut ast.selector,
                        &mut ast.pod_annotations,
                    )
                })
            }
            "min_ready" | "revision_history" => once(p, &mut e, &mut seen, |p, e| {
                let v = value::int(p, &mut e.rest, "a count", Guarantee::Count, &[]);
                if e.key == "min_ready" {
                    ast.min_ready = v;
                } else {
                    ast.revision_history = v;
                }
            }),
            "update" => once(p, &mut e, &mut seen, |p, e| {
                ast.update =
                    rolling_or(p, e, "daemon set update strategy", "OnDelete").map(|r| match r {
                        Ok((sp, max_surge, max_unavailable)) => DaemonSetUpdate::Rolling {
                            sp,
                            max_surge,
                            max_unavailable,
                        },
                        Err(sp) => DaemonSetUpdate::OnDelete(sp),
                    })
            }),
            _ => unknown_key(p, &e, "a DaemonSet", DAEMONSET_KEYS),
        }
    }
    ast
}

/// The label maps of a Deployment or DaemonSet: `object_labels`, `selector` or
/// `pod_annotations` (the key of `e`), read into its field.
fn controller_map(
    p: &P,
    e: &mut Entry,
    object_labels: &mut Vec<crate::ast::MapEntry>,
    selector: &mut Vec<crate::ast::MapEntry>,
    pod_annotations: &mut Vec<crate::ast::MapEntry>,
) {
    let m = value::map(
        p,
        &mut e.rest,
        "labels",
        Guarantee::QualifiedName,
        Guarantee::LabelValue,
    )
    .unwrap_or_default();
    match e.key.as_str() {
        "selector" => *selector = m,
        "pod_annotations" => *pod_annotations = m,
        _ => *object_labels = m,
    }
}

/// `Recreate`, or `RollingUpdate [{ max_surge: N | "N%", max_unavailable: N | "N%" }]`.
fn strategy(p: &P, e: &mut Entry) -> Option<Strategy> {
    Some(match rolling_or(p, e, "deployment strategy", "Recreate")? {
        Ok((sp, max_surge, max_unavailable)) => Strategy::Rolling {
            sp,
            max_surge,
            max_unavailable,
        },
        Err(sp) => Strategy::Recreate(sp),
    })
}

/// A rolling update's limits: the keyword's span, `max_surge`, `max_unavailable`.
type Rolling = (Sp, Option<Val<MaxUnavailable>>, Option<Val<MaxUnavailable>>);

/// `RollingUpdate [{ max_surge: N | "N%", max_unavailable: N | "N%" }]` (`Ok`), or the other
/// strategy `other`, which takes no options (`Err`, its span).
fn rolling_or(p: &P, e: &mut Entry, what: &str, other: &str) -> Option<Result<Rolling, Sp>> {
    let c = &mut e.rest;
    let sp = c.span();
    let w = value::word(p, c, what, &[("RollingUpdate", true), (other, false)])?;
    if !w.value {
        if let Some(g) = c.peek_group(Delimiter::Brace) {
            p.cx.error(
                Sp::one(g.span()),
                format!(
                    "`{other}` takes no options: `max_surge` and `max_unavailable` are only \
                     allowed for `RollingUpdate`"
                ),
            );
            c.bump();
        }
        return Some(Err(sp));
    }
    let (mut max_surge, mut max_unavailable) = (None, None);
    if let Some(g) = c.peek_group(Delimiter::Brace) {
        c.bump();
        let mut seen = Seen::default();
        for toks in group_entries(g) {
            let Some(mut ue) = entry(p, &toks) else {
                continue;
            };
            match ue.key.as_str() {
                "max_surge" | "max_unavailable" => {
                    if seen.once(p, &ue) && colon(p, &mut ue) {
                        let v = statefulset::max_unavail(p, &mut ue);
                        if ue.key == "max_surge" {
                            max_surge = v;
                        } else {
                            max_unavailable = v;
                        }
                        ue.rest.finish(p, "the value");
                    }
                }
                _ => unknown_key(p, &ue, "RollingUpdate", &["max_surge", "max_unavailable"]),
            }
        }
    }
    Some(Ok((sp, max_surge, max_unavailable)))
}
