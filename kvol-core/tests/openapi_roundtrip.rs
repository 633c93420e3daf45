//! kvol's objects against k8s-openapi's generated types (feature `k8s-openapi`):
//!
//! 1. **Shape.** Each object's JSON, deserialized into the k8s-openapi type and serialized
//!    again, gives back the same JSON: no field is unknown to Kubernetes (it would be dropped),
//!    mistyped (deserializing would fail) or wrongly nested.
//! 2. **Conversion.** The `From` conversion gives the value that deserializing gave, and so the
//!    same JSON as kvol's own serialization.
//!
//! The fixtures cover every pod volume source, every PV source (the legacy in-tree plugins
//! too), claims with selectors, data sources and each `storageClassName` meaning, StatefulSets
//! with every policy, and StorageClasses with topologies, all written as struct literals; and
//! every rendered document of the seed's six scenarios, made with the builders.
#![cfg(feature = "k8s-openapi")]

use k8s_openapi::api::{apps::v1 as apps, core::v1 as core, storage::v1 as storage};
use kvol_core::{
    AccessMode, AccessModes, Document, Object, ReclaimPolicy, Valid, VolumeMode,
    container::{
        ContainerRestartPolicy, EnvFromRef, EnvFromSource, EnvVarSource, KeySelector,
        MountPropagationMode, ObjectFieldSelector, PullPolicy, RecursiveReadOnlyMode,
        ResourceFieldSelector, TerminationMessagePolicy, VolumeDevice,
    },
    legacy::LegacySource,
    meta::{ClusterMeta, ObjectMeta, StringMap, TemplateMeta},
    pod::{
        Container, ContainerPort, EnvVar, Pod, PodSpec, PodTemplate, Protocol, RestartPolicy,
        VolumeMount,
    },
    probe::{HttpGetAction, HttpHeader, Lifecycle, LifecycleHandler, Probe, UriScheme},
    pv::{
        ClaimRef, CsiPersistentVolume, IscsiVolume, LocalVolume, PersistentVolume, PvSource,
        PvSpec, SecretReference,
    },
    pvc::{
        ClassRef, PersistentVolumeClaim, PvcSpec, PvcTemplate, StorageResources,
        TypedLocalObjectReference, TypedObjectReference,
    },
    quantity::Quantity,
    render::ToDocuments,
    resources::{ResourceList, ResourceRequirements},
    security::{Capabilities, SeccompProfile, SeccompProfileType, SecurityContext},
    selector::{
        LabelSelector, LabelSelectorRequirement, NodeSelector, NodeSelectorOperator,
        NodeSelectorRequirement, NodeSelectorTerm, SelectorOperator, TopologyRequirement,
        TopologySelectorTerm, VolumeNodeAffinity,
    },
    service::{Service, ServicePort, ServiceSpec, TargetPort},
    statefulset::{
        IntOrPercent, PodManagementPolicy, RetentionAction, RetentionPolicy, StatefulSet,
        StatefulSetSpec, UpdateStrategy,
    },
    storage_class::{StorageClass, VolumeBindingMode},
    volume::{
        ClaimVolume, ConfigMapVolume, CsiVolume, DownwardApiFile, DownwardApiSource,
        DownwardApiVolume, EmptyDir, EphemeralVolume, FileMode, HostPath, HostPathType, KeyToPath,
        LocalObjectReference, Nfs, SecretVolume, StorageMedium, Volume, VolumeSource,
    },
};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;
use std::fmt::Debug;

// ---------------------------------------------------------------------------------------------
// The checks

/// Runs both checks on `object`, whose JSON is `expected` (kvol's own JSON, normalized where
/// k8s-openapi's shape differs by design), and returns the converted value.
fn check_as<T, K>(object: &T, expected: &Value) -> K
where
    T: Serialize + Debug,
    K: for<'a> From<&'a T> + Serialize + DeserializeOwned + PartialEq + Debug,
{
    let ours = serde_json::to_value(object).unwrap();
    let parsed: K = serde_json::from_value(ours.clone()).unwrap_or_else(|e| {
        panic!(
            "k8s-openapi cannot read kvol's JSON: {e}\n{}",
            pretty(&ours)
        )
    });
    assert_same(
        expected,
        &serde_json::to_value(&parsed).unwrap(),
        "round trip through k8s-openapi",
    );

    let converted = K::from(object);
    assert_same(
        expected,
        &serde_json::to_value(&converted).unwrap(),
        "From conversion",
    );
    assert_eq!(
        converted, parsed,
        "From conversion differs from deserializing kvol's JSON"
    );
    converted
}

/// [`check_as`] for objects whose JSON k8s-openapi writes exactly as kvol does.
fn check<T, K>(object: &T) -> K
where
    T: Serialize + Debug,
    K: for<'a> From<&'a T> + Serialize + DeserializeOwned + PartialEq + Debug,
{
    check_as(object, &serde_json::to_value(object).unwrap())
}

