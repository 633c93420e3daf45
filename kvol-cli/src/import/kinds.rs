//! The printers of every kind but the workloads: PersistentVolume, PersistentVolumeClaim,
//! StorageClass, Service, ConfigMap, Secret, PodDisruptionBudget, VolumeSnapshotClass,
//! VolumeSnapshot, VolumeAttributesClass. Each writes the body of its `manifests!` item
//! (`pvc { … }`) from the decoded model; what the DSL cannot say is an [`ImportError`] naming
//! the field, or the escape hatch (`extra:`) where the DSL has one.

use super::source::{Body, name, quantity, string};
use super::{Doc, ImportError, hatch};
use kvol_core::access::AccessModes;
use kvol_core::attributes_class::VolumeAttributesClass;
use kvol_core::config::{ConfigMap, Secret};
use kvol_core::meta::{ClusterMeta, ObjectMeta, StringMap};
use kvol_core::model::api_enum::ApiEnum;
use kvol_core::object::Object;
use kvol_core::pdb::PodDisruptionBudget;
use kvol_core::pv::{PersistentVolume, PvSource};
use kvol_core::pvc::{ClassRef, PersistentVolumeClaim};
use kvol_core::selector::{
    LabelSelector, NodeSelectorOperator, NodeSelectorTerm, SelectorOperator, TopologySelectorTerm,
};
use kvol_core::service::{ClusterIp, Service, TargetPort};
use kvol_core::snapshot::{VolumeSnapshot, VolumeSnapshotClass};
use kvol_core::statefulset::IntOrPercent;
use kvol_core::storage_class::StorageClass;

/// What a printer found it cannot write.
type Errors = Vec<ImportError>;

/// Metadata the API server sets itself (and ignores, or refuses, on create): left out.
const SERVER_SET: &[&str] = &[
    "metadata.creationTimestamp",
    "metadata.generation",
    "metadata.managedFields",
    "metadata.resourceVersion",
    "metadata.selfLink",
    "metadata.uid",
];

/// The `manifests!` key and body of `object` (not a workload).
pub(super) fn object(doc: &Doc, object: &Object) -> Result<(&'static str, Body), Errors> {
    let mut errors = unmodelled(doc);
    let mut printed = match object {
        Object::PersistentVolume(o) => ("pv", pv(doc, o, &mut errors)),
        Object::PersistentVolumeClaim(o) => ("pvc", pvc(doc, o, &mut errors)),
        Object::StorageClass(o) => ("storage_class", storage_class(o)),
        Object::Service(o) => ("service", service(doc, o, &mut errors)),
        Object::ConfigMap(o) => ("config_map", config_map(o)),
        Object::Secret(o) => ("secret", secret(o)),
        Object::PodDisruptionBudget(o) => ("pdb", pdb(o)),
        Object::VolumeSnapshotClass(o) => ("volume_snapshot_class", snapshot_class(o)),
        Object::VolumeSnapshot(o) => ("volume_snapshot", snapshot(o)),
        Object::VolumeAttributesClass(o) => ("volume_attributes_class", attributes_class(o)),
        Object::Pod(_) | Object::StatefulSet(_) | Object::Deployment(_) | Object::DaemonSet(_) => {
            errors.push(doc.error("", "a workload: written by the workload printers"));
            ("", Body::new())
        }
    };
    let dropped: Vec<String> = (doc.decoded.unmodelled.iter())
        .map(|u| u.path.to_string())
        .filter(|p| SERVER_SET.contains(&p.as_str()) || same_cluster_ips(doc, p))
        .filter(|p| {
            !doc.node_at(p)
                .is_some_and(|n| matches!(n.value, kvol_read::Value::Null))
        })
        .collect();
    if !dropped.is_empty() {
        let mut body = Body::new();
        body.comment(&format!(
            "left out: {} (set by the API server)",
            dropped.join(", ")
        ));
        body.extend(printed.1);
        printed.1 = body;
    }
    if errors.is_empty() {
        Ok(printed)
    } else {
        Err(errors)
    }
}

/// A Service's `spec.clusterIPs` that only repeats `spec.clusterIP` (as `kubectl get` writes
/// it): the API server fills it in from `clusterIP`.
fn same_cluster_ips(doc: &Doc, path: &str) -> bool {
    use kvol_read::Value;
    if path != "spec.clusterIPs" || doc.decoded.kind != "Service" {
        return false;
    }
    let ip = doc.node_at("spec.clusterIP").map(|n| &n.value);
    match (doc.node_at(path).map(|n| &n.value), ip) {
        (Some(Value::Seq(ips)), Some(Value::String(ip))) => {
            matches!(ips.as_slice(), [one] if matches!(&one.value, Value::String(s) if s == ip))
        }
        _ => false,
    }
}

/// The fields the model does not hold: these kinds have no escape hatch. A field set to
/// `null` says nothing (`creationTimestamp: null` in `kubectl create --dry-run` output) and is
/// left out.
fn unmodelled(doc: &Doc) -> Errors {
    let item = doc.decoded.kind.as_str();
    (doc.decoded.unmodelled.iter())
        .filter(|u| {
            let path = u.path.to_string();
            !SERVER_SET.contains(&path.as_str())
                && !same_cluster_ips(doc, &path)
                && !doc
                    .node_at(&path)
                    .is_some_and(|n| matches!(n.value, kvol_read::Value::Null))
        })
        .map(|u| {
            doc.error(
                &u.path.to_string(),
                format!(
                    "kvol does not model this field of a {item}, and the DSL has no escape hatch \
                     for it: remove it from the input, or write this object with kvol's builder \
                     API"
                ),
            )
        })
        .collect()
}

