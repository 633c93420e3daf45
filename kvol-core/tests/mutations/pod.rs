//! Mutation rows: pod specs: containers, ports, environment, mounts (rules/pod.rs).

use super::*;

/// §6: containers, mounts, ports, and the pod spec fields kvol models.
pub(super) fn containers(rows: &mut Vec<Row>) {
    rows.push(model(
        "6.1/mount-name-required",
        pod(),
        "spec.containers[0].volumeMounts[0].name",
        REQUIRED,
        |p| mount0(p).name.clear(),
        |p| mount0(p).name = "data".into(),
    ));
    rows.push(model(
        "6.1/mount-not-found",
        pod(),
        "spec.containers[0].volumeMounts[0].name",
        NOT_FOUND,
        |p| mount0(p).name = "html".into(),
        |p| mount0(p).name = "data".into(),
    ));
    rows.push(model(
        "6.1/mountPath-required",
        pod(),
        "spec.containers[0].volumeMounts[0].mountPath",
        REQUIRED,
        |p| mount0(p).mount_path.clear(),
        // Absolute paths are not enforced by the API server.
        |p| mount0(p).mount_path = "data".into(),
    ));
    rows.push(model(
        "6.1/mountPath-unique",
        pod(),
        "spec.containers[0].volumeMounts[1].mountPath",
        INVALID,
        |p| {
            p.spec.containers[0]
                .volume_mounts
                .push(VolumeMount::new("data", "/data"))
        },
        |p| {
            p.spec.containers[0]
                .volume_mounts
                .push(VolumeMount::new("data", "/data/"))
        },
    ));
    rows.push(model(
        "6.1/subPath-relative",
        pod(),
        "spec.containers[0].volumeMounts.subPath",
        INVALID,
        |p| mount0(p).sub_path = Some("/html".into()),
        |p| mount0(p).sub_path = Some("site/html".into()),
    ));
    rows.push(model(
        "6.1/subPath-backsteps",
        pod(),
        "spec.containers[0].volumeMounts.subPath",
        INVALID,
        |p| mount0(p).sub_path = Some("site/../..".into()),
        |p| mount0(p).sub_path = Some("..site".into()),
    ));
    rows.push(model(
        "6.3/port-name-duplicate",
        pod(),
        "spec.containers[0].ports[1].name",
        DUPLICATE,
        |p| {
            p.spec.containers[0].ports.push(ContainerPort {
                container_port: 81,
                name: Some("http".into()),
                protocol: Protocol::TCP,
            })
        },
        |p| {
            p.spec.containers[0].ports.push(ContainerPort {
                container_port: 81,
                name: Some("http-alt".into()),
                protocol: Protocol::TCP,
            })
        },
    ));
    rows.push(model(
        "6.3/containerPort-required",
        pod(),
        "spec.containers[0].ports[0].containerPort",
        REQUIRED,
        |p| port0(p).container_port = 0,
        |p| port0(p).container_port = 1,
    ));
    rows.push(model(
        "6.3/containerPort-range",
        pod(),
        "spec.containers[0].ports[0].containerPort",
        INVALID,
        |p| port0(p).container_port = 65536,
        |p| port0(p).container_port = 65535,
    ));
    rows.push(model(
        "6.3/containerPort-negative",
        pod(),
        "spec.containers[0].ports[0].containerPort",
        INVALID,
        |p| port0(p).container_port = -1,
        |p| port0(p).container_port = 1,
    ));
    rows.push(model(
        "6.4/containers-required",
        pod(),
        "spec.containers",
        REQUIRED,
        |p| {
            p.spec.containers.clear();
        },
        |_| {},
    ));
    rows.push(model(
        "6.4/container-name-required",
        pod(),
        "spec.containers[0].name",
        REQUIRED,
        |p| p.spec.containers[0].name.clear(),
        |p| p.spec.containers[0].name = "a".into(),
    ));
    rows.push(model(
        "6.4/container-name-unique",
        pod(),
        "spec.containers[1].name",
        DUPLICATE,
        |p| p.spec.containers.push(Container::new("app", "busybox")),
        |p| p.spec.containers.push(Container::new("app2", "busybox")),
    ));
    rows.push(model(
        "6.4/init-container-name-unique",
        pod(),
        "spec.initContainers[0].name",
        DUPLICATE,
        |p| {
            p.spec
                .init_containers
                .push(Container::new("app", "busybox"))
        },
        |p| {
            p.spec
                .init_containers
                .push(Container::new("init", "busybox"))
        },
    ));
    rows.push(model(
        "6.4/image-required",
        pod(),
        "spec.containers[0].image",
        REQUIRED,
        |p| p.spec.containers[0].image.clear(),
        |p| p.spec.containers[0].image = "x".into(),
    ));
    rows.push(model(
        "6.4/image-whitespace",
        pod(),
        "spec.containers[0].image",
        INVALID,
        |p| p.spec.containers[0].image = "nginx:1.27 ".into(),
        |p| p.spec.containers[0].image = "nginx: 1.27".into(),
    ));
    rows.push(model(
        "6.4/serviceAccountName",
        pod(),
        "spec.serviceAccountName",
        INVALID,
        |p| p.spec.service_account_name = Some("Backup".into()),
        |p| p.spec.service_account_name = Some("backup.writer".into()),
    ));
    rows.push(model(
        "6.4/nodeSelector",
        pod(),
        "spec.nodeSelector",
        INVALID,
        |p| {
            p.spec
                .node_selector
                .insert("disktype".into(), "ssd only".into());
        },
        |p| {
            p.spec.node_selector.insert("disktype".into(), "ssd".into());
        },
    ));
    let env = |name: &str| EnvVar {
        name: name.into(),
        value: "v".into(),
    };
    rows.push(model(
        "6.4/env-name-required",
        pod(),
        "spec.containers[0].env[0].name",
        REQUIRED,
        move |p| p.spec.containers[0].env.push(env("")),
        move |p| p.spec.containers[0].env.push(env("A")),
    ));
    // RelaxedEnvironmentVariableValidation, on by default from 1.32.
    rows.push(model_for(
        "6.4/env-name-relaxed",
        32..=37,
        pod(),
        "spec.containers[0].env[0].name",
        INVALID,
        move |p| p.spec.containers[0].env.push(env("A=B")),
        // Since 1.32 any printable ASCII but '=' is accepted.
        move |p| p.spec.containers[0].env.push(env("1st var!")),
    ));
    rows.push(model_for(
        "6.4/env-name-strict",
        30..=31,
        pod(),
        "spec.containers[0].env[0].name",
        INVALID,
        move |p| p.spec.containers[0].env.push(env("1st")),
        move |p| p.spec.containers[0].env.push(env("_1st.var-x")),
    ));
}
