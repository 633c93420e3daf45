//! Pods and pod specs (k8s-rules §6, `ValidatePodSpec`): volumes, containers and init
//! containers (names, images, ports, environment, volume mounts), node selector and service
//! account. The restart policy and grace period are typed (any value the model can hold is
//! accepted, a negative grace period only warns); StatefulSets add their own rules on top.

use super::{
    common::{PathRules, invalid_each, local_descending},
    container, ids,
    meta::{self, LabelRules, NameFormat},
    volume, warnings,
};
use crate::{
    names,
    pod::{Container, ContainerPort, EnvVar, Pod, PodSpec, VolumeMount},
    report::{FieldError, FieldPath},
    validate::Checker,
    version::KubeVersion,
    volume::VolumeSource,
};
use std::collections::BTreeSet;

/// Where a pod spec lives, which changes a few rules.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SpecContext<'a> {
    /// The pod's name, for a Pod (`None` for templates): enables the checks on the claims
    /// that `ephemeral` volumes create.
    pub(crate) pod_name: Option<&'a str>,
    /// True for a Pod, false for a template (image whitespace is only checked for Pods).
    pub(crate) is_pod: bool,
    /// Names that mounts may use besides the pod's volumes: a StatefulSet's claim templates.
    pub(crate) claim_templates: &'a [String],
}

impl<'a> SpecContext<'a> {
    /// The spec of the Pod named `name`.
    pub(crate) fn pod(name: &'a str) -> Self {
        SpecContext {
            pod_name: Some(name),
            is_pod: true,
            claim_templates: &[],
        }
    }

    /// A pod template's spec, whose mounts may also name these claim templates.
    pub(crate) fn template(claim_templates: &'a [String]) -> Self {
        SpecContext {
            pod_name: None,
            is_pod: false,
            claim_templates,
        }
    }
}

/// A whole Pod: metadata (name a DNS-1123 subdomain) and spec.
pub(crate) fn validate_pod(checker: &mut Checker, pod: &Pod, path: &FieldPath) {
    meta::object_meta(
        checker,
        &pod.metadata,
        NameFormat::Subdomain,
        ids::S2_NAME_POD,
        &path.child("metadata"),
    );
    // `podStrategy.WarningsOnCreate` (pkg/registry/core/pod/strategy.go): a Pod's name is its
    // hostname, so a name that is a subdomain but not a label draws the server's warning.
    if !pod.metadata.name.is_empty()
        && let Err(e) = crate::names::dns1123_label(&pod.metadata.name)
    {
        checker.warn(
            crate::report::WarningCode::PodNameNotDnsLabel,
            path.child("metadata").child("name"),
            format!(
                "this is used in the Pod's hostname, which can result in surprising behavior; a \
                 DNS label is recommended: [{}]",
                e.messages.join(" ")
            ),
        );
    }
    let ctx = SpecContext::pod(&pod.metadata.name);
    pod_spec(checker, &pod.spec, &ctx, &path.child("spec"));
}

/// `ValidatePodSpec` for the spec at `path` (plus the Pod-only container checks and the pod
/// spec's warnings).
pub(crate) fn pod_spec(
    checker: &mut Checker,
    spec: &PodSpec,
    ctx: &SpecContext<'_>,
    path: &FieldPath,
) {
    let mut valid = volume::volumes(checker, &spec.volumes, ctx.pod_name, &path.child("volumes"));
    valid.extend(ctx.claim_templates.iter().cloned());
    let devices = spec
        .volumes
        .iter()
        .filter(|v| valid.contains(&v.name))
        .map(|v| {
            let block = matches!(
                v.source,
                VolumeSource::PersistentVolumeClaim(_) | VolumeSource::Ephemeral(_)
            );
            (v.name.clone(), block)
        })
        .chain(ctx.claim_templates.iter().map(|t| (t.clone(), true)))
        .collect();
    let vols = Mountable {
        valid,
        declared: spec.volumes.iter().map(|v| v.name.as_str()).collect(),
        template: !ctx.is_pod,
        devices,
        grace: spec.termination_grace_period_seconds.unwrap_or(30),
    };
    containers(checker, &spec.containers, &vols, &path.child("containers"));
    init_containers(checker, spec, &vols, &path.child("initContainers"));
    meta::labels(
        checker,
        LabelRules::both(ids::S6_4_NODE_SELECTOR),
        &spec.node_selector,
        &path.child("nodeSelector"),
    );
    if let Some(sa) = spec
        .service_account_name
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        invalid_each(
            checker,
            ids::S6_4_SERVICE_ACCOUNT_NAME,
            &path.child("serviceAccountName"),
            sa,
            names::dns1123_subdomain(sa),
        );
    }
    super::pod_settings::settings(checker, spec, path);
    if ctx.is_pod {
        image_whitespace(checker, &spec.containers, &path.child("containers"));
        image_whitespace(
            checker,
            &spec.init_containers,
            &path.child("initContainers"),
        );
    }
    warnings::pod_spec(checker, spec, path);
    super::extra::check(checker, &spec.extra, &super::extra::pod_spec_level(), path);
}

