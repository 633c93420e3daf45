//! Mutation rows: the second release's kinds (rules/config.rs, rules/deployment.rs,
//! rules/daemonset.rs,
//! rules/pdb.rs, rules/snapshot.rs, the claim's volumeAttributesClassName, and their
//! cross-object checks in rules/set/refs.rs).

use super::*;
use kvol_core::{
    ConfigMap, DaemonSet, Deployment, PodDisruptionBudget, Secret, VolumeAttributesClass,
    VolumeSnapshot, VolumeSnapshotClass,
    attributes_class::AttributesClassVersion,
    config::{Bytes, secret_type},
    daemonset::{DaemonSetUpdateStrategy, DaemonSetUpdateStrategyType},
    deployment::DeploymentStrategy,
    pod::{EnvFromSource, EnvVarSource},
    schema::Value,
    volume::{ProjectedVolume, VolumeProjection},
};

/// Objects validated together as a [`Manifests`] (applied to namespace `default`).
#[derive(Debug, Clone)]
struct Set(Vec<Object>);

impl kvol_core::render::ToDocuments for Set {
    fn each_document<'a>(&'a self, f: &mut dyn FnMut(kvol_core::Document<'a>)) {
        self.0.each_document(f);
    }
}

impl Validate for Set {
    fn validate(&self, path: &kvol_core::FieldPath, checker: &mut kvol_core::Checker) {
        let set = self
            .0
            .iter()
            .cloned()
            .fold(Manifests::new(), Manifests::with);
        set.validate(path, checker);
    }
}

macro_rules! set_accessor {
    ($fn:ident, $variant:ident, $ty:ty) => {
        fn $fn(s: &mut Set, i: usize) -> &mut $ty {
            match &mut s.0[i] {
                Object::$variant(o) => o,
                other => panic!("objects[{i}] is a {}", other.kind()),
            }
        }
    };
}
set_accessor!(set_pvc, PersistentVolumeClaim, PersistentVolumeClaim);
set_accessor!(set_cm, ConfigMap, ConfigMap);
set_accessor!(set_secret, Secret, Secret);
set_accessor!(set_vs, VolumeSnapshot, VolumeSnapshot);
set_accessor!(set_vsc, VolumeSnapshotClass, VolumeSnapshotClass);
set_accessor!(set_vac, VolumeAttributesClass, VolumeAttributesClass);
set_accessor!(set_dep, Deployment, Deployment);
set_accessor!(set_pdb, PodDisruptionBudget, PodDisruptionBudget);
set_accessor!(set_pod, Pod, Pod);

const DRIVER: &str = "hostpath.csi.k8s.io";

fn cm() -> ConfigMap {
    valid(ConfigMap::builder("app-config").data("k", "v").build())
}

fn secret() -> Secret {
    valid(Secret::builder("creds").string_data("k", "v").build())
}

fn dep() -> Deployment {
    valid(
        Deployment::builder("web")
            .replicas(2)
            .container(Container::builder("app", "nginx:1.27"))
            .build(),
    )
}

fn ds() -> DaemonSet {
    valid(
        DaemonSet::builder("agent")
            .container(Container::builder("agent", "fluent/fluent-bit:3.1"))
            .build(),
    )
}

/// A DaemonSet with this rolling update.
fn ds_rolling(d: &mut DaemonSet, surge: Option<IntOrPercent>, unavailable: Option<IntOrPercent>) {
    d.spec.update_strategy = Some(DaemonSetUpdateStrategy::rolling_update(surge, unavailable));
}

fn pdb() -> PodDisruptionBudget {
    valid(
        PodDisruptionBudget::builder("web-pdb")
            .min_available(IntOrPercent::Int(1))
            .selector_label("app", "web")
            .build(),
    )
}

fn vsc() -> VolumeSnapshotClass {
    valid(VolumeSnapshotClass::builder("snapclass", DRIVER).build())
}

fn vs() -> VolumeSnapshot {
    valid(
        VolumeSnapshot::builder("snap")
            .of_claim("data")
            .class("snapclass")
            .build(),
    )
}

fn vac() -> VolumeAttributesClass {
    valid(
        VolumeAttributesClass::builder("gold", DRIVER)
            .parameter("iops", "5000")
            .build(),
    )
}

/// A row on [`vac`] written with the API version of each target (every rule but the version's
/// holds at every target).
fn vac_row(
    id: &'static str,
    path: &str,
    expect: Expect,
    reject: impl Fn(&mut VolumeAttributesClass) + 'static,
    accept: impl Fn(&mut VolumeAttributesClass) + 'static,
) -> Row {
    let for_target = |target: KubeVersion| {
        let mut c = vac();
        c.api_version = AttributesClassVersion::for_target(target);
        c
    };
    Row {
        id,
        path: path.to_owned(),
        expect,
        targets: ALL_TARGETS,
        reject: Box::new(move |target| {
            let mut c = for_target(target);
            reject(&mut c);
            c.check_for(target)
        }),
        accept: Box::new(move |target| {
            let mut c = for_target(target);
            accept(&mut c);
            c.check_for(target)
        }),
        // The apiVersion depends on the target, which YAML does not carry apart.
        yaml: None,
    }
}

fn csi_class() -> StorageClass {
    valid(StorageClass::builder("csi", DRIVER).build())
}

fn claim(name: &str) -> PersistentVolumeClaim {
    valid(
        PersistentVolumeClaim::builder(name)
            .access_mode(AccessMode::ReadWriteOnce)
            .request("1Gi")
            .storage_class("csi")
            .build(),
    )
}

