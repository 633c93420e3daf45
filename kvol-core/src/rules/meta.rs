//! Object metadata (k8s-rules §4, apimachinery `ValidateObjectMetaAccessor`): the name in the
//! format of its object, the namespace, label keys and values, annotation keys and the 256 KiB
//! annotation total; and the labels/annotations-only metadata of embedded templates.

use super::common::{SIZE_LIMIT_256K, invalid_each};
use crate::{
    meta::{ClusterMeta, ObjectMeta, StringMap, TemplateMeta},
    names::{self, NameError},
    report::{FieldError, FieldPath, RuleId},
    rules::ids,
    validate::Checker,
};

/// The name format of an object kind (k8s-rules §2, "Name functions used by objects").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameFormat {
    /// `NameIsDNSSubdomain`: Pods, PVs, PVCs, StorageClasses.
    Subdomain,
    /// `NameIsDNSLabel`: StatefulSets (and namespaces).
    Label,
    /// `NameIsDNS1035Label`: Services.
    Dns1035,
    /// `ValidatePathSegmentName` only: PodDisruptionBudgets.
    PathSegment,
}

impl NameFormat {
    /// Runs the check of this format.
    pub(crate) fn check(self, name: &str) -> Result<(), NameError> {
        match self {
            NameFormat::Subdomain => names::dns1123_subdomain(name),
            NameFormat::Label => names::dns1123_label(name),
            NameFormat::Dns1035 => names::dns1035_label(name),
            NameFormat::PathSegment => names::path_segment_name(name),
        }
    }
}

/// The rules of a label map: its keys (qualified names) and its values (label values).
#[derive(Debug, Clone, Copy)]
pub(crate) struct LabelRules {
    /// The rule of the keys.
    pub(crate) key: RuleId,
    /// The rule of the values.
    pub(crate) value: RuleId,
}

impl LabelRules {
    /// One rule for keys and values.
    pub(crate) const fn both(rule: RuleId) -> Self {
        LabelRules {
            key: rule,
            value: rule,
        }
    }
    /// `metadata.labels` of an object.
    pub(crate) const METADATA: LabelRules = LabelRules {
        key: ids::S4_LABEL_KEY,
        value: ids::S4_LABEL_VALUE,
    };
}

/// The rules of an annotation map: its keys and its total size.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AnnotationRules {
    /// The rule of the keys.
    pub(crate) key: RuleId,
    /// The rule of the total size.
    pub(crate) size: RuleId,
}

impl AnnotationRules {
    /// `metadata.annotations` of an object.
    pub(crate) const METADATA: AnnotationRules = AnnotationRules {
        key: ids::S4_ANNOTATION_KEY,
        size: ids::S4_ANNOTATIONS_SIZE,
    };
}

/// `metadata.name`: required, then the object's format (`rule`: the kind's name rule).
fn name(checker: &mut Checker, name: &str, format: NameFormat, rule: RuleId, path: &FieldPath) {
    let path = path.child("name");
    if name.is_empty() {
        checker.error(FieldError::required(
            ids::S4_NAME_REQUIRED,
            path,
            "name or generateName is required",
        ));
    } else if rule == ids::S2_NAME_STATEFULSET {
        // A StatefulSet name's length has a rule of its own.
        if let Err(e) = format.check(name) {
            for (msg, cause) in e.messages.into_iter().zip(e.rules) {
                let rule = if cause == ids::S2_DNS1123_LABEL_LENGTH {
                    ids::S2_NAME_STATEFULSET_LENGTH
                } else {
                    rule
                };
                checker.error(FieldError::invalid(rule, path.clone(), name, msg).with_cause(cause));
            }
        }
    } else {
        invalid_each(checker, rule, &path, name, format.check(name));
    }
}

/// Metadata of a namespaced object. An unset (or empty) namespace is filled in from the
/// request by the API server, so only a set one is checked (DNS-1123 label).
pub(crate) fn object_meta(
    checker: &mut Checker,
    meta: &ObjectMeta,
    format: NameFormat,
    rule: RuleId,
    path: &FieldPath,
) {
    name(checker, &meta.name, format, rule, path);
    if let Some(ns) = meta.namespace.as_deref().filter(|ns| !ns.is_empty()) {
        invalid_each(
            checker,
            ids::S4_NAMESPACE_FORMAT,
            &path.child("namespace"),
            ns,
            names::dns1123_label(ns),
        );
    }
    labels(
        checker,
        LabelRules::METADATA,
        &meta.labels,
        &path.child("labels"),
    );
    annotations(
        checker,
        AnnotationRules::METADATA,
        &meta.annotations,
        &path.child("annotations"),
    );
}

