//! Problems found by validation: errors (the API server would reject the object) and warnings
//! (it would accept it, but something is probably wrong), each with its field path.

use crate::legacy::LegacyPlugin;
use std::{borrow::Cow, fmt};

/// A field path such as `spec.volumeClaimTemplates[0].spec.resources.requests.storage`.
///
/// Validation builds the path of every field it visits, errors or not, so paths are made to be
/// cheap: up to 62 bytes (nearly every path of a single object) are kept inline, without
/// an allocation; longer ones in a `String`.
#[derive(Clone)]
pub struct FieldPath(Repr);

/// Longest path kept inline (the whole `FieldPath` is then 64 bytes).
const INLINE: usize = 62;

/// The text of a path: inline exactly when it is at most [`INLINE`] bytes long.
#[derive(Clone)]
enum Repr {
    /// `buf[..len]` is the path (valid UTF-8: only whole `&str`s are copied in).
    Inline {
        len: u8,
        buf: [u8; INLINE],
    },
    Heap(String),
}

impl FieldPath {
    /// The empty path (the object itself).
    pub fn root() -> Self {
        FieldPath(Repr::Inline {
            len: 0,
            buf: [0; INLINE],
        })
    }
    /// `self.name`.
    pub fn child(&self, name: &str) -> Self {
        if self.bytes().is_empty() {
            self.extended(&[name])
        } else {
            self.extended(&[".", name])
        }
    }
    /// `self[index]`.
    pub fn index(&self, index: usize) -> Self {
        let mut buf = [0u8; 20];
        self.extended(&["[", decimal(index, &mut buf), "]"])
    }
    /// `self.name` where `name` is the concatenation of `parts` (at most 11), without building
    /// `name` first.
    pub(crate) fn child_concat(&self, parts: &[&str]) -> Self {
        let mut all = [""; 12];
        all[0] = if self.bytes().is_empty() { "" } else { "." };
        let n = parts.len().min(all.len() - 1);
        for (slot, part) in all[1..].iter_mut().zip(parts) {
            *slot = part;
        }
        self.extended(&all[..=n])
    }
    /// `self[key]` (map entries, e.g. `metadata.labels[app]`).
    pub fn key(&self, key: &str) -> Self {
        self.extended(&["[", key, "]"])
    }
    /// `self` followed by `parts`: inline when it fits, else in one allocation of the exact size.
    fn extended(&self, parts: &[&str]) -> Self {
        let base = self.bytes();
        let len = base.len() + parts.iter().map(|p| p.len()).sum::<usize>();
        // A path that fits has an inline parent (a parent is shorter than its children).
        if let Repr::Inline { buf, .. } = &self.0
            && len <= INLINE
        {
            // The parent's buffer is copied whole (a fixed-size copy the compiler inlines).
            let mut buf = *buf;
            let mut at = base.len();
            for p in parts {
                buf[at..at + p.len()].copy_from_slice(p.as_bytes());
                at += p.len();
            }
            FieldPath(Repr::Inline {
                len: len as u8,
                buf,
            })
        } else {
            let mut path = String::with_capacity(len);
            path.push_str(self.as_str());
            for p in parts {
                path.push_str(p);
            }
            FieldPath(Repr::Heap(path))
        }
    }
    /// The path as bytes (no UTF-8 check).
    fn bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline { len, buf } => &buf[..usize::from(*len)],
            Repr::Heap(s) => s.as_bytes(),
        }
    }
    /// The path as text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Always valid: the bytes were copied from `&str`s, whole.
            Repr::Inline { len, buf } => {
                std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or("")
            }
            Repr::Heap(s) => s,
        }
    }
}

/// `n` in decimal, written at the end of `buf`.
pub(crate) fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &str {
    let mut start = buf.len();
    loop {
        start -= 1;
        buf[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[start..]).unwrap_or_default()
}

impl Default for FieldPath {
    fn default() -> Self {
        FieldPath::root()
    }
}

impl PartialEq for FieldPath {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for FieldPath {}

impl std::hash::Hash for FieldPath {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("FieldPath").field(&self.as_str()).finish()
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of an error, as apimachinery's `field.ErrorType` prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `Required value`.
    Required,
    /// `Invalid value`.
    Invalid,
    /// `Unsupported value`.
    NotSupported,
    /// `Forbidden`.
    Forbidden,
    /// `Duplicate value`.
    Duplicate,
    /// `Not found`.
    NotFound,
    /// `Too long`.
    TooLong,
    /// `Too many`.
    TooMany,
}

impl ErrorKind {
    /// The API server's wording.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Required => "Required value",
            ErrorKind::Invalid => "Invalid value",
            ErrorKind::NotSupported => "Unsupported value",
            ErrorKind::Forbidden => "Forbidden",
            ErrorKind::Duplicate => "Duplicate value",
            ErrorKind::NotFound => "Not found",
            ErrorKind::TooLong => "Too long",
            ErrorKind::TooMany => "Too many",
        }
    }
}

