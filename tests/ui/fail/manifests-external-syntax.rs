fn main() {
    let _ = kvol::manifests! {
        pod {
            name: app,
            container app { image: "busybox", mount: data => "/data" },
            volume data: claim app-data,
        },
        pvc { name: other, access: RWO, request: 1Gi, class: "fast" },
    };
}
