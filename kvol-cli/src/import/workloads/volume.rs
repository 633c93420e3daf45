//! Pod volume sources (`volume NAME: SOURCE`) and claim templates (`claim: NAME SIZE MODES
//! [CLASS]`, `ephemeral SIZE MODES [CLASS]`).

use super::{Ctx, map, string};
use crate::import::{
    ImportError,
    source::{name, quantity},
};
use kvol_core::model::{
    pvc::{ClassRef, PvcTemplate},
    volume::{
        DownwardApiFile, DownwardApiSource, FileMode, KeyToPath, StorageMedium, VolumeSource,
    },
};

fn mode(m: FileMode) -> String {
    format!("0o{:o}", m.0)
}

/// `items: ["key" => "path" [MODE], …]`.
fn items(items: &[KeyToPath]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|i| {
            let mut s = format!("{} => {}", string(&i.key), string(&i.path));
            if let Some(m) = i.mode {
                s.push_str(&format!(" {}", mode(m)));
            }
            s
        })
        .collect();
    format!("items: [{}]", items.join(", "))
}

/// `{ default_mode: …, optional: …, items: […] }` of a configMap or secret (empty: nothing).
fn projection(
    default_mode: Option<FileMode>,
    optional: Option<bool>,
    list: &[KeyToPath],
) -> String {
    let mut parts = Vec::new();
    if let Some(m) = default_mode {
        parts.push(format!("default_mode: {}", mode(m)));
    }
    if let Some(o) = optional {
        parts.push(format!("optional: {o}"));
    }
    if !list.is_empty() {
        parts.push(items(list));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" {{ {} }}", parts.join(", "))
    }
}

fn downward_items(cx: &Ctx, files: &[DownwardApiFile], at: &str) -> Result<String, ImportError> {
    let mut out = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let mut s = format!("{} => ", string(&f.path));
        match &f.source {
            DownwardApiSource::Field(p) => s.push_str(&format!("field {}", string(p))),
            DownwardApiSource::Resource {
                container_name,
                resource,
                divisor,
            } => {
                if container_name.is_empty() {
                    return Err(cx.doc.error(
                        &format!("{at}.items[{i}].resourceFieldRef.containerName"),
                        "a downward API resource needs a container name",
                    ));
                }
                s.push_str(&format!(
                    "resource {} {}",
                    name(container_name),
                    string(resource)
                ));
                if let Some(d) = divisor {
                    s.push_str(&format!(" {}", quantity(&d.canonical())));
                }
            }
        }
        if let Some(m) = f.mode {
            s.push_str(&format!(" mode {}", mode(m)));
        }
        out.push(s);
    }
    Ok(format!("items: [{}]", out.join(", ")))
}

