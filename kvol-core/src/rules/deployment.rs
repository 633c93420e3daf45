//! Deployments (`ValidateDeployment` / `ValidateDeploymentSpec` /
//! `ValidateDeploymentStrategy` / `ValidateRollingUpdateDeployment` /
//! `ValidatePodTemplateSpecForReplicaSet` in pkg/apis/apps/validation): name a DNS-1123
//! subdomain; replicas, `minReadySeconds`, `revisionHistoryLimit` and
//! `progressDeadlineSeconds` ≥ 0, the deadline above `minReadySeconds`; a non-empty, valid
//! selector that matches the template's labels; the template as a pod template with
//! `restartPolicy: Always`; a Recreate strategy without `rollingUpdate`; a rolling update whose
//! limits are non-negative, not both 0, and `maxUnavailable` at most 100%.
//!
//! The API server defaults before it validates: an unset strategy is RollingUpdate, and unset
//! `maxSurge` / `maxUnavailable` are 25%, so only values written by the user can fail.

use super::{
    common::{NEGATIVE, invalid_raw, json_map, nonnegative},
    ids,
    meta::{self, AnnotationRules, LabelRules, NameFormat},
    pod::{self, SpecContext},
    selector,
    statefulset::selector_json,
};
use crate::{
    deployment::{Deployment, DeploymentStrategy, DeploymentStrategyType},
    pod::{PodTemplate, RestartPolicy},
    report::{FieldError, FieldPath, RuleId},
    statefulset::IntOrPercent,
    validate::Checker,
};

/// The selector rules of a Deployment (`ValidateLabelSelector`, strict label values).
const SELECTOR: selector::SelectorRules = selector::SelectorRules {
    match_labels: ids::S20_SELECTOR_VALID,
    in_values: ids::S20_SELECTOR_VALID,
    exists_no_values: ids::S20_SELECTOR_VALID,
    key: ids::S20_SELECTOR_VALID,
    values: ids::S20_SELECTOR_VALID,
};

/// The default of an unset `maxSurge` or `maxUnavailable` (`SetDefaults_Deployment`).
const DEFAULT_ROLLING: IntOrPercent = IntOrPercent::Percent(25);

/// A whole Deployment.
pub(crate) fn validate_deployment(checker: &mut Checker, d: &Deployment, path: &FieldPath) {
    meta::object_meta(
        checker,
        &d.metadata,
        NameFormat::Subdomain,
        ids::S20_NAME_FORMAT,
        &path.child("metadata"),
    );
    let spec = &d.spec;
    let sp = path.child("spec");
    nonnegative(
        checker,
        ids::S20_REPLICAS_NONNEGATIVE,
        sp.child("replicas"),
        i64::from(d.effective_replicas()),
    );

    let sel_path = sp.child("selector");
    let before = checker.error_count();
    selector::label_selector(checker, SELECTOR, &spec.selector, &sel_path);
    let selector_ok = checker.error_count() == before;
    if spec.selector.is_empty() {
        checker.error(invalid_raw(
            ids::S20_SELECTOR_NOT_EMPTY,
            sel_path.clone(),
            "{}".to_owned(),
            "empty selector is invalid for deployment",
        ));
    }
    if selector_ok {
        template(checker, d, &sp.child("template"));
    } else {
        // `LabelSelectorAsSelector` failed: the template is not validated.
        checker.error(invalid_raw(
            ids::S20_SELECTOR_VALID,
            sel_path,
            selector_json(&spec.selector),
            "invalid label selector",
        ));
    }

    if let Some(strategy) = &spec.strategy {
        self::strategy(checker, strategy, &sp.child("strategy"));
    }
    let min_ready = spec.min_ready_seconds.unwrap_or(0);
    nonnegative(
        checker,
        ids::S20_MIN_READY_SECONDS_NONNEGATIVE,
        sp.child("minReadySeconds"),
        i64::from(min_ready),
    );
    if let Some(limit) = spec.revision_history_limit {
        nonnegative(
            checker,
            ids::S20_REVISION_HISTORY_LIMIT_NONNEGATIVE,
            sp.child("revisionHistoryLimit"),
            i64::from(limit),
        );
    }
    if let Some(deadline) = spec.progress_deadline_seconds {
        let p = sp.child("progressDeadlineSeconds");
        nonnegative(
            checker,
            ids::S20_PROGRESS_DEADLINE_NONNEGATIVE,
            p.clone(),
            i64::from(deadline),
        );
        if deadline <= min_ready {
            checker.error(FieldError::invalid_number(
                ids::S20_PROGRESS_DEADLINE_ABOVE_MIN_READY,
                p,
                i64::from(deadline),
                "must be greater than minReadySeconds",
            ));
        }
    }
}