/// The checks for a StatefulSet: k8s-openapi's type for `volumeClaimTemplates[i]` is a whole
/// PersistentVolumeClaim, which always writes `apiVersion` and `kind`; kvol leaves them out
/// (the API server accepts both, and fills them in itself). Everything else must be equal.
fn check_statefulset(set: &StatefulSet) -> apps::StatefulSet {
    let mut expected = serde_json::to_value(set).unwrap();
    if let Some(templates) = expected["spec"].get_mut("volumeClaimTemplates") {
        for t in templates.as_array_mut().unwrap() {
            let t = t.as_object_mut().unwrap();
            t.insert("apiVersion".into(), "v1".into());
            t.insert("kind".into(), "PersistentVolumeClaim".into());
        }
    }
    check_as(set, &expected)
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

/// Asserts `actual == expected`, naming the first differing JSON path.
fn assert_same(expected: &Value, actual: &Value, what: &str) {
    if expected != actual {
        let mut path = String::from("$");
        let (e, a) = first_difference(expected, actual, &mut path);
        panic!(
            "{what}: JSON differs at {path}\n  kvol:        {e}\n  k8s-openapi: {a}\n\
             --- kvol:\n{}\n--- k8s-openapi:\n{}",
            pretty(expected),
            pretty(actual)
        );
    }
}

fn first_difference(e: &Value, a: &Value, path: &mut String) -> (String, String) {
    match (e, a) {
        (Value::Object(e), Value::Object(a)) => {
            for key in e.keys().chain(a.keys()) {
                if e.get(key) != a.get(key) {
                    path.push('.');
                    path.push_str(key);
                    return match (e.get(key), a.get(key)) {
                        (Some(ev), Some(av)) => first_difference(ev, av, path),
                        (ev, av) => (show(ev), show(av)),
                    };
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                if ev != av {
                    path.push_str(&format!("[{i}]"));
                    return first_difference(ev, av, path);
                }
            }
        }
        _ => {}
    }
    (e.to_string(), a.to_string())
}

fn show(v: Option<&Value>) -> String {
    v.map_or_else(|| "(absent)".to_owned(), Value::to_string)
}

// ---------------------------------------------------------------------------------------------
// Fixture helpers

fn q(s: &str) -> Quantity {
    s.parse().unwrap()
}

fn map(pairs: &[(&str, &str)]) -> StringMap {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn modes(items: &[AccessMode]) -> AccessModes {
    items.iter().copied().collect()
}

fn meta(name: &str) -> ObjectMeta {
    ObjectMeta::named(name)
}

fn rich_meta(name: &str) -> ObjectMeta {
    ObjectMeta {
        annotations: map(&[("example.com/owner", "storage-team"), ("note", "")]),
        labels: map(&[("app", "db"), ("app.kubernetes.io/part-of", "shop")]),
        name: name.into(),
        namespace: Some("prod".into()),
    }
}

fn rich_cluster_meta(name: &str) -> ClusterMeta {
    ClusterMeta {
        annotations: map(&[("example.com/owner", "storage-team")]),
        labels: map(&[("tier", "fast")]),
        name: name.into(),
    }
}

fn volume(name: &str, source: VolumeSource) -> Volume {
    Volume::new(name, source)
}

fn mount(name: &str, path: &str) -> VolumeMount {
    VolumeMount::new(name, path)
}

fn claim_spec(request: &str) -> PvcSpec {
    PvcSpec::new(AccessMode::ReadWriteOnce.into(), q(request))
}

fn rich_claim_spec() -> PvcSpec {
    PvcSpec {
        access_modes: modes(&[AccessMode::ReadWriteOnce, AccessMode::ReadOnlyMany]),
        data_source: Some(TypedLocalObjectReference {
            api_group: Some("snapshot.storage.k8s.io".into()),
            kind: "VolumeSnapshot".into(),
            name: "nightly".into(),
        }),
        data_source_ref: Some(TypedObjectReference {
            api_group: Some("snapshot.storage.k8s.io".into()),
            kind: "VolumeSnapshot".into(),
            name: "nightly".into(),
            namespace: Some("backups".into()),
        }),
        resources: StorageResources {
            requests: q("10Gi"),
            limits: Some(q("20Gi")),
        },
        selector: Some(LabelSelector {
            match_expressions: vec![
                LabelSelectorRequirement {
                    key: "zone".into(),
                    operator: SelectorOperator::In,
                    values: strings(&["a", "b"]),
                },
                LabelSelectorRequirement {
                    key: "tier".into(),
                    operator: SelectorOperator::NotIn,
                    values: strings(&["slow"]),
                },
                LabelSelectorRequirement {
                    key: "encrypted".into(),
                    operator: SelectorOperator::Exists,
                    values: vec![],
                },
                LabelSelectorRequirement {
                    key: "deprecated".into(),
                    operator: SelectorOperator::DoesNotExist,
                    values: vec![],
                },
            ],
            match_labels: map(&[("release", "stable")]),
        }),
        storage_class: ClassRef::Named("fast".into()),
        volume_attributes_class_name: None,
        volume_mode: Some(VolumeMode::Block),
        volume_name: Some("pv-0001".into()),
        extra: Default::default(),
    }
}

fn template(name: &str, spec: PvcSpec) -> PvcTemplate {
    PvcTemplate {
        metadata: TemplateMeta {
            name: Some(name.into()),
            ..Default::default()
        },
        spec,
    }
}

// ---------------------------------------------------------------------------------------------
// Pods and every pod volume source

fn every_volume_source() -> Vec<Volume> {
    let mut volumes = vec![
        volume("scratch", VolumeSource::EmptyDir(EmptyDir::default())),
        volume(
            "ram",
            VolumeSource::EmptyDir(EmptyDir {
                medium: Some(StorageMedium::Memory),
                size_limit: Some(q("512Mi")),
            }),
        ),
        volume(
            "huge",
            VolumeSource::EmptyDir(EmptyDir {
                medium: Some(StorageMedium::HugePages),
                size_limit: None,
            }),
        ),
        volume(
            "host-unchecked",
            VolumeSource::HostPath(HostPath {
                path: "/var/log".into(),
                kind: None,
            }),
        ),
        volume(
            "nfs-ro",
            VolumeSource::Nfs(Nfs {
                path: "/exports/a".into(),
                read_only: true,
                server: "10.0.0.5".into(),
            }),
        ),
        volume(
            "nfs-rw",
            VolumeSource::Nfs(Nfs {
                path: "/exports/b".into(),
                read_only: false,
                server: "nfs.local".into(),
            }),
        ),
        volume(
            "claim-ro",
            VolumeSource::PersistentVolumeClaim(ClaimVolume {
                claim_name: "data".into(),
                read_only: true,
            }),
        ),
        volume(
            "claim-rw",
            VolumeSource::PersistentVolumeClaim(ClaimVolume {
                claim_name: "logs".into(),
                read_only: false,
            }),
        ),
        volume(
            "config",
            VolumeSource::ConfigMap(ConfigMapVolume {
                default_mode: Some(FileMode(0o644)),
                items: vec![
                    KeyToPath {
                        key: "app.yaml".into(),
                        mode: Some(FileMode(0o400)),
                        path: "app.yaml".into(),
                    },
                    KeyToPath {
                        key: "log".into(),
                        mode: None,
                        path: "conf/log.properties".into(),
                    },
                ],
                name: "app-config".into(),
                optional: Some(true),
            }),
        ),
        volume(
            "config-all",
            VolumeSource::ConfigMap(ConfigMapVolume {
                default_mode: None,
                items: vec![],
                name: "other".into(),
                optional: None,
            }),
        ),
        volume(
            "creds",
            VolumeSource::Secret(SecretVolume {
                default_mode: Some(FileMode(0o600)),
                items: vec![KeyToPath {
                    key: "tls.key".into(),
                    mode: Some(FileMode(0o400)),
                    path: "key".into(),
                }],
                optional: Some(false),
                secret_name: "tls".into(),
            }),
        ),
        volume(
            "creds-all",
            VolumeSource::Secret(SecretVolume {
                default_mode: None,
                items: vec![],
                optional: None,
                secret_name: "token".into(),
            }),
        ),
        volume(
            "podinfo",
            VolumeSource::DownwardApi(DownwardApiVolume {
                default_mode: Some(FileMode(0o644)),
                items: vec![
                    DownwardApiFile {
                        path: "labels".into(),
                        mode: Some(FileMode(0o444)),
                        source: DownwardApiSource::Field("metadata.labels".into()),
                    },
                    DownwardApiFile {
                        path: "mem_limit".into(),
                        mode: None,
                        source: DownwardApiSource::Resource {
                            container_name: "app".into(),
                            resource: "limits.memory".into(),
                            divisor: Some(q("1Mi")),
                        },
                    },
                    DownwardApiFile {
                        path: "cpu_request".into(),
                        mode: None,
                        source: DownwardApiSource::Resource {
                            container_name: "app".into(),
                            resource: "requests.cpu".into(),
                            divisor: None,
                        },
                    },
                ],
            }),
        ),
        volume(
            "podinfo-empty",
            VolumeSource::DownwardApi(DownwardApiVolume::default()),
        ),
        volume(
            "secrets-store",
            VolumeSource::Csi(CsiVolume {
                driver: "secrets-store.csi.k8s.io".into(),
                fs_type: Some("ext4".into()),
                node_publish_secret_ref: Some(LocalObjectReference {
                    name: "store-creds".into(),
                }),
                read_only: Some(true),
                volume_attributes: map(&[("secretProviderClass", "vault")]),
            }),
        ),
        volume(
            "csi-minimal",
            VolumeSource::Csi(CsiVolume {
                driver: "inline.csi.example.com".into(),
                fs_type: None,
                node_publish_secret_ref: None,
                read_only: Some(false),
                volume_attributes: StringMap::new(),
            }),
        ),
        volume(
            "ephemeral",
            VolumeSource::Ephemeral(EphemeralVolume {
                volume_claim_template: PvcTemplate {
                    metadata: TemplateMeta {
                        annotations: map(&[("note", "scratch")]),
                        labels: map(&[("type", "ephemeral")]),
                        name: None,
                    },
                    spec: PvcSpec {
                        storage_class: ClassRef::Named("scratch".into()),
                        ..claim_spec("1Gi")
                    },
                },
            }),
        ),
        volume(
            "ephemeral-bare",
            VolumeSource::Ephemeral(EphemeralVolume {
                volume_claim_template: PvcTemplate {
                    metadata: TemplateMeta::default(),
                    spec: claim_spec("2Gi"),
                },
            }),
        ),
    ];
    for (i, kind) in HostPathType::ALL.into_iter().enumerate() {
        let host = HostPath {
            path: format!("/srv/{i}"),
            kind: Some(kind),
        };
        volumes.push(Volume::new(
            format!("host-{i}"),
            VolumeSource::HostPath(host),
        ));
    }
    volumes
}

fn full_container() -> Container {
    let q = |s: &str| s.parse::<Quantity>().unwrap();
    let list = |pairs: &[(&str, &str)]| -> ResourceList {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), q(v))).collect()
    };
    let http = |port: TargetPort| HttpGetAction {
        host: Some("127.0.0.1".into()),
        http_headers: vec![HttpHeader {
            name: "X-Probe".into(),
            value: "1".into(),
        }],
        path: Some("/healthz".into()),
        port,
        scheme: Some(UriScheme::HTTPS),
    };
    Container {
        args: strings(&["--data", "/data"]),
        command: strings(&["/bin/db"]),
        env: vec![
            EnvVar::new("MODE", "primary"),
            EnvVar::from_source(
                "PASSWORD",
                EnvVarSource {
                    secret_key_ref: Some(KeySelector {
                        optional: Some(true),
                        ..KeySelector::new("db", "password")
                    }),
                    ..Default::default()
                },
            ),
            EnvVar::from_source("LEVEL", EnvVarSource::config_map_key("cfg", "level")),
            EnvVar::from_source(
                "POD",
                EnvVarSource {
                    field_ref: Some(ObjectFieldSelector {
                        api_version: Some("v1".into()),
                        field_path: "metadata.name".into(),
                    }),
                    ..Default::default()
                },
            ),
            EnvVar::from_source(
                "MEM",
                EnvVarSource {
                    resource_field_ref: Some(ResourceFieldSelector {
                        container_name: Some("app".into()),
                        divisor: Some(q("1Mi")),
                        resource: "limits.memory".into(),
                    }),
                    ..Default::default()
                },
            ),
        ],
        env_from: vec![
            EnvFromSource {
                prefix: Some("CFG_".into()),
                ..EnvFromSource::config_map("cfg")
            },
            EnvFromSource {
                secret_ref: Some(EnvFromRef {
                    name: "db".into(),
                    optional: Some(false),
                }),
                ..Default::default()
            },
        ],
        image: "registry.example.com/db:1.2".into(),
        image_pull_policy: Some(PullPolicy::IfNotPresent),
        lifecycle: Some(Lifecycle {
            post_start: Some(LifecycleHandler::exec(["sh", "-c", "echo up"])),
            pre_stop: Some(LifecycleHandler::sleep(5)),
        }),
        liveness_probe: Some(Probe {
            failure_threshold: Some(3),
            initial_delay_seconds: Some(10),
            period_seconds: Some(5),
            success_threshold: Some(1),
            termination_grace_period_seconds: Some(30),
            timeout_seconds: Some(2),
            http_get: Some(http(TargetPort::Name("sql".into()))),
            ..Default::default()
        }),
        name: "app".into(),
        ports: vec![
            ContainerPort {
                container_port: 5432,
                host_port: Some(15432),
                name: Some("sql".into()),
                protocol: Protocol::TCP,
            },
            ContainerPort {
                container_port: 5353,
                host_port: None,
                name: None,
                protocol: Protocol::UDP,
            },
            ContainerPort {
                container_port: 9999,
                host_port: None,
                name: Some("sctp".into()),
                protocol: Protocol::SCTP,
            },
        ],
        readiness_probe: Some(Probe::tcp_socket(5432).period(3)),
        resources: Some(ResourceRequirements {
            limits: list(&[
                ("memory", "1Gi"),
                ("hugepages-2Mi", "64Mi"),
                ("example.com/dev", "1"),
            ]),
            requests: list(&[
                ("cpu", "500m"),
                ("memory", "512Mi"),
                ("ephemeral-storage", "1Gi"),
            ]),
        }),
        restart_policy: None,
        security_context: Some(SecurityContext {
            allow_privilege_escalation: Some(false),
            capabilities: Some(Capabilities {
                add: strings(&["NET_BIND_SERVICE"]),
                drop: strings(&["ALL"]),
            }),
            privileged: Some(false),
            read_only_root_filesystem: Some(true),
            run_as_group: Some(999),
            run_as_non_root: Some(true),
            run_as_user: Some(999),
            seccomp_profile: Some(SeccompProfile {
                localhost_profile: Some("profiles/db.json".into()),
                kind: SeccompProfileType::Localhost,
            }),
        }),
        startup_probe: Some(Probe::grpc(5432).failure_threshold(30)),
        termination_message_path: Some("/dev/termination-log".into()),
        termination_message_policy: Some(TerminationMessagePolicy::FallbackToLogsOnError),
        volume_devices: vec![VolumeDevice::new("block", "/dev/xvda")],
        volume_mounts: vec![
            mount("scratch", "/scratch"),
            VolumeMount {
                mount_path: "/etc/app".into(),
                name: "config".into(),
                read_only: true,
                recursive_read_only: Some(RecursiveReadOnlyMode::Enabled),
                sub_path: Some("app.yaml".into()),
                ..Default::default()
            },
            VolumeMount {
                mount_propagation: Some(MountPropagationMode::HostToContainer),
                sub_path_expr: Some("$(POD)".into()),
                ..VolumeMount::new("scratch", "/logs")
            },
        ],
        working_dir: Some("/data".into()),
        extra: Default::default(),
    }
}

