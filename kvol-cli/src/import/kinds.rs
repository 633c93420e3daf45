//! The printers of every kind but the workloads: PersistentVolume, PersistentVolumeClaim,
//! StorageClass, Service, ConfigMap, Secret, PodDisruptionBudget, VolumeSnapshotClass,
//! VolumeSnapshot, VolumeAttributesClass. Each writes the body of its `manifests!` item
//! (`pvc { … }`) from the decoded model; what the DSL cannot say is an [`ImportError`] naming
//! the field, or the escape hatch (`extra:`) where the DSL has one.

use super::source::{Body, name, quantity, string};
use super::{Doc, ImportError, hatch};
use kvol_core::access::AccessModes;
use kvol_core::attributes_class::{AttributesClassVersion, VolumeAttributesClass};
use kvol_core::config::{ConfigMap, Secret};
use kvol_core::meta::{ClusterMeta, ObjectMeta, StringMap};
use kvol_core::model::api_enum::ApiEnum;
use kvol_core::object::Object;
use kvol_core::pdb::PodDisruptionBudget;
use kvol_core::pv::{PersistentVolume, PvSource};
use kvol_core::pvc::{ClassRef, PersistentVolumeClaim};
use kvol_core::selector::{LabelSelector, NodeSelectorOperator};
use kvol_core::service::{ClusterIp, Service, TargetPort};
use kvol_core::snapshot::{VolumeSnapshot, VolumeSnapshotClass};
use kvol_core::statefulset::IntOrPercent;
use kvol_core::storage_class::StorageClass;

/// What a printer found it cannot write.
type Errors = Vec<ImportError>;

/// The `manifests!` key and body of `object` (not a workload).
pub(super) fn object(doc: &Doc, object: &Object) -> Result<(&'static str, Body), Errors> {
    let mut errors = unmodelled(doc);
    let printed = match object {
        Object::PersistentVolume(o) => ("pv", pv(doc, o, &mut errors)),
        Object::PersistentVolumeClaim(o) => ("pvc", pvc(doc, o, &mut errors)),
        Object::StorageClass(o) => ("storage_class", storage_class(doc, o, &mut errors)),
        Object::Service(o) => ("service", service(doc, o, &mut errors)),
        Object::ConfigMap(o) => ("config_map", config_map(doc, o, &mut errors)),
        Object::Secret(o) => ("secret", secret(doc, o, &mut errors)),
        Object::PodDisruptionBudget(o) => ("pdb", pdb(doc, o, &mut errors)),
        Object::VolumeSnapshotClass(o) => ("volume_snapshot_class", snapshot_class(o)),
        Object::VolumeSnapshot(o) => ("volume_snapshot", snapshot(o)),
        Object::VolumeAttributesClass(o) => ("volume_attributes_class", attributes_class(o)),
        Object::Pod(_) | Object::StatefulSet(_) | Object::Deployment(_) => {
            errors.push(doc.error("", "a workload: written by the workload printers"));
            ("", Body::new())
        }
    };
    if errors.is_empty() {
        Ok(printed)
    } else {
        Err(errors)
    }
}

