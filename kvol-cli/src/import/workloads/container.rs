//! `container NAME { … }` and `init_container NAME { … }`: every container field the model
//! holds, and the fields it does not hold through `extra:`.

use super::{Ctx, list, map_key, modelled_default, strings};
use crate::import::{
    ImportError, hatch,
    source::{Body, name, quantity, string},
};
use kvol_core::model::{
    container::{Container, EnvVar, EnvVarSource, Protocol},
    probe::{HttpGetAction, LifecycleHandler, Probe, TargetPort},
    resources::ResourceList,
    security::SecurityContext,
};

/// The body of `container NAME { … }` for the container at `path` (a JSON path such as
/// `spec.containers[0]`).
pub(super) fn container(cx: &Ctx, c: &Container, path: &str) -> Result<Body, ImportError> {
    let mut b = Body::new();
    b.field("image", string(&c.image));
    if let Some(p) = c.image_pull_policy {
        b.field("pull", p.as_str());
    }
    if !c.command.is_empty() {
        b.field("command", strings(&c.command));
    }
    if !c.args.is_empty() {
        b.field("args", strings(&c.args));
    }
    if let Some(w) = &c.working_dir {
        b.field("working_dir", string(w));
    }
    if !c.env.is_empty() {
        let mut env = Body::new();
        for (i, v) in c.env.iter().enumerate() {
            env_var(cx, &mut env, v, &format!("{path}.env[{i}]"))?;
        }
        b.block("env:", env);
    }
    for (i, f) in c.env_from.iter().enumerate() {
        let at = format!("{path}.envFrom[{i}]");
        let (kind, r) = match (&f.config_map_ref, &f.secret_ref) {
            (Some(r), None) => ("config_map", r),
            (None, Some(r)) => ("secret", r),
            _ => {
                return Err(cx.doc.error(
                    &at,
                    "an envFrom entry needs exactly one of configMapRef and secretRef",
                ));
            }
        };
        let mut text = format!("{kind} {}", name(&r.name));
        if let Some(p) = &f.prefix {
            text.push_str(&format!(" prefix {}", string(p)));
        }
        match r.optional {
            Some(true) => text.push_str(" optional"),
            Some(false) => modelled_default(&mut b, &format!("{at} optional: false")),
            None => {}
        }
        b.field("env_from", text);
    }
    for p in &c.ports {
        let mut text = String::new();
        if let Some(n) = &p.name {
            text.push_str(&name(n));
            text.push(' ');
        }
        text.push_str(&p.container_port.to_string());
        if p.protocol != Protocol::TCP {
            text.push_str(&format!(" {}", p.protocol.as_str()));
        }
        if let Some(h) = p.host_port {
            text.push_str(&format!(" host_port {h}"));
        }
        b.field("port", text);
    }
    if let Some(r) = &c.resources {
        if r.is_empty() {
            modelled_default(&mut b, "resources: {}");
        }
        if !r.requests.is_empty() {
            b.field("requests", resources(&r.requests));
        }
        if !r.limits.is_empty() {
            b.field("limits", resources(&r.limits));
        }
    }
    for (key, probe) in [
        ("liveness", &c.liveness_probe),
        ("readiness", &c.readiness_probe),
        ("startup", &c.startup_probe),
    ] {
        if let Some(p) = probe {
            let at = format!("{path}.{key}Probe");
            let (action, timing) = probe_text(cx, p, &at)?;
            if timing.is_empty() {
                b.field(key, action);
            } else {
                b.block(format!("{key}: {action}"), timing);
            }
        }
    }
    if let Some(l) = &c.lifecycle {
        for (key, hook) in [("post_start", &l.post_start), ("pre_stop", &l.pre_stop)] {
            if let Some(h) = hook {
                let json = if key == "post_start" {
                    "postStart"
                } else {
                    "preStop"
                };
                b.field(key, hook_text(cx, h, &format!("{path}.lifecycle.{json}"))?);
            }
        }
    }
    if let Some(s) = &c.security_context {
        b.block("security:", security(s));
    }
    if let Some(r) = c.restart_policy {
        b.field("restart", r.as_str());
    }
    if let Some(p) = c.termination_message_policy {
        b.field("termination_message_policy", p.as_str());
    }
    if let Some(p) = &c.termination_message_path {
        b.field("termination_message_path", string(p));
    }
    for m in &c.volume_mounts {
        let mut text = format!("{} => {}", name(&m.name), string(&m.mount_path));
        if m.read_only {
            text.push_str(" read_only");
        }
        if let Some(s) = &m.sub_path {
            text.push_str(&format!(" sub_path {}", string(s)));
        }
        if let Some(s) = &m.sub_path_expr {
            text.push_str(&format!(" sub_path_expr {}", string(s)));
        }
        if let Some(p) = m.mount_propagation {
            text.push_str(&format!(" propagation {}", p.as_str()));
        }
        if let Some(r) = m.recursive_read_only {
            text.push_str(&format!(" recursive_read_only {}", r.as_str()));
        }
        b.field("mount", text);
    }
    for d in &c.volume_devices {
        b.field(
            "device",
            format!("{} => {}", name(&d.name), string(&d.device_path)),
        );
    }
    super::extras(&mut b, &c.extra);
    Ok(b)
}

