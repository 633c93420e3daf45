//! Every warning kvol gives (k8s-rules §14–15): what the API server would accept but is
//! deprecated, removed in the target release, or risky. Each message says what to write
//! instead. Label and annotation values that YAML 1.1 would misread (`yes`, `0755`, …) are
//! not warnings: kvol quotes them when it writes YAML.
//!
//! | trigger | source |
//! |---|---|
//! | PV `Recycle` reclaim policy | API server (`pkg/api/persistentvolume`) |
//! | legacy in-tree PV plugins, by target release | kvol, from the removal table (§15) |
//! | in-tree StorageClass provisioners (`kubernetes.io/gce-pd`, …), by target release | kvol |
//! | beta storage-class annotation on PVs, PVCs, claim templates | API server |
//! | fractional storage bytes in claims | API server |
//! | fractional storage bytes in a PV's capacity (kvol's own words) | kvol |
//! | deprecated node labels in node selectors, PV node affinity, allowed topologies | API server (`pkg/api/node`) |
//! | negative `terminationGracePeriodSeconds` | API server (`pkg/api/pod`) |
//! | duplicate container ports, env vars hiding earlier ones | API server (`pkg/api/pod`) |
//! | hostPath without `type` | kvol |
//! | `terminationGracePeriodSeconds: 0` on a StatefulSet | kvol |
//! | StatefulSet name longer than 52 characters (§11.2) | kvol |
//! | default-class annotation with a value other than `true`/`false` | kvol |

use crate::{
    access::ReclaimPolicy,
    legacy::LegacyPlugin,
    meta::StringMap,
    pod::{Container, PodSpec},
    pv::{PersistentVolume, PvSource},
    pvc::PvcSpec,
    quantity::Quantity,
    report::{FieldPath, WarningCode, quote},
    selector::NodeSelector,
    statefulset::StatefulSet,
    storage_class::{DEFAULT_CLASS_ANNOTATION, StorageClass},
    validate::Checker,
    version::KubeVersion,
    volume::{HostPath, VolumeSource},
};
use std::collections::BTreeMap;

/// The beta annotation that once named a claim's or volume's class.
const BETA_STORAGE_CLASS: &str = "volume.beta.kubernetes.io/storage-class";
/// The longest StatefulSet name whose pods' `controller-revision-hash` label fits in 63
/// characters (`<name>-<hash of up to 10 characters>`).
const MAX_STATEFULSET_NAME: usize = 52;

/// `GetNodeLabelDeprecatedMessage` (pkg/api/node).
fn deprecated_node_label(key: &str) -> Option<&'static str> {
    Some(match key {
        "beta.kubernetes.io/arch" => r#"deprecated since v1.14; use "kubernetes.io/arch" instead"#,
        "beta.kubernetes.io/os" => r#"deprecated since v1.14; use "kubernetes.io/os" instead"#,
        "failure-domain.beta.kubernetes.io/region" => {
            r#"deprecated since v1.17; use "topology.kubernetes.io/region" instead"#
        }
        "failure-domain.beta.kubernetes.io/zone" => {
            r#"deprecated since v1.17; use "topology.kubernetes.io/zone" instead"#
        }
        "beta.kubernetes.io/instance-type" => {
            r#"deprecated since v1.17; use "node.kubernetes.io/instance-type" instead"#
        }
        _ => return None,
    })
}

/// `GetWarningsForNodeSelectorTerm` for every term of a node selector.
fn node_selector_labels(checker: &mut Checker, selector: &NodeSelector, path: &FieldPath) {
    let terms = path.child("nodeSelectorTerms");
    for (i, term) in selector.node_selector_terms.iter().enumerate() {
        for (j, req) in term.match_expressions.iter().enumerate() {
            if let Some(msg) = deprecated_node_label(&req.key) {
                let p = terms
                    .index(i)
                    .child("matchExpressions")
                    .index(j)
                    .child("key");
                checker.warn(
                    WarningCode::DeprecatedNodeLabel,
                    p,
                    format!("{} is {msg}", req.key),
                );
            }
        }
    }
}