/// What volume mounts may name.
struct Mountable<'a> {
    /// The volumes that passed validation, and the claim templates.
    valid: BTreeSet<String>,
    /// Every volume name of the spec (valid or not).
    declared: BTreeSet<&'a str>,
    /// True in a pod template (whose mounts may name claim templates).
    template: bool,
    /// The valid volumes (and claim templates) as block devices see them.
    devices: container::DeviceSources,
    /// The pod's termination grace period (default 30), which bounds `sleep` hooks.
    grace: i64,
}

fn containers(checker: &mut Checker, list: &[Container], vols: &Mountable<'_>, path: &FieldPath) {
    if list.is_empty() {
        checker.error(FieldError::required(
            ids::S6_4_CONTAINERS_REQUIRED,
            path.clone(),
            "",
        ));
        return;
    }
    let mut seen = BTreeSet::new();
    for (i, c) in list.iter().enumerate() {
        let idx = path.index(i);
        container_common(checker, c, vols, &idx);
        container::regular(checker, c, vols.grace, &idx);
        if !seen.insert(c.name.as_str()) {
            checker.error(FieldError::duplicate(
                ids::S6_4_CONTAINER_NAME_UNIQUE,
                idx.child("name"),
                &c.name,
            ));
        }
    }
    let all: Vec<&Container> = list.iter().collect();
    container::host_port_conflicts(checker, &all, path);
}

/// Init containers: the common rules, and names unique across containers and init containers.
fn init_containers(checker: &mut Checker, spec: &PodSpec, vols: &Mountable<'_>, path: &FieldPath) {
    let mut seen: BTreeSet<&str> = spec.containers.iter().map(|c| c.name.as_str()).collect();
    for (i, c) in spec.init_containers.iter().enumerate() {
        let idx = path.index(i);
        container_common(checker, c, vols, &idx);
        container::init(checker, c, vols.grace, &idx);
        // Init containers run one by one: host ports conflict only within one.
        container::host_port_conflicts(checker, &[c], path);
        if seen.contains(c.name.as_str()) {
            checker.error(FieldError::duplicate(
                ids::S6_4_INIT_CONTAINER_NAME_UNIQUE,
                idx.child("name"),
                &c.name,
            ));
        } else if !c.name.is_empty() {
            seen.insert(c.name.as_str());
        }
    }
}

/// `validateContainerCommon` for the fields the model has.
fn container_common(checker: &mut Checker, c: &Container, vols: &Mountable<'_>, path: &FieldPath) {
    super::extra::check(checker, &c.extra, &super::extra::container_level(), path);
    let name = path.child("name");
    if c.name.is_empty() {
        checker.error(FieldError::required(
            ids::S6_4_CONTAINER_NAME_REQUIRED,
            name,
            "",
        ));
    } else {
        invalid_each(
            checker,
            ids::S2_NAME_CONTAINER,
            &name,
            &c.name,
            names::dns1123_label(&c.name),
        );
    }
    if c.image.is_empty() {
        checker.error(FieldError::required(
            ids::S6_4_IMAGE_REQUIRED,
            path.child("image"),
            "",
        ));
    }
    ports(checker, &c.ports, &path.child("ports"));
    env(checker, &c.env, &path.child("env"));
    volume_mounts(checker, &c.volume_mounts, vols, &path.child("volumeMounts"));
    container::common(checker, c, &vols.devices, path);
}

