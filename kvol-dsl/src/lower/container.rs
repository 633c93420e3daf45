//! Containers: `container NAME { … }`, `init_container NAME { … }` and the compact form's
//! container (named like the object, from the top-level `image`, `port` and `mount` keys).

use super::{Cx, words::word};
use crate::{
    ast::{ClaimSpec, Container, EnvValue, Mount, Name, PodBody, Port, Val},
    ctxt::Sp,
    lowered::{Lowered, call, ctor, opt, record, vec},
};
use kvol_core::{FieldPath, builder::ContainerBuilder, pod::Protocol};

/// The containers and init containers of a pod body, their paths registered under `spec`.
pub fn containers(
    cx: &mut Cx,
    body: &PodBody,
    spec: &FieldPath,
    object_name: Option<&Name>,
    root: Sp,
    claims: &[ClaimSpec],
) -> (
    Vec<Lowered<ContainerBuilder>>,
    Vec<Lowered<ContainerBuilder>>,
) {
    let base = spec.child("containers");
    let compact = compact_container(body, object_name, root);
    let all: Vec<&Container> = compact.iter().chain(body.containers.iter()).collect();
    let n_containers = all.len();
    let mut out = Vec::new();
    for (i, c) in all.into_iter().enumerate() {
        let is_compact = i == 0 && compact.is_some();
        let mounts = auto_mounts(claims, is_compact, is_compact || n_containers == 0);
        out.push(container(cx, c, &base.index(i), &mounts));
    }
    let init_base = spec.child("initContainers");
    let init = body
        .init_containers
        .iter()
        .enumerate()
        .map(|(i, c)| container(cx, c, &init_base.index(i), &[]))
        .collect();
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
        extra: Default::default(),
        extra_fields: Vec::new(),
    })
}

/// A claim template mounted without a `mount:` of its own.
struct AutoMount {
    name: String,
    path: String,
    sp: Sp,
}

/// The claims a container mounts automatically: with `=> PATH`, into the compact container (or
/// into every container when there is none); without, at `/data` into the compact container.
fn auto_mounts(claims: &[ClaimSpec], is_compact: bool, has_compact: bool) -> Vec<AutoMount> {
    let mut out = Vec::new();
    for c in claims {
        let name = c.name.as_ref().map_or("data", |n| n.value.as_str());
        match &c.mount {
            Some(path) if is_compact || !has_compact => out.push(AutoMount {
                name: name.to_owned(),
                path: path.value.clone(),
                sp: path.sp,
            }),
            None if is_compact => out.push(AutoMount {
                name: name.to_owned(),
                path: "/data".into(),
                sp: c.sp,
            }),
            _ => {}
        }
    }
    out
}

fn container(
    cx: &mut Cx,
    c: &Container,
    path: &FieldPath,
    auto: &[AutoMount],
) -> Lowered<ContainerBuilder> {
    cx.reg(path, c.head);
    cx.reg(&path.child("name"), c.name.sp());
    cx.reg(
        &path.child("image"),
        c.image.as_ref().map_or(c.head, |s| s.sp),
    );
    let name = cx.text(&c.name);
    let image = cx.string(c.image.as_ref().map_or("", |s| s.value.as_str()));
    let k = cx.k.clone();
    let mut b = ctor!(k, Container::builder(name, image));
    for (j, p) in c.ports.iter().enumerate() {
        let port = port(cx, p, &path.child("ports").index(j));
        b = call!(b.port_with(port));
    }
    let mut at = 0;
    for m in &c.mounts {
        let mount = mount(cx, m, &path.child("volumeMounts"), at);
        at += 1;
        b = call!(b.mount_with(mount));
    }
    for a in auto {
        cx.reg(&path.child("volumeMounts").index(at), a.sp);
        at += 1;
        let (name, mount_path) = (cx.string(&a.name), cx.string(&a.path));
        b = call!(b.mount(name, mount_path));
    }
    if !c.command.is_empty() {
        let command = vec(c.command.iter().map(|s| cx.string(&s.value)).collect());
        b = call!(b.command(command));
    }
    if !c.args.is_empty() {
        let args = vec(c.args.iter().map(|s| cx.string(&s.value)).collect());
        b = call!(b.args(args));
    }
    for (j, e) in c.env.iter().enumerate() {
        let ep = path.child("env").index(j);
        cx.reg(&ep.child("name"), e.name.sp);
        let key = cx.string(&e.name.value);
        match &e.value {
            EnvValue::Lit(value) => {
                cx.reg(&ep, e.name.sp.to(value.sp));
                cx.reg(&ep.child("value"), value.sp);
                let value = cx.string(&value.value);
                b = call!(b.env(key, value));
            }
            source => {
                cx.reg(&ep, e.name.sp);
                let source = super::container_extra::env_source(cx, source, &ep.child("valueFrom"));
                b = call!(b.env_from_source(key, source));
            }
        }
    }
    let mut b = super::container_extra::lower(cx, &c.extra, path, b);
    for (name, value) in super::extra::fields(cx, &c.extra_fields, path) {
        b = call!(b.extra(name, value));
    }
    b
}