/// `ValidatePodTemplateSpecForReplicaSet`: the selector matches the labels, then
/// `ValidatePodTemplateSpec` (labels and annotations at `template.labels` /
/// `template.annotations`, the pod spec), then `restartPolicy: Always`.
fn template(checker: &mut Checker, d: &Deployment, tp: &FieldPath) {
    let spec = &d.spec;
    let labels = &spec.template.metadata.labels;
    if !spec.selector.is_empty() && !spec.selector.matches(labels) {
        checker.error(invalid_raw(
            ids::S20_SELECTOR_MATCHES_TEMPLATE,
            tp.child("metadata").child("labels"),
            json_map(labels),
            "`selector` does not match template `labels`",
        ));
    }
    let spec_path =
        always_restarting_template(checker, &spec.template, tp, ids::S20_RESTART_POLICY_ALWAYS);
    no_active_deadline(
        checker,
        &spec.template.spec,
        &spec_path,
        ids::S20_ACTIVE_DEADLINE_FORBIDDEN,
        "ReplicaSet",
    );
}

/// `ValidatePodTemplateSpec` (labels and annotations at `template.labels` /
/// `template.annotations`, the pod spec), then `restartPolicy: Always` under `restart_rule`:
/// the template of a ReplicaSet's or a DaemonSet's pods. Returns the pod spec's path.
pub(super) fn always_restarting_template(
    checker: &mut Checker,
    template: &PodTemplate,
    tp: &FieldPath,
    restart_rule: RuleId,
) -> FieldPath {
    meta::template_labels_annotations(
        checker,
        &template.metadata,
        (
            LabelRules::both(ids::S4_TEMPLATE_LABELS),
            AnnotationRules {
                key: ids::S4_TEMPLATE_ANNOTATIONS,
                size: ids::S4_TEMPLATE_ANNOTATIONS,
            },
        ),
        &tp.child("labels"),
        &tp.child("annotations"),
    );
    let spec_path = tp.child("spec");
    pod::pod_spec(
        checker,
        &template.spec,
        &SpecContext::template(&[]),
        &spec_path,
    );
    if let Some(policy) = template
        .spec
        .restart_policy
        .filter(|p| *p != RestartPolicy::Always)
    {
        checker.error(FieldError::not_supported(
            restart_rule,
            spec_path.child("restartPolicy"),
            policy.as_str(),
            &[RestartPolicy::Always.as_str()],
        ));
    }
    spec_path
}

/// `activeDeadlineSeconds` (kvol does not model it; set through the escape hatch) is Forbidden
/// in the pod template of a controller whose pods run forever: "activeDeadlineSeconds in
/// {owner} is not Supported" (`ValidatePodTemplateSpecForReplicaSet`, `ValidateDaemonSetSpec`,
/// `ValidateStatefulSetSpec`).
pub(super) fn no_active_deadline(
    checker: &mut Checker,
    spec: &crate::pod::PodSpec,
    spec_path: &FieldPath,
    rule: RuleId,
    owner: &str,
) {
    if spec
        .extra
        .get("activeDeadlineSeconds")
        .is_some_and(|v| *v != crate::schema::Value::Null)
    {
        checker.error(FieldError::forbidden(
            rule,
            spec_path.child("activeDeadlineSeconds"),
            format!("activeDeadlineSeconds in {owner} is not Supported"),
        ));
    }
}

