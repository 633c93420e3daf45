//! Pod-spec fields (security context, affinity, tolerations, topology spread, DNS, pull
//! secrets, projected volumes), Services of every type and a StatefulSet's own labels and
//! Service settings: built with the builders, rendered, and compared with the YAML expected.
//! The documents are the shapes of real manifests (../shared/realworld/docs: gke-stateful-mysql
//! c1-mysql, hello-app-redis, kube-thanos store, sourcegraph pgsql).

use kvol_core::{
    AccessMode, Container, Pod, PvcTemplate, Service, StatefulSet, VolumeSource,
    scheduling::{
        DnsPolicy, PodAffinityTerm, TaintEffect, Toleration, TolerationOperator,
        TopologySpreadConstraint, UnsatisfiableConstraintAction,
    },
    security::{FsGroupChangePolicy, SeccompProfile},
    selector::{
        LabelSelector, LabelSelectorRequirement, NodeSelectorOperator, NodeSelectorRequirement,
        NodeSelectorTerm, SelectorOperator,
    },
    service::{ServicePort, ServiceType, SessionAffinity, TargetPort, TrafficPolicy},
    volume::VolumeProjection,
};

/// Writes `yaml` under the test's temporary folder, to check with
/// `../shared/tools/kcheck --k8s 1.30,1.37 <file>`.
fn dump(name: &str, yaml: &str) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("podspec");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(format!("{name}.yaml")), yaml);
}

fn app_in(value: &str) -> LabelSelector {
    LabelSelector {
        match_expressions: vec![LabelSelectorRequirement {
            key: "app".into(),
            operator: SelectorOperator::In,
            values: vec![value.into()],
        }],
        match_labels: Default::default(),
    }
}

fn app(value: &str) -> LabelSelector {
    LabelSelector::labels([("app".to_owned(), value.to_owned())].into())
}

/// gke-stateful-mysql's c1-mysql.yaml: spread over zones, one pod per node, three named ports.
#[test]
fn c1_mysql_statefulset() {
    let set = StatefulSet::builder("dbc1")
        .service_name("mysql")
        .label("app", "mysql")
        .set_label("app", "mysql")
        .service_label("app", "mysql")
        .replicas(3)
        .topology_spread(TopologySpreadConstraint::new(
            1,
            "topology.kubernetes.io/zone",
            UnsatisfiableConstraintAction::DoNotSchedule,
            app("mysql"),
        ))
        .pod_anti_affinity(PodAffinityTerm::new(
            app_in("mysql"),
            "kubernetes.io/hostname",
        ))
        .container(
            Container::builder("mysql", "mysql/mysql-server:8.0.28")
                .named_port("mysql", 3306)
                .named_port("mysqlx", 33060)
                .named_port("xcom", 33061)
                .mount("mysql", "/var/lib/mysql"),
        )
        .claim(
            PvcTemplate::builder("mysql")
                .access_mode(AccessMode::ReadWriteOnce)
                .storage_class("fast-storageclass")
                .request("10Gi"),
        )
        .build()
        .unwrap();
    let yaml = set.to_yaml();
    dump("c1-mysql", &yaml);
    let expected_service = "\
apiVersion: v1
kind: Service
metadata:
  labels:
    app: mysql
  name: mysql
spec:
  clusterIP: None
  ports:
  - name: mysql
    port: 3306
    protocol: TCP
  - name: mysqlx
    port: 33060
    protocol: TCP
  - name: xcom
    port: 33061
    protocol: TCP
  selector:
    app: mysql
---
";
    assert!(yaml.starts_with(expected_service), "{yaml}");
    let expected_spec = "\
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector:
              matchExpressions:
              - key: app
                operator: In
                values:
                - mysql
            topologyKey: kubernetes.io/hostname
      containers:
";
    assert!(yaml.contains(expected_spec), "{yaml}");
    let expected_spread = "\
      topologySpreadConstraints:
      - labelSelector:
          matchLabels:
            app: mysql
        maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: DoNotSchedule
";
    assert!(yaml.contains(expected_spread), "{yaml}");
    assert!(
        yaml.contains("kind: StatefulSet\nmetadata:\n  labels:\n    app: mysql\n  name: dbc1\n"),
        "{yaml}"
    );
}

