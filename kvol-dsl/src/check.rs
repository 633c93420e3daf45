//! Running the walk: every pass of one object (or each object of a `manifests!` block and then
//! the set's rules), errors to the collector, warnings and the emitted expression returned.

use crate::{
    ast::{Item2, ManifestsAst, Val},
    ctxt::{Ctxt, Sp},
    diagnose::Reported,
    lower::{Cx, Pass, lower_object, objects::item_meta, objects::kind_name},
    warnings::{self, WarningOut},
};
use kvol_core::{FieldError, FieldPath, Object, WarningCode};
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
    Object(Box<Object>),
    /// A `manifests!` set.
    Set(Box<kvol_core::Manifests>),
}

impl CheckedValue {
    /// Its YAML, as the expansion's value renders it.
    pub fn to_yaml(&self) -> String {
        match self {
            CheckedValue::Object(o) => kvol_core::render::to_yaml(o.as_ref()),
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
    let allow = allowed(ctxt, &item_meta(item).allow);
    // A warning is emitted only when every pass has it (it holds for every value of the types).
    for w in &first.report.warnings {
        if others
            .iter()
            .all(|r| r.warnings.iter().any(|o| o.path == w.path))
        {
            warnings.extend(warning(&cx, w, &w.path, root, &allow));
        }
    }
    Checked {
        warnings,
        lets: cx.lets,
        tokens: first.tokens,
        checked: first
            .object
            .filter(|_| interps == 0)
            .map(|o| CheckedValue::Object(Box::new(o))),
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
        let allow = allowed(ctxt, &item_meta(item).allow);
        for w in &lowered.report.warnings {
            warnings.extend(warning(&cx, w, &w.path, object_root, &allow));
        }
        objects.push((cx, lowered, object_root, allow));
    }
    let mut cx = Cx::new(Pass::Min, "Manifests", krate, ctxt);
    let k = cx.k.clone();
    let set = crate::lowered::ctor!(k, Manifests::new());
    let lowered: Vec<_> = objects.iter().map(|(_, l, _, _)| l).collect();
    let set = crate::lower::lower_manifests(&mut cx, ast, set, &lowered);
    let checked_set = set.value.clone();
    let tokens = {
        let (krate, t) = (&cx.krate, &set.tokens);
        quote::quote!(#krate::__private::manifests(#t))
    };
    let all_built = objects.iter().all(|(_, l, _, _)| l.object.is_some());
    if all_built {
        let report = kvol_core::Validate::check(&checked_set);
        for e in &report.errors {
            match within_object(&checked_set, &e.path, e.object) {
                Some((i, path)) if i < objects.len() => {
                    let (cx, _, object_root, _) = &objects[i];
                    let e = FieldError { path, ..e.clone() };
                    Reported::new(false).push(ctxt, cx, &e, *object_root, false);
                }
                _ => {
                    let sp = ast.namespace.as_ref().map_or(root, |n| n.sp);
                    ctxt.error(sp, format!("{e}"));
                }
            }
        }
        for w in &report.warnings {
            if let Some((i, path)) = within_object(&checked_set, &w.path, w.object)
                && let Some((cx, _, object_root, allow)) = objects.get(i)
            {
                warnings.extend(warning(cx, w, &path, *object_root, allow));
            }
        }
    }
    let lets = objects
        .iter()
        .flat_map(|(cx, _, _, _)| cx.lets.clone())
        .collect();
    Checked {
        warnings,
        lets,
        tokens,
        checked: all_built.then(|| CheckedValue::Set(Box::new(checked_set))),
    }
}

/// The object a finding of the set is about (its index, typed on the finding) and the path
/// inside that object: the finding's path without its `objects[i](Kind ns/name)` segment.
fn within_object(
    set: &kvol_core::Manifests,
    path: &FieldPath,
    object: Option<usize>,
) -> Option<(usize, FieldPath)> {
    let i = object?;
    let prefix = set.object_path(i)?;
    let mut segments = path.segments();
    let first = segments.next()?;
    (Some(first) == prefix.last()).then(|| (i, FieldPath::from_segments(segments)))
}

/// The warnings an object's `allow: [..]` silences (by name); an unknown name is an error at
/// its token.
fn allowed(ctxt: &Ctxt, allow: &[crate::ast::Str]) -> Vec<String> {
    let owned: Vec<String> = warnings::all().into_iter().map(warnings::name).collect();
    let names: Vec<&str> = owned.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for a in allow {
        if names.contains(&a.value.as_str()) {
            out.push(a.value.clone());
            continue;
        }
        let mut msg = format!("`{}` is not one of kvol's warnings", a.value);
        if let Some(s) = crate::suggest::closest(&a.value, &names) {
            msg.push_str(&format!("\nhelp: did you mean `{s}`?"));
        }
        msg.push_str(
            "\nnote: `allow: [..]` takes the names rustc prints in kvol's warnings \
             (\"use of deprecated unit struct `…::NAME`\")",
        );
        ctxt.error(a.sp, msg);
    }
    out
}

/// A kvol-core warning as a compile-time warning at the token behind `path`, unless allowed.
fn warning(
    cx: &Cx,
    w: &kvol_core::Warning,
    path: &FieldPath,
    root: Sp,
    allow: &[String],
) -> Option<WarningOut> {
    if allow.contains(&warnings::name(w.code)) {
        return None;
    }
    let sp = cx.spans.find(path).map_or(root, |(sp, _)| sp);
    // `100m` is a tenth of a byte: almost always meant as mebibytes. Otherwise kvol-core's
    // advice beside the API server's words, if any.
    let extra = match (w.code, cx.spans.value_at(path)) {
        (WarningCode::FractionalBytes, Some(text)) if text.ends_with('m') => Some(format!(
            "did you mean `{}Mi`? (`m` is milli, a thousandth)",
            &text[..text.len() - 1]
        )),
        _ => w.help.as_deref().map(str::to_owned),
    };
    let text = warnings::text_from(
        w.source(),
        w.code,
        path.as_str(),
        &w.message,
        extra.as_deref(),
    );
    Some(WarningOut {
        code: w.code,
        sp,
        text,
    })
}
