//! Code generation: the checked input becomes the same builder calls a user of the library API
//! would write, ending in `__build_prechecked()`. Everything the expansion names is reached
//! through the crate path the facade's `macro_rules!` shim passed in (`$crate`), so the macros
//! work when the dependency is renamed. This phase cannot fail.

use crate::{
    ast::*,
    check::{self, Target, WarningOut},
    ctxt::{Ctxt, Sp},
    parse::{self, P},
    warnings,
};
use kvol_core::{
    AccessMode, ReclaimPolicy, VolumeMode,
    pod::{Protocol, RestartPolicy},
    statefulset::{PodManagementPolicy, RetentionAction},
    storage_class::VolumeBindingMode,
    volume::HostPathType,
};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

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
    /// `manifests!`.
    Manifests,
}

impl Kind {
    fn type_name(self) -> &'static str {
        match self {
            Kind::Pod => "Pod",
            Kind::StatefulSet => "StatefulSet",
            Kind::Pvc => "PersistentVolumeClaim",
            Kind::Pv => "PersistentVolume",
            Kind::StorageClass => "StorageClass",
            Kind::Manifests => "Manifests",
        }
    }
}

/// The parsed input of one invocation.
pub enum Parsed {
    /// pod!.
    Pod(PodAst),
    /// statefulset!.
    StatefulSet(Box<StatefulSetAst>),
    /// pvc!.
    Pvc(PvcAst),
    /// pv!.
    Pv(PvAst),
    /// storage_class!.
    StorageClass(StorageClassAst),
    /// manifests!.
    Manifests(ManifestsAst),
}

/// Parses and checks an invocation body: every problem goes to `cx`. Returns the input and the
/// warnings to emit. This is the entry point unit tests and the property test drive.
pub fn parse_and_check(kind: Kind, body: TokenStream, cx: &Ctxt) -> (Parsed, Vec<WarningOut>) {
    let p = P::new(cx);
    // Problems without a token of their own (a missing `name`) point at the first token.
    let root = parse::flatten(body.clone())
        .first()
        .map_or(Sp::one(Span::call_site()), |t| Sp::one(t.span()));

    let parsed = match kind {
        Kind::Pod => Parsed::Pod(parse::pod::parse(&p, body)),
        Kind::StatefulSet => Parsed::StatefulSet(Box::new(parse::statefulset::parse(&p, body))),
        Kind::Pvc => Parsed::Pvc(parse::pvc::parse(&p, body)),
        Kind::Pv => Parsed::Pv(parse::pv::parse(&p, body)),
        Kind::StorageClass => Parsed::StorageClass(parse::storage_class::parse(&p, body)),
        Kind::Manifests => {
            let mut lp = P::new(cx);
            lp.literal_only = true;
            Parsed::Manifests(parse::manifests::parse(&lp, body))
        }
    };
    let interps = p.interp_count();
    // Semantic checks only on input that parsed: a half-parsed object would report errors
    // about fields the user did write, only unreadably.
    if cx.has_errors() {
        return (parsed, Vec::new());
    }
    let warnings = match &parsed {
        Parsed::Pod(a) => check::check(cx, Target::Pod(a), root, interps),
        Parsed::StatefulSet(a) => check::check(cx, Target::StatefulSet(a), root, interps),
        Parsed::Pvc(a) => check::check(cx, Target::Pvc(a), root, interps),
        Parsed::Pv(a) => check::check(cx, Target::Pv(a), root, interps),
        Parsed::StorageClass(a) => check::check(cx, Target::StorageClass(a), root, interps),
        Parsed::Manifests(a) => check::check_manifests(cx, a, root),
    };
    (parsed, warnings)
}

/// The whole macro: `$crate ; body` in, an expression of type `Valid<T>` out.
pub fn expand(kind: Kind, input: TokenStream) -> TokenStream {
    let (krate, body) = parse::split_crate(input);
    let cx = Ctxt::new();
    let (parsed, warnings) = parse_and_check(kind, body, &cx);
    let ty = Ident::new(kind.type_name(), Span::call_site());
    match cx.check() {
        Err(e) => {
            let errors = e.to_compile_error();
            quote! {{
                #errors
                #krate::__private::unreachable_value::<#krate::__private::kvol_core::Valid<#krate::__private::kvol_core::#ty>>()
            }}
        }
        Ok(()) => {
            let mut g = Gen::new(&krate);
            let value = match &parsed {
                Parsed::Pod(a) => g.pod(a),
                Parsed::StatefulSet(a) => g.statefulset(a),
                Parsed::Pvc(a) => g.pvc(a),
                Parsed::Pv(a) => g.pv(a),
                Parsed::StorageClass(a) => g.storage_class(a),
                Parsed::Manifests(a) => g.manifests(a),
            };
            let lets = &g.lets;
            let warn = warnings::emit(&krate, &warnings);
            quote! {{
                #warn
                #(#lets)*
                #value
            }}
        }
    }
}

