//! The container keys of the second release (see `parse::container`): each key lowered in one
//! place, into `ContainerBuilder` calls and kvol-core records.

use super::{Cx, words::word};
use crate::{
    ast::{Action, ContainerExtra, EnvFrom, EnvValue, PortRef, ProbeAst, SecurityAst, Str},
    lowered::{Lowered, call, ctor, opt, record, vec},
};
use kvol_core::{
    FieldPath,
    builder::ContainerBuilder,
    container::{EnvFromSource, EnvVarSource},
    probe::{
        ExecAction, GrpcAction, HttpGetAction, LifecycleHandler, Probe, SleepAction, TargetPort,
        TcpSocketAction,
    },
    security::SecurityContext,
};

/// `Some(x)` for a given string, `None` otherwise.
fn opt_str(cx: &mut Cx, s: Option<&Str>) -> Lowered<Option<String>> {
    opt(s.map(|s| cx.string(&s.value)))
}

/// `Some(true)` when the flag was written, `None` otherwise.
fn opt_flag(cx: &mut Cx, set: bool) -> Lowered<Option<bool>> {
    opt(set.then(|| cx.boolean(true)))
}

/// Every key of `extra` applied to the builder `b` of the container at `path`.
pub fn lower(
    cx: &mut Cx,
    extra: &ContainerExtra,
    path: &FieldPath,
    mut b: Lowered<ContainerBuilder>,
) -> Lowered<ContainerBuilder> {
    let k = cx.k.clone();
    if let Some(w) = extra.pull_policy {
        cx.reg(&path.child("imagePullPolicy"), w.sp);
        let policy = word(&k, w.value);
        b = call!(b.image_pull_policy(policy));
    }
    if let Some(s) = &extra.working_dir {
        cx.reg(&path.child("workingDir"), s.sp);
        let dir = cx.string(&s.value);
        b = call!(b.working_dir(dir));
    }
    for (i, f) in extra.env_from.iter().enumerate() {
        let source = env_from(cx, f, &path.child("envFrom").index(i));
        b = call!(b.env_from(source));
    }
    for (list, key) in [(&extra.requests, "requests"), (&extra.limits, "limits")] {
        if let (Some((first, _)), Some((_, last))) = (list.first(), list.last()) {
            let sp = first.sp.to(last.sp());
            cx.reg(&path.child("resources").child(key), sp);
            cx.reg(&path.child("resources"), sp);
        }
    }
    for (name, q) in &extra.requests {
        let p = path.child("resources").child("requests").key(&name.value);
        cx.reg_quantity(&p, q);
        let (resource, quantity) = (cx.string(&name.value), cx.quantity(q));
        b = call!(b.request(resource, quantity));
    }
    for (name, q) in &extra.limits {
        let p = path.child("resources").child("limits").key(&name.value);
        cx.reg_quantity(&p, q);
        let (resource, quantity) = (cx.string(&name.value), cx.quantity(q));
        b = call!(b.limit(resource, quantity));
    }
    if let Some(pr) = &extra.liveness {
        let probe = probe(cx, pr, &path.child("livenessProbe"));
        b = call!(b.liveness(probe));
    }
    if let Some(pr) = &extra.readiness {
        let probe = probe(cx, pr, &path.child("readinessProbe"));
        b = call!(b.readiness(probe));
    }
    if let Some(pr) = &extra.startup {
        let probe = probe(cx, pr, &path.child("startupProbe"));
        b = call!(b.startup(probe));
    }
    if let Some(a) = &extra.post_start {
        let hook = hook(cx, a, &path.child("lifecycle").child("postStart"));
        b = call!(b.post_start(hook));
    }
    if let Some(a) = &extra.pre_stop {
        let hook = hook(cx, a, &path.child("lifecycle").child("preStop"));
        b = call!(b.pre_stop(hook));
    }
    if let Some(s) = &extra.security {
        let context = security(cx, s, &path.child("securityContext"));
        b = call!(b.security_context(context));
    }
    if let Some(w) = extra.restart {
        cx.reg(&path.child("restartPolicy"), w.sp);
        b = call!(b.sidecar());
    }
    if let Some(w) = extra.termination_message_policy {
        cx.reg(&path.child("terminationMessagePolicy"), w.sp);
        let policy = word(&k, w.value);
        b = call!(b.termination_message_policy(policy));
    }
    if let Some(s) = &extra.termination_message_path {
        cx.reg(&path.child("terminationMessagePath"), s.sp);
        let message_path = cx.string(&s.value);
        b = call!(b.termination_message_path(message_path));
    }
    for (i, (volume, device)) in extra.devices.iter().enumerate() {
        let p = path.child("volumeDevices").index(i);
        cx.reg(&p, volume.sp.to(device.sp));
        cx.reg(&p.child("name"), volume.sp);
        cx.reg(&p.child("devicePath"), device.sp);
        let (name, device_path) = (cx.string(&volume.value), cx.string(&device.value));
        b = call!(b.device(name, device_path));
    }
    b
}

