//! The whole macro: `$crate ; body` in, an expression of type `Valid<T>` out. Parsing reports
//! syntax errors; the walk ([`crate::lower`]) checks what parsed and yields the expression;
//! on any error the expansion is the errors plus a typed placeholder, so no cascade follows.

use crate::{
    ast::Item2,
    check::{self, Checked},
    ctxt::{Ctxt, Sp},
    parse::{self, P},
    warnings,
};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// Which macro.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `pod!`.
    Pod,
    /// `statefulset!`.
    StatefulSet,
    /// `pvc!`.
    Pvc,
    /// `pv!`.
    Pv,
    /// `storage_class!`.
    StorageClass,
    /// `service!`.
    Service,
    /// `manifests!`.
    Manifests,
    /// `deployment!`.
    Deployment,
    /// `daemonset!`.
    DaemonSet,
    /// `config_map!`.
    ConfigMap,
    /// `secret!`.
    Secret,
    /// `pdb!`.
    Pdb,
    /// `volume_snapshot_class!`.
    SnapshotClass,
    /// `volume_snapshot!`.
    Snapshot,
    /// `volume_attributes_class!`.
    AttributesClass,
}

impl Kind {
    fn type_name(self) -> &'static str {
        match self {
            Kind::Pod => "Pod",
            Kind::StatefulSet => "StatefulSet",
            Kind::Pvc => "PersistentVolumeClaim",
            Kind::Pv => "PersistentVolume",
            Kind::StorageClass => "StorageClass",
            Kind::Service => "Service",
            Kind::Manifests => "Manifests",
            Kind::Deployment => "Deployment",
            Kind::DaemonSet => "DaemonSet",
            Kind::ConfigMap => "ConfigMap",
            Kind::Secret => "Secret",
            Kind::Pdb => "PodDisruptionBudget",
            Kind::SnapshotClass => "VolumeSnapshotClass",
            Kind::Snapshot => "VolumeSnapshot",
            Kind::AttributesClass => "VolumeAttributesClass",
        }
    }
}

/// Parses and checks an invocation body: every problem goes to `cx`. Returns what the walk
/// produced, or `None` when the input did not parse. This is the entry point of the unit
/// tests and the fuzzer.
pub fn parse_and_check(
    kind: Kind,
    body: TokenStream,
    krate: &TokenStream,
    cx: &Ctxt,
) -> Option<Checked> {
    let p = P::new(cx);
    // Problems without a token of their own (a missing `name`) point at the invocation, as
    // rustc's missing-field error points at the struct.
    let root = Sp::one(Span::call_site());
    let item = match kind {
        Kind::Pod => Item2::Pod(parse::pod::parse(&p, body)),
        Kind::StatefulSet => Item2::StatefulSet(Box::new(parse::statefulset::parse(&p, body))),
        Kind::Pvc => Item2::Pvc(parse::pvc::parse(&p, body)),
        Kind::Pv => Item2::Pv(parse::pv::parse(&p, body)),
        Kind::StorageClass => Item2::StorageClass(parse::storage_class::parse(&p, body)),
        Kind::Service => Item2::Service(Box::new(parse::service::parse(&p, body))),
        Kind::Deployment => Item2::Deployment(Box::new(parse::kinds::deployment(&p, body))),
        Kind::DaemonSet => Item2::DaemonSet(Box::new(parse::kinds::daemonset(&p, body))),
        Kind::ConfigMap => Item2::ConfigMap(parse::kinds::config_map(&p, body)),
        Kind::Secret => Item2::Secret(parse::kinds::secret(&p, body)),
        Kind::Pdb => Item2::Pdb(parse::kinds::pdb(&p, body)),
        Kind::SnapshotClass => Item2::SnapshotClass(parse::kinds::snapshot_class(&p, body)),
        Kind::Snapshot => Item2::Snapshot(parse::kinds::snapshot(&p, body)),
        Kind::AttributesClass => Item2::AttributesClass(parse::kinds::attributes_class(&p, body)),
        Kind::Manifests => {
            let mut lp = P::new(cx);
            lp.literal_only = true;
            let ast = parse::manifests::parse(&lp, body);
            if cx.has_errors() {
                return None;
            }
            return Some(check::check_manifests(cx, &ast, root, krate));
        }
    };
    // A syntax error in one entry must not hide independent errors in the others; what the
    // skipped entries would have set is missing, so findings that may follow from that are
    // left out (see `diagnose::Reported`).
    let partial = cx.has_errors();
    Some(check::check_object(
        cx,
        &item,
        root,
        p.interp_count(),
        krate,
        partial,
    ))
}

/// The whole macro: `$crate ; body` in, an expression of type `Valid<T>` out.
pub fn expand(kind: Kind, input: TokenStream) -> TokenStream {
    expand_with(kind, input, false)
}

/// As [`expand`]; with `self_check`, the expression asserts at run time that it evaluates to
/// the YAML of the value the rules checked (the facade's one-walk test).
pub fn expand_with(kind: Kind, input: TokenStream, self_check: bool) -> TokenStream {
    let (krate, body) = parse::split_crate(input);
    let cx = Ctxt::new();
    let checked = parse_and_check(kind, body, &krate, &cx);
    let ty = Ident::new(kind.type_name(), Span::call_site());
    match (cx.check(), checked) {
        (Ok(()), Some(c)) => {
            let warn = warnings::emit(&c.warnings);
            let lets = &c.lets;
            let value = &c.tokens;
            let value = match (&c.checked, self_check) {
                (Some(v), true) => {
                    let yaml = v.to_yaml();
                    quote!(#krate::__private::emitted_as_checked(#value, #yaml))
                }
                _ => value.clone(),
            };
            quote! {{
                #warn
                #(#lets)*
                #value
            }}
        }
        (result, _) => {
            let errors = match result {
                Err(e) => e.to_compile_error(),
                Ok(()) => quote!(::core::compile_error!(
                    "kvol: the macro input did not parse"
                )),
            };
            quote! {{
                #errors
                #krate::__private::unreachable_value::<#krate::__private::kvol_core::Valid<#krate::__private::kvol_core::#ty>>()
            }}
        }
    }
}