fn sidecar() -> Container {
    Container {
        restart_policy: Some(ContainerRestartPolicy::Always),
        lifecycle: Some(Lifecycle {
            post_start: None,
            pre_stop: Some(LifecycleHandler {
                http_get: Some(HttpGetAction::new("/quit", 8080)),
                ..Default::default()
            }),
        }),
        liveness_probe: Some(Probe::exec(["cat", "/tmp/ok"])),
        ..Container::new("log-shipper", "busybox:1.36")
    }
}

fn pod_with_every_volume() -> Pod {
    Pod {
        metadata: rich_meta("every-volume"),
        spec: PodSpec {
            containers: vec![full_container(), Container::new("sidecar", "busybox")],
            init_containers: vec![
                Container {
                    command: strings(&["sh", "-c", "chown -R 999 /data"]),
                    volume_mounts: vec![mount("claim-rw", "/data")],
                    ..Container::new("init", "busybox:1.36")
                },
                sidecar(),
            ],
            node_selector: map(&[("kubernetes.io/os", "linux")]),
            restart_policy: Some(RestartPolicy::OnFailure),
            service_account_name: Some("db".into()),
            termination_grace_period_seconds: Some(60),
            volumes: every_volume_source(),
            ..Default::default()
        },
    }
}

#[test]
fn pod_with_every_volume_source() {
    let pod = pod_with_every_volume();
    let converted: core::Pod = check(&pod);
    // A spot check that the conversion is typed, not just equal as JSON.
    let volumes = converted.spec.unwrap().volumes.unwrap();
    assert_eq!(volumes.len(), pod.spec.volumes.len());
    assert_eq!(
        volumes[1].empty_dir.as_ref().unwrap().medium.as_deref(),
        Some("Memory")
    );
}