/// The fields the model does not hold: these kinds have no escape hatch.
fn unmodelled(doc: &Doc) -> Errors {
    let item = doc.decoded.kind.as_str();
    (doc.decoded.unmodelled.iter())
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

/// `matchLabels` only: the DSL's selectors are label maps.
fn selector(doc: &Doc, s: &LabelSelector, path: &str, errors: &mut Errors) -> Body {
    if !s.match_expressions.is_empty() {
        errors.push(doc.error(
            &format!("{path}.matchExpressions"),
            "the DSL's selectors are label maps (`matchLabels`): write this object with kvol's \
             builder API to keep `matchExpressions`",
        ));
    }
    map(&s.match_labels)
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
        // The DSL writes one term: `kubernetes.io/hostname In [..]`.
        match a.required.node_selector_terms.as_slice() {
            [term]
                if matches!(
                    term.match_expressions.as_slice(),
                    [r] if r.key == "kubernetes.io/hostname"
                        && r.operator == NodeSelectorOperator::In
                        && !r.values.is_empty()
                ) =>
            {
                let values = &term.match_expressions[0].values;
                body.field("node_affinity", format!("hostname {}", strings(values)));
            }
            _ => errors.push(doc.error(
                "spec.nodeAffinity",
                "the DSL writes a volume's node affinity as one term `kubernetes.io/hostname In \
                 [..]` (`node_affinity: hostname [..]`): write this volume with kvol's builder \
                 API to keep other terms",
            )),
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
            if c.node_publish_secret_ref.is_some() {
                errors.push(doc.error(
                    "spec.csi.nodePublishSecretRef",
                    "the DSL's `csi` source has no secret references: write this volume with \
                     kvol's builder API",
                ));
            }
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
        body.block("selector:", selector(doc, s, "spec.selector", errors));
    }
    if let Some(d) = &spec.data_source {
        let mut ds = Body::new();
        ds.field("kind", name(&d.kind)).field("name", name(&d.name));
        if let Some(g) = &d.api_group {
            ds.field("api_group", string(g));
        }
        body.block("data_source:", ds);
    }
    if let Some(d) = &spec.data_source_ref {
        let mut ds = Body::new();
        ds.field("kind", name(&d.kind)).field("name", name(&d.name));
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

fn storage_class(doc: &Doc, sc: &StorageClass, errors: &mut Errors) -> Body {
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
    if !sc.allowed_topologies.is_empty() {
        // The DSL writes one term per key, each with one requirement.
        let mut topology = Body::new();
        for (i, term) in sc.allowed_topologies.iter().enumerate() {
            match term.match_label_expressions.as_slice() {
                [r] => {
                    topology.field(&string(&r.key), strings(&r.values));
                }
                _ => errors.push(doc.error(
                    &format!("allowedTopologies[{i}]"),
                    "the DSL writes each topology term with one requirement (`topology: { \
                     \"KEY\": [..] }`): write this class with kvol's builder API to keep terms \
                     of several requirements",
                )),
            }
        }
        body.block("topology:", topology);
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

fn config_map(doc: &Doc, cm: &ConfigMap, errors: &mut Errors) -> Body {
    let mut body = object_meta(&cm.metadata);
    if !cm.data.is_empty() {
        body.block("data:", map(&cm.data));
    }
    for key in cm.binary_data.keys() {
        errors.push(doc.error(
            &format!("binaryData[{key}]"),
            "the DSL's ConfigMaps hold text (`data`) only: write this ConfigMap with kvol's \
             builder API to keep `binaryData`",
        ));
    }
    if let Some(i) = cm.immutable {
        body.field("immutable", i.to_string());
    }
    body
}

fn secret(doc: &Doc, s: &Secret, errors: &mut Errors) -> Body {
    let mut body = object_meta(&s.metadata);
    if let Some(t) = &s.type_ {
        body.field("type", string(t));
    }
    // `data` (base64) is written as `string_data` (its text): the API server stores
    // `stringData` in `data`, with `stringData` winning for a key in both.
    let mut text = StringMap::new();
    for (key, bytes) in &s.data {
        match String::from_utf8(bytes.0.clone()) {
            Ok(t) => {
                text.insert(key.clone(), t);
            }
            Err(_) => errors.push(doc.error(
                &format!("data[{key}]"),
                "not text: the DSL's Secrets hold text (`string_data`) only; write this Secret \
                 with kvol's builder API",
            )),
        }
    }
    if !s.data.is_empty() {
        body.comment(
            "`data` (base64) written as `string_data`, its text: the API server stores both in \
             `data`",
        );
    }
    for (key, t) in &s.string_data {
        text.insert(key.clone(), t.clone());
    }
    if !text.is_empty() {
        body.block("string_data:", map(&text));
    }
    if let Some(i) = s.immutable {
        body.field("immutable", i.to_string());
    }
    body
}

fn pdb(doc: &Doc, p: &PodDisruptionBudget, errors: &mut Errors) -> Body {
    let spec = &p.spec;
    let mut body = object_meta(&p.metadata);
    if let Some(v) = &spec.min_available {
        body.field("min_available", int_or_percent(v));
    }
    if let Some(v) = &spec.max_unavailable {
        body.field("max_unavailable", int_or_percent(v));
    }
    if let Some(s) = &spec.selector {
        body.block("selector:", selector(doc, s, "spec.selector", errors));
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
    let mut body = Body::new();
    if c.api_version != AttributesClassVersion::V1 {
        body.comment(&format!(
            "{} in the input: kvol writes {}",
            c.api_version.api_word(),
            AttributesClassVersion::V1.api_word()
        ));
    }
    let meta = cluster_meta(&c.metadata);
    body.extend(meta);
    body.field("driver", string(&c.driver_name));
    if !c.parameters.is_empty() {
        body.block("parameters:", map(&c.parameters));
    }
    body
}
