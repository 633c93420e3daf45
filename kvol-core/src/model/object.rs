//! [`Object`]: any one of the objects kvol writes, for sets of manifests.

use crate::render::{Emit, Sink};
use crate::{
    attributes_class::VolumeAttributesClass,
    config::{ConfigMap, Secret},
    daemonset::DaemonSet,
    deployment::Deployment,
    pdb::PodDisruptionBudget,
    pod::Pod,
    pv::PersistentVolume,
    pvc::PersistentVolumeClaim,
    service::Service,
    snapshot::{VolumeSnapshot, VolumeSnapshotClass},
    statefulset::StatefulSet,
    storage_class::StorageClass,
};

/// One object of a set of manifests.
#[derive(Debug, Clone, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "a set holds few objects, each built once; boxing the StatefulSet would change the public shape"
)]
pub enum Object {
    /// A Pod.
    Pod(Pod),
    /// A PersistentVolume.
    PersistentVolume(PersistentVolume),
    /// A PersistentVolumeClaim.
    PersistentVolumeClaim(PersistentVolumeClaim),
    /// A StorageClass.
    StorageClass(StorageClass),
    /// A Service on its own (a client Service, or a headless Service without a StatefulSet).
    Service(Service),
    /// A StatefulSet (rendered with its headless Service).
    StatefulSet(StatefulSet),
    /// A ConfigMap.
    ConfigMap(ConfigMap),
    /// A Secret.
    Secret(Secret),
    /// A Deployment.
    Deployment(Deployment),
    /// A DaemonSet.
    DaemonSet(DaemonSet),
    /// A PodDisruptionBudget.
    PodDisruptionBudget(PodDisruptionBudget),
    /// A VolumeSnapshotClass (cluster-scoped).
    VolumeSnapshotClass(VolumeSnapshotClass),
    /// A VolumeSnapshot.
    VolumeSnapshot(VolumeSnapshot),
    /// A VolumeAttributesClass (cluster-scoped).
    VolumeAttributesClass(VolumeAttributesClass),
}

impl Object {
    /// The object's kind, e.g. `PersistentVolumeClaim`.
    pub fn kind(&self) -> &'static str {
        match self {
            Object::Pod(_) => "Pod",
            Object::PersistentVolume(_) => "PersistentVolume",
            Object::PersistentVolumeClaim(_) => "PersistentVolumeClaim",
            Object::StorageClass(_) => "StorageClass",
            Object::Service(_) => "Service",
            Object::StatefulSet(_) => "StatefulSet",
            Object::ConfigMap(_) => "ConfigMap",
            Object::Secret(_) => "Secret",
            Object::Deployment(_) => "Deployment",
            Object::DaemonSet(_) => "DaemonSet",
            Object::PodDisruptionBudget(_) => "PodDisruptionBudget",
            Object::VolumeSnapshotClass(_) => "VolumeSnapshotClass",
            Object::VolumeSnapshot(_) => "VolumeSnapshot",
            Object::VolumeAttributesClass(_) => "VolumeAttributesClass",
        }
    }

    /// The object's name.
    pub fn name(&self) -> &str {
        match self {
            Object::Pod(o) => &o.metadata.name,
            Object::PersistentVolume(o) => &o.metadata.name,
            Object::PersistentVolumeClaim(o) => &o.metadata.name,
            Object::StorageClass(o) => &o.metadata.name,
            Object::Service(o) => &o.metadata.name,
            Object::StatefulSet(o) => &o.metadata.name,
            Object::ConfigMap(o) => &o.metadata.name,
            Object::Secret(o) => &o.metadata.name,
            Object::Deployment(o) => &o.metadata.name,
            Object::DaemonSet(o) => &o.metadata.name,
            Object::PodDisruptionBudget(o) => &o.metadata.name,
            Object::VolumeSnapshotClass(o) => &o.metadata.name,
            Object::VolumeSnapshot(o) => &o.metadata.name,
            Object::VolumeAttributesClass(o) => &o.metadata.name,
        }
    }

    /// The documents this object renders as (a StatefulSet renders its Service first).
    pub fn documents(&self) -> impl Iterator<Item = Document<'_>> {
        let (first, second) = match self {
            Object::Pod(o) => (Document::Pod(o), None),
            Object::PersistentVolume(o) => (Document::PersistentVolume(o), None),
            Object::PersistentVolumeClaim(o) => (Document::PersistentVolumeClaim(o), None),
            Object::StorageClass(o) => (Document::StorageClass(o), None),
            Object::Service(o) => (Document::Service(o), None),
            Object::StatefulSet(o) if o.service_in_set => (Document::StatefulSet(o), None),
            Object::StatefulSet(o) => (
                Document::Service(&o.service),
                Some(Document::StatefulSet(o)),
            ),
            Object::ConfigMap(o) => (Document::ConfigMap(o), None),
            Object::Secret(o) => (Document::Secret(o), None),
            Object::Deployment(o) => (Document::Deployment(o), None),
            Object::DaemonSet(o) => (Document::DaemonSet(o), None),
            Object::PodDisruptionBudget(o) => (Document::PodDisruptionBudget(o), None),
            Object::VolumeSnapshotClass(o) => (Document::VolumeSnapshotClass(o), None),
            Object::VolumeSnapshot(o) => (Document::VolumeSnapshot(o), None),
            Object::VolumeAttributesClass(o) => (Document::VolumeAttributesClass(o), None),
        };
        std::iter::once(first).chain(second)
    }
}

