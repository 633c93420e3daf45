fn main() {
    let set = kvol::manifests! {
        storage_class { name: csi-hostpath-sc, provisioner: "hostpath.csi.k8s.io", binding: WaitForFirstConsumer },
        volume_snapshot_class { name: csi-hostpath-snapclass, driver: "hostpath.csi.k8s.io", deletion: Delete },
        pvc { name: hpvc, access: RWO, request: 1Gi, class: csi-hostpath-sc },
        volume_snapshot { name: new-snapshot-demo, claim: hpvc, class: csi-hostpath-snapclass },
        pvc {
            name: hpvc-restore,
            access: RWO,
            request: 1Gi,
            class: csi-hostpath-sc,
            snapshot: new-snapshot-demo,
        },
    };
    assert!(set.warnings().is_empty(), "{:?}", set.warnings());
    let yaml = set.to_yaml();
    assert!(yaml.contains("dataSource:\n    apiGroup: snapshot.storage.k8s.io\n    kind: VolumeSnapshot\n    name: new-snapshot-demo"), "{yaml}");
}
