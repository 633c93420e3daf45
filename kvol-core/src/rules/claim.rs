//! Claims (k8s-rules §8, `ValidatePersistentVolumeClaimSpec`): the spec rules shared by
//! PersistentVolumeClaims, StatefulSet `volumeClaimTemplates` and `ephemeral` volume templates,
//! plus the access-mode rules shared with PersistentVolumes.

use super::{
    common::{NOT_POSITIVE, invalid_each, invalid_raw},
    ids,
    meta::{self, AnnotationRules, LabelRules, NameFormat},
    selector, warnings,
};
use crate::{
    access::{AccessMode, AccessModes},
    names,
    pvc::{
        ClassRef, PersistentVolumeClaim, PvcSpec, PvcTemplate, TypedLocalObjectReference,
        TypedObjectReference,
    },
    report::{FieldError, FieldPath, RuleId},
    validate::Checker,
    version::KubeVersion,
};

/// A whole PersistentVolumeClaim: metadata (name a DNS-1123 subdomain) and spec.
pub(crate) fn validate_pvc(checker: &mut Checker, pvc: &PersistentVolumeClaim, path: &FieldPath) {
    let meta_path = path.child("metadata");
    meta::object_meta(
        checker,
        &pvc.metadata,
        NameFormat::Subdomain,
        ids::S2_NAME_PVC,
        &meta_path,
    );
    claim_spec(checker, ClaimContext::Claim, &pvc.spec, &path.child("spec"));
    warnings::beta_storage_class_annotation(checker, &pvc.metadata.annotations, &meta_path);
}

/// An `ephemeral.volumeClaimTemplate` (`ValidatePersistentVolumeClaimTemplate`): only labels
/// and annotations may be set in its metadata.
pub(crate) fn ephemeral_template(checker: &mut Checker, template: &PvcTemplate, path: &FieldPath) {
    let meta_path = path.child("metadata");
    // `ValidateTemplateObjectMeta`: annotations, then labels, then no other field.
    meta::annotations(
        checker,
        AnnotationRules::METADATA,
        &template.metadata.annotations,
        &meta_path.child("annotations"),
    );
    meta::labels(
        checker,
        LabelRules::METADATA,
        &template.metadata.labels,
        &meta_path.child("labels"),
    );
    if template.metadata.name.is_some() {
        checker.error(FieldError::forbidden(
            ids::S5_EPHEMERAL_TEMPLATE_METADATA,
            meta_path.child("name"),
            "cannot be set",
        ));
    }
    claim_spec(
        checker,
        ClaimContext::Ephemeral,
        &template.spec,
        &path.child("spec"),
    );
}

/// Access modes of a claim or a volume: each supported (by construction), and
/// `ReadWriteOncePod` alone.
pub(crate) fn read_write_once_pod_alone(
    checker: &mut Checker,
    rule: RuleId,
    modes: AccessModes,
    path: FieldPath,
) {
    if modes.contains(AccessMode::ReadWriteOncePod) && modes.len() > 1 {
        checker.error(FieldError::forbidden(
            rule,
            path,
            "may not use ReadWriteOncePod with other access modes",
        ));
    }
}

/// Where a claim spec is: its errors carry the rule of that place (the claim rule that failed
/// is then their cause).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClaimContext {
    /// A PersistentVolumeClaim.
    Claim,
    /// A StatefulSet's `volumeClaimTemplates[i]`.
    Template,
    /// An `ephemeral.volumeClaimTemplate`.
    Ephemeral,
}

impl ClaimContext {
    /// The rule of an error whose claim rule is `rule`, in this context.
    fn rule(self, rule: RuleId) -> RuleId {
        match self {
            ClaimContext::Claim => rule,
            ClaimContext::Template if rule == ids::S8_ACCESS_MODES_RWOP_ALONE => {
                ids::S8_CLAIM_TEMPLATE_ACCESS_MODES
            }
            ClaimContext::Template => ids::S8_CLAIM_TEMPLATE_RULES,
            ClaimContext::Ephemeral if rule == ids::S8_ACCESS_MODES_REQUIRED => {
                ids::S5_EPHEMERAL_TEMPLATE_ACCESS_MODES
            }
            ClaimContext::Ephemeral => ids::S5_EPHEMERAL_TEMPLATE_CLAIM_RULES,
        }
    }
}

