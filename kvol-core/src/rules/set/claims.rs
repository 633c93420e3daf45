//! Claim references: every `persistentVolumeClaim.claimName` names a claim of its namespace
//! (with a "did you mean"), and the index of the claims that exist.

use super::{Cross, Naming, Unit};
use crate::rules::ids;
use crate::{
    binding::FxMap,
    object::Object,
    pod::PodSpec,
    pvc::PvcTemplate,
    report::{ErrorKind, FieldError, quote},
    suggest::closest_name,
    validate::Checker,
    volume::VolumeSource,
};
use std::{borrow::Cow, cell::OnceCell, collections::HashMap};

impl<'a> Cross<'a> {
    pub(super) fn check_claim_references(
        &self,
        claims: &ClaimIndex<'_, 'a>,
        checker: &mut Checker,
    ) {
        let mut suggestions = Suggestions::default();
        for (i, object) in self.m.objects.iter().enumerate() {
            let (namespace, spec, templates, in_template): (_, &PodSpec, &[PvcTemplate], _) =
                match object {
                    Object::Pod(pod) => (self.ns(&pod.metadata.namespace), &pod.spec, &[], false),
                    Object::StatefulSet(sts) => (
                        self.ns(&sts.metadata.namespace),
                        &sts.spec.template.spec,
                        &sts.spec.volume_claim_templates,
                        true,
                    ),
                    Object::Deployment(d) => (
                        self.ns(&d.metadata.namespace),
                        &d.spec.template.spec,
                        &[],
                        true,
                    ),
                    Object::DaemonSet(d) => (
                        self.ns(&d.metadata.namespace),
                        &d.spec.template.spec,
                        &[],
                        true,
                    ),
                    _ => continue,
                };
            for (k, volume) in spec.volumes.iter().enumerate() {
                let VolumeSource::PersistentVolumeClaim(source) = &volume.source else {
                    continue;
                };
                let name = source.claim_name.as_str();
                // Empty names are the pod rules' business; a claim template of the same name
                // replaces the volume in every pod.
                let replaced = || {
                    templates
                        .iter()
                        .any(|t| t.metadata.name.as_ref() == Some(&volume.name))
                };
                if name.is_empty() || replaced() {
                    continue;
                }
                if claims.exists(namespace, name) {
                    continue;
                }
                let spec_path = match in_template {
                    true => self.path(i).child("spec").child("template").child("spec"),
                    false => self.path(i).child("spec"),
                };
                let path = spec_path
                    .child("volumes")
                    .index(k)
                    .child("persistentVolumeClaim")
                    .child("claimName");
                let mut detail = format!(
                    "no PersistentVolumeClaim of that name in namespace {} in this set, and none \
                     declared external",
                    quote(namespace)
                );
                if let Some(s) = suggestions.claim(claims, namespace, name) {
                    detail.push_str(&format!("; did you mean {}?", quote(&s)));
                }
                let elsewhere = claims.namespaces_of(name);
                if !elsewhere.is_empty() {
                    let list: Vec<String> = elsewhere.iter().map(|n| quote(n)).collect();
                    detail.push_str(&format!(
                        "; a claim of that name exists in namespace {} (a pod can only use \
                         claims of its own namespace)",
                        list.join(", ")
                    ));
                }
                let value = Some(quote(name));
                checker.error_in(
                    i,
                    FieldError::new(
                        ids::S5_KVOL_CLAIM_NAME_EXISTS,
                        path,
                        ErrorKind::NotFound,
                        value,
                        detail,
                    )
                    .with_help(
                        "a claim that exists outside this set is declared with \
                         `Manifests::external_claim`",
                    ),
                );
            }
        }
    }
}

/// Which claims exist: in the set (objects, templates, ephemeral volumes) or declared.
pub(super) struct ClaimIndex<'u, 'a> {
    cross: &'u Cross<'a>,
    pub(super) units: &'u [Unit<'a>],
    /// Single claims by (namespace, name): the first unit.
    single: FxMap<(&'u str, &'u str), usize>,
    /// Per-replica units by (namespace, name prefix up to the ordinal).
    templates: FxMap<(&'a str, &'u str), Vec<usize>>,
    /// Per-replica units whose names go on after the ordinal (ephemeral volumes), by namespace.
    suffixed: FxMap<&'a str, Vec<usize>>,
    /// Namespaces of single claims, by name (built on the first miss).
    by_name: OnceCell<FxMap<&'u str, Vec<&'a str>>>,
}

