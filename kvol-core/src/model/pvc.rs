//! PersistentVolumeClaims and claim templates.

use crate::render::{Emit, Sink};
use crate::{
    access::{AccessModes, VolumeMode},
    meta::{ObjectMeta, TemplateMeta},
    quantity::Quantity,
    selector::LabelSelector,
};

/// A PersistentVolumeClaim (`v1/PersistentVolumeClaim`, namespaced).
#[derive(Debug, Clone, PartialEq)]
pub struct PersistentVolumeClaim {
    /// Name (DNS-1123 subdomain), namespace, labels, annotations.
    pub metadata: ObjectMeta,
    /// What storage is asked for.
    pub spec: PvcSpec,
}

impl Emit for PersistentVolumeClaim {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        out.field("apiVersion", &"v1");
        out.field("kind", &"PersistentVolumeClaim");
        out.field("metadata", &self.metadata);
        out.field("spec", &self.spec);
        out.end_map();
    }
}
serde_via_emit!(PersistentVolumeClaim);

/// A claim template (StatefulSet `volumeClaimTemplates[i]`, `ephemeral.volumeClaimTemplate`).
#[derive(Debug, Clone, PartialEq)]
pub struct PvcTemplate {
    /// The template's name (StatefulSets: the volume name mounts refer to), labels, annotations.
    pub metadata: TemplateMeta,
    /// The claim's spec.
    pub spec: PvcSpec,
}
emit_struct!(PvcTemplate {
    "metadata" => metadata,
    "spec" => spec,
});

/// The spec of a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct PvcSpec {
    /// Access modes the volume must offer (at least one).
    pub access_modes: AccessModes,
    /// Populate the volume from a snapshot or another claim.
    pub data_source: Option<TypedLocalObjectReference>,
    /// Populate the volume from any populator object, possibly in another namespace.
    pub data_source_ref: Option<TypedObjectReference>,
    /// The storage request (and optional limit).
    pub resources: StorageResources,
    /// Only bind to PVs whose labels match.
    pub selector: Option<LabelSelector>,
    /// Which StorageClass; unset, `""` and a name mean three different things.
    pub storage_class: ClassRef,
    /// Filesystem or Block (default Filesystem).
    pub volume_mode: Option<VolumeMode>,
    /// The VolumeAttributesClass of the volume (mutable attributes such as IOPS; the claim may
    /// name another one later to change them).
    pub volume_attributes_class_name: Option<String>,
    /// Pre-bind to this PersistentVolume.
    pub volume_name: Option<String>,
    /// Claim spec fields kvol does not model (the escape hatch), written after the others.
    pub extra: crate::schema::Extras,
}
emit_struct!(PvcSpec {
    "accessModes" => access_modes,
    "dataSource" => data_source skip_if Option::is_none,
    "dataSourceRef" => data_source_ref skip_if Option::is_none,
    "resources" => resources,
    "selector" => selector skip_if Option::is_none,
    "storageClassName" => storage_class skip_if ClassRef::is_cluster_default,
"volumeAttributesClassName" => volume_attributes_class_name skip_if Option::is_none,
    "volumeMode" => volume_mode skip_if Option::is_none,
    "volumeName" => volume_name skip_if Option::is_none,
} extra extra);

impl PvcSpec {
    /// A claim for `request` of storage with these access modes and the cluster's default class.
    pub fn new(access_modes: AccessModes, request: Quantity) -> Self {
        PvcSpec {
            access_modes,
            data_source: None,
            data_source_ref: None,
            resources: StorageResources {
                requests: request,
                limits: None,
            },
            selector: None,
            storage_class: ClassRef::ClusterDefault,
            volume_attributes_class_name: None,
            volume_mode: None,
            volume_name: None,
            extra: crate::schema::Extras::new(),
        }
    }
}

/// The `storageClassName` of a claim: three different meanings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum ClassRef {
    /// Unset: the cluster's default StorageClass is filled in at admission.
    #[default]
    ClusterDefault,
    /// `""`: explicitly no class; binds only to PVs without a class, never provisions.
    NoClass,
    /// A named StorageClass.
    Named(String),
}

impl ClassRef {
    /// True for [`ClassRef::ClusterDefault`] (the field is omitted).
    pub fn is_cluster_default(&self) -> bool {
        matches!(self, ClassRef::ClusterDefault)
    }
    /// The class name the PV controller compares (`""` for unset and for no class).
    pub fn effective(&self) -> &str {
        match self {
            ClassRef::Named(n) => n,
            _ => "",
        }
    }
}

impl Emit for ClassRef {
    fn emit(&self, out: &mut dyn Sink) {
        match self {
            ClassRef::ClusterDefault => out.null(),
            ClassRef::NoClass => out.str(""),
            ClassRef::Named(n) => out.str(n),
        }
    }
}
serde_via_emit!(ClassRef);

/// The storage request and limit of a claim (`resources`).
#[derive(Debug, Clone, PartialEq)]
pub struct StorageResources {
    /// `requests.storage`: the minimum size (must be > 0).
    pub requests: Quantity,
    /// `limits.storage`: the maximum size, if any.
    pub limits: Option<Quantity>,
}

impl Emit for StorageResources {
    fn emit(&self, out: &mut dyn Sink) {
        struct Storage<'a>(&'a Quantity);
        impl Emit for Storage<'_> {
            fn emit(&self, out: &mut dyn Sink) {
                out.begin_map();
                out.field("storage", self.0);
                out.end_map();
            }
        }
        out.begin_map();
        if let Some(limit) = &self.limits {
            out.field("limits", &Storage(limit));
        }
        out.field("requests", &Storage(&self.requests));
        out.end_map();
    }
}
serde_via_emit!(StorageResources);

/// A typed reference to an object in the claim's namespace (`dataSource`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedLocalObjectReference {
    /// API group; unset means the core group (then kind must be PersistentVolumeClaim).
    pub api_group: Option<String>,
    /// The kind, e.g. `VolumeSnapshot`.
    pub kind: String,
    /// The object's name.
    pub name: String,
}
emit_struct!(TypedLocalObjectReference {
    "apiGroup" => api_group skip_if Option::is_none,
    "kind" => kind,
    "name" => name,
});

/// A typed reference to a populator object (`dataSourceRef`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedObjectReference {
    /// API group; unset means the core group.
    pub api_group: Option<String>,
    /// The kind.
    pub kind: String,
    /// The object's name.
    pub name: String,
    /// The object's namespace (cross-namespace data sources).
    pub namespace: Option<String>,
}
emit_struct!(TypedObjectReference {
    "apiGroup" => api_group skip_if Option::is_none,
    "kind" => kind,
    "name" => name,
    "namespace" => namespace skip_if Option::is_none,
});
