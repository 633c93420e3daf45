//! The container fields of the second release (`pkg/apis/core/validation`): the rest of
//! `ValidateVolumeMounts` (subPathExpr, mountPropagation, recursiveReadOnly, collisions with
//! devices), `ValidateVolumeDevices`, `validateContainerPorts`' hostPort and
//! `checkHostPortConflicts`, `validateEnvVarValueFrom`, `ValidateEnvFrom`,
//! `ValidateSecurityContext`, the container resource requirements, and the probes and
//! lifecycle hooks of `validateContainers` / `validateInitContainers` (`validateProbe`,
//! `validateHandler`, `validateSleepAction`).

use super::{
    common::{PathRules, local_descending, nonnegative},
    ids, volume,
};
use crate::{
    container::{EnvFromSource, EnvVar, KeySelector, MountPropagationMode, RecursiveReadOnlyMode},
    names,
    pod::{Container, ContainerPort},
    probe::{LifecycleHandler, Probe, TargetPort},
    report::{FieldError, FieldPath},
    resources::{HUGEPAGES_PREFIX, ResourceRequirements},
    security::{SeccompProfile, SeccompProfileType},
    validate::Checker,
    version::KubeVersion,
};
use std::collections::{BTreeMap, BTreeSet};

/// The pod's volumes as `ValidateVolumeDevices` sees them: name → usable as a block device
/// (a `persistentVolumeClaim` or `ephemeral` volume, or a StatefulSet claim template).
pub(crate) type DeviceSources = BTreeMap<String, bool>;

/// The rules of `validateContainerCommon` for the second release's fields.
pub(crate) fn common(
    checker: &mut Checker,
    c: &Container,
    devices: &DeviceSources,
    path: &FieldPath,
) {
    mounts(checker, c, &path.child("volumeMounts"));
    volume_devices(checker, c, devices, &path.child("volumeDevices"));
    host_ports(checker, &c.ports, &path.child("ports"));
    for (i, var) in c.env.iter().enumerate() {
        value_from(checker, var, &path.child("env").index(i).child("valueFrom"));
    }
    env_from(checker, &c.env_from, &path.child("envFrom"));
    if let Some(r) = &c.resources {
        resources(checker, r, &path.child("resources"));
    }
    security(checker, c, &path.child("securityContext"));
}

/// `validateContainers`: probes and hooks are checked; a container restart policy is
/// forbidden on regular containers.
pub(crate) fn regular(checker: &mut Checker, c: &Container, grace: i64, path: &FieldPath) {
    probes_and_hooks(checker, c, grace, path);
    if c.restart_policy.is_some() {
        checker.error(FieldError::forbidden(
            ids::S6_4_CONTAINER_RESTART_POLICY,
            path.child("restartPolicy"),
            "may not be set for non-init containers",
        ));
    }
}

/// `validateInitContainers`: a sidecar (`restartPolicy: Always`) has probes and hooks like a
/// regular container; any other init container may have neither.
pub(crate) fn init(checker: &mut Checker, c: &Container, grace: i64, path: &FieldPath) {
    if c.is_sidecar() {
        probes_and_hooks(checker, c, grace, path);
        return;
    }
    const MSG: &str = "may not be set for init containers without restartPolicy=Always";
    let fields = [
        ("lifecycle", c.lifecycle.is_some()),
        ("livenessProbe", c.liveness_probe.is_some()),
        ("readinessProbe", c.readiness_probe.is_some()),
        ("startupProbe", c.startup_probe.is_some()),
    ];
    for (name, set) in fields {
        if set {
            checker.error(FieldError::forbidden(
                ids::S6_4_INIT_PROBES_LIFECYCLE,
                path.child(name),
                MSG,
            ));
        }
    }
}