/// `ValidatePersistentVolumeClaimSpec` (and its warnings), for `spec` at `path`, in `context`.
pub(crate) fn claim_spec(
    checker: &mut Checker,
    context: ClaimContext,
    spec: &PvcSpec,
    path: &FieldPath,
) {
    super::extra::check(
        checker,
        &spec.extra,
        &super::extra::claim_spec_level(),
        path,
    );
    if context == ClaimContext::Claim {
        return claim_spec_rules(checker, context, spec, path);
    }
    let mut inner = Checker::new(checker.target());
    claim_spec_rules(&mut inner, context, spec, path);
    let mut report = inner.finish();
    for e in &mut report.errors {
        let claim_rule = e.rule;
        // kvol's own findings stay kvol's (a template's dataSource that the claims' create
        // would drop is not the API server's error on the template).
        if claim_rule.source() == crate::report::Source::Kvol {
            continue;
        }
        e.rule = context.rule(claim_rule);
        e.cause = Some(claim_rule);
    }
    for e in report.errors {
        checker.error(e);
    }
    for w in report.warnings {
        checker.warning(w);
    }
}

fn claim_spec_rules(
    checker: &mut Checker,
    context: ClaimContext,
    spec: &PvcSpec,
    path: &FieldPath,
) {
    if spec.access_modes.is_empty() {
        checker.error(FieldError::required(
            ids::S8_ACCESS_MODES_REQUIRED,
            path.child("accessModes"),
            "at least 1 access mode is required",
        ));
    }
    if let Some(sel) = &spec.selector {
        selector::label_selector(
            checker,
            selector::SelectorRules::CLAIM,
            sel,
            &path.child("selector"),
        );
    }
    read_write_once_pod_alone(
        checker,
        ids::S8_ACCESS_MODES_RWOP_ALONE,
        spec.access_modes,
        path.child("accessModes"),
    );

    // The request as the API server sees it: rounded up to milli units by defaulting.
    // Path quirk: `spec.resources[storage]`, without `requests`.
    // (Rounding up never changes the sign, so the rounded value is only built for a message.)
    let request = &spec.resources.requests;
    if !request.is_positive() {
        let rule = if request.is_zero() {
            ids::S3_4_POSITIVE_REQUEST
        } else {
            ids::S3_4_NEGATIVE_REQUEST
        };
        checker.error(FieldError::invalid(
            rule,
            path.child("resources").key("storage"),
            &request.round_up_milli().canonical(),
            NOT_POSITIVE,
        ));
    }

    if let ClassRef::Named(class) = &spec.storage_class
        && !class.is_empty()
    {
        let p = path.child("storageClassName");
        invalid_each(
            checker,
            ids::S8_STORAGE_CLASS_NAME_FORMAT,
            &p,
            class,
            names::dns1123_subdomain(class),
        );
    }

    data_sources(checker, context, spec, path);
    attributes_class_name(checker, spec, &path.child("volumeAttributesClassName"));

    // `GetWarningsForPersistentVolumeClaimSpec` gets `spec` for a claim and
    // `…ephemeral.volumeClaimTemplate.spec` for an ephemeral volume (`warningsForPodSpecAndMeta`),
    // but the StatefulSet strategy's `WarningsOnCreate` passes `spec.volumeClaimTemplates[i]`,
    // without `spec`: the warnings there are at `spec.volumeClaimTemplates[i].resources…`.
    let warning_path = match context {
        ClaimContext::Template => path.parent().unwrap_or_else(|| path.clone()),
        ClaimContext::Claim | ClaimContext::Ephemeral => path.clone(),
    };
    warnings::claim_spec(checker, spec, &warning_path);
}

/// The release from which the `VolumeAttributesClass` feature gate is on by default (GA in
/// 1.34; beta and off in 1.31–1.33, alpha before).
const VOLUME_ATTRIBUTES_CLASS_ON: u32 = 34;

