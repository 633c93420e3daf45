//! The CSI snapshot CRDs (external-snapshotter `client/config/crd`: the v1 schemas and their
//! `x-kubernetes-validations`, and the validation webhook's `ValidateV1Snapshot`):
//! VolumeSnapshotClass `driver` required; VolumeSnapshot `spec.source` with exactly one of
//! `persistentVolumeClaimName` and `volumeSnapshotContentName`, and `volumeSnapshotClassName`
//! never `""`. Custom resources' names are DNS-1123 subdomains.
//!
//! And VolumeAttributesClasses (`ValidateVolumeAttributesClass` in
//! pkg/apis/storage/validation): the name a DNS-1123 subdomain, `driverName` as a StorageClass
//! provisioner (required, a qualified name once lower-cased), `parameters` as a StorageClass's
//! but with at least one; and the API version the target release serves.

use super::{
    common::{SIZE_LIMIT_256K, invalid_each},
    ids,
    meta::{self, NameFormat},
};
use crate::{
    attributes_class::{AttributesClassVersion, VolumeAttributesClass},
    names,
    report::{FieldError, FieldPath, WarningCode},
    snapshot::{VolumeSnapshot, VolumeSnapshotClass},
    validate::Checker,
};

/// A whole VolumeSnapshotClass.
pub(crate) fn validate_snapshot_class(
    checker: &mut Checker,
    class: &VolumeSnapshotClass,
    path: &FieldPath,
) {
    meta::cluster_meta(
        checker,
        &class.metadata,
        NameFormat::Subdomain,
        ids::S22_NAME_FORMAT,
        &path.child("metadata"),
    );
    if class.driver.is_empty() {
        checker.error(FieldError::required(
            ids::S22_CLASS_DRIVER_REQUIRED,
            path.child("driver"),
            "",
        ));
    }
}

/// A whole VolumeSnapshot.
pub(crate) fn validate_snapshot(checker: &mut Checker, vs: &VolumeSnapshot, path: &FieldPath) {
    meta::object_meta(
        checker,
        &vs.metadata,
        NameFormat::Subdomain,
        ids::S22_NAME_FORMAT,
        &path.child("metadata"),
    );
    let sp = path.child("spec");
    let source = &vs.spec.source;
    if source.persistent_volume_claim_name.is_some()
        == source.volume_snapshot_content_name.is_some()
    {
        checker.error(FieldError::invalid(
            ids::S22_SOURCE_EXACTLY_ONE,
            sp.child("source"),
            "object",
            "exactly one of volumeSnapshotContentName and persistentVolumeClaimName must be set",
        ));
    }
    if vs.spec.volume_snapshot_class_name.as_deref() == Some("") {
        checker.error(FieldError::invalid(
            ids::S22_CLASS_NAME_NOT_EMPTY,
            sp.child("volumeSnapshotClassName"),
            "",
            "volumeSnapshotClassName must not be the empty string when set",
        ));
    }
}

/// The most parameters a VolumeAttributesClass may have (`maxProvisionerParameterLen`).
const MAX_PARAMETERS: usize = 512;

/// A whole VolumeAttributesClass.
pub(crate) fn validate_attributes_class(
    checker: &mut Checker,
    vac: &VolumeAttributesClass,
    path: &FieldPath,
) {
    meta::cluster_meta(
        checker,
        &vac.metadata,
        NameFormat::Subdomain,
        ids::S2_NAME_VOLUMEATTRIBUTESCLASS,
        &path.child("metadata"),
    );
    api_version(checker, vac.api_version, &path.child("apiVersion"));
    let driver = path.child("driverName");
    if vac.driver_name.is_empty() {
        checker.error(FieldError::required(
            ids::S23_DRIVER_NAME_REQUIRED,
            driver,
            "",
        ));
    } else {
        let lower = vac.driver_name.to_lowercase();
        invalid_each(
            checker,
            ids::S23_DRIVER_NAME_FORMAT,
            &driver,
            &vac.driver_name,
            names::qualified_name(&lower),
        );
    }
    let pp = path.child("parameters");
    if vac.parameters.len() > MAX_PARAMETERS {
        checker.error(FieldError::too_long(
            ids::S23_PARAMETERS_COUNT,
            pp,
            MAX_PARAMETERS,
        ));
        return;
    }
    let mut total = 0usize;
    for (key, value) in &vac.parameters {
        if key.is_empty() {
            checker.error(FieldError::invalid(
                ids::S23_PARAMETERS_EMPTY_KEY,
                pp.clone(),
                key,
                "field can not be empty.",
            ));
        }
        total = total.saturating_add(key.len()).saturating_add(value.len());
    }
    if total > SIZE_LIMIT_256K {
        checker.error(FieldError::too_long(
            ids::S23_PARAMETERS_SIZE,
            pp.clone(),
            SIZE_LIMIT_256K,
        ));
    }
    if vac.parameters.is_empty() {
        checker.error(FieldError::required(
            ids::S23_PARAMETERS_REQUIRED,
            pp,
            "must contain at least one key/value pair",
        ));
    }
}

