//! The builders' own behaviour: the values they produce, their defaults, the field paths of
//! conversion errors and the StatefulSet's headless Service. (Validation rules are tested where
//! they are written; these tests hold whatever those rules say.)

use kvol_core::{
    AccessMode, AccessModes, ClassRef, Container, ContainerPort, FieldError, FieldPath,
    KubeVersion, PersistentVolume, PersistentVolumeClaim, Pod, Protocol, PvcTemplate, Quantity,
    QuantityError, Report, StatefulSet, StorageClass, VolumeMode, VolumeMount, VolumeSource,
    builder::{
        ContainerBuilder, IntoQuantity, PodBuilder, PvBuilder, PvcBuilder, PvcTemplateBuilder,
        QuantityInputError, SourceInput, StatefulSetBuilder, StorageClassBuilder,
    },
    pod::RestartPolicy,
    pv::PvSource,
    report::ErrorKind,
    selector::NodeSelectorOperator,
    statefulset::{PodManagementPolicy, RetentionAction, RetentionPolicy, UpdateStrategy},
    storage_class::{DEFAULT_CLASS_ANNOTATION, VolumeBindingMode},
    volume::{HostPathType, StorageMedium},
};
use std::collections::BTreeMap;

/// A size the parser rejects, whatever the quantity implementation: tests the builders' error
/// paths without depending on which strings the parser accepts.
struct NotAQuantity(&'static str);

const PARSE_MESSAGE: &str = "quantities must match the regular expression";

impl IntoQuantity for NotAQuantity {
    fn into_quantity(self) -> Result<Quantity, QuantityInputError> {
        let error = QuantityError {
            message: PARSE_MESSAGE.to_owned(),
        };
        Err(QuantityInputError {
            input: self.0.to_owned(),
            error,
        })
    }
}

fn q(s: &str) -> Quantity {
    s.parse().expect("test quantity")
}

/// The error paths, as text.
fn paths(report: &Report) -> Vec<&str> {
    report.errors.iter().map(|e| e.path.as_str()).collect()
}

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn web_container() -> ContainerBuilder {
    Container::builder("web", "nginx")
        .named_port("http", 80)
        .mount("data", "/data")
}

#[test]
fn builders_are_clone_and_debug() {
    fn check<T: Clone + std::fmt::Debug>() {}
    check::<PodBuilder>();
    check::<ContainerBuilder>();
    check::<PvcBuilder>();
    check::<PvcTemplateBuilder>();
    check::<PvBuilder>();
    check::<StorageClassBuilder>();
    check::<StatefulSetBuilder>();
    check::<SourceInput>();
}

#[test]
fn into_quantity_accepts_quantities_and_text() {
    let one = q("1Gi");
    assert_eq!("1Gi".into_quantity(), Ok(one.clone()));
    assert_eq!(String::from("1Gi").into_quantity(), Ok(one.clone()));
    assert_eq!((&String::from("1Gi")).into_quantity(), Ok(one.clone()));
    assert_eq!((&one).into_quantity(), Ok(one.clone()));
    assert_eq!(one.clone().into_quantity(), Ok(one));
}

#[test]
fn quantity_input_error_becomes_an_invalid_value_at_the_path() {
    let e = NotAQuantity("1Gx").into_quantity().unwrap_err();
    assert_eq!(e.input, "1Gx");
    let path = FieldPath::root()
        .child("spec")
        .child("capacity")
        .key("storage");
    let field = e.into_field_error(path);
    assert_eq!(
        field.to_string(),
        format!("spec.capacity[storage]: Invalid value: \"1Gx\": {PARSE_MESSAGE}")
    );
}

#[test]
fn text_the_parser_rejects_is_reported_at_the_field() {
    // Whether this text is rejected is the quantity parser's business; when it is, the builder
    // must report it at the request's path.
    let bad = "1Gx";
    if bad.parse::<Quantity>().is_ok() {
        return;
    }
    let report = PersistentVolumeClaim::builder("c")
        .access_mode(AccessMode::ReadWriteOnce)
        .request(bad)
        .build()
        .unwrap_err();
    assert_eq!(
        report.errors[0].path.as_str(),
        "spec.resources.requests[storage]"
    );
    assert_eq!(report.errors[0].value.as_deref(), Some("\"1Gx\""));
}

// ---------------------------------------------------------------------------------------------
// Pod and Container

#[test]
fn pod_builder_produces_the_values_given() {
    let pod = Pod::builder("p")
        .namespace("ns")
        .label("app", "p")
        .annotation("note", "x")
        .init_container(
            Container::builder("init", "busybox")
                .command(["sh", "-c"])
                .args(["true"]),
        )
        .container(
            Container::builder("app", "nginx")
                .port(8080)
                .named_port("metrics", 9090)
                .port_with(ContainerPort {
                    container_port: 53,
                    name: Some("dns".into()),
                    protocol: Protocol::UDP,
                    ..Default::default()
                })
                .mount("data", "/data")
                .mount_read_only("config", "/etc/app")
                .mount_with(VolumeMount {
                    sub_path: Some("sub".into()),
                    ..VolumeMount::new("data", "/sub")
                })
                .env("MODE", "prod"),
        )
        .volume("data", VolumeSource::claim("data-claim", false))
        .volume("config", VolumeSource::config_map("app-config"))
        .restart_policy(RestartPolicy::OnFailure)
        .grace_period(5)
        .service_account("runner")
        .node_selector("disk", "ssd")
        .target(KubeVersion::OLDEST)
        .build()
        .unwrap_or_else(|r| panic!("{r}"));

    assert_eq!(pod.target(), KubeVersion::OLDEST);
    assert_eq!(pod.metadata.name, "p");
    assert_eq!(pod.metadata.namespace.as_deref(), Some("ns"));
    assert_eq!(pod.metadata.labels, labels(&[("app", "p")]));
    assert_eq!(pod.metadata.annotations, labels(&[("note", "x")]));
    let spec = &pod.spec;
    assert_eq!(spec.init_containers[0].command, ["sh", "-c"]);
    assert_eq!(spec.init_containers[0].args, ["true"]);
    let app = &spec.containers[0];
    assert_eq!((app.name.as_str(), app.image.as_str()), ("app", "nginx"));
    let ports: Vec<_> = app
        .ports
        .iter()
        .map(|p| (p.container_port, p.name.as_deref(), p.protocol))
        .collect();
    assert_eq!(
        ports,
        [
            (8080, None, Protocol::TCP),
            (9090, Some("metrics"), Protocol::TCP),
            (53, Some("dns"), Protocol::UDP)
        ]
    );
    let mounts: Vec<_> = app
        .volume_mounts
        .iter()
        .map(|m| {
            (
                m.name.as_str(),
                m.mount_path.as_str(),
                m.read_only,
                m.sub_path.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        mounts,
        [
            ("data", "/data", false, None),
            ("config", "/etc/app", true, None),
            ("data", "/sub", false, Some("sub"))
        ]
    );
    assert_eq!(
        (app.env[0].name.as_str(), app.env[0].value.as_str()),
        ("MODE", "prod")
    );
    let volumes: Vec<_> = spec
        .volumes
        .iter()
        .map(|v| (v.name.as_str(), v.source.key()))
        .collect();
    assert_eq!(
        volumes,
        [("data", "persistentVolumeClaim"), ("config", "configMap")]
    );
    assert_eq!(spec.restart_policy, Some(RestartPolicy::OnFailure));
    assert_eq!(spec.termination_grace_period_seconds, Some(5));
    assert_eq!(spec.service_account_name.as_deref(), Some("runner"));
    assert_eq!(spec.node_selector, labels(&[("disk", "ssd")]));
}

#[test]
fn pod_builder_leaves_unset_fields_out() {
    let pod = Pod::builder("p")
        .container(Container::builder("c", "busybox"))
        .build()
        .unwrap();
    assert_eq!(pod.target(), KubeVersion::DEFAULT);
    let json = serde_json::to_value(&*pod).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
            "spec": {"containers": [{"image": "busybox", "name": "c"}]}
        })
    );
}