/// A map key or value as the macros read it: bare when it is identifiers glued with `-`, `.`
/// and `/` (`app`, `app.kubernetes.io/name`, `pd-ssd`), else a string literal.
pub(super) fn atom(text: &str) -> String {
    let segment = |s: &str| {
        let mut chars = s.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
            && s != "_"
    };
    if !text.is_empty() && text.split(['-', '.', '/']).all(segment) {
        text.to_owned()
    } else {
        string(text)
    }
}

/// A kind (`VolumeSnapshot`): bare when it is one identifier, else a string literal.
fn word(text: &str) -> String {
    let mut chars = text.chars();
    let ident = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ident { text.to_owned() } else { string(text) }
}

/// `{ key: value, … }` as a block (one line when short).
fn map(m: &StringMap) -> Body {
    let mut body = Body::new();
    for (k, v) in m {
        body.field(&atom(k), atom(v));
    }
    body
}

/// `["a", "b"]`.
fn strings(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| string(s)).collect();
    format!("[{}]", items.join(", "))
}

/// `RWO | ROX`.
fn modes(modes: AccessModes) -> String {
    let words: Vec<&str> = modes.iter().map(|m| m.abbreviation()).collect();
    words.join(" | ")
}

fn labels_annotations(body: &mut Body, labels: &StringMap, annotations: &StringMap) {
    if !labels.is_empty() {
        body.block("labels:", map(labels));
    }
    if !annotations.is_empty() {
        body.block("annotations:", map(annotations));
    }
}

/// `name`, `namespace`, `labels`, `annotations` of a namespaced object.
fn object_meta(m: &ObjectMeta) -> Body {
    let mut body = Body::new();
    body.field("name", name(&m.name));
    if let Some(ns) = &m.namespace {
        body.field("namespace", name(ns));
    }
    labels_annotations(&mut body, &m.labels, &m.annotations);
    body
}

/// `name`, `labels`, `annotations` of a cluster-scoped object.
fn cluster_meta(m: &ClusterMeta) -> Body {
    let mut body = Body::new();
    body.field("name", name(&m.name));
    labels_annotations(&mut body, &m.labels, &m.annotations);
    body
}

/// A claim's or volume's `class:` (`""` for no class).
fn class(c: &str) -> String {
    if c.is_empty() {
        "\"\"".to_owned()
    } else {
        name(c)
    }
}

/// A selector expression `KEY OP [VALUES]` as the DSL reads it: the key is quoted when it is
/// not bare or one of its segments is an operator word (the parser finds the operator as the
/// first such identifier).
pub(super) fn expression(key: &str, op: &str, values: &[String], operators: &[&str]) -> String {
    let key = if key.split(['-', '.', '/']).any(|s| operators.contains(&s)) {
        string(key)
    } else {
        atom(key)
    };
    if values.is_empty() {
        format!("{key} {op}")
    } else {
        format!("{key} {op} {}", strings(values))
    }
}

/// A node selector term `{ KEY OP [..], field metadata.name In [..] }`.
pub(super) fn node_term(term: &NodeSelectorTerm) -> Body {
    let mut body = Body::new();
    let words = NodeSelectorOperator::words();
    for r in &term.match_expressions {
        body.item(expression(&r.key, r.operator.api_word(), &r.values, words));
    }
    for r in &term.match_fields {
        let e = expression(&r.key, r.operator.api_word(), &r.values, words);
        body.item(format!("field {e}"));
    }
    body
}

/// `{ app: web, tier In ["db"], canary DoesNotExist }`: `matchLabels`, then `matchExpressions`
/// in order.
pub(super) fn selector(s: &LabelSelector) -> Body {
    let mut body = map(&s.match_labels);
    for e in &s.match_expressions {
        body.item(expression(
            &e.key,
            e.operator.api_word(),
            &e.values,
            SelectorOperator::words(),
        ));
    }
    body
}

fn int_or_percent(v: &IntOrPercent) -> String {
    match v {
        IntOrPercent::Int(n) => n.to_string(),
        IntOrPercent::Percent(p) => format!("\"{p}%\""),
    }
}