#[test]
fn pods_minimal_and_each_restart_policy() {
    let minimal = Pod {
        metadata: meta("minimal"),
        spec: PodSpec {
            containers: vec![Container::new("app", "nginx")],
            ..Default::default()
        },
    };
    check::<_, core::Pod>(&minimal);
    for policy in [
        RestartPolicy::Always,
        RestartPolicy::OnFailure,
        RestartPolicy::Never,
    ] {
        let mut pod = minimal.clone();
        pod.spec.restart_policy = Some(policy);
        check::<_, core::Pod>(&pod);
    }
}

// ---------------------------------------------------------------------------------------------
// PersistentVolumes and every PV source

fn pv(name: &str, source: PvSource) -> PersistentVolume {
    PersistentVolume {
        metadata: ClusterMeta::named(name),
        spec: PvSpec {
            access_modes: AccessMode::ReadWriteOnce.into(),
            capacity: q("10Gi"),
            claim_ref: None,
            mount_options: vec![],
            node_affinity: None,
            reclaim_policy: None,
            storage_class_name: None,
            volume_mode: None,
            source,
        },
    }
}

fn node_affinity() -> VolumeNodeAffinity {
    let req = |key: &str, operator, values: &[&str]| NodeSelectorRequirement {
        key: key.into(),
        operator,
        values: strings(values),
    };
    VolumeNodeAffinity {
        required: NodeSelector {
            node_selector_terms: vec![
                NodeSelectorTerm {
                    match_fields: Vec::new(),
                    match_expressions: vec![
                        req(
                            "kubernetes.io/hostname",
                            NodeSelectorOperator::In,
                            &["node-1", "node-2"],
                        ),
                        req(
                            "example.com/retired",
                            NodeSelectorOperator::NotIn,
                            &["true"],
                        ),
                        req("example.com/ssd", NodeSelectorOperator::Exists, &[]),
                        req(
                            "example.com/cordoned",
                            NodeSelectorOperator::DoesNotExist,
                            &[],
                        ),
                    ],
                },
                NodeSelectorTerm {
                    match_fields: Vec::new(),
                    match_expressions: vec![
                        req("example.com/disks", NodeSelectorOperator::Gt, &["2"]),
                        req("example.com/generation", NodeSelectorOperator::Lt, &["10"]),
                    ],
                },
                NodeSelectorTerm::default(),
            ],
        },
    }
}

fn every_pv_source() -> Vec<PvSource> {
    vec![
        PvSource::HostPath(HostPath {
            path: "/mnt/data".into(),
            kind: Some(HostPathType::DirectoryOrCreate),
        }),
        PvSource::HostPath(HostPath {
            path: "/mnt/other".into(),
            kind: None,
        }),
        PvSource::Local(LocalVolume {
            fs_type: Some("xfs".into()),
            path: "/dev/nvme1n1".into(),
        }),
        PvSource::Local(LocalVolume {
            fs_type: None,
            path: "/mnt/disks/ssd1".into(),
        }),
        PvSource::Nfs(Nfs {
            path: "/exports/pv".into(),
            read_only: true,
            server: "10.0.0.5".into(),
        }),
        PvSource::Csi(CsiPersistentVolume {
            controller_expand_secret_ref: Some(SecretReference {
                name: "expand-creds".into(),
                namespace: "kube-system".into(),
            }),
            controller_publish_secret_ref: Some(SecretReference {
                name: "attach-creds".into(),
                namespace: "kube-system".into(),
            }),
            driver: "pd.csi.storage.gke.io".into(),
            fs_type: Some("ext4".into()),
            node_expand_secret_ref: Some(SecretReference {
                name: "node-expand-creds".into(),
                namespace: "storage".into(),
            }),
            node_publish_secret_ref: Some(SecretReference {
                name: "pd-creds".into(),
                namespace: "kube-system".into(),
            }),
            node_stage_secret_ref: Some(SecretReference {
                name: "stage-creds".into(),
                namespace: "storage".into(),
            }),
            read_only: Some(false),
            volume_attributes: map(&[("storage.kubernetes.io/csiProvisionerIdentity", "123-pd")]),
            volume_handle: "projects/p/zones/z/disks/d".into(),
        }),
        PvSource::Csi(CsiPersistentVolume {
            volume_attributes: StringMap::new(),
            ..CsiPersistentVolume::new("ebs.csi.aws.com", "vol-0123")
        }),
        PvSource::Iscsi(IscsiVolume {
            fs_type: Some("ext4".into()),
            iqn: "iqn.2001-04.com.example:storage.disk1".into(),
            lun: 0,
            read_only: Some(true),
            target_portal: "10.0.0.9:3260".into(),
        }),
        PvSource::Iscsi(IscsiVolume {
            fs_type: None,
            iqn: "iqn.2001-04.com.example:storage.disk2".into(),
            lun: 255,
            read_only: None,
            target_portal: "10.0.0.9".into(),
        }),
    ]
}

/// Every legacy plugin, with all of kvol's fields set and with only the required ones.
fn every_legacy_source() -> Vec<LegacySource> {
    let fs = || Some("ext4".to_owned());
    let monitors = || strings(&["10.0.0.1:6789", "10.0.0.2:6789"]);
    vec![
        LegacySource::GcePersistentDisk {
            pd_name: "disk-1".into(),
            fs_type: fs(),
            partition: Some(1),
            read_only: true,
        },
        LegacySource::GcePersistentDisk {
            pd_name: "disk-2".into(),
            fs_type: None,
            partition: None,
            read_only: false,
        },
        LegacySource::AwsElasticBlockStore {
            volume_id: "vol-1".into(),
            fs_type: fs(),
            partition: Some(2),
            read_only: true,
        },
        LegacySource::AwsElasticBlockStore {
            volume_id: "vol-2".into(),
            fs_type: None,
            partition: None,
            read_only: false,
        },
        LegacySource::AzureDisk {
            disk_name: "disk".into(),
            disk_uri: "https://example.blob.core.windows.net/vhds/disk.vhd".into(),
            fs_type: fs(),
            read_only: true,
        },
        LegacySource::AzureDisk {
            disk_name: "d2".into(),
            disk_uri: "uri".into(),
            fs_type: None,
            read_only: false,
        },
        LegacySource::AzureFile {
            secret_name: "azure-secret".into(),
            share_name: "share".into(),
            read_only: true,
        },
        LegacySource::AzureFile {
            secret_name: "s".into(),
            share_name: "t".into(),
            read_only: false,
        },
        LegacySource::Cephfs {
            monitors: monitors(),
            path: Some("/volumes/a".into()),
            read_only: true,
        },
        LegacySource::Cephfs {
            monitors: monitors(),
            path: None,
            read_only: false,
        },
        LegacySource::Cinder {
            volume_id: "c-1".into(),
            fs_type: fs(),
            read_only: true,
        },
        LegacySource::Cinder {
            volume_id: "c-2".into(),
            fs_type: None,
            read_only: false,
        },
        LegacySource::Glusterfs {
            endpoints: "gluster".into(),
            path: "vol0".into(),
            read_only: true,
        },
        LegacySource::Glusterfs {
            endpoints: "gluster".into(),
            path: "vol1".into(),
            read_only: false,
        },
        LegacySource::Rbd {
            monitors: monitors(),
            image: "img".into(),
            fs_type: fs(),
            read_only: true,
        },
        LegacySource::Rbd {
            monitors: monitors(),
            image: "img2".into(),
            fs_type: None,
            read_only: false,
        },
        LegacySource::VsphereVolume {
            volume_path: "[ds] vols/a.vmdk".into(),
            fs_type: fs(),
        },
        LegacySource::VsphereVolume {
            volume_path: "[ds] vols/b.vmdk".into(),
            fs_type: None,
        },
        LegacySource::PortworxVolume {
            volume_id: "px-1".into(),
            fs_type: fs(),
            read_only: true,
        },
        LegacySource::PortworxVolume {
            volume_id: "px-2".into(),
            fs_type: None,
            read_only: false,
        },
    ]
}

