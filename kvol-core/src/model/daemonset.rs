//! DaemonSets (`apps/v1`): one pod on every node (or every node the template selects).

use crate::render::{Emit, Sink};
use crate::{
    meta::ObjectMeta, pod::PodTemplate, selector::LabelSelector, statefulset::IntOrPercent,
};

/// A DaemonSet (`apps/v1`, namespaced).
#[derive(Debug, Clone, PartialEq)]
pub struct DaemonSet {
    /// Name (DNS-1123 subdomain), namespace, labels, annotations.
    pub metadata: ObjectMeta,
    /// Selector, pod template, update strategy.
    pub spec: DaemonSetSpec,
}

/// The spec of a DaemonSet.
#[derive(Debug, Clone, PartialEq)]
pub struct DaemonSetSpec {
    /// Seconds a new pod must be ready before it counts as available (default 0).
    pub min_ready_seconds: Option<i32>,
    /// Old revisions kept for rollback (default 10).
    pub revision_history_limit: Option<i32>,
    /// Selects the pods; it must match the template's labels.
    pub selector: LabelSelector,
    /// The pods.
    pub template: PodTemplate,
    /// How pods are replaced when the template changes (default RollingUpdate, one node at a
    /// time: `maxUnavailable` 1, `maxSurge` 0).
    pub update_strategy: Option<DaemonSetUpdateStrategy>,
}
emit_struct!(DaemonSetSpec {
    "minReadySeconds" => min_ready_seconds skip_if Option::is_none,
    "revisionHistoryLimit" => revision_history_limit skip_if Option::is_none,
    "selector" => selector,
    "template" => template,
    "updateStrategy" => update_strategy skip_if Option::is_none,
});

/// A DaemonSet's `updateStrategy`: its type, and the rolling update's parameters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DaemonSetUpdateStrategy {
    /// `maxSurge` / `maxUnavailable` of a rolling update.
    pub rolling_update: Option<RollingUpdateDaemonSet>,
    /// RollingUpdate (the default when unset) or OnDelete.
    pub type_: Option<DaemonSetUpdateStrategyType>,
}
emit_struct!(DaemonSetUpdateStrategy {
    "rollingUpdate" => rolling_update skip_if Option::is_none,
    "type" => type_ skip_if Option::is_none,
});

impl DaemonSetUpdateStrategy {
    /// `type: OnDelete`: a pod is replaced only when it is deleted.
    pub fn on_delete() -> Self {
        DaemonSetUpdateStrategy {
            rolling_update: None,
            type_: Some(DaemonSetUpdateStrategyType::OnDelete),
        }
    }

    /// `type: RollingUpdate` with these limits (unset: `maxSurge` 0, `maxUnavailable` 1).
    pub fn rolling_update(
        max_surge: Option<IntOrPercent>,
        max_unavailable: Option<IntOrPercent>,
    ) -> Self {
        let rolling_update =
            (max_surge.is_some() || max_unavailable.is_some()).then_some(RollingUpdateDaemonSet {
                max_surge,
                max_unavailable,
            });
        DaemonSetUpdateStrategy {
            rolling_update,
            type_: Some(DaemonSetUpdateStrategyType::RollingUpdate),
        }
    }

    /// The type the controller uses (unset is RollingUpdate).
    pub fn effective_type(&self) -> DaemonSetUpdateStrategyType {
        self.type_
            .unwrap_or(DaemonSetUpdateStrategyType::RollingUpdate)
    }
}

api_enum! {
    /// How a DaemonSet replaces its pods.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum DaemonSetUpdateStrategyType("daemon set update strategy type") {
        /// Replace a pod only when it is deleted.
        OnDelete = "OnDelete",
        /// Replace pods node by node (the default).
        RollingUpdate = "RollingUpdate",
    }
}

/// The limits of a DaemonSet's rolling update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RollingUpdateDaemonSet {
    /// Nodes that may run an old and a new pod at once (default 0).
    pub max_surge: Option<IntOrPercent>,
    /// Nodes whose pod may be unavailable during the update (default 1).
    pub max_unavailable: Option<IntOrPercent>,
}
emit_struct!(RollingUpdateDaemonSet {
    "maxSurge" => max_surge skip_if Option::is_none,
    "maxUnavailable" => max_unavailable skip_if Option::is_none,
});

impl DaemonSet {
    /// The update strategy the controller uses (unset is RollingUpdate).
    pub fn strategy_type(&self) -> DaemonSetUpdateStrategyType {
        self.spec
            .update_strategy
            .as_ref()
            .map_or(DaemonSetUpdateStrategyType::RollingUpdate, |s| {
                s.effective_type()
            })
    }
}

impl Emit for DaemonSet {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        out.field("apiVersion", &"apps/v1");
        out.field("kind", &"DaemonSet");
        out.field("metadata", &self.metadata);
        out.field("spec", &self.spec);
        out.end_map();
    }
}
serde_via_emit!(DaemonSet);