#[test]
fn container_builder_converts_into_a_container() {
    let built = Container::builder("c", "img").port(80).into_container();
    let converted: Container = Container::builder("c", "img").port(80).into();
    assert_eq!(built, converted);
    // A ready-made Container is accepted where a builder is.
    let pod = Pod::builder("p").container(built.clone()).build().unwrap();
    assert_eq!(pod.spec.containers, [built]);
}

#[test]
fn volume_source_constructors() {
    use kvol_core::volume::{DownwardApiFile, DownwardApiSource};
    let json = |s: VolumeSource| serde_json::to_value(kvol_core::Volume::new("v", s)).unwrap();
    assert_eq!(
        json(VolumeSource::empty_dir()),
        serde_json::json!({"emptyDir": {}, "name": "v"})
    );
    assert_eq!(
        json(VolumeSource::empty_dir_memory()),
        serde_json::json!({"emptyDir": {"medium": "Memory"}, "name": "v"})
    );
    assert_eq!(
        json(VolumeSource::empty_dir_sized("1Gi").unwrap()),
        serde_json::json!({"emptyDir": {"sizeLimit": "1Gi"}, "name": "v"})
    );
    assert_eq!(
        json(VolumeSource::host_path("/x", None)),
        serde_json::json!({"hostPath": {"path": "/x"}, "name": "v"})
    );
    assert_eq!(
        json(VolumeSource::host_path(
            "/x",
            HostPathType::DirectoryOrCreate
        )),
        serde_json::json!({"hostPath": {"path": "/x", "type": "DirectoryOrCreate"}, "name": "v"})
    );
    assert_eq!(
        json(VolumeSource::nfs("srv", "/e", true)),
        serde_json::json!({"name": "v", "nfs": {"path": "/e", "readOnly": true, "server": "srv"}})
    );
    assert_eq!(
        json(VolumeSource::claim("c", true)),
        serde_json::json!({"name": "v", "persistentVolumeClaim": {"claimName": "c", "readOnly": true}})
    );
    assert_eq!(
        json(VolumeSource::config_map("cm")),
        serde_json::json!({"configMap": {"name": "cm"}, "name": "v"})
    );
    assert_eq!(
        json(VolumeSource::secret("s")),
        serde_json::json!({"name": "v", "secret": {"secretName": "s"}})
    );
    assert_eq!(
        json(VolumeSource::csi("d.example.com")),
        serde_json::json!({"csi": {"driver": "d.example.com"}, "name": "v"})
    );
    let file = DownwardApiFile {
        path: "labels".into(),
        mode: None,
        source: DownwardApiSource::Field("metadata.labels".into()),
    };
    assert_eq!(
        json(VolumeSource::downward_api([file])),
        serde_json::json!({"downwardAPI": {"items": [{"fieldRef": {"fieldPath": "metadata.labels"}, "path": "labels"}]}, "name": "v"})
    );
    let template = PvcTemplate::builder("t")
        .access_mode(AccessMode::ReadWriteOnce)
        .request("1Gi");
    let from_builder = VolumeSource::ephemeral_claim(template.clone()).unwrap();
    assert_eq!(
        from_builder,
        VolumeSource::ephemeral(template.into_template().unwrap())
    );
    assert_eq!(
        json(from_builder),
        serde_json::json!({"ephemeral": {"volumeClaimTemplate": {
            "metadata": {},
            "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}
        }}, "name": "v"})
    );
    let VolumeSource::EmptyDir(memory) = VolumeSource::empty_dir_memory() else {
        unreachable!()
    };
    assert_eq!(memory.medium, Some(StorageMedium::Memory));
}

