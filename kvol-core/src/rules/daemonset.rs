//! DaemonSets (`ValidateDaemonSet` / `ValidateDaemonSetSpec` /
//! `ValidateDaemonSetUpdateStrategy` / `ValidateRollingUpdateDaemonSet` in
//! pkg/apis/apps/validation): name a DNS-1123 subdomain; a valid selector (strict label
//! values), not empty, matching the template's labels (unless it cannot be built); the template
//! as a pod template with `restartPolicy: Always` and no `activeDeadlineSeconds`;
//! `minReadySeconds` and `revisionHistoryLimit` ≥ 0; a rolling update whose limits are
//! non-negative, at most 100%, and exactly one of them non-zero. An OnDelete strategy's
//! `rollingUpdate` is not validated.
//!
//! The API server defaults before it validates (`SetDefaults_DaemonSet`): an unset strategy is
//! RollingUpdate, and unset `maxUnavailable` / `maxSurge` are 1 and 0, so a lone
//! `maxSurge: 1` fails (`maxUnavailable` is then 1 too) and a lone `maxUnavailable: 0` fails.

use super::{
    common::{invalid_raw, json_map, nonnegative},
    deployment::{
        always_restarting_template, invalid_int_or_percent, no_active_deadline,
        nonnegative_int_or_percent, not_more_than_100_percent, value_of,
    },
    ids,
    meta::{self, NameFormat},
    selector,
};
use crate::{
    daemonset::{DaemonSet, DaemonSetUpdateStrategy, DaemonSetUpdateStrategyType},
    report::{FieldError, FieldPath},
    statefulset::IntOrPercent,
    validate::Checker,
};

/// The selector rules of a DaemonSet (`ValidateLabelSelector`, strict label values on create).
const SELECTOR: selector::SelectorRules = selector::SelectorRules {
    match_labels: ids::S25_SELECTOR_VALID,
    in_values: ids::S25_SELECTOR_VALID,
    exists_no_values: ids::S25_SELECTOR_VALID,
    key: ids::S25_SELECTOR_VALID,
    values: ids::S25_SELECTOR_VALID,
};

/// The defaults of an unset `maxUnavailable` and `maxSurge` (`SetDefaults_DaemonSet`).
const DEFAULT_MAX_UNAVAILABLE: IntOrPercent = IntOrPercent::Int(1);
const DEFAULT_MAX_SURGE: IntOrPercent = IntOrPercent::Int(0);

/// A whole DaemonSet.
pub(crate) fn validate_daemonset(checker: &mut Checker, d: &DaemonSet, path: &FieldPath) {
    meta::object_meta(
        checker,
        &d.metadata,
        NameFormat::Subdomain,
        ids::S25_NAME_FORMAT,
        &path.child("metadata"),
    );
    let spec = &d.spec;
    let sp = path.child("spec");

    let sel_path = sp.child("selector");
    let before = checker.error_count();
    selector::label_selector(checker, SELECTOR, &spec.selector, &sel_path);
    let selector_ok = checker.error_count() == before;
    let tp = sp.child("template");
    let labels = &spec.template.metadata.labels;
    // `LabelSelectorAsSelector` fails on an invalid selector: the match is skipped (the template
    // is still validated); an empty selector matches everything.
    if selector_ok && !spec.selector.is_empty() && !spec.selector.matches(labels) {
        checker.error(invalid_raw(
            ids::S25_SELECTOR_MATCHES_TEMPLATE,
            tp.child("metadata").child("labels"),
            json_map(labels),
            "`selector` does not match template `labels`",
        ));
    }
    if spec.selector.is_empty() {
        checker.error(invalid_raw(
            ids::S25_SELECTOR_NOT_EMPTY,
            sel_path,
            "{}".to_owned(),
            "empty selector is invalid for daemonset",
        ));
    }

    // `ValidatePodTemplateSpec`, then `restartPolicy: Always`.
    let spec_path =
        always_restarting_template(checker, &spec.template, &tp, ids::S25_RESTART_POLICY_ALWAYS);
    no_active_deadline(
        checker,
        &spec.template.spec,
        &spec_path,
        ids::S25_ACTIVE_DEADLINE_FORBIDDEN,
        "DaemonSet",
    );

    nonnegative(
        checker,
        ids::S25_MIN_READY_SECONDS_NONNEGATIVE,
        sp.child("minReadySeconds"),
        i64::from(spec.min_ready_seconds.unwrap_or(0)),
    );
    if let Some(strategy) = &spec.update_strategy {
        update_strategy(checker, strategy, &sp.child("updateStrategy"));
    }
    if let Some(limit) = spec.revision_history_limit {
        nonnegative(
            checker,
            ids::S25_REVISION_HISTORY_LIMIT_NONNEGATIVE,
            sp.child("revisionHistoryLimit"),
            i64::from(limit),
        );
    }
}

