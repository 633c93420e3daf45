//! `pod!` and what pods are made of (shared with `statefulset!`): metadata, containers, ports,
//! mounts and volumes.

use super::{
    Cursor, Entry, P, Seen, colon, entry, group_entries, unknown_key,
    value::{self, LitKind, lit_kind},
};
use crate::{
    ast::{
        ClaimSpec, Container, DownwardItem, DownwardSrc, Guarantee, Item, Meta, Mount, PodAst,
        PodBody, Port, ProjSrc, Projection, Val, VolSrc, VolumeDecl,
    },
    ctxt::Sp,
    suggest,
};
use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// Keys of `pod!`.
pub const POD_KEYS: &[&str] = &[
    "name",
    "namespace",
    "labels",
    "annotations",
    "image",
    "port",
    "mount",
    "grace",
    "restart",
    "service_account",
    "node_selector",
    "container",
    "init_container",
    "volume",
    "allow",
    "security",
    "node_affinity",
    "pod_affinity",
    "pod_anti_affinity",
    "toleration",
    "spread",
    "priority_class",
    "image_pull_secrets",
    "automount_token",
    "hostname",
    "subdomain",
    "dns_policy",
    "service_links",
    "extra",
];

/// Keys inside `container NAME { … }`.
pub const CONTAINER_KEYS: &[&str] = &[
    "image",
    "port",
    "mount",
    "command",
    "args",
    "env",
    "pull",
    "working_dir",
    "env_from",
    "requests",
    "limits",
    "liveness",
    "readiness",
    "startup",
    "post_start",
    "pre_stop",
    "security",
    "restart",
    "termination_message_policy",
    "termination_message_path",
    "device",
    "extra",
];

/// Parses `pod! { … }`.
pub fn parse(p: &P, input: TokenStream) -> PodAst {
    let tokens = super::flatten(input);
    let mut ast = PodAst::default();
    let mut seen = Seen::default();
    for toks in super::split_commas(tokens) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if !meta_entry(
            p,
            &mut e,
            &mut ast.meta,
            &mut seen,
            Guarantee::Dns1123Subdomain,
            true,
        ) && !body_entry(p, &mut e, &mut ast.body, &mut seen)
        {
            unknown_key(p, &e, "a Pod", POD_KEYS);
        }
    }
    ast
}

/// `name`, `namespace`, `labels`, `annotations`, `allow`. Returns false for other keys.
pub fn meta_entry(
    p: &P,
    e: &mut Entry,
    meta: &mut Meta,
    seen: &mut Seen,
    name_guarantee: Guarantee,
    namespaced: bool,
) -> bool {
    match e.key.as_str() {
        "name" => {
            if seen.once(p, e) && colon(p, e) {
                meta.name = value::name(p, &mut e.rest, "a name", name_guarantee);
                e.rest.finish(p, "the name");
            }
        }
        "namespace" if namespaced => {
            if seen.once(p, e) && colon(p, e) {
                meta.namespace =
                    value::name(p, &mut e.rest, "a namespace", Guarantee::Dns1123Label);
                e.rest.finish(p, "the namespace");
            }
        }
        "labels" | "annotations" => {
            if seen.once(p, e) && colon(p, e) {
                let what = if e.key == "labels" {
                    "labels"
                } else {
                    "annotations"
                };
                let value_g = Guarantee::LabelValue;
                let m = value::map(p, &mut e.rest, what, Guarantee::QualifiedName, value_g);
                if let Some(m) = m {
                    if e.key == "labels" {
                        meta.labels = m;
                    } else {
                        meta.annotations = m;
                    }
                }
                e.rest.finish(p, what);
            }
        }
        "allow" => {
            if seen.once(p, e) && colon(p, e) {
                meta.allow = value::list(p, &mut e.rest, "a warning name").unwrap_or_default();
                e.rest.finish(p, "the list of warnings");
            }
        }
        _ => return false,
    }
    true
}

