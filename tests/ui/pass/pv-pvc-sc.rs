fn main() {
    let class = kvol::storage_class! {
        name: fast,
        provisioner: "pd.csi.storage.gke.io",
        parameters: { type: pd-ssd, "csi.storage.k8s.io/fstype": ext4 },
        reclaim: Retain,
        binding: WaitForFirstConsumer,
        allow_expansion: true,
        mount_options: ["discard"],
        topology: { "topology.kubernetes.io/zone": ["europe-west1-b", "europe-west1-c"] },
        default: true,
    };
    let pv = kvol::pv! {
        name: local-ssd,
        labels: { disk: ssd },
        capacity: 100Gi,
        access: RWO,
        reclaim: Delete,
        class: "local",
        volume_mode: Block,
        node_affinity: hostname ["node-1"],
        claim_ref: default/db-data,
        source: local "/mnt/disks/ssd1",
    };
    let csi = kvol::pv! {
        name: csi-disk,
        capacity: 1.5Gi,
        access: ReadWriteOncePod,
        mount_options: ["noatime"],
        source: csi "pd.csi.storage.gke.io" "projects/p/zones/z/disks/d" { fs_type: ext4 },
    };
    let pvc = kvol::pvc! {
        name: restore,
        namespace: default,
        access: RWO,
        request: 10Gi,
        limit: 20Gi,
        class: fast,
        volume_mode: Filesystem,
        selector: { disk: ssd },
        data_source: { kind: VolumeSnapshot, name: snap-1, api_group: "snapshot.storage.k8s.io" },
    };
    // 1Ei is a whole number of bytes, but the API server's arithmetic in thousandths of a
    // byte overflows and it warns ("fractional byte value"); kvol says so, and this accepts it.
    let big = kvol::pvc! {
        name: big,
        access: RWX,
        request: "1Ei",
        allow: [fractional_bytes],
    };
    // Separate YAML streams are joined with `---`. Checked, not printed: trybuild shows
    // whatever a pass case prints.
    let docs = [
        class.to_yaml(),
        pv.to_yaml(),
        csi.to_yaml(),
        pvc.to_yaml(),
        big.to_yaml(),
    ];
    let yaml = docs.join("---\n");
    let (pv_kind, pvc_kind) = ("PersistentVolume", "PersistentVolumeClaim");
    assert_eq!(
        kinds(&yaml),
        ["StorageClass", pv_kind, pv_kind, pvc_kind, pvc_kind],
        "{yaml}"
    );
    assert!(
        yaml.contains("    storage: 1536Mi\n"),
        "1.5Gi is 1536Mi:\n{yaml}"
    );
    assert!(yaml.contains("      storage: 1Ei\n"), "{yaml}");
}

/// The `kind:` of each document of a YAML stream, in order.
fn kinds(yaml: &str) -> Vec<&str> {
    yaml.lines()
        .filter_map(|line| line.strip_prefix("kind: "))
        .collect()
}