/// An `envFrom` entry.
fn env_from(cx: &mut Cx, f: &EnvFrom, path: &FieldPath) -> Lowered<EnvFromSource> {
    cx.reg(path, f.sp);
    let which = if f.secret {
        "secretRef"
    } else {
        "configMapRef"
    };
    cx.reg(&path.child(which).child("name"), f.name.sp);
    if let Some(s) = &f.prefix {
        cx.reg(&path.child("prefix"), s.sp);
    }
    let k = cx.k.clone();
    let name = cx.string(&f.name.value);
    let optional = opt_flag(cx, f.optional);
    let r = record!(k, container::EnvFromRef { name, optional });
    let (config_map_ref, secret_ref) = if f.secret {
        (opt(None), opt(Some(r)))
    } else {
        (opt(Some(r)), opt(None))
    };
    let prefix = opt_str(cx, f.prefix.as_ref());
    record!(
        k,
        container::EnvFromSource {
            config_map_ref,
            prefix,
            secret_ref,
        }
    )
}

/// A `valueFrom` (the value is not a literal).
pub fn env_source(cx: &mut Cx, v: &EnvValue, path: &FieldPath) -> Lowered<EnvVarSource> {
    let k = cx.k.clone();
    let (mut config_map_key_ref, mut field_ref, mut resource_field_ref, mut secret_key_ref) =
        (opt(None), opt(None), opt(None), opt(None));
    match v {
        EnvValue::Key {
            secret,
            object,
            key,
            optional,
            sp,
        } => {
            let p = path.child(if *secret {
                "secretKeyRef"
            } else {
                "configMapKeyRef"
            });
            cx.reg(path, *sp);
            cx.reg(&p.child("name"), object.sp);
            cx.reg(&p.child("key"), key.sp);
            let (name, key) = (cx.string(&object.value), cx.string(&key.value));
            let optional = opt_flag(cx, *optional);
            let r = opt(Some(record!(
                k,
                container::KeySelector {
                    key,
                    name,
                    optional,
                }
            )));
            if *secret {
                secret_key_ref = r;
            } else {
                config_map_key_ref = r;
            }
        }
        EnvValue::Field(s) => {
            cx.reg(path, s.sp);
            cx.reg(&path.child("fieldRef").child("fieldPath"), s.sp);
            let api_version = opt(None);
            let field_path = cx.string(&s.value);
            field_ref = opt(Some(record!(
                k,
                container::ObjectFieldSelector {
                    api_version,
                    field_path,
                }
            )));
        }
        EnvValue::Resource {
            resource,
            divisor,
            container,
        } => {
            let p = path.child("resourceFieldRef");
            cx.reg(path, resource.sp);
            cx.reg(&p.child("resource"), resource.sp);
            if let Some(q) = divisor {
                cx.reg_quantity(&p.child("divisor"), q);
            }
            if let Some(c) = container {
                cx.reg(&p.child("containerName"), c.sp);
            }
            let container_name = opt_str(cx, container.as_ref());
            let divisor = opt(divisor.as_ref().map(|q| cx.quantity(q)));
            let resource = cx.string(&resource.value);
            resource_field_ref = opt(Some(record!(
                k,
                container::ResourceFieldSelector {
                    container_name,
                    divisor,
                    resource,
                }
            )));
        }
        EnvValue::Lit(_) => {}
    }
    record!(
        k,
        container::EnvVarSource {
            config_map_key_ref,
            field_ref,
            resource_field_ref,
            secret_key_ref,
        }
    )
}

