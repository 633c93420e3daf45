fn main() {
    // A DaemonSet's rolling update either surges or takes pods down, not both: with
    // `max_surge` alone, `max_unavailable` is defaulted to 1.
    let _ = kvol::daemonset! {
        name: agent,
        image: "fluent/fluent-bit:3.1",
        update: RollingUpdate { max_surge: 1 },
    };
}
