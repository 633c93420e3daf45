fn main() {
    // The pod mounts a ConfigMap that is neither in the set nor declared external.
    let _ = kvol::manifests! {
        config_map { name: app-config, data: { app.conf: "x" } },
        pod {
            name: web,
            image: "nginx",
            mount: conf => "/etc/app",
            volume conf: config_map app-confg,
        },
    };
}
