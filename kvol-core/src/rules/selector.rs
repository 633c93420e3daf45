//! Selectors: label selectors (claims, StatefulSets; apimachinery `ValidateLabelSelector`),
//! node selectors (PV node affinity; `ValidateNodeSelector`, k8s-rules §7) and StorageClass
//! topology terms (`ValidateTopologySelectorTerm` + `validateAllowedTopologies`, §9).

use super::{
    common::{invalid_each, invalid_raw},
    ids,
    meta::{self, LabelRules},
};
use crate::{
    model::api_enum::ApiEnum,
    names,
    report::{FieldError, FieldPath, RuleId},
    selector::{
        LabelSelector, LabelSelectorRequirement, NodeSelector, NodeSelectorOperator,
        NodeSelectorRequirement, SelectorOperator, TopologySelectorTerm,
    },
    validate::Checker,
};
use std::collections::{BTreeMap, BTreeSet};

const IN_NOT_IN: &str = "must be specified when `operator` is 'In' or 'NotIn'";
const EXISTS: &str = "may not be specified when `operator` is 'Exists' or 'DoesNotExist'";

/// The rules of a label selector's parts, which depend on its object.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SelectorRules {
    /// `matchLabels` keys and values.
    pub(crate) match_labels: RuleId,
    /// `In`/`NotIn` need values.
    pub(crate) in_values: RuleId,
    /// `Exists`/`DoesNotExist` take none.
    pub(crate) exists_no_values: RuleId,
    /// Requirement keys.
    pub(crate) key: RuleId,
    /// Requirement values.
    pub(crate) values: RuleId,
}

impl SelectorRules {
    /// A claim's selector (§8).
    pub(crate) const CLAIM: SelectorRules = SelectorRules {
        match_labels: ids::S8_SELECTOR_MATCH_LABELS,
        in_values: ids::S8_SELECTOR_IN_VALUES,
        exists_no_values: ids::S8_SELECTOR_EXISTS_NO_VALUES,
        key: ids::S8_SELECTOR_KEY,
        values: ids::S8_SELECTOR_VALUES_FORMAT,
    };
    /// A pod (anti-)affinity term's selectors (§6.4).
    pub(crate) const POD_AFFINITY: SelectorRules = SelectorRules {
        match_labels: ids::S6_4_POD_AFFINITY_SELECTOR,
        in_values: ids::S6_4_POD_AFFINITY_SELECTOR,
        exists_no_values: ids::S6_4_POD_AFFINITY_SELECTOR,
        key: ids::S6_4_POD_AFFINITY_SELECTOR,
        values: ids::S6_4_POD_AFFINITY_SELECTOR,
    };
    /// A topology spread constraint's selector (§6.4).
    pub(crate) const SPREAD: SelectorRules = SelectorRules {
        match_labels: ids::S6_4_SPREAD_SELECTOR,
        in_values: ids::S6_4_SPREAD_SELECTOR,
        exists_no_values: ids::S6_4_SPREAD_SELECTOR,
        key: ids::S6_4_SPREAD_SELECTOR,
        values: ids::S6_4_SPREAD_SELECTOR,
    };
    /// A StatefulSet's selector (§11.1).
    pub(crate) const STATEFULSET: SelectorRules = SelectorRules {
        match_labels: ids::S11_1_SELECTOR_LABELS,
        in_values: ids::S11_1_SELECTOR_LABELS,
        exists_no_values: ids::S11_1_SELECTOR_LABELS,
        key: ids::S11_1_SELECTOR_LABELS,
        values: ids::S11_1_SELECTOR_LABELS,
    };
}

/// `ValidateLabelSelector` with label values checked (the strict mode used on create).
pub(crate) fn label_selector(
    checker: &mut Checker,
    rules: SelectorRules,
    selector: &LabelSelector,
    path: &FieldPath,
) {
    meta::labels(
        checker,
        LabelRules::both(rules.match_labels),
        &selector.match_labels,
        &path.child("matchLabels"),
    );
    for (i, req) in selector.match_expressions.iter().enumerate() {
        label_requirement(
            checker,
            rules,
            req,
            &path.child("matchExpressions").index(i),
        );
    }
}