/// Code generation state: the crate path and the `let` bindings of interpolated values (each
/// expression is evaluated once, in order of first use).
pub struct Gen<'k> {
    krate: &'k TokenStream,
    k: TokenStream,
    lets: Vec<TokenStream>,
    bound: Vec<usize>,
}

impl<'k> Gen<'k> {
    fn new(krate: &'k TokenStream) -> Self {
        Gen {
            krate,
            k: quote!(#krate::__private::kvol_core),
            lets: Vec::new(),
            bound: Vec::new(),
        }
    }

    /// A use of an interpolation: its binding, cloned.
    fn interp(&mut self, i: &Interp) -> TokenStream {
        let id = Ident::new(&format!("__kvol_value_{}", i.index), Span::mixed_site());
        if !self.bound.contains(&i.index) {
            self.bound.push(i.index);
            let krate = self.krate;
            let conv = format_ident!("{}", conv_fn(i.guarantee));
            let tokens = &i.tokens;
            self.lets
                .push(quote!(let #id = #krate::__private::interp::#conv(#tokens);));
        }
        quote!(::core::clone::Clone::clone(&#id))
    }
    fn text(&mut self, v: &Val<String>) -> TokenStream {
        match v {
            Val::Lit(s, _) => quote!(#s),
            Val::Interp(i) => self.interp(i),
        }
    }
    fn i32(&mut self, v: &Val<i64>) -> TokenStream {
        match v {
            Val::Lit(n, _) => {
                let n = i32::try_from(*n).unwrap_or(i32::MAX);
                quote!(#n)
            }
            Val::Interp(i) => self.interp(i),
        }
    }
    fn i64(&mut self, v: &Val<i64>) -> TokenStream {
        match v {
            Val::Lit(n, _) => quote!(#n),
            Val::Interp(i) => {
                let v = self.interp(i);
                quote!(::core::primitive::i64::from(#v))
            }
        }
    }
    fn qty(&mut self, v: &Qty) -> TokenStream {
        match v {
            Val::Lit(s, _) => {
                let krate = self.krate;
                quote!(#krate::__private::quantity(#s))
            }
            Val::Interp(i) => self.interp(i),
        }
    }
    fn opt_str(s: &Option<Str>) -> TokenStream {
        match s {
            Some(s) => {
                let v = &s.value;
                quote!(::core::option::Option::Some(<::std::string::String as ::core::convert::From<&str>>::from(#v)))
            }
            None => quote!(::core::option::Option::None),
        }
    }
    fn opt_bool(b: Option<bool>) -> TokenStream {
        match b {
            Some(b) => quote!(::core::option::Option::Some(#b)),
            None => quote!(::core::option::Option::None),
        }
    }
    fn mode(&mut self, v: &Option<Val<i64>>) -> TokenStream {
        let k = self.k.clone();
        match v {
            Some(Val::Lit(n, _)) => {
                let n = u32::try_from(*n).unwrap_or(u32::MAX);
                quote!(::core::option::Option::Some(#k::volume::FileMode(#n)))
            }
            Some(Val::Interp(i)) => {
                let v = self.interp(i);
                quote!(::core::option::Option::Some(#k::volume::FileMode(#v as ::core::primitive::u32)))
            }
            None => quote!(::core::option::Option::None),
        }
    }
    fn map(&mut self, entries: &[MapEntry]) -> Vec<(TokenStream, TokenStream)> {
        entries
            .iter()
            .map(|e| (self.text(&e.key), self.text(&e.value)))
            .collect()
    }
    fn string_map(&mut self, entries: &[MapEntry]) -> TokenStream {
        let pairs = self.map(entries);
        let inserts = pairs.iter().map(|(k, v)| {
            quote!(__m.insert(<::std::string::String as ::core::convert::From<&str>>::from(#k), <::std::string::String as ::core::convert::From<&str>>::from(#v));)
        });
        quote!({
            let mut __m = ::std::collections::BTreeMap::new();
            #(#inserts)*
            __m
        })
    }
    fn modes(&self, m: &Modes) -> TokenStream {
        let k = &self.k;
        let items = m.items.iter().map(|w| access_mode(k, w.value));
        quote!(<#k::AccessModes as ::core::iter::FromIterator<#k::AccessMode>>::from_iter([#(#items),*]))
    }

    // --- pods -------------------------------------------------------------------------------

    fn container(
        &mut self,
        c: &Container,
        claims: &[ClaimSpec],
        is_compact: bool,
        n: usize,
    ) -> TokenStream {
        let k = self.k.clone();
        let name = self.text(&c.name);
        let image = c
            .image
            .as_ref()
            .map(|s| s.value.clone())
            .unwrap_or_default();
        let mut calls = Vec::new();
        for p in &c.ports {
            let number = self.i32(&p.number);
            let name = match &p.name {
                Some(n) => {
                    let v = &n.value;
                    quote!(::core::option::Option::Some(<::std::string::String as ::core::convert::From<&str>>::from(#v)))
                }
                None => quote!(::core::option::Option::None),
            };
            let proto = protocol(&k, p.protocol.map_or(Protocol::TCP, |w| w.value));
            calls.push(quote!(.port_with(#k::pod::ContainerPort { container_port: #number, name: #name, protocol: #proto })));
        }
        for m in &c.mounts {
            let (path, name, ro) = (&m.path.value, &m.volume.value, m.read_only);
            let sub = Self::opt_str(&m.sub_path);
            calls.push(quote!(.mount_with(#k::pod::VolumeMount {
                mount_path: <::std::string::String as ::core::convert::From<&str>>::from(#path),
                name: <::std::string::String as ::core::convert::From<&str>>::from(#name),
                read_only: #ro,
                sub_path: #sub,
            })));
        }
        for (name, path, _) in check::auto_mounts(claims, is_compact, is_compact || n == 0) {
            calls.push(quote!(.mount(#name, #path)));
        }
        if !c.command.is_empty() {
            let items = c.command.iter().map(|s| &s.value);
            calls.push(quote!(.command([#(#items),*])));
        }
        if !c.args.is_empty() {
            let items = c.args.iter().map(|s| &s.value);
            calls.push(quote!(.args([#(#items),*])));
        }
        for (ek, ev) in &c.env {
            let (ek, ev) = (&ek.value, &ev.value);
            calls.push(quote!(.env(#ek, #ev)));
        }
        quote!(#k::Container::builder(#name, #image) #(#calls)*)
    }

    fn containers(
        &mut self,
        body: &PodBody,
        object_name: Option<&Name>,
        claims: &[ClaimSpec],
    ) -> Vec<TokenStream> {
        let root = Sp::one(Span::call_site());
        let compact = check::compact_container(body, object_name, root);
        let all: Vec<&Container> = compact.iter().chain(body.containers.iter()).collect();
        let n = all.len();
        let mut out = Vec::new();
        for (i, c) in all.into_iter().enumerate() {
            let is_compact = i == 0 && compact.is_some();
            let c = self.container(c, claims, is_compact, n);
            out.push(quote!(.container(#c)));
        }
        for c in &body.init_containers {
            let c = self.container(c, &[], false, 0);
            out.push(quote!(.init_container(#c)));
        }
        out
    }

    fn volume_source(&mut self, src: &VolSrc) -> TokenStream {
        let k = self.k.clone();
        match src {
            VolSrc::EmptyDir { memory, size } => {
                let medium = if *memory {
                    quote!(::core::option::Option::Some(#k::volume::StorageMedium::Memory))
                } else {
                    quote!(::core::option::Option::None)
                };
                let size = match size {
                    Some(q) => {
                        let q = self.qty(q);
                        quote!(::core::option::Option::Some(#q))
                    }
                    None => quote!(::core::option::Option::None),
                };
                quote!(#k::VolumeSource::EmptyDir(#k::volume::EmptyDir { medium: #medium, size_limit: #size }))
            }
            VolSrc::HostPath { path, kind, .. } => {
                let path = &path.value;
                let kind = match kind {
                    Some(w) => {
                        let t = host_path_type(&k, w.value);
                        quote!(::core::option::Option::Some(#t))
                    }
                    None => quote!(::core::option::Option::None),
                };
                quote!(#k::VolumeSource::host_path(#path, #kind))
            }
            VolSrc::Nfs {
                server,
                path,
                read_only,
            } => {
                let (s, p) = (&server.value, &path.value);
                quote!(#k::VolumeSource::nfs(#s, #p, #read_only))
            }
            VolSrc::Claim { claim, read_only } => {
                let c = self.text(claim);
                quote!(#k::VolumeSource::claim(#c, #read_only))
            }
            VolSrc::ConfigMap { name, opts } | VolSrc::Secret { name, opts } => {
                let default_mode = self.mode(&opts.default_mode);
                let mut items = Vec::new();
                for it in &opts.items {
                    let (key, path) = (&it.key.value, &it.path.value);
                    let mode = self.mode(&it.mode);
                    items.push(quote!(#k::volume::KeyToPath {
                        key: <::std::string::String as ::core::convert::From<&str>>::from(#key),
                        mode: #mode,
                        path: <::std::string::String as ::core::convert::From<&str>>::from(#path),
                    }));
                }
                let optional = Self::opt_bool(opts.optional);
                let name = &name.value;
                if matches!(src, VolSrc::Secret { .. }) {
                    quote!(#k::VolumeSource::Secret(#k::volume::SecretVolume {
                        default_mode: #default_mode,
                        items: ::std::vec![#(#items),*],
                        optional: #optional,
                        secret_name: <::std::string::String as ::core::convert::From<&str>>::from(#name),
                    }))
                } else {
                    quote!(#k::VolumeSource::ConfigMap(#k::volume::ConfigMapVolume {
                        default_mode: #default_mode,
                        items: ::std::vec![#(#items),*],
                        name: <::std::string::String as ::core::convert::From<&str>>::from(#name),
                        optional: #optional,
                    }))
                }
            }
            VolSrc::DownwardApi {
                items,
                default_mode,
            } => {
                let default_mode = self.mode(default_mode);
                let mut files = Vec::new();
                for it in items {
                    let path = &it.path.value;
                    let mode = self.mode(&it.mode);
                    let source = match &it.source {
                        DownwardSrc::Field(f) => {
                            let f = &f.value;
                            quote!(#k::volume::DownwardApiSource::Field(<::std::string::String as ::core::convert::From<&str>>::from(#f)))
                        }
                        DownwardSrc::Resource {
                            container,
                            resource,
                            divisor,
                        } => {
                            let (c, r) = (&container.value, &resource.value);
                            let d = match divisor {
                                Some(q) => {
                                    let q = self.qty(q);
                                    quote!(::core::option::Option::Some(#q))
                                }
                                None => quote!(::core::option::Option::None),
                            };
                            quote!(#k::volume::DownwardApiSource::Resource {
                                container_name: <::std::string::String as ::core::convert::From<&str>>::from(#c),
                                resource: <::std::string::String as ::core::convert::From<&str>>::from(#r),
                                divisor: #d,
                            })
                        }
                    };
                    files.push(quote!(#k::volume::DownwardApiFile {
                        path: <::std::string::String as ::core::convert::From<&str>>::from(#path),
                        mode: #mode,
                        source: #source,
                    }));
                }
                quote!(#k::VolumeSource::DownwardApi(#k::volume::DownwardApiVolume {
                    default_mode: #default_mode,
                    items: ::std::vec![#(#files),*],
                }))
            }
            VolSrc::Csi {
                driver,
                fs_type,
                read_only,
                attributes,
                secret,
            } => {
                let driver = &driver.value;
                let fs = Self::opt_str(fs_type);
                let ro = Self::opt_bool(*read_only);
                let attrs = self.string_map(attributes);
                let secret = match secret {
                    Some(s) => {
                        let s = &s.value;
                        quote!(::core::option::Option::Some(#k::volume::LocalObjectReference { name: <::std::string::String as ::core::convert::From<&str>>::from(#s) }))
                    }
                    None => quote!(::core::option::Option::None),
                };
                quote!(#k::VolumeSource::Csi(#k::volume::CsiVolume {
                    driver: <::std::string::String as ::core::convert::From<&str>>::from(#driver),
                    fs_type: #fs,
                    node_publish_secret_ref: #secret,
                    read_only: #ro,
                    volume_attributes: #attrs,
                }))
            }
            VolSrc::Ephemeral(spec) => {
                let t = self.claim_template(spec, None);
                quote!(#k::VolumeSource::ephemeral_claim(#t))
            }
        }
    }

    fn claim_template(&mut self, c: &ClaimSpec, name: Option<String>) -> TokenStream {
        let k = self.k.clone();
        let name = name.unwrap_or_default();
        let modes = self.modes(&c.modes);
        let size = self.qty(&c.size);
        let class = self.class(&c.class);
        quote!(#k::PvcTemplate::builder(#name).access_modes(#modes).request(#size) #class)
    }

    fn class(&mut self, c: &Option<Class>) -> TokenStream {
        match c {
            None => quote!(),
            Some(Class::None(_)) => quote!(.no_storage_class()),
            Some(Class::Named(n)) => {
                let n = self.text(n);
                quote!(.storage_class(#n))
            }
        }
    }

    fn meta_calls(&mut self, meta: &Meta, namespaced: bool) -> Vec<TokenStream> {
        let mut calls = Vec::new();
        if namespaced && let Some(ns) = &meta.namespace {
            let ns = self.text(ns);
            calls.push(quote!(.namespace(#ns)));
        }
        for (key, v) in self.map(&meta.labels) {
            calls.push(quote!(.label(#key, #v)));
        }
        for (key, v) in self.map(&meta.annotations) {
            calls.push(quote!(.annotation(#key, #v)));
        }
        calls
    }

    fn volumes(&mut self, body: &PodBody) -> Vec<TokenStream> {
        let mut calls = Vec::new();
        for v in &body.volumes {
            let name = &v.name.value;
            let src = self.volume_source(&v.source);
            calls.push(quote!(.volume(#name, #src)));
        }
        calls
    }

    fn name(&mut self, n: &Option<Name>) -> TokenStream {
        match n {
            Some(n) => self.text(n),
            None => quote!(""),
        }
    }

    fn pod(&mut self, ast: &PodAst) -> TokenStream {
        let k = self.k.clone();
        let name = self.name(&ast.meta.name);
        let mut calls = self.meta_calls(&ast.meta, true);
        calls.extend(self.containers(&ast.body, ast.meta.name.as_ref(), &[]));
        calls.extend(self.volumes(&ast.body));
        let body = &ast.body;
        if let Some(g) = &body.grace {
            let g = self.i64(g);
            calls.push(quote!(.grace_period(#g)));
        }
        if let Some(r) = &body.restart {
            let r = restart(&k, r.value);
            calls.push(quote!(.restart_policy(#r)));
        }
        if let Some(s) = &body.service_account {
            let s = &s.value;
            calls.push(quote!(.service_account(#s)));
        }
        for (key, v) in self.map(&body.node_selector) {
            calls.push(quote!(.node_selector(#key, #v)));
        }
        quote!(#k::Pod::builder(#name) #(#calls)* .__build_prechecked())
    }

    fn statefulset(&mut self, ast: &StatefulSetAst) -> TokenStream {
        let k = self.k.clone();
        let name = self.name(&ast.meta.name);
        let mut calls = self.meta_calls(&ast.meta, true);
        if let Some(s) = &ast.service {
            let s = self.text(s);
            calls.push(quote!(.service_name(#s)));
        }
        if let Some(r) = &ast.replicas {
            let r = self.i32(r);
            calls.push(quote!(.replicas(#r)));
        }
        calls.extend(self.containers(&ast.body, ast.meta.name.as_ref(), &ast.claims));
        calls.extend(self.volumes(&ast.body));
        if let Some(g) = &ast.body.grace {
            let g = self.i64(g);
            calls.push(quote!(.grace_period(#g)));
        }
        for c in &ast.claims {
            let name = c
                .name
                .as_ref()
                .map_or("data".to_owned(), |n| n.value.clone());
            let t = self.claim_template(c, Some(name));
            calls.push(quote!(.claim(#t)));
        }
        if let Some(u) = &ast.update_strategy {
            let u = match u {
                Update::OnDelete => quote!(#k::statefulset::UpdateStrategy::OnDelete),
                Update::Rolling {
                    partition,
                    max_unavailable,
                } => {
                    let partition = match partition {
                        Some(p) => {
                            let p = self.i32(p);
                            quote!(::core::option::Option::Some(#p))
                        }
                        None => quote!(::core::option::Option::None),
                    };
                    let mu = match max_unavailable {
                        Some(Val::Lit(MaxUnavailable::Int(n), _)) => {
                            let n = i32::try_from(*n).unwrap_or(i32::MAX);
                            quote!(::core::option::Option::Some(#k::statefulset::IntOrPercent::Int(#n)))
                        }
                        Some(Val::Lit(MaxUnavailable::Percent(n), _)) => {
                            let n = u32::try_from(*n).unwrap_or(u32::MAX);
                            quote!(::core::option::Option::Some(#k::statefulset::IntOrPercent::Percent(#n)))
                        }
                        Some(Val::Interp(i)) => {
                            let v = self.interp(i);
                            quote!(::core::option::Option::Some(#k::statefulset::IntOrPercent::Int(#v)))
                        }
                        None => quote!(::core::option::Option::None),
                    };
                    quote!(#k::statefulset::UpdateStrategy::RollingUpdate { partition: #partition, max_unavailable: #mu })
                }
            };
            calls.push(quote!(.update_strategy(#u)));
        }
        if let Some(w) = &ast.pod_management {
            let v = match w.value {
                PodManagementPolicy::OrderedReady => quote!(OrderedReady),
                PodManagementPolicy::Parallel => quote!(Parallel),
            };
            calls.push(quote!(.pod_management(#k::statefulset::PodManagementPolicy::#v)));
        }
        if let Some((d, s)) = &ast.retention {
            let action = |w: &Option<Word<RetentionAction>>| match w.map(|w| w.value) {
                Some(RetentionAction::Delete) => quote!(#k::statefulset::RetentionAction::Delete),
                _ => quote!(#k::statefulset::RetentionAction::Retain),
            };
            let (d, s) = (action(d), action(s));
            calls.push(quote!(.retention(#k::statefulset::RetentionPolicy { when_deleted: #d, when_scaled: #s })));
        }
        if let Some(v) = ast.publish_not_ready {
            calls.push(quote!(.publish_not_ready_addresses(#v)));
        }
        if let Some(v) = &ast.min_ready {
            let v = self.i32(v);
            calls.push(quote!(.min_ready_seconds(#v)));
        }
        if let Some(v) = &ast.ordinals_start {
            let v = self.i32(v);
            calls.push(quote!(.ordinals_start(#v)));
        }
        if let Some(v) = &ast.revision_history {
            let v = self.i32(v);
            calls.push(quote!(.revision_history_limit(#v)));
        }
        quote!(#k::StatefulSet::builder(#name) #(#calls)* .__build_prechecked())
    }

    fn pvc_calls(&mut self, ast: &PvcAst) -> TokenStream {
        let k = self.k.clone();
        let name = self.name(&ast.meta.name);
        let mut calls = self.meta_calls(&ast.meta, true);
        if let Some(m) = &ast.access {
            let m = self.modes(m);
            calls.push(quote!(.access_modes(#m)));
        }
        if let Some(q) = &ast.request {
            let q = self.qty(q);
            calls.push(quote!(.request(#q)));
        }
        if let Some(q) = &ast.limit {
            let q = self.qty(q);
            calls.push(quote!(.limit(#q)));
        }
        calls.push(self.class(&ast.class));
        if let Some(w) = &ast.volume_mode {
            let v = volume_mode(&k, w.value);
            calls.push(quote!(.volume_mode(#v)));
        }
        if let Some(v) = &ast.volume_name {
            let v = &v.value;
            calls.push(quote!(.volume_name(#v)));
        }
        for (key, v) in self.map(&ast.selector) {
            calls.push(quote!(.selector_label(#key, #v)));
        }
        if let Some(d) = &ast.data_source {
            let (kind, name) = (&d.kind.value, &d.name.value);
            let group = Self::opt_str(&d.api_group);
            calls.push(quote!(.data_source(#k::pvc::TypedLocalObjectReference {
                api_group: #group,
                kind: <::std::string::String as ::core::convert::From<&str>>::from(#kind),
                name: <::std::string::String as ::core::convert::From<&str>>::from(#name),
            })));
        }
        if let Some(d) = &ast.data_source_ref {
            let (kind, name) = (&d.kind.value, &d.name.value);
            let group = Self::opt_str(&d.api_group);
            let ns = Self::opt_str(&d.namespace);
            calls.push(quote!(.data_source_ref(#k::pvc::TypedObjectReference {
                api_group: #group,
                kind: <::std::string::String as ::core::convert::From<&str>>::from(#kind),
                name: <::std::string::String as ::core::convert::From<&str>>::from(#name),
                namespace: #ns,
            })));
        }
        quote!(#k::PersistentVolumeClaim::builder(#name) #(#calls)*)
    }

    fn pvc(&mut self, ast: &PvcAst) -> TokenStream {
        let b = self.pvc_calls(ast);
        quote!(#b.__build_prechecked())
    }

    fn pv_calls(&mut self, ast: &PvAst) -> TokenStream {
        let k = self.k.clone();
        let name = self.name(&ast.meta.name);
        let mut calls = self.meta_calls(&ast.meta, false);
        if let Some(q) = &ast.capacity {
            let q = self.qty(q);
            calls.push(quote!(.capacity(#q)));
        }
        if let Some(m) = &ast.access {
            let m = self.modes(m);
            calls.push(quote!(.access_modes(#m)));
        }
        if let Some(w) = &ast.reclaim {
            let r = reclaim(&k, w.value);
            calls.push(quote!(.reclaim_policy(#r)));
        }
        calls.push(self.class(&ast.class));
        if let Some(w) = &ast.volume_mode {
            let v = volume_mode(&k, w.value);
            calls.push(quote!(.volume_mode(#v)));
        }
        for o in &ast.mount_options {
            let o = &o.value;
            calls.push(quote!(.mount_option(#o)));
        }
        if !ast.node_hostnames.is_empty() {
            let hs = ast.node_hostnames.iter().map(|s| &s.value);
            calls.push(quote!(.node_affinity_hostname([#(#hs),*])));
        }
        if let Some((ns, n)) = &ast.claim_ref {
            let (ns, n) = (&ns.value, &n.value);
            calls.push(quote!(.claim_ref(#ns, #n)));
        }
        if let Some(s) = &ast.source {
            let s = self.pv_source(s);
            calls.push(quote!(.source(#s)));
        }
        quote!(#k::PersistentVolume::builder(#name) #(#calls)*)
    }

    fn pv(&mut self, ast: &PvAst) -> TokenStream {
        let b = self.pv_calls(ast);
        quote!(#b.__build_prechecked())
    }

    fn pv_source(&mut self, src: &PvSrc) -> TokenStream {
        let k = self.k.clone();
        match src {
            PvSrc::HostPath { path, kind, .. } => {
                let path = &path.value;
                let kind = match kind {
                    Some(w) => {
                        let t = host_path_type(&k, w.value);
                        quote!(::core::option::Option::Some(#t))
                    }
                    None => quote!(::core::option::Option::None),
                };
                quote!(#k::PvSource::host_path(#path, #kind))
            }
            PvSrc::Local { path, fs_type } => {
                let path = &path.value;
                let fs = Self::opt_str(fs_type);
                quote!(#k::PvSource::Local(#k::pv::LocalVolume { fs_type: #fs, path: <::std::string::String as ::core::convert::From<&str>>::from(#path) }))
            }
            PvSrc::Nfs {
                server,
                path,
                read_only,
            } => {
                let (s, p) = (&server.value, &path.value);
                quote!(#k::PvSource::Nfs(#k::volume::Nfs {
                    path: <::std::string::String as ::core::convert::From<&str>>::from(#p),
                    read_only: #read_only,
                    server: <::std::string::String as ::core::convert::From<&str>>::from(#s),
                }))
            }
            PvSrc::Csi {
                driver,
                handle,
                fs_type,
                read_only,
                attributes,
            } => {
                let (d, h) = (&driver.value, &handle.value);
                let fs = Self::opt_str(fs_type);
                let ro = Self::opt_bool(*read_only);
                let attrs = self.string_map(attributes);
                quote!(#k::PvSource::Csi(#k::pv::CsiPersistentVolume {
                    driver: <::std::string::String as ::core::convert::From<&str>>::from(#d),
                    fs_type: #fs,
                    node_publish_secret_ref: ::core::option::Option::None,
                    read_only: #ro,
                    volume_attributes: #attrs,
                    volume_handle: <::std::string::String as ::core::convert::From<&str>>::from(#h),
                }))
            }
            PvSrc::Iscsi {
                target_portal,
                iqn,
                lun,
                fs_type,
                read_only,
            } => {
                let (t, q) = (&target_portal.value, &iqn.value);
                let lun = self.i32(lun);
                let fs = Self::opt_str(fs_type);
                let ro = Self::opt_bool(*read_only);
                quote!(#k::PvSource::Iscsi(#k::pv::IscsiVolume {
                    fs_type: #fs,
                    iqn: <::std::string::String as ::core::convert::From<&str>>::from(#q),
                    lun: #lun,
                    read_only: #ro,
                    target_portal: <::std::string::String as ::core::convert::From<&str>>::from(#t),
                }))
            }
            PvSrc::Legacy { plugin, fields, .. } => {
                let src = legacy(&k, &check::legacy_source(*plugin, fields));
                quote!(#k::PvSource::Legacy(#src))
            }
        }
    }

    fn sc_calls(&mut self, ast: &StorageClassAst) -> TokenStream {
        let k = self.k.clone();
        let name = self.name(&ast.meta.name);
        let provisioner = ast
            .provisioner
            .as_ref()
            .map(|s| s.value.clone())
            .unwrap_or_default();
        let mut calls = self.meta_calls(&ast.meta, false);
        for (key, v) in self.map(&ast.parameters) {
            calls.push(quote!(.parameter(#key, #v)));
        }
        if let Some(w) = &ast.reclaim {
            let r = reclaim(&k, w.value);
            calls.push(quote!(.reclaim_policy(#r)));
        }
        if let Some(w) = &ast.binding {
            let v = match w.value {
                VolumeBindingMode::Immediate => quote!(Immediate),
                VolumeBindingMode::WaitForFirstConsumer => quote!(WaitForFirstConsumer),
            };
            calls.push(quote!(.binding_mode(#k::storage_class::VolumeBindingMode::#v)));
        }
        if let Some(v) = ast.allow_expansion {
            calls.push(quote!(.allow_expansion(#v)));
        }
        for o in &ast.mount_options {
            let o = &o.value;
            calls.push(quote!(.mount_option(#o)));
        }
        for (key, vs) in &ast.topology {
            let key = &key.value;
            let vs = vs.iter().map(|s| &s.value);
            calls.push(quote!(.allowed_topology(#key, [#(#vs),*])));
        }
        if ast.default_class == Some(true) {
            calls.push(quote!(.default_class()));
        }
        quote!(#k::StorageClass::builder(#name, #provisioner) #(#calls)*)
    }

    fn storage_class(&mut self, ast: &StorageClassAst) -> TokenStream {
        let b = self.sc_calls(ast);
        quote!(#b.__build_prechecked())
    }

    fn manifests(&mut self, ast: &ManifestsAst) -> TokenStream {
        check::expand_manifests(self, ast)
    }

    /// The value of one object of a manifests! block, as a `Valid<T>` expression.
    pub fn object(&mut self, item: &Item2) -> TokenStream {
        match item {
            Item2::Pod(a) => self.pod(a),
            Item2::Pv(a) => self.pv(a),
            Item2::Pvc(a) => self.pvc(a),
            Item2::StorageClass(a) => self.storage_class(a),
            Item2::StatefulSet(a) => self.statefulset(a),
        }
    }

    /// The facade crate's path.
    pub fn krate(&self) -> &TokenStream {
        self.krate
    }
}

fn conv_fn(g: Guarantee) -> &'static str {
    match g {
        Guarantee::Dns1123Label => "dns1123_label",
        Guarantee::Dns1123Subdomain => "dns1123_subdomain",
        Guarantee::Dns1035Label => "dns1035_label",
        Guarantee::QualifiedName => "qualified_name",
        Guarantee::LabelValue => "label_value",
        Guarantee::Quantity | Guarantee::PositiveQuantity => "positive_quantity",
        Guarantee::Count => "count",
        Guarantee::Port => "port",
    }
}

fn access_mode(k: &TokenStream, m: AccessMode) -> TokenStream {
    let v = match m {
        AccessMode::ReadWriteOnce => quote!(ReadWriteOnce),
        AccessMode::ReadOnlyMany => quote!(ReadOnlyMany),
        AccessMode::ReadWriteMany => quote!(ReadWriteMany),
        AccessMode::ReadWriteOncePod => quote!(ReadWriteOncePod),
    };
    quote!(#k::AccessMode::#v)
}

fn protocol(k: &TokenStream, p: Protocol) -> TokenStream {
    let v = match p {
        Protocol::TCP => quote!(TCP),
        Protocol::UDP => quote!(UDP),
        Protocol::SCTP => quote!(SCTP),
    };
    quote!(#k::pod::Protocol::#v)
}

fn restart(k: &TokenStream, r: RestartPolicy) -> TokenStream {
    let v = match r {
        RestartPolicy::Always => quote!(Always),
        RestartPolicy::OnFailure => quote!(OnFailure),
        RestartPolicy::Never => quote!(Never),
    };
    quote!(#k::pod::RestartPolicy::#v)
}

fn reclaim(k: &TokenStream, r: ReclaimPolicy) -> TokenStream {
    let v = match r {
        ReclaimPolicy::Retain => quote!(Retain),
        ReclaimPolicy::Delete => quote!(Delete),
        ReclaimPolicy::Recycle => quote!(Recycle),
    };
    quote!(#k::ReclaimPolicy::#v)
}

fn volume_mode(k: &TokenStream, m: VolumeMode) -> TokenStream {
    match m {
        VolumeMode::Filesystem => quote!(#k::VolumeMode::Filesystem),
        VolumeMode::Block => quote!(#k::VolumeMode::Block),
    }
}

fn host_path_type(k: &TokenStream, t: HostPathType) -> TokenStream {
    let v = Ident::new(t.as_str(), Span::call_site());
    quote!(#k::volume::HostPathType::#v)
}

fn legacy(k: &TokenStream, s: &kvol_core::legacy::LegacySource) -> TokenStream {
    use kvol_core::legacy::LegacySource as L;
    let s_ = |v: &String| quote!(<::std::string::String as ::core::convert::From<&str>>::from(#v));
    let o = |v: &Option<String>| match v {
        Some(v) => {
            quote!(::core::option::Option::Some(<::std::string::String as ::core::convert::From<&str>>::from(#v)))
        }
        None => quote!(::core::option::Option::None),
    };
    let oi = |v: &Option<i32>| match v {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    };
    let l = |v: &Vec<String>| {
        quote!(::std::vec![#(<::std::string::String as ::core::convert::From<&str>>::from(#v)),*])
    };
    let p = quote!(#k::legacy::LegacySource);
    match s {
        L::GcePersistentDisk {
            pd_name,
            fs_type,
            partition,
            read_only,
        } => {
            let (a, b, c) = (s_(pd_name), o(fs_type), oi(partition));
            quote!(#p::GcePersistentDisk { pd_name: #a, fs_type: #b, partition: #c, read_only: #read_only })
        }
        L::AwsElasticBlockStore {
            volume_id,
            fs_type,
            partition,
            read_only,
        } => {
            let (a, b, c) = (s_(volume_id), o(fs_type), oi(partition));
            quote!(#p::AwsElasticBlockStore { volume_id: #a, fs_type: #b, partition: #c, read_only: #read_only })
        }
        L::AzureDisk {
            disk_name,
            disk_uri,
            fs_type,
            read_only,
        } => {
            let (a, b, c) = (s_(disk_name), s_(disk_uri), o(fs_type));
            quote!(#p::AzureDisk { disk_name: #a, disk_uri: #b, fs_type: #c, read_only: #read_only })
        }
        L::AzureFile {
            secret_name,
            share_name,
            read_only,
        } => {
            let (a, b) = (s_(secret_name), s_(share_name));
            quote!(#p::AzureFile { secret_name: #a, share_name: #b, read_only: #read_only })
        }
        L::Cephfs {
            monitors,
            path,
            read_only,
        } => {
            let (a, b) = (l(monitors), o(path));
            quote!(#p::Cephfs { monitors: #a, path: #b, read_only: #read_only })
        }
        L::Cinder {
            volume_id,
            fs_type,
            read_only,
        } => {
            let (a, b) = (s_(volume_id), o(fs_type));
            quote!(#p::Cinder { volume_id: #a, fs_type: #b, read_only: #read_only })
        }
        L::Glusterfs {
            endpoints,
            path,
            read_only,
        } => {
            let (a, b) = (s_(endpoints), s_(path));
            quote!(#p::Glusterfs { endpoints: #a, path: #b, read_only: #read_only })
        }
        L::Rbd {
            monitors,
            image,
            fs_type,
            read_only,
        } => {
            let (a, b, c) = (l(monitors), s_(image), o(fs_type));
            quote!(#p::Rbd { monitors: #a, image: #b, fs_type: #c, read_only: #read_only })
        }
        L::VsphereVolume {
            volume_path,
            fs_type,
        } => {
            let (a, b) = (s_(volume_path), o(fs_type));
            quote!(#p::VsphereVolume { volume_path: #a, fs_type: #b })
        }
        L::PortworxVolume {
            volume_id,
            fs_type,
            read_only,
        } => {
            let (a, b) = (s_(volume_id), o(fs_type));
            quote!(#p::PortworxVolume { volume_id: #a, fs_type: #b, read_only: #read_only })
        }
    }
}