/// One `NAME: VALUE` of `env: { … }`.
fn env_var(cx: &Ctx, env: &mut Body, v: &EnvVar, at: &str) -> Result<(), ImportError> {
    let key = hatch::key(&v.name);
    let Some(src) = &v.value_from else {
        env.field(&key, string(&v.value));
        return Ok(());
    };
    if !v.value.is_empty() {
        return Err(cx.doc.error(
            at,
            "an environment variable has both `value` and `valueFrom`",
        ));
    }
    let value = env_source(cx, env, src, &format!("{at}.valueFrom"))?;
    env.field(&key, value);
    Ok(())
}

fn env_source(
    cx: &Ctx,
    env: &mut Body,
    src: &EnvVarSource,
    at: &str,
) -> Result<String, ImportError> {
    if src.count() != 1 {
        return Err(cx.doc.error(at, "valueFrom needs exactly one source"));
    }
    for (kind, r) in [
        ("secret", &src.secret_key_ref),
        ("config_map", &src.config_map_key_ref),
    ] {
        if let Some(r) = r {
            let optional = match r.optional {
                Some(true) => ", optional",
                Some(false) => {
                    modelled_default(env, &format!("{at} optional: false"));
                    ""
                }
                None => "",
            };
            return Ok(format!(
                "{kind}({}, {}{optional})",
                name(&r.name),
                name(&r.key)
            ));
        }
    }
    if let Some(f) = &src.field_ref {
        match f.api_version.as_deref() {
            None => {}
            Some("v1") => modelled_default(env, &format!("{at}.fieldRef apiVersion: v1")),
            Some(other) => {
                return Err(cx.doc.error(
                    &format!("{at}.fieldRef.apiVersion"),
                    format!("the macros write fieldRef without apiVersion (v1); `{other}` cannot be said"),
                ));
            }
        }
        return Ok(format!("field({})", string(&f.field_path)));
    }
    let Some(r) = &src.resource_field_ref else {
        return Err(cx.doc.error(at, "valueFrom needs exactly one source"));
    };
    let mut text = format!("resource({}", string(&r.resource));
    if let Some(d) = &r.divisor {
        text.push_str(&format!(", divisor: {}", quantity(&d.canonical())));
    }
    if let Some(c) = &r.container_name {
        text.push_str(&format!(", container: {}", name(c)));
    }
    text.push(')');
    Ok(text)
}

/// `{ cpu: 500m, memory: 1Gi, "nvidia.com/gpu": 1 }`.
fn resources(list: &ResourceList) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|(k, q)| format!("{}: {}", map_key(k), quantity(&q.canonical())))
        .collect();
    format!("{{ {} }}", items.join(", "))
}

fn port_ref(p: &TargetPort) -> String {
    match p {
        TargetPort::Number(n) => n.to_string(),
        TargetPort::Name(n) => name(n),
    }
}

fn http_get(cx: &Ctx, h: &HttpGetAction, at: &str) -> Result<String, ImportError> {
    let Some(path) = &h.path else {
        return Err(cx.doc.error(
            &format!("{at}.httpGet.path"),
            "the macros write an httpGet action with a path (`http_get \"/\" PORT`); one without `path` cannot be said",
        ));
    };
    let mut text = format!("http_get {} {}", string(path), port_ref(&h.port));
    if let Some(s) = h.scheme {
        text.push_str(&format!(" scheme {}", s.as_str()));
    }
    if let Some(host) = &h.host {
        text.push_str(&format!(" host {}", string(host)));
    }
    for hd in &h.http_headers {
        text.push_str(&format!(
            " header {} {}",
            string(&hd.name),
            string(&hd.value)
        ));
    }
    Ok(text)
}

