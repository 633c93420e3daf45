//! PersistentVolumes (k8s-rules §7, `ValidatePersistentVolumeSpec` and
//! `pkg/volume/validation`): access modes (RWOP alone), capacity, node affinity (required for
//! `local`), the sources' required fields (hostPath, local, nfs, csi, iscsi and the legacy
//! in-tree plugins), the hostPath `/` + Recycle ban, the class name and the mount-options
//! annotation.

use super::{
    claim,
    common::{NOT_POSITIVE, cleans_to_root, invalid_each, no_backsteps},
    ids,
    meta::{self, NameFormat},
    selector, volume, warnings,
};
use crate::{
    access::{AccessModes, ReclaimPolicy},
    legacy::LegacySource,
    names,
    pv::{
        CsiPersistentVolume, CsiSecretRef, IscsiVolume, LocalVolume, PersistentVolume, PvSource,
        SecretReference,
    },
    quantity::Quantity,
    report::{FieldError, FieldPath, RuleId},
    validate::Checker,
};

/// The deprecated annotation that carries mount options.
const MOUNT_OPTIONS_ANNOTATION: &str = "volume.beta.kubernetes.io/mount-options";

/// A whole PersistentVolume: metadata (name a DNS-1123 subdomain, no namespace) and spec.
pub(crate) fn validate_pv(checker: &mut Checker, pv: &PersistentVolume, path: &FieldPath) {
    let meta_path = path.child("metadata");
    meta::cluster_meta(
        checker,
        &pv.metadata,
        NameFormat::Subdomain,
        ids::S2_NAME_PV,
        &meta_path,
    );
    let spec = &pv.spec;
    let spec_path = path.child("spec");

    access_modes(checker, spec.access_modes, &spec_path);
    capacity(
        checker,
        &spec.capacity,
        &spec_path.child("capacity").key("storage"),
    );
    if let Some(affinity) = &spec.node_affinity {
        selector::node_selector(
            checker,
            &affinity.required,
            &spec_path.child("nodeAffinity").child("required"),
        );
    }

    match &spec.source {
        PvSource::HostPath(h) => volume::host_path(
            checker,
            ids::S7_HOST_PATH_BACKSTEPS,
            h,
            &spec_path.child("hostPath"),
        ),
        PvSource::Local(l) => {
            local(checker, l, &spec_path.child("local"));
            if spec.node_affinity.is_none() {
                checker.error(FieldError::required(
                    ids::S7_LOCAL_NODE_AFFINITY_REQUIRED,
                    spec_path.child("nodeAffinity"),
                    "Local volume requires node affinity",
                ));
            }
        }
        PvSource::Nfs(n) => volume::nfs(checker, true, n, &spec_path.child("nfs")),
        PvSource::Csi(c) => csi(checker, c, &spec_path.child("csi")),
        PvSource::Iscsi(i) => iscsi(checker, i, &spec_path.child("iscsi")),
        PvSource::Legacy(l) => legacy(checker, l, &spec_path),
    }

    if let PvSource::HostPath(h) = &spec.source
        && spec.reclaim_policy == Some(ReclaimPolicy::Recycle)
        && cleans_to_root(&h.path)
    {
        checker.error(FieldError::forbidden(
            ids::S7_HOST_PATH_RECYCLE_ROOT,
            spec_path.child("persistentVolumeReclaimPolicy"),
            "may not be 'recycle' for a hostPath mount of '/'",
        ));
    }

    if let Some(class) = spec.storage_class_name.as_deref().filter(|c| !c.is_empty()) {
        invalid_each(
            checker,
            ids::S7_STORAGE_CLASS_NAME_FORMAT,
            &spec_path.child("storageClassName"),
            class,
            names::dns1123_subdomain(class),
        );
    }

    // claimRef is not validated by the API server (pre-binding); kvol requires what binding
    // compares, since a reference without a name or namespace can never match a claim.
    if let Some(claim_ref) = &spec.claim_ref {
        let p = spec_path.child("claimRef");
        if claim_ref.name.is_empty() {
            checker.error(FieldError::required(
                ids::S7_KVOL_CLAIM_REF_NAME_REQUIRED,
                p.child("name"),
                "a pre-bound volume names its claim",
            ));
        }
        if claim_ref.namespace.is_empty() {
            checker.error(FieldError::required(
                ids::S7_KVOL_CLAIM_REF_NAMESPACE_REQUIRED,
                p.child("namespace"),
                "a pre-bound volume names its claim's namespace",
            ));
        }
    }

    // pkg/volume/validation: checkMountOption (path built with Child("annotations", key)).
    if pv
        .metadata
        .annotations
        .contains_key(MOUNT_OPTIONS_ANNOTATION)
        && !supports_mount_options(&spec.source)
    {
        let rule = if matches!(spec.source, PvSource::HostPath(_) | PvSource::Local(_)) {
            ids::S7_MOUNT_OPTIONS_ANNOTATION
        } else {
            ids::S7_MOUNT_OPTIONS_ANNOTATION_ALLOWED_SOURCES
        };
        checker.error(FieldError::forbidden(
            rule,
            meta_path
                .child("annotations")
                .child(MOUNT_OPTIONS_ANNOTATION),
            "may not specify mount options for this volume type",
        ));
    }

    warnings::persistent_volume(checker, pv, path);
}