/// The id of a rule of `k8s-rules.md`, as listed in `kvol-core/tests/data/rule-coverage.tsv`:
/// `<section>/<short name>`, e.g. `2/dns1123-label-length` or `7/local-node-affinity-required`
/// (rules kvol adds on top of the API server have `kvol-` in the short name). The constants are
/// in [`crate::rules::ids`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(&'static str);

impl RuleId {
    /// A rule id (only the constants of [`crate::rules::ids`] are made with it).
    pub(crate) const fn new(id: &'static str) -> Self {
        RuleId(id)
    }
    /// The id, e.g. `2/dns1123-label-length`.
    pub const fn as_str(self) -> &'static str {
        self.0
    }
    /// The `k8s-rules.md` section, e.g. `2` or `11.1`.
    pub fn section(self) -> &'static str {
        self.0.split_once('/').map_or("", |(s, _)| s)
    }
    /// The id with the given text, if it is one of [`crate::rules::ids::ALL`].
    pub fn from_id(id: &str) -> Option<Self> {
        crate::rules::ids::ALL.iter().copied().find(|r| r.0 == id)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// One validation error, printed like the API server: `path: Kind: "value": detail`.
///
/// Besides what is printed, it says which rule it breaks ([`FieldError::rule`]), for a field
/// that must have some format which part of the format failed ([`FieldError::cause`]), and may
/// carry a help text ([`FieldError::help`]) explaining the rule in Kubernetes' terms.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldError {
    /// Where the problem is.
    pub path: FieldPath,
    /// What kind of problem.
    pub kind: ErrorKind,
    /// The bad value, already quoted the way the API server prints it (`"x"`, `80`).
    pub value: Option<String>,
    /// The explanation.
    pub detail: String,
    /// The rule broken (a constant of [`crate::rules::ids`]): the field's own rule, e.g.
    /// `11.1/name-format` for a StatefulSet name.
    pub rule: RuleId,
    /// The more specific rule behind [`FieldError::rule`], when there is one: the part of a
    /// name format that failed (`2/dns1123-label-dots` behind `11.1/name-format`), or the
    /// check that made the closest PersistentVolume refuse a claim (`16/capacity`).
    pub cause: Option<RuleId>,
    /// What the rule means, in Kubernetes' terms (no DSL or builder syntax), when there is
    /// more to say than the detail.
    pub help: Option<Cow<'static, str>>,
}

impl FieldError {
    /// An error of any kind, printed `path: Kind: value: detail`; `value` is printed as is.
    pub fn new(
        rule: RuleId,
        path: FieldPath,
        kind: ErrorKind,
        value: Option<String>,
        detail: impl Into<String>,
    ) -> Self {
        FieldError {
            path,
            kind,
            value,
            detail: detail.into(),
            rule,
            cause: None,
            help: None,
        }
    }
    /// `Required value`.
    pub fn required(rule: RuleId, path: FieldPath, detail: impl Into<String>) -> Self {
        FieldError::new(rule, path, ErrorKind::Required, None, detail)
    }
    /// `Invalid value: "v": detail` for a string value.
    pub fn invalid(rule: RuleId, path: FieldPath, value: &str, detail: impl Into<String>) -> Self {
        FieldError::new(rule, path, ErrorKind::Invalid, Some(quote(value)), detail)
    }
    /// `Invalid value: 5: detail` for a number.
    pub fn invalid_number(
        rule: RuleId,
        path: FieldPath,
        value: i64,
        detail: impl Into<String>,
    ) -> Self {
        let value = Some(value.to_string());
        FieldError::new(rule, path, ErrorKind::Invalid, value, detail)
    }
    /// `Unsupported value: "v": supported values: "a", "b"`.
    pub fn not_supported(rule: RuleId, path: FieldPath, value: &str, supported: &[&str]) -> Self {
        let list: Vec<String> = supported.iter().map(|s| quote(s)).collect();
        let detail = format!("supported values: {}", list.join(", "));
        FieldError::new(
            rule,
            path,
            ErrorKind::NotSupported,
            Some(quote(value)),
            detail,
        )
    }
    /// `Forbidden: detail`.
    pub fn forbidden(rule: RuleId, path: FieldPath, detail: impl Into<String>) -> Self {
        FieldError::new(rule, path, ErrorKind::Forbidden, None, detail)
    }
    /// `Duplicate value: "v"`.
    pub fn duplicate(rule: RuleId, path: FieldPath, value: &str) -> Self {
        FieldError::new(rule, path, ErrorKind::Duplicate, Some(quote(value)), "")
    }
    /// `Not found: "v"`.
    pub fn not_found(rule: RuleId, path: FieldPath, value: &str) -> Self {
        FieldError::new(rule, path, ErrorKind::NotFound, Some(quote(value)), "")
    }
    /// `Too long: may not be more than N bytes`.
    pub fn too_long(rule: RuleId, path: FieldPath, max: usize) -> Self {
        let detail = format!("may not be more than {max} bytes");
        FieldError::new(rule, path, ErrorKind::TooLong, None, detail)
    }
    /// The same error with [`FieldError::cause`] set.
    pub fn with_cause(mut self, cause: RuleId) -> Self {
        self.cause = Some(cause);
        self
    }
    /// The same error with a help text (replacing any).
    pub fn with_help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }
    /// The same error with a help text, unless it has one already.
    pub fn or_help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        if self.help.is_none() {
            self.help = Some(help.into());
        }
        self
    }
    /// True when `rule` is this error's rule or its cause.
    pub fn breaks(&self, rule: RuleId) -> bool {
        self.rule == rule || self.cause == Some(rule)
    }
    /// What makes two errors the same problem: path, kind and rule (not the wording).
    pub fn identity(&self) -> (&FieldPath, ErrorKind, RuleId) {
        (&self.path, self.kind, self.rule)
    }
}

