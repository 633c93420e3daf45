fn main() {
    // The snapshot is taken by one CSI driver and restored into a class of another.
    let _ = kvol::manifests! {
        storage_class { name: ebs, provisioner: "ebs.csi.aws.com" },
        volume_snapshot_class { name: gcp-snapclass, driver: "pd.csi.storage.gke.io" },
        pvc { name: data, access: RWO, request: 1Gi, class: ebs },
        volume_snapshot { name: nightly, claim: data, class: gcp-snapclass },
        pvc { name: restored, access: RWO, request: 1Gi, class: ebs, snapshot: nightly },
    };
}
