//! The objects: `pod!`, `statefulset!`, `pvc!`, `pv!`, `storage_class!` and `service!`, each
//! lowered into its
//! kvol-core builder.

use super::{
    Cx,
    claim::{access_modes, claim_template, storage_class},
    container::{compact_container, containers},
    pv::pv_source,
    scheduling,
    volume::{map_pairs, reg_map, volumes},
    words::word,
};
use crate::{
    ast::{
        AttributesClassAst, ConfigMapAst, DaemonSetAst, DaemonSetUpdate, DataSource, DeploymentAst,
        Item2, MaxUnavailable, Meta, PdbAst, PodAst, PodSettings, PvAst, PvcAst, SecretAst,
        ServiceAst, ServicePortAst, SnapshotAst, SnapshotClassAst, StatefulSetAst, StorageClassAst,
        Strategy, TargetAst, Update, Val,
    },
    ctxt::Sp,
    lowered::{Lowered, call, ctor, opt, record, vec},
};
use kvol_core::{FieldPath, Object, Report, Valid};
use proc_macro2::TokenStream;
use quote::quote;

/// One object after the walk: what the rules said, the object when it built, and the
/// expression of type `Valid<T>` the expansion evaluates.
pub struct LoweredObject {
    /// Errors and warnings of kvol-core's rules.
    pub report: Report,
    /// The checked object, when it has no errors.
    pub object: Option<Object>,
    /// The expression that rebuilds it at run time.
    pub tokens: TokenStream,
}

/// The kvol-core type name of each kind of object.
pub fn kind_name(item: &Item2) -> &'static str {
    match item {
        Item2::Pod(_) => "Pod",
        Item2::Pv(_) => "PersistentVolume",
        Item2::Pvc(_) => "PersistentVolumeClaim",
        Item2::StorageClass(_) => "StorageClass",
        Item2::StatefulSet(_) => "StatefulSet",
        Item2::Service(_) => "Service",
        Item2::Deployment(_) => "Deployment",
        Item2::DaemonSet(_) => "DaemonSet",
        Item2::ConfigMap(_) => "ConfigMap",
        Item2::Secret(_) => "Secret",
        Item2::Pdb(_) => "PodDisruptionBudget",
        Item2::SnapshotClass(_) => "VolumeSnapshotClass",
        Item2::Snapshot(_) => "VolumeSnapshot",
        Item2::AttributesClass(_) => "VolumeAttributesClass",
    }
}

/// The metadata of an object: where its name is written.
pub fn item_meta(item: &Item2) -> &Meta {
    match item {
        Item2::Pod(a) => &a.meta,
        Item2::Pv(a) => &a.meta,
        Item2::Pvc(a) => &a.meta,
        Item2::StorageClass(a) => &a.meta,
        Item2::StatefulSet(a) => &a.meta,
        Item2::Service(a) => &a.meta,
        Item2::Deployment(a) => &a.meta,
        Item2::DaemonSet(a) => &a.meta,
        Item2::ConfigMap(a) => &a.meta,
        Item2::Secret(a) => &a.meta,
        Item2::Pdb(a) => &a.meta,
        Item2::SnapshotClass(a) => &a.meta,
        Item2::Snapshot(a) => &a.meta,
        Item2::AttributesClass(a) => &a.meta,
    }
}

/// Lowers one object: one pass of the walk.
pub fn lower_object(cx: &mut Cx, item: &Item2, root: Sp) -> LoweredObject {
    match item {
        Item2::Pod(a) => pod(cx, a, root),
        Item2::StatefulSet(a) => statefulset(cx, a, root),
        Item2::Pvc(a) => pvc(cx, a, root),
        Item2::Pv(a) => pv(cx, a, root),
        Item2::StorageClass(a) => storage_class(cx, a, root),
        Item2::Service(a) => service(cx, a, root),
        Item2::Deployment(a) => deployment(cx, a, root),
        Item2::DaemonSet(a) => daemonset(cx, a, root),
        Item2::ConfigMap(a) => config_map(cx, a, root),
        Item2::Secret(a) => secret(cx, a, root),
        Item2::Pdb(a) => pdb(cx, a, root),
        Item2::SnapshotClass(a) => snapshot_class(cx, a, root),
        Item2::Snapshot(a) => snapshot(cx, a, root),
        Item2::AttributesClass(a) => attributes_class(cx, a, root),
    }
}

