//! Kubernetes name formats (apimachinery `pkg/util/validation` and
//! `pkg/api/validate/content`), with the API server's exact messages.
//!
//! Each check returns `Ok(())` or a [`NameError`] holding one message per failed rule, worded and
//! ordered exactly as the API server words and orders them, so kvol can print what
//! `kubectl apply` would have printed. The checks are hand-written byte-class scans equivalent to
//! apimachinery's regular expressions; lengths are counted in bytes, as Go's `len` does.
//!
//! | check | Kubernetes function | used for |
//! |---|---|---|
//! | [`dns1123_label`] | `IsDNS1123Label` | volume, container, namespace, StatefulSet and Service port names |
//! | [`dns1123_subdomain`] | `IsDNS1123Subdomain` | Pod, PV, PVC, StorageClass, ConfigMap and Secret names |
//! | [`dns1035_label`] | `IsDNS1035Label` | Service names |
//! | [`qualified_name`] | `IsQualifiedName` (= `content.IsLabelKey`) | label and annotation keys, provisioners |
//! | [`label_value`] | `IsValidLabelValue` (= `content.IsLabelValue`) | label values |
//! | [`port_name`] | `IsValidPortName` (IANA_SVC_NAME) | container port names |
//! | [`port_number`] | `IsValidPortNum` | port numbers |
//! | [`config_map_key`] | `IsConfigMapKey` | ConfigMap and Secret keys, `items[].key` |
//!
//! Validated newtypes ([`Dns1123Label`], [`Dns1123Subdomain`], [`Dns1035Label`], [`PortName`],
//! [`QualifiedName`], [`LabelValue`]) hold a string that is known to pass its check. Where every
//! value of one format is also valid in another, a lossless `From` conversion widens it (for
//! example [`Dns1035Label`] → [`Dns1123Label`] → [`Dns1123Subdomain`]).
//!
//! # Wording of length errors
//!
//! The newest apimachinery wording is used throughout. Since apimachinery v0.35 (Kubernetes
//! 1.35), `IsQualifiedName` and `IsValidLabelValue` are aliases of `content.IsLabelKey` and
//! `content.IsLabelValue`, whose length errors say `must be no more than N bytes` (older releases
//! said `characters`); this includes the DNS-subdomain check applied to a qualified name's
//! prefix. The DNS checks, the port-name check and the ConfigMap-key check still live in
//! `pkg/util/validation` and say `must be no more than N characters`.
//!
//! # Example
//!
//! ```
//! use kvol_core::names::{self, Dns1035Label, Dns1123Label, Dns1123Subdomain};
//!
//! assert!(names::dns1123_label("data-0").is_ok());
//! assert_eq!(
//!     names::dns1123_label("my.volume").unwrap_err().messages,
//!     ["must not contain dots"],
//! );
//! assert_eq!(
//!     names::port_name("--").unwrap_err().to_string(),
//!     "must contain at least one letter (a-z); must not contain consecutive hyphens; \
//!      must not begin or end with a hyphen",
//! );
//!
//! let service: Dns1035Label = "web".parse()?;
//! let label = Dns1123Label::from(service);
//! let pvc_name: Dns1123Subdomain = label.into();
//! assert_eq!(pvc_name.as_str(), "web");
//! assert!(Dns1035Label::new("0web").is_err());
//! # Ok::<(), kvol_core::NameError>(())
//! ```

use crate::{report::RuleId, rules::ids};
use std::{borrow::Borrow, fmt, ops::Deref, str::FromStr};

/// Why a string is not a valid name of some format: the API server's messages, in its order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameError {
    /// One message per failed rule, as the API server words it.
    pub messages: Vec<String>,
    /// The rule of each message, in the same order (a §2 constant of [`crate::rules::ids`]).
    pub rules: Vec<RuleId>,
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.messages.join("; "))
    }
}

impl std::error::Error for NameError {}

