//! The claims of the set (PersistentVolumeClaims, claim templates, ephemeral volumes) with
//! their StorageClass resolved as admission and the PV controller do.

use super::{ClassKind, ClassProblem, Cross, Gathered, Loc, Naming, NoProvision, Unit};
use crate::{
    binding::{self, BETA_STORAGE_CLASS_ANNOTATION, ClaimClass, ClaimFacts, NO_PROVISIONER},
    manifests::DefaultClassDeclaration,
    meta::StringMap,
    object::Object,
    pvc::{ClassRef, PvcSpec},
    report::FieldPath,
    storage_class::VolumeBindingMode,
    volume::VolumeSource,
};
use std::borrow::Cow;

impl<'a> Cross<'a> {
    pub(super) fn unit_path(&self, unit: &Unit<'a>) -> FieldPath {
        let object = self.path(unit.obj);
        match unit.loc {
            Loc::Object => object,
            Loc::Template(t) => object.child("spec").child("volumeClaimTemplates").index(t),
            Loc::PodEphemeral(k) => ephemeral_path(&object.child("spec"), k),
            Loc::SetEphemeral(k) => {
                ephemeral_path(&object.child("spec").child("template").child("spec"), k)
            }
        }
    }

    pub(super) fn class_path(&self, unit: &Unit<'a>) -> FieldPath {
        let path = self.unit_path(unit);
        if unit.class_annotated {
            path.child("metadata")
                .child("annotations")
                .key(BETA_STORAGE_CLASS_ANNOTATION)
        } else {
            path.child("spec").child("storageClassName")
        }
    }

    /// The claims and claim templates of object `i`, with their class resolved.
    pub(super) fn collect_units(&self, g: &mut Gathered<'a>, i: usize, object: &'a Object) {
        {
            match object {
                Object::PersistentVolumeClaim(pvc) => {
                    let namespace = self.ns(&pvc.metadata.namespace);
                    let naming = Naming::Single(Cow::Borrowed(pvc.metadata.name.as_str()));
                    self.push_unit(
                        g,
                        (i, Loc::Object),
                        namespace,
                        &pvc.spec,
                        &pvc.metadata.annotations,
                        naming,
                    );
                }
                Object::Pod(pod) => {
                    let namespace = self.ns(&pod.metadata.namespace);
                    for (k, volume) in pod.spec.volumes.iter().enumerate() {
                        if let VolumeSource::Ephemeral(e) = &volume.source {
                            let t = &e.volume_claim_template;
                            let name = format!("{}-{}", pod.metadata.name, volume.name);
                            let naming = Naming::Single(Cow::Owned(name));
                            self.push_unit(
                                g,
                                (i, Loc::PodEphemeral(k)),
                                namespace,
                                &t.spec,
                                &t.metadata.annotations,
                                naming,
                            );
                        }
                    }
                }
                Object::StatefulSet(sts) => {
                    let namespace = self.ns(&sts.metadata.namespace);
                    let replicas = u64::try_from(sts.spec.replicas.unwrap_or(1)).unwrap_or(0);
                    let start = u64::try_from(sts.spec.ordinals_start.unwrap_or(0)).unwrap_or(0);
                    let set = sts.metadata.name.as_str();
                    for (t, template) in sts.spec.volume_claim_templates.iter().enumerate() {
                        let Some(name) = &template.metadata.name else {
                            continue;
                        };
                        let naming = Naming::PerReplica {
                            prefix: format!("{name}-{set}-"),
                            suffix: String::new(),
                            start,
                            replicas,
                            set,
                        };
                        let at = (i, Loc::Template(t));
                        let annotations = &template.metadata.annotations;
                        self.push_unit(g, at, namespace, &template.spec, annotations, naming);
                    }
                    for (k, volume) in sts.spec.template.spec.volumes.iter().enumerate() {
                        if let VolumeSource::Ephemeral(e) = &volume.source {
                            let t = &e.volume_claim_template;
                            let naming = Naming::PerReplica {
                                prefix: format!("{set}-"),
                                suffix: format!("-{}", volume.name),
                                start,
                                replicas,
                                set,
                            };
                            self.push_unit(
                                g,
                                (i, Loc::SetEphemeral(k)),
                                namespace,
                                &t.spec,
                                &t.metadata.annotations,
                                naming,
                            );
                        }
                    }
                }
                // A Deployment's or DaemonSet's ephemeral claims are named after pods whose
                // names are random: they are checked by the claim rules alone.
                _ => {}
            }
        }
    }