/// Pod-level keys (containers, volumes, the compact form). Returns false for other keys.
pub fn body_entry(p: &P, e: &mut Entry, body: &mut PodBody, seen: &mut Seen) -> bool {
    match e.key.as_str() {
        "image" => {
            if seen.once(p, e) && colon(p, e) {
                body.compact_image = value::string(p, &mut e.rest, "an image");
                e.rest.finish(p, "the image");
            }
        }
        "port" => {
            if colon(p, e)
                && let Some(port) = port(p, &mut e.rest)
            {
                body.compact_ports.push(port);
            }
        }
        "mount" => {
            if colon(p, e)
                && let Some(m) = mount(p, &mut e.rest)
            {
                body.compact_mounts.push(m);
            }
        }
        "grace" => {
            if seen.once(p, e) && colon(p, e) {
                body.grace = value::int(
                    p,
                    &mut e.rest,
                    "a grace period in seconds",
                    Guarantee::Count,
                    &["s"],
                );
                e.rest.finish(p, "the grace period");
            }
        }
        "restart" => {
            if seen.once(p, e) && colon(p, e) {
                body.restart = value::api_word(p, &mut e.rest);
                e.rest.finish(p, "the restart policy");
            }
        }
        "service_account" => {
            if seen.once(p, e) && colon(p, e) {
                body.service_account = value::literal_name(p, &mut e.rest, "a service account");
                e.rest.finish(p, "the service account");
            }
        }
        "extra" => {
            if seen.once(p, e) && colon(p, e) {
                body.extra =
                    value::extras(p, &mut e.rest, "extra pod spec fields").unwrap_or_default();
                e.rest.finish(p, "the extra fields");
            }
        }
        "node_selector" => {
            if seen.once(p, e) && colon(p, e) {
                body.node_selector = value::map(
                    p,
                    &mut e.rest,
                    "a node selector",
                    Guarantee::QualifiedName,
                    Guarantee::LabelValue,
                )
                .unwrap_or_default();
                e.rest.finish(p, "the node selector");
            }
        }
        "container" | "init_container" => {
            if let Some(c) = container(p, e) {
                if e.key == "container" {
                    body.containers.push(c);
                } else {
                    body.init_containers.push(c);
                }
            }
        }
        "volume" => {
            if let Some(v) = volume(p, e) {
                body.volumes.push(v);
            }
        }
        _ => return super::scheduling::settings_entry(p, e, &mut body.settings, seen),
    }
    true
}

/// `container NAME { image: …, port: …, mount: …, command: […], args: […], env: {…} }`.
fn container(p: &P, e: &mut Entry) -> Option<Container> {
    let c = &mut e.rest;
    if c.is_punct(':') {
        p.cx.error(
            c.span(),
            format!("write `{} NAME {{ … }}` without `:`", e.key),
        );
        return None;
    }
    let name = value::literal_name(p, c, "a container name")?;
    let head = e.key_sp.to(name.sp);
    let Some(g) = c.peek_group(Delimiter::Brace) else {
        p.cx.error(
            c.span(),
            format!(
                "expected `{{ image: \"…\", … }}` after `{} {}`",
                e.key, name.value
            ),
        );
        return None;
    };
    c.bump();
    c.finish(p, "the container");
    let mut out = Container {
        name: Val::Lit(name.value, name.sp),
        image: None,
        ports: Vec::new(),
        mounts: Vec::new(),
        command: Vec::new(),
        args: Vec::new(),
        env: Vec::new(),
        extra: Default::default(),
        head,
        extra_fields: Vec::new(),
    };
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut ce) = entry(p, &toks) else {
            continue;
        };
        match ce.key.as_str() {
            "image" => {
                if seen.once(p, &ce) && colon(p, &mut ce) {
                    out.image = value::string(p, &mut ce.rest, "an image");
                    ce.rest.finish(p, "the image");
                }
            }
            "port" => {
                if colon(p, &mut ce)
                    && let Some(port) = port(p, &mut ce.rest)
                {
                    out.ports.push(port);
                }
            }
            "mount" => {
                if colon(p, &mut ce)
                    && let Some(m) = mount(p, &mut ce.rest)
                {
                    out.mounts.push(m);
                }
            }
            "command" | "args" => {
                if seen.once(p, &ce) && colon(p, &mut ce) {
                    let l = strings(p, &mut ce.rest, &ce.key);
                    if ce.key == "command" {
                        out.command = l;
                    } else {
                        out.args = l;
                    }
                    ce.rest.finish(p, "the list");
                }
            }
            "env" => {
                if seen.once(p, &ce) && colon(p, &mut ce) {
                    out.env = super::container::env(p, &mut ce.rest);
                    ce.rest.finish(p, "the environment");
                }
            }
            "extra" => {
                if seen.once(p, &ce) && colon(p, &mut ce) {
                    out.extra_fields = value::extras(p, &mut ce.rest, "extra container fields")
                        .unwrap_or_default();
                    ce.rest.finish(p, "the extra fields");
                }
            }
            _ => {
                if !super::container::key(p, &mut ce, &mut out.extra, &mut seen) {
                    unknown_key(p, &ce, "a container", CONTAINER_KEYS);
                }
            }
        }
    }
    Some(out)
}

