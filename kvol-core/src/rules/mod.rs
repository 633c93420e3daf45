//! The API server's validation rules for each object (k8s-rules.md), as [`Validate`] impls.
//!
//! PLACEHOLDER: filled in by the validation work item.

use crate::{
    pod::Pod,
    pv::PersistentVolume,
    pvc::PersistentVolumeClaim,
    report::FieldPath,
    service::Service,
    statefulset::StatefulSet,
    storage_class::StorageClass,
    validate::{Checker, Validate},
};

macro_rules! todo_rules {
    ($($ty:ty),*) => {$(
        impl Validate for $ty {
            fn validate(&self, _path: &FieldPath, _checker: &mut Checker) {}
        }
    )*};
}
todo_rules!(
    Pod,
    PersistentVolume,
    PersistentVolumeClaim,
    StorageClass,
    Service,
    StatefulSet
);