/// `checkHostPortConflicts`: `protocol/hostIP/hostPort` unique across `list` (all regular
/// containers together; each init container alone).
pub(crate) fn host_port_conflicts(checker: &mut Checker, list: &[&Container], path: &FieldPath) {
    let mut seen = BTreeSet::new();
    for (ci, c) in list.iter().enumerate() {
        for (pi, p) in c.ports.iter().enumerate() {
            let Some(port) = p.host_port.filter(|n| *n != 0) else {
                continue;
            };
            let key = format!("{}//{port}", p.protocol);
            if !seen.insert(key.clone()) {
                checker.error(super::common::duplicate_raw(
                    ids::S6_3_HOST_PORT_CONFLICTS,
                    path.index(ci).child("ports").index(pi).child("hostPort"),
                    format!("{key:?}"),
                ));
            }
        }
    }
}

fn probes_and_hooks(checker: &mut Checker, c: &Container, grace: i64, path: &FieldPath) {
    if let Some(l) = &c.lifecycle {
        let lp = path.child("lifecycle");
        if let Some(h) = &l.post_start {
            hook(checker, c, h, grace, &lp.child("postStart"));
        }
        if let Some(h) = &l.pre_stop {
            hook(checker, c, h, grace, &lp.child("preStop"));
        }
    }
    for (name, p) in c.probes() {
        let pp = path.child(name);
        probe(checker, c, p, &pp);
        if name != "readinessProbe"
            && let Some(n) = p.success_threshold.filter(|n| *n != 1 && *n != 0)
        {
            // 0 is defaulted to 1 before validation.
            checker.error(FieldError::invalid_number(
                ids::S6_5_PROBE_SUCCESS_THRESHOLD,
                pp.child("successThreshold"),
                i64::from(n),
                "must be 1",
            ));
        }
    }
}

/// `validateHandler`: exactly one action, each action's own rules.
fn handler_count(checker: &mut Checker, set: &[(&str, bool)], path: &FieldPath) -> bool {
    let mut n = 0;
    for (name, is_set) in set {
        if *is_set {
            if n > 0 {
                checker.error(FieldError::forbidden(
                    ids::S6_5_HANDLER_ONE,
                    path.child(name),
                    "may not specify more than 1 handler type",
                ));
            }
            n += 1;
        }
    }
    if n == 0 {
        checker.error(FieldError::required(
            ids::S6_5_HANDLER_ONE,
            path.clone(),
            "must specify a handler type",
        ));
    }
    n == 1
}

fn port_ref(checker: &mut Checker, c: &Container, port: &TargetPort, path: FieldPath) {
    if let TargetPort::Name(name) = port
        && names::port_name(name).is_ok()
        && !c.ports.iter().any(|p| p.name.as_deref() == Some(name))
    {
        // kvol's own rule: the kubelet resolves the name among this container's ports only.
        let named: Vec<&str> = c.ports.iter().filter_map(|p| p.name.as_deref()).collect();
        let mut error = FieldError::not_found(ids::S6_5_KVOL_PROBE_PORT_NAME_EXISTS, path, name);
        error = match crate::suggest::closest_name(name, named.iter().copied()) {
            Some(meant) => error.with_help(format!(
                "the kubelet looks the name up among the container's own ports and fails the \
                 probe when none has it; did you mean {}?",
                crate::report::quote(meant)
            )),
            None if !named.is_empty() => {
                let list: Vec<String> = named.iter().map(|n| crate::report::quote(n)).collect();
                error.with_help(format!(
                    "the kubelet looks the name up among the container's own ports ({}) and \
                     fails the probe when none has it: name one of them, or give the port number",
                    list.join(", ")
                ))
            }
            None => error.with_help(
                "the kubelet looks the name up among the container's own ports, and this \
                 container names none: give the port number, or name the container's port",
            ),
        };
        checker.error(error);
        return;
    }
    match port {
        TargetPort::Number(n) => {
            if let Err(e) = names::port_number(i64::from(*n)) {
                for msg in e.messages {
                    checker.error(FieldError::invalid_number(
                        ids::S6_5_HANDLER_PORT,
                        path.clone(),
                        i64::from(*n),
                        msg,
                    ));
                }
            }
        }
        TargetPort::Name(name) => {
            if let Err(e) = names::port_name(name) {
                for msg in e.messages {
                    checker.error(FieldError::invalid(
                        ids::S6_5_HANDLER_PORT,
                        path.clone(),
                        name,
                        msg,
                    ));
                }
            }
        }
    }
}

