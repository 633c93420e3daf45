//! `statefulset! { … }`: the compact form (`image:`, `port:`, `claim:` on the set itself) and
//! the full form (`container NAME { … }`, `claim: NAME …`, policies).

use super::{Entry, P, Seen, colon, entry, group_entries, pod, unknown_key, value};
use crate::{
    ast::{Guarantee, MaxUnavailable, StatefulSetAst, Update, Val},
    ctxt::Sp,
};
use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// Keys of `statefulset!`.
pub const KEYS: &[&str] = &[
    "name",
    "namespace",
    "labels",
    "annotations",
    "service",
    "replicas",
    "image",
    "port",
    "mount",
    "grace",
    "container",
    "init_container",
    "volume",
    "claim",
    "update",
    "pod_management",
    "retention",
    "publish_not_ready",
    "min_ready",
    "ordinals_start",
    "revision_history",
    "service_account",
    "node_selector",
    "extra",
    "allow",
    "set_labels",
    "selector",
    "pod_annotations",
    "service_labels",
    "service_annotations",
    "service_ports",
    "service_port",
    "service_in_set",
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
];

/// Parses `statefulset! { … }`.
pub fn parse(p: &P, input: TokenStream) -> StatefulSetAst {
    let tokens = super::flatten(input);
    let mut ast = StatefulSetAst::default();
    let mut seen = Seen::default();
    for toks in super::split_commas(tokens) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if e.key == "restart" {
            p.cx.error(
                e.key_sp,
                "a StatefulSet's pods always restart (`restartPolicy: Always`)\nhelp: remove \
                 `restart`",
            );
            continue;
        }
        if !pod::meta_entry(
            p,
            &mut e,
            &mut ast.meta,
            &mut seen,
            Guarantee::Dns1123Label,
            true,
        ) && !pod::body_entry(p, &mut e, &mut ast.body, &mut seen)
            && !own_entry(p, &mut e, &mut ast, &mut seen)
        {
            unknown_key(p, &e, "a StatefulSet", KEYS);
        }
    }
    // Without `service:`, the Service is named like the set, and Service names are DNS-1035
    // labels: an interpolated name must then carry that guarantee.
    if ast.service.is_none()
        && let Some(Val::Interp(i)) = &mut ast.meta.name
    {
        i.guarantee = Guarantee::Dns1035Label;
    }
    ast
}

pub(crate) fn own_entry(p: &P, e: &mut Entry, ast: &mut StatefulSetAst, seen: &mut Seen) -> bool {
    match e.key.as_str() {
        "service" => {
            if seen.once(p, e) && colon(p, e) {
                ast.service =
                    value::name(p, &mut e.rest, "a Service name", Guarantee::Dns1035Label);
                e.rest.finish(p, "the Service name");
            }
        }
        "replicas" | "min_ready" | "ordinals_start" | "revision_history" => {
            if seen.once(p, e) && colon(p, e) {
                let v = value::int(p, &mut e.rest, "a count", Guarantee::Count, &[]);
                match e.key.as_str() {
                    "replicas" => ast.replicas = v,
                    "min_ready" => ast.min_ready = v,
                    "ordinals_start" => ast.ordinals_start = v,
                    _ => ast.revision_history = v,
                }
                e.rest.finish(p, "the number");
            }
        }
        "claim" => {
            if colon(p, e) {
                let start = e.rest.span();
                if let Some(c) = pod::claim_spec(p, &mut e.rest, start, true) {
                    ast.claims.push(c);
                }
                e.rest.finish(
                    p,
                    "the claim (`claim: [NAME] SIZE MODES [CLASS] [=> PATH]`)",
                );
            }
        }
        "update" => {
            if seen.once(p, e) && colon(p, e) {
                ast.update_strategy = update(p, e);
                e.rest.finish(p, "the update strategy");
            }
        }
        "pod_management" => {
            if seen.once(p, e) && colon(p, e) {
                ast.pod_management = value::api_word(p, &mut e.rest);
                e.rest.finish(p, "the policy");
            }
        }
        "retention" => {
            if seen.once(p, e) && colon(p, e) {
                ast.retention = retention(p, e);
                e.rest.finish(p, "the retention policy");
            }
        }
        "selector" => {
            if seen.once(p, e) && colon(p, e) {
                ast.selector = super::scheduling::selector_value(p, &mut e.rest);
                e.rest.finish(p, "the selector");
            }
        }
        "set_labels" | "pod_annotations" | "service_labels" | "service_annotations" => {
            if seen.once(p, e) && colon(p, e) {
                let what = match e.key.as_str() {
                    "set_labels" => "the StatefulSet's labels",
                    "pod_annotations" => "the pods' annotations",
                    "service_labels" => "the Service's labels",
                    _ => "the Service's annotations",
                };
                let m = value::map(
                    p,
                    &mut e.rest,
                    what,
                    Guarantee::QualifiedName,
                    Guarantee::LabelValue,
                )
                .unwrap_or_default();
                match e.key.as_str() {
                    "set_labels" => ast.set_labels = m,
                    "pod_annotations" => ast.pod_annotations = m,
                    "service_labels" => ast.service_labels = m,
                    _ => ast.service_annotations = m,
                }
                e.rest.finish(p, what);
            }
        }
        "service_port" => {
            if colon(p, e)
                && let Some(port) = super::service::port(p, &mut e.rest)
            {
                ast.governing_ports.push(port);
            }
        }
        "service_ports" => {
            if seen.once(p, e) && colon(p, e) {
                ast.service_ports =
                    Some(value::list(p, &mut e.rest, "a named container port").unwrap_or_default());
                e.rest.finish(p, "the list of ports");
            }
        }
        "service_in_set" => {
            if seen.once(p, e) && colon(p, e) {
                ast.service_in_set = value::boolean(p, &mut e.rest, "`service_in_set`");
                e.rest.finish(p, "the flag");
            }
        }
        "publish_not_ready" => {
            if seen.once(p, e) && colon(p, e) {
                ast.publish_not_ready = value::boolean(p, &mut e.rest, "`publish_not_ready`");
                e.rest.finish(p, "the flag");
            }
        }
        _ => return false,
    }
    true
}

