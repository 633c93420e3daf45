fn main() {
    let _ = kvol::manifests! {
        pvc { name: big, access: RWX, request: 10Gi, class: "" },
        pv { name: small, capacity: 1Gi, access: RWX, class: "", source: nfs "10.0.2.5" "/small" },
        pv { name: read-only, capacity: 20Gi, access: ROX, class: "", source: nfs "10.0.2.5" "/ro" },
    };
}
