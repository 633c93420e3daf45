fn main() {
    let _ = kvol::pvc! {
        name: restored,
        access: RWO,
        request: 10Gi,
        data_source: { kind: VolumeSnapshot, name: snap-1, api_group: "snapshot.storage.k8s.io" },
        data_source_ref: { kind: VolumeSnapshot, name: snap-2, api_group: "snapshot.storage.k8s.io" },
    };
}