/// `["a", "b"]`: strings only.
fn strings(p: &P, c: &mut Cursor, what: &str) -> Vec<crate::ast::Str> {
    let Some(g) = c.peek_group(Delimiter::Bracket) else {
        p.cx.error(
            c.span(),
            format!("expected `{what}` as a list of strings: `[\"a\", \"b\"]`"),
        );
        c.bump();
        return Vec::new();
    };
    c.bump();
    let mut out = Vec::new();
    for toks in group_entries(g) {
        let mut ic = Cursor::new(&toks, g.span());
        if let Some(s) = value::string(p, &mut ic, "a list item") {
            out.push(s);
        }
        ic.finish(p, "a list item");
    }
    out
}

/// `[NAME] NUMBER [TCP|UDP|SCTP]`.
pub fn port(p: &P, c: &mut Cursor) -> Option<Port> {
    let name = match c.peek() {
        Some(TokenTree::Ident(_)) => value::literal_name(p, c, "a port name"),
        Some(TokenTree::Literal(l)) if matches!(lit_kind(l), LitKind::Str(_)) => {
            value::literal_name(p, c, "a port name")
        }
        _ => None,
    };
    let number = value::int(p, c, "a port number", Guarantee::Port, &[])?;
    let protocol = match c.peek_ident() {
        Some(w) if w != "host_port" => value::api_word(p, c),
        _ => None,
    };
    let host_port = if c.eat_word("host_port") {
        value::int(p, c, "a host port", Guarantee::Port, &[])
    } else {
        None
    };
    c.finish(p, "the port");
    Some(Port {
        name,
        number,
        protocol,
        host_port,
    })
}

/// The words after a mount's path.
const MOUNT_OPTIONS: &[&str] = &[
    "read_only",
    "sub_path",
    "sub_path_expr",
    "propagation",
    "recursive_read_only",
];

/// `VOLUME => "/path" [read_only] [sub_path "x"] [sub_path_expr "$(X)"] [propagation MODE]
/// [recursive_read_only MODE]`.
pub fn mount(p: &P, c: &mut Cursor) -> Option<Mount> {
    let volume = value::literal_name(p, c, "the name of the volume to mount")?;
    if !c.eat_fat_arrow() {
        p.cx.error(
            c.span(),
            format!("expected `=> \"/path\"` after the volume name\nhelp: write `mount: {} => \"/data\"`", volume.value),
        );
        return None;
    }
    let path = value::string(p, c, "a mount path")?;
    let mut m = Mount {
        volume,
        path,
        read_only: false,
        sub_path: None,
        sub_path_expr: None,
        propagation: None,
        recursive_read_only: None,
    };
    while let Some(w) = c.peek_ident() {
        match w.as_str() {
            "read_only" => {
                c.bump();
                m.read_only = true;
            }
            "sub_path" => {
                c.bump();
                m.sub_path = value::string(p, c, "a sub path");
            }
            "sub_path_expr" => {
                c.bump();
                m.sub_path_expr = value::string(p, c, "a sub path expression");
            }
            "propagation" => {
                c.bump();
                m.propagation = value::api_word(p, c);
            }
            "recursive_read_only" => {
                c.bump();
                m.recursive_read_only = value::api_word(p, c);
            }
            _ => {
                p.cx.error(
                    c.span(),
                    suggest::unknown("mount option", &w, MOUNT_OPTIONS),
                );
                return None;
            }
        }
    }
    c.finish(p, "the mount");
    Some(m)
}

