fn main() {
    let _ = kvol::pod! {
        name: app,
        container app { image: "busybox", mount: info => "/etc/info" },
        volume info: downward_api {
            items: [
                "labels" => field "metadata.labels",
                "../up" => field "metadata.name",
            ],
        },
    };
}