#[test]
fn volume_conversion_errors_are_relative_then_placed_at_the_volume() {
    let e = VolumeSource::empty_dir_sized(NotAQuantity("big")).unwrap_err();
    assert_eq!(e.path.as_str(), "emptyDir.sizeLimit");
    let errors =
        VolumeSource::ephemeral_claim(PvcTemplate::builder("t").request(NotAQuantity("x")))
            .unwrap_err();
    assert_eq!(
        errors[0].path.as_str(),
        "ephemeral.volumeClaimTemplate.spec.resources.requests[storage]"
    );

    let report = Pod::builder("p")
        .container(Container::builder("c", "busybox"))
        .volume("ok", VolumeSource::empty_dir())
        .volume("cache", VolumeSource::empty_dir_sized(NotAQuantity("big")))
        .volume(
            "scratch",
            VolumeSource::ephemeral_claim(
                PvcTemplate::builder("t").access_mode(AccessMode::ReadWriteOnce),
            ),
        )
        .build()
        .unwrap_err();
    assert_eq!(
        paths(&report),
        [
            "spec.volumes[1].emptyDir.sizeLimit",
            "spec.volumes[2].ephemeral.volumeClaimTemplate.spec.resources[storage]"
        ]
    );
    assert_eq!(
        report.errors[0].to_string(),
        format!("spec.volumes[1].emptyDir.sizeLimit: Invalid value: \"big\": {PARSE_MESSAGE}")
    );
    assert_eq!(report.errors[1].kind, ErrorKind::Required);
}

