//! Pod volumes: `volume NAME: SOURCE`.

use super::{Cx, claim::claim_template, words::word};
use crate::{
    ast::{DownwardSrc, Item, MapEntry, PodBody, ProjSrc, Projection, VolSrc},
    lowered::{Lowered, ctor, opt, record, string_map, vec},
};
use kvol_core::{FieldPath, VolumeSource, volume::StorageMedium};

/// One volume of a pod body: its name and source.
pub struct LoweredVolume {
    /// The volume's name.
    pub name: Lowered<String>,
    /// Its source (a `Result` for sources whose conversion can fail).
    pub source: Lowered<Result<VolumeSource, Vec<kvol_core::FieldError>>>,
}

/// The volumes of a pod body, their paths registered under `spec`.
pub fn volumes(cx: &mut Cx, body: &PodBody, spec: &FieldPath) -> Vec<LoweredVolume> {
    let mut out = Vec::new();
    for (i, v) in body.volumes.iter().enumerate() {
        let p = spec.child("volumes").index(i);
        cx.reg(&p, v.name.sp);
        cx.reg(&p.child("name"), v.name.sp);
        let source = volume_source(cx, &v.source, &p);
        let name = cx.string(&v.name.value);
        out.push(LoweredVolume { name, source });
    }
    out
}

