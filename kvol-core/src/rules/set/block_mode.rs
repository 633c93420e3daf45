//! Volume modes against how containers use them: a Block-mode claim mounted with
//! `volumeMounts`, or a Filesystem-mode claim attached with `volumeDevices`. The API server
//! accepts both; the kubelet refuses to start the pod ("has volumeMode Block, but is specified
//! in volumeMounts"), which stays in ContainerCreating.

use super::{Cross, claims::ClaimIndex};
use crate::{
    access::VolumeMode,
    object::Object,
    pod::{Container, PodSpec},
    pvc::{PvcSpec, PvcTemplate},
    report::{FieldError, FieldPath, quote},
    rules::ids,
    validate::Checker,
    volume::VolumeSource,
};

impl<'a> Cross<'a> {
    pub(super) fn check_block_mode(&self, claims: &ClaimIndex<'_, 'a>, checker: &mut Checker) {
        for (i, object) in self.m.objects.iter().enumerate() {
            let (namespace, spec, templates, spec_path): (_, &PodSpec, &[PvcTemplate], _) =
                match object {
                    Object::Pod(pod) => (
                        self.ns(&pod.metadata.namespace),
                        &pod.spec,
                        &[][..],
                        self.path(i).child("spec"),
                    ),
                    Object::StatefulSet(sts) => (
                        self.ns(&sts.metadata.namespace),
                        &sts.spec.template.spec,
                        &sts.spec.volume_claim_templates[..],
                        self.path(i).child("spec").child("template").child("spec"),
                    ),
                    _ => continue,
                };
            // The claim spec behind a volume name, when the set holds it.
            let claim_of = |volume: &str| -> Option<&PvcSpec> {
                if let Some(t) = templates
                    .iter()
                    .find(|t| t.metadata.name.as_deref() == Some(volume))
                {
                    return Some(&t.spec);
                }
                let v = spec.volumes.iter().find(|v| v.name == volume)?;
                match &v.source {
                    VolumeSource::Ephemeral(e) => Some(&e.volume_claim_template.spec),
                    VolumeSource::PersistentVolumeClaim(c) => {
                        let (u, _) = claims.unit_of(namespace, &c.claim_name)?;
                        claims.units.get(u).map(|unit| unit.spec)
                    }
                    _ => None,
                }
            };
            let lists = [
                ("containers", &spec.containers),
                ("initContainers", &spec.init_containers),
            ];
            for (list_name, list) in lists {
                for (ci, c) in list.iter().enumerate() {
                    let cp = spec_path.child(list_name).index(ci);
                    self.check_container(i, c, &cp, &claim_of, checker);
                }
            }
        }
    }

    fn check_container<'s>(
        &self,
        i: usize,
        c: &Container,
        path: &FieldPath,
        claim_of: &dyn Fn(&str) -> Option<&'s PvcSpec>,
        checker: &mut Checker,
    ) {
        for (j, m) in c.volume_mounts.iter().enumerate() {
            let Some(spec) = claim_of(&m.name) else {
                continue;
            };
            if spec.volume_mode == Some(VolumeMode::Block) {
                checker.error_in(
                    i,
                    FieldError::invalid(
                        ids::S6_1_KVOL_BLOCK_CLAIM_MOUNTED,
                        path.child("volumeMounts").index(j).child("name"),
                        &m.name,
                        format!(
                            "the claim behind volume {} has volumeMode Block: the kubelet \
                             refuses to mount a raw block device as a filesystem and the pod \
                             stays in ContainerCreating",
                            quote(&m.name)
                        ),
                    )
                    .with_help(
                        "attach a Block-mode claim with volumeDevices (a devicePath such as \
                         /dev/xvda), or give the claim volumeMode Filesystem",
                    ),
                );
            }
        }
        for (j, d) in c.volume_devices.iter().enumerate() {
            let Some(spec) = claim_of(&d.name) else {
                continue;
            };
            if spec.volume_mode != Some(VolumeMode::Block) {
                checker.error_in(
                    i,
                    FieldError::invalid(
                        ids::S6_2_KVOL_FILESYSTEM_CLAIM_AS_DEVICE,
                        path.child("volumeDevices").index(j).child("name"),
                        &d.name,
                        format!(
                            "the claim behind volume {} has volumeMode Filesystem (the default): \
                             the kubelet refuses to attach it as a raw block device and the pod \
                             stays in ContainerCreating",
                            quote(&d.name)
                        ),
                    )
                    .with_help(
                        "give the claim volumeMode Block, or mount it with volumeMounts at a \
                         directory",
                    ),
                );
            }
        }
    }
}
