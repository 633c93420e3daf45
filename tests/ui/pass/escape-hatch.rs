fn main() {
    // Fields kvol does not model, set at the pod-spec and container level (every claim-spec
    // field is modelled now; `pvc!` keeps `extra:` for fields of later releases):
    // checked against the Kubernetes schema while compiling, written by kvol's YAML writer.
    let pod = kvol::pod! {
        name: tools,
        container shell {
            image: "busybox",
            extra: { stdin: true, tty: true },
        },
        dns_policy: ClusterFirstWithHostNet,
        extra: {
            hostNetwork: true,
            dnsConfig: { nameservers: ["1.1.1.1"], options: [{ name: "ndots", value: "2" }] },
            activeDeadlineSeconds: 600,
        },
    };
    let yaml = pod.to_yaml();
    assert!(yaml.contains("    stdin: true\n    tty: true\n"), "{yaml}");
    assert!(
        yaml.contains(
            "  hostNetwork: true\n  dnsConfig:\n    nameservers:\n    - \"1.1.1.1\"\n"
        ),
        "{yaml}"
    );
    let set = kvol::statefulset! {
        name: db,
        image: "postgres:17",
        claim: 1Gi RWO,
        extra: { shareProcessNamespace: true, runtimeClassName: "gvisor" },
    };
    let yaml = set.to_yaml();
    assert!(yaml.contains("      shareProcessNamespace: true\n"), "{yaml}");
    // A Deployment's pod spec takes the escape hatch too.
    let web = kvol::deployment! {
        name: web,
        labels: { app: web, tier: front },
        selector: { app: web },
        pod_annotations: { "example.com/scrape": "true" },
        image: "nginx:1.27",
        extra: { hostNetwork: true },
    };
    let yaml = web.to_yaml();
    assert!(yaml.contains("      hostNetwork: true\n"), "{yaml}");
    assert!(
        yaml.contains("  selector:\n    matchLabels:\n      app: web\n  template:"),
        "{yaml}"
    );
    assert!(
        yaml.contains("    metadata:\n      annotations:\n        example.com/scrape: \"true\"\n"),
        "{yaml}"
    );
}