/// `validateContainerPorts`: names are IANA service names (≤ 15 characters) unique in the
/// container; `containerPort` is required and 1..=65535.
fn ports(checker: &mut Checker, list: &[ContainerPort], path: &FieldPath) {
    let mut seen = BTreeSet::new();
    for (i, p) in list.iter().enumerate() {
        let idx = path.index(i);
        if let Some(name) = p.name.as_deref().filter(|n| !n.is_empty()) {
            let name_path = idx.child("name");
            match names::port_name(name) {
                Err(e) => {
                    for (msg, cause) in e.messages.into_iter().zip(e.rules) {
                        let rule = ids::S2_NAME_CONTAINER_PORT;
                        let error = FieldError::invalid(rule, name_path.clone(), name, msg);
                        checker.error(error.with_cause(cause));
                    }
                }
                Ok(()) if !seen.insert(name) => {
                    checker.error(FieldError::duplicate(
                        ids::S6_3_PORT_NAME_DUPLICATE,
                        name_path,
                        name,
                    ));
                }
                Ok(()) => {}
            }
        }
        let number = idx.child("containerPort");
        if p.container_port == 0 {
            checker.error(FieldError::required(
                ids::S6_3_CONTAINER_PORT_REQUIRED,
                number,
                "",
            ));
        } else if let Err(e) = names::port_number(i64::from(p.container_port)) {
            let rule = if p.container_port < 0 {
                ids::S6_3_CONTAINER_PORT_NEGATIVE
            } else {
                ids::S6_3_CONTAINER_PORT_RANGE
            };
            for (msg, cause) in e.messages.into_iter().zip(e.rules) {
                let value = i64::from(p.container_port);
                let error = FieldError::invalid_number(rule, number.clone(), value, msg);
                checker.error(error.with_cause(cause));
            }
        }
    }
}

const ENV_NAME_FMT: &str = "[-._a-zA-Z][-._a-zA-Z0-9]*";
const ENV_NAME_MSG: &str = "a valid environment variable name must consist of alphabetic \
     characters, digits, '_', '-', or '.', and must not start with a digit";
const RELAXED_ENV_NAME_MSG: &str = "a valid environment variable name must consist only of printable ASCII characters other than '='";

/// `IsEnvVarName` (strict: before RelaxedEnvironmentVariableValidation was on by default).
pub(super) fn strict_env_name(name: &str) -> Vec<String> {
    let mut errs = Vec::new();
    let b = name.as_bytes();
    let head_ok = b
        .first()
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'-' | b'.' | b'_'));
    let tail_ok = b
        .iter()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_'));
    if !(head_ok && tail_ok) {
        errs.push(format!(
            "{ENV_NAME_MSG} (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used \
             for validation is '{ENV_NAME_FMT}')"
        ));
    }
    if name == "." {
        errs.push("must not be '.'".into());
    } else if name == ".." {
        errs.push("must not be '..'".into());
    } else if name.starts_with("..") {
        errs.push("must not start with '..'".into());
    }
    errs
}

/// `IsRelaxedEnvVarName`: printable ASCII except `=`.
pub(super) fn relaxed_env_name(name: &str) -> Vec<String> {
    if name.chars().all(|c| (' '..='~').contains(&c) && c != '=') {
        Vec::new()
    } else {
        vec![RELAXED_ENV_NAME_MSG.to_owned()]
    }
}

