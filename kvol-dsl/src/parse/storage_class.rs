//! `storage_class! { … }`: a StorageClass.

use super::{P, Seen, colon, entry, group_entries, pod, unknown_key, value};
use crate::{
    ast::{Guarantee, StorageClassAst, TopologyTermAst},
    ctxt::Sp,
};
use proc_macro2::{Delimiter, TokenStream};

/// Keys of `storage_class!`.
pub const KEYS: &[&str] = &[
    "name",
    "labels",
    "annotations",
    "provisioner",
    "parameters",
    "reclaim",
    "binding",
    "allow_expansion",
    "mount_options",
    "topology",
    "default",
    "allow",
];

/// Parses `storage_class! { … }`.
pub fn parse(p: &P, input: TokenStream) -> StorageClassAst {
    let tokens = super::flatten(input);
    let mut ast = StorageClassAst::default();
    let mut seen = Seen::default();
    for toks in super::split_commas(tokens) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if e.key == "namespace" {
            p.cx.error(
                e.key_sp,
                "a StorageClass is cluster-scoped: it has no namespace\nhelp: remove `namespace`",
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
            unknown_key(p, &e, "a StorageClass", KEYS);
            continue;
        }
        if !(seen.once(p, &e) && colon(p, &mut e)) {
            continue;
        }
        let c = &mut e.rest;
        match e.key.as_str() {
            "provisioner" => ast.provisioner = value::string(p, c, "a provisioner"),
            "parameters" => {
                ast.parameters = value::map(
                    p,
                    c,
                    "parameters",
                    Guarantee::LabelValue,
                    Guarantee::LabelValue,
                )
                .unwrap_or_default()
            }
            "reclaim" => {
                // Recycle is parsed so that kvol-core's rule reports it with the API's message.
                ast.reclaim = value::api_word(p, c)
            }
            "binding" => ast.binding = value::api_word(p, c),
            "allow_expansion" => ast.allow_expansion = value::boolean(p, c, "`allow_expansion`"),
            "default" => ast.default_class = value::boolean(p, c, "`default`"),
            "mount_options" => {
                ast.mount_options = value::list(p, c, "a mount option").unwrap_or_default()
            }
            "topology" => {
                if let Some(list) = c.peek_group(Delimiter::Bracket) {
                    c.bump();
                    for toks in group_entries(list) {
                        let mut tc = super::Cursor::new(&toks, list.span());
                        match tc.peek_group(Delimiter::Brace) {
                            Some(g) => {
                                tc.bump();
                                ast.topology.push(topology_term(p, g));
                                tc.finish(p, "the topology term");
                            }
                            None => {
                                if let Some(sp) = super::sp_of(&toks) {
                                    p.cx.error(sp, format!("expected a topology term {TERM}"));
                                }
                            }
                        }
                    }
                } else if let Some(g) = c.peek_group(Delimiter::Brace) {
                    c.bump();
                    ast.topology.push(topology_term(p, g));
                } else {
                    p.cx.error(
                        c.span(),
                        format!(
                            "expected `topology: {TERM}` (one term), or `topology: [{{ … }}, {{ \
                             … }}]` (terms, any of which may hold)"
                        ),
                    );
                    continue;
                }
            }
            _ => {}
        }
        e.rest.finish(p, &format!("the value of `{}`", e.key));
    }
    ast
}

/// A topology term as written.
const TERM: &str = "`{ \"topology.kubernetes.io/zone\": [\"a\", \"b\"], … }`";

/// `{ "KEY": ["VALUE", …], … }`: one term, its requirements ANDed.
fn topology_term(p: &P, g: &proc_macro2::Group) -> TopologyTermAst {
    let mut requirements = Vec::new();
    for toks in group_entries(g) {
        let Some(at) = toks
            .iter()
            .position(|t| matches!(t, proc_macro2::TokenTree::Punct(pu) if pu.as_char() == ':'))
        else {
            if let Some(sp) = super::sp_of(&toks) {
                p.cx.error(sp, "expected `\"key\": [\"value\", …]`");
            }
            continue;
        };
        let (k, v) = toks.split_at(at);
        let mut kc = super::Cursor::new(k, g.span());
        let key = value::string(p, &mut kc, "a topology key");
        let mut vc = super::Cursor::new(v.get(1..).unwrap_or(&[]), g.span());
        let values = value::list(p, &mut vc, "a topology value");
        vc.finish(p, "the values");
        if let (Some(key), Some(values)) = (key, values) {
            requirements.push((key, values));
        }
    }
    TopologyTermAst {
        requirements,
        sp: Sp::one(g.span()),
    }
}