/// `accessModes` required and `ReadWriteOncePod` alone.
fn access_modes(checker: &mut Checker, modes: AccessModes, spec_path: &FieldPath) {
    let p = spec_path.child("accessModes");
    if modes.is_empty() {
        checker.error(FieldError::required(
            ids::S7_ACCESS_MODES_REQUIRED,
            p.clone(),
            "",
        ));
    }
    claim::read_write_once_pod_alone(checker, ids::S7_ACCESS_MODES_RWOP_ALONE, modes, p);
}

/// `capacity[storage]` (rounded up to milli units by defaulting): `validateBasicResource` then
/// `ValidatePositiveQuantityValue`.
fn capacity(checker: &mut Checker, capacity: &Quantity, path: &FieldPath) {
    // Rounding up to milli units changes neither the sign nor the whole value rounded up, so
    // the rounded quantity is only built for the message. `Value()` overflows as the API server
    // computes it: a capacity of 2^63 or more written with over 18 digits can read as negative.
    let value = capacity.api_value();
    if value < 0 {
        let detail = if capacity.is_negative() {
            "must be a valid resource quantity"
        } else {
            "must be a valid resource quantity (the API server reads this capacity through a \
             64-bit integer that overflows above 9223372036854775807; write a smaller size)"
        };
        checker.error(FieldError::invalid_number(
            ids::S3_4_VALID_RESOURCE_QUANTITY,
            path.clone(),
            value,
            detail,
        ));
    }
    if !capacity.is_positive() {
        checker.error(FieldError::invalid(
            ids::S3_4_POSITIVE_CAPACITY,
            path.clone(),
            &capacity.round_up_milli().canonical(),
            NOT_POSITIVE,
        ));
    }
}

/// `validateLocalVolumeSource`: a path without `..` elements.
fn local(checker: &mut Checker, l: &LocalVolume, path: &FieldPath) {
    if l.path.is_empty() {
        checker.error(FieldError::required(
            ids::S7_LOCAL_PATH_REQUIRED,
            path.child("path"),
            "",
        ));
        return;
    }
    no_backsteps(
        checker,
        ids::S7_LOCAL_BACKSTEPS,
        &path.child("path"),
        &l.path,
    );
}

/// `validateCSIPersistentVolumeSource`.
fn csi(checker: &mut Checker, c: &CsiPersistentVolume, path: &FieldPath) {
    volume::csi_driver_name(checker, true, &c.driver, &path.child("driver"));
    if c.volume_handle.is_empty() {
        checker.error(FieldError::required(
            ids::S7_CSI_VOLUME_HANDLE_REQUIRED,
            path.child("volumeHandle"),
            "",
        ));
    }
    // In the API server's order; `nodeStageSecretRef` is not validated (1.30–1.37).
    for which in [
        CsiSecretRef::ControllerPublish,
        CsiSecretRef::ControllerExpand,
        CsiSecretRef::NodePublish,
        CsiSecretRef::NodeExpand,
    ] {
        if let Some(secret) = c.secret_ref(which) {
            secret_reference(checker, secret, &path.child(which.key()));
        }
    }
}

/// `validatePVSecretReference`: name a DNS-1123 subdomain, namespace a label, both required.
fn secret_reference(checker: &mut Checker, secret: &SecretReference, path: &FieldPath) {
    let name = path.child("name");
    if secret.name.is_empty() {
        checker.error(FieldError::required(
            ids::S7_CSI_SECRET_NAME_REQUIRED,
            name,
            "",
        ));
    } else {
        invalid_each(
            checker,
            ids::S7_CSI_SECRET_NAME_FORMAT,
            &name,
            &secret.name,
            names::dns1123_subdomain(&secret.name),
        );
    }
    let ns = path.child("namespace");
    if secret.namespace.is_empty() {
        checker.error(FieldError::required(
            ids::S7_CSI_SECRET_NAMESPACE_REQUIRED,
            ns,
            "",
        ));
    } else {
        invalid_each(
            checker,
            ids::S7_CSI_SECRET_NAMESPACE_FORMAT,
            &ns,
            &secret.namespace,
            names::dns1123_label(&secret.namespace),
        );
    }
}

