//! The pod-level settings (`security`, affinity, `toleration`, `spread`, DNS, …): each key's
//! value in both forms, its paths registered under the pod spec.

use super::{
    Cx,
    volume::{map_pairs, reg_map},
    words::{ApiWord, word},
};
use crate::{
    ast::{
        ExprAst, NodeAffinityAst, PodAffinityAst, PodSecurityAst, SelectorAst, SpreadAst, Str,
        TolerationAst,
    },
    lowered::{Lowered, opt, record, string_map, vec},
};
use kvol_core::{
    FieldPath,
    scheduling::{PodAffinityTerm, Toleration, TopologySpreadConstraint},
    security::PodSecurityContext,
    selector::{LabelSelector, NodeSelectorTerm},
};

fn strings(cx: &mut Cx, items: &[Str]) -> Lowered<Vec<String>> {
    vec(items.iter().map(|s| cx.string(&s.value)).collect())
}

fn opt_string(cx: &mut Cx, s: &Option<Str>) -> Lowered<Option<String>> {
    opt(s.as_ref().map(|s| cx.string(&s.value)))
}

/// `{ app: web, tier In [db] }` as a `LabelSelector`, registered at `path`.
pub fn label_selector(cx: &mut Cx, s: &SelectorAst, path: &FieldPath) -> Lowered<LabelSelector> {
    let k = cx.k.clone();
    cx.reg(path, s.sp);
    reg_map(cx, &path.child("matchLabels"), &s.labels);
    let pairs = map_pairs(cx, &s.labels);
    let match_labels = string_map(pairs);
    let match_expressions = vec((s.exprs.iter().enumerate())
        .map(|(i, e)| {
            let p = path.child("matchExpressions").index(i);
            let (key, operator, values) = expr(cx, e, &p);
            record!(
                k,
                selector::LabelSelectorRequirement {
                    key,
                    operator,
                    values
                }
            )
        })
        .collect());
    record!(
        k,
        selector::LabelSelector {
            match_expressions,
            match_labels
        }
    )
}

/// A `selector:` of a claim, claim template, StatefulSet or budget, lowered for its builder.
pub enum SelectorCalls {
    /// Labels only: one `selector_label(KEY, VALUE)` call each (a smaller expansion).
    Labels(Vec<(Lowered<String>, Lowered<String>)>),
    /// Expressions, or no entry at all (`selector: {}`): one `selector(LabelSelector)` call.
    Whole(Lowered<LabelSelector>),
}

/// `s` registered at `path` (`…spec.selector`), as the builder calls that set it.
pub fn selector_calls(cx: &mut Cx, s: &SelectorAst, path: &FieldPath) -> SelectorCalls {
    if s.exprs.is_empty() && !s.labels.is_empty() {
        reg_map(cx, path, &s.labels);
        reg_map(cx, &path.child("matchLabels"), &s.labels);
        SelectorCalls::Labels(map_pairs(cx, &s.labels))
    } else {
        SelectorCalls::Whole(label_selector(cx, s, path))
    }
}

/// Applies a [`SelectorCalls`] to builder `$b` (`selector_label` / `selector`).
macro_rules! apply_selector {
    ($b:ident, $calls:expr) => {
        match $calls {
            $crate::lower::scheduling::SelectorCalls::Labels(pairs) => {
                for (key, value) in pairs {
                    $b = $crate::lowered::call!($b.selector_label(key, value));
                }
            }
            $crate::lower::scheduling::SelectorCalls::Whole(s) => {
                $b = $crate::lowered::call!($b.selector(s));
            }
        }
    };
}
pub(crate) use apply_selector;