/// `metadata.annotations[volume.beta.kubernetes.io/storage-class]` on PVs, PVCs and claim
/// templates.
pub(crate) fn beta_storage_class_annotation(
    checker: &mut Checker,
    annotations: &StringMap,
    meta_path: &FieldPath,
) {
    if annotations.contains_key(BETA_STORAGE_CLASS) {
        checker.warn(
            WarningCode::BetaStorageClassAnnotation,
            meta_path.child("annotations").key(BETA_STORAGE_CLASS),
            r#"deprecated since v1.8; use "storageClassName" attribute instead"#,
        );
    }
}

/// `fractional byte value ... is invalid, must be an integer` (claims, PVs and, for memory and
/// ephemeral storage, containers).
pub(super) fn fractional_bytes(checker: &mut Checker, q: &Quantity, path: FieldPath) {
    if !q.api_fractional_bytes() {
        return;
    }
    let advice = if q.has_fractional_units() {
        format!(
            "write a whole number of bytes, such as {}",
            quote(&q.round_up_milli().value_ceil().to_string())
        )
    } else {
        // A whole size of about 8Pi or more: the server's int64 arithmetic in thousandths
        // overflows (`MilliValue()`), and it warns about a value that is whole.
        "the size is a whole number of bytes: the API server's arithmetic in thousandths of a \
         byte overflows from about 8Pi, so this warning is harmless"
            .to_owned()
    };
    // The API server's words exactly (`warningsForPersistentVolumeClaimResources`); kvol's
    // advice beside them.
    checker.warn_with_help(
        WarningCode::FractionalBytes,
        path,
        format!(
            "fractional byte value {} is invalid, must be an integer",
            quote(&q.round_up_milli().canonical()),
        ),
        advice,
    );
}

/// `GetWarningsForPersistentVolumeClaimSpec`: fractional bytes in the storage request or limit.
pub(crate) fn claim_spec(checker: &mut Checker, spec: &PvcSpec, path: &FieldPath) {
    let resources = path.child("resources");
    fractional_bytes(
        checker,
        &spec.resources.requests,
        resources.child("requests").key("storage"),
    );
    if let Some(limit) = &spec.resources.limits {
        fractional_bytes(checker, limit, resources.child("limits").key("storage"));
    }
}

fn host_path_without_type(checker: &mut Checker, h: &HostPath, path: FieldPath) {
    if h.kind.is_none() {
        checker.warn(
            WarningCode::HostPathWithoutType,
            path,
            "hostPath without a type mounts the path without any check (a missing path becomes an \
             empty directory owned by root); set type to what must exist there, e.g. \
             DirectoryOrCreate, Directory or File",
        );
    }
}

/// Warnings of a pod spec at `path` (`spec` or `spec.template.spec`).
pub(crate) fn pod_spec(checker: &mut Checker, spec: &PodSpec, path: &FieldPath) {
    for key in spec.node_selector.keys() {
        if let Some(msg) = deprecated_node_label(key) {
            checker.warn(
                WarningCode::DeprecatedNodeLabel,
                path.child("nodeSelector").key(key),
                msg,
            );
        }
    }
    for (i, vol) in spec.volumes.iter().enumerate() {
        if let VolumeSource::HostPath(h) = &vol.source {
            host_path_without_type(
                checker,
                h,
                path.child("volumes")
                    .index(i)
                    .child("hostPath")
                    .child("type"),
            );
        }
    }
    if spec.termination_grace_period_seconds.is_some_and(|s| s < 0) {
        checker.warn(
            WarningCode::NegativeGracePeriod,
            path.child("terminationGracePeriodSeconds"),
            "must be >= 0; negative values are invalid and will be treated as 1; write 0 or a \
             positive number of seconds",
        );
    }
    let containers = || {
        let init = spec
            .init_containers
            .iter()
            .enumerate()
            .map(|(i, c)| (path.child("initContainers").index(i), c));
        let main = spec
            .containers
            .iter()
            .enumerate()
            .map(|(i, c)| (path.child("containers").index(i), c));
        init.chain(main)
    };
    for (cpath, c) in containers() {
        env_redefinitions(checker, c, &cpath);
    }
    // Duplicate container ports (protocol + number) across all containers.
    let mut ports: BTreeMap<(i32, &str), FieldPath> = BTreeMap::new();
    for (cpath, c) in containers() {
        for (i, p) in c.ports.iter().enumerate() {
            let protocol = p.protocol.as_str();
            let here = cpath.child("ports").index(i);
            match ports.get(&(p.container_port, protocol)) {
                Some(other) => checker.warn(
                    WarningCode::DuplicateContainerPort,
                    here,
                    format!("duplicate port definition with {other}; remove one of them"),
                ),
                None => {
                    ports.insert((p.container_port, protocol), here);
                }
            }
        }
    }
}

