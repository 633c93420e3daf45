fn main() {
    // A DaemonSet runs one pod on each node: it has no replica count.
    let _ = kvol::daemonset! {
        name: agent,
        replicas: 3,
        image: "fluent/fluent-bit:3.1",
        update: Recreate,
    };
}
