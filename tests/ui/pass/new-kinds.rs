fn main() {
    let cm = kvol::config_map! {
        name: app-config,
        labels: { app: web },
        data: { "app.properties": "mode=prod", index.html: "<h1>hi</h1>" },
        immutable: true,
    };
    let secret = kvol::secret! {
        name: web-tls,
        type: "kubernetes.io/tls",
        string_data: { tls.crt: "CERT", tls.key: "KEY" },
    };
    let web = kvol::deployment! {
        name: web,
        labels: { app: web },
        object_labels: { team: storage },
        replicas: 3,
        strategy: RollingUpdate { max_surge: 1, max_unavailable: "25%" },
        min_ready: 5,
        revision_history: 3,
        progress_deadline: 600,
        container nginx {
            image: "nginx:1.27",
            port: http 80,
            mount: config => "/etc/nginx/conf.d" read_only,
            mount: tls => "/etc/tls" read_only,
        },
        volume config: config_map app-config,
        volume tls: secret web-tls,
    };
    let batch = kvol::deployment! {
        name: batch,
        strategy: Recreate,
        image: "busybox",
    };
    let pdb = kvol::pdb! {
        name: web-pdb,
        max_unavailable: 1,
        selector: { app: web },
        unhealthy_pod_eviction: AlwaysAllow,
    };
    let class = kvol::volume_snapshot_class! {
        name: csi-snapclass,
        driver: "hostpath.csi.k8s.io",
        deletion: Retain,
        parameters: { "csi.storage.k8s.io/snapshotter-secret-name": creds },
        default: true,
    };
    let snap = kvol::volume_snapshot! { name: data-snap, namespace: apps, claim: data, class: csi-snapclass };
    let gold = kvol::volume_attributes_class! {
        name: gold,
        driver: "ebs.csi.aws.com",
        parameters: { iops: "5000", throughput: "250" },
    };
    let restored = kvol::pvc! {
        name: restored,
        access: RWO,
        request: 1Gi,
        class: "csi",
        snapshot: data-snap,
        attributes_class: gold,
    };
    let yaml = [
        cm.to_yaml(),
        secret.to_yaml(),
        web.to_yaml(),
        batch.to_yaml(),
        pdb.to_yaml(),
        class.to_yaml(),
        snap.to_yaml(),
        gold.to_yaml(),
        restored.to_yaml(),
    ]
    .concat();
    for needle in [
        "kind: ConfigMap",
        "immutable: true",
        "type: kubernetes.io/tls",
        "kind: Deployment",
        "maxUnavailable: \"25%\"",
        "type: Recreate",
        "kind: PodDisruptionBudget",
        "unhealthyPodEvictionPolicy: AlwaysAllow",
        "deletionPolicy: Retain",
        "persistentVolumeClaimName: data",
        "apiVersion: storage.k8s.io/v1\ndriverName: ebs.csi.aws.com",
        "volumeAttributesClassName: gold",
        "kind: VolumeSnapshot\n",
    ] {
        assert!(yaml.contains(needle), "{needle:?} not in\n{yaml}");
    }
    assert_eq!(web.spec.template.metadata.labels["app"], "web");
    assert_eq!(web.metadata.labels["team"], "storage");
}
