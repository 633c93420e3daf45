fn main() {
    let _ = kvol::pod! {
        name: tools,
        container shell {
            image: "busybox",
            extra: { stdin: "yes", resizePolicy: [{ resourceName: "cpu", restartPolicy: 5 }] },
        },
    };
}