#[test]
fn pv_with_every_source() {
    let legacy = every_legacy_source().into_iter().map(PvSource::Legacy);
    for (i, source) in every_pv_source().into_iter().chain(legacy).enumerate() {
        let volume = pv(&format!("pv-{i}"), source);
        let key = volume.spec.source.key();
        let converted: core::PersistentVolume = check(&volume);
        let json = serde_json::to_value(&converted).unwrap();
        assert!(
            json["spec"].get(key).is_some(),
            "{key} missing from the converted PV"
        );
    }
}

#[test]
fn pv_every_spec_field() {
    let source = PvSource::Local(LocalVolume {
        fs_type: None,
        path: "/mnt/disks/a".into(),
    });
    let mut full = pv("local-a", source);
    full.metadata = rich_cluster_meta("local-a");
    full.spec.access_modes = AccessMode::ALL.into_iter().collect();
    full.spec.claim_ref = Some(ClaimRef {
        name: "data-db-0".into(),
        namespace: "prod".into(),
    });
    full.spec.mount_options = strings(&["noatime", "nodiratime"]);
    full.spec.node_affinity = Some(node_affinity());
    full.spec.storage_class_name = Some("local".into());
    full.spec.volume_mode = Some(VolumeMode::Filesystem);
    for policy in [
        ReclaimPolicy::Retain,
        ReclaimPolicy::Delete,
        ReclaimPolicy::Recycle,
    ] {
        full.spec.reclaim_policy = Some(policy);
        check::<_, core::PersistentVolume>(&full);
    }
    // An empty class is written as `""` and means "no class": it must survive.
    full.spec.storage_class_name = Some(String::new());
    full.spec.volume_mode = Some(VolumeMode::Block);
    check::<_, core::PersistentVolume>(&full);
}

// ---------------------------------------------------------------------------------------------
// Claims

#[test]
fn claims_with_selectors_data_sources_and_each_class_meaning() {
    let rich = PersistentVolumeClaim {
        metadata: rich_meta("data"),
        spec: rich_claim_spec(),
    };
    check::<_, core::PersistentVolumeClaim>(&rich);

    let mut pvc_data_source = rich.clone();
    pvc_data_source.spec.data_source = Some(TypedLocalObjectReference {
        api_group: None,
        kind: "PersistentVolumeClaim".into(),
        name: "source".into(),
    });
    pvc_data_source.spec.data_source_ref = Some(TypedObjectReference {
        api_group: None,
        kind: "PersistentVolumeClaim".into(),
        name: "source".into(),
        namespace: None,
    });
    check::<_, core::PersistentVolumeClaim>(&pvc_data_source);

    for class in [
        ClassRef::ClusterDefault,
        ClassRef::NoClass,
        ClassRef::Named("standard".into()),
    ] {
        let claim = PersistentVolumeClaim {
            metadata: meta("c"),
            spec: PvcSpec {
                storage_class: class.clone(),
                ..claim_spec("1Gi")
            },
        };
        let converted: core::PersistentVolumeClaim = check(&claim);
        let expected = match &class {
            ClassRef::ClusterDefault => None,
            ClassRef::NoClass => Some(""),
            ClassRef::Named(n) => Some(n.as_str()),
        };
        assert_eq!(
            converted.spec.unwrap().storage_class_name.as_deref(),
            expected
        );
    }

    let mut every_mode = rich;
    every_mode.spec.access_modes = AccessMode::ALL.into_iter().collect();
    every_mode.spec.selector = Some(LabelSelector::default());
    check::<_, core::PersistentVolumeClaim>(&every_mode);
}

// ---------------------------------------------------------------------------------------------
// StorageClasses

#[test]
fn storage_classes_with_topologies() {
    let full = StorageClass {
        metadata: ClusterMeta {
            annotations: map(&[("storageclass.kubernetes.io/is-default-class", "true")]),
            ..rich_cluster_meta("fast")
        },
        provisioner: "pd.csi.storage.gke.io".into(),
        parameters: map(&[("type", "pd-ssd"), ("replication-type", "regional-pd")]),
        reclaim_policy: Some(ReclaimPolicy::Retain),
        volume_binding_mode: Some(VolumeBindingMode::WaitForFirstConsumer),
        allow_volume_expansion: Some(true),
        mount_options: strings(&["debug"]),
        allowed_topologies: vec![
            TopologySelectorTerm {
                match_label_expressions: vec![
                    TopologyRequirement {
                        key: "topology.kubernetes.io/zone".into(),
                        values: strings(&["europe-west1-b", "europe-west1-c"]),
                    },
                    TopologyRequirement {
                        key: "topology.kubernetes.io/region".into(),
                        values: strings(&["europe-west1"]),
                    },
                ],
            },
            TopologySelectorTerm::default(),
        ],
    };
    check::<_, storage::StorageClass>(&full);

    let minimal = StorageClass {
        metadata: ClusterMeta::named("local"),
        provisioner: "kubernetes.io/no-provisioner".into(),
        parameters: StringMap::new(),
        reclaim_policy: Some(ReclaimPolicy::Delete),
        volume_binding_mode: Some(VolumeBindingMode::Immediate),
        allow_volume_expansion: Some(false),
        mount_options: vec![],
        allowed_topologies: vec![],
    };
    check::<_, storage::StorageClass>(&minimal);
    check::<_, storage::StorageClass>(&StorageClass {
        reclaim_policy: None,
        volume_binding_mode: None,
        allow_volume_expansion: None,
        ..minimal
    });
}

// ---------------------------------------------------------------------------------------------
// Services and StatefulSets