/// The Service exposes only the ports asked for, with its own labels and annotations.
#[test]
fn statefulset_service_ports_labels_and_annotations() {
    let set = StatefulSet::builder("redis")
        .service_name("redis-cluster")
        .label("app", "redis")
        .service_label("app", "redis")
        .service_label("tier", "cache")
        .service_annotation("example.com/owner", "storage")
        .service_port("redis")
        .container(
            Container::builder("redis", "redis:6.2")
                .named_port("redis", 6379)
                .named_port("cluster", 16379),
        )
        .build()
        .unwrap();
    let s = &set.service;
    assert_eq!(s.spec.ports.len(), 1);
    assert_eq!(s.spec.ports[0].name.as_deref(), Some("redis"));
    assert_eq!(s.metadata.labels.len(), 2);
    assert_eq!(s.metadata.annotations["example.com/owner"], "storage");

    let err = StatefulSet::builder("redis")
        .service_port("nope")
        .container(Container::builder("redis", "redis:6.2").named_port("redis", 6379))
        .build()
        .unwrap_err();
    assert_eq!(err.errors.len(), 1, "{err}");
    assert_eq!(
        err.errors[0].path.as_str(),
        "service.spec.ports[0].targetPort"
    );
}

/// hello-app-redis: preferred anti-affinity; kube-thanos and sourcegraph: pod security context.
#[test]
fn security_context_and_preferred_anti_affinity() {
    let set = StatefulSet::builder("thanos-store")
        .label("app", "thanos-store")
        .pod_anti_affinity_preferred(
            100,
            PodAffinityTerm {
                namespaces: vec!["thanos".into()],
                ..PodAffinityTerm::new(app_in("thanos-store"), "kubernetes.io/hostname")
            },
        )
        .fs_group(65534)
        .fs_group_change_policy(FsGroupChangePolicy::OnRootMismatch)
        .run_as_group(65532)
        .run_as_non_root(true)
        .run_as_user(65534)
        .supplemental_group(5)
        .seccomp_profile(SeccompProfile::runtime_default())
        .node_selector("kubernetes.io/os", "linux")
        .container(Container::builder(
            "thanos-store",
            "quay.io/thanos/thanos:v0.30.2",
        ))
        .build()
        .unwrap();
    let yaml = set.to_yaml();
    dump("thanos", &yaml);
    let expected = "\
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - podAffinityTerm:
              labelSelector:
                matchExpressions:
                - key: app
                  operator: In
                  values:
                  - thanos-store
              namespaces:
              - thanos
              topologyKey: kubernetes.io/hostname
            weight: 100
      containers:
      - image: quay.io/thanos/thanos:v0.30.2
        name: thanos-store
      nodeSelector:
        kubernetes.io/os: linux
      securityContext:
        fsGroup: 65534
        fsGroupChangePolicy: OnRootMismatch
        runAsGroup: 65532
        runAsNonRoot: true
        runAsUser: 65534
        seccompProfile:
          type: RuntimeDefault
        supplementalGroups:
        - 5
";
    assert!(yaml.contains(expected), "{yaml}");
}