/// `ValidateEnv`: names required; relaxed names (any printable ASCII but `=`) from Kubernetes
/// 1.32, where RelaxedEnvironmentVariableValidation became on by default; strict before.
fn env(checker: &mut Checker, vars: &[EnvVar], path: &FieldPath) {
    let relaxed = checker.target() >= KubeVersion::new(32).unwrap_or(KubeVersion::OLDEST);
    for (i, var) in vars.iter().enumerate() {
        let name = path.index(i).child("name");
        if var.name.is_empty() {
            checker.error(FieldError::required(ids::S6_4_ENV_NAME_REQUIRED, name, ""));
            continue;
        }
        let (rule, msgs) = if relaxed {
            (ids::S6_4_ENV_NAME_RELAXED, relaxed_env_name(&var.name))
        } else {
            (ids::S6_4_ENV_NAME_STRICT, strict_env_name(&var.name))
        };
        for msg in msgs {
            checker.error(FieldError::invalid(rule, name.clone(), &var.name, msg));
        }
    }
}

/// `ValidateVolumeMounts`: the name must be a volume that passed validation (or a claim
/// template); mount paths required and unique in the container; `subPath` relative without
/// `..` (path quirk: `volumeMounts.subPath`, without the index).
fn volume_mounts(
    checker: &mut Checker,
    mounts: &[VolumeMount],
    vols: &Mountable<'_>,
    path: &FieldPath,
) {
    let mut mount_points = BTreeSet::new();
    for (i, m) in mounts.iter().enumerate() {
        let idx = path.index(i);
        if m.name.is_empty() {
            checker.error(FieldError::required(
                ids::S6_1_MOUNT_NAME_REQUIRED,
                idx.child("name"),
                "",
            ));
        }
        if !vols.valid.contains(&m.name) {
            let rule = if vols.declared.contains(m.name.as_str()) {
                ids::S5_INVALID_VOLUME_NOT_FOUND
            } else if vols.template {
                ids::S11_0_CLAIM_TEMPLATES_ARE_VOLUMES
            } else {
                ids::S6_1_MOUNT_NOT_FOUND
            };
            let mut error = FieldError::not_found(rule, idx.child("name"), &m.name);
            // A misspelt name: the volume (or claim template) meant, when one is close.
            let names = vols
                .declared
                .iter()
                .copied()
                .chain(vols.valid.iter().map(String::as_str));
            if rule != ids::S5_INVALID_VOLUME_NOT_FOUND
                && let Some(meant) = crate::suggest::closest_name(&m.name, names)
            {
                let what = if vols.template {
                    "volume or claim template"
                } else {
                    "volume"
                };
                error = error.with_help(format!(
                    "no {what} of that name; did you mean {}?",
                    crate::report::quote(meant)
                ));
            }
            checker.error(error);
        }
        if m.mount_path.is_empty() {
            checker.error(FieldError::required(
                ids::S6_1_MOUNT_PATH_REQUIRED,
                idx.child("mountPath"),
                "",
            ));
        }
        if !mount_points.insert(m.mount_path.as_str()) {
            checker.error(FieldError::invalid(
                ids::S6_1_MOUNT_PATH_UNIQUE,
                idx.child("mountPath"),
                &m.mount_path,
                "must be unique",
            ));
        }
        if let Some(sub) = m.sub_path.as_deref().filter(|s| !s.is_empty()) {
            let rules = PathRules {
                relative: ids::S6_1_SUB_PATH_RELATIVE,
                backsteps: ids::S6_1_SUB_PATH_BACKSTEPS,
                dotdot_prefix: ids::S6_1_SUB_PATH_BACKSTEPS,
            };
            local_descending(checker, rules, &path.child("subPath"), sub);
        }
    }
}