/// An env var that redefines an earlier one without referring to it.
fn env_redefinitions(checker: &mut Checker, c: &Container, path: &FieldPath) {
    let mut seen = std::collections::BTreeSet::new();
    for (i, var) in c.env.iter().enumerate() {
        if seen.insert(var.name.as_str()) {
            continue;
        }
        let reference = format!("$({})", var.name);
        if var.value == reference || !var.value.contains(&reference) {
            checker.warn(
                WarningCode::DuplicateEnvVar,
                path.child("env").index(i),
                format!(
                    "hides previous definition of {}, which may be dropped when using apply; keep \
                     a single definition of it",
                    quote(&var.name)
                ),
            );
        }
    }
}

/// How far the in-tree plugin is from removal in the target release.
fn plugin_history(plugin: LegacyPlugin, target: KubeVersion) -> (String, bool) {
    let life = plugin.lifecycle();
    let key = plugin.key();
    let removed = target.minor() >= life.removed_in;
    let history = if removed {
        format!(
            "the in-tree {key} plugin was deprecated in Kubernetes 1.{} and removed in 1.{} \
             (target {target})",
            life.deprecated_in, life.removed_in
        )
    } else {
        format!(
            "the in-tree {key} plugin is deprecated since Kubernetes 1.{} and will be removed in \
             1.{} (target {target})",
            life.deprecated_in, life.removed_in
        )
    };
    (history, removed)
}

/// The warning for a PersistentVolume with a legacy in-tree source, depending on whether the
/// target release still ships its in-tree driver.
pub(crate) fn legacy_plugin_message(
    plugin: LegacyPlugin,
    target: KubeVersion,
) -> (WarningCode, String) {
    let (history, removed) = plugin_history(plugin, target);
    let code = if removed {
        WarningCode::LegacyPluginRemoved(plugin)
    } else {
        WarningCode::LegacyPluginDeprecated(plugin)
    };
    let instead = match (plugin.lifecycle().csi_driver, removed) {
        (Some(driver), true) => format!(
            "; the volume only works through CSI migration, with the {} CSI driver installed: use \
             a `csi` source with driver {} instead",
            quote(driver),
            quote(driver)
        ),
        (Some(driver), false) => {
            format!("; use a `csi` source with driver {} instead", quote(driver))
        }
        (None, removed) => {
            let lost = if removed {
                "pods can no longer mount it: "
            } else {
                ""
            };
            match plugin.info().alternative_csi_driver {
                Some(driver) => format!(
                    "; {lost}use the Ceph CSI driver instead (a `csi` source with driver {})",
                    quote(driver)
                ),
                None => format!(
                    "; {lost}it has no maintained CSI driver: move the data to storage that has \
                     one and use a `csi` source"
                ),
            }
        }
    };
    (code, history + &instead)
}

/// The warning for a StorageClass whose provisioner is an in-tree plugin's.
pub(crate) fn in_tree_provisioner_message(
    provisioner: &str,
    plugin: LegacyPlugin,
    target: KubeVersion,
) -> String {
    let (history, removed) = plugin_history(plugin, target);
    let instead = match (
        plugin
            .info()
            .csi_driver
            .or(plugin.info().alternative_csi_driver),
        removed,
    ) {
        (Some(driver), true) => format!(
            "; provisioning only works through CSI migration, with the {} CSI driver installed: \
             write provisioner {} instead",
            quote(driver),
            quote(driver)
        ),
        (Some(driver), false) => format!("; write provisioner {} instead", quote(driver)),
        (None, _) => "; it has no maintained CSI driver: use a provisioner of storage that has \
                      one"
        .to_owned(),
    };
    format!("{provisioner} is an in-tree provisioner: {history}{instead}")
}

