//! The escape hatch's checks (SPEC "everything else"): fields kvol does not model, set by
//! JSON name at the object (spec), pod-spec and container level ([`Extras`]).
//!
//! - a name the Kubernetes schema of the target version does not have is what the API
//!   server's strict decoding refuses (`unknown field "spec.hostNetwrok"`): an error, with the
//!   closest field name;
//! - a value of the wrong JSON type, a number that does not fit, a quantity that does not
//!   parse, and unknown fields inside the value: what the server's decoding refuses
//!   ([`crate::schema::check_tree_as`]);
//! - a field kvol models is refused (kvol's own rule): the typed field and the extra would both
//!   write the key, and the error names the key or builder method to use instead.

use super::{ids, report::FieldError, report::FieldPath, validate::Checker};
use crate::schema::{DecodeErrorKind, Extras, FieldRef, TypeRef, Value};

/// Where an [`Extras`] sits: its schema type, the JSON names kvol models there, and the typed
/// way to set some of them (`(JSON name, DSL key, builder method)`), for the refusal's help.
pub(crate) struct Level {
    /// The schema type whose fields the extras are.
    pub ty: TypeRef,
    /// The JSON names kvol models at this level.
    pub modelled: &'static [&'static str],
    /// The typed way for a modelled name whose DSL key or builder method is not simply its
    /// name in snake case.
    pub typed: &'static [(&'static str, &'static str, &'static str)],
}

/// The pod spec level.
pub(crate) fn pod_spec_level() -> Level {
    Level {
        ty: crate::schema::pod_spec(),
        modelled: crate::pod::PodSpec::MODELLED_FIELDS,
        typed: &[
            ("containers", "container", "container"),
            ("initContainers", "init_container", "init_container"),
            ("restartPolicy", "restart", "restart_policy"),
            ("serviceAccountName", "service_account", "service_account"),
            ("terminationGracePeriodSeconds", "grace", "grace_period"),
            ("volumes", "volume", "volume"),
            ("securityContext", "security", "security_context"),
            (
                "affinity",
                "node_affinity`, `pod_affinity` or `pod_anti_affinity",
                "affinity",
            ),
            ("tolerations", "toleration", "toleration"),
            ("topologySpreadConstraints", "spread", "topology_spread"),
            ("priorityClassName", "priority_class", "priority_class"),
            (
                "imagePullSecrets",
                "image_pull_secrets",
                "image_pull_secret",
            ),
            (
                "automountServiceAccountToken",
                "automount_token",
                "automount_service_account_token",
            ),
            (
                "enableServiceLinks",
                "service_links",
                "enable_service_links",
            ),
        ],
    }
}

/// The container level.
pub(crate) fn container_level() -> Level {
    Level {
        ty: crate::schema::container(),
        modelled: crate::pod::Container::MODELLED_FIELDS,
        typed: &[
            ("ports", "port", "port"),
            ("volumeMounts", "mount", "mount"),
            ("imagePullPolicy", "pull", "image_pull_policy"),
            ("resources", "requests` or `limits", "resources"),
            ("livenessProbe", "liveness", "liveness"),
            ("readinessProbe", "readiness", "readiness"),
            ("startupProbe", "startup", "startup"),
            ("lifecycle", "post_start` or `pre_stop", "post_start"),
            ("securityContext", "security", "security_context"),
            ("restartPolicy", "restart", "sidecar"),
            ("volumeDevices", "device", "device"),
        ],
    }
}

/// The claim spec level (claims, claim templates, ephemeral volumes).
pub(crate) fn claim_spec_level() -> Level {
    Level {
        ty: crate::schema::type_named("v1.PersistentVolumeClaimSpec")
            .unwrap_or(crate::schema::pod_spec()),
        modelled: crate::pvc::PvcSpec::MODELLED_FIELDS,
        typed: &[
            ("accessModes", "access", "access_mode"),
            ("resources", "request", "request"),
            ("storageClassName", "class", "storage_class"),
            ("dataSource", "snapshot", "from_snapshot"),
            (
                "volumeAttributesClassName",
                "attributes_class",
                "volume_attributes_class",
            ),
        ],
    }
}

/// The StatefulSet spec level.
pub(crate) fn statefulset_spec_level() -> Level {
    Level {
        ty: crate::schema::type_named("v1.StatefulSetSpec").unwrap_or(crate::schema::pod_spec()),
        modelled: crate::statefulset::StatefulSetSpec::MODELLED_FIELDS,
        typed: &[
            ("minReadySeconds", "min_ready", "min_ready_seconds"),
            ("ordinals", "ordinals_start", "ordinals_start"),
            (
                "persistentVolumeClaimRetentionPolicy",
                "retention",
                "retention",
            ),
            (
                "revisionHistoryLimit",
                "revision_history",
                "revision_history_limit",
            ),
            ("serviceName", "service", "service_name"),
            ("template", "container", "container"),
            ("updateStrategy", "update", "update_strategy"),
            ("volumeClaimTemplates", "claim", "claim"),
        ],
    }
}

/// Checks the extras at `path` (the path of the object that holds them).
pub(crate) fn check(checker: &mut Checker, extras: &Extras, level: &Level, path: &FieldPath) {
    let version = checker.target();
    for (name, value) in extras.iter() {
        let at = path.child(name);
        if level.modelled.contains(&name) {
            checker.error(modelled(level, name, at));
            continue;
        }
        match level.ty.field(name, version) {
            Some(field) => value_errors(checker, level.ty, field, value, path, &at),
            None => checker.error(unknown(level.ty, name, version, at)),
        }
    }
}

