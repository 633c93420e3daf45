//! Pods, StatefulSets and Deployments (their pod templates, containers and volumes) as DSL
//! bodies: what goes between the braces of `pod { … }`, `statefulset { … }` and
//! `deployment { … }` inside `manifests!`.
//!
//! Every field of the model is written with the macros' own keys; pod-spec and container
//! fields the model does not hold go through `extra:`. Anything else the macros cannot say
//! (selector `matchExpressions`, a claim template's dataSource or selector, projected downwardAPI
//! sources, …) is an
//! [`ImportError`] naming the field. Nothing is dropped silently: what the output leaves out
//! (defaults the model does not keep, fields the API server sets itself) is named in a comment.

mod container;
#[cfg(test)]
mod tests;
mod volume;

use super::{
    Doc, ImportError, hatch,
    source::{Body, name, string},
};
use kvol_core::model::{
    daemonset::{DaemonSet, DaemonSetUpdateStrategyType},
    deployment::{Deployment, DeploymentStrategyType},
    meta::{ObjectMeta, StringMap},
    pod::{Pod, PodSpec, RestartPolicy},
    scheduling::{PodAffinity, PodAffinityTerm},
    security::SeccompProfile,
    selector::LabelSelector,
    service::{ClusterIp, Service, ServicePort, TargetPort},
    statefulset::{IntOrPercent, StatefulSet, UpdateStrategy},
};
use kvol_core::schema::{Extras, Value};

/// How a StatefulSet's governing Service appears in the imported source.
pub(super) enum Governing<'a> {
    /// This headless Service of the input: merged into `statefulset { … }` when the Service
    /// kvol generates can say the same (`service_labels`, `service_annotations`,
    /// `service_port`/`service_ports`), else left to be written on its own.
    Input(&'a Doc<'a>, &'a Service),
    /// Declared on its own (in the input but not mergeable, or outside it):
    /// `service_in_set: true`.
    Elsewhere,
}

/// The document being printed.
struct Ctx<'a> {
    doc: &'a Doc<'a>,
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a Doc<'a>) -> Self {
        Ctx { doc }
    }

    /// Fields the model does not hold outside the escape hatch's reach are refused, but for
    /// the ones the API server sets itself on create (left out with a comment).
    fn finish(&self) -> Result<(), ImportError> {
        let mut unmodelled = self.doc.decoded.unmodelled.iter();
        match unmodelled.find(|u| !server_set(&u.path.to_string())) {
            None => Ok(()),
            Some(u) => Err(self.doc.error(
                &u.path.to_string(),
                "kvol's model does not hold this field and the macros have no escape hatch for \
                 it here (only pod-spec and container fields go through `extra:`)",
            )),
        }
    }
}

/// `extra: { … }` with the escape hatch's fields `fields`, after a comment.
fn extras(b: &mut Body, fields: &Extras) {
    if fields.is_empty() {
        return;
    }
    let names: Vec<&str> = fields.iter().map(|(k, _)| k).collect();
    let mut entries = Body::new();
    for (k, v) in fields.iter() {
        entries.field(&hatch::key(k), value_text(v));
    }
    b.comment(&format!(
        "not modelled by kvol: {}, checked against the Kubernetes schema",
        names.join(", ")
    ));
    b.block("extra:", entries);
}

/// An escape-hatch value as the macros read it (see [`hatch::value`]).
fn value_text(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => {
            let text = format!("{f:?}");
            if text.contains(['.', 'e']) {
                text
            } else {
                format!("{text}.0")
            }
        }
        Value::String(s) => string(s),
        Value::Seq(items) => {
            let items: Vec<String> = items.iter().map(value_text).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Map(entries) => {
            if entries.is_empty() {
                return "{}".to_owned();
            }
            let entries: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}: {}", hatch::key(k), value_text(v)))
                .collect();
            format!("{{ {} }}", entries.join(", "))
        }
    }
}

