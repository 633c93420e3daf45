fn main() {
    // CrossNamespaceVolumeDataSource is off by default: the API server drops the whole
    // dataSourceRef on create.
    let _ = kvol::pvc! {
        name: restored,
        access: RWO,
        request: 10Gi,
        data_source_ref: { kind: VolumeSnapshot, name: snap-1, api_group: "snapshot.storage.k8s.io", namespace: backups },
    };
}