/// Volume source keywords.
pub const SOURCES: &[&str] = &[
    "empty_dir",
    "host_path",
    "nfs",
    "claim",
    "config_map",
    "secret",
    "downward_api",
    "csi",
    "ephemeral",
    "projected",
];

/// `volume NAME: SOURCE`.
fn volume(p: &P, e: &mut Entry) -> Option<VolumeDecl> {
    let c = &mut e.rest;
    let name = value::literal_name(p, c, "a volume name")?;
    if !c.eat_punct(':') {
        p.cx.error(
            c.span(),
            format!(
                "expected `:` and a source after `volume {}`\nhelp: e.g. `volume {}: empty_dir`",
                name.value, name.value
            ),
        );
        return None;
    }
    let source = volume_source(p, c)?;
    c.finish(p, "the volume source");
    Some(VolumeDecl { name, source })
}

/// A pod volume source.
fn volume_source(p: &P, c: &mut Cursor) -> Option<VolSrc> {
    let kw_sp = c.span();
    let Some(kw) = c.peek_ident() else {
        p.cx.error(
            kw_sp,
            format!("expected a volume source: {}", suggest::one_of(SOURCES)),
        );
        return None;
    };
    c.bump();
    match kw.as_str() {
        "empty_dir" => {
            let memory = c.eat_word("memory");
            let size = if c.eof() {
                None
            } else {
                value::quantity(p, c, "a size limit", Guarantee::Quantity)
            };
            Some(VolSrc::EmptyDir { memory, size })
        }
        "host_path" => {
            let path = value::string(p, c, "a host path")?;
            let kind = if c.eof() { None } else { value::api_word(p, c) };
            Some(VolSrc::HostPath {
                path,
                kind,
                kw: kw_sp,
            })
        }
        "nfs" => {
            let server = value::string(p, c, "an NFS server")?;
            let path = value::string(p, c, "an exported path")?;
            let read_only = c.eat_word("read_only");
            Some(VolSrc::Nfs {
                server,
                path,
                read_only,
            })
        }
        "claim" => {
            let claim = value::name(p, c, "a claim name", Guarantee::Dns1123Subdomain)?;
            let read_only = c.eat_word("read_only");
            Some(VolSrc::Claim { claim, read_only })
        }
        "config_map" | "secret" => {
            let name = value::literal_name(p, c, "a name")?;
            let opts = if let Some(g) = c.peek_group(Delimiter::Brace) {
                c.bump();
                projection(p, g)
            } else {
                Projection::default()
            };
            Some(if kw == "secret" {
                VolSrc::Secret { name, opts }
            } else {
                VolSrc::ConfigMap { name, opts }
            })
        }
        "downward_api" => {
            let Some(g) = c.peek_group(Delimiter::Brace) else {
                p.cx.error(
                    c.span(),
                    "expected `{ items: [\"labels\" => field \"metadata.labels\"] }`",
                );
                return None;
            };
            c.bump();
            downward(p, g)
        }
        "csi" => {
            let driver = value::string(p, c, "a CSI driver name")?;
            let mut out = VolSrc::Csi {
                driver,
                fs_type: None,
                read_only: None,
                attributes: Vec::new(),
                secret: None,
            };
            if let Some(g) = c.peek_group(Delimiter::Brace) {
                c.bump();
                csi_options(p, g, &mut out);
            }
            Some(out)
        }
        "ephemeral" => {
            let spec = claim_spec(p, c, kw_sp, false)?;
            Some(VolSrc::Ephemeral(Box::new(spec)))
        }
        "projected" => {
            let Some(g) = c.peek_group(Delimiter::Brace) else {
                p.cx.error(
                    c.span(),
                    "expected `projected { sources: [service_account_token \"token\",                      config_map NAME, secret NAME] }`",
                );
                return None;
            };
            c.bump();
            Some(projected(p, g))
        }
        _ => {
            p.cx.error(kw_sp, suggest::unknown("volume source", &kw, SOURCES));
            c.skip_rest();
            None
        }
    }
}