/// Comments for the fields written in the document that kvol's model does not keep (it
/// reads `readOnly: false`, `value: ""`, `resources: null`, … as the API's defaults they are):
/// the output leaves them out, and says so. `model` is the object as kvol's JSON writer writes
/// it; `what` names the object when it is not the workload itself.
fn dropped_defaults(doc: &Doc, model: Option<String>, b: &mut Body, what: &str) {
    let Some(text) = model else {
        return;
    };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
        return;
    };
    let mut kept = Vec::new();
    json_leaves(&json, String::new(), &mut kept);
    let kept: std::collections::HashSet<String> = kept.into_iter().collect();
    let mut written = Vec::new();
    node_leaves(doc.node, String::new(), &mut written);
    let (server, lost): (Vec<_>, Vec<_>) = written
        .into_iter()
        .filter(|(path, _)| !kept.contains(path) && path != "spec.template.metadata.name")
        .partition(|(path, _)| server_set(path));
    if !server.is_empty() {
        let paths: Vec<&str> = server.iter().map(|(p, _)| p.as_str()).collect();
        b.comment(&format!(
            "left out{what}, the API server sets them on create: {}",
            paths.join(", ")
        ));
    }
    if !lost.is_empty() {
        b.comment(&format!(
            "written in the input{what}, left out here as the defaults they are:"
        ));
        for (path, value) in lost {
            b.comment(&format!("  {path}: {value}"));
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn json_leaves(v: &serde_json::Value, path: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) if !m.is_empty() => {
            for (k, v) in m {
                json_leaves(v, join(&path, k), out);
            }
        }
        serde_json::Value::Array(a) if !a.is_empty() => {
            for (i, v) in a.iter().enumerate() {
                json_leaves(v, format!("{path}[{i}]"), out);
            }
        }
        _ => out.push(path),
    }
}

fn node_leaves(n: &kvol_read::Node, path: String, out: &mut Vec<(String, String)>) {
    match &n.value {
        kvol_read::Value::Map(m) if !m.is_empty() => {
            for (k, v) in m {
                node_leaves(v, join(&path, &k.name), out);
            }
        }
        kvol_read::Value::Seq(a) if !a.is_empty() => {
            for (i, v) in a.iter().enumerate() {
                node_leaves(v, format!("{path}[{i}]"), out);
            }
        }
        _ => out.push((path, hatch::value(n))),
    }
}

/// Whether the field at `path` is one the API server sets itself on create, whatever the
/// document says (`status`, `creationTimestamp`): `kubectl get -o yaml` and `kubectl create
/// --dry-run -o yaml` write them.
fn server_set(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    let claim_status = path.starts_with("spec.volumeClaimTemplates[")
        && (path.ends_with("].status") || path.contains("].status."));
    path == "status"
        || path.starts_with("status.")
        || claim_status
        || (last == "creationTimestamp"
            && path
                .strip_suffix(".creationTimestamp")
                .is_some_and(|parent| parent == "metadata" || parent.ends_with(".metadata")))
}

/// A comment recording a field left out because it only says the API's default.
fn modelled_default(b: &mut Body, what: &str) {
    b.comment(&format!("{what} is the default: left out"));
}

/// A map key as the macros read it: bare when it lexes as one name, else a string.
fn map_key(key: &str) -> String {
    name(key)
}

/// `{ key: "value", … }`.
fn map(m: &StringMap) -> String {
    if m.is_empty() {
        return "{}".to_owned();
    }
    let items: Vec<String> = m
        .iter()
        .map(|(k, v)| format!("{}: {}", map_key(k), string(v)))
        .collect();
    format!("{{ {} }}", items.join(", "))
}

/// `["a", "b"]`.
fn strings(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| string(s)).collect();
    format!("[{}]", items.join(", "))
}

/// `[a, "b.c"]`: names (bare where they lex as one).
fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| name(s)).collect();
    format!("[{}]", items.join(", "))
}

/// A block of parts each written `key: value` (the keys are the macros' fixed keys, which never
/// hold `": "`, so the first one splits key from value).
fn fields(parts: &[String]) -> Body {
    let mut b = Body::new();
    for part in parts {
        let (k, v) = part.split_once(": ").unwrap_or((part.as_str(), ""));
        b.field(k, v);
    }
    b
}