fn actions(
    checker: &mut Checker,
    c: &Container,
    exec: Option<&crate::probe::ExecAction>,
    http: Option<&crate::probe::HttpGetAction>,
    tcp: Option<&crate::probe::TcpSocketAction>,
    path: &FieldPath,
) {
    if let Some(e) = exec
        && e.command.is_empty()
    {
        checker.error(FieldError::required(
            ids::S6_5_EXEC_COMMAND,
            path.child("exec").child("command"),
            "",
        ));
    }
    if let Some(h) = http {
        port_ref(checker, c, &h.port, path.child("httpGet").child("port"));
        for header in &h.http_headers {
            let ok = !header.name.is_empty()
                && header
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-');
            if !ok {
                // `IsHTTPHeaderName`; the path has no index, as the server reports it.
                checker.error(FieldError::invalid(
                    ids::S6_5_HTTP_HEADER_NAME,
                    path.child("httpGet").child("httpHeaders"),
                    &header.name,
                    "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. \
                     'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
                ));
            }
        }
    }
    if let Some(t) = tcp {
        port_ref(checker, c, &t.port, path.child("tcpSocket").child("port"));
    }
}

/// `validateProbe`.
fn probe(checker: &mut Checker, c: &Container, p: &Probe, path: &FieldPath) {
    let set = [
        ("exec", p.exec.is_some()),
        ("httpGet", p.http_get.is_some()),
        ("tcpSocket", p.tcp_socket.is_some()),
        ("grpc", p.grpc.is_some()),
    ];
    if handler_count(checker, &set, path) {
        actions(
            checker,
            c,
            p.exec.as_ref(),
            p.http_get.as_ref(),
            p.tcp_socket.as_ref(),
            path,
        );
        if let Some(g) = &p.grpc {
            port_ref(
                checker,
                c,
                &TargetPort::Number(g.port),
                path.child("grpc").child("port"),
            );
        }
    }
    let timing = [
        ("initialDelaySeconds", p.initial_delay_seconds),
        ("timeoutSeconds", p.timeout_seconds),
        ("periodSeconds", p.period_seconds),
        ("successThreshold", p.success_threshold),
        ("failureThreshold", p.failure_threshold),
    ];
    for (name, v) in timing {
        if let Some(v) = v {
            nonnegative(
                checker,
                ids::S6_5_PROBE_NONNEGATIVE,
                path.child(name),
                i64::from(v),
            );
        }
    }
    if let Some(g) = p.termination_grace_period_seconds.filter(|g| *g <= 0) {
        checker.error(FieldError::invalid_number(
            ids::S6_5_PROBE_GRACE_POSITIVE,
            path.child("terminationGracePeriodSeconds"),
            g,
            "must be greater than 0",
        ));
    }
}

/// A lifecycle hook (`validateHandler` with `sleep`).
fn hook(checker: &mut Checker, c: &Container, h: &LifecycleHandler, grace: i64, path: &FieldPath) {
    let set = [
        ("exec", h.exec.is_some()),
        ("httpGet", h.http_get.is_some()),
        ("tcpSocket", h.tcp_socket.is_some()),
        ("sleep", h.sleep.is_some()),
    ];
    if !handler_count(checker, &set, path) {
        return;
    }
    actions(
        checker,
        c,
        h.exec.as_ref(),
        h.http_get.as_ref(),
        h.tcp_socket.as_ref(),
        path,
    );
    if let Some(s) = &h.sleep {
        // PodLifecycleSleepActionAllowZero: on by default from 1.33.
        let zero_ok = checker.target() >= KubeVersion::new(33).unwrap_or(KubeVersion::OLDEST);
        let low_ok = if zero_ok {
            s.seconds >= 0
        } else {
            s.seconds > 0
        };
        if !low_ok || s.seconds > grace {
            let msg = if zero_ok {
                format!(
                    "must be non-negative and less than terminationGracePeriodSeconds ({grace})"
                )
            } else {
                format!(
                    "must be greater than 0 and less than terminationGracePeriodSeconds \
                     ({grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for \
                     zero sleep."
                )
            };
            let rule = if low_ok {
                ids::S6_5_SLEEP_SECONDS
            } else {
                ids::S6_5_SLEEP_SECONDS_POSITIVE
            };
            checker.error(FieldError::invalid_number(
                rule,
                path.child("sleep"),
                s.seconds,
                msg,
            ));
        }
    }
}