#[test]
fn prechecked_build_never_fails() {
    // The macros only call it with checked input; with bad input it still returns a value.
    let pod = Pod::builder("p")
        .container(Container::builder("c", "busybox"))
        .volume("cache", VolumeSource::empty_dir_sized(NotAQuantity("big")))
        .target(KubeVersion::NEWEST)
        .__build_prechecked();
    assert_eq!(pod.target(), KubeVersion::NEWEST);
    assert_eq!(pod.spec.volumes[0].name, "cache");
    let pvc = PersistentVolumeClaim::builder("c").__build_prechecked();
    assert!(pvc.spec.resources.requests.is_zero());
    let pv = PersistentVolume::builder("v")
        .capacity(NotAQuantity("x"))
        .__build_prechecked();
    assert!(pv.spec.capacity.is_zero());
    let set = StatefulSet::builder("s")
        .claim(PvcTemplate::builder("d"))
        .__build_prechecked();
    assert_eq!(set.spec.volume_claim_templates.len(), 1);
    let class = StorageClass::builder("c", "p").__build_prechecked();
    assert_eq!(class.provisioner, "p");
}

// ---------------------------------------------------------------------------------------------
// PersistentVolumeClaim

#[test]
fn pvc_builder_produces_the_values_given() {
    use kvol_core::pvc::{TypedLocalObjectReference, TypedObjectReference};
    let snapshot = TypedLocalObjectReference {
        api_group: Some("snapshot.storage.k8s.io".into()),
        kind: "VolumeSnapshot".into(),
        name: "snap".into(),
    };
    let populator = TypedObjectReference {
        api_group: Some("snapshot.storage.k8s.io".into()),
        kind: "VolumeSnapshot".into(),
        name: "snap".into(),
        namespace: None,
    };
    let pvc = PersistentVolumeClaim::builder("data")
        .namespace("ns")
        .label("tier", "db")
        .annotation("a", "b")
        .access_mode(AccessMode::ReadWriteOnce)
        .access_mode(AccessMode::ReadOnlyMany)
        .request("10Gi")
        .limit("20Gi")
        .storage_class("fast")
        .volume_mode(VolumeMode::Block)
        .volume_name("pv-1")
        .selector_label("zone", "a")
        .selector_label("disk", "ssd")
        .data_source(snapshot.clone())
        .data_source_ref(populator.clone())
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(pvc.metadata.namespace.as_deref(), Some("ns"));
    assert_eq!(pvc.metadata.labels, labels(&[("tier", "db")]));
    assert_eq!(pvc.metadata.annotations, labels(&[("a", "b")]));
    let spec = &pvc.spec;
    assert_eq!(
        spec.access_modes,
        AccessModes::from_iter([AccessMode::ReadWriteOnce, AccessMode::ReadOnlyMany])
    );
    assert_eq!(spec.resources.requests, q("10Gi"));
    assert_eq!(spec.resources.limits, Some(q("20Gi")));
    assert_eq!(spec.storage_class, ClassRef::Named("fast".into()));
    assert_eq!(spec.volume_mode, Some(VolumeMode::Block));
    assert_eq!(spec.volume_name.as_deref(), Some("pv-1"));
    let selector = spec.selector.as_ref().unwrap();
    assert_eq!(
        selector.match_labels,
        labels(&[("disk", "ssd"), ("zone", "a")])
    );
    assert_eq!(spec.data_source, Some(snapshot));
    assert_eq!(spec.data_source_ref, Some(populator));
}

#[test]
fn pvc_storage_class_has_three_meanings() {
    let build = |b: PvcBuilder| {
        let pvc = b
            .access_mode(AccessMode::ReadWriteOnce)
            .request("1Gi")
            .build()
            .unwrap();
        serde_json::to_value(&*pvc).unwrap()["spec"]
            .get("storageClassName")
            .cloned()
    };
    assert_eq!(build(PersistentVolumeClaim::builder("c")), None);
    assert_eq!(
        build(PersistentVolumeClaim::builder("c").no_storage_class()),
        Some("".into())
    );
    assert_eq!(
        build(PersistentVolumeClaim::builder("c").storage_class("x")),
        Some("x".into())
    );
    // The last call wins.
    let last = PersistentVolumeClaim::builder("c")
        .storage_class("x")
        .no_storage_class();
    assert_eq!(build(last), Some("".into()));
}

#[test]
fn pvc_access_modes_replace_and_add() {
    let pvc = PersistentVolumeClaim::builder("c")
        .access_mode(AccessMode::ReadWriteMany)
        .access_modes(AccessMode::ReadWriteOnce)
        .access_mode(AccessMode::ReadOnlyMany)
        .request("1Gi")
        .build()
        .unwrap();
    assert_eq!(pvc.spec.access_modes.to_string(), "RWO|ROX");
}

