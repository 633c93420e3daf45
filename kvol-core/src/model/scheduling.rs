//! Where a pod may run: affinity (node, pod and anti-affinity), tolerations and topology
//! spread constraints, plus the pod's DNS policy and pull secrets.

use crate::selector::{LabelSelector, NodeSelector, NodeSelectorTerm};

/// `spec.affinity`: scheduling constraints on nodes and on other pods.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Affinity {
    /// Rules on the labels of nodes.
    pub node_affinity: Option<NodeAffinity>,
    /// Run near pods that match.
    pub pod_affinity: Option<PodAffinity>,
    /// Run away from pods that match.
    pub pod_anti_affinity: Option<PodAffinity>,
}
emit_struct!(Affinity {
    "nodeAffinity" => node_affinity skip_if Option::is_none,
    "podAffinity" => pod_affinity skip_if Option::is_none,
    "podAntiAffinity" => pod_anti_affinity skip_if Option::is_none,
});

impl Affinity {
    /// True when no affinity of any kind is set.
    pub fn is_empty(&self) -> bool {
        self.node_affinity.is_none()
            && self.pod_affinity.is_none()
            && self.pod_anti_affinity.is_none()
    }
}

/// Node affinity: hard (`required…`) and soft (`preferred…`) rules on node labels.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NodeAffinity {
    /// Weighted preferences (`preferredDuringSchedulingIgnoredDuringExecution`).
    pub preferred: Vec<PreferredSchedulingTerm>,
    /// The nodes the pod may run on (`requiredDuringSchedulingIgnoredDuringExecution`).
    pub required: Option<NodeSelector>,
}
emit_struct!(NodeAffinity {
    "preferredDuringSchedulingIgnoredDuringExecution" => preferred skip_if Vec::is_empty,
    "requiredDuringSchedulingIgnoredDuringExecution" => required skip_if Option::is_none,
});

/// A weighted node preference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreferredSchedulingTerm {
    /// The node labels preferred.
    pub preference: NodeSelectorTerm,
    /// The weight, 1..=100.
    pub weight: i32,
}
emit_struct!(PreferredSchedulingTerm {
    "preference" => preference,
    "weight" => weight,
});

/// Pod affinity or anti-affinity (`podAffinity`, `podAntiAffinity`: the same shape).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PodAffinity {
    /// Weighted preferences (`preferredDuringSchedulingIgnoredDuringExecution`).
    pub preferred: Vec<WeightedPodAffinityTerm>,
    /// Hard rules (`requiredDuringSchedulingIgnoredDuringExecution`), all of which must hold.
    pub required: Vec<PodAffinityTerm>,
}
emit_struct!(PodAffinity {
    "preferredDuringSchedulingIgnoredDuringExecution" => preferred skip_if Vec::is_empty,
    "requiredDuringSchedulingIgnoredDuringExecution" => required skip_if Vec::is_empty,
});

/// A set of pods and the topology domain (`topologyKey`) they are counted in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PodAffinityTerm {
    /// The pods (unset: no pods).
    pub label_selector: Option<LabelSelector>,
    /// Label keys whose values are taken from the incoming pod and ANDed into the selector.
    pub match_label_keys: Vec<String>,
    /// Label keys whose values from the incoming pod must differ (`NotIn`).
    pub mismatch_label_keys: Vec<String>,
    /// The namespaces searched, by label (with `namespaces`, a union).
    pub namespace_selector: Option<LabelSelector>,
    /// The namespaces searched, by name (unset with no selector: the pod's namespace).
    pub namespaces: Vec<String>,
    /// The node label whose value is the domain, e.g. `kubernetes.io/hostname`.
    pub topology_key: String,
}
emit_struct!(PodAffinityTerm {
    "labelSelector" => label_selector skip_if Option::is_none,
    "matchLabelKeys" => match_label_keys skip_if Vec::is_empty,
    "mismatchLabelKeys" => mismatch_label_keys skip_if Vec::is_empty,
    "namespaceSelector" => namespace_selector skip_if Option::is_none,
    "namespaces" => namespaces skip_if Vec::is_empty,
    "topologyKey" => topology_key,
});

impl PodAffinityTerm {
    /// Pods selected by `selector`, counted per `topology_key` domain.
    pub fn new(selector: LabelSelector, topology_key: impl Into<String>) -> Self {
        PodAffinityTerm {
            label_selector: Some(selector),
            topology_key: topology_key.into(),
            ..Default::default()
        }
    }
}

/// A weighted pod (anti-)affinity preference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeightedPodAffinityTerm {
    /// The term.
    pub pod_affinity_term: PodAffinityTerm,
    /// The weight, 1..=100.
    pub weight: i32,
}
emit_struct!(WeightedPodAffinityTerm {
    "podAffinityTerm" => pod_affinity_term,
    "weight" => weight,
});

