//! No two documents of the same kind, namespace and name (a StatefulSet's headless Service
//! counts; an identical separate Service only draws a warning).

use super::{Cross, Gathered};
use crate::{
    object::{Document, Object},
    report::{ErrorKind, FieldError, quote},
    service::Service,
};
use crate::{report::WarningCode, rules::ids};
use std::collections::hash_map::Entry;

impl<'a> Cross<'a> {
    /// Object `i` against the objects before it (same kind, namespace and name).
    pub(super) fn check_duplicates(&self, g: &mut Gathered<'a>, i: usize, object: &'a Object) {
        let (seen, checker) = (&mut g.seen, &mut g.duplicates);
        {
            for document in object.documents() {
                let embedded = matches!(
                    (object, document),
                    (Object::StatefulSet(_), Document::Service(_))
                );
                let namespace = document.namespace_field().map(|ns| self.ns(ns));
                // The kind as a small number, cheaper to hash than its name.
                let key = (kind_number(document), namespace, document_name(document));
                let (j, embedded_j) = match seen.entry(key) {
                    Entry::Vacant(e) => {
                        e.insert((i, embedded));
                        continue;
                    }
                    Entry::Occupied(e) => *e.get(),
                };
                let path = if embedded {
                    self.path(i).child("spec").child("serviceName")
                } else {
                    self.path(i).child("metadata").child("name")
                };
                if embedded || embedded_j {
                    let (Some(a), Some(b)) = (service_of(&self.m.objects[j]), service_of(object))
                    else {
                        continue;
                    };
                    let owner = |k: usize, emb: bool| {
                        if emb {
                            format!(
                                "the headless Service of StatefulSet {} (objects[{k}])",
                                quote(self.m.objects[k].name())
                            )
                        } else {
                            format!("the Service of objects[{k}]")
                        }
                    };
                    let differences = service_differences(a, b);
                    if differences.is_empty() {
                        checker.warn_in(
                            i,
                            WarningCode::DuplicateService,
                            path,
                            format!(
                                "Service {} is the same as {}, so it is written twice; keep one",
                                quote(b.metadata.name.as_str()),
                                owner(j, embedded_j)
                            ),
                        );
                    } else {
                        checker.error_in(
                            i,
                            FieldError::new(
                                ids::S11_2_KVOL_SERVICE_CONFLICT,
                                path,
                                ErrorKind::Duplicate,
                                Some(quote(&b.metadata.name)),
                                format!(
                                    "conflicts with {}: {} differ",
                                    owner(j, embedded_j),
                                    differences.join(", ")
                                ),
                            ),
                        );
                    }
                } else {
                    checker.error_in(
                        i,
                        FieldError::new(
                            ids::S4_KVOL_OBJECT_UNIQUE,
                            path,
                            ErrorKind::Duplicate,
                            Some(quote(document.name())),
                            format!("objects[{j}] has the same kind, namespace and name"),
                        ),
                    );
                }
            }
        }
    }
}

/// A number for each kind of document.
pub(super) fn kind_number(document: Document<'_>) -> u8 {
    match document {
        Document::Pod(_) => 0,
        Document::PersistentVolume(_) => 1,
        Document::PersistentVolumeClaim(_) => 2,
        Document::StorageClass(_) => 3,
        Document::Service(_) => 4,
        Document::StatefulSet(_) => 5,
        Document::ConfigMap(_) => 6,
        Document::Secret(_) => 7,
        Document::Deployment(_) => 8,
        Document::DaemonSet(_) => 13,
        Document::PodDisruptionBudget(_) => 9,
        Document::VolumeSnapshotClass(_) => 10,
        Document::VolumeSnapshot(_) => 11,
        Document::VolumeAttributesClass(_) => 12,
    }
}

/// The name of a document, borrowed for as long as the object.
pub(super) fn document_name(document: Document<'_>) -> &str {
    match document {
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

pub(super) fn service_of(object: &Object) -> Option<&Service> {
    match object {
        Object::Service(s) => Some(s),
        Object::StatefulSet(s) => Some(&s.service),
        _ => None,
    }
}

pub(super) fn service_differences(a: &Service, b: &Service) -> Vec<&'static str> {
    let mut out = Vec::new();
    if a.metadata.labels != b.metadata.labels {
        out.push("labels");
    }
    if a.metadata.annotations != b.metadata.annotations {
        out.push("annotations");
    }
    if a.spec.selector != b.spec.selector {
        out.push("selector");
    }
    if a.spec.ports != b.spec.ports {
        out.push("ports");
    }
    if a.spec.publish_not_ready_addresses != b.spec.publish_not_ready_addresses {
        out.push("publishNotReadyAddresses");
    }
    out
}
