fn main() {
    // `max_unavailable` is dropped by the API server before 1.35 (the macros target 1.34): an
    // error (tests/ui/fail/max-unavailable.rs).
    let set = kvol::statefulset! {
        name: db,
        namespace: data,
        service: db-headless,
        labels: { app: db, tier: storage },
        replicas: 3,
        image: "postgres:17",
        port: pg 5432,
        claim: 10Gi RWO "fast",
        claim: wal 2Gi RWO "fast" {
            labels: { tier: wal },
            annotations: { "example.com/backup": "true" },
        } => "/wal",
        update: RollingUpdate { partition: 1 },
        pod_management: Parallel,
        retention: { deleted: Delete, scaled: Retain },
        publish_not_ready: true,
        min_ready: 10,
        ordinals_start: 1,
        revision_history: 5,
    };
    let ondelete = kvol::statefulset! {
        name: cache,
        image: "redis",
        update: OnDelete,
    };
    // Separate YAML streams are joined with `---`. Checked, not printed: trybuild shows
    // whatever a pass case prints.
    let yaml = format!("{}---\n{}", set.to_yaml(), ondelete.to_yaml());
    assert_eq!(
        kinds(&yaml),
        ["Service", "StatefulSet", "Service", "StatefulSet"],
        "{yaml}"
    );
    assert!(yaml.contains("      partition: 1\n"), "{yaml}");
    assert!(
        yaml.contains("      labels:\n        tier: wal\n      name: wal\n"),
        "{yaml}"
    );
    assert!(yaml.contains("        example.com/backup: \"true\"\n"), "{yaml}");
    assert!(yaml.contains("    type: OnDelete\n"), "{yaml}");
}

/// The `kind:` of each document of a YAML stream, in order.
fn kinds(yaml: &str) -> Vec<&str> {
    yaml.lines()
        .filter_map(|line| line.strip_prefix("kind: "))
        .collect()
}
