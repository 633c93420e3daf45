//! `pv! { … }`: a PersistentVolume.

use super::{Cursor, P, Seen, colon, entry, group_entries, pod, unknown_key, value};
use crate::{
    ast::{ExprAst, Guarantee, LegacyValue, NodeAffinityAst, PvAst, PvSrc, Val, Word},
    ctxt::Sp,
    suggest,
};
use kvol_core::{
    legacy::{DslField, LegacyPlugin, PLUGINS},
    pv::CsiSecretRef,
    selector::NodeSelectorOperator,
};
use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// Keys of `pv!`.
pub const KEYS: &[&str] = &[
    "name",
    "labels",
    "annotations",
    "capacity",
    "access",
    "reclaim",
    "class",
    "volume_mode",
    "mount_options",
    "node_affinity",
    "claim_ref",
    "source",
    "allow",
];

/// The secret references of a `csi` source: DSL key and field.
const CSI_SECRETS: &[(&str, CsiSecretRef)] = &[
    ("controller_expand_secret", CsiSecretRef::ControllerExpand),
    ("controller_publish_secret", CsiSecretRef::ControllerPublish),
    ("node_expand_secret", CsiSecretRef::NodeExpand),
    ("node_publish_secret", CsiSecretRef::NodePublish),
    ("node_stage_secret", CsiSecretRef::NodeStage),
];

/// `NAMESPACE/NAME` (each a literal name: an identifier, a hyphenated name or a string).
fn namespaced_name(
    p: &P,
    c: &mut Cursor,
    what: &str,
) -> Option<(crate::ast::Str, crate::ast::Str)> {
    let ns = value::literal_name(p, c, "the Secret's namespace")?;
    if !c.eat_punct('/') {
        p.cx.error(c.span(), format!("expected {what}: NAMESPACE/NAME"));
        c.skip_rest();
        return None;
    }
    let name = value::literal_name(p, c, "the Secret's name")?;
    Some((ns, name))
}

/// PV source keywords: the modern sources, then the legacy plugins' (from kvol-core's table).
fn sources() -> Vec<&'static str> {
    let mut all = vec!["host_path", "local", "nfs", "csi", "iscsi"];
    all.extend(PLUGINS.iter().map(|p| p.keyword));
    all
}

/// Parses `pv! { … }`.
pub fn parse(p: &P, input: TokenStream) -> PvAst {
    let tokens = super::flatten(input);
    let mut ast = PvAst::default();
    let mut seen = Seen::default();
    for toks in super::split_commas(tokens) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if e.key == "namespace" {
            p.cx.error(
                e.key_sp,
                "a PersistentVolume is cluster-scoped: it has no namespace\nhelp: remove \
                 `namespace`",
            );
            continue;
        }
        if pod::meta_entry(
            p,
            &mut e,
            &mut ast.meta,
            &mut seen,
            Guarantee::Dns1123Subdomain,
            false,
        ) {
            continue;
        }
        if !KEYS.contains(&e.key.as_str()) {
            unknown_key(p, &e, "a PersistentVolume", KEYS);
            continue;
        }
        // `node_affinity` repeats: one term each.
        if !((e.key == "node_affinity" || seen.once(p, &e)) && colon(p, &mut e)) {
            continue;
        }
        let c = &mut e.rest;
        match e.key.as_str() {
            "capacity" => {
                ast.capacity = value::quantity(p, c, "a capacity", Guarantee::PositiveQuantity)
            }
            "access" => ast.access = value::modes(p, c),
            "reclaim" => ast.reclaim = value::api_word(p, c),
            "class" => ast.class = value::class(p, c),
            "volume_mode" => ast.volume_mode = value::api_word(p, c),
            "mount_options" => {
                ast.mount_options = value::list(p, c, "a mount option").unwrap_or_default()
            }
            "node_affinity" => {
                if let Some(term) = node_affinity(p, c) {
                    ast.node_affinity.push(term);
                }
            }
            "claim_ref" => {
                let ns = value::literal_name(p, c, "the claim's namespace");
                if !c.eat_punct('/') {
                    p.cx.error(c.span(), "expected `claim_ref: NAMESPACE/NAME`");
                    continue;
                }
                let name = value::literal_name(p, c, "the claim's name");
                if let (Some(ns), Some(name)) = (ns, name) {
                    ast.claim_ref = Some((ns, name));
                }
            }
            "source" => ast.source = source(p, c),
            _ => {}
        }
        e.rest.finish(p, &format!("the value of `{}`", e.key));
    }
    ast
}