fn label_requirement(
    checker: &mut Checker,
    rules: SelectorRules,
    req: &LabelSelectorRequirement,
    path: &FieldPath,
) {
    match req.operator {
        SelectorOperator::In | SelectorOperator::NotIn if req.values.is_empty() => {
            checker.error(FieldError::required(
                rules.in_values,
                path.child("values"),
                IN_NOT_IN,
            ));
        }
        SelectorOperator::Exists | SelectorOperator::DoesNotExist if !req.values.is_empty() => {
            checker.error(FieldError::forbidden(
                rules.exists_no_values,
                path.child("values"),
                EXISTS,
            ));
        }
        _ => {}
    }
    invalid_each(
        checker,
        rules.key,
        &path.child("key"),
        &req.key,
        names::qualified_name(&req.key),
    );
    label_values(checker, rules.values, &req.values, &path.child("values"));
}

fn label_values(checker: &mut Checker, rule: RuleId, values: &[String], path: &FieldPath) {
    for (i, value) in values.iter().enumerate() {
        invalid_each(
            checker,
            rule,
            &path.index(i),
            value,
            names::label_value(value),
        );
    }
}

/// `ValidateNodeSelector` (the `required` part of a PV's node affinity).
pub(crate) fn node_selector(checker: &mut Checker, selector: &NodeSelector, path: &FieldPath) {
    let terms = path.child("nodeSelectorTerms");
    if selector.node_selector_terms.is_empty() {
        checker.error(FieldError::required(
            ids::S7_NODE_SELECTOR_TERMS_REQUIRED,
            terms,
            "must have at least one node selector term",
        ));
        return;
    }
    for (i, term) in selector.node_selector_terms.iter().enumerate() {
        node_term(checker, term, true, None, &terms.index(i));
    }
}

/// `ValidateNodeSelectorTerm`; `values`: whether requirement values must be label values
/// (not for preferred node affinity, where the API server allows invalid values).
///
/// `rule` replaces the PV node affinity rules (§7) of the requirement checks (pod affinity).
pub(crate) fn node_term(
    checker: &mut Checker,
    term: &crate::selector::NodeSelectorTerm,
    values: bool,
    rule: Option<RuleId>,
    path: &FieldPath,
) {
    let exprs = path.child("matchExpressions");
    for (j, req) in term.match_expressions.iter().enumerate() {
        node_requirement(checker, req, values, rule, &exprs.index(j));
    }
    let fields = path.child("matchFields");
    for (j, req) in term.match_fields.iter().enumerate() {
        node_field_requirement(checker, req, rule, &fields.index(j));
    }
}

/// `ValidateNodeFieldSelectorRequirement`: `In`/`NotIn` with exactly one value, on the one
/// field the API server knows (`metadata.name`, whose values are node names: DNS-1123
/// subdomains).
fn node_field_requirement(
    checker: &mut Checker,
    req: &NodeSelectorRequirement,
    rule: Option<RuleId>,
    path: &FieldPath,
) {
    let rule = rule.unwrap_or(ids::S7_NODE_SELECTOR_MATCH_FIELDS);
    let values = path.child("values");
    match req.operator {
        NodeSelectorOperator::In | NodeSelectorOperator::NotIn => {
            if req.values.len() != 1 {
                checker.error(FieldError::required(
                    rule,
                    values.clone(),
                    "must be only one value when `operator` is 'In' or 'NotIn' for node field \
                     selector",
                ));
            }
        }
        op => checker.error(FieldError::invalid(
            rule,
            path.child("operator"),
            op.api_word(),
            "not a valid selector operator",
        )),
    }
    if req.key != "metadata.name" {
        checker.error(FieldError::invalid(
            rule,
            path.child("key"),
            &req.key,
            "not a valid field selector key",
        ));
        return;
    }
    for (i, v) in req.values.iter().enumerate() {
        invalid_each(
            checker,
            rule,
            &values.index(i),
            v,
            names::dns1123_subdomain(v),
        );
    }
}

