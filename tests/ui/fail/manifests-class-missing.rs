fn main() {
    let _ = kvol::manifests! {
        pvc { name: data, access: RWO, request: 1Gi, class: "fast" },
        storage_class { name: standard, provisioner: "pd.csi.storage.gke.io" },
    };
}
