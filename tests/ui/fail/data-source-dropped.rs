fn main() {
    // Not a claim nor a snapshot.storage.k8s.io snapshot, without data_source_ref: the API
    // server drops it on create and the claim would be created empty.
    let _ = kvol::pvc! {
        name: restored,
        access: RWO,
        request: 10Gi,
        data_source: { kind: VolumeSnapshot, name: snap-1 },
    };
}
