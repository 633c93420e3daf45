//! Mutation rows: the container fields of the second release (rules/container.rs): devices,
//! mount options, host ports, environment sources, security context, resources, probes and
//! lifecycle hooks.

use super::*;
use kvol_core::{
    container::{
        ContainerRestartPolicy, EnvFromRef, EnvFromSource, EnvVarSource, MountPropagationMode,
        RecursiveReadOnlyMode, VolumeDevice,
    },
    probe::{ExecAction, GrpcAction, LifecycleHandler, Probe},
    resources::ResourceRequirements,
    security::{Capabilities, SeccompProfile, SeccompProfileType, SecurityContext},
};

/// Pod `web`: container `app` mounting emptyDir `data` at `/data` and claim `raw` as the
/// raw device `/dev/xvda`.
fn block_pod() -> Pod {
    valid(
        Pod::builder("web")
            .container(
                Container::builder("app", "nginx:1.27")
                    .named_port("http", 80)
                    .mount("data", "/data")
                    .device("raw", "/dev/xvda"),
            )
            .volume("data", VolumeSource::empty_dir())
            .volume("raw", VolumeSource::claim("raw-block", false))
            .build(),
    )
}

fn app(p: &mut Pod) -> &mut Container {
    &mut p.spec.containers[0]
}

fn sc(p: &mut Pod) -> &mut SecurityContext {
    app(p).security_context.get_or_insert_with(Default::default)
}

fn res(p: &mut Pod) -> &mut ResourceRequirements {
    app(p).resources.get_or_insert_with(Default::default)
}

/// An init container `init` (busybox) added to the pod.
fn init(p: &mut Pod) -> &mut Container {
    p.spec
        .init_containers
        .push(Container::new("init", "busybox:1.36"));
    p.spec.init_containers.last_mut().expect("just pushed")
}

/// §6.1–6.6: the second release's container fields.
pub(super) fn container_fields(rows: &mut Vec<Row>) {
    mounts_and_devices(rows);
    ports_env_security(rows);
    resources(rows);
    probes_and_hooks(rows);
}

fn mounts_and_devices(rows: &mut Vec<Row>) {
    rows.push(model(
        "6.1/mount-name-in-volumeDevices",
        block_pod(),
        "spec.containers[0].volumeMounts[1].name",
        INVALID,
        |p| app(p).volume_mounts.push(VolumeMount::new("raw", "/raw")),
        |p| app(p).volume_mounts.push(VolumeMount::new("data", "/raw")),
    ));
    rows.push(model(
        "6.1/mountPath-is-devicePath",
        block_pod(),
        "spec.containers[0].volumeMounts[0].mountPath",
        INVALID,
        |p| mount0(p).mount_path = "/dev/xvda".into(),
        |p| mount0(p).mount_path = "/dev/xvdb".into(),
    ));
    rows.push(model(
        "6.1/subPathExpr",
        pod(),
        "spec.containers[0].volumeMounts[0].subPathExpr",
        INVALID,
        |p| {
            mount0(p).sub_path = Some("a".into());
            mount0(p).sub_path_expr = Some("$(POD_NAME)".into());
        },
        |p| mount0(p).sub_path_expr = Some("$(POD_NAME)".into()),
    ));
    rows.push(model(
        "6.1/mountPropagation",
        pod(),
        "spec.containers[0].volumeMounts.mountPropagation",
        FORBIDDEN,
        |p| mount0(p).mount_propagation = Some(MountPropagationMode::Bidirectional),
        |p| {
            mount0(p).mount_propagation = Some(MountPropagationMode::Bidirectional);
            sc(p).privileged = Some(true);
        },
    ));
    rows.push(model(
        "6.1/recursiveReadOnly",
        pod(),
        "spec.containers[0].volumeMounts.recursiveReadOnly",
        FORBIDDEN,
        |p| mount0(p).recursive_read_only = Some(RecursiveReadOnlyMode::Enabled),
        |p| {
            mount0(p).recursive_read_only = Some(RecursiveReadOnlyMode::Enabled);
            mount0(p).read_only = true;
        },
    ));
    rows.push(model(
        "6.2/volumeDevices-name",
        block_pod(),
        "spec.containers[0].volumeDevices[1].name",
        INVALID,
        |p| {
            app(p)
                .volume_devices
                .push(VolumeDevice::new("raw", "/dev/xvdb"))
        },
        |p| app(p).volume_devices[0].device_path = "/dev/xvdb".into(),
    ));
    rows.push(model(
        "6.2/volumeDevices-source",
        block_pod(),
        "spec.containers[0].volumeDevices[0].name",
        INVALID,
        |p| p.spec.volumes[1].source = VolumeSource::empty_dir(),
        |p| p.spec.volumes[1].source = VolumeSource::claim("other", true),
    ));
    rows.push(model(
        "6.2/volumeDevices-devicePath",
        block_pod(),
        "spec.containers[0].volumeDevices[0].devicePath",
        INVALID,
        |p| app(p).volume_devices[0].device_path = "/dev/../xvda".into(),
        |p| app(p).volume_devices[0].device_path = "/dev/..xvda".into(),
    ));
    rows.push(model(
        "6.2/volumeDevices-collisions",
        block_pod(),
        "spec.containers[0].volumeDevices[0].devicePath",
        INVALID,
        |p| app(p).volume_devices[0].device_path = "/data".into(),
        |p| app(p).volume_devices[0].device_path = "/data/dev".into(),
    ));
}