fn restored() -> PersistentVolumeClaim {
    valid(
        PersistentVolumeClaim::builder("restored")
            .access_mode(AccessMode::ReadWriteOnce)
            .request("1Gi")
            .storage_class("csi")
            .from_snapshot("snap")
            .build(),
    )
}

/// 0 class, 1 claim `data`, 2 snapshot `snap` of it, 3 its class, 4 claim `restored` from it.
fn restore_set() -> Set {
    Set(vec![
        csi_class().into(),
        claim("data").into(),
        vs().into(),
        vsc().into(),
        restored().into(),
    ])
}

/// 0 class, 1 claim `data` with class `gold`, 2 VolumeAttributesClass `gold`.
fn attributes_set() -> Set {
    let mut c = claim("data");
    c.spec.volume_attributes_class_name = Some("gold".into());
    Set(vec![csi_class().into(), c.into(), vac().into()])
}

fn pod_mounting(source: VolumeSource) -> Pod {
    valid(
        Pod::builder("web")
            .container(Container::builder("app", "nginx:1.27").mount("conf", "/etc/conf"))
            .volume("conf", source)
            .build(),
    )
}

fn secret_required() -> VolumeSource {
    let mut s = secret_source();
    if let VolumeSource::Secret(v) = &mut s {
        v.optional = None;
    }
    s
}

/// §2, 8 and 19–24: the second release's kinds.
pub(super) fn kinds(rows: &mut Vec<Row>) {
    names_and_claims(rows);
    config(rows);
    deployments(rows);
    daemonsets(rows);
    budgets(rows);
    snapshots(rows);
    attributes(rows);
    references(rows);
}

fn names_and_claims(rows: &mut Vec<Row>) {
    rows.push(model(
        "2/name-configmap-secret",
        cm(),
        "metadata.name",
        INVALID,
        |c| c.metadata.name = "App".into(),
        |c| c.metadata.name = "app.config-2".into(),
    ));
    rows.push(vac_row(
        "2/name-volumeattributesclass",
        "metadata.name",
        INVALID,
        |c| c.metadata.name = "Gold".into(),
        |c| c.metadata.name = "gold.fast".into(),
    ));
    rows.push(model_for(
        "8/volume-attributes-class-name-format",
        34..=37,
        claim("data"),
        "spec.volumeAttributesClassName",
        INVALID,
        |c| c.spec.volume_attributes_class_name = Some("Gold".into()),
        |c| c.spec.volume_attributes_class_name = Some("gold.fast".into()),
    ));
    rows.push(model_for(
        "8/kvol-volume-attributes-class-gate",
        30..=33,
        claim("data"),
        "spec.volumeAttributesClassName",
        FORBIDDEN,
        |c| c.spec.volume_attributes_class_name = Some("gold".into()),
        |c| c.spec.volume_attributes_class_name = None,
    ));
}

fn config(rows: &mut Vec<Row>) {
    rows.push(model(
        "19/configmap-key",
        cm(),
        "data[bad key]",
        INVALID,
        |c| {
            c.data.insert("bad key".into(), "v".into());
        },
        |c| {
            c.data.insert("good.key_-1".into(), "v".into());
        },
    ));
    rows.push(model(
        "19/configmap-key-duplicate",
        cm(),
        "data[k]",
        INVALID,
        |c| {
            c.binary_data.insert("k".into(), Bytes(vec![1]));
        },
        |c| {
            c.binary_data.insert("k2".into(), Bytes(vec![1]));
        },
    ));
    rows.push(model(
        "19/configmap-size",
        cm(),
        "",
        TOO_LONG,
        |c| {
            c.binary_data
                .insert("big".into(), Bytes(vec![0; 1024 * 1024]));
        },
        |c| {
            c.binary_data
                .insert("big".into(), Bytes(vec![0; 1024 * 1024 - 1]));
        },
    ));
    rows.push(model(
        "19/secret-key",
        secret(),
        "data[bad/key]",
        INVALID,
        |s| {
            s.string_data.insert("bad/key".into(), "v".into());
        },
        |s| {
            s.string_data.insert("good.key".into(), "v".into());
        },
    ));
    rows.push(model(
        "19/secret-size",
        secret(),
        "data",
        TOO_LONG,
        |s| {
            s.data.insert("big".into(), Bytes(vec![0; 1024 * 1024]));
        },
        |s| {
            s.data.insert("big".into(), Bytes(vec![0; 1024 * 1024 - 1]));
        },
    ));
    rows.push(model(
        "19/secret-service-account-token-annotation",
        secret(),
        "metadata.annotations[kubernetes.io/service-account.name]",
        REQUIRED,
        |s| s.type_ = Some(secret_type::SERVICE_ACCOUNT_TOKEN.into()),
        |s| {
            s.type_ = Some(secret_type::SERVICE_ACCOUNT_TOKEN.into());
            s.metadata
                .annotations
                .insert("kubernetes.io/service-account.name".into(), "app".into());
        },
    ));
    rows.push(model(
        "19/secret-dockercfg-key",
        secret(),
        "data[.dockercfg]",
        REQUIRED,
        |s| s.type_ = Some(secret_type::DOCKERCFG.into()),
        |s| {
            s.type_ = Some(secret_type::DOCKERCFG.into());
            s.string_data.insert(".dockercfg".into(), "{}".into());
        },
    ));
    rows.push(model(
        "19/secret-dockerconfigjson-key",
        secret(),
        "data[.dockerconfigjson]",
        REQUIRED,
        |s| s.type_ = Some(secret_type::DOCKER_CONFIG_JSON.into()),
        |s| {
            s.type_ = Some(secret_type::DOCKER_CONFIG_JSON.into());
            s.data.insert(".dockerconfigjson".into(), Bytes::from("{}"));
        },
    ));
    rows.push(model(
        "19/secret-basic-auth-keys",
        secret(),
        "data[%s][username]",
        REQUIRED,
        |s| s.type_ = Some(secret_type::BASIC_AUTH.into()),
        // Either key is enough, even empty.
        |s| {
            s.type_ = Some(secret_type::BASIC_AUTH.into());
            s.string_data.insert("password".into(), String::new());
        },
    ));
    rows.push(model(
        "19/secret-ssh-auth-key",
        secret(),
        "data[%s][ssh-privatekey]",
        REQUIRED,
        |s| {
            s.type_ = Some(secret_type::SSH_AUTH.into());
            s.string_data.insert("ssh-privatekey".into(), String::new());
        },
        |s| {
            s.type_ = Some(secret_type::SSH_AUTH.into());
            s.string_data.insert("ssh-privatekey".into(), "KEY".into());
        },
    ));
    rows.push(model(
        "19/secret-tls-keys",
        secret(),
        "data[tls.key]",
        REQUIRED,
        |s| {
            s.type_ = Some(secret_type::TLS.into());
            s.string_data.insert("tls.crt".into(), "C".into());
        },
        |s| {
            s.type_ = Some(secret_type::TLS.into());
            s.string_data.insert("tls.crt".into(), "C".into());
            s.string_data.insert("tls.key".into(), "K".into());
        },
    ));
}

