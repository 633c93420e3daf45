fn main() {
    // kubernetes.io/gce-pd is the seed's provisioner; kvol warns that it is in-tree.
    #[allow(deprecated)]
    let set = kvol::manifests! {
        storage_class {
            name: storage-class,
            provisioner: "kubernetes.io/gce-pd",
            parameters: { type: pd-ssd },
        },
        pvc { name: mongodb-pvc, access: RWO, request: 1Gi, class: "storage-class" },
        pod {
            name: mongodb,
            image: "mongo",
            mount: mongodb-data => "/data/db",
            volume mongodb-data: claim mongodb-pvc,
        },
    };
    // Checked, not printed: trybuild shows whatever a pass case prints.
    let yaml = set.to_yaml();
    assert_eq!(
        kinds(&yaml),
        ["StorageClass", "PersistentVolumeClaim", "Pod"],
        "{yaml}"
    );
    assert!(
        yaml.contains("provisioner: kubernetes.io/gce-pd\n"),
        "{yaml}"
    );
}

/// The `kind:` of each document of a YAML stream, in order.
fn kinds(yaml: &str) -> Vec<&str> {
    yaml.lines()
        .filter_map(|line| line.strip_prefix("kind: "))
        .collect()
}