/// Pods only: images without leading or trailing whitespace.
fn image_whitespace(checker: &mut Checker, list: &[Container], path: &FieldPath) {
    for (i, c) in list.iter().enumerate() {
        if c.image.trim() != c.image {
            checker.error(FieldError::invalid(
                ids::S6_4_IMAGE_WHITESPACE,
                path.index(i).child("image"),
                &c.image,
                "must not have leading or trailing whitespace",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        pod::{EnvVar, PodTemplate},
        report::ErrorKind,
        rules::test_support::{
            assert_clean, assert_count, assert_has, assert_only, check, container,
            container_mounting, empty_dir, pod, pod_spec as spec, port, v,
        },
        validate::Validate,
    };

    fn with_container(c: Container) -> Pod {
        let mut p = pod("p", vec![empty_dir("data")]);
        p.spec.containers = vec![c];
        p
    }

    #[test]
    fn containers_are_required() {
        let mut p = pod("p", vec![]);
        p.spec.containers.clear();
        assert_only(&p.check(), "spec.containers", ErrorKind::Required);
    }

    #[test]
    fn container_names_and_images() {
        assert_clean(&with_container(container(&"c".repeat(63))).check());
        assert_only(
            &with_container(container(&"c".repeat(64))).check(),
            "spec.containers[0].name",
            ErrorKind::Invalid,
        );
        let mut c = container("app");
        c.image.clear();
        assert_only(
            &with_container(c).check(),
            "spec.containers[0].image",
            ErrorKind::Required,
        );
        let mut c = container("app");
        c.image = " nginx".into();
        let r = with_container(c).check();
        assert_only(&r, "spec.containers[0].image", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].detail,
            "must not have leading or trailing whitespace"
        );
    }

    #[test]
    fn image_whitespace_is_not_checked_in_templates() {
        let mut c = container("app");
        c.image = "nginx ".into();
        let s = spec(vec![c], vec![]);
        assert_clean(&check(|ch| {
            pod_spec(
                ch,
                &s,
                &SpecContext::template(&[]),
                &FieldPath::root().child("spec"),
            )
        }));
    }

    #[test]
    fn container_names_are_unique_across_init_containers() {
        let mut p = pod("p", vec![]);
        p.spec.containers.push(container("app"));
        let r = p.check();
        assert_only(&r, "spec.containers[1].name", ErrorKind::Duplicate);
        let mut p = pod("p", vec![]);
        p.spec.init_containers = vec![container("init"), container("app"), container("init")];
        let r = p.check();
        assert_count(&r, 2);
        assert_has(&r, "spec.initContainers[1].name", ErrorKind::Duplicate);
        assert_has(&r, "spec.initContainers[2].name", ErrorKind::Duplicate);
    }

    #[test]
    fn port_names_are_iana_service_names() {
        let mut c = container("app");
        c.ports = vec![port(Some("abcdefghijklmno"), 80)];
        assert_clean(&with_container(c.clone()).check());
        c.ports = vec![port(Some("abcdefghijklmnop"), 80)];
        let r = with_container(c.clone()).check();
        assert_only(&r, "spec.containers[0].ports[0].name", ErrorKind::Invalid);
        assert_eq!(r.errors[0].detail, "must be no more than 15 characters");
        c.ports = vec![port(Some("http"), 80), port(Some("http"), 81)];
        assert_only(
            &with_container(c.clone()).check(),
            "spec.containers[0].ports[1].name",
            ErrorKind::Duplicate,
        );
        c.ports = vec![port(Some("--"), 80)];
        let r = with_container(c).check();
        assert_count(&r, 3);
    }

    #[test]
    fn port_numbers() {
        let mut c = container("app");
        c.ports = vec![port(None, 1), port(None, 65535)];
        assert_clean(&with_container(c.clone()).check());
        c.ports = vec![port(None, 0)];
        assert_only(
            &with_container(c.clone()).check(),
            "spec.containers[0].ports[0].containerPort",
            ErrorKind::Required,
        );
        c.ports = vec![port(None, 65536)];
        let r = with_container(c).check();
        assert_only(
            &r,
            "spec.containers[0].ports[0].containerPort",
            ErrorKind::Invalid,
        );
        assert_eq!(
            r.errors[0].to_string(),
            "spec.containers[0].ports[0].containerPort: Invalid value: 65536: must be between 1 and 65535, inclusive"
        );
    }

    #[test]
    fn env_names_depend_on_the_release() {
        let mut c = container("app");
        c.env = vec![EnvVar {
            name: "1st var!".into(),
            value: "x".into(),
            ..Default::default()
        }];
        let p = with_container(c.clone());
        assert_clean(&p.check_for(v(32)));
        let r = p.check_for(v(31));
        assert_only(&r, "spec.containers[0].env[0].name", ErrorKind::Invalid);
        assert!(
            r.errors[0]
                .detail
                .contains("regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*'")
        );
        c.env = vec![EnvVar {
            name: "A=B".into(),
            value: "x".into(),
            ..Default::default()
        }];
        assert_only(
            &with_container(c.clone()).check_for(v(34)),
            "spec.containers[0].env[0].name",
            ErrorKind::Invalid,
        );
        c.env = vec![EnvVar {
            name: String::new(),
            value: "x".into(),
            ..Default::default()
        }];
        assert_only(
            &with_container(c).check(),
            "spec.containers[0].env[0].name",
            ErrorKind::Required,
        );
    }

    #[test]
    fn mounts_need_a_volume_and_unique_paths() {
        assert_clean(&with_container(container_mounting("app", "data")).check());
        let r = with_container(container_mounting("app", "nope")).check();
        assert_only(
            &r,
            "spec.containers[0].volumeMounts[0].name",
            ErrorKind::NotFound,
        );
        assert_eq!(
            r.errors[0].to_string(),
            "spec.containers[0].volumeMounts[0].name: Not found: \"nope\""
        );
        let mut c = container_mounting("app", "data");
        c.volume_mounts.push(VolumeMount::new("data", "/data"));
        let r = with_container(c).check();
        assert_only(
            &r,
            "spec.containers[0].volumeMounts[1].mountPath",
            ErrorKind::Invalid,
        );
        assert_eq!(r.errors[0].detail, "must be unique");
        let mut c = container("app");
        c.volume_mounts.push(VolumeMount::new("", ""));
        let r = with_container(c).check();
        assert_count(&r, 3);
        assert_has(
            &r,
            "spec.containers[0].volumeMounts[0].name",
            ErrorKind::Required,
        );
        assert_has(
            &r,
            "spec.containers[0].volumeMounts[0].name",
            ErrorKind::NotFound,
        );
        assert_has(
            &r,
            "spec.containers[0].volumeMounts[0].mountPath",
            ErrorKind::Required,
        );
    }

    #[test]
    fn sub_paths_are_relative() {
        let mut c = container_mounting("app", "data");
        c.volume_mounts[0].sub_path = Some("site/html".into());
        assert_clean(&with_container(c.clone()).check());
        c.volume_mounts[0].sub_path = Some("/etc".into());
        let r = with_container(c.clone()).check();
        assert_only(
            &r,
            "spec.containers[0].volumeMounts.subPath",
            ErrorKind::Invalid,
        );
        c.volume_mounts[0].sub_path = Some("../x".into());
        assert_only(
            &with_container(c).check(),
            "spec.containers[0].volumeMounts.subPath",
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn node_selector_and_service_account() {
        let mut p = pod("p", vec![]);
        p.spec.node_selector.insert("disktype".into(), "ssd".into());
        p.spec.service_account_name = Some("backup.writer".into());
        assert_clean(&p.check());
        p.spec.node_selector.insert("bad key!".into(), "ssd".into());
        p.spec.service_account_name = Some("Writer".into());
        let r = p.check();
        assert_count(&r, 2);
        assert_has(&r, "spec.nodeSelector", ErrorKind::Invalid);
        assert_has(&r, "spec.serviceAccountName", ErrorKind::Invalid);
    }

    #[test]
    fn claim_templates_count_as_volumes_in_templates() {
        let t = PodTemplate {
            metadata: Default::default(),
            spec: spec(vec![container_mounting("app", "www")], vec![]),
        };
        let names = ["www".to_owned()];
        assert_clean(&check(|c| {
            pod_spec(
                c,
                &t.spec,
                &SpecContext::template(&names),
                &FieldPath::root(),
            )
        }));
        let r = check(|c| pod_spec(c, &t.spec, &SpecContext::template(&[]), &FieldPath::root()));
        assert_only(
            &r,
            "containers[0].volumeMounts[0].name",
            ErrorKind::NotFound,
        );
    }

    #[test]
    fn pod_names_are_subdomains() {
        assert_clean(&pod("web-0.db", vec![]).check());
        assert_only(
            &pod("Web", vec![]).check(),
            "metadata.name",
            ErrorKind::Invalid,
        );
    }
}