/// `seccomp: TYPE ["profile"]`.
fn seccomp(p: &SeccompProfile) -> String {
    match &p.localhost_profile {
        Some(f) => format!("seccomp: {} {}", p.kind.as_str(), string(f)),
        None => format!("seccomp: {}", p.kind.as_str()),
    }
}

fn int_or_percent(v: IntOrPercent) -> String {
    match v {
        IntOrPercent::Int(n) => n.to_string(),
        IntOrPercent::Percent(p) => string(&format!("{p}%")),
    }
}

/// `name`, `namespace`.
fn name_and_namespace(b: &mut Body, m: &ObjectMeta) {
    b.field("name", name(&m.name));
    if let Some(ns) = &m.namespace {
        b.field("namespace", name(ns));
    }
}

/// The body of `pod { … }`.
pub(super) fn pod(doc: &Doc, pod: &Pod) -> Result<Body, ImportError> {
    let cx = Ctx::new(doc);
    let mut b = Body::new();
    dropped_defaults(doc, kvol_core::json::to_string(pod).ok(), &mut b, "");
    name_and_namespace(&mut b, &pod.metadata);
    if !pod.metadata.labels.is_empty() {
        b.field("labels", map(&pod.metadata.labels));
    }
    if !pod.metadata.annotations.is_empty() {
        b.field("annotations", map(&pod.metadata.annotations));
    }
    if let Some(r) = pod.spec.restart_policy {
        b.field("restart", r.as_str());
    }
    pod_spec(&cx, &mut b, &pod.spec, "spec")?;
    cx.finish()?;
    Ok(b)
}

/// The template's labels as `labels:`, `selector:` when the selector is only some of them
/// (matchExpressions cannot be said), and the template's annotations as `pod_annotations:`.
fn template_labels(
    cx: &Ctx,
    b: &mut Body,
    selector: &LabelSelector,
    labels: &StringMap,
    annotations: &StringMap,
    template_name: Option<&str>,
) -> Result<(), ImportError> {
    if let Some(n) = template_name {
        b.comment(&format!(
            "spec.template.metadata.name {n:?} is left out: the controller names the pods itself"
        ));
    }
    if !selector.match_expressions.is_empty() {
        return Err(cx.doc.error(
            "spec.selector.matchExpressions",
            "the macros' selectors are labels (`selector: { … }`): matchExpressions cannot be \
             said",
        ));
    }
    if labels.is_empty() {
        return Err(cx.doc.error(
            "spec.template.metadata.labels",
            "the pod template has no labels",
        ));
    }
    b.field("labels", map(labels));
    if &selector.match_labels != labels {
        b.field("selector", map(&selector.match_labels));
    }
    if !annotations.is_empty() {
        b.field("pod_annotations", map(annotations));
    }
    Ok(())
}

/// A workload's pods always restart: `restartPolicy: Always` is all they may say.
fn workload_restart(cx: &Ctx, b: &mut Body, spec: &PodSpec) -> Result<(), ImportError> {
    match spec.restart_policy {
        None => Ok(()),
        Some(RestartPolicy::Always) => {
            modelled_default(b, "spec.template.spec.restartPolicy: Always");
            Ok(())
        }
        Some(_) => Err(cx.doc.error(
            "spec.template.spec.restartPolicy",
            "a workload's pods must restart Always",
        )),
    }
}

/// What a Deployment and a DaemonSet write alike before their own fields: what the model
/// reads as defaults (a comment), name and namespace, the pods' labels, selector and
/// annotations, the object's annotations and labels.
fn replicated_head(
    cx: &Ctx,
    b: &mut Body,
    model_json: Option<String>,
    metadata: &ObjectMeta,
    selector: &LabelSelector,
    template: &kvol_core::model::pod::PodTemplate,
) -> Result<(), ImportError> {
    dropped_defaults(cx.doc, model_json, b, "");
    name_and_namespace(b, metadata);
    template_labels(
        cx,
        b,
        selector,
        &template.metadata.labels,
        &template.metadata.annotations,
        template.metadata.name.as_deref(),
    )?;
    if !metadata.annotations.is_empty() {
        b.field("annotations", map(&metadata.annotations));
    }
    if !metadata.labels.is_empty() {
        b.field("object_labels", map(&metadata.labels));
    }
    Ok(())
}

