//! DaemonSets in a set of manifests: the cross-object checks that apply to workloads (claims,
//! ConfigMap and Secret volumes, ReadWriteOnce claims shared across nodes, the pods Services
//! and PodDisruptionBudgets select).

use kvol_core::{
    AccessMode, Container, DaemonSet, Manifests, PersistentVolumeClaim, PodDisruptionBudget,
    Report, Service, StorageClass, Validate, VolumeSource,
    report::{ErrorKind, WarningCode},
    statefulset::IntOrPercent,
};

fn agent(claim: &str) -> DaemonSet {
    DaemonSet::builder("agent")
        .container(Container::builder("agent", "fluent/fluent-bit:3.1").mount("data", "/data"))
        .volume("data", VolumeSource::claim(claim, false))
        .build()
        .unwrap_or_else(|r| panic!("{r}"))
        .into_inner()
}

fn claim(name: &str, mode: AccessMode) -> PersistentVolumeClaim {
    PersistentVolumeClaim::builder(name)
        .access_mode(mode)
        .request("1Gi")
        .storage_class("csi")
        .build()
        .unwrap_or_else(|r| panic!("{r}"))
        .into_inner()
}

fn class() -> StorageClass {
    StorageClass::builder("csi", "hostpath.csi.k8s.io")
        .build()
        .unwrap_or_else(|r| panic!("{r}"))
        .into_inner()
}

fn codes(r: &Report) -> Vec<WarningCode> {
    r.warnings.iter().map(|w| w.code).collect()
}

#[test]
fn a_read_write_once_claim_mounted_by_a_daemonset_draws_the_shared_claim_warning() {
    let set = Manifests::new()
        .with(class())
        .with(claim("data", AccessMode::ReadWriteOnce))
        .with(agent("data"));
    let r = set.check();
    assert!(r.errors.is_empty(), "{r}");
    let w: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::SharedReadWriteOnceClaim)
        .collect();
    assert_eq!(w.len(), 1, "{r}");
    let text = w[0].to_string();
    assert!(
        text.contains("spec.template.spec.volumes[0].persistentVolumeClaim.claimName"),
        "{text}"
    );
    assert!(
        text.contains("DaemonSet \"agent\" runs a pod on every node"),
        "{text}"
    );
    // A ReadWriteMany claim is shared across nodes as it should be.
    let set = Manifests::new()
        .with(class())
        .with(claim("data", AccessMode::ReadWriteMany))
        .with(agent("data"));
    let r = set.check();
    assert!(r.errors.is_empty() && r.warnings.is_empty(), "{r}");
}

#[test]
fn a_daemonset_claim_and_config_map_must_exist() {
    let r = Manifests::new().with(agent("missing")).check();
    assert!(
        r.errors.iter().any(|e| e.kind == ErrorKind::NotFound
            && e.path.as_str().ends_with("persistentVolumeClaim.claimName")),
        "{r}"
    );
    let ds = DaemonSet::builder("agent")
        .container(Container::builder("agent", "busybox").mount("conf", "/etc/agent"))
        .volume("conf", VolumeSource::config_map("agent-config"))
        .build()
        .unwrap_or_else(|r| panic!("{r}"))
        .into_inner();
    let r = Manifests::new().with(ds.clone()).check();
    assert!(
        r.errors
            .iter()
            .any(|e| e.path.as_str().contains("configMap")),
        "{r}"
    );
    let r = Manifests::new()
        .with(ds)
        .external_config_map("agent-config")
        .check();
    assert!(r.errors.is_empty(), "{r}");
}

#[test]
fn services_and_budgets_count_daemonset_pods() {
    let ds = DaemonSet::builder("agent")
        .container(Container::builder("agent", "busybox"))
        .build()
        .unwrap_or_else(|r| panic!("{r}"))
        .into_inner();
    let svc = Service::builder("agent")
        .selector("app", "agent")
        .port(kvol_core::service::ServicePort::named("http", 80))
        .build()
        .unwrap_or_else(|r| panic!("{r}"))
        .into_inner();
    // minAvailable 1 of a DaemonSet's pods (one per node, however many nodes): not a budget
    // that blocks every drain.
    let pdb = PodDisruptionBudget::builder("agent")
        .min_available(IntOrPercent::Int(1))
        .selector_label("app", "agent")
        .build()
        .unwrap_or_else(|r| panic!("{r}"))
        .into_inner();
    let r = Manifests::new()
        .with(ds.clone())
        .with(svc)
        .with(pdb.clone())
        .check();
    assert!(r.errors.is_empty(), "{r}");
    assert_eq!(codes(&r), Vec::<WarningCode>::new(), "{r}");
    // 100% of them is.
    let mut all = pdb;
    all.spec.min_available = Some(IntOrPercent::Percent(100));
    let r = Manifests::new().with(ds).with(all).check();
    assert_eq!(codes(&r), [WarningCode::PdbBlocksDrain], "{r}");
    assert!(
        r.warnings[0]
            .to_string()
            .contains("(DaemonSet \"agent\", a pod on every node)"),
        "{r}"
    );
}
