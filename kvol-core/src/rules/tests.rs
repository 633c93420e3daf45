//! Cross-module tests: every mistake of an object is reported at once, in document order, and
//! validation never panics.

use super::test_support::*;
use crate::{
    access::{AccessMode, AccessModes, ReclaimPolicy},
    pod::{RestartPolicy, VolumeMount},
    pv::PvSource,
    report::ErrorKind,
    selector::LabelSelector,
    statefulset::{IntOrPercent, UpdateStrategy},
    validate::{Valid, Validate},
    volume::{ConfigMapVolume, FileMode, Volume, VolumeSource},
};

#[test]
fn a_statefulset_with_many_mistakes_reports_all_of_them() {
    let mut s = statefulset("Web_1");
    s.spec.replicas = Some(-3);
    s.spec.update_strategy = Some(UpdateStrategy::RollingUpdate {
        partition: Some(-1),
        max_unavailable: Some(IntOrPercent::Percent(0)),
    });
    s.spec.selector = LabelSelector::labels(map(&[("app", "db")]));
    s.spec.template.spec.restart_policy = Some(RestartPolicy::Never);
    s.spec.template.spec.containers[0]
        .volume_mounts
        .push(VolumeMount::new("cache", "/data"));
    s.spec.template.spec.containers[0].ports[0].name = Some("a-very-long-port-name".into());
    s.spec.template.spec.volumes.push(Volume::new(
        "cfg",
        VolumeSource::ConfigMap(ConfigMapVolume {
            default_mode: Some(FileMode(0o1000)),
            items: vec![],
            name: "cfg".into(),
            optional: None,
        }),
    ));
    s.spec.volume_claim_templates[0].spec.access_modes =
        AccessModes::from_iter([AccessMode::ReadWriteOncePod, AccessMode::ReadWriteMany]);
    s.spec.volume_claim_templates[0].spec.resources.requests = q("0");
    s.service.metadata.name = "other".into();

    let r = s.check();
    let expected = [
        ("metadata.name", ErrorKind::Invalid),
        (
            "spec.updateStrategy.rollingUpdate.partition",
            ErrorKind::Invalid,
        ),
        // kvol's: dropped by the API server before 1.35 (the default target is 1.34).
        (
            "spec.updateStrategy.rollingUpdate.maxUnavailable",
            ErrorKind::Forbidden,
        ),
        ("spec.replicas", ErrorKind::Invalid),
        ("spec.serviceName", ErrorKind::Invalid),
        ("spec.template.metadata.labels", ErrorKind::Invalid),
        (
            "spec.volumeClaimTemplates[0].spec.accessModes",
            ErrorKind::Forbidden,
        ),
        (
            "spec.volumeClaimTemplates[0].spec.resources[storage]",
            ErrorKind::Invalid,
        ),
        (
            "spec.template.spec.volumes[0].configMap.defaultMode",
            ErrorKind::Invalid,
        ),
        (
            "spec.template.spec.containers[0].ports[0].name",
            ErrorKind::Invalid,
        ),
        (
            "spec.template.spec.containers[0].volumeMounts[1].name",
            ErrorKind::NotFound,
        ),
        (
            "spec.template.spec.containers[0].volumeMounts[1].mountPath",
            ErrorKind::Invalid,
        ),
        ("spec.template.spec.restartPolicy", ErrorKind::NotSupported),
        ("service.metadata.name", ErrorKind::Invalid),
    ];
    let got: Vec<(&str, ErrorKind)> = r.errors.iter().map(|e| (e.path.as_str(), e.kind)).collect();
    assert_eq!(got, expected, "{r}");
    assert_eq!(
        find(
            &r,
            "spec.template.spec.restartPolicy",
            ErrorKind::NotSupported
        )
        .to_string(),
        "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""
    );
    assert!(Valid::new(s).is_err());
}

#[test]
fn a_pv_with_many_mistakes_reports_all_of_them() {
    let mut p = pv("PV", "0", PvSource::Nfs(nfs("", "exports")));
    p.spec.access_modes = AccessModes::EMPTY;
    p.spec.storage_class_name = Some("Slow".into());
    p.spec.reclaim_policy = Some(ReclaimPolicy::Recycle);
    let r = p.check();
    let got: Vec<&str> = r.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        got,
        [
            "metadata.name",
            "spec.accessModes",
            "spec.capacity[storage]",
            "spec.nfs.server",
            "spec.nfs.path",
            "spec.storageClassName"
        ],
        "{r}"
    );
    warning(&r, "spec.persistentVolumeReclaimPolicy");
}

#[test]
fn a_pod_with_many_mistakes_reports_all_of_them() {
    let mut p = pod(
        "web",
        vec![empty_dir("Data"), empty_dir("logs"), empty_dir("logs")],
    );
    p.metadata.namespace = Some("Prod".into());
    p.spec.containers = vec![
        container_mounting("", "Data"),
        container_mounting("app", "logs"),
    ];
    p.spec.containers[1].volume_mounts[0].sub_path = Some("/abs".into());
    let r = p.check();
    let got: Vec<&str> = r.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        got,
        [
            "metadata.namespace",
            "spec.volumes[0].name",
            "spec.volumes[2].name",
            "spec.containers[0].name",
            "spec.containers[0].volumeMounts[0].name",
            "spec.containers[1].volumeMounts.subPath",
        ],
        "{r}"
    );
}

#[test]
fn valid_objects_pass_and_render_their_warnings() {
    assert!(Valid::new(pod("p", vec![empty_dir("scratch")])).is_ok());
    assert!(Valid::new(pvc("data", "1Gi")).is_ok());
    assert!(Valid::new(storage_class("standard", "kubernetes.io/no-provisioner")).is_ok());
    assert!(Valid::new(service("nginx")).is_ok());
    let web = match Valid::new(statefulset("web")) {
        Ok(v) => v,
        Err(r) => panic!("{r}"),
    };
    assert!(web.warnings().is_empty());
}

#[test]
fn degenerate_values_do_not_panic() {
    let mut s = statefulset("");
    s.spec.service_name.clear();
    s.spec.selector = LabelSelector::default();
    s.spec.template.spec.containers.clear();
    s.spec.volume_claim_templates[0].metadata.name = Some(String::new());
    s.spec.volume_claim_templates[0].spec.resources.requests = q("-9Ei");
    s.service.metadata.name = "\u{1F600}".into();
    s.service.spec.ports[0].name = Some("é".into());
    s.service.spec.ports[0].port = i32::MIN;
    let r = s.check_for(v(30));
    assert!(!r.errors.is_empty());
    let p = pv("\u{0}", "-1e18", PvSource::Nfs(nfs("", "")));
    assert!(!p.check().errors.is_empty());
    let mut p = pod(
        "\n",
        vec![Volume::new("é", VolumeSource::EmptyDir(Default::default()))],
    );
    p.spec.containers[0]
        .volume_mounts
        .push(VolumeMount::new("é", "é"));
    assert!(!p.check().errors.is_empty());
}