fn daemonsets(rows: &mut Vec<Row>) {
    rows.push(model(
        "25/name-format",
        ds(),
        "metadata.name",
        INVALID,
        |d| d.metadata.name = "Agent".into(),
        |d| d.metadata.name = "agent.v2".into(),
    ));
    rows.push(model(
        "25/selector-valid",
        ds(),
        "spec.selector.matchLabels",
        INVALID,
        |d| {
            d.spec
                .selector
                .match_labels
                .insert("tier".into(), "-bad-".into());
        },
        |d| {
            d.spec
                .selector
                .match_labels
                .insert("tier".into(), "a-b".into());
            d.spec
                .template
                .metadata
                .labels
                .insert("tier".into(), "a-b".into());
        },
    ));
    rows.push(model(
        "25/selector-not-empty",
        ds(),
        "spec.selector",
        INVALID,
        |d| d.spec.selector = LabelSelector::default(),
        |d| d.spec.selector = LabelSelector::labels(labels(&[("app", "agent")])),
    ));
    rows.push(model(
        "25/selector-matches-template",
        ds(),
        "spec.template.metadata.labels",
        INVALID,
        |d| d.spec.template.metadata.labels = labels(&[("app", "other")]),
        |d| d.spec.template.metadata.labels = labels(&[("app", "agent"), ("tier", "x")]),
    ));
    rows.push(model(
        "25/restart-policy-always",
        ds(),
        "spec.template.spec.restartPolicy",
        NOT_SUPPORTED,
        |d| d.spec.template.spec.restart_policy = Some(RestartPolicy::Never),
        |d| d.spec.template.spec.restart_policy = Some(RestartPolicy::Always),
    ));
    rows.push(model(
        "25/active-deadline-forbidden",
        ds(),
        "spec.template.spec.activeDeadlineSeconds",
        FORBIDDEN,
        |d| {
            d.spec
                .template
                .spec
                .extra
                .insert("activeDeadlineSeconds", Value::Int(600))
        },
        // Another pod-spec field through the escape hatch is fine.
        |d| {
            d.spec
                .template
                .spec
                .extra
                .insert("hostNetwork", Value::Bool(true))
        },
    ));
    rows.push(model(
        "25/min-ready-seconds-nonnegative",
        ds(),
        "spec.minReadySeconds",
        INVALID,
        |d| d.spec.min_ready_seconds = Some(-1),
        |d| d.spec.min_ready_seconds = Some(0),
    ));
    rows.push(model(
        "25/revision-history-limit-nonnegative",
        ds(),
        "spec.revisionHistoryLimit",
        INVALID,
        |d| d.spec.revision_history_limit = Some(-1),
        |d| d.spec.revision_history_limit = Some(0),
    ));
    let ru = "spec.updateStrategy.rollingUpdate";
    rows.push(model(
        "25/max-unavailable-nonnegative",
        ds(),
        &format!("{ru}.maxUnavailable"),
        INVALID,
        |d| ds_rolling(d, None, Some(IntOrPercent::Int(-1))),
        |d| ds_rolling(d, None, Some(IntOrPercent::Int(2))),
    ));
    rows.push(model(
        "25/max-surge-nonnegative",
        ds(),
        &format!("{ru}.maxSurge"),
        INVALID,
        |d| ds_rolling(d, Some(IntOrPercent::Int(-1)), Some(IntOrPercent::Int(0))),
        |d| ds_rolling(d, Some(IntOrPercent::Int(1)), Some(IntOrPercent::Int(0))),
    ));
    rows.push(model(
        "25/max-unavailable-at-most-100-percent",
        ds(),
        &format!("{ru}.maxUnavailable"),
        INVALID,
        |d| ds_rolling(d, None, Some(IntOrPercent::Percent(101))),
        |d| ds_rolling(d, None, Some(IntOrPercent::Percent(100))),
    ));
    rows.push(model(
        "25/max-surge-at-most-100-percent",
        ds(),
        &format!("{ru}.maxSurge"),
        INVALID,
        |d| {
            ds_rolling(
                d,
                Some(IntOrPercent::Percent(101)),
                Some(IntOrPercent::Int(0)),
            )
        },
        |d| {
            ds_rolling(
                d,
                Some(IntOrPercent::Percent(100)),
                Some(IntOrPercent::Int(0)),
            )
        },
    ));
    rows.push(model(
        "25/rolling-update-not-both-nonzero",
        ds(),
        &format!("{ru}.maxSurge"),
        INVALID,
        // maxUnavailable is defaulted to 1.
        |d| ds_rolling(d, Some(IntOrPercent::Int(1)), None),
        |d| {
            ds_rolling(
                d,
                Some(IntOrPercent::Int(1)),
                Some(IntOrPercent::Percent(0)),
            )
        },
    ));
    rows.push(model(
        "25/rolling-update-not-both-zero",
        ds(),
        &format!("{ru}.maxUnavailable"),
        REQUIRED,
        // maxSurge is defaulted to 0.
        |d| ds_rolling(d, None, Some(IntOrPercent::Int(0))),
        // An OnDelete strategy's rollingUpdate is not validated.
        |d| {
            ds_rolling(d, None, Some(IntOrPercent::Int(0)));
            if let Some(s) = &mut d.spec.update_strategy {
                s.type_ = Some(DaemonSetUpdateStrategyType::OnDelete);
            }
        },
    ));
}