fn headless(name: &str) -> Service {
    Service {
        metadata: ObjectMeta {
            labels: map(&[("app", "db")]),
            ..rich_meta(name)
        },
        spec: ServiceSpec {
            ports: vec![
                ServicePort {
                    name: Some("sql".into()),
                    port: 5432,
                    protocol: Protocol::TCP,
                    target_port: Some(TargetPort::Name("sql".into())),
                    ..Default::default()
                },
                ServicePort {
                    name: Some("dns".into()),
                    port: 53,
                    protocol: Protocol::UDP,
                    target_port: Some(TargetPort::Number(5353)),
                    ..Default::default()
                },
                ServicePort {
                    name: Some("peer".into()),
                    port: 9999,
                    protocol: Protocol::SCTP,
                    target_port: None,
                    ..Default::default()
                },
            ],
            publish_not_ready_addresses: true,
            selector: map(&[("app", "db")]),
            ..Default::default()
        },
    }
}

#[test]
fn services() {
    check::<_, core::Service>(&headless("db"));
    let bare = Service {
        metadata: meta("bare"),
        spec: ServiceSpec::default(),
    };
    check::<_, core::Service>(&bare);
    let one_port = Service {
        metadata: meta("one"),
        spec: ServiceSpec {
            ports: vec![ServicePort {
                name: None,
                port: 80,
                protocol: Protocol::TCP,
                target_port: None,
                ..Default::default()
            }],
            publish_not_ready_addresses: false,
            selector: map(&[("app", "web")]),
            ..Default::default()
        },
    };
    check::<_, core::Service>(&one_port);
}

fn full_statefulset() -> StatefulSet {
    let labels = map(&[("app", "db")]);
    StatefulSet {
        metadata: rich_meta("db"),
        spec: StatefulSetSpec {
            min_ready_seconds: Some(10),
            ordinals_start: Some(1),
            retention: Some(RetentionPolicy {
                when_deleted: RetentionAction::Delete,
                when_scaled: RetentionAction::Retain,
            }),
            pod_management_policy: Some(PodManagementPolicy::Parallel),
            replicas: Some(3),
            revision_history_limit: Some(5),
            selector: LabelSelector::labels(labels.clone()),
            service_name: "db".into(),
            template: PodTemplate {
                metadata: TemplateMeta {
                    annotations: map(&[("prometheus.io/scrape", "true")]),
                    labels,
                    name: None,
                },
                spec: PodSpec {
                    containers: vec![Container {
                        volume_mounts: vec![mount("data", "/var/lib/db"), mount("wal", "/wal")],
                        ..full_container()
                    }],
                    restart_policy: Some(RestartPolicy::Always),
                    termination_grace_period_seconds: Some(120),
                    volumes: vec![volume(
                        "scratch",
                        VolumeSource::EmptyDir(EmptyDir::default()),
                    )],
                    ..Default::default()
                },
            },
            update_strategy: Some(UpdateStrategy::RollingUpdate {
                partition: Some(1),
                max_unavailable: Some(IntOrPercent::Int(2)),
            }),
            volume_claim_templates: vec![
                PvcTemplate {
                    metadata: TemplateMeta {
                        annotations: map(&[("note", "primary data")]),
                        labels: map(&[("app", "db")]),
                        name: Some("data".into()),
                    },
                    spec: rich_claim_spec(),
                },
                template("wal", claim_spec("1Gi")),
            ],
            extra: Default::default(),
        },
        service: headless("db"),
        service_in_set: false,
    }
}

#[test]
fn statefulset_every_policy() {
    let full = full_statefulset();
    check_statefulset(&full);
    check::<_, core::Service>(&full.service);

    let strategies = [
        UpdateStrategy::RollingUpdate {
            partition: None,
            max_unavailable: None,
        },
        UpdateStrategy::RollingUpdate {
            partition: Some(0),
            max_unavailable: None,
        },
        UpdateStrategy::RollingUpdate {
            partition: None,
            max_unavailable: Some(IntOrPercent::Percent(25)),
        },
        UpdateStrategy::OnDelete,
    ];
    for strategy in strategies {
        let mut set = full.clone();
        set.spec.update_strategy = Some(strategy);
        check_statefulset(&set);
    }

    use RetentionAction::{Delete, Retain};
    for (when_deleted, when_scaled) in [(Retain, Retain), (Retain, Delete), (Delete, Delete)] {
        let mut set = full.clone();
        set.spec.retention = Some(RetentionPolicy {
            when_deleted,
            when_scaled,
        });
        set.spec.pod_management_policy = Some(PodManagementPolicy::OrderedReady);
        check_statefulset(&set);
    }
}

fn minimal_statefulset() -> StatefulSet {
    let labels = map(&[("app", "web")]);
    StatefulSet {
        metadata: meta("web"),
        spec: StatefulSetSpec {
            min_ready_seconds: None,
            ordinals_start: None,
            retention: None,
            pod_management_policy: None,
            replicas: None,
            revision_history_limit: None,
            selector: LabelSelector::labels(labels.clone()),
            service_name: "web".into(),
            template: PodTemplate {
                metadata: TemplateMeta {
                    labels: labels.clone(),
                    ..Default::default()
                },
                spec: PodSpec {
                    containers: vec![Container::new("web", "nginx")],
                    ..Default::default()
                },
            },
            update_strategy: None,
            volume_claim_templates: vec![],
            extra: Default::default(),
        },
        service: Service {
            metadata: meta("web"),
            spec: ServiceSpec {
                selector: labels,
                ..Default::default()
            },
        },
        service_in_set: false,
    }
}

#[test]
fn statefulset_minimal() {
    check_statefulset(&minimal_statefulset());
}

#[test]
fn statefulset_converts_with_its_service_in_apply_order() {
    let set = full_statefulset();
    let (service, converted) = <(core::Service, apps::StatefulSet)>::from(&set);
    assert_eq!(service, core::Service::from(&set.service));
    assert_eq!(converted, apps::StatefulSet::from(&set));
    assert_eq!(service.metadata.name, converted.spec.service_name);
}

// ---------------------------------------------------------------------------------------------
// Valid<T>

#[test]
fn valid_values_convert_like_the_values() {
    let claim = PersistentVolumeClaim {
        metadata: meta("data"),
        spec: claim_spec("1Gi"),
    };
    let valid = Valid::new(claim.clone()).expect("fixture is valid");
    assert_eq!(
        core::PersistentVolumeClaim::from(&valid),
        core::PersistentVolumeClaim::from(&claim)
    );

    let set = minimal_statefulset();
    let valid = Valid::new(set.clone()).expect("fixture is valid");
    assert_eq!(
        apps::StatefulSet::from(&valid),
        apps::StatefulSet::from(&set)
    );
    assert_eq!(
        <(core::Service, apps::StatefulSet)>::from(&valid),
        <(core::Service, apps::StatefulSet)>::from(&set)
    );
}

// ---------------------------------------------------------------------------------------------
// Every rendered document of builder-made objects

/// Runs the checks on one rendered document, with the k8s-openapi type of its kind.
fn check_document(document: Document<'_>) {
    match document {
        Document::Pod(o) => _ = check::<_, core::Pod>(o),
        Document::PersistentVolume(o) => _ = check::<_, core::PersistentVolume>(o),
        Document::PersistentVolumeClaim(o) => _ = check::<_, core::PersistentVolumeClaim>(o),
        Document::StorageClass(o) => _ = check::<_, storage::StorageClass>(o),
        Document::Service(o) => _ = check::<_, core::Service>(o),
        Document::StatefulSet(o) => _ = check_statefulset(o),
        Document::ConfigMap(o) => _ = check::<_, core::ConfigMap>(o),
        Document::Secret(o) => _ = check::<_, core::Secret>(o),
        Document::Deployment(o) => _ = check::<_, apps::Deployment>(o),
        Document::DaemonSet(o) => _ = check::<_, apps::DaemonSet>(o),
        Document::PodDisruptionBudget(o) => {
            _ = check::<_, k8s_openapi::api::policy::v1::PodDisruptionBudget>(o)
        }
        // CRDs (snapshots) and a kind k8s-openapi has only from 1.34: no k8s-openapi type.
        Document::VolumeSnapshotClass(_)
        | Document::VolumeSnapshot(_)
        | Document::VolumeAttributesClass(_) => {}
    }
}

