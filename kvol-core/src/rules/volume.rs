//! Pod volumes (k8s-rules §5, `ValidateVolumes` / `validateVolumeSource`): names, each source's
//! rules, file modes `0..=0o777`, relative item paths, and the cascade: a volume with any error
//! is left out of the set of volumes, so the mounts that name it are also `Not found`.

use super::{
    claim,
    common::{FILE_MODE, MAX_FILE_MODE, PathRules, invalid_each, local_non_reserved, no_backsteps},
    ids,
};
use crate::{
    names,
    report::{FieldError, FieldPath, RuleId, quote},
    validate::Checker,
    volume::{
        ConfigMapVolume, CsiVolume, DownwardApiFile, DownwardApiSource, DownwardApiVolume,
        FileMode, HostPath, KeyToPath, Nfs, SecretVolume, Volume, VolumeSource,
    },
};
use std::collections::BTreeSet;

/// Validates `spec.volumes` and returns the names of the volumes that passed (what mounts may
/// refer to). `pod_name` is known for Pods only (not for templates); it enables the checks on
/// the claims that `ephemeral` volumes create (`<pod>-<volume>`).
pub(crate) fn volumes(
    checker: &mut Checker,
    volumes: &[Volume],
    pod_name: Option<&str>,
    path: &FieldPath,
) -> BTreeSet<String> {
    let pod_name = pod_name.filter(|n| !n.is_empty());
    let created: BTreeSet<String> = match pod_name {
        Some(pod) => volumes
            .iter()
            .filter(|v| matches!(v.source, VolumeSource::Ephemeral(_)))
            .map(|v| format!("{pod}-{}", v.name))
            .collect(),
        None => BTreeSet::new(),
    };
    let mut valid = BTreeSet::new();
    for (i, vol) in volumes.iter().enumerate() {
        let idx = path.index(i);
        let name_path = idx.child("name");
        // `ValidateVolumes` leaves a volume with any error of its own out of the volumes the
        // mounts can name; kvol's own findings do not.
        let before = checker.server_error_count();
        source(checker, &vol.source, &vol.name, pod_name, &idx);
        if vol.name.is_empty() {
            checker.error(FieldError::required(
                ids::S5_VOLUME_NAME_REQUIRED,
                name_path.clone(),
                "",
            ));
        } else {
            invalid_each(
                checker,
                ids::S2_NAME_VOLUME,
                &name_path,
                &vol.name,
                names::dns1123_label(&vol.name),
            );
        }
        if valid.contains(&vol.name) {
            checker.error(FieldError::duplicate(
                ids::S5_VOLUME_NAME_DUPLICATE,
                name_path,
                &vol.name,
            ));
        }
        if checker.server_error_count() == before {
            valid.insert(vol.name.clone());
        }
        if let VolumeSource::PersistentVolumeClaim(claim) = &vol.source
            && created.contains(&claim.claim_name)
        {
            checker.error(FieldError::invalid(
                ids::S5_CLAIM_OF_EPHEMERAL_VOLUME,
                idx.child("persistentVolumeClaim").child("claimName"),
                &claim.claim_name,
                "must not reference a PVC that gets created for an ephemeral volume",
            ));
        }
    }
    valid
}

/// `validateVolumeSource` for the one source of a volume (`idx` is `spec.volumes[i]`).
fn source(
    checker: &mut Checker,
    source: &VolumeSource,
    vol_name: &str,
    pod_name: Option<&str>,
    idx: &FieldPath,
) {
    let path = idx.child(source.key());
    match source {
        VolumeSource::EmptyDir(e) => {
            if e.size_limit.as_ref().is_some_and(|q| q.is_negative()) {
                checker.error(FieldError::forbidden(
                    ids::S3_4_NONNEGATIVE_SIZE_LIMIT,
                    path.child("sizeLimit"),
                    "SizeLimit field must be a valid resource quantity",
                ));
            }
        }
        VolumeSource::HostPath(h) => host_path(checker, ids::S5_HOST_PATH_BACKSTEPS, h, &path),
        VolumeSource::Nfs(n) => nfs(checker, false, n, &path),
        VolumeSource::PersistentVolumeClaim(c) => {
            if c.claim_name.is_empty() {
                checker.error(FieldError::required(
                    ids::S5_CLAIM_NAME_REQUIRED,
                    path.child("claimName"),
                    "",
                ));
            }
        }
        VolumeSource::ConfigMap(cm) => config_map(checker, cm, &path),
        VolumeSource::Secret(s) => secret(checker, s, &path),
        VolumeSource::DownwardApi(d) => downward_api(checker, d, &path),
        VolumeSource::Csi(c) => csi(checker, c, &path),
        VolumeSource::Ephemeral(e) => {
            claim::ephemeral_template(
                checker,
                &e.volume_claim_template,
                &path.child("volumeClaimTemplate"),
            );
            if let Some(pod) = pod_name.filter(|_| !vol_name.is_empty()) {
                let pvc_name = format!("{pod}-{vol_name}");
                if let Err(e) = names::dns1123_subdomain(&pvc_name) {
                    for (msg, cause) in e.messages.into_iter().zip(e.rules) {
                        let error = FieldError::invalid(
                            ids::S5_EPHEMERAL_CLAIM_NAME,
                            idx.child("name"),
                            vol_name,
                            format!("PVC name {}: {msg}", quote(&pvc_name)),
                        );
                        checker.error(error.with_cause(cause));
                    }
                }
            }
        }
    }
}