#[test]
fn pvc_size_errors_have_their_field_paths() {
    let report = PersistentVolumeClaim::builder("c")
        .access_mode(AccessMode::ReadWriteOnce)
        .request(NotAQuantity("lots"))
        .limit(NotAQuantity("more"))
        .build()
        .unwrap_err();
    assert_eq!(
        paths(&report),
        [
            "spec.resources.requests[storage]",
            "spec.resources.limits[storage]"
        ]
    );
    assert_eq!(
        report.errors[0],
        FieldError::invalid(
            kvol_core::rules::ids::S3_1_QUANTITY_GRAMMAR_VECTORS,
            report.errors[0].path.clone(),
            "lots",
            PARSE_MESSAGE
        )
    );
    assert_eq!(report.errors[1].value.as_deref(), Some("\"more\""));
}

#[test]
fn pvc_without_a_request_is_an_error() {
    let report = PersistentVolumeClaim::builder("c")
        .access_mode(AccessMode::ReadWriteOnce)
        .build()
        .unwrap_err();
    assert_eq!(report.errors.len(), 1);
    assert_eq!(
        report.errors[0].to_string(),
        // ValidatePersistentVolumeClaimSpec's path quirk: no `requests`.
        "spec.resources[storage]: Required value"
    );
}

#[test]
fn a_later_size_replaces_a_bad_one() {
    let pvc = PersistentVolumeClaim::builder("c")
        .access_mode(AccessMode::ReadWriteOnce)
        .request(NotAQuantity("oops"))
        .request("1Gi")
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(pvc.spec.resources.requests, q("1Gi"));
}

// ---------------------------------------------------------------------------------------------
// PersistentVolume

#[test]
fn pv_builder_produces_the_values_given() {
    use kvol_core::access::ReclaimPolicy;
    let pv = PersistentVolume::builder("local-1")
        .label("disk", "ssd")
        .annotation("a", "b")
        .capacity("100Gi")
        .access_modes(AccessMode::ReadWriteOncePod)
        .reclaim_policy(ReclaimPolicy::Delete)
        .storage_class("local")
        .volume_mode(VolumeMode::Filesystem)
        .mount_option("noatime")
        .node_affinity_hostname(["node-1", "node-2"])
        .claim_ref("ns", "claim")
        .local("/mnt/disks/ssd1")
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(pv.metadata.labels, labels(&[("disk", "ssd")]));
    let spec = &pv.spec;
    assert_eq!(spec.capacity, q("100Gi"));
    assert_eq!(
        spec.access_modes,
        AccessModes::from(AccessMode::ReadWriteOncePod)
    );
    assert_eq!(spec.reclaim_policy, Some(ReclaimPolicy::Delete));
    assert_eq!(spec.storage_class_name.as_deref(), Some("local"));
    assert_eq!(spec.mount_options, ["noatime"]);
    let claim = spec.claim_ref.as_ref().unwrap();
    assert_eq!(
        (claim.namespace.as_str(), claim.name.as_str()),
        ("ns", "claim")
    );
    let terms = &spec
        .node_affinity
        .as_ref()
        .unwrap()
        .required
        .node_selector_terms;
    assert_eq!(terms.len(), 1);
    let req = &terms[0].match_expressions[0];
    assert_eq!(req.key, "kubernetes.io/hostname");
    assert_eq!(req.operator, NodeSelectorOperator::In);
    assert_eq!(req.values, ["node-1", "node-2"]);
    assert_eq!(spec.source, PvSource::local("/mnt/disks/ssd1"));
}

#[test]
fn pv_source_helpers() {
    let source = |b: PvBuilder| {
        b.capacity("1Gi")
            .access_mode(AccessMode::ReadWriteOnce)
            .build()
            .unwrap()
            .spec
            .source
            .clone()
    };
    let pv = || PersistentVolume::builder("v");
    assert_eq!(
        source(pv().host_path("/x", HostPathType::Directory)),
        PvSource::host_path("/x", HostPathType::Directory)
    );
    assert_eq!(source(pv().nfs("srv", "/e")), PvSource::nfs("srv", "/e"));
    assert_eq!(source(pv().csi("d", "h")), PvSource::csi("d", "h"));
    assert_eq!(
        source(pv().source(PvSource::iscsi(
            "10.0.0.1:3260",
            "iqn.2001-04.com.example:t",
            0
        )))
        .key(),
        "iscsi"
    );
    // The last source wins: a PV has exactly one.
    assert_eq!(
        source(
            pv().nfs("srv", "/e")
                .local("/d")
                .node_affinity_hostname(["node-1"])
        ),
        PvSource::local("/d")
    );
}