/// `RollingUpdate [{ max_surge: N, max_unavailable: N }]`, as the DSL writes a rollout.
fn rolling_update(
    max_surge: Option<IntOrPercent>,
    max_unavailable: Option<IntOrPercent>,
) -> String {
    let mut parts = Vec::new();
    if let Some(v) = max_surge {
        parts.push(format!("max_surge: {}", int_or_percent(v)));
    }
    if let Some(v) = max_unavailable {
        parts.push(format!("max_unavailable: {}", int_or_percent(v)));
    }
    if parts.is_empty() {
        "RollingUpdate".to_owned()
    } else {
        format!("RollingUpdate {{ {} }}", parts.join(", "))
    }
}

/// `min_ready` and `revision_history`, when written.
fn history(b: &mut Body, min_ready: Option<i32>, revision_history: Option<i32>) {
    if let Some(v) = min_ready {
        b.field("min_ready", v.to_string());
    }
    if let Some(v) = revision_history {
        b.field("revision_history", v.to_string());
    }
}

/// The body of `deployment { … }`.
pub(super) fn deployment(doc: &Doc, d: &Deployment) -> Result<Body, ImportError> {
    let cx = Ctx::new(doc);
    let mut b = Body::new();
    let t = &d.spec.template;
    let json = kvol_core::json::to_string(d).ok();
    replicated_head(&cx, &mut b, json, &d.metadata, &d.spec.selector, t)?;
    if let Some(r) = d.spec.replicas {
        b.field("replicas", r.to_string());
    }
    if let Some(s) = &d.spec.strategy {
        let strategy = match s.effective_type() {
            DeploymentStrategyType::Recreate => "Recreate".to_owned(),
            DeploymentStrategyType::RollingUpdate => {
                let r = s.rolling_update.as_ref();
                rolling_update(
                    r.and_then(|r| r.max_surge),
                    r.and_then(|r| r.max_unavailable),
                )
            }
        };
        b.field("strategy", strategy);
    }
    history(
        &mut b,
        d.spec.min_ready_seconds,
        d.spec.revision_history_limit,
    );
    if let Some(v) = d.spec.progress_deadline_seconds {
        b.field("progress_deadline", v.to_string());
    }
    if d.spec.paused.is_some() {
        return Err(doc.error("spec.paused", "the macros have no key for `paused`"));
    }
    workload_restart(&cx, &mut b, &t.spec)?;
    pod_spec(&cx, &mut b, &t.spec, "spec.template.spec")?;
    cx.finish()?;
    Ok(b)
}

/// The body of `daemonset { … }`.
pub(super) fn daemonset(doc: &Doc, d: &DaemonSet) -> Result<Body, ImportError> {
    let cx = Ctx::new(doc);
    let mut b = Body::new();
    let t = &d.spec.template;
    let json = kvol_core::json::to_string(d).ok();
    replicated_head(&cx, &mut b, json, &d.metadata, &d.spec.selector, t)?;
    if let Some(s) = &d.spec.update_strategy {
        let update = match s.effective_type() {
            DaemonSetUpdateStrategyType::OnDelete => "OnDelete".to_owned(),
            DaemonSetUpdateStrategyType::RollingUpdate => {
                let r = s.rolling_update.as_ref();
                rolling_update(
                    r.and_then(|r| r.max_surge),
                    r.and_then(|r| r.max_unavailable),
                )
            }
        };
        b.field("update", update);
    }
    history(
        &mut b,
        d.spec.min_ready_seconds,
        d.spec.revision_history_limit,
    );
    workload_restart(&cx, &mut b, &t.spec)?;
    pod_spec(&cx, &mut b, &t.spec, "spec.template.spec")?;
    cx.finish()?;
    Ok(b)
}