/// `validateHostPathVolumeSource` (also used for PersistentVolumes): a path is required (and
/// nothing else is checked without one), with no `..` element.
///
/// `backsteps` is the rule of the `..` check (pod volumes and PVs have one each).
pub(crate) fn host_path(checker: &mut Checker, backsteps: RuleId, h: &HostPath, path: &FieldPath) {
    if h.path.is_empty() {
        checker.error(FieldError::required(
            ids::S5_HOST_PATH_PATH_REQUIRED,
            path.child("path"),
            "",
        ));
        return;
    }
    no_backsteps(checker, backsteps, &path.child("path"), &h.path);
}

/// `validateNFSVolumeSource` (also used for PersistentVolumes). An empty path gets both the
/// `Required` and the `must be an absolute path` error, as in Kubernetes.
///
/// `pv`: the source of a PersistentVolume (§7 rules) rather than of a pod volume (§5).
pub(crate) fn nfs(checker: &mut Checker, pv: bool, n: &Nfs, path: &FieldPath) {
    let [server_required, path_required, path_absolute] = if pv {
        [
            ids::S7_NFS_SERVER_REQUIRED,
            ids::S7_NFS_PATH_REQUIRED,
            ids::S7_NFS_PATH_ABSOLUTE,
        ]
    } else {
        [
            ids::S5_NFS_SERVER_REQUIRED,
            ids::S5_NFS_PATH_REQUIRED,
            ids::S5_NFS_PATH_ABSOLUTE,
        ]
    };
    if n.server.is_empty() {
        checker.error(FieldError::required(
            server_required,
            path.child("server"),
            "",
        ));
    }
    if n.path.is_empty() {
        checker.error(FieldError::required(path_required, path.child("path"), ""));
    }
    if !n.path.starts_with('/') {
        checker.error(FieldError::invalid(
            path_absolute,
            path.child("path"),
            &n.path,
            "must be an absolute path",
        ));
    }
}

fn file_mode(checker: &mut Checker, rule: RuleId, mode: Option<FileMode>, path: FieldPath) {
    if let Some(FileMode(m)) = mode
        && m > MAX_FILE_MODE
    {
        checker.error(FieldError::invalid_number(
            rule,
            path,
            i64::from(m),
            FILE_MODE,
        ));
    }
}

/// The path rules of configMap items.
const ITEM_PATH: PathRules = PathRules {
    relative: ids::S5_ITEMS_PATH_RELATIVE,
    backsteps: ids::S5_ITEMS_PATH_BACKSTEPS,
    dotdot_prefix: ids::S5_ITEMS_PATH_DOTDOT_PREFIX,
};

/// `items[j]` of a configMap (`secret`: of a secret, whose path rules have a row of their own).
fn key_to_path(checker: &mut Checker, secret: bool, item: &KeyToPath, path: &FieldPath) {
    if item.key.is_empty() {
        checker.error(FieldError::required(
            ids::S5_ITEMS_KEY_REQUIRED,
            path.child("key"),
            "",
        ));
    }
    let file = path.child("path");
    if item.path.is_empty() {
        checker.error(FieldError::required(
            ids::S5_ITEMS_PATH_REQUIRED,
            file.clone(),
            "",
        ));
    }
    let rules = if secret {
        PathRules {
            relative: ids::S5_SECRET_ITEMS_PATH_RELATIVE,
            ..ITEM_PATH
        }
    } else {
        ITEM_PATH
    };
    local_non_reserved(checker, rules, &file, &item.path);
    file_mode(checker, ids::S5_ITEMS_MODE, item.mode, path.child("mode"));
}

