//! StatefulSets (k8s-rules §11, `ValidateStatefulSet`) and their headless Service.
//!
//! The API server's rules: name a DNS-1123 label; update strategy (partition ≥ 0,
//! `maxUnavailable` not 0 and at most 100%); replicas, `minReadySeconds` and `ordinals.start`
//! ≥ 0; a non-empty selector that matches the template's labels; `restartPolicy: Always`.
//!
//! Applied as well, following k8s-rules §11.0 (Kubernetes ≥ 1.34 does it on create, and the
//! controller fails without it): the template is validated as a pod spec in which the claim
//! templates count as volumes, and each `volumeClaimTemplates[i]` as a claim whose name is a
//! DNS-1123 label. kvol adds: `serviceName` is a DNS-1123 label (it becomes every pod's
//! `subdomain`), a pod volume may not share a claim template's name (the template would
//! silently replace it), `revisionHistoryLimit` ≥ 0, and the embedded Service is valid and
//! consistent with the set (same name as `serviceName`, same namespace, selector equal to the
//! template's labels, named target ports that exist in the pods).

use super::{
    claim,
    common::{NEGATIVE, invalid_each, invalid_raw, json_map, nonnegative},
    ids,
    meta::{self, AnnotationRules, LabelRules, NameFormat},
    pod::{self, SpecContext},
    selector, service, warnings,
};
use crate::{
    names,
    pod::RestartPolicy,
    report::{FieldError, FieldPath, WarningCode, quote},
    service::TargetPort,
    statefulset::{IntOrPercent, StatefulSet, StatefulSetSpec, UpdateStrategy},
    validate::Checker,
    volume::{EmptyDir, VolumeSource},
};
use std::collections::BTreeSet;

/// The release from which the MaxUnavailableStatefulSet feature gate is on by default (beta;
/// alpha, off, from 1.24 to 1.34: kubernetes/website `feature-gates/MaxUnavailableStatefulSet.md`).
const MAX_UNAVAILABLE_ON: u32 = 35;