/// The rest of `ValidateVolumeMounts`.
fn mounts(checker: &mut Checker, c: &Container, path: &FieldPath) {
    let device_names: BTreeSet<&str> = c.volume_devices.iter().map(|d| d.name.as_str()).collect();
    let device_paths: BTreeSet<&str> = c
        .volume_devices
        .iter()
        .map(|d| d.device_path.as_str())
        .collect();
    let privileged = c
        .security_context
        .as_ref()
        .and_then(|s| s.privileged)
        .unwrap_or(false);
    for (i, m) in c.volume_mounts.iter().enumerate() {
        let idx = path.index(i);
        if device_names.contains(m.name.as_str()) {
            checker.error(FieldError::invalid(
                ids::S6_1_MOUNT_NAME_IN_VOLUME_DEVICES,
                idx.child("name"),
                &m.name,
                "must not already exist in volumeDevices",
            ));
        }
        if device_paths.contains(m.mount_path.as_str()) {
            checker.error(FieldError::invalid(
                ids::S6_1_MOUNT_PATH_IS_DEVICE_PATH,
                idx.child("mountPath"),
                &m.mount_path,
                "must not already exist as a path in volumeDevices",
            ));
        }
        if let Some(expr) = m.sub_path_expr.as_deref().filter(|s| !s.is_empty()) {
            if m.sub_path.as_deref().is_some_and(|s| !s.is_empty()) {
                checker.error(FieldError::invalid(
                    ids::S6_1_SUB_PATH_EXPR,
                    idx.child("subPathExpr"),
                    expr,
                    "subPathExpr and subPath are mutually exclusive",
                ));
            }
            let rules = PathRules {
                relative: ids::S6_1_SUB_PATH_EXPR,
                backsteps: ids::S6_1_SUB_PATH_EXPR,
                dotdot_prefix: ids::S6_1_SUB_PATH_EXPR,
            };
            local_descending(checker, rules, &path.child("subPathExpr"), expr);
        }
        if m.mount_propagation == Some(MountPropagationMode::Bidirectional) && !privileged {
            checker.error(FieldError::forbidden(
                ids::S6_1_MOUNT_PROPAGATION,
                path.child("mountPropagation"),
                "Bidirectional mount propagation is available only to privileged containers",
            ));
        }
        if matches!(
            m.recursive_read_only,
            Some(RecursiveReadOnlyMode::Enabled | RecursiveReadOnlyMode::IfPossible)
        ) {
            let rro = path.child("recursiveReadOnly");
            if !m.read_only {
                checker.error(FieldError::forbidden(
                    ids::S6_1_RECURSIVE_READ_ONLY,
                    rro.clone(),
                    "may only be specified when readOnly is true",
                ));
            }
            if m.mount_propagation
                .is_some_and(|p| p != MountPropagationMode::None)
            {
                checker.error(FieldError::forbidden(
                    ids::S6_1_RECURSIVE_READ_ONLY,
                    rro,
                    "may only be specified when mountPropagation is None or not specified",
                ));
            }
        }
    }
}

