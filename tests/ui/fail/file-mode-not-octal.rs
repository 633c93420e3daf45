fn main() {
    let _ = kvol::pod! {
        name: web,
        image: "nginx",
        mount: config => "/etc/app",
        volume config: config_map app-config { default_mode: 0644 },
    };
}
