//! Pod-level settings shared by `pod!` and `statefulset!`: `security`, `node_affinity`,
//! `pod_affinity`, `pod_anti_affinity`, `toleration`, `spread`, `priority_class`,
//! `image_pull_secrets`, `automount_token`, `hostname`, `subdomain`, `dns_policy`,
//! `service_links`.

use super::{Cursor, Entry, P, Seen, colon, entry, group_entries, sp_of, unknown_key, value};
use crate::{
    ast::{
        ExprAst, Guarantee, Int, NodeAffinityAst, PodAffinityAst, PodSecurityAst, PodSettings,
        SelectorAst, SpreadAst, TolerationAst,
    },
    ctxt::Sp,
};
use kvol_core::{model::api_enum::ApiEnum, selector::NodeSelectorOperator};
use proc_macro2::{Delimiter, Group, TokenTree};

/// The pod-level setting keys.
pub const KEYS: &[&str] = &[
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

/// Parses a pod-level setting. Returns false for other keys.
pub fn settings_entry(p: &P, e: &mut Entry, out: &mut PodSettings, seen: &mut Seen) -> bool {
    let repeatable = matches!(
        e.key.as_str(),
        "node_affinity" | "pod_affinity" | "pod_anti_affinity" | "toleration" | "spread"
    );
    if !KEYS.contains(&e.key.as_str()) {
        return false;
    }
    if !(repeatable || seen.once(p, e)) || !colon(p, e) {
        return true;
    }
    let key_sp = e.key_sp;
    let c = &mut e.rest;
    match e.key.as_str() {
        "security" => {
            out.security = braces(p, c, "`security: { fs_group: 1000, … }`").map(|g| security(p, g))
        }
        "node_affinity" => {
            let start = c.span();
            let weight = required_or_preferred(p, c);
            if let Some(g) = braces(p, c, "a node selector term `{ KEY In [VALUES], … }`") {
                let (exprs, fields) = node_term(p, g);
                let sp = start.to(c.prev_span());
                if let Some(weight) = weight {
                    out.node_affinity.push(NodeAffinityAst {
                        weight,
                        exprs,
                        fields,
                        sp,
                    });
                }
            }
        }
        "pod_affinity" | "pod_anti_affinity" => {
            let anti = e.key == "pod_anti_affinity";
            let start = c.span();
            let weight = required_or_preferred(p, c);
            let selector =
                braces(p, c, "the pods as a selector `{ app: web }`").map(|g| selector(p, g));
            if !c.eat_word("on") {
                p.cx.error(
                    c.span(),
                    "expected `on \"TOPOLOGY_KEY\"` after the selector, e.g. `on \
                     \"kubernetes.io/hostname\"`",
                );
                c.skip_rest();
                return true;
            }
            let topology = value::string(p, c, "a topology key");
            let mut namespaces = Vec::new();
            if c.eat_word("namespaces") {
                namespaces = value::list(p, c, "a namespace").unwrap_or_default();
            }
            let sp = start.to(c.prev_span());
            if let (Some(weight), Some(selector), Some(topology)) = (weight, selector, topology) {
                out.pod_affinity.push(PodAffinityAst {
                    anti,
                    weight,
                    selector,
                    topology,
                    namespaces,
                    sp,
                });
            }
        }
        "toleration" => {
            if let Some(g) = braces(p, c, "`toleration: { key: \"…\", operator: Exists, … }`") {
                out.tolerations.push(toleration(p, g));
            }
        }
        "spread" => {
            if let Some(g) = braces(p, c, "`spread: { max_skew: 1, topology: \"…\", … }`") {
                out.spread.push(spread(p, g));
            }
        }
        "priority_class" => out.priority_class = value::literal_name(p, c, "a PriorityClass name"),
        "image_pull_secrets" => {
            out.image_pull_secrets = value::list(p, c, "a Secret name").unwrap_or_default()
        }
        "automount_token" => {
            out.automount_token = value::boolean(p, c, "`automount_token`").map(|b| (b, key_sp))
        }
        "service_links" => {
            out.service_links = value::boolean(p, c, "`service_links`").map(|b| (b, key_sp))
        }
        "hostname" => out.hostname = value::literal_name(p, c, "a hostname"),
        "subdomain" => out.subdomain = value::literal_name(p, c, "a subdomain"),
        _ => out.dns_policy = value::api_word(p, c),
    }
    e.rest.finish(p, &format!("the value of `{}`", e.key));
    true
}

/// A brace group, or an error that shows `example`.
fn braces<'a>(p: &P, c: &mut Cursor<'a>, example: &str) -> Option<&'a Group> {
    match c.peek_group(Delimiter::Brace) {
        Some(g) => {
            c.bump();
            Some(g)
        }
        None => {
            p.cx.error(c.span(), format!("expected {example}"));
            c.skip_rest();
            None
        }
    }
}

