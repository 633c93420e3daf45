//! Semantic checks: the literal values of an invocation are handed to kvol-core's builders (the
//! same code the library API runs), and every error and warning of the resulting report is mapped
//! back to the span of the DSL token that produced its field. Validation rules live only in
//! kvol-core; this module knows paths and spans, not rules.
//!
//! Interpolated values (`{expr}`) are replaced by placeholders of their type. With
//! interpolations the check runs several passes (every placeholder at its type's smallest value,
//! at its largest, and alternating), so a rule that fails only for some values of the type is
//! still reported: a macro that compiled cannot build an invalid object at run time.

use crate::{
    ast::*,
    ctxt::{Ctxt, Sp},
    warnings::WarningKind,
};
use kvol_core::{
    AccessModes, Container as CoreContainer, FieldPath, PersistentVolume, PersistentVolumeClaim,
    Pod, PvcTemplate, Report, StatefulSet, StorageClass, VolumeSource,
    builder::{ContainerBuilder, PvcTemplateBuilder, SourceInput},
    legacy::LegacySource,
    pod::{ContainerPort, Protocol, VolumeMount},
    pv::PvSource,
    pvc::{TypedLocalObjectReference, TypedObjectReference},
    report::ErrorKind,
    statefulset::{IntOrPercent, RetentionAction, RetentionPolicy, UpdateStrategy},
    volume::{
        ConfigMapVolume, CsiVolume, DownwardApiFile, DownwardApiSource, EmptyDir, FileMode,
        KeyToPath, LocalObjectReference, SecretVolume, StorageMedium,
    },
};

/// A compile-time warning to emit: its kind and where.
#[derive(Debug, Clone)]
pub struct WarningOut {
    /// Which deprecated function the expansion calls.
    pub kind: WarningKind,
    /// The user's token.
    pub sp: Sp,
}

/// Which values the placeholders take in one pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    Min,
    Max,
    /// Even-numbered interpolations small, odd ones large (`true`), or the reverse.
    Alternate(bool),
}

impl Pass {
    fn large(self, index: usize) -> bool {
        match self {
            Pass::Min => false,
            Pass::Max => true,
            Pass::Alternate(odd_large) => (index % 2 == 1) == odd_large,
        }
    }
}

/// A distinct short lowercase word for each index: `a`, `b`, …, `z`, `ba`, ….
fn letters(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (index % 26) as u8);
        index /= 26;
        if index == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_else(|_| "a".into())
}

/// `prefix` padded with `a` to `len` bytes.
fn padded(prefix: &str, len: usize) -> String {
    let mut s = prefix.to_owned();
    while s.len() < len {
        s.push('a');
    }
    s
}

/// The placeholder text of a string-like guarantee.
fn text_placeholder(g: Guarantee, index: usize, large: bool) -> String {
    let short = letters(index);
    match (g, large) {
        (Guarantee::LabelValue, false) => String::new(),
        (Guarantee::PositiveQuantity | Guarantee::Quantity, false) => "1".into(),
        (Guarantee::PositiveQuantity | Guarantee::Quantity, true) => "8Ei".into(),
        (_, false) => short,
        (Guarantee::Dns1123Subdomain, true) => {
            // Four labels of 63, 63, 63 and 61 bytes: 253 bytes in all.
            let l = padded(&short, 63);
            format!("{l}.{l}.{l}.{}", padded(&short, 61))
        }
        (Guarantee::QualifiedName, true) => {
            let l = padded(&short, 63);
            format!("{l}.{l}.{l}.{}/{}", padded(&short, 61), padded(&short, 63))
        }
        (_, true) => padded(&short, 63),
    }
}

/// The placeholder of a numeric guarantee.
fn int_placeholder(g: Guarantee, large: bool) -> i64 {
    match (g, large) {
        (Guarantee::Port, false) => 1,
        (_, false) => 0,
        (_, true) => 65535,
    }
}

/// Paths of the object being built, each with the span of the token that produced it.
#[derive(Default)]
struct Spans {
    entries: Vec<(String, Sp)>,
    /// For spans of interpolations: their text placeholder in this pass and the type.
    interps: Vec<(Sp, String, Guarantee)>,
}

impl Spans {
    fn reg(&mut self, path: &FieldPath, sp: Sp) {
        self.entries.push((path.as_str().to_owned(), sp));
    }
    /// The registered span whose path is the longest prefix of `path` (at a field boundary).
    fn find(&self, path: &str) -> Option<(Sp, bool)> {
        let mut best: Option<(&(String, Sp), usize)> = None;
        for e in &self.entries {
            let p = e.0.as_str();
            let matches = path == p
                || (path.starts_with(p)
                    && (p.is_empty() || path[p.len()..].starts_with(['.', '['])));
            if matches && best.is_none_or(|(_, len)| p.len() > len) {
                best = Some((e, p.len()));
            }
        }
        best.map(|(e, _)| (e.1, e.0 == path))
    }
}

/// The values of one pass: literals as written, interpolations as placeholders.
struct Cx {
    pass: Pass,
    spans: Spans,
    /// The object's kind, for the notes that quote Kubernetes' rules.
    kind: &'static str,
}

impl Cx {
    fn new(pass: Pass, kind: &'static str) -> Self {
        Cx {
            pass,
            spans: Spans::default(),
            kind,
        }
    }
    fn text(&mut self, v: &Val<String>) -> String {
        match v {
            Val::Lit(s, _) => s.clone(),
            Val::Interp(i) => {
                let t = text_placeholder(i.guarantee, i.index, self.pass.large(i.index));
                self.spans.interps.push((i.sp, t.clone(), i.guarantee));
                t
            }
        }
    }
    fn int(&mut self, v: &Val<i64>) -> i64 {
        match v {
            Val::Lit(n, _) => *n,
            Val::Interp(i) => {
                let n = int_placeholder(i.guarantee, self.pass.large(i.index));
                self.spans.interps.push((i.sp, n.to_string(), i.guarantee));
                n
            }
        }
    }
    fn i32(&mut self, v: &Val<i64>) -> i32 {
        let n = self.int(v);
        i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX })
    }
    fn reg(&mut self, path: &FieldPath, sp: Sp) {
        self.spans.reg(path, sp);
    }
}

fn modes(m: &Modes) -> AccessModes {
    m.items.iter().map(|w| w.value).collect()
}

fn reg_modes(cx: &mut Cx, path: &FieldPath, m: &Modes) {
    cx.reg(path, m.sp);
    if let Some(w) = m
        .items
        .iter()
        .find(|w| w.value == kvol_core::AccessMode::ReadWriteOncePod)
    {
        cx.spans
            .entries
            .push((format!("{}#RWOP", path.as_str()), w.sp));
    }
    for (i, mode) in modes(m).iter().enumerate() {
        if let Some(w) = m.items.iter().find(|w| w.value == mode) {
            cx.reg(&path.index(i), w.sp);
        }
    }
}

fn reg_map(cx: &mut Cx, path: &FieldPath, entries: &[MapEntry]) {
    if let (Some(first), Some(last)) = (entries.first(), entries.last()) {
        cx.reg(path, first.key.sp().to(last.value.sp()));
    }
    for e in entries {
        if let Val::Lit(k, _) = &e.key {
            cx.reg(&path.key(k), e.key.sp().to(e.value.sp()));
        }
    }
}

