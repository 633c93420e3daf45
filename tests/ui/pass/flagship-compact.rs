fn main() {
    let web = kvol::statefulset! {
        name: web,
        image: "registry.k8s.io/nginx-slim:0.8",
        replicas: 3,
        claim: 1Gi RWO "standard",
    };
    // Checked, not printed: trybuild shows whatever a pass case prints.
    let yaml = web.to_yaml();
    assert_eq!(kinds(&yaml), ["Service", "StatefulSet"], "{yaml}");
    assert!(yaml.contains("  clusterIP: None\n"), "{yaml}");
    assert!(yaml.contains("          storage: 1Gi\n"), "{yaml}");
}

/// The `kind:` of each document of a YAML stream, in order.
fn kinds(yaml: &str) -> Vec<&str> {
    yaml.lines()
        .filter_map(|line| line.strip_prefix("kind: "))
        .collect()
}