/// `ValidateDeploymentStrategy` after defaulting.
fn strategy(checker: &mut Checker, strategy: &DeploymentStrategy, path: &FieldPath) {
    match strategy.effective_type() {
        DeploymentStrategyType::Recreate => {
            if strategy.rolling_update.is_some() {
                checker.error(FieldError::forbidden(
                    ids::S20_RECREATE_NO_ROLLING_UPDATE,
                    path.child("rollingUpdate"),
                    "may not be specified when strategy `type` is 'Recreate'",
                ));
            }
        }
        DeploymentStrategyType::RollingUpdate => {
            let ru = strategy.rolling_update.unwrap_or_default();
            let rp = path.child("rollingUpdate");
            let max_unavailable = ru.max_unavailable.unwrap_or(DEFAULT_ROLLING);
            let max_surge = ru.max_surge.unwrap_or(DEFAULT_ROLLING);
            let mu = rp.child("maxUnavailable");
            nonnegative_int_or_percent(
                checker,
                ids::S20_MAX_UNAVAILABLE_NONNEGATIVE,
                max_unavailable,
                &mu,
            );
            nonnegative_int_or_percent(
                checker,
                ids::S20_MAX_SURGE_NONNEGATIVE,
                max_surge,
                &rp.child("maxSurge"),
            );
            if value_of(max_unavailable) == 0 && value_of(max_surge) == 0 {
                checker.error(invalid_int_or_percent(
                    ids::S20_ROLLING_UPDATE_NOT_BOTH_ZERO,
                    mu.clone(),
                    max_unavailable,
                    "may not be 0 when `maxSurge` is 0",
                ));
            }
            not_more_than_100_percent(
                checker,
                ids::S20_MAX_UNAVAILABLE_AT_MOST_100_PERCENT,
                max_unavailable,
                &mu,
            );
        }
    }
}

/// `getIntOrPercentValue`.
pub(crate) fn value_of(v: IntOrPercent) -> i64 {
    match v {
        IntOrPercent::Int(n) => i64::from(n),
        IntOrPercent::Percent(p) => i64::from(p),
    }
}

/// An `Invalid value` error whose value is printed as the API server prints an IntOrString.
pub(crate) fn invalid_int_or_percent(
    rule: crate::report::RuleId,
    path: FieldPath,
    v: IntOrPercent,
    detail: &str,
) -> FieldError {
    match v {
        IntOrPercent::Int(n) => FieldError::invalid_number(rule, path, i64::from(n), detail),
        IntOrPercent::Percent(p) => FieldError::invalid(rule, path, &format!("{p}%"), detail),
    }
}

/// `ValidatePositiveIntOrPercent`: a count ≥ 0 (a percentage is `[0-9]+%` by construction).
pub(crate) fn nonnegative_int_or_percent(
    checker: &mut Checker,
    rule: crate::report::RuleId,
    v: IntOrPercent,
    path: &FieldPath,
) {
    if let IntOrPercent::Int(n) = v
        && n < 0
    {
        checker.error(FieldError::invalid_number(
            rule,
            path.clone(),
            i64::from(n),
            NEGATIVE,
        ));
    }
}