/// Quotes a string the way Go's `%q` does for printable text.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind.as_str())?;
        if let Some(v) = &self.value {
            write!(f, ": {v}")?;
        }
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

/// What a [`Warning`] is about: one variant per kind of warning kvol-core gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningCode {
    /// A PersistentVolume source of an in-tree plugin that the target release still ships,
    /// deprecated.
    LegacyPluginDeprecated(LegacyPlugin),
    /// A PersistentVolume source of an in-tree plugin removed in the target release (it only
    /// works through CSI migration, or not at all).
    LegacyPluginRemoved(LegacyPlugin),
    /// A StorageClass provisioner of an in-tree plugin (`kubernetes.io/gce-pd`, …).
    InTreeProvisioner(LegacyPlugin),
    /// `persistentVolumeReclaimPolicy: Recycle`, deprecated.
    RecycleReclaimPolicy,
    /// The beta annotation `volume.beta.kubernetes.io/storage-class`, deprecated.
    BetaStorageClassAnnotation,
    /// A storage size with a fractional number of bytes.
    FractionalBytes,
    /// A deprecated node label (`beta.kubernetes.io/os`, `failure-domain.beta…/zone`, …) in a
    /// node selector, a PV's node affinity or a StorageClass's allowed topologies.
    DeprecatedNodeLabel,
    /// A hostPath (pod volume or PV) without a `type`: the path is not checked.
    HostPathWithoutType,
    /// A negative `terminationGracePeriodSeconds` (treated as 1).
    NegativeGracePeriod,
    /// `terminationGracePeriodSeconds: 0` in a StatefulSet's pod template.
    StatefulSetGraceZero,
    /// The same container port (number and protocol) twice in a pod.
    DuplicateContainerPort,
    /// An environment variable defined again in the same container, hiding the first.
    DuplicateEnvVar,
    /// A StatefulSet name too long for its pods' `controller-revision-hash` label.
    LongStatefulSetName,
    /// `maxUnavailable` before the release where its feature gate is on by default.
    MaxUnavailableFeatureGate,
    /// The default-class annotation with a value other than `true` or `false`.
    DefaultClassAnnotationValue,
    /// Several default StorageClasses in a set (or declared).
    SeveralDefaultClasses,
    /// A Service given twice in a set, identical (it is written twice).
    DuplicateService,
    /// A PersistentVolume reserved (`claimRef`) for a claim that is neither in the set nor
    /// declared external.
    ClaimRefUnknownClaim,
    /// A PersistentVolume and a claim pre-bound to each other that would not match: the PV
    /// controller binds them without checking.
    MutualPreBindingMismatch,
    /// A PersistentVolume reserved for a claim of the set that binds another volume or none.
    ReservedVolumeUnused,
    /// A local PersistentVolume bound through a class that binds immediately (not
    /// `WaitForFirstConsumer`).
    LocalVolumeImmediateBinding,
}

