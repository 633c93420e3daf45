//! StorageClasses (cluster-scoped): how volumes are provisioned dynamically.

use crate::render::{Emit, Sink};
use crate::{
    access::ReclaimPolicy,
    meta::{ClusterMeta, StringMap},
    selector::TopologySelectorTerm,
};

/// The annotation that marks the cluster's default StorageClass.
pub const DEFAULT_CLASS_ANNOTATION: &str = "storageclass.kubernetes.io/is-default-class";

/// A StorageClass (`storage.k8s.io/v1`).
#[derive(Debug, Clone, PartialEq)]
pub struct StorageClass {
    /// Name (DNS-1123 subdomain), labels, annotations (including the default-class marker).
    pub metadata: ClusterMeta,
    /// The provisioner, e.g. `pd.csi.storage.gke.io` or `kubernetes.io/no-provisioner`.
    pub provisioner: String,
    /// Provisioner-specific parameters.
    pub parameters: StringMap,
    /// Delete (default) or Retain; `Recycle` is rejected for StorageClasses.
    pub reclaim_policy: Option<ReclaimPolicy>,
    /// When volumes are bound and provisioned.
    pub volume_binding_mode: Option<VolumeBindingMode>,
    /// Whether claims of this class may grow.
    pub allow_volume_expansion: Option<bool>,
    /// Mount options of provisioned volumes.
    pub mount_options: Vec<String>,
    /// Where volumes may be provisioned.
    pub allowed_topologies: Vec<TopologySelectorTerm>,
}

impl StorageClass {
    /// True when the class carries the default-class annotation set to `"true"`.
    pub fn is_default(&self) -> bool {
        self.metadata
            .annotations
            .get(DEFAULT_CLASS_ANNOTATION)
            .is_some_and(|v| v == "true")
    }
}

api_enum! {
    /// When a StorageClass binds and provisions volumes.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum VolumeBindingMode("volume binding mode") {
        /// As soon as the claim is created (the default).
        Immediate = "Immediate",
        /// When the first pod using the claim is scheduled (needed for `local` volumes).
        WaitForFirstConsumer = "WaitForFirstConsumer",
    }
}

impl Emit for StorageClass {
    fn emit(&self, out: &mut dyn Sink) {
        // kubectl prints a StorageClass's keys alphabetically: allow* sort before apiVersion.
        out.begin_map();
        if let Some(v) = &self.allow_volume_expansion {
            out.field("allowVolumeExpansion", v);
        }
        if !self.allowed_topologies.is_empty() {
            out.field("allowedTopologies", &self.allowed_topologies);
        }
        out.field("apiVersion", &"storage.k8s.io/v1");
        out.field("kind", &"StorageClass");
        out.field("metadata", &self.metadata);
        if !self.mount_options.is_empty() {
            out.field("mountOptions", &self.mount_options);
        }
        if !self.parameters.is_empty() {
            out.field("parameters", &self.parameters);
        }
        out.field("provisioner", &self.provisioner);
        if let Some(v) = &self.reclaim_policy {
            out.field("reclaimPolicy", v);
        }
        if let Some(v) = &self.volume_binding_mode {
            out.field("volumeBindingMode", v);
        }
        out.end_map();
    }
}
serde_via_emit!(StorageClass);
