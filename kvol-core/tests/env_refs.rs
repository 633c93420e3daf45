//! A container's `env[].valueFrom` (configMapKeyRef, secretKeyRef) and `envFrom` (configMapRef,
//! secretRef), and a projected volume's configMap and secret sources, name a ConfigMap or
//! Secret of the set (or one declared external) and keys it has: the kubelet otherwise fails
//! the container with CreateContainerConfigError, or cannot mount the volume.

use kvol_core::{
    ConfigMap, Container, DaemonSet, Deployment, Manifests, Pod, Report, Secret, StatefulSet,
    Validate, VolumeSource,
    config::Bytes,
    pod::{EnvFromSource, EnvVarSource},
    report::ErrorKind,
    rules::ids,
    volume::{KeyToPath, ProjectedVolume, VolumeProjection},
};

fn cm(name: &str, data: &[&str], binary: &[&str]) -> ConfigMap {
    let mut b = ConfigMap::builder(name);
    for k in data {
        b = b.data(*k, "v");
    }
    for k in binary {
        b = b.binary_data(*k, Bytes::from("v"));
    }
    b.build().unwrap_or_else(|r| panic!("{r}")).into_inner()
}

fn secret(name: &str, data: &[&str], string_data: &[&str]) -> Secret {
    let mut b = Secret::builder(name);
    for k in data {
        b = b.data(*k, Bytes::from("v"));
    }
    for k in string_data {
        b = b.string_data(*k, "v");
    }
    b.build().unwrap_or_else(|r| panic!("{r}")).into_inner()
}

fn pod(container: impl Into<Container>) -> Pod {
    Pod::builder("web")
        .container(container)
        .build()
        .unwrap_or_else(|r| panic!("{r}"))
        .into_inner()
}

fn app() -> kvol_core::builder::ContainerBuilder {
    Container::builder("app", "nginx:1.27")
}

/// The errors as `(rule, path, kind)`.
fn found(r: &Report) -> Vec<(&'static str, String, ErrorKind)> {
    r.errors
        .iter()
        .map(|e| (e.rule.as_str(), e.path.to_string(), e.kind))
        .collect()
}

#[track_caller]
fn assert_clean(r: &Report) {
    assert!(r.errors.is_empty() && r.warnings.is_empty(), "{r}");
}

const C0: &str = "objects[0](Pod default/web).spec.containers[0]";

#[test]
fn a_config_map_key_ref_names_a_config_map_of_the_set() {
    let p = pod(app().env_from_source("MODE", EnvVarSource::config_map_key("settings", "mode")));
    let r = Manifests::new().with(p.clone()).check();
    assert_eq!(
        found(&r),
        [(
            "24/kvol-env-config-map-exists",
            format!("{C0}.env[0].valueFrom.configMapKeyRef.name"),
            ErrorKind::NotFound
        )],
        "{r}"
    );
    let text = r.errors[0].to_string();
    assert!(
        text.contains(
            "no ConfigMap of that name in namespace \"default\" in this set, and none declared \
             external: the kubelet cannot make the environment of container \"app\" \
             (configmaps \"settings\" not found), which never starts \
             (CreateContainerConfigError)"
        ),
        "{text}"
    );
    let help = r.errors[0].help.as_deref().unwrap_or_default();
    for fix in [
        "add the ConfigMap to the set",
        "`Manifests::external_config_map`",
        "`external_config_maps: [..]`",
        "`kvol check --config-map`",
        "`optional: true`",
    ] {
        assert!(help.contains(fix), "{help}");
    }
    // Its twins: the ConfigMap with the key, declared external, or the reference optional.
    assert_clean(
        &Manifests::new()
            .with(p.clone())
            .with(cm("settings", &["mode"], &[]))
            .check(),
    );
    assert_clean(
        &Manifests::new()
            .with(p)
            .external_config_map("settings")
            .check(),
    );
    let mut source = EnvVarSource::config_map_key("settings", "mode");
    if let Some(k) = &mut source.config_map_key_ref {
        k.optional = Some(true);
    }
    assert_clean(
        &Manifests::new()
            .with(pod(app().env_from_source("MODE", source)))
            .check(),
    );
}