fn config_map(checker: &mut Checker, cm: &ConfigMapVolume, path: &FieldPath) {
    if cm.name.is_empty() {
        checker.error(FieldError::required(
            ids::S5_CONFIG_MAP_NAME_REQUIRED,
            path.child("name"),
            "",
        ));
    }
    file_mode(
        checker,
        ids::S5_CONFIG_MAP_DEFAULT_MODE,
        cm.default_mode,
        path.child("defaultMode"),
    );
    for (i, item) in cm.items.iter().enumerate() {
        key_to_path(checker, false, item, &path.child("items").index(i));
    }
}

fn secret(checker: &mut Checker, s: &SecretVolume, path: &FieldPath) {
    if s.secret_name.is_empty() {
        checker.error(FieldError::required(
            ids::S5_SECRET_NAME_REQUIRED,
            path.child("secretName"),
            "",
        ));
    }
    file_mode(
        checker,
        ids::S5_SECRET_DEFAULT_MODE,
        s.default_mode,
        path.child("defaultMode"),
    );
    for (i, item) in s.items.iter().enumerate() {
        key_to_path(checker, true, item, &path.child("items").index(i));
    }
}

fn downward_api(checker: &mut Checker, d: &DownwardApiVolume, path: &FieldPath) {
    file_mode(
        checker,
        ids::S5_DOWNWARD_API_DEFAULT_MODE,
        d.default_mode,
        path.child("defaultMode"),
    );
    for file in &d.items {
        // Path quirk: item errors are reported on `downwardAPI`, without `items[j]`.
        downward_file(checker, file, path);
    }
}

fn downward_file(checker: &mut Checker, file: &DownwardApiFile, path: &FieldPath) {
    let file_path = path.child("path");
    if file.path.is_empty() {
        checker.error(FieldError::required(
            ids::S5_DOWNWARD_API_PATH_REQUIRED,
            file_path.clone(),
            "",
        ));
    }
    // The items of a downwardAPI volume share the `..` prefix rule of configMap items.
    let rules = PathRules {
        relative: ids::S5_DOWNWARD_API_PATH_RELATIVE,
        backsteps: ids::S5_DOWNWARD_API_PATH_BACKSTEPS,
        dotdot_prefix: ids::S5_ITEMS_PATH_DOTDOT_PREFIX,
    };
    local_non_reserved(checker, rules, &file_path, &file.path);
    match &file.source {
        DownwardApiSource::Field(field_path) => {
            object_field_selector(checker, field_path, &path.child("fieldRef"));
        }
        DownwardApiSource::Resource {
            container_name,
            resource,
            divisor,
        } => {
            let p = path.child("resourceFieldRef");
            if container_name.is_empty() {
                checker.error(FieldError::required(
                    ids::S5_DOWNWARD_API_CONTAINER_NAME_REQUIRED,
                    p.child("containerName"),
                    "",
                ));
            } else if resource.is_empty() {
                checker.error(FieldError::required(
                    ids::S5_DOWNWARD_API_RESOURCE_SUPPORTED,
                    p.child("resource"),
                    "",
                ));
            } else if !RESOURCE_FIELDS.contains(&resource.as_str())
                && !HUGEPAGES_PREFIXES
                    .iter()
                    .any(|pre| resource.starts_with(pre))
            {
                checker.error(FieldError::not_supported(
                    ids::S5_DOWNWARD_API_RESOURCE_SUPPORTED,
                    p.child("resource"),
                    resource,
                    &RESOURCE_FIELDS,
                ));
            }
            if let Some(divisor) = divisor.as_ref().filter(|d| !d.is_zero()) {
                resource_divisor(checker, resource, &divisor.canonical(), &p.child("divisor"));
            }
        }
    }
    file_mode(
        checker,
        ids::S5_DOWNWARD_API_MODE,
        file.mode,
        path.child("mode"),
    );
}

/// `validContainerResourceFieldPathExpressions`, sorted as the API server lists them.
const RESOURCE_FIELDS: [&str; 6] = [
    "limits.cpu",
    "limits.ephemeral-storage",
    "limits.memory",
    "requests.cpu",
    "requests.ephemeral-storage",
    "requests.memory",
];
const HUGEPAGES_PREFIXES: [&str; 2] = ["limits.hugepages-", "requests.hugepages-"];
/// `validVolumeDownwardAPIFieldPathExpressions`, sorted.
const VOLUME_FIELDS: [&str; 5] = [
    "metadata.annotations",
    "metadata.labels",
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
];
/// Field labels `ConvertDownwardAPIFieldLabel` accepts for v1 (besides `spec.host`).
const CONVERTIBLE_FIELDS: [&str; 14] = [
    "metadata.annotations",
    "metadata.labels",
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "spec.nodeName",
    "spec.restartPolicy",
    "spec.serviceAccountName",
    "spec.schedulerName",
    "status.phase",
    "status.hostIP",
    "status.hostIPs",
    "status.podIP",
    "status.podIPs",
];