/// `ValidateVolumeDevices`.
fn volume_devices(checker: &mut Checker, c: &Container, sources: &DeviceSources, path: &FieldPath) {
    let mount_names: BTreeSet<&str> = c.volume_mounts.iter().map(|m| m.name.as_str()).collect();
    let mount_paths: BTreeSet<&str> = c
        .volume_mounts
        .iter()
        .map(|m| m.mount_path.as_str())
        .collect();
    let (mut names, mut paths) = (BTreeSet::new(), BTreeSet::new());
    for (i, d) in c.volume_devices.iter().enumerate() {
        let idx = path.index(i);
        let name = idx.child("name");
        if d.name.is_empty() {
            checker.error(FieldError::required(
                ids::S6_2_VOLUME_DEVICES_NAME,
                name.clone(),
                "",
            ));
        }
        if names.contains(d.name.as_str()) {
            checker.error(FieldError::invalid(
                ids::S6_2_VOLUME_DEVICES_NAME,
                name.clone(),
                &d.name,
                "must be unique",
            ));
        }
        match sources.get(&d.name) {
            Some(false) => checker.error(FieldError::invalid(
                ids::S6_2_VOLUME_DEVICES_SOURCE,
                name.clone(),
                &d.name,
                "can only use volume source type of PersistentVolumeClaim or Ephemeral for block \
                 mode",
            )),
            None => checker.error(FieldError::not_found(
                ids::S6_2_VOLUME_DEVICES_SOURCE,
                name.clone(),
                &d.name,
            )),
            Some(true) => {}
        }
        let dp = idx.child("devicePath");
        if d.device_path.is_empty() {
            checker.error(FieldError::required(
                ids::S6_2_VOLUME_DEVICES_DEVICE_PATH,
                dp.clone(),
                "",
            ));
        }
        if paths.contains(d.device_path.as_str()) {
            checker.error(FieldError::invalid(
                ids::S6_2_VOLUME_DEVICES_DEVICE_PATH,
                dp.clone(),
                &d.device_path,
                "must be unique",
            ));
        }
        if !d.device_path.is_empty() && d.device_path.split(['/', '\\']).any(|s| s == "..") {
            checker.error(FieldError::invalid(
                ids::S6_2_VOLUME_DEVICES_DEVICE_PATH,
                dp.clone(),
                &d.device_path,
                "can not contain backsteps ('..')",
            ));
        } else {
            paths.insert(d.device_path.as_str());
        }
        if mount_names.contains(d.name.as_str()) {
            checker.error(FieldError::invalid(
                ids::S6_2_VOLUME_DEVICES_COLLISIONS,
                name,
                &d.name,
                "must not already exist in volumeMounts",
            ));
        }
        if mount_paths.contains(d.device_path.as_str()) {
            checker.error(FieldError::invalid(
                ids::S6_2_VOLUME_DEVICES_COLLISIONS,
                dp,
                &d.device_path,
                "must not already exist as a path in volumeMounts",
            ));
        }
        if !d.name.is_empty() {
            names.insert(d.name.as_str());
        }
    }
}

/// `validateContainerPorts`: a hostPort other than 0 is a port number.
fn host_ports(checker: &mut Checker, ports: &[ContainerPort], path: &FieldPath) {
    for (i, p) in ports.iter().enumerate() {
        let Some(n) = p.host_port.filter(|n| *n != 0) else {
            continue;
        };
        if let Err(e) = names::port_number(i64::from(n)) {
            for msg in e.messages {
                checker.error(FieldError::invalid_number(
                    ids::S6_3_HOST_PORT,
                    path.index(i).child("hostPort"),
                    i64::from(n),
                    msg,
                ));
            }
        }
    }
}

/// `validEnvDownwardAPIFieldPathExpressions`, sorted.
const ENV_FIELDS: [&str; 9] = [
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "spec.nodeName",
    "spec.serviceAccountName",
    "status.hostIP",
    "status.hostIPs",
    "status.podIP",
    "status.podIPs",
];