/// `validateISCSIPersistentVolumeSource`: target portal and IQN required, the IQN's format, the
/// LUN in 0..=255.
fn iscsi(checker: &mut Checker, i: &IscsiVolume, path: &FieldPath) {
    if i.target_portal.is_empty() {
        checker.error(FieldError::required(
            ids::S5_ISCSI_TARGET_PORTAL_REQUIRED,
            path.child("targetPortal"),
            "",
        ));
    }
    let iqn = path.child("iqn");
    if i.iqn.is_empty() {
        checker.error(FieldError::required(ids::S5_ISCSI_IQN_REQUIRED, iqn, ""));
    } else if !iscsi_name_is_valid(&i.iqn) {
        // The PersistentVolume variant says only "must be valid format", also for a wrong prefix.
        let rule = iscsi_name_rule(&i.iqn);
        checker.error(FieldError::invalid(
            rule,
            iqn,
            &i.iqn,
            "must be valid format",
        ));
    }
    if !(0..=255).contains(&i.lun) {
        let rule = if i.lun < 0 {
            ids::S5_ISCSI_LUN_MIN
        } else {
            ids::S5_ISCSI_LUN_MAX
        };
        checker.error(FieldError::invalid_number(
            rule,
            path.child("lun"),
            i64::from(i.lun),
            "must be between 0 and 255, inclusive",
        ));
    }
}

/// The rule an invalid iSCSI name breaks: its prefix, or the format of its kind (for `iqn`
/// names whose date and naming authority are right, the characters of the unique name).
fn iscsi_name_rule(name: &str) -> RuleId {
    if name.starts_with("iqn") {
        let unique_only = (0..name.len()).any(|start| {
            name.get(start..)
                .is_some_and(|s| s.len() > 12 && iqn_tail_matches(&iqn_clean_unique(s)))
        });
        if unique_only {
            ids::S5_ISCSI_IQN_UNIQUE_NAME_CHARS
        } else {
            ids::S5_ISCSI_IQN_FORMAT
        }
    } else if name.starts_with("eui") {
        ids::S5_ISCSI_EUI_FORMAT
    } else if name.starts_with("naa") {
        ids::S5_ISCSI_NAA_FORMAT
    } else {
        ids::S5_ISCSI_IQN_PREFIX
    }
}

/// `s` with the unique name (after the first `:`) stripped of the characters it may not have.
fn iqn_clean_unique(s: &str) -> String {
    match s.split_once(':') {
        Some((head, unique)) => {
            let kept: String = unique
                .chars()
                .filter(|c| !matches!(c, ',' | ';' | '*' | '&' | '$' | '|') && !c.is_whitespace())
                .collect();
            format!("{head}:{kept}")
        }
        None => s.to_owned(),
    }
}

/// The IQN rules: prefix `iqn`, `eui` or `naa`, and the matching regular expression
/// (`iqn\.\d{4}-\d{2}\.([[:alnum:]-.]+)(:[^,;*&$|\s]+)$` — not anchored at the start —,
/// `^eui.[[:alnum:]]{16}$`, `^naa.[[:alnum:]]{32}$`).
pub(crate) fn iscsi_name_is_valid(name: &str) -> bool {
    if name.starts_with("iqn") {
        (0..name.len()).any(|start| name.get(start..).is_some_and(iqn_tail_matches))
    } else if let Some(rest) = name.strip_prefix("eui") {
        any_char_then_alnum(rest, 16)
    } else if let Some(rest) = name.strip_prefix("naa") {
        any_char_then_alnum(rest, 32)
    } else {
        false
    }
}