fn deployments(rows: &mut Vec<Row>) {
    rows.push(model(
        "20/name-format",
        dep(),
        "metadata.name",
        INVALID,
        |d| d.metadata.name = "Web".into(),
        |d| d.metadata.name = "web.v2".into(),
    ));
    rows.push(model(
        "20/replicas-nonnegative",
        dep(),
        "spec.replicas",
        INVALID,
        |d| d.spec.replicas = Some(-1),
        |d| d.spec.replicas = Some(0),
    ));
    rows.push(model(
        "20/selector-valid",
        dep(),
        "spec.selector.matchLabels",
        INVALID,
        |d| {
            d.spec
                .selector
                .match_labels
                .insert("tier".into(), "-bad-".into());
        },
        |d| {
            d.spec
                .selector
                .match_labels
                .insert("tier".into(), "a-b".into());
            d.spec
                .template
                .metadata
                .labels
                .insert("tier".into(), "a-b".into());
        },
    ));
    rows.push(model(
        "20/selector-not-empty",
        dep(),
        "spec.selector",
        INVALID,
        |d| d.spec.selector = LabelSelector::default(),
        |d| d.spec.selector = LabelSelector::labels(labels(&[("app", "web")])),
    ));
    rows.push(model(
        "20/selector-matches-template",
        dep(),
        "spec.template.metadata.labels",
        INVALID,
        |d| d.spec.template.metadata.labels = labels(&[("app", "other")]),
        |d| d.spec.template.metadata.labels = labels(&[("app", "web"), ("tier", "x")]),
    ));
    rows.push(model(
        "20/restart-policy-always",
        dep(),
        "spec.template.spec.restartPolicy",
        NOT_SUPPORTED,
        |d| d.spec.template.spec.restart_policy = Some(RestartPolicy::OnFailure),
        |d| d.spec.template.spec.restart_policy = Some(RestartPolicy::Always),
    ));
    rows.push(model(
        "20/active-deadline-forbidden",
        dep(),
        "spec.template.spec.activeDeadlineSeconds",
        FORBIDDEN,
        |d| {
            d.spec
                .template
                .spec
                .extra
                .insert("activeDeadlineSeconds", Value::Int(600))
        },
        // Another pod-spec field through the escape hatch is fine.
        |d| {
            d.spec
                .template
                .spec
                .extra
                .insert("hostNetwork", Value::Bool(true))
        },
    ));
    rows.push(model(
        "20/recreate-no-rolling-update",
        dep(),
        "spec.strategy.rollingUpdate",
        FORBIDDEN,
        |d| {
            let mut s = DeploymentStrategy::rolling_update(Some(IntOrPercent::Int(1)), None);
            s.type_ = Some(kvol_core::deployment::DeploymentStrategyType::Recreate);
            d.spec.strategy = Some(s);
        },
        |d| d.spec.strategy = Some(DeploymentStrategy::recreate()),
    ));
    let ru = "spec.strategy.rollingUpdate";
    rows.push(model(
        "20/max-unavailable-nonnegative",
        dep(),
        &format!("{ru}.maxUnavailable"),
        INVALID,
        |d| {
            d.spec.strategy = Some(DeploymentStrategy::rolling_update(
                None,
                Some(IntOrPercent::Int(-1)),
            ))
        },
        |d| {
            d.spec.strategy = Some(DeploymentStrategy::rolling_update(
                None,
                Some(IntOrPercent::Int(0)),
            ))
        },
    ));
    rows.push(model(
        "20/max-surge-nonnegative",
        dep(),
        &format!("{ru}.maxSurge"),
        INVALID,
        |d| {
            d.spec.strategy = Some(DeploymentStrategy::rolling_update(
                Some(IntOrPercent::Int(-1)),
                None,
            ))
        },
        |d| {
            d.spec.strategy = Some(DeploymentStrategy::rolling_update(
                Some(IntOrPercent::Int(0)),
                None,
            ))
        },
    ));
    rows.push(model(
        "20/rolling-update-not-both-zero",
        dep(),
        &format!("{ru}.maxUnavailable"),
        INVALID,
        |d| {
            d.spec.strategy = Some(DeploymentStrategy::rolling_update(
                Some(IntOrPercent::Int(0)),
                Some(IntOrPercent::Percent(0)),
            ))
        },
        |d| {
            d.spec.strategy = Some(DeploymentStrategy::rolling_update(
                Some(IntOrPercent::Int(0)),
                Some(IntOrPercent::Int(1)),
            ))
        },
    ));
    rows.push(model(
        "20/max-unavailable-at-most-100-percent",
        dep(),
        &format!("{ru}.maxUnavailable"),
        INVALID,
        |d| {
            d.spec.strategy = Some(DeploymentStrategy::rolling_update(
                None,
                Some(IntOrPercent::Percent(101)),
            ))
        },
        |d| {
            d.spec.strategy = Some(DeploymentStrategy::rolling_update(
                None,
                Some(IntOrPercent::Percent(100)),
            ))
        },
    ));
    rows.push(model(
        "20/min-ready-seconds-nonnegative",
        dep(),
        "spec.minReadySeconds",
        INVALID,
        |d| d.spec.min_ready_seconds = Some(-1),
        |d| d.spec.min_ready_seconds = Some(0),
    ));
    rows.push(model(
        "20/revision-history-limit-nonnegative",
        dep(),
        "spec.revisionHistoryLimit",
        INVALID,
        |d| d.spec.revision_history_limit = Some(-1),
        |d| d.spec.revision_history_limit = Some(0),
    ));
    rows.push(model(
        "20/progress-deadline-nonnegative",
        dep(),
        "spec.progressDeadlineSeconds",
        INVALID,
        |d| d.spec.progress_deadline_seconds = Some(-1),
        |d| d.spec.progress_deadline_seconds = Some(1),
    ));
    rows.push(model(
        "20/progress-deadline-above-min-ready",
        dep(),
        "spec.progressDeadlineSeconds",
        INVALID,
        |d| {
            d.spec.min_ready_seconds = Some(10);
            d.spec.progress_deadline_seconds = Some(10);
        },
        |d| {
            d.spec.min_ready_seconds = Some(10);
            d.spec.progress_deadline_seconds = Some(11);
        },
    ));
}

