//! Deployments (`apps/v1`): replicated, interchangeable pods, rolled out by ReplicaSets.

use crate::render::{Emit, Sink};
use crate::{
    meta::ObjectMeta, pod::PodTemplate, selector::LabelSelector, statefulset::IntOrPercent,
};

/// A Deployment (`apps/v1`, namespaced).
#[derive(Debug, Clone, PartialEq)]
pub struct Deployment {
    /// Name (DNS-1123 subdomain), namespace, labels, annotations.
    pub metadata: ObjectMeta,
    /// Replicas, selector, pod template, rollout strategy.
    pub spec: DeploymentSpec,
}

/// The spec of a Deployment.
#[derive(Debug, Clone, PartialEq)]
pub struct DeploymentSpec {
    /// Seconds a new pod must be ready before it counts as available (default 0).
    pub min_ready_seconds: Option<i32>,
    /// Paused rollouts: template changes do not start a rollout.
    pub paused: Option<bool>,
    /// Seconds before a stalled rollout is reported as failed (default 600).
    pub progress_deadline_seconds: Option<i32>,
    /// Number of pods (default 1).
    pub replicas: Option<i32>,
    /// Old ReplicaSets kept for rollback (default 10).
    pub revision_history_limit: Option<i32>,
    /// Selects the pods; it must match the template's labels.
    pub selector: LabelSelector,
    /// How pods are replaced when the template changes (default RollingUpdate 25%/25%).
    pub strategy: Option<DeploymentStrategy>,
    /// The pods.
    pub template: PodTemplate,
}
emit_struct!(DeploymentSpec {
    "minReadySeconds" => min_ready_seconds skip_if Option::is_none,
    "paused" => paused skip_if Option::is_none,
    "progressDeadlineSeconds" => progress_deadline_seconds skip_if Option::is_none,
    "replicas" => replicas skip_if Option::is_none,
    "revisionHistoryLimit" => revision_history_limit skip_if Option::is_none,
    "selector" => selector,
    "strategy" => strategy skip_if Option::is_none,
    "template" => template,
});

/// A Deployment's `strategy`: its type, and the rolling update's parameters (which only a
/// RollingUpdate strategy may have).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeploymentStrategy {
    /// `maxSurge` / `maxUnavailable` of a rolling update.
    pub rolling_update: Option<RollingUpdateDeployment>,
    /// RollingUpdate (the default when unset) or Recreate.
    pub type_: Option<DeploymentStrategyType>,
}
emit_struct!(DeploymentStrategy {
    "rollingUpdate" => rolling_update skip_if Option::is_none,
    "type" => type_ skip_if Option::is_none,
});

impl DeploymentStrategy {
    /// `type: Recreate`: every old pod is stopped before new ones start.
    pub fn recreate() -> Self {
        DeploymentStrategy {
            rolling_update: None,
            type_: Some(DeploymentStrategyType::Recreate),
        }
    }

    /// `type: RollingUpdate` with these limits (unset: 25% each).
    pub fn rolling_update(
        max_surge: Option<IntOrPercent>,
        max_unavailable: Option<IntOrPercent>,
    ) -> Self {
        let rolling_update =
            (max_surge.is_some() || max_unavailable.is_some()).then_some(RollingUpdateDeployment {
                max_surge,
                max_unavailable,
            });
        DeploymentStrategy {
            rolling_update,
            type_: Some(DeploymentStrategyType::RollingUpdate),
        }
    }

    /// The type the controller uses (unset is RollingUpdate).
    pub fn effective_type(&self) -> DeploymentStrategyType {
        self.type_.unwrap_or(DeploymentStrategyType::RollingUpdate)
    }
}

api_enum! {
    /// How a Deployment replaces its pods.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum DeploymentStrategyType("deployment strategy type") {
        /// Kill all old pods before new ones are created.
        Recreate = "Recreate",
        /// Replace pods gradually (the default): old and new pods run side by side.
        RollingUpdate = "RollingUpdate",
    }
}

/// The limits of a Deployment's rolling update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RollingUpdateDeployment {
    /// Pods that may be created above the desired count (default 25%).
    pub max_surge: Option<IntOrPercent>,
    /// Pods that may be unavailable during the update (default 25%).
    pub max_unavailable: Option<IntOrPercent>,
}
emit_struct!(RollingUpdateDeployment {
    "maxSurge" => max_surge skip_if Option::is_none,
    "maxUnavailable" => max_unavailable skip_if Option::is_none,
});

impl Deployment {
    /// The replicas the controller runs (unset is 1).
    pub fn effective_replicas(&self) -> i32 {
        self.spec.replicas.unwrap_or(1)
    }

    /// The strategy the controller uses (unset is RollingUpdate).
    pub fn strategy_type(&self) -> DeploymentStrategyType {
        self.spec
            .strategy
            .as_ref()
            .map_or(DeploymentStrategyType::RollingUpdate, |s| {
                s.effective_type()
            })
    }
}

impl Emit for Deployment {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        out.field("apiVersion", &"apps/v1");
        out.field("kind", &"Deployment");
        out.field("metadata", &self.metadata);
        out.field("spec", &self.spec);
        out.end_map();
    }
}
serde_via_emit!(Deployment);