/// A whole StatefulSet with its Service (Service errors are under `service.`).
pub(crate) fn validate_statefulset(checker: &mut Checker, sts: &StatefulSet, path: &FieldPath) {
    meta::object_meta(
        checker,
        &sts.metadata,
        NameFormat::Label,
        ids::S2_NAME_STATEFULSET,
        &path.child("metadata"),
    );
    let spec = &sts.spec;
    let sp = path.child("spec");
    super::extra::check(
        checker,
        &spec.extra,
        &super::extra::statefulset_spec_level(),
        &sp,
    );

    update_strategy(checker, spec, &sp.child("updateStrategy"));
    nonnegative(
        checker,
        ids::S11_1_REPLICAS_NONNEGATIVE,
        sp.child("replicas"),
        spec.replicas.map_or(0, i64::from),
    );
    nonnegative(
        checker,
        ids::S11_1_MIN_READY_SECONDS_NONNEGATIVE,
        sp.child("minReadySeconds"),
        spec.min_ready_seconds.map_or(0, i64::from),
    );
    if let Some(start) = spec.ordinals_start {
        // Path as the API server prints it: `Child("ordinals.start")`.
        nonnegative(
            checker,
            ids::S11_1_ORDINALS_START_NONNEGATIVE,
            sp.child("ordinals.start"),
            i64::from(start),
        );
    }
    if let Some(limit) = spec.revision_history_limit {
        nonnegative(
            checker,
            ids::S11_1_KVOL_REVISION_HISTORY_LIMIT_NONNEGATIVE,
            sp.child("revisionHistoryLimit"),
            i64::from(limit),
        );
    }
    service_name(checker, &spec.service_name, &sp.child("serviceName"));

    let sel_path = sp.child("selector");
    let before = checker.error_count();
    selector::label_selector(
        checker,
        selector::SelectorRules::STATEFULSET,
        &spec.selector,
        &sel_path,
    );
    // The API server cannot even build an invalid selector, and then skips the match check.
    let selector_ok = checker.error_count() == before;
    if spec.selector.is_empty() {
        checker.error(selector::empty_selector(sel_path.clone()));
    }

    // `ValidateStatefulSetSpec`: a selector `LabelSelectorAsSelector` cannot build also gets
    // `spec.selector: Invalid value: <the selector as JSON>` (no detail), and then
    // `ValidatePodTemplateSpecForStatefulSet` is skipped: the template's labels and
    // annotations, the selector match and (from 1.34) the template's pod spec are not checked.
    if !selector_ok {
        checker.error(invalid_raw(
            ids::S11_1_SELECTOR_LABELS,
            sel_path.clone(),
            selector_json(&spec.selector),
            "",
        ));
    }
    let tp = sp.child("template");
    let labels = &spec.template.metadata.labels;
    if selector_ok && !spec.selector.is_empty() && !spec.selector.matches(labels) {
        checker.error(invalid_raw(
            ids::S11_1_SELECTOR_MATCHES_TEMPLATE,
            tp.child("metadata").child("labels"),
            json_map(labels),
            "`selector` does not match template `labels`",
        ));
    }
    // Path quirk: `spec.template.labels` / `spec.template.annotations`, without `metadata`.
    let mut template_checker = Checker::new(checker.target());
    meta::template_labels_annotations(
        &mut template_checker,
        &spec.template.metadata,
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
    let template_report = template_checker.finish();
    if selector_ok {
        for e in template_report.errors {
            checker.error(e);
        }
    }

    let claim_names = claim_templates(checker, spec, &sp.child("volumeClaimTemplates"));
    let spec_path = tp.child("spec");
    // The template's errors break the template rule (their pod rule is their cause), but for
    // those already about templates.
    let mut inner = Checker::new(checker.target());
    pod::pod_spec(
        &mut inner,
        &spec.template.spec,
        &SpecContext::template(&claim_names),
        &spec_path,
    );
    let report = inner.finish();
    for mut e in report.errors.into_iter().filter(|_| selector_ok) {
        // kvol's own findings stay kvol's (e.g. an ephemeral volume's dataSource that the
        // claim's create would drop): the server's template rule would make them its errors.
        if !e.rule.section().starts_with("11") && e.rule.source() != crate::report::Source::Kvol {
            e.cause = Some(e.rule);
            e.rule = ids::S11_0_TEMPLATE_POD_SPEC;
        }
        checker.error(unvalidated_before_1_34(checker.target(), e));
    }
    for w in report.warnings {
        checker.warning(w);
    }
    if let Some(policy) = spec
        .template
        .spec
        .restart_policy
        .filter(|p| *p != RestartPolicy::Always)
    {
        let value = policy.as_str();
        let rule = if policy == RestartPolicy::Never {
            ids::S11_1_RESTART_POLICY_NEVER
        } else {
            ids::S11_1_RESTART_POLICY_ALWAYS
        };
        checker.error(FieldError::not_supported(
            rule,
            spec_path.child("restartPolicy"),
            value,
            &[RestartPolicy::Always.as_str()],
        ));
    }
    super::deployment::no_active_deadline(
        checker,
        &spec.template.spec,
        &spec_path,
        ids::S11_1_ACTIVE_DEADLINE_SECONDS,
        "StatefulSet",
    );
    shadowed_volumes(checker, spec, &spec_path.child("volumes"));

    if !sts.service_in_set {
        governing_service(checker, sts, &path.child("service"));
    }
    warnings::statefulset(checker, sts, path);
}

/// `spec.updateStrategy.rollingUpdate`: partition ≥ 0; `maxUnavailable` a non-negative count or
/// a percentage, not 0, at most 100%.
fn update_strategy(checker: &mut Checker, spec: &StatefulSetSpec, path: &FieldPath) {
    let Some(UpdateStrategy::RollingUpdate {
        partition,
        max_unavailable,
    }) = &spec.update_strategy
    else {
        return;
    };
    let ru = path.child("rollingUpdate");
    if let Some(p) = partition {
        nonnegative(
            checker,
            ids::S11_1_PARTITION_NONNEGATIVE,
            ru.child("partition"),
            i64::from(*p),
        );
    }
    let mp = ru.child("maxUnavailable");
    let target = checker.target();
    if max_unavailable.is_some() && target.minor() < MAX_UNAVAILABLE_ON {
        // `dropStatefulSetDisabledFields` (pkg/registry/apps/statefulset/strategy.go, from
        // `PrepareForCreate`) drops it before validation while MaxUnavailableStatefulSet is off.
        checker.error(FieldError::forbidden(
            ids::S14_KVOL_MAX_UNAVAILABLE_FEATURE_GATE,
            mp,
            format!(
                "the API server drops maxUnavailable on create before Kubernetes \
                 1.{MAX_UNAVAILABLE_ON} (the MaxUnavailableStatefulSet feature gate is alpha and \
                 off by default; target {target}), so pods would be replaced one at a time: \
                 remove it, or target 1.{MAX_UNAVAILABLE_ON} or later"
            ),
        ));
        return;
    }
    match max_unavailable {
        Some(IntOrPercent::Int(n)) => {
            if *n < 0 {
                checker.error(FieldError::invalid_number(
                    ids::S11_1_MAX_UNAVAILABLE_NEGATIVE,
                    mp.clone(),
                    i64::from(*n),
                    NEGATIVE,
                ));
            }
            if *n == 0 {
                checker.error(FieldError::invalid_number(
                    ids::S11_1_MAX_UNAVAILABLE_ZERO,
                    mp,
                    0,
                    "cannot be 0",
                ));
            }
        }
        Some(IntOrPercent::Percent(p)) => {
            let text = format!("{p}%");
            if *p == 0 {
                checker.error(FieldError::invalid(
                    ids::S11_1_MAX_UNAVAILABLE_ZERO_PERCENT,
                    mp.clone(),
                    &text,
                    "cannot be 0",
                ));
            }
            if *p > 100 {
                checker.error(FieldError::invalid(
                    ids::S11_1_MAX_UNAVAILABLE_OVER_100_PERCENT,
                    mp,
                    &text,
                    "must not be greater than 100%",
                ));
            }
        }
        None => {}
    }
}

/// `spec.serviceName` becomes every pod's `subdomain`, which must be a DNS-1123 label.
fn service_name(checker: &mut Checker, name: &str, path: &FieldPath) {
    if name.is_empty() {
        checker.error(FieldError::required(
            ids::S11_2_KVOL_SERVICE_NAME_REQUIRED,
            path.clone(),
            "the governing headless Service's name gives the pods their DNS names",
        ));
    } else {
        invalid_each(
            checker,
            ids::S11_2_KVOL_SERVICE_NAME_LABEL,
            path,
            name,
            names::dns1123_label(name),
        );
    }
}

/// `volumeClaimTemplates[i]`: each a claim named by a DNS-1123 label (unique). Returns the
/// names that mounts may use (those whose name passed, like pod volumes).
fn claim_templates(checker: &mut Checker, spec: &StatefulSetSpec, path: &FieldPath) -> Vec<String> {
    let mut valid = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, t) in spec.volume_claim_templates.iter().enumerate() {
        let idx = path.index(i);
        let meta_path = idx.child("metadata");
        let name_path = meta_path.child("name");
        let before = checker.error_count();
        let name = t.metadata.name.as_deref().unwrap_or("");
        if name.is_empty() {
            checker.error(FieldError::required(
                ids::S11_0_KVOL_CLAIM_TEMPLATE_NAME_REQUIRED,
                name_path,
                "a claim template's name is the volume name mounts use",
            ));
        } else {
            invalid_each(
                checker,
                ids::S11_0_KVOL_CLAIM_TEMPLATE_NAME_FORMAT,
                &name_path,
                name,
                names::dns1123_label(name),
            );
            if !seen.insert(name) {
                checker.error(FieldError::duplicate(
                    ids::S11_0_KVOL_CLAIM_TEMPLATE_NAME_UNIQUE,
                    name_path,
                    name,
                ));
            }
        }
        if checker.error_count() == before {
            valid.push(name.to_owned());
        }
        // `ValidateStatefulSetSpec` validates only `volumeClaimTemplates[i].spec` (from 1.34);
        // the labels and annotations are kvol's rule: the controller's PVC create would fail.
        let mut inner = Checker::new(checker.target());
        meta::template_labels_annotations(
            &mut inner,
            &t.metadata,
            (
                LabelRules::both(ids::S4_CLAIM_TEMPLATE_LABELS),
                AnnotationRules::METADATA,
            ),
            &meta_path.child("labels"),
            &meta_path.child("annotations"),
        );
        for mut e in inner.finish().errors {
            e.cause = Some(e.rule);
            e.rule = ids::S11_0_KVOL_CLAIM_TEMPLATE_METADATA;
            checker.error(e);
        }
        let mut inner = Checker::new(checker.target());
        claim::claim_spec(
            &mut inner,
            claim::ClaimContext::Template,
            &t.spec,
            &idx.child("spec"),
        );
        let report = inner.finish();
        for e in report.errors {
            checker.error(unvalidated_before_1_34(checker.target(), e));
        }
        for w in report.warnings {
            checker.warning(w);
        }
        warnings::beta_storage_class_annotation(checker, &t.metadata.annotations, &meta_path);
    }
    valid
}

