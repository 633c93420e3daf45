fn main() {
    let pod = kvol::pod! {
        name: hostpath-http,
        container web-server {
            image: "httpd",
            port: 80,
            mount: html => "/usr/local/apache2/htdocs",
        },
        volume html: host_path "/var/htdocs" Directory,
    };
    // Checked, not printed: trybuild shows whatever a pass case prints.
    let yaml = pod.to_yaml();
    assert_eq!(kinds(&yaml), ["Pod"], "{yaml}");
    assert!(yaml.contains("      type: Directory\n"), "{yaml}");
}

/// The `kind:` of each document of a YAML stream, in order.
fn kinds(yaml: &str) -> Vec<&str> {
    yaml.lines()
        .filter_map(|line| line.strip_prefix("kind: "))
        .collect()
}
