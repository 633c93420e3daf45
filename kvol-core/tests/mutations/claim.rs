//! Mutation rows: claim specs (rules/claim.rs).

use super::*;

/// §8: PersistentVolumeClaims (and claim templates).
pub(super) fn claims(rows: &mut Vec<Row>) {
    rows.push(model(
        "8/accessModes-required",
        pvc(),
        "spec.accessModes",
        REQUIRED,
        |c| c.spec.access_modes = AccessModes::EMPTY,
        |c| c.spec.access_modes = AccessModes::from(AccessMode::ReadOnlyMany),
    ));
    rows.push(model(
        "8/accessModes-RWOP-alone",
        pvc(),
        "spec.accessModes",
        FORBIDDEN,
        |c| {
            c.spec.access_modes =
                AccessModes::from_iter([AccessMode::ReadWriteOncePod, AccessMode::ReadWriteMany])
        },
        |c| c.spec.access_modes = AccessModes::from(AccessMode::ReadWriteOncePod),
    ));
    let claim = || {
        PersistentVolumeClaim::builder("data")
            .access_mode(AccessMode::ReadWriteOnce)
            .storage_class("standard")
    };
    rows.push(built(
        "8/request-required",
        "spec.resources[storage]",
        ErrorKind::Required,
        move || claim().build(),
        move || claim().request("1").build(),
    ));
    rows.push(model(
        "8/selector-matchLabels",
        pvc(),
        "spec.selector.matchLabels",
        INVALID,
        |c| c.spec.selector = Some(LabelSelector::labels(labels(&[("tier", "fast ssd")]))),
        |c| c.spec.selector = Some(LabelSelector::labels(labels(&[("tier", "fast-ssd")]))),
    ));
    let expr = "spec.selector.matchExpressions[0]";
    rows.push(model(
        "8/selector-in-values",
        pvc(),
        &format!("{expr}.values"),
        REQUIRED,
        |c| c.spec.selector = selector_with(expression("tier", SelectorOperator::In, &[])),
        |c| c.spec.selector = selector_with(expression("tier", SelectorOperator::In, &[""])),
    ));
    rows.push(model(
        "8/selector-exists-no-values",
        pvc(),
        &format!("{expr}.values"),
        FORBIDDEN,
        |c| {
            c.spec.selector =
                selector_with(expression("tier", SelectorOperator::DoesNotExist, &["x"]))
        },
        |c| {
            c.spec.selector = selector_with(expression("tier", SelectorOperator::DoesNotExist, &[]))
        },
    ));
    rows.push(model(
        "8/selector-key",
        pvc(),
        &format!("{expr}.key"),
        INVALID,
        |c| c.spec.selector = selector_with(expression("a/b/c", SelectorOperator::Exists, &[])),
        |c| c.spec.selector = selector_with(expression("a/b", SelectorOperator::Exists, &[])),
    ));
    rows.push(model(
        "8/selector-values-format",
        pvc(),
        &format!("{expr}.values[0]"),
        INVALID,
        |c| c.spec.selector = selector_with(expression("tier", SelectorOperator::NotIn, &["a b"])),
        |c| c.spec.selector = selector_with(expression("tier", SelectorOperator::NotIn, &["a.b"])),
    ));
    rows.push(model(
        "8/storageClassName-format",
        pvc(),
        "spec.storageClassName",
        INVALID,
        |c| c.spec.storage_class = ClassRef::Named("Standard".into()),
        // `""` is "no class", not an invalid name.
        |c| c.spec.storage_class = ClassRef::NoClass,
    ));
    rows.push(model(
        "8/dataSource-name-required",
        pvc(),
        "spec.dataSource.name",
        REQUIRED,
        |c| c.spec.data_source = Some(snapshot("")),
        |c| c.spec.data_source = Some(snapshot("snap")),
    ));
    // The dataSource rules the API server can only break in a claim template: on a claim's
    // create, EnforceDataSourceBackwardsCompatibility drops a dataSource that is neither a
    // claim nor a snapshot.storage.k8s.io snapshot before validating (8/kvol-dataSource-dropped).
    // Claim templates are validated from 1.34 (k8s-rules §11.0).
    let tds = "spec.volumeClaimTemplates[0].spec.dataSource";
    let template_ds = |s: &mut StatefulSet, ds: TypedLocalObjectReference| {
        s.spec.volume_claim_templates[0].spec.data_source = Some(ds)
    };
    rows.push(model_for(
        "8/dataSource-kind-required",
        34..=37,
        sts(),
        &format!("{tds}.kind"),
        REQUIRED,
        move |s| {
            template_ds(
                s,
                TypedLocalObjectReference {
                    kind: String::new(),
                    ..snapshot("snap")
                },
            )
        },
        move |s| template_ds(s, snapshot("snap")),
    ));
    rows.push(model_for(
        "8/dataSource-core-group-kind",
        34..=37,
        sts(),
        tds,
        INVALID,
        move |s| {
            template_ds(
                s,
                TypedLocalObjectReference {
                    api_group: None,
                    ..snapshot("snap")
                },
            )
        },
        move |s| {
            template_ds(
                s,
                TypedLocalObjectReference {
                    api_group: None,
                    kind: "PersistentVolumeClaim".into(),
                    name: "source".into(),
                },
            )
        },
    ));
    rows.push(model_for(
        "8/dataSource-apiGroup-format",
        34..=37,
        sts(),
        &format!("{tds}.apiGroup"),
        INVALID,
        move |s| {
            template_ds(
                s,
                TypedLocalObjectReference {
                    api_group: Some("Snapshot.Storage.k8s.io".into()),
                    ..snapshot("snap")
                },
            )
        },
        move |s| template_ds(s, snapshot("snap")),
    ));
    rows.push(model(
        "8/kvol-dataSource-dropped",
        pvc(),
        "spec.dataSource",
        INVALID,
        |c| {
            c.spec.data_source = Some(TypedLocalObjectReference {
                api_group: Some("example.com".into()),
                kind: "Thing".into(),
                name: "t".into(),
            })
        },
        // Kept with a dataSourceRef to the same object (a volume populator).
        |c| {
            c.spec.data_source = Some(TypedLocalObjectReference {
                api_group: Some("example.com".into()),
                kind: "Thing".into(),
                name: "t".into(),
            });
            c.spec.data_source_ref = Some(TypedObjectReference {
                api_group: Some("example.com".into()),
                kind: "Thing".into(),
                name: "t".into(),
                namespace: None,
            });
        },
    ));
    rows.push(model(
        "8/kvol-dataSourceRef-namespace-dropped",
        pvc(),
        "spec.dataSourceRef.namespace",
        FORBIDDEN,
        |c| c.spec.data_source_ref = Some(snapshot_ref("snap", Some("other"))),
        |c| c.spec.data_source_ref = Some(snapshot_ref("snap", Some(""))),
    ));
    rows.push(model(
        "8/dataSourceRef-name-required",
        pvc(),
        "spec.dataSourceRef.name",
        REQUIRED,
        |c| c.spec.data_source_ref = Some(snapshot_ref("", None)),
        |c| c.spec.data_source_ref = Some(snapshot_ref("snap", None)),
    ));
    // A namespaced dataSourceRef is dropped on a claim's create (8/kvol-dataSourceRef-namespace-
    // dropped), validated in a claim template.
    let tspec = "spec.volumeClaimTemplates[0].spec";
    rows.push(model_for(
        "8/dataSourceRef-namespace-format",
        34..=37,
        sts(),
        &format!("{tspec}.dataSourceRef.namespace"),
        INVALID,
        |s| {
            s.spec.volume_claim_templates[0].spec.data_source_ref =
                Some(snapshot_ref("snap", Some("Other")))
        },
        |s| {
            s.spec.volume_claim_templates[0].spec.data_source_ref =
                Some(snapshot_ref("snap", Some("other")))
        },
    ));
    rows.push(model(
        "8/dataSource-matches-dataSourceRef",
        pvc(),
        "spec",
        INVALID,
        |c| {
            c.spec.data_source = Some(snapshot("a"));
            c.spec.data_source_ref = Some(snapshot_ref("b", None));
        },
        |c| {
            c.spec.data_source = Some(snapshot("a"));
            c.spec.data_source_ref = Some(snapshot_ref("a", None));
        },
    ));
    rows.push(model_for(
        "8/dataSourceRef-namespace-without-dataSource",
        34..=37,
        sts(),
        tspec,
        INVALID,
        |s| {
            let t = &mut s.spec.volume_claim_templates[0].spec;
            t.data_source = Some(snapshot("a"));
            t.data_source_ref = Some(snapshot_ref("a", Some("other")));
        },
        |s| {
            s.spec.volume_claim_templates[0].spec.data_source_ref =
                Some(snapshot_ref("a", Some("other")))
        },
    ));
    // The server validates StatefulSet templates from 1.34 (before: kvol's own error).
    rows.push(model_for(
        "8/claim-template-rules",
        34..=37,
        sts(),
        "spec.volumeClaimTemplates[0].spec.resources[storage]",
        INVALID,
        |s| s.spec.volume_claim_templates[0].spec.resources.requests = q("0"),
        |s| s.spec.volume_claim_templates[0].spec.resources.requests = q("1"),
    ));
    // The server validates StatefulSet templates from 1.34 (before: kvol's own error).
    rows.push(model_for(
        "8/claim-template-access-modes",
        34..=37,
        sts(),
        "spec.volumeClaimTemplates[0].spec.accessModes",
        FORBIDDEN,
        |s| {
            s.spec.volume_claim_templates[0].spec.access_modes =
                AccessModes::from_iter([AccessMode::ReadWriteOncePod, AccessMode::ReadOnlyMany])
        },
        |s| {
            s.spec.volume_claim_templates[0].spec.access_modes =
                AccessModes::from_iter([AccessMode::ReadWriteMany, AccessMode::ReadOnlyMany])
        },
    ));
}