/// The body of `statefulset { … }`; the bool says whether the `Governing::Input` Service was
/// merged (if false, or with `Governing::Elsewhere`, the body says `service_in_set: true` and
/// the driver prints that Service on its own).
pub(super) fn statefulset(
    doc: &Doc,
    set: &StatefulSet,
    governing: Governing,
) -> Result<(Body, bool), ImportError> {
    let cx = Ctx::new(doc);
    let spec = &set.spec;
    let mut b = Body::new();
    dropped_defaults(doc, kvol_core::json::to_string(set).ok(), &mut b, "");
    name_and_namespace(&mut b, &set.metadata);
    if spec.service_name != set.metadata.name {
        b.field("service", name(&spec.service_name));
    }
    let t = &spec.template;
    template_labels(
        &cx,
        &mut b,
        &spec.selector,
        &t.metadata.labels,
        &t.metadata.annotations,
        t.metadata.name.as_deref(),
    )?;
    if !set.metadata.annotations.is_empty() {
        b.field("annotations", map(&set.metadata.annotations));
    }
    if !set.metadata.labels.is_empty() {
        b.field("set_labels", map(&set.metadata.labels));
    }
    if let Some(r) = spec.replicas {
        b.field("replicas", r.to_string());
    }
    if let Some(u) = &spec.update_strategy {
        let text = match u {
            UpdateStrategy::OnDelete => "OnDelete".to_owned(),
            UpdateStrategy::RollingUpdate {
                partition,
                max_unavailable,
            } => {
                let mut parts = Vec::new();
                if let Some(p) = partition {
                    parts.push(format!("partition: {p}"));
                }
                if max_unavailable.is_some() {
                    return Err(doc.error(
                        "spec.updateStrategy.rollingUpdate.maxUnavailable",
                        "the macros target Kubernetes 1.34, whose API server drops a \
                         StatefulSet's maxUnavailable on create: build this set with the \
                         builder API for a target of 1.35 or later",
                    ));
                }
                if parts.is_empty() {
                    "RollingUpdate".to_owned()
                } else {
                    format!("RollingUpdate {{ {} }}", parts.join(", "))
                }
            }
        };
        b.field("update", text);
    }
    if let Some(p) = spec.pod_management_policy {
        b.field("pod_management", p.as_str());
    }
    if let Some(r) = &spec.retention {
        b.field(
            "retention",
            format!(
                "{{ deleted: {}, scaled: {} }}",
                r.when_deleted.as_str(),
                r.when_scaled.as_str()
            ),
        );
    }
    if let Some(v) = spec.min_ready_seconds {
        b.field("min_ready", v.to_string());
    }
    if let Some(v) = spec.ordinals_start {
        b.field("ordinals_start", v.to_string());
    }
    if let Some(v) = spec.revision_history_limit {
        b.field("revision_history", v.to_string());
    }
    if !spec.extra.is_empty() {
        return Err(doc.error(
            "spec",
            "the macros have no escape hatch for StatefulSet spec fields",
        ));
    }
    workload_restart(&cx, &mut b, &t.spec)?;
    pod_spec(&cx, &mut b, &t.spec, "spec.template.spec")?;
    for (i, c) in spec.volume_claim_templates.iter().enumerate() {
        let at = format!("spec.volumeClaimTemplates[{i}]");
        let Some(n) = &c.metadata.name else {
            return Err(doc.error(
                &format!("{at}.metadata.name"),
                "a claim template needs a name",
            ));
        };
        if name(n).starts_with('"') {
            return Err(doc.error(
                &format!("{at}.metadata.name"),
                "the macros read a claim template's name as a bare name (`data`, `mongo-data`)",
            ));
        }
        let text = volume::claim(&cx, c, &at)?;
        b.field("claim", format!("{} {text}", name(n)));
    }
    let merged = match governing {
        Governing::Input(sdoc, svc) => match merge(set, sdoc, svc) {
            Some(items) => {
                let what = format!(" (Service {})", svc.metadata.name);
                dropped_defaults(sdoc, kvol_core::json::to_string(svc).ok(), &mut b, &what);
                for (k, v) in items {
                    b.field(&k, v);
                }
                true
            }
            None => false,
        },
        Governing::Elsewhere => false,
    };
    if !merged {
        b.field("service_in_set", "true");
    }
    cx.finish()?;
    Ok((b, merged))
}