/// A probe's or hook's port.
fn port(cx: &mut Cx, p: &PortRef, path: &FieldPath) -> Lowered<TargetPort> {
    cx.reg(path, p.sp());
    let k = cx.k.clone();
    match p {
        PortRef::Number(n) => {
            let n = cx.int32(n, "a port number");
            ctor!(k, service::TargetPort::Number(n))
        }
        PortRef::Name(s) => {
            let s = cx.string(&s.value);
            ctor!(k, service::TargetPort::Name(s))
        }
    }
}

/// The lowered action fields: `exec`, `httpGet`, `tcpSocket`, `grpc`, `sleep`.
struct Actions {
    exec: Lowered<Option<ExecAction>>,
    http_get: Lowered<Option<HttpGetAction>>,
    tcp_socket: Lowered<Option<TcpSocketAction>>,
    grpc: Lowered<Option<GrpcAction>>,
    sleep: Lowered<Option<SleepAction>>,
}

fn actions(cx: &mut Cx, a: &Action, path: &FieldPath) -> Actions {
    let k = cx.k.clone();
    let mut out = Actions {
        exec: opt(None),
        http_get: opt(None),
        tcp_socket: opt(None),
        grpc: opt(None),
        sleep: opt(None),
    };
    match a {
        Action::Exec(list, sp) => {
            cx.reg(&path.child("exec"), *sp);
            let command = vec(list.iter().map(|s| cx.string(&s.value)).collect());
            out.exec = opt(Some(record!(k, probe::ExecAction { command })));
        }
        Action::HttpGet {
            path: req,
            port: pr,
            scheme,
            host,
            headers,
            sp,
        } => {
            let p = path.child("httpGet");
            cx.reg(&p, *sp);
            cx.reg(&p.child("path"), req.sp);
            let port = port(cx, pr, &p.child("port"));
            let host = opt_str(cx, host.as_ref());
            let http_headers = vec(headers
                .iter()
                .enumerate()
                .map(|(i, (n, v))| {
                    cx.reg(&p.child("httpHeaders").index(i).child("name"), n.sp);
                    let (name, value) = (cx.string(&n.value), cx.string(&v.value));
                    record!(k, probe::HttpHeader { name, value })
                })
                .collect());
            let path = opt(Some(cx.string(&req.value)));
            let scheme = opt(scheme.map(|w| {
                cx.reg(&p.child("scheme"), w.sp);
                word(&k, w.value)
            }));
            out.http_get = opt(Some(record!(
                k,
                probe::HttpGetAction {
                    host,
                    http_headers,
                    path,
                    port,
                    scheme,
                }
            )));
        }
        Action::Tcp { port: pr, host, sp } => {
            let p = path.child("tcpSocket");
            cx.reg(&p, *sp);
            let port = port(cx, pr, &p.child("port"));
            let host = opt_str(cx, host.as_ref());
            out.tcp_socket = opt(Some(record!(k, probe::TcpSocketAction { host, port })));
        }
        Action::Grpc {
            port: n,
            service,
            sp,
        } => {
            let p = path.child("grpc");
            cx.reg(&p, *sp);
            cx.reg(&p.child("port"), n.sp());
            let port = cx.int32(n, "a port number");
            let service = opt_str(cx, service.as_ref());
            out.grpc = opt(Some(record!(k, probe::GrpcAction { port, service })));
        }
        Action::Sleep(n, sp) => {
            let p = path.child("sleep");
            cx.reg(&p, *sp);
            cx.reg(&p.child("seconds"), n.sp());
            let seconds = cx.int64(n);
            out.sleep = opt(Some(record!(k, probe::SleepAction { seconds })));
        }
    }
    out
}

/// A lifecycle hook.
fn hook(cx: &mut Cx, a: &Action, path: &FieldPath) -> Lowered<LifecycleHandler> {
    cx.reg(path, a.sp());
    let k = cx.k.clone();
    let Actions {
        exec,
        http_get,
        sleep,
        tcp_socket,
        ..
    } = actions(cx, a, path);
    record!(
        k,
        probe::LifecycleHandler {
            exec,
            http_get,
            sleep,
            tcp_socket,
        }
    )
}

