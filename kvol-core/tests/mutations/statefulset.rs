//! Mutation rows: StatefulSets (rules/statefulset.rs).

use super::*;
use kvol_core::schema::Value;

/// §11: StatefulSets (and what kvol adds: the Service must govern the set).
pub(super) fn statefulsets(rows: &mut Vec<Row>) {
    let ru = "spec.updateStrategy.rollingUpdate";
    rows.push(model(
        "11.1/partition-nonnegative",
        sts(),
        &format!("{ru}.partition"),
        INVALID,
        |s| s.spec.update_strategy = rolling(Some(-1), None),
        |s| s.spec.update_strategy = rolling(Some(0), None),
    ));
    for (id, bad, good) in [
        (
            "11.1/maxUnavailable-zero",
            IntOrPercent::Int(0),
            IntOrPercent::Int(1),
        ),
        (
            "11.1/maxUnavailable-zero-percent",
            IntOrPercent::Percent(0),
            IntOrPercent::Percent(1),
        ),
        (
            "11.1/maxUnavailable-over-100-percent",
            IntOrPercent::Percent(101),
            IntOrPercent::Percent(100),
        ),
        (
            "11.1/maxUnavailable-negative",
            IntOrPercent::Int(-1),
            IntOrPercent::Int(1),
        ),
    ] {
        rows.push(model_for(
            id,
            35..=37,
            sts(),
            &format!("{ru}.maxUnavailable"),
            INVALID,
            move |s| s.spec.update_strategy = rolling(None, Some(bad)),
            move |s| s.spec.update_strategy = rolling(None, Some(good)),
        ));
    }
    rows.push(model(
        "11.1/replicas-nonnegative",
        sts(),
        "spec.replicas",
        INVALID,
        |s| s.spec.replicas = Some(-1),
        |s| s.spec.replicas = Some(0),
    ));
    rows.push(model(
        "11.1/minReadySeconds-nonnegative",
        sts(),
        "spec.minReadySeconds",
        INVALID,
        |s| s.spec.min_ready_seconds = Some(-1),
        |s| s.spec.min_ready_seconds = Some(0),
    ));
    rows.push(model(
        "11.1/ordinals-start-nonnegative",
        sts(),
        "spec.ordinals.start",
        INVALID,
        |s| s.spec.ordinals_start = Some(-1),
        |s| s.spec.ordinals_start = Some(0),
    ));
    rows.push(model(
        "11.1/selector-not-empty",
        sts(),
        "spec.selector",
        INVALID,
        |s| s.spec.selector = LabelSelector::default(),
        |s| {
            s.spec.selector = LabelSelector {
                match_expressions: vec![expression("app", SelectorOperator::Exists, &[])],
                match_labels: BTreeMap::new(),
            }
        },
    ));
    rows.push(model(
        "11.1/selector-labels",
        sts(),
        "spec.selector.matchLabels",
        INVALID,
        |s| s.spec.selector = LabelSelector::labels(labels(&[("app", "web server")])),
        |s| set_pod_labels(s, &[("app", "web_server")]),
    ));
    rows.push(model(
        "11.1/selector-matches-template",
        sts(),
        "spec.template.metadata.labels",
        INVALID,
        |s| s.spec.selector = LabelSelector::labels(labels(&[("app", "db")])),
        // The selector may select a subset of the template's labels.
        |s| {
            set_pod_labels(s, &[("app", "web"), ("tier", "frontend")]);
            s.spec.selector = LabelSelector::labels(labels(&[("app", "web")]));
        },
    ));
    rows.push(model(
        "11.1/restartPolicy-always",
        sts(),
        "spec.template.spec.restartPolicy",
        NOT_SUPPORTED,
        |s| s.spec.template.spec.restart_policy = Some(RestartPolicy::OnFailure),
        |s| s.spec.template.spec.restart_policy = Some(RestartPolicy::Always),
    ));
    rows.push(model(
        "11.1/activeDeadlineSeconds",
        sts(),
        "spec.template.spec.activeDeadlineSeconds",
        FORBIDDEN,
        |s| {
            s.spec
                .template
                .spec
                .extra
                .insert("activeDeadlineSeconds", Value::Int(600))
        },
        // Another pod-spec field through the escape hatch is fine.
        |s| {
            s.spec
                .template
                .spec
                .extra
                .insert("shareProcessNamespace", Value::Bool(true))
        },
    ));
    rows.push(model(
        "11.1/restartPolicy-never",
        sts(),
        "spec.template.spec.restartPolicy",
        NOT_SUPPORTED,
        |s| s.spec.template.spec.restart_policy = Some(RestartPolicy::Never),
        |s| s.spec.template.spec.restart_policy = None,
    ));
    rows.push(model(
        "11.1/kvol-revisionHistoryLimit-nonnegative",
        sts(),
        "spec.revisionHistoryLimit",
        INVALID,
        |s| s.spec.revision_history_limit = Some(-1),
        |s| s.spec.revision_history_limit = Some(0),
    ));
    // The server validates StatefulSet templates from 1.34 (before: kvol's own error).
    rows.push(model_for(
        "11.0/template-pod-spec",
        34..=37,
        sts(),
        "spec.template.spec.containers[0].ports[0].containerPort",
        INVALID,
        |s| s.spec.template.spec.containers[0].ports[0].container_port = 70000,
        |s| s.spec.template.spec.containers[0].ports[0].container_port = 8080,
    ));
    // Before 1.34 the API server does not validate the template's spec: the same mistake is
    // kvol's own error there.
    rows.push(model_for(
        "11.0/kvol-templates-unvalidated-by-server",
        30..=33,
        sts(),
        "spec.template.spec.containers[0].ports[0].containerPort",
        INVALID,
        |s| s.spec.template.spec.containers[0].ports[0].container_port = 70000,
        |s| s.spec.template.spec.containers[0].ports[0].container_port = 65535,
    ));
    // The server validates StatefulSet templates from 1.34 (before: kvol's own error).
    rows.push(model_for(
        "11.0/claim-templates-are-volumes",
        34..=37,
        sts(),
        "spec.template.spec.containers[0].volumeMounts[0].name",
        NOT_FOUND,
        |s| s.spec.template.spec.containers[0].volume_mounts[0].name = "data".into(),
        |s| s.spec.template.spec.containers[0].volume_mounts[0].name = "www".into(),
    ));
    let rename_template = |s: &mut StatefulSet, name: Option<&str>| {
        s.spec.volume_claim_templates[0].metadata.name = name.map(Into::into);
        s.spec.template.spec.containers[0].volume_mounts[0].name = name.unwrap_or("").into();
    };
    rows.push(model(
        "11.0/kvol-claim-template-name-required",
        sts(),
        "spec.volumeClaimTemplates[0].metadata.name",
        REQUIRED,
        move |s| rename_template(s, None),
        move |s| rename_template(s, Some("w")),
    ));
    rows.push(model(
        "11.0/kvol-claim-template-name-format",
        sts(),
        "spec.volumeClaimTemplates[0].metadata.name",
        INVALID,
        move |s| rename_template(s, Some("www.data")),
        move |s| rename_template(s, Some(&long('w', 63))),
    ));
    rows.push(model(
        "11.0/kvol-claim-template-name-unique",
        sts(),
        "spec.volumeClaimTemplates[1].metadata.name",
        DUPLICATE,
        |s| {
            let t = s.spec.volume_claim_templates[0].clone();
            s.spec.volume_claim_templates.push(t);
        },
        |s| {
            let mut t = s.spec.volume_claim_templates[0].clone();
            t.metadata.name = Some("logs".into());
            s.spec.volume_claim_templates.push(t);
        },
    ));
    rows.push(model(
        "11.2/kvol-serviceName-label",
        sts(),
        "spec.serviceName",
        INVALID,
        |s| set_service_name(s, "web.local"),
        |s| set_service_name(s, "web-local"),
    ));
    rows.push(model(
        "11.2/kvol-volume-shadowed-by-claim-template",
        sts(),
        "spec.template.spec.volumes[0].name",
        INVALID,
        |s| {
            s.spec
                .template
                .spec
                .volumes
                .push(Volume::new("www", VolumeSource::empty_dir_memory()))
        },
        |s| {
            s.spec
                .template
                .spec
                .volumes
                .push(Volume::new("cache", VolumeSource::empty_dir_memory()))
        },
    ));
    // A volume without a source (an emptyDir without medium or sizeLimit) only names the
    // claim's volume: the controller replaces it, and kvol warns that it can be deleted.
    rows.push(model(
        "11.2/kvol-claim-template-placeholder-volume",
        sts(),
        "spec.template.spec.volumes[0].name",
        WARNING,
        |s| {
            s.spec
                .template
                .spec
                .volumes
                .push(Volume::new("www", VolumeSource::empty_dir()))
        },
        |s| {
            s.spec
                .template
                .spec
                .volumes
                .push(Volume::new("cache", VolumeSource::empty_dir()))
        },
    ));
    rows.push(model(
        "11.2/kvol-service-name-is-serviceName",
        sts(),
        "service.metadata.name",
        INVALID,
        |s| s.service.metadata.name = "nginx".into(),
        |s| set_service_name(s, "nginx"),
    ));
    rows.push(model(
        "11.2/kvol-service-namespace",
        sts(),
        "service.metadata.namespace",
        INVALID,
        |s| s.service.metadata.namespace = Some("other".into()),
        |s| {
            s.service.metadata.namespace = Some("team".into());
            s.metadata.namespace = Some("team".into());
        },
    ));
    rows.push(model(
        "11.2/kvol-service-selector",
        sts(),
        "service.spec.selector",
        INVALID,
        |s| s.service.spec.selector = labels(&[("app", "db")]),
        |s| set_pod_labels(s, &[("app", "db")]),
    ));
    rows.push(model(
        "11.2/kvol-service-targetPort-exists",
        sts(),
        "service.spec.ports[0].targetPort",
        NOT_FOUND,
        |s| s.service.spec.ports[0].target_port = Some(TargetPort::Name("http".into())),
        |s| s.service.spec.ports[0].target_port = Some(TargetPort::Number(80)),
    ));
}