/// `builder.build()` for the rules, `builder.__build_prechecked()` for the expansion (the
/// same assembly, without the `Result`: the rules already held at compile time).
fn finish<T: Into<Object>>(built: Result<Valid<T>, Report>, tokens: TokenStream) -> LoweredObject {
    let tokens = quote!(#tokens.__build_prechecked());
    match built {
        Ok(valid) => LoweredObject {
            report: Report {
                errors: Vec::new(),
                warnings: valid.warnings().to_vec(),
            },
            object: Some(valid.into_inner().into()),
            tokens,
        },
        Err(report) => LoweredObject {
            report,
            object: None,
            tokens,
        },
    }
}

/// Registers where the metadata came from.
fn meta_spans(cx: &mut Cx, meta: &Meta, root: Sp) {
    cx.reg(&FieldPath::root(), root);
    let m = FieldPath::root().child("metadata");
    cx.reg(&m.child("name"), meta.name.as_ref().map_or(root, Val::sp));
    if let Some(ns) = &meta.namespace {
        cx.reg(&m.child("namespace"), ns.sp());
    }
    reg_map(cx, &m.child("labels"), &meta.labels);
    reg_map(cx, &m.child("annotations"), &meta.annotations);
}

/// The object's name (empty when missing: the rules report it).
fn name(cx: &mut Cx, meta: &Meta) -> Lowered<String> {
    match &meta.name {
        Some(n) => cx.text(n),
        None => cx.string(""),
    }
}

/// `.namespace(…)` when written.
macro_rules! namespace {
    ($cx:expr, $b:ident, $meta:expr) => {{
        let b = $b;
        match &$meta.namespace {
            Some(ns) => {
                let ns = $cx.text(ns);
                call!(b.namespace(ns))
            }
            None => b,
        }
    }};
}

/// `.label(…)` and `.annotation(…)` for each entry.
macro_rules! labels_and_annotations {
    ($cx:expr, $b:ident, $meta:expr) => {{
        let mut b = $b;
        for (key, value) in map_pairs($cx, &$meta.labels) {
            b = call!(b.label(key, value));
        }
        for (key, value) in map_pairs($cx, &$meta.annotations) {
            b = call!(b.annotation(key, value));
        }
        b
    }};
}

/// The head a Deployment and a DaemonSet lower alike: the pods' labels (also the selector, so
/// the caller registers their spans), the object's annotations and labels, the selector's own
/// labels and the pods' annotations.
macro_rules! replicated_head {
    ($cx:expr, $b:ident, $ast:expr, $spec:expr) => {{
        let mut b = $b;
        for (key, value) in map_pairs($cx, &$ast.meta.labels) {
            b = call!(b.pod_label(key, value));
        }
        for (key, value) in map_pairs($cx, &$ast.meta.annotations) {
            b = call!(b.annotation(key, value));
        }
        reg_map(
            $cx,
            &FieldPath::root().child("metadata").child("labels"),
            &$ast.object_labels,
        );
        for (key, value) in map_pairs($cx, &$ast.object_labels) {
            b = call!(b.label(key, value));
        }
        reg_map(
            $cx,
            &$spec.child("selector").child("matchLabels"),
            &$ast.selector,
        );
        for (key, value) in map_pairs($cx, &$ast.selector) {
            b = call!(b.selector_label(key, value));
        }
        let template_meta = $spec.child("template").child("metadata");
        reg_map(
            $cx,
            &template_meta.child("annotations"),
            &$ast.pod_annotations,
        );
        for (key, value) in map_pairs($cx, &$ast.pod_annotations) {
            b = call!(b.pod_annotation(key, value));
        }
        b
    }};
}

/// `min_ready` and `revision_history` of a Deployment or DaemonSet.
macro_rules! replicated_history {
    ($cx:expr, $b:ident, $ast:expr, $spec:expr) => {{
        let mut b = $b;
        if let Some(v) = &$ast.min_ready {
            $cx.reg(&$spec.child("minReadySeconds"), v.sp());
            let v = $cx.int32(v, "`min_ready`");
            b = call!(b.min_ready_seconds(v));
        }
        if let Some(v) = &$ast.revision_history {
            $cx.reg(&$spec.child("revisionHistoryLimit"), v.sp());
            let v = $cx.int32(v, "`revision_history`");
            b = call!(b.revision_history_limit(v));
        }
        b
    }};
}

/// A Deployment's or DaemonSet's `node_selector` and pod-spec `extra:` (keys `pod_body!`
/// leaves to each kind).
macro_rules! replicated_pod_extras {
    ($cx:expr, $b:ident, $body:expr, $pod_spec:expr) => {{
        let mut b = $b;
        reg_map($cx, &$pod_spec.child("nodeSelector"), &$body.node_selector);
        for (key, value) in map_pairs($cx, &$body.node_selector) {
            b = call!(b.node_selector(key, value));
        }
        for (name, value) in super::extra::fields($cx, &$body.extra, &$pod_spec) {
            b = call!(b.pod_extra(name, value));
        }
        b
    }};
}

/// The pod-spec keys `pod!` and `statefulset!` share: containers, volumes, grace period.
macro_rules! pod_body {
    ($cx:expr, $b:ident, $body:expr, $spec:expr, $name:expr, $root:expr, $claims:expr) => {{
        let mut b = $b;
        let (cs, init) = containers($cx, $body, $spec, $name, $root, $claims);
        if cs.is_empty() {
            $cx.reg(&$spec.child("containers"), $root);
        }
        for c in cs {
            b = call!(b.container(c));
        }
        for c in init {
            b = call!(b.init_container(c));
        }
        for v in volumes($cx, $body, $spec) {
            let (name, source) = (v.name, v.source);
            b = call!(b.volume(name, source));
        }
        if let Some(g) = &$body.grace {
            $cx.reg(&$spec.child("terminationGracePeriodSeconds"), g.sp());
            let g = $cx.int64(g);
            b = call!(b.grace_period(g));
        }
        pod_settings!($cx, b, &$body.settings, $spec)
    }};
}

/// The pod-level settings (`security`, affinity, tolerations, spread, DNS, …).
macro_rules! pod_settings {
    ($cx:expr, $b:ident, $s:expr, $spec:expr) => {{
        let mut b = $b;
        let (s, spec): (&PodSettings, &FieldPath) = ($s, $spec);
        let k = $cx.k.clone();
        if let Some(sc) = &s.security {
            let sc = scheduling::security($cx, sc, &spec.child("securityContext"));
            b = call!(b.security_context(sc));
        }
        let affinity = spec.child("affinity");
        let node = affinity.child("nodeAffinity");
        let (mut required, mut preferred) = (0, 0);
        for a in &s.node_affinity {
            match &a.weight {
                None => {
                    let p = node
                        .child("requiredDuringSchedulingIgnoredDuringExecution")
                        .child("nodeSelectorTerms")
                        .index(required);
                    required += 1;
                    let term = scheduling::node_term($cx, a, &p);
                    b = call!(b.node_affinity_required(term));
                }
                Some(w) => {
                    let p = node
                        .child("preferredDuringSchedulingIgnoredDuringExecution")
                        .index(preferred);
                    preferred += 1;
                    $cx.reg(&p.child("weight"), w.sp());
                    let term = scheduling::node_term($cx, a, &p.child("preference"));
                    let w = $cx.int32(w, "a weight");
                    b = call!(b.node_affinity_preferred(w, term));
                }
            }
        }
        let mut counts = [[0usize; 2]; 2];
        for a in &s.pod_affinity {
            let kind = if a.anti {
                "podAntiAffinity"
            } else {
                "podAffinity"
            };
            let slot = &mut counts[usize::from(a.anti)][usize::from(a.weight.is_some())];
            let at = *slot;
            *slot += 1;
            match &a.weight {
                None => {
                    let p = (affinity.child(kind))
                        .child("requiredDuringSchedulingIgnoredDuringExecution")
                        .index(at);
                    let term = scheduling::pod_term($cx, a, &p);
                    b = if a.anti {
                        call!(b.pod_anti_affinity(term))
                    } else {
                        call!(b.pod_affinity(term))
                    };
                }
                Some(w) => {
                    let p = (affinity.child(kind))
                        .child("preferredDuringSchedulingIgnoredDuringExecution")
                        .index(at);
                    $cx.reg(&p, a.sp);
                    $cx.reg(&p.child("weight"), w.sp());
                    let term = scheduling::pod_term($cx, a, &p.child("podAffinityTerm"));
                    let w = $cx.int32(w, "a weight");
                    b = if a.anti {
                        call!(b.pod_anti_affinity_preferred(w, term))
                    } else {
                        call!(b.pod_affinity_preferred(w, term))
                    };
                }
            }
        }
        for (i, t) in s.tolerations.iter().enumerate() {
            let t = scheduling::toleration($cx, t, &spec.child("tolerations").index(i));
            b = call!(b.toleration(t));
        }
        for (i, c) in s.spread.iter().enumerate() {
            let p = spec.child("topologySpreadConstraints").index(i);
            if let Some(c) = scheduling::spread($cx, c, &p) {
                b = call!(b.topology_spread(c));
            }
        }
        if let Some(n) = &s.priority_class {
            $cx.reg(&spec.child("priorityClassName"), n.sp);
            let n = $cx.string(&n.value);
            b = call!(b.priority_class(n));
        }
        for (i, n) in s.image_pull_secrets.iter().enumerate() {
            let p = spec.child("imagePullSecrets").index(i);
            $cx.reg(&p, n.sp);
            $cx.reg(&p.child("name"), n.sp);
            let n = $cx.string(&n.value);
            b = call!(b.image_pull_secret(n));
        }
        if let Some((v, sp)) = s.automount_token {
            $cx.reg(&spec.child("automountServiceAccountToken"), sp);
            let v = $cx.boolean(v);
            b = call!(b.automount_service_account_token(v));
        }
        if let Some(n) = &s.hostname {
            $cx.reg(&spec.child("hostname"), n.sp);
            let n = $cx.string(&n.value);
            b = call!(b.hostname(n));
        }
        if let Some(n) = &s.subdomain {
            $cx.reg(&spec.child("subdomain"), n.sp);
            let n = $cx.string(&n.value);
            b = call!(b.subdomain(n));
        }
        if let Some(w) = &s.dns_policy {
            $cx.reg(&spec.child("dnsPolicy"), w.sp);
            $cx.reg(&spec.child("dnsConfig"), w.sp);
            let w = word(&k, w.value);
            b = call!(b.dns_policy(w));
        }
        if let Some((v, sp)) = s.service_links {
            $cx.reg(&spec.child("enableServiceLinks"), sp);
            let v = $cx.boolean(v);
            b = call!(b.enable_service_links(v));
        }
        b
    }};
}

fn pod(cx: &mut Cx, ast: &PodAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let k = cx.k.clone();
    let name = name(cx, &ast.meta);
    let b = ctor!(k, Pod::builder(name));
    let b = namespace!(cx, b, ast.meta);
    let b = labels_and_annotations!(cx, b, ast.meta);
    let spec = FieldPath::root().child("spec");
    let body = &ast.body;
    let mut b = pod_body!(cx, b, body, &spec, ast.meta.name.as_ref(), root, &[]);
    if let Some(r) = &body.restart {
        cx.reg(&spec.child("restartPolicy"), r.sp);
        let r = word(&k, r.value);
        b = call!(b.restart_policy(r));
    }
    if let Some(s) = &body.service_account {
        cx.reg(&spec.child("serviceAccountName"), s.sp);
        let s = cx.string(&s.value);
        b = call!(b.service_account(s));
    }
    reg_map(cx, &spec.child("nodeSelector"), &body.node_selector);
    for (key, value) in map_pairs(cx, &body.node_selector) {
        b = call!(b.node_selector(key, value));
    }
    for (name, value) in super::extra::fields(cx, &body.extra, &spec) {
        b = call!(b.extra(name, value));
    }
    finish(b.value.build(), b.tokens)
}

fn statefulset(cx: &mut Cx, ast: &StatefulSetAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let spec = FieldPath::root().child("spec");
    let service = FieldPath::root().child("service");
    // Labels are the pods' labels, the selector and the Service's selector.
    for p in [
        spec.child("template").child("metadata").child("labels"),
        service.child("metadata").child("labels"),
        spec.child("selector").child("matchLabels"),
        // The API server's second error for a selector it cannot build is at `spec.selector`.
        spec.child("selector"),
        service.child("spec").child("selector"),
    ] {
        reg_map(cx, &p, &ast.meta.labels);
    }
    let k = cx.k.clone();
    let name = name(cx, &ast.meta);
    let b = ctor!(k, StatefulSet::builder(name));
    let b = namespace!(cx, b, ast.meta);
    let mut b = labels_and_annotations!(cx, b, ast.meta);
    let svc_sp = ast
        .service
        .as_ref()
        .map_or(ast.meta.name.as_ref().map_or(root, Val::sp), Val::sp);
    cx.reg(&spec.child("serviceName"), svc_sp);
    cx.reg(&service, svc_sp);
    cx.reg(&service.child("metadata").child("name"), svc_sp);
    if let Some(s) = &ast.service {
        let s = cx.text(s);
        b = call!(b.service_name(s));
    }
    if let Some(r) = &ast.replicas {
        cx.reg(&spec.child("replicas"), r.sp());
        let r = cx.int32(r, "`replicas`");
        b = call!(b.replicas(r));
    }
    let pod_spec = spec.child("template").child("spec");
    let body = &ast.body;
    // Service ports come from the named container ports, in order.
    let mut at = 0;
    let compact = compact_container(body, ast.meta.name.as_ref(), root);
    for c in compact.iter().chain(body.containers.iter()) {
        for p in &c.ports {
            if let Some(n) = &p.name {
                let pp = service.child("spec").child("ports").index(at);
                cx.reg(&pp, n.sp.to(p.number.sp()));
                cx.reg(&pp.child("name"), n.sp);
                cx.reg(&pp.child("port"), p.number.sp());
                cx.reg(&pp.child("targetPort"), p.number.sp());
                at += 1;
            }
        }
    }
    let name_ref = ast.meta.name.as_ref();
    let mut b = pod_body!(cx, b, body, &pod_spec, name_ref, root, &ast.claims);
    // `service_account` and `node_selector` are pod keys `pod_body!` leaves to each kind.
    if let Some(s) = &body.service_account {
        cx.reg(&pod_spec.child("serviceAccountName"), s.sp);
        let s = cx.string(&s.value);
        b = call!(b.service_account(s));
    }
    reg_map(cx, &pod_spec.child("nodeSelector"), &body.node_selector);
    for (key, value) in map_pairs(cx, &body.node_selector) {
        b = call!(b.node_selector(key, value));
    }
    for (i, c) in ast.claims.iter().enumerate() {
        let claim_name = c.name.as_ref().map_or("data", |n| n.value.as_str());
        let path = spec.child("volumeClaimTemplates").index(i);
        let t = claim_template(cx, c, Some(claim_name), &path);
        b = call!(b.claim(t));
    }
    if let Some(u) = &ast.update_strategy {
        let u = update(cx, u, &spec.child("updateStrategy"));
        b = call!(b.update_strategy(u));
    }
    if let Some(w) = &ast.pod_management {
        cx.reg(&spec.child("podManagementPolicy"), w.sp);
        let w = word(&k, w.value);
        b = call!(b.pod_management(w));
    }
    if let Some((deleted, scaled)) = &ast.retention {
        let rp = spec.child("persistentVolumeClaimRetentionPolicy");
        if let Some(d) = deleted {
            cx.reg(&rp.child("whenDeleted"), d.sp);
        }
        if let Some(s) = scaled {
            cx.reg(&rp.child("whenScaled"), s.sp);
        }
        use kvol_core::statefulset::RetentionAction;
        let when_deleted = word(&k, deleted.map_or(RetentionAction::Retain, |w| w.value));
        let when_scaled = word(&k, scaled.map_or(RetentionAction::Retain, |w| w.value));
        let r = record!(
            k,
            statefulset::RetentionPolicy {
                when_deleted,
                when_scaled,
            }
        );
        b = call!(b.retention(r));
    }
    if let Some(v) = ast.publish_not_ready {
        let v = cx.boolean(v);
        b = call!(b.publish_not_ready_addresses(v));
    }
    if let Some(v) = &ast.min_ready {
        cx.reg(&spec.child("minReadySeconds"), v.sp());
        let v = cx.int32(v, "`min_ready`");
        b = call!(b.min_ready_seconds(v));
    }
    if let Some(v) = &ast.ordinals_start {
        cx.reg(&spec.child("ordinals").child("start"), v.sp());
        let v = cx.int32(v, "`ordinals_start`");
        b = call!(b.ordinals_start(v));
    }
    if let Some(v) = &ast.revision_history {
        cx.reg(&spec.child("revisionHistoryLimit"), v.sp());
        let v = cx.int32(v, "`revision_history`");
        b = call!(b.revision_history_limit(v));
    }
    for (name, value) in super::extra::fields(cx, &body.extra, &pod_spec) {
        b = call!(b.pod_extra(name, value));
    }
    reg_map(
        cx,
        &FieldPath::root().child("metadata").child("labels"),
        &ast.set_labels,
    );
    for (key, value) in map_pairs(cx, &ast.set_labels) {
        b = call!(b.set_label(key, value));
    }
    if let Some(s) = &ast.selector {
        let calls = super::scheduling::selector_calls(cx, s, &spec.child("selector"));
        super::scheduling::apply_selector!(b, calls);
    }
    let template_meta = spec.child("template").child("metadata");
    reg_map(
        cx,
        &template_meta.child("annotations"),
        &ast.pod_annotations,
    );
    for (key, value) in map_pairs(cx, &ast.pod_annotations) {
        b = call!(b.pod_annotation(key, value));
    }
    let svc_meta = service.child("metadata");
    reg_map(cx, &svc_meta.child("labels"), &ast.service_labels);
    for (key, value) in map_pairs(cx, &ast.service_labels) {
        b = call!(b.service_label(key, value));
    }
    reg_map(cx, &svc_meta.child("annotations"), &ast.service_annotations);
    for (key, value) in map_pairs(cx, &ast.service_annotations) {
        b = call!(b.service_annotation(key, value));
    }
    if let Some(v) = ast.service_in_set {
        let v = cx.boolean(v);
        b = call!(b.service_in_set(v));
    }
    let explicit_at = ast.service_ports.as_ref().map_or(0, Vec::len);
    for (i, port) in ast.governing_ports.iter().enumerate() {
        let pp = service.child("spec").child("ports").index(explicit_at + i);
        let port = service_port(cx, port, &pp);
        b = call!(b.governing_port(port));
    }
    for (i, n) in ast.service_ports.iter().flatten().enumerate() {
        let pp = service.child("spec").child("ports").index(i);
        for field in ["name", "port", "targetPort"] {
            cx.reg(&pp.child(field), n.sp);
        }
        cx.reg(&pp, n.sp);
        let n = cx.string(&n.value);
        b = call!(b.service_port(n));
    }
    finish(b.value.build(), b.tokens)
}

/// A Service port written out (`port:` of `service!`, `service_port:` of `statefulset!`),
/// registered at `pp`.
fn service_port(
    cx: &mut Cx,
    port: &ServicePortAst,
    pp: &FieldPath,
) -> Lowered<kvol_core::service::ServicePort> {
    let k = cx.k.clone();
    cx.reg(pp, port.sp);
    if let Some(n) = &port.name {
        cx.reg(&pp.child("name"), n.sp);
    }
    cx.reg(&pp.child("port"), port.number.sp());
    let target_sp = match &port.target {
        Some(TargetAst::Number(n)) => n.sp(),
        Some(TargetAst::Name(n)) => n.sp,
        None => port.number.sp(),
    };
    cx.reg(&pp.child("targetPort"), target_sp);
    if let Some(n) = &port.node_port {
        cx.reg(&pp.child("nodePort"), n.sp());
    }
    if let Some(a) = &port.app_protocol {
        cx.reg(&pp.child("appProtocol"), a.sp);
    }
    let app_protocol = opt(port.app_protocol.as_ref().map(|a| cx.string(&a.value)));
    let name = opt(port.name.as_ref().map(|n| cx.string(&n.value)));
    let node_port = opt(port.node_port.as_ref().map(|n| cx.int32(n, "`node_port`")));
    let number = cx.int32(&port.number, "a port number");
    let protocol = word(&k, port.protocol.map_or(Default::default(), |w| w.value));
    let target_port = opt(port.target.as_ref().map(|t| match t {
        TargetAst::Number(n) => {
            let n = cx.int32(n, "a target port");
            ctor!(k, service::TargetPort::Number(n))
        }
        TargetAst::Name(n) => {
            let n = cx.string(&n.value);
            ctor!(k, service::TargetPort::Name(n))
        }
    }));
    record!(
        k,
        service::ServicePort {
            app_protocol,
            name,
            node_port,
            port: number,
            protocol,
            target_port,
        }
    )
}

fn service(cx: &mut Cx, ast: &ServiceAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let k = cx.k.clone();
    let spec = FieldPath::root().child("spec");
    let name = name(cx, &ast.meta);
    let b = ctor!(k, Service::builder(name));
    let b = namespace!(cx, b, ast.meta);
    let mut b = labels_and_annotations!(cx, b, ast.meta);
    if let Some(w) = &ast.kind {
        cx.reg(&spec.child("type"), w.sp);
        for p in ["clusterIPs", "externalName"] {
            cx.reg(&spec.child(p), w.sp);
        }
        let w = word(&k, w.value);
        b = call!(b.service_type(w));
    }
    if let Some((headless, sp)) = ast.headless {
        cx.reg(&spec.child("clusterIPs"), sp);
        cx.reg(&spec.child("clusterIPs").index(0), sp);
        if headless {
            b = call!(b.headless());
        }
    }
    if let Some(ip) = &ast.cluster_ip {
        cx.reg(&spec.child("clusterIPs"), ip.sp);
        cx.reg(&spec.child("clusterIPs").index(0), ip.sp);
        let ip = cx.string(&ip.value);
        let ip = ctor!(k, service::ClusterIp::Address(ip));
        b = call!(b.cluster_ip(ip));
    }
    reg_map(cx, &spec.child("selector"), &ast.selector);
    for (key, value) in map_pairs(cx, &ast.selector) {
        b = call!(b.selector(key, value));
    }
    if ast.ports.is_empty() {
        cx.reg(&spec.child("ports"), root);
    }
    for (i, port) in ast.ports.iter().enumerate() {
        let port = service_port(cx, port, &spec.child("ports").index(i));
        b = call!(b.port(port));
    }
    if let Some(w) = &ast.session_affinity {
        cx.reg(&spec.child("sessionAffinity"), w.sp);
        cx.reg(&spec.child("sessionAffinityConfig"), w.sp);
        let w = word(&k, w.value);
        b = call!(b.session_affinity(w));
    }
    if let Some(t) = &ast.session_timeout {
        let p = spec
            .child("sessionAffinityConfig")
            .child("clientIP")
            .child("timeoutSeconds");
        cx.reg(&p, t.sp());
        let t = cx.int32(t, "`timeout`");
        b = call!(b.session_affinity_timeout(t));
    }
    if let Some(w) = &ast.external_traffic {
        cx.reg(&spec.child("externalTrafficPolicy"), w.sp);
        let w = word(&k, w.value);
        b = call!(b.external_traffic_policy(w));
    }
    if let Some(w) = &ast.internal_traffic {
        cx.reg(&spec.child("internalTrafficPolicy"), w.sp);
        let w = word(&k, w.value);
        b = call!(b.internal_traffic_policy(w));
    }
    if let Some(v) = ast.publish_not_ready {
        let v = cx.boolean(v);
        b = call!(b.publish_not_ready_addresses(v));
    }
    finish(b.value.build(), b.tokens)
}

fn update(
    cx: &mut Cx,
    u: &Update,
    path: &FieldPath,
) -> Lowered<kvol_core::statefulset::UpdateStrategy> {
    let k = cx.k.clone();
    match u {
        Update::OnDelete => {
            crate::lowered::constant!(k, statefulset::UpdateStrategy::OnDelete)
        }
        Update::Rolling {
            partition,
            max_unavailable,
        } => {
            let ru = path.child("rollingUpdate");
            if let Some(p) = partition {
                cx.reg(&ru.child("partition"), p.sp());
            }
            if let Some(m) = max_unavailable {
                cx.reg(&ru.child("maxUnavailable"), m.sp());
            }
            let partition = opt(partition.as_ref().map(|p| cx.int32(p, "`partition`")));
            let max_unavailable = opt(max_unavailable.as_ref().map(|m| match m {
                Val::Lit(MaxUnavailable::Int(n), sp) => {
                    let n = cx.int32(&Val::Lit(*n, *sp), "`max_unavailable`");
                    ctor!(k, statefulset::IntOrPercent::Int(n))
                }
                Val::Lit(MaxUnavailable::Percent(n), sp) => {
                    let n = cx.int32(&Val::Lit(*n, *sp), "`max_unavailable`");
                    let value = u32::try_from(n.value).unwrap_or_default();
                    let n = Lowered::leaf(value, quote!(#value));
                    ctor!(k, statefulset::IntOrPercent::Percent(n))
                }
                Val::Interp(i) => {
                    let n = cx.int32(&Val::Interp(i.clone()), "`max_unavailable`");
                    ctor!(k, statefulset::IntOrPercent::Int(n))
                }
            }));
            record!(
                k,
                statefulset::UpdateStrategy::RollingUpdate {
                    partition,
                    max_unavailable,
                }
            )
        }
    }
}

fn data_source_spans(cx: &mut Cx, d: &DataSource, path: &FieldPath) {
    cx.reg(path, d.kind.sp.to(d.name.sp));
    if let Some(g) = &d.api_group {
        cx.reg(&path.child("apiGroup"), g.sp);
    }
    cx.reg(&path.child("kind"), d.kind.sp);
    cx.reg(&path.child("name"), d.name.sp);
    if let Some(ns) = &d.namespace {
        cx.reg(&path.child("namespace"), ns.sp);
    }
}

fn pvc(cx: &mut Cx, ast: &PvcAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let spec = FieldPath::root().child("spec");
    cx.reg(&spec, root);
    let k = cx.k.clone();
    let name = name(cx, &ast.meta);
    let b = ctor!(k, PersistentVolumeClaim::builder(name));
    let b = namespace!(cx, b, ast.meta);
    let mut b = labels_and_annotations!(cx, b, ast.meta);
    match &ast.access {
        Some(m) => {
            let modes = access_modes(cx, &spec.child("accessModes"), m);
            b = call!(b.access_modes(modes));
        }
        None => cx.reg(&spec.child("accessModes"), root),
    }
    let res = spec.child("resources");
    match &ast.request {
        Some(q) => {
            cx.reg_quantity(&res.child("requests").key("storage"), q);
            cx.reg_quantity(&res.key("storage"), q);
            let q = cx.quantity(q);
            b = call!(b.request(q));
        }
        None => cx.reg(&res, root),
    }
    if let Some(q) = &ast.limit {
        cx.reg_quantity(&res.child("limits").key("storage"), q);
        let q = cx.quantity(q);
        b = call!(b.limit(q));
    }
    if let Some(class) = &ast.class {
        b = storage_class!(cx, b, class, &spec.child("storageClassName"));
    }
    if let Some(w) = &ast.volume_mode {
        cx.reg(&spec.child("volumeMode"), w.sp);
        let w = word(&k, w.value);
        b = call!(b.volume_mode(w));
    }
    if let Some(v) = &ast.volume_name {
        cx.reg(&spec.child("volumeName"), v.sp);
        let v = cx.string(&v.value);
        b = call!(b.volume_name(v));
    }
    if let Some(s) = &ast.selector {
        let calls = super::scheduling::selector_calls(cx, s, &spec.child("selector"));
        super::scheduling::apply_selector!(b, calls);
    }
    if let (Some(d), Some(_)) = (&ast.data_source, &ast.data_source_ref) {
        // "spec.dataSource: must match dataSourceRef" is reported on `spec`.
        cx.reg(&spec, d.kw);
    }
    if let Some(d) = &ast.data_source {
        data_source_spans(cx, d, &spec.child("dataSource"));
        let api_group = opt(d.api_group.as_ref().map(|s| cx.string(&s.value)));
        let kind = cx.string(&d.kind.value);
        let name = cx.string(&d.name.value);
        let r = record!(
            k,
            pvc::TypedLocalObjectReference {
                api_group,
                kind,
                name,
            }
        );
        b = call!(b.data_source(r));
    }
    if let Some(d) = &ast.data_source_ref {
        data_source_spans(cx, d, &spec.child("dataSourceRef"));
        let api_group = opt(d.api_group.as_ref().map(|s| cx.string(&s.value)));
        let kind = cx.string(&d.kind.value);
        let name = cx.string(&d.name.value);
        let namespace = opt(d.namespace.as_ref().map(|s| cx.string(&s.value)));
        let r = record!(
            k,
            pvc::TypedObjectReference {
                api_group,
                kind,
                name,
                namespace,
            }
        );
        b = call!(b.data_source_ref(r));
    }
    for (name, value) in super::extra::fields(cx, &ast.extra, &spec) {
        b = call!(b.extra(name, value));
    }
    if let Some(s) = &ast.snapshot {
        let ds = spec.child("dataSource");
        cx.reg(&ds, s.sp);
        cx.reg(&ds.child("name"), s.sp);
        let s = cx.string(&s.value);
        b = call!(b.from_snapshot(s));
    }
    if let Some(a) = &ast.attributes_class {
        cx.reg(&spec.child("volumeAttributesClassName"), a.sp);
        let a = cx.string(&a.value);
        b = call!(b.volume_attributes_class(a));
    }
    finish(b.value.build(), b.tokens)
}

fn pv(cx: &mut Cx, ast: &PvAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let spec = FieldPath::root().child("spec");
    cx.reg(&spec, root);
    let k = cx.k.clone();
    let name = name(cx, &ast.meta);
    let b = ctor!(k, PersistentVolume::builder(name));
    let mut b = labels_and_annotations!(cx, b, ast.meta);
    if let Some(q) = &ast.capacity {
        cx.reg_quantity(&spec.child("capacity"), q);
        cx.reg_quantity(&spec.child("capacity").key("storage"), q);
        let q = cx.quantity(q);
        b = call!(b.capacity(q));
    }
    if let Some(m) = &ast.access {
        let modes = access_modes(cx, &spec.child("accessModes"), m);
        b = call!(b.access_modes(modes));
    }
    if let Some(w) = &ast.reclaim {
        cx.reg(&spec.child("persistentVolumeReclaimPolicy"), w.sp);
        let w = word(&k, w.value);
        b = call!(b.reclaim_policy(w));
    }
    if let Some(class) = &ast.class {
        b = storage_class!(cx, b, class, &spec.child("storageClassName"));
    }
    if let Some(w) = &ast.volume_mode {
        cx.reg(&spec.child("volumeMode"), w.sp);
        let w = word(&k, w.value);
        b = call!(b.volume_mode(w));
    }
    for (i, o) in ast.mount_options.iter().enumerate() {
        cx.reg(&spec.child("mountOptions").index(i), o.sp);
        let o = cx.string(&o.value);
        b = call!(b.mount_option(o));
    }
    if let (Some(f), Some(l)) = (ast.node_affinity.first(), ast.node_affinity.last()) {
        let at = spec.child("nodeAffinity");
        let required = at.child("required");
        let terms = required.child("nodeSelectorTerms");
        for p in [&at, &required, &terms] {
            cx.reg(p, f.sp.to(l.sp));
        }
        // One `kubernetes.io/hostname In [..]` term (`hostname [..]`): the builder's shorthand.
        let hostnames = match ast.node_affinity.as_slice() {
            [a] if a.fields.is_empty() => match a.exprs.as_slice() {
                [e] if e.op.value == kvol_core::selector::NodeSelectorOperator::In
                    && matches!(&e.key, Val::Lit(k, _) if k == "kubernetes.io/hostname") =>
                {
                    Some(&e.values)
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(hosts) = hostnames {
            let p = terms.index(0);
            super::scheduling::node_term(cx, &ast.node_affinity[0], &p);
            let hosts = vec(hosts.iter().map(|s| cx.string(&s.value)).collect());
            b = call!(b.node_affinity_hostname(hosts));
        } else {
            let node_selector_terms = vec((ast.node_affinity.iter().enumerate())
                .map(|(i, a)| super::scheduling::node_term(cx, a, &terms.index(i)))
                .collect());
            let required = record!(
                k,
                selector::NodeSelector {
                    node_selector_terms
                }
            );
            let affinity = record!(k, selector::VolumeNodeAffinity { required });
            b = call!(b.node_affinity(affinity));
        }
    }
    if let Some((ns, n)) = &ast.claim_ref {
        let cr = spec.child("claimRef");
        cx.reg(&cr, ns.sp.to(n.sp));
        cx.reg(&cr.child("namespace"), ns.sp);
        cx.reg(&cr.child("name"), n.sp);
        let (ns, n) = (cx.string(&ns.value), cx.string(&n.value));
        b = call!(b.claim_ref(ns, n));
    }
    if let Some(crate::ast::PvSrc::Local { kw, .. }) = &ast.source
        && ast.node_affinity.is_empty()
    {
        // A local PV without node affinity: kvol-core reports the missing affinity, whose
        // cause is the `local` source.
        cx.reg(&spec.child("nodeAffinity"), *kw);
    }
    if let Some(s) = &ast.source {
        let s = pv_source(cx, s, &spec);
        b = call!(b.source(s));
    }
    finish(b.value.build(), b.tokens)
}

fn storage_class(cx: &mut Cx, ast: &StorageClassAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let top = FieldPath::root();
    cx.reg(
        &top.child("provisioner"),
        ast.provisioner.as_ref().map_or(root, |s| s.sp),
    );
    let k = cx.k.clone();
    let name = name(cx, &ast.meta);
    let provisioner = cx.string(ast.provisioner.as_ref().map_or("", |s| s.value.as_str()));
    let b = ctor!(k, StorageClass::builder(name, provisioner));
    let mut b = labels_and_annotations!(cx, b, ast.meta);
    reg_map(cx, &top.child("parameters"), &ast.parameters);
    for (key, value) in map_pairs(cx, &ast.parameters) {
        b = call!(b.parameter(key, value));
    }
    if let Some(w) = &ast.reclaim {
        cx.reg(&top.child("reclaimPolicy"), w.sp);
        let w = word(&k, w.value);
        b = call!(b.reclaim_policy(w));
    }
    if let Some(w) = &ast.binding {
        cx.reg(&top.child("volumeBindingMode"), w.sp);
        let w = word(&k, w.value);
        b = call!(b.binding_mode(w));
    }
    if let Some(v) = ast.allow_expansion {
        let v = cx.boolean(v);
        b = call!(b.allow_expansion(v));
    }
    for (i, o) in ast.mount_options.iter().enumerate() {
        cx.reg(&top.child("mountOptions").index(i), o.sp);
        let o = cx.string(&o.value);
        b = call!(b.mount_option(o));
    }
    for (i, term) in ast.topology.iter().enumerate() {
        let tp = top.child("allowedTopologies").index(i);
        cx.reg(&tp, term.sp);
        let exprs = tp.child("matchLabelExpressions");
        cx.reg(&exprs, term.sp);
        let match_label_expressions = vec((term.requirements.iter().enumerate())
            .map(|(j, (key, values))| {
                let rp = exprs.index(j);
                cx.reg(&rp, key.sp);
                cx.reg(&rp.child("key"), key.sp);
                let values_sp = match (values.first(), values.last()) {
                    (Some(first), Some(last)) => first.sp.to(last.sp),
                    _ => key.sp,
                };
                cx.reg(&rp.child("values"), values_sp);
                for (v, value) in values.iter().enumerate() {
                    cx.reg(&rp.child("values").index(v), value.sp);
                }
                let key = cx.string(&key.value);
                let values = vec(values.iter().map(|s| cx.string(&s.value)).collect());
                record!(k, selector::TopologyRequirement { key, values })
            })
            .collect());
        let term = record!(
            k,
            selector::TopologySelectorTerm {
                match_label_expressions
            }
        );
        b = call!(b.allowed_topology_term(term));
    }
    if ast.default_class == Some(true) {
        b = call!(b.default_class());
    }
    finish(b.value.build(), b.tokens)
}

/// A count or a percentage (`maxSurge`, `maxUnavailable`, `minAvailable`).
fn int_or_percent(
    cx: &mut Cx,
    v: &Val<MaxUnavailable>,
    what: &str,
) -> Lowered<kvol_core::statefulset::IntOrPercent> {
    let k = cx.k.clone();
    match v {
        Val::Lit(MaxUnavailable::Int(n), sp) => {
            let n = cx.int32(&Val::Lit(*n, *sp), what);
            ctor!(k, statefulset::IntOrPercent::Int(n))
        }
        Val::Lit(MaxUnavailable::Percent(n), sp) => {
            let n = cx.int32(&Val::Lit(*n, *sp), what);
            let value = u32::try_from(n.value).unwrap_or_default();
            let n = Lowered::leaf(value, quote!(#value));
            ctor!(k, statefulset::IntOrPercent::Percent(n))
        }
        Val::Interp(i) => {
            let n = cx.int32(&Val::Interp(i.clone()), what);
            ctor!(k, statefulset::IntOrPercent::Int(n))
        }
    }
}

fn deployment(cx: &mut Cx, ast: &DeploymentAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let spec = FieldPath::root().child("spec");
    // `labels` are the pods' labels and the selector.
    for p in [
        spec.child("template").child("metadata").child("labels"),
        spec.child("selector").child("matchLabels"),
        spec.child("selector"),
    ] {
        reg_map(cx, &p, &ast.meta.labels);
    }
    let k = cx.k.clone();
    let name = name(cx, &ast.meta);
    let b = ctor!(k, Deployment::builder(name));
    let b = namespace!(cx, b, ast.meta);
    let mut b = replicated_head!(cx, b, ast, spec);
    if let Some(r) = &ast.replicas {
        cx.reg(&spec.child("replicas"), r.sp());
        let r = cx.int32(r, "`replicas`");
        b = call!(b.replicas(r));
    }
    let pod_spec = spec.child("template").child("spec");
    let body = &ast.body;
    let mut b = pod_body!(cx, b, body, &pod_spec, ast.meta.name.as_ref(), root, &[]);
    if let Some(s) = &body.service_account {
        cx.reg(&pod_spec.child("serviceAccountName"), s.sp);
        let s = cx.string(&s.value);
        b = call!(b.service_account(s));
    }
    match &ast.strategy {
        Some(Strategy::Recreate(sp)) => {
            cx.reg(&spec.child("strategy"), *sp);
            let s = ctor!(k, deployment::DeploymentStrategy::recreate());
            b = call!(b.strategy(s));
        }
        Some(Strategy::Rolling {
            sp,
            max_surge,
            max_unavailable,
        }) => {
            let sp_path = spec.child("strategy");
            cx.reg(&sp_path, *sp);
            let ru = sp_path.child("rollingUpdate");
            cx.reg(&ru, *sp);
            if let Some(m) = max_surge {
                cx.reg(&ru.child("maxSurge"), m.sp());
            }
            if let Some(m) = max_unavailable {
                cx.reg(&ru.child("maxUnavailable"), m.sp());
            }
            let surge = opt(max_surge
                .as_ref()
                .map(|m| int_or_percent(cx, m, "`max_surge`")));
            let unavailable = opt(max_unavailable
                .as_ref()
                .map(|m| int_or_percent(cx, m, "`max_unavailable`")));
            b = call!(b.rolling_update(surge, unavailable));
        }
        None => {}
    }
    b = replicated_history!(cx, b, ast, spec);
    if let Some(v) = &ast.progress_deadline {
        cx.reg(&spec.child("progressDeadlineSeconds"), v.sp());
        let v = cx.int32(v, "`progress_deadline`");
        b = call!(b.progress_deadline_seconds(v));
    }
    b = replicated_pod_extras!(cx, b, body, pod_spec);
    finish(b.value.build(), b.tokens)
}

fn daemonset(cx: &mut Cx, ast: &DaemonSetAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let spec = FieldPath::root().child("spec");
    // `labels` are the pods' labels and the selector.
    for p in [
        spec.child("template").child("metadata").child("labels"),
        spec.child("selector").child("matchLabels"),
        spec.child("selector"),
    ] {
        reg_map(cx, &p, &ast.meta.labels);
    }
    let k = cx.k.clone();
    let name = name(cx, &ast.meta);
    let b = ctor!(k, DaemonSet::builder(name));
    let b = namespace!(cx, b, ast.meta);
    let b = replicated_head!(cx, b, ast, spec);
    let pod_spec = spec.child("template").child("spec");
    let body = &ast.body;
    let mut b = pod_body!(cx, b, body, &pod_spec, ast.meta.name.as_ref(), root, &[]);
    if let Some(s) = &body.service_account {
        cx.reg(&pod_spec.child("serviceAccountName"), s.sp);
        let s = cx.string(&s.value);
        b = call!(b.service_account(s));
    }
    match &ast.update {
        Some(DaemonSetUpdate::OnDelete(sp)) => {
            cx.reg(&spec.child("updateStrategy"), *sp);
            let s = ctor!(k, daemonset::DaemonSetUpdateStrategy::on_delete());
            b = call!(b.update_strategy(s));
        }
        Some(DaemonSetUpdate::Rolling {
            sp,
            max_surge,
            max_unavailable,
        }) => {
            let sp_path = spec.child("updateStrategy");
            cx.reg(&sp_path, *sp);
            let ru = sp_path.child("rollingUpdate");
            cx.reg(&ru, *sp);
            // A limit left out is defaulted, and its error shows at the keyword.
            cx.reg(
                &ru.child("maxSurge"),
                max_surge.as_ref().map_or(*sp, |m| m.sp()),
            );
            cx.reg(
                &ru.child("maxUnavailable"),
                max_unavailable.as_ref().map_or(*sp, |m| m.sp()),
            );
            let surge = opt(max_surge
                .as_ref()
                .map(|m| int_or_percent(cx, m, "`max_surge`")));
            let unavailable = opt(max_unavailable
                .as_ref()
                .map(|m| int_or_percent(cx, m, "`max_unavailable`")));
            b = call!(b.rolling_update(surge, unavailable));
        }
        None => {}
    }
    b = replicated_history!(cx, b, ast, spec);
    b = replicated_pod_extras!(cx, b, body, pod_spec);
    finish(b.value.build(), b.tokens)
}

fn config_map(cx: &mut Cx, ast: &ConfigMapAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let k = cx.k.clone();
    let name = name(cx, &ast.meta);
    let b = ctor!(k, ConfigMap::builder(name));
    let b = namespace!(cx, b, ast.meta);
    let mut b = labels_and_annotations!(cx, b, ast.meta);
    let data = FieldPath::root().child("data");
    for e in &ast.data {
        if let Val::Lit(key, sp) = &e.key {
            cx.reg(&data.key(key), *sp);
        }
    }
    cx.reg(&FieldPath::root(), root);
    for (key, value) in map_pairs(cx, &ast.data) {
        b = call!(b.data(key, value));
    }
    let binary = FieldPath::root().child("binaryData");
    for (key, value) in base64_pairs(cx, &ast.binary_data, &binary) {
        b = call!(b.binary_data(key, value));
    }
    if let Some(v) = ast.immutable {
        let v = cx.boolean(v);
        b = call!(b.immutable(v));
    }
    finish(b.value.build(), b.tokens)
}

/// The entries of a base64 map as bytes, `Bytes::from(vec![…])` in the expansion (the parser
/// reported values that are not base64; they are left out here).
fn base64_pairs(
    cx: &mut Cx,
    entries: &[crate::ast::MapEntry],
    path: &FieldPath,
) -> Vec<(Lowered<String>, Lowered<kvol_core::config::Bytes>)> {
    let k = cx.k.clone();
    let mut out = Vec::new();
    for e in entries {
        let Val::Lit(text, sp) = &e.value else {
            continue;
        };
        let Some(bytes) = kvol_core::config::Bytes::from_base64(text) else {
            continue;
        };
        if let Val::Lit(key, _) = &e.key {
            cx.reg(&path.key(key), *sp);
        }
        let key = cx.text(&e.key);
        let items = bytes
            .0
            .iter()
            .map(|b| proc_macro2::Literal::u8_suffixed(*b));
        let tokens = quote!(#k::config::Bytes::from(::std::vec![#(#items),*]));
        out.push((key, Lowered::leaf(bytes, tokens)));
    }
    out
}

fn secret(cx: &mut Cx, ast: &SecretAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let k = cx.k.clone();
    let name = name(cx, &ast.meta);
    let b = ctor!(k, Secret::builder(name));
    let b = namespace!(cx, b, ast.meta);
    let mut b = labels_and_annotations!(cx, b, ast.meta);
    let data = FieldPath::root().child("data");
    cx.reg(&data, ast.type_.as_ref().map_or(root, |t| t.sp));
    cx.reg(
        &FieldPath::root().child("data[%s]"),
        ast.type_.as_ref().map_or(root, |t| t.sp),
    );
    for e in ast.data.iter().chain(&ast.string_data) {
        if let Val::Lit(key, sp) = &e.key {
            cx.reg(&data.key(key), *sp);
        }
    }
    if let Some(t) = &ast.type_ {
        let t = cx.string(&t.value);
        b = call!(b.type_(t));
    }
    for (key, value) in base64_pairs(cx, &ast.data, &data) {
        b = call!(b.data(key, value));
    }
    for (key, value) in map_pairs(cx, &ast.string_data) {
        b = call!(b.string_data(key, value));
    }
    if let Some(v) = ast.immutable {
        let v = cx.boolean(v);
        b = call!(b.immutable(v));
    }
    finish(b.value.build(), b.tokens)
}

fn pdb(cx: &mut Cx, ast: &PdbAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let spec = FieldPath::root().child("spec");
    // "minAvailable and maxUnavailable cannot be both set" is reported on `spec`.
    let both = ast.min_available.as_ref().zip(ast.max_unavailable.as_ref());
    cx.reg(&spec, both.map_or(root, |(a, b)| a.sp().to(b.sp())));
    let k = cx.k.clone();
    let name = name(cx, &ast.meta);
    let b = ctor!(k, PodDisruptionBudget::builder(name));
    let b = namespace!(cx, b, ast.meta);
    let mut b = labels_and_annotations!(cx, b, ast.meta);
    if let Some(m) = &ast.min_available {
        cx.reg(&spec.child("minAvailable"), m.sp());
        let m = int_or_percent(cx, m, "`min_available`");
        b = call!(b.min_available(m));
    }
    if let Some(m) = &ast.max_unavailable {
        cx.reg(&spec.child("maxUnavailable"), m.sp());
        let m = int_or_percent(cx, m, "`max_unavailable`");
        b = call!(b.max_unavailable(m));
    }
    if let Some(s) = &ast.selector {
        let calls = super::scheduling::selector_calls(cx, s, &spec.child("selector"));
        super::scheduling::apply_selector!(b, calls);
    }
    if let Some(w) = &ast.unhealthy {
        cx.reg(&spec.child("unhealthyPodEvictionPolicy"), w.sp);
        let w = word(&k, w.value);
        b = call!(b.unhealthy_pod_eviction_policy(w));
    }
    finish(b.value.build(), b.tokens)
}

fn snapshot_class(cx: &mut Cx, ast: &SnapshotClassAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let top = FieldPath::root();
    cx.reg(
        &top.child("driver"),
        ast.driver.as_ref().map_or(root, |s| s.sp),
    );
    let k = cx.k.clone();
    let name = name(cx, &ast.meta);
    let driver = cx.string(ast.driver.as_ref().map_or("", |s| s.value.as_str()));
    let b = ctor!(k, VolumeSnapshotClass::builder(name, driver));
    let mut b = labels_and_annotations!(cx, b, ast.meta);
    if let Some(w) = &ast.deletion {
        cx.reg(&top.child("deletionPolicy"), w.sp);
        let w = word(&k, w.value);
        b = call!(b.deletion_policy(w));
    }
    reg_map(cx, &top.child("parameters"), &ast.parameters);
    for (key, value) in map_pairs(cx, &ast.parameters) {
        b = call!(b.parameter(key, value));
    }
    if ast.default_class == Some(true) {
        b = call!(b.default_class());
    }
    finish(b.value.build(), b.tokens)
}

fn snapshot(cx: &mut Cx, ast: &SnapshotAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let spec = FieldPath::root().child("spec");
    let source = spec.child("source");
    cx.reg(&source, root);
    let k = cx.k.clone();
    let name = name(cx, &ast.meta);
    let b = ctor!(k, VolumeSnapshot::builder(name));
    let b = namespace!(cx, b, ast.meta);
    let mut b = labels_and_annotations!(cx, b, ast.meta);
    if let Some(c) = &ast.claim {
        cx.reg(&source.child("persistentVolumeClaimName"), c.sp);
        let c = cx.string(&c.value);
        b = call!(b.of_claim(c));
    }
    if let Some(c) = &ast.content {
        cx.reg(&source.child("volumeSnapshotContentName"), c.sp);
        let c = cx.string(&c.value);
        b = call!(b.content(c));
    }
    if let Some(c) = &ast.class {
        cx.reg(&spec.child("volumeSnapshotClassName"), c.sp);
        let c = cx.string(&c.value);
        b = call!(b.class(c));
    }
    finish(b.value.build(), b.tokens)
}

fn attributes_class(cx: &mut Cx, ast: &AttributesClassAst, root: Sp) -> LoweredObject {
    meta_spans(cx, &ast.meta, root);
    let top = FieldPath::root();
    cx.reg(
        &top.child("driverName"),
        ast.driver.as_ref().map_or(root, |s| s.sp),
    );
    cx.reg(&top.child("apiVersion"), root);
    let k = cx.k.clone();
    let name = name(cx, &ast.meta);
    let driver = cx.string(ast.driver.as_ref().map_or("", |s| s.value.as_str()));
    let b = ctor!(k, VolumeAttributesClass::builder(name, driver));
    let mut b = labels_and_annotations!(cx, b, ast.meta);
    reg_map(cx, &top.child("parameters"), &ast.parameters);
    for (key, value) in map_pairs(cx, &ast.parameters) {
        b = call!(b.parameter(key, value));
    }
    finish(b.value.build(), b.tokens)
}