/// A label selector as `json.Marshal` writes a `metav1.LabelSelector`: `matchLabels` first,
/// empty fields left out.
pub(crate) fn selector_json(sel: &crate::selector::LabelSelector) -> String {
    let mut parts = Vec::new();
    if !sel.match_labels.is_empty() {
        parts.push(format!("\"matchLabels\":{}", json_map(&sel.match_labels)));
    }
    if !sel.match_expressions.is_empty() {
        let exprs = crate::json::to_string(&sel.match_expressions).unwrap_or_default();
        parts.push(format!("\"matchExpressions\":{exprs}"));
    }
    format!("{{{}}}", parts.join(","))
}

/// The first release whose API server validates a StatefulSet's pod template spec and claim
/// templates on create: PRs 131790 ("Add podSpec validation for create StatefulSet",
/// changelog v1.34.0-beta.0) and 132212 (`ValidateVolumeClaimTemplates`); before them
/// `ValidatePodTemplateSpecForStatefulSet` checked only the template's labels and annotations
/// (k8s-rules §11.0).
const TEMPLATES_VALIDATED_FROM: u32 = 34;

/// An error of the server's rules in the pod template spec or a claim template: kvol's own
/// before 1.34 (its rule then says so, its cause is the pod or claim rule that failed).
fn unvalidated_before_1_34(target: crate::KubeVersion, mut e: FieldError) -> FieldError {
    // kvol's own findings are kvol's at every target, with their own rule (and why).
    if target.minor() < TEMPLATES_VALIDATED_FROM && e.source() == crate::report::Source::ApiServer {
        e.cause = Some(e.cause.unwrap_or(e.rule));
        e.rule = ids::S11_0_KVOL_TEMPLATES_UNVALIDATED_BY_SERVER;
    }
    e
}