/// The keys that make the Service kvol generates for `set` equal to `svc`, or `None` when no
/// keys can.
fn merge(set: &StatefulSet, sdoc: &Doc, svc: &Service) -> Option<Vec<(String, String)>> {
    let spec = &set.spec;
    let labels = &spec.template.metadata.labels;
    let s = &svc.spec;
    let plain = sdoc.decoded.unmodelled.is_empty()
        && sdoc.decoded.issues.is_empty()
        && svc.metadata.name == spec.service_name
        && svc.metadata.namespace == set.metadata.namespace
        && s.cluster_ip == ClusterIp::None
        && s.external_traffic_policy.is_none()
        && s.internal_traffic_policy.is_none()
        && s.session_affinity.is_none()
        && s.session_affinity_config.is_none()
        && s.type_.is_none()
        && &s.selector == labels;
    if !plain {
        return None;
    }
    let mut out = Vec::new();
    if s.publish_not_ready_addresses {
        out.push(("publish_not_ready".to_owned(), "true".to_owned()));
    }
    if svc.metadata.labels.is_empty() {
        // kvol labels the Service like the pods when given no labels.
        return None;
    }
    if &svc.metadata.labels != labels {
        out.push(("service_labels".to_owned(), map(&svc.metadata.labels)));
    }
    if !svc.metadata.annotations.is_empty() {
        out.push((
            "service_annotations".to_owned(),
            map(&svc.metadata.annotations),
        ));
    }
    // The ports kvol writes by default: one per named container port.
    let default: Vec<ServicePort> = (spec.template.spec.containers.iter())
        .flat_map(|c| &c.ports)
        .filter_map(|p| {
            Some(ServicePort {
                name: Some(p.name.clone()?),
                port: p.container_port,
                protocol: p.protocol,
                ..ServicePort::default()
            })
        })
        .collect();
    if s.ports == default {
        return Some(out);
    }
    let named: Option<Vec<String>> = (s.ports.iter())
        .map(|p| {
            let n = p.name.as_ref()?;
            default
                .iter()
                .find(|d| d.name.as_ref() == Some(n))
                .filter(|d| *d == p)
                .map(|_| name(n))
        })
        .collect();
    match named {
        Some(names) if !names.is_empty() => {
            out.push((
                "service_ports".to_owned(),
                format!("[{}]", names.join(", ")),
            ));
        }
        _ => {
            if s.ports.is_empty() {
                // `service_ports: []` still exposes every named container port.
                return None;
            }
            for p in &s.ports {
                let mut text = String::new();
                if let Some(n) = &p.name {
                    text.push_str(&name(n));
                    text.push(' ');
                }
                text.push_str(&format!("{} {}", p.port, p.protocol.as_str()));
                if let Some(t) = &p.target_port {
                    match t {
                        TargetPort::Number(n) => text.push_str(&format!(" => {n}")),
                        TargetPort::Name(n) => text.push_str(&format!(" => {}", name(n))),
                    }
                }
                if let Some(n) = p.node_port {
                    text.push_str(&format!(" node_port {n}"));
                }
                if let Some(a) = &p.app_protocol {
                    text.push_str(&format!(" app_protocol {}", string(a)));
                }
                out.push(("service_port".to_owned(), text));
            }
        }
    }
    Some(out)
}