/// `volumeAttributesClassName`: dropped on create while the feature gate is off
/// (`dropDisabledFields`), else a DNS-1123 subdomain when not empty (`ValidateClassName`).
fn attributes_class_name(checker: &mut Checker, spec: &PvcSpec, path: &FieldPath) {
    let Some(name) = spec.volume_attributes_class_name.as_deref() else {
        return;
    };
    let target = checker.target();
    if target.minor() < VOLUME_ATTRIBUTES_CLASS_ON {
        checker.error(FieldError::forbidden(
            ids::S8_KVOL_VOLUME_ATTRIBUTES_CLASS_GATE,
            path.clone(),
            format!(
                "the API server drops volumeAttributesClassName on create before Kubernetes \
                 1.{VOLUME_ATTRIBUTES_CLASS_ON} unless the VolumeAttributesClass feature gate is \
                 enabled (off by default; target {target}), so the volume would get no attributes \
                 class: remove it, or target 1.{VOLUME_ATTRIBUTES_CLASS_ON} or later"
            ),
        ));
        return;
    }
    if !name.is_empty() {
        invalid_each(
            checker,
            ids::S8_VOLUME_ATTRIBUTES_CLASS_NAME_FORMAT,
            path,
            name,
            names::dns1123_subdomain(name),
        );
    }
}

/// The release from which the `CrossNamespaceVolumeDataSource` feature gate is on by default:
/// none yet (kubernetes/website `feature-gates/CrossNamespaceVolumeDataSource.md`: alpha, off
/// by default, from 1.26, with no later stage), so no target from 1.30 to 1.37 has it.
const CROSS_NAMESPACE_DATA_SOURCE_ON: Option<u32> = None;

/// Whether the API server of `target` keeps a namespaced `dataSourceRef` (its
/// `CrossNamespaceVolumeDataSource` gate is on by default).
fn cross_namespace_data_source(target: KubeVersion) -> bool {
    CROSS_NAMESPACE_DATA_SOURCE_ON.is_some_and(|minor| target.minor() >= minor)
}

/// `dataSourceIsPvcOrSnapshot` (pkg/api/persistentvolumeclaim/util.go): the only data sources
/// `EnforceDataSourceBackwardsCompatibility` keeps without a `dataSourceRef`.
fn is_pvc_or_snapshot(ds: &TypedLocalObjectReference) -> bool {
    let group = ds.api_group.as_deref().unwrap_or("");
    (ds.kind == "PersistentVolumeClaim" && group.is_empty())
        || (ds.kind == "VolumeSnapshot" && group == "snapshot.storage.k8s.io")
}