    /// Resolves a claim's class the way admission and the PV controller do, and adds the claim.
    pub(super) fn push_unit(
        &self,
        g: &mut Gathered<'a>,
        (obj, loc): (usize, Loc),
        namespace: &'a str,
        spec: &'a PvcSpec,
        annotations: &'a StringMap,
        naming: Naming<'a>,
    ) {
        let mut class_annotated = false;
        let mut problem = None;
        let mut delay = false;
        let mut class_no_provision = None;
        let named: Option<&'a str> = if let Some(a) = annotations.get(BETA_STORAGE_CLASS_ANNOTATION)
        {
            class_annotated = true;
            Some(a.as_str())
        } else {
            match &spec.storage_class {
                ClassRef::Named(n) => Some(n.as_str()),
                ClassRef::NoClass => Some(""),
                ClassRef::ClusterDefault => match (self.default, &self.m.default_class) {
                    (Some((sc, _)), _) => Some(sc.metadata.name.as_str()),
                    (None, DefaultClassDeclaration::Named(n)) => Some(n.as_str()),
                    (None, DefaultClassDeclaration::Assumed) => None,
                    (None, DefaultClassDeclaration::Undeclared) => {
                        problem = Some(ClassProblem::NoDefault);
                        class_no_provision = Some(NoProvision::NoDefault);
                        Some("")
                    }
                },
            }
        };
        let class = match named {
            Some(name) => ClaimClass::Named(name),
            None => ClaimClass::UnknownDefault,
        };
        if let (Some(name), None) = (named, problem) {
            if name.is_empty() {
                class_no_provision = Some(NoProvision::NoClass);
            } else {
                match self.class_kind(name) {
                    ClassKind::InSet(sc) => {
                        delay =
                            sc.volume_binding_mode == Some(VolumeBindingMode::WaitForFirstConsumer);
                        if sc.provisioner == NO_PROVISIONER {
                            class_no_provision = Some(NoProvision::NoProvisioner(name));
                        }
                    }
                    ClassKind::External => {}
                    ClassKind::Missing => {
                        problem = Some(ClassProblem::Missing(name));
                        class_no_provision = Some(NoProvision::MissingClass(name));
                    }
                }
            }
        }
        let no_provision = if spec.volume_name.is_some() {
            Some(NoProvision::VolumeName)
        } else if class_no_provision.is_some() {
            class_no_provision
        } else if spec.selector.is_some() {
            Some(NoProvision::Selector)
        } else {
            None
        };
        let class_id = match class {
            ClaimClass::Named(name) => Some(g.class_id(name)),
            ClaimClass::UnknownDefault => None,
        };
        if let Naming::Single(Cow::Borrowed(name)) = naming {
            g.single.entry((namespace, name)).or_insert(g.units.len());
        }
        let key = match &naming {
            Naming::Single(name) => binding::claim_hash(namespace, name),
            Naming::PerReplica { .. } => 0,
        };
        g.units.push(Unit {
            obj,
            loc,
            namespace,
            spec,
            naming,
            class,
            class_annotated,
            delay,
            no_provision,
            problem,
            facts: ClaimFacts::new(spec, class_id),
            key,
        });
    }
}

pub(super) fn ephemeral_path(spec_path: &FieldPath, k: usize) -> FieldPath {
    spec_path
        .child("volumes")
        .index(k)
        .child("ephemeral")
        .child("volumeClaimTemplate")
}