use crate::ast::Retention;

/// `{ deleted: Retain, scaled: Delete }`.
fn retention(p: &P, e: &mut Entry) -> Option<Retention> {
    let Some(g) = e.rest.peek_group(Delimiter::Brace) else {
        p.cx.error(
            e.rest.span(),
            "expected `{ deleted: Retain, scaled: Delete }`",
        );
        return None;
    };
    e.rest.bump();
    let (mut deleted, mut scaled) = (None, None);
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut re) = entry(p, &toks) else {
            continue;
        };
        match re.key.as_str() {
            "deleted" | "scaled" => {
                if seen.once(p, &re) && colon(p, &mut re) {
                    let w = value::api_word(p, &mut re.rest);
                    if re.key == "deleted" {
                        deleted = w;
                    } else {
                        scaled = w;
                    }
                    re.rest.finish(p, "the action");
                }
            }
            _ => unknown_key(p, &re, "a retention policy", &["deleted", "scaled"]),
        }
    }
    Some((deleted, scaled))
}

/// `RollingUpdate [{ partition: N, max_unavailable: N | "N%" }]` or `OnDelete`.
fn update(p: &P, e: &mut Entry) -> Option<Update> {
    let c = &mut e.rest;
    let w = value::word(
        p,
        c,
        "update strategy",
        &[("RollingUpdate", true), ("OnDelete", false)],
    )?;
    if !w.value {
        if let Some(g) = c.peek_group(Delimiter::Brace) {
            p.cx.error(
                Sp::one(g.span()),
                "`OnDelete` takes no options: `partition` and `max_unavailable` are only \
                 allowed for `RollingUpdate`",
            );
            c.bump();
        }
        return Some(Update::OnDelete);
    }
    let mut partition = None;
    let mut max_unavailable = None;
    if let Some(g) = c.peek_group(Delimiter::Brace) {
        c.bump();
        let mut seen = Seen::default();
        for toks in group_entries(g) {
            let Some(mut ue) = entry(p, &toks) else {
                continue;
            };
            match ue.key.as_str() {
                "partition" => {
                    if seen.once(p, &ue) && colon(p, &mut ue) {
                        partition =
                            value::int(p, &mut ue.rest, "a partition", Guarantee::Count, &[]);
                        ue.rest.finish(p, "the partition");
                    }
                }
                "max_unavailable" => {
                    if seen.once(p, &ue) && colon(p, &mut ue) {
                        max_unavailable = max_unavail(p, &mut ue);
                        ue.rest.finish(p, "max_unavailable");
                    }
                }
                _ => unknown_key(p, &ue, "RollingUpdate", &["partition", "max_unavailable"]),
            }
        }
    }
    Some(Update::Rolling {
        partition,
        max_unavailable,
    })
}

pub(crate) fn max_unavail(p: &P, e: &mut Entry) -> Option<Val<MaxUnavailable>> {
    if let Some(TokenTree::Literal(l)) = e.rest.peek()
        && let value::LitKind::Str(s) = value::lit_kind(l)
    {
        let sp = Sp::one(l.span());
        e.rest.bump();
        return match s.strip_suffix('%').map(str::parse::<i64>) {
            Some(Ok(v)) => Some(Val::Lit(MaxUnavailable::Percent(v), sp)),
            _ => {
                p.cx.error(
                    sp,
                    format!(
                        "invalid percentage `{s}`: a valid percent string must be a numeric \
                         string followed by an ending '%' (e.g. \"25%\")"
                    ),
                );
                None
            }
        };
    }
    match value::int(p, &mut e.rest, "max_unavailable", Guarantee::Count, &[])? {
        Val::Lit(v, sp) => Some(Val::Lit(MaxUnavailable::Int(v), sp)),
        Val::Interp(i) => Some(Val::Interp(i)),
    }
}
