fn main() {
    let set = kvol::statefulset! {
        name: db,
        namespace: data,
        service: db-headless,
        labels: { app: db, tier: storage },
        replicas: 3,
        image: "postgres:17",
        port: pg 5432,
        claim: 10Gi RWO "fast",
        claim: wal 2Gi RWO "fast" => "/wal",
        update: RollingUpdate { partition: 1, max_unavailable: "50%" },
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
    // Separate YAML streams are joined with `---`.
    print!("{}---\n{}", set.to_yaml(), ondelete.to_yaml());
}