/// kvol: a pod volume named like a claim template is replaced by the template's claim
/// (`updateStorage` in the StatefulSet controller's `stateful_set_utils.go`). A volume with a
/// source is silently dropped: an error. One without (the API server defaults it to an
/// `emptyDir` without medium or size limit, and kvol reads it so) only names the claim's
/// volume: a warning.
fn shadowed_volumes(checker: &mut Checker, spec: &StatefulSetSpec, path: &FieldPath) {
    let templates: BTreeSet<&str> = spec
        .volume_claim_templates
        .iter()
        .filter_map(|t| t.metadata.name.as_deref())
        .collect();
    for (i, vol) in spec.template.spec.volumes.iter().enumerate() {
        if vol.name.is_empty() || !templates.contains(vol.name.as_str()) {
            continue;
        }
        let placeholder = matches!(
            &vol.source,
            VolumeSource::EmptyDir(EmptyDir {
                medium: None,
                size_limit: None
            })
        );
        let at = path.index(i).child("name");
        if placeholder {
            checker.warn(
                WarningCode::ClaimTemplatePlaceholderVolume,
                at,
                format!(
                    "volume {} has no source (or an emptyDir without medium or sizeLimit) and \
                     is named like a volumeClaimTemplate: the StatefulSet controller replaces \
                     it with the template's claim in every pod, so the entry declares nothing \
                     and can be deleted",
                    quote(&vol.name)
                ),
            );
        } else {
            checker.error(FieldError::invalid(
                ids::S11_2_KVOL_VOLUME_SHADOWED_BY_CLAIM_TEMPLATE,
                at,
                &vol.name,
                "must not be the name of a volumeClaimTemplate (the claim template would replace \
                 this volume); rename the volume or the claim template",
            ));
        }
    }
}