fn budgets(rows: &mut Vec<Row>) {
    rows.push(model(
        "21/name-format",
        pdb(),
        "metadata.name",
        INVALID,
        |p| p.metadata.name = "web/pdb".into(),
        // Only a path segment: upper case and underscores pass.
        |p| p.metadata.name = "Web_PDB".into(),
    ));
    rows.push(model(
        "21/min-available-or-max-unavailable",
        pdb(),
        "spec",
        INVALID,
        |p| p.spec.max_unavailable = Some(IntOrPercent::Int(1)),
        |p| p.spec.max_unavailable = None,
    ));
    rows.push(model(
        "21/min-available-nonnegative",
        pdb(),
        "spec.minAvailable",
        INVALID,
        |p| p.spec.min_available = Some(IntOrPercent::Int(-1)),
        |p| p.spec.min_available = Some(IntOrPercent::Int(0)),
    ));
    rows.push(model(
        "21/min-available-at-most-100-percent",
        pdb(),
        "spec.minAvailable",
        INVALID,
        |p| p.spec.min_available = Some(IntOrPercent::Percent(101)),
        |p| p.spec.min_available = Some(IntOrPercent::Percent(100)),
    ));
    rows.push(model(
        "21/max-unavailable-nonnegative",
        pdb(),
        "spec.maxUnavailable",
        INVALID,
        |p| {
            p.spec.min_available = None;
            p.spec.max_unavailable = Some(IntOrPercent::Int(-1));
        },
        |p| {
            p.spec.min_available = None;
            p.spec.max_unavailable = Some(IntOrPercent::Int(0));
        },
    ));
    rows.push(model(
        "21/max-unavailable-at-most-100-percent",
        pdb(),
        "spec.maxUnavailable",
        INVALID,
        |p| {
            p.spec.min_available = None;
            p.spec.max_unavailable = Some(IntOrPercent::Percent(101));
        },
        |p| {
            p.spec.min_available = None;
            p.spec.max_unavailable = Some(IntOrPercent::Percent(100));
        },
    ));
    rows.push(model(
        "21/selector-valid",
        pdb(),
        "spec.selector.matchLabels",
        INVALID,
        |p| p.spec.selector = Some(LabelSelector::labels(labels(&[("app", "-x-")]))),
        |p| p.spec.selector = Some(LabelSelector::labels(labels(&[("app", "x")]))),
    ));
}

