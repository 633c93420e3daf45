//! The seed document's six scenarios (shared/reference/*.yaml), built as model values through
//! the public API: each passes validation for every supported release, with exactly the
//! warnings kvol should give.

use kvol_core::{
    KubeVersion, Valid, Validate,
    access::{AccessMode, AccessModes, ReclaimPolicy, VolumeMode},
    legacy::LegacySource,
    meta::{ClusterMeta, ObjectMeta, StringMap, TemplateMeta},
    pod::{Container, ContainerPort, Pod, PodSpec, PodTemplate, Protocol, VolumeMount},
    pv::{PersistentVolume, PvSource, PvSpec},
    pvc::{ClassRef, PersistentVolumeClaim, PvcSpec, PvcTemplate},
    report::Report,
    selector::LabelSelector,
    service::{Service, ServicePort, ServiceSpec},
    statefulset::{StatefulSet, StatefulSetSpec},
    storage_class::StorageClass,
    volume::{ClaimVolume, EmptyDir, HostPath, HostPathType, Nfs, Volume, VolumeSource},
};

fn quantity(s: &str) -> kvol_core::Quantity {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn mount(name: &str, path: &str, read_only: bool) -> VolumeMount {
    VolumeMount {
        read_only,
        ..VolumeMount::new(name, path)
    }
}

fn http_port() -> ContainerPort {
    ContainerPort {
        container_port: 80,
        name: None,
        protocol: Protocol::TCP,
        host_port: None,
    }
}

fn pod(name: &str, containers: Vec<Container>, volumes: Vec<Volume>) -> Pod {
    Pod {
        metadata: ObjectMeta::named(name),
        spec: PodSpec {
            containers,
            volumes,
            ..Default::default()
        },
    }
}

fn claim_volume(name: &str, claim: &str) -> Volume {
    Volume::new(
        name,
        VolumeSource::PersistentVolumeClaim(ClaimVolume {
            claim_name: claim.into(),
            read_only: false,
        }),
    )
}

fn rwo_claim(class: ClassRef) -> PvcSpec {
    PvcSpec {
        storage_class: class,
        ..PvcSpec::new(
            AccessModes::from(AccessMode::ReadWriteOnce),
            quantity("1Gi"),
        )
    }
}

/// Validates for every release; returns the default release's report.
fn valid_everywhere<T: Validate>(value: &T) -> Report {
    for v in KubeVersion::all() {
        let r = value.check_for(v);
        assert!(r.is_ok(), "{v}: {r}");
    }
    value.check()
}

#[test]
fn scenario_1_empty_dir_pod() {
    let mut generator = Container::new("html-generator", "gasbugs/count");
    generator
        .volume_mounts
        .push(mount("html", "/var/htdocs", false));
    let mut web = Container::new("web-server", "httpd");
    web.ports.push(http_port());
    web.volume_mounts
        .push(mount("html", "/usr/local/apache2/htdocs", true));
    let p = pod(
        "count",
        vec![generator, web],
        vec![Volume::new(
            "html",
            VolumeSource::EmptyDir(EmptyDir::default()),
        )],
    );
    assert!(valid_everywhere(&p).warnings.is_empty());
}

#[test]
fn scenario_2_host_path_pod() {
    let mut web = Container::new("web-server", "httpd");
    web.ports.push(http_port());
    web.volume_mounts
        .push(mount("html", "/usr/local/apache2/htdocs", false));
    let source = HostPath {
        path: "/var/htdocs".into(),
        kind: Some(HostPathType::Directory),
    };
    let mut p = pod(
        "hostpath-http",
        vec![web],
        vec![Volume::new("html", VolumeSource::HostPath(source))],
    );
    assert!(valid_everywhere(&p).warnings.is_empty());
    // Without a type it is still valid, with a warning that says what to write.
    if let VolumeSource::HostPath(h) = &mut p.spec.volumes[0].source {
        h.kind = None;
    }
    let r = valid_everywhere(&p);
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].path.as_str(), "spec.volumes[0].hostPath.type");
}

#[test]
fn scenario_3_nfs_pod() {
    let mut web = Container::new("web", "httpd");
    web.volume_mounts
        .push(mount("nfs-volume", "/usr/local/apache2/htdocs", true));
    let source = Nfs {
        path: "/home/nfs".into(),
        read_only: false,
        server: "10.0.2.5".into(),
    };
    let p = pod(
        "nfs-httpd",
        vec![web],
        vec![Volume::new("nfs-volume", VolumeSource::Nfs(source))],
    );
    assert!(valid_everywhere(&p).warnings.is_empty());
}

