//! PodDisruptionBudgets (`policy/v1`): how many pods a voluntary disruption (a node drain) may
//! take down at once.

use crate::render::{Emit, Sink};
use crate::{meta::ObjectMeta, selector::LabelSelector, statefulset::IntOrPercent};

/// A PodDisruptionBudget (`policy/v1`, namespaced).
#[derive(Debug, Clone, PartialEq)]
pub struct PodDisruptionBudget {
    /// Name (DNS-1123 subdomain), namespace, labels, annotations.
    pub metadata: ObjectMeta,
    /// The budget and the pods it covers.
    pub spec: PodDisruptionBudgetSpec,
}

/// The spec of a PodDisruptionBudget: at most one of `minAvailable` and `maxUnavailable`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PodDisruptionBudgetSpec {
    /// Pods that may be unavailable after an eviction (a count or a percentage).
    pub max_unavailable: Option<IntOrPercent>,
    /// Pods that must still be available after an eviction (a count or a percentage).
    pub min_available: Option<IntOrPercent>,
    /// The pods covered: in policy/v1 unset selects no pod, and an empty selector (`{}`)
    /// every pod of the namespace.
    pub selector: Option<LabelSelector>,
    /// When running but not ready pods may be evicted (IfHealthyBudget, AlwaysAllow).
    pub unhealthy_pod_eviction_policy: Option<UnhealthyPodEvictionPolicy>,
}
emit_struct!(PodDisruptionBudgetSpec {
    "maxUnavailable" => max_unavailable skip_if Option::is_none,
    "minAvailable" => min_available skip_if Option::is_none,
    "selector" => selector skip_if Option::is_none,
    "unhealthyPodEvictionPolicy" => unhealthy_pod_eviction_policy skip_if Option::is_none,
});

api_enum! {
    /// When running pods that are not ready may be evicted.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum UnhealthyPodEvictionPolicy("unhealthy pod eviction policy") {
        /// Only while the budget is met (the default).
        IfHealthyBudget = "IfHealthyBudget",
        /// Always, whatever the budget.
        AlwaysAllow = "AlwaysAllow",
    }
}

impl Emit for PodDisruptionBudget {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        out.field("apiVersion", &"policy/v1");
        out.field("kind", &"PodDisruptionBudget");
        out.field("metadata", &self.metadata);
        out.field("spec", &self.spec);
        out.end_map();
    }
}
serde_via_emit!(PodDisruptionBudget);
