fn main() {
    let _ = kvol::pod! {
        name: web,
        container web {
            image: "nginx",
            port: http 80,
            liveness: http "/healthz" http,
            readiness: tcp http { periods: 5 },
            pre_stop: tcp 80,
        },
    };
}
