//! The pod-level settings of a pod spec (k8s-rules §6.4, `ValidatePodSpec`): hostname and
//! subdomain, priority class, DNS policy, the pod security context
//! (`validatePodSpecSecurityContext`), affinity (`validateAffinity`), tolerations
//! (`ValidateTolerations`) and topology spread constraints
//! (`validateTopologySpreadConstraints`).

use super::{
    common::{NOT_POSITIVE, PathRules, invalid_each, invalid_raw, local_descending},
    ids,
    selector::{self, SelectorRules},
};
use crate::{
    names,
    pod::PodSpec,
    report::{FieldError, FieldPath, RuleId, quote},
    scheduling::{
        Affinity, DnsPolicy, PodAffinity, PodAffinityTerm, TaintEffect, Toleration,
        TolerationOperator, TopologySpreadConstraint, UnsatisfiableConstraintAction,
    },
    security::{PodSecurityContext, SeccompProfile, SeccompProfileType},
    selector::LabelSelector,
    validate::Checker,
};
use std::collections::BTreeSet;

/// `InclusiveRangeError(0, 2147483647)` of `IsValidUserID` / `IsValidGroupID`.
const ID_RANGE: &str = "must be between 0 and 2147483647, inclusive";
/// The weight message of preferred scheduling terms.
const WEIGHT_RANGE: &str = "must be in the range 1-100";

/// The pod-level settings of `spec` at `path` (`spec`, `spec.template.spec`).
pub(crate) fn settings(checker: &mut Checker, spec: &PodSpec, path: &FieldPath) {
    if spec.dns_policy == Some(DnsPolicy::None) {
        checker.error(FieldError::required(
            ids::S6_4_DNS_POLICY,
            path.child("dnsConfig"),
            "must provide `dnsConfig` when `dnsPolicy` is None",
        ));
    }
    if let Some(sc) = &spec.security_context {
        security_context(checker, sc, &path.child("securityContext"));
    }
    if let Some(a) = &spec.affinity {
        affinity(checker, a, &path.child("affinity"));
    }
    for (field, value) in [("hostname", &spec.hostname), ("subdomain", &spec.subdomain)] {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            invalid_each(
                checker,
                ids::S2_NAME_POD_HOSTNAME_SUBDOMAIN,
                &path.child(field),
                v,
                names::dns1123_label(v),
            );
        }
    }
    for (i, t) in spec.tolerations.iter().enumerate() {
        toleration(checker, t, &path.child("tolerations").index(i));
    }
    if let Some(p) = spec
        .priority_class_name
        .as_deref()
        .filter(|p| !p.is_empty())
    {
        invalid_each(
            checker,
            ids::S6_4_PRIORITY_CLASS_NAME,
            &path.child("priorityClassName"),
            p,
            names::dns1123_subdomain(p),
        );
    }
    spread_constraints(
        checker,
        &spec.topology_spread_constraints,
        &path.child("topologySpreadConstraints"),
    );
}

fn id_range(checker: &mut Checker, rule: RuleId, value: Option<i64>, path: FieldPath) {
    if let Some(v) = value
        && !(0..=i64::from(i32::MAX)).contains(&v)
    {
        checker.error(FieldError::invalid_number(rule, path, v, ID_RANGE));
    }
}

/// `validatePodSpecSecurityContext` for the fields kvol models.
fn security_context(checker: &mut Checker, sc: &PodSecurityContext, path: &FieldPath) {
    id_range(
        checker,
        ids::S6_4_SECURITY_CONTEXT_FS_GROUP,
        sc.fs_group,
        path.child("fsGroup"),
    );
    id_range(
        checker,
        ids::S6_4_SECURITY_CONTEXT_RUN_AS_USER,
        sc.run_as_user,
        path.child("runAsUser"),
    );
    id_range(
        checker,
        ids::S6_4_SECURITY_CONTEXT_RUN_AS_GROUP,
        sc.run_as_group,
        path.child("runAsGroup"),
    );
    for (i, g) in sc.supplemental_groups.iter().enumerate() {
        id_range(
            checker,
            ids::S6_4_SECURITY_CONTEXT_SUPPLEMENTAL_GROUPS,
            Some(*g),
            path.child("supplementalGroups").index(i),
        );
    }
    if let Some(p) = &sc.seccomp_profile {
        seccomp_profile(checker, p, &path.child("seccompProfile"));
    }
}

