fn main() {
    let web: kvol::Valid<kvol::StatefulSet> = kvol::statefulset! {
        name: web,
        service: nginx,
        labels: { app: nginx },
        replicas: 3,
        grace: 10s,
        container nginx {
            image: "registry.k8s.io/nginx-slim:0.8",
            port: web 80,
            mount: www => "/usr/share/nginx/html",
        },
        claim: www 1Gi RWO "standard",
        update: RollingUpdate { partition: 0 },
        pod_management: OrderedReady,
        retention: { deleted: Retain, scaled: Delete },
    };
    // Checked, not printed: trybuild shows whatever a pass case prints.
    let yaml = web.to_yaml();
    assert_eq!(kinds(&yaml), ["Service", "StatefulSet"], "{yaml}");
    assert!(yaml.contains("  serviceName: nginx\n"), "{yaml}");
    assert!(yaml.contains("    whenScaled: Delete\n"), "{yaml}");
}

/// The `kind:` of each document of a YAML stream, in order.
fn kinds(yaml: &str) -> Vec<&str> {
    yaml.lines()
        .filter_map(|line| line.strip_prefix("kind: "))
        .collect()
}
