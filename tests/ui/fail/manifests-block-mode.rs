fn main() {
    let _ = kvol::manifests! {
        pod {
            name: db,
            container db {
                image: "postgres:16",
                mount: raw => "/var/lib/postgresql",
                device: logs => "/dev/xvdb",
            },
            volume raw: claim raw-block,
            volume logs: claim logs,
        },
        pvc { name: raw-block, access: RWO, request: 10Gi, class: "fast", volume_mode: Block },
        pvc { name: logs, access: RWO, request: 1Gi, class: "fast" },
        storage_class { name: fast, provisioner: "pd.csi.storage.gke.io" },
    };
}
