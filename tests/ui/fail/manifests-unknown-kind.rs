fn main() {
    let _ = kvol::manifests! {
        persistent_volume_claim { name: data, access: RWO, request: 1Gi },
    };
}
