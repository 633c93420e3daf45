//! Stand-ins for the workload printers of `workloads.rs` (Pod, Deployment, StatefulSet),
//! written in parallel: until they are merged, such documents are refused with
//! [`super::PENDING`]. At the merge: `use workloads as workload_printers;` in `mod.rs` instead
//! of `use workloads_pending as workload_printers;`, and this file goes away.

use super::{Doc, ImportError, PENDING, source::Body, workloads::Governing};
use kvol_core::{daemonset::DaemonSet, deployment::Deployment, pod::Pod, statefulset::StatefulSet};

/// The body of `pod { … }`.
pub(super) fn pod(doc: &Doc, _pod: &Pod) -> Result<Body, ImportError> {
    Err(doc.error("", PENDING))
}

/// The body of `deployment { … }`.
pub(super) fn deployment(doc: &Doc, _d: &Deployment) -> Result<Body, ImportError> {
    Err(doc.error("", PENDING))
}

/// The body of `daemonset { … }`.
pub(super) fn daemonset(doc: &Doc, _d: &DaemonSet) -> Result<Body, ImportError> {
    Err(doc.error("", PENDING))
}

/// The body of `statefulset { … }`, and whether the governing Service was merged into it.
pub(super) fn statefulset(
    doc: &Doc,
    _set: &StatefulSet,
    _governing: Governing,
) -> Result<(Body, bool), ImportError> {
    Err(doc.error("", PENDING))
}
