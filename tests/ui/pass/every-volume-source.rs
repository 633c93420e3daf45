fn main() {
    let pod = kvol::pod! {
        name: kitchen-sink,
        namespace: apps,
        labels: { app: sink, "app.kubernetes.io/part-of": demo },
        annotations: { "example.com/owner": team-a },
        restart: OnFailure,
        grace: 30s,
        service_account: sink,
        node_selector: { "kubernetes.io/os": linux },
        init_container setup {
            image: "busybox",
            command: ["sh", "-c"],
            args: ["cp -r /seed/. /work"],
            mount: work => "/work",
        },
        container app {
            image: "example/app:1.0",
            port: http 8080,
            port: metrics 9090 TCP,
            env: { MODE: "production" },
            mount: work => "/work",
            mount: cache => "/cache",
            mount: config => "/etc/app" read_only,
            mount: creds => "/etc/creds" read_only,
            mount: info => "/etc/podinfo" read_only,
            mount: secrets-store => "/mnt/secrets" read_only,
            mount: scratch => "/scratch",
            mount: data => "/data" sub_path "app",
            mount: logs => "/var/log/app",
            mount: shared => "/shared",
        },
        volume work: empty_dir,
        volume cache: empty_dir memory 256Mi,
        volume config: config_map app-config {
            default_mode: 0o644,
            items: ["app.properties" => "app.properties", "log.level" => "log/level" 0o600],
        },
        volume creds: secret app-creds { optional: true, default_mode: 0o400 },
        volume info: downward_api {
            items: [
                "labels" => field "metadata.labels",
                "mem" => resource app "limits.memory" 1Mi,
            ],
        },
        volume secrets-store: csi "secrets-store.csi.k8s.io" {
            read_only: true,
            attributes: { secretProviderClass: vault },
        },
        volume scratch: ephemeral 10Gi RWO "fast" { labels: { app: sink } },
        volume data: claim app-data read_only,
        volume logs: host_path "/var/log/app" DirectoryOrCreate,
        volume shared: nfs "nfs.example.com" "/exports/shared" read_only,
    };
    // Checked, not printed: trybuild shows whatever a pass case prints.
    let yaml = pod.to_yaml();
    assert_eq!(kinds(&yaml), ["Pod"], "{yaml}");
    for source in [
        "emptyDir: {}",
        "medium: Memory",
        "configMap:",
        "secret:",
        "downwardAPI:",
        "csi:",
        "ephemeral:",
        "persistentVolumeClaim:",
        "hostPath:",
        "nfs:",
    ] {
        assert!(yaml.contains(source), "no {source} in\n{yaml}");
    }
    assert!(yaml.contains("defaultMode: 420\n"), "0o644 is 420:\n{yaml}");
    assert!(
        yaml.contains("      volumeClaimTemplate:\n        metadata:\n          labels:\n            app: sink\n"),
        "{yaml}"
    );
}

/// The `kind:` of each document of a YAML stream, in order.
fn kinds(yaml: &str) -> Vec<&str> {
    yaml.lines()
        .filter_map(|line| line.strip_prefix("kind: "))
        .collect()
}