/// A volume source as the macros write it, for the volume at `at`.
pub(super) fn source(cx: &Ctx, v: &VolumeSource, at: &str) -> Result<String, ImportError> {
    Ok(match v {
        VolumeSource::EmptyDir(e) => {
            let mut s = "empty_dir".to_owned();
            match e.medium {
                None => {}
                Some(StorageMedium::Memory) => s.push_str(" memory"),
                Some(StorageMedium::HugePages) => {
                    return Err(cx.doc.error(
                        &format!("{at}.emptyDir.medium"),
                        "the macros' `empty_dir` has no HugePages medium",
                    ));
                }
            }
            if let Some(q) = &e.size_limit {
                s.push_str(&format!(" {}", quantity(&q.canonical())));
            }
            s
        }
        VolumeSource::HostPath(h) => match h.kind {
            Some(k) => format!("host_path {} {}", string(&h.path), k.as_str()),
            None => format!("host_path {}", string(&h.path)),
        },
        VolumeSource::Nfs(n) => {
            let ro = if n.read_only { " read_only" } else { "" };
            format!("nfs {} {}{ro}", string(&n.server), string(&n.path))
        }
        VolumeSource::PersistentVolumeClaim(c) => {
            let ro = if c.read_only { " read_only" } else { "" };
            format!("claim {}{ro}", name(&c.claim_name))
        }
        VolumeSource::ConfigMap(c) => format!(
            "config_map {}{}",
            name(&c.name),
            projection(c.default_mode, c.optional, &c.items)
        ),
        VolumeSource::Secret(s) => format!(
            "secret {}{}",
            name(&s.secret_name),
            projection(s.default_mode, s.optional, &s.items)
        ),
        VolumeSource::DownwardApi(d) => {
            let mut parts = Vec::new();
            if let Some(m) = d.default_mode {
                parts.push(format!("default_mode: {}", mode(m)));
            }
            parts.push(downward_items(cx, &d.items, &format!("{at}.downwardAPI"))?);
            format!("downward_api {{ {} }}", parts.join(", "))
        }
        VolumeSource::Csi(c) => {
            let mut parts = Vec::new();
            if let Some(f) = &c.fs_type {
                parts.push(format!("fs_type: {}", name(f)));
            }
            if let Some(r) = c.read_only {
                parts.push(format!("read_only: {r}"));
            }
            if !c.volume_attributes.is_empty() {
                parts.push(format!("attributes: {}", map(&c.volume_attributes)));
            }
            if let Some(s) = &c.node_publish_secret_ref {
                parts.push(format!("secret: {}", name(&s.name)));
            }
            if parts.is_empty() {
                format!("csi {}", string(&c.driver))
            } else {
                format!("csi {} {{ {} }}", string(&c.driver), parts.join(", "))
            }
        }
        VolumeSource::Ephemeral(e) => {
            let t = &e.volume_claim_template;
            let tat = format!("{at}.ephemeral.volumeClaimTemplate");
            if t.metadata.name.is_some() {
                return Err(cx.doc.error(
                    &format!("{tat}.metadata.name"),
                    "an ephemeral volume's claim template has no name",
                ));
            }
            format!("ephemeral {}", claim(cx, t, &tat)?)
        }
        VolumeSource::Projected(p) => {
            let mut sources = Vec::new();
            for (i, s) in p.sources.iter().enumerate() {
                let sat = format!("{at}.projected.sources[{i}]");
                if s.kinds().len() != 1 {
                    return Err(cx
                        .doc
                        .error(&sat, "a projected source needs exactly one kind"));
                }
                if let Some(t) = &s.service_account_token {
                    let mut opts = Vec::new();
                    if let Some(a) = &t.audience {
                        opts.push(format!("audience: {}", string(a)));
                    }
                    if let Some(e) = t.expiration_seconds {
                        opts.push(format!("expiration: {e}"));
                    }
                    let mut text = format!("service_account_token {}", string(&t.path));
                    if !opts.is_empty() {
                        text.push_str(&format!(" {{ {} }}", opts.join(", ")));
                    }
                    sources.push(text);
                } else if let Some(c) = &s.config_map {
                    sources.push(format!(
                        "config_map {}{}",
                        name(&c.name),
                        projection(None, c.optional, &c.items)
                    ));
                } else if let Some(c) = &s.secret {
                    sources.push(format!(
                        "secret {}{}",
                        name(&c.name),
                        projection(None, c.optional, &c.items)
                    ));
                } else {
                    let kind = s.kinds().first().copied().unwrap_or_default();
                    return Err(cx.doc.error(
                        &format!("{sat}.{kind}"),
                        "the macros' projected volumes take service_account_token, config_map \
                         and secret sources only",
                    ));
                }
            }
            let mut parts = Vec::new();
            if let Some(m) = p.default_mode {
                parts.push(format!("default_mode: {}", mode(m)));
            }
            parts.push(format!("sources: [{}]", sources.join(", ")));
            format!("projected {{ {} }}", parts.join(", "))
        }
    })
}

/// `SIZE MODES [CLASS]` of a claim template at `at`; its other fields are refused.
pub(super) fn claim(cx: &Ctx, t: &PvcTemplate, at: &str) -> Result<String, ImportError> {
    let s = &t.spec;
    let refused = [
        ("spec.dataSource", s.data_source.is_some()),
        ("spec.dataSourceRef", s.data_source_ref.is_some()),
        ("spec.resources.limits", s.resources.limits.is_some()),
        ("spec.selector", s.selector.is_some()),
        (
            "spec.volumeAttributesClassName",
            s.volume_attributes_class_name.is_some(),
        ),
        ("spec.volumeName", s.volume_name.is_some()),
        ("spec", !s.extra.is_empty()),
    ];
    for (field, set) in refused {
        if set {
            return Err(cx.doc.error(
                &format!("{at}.{field}"),
                "the macros' claim templates are `[NAME] SIZE MODES [CLASS] [{ labels, \
                 annotations, volume_mode }]`: this field cannot be said",
            ));
        }
    }
    if s.access_modes.is_empty() {
        return Err(cx.doc.error(
            &format!("{at}.spec.accessModes"),
            "the macros' claim templates need an access mode",
        ));
    }
    let modes: Vec<&str> = s.access_modes.iter().map(|m| m.abbreviation()).collect();
    let mut text = format!(
        "{} {}",
        quantity(&s.resources.requests.canonical()),
        modes.join(" | ")
    );
    match &s.storage_class {
        ClassRef::ClusterDefault => {}
        ClassRef::NoClass => text.push_str(" \"\""),
        ClassRef::Named(n) => text.push_str(&format!(" {}", string(n))),
    }
    let mut options = Vec::new();
    if !t.metadata.labels.is_empty() {
        options.push(format!("labels: {}", map(&t.metadata.labels)));
    }
    if !t.metadata.annotations.is_empty() {
        options.push(format!("annotations: {}", map(&t.metadata.annotations)));
    }
    if let Some(m) = s.volume_mode {
        options.push(format!("volume_mode: {}", m.as_str()));
    }
    if !options.is_empty() {
        text.push_str(&format!(" {{ {} }}", options.join(", ")));
    }
    Ok(text)
}