fn expr<Op: ApiWord>(
    cx: &mut Cx,
    e: &ExprAst<Op>,
    path: &FieldPath,
) -> (Lowered<String>, Lowered<Op>, Lowered<Vec<String>>) {
    cx.reg(
        path,
        e.key.sp().to(e.values.last().map_or(e.op.sp, |v| v.sp)),
    );
    cx.reg(&path.child("key"), e.key.sp());
    cx.reg(&path.child("operator"), e.op.sp);
    if let (Some(first), Some(last)) = (e.values.first(), e.values.last()) {
        cx.reg(&path.child("values"), first.sp.to(last.sp));
    }
    let k = cx.k.clone();
    (
        cx.text(&e.key),
        word(&k, e.op.value),
        strings(cx, &e.values),
    )
}

/// `security: { … }`, registered at `path` (`…spec.securityContext`).
pub fn security(cx: &mut Cx, s: &PodSecurityAst, path: &FieldPath) -> Lowered<PodSecurityContext> {
    let k = cx.k.clone();
    cx.reg(path, s.sp);
    for (field, v) in [
        ("fsGroup", &s.fs_group),
        ("runAsUser", &s.run_as_user),
        ("runAsGroup", &s.run_as_group),
    ] {
        if let Some(v) = v {
            cx.reg(&path.child(field), v.sp());
        }
    }
    if let Some(w) = &s.fs_group_change {
        cx.reg(&path.child("fsGroupChangePolicy"), w.sp);
    }
    for (i, g) in s.supplemental_groups.iter().enumerate() {
        cx.reg(&path.child("supplementalGroups").index(i), g.sp());
    }
    let fs_group = opt(s.fs_group.as_ref().map(|v| cx.int64(v)));
    let fs_group_change_policy = opt(s.fs_group_change.map(|w| word(&k, w.value)));
    let run_as_group = opt(s.run_as_group.as_ref().map(|v| cx.int64(v)));
    let run_as_non_root = opt(s.run_as_non_root.map(|b| cx.boolean(b)));
    let run_as_user = opt(s.run_as_user.as_ref().map(|v| cx.int64(v)));
    let seccomp_profile = opt(s.seccomp.as_ref().map(|(kind, profile)| {
        let p = path.child("seccompProfile");
        cx.reg(&p, kind.sp);
        cx.reg(&p.child("type"), kind.sp);
        if let Some(pr) = profile {
            cx.reg(&p.child("localhostProfile"), pr.sp);
        }
        let localhost_profile = opt_string(cx, profile);
        let kind = word(&k, kind.value);
        record!(
            k,
            security::SeccompProfile {
                localhost_profile,
                kind
            }
        )
    }));
    let supplemental_groups = vec(s.supplemental_groups.iter().map(|g| cx.int64(g)).collect());
    record!(
        k,
        security::PodSecurityContext {
            fs_group,
            fs_group_change_policy,
            run_as_group,
            run_as_non_root,
            run_as_user,
            seccomp_profile,
            supplemental_groups,
        }
    )
}

/// The term of a `node_affinity:` entry, registered at `path`.
pub fn node_term(cx: &mut Cx, a: &NodeAffinityAst, path: &FieldPath) -> Lowered<NodeSelectorTerm> {
    let k = cx.k.clone();
    cx.reg(path, a.sp);
    let match_expressions = vec((a.exprs.iter().enumerate())
        .map(|(i, e)| {
            let p = path.child("matchExpressions").index(i);
            let (key, operator, values) = expr(cx, e, &p);
            record!(
                k,
                selector::NodeSelectorRequirement {
                    key,
                    operator,
                    values
                }
            )
        })
        .collect());
    let match_fields = vec((a.fields.iter().enumerate())
        .map(|(i, e)| {
            let p = path.child("matchFields").index(i);
            let (key, operator, values) = expr(cx, e, &p);
            record!(
                k,
                selector::NodeSelectorRequirement {
                    key,
                    operator,
                    values
                }
            )
        })
        .collect());
    record!(
        k,
        selector::NodeSelectorTerm {
            match_expressions,
            match_fields
        }
    )
}

