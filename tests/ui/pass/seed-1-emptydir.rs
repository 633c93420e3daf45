fn main() {
    let pod = kvol::pod! {
        name: count,
        container html-generator {
            image: "gasbugs/count",
            mount: html => "/var/htdocs",
        },
        container web-server {
            image: "httpd",
            port: 80,
            mount: html => "/usr/local/apache2/htdocs" read_only,
        },
        volume html: empty_dir,
    };
    // Checked, not printed: trybuild shows whatever a pass case prints.
    let yaml = pod.to_yaml();
    assert_eq!(kinds(&yaml), ["Pod"], "{yaml}");
    assert!(
        yaml.contains("  - emptyDir: {}\n    name: html\n"),
        "{yaml}"
    );
}

/// The `kind:` of each document of a YAML stream, in order.
fn kinds(yaml: &str) -> Vec<&str> {
    yaml.lines()
        .filter_map(|line| line.strip_prefix("kind: "))
        .collect()
}
