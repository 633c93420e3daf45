fn main() {
    // The claim is restored from a snapshot that is neither in the set nor declared external.
    let _ = kvol::manifests! {
        storage_class { name: csi, provisioner: "hostpath.csi.k8s.io" },
        pvc { name: restored, access: RWO, request: 1Gi, class: csi, snapshot: nightly },
    };
}
