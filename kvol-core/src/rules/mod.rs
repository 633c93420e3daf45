//! The API server's validation rules for each object (k8s-rules.md), as [`Validate`] impls.
//!
//! Field paths and messages mirror the API server's, including its path quirks
//! (`spec.resources[storage]` for a claim's request, `volumeMounts.subPath` without an index,
//! `spec.template.labels` for a StatefulSet's template labels, …); checks that only kvol makes
//! use natural paths. Every problem is reported: validation never stops at the first error.
//! Rules that the API server applies only on update (immutability, k8s-rules §13) are not
//! applied: kvol writes fresh manifests.
//!
//! One concept per module:
//!
//! | module | rules |
//! |---|---|
//! | `meta` | names in their object's format, namespaces, labels, annotations (§2, §4) |
//! | `pod` | pod specs: containers, ports, environment, mounts (§6) |
//! | `volume` | pod volume sources, file modes, item paths, the mount cascade (§5) |
//! | `claim` | claim specs of PVCs, claim templates and ephemeral volumes (§8) |
//! | `pv` | PersistentVolumes (§7) |
//! | `storage_class` | StorageClasses (§9) |
//! | `service` | headless Services (§10) |
//! | `statefulset` | StatefulSets and their Service (§11) |
//! | `config` | ConfigMaps and Secrets (§19) |
//! | `deployment` | Deployments (§20) |
//! | `daemonset` | DaemonSets (§25) |
//! | `pdb` | PodDisruptionBudgets (§21) |
//! | `snapshot` | VolumeSnapshotClasses, VolumeSnapshots (§22), VolumeAttributesClasses (§23) |
//! | `selector` | label selectors, node selectors, topology terms |
//! | `warnings` | every warning (§14, §15) |
//! | `set` | a [`Manifests`](crate::Manifests) set as a whole: duplicates, claim references, classes, binding |
//! | [`binding`] | the PV controller's binding algorithm, simulated (used by `set`) |
//!
//! and the machinery they share: [`validate`] (the [`Validate`] trait, [`Checker`],
//! [`Valid`](validate::Valid)) and [`report`] (field paths, errors, warnings).
//!
//! ```
//! use kvol_core::{Validate, meta::ObjectMeta, pvc::{PersistentVolumeClaim, PvcSpec}};
//! use kvol_core::access::{AccessMode, AccessModes};
//!
//! let claim = PersistentVolumeClaim {
//!     metadata: ObjectMeta::named("Data"),
//!     spec: PvcSpec::new(AccessModes::from(AccessMode::ReadWriteOnce), "0".parse()?),
//! };
//! let report = claim.check();
//! assert_eq!(report.errors.len(), 2);
//! assert_eq!(
//!     report.errors[1].to_string(),
//!     "spec.resources[storage]: Invalid value: \"0\": must be greater than zero",
//! );
//! # Ok::<(), kvol_core::QuantityError>(())
//! ```

pub mod binding;
mod claim;
mod common;
mod config;
mod container;
mod daemonset;
mod deployment;
mod extra;
pub(crate) mod help;
pub mod ids;
mod meta;
mod pdb;
mod pod;
mod pod_settings;
mod pv;
pub mod report;
mod selector;
mod service;
mod set;
mod snapshot;
mod statefulset;
mod storage_class;
pub mod validate;
mod volume;
mod warnings;

#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod tests;

use crate::{
    attributes_class::VolumeAttributesClass,
    config::{ConfigMap, Secret},
    daemonset::DaemonSet,
    deployment::Deployment,
    object::Object,
    pdb::PodDisruptionBudget,
    pod::Pod,
    pv::PersistentVolume,
    pvc::PersistentVolumeClaim,
    report::FieldPath,
    service::Service,
    snapshot::{VolumeSnapshot, VolumeSnapshotClass},
    statefulset::StatefulSet,
    storage_class::StorageClass,
    validate::{Checker, Validate},
};

impl Validate for Pod {
    /// A Pod: metadata (name a DNS-1123 subdomain), volumes, containers and mounts.
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        pod::validate_pod(checker, self, path);
    }
}

impl Validate for PersistentVolume {
    /// A PersistentVolume: capacity, access modes, node affinity, its source, reclaim policy.
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        pv::validate_pv(checker, self, path);
    }
}

impl Validate for PersistentVolumeClaim {
    /// A PersistentVolumeClaim: access modes, storage request, class, selector, data sources.
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        claim::validate_pvc(checker, self, path);
    }
}

impl Validate for StorageClass {
    /// A StorageClass: provisioner, parameters, reclaim policy, allowed topologies.
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        storage_class::validate_storage_class(checker, self, path);
    }
}

impl Validate for Service {
    /// A headless Service: name (DNS-1035 label), ports, selector.
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        service::validate_service(checker, self, path);
    }
}

impl Validate for StatefulSet {
    /// A StatefulSet with its headless Service (whose problems are reported under `service.`).
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        statefulset::validate_statefulset(checker, self, path);
    }
}

impl Validate for ConfigMap {
    /// A ConfigMap: name, key names, a key in both maps, the 1 MiB total.
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        config::validate_config_map(checker, self, path);
    }
}

impl Validate for Secret {
    /// A Secret: name, key names, the 1 MiB total, the keys its type requires.
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        config::validate_secret(checker, self, path);
    }
}

impl Validate for Deployment {
    /// A Deployment: selector and template, strategy, counts and deadlines.
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        deployment::validate_deployment(checker, self, path);
    }
}

impl Validate for DaemonSet {
    /// A DaemonSet: selector and template, update strategy, counts.
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        daemonset::validate_daemonset(checker, self, path);
    }
}

impl Validate for PodDisruptionBudget {
    /// A PodDisruptionBudget: the budget and the selector.
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        pdb::validate_pdb(checker, self, path);
    }
}

impl Validate for VolumeSnapshotClass {
    /// A VolumeSnapshotClass: name and driver.
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        snapshot::validate_snapshot_class(checker, self, path);
    }
}

impl Validate for VolumeSnapshot {
    /// A VolumeSnapshot: its source and class name.
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        snapshot::validate_snapshot(checker, self, path);
    }
}

impl Validate for VolumeAttributesClass {
    /// A VolumeAttributesClass: API version for the target, driver, parameters.
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        snapshot::validate_attributes_class(checker, self, path);
    }
}

/// An object validates with the rules of its kind.
impl Validate for Object {
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        match self {
            Object::Pod(o) => o.validate(path, checker),
            Object::PersistentVolume(o) => o.validate(path, checker),
            Object::PersistentVolumeClaim(o) => o.validate(path, checker),
            Object::StorageClass(o) => o.validate(path, checker),
            Object::Service(o) => o.validate(path, checker),
            Object::StatefulSet(o) => o.validate(path, checker),
            Object::ConfigMap(o) => o.validate(path, checker),
            Object::Secret(o) => o.validate(path, checker),
            Object::Deployment(o) => o.validate(path, checker),
            Object::DaemonSet(o) => o.validate(path, checker),
            Object::PodDisruptionBudget(o) => o.validate(path, checker),
            Object::VolumeSnapshotClass(o) => o.validate(path, checker),
            Object::VolumeSnapshot(o) => o.validate(path, checker),
            Object::VolumeAttributesClass(o) => o.validate(path, checker),
        }
    }
}
