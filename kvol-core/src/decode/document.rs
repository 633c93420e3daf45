//! One document of a YAML stream decoded into a model [`Object`], by its `apiVersion` and
//! `kind`.

use super::{Decode, DecodeIssue, Decoder, Unmodelled};
use crate::{
    object::Object,
    pod::Pod,
    pv::PersistentVolume,
    pvc::PersistentVolumeClaim,
    report::Segment,
    service::Service,
    statefulset::StatefulSet,
    tree::{Tree, TreeKey, TreeValue},
};

/// A decoded document: what it says it is, and the model object when kvol models its kind.
#[derive(Debug)]
pub struct DecodedDocument {
    /// `apiVersion` as written (empty when missing or not a string).
    pub api_version: String,
    /// `kind` as written (empty when missing or not a string).
    pub kind: String,
    /// `metadata.name` as written.
    pub name: String,
    /// `metadata.namespace` as written.
    pub namespace: Option<String>,
    /// The object, when the kind is modelled and the document could be read.
    pub object: Option<Object>,
    /// Whether kvol models this apiVersion and kind.
    pub modelled: bool,
    /// What could not be read.
    pub issues: Vec<DecodeIssue>,
    /// Fields the model does not have (not checked by kvol).
    pub unmodelled: Vec<Unmodelled>,
}

/// The kinds kvol reads, by `apiVersion` and `kind`.
pub const MODELLED_KINDS: &[(&str, &str)] = &[
    ("v1", "Pod"),
    ("v1", "PersistentVolume"),
    ("v1", "PersistentVolumeClaim"),
    ("v1", "Service"),
    ("storage.k8s.io/v1", "StorageClass"),
    ("apps/v1", "StatefulSet"),
    ("v1", "ConfigMap"),
    ("v1", "Secret"),
    ("apps/v1", "Deployment"),
    ("apps/v1", "DaemonSet"),
    ("policy/v1", "PodDisruptionBudget"),
    ("snapshot.storage.k8s.io/v1", "VolumeSnapshotClass"),
    ("snapshot.storage.k8s.io/v1", "VolumeSnapshot"),
    ("storage.k8s.io/v1", "VolumeAttributesClass"),
    ("storage.k8s.io/v1beta1", "VolumeAttributesClass"),
    ("storage.k8s.io/v1alpha1", "VolumeAttributesClass"),
];

/// A top-level object's `metadata` and `spec`.
struct MetaSpec<M, S> {
    metadata: M,
    spec: S,
}

fn meta_spec<T: Tree, M: Decode, S: Decode>(
    node: &T,
    cx: &mut Decoder,
    go_type: &'static str,
) -> Option<MetaSpec<M, S>> {
    let entries = cx.entries(node, go_type)?;
    cx.in_struct(go_type, |cx| {
        let (mut metadata, mut spec) = (None, None);
        for (key, value) in entries {
            match key.name() {
                "apiVersion" | "kind" => {}
                "metadata" => metadata = Some(cx.at(Segment::Field("metadata"), value)),
                "spec" => spec = Some(cx.at(Segment::Field("spec"), value)),
                // The API server ignores `status` on create.
                "status" => {}
                _ => cx.unmodelled_field(key),
            }
        }
        let metadata = metadata.unwrap_or_else(|| cx.absent_at("metadata"));
        let spec = spec.unwrap_or_else(|| cx.absent_at("spec"));
        Some(MetaSpec {
            metadata: metadata?,
            spec: spec?,
        })
    })
}

fn string_at<'t, T: Tree>(node: &'t T, path: &[&str]) -> Option<&'t str> {
    let mut node = node;
    for name in path {
        let TreeValue::Map(entries) = node.value() else {
            return None;
        };
        node = &entries.iter().find(|(k, _)| k.name() == *name)?.1;
    }
    match node.value() {
        TreeValue::String(s) => Some(s),
        _ => None,
    }
}