/// `dataSource` and `dataSourceRef`, as the API server's create path sees them.
///
/// A PersistentVolumeClaim's create (`persistentvolumeclaimStrategy.PrepareForCreate`, before
/// `Validate`) first runs `pvcutil.DropDisabledFields`, which drops the whole `dataSourceRef`
/// when it has a namespace and `CrossNamespaceVolumeDataSource` is off, then
/// `pvcutil.EnforceDataSourceBackwardsCompatibility`, which drops a `dataSource` that is neither
/// a core PersistentVolumeClaim nor a `snapshot.storage.k8s.io` VolumeSnapshot when there is no
/// `dataSourceRef` (left). Neither is validated then; the claim is created without its source,
/// which kvol refuses (its own rules: the volume would be empty).
///
/// Claim templates are not prepared so (`statefulSetStrategy.PrepareForCreate` only runs
/// `dropStatefulSetDisabledFields` and `pod.DropDisabledTemplateFields`): the server validates
/// what was written. A well-formed `dataSource` that the claims' own create would drop is
/// still kvol's error there.
fn data_sources(checker: &mut Checker, context: ClaimContext, spec: &PvcSpec, path: &FieldPath) {
    let prepared = context == ClaimContext::Claim;
    let ref_namespace = spec
        .data_source_ref
        .as_ref()
        .and_then(|r| r.namespace.as_deref())
        .filter(|ns| !ns.is_empty());
    let target = checker.target();
    let mut data_source_ref = spec.data_source_ref.as_ref();
    if prepared
        && let Some(ns) = ref_namespace
        && !cross_namespace_data_source(target)
    {
        data_source_ref = None;
        checker.error(FieldError::forbidden(
            ids::S8_KVOL_DATA_SOURCE_REF_NAMESPACE_DROPPED,
            path.child("dataSourceRef").child("namespace"),
            format!(
                "the API server drops a dataSourceRef with a namespace ({ns:?}) on create: the \
                 CrossNamespaceVolumeDataSource feature gate is alpha and off by default (target \
                 {target}), so the claim would be created empty; reference a source in the \
                 claim's own namespace"
            ),
        ));
    }
    let mut data_source = spec.data_source.as_ref();
    let dropped =
        data_source_ref.is_none() && data_source.is_some_and(|ds| !is_pvc_or_snapshot(ds));
    let ds_path = path.child("dataSource");
    if dropped && prepared {
        data_source = None;
    }
    // `pvcutil.NormalizeDataSources` (the last step of `PrepareForCreate`, with
    // AnyVolumeDataSource on at every target): a lone dataSource is copied into dataSourceRef,
    // and a lone dataSourceRef without a namespace into dataSource, so `Validate` reports a
    // problem of either under both paths.
    let copied_ref: TypedObjectReference;
    let copied_source: TypedLocalObjectReference;
    if prepared {
        match (data_source, data_source_ref) {
            (Some(ds), None) => {
                copied_ref = TypedObjectReference {
                    api_group: ds.api_group.clone(),
                    kind: ds.kind.clone(),
                    name: ds.name.clone(),
                    namespace: None,
                };
                data_source_ref = Some(&copied_ref);
            }
            (None, Some(dsr)) if dsr.namespace.as_deref().is_none_or(str::is_empty) => {
                copied_source = TypedLocalObjectReference {
                    api_group: dsr.api_group.clone(),
                    kind: dsr.kind.clone(),
                    name: dsr.name.clone(),
                };
                data_source = Some(&copied_source);
            }
            _ => {}
        }
    }
    let before = checker.error_count();
    if let Some(ds) = data_source {
        reference(
            checker,
            false,
            ds.api_group.as_deref(),
            &ds.kind,
            &ds.name,
            &ds_path,
        );
    }
    if let Some(dsr) = data_source_ref {
        data_source_ref_rules(checker, dsr, &path.child("dataSourceRef"));
    }
    // In a template, a dataSource the server refuses is reported as the server does.
    let refused = checker.error_count() > before;
    if dropped
        && (prepared || !refused)
        && let Some(ds) = &spec.data_source
    {
        checker.error(dropped_data_source(ds, ds_path.clone()));
    }
    let ref_namespace = data_source_ref.and_then(|r| r.namespace.as_deref());
    let spec_data_source = || ds_path.to_string();
    match (data_source, data_source_ref) {
        (Some(_), Some(_)) if ref_namespace.is_some_and(|ns| !ns.is_empty()) => {
            checker.error(invalid_raw(
                ids::S8_DATA_SOURCE_REF_NAMESPACE_WITHOUT_DATA_SOURCE,
                path.clone(),
                spec_data_source(),
                "may not be specified when dataSourceRef.namespace is specified",
            ));
        }
        (Some(ds), Some(dsr)) if !data_source_matches(ds, dsr) => {
            checker.error(invalid_raw(
                ids::S8_DATA_SOURCE_MATCHES_DATA_SOURCE_REF,
                path.clone(),
                spec_data_source(),
                "must match dataSourceRef",
            ));
        }
        _ => {}
    }
}

/// kvol's error for a `dataSource` that `EnforceDataSourceBackwardsCompatibility` drops.
fn dropped_data_source(ds: &TypedLocalObjectReference, path: FieldPath) -> FieldError {
    let group = ds.api_group.as_deref().unwrap_or("");
    let value = if group.is_empty() {
        ds.kind.clone()
    } else {
        format!("{group}/{}", ds.kind)
    };
    let fix = if ds.kind == "VolumeSnapshot" {
        "set its apiGroup to snapshot.storage.k8s.io"
    } else {
        "use dataSourceRef for a volume populator, or reference a PersistentVolumeClaim or a \
         snapshot.storage.k8s.io VolumeSnapshot"
    };
    FieldError::invalid(
        ids::S8_KVOL_DATA_SOURCE_DROPPED,
        path,
        &value,
        format!(
            "the API server drops this dataSource on create (only a PersistentVolumeClaim or a \
             snapshot.storage.k8s.io VolumeSnapshot is kept without dataSourceRef), so the \
             claim would be created empty: {fix}"
        ),
    )
}