/// The API version must exist in the target release; before 1.34 it is not served unless the
/// cluster enables it (feature gate `VolumeAttributesClass` and `--runtime-config`).
fn api_version(checker: &mut Checker, version: AttributesClassVersion, path: &FieldPath) {
    let target = checker.target();
    let (first, last) = version.served_in();
    if target.minor() < first || target.minor() > last {
        let newest = AttributesClassVersion::for_target(target);
        checker.error(
            FieldError::not_supported(
                ids::S23_KVOL_API_VERSION,
                path.clone(),
                version.as_str(),
                &[newest.as_str()],
            )
            .with_help(format!(
                "Kubernetes {target} has no VolumeAttributesClass in {}: kubectl fails with \
                 \"no matches for kind\"; write apiVersion {} for this release",
                version.as_str(),
                newest.as_str()
            )),
        );
    } else if version != AttributesClassVersion::V1 {
        checker.warn(
            WarningCode::AttributesClassNotServed,
            path.clone(),
            format!(
                "{} is not served by default in Kubernetes {target}: the cluster must enable \
                 the VolumeAttributesClass feature gate and this API version \
                 (--runtime-config), or the object is refused; from Kubernetes 1.34 write \
                 storage.k8s.io/v1",
                version.as_str()
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        meta::ClusterMeta,
        report::ErrorKind,
        rules::test_support::{assert_clean, assert_only, map, v},
        snapshot::DeletionPolicy,
        validate::Validate,
    };

    #[test]
    fn snapshot_classes_need_a_driver() {
        let mut c = VolumeSnapshotClass {
            metadata: ClusterMeta::named("csi-snapclass"),
            deletion_policy: DeletionPolicy::Delete,
            driver: "hostpath.csi.k8s.io".into(),
            parameters: Default::default(),
        };
        assert_clean(&c.check());
        c.driver.clear();
        assert_only(&c.check(), "driver", ErrorKind::Required);
    }

    #[test]
    fn snapshot_sources() {
        let mut s = VolumeSnapshot::of_claim("snap", "data", None);
        assert_clean(&s.check());
        s.spec.source.volume_snapshot_content_name = Some("content".into());
        assert_only(&s.check(), "spec.source", ErrorKind::Invalid);
        s.spec.source.persistent_volume_claim_name = None;
        assert_clean(&s.check());
        s.spec.volume_snapshot_class_name = Some(String::new());
        assert_only(
            &s.check(),
            "spec.volumeSnapshotClassName",
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn attributes_classes() {
        let vac = |target| {
            VolumeAttributesClass::new("gold", "ebs.csi.aws.com", map(&[("iops", "5000")]), target)
        };
        for minor in 30..=37 {
            let r = vac(v(minor)).check_for(v(minor));
            assert_clean(&r);
            assert_eq!(r.warnings.len(), usize::from(minor < 34), "1.{minor}");
        }
        let mut c = vac(v(34));
        assert_only(&c.check_for(v(33)), "apiVersion", ErrorKind::NotSupported);
        c.parameters.clear();
        assert_only(&c.check_for(v(34)), "parameters", ErrorKind::Required);
        let mut c = vac(v(34));
        c.driver_name = "a/b/c".into();
        assert_only(&c.check_for(v(34)), "driverName", ErrorKind::Invalid);
        let _ = ClusterMeta::default();
    }
}
