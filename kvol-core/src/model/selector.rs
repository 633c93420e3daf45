//! Label selectors (claims, StatefulSets) and node selectors (PV node affinity, StorageClass
//! topologies).

use crate::meta::StringMap;
use std::collections::BTreeMap;

/// A label selector: `matchLabels` and `matchExpressions`, both of which must hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LabelSelector {
    /// Expressions that must all match.
    pub match_expressions: Vec<LabelSelectorRequirement>,
    /// Labels that must all be present with these values.
    pub match_labels: StringMap,
}
emit_struct!(LabelSelector {
    "matchExpressions" => match_expressions skip_if Vec::is_empty,
    "matchLabels" => match_labels skip_if BTreeMap::is_empty,
});

impl LabelSelector {
    /// A selector that matches exactly these labels.
    pub fn labels(labels: StringMap) -> Self {
        LabelSelector {
            match_labels: labels,
            match_expressions: Vec::new(),
        }
    }

    /// True when the selector has neither labels nor expressions (it then matches everything
    /// for a claim, and is rejected for a StatefulSet).
    pub fn is_empty(&self) -> bool {
        self.match_labels.is_empty() && self.match_expressions.is_empty()
    }

    /// True when `labels` satisfy the selector (apimachinery's `LabelSelectorAsSelector`).
    pub fn matches(&self, labels: &StringMap) -> bool {
        self.match_labels
            .iter()
            .all(|(k, v)| labels.get(k) == Some(v))
            && self.match_expressions.iter().all(|e| e.matches(labels))
    }
}

/// One `matchExpressions` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelSelectorRequirement {
    /// The label key.
    pub key: String,
    /// How the key's value is compared.
    pub operator: SelectorOperator,
    /// The values (`In`/`NotIn` need at least one; `Exists`/`DoesNotExist` none).
    pub values: Vec<String>,
}
emit_struct!(LabelSelectorRequirement {
    "key" => key,
    "operator" => operator,
    "values" => values skip_if Vec::is_empty,
});

impl LabelSelectorRequirement {
    fn matches(&self, labels: &StringMap) -> bool {
        let value = labels.get(&self.key);
        match self.operator {
            SelectorOperator::In => value.is_some_and(|v| self.values.contains(v)),
            SelectorOperator::NotIn => value.is_none_or(|v| !self.values.contains(v)),
            SelectorOperator::Exists => value.is_some(),
            SelectorOperator::DoesNotExist => value.is_none(),
        }
    }
}

api_enum! {
    /// Operators of a label selector expression.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum SelectorOperator("selector operator") {
        /// The value is one of `values`.
        In = "In",
        /// The value is none of `values` (or the label is absent).
        NotIn = "NotIn",
        /// The label is present.
        Exists = "Exists",
        /// The label is absent.
        DoesNotExist = "DoesNotExist",
    }
}

/// Node affinity of a PersistentVolume: the nodes the volume can be reached from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumeNodeAffinity {
    /// The nodes that can use the volume.
    pub required: NodeSelector,
}
emit_struct!(VolumeNodeAffinity {
    "required" => required,
});

/// A node selector: the node must match at least one term.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NodeSelector {
    /// Alternatives (ORed).
    pub node_selector_terms: Vec<NodeSelectorTerm>,
}
emit_struct!(NodeSelector {
    "nodeSelectorTerms" => node_selector_terms,
});

/// One node selector term: all expressions and field requirements must match (ANDed).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NodeSelectorTerm {
    /// Requirements on node labels.
    pub match_expressions: Vec<NodeSelectorRequirement>,
    /// Requirements on node fields: `metadata.name` with `In`/`NotIn` and one value is all the
    /// API server accepts.
    pub match_fields: Vec<NodeSelectorRequirement>,
}
emit_struct!(NodeSelectorTerm {
    "matchExpressions" => match_expressions skip_if Vec::is_empty,
    "matchFields" => match_fields skip_if Vec::is_empty,
});

/// A requirement on a node label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeSelectorRequirement {
    /// The node label key, e.g. `kubernetes.io/hostname`.
    pub key: String,
    /// The comparison.
    pub operator: NodeSelectorOperator,
    /// The values (`In`/`NotIn`: at least one; `Gt`/`Lt`: exactly one integer; else none).
    pub values: Vec<String>,
}
emit_struct!(NodeSelectorRequirement {
    "key" => key,
    "operator" => operator,
    "values" => values skip_if Vec::is_empty,
});

api_enum! {
    /// Operators of a node selector requirement.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum NodeSelectorOperator("node selector operator") {
        /// The value is one of `values`.
        In = "In",
        /// The value is none of `values`.
        NotIn = "NotIn",
        /// The label is present.
        Exists = "Exists",
        /// The label is absent.
        DoesNotExist = "DoesNotExist",
        /// The value, as an integer, is greater than the single value.
        Gt = "Gt",
        /// The value, as an integer, is less than the single value.
        Lt = "Lt",
    }
}

/// A StorageClass topology term (`allowedTopologies[i]`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TopologySelectorTerm {
    /// Label requirements (ANDed).
    pub match_label_expressions: Vec<TopologyRequirement>,
}
emit_struct!(TopologySelectorTerm {
    "matchLabelExpressions" => match_label_expressions skip_if Vec::is_empty,
});

/// A topology label requirement: the key must have one of the values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopologyRequirement {
    /// The topology key, e.g. `topology.kubernetes.io/zone`.
    pub key: String,
    /// Allowed values (at least one).
    pub values: Vec<String>,
}
emit_struct!(TopologyRequirement {
    "key" => key,
    "values" => values,
});