/// The term of a `pod_affinity:` / `pod_anti_affinity:` entry, registered at `path`.
pub fn pod_term(cx: &mut Cx, a: &PodAffinityAst, path: &FieldPath) -> Lowered<PodAffinityTerm> {
    let k = cx.k.clone();
    cx.reg(path, a.sp);
    cx.reg(&path.child("topologyKey"), a.topology.sp);
    if let (Some(first), Some(last)) = (a.namespaces.first(), a.namespaces.last()) {
        cx.reg(&path.child("namespaces"), first.sp.to(last.sp));
    }
    let label_selector = opt(Some(label_selector(
        cx,
        &a.selector,
        &path.child("labelSelector"),
    )));
    let match_label_keys = vec(Vec::new());
    let mismatch_label_keys = vec(Vec::new());
    let namespace_selector = opt(None);
    let namespaces = strings(cx, &a.namespaces);
    let topology_key = cx.string(&a.topology.value);
    record!(
        k,
        scheduling::PodAffinityTerm {
            label_selector,
            match_label_keys,
            mismatch_label_keys,
            namespace_selector,
            namespaces,
            topology_key,
        }
    )
}

/// A `toleration:` entry, registered at `path`.
pub fn toleration(cx: &mut Cx, t: &TolerationAst, path: &FieldPath) -> Lowered<Toleration> {
    let k = cx.k.clone();
    cx.reg(path, t.sp);
    for (field, sp) in [
        ("key", t.key.as_ref().map(|s| s.sp)),
        ("value", t.value.as_ref().map(|s| s.sp)),
        ("operator", t.operator.map(|w| w.sp)),
        ("effect", t.effect.map(|w| w.sp)),
        ("tolerationSeconds", t.seconds.as_ref().map(|v| v.sp())),
    ] {
        if let Some(sp) = sp {
            cx.reg(&path.child(field), sp);
        }
    }
    let effect = opt(t.effect.map(|w| word(&k, w.value)));
    let key = opt_string(cx, &t.key);
    let operator = opt(t.operator.map(|w| word(&k, w.value)));
    let toleration_seconds = opt(t.seconds.as_ref().map(|v| cx.int64(v)));
    let value = opt_string(cx, &t.value);
    record!(
        k,
        scheduling::Toleration {
            effect,
            key,
            operator,
            toleration_seconds,
            value,
        }
    )
}

/// A `spread:` entry, registered at `path`; `None` when a required part is missing (the parser
/// reported it).
pub fn spread(
    cx: &mut Cx,
    s: &SpreadAst,
    path: &FieldPath,
) -> Option<Lowered<TopologySpreadConstraint>> {
    let k = cx.k.clone();
    let (Some(skew), Some(topology), Some(when)) = (&s.max_skew, &s.topology, s.when) else {
        return None;
    };
    cx.reg(path, s.sp);
    cx.reg(&path.child("maxSkew"), skew.sp());
    cx.reg(&path.child("topologyKey"), topology.sp);
    cx.reg(&path.child("whenUnsatisfiable"), when.sp);
    if let Some(m) = &s.min_domains {
        cx.reg(&path.child("minDomains"), m.sp());
    }
    let label_selector =
        opt((s.selector.as_ref()).map(|sel| label_selector(cx, sel, &path.child("labelSelector"))));
    let match_label_keys = vec(Vec::new());
    let max_skew = cx.int32(skew, "`max_skew`");
    let min_domains = opt(s.min_domains.as_ref().map(|m| cx.int32(m, "`min_domains`")));
    let node_affinity_policy = opt(None);
    let node_taints_policy = opt(None);
    let topology_key = cx.string(&topology.value);
    let when_unsatisfiable = word(&k, when.value);
    Some(record!(
        k,
        scheduling::TopologySpreadConstraint {
            label_selector,
            match_label_keys,
            max_skew,
            min_domains,
            node_affinity_policy,
            node_taints_policy,
            topology_key,
            when_unsatisfiable,
        }
    ))
}
