//! Mutation rows: warnings (rules/warnings.rs).

use super::*;

/// §14 and §15: warnings (the API server's, and kvol's own where marked `kvol-`).
pub(super) fn warnings(rows: &mut Vec<Row>) {
    rows.push(model(
        "14/pv-recycle",
        pv_nfs(),
        "spec.persistentVolumeReclaimPolicy",
        WARNING,
        |p| p.spec.reclaim_policy = Some(ReclaimPolicy::Recycle),
        |p| p.spec.reclaim_policy = Some(ReclaimPolicy::Delete),
    ));
    let beta = "volume.beta.kubernetes.io/storage-class";
    rows.push(model(
        "14/beta-storage-class-annotation-pv",
        pv_nfs(),
        &format!("metadata.annotations[{beta}]"),
        WARNING,
        move |p| {
            p.metadata
                .annotations
                .insert(beta.into(), "standard".into());
        },
        |p| p.spec.storage_class_name = Some("standard".into()),
    ));
    rows.push(model(
        "14/beta-storage-class-annotation-pvc",
        pvc(),
        &format!("metadata.annotations[{beta}]"),
        WARNING,
        move |c| {
            c.metadata
                .annotations
                .insert(beta.into(), "standard".into());
        },
        |_| {},
    ));
    rows.push(model(
        "14/beta-storage-class-annotation-claim-template",
        sts(),
        &format!("spec.volumeClaimTemplates[0].metadata.annotations[{beta}]"),
        WARNING,
        move |s| {
            s.spec.volume_claim_templates[0]
                .metadata
                .annotations
                .insert(beta.into(), "standard".into());
        },
        |_| {},
    ));
    for plugin in ["cephfs", "rbd", "glusterfs"] {
        let id = match plugin {
            "cephfs" => "14/cephfs-deprecated",
            "rbd" => "14/rbd-deprecated",
            _ => "14/glusterfs-deprecated",
        };
        rows.push(model(
            id,
            pv_legacy(plugin),
            &format!("spec.{plugin}"),
            WARNING,
            |_| {},
            |p| p.spec.source = PvSource::csi("rbd.csi.ceph.com", "h"),
        ));
    }
    let request = "spec.resources.requests[storage]";
    rows.push(model(
        "14/fractional-bytes-request",
        pvc(),
        request,
        WARNING,
        |c| c.spec.resources.requests = q("1500m"),
        |c| c.spec.resources.requests = q("1.5Ki"),
    ));
    rows.push(model(
        "14/fractional-bytes-limit",
        pvc(),
        "spec.resources.limits[storage]",
        WARNING,
        |c| c.spec.resources.limits = Some(q("2.5")),
        |c| c.spec.resources.limits = Some(q("2.5k")),
    ));
    rows.push(model(
        "14/fractional-bytes-claim-template",
        sts(),
        // The StatefulSet strategy's WarningsOnCreate: `spec.volumeClaimTemplates[i]`, no `spec`.
        "spec.volumeClaimTemplates[0].resources.requests[storage]",
        WARNING,
        |s| s.spec.volume_claim_templates[0].spec.resources.requests = q("0.5"),
        |s| s.spec.volume_claim_templates[0].spec.resources.requests = q("1"),
    ));
    rows.push(model(
        "14/fractional-bytes-ephemeral",
        pod_with(ephemeral_source()),
        &format!("spec.volumes[0].ephemeral.volumeClaimTemplate.{request}"),
        WARNING,
        |p| {
            ephemeral_of(p)
                .volume_claim_template
                .spec
                .resources
                .requests = q("1n")
        },
        |p| {
            ephemeral_of(p)
                .volume_claim_template
                .spec
                .resources
                .requests = q("1e3")
        },
    ));
    rows.push(model(
        "14/kvol-fractional-bytes-capacity",
        pv_nfs(),
        "spec.capacity[storage]",
        WARNING,
        |p| p.spec.capacity = q("100m"),
        |p| p.spec.capacity = q("1"),
    ));
    rows.push(model(
        "14/deprecated-node-label-pv",
        pv_local(),
        "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].key",
        WARNING,
        |p| requirement0(p).key = "failure-domain.beta.kubernetes.io/zone".into(),
        |p| requirement0(p).key = "topology.kubernetes.io/zone".into(),
    ));
    rows.push(model(
        "14/deprecated-node-label-node-selector",
        pod(),
        "spec.nodeSelector[beta.kubernetes.io/os]",
        WARNING,
        |p| {
            p.spec
                .node_selector
                .insert("beta.kubernetes.io/os".into(), "linux".into());
        },
        |p| {
            p.spec
                .node_selector
                .insert("kubernetes.io/os".into(), "linux".into());
        },
    ));
    rows.push(model(
        "14/deprecated-node-label-topology",
        sc(),
        "allowedTopologies[0].matchLabelExpressions[0].key",
        WARNING,
        |c| {
            c.allowed_topologies = vec![topology(&[(
                "failure-domain.beta.kubernetes.io/region",
                &["r"],
            )])]
        },
        |c| c.allowed_topologies = vec![topology(&[("topology.kubernetes.io/region", &["r"])])],
    ));
    rows.push(model(
        "14/duplicate-container-port",
        pod(),
        "spec.containers[1].ports[0]",
        WARNING,
        |p| {
            let c = Container::builder("sidecar", "busybox").port(80);
            p.spec.containers.push(c.into());
        },
        |p| {
            let c = Container::builder("sidecar", "busybox").port_with(ContainerPort {
                container_port: 80,
                name: None,
                protocol: Protocol::UDP,
            });
            p.spec.containers.push(c.into());
        },
    ));
    rows.push(model(
        "14/duplicate-env",
        pod(),
        "spec.containers[0].env[1]",
        WARNING,
        |p| {
            let c = &mut p.spec.containers[0];
            c.env.push(EnvVar {
                name: "MODE".into(),
                value: "a".into(),
            });
            c.env.push(EnvVar {
                name: "MODE".into(),
                value: "b".into(),
            });
        },
        // Redefining a variable in terms of itself is not a warning.
        |p| {
            let c = &mut p.spec.containers[0];
            c.env.push(EnvVar {
                name: "MODE".into(),
                value: "a".into(),
            });
            c.env.push(EnvVar {
                name: "MODE".into(),
                value: "$(MODE)-b".into(),
            });
        },
    ));
    rows.push(model(
        "14/pod-name-hostname",
        pod(),
        "metadata.name",
        WARNING,
        // A valid subdomain that is not a label: it becomes the Pod's hostname.
        |p| p.metadata.name = "web.example".into(),
        |p| p.metadata.name = "web-example".into(),
    ));
    rows.push(model(
        "14/kvol-hostPath-without-type",
        pod_with(VolumeSource::host_path("/var/log", HostPathType::Directory)),
        "spec.volumes[0].hostPath.type",
        WARNING,
        |p| host_path_of(p).kind = None,
        |p| host_path_of(p).kind = Some(HostPathType::FileOrCreate),
    ));
    rows.push(model(
        "14/kvol-hostPath-without-type-pv",
        pv_host_path(),
        "spec.hostPath.type",
        WARNING,
        |p| pv_host_path_of(p).kind = None,
        |p| pv_host_path_of(p).kind = Some(HostPathType::Socket),
    ));
    rows.push(model(
        "14/negative-grace-period",
        pod(),
        "spec.terminationGracePeriodSeconds",
        WARNING,
        |p| p.spec.termination_grace_period_seconds = Some(-1),
        |p| p.spec.termination_grace_period_seconds = Some(0),
    ));
    rows.push(model(
        "14/kvol-statefulset-grace-zero",
        sts(),
        "spec.template.spec.terminationGracePeriodSeconds",
        WARNING,
        |s| s.spec.template.spec.termination_grace_period_seconds = Some(0),
        |s| s.spec.template.spec.termination_grace_period_seconds = Some(1),
    ));
    rows.push(model(
        "14/kvol-statefulset-name-length",
        sts(),
        "metadata.name",
        WARNING,
        |s| s.metadata.name = long('w', 53),
        |s| s.metadata.name = long('w', 52),
    ));
    let max_unavailable = |s: &mut StatefulSet| {
        s.spec.update_strategy = rolling(None, Some(IntOrPercent::Int(2)));
    };
    rows.push(Row {
        id: "14/kvol-maxUnavailable-feature-gate",
        path: "spec.updateStrategy.rollingUpdate.maxUnavailable".into(),
        // kvol's own error: the API server drops the field before 1.35
        // (dropStatefulSetDisabledFields), the user's rollout setting would be lost.
        expect: FORBIDDEN,
        // Dropped before 1.35 (the MaxUnavailableStatefulSet gate is off by default there).
        targets: 30..=34,
        reject: Box::new(move |target| {
            let mut s = sts();
            max_unavailable(&mut s);
            s.check_for(target)
        }),
        // Beta, on by default, from 1.35: the twin is the same object at 1.35.
        accept: Box::new(move |_| {
            let mut s = sts();
            max_unavailable(&mut s);
            s.check_for(v(35))
        }),
    });
    rows.push(model(
        "14/kvol-default-class-annotation-value",
        sc(),
        "metadata.annotations[storageclass.kubernetes.io/is-default-class]",
        WARNING,
        |c| {
            c.metadata.annotations.insert(
                "storageclass.kubernetes.io/is-default-class".into(),
                "yes".into(),
            );
        },
        |c| {
            c.metadata.annotations.insert(
                "storageclass.kubernetes.io/is-default-class".into(),
                "false".into(),
            );
        },
    ));
    // Warned for every target release, before and after the in-tree driver's removal.
    let plugins: [(&str, &'static str, &'static str); 10] = [
        (
            "gcePersistentDisk",
            "15/gcePersistentDisk",
            "15/gcePersistentDisk-newest",
        ),
        (
            "awsElasticBlockStore",
            "15/awsElasticBlockStore",
            "15/awsElasticBlockStore-newest",
        ),
        ("azureDisk", "15/azureDisk", "15/azureDisk-newest"),
        ("azureFile", "15/azureFile", "15/azureFile-newest"),
        ("cephfs", "15/cephfs", "15/cephfs-newest"),
        ("cinder", "15/cinder", "15/cinder-newest"),
        ("glusterfs", "15/glusterfs", "15/glusterfs-newest"),
        ("rbd", "15/rbd", "15/rbd-newest"),
        (
            "vsphereVolume",
            "15/vsphereVolume",
            "15/vsphereVolume-newest",
        ),
        (
            "portworxVolume",
            "15/portworxVolume",
            "15/portworxVolume-newest",
        ),
    ];
    for (plugin, oldest, newest) in plugins {
        // The same verdict at every target (the rows' ids name the release they were written
        // for: the oldest, with the in-tree driver still there, and the newest).
        for id in [oldest, newest] {
            rows.push(model_for(
                id,
                ALL_TARGETS,
                pv_legacy(plugin),
                &format!("spec.{plugin}"),
                WARNING,
                |_| {},
                |p| p.spec.source = PvSource::csi("pd.csi.storage.gke.io", "h"),
            ));
        }
    }
    rows.push(model(
        "15/kvol-in-tree-provisioner",
        sc(),
        "provisioner",
        WARNING,
        |c| c.provisioner = "kubernetes.io/aws-ebs".into(),
        |c| c.provisioner = "ebs.csi.aws.com".into(),
    ));
}