fn snapshots(rows: &mut Vec<Row>) {
    rows.push(model(
        "22/name-format",
        vsc(),
        "metadata.name",
        INVALID,
        |c| c.metadata.name = "Snap".into(),
        |c| c.metadata.name = "snap.class".into(),
    ));
    rows.push(model(
        "22/class-driver-required",
        vsc(),
        "driver",
        REQUIRED,
        |c| c.driver.clear(),
        |c| c.driver = "d".into(),
    ));
    rows.push(model(
        "22/source-exactly-one",
        vs(),
        "spec.source",
        INVALID,
        |s| s.spec.source.volume_snapshot_content_name = Some("content".into()),
        |s| {
            s.spec.source.persistent_volume_claim_name = None;
            s.spec.source.volume_snapshot_content_name = Some("content".into());
        },
    ));
    rows.push(model(
        "22/class-name-not-empty",
        vs(),
        "spec.volumeSnapshotClassName",
        INVALID,
        |s| s.spec.volume_snapshot_class_name = Some(String::new()),
        |s| s.spec.volume_snapshot_class_name = None,
    ));
    let default_class = |name: &str, driver: &str| -> Object {
        valid(
            VolumeSnapshotClass::builder(name, driver)
                .default_class()
                .build(),
        )
        .into()
    };
    rows.push(model(
        "22/default-class-per-driver",
        Set(vec![default_class("snap1", DRIVER), default_class("snap2", DRIVER)]),
        "objects[1](VolumeSnapshotClass snap2).metadata.annotations[snapshot.storage.kubernetes.io/is-default-class]",
        FORBIDDEN,
        |_| {},
        |s| set_vsc(s, 1).driver = "other.csi.k8s.io".into(),
    ));
}

fn attributes(rows: &mut Vec<Row>) {
    rows.push(vac_row(
        "23/driver-name-required",
        "driverName",
        REQUIRED,
        |c| c.driver_name.clear(),
        |c| c.driver_name = "d".into(),
    ));
    rows.push(vac_row(
        "23/driver-name-format",
        "driverName",
        INVALID,
        |c| c.driver_name = "example.com/a/b".into(),
        |c| c.driver_name = "Example.COM/My_Driver".into(),
    ));
    rows.push(vac_row(
        "23/parameters-count",
        "parameters",
        TOO_LONG,
        |c| c.parameters = (0..513).map(|i| (format!("k{i}"), "v".into())).collect(),
        |c| c.parameters = (0..512).map(|i| (format!("k{i}"), "v".into())).collect(),
    ));
    rows.push(vac_row(
        "23/parameters-empty-key",
        "parameters",
        INVALID,
        |c| {
            c.parameters.insert(String::new(), "v".into());
        },
        |c| {
            c.parameters.insert(" ".into(), "v".into());
        },
    ));
    rows.push(vac_row(
        "23/parameters-size",
        "parameters",
        TOO_LONG,
        // The base has "iops": "5000" (8 bytes).
        |c| {
            c.parameters.insert("k".into(), long('v', 262_144 - 8));
        },
        |c| {
            c.parameters.insert("k".into(), long('v', 262_144 - 9));
        },
    ));
    rows.push(vac_row(
        "23/parameters-required",
        "parameters",
        REQUIRED,
        |c| c.parameters.clear(),
        |c| {
            c.parameters.clear();
            c.parameters.insert("iops".into(), String::new());
        },
    ));
    // Before 1.34 `storage.k8s.io/v1` does not exist; the twin is the version the target has.
    rows.push(Row {
        id: "23/kvol-api-version",
        path: "apiVersion".into(),
        expect: NOT_SUPPORTED,
        targets: 30..=33,
        reject: Box::new(|target| {
            let mut c = vac();
            c.api_version = AttributesClassVersion::V1;
            c.check_for(target)
        }),
        accept: Box::new(|target| {
            let mut c = vac();
            c.api_version = AttributesClassVersion::for_target(target);
            c.check_for(target)
        }),
        yaml: None,
    });
}