/// `validateSeccompProfileField`.
pub(crate) fn seccomp_profile(checker: &mut Checker, p: &SeccompProfile, path: &FieldPath) {
    let profile_path = path.child("localhostProfile");
    match (&p.kind, &p.localhost_profile) {
        (SeccompProfileType::Localhost, None) => checker.error(FieldError::required(
            ids::S6_4_SECCOMP_LOCALHOST_PROFILE_REQUIRED,
            profile_path,
            "must be set when seccomp type is Localhost",
        )),
        (SeccompProfileType::Localhost, Some(profile)) => {
            let rules = PathRules {
                relative: ids::S6_4_SECCOMP_LOCALHOST_PROFILE_PATH,
                backsteps: ids::S6_4_SECCOMP_LOCALHOST_PROFILE_PATH,
                dotdot_prefix: ids::S6_4_SECCOMP_LOCALHOST_PROFILE_PATH,
            };
            local_descending(checker, rules, &profile_path, profile);
        }
        (kind, Some(profile)) => checker.error(invalid_raw(
            ids::S6_4_SECCOMP_LOCALHOST_PROFILE_ONLY,
            profile_path,
            format!(
                "{{\"type\":{},\"localhostProfile\":{}}}",
                quote(kind.as_str()),
                quote(profile)
            ),
            "can only be set when seccomp type is Localhost",
        )),
        (_, None) => {}
    }
}

/// `validateAffinity`.
fn affinity(checker: &mut Checker, a: &Affinity, path: &FieldPath) {
    if let Some(na) = &a.node_affinity {
        let p = path.child("nodeAffinity");
        if let Some(required) = &na.required {
            let rp = p.child("requiredDuringSchedulingIgnoredDuringExecution");
            let terms = rp.child("nodeSelectorTerms");
            if required.node_selector_terms.is_empty() {
                checker.error(FieldError::required(
                    ids::S6_4_NODE_AFFINITY_TERMS_REQUIRED,
                    terms.clone(),
                    "must have at least one node selector term",
                ));
            }
            for (i, term) in required.node_selector_terms.iter().enumerate() {
                let rule = Some(ids::S6_4_NODE_AFFINITY_REQUIREMENT);
                selector::node_term(checker, term, true, rule, &terms.index(i));
            }
        }
        let pp = p.child("preferredDuringSchedulingIgnoredDuringExecution");
        for (i, term) in na.preferred.iter().enumerate() {
            weight(
                checker,
                ids::S6_4_NODE_AFFINITY_WEIGHT,
                term.weight,
                &pp.index(i),
            );
            // Invalid label values are allowed in preferred terms.
            let rule = Some(ids::S6_4_NODE_AFFINITY_REQUIREMENT);
            let pref = pp.index(i).child("preference");
            selector::node_term(checker, &term.preference, false, rule, &pref);
        }
    }
    if let Some(pa) = &a.pod_affinity {
        pod_affinity(checker, pa, &path.child("podAffinity"));
    }
    if let Some(pa) = &a.pod_anti_affinity {
        pod_affinity(checker, pa, &path.child("podAntiAffinity"));
    }
}

fn weight(checker: &mut Checker, rule: RuleId, w: i32, path: &FieldPath) {
    if !(1..=100).contains(&w) {
        checker.error(FieldError::invalid_number(
            rule,
            path.child("weight"),
            i64::from(w),
            WEIGHT_RANGE,
        ));
    }
}

/// `validatePodAffinity` / `validatePodAntiAffinity`.
fn pod_affinity(checker: &mut Checker, pa: &PodAffinity, path: &FieldPath) {
    let rp = path.child("requiredDuringSchedulingIgnoredDuringExecution");
    for (i, term) in pa.required.iter().enumerate() {
        pod_affinity_term(checker, term, &rp.index(i));
    }
    let pp = path.child("preferredDuringSchedulingIgnoredDuringExecution");
    for (i, w) in pa.preferred.iter().enumerate() {
        weight(
            checker,
            ids::S6_4_POD_AFFINITY_WEIGHT,
            w.weight,
            &pp.index(i),
        );
        pod_affinity_term(
            checker,
            &w.pod_affinity_term,
            &pp.index(i).child("podAffinityTerm"),
        );
    }
}