/// `Ok(source)` on both sides, for sources that cannot fail to convert.
fn ok(
    k: &proc_macro2::TokenStream,
    source: Lowered<VolumeSource>,
) -> Lowered<Result<VolumeSource, Vec<kvol_core::FieldError>>> {
    let t = source.tokens;
    Lowered::leaf(
        Ok(source.value),
        quote::quote!(::core::result::Result::<#k::VolumeSource, ::std::vec::Vec<#k::FieldError>>::Ok(#t)),
    )
}

/// Registers the entries of a string map (the whole map, and each key).
pub fn reg_map(cx: &mut Cx, path: &FieldPath, entries: &[MapEntry]) {
    if let (Some(first), Some(last)) = (entries.first(), entries.last()) {
        cx.reg(path, first.key.sp().to(last.value.sp()));
    }
    for e in entries {
        if let crate::ast::Val::Lit(k, _) = &e.key {
            cx.reg(&path.key(k), e.key.sp().to(e.value.sp()));
        }
    }
}

/// The pairs of a string map.
pub fn map_pairs(cx: &mut Cx, entries: &[MapEntry]) -> Vec<(Lowered<String>, Lowered<String>)> {
    entries
        .iter()
        .map(|e| (cx.text(&e.key), cx.text(&e.value)))
        .collect()
}

fn volume_source(
    cx: &mut Cx,
    src: &VolSrc,
    path: &FieldPath,
) -> Lowered<Result<VolumeSource, Vec<kvol_core::FieldError>>> {
    let k = cx.k.clone();
    match src {
        VolSrc::EmptyDir { memory, size } => {
            let p = path.child("emptyDir");
            if let Some(q) = size {
                cx.reg_quantity(&p.child("sizeLimit"), q);
            }
            let medium = opt(memory.then(|| word(&k, StorageMedium::Memory)));
            let size_limit = opt(size.as_ref().map(|q| cx.quantity(q)));
            let dir = record!(k, volume::EmptyDir { medium, size_limit });
            ok(&k, ctor!(k, VolumeSource::EmptyDir(dir)))
        }
        VolSrc::HostPath { path: hp, kind, kw } => {
            let p = path.child("hostPath");
            cx.reg(&p, *kw);
            cx.reg(&p.child("path"), hp.sp);
            if let Some(t) = kind {
                cx.reg(&p.child("type"), t.sp);
            }
            let host = cx.string(&hp.value);
            let kind = opt(kind.map(|t| word(&k, t.value)));
            ok(&k, ctor!(k, VolumeSource::host_path(host, kind)))
        }
        VolSrc::Nfs {
            server,
            path: np,
            read_only,
        } => {
            let p = path.child("nfs");
            cx.reg(&p.child("server"), server.sp);
            cx.reg(&p.child("path"), np.sp);
            let (server, export, ro) = (
                cx.string(&server.value),
                cx.string(&np.value),
                cx.boolean(*read_only),
            );
            ok(&k, ctor!(k, VolumeSource::nfs(server, export, ro)))
        }
        VolSrc::Claim { claim, read_only } => {
            cx.reg(
                &path.child("persistentVolumeClaim").child("claimName"),
                claim.sp(),
            );
            let (claim, ro) = (cx.text(claim), cx.boolean(*read_only));
            ok(&k, ctor!(k, VolumeSource::claim(claim, ro)))
        }
        VolSrc::ConfigMap { name, opts } => {
            let p = path.child("configMap");
            cx.reg(&p.child("name"), name.sp);
            let (default_mode, items, optional) = projection(cx, opts, &p);
            let name = cx.string(&name.value);
            let volume = record!(
                k,
                volume::ConfigMapVolume {
                    default_mode,
                    items,
                    name,
                    optional,
                }
            );
            ok(&k, ctor!(k, VolumeSource::ConfigMap(volume)))
        }
        VolSrc::Secret { name, opts } => {
            let p = path.child("secret");
            cx.reg(&p.child("secretName"), name.sp);
            let (default_mode, items, optional) = projection(cx, opts, &p);
            let secret_name = cx.string(&name.value);
            let volume = record!(
                k,
                volume::SecretVolume {
                    default_mode,
                    items,
                    optional,
                    secret_name,
                }
            );
            ok(&k, ctor!(k, VolumeSource::Secret(volume)))
        }
        VolSrc::DownwardApi {
            items,
            default_mode,
        } => {
            let p = path.child("downwardAPI");
            if let Some(m) = default_mode {
                cx.reg(&p.child("defaultMode"), m.sp());
            }
            let mut files = Vec::new();
            for (j, it) in items.iter().enumerate() {
                let ip = p.child("items").index(j);
                cx.reg(&ip, it.path.sp);
                // The API server reports an item's fields on `downwardAPI` itself, without
                // `items[j]`: register both, told apart by the value written.
                for base in [&ip, &p] {
                    cx.reg_value(&base.child("path"), it.path.sp, &it.path.value);
                    if let Some(m) = &it.mode {
                        cx.reg(&base.child("mode"), m.sp());
                    }
                }
                let source = match &it.source {
                    DownwardSrc::Field(f) => {
                        for base in [&ip, &p] {
                            cx.reg_value(&base.child("fieldRef"), f.sp, &f.value);
                            cx.reg_value(
                                &base.child("fieldRef").child("fieldPath"),
                                f.sp,
                                &f.value,
                            );
                        }
                        let f = cx.string(&f.value);
                        ctor!(k, volume::DownwardApiSource::Field(f))
                    }
                    DownwardSrc::Resource {
                        container,
                        resource,
                        divisor,
                    } => {
                        for base in [&ip, &p] {
                            let rp = base.child("resourceFieldRef");
                            cx.reg(&rp, container.sp.to(resource.sp));
                            cx.reg_value(
                                &rp.child("containerName"),
                                container.sp,
                                &container.value,
                            );
                            cx.reg_value(&rp.child("resource"), resource.sp, &resource.value);
                            if let Some(d) = divisor {
                                cx.reg(&rp.child("divisor"), d.sp());
                            }
                        }
                        let container_name = cx.string(&container.value);
                        let resource = cx.string(&resource.value);
                        let divisor = opt(divisor.as_ref().map(|d| cx.quantity(d)));
                        record!(
                            k,
                            volume::DownwardApiSource::Resource {
                                container_name,
                                resource,
                                divisor,
                            }
                        )
                    }
                };
                let file_path = cx.string(&it.path.value);
                let mode = opt(it.mode.as_ref().map(|m| cx.file_mode(m)));
                files.push(record!(
                    k,
                    volume::DownwardApiFile {
                        path: file_path,
                        mode,
                        source,
                    }
                ));
            }
            let default_mode = opt(default_mode.as_ref().map(|m| cx.file_mode(m)));
            let items = vec(files);
            let volume = record!(
                k,
                volume::DownwardApiVolume {
                    default_mode,
                    items,
                }
            );
            ok(&k, ctor!(k, VolumeSource::DownwardApi(volume)))
        }
        VolSrc::Csi {
            driver,
            fs_type,
            read_only,
            attributes,
            secret,
        } => {
            let p = path.child("csi");
            cx.reg(&p.child("driver"), driver.sp);
            if let Some(f) = fs_type {
                cx.reg(&p.child("fsType"), f.sp);
            }
            reg_map(cx, &p.child("volumeAttributes"), attributes);
            if let Some(s) = secret {
                cx.reg(&p.child("nodePublishSecretRef"), s.sp);
                cx.reg(&p.child("nodePublishSecretRef").child("name"), s.sp);
                // The API server reports the secret's name as `csi.name`.
                cx.reg(&p.child("name"), s.sp);
            }
            let driver = cx.string(&driver.value);
            let fs_type = opt(fs_type.as_ref().map(|s| cx.string(&s.value)));
            let node_publish_secret_ref = opt(secret.as_ref().map(|s| {
                let name = cx.string(&s.value);
                record!(k, volume::LocalObjectReference { name })
            }));
            let read_only = opt(read_only.map(|b| cx.boolean(b)));
            let pairs = map_pairs(cx, attributes);
            let volume_attributes = string_map(pairs);
            let volume = record!(
                k,
                volume::CsiVolume {
                    driver,
                    fs_type,
                    node_publish_secret_ref,
                    read_only,
                    volume_attributes,
                }
            );
            ok(&k, ctor!(k, VolumeSource::Csi(volume)))
        }
        VolSrc::Ephemeral(spec) => {
            let tp = path.child("ephemeral").child("volumeClaimTemplate");
            let template = claim_template(cx, spec, None, &tp);
            ctor!(k, VolumeSource::ephemeral_claim(template))
        }
        VolSrc::Projected {
            default_mode,
            sources,
        } => {
            let p = path.child("projected");
            if let Some(m) = default_mode {
                cx.reg(&p.child("defaultMode"), m.sp());
            }
            let default_mode = opt(default_mode.as_ref().map(|m| cx.file_mode(m)));
            let sources = projected_sources(cx, sources, &p);
            let volume = record!(
                k,
                volume::ProjectedVolume {
                    default_mode,
                    sources
                }
            );
            ok(&k, ctor!(k, VolumeSource::Projected(volume)))
        }
    }
}

/// A `projected` volume's sources.
fn projected_sources(
    cx: &mut Cx,
    sources: &[ProjSrc],
    p: &FieldPath,
) -> Lowered<Vec<kvol_core::volume::VolumeProjection>> {
    let k = cx.k.clone();
    let mut out = Vec::new();
    for (j, src) in sources.iter().enumerate() {
        let sp = p.child("sources").index(j);
        let lowered = match src {
            ProjSrc::Token {
                path,
                audience,
                expiration,
            } => {
                let tp = sp.child("serviceAccountToken");
                cx.reg(&sp, path.sp);
                cx.reg(&tp, path.sp);
                cx.reg(&tp.child("path"), path.sp);
                if let Some(a) = audience {
                    cx.reg(&tp.child("audience"), a.sp);
                }
                if let Some(e) = expiration {
                    cx.reg(&tp.child("expirationSeconds"), e.sp());
                }
                let path = cx.string(&path.value);
                let audience = opt(audience.as_ref().map(|a| cx.string(&a.value)));
                let expiration = opt(expiration.as_ref().map(|e| cx.int64(e)));
                ctor!(
                    k,
                    volume::VolumeProjection::service_account_token(path, audience, expiration)
                )
            }
            ProjSrc::ConfigMap { name, opts } | ProjSrc::Secret { name, opts } => {
                let secret = matches!(src, ProjSrc::Secret { .. });
                let kp = sp.child(if secret { "secret" } else { "configMap" });
                cx.reg(&sp, name.sp);
                cx.reg(&kp.child("name"), name.sp);
                let (_, items, optional) = projection(cx, opts, &kp);
                let name = cx.string(&name.value);
                if secret {
                    let s = record!(
                        k,
                        volume::SecretProjection {
                            items,
                            name,
                            optional
                        }
                    );
                    let secret = opt(Some(s));
                    let (cluster_trust_bundle, config_map, downward_api, service_account_token) =
                        (opt(None), opt(None), opt(None), opt(None));
                    record!(
                        k,
                        volume::VolumeProjection {
                            cluster_trust_bundle,
                            config_map,
                            downward_api,
                            secret,
                            service_account_token,
                        }
                    )
                } else {
                    let c = record!(
                        k,
                        volume::ConfigMapProjection {
                            items,
                            name,
                            optional
                        }
                    );
                    let config_map = opt(Some(c));
                    let (cluster_trust_bundle, secret, downward_api, service_account_token) =
                        (opt(None), opt(None), opt(None), opt(None));
                    record!(
                        k,
                        volume::VolumeProjection {
                            cluster_trust_bundle,
                            config_map,
                            downward_api,
                            secret,
                            service_account_token,
                        }
                    )
                }
            }
        };
        out.push(lowered);
    }
    vec(out)
}

/// The shared options of `config_map` and `secret`: default mode, items, optional.
#[allow(clippy::type_complexity)]
fn projection(
    cx: &mut Cx,
    opts: &Projection,
    p: &FieldPath,
) -> (
    Lowered<Option<kvol_core::volume::FileMode>>,
    Lowered<Vec<kvol_core::volume::KeyToPath>>,
    Lowered<Option<bool>>,
) {
    if let Some(m) = &opts.default_mode {
        cx.reg(&p.child("defaultMode"), m.sp());
    }
    let default_mode = opt(opts.default_mode.as_ref().map(|m| cx.file_mode(m)));
    let items = opts
        .items
        .iter()
        .enumerate()
        .map(|(j, it)| key_to_path(cx, it, &p.child("items").index(j)))
        .collect();
    let optional = opt(opts.optional.map(|b| cx.boolean(b)));
    (default_mode, vec(items), optional)
}

fn key_to_path(cx: &mut Cx, it: &Item, ip: &FieldPath) -> Lowered<kvol_core::volume::KeyToPath> {
    cx.reg(ip, it.key.sp.to(it.path.sp));
    cx.reg(&ip.child("key"), it.key.sp);
    cx.reg(&ip.child("path"), it.path.sp);
    if let Some(m) = &it.mode {
        cx.reg(&ip.child("mode"), m.sp());
    }
    let key = cx.string(&it.key.value);
    let mode = opt(it.mode.as_ref().map(|m| cx.file_mode(m)));
    let path = cx.string(&it.path.value);
    let k = cx.k.clone();
    record!(k, volume::KeyToPath { key, mode, path })
}