fn references(rows: &mut Vec<Row>) {
    let pod_path = "objects[0](Pod default/web).spec.volumes[0]";
    rows.push(model(
        "24/kvol-config-map-volume-exists",
        Set(vec![pod_mounting(config_map_source()).into(), cm().into()]),
        &format!("{pod_path}.configMap.name"),
        NOT_FOUND,
        |_| {},
        |s| {
            set_cm(s, 1).metadata.name = "cm".into();
            set_cm(s, 1).data.insert("k".into(), "v".into());
        },
    ));
    rows.push(model(
        "24/kvol-config-map-volume-keys",
        Set(vec![pod_mounting(config_map_source()).into(), cm().into()]),
        &format!("{pod_path}.configMap.items[0].key"),
        NOT_FOUND,
        |s| {
            set_cm(s, 1).metadata.name = "cm".into();
            set_cm(s, 1).data = labels(&[("other", "v")]);
        },
        |s| {
            set_cm(s, 1).metadata.name = "cm".into();
            set_cm(s, 1)
                .binary_data
                .insert("k".into(), Bytes::from("v"));
            set_cm(s, 1).data.clear();
        },
    ));
    rows.push(model(
        "24/kvol-secret-volume-exists",
        Set(vec![
            pod_mounting(secret_required()).into(),
            secret().into(),
        ]),
        &format!("{pod_path}.secret.secretName"),
        NOT_FOUND,
        |s| set_secret(s, 1).metadata.name = "creds2".into(),
        |_| {},
    ));
    rows.push(model(
        "24/kvol-secret-volume-keys",
        Set(vec![
            pod_mounting(secret_required()).into(),
            secret().into(),
        ]),
        &format!("{pod_path}.secret.items[0].key"),
        NOT_FOUND,
        |s| {
            let sec = set_secret(s, 1);
            sec.metadata.name = "creds".into();
            sec.string_data.clear();
            sec.string_data.insert("other".into(), "v".into());
        },
        // An optional volume may name a missing key.
        |s| {
            set_secret(s, 1).metadata.name = "creds".into();
            if let VolumeSource::Secret(v) = &mut set_pod(s, 0).spec.volumes[0].source {
                v.optional = Some(true);
                v.items[0].key = "missing".into();
            }
        },
    ));
    env_references(rows);
    projected_references(rows);
    let restored_path = "objects[4](PersistentVolumeClaim default/restored).spec";
    rows.push(model(
        "24/kvol-snapshot-exists",
        restore_set(),
        &format!("{restored_path}.dataSource.name"),
        NOT_FOUND,
        |s| set_vs(s, 2).metadata.name = "snap2".into(),
        |_| {},
    ));
    rows.push(model(
        "24/kvol-snapshot-source-claim-exists",
        restore_set(),
        "objects[2](VolumeSnapshot default/snap).spec.source.persistentVolumeClaimName",
        NOT_FOUND,
        |s| set_vs(s, 2).spec.source.persistent_volume_claim_name = Some("nope".into()),
        |s| set_pvc(s, 1).metadata.name = "data".into(),
    ));
    rows.push(model(
        "24/kvol-snapshot-class-exists",
        restore_set(),
        "objects[2](VolumeSnapshot default/snap).spec.volumeSnapshotClassName",
        NOT_FOUND,
        |s| set_vs(s, 2).spec.volume_snapshot_class_name = Some("nope".into()),
        // Unset: the driver's default class.
        |s| set_vs(s, 2).spec.volume_snapshot_class_name = None,
    ));
    rows.push(model(
        "24/kvol-snapshot-driver-matches",
        restore_set(),
        &format!("{restored_path}.dataSource"),
        INVALID,
        |s| set_vsc(s, 3).driver = "other.csi.k8s.io".into(),
        |s| set_vsc(s, 3).driver = DRIVER.into(),
    ));
    let data_path = "objects[1](PersistentVolumeClaim default/data).spec.volumeAttributesClassName";
    rows.push(model_for(
        "24/kvol-attributes-class-exists",
        34..=37,
        attributes_set(),
        data_path,
        NOT_FOUND,
        |s| set_vac(s, 2).metadata.name = "silver".into(),
        |_| {},
    ));
    rows.push(model_for(
        "24/kvol-attributes-class-driver",
        34..=37,
        attributes_set(),
        data_path,
        INVALID,
        |s| set_vac(s, 2).driver_name = "other.csi.k8s.io".into(),
        |s| set_vac(s, 2).driver_name = DRIVER.into(),
    ));
    let shared = valid(
        Deployment::builder("web")
            .container(Container::builder("app", "nginx:1.27").mount("data", "/data"))
            .volume("data", VolumeSource::claim("data", false))
            .build(),
    );
    rows.push(model(
        "24/kvol-shared-read-write-once",
        Set(vec![csi_class().into(), claim("data").into(), shared.into()]),
        "objects[2](Deployment default/web).spec.template.spec.volumes[0].persistentVolumeClaim.claimName",
        WARNING,
        |_| {},
        |s| set_dep(s, 2).spec.strategy = Some(DeploymentStrategy::recreate()),
    ));
    rows.push(model(
        "24/kvol-pdb-selects-pods",
        Set(vec![dep().into(), pdb().into()]),
        "objects[1](PodDisruptionBudget default/web-pdb).spec.selector",
        WARNING,
        |s| set_pdb(s, 1).spec.selector = Some(LabelSelector::labels(labels(&[("app", "db")]))),
        |_| {},
    ));
    rows.push(model(
        "24/kvol-pdb-blocks-drain",
        Set(vec![dep().into(), pdb().into()]),
        "objects[1](PodDisruptionBudget default/web-pdb).spec.minAvailable",
        WARNING,
        |s| set_pdb(s, 1).spec.min_available = Some(IntOrPercent::Int(2)),
        |s| set_dep(s, 0).spec.replicas = Some(3),
    ));
}

/// A Pod `web` whose container `app` (or init container `setup`) has `var` as its only
/// variable, and whose container reads `from` (when given) as `envFrom`.
fn pod_with_env(init: bool, var: Option<EnvVarSource>, from: Option<EnvFromSource>) -> Pod {
    let mut c = Container::builder("app", "nginx:1.27");
    if let Some(var) = var {
        c = c.env_from_source("VAR", var);
    }
    if let Some(from) = from {
        c = c.env_from(from);
    }
    let b = Pod::builder("web");
    valid(if init {
        b.init_container(c)
            .container(Container::builder("main", "nginx:1.27"))
            .build()
    } else {
        b.container(c).build()
    })
}

fn env_ref(p: &mut Pod, init: bool) -> &mut kvol_core::pod::KeySelector {
    let c = if init {
        &mut p.spec.init_containers[0]
    } else {
        &mut p.spec.containers[0]
    };
    let source = c.env[0]
        .value_from
        .as_mut()
        .expect("the base has a valueFrom");
    source
        .config_map_key_ref
        .as_mut()
        .or(source.secret_key_ref.as_mut())
        .expect("the base has a key ref")
}