/// Decodes one document. A StatefulSet's governing Service is declared separately (as
/// `service_in_set`): the document that declares it is a Service of the set.
pub fn decode_document<T: Tree>(node: &T) -> DecodedDocument {
    let api_version = string_at(node, &["apiVersion"])
        .unwrap_or_default()
        .to_owned();
    let kind = string_at(node, &["kind"]).unwrap_or_default().to_owned();
    let name = string_at(node, &["metadata", "name"])
        .unwrap_or_default()
        .to_owned();
    let namespace = string_at(node, &["metadata", "namespace"]).map(str::to_owned);
    let mut cx = Decoder::new();
    let object: Option<Option<Object>> = match (api_version.as_str(), kind.as_str()) {
        ("v1", "Pod") => Some(meta_spec(node, &mut cx, "Pod").map(|o| {
            Object::Pod(Pod {
                metadata: o.metadata,
                spec: o.spec,
            })
        })),
        ("v1", "PersistentVolume") => Some(meta_spec(node, &mut cx, "PersistentVolume").map(|o| {
            Object::PersistentVolume(PersistentVolume {
                metadata: o.metadata,
                spec: o.spec,
            })
        })),
        ("v1", "PersistentVolumeClaim") => {
            Some(meta_spec(node, &mut cx, "PersistentVolumeClaim").map(|o| {
                Object::PersistentVolumeClaim(PersistentVolumeClaim {
                    metadata: o.metadata,
                    spec: o.spec,
                })
            }))
        }
        ("v1", "Service") => Some(meta_spec(node, &mut cx, "Service").map(|o| {
            Object::Service(Service {
                metadata: o.metadata,
                spec: o.spec,
            })
        })),
        ("storage.k8s.io/v1", "StorageClass") => Some(
            crate::storage_class::StorageClass::decode(node, &mut cx).map(Object::StorageClass),
        ),
        ("apps/v1", "StatefulSet") => Some(meta_spec(node, &mut cx, "StatefulSet").map(|o| {
            let metadata: crate::meta::ObjectMeta = o.metadata;
            let spec: crate::statefulset::StatefulSetSpec = o.spec;
            let service = crate::builder::governing_service(&metadata, &spec);
            // The governing Service is a document of its own (checked as a Service of the
            // set); `service` only describes the one kvol would write.
            Object::StatefulSet(StatefulSet {
                metadata,
                spec,
                service,
                service_in_set: true,
            })
        })),
        ("v1", "ConfigMap") => {
            Some(crate::config::ConfigMap::decode(node, &mut cx).map(Object::ConfigMap))
        }
        ("v1", "Secret") => Some(crate::config::Secret::decode(node, &mut cx).map(Object::Secret)),
        ("apps/v1", "Deployment") => Some(meta_spec(node, &mut cx, "Deployment").map(|o| {
            Object::Deployment(crate::deployment::Deployment {
                metadata: o.metadata,
                spec: o.spec,
            })
        })),
        ("apps/v1", "DaemonSet") => Some(meta_spec(node, &mut cx, "DaemonSet").map(|o| {
            Object::DaemonSet(crate::daemonset::DaemonSet {
                metadata: o.metadata,
                spec: o.spec,
            })
        })),
        ("policy/v1", "PodDisruptionBudget") => {
            Some(meta_spec(node, &mut cx, "PodDisruptionBudget").map(|o| {
                Object::PodDisruptionBudget(crate::pdb::PodDisruptionBudget {
                    metadata: o.metadata,
                    spec: o.spec,
                })
            }))
        }
        ("snapshot.storage.k8s.io/v1", "VolumeSnapshotClass") => Some(
            crate::snapshot::VolumeSnapshotClass::decode(node, &mut cx)
                .map(Object::VolumeSnapshotClass),
        ),
        ("snapshot.storage.k8s.io/v1", "VolumeSnapshot") => {
            Some(meta_spec(node, &mut cx, "VolumeSnapshot").map(|o| {
                Object::VolumeSnapshot(crate::snapshot::VolumeSnapshot {
                    metadata: o.metadata,
                    spec: o.spec,
                })
            }))
        }
        (version, "VolumeAttributesClass") => version
            .parse::<crate::attributes_class::AttributesClassVersion>()
            .ok()
            .map(|v| {
                crate::attributes_class::VolumeAttributesClass::decode(node, &mut cx).map(
                    |mut c| {
                        c.api_version = v;
                        Object::VolumeAttributesClass(c)
                    },
                )
            }),
        _ => None,
    };
    // The API server's JSON serializer needs both before anything else (apimachinery's
    // `NewMissingKindErr` / `NewMissingVersionErr`, which quote the document).
    if object.is_none() {
        let missing = match node.value() {
            TreeValue::Map(_) if kind.is_empty() => Some("Kind"),
            TreeValue::Map(_) if api_version.is_empty() => Some("apiVersion"),
            TreeValue::Map(_) => None,
            _ => Some("Kind"),
        };
        if let Some(field) = missing {
            cx.decode_error(
                node,
                format!("Object '{field}' is missing in '{}'", to_json(node)),
            );
        }
    }
    let modelled = object.is_some();
    let (issues, unmodelled) = cx.finish();
    DecodedDocument {
        api_version,
        kind,
        name,
        namespace,
        object: object.flatten(),
        modelled,
        issues,
        unmodelled,
    }
}

/// The document as compact JSON (for the API server's messages that quote it).
fn to_json<T: Tree>(node: &T) -> String {
    let mut out = String::new();
    write_json(node, &mut out);
    out
}

fn write_json<T: Tree>(node: &T, out: &mut String) {
    use std::fmt::Write as _;
    match node.value() {
        TreeValue::Null => out.push_str("null"),
        TreeValue::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        TreeValue::Int(n) => {
            let _ = write!(out, "{n}");
        }
        TreeValue::UInt(n) => {
            let _ = write!(out, "{n}");
        }
        TreeValue::Float(f) => {
            let _ = write!(out, "{f}");
        }
        TreeValue::String(s) => {
            let _ = write!(out, "{}", crate::json::to_string(s).unwrap_or_default());
        }
        TreeValue::Seq(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        TreeValue::Map(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&crate::json::to_string(k.name()).unwrap_or_default());
                out.push(':');
                write_json(v, out);
            }
            out.push('}');
        }
    }
}
