//! Mutation rows: §2 names (rules/meta.rs: names in their object's format).

use super::*;

/// §2: the name formats, each where it applies.
pub(super) fn names(rows: &mut Vec<Row>) {
    rows.push(model(
        "2/dns1123-label-length",
        pod(),
        "spec.volumes[0].name",
        INVALID,
        |p| rename_volume(p, &long('a', 64)),
        |p| rename_volume(p, &long('a', 63)),
    ));
    rows.push(model(
        "2/dns1123-label-chars",
        pod(),
        "spec.volumes[0].name",
        INVALID,
        |p| rename_volume(p, "Data"),
        |p| rename_volume(p, "0-data-9"),
    ));
    rows.push(model(
        "2/dns1123-label-dots",
        pod(),
        "spec.volumes[0].name",
        INVALID,
        |p| rename_volume(p, "my.data"),
        |p| rename_volume(p, "my-data"),
    ));
    rows.push(model(
        "2/dns1123-label-hyphen-ends",
        pod(),
        "spec.volumes[0].name",
        INVALID,
        |p| rename_volume(p, "data-"),
        |p| rename_volume(p, "d-a-t-a"),
    ));
    rows.push(model(
        "2/dns1123-subdomain-length",
        pvc(),
        "metadata.name",
        INVALID,
        |c| c.metadata.name = subdomain(254),
        |c| c.metadata.name = subdomain(253),
    ));
    rows.push(model(
        "2/dns1123-subdomain-chars",
        pvc(),
        "metadata.name",
        INVALID,
        |c| c.metadata.name = "data_1".into(),
        |c| c.metadata.name = "data.1".into(),
    ));
    rows.push(model(
        "2/dns1123-subdomain-empty-label",
        pvc(),
        "metadata.name",
        INVALID,
        |c| c.metadata.name = "data..1".into(),
        |c| c.metadata.name = "data.01.x".into(),
    ));
    rows.push(model(
        "2/dns1035-label-start",
        sts(),
        "service.metadata.name",
        INVALID,
        |s| set_service_name(s, "0web"),
        |s| set_service_name(s, "web0"),
    ));
    rows.push(model(
        "2/dns1035-label-length",
        sts(),
        "service.metadata.name",
        INVALID,
        |s| set_service_name(s, &long('w', 64)),
        |s| set_service_name(s, &long('w', 63)),
    ));
    rows.push(model(
        "2/qualified-name-name-length",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert(long('k', 64), "v".into());
        },
        |p| {
            p.metadata.labels.insert(long('k', 63), "v".into());
        },
    ));
    rows.push(model(
        "2/qualified-name-name-chars",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert("_tier".into(), "v".into());
        },
        |p| {
            p.metadata.labels.insert("Tier_1.x-y".into(), "v".into());
        },
    ));
    rows.push(model(
        "2/qualified-name-prefix-format",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata
                .labels
                .insert("Example.com/tier".into(), "v".into());
        },
        |p| {
            p.metadata
                .labels
                .insert("example.com/Tier".into(), "v".into());
        },
    ));
    rows.push(model(
        "2/qualified-name-prefix-length",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata
                .labels
                .insert(format!("{}/tier", subdomain(254)), "v".into());
        },
        |p| {
            p.metadata
                .labels
                .insert(format!("{}/tier", subdomain(253)), "v".into());
        },
    ));
    rows.push(model(
        "2/qualified-name-prefix-empty",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert("/tier".into(), "v".into());
        },
        |p| {
            p.metadata.labels.insert("a/tier".into(), "v".into());
        },
    ));
    rows.push(model(
        "2/qualified-name-slashes",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert("a/b/c".into(), "v".into());
        },
        |p| {
            p.metadata.labels.insert("a/b".into(), "v".into());
        },
    ));
    rows.push(model(
        "2/label-value-length",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert("k".into(), long('v', 64));
        },
        |p| {
            p.metadata.labels.insert("k".into(), long('v', 63));
        },
    ));
    rows.push(model(
        "2/label-value-chars",
        pv_nfs(),
        "metadata.labels",
        INVALID,
        |p| {
            p.metadata.labels.insert("k".into(), "v-".into());
        },
        |p| {
            p.metadata.labels.insert("k".into(), String::new());
        },
    ));
    rows.push(model(
        "2/port-name-length",
        pod(),
        "spec.containers[0].ports[0].name",
        INVALID,
        |p| port0(p).name = Some(long('p', 16)),
        |p| port0(p).name = Some(long('p', 15)),
    ));
    rows.push(model(
        "2/port-name-consecutive-hyphens",
        pod(),
        "spec.containers[0].ports[0].name",
        INVALID,
        |p| port0(p).name = Some("http--alt".into()),
        |p| port0(p).name = Some("http-a-l-t".into()),
    ));
    rows.push(model(
        "2/port-name-needs-letter",
        pod(),
        "spec.containers[0].ports[0].name",
        INVALID,
        |p| port0(p).name = Some("8080".into()),
        |p| port0(p).name = Some("8080x".into()),
    ));
    rows.push(model(
        "2/port-name-hyphen-ends",
        pod(),
        "spec.containers[0].ports[0].name",
        INVALID,
        |p| port0(p).name = Some("-http".into()),
        |p| port0(p).name = Some("h-ttp".into()),
    ));
    rows.push(model(
        "2/port-name-chars",
        pod(),
        "spec.containers[0].ports[0].name",
        INVALID,
        |p| port0(p).name = Some("Http".into()),
        |p| port0(p).name = Some("http".into()),
    ));
    rows.push(model(
        "2/name-pod",
        pod(),
        "metadata.name",
        INVALID,
        |p| p.metadata.name = "Web".into(),
        |p| p.metadata.name = subdomain(253),
    ));
    rows.push(model(
        "2/name-pv",
        pv_nfs(),
        "metadata.name",
        INVALID,
        |p| p.metadata.name = subdomain(254),
        |p| p.metadata.name = subdomain(253),
    ));
    rows.push(model(
        "2/name-storageclass",
        sc(),
        "metadata.name",
        INVALID,
        |c| c.metadata.name = "fast_ssd".into(),
        |c| c.metadata.name = "fast.ssd".into(),
    ));
    rows.push(model(
        "2/name-statefulset",
        sts(),
        "metadata.name",
        INVALID,
        |s| s.metadata.name = "web.v2".into(),
        |s| s.metadata.name = long('w', 52),
    ));
    rows.push(model(
        "2/name-statefulset-length",
        sts(),
        "metadata.name",
        INVALID,
        |s| s.metadata.name = long('w', 64),
        |s| s.metadata.name = long('w', 52),
    ));
    rows.push(model(
        "2/name-container",
        pod(),
        "spec.containers[0].name",
        INVALID,
        |p| p.spec.containers[0].name = long('c', 64),
        |p| p.spec.containers[0].name = long('c', 63),
    ));
    rows.push(model(
        "2/name-service-port",
        sts(),
        "service.spec.ports[0].name",
        INVALID,
        |s| s.service.spec.ports[0].name = Some(long('p', 64)),
        |s| s.service.spec.ports[0].name = Some(long('p', 63)),
    ));
    rows.push(model(
        "2/name-namespace",
        pvc(),
        "metadata.namespace",
        INVALID,
        |c| c.metadata.namespace = Some("team.a".into()),
        |c| c.metadata.namespace = Some(long('n', 63)),
    ));
}