/// `iqn\.\d{4}-\d{2}\.([[:alnum:]-.]+)(:[^,;*&$|\s]+)$` anchored at the start of `s`.
fn iqn_tail_matches(s: &str) -> bool {
    let b = s.as_bytes();
    let date_ok = b.len() > 12
        && b.starts_with(b"iqn.")
        && b[4..8].iter().all(u8::is_ascii_digit)
        && b[8] == b'-'
        && b[9..11].iter().all(u8::is_ascii_digit)
        && b[11] == b'.';
    if !date_ok {
        return false;
    }
    let rest = &s[12..];
    // The naming authority cannot contain ':', so the separator is the first ':'.
    let Some((authority, unique)) = rest.split_once(':') else {
        return false;
    };
    !authority.is_empty()
        && authority
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'.')
        && !unique.is_empty()
        && unique.chars().all(|c| {
            !matches!(
                c,
                ',' | ';' | '*' | '&' | '$' | '|' | '\t' | '\n' | '\x0c' | '\r' | ' '
            )
        })
}

/// `.[[:alnum:]]{n}$`: one character (not a newline), then exactly `n` ASCII letters or digits.
fn any_char_then_alnum(rest: &str, n: usize) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c != '\n' => {
            let tail = chars.as_str();
            tail.len() == n && tail.bytes().all(|c| c.is_ascii_alphanumeric())
        }
        _ => false,
    }
}

fn required_if_empty(checker: &mut Checker, rule: RuleId, value: &str, path: FieldPath) {
    if value.is_empty() {
        checker.error(FieldError::required(rule, path, ""));
    }
}

/// `validateGCEPersistentDiskVolumeSource` / `validateAWSElasticBlockStoreVolumeSource`
/// partition rule (0 is accepted despite the message).
fn partition(checker: &mut Checker, rules: [RuleId; 2], partition: Option<i32>, path: FieldPath) {
    if let Some(p) = partition.filter(|p| !(0..=255).contains(p)) {
        let [min, max] = rules;
        checker.error(FieldError::invalid_number(
            if p < 0 { min } else { max },
            path,
            i64::from(p),
            "must be between 1 and 255, inclusive",
        ));
    }
}

/// The required fields of the legacy in-tree sources (their PersistentVolume variants).
fn legacy(checker: &mut Checker, source: &LegacySource, spec_path: &FieldPath) {
    match source {
        LegacySource::GcePersistentDisk {
            pd_name,
            partition: part,
            ..
        } => {
            // Path quirk: `persistentDisk`, not `gcePersistentDisk`.
            let p = spec_path.child("persistentDisk");
            required_if_empty(
                checker,
                ids::S5_GCE_PERSISTENT_DISK_PD_NAME_REQUIRED,
                pd_name,
                p.child("pdName"),
            );
            let rules = [
                ids::S5_GCE_PERSISTENT_DISK_PARTITION_MIN,
                ids::S5_GCE_PERSISTENT_DISK_PARTITION_MAX,
            ];
            partition(checker, rules, *part, p.child("partition"));
        }
        LegacySource::AwsElasticBlockStore {
            volume_id,
            partition: part,
            ..
        } => {
            let p = spec_path.child("awsElasticBlockStore");
            required_if_empty(
                checker,
                ids::S5_AWS_ELASTIC_BLOCK_STORE_VOLUME_ID_REQUIRED,
                volume_id,
                p.child("volumeID"),
            );
            let rules = [
                ids::S5_AWS_ELASTIC_BLOCK_STORE_PARTITION_MIN,
                ids::S5_AWS_ELASTIC_BLOCK_STORE_PARTITION_MAX,
            ];
            partition(checker, rules, *part, p.child("partition"));
        }
        LegacySource::AzureDisk {
            disk_name,
            disk_uri,
            ..
        } => {
            let p = spec_path.child("azureDisk");
            required_if_empty(
                checker,
                ids::S5_AZURE_DISK_DISK_NAME_REQUIRED,
                disk_name,
                p.child("diskName"),
            );
            required_if_empty(
                checker,
                ids::S5_AZURE_DISK_DISK_URI_REQUIRED,
                disk_uri,
                p.child("diskURI"),
            );
            // kvol writes no `kind`: the API server defaults it to Shared, and every kind but
            // Managed needs a blob URI (validateAzureDisk, whose check does not skip an empty
            // URI: an empty one gets Required and this NotSupported, with its template of the
            // supported form, `diskURISupportedblob`).
            if !disk_uri.starts_with("https://") {
                let path = p.child("diskURI");
                checker.error(FieldError::not_supported(
                    ids::S5_AZURE_DISK_DISK_URI_FORMAT,
                    path,
                    disk_uri,
                    &["https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"],
                ));
            }
        }
        LegacySource::AzureFile {
            secret_name,
            share_name,
            ..
        } => {
            let p = spec_path.child("azureFile");
            required_if_empty(
                checker,
                ids::S5_AZURE_FILE_SECRET_NAME_REQUIRED,
                secret_name,
                p.child("secretName"),
            );
            required_if_empty(
                checker,
                ids::S5_AZURE_FILE_SHARE_NAME_REQUIRED,
                share_name,
                p.child("shareName"),
            );
        }
        LegacySource::Cephfs { monitors, .. } => {
            if monitors.is_empty() {
                checker.error(FieldError::required(
                    ids::S5_CEPHFS_MONITORS_REQUIRED,
                    spec_path.child("cephfs").child("monitors"),
                    "",
                ));
            }
        }
        LegacySource::Cinder { volume_id, .. } => {
            required_if_empty(
                checker,
                ids::S5_CINDER_VOLUME_ID_REQUIRED,
                volume_id,
                spec_path.child("cinder").child("volumeID"),
            );
        }
        LegacySource::Glusterfs {
            endpoints, path, ..
        } => {
            let p = spec_path.child("glusterfs");
            required_if_empty(
                checker,
                ids::S5_GLUSTERFS_ENDPOINTS_REQUIRED,
                endpoints,
                p.child("endpoints"),
            );
            required_if_empty(
                checker,
                ids::S5_GLUSTERFS_PATH_REQUIRED,
                path,
                p.child("path"),
            );
        }
        LegacySource::Rbd {
            monitors, image, ..
        } => {
            let p = spec_path.child("rbd");
            if monitors.is_empty() {
                checker.error(FieldError::required(
                    ids::S5_RBD_MONITORS_REQUIRED,
                    p.child("monitors"),
                    "",
                ));
            }
            required_if_empty(checker, ids::S5_RBD_IMAGE_REQUIRED, image, p.child("image"));
        }
        LegacySource::VsphereVolume { volume_path, .. } => {
            required_if_empty(
                checker,
                ids::S5_VSPHERE_VOLUME_VOLUME_PATH_REQUIRED,
                volume_path,
                spec_path.child("vsphereVolume").child("volumePath"),
            );
        }
        LegacySource::PortworxVolume { volume_id, .. } => {
            required_if_empty(
                checker,
                ids::S5_PORTWORX_VOLUME_VOLUME_ID_REQUIRED,
                volume_id,
                spec_path.child("portworxVolume").child("volumeID"),
            );
        }
    }
}