/// `fieldpath.SplitMaybeSubscriptedPath`: `metadata.labels['key']` → (`metadata.labels`, `key`).
fn split_subscript(field: &str) -> Option<(&str, &str)> {
    let inner = field.strip_suffix("']")?;
    let (path, key) = inner.split_once("['")?;
    (!path.is_empty()).then_some((path, key))
}

/// `validateObjectFieldSelector` with the volume's allowed fields (`apiVersion` is defaulted to
/// `v1`).
fn object_field_selector(checker: &mut Checker, field: &str, path: &FieldPath) {
    let field_path = path.child("fieldPath");
    if field.is_empty() {
        checker.error(FieldError::required(
            ids::S5_DOWNWARD_API_FIELD_PATH_REQUIRED,
            field_path,
            "",
        ));
        return;
    }
    let conversion_error = |reason: &str| format!("error converting fieldPath: {reason}: {field}");
    if let Some((base, key)) = split_subscript(field) {
        match base {
            "metadata.annotations" => {
                let key = key.to_lowercase();
                invalid_each(
                    checker,
                    ids::S5_DOWNWARD_API_FIELD_PATH_SUBSCRIPT,
                    path,
                    &key,
                    names::qualified_name(&key),
                );
            }
            "metadata.labels" => invalid_each(
                checker,
                ids::S5_DOWNWARD_API_FIELD_PATH_SUBSCRIPT,
                path,
                key,
                names::qualified_name(key),
            ),
            _ => {
                let msg = conversion_error("field label does not support subscript");
                checker.error(FieldError::invalid(
                    ids::S5_DOWNWARD_API_FIELD_PATH_UNKNOWN,
                    field_path,
                    field,
                    msg,
                ));
            }
        }
        return;
    }
    let internal = if field == "spec.host" {
        "spec.nodeName"
    } else {
        field
    };
    if field != "spec.host" && !CONVERTIBLE_FIELDS.contains(&field) {
        let msg = conversion_error("field label not supported");
        checker.error(FieldError::invalid(
            ids::S5_DOWNWARD_API_FIELD_PATH_UNKNOWN,
            field_path,
            field,
            msg,
        ));
        return;
    }
    if !VOLUME_FIELDS.contains(&internal) {
        checker.error(FieldError::not_supported(
            ids::S5_DOWNWARD_API_FIELD_PATH_SUPPORTED,
            field_path,
            internal,
            &VOLUME_FIELDS,
        ));
    }
}

/// `validateContainerResourceDivisor`: the divisors each resource allows.
fn resource_divisor(checker: &mut Checker, resource: &str, divisor: &str, path: &FieldPath) {
    const BYTES: [&str; 13] = [
        "1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei",
    ];
    const BYTES_LIST: &str = "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei";
    let problem = match resource {
        "limits.cpu" | "requests.cpu" if !["1m", "1"].contains(&divisor) => {
            Some("only divisor's values 1m and 1 are supported with the cpu resource".to_owned())
        }
        "limits.memory" | "requests.memory" if !BYTES.contains(&divisor) => Some(format!(
            "only divisor's values {BYTES_LIST} are supported with the memory resource"
        )),
        "limits.ephemeral-storage" | "requests.ephemeral-storage" if !BYTES.contains(&divisor) => {
            Some(format!(
                "only divisor's values {BYTES_LIST} are supported with the local ephemeral storage resource"
            ))
        }
        _ => None,
    };
    if let Some(msg) = problem {
        checker.error(FieldError::invalid(
            ids::S5_DOWNWARD_API_DIVISOR,
            path.clone(),
            resource,
            msg,
        ));
    }
    if HUGEPAGES_PREFIXES
        .iter()
        .any(|pre| resource.starts_with(pre))
        && !BYTES.contains(&divisor)
    {
        let msg =
            format!("only divisor's values {BYTES_LIST} are supported with the hugepages resource");
        checker.error(FieldError::invalid(
            ids::S5_DOWNWARD_API_DIVISOR,
            path.clone(),
            resource,
            msg,
        ));
    }
}