/// `validateDataSource` and the common part of `validateDataSourceRef`.
fn reference(
    checker: &mut Checker,
    is_ref: bool,
    api_group: Option<&str>,
    kind: &str,
    name: &str,
    path: &FieldPath,
) {
    if name.is_empty() {
        let rule = if is_ref {
            ids::S8_DATA_SOURCE_REF_NAME_REQUIRED
        } else {
            ids::S8_DATA_SOURCE_NAME_REQUIRED
        };
        checker.error(FieldError::required(rule, path.child("name"), ""));
    }
    if kind.is_empty() {
        checker.error(FieldError::required(
            ids::S8_DATA_SOURCE_KIND_REQUIRED,
            path.child("kind"),
            "",
        ));
    }
    let group = api_group.unwrap_or("");
    if group.is_empty() && kind != "PersistentVolumeClaim" {
        checker.error(FieldError::invalid(
            ids::S8_DATA_SOURCE_CORE_GROUP_KIND,
            path.clone(),
            kind,
            "must be 'PersistentVolumeClaim' when referencing the default apiGroup",
        ));
    }
    if !group.is_empty() {
        invalid_each(
            checker,
            ids::S8_DATA_SOURCE_API_GROUP_FORMAT,
            &path.child("apiGroup"),
            group,
            names::dns1123_subdomain(group),
        );
    }
}

fn data_source_ref_rules(checker: &mut Checker, dsr: &TypedObjectReference, path: &FieldPath) {
    reference(
        checker,
        true,
        dsr.api_group.as_deref(),
        &dsr.kind,
        &dsr.name,
        path,
    );
    if let Some(ns) = dsr.namespace.as_deref().filter(|ns| !ns.is_empty()) {
        invalid_each(
            checker,
            ids::S8_DATA_SOURCE_REF_NAMESPACE_FORMAT,
            &path.child("namespace"),
            ns,
            names::dns1123_label(ns),
        );
    }
}