/// `projected { default_mode: 0o440, sources: [service_account_token "token" { audience: "vault",
/// expiration: 3600 }, config_map NAME { … }, secret NAME { … }] }`.
fn projected(p: &P, g: &proc_macro2::Group) -> VolSrc {
    let mut default_mode = None;
    let mut sources = Vec::new();
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        match e.key.as_str() {
            "default_mode" => {
                if seen.once(p, &e) && colon(p, &mut e) {
                    default_mode = file_mode(p, &mut e.rest);
                    e.rest.finish(p, "the mode");
                }
            }
            "sources" => {
                if seen.once(p, &e) && colon(p, &mut e) {
                    let Some(list) = e.rest.peek_group(Delimiter::Bracket) else {
                        p.cx.error(
                            e.rest.span(),
                            "expected `sources: [service_account_token \"token\", …]`",
                        );
                        continue;
                    };
                    e.rest.bump();
                    for stoks in group_entries(list) {
                        let mut sc = Cursor::new(&stoks, list.span());
                        if let Some(src) = projected_source(p, &mut sc) {
                            sources.push(src);
                        }
                        sc.finish(p, "the source");
                    }
                    e.rest.finish(p, "the sources");
                }
            }
            _ => unknown_key(p, &e, "a projected volume", &["default_mode", "sources"]),
        }
    }
    VolSrc::Projected {
        default_mode,
        sources,
    }
}

/// The kinds of source a `projected` volume takes in the macros.
const PROJECTED_SOURCES: &[&str] = &["service_account_token", "config_map", "secret"];

fn projected_source(p: &P, c: &mut Cursor) -> Option<ProjSrc> {
    let kw_sp = c.span();
    let Some(kw) = c.peek_ident() else {
        p.cx.error(
            kw_sp,
            format!(
                "expected a projected source: {}",
                suggest::one_of(PROJECTED_SOURCES)
            ),
        );
        c.skip_rest();
        return None;
    };
    c.bump();
    match kw.as_str() {
        "service_account_token" => {
            let path = value::string(p, c, "a file path")?;
            let (mut audience, mut expiration) = (None, None);
            if let Some(g) = c.peek_group(Delimiter::Brace) {
                c.bump();
                let mut seen = Seen::default();
                for toks in group_entries(g) {
                    let Some(mut e) = entry(p, &toks) else {
                        continue;
                    };
                    match e.key.as_str() {
                        "audience" => {
                            if seen.once(p, &e) && colon(p, &mut e) {
                                audience = value::string(p, &mut e.rest, "an audience");
                                e.rest.finish(p, "the audience");
                            }
                        }
                        "expiration" => {
                            if seen.once(p, &e) && colon(p, &mut e) {
                                expiration = value::int(
                                    p,
                                    &mut e.rest,
                                    "a lifetime in seconds",
                                    Guarantee::Count,
                                    &["s"],
                                );
                                e.rest.finish(p, "the lifetime");
                            }
                        }
                        _ => unknown_key(
                            p,
                            &e,
                            "a service account token",
                            &["audience", "expiration"],
                        ),
                    }
                }
            }
            Some(ProjSrc::Token {
                path,
                audience,
                expiration,
            })
        }
        "config_map" | "secret" => {
            let name = value::literal_name(p, c, "a name")?;
            let opts = if let Some(g) = c.peek_group(Delimiter::Brace) {
                c.bump();
                projection(p, g)
            } else {
                Projection::default()
            };
            if let Some(m) = &opts.default_mode {
                p.cx.error(
                    m.sp(),
                    "a projected source has no `default_mode` of its own\nhelp: set                      `default_mode` on the projected volume, or a `mode` per item",
                );
            }
            Some(if kw == "secret" {
                ProjSrc::Secret { name, opts }
            } else {
                ProjSrc::ConfigMap { name, opts }
            })
        }
        _ => {
            p.cx.error(
                kw_sp,
                suggest::unknown("projected source", &kw, PROJECTED_SOURCES),
            );
            c.skip_rest();
            None
        }
    }
}

