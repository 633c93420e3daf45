fn main() {
    // kubernetes.io/gce-pd is the seed's provisioner; kvol warns that it is in-tree.
    #[allow(deprecated)]
    let set = kvol::manifests! {
        storage_class {
            name: storage-class,
            provisioner: "kubernetes.io/gce-pd",
            parameters: { type: pd-ssd },
        },
        pvc { name: mongodb-pvc, access: RWO, request: 1Gi, class: "storage-class" },
        pod {
            name: mongodb,
            image: "mongo",
            mount: mongodb-data => "/data/db",
            volume mongodb-data: claim mongodb-pvc,
        },
    };
    print!("{}", set.to_yaml());
}
