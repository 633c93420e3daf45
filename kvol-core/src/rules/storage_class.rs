//! StorageClasses (k8s-rules §9, `ValidateStorageClass`): the provisioner is a qualified name
//! once lower-cased, parameters (at most 512, no empty key, 256 KiB in total), `Recycle`
//! rejected, and the allowed topologies.

use super::{
    common::{SIZE_LIMIT_256K, invalid_each},
    ids,
    meta::{self, NameFormat},
    selector, warnings,
};
use crate::{
    access::ReclaimPolicy,
    names,
    report::{FieldError, FieldPath},
    storage_class::StorageClass,
    validate::Checker,
};

/// The most parameters a StorageClass may have.
const MAX_PARAMETERS: usize = 512;

/// A whole StorageClass.
pub(crate) fn validate_storage_class(checker: &mut Checker, sc: &StorageClass, path: &FieldPath) {
    meta::cluster_meta(
        checker,
        &sc.metadata,
        NameFormat::Subdomain,
        ids::S2_NAME_STORAGECLASS,
        &path.child("metadata"),
    );

    let provisioner = path.child("provisioner");
    if sc.provisioner.is_empty() {
        checker.error(FieldError::required(
            ids::S9_PROVISIONER_REQUIRED,
            provisioner,
            "",
        ));
    } else {
        let lower = sc.provisioner.to_lowercase();
        invalid_each(
            checker,
            ids::S9_PROVISIONER_FORMAT,
            &provisioner,
            &sc.provisioner,
            names::qualified_name(&lower),
        );
    }

    parameters(checker, sc, &path.child("parameters"));

    if sc.reclaim_policy == Some(ReclaimPolicy::Recycle) {
        checker.error(FieldError::not_supported(
            ids::S9_RECLAIM_POLICY_RECYCLE,
            path.child("reclaimPolicy"),
            ReclaimPolicy::Recycle.as_str(),
            &[
                ReclaimPolicy::Delete.as_str(),
                ReclaimPolicy::Retain.as_str(),
            ],
        ));
    }

    selector::allowed_topologies(
        checker,
        &sc.allowed_topologies,
        &path.child("allowedTopologies"),
    );

    warnings::storage_class(checker, sc, path);
}

/// `validateParameters`: the count (reported with the API server's `bytes` wording), empty
/// keys, and the total size of keys and values.
fn parameters(checker: &mut Checker, sc: &StorageClass, path: &FieldPath) {
    if sc.parameters.len() > MAX_PARAMETERS {
        checker.error(FieldError::too_long(
            ids::S9_PARAMETERS_COUNT,
            path.clone(),
            MAX_PARAMETERS,
        ));
        return;
    }
    let mut total = 0usize;
    for (key, value) in &sc.parameters {
        if key.is_empty() {
            checker.error(FieldError::invalid(
                ids::S9_PARAMETERS_EMPTY_KEY,
                path.clone(),
                key,
                "field can not be empty.",
            ));
        }
        total = total.saturating_add(key.len()).saturating_add(value.len());
    }
    if total > SIZE_LIMIT_256K {
        checker.error(FieldError::too_long(
            ids::S9_PARAMETERS_SIZE,
            path.clone(),
            SIZE_LIMIT_256K,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        report::ErrorKind,
        rules::test_support::{assert_clean, assert_only, storage_class},
        selector::{TopologyRequirement, TopologySelectorTerm},
        validate::Validate,
    };

    #[test]
    fn a_plain_class_is_valid() {
        assert_clean(&storage_class("standard", "kubernetes.io/no-provisioner").check());
        assert_clean(&storage_class("fast", "pd.csi.storage.gke.io").check());
    }

    #[test]
    fn provisioner_is_a_lower_cased_qualified_name() {
        assert_clean(&storage_class("s", "Example.COM/MyProvisioner").check());
        let r = storage_class("s", "").check();
        assert_only(&r, "provisioner", ErrorKind::Required);
        assert_eq!(r.errors[0].to_string(), "provisioner: Required value");
        let r = storage_class("s", "a/b/c").check();
        assert_only(&r, "provisioner", ErrorKind::Invalid);
        assert_eq!(r.errors[0].value.as_deref(), Some("\"a/b/c\""));
    }

    #[test]
    fn recycle_is_rejected() {
        let mut sc = storage_class("s", "p.io");
        sc.reclaim_policy = Some(ReclaimPolicy::Retain);
        assert_clean(&sc.check());
        sc.reclaim_policy = Some(ReclaimPolicy::Recycle);
        let r = sc.check();
        assert_only(&r, "reclaimPolicy", ErrorKind::NotSupported);
        assert_eq!(
            r.errors[0].to_string(),
            "reclaimPolicy: Unsupported value: \"Recycle\": supported values: \"Delete\", \"Retain\""
        );
    }

    #[test]
    fn parameter_count() {
        let mut sc = storage_class("s", "p.io");
        sc.parameters = (0..512).map(|i| (format!("k{i}"), "v".into())).collect();
        assert_clean(&sc.check());
        sc.parameters.insert("one-more".into(), "v".into());
        let r = sc.check();
        assert_only(&r, "parameters", ErrorKind::TooLong);
        assert_eq!(
            r.errors[0].to_string(),
            "parameters: Too long: may not be more than 512 bytes"
        );
    }

    #[test]
    fn parameter_keys_and_size() {
        let mut sc = storage_class("s", "p.io");
        sc.parameters.insert(String::new(), "v".into());
        assert_only(&sc.check(), "parameters", ErrorKind::Invalid);
        let mut sc = storage_class("s", "p.io");
        sc.parameters
            .insert("k".into(), "v".repeat(SIZE_LIMIT_256K - 1));
        assert_clean(&sc.check());
        sc.parameters
            .insert("k".into(), "v".repeat(SIZE_LIMIT_256K));
        assert_only(&sc.check(), "parameters", ErrorKind::TooLong);
    }

    #[test]
    fn allowed_topologies_are_checked() {
        let mut sc = storage_class("s", "p.io");
        sc.allowed_topologies = vec![TopologySelectorTerm {
            match_label_expressions: vec![TopologyRequirement {
                key: "topology.kubernetes.io/zone".into(),
                values: vec![],
            }],
        }];
        assert_only(
            &sc.check(),
            "allowedTopologies[0].matchLabelExpressions[0].values",
            ErrorKind::Required,
        );
    }
}
