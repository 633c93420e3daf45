fn main() {
    let size: kvol::PositiveQuantity = "1Gi".parse().unwrap();
    let _ = kvol::manifests! {
        pvc { name: data, access: RWO, request: {size}, class: "standard" },
        storage_class { name: standard, provisioner: "kubernetes.io/no-provisioner" },
    };
}
