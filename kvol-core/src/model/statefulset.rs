//! StatefulSets, which kvol always pairs with their headless Service.

use crate::render::{Emit, Sink};
use crate::{
    meta::ObjectMeta, pod::PodTemplate, pvc::PvcTemplate, selector::LabelSelector, service::Service,
};

/// A StatefulSet (`apps/v1`) together with the headless Service that governs it.
///
/// kvol never lets the two drift apart: the Service has the name `spec.service_name`,
/// `clusterIP: None`, the pods' labels as its selector, and a port per exposed named container
/// port. Rendering a `StatefulSet` writes both documents, the Service first.
#[derive(Debug, Clone, PartialEq)]
pub struct StatefulSet {
    /// Name (DNS-1123 label), namespace, labels, annotations.
    pub metadata: ObjectMeta,
    /// Replicas, selector, pod template, claim templates, policies.
    pub spec: StatefulSetSpec,
    /// The governing headless Service, rendered before the StatefulSet unless
    /// `service_in_set` is true.
    pub service: Service,
    /// True when the governing Service is declared separately, as a Service object of the same
    /// set of manifests: `service` then only describes the Service kvol would have written and
    /// is neither rendered nor checked, and the set must hold a headless Service named
    /// `spec.service_name` that selects the pods.
    pub service_in_set: bool,
}

/// The spec of a StatefulSet.
#[derive(Debug, Clone, PartialEq)]
pub struct StatefulSetSpec {
    /// Seconds a new pod must be ready before it counts as available.
    pub min_ready_seconds: Option<i32>,
    /// The first ordinal (pods are `<name>-<start>`, …).
    pub ordinals_start: Option<i32>,
    /// What happens to the claims when the set is deleted or scaled down.
    pub retention: Option<RetentionPolicy>,
    /// OrderedReady (default) or Parallel.
    pub pod_management_policy: Option<PodManagementPolicy>,
    /// Number of pods (default 1).
    pub replicas: Option<i32>,
    /// Old revisions kept for rollback (default 10).
    pub revision_history_limit: Option<i32>,
    /// Selects the pods; always equal to the template's labels when built by kvol.
    pub selector: LabelSelector,
    /// The governing Service's name.
    pub service_name: String,
    /// The pods.
    pub template: PodTemplate,
    /// How pods are replaced when the template changes.
    pub update_strategy: Option<UpdateStrategy>,
    /// One claim per pod per template; mounts may name them like volumes.
    pub volume_claim_templates: Vec<PvcTemplate>,
    /// StatefulSet spec fields kvol does not model (the escape hatch), written after the
    /// others.
    pub extra: crate::schema::Extras,
}

impl StatefulSetSpec {
    /// The JSON names of the fields kvol models here (the escape hatch refuses them).
    pub(crate) const MODELLED_FIELDS: &'static [&'static str] = &[
        "minReadySeconds",
        "ordinals",
        "persistentVolumeClaimRetentionPolicy",
        "podManagementPolicy",
        "replicas",
        "revisionHistoryLimit",
        "selector",
        "serviceName",
        "template",
        "updateStrategy",
        "volumeClaimTemplates",
    ];
}

api_enum! {
    /// Whether pods start one by one or all at once.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum PodManagementPolicy("pod management policy") {
        /// One at a time, each waiting for the previous to be ready (the default).
        OrderedReady = "OrderedReady",
        /// All at once.
        Parallel = "Parallel",
    }
}

/// How a StatefulSet replaces its pods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpdateStrategy {
    /// Replace pods from the highest ordinal down.
    RollingUpdate {
        /// Only ordinals ≥ partition are updated.
        partition: Option<i32>,
        /// Pods that may be unavailable at once: a count or a percentage.
        max_unavailable: Option<IntOrPercent>,
    },
    /// Replace a pod only when it is deleted by hand.
    OnDelete,
}

/// A count or a percentage (`maxUnavailable`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntOrPercent {
    /// A count.
    Int(i32),
    /// A percentage (`"25%"`).
    Percent(u32),
}

impl Emit for IntOrPercent {
    fn emit(&self, out: &mut dyn Sink) {
        match self {
            IntOrPercent::Int(n) => out.i64((*n).into()),
            IntOrPercent::Percent(p) => out.str(&format!("{p}%")),
        }
    }
}
serde_via_emit!(IntOrPercent);

impl Emit for UpdateStrategy {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        match self {
            UpdateStrategy::RollingUpdate {
                partition,
                max_unavailable,
            } => {
                if partition.is_some() || max_unavailable.is_some() {
                    struct Rolling<'a>(&'a Option<i32>, &'a Option<IntOrPercent>);
                    impl Emit for Rolling<'_> {
                        fn emit(&self, out: &mut dyn Sink) {
                            out.begin_map();
                            if let Some(v) = self.1 {
                                out.field("maxUnavailable", v);
                            }
                            if let Some(v) = self.0 {
                                out.field("partition", v);
                            }
                            out.end_map();
                        }
                    }
                    out.field("rollingUpdate", &Rolling(partition, max_unavailable));
                }
                out.field("type", &"RollingUpdate");
            }
            UpdateStrategy::OnDelete => out.field("type", &"OnDelete"),
        }
        out.end_map();
    }
}
serde_via_emit!(UpdateStrategy);

/// Whether claims are deleted with the set or when it scales down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionPolicy {
    /// When the StatefulSet is deleted.
    pub when_deleted: RetentionAction,
    /// When the StatefulSet is scaled down.
    pub when_scaled: RetentionAction,
}
emit_struct!(RetentionPolicy {
    "whenDeleted" => when_deleted,
    "whenScaled" => when_scaled,
});

api_enum! {
    /// Keep or delete a claim.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum RetentionAction("retention action") {
        /// Keep the claim (the default).
        Retain = "Retain",
        /// Delete the claim.
        Delete = "Delete",
    }
}

impl Emit for StatefulSetSpec {
    fn emit(&self, out: &mut dyn Sink) {
        struct Ordinals {
            start: i32,
        }
        emit_struct!(Ordinals {
            "start" => start,
        });
        out.begin_map();
        if let Some(v) = &self.min_ready_seconds {
            out.field("minReadySeconds", v);
        }
        if let Some(start) = self.ordinals_start {
            out.field("ordinals", &Ordinals { start });
        }
        if let Some(v) = &self.retention {
            out.field("persistentVolumeClaimRetentionPolicy", v);
        }
        if let Some(v) = &self.pod_management_policy {
            out.field("podManagementPolicy", v);
        }
        if let Some(v) = &self.replicas {
            out.field("replicas", v);
        }
        if let Some(v) = &self.revision_history_limit {
            out.field("revisionHistoryLimit", v);
        }
        out.field("selector", &self.selector);
        out.field("serviceName", &self.service_name);
        out.field("template", &self.template);
        if let Some(v) = &self.update_strategy {
            out.field("updateStrategy", v);
        }
        if !self.volume_claim_templates.is_empty() {
            out.field("volumeClaimTemplates", &self.volume_claim_templates);
        }
        for (key, value) in self.extra.iter() {
            out.field(key, value);
        }
        out.end_map();
    }
}
serde_via_emit!(StatefulSetSpec);

impl Emit for StatefulSet {
    /// Serializes the StatefulSet document alone; [`crate::render`] adds the Service.
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        out.field("apiVersion", &"apps/v1");
        out.field("kind", &"StatefulSet");
        out.field("metadata", &self.metadata);
        out.field("spec", &self.spec);
        out.end_map();
    }
}
serde_via_emit!(StatefulSet);