/// Warnings of a PersistentVolume.
pub(crate) fn persistent_volume(checker: &mut Checker, pv: &PersistentVolume, path: &FieldPath) {
    let spec = path.child("spec");
    if let Some(affinity) = &pv.spec.node_affinity {
        node_selector_labels(
            checker,
            &affinity.required,
            &spec.child("nodeAffinity").child("required"),
        );
    }
    if pv.spec.reclaim_policy == Some(ReclaimPolicy::Recycle) {
        let recyclable = matches!(pv.spec.source, PvSource::Nfs(_) | PvSource::HostPath(_));
        let extra = if recyclable {
            ""
        } else {
            " (and only nfs and hostPath volumes were ever recycled)"
        };
        checker.warn(
            WarningCode::RecycleReclaimPolicy,
            spec.child("persistentVolumeReclaimPolicy"),
            format!(
                "The Recycle reclaim policy is deprecated{extra}. Instead, the recommended approach \
                 is to use dynamic provisioning: write Retain or Delete, and a StorageClass for \
                 dynamic provisioning"
            ),
        );
    }
    match &pv.spec.source {
        PvSource::Legacy(l) => {
            let plugin = l.plugin();
            let (code, message) = legacy_plugin_message(plugin, checker.target());
            checker.warn(code, spec.child(plugin.key()), message);
        }
        PvSource::HostPath(h) => {
            host_path_without_type(checker, h, spec.child("hostPath").child("type"))
        }
        _ => {}
    }
    // kvol's advice, in its own words: no API server version warns about a PV's capacity
    // (`GetWarningsForPersistentVolume` has no capacity check; the fractional-bytes warning is
    // `GetWarningsForPersistentVolumeClaimSpec`'s, for claims).
    if pv.spec.capacity.has_fractional_units() {
        let q = pv.spec.capacity.round_up_milli();
        checker.warn(
            WarningCode::FractionalBytes,
            spec.child("capacity").key("storage"),
            format!(
                "a capacity of {} is not a whole number of bytes: a claim's request for the same \
                 size draws the API server's fractional-bytes warning, and sizes are compared \
                 exactly when binding; write a whole number of bytes, such as {}",
                quote(&q.canonical()),
                quote(&q.value_ceil().to_string())
            ),
        );
    }
    beta_storage_class_annotation(checker, &pv.metadata.annotations, &path.child("metadata"));
}

/// Warnings of a StorageClass.
pub(crate) fn storage_class(checker: &mut Checker, sc: &StorageClass, path: &FieldPath) {
    if let Some(plugin) = LegacyPlugin::from_provisioner(&sc.provisioner) {
        let msg = in_tree_provisioner_message(&sc.provisioner, plugin, checker.target());
        checker.warn(
            WarningCode::InTreeProvisioner(plugin),
            path.child("provisioner"),
            msg,
        );
    }
    for (i, term) in sc.allowed_topologies.iter().enumerate() {
        for (j, req) in term.match_label_expressions.iter().enumerate() {
            if let Some(msg) = deprecated_node_label(&req.key) {
                let p = path
                    .child("allowedTopologies")
                    .index(i)
                    .child("matchLabelExpressions")
                    .index(j)
                    .child("key");
                checker.warn(WarningCode::DeprecatedNodeLabel, p, msg);
            }
        }
    }
    if let Some(value) = sc.metadata.annotations.get(DEFAULT_CLASS_ANNOTATION)
        && value != "true"
        && value != "false"
    {
        let annotation = path.child("metadata").child("annotations");
        checker.warn(
            WarningCode::DefaultClassAnnotationValue,
            annotation.key(DEFAULT_CLASS_ANNOTATION),
            format!(
                "only the exact value \"true\" marks the default StorageClass, so {} does not; \
                 write \"true\" or \"false\"",
                quote(value)
            ),
        );
    }
}

