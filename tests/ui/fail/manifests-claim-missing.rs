fn main() {
    let _ = kvol::manifests! {
        pod {
            name: mongodb,
            image: "mongo",
            mount: data => "/data/db",
            volume data: claim mongo-pvc,
        },
        pvc { name: mongodb-pvc, access: RWO, request: 1Gi, class: "" },
        pv { name: mongo-pv, capacity: 1Gi, access: RWO, class: "", source: nfs "10.0.2.5" "/db" },
    };
}