/// The pod-spec keys (settings, containers, volumes) of the pod spec at `path`.
fn pod_spec(cx: &Ctx, b: &mut Body, spec: &PodSpec, path: &str) -> Result<(), ImportError> {
    let doc = cx.doc;
    if let Some(g) = spec.termination_grace_period_seconds {
        b.field("grace", g.to_string());
    }
    if let Some(s) = &spec.service_account_name {
        b.field("service_account", name(s));
    }
    if !spec.node_selector.is_empty() {
        b.field("node_selector", map(&spec.node_selector));
    }
    if let Some(s) = &spec.security_context {
        let mut parts = Vec::new();
        for (k, v) in [
            ("fs_group", s.fs_group),
            ("run_as_user", s.run_as_user),
            ("run_as_group", s.run_as_group),
        ] {
            if let Some(v) = v {
                parts.push(format!("{k}: {v}"));
            }
        }
        if let Some(p) = s.fs_group_change_policy {
            parts.push(format!("fs_group_change: {}", p.as_str()));
        }
        if let Some(v) = s.run_as_non_root {
            parts.push(format!("run_as_non_root: {v}"));
        }
        if !s.supplemental_groups.is_empty() {
            let g: Vec<String> = s.supplemental_groups.iter().map(i64::to_string).collect();
            parts.push(format!("supplemental_groups: [{}]", g.join(", ")));
        }
        if let Some(p) = &s.seccomp_profile {
            parts.push(seccomp(p));
        }
        b.block("security:", fields(&parts));
    }
    if let Some(a) = &spec.affinity {
        let at = format!("{path}.affinity");
        if let Some(n) = &a.node_affinity {
            let nat = format!("{at}.nodeAffinity");
            if let Some(r) = &n.required {
                if r.node_selector_terms.is_empty() {
                    return Err(doc.error(
                        &format!("{nat}.requiredDuringSchedulingIgnoredDuringExecution"),
                        "a required node affinity without terms cannot be said",
                    ));
                }
                for t in &r.node_selector_terms {
                    b.field("node_affinity", format!("required {}", node_term(t)));
                }
            }
            for p in &n.preferred {
                b.field(
                    "node_affinity",
                    format!("preferred {} {}", p.weight, node_term(&p.preference)),
                );
            }
        }
        for (key, json, aff) in [
            ("pod_affinity", "podAffinity", &a.pod_affinity),
            ("pod_anti_affinity", "podAntiAffinity", &a.pod_anti_affinity),
        ] {
            let Some(aff) = aff else { continue };
            pod_affinity(cx, b, key, &format!("{at}.{json}"), aff)?;
        }
    }
    for t in &spec.tolerations {
        let mut parts = Vec::new();
        if let Some(k) = &t.key {
            parts.push(format!("key: {}", string(k)));
        }
        if let Some(o) = t.operator {
            parts.push(format!("operator: {}", o.as_str()));
        }
        if let Some(v) = &t.value {
            parts.push(format!("value: {}", string(v)));
        }
        if let Some(e) = t.effect {
            parts.push(format!("effect: {}", e.as_str()));
        }
        if let Some(s) = t.toleration_seconds {
            parts.push(format!("seconds: {s}"));
        }
        b.block("toleration:", fields(&parts));
    }
    for (i, s) in spec.topology_spread_constraints.iter().enumerate() {
        let at = format!("{path}.topologySpreadConstraints[{i}]");
        for (field, set) in [
            ("matchLabelKeys", !s.match_label_keys.is_empty()),
            ("nodeAffinityPolicy", s.node_affinity_policy.is_some()),
            ("nodeTaintsPolicy", s.node_taints_policy.is_some()),
        ] {
            if set {
                return Err(doc.error(
                    &format!("{at}.{field}"),
                    "the macros' `spread:` has no key for this field",
                ));
            }
        }
        let mut parts = vec![
            format!("max_skew: {}", s.max_skew),
            format!("topology: {}", string(&s.topology_key)),
            format!("when_unsatisfiable: {}", s.when_unsatisfiable.as_str()),
        ];
        if let Some(sel) = &s.label_selector {
            parts.push(format!("selector: {}", selector(sel)));
        }
        if let Some(m) = s.min_domains {
            parts.push(format!("min_domains: {m}"));
        }
        b.block("spread:", fields(&parts));
    }
    if let Some(p) = &spec.priority_class_name {
        b.field("priority_class", name(p));
    }
    if !spec.image_pull_secrets.is_empty() {
        let names: Vec<String> = spec
            .image_pull_secrets
            .iter()
            .map(|r| r.name.clone())
            .collect();
        b.field("image_pull_secrets", list(&names));
    }
    if let Some(v) = spec.automount_service_account_token {
        b.field("automount_token", v.to_string());
    }
    if let Some(h) = &spec.hostname {
        b.field("hostname", name(h));
    }
    if let Some(s) = &spec.subdomain {
        b.field("subdomain", name(s));
    }
    if let Some(d) = spec.dns_policy {
        b.field("dns_policy", d.as_str());
    }
    if let Some(v) = spec.enable_service_links {
        b.field("service_links", v.to_string());
    }
    extras(b, &spec.extra);
    for (i, c) in spec.init_containers.iter().enumerate() {
        let body = container::container(cx, c, &format!("{path}.initContainers[{i}]"))?;
        b.block(format!("init_container {}", name(&c.name)), body);
    }
    for (i, c) in spec.containers.iter().enumerate() {
        let body = container::container(cx, c, &format!("{path}.containers[{i}]"))?;
        b.block(format!("container {}", name(&c.name)), body);
    }
    for (i, v) in spec.volumes.iter().enumerate() {
        let at = format!("{path}.volumes[{i}]");
        let source = volume::source(cx, &v.source, &at)?;
        b.field(&format!("volume {}", name(&v.name)), source);
    }
    Ok(())
}