/// A built object, which must be valid.
fn object<T: Into<Object>>(built: Result<Valid<T>, kvol_core::Report>) -> Object {
    built.unwrap_or_else(|r| panic!("{r}")).into_inner().into()
}

/// The seed document's six scenarios (as in `seed_scenarios.rs`), made with the builders.
fn seed_scenarios() -> Vec<Object> {
    use kvol_core::{Container, PvcTemplate};
    let httpd = |name: &str| Container::builder(name, "httpd").port(80);
    let mongo = || Container::builder("mongodb", "mongo");
    vec![
        object(
            Pod::builder("count")
                .container(
                    Container::builder("html-generator", "gasbugs/count")
                        .mount("html", "/var/htdocs"),
                )
                .container(httpd("web-server").mount_read_only("html", "/usr/local/apache2/htdocs"))
                .volume("html", VolumeSource::empty_dir())
                .build(),
        ),
        object(
            Pod::builder("hostpath-http")
                .container(httpd("web-server").mount("html", "/usr/local/apache2/htdocs"))
                .volume(
                    "html",
                    VolumeSource::host_path("/var/htdocs", HostPathType::Directory),
                )
                .build(),
        ),
        object(
            Pod::builder("nfs-httpd")
                .container(httpd("web").mount_read_only("nfs-volume", "/usr/local/apache2/htdocs"))
                .volume(
                    "nfs-volume",
                    VolumeSource::nfs("10.0.2.5", "/home/nfs", false),
                )
                .build(),
        ),
        object(
            PersistentVolumeClaim::builder("mongo-pvc")
                .access_mode(AccessMode::ReadWriteOnce)
                .request("1Gi")
                .no_storage_class()
                .build(),
        ),
        object(
            PersistentVolume::builder("mongo-pv")
                .capacity("1Gi")
                .volume_mode(VolumeMode::Filesystem)
                .access_mode(AccessMode::ReadWriteOnce)
                .access_mode(AccessMode::ReadOnlyMany)
                .reclaim_policy(ReclaimPolicy::Retain)
                .no_storage_class()
                .legacy(LegacySource::GcePersistentDisk {
                    pd_name: "mongodb".into(),
                    fs_type: Some("ext4".into()),
                    partition: None,
                    read_only: false,
                })
                .build(),
        ),
        object(
            StorageClass::builder("storage-class", "kubernetes.io/gce-pd")
                .parameter("type", "pd-ssd")
                .build(),
        ),
        object(
            PersistentVolumeClaim::builder("mongodb-pvc")
                .access_mode(AccessMode::ReadWriteOnce)
                .request("1Gi")
                .storage_class("storage-class")
                .build(),
        ),
        object(
            Pod::builder("mongodb")
                .container(mongo().mount("mongodb-data", "/data/db"))
                .volume("mongodb-data", VolumeSource::claim("mongodb-pvc", false))
                .build(),
        ),
        object(
            StatefulSet::builder("web")
                .service_name("nginx")
                .label("app", "nginx")
                .replicas(3)
                .grace_period(10)
                .container(
                    Container::builder("nginx", "registry.k8s.io/nginx-slim:0.8")
                        .named_port("web", 80)
                        .mount("www", "/usr/share/nginx/html"),
                )
                .claim(
                    PvcTemplate::builder("www")
                        .access_mode(AccessMode::ReadWriteOnce)
                        .storage_class("standard")
                        .request("1Gi"),
                )
                .build(),
        ),
    ]
}

#[test]
fn every_rendered_document_of_the_seed_scenarios() {
    let objects = seed_scenarios();
    let mut kinds = Vec::new();
    objects.each_document(&mut |d: Document<'_>| {
        kinds.push(d.kind());
        check_document(d);
    });
    assert_eq!(
        kinds,
        [
            "Pod",
            "Pod",
            "Pod",
            "PersistentVolumeClaim",
            "PersistentVolume",
            "StorageClass",
            "PersistentVolumeClaim",
            "Pod",
            "Service",
            "StatefulSet"
        ]
    );
}

/// Every pod-level setting and a projected volume with every kind of source.
#[test]
fn pod_settings_and_projected_volumes() {
    use kvol_core::{
        scheduling::{
            Affinity, DnsPolicy, NodeAffinity, NodeInclusionPolicy, PodAffinity, PodAffinityTerm,
            PreferredSchedulingTerm, TaintEffect, Toleration, TolerationOperator,
            TopologySpreadConstraint, UnsatisfiableConstraintAction, WeightedPodAffinityTerm,
        },
        security::{FsGroupChangePolicy, PodSecurityContext, SeccompProfile, SeccompProfileType},
        selector::{
            LabelSelector, NodeSelector, NodeSelectorOperator, NodeSelectorRequirement,
            NodeSelectorTerm,
        },
        volume::{
            ClusterTrustBundleProjection, LocalObjectReference, ProjectedVolume, VolumeProjection,
        },
    };
    let selector = LabelSelector::labels(map(&[("app", "web")]));
    let term = PodAffinityTerm {
        label_selector: Some(selector.clone()),
        match_label_keys: strings(&["pod-template-hash"]),
        mismatch_label_keys: strings(&["tenant"]),
        namespace_selector: Some(LabelSelector::labels(map(&[("team", "a")]))),
        namespaces: strings(&["prod"]),
        topology_key: "kubernetes.io/hostname".into(),
    };
    let node_term = NodeSelectorTerm {
        match_fields: Vec::new(),
        match_expressions: vec![NodeSelectorRequirement {
            key: "topology.kubernetes.io/zone".into(),
            operator: NodeSelectorOperator::In,
            values: strings(&["a", "b"]),
        }],
    };
    let mut pod = pod_with_every_volume();
    pod.spec.affinity = Some(Affinity {
        node_affinity: Some(NodeAffinity {
            preferred: vec![PreferredSchedulingTerm {
                preference: node_term.clone(),
                weight: 10,
            }],
            required: Some(NodeSelector {
                node_selector_terms: vec![node_term],
            }),
        }),
        pod_affinity: Some(PodAffinity {
            preferred: vec![WeightedPodAffinityTerm {
                pod_affinity_term: term.clone(),
                weight: 100,
            }],
            required: vec![term.clone()],
        }),
        pod_anti_affinity: Some(PodAffinity {
            preferred: Vec::new(),
            required: vec![term],
        }),
    });
    pod.spec.automount_service_account_token = Some(false);
    pod.spec.dns_policy = Some(DnsPolicy::ClusterFirstWithHostNet);
    pod.spec.enable_service_links = Some(true);
    pod.spec.hostname = Some("web-0".into());
    pod.spec.subdomain = Some("web".into());
    pod.spec.image_pull_secrets = vec![LocalObjectReference {
        name: "registry".into(),
    }];
    pod.spec.priority_class_name = Some("high".into());
    pod.spec.security_context = Some(PodSecurityContext {
        fs_group: Some(101),
        fs_group_change_policy: Some(FsGroupChangePolicy::OnRootMismatch),
        run_as_group: Some(101),
        run_as_non_root: Some(true),
        run_as_user: Some(100),
        seccomp_profile: Some(SeccompProfile {
            localhost_profile: Some("audit.json".into()),
            kind: SeccompProfileType::Localhost,
        }),
        supplemental_groups: vec![5, 6],
    });
    pod.spec.tolerations = vec![
        Toleration {
            operator: Some(TolerationOperator::Exists),
            ..Default::default()
        },
        Toleration {
            effect: Some(TaintEffect::NoExecute),
            key: Some("node.kubernetes.io/unreachable".into()),
            operator: Some(TolerationOperator::Exists),
            toleration_seconds: Some(30),
            value: None,
        },
    ];
    pod.spec.topology_spread_constraints = vec![TopologySpreadConstraint {
        label_selector: Some(selector.clone()),
        match_label_keys: strings(&["pod-template-hash"]),
        max_skew: 1,
        min_domains: Some(3),
        node_affinity_policy: Some(NodeInclusionPolicy::Honor),
        node_taints_policy: Some(NodeInclusionPolicy::Ignore),
        topology_key: "topology.kubernetes.io/zone".into(),
        when_unsatisfiable: UnsatisfiableConstraintAction::DoNotSchedule,
    }];
    let mut cm = VolumeProjection::config_map("ca");
    if let Some(c) = &mut cm.config_map {
        c.optional = Some(true);
    }
    pod.spec.volumes.push(volume(
        "projected",
        VolumeSource::Projected(ProjectedVolume {
            default_mode: Some(FileMode(0o440)),
            sources: vec![
                VolumeProjection::service_account_token("token", Some("vault".into()), Some(3600)),
                cm,
                VolumeProjection::secret("creds"),
                VolumeProjection::downward_api([]),
                VolumeProjection {
                    cluster_trust_bundle: Some(ClusterTrustBundleProjection {
                        label_selector: Some(selector),
                        name: None,
                        optional: Some(true),
                        path: "bundle.pem".into(),
                        signer_name: Some("example.com/signer".into()),
                    }),
                    ..Default::default()
                },
            ],
        }),
    ));
    let converted: core::Pod = check(&pod);
    let spec = converted.spec.unwrap();
    assert_eq!(spec.dns_policy.as_deref(), Some("ClusterFirstWithHostNet"));
    assert!(spec.volumes.unwrap().last().unwrap().projected.is_some());
}

