//! # kvol-core
//!
//! The typed Kubernetes storage model behind [kvol](https://docs.rs/kvol): Pods and their
//! volumes, PersistentVolumes, PersistentVolumeClaims, StorageClasses, headless Services,
//! StatefulSets, Deployments, DaemonSets, PodDisruptionBudgets, ConfigMaps, Secrets, VolumeSnapshotClasses,
//! VolumeSnapshots and VolumeAttributesClasses; the API server's validation rules; cross-object checks (including the PV
//! controller's binding algorithm); and YAML rendering that Kubernetes reads exactly as written.
//!
//! Most users depend on the `kvol` facade crate instead, which re-exports everything here
//! together with the macros.
//!
//! # Layout
//!
//! The modules are layered; each depends only on the layers above it in this list:
//!
//! | layer | modules | what |
//! |---|---|---|
//! | [`values`] | `quantity`, `positive_quantity`, `names`, `version` | values with a grammar of their own |
//! | [`model`] | `access`, `meta`, `object`, `pod`, `container`, `probe`, `resources`, `security`, `scheduling`, `pv`, `pvc`, `selector`, `service`, `statefulset`, `storage_class`, `volume`, `legacy`, `api_enum`, and the second release's `config` (ConfigMap, Secret), `deployment`, `daemonset`, `pdb`, `snapshot` (the CSI snapshot CRDs), `attributes_class` | the objects, as plain data |
//! | [`rules`] | `validate`, `report`, the per-object rules, `set` (cross-object), `binding` | the API server's validation, the PV controller's binding |
//! | [`render`] | `emit`, `yaml`, `json` | output Kubernetes reads as written |
//! | [`manifests`] | [`Manifests`] | an ordered set of objects validated as a whole |
//! | [`builder`] | the builders and their entry points (`Pod::builder()`, …) | the library API |
//! | `openapi`, `output` | k8s-openapi conversions, writing a folder | interop (behind features) |
//!
//! and [`suggest`], the "did you mean" that the rules and the `kvol` macros share; [`tree`], a
//! decoded document as the YAML reader gives it; [`schema`], the Kubernetes OpenAPI schema of
//! the kinds kvol reads (1.30 to 1.37), the API server's strict decoding over a [`tree::Tree`],
//! and the escape hatch's values ([`schema::Value`], [`schema::Extras`]) that the model carries.
//!
//! Every module keeps the path it had before the layers (`kvol_core::pod::Container`,
//! `kvol_core::quantity::Quantity`, `kvol_core::binding::Simulation`, `kvol_core::yaml`, …):
//! the root re-exports [`model`]'s, [`values`]', [`render`]'s and [`rules`]' public modules
//! under their old names, and both paths name the same items.
//!
//! ```
//! assert_eq!(
//!     std::any::type_name::<kvol_core::pod::Container>(),
//!     std::any::type_name::<kvol_core::model::pod::Container>(),
//! );
//! let q: kvol_core::quantity::Quantity = "1Gi".parse()?;
//! let same: kvol_core::values::quantity::Quantity = q.clone();
//! assert_eq!(q, same);
//! # Ok::<(), kvol_core::QuantityError>(())
//! ```
#![forbid(unsafe_code)]

// The render layer first: it defines the `Emit` (and `serde::Serialize`) impl macros the model uses.
#[macro_use]
pub mod render;

// Model decoding next: `emit_struct!` derives `Decode` impls with its `decode_struct!`.
// Only with the `decode` feature (kvol-read, `kvol check`/`kvol import`): a program that writes
// manifests never reads YAML into the model, and the impls are about a tenth of kvol-core's
// generated code (BENCHMARKS.md, compile cost).
#[cfg(feature = "decode")]
#[macro_use]
pub mod decode;
#[cfg(not(feature = "decode"))]
macro_rules! decode_struct {
    ($($declaration:tt)*) => {};
}

pub mod builder;
pub mod manifests;
pub mod model;
#[cfg(feature = "k8s-openapi")]
pub mod openapi;
#[cfg(feature = "build-script")]
pub mod output;
pub mod rules;
pub mod schema;
pub mod suggest;
pub mod tree;
pub mod values;

// The modules' paths from before the layered layout (`kvol_core::pod::Container`,
// `kvol_core::quantity::Quantity`, …), kept for users, macro expansions and docs.
#[doc(no_inline)]
pub use model::{
    access, attributes_class, config, container, daemonset, deployment, legacy, meta, object, pdb,
    pod, probe, pv, pvc, resources, scheduling, security, selector, service, snapshot, statefulset,
    storage_class, volume,
};
#[doc(no_inline)]
pub use render::{json, yaml};
#[doc(no_inline)]
pub use rules::{binding, report, validate};
#[doc(no_inline)]
pub use values::{names, positive_quantity, quantity, version};

pub use access::{AccessMode, AccessModes, ReclaimPolicy, VolumeMode};
pub use attributes_class::VolumeAttributesClass;
pub use builder::{
    AttributesClassBuilder, ConfigMapBuilder, ContainerBuilder, DaemonSetBuilder,
    DeploymentBuilder, IntoQuantity, PdbBuilder, PodBuilder, PvBuilder, PvcBuilder,
    PvcTemplateBuilder, QuantityInputError, SecretBuilder, ServiceBuilder, SnapshotBuilder,
    SnapshotClassBuilder, SourceInput, StatefulSetBuilder, StorageClassBuilder,
};
pub use config::{ConfigMap, Secret};
pub use daemonset::DaemonSet;
pub use deployment::Deployment;
pub use manifests::Manifests;
pub use names::NameError;
pub use object::{Document, Object};
pub use pdb::PodDisruptionBudget;
pub use pod::{Container, ContainerPort, Pod, PodSpec, PodTemplate, Protocol, VolumeMount};
pub use positive_quantity::PositiveQuantity;
pub use pv::{PersistentVolume, PvSource, PvSpec};
pub use pvc::{ClassRef, PersistentVolumeClaim, PvcSpec, PvcTemplate};
pub use quantity::{Quantity, QuantityError};
pub use report::{
    FieldError, FieldPath, Report, RuleId, Segment, Segments, Source, Warning, WarningCode,
};
pub use service::Service;
pub use snapshot::{VolumeSnapshot, VolumeSnapshotClass};
pub use statefulset::StatefulSet;
pub use storage_class::StorageClass;
pub use validate::{Checker, Valid, Validate};
pub use version::KubeVersion;
pub use volume::{Volume, VolumeSource};