fn ports_env_security(rows: &mut Vec<Row>) {
    rows.push(model(
        "6.3/hostPort",
        pod(),
        "spec.containers[0].ports[0].hostPort",
        INVALID,
        |p| app(p).ports[0].host_port = Some(65536),
        |p| app(p).ports[0].host_port = Some(65535),
    ));
    rows.push(model(
        "6.3/hostPort-conflicts",
        pod(),
        "spec.containers[1].ports[0].hostPort",
        DUPLICATE,
        |p| {
            app(p).ports[0].host_port = Some(8080);
            let mut side = Container::new("side", "busybox");
            side.ports.push(ContainerPort {
                container_port: 81,
                host_port: Some(8080),
                ..Default::default()
            });
            p.spec.containers.push(side);
        },
        |p| {
            app(p).ports[0].host_port = Some(8080);
            let mut side = Container::new("side", "busybox");
            side.ports.push(ContainerPort {
                container_port: 81,
                host_port: Some(8080),
                protocol: Protocol::UDP,
                ..Default::default()
            });
            p.spec.containers.push(side);
        },
    ));
    rows.push(model(
        "6.4/env-valueFrom",
        pod(),
        "spec.containers[0].env[0].valueFrom",
        INVALID,
        |p| {
            let mut var = EnvVar::from_source("POD", EnvVarSource::field("metadata.name"));
            var.value = "x".into();
            app(p).env.push(var);
        },
        |p| {
            let var = EnvVar::from_source("POD", EnvVarSource::field("metadata.name"));
            app(p).env.push(var);
        },
    ));
    rows.push(model(
        "6.4/env-fieldRef",
        pod(),
        "spec.containers[0].env[0].valueFrom.fieldRef.fieldPath",
        NOT_SUPPORTED,
        |p| {
            let var = EnvVar::from_source("PHASE", EnvVarSource::field("status.phase"));
            app(p).env.push(var);
        },
        |p| {
            let var = EnvVar::from_source("IPS", EnvVarSource::field("status.podIPs"));
            app(p).env.push(var);
        },
    ));
    rows.push(model(
        "6.4/env-resourceFieldRef",
        pod(),
        "spec.containers[0].env[0].valueFrom.resourceFieldRef.resource",
        NOT_SUPPORTED,
        |p| {
            let var = EnvVar::from_source("MEM", EnvVarSource::resource("memory"));
            app(p).env.push(var);
        },
        |p| {
            let var = EnvVar::from_source("MEM", EnvVarSource::resource("limits.hugepages-2Mi"));
            app(p).env.push(var);
        },
    ));
    rows.push(model(
        "6.4/env-key-selector",
        pod(),
        "spec.containers[0].env[0].valueFrom.secretKeyRef.key",
        INVALID,
        |p| {
            let var = EnvVar::from_source("PW", EnvVarSource::secret_key("db", "pass word"));
            app(p).env.push(var);
        },
        |p| {
            let var = EnvVar::from_source("PW", EnvVarSource::secret_key("db", "pass_word.txt"));
            app(p).env.push(var);
        },
    ));
    rows.push(model(
        "6.4/envFrom-prefix",
        pod(),
        "spec.containers[0].envFrom[0].prefix",
        INVALID,
        |p| {
            app(p).env_from.push(EnvFromSource {
                prefix: Some("A=".into()),
                ..EnvFromSource::config_map("cm")
            })
        },
        |p| {
            // Valid under the strict names (before 1.32) and the relaxed ones alike.
            app(p).env_from.push(EnvFromSource {
                prefix: Some("A_".into()),
                ..EnvFromSource::config_map("cm")
            })
        },
    ));
    rows.push(model(
        "6.4/envFrom-one-source",
        pod(),
        "spec.containers[0].envFrom",
        INVALID,
        |p| {
            app(p).env_from.push(EnvFromSource {
                secret_ref: Some(EnvFromRef::new("s")),
                ..EnvFromSource::config_map("cm")
            })
        },
        |p| app(p).env_from.push(EnvFromSource::secret("s")),
    ));
    rows.push(model(
        "6.4/security-ids",
        pod(),
        "spec.containers[0].securityContext.runAsUser",
        INVALID,
        |p| sc(p).run_as_user = Some(-1),
        |p| sc(p).run_as_user = Some(0),
    ));
    rows.push(model(
        "6.4/seccomp-localhost-profile",
        pod(),
        "spec.containers[0].securityContext.seccompProfile.localhostProfile",
        INVALID,
        |p| {
            sc(p).seccomp_profile = Some(SeccompProfile {
                localhost_profile: Some("profiles/app.json".into()),
                kind: SeccompProfileType::RuntimeDefault,
            })
        },
        |p| {
            sc(p).seccomp_profile = Some(SeccompProfile {
                localhost_profile: Some("profiles/app.json".into()),
                kind: SeccompProfileType::Localhost,
            })
        },
    ));
    rows.push(model(
        "6.4/security-privilege-escalation",
        pod(),
        "spec.containers[0].securityContext",
        INVALID,
        |p| {
            sc(p).allow_privilege_escalation = Some(false);
            sc(p).capabilities = Some(Capabilities {
                add: vec!["CAP_SYS_ADMIN".into()],
                drop: vec![],
            });
        },
        |p| {
            sc(p).allow_privilege_escalation = Some(false);
            sc(p).capabilities = Some(Capabilities {
                add: vec!["SYS_ADMIN".into()],
                drop: vec![],
            });
        },
    ));
}