fn pv(doc: &Doc, pv: &PersistentVolume, errors: &mut Errors) -> Body {
    let spec = &pv.spec;
    let mut body = cluster_meta(&pv.metadata);
    body.field("capacity", quantity(&spec.capacity.to_string()));
    if !spec.access_modes.is_empty() {
        body.field("access", modes(spec.access_modes));
    }
    if let Some(r) = spec.reclaim_policy {
        body.field("reclaim", r.api_word());
    }
    if let Some(c) = &spec.storage_class_name {
        body.field("class", class(c));
    }
    if let Some(m) = spec.volume_mode {
        body.field("volume_mode", m.api_word());
    }
    if !spec.mount_options.is_empty() {
        body.field("mount_options", strings(&spec.mount_options));
    }
    if let Some(a) = &spec.node_affinity {
        // One `node_affinity:` entry per term; `hostname [..]` for `kubernetes.io/hostname In`.
        if a.required.node_selector_terms.is_empty() {
            errors.push(doc.error(
                "spec.nodeAffinity.required.nodeSelectorTerms",
                "the DSL writes a volume's node affinity as its terms: write a volume without \
                 terms with kvol's builder API",
            ));
        }
        for term in &a.required.node_selector_terms {
            match (
                term.match_expressions.as_slice(),
                term.match_fields.is_empty(),
            ) {
                ([r], true)
                    if r.key == "kubernetes.io/hostname"
                        && r.operator == NodeSelectorOperator::In
                        && !r.values.is_empty() =>
                {
                    body.field("node_affinity", format!("hostname {}", strings(&r.values)));
                }
                _ => {
                    body.block("node_affinity:", node_term(term));
                }
            }
        }
    }
    if let Some(c) = &spec.claim_ref {
        body.field(
            "claim_ref",
            format!("{}/{}", name(&c.namespace), name(&c.name)),
        );
    }
    match &spec.source {
        PvSource::HostPath(h) => {
            let mut s = format!("host_path {}", string(&h.path));
            if let Some(k) = h.kind {
                s.push(' ');
                s.push_str(k.api_word());
            }
            body.field("source", s);
        }
        PvSource::Local(l) => {
            let mut s = format!("local {}", string(&l.path));
            if let Some(f) = &l.fs_type {
                s.push(' ');
                s.push_str(&name(f));
            }
            body.field("source", s);
        }
        PvSource::Nfs(n) => {
            let mut s = format!("nfs {} {}", string(&n.server), string(&n.path));
            if n.read_only {
                s.push_str(" read_only");
            }
            body.field("source", s);
        }
        PvSource::Csi(c) => {
            let mut opts = Body::new();
            if let Some(f) = &c.fs_type {
                opts.field("fs_type", name(f));
            }
            if let Some(r) = c.read_only {
                opts.field("read_only", r.to_string());
            }
            if !c.volume_attributes.is_empty() {
                opts.block("attributes:", map(&c.volume_attributes));
            }
            let secrets = [
                ("controller_expand_secret", &c.controller_expand_secret_ref),
                (
                    "controller_publish_secret",
                    &c.controller_publish_secret_ref,
                ),
                ("node_expand_secret", &c.node_expand_secret_ref),
                ("node_publish_secret", &c.node_publish_secret_ref),
                ("node_stage_secret", &c.node_stage_secret_ref),
            ];
            for (key, secret) in secrets {
                if let Some(r) = secret {
                    opts.field(key, format!("{}/{}", name(&r.namespace), name(&r.name)));
                }
            }
            let head = format!(
                "source: csi {} {}",
                string(&c.driver),
                string(&c.volume_handle)
            );
            if opts.is_empty() {
                body.field("source", &head["source: ".len()..]);
            } else {
                body.block(head, opts);
            }
        }
        PvSource::Iscsi(i) => {
            let mut opts = Body::new();
            opts.field("target_portal", string(&i.target_portal))
                .field("iqn", string(&i.iqn))
                .field("lun", i.lun.to_string());
            if let Some(f) = &i.fs_type {
                opts.field("fs_type", name(f));
            }
            if let Some(r) = i.read_only {
                opts.field("read_only", r.to_string());
            }
            body.block("source: iscsi", opts);
        }
        PvSource::Legacy(l) => {
            let info = l.plugin().info();
            let at = format!("spec.{}", info.key);
            let mut opts = Body::new();
            for f in info.fields {
                let Some(node) = doc.node_at(&format!("{at}.{}", f.api)) else {
                    continue;
                };
                let value = match &node.value {
                    kvol_read::Value::Null => continue,
                    kvol_read::Value::String(s) => string(s),
                    _ => hatch::value(node),
                };
                opts.field(f.name, value);
            }
            body.block(format!("source: {}", info.keyword), opts);
        }
    }
    body
}

fn pvc(doc: &Doc, pvc: &PersistentVolumeClaim, errors: &mut Errors) -> Body {
    let spec = &pvc.spec;
    let mut body = object_meta(&pvc.metadata);
    if !spec.access_modes.is_empty() {
        body.field("access", modes(spec.access_modes));
    }
    body.field("request", quantity(&spec.resources.requests.to_string()));
    if let Some(l) = &spec.resources.limits {
        body.field("limit", quantity(&l.to_string()));
    }
    match &spec.storage_class {
        ClassRef::ClusterDefault => {}
        ClassRef::NoClass => {
            body.field("class", "\"\"");
        }
        ClassRef::Named(n) => {
            body.field("class", class(n));
        }
    }
    if let Some(m) = spec.volume_mode {
        body.field("volume_mode", m.api_word());
    }
    if let Some(v) = &spec.volume_name {
        body.field("volume_name", name(v));
    }
    if let Some(s) = &spec.selector {
        body.block("selector:", selector(s));
    }
    if let Some(d) = &spec.data_source {
        let mut ds = Body::new();
        ds.field("kind", word(&d.kind)).field("name", name(&d.name));
        if let Some(g) = &d.api_group {
            ds.field("api_group", string(g));
        }
        body.block("data_source:", ds);
    }
    if let Some(d) = &spec.data_source_ref {
        let mut ds = Body::new();
        ds.field("kind", word(&d.kind)).field("name", name(&d.name));
        if let Some(g) = &d.api_group {
            ds.field("api_group", string(g));
        }
        if let Some(n) = &d.namespace {
            ds.field("namespace", name(n));
        }
        body.block("data_source_ref:", ds);
    }
    if let Some(a) = &spec.volume_attributes_class_name {
        body.field("attributes_class", name(a));
    }
    if !spec.extra.is_empty() {
        let mut extra = Body::new();
        let mut names = Vec::new();
        for (field, _) in spec.extra.iter() {
            match doc.node_at(&format!("spec.{field}")) {
                Some(node) => {
                    extra.field(&hatch::key(field), hatch::value(node));
                    names.push(field);
                }
                None => errors.push(doc.error(
                    &format!("spec.{field}"),
                    "kept by the decoder but not found in the document",
                )),
            }
        }
        body.comment(&format!(
            "kvol does not model {}: kept as written through the escape hatch",
            names.join(", ")
        ));
        body.block("extra:", extra);
    }
    body
}