/// Longest valid RFC 1123 label, in bytes (`DNS1123LabelMaxLength`).
pub const DNS1123_LABEL_MAX_LEN: usize = 63;
/// Longest valid RFC 1123 subdomain, in bytes (`DNS1123SubdomainMaxLength`).
pub const DNS1123_SUBDOMAIN_MAX_LEN: usize = 253;
/// Longest valid RFC 1035 label, in bytes (`DNS1035LabelMaxLength`).
pub const DNS1035_LABEL_MAX_LEN: usize = 63;
/// Longest valid name part (after the optional `prefix/`) of a qualified name, in bytes.
pub const QUALIFIED_NAME_NAME_MAX_LEN: usize = 63;
/// Longest valid label value, in bytes (`LabelValueMaxLength`).
pub const LABEL_VALUE_MAX_LEN: usize = 63;
/// Longest valid IANA service (container port) name, in bytes.
pub const PORT_NAME_MAX_LEN: usize = 15;
/// Longest valid ConfigMap or Secret key, in bytes.
pub const CONFIG_MAP_KEY_MAX_LEN: usize = 253;

// ---------------------------------------------------------------------------------------------
// Message helpers and the regular expressions apimachinery prints (copied verbatim).

const DNS1123_LABEL_FMT: &str = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_LABEL_ERR: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric \
     characters or '-', and must start and end with an alphanumeric character";

const DNS1123_SUBDOMAIN_FMT: &str =
    r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const DNS1123_SUBDOMAIN_ERR: &str = "a lowercase RFC 1123 subdomain must consist of lower case \
     alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

const DNS1035_LABEL_FMT: &str = "[a-z]([-a-z0-9]*[a-z0-9])?";
const DNS1035_LABEL_ERR: &str = "a DNS-1035 label must consist of lower case alphanumeric \
     characters or '-', start with an alphabetic character, and end with an alphanumeric character";

const LABEL_KEY_FMT: &str = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_KEY_ERR: &str = "must consist of alphanumeric characters, '-', '_' or '.', and must \
     start and end with an alphanumeric character";

const LABEL_VALUE_FMT: &str = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
const LABEL_VALUE_ERR: &str = "a valid label must be an empty string or consist of alphanumeric \
     characters, '-', '_' or '.', and must start and end with an alphanumeric character";

const CONFIG_MAP_KEY_FMT: &str = "[-._a-zA-Z0-9]+";
const CONFIG_MAP_KEY_ERR: &str =
    "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";

/// `EmptyError()`.
const EMPTY_ERR: &str = "must be non-empty";

/// `validation.MaxLenError` (`pkg/util/validation`): the `characters` wording.
fn max_len_characters(n: usize) -> String {
    format!("must be no more than {n} characters")
}

/// `content.MaxLenError` (`pkg/api/validate/content`, apimachinery ≥ v0.35): the `bytes` wording.
fn max_len_bytes(n: usize) -> String {
    format!("must be no more than {n} bytes")
}

/// `RegexError(msg, re, examples...)`, including its string-building quirk: every example is
/// followed by `", "` and every example after the first is preceded by `" or "`, so two
/// examples read `(e.g. 'a',  or 'b', regex used ...)` with a double space.
fn regex_error(msg: &str, re: &str, examples: &[&str]) -> String {
    if examples.is_empty() {
        return format!("{msg} (regex used for validation is '{re}')");
    }
    let mut out = format!("{msg} (e.g. ");
    for (i, example) in examples.iter().enumerate() {
        if i > 0 {
            out.push_str(" or ");
        }
        out.push('\'');
        out.push_str(example);
        out.push_str("', ");
    }
    out.push_str("regex used for validation is '");
    out.push_str(re);
    out.push_str("')");
    out
}

fn finish(errs: Vec<(RuleId, String)>) -> Result<(), NameError> {
    if errs.is_empty() {
        Ok(())
    } else {
        let (rules, messages) = errs.into_iter().unzip();
        Err(NameError { messages, rules })
    }
}

/// The rule a label-like string breaks when it fails its pattern: its characters, or (with
/// only allowed characters) its ends.
fn chars_or_ends(s: &str, allowed: fn(u8) -> bool, chars: RuleId, ends: RuleId) -> RuleId {
    if !s.is_empty() && s.bytes().all(allowed) {
        ends
    } else {
        chars
    }
}

// ---------------------------------------------------------------------------------------------
// Hand-written matchers, one per apimachinery regular expression (anchored with `^...$`).
// Every character class is ASCII, so scanning UTF-8 bytes is exact: no byte of a multi-byte
// character can match.