/// `validateConfigMapKeySelector` / `validateSecretKeySelector`: the key is required and a
/// valid ConfigMap key.
fn key_selector(checker: &mut Checker, s: &KeySelector, path: &FieldPath) {
    let key = path.child("key");
    if s.key.is_empty() {
        checker.error(FieldError::required(ids::S6_4_ENV_KEY_SELECTOR, key, ""));
    } else if let Err(e) = names::config_map_key(&s.key) {
        for msg in e.messages {
            checker.error(FieldError::invalid(
                ids::S6_4_ENV_KEY_SELECTOR,
                key.clone(),
                &s.key,
                msg,
            ));
        }
    }
}

/// `validateEnvVarValueFrom`: each source's own rules; exactly one source, and no literal
/// value beside it.
fn value_from(checker: &mut Checker, var: &EnvVar, path: &FieldPath) {
    let Some(src) = &var.value_from else {
        return;
    };
    if let Some(f) = &src.field_ref {
        volume::object_field_selector(
            checker,
            &f.field_path,
            &path.child("fieldRef"),
            &ENV_FIELDS,
            ids::S6_4_ENV_FIELD_REF,
        );
    }
    if let Some(r) = &src.resource_field_ref {
        let p = path.child("resourceFieldRef");
        let supported = volume::RESOURCE_FIELDS.contains(&r.resource.as_str())
            || volume::HUGEPAGES_PREFIXES
                .iter()
                .any(|pre| r.resource.starts_with(pre));
        if r.resource.is_empty() {
            checker.error(FieldError::required(
                ids::S6_4_ENV_RESOURCE_FIELD_REF,
                p.child("resource"),
                "",
            ));
        } else if !supported {
            checker.error(FieldError::not_supported(
                ids::S6_4_ENV_RESOURCE_FIELD_REF,
                p.child("resource"),
                &r.resource,
                &volume::RESOURCE_FIELDS,
            ));
        }
        if let Some(d) = r.divisor.as_ref().filter(|d| !d.is_zero()) {
            volume::resource_divisor(checker, &r.resource, &d.canonical(), &p.child("divisor"));
        }
    }
    if let Some(k) = &src.config_map_key_ref {
        key_selector(checker, k, &path.child("configMapKeyRef"));
    }
    if let Some(k) = &src.secret_key_ref {
        key_selector(checker, k, &path.child("secretKeyRef"));
    }
    let msg = match src.count() {
        0 => {
            "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or \
              `secretKeyRef`"
        }
        _ if !var.value.is_empty() => "may not be specified when `value` is not empty",
        1 => return,
        _ => "may not have more than one field specified at a time",
    };
    checker.error(FieldError::invalid(
        ids::S6_4_ENV_VALUE_FROM,
        path.clone(),
        "",
        msg,
    ));
}

/// `ValidateEnvFrom`: a prefix is a variable name (relaxed from 1.32, as names), and exactly one
/// of `configMapRef` and `secretRef` (that error's path is the list's, without the index, as the
/// server reports it).
fn env_from(checker: &mut Checker, list: &[EnvFromSource], path: &FieldPath) {
    let relaxed = checker.target() >= KubeVersion::new(32).unwrap_or(KubeVersion::OLDEST);
    for (i, e) in list.iter().enumerate() {
        if let Some(prefix) = e.prefix.as_deref().filter(|p| !p.is_empty()) {
            let msgs = if relaxed {
                super::pod::relaxed_env_name(prefix)
            } else {
                super::pod::strict_env_name(prefix)
            };
            for msg in msgs {
                checker.error(FieldError::invalid(
                    ids::S6_4_ENV_FROM_PREFIX,
                    path.index(i).child("prefix"),
                    prefix,
                    msg,
                ));
            }
        }
        let n = usize::from(e.config_map_ref.is_some()) + usize::from(e.secret_ref.is_some());
        let msg = match n {
            0 => "must specify one of: `configMapRef` or `secretRef`",
            1 => continue,
            _ => "may not have more than one field specified at a time",
        };
        checker.error(FieldError::invalid(
            ids::S6_4_ENV_FROM_ONE_SOURCE,
            path.clone(),
            "",
            msg,
        ));
    }
}