/// One node selector term: `hostname ["node-1", …]` (`kubernetes.io/hostname In [..]`) or
/// `{ KEY OP [VALUES], field metadata.name In [NAME], … }`.
fn node_affinity(p: &P, c: &mut Cursor) -> Option<NodeAffinityAst> {
    let start = c.span();
    if c.eat_word("hostname") {
        let kw = start;
        let values = value::list(p, c, "a node name").unwrap_or_default();
        let key = Val::Lit("kubernetes.io/hostname".to_owned(), kw);
        let op = Word {
            value: NodeSelectorOperator::In,
            sp: kw,
        };
        return Some(NodeAffinityAst {
            weight: None,
            exprs: vec![ExprAst { key, op, values }],
            fields: Vec::new(),
            sp: kw.to(c.prev_span()),
        });
    }
    let Some(g) = c.peek_group(Delimiter::Brace) else {
        p.cx.error(
            c.span(),
            "expected `node_affinity: hostname [\"node-1\", …]` or a node selector term \
             `node_affinity: { KEY In [VALUES], … }`",
        );
        c.bump();
        return None;
    };
    c.bump();
    let (exprs, fields) = super::scheduling::node_term(p, g);
    Some(NodeAffinityAst {
        weight: None,
        exprs,
        fields,
        sp: Sp::one(g.span()),
    })
}

fn source(p: &P, c: &mut Cursor) -> Option<PvSrc> {
    let kw_sp = c.span();
    let Some(kw) = c.peek_ident() else {
        p.cx.error(
            kw_sp,
            format!("expected a volume source: {}", suggest::one_of(&sources())),
        );
        return None;
    };
    c.bump();
    match kw.as_str() {
        "host_path" => {
            let path = value::string(p, c, "a host path")?;
            let kind = if c.eof() { None } else { value::api_word(p, c) };
            Some(PvSrc::HostPath {
                path,
                kind,
                kw: kw_sp,
            })
        }
        "local" => {
            let path = value::string(p, c, "a local path")?;
            let fs_type = if c.eof() {
                None
            } else {
                value::literal_name(p, c, "a filesystem type")
            };
            Some(PvSrc::Local {
                path,
                fs_type,
                kw: kw_sp,
            })
        }
        "nfs" => {
            let server = value::string(p, c, "an NFS server")?;
            let path = value::string(p, c, "an exported path")?;
            let read_only = c.eat_word("read_only");
            Some(PvSrc::Nfs {
                server,
                path,
                read_only,
            })
        }
        "csi" => {
            let driver = value::string(p, c, "a CSI driver name")?;
            let handle = value::string(p, c, "a volume handle")?;
            let (mut fs_type, mut read_only, mut attributes) = (None, None, Vec::new());
            let mut secrets = Vec::new();
            if let Some(g) = c.peek_group(Delimiter::Brace) {
                c.bump();
                let mut seen = Seen::default();
                for toks in group_entries(g) {
                    let Some(mut e) = entry(p, &toks) else {
                        continue;
                    };
                    if !(seen.once(p, &e) && colon(p, &mut e)) {
                        continue;
                    }
                    match e.key.as_str() {
                        "fs_type" => {
                            fs_type = value::literal_name(p, &mut e.rest, "a filesystem type")
                        }
                        "read_only" => read_only = value::boolean(p, &mut e.rest, "`read_only`"),
                        "attributes" => {
                            attributes = value::map(
                                p,
                                &mut e.rest,
                                "volume attributes",
                                Guarantee::LabelValue,
                                Guarantee::LabelValue,
                            )
                            .unwrap_or_default()
                        }
                        key => match CSI_SECRETS.iter().find(|(k, _)| *k == key) {
                            Some(&(_, which)) => {
                                if let Some((ns, name)) =
                                    namespaced_name(p, &mut e.rest, &format!("`{key}`"))
                                {
                                    secrets.push((which, ns, name));
                                }
                            }
                            None => {
                                let mut keys = vec!["fs_type", "read_only", "attributes"];
                                keys.extend(CSI_SECRETS.iter().map(|(k, _)| *k));
                                unknown_key(p, &e, "a csi source", &keys);
                                continue;
                            }
                        },
                    }
                    e.rest.finish(p, "the value");
                }
            }
            Some(PvSrc::Csi {
                driver,
                handle,
                fs_type,
                read_only,
                attributes,
                secrets,
            })
        }
        "iscsi" => iscsi(p, c, kw_sp),
        _ => match PLUGINS.iter().find(|info| info.keyword == kw) {
            Some(info) => legacy(p, c, kw_sp, info.plugin, info.fields),
            None => {
                p.cx.error(kw_sp, suggest::unknown("volume source", &kw, &sources()));
                c.skip_rest();
                None
            }
        },
    }
}

