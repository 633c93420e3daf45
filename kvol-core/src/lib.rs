//! # kvol-core
//!
//! The typed Kubernetes storage model behind [kvol](https://docs.rs/kvol): Pods and their
//! volumes, PersistentVolumes, PersistentVolumeClaims, StorageClasses, headless Services and
//! StatefulSets; the API server's validation rules; cross-object checks (including the PV
//! controller's binding algorithm); and YAML rendering that Kubernetes reads exactly as written.
//!
//! Most users depend on the `kvol` facade crate instead, which re-exports everything here
//! together with the macros.
#![forbid(unsafe_code)]

#[macro_use]
mod ser_macros;

pub mod access;
pub mod binding;
pub mod builder;
pub mod json;
pub mod legacy;
pub mod manifests;
pub mod meta;
pub mod names;
pub mod object;
#[cfg(feature = "k8s-openapi")]
pub mod openapi;
#[cfg(feature = "build-script")]
pub mod output;
pub mod pod;
pub mod positive_quantity;
pub mod pv;
pub mod pvc;
pub mod quantity;
pub mod render;
pub mod report;
pub mod rules;
pub mod selector;
pub mod service;
pub mod statefulset;
pub mod storage_class;
pub mod validate;
pub mod version;
pub mod volume;
pub mod yaml;

pub use access::{AccessMode, AccessModes, ReclaimPolicy, VolumeMode};
pub use builder::{
    ContainerBuilder, IntoQuantity, PodBuilder, PvBuilder, PvcBuilder, PvcTemplateBuilder,
    QuantityInputError, SourceInput, StatefulSetBuilder, StorageClassBuilder,
};
pub use manifests::Manifests;
pub use names::NameError;
pub use object::{Document, Object};
pub use pod::{Container, ContainerPort, Pod, PodSpec, PodTemplate, Protocol, VolumeMount};
pub use positive_quantity::PositiveQuantity;
pub use pv::{PersistentVolume, PvSource, PvSpec};
pub use pvc::{ClassRef, PersistentVolumeClaim, PvcSpec, PvcTemplate};
pub use quantity::{Quantity, QuantityError};
pub use report::{FieldError, FieldPath, Report, RuleId, Segment, Segments, Warning, WarningCode};
pub use service::Service;
pub use statefulset::StatefulSet;
pub use storage_class::StorageClass;
pub use validate::{Checker, Valid, Validate};
pub use version::KubeVersion;
pub use volume::{Volume, VolumeSource};
