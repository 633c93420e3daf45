//! kvol-core's findings as compile-time diagnostics: each error at the span of the token behind
//! its field path, reported once, with the notes and help a macro user needs.

use crate::{
    ast::Guarantee,
    ctxt::{Ctxt, Sp},
    lower::Cx,
};
use kvol_core::{FieldError, Source, report::ErrorKind, rules::ids};

/// The errors already reported, so each problem is reported once: kvol-core may report one
/// mistake at several fields (a label is the selector, the template's labels and the
/// Service's), and the passes of an interpolated invocation find the same problem again.
pub struct Reported {
    seen: Vec<Seen>,
    /// Some entries did not parse: leave out what their absence may cause (missing values,
    /// names that are not found, errors with no token of their own).
    partial: bool,
}

/// One reported error: what it said and where.
struct Seen {
    kind: ErrorKind,
    value: Option<String>,
    detail: String,
    at: (String, String),
    exact: bool,
    path: kvol_core::FieldPath,
}

/// A comparable form of a span range (spans have no equality of their own).
fn at(sp: Sp) -> (String, String) {
    (format!("{:?}", sp.start), format!("{:?}", sp.end))
}

impl Reported {
    /// An empty record; `partial` when some entries of the invocation did not parse.
    pub fn new(partial: bool) -> Self {
        Reported {
            seen: Vec::new(),
            partial,
        }
    }

    /// Reports `e` unless the same problem was reported already.
    pub fn push(&mut self, ctxt: &Ctxt, cx: &Cx, e: &FieldError, root: Sp, from_placeholder: bool) {
        // A mount of a volume that is itself invalid: the volume's own error says it all.
        if e.rule == ids::S5_INVALID_VOLUME_NOT_FOUND {
            return;
        }
        let (sp, exact) = locate(cx, e, root);
        if self.partial
            && (!exact
                || matches!(e.kind, ErrorKind::Required | ErrorKind::NotFound)
                || e.value.as_deref() == Some("\"\""))
        {
            return;
        }
        let here = at(sp);
        let seen = self.seen.iter().any(|s| {
            // The same message at the same token (or where the token is only approximate).
            let same_message = s.kind == e.kind && s.value == e.value && s.detail == e.detail;
            // One bad value under two rules at one token (a Pod name that also names its
            // compact container).
            let same_value = e.value.is_some() && s.value == e.value && s.at == here;
            (same_message && (s.at == here || !exact || !s.exact))
                || same_value
                || (from_placeholder && s.path == e.path)
        });
        if seen {
            return;
        }
        self.seen.push(Seen {
            kind: e.kind,
            value: e.value.clone(),
            detail: e.detail.clone(),
            at: here,
            exact,
            path: e.path.clone(),
        });
        ctxt.push(map_error(cx, e, sp, from_placeholder));
    }
}

/// The span of the token behind an error's field, and whether the path matched exactly.
fn locate(cx: &Cx, e: &FieldError, root: Sp) -> (Sp, bool) {
    cx.spans
        .find_value(&e.path, e.value.as_deref())
        .unwrap_or((root, false))
}

/// A kvol-core error as a compile error at `sp`: the API server's message, then the help of
/// the macros' syntax for its rule (else kvol-core's own help), the field.
fn map_error(cx: &Cx, e: &FieldError, sp: Sp, from_placeholder: bool) -> syn::Error {
    let path = e.path.as_str();
    let mut msg = String::from(e.kind.as_str());
    if let Some(v) = &e.value {
        msg.push_str(&format!(": {v}"));
    }
    if !e.detail.is_empty() {
        msg.push_str(&format!(": {}", e.detail));
    }
    let dsl = dsl_help(e);
    match (&dsl, &e.help) {
        (Some(h), _) => msg.push_str(&format!("\nhelp: {h}")),
        (None, Some(h)) => msg.push_str(&format!("\nhelp: {h}")),
        (None, None) => {}
    }
    if let Some(fix) = name_fix(e) {
        msg.push_str(&format!("\nhelp: write `{fix}`"));
    }
    if let Some(why) = own_rule_note(e) {
        msg.push_str(&why);
    }
    let interp = cx
        .spans
        .interps
        .iter()
        .find(|(isp, _, _)| at(*isp) == at(sp));
    if let Some((_, placeholder, g)) = interp.filter(|_| from_placeholder) {
        msg.push_str(&placeholder_note(*g, placeholder));
    } else if from_placeholder {
        msg.push_str(
            "\nnote: this happens for some values of the interpolated `{…}` expressions: kvol \
             cannot guarantee the object is valid for every value of their types\nhelp: write \
             these values literally, or build the object with the builder API and handle the \
             `Result` of `build()`",
        );
    }
    if !path.is_empty() {
        msg.push_str(&format!("\nnote: field `{path}` of the {}", cx.kind));
    }
    sp.error(msg)
}

/// For kvol's own rules ([`Source::Kvol`]), the line that says so and why: the API server
/// accepts the object, and the error's text (the API server's format) does not tell.
fn own_rule_note(e: &FieldError) -> Option<String> {
    if e.source() != Source::Kvol {
        return None;
    }
    let why = e.rule.why()?;
    Some(format!(
        "\nnote: kvol's own rule (the API server accepts this): {why}"
    ))
}

