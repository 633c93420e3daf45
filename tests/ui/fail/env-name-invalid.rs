fn main() {
    let _ = kvol::pod! {
        name: app,
        container app {
            image: "busybox",
            env: { MODE: "fast", "LOG=LEVEL": "debug" },
        },
    };
}
