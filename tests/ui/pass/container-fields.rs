fn main() {
    // A MySQL StatefulSet written the way real ones are: secrets in the environment,
    // resources, probes, a security context and a native sidecar.
    let db = kvol::statefulset! {
        name: mysql,
        labels: { app: mysql },
        replicas: 3,
        init_container metrics {
            image: "prom/mysqld-exporter:v0.15.1",
            restart: Always,
            port: metrics 9104,
            env: { DATA_SOURCE_PASS: secret(mysql-secret, password, optional) },
            readiness: http_get "/metrics" metrics { period: 10 },
            pre_stop: sleep 2,
        },
        container mysql {
            image: "mysql/mysql-server:8.0.28",
            pull: IfNotPresent,
            working_dir: "/var/lib/mysql",
            command: ["/bin/bash"],
            args: ["-c", "/entrypoint.sh --gtid-mode=ON"],
            env: {
                MYSQL_ROOT_PASSWORD: secret(mysql-secret, password),
                MYSQL_ROOT_HOST: "%",
                MODE: fast,
                PORT: 3306,
                LOG_LEVEL: config_map(mysql-config, log-level, optional),
                POD_NAME: field("metadata.name"),
                MEM_LIMIT: resource("limits.memory", divisor: 1Mi),
            },
            env_from: config_map mysql-config prefix "MYSQL_",
            env_from: secret mysql-extra optional,
            port: mysql 3306,
            port: mysqlx 33060,
            port: admin 33062 TCP host_port 33062,
            requests: { cpu: 500m, memory: 1Gi, ephemeral-storage: 1Gi },
            limits: { cpu: 500m, memory: 1Gi, ephemeral-storage: 1Gi, hugepages-2Mi: 64Mi },
            readiness: exec ["bash", "-c", "mysql -h127.0.0.1 -e'SELECT 1'"] {
                initial_delay: 30,
                period: 2,
                timeout: 1,
            },
            liveness: tcp mysql { initial_delay: 30, period: 10, timeout: 5, grace: 60 },
            startup: grpc 33060 service "health" { failure_threshold: 30, period: 10 },
            post_start: exec ["sh", "-c", "echo started"],
            pre_stop: http_get "/shutdown" 8080 https header "X-Reason" "drain",
            security: {
                run_as_user: 999,
                run_as_group: 999,
                run_as_non_root: true,
                read_only_root_filesystem: false,
                allow_privilege_escalation: false,
                capabilities: { add: [SYS_NICE], drop: [ALL] },
                seccomp: RuntimeDefault,
            },
            termination_message_policy: FallbackToLogsOnError,
            mount: data => "/var/lib/mysql" sub_path "mysql",
            mount: logs => "/var/log/mysql" sub_path_expr "$(POD_NAME)" propagation HostToContainer,
            mount: config => "/etc/mysql/conf.d" read_only recursive_read_only IfPossible,
            device: raw => "/dev/xvdb",
        },
        volume logs: empty_dir,
        volume config: config_map mysql-config,
        claim: data 10Gi RWO "standard",
        claim: raw 1Gi RWO "standard" { volume_mode: Block },
    };
    // Checked, not printed: trybuild shows whatever a pass case prints.
    let yaml = db.to_yaml();
    for field in [
        "restartPolicy: Always",
        "secretKeyRef:",
        "optional: true",
        "configMapKeyRef:",
        "fieldPath: metadata.name",
        "divisor: 1Mi",
        "prefix: MYSQL_",
        "hostPort: 33062",
        "ephemeral-storage: 1Gi",
        "hugepages-2Mi: 64Mi",
        "initialDelaySeconds: 30",
        "terminationGracePeriodSeconds: 60",
        "grpc:",
        "service: health",
        "scheme: HTTPS",
        "seconds: 2",
        "runAsNonRoot: true",
        "- ALL",
        "type: RuntimeDefault",
        "imagePullPolicy: IfNotPresent",
        "workingDir: /var/lib/mysql",
        "terminationMessagePolicy: FallbackToLogsOnError",
        "mountPropagation: HostToContainer",
        "recursiveReadOnly: IfPossible",
        "value: fast",
        "value: \"3306\"",
        "volumeMode: Block",
    ] {
        assert!(yaml.contains(field), "no {field} in\n{yaml}");
    }

    // A raw block device from a claim.
    let raw = kvol::pod! {
        name: raw,
        container app {
            image: "busybox",
            device: data => "/dev/xvda",
        },
        volume data: claim raw-block,
    };
    assert!(raw.to_yaml().contains("devicePath: /dev/xvda"));
}