fn resources(rows: &mut Vec<Row>) {
    rows.push(model(
        "6.6/resource-name",
        pod(),
        "spec.containers[0].resources.requests[gpu]",
        INVALID,
        |p| {
            res(p).requests.insert("gpu".into(), q("1"));
        },
        |p| {
            res(p).requests.insert("example.com/gpu".into(), q("1"));
            res(p).limits.insert("example.com/gpu".into(), q("1"));
        },
    ));
    rows.push(model(
        "6.6/resource-nonnegative",
        pod(),
        "spec.containers[0].resources.requests[cpu]",
        INVALID,
        |p| {
            res(p).requests.insert("cpu".into(), q("-1m"));
        },
        |p| {
            res(p).requests.insert("cpu".into(), q("0"));
        },
    ));
    rows.push(model(
        "3.4/integer-resources",
        pod(),
        "spec.containers[0].resources.limits[example.com/gpu]",
        INVALID,
        |p| {
            res(p).limits.insert("example.com/gpu".into(), q("500m"));
        },
        |p| {
            res(p).limits.insert("example.com/gpu".into(), q("1"));
        },
    ));
    rows.push(model(
        "14/fractional-bytes-container",
        pod(),
        "spec.containers[0].resources.limits[memory]",
        WARNING,
        |p| {
            res(p).limits.insert("memory".into(), q("1.5"));
        },
        |p| {
            res(p).limits.insert("memory".into(), q("1.5Ki"));
        },
    ));
    rows.push(model(
        "6.6/request-at-most-limit",
        pod(),
        "spec.containers[0].resources.requests",
        INVALID,
        |p| {
            res(p).requests.insert("memory".into(), q("1025Mi"));
            res(p).limits.insert("memory".into(), q("1Gi"));
        },
        |p| {
            res(p).requests.insert("memory".into(), q("1024Mi"));
            res(p).limits.insert("memory".into(), q("1Gi"));
        },
    ));
    rows.push(model(
        "6.6/extended-resource-limit",
        pod(),
        "spec.containers[0].resources.limits",
        REQUIRED,
        |p| {
            res(p).requests.insert("nvidia.com/gpu".into(), q("1"));
        },
        |p| {
            res(p).limits.insert("nvidia.com/gpu".into(), q("1"));
        },
    ));
    rows.push(model(
        "6.6/hugepages-need-cpu-or-memory",
        pod(),
        "spec.containers[0].resources",
        FORBIDDEN,
        |p| {
            res(p).limits.insert("hugepages-2Mi".into(), q("64Mi"));
            res(p).requests.insert("hugepages-2Mi".into(), q("64Mi"));
        },
        |p| {
            res(p).limits.insert("hugepages-2Mi".into(), q("64Mi"));
            res(p).requests.insert("hugepages-2Mi".into(), q("64Mi"));
            res(p).limits.insert("memory".into(), q("128Mi"));
        },
    ));
}

