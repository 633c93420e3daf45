//! Object metadata: name, namespace, labels and annotations.

use std::collections::BTreeMap;

/// Labels or annotations: string keys to string values, kept sorted as kubectl prints them.
pub type StringMap = BTreeMap<String, String>;

/// Metadata of a namespaced object (Pod, PersistentVolumeClaim, Service, StatefulSet).
///
/// The name's format depends on the object (see [`crate::names`]); validation checks it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ObjectMeta {
    /// Annotations (keys are qualified names).
    pub annotations: StringMap,
    /// Labels (keys are qualified names, values label values).
    pub labels: StringMap,
    /// The object's name.
    pub name: String,
    /// The namespace; unset means "the namespace kubectl or the API request names".
    pub namespace: Option<String>,
}
emit_struct!(ObjectMeta {
    "annotations" => annotations skip_if BTreeMap::is_empty,
    "labels" => labels skip_if BTreeMap::is_empty,
    "name" => name,
    "namespace" => namespace skip_if Option::is_none,
});

impl ObjectMeta {
    /// Metadata with just a name.
    pub fn named(name: impl Into<String>) -> Self {
        ObjectMeta {
            name: name.into(),
            ..Default::default()
        }
    }
}

/// Metadata of a cluster-scoped object (PersistentVolume, StorageClass): it has no namespace.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClusterMeta {
    /// Annotations (keys are qualified names).
    pub annotations: StringMap,
    /// Labels (keys are qualified names, values label values).
    pub labels: StringMap,
    /// The object's name (a DNS-1123 subdomain).
    pub name: String,
}
emit_struct!(ClusterMeta {
    "annotations" => annotations skip_if BTreeMap::is_empty,
    "labels" => labels skip_if BTreeMap::is_empty,
    "name" => name,
});

impl ClusterMeta {
    /// Metadata with just a name.
    pub fn named(name: impl Into<String>) -> Self {
        ClusterMeta {
            name: name.into(),
            ..Default::default()
        }
    }
}

/// Metadata of an embedded template (pod template, claim template): only labels and
/// annotations, plus the claim template's name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TemplateMeta {
    /// Annotations.
    pub annotations: StringMap,
    /// Labels.
    pub labels: StringMap,
    /// The name (claim templates only; pod templates have none).
    pub name: Option<String>,
}
emit_struct!(TemplateMeta {
    "annotations" => annotations skip_if BTreeMap::is_empty,
    "labels" => labels skip_if BTreeMap::is_empty,
    "name" => name skip_if Option::is_none,
});
