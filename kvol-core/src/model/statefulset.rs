//! StatefulSets, which kvol always pairs with their headless Service.

use crate::{
    meta::ObjectMeta, pod::PodTemplate, pvc::PvcTemplate, selector::LabelSelector, service::Service,
};
use serde_core::{Serialize, Serializer, ser::SerializeMap};

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

impl Serialize for IntOrPercent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            IntOrPercent::Int(n) => s.serialize_i32(*n),
            IntOrPercent::Percent(p) => s.serialize_str(&format!("{p}%")),
        }
    }
}

impl Serialize for UpdateStrategy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        match self {
            UpdateStrategy::RollingUpdate {
                partition,
                max_unavailable,
            } => {
                if partition.is_some() || max_unavailable.is_some() {
                    struct Rolling<'a>(&'a Option<i32>, &'a Option<IntOrPercent>);
                    impl Serialize for Rolling<'_> {
                        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                            let mut m = s.serialize_map(None)?;
                            if let Some(v) = self.1 {
                                m.serialize_entry("maxUnavailable", v)?;
                            }
                            if let Some(v) = self.0 {
                                m.serialize_entry("partition", v)?;
                            }
                            m.end()
                        }
                    }
                    m.serialize_entry("rollingUpdate", &Rolling(partition, max_unavailable))?;
                }
                m.serialize_entry("type", "RollingUpdate")?;
            }
            UpdateStrategy::OnDelete => m.serialize_entry("type", "OnDelete")?,
        }
        m.end()
    }
}

/// Whether claims are deleted with the set or when it scales down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionPolicy {
    /// When the StatefulSet is deleted.
    pub when_deleted: RetentionAction,
    /// When the StatefulSet is scaled down.
    pub when_scaled: RetentionAction,
}
serialize_struct!(RetentionPolicy {
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

impl Serialize for StatefulSetSpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Ordinals {
            start: i32,
        }
        serialize_struct!(Ordinals {
            "start" => start,
        });
        let mut m = s.serialize_map(None)?;
        if let Some(v) = &self.min_ready_seconds {
            m.serialize_entry("minReadySeconds", v)?;
        }
        if let Some(start) = self.ordinals_start {
            m.serialize_entry("ordinals", &Ordinals { start })?;
        }
        if let Some(v) = &self.retention {
            m.serialize_entry("persistentVolumeClaimRetentionPolicy", v)?;
        }
        if let Some(v) = &self.pod_management_policy {
            m.serialize_entry("podManagementPolicy", v)?;
        }
        if let Some(v) = &self.replicas {
            m.serialize_entry("replicas", v)?;
        }
        if let Some(v) = &self.revision_history_limit {
            m.serialize_entry("revisionHistoryLimit", v)?;
        }
        m.serialize_entry("selector", &self.selector)?;
        m.serialize_entry("serviceName", &self.service_name)?;
        m.serialize_entry("template", &self.template)?;
        if let Some(v) = &self.update_strategy {
            m.serialize_entry("updateStrategy", v)?;
        }
        if !self.volume_claim_templates.is_empty() {
            m.serialize_entry("volumeClaimTemplates", &self.volume_claim_templates)?;
        }
        for (key, value) in self.extra.iter() {
            m.serialize_entry(key, value)?;
        }
        m.end()
    }
}

impl Serialize for StatefulSet {
    /// Serializes the StatefulSet document alone; [`crate::render`] adds the Service.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("apiVersion", "apps/v1")?;
        m.serialize_entry("kind", "StatefulSet")?;
        m.serialize_entry("metadata", &self.metadata)?;
        m.serialize_entry("spec", &self.spec)?;
        m.end()
    }
}
