//! `manifests! { … }`: several objects, checked against each other.

use super::{
    P, entry, kinds, pod, pv, pvc, service, statefulset, storage_class, unknown_key, value,
};
use crate::ast::{Item2, ManifestsAst};
use kvol_core::manifests::ExternalKind;
use proc_macro2::{Delimiter, TokenStream};

/// What a `manifests!` block holds.
pub const KEYS: &[&str] = &[
    "pod",
    "pv",
    "pvc",
    "storage_class",
    "statefulset",
    "service",
    "deployment",
    "daemonset",
    "config_map",
    "secret",
    "pdb",
    "volume_snapshot_class",
    "volume_snapshot",
    "volume_attributes_class",
    "external_claims",
    "external_classes",
    "external_config_maps",
    "external_secrets",
    "external_snapshots",
    "external_snapshot_classes",
    "external_attributes_classes",
    "external_services",
    "namespace",
    "default_class",
    "assume_default_class",
];

/// Parses `manifests! { … }`.
pub fn parse(p: &P, input: TokenStream) -> ManifestsAst {
    let tokens = super::flatten(input);
    let mut ast = ManifestsAst::default();
    for toks in super::split_commas(tokens) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if !KEYS.contains(&e.key.as_str()) {
            unknown_key(p, &e, "manifests!", KEYS);
            continue;
        }
        if e.key == "namespace" || e.key == "default_class" {
            if super::colon(p, &mut e) {
                let v = value::literal_name(p, &mut e.rest, "a name");
                if e.key == "namespace" {
                    ast.namespace = v;
                } else {
                    ast.default_class = v;
                }
                e.rest.finish(p, "the name");
            }
            continue;
        }
        if e.key == "assume_default_class" {
            if super::colon(p, &mut e) {
                ast.assume_default_class = value::boolean(p, &mut e.rest, "`assume_default_class`");
                e.rest.finish(p, "`true` or `false`");
            }
            continue;
        }
        if e.key.starts_with("external_") {
            if super::colon(p, &mut e) {
                let l = value::list(p, &mut e.rest, "a name").unwrap_or_default();
                let kind = match e.key.as_str() {
                    "external_claims" => None,
                    "external_classes" => None,
                    "external_config_maps" => Some(ExternalKind::ConfigMap),
                    "external_secrets" => Some(ExternalKind::Secret),
                    "external_snapshots" => Some(ExternalKind::VolumeSnapshot),
                    "external_snapshot_classes" => Some(ExternalKind::VolumeSnapshotClass),
                    "external_services" => Some(ExternalKind::Service),
                    _ => Some(ExternalKind::VolumeAttributesClass),
                };
                match kind {
                    Some(kind) => ast
                        .external_objects
                        .extend(l.into_iter().map(|s| (kind, s))),
                    None if e.key == "external_claims" => ast.external_claims.extend(l),
                    None => ast.external_classes.extend(l),
                }
                e.rest.finish(p, "the list");
            }
            continue;
        }
        let Some(g) = e.rest.peek_group(Delimiter::Brace) else {
            p.cx.error(e.rest.span(), format!("expected `{} {{ … }}`", e.key));
            continue;
        };
        e.rest.bump();
        e.rest.finish(p, &format!("`{} {{ … }}`", e.key));
        let body = g.stream();
        let item = match e.key.as_str() {
            "pod" => Item2::Pod(pod::parse(p, body)),
            "pv" => Item2::Pv(pv::parse(p, body)),
            "pvc" => Item2::Pvc(pvc::parse(p, body)),
            "storage_class" => Item2::StorageClass(storage_class::parse(p, body)),
            "service" => Item2::Service(Box::new(service::parse(p, body))),
            "deployment" => Item2::Deployment(Box::new(kinds::deployment(p, body))),
            "daemonset" => Item2::DaemonSet(Box::new(kinds::daemonset(p, body))),
            "config_map" => Item2::ConfigMap(kinds::config_map(p, body)),
            "secret" => Item2::Secret(kinds::secret(p, body)),
            "pdb" => Item2::Pdb(kinds::pdb(p, body)),
            "volume_snapshot_class" => Item2::SnapshotClass(kinds::snapshot_class(p, body)),
            "volume_snapshot" => Item2::Snapshot(kinds::snapshot(p, body)),
            "volume_attributes_class" => Item2::AttributesClass(kinds::attributes_class(p, body)),
            _ => Item2::StatefulSet(Box::new(statefulset::parse(p, body))),
        };
        let sp = e.key_sp;
        ast.objects.push((item, sp));
    }
    ast
}
