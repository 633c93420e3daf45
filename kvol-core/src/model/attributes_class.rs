//! VolumeAttributesClasses (cluster-scoped): mutable attributes of CSI volumes (IOPS,
//! throughput), which a claim names in `volumeAttributesClassName` and may change later.

use crate::render::{Emit, Sink};
use crate::{
    meta::{ClusterMeta, StringMap},
    version::KubeVersion,
};

/// A VolumeAttributesClass: `storage.k8s.io/v1` from Kubernetes 1.34 (GA, on by default),
/// `v1beta1` in 1.31–1.36 and `v1alpha1` in 1.29–1.34 (before 1.34 both are behind the
/// `VolumeAttributesClass` feature gate and an API version the server does not serve by default).
#[derive(Debug, Clone, PartialEq)]
pub struct VolumeAttributesClass {
    /// The API version the document is written with.
    pub api_version: AttributesClassVersion,
    /// Name (DNS-1123 subdomain), labels, annotations.
    pub metadata: ClusterMeta,
    /// The CSI driver that applies the attributes (required; a qualified name once
    /// lower-cased).
    pub driver_name: String,
    /// The attributes, opaque to Kubernetes (at least one).
    pub parameters: StringMap,
}

api_enum! {
    /// The API versions of VolumeAttributesClass.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum AttributesClassVersion("VolumeAttributesClass API version") {
        /// Alpha (Kubernetes 1.29–1.34, the only one of 1.29–1.30).
        V1alpha1 = "storage.k8s.io/v1alpha1",
        /// Beta (Kubernetes 1.31–1.36), not served unless enabled.
        V1beta1 = "storage.k8s.io/v1beta1",
        /// GA, from 1.34.
        V1 = "storage.k8s.io/v1",
    }
}

impl AttributesClassVersion {
    /// The newest version that `target` has: v1 from 1.34, v1beta1 from 1.31, else v1alpha1.
    pub fn for_target(target: KubeVersion) -> Self {
        match target.minor() {
            34.. => AttributesClassVersion::V1,
            31.. => AttributesClassVersion::V1beta1,
            _ => AttributesClassVersion::V1alpha1,
        }
    }

    /// The releases (minor numbers, inclusive) in which the schema has this version.
    pub fn served_in(self) -> (u32, u32) {
        match self {
            AttributesClassVersion::V1alpha1 => (29, 34),
            AttributesClassVersion::V1beta1 => (31, 36),
            AttributesClassVersion::V1 => (34, u32::MAX),
        }
    }
}

impl VolumeAttributesClass {
    /// A class for `driver` with these parameters, written with the version of `target`.
    pub fn new(
        name: impl Into<String>,
        driver: impl Into<String>,
        parameters: StringMap,
        target: KubeVersion,
    ) -> Self {
        VolumeAttributesClass {
            api_version: AttributesClassVersion::for_target(target),
            metadata: ClusterMeta::named(name),
            driver_name: driver.into(),
            parameters,
        }
    }
}

impl Emit for VolumeAttributesClass {
    fn emit(&self, out: &mut dyn Sink) {
        // kubectl prints a VolumeAttributesClass's keys alphabetically.
        out.begin_map();
        out.field("apiVersion", &self.api_version.as_str());
        out.field("driverName", &self.driver_name);
        out.field("kind", &"VolumeAttributesClass");
        out.field("metadata", &self.metadata);
        if !self.parameters.is_empty() {
            out.field("parameters", &self.parameters);
        }
        out.end_map();
    }
}
serde_via_emit!(VolumeAttributesClass);