/// The embedded Service: valid on its own, and governing this set.
fn governing_service(checker: &mut Checker, sts: &StatefulSet, path: &FieldPath) {
    let svc = &sts.service;
    service::validate_service(checker, svc, path);
    if !svc.is_headless() {
        checker.error(FieldError::invalid(
            ids::S11_2_KVOL_SERVICE_HEADLESS,
            path.child("spec").child("clusterIP"),
            svc.spec.cluster_ip.as_str().unwrap_or(""),
            "must be None: a StatefulSet's governing Service is headless, which gives each pod \
             its DNS name",
        ));
    }
    let meta_path = path.child("metadata");
    if svc.metadata.name != sts.spec.service_name {
        checker.error(FieldError::invalid(
            ids::S11_2_KVOL_SERVICE_NAME_IS_SERVICE_NAME,
            meta_path.child("name"),
            &svc.metadata.name,
            format!(
                "must equal the StatefulSet's spec.serviceName {}",
                quote(&sts.spec.service_name)
            ),
        ));
    }
    let ns = |n: &Option<String>| n.clone().filter(|s| !s.is_empty());
    let (svc_ns, sts_ns) = (ns(&svc.metadata.namespace), ns(&sts.metadata.namespace));
    if svc_ns != sts_ns {
        let detail = match &sts_ns {
            Some(n) => format!("must equal the StatefulSet's namespace {}", quote(n)),
            None => "must be unset, like the StatefulSet's namespace".to_owned(),
        };
        checker.error(FieldError::invalid(
            ids::S11_2_KVOL_SERVICE_NAMESPACE,
            meta_path.child("namespace"),
            svc_ns.as_deref().unwrap_or(""),
            detail,
        ));
    }
    let labels = &sts.spec.template.metadata.labels;
    if &svc.spec.selector != labels {
        checker.error(invalid_raw(
            ids::S11_2_KVOL_SERVICE_SELECTOR,
            path.child("spec").child("selector"),
            json_map(&svc.spec.selector),
            format!("must equal the pod template's labels {}", json_map(labels)),
        ));
    }
    let container_ports: BTreeSet<&str> = sts
        .spec
        .template
        .spec
        .containers
        .iter()
        .flat_map(|c| c.ports.iter().filter_map(|p| p.name.as_deref()))
        .collect();
    for (i, port) in svc.spec.ports.iter().enumerate() {
        if let Some(TargetPort::Name(name)) = &port.target_port
            && !name.is_empty()
            && !container_ports.contains(name.as_str())
        {
            let target = path
                .child("spec")
                .child("ports")
                .index(i)
                .child("targetPort");
            checker.error(FieldError::not_found(
                ids::S11_2_KVOL_SERVICE_TARGET_PORT_EXISTS,
                target,
                name,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        pod::Protocol,
        report::ErrorKind,
        rules::test_support::{
            assert_clean, assert_count, assert_has, assert_only, container, empty_dir, map,
            statefulset,
        },
        selector::LabelSelector,
        service::ServicePort,
        statefulset::{PodManagementPolicy, RetentionAction, RetentionPolicy},
        validate::Validate,
    };

    #[test]
    fn kvols_own_template_findings_stay_kvols() {
        // An ephemeral volume in the pod template whose claim template has a dataSource the
        // claim's create would drop: well-formed for the server (from 1.34 it validates the
        // template), kvol's own error, not the server's template rule.
        let mut t = crate::rules::test_support::claim_template("ignored", "1Gi");
        t.metadata.name = None;
        t.spec.data_source = Some(crate::pvc::TypedLocalObjectReference {
            api_group: Some("example.com".into()),
            kind: "Thing".into(),
            name: "t".into(),
        });
        let mut s = statefulset("web");
        s.spec
            .template
            .spec
            .volumes
            .push(crate::volume::Volume::new(
                "scratch",
                crate::volume::VolumeSource::Ephemeral(crate::volume::EphemeralVolume {
                    volume_claim_template: t,
                }),
            ));
        for minor in [33, 34, 37] {
            let r = s.check_for(crate::rules::test_support::v(minor));
            assert_count(&r, 1);
            assert_eq!(r.errors[0].rule, ids::S8_KVOL_DATA_SOURCE_DROPPED, "{r}");
            assert_eq!(r.errors[0].source(), crate::report::Source::Kvol);
        }
    }

    #[test]
    fn the_seed_web_set_is_valid() {
        let mut s = statefulset("web");
        s.spec.update_strategy = Some(UpdateStrategy::RollingUpdate {
            partition: Some(0),
            max_unavailable: None,
        });
        s.spec.pod_management_policy = Some(PodManagementPolicy::OrderedReady);
        s.spec.retention = Some(RetentionPolicy {
            when_deleted: RetentionAction::Retain,
            when_scaled: RetentionAction::Delete,
        });
        s.spec.template.spec.termination_grace_period_seconds = Some(10);
        let r = s.check();
        assert_clean(&r);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn name_is_a_label_of_at_most_63() {
        assert_clean(&statefulset(&"w".repeat(63)).check());
        // Only the StatefulSet is renamed (its Service and serviceName stay valid).
        let mut s = statefulset("web");
        s.metadata.name = "w".repeat(64);
        let r = s.check();
        assert_only(&r, "metadata.name", ErrorKind::Invalid);
        assert_eq!(r.errors[0].detail, "must be no more than 63 characters");
        s.metadata.name = "web.example".into();
        let r = s.check();
        assert_only(&r, "metadata.name", ErrorKind::Invalid);
        assert_eq!(r.errors[0].detail, "must not contain dots");
    }

    #[test]
    fn partition_boundary() {
        let mut s = statefulset("web");
        s.spec.update_strategy = Some(UpdateStrategy::RollingUpdate {
            partition: Some(0),
            max_unavailable: None,
        });
        assert_clean(&s.check());
        s.spec.update_strategy = Some(UpdateStrategy::RollingUpdate {
            partition: Some(-1),
            max_unavailable: None,
        });
        let r = s.check();
        assert_only(
            &r,
            "spec.updateStrategy.rollingUpdate.partition",
            ErrorKind::Invalid,
        );
        assert_eq!(
            r.errors[0].to_string(),
            "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0"
        );
    }

    fn with_max_unavailable(m: IntOrPercent) -> crate::Report {
        let mut s = statefulset("web");
        s.spec.update_strategy = Some(UpdateStrategy::RollingUpdate {
            partition: None,
            max_unavailable: Some(m),
        });
        s.check_for(crate::rules::test_support::v(35))
    }

    #[test]
    fn max_unavailable_is_dropped_before_1_35() {
        let p = "spec.updateStrategy.rollingUpdate.maxUnavailable";
        let mut s = statefulset("web");
        for m in [
            IntOrPercent::Int(2),
            IntOrPercent::Int(0),
            IntOrPercent::Percent(101),
        ] {
            s.spec.update_strategy = Some(UpdateStrategy::RollingUpdate {
                partition: None,
                max_unavailable: Some(m),
            });
            for minor in 30..35 {
                // Dropped before validation: only kvol's error, whatever the value.
                let r = s.check_for(crate::KubeVersion::new(minor).unwrap());
                assert_only(&r, p, ErrorKind::Forbidden);
                assert_eq!(r.errors[0].rule, ids::S14_KVOL_MAX_UNAVAILABLE_FEATURE_GATE);
                assert!(r.errors[0].detail.contains("target 1.35 or later"));
            }
        }
        s.spec.update_strategy = Some(UpdateStrategy::RollingUpdate {
            partition: None,
            max_unavailable: Some(IntOrPercent::Int(2)),
        });
        for minor in 35..=37 {
            assert_clean(&s.check_for(crate::KubeVersion::new(minor).unwrap()));
        }
    }

    #[test]
    fn max_unavailable() {
        let p = "spec.updateStrategy.rollingUpdate.maxUnavailable";
        assert_clean(&with_max_unavailable(IntOrPercent::Int(1)));
        assert_clean(&with_max_unavailable(IntOrPercent::Percent(100)));
        assert_clean(&with_max_unavailable(IntOrPercent::Percent(1)));
        let r = with_max_unavailable(IntOrPercent::Int(0));
        assert_only(&r, p, ErrorKind::Invalid);
        assert_eq!(r.errors[0].detail, "cannot be 0");
        assert_only(
            &with_max_unavailable(IntOrPercent::Percent(0)),
            p,
            ErrorKind::Invalid,
        );
        let r = with_max_unavailable(IntOrPercent::Percent(101));
        assert_only(&r, p, ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].to_string(),
            format!("{p}: Invalid value: \"101%\": must not be greater than 100%")
        );
        assert_only(
            &with_max_unavailable(IntOrPercent::Int(-1)),
            p,
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn counts_are_nonnegative() {
        let mut s = statefulset("web");
        s.spec.replicas = Some(0);
        s.spec.min_ready_seconds = Some(0);
        s.spec.ordinals_start = Some(0);
        s.spec.revision_history_limit = Some(0);
        assert_clean(&s.check());
        s.spec.replicas = Some(-1);
        s.spec.min_ready_seconds = Some(-1);
        s.spec.ordinals_start = Some(-1);
        s.spec.revision_history_limit = Some(-1);
        let r = s.check();
        assert_count(&r, 4);
        assert_has(&r, "spec.replicas", ErrorKind::Invalid);
        assert_has(&r, "spec.minReadySeconds", ErrorKind::Invalid);
        assert_has(&r, "spec.ordinals.start", ErrorKind::Invalid);
        assert_has(&r, "spec.revisionHistoryLimit", ErrorKind::Invalid);
    }

    #[test]
    fn selector_must_be_non_empty_and_match() {
        let mut s = statefulset("web");
        s.spec.selector = LabelSelector::default();
        let r = s.check();
        assert_only(&r, "spec.selector", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].to_string(),
            "spec.selector: Invalid value: {}: empty selector is invalid for statefulset"
        );
        let mut s = statefulset("web");
        s.spec.selector = LabelSelector::labels(map(&[("app", "other")]));
        let r = s.check();
        assert_only(&r, "spec.template.metadata.labels", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].to_string(),
            "spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: `selector` does not match template `labels`"
        );
    }

    #[test]
    fn template_labels_path_quirk() {
        let mut s = statefulset("web");
        s.spec
            .template
            .metadata
            .annotations
            .insert("a/b/c".into(), String::new());
        assert_only(&s.check(), "spec.template.annotations", ErrorKind::Invalid);
    }

    #[test]
    fn restart_policy_must_be_always() {
        let mut s = statefulset("web");
        s.spec.template.spec.restart_policy = Some(RestartPolicy::Always);
        assert_clean(&s.check());
        s.spec.template.spec.restart_policy = Some(RestartPolicy::OnFailure);
        let r = s.check();
        assert_only(
            &r,
            "spec.template.spec.restartPolicy",
            ErrorKind::NotSupported,
        );
        assert_eq!(
            r.errors[0].to_string(),
            "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\""
        );
    }

    #[test]
    fn service_name_is_a_label() {
        let mut s = statefulset("web");
        s.spec.service_name = "n".repeat(63);
        s.service.metadata.name = "n".repeat(63);
        assert_clean(&s.check());
        s.spec.service_name = "n".repeat(64);
        s.service.metadata.name = "n".repeat(64);
        let r = s.check();
        assert_has(&r, "spec.serviceName", ErrorKind::Invalid);
        assert_has(&r, "service.metadata.name", ErrorKind::Invalid);
        s.spec.service_name = String::new();
        s.service.metadata.name = "web".into();
        let r = s.check();
        assert_has(&r, "spec.serviceName", ErrorKind::Required);
    }

    #[test]
    fn claim_templates_are_claims_named_by_labels() {
        let mut s = statefulset("web");
        s.spec.volume_claim_templates[0].spec.resources.requests =
            crate::rules::test_support::q("0");
        assert_only(
            &s.check(),
            "spec.volumeClaimTemplates[0].spec.resources[storage]",
            ErrorKind::Invalid,
        );

        let mut s = statefulset("web");
        s.spec.volume_claim_templates[0].metadata.name = Some("w".repeat(63));
        s.spec.template.spec.containers[0].volume_mounts[0].name = "w".repeat(63);
        assert_clean(&s.check());
        s.spec.volume_claim_templates[0].metadata.name = Some("w".repeat(64));
        s.spec.template.spec.containers[0].volume_mounts[0].name = "w".repeat(64);
        let r = s.check();
        // The invalid template is not a volume either: its mount is not found.
        assert_count(&r, 2);
        assert_has(
            &r,
            "spec.volumeClaimTemplates[0].metadata.name",
            ErrorKind::Invalid,
        );
        assert_has(
            &r,
            "spec.template.spec.containers[0].volumeMounts[0].name",
            ErrorKind::NotFound,
        );
    }

    #[test]
    fn claim_template_names_required_and_unique() {
        let mut s = statefulset("web");
        s.spec.volume_claim_templates[0].metadata.name = None;
        let r = s.check();
        assert_has(
            &r,
            "spec.volumeClaimTemplates[0].metadata.name",
            ErrorKind::Required,
        );
        let mut s = statefulset("web");
        let dup = s.spec.volume_claim_templates[0].clone();
        s.spec.volume_claim_templates.push(dup);
        assert_only(
            &s.check(),
            "spec.volumeClaimTemplates[1].metadata.name",
            ErrorKind::Duplicate,
        );
    }

    #[test]
    fn a_pod_volume_may_not_shadow_a_claim_template() {
        let mut s = statefulset("web");
        s.spec
            .template
            .spec
            .volumes
            .push(crate::volume::Volume::new(
                "www",
                crate::volume::VolumeSource::empty_dir_memory(),
            ));
        let r = s.check();
        assert_only(&r, "spec.template.spec.volumes[0].name", ErrorKind::Invalid);
        assert!(
            r.errors[0]
                .detail
                .starts_with("must not be the name of a volumeClaimTemplate")
        );
        assert!(r.warnings.is_empty(), "{r:?}");
    }

    /// `updateStorage` replaces a pod volume named like a claim template with the claim: one
    /// without a source (defaulted to a bare emptyDir) only names the claim's volume.
    #[test]
    fn a_source_less_volume_named_like_a_claim_template_is_a_warning() {
        let mut s = statefulset("web");
        s.spec.template.spec.volumes.push(empty_dir("www"));
        let r = s.check();
        assert_count(&r, 0);
        assert_eq!(r.warnings.len(), 1, "{r:?}");
        let w = &r.warnings[0];
        assert_eq!(w.code, WarningCode::ClaimTemplatePlaceholderVolume);
        assert_eq!(w.path.to_string(), "spec.template.spec.volumes[0].name");
        assert!(
            w.message.contains("replaces it with the template's claim"),
            "{w:?}"
        );
        assert!(w.message.contains("can be deleted"), "{w:?}");
    }

    #[test]
    fn template_errors_are_kvols_before_1_34() {
        let mut s = statefulset("web");
        s.spec.template.spec.containers.push(container("Bad_Name"));
        s.spec.volume_claim_templates[0].spec.resources.requests =
            crate::rules::test_support::q("0");
        let at = |minor| s.check_for(crate::KubeVersion::new(minor).unwrap());
        for minor in 30..=37 {
            let r = at(minor);
            assert_count(&r, 2);
            assert_has(
                &r,
                "spec.template.spec.containers[1].name",
                ErrorKind::Invalid,
            );
            assert_has(
                &r,
                "spec.volumeClaimTemplates[0].spec.resources[storage]",
                ErrorKind::Invalid,
            );
            for e in &r.errors {
                // The server's own from 1.34 (PRs 131790, 132212), kvol's before.
                assert_eq!(
                    e.rule == ids::S11_0_KVOL_TEMPLATES_UNVALIDATED_BY_SERVER,
                    minor < 34,
                    "1.{minor}: {e:?}"
                );
                assert!(e.cause.is_some());
            }
        }
        let r = at(33);
        assert!(
            r.errors
                .iter()
                .any(|e| e.cause == Some(ids::S3_4_POSITIVE_REQUEST))
        );
    }

    #[test]
    fn an_invalid_selector_skips_the_template_checks() {
        let mut s = statefulset("web");
        s.spec
            .selector
            .match_labels
            .insert("app".into(), "bad value".into());
        s.spec.template.spec.containers.push(container("Bad_Name"));
        let r = s.check();
        // ValidateStatefulSetSpec: the selector's own error, then `spec.selector` Invalid (the
        // selector as JSON, no detail); ValidatePodTemplateSpecForStatefulSet is skipped.
        assert_count(&r, 2);
        assert_has(&r, "spec.selector.matchLabels", ErrorKind::Invalid);
        let e = r
            .errors
            .iter()
            .find(|e| e.path.as_str() == "spec.selector")
            .expect("spec.selector");
        assert_eq!(
            e.to_string(),
            "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"bad value\"}}"
        );
        // A valid selector: the template is checked again.
        s.spec
            .selector
            .match_labels
            .insert("app".into(), "web".into());
        let r = s.check();
        assert_only(
            &r,
            "spec.template.spec.containers[1].name",
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn claim_template_metadata_is_kvols() {
        let mut s = statefulset("web");
        s.spec.volume_claim_templates[0]
            .metadata
            .labels
            .insert("k".into(), "bad value".into());
        let r = s.check();
        assert_only(
            &r,
            "spec.volumeClaimTemplates[0].metadata.labels",
            ErrorKind::Invalid,
        );
        assert_eq!(r.errors[0].rule, ids::S11_0_KVOL_CLAIM_TEMPLATE_METADATA);
        assert_eq!(r.errors[0].cause, Some(ids::S4_CLAIM_TEMPLATE_LABELS));
    }

    #[test]
    fn template_pod_spec_is_validated() {
        let mut s = statefulset("web");
        s.spec.template.spec.containers.push(container("Bad_Name"));
        assert_only(
            &s.check(),
            "spec.template.spec.containers[1].name",
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn service_must_govern_the_set() {
        let mut s = statefulset("web");
        s.service.metadata.name = "other".into();
        let r = s.check();
        assert_only(&r, "service.metadata.name", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].detail,
            "must equal the StatefulSet's spec.serviceName \"web\""
        );

        let mut s = statefulset("web");
        s.metadata.namespace = Some("prod".into());
        let r = s.check();
        assert_only(&r, "service.metadata.namespace", ErrorKind::Invalid);
        s.service.metadata.namespace = Some("prod".into());
        assert_clean(&s.check());

        let mut s = statefulset("web");
        s.service.spec.selector = map(&[("app", "web"), ("tier", "db")]);
        let r = s.check();
        assert_only(&r, "service.spec.selector", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].detail,
            "must equal the pod template's labels {\"app\":\"web\"}"
        );
    }

    #[test]
    fn service_target_ports_name_container_ports() {
        let mut s = statefulset("web");
        s.service.spec.ports[0].target_port = Some(TargetPort::Name("web".into()));
        assert_clean(&s.check());
        s.service.spec.ports.push(ServicePort {
            name: Some("metrics".into()),
            port: 9090,
            protocol: Protocol::TCP,
            target_port: Some(TargetPort::Name("metrics".into())),
            ..Default::default()
        });
        assert_only(
            &s.check(),
            "service.spec.ports[1].targetPort",
            ErrorKind::NotFound,
        );
    }

    #[test]
    fn service_itself_is_validated() {
        let mut s = statefulset("web");
        s.service.spec.ports[0].port = 0;
        let r = s.check();
        assert_has(&r, "service.spec.ports[0].port", ErrorKind::Invalid);
    }
}
