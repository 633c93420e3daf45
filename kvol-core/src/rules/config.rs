//! ConfigMaps and Secrets (`ValidateConfigMap`, `ValidateSecret` in
//! pkg/apis/core/validation): key names (`IsConfigMapKey`), a key in both `data` and
//! `binaryData`, the 1 MiB total, and the keys each well-known Secret type requires.
//!
//! A Secret's `stringData` is merged into `data` before validation (v1 conversion), so its keys
//! are reported at `data[key]` as the API server does.

use super::{
    common::invalid_each,
    ids,
    meta::{self, NameFormat},
};
use crate::{
    config::{ConfigMap, Secret, secret_type},
    names,
    report::{FieldError, FieldPath},
    validate::Checker,
};

/// `core.MaxSecretSize`, also the limit of a ConfigMap: 1 MiB.
pub(crate) const MAX_SECRET_SIZE: usize = 1024 * 1024;

/// The annotation a service-account token Secret needs (`core.ServiceAccountNameKey`).
const SERVICE_ACCOUNT_NAME_KEY: &str = "kubernetes.io/service-account.name";

/// A whole ConfigMap.
pub(crate) fn validate_config_map(checker: &mut Checker, cm: &ConfigMap, path: &FieldPath) {
    meta::object_meta(
        checker,
        &cm.metadata,
        NameFormat::Subdomain,
        ids::S2_NAME_CONFIGMAP_SECRET,
        &path.child("metadata"),
    );
    let mut total = 0usize;
    let data = path.child("data");
    for (key, value) in &cm.data {
        let p = data.key(key);
        invalid_each(
            checker,
            ids::S19_CONFIGMAP_KEY,
            &p,
            key,
            names::config_map_key(key),
        );
        if cm.binary_data.contains_key(key) {
            checker.error(FieldError::invalid(
                ids::S19_CONFIGMAP_KEY_DUPLICATE,
                p,
                key,
                "duplicate of key present in binaryData",
            ));
        }
        total = total.saturating_add(value.len());
    }
    let binary = path.child("binaryData");
    for (key, value) in &cm.binary_data {
        invalid_each(
            checker,
            ids::S19_CONFIGMAP_KEY,
            &binary.key(key),
            key,
            names::config_map_key(key),
        );
        total = total.saturating_add(value.0.len());
    }
    if total > MAX_SECRET_SIZE {
        // The API server reports it at `field.NewPath("")`: the object itself.
        checker.error(FieldError::too_long(
            ids::S19_CONFIGMAP_SIZE,
            path.clone(),
            MAX_SECRET_SIZE,
        ));
    }
}