/// Options of `config_map`/`secret`: `{ default_mode: 0o644, optional: true, items: [..] }`.
fn projection(p: &P, g: &proc_macro2::Group) -> Projection {
    let mut out = Projection::default();
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        match e.key.as_str() {
            "default_mode" => {
                if seen.once(p, &e) && colon(p, &mut e) {
                    out.default_mode = file_mode(p, &mut e.rest);
                    e.rest.finish(p, "the mode");
                }
            }
            "optional" => {
                if seen.once(p, &e) && colon(p, &mut e) {
                    out.optional = value::boolean(p, &mut e.rest, "`optional`");
                    e.rest.finish(p, "the flag");
                }
            }
            "items" => {
                if seen.once(p, &e) && colon(p, &mut e) {
                    let Some(list) = e.rest.peek_group(Delimiter::Bracket) else {
                        p.cx.error(e.rest.span(), "expected `items: [\"key\" => \"path\", …]`");
                        continue;
                    };
                    e.rest.bump();
                    for itoks in group_entries(list) {
                        let mut ic = Cursor::new(&itoks, list.span());
                        let Some(key) = value::string(p, &mut ic, "a key") else {
                            continue;
                        };
                        if !ic.eat_fat_arrow() {
                            p.cx.error(ic.span(), "expected `=> \"path\"` after the key");
                            continue;
                        }
                        let Some(path) = value::string(p, &mut ic, "a file path") else {
                            continue;
                        };
                        let mode = if ic.eof() {
                            None
                        } else {
                            file_mode(p, &mut ic)
                        };
                        ic.finish(p, "the item");
                        out.items.push(Item { key, path, mode });
                    }
                    e.rest.finish(p, "the items");
                }
            }
            _ => unknown_key(
                p,
                &e,
                "a projected volume",
                &["default_mode", "optional", "items"],
            ),
        }
    }
    out
}

/// A file mode: an octal literal `0o644` (decimal is accepted as written).
fn file_mode(p: &P, c: &mut Cursor) -> Option<Val<i64>> {
    if let Some(TokenTree::Literal(l)) = c.peek() {
        let text = l.to_string();
        if let Some(oct) = text.strip_prefix("0o") {
            c.bump();
            let sp = Sp::one(l.span());
            return match i64::from_str_radix(&oct.replace('_', ""), 8) {
                Ok(v) => Some(Val::Lit(v, sp)),
                Err(_) => {
                    p.cx.error(sp, format!("invalid octal file mode `{text}`"));
                    None
                }
            };
        }
        if text.len() > 1 && text.starts_with('0') && text.bytes().all(|b| b.is_ascii_digit()) {
            c.bump();
            p.cx.error(
                Sp::one(l.span()),
                format!(
                    "`{text}` would be read as the decimal number {}, not as octal\nhelp: write \
                     `0o{}`",
                    text.trim_start_matches('0'),
                    text.trim_start_matches('0')
                ),
            );
            return None;
        }
    }
    value::int(p, c, "a file mode such as `0o644`", Guarantee::Count, &[])
}