/// `ValidateNodeSelectorRequirement`; in addition (kvol), `Gt`/`Lt` values must be integers,
/// or the requirement can never match a node.
fn node_requirement(
    checker: &mut Checker,
    req: &NodeSelectorRequirement,
    check_values: bool,
    rule: Option<RuleId>,
    path: &FieldPath,
) {
    let r = |own: RuleId| rule.unwrap_or(own);
    let values = path.child("values");
    match req.operator {
        NodeSelectorOperator::In | NodeSelectorOperator::NotIn if req.values.is_empty() => {
            checker.error(FieldError::required(
                r(ids::S7_NODE_REQUIREMENT_IN_VALUES),
                values.clone(),
                IN_NOT_IN,
            ));
        }
        NodeSelectorOperator::Exists | NodeSelectorOperator::DoesNotExist
            if !req.values.is_empty() =>
        {
            checker.error(FieldError::forbidden(
                r(ids::S7_NODE_REQUIREMENT_EXISTS_NO_VALUES),
                values.clone(),
                EXISTS,
            ));
        }
        NodeSelectorOperator::Gt | NodeSelectorOperator::Lt if req.values.len() != 1 => {
            checker.error(FieldError::required(
                r(ids::S7_NODE_REQUIREMENT_GT_SINGLE_VALUE),
                values.clone(),
                "must be specified single value when `operator` is 'Lt' or 'Gt'",
            ));
        }
        _ => {}
    }
    invalid_each(
        checker,
        r(ids::S7_NODE_REQUIREMENT_KEY),
        &path.child("key"),
        &req.key,
        names::qualified_name(&req.key),
    );
    if check_values {
        label_values(
            checker,
            r(ids::S7_NODE_REQUIREMENT_VALUES_FORMAT),
            &req.values,
            &values,
        );
    }
    if matches!(
        req.operator,
        NodeSelectorOperator::Gt | NodeSelectorOperator::Lt
    ) {
        for (i, value) in req.values.iter().enumerate() {
            if value.parse::<i64>().is_err() {
                checker.error(FieldError::invalid(
                    ids::S7_NODE_REQUIREMENT_KVOL_GT_INTEGER,
                    values.index(i),
                    value,
                    "must be an integer when `operator` is 'Lt' or 'Gt'",
                ));
            }
        }
    }
}

/// `validateAllowedTopologies` of a StorageClass, including its quirk: the list of seen terms
/// starts with one empty entry per term, so a term without expressions is reported as a
/// duplicate once per term (`Duplicate value: ""` on `matchLabelExpressions`).
pub(crate) fn allowed_topologies(
    checker: &mut Checker,
    terms: &[TopologySelectorTerm],
    path: &FieldPath,
) {
    let mut seen: Vec<BTreeMap<&str, BTreeSet<&str>>> = vec![BTreeMap::new(); terms.len()];
    for (i, term) in terms.iter().enumerate() {
        let term_path = path.index(i);
        let exprs_path = term_path.child("matchLabelExpressions");
        let mut expr_map: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (j, req) in term.match_label_expressions.iter().enumerate() {
            let req_path = exprs_path.index(j);
            let values_path = req_path.child("values");
            if req.values.is_empty() {
                checker.error(FieldError::required(
                    ids::S9_ALLOWED_TOPOLOGIES_VALUES_REQUIRED,
                    values_path.clone(),
                    "",
                ));
            }
            let mut values = BTreeSet::new();
            for (k, value) in req.values.iter().enumerate() {
                if !values.insert(value.as_str()) {
                    checker.error(FieldError::duplicate(
                        ids::S9_ALLOWED_TOPOLOGIES_VALUES_UNIQUE,
                        values_path.index(k),
                        value,
                    ));
                }
            }
            let key_path = req_path.child("key");
            invalid_each(
                checker,
                ids::S9_ALLOWED_TOPOLOGIES_KEY,
                &key_path,
                &req.key,
                names::qualified_name(&req.key),
            );
            if expr_map.insert(req.key.as_str(), values).is_some() {
                checker.error(FieldError::duplicate(
                    ids::S9_ALLOWED_TOPOLOGIES_KEY_UNIQUE,
                    key_path,
                    &req.key,
                ));
            }
        }
        for earlier in &seen {
            if *earlier == expr_map {
                checker.error(FieldError::duplicate(
                    ids::S9_ALLOWED_TOPOLOGIES_TERMS_UNIQUE,
                    exprs_path.clone(),
                    "",
                ));
            }
        }
        seen.push(expr_map);
    }
}