#[test]
fn pv_storage_class_empty_is_written() {
    let pv = PersistentVolume::builder("v")
        .capacity("1Gi")
        .access_mode(AccessMode::ReadWriteOnce)
        .nfs("s", "/p");
    let class = |b: PvBuilder| {
        serde_json::to_value(&*b.build().unwrap()).unwrap()["spec"]
            .get("storageClassName")
            .cloned()
    };
    assert_eq!(class(pv.clone()), None);
    assert_eq!(class(pv.clone().no_storage_class()), Some("".into()));
    assert_eq!(class(pv.clone().storage_class("")), Some("".into()));
    assert_eq!(class(pv.storage_class("slow")), Some("slow".into()));
}

#[test]
fn pv_missing_capacity_and_source_are_reported() {
    let report = PersistentVolume::builder("v")
        .access_mode(AccessMode::ReadWriteOnce)
        .build()
        .unwrap_err();
    let text: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            // ValidatePersistentVolumeSpec: Required and NotSupported, both at `spec.capacity`.
            "spec.capacity: Required value",
            "spec.capacity: Unsupported value: null: supported values: \"storage\"",
            "spec: Required value: must specify a volume type"
        ]
    );
    let report = PersistentVolume::builder("v")
        .capacity(NotAQuantity("huge"))
        .access_mode(AccessMode::ReadWriteOnce)
        .nfs("s", "/p")
        .build()
        .unwrap_err();
    assert_eq!(paths(&report), ["spec.capacity[storage]"]);
}

// ---------------------------------------------------------------------------------------------
// StorageClass

#[test]
fn storage_class_builder_produces_the_values_given() {
    use kvol_core::access::ReclaimPolicy;
    let class = StorageClass::builder("fast", "pd.csi.storage.gke.io")
        .label("team", "infra")
        .default_class()
        .parameter("type", "pd-ssd")
        .parameter("replication-type", "none")
        .reclaim_policy(ReclaimPolicy::Retain)
        .binding_mode(VolumeBindingMode::WaitForFirstConsumer)
        .allow_expansion(true)
        .mount_option("discard")
        .allowed_topology(
            "topology.kubernetes.io/zone",
            ["us-central1-a", "us-central1-b"],
        )
        .allowed_topology("kubernetes.io/arch", ["amd64"])
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    assert!(class.is_default());
    assert_eq!(class.metadata.annotations[DEFAULT_CLASS_ANNOTATION], "true");
    assert_eq!(
        class.parameters,
        labels(&[("replication-type", "none"), ("type", "pd-ssd")])
    );
    assert_eq!(class.reclaim_policy, Some(ReclaimPolicy::Retain));
    assert_eq!(
        class.volume_binding_mode,
        Some(VolumeBindingMode::WaitForFirstConsumer)
    );
    assert_eq!(class.allow_volume_expansion, Some(true));
    assert_eq!(class.mount_options, ["discard"]);
    // Requirements added with allowed_topology share one term (they must all hold).
    assert_eq!(class.allowed_topologies.len(), 1);
    let keys: Vec<_> = class.allowed_topologies[0]
        .match_label_expressions
        .iter()
        .map(|r| r.key.as_str())
        .collect();
    assert_eq!(keys, ["topology.kubernetes.io/zone", "kubernetes.io/arch"]);
    assert_eq!(
        class.allowed_topologies[0].match_label_expressions[0].values,
        ["us-central1-a", "us-central1-b"]
    );
}

#[test]
fn storage_class_topology_terms_are_alternatives() {
    use kvol_core::selector::{TopologyRequirement, TopologySelectorTerm};
    let term = |zone: &str| TopologySelectorTerm {
        match_label_expressions: vec![TopologyRequirement {
            key: "zone".into(),
            values: vec![zone.into()],
        }],
    };
    let class = StorageClass::builder("c", "p")
        .allowed_topology_term(term("a"))
        .allowed_topology_term(term("b"))
        .build()
        .unwrap();
    assert_eq!(class.allowed_topologies, [term("a"), term("b")]);
    let json = serde_json::to_value(&*StorageClass::builder("c", "p").build().unwrap()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": "c"}, "provisioner": "p"})
    );
}

