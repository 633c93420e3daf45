fn main() {
    // gke-stateful-mysql's c1-mysql.yaml: zone spread, one pod per node, the set's own labels,
    // the headless Service's labels and exposed ports.
    let mysql = kvol::statefulset! {
        name: dbc1,
        service: mysql,
        labels: { app: mysql },
        set_labels: { app: mysql },
        service_labels: { app: mysql },
        service_annotations: { "example.com/owner": storage },
        service_ports: [mysql, mysqlx],
        replicas: 3,
        spread: {
            max_skew: 1,
            topology: "topology.kubernetes.io/zone",
            when_unsatisfiable: DoNotSchedule,
            selector: { app: mysql },
        },
        pod_anti_affinity: required { app In [mysql] } on "kubernetes.io/hostname",
        container mysql {
            image: "mysql/mysql-server:8.0.28",
            port: mysql 3306,
            port: mysqlx 33060,
            port: xcom 33061,
            mount: mysql => "/var/lib/mysql" sub_path "mysql",
        },
        claim: mysql 10Gi RWO "fast-storageclass",
    };
    // kube-thanos store and sourcegraph gitserver: pod security context, preferred
    // anti-affinity with namespaces.
    let store = kvol::statefulset! {
        name: thanos-store,
        labels: { "app.kubernetes.io/name": thanos-store },
        pod_anti_affinity: preferred 100 {
            "app.kubernetes.io/name" In [thanos-store],
        } on "kubernetes.io/hostname" namespaces [thanos],
        security: {
            fs_group: 65534,
            fs_group_change: OnRootMismatch,
            run_as_user: 65534,
            run_as_group: 65532,
            run_as_non_root: true,
            supplemental_groups: [5],
            seccomp: RuntimeDefault,
        },
        node_selector: { "kubernetes.io/os": linux },
        service_account: thanos-store,
        image: "quay.io/thanos/thanos:v0.30.2",
        claim: 10Gi RWO,
    };
    // A pod with the other pod-level settings and a projected volume.
    let pod = kvol::pod! {
        name: client,
        node_affinity: required { "topology.kubernetes.io/zone" In [a, b] },
        node_affinity: preferred 1 { "node.kubernetes.io/instance-type" In ["n2-standard-4"] },
        toleration: { operator: Exists },
        toleration: {
            key: "node.kubernetes.io/unreachable",
            operator: Exists,
            effect: NoExecute,
            seconds: 30,
        },
        priority_class: high,
        image_pull_secrets: [registry],
        automount_token: false,
        hostname: client-0,
        subdomain: clients,
        dns_policy: ClusterFirstWithHostNet,
        service_links: false,
        container app {
            image: "busybox",
            mount: token => "/var/run/token",
        },
        volume token: projected {
            default_mode: 0o440,
            sources: [
                service_account_token "token" { audience: "vault", expiration: 3600 },
                config_map ca { items: ["ca.crt" => "ca.crt"] },
                secret creds { optional: true },
            ],
        },
    };
    // hello-app-redis's redis-cluster.yaml with its governing Service (redis-service.yaml),
    // whose port is written out: its name differs from the container port's.
    let redis_set = kvol::statefulset! {
        name: redis,
        service: redis-cluster,
        labels: { app: redis, appCluster: redis-cluster },
        replicas: 6,
        grace: 20,
        pod_anti_affinity: preferred 100 { app In [redis] } on "kubernetes.io/hostname",
        container redis {
            image: "redis:6.2",
            command: ["redis-server"],
            args: ["/conf/redis.conf", "--protected-mode", "no"],
            port: redis 6379 TCP,
            port: cluster 16379 TCP,
            mount: conf => "/conf",
            mount: data => "/data",
            mount: probes => "/probes" read_only,
        },
        volume conf: config_map redis-cluster { default_mode: 0o755 },
        volume probes: config_map redis-probes { default_mode: 0o555 },
        service_port: redis-port 6379 TCP => 6379,
        claim: data 1Gi RWO,
    };
    assert_eq!(redis_set.service.spec.ports.len(), 1);
    assert_eq!(redis_set.service.spec.ports[0].name.as_deref(), Some("redis-port"));
    // hello-app-redis's redis-service.yaml: a headless Service on its own.
    let redis = kvol::service! {
        name: redis-cluster,
        headless: true,
        type: ClusterIP,
        selector: { app: redis, appCluster: redis-cluster },
        port: redis-port 6379 TCP => 6379,
        session_affinity: None,
    };
    // A client Service next to a StatefulSet's headless one, checked against its pods.
    let set = kvol::manifests! {
        statefulset {
            name: db,
            labels: { app: db },
            container postgres { image: "postgres:17", port: pg 5432 },
            claim: 1Gi RWO,
        },
        service {
            name: db-read,
            labels: { app: db },
            annotations: { "example.com/tier": read },
            type: LoadBalancer,
            selector: { app: db },
            port: pg 5432 => pg,
            external_traffic: Local,
        },
        service {
            name: db-fixed,
            cluster_ip: "10.96.0.42",
            selector: { app: db },
            port: pg 5432,
        },
        default_class: standard,
    };
    // zfs-localpv's mongo-statefulset.yaml: the governing Service declared separately selects
    // only some of the pod labels.
    let mongo = kvol::manifests! {
        service {
            name: mongo,
            labels: { name: mongo },
            headless: true,
            selector: { role: mongo },
            port: 27017 => 27017,
        },
        statefulset {
            name: mongo,
            service: mongo,
            service_in_set: true,
            labels: { role: mongo, environment: test },
            selector: { role: mongo },
            pod_annotations: { "example.com/scrape": "true" },
            replicas: 3,
            grace: 10,
            container mongo {
                image: "mongo",
                command: ["mongod", "--replSet", "rs0", "--bind_ip_all"],
                port: 27017,
                mount: mongo-persistent-storage => "/data/db",
            },
            container mongo-sidecar { image: "cvallance/mongo-k8s-sidecar" },
            claim: mongo-persistent-storage 5Gi RWO "zfspv-mongo",
        },
        external_classes: ["zfspv-mongo"],
    };
    let mongo_yaml = mongo.to_yaml();
    assert_eq!(mongo_yaml.matches("kind: Service\n").count(), 1, "{mongo_yaml}");
    assert!(
        mongo_yaml.contains("  selector:\n    matchLabels:\n      role: mongo\n  serviceName"),
        "{mongo_yaml}"
    );
    assert!(
        mongo_yaml.contains("    metadata:\n      annotations:\n        example.com/scrape: \"true\"\n"),
        "{mongo_yaml}"
    );
    let yaml = format!(
        "{}---\n{}---\n{}---\n{}---\n{}---\n{}",
        redis_set.to_yaml(),
        mysql.to_yaml(),
        store.to_yaml(),
        pod.to_yaml(),
        redis.to_yaml(),
        set.to_yaml()
    );
    assert!(yaml.contains("  sessionAffinity: None\n  type: ClusterIP\n"), "{yaml}");
    assert!(yaml.contains("    targetPort: pg\n"), "{yaml}");
    assert!(yaml.contains("      topologySpreadConstraints:\n      - labelSelector:\n"), "{yaml}");
    assert!(yaml.contains("  annotations:\n    example.com/owner: storage\n"), "{yaml}");
    assert!(!yaml.contains("name: xcom\n    port:"), "{yaml}");
    assert!(yaml.contains("        fsGroupChangePolicy: OnRootMismatch\n"), "{yaml}");
    // A StatefulSet's node selector and service account reach its pods.
    let yaml_store = store.to_yaml();
    for field in [
        "      nodeSelector:\n        kubernetes.io/os: linux\n",
        "serviceAccountName: thanos-store\n",
    ] {
        assert!(yaml_store.contains(field), "no {field} in\n{yaml_store}");
    }
    assert!(yaml.contains("            weight: 100\n"), "{yaml}");
    assert!(yaml.contains("  dnsPolicy: ClusterFirstWithHostNet\n"), "{yaml}");
    assert!(yaml.contains("      - serviceAccountToken:\n          audience: vault\n"), "{yaml}");
}