/// Resources whose requests the node may overcommit: the native ones but huge pages (extended
/// resources, such as `nvidia.com/gpu`, and huge pages may not).
fn overcommit_allowed(name: &str) -> bool {
    // `IsOvercommitAllowed`: native resources (no domain, or a kubernetes.io one) except huge
    // pages.
    let native = !name.contains('/') || name.contains("kubernetes.io/");
    native && !name.starts_with(HUGEPAGES_PREFIX)
}

/// The container's resource requirements: standard names, requests at most the limits,
/// extended resources with a limit equal to the request, huge pages with cpu or memory.
fn resources(checker: &mut Checker, r: &ResourceRequirements, path: &FieldPath) {
    let standard = |name: &str| {
        matches!(name, "cpu" | "memory" | "ephemeral-storage") || name.starts_with(HUGEPAGES_PREFIX)
    };
    let (req_path, lim_path) = (path.child("requests"), path.child("limits"));
    for (list, p) in [(&r.limits, &lim_path), (&r.requests, &req_path)] {
        for (name, q) in list {
            // `ValidateResourceQuantityValue`: not negative; extended resources whole.
            if q.is_negative() {
                checker.error(FieldError::invalid(
                    ids::S6_6_RESOURCE_NONNEGATIVE,
                    p.key(name),
                    &q.to_string(),
                    super::common::NEGATIVE,
                ));
            } else if !overcommit_allowed(name)
                && !name.starts_with(HUGEPAGES_PREFIX)
                && q.api_fractional_bytes()
            {
                checker.error(FieldError::invalid(
                    ids::S3_4_INTEGER_RESOURCES,
                    p.key(name),
                    &q.to_string(),
                    "must be an integer",
                ));
            }
            // `warningsForPodSpecAndMeta`: fractional bytes of memory and ephemeral storage.
            if name == "memory" || name == "ephemeral-storage" {
                super::warnings::fractional_bytes(checker, q, p.key(name));
            }
        }
        for name in list.keys() {
            if !name.contains('/') && !standard(name) {
                checker.error(FieldError::invalid(
                    ids::S6_6_RESOURCE_NAME,
                    p.key(name),
                    name,
                    "must be a standard resource for containers",
                ));
            }
        }
    }
    for (name, q) in &r.requests {
        match r.limits.get(name) {
            Some(limit) if !overcommit_allowed(name) && q != limit => {
                checker.error(FieldError::invalid(
                    ids::S6_6_EXTENDED_RESOURCE_LIMIT,
                    req_path.clone(),
                    &q.to_string(),
                    format!("must be equal to {name} limit of {limit}"),
                ));
            }
            Some(limit) if q > limit => {
                checker.error(FieldError::invalid(
                    ids::S6_6_REQUEST_AT_MOST_LIMIT,
                    req_path.clone(),
                    &q.to_string(),
                    format!("must be less than or equal to {name} limit of {limit}"),
                ));
            }
            None if !overcommit_allowed(name) => {
                checker.error(FieldError::required(
                    ids::S6_6_EXTENDED_RESOURCE_LIMIT,
                    lim_path.clone(),
                    "Limit must be set for non overcommitable resources",
                ));
            }
            _ => {}
        }
    }
    let has = |prefix: &str| {
        r.limits
            .keys()
            .chain(r.requests.keys())
            .any(|k| k.starts_with(prefix))
    };
    let cpu_or_memory = r
        .limits
        .keys()
        .chain(r.requests.keys())
        .any(|k| k == "cpu" || k == "memory");
    if has(HUGEPAGES_PREFIX) && !cpu_or_memory {
        checker.error(FieldError::forbidden(
            ids::S6_6_HUGEPAGES_NEED_CPU_OR_MEMORY,
            path.clone(),
            "HugePages require cpu or memory",
        ));
    }
}

