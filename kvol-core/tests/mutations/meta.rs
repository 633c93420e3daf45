//! Mutation rows: metadata: namespaces, labels, annotations (rules/meta.rs).

use super::*;

/// §4: object metadata.
pub(super) fn metadata(rows: &mut Vec<Row>) {
    rows.push(model(
        "4/name-required",
        pvc(),
        "metadata.name",
        REQUIRED,
        |c| c.metadata.name.clear(),
        |c| c.metadata.name = "a".into(),
    ));
    rows.push(model(
        "4/namespace-format",
        pod(),
        "metadata.namespace",
        INVALID,
        |p| p.metadata.namespace = Some("Prod".into()),
        |p| p.metadata.namespace = Some("prod-1".into()),
    ));
    rows.push(model(
        "4/label-key",
        pod(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert("bad key".into(), "v".into());
        },
        |p| {
            p.metadata.labels.insert("good-key".into(), "v".into());
        },
    ));
    rows.push(model(
        "4/label-value",
        sc(),
        "metadata.labels",
        INVALID,
        |c| {
            c.metadata.labels.insert("tier".into(), "fast ssd".into());
        },
        |c| {
            c.metadata.labels.insert("tier".into(), "fast_ssd".into());
        },
    ));
    rows.push(model(
        "4/annotation-key",
        pod(),
        "metadata.annotations",
        INVALID,
        |p| {
            p.metadata.annotations.insert("a/b/c".into(), "v".into());
        },
        // Annotation keys are lower-cased before the check: upper case is fine.
        |p| {
            p.metadata
                .annotations
                .insert("Example.COM/Key".into(), "anything: goes\n---".into());
        },
    ));
    rows.push(model(
        "4/annotations-size",
        pod(),
        "metadata.annotations",
        TOO_LONG,
        |p| {
            p.metadata
                .annotations
                .insert("k".into(), long('v', 262_144));
        },
        |p| {
            p.metadata
                .annotations
                .insert("k".into(), long('v', 262_143));
        },
    ));
    rows.push(model(
        "4/template-labels",
        sts(),
        "spec.template.labels",
        INVALID,
        |s| {
            s.spec
                .template
                .metadata
                .labels
                .insert("bad key".into(), "v".into());
        },
        |s| set_pod_labels(s, &[("app", "web"), ("good-key", "v")]),
    ));
    rows.push(model(
        "4/template-annotations",
        sts(),
        "spec.template.annotations",
        INVALID,
        |s| {
            s.spec
                .template
                .metadata
                .annotations
                .insert("a/b/c".into(), "v".into());
        },
        |s| {
            s.spec
                .template
                .metadata
                .annotations
                .insert("a/b".into(), "v".into());
        },
    ));
    rows.push(model(
        "4/claim-template-labels",
        sts(),
        "spec.volumeClaimTemplates[0].metadata.labels",
        INVALID,
        |s| {
            s.spec.volume_claim_templates[0]
                .metadata
                .labels
                .insert("k".into(), "bad value".into());
        },
        |s| {
            s.spec.volume_claim_templates[0]
                .metadata
                .labels
                .insert("k".into(), "good.value".into());
        },
    ));
}
