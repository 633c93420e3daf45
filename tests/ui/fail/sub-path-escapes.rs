fn main() {
    let _ = kvol::pod! {
        name: app,
        container app {
            image: "busybox",
            mount: data => "/data",
            mount: data => "/logs" sub_path "../logs",
        },
        volume data: empty_dir,
    };
}