/// Warnings of a StatefulSet (its pod spec and claim templates warn on their own).
pub(crate) fn statefulset(checker: &mut Checker, sts: &StatefulSet, path: &FieldPath) {
    let name = &sts.metadata.name;
    if name.len() > MAX_STATEFULSET_NAME {
        checker.warn(
            WarningCode::LongStatefulSetName,
            path.child("metadata").child("name"),
            format!(
                "a StatefulSet name longer than {MAX_STATEFULSET_NAME} characters makes its pods' \
                 controller-revision-hash label (\"<name>-<hash>\") longer than 63 characters, so \
                 the controller cannot create pods; use at most {MAX_STATEFULSET_NAME} characters \
                 ({} now)",
                name.len()
            ),
        );
    }
    if sts.spec.template.spec.termination_grace_period_seconds == Some(0) {
        checker.warn(
            WarningCode::StatefulSetGraceZero,
            path.child("spec")
                .child("template")
                .child("spec")
                .child("terminationGracePeriodSeconds"),
            "0 kills StatefulSet pods without a grace period, which is unsafe for stateful pods: a \
             replacement with the same identity can start while the old pod still runs; leave it \
             unset (30 seconds) or give the seconds the application needs to shut down, e.g. 10",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        legacy::LegacySource,
        pod::EnvVar,
        rules::test_support::{
            assert_clean, assert_no_warnings, container, nfs, pod, port, pv, pvc, q, statefulset,
            storage_class, v, warning,
        },
        selector::{
            NodeSelectorOperator, NodeSelectorRequirement, NodeSelectorTerm, TopologyRequirement,
            TopologySelectorTerm, VolumeNodeAffinity,
        },
        validate::Validate,
        volume::{HostPathType, Volume},
    };

    fn gce() -> PersistentVolume {
        pv(
            "gce",
            "10Gi",
            PvSource::Legacy(LegacySource::GcePersistentDisk {
                pd_name: "disk-1".into(),
                fs_type: None,
                partition: None,
                read_only: false,
            }),
        )
    }

    #[test]
    fn legacy_plugin_before_removal() {
        let mut p = pv(
            "px",
            "1Gi",
            PvSource::Legacy(LegacySource::PortworxVolume {
                volume_id: "v".into(),
                fs_type: None,
                read_only: false,
            }),
        );
        let r = p.check_for(v(35));
        assert_clean(&r);
        let w = warning(&r, "spec.portworxVolume");
        assert_eq!(
            w.message,
            "the in-tree portworxVolume plugin is deprecated since Kubernetes 1.25 and will be removed in 1.36 \
             (target 1.35); use a `csi` source with driver \"pxd.portworx.com\" instead"
        );
        p.metadata.name = "px2".into();
        let w = warning(&p.check_for(v(36)), "spec.portworxVolume")
            .message
            .clone();
        assert!(
            w.contains("was deprecated in Kubernetes 1.25 and removed in 1.36 (target 1.36)"),
            "{w}"
        );
        assert!(w.contains("only works through CSI migration"), "{w}");
    }

    #[test]
    fn legacy_plugin_after_removal_names_the_csi_driver() {
        let r = gce().check_for(v(30));
        let w = &warning(&r, "spec.gcePersistentDisk").message;
        assert!(
            w.contains("deprecated in Kubernetes 1.17 and removed in 1.28 (target 1.30)"),
            "{w}"
        );
        assert!(
            w.ends_with("use a `csi` source with driver \"pd.csi.storage.gke.io\" instead"),
            "{w}"
        );
    }

    #[test]
    fn legacy_plugin_without_driver() {
        let p = pv(
            "c",
            "1Gi",
            PvSource::Legacy(LegacySource::Cephfs {
                monitors: vec!["m:6789".into()],
                path: None,
                read_only: false,
            }),
        );
        let w = warning(&p.check(), "spec.cephfs").message.clone();
        assert!(w.contains("removed in 1.31"), "{w}");
        assert!(w.contains("pods can no longer mount it"), "{w}");
        assert!(w.contains("cephfs.csi.ceph.com"), "{w}");
    }

    #[test]
    fn recycle_is_deprecated() {
        let mut p = pv("n", "1Gi", PvSource::Nfs(nfs("s", "/e")));
        assert_no_warnings(&p.check());
        p.spec.reclaim_policy = Some(ReclaimPolicy::Recycle);
        let r = p.check();
        assert_clean(&r);
        let w = &warning(&r, "spec.persistentVolumeReclaimPolicy").message;
        assert!(
            w.starts_with("The Recycle reclaim policy is deprecated. Instead"),
            "{w}"
        );
        assert!(w.contains("write Retain or Delete"), "{w}");
        let mut g = gce();
        g.spec.reclaim_policy = Some(ReclaimPolicy::Recycle);
        let r = g.check();
        assert!(
            warning(&r, "spec.persistentVolumeReclaimPolicy")
                .message
                .contains("only nfs and hostPath")
        );
    }

    #[test]
    fn host_path_without_type_in_pods_and_pvs() {
        let hp = |kind| {
            VolumeSource::HostPath(HostPath {
                path: "/var/log".into(),
                kind,
            })
        };
        let r = pod("p", vec![Volume::new("logs", hp(None))]).check();
        assert!(
            warning(&r, "spec.volumes[0].hostPath.type")
                .message
                .contains("DirectoryOrCreate")
        );
        assert_no_warnings(
            &pod(
                "p",
                vec![Volume::new("logs", hp(Some(HostPathType::Directory)))],
            )
            .check(),
        );
        let p = pv(
            "h",
            "1Gi",
            PvSource::HostPath(HostPath {
                path: "/mnt/data".into(),
                kind: None,
            }),
        );
        warning(&p.check(), "spec.hostPath.type");
    }

    #[test]
    fn fractional_bytes_suggest_a_whole_number() {
        let mut c = pvc("data", "1Gi");
        c.spec.resources.requests = q("1.5");
        let r = c.check();
        let w = warning(&r, "spec.resources.requests[storage]");
        // The API server's words exactly, and kvol's advice beside them.
        assert_eq!(
            w.message,
            "fractional byte value \"1500m\" is invalid, must be an integer"
        );
        assert_eq!(
            w.help.as_deref(),
            Some("write a whole number of bytes, such as \"2\"")
        );
        // No server warns about a PV's capacity: kvol's advice does not borrow its words.
        let p = pv("n", "1500m", PvSource::Nfs(nfs("s", "/e")));
        let r = p.check();
        let w = warning(&r, "spec.capacity[storage]");
        assert!(
            w.message
                .starts_with("a capacity of \"1500m\" is not a whole number of bytes"),
            "{}",
            w.message
        );
        assert!(!w.message.contains("fractional byte value"));
    }

    #[test]
    fn beta_storage_class_annotation_is_deprecated() {
        let mut c = pvc("data", "1Gi");
        c.metadata
            .annotations
            .insert(BETA_STORAGE_CLASS.into(), "slow".into());
        let r = c.check();
        assert_eq!(
            warning(
                &r,
                "metadata.annotations[volume.beta.kubernetes.io/storage-class]"
            )
            .message,
            "deprecated since v1.8; use \"storageClassName\" attribute instead"
        );
    }

    fn zone_affinity(key: &str) -> VolumeNodeAffinity {
        VolumeNodeAffinity {
            required: NodeSelector {
                node_selector_terms: vec![NodeSelectorTerm {
                    match_fields: Vec::new(),
                    match_expressions: vec![NodeSelectorRequirement {
                        key: key.into(),
                        operator: NodeSelectorOperator::In,
                        values: vec!["us-east-1a".into()],
                    }],
                }],
            },
        }
    }

    #[test]
    fn deprecated_node_labels() {
        let mut p = pv("n", "1Gi", PvSource::Nfs(nfs("s", "/e")));
        p.spec.node_affinity = Some(zone_affinity("topology.kubernetes.io/zone"));
        assert_no_warnings(&p.check());
        p.spec.node_affinity = Some(zone_affinity("failure-domain.beta.kubernetes.io/zone"));
        let r = p.check();
        assert_eq!(
            warning(
                &r,
                "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].key"
            )
            .message,
            "failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use \"topology.kubernetes.io/zone\" instead"
        );

        let mut sc = storage_class("s", "p.io");
        sc.allowed_topologies = vec![TopologySelectorTerm {
            match_label_expressions: vec![TopologyRequirement {
                key: "failure-domain.beta.kubernetes.io/region".into(),
                values: vec!["r".into()],
            }],
        }];
        let r = sc.check();
        assert!(
            warning(&r, "allowedTopologies[0].matchLabelExpressions[0].key")
                .message
                .contains("topology.kubernetes.io/region")
        );

        let mut p = pod("p", vec![]);
        p.spec
            .node_selector
            .insert("beta.kubernetes.io/os".into(), "linux".into());
        let r = p.check();
        assert_eq!(
            warning(&r, "spec.nodeSelector[beta.kubernetes.io/os]").message,
            "deprecated since v1.14; use \"kubernetes.io/os\" instead"
        );
    }

    #[test]
    fn grace_periods() {
        let mut s = statefulset("web");
        s.spec.template.spec.termination_grace_period_seconds = Some(1);
        assert_no_warnings(&s.check());
        s.spec.template.spec.termination_grace_period_seconds = Some(0);
        let r = s.check();
        assert_clean(&r);
        assert!(
            warning(&r, "spec.template.spec.terminationGracePeriodSeconds")
                .message
                .contains("unsafe for stateful pods")
        );
        // A bare pod may use 0.
        let mut p = pod("p", vec![]);
        p.spec.termination_grace_period_seconds = Some(0);
        assert_no_warnings(&p.check());
        p.spec.termination_grace_period_seconds = Some(-1);
        let r = p.check();
        assert_clean(&r);
        assert!(
            warning(&r, "spec.terminationGracePeriodSeconds")
                .message
                .starts_with("must be >= 0; negative values are invalid and will be treated as 1")
        );
    }

    #[test]
    fn statefulset_name_length() {
        assert_no_warnings(&statefulset(&"w".repeat(52)).check());
        let r = statefulset(&"w".repeat(53)).check();
        assert_clean(&r);
        assert!(
            warning(&r, "metadata.name")
                .message
                .contains("use at most 52 characters")
        );
    }

    #[test]
    fn duplicate_ports_and_env() {
        let mut a = container("a");
        a.ports.push(port(Some("http"), 80));
        a.env = vec![
            EnvVar {
                name: "PATH".into(),
                value: "/bin".into(),
                ..Default::default()
            },
            EnvVar {
                name: "PATH".into(),
                value: "$(PATH):/usr/local/bin".into(),
                ..Default::default()
            },
            EnvVar {
                name: "MODE".into(),
                value: "a".into(),
                ..Default::default()
            },
            EnvVar {
                name: "MODE".into(),
                value: "b".into(),
                ..Default::default()
            },
        ];
        let mut b = container("b");
        b.ports.push(port(None, 80));
        let mut p = pod("p", vec![]);
        p.spec.containers = vec![a, b];
        let r = p.check();
        assert_clean(&r);
        assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
        assert_eq!(
            warning(&r, "spec.containers[1].ports[0]").message,
            "duplicate port definition with spec.containers[0].ports[0]; remove one of them"
        );
        assert!(
            warning(&r, "spec.containers[0].env[3]")
                .message
                .starts_with("hides previous definition of \"MODE\"")
        );
    }

    #[test]
    fn in_tree_provisioners() {
        assert_no_warnings(&storage_class("s", "pd.csi.storage.gke.io").check());
        let r = storage_class("s", "kubernetes.io/gce-pd").check_for(v(30));
        assert_clean(&r);
        assert_eq!(
            warning(&r, "provisioner").message,
            "kubernetes.io/gce-pd is an in-tree provisioner: the in-tree gcePersistentDisk plugin \
             was deprecated in Kubernetes 1.17 and removed in 1.28 (target 1.30); provisioning only \
             works through CSI migration, with the \"pd.csi.storage.gke.io\" CSI driver installed: \
             write provisioner \"pd.csi.storage.gke.io\" instead"
        );
        let r = storage_class("s", "kubernetes.io/glusterfs").check();
        assert!(
            warning(&r, "provisioner")
                .message
                .ends_with("no maintained CSI driver: use a provisioner of storage that has one")
        );
    }

    #[test]
    fn default_class_annotation_value() {
        let mut sc = storage_class("s", "p.io");
        sc.metadata
            .annotations
            .insert(DEFAULT_CLASS_ANNOTATION.into(), "true".into());
        assert_no_warnings(&sc.check());
        sc.metadata
            .annotations
            .insert(DEFAULT_CLASS_ANNOTATION.into(), "yes".into());
        warning(
            &sc.check(),
            "metadata.annotations[storageclass.kubernetes.io/is-default-class]",
        );
    }
}