fn map_pairs(cx: &mut Cx, entries: &[MapEntry]) -> Vec<(String, String)> {
    entries
        .iter()
        .map(|e| (cx.text(&e.key), cx.text(&e.value)))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Pods and their parts.

/// The containers of a pod body, as builders, with their paths registered under `spec`.
fn containers(
    cx: &mut Cx,
    body: &PodBody,
    spec: &FieldPath,
    object_name: Option<&Name>,
    root: Sp,
    claims: &[ClaimSpec],
) -> (Vec<ContainerBuilder>, Vec<ContainerBuilder>) {
    let mut out = Vec::new();
    let base = spec.child("containers");
    let compact = compact_container(body, object_name, root);
    let all: Vec<&Container> = compact.iter().chain(body.containers.iter()).collect();
    let n_containers = all.len();
    for (i, c) in all.into_iter().enumerate() {
        let path = base.index(i);
        let is_compact = i == 0 && compact.is_some();
        out.push(container(cx, c, &path, claims, is_compact, n_containers));
    }
    let mut init = Vec::new();
    for (i, c) in body.init_containers.iter().enumerate() {
        init.push(container(
            cx,
            c,
            &spec.child("initContainers").index(i),
            &[],
            false,
            0,
        ));
    }
    (out, init)
}

/// The compact form's container: named like the object, with the top-level image, ports and
/// mounts.
pub fn compact_container(
    body: &PodBody,
    object_name: Option<&Name>,
    root: Sp,
) -> Option<Container> {
    let image = body.compact_image.clone()?;
    let name = object_name
        .cloned()
        .unwrap_or(Val::Lit(String::new(), root));
    Some(Container {
        head: image.sp,
        name,
        image: Some(image),
        ports: body.compact_ports.clone(),
        mounts: body.compact_mounts.clone(),
        command: Vec::new(),
        args: Vec::new(),
        env: Vec::new(),
    })
}

/// The claims a container mounts automatically: with `=> PATH`, into the compact container (or
/// into every container when there is none); without, at `/data` into the compact container.
pub fn auto_mounts(
    claims: &[ClaimSpec],
    is_compact: bool,
    has_compact: bool,
) -> Vec<(String, String, Sp)> {
    let mut out = Vec::new();
    for c in claims {
        let name = c
            .name
            .as_ref()
            .map_or("data".to_owned(), |n| n.value.clone());
        match &c.mount {
            Some(path) if is_compact || !has_compact => {
                out.push((name, path.value.clone(), path.sp));
            }
            None if is_compact => out.push((name, "/data".into(), c.sp)),
            _ => {}
        }
    }
    out
}

fn container(
    cx: &mut Cx,
    c: &Container,
    path: &FieldPath,
    claims: &[ClaimSpec],
    is_compact: bool,
    n_containers: usize,
) -> ContainerBuilder {
    cx.reg(path, c.head);
    let name = cx.text(&c.name);
    cx.reg(&path.child("name"), c.name.sp());
    let image = c
        .image
        .as_ref()
        .map(|s| s.value.clone())
        .unwrap_or_default();
    cx.reg(
        &path.child("image"),
        c.image.as_ref().map_or(c.head, |s| s.sp),
    );
    let mut b = CoreContainer::builder(name, image);
    for (j, p) in c.ports.iter().enumerate() {
        let pp = path.child("ports").index(j);
        let sp = p
            .name
            .as_ref()
            .map_or(p.number.sp(), |n| n.sp.to(p.number.sp()));
        cx.reg(&pp, sp);
        if let Some(n) = &p.name {
            cx.reg(&pp.child("name"), n.sp);
        }
        cx.reg(&pp.child("containerPort"), p.number.sp());
        if let Some(w) = &p.protocol {
            cx.reg(&pp.child("protocol"), w.sp);
        }
        b = b.port_with(ContainerPort {
            container_port: cx.i32(&p.number),
            name: p.name.as_ref().map(|n| n.value.clone()),
            protocol: p.protocol.map_or(Protocol::TCP, |w| w.value),
        });
    }
    let mut k = 0;
    for m in &c.mounts {
        let mp = path.child("volumeMounts").index(k);
        k += 1;
        cx.reg(&mp, m.volume.sp.to(m.path.sp));
        cx.reg(&mp.child("name"), m.volume.sp);
        cx.reg(&mp.child("mountPath"), m.path.sp);
        if let Some(s) = &m.sub_path {
            cx.reg(&mp.child("subPath"), s.sp);
        }
        b = b.mount_with(mount(m));
    }
    for (name, mount_path, sp) in auto_mounts(claims, is_compact, is_compact || n_containers == 0) {
        let mp = path.child("volumeMounts").index(k);
        k += 1;
        cx.reg(&mp, sp);
        b = b.mount(name, mount_path);
    }
    if !c.command.is_empty() {
        b = b.command(c.command.iter().map(|s| s.value.clone()));
    }
    if !c.args.is_empty() {
        b = b.args(c.args.iter().map(|s| s.value.clone()));
    }
    for (k, v) in &c.env {
        b = b.env(k.value.clone(), v.value.clone());
    }
    b
}

fn mount(m: &Mount) -> VolumeMount {
    VolumeMount {
        mount_path: m.path.value.clone(),
        name: m.volume.value.clone(),
        read_only: m.read_only,
        sub_path: m.sub_path.as_ref().map(|s| s.value.clone()),
    }
}

fn mode(cx: &mut Cx, v: &Option<Val<i64>>) -> Option<FileMode> {
    v.as_ref()
        .map(|v| FileMode(u32::try_from(cx.int(v)).unwrap_or(u32::MAX)))
}

/// A pod volume's source (conversion errors included, with volume-relative paths).
fn volume_source(cx: &mut Cx, src: &VolSrc, path: &FieldPath) -> SourceInput {
    match src {
        VolSrc::EmptyDir { memory, size } => {
            let p = path.child("emptyDir");
            let size_limit = size.as_ref().map(|q| {
                cx.reg(&p.child("sizeLimit"), q.sp());
                cx.text(q)
            });
            let medium = memory.then_some(StorageMedium::Memory);
            match size_limit.map(|t| t.parse::<kvol_core::Quantity>()) {
                None => VolumeSource::EmptyDir(EmptyDir {
                    medium,
                    size_limit: None,
                })
                .into(),
                Some(Ok(q)) => VolumeSource::EmptyDir(EmptyDir {
                    medium,
                    size_limit: Some(q),
                })
                .into(),
                Some(Err(_)) => VolumeSource::EmptyDir(EmptyDir {
                    medium,
                    size_limit: None,
                })
                .into(),
            }
        }
        VolSrc::HostPath { path: hp, kind, kw } => {
            let p = path.child("hostPath");
            cx.reg(&p, *kw);
            cx.reg(&p.child("path"), hp.sp);
            if let Some(k) = kind {
                cx.reg(&p.child("type"), k.sp);
            }
            VolumeSource::host_path(hp.value.clone(), kind.map(|k| k.value)).into()
        }
        VolSrc::Nfs {
            server,
            path: np,
            read_only,
        } => {
            let p = path.child("nfs");
            cx.reg(&p.child("server"), server.sp);
            cx.reg(&p.child("path"), np.sp);
            VolumeSource::nfs(server.value.clone(), np.value.clone(), *read_only).into()
        }
        VolSrc::Claim { claim, read_only } => {
            cx.reg(
                &path.child("persistentVolumeClaim").child("claimName"),
                claim.sp(),
            );
            VolumeSource::claim(cx.text(claim), *read_only).into()
        }
        VolSrc::ConfigMap { name, opts } | VolSrc::Secret { name, opts } => {
            let is_secret = matches!(src, VolSrc::Secret { .. });
            let p = path.child(if is_secret { "secret" } else { "configMap" });
            cx.reg(
                &p.child(if is_secret { "secretName" } else { "name" }),
                name.sp,
            );
            if let Some(m) = &opts.default_mode {
                cx.reg(&p.child("defaultMode"), m.sp());
            }
            let default_mode = mode(cx, &opts.default_mode);
            let mut items = Vec::new();
            for (j, it) in opts.items.iter().enumerate() {
                let ip = p.child("items").index(j);
                cx.reg(&ip, it.key.sp.to(it.path.sp));
                cx.reg(&ip.child("key"), it.key.sp);
                cx.reg(&ip.child("path"), it.path.sp);
                if let Some(m) = &it.mode {
                    cx.reg(&ip.child("mode"), m.sp());
                }
                items.push(KeyToPath {
                    key: it.key.value.clone(),
                    mode: mode(cx, &it.mode),
                    path: it.path.value.clone(),
                });
            }
            if is_secret {
                VolumeSource::Secret(SecretVolume {
                    default_mode,
                    items,
                    optional: opts.optional,
                    secret_name: name.value.clone(),
                })
                .into()
            } else {
                VolumeSource::ConfigMap(ConfigMapVolume {
                    default_mode,
                    items,
                    name: name.value.clone(),
                    optional: opts.optional,
                })
                .into()
            }
        }
        VolSrc::DownwardApi {
            items,
            default_mode,
        } => {
            let p = path.child("downwardAPI");
            if let Some(m) = default_mode {
                cx.reg(&p.child("defaultMode"), m.sp());
            }
            let mut files = Vec::new();
            for (j, it) in items.iter().enumerate() {
                let ip = p.child("items").index(j);
                cx.reg(&ip, it.path.sp);
                cx.reg(&ip.child("path"), it.path.sp);
                let source = match &it.source {
                    DownwardSrc::Field(f) => {
                        cx.reg(&ip.child("fieldRef"), f.sp);
                        DownwardApiSource::Field(f.value.clone())
                    }
                    DownwardSrc::Resource {
                        container,
                        resource,
                        divisor,
                    } => {
                        cx.reg(&ip.child("resourceFieldRef"), container.sp.to(resource.sp));
                        let divisor = divisor.as_ref().and_then(|d| cx.text(d).parse().ok());
                        DownwardApiSource::Resource {
                            container_name: container.value.clone(),
                            resource: resource.value.clone(),
                            divisor,
                        }
                    }
                };
                files.push(DownwardApiFile {
                    path: it.path.value.clone(),
                    mode: mode(cx, &it.mode),
                    source,
                });
            }
            let mut v = VolumeSource::downward_api(files);
            if let VolumeSource::DownwardApi(d) = &mut v {
                d.default_mode = mode(cx, default_mode);
            }
            v.into()
        }
        VolSrc::Csi {
            driver,
            fs_type,
            read_only,
            attributes,
            secret,
        } => {
            let p = path.child("csi");
            cx.reg(&p.child("driver"), driver.sp);
            reg_map(cx, &p.child("volumeAttributes"), attributes);
            if let Some(s) = secret {
                cx.reg(&p.child("nodePublishSecretRef"), s.sp);
            }
            VolumeSource::Csi(CsiVolume {
                driver: driver.value.clone(),
                fs_type: fs_type.as_ref().map(|s| s.value.clone()),
                node_publish_secret_ref: secret.as_ref().map(|s| LocalObjectReference {
                    name: s.value.clone(),
                }),
                read_only: *read_only,
                volume_attributes: map_pairs(cx, attributes).into_iter().collect(),
            })
            .into()
        }
        VolSrc::Ephemeral(spec) => {
            let tp = path.child("ephemeral").child("volumeClaimTemplate");
            let t = claim_template(cx, spec, None, &tp);
            VolumeSource::ephemeral_claim(t).into()
        }
    }
}

/// A claim template builder from `SIZE MODES [CLASS]`, its paths registered under `path`.
fn claim_template(
    cx: &mut Cx,
    c: &ClaimSpec,
    name: Option<String>,
    path: &FieldPath,
) -> PvcTemplateBuilder {
    cx.reg(path, c.sp);
    if let Some(n) = &c.name {
        cx.reg(&path.child("metadata").child("name"), n.sp);
    }
    let spec = path.child("spec");
    reg_modes(cx, &spec.child("accessModes"), &c.modes);
    let res = spec.child("resources");
    cx.reg(&res.child("requests").key("storage"), c.size.sp());
    cx.reg(&res.key("storage"), c.size.sp());
    let mut t = PvcTemplate::builder(name.unwrap_or_default())
        .access_modes(modes(&c.modes))
        .request(cx.text(&c.size));
    match &c.class {
        None => {}
        Some(Class::None(sp)) => {
            cx.reg(&spec.child("storageClassName"), *sp);
            t = t.no_storage_class();
        }
        Some(Class::Named(n)) => {
            cx.reg(&spec.child("storageClassName"), n.sp());
            t = t.storage_class(cx.text(n));
        }
    }
    t
}

/// Registers the volumes' paths and converts them.
fn volumes(cx: &mut Cx, body: &PodBody, spec: &FieldPath) -> Vec<(String, SourceInput)> {
    let mut out = Vec::new();
    for (i, v) in body.volumes.iter().enumerate() {
        let p = spec.child("volumes").index(i);
        cx.reg(&p, v.name.sp);
        cx.reg(&p.child("name"), v.name.sp);
        let src = volume_source(cx, &v.source, &p);
        out.push((v.name.value.clone(), src));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The objects.

fn meta_spans(cx: &mut Cx, meta: &Meta, base: &FieldPath, root: Sp) {
    cx.reg(&FieldPath::root(), root);
    let m = base.child("metadata");
    cx.reg(&m.child("name"), meta.name.as_ref().map_or(root, Val::sp));
    if let Some(ns) = &meta.namespace {
        cx.reg(&m.child("namespace"), ns.sp());
    }
    reg_map(cx, &m.child("labels"), &meta.labels);
    reg_map(cx, &m.child("annotations"), &meta.annotations);
}

fn pod_report(cx: &mut Cx, ast: &PodAst, root: Sp) -> Built {
    meta_spans(cx, &ast.meta, &FieldPath::root(), root);
    let name = ast
        .meta
        .name
        .as_ref()
        .map(|n| cx.text(n))
        .unwrap_or_default();
    let mut b = Pod::builder(name);
    if let Some(ns) = &ast.meta.namespace {
        b = b.namespace(cx.text(ns));
    }
    for (k, v) in map_pairs(cx, &ast.meta.labels) {
        b = b.label(k, v);
    }
    for (k, v) in map_pairs(cx, &ast.meta.annotations) {
        b = b.annotation(k, v);
    }
    let spec = FieldPath::root().child("spec");
    let body = &ast.body;
    let (cs, init) = containers(cx, body, &spec, ast.meta.name.as_ref(), root, &[]);
    if cs.is_empty() {
        cx.reg(&spec.child("containers"), root);
    }
    for c in cs {
        b = b.container(c);
    }
    for c in init {
        b = b.init_container(c);
    }
    for (n, s) in volumes(cx, body, &spec) {
        b = b.volume(n, s);
    }
    if let Some(g) = &body.grace {
        cx.reg(&spec.child("terminationGracePeriodSeconds"), g.sp());
        b = b.grace_period(cx.int(g));
    }
    if let Some(r) = &body.restart {
        cx.reg(&spec.child("restartPolicy"), r.sp);
        b = b.restart_policy(r.value);
    }
    if let Some(s) = &body.service_account {
        cx.reg(&spec.child("serviceAccountName"), s.sp);
        b = b.service_account(s.value.clone());
    }
    reg_map(cx, &spec.child("nodeSelector"), &body.node_selector);
    for (k, v) in map_pairs(cx, &body.node_selector) {
        b = b.node_selector(k, v);
    }
    report(b.build())
}

/// A build result as a report, and the object when it built.
type Built = (Report, Option<kvol_core::Object>);

fn report<T: Into<kvol_core::Object>>(r: Result<kvol_core::Valid<T>, Report>) -> Built {
    match r {
        Ok(v) => {
            let warnings = v.warnings().to_vec();
            (
                Report {
                    errors: Vec::new(),
                    warnings,
                },
                Some(v.into_inner().into()),
            )
        }
        Err(r) => (r, None),
    }
}

fn statefulset_report(cx: &mut Cx, ast: &StatefulSetAst, root: Sp) -> Built {
    meta_spans(cx, &ast.meta, &FieldPath::root(), root);
    let name = ast
        .meta
        .name
        .as_ref()
        .map(|n| cx.text(n))
        .unwrap_or_default();
    let spec = FieldPath::root().child("spec");
    // Labels are the pods' labels, the selector and the Service's selector.
    for p in [
        spec.child("template").child("metadata").child("labels"),
        spec.child("template").child("labels"),
        FieldPath::root()
            .child("service")
            .child("metadata")
            .child("labels"),
        spec.child("selector").child("matchLabels"),
        FieldPath::root()
            .child("service")
            .child("spec")
            .child("selector"),
    ] {
        reg_map(cx, &p, &ast.meta.labels);
    }
    let mut b = StatefulSet::builder(name);
    if let Some(ns) = &ast.meta.namespace {
        b = b.namespace(cx.text(ns));
    }
    for (k, v) in map_pairs(cx, &ast.meta.labels) {
        b = b.label(k, v);
    }
    for (k, v) in map_pairs(cx, &ast.meta.annotations) {
        b = b.annotation(k, v);
    }
    let svc_sp = ast
        .service
        .as_ref()
        .map_or(ast.meta.name.as_ref().map_or(root, Val::sp), Val::sp);
    cx.reg(&spec.child("serviceName"), svc_sp);
    cx.reg(&FieldPath::root().child("service"), svc_sp);
    cx.reg(
        &FieldPath::root()
            .child("service")
            .child("metadata")
            .child("name"),
        svc_sp,
    );
    if let Some(s) = &ast.service {
        b = b.service_name(cx.text(s));
    }
    if let Some(r) = &ast.replicas {
        cx.reg(&spec.child("replicas"), r.sp());
        b = b.replicas(cx.i32(r));
    }
    let pod_spec = spec.child("template").child("spec");
    let body = &ast.body;
    let (cs, init) = containers(
        cx,
        body,
        &pod_spec,
        ast.meta.name.as_ref(),
        root,
        &ast.claims,
    );
    if cs.is_empty() {
        cx.reg(&pod_spec.child("containers"), root);
    }
    // Service ports come from the named container ports, in order.
    let mut sp_index = 0;
    let compact = compact_container(body, ast.meta.name.as_ref(), root);
    for c in compact.iter().chain(body.containers.iter()) {
        for p in &c.ports {
            if let Some(n) = &p.name {
                let pp = FieldPath::root()
                    .child("service")
                    .child("spec")
                    .child("ports")
                    .index(sp_index);
                cx.reg(&pp, n.sp.to(p.number.sp()));
                cx.reg(&pp.child("name"), n.sp);
                cx.reg(&pp.child("port"), p.number.sp());
                sp_index += 1;
            }
        }
    }
    for c in cs {
        b = b.container(c);
    }
    for c in init {
        b = b.init_container(c);
    }
    for (n, s) in volumes(cx, body, &pod_spec) {
        b = b.volume(n, s);
    }
    if let Some(g) = &body.grace {
        cx.reg(&pod_spec.child("terminationGracePeriodSeconds"), g.sp());
        b = b.grace_period(cx.int(g));
    }
    for (i, c) in ast.claims.iter().enumerate() {
        let name = c
            .name
            .as_ref()
            .map_or("data".to_owned(), |n| n.value.clone());
        let t = claim_template(
            cx,
            c,
            Some(name),
            &spec.child("volumeClaimTemplates").index(i),
        );
        b = b.claim(t);
    }
    if let Some(u) = &ast.update_strategy {
        b = b.update_strategy(update(cx, u, &spec.child("updateStrategy")));
    }
    if let Some(w) = &ast.pod_management {
        cx.reg(&spec.child("podManagementPolicy"), w.sp);
        b = b.pod_management(w.value);
    }
    if let Some((d, s)) = &ast.retention {
        let rp = spec.child("persistentVolumeClaimRetentionPolicy");
        if let Some(d) = d {
            cx.reg(&rp.child("whenDeleted"), d.sp);
        }
        if let Some(s) = s {
            cx.reg(&rp.child("whenScaled"), s.sp);
        }
        b = b.retention(RetentionPolicy {
            when_deleted: d.map_or(RetentionAction::Retain, |w| w.value),
            when_scaled: s.map_or(RetentionAction::Retain, |w| w.value),
        });
    }
    if let Some(v) = ast.publish_not_ready {
        b = b.publish_not_ready_addresses(v);
    }
    if let Some(v) = &ast.min_ready {
        cx.reg(&spec.child("minReadySeconds"), v.sp());
        b = b.min_ready_seconds(cx.i32(v));
    }
    if let Some(v) = &ast.ordinals_start {
        cx.reg(&spec.child("ordinals").child("start"), v.sp());
        b = b.ordinals_start(cx.i32(v));
    }
    if let Some(v) = &ast.revision_history {
        cx.reg(&spec.child("revisionHistoryLimit"), v.sp());
        b = b.revision_history_limit(cx.i32(v));
    }
    report(b.build())
}

fn update(cx: &mut Cx, u: &Update, path: &FieldPath) -> UpdateStrategy {
    match u {
        Update::OnDelete => UpdateStrategy::OnDelete,
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
            UpdateStrategy::RollingUpdate {
                partition: partition.as_ref().map(|p| cx.i32(p)),
                max_unavailable: max_unavailable.as_ref().map(|m| match m {
                    Val::Lit(MaxUnavailable::Int(n), _) => {
                        IntOrPercent::Int(i32::try_from(*n).unwrap_or(i32::MAX))
                    }
                    Val::Lit(MaxUnavailable::Percent(n), _) => {
                        IntOrPercent::Percent(u32::try_from(*n).unwrap_or(u32::MAX))
                    }
                    Val::Interp(i) => {
                        let n = cx.int(&Val::Interp(i.clone()));
                        IntOrPercent::Int(i32::try_from(n).unwrap_or(i32::MAX))
                    }
                }),
            }
        }
    }
}

fn pvc_report(cx: &mut Cx, ast: &PvcAst, root: Sp) -> Built {
    meta_spans(cx, &ast.meta, &FieldPath::root(), root);
    let name = ast
        .meta
        .name
        .as_ref()
        .map(|n| cx.text(n))
        .unwrap_or_default();
    let spec = FieldPath::root().child("spec");
    let mut b = PersistentVolumeClaim::builder(name);
    if let Some(ns) = &ast.meta.namespace {
        b = b.namespace(cx.text(ns));
    }
    for (k, v) in map_pairs(cx, &ast.meta.labels) {
        b = b.label(k, v);
    }
    for (k, v) in map_pairs(cx, &ast.meta.annotations) {
        b = b.annotation(k, v);
    }
    cx.reg(&spec, root);
    match &ast.access {
        Some(m) => {
            reg_modes(cx, &spec.child("accessModes"), m);
            b = b.access_modes(modes(m));
        }
        None => cx.reg(&spec.child("accessModes"), root),
    }
    let res = spec.child("resources");
    match &ast.request {
        Some(q) => {
            cx.reg(&res.child("requests").key("storage"), q.sp());
            cx.reg(&res.key("storage"), q.sp());
            b = b.request(cx.text(q));
        }
        None => cx.reg(&res, root),
    }
    if let Some(q) = &ast.limit {
        cx.reg(&res.child("limits").key("storage"), q.sp());
        b = b.limit(cx.text(q));
    }
    match &ast.class {
        None => {}
        Some(Class::None(sp)) => {
            cx.reg(&spec.child("storageClassName"), *sp);
            b = b.no_storage_class();
        }
        Some(Class::Named(n)) => {
            cx.reg(&spec.child("storageClassName"), n.sp());
            b = b.storage_class(cx.text(n));
        }
    }
    if let Some(w) = &ast.volume_mode {
        cx.reg(&spec.child("volumeMode"), w.sp);
        b = b.volume_mode(w.value);
    }
    if let Some(v) = &ast.volume_name {
        cx.reg(&spec.child("volumeName"), v.sp);
        b = b.volume_name(v.value.clone());
    }
    reg_map(
        cx,
        &spec.child("selector").child("matchLabels"),
        &ast.selector,
    );
    reg_map(cx, &spec.child("selector"), &ast.selector);
    for (k, v) in map_pairs(cx, &ast.selector) {
        b = b.selector_label(k, v);
    }
    if let Some(d) = &ast.data_source {
        cx.reg(&spec.child("dataSource"), d.kind.sp.to(d.name.sp));
        b = b.data_source(TypedLocalObjectReference {
            api_group: d.api_group.as_ref().map(|s| s.value.clone()),
            kind: d.kind.value.clone(),
            name: d.name.value.clone(),
        });
    }
    if let Some(d) = &ast.data_source_ref {
        cx.reg(&spec.child("dataSourceRef"), d.kind.sp.to(d.name.sp));
        b = b.data_source_ref(TypedObjectReference {
            api_group: d.api_group.as_ref().map(|s| s.value.clone()),
            kind: d.kind.value.clone(),
            name: d.name.value.clone(),
            namespace: d.namespace.as_ref().map(|s| s.value.clone()),
        });
    }
    report(b.build())
}

/// The PV source as a model value (literals only).
pub fn legacy_source(
    plugin: kvol_core::legacy::LegacyPlugin,
    fields: &[(String, Sp, LegacyValue)],
) -> LegacySource {
    use kvol_core::legacy::LegacyPlugin as L;
    let s = |k: &str| {
        fields.iter().find(|f| f.0 == k).and_then(|f| match &f.2 {
            LegacyValue::Str(s) => Some(s.value.clone()),
            _ => None,
        })
    };
    let req = |k: &str| s(k).unwrap_or_default();
    let b = |k: &str| {
        fields
            .iter()
            .any(|f| f.0 == k && matches!(f.2, LegacyValue::Bool(true)))
    };
    let i = |k: &str| {
        fields.iter().find(|f| f.0 == k).and_then(|f| match f.2 {
            LegacyValue::Int(n) => i32::try_from(n).ok(),
            _ => None,
        })
    };
    let l = |k: &str| {
        fields
            .iter()
            .find(|f| f.0 == k)
            .map(|f| match &f.2 {
                LegacyValue::List(v) => v.iter().map(|s| s.value.clone()).collect(),
                _ => Vec::new(),
            })
            .unwrap_or_default()
    };
    match plugin {
        L::GcePersistentDisk => LegacySource::GcePersistentDisk {
            pd_name: req("pd_name"),
            fs_type: s("fs_type"),
            partition: i("partition"),
            read_only: b("read_only"),
        },
        L::AwsElasticBlockStore => LegacySource::AwsElasticBlockStore {
            volume_id: req("volume_id"),
            fs_type: s("fs_type"),
            partition: i("partition"),
            read_only: b("read_only"),
        },
        L::AzureDisk => LegacySource::AzureDisk {
            disk_name: req("disk_name"),
            disk_uri: req("disk_uri"),
            fs_type: s("fs_type"),
            read_only: b("read_only"),
        },
        L::AzureFile => LegacySource::AzureFile {
            secret_name: req("secret_name"),
            share_name: req("share_name"),
            read_only: b("read_only"),
        },
        L::Cephfs => LegacySource::Cephfs {
            monitors: l("monitors"),
            path: s("path"),
            read_only: b("read_only"),
        },
        L::Cinder => LegacySource::Cinder {
            volume_id: req("volume_id"),
            fs_type: s("fs_type"),
            read_only: b("read_only"),
        },
        L::Glusterfs => LegacySource::Glusterfs {
            endpoints: req("endpoints"),
            path: req("path"),
            read_only: b("read_only"),
        },
        L::Rbd => LegacySource::Rbd {
            monitors: l("monitors"),
            image: req("image"),
            fs_type: s("fs_type"),
            read_only: b("read_only"),
        },
        L::VsphereVolume => LegacySource::VsphereVolume {
            volume_path: req("volume_path"),
            fs_type: s("fs_type"),
        },
        L::PortworxVolume => LegacySource::PortworxVolume {
            volume_id: req("volume_id"),
            fs_type: s("fs_type"),
            read_only: b("read_only"),
        },
    }
}

fn pv_source(cx: &mut Cx, src: &PvSrc, spec: &FieldPath) -> PvSource {
    use kvol_core::pv::{CsiPersistentVolume, IscsiVolume, LocalVolume};
    match src {
        PvSrc::HostPath { path, kind, kw } => {
            let p = spec.child("hostPath");
            cx.reg(&p, *kw);
            cx.reg(&p.child("path"), path.sp);
            if let Some(k) = kind {
                cx.reg(&p.child("type"), k.sp);
            }
            PvSource::host_path(path.value.clone(), kind.map(|k| k.value))
        }
        PvSrc::Local { path, fs_type } => {
            cx.reg(&spec.child("local").child("path"), path.sp);
            PvSource::Local(LocalVolume {
                fs_type: fs_type.as_ref().map(|s| s.value.clone()),
                path: path.value.clone(),
            })
        }
        PvSrc::Nfs {
            server,
            path,
            read_only,
        } => {
            let p = spec.child("nfs");
            cx.reg(&p.child("server"), server.sp);
            cx.reg(&p.child("path"), path.sp);
            PvSource::Nfs(kvol_core::volume::Nfs {
                path: path.value.clone(),
                read_only: *read_only,
                server: server.value.clone(),
            })
        }
        PvSrc::Csi {
            driver,
            handle,
            fs_type,
            read_only,
            attributes,
        } => {
            let p = spec.child("csi");
            cx.reg(&p.child("driver"), driver.sp);
            cx.reg(&p.child("volumeHandle"), handle.sp);
            reg_map(cx, &p.child("volumeAttributes"), attributes);
            PvSource::Csi(CsiPersistentVolume {
                driver: driver.value.clone(),
                fs_type: fs_type.as_ref().map(|s| s.value.clone()),
                node_publish_secret_ref: None,
                read_only: *read_only,
                volume_attributes: map_pairs(cx, attributes).into_iter().collect(),
                volume_handle: handle.value.clone(),
            })
        }
        PvSrc::Iscsi {
            target_portal,
            iqn,
            lun,
            fs_type,
            read_only,
        } => {
            let p = spec.child("iscsi");
            cx.reg(&p.child("targetPortal"), target_portal.sp);
            cx.reg(&p.child("iqn"), iqn.sp);
            cx.reg(&p.child("lun"), lun.sp());
            PvSource::Iscsi(IscsiVolume {
                fs_type: fs_type.as_ref().map(|s| s.value.clone()),
                iqn: iqn.value.clone(),
                lun: cx.i32(lun),
                read_only: *read_only,
                target_portal: target_portal.value.clone(),
            })
        }
        PvSrc::Legacy { plugin, fields, kw } => {
            let p = spec.child(plugin.key());
            cx.reg(&p, *kw);
            for (k, sp, _) in fields {
                cx.reg(&p.child(&camel(k)), *sp);
            }
            PvSource::Legacy(legacy_source(*plugin, fields))
        }
    }
}

/// `pd_name` → `pdName`.
fn camel(s: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for ch in s.chars() {
        if ch == '_' {
            up = true;
        } else if up {
            out.extend(ch.to_uppercase());
            up = false;
        } else {
            out.push(ch);
        }
    }
    out
}

fn pv_report(cx: &mut Cx, ast: &PvAst, root: Sp) -> Built {
    meta_spans(cx, &ast.meta, &FieldPath::root(), root);
    let name = ast
        .meta
        .name
        .as_ref()
        .map(|n| cx.text(n))
        .unwrap_or_default();
    let spec = FieldPath::root().child("spec");
    cx.reg(&spec, root);
    let mut b = PersistentVolume::builder(name);
    for (k, v) in map_pairs(cx, &ast.meta.labels) {
        b = b.label(k, v);
    }
    for (k, v) in map_pairs(cx, &ast.meta.annotations) {
        b = b.annotation(k, v);
    }
    if let Some(q) = &ast.capacity {
        cx.reg(&spec.child("capacity"), q.sp());
        b = b.capacity(cx.text(q));
    }
    if let Some(m) = &ast.access {
        reg_modes(cx, &spec.child("accessModes"), m);
        b = b.access_modes(modes(m));
    }
    if let Some(w) = &ast.reclaim {
        cx.reg(&spec.child("persistentVolumeReclaimPolicy"), w.sp);
        b = b.reclaim_policy(w.value);
    }
    match &ast.class {
        None => {}
        Some(Class::None(sp)) => {
            cx.reg(&spec.child("storageClassName"), *sp);
            b = b.no_storage_class();
        }
        Some(Class::Named(n)) => {
            cx.reg(&spec.child("storageClassName"), n.sp());
            b = b.storage_class(cx.text(n));
        }
    }
    if let Some(w) = &ast.volume_mode {
        cx.reg(&spec.child("volumeMode"), w.sp);
        b = b.volume_mode(w.value);
    }
    for o in &ast.mount_options {
        b = b.mount_option(o.value.clone());
    }
    if let (Some(f), Some(l)) = (ast.node_hostnames.first(), ast.node_hostnames.last()) {
        cx.reg(&spec.child("nodeAffinity"), f.sp.to(l.sp));
        b = b.node_affinity_hostname(ast.node_hostnames.iter().map(|s| s.value.clone()));
    }
    if let Some((ns, n)) = &ast.claim_ref {
        cx.reg(&spec.child("claimRef"), ns.sp.to(n.sp));
        b = b.claim_ref(ns.value.clone(), n.value.clone());
    }
    if let Some(s) = &ast.source {
        b = b.source(pv_source(cx, s, &spec));
    }
    report(b.build())
}

fn storage_class_report(cx: &mut Cx, ast: &StorageClassAst, root: Sp) -> Built {
    meta_spans(cx, &ast.meta, &FieldPath::root(), root);
    let name = ast
        .meta
        .name
        .as_ref()
        .map(|n| cx.text(n))
        .unwrap_or_default();
    cx.reg(
        &FieldPath::root().child("provisioner"),
        ast.provisioner.as_ref().map_or(root, |s| s.sp),
    );
    let provisioner = ast
        .provisioner
        .as_ref()
        .map(|s| s.value.clone())
        .unwrap_or_default();
    let mut b = StorageClass::builder(name, provisioner);
    for (k, v) in map_pairs(cx, &ast.meta.labels) {
        b = b.label(k, v);
    }
    for (k, v) in map_pairs(cx, &ast.meta.annotations) {
        b = b.annotation(k, v);
    }
    reg_map(cx, &FieldPath::root().child("parameters"), &ast.parameters);
    for (k, v) in map_pairs(cx, &ast.parameters) {
        b = b.parameter(k, v);
    }
    if let Some(w) = &ast.reclaim {
        cx.reg(&FieldPath::root().child("reclaimPolicy"), w.sp);
        b = b.reclaim_policy(w.value);
    }
    if let Some(w) = &ast.binding {
        cx.reg(&FieldPath::root().child("volumeBindingMode"), w.sp);
        b = b.binding_mode(w.value);
    }
    if let Some(v) = ast.allow_expansion {
        b = b.allow_expansion(v);
    }
    for o in &ast.mount_options {
        b = b.mount_option(o.value.clone());
    }
    for (i, (k, vs)) in ast.topology.iter().enumerate() {
        let tp = FieldPath::root().child("allowedTopologies").index(i);
        cx.reg(&tp, k.sp);
        b = b.allowed_topology(k.value.clone(), vs.iter().map(|s| s.value.clone()));
    }
    if ast.default_class == Some(true) {
        b = b.default_class();
    }
    report(b.build())
}

// ---------------------------------------------------------------------------------------------
// Running the passes and mapping the report.

/// What to check.
pub enum Target<'a> {
    /// pod!.
    Pod(&'a PodAst),
    /// statefulset!.
    StatefulSet(&'a StatefulSetAst),
    /// pvc!.
    Pvc(&'a PvcAst),
    /// pv!.
    Pv(&'a PvAst),
    /// storage_class!.
    StorageClass(&'a StorageClassAst),
}

impl Target<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Target::Pod(_) => "Pod",
            Target::StatefulSet(_) => "StatefulSet",
            Target::Pvc(_) => "PersistentVolumeClaim",
            Target::Pv(_) => "PersistentVolume",
            Target::StorageClass(_) => "StorageClass",
        }
    }
    fn run(&self, cx: &mut Cx, root: Sp) -> Built {
        match self {
            Target::Pod(a) => pod_report(cx, a, root),
            Target::StatefulSet(a) => statefulset_report(cx, a, root),
            Target::Pvc(a) => pvc_report(cx, a, root),
            Target::Pv(a) => pv_report(cx, a, root),
            Target::StorageClass(a) => storage_class_report(cx, a, root),
        }
    }
}

/// Checks one object with kvol-core; errors go to `ctxt`, warnings are returned.
pub fn check(ctxt: &Ctxt, target: Target, root: Sp, interps: usize) -> Vec<WarningOut> {
    let passes: &[Pass] = if interps == 0 {
        &[Pass::Min]
    } else {
        &[
            Pass::Min,
            Pass::Max,
            Pass::Alternate(true),
            Pass::Alternate(false),
        ]
    };
    let runs: Vec<(Cx, Report)> = passes
        .iter()
        .map(|pass| {
            let mut cx = Cx::new(*pass, target.kind());
            let (report, _) = target.run(&mut cx, root);
            (cx, report)
        })
        .collect();
    // An error found identically in every pass comes from what the user wrote literally; one
    // that differs between passes comes from the placeholders of interpolated values.
    let full = |e: &kvol_core::FieldError| e.to_string();
    let mut out = Reported::default();
    for (cx, report) in &runs {
        for e in &report.errors {
            let everywhere = runs
                .iter()
                .all(|(_, r)| r.errors.iter().any(|o| full(o) == full(e)));
            out.push(ctxt, cx, e, root, !everywhere);
        }
    }
    // A warning is emitted only when every pass has it (it holds for every value of the types).
    let mut warnings = Vec::new();
    if let Some((cx, first)) = runs.first() {
        for w in &first.warnings {
            if runs
                .iter()
                .all(|(_, r)| r.warnings.iter().any(|o| o.path == w.path))
            {
                let sp = cx.spans.find(w.path.as_str()).map_or(root, |(sp, _)| sp);
                let kind = WarningKind::from_code(w.code);
                warnings.push(WarningOut { kind, sp });
            }
        }
    }
    warnings
}

/// The errors already reported, to report each problem once: kvol-core may report one mistake
/// at several fields (a label is the selector, the template's labels and the Service's).
#[derive(Default)]
struct Reported(Vec<(String, String, bool)>);

impl Reported {
    fn push(
        &mut self,
        ctxt: &Ctxt,
        cx: &Cx,
        e: &kvol_core::FieldError,
        root: Sp,
        from_placeholder: bool,
    ) {
        let what = format!("{:?}|{:?}|{}", e.kind, e.value, e.detail);
        let (sp, exact) = locate(cx, e, root);
        let at = format!("{:?}{:?}", sp.start, sp.end);
        // The same problem at the same token (or mapped only approximately) is one problem; so
        // is one bad value reported under two rules at one token (a Pod name that also names
        // its compact container), and a placeholder problem found again in another pass.
        let value = format!("{:?}", e.value);
        let seen = self
            .0
            .iter()
            .any(|(w, a, _)| w == &what && (a == &at || !exact))
            || (e.value.is_some() && self.0.iter().any(|(w, a, _)| w == &value && a == &at))
            || (from_placeholder
                && self
                    .0
                    .iter()
                    .any(|(w, _, _)| w == &format!("path|{}", e.path)));
        if seen {
            return;
        }
        self.0.push((what.clone(), at.clone(), exact));
        self.0.push((value, at, exact));
        self.0
            .push((format!("path|{}", e.path), String::new(), exact));
        ctxt.push(map_error(cx, e, root, from_placeholder));
    }
}

/// The span of the token behind an error's field, and whether the path matched exactly.
fn locate(cx: &Cx, e: &kvol_core::FieldError, root: Sp) -> (Sp, bool) {
    let path = e.path.as_str();
    // `RWOP` combined with another mode: point at RWOP itself.
    if path.ends_with("accessModes")
        && e.detail.contains("ReadWriteOncePod")
        && let Some((sp, true)) = cx.spans.find(&format!("{path}#RWOP"))
    {
        return (sp, true);
    }
    cx.spans.find(path).unwrap_or((root, false))
}

/// A kvol-core error as a compile error at the span of the token behind its path.
fn map_error(cx: &Cx, e: &kvol_core::FieldError, root: Sp, from_placeholder: bool) -> syn::Error {
    let path = e.path.as_str();
    let (sp, _) = locate(cx, e, root);
    let mut msg = String::new();
    msg.push_str(e.kind.as_str());
    if let Some(v) = &e.value {
        msg.push_str(&format!(": {v}"));
    }
    if !e.detail.is_empty() {
        msg.push_str(&format!(": {}", e.detail));
    }
    let format_error = matches!(e.kind, ErrorKind::Invalid | ErrorKind::TooLong);
    if let Some(note) = rule_note(cx.kind, path).filter(|_| format_error) {
        msg.push_str(&format!("\nnote: {note}"));
    }
    if e.kind == ErrorKind::Required
        && let Some(help) = required_help(path)
    {
        msg.push_str(&format!("\nhelp: {help}"));
    }
    let interp = cx.spans.interps.iter().find(|(isp, _, _)| same(*isp, sp));
    if let Some((_, placeholder, g)) = interp.filter(|_| from_placeholder) {
        msg.push_str(&format!(
            "\nnote: kvol cannot guarantee this for every value of `{}` (tried `{placeholder}`)\n\
             help: write the value literally, or build the object with the builder API and \
             handle the `Result` of `build()`",
            g.type_name()
        ));
    } else if from_placeholder {
        msg.push_str(
            "\nnote: this happens for some values of the interpolated `{…}` expressions: kvol \
             cannot guarantee the object is valid for every value of their types\nhelp: write \
             these values literally, or build the object with the builder API and handle the \
             `Result` of `build()`",
        );
    }
    if !path.is_empty() {
        msg.push_str(&format!("\nnote: field `{path}` of the {}", cx.kind));
    }
    sp.error(msg)
}

/// What to add for a required field that is missing.
fn required_help(path: &str) -> Option<&'static str> {
    let last = path.rsplit('.').next().unwrap_or(path);
    Some(match last {
        "name" if path == "metadata.name" => "add `name: NAME`",
        "image" => "add `image: \"IMAGE\"` to the container",
        "accessModes" => "add `access: RWO` (or ROX, RWX, RWOP)",
        "resources[storage]" | "requests[storage]" | "resources" => "add `request: 1Gi`",
        "capacity" => "add `capacity: 1Gi`",
        "provisioner" => "add `provisioner: \"DRIVER\"`",
        "containers" => {
            "add `image: \"IMAGE\"` (one container named like the object) or a \
             `container NAME { image: \"IMAGE\" }`"
        }
        "spec" => "add `source: …` (host_path, local, nfs, csi, iscsi)",
        _ => return None,
    })
}

fn same(a: Sp, b: Sp) -> bool {
    format!("{:?}{:?}", a.start, a.end) == format!("{:?}{:?}", b.start, b.end)
}

/// A note quoting the Kubernetes rule behind a field, where the detail alone is terse.
fn rule_note(kind: &str, path: &str) -> Option<String> {
    let label = "a DNS-1123 label: at most 63 characters of a-z, 0-9 and '-', starting and \
                 ending with a letter or digit";
    let subdomain = "a DNS-1123 subdomain: at most 253 characters of a-z, 0-9, '-' and '.', \
                     starting and ending with a letter or digit";
    if path == "metadata.name" {
        return Some(match kind {
            "StatefulSet" => format!("a StatefulSet name must be {label}"),
            k => format!("a {k} name must be {subdomain}"),
        });
    }
    if path == "spec.serviceName" || path == "service.metadata.name" {
        return Some(
            "a Service name must be a DNS-1035 label: at most 63 characters of a-z, 0-9 and \
             '-', starting with a letter and ending with a letter or digit"
                .into(),
        );
    }
    if path.ends_with("metadata.namespace") {
        return Some(format!("a namespace must be {label}"));
    }
    if path.contains("ports[") && path.ends_with(".name") && !path.starts_with("service") {
        return Some(
            "a container port name must be an IANA service name: at most 15 characters of a-z, \
             0-9 and '-', with at least one letter, no '--', not starting or ending with '-'"
                .into(),
        );
    }
    if (path.contains("volumes[") || path.contains("containers[") || path.contains("Containers["))
        && path.ends_with("].name")
    {
        return Some(format!("volume and container names must be {label}"));
    }
    if path.ends_with("storageClassName") {
        return Some(format!("a StorageClass name must be {subdomain}"));
    }
    None
}

// ---------------------------------------------------------------------------------------------
// manifests!

fn target(item: &Item2) -> Target<'_> {
    match item {
        Item2::Pod(a) => Target::Pod(a),
        Item2::Pv(a) => Target::Pv(a),
        Item2::Pvc(a) => Target::Pvc(a),
        Item2::StorageClass(a) => Target::StorageClass(a),
        Item2::StatefulSet(a) => Target::StatefulSet(a),
    }
}

fn item_meta(item: &Item2) -> &Meta {
    match item {
        Item2::Pod(a) => &a.meta,
        Item2::Pv(a) => &a.meta,
        Item2::Pvc(a) => &a.meta,
        Item2::StorageClass(a) => &a.meta,
        Item2::StatefulSet(a) => &a.meta,
    }
}

/// Checks each object of a `manifests!` block with its own rules, then (when they all hold) the
/// set with kvol-core's `Manifests` rules: mounts ↔ claims, claims ↔ classes, claims ↔ volumes.
pub fn check_manifests(ctxt: &Ctxt, ast: &ManifestsAst, root: Sp) -> Vec<WarningOut> {
    let mut warnings = Vec::new();
    let mut built = Vec::new();
    let mut ok = true;
    for (item, kw) in &ast.objects {
        let t = target(item);
        let object_root = item_meta(item).name.as_ref().map_or(*kw, Val::sp);
        let mut cx = Cx::new(Pass::Min, t.kind());
        let (report, object) = t.run(&mut cx, object_root);
        for e in &report.errors {
            ctxt.push(map_error(&cx, e, object_root, false));
        }
        for w in &report.warnings {
            let sp = cx
                .spans
                .find(w.path.as_str())
                .map_or(object_root, |(sp, _)| sp);
            warnings.push(WarningOut {
                kind: WarningKind::from_code(w.code),
                sp,
            });
        }
        ok &= object.is_some();
        built.push((cx, object, object_root));
    }
    if !ok {
        return warnings;
    }
    let mut set = kvol_core::Manifests::new();
    if let Some(ns) = &ast.namespace {
        set = set.namespace(ns.value.clone());
    }
    for c in &ast.external_claims {
        set = set.external_claim(c.value.clone());
    }
    for c in &ast.external_classes {
        set = set.external_storage_class(c.value.clone());
    }
    if let Some(d) = &ast.default_class {
        set = set.cluster_default_class(d.value.clone());
    }
    for (_, object, _) in &built {
        if let Some(o) = object {
            set = set.with(o.clone());
        }
    }
    let report = kvol_core::Validate::check(&set);
    for e in &report.errors {
        match object_index(e.path.as_str()).and_then(|(i, rest)| Some((built.get(i)?, rest))) {
            Some(((cx, _, object_root), rest)) => {
                let mut e = e.clone();
                e.path = FieldPath::root().child(rest);
                ctxt.push(map_error(cx, &e, *object_root, false));
            }
            _ => {
                let sp = ast.namespace.as_ref().map_or(root, |n| n.sp);
                ctxt.error(sp, format!("{e}"));
            }
        }
    }
    for w in &report.warnings {
        if let Some((i, rest)) = object_index(w.path.as_str())
            && let Some((cx, _, object_root)) = built.get(i)
        {
            let sp = cx.spans.find(rest).map_or(*object_root, |(sp, _)| sp);
            warnings.push(WarningOut {
                kind: WarningKind::from_code(w.code),
                sp,
            });
        }
    }
    warnings
}

/// `objects[3](Kind ns/name).spec.x` → `(3, "spec.x")`.
fn object_index(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("objects[")?;
    let close = rest.find(']')?;
    let index = rest[..close].parse().ok()?;
    let after = &rest[close + 1..];
    let after = match after.strip_prefix('(') {
        Some(a) => &a[a.find(')')? + 1..],
        None => after,
    };
    Some((index, after.strip_prefix('.').unwrap_or(after)))
}

/// The expansion of a `manifests!` block.
pub fn expand_manifests(
    g: &mut crate::expand::Gen,
    ast: &ManifestsAst,
) -> proc_macro2::TokenStream {
    let objects: Vec<_> = ast.objects.iter().map(|(item, _)| g.object(item)).collect();
    let krate = g.krate().clone();
    let k = quote::quote!(#krate::__private::kvol_core);
    let mut calls = Vec::new();
    if let Some(ns) = &ast.namespace {
        let v = &ns.value;
        calls.push(quote::quote!(.namespace(#v)));
    }
    for c in &ast.external_claims {
        let v = &c.value;
        calls.push(quote::quote!(.external_claim(#v)));
    }
    for c in &ast.external_classes {
        let v = &c.value;
        calls.push(quote::quote!(.external_storage_class(#v)));
    }
    if let Some(d) = &ast.default_class {
        let v = &d.value;
        calls.push(quote::quote!(.cluster_default_class(#v)));
    }
    quote::quote!(#krate::__private::manifests(#k::Manifests::new() #(#calls)* #(.with(#objects))*))
}