fn storage_class(sc: &StorageClass) -> Body {
    let mut body = cluster_meta(&sc.metadata);
    body.field("provisioner", string(&sc.provisioner));
    if !sc.parameters.is_empty() {
        body.block("parameters:", map(&sc.parameters));
    }
    if let Some(r) = sc.reclaim_policy {
        body.field("reclaim", r.api_word());
    }
    if let Some(b) = sc.volume_binding_mode {
        body.field("binding", b.api_word());
    }
    if let Some(a) = sc.allow_volume_expansion {
        body.field("allow_expansion", a.to_string());
    }
    if !sc.mount_options.is_empty() {
        body.field("mount_options", strings(&sc.mount_options));
    }
    // One term: `topology: { "KEY": [..], … }`; several: `topology: [{ … }, { … }]`.
    let term = |t: &TopologySelectorTerm| {
        let mut body = Body::new();
        for r in &t.match_label_expressions {
            body.field(&string(&r.key), strings(&r.values));
        }
        body
    };
    match sc.allowed_topologies.as_slice() {
        [] => {}
        [one] => {
            body.block("topology:", term(one));
        }
        terms => {
            body.list("topology:", terms.iter().map(term).collect());
        }
    }
    body
}

fn service(doc: &Doc, svc: &Service, errors: &mut Errors) -> Body {
    let spec = &svc.spec;
    let mut body = object_meta(&svc.metadata);
    if let Some(t) = spec.type_ {
        body.field("type", t.api_word());
    }
    match &spec.cluster_ip {
        ClusterIp::None => {
            body.field("headless", "true");
        }
        ClusterIp::Allocated => {}
        ClusterIp::Address(a) => {
            body.field("cluster_ip", string(a));
        }
    }
    if !spec.selector.is_empty() {
        body.block("selector:", map(&spec.selector));
    }
    for (i, p) in spec.ports.iter().enumerate() {
        let mut port = String::new();
        if let Some(n) = &p.name {
            port.push_str(&name(n));
            port.push(' ');
        }
        port.push_str(&p.port.to_string());
        if p.protocol != Default::default() {
            port.push(' ');
            port.push_str(p.protocol.api_word());
        }
        match &p.target_port {
            Some(TargetPort::Number(n)) => port.push_str(&format!(" => {n}")),
            Some(TargetPort::Name(n)) => port.push_str(&format!(" => {}", name(n))),
            None => {}
        }
        if let Some(n) = p.node_port {
            port.push_str(&format!(" node_port {n}"));
        }
        if let Some(a) = &p.app_protocol {
            port.push_str(&format!(" app_protocol {}", string(a)));
        }
        if p.name.as_deref() == Some("") {
            errors.push(doc.error(&format!("spec.ports[{i}].name"), "an empty port name"));
        }
        body.field("port", port);
    }
    if let Some(a) = spec.session_affinity {
        let timeout = (spec.session_affinity_config.as_ref())
            .and_then(|c| c.client_ip.as_ref())
            .and_then(|c| c.timeout_seconds);
        match timeout {
            Some(t) => body.field(
                "session_affinity",
                format!("{} {{ timeout: {t} }}", a.api_word()),
            ),
            None => body.field("session_affinity", a.api_word()),
        };
    } else if spec.session_affinity_config.is_some() {
        errors.push(doc.error(
            "spec.sessionAffinityConfig",
            "the DSL writes `sessionAffinityConfig` with `session_affinity: ClientIP { timeout: \
             N }` only: add `sessionAffinity: ClientIP` or remove it",
        ));
    }
    if let Some(p) = spec.external_traffic_policy {
        body.field("external_traffic", p.api_word());
    }
    if let Some(p) = spec.internal_traffic_policy {
        body.field("internal_traffic", p.api_word());
    }
    if spec.publish_not_ready_addresses {
        body.field("publish_not_ready", "true");
    }
    body
}

fn config_map(cm: &ConfigMap) -> Body {
    let mut body = object_meta(&cm.metadata);
    if !cm.data.is_empty() {
        body.block("data:", map(&cm.data));
    }
    if !cm.binary_data.is_empty() {
        body.block("binary_data:", base64(&cm.binary_data));
    }
    if let Some(i) = cm.immutable {
        body.field("immutable", i.to_string());
    }
    body
}

/// `{ key: "BASE64" }`.
fn base64(m: &kvol_core::config::ByteMap) -> Body {
    let mut body = Body::new();
    for (k, v) in m {
        body.field(&atom(k), string(&v.to_base64()));
    }
    body
}

fn secret(s: &Secret) -> Body {
    let mut body = object_meta(&s.metadata);
    if let Some(t) = &s.type_ {
        body.field("type", string(t));
    }
    if !s.data.is_empty() {
        body.block("data:", base64(&s.data));
    }
    if !s.string_data.is_empty() {
        body.block("string_data:", map(&s.string_data));
    }
    if let Some(i) = s.immutable {
        body.field("immutable", i.to_string());
    }
    body
}