fn placeholder_note(g: Guarantee, placeholder: &str) -> String {
    format!(
        "\nnote: kvol cannot guarantee this for every value of `{}` (tried `{placeholder}`)\n\
         help: write the value literally, or build the object with the builder API and \
         handle the `Result` of `build()`",
        g.type_name()
    )
}

/// What to write, in the macros' syntax, for the rules whose fix is a key of the DSL. The
/// rules' own help (kvol-core's, in Kubernetes' terms) is shown for the others.
fn dsl_help(e: &FieldError) -> Option<String> {
    let name = e
        .value
        .as_deref()
        .map(|v| v.trim_matches('"'))
        .unwrap_or("NAME");
    let rule = e.rule;
    Some(if rule == ids::S4_NAME_REQUIRED {
        "add `name: NAME`".into()
    } else if rule == ids::S6_4_IMAGE_REQUIRED {
        "add `image: \"IMAGE\"` to the container".into()
    } else if rule == ids::S7_ACCESS_MODES_REQUIRED || rule == ids::S8_ACCESS_MODES_REQUIRED {
        "add `access: RWO` (or ROX, RWX, RWOP)".into()
    } else if rule == ids::S8_REQUEST_REQUIRED {
        "add `request: 1Gi`".into()
    } else if rule == ids::S7_CAPACITY_REQUIRED {
        "add `capacity: 1Gi`".into()
    } else if rule == ids::S9_PROVISIONER_REQUIRED {
        "add `provisioner: \"DRIVER\"`".into()
    } else if rule == ids::S6_4_CONTAINERS_REQUIRED {
        "add `image: \"IMAGE\"` (one container named like the object) or a \
             `container NAME { image: \"IMAGE\" }`"
            .into()
    } else if rule == ids::S7_SOURCE_REQUIRED {
        "add `source: …` (host_path, local, nfs, csi, iscsi)".into()
    } else if rule == ids::S7_LOCAL_NODE_AFFINITY_REQUIRED {
        "a local volume is on one node's disk: add `node_affinity: hostname [\"NODE\"]`".into()
    } else if rule == ids::S5_KVOL_CLAIM_NAME_EXISTS {
        format!(
            "if the claim exists outside this set, add `external_claims: [{name}]` to the \
                 `manifests!` block"
        )
    } else if rule == ids::S8_KVOL_STORAGE_CLASS_NAME_EXISTS {
        format!(
            "if the class exists in the cluster, add `external_classes: [{name}]` to the \
                 `manifests!` block"
        )
    } else if rule == ids::S14_KVOL_MAX_UNAVAILABLE_FEATURE_GATE {
        "remove `max_unavailable` (the macros target Kubernetes 1.34), or build the StatefulSet \
             with the builder API for a target of 1.35 or later"
            .into()
    } else if rule == ids::S8_KVOL_DATA_SOURCE_DROPPED && name == "VolumeSnapshot" {
        "add `api_group: \"snapshot.storage.k8s.io\"`".into()
    } else if rule == ids::S8_KVOL_DATA_SOURCE_DROPPED {
        "write the source as `data_source_ref: { kind: KIND, name: NAME, api_group: \"GROUP\" }` \
             for a volume populator, or name a PersistentVolumeClaim (no `api_group`) or a \
             VolumeSnapshot with `api_group: \"snapshot.storage.k8s.io\"`"
            .into()
    } else if rule == ids::S8_KVOL_DATA_SOURCE_REF_NAMESPACE_DROPPED {
        "remove `namespace:` from `data_source_ref` and use a source in the claim's namespace"
            .into()
    } else if rule == ids::S24_KVOL_ENV_CONFIG_MAP_EXISTS || rule == ids::S24_KVOL_ENV_SECRET_EXISTS
    {
        let (key, kind) = if rule == ids::S24_KVOL_ENV_SECRET_EXISTS {
            ("external_secrets", "secret")
        } else {
            ("external_config_maps", "config_map")
        };
        let optional = if e.path.to_string().contains(".envFrom[") {
            format!("`env_from: {kind} {name} optional`")
        } else {
            format!("`{kind}({name}, KEY, optional)`")
        };
        format!(
            "if it exists outside this set, add `{key}: [{name}]` to the `manifests!` block; if \
             the container can start without it, mark the reference optional: {optional}"
        )
    } else if rule == ids::S24_KVOL_ENV_CONFIG_MAP_KEY {
        format!(
            "name one of the ConfigMap's keys, add `{name}` to its `data` (the kubelet does not \
             read `binary_data` for a variable), or mark the reference optional: \
             `config_map(NAME, {name}, optional)`"
        )
    } else if rule == ids::S24_KVOL_ENV_SECRET_KEY {
        format!(
            "name one of the Secret's keys, add `{name}` to its `data` or `string_data`, or mark \
             the reference optional: `secret(NAME, {name}, optional)`"
        )
    } else if let Some(key) = external_key(rule) {
        format!("if it exists outside this set, add `{key}: [{name}]` to the `manifests!` block")
    } else if rule == ids::S19_SECRET_TLS_KEYS {
        "a kubernetes.io/tls Secret needs both keys: add `tls.crt` and `tls.key` to `string_data`"
            .into()
    } else if rule == ids::S19_SECRET_BASIC_AUTH_KEYS {
        "a kubernetes.io/basic-auth Secret needs `username` or `password` in `string_data`".into()
    } else if rule == ids::S19_SECRET_SSH_AUTH_KEY {
        "a kubernetes.io/ssh-auth Secret needs a non-empty `ssh-privatekey` in `string_data`".into()
    } else if rule == ids::S19_SECRET_DOCKERCFG_KEY || rule == ids::S19_SECRET_DOCKERCONFIGJSON_KEY
    {
        "add the registry credentials (`.dockercfg` or `.dockerconfigjson`) to `string_data`".into()
    } else if rule == ids::S21_MIN_AVAILABLE_OR_MAX_UNAVAILABLE {
        "keep only one of `min_available` and `max_unavailable`".into()
    } else if rule == ids::S22_CLASS_DRIVER_REQUIRED || rule == ids::S23_DRIVER_NAME_REQUIRED {
        "add `driver: \"DRIVER\"` (the CSI driver's name)".into()
    } else if rule == ids::S23_PARAMETERS_REQUIRED {
        "add `parameters: { KEY: \"VALUE\" }`".into()
    } else if rule == ids::S22_SOURCE_EXACTLY_ONE {
        "write exactly one of `claim: NAME` (take a new snapshot) and `content: NAME` (an \
         existing VolumeSnapshotContent)"
            .into()
    } else if rule == ids::S16_DEFAULT_CLASS {
        "add `default_class: NAME` to the `manifests!` block (the cluster's default \
             StorageClass), or write `class: \"\"` to bind only volumes without a class"
            .into()
    } else {
        return None;
    })
}