/// A probe with its timing.
fn probe(cx: &mut Cx, pr: &ProbeAst, path: &FieldPath) -> Lowered<Probe> {
    cx.reg(path, pr.sp);
    let k = cx.k.clone();
    let Actions {
        exec,
        http_get,
        tcp_socket,
        grpc,
        ..
    } = actions(cx, &pr.action, path);
    let timing = |key: &str, field: &str, cx: &mut Cx| -> Lowered<Option<i32>> {
        let found = pr.timing.iter().find(|(k, _)| k.value == key);
        opt(found.map(|(_, v)| {
            cx.reg(&path.child(field), v.sp());
            cx.int32(v, "a number of seconds or probes")
        }))
    };
    let initial_delay_seconds = timing("initial_delay", "initialDelaySeconds", cx);
    let period_seconds = timing("period", "periodSeconds", cx);
    let timeout_seconds = timing("timeout", "timeoutSeconds", cx);
    let success_threshold = timing("success_threshold", "successThreshold", cx);
    let failure_threshold = timing("failure_threshold", "failureThreshold", cx);
    let grace = pr.timing.iter().find(|(k, _)| k.value == "grace");
    let termination_grace_period_seconds = opt(grace.map(|(_, v)| {
        cx.reg(&path.child("terminationGracePeriodSeconds"), v.sp());
        cx.int64(v)
    }));
    record!(
        k,
        probe::Probe {
            exec,
            failure_threshold,
            grpc,
            http_get,
            initial_delay_seconds,
            period_seconds,
            success_threshold,
            tcp_socket,
            termination_grace_period_seconds,
            timeout_seconds,
        }
    )
}

/// A container's `securityContext`.
fn security(cx: &mut Cx, s: &SecurityAst, path: &FieldPath) -> Lowered<SecurityContext> {
    cx.reg(path, s.sp);
    let k = cx.k.clone();
    let flag = |key: &str, field: &str, cx: &mut Cx| -> Lowered<Option<bool>> {
        let found = s.flags.iter().find(|(k, _)| k.value == key);
        opt(found.map(|(k, b)| {
            cx.reg(&path.child(field), k.sp);
            cx.boolean(*b)
        }))
    };
    let allow_privilege_escalation =
        flag("allow_privilege_escalation", "allowPrivilegeEscalation", cx);
    let privileged = flag("privileged", "privileged", cx);
    let read_only_root_filesystem = flag("read_only_root_filesystem", "readOnlyRootFilesystem", cx);
    let run_as_non_root = flag("run_as_non_root", "runAsNonRoot", cx);
    let id = |key: &str, field: &str, cx: &mut Cx| -> Lowered<Option<i64>> {
        let found = s.ids.iter().find(|(k, _)| k.value == key);
        opt(found.map(|(_, v)| {
            cx.reg(&path.child(field), v.sp());
            cx.int64(v)
        }))
    };
    let run_as_user = id("run_as_user", "runAsUser", cx);
    let run_as_group = id("run_as_group", "runAsGroup", cx);
    let capabilities = if s.add.is_empty() && s.drop.is_empty() {
        opt(None)
    } else {
        let caps = path.child("capabilities");
        for (i, a) in s.add.iter().enumerate() {
            cx.reg(&caps.child("add").index(i), a.sp);
        }
        for (i, d) in s.drop.iter().enumerate() {
            cx.reg(&caps.child("drop").index(i), d.sp);
        }
        let add = vec(s.add.iter().map(|a| cx.string(&a.value)).collect());
        let drop = vec(s.drop.iter().map(|d| cx.string(&d.value)).collect());
        opt(Some(record!(k, security::Capabilities { add, drop })))
    };
    let seccomp_profile = opt(s.seccomp.as_ref().map(|(t, file)| {
        let p = path.child("seccompProfile");
        cx.reg(&p, t.sp);
        cx.reg(&p.child("type"), t.sp);
        if let Some(f) = file {
            cx.reg(&p.child("localhostProfile"), f.sp);
        }
        let localhost_profile = opt_str(cx, file.as_ref());
        let kind = word(&k, t.value);
        record!(
            k,
            security::SeccompProfile {
                kind,
                localhost_profile,
            }
        )
    }));
    record!(
        k,
        security::SecurityContext {
            allow_privilege_escalation,
            capabilities,
            privileged,
            read_only_root_filesystem,
            run_as_group,
            run_as_non_root,
            run_as_user,
            seccomp_profile,
        }
    )
}