/// `validatePodAffinityTerm`.
fn pod_affinity_term(checker: &mut Checker, term: &PodAffinityTerm, path: &FieldPath) {
    if let Some(s) = &term.label_selector {
        selector::label_selector(
            checker,
            SelectorRules::POD_AFFINITY,
            s,
            &path.child("labelSelector"),
        );
    }
    if let Some(s) = &term.namespace_selector {
        selector::label_selector(
            checker,
            SelectorRules::POD_AFFINITY,
            s,
            &path.child("namespaceSelector"),
        );
    }
    for ns in &term.namespaces {
        // Path quirk: the API server reports every namespace at `.namespace`.
        invalid_each(
            checker,
            ids::S6_4_POD_AFFINITY_NAMESPACES,
            &path.child("namespace"),
            ns,
            names::dns1123_label(ns),
        );
    }
    label_keys(
        checker,
        &term.match_label_keys,
        &term.mismatch_label_keys,
        term.label_selector.as_ref(),
        path,
    );
    let key_path = path.child("topologyKey");
    if term.topology_key.is_empty() {
        checker.error(FieldError::required(
            ids::S6_4_POD_AFFINITY_TOPOLOGY_KEY_REQUIRED,
            key_path.clone(),
            "can not be empty",
        ));
    }
    invalid_each(
        checker,
        ids::S6_4_POD_AFFINITY_TOPOLOGY_KEY_FORMAT,
        &key_path,
        &term.topology_key,
        names::qualified_name(&term.topology_key),
    );
}

/// `validateMatchLabelKeysAndMismatchLabelKeys` (its selector-overlap check is not done).
fn label_keys(
    checker: &mut Checker,
    match_keys: &[String],
    mismatch_keys: &[String],
    selector: Option<&LabelSelector>,
    path: &FieldPath,
) {
    let rule = ids::S6_4_POD_AFFINITY_LABEL_KEYS;
    if checker.target().minor() < 31 {
        // The API server drops both fields before validating (dropDisabledFields), so it checks
        // nothing of them; kvol refuses them as its own rule (the term would lose them).
        for (field, keys) in [
            ("matchLabelKeys", match_keys),
            ("mismatchLabelKeys", mismatch_keys),
        ] {
            if !keys.is_empty() {
                checker.error(FieldError::forbidden(
                    ids::S6_4_KVOL_POD_AFFINITY_LABEL_KEYS_RELEASE,
                    path.child(field),
                    format!(
                        "is dropped by the API server before Kubernetes 1.31 (the \
                         MatchLabelKeysInPodAffinity feature gate is off), so the term would \
                         select more pods than written; target 1.31 or later, or remove {field}"
                    ),
                ));
            }
        }
        return;
    }
    for (field, keys) in [
        ("matchLabelKeys", match_keys),
        ("mismatchLabelKeys", mismatch_keys),
    ] {
        if keys.is_empty() {
            continue;
        }
        let p = path.child(field);
        if selector.is_none() {
            checker.error(FieldError::forbidden(
                rule,
                p,
                "must not be specified when labelSelector is not set",
            ));
            continue;
        }
        for (i, key) in keys.iter().enumerate() {
            invalid_each(checker, rule, &p.index(i), key, names::qualified_name(key));
        }
    }
    let mismatch: BTreeSet<&str> = mismatch_keys.iter().map(String::as_str).collect();
    for (i, key) in match_keys.iter().enumerate() {
        if mismatch.contains(key.as_str()) {
            checker.error(FieldError::invalid(
                rule,
                path.child("matchLabelKeys").index(i),
                key,
                "exists in both matchLabelKeys and mismatchLabelKeys",
            ));
        }
    }
}

