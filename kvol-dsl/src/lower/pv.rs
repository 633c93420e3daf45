//! PersistentVolume sources, including the legacy in-tree plugins.

use super::{
    Cx,
    volume::{map_pairs, reg_map},
    words::word,
};
use crate::{
    ast::{LegacyValue, PvSrc, Val},
    ctxt::Sp,
    lowered::{Lowered, ctor, opt, record, string_map, vec},
};
use kvol_core::{
    FieldPath,
    legacy::LegacyPlugin,
    pv::{CsiSecretRef, PvSource},
};

/// The PV source, its paths registered under `spec`.
pub fn pv_source(cx: &mut Cx, src: &PvSrc, spec: &FieldPath) -> Lowered<PvSource> {
    let k = cx.k.clone();
    match src {
        PvSrc::HostPath { path, kind, kw } => {
            let p = spec.child("hostPath");
            cx.reg(&p, *kw);
            cx.reg(&p.child("path"), path.sp);
            if let Some(t) = kind {
                cx.reg(&p.child("type"), t.sp);
            }
            let host = cx.string(&path.value);
            let kind = opt(kind.map(|t| word(&k, t.value)));
            ctor!(k, PvSource::host_path(host, kind))
        }
        PvSrc::Local { path, fs_type, kw } => {
            let p = spec.child("local");
            cx.reg(&p, *kw);
            cx.reg(&p.child("path"), path.sp);
            if let Some(f) = fs_type {
                cx.reg(&p.child("fsType"), f.sp);
            }
            let fs_type = opt(fs_type.as_ref().map(|s| cx.string(&s.value)));
            let path = cx.string(&path.value);
            let local = record!(k, pv::LocalVolume { fs_type, path });
            ctor!(k, PvSource::Local(local))
        }
        PvSrc::Nfs {
            server,
            path,
            read_only,
        } => {
            let p = spec.child("nfs");
            cx.reg(&p.child("server"), server.sp);
            cx.reg(&p.child("path"), path.sp);
            let path = cx.string(&path.value);
            let read_only = cx.boolean(*read_only);
            let server = cx.string(&server.value);
            let nfs = record!(
                k,
                volume::Nfs {
                    path,
                    read_only,
                    server,
                }
            );
            ctor!(k, PvSource::Nfs(nfs))
        }
        PvSrc::Csi {
            driver,
            handle,
            fs_type,
            read_only,
            attributes,
            secrets,
        } => {
            let p = spec.child("csi");
            cx.reg(&p.child("driver"), driver.sp);
            cx.reg(&p.child("volumeHandle"), handle.sp);
            if let Some(f) = fs_type {
                cx.reg(&p.child("fsType"), f.sp);
            }
            reg_map(cx, &p.child("volumeAttributes"), attributes);
            let driver = cx.string(&driver.value);
            let fs_type = opt(fs_type.as_ref().map(|s| cx.string(&s.value)));
            let mut refs: [Option<Lowered<kvol_core::pv::SecretReference>>; 5] = Default::default();
            for (which, ns, name) in secrets {
                let r = p.child(which.key());
                cx.reg(&r, ns.sp.to(name.sp));
                cx.reg(&r.child("namespace"), ns.sp);
                cx.reg(&r.child("name"), name.sp);
                let (namespace, name) = (cx.string(&ns.value), cx.string(&name.value));
                let slot = CsiSecretRef::ALL.iter().position(|w| w == which);
                if let Some(i) = slot {
                    refs[i] = Some(record!(k, pv::SecretReference { name, namespace }));
                }
            }
            let [
                controller_expand_secret_ref,
                controller_publish_secret_ref,
                node_expand_secret_ref,
                node_publish_secret_ref,
                node_stage_secret_ref,
            ] = refs.map(opt);
            let read_only = opt(read_only.map(|b| cx.boolean(b)));
            let pairs = map_pairs(cx, attributes);
            let volume_attributes = string_map(pairs);
            let volume_handle = cx.string(&handle.value);
            let csi = record!(
                k,
                pv::CsiPersistentVolume {
                    controller_expand_secret_ref,
                    controller_publish_secret_ref,
                    driver,
                    fs_type,
                    node_expand_secret_ref,
                    node_publish_secret_ref,
                    node_stage_secret_ref,
                    read_only,
                    volume_attributes,
                    volume_handle,
                }
            );
            ctor!(k, PvSource::Csi(csi))
        }
        PvSrc::Iscsi {
            target_portal,
            iqn,
            lun,
            fs_type,
            read_only,
        } => {
            let p = spec.child("iscsi");
            cx.reg(&p.child("targetPortal"), target_portal.sp);
            cx.reg(&p.child("iqn"), iqn.sp);
            cx.reg(&p.child("lun"), lun.sp());
            if let Some(f) = fs_type {
                cx.reg(&p.child("fsType"), f.sp);
            }
            let fs_type = opt(fs_type.as_ref().map(|s| cx.string(&s.value)));
            let iqn = cx.string(&iqn.value);
            let lun = cx.int32(lun, "a LUN");
            let read_only = opt(read_only.map(|b| cx.boolean(b)));
            let target_portal = cx.string(&target_portal.value);
            let iscsi = record!(
                k,
                pv::IscsiVolume {
                    fs_type,
                    iqn,
                    lun,
                    read_only,
                    target_portal,
                }
            );
            ctor!(k, PvSource::Iscsi(iscsi))
        }
        PvSrc::Legacy { plugin, fields, kw } => {
            let p = spec.child(plugin.key());
            cx.reg(&p, *kw);
            let legacy = legacy_source(cx, *plugin, fields, spec);
            ctor!(k, PvSource::Legacy(legacy))
        }
    }
}