/// A toleration of node taints.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Toleration {
    /// The taint effect tolerated (unset: all effects).
    pub effect: Option<TaintEffect>,
    /// The taint key (unset with `Exists`: every taint).
    pub key: Option<String>,
    /// How the value is compared (unset: `Equal`).
    pub operator: Option<TolerationOperator>,
    /// How long a `NoExecute` taint is tolerated before eviction (unset: forever).
    pub toleration_seconds: Option<i64>,
    /// The taint value (`Equal`); empty with `Exists`.
    pub value: Option<String>,
}
emit_struct!(Toleration {
    "effect" => effect skip_if Option::is_none,
    "key" => key skip_if Option::is_none,
    "operator" => operator skip_if Option::is_none,
    "tolerationSeconds" => toleration_seconds skip_if Option::is_none,
    "value" => value skip_if Option::is_none,
});

api_enum! {
    /// What a taint does to pods that do not tolerate it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum TaintEffect("taint effect") {
        /// New pods are not scheduled on the node.
        NoSchedule = "NoSchedule",
        /// The scheduler avoids the node.
        PreferNoSchedule = "PreferNoSchedule",
        /// Running pods are evicted.
        NoExecute = "NoExecute",
    }
}

api_enum! {
    /// How a toleration compares a taint's value.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum TolerationOperator("toleration operator") {
        /// The key is present (any value).
        Exists = "Exists",
        /// The key has this value.
        Equal = "Equal",
    }
}

/// How pods spread across topology domains (`topologySpreadConstraints[i]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopologySpreadConstraint {
    /// The pods counted.
    pub label_selector: Option<LabelSelector>,
    /// Label keys of the incoming pod whose values narrow the selector.
    pub match_label_keys: Vec<String>,
    /// The largest allowed difference in matching pods between two domains (> 0).
    pub max_skew: i32,
    /// The minimum number of eligible domains (only with `DoNotSchedule`).
    pub min_domains: Option<i32>,
    /// Whether the pod's node affinity limits the domains counted.
    pub node_affinity_policy: Option<NodeInclusionPolicy>,
    /// Whether node taints limit the domains counted.
    pub node_taints_policy: Option<NodeInclusionPolicy>,
    /// The node label whose value is the domain.
    pub topology_key: String,
    /// What to do when the constraint cannot be met.
    pub when_unsatisfiable: UnsatisfiableConstraintAction,
}
emit_struct!(TopologySpreadConstraint {
    "labelSelector" => label_selector skip_if Option::is_none,
    "matchLabelKeys" => match_label_keys skip_if Vec::is_empty,
    "maxSkew" => max_skew,
    "minDomains" => min_domains skip_if Option::is_none,
    "nodeAffinityPolicy" => node_affinity_policy skip_if Option::is_none,
    "nodeTaintsPolicy" => node_taints_policy skip_if Option::is_none,
    "topologyKey" => topology_key,
    "whenUnsatisfiable" => when_unsatisfiable,
});

impl TopologySpreadConstraint {
    /// Spread the pods `selector` selects over `topology_key` with at most `max_skew`.
    pub fn new(
        max_skew: i32,
        topology_key: impl Into<String>,
        when_unsatisfiable: UnsatisfiableConstraintAction,
        selector: LabelSelector,
    ) -> Self {
        TopologySpreadConstraint {
            label_selector: Some(selector),
            match_label_keys: Vec::new(),
            max_skew,
            min_domains: None,
            node_affinity_policy: None,
            node_taints_policy: None,
            topology_key: topology_key.into(),
            when_unsatisfiable,
        }
    }
}

api_enum! {
    /// What the scheduler does when a spread constraint cannot be met.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum UnsatisfiableConstraintAction("whenUnsatisfiable action") {
        /// Do not schedule the pod.
        DoNotSchedule = "DoNotSchedule",
        /// Schedule it anyway, preferring domains that reduce the skew.
        ScheduleAnyway = "ScheduleAnyway",
    }
}

api_enum! {
    /// Whether node affinity or taints are honored when counting domains.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum NodeInclusionPolicy("node inclusion policy") {
        /// Only nodes that pass are counted.
        Honor = "Honor",
        /// Every node is counted.
        Ignore = "Ignore",
    }
}

api_enum! {
    /// How the pod's DNS is configured (`dnsPolicy`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum DnsPolicy("DNS policy") {
        /// The cluster DNS first (the default).
        ClusterFirst = "ClusterFirst",
        /// The cluster DNS first, also for pods on the host network.
        ClusterFirstWithHostNet = "ClusterFirstWithHostNet",
        /// The node's resolver configuration.
        Default = "Default",
        /// Only `dnsConfig` (which kvol does not model yet, so the API server refuses it).
        None = "None",
    }
}
