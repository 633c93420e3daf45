// Containers of real StatefulSets (kube-thanos' store, Sourcegraph's pgsql), every container
// field written with the macros.
fn main() {
    let store = kvol::statefulset! {
        name: thanos-store,
        labels: { "app.kubernetes.io/name": thanos-store },
        replicas: 1,
        container thanos-store {
            image: "quay.io/thanos/thanos:v0.30.2",
            pull: IfNotPresent,
            args: [
                "store",
                "--data-dir=/var/thanos/store",
                "--grpc-address=0.0.0.0:10901",
                "--http-address=0.0.0.0:10902",
                "--objstore.config=$(OBJSTORE_CONFIG)",
            ],
            env: {
                OBJSTORE_CONFIG: secret(thanos-objectstorage, "thanos.yaml"),
                HOST_IP_ADDRESS: field("status.hostIP"),
            },
            port: grpc 10901,
            port: http 10902,
            liveness: http_get "/-/healthy" 10902 scheme HTTP {
                failure_threshold: 8,
                period: 30,
                timeout: 1,
            },
            readiness: http_get "/-/ready" 10902 scheme HTTP { failure_threshold: 20, period: 5 },
            limits: { cpu: 0.42, memory: 420Mi },
            requests: { cpu: 0.123, memory: 123Mi },
            security: {
                allow_privilege_escalation: false,
                capabilities: { drop: [ALL] },
                read_only_root_filesystem: true,
                run_as_group: 65532,
                run_as_non_root: true,
                run_as_user: 65534,
                seccomp: RuntimeDefault,
            },
            termination_message_policy: FallbackToLogsOnError,
            mount: data => "/var/thanos/store",
        },
        claim: data 10Gi RWO,
    };
    let yaml = store.to_yaml();
    for field in ["cpu: 420m", "scheme: HTTP", "fieldPath: status.hostIP", "key: thanos.yaml"] {
        assert!(yaml.contains(field), "no {field} in\n{yaml}");
    }

    let pgsql = kvol::statefulset! {
        name: pgsql,
        replicas: 1,
        grace: 120s,
        container pgsql {
            image: "index.docker.io/sourcegraph/postgresql-16:6.2.1106",
            termination_message_policy: FallbackToLogsOnError,
            readiness: exec ["/ready.sh"],
            liveness: exec ["/liveness.sh"] { initial_delay: 15 },
            startup: exec ["/liveness.sh"] { failure_threshold: 360, period: 10 },
            port: pgsql 5432,
            limits: { cpu: 4, memory: 4Gi },
            requests: { cpu: 4, memory: 4Gi },
            security: { allow_privilege_escalation: false, run_as_user: 999, run_as_group: 999 },
            mount: disk => "/data",
            mount: pgsql-conf => "/conf",
            mount: dshm => "/dev/shm",
        },
        container pgsql-exporter {
            image: "index.docker.io/sourcegraph/postgres_exporter:6.2.1106",
            env: {
                DATA_SOURCE_NAME: "postgres://sg:@localhost:5432/?sslmode=disable",
                PG_EXPORTER_EXTEND_QUERY_PATH: "/config/queries.yaml",
            },
            termination_message_policy: FallbackToLogsOnError,
            port: pgsql-exporter 9187,
            limits: { cpu: 10m, memory: 50Mi },
            requests: { cpu: 10m, memory: 50Mi },
        },
        volume disk: claim pgsql,
        volume pgsql-conf: config_map pgsql-conf { default_mode: 0o777 },
        volume dshm: empty_dir memory 1G,
    };
    let yaml = pgsql.to_yaml();
    assert!(yaml.contains("startupProbe:"), "{yaml}");
}
