//! `service! { … }`: a Service of any type (the client Service next to a StatefulSet's headless
//! one, or a headless Service on its own).

use super::{
    Cursor, P, Seen, colon, entry, pod, unknown_key,
    value::{self, LitKind, lit_kind},
};
use crate::ast::{Guarantee, ServiceAst, ServicePortAst, TargetAst};
use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// Keys of `service!`.
pub const KEYS: &[&str] = &[
    "name",
    "namespace",
    "labels",
    "annotations",
    "allow",
    "type",
    "headless",
    "cluster_ip",
    "selector",
    "port",
    "session_affinity",
    "external_traffic",
    "internal_traffic",
    "publish_not_ready",
];

/// Parses `service! { … }`.
pub fn parse(p: &P, input: TokenStream) -> ServiceAst {
    let tokens = super::flatten(input);
    let mut ast = ServiceAst::default();
    let mut seen = Seen::default();
    for toks in super::split_commas(tokens) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if pod::meta_entry(
            p,
            &mut e,
            &mut ast.meta,
            &mut seen,
            Guarantee::Dns1035Label,
            true,
        ) {
            continue;
        }
        if !KEYS.contains(&e.key.as_str()) {
            unknown_key(p, &e, "a Service", KEYS);
            continue;
        }
        let repeatable = e.key == "port";
        if !(repeatable || seen.once(p, &e)) || !colon(p, &mut e) {
            continue;
        }
        let key_sp = e.key_sp;
        let c = &mut e.rest;
        match e.key.as_str() {
            "type" => ast.kind = value::api_word(p, c),
            "headless" => {
                ast.headless = value::boolean(p, c, "`headless`").map(|b| (b, key_sp));
            }
            "cluster_ip" => ast.cluster_ip = value::string(p, c, "a cluster IP address"),
            "selector" => {
                ast.selector = value::map(
                    p,
                    c,
                    "a selector",
                    Guarantee::QualifiedName,
                    Guarantee::LabelValue,
                )
                .unwrap_or_default();
            }
            "port" => {
                if let Some(port) = port(p, c) {
                    ast.ports.push(port);
                }
            }
            "session_affinity" => {
                ast.session_affinity = value::api_word(p, c);
                if let Some(g) = c.peek_group(Delimiter::Brace) {
                    c.bump();
                    for toks in super::group_entries(g) {
                        let Some(mut te) = entry(p, &toks) else {
                            continue;
                        };
                        if te.key != "timeout" {
                            unknown_key(p, &te, "a session affinity", &["timeout"]);
                            continue;
                        }
                        if colon(p, &mut te) {
                            ast.session_timeout = value::int(
                                p,
                                &mut te.rest,
                                "a timeout in seconds",
                                Guarantee::Count,
                                &["s"],
                            );
                            te.rest.finish(p, "the timeout");
                        }
                    }
                }
            }
            "external_traffic" => ast.external_traffic = value::api_word(p, c),
            "internal_traffic" => ast.internal_traffic = value::api_word(p, c),
            _ => ast.publish_not_ready = value::boolean(p, c, "`publish_not_ready`"),
        }
        e.rest.finish(p, &format!("the value of `{}`", e.key));
    }
    ast
}

/// `[NAME] NUMBER [TCP|UDP|SCTP] [=> TARGET] [node_port N] [app_protocol "…"]`.
pub fn port(p: &P, c: &mut Cursor) -> Option<ServicePortAst> {
    let start = c.span();
    let name = match c.peek() {
        Some(TokenTree::Ident(_)) => value::literal_name(p, c, "a port name"),
        Some(TokenTree::Literal(l)) if matches!(lit_kind(l), LitKind::Str(_)) => {
            value::literal_name(p, c, "a port name")
        }
        _ => None,
    };
    let number = value::int(p, c, "a port number", Guarantee::Port, &[])?;
    let protocol = match c.peek_ident().as_deref() {
        Some("TCP" | "UDP" | "SCTP") => value::api_word(p, c),
        _ => None,
    };
    let mut out = ServicePortAst {
        name,
        number,
        protocol,
        target: None,
        node_port: None,
        app_protocol: None,
        sp: start,
    };
    if c.eat_fat_arrow() {
        out.target = match c.peek() {
            Some(TokenTree::Literal(l)) if matches!(lit_kind(l), LitKind::Int(..)) => {
                value::int(p, c, "a target port", Guarantee::Port, &[]).map(TargetAst::Number)
            }
            _ => value::literal_name(p, c, "a container port name").map(TargetAst::Name),
        };
    }
    loop {
        if c.eat_word("node_port") {
            out.node_port = value::int(p, c, "a node port", Guarantee::Port, &[]);
        } else if c.eat_word("app_protocol") {
            out.app_protocol = value::string(p, c, "an application protocol");
        } else {
            break;
        }
    }
    out.sp = start.to(c.prev_span());
    if !c.eof() {
        p.cx.error(
            c.span(),
            "expected `=> TARGET`, `node_port N` or `app_protocol \"…\"` after the port\nhelp: \
             write `port: NAME NUMBER [PROTOCOL] [=> TARGET] [node_port N]`, e.g. `port: http 80 \
             => web`",
        );
        c.skip_rest();
    }
    Some(out)
}