fn probes_and_hooks(rows: &mut Vec<Row>) {
    rows.push(model(
        "6.4/container-restartPolicy",
        pod(),
        "spec.containers[0].restartPolicy",
        FORBIDDEN,
        |p| app(p).restart_policy = Some(ContainerRestartPolicy::Always),
        |p| init(p).restart_policy = Some(ContainerRestartPolicy::Always),
    ));
    rows.push(model(
        "6.4/init-probes-lifecycle",
        pod(),
        "spec.initContainers[0].readinessProbe",
        FORBIDDEN,
        |p| init(p).readiness_probe = Some(Probe::tcp_socket(80)),
        |p| {
            let c = init(p);
            c.readiness_probe = Some(Probe::tcp_socket(80));
            c.restart_policy = Some(ContainerRestartPolicy::Always);
        },
    ));
    rows.push(model(
        "6.5/handler-one",
        pod(),
        "spec.containers[0].livenessProbe.grpc",
        FORBIDDEN,
        |p| {
            let mut probe = Probe::tcp_socket(80);
            probe.grpc = Some(GrpcAction {
                port: 80,
                service: None,
            });
            app(p).liveness_probe = Some(probe);
        },
        |p| app(p).liveness_probe = Some(Probe::grpc(80)),
    ));
    rows.push(model(
        "6.5/handler-port",
        pod(),
        "spec.containers[0].readinessProbe.httpGet.port",
        INVALID,
        |p| app(p).readiness_probe = Some(Probe::http_get("/", "http_1")),
        |p| app(p).readiness_probe = Some(Probe::http_get("/", "http")),
    ));
    rows.push(model(
        "6.5/kvol-probe-port-name-exists",
        pod(),
        "spec.containers[0].livenessProbe.httpGet.port",
        NOT_FOUND,
        |p| app(p).liveness_probe = Some(Probe::http_get("/healthz", "htp")),
        |p| app(p).liveness_probe = Some(Probe::http_get("/healthz", "http")),
    ));
    rows.push(model(
        "6.5/http-header-name",
        pod(),
        "spec.containers[0].readinessProbe.httpGet.httpHeaders",
        INVALID,
        |p| {
            let mut probe = Probe::http_get("/", 80);
            if let Some(h) = probe.http_get.as_mut() {
                h.http_headers.push(kvol_core::probe::HttpHeader {
                    name: "X_Probe".into(),
                    value: "1".into(),
                });
            }
            app(p).readiness_probe = Some(probe);
        },
        |p| {
            let mut probe = Probe::http_get("/", 80);
            if let Some(h) = probe.http_get.as_mut() {
                h.http_headers.push(kvol_core::probe::HttpHeader {
                    name: "X-Probe".into(),
                    value: "1_2 3".into(),
                });
            }
            app(p).readiness_probe = Some(probe);
        },
    ));
    rows.push(model(
        "6.5/exec-command",
        pod(),
        "spec.containers[0].startupProbe.exec.command",
        REQUIRED,
        |p| {
            app(p).startup_probe = Some(Probe {
                exec: Some(ExecAction::default()),
                ..Default::default()
            })
        },
        |p| app(p).startup_probe = Some(Probe::exec(["true"])),
    ));
    rows.push(model(
        "6.5/probe-nonnegative",
        pod(),
        "spec.containers[0].readinessProbe.periodSeconds",
        INVALID,
        |p| app(p).readiness_probe = Some(Probe::tcp_socket(80).period(-1)),
        |p| app(p).readiness_probe = Some(Probe::tcp_socket(80).period(0)),
    ));
    rows.push(model(
        "6.5/probe-success-threshold",
        pod(),
        "spec.containers[0].livenessProbe.successThreshold",
        INVALID,
        |p| app(p).liveness_probe = Some(Probe::tcp_socket(80).success_threshold(2)),
        // Readiness probes may need several successes.
        |p| app(p).readiness_probe = Some(Probe::tcp_socket(80).success_threshold(2)),
    ));
    rows.push(model(
        "6.5/probe-grace-positive",
        pod(),
        "spec.containers[0].livenessProbe.terminationGracePeriodSeconds",
        INVALID,
        |p| {
            let mut probe = Probe::tcp_socket(80);
            probe.termination_grace_period_seconds = Some(0);
            app(p).liveness_probe = Some(probe);
        },
        |p| {
            let mut probe = Probe::tcp_socket(80);
            probe.termination_grace_period_seconds = Some(1);
            app(p).liveness_probe = Some(probe);
        },
    ));
    rows.push(model(
        "6.5/sleep-seconds",
        pod(),
        "spec.containers[0].lifecycle.preStop.sleep",
        INVALID,
        |p| {
            p.spec.termination_grace_period_seconds = Some(10);
            app(p).lifecycle = Some(kvol_core::probe::Lifecycle {
                post_start: None,
                pre_stop: Some(LifecycleHandler::sleep(11)),
            });
        },
        |p| {
            p.spec.termination_grace_period_seconds = Some(10);
            app(p).lifecycle = Some(kvol_core::probe::Lifecycle {
                post_start: None,
                pre_stop: Some(LifecycleHandler::sleep(10)),
            });
        },
    ));
    // Zero seconds: refused before 1.33, accepted from 1.33 (PodLifecycleSleepActionAllowZero;
    // the unit tests of rules/container.rs check 1.33).
    rows.push(model_for(
        "6.5/sleep-seconds-positive",
        30..=32,
        pod(),
        "spec.containers[0].lifecycle.preStop.sleep",
        INVALID,
        |p| {
            app(p).lifecycle = Some(kvol_core::probe::Lifecycle {
                post_start: None,
                pre_stop: Some(LifecycleHandler::sleep(0)),
            });
        },
        |p| {
            app(p).lifecycle = Some(kvol_core::probe::Lifecycle {
                post_start: None,
                pre_stop: Some(LifecycleHandler::sleep(1)),
            });
        },
    ));
}