/// The fields of a legacy source as written, each looked up by its DSL key.
struct Fields<'a> {
    fields: &'a [(String, Sp, LegacyValue)],
}

impl Fields<'_> {
    fn get(&self, key: &str) -> Option<(&LegacyValue, Sp)> {
        self.fields
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, sp, v)| (v, *sp))
    }
    fn text(&self, cx: &mut Cx, key: &str) -> Lowered<Option<String>> {
        opt(match self.get(key) {
            Some((LegacyValue::Str(s), _)) => Some(cx.string(&s.value)),
            _ => None,
        })
    }
    fn required(&self, cx: &mut Cx, key: &str) -> Lowered<String> {
        match self.get(key) {
            Some((LegacyValue::Str(s), _)) => cx.string(&s.value),
            // A missing required field was reported by the parser.
            _ => cx.string(""),
        }
    }
    fn flag(&self, cx: &mut Cx, key: &str) -> Lowered<bool> {
        cx.boolean(matches!(self.get(key), Some((LegacyValue::Bool(true), _))))
    }
    fn int(&self, cx: &mut Cx, key: &str) -> Lowered<Option<i32>> {
        opt(match self.get(key) {
            Some((LegacyValue::Int(n), sp)) => {
                Some(cx.int32(&Val::Lit(*n, sp), &format!("`{key}`")))
            }
            _ => None,
        })
    }
    fn list(&self, cx: &mut Cx, key: &str) -> Lowered<Vec<String>> {
        vec(match self.get(key) {
            Some((LegacyValue::List(items), _)) => {
                items.iter().map(|s| cx.string(&s.value)).collect()
            }
            _ => Vec::new(),
        })
    }
}

/// A legacy plugin's source from its fields, each field's value registered at its API path.
fn legacy_source(
    cx: &mut Cx,
    plugin: LegacyPlugin,
    fields: &[(String, Sp, LegacyValue)],
    spec: &FieldPath,
) -> Lowered<kvol_core::legacy::LegacySource> {
    let path = spec.child(plugin.key());
    // The API server reports a gcePersistentDisk's fields under `persistentDisk`.
    let quirk = (plugin == LegacyPlugin::GcePersistentDisk).then(|| spec.child("persistentDisk"));
    {
        for (key, sp, _) in fields {
            if let Some(api) = plugin
                .info()
                .fields
                .iter()
                .find(|f| f.name == key)
                .map(|f| f.api)
            {
                cx.reg(&path.child(api), *sp);
                if let Some(q) = &quirk {
                    cx.reg(&q.child(api), *sp);
                }
            }
        }
    }
    let f = Fields { fields };
    let k = cx.k.clone();
    // Each plugin's variant from its fields: `field: how` reads the DSL key of the same name.
    macro_rules! source {
        ($variant:ident { $($field:ident: $how:ident),* $(,)? }) => {{
            $(let $field = f.$how(cx, stringify!($field));)*
            record!(k, legacy::LegacySource::$variant { $($field),* })
        }};
    }
    match plugin {
        LegacyPlugin::GcePersistentDisk => source!(GcePersistentDisk {
            pd_name: required,
            fs_type: text,
            partition: int,
            read_only: flag,
        }),
        LegacyPlugin::AwsElasticBlockStore => source!(AwsElasticBlockStore {
            volume_id: required,
            fs_type: text,
            partition: int,
            read_only: flag,
        }),
        LegacyPlugin::AzureDisk => source!(AzureDisk {
            disk_name: required,
            disk_uri: required,
            fs_type: text,
            read_only: flag,
        }),
        LegacyPlugin::AzureFile => source!(AzureFile {
            secret_name: required,
            share_name: required,
            read_only: flag,
        }),
        LegacyPlugin::Cephfs => source!(Cephfs {
            monitors: list,
            path: text,
            read_only: flag,
        }),
        LegacyPlugin::Cinder => source!(Cinder {
            volume_id: required,
            fs_type: text,
            read_only: flag,
        }),
        LegacyPlugin::Glusterfs => source!(Glusterfs {
            endpoints: required,
            path: required,
            read_only: flag,
        }),
        LegacyPlugin::Rbd => source!(Rbd {
            monitors: list,
            image: required,
            fs_type: text,
            read_only: flag,
        }),
        LegacyPlugin::VsphereVolume => source!(VsphereVolume {
            volume_path: required,
            fs_type: text,
        }),
        LegacyPlugin::PortworxVolume => source!(PortworxVolume {
            volume_id: required,
            fs_type: text,
            read_only: flag,
        }),
    }
}