// ---------------------------------------------------------------------------------------------
// StatefulSet and its headless Service

#[test]
fn statefulset_defaults() {
    let set = StatefulSet::builder("db")
        .container(web_container())
        .volume("data", VolumeSource::empty_dir())
        .build()
        .unwrap();
    let app = labels(&[("app", "db")]);
    assert_eq!(set.spec.template.metadata.labels, app);
    assert_eq!(set.spec.template.metadata.name, None);
    assert_eq!(set.spec.selector.match_labels, app);
    assert!(set.spec.selector.match_expressions.is_empty());
    assert_eq!(set.spec.service_name, "db");
    assert!(set.metadata.labels.is_empty());
    // Unset fields are not written (replicas included).
    let json = serde_json::to_value(&*set).unwrap();
    let keys: Vec<&str> = json["spec"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["selector", "serviceName", "template"]);
    // The Service: same name as serviceName, headless, pod labels as labels and selector.
    let service = serde_json::to_value(&set.service).unwrap();
    assert_eq!(
        service,
        serde_json::json!({
            "apiVersion": "v1", "kind": "Service",
            "metadata": {"labels": {"app": "db"}, "name": "db"},
            "spec": {
                "clusterIP": "None",
                "ports": [{"name": "http", "port": 80, "protocol": "TCP"}],
                "selector": {"app": "db"}
            }
        })
    );
}

#[test]
fn statefulset_labels_replace_the_default() {
    let set = StatefulSet::builder("db")
        .label("app", "postgres")
        .label("tier", "data")
        .container(web_container())
        .volume("data", VolumeSource::empty_dir())
        .build()
        .unwrap();
    let expected = labels(&[("app", "postgres"), ("tier", "data")]);
    assert_eq!(set.spec.template.metadata.labels, expected);
    assert_eq!(set.spec.selector.match_labels, expected);
    assert_eq!(set.service.spec.selector, expected);
    assert_eq!(set.service.metadata.labels, expected);
}

#[test]
fn statefulset_service_derivation() {
    let set = StatefulSet::builder("cluster")
        .namespace("data")
        .service_name("peers")
        .publish_not_ready_addresses(true)
        .init_container(Container::builder("init", "busybox").named_port("init-port", 1))
        .container(
            Container::builder("node", "db")
                .port(7000)
                .named_port("client", 9042)
                .port_with(ContainerPort {
                    container_port: 7001,
                    name: Some("gossip".into()),
                    protocol: Protocol::UDP,
                    ..Default::default()
                }),
        )
        .container(Container::builder("exporter", "exp").named_port("metrics", 9100))
        .build()
        .unwrap();
    assert_eq!(set.spec.service_name, "peers");
    let service = &set.service;
    assert_eq!(service.metadata.name, "peers");
    assert_eq!(service.metadata.namespace.as_deref(), Some("data"));
    assert_eq!(set.metadata.namespace.as_deref(), Some("data"));
    assert!(service.spec.publish_not_ready_addresses);
    // One port per named port of the (non-init) containers, in order; unnamed ports are not
    // exposed; number and protocol carried over; targetPort left to default to the port.
    let ports: Vec<_> = service
        .spec
        .ports
        .iter()
        .map(|p| (p.name.as_deref(), p.port, p.protocol, p.target_port.clone()))
        .collect();
    assert_eq!(
        ports,
        [
            (Some("client"), 9042, Protocol::TCP, None),
            (Some("gossip"), 7001, Protocol::UDP, None),
            (Some("metrics"), 9100, Protocol::TCP, None)
        ]
    );
    let json = serde_json::to_value(service).unwrap();
    assert_eq!(json["spec"]["publishNotReadyAddresses"], true);
}