/// `ACTION` and the entries of its `{ timing }`.
fn probe_text(cx: &Ctx, p: &Probe, at: &str) -> Result<(String, Body), ImportError> {
    if p.handler_count() != 1 {
        return Err(cx.doc.error(at, "a probe needs exactly one action"));
    }
    let text = if let Some(e) = &p.exec {
        format!("exec {}", strings(&e.command))
    } else if let Some(h) = &p.http_get {
        http_get(cx, h, at)?
    } else if let Some(t) = &p.tcp_socket {
        let mut s = format!("tcp {}", port_ref(&t.port));
        if let Some(h) = &t.host {
            s.push_str(&format!(" host {}", string(h)));
        }
        s
    } else if let Some(g) = &p.grpc {
        let mut s = format!("grpc {}", g.port);
        if let Some(svc) = &g.service {
            s.push_str(&format!(" service {}", string(svc)));
        }
        s
    } else {
        return Err(cx.doc.error(at, "a probe needs exactly one action"));
    };
    let mut timing = Body::new();
    for (k, v) in [
        ("initial_delay", p.initial_delay_seconds.map(i64::from)),
        ("period", p.period_seconds.map(i64::from)),
        ("timeout", p.timeout_seconds.map(i64::from)),
        ("success_threshold", p.success_threshold.map(i64::from)),
        ("failure_threshold", p.failure_threshold.map(i64::from)),
        ("grace", p.termination_grace_period_seconds),
    ] {
        if let Some(v) = v {
            timing.field(k, v.to_string());
        }
    }
    Ok((text, timing))
}

fn hook_text(cx: &Ctx, h: &LifecycleHandler, at: &str) -> Result<String, ImportError> {
    if h.handler_count() != 1 {
        return Err(cx
            .doc
            .error(at, "a lifecycle hook needs exactly one action"));
    }
    if let Some(e) = &h.exec {
        Ok(format!("exec {}", strings(&e.command)))
    } else if let Some(g) = &h.http_get {
        http_get(cx, g, at)
    } else if let Some(s) = &h.sleep {
        Ok(format!("sleep {}", s.seconds))
    } else {
        Err(cx.doc.error(
            &format!("{at}.tcpSocket"),
            "a tcpSocket lifecycle hook is deprecated and never run; the macros refuse it",
        ))
    }
}

/// `{ run_as_user: 1000, …, capabilities: { … }, seccomp: TYPE ["file"] }`.
fn security(s: &SecurityContext) -> Body {
    let mut parts = Vec::new();
    for (k, v) in [
        ("allow_privilege_escalation", s.allow_privilege_escalation),
        ("privileged", s.privileged),
        ("read_only_root_filesystem", s.read_only_root_filesystem),
        ("run_as_non_root", s.run_as_non_root),
    ] {
        if let Some(v) = v {
            parts.push(format!("{k}: {v}"));
        }
    }
    for (k, v) in [
        ("run_as_user", s.run_as_user),
        ("run_as_group", s.run_as_group),
    ] {
        if let Some(v) = v {
            parts.push(format!("{k}: {v}"));
        }
    }
    if let Some(c) = &s.capabilities {
        let mut caps = Vec::new();
        if !c.add.is_empty() {
            caps.push(format!("add: {}", list(&c.add)));
        }
        if !c.drop.is_empty() {
            caps.push(format!("drop: {}", list(&c.drop)));
        }
        if !caps.is_empty() {
            parts.push(format!("capabilities: {{ {} }}", caps.join(", ")));
        }
    }
    if let Some(p) = &s.seccomp_profile {
        parts.push(super::seccomp(p));
    }
    let mut b = super::fields(&parts);
    if s.capabilities
        .as_ref()
        .is_some_and(|c| c.add.is_empty() && c.drop.is_empty())
    {
        modelled_default(&mut b, "capabilities: {}");
    }
    b
}