/// One toleration (`ValidateTolerations`).
fn toleration(checker: &mut Checker, t: &Toleration, path: &FieldPath) {
    let key = t.key.as_deref().unwrap_or("");
    if !key.is_empty() {
        invalid_each(
            checker,
            ids::S6_4_TOLERATION_KEY,
            &path.child("key"),
            key,
            names::qualified_name(key),
        );
    }
    let operator = t.operator.map_or("", TolerationOperator::as_str);
    if key.is_empty() && t.operator != Some(TolerationOperator::Exists) {
        checker.error(FieldError::invalid(
            ids::S6_4_TOLERATION_EMPTY_KEY_EXISTS,
            path.child("operator"),
            operator,
            "operator must be Exists when `key` is empty, which means \"match all values and all \
             keys\"",
        ));
    }
    if t.toleration_seconds.is_some() && t.effect != Some(TaintEffect::NoExecute) {
        checker.error(FieldError::invalid(
            ids::S6_4_TOLERATION_SECONDS_NOEXECUTE,
            path.child("effect"),
            t.effect.map_or("", TaintEffect::as_str),
            "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ));
    }
    let value = t.value.as_deref().unwrap_or("");
    match t.operator {
        None | Some(TolerationOperator::Equal) => {
            if let Err(e) = names::label_value(value) {
                // Path quirk: the value's errors are reported at `operator`, joined with ";".
                let error = FieldError::invalid(
                    ids::S6_4_TOLERATION_VALUE_LABEL,
                    path.child("operator"),
                    value,
                    e.messages.join(";"),
                );
                checker.error(error);
            }
        }
        Some(TolerationOperator::Exists) => {
            if !value.is_empty() {
                checker.error(FieldError::invalid(
                    ids::S6_4_TOLERATION_EXISTS_NO_VALUE,
                    path.child("operator"),
                    value,
                    "value must be empty when `operator` is 'Exists'",
                ));
            }
        }
    }
}

/// `validateTopologySpreadConstraints`.
fn spread_constraints(
    checker: &mut Checker,
    constraints: &[TopologySpreadConstraint],
    path: &FieldPath,
) {
    for (i, c) in constraints.iter().enumerate() {
        let p = path.index(i);
        if c.max_skew <= 0 {
            checker.error(FieldError::invalid_number(
                ids::S6_4_SPREAD_MAX_SKEW,
                p.child("maxSkew"),
                i64::from(c.max_skew),
                NOT_POSITIVE,
            ));
        }
        if c.topology_key.is_empty() {
            checker.error(FieldError::required(
                ids::S6_4_SPREAD_TOPOLOGY_KEY,
                p.child("topologyKey"),
                "can not be empty",
            ));
        }
        let repeated = constraints[i + 1..].iter().any(|o| {
            o.topology_key == c.topology_key && o.when_unsatisfiable == c.when_unsatisfiable
        });
        if repeated {
            checker.error(FieldError::duplicate(
                ids::S6_4_SPREAD_UNIQUE,
                p.child("{topologyKey, whenUnsatisfiable}"),
                &format!("{{{}, {}}}", c.topology_key, c.when_unsatisfiable),
            ));
        }
        if let Some(m) = c.min_domains {
            let mp = p.child("minDomains");
            if m <= 0 {
                checker.error(FieldError::invalid_number(
                    ids::S6_4_SPREAD_MIN_DOMAINS,
                    mp.clone(),
                    i64::from(m),
                    NOT_POSITIVE,
                ));
            }
            if c.when_unsatisfiable != UnsatisfiableConstraintAction::DoNotSchedule {
                checker.error(FieldError::invalid_number(
                    ids::S6_4_SPREAD_MIN_DOMAINS_DO_NOT_SCHEDULE,
                    mp,
                    i64::from(m),
                    format!(
                        "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not {}",
                        c.when_unsatisfiable
                    ),
                ));
            }
        }
        spread_label_keys(checker, c, &p.child("matchLabelKeys"));
        if let Some(s) = &c.label_selector {
            selector::label_selector(checker, SelectorRules::SPREAD, s, &p.child("labelSelector"));
        }
    }
}

/// `validateMatchLabelKeysInTopologySpread`.
fn spread_label_keys(checker: &mut Checker, c: &TopologySpreadConstraint, path: &FieldPath) {
    if c.match_label_keys.is_empty() {
        return;
    }
    let rule = ids::S6_4_SPREAD_MATCH_LABEL_KEYS;
    let mut selector_keys = BTreeSet::new();
    match &c.label_selector {
        Some(s) => {
            selector_keys.extend(s.match_labels.keys().map(String::as_str));
            selector_keys.extend(s.match_expressions.iter().map(|e| e.key.as_str()));
        }
        None => checker.error(FieldError::forbidden(
            rule,
            path.clone(),
            "must not be specified when labelSelector is not set",
        )),
    }
    for (i, key) in c.match_label_keys.iter().enumerate() {
        invalid_each(
            checker,
            rule,
            &path.index(i),
            key,
            names::qualified_name(key),
        );
        if selector_keys.contains(key.as_str()) {
            checker.error(FieldError::invalid(
                rule,
                path.index(i),
                key,
                "exists in both matchLabelKeys and labelSelector",
            ));
        }
    }
}
