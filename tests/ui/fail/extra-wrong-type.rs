fn main() {
    let _ = kvol::pod! {
        name: tools,
        container shell {
            image: "busybox",
            extra: { stdin: "yes", resources: { limits: { cpu: "1 core" } } },
        },
    };
}