#[test]
fn a_config_map_key_ref_names_a_data_key_as_the_kubelet_reads_only_data() {
    let p = pod(app().env_from_source("MODE", EnvVarSource::config_map_key("settings", "mode")));
    let r = Manifests::new()
        .with(p.clone())
        .with(cm("settings", &["other"], &[]))
        .check();
    assert_eq!(
        found(&r),
        [(
            "24/kvol-env-config-map-key",
            format!("{C0}.env[0].valueFrom.configMapKeyRef.key"),
            ErrorKind::NotFound
        )],
        "{r}"
    );
    let text = r.errors[0].to_string();
    assert!(
        text.contains(
            "ConfigMap \"settings\" has no such key (its keys: \"other\"): the kubelet cannot \
             make the environment of container \"app\" (couldn't find key mode in ConfigMap \
             default/settings)"
        ),
        "{text}"
    );
    // A key in binaryData only is missing too (the kubelet reads `data`), and said so.
    let r = Manifests::new()
        .with(p.clone())
        .with(cm("settings", &[], &["mode"]))
        .check();
    let text = r
        .errors
        .first()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(
        text.contains("has \"mode\" only in binaryData, which the kubelet does not read"),
        "{r}"
    );
    // An external ConfigMap's keys are not known: not checked.
    assert_clean(
        &Manifests::new()
            .with(p)
            .external_config_map("settings")
            .check(),
    );
}

#[test]
fn a_secret_key_ref_names_a_secret_and_key_of_the_set_in_init_containers_too() {
    let p = Pod::builder("web")
        .init_container(
            Container::builder("setup", "busybox:1.36")
                .env_from_source("PW", EnvVarSource::secret_key("db", "password")),
        )
        .container(app())
        .build()
        .unwrap_or_else(|r| panic!("{r}"))
        .into_inner();
    let path = "objects[0](Pod default/web).spec.initContainers[0].env[0].valueFrom.secretKeyRef";
    let r = Manifests::new().with(p.clone()).check();
    assert_eq!(
        found(&r),
        [(
            "24/kvol-env-secret-exists",
            format!("{path}.name"),
            ErrorKind::NotFound
        )],
        "{r}"
    );
    let help = r.errors[0].help.as_deref().unwrap_or_default();
    assert!(
        help.contains("`Manifests::external_secret`") && help.contains("`kvol check --secret`"),
        "{help}"
    );
    let r = Manifests::new()
        .with(p.clone())
        .with(secret("db", &["user"], &[]))
        .check();
    assert_eq!(
        found(&r),
        [(
            "24/kvol-env-secret-key",
            format!("{path}.key"),
            ErrorKind::NotFound
        )],
        "{r}"
    );
    // stringData counts (the API server merges it into data), as does data.
    assert_clean(
        &Manifests::new()
            .with(p.clone())
            .with(secret("db", &[], &["password"]))
            .check(),
    );
    assert_clean(
        &Manifests::new()
            .with(p.clone())
            .with(secret("db", &["password"], &[]))
            .check(),
    );
    assert_clean(&Manifests::new().with(p).external_secret("db").check());
}

#[test]
fn env_from_names_an_object_of_the_set_in_every_workload_kind() {
    let reads = || {
        app()
            .env_from(EnvFromSource::config_map("settings"))
            .env_from(EnvFromSource::secret("creds"))
    };
    let deployment = Deployment::builder("web")
        .container(reads())
        .build()
        .unwrap_or_else(|r| panic!("{r}"))
        .into_inner();
    let daemon = DaemonSet::builder("agent")
        .container(reads())
        .build()
        .unwrap_or_else(|r| panic!("{r}"))
        .into_inner();
    let sts = StatefulSet::builder("db")
        .container(reads())
        .volume("data", VolumeSource::empty_dir())
        .build()
        .unwrap_or_else(|r| panic!("{r}"))
        .into_inner();
    let r = Manifests::new()
        .with(deployment.clone())
        .with(daemon.clone())
        .with(sts.clone())
        .check();
    let mut expected = Vec::new();
    for object in [
        "objects[0](Deployment default/web)",
        "objects[1](DaemonSet default/agent)",
        "objects[2](StatefulSet default/db)",
    ] {
        let c = format!("{object}.spec.template.spec.containers[0]");
        expected.push((
            "24/kvol-env-config-map-exists",
            format!("{c}.envFrom[0].configMapRef.name"),
            ErrorKind::NotFound,
        ));
        expected.push((
            "24/kvol-env-secret-exists",
            format!("{c}.envFrom[1].secretRef.name"),
            ErrorKind::NotFound,
        ));
    }
    let mut got = found(&r);
    got.retain(|(rule, ..)| rule.starts_with("24/kvol-env"));
    assert_eq!(got, expected, "{r}");
    // No key check for envFrom: an empty ConfigMap and Secret of the set are enough.
    let complete = Manifests::new()
        .with(deployment.clone())
        .with(daemon)
        .with(sts)
        .with(cm("settings", &[], &[]))
        .with(secret("creds", &[], &[]));
    let r = complete.check();
    assert!(
        !r.errors
            .iter()
            .any(|e| e.rule.as_str().starts_with("24/kvol-env")),
        "{r}"
    );
    // Optional references may name missing objects.
    let mut optional = deployment;
    for from in &mut optional.spec.template.spec.containers[0].env_from {
        for r in [&mut from.config_map_ref, &mut from.secret_ref]
            .into_iter()
            .flatten()
        {
            r.optional = Some(true);
        }
    }
    assert_clean(&Manifests::new().with(optional).check());
}