#[test]
fn statefulset_builder_produces_the_values_given() {
    let set = StatefulSet::builder("web")
        .annotation("owner", "team")
        .replicas(0)
        .grace_period(10)
        .min_ready_seconds(5)
        .ordinals_start(1)
        .revision_history_limit(3)
        .container(web_container())
        .volume("config", VolumeSource::config_map("web-config"))
        .claim(
            PvcTemplate::builder("data")
                .label("backup", "daily")
                .annotation("note", "n")
                .access_mode(AccessMode::ReadWriteOnce)
                .request("1Gi")
                .limit("2Gi")
                .no_storage_class()
                .volume_mode(VolumeMode::Filesystem),
        )
        .claim(
            PvcTemplate::builder("logs")
                .access_modes(AccessMode::ReadWriteOncePod)
                .request("500Mi")
                .storage_class("slow"),
        )
        .update_strategy(UpdateStrategy::RollingUpdate {
            partition: Some(0),
            max_unavailable: None,
        })
        .pod_management(PodManagementPolicy::Parallel)
        .retention(RetentionPolicy {
            when_deleted: RetentionAction::Retain,
            when_scaled: RetentionAction::Delete,
        })
        .target(KubeVersion::OLDEST)
        .build()
        .unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(set.target(), KubeVersion::OLDEST);
    assert_eq!(set.metadata.annotations, labels(&[("owner", "team")]));
    let spec = &set.spec;
    assert_eq!(spec.replicas, Some(0)); // written when set, even to the default-looking 0
    assert_eq!(
        spec.template.spec.termination_grace_period_seconds,
        Some(10)
    );
    assert_eq!(spec.min_ready_seconds, Some(5));
    assert_eq!(spec.ordinals_start, Some(1));
    assert_eq!(spec.revision_history_limit, Some(3));
    assert_eq!(spec.template.spec.volumes[0].name, "config");
    assert_eq!(
        spec.pod_management_policy,
        Some(PodManagementPolicy::Parallel)
    );
    assert_eq!(
        spec.update_strategy,
        Some(UpdateStrategy::RollingUpdate {
            partition: Some(0),
            max_unavailable: None
        })
    );
    assert_eq!(spec.retention.unwrap().when_scaled, RetentionAction::Delete);
    let [data, logs] = &spec.volume_claim_templates[..] else {
        panic!("two claim templates")
    };
    assert_eq!(data.metadata.name.as_deref(), Some("data"));
    assert_eq!(data.metadata.labels, labels(&[("backup", "daily")]));
    assert_eq!(data.metadata.annotations, labels(&[("note", "n")]));
    assert_eq!(data.spec.resources.requests, q("1Gi"));
    assert_eq!(data.spec.resources.limits, Some(q("2Gi")));
    assert_eq!(data.spec.storage_class, ClassRef::NoClass);
    assert_eq!(data.spec.volume_mode, Some(VolumeMode::Filesystem));
    assert_eq!(
        logs.spec.access_modes,
        AccessModes::from(AccessMode::ReadWriteOncePod)
    );
    assert_eq!(logs.spec.storage_class, ClassRef::Named("slow".into()));
    assert_eq!(serde_json::to_value(&*set).unwrap()["spec"]["replicas"], 0);
}

#[test]
fn statefulset_conversion_errors_have_their_field_paths() {
    let report = StatefulSet::builder("web")
        .container(web_container())
        .volume("ok", VolumeSource::empty_dir())
        .volume("cache", VolumeSource::empty_dir_sized(NotAQuantity("x")))
        .volume("data", VolumeSource::empty_dir())
        .claim(
            PvcTemplate::builder("a")
                .access_mode(AccessMode::ReadWriteOnce)
                .request("1Gi"),
        )
        .claim(
            PvcTemplate::builder("b")
                .access_mode(AccessMode::ReadWriteOnce)
                .request(NotAQuantity("1 Gi"))
                .limit(NotAQuantity("2 Gi")),
        )
        .claim(PvcTemplate::builder("c").access_mode(AccessMode::ReadWriteOnce))
        .build()
        .unwrap_err();
    assert_eq!(
        paths(&report),
        [
            "spec.template.spec.volumes[1].emptyDir.sizeLimit",
            "spec.volumeClaimTemplates[1].spec.resources.requests[storage]",
            "spec.volumeClaimTemplates[1].spec.resources.limits[storage]",
            "spec.volumeClaimTemplates[2].spec.resources[storage]",
        ]
    );
    assert_eq!(report.errors[1].value.as_deref(), Some("\"1 Gi\""));
    assert_eq!(report.errors[3].kind, ErrorKind::Required);
}

#[test]
fn claim_template_into_template_reports_relative_paths() {
    let errors = PvcTemplate::builder("t")
        .request(NotAQuantity("q"))
        .limit(NotAQuantity("r"))
        .into_template()
        .unwrap_err();
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "spec.resources.requests[storage]",
            "spec.resources.limits[storage]"
        ]
    );
    let template = PvcTemplate::builder("t")
        .request("1Gi")
        .into_template()
        .unwrap();
    assert_eq!(template.metadata.name.as_deref(), Some("t"));
    assert!(template.spec.access_modes.is_empty());
}
