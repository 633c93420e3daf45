fn main() {
    // gcePersistentDisk is the seed's source; kvol warns that the plugin is gone.
    #[allow(deprecated)]
    let set = kvol::manifests! {
        pod {
            name: mongodb,
            image: "mongo",
            mount: mongodb => "/data/db",
            volume mongodb: claim mongo-pvc,
        },
        pvc { name: mongo-pvc, access: RWO, request: 1Gi, class: "" },
        pv {
            name: mongo-pv,
            capacity: 1Gi,
            volume_mode: Filesystem,
            access: RWO | ROX,
            reclaim: Retain,
            class: "",
            source: gce_pd { pd_name: mongodb, fs_type: ext4 },
        },
    };
    print!("{}", set.to_yaml());
}
