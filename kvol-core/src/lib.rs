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

// The render layer first: it defines the `Serialize` impl macros the model uses.
#[macro_use]
pub mod render;

pub mod builder;
pub mod manifests;
pub mod model;
#[cfg(feature = "k8s-openapi")]
pub mod openapi;
#[cfg(feature = "build-script")]
pub mod output;
pub mod rules;
pub mod suggest;
pub mod values;

// The modules' paths from before the layered layout (`kvol_core::pod::Container`,
// `kvol_core::quantity::Quantity`, …), kept for users, macro expansions and docs.
pub use model::{
    access, legacy, meta, object, pod, pv, pvc, selector, service, statefulset, storage_class,
    volume,
};
pub use render::{json, yaml};
pub use rules::{binding, report, validate};
pub use values::{names, positive_quantity, quantity, version};

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
pub use report::{FieldError, FieldPath, Report, Warning};
pub use service::Service;
pub use statefulset::StatefulSet;
pub use storage_class::StorageClass;
pub use validate::{Checker, Valid, Validate};
pub use version::KubeVersion;
pub use volume::{Volume, VolumeSource};