impl WarningCode {
    /// A stable kebab-case id, e.g. `legacy-plugin-removed` or `recycle-reclaim-policy` (the
    /// plugin of the plugin variants is not part of it).
    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::LegacyPluginDeprecated(_) => "legacy-plugin-deprecated",
            WarningCode::LegacyPluginRemoved(_) => "legacy-plugin-removed",
            WarningCode::InTreeProvisioner(_) => "in-tree-provisioner",
            WarningCode::RecycleReclaimPolicy => "recycle-reclaim-policy",
            WarningCode::BetaStorageClassAnnotation => "beta-storage-class-annotation",
            WarningCode::FractionalBytes => "fractional-bytes",
            WarningCode::DeprecatedNodeLabel => "deprecated-node-label",
            WarningCode::HostPathWithoutType => "host-path-without-type",
            WarningCode::NegativeGracePeriod => "negative-grace-period",
            WarningCode::StatefulSetGraceZero => "statefulset-grace-zero",
            WarningCode::DuplicateContainerPort => "duplicate-container-port",
            WarningCode::DuplicateEnvVar => "duplicate-env-var",
            WarningCode::LongStatefulSetName => "long-statefulset-name",
            WarningCode::MaxUnavailableFeatureGate => "max-unavailable-feature-gate",
            WarningCode::DefaultClassAnnotationValue => "default-class-annotation-value",
            WarningCode::SeveralDefaultClasses => "several-default-classes",
            WarningCode::DuplicateService => "duplicate-service",
            WarningCode::ClaimRefUnknownClaim => "claim-ref-unknown-claim",
            WarningCode::MutualPreBindingMismatch => "mutual-pre-binding-mismatch",
            WarningCode::ReservedVolumeUnused => "reserved-volume-unused",
            WarningCode::LocalVolumeImmediateBinding => "local-volume-immediate-binding",
        }
    }
    /// The legacy plugin the warning is about, for the plugin variants.
    pub fn plugin(self) -> Option<LegacyPlugin> {
        match self {
            WarningCode::LegacyPluginDeprecated(p)
            | WarningCode::LegacyPluginRemoved(p)
            | WarningCode::InTreeProvisioner(p) => Some(p),
            _ => None,
        }
    }
}

impl fmt::Display for WarningCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A warning: the API server accepts the object, but it will not work as meant or uses
/// something deprecated. The message says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Warning {
    /// Where.
    pub path: FieldPath,
    /// What kind of warning.
    pub code: WarningCode,
    /// What is wrong and what to do instead.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Everything validation found: every error and every warning, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// What the API server would reject (or what cannot work across objects).
    pub errors: Vec<FieldError>,
    /// What it would accept but is probably wrong or deprecated.
    pub warnings: Vec<Warning>,
}

impl Report {
    /// True when there are no errors (warnings allowed).
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.len() {
            0 => write!(f, "no errors")?,
            1 => write!(f, "1 error: {}", self.errors[0])?,
            n => {
                write!(f, "{n} errors:")?;
                for e in &self.errors {
                    write!(f, "\n  - {e}")?;
                }
            }
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

#[cfg(test)]
mod tests {
    use super::FieldPath;

    #[test]
    fn field_paths_print_like_the_api_server() {
        let spec = FieldPath::root().child("spec");
        assert_eq!(spec.as_str(), "spec");
        let t = spec.child("volumeClaimTemplates");
        assert_eq!(t.index(0).as_str(), "spec.volumeClaimTemplates[0]");
        assert_eq!(t.index(10).as_str(), "spec.volumeClaimTemplates[10]");
        assert_eq!(
            t.index(usize::MAX).as_str(),
            format!("spec.volumeClaimTemplates[{}]", usize::MAX)
        );
        let storage = t.index(7).child("spec").child("resources").key("storage");
        assert_eq!(
            storage.as_str(),
            "spec.volumeClaimTemplates[7].spec.resources[storage]"
        );
        assert_eq!(FieldPath::root().index(3).as_str(), "[3]");
        assert_eq!(FieldPath::default(), FieldPath::root());
        assert_eq!(format!("{:?}", spec), "FieldPath(\"spec\")");
        assert_eq!(FieldPath::root().key("a").as_str(), "[a]");
    }

    #[test]
    fn long_paths_and_non_ascii_keys() {
        use std::collections::hash_map::DefaultHasher;
        use std::hash::{Hash, Hasher};
        let hash = |p: &FieldPath| {
            let mut h = DefaultHasher::new();
            p.hash(&mut h);
            h.finish()
        };
        // Across the inline limit, one byte at a time, with multi-byte characters.
        let mut path = FieldPath::root();
        let mut text = String::new();
        for i in 0..40 {
            let key = if i % 3 == 0 { "é" } else { "ab" };
            path = path.key(key);
            text.push_str(&format!("[{key}]"));
            assert_eq!(path.as_str(), text);
            assert_eq!(path.to_string(), text);
        }
        // Equality and hashing follow the text, whatever the representation.
        let a = FieldPath::root().child(&"x".repeat(61)).child("y");
        let b = FieldPath::root().child(&"x".repeat(61)).child("y");
        assert_eq!(a, b);
        assert_eq!(hash(&a), hash(&b));
        let short = FieldPath::root().child("a").child("b");
        assert_eq!(short, FieldPath::root().child("a.b"));
        assert_eq!(hash(&short), hash(&FieldPath::root().child("a.b")));
        assert_ne!(short, FieldPath::root().child("a.c"));
    }
}