/// One YAML document: a borrowed object of any kind.
#[derive(Debug, Clone, Copy)]
pub enum Document<'a> {
    /// A Pod.
    Pod(&'a Pod),
    /// A PersistentVolume.
    PersistentVolume(&'a PersistentVolume),
    /// A PersistentVolumeClaim.
    PersistentVolumeClaim(&'a PersistentVolumeClaim),
    /// A StorageClass.
    StorageClass(&'a StorageClass),
    /// A Service.
    Service(&'a Service),
    /// A StatefulSet document alone.
    StatefulSet(&'a StatefulSet),
    /// A ConfigMap.
    ConfigMap(&'a ConfigMap),
    /// A Secret.
    Secret(&'a Secret),
    /// A Deployment.
    Deployment(&'a Deployment),
    /// A DaemonSet.
    DaemonSet(&'a DaemonSet),
    /// A PodDisruptionBudget.
    PodDisruptionBudget(&'a PodDisruptionBudget),
    /// A VolumeSnapshotClass (cluster-scoped).
    VolumeSnapshotClass(&'a VolumeSnapshotClass),
    /// A VolumeSnapshot.
    VolumeSnapshot(&'a VolumeSnapshot),
    /// A VolumeAttributesClass (cluster-scoped).
    VolumeAttributesClass(&'a VolumeAttributesClass),
}

impl Document<'_> {
    /// The document's kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Document::Pod(_) => "Pod",
            Document::PersistentVolume(_) => "PersistentVolume",
            Document::PersistentVolumeClaim(_) => "PersistentVolumeClaim",
            Document::StorageClass(_) => "StorageClass",
            Document::Service(_) => "Service",
            Document::StatefulSet(_) => "StatefulSet",
            Document::ConfigMap(_) => "ConfigMap",
            Document::Secret(_) => "Secret",
            Document::Deployment(_) => "Deployment",
            Document::DaemonSet(_) => "DaemonSet",
            Document::PodDisruptionBudget(_) => "PodDisruptionBudget",
            Document::VolumeSnapshotClass(_) => "VolumeSnapshotClass",
            Document::VolumeSnapshot(_) => "VolumeSnapshot",
            Document::VolumeAttributesClass(_) => "VolumeAttributesClass",
        }
    }
    /// The document's object name.
    pub fn name(&self) -> &str {
        match self {
            Document::Pod(o) => &o.metadata.name,
            Document::PersistentVolume(o) => &o.metadata.name,
            Document::PersistentVolumeClaim(o) => &o.metadata.name,
            Document::StorageClass(o) => &o.metadata.name,
            Document::Service(o) => &o.metadata.name,
            Document::StatefulSet(o) => &o.metadata.name,
            Document::ConfigMap(o) => &o.metadata.name,
            Document::Secret(o) => &o.metadata.name,
            Document::Deployment(o) => &o.metadata.name,
            Document::DaemonSet(o) => &o.metadata.name,
            Document::PodDisruptionBudget(o) => &o.metadata.name,
            Document::VolumeSnapshotClass(o) => &o.metadata.name,
            Document::VolumeSnapshot(o) => &o.metadata.name,
            Document::VolumeAttributesClass(o) => &o.metadata.name,
        }
    }
}

impl<'a> Document<'a> {
    /// The namespace field of a namespaced document (`Some(None)` when unset), `None` for a
    /// cluster-scoped kind.
    pub fn namespace_field(&self) -> Option<&'a Option<String>> {
        match *self {
            Document::Pod(o) => Some(&o.metadata.namespace),
            Document::PersistentVolumeClaim(o) => Some(&o.metadata.namespace),
            Document::Service(o) => Some(&o.metadata.namespace),
            Document::StatefulSet(o) => Some(&o.metadata.namespace),
            Document::ConfigMap(o) => Some(&o.metadata.namespace),
            Document::Secret(o) => Some(&o.metadata.namespace),
            Document::Deployment(o) => Some(&o.metadata.namespace),
            Document::DaemonSet(o) => Some(&o.metadata.namespace),
            Document::PodDisruptionBudget(o) => Some(&o.metadata.namespace),
            Document::VolumeSnapshot(o) => Some(&o.metadata.namespace),
            Document::PersistentVolume(_)
            | Document::StorageClass(_)
            | Document::VolumeSnapshotClass(_)
            | Document::VolumeAttributesClass(_) => None,
        }
    }
}

impl Object {
    /// The namespace field of a namespaced object (`Some(None)` when unset), `None` for a
    /// cluster-scoped kind.
    pub fn namespace_field(&self) -> Option<&Option<String>> {
        match self {
            Object::StatefulSet(o) => Some(&o.metadata.namespace),
            other => other.documents().next().and_then(|d| d.namespace_field()),
        }
    }
}

impl Emit for Document<'_> {
    fn emit(&self, out: &mut dyn Sink) {
        match self {
            Document::Pod(o) => o.emit(out),
            Document::PersistentVolume(o) => o.emit(out),
            Document::PersistentVolumeClaim(o) => o.emit(out),
            Document::StorageClass(o) => o.emit(out),
            Document::Service(o) => o.emit(out),
            Document::StatefulSet(o) => o.emit(out),
            Document::ConfigMap(o) => o.emit(out),
            Document::Secret(o) => o.emit(out),
            Document::Deployment(o) => o.emit(out),
            Document::DaemonSet(o) => o.emit(out),
            Document::PodDisruptionBudget(o) => o.emit(out),
            Document::VolumeSnapshotClass(o) => o.emit(out),
            Document::VolumeSnapshot(o) => o.emit(out),
            Document::VolumeAttributesClass(o) => o.emit(out),
        }
    }
}
serde_via_emit!(Document<'a>);

macro_rules! object_from {
    ($($ty:ident => $variant:ident),*) => {$(
        impl From<$ty> for Object {
            fn from(o: $ty) -> Self {
                Object::$variant(o)
            }
        }
    )*};
}
object_from!(
    Pod => Pod,
    PersistentVolume => PersistentVolume,
    PersistentVolumeClaim => PersistentVolumeClaim,
    StorageClass => StorageClass,
    Service => Service,
    StatefulSet => StatefulSet,
    ConfigMap => ConfigMap,
    Secret => Secret,
    Deployment => Deployment,
    DaemonSet => DaemonSet,
    PodDisruptionBudget => PodDisruptionBudget,
    VolumeSnapshotClass => VolumeSnapshotClass,
    VolumeSnapshot => VolumeSnapshot,
    VolumeAttributesClass => VolumeAttributesClass
);