fn modelled(level: &Level, name: &str, at: FieldPath) -> FieldError {
    let (key, method) = level
        .typed
        .iter()
        .find(|(json, _, _)| *json == name)
        .map(|(_, key, method)| ((*key).to_owned(), (*method).to_owned()))
        .unwrap_or_else(|| (snake_case(name), snake_case(name)));
    FieldError::forbidden(
        ids::S4_KVOL_EXTRA_MODELLED,
        at,
        format!(
            "kvol models `{name}`: set it with the typed key `{key}` (builder method \
             `.{method}(..)`), not as an extra field"
        ),
    )
}

fn unknown(ty: TypeRef, name: &str, version: crate::KubeVersion, at: FieldPath) -> FieldError {
    let mut detail = format!(
        "unknown field \"{at}\": {} has no field `{name}` in Kubernetes {version}",
        ty.go_name()
    );
    if let Some(f) = ty.field_any_version(name) {
        detail.push_str(&format!(
            " (it has it in Kubernetes {} to {})",
            f.since(),
            f.until()
        ));
    } else if let Some(close) = ty.suggest(name, version) {
        detail.push_str(&format!(": did you mean `{close}`?"));
    }
    FieldError::forbidden(ids::S4_EXTRA_UNKNOWN_FIELD, at, detail)
}

fn value_errors(
    checker: &mut Checker,
    ty: TypeRef,
    field: FieldRef,
    value: &Value,
    parent: &FieldPath,
    at: &FieldPath,
) {
    let version = checker.target();
    for e in crate::schema::check::check_value(value, ty, field, &parent.to_string(), version) {
        match e.kind {
            DecodeErrorKind::UnknownField => checker.error(FieldError::forbidden(
                ids::S4_EXTRA_UNKNOWN_FIELD,
                at.clone(),
                e.message,
            )),
            _ => {
                let mut detail = format!(
                    "`{}` takes {}: {}",
                    field.name(),
                    article(&field.value_type().to_string()),
                    e.message
                );
                if e.path != at.to_string() {
                    detail.push_str(&format!(" (at `{}`)", e.path));
                }
                checker.error(FieldError::invalid(
                    ids::S4_EXTRA_TYPE,
                    at.clone(),
                    &truncate(&value.to_string()),
                    detail,
                ))
            }
        }
    }
}

fn article(what: &str) -> String {
    match what.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u' | 'I') => format!("an {what}"),
        _ => format!("a {what}"),
    }
}

fn truncate(s: &str) -> String {
    if s.chars().count() <= 60 {
        return s.to_owned();
    }
    let cut: String = s.chars().take(57).collect();
    format!("{cut}...")
}

/// `terminationGracePeriodSeconds` → `termination_grace_period_seconds`.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn errors(extras: &[(&str, Value)], level: Level) -> Vec<String> {
        let extras: Extras = extras.iter().cloned().collect();
        let report = check(|c| super::check(c, &extras, &level, &FieldPath::root().child("spec")));
        report.errors.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn accepts_known_fields_of_the_right_type() {
        assert!(errors(&[("hostNetwork", Value::from(true))], pod_spec_level()).is_empty());
        let dns = Value::parse_json(
            r#"{"nameservers":["1.1.1.1"],"options":[{"name":"ndots","value":"2"}]}"#,
        )
        .unwrap();
        assert!(errors(&[("dnsConfig", dns)], pod_spec_level()).is_empty());
        assert!(errors(&[("stdin", Value::from(true))], container_level()).is_empty());
    }

    #[test]
    fn refuses_unknown_names_with_a_suggestion() {
        assert_eq!(
            errors(&[("hostNetwrok", Value::from(true))], pod_spec_level()),
            [
                "spec.hostNetwrok: Forbidden: unknown field \"spec.hostNetwrok\": v1.PodSpec has no field `hostNetwrok` in Kubernetes 1.34: did you mean `hostNetwork`?"
            ]
        );
    }

    #[test]
    fn refuses_wrong_types() {
        assert_eq!(
            errors(&[("hostNetwork", Value::from("yes"))], pod_spec_level()),
            [
                "spec.hostNetwork: Invalid value: \"\\\"yes\\\"\": `hostNetwork` takes a bool: json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool"
            ]
        );
        let bad = Value::parse_json(r#"{"nameservers":["1.1.1.1"],"searchs":[]}"#).unwrap();
        assert_eq!(
            errors(&[("dnsConfig", bad)], pod_spec_level()),
            ["spec.dnsConfig: Forbidden: unknown field \"spec.dnsConfig.searchs\""]
        );
    }

    #[test]
    fn refuses_whole_floats_for_integers() {
        // kvol's JSON output keeps `600.0`, which Go's decoder refuses for an int64.
        assert_eq!(
            errors(
                &[("activeDeadlineSeconds", Value::from(600.0))],
                pod_spec_level()
            ),
            [
                "spec.activeDeadlineSeconds: Invalid value: \"600.0\": `activeDeadlineSeconds` takes an int64: json: cannot unmarshal number 600.0 into Go struct field PodSpec.spec.activeDeadlineSeconds of type int64"
            ]
        );
        assert!(
            errors(
                &[("activeDeadlineSeconds", Value::from(600))],
                pod_spec_level()
            )
            .is_empty()
        );
    }

    #[test]
    fn refuses_modelled_fields_naming_the_typed_key() {
        assert_eq!(
            errors(
                &[("terminationGracePeriodSeconds", Value::from(5))],
                pod_spec_level()
            ),
            [
                "spec.terminationGracePeriodSeconds: Forbidden: kvol models `terminationGracePeriodSeconds`: set it with the typed key `grace` (builder method `.grace_period(..)`), not as an extra field"
            ]
        );
        assert_eq!(
            errors(&[("image", Value::from("x"))], container_level()),
            [
                "spec.image: Forbidden: kvol models `image`: set it with the typed key `image` (builder method `.image(..)`), not as an extra field"
            ]
        );
    }
}