/// The `Invalid value: {...}: empty selector is invalid for statefulset` error (value: the
/// selector as JSON).
pub(crate) fn empty_selector(path: FieldPath) -> FieldError {
    invalid_raw(
        ids::S11_1_SELECTOR_NOT_EMPTY,
        path,
        "{}".to_owned(),
        "empty selector is invalid for statefulset",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        report::ErrorKind,
        rules::test_support::{assert_clean, assert_count, assert_only, check},
        selector::{NodeSelectorTerm, TopologyRequirement},
    };

    fn root() -> FieldPath {
        FieldPath::root().child("sel")
    }

    fn expr(key: &str, operator: SelectorOperator, values: &[&str]) -> LabelSelector {
        LabelSelector {
            match_labels: Default::default(),
            match_expressions: vec![LabelSelectorRequirement {
                key: key.into(),
                operator,
                values: values.iter().map(|v| v.to_string()).collect(),
            }],
        }
    }

    #[test]
    fn label_selector_operators() {
        let ok = expr("app", SelectorOperator::In, &["web"]);
        assert_clean(&check(|c| {
            label_selector(c, SelectorRules::CLAIM, &ok, &root())
        }));
        let r = check(|c| {
            label_selector(
                c,
                SelectorRules::CLAIM,
                &expr("app", SelectorOperator::NotIn, &[]),
                &root(),
            )
        });
        assert_only(&r, "sel.matchExpressions[0].values", ErrorKind::Required);
        assert_eq!(r.errors[0].detail, IN_NOT_IN);
        assert_clean(&check(|c| {
            label_selector(
                c,
                SelectorRules::CLAIM,
                &expr("app", SelectorOperator::Exists, &[]),
                &root(),
            )
        }));
        let r = check(|c| {
            label_selector(
                c,
                SelectorRules::CLAIM,
                &expr("app", SelectorOperator::DoesNotExist, &["x"]),
                &root(),
            )
        });
        assert_only(&r, "sel.matchExpressions[0].values", ErrorKind::Forbidden);
    }

    #[test]
    fn label_selector_keys_and_values() {
        let r = check(|c| {
            label_selector(
                c,
                SelectorRules::CLAIM,
                &expr("a/b/c", SelectorOperator::In, &["-x"]),
                &root(),
            )
        });
        assert_count(&r, 2);
        assert_eq!(r.errors[0].path.as_str(), "sel.matchExpressions[0].key");
        assert_eq!(
            r.errors[1].path.as_str(),
            "sel.matchExpressions[0].values[0]"
        );
        let mut sel = LabelSelector::default();
        sel.match_labels.insert("app".into(), "a".repeat(64));
        assert_only(
            &check(|c| label_selector(c, SelectorRules::CLAIM, &sel, &root())),
            "sel.matchLabels",
            ErrorKind::Invalid,
        );
    }

    fn node(operator: NodeSelectorOperator, values: &[&str]) -> NodeSelector {
        NodeSelector {
            node_selector_terms: vec![NodeSelectorTerm {
                match_fields: Vec::new(),
                match_expressions: vec![NodeSelectorRequirement {
                    key: "kubernetes.io/hostname".into(),
                    operator,
                    values: values.iter().map(|v| v.to_string()).collect(),
                }],
            }],
        }
    }

    #[test]
    fn node_selector_terms_required() {
        let r = check(|c| node_selector(c, &NodeSelector::default(), &root()));
        assert_only(&r, "sel.nodeSelectorTerms", ErrorKind::Required);
        assert_eq!(
            r.errors[0].detail,
            "must have at least one node selector term"
        );
    }

    /// `ValidateNodeFieldSelectorRequirement`: `metadata.name`, `In`/`NotIn`, one node name.
    #[test]
    fn node_field_requirements() {
        let field = |key: &str, op, values: &[&str]| NodeSelector {
            node_selector_terms: vec![NodeSelectorTerm {
                match_expressions: Vec::new(),
                match_fields: vec![NodeSelectorRequirement {
                    key: key.into(),
                    operator: op,
                    values: values.iter().map(|v| v.to_string()).collect(),
                }],
            }],
        };
        let p = "sel.nodeSelectorTerms[0].matchFields[0]";
        let name = "metadata.name";
        for op in [NodeSelectorOperator::In, NodeSelectorOperator::NotIn] {
            assert_clean(&check(|c| {
                node_selector(c, &field(name, op, &["node-1"]), &root())
            }));
        }
        let r = check(|c| {
            node_selector(
                c,
                &field(name, NodeSelectorOperator::In, &["a", "b"]),
                &root(),
            )
        });
        assert_only(&r, &format!("{p}.values"), ErrorKind::Required);
        assert!(
            r.errors[0].detail.contains("for node field selector"),
            "{r:?}"
        );
        let r =
            check(|c| node_selector(c, &field(name, NodeSelectorOperator::Exists, &[]), &root()));
        assert_eq!(r.errors.len(), 1, "{r:?}");
        assert_eq!(r.errors[0].path.to_string(), format!("{p}.operator"));
        assert_eq!(r.errors[0].detail, "not a valid selector operator");
        let r = check(|c| {
            node_selector(
                c,
                &field("metadata.uid", NodeSelectorOperator::In, &["x"]),
                &root(),
            )
        });
        assert_only(&r, &format!("{p}.key"), ErrorKind::Invalid);
        let r = check(|c| {
            node_selector(
                c,
                &field(name, NodeSelectorOperator::In, &["Node_1"]),
                &root(),
            )
        });
        assert_eq!(r.errors[0].path.to_string(), format!("{p}.values[0]"));
        assert!(
            r.errors.iter().all(|e| e.kind == ErrorKind::Invalid),
            "{r:?}"
        );
    }

    #[test]
    fn node_selector_operators() {
        let p = "sel.nodeSelectorTerms[0].matchExpressions[0].values";
        assert_clean(&check(|c| {
            node_selector(c, &node(NodeSelectorOperator::In, &["n1"]), &root())
        }));
        assert_only(
            &check(|c| node_selector(c, &node(NodeSelectorOperator::In, &[]), &root())),
            p,
            ErrorKind::Required,
        );
        assert_only(
            &check(|c| node_selector(c, &node(NodeSelectorOperator::Exists, &["x"]), &root())),
            p,
            ErrorKind::Forbidden,
        );
        assert_clean(&check(|c| {
            node_selector(c, &node(NodeSelectorOperator::Gt, &["3"]), &root())
        }));
        let r = check(|c| node_selector(c, &node(NodeSelectorOperator::Lt, &["1", "2"]), &root()));
        assert_only(&r, p, ErrorKind::Required);
        let r = check(|c| node_selector(c, &node(NodeSelectorOperator::Gt, &["three"]), &root()));
        assert_only(&r, &format!("{p}[0]"), ErrorKind::Invalid);
        let r =
            check(|c| node_selector(c, &node(NodeSelectorOperator::In, &["bad value"]), &root()));
        assert_only(&r, &format!("{p}[0]"), ErrorKind::Invalid);
    }

    fn topo(exprs: &[(&str, &[&str])]) -> TopologySelectorTerm {
        TopologySelectorTerm {
            match_label_expressions: exprs
                .iter()
                .map(|(k, vs)| TopologyRequirement {
                    key: k.to_string(),
                    values: vs.iter().map(|v| v.to_string()).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn topology_terms() {
        let zone = "topology.kubernetes.io/zone";
        let ok = [topo(&[(zone, &["a", "b"])]), topo(&[(zone, &["c"])])];
        assert_clean(&check(|c| allowed_topologies(c, &ok, &root())));

        let r = check(|c| allowed_topologies(c, &[topo(&[(zone, &[])])], &root()));
        assert_only(
            &r,
            "sel[0].matchLabelExpressions[0].values",
            ErrorKind::Required,
        );

        let r = check(|c| allowed_topologies(c, &[topo(&[(zone, &["a", "a"])])], &root()));
        assert_only(
            &r,
            "sel[0].matchLabelExpressions[0].values[1]",
            ErrorKind::Duplicate,
        );

        let r =
            check(|c| allowed_topologies(c, &[topo(&[(zone, &["a"]), (zone, &["b"])])], &root()));
        assert_only(
            &r,
            "sel[0].matchLabelExpressions[1].key",
            ErrorKind::Duplicate,
        );

        // Identical terms, even with values in another order.
        let dup = [topo(&[(zone, &["a", "b"])]), topo(&[(zone, &["b", "a"])])];
        let r = check(|c| allowed_topologies(c, &dup, &root()));
        assert_only(&r, "sel[1].matchLabelExpressions", ErrorKind::Duplicate);
    }

    #[test]
    fn empty_topology_term_is_a_duplicate_per_term() {
        let r = check(|c| allowed_topologies(c, &[TopologySelectorTerm::default()], &root()));
        assert_only(&r, "sel[0].matchLabelExpressions", ErrorKind::Duplicate);
        assert_eq!(
            r.errors[0].to_string(),
            "sel[0].matchLabelExpressions: Duplicate value: \"\""
        );
        let two = [topo(&[("k", &["v"])]), TopologySelectorTerm::default()];
        let r = check(|c| allowed_topologies(c, &two, &root()));
        assert_count(&r, 2);
    }
}
