//! ConfigMaps and Secrets: configuration and credentials that pods read as files or variables.

use crate::meta::{ObjectMeta, StringMap};
use crate::render::{Emit, Sink};
use std::collections::BTreeMap;

/// Bytes written as base64 (`binaryData` of a ConfigMap, `data` of a Secret).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bytes(pub Vec<u8>);

/// Keys to bytes, written as base64 strings.
pub type ByteMap = BTreeMap<String, Bytes>;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

impl Bytes {
    /// The bytes as standard base64 with padding (what the API server decodes).
    pub fn to_base64(&self) -> String {
        let mut out = String::with_capacity(self.0.len().div_ceil(3) * 4);
        for chunk in self.0.chunks(3) {
            let b = [
                chunk[0],
                chunk.get(1).copied().unwrap_or(0),
                chunk.get(2).copied().unwrap_or(0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    /// Decodes standard base64 with padding, as Go's `base64.StdEncoding` does (the encoding
    /// of `[]byte` fields in JSON); `None` when `text` is not valid base64.
    pub fn from_base64(text: &str) -> Option<Bytes> {
        let bytes = text.as_bytes();
        if !bytes.len().is_multiple_of(4) {
            return None;
        }
        let value = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32);
        let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
        let chunks = bytes.len() / 4;
        for (i, chunk) in bytes.chunks(4).enumerate() {
            let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
            if pad > 2 || (pad > 0 && i + 1 != chunks) {
                return None;
            }
            let mut n = 0u32;
            for &c in &chunk[..4 - pad] {
                n = (n << 6) | value(c)?;
            }
            n <<= 6 * pad as u32;
            let decoded = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            // Go rejects non-zero bits after the last full byte only in strict mode; the
            // apiserver uses the lenient StdEncoding, which accepts them.
            out.extend_from_slice(&decoded[..3 - pad]);
        }
        Some(Bytes(out))
    }
}

impl From<&[u8]> for Bytes {
    fn from(b: &[u8]) -> Self {
        Bytes(b.to_vec())
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(b: Vec<u8>) -> Self {
        Bytes(b)
    }
}

impl From<&str> for Bytes {
    fn from(s: &str) -> Self {
        Bytes(s.as_bytes().to_vec())
    }
}

impl Emit for Bytes {
    /// A base64 string, as Go's `encoding/json` writes a `[]byte`.
    fn emit(&self, out: &mut dyn Sink) {
        out.str(&self.to_base64())
    }
}
serde_via_emit!(Bytes);

/// A ConfigMap (`v1/ConfigMap`, namespaced): text values in `data`, bytes in `binaryData`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConfigMap {
    /// Name (DNS-1123 subdomain), namespace, labels, annotations.
    pub metadata: ObjectMeta,
    /// UTF-8 values by key (keys: `[-._a-zA-Z0-9]+`, unique across `data` and `binaryData`).
    pub data: StringMap,
    /// Binary values by key, written as base64.
    pub binary_data: ByteMap,
    /// `true`: the data can never be changed (only the object deleted).
    pub immutable: Option<bool>,
}

impl ConfigMap {
    /// An empty ConfigMap with this name.
    pub fn named(name: impl Into<String>) -> Self {
        ConfigMap {
            metadata: ObjectMeta::named(name),
            ..Default::default()
        }
    }

    /// Every key of `data` and `binaryData` (what a volume or `configMapKeyRef` may name).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.data
            .keys()
            .chain(self.binary_data.keys())
            .map(String::as_str)
    }
}

impl Emit for ConfigMap {
    fn emit(&self, out: &mut dyn Sink) {
        // kubectl prints a ConfigMap's keys alphabetically.
        out.begin_map();
        out.field("apiVersion", &"v1");
        if !self.binary_data.is_empty() {
            out.field("binaryData", &self.binary_data);
        }
        if !self.data.is_empty() {
            out.field("data", &self.data);
        }
        if let Some(v) = &self.immutable {
            out.field("immutable", v);
        }
        out.field("kind", &"ConfigMap");
        out.field("metadata", &self.metadata);
        out.end_map();
    }
}
serde_via_emit!(ConfigMap);

/// The well-known Secret types (`type`); any other non-empty value up to 253 bytes is also
/// accepted by the API server, and unset means `Opaque`.
pub mod secret_type {
    /// Arbitrary user data (the default).
    pub const OPAQUE: &str = "Opaque";
    /// A service account token; needs the annotation `kubernetes.io/service-account.name`.
    pub const SERVICE_ACCOUNT_TOKEN: &str = "kubernetes.io/service-account-token";
    /// A legacy `~/.dockercfg`; needs the key `.dockercfg`.
    pub const DOCKERCFG: &str = "kubernetes.io/dockercfg";
    /// A `~/.docker/config.json`; needs the key `.dockerconfigjson`.
    pub const DOCKER_CONFIG_JSON: &str = "kubernetes.io/dockerconfigjson";
    /// Basic authentication; keys `username` and/or `password`.
    pub const BASIC_AUTH: &str = "kubernetes.io/basic-auth";
    /// An SSH key; needs the key `ssh-privatekey`.
    pub const SSH_AUTH: &str = "kubernetes.io/ssh-auth";
    /// A TLS certificate; needs the keys `tls.crt` and `tls.key`.
    pub const TLS: &str = "kubernetes.io/tls";
    /// A bootstrap token.
    pub const BOOTSTRAP_TOKEN: &str = "bootstrap.kubernetes.io/token";
}

/// A Secret (`v1/Secret`, namespaced): bytes in `data` (base64), text in `stringData`.
///
/// `stringData` is merged into `data` by the API server on write (it wins on conflicts); the
/// rules check the merged keys, as the server does.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Secret {
    /// Name (DNS-1123 subdomain), namespace, labels, annotations.
    pub metadata: ObjectMeta,
    /// Values by key, written as base64.
    pub data: ByteMap,
    /// Text values by key, written as they are.
    pub string_data: StringMap,
    /// The type (unset: `Opaque`); see [`secret_type`].
    pub type_: Option<String>,
    /// `true`: the data can never be changed (only the object deleted).
    pub immutable: Option<bool>,
}

impl Secret {
    /// An empty Secret with this name.
    pub fn named(name: impl Into<String>) -> Self {
        Secret {
            metadata: ObjectMeta::named(name),
            ..Default::default()
        }
    }