/// A pod with every other pod-level field and a projected volume.
#[test]
fn pod_level_fields_and_projected_volume() {
    let pod = Pod::builder("client")
        .node_affinity_required(NodeSelectorTerm {
            match_fields: Vec::new(),
            match_expressions: vec![NodeSelectorRequirement {
                key: "topology.kubernetes.io/zone".into(),
                operator: NodeSelectorOperator::In,
                values: vec!["a".into(), "b".into()],
            }],
        })
        .node_affinity_preferred(
            1,
            NodeSelectorTerm {
                match_fields: Vec::new(),
                match_expressions: vec![NodeSelectorRequirement {
                    key: "node.kubernetes.io/instance-type".into(),
                    operator: NodeSelectorOperator::In,
                    values: vec!["n2-standard-4".into()],
                }],
            },
        )
        .toleration(Toleration {
            operator: Some(TolerationOperator::Exists),
            ..Default::default()
        })
        .toleration(Toleration {
            effect: Some(TaintEffect::NoExecute),
            key: Some("node.kubernetes.io/unreachable".into()),
            operator: Some(TolerationOperator::Exists),
            toleration_seconds: Some(30),
            value: None,
        })
        .priority_class("high")
        .image_pull_secret("registry")
        .automount_service_account_token(false)
        .hostname("client-0")
        .subdomain("clients")
        .dns_policy(DnsPolicy::ClusterFirstWithHostNet)
        .enable_service_links(false)
        .container(Container::builder("app", "busybox").mount("token", "/var/run/token"))
        .volume(
            "token",
            VolumeSource::projected([
                VolumeProjection::service_account_token("token", Some("vault".into()), Some(3600)),
                VolumeProjection::config_map("ca"),
                VolumeProjection::secret("creds"),
            ]),
        )
        .build()
        .unwrap();
    let yaml = pod.to_yaml();
    dump("pod", &yaml);
    let expected = "\
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  affinity:
    nodeAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - preference:
          matchExpressions:
          - key: node.kubernetes.io/instance-type
            operator: In
            values:
            - n2-standard-4
        weight: 1
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: topology.kubernetes.io/zone
            operator: In
            values:
            - a
            - b
  automountServiceAccountToken: false
  containers:
  - image: busybox
    name: app
    volumeMounts:
    - mountPath: /var/run/token
      name: token
  dnsPolicy: ClusterFirstWithHostNet
  enableServiceLinks: false
  hostname: client-0
  imagePullSecrets:
  - name: registry
  priorityClassName: high
  subdomain: clients
  tolerations:
  - operator: Exists
  - effect: NoExecute
    key: node.kubernetes.io/unreachable
    operator: Exists
    tolerationSeconds: 30
  volumes:
  - name: token
    projected:
      sources:
      - serviceAccountToken:
          audience: vault
          expirationSeconds: 3600
          path: token
      - configMap:
          name: ca
      - secret:
          name: creds
";
    assert_eq!(yaml, expected);
}

/// Services of every type, next to a StatefulSet's headless one.
#[test]
fn services_of_every_type() {
    let cluster_ip = Service::builder("redis")
        .label("app", "redis")
        .annotation("example.com/team", "storage")
        .selector("app", "redis")
        .session_affinity(SessionAffinity::ClientIP)
        .session_affinity_timeout(600)
        .port(ServicePort::named("redis", 6379).target(TargetPort::from("redis")))
        .build()
        .unwrap();
    assert_eq!(
        cluster_ip.to_yaml(),
        "\
apiVersion: v1
kind: Service
metadata:
  annotations:
    example.com/team: storage
  labels:
    app: redis
  name: redis
spec:
  ports:
  - name: redis
    port: 6379
    protocol: TCP
    targetPort: redis
  selector:
    app: redis
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 600
"
    );
    let lb = Service::builder("web-lb")
        .selector("app", "web")
        .service_type(ServiceType::LoadBalancer)
        .port(ServicePort::named("http", 80))
        .build()
        .unwrap();
    let node_port = Service::builder("web")
        .selector("app", "web")
        .service_type(ServiceType::NodePort)
        .external_traffic_policy(TrafficPolicy::Local)
        .port(
            ServicePort::named("http", 80)
                .target(TargetPort::from(8080))
                .node_port(30080),
        )
        .build()
        .unwrap();
    let yaml = node_port.to_yaml();
    dump(
        "services",
        &format!("{}---\n{yaml}---\n{}", cluster_ip.to_yaml(), lb.to_yaml()),
    );
    assert!(
        yaml.ends_with(
            "\
spec:
  externalTrafficPolicy: Local
  ports:
  - name: http
    nodePort: 30080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  type: NodePort
"
        ),
        "{yaml}"
    );
    assert!(lb.to_yaml().ends_with("  type: LoadBalancer\n"));
    let headless = Service::builder("tensorflow")
        .namespace("example")
        .headless()
        .selector("pod", "tensorflow-pod")
        .port(ServicePort {
            port: 8888,
            ..Default::default()
        })
        .build()
        .unwrap();
    assert!(headless.to_yaml().contains("spec:\n  clusterIP: None\n"));
}