fn iscsi(p: &P, c: &mut Cursor, kw: Sp) -> Option<PvSrc> {
    let Some(g) = c.peek_group(Delimiter::Brace) else {
        p.cx.error(
            c.span(),
            "expected `iscsi { target_portal: \"…\", iqn: \"…\", lun: 0 }`",
        );
        return None;
    };
    c.bump();
    let keys = ["target_portal", "iqn", "lun", "fs_type", "read_only"];
    let (mut portal, mut iqn, mut lun, mut fs_type, mut read_only) = (None, None, None, None, None);
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if !keys.contains(&e.key.as_str()) {
            unknown_key(p, &e, "an iscsi source", &keys);
            continue;
        }
        if !(seen.once(p, &e) && colon(p, &mut e)) {
            continue;
        }
        let ec = &mut e.rest;
        match e.key.as_str() {
            "target_portal" => portal = value::string(p, ec, "a target portal"),
            "iqn" => iqn = value::string(p, ec, "an IQN"),
            "lun" => lun = value::int(p, ec, "a LUN", Guarantee::Count, &[]),
            "fs_type" => fs_type = value::literal_name(p, ec, "a filesystem type"),
            _ => read_only = value::boolean(p, ec, "`read_only`"),
        }
        e.rest.finish(p, "the value");
    }
    let missing = |k: &str| p.cx.error(kw, format!("`iscsi` needs `{k}`"));
    if portal.is_none() {
        missing("target_portal");
    }
    if iqn.is_none() {
        missing("iqn");
    }
    if lun.is_none() {
        missing("lun");
    }
    Some(PvSrc::Iscsi {
        target_portal: portal?,
        iqn: iqn?,
        lun: lun?,
        fs_type,
        read_only,
    })
}

fn legacy(p: &P, c: &mut Cursor, kw: Sp, plugin: LegacyPlugin, spec: &[DslField]) -> Option<PvSrc> {
    let names: Vec<&str> = spec.iter().map(|f| f.name).collect();
    let Some(g) = c.peek_group(Delimiter::Brace) else {
        p.cx.error(
            c.span(),
            format!(
                "expected `{{ {}: … }}` after the source",
                names.first().copied().unwrap_or("")
            ),
        );
        return None;
    };
    c.bump();
    let mut fields = Vec::new();
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if !names.contains(&e.key.as_str()) {
            unknown_key(p, &e, plugin.key(), &names);
            continue;
        }
        if !(seen.once(p, &e) && colon(p, &mut e)) {
            continue;
        }
        let ec = &mut e.rest;
        let start = ec.span();
        let v = match e.key.as_str() {
            "read_only" => value::boolean(p, ec, "`read_only`").map(LegacyValue::Bool),
            "partition" => match value::int(p, ec, "a partition", Guarantee::Count, &[]) {
                Some(crate::ast::Val::Lit(v, _)) => Some(LegacyValue::Int(v)),
                _ => None,
            },
            "monitors" => value::list(p, ec, "a monitor").map(LegacyValue::List),
            _ => match ec.peek() {
                Some(TokenTree::Literal(_)) => {
                    value::string(p, ec, "a value").map(LegacyValue::Str)
                }
                _ => value::literal_name(p, ec, "a value").map(LegacyValue::Str),
            },
        };
        let value_sp = start.to(e.rest.prev_span());
        e.rest.finish(p, "the value");
        if let Some(v) = v {
            fields.push((e.key.clone(), value_sp, v));
        }
    }
    for DslField {
        name: n, required, ..
    } in spec
    {
        if *required && !fields.iter().any(|(k, _, _)| k == n) {
            p.cx.error(kw, format!("`{}` needs `{n}`", plugin.key()));
        }
    }
    Some(PvSrc::Legacy { plugin, fields, kw })
}
