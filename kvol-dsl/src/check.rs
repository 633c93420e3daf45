//! Running the walk: every pass of one object (or each object of a `manifests!` block and then
//! the set's rules), errors to the collector, warnings and the emitted expression returned.

use crate::{
    ast::{Item2, ManifestsAst, Val},
    ctxt::{Ctxt, Sp},
    diagnose::Reported,
    lower::{Cx, Pass, lower_object, objects::item_meta, objects::kind_name},
    warnings::{WarningKind, WarningOut},
};
use kvol_core::{FieldError, FieldPath, Object};
use proc_macro2::TokenStream;

/// What the walk of one invocation produced.
pub struct Checked {
    /// Compile-time warnings to emit.
    pub warnings: Vec<WarningOut>,
    /// `let` bindings of interpolated values, then the value's expression.
    pub lets: Vec<TokenStream>,
    /// The expression of the invocation's value.
    pub tokens: TokenStream,
    /// The checked value, for an invocation without interpolations that has no errors: what the
    /// expression must evaluate to.
    pub checked: Option<CheckedValue>,
}

/// A value the rules accepted.
pub enum CheckedValue {
    /// One object.
    Object(Object),
    /// A `manifests!` set.
    Set(Box<kvol_core::Manifests>),
}

impl CheckedValue {
    /// Its YAML, as the expansion's value renders it.
    pub fn to_yaml(&self) -> String {
        match self {
            CheckedValue::Object(o) => kvol_core::render::to_yaml(o),
            CheckedValue::Set(s) => kvol_core::render::to_yaml(s.as_ref()),
        }
    }
}

/// Walks one object in every pass its interpolations need.
pub fn check_object(
    ctxt: &Ctxt,
    item: &Item2,
    root: Sp,
    interps: usize,
    krate: &TokenStream,
    partial: bool,
) -> Checked {
    let runs: Vec<_> = Pass::all(interps)
        .iter()
        .map(|pass| {
            let mut cx = Cx::new(*pass, kind_name(item), krate, ctxt);
            let lowered = lower_object(&mut cx, item, root);
            (cx, lowered)
        })
        .collect();
    // An error found identically in every pass comes from what the user wrote literally; one
    // that differs between passes comes from the placeholders of interpolated values.
    let same = |a: &FieldError, b: &FieldError| {
        a.path == b.path && a.kind == b.kind && a.value == b.value && a.detail == b.detail
    };
    let mut reported = Reported::new(partial);
    for (cx, lowered) in &runs {
        for e in &lowered.report.errors {
            let everywhere = runs
                .iter()
                .all(|(_, l)| l.report.errors.iter().any(|o| same(o, e)));
            reported.push(ctxt, cx, e, root, !everywhere);
        }
    }
    let mut warnings = Vec::new();
    let mut runs = runs.into_iter();
    let Some((cx, first)) = runs.next() else {
        return Checked {
            warnings,
            lets: Vec::new(),
            tokens: TokenStream::new(),
            checked: None,
        };
    };
    let others: Vec<_> = runs.map(|(_, l)| l.report).collect();
    // A warning is emitted only when every pass has it (it holds for every value of the types).
    for w in &first.report.warnings {
        if others
            .iter()
            .all(|r| r.warnings.iter().any(|o| o.path == w.path))
        {
            let sp = cx.spans.find(&w.path).map_or(root, |(sp, _)| sp);
            let kind = WarningKind::classify(w.path.as_str(), &w.message);
            warnings.push(WarningOut { kind, sp });
        }
    }
    Checked {
        warnings,
        lets: cx.lets,
        tokens: first.tokens,
        checked: first
            .object
            .filter(|_| interps == 0)
            .map(CheckedValue::Object),
    }
}

/// Walks each object of a `manifests!` block with its own rules, then (when they all hold)
/// the set with kvol-core's `Manifests` rules: mounts ↔ claims, claims ↔ classes, claims ↔
/// volumes. Values inside `manifests!` are literals, so one pass is enough.
pub fn check_manifests(ctxt: &Ctxt, ast: &ManifestsAst, root: Sp, krate: &TokenStream) -> Checked {
    let mut warnings = Vec::new();
    let mut objects = Vec::new();
    for (item, kw) in &ast.objects {
        let object_root = item_meta(item).name.as_ref().map_or(*kw, Val::sp);
        let mut cx = Cx::new(Pass::Min, kind_name(item), krate, ctxt);
        let lowered = lower_object(&mut cx, item, object_root);
        let mut reported = Reported::new(false);
        for e in &lowered.report.errors {
            reported.push(ctxt, &cx, e, object_root, false);
        }
        for w in &lowered.report.warnings {
            let sp = cx.spans.find(&w.path).map_or(object_root, |(sp, _)| sp);
            warnings.push(WarningOut {
                kind: WarningKind::classify(w.path.as_str(), &w.message),
                sp,
            });
        }
        objects.push((cx, lowered, object_root));
    }
    let mut cx = Cx::new(Pass::Min, "Manifests", krate, ctxt);
    let k = cx.k.clone();
    let set = crate::lowered::ctor!(k, Manifests::new());
    let set = crate::lower::lower_manifests(&mut cx, ast, set, &objects);
    let checked_set = set.value.clone();
    let tokens = {
        let (krate, t) = (&cx.krate, &set.tokens);
        quote::quote!(#krate::__private::manifests(#t))
    };
    let all_built = objects.iter().all(|(_, l, _)| l.object.is_some());
    if all_built {
        let report = kvol_core::Validate::check(&checked_set);
        for e in &report.errors {
            match object_index(e.path.as_str()).and_then(|(i, rest)| Some((objects.get(i)?, rest)))
            {
                Some(((cx, _, object_root), rest)) => {
                    let mut e = e.clone();
                    e.path = FieldPath::root().child(rest);
                    Reported::new(false).push(ctxt, cx, &e, *object_root, false);
                }
                None => {
                    let sp = ast.namespace.as_ref().map_or(root, |n| n.sp);
                    ctxt.error(sp, format!("{e}"));
                }
            }
        }
        for w in &report.warnings {
            if let Some((i, rest)) = object_index(w.path.as_str())
                && let Some((cx, _, object_root)) = objects.get(i)
            {
                let path = FieldPath::root().child(rest);
                let sp = cx.spans.find(&path).map_or(*object_root, |(sp, _)| sp);
                warnings.push(WarningOut {
                    kind: WarningKind::classify(rest, &w.message),
                    sp,
                });
            }
        }
    }
    let lets = objects
        .iter()
        .flat_map(|(cx, _, _)| cx.lets.clone())
        .collect();
    Checked {
        warnings,
        lets,
        tokens,
        checked: all_built.then(|| CheckedValue::Set(Box::new(checked_set))),
    }
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
