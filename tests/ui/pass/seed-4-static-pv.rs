fn main() {
    // gcePersistentDisk is the seed's source; kvol warns that the plugin is gone.
    #[allow(deprecated)]
    let set = kvol::manifests! {
        pod {
            name: mongodb,
            image: "mongo",
            mount: mongodb => "/data/db",
            volume mongodb: claim mongo-pvc,
        },
        pvc { name: mongo-pvc, access: RWO, request: 1Gi, class: "" },
        pv {
            name: mongo-pv,
            capacity: 1Gi,
            volume_mode: Filesystem,
            access: RWO | ROX,
            reclaim: Retain,
            class: "",
            source: gce_pd { pd_name: mongodb, fs_type: ext4 },
        },
    };
    // Checked, not printed: trybuild shows whatever a pass case prints.
    let yaml = set.to_yaml();
    assert_eq!(
        kinds(&yaml),
        ["Pod", "PersistentVolumeClaim", "PersistentVolume"],
        "{yaml}"
    );
    assert!(yaml.contains("  gcePersistentDisk:\n"), "{yaml}");
}

/// The `kind:` of each document of a YAML stream, in order.
fn kinds(yaml: &str) -> Vec<&str> {
    yaml.lines()
        .filter_map(|line| line.strip_prefix("kind: "))
        .collect()
}