/// `ValidateDaemonSetUpdateStrategy` after defaulting: an OnDelete strategy is not checked;
/// a RollingUpdate one goes through `ValidateRollingUpdateDaemonSet`.
fn update_strategy(checker: &mut Checker, strategy: &DaemonSetUpdateStrategy, path: &FieldPath) {
    if strategy.effective_type() == DaemonSetUpdateStrategyType::OnDelete {
        return;
    }
    let ru = strategy.rolling_update.unwrap_or_default();
    let rp = path.child("rollingUpdate");
    let max_unavailable = ru.max_unavailable.unwrap_or(DEFAULT_MAX_UNAVAILABLE);
    let max_surge = ru.max_surge.unwrap_or(DEFAULT_MAX_SURGE);
    let (mu, ms) = (rp.child("maxUnavailable"), rp.child("maxSurge"));
    nonnegative_int_or_percent(
        checker,
        ids::S25_MAX_UNAVAILABLE_NONNEGATIVE,
        max_unavailable,
        &mu,
    );
    nonnegative_int_or_percent(checker, ids::S25_MAX_SURGE_NONNEGATIVE, max_surge, &ms);
    not_more_than_100_percent(
        checker,
        ids::S25_MAX_UNAVAILABLE_AT_MOST_100_PERCENT,
        max_unavailable,
        &mu,
    );
    not_more_than_100_percent(
        checker,
        ids::S25_MAX_SURGE_AT_MOST_100_PERCENT,
        max_surge,
        &ms,
    );
    let has_unavailable = value_of(max_unavailable) != 0;
    let has_surge = value_of(max_surge) != 0;
    if has_unavailable && has_surge {
        checker.error(
            invalid_int_or_percent(
                ids::S25_ROLLING_UPDATE_NOT_BOTH_NONZERO,
                ms,
                max_surge,
                "may not be set when maxUnavailable is non-zero",
            )
            .with_help(
                "a DaemonSet rolls out either by surging or by taking pods down, not both; \
             maxUnavailable defaults to 1, so to surge set maxUnavailable to 0 as well",
            ),
        );
    } else if !has_unavailable && !has_surge {
        checker.error(
            FieldError::required(
                ids::S25_ROLLING_UPDATE_NOT_BOTH_ZERO,
                mu,
                "cannot be 0 when maxSurge is 0",
            )
            .with_help(
                "maxSurge defaults to 0 on a DaemonSet: set maxUnavailable above 0, or maxSurge \
             above 0 to roll out by surging",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pod::RestartPolicy;
    use crate::schema::Value;
    use crate::{
        daemonset::{DaemonSetSpec, RollingUpdateDaemonSet},
        meta::{ObjectMeta, TemplateMeta},
        pod::PodTemplate,
        report::ErrorKind,
        rules::test_support::{assert_clean, assert_has, assert_only, container, map, pod_spec},
        selector::LabelSelector,
        validate::Validate,
    };

    fn daemonset(name: &str) -> DaemonSet {
        let labels = map(&[("app", name)]);
        DaemonSet {
            metadata: ObjectMeta::named(name),
            spec: DaemonSetSpec {
                min_ready_seconds: None,
                revision_history_limit: None,
                selector: LabelSelector::labels(labels.clone()),
                template: PodTemplate {
                    metadata: TemplateMeta {
                        labels,
                        ..Default::default()
                    },
                    spec: pod_spec(vec![container("app")], vec![]),
                },
                update_strategy: None,
            },
        }
    }

    fn rolling(surge: Option<IntOrPercent>, unavailable: Option<IntOrPercent>) -> DaemonSet {
        let mut d = daemonset("agent");
        d.spec.update_strategy = Some(DaemonSetUpdateStrategy::rolling_update(surge, unavailable));
        d
    }

    #[test]
    fn a_plain_daemonset_is_valid() {
        assert_clean(&daemonset("agent").check());
    }

    #[test]
    fn selector_must_match_and_not_be_empty() {
        let mut d = daemonset("agent");
        d.spec.template.metadata.labels = map(&[("app", "other")]);
        assert_only(
            &d.check(),
            "spec.template.metadata.labels",
            ErrorKind::Invalid,
        );
        let mut d = daemonset("agent");
        d.spec.selector = LabelSelector::default();
        let r = d.check();
        assert_only(&r, "spec.selector", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].to_string(),
            "spec.selector: Invalid value: {}: empty selector is invalid for daemonset"
        );
    }

    #[test]
    fn rolling_update_defaults_and_limits() {
        // Defaults: maxUnavailable 1, maxSurge 0.
        assert_clean(&rolling(None, None).check());
        // A lone maxSurge: maxUnavailable is defaulted to 1, so both are non-zero.
        let r = rolling(Some(IntOrPercent::Int(1)), None).check();
        assert_only(
            &r,
            "spec.updateStrategy.rollingUpdate.maxSurge",
            ErrorKind::Invalid,
        );
        assert_eq!(
            r.errors[0].to_string(),
            "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when \
             maxUnavailable is non-zero"
        );
        assert_clean(&rolling(Some(IntOrPercent::Percent(10)), Some(IntOrPercent::Int(0))).check());
        let r = rolling(None, Some(IntOrPercent::Percent(0))).check();
        assert_only(
            &r,
            "spec.updateStrategy.rollingUpdate.maxUnavailable",
            ErrorKind::Required,
        );
        let r = rolling(
            Some(IntOrPercent::Int(-1)),
            Some(IntOrPercent::Percent(101)),
        )
        .check();
        assert_has(
            &r,
            "spec.updateStrategy.rollingUpdate.maxSurge",
            ErrorKind::Invalid,
        );
        assert_has(
            &r,
            "spec.updateStrategy.rollingUpdate.maxUnavailable",
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn on_delete_is_not_checked() {
        let mut d = daemonset("agent");
        d.spec.update_strategy = Some(DaemonSetUpdateStrategy {
            rolling_update: Some(RollingUpdateDaemonSet {
                max_surge: Some(IntOrPercent::Int(-1)),
                max_unavailable: Some(IntOrPercent::Int(0)),
            }),
            type_: Some(DaemonSetUpdateStrategyType::OnDelete),
        });
        assert_clean(&d.check());
    }

    #[test]
    fn pod_template_rules() {
        let mut d = daemonset("agent");
        d.spec.template.spec.restart_policy = Some(RestartPolicy::OnFailure);
        assert_only(
            &d.check(),
            "spec.template.spec.restartPolicy",
            ErrorKind::NotSupported,
        );
        let mut d = daemonset("agent");
        d.spec
            .template
            .spec
            .extra
            .insert("activeDeadlineSeconds", Value::Int(600));
        assert_only(
            &d.check(),
            "spec.template.spec.activeDeadlineSeconds",
            ErrorKind::Forbidden,
        );
        let mut d = daemonset("agent");
        d.spec.min_ready_seconds = Some(-1);
        d.spec.revision_history_limit = Some(-1);
        let r = d.check();
        assert_has(&r, "spec.minReadySeconds", ErrorKind::Invalid);
        assert_has(&r, "spec.revisionHistoryLimit", ErrorKind::Invalid);
    }
}
