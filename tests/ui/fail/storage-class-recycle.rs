fn main() {
    let _ = kvol::storage_class! {
        name: scratch,
        provisioner: "kubernetes.io/no-provisioner",
        reclaim: Recycle,
    };
}
