fn main() {
    let _ = kvol::pod! {
        name: app,
        container app { image: "busybox", mount: Scratch => "/s" },
        volume Scratch: ephemeral 1Gi RWO,
    };
}