/// `{ KEY OP [VALUES], … }` of a node selector term.
/// A node selector term, `{ KEY OP [..], field metadata.name In [..] }` (as the PV printer
/// writes it).
fn node_term(t: &kvol_core::model::selector::NodeSelectorTerm) -> String {
    super::kinds::node_term(t).inline()
}

/// `{ app: "web", tier In ["db"] }` (as the claim and PDB printers write it).
fn selector(s: &LabelSelector) -> String {
    super::kinds::selector(s).inline()
}

fn pod_affinity(
    cx: &Ctx,
    b: &mut Body,
    key: &str,
    at: &str,
    aff: &PodAffinity,
) -> Result<(), ImportError> {
    for (i, t) in aff.required.iter().enumerate() {
        let tat = format!("{at}.requiredDuringSchedulingIgnoredDuringExecution[{i}]");
        b.field(key, format!("required {}", pod_term(cx, t, &tat)?));
    }
    for (i, w) in aff.preferred.iter().enumerate() {
        let tat =
            format!("{at}.preferredDuringSchedulingIgnoredDuringExecution[{i}].podAffinityTerm");
        b.field(
            key,
            format!(
                "preferred {} {}",
                w.weight,
                pod_term(cx, &w.pod_affinity_term, &tat)?
            ),
        );
    }
    Ok(())
}

/// `{ selector } on "TOPOLOGY" [namespaces [..]]`.
fn pod_term(cx: &Ctx, t: &PodAffinityTerm, at: &str) -> Result<String, ImportError> {
    for (field, set) in [
        ("matchLabelKeys", !t.match_label_keys.is_empty()),
        ("mismatchLabelKeys", !t.mismatch_label_keys.is_empty()),
        ("namespaceSelector", t.namespace_selector.is_some()),
        ("labelSelector", t.label_selector.is_none()),
    ] {
        if set {
            return Err(cx.doc.error(
                &format!("{at}.{field}"),
                "the macros' pod affinity terms are `{ SELECTOR } on \"TOPOLOGY\" [namespaces \
                 [..]]`: this term cannot be said",
            ));
        }
    }
    let sel = t.label_selector.as_ref().map(selector).unwrap_or_default();
    let mut text = format!("{sel} on {}", string(&t.topology_key));
    if !t.namespaces.is_empty() {
        text.push_str(&format!(" namespaces {}", list(&t.namespaces)));
    }
    Ok(text)
}
