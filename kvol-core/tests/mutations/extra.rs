//! Mutation rows: the escape hatch's extra fields (rules/extra.rs).

use super::*;

/// §4: extra fields at the pod-spec, container, claim-spec and StatefulSet-spec level.
pub(super) fn extras(rows: &mut Vec<Row>) {
    rows.push(model(
        "4/extra-unknown-field",
        pod(),
        "spec.hostNetwrok",
        FORBIDDEN,
        |p| p.spec.extra.insert("hostNetwrok", true),
        |p| p.spec.extra.insert("hostNetwork", true),
    ));
    rows.push(model(
        "4/extra-type",
        pod(),
        "spec.containers[0].stdin",
        INVALID,
        |p| p.spec.containers[0].extra.insert("stdin", "true"),
        |p| p.spec.containers[0].extra.insert("stdin", true),
    ));
    rows.push(model(
        "4/kvol-extra-modelled",
        sts(),
        "spec.template.spec.terminationGracePeriodSeconds",
        FORBIDDEN,
        |s| {
            s.spec
                .template
                .spec
                .extra
                .insert("terminationGracePeriodSeconds", 3)
        },
        |s| {
            s.spec
                .template
                .spec
                .extra
                .insert("shareProcessNamespace", true)
        },
    ));
}