/// `required` (→ `Some(None)`) or `preferred WEIGHT` (→ `Some(Some(weight))`).
fn required_or_preferred(p: &P, c: &mut Cursor) -> Option<Option<Int>> {
    if c.eat_word("required") {
        return Some(None);
    }
    if c.eat_word("preferred") {
        return value::int(p, c, "a weight (1..=100)", Guarantee::Count, &[]).map(Some);
    }
    p.cx.error(
        c.span(),
        "expected `required` or `preferred WEIGHT`\nhelp: `required` is \
         requiredDuringSchedulingIgnoredDuringExecution, `preferred 100` a weighted \
         preferredDuringSchedulingIgnoredDuringExecution term",
    );
    None
}

/// A node selector term `{ KEY OP [VALUES], field metadata.name In [NAME], … }`: its label
/// expressions (`matchExpressions`) and its field requirements (`matchFields`, written after
/// the word `field`).
pub fn node_term(
    p: &P,
    g: &Group,
) -> (
    Vec<ExprAst<NodeSelectorOperator>>,
    Vec<ExprAst<NodeSelectorOperator>>,
) {
    let (mut exprs, mut fields) = (Vec::new(), Vec::new());
    for toks in group_entries(g) {
        // `field KEY OP …`: the word `field` then a key that does not continue it (`field-x`,
        // `field.x` and `field/x` are label keys, and so is `field` in `field In [..]`).
        let is_operator = |t: &TokenTree| {
            matches!(t, TokenTree::Ident(i)
                if NodeSelectorOperator::words().contains(&super::ident_text(i).as_str()))
        };
        let is_field = matches!(
            toks.as_slice(),
            [TokenTree::Ident(f), next, ..]
                if super::ident_text(f) == "field"
                    && !matches!(next, TokenTree::Punct(_))
                    && !is_operator(next)
        );
        if is_field {
            if let Some(e) = expression(p, &toks[1..], g, "a node field requirement") {
                fields.push(e);
            }
        } else if let Some(e) = expression(p, &toks, g, "a node selector term") {
            exprs.push(e);
        }
    }
    (exprs, fields)
}

/// `KEY OP [VALUES]`, where KEY is written like a label key and OP is an operator word.
fn expression<Op: ApiEnum>(
    p: &P,
    toks: &[TokenTree],
    g: &Group,
    what: &str,
) -> Option<ExprAst<Op>> {
    let at = toks.iter().position(|t| {
        matches!(t, TokenTree::Ident(i) if Op::words().contains(&super::ident_text(i).as_str()))
    });
    let Some(at) = at.filter(|&a| a > 0) else {
        let sp = sp_of(toks)?;
        p.cx.error(
            sp,
            format!(
                "expected `KEY OPERATOR [VALUES]` in {what}, such as `app In [web]`\nhelp: the \
                 operators are {}",
                crate::suggest::one_of(Op::words())
            ),
        );
        return None;
    };
    let key = value::map_atom(
        p,
        &toks[..at],
        "a label key",
        Guarantee::QualifiedName,
        g.span(),
    )?;
    let mut c = Cursor::new(&toks[at..], g.span());
    let op = value::api_word::<Op>(p, &mut c)?;
    let values = if c.peek_group(Delimiter::Bracket).is_some() {
        value::list(p, &mut c, "a value").unwrap_or_default()
    } else {
        Vec::new()
    };
    c.finish(p, "the expression");
    Some(ExprAst { key, op, values })
}

/// A label selector value `{ app: web, tier In [db], canary DoesNotExist }` (the `selector:`
/// of claims, claim templates, StatefulSets and PodDisruptionBudgets).
pub fn selector_value(p: &P, c: &mut Cursor) -> Option<SelectorAst> {
    braces(
        p,
        c,
        "a label selector `{ app: web, tier In [db, cache], canary DoesNotExist }`",
    )
    .map(|g| selector(p, g))
}

/// `{ app: web, tier In [db], … }`: labels and expressions.
pub fn selector(p: &P, g: &Group) -> SelectorAst {
    let mut out = SelectorAst {
        labels: Vec::new(),
        exprs: Vec::new(),
        sp: Sp::one(g.span()),
    };
    for toks in group_entries(g) {
        let is_label = toks
            .iter()
            .any(|t| matches!(t, TokenTree::Punct(pu) if pu.as_char() == ':'));
        if is_label {
            let group = Group::new(Delimiter::Brace, toks.iter().cloned().collect());
            let toks = [TokenTree::Group(group)];
            let mut c = Cursor::new(&toks, g.span());
            let m = value::map(
                p,
                &mut c,
                "a selector",
                Guarantee::QualifiedName,
                Guarantee::LabelValue,
            );
            out.labels.extend(m.unwrap_or_default());
        } else if let Some(e) = expression(p, &toks, g, "a selector") {
            out.exprs.push(e);
        }
    }
    out
}