/// `ValidateSecurityContext`: user and group ids, and no `allowPrivilegeEscalation: false`
/// beside `privileged: true` or the added capability `CAP_SYS_ADMIN`.
fn security(checker: &mut Checker, c: &Container, path: &FieldPath) {
    let Some(sc) = &c.security_context else {
        return;
    };
    for (name, id) in [
        ("runAsUser", sc.run_as_user),
        ("runAsGroup", sc.run_as_group),
    ] {
        if let Some(id) = id.filter(|id| !(0..=i64::from(i32::MAX)).contains(id)) {
            checker.error(FieldError::invalid_number(
                ids::S6_4_SECURITY_IDS,
                path.child(name),
                id,
                "must be between 0 and 2147483647, inclusive",
            ));
        }
    }
    if let Some(sp) = &sc.seccomp_profile {
        seccomp_profile(checker, sp, &path.child("seccompProfile"));
    }
    if sc.allow_privilege_escalation == Some(false) {
        if sc.privileged == Some(true) {
            checker.error(FieldError::invalid(
                ids::S6_4_SECURITY_PRIVILEGE_ESCALATION,
                path.clone(),
                "",
                "cannot set `allowPrivilegeEscalation` to false and `privileged` to true",
            ));
        }
        let sys_admin = sc
            .capabilities
            .as_ref()
            .is_some_and(|caps| caps.add.iter().any(|c| c == "CAP_SYS_ADMIN"));
        if sys_admin {
            checker.error(FieldError::invalid(
                ids::S6_4_SECURITY_PRIVILEGE_ESCALATION,
                path.clone(),
                "",
                "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` \
                 CAP_SYS_ADMIN",
            ));
        }
    }
}

/// `validateSeccompProfileField` (containers; the pod's `securityContext.seccompProfile` follows
/// the same rules): `localhostProfile` is required for, and only allowed with, `Localhost`, as a
/// relative path without `..`.
pub(crate) fn seccomp_profile(checker: &mut Checker, sp: &SeccompProfile, path: &FieldPath) {
    let file = path.child("localhostProfile");
    match (&sp.kind, &sp.localhost_profile) {
        (SeccompProfileType::Localhost, None) => checker.error(FieldError::required(
            ids::S6_4_SECCOMP_LOCALHOST_PROFILE,
            file,
            "must be set when seccomp type is Localhost",
        )),
        (SeccompProfileType::Localhost, Some(profile)) => {
            let rules = PathRules {
                relative: ids::S6_4_SECCOMP_LOCALHOST_PROFILE,
                backsteps: ids::S6_4_SECCOMP_LOCALHOST_PROFILE,
                dotdot_prefix: ids::S6_4_SECCOMP_LOCALHOST_PROFILE,
            };
            local_descending(checker, rules, &file, profile);
        }
        (_, Some(profile)) => checker.error(FieldError::invalid(
            ids::S6_4_SECCOMP_LOCALHOST_PROFILE,
            file,
            profile,
            "can only be set when seccomp type is Localhost",
        )),
        (_, None) => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::{
        Container, KubeVersion, Pod, Validate,
        probe::{Lifecycle, LifecycleHandler},
    };

    fn with_sleep(seconds: i64) -> Pod {
        let mut p = Pod::builder("web")
            .container(Container::builder("app", "nginx"))
            .build()
            .expect("valid")
            .into_inner();
        p.spec.containers[0].lifecycle = Some(Lifecycle {
            post_start: None,
            pre_stop: Some(LifecycleHandler::sleep(seconds)),
        });
        p
    }

    #[test]
    fn a_zero_sleep_is_accepted_from_1_33() {
        let v = |m| KubeVersion::new(m).expect("supported");
        assert!(with_sleep(0).check_for(v(33)).is_ok());
        assert!(with_sleep(0).check_for(v(37)).is_ok());
        let r = with_sleep(0).check_for(v(32));
        assert_eq!(r.errors.len(), 1, "{r}");
        assert!(
            r.to_string().contains(
                "must be greater than 0 and less than terminationGracePeriodSeconds (30)"
            ),
            "{r}"
        );
        assert!(!with_sleep(-1).check_for(v(37)).is_ok());
        assert!(!with_sleep(31).check_for(v(37)).is_ok());
        assert!(with_sleep(30).check_for(v(37)).is_ok());
    }
}