/// `isDataSourceEqualDataSourceRef`: same API group (unset and `""` differ), kind and name.
fn data_source_matches(ds: &TypedLocalObjectReference, dsr: &TypedObjectReference) -> bool {
    ds.api_group == dsr.api_group && ds.kind == dsr.kind && ds.name == dsr.name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        report::ErrorKind,
        rules::test_support::{
            assert_clean, assert_has, assert_only, check, claim_spec as spec, pvc, q, warning,
        },
        selector::LabelSelector,
        validate::Validate,
    };

    fn run(s: &PvcSpec) -> crate::Report {
        check(|c| claim_spec(c, ClaimContext::Claim, s, &FieldPath::root().child("spec")))
    }

    #[test]
    fn a_plain_claim_is_valid() {
        assert_clean(&pvc("data", "1Gi").check());
    }

    #[test]
    fn access_modes_required() {
        let mut s = spec("1Gi");
        s.access_modes = AccessModes::EMPTY;
        let r = run(&s);
        assert_only(&r, "spec.accessModes", ErrorKind::Required);
        assert_eq!(
            r.errors[0].to_string(),
            "spec.accessModes: Required value: at least 1 access mode is required"
        );
    }

    #[test]
    fn read_write_once_pod_is_exclusive() {
        let mut s = spec("1Gi");
        s.access_modes = AccessModes::from(AccessMode::ReadWriteOncePod);
        assert_clean(&run(&s));
        s.access_modes.insert(AccessMode::ReadOnlyMany);
        let r = run(&s);
        assert_only(&r, "spec.accessModes", ErrorKind::Forbidden);
        assert_eq!(
            r.errors[0].detail,
            "may not use ReadWriteOncePod with other access modes"
        );
    }

    #[test]
    fn storage_request_must_be_positive() {
        assert_clean(&run(&spec("1")));
        // 1n is rounded up to 1m by defaulting: still positive.
        assert_clean(&run(&spec("1n")));
        let r = run(&spec("0"));
        assert_only(&r, "spec.resources[storage]", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].to_string(),
            "spec.resources[storage]: Invalid value: \"0\": must be greater than zero"
        );
        let r = run(&spec("-1Gi"));
        assert_only(&r, "spec.resources[storage]", ErrorKind::Invalid);
    }

    #[test]
    fn fractional_storage_is_a_warning_with_the_defaulted_value() {
        let mut s = spec("1.5");
        s.resources.limits = Some(q("2500m"));
        let r = run(&s);
        assert_clean(&r);
        let w = warning(&r, "spec.resources.requests[storage]");
        assert!(
            w.message
                .starts_with("fractional byte value \"1500m\" is invalid, must be an integer"),
            "{}",
            w.message
        );
        warning(&r, "spec.resources.limits[storage]");
        assert!(run(&spec("1Gi")).warnings.is_empty());
    }

    #[test]
    fn whole_sizes_from_about_8_pi_warn_as_on_the_api_server() {
        // MilliValue() of an inf.Dec-backed size keeps the low 64 bits of its thousandths:
        // 8Pi × 1000 < 2^63 is exact, 9Pi × 1000 wraps and `% 1000` is no longer 0.
        assert!(run(&spec("8Pi")).warnings.is_empty());
        let r = run(&spec("9Pi"));
        let w = warning(&r, "spec.resources.requests[storage]");
        assert!(
            w.message == "fractional byte value \"9Pi\" is invalid, must be an integer",
            "{}",
            w.message
        );
        assert!(w.help.as_deref().is_some_and(|h| h.contains("harmless")));
        // 2Ei × 1000 = 125 × 2^64: the low 64 bits are 0, no warning.
        assert!(run(&spec("2Ei")).warnings.is_empty());
        assert!(!run(&spec("1Ei")).warnings.is_empty());
    }

    #[test]
    fn storage_class_names() {
        let mut s = spec("1Gi");
        s.storage_class = ClassRef::NoClass;
        assert_clean(&run(&s));
        s.storage_class = ClassRef::Named("fast.ssd".into());
        assert_clean(&run(&s));
        s.storage_class = ClassRef::Named("Fast".into());
        assert_only(&run(&s), "spec.storageClassName", ErrorKind::Invalid);
    }

    #[test]
    fn selector_is_validated() {
        let mut s = spec("1Gi");
        let mut sel = LabelSelector::default();
        sel.match_labels
            .insert("release".into(), "bad value".into());
        s.selector = Some(sel);
        assert_only(&run(&s), "spec.selector.matchLabels", ErrorKind::Invalid);
    }

    fn snapshot(group: Option<&str>, kind: &str, name: &str) -> TypedLocalObjectReference {
        TypedLocalObjectReference {
            api_group: group.map(Into::into),
            kind: kind.into(),
            name: name.into(),
        }
    }

    fn run_in(context: ClaimContext, s: &PvcSpec) -> crate::Report {
        check(|c| claim_spec(c, context, s, &FieldPath::root().child("spec")))
    }

    fn has_rule(r: &crate::Report, rule: RuleId) -> bool {
        r.errors
            .iter()
            .any(|e| e.rule == rule || e.cause == Some(rule))
    }

    #[test]
    fn data_source_rules() {
        let mut s = spec("1Gi");
        s.data_source = Some(snapshot(
            Some("snapshot.storage.k8s.io"),
            "VolumeSnapshot",
            "snap",
        ));
        assert_clean(&run(&s));
        s.data_source = Some(snapshot(None, "PersistentVolumeClaim", "src"));
        assert_clean(&run(&s));
        // A snapshot and a claim are kept, copied into dataSourceRef (NormalizeDataSources),
        // and both are validated.
        s.data_source = Some(snapshot(
            Some("snapshot.storage.k8s.io"),
            "VolumeSnapshot",
            "",
        ));
        let r = run(&s);
        assert_eq!(r.errors.len(), 2, "{r}");
        assert_has(&r, "spec.dataSource.name", ErrorKind::Required);
        assert_has(&r, "spec.dataSourceRef.name", ErrorKind::Required);
        // A lone dataSourceRef without namespace is copied into dataSource.
        s.data_source = None;
        s.data_source_ref = Some(TypedObjectReference {
            api_group: Some("Bad_Group".into()),
            kind: "Populator".into(),
            name: "p".into(),
            namespace: None,
        });
        let r = run(&s);
        assert_eq!(r.errors.len(), 2, "{r}");
        assert_has(&r, "spec.dataSourceRef.apiGroup", ErrorKind::Invalid);
        assert_has(&r, "spec.dataSource.apiGroup", ErrorKind::Invalid);
        // Not in a template (no PrepareForCreate there).
        let r = run_in(ClaimContext::Template, &s);
        assert_only(&r, "spec.dataSourceRef.apiGroup", ErrorKind::Invalid);
        s.data_source_ref = None;
        // In a claim template the server validates what was written
        // (no EnforceDataSourceBackwardsCompatibility there).
        s.data_source = Some(snapshot(None, "VolumeSnapshot", ""));
        let r = run_in(ClaimContext::Template, &s);
        assert_has(&r, "spec.dataSource.name", ErrorKind::Required);
        assert_has(&r, "spec.dataSource", ErrorKind::Invalid);
        assert!(!has_rule(&r, ids::S8_KVOL_DATA_SOURCE_DROPPED), "{r}");
        s.data_source = Some(snapshot(Some("Bad_Group"), "X", "x"));
        let r = run_in(ClaimContext::Ephemeral, &s);
        assert_only(&r, "spec.dataSource.apiGroup", ErrorKind::Invalid);
        assert!(!has_rule(&r, ids::S8_KVOL_DATA_SOURCE_DROPPED), "{r}");
    }

    #[test]
    fn a_dropped_data_source_in_a_template_stays_kvols() {
        // Well-formed, so the server accepts the template; the claims' own create would drop
        // it: kvol's error, not relabelled as a template rule of the server.
        let mut s = spec("1Gi");
        s.data_source = Some(snapshot(Some("example.com"), "Thing", "t"));
        for context in [ClaimContext::Template, ClaimContext::Ephemeral] {
            let r = run_in(context, &s);
            assert_eq!(r.errors.len(), 1, "{r}");
            assert_eq!(r.errors[0].rule, ids::S8_KVOL_DATA_SOURCE_DROPPED, "{r}");
            assert_eq!(r.errors[0].source(), crate::report::Source::Kvol);
        }
    }

    #[test]
    fn a_data_source_the_server_drops_is_kvols_error() {
        let mut s = spec("1Gi");
        // Neither a claim nor a snapshot.storage.k8s.io snapshot, without dataSourceRef: on a
        // claim the server drops it before validating (no error of its own), kvol refuses it.
        for (group, kind, name) in [
            (None, "VolumeSnapshot", ""),
            (Some("Bad_Group"), "X", "x"),
            (Some("snapshot.storage.k8s.io"), "", "snap"),
            (Some("example.com"), "Thing", "t"),
            (Some(""), "VolumeSnapshot", "snap"),
        ] {
            s.data_source = Some(snapshot(group, kind, name));
            let r = run(&s);
            assert_only(&r, "spec.dataSource", ErrorKind::Invalid);
            assert_eq!(r.errors[0].rule, ids::S8_KVOL_DATA_SOURCE_DROPPED);
            assert!(
                r.errors[0]
                    .detail
                    .starts_with("the API server drops this dataSource on create"),
                "{}",
                r.errors[0].detail
            );
        }
        // A well-formed one in a template: the claims created from it lose it.
        s.data_source = Some(snapshot(Some("example.com"), "Thing", "t"));
        let r = run_in(ClaimContext::Template, &s);
        assert_only(&r, "spec.dataSource", ErrorKind::Invalid);
        assert!(has_rule(&r, ids::S8_KVOL_DATA_SOURCE_DROPPED));
        // With a dataSourceRef (same contents) the server keeps it: a populator.
        s.data_source_ref = Some(TypedObjectReference {
            api_group: Some("example.com".into()),
            kind: "Thing".into(),
            name: "t".into(),
            namespace: None,
        });
        assert_clean(&run(&s));
        s.data_source = None;
        assert_clean(&run(&s));
    }

    #[test]
    fn a_namespaced_data_source_ref_is_dropped_at_every_target() {
        let mut s = spec("1Gi");
        let dsr = TypedObjectReference {
            api_group: Some("snapshot.storage.k8s.io".into()),
            kind: "VolumeSnapshot".into(),
            name: "snap".into(),
            namespace: Some("other".into()),
        };
        s.data_source_ref = Some(dsr.clone());
        for target in crate::KubeVersion::all() {
            let r = check_for_target(target, &s);
            assert_only(&r, "spec.dataSourceRef.namespace", ErrorKind::Forbidden);
            assert_eq!(
                r.errors[0].rule,
                ids::S8_KVOL_DATA_SOURCE_REF_NAMESPACE_DROPPED
            );
        }
        // Dropped before validation: its namespace is not checked, and a dataSource beside it
        // is not refused for it (but is then dropped itself unless a claim or a snapshot).
        s.data_source_ref = Some(TypedObjectReference {
            namespace: Some("Other".into()),
            ..dsr.clone()
        });
        assert_only(
            &run(&s),
            "spec.dataSourceRef.namespace",
            ErrorKind::Forbidden,
        );
        s.data_source = Some(snapshot(
            Some("snapshot.storage.k8s.io"),
            "VolumeSnapshot",
            "a",
        ));
        assert_only(
            &run(&s),
            "spec.dataSourceRef.namespace",
            ErrorKind::Forbidden,
        );
        s.data_source = Some(snapshot(Some("example.com"), "Thing", "a"));
        let r = run(&s);
        assert_has(&r, "spec.dataSourceRef.namespace", ErrorKind::Forbidden);
        assert_has(&r, "spec.dataSource", ErrorKind::Invalid);
        assert_eq!(r.errors.len(), 2);
        // An empty namespace is no namespace.
        s.data_source = None;
        s.data_source_ref = Some(TypedObjectReference {
            namespace: Some(String::new()),
            ..dsr
        });
        assert_clean(&run(&s));
    }

    fn check_for_target(target: crate::KubeVersion, s: &PvcSpec) -> crate::Report {
        let mut c = Checker::new(target);
        claim_spec(
            &mut c,
            ClaimContext::Claim,
            s,
            &FieldPath::root().child("spec"),
        );
        c.finish()
    }

    #[test]
    fn data_source_and_ref_must_agree() {
        let mut s = spec("1Gi");
        s.data_source = Some(snapshot(None, "PersistentVolumeClaim", "a"));
        let mut dsr = TypedObjectReference {
            api_group: None,
            kind: "PersistentVolumeClaim".into(),
            name: "a".into(),
            namespace: None,
        };
        s.data_source_ref = Some(dsr.clone());
        assert_clean(&run(&s));
        dsr.name = "b".into();
        s.data_source_ref = Some(dsr.clone());
        let r = run(&s);
        assert_only(&r, "spec", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].to_string(),
            "spec: Invalid value: spec.dataSource: must match dataSourceRef"
        );
        // A namespaced dataSourceRef is kept (and validated) in a template only.
        dsr.name = "a".into();
        dsr.namespace = Some("other".into());
        s.data_source_ref = Some(dsr.clone());
        let r = run_in(ClaimContext::Template, &s);
        assert_only(&r, "spec", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].detail,
            "may not be specified when dataSourceRef.namespace is specified"
        );
        dsr.namespace = Some("Other".into());
        s.data_source = None;
        s.data_source_ref = Some(dsr);
        assert_only(
            &run_in(ClaimContext::Template, &s),
            "spec.dataSourceRef.namespace",
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn pvc_name_is_a_subdomain() {
        assert_clean(&pvc(&"a".repeat(253), "1Gi").check());
        assert_only(
            &pvc(&"a".repeat(254), "1Gi").check(),
            "metadata.name",
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn ephemeral_template_metadata_is_labels_and_annotations_only() {
        let mut t = crate::rules::test_support::claim_template("x", "1Gi");
        let r = check(|c| ephemeral_template(c, &t, &FieldPath::root().child("t")));
        assert_only(&r, "t.metadata.name", ErrorKind::Forbidden);
        assert_eq!(r.errors[0].detail, "cannot be set");
        t.metadata.name = None;
        t.metadata.labels.insert("a".into(), "b".into());
        assert_clean(&check(|c| {
            ephemeral_template(c, &t, &FieldPath::root().child("t"))
        }));
    }
}