/// A whole Secret (with `stringData` merged into `data`).
pub(crate) fn validate_secret(checker: &mut Checker, secret: &Secret, path: &FieldPath) {
    meta::object_meta(
        checker,
        &secret.metadata,
        NameFormat::Subdomain,
        ids::S2_NAME_CONFIGMAP_SECRET,
        &path.child("metadata"),
    );
    let data = path.child("data");
    let mut total = 0usize;
    for key in secret.keys() {
        invalid_each(
            checker,
            ids::S19_SECRET_KEY,
            &data.key(key),
            key,
            names::config_map_key(key),
        );
        total = total.saturating_add(secret.value(key).map_or(0, <[u8]>::len));
    }
    if total > MAX_SECRET_SIZE {
        checker.error(FieldError::too_long(
            ids::S19_SECRET_SIZE,
            data.clone(),
            MAX_SECRET_SIZE,
        ));
    }
    let has = |key: &str| secret.value(key).is_some();
    // `field.NewPath("data[%s]").Key(...)`: the API server's own path, with `%s` left in.
    let odd = path.child("data[%s]");
    match secret.type_.as_deref().unwrap_or("") {
        secret_type::SERVICE_ACCOUNT_TOKEN => {
            let named = secret
                .metadata
                .annotations
                .get(SERVICE_ACCOUNT_NAME_KEY)
                .is_some_and(|v| !v.is_empty());
            if !named {
                checker.error(
                    FieldError::required(
                        ids::S19_SECRET_SERVICE_ACCOUNT_TOKEN_ANNOTATION,
                        path.child("metadata")
                            .child("annotations")
                            .key(SERVICE_ACCOUNT_NAME_KEY),
                        "",
                    )
                    .with_help(
                        "a service-account token Secret names its ServiceAccount in the \
                         annotation kubernetes.io/service-account.name",
                    ),
                );
            }
        }
        secret_type::DOCKERCFG if !has(".dockercfg") => {
            checker.error(
                FieldError::required(ids::S19_SECRET_DOCKERCFG_KEY, data.key(".dockercfg"), "")
                    .with_help("a kubernetes.io/dockercfg Secret needs the key .dockercfg"),
            );
        }
        secret_type::DOCKER_CONFIG_JSON if !has(".dockerconfigjson") => {
            checker.error(
                FieldError::required(
                    ids::S19_SECRET_DOCKERCONFIGJSON_KEY,
                    data.key(".dockerconfigjson"),
                    "",
                )
                .with_help(
                    "a kubernetes.io/dockerconfigjson Secret needs the key .dockerconfigjson",
                ),
            );
        }
        secret_type::BASIC_AUTH if !has("username") && !has("password") => {
            for key in ["username", "password"] {
                checker.error(
                    FieldError::required(ids::S19_SECRET_BASIC_AUTH_KEYS, odd.key(key), "")
                        .with_help(
                            "a kubernetes.io/basic-auth Secret needs the key username or \
                             password (either may be empty)",
                        ),
                );
            }
        }
        secret_type::SSH_AUTH if secret.value("ssh-privatekey").is_none_or(<[u8]>::is_empty) => {
            checker.error(
                FieldError::required(ids::S19_SECRET_SSH_AUTH_KEY, odd.key("ssh-privatekey"), "")
                    .with_help("a kubernetes.io/ssh-auth Secret needs a non-empty ssh-privatekey"),
            );
        }
        secret_type::TLS => {
            for key in ["tls.crt", "tls.key"] {
                if !has(key) {
                    checker.error(
                        FieldError::required(ids::S19_SECRET_TLS_KEYS, data.key(key), "")
                            .with_help("a kubernetes.io/tls Secret needs tls.crt and tls.key"),
                    );
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        config::Bytes,
        report::ErrorKind,
        rules::test_support::{assert_clean, assert_only},
        validate::Validate,
    };

    #[test]
    fn config_map_keys_and_size() {
        let mut cm = ConfigMap::named("app-config");
        cm.data.insert("app.properties".into(), "a=b".into());
        cm.binary_data
            .insert("logo.png".into(), Bytes(vec![0, 1, 2]));
        assert_clean(&cm.check());
        cm.data.insert("bad key".into(), String::new());
        let r = cm.check();
        assert_only(&r, "data[bad key]", ErrorKind::Invalid);
        cm.data.remove("bad key");
        cm.data.insert("logo.png".into(), String::new());
        let r = cm.check();
        assert_only(&r, "data[logo.png]", ErrorKind::Invalid);
        assert_eq!(
            r.errors[0].to_string(),
            "data[logo.png]: Invalid value: \"logo.png\": duplicate of key present in binaryData"
        );
        let mut cm = ConfigMap::named("big");
        cm.data.insert("a".into(), "x".repeat(MAX_SECRET_SIZE));
        assert_clean(&cm.check());
        cm.binary_data.insert("b".into(), Bytes(vec![1]));
        assert_eq!(cm.check().errors[0].kind, ErrorKind::TooLong);
    }

    #[test]
    fn secret_types_need_their_keys() {
        let mut s = Secret::named("tls");
        s.type_ = Some(secret_type::TLS.into());
        s.string_data.insert("tls.crt".into(), "c".into());
        let r = s.check();
        assert_only(&r, "data[tls.key]", ErrorKind::Required);
        s.data.insert("tls.key".into(), Bytes::from("k"));
        assert_clean(&s.check());

        let mut s = Secret::named("auth");
        s.type_ = Some(secret_type::BASIC_AUTH.into());
        let r = s.check();
        assert_eq!(r.errors.len(), 2);
        assert_eq!(r.errors[0].path.as_str(), "data[%s][username]");
        s.string_data.insert("password".into(), String::new());
        assert_clean(&s.check());

        let mut s = Secret::named("ssh");
        s.type_ = Some(secret_type::SSH_AUTH.into());
        s.string_data.insert("ssh-privatekey".into(), String::new());
        assert_only(&s.check(), "data[%s][ssh-privatekey]", ErrorKind::Required);
    }
}
