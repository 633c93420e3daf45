fn main() {
    let pod = kvol::pod! {
        name: nfs-httpd,
        container web {
            image: "httpd",
            mount: nfs-volume => "/usr/local/apache2/htdocs" read_only,
        },
        volume nfs-volume: nfs "10.0.2.5" "/home/nfs",
    };
    // Checked, not printed: trybuild shows whatever a pass case prints.
    let yaml = pod.to_yaml();
    assert_eq!(kinds(&yaml), ["Pod"], "{yaml}");
    assert!(yaml.contains("      server: \"10.0.2.5\"\n"), "{yaml}");
}

/// The `kind:` of each document of a YAML stream, in order.
fn kinds(yaml: &str) -> Vec<&str> {
    yaml.lines()
        .filter_map(|line| line.strip_prefix("kind: "))
        .collect()
}
