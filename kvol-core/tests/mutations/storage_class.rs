//! Mutation rows: StorageClasses (rules/storage_class.rs).

use super::*;

/// §9: StorageClasses.
pub(super) fn storage_classes(rows: &mut Vec<Row>) {
    rows.push(model(
        "9/provisioner-required",
        sc(),
        "provisioner",
        REQUIRED,
        |c| c.provisioner.clear(),
        |c| c.provisioner = "p".into(),
    ));
    rows.push(model(
        "9/provisioner-format",
        sc(),
        "provisioner",
        INVALID,
        |c| c.provisioner = "example.com/a/b".into(),
        // Checked lower-cased, as a qualified name.
        |c| c.provisioner = "Example.COM/My_Provisioner".into(),
    ));
    rows.push(model(
        "9/parameters-count",
        sc(),
        "parameters",
        TOO_LONG,
        |c| c.parameters = (0..513).map(|i| (format!("k{i}"), "v".into())).collect(),
        |c| c.parameters = (0..512).map(|i| (format!("k{i}"), "v".into())).collect(),
    ));
    rows.push(model(
        "9/parameters-empty-key",
        sc(),
        "parameters",
        INVALID,
        |c| {
            c.parameters.insert(String::new(), "v".into());
        },
        // Keys are not qualified names: anything non-empty goes.
        |c| {
            c.parameters.insert(" : #---".into(), "v".into());
        },
    ));
    rows.push(model(
        "9/parameters-size",
        sc(),
        "parameters",
        TOO_LONG,
        |c| {
            c.parameters.insert("k".into(), long('v', 262_144));
        },
        |c| {
            c.parameters.insert("k".into(), long('v', 262_143));
        },
    ));
    rows.push(model(
        "9/reclaimPolicy-recycle",
        sc(),
        "reclaimPolicy",
        NOT_SUPPORTED,
        |c| c.reclaim_policy = Some(ReclaimPolicy::Recycle),
        |c| c.reclaim_policy = Some(ReclaimPolicy::Retain),
    ));
    let zone = "topology.kubernetes.io/zone";
    let expr = "allowedTopologies[0].matchLabelExpressions";
    rows.push(model(
        "9/allowedTopologies-values-required",
        sc(),
        &format!("{expr}[0].values"),
        REQUIRED,
        move |c| c.allowed_topologies = vec![topology(&[(zone, &[])])],
        move |c| c.allowed_topologies = vec![topology(&[(zone, &["a"])])],
    ));
    rows.push(model(
        "9/allowedTopologies-values-unique",
        sc(),
        &format!("{expr}[0].values[1]"),
        DUPLICATE,
        move |c| c.allowed_topologies = vec![topology(&[(zone, &["a", "a"])])],
        move |c| c.allowed_topologies = vec![topology(&[(zone, &["a", "b"])])],
    ));
    rows.push(model(
        "9/allowedTopologies-key",
        sc(),
        &format!("{expr}[0].key"),
        INVALID,
        |c| c.allowed_topologies = vec![topology(&[("a/b/c", &["a"])])],
        |c| c.allowed_topologies = vec![topology(&[("a/b", &["a"])])],
    ));
    rows.push(model(
        "9/allowedTopologies-key-unique",
        sc(),
        &format!("{expr}[1].key"),
        DUPLICATE,
        move |c| c.allowed_topologies = vec![topology(&[(zone, &["a"]), (zone, &["b"])])],
        move |c| {
            c.allowed_topologies = vec![topology(&[(zone, &["a"]), ("example.com/rack", &["b"])])]
        },
    ));
    rows.push(model(
        "9/allowedTopologies-terms-unique",
        sc(),
        "allowedTopologies[1].matchLabelExpressions",
        DUPLICATE,
        move |c| {
            c.allowed_topologies = vec![topology(&[(zone, &["a"])]), topology(&[(zone, &["a"])])]
        },
        move |c| {
            c.allowed_topologies = vec![topology(&[(zone, &["a"])]), topology(&[(zone, &["b"])])]
        },
    ));
}