#[test]
fn scenario_4_static_pv_with_gce_disk() {
    let mut mongo = Container::new("mongodb", "mongo");
    mongo
        .volume_mounts
        .push(mount("mongodb", "/data/db", false));
    let p = pod(
        "mongodb",
        vec![mongo],
        vec![claim_volume("mongodb", "mongo-pvc")],
    );
    assert!(valid_everywhere(&p).warnings.is_empty());

    let claim = PersistentVolumeClaim {
        metadata: ObjectMeta::named("mongo-pvc"),
        spec: rwo_claim(ClassRef::NoClass),
    };
    assert!(valid_everywhere(&claim).warnings.is_empty());

    let pv = PersistentVolume {
        metadata: ClusterMeta::named("mongo-pv"),
        spec: PvSpec {
            access_modes: AccessModes::from_iter([
                AccessMode::ReadWriteOnce,
                AccessMode::ReadOnlyMany,
            ]),
            capacity: quantity("1Gi"),
            claim_ref: None,
            mount_options: Vec::new(),
            node_affinity: None,
            reclaim_policy: Some(ReclaimPolicy::Retain),
            storage_class_name: Some(String::new()),
            volume_mode: Some(VolumeMode::Filesystem),
            source: PvSource::Legacy(LegacySource::GcePersistentDisk {
                pd_name: "mongodb".into(),
                fs_type: Some("ext4".into()),
                partition: None,
                read_only: false,
            }),
        },
    };
    let r = valid_everywhere(&pv);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    let w = &r.warnings[0];
    assert_eq!(w.path.as_str(), "spec.gcePersistentDisk");
    assert!(w.message.contains("removed in 1.28"), "{}", w.message);
    assert!(
        w.message.contains("\"pd.csi.storage.gke.io\""),
        "{}",
        w.message
    );
}

#[test]
fn scenario_5_dynamic_provisioning() {
    let mut parameters = StringMap::new();
    parameters.insert("type".into(), "pd-ssd".into());
    let sc = StorageClass {
        metadata: ClusterMeta::named("storage-class"),
        provisioner: "kubernetes.io/gce-pd".into(),
        parameters,
        reclaim_policy: None,
        volume_binding_mode: None,
        allow_volume_expansion: None,
        mount_options: Vec::new(),
        allowed_topologies: Vec::new(),
    };
    let r = valid_everywhere(&sc);
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].path.as_str(), "provisioner");
    assert!(
        r.warnings[0]
            .message
            .contains("write provisioner \"pd.csi.storage.gke.io\" instead")
    );

    let claim = PersistentVolumeClaim {
        metadata: ObjectMeta::named("mongodb-pvc"),
        spec: rwo_claim(ClassRef::Named("storage-class".into())),
    };
    assert!(valid_everywhere(&claim).warnings.is_empty());

    let mut mongo = Container::new("mongodb", "mongo");
    mongo
        .volume_mounts
        .push(mount("mongodb-data", "/data/db", false));
    let p = pod(
        "mongodb",
        vec![mongo],
        vec![claim_volume("mongodb-data", "mongodb-pvc")],
    );
    assert!(valid_everywhere(&p).warnings.is_empty());
}

#[test]
fn scenario_6_statefulset_web() {
    let labels: StringMap = [("app".to_owned(), "nginx".to_owned())]
        .into_iter()
        .collect();
    let mut nginx = Container::new("nginx", "registry.k8s.io/nginx-slim:0.8");
    nginx.ports.push(ContainerPort {
        name: Some("web".into()),
        ..http_port()
    });
    nginx
        .volume_mounts
        .push(mount("www", "/usr/share/nginx/html", false));
    let service = Service {
        metadata: ObjectMeta {
            labels: labels.clone(),
            ..ObjectMeta::named("nginx")
        },
        spec: ServiceSpec {
            ports: vec![ServicePort {
                name: Some("web".into()),
                port: 80,
                protocol: Protocol::TCP,
                target_port: None,
                ..Default::default()
            }],
            publish_not_ready_addresses: false,
            selector: labels.clone(),
            ..Default::default()
        },
    };
    let web = StatefulSet {
        metadata: ObjectMeta::named("web"),
        spec: StatefulSetSpec {
            min_ready_seconds: None,
            ordinals_start: None,
            retention: None,
            pod_management_policy: None,
            replicas: Some(3),
            revision_history_limit: None,
            selector: LabelSelector::labels(labels.clone()),
            service_name: "nginx".into(),
            template: PodTemplate {
                metadata: TemplateMeta {
                    labels,
                    ..Default::default()
                },
                spec: PodSpec {
                    containers: vec![nginx],
                    termination_grace_period_seconds: Some(10),
                    ..Default::default()
                },
            },
            update_strategy: None,
            volume_claim_templates: vec![PvcTemplate {
                metadata: TemplateMeta {
                    name: Some("www".into()),
                    ..Default::default()
                },
                spec: rwo_claim(ClassRef::Named("standard".into())),
            }],
            extra: Default::default(),
        },
        service,
        service_in_set: false,
    };
    assert!(valid_everywhere(&web).warnings.is_empty());
    assert!(Valid::new(web).is_ok());
}
