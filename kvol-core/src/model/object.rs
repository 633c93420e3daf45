//! [`Object`]: any one of the objects kvol writes, for sets of manifests.

use crate::{
    pod::Pod, pv::PersistentVolume, pvc::PersistentVolumeClaim, service::Service,
    statefulset::StatefulSet, storage_class::StorageClass,
};
use serde_core::{Serialize, Serializer};

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
        }
    }
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Document::Pod(o) => o.serialize(s),
            Document::PersistentVolume(o) => o.serialize(s),
            Document::PersistentVolumeClaim(o) => o.serialize(s),
            Document::StorageClass(o) => o.serialize(s),
            Document::Service(o) => o.serialize(s),
            Document::StatefulSet(o) => o.serialize(s),
        }
    }
}

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
    StatefulSet => StatefulSet
);