fn is_lower_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`
fn matches_dns1123_label(s: &str) -> bool {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) => {
            is_lower_alnum(first)
                && is_lower_alnum(last)
                && b.iter().all(|&c| is_lower_alnum(c) || c == b'-')
        }
        _ => false,
    }
}

/// `^L(\.L)*$` with `L` the RFC 1123 label expression (labels are not length-checked).
fn matches_dns1123_subdomain(s: &str) -> bool {
    s.split('.').all(matches_dns1123_label)
}

/// `^[a-z]([-a-z0-9]*[a-z0-9])?$`
fn matches_dns1035_label(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && matches_dns1123_label(s)
}

/// `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$` (the name part of a label key; a non-empty
/// label value).
fn matches_label_key_name(s: &str) -> bool {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(first), Some(last)) => {
            first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && b.iter()
                    .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        }
        _ => false,
    }
}

/// `^[-._a-zA-Z0-9]+$`
fn matches_config_map_key(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_'))
}

/// `isDNS1123Subdomain`, parameterised by the `MaxLenError` flavour of the calling package.
fn dns1123_subdomain_messages(
    s: &str,
    max_len_error: fn(usize) -> String,
) -> Vec<(RuleId, String)> {
    let mut errs = Vec::new();
    if s.len() > DNS1123_SUBDOMAIN_MAX_LEN {
        errs.push((
            ids::S2_DNS1123_SUBDOMAIN_LENGTH,
            max_len_error(DNS1123_SUBDOMAIN_MAX_LEN),
        ));
    }
    if !matches_dns1123_subdomain(s) {
        let allowed = |c: u8| is_lower_alnum(c) || c == b'-' || c == b'.';
        let rule = if s.split('.').any(str::is_empty) && s.bytes().all(allowed) {
            ids::S2_DNS1123_SUBDOMAIN_EMPTY_LABEL
        } else {
            ids::S2_DNS1123_SUBDOMAIN_CHARS
        };
        errs.push((
            rule,
            regex_error(
                DNS1123_SUBDOMAIN_ERR,
                DNS1123_SUBDOMAIN_FMT,
                &["example.com"],
            ),
        ));
    }
    errs
}

// ---------------------------------------------------------------------------------------------
// The checks.

/// RFC 1123 label (`IsDNS1123Label`): volume, container, namespace, StatefulSet and Service port
/// names.
///
/// At most 63 bytes of `[-a-z0-9]`, starting and ending with a letter or digit. A string that
/// fails only because it contains dots (it would be a valid subdomain) gets
/// `must not contain dots` instead of the pattern message.
///
/// # Errors
///
/// `must be no more than 63 characters`, then either `must not contain dots` or
/// `a lowercase RFC 1123 label must consist of ... (e.g. 'my-name',  or '123-abc', regex used for
/// validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`.
pub fn dns1123_label(s: &str) -> Result<(), NameError> {
    let mut errs = Vec::new();
    if s.len() > DNS1123_LABEL_MAX_LEN {
        errs.push((
            ids::S2_DNS1123_LABEL_LENGTH,
            max_len_characters(DNS1123_LABEL_MAX_LEN),
        ));
    }
    if !matches_dns1123_label(s) {
        if matches_dns1123_subdomain(s) {
            // A valid subdomain but not a valid label: length was checked above, so it must be
            // the dots (apimachinery's reasoning, kept verbatim).
            errs.push((
                ids::S2_DNS1123_LABEL_DOTS,
                "must not contain dots".to_owned(),
            ));
        } else {
            let allowed = |c: u8| is_lower_alnum(c) || c == b'-';
            let rule = chars_or_ends(
                s,
                allowed,
                ids::S2_DNS1123_LABEL_CHARS,
                ids::S2_DNS1123_LABEL_HYPHEN_ENDS,
            );
            errs.push((
                rule,
                regex_error(
                    DNS1123_LABEL_ERR,
                    DNS1123_LABEL_FMT,
                    &["my-name", "123-abc"],
                ),
            ));
        }
    }
    finish(errs)
}

/// RFC 1123 subdomain (`IsDNS1123Subdomain`): Pod, PV, PVC, StorageClass, ConfigMap and Secret
/// names.
///
/// At most 253 bytes; one or more RFC 1123 labels joined by `.`. Individual labels are **not**
/// length-checked, as in Kubernetes.
///
/// # Errors
///
/// `must be no more than 253 characters`;
/// `a lowercase RFC 1123 subdomain must consist of ... (e.g. 'example.com', regex used for
/// validation is '...')`.
pub fn dns1123_subdomain(s: &str) -> Result<(), NameError> {
    finish(dns1123_subdomain_messages(s, max_len_characters))
}

/// RFC 1035 label (`IsDNS1035Label`): Service names.
///
/// Like [`dns1123_label`] but must start with a letter `[a-z]`; there is no dots special case.
///
/// # Errors
///
/// `must be no more than 63 characters`; `a DNS-1035 label must consist of ... (e.g. 'my-name',
/// or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`.
pub fn dns1035_label(s: &str) -> Result<(), NameError> {
    let mut errs = Vec::new();
    if s.len() > DNS1035_LABEL_MAX_LEN {
        errs.push((
            ids::S2_DNS1035_LABEL_LENGTH,
            max_len_characters(DNS1035_LABEL_MAX_LEN),
        ));
    }
    if !matches_dns1035_label(s) {
        errs.push((
            ids::S2_DNS1035_LABEL_START,
            regex_error(
                DNS1035_LABEL_ERR,
                DNS1035_LABEL_FMT,
                &["my-name", "abc-123"],
            ),
        ));
    }
    finish(errs)
}

/// Qualified name (`IsQualifiedName` = `content.IsLabelKey`): label and annotation keys,
/// StorageClass provisioners, topology keys.
///
/// `[prefix/]name`: the optional prefix is a non-empty RFC 1123 subdomain (lower case, at most
/// 253 bytes); the name is 1 to 63 bytes of `[-A-Za-z0-9_.]` starting and ending with a letter
/// or digit (upper case is allowed in the name, not in the prefix). More than one `/` is a
/// single, separate error. Length errors use the `bytes` wording (apimachinery ≥ v0.35).
///
/// # Errors
///
/// In order: `prefix part must be non-empty` or `prefix part <subdomain message>` (each);
/// `name part must be non-empty` or `name part must be no more than 63 bytes`;
/// `name part must consist of ... (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for
/// validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`. With two or more slashes, only
/// `a valid label key must consist of ... with an optional DNS subdomain prefix and '/'
/// (e.g. 'example.com/MyName')`.
pub fn qualified_name(s: &str) -> Result<(), NameError> {
    let examples = &["MyName", "my.name", "123-abc"];
    let mut errs = Vec::new();
    let name = match s.split_once('/') {
        None => s,
        Some((_, suffix)) if suffix.contains('/') => {
            let pattern = regex_error(LABEL_KEY_ERR, LABEL_KEY_FMT, examples);
            return finish(vec![(
                ids::S2_QUALIFIED_NAME_SLASHES,
                format!(
                    "a valid label key {pattern} with an optional DNS subdomain prefix and '/' \
                     (e.g. 'example.com/MyName')"
                ),
            )]);
        }
        Some((prefix, suffix)) => {
            if prefix.is_empty() {
                errs.push((
                    ids::S2_QUALIFIED_NAME_PREFIX_EMPTY,
                    format!("prefix part {EMPTY_ERR}"),
                ));
            } else {
                errs.extend(
                    dns1123_subdomain_messages(prefix, max_len_bytes)
                        .into_iter()
                        .map(|(rule, m)| {
                            let rule = if rule == ids::S2_DNS1123_SUBDOMAIN_LENGTH {
                                ids::S2_QUALIFIED_NAME_PREFIX_LENGTH
                            } else {
                                ids::S2_QUALIFIED_NAME_PREFIX_FORMAT
                            };
                            (rule, format!("prefix part {m}"))
                        }),
                );
            }
            suffix
        }
    };
    if name.is_empty() {
        errs.push((
            ids::S2_QUALIFIED_NAME_NAME_CHARS,
            format!("name part {EMPTY_ERR}"),
        ));
    } else if name.len() > QUALIFIED_NAME_NAME_MAX_LEN {
        errs.push((
            ids::S2_QUALIFIED_NAME_NAME_LENGTH,
            format!("name part {}", max_len_bytes(QUALIFIED_NAME_NAME_MAX_LEN)),
        ));
    }
    if !matches_label_key_name(name) {
        errs.push((
            ids::S2_QUALIFIED_NAME_NAME_CHARS,
            format!(
                "name part {}",
                regex_error(LABEL_KEY_ERR, LABEL_KEY_FMT, examples)
            ),
        ));
    }
    finish(errs)
}

/// Label value (`IsValidLabelValue` = `content.IsLabelValue`): label and label-selector values.
///
/// Empty, or at most 63 bytes of `[-A-Za-z0-9_.]` starting and ending with a letter or digit.
/// The length error uses the `bytes` wording (apimachinery ≥ v0.35).
///
/// # Errors
///
/// `must be no more than 63 bytes`; `a valid label must be an empty string or consist of ...
/// (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is
/// '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`.
pub fn label_value(s: &str) -> Result<(), NameError> {
    let mut errs = Vec::new();
    if s.len() > LABEL_VALUE_MAX_LEN {
        errs.push((
            ids::S2_LABEL_VALUE_LENGTH,
            max_len_bytes(LABEL_VALUE_MAX_LEN),
        ));
    }
    if !s.is_empty() && !matches_label_key_name(s) {
        errs.push((
            ids::S2_LABEL_VALUE_CHARS,
            regex_error(
                LABEL_VALUE_ERR,
                LABEL_VALUE_FMT,
                &["MyValue", "my_value", "12345"],
            ),
        ));
    }
    finish(errs)
}

/// IANA service name (`IsValidPortName`, RFC 6335 IANA_SVC_NAME): container port names and
/// named target ports.
///
/// At most 15 bytes of `[-a-z0-9]`, with at least one letter, no `--`, and no leading or
/// trailing `-`. Every failed rule is reported.
///
/// # Errors
///
/// In order: `must be no more than 15 characters`;
/// `must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`;
/// `must contain at least one letter (a-z)`; `must not contain consecutive hyphens`;
/// `must not begin or end with a hyphen`.
pub fn port_name(s: &str) -> Result<(), NameError> {
    let mut errs = Vec::new();
    if s.len() > PORT_NAME_MAX_LEN {
        errs.push((
            ids::S2_PORT_NAME_LENGTH,
            max_len_characters(PORT_NAME_MAX_LEN),
        ));
    }
    if s.is_empty() || !s.bytes().all(|c| is_lower_alnum(c) || c == b'-') {
        errs.push((
            ids::S2_PORT_NAME_CHARS,
            "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)".into(),
        ));
    }
    if !s.bytes().any(|c| c.is_ascii_lowercase()) {
        errs.push((
            ids::S2_PORT_NAME_NEEDS_LETTER,
            "must contain at least one letter (a-z)".into(),
        ));
    }
    if s.contains("--") {
        errs.push((
            ids::S2_PORT_NAME_CONSECUTIVE_HYPHENS,
            "must not contain consecutive hyphens".into(),
        ));
    }
    if s.starts_with('-') || s.ends_with('-') {
        errs.push((
            ids::S2_PORT_NAME_HYPHEN_ENDS,
            "must not begin or end with a hyphen".into(),
        ));
    }
    finish(errs)
}

/// Port number (`IsValidPortNum`): 1 to 65535 inclusive.
///
/// # Errors
///
/// `must be between 1 and 65535, inclusive`.
pub fn port_number(port: i64) -> Result<(), NameError> {
    if (1..=65535).contains(&port) {
        Ok(())
    } else {
        finish(vec![(
            ids::S2_PORT_NUMBER,
            "must be between 1 and 65535, inclusive".to_owned(),
        )])
    }
}

/// ConfigMap or Secret key (`IsConfigMapKey`): `data`/`binaryData` keys and `items[].key`.
///
/// At most 253 bytes of `[-._a-zA-Z0-9]`, and not `.`, `..` or anything starting with `..`.
///
/// # Errors
///
/// `must be no more than 253 characters`; `a valid config key must consist of alphanumeric
/// characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for
/// validation is '[-._a-zA-Z0-9]+')`; then one of `must not be '.'`, `must not be '..'`,
/// `must not start with '..'`.
pub fn config_map_key(s: &str) -> Result<(), NameError> {
    let mut errs: Vec<String> = Vec::new();
    if s.len() > CONFIG_MAP_KEY_MAX_LEN {
        errs.push(max_len_characters(CONFIG_MAP_KEY_MAX_LEN));
    }
    if !matches_config_map_key(s) {
        errs.push(regex_error(
            CONFIG_MAP_KEY_ERR,
            CONFIG_MAP_KEY_FMT,
            &["key.name", "KEY_NAME", "key-name"],
        ));
    }
    // `hasChDirPrefix`
    if s == "." {
        errs.push("must not be '.'".into());
    } else if s == ".." {
        errs.push("must not be '..'".into());
    } else if s.starts_with("..") {
        errs.push("must not start with '..'".into());
    }
    finish(
        errs.into_iter()
            .map(|m| (ids::S2_CONFIG_MAP_KEY, m))
            .collect(),
    )
}

/// A name that is a path segment (`path.ValidatePathSegmentName`, what the generic registry
/// checks of every object's name; PodDisruptionBudgets have no stricter rule): not `.` or `..`,
/// no `/` or `%`.
///
/// # Errors
///
/// `may not be '.'`, `may not be '..'`, `may not contain '/'`, `may not contain '%'`.
pub fn path_segment_name(s: &str) -> Result<(), NameError> {
    let mut errs = Vec::new();
    if s == "." || s == ".." {
        errs.push((ids::S21_NAME_FORMAT, format!("may not be '{s}'")));
    }
    for c in ['/', '%'] {
        if s.contains(c) {
            errs.push((ids::S21_NAME_FORMAT, format!("may not contain '{c}'")));
        }
    }
    finish(errs)
}

// ---------------------------------------------------------------------------------------------
// Validated newtypes.

/// Defines a validated string newtype whose invariant is `$check(&self.0).is_ok()`.
macro_rules! name_type {
    ($(#[$doc:meta])* $name:ident, $check:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            #[doc = concat!("Checks `value` with [`", stringify!($check), "`] and wraps it.")]
            ///
            /// # Errors
            ///
            /// The check's [`NameError`], with the API server's messages.
            pub fn new(value: impl Into<String>) -> Result<Self, NameError> {
                let value = value.into();
                $check(&value)?;
                Ok(Self(value))
            }

            /// The validated string.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Unwraps the validated string.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.0).finish()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl FromStr for $name {
            type Err = NameError;
            fn from_str(s: &str) -> Result<Self, NameError> {
                Self::new(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = NameError;
            fn try_from(s: &str) -> Result<Self, NameError> {
                Self::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = NameError;
            fn try_from(s: String) -> Result<Self, NameError> {
                Self::new(s)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        /// Written as the plain string.
        impl $crate::render::Emit for $name {
            fn emit(&self, out: &mut dyn $crate::render::Sink) {
                out.str(&self.0)
            }
        }
        serde_via_emit!($name);
    };
}

/// Lossless widening conversions: every valid `$from` is also a valid `$to`.
macro_rules! widen {
    ($from:ident => $($to:ident),+ $(,)?) => {
        $(
            #[doc = concat!("Every [`", stringify!($from), "`] is also a valid [`",
                stringify!($to), "`].")]
            impl From<$from> for $to {
                fn from(value: $from) -> $to {
                    debug_assert!($to::new(value.as_str()).is_ok());
                    $to(value.0)
                }
            }
        )+
    };
}

name_type! {
    /// An RFC 1123 label (checked by [`dns1123_label`]): a volume, container, namespace,
    /// StatefulSet or Service port name.
    Dns1123Label, dns1123_label
}

name_type! {
    /// An RFC 1123 subdomain (checked by [`dns1123_subdomain`]): a Pod, PV, PVC, StorageClass,
    /// ConfigMap or Secret name.
    Dns1123Subdomain, dns1123_subdomain
}

name_type! {
    /// An RFC 1035 label (checked by [`dns1035_label`]): a Service name.
    Dns1035Label, dns1035_label
}

name_type! {
    /// An IANA service name (IANA_SVC_NAME, checked by [`port_name`]): a container port name.
    PortName, port_name
}

name_type! {
    /// A qualified name (checked by [`qualified_name`]): a label or annotation key, a
    /// provisioner name, a topology key.
    QualifiedName, qualified_name
}

name_type! {
    /// A label value (checked by [`label_value`]); may be empty.
    LabelValue, label_value
}

// An RFC 1035 label is an RFC 1123 label that starts with a letter.
widen!(Dns1035Label => Dns1123Label, Dns1123Subdomain, QualifiedName, LabelValue);
// An RFC 1123 label (≤ 63 bytes of `[-a-z0-9]`, alphanumeric ends) is a one-label subdomain, an
// unprefixed qualified name, and a non-empty label value.
widen!(Dns1123Label => Dns1123Subdomain, QualifiedName, LabelValue);
// A port name (≤ 15 bytes of `[-a-z0-9]`, non-empty, no hyphen at either end) is an RFC 1123
// label (but not always an RFC 1035 one: `1-a`).
widen!(PortName => Dns1123Label, Dns1123Subdomain, QualifiedName, LabelValue);