fn pdb(p: &PodDisruptionBudget) -> Body {
    let spec = &p.spec;
    let mut body = object_meta(&p.metadata);
    if let Some(v) = &spec.min_available {
        body.field("min_available", int_or_percent(v));
    }
    if let Some(v) = &spec.max_unavailable {
        body.field("max_unavailable", int_or_percent(v));
    }
    if let Some(s) = &spec.selector {
        body.block("selector:", selector(s));
    }
    if let Some(u) = spec.unhealthy_pod_eviction_policy {
        body.field("unhealthy_pod_eviction", u.api_word());
    }
    body
}

fn snapshot_class(c: &VolumeSnapshotClass) -> Body {
    let mut body = cluster_meta(&c.metadata);
    body.field("driver", string(&c.driver))
        .field("deletion", c.deletion_policy.api_word());
    if !c.parameters.is_empty() {
        body.block("parameters:", map(&c.parameters));
    }
    body
}

fn snapshot(s: &VolumeSnapshot) -> Body {
    let mut body = object_meta(&s.metadata);
    let source = &s.spec.source;
    if let Some(c) = &source.persistent_volume_claim_name {
        body.field("claim", name(c));
    }
    if let Some(c) = &source.volume_snapshot_content_name {
        body.field("content", name(c));
    }
    if let Some(c) = &s.spec.volume_snapshot_class_name {
        body.field("class", name(c));
    }
    body
}

fn attributes_class(c: &VolumeAttributesClass) -> Body {
    let mut body = cluster_meta(&c.metadata);
    body.field("driver", string(&c.driver_name));
    if !c.parameters.is_empty() {
        body.block("parameters:", map(&c.parameters));
    }
    body
}

#[cfg(test)]
mod tests {
    use crate::check::Input;
    use crate::import::{Failure, Options, import};