/// `IsNotMoreThan100Percent`.
pub(crate) fn not_more_than_100_percent(
    checker: &mut Checker,
    rule: crate::report::RuleId,
    v: IntOrPercent,
    path: &FieldPath,
) {
    if let IntOrPercent::Percent(p) = v
        && p > 100
    {
        checker.error(FieldError::invalid(
            rule,
            path.clone(),
            &format!("{p}%"),
            "must not be greater than 100%",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        deployment::{DeploymentSpec, RollingUpdateDeployment},
        meta::{ObjectMeta, TemplateMeta},
        pod::PodTemplate,
        report::ErrorKind,
        rules::test_support::{assert_clean, assert_has, assert_only, container, map, pod_spec},
        selector::LabelSelector,
        validate::Validate,
    };

    pub(crate) fn deployment(name: &str) -> Deployment {
        let labels = map(&[("app", name)]);
        Deployment {
            metadata: ObjectMeta::named(name),
            spec: DeploymentSpec {
                min_ready_seconds: None,
                paused: None,
                progress_deadline_seconds: None,
                replicas: Some(2),
                revision_history_limit: None,
                selector: LabelSelector::labels(labels.clone()),
                strategy: None,
                template: PodTemplate {
                    metadata: TemplateMeta {
                        labels,
                        ..Default::default()
                    },
                    spec: pod_spec(vec![container("app")], vec![]),
                },
            },
        }
    }

    #[test]
    fn a_plain_deployment_is_valid() {
        assert_clean(&deployment("web").check());
    }

    #[test]
    fn selector_must_match_and_not_be_empty() {
        let mut d = deployment("web");
        d.spec.template.metadata.labels = map(&[("app", "other")]);
        assert_only(
            &d.check(),
            "spec.template.metadata.labels",
            ErrorKind::Invalid,
        );
        let mut d = deployment("web");
        d.spec.selector = LabelSelector::default();
        assert_only(&d.check(), "spec.selector", ErrorKind::Invalid);
    }

    #[test]
    fn strategies() {
        let mut d = deployment("web");
        d.spec.strategy = Some(DeploymentStrategy {
            rolling_update: Some(RollingUpdateDeployment::default()),
            type_: Some(DeploymentStrategyType::Recreate),
        });
        assert_only(
            &d.check(),
            "spec.strategy.rollingUpdate",
            ErrorKind::Forbidden,
        );
        d.spec.strategy = Some(DeploymentStrategy::recreate());
        assert_clean(&d.check());
        d.spec.strategy = Some(DeploymentStrategy::rolling_update(
            Some(IntOrPercent::Int(0)),
            Some(IntOrPercent::Percent(0)),
        ));
        let r = d.check();
        assert_only(
            &r,
            "spec.strategy.rollingUpdate.maxUnavailable",
            ErrorKind::Invalid,
        );
        assert_eq!(
            r.errors[0].to_string(),
            "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"0%\": may not be 0 \
             when `maxSurge` is 0"
        );
        // Unset maxUnavailable is defaulted to 25%.
        d.spec.strategy = Some(DeploymentStrategy::rolling_update(
            Some(IntOrPercent::Int(0)),
            None,
        ));
        assert_clean(&d.check());
        d.spec.strategy = Some(DeploymentStrategy::rolling_update(
            Some(IntOrPercent::Int(-1)),
            Some(IntOrPercent::Percent(101)),
        ));
        let r = d.check();
        assert_has(
            &r,
            "spec.strategy.rollingUpdate.maxSurge",
            ErrorKind::Invalid,
        );
        assert_has(
            &r,
            "spec.strategy.rollingUpdate.maxUnavailable",
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn deadlines() {
        let mut d = deployment("web");
        d.spec.min_ready_seconds = Some(10);
        d.spec.progress_deadline_seconds = Some(10);
        assert_only(
            &d.check(),
            "spec.progressDeadlineSeconds",
            ErrorKind::Invalid,
        );
        d.spec.progress_deadline_seconds = Some(11);
        assert_clean(&d.check());
    }

    #[test]
    fn restart_policy_must_be_always() {
        let mut d = deployment("web");
        d.spec.template.spec.restart_policy = Some(RestartPolicy::OnFailure);
        assert_only(
            &d.check(),
            "spec.template.spec.restartPolicy",
            ErrorKind::NotSupported,
        );
    }
}