fn security(p: &P, g: &Group) -> PodSecurityAst {
    let mut out = PodSecurityAst {
        fs_group: None,
        fs_group_change: None,
        run_as_user: None,
        run_as_group: None,
        run_as_non_root: None,
        supplemental_groups: Vec::new(),
        seccomp: None,
        sp: Sp::one(g.span()),
    };
    const KEYS: &[&str] = &[
        "fs_group",
        "fs_group_change",
        "run_as_user",
        "run_as_group",
        "run_as_non_root",
        "supplemental_groups",
        "seccomp",
    ];
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if !KEYS.contains(&e.key.as_str()) {
            unknown_key(p, &e, "a pod security context", KEYS);
            continue;
        }
        if !(seen.once(p, &e) && colon(p, &mut e)) {
            continue;
        }
        let c = &mut e.rest;
        let id = |p: &P, c: &mut Cursor| value::int(p, c, "an ID", Guarantee::Count, &[]);
        match e.key.as_str() {
            "fs_group" => out.fs_group = id(p, c),
            "run_as_user" => out.run_as_user = id(p, c),
            "run_as_group" => out.run_as_group = id(p, c),
            "fs_group_change" => out.fs_group_change = value::api_word(p, c),
            "run_as_non_root" => out.run_as_non_root = value::boolean(p, c, "`run_as_non_root`"),
            "supplemental_groups" => {
                if let Some(list) = c.peek_group(Delimiter::Bracket) {
                    c.bump();
                    for itoks in group_entries(list) {
                        let mut ic = Cursor::new(&itoks, list.span());
                        if let Some(v) = id(p, &mut ic) {
                            out.supplemental_groups.push(v);
                        }
                        ic.finish(p, "a group ID");
                    }
                } else {
                    p.cx.error(c.span(), "expected `supplemental_groups: [1000, 2000]`");
                    c.skip_rest();
                }
            }
            _ => {
                if let Some(kind) = value::api_word(p, c) {
                    let profile = if c.eof() {
                        None
                    } else {
                        value::string(p, c, "a localhost profile path")
                    };
                    out.seccomp = Some((kind, profile));
                }
            }
        }
        e.rest.finish(p, &format!("the value of `{}`", e.key));
    }
    out
}

fn toleration(p: &P, g: &Group) -> TolerationAst {
    let mut out = TolerationAst {
        key: None,
        operator: None,
        value: None,
        effect: None,
        seconds: None,
        sp: Sp::one(g.span()),
    };
    const KEYS: &[&str] = &["key", "operator", "value", "effect", "seconds"];
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if !KEYS.contains(&e.key.as_str()) {
            unknown_key(p, &e, "a toleration", KEYS);
            continue;
        }
        if !(seen.once(p, &e) && colon(p, &mut e)) {
            continue;
        }
        let c = &mut e.rest;
        match e.key.as_str() {
            "key" => out.key = value::string(p, c, "a taint key"),
            "value" => out.value = value::string(p, c, "a taint value"),
            "operator" => out.operator = value::api_word(p, c),
            "effect" => out.effect = value::api_word(p, c),
            _ => out.seconds = value::int(p, c, "seconds", Guarantee::Count, &["s"]),
        }
        e.rest.finish(p, &format!("the value of `{}`", e.key));
    }
    out
}

fn spread(p: &P, g: &Group) -> SpreadAst {
    let mut out = SpreadAst {
        max_skew: None,
        topology: None,
        when: None,
        selector: None,
        min_domains: None,
        sp: Sp::one(g.span()),
    };
    const KEYS: &[&str] = &[
        "max_skew",
        "topology",
        "when_unsatisfiable",
        "selector",
        "min_domains",
    ];
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut e) = entry(p, &toks) else {
            continue;
        };
        if !KEYS.contains(&e.key.as_str()) {
            unknown_key(p, &e, "a topology spread constraint", KEYS);
            continue;
        }
        if !(seen.once(p, &e) && colon(p, &mut e)) {
            continue;
        }
        let c = &mut e.rest;
        match e.key.as_str() {
            "max_skew" => out.max_skew = value::int(p, c, "a skew", Guarantee::Count, &[]),
            "min_domains" => {
                out.min_domains = value::int(p, c, "a domain count", Guarantee::Count, &[])
            }
            "topology" => out.topology = value::string(p, c, "a topology key"),
            "when_unsatisfiable" => out.when = value::api_word(p, c),
            _ => out.selector = braces(p, c, "a selector `{ app: web }`").map(|g| selector(p, g)),
        }
        e.rest.finish(p, &format!("the value of `{}`", e.key));
    }
    if out.max_skew.is_none() || out.topology.is_none() || out.when.is_none() {
        p.cx.error(
            out.sp,
            "a topology spread constraint needs `max_skew`, `topology` and \
             `when_unsatisfiable`\nhelp: `spread: { max_skew: 1, topology: \
             \"topology.kubernetes.io/zone\", when_unsatisfiable: DoNotSchedule, selector: { app: \
             web } }`",
        );
    }
    out
}