/// `ValidateCSIDriverName` (inline volumes and PersistentVolumes): required, at most 63 bytes,
/// a DNS-1123 subdomain once lower-cased.
///
/// `pv`: the driver of a PersistentVolume (§7 rules) rather than of a pod volume (§5).
pub(crate) fn csi_driver_name(checker: &mut Checker, pv: bool, driver: &str, path: &FieldPath) {
    let [required, length, format] = if pv {
        [
            ids::S7_CSI_DRIVER,
            ids::S7_CSI_DRIVER_LENGTH,
            ids::S7_CSI_DRIVER,
        ]
    } else {
        [
            ids::S5_CSI_DRIVER_REQUIRED,
            ids::S5_CSI_DRIVER_LENGTH,
            ids::S5_CSI_DRIVER_FORMAT,
        ]
    };
    if driver.is_empty() {
        checker.error(FieldError::required(required, path.clone(), ""));
    }
    if driver.len() > 63 {
        checker.error(FieldError::too_long(length, path.clone(), 63));
    }
    invalid_each(
        checker,
        format,
        path,
        driver,
        names::dns1123_subdomain(&driver.to_lowercase()),
    );
}

fn csi(checker: &mut Checker, c: &CsiVolume, path: &FieldPath) {
    csi_driver_name(checker, false, &c.driver, &path.child("driver"));
    if let Some(secret) = &c.node_publish_secret_ref {
        if secret.name.is_empty() {
            checker.error(FieldError::required(
                ids::S5_CSI_SECRET_NAME_REQUIRED,
                path.child("nodePublishSecretRef").child("name"),
                "",
            ));
        } else {
            // Path quirk: `csi.name`, not `csi.nodePublishSecretRef.name`.
            invalid_each(
                checker,
                ids::S5_CSI_SECRET_NAME_FORMAT,
                &path.child("name"),
                &secret.name,
                names::dns1123_subdomain(&secret.name),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        pod::Pod,
        report::ErrorKind,
        rules::test_support::{
            assert_clean, assert_count, assert_has, assert_only, check, claim_template,
            container_mounting, empty_dir, nfs as nfs_source, pod, pod_spec, q,
        },
        validate::Validate,
        volume::{ClaimVolume, EmptyDir, EphemeralVolume, HostPathType, LocalObjectReference},
    };

    fn run(vols: Vec<Volume>) -> crate::Report {
        pod("p", vols).check()
    }

    fn vol(source: VolumeSource) -> Volume {
        Volume::new("v", source)
    }

    fn config_map_vol(default_mode: Option<u32>, items: Vec<KeyToPath>) -> Volume {
        vol(VolumeSource::ConfigMap(ConfigMapVolume {
            default_mode: default_mode.map(FileMode),
            items,
            name: "cm".into(),
            optional: None,
        }))
    }

    fn item(key: &str, path: &str, mode: Option<u32>) -> KeyToPath {
        KeyToPath {
            key: key.into(),
            mode: mode.map(FileMode),
            path: path.into(),
        }
    }

    #[test]
    fn volume_names_are_labels_and_unique() {
        assert_clean(&run(vec![Volume::new(
            "a".repeat(63),
            VolumeSource::EmptyDir(EmptyDir::default()),
        )]));
        let r = run(vec![Volume::new(
            "a".repeat(64),
            VolumeSource::EmptyDir(EmptyDir::default()),
        )]);
        assert_only(&r, "spec.volumes[0].name", ErrorKind::Invalid);
        let r = run(vec![empty_dir("")]);
        assert_only(&r, "spec.volumes[0].name", ErrorKind::Required);
        let r = run(vec![empty_dir("a"), empty_dir("a")]);
        assert_only(&r, "spec.volumes[1].name", ErrorKind::Duplicate);
        assert_eq!(
            r.errors[0].to_string(),
            "spec.volumes[1].name: Duplicate value: \"a\""
        );
    }

    #[test]
    fn default_mode_range() {
        assert_clean(&run(vec![config_map_vol(Some(0o777), vec![])]));
        assert_clean(&run(vec![config_map_vol(Some(0), vec![])]));
        let r = run(vec![config_map_vol(Some(0o1000), vec![])]);
        assert_only(
            &r,
            "spec.volumes[0].configMap.defaultMode",
            ErrorKind::Invalid,
        );
        assert_eq!(
            r.errors[0].to_string(),
            "spec.volumes[0].configMap.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive"
        );
    }

    #[test]
    fn item_paths_keys_and_modes() {
        assert_clean(&run(vec![config_map_vol(
            None,
            vec![item("k", "dir/file", Some(0o400))],
        )]));
        let r = run(vec![config_map_vol(None, vec![item("", "", Some(0o1000))])]);
        assert_count(&r, 3);
        assert_has(
            &r,
            "spec.volumes[0].configMap.items[0].key",
            ErrorKind::Required,
        );
        assert_has(
            &r,
            "spec.volumes[0].configMap.items[0].path",
            ErrorKind::Required,
        );
        assert_has(
            &r,
            "spec.volumes[0].configMap.items[0].mode",
            ErrorKind::Invalid,
        );
        let r = run(vec![config_map_vol(None, vec![item("k", "/etc/x", None)])]);
        assert_only(
            &r,
            "spec.volumes[0].configMap.items[0].path",
            ErrorKind::Invalid,
        );
        assert_eq!(r.errors[0].detail, "must be a relative path");
        let r = run(vec![config_map_vol(
            None,
            vec![item("k", "a/../../x", None)],
        )]);
        assert_eq!(r.errors[0].detail, "must not contain '..'");
        let r = run(vec![config_map_vol(None, vec![item("k", "..data", None)])]);
        assert_eq!(r.errors[0].detail, "must not start with '..'");
    }

    #[test]
    fn secret_requires_a_name() {
        let s = SecretVolume {
            default_mode: Some(FileMode(0o1777)),
            items: vec![],
            optional: None,
            secret_name: String::new(),
        };
        let r = run(vec![vol(VolumeSource::Secret(s))]);
        assert_count(&r, 2);
        assert_has(&r, "spec.volumes[0].secret.secretName", ErrorKind::Required);
        assert_has(&r, "spec.volumes[0].secret.defaultMode", ErrorKind::Invalid);
    }

    #[test]
    fn host_path_rules() {
        let hp = |p: &str| {
            vol(VolumeSource::HostPath(HostPath {
                path: p.into(),
                kind: Some(HostPathType::Directory),
            }))
        };
        assert_clean(&run(vec![hp("/var/log")]));
        assert_clean(&run(vec![hp("relative/is/accepted")]));
        assert_only(
            &run(vec![hp("")]),
            "spec.volumes[0].hostPath.path",
            ErrorKind::Required,
        );
        let r = run(vec![hp("/var/../etc")]);
        assert_only(&r, "spec.volumes[0].hostPath.path", ErrorKind::Invalid);
        assert_eq!(r.errors[0].detail, "must not contain '..'");
    }

    #[test]
    fn nfs_rules() {
        let n = |s: &str, p: &str| vol(VolumeSource::Nfs(nfs_source(s, p)));
        assert_clean(&run(vec![n("nfs.example.com", "/exports")]));
        assert_only(
            &run(vec![n("", "/exports")]),
            "spec.volumes[0].nfs.server",
            ErrorKind::Required,
        );
        let r = run(vec![n("s", "exports")]);
        assert_only(&r, "spec.volumes[0].nfs.path", ErrorKind::Invalid);
        assert_eq!(r.errors[0].detail, "must be an absolute path");
        let r = run(vec![n("s", "")]);
        assert_count(&r, 2);
        assert_has(&r, "spec.volumes[0].nfs.path", ErrorKind::Required);
        assert_has(&r, "spec.volumes[0].nfs.path", ErrorKind::Invalid);
    }

    #[test]
    fn claim_volume_needs_a_claim_name() {
        let c = |n: &str| {
            vol(VolumeSource::PersistentVolumeClaim(ClaimVolume {
                claim_name: n.into(),
                read_only: false,
            }))
        };
        assert_clean(&run(vec![c("data")]));
        assert_only(
            &run(vec![c("")]),
            "spec.volumes[0].persistentVolumeClaim.claimName",
            ErrorKind::Required,
        );
    }

    #[test]
    fn empty_dir_size_limit() {
        let e = |s: &str| {
            vol(VolumeSource::EmptyDir(EmptyDir {
                medium: None,
                size_limit: Some(q(s)),
            }))
        };
        assert_clean(&run(vec![e("0")]));
        let r = run(vec![e("-1Mi")]);
        assert_only(
            &r,
            "spec.volumes[0].emptyDir.sizeLimit",
            ErrorKind::Forbidden,
        );
    }

    fn downward(items: Vec<DownwardApiFile>) -> Volume {
        vol(VolumeSource::DownwardApi(DownwardApiVolume {
            default_mode: None,
            items,
        }))
    }

    fn field(path: &str, field: &str) -> DownwardApiFile {
        DownwardApiFile {
            path: path.into(),
            mode: None,
            source: DownwardApiSource::Field(field.into()),
        }
    }

    #[test]
    fn downward_api_fields() {
        let ok = downward(vec![
            field("labels", "metadata.labels"),
            field("app", "metadata.labels['app']"),
            field("anno", "metadata.annotations['Example.com/X']"),
        ]);
        assert_clean(&run(vec![ok]));
        let r = run(vec![downward(vec![field("node", "spec.nodeName")])]);
        assert_only(
            &r,
            "spec.volumes[0].downwardAPI.fieldRef.fieldPath",
            ErrorKind::NotSupported,
        );
        let r = run(vec![downward(vec![field("x", "spec.bogus")])]);
        assert_only(
            &r,
            "spec.volumes[0].downwardAPI.fieldRef.fieldPath",
            ErrorKind::Invalid,
        );
        assert_eq!(
            r.errors[0].detail,
            "error converting fieldPath: field label not supported: spec.bogus"
        );
        let r = run(vec![downward(vec![field("x", "metadata.labels['a/b/c']")])]);
        assert_only(
            &r,
            "spec.volumes[0].downwardAPI.fieldRef",
            ErrorKind::Invalid,
        );
        let r = run(vec![downward(vec![field("/abs", "")])]);
        assert_count(&r, 2);
        assert_has(&r, "spec.volumes[0].downwardAPI.path", ErrorKind::Invalid);
        assert_has(
            &r,
            "spec.volumes[0].downwardAPI.fieldRef.fieldPath",
            ErrorKind::Required,
        );
    }

    #[test]
    fn downward_api_resources() {
        let res = |c: &str, r: &str, d: Option<&str>| DownwardApiFile {
            path: "f".into(),
            mode: None,
            source: DownwardApiSource::Resource {
                container_name: c.into(),
                resource: r.into(),
                divisor: d.map(q),
            },
        };
        assert_clean(&run(vec![downward(vec![res(
            "app",
            "limits.memory",
            Some("1Mi"),
        )])]));
        assert_clean(&run(vec![downward(vec![res(
            "app",
            "requests.hugepages-2Mi",
            None,
        )])]));
        let r = run(vec![downward(vec![res("", "limits.memory", None)])]);
        assert_only(
            &r,
            "spec.volumes[0].downwardAPI.resourceFieldRef.containerName",
            ErrorKind::Required,
        );
        let r = run(vec![downward(vec![res("app", "limits.gpu", None)])]);
        assert_only(
            &r,
            "spec.volumes[0].downwardAPI.resourceFieldRef.resource",
            ErrorKind::NotSupported,
        );
        let r = run(vec![downward(vec![res("app", "limits.cpu", Some("2"))])]);
        assert_only(
            &r,
            "spec.volumes[0].downwardAPI.resourceFieldRef.divisor",
            ErrorKind::Invalid,
        );
        assert_eq!(
            r.errors[0].detail,
            "only divisor's values 1m and 1 are supported with the cpu resource"
        );
    }

    fn csi_vol(driver: &str, secret: Option<&str>) -> Volume {
        vol(VolumeSource::Csi(CsiVolume {
            driver: driver.into(),
            fs_type: None,
            node_publish_secret_ref: secret.map(|n| LocalObjectReference { name: n.into() }),
            read_only: None,
            volume_attributes: Default::default(),
        }))
    }

    #[test]
    fn csi_driver_names() {
        assert_clean(&run(vec![csi_vol("Secrets-Store.csi.k8s.io", None)]));
        let long = format!("{}.io", "d".repeat(60));
        assert_eq!(long.len(), 63);
        assert_clean(&run(vec![csi_vol(&long, None)]));
        let r = run(vec![csi_vol(&format!("{long}x"), None)]);
        assert_only(&r, "spec.volumes[0].csi.driver", ErrorKind::TooLong);
        assert_eq!(
            r.errors[0].to_string(),
            "spec.volumes[0].csi.driver: Too long: may not be more than 63 bytes"
        );
        // ValidateCSIDriverName does not stop at Required: IsDNS1123Subdomain("") fails its
        // regular expression too (every release from 1.30 to 1.37).
        let r = run(vec![csi_vol("", None)]);
        assert_count(&r, 2);
        assert_eq!(r.errors[0].kind, ErrorKind::Required, "{r}");
        assert_eq!(r.errors[1].kind, ErrorKind::Invalid, "{r}");
        assert_eq!(r.errors[1].path.as_str(), "spec.volumes[0].csi.driver");
        let r = run(vec![csi_vol("a_b", None)]);
        assert_only(&r, "spec.volumes[0].csi.driver", ErrorKind::Invalid);
    }

    #[test]
    fn csi_secret_ref_name_path_quirk() {
        assert_clean(&run(vec![csi_vol("d.example.com", Some("creds"))]));
        assert_only(
            &run(vec![csi_vol("d.example.com", Some(""))]),
            "spec.volumes[0].csi.nodePublishSecretRef.name",
            ErrorKind::Required,
        );
        assert_only(
            &run(vec![csi_vol("d.example.com", Some("Creds"))]),
            "spec.volumes[0].csi.name",
            ErrorKind::Invalid,
        );
    }

    fn ephemeral(name: &str, size: &str) -> Volume {
        let mut t = claim_template("ignored", size);
        t.metadata.name = None;
        Volume::new(
            name,
            VolumeSource::Ephemeral(EphemeralVolume {
                volume_claim_template: t,
            }),
        )
    }

    #[test]
    fn ephemeral_template_is_a_claim() {
        assert_clean(&run(vec![ephemeral("scratch", "1Gi")]));
        let r = run(vec![ephemeral("scratch", "0")]);
        assert_only(
            &r,
            "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]",
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn ephemeral_claim_name_must_be_a_subdomain() {
        // Pod name 200 + "-" + volume 52 = 253: fits; one more does not.
        let mut p: Pod = pod(&"p".repeat(200), vec![ephemeral(&"v".repeat(52), "1Gi")]);
        assert_clean(&p.check());
        p.spec.volumes = vec![ephemeral(&"v".repeat(53), "1Gi")];
        let r = p.check();
        assert_only(&r, "spec.volumes[0].name", ErrorKind::Invalid);
        assert!(
            r.errors[0].detail.starts_with("PVC name \"ppp"),
            "{}",
            r.errors[0].detail
        );
        assert!(
            r.errors[0]
                .detail
                .ends_with(": must be no more than 253 characters"),
            "{}",
            r.errors[0].detail
        );
    }

    #[test]
    fn claim_of_an_ephemeral_volume_cannot_be_mounted_as_a_claim() {
        let c = Volume::new(
            "c",
            VolumeSource::PersistentVolumeClaim(ClaimVolume {
                claim_name: "p-scratch".into(),
                read_only: false,
            }),
        );
        let r = run(vec![ephemeral("scratch", "1Gi"), c]);
        assert_only(
            &r,
            "spec.volumes[1].persistentVolumeClaim.claimName",
            ErrorKind::Invalid,
        );
        assert_eq!(
            r.errors[0].detail,
            "must not reference a PVC that gets created for an ephemeral volume"
        );
    }

    #[test]
    fn an_invalid_volume_is_also_not_found_by_its_mounts() {
        let mut p = pod("p", vec![vol(VolumeSource::Nfs(nfs_source("", "/x")))]);
        p.spec.containers = vec![container_mounting("app", "v")];
        let r = p.check();
        assert_count(&r, 2);
        assert_eq!(
            r.errors[0].to_string(),
            "spec.volumes[0].nfs.server: Required value"
        );
        assert_eq!(
            r.errors[1].to_string(),
            "spec.containers[0].volumeMounts[0].name: Not found: \"v\""
        );
        // The same for a template spec (no pod name).
        let spec = pod_spec(
            vec![container_mounting("app", "v")],
            vec![vol(VolumeSource::Nfs(nfs_source("", "/x")))],
        );
        let ctx = crate::rules::pod::SpecContext::template(&[]);
        let r = check(|c| {
            crate::rules::pod::pod_spec(c, &spec, &ctx, &FieldPath::root().child("spec"))
        });
        assert_count(&r, 2);
    }

    #[test]
    fn a_volume_with_only_kvols_findings_is_still_found_by_its_mounts() {
        // The server keeps the ephemeral volume (its template's dataSource is well-formed);
        // only the claim's own create would drop it: kvol's error, and the mount is found.
        let mut eph = ephemeral("v", "1Gi");
        if let VolumeSource::Ephemeral(e) = &mut eph.source {
            e.volume_claim_template.spec.data_source =
                Some(crate::pvc::TypedLocalObjectReference {
                    api_group: Some("example.com".into()),
                    kind: "Thing".into(),
                    name: "t".into(),
                });
        }
        let mut p = pod("p", vec![eph]);
        p.spec.containers = vec![container_mounting("app", "v")];
        let r = p.check();
        assert_count(&r, 1);
        assert_eq!(r.errors[0].rule, ids::S8_KVOL_DATA_SOURCE_DROPPED, "{r}");
        assert_eq!(r.errors[0].source(), crate::report::Source::Kvol);
    }
}