/// Metadata of a cluster-scoped object (no namespace by construction).
pub(crate) fn cluster_meta(
    checker: &mut Checker,
    meta: &ClusterMeta,
    format: NameFormat,
    rule: RuleId,
    path: &FieldPath,
) {
    name(checker, &meta.name, format, rule, path);
    labels(
        checker,
        LabelRules::METADATA,
        &meta.labels,
        &path.child("labels"),
    );
    annotations(
        checker,
        AnnotationRules::METADATA,
        &meta.annotations,
        &path.child("annotations"),
    );
}

/// `ValidateLabels`: keys are qualified names, values label values. Like the API server, the
/// error path is the map itself (`metadata.labels`) and the bad key or value is the value.
pub(crate) fn labels(checker: &mut Checker, rules: LabelRules, map: &StringMap, path: &FieldPath) {
    for (key, value) in map {
        invalid_each(checker, rules.key, path, key, names::qualified_name(key));
        invalid_each(checker, rules.value, path, value, names::label_value(value));
    }
}

/// `ValidateAnnotations`: keys are qualified names once lower-cased; keys and values together
/// at most 256 KiB.
pub(crate) fn annotations(
    checker: &mut Checker,
    rules: AnnotationRules,
    map: &StringMap,
    path: &FieldPath,
) {
    let mut total = 0usize;
    for (key, value) in map {
        invalid_each(
            checker,
            rules.key,
            path,
            key,
            names::qualified_name(&key.to_lowercase()),
        );
        total = total.saturating_add(key.len()).saturating_add(value.len());
    }
    if total > SIZE_LIMIT_256K {
        checker.error(FieldError::too_long(
            rules.size,
            path.clone(),
            SIZE_LIMIT_256K,
        ));
    }
}