fn port(cx: &mut Cx, p: &Port, path: &FieldPath) -> Lowered<kvol_core::ContainerPort> {
    let sp = p
        .name
        .as_ref()
        .map_or(p.number.sp(), |n| n.sp.to(p.number.sp()));
    cx.reg(path, sp);
    if let Some(n) = &p.name {
        cx.reg(&path.child("name"), n.sp);
    }
    cx.reg(&path.child("containerPort"), p.number.sp());
    if let Some(w) = &p.protocol {
        cx.reg(&path.child("protocol"), w.sp);
    }
    let container_port = cx.int32(&p.number, "a port number");
    let name = opt(p.name.as_ref().map(|n| cx.string(&n.value)));
    let k = cx.k.clone();
    let protocol = word(&k, p.protocol.map_or(Protocol::TCP, |w| w.value));
    let host_port = opt(p.host_port.as_ref().map(|h| {
        cx.reg(&path.child("hostPort"), h.sp());
        cx.int32(h, "a port number")
    }));
    record!(
        k,
        pod::ContainerPort {
            container_port,
            host_port,
            name,
            protocol,
        }
    )
}

fn mount(cx: &mut Cx, m: &Mount, mounts: &FieldPath, at: usize) -> Lowered<kvol_core::VolumeMount> {
    let path = &mounts.index(at);
    cx.reg(path, m.volume.sp.to(m.path.sp));
    cx.reg(&path.child("name"), m.volume.sp);
    cx.reg(&path.child("mountPath"), m.path.sp);
    if let Some(s) = &m.sub_path {
        cx.reg(&path.child("subPath"), s.sp);
        // The API server reports `subPath` without the mount's index.
        cx.reg_value(&mounts.child("subPath"), s.sp, &s.value);
    }
    let mount_path = cx.string(&m.path.value);
    let name = cx.string(&m.volume.value);
    let read_only = cx.boolean(m.read_only);
    let sub_path = opt(m.sub_path.as_ref().map(|s| cx.string(&s.value)));
    if let Some(s) = &m.sub_path_expr {
        cx.reg(&path.child("subPathExpr"), s.sp);
    }
    let sub_path_expr = opt(m.sub_path_expr.as_ref().map(|s| cx.string(&s.value)));
    let k = cx.k.clone();
    let mount_propagation = opt(m.propagation.map(|w| {
        cx.reg(&path.child("mountPropagation"), w.sp);
        word(&k, w.value)
    }));
    let recursive_read_only = opt(m.recursive_read_only.map(|w| {
        cx.reg(&path.child("recursiveReadOnly"), w.sp);
        word(&k, w.value)
    }));
    record!(
        k,
        pod::VolumeMount {
            mount_path,
            mount_propagation,
            name,
            read_only,
            recursive_read_only,
            sub_path,
            sub_path_expr,
        }
    )
}
