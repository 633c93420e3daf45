//! Pods, StatefulSets and Deployments (their pod templates, containers and volumes) as DSL
//! bodies: what goes between the braces of `pod { … }`, `statefulset { … }` and
//! `deployment { … }` inside `manifests!`.

/// How a StatefulSet's governing Service appears in the imported source.
#[allow(dead_code)] // written by the workload printers
pub(super) enum Governing<'a> {
    /// This headless Service of the input: merged into `statefulset { … }` when the Service
    /// kvol generates can say the same (`service_labels`, `service_annotations`,
    /// `service_port`/`service_ports`), else left to be written on its own.
    Input(&'a super::Doc<'a>, &'a kvol_core::model::service::Service),
    /// Declared on its own (in the input but not mergeable, or outside it):
    /// `service_in_set: true`.
    Elsewhere,
}