/// Labels then annotations of an embedded template's metadata (`spec.template`,
/// `volumeClaimTemplates[i]`), at the given paths.
pub(crate) fn template_labels_annotations(
    checker: &mut Checker,
    meta: &TemplateMeta,
    rules: (LabelRules, AnnotationRules),
    labels_path: &FieldPath,
    annotations_path: &FieldPath,
) {
    labels(checker, rules.0, &meta.labels, labels_path);
    annotations(checker, rules.1, &meta.annotations, annotations_path);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        report::ErrorKind,
        rules::test_support::{assert_clean, assert_has, assert_only, check},
    };

    fn meta(name: &str) -> ObjectMeta {
        ObjectMeta::named(name)
    }

    #[test]
    fn subdomain_names_up_to_253() {
        let ok = format!("{}.{}", "a".repeat(126), "b".repeat(126));
        assert_eq!(ok.len(), 253);
        assert_clean(&check(|c| {
            object_meta(
                c,
                &meta(&ok),
                NameFormat::Subdomain,
                ids::S2_NAME_PVC,
                &FieldPath::root().child("metadata"),
            )
        }));
        let bad = format!("{ok}c");
        let r = check(|c| {
            object_meta(
                c,
                &meta(&bad),
                NameFormat::Subdomain,
                ids::S2_NAME_PVC,
                &FieldPath::root().child("metadata"),
            )
        });
        assert_only(&r, "metadata.name", ErrorKind::Invalid);
        assert_eq!(r.errors[0].detail, "must be no more than 253 characters");
    }

    #[test]
    fn label_names_up_to_63() {
        let path = FieldPath::root().child("metadata");
        assert_clean(&check(|c| {
            object_meta(
                c,
                &meta(&"a".repeat(63)),
                NameFormat::Label,
                ids::S2_NAME_PVC,
                &path,
            )
        }));
        let r = check(|c| {
            object_meta(
                c,
                &meta(&"a".repeat(64)),
                NameFormat::Label,
                ids::S2_NAME_PVC,
                &path,
            )
        });
        assert_only(&r, "metadata.name", ErrorKind::Invalid);
        let r = check(|c| object_meta(c, &meta("a.b"), NameFormat::Label, ids::S2_NAME_PVC, &path));
        assert_eq!(r.errors[0].detail, "must not contain dots");
    }

    #[test]
    fn dns1035_names_start_with_a_letter() {
        let path = FieldPath::root().child("metadata");
        assert_clean(&check(|c| {
            object_meta(c, &meta("a0"), NameFormat::Dns1035, ids::S2_NAME_PVC, &path)
        }));
        let r =
            check(|c| object_meta(c, &meta("0a"), NameFormat::Dns1035, ids::S2_NAME_PVC, &path));
        assert_only(&r, "metadata.name", ErrorKind::Invalid);
        assert!(
            r.errors[0].detail.starts_with("a DNS-1035 label"),
            "{}",
            r.errors[0].detail
        );
    }

    #[test]
    fn empty_name_is_required() {
        let r = check(|c| {
            object_meta(
                c,
                &meta(""),
                NameFormat::Subdomain,
                ids::S2_NAME_PVC,
                &FieldPath::root().child("metadata"),
            )
        });
        assert_only(&r, "metadata.name", ErrorKind::Required);
        assert_eq!(
            r.errors[0].to_string(),
            "metadata.name: Required value: name or generateName is required"
        );
    }

    #[test]
    fn namespace_is_a_label() {
        let path = FieldPath::root().child("metadata");
        let mut m = meta("x");
        m.namespace = Some("a".repeat(63));
        assert_clean(&check(|c| {
            object_meta(c, &m, NameFormat::Subdomain, ids::S2_NAME_PVC, &path)
        }));
        m.namespace = Some("".into());
        assert_clean(&check(|c| {
            object_meta(c, &m, NameFormat::Subdomain, ids::S2_NAME_PVC, &path)
        }));
        m.namespace = Some("a".repeat(64));
        assert_only(
            &check(|c| object_meta(c, &m, NameFormat::Subdomain, ids::S2_NAME_PVC, &path)),
            "metadata.namespace",
            ErrorKind::Invalid,
        );
        m.namespace = Some("Prod".into());
        assert_only(
            &check(|c| object_meta(c, &m, NameFormat::Subdomain, ids::S2_NAME_PVC, &path)),
            "metadata.namespace",
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn label_keys_and_values() {
        let path = FieldPath::root().child("metadata").child("labels");
        let mut m = StringMap::new();
        m.insert(format!("example.com/{}", "k".repeat(63)), "v".repeat(63));
        assert_clean(&check(|c| labels(c, LabelRules::METADATA, &m, &path)));
        m.clear();
        m.insert("k".repeat(64), "ok".into());
        let r = check(|c| labels(c, LabelRules::METADATA, &m, &path));
        assert_only(&r, "metadata.labels", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].detail,
            "name part must be no more than 63 bytes"
        );
        m.clear();
        m.insert("app".into(), "v".repeat(64));
        let r = check(|c| labels(c, LabelRules::METADATA, &m, &path));
        assert_only(&r, "metadata.labels", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].value.as_deref(),
            Some(format!("\"{}\"", "v".repeat(64)).as_str())
        );
        // YAML-1.1-ambiguous values are fine: kvol quotes them.
        m.clear();
        m.insert("enabled".into(), "yes".into());
        let r = check(|c| labels(c, LabelRules::METADATA, &m, &path));
        assert_clean(&r);
        assert!(r.warnings.is_empty());
    }

    #[test]
    fn annotation_keys_are_lower_cased_and_total_is_capped() {
        let path = FieldPath::root().child("metadata").child("annotations");
        let mut m = StringMap::new();
        m.insert("Example.COM/Key".into(), "anything: goes\n".into());
        assert_clean(&check(|c| {
            annotations(c, AnnotationRules::METADATA, &m, &path)
        }));
        m.insert("a/b/c".into(), String::new());
        assert_only(
            &check(|c| annotations(c, AnnotationRules::METADATA, &m, &path)),
            "metadata.annotations",
            ErrorKind::Invalid,
        );

        // Keys + values: exactly 256 KiB passes, one byte more is too long.
        let mut m = StringMap::new();
        m.insert("k".into(), "v".repeat(SIZE_LIMIT_256K - 1));
        assert_clean(&check(|c| {
            annotations(c, AnnotationRules::METADATA, &m, &path)
        }));
        m.insert("k".into(), "v".repeat(SIZE_LIMIT_256K));
        let r = check(|c| annotations(c, AnnotationRules::METADATA, &m, &path));
        assert_only(&r, "metadata.annotations", ErrorKind::TooLong);
        assert_eq!(
            r.errors[0].to_string(),
            "metadata.annotations: Too long: may not be more than 262144 bytes"
        );
    }

    #[test]
    fn every_mistake_of_a_metadata_is_reported() {
        let mut m = meta("Bad_Name");
        m.namespace = Some("Bad".into());
        m.labels.insert("bad key!".into(), "bad value!".into());
        m.annotations.insert("/".into(), String::new());
        let r = check(|c| {
            object_meta(
                c,
                &m,
                NameFormat::Subdomain,
                ids::S2_NAME_PVC,
                &FieldPath::root().child("metadata"),
            )
        });
        assert_has(&r, "metadata.name", ErrorKind::Invalid);
        assert_has(&r, "metadata.namespace", ErrorKind::Invalid);
        assert_has(&r, "metadata.labels", ErrorKind::Invalid);
        assert_has(&r, "metadata.annotations", ErrorKind::Invalid);
        assert!(r.errors.len() >= 5, "{r}");
    }
}