/// The name a user probably meant, for a name whose format is wrong (`Postgres` →
/// `postgres`, `my_db` → `my-db`): lower case, other characters as `-`, checked against the
/// same format.
fn name_fix(e: &FieldError) -> Option<String> {
    if e.kind != ErrorKind::Invalid {
        return None;
    }
    let cause = e.cause.unwrap_or(e.rule).as_str();
    let check: fn(&str) -> bool = if cause.starts_with("2/dns1123-label") {
        |s| kvol_core::names::dns1123_label(s).is_ok()
    } else if cause.starts_with("2/dns1123-subdomain") {
        |s| kvol_core::names::dns1123_subdomain(s).is_ok()
    } else if cause.starts_with("2/dns1035-label") {
        |s| kvol_core::names::dns1035_label(s).is_ok()
    } else {
        return None;
    };
    let value = e.value.as_deref()?.strip_prefix('"')?.strip_suffix('"')?;
    let fixed: String = value
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '-' | '.') => c,
            _ => '-',
        })
        .collect();
    let fixed = fixed.trim_matches(['-', '.']).to_owned();
    (fixed != value && check(&fixed)).then_some(fixed)
}

/// The `manifests!` key that declares the object a cross-object rule did not find.
fn external_key(rule: kvol_core::RuleId) -> Option<&'static str> {
    let key = if rule == ids::S24_KVOL_CONFIG_MAP_VOLUME_EXISTS
        || rule == ids::S24_KVOL_PROJECTED_CONFIG_MAP_EXISTS
        || rule == ids::S24_KVOL_ENV_CONFIG_MAP_EXISTS
    {
        "external_config_maps"
    } else if rule == ids::S24_KVOL_SECRET_VOLUME_EXISTS
        || rule == ids::S24_KVOL_PROJECTED_SECRET_EXISTS
        || rule == ids::S24_KVOL_ENV_SECRET_EXISTS
    {
        "external_secrets"
    } else if rule == ids::S24_KVOL_SNAPSHOT_EXISTS {
        "external_snapshots"
    } else if rule == ids::S24_KVOL_SNAPSHOT_CLASS_EXISTS {
        "external_snapshot_classes"
    } else if rule == ids::S24_KVOL_ATTRIBUTES_CLASS_EXISTS {
        "external_attributes_classes"
    } else if rule == ids::S24_KVOL_SNAPSHOT_SOURCE_CLAIM_EXISTS {
        "external_claims"
    } else if rule == ids::S11_2_KVOL_SERVICE_IN_SET_EXISTS {
        "external_services"
    } else {
        return None;
    };
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::own_rule_note;
    use kvol_core::{FieldError, FieldPath, rules::ids};

    #[test]
    fn kvol_own_rules_say_so_and_why() {
        let own = FieldError::required(ids::S7_KVOL_CLAIM_REF_NAME_REQUIRED, FieldPath::root(), "");
        let note = own_rule_note(&own).unwrap_or_default();
        assert!(
            note.starts_with("\nnote: kvol's own rule (the API server accepts this): the "),
            "{note}"
        );
        let server = FieldError::required(ids::S4_NAME_REQUIRED, FieldPath::root(), "");
        assert_eq!(own_rule_note(&server), None);
    }
}