/// Cross-object rows: a container's `env[].valueFrom` and `envFrom` name a ConfigMap or
/// Secret of the set (and one of its keys).
fn env_references(rows: &mut Vec<Row>) {
    let c0 = "objects[0](Pod default/web).spec.containers[0]";
    let i0 = "objects[0](Pod default/web).spec.initContainers[0]";
    let cm_var = || Some(EnvVarSource::config_map_key("app-config", "k"));
    rows.push(model(
        "24/kvol-env-config-map-exists",
        Set(vec![
            pod_with_env(false, cm_var(), None).into(),
            cm().into(),
        ]),
        &format!("{c0}.env[0].valueFrom.configMapKeyRef.name"),
        NOT_FOUND,
        |s| set_cm(s, 1).metadata.name = "other".into(),
        // An optional reference may name a missing ConfigMap.
        |s| {
            set_cm(s, 1).metadata.name = "other".into();
            env_ref(set_pod(s, 0), false).optional = Some(true);
        },
    ));
    rows.push(model(
        "24/kvol-env-config-map-key",
        Set(vec![
            pod_with_env(false, cm_var(), None).into(),
            cm().into(),
        ]),
        &format!("{c0}.env[0].valueFrom.configMapKeyRef.key"),
        NOT_FOUND,
        // The kubelet reads `data` only: a key in binaryData is missing.
        |s| {
            let c = set_cm(s, 1);
            c.data.clear();
            c.binary_data.insert("k".into(), Bytes::from("v"));
        },
        |s| {
            let c = set_cm(s, 1);
            c.data.clear();
            c.binary_data.insert("k".into(), Bytes::from("v"));
            env_ref(set_pod(s, 0), false).optional = Some(true);
        },
    ));
    rows.push(model(
        "24/kvol-env-secret-exists",
        Set(vec![
            pod_with_env(false, None, Some(EnvFromSource::secret("creds"))).into(),
            secret().into(),
        ]),
        &format!("{c0}.envFrom[0].secretRef.name"),
        NOT_FOUND,
        |s| set_secret(s, 1).metadata.name = "creds2".into(),
        |s| {
            set_secret(s, 1).metadata.name = "creds2".into();
            if let Some(r) = &mut set_pod(s, 0).spec.containers[0].env_from[0].secret_ref {
                r.optional = Some(true);
            }
        },
    ));
    rows.push(model(
        "24/kvol-env-secret-key",
        Set(vec![
            pod_with_env(true, Some(EnvVarSource::secret_key("creds", "k")), None).into(),
            secret().into(),
        ]),
        &format!("{i0}.env[0].valueFrom.secretKeyRef.key"),
        NOT_FOUND,
        |s| env_ref(set_pod(s, 0), true).key = "password".into(),
        // stringData is merged into data by the API server: its keys count.
        |s| {
            env_ref(set_pod(s, 0), true).key = "password".into();
            set_secret(s, 1)
                .string_data
                .insert("password".into(), "v".into());
        },
    ));
}

fn projected(source: VolumeProjection) -> VolumeSource {
    VolumeSource::Projected(ProjectedVolume {
        default_mode: None,
        sources: vec![source],
    })
}

fn item(key: &str) -> KeyToPath {
    KeyToPath {
        key: key.into(),
        mode: None,
        path: "file".into(),
    }
}

/// Cross-object rows: a projected volume's configMap and secret sources name a ConfigMap or
/// Secret of the set (and its keys).
fn projected_references(rows: &mut Vec<Row>) {
    let sp = "objects[0](Pod default/web).spec.volumes[0].projected.sources[0]";
    let mut cm_source = VolumeProjection::config_map("app-config");
    if let Some(c) = &mut cm_source.config_map {
        c.items.push(item("k"));
    }
    let mut secret_source = VolumeProjection::secret("creds");
    if let Some(c) = &mut secret_source.secret {
        c.items.push(item("k"));
    }
    fn source(s: &mut Set) -> &mut VolumeProjection {
        match &mut set_pod(s, 0).spec.volumes[0].source {
            VolumeSource::Projected(p) => &mut p.sources[0],
            other => panic!("volume 0 is {other:?}"),
        }
    }
    let cm_set = Set(vec![pod_mounting(projected(cm_source)).into(), cm().into()]);
    let secret_set = Set(vec![
        pod_mounting(projected(secret_source)).into(),
        secret().into(),
    ]);
    rows.push(model(
        "24/kvol-projected-config-map-exists",
        cm_set.clone(),
        &format!("{sp}.configMap.name"),
        NOT_FOUND,
        |s| set_cm(s, 1).metadata.name = "other".into(),
        |s| {
            set_cm(s, 1).metadata.name = "other".into();
            if let Some(c) = &mut source(s).config_map {
                c.optional = Some(true);
            }
        },
    ));
    rows.push(model(
        "24/kvol-projected-config-map-keys",
        cm_set,
        &format!("{sp}.configMap.items[0].key"),
        NOT_FOUND,
        |s| set_cm(s, 1).data = labels(&[("other", "v")]),
        // A volume reads binaryData too.
        |s| {
            let c = set_cm(s, 1);
            c.data.clear();
            c.binary_data.insert("k".into(), Bytes::from("v"));
        },
    ));
    rows.push(model(
        "24/kvol-projected-secret-exists",
        secret_set.clone(),
        &format!("{sp}.secret.name"),
        NOT_FOUND,
        |s| set_secret(s, 1).metadata.name = "creds2".into(),
        |s| {
            set_secret(s, 1).metadata.name = "creds2".into();
            if let Some(c) = &mut source(s).secret {
                c.optional = Some(true);
            }
        },
    ));
    rows.push(model(
        "24/kvol-projected-secret-keys",
        secret_set,
        &format!("{sp}.secret.items[0].key"),
        NOT_FOUND,
        |s| {
            if let Some(c) = &mut source(s).secret {
                c.items[0].key = "password".into();
            }
        },
        // An optional source may name a missing key.
        |s| {
            if let Some(c) = &mut source(s).secret {
                c.items[0].key = "password".into();
                c.optional = Some(true);
            }
        },
    ));
}