    /// The type the server uses: `type`, or `Opaque` when unset.
    pub fn effective_type(&self) -> &str {
        self.type_.as_deref().unwrap_or(secret_type::OPAQUE)
    }

    /// Every key once `stringData` is merged into `data` (sorted, unique).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        let mut keys: Vec<&str> = self
            .data
            .keys()
            .chain(self.string_data.keys())
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys.into_iter()
    }

    /// The value of `key` once `stringData` is merged into `data`.
    pub fn value(&self, key: &str) -> Option<&[u8]> {
        self.string_data
            .get(key)
            .map(String::as_bytes)
            .or_else(|| self.data.get(key).map(|b| b.0.as_slice()))
    }
}

impl Emit for Secret {
    fn emit(&self, out: &mut dyn Sink) {
        // kubectl prints a Secret's keys alphabetically.
        out.begin_map();
        out.field("apiVersion", &"v1");
        if !self.data.is_empty() {
            out.field("data", &self.data);
        }
        if let Some(v) = &self.immutable {
            out.field("immutable", v);
        }
        out.field("kind", &"Secret");
        out.field("metadata", &self.metadata);
        if !self.string_data.is_empty() {
            out.field("stringData", &self.string_data);
        }
        if let Some(v) = &self.type_ {
            out.field("type", v);
        }
        out.end_map();
    }
}
serde_via_emit!(Secret);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(Bytes::from(plain).to_base64(), encoded);
            assert_eq!(Bytes::from_base64(encoded), Some(Bytes::from(plain)));
        }
        let all: Vec<u8> = (0..=255).collect();
        let b = Bytes(all);
        assert_eq!(Bytes::from_base64(&b.to_base64()), Some(b));
        for bad in ["Zg", "Zg=", "Z===", "Zg==Zg==", "Zm9*", "Zm 9"] {
            assert_eq!(Bytes::from_base64(bad), None, "{bad}");
        }
    }

    #[test]
    fn string_data_wins_over_data() {
        let mut s = Secret::named("s");
        s.data.insert("a".into(), Bytes::from("x"));
        s.data.insert("b".into(), Bytes::from("y"));
        s.string_data.insert("a".into(), "z".into());
        assert_eq!(s.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(s.value("a"), Some(&b"z"[..]));
        assert_eq!(s.value("b"), Some(&b"y"[..]));
        assert_eq!(s.effective_type(), "Opaque");
    }
}

#[cfg(test)]
mod render_tests {
    use super::*;
    use crate::object::Object;

    #[test]
    fn config_maps_and_secrets_render_as_kubectl_prints_them() {
        let mut cm = ConfigMap::named("app");
        cm.data.insert("mode".into(), "yes".into());
        cm.binary_data
            .insert("logo".into(), Bytes(vec![0, 1, 2, 255]));
        cm.immutable = Some(true);
        assert_eq!(
            crate::render::to_yaml(&Object::from(cm)),
            "apiVersion: v1\nbinaryData:\n  logo: \"AAEC/w==\"\ndata:\n  mode: \"yes\"\n\
             immutable: true\nkind: ConfigMap\nmetadata:\n  name: app\n"
        );
        let mut s = Secret::named("tls");
        s.type_ = Some(secret_type::TLS.into());
        s.data.insert("tls.key".into(), Bytes::from("KEY"));
        s.string_data.insert("tls.crt".into(), "0755".into());
        assert_eq!(
            crate::render::to_yaml(&Object::from(s)),
            "apiVersion: v1\ndata:\n  tls.key: S0VZ\nkind: Secret\nmetadata:\n  name: tls\n\
             stringData:\n  tls.crt: \"0755\"\ntype: kubernetes.io/tls\n"
        );
    }
}