#[test]
fn a_reference_in_another_namespace_is_not_found() {
    let mut p = pod(app().env_from(EnvFromSource::secret("creds")));
    p.metadata.namespace = Some("shop".into());
    let r = Manifests::new()
        .with(p.clone())
        .with(secret("creds", &["k"], &[]))
        .check();
    assert_eq!(
        found(&r),
        [(
            "24/kvol-env-secret-exists",
            "objects[0](Pod shop/web).spec.containers[0].envFrom[0].secretRef.name".to_owned(),
            ErrorKind::NotFound
        )],
        "{r}"
    );
}

fn projected(sources: Vec<VolumeProjection>) -> Pod {
    Pod::builder("web")
        .container(app().mount("conf", "/etc/conf"))
        .volume(
            "conf",
            VolumeSource::Projected(ProjectedVolume {
                default_mode: None,
                sources,
            }),
        )
        .build()
        .unwrap_or_else(|r| panic!("{r}"))
        .into_inner()
}

fn item(key: &str) -> KeyToPath {
    KeyToPath {
        key: key.into(),
        mode: None,
        path: key.into(),
    }
}

#[test]
fn projected_config_map_and_secret_sources_are_checked_like_volumes() {
    let mut c = VolumeProjection::config_map("settings");
    if let Some(s) = &mut c.config_map {
        s.items.push(item("mode"));
    }
    let mut s = VolumeProjection::secret("creds");
    if let Some(s) = &mut s.secret {
        s.items.push(item("tls.key"));
    }
    let p = projected(vec![
        VolumeProjection::service_account_token("token", None, None),
        c,
        s,
    ]);
    let sources = "objects[0](Pod default/web).spec.volumes[0].projected.sources";
    let r = Manifests::new().with(p.clone()).check();
    assert_eq!(
        found(&r),
        [
            (
                "24/kvol-projected-config-map-exists",
                format!("{sources}[1].configMap.name"),
                ErrorKind::NotFound
            ),
            (
                "24/kvol-projected-secret-exists",
                format!("{sources}[2].secret.name"),
                ErrorKind::NotFound
            ),
        ],
        "{r}"
    );
    let r = Manifests::new()
        .with(p.clone())
        .with(cm("settings", &["other"], &[]))
        .with(secret("creds", &["tls.crt"], &[]))
        .check();
    assert_eq!(
        found(&r),
        [
            (
                "24/kvol-projected-config-map-keys",
                format!("{sources}[1].configMap.items[0].key"),
                ErrorKind::NotFound
            ),
            (
                "24/kvol-projected-secret-keys",
                format!("{sources}[2].secret.items[0].key"),
                ErrorKind::NotFound
            ),
        ],
        "{r}"
    );
    // A volume reads binaryData too; external objects' keys are not known.
    assert_clean(
        &Manifests::new()
            .with(p.clone())
            .with(cm("settings", &[], &["mode"]))
            .with(secret("creds", &[], &["tls.key"]))
            .check(),
    );
    assert_clean(
        &Manifests::new()
            .with(p)
            .external_config_map("settings")
            .external_secret("creds")
            .check(),
    );
}

#[test]
fn the_new_rules_are_kvol_own_rules() {
    // kvol-source rules: errors in the builders and `kvol check`, warnings under --per-object.
    for (id, rule) in [
        (
            "24/kvol-env-config-map-exists",
            ids::S24_KVOL_ENV_CONFIG_MAP_EXISTS,
        ),
        (
            "24/kvol-env-config-map-key",
            ids::S24_KVOL_ENV_CONFIG_MAP_KEY,
        ),
        ("24/kvol-env-secret-exists", ids::S24_KVOL_ENV_SECRET_EXISTS),
        ("24/kvol-env-secret-key", ids::S24_KVOL_ENV_SECRET_KEY),
        (
            "24/kvol-projected-config-map-exists",
            ids::S24_KVOL_PROJECTED_CONFIG_MAP_EXISTS,
        ),
        (
            "24/kvol-projected-secret-keys",
            ids::S24_KVOL_PROJECTED_SECRET_KEYS,
        ),
    ] {
        assert_eq!(rule.as_str(), id);
        assert_eq!(rule.source(), kvol_core::report::Source::Kvol, "{id}");
    }
}