/// Services of every type with every field kvol models.
#[test]
fn client_services_of_every_type() {
    use kvol_core::service::{
        ClientIpConfig, ClusterIp, ServiceType, SessionAffinity, SessionAffinityConfig,
        TrafficPolicy,
    };
    for (kind, cluster_ip) in [
        (None, ClusterIp::Allocated),
        (Some(ServiceType::ClusterIP), ClusterIp::None),
        (
            Some(ServiceType::ClusterIP),
            ClusterIp::Address("10.96.0.10".into()),
        ),
        (Some(ServiceType::NodePort), ClusterIp::Allocated),
        (Some(ServiceType::LoadBalancer), ClusterIp::Allocated),
    ] {
        let mut svc = headless("web");
        svc.spec.cluster_ip = cluster_ip;
        svc.spec.type_ = kind;
        svc.spec.session_affinity = Some(SessionAffinity::ClientIP);
        svc.spec.session_affinity_config = Some(SessionAffinityConfig {
            client_ip: Some(ClientIpConfig {
                timeout_seconds: Some(600),
            }),
        });
        svc.spec.external_traffic_policy = Some(TrafficPolicy::Local);
        svc.spec.internal_traffic_policy = Some(TrafficPolicy::Cluster);
        svc.spec.ports[0].node_port = Some(30080);
        svc.spec.ports[0].app_protocol = Some("kubernetes.io/h2c".into());
        let converted: core::Service = check(&svc);
        assert_eq!(
            converted.spec.unwrap().type_.as_deref(),
            kind.map(ServiceType::as_str)
        );
    }
}

/// The escape hatch's extra fields reach the k8s-openapi types.
#[test]
fn extra_fields_convert() {
    let pod = kvol_core::Pod::builder("p")
        .container(kvol_core::Container::builder("c", "busybox").extra("tty", true))
        .extra("hostNetwork", true)
        .extra("priority", 7)
        .build()
        .expect("valid pod");
    let out = core::Pod::from(&*pod);
    let spec = out.spec.expect("spec");
    assert_eq!(spec.host_network, Some(true));
    assert_eq!(spec.priority, Some(7));
    assert_eq!(spec.containers[0].tty, Some(true));
    assert_eq!(spec.containers[0].image.as_deref(), Some("busybox"));
}

#[test]
fn every_rendered_document_of_the_second_release_kinds() {
    use kvol_core::{
        ConfigMap, Container, DaemonSet, Deployment, PodDisruptionBudget, Secret,
        config::secret_type, daemonset::DaemonSetUpdateStrategy, deployment::DeploymentStrategy,
        statefulset::IntOrPercent,
    };
    let objects = vec![
        object(
            ConfigMap::builder("app")
                .data("app.properties", "a=b")
                .binary_data("logo", b"\x00\x01binary".as_slice())
                .immutable(true)
                .build(),
        ),
        object(
            Secret::builder("tls")
                .type_(secret_type::TLS)
                .data("tls.key", b"KEY".as_slice())
                .string_data("tls.crt", "CERT")
                .build(),
        ),
        object(
            Deployment::builder("web")
                .replicas(3)
                .rolling_update(Some(IntOrPercent::Int(1)), Some(IntOrPercent::Percent(25)))
                .min_ready_seconds(5)
                .progress_deadline_seconds(600)
                .revision_history_limit(3)
                .container(Container::builder("nginx", "nginx:1.27"))
                .build(),
        ),
        object(
            Deployment::builder("batch")
                .strategy(DeploymentStrategy::recreate())
                .container(Container::builder("app", "busybox"))
                .build(),
        ),
        object(
            DaemonSet::builder("agent")
                .rolling_update(Some(IntOrPercent::Percent(10)), Some(IntOrPercent::Int(0)))
                .min_ready_seconds(5)
                .revision_history_limit(3)
                .node_selector("kubernetes.io/os", "linux")
                .container(Container::builder("agent", "fluent/fluent-bit:3.1"))
                .build(),
        ),
        object(
            DaemonSet::builder("on-delete")
                .update_strategy(DaemonSetUpdateStrategy::on_delete())
                .container(Container::builder("agent", "busybox"))
                .build(),
        ),
        object(
            PodDisruptionBudget::builder("web")
                .max_unavailable(IntOrPercent::Int(1))
                .selector_label("app", "web")
                .build(),
        ),
    ];
    let mut kinds = Vec::new();
    objects.each_document(&mut |d: Document<'_>| {
        kinds.push(d.kind());
        check_document(d);
    });
    assert_eq!(
        kinds,
        [
            "ConfigMap",
            "Secret",
            "Deployment",
            "Deployment",
            "DaemonSet",
            "DaemonSet",
            "PodDisruptionBudget"
        ]
    );
}