/// `downward_api { items: ["labels" => field "metadata.labels", …], default_mode: 0o644 }`.
fn downward(p: &P, g: &proc_macro2::Group) -> Option<VolSrc> {
    let mut items = Vec::new();
    let mut default_mode = None;
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        match e.key.as_str() {
            "default_mode" => {
                if seen.once(p, &e) && colon(p, &mut e) {
                    default_mode = file_mode(p, &mut e.rest);
                    e.rest.finish(p, "the mode");
                }
            }
            "items" => {
                if seen.once(p, &e) && colon(p, &mut e) {
                    let Some(list) = e.rest.peek_group(Delimiter::Bracket) else {
                        p.cx.error(
                            e.rest.span(),
                            "expected `items: [\"path\" => field \"metadata.labels\", …]`",
                        );
                        continue;
                    };
                    e.rest.bump();
                    for itoks in group_entries(list) {
                        let mut ic = Cursor::new(&itoks, list.span());
                        if let Some(item) = downward_item(p, &mut ic) {
                            items.push(item);
                        }
                        ic.finish(p, "the item");
                    }
                }
            }
            _ => unknown_key(p, &e, "a downward_api volume", &["default_mode", "items"]),
        }
    }
    Some(VolSrc::DownwardApi {
        items,
        default_mode,
    })
}

/// `"path" => field "metadata.labels" [MODE]` or `"path" => resource CONTAINER "limits.cpu" [DIVISOR]`.
fn downward_item(p: &P, c: &mut Cursor) -> Option<DownwardItem> {
    let path = value::string(p, c, "a file path")?;
    if !c.eat_fat_arrow() {
        p.cx.error(
            c.span(),
            "expected `=> field \"metadata.labels\"` or `=> resource CONTAINER \"limits.cpu\"`",
        );
        return None;
    }
    let source = match c.peek_ident().as_deref() {
        Some("field") => {
            c.bump();
            DownwardSrc::Field(value::string(
                p,
                c,
                "a field path such as \"metadata.labels\"",
            )?)
        }
        Some("resource") => {
            c.bump();
            let container = value::literal_name(p, c, "a container name")?;
            let resource = value::string(p, c, "a resource such as \"limits.memory\"")?;
            let divisor = if c.eof() || c.peek_ident().as_deref() == Some("mode") {
                None
            } else {
                value::quantity(p, c, "a divisor", Guarantee::PositiveQuantity)
            };
            DownwardSrc::Resource {
                container,
                resource,
                divisor,
            }
        }
        _ => {
            p.cx.error(
                c.span(),
                suggest::unknown(
                    "downward API source",
                    &c.peek_ident().unwrap_or_default(),
                    &["field", "resource"],
                ),
            );
            return None;
        }
    };
    let mode = if c.eat_word("mode") {
        file_mode(p, c)
    } else {
        None
    };
    Some(DownwardItem { path, source, mode })
}

/// `{ fs_type: ext4, read_only: true, attributes: {…}, secret: NAME }`.
fn csi_options(p: &P, g: &proc_macro2::Group, out: &mut VolSrc) {
    let VolSrc::Csi {
        fs_type,
        read_only,
        attributes,
        secret,
        ..
    } = out
    else {
        return;
    };
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if !(seen.once(p, &e) && colon(p, &mut e)) {
            continue;
        }
        match e.key.as_str() {
            "fs_type" => *fs_type = value::literal_name(p, &mut e.rest, "a filesystem type"),
            "read_only" => *read_only = value::boolean(p, &mut e.rest, "`read_only`"),
            "attributes" => {
                *attributes = value::map(
                    p,
                    &mut e.rest,
                    "volume attributes",
                    Guarantee::LabelValue,
                    Guarantee::LabelValue,
                )
                .unwrap_or_default()
            }
            "secret" => *secret = value::literal_name(p, &mut e.rest, "a Secret name"),
            _ => {
                unknown_key(
                    p,
                    &e,
                    "a csi volume",
                    &["fs_type", "read_only", "attributes", "secret"],
                );
                continue;
            }
        }
        e.rest.finish(p, "the value");
    }
}