    /// The body of the `manifests!` block imported from `yaml` (8 spaces of indentation
    /// removed).
    fn block(yaml: &str) -> String {
        let input = Input {
            name: "in.yaml".into(),
            bytes: yaml.into(),
        };
        let source = match import(&[input], &Options::default()) {
            Ok(s) => s,
            Err(e) => panic!("{yaml}\nnot imported: {e:?}"),
        };
        let start = source
            .find("kvol::manifests! {\n")
            .expect("a manifests! block");
        let body = &source[start + "kvol::manifests! {\n".len()..];
        let end = body.find("\n    }\n}").expect("the block's end");
        body[..end]
            .lines()
            .map(|l| l.strip_prefix("        ").unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn errors(yaml: &str) -> Vec<String> {
        let input = Input {
            name: "in.yaml".into(),
            bytes: yaml.into(),
        };
        match import(&[input], &Options::default()) {
            Err(Failure::Unimportable(e)) => e.iter().map(ToString::to_string).collect(),
            other => panic!("expected import errors, got {other:?}"),
        }
    }

    #[test]
    fn persistent_volumes_of_every_source() {
        let yaml = "\
apiVersion: v1
kind: PersistentVolume
metadata: {name: local-ssd, labels: {disk: ssd}}
spec:
  capacity: {storage: 100Gi}
  accessModes: [ReadWriteOnce, ReadOnlyMany]
  persistentVolumeReclaimPolicy: Delete
  storageClassName: local
  volumeMode: Block
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - {key: kubernetes.io/hostname, operator: In, values: [node-1]}
  claimRef: {namespace: default, name: db-data}
  local: {path: /mnt/disks/ssd1}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: nfs}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteMany]
  storageClassName: \"\"
  mountOptions: [nfsvers=4.1]
  nfs: {server: nfs.example.com, path: /exports, readOnly: true}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: csi}
spec:
  capacity: {storage: 1.5Gi}
  accessModes: [ReadWriteOncePod]
  csi: {driver: pd.csi.storage.gke.io, volumeHandle: disks/d, fsType: ext4, readOnly: true,
        volumeAttributes: {a: b}}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: hp}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  hostPath: {path: /data, type: DirectoryOrCreate}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: iscsi}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  iscsi: {targetPortal: \"10.0.0.1:3260\", iqn: iqn.2001-04.com.example:storage, lun: 0}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: old-disk}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  gcePersistentDisk: {pdName: disk-1, fsType: ext4}
";
        assert_eq!(
            block(yaml),
            "\
pv {
    name: local-ssd,
    labels: { disk: ssd },
    capacity: 100Gi,
    access: RWO | ROX,
    reclaim: Delete,
    class: local,
    volume_mode: Block,
    node_affinity: hostname [\"node-1\"],
    claim_ref: default/db-data,
    source: local \"/mnt/disks/ssd1\",
    // kvol's warnings on this object, accepted as in the input
    allow: [claim_ref_unknown_claim],
},
pv {
    name: nfs,
    capacity: 1Gi,
    access: RWX,
    class: \"\",
    mount_options: [\"nfsvers=4.1\"],
    source: nfs \"nfs.example.com\" \"/exports\" read_only,
},
pv {
    name: csi,
    capacity: 1536Mi,
    access: RWOP,
    source: csi \"pd.csi.storage.gke.io\" \"disks/d\" {
        fs_type: ext4,
        read_only: true,
        attributes: { a: b },
    },
},
pv {
    name: hp,
    capacity: 1Gi,
    access: RWO,
    source: host_path \"/data\" DirectoryOrCreate,
},
pv {
    name: iscsi,
    capacity: 1Gi,
    access: RWO,
    source: iscsi {
        target_portal: \"10.0.0.1:3260\",
        iqn: \"iqn.2001-04.com.example:storage\",
        lun: 0,
    },
},
pv {
    name: old-disk,
    capacity: 1Gi,
    access: RWO,
    source: gce_pd { pd_name: \"disk-1\", fs_type: \"ext4\" },
    // kvol's warnings on this object, accepted as in the input
    allow: [gce_persistent_disk_was_removed_in_kubernetes_1_28],
},"
        );
    }

    #[test]
    fn csi_secret_references_as_namespace_slash_name() {
        let yaml = "\
apiVersion: v1
kind: PersistentVolume
metadata: {name: csi}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  csi:
    driver: d
    volumeHandle: h
    nodeStageSecretRef: {name: s, namespace: ns}
    nodePublishSecretRef: {name: p.q, namespace: kube-system}
";
        let source = block(yaml);
        assert!(
            source.contains("node_stage_secret: ns/s,")
                && source.contains("node_publish_secret: kube-system/\"p.q\","),
            "{source}"
        );
    }

    #[test]
    fn claims_with_their_references_declared() {
        let yaml = "\
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: restore, namespace: apps, labels: {app: db}}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 10Gi}, limits: {storage: 20Gi}}
  storageClassName: fast
  volumeMode: Filesystem
  dataSource: {kind: VolumeSnapshot, name: snap-1, apiGroup: snapshot.storage.k8s.io}
  volumeAttributesClassName: gold
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: plain, namespace: apps}
spec:
  accessModes: [ReadWriteMany]
  resources: {requests: {storage: 1Gi}}
";
        assert_eq!(
            block(yaml),
            "\
namespace: apps,
// claims without a class: the cluster's default StorageClass provisions them
assume_default_class: true,
// referred to by the input, not in it: kvol checks the set with them
external_classes: [fast],
external_snapshots: [snap-1],
external_attributes_classes: [gold],
pvc {
    name: restore,
    namespace: apps,
    labels: { app: db },
    access: RWO,
    request: 10Gi,
    limit: 20Gi,
    class: fast,
    volume_mode: Filesystem,
    data_source: {
        kind: VolumeSnapshot,
        name: snap-1,
        api_group: \"snapshot.storage.k8s.io\",
    },
    attributes_class: gold,
},
pvc { name: plain, namespace: apps, access: RWX, request: 1Gi },"
        );
    }

    #[test]
    fn storage_classes_and_the_beta_spelling() {
        let yaml = "\
apiVersion: storage.k8s.io/v1beta1
kind: StorageClass
metadata:
  name: fast
  annotations: {storageclass.kubernetes.io/is-default-class: \"true\"}
provisioner: pd.csi.storage.gke.io
parameters: {type: pd-ssd, csi.storage.k8s.io/fstype: ext4}
reclaimPolicy: Retain
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
mountOptions: [discard]
allowedTopologies:
- matchLabelExpressions:
  - {key: topology.kubernetes.io/zone, values: [a, b]}
";
        assert_eq!(
            block(yaml),
            "\
// StorageClass storage.k8s.io/v1beta1 in the input: that version is not served by
// Kubernetes 1.30 and later; imported as storage.k8s.io/v1 (the same schema)
storage_class {
    name: fast,
    annotations: { storageclass.kubernetes.io/is-default-class: true },
    provisioner: \"pd.csi.storage.gke.io\",
    parameters: { csi.storage.k8s.io/fstype: ext4, type: pd-ssd },
    reclaim: Retain,
    binding: WaitForFirstConsumer,
    allow_expansion: true,
    mount_options: [\"discard\"],
    topology: { \"topology.kubernetes.io/zone\": [\"a\", \"b\"] },
},"
        );
    }

    /// A claim without a class whose selector (`matchExpressions`) picks a volume without a
    /// class: with no default class the PV controller binds them, so nothing is declared.
    #[test]
    fn a_class_less_claim_with_a_selector_binds_its_volume() {
        let yaml = "\
apiVersion: v1
kind: PersistentVolume
metadata: {name: share, labels: {name: share}}
spec:
  accessModes: [ReadWriteMany]
  capacity: {storage: 1Gi}
  nfs: {server: nfs.example.com, path: /exports}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: share-claim}
spec:
  accessModes: [ReadWriteMany]
  resources: {requests: {storage: 1Gi}}
  selector:
    matchExpressions:
    - {key: name, operator: In, values: [share]}
";
        assert_eq!(
            block(yaml),
            "\
pv {
    name: share,
    labels: { name: share },
    capacity: 1Gi,
    access: RWX,
    source: nfs \"nfs.example.com\" \"/exports\",
},
pvc {
    name: share-claim,
    access: RWX,
    request: 1Gi,
    selector: { name In [\"share\"] },
},"
        );
    }

    /// Node affinity of any terms (every operator, `matchFields`), one `node_affinity:` each;
    /// topology terms of several requirements, and several terms as a list.
    #[test]
    fn node_affinity_terms_and_topology_terms() {
        let yaml = "\
apiVersion: v1
kind: PersistentVolume
metadata: {name: local-a}
spec:
  capacity: {storage: 10Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: local
  local: {path: /mnt/disks/a}
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - {key: kubernetes.io/hostname, operator: In, values: [node-1, node-2]}
        - {key: disk, operator: Exists}
        - {key: cpus, operator: Gt, values: [\"4\"]}
      - matchFields:
        - {key: metadata.name, operator: In, values: [node-3]}
      - matchExpressions:
        - {key: kubernetes.io/hostname, operator: In, values: [node-4]}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: local}
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
allowedTopologies:
- matchLabelExpressions:
  - {key: topology.kubernetes.io/zone, values: [a, b]}
  - {key: topology.kubernetes.io/region, values: [r1]}
- matchLabelExpressions:
  - {key: topology.kubernetes.io/zone, values: [c]}
";
        assert_eq!(
            block(yaml),
            "\
pv {
    name: local-a,
    capacity: 10Gi,
    access: RWO,
    class: local,
    node_affinity: {
        kubernetes.io/hostname In [\"node-1\", \"node-2\"],
        disk Exists,
        cpus Gt [\"4\"],
    },
    node_affinity: { field metadata.name In [\"node-3\"] },
    node_affinity: hostname [\"node-4\"],
    source: local \"/mnt/disks/a\",
},
storage_class {
    name: local,
    provisioner: \"kubernetes.io/no-provisioner\",
    binding: WaitForFirstConsumer,
    topology: [
        {
            \"topology.kubernetes.io/zone\": [\"a\", \"b\"],
            \"topology.kubernetes.io/region\": [\"r1\"],
        },
        { \"topology.kubernetes.io/zone\": [\"c\"] },
    ],
},"
        );
    }

    #[test]
    fn services_of_every_type() {
        let yaml = "\
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: http, nodePort: 30080}
  - {name: dns, port: 53, protocol: UDP, targetPort: 5353, appProtocol: dns}
  sessionAffinity: ClientIP
  sessionAffinityConfig: {clientIP: {timeoutSeconds: 600}}
  externalTrafficPolicy: Local
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{port: 5432}]
  publishNotReadyAddresses: true
  internalTrafficPolicy: Cluster
---
apiVersion: v1
kind: Service
metadata: {name: fixed}
spec:
  type: LoadBalancer
  clusterIP: 10.0.0.10
  ports: [{port: 443}]
";
        assert_eq!(
            block(yaml),
            "\
service {
    name: web,
    type: NodePort,
    selector: { app: web },
    port: http 80 => http node_port 30080,
    port: dns 53 UDP => 5353 app_protocol \"dns\",
    session_affinity: ClientIP { timeout: 600 },
    external_traffic: Local,
    // kvol's warnings on this object, accepted as in the input
    allow: [service_selects_no_pods],
},
service {
    name: db,
    headless: true,
    selector: { app: db },
    port: 5432,
    internal_traffic: Cluster,
    publish_not_ready: true,
    // kvol's warnings on this object, accepted as in the input
    allow: [service_selects_no_pods],
},
service { name: fixed, type: LoadBalancer, cluster_ip: \"10.0.0.10\", port: 443 },"
        );
    }

    #[test]
    fn config_maps_and_secrets_with_their_bytes() {
        let yaml = "\
apiVersion: v1
kind: ConfigMap
metadata: {name: app-config}
data: {app.properties: \"mode=prod\\nlevel=2\", \"0weird\": \"\"}
immutable: true
---
apiVersion: v1
kind: Secret
metadata: {name: creds}
type: kubernetes.io/basic-auth
data: {username: YWRtaW4=}
stringData: {password: s3cr3t}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b}
binaryData: {k: AAE=}
";
        assert_eq!(
            block(yaml),
            "\
config_map {
    name: app-config,
    data: { \"0weird\": \"\", app.properties: \"mode=prod\\nlevel=2\" },
    immutable: true,
},
secret {
    name: creds,
    type: \"kubernetes.io/basic-auth\",
    data: { username: \"YWRtaW4=\" },
    string_data: { password: s3cr3t },
},
config_map { name: b, binary_data: { k: \"AAE=\" } },"
        );
    }

    #[test]
    fn disruption_budgets() {
        let yaml = "\
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web-pdb}
spec:
  minAvailable: 50%
  selector: {matchLabels: {app: web}}
  unhealthyPodEvictionPolicy: AlwaysAllow
";
        assert_eq!(
            block(yaml),
            "\
pdb {
    name: web-pdb,
    min_available: \"50%\",
    selector: { app: web },
    unhealthy_pod_eviction: AlwaysAllow,
    // kvol's warnings on this object, accepted as in the input
    allow: [pdb_selects_no_pods],
},"
        );
        let expressions = "\
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: p}
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {app: web}
    matchExpressions:
    - {key: app, operator: Exists}
    - {key: tier, operator: In, values: [db, \"1.0\"]}
    - {key: example.com/In, operator: NotIn, values: [x]}
    - {key: legacy, operator: DoesNotExist}
";
        assert_eq!(
            block(expressions),
            "\
pdb {
    name: p,
    max_unavailable: 1,
    selector: {
        app: web,
        app Exists,
        tier In [\"db\", \"1.0\"],
        \"example.com/In\" NotIn [\"x\"],
        legacy DoesNotExist,
    },
    // kvol's warnings on this object, accepted as in the input
    allow: [pdb_selects_no_pods],
},"
        );
    }

    #[test]
    fn snapshots_their_classes_and_attributes_classes() {
        let yaml = "\
apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshotClass
metadata: {name: snapclass}
driver: hostpath.csi.k8s.io
deletionPolicy: Retain
parameters: {a: b}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
  storageClassName: \"\"
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: data-pv}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  csi: {driver: hostpath.csi.k8s.io, volumeHandle: h}
---
apiVersion: snapshot.storage.k8s.io/v1beta1
kind: VolumeSnapshot
metadata: {name: snap}
spec:
  volumeSnapshotClassName: snapclass
  source: {persistentVolumeClaimName: data}
---
apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshot
metadata: {name: pre}
spec:
  source: {volumeSnapshotContentName: content-1}
---
apiVersion: storage.k8s.io/v1beta1
kind: VolumeAttributesClass
metadata: {name: gold}
driverName: ebs.csi.aws.com
parameters: {iops: \"5000\"}
";
        assert_eq!(
            block(yaml),
            "\
volume_snapshot_class {
    name: snapclass,
    driver: \"hostpath.csi.k8s.io\",
    deletion: Retain,
    parameters: { a: b },
},
pvc { name: data, access: RWO, request: 1Gi, class: \"\" },
pv {
    name: data-pv,
    capacity: 1Gi,
    access: RWO,
    source: csi \"hostpath.csi.k8s.io\" \"h\",
},
// VolumeSnapshot snapshot.storage.k8s.io/v1beta1 in the input: that version is not served
// by Kubernetes 1.30 and later; imported as snapshot.storage.k8s.io/v1 (the same schema)
volume_snapshot { name: snap, claim: data, class: snapclass },
volume_snapshot { name: pre, content: content-1 },
// VolumeAttributesClass storage.k8s.io/v1beta1 in the input: kvol writes storage.k8s.io/v1,
// the same schema, served from Kubernetes 1.34
volume_attributes_class {
    name: gold,
    driver: \"ebs.csi.aws.com\",
    parameters: { iops: \"5000\" },
},"
        );
    }

    #[test]
    fn claims_select_their_volume_by_labels() {
        let yaml = "\
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
  storageClassName: \"\"
  selector: {matchLabels: {disk: ssd}}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv, labels: {disk: ssd}}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  hostPath: {path: /d, type: Directory}
";
        assert_eq!(
            block(yaml),
            "\
pvc {
    name: data,
    access: RWO,
    request: 1Gi,
    class: \"\",
    selector: { disk: ssd },
},
pv {
    name: pv,
    labels: { disk: ssd },
    capacity: 1Gi,
    access: RWO,
    source: host_path \"/d\" Directory,
},"
        );
    }

    #[test]
    fn references_in_other_namespaces_are_declared_there() {
        let yaml = "\
apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshot
metadata: {name: snap, namespace: a}
spec:
  volumeSnapshotClassName: csi
  source: {persistentVolumeClaimName: data}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: restored, namespace: b}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
  storageClassName: fast
  dataSource: {kind: VolumeSnapshot, name: nightly, apiGroup: snapshot.storage.k8s.io}
";
        assert_eq!(
            block(yaml),
            "\
// referred to by the input, not in it: kvol checks the set with them
external_classes: [fast],
external_claims: [\"a/data\"],
external_snapshots: [\"b/nightly\"],
external_snapshot_classes: [csi],
volume_snapshot { name: snap, namespace: a, claim: data, class: csi },
pvc {
    name: restored,
    namespace: b,
    access: RWO,
    request: 1Gi,
    class: fast,
    data_source: {
        kind: VolumeSnapshot,
        name: nightly,
        api_group: \"snapshot.storage.k8s.io\",
    },
},"
        );
    }

    #[test]
    fn null_fields_say_nothing() {
        let yaml = "\
apiVersion: v1
kind: ConfigMap
metadata: {name: c, creationTimestamp: null}
data: {a: b}
";
        assert_eq!(block(yaml), "config_map { name: c, data: { a: b } },");
    }

    #[test]
    fn metadata_the_server_sets_is_left_out() {
        let yaml = "\
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  uid: 0b6f3c1e-1111-2222-3333-444455556666
  resourceVersion: \"123\"
  creationTimestamp: \"2024-01-01T00:00:00Z\"
data: {a: b}
";
        assert_eq!(
            block(yaml),
            "\
config_map {
    // left out: metadata.uid, metadata.resourceVersion, metadata.creationTimestamp (set by
    // the API server)
    name: c,
    data: { a: b },
},"
        );
        let service = "\
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {clusterIP: None, clusterIPs: [None], selector: {app: db}, ports: [{port: 5432}]}
";
        assert!(
            block(service).starts_with(
                "service {\n    // left out: spec.clusterIPs (set by the API server)\n"
            ),
            "{}",
            block(service)
        );
        let owned = "\
apiVersion: v1
kind: ConfigMap
metadata: {name: c, ownerReferences: [{apiVersion: v1, kind: Pod, name: p, uid: u}]}
";
        assert_eq!(errors(owned).len(), 1);
    }

    #[test]
    fn kinds_kvol_does_not_model_are_named() {
        let yaml = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: d}\nspec: {}\n";
        let e = errors(yaml);
        assert_eq!(e.len(), 1);
        assert!(
            e[0].starts_with("in.yaml#0: kvol does not model batch/v1 Job"),
            "{e:?}"
        );
    }

    #[test]
    fn invalid_input_is_refused_with_check_s_reports() {
        let yaml = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: d}\nspec:\n  \
                    accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 0}}\n";
        let input = Input {
            name: "in.yaml".into(),
            bytes: yaml.into(),
        };
        match import(&[input], &Options::default()) {
            Err(Failure::Invalid(reports)) => {
                assert!(!reports[0].accepted());
                assert_eq!(reports[0].errors[0].field, "spec.resources[storage]");
            }
            other => panic!("expected check's refusal, got {other:?}"),
        }
    }
}