/// The sources for which the mount-options annotation is allowed (`checkMountOption`).
fn supports_mount_options(source: &PvSource) -> bool {
    match source {
        PvSource::Nfs(_) | PvSource::Iscsi(_) => true,
        PvSource::HostPath(_) | PvSource::Local(_) | PvSource::Csi(_) => false,
        PvSource::Legacy(l) => !matches!(l, LegacySource::PortworxVolume { .. }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        access::AccessMode,
        pv::ClaimRef,
        report::ErrorKind,
        rules::test_support::{assert_clean, assert_count, assert_has, assert_only, nfs, pv},
        selector::{
            NodeSelector, NodeSelectorOperator, NodeSelectorRequirement, NodeSelectorTerm,
            VolumeNodeAffinity,
        },
        validate::Validate,
        volume::{HostPath, HostPathType},
    };

    fn nfs_pv(size: &str) -> PersistentVolume {
        pv(
            "pv0",
            size,
            PvSource::Nfs(nfs("nfs.example.com", "/exports")),
        )
    }

    fn hostname_affinity() -> VolumeNodeAffinity {
        VolumeNodeAffinity {
            required: NodeSelector {
                node_selector_terms: vec![NodeSelectorTerm {
                    match_fields: Vec::new(),
                    match_expressions: vec![NodeSelectorRequirement {
                        key: "kubernetes.io/hostname".into(),
                        operator: NodeSelectorOperator::In,
                        values: vec!["node-1".into()],
                    }],
                }],
            },
        }
    }

    #[test]
    fn a_plain_volume_is_valid() {
        assert_clean(&nfs_pv("10Gi").check());
    }

    #[test]
    fn name_is_a_subdomain() {
        let mut p = nfs_pv("1Gi");
        p.metadata.name = "a".repeat(253);
        assert_clean(&p.check());
        p.metadata.name = "a".repeat(254);
        assert_only(&p.check(), "metadata.name", ErrorKind::Invalid);
    }

    #[test]
    fn access_modes() {
        let mut p = nfs_pv("1Gi");
        p.spec.access_modes = AccessModes::EMPTY;
        assert_only(&p.check(), "spec.accessModes", ErrorKind::Required);
        p.spec.access_modes = AccessModes::from_iter([
            AccessMode::ReadWriteOnce,
            AccessMode::ReadOnlyMany,
            AccessMode::ReadWriteMany,
        ]);
        assert_clean(&p.check());
        p.spec.access_modes =
            AccessModes::from_iter([AccessMode::ReadWriteOncePod, AccessMode::ReadWriteOnce]);
        assert_only(&p.check(), "spec.accessModes", ErrorKind::Forbidden);
    }

    #[test]
    fn capacity_must_be_positive() {
        assert_clean(&nfs_pv("1").check());
        let r = nfs_pv("0").check();
        assert_only(&r, "spec.capacity[storage]", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].to_string(),
            "spec.capacity[storage]: Invalid value: \"0\": must be greater than zero"
        );
        let r = nfs_pv("-1Gi").check();
        assert_count(&r, 2);
        assert_eq!(
            r.errors[0].to_string(),
            "spec.capacity[storage]: Invalid value: -1073741824: must be a valid resource quantity"
        );
        assert_eq!(r.errors[1].detail, NOT_POSITIVE);
    }

    #[test]
    fn capacity_value_overflows_as_on_the_api_server() {
        // More than 18 digits: a big decimal, whose Value() keeps the low 64 bits.
        let r = nfs_pv("10000000000000000000").check();
        assert_only(&r, "spec.capacity[storage]", ErrorKind::Invalid);
        assert!(
            r.errors[0].to_string().starts_with(
                "spec.capacity[storage]: Invalid value: -8446744073709551616: must be a valid \
                 resource quantity (the API server reads this capacity"
            ),
            "{}",
            r.errors[0]
        );
        let r = nfs_pv("9223372036854775808").check();
        assert_eq!(r.errors[0].value.as_deref(), Some("-9223372036854775808"));
        // A fraction rounds up first: 2^63 - 0.5 reads as 2^63, which wraps.
        assert_count(&nfs_pv("9223372036854775807.5").check(), 1);
        // The low 64 bits of 2 × 10^19 are positive: accepted, as the API server does.
        assert_clean(&nfs_pv("20000000000000000000").check());
        assert_clean(&nfs_pv("9223372036854775807").check());
        // Up to 18 digits the value is an int64 times a power of ten: Value() reads 0 on
        // overflow, which passes.
        assert_clean(&nfs_pv("10E").check());
        assert_clean(&nfs_pv("999999999999999999E").check());
        // Binary values are capped at 2^63 - 1 when parsed.
        assert_clean(&nfs_pv("100000Ei").check());
        // Trailing zeros beyond 2^64 leave the low bits zero: 10^64 = 2^64 × 5^64.
        assert_clean(
            &nfs_pv("10000000000000000000000000000000000000000000000000000000000000000").check(),
        );
        assert_count(&nfs_pv("1e19").check(), 0);
    }

    #[test]
    fn local_requires_node_affinity() {
        let mut p = pv(
            "local-pv",
            "100Gi",
            PvSource::Local(LocalVolume {
                fs_type: None,
                path: "/mnt/disks/ssd1".into(),
            }),
        );
        let r = p.check();
        assert_only(&r, "spec.nodeAffinity", ErrorKind::Required);
        assert_eq!(r.errors[0].detail, "Local volume requires node affinity");
        p.spec.node_affinity = Some(hostname_affinity());
        assert_clean(&p.check());
        p.spec.node_affinity = Some(VolumeNodeAffinity {
            required: NodeSelector::default(),
        });
        assert_only(
            &p.check(),
            "spec.nodeAffinity.required.nodeSelectorTerms",
            ErrorKind::Required,
        );
        p.spec.source = PvSource::Local(LocalVolume {
            fs_type: None,
            path: String::new(),
        });
        p.spec.node_affinity = Some(hostname_affinity());
        assert_only(&p.check(), "spec.local.path", ErrorKind::Required);
    }

    #[test]
    fn node_affinity_requirements() {
        let mut p = nfs_pv("1Gi");
        let mut a = hostname_affinity();
        a.required.node_selector_terms[0].match_expressions[0].key = "Bad/Key/x".into();
        p.spec.node_affinity = Some(a);
        assert_only(
            &p.check(),
            "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].key",
            ErrorKind::Invalid,
        );
    }

    fn host_path_pv(path: &str, policy: ReclaimPolicy) -> PersistentVolume {
        let mut p = pv(
            "hp",
            "1Gi",
            PvSource::HostPath(HostPath {
                path: path.into(),
                kind: Some(HostPathType::Directory),
            }),
        );
        p.spec.reclaim_policy = Some(policy);
        p
    }

    #[test]
    fn host_path_root_cannot_be_recycled() {
        assert_clean(&host_path_pv("/", ReclaimPolicy::Retain).check());
        assert_clean(&host_path_pv("/data", ReclaimPolicy::Recycle).check());
        for root in ["/", "//", "/tmp/.."] {
            let r = host_path_pv(root, ReclaimPolicy::Recycle).check();
            assert_has(
                &r,
                "spec.persistentVolumeReclaimPolicy",
                ErrorKind::Forbidden,
            );
        }
    }

    #[test]
    fn storage_class_name() {
        let mut p = nfs_pv("1Gi");
        p.spec.storage_class_name = Some(String::new());
        assert_clean(&p.check());
        p.spec.storage_class_name = Some("slow".into());
        assert_clean(&p.check());
        p.spec.storage_class_name = Some("Slow".into());
        assert_only(&p.check(), "spec.storageClassName", ErrorKind::Invalid);
    }

    fn csi_pv(driver: &str, handle: &str, secret: Option<(&str, &str)>) -> PersistentVolume {
        pv(
            "c",
            "1Gi",
            PvSource::Csi(CsiPersistentVolume {
                node_publish_secret_ref: secret.map(|(n, ns)| SecretReference {
                    name: n.into(),
                    namespace: ns.into(),
                }),
                ..CsiPersistentVolume::new(driver, handle)
            }),
        )
    }

    #[test]
    fn csi_source() {
        assert_clean(
            &csi_pv(
                "pd.csi.storage.gke.io",
                "projects/p/disks/d",
                Some(("s", "kube-system")),
            )
            .check(),
        );
        assert_only(
            &csi_pv("pd.csi.storage.gke.io", "", None).check(),
            "spec.csi.volumeHandle",
            ErrorKind::Required,
        );
        assert_only(
            &csi_pv(&"d".repeat(64), "h", None).check(),
            "spec.csi.driver",
            ErrorKind::TooLong,
        );
        let r = csi_pv("d.io", "h", Some(("", "Bad"))).check();
        assert_count(&r, 2);
        assert_has(
            &r,
            "spec.csi.nodePublishSecretRef.name",
            ErrorKind::Required,
        );
        assert_has(
            &r,
            "spec.csi.nodePublishSecretRef.namespace",
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn every_csi_secret_ref_but_node_stage_is_validated() {
        for which in CsiSecretRef::ALL {
            let mut p = csi_pv("d.io", "h", None);
            let PvSource::Csi(c) = &mut p.spec.source else {
                unreachable!()
            };
            *c.secret_ref_mut(which) = Some(SecretReference {
                name: "S".into(),
                namespace: "".into(),
            });
            let r = p.check();
            if which.validated() {
                let at = format!("spec.csi.{}", which.key());
                assert_count(&r, 2);
                assert_has(&r, &format!("{at}.name"), ErrorKind::Invalid);
                assert_has(&r, &format!("{at}.namespace"), ErrorKind::Required);
            } else {
                // The API server takes `nodeStageSecretRef` as written.
                assert_clean(&r);
            }
        }
    }

    fn iscsi_pv(iqn: &str, lun: i32) -> PersistentVolume {
        pv(
            "i",
            "1Gi",
            PvSource::Iscsi(IscsiVolume {
                fs_type: None,
                iqn: iqn.into(),
                lun,
                read_only: None,
                target_portal: "10.0.0.1:3260".into(),
            }),
        )
    }

    #[test]
    fn iscsi_lun_range() {
        let iqn = "iqn.2001-04.com.example:storage.disk1";
        assert_clean(&iscsi_pv(iqn, 0).check());
        assert_clean(&iscsi_pv(iqn, 255).check());
        let r = iscsi_pv(iqn, 256).check();
        assert_only(&r, "spec.iscsi.lun", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].to_string(),
            "spec.iscsi.lun: Invalid value: 256: must be between 0 and 255, inclusive"
        );
        assert_only(
            &iscsi_pv(iqn, -1).check(),
            "spec.iscsi.lun",
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn iscsi_iqn_format() {
        for ok in [
            "iqn.2001-04.com.example:storage.disk1",
            "iqn.2001-04.com.example:a:b",
            "iqnjunk-iqn.2001-04.com.example:a",
            "eui.02004567A425678D",
            "naa.52004567BA64678D52004567BA64678D",
        ] {
            assert!(iscsi_name_is_valid(ok), "{ok}");
        }
        for bad in [
            "iqn.2001-04.com.example",
            "iqn.2001-04.com.example:",
            "iqn.2001-4.com.example:a",
            "iqn.2001-04.:a",
            "iqn.2001-04.com.example:a b",
            "eui.02004567A425678",
            "naa.52004567BA64678D52004567BA64678D0",
            "abc.2001-04.com.example:a",
        ] {
            assert!(!iscsi_name_is_valid(bad), "{bad}");
        }
        let r = iscsi_pv("abc", 0).check();
        assert_only(&r, "spec.iscsi.iqn", ErrorKind::Invalid);
        assert_eq!(r.errors[0].detail, "must be valid format");
        assert_only(
            &iscsi_pv("", 0).check(),
            "spec.iscsi.iqn",
            ErrorKind::Required,
        );
    }

    #[test]
    fn legacy_sources_required_fields() {
        let gce = LegacySource::GcePersistentDisk {
            pd_name: String::new(),
            fs_type: None,
            partition: Some(256),
            read_only: false,
        };
        let r = pv("g", "1Gi", PvSource::Legacy(gce)).check();
        assert_count(&r, 2);
        assert_has(&r, "spec.persistentDisk.pdName", ErrorKind::Required);
        assert_has(&r, "spec.persistentDisk.partition", ErrorKind::Invalid);
        let ebs = LegacySource::AwsElasticBlockStore {
            volume_id: "vol-1".into(),
            fs_type: None,
            partition: Some(0),
            read_only: false,
        };
        assert_clean(&pv("e", "1Gi", PvSource::Legacy(ebs)).check());
        let rbd = LegacySource::Rbd {
            monitors: vec![],
            image: String::new(),
            fs_type: None,
            read_only: false,
        };
        let r = pv("r", "1Gi", PvSource::Legacy(rbd)).check();
        assert_count(&r, 2);
        assert_has(&r, "spec.rbd.monitors", ErrorKind::Required);
        assert_has(&r, "spec.rbd.image", ErrorKind::Required);
        let g = LegacySource::Glusterfs {
            endpoints: String::new(),
            path: "vol".into(),
            read_only: false,
        };
        assert_only(
            &pv("gl", "1Gi", PvSource::Legacy(g)).check(),
            "spec.glusterfs.endpoints",
            ErrorKind::Required,
        );
    }

    #[test]
    fn azure_disk_uri_as_validate_azure_disk() {
        let disk = |uri: &str| {
            pv(
                "a",
                "1Gi",
                PvSource::Legacy(LegacySource::AzureDisk {
                    disk_name: "d".into(),
                    disk_uri: uri.into(),
                    fs_type: None,
                    read_only: false,
                }),
            )
            .check()
        };
        assert_clean(&disk("https://account.blob.core.windows.net/vhds/d.vhd"));
        // An empty URI: Required, and NotSupported too (the kind defaults to Shared).
        let r = disk("");
        let text: Vec<String> = r.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "spec.azureDisk.diskURI: Required value",
                "spec.azureDisk.diskURI: Unsupported value: \"\": supported values: \
                 \"https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd\"",
            ]
        );
        assert_only(
            &disk("/subscriptions/s"),
            "spec.azureDisk.diskURI",
            ErrorKind::NotSupported,
        );
    }

    #[test]
    fn mount_options_annotation() {
        let mut p = nfs_pv("1Gi");
        p.metadata
            .annotations
            .insert(MOUNT_OPTIONS_ANNOTATION.into(), "hard".into());
        assert_clean(&p.check());
        let mut p = csi_pv("d.io", "h", None);
        p.metadata
            .annotations
            .insert(MOUNT_OPTIONS_ANNOTATION.into(), "hard".into());
        let r = p.check();
        assert_only(
            &r,
            "metadata.annotations.volume.beta.kubernetes.io/mount-options",
            ErrorKind::Forbidden,
        );
    }

    #[test]
    fn claim_ref_names_a_claim() {
        let mut p = nfs_pv("1Gi");
        p.spec.claim_ref = Some(ClaimRef {
            name: "data".into(),
            namespace: "default".into(),
        });
        assert_clean(&p.check());
        p.spec.claim_ref = Some(ClaimRef {
            name: String::new(),
            namespace: String::new(),
        });
        assert_count(&p.check(), 2);
    }
}
