fn main() {
    // The Deployment reads its environment from a Secret that is neither in the set nor
    // declared external, one variable from a key its ConfigMap does not have, and one from a
    // Secret key that is missing; its init container reads a ConfigMap that is not there.
    let _ = kvol::manifests! {
        config_map { name: app-config, data: { mode: "primary" } },
        secret { name: db, string_data: { user: "app" } },
        deployment {
            name: web,
            init_container setup {
                image: "busybox:1.36",
                env: { MODE: config_map(setup-config, mode) },
            },
            container app {
                image: "nginx:1.27",
                env: { LEVEL: config_map(app-config, level), PASSWORD: secret(db, password) },
                env_from: secret app-secrets,
            },
        },
    };
}