impl<'u, 'a> ClaimIndex<'u, 'a> {
    /// `single` already holds the first unit of each claim name borrowed from the set.
    pub(super) fn new(
        cross: &'u Cross<'a>,
        units: &'u [Unit<'a>],
        single: FxMap<(&'u str, &'u str), usize>,
    ) -> Self {
        let mut index = ClaimIndex {
            cross,
            units,
            single,
            templates: FxMap::default(),
            suffixed: FxMap::default(),
            by_name: OnceCell::new(),
        };
        for (u, unit) in units.iter().enumerate() {
            match &unit.naming {
                Naming::Single(Cow::Borrowed(_)) => {}
                Naming::Single(name) => {
                    // After the borrowed names, so the first unit wins by index.
                    let first = index.single.entry((unit.namespace, name)).or_insert(u);
                    *first = (*first).min(u);
                }
                Naming::PerReplica { prefix, suffix, .. } if suffix.is_empty() => {
                    let head = prefix.strip_suffix('-').unwrap_or(prefix);
                    index
                        .templates
                        .entry((unit.namespace, head))
                        .or_default()
                        .push(u);
                }
                Naming::PerReplica { .. } => {
                    index.suffixed.entry(unit.namespace).or_default().push(u)
                }
            }
        }
        index
    }

    /// The per-replica unit that creates claim `namespace/name`, with the ordinal.
    pub(super) fn per_replica_unit(&self, namespace: &str, name: &str) -> Option<(usize, u64)> {
        if let Some((head, _)) = name.rsplit_once('-')
            && let Some(list) = self.templates.get(&(namespace, head))
        {
            for &u in list {
                if let Some(o) = self.units[u].ordinal_of(name) {
                    return Some((u, o));
                }
            }
        }
        let list = self.suffixed.get(namespace)?;
        list.iter()
            .find_map(|&u| self.units[u].ordinal_of(name).map(|o| (u, o)))
    }

    /// The unit that creates claim `namespace/name`, with the ordinal (0 for single claims).
    pub(super) fn unit_of(&self, namespace: &str, name: &str) -> Option<(usize, u64)> {
        match self.single.get(&(namespace, name)) {
            Some(&u) => Some((u, 0)),
            None => self.per_replica_unit(namespace, name),
        }
    }

    pub(super) fn exists(&self, namespace: &str, name: &str) -> bool {
        self.unit_of(namespace, name).is_some() || self.cross.external_claim(namespace, name)
    }

    /// The namespaces with a PersistentVolumeClaim (or ephemeral claim) of this name.
    pub(super) fn namespaces_of(&self, name: &str) -> Vec<&'a str> {
        let by_name = self.by_name.get_or_init(|| {
            let mut map: FxMap<&'u str, Vec<&'a str>> = FxMap::default();
            for unit in self.units {
                if let Naming::Single(n) = &unit.naming {
                    map.entry(n).or_default().push(unit.namespace);
                }
            }
            map
        });
        let mut out: Vec<&'a str> = by_name.get(name).cloned().unwrap_or_default();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Candidate claim names per namespace, built on the first miss.
#[derive(Default)]
pub(super) struct Suggestions {
    claims: HashMap<String, Vec<String>>,
}

impl Suggestions {
    pub(super) fn claim(
        &mut self,
        claims: &ClaimIndex<'_, '_>,
        namespace: &str,
        name: &str,
    ) -> Option<String> {
        let list = self.claims.entry(namespace.to_owned()).or_insert_with(|| {
            let mut list: Vec<String> = Vec::new();
            for unit in claims.units.iter().filter(|u| u.namespace == namespace) {
                match &unit.naming {
                    Naming::Single(n) => list.push(n.to_string()),
                    Naming::PerReplica {
                        start, replicas, ..
                    } if *replicas > 0 => {
                        list.push(unit.name(*start).into_owned());
                    }
                    Naming::PerReplica { .. } => {}
                }
            }
            for (ns, n) in claims.cross.m.external_claims() {
                if ns.unwrap_or(&claims.cross.m.namespace) == namespace {
                    list.push(n.to_owned());
                }
            }
            list
        });
        closest_name(name, list.iter().map(String::as_str)).map(str::to_owned)
    }
}