/// The keys of a claim's options block (`claim: data 1Gi RWO { labels: { … } }`).
const CLAIM_OPTIONS: &[&str] = &["labels", "annotations", "volume_mode", "selector"];

/// Whether the next token is a claim's options block: `{}` or `{ KEY: …` (an identifier and a
/// lone `:`, which no interpolated class `{expr}` starts with), so that a misspelt option is
/// reported as one.
fn claim_options_ahead(c: &Cursor) -> bool {
    let Some(g) = c.peek_group(Delimiter::Brace) else {
        return false;
    };
    let mut toks = g.stream().into_iter();
    match (toks.next(), toks.next()) {
        (None, _) => true,
        (Some(TokenTree::Ident(_)), Some(TokenTree::Punct(pu))) => {
            pu.as_char() == ':' && pu.spacing() == proc_macro2::Spacing::Alone
        }
        _ => false,
    }
}

/// `{ labels: { … }, annotations: { … }, volume_mode: Block }` into `out`.
fn claim_options(p: &P, c: &mut Cursor, out: &mut ClaimSpec) {
    let Some(g) = c.peek_group(Delimiter::Brace) else {
        return;
    };
    c.bump();
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if !CLAIM_OPTIONS.contains(&e.key.as_str()) {
            unknown_key(p, &e, "a claim's options", CLAIM_OPTIONS);
            continue;
        }
        if !(seen.once(p, &e) && colon(p, &mut e)) {
            continue;
        }
        match e.key.as_str() {
            "volume_mode" => out.volume_mode = value::api_word(p, &mut e.rest),
            "selector" => out.selector = super::scheduling::selector_value(p, &mut e.rest),
            key => {
                let what = if key == "labels" {
                    "the claims' labels"
                } else {
                    "the claims' annotations"
                };
                let m = value::map(
                    p,
                    &mut e.rest,
                    what,
                    Guarantee::QualifiedName,
                    Guarantee::LabelValue,
                )
                .unwrap_or_default();
                if key == "labels" {
                    out.labels = m;
                } else {
                    out.annotations = m;
                }
            }
        }
        e.rest.finish(p, &format!("the value of `{}`", e.key));
    }
}

/// `[NAME] SIZE MODES [CLASS] [{ OPTIONS }] [=> MOUNT_PATH]` (`claim:` of a StatefulSet;
/// `ephemeral` volumes without NAME and mount path); the options may also follow the mount
/// path. They are `labels`, `annotations` and `volume_mode`.
pub fn claim_spec(p: &P, c: &mut Cursor, start: Sp, named: bool) -> Option<ClaimSpec> {
    let name = if named && matches!(c.peek(), Some(TokenTree::Ident(_))) {
        value::literal_name(p, c, "a claim template name")
    } else {
        None
    };
    let size = value::quantity(p, c, "a storage size", Guarantee::PositiveQuantity)?;
    let modes = value::modes(p, c);
    let class = if c.eof() || c.is_fat_arrow() || claim_options_ahead(c) {
        None
    } else {
        value::class(p, c)
    };
    let mut out = ClaimSpec {
        name,
        size,
        modes: modes?,
        class,
        mount: None,
        labels: Vec::new(),
        annotations: Vec::new(),
        volume_mode: None,
        selector: None,
        sp: start,
    };
    let options_first = claim_options_ahead(c);
    if options_first {
        claim_options(p, c, &mut out);
    }
    out.mount = if named && c.eat_fat_arrow() {
        value::string(p, c, "a mount path")
    } else {
        None
    };
    // The options may also follow the mount path (`=> "/data" { volume_mode: Block }`).
    if !options_first && out.mount.is_some() && claim_options_ahead(c) {
        claim_options(p, c, &mut out);
    }
    out.sp = start.to(c.prev_span());
    Some(out)
}
