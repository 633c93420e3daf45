//! Random single-field mutations (issue 13, item 4): objects from the valid-corpus generator
//! (`tests/corpus/`, the one behind `examples/gen_corpus.rs`), each changed in ONE field by one
//! operator of a catalogue (names → empty / upper case / dots / too long, quantities → zero /
//! negative / fractional bytes / huge, counts → negative / zero, paths → relative / absolute /
//! with `..`, ports → 0 / 65536, enums → another value, optional fields → removed, …).
//!
//! Every operator carries the verdict the API server's create path gives **at each target
//! version 1.30–1.37**: accept, or the exact list of errors (field path and type), and the Go
//! function that decides it. The expectations were written from the server's code
//! (`pkg/apis/core/validation/validation.go`, `pkg/apis/apps/validation/validation.go`,
//! `pkg/apis/storage/validation/validation.go`, apimachinery's name checks), not from kvol's
//! rules; TESTING.md ("Random single-field mutations") says how.
//!
//! kvol's verdict is what it reports as the API server's (`FieldError::source() ==
//! Source::ApiServer`): it must be exactly the expected errors (as a multiset of path and type).
//! kvol's own findings (`Source::Kvol`) are allowed on top, and each must say why
//! (`RuleId::why`). For a change the server accepts, the server's create-time warnings must be
//! those of the object before the change, plus or minus the warning the operator draws
//! ([`Case::warned`]).
//!
//! The first sets get every operator on every field, the others a few random ones per object
//! (deterministic: the corpus seed and splitmix64). A disagreement lists, per target, the
//! server's expected errors, kvol's, and kvol's full report with each error's source and rule.

mod corpus;

use kvol_core::{
    AccessMode, AccessModes, ClassRef, KubeVersion, Object, PersistentVolume, PodSpec, PvSource,
    PvcSpec, Quantity, ReclaimPolicy, Validate, VolumeSource,
    legacy::LegacySource,
    pod::RestartPolicy,
    report::{ErrorKind, Source},
    statefulset::UpdateStrategy,
    volume::FileMode,
};
use std::{collections::BTreeMap, rc::Rc};

// ---------------------------------------------------------------------------------------------
// Field access
// ---------------------------------------------------------------------------------------------

/// Reaches one field of a generated object (the object's shape is known when the getter is made).
type Get<T> = Rc<dyn Fn(&mut Object) -> &mut T>;

fn getter<T: 'static>(f: impl Fn(&mut Object) -> &mut T + 'static) -> Get<T> {
    Rc::new(f)
}

fn sub<T: 'static, U: 'static>(g: &Get<T>, f: impl Fn(&mut T) -> &mut U + 'static) -> Get<U> {
    let g = g.clone();
    getter(move |o| f(g(o)))
}

fn set<T: Clone + 'static>(g: &Get<T>, value: T) -> Box<dyn Fn(&mut Object)> {
    let g = g.clone();
    Box::new(move |o| *g(o) = value.clone())
}

fn q(s: &str) -> Quantity {
    s.parse()
        .unwrap_or_else(|e| panic!("bad quantity {s:?}: {e}"))
}

// ---------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------

/// One expected error: field path and type.
type Expected = (String, ErrorKind);

/// The versions at which the API server validates a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Since {
    /// 1.30 and later (every target).
    Always,
    /// From 1.34 on: before, `ValidatePodTemplateSpecForStatefulSet` left the pod template's spec
    /// unvalidated (a TODO in apps validation) and `ValidateStatefulSetSpec` did not validate
    /// `volumeClaimTemplates`; PRs 131790 and 132212 (changelog v1.34.0) added both.
    V134,
    /// Up to the given minor version only: RelaxedEnvironmentVariableValidation (KEP-4369:
    /// alpha 1.30, beta and on by default 1.32, GA 1.34) makes `validateEnvVarName` use
    /// `IsRelaxedEnvVarName` instead of `IsEnvVarName` from 1.32.
    Until(u32),
}

/// One operator applied to one field, with the server's verdict.
struct Mutation {
    /// The operator's id in the catalogue, e.g. `name-label/dots`.
    op: &'static str,
    /// The Go function that decides the verdict.
    go: &'static str,
    /// Applies the change.
    apply: Box<dyn Fn(&mut Object)>,
    /// The server's errors when it validates the field (empty: accepted).
    errors: Vec<Expected>,
}

/// A field of one object, and the operators that apply to it.
struct Site {
    /// The field's path, as the server prints it.
    path: String,
    /// From which version the server validates it.
    since: Since,
    muts: Vec<Mutation>,
}

fn e(path: &str, kind: ErrorKind) -> Expected {
    (path.to_owned(), kind)
}

use ErrorKind::{Duplicate, Forbidden, Invalid, NotFound, NotSupported, Required, TooLong};

/// What a string field is, for the server.
#[derive(Clone)]
enum Str {
    /// `metadata.name` checked by `NameIsDNSSubdomain` (`ValidateObjectMeta` with
    /// `ValidatePersistentVolumeName`, `ValidatePodName`, `ValidateClassName`).
    MetaSubdomain,
    /// `metadata.name` of a StatefulSet (`ValidateStatefulSetName`): a subdomain in older
    /// releases, a DNS label in newer ones, so only the operators both reject.
    MetaStatefulSet,
    /// `metadata.namespace` (`ValidateObjectMeta` → `ValidateNamespaceName`, a DNS label).
    Namespace,
    /// A Service's `metadata.name` (`ValidateServiceName`, a DNS-1035 label).
    ServiceName,
    /// A Pod's `metadata.name` (`ValidatePodName`, a DNS subdomain), which also names the claims
    /// of its ephemeral volumes: `validateVolumeSource` checks `<pod>-<volume>` with
    /// `ValidatePersistentVolumeName` (Invalid at the volume's `name`), and the mounts of such a
    /// volume are then NotFound.
    PodName { ephemeral: Vec<Ephemeral> },
    /// A pod volume's name (`ValidateVolumes`: Required or `ValidateDNS1123Label`); the mounts
    /// that name it then find no volume (`validateVolumeMounts`: NotFound at their `name`). For
    /// an ephemeral volume of a Pod, the Pod's name (the claim is `<pod>-<volume>`).
    VolumeName {
        mounts: Vec<String>,
        pod: Option<String>,
    },
    /// A container's name (`validateContainerCommon`: Required or `ValidateDNS1123Label`).
    ContainerName,
    /// A field that must only be non-empty (claimName, configMap name, secretName, volumeHandle,
    /// nfs server, item key).
    RequiredOnly(&'static str),
    /// A storage class name (`ValidateClassName`, a DNS subdomain; the empty string is not
    /// checked).
    ClassName(&'static str),
    /// A CSI driver name (`ValidateCSIDriverName`).
    CsiDriver,
    /// A StorageClass provisioner (`validateProvisioner`: Required, then `IsQualifiedName` of
    /// the lower-cased name).
    Provisioner,
    /// An NFS path (`validateNFSVolumeSource`: Required, absolute).
    NfsPath,
    /// A hostPath path (`validateHostPathVolumeSource`: Required, no `..`); for a
    /// PersistentVolume, whether its reclaim policy is Recycle (`/` is then Forbidden).
    HostPath { pv_recycle: Option<bool> },
    /// A local volume path (`validateLocalVolumeSource`: Required, no `..`).
    LocalPath,
    /// A mount path (`validateVolumeMounts`: Required, unique; neither absolute nor free of
    /// `..` is required).
    MountPath,
    /// A key-to-path item's path (`validateKeyToPath` → `ValidateLocalNonReservedPath`).
    KeyPath,
}

/// An ephemeral volume of a Pod: its name's path, its name, the mounts that name it.
#[derive(Clone)]
struct Ephemeral {
    path: String,
    name: String,
    mounts: Vec<String>,
}

/// How many messages apimachinery's `IsDNS1123Subdomain` gives for `s` (one for the length, one
/// for the regular expression), written here from its code.
fn subdomain_messages(s: &str) -> usize {
    let label_ok = |l: &str| {
        let b = l.as_bytes();
        !b.is_empty()
            && b.iter()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
            && b[0] != b'-'
            && b[b.len() - 1] != b'-'
    };
    usize::from(s.len() > 253) + usize::from(!s.split('.').all(label_ok))
}

/// How many messages `IsDNS1123Label` gives for `s`.
fn label_messages(s: &str) -> usize {
    let ok = !s.is_empty()
        && s.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-');
    usize::from(s.len() > 63) + usize::from(!ok)
}

/// The claims of a Pod's ephemeral volumes under the name `pod`: `<pod>-<volume>` must be a
/// valid PersistentVolumeClaim name (`validateVolumeSource`, skipped for an empty pod name).
fn ephemeral_claim_errors(pod: &str, ephemeral: &[Ephemeral]) -> Vec<Expected> {
    let mut v = Vec::new();
    if pod.is_empty() {
        return v;
    }
    for eph in ephemeral {
        let n = subdomain_messages(&format!("{pod}-{}", eph.name));
        if n > 0 {
            v.extend(std::iter::repeat_n(e(&eph.path, Invalid), n));
            v.extend(eph.mounts.iter().map(|p| e(p, NotFound)));
        }
    }
    v
}

fn long(n: usize) -> String {
    "a".repeat(n)
}

/// The operators of a string field.
fn str_muts(path: &str, g: &Get<String>, rule: &Str) -> Vec<Mutation> {
    let m = |op, go, value: String, errors: Vec<Expected>| Mutation {
        op,
        go,
        apply: set(g, value),
        errors,
    };
    let one = |kind| vec![e(path, kind)];
    match rule {
        Str::MetaSubdomain => {
            let go = "ValidateObjectMeta → NameIsDNSSubdomain (apimachinery api/validation)";
            vec![
                m("name-subdomain/empty", go, String::new(), one(Required)),
                m("name-subdomain/upper", go, "Bad_Name".into(), one(Invalid)),
                m("name-subdomain/254", go, long(254), one(Invalid)),
                m("name-subdomain/dots-ok", go, "a.b-c".into(), vec![]),
                m("name-subdomain/253-ok", go, long(253), vec![]),
            ]
        }
        Str::MetaStatefulSet => {
            let go = "ValidateObjectMeta → ValidateStatefulSetName";
            vec![
                m("name-statefulset/empty", go, String::new(), one(Required)),
                m(
                    "name-statefulset/upper",
                    go,
                    "Bad_Name".into(),
                    one(Invalid),
                ),
            ]
        }
        Str::Namespace => {
            let go = "ValidateObjectMeta → ValidateNamespaceName (NameIsDNSLabel)";
            vec![
                m("namespace/upper", go, "Bad_Ns".into(), one(Invalid)),
                m("namespace/dots", go, "a.b".into(), one(Invalid)),
                m("namespace/64", go, long(64), one(Invalid)),
                m("namespace/63-ok", go, long(63), vec![]),
            ]
        }
        Str::ServiceName => {
            let go = "ValidateObjectMeta → ValidateServiceName (NameIsDNS1035Label)";
            vec![
                m("name-1035/empty", go, String::new(), one(Required)),
                m("name-1035/leading-digit", go, "1abc".into(), one(Invalid)),
                m("name-1035/dots", go, "a.b".into(), one(Invalid)),
                m("name-1035/64", go, long(64), one(Invalid)),
                m("name-1035/63-ok", go, long(63), vec![]),
            ]
        }
        Str::PodName { ephemeral } => {
            let go = "ValidateObjectMeta → ValidatePodName (NameIsDNSSubdomain); \
                      validateVolumeSource (ephemeral claim name)";
            let with = |v: &str| {
                let mut errs = if v.is_empty() {
                    vec![e(path, Required)]
                } else {
                    vec![e(path, Invalid); subdomain_messages(v)]
                };
                errs.extend(ephemeral_claim_errors(v, ephemeral));
                errs
            };
            ["", "Bad_Name", "a.b-c"]
                .into_iter()
                .map(String::from)
                .chain([long(254), long(253)])
                .zip([
                    "pod-name/empty",
                    "pod-name/upper",
                    "pod-name/dots",
                    "pod-name/254",
                    "pod-name/253",
                ])
                .map(|(v, op)| m(op, go, v.clone(), with(&v)))
                .collect()
        }
        Str::VolumeName { mounts, pod } => {
            let go = "ValidateVolumes (ValidateDNS1123Label) + validateVolumeMounts (NotFound)";
            let with = |v: &str| {
                let mut errs = if v.is_empty() {
                    vec![e(path, Required)]
                } else {
                    vec![e(path, Invalid); label_messages(v)]
                };
                if let Some(pod) = pod.as_deref().filter(|p| !p.is_empty() && !v.is_empty()) {
                    let n = subdomain_messages(&format!("{pod}-{v}"));
                    errs.extend(std::iter::repeat_n(e(path, Invalid), n));
                }
                // Renamed: the mounts name a volume that no longer exists either way.
                errs.extend(mounts.iter().map(|p| e(p, NotFound)));
                errs
            };
            ["", "Bad_Name", "a.b"]
                .into_iter()
                .map(String::from)
                .chain([long(64), long(63)])
                .zip([
                    "name-label/empty",
                    "name-label/upper",
                    "name-label/dots",
                    "name-label/64",
                    "name-label/63-renamed",
                ])
                .map(|(v, op)| m(op, go, v.clone(), with(&v)))
                .collect()
        }
        Str::ContainerName => {
            let go = "validateContainerCommon (ValidateDNS1123Label)";
            vec![
                m("container-name/empty", go, String::new(), one(Required)),
                m("container-name/upper", go, "Bad_Name".into(), one(Invalid)),
                m("container-name/dots", go, "a.b".into(), one(Invalid)),
                m("container-name/64", go, long(64), one(Invalid)),
                m("container-name/63-ok", go, long(63), vec![]),
            ]
        }
        Str::RequiredOnly(go) => vec![
            m("required/empty", go, String::new(), one(Required)),
            m("required/any-text-ok", go, "Bad_Name".into(), vec![]),
        ],
        Str::ClassName(go) => vec![
            m("class-name/upper", go, "Bad_Class".into(), one(Invalid)),
            m("class-name/254", go, long(254), one(Invalid)),
            m("class-name/dots-ok", go, "fast.example".into(), vec![]),
        ],
        Str::CsiDriver => {
            let go = "ValidateCSIDriverName";
            vec![
                // Required, and IsDNS1123Subdomain("") fails its regular expression too.
                m(
                    "csi-driver/empty",
                    go,
                    String::new(),
                    vec![e(path, Required), e(path, Invalid)],
                ),
                m("csi-driver/64", go, long(64), one(TooLong)),
                m(
                    "csi-driver/underscore",
                    go,
                    "Bad_Driver".into(),
                    one(Invalid),
                ),
                m("csi-driver/upper-ok", go, "Disk.Example.COM".into(), vec![]),
            ]
        }
        Str::Provisioner => {
            let go = "validateProvisioner (storage validation)";
            vec![
                m("provisioner/empty", go, String::new(), one(Required)),
                m("provisioner/two-slashes", go, "a/b/c".into(), one(Invalid)),
                m(
                    "provisioner/upper-ok",
                    go,
                    "Example.COM/Disk".into(),
                    vec![],
                ),
            ]
        }
        Str::NfsPath => {
            let go = "validateNFSVolumeSource";
            vec![
                m(
                    "nfs-path/empty",
                    go,
                    String::new(),
                    vec![e(path, Required), e(path, Invalid)],
                ),
                m("nfs-path/relative", go, "exports/x".into(), one(Invalid)),
                m("nfs-path/backsteps-ok", go, "/a/../b".into(), vec![]),
            ]
        }
        Str::HostPath { pv_recycle } => {
            let go = "validateHostPathVolumeSource (validatePathNoBacksteps)";
            let mut v = vec![
                m("host-path/empty", go, String::new(), one(Required)),
                m("host-path/backsteps", go, "/a/../b".into(), one(Invalid)),
                m("host-path/relative-ok", go, "data/x".into(), vec![]),
            ];
            if let Some(recycle) = pv_recycle {
                let errors = if *recycle {
                    vec![e("spec.persistentVolumeReclaimPolicy", Forbidden)]
                } else {
                    vec![]
                };
                let go = "ValidatePersistentVolumeSpec (hostPath '/' with Recycle)";
                v.push(m("host-path/root", go, "/".into(), errors));
            }
            v
        }
        Str::LocalPath => {
            let go = "validateLocalVolumeSource";
            vec![
                m("local-path/empty", go, String::new(), one(Required)),
                m("local-path/backsteps", go, "/a/../b".into(), one(Invalid)),
                m("local-path/relative-ok", go, "data/x".into(), vec![]),
            ]
        }
        Str::MountPath => {
            let go = "validateVolumeMounts";
            vec![
                m("mount-path/empty", go, String::new(), one(Required)),
                m("mount-path/relative-ok", go, "rel/dir".into(), vec![]),
                m("mount-path/backsteps-ok", go, "/x/../y".into(), vec![]),
            ]
        }
        Str::KeyPath => {
            let go = "validateKeyToPath → ValidateLocalNonReservedPath";
            vec![
                m("item-path/empty", go, String::new(), one(Required)),
                m("item-path/absolute", go, "/abs".into(), one(Invalid)),
                m("item-path/backsteps", go, "a/../b".into(), one(Invalid)),
                // `../x`: the `..` element; the prefix message is skipped for `../`.
                m("item-path/leading-dotdot", go, "../x".into(), one(Invalid)),
                // `..x`: no `..` element, but it starts with `..`.
                m("item-path/dotdot-prefix", go, "..x".into(), one(Invalid)),
                m("item-path/nested-ok", go, "a/b".into(), vec![]),
            ]
        }
    }
}

/// A container's `subPath` (`validateVolumeMounts` → `validateLocalDescendingPath`, reported at
/// `volumeMounts.subPath` without the mount's index: the server passes the list's path).
fn sub_path_muts(list_path: &str, g: &Get<Option<String>>) -> Vec<Mutation> {
    let go = "validateVolumeMounts → validateLocalDescendingPath (path quirk: no index)";
    let at = format!("{list_path}.subPath");
    let m = |op, value: &str, errors| Mutation {
        op,
        go,
        apply: set(g, Some(value.to_owned())),
        errors,
    };
    vec![
        m("sub-path/absolute", "/abs", vec![e(&at, Invalid)]),
        m("sub-path/backsteps", "a/../b", vec![e(&at, Invalid)]),
        m("sub-path/relative-ok", "sub/dir", vec![]),
    ]
}

/// A container port (`validateContainerPorts`: 0 is Required, else 1..65535).
fn container_port_muts(path: &str, g: &Get<i32>) -> Vec<Mutation> {
    let go = "validateContainerPorts";
    let m = |op, v, errors| Mutation {
        op,
        go,
        apply: set(g, v),
        errors,
    };
    vec![
        m("container-port/zero", 0, vec![e(path, Required)]),
        m("container-port/negative", -1, vec![e(path, Invalid)]),
        m("container-port/65536", 65536, vec![e(path, Invalid)]),
        m("container-port/65535-ok", 65535, vec![]),
    ]
}

/// A Service port (`validateServicePort`: `IsValidPortNum`); an unset `targetPort` is defaulted
/// to the port on decoding (`SetDefaults_Service`) and checked the same way.
fn service_port_muts(path: &str, g: &Get<i32>, target_unset: bool) -> Vec<Mutation> {
    let go = "validateServicePort (IsValidPortNum) after SetDefaults_Service";
    let parent = path.strip_suffix(".port").unwrap_or(path);
    let bad = |_: ()| {
        let mut v = vec![e(path, Invalid)];
        if target_unset {
            v.push(e(&format!("{parent}.targetPort"), Invalid));
        }
        v
    };
    let m = |op, v, errors| Mutation {
        op,
        go,
        apply: set(g, v),
        errors,
    };
    vec![
        m("service-port/zero", 0, bad(())),
        m("service-port/65536", 65536, bad(())),
        m("service-port/65535-ok", 65535, vec![]),
    ]
}

/// A count that must not be negative (`ValidateNonnegativeField`), or one the server does not
/// check (`checked == false`).
fn count_muts(
    path: &str,
    g: &Get<Option<i32>>,
    op_neg: &'static str,
    op_zero: &'static str,
    go: &'static str,
    checked: bool,
) -> Vec<Mutation> {
    vec![
        Mutation {
            op: op_neg,
            go,
            apply: set(g, Some(-1)),
            errors: if checked {
                vec![e(path, Invalid)]
            } else {
                vec![]
            },
        },
        Mutation {
            op: op_zero,
            go,
            apply: set(g, Some(0)),
            errors: vec![],
        },
    ]
}

/// A file mode (`validateConfigMapVolumeSource`, `validateSecretVolumeSource`,
/// `validateDownwardAPIVolumeSource`, `validateKeyToPath`: 0..0777).
fn mode_muts(path: &str, g: &Get<Option<FileMode>>) -> Vec<Mutation> {
    let go = "validate*VolumeSource / validateKeyToPath (fileModeErrorMsg: 0..0777)";
    vec![
        Mutation {
            op: "file-mode/01000",
            go,
            apply: set(g, Some(FileMode(0o1000))),
            errors: vec![e(path, Invalid)],
        },
        Mutation {
            op: "file-mode/0777-ok",
            go,
            apply: set(g, Some(FileMode(0o777))),
            errors: vec![],
        },
    ]
}

/// A claim's storage request (`ValidatePersistentVolumeClaimSpec`: `ValidatePositiveQuantityValue`
/// at `resources[storage]`, the server's path, without `requests`).
fn request_muts(spec_path: &str, g: &Get<Quantity>) -> Vec<Mutation> {
    let go = "ValidatePersistentVolumeClaimSpec (ValidatePositiveQuantityValue)";
    let at = format!("{spec_path}.resources[storage]");
    let m = |op, v: &str, errors| Mutation {
        op,
        go,
        apply: set(g, q(v)),
        errors,
    };
    vec![
        m("claim-request/zero", "0", vec![e(&at, Invalid)]),
        m("claim-request/negative", "-1Gi", vec![e(&at, Invalid)]),
        m("claim-request/fractional-bytes-ok", "1500m", vec![]),
        m("claim-request/huge-ok", "1Ei", vec![]),
        m(
            "claim-request/negative-fractional",
            "-500m",
            vec![e(&at, Invalid)],
        ),
    ]
}

/// A PersistentVolume's capacity (`ValidatePersistentVolumeSpec`: `validateBasicResource`, which
/// rejects a negative value, and `ValidatePositiveQuantityValue`).
fn capacity_muts(g: &Get<Quantity>) -> Vec<Mutation> {
    let go = "ValidatePersistentVolumeSpec (validateBasicResource, ValidatePositiveQuantityValue)";
    let at = "spec.capacity[storage]";
    let m = |op, v: &str, errors| Mutation {
        op,
        go,
        apply: set(g, q(v)),
        errors,
    };
    vec![
        m("capacity/zero", "0", vec![e(at, Invalid)]),
        m(
            "capacity/negative",
            "-1Gi",
            vec![e(at, Invalid), e(at, Invalid)],
        ),
        m("capacity/fractional-bytes-ok", "1500m", vec![]),
        // Value() rounds away from zero: -1 < 0 for validateBasicResource too.
        m(
            "capacity/negative-fractional",
            "-500m",
            vec![e(at, Invalid), e(at, Invalid)],
        ),
    ]
}

/// Access modes of a claim or volume spec (`ValidatePersistentVolumeClaimSpec`,
/// `ValidatePersistentVolumeSpec`: Required when empty, RWOP alone).
fn access_mode_muts(spec_path: &str, g: &Get<AccessModes>, go: &'static str) -> Vec<Mutation> {
    let at = format!("{spec_path}.accessModes");
    let modes = |list: &[AccessMode]| {
        let mut m = AccessModes::EMPTY;
        for &a in list {
            m.insert(a);
        }
        m
    };
    vec![
        Mutation {
            op: "access-modes/empty",
            go,
            apply: set(g, AccessModes::EMPTY),
            errors: vec![e(&at, Required)],
        },
        Mutation {
            op: "access-modes/rwop-with-rwo",
            go,
            apply: set(
                g,
                modes(&[AccessMode::ReadWriteOncePod, AccessMode::ReadWriteOnce]),
            ),
            errors: vec![e(&at, Forbidden)],
        },
        Mutation {
            op: "access-modes/rwop-alone-ok",
            go,
            apply: set(g, modes(&[AccessMode::ReadWriteOncePod])),
            errors: vec![],
        },
    ]
}

/// Labels and annotations of an object's metadata at `meta` (`ValidateObjectMeta` →
/// `ValidateLabels`: `ValidateLabelName` (a qualified name) and `IsValidLabelValue`, reported at
/// the map's path; `ValidateAnnotations`: `IsQualifiedName` of the lower-cased key).
///
/// `annotation_bytes`: the annotations' total size (keys and values) before the mutation;
/// past 256 KiB `ValidateAnnotationsSize` adds `Too long` at the map's path (the corpus
/// generator fills annotations up to the limit).
fn meta_map_sites(
    out: &mut Sites,
    meta: &str,
    labels: &Get<BTreeMap<String, String>>,
    annotations: &Get<BTreeMap<String, String>>,
    annotation_bytes: usize,
) {
    let insert = |g: &Get<BTreeMap<String, String>>, k: &str, v: &str| {
        let g = g.clone();
        let (k, v) = (k.to_owned(), v.to_owned());
        Box::new(move |o: &mut Object| {
            g(o).insert(k.clone(), v.clone());
        }) as Box<dyn Fn(&mut Object)>
    };
    let lp = format!("{meta}.labels");
    let go = "ValidateObjectMeta → ValidateLabels";
    let m = |op, k: &str, v: &str, errors| Mutation {
        op,
        go,
        apply: insert(labels, k, v),
        errors,
    };
    let muts = vec![
        m("labels/bad-key", "a/b/c", "x", vec![e(&lp, Invalid)]),
        m(
            "labels/bad-value",
            "example.com/k",
            "-bad",
            vec![e(&lp, Invalid)],
        ),
        m(
            "labels/64-value",
            "example.com/k",
            &long(64),
            vec![e(&lp, Invalid)],
        ),
        m("labels/63-value-ok", "example.com/k", &long(63), vec![]),
        m("labels/empty-value-ok", "example.com/k", "", vec![]),
    ];
    out.add(lp.clone(), Since::Always, muts);
    let ap = format!("{meta}.annotations");
    let go = "ValidateObjectMeta → ValidateAnnotations";
    let m = |op, k: &str, v: &str, mut errors: Vec<Expected>| {
        if annotation_bytes + k.len() + v.len() > 256 * 1024 {
            errors.push(e(&ap, TooLong));
        }
        Mutation {
            op,
            go,
            apply: insert(annotations, k, v),
            errors,
        }
    };
    let muts = vec![
        m("annotations/bad-key", "a/b/c", "x", vec![e(&ap, Invalid)]),
        m("annotations/upper-key-ok", "Example.COM/Note", "x", vec![]),
        m(
            "annotations/any-value-ok",
            "example.com/note",
            "any: {value}\n",
            vec![],
        ),
    ];
    out.add(ap, Since::Always, muts);
}

/// The size `ValidateAnnotationsSize` counts: every key and value.
fn annotation_bytes(map: &BTreeMap<String, String>) -> usize {
    map.iter().map(|(k, v)| k.len() + v.len()).sum()
}

/// A container port's name (`validateContainerPorts` → `IsValidPortName`: at most 15
/// characters, lower-case alphanumerics and '-', at least one letter).
fn port_name_muts(path: &str, g: &Get<Option<String>>) -> Vec<Mutation> {
    let go = "validateContainerPorts (IsValidPortName)";
    let m = |op, v: &str, errors| Mutation {
        op,
        go,
        apply: set(g, Some(v.to_owned())),
        errors,
    };
    vec![
        m("port-name/16", "abcdefghijklmnop", vec![e(path, Invalid)]),
        m("port-name/underscore", "web_port", vec![e(path, Invalid)]),
        m("port-name/digits-only", "8080", vec![e(path, Invalid)]),
        m("port-name/15-ok", "abcdefghijklmno", vec![]),
    ]
}

/// A removal, or any change, the server accepts.
fn accepted(op: &'static str, go: &'static str, apply: Box<dyn Fn(&mut Object)>) -> Mutation {
    Mutation {
        op,
        go,
        apply,
        errors: vec![],
    }
}

// ---------------------------------------------------------------------------------------------
// Sites of each kind
// ---------------------------------------------------------------------------------------------

struct Sites(Vec<Site>);

impl Sites {
    fn add(&mut self, path: impl Into<String>, since: Since, muts: Vec<Mutation>) {
        self.0.push(Site {
            path: path.into(),
            since,
            muts,
        });
    }
    fn string(&mut self, path: String, since: Since, g: Get<String>, rule: Str) {
        let muts = str_muts(&path, &g, &rule);
        self.add(path, since, muts);
    }
}

/// The fields of a claim spec at `p` (a claim, an ephemeral volume's template, a StatefulSet's
/// claim template).
fn claim_spec_sites(
    out: &mut Sites,
    p: &str,
    since: Since,
    spec: &PvcSpec,
    g: &Get<PvcSpec>,
    standalone: bool,
) {
    let go_spec = "ValidatePersistentVolumeClaimSpec";
    out.add(
        format!("{p}.accessModes"),
        since,
        access_mode_muts(p, &sub(g, |s| &mut s.access_modes), go_spec),
    );
    out.add(
        format!("{p}.resources.requests[storage]"),
        since,
        request_muts(p, &sub(g, |s| &mut s.resources.requests)),
    );
    if spec.resources.limits.is_some() {
        let go = "ValidatePersistentVolumeClaimSpec (limits are not checked)";
        let limits = sub(g, |s| &mut s.resources.limits);
        out.add(
            format!("{p}.resources.limits[storage]"),
            since,
            vec![
                accepted("claim-limit/zero-ok", go, set(&limits, Some(q("0")))),
                accepted("claim-limit/removed-ok", go, set(&limits, None)),
            ],
        );
    }
    if let ClassRef::Named(_) = spec.storage_class {
        let class = sub(g, |s| &mut s.storage_class);
        let mut muts: Vec<Mutation> = str_muts(
            &format!("{p}.storageClassName"),
            &sub(g, |s| match &mut s.storage_class {
                ClassRef::Named(n) => n,
                _ => unreachable!("the class is named"),
            }),
            &Str::ClassName("ValidatePersistentVolumeClaimSpec → ValidateClassName"),
        );
        muts.push(accepted(
            "claim-class/removed-ok",
            go_spec,
            set(&class, ClassRef::ClusterDefault),
        ));
        muts.push(accepted(
            "claim-class/empty-ok",
            go_spec,
            set(&class, ClassRef::NoClass),
        ));
        out.add(format!("{p}.storageClassName"), since, muts);
    }
    if standalone {
        let go = "ValidatePersistentVolumeClaimSpec (volumeName is not checked)";
        out.add(
            format!("{p}.volumeName"),
            since,
            vec![accepted(
                "claim-volume-name/any-text-ok",
                go,
                set(&sub(g, |s| &mut s.volume_name), Some("Bad_Name".into())),
            )],
        );
    }
    data_source_sites(out, p, since, spec, g, standalone);
    selector_sites(
        out,
        p,
        since,
        spec.selector.as_ref(),
        &sub(g, |s| &mut s.selector),
    );
}

/// `dataSourceIsPvcOrSnapshot` (pkg/api/persistentvolumeclaim/util.go), written from its code.
fn kept_without_ref(group: Option<&str>, kind: &str) -> bool {
    let group = group.unwrap_or("");
    (kind == "PersistentVolumeClaim" && group.is_empty())
        || (kind == "VolumeSnapshot" && group == "snapshot.storage.k8s.io")
}

/// `dataSource` and `dataSourceRef` of a claim spec. A claim's create (`standalone`) runs
/// `persistentvolumeclaimStrategy.PrepareForCreate` first: `DropDisabledFields` drops a
/// namespaced `dataSourceRef` (CrossNamespaceVolumeDataSource is alpha, off at every target),
/// `EnforceDataSourceBackwardsCompatibility` drops a lone `dataSource` that is not a core
/// PersistentVolumeClaim or a snapshot.storage.k8s.io VolumeSnapshot, and
/// `NormalizeDataSources` copies a lone `dataSource` into `dataSourceRef` and a lone
/// `dataSourceRef` (without namespace) into `dataSource`; then `ValidatePersistentVolumeClaimSpec`
/// (`validateDataSource`, `validateDataSourceRef`) checks both. Claim templates (ephemeral
/// volumes, StatefulSets) are validated as written.
fn data_source_sites(
    out: &mut Sites,
    p: &str,
    since: Since,
    spec: &PvcSpec,
    g: &Get<PvcSpec>,
    normalized: bool,
) {
    let go = "PrepareForCreate (EnforceDataSourceBackwardsCompatibility, NormalizeDataSources) + \
              validateDataSource / validateDataSourceRef";
    let ds = format!("{p}.dataSource");
    let dsr = format!("{p}.dataSourceRef");
    let source = sub(g, |s| s.data_source.as_mut().expect("a dataSource"));
    let reference = sub(g, |s| s.data_source_ref.as_mut().expect("a dataSourceRef"));
    let edit_source =
        |f: fn(&mut kvol_core::pvc::TypedLocalObjectReference)| -> Box<dyn Fn(&mut Object)> {
            let source = source.clone();
            Box::new(move |o| f(source(o)))
        };
    let edit_ref = |f: fn(&mut kvol_core::pvc::TypedObjectReference)| -> Box<dyn Fn(&mut Object)> {
        let reference = reference.clone();
        Box::new(move |o| f(reference(o)))
    };
    match (&spec.data_source, &spec.data_source_ref) {
        (Some(d), None) => {
            let kept = !normalized || kept_without_ref(d.api_group.as_deref(), &d.kind);
            // The copy in dataSourceRef gets the same errors.
            let both = |child: &str, kind| {
                let mut v = vec![e(&format!("{ds}{child}"), kind)];
                if normalized {
                    v.push(e(&format!("{dsr}{child}"), kind));
                }
                v
            };
            let muts = vec![
                Mutation {
                    op: "data-source/empty-name",
                    go,
                    apply: edit_source(|d| d.name.clear()),
                    errors: if kept {
                        both(".name", Required)
                    } else {
                        vec![]
                    },
                },
                Mutation {
                    // Dropped on a claim's create; well-formed in a template.
                    op: "data-source/unsupported-kind",
                    go,
                    apply: edit_source(|d| {
                        d.api_group = Some("example.com".into());
                        d.kind = "Thing".into();
                    }),
                    errors: vec![],
                },
                Mutation {
                    op: "data-source/bad-group",
                    go,
                    apply: edit_source(|d| d.api_group = Some("Bad_Group".into())),
                    errors: if normalized {
                        vec![]
                    } else {
                        vec![e(&format!("{ds}.apiGroup"), Invalid)]
                    },
                },
                Mutation {
                    op: "data-source/core-group-kind",
                    go,
                    apply: edit_source(|d| {
                        d.api_group = None;
                        d.kind = "Thing".into();
                    }),
                    errors: if normalized {
                        vec![]
                    } else {
                        vec![e(&ds, Invalid)]
                    },
                },
                accepted(
                    "data-source/removed-ok",
                    go,
                    set(&sub(g, |s| &mut s.data_source), None),
                ),
            ];
            out.add(ds.clone(), since, muts);
        }
        (None, Some(r)) if r.namespace.as_deref().is_none_or(str::is_empty) => {
            let both = |child: &str, kind| {
                let mut v = vec![e(&format!("{dsr}{child}"), kind)];
                if normalized {
                    v.push(e(&format!("{ds}{child}"), kind));
                }
                v
            };
            let muts = vec![
                Mutation {
                    op: "data-source-ref/empty-name",
                    go,
                    apply: edit_ref(|d| d.name.clear()),
                    errors: both(".name", Required),
                },
                Mutation {
                    op: "data-source-ref/bad-group",
                    go,
                    apply: edit_ref(|d| d.api_group = Some("Bad_Group".into())),
                    errors: both(".apiGroup", Invalid),
                },
                Mutation {
                    // Dropped on a claim's create (the claim is created empty); a template
                    // keeps it, and its namespace is a valid DNS label.
                    op: "data-source-ref/namespaced",
                    go,
                    apply: edit_ref(|d| d.namespace = Some("other-ns".into())),
                    errors: vec![],
                },
                accepted(
                    "data-source-ref/removed-ok",
                    go,
                    set(&sub(g, |s| &mut s.data_source_ref), None),
                ),
            ];
            out.add(dsr.clone(), since, muts);
        }
        (Some(_), Some(_)) => {
            out.add(
                ds.clone(),
                since,
                vec![Mutation {
                    op: "data-source/mismatching-ref",
                    go,
                    apply: edit_source(|d| d.name = "another-name".into()),
                    errors: vec![e(p, Invalid)],
                }],
            );
        }
        _ => {}
    }
}

/// The fields of a pod spec at `p` (a Pod's `spec`, a StatefulSet's `spec.template.spec`).
fn pod_spec_sites(
    out: &mut Sites,
    p: &str,
    since: Since,
    spec: &PodSpec,
    g: &Get<PodSpec>,
    volume_names: bool,
    pod_name: Option<&str>,
) {
    for (list, init) in [("containers", false), ("initContainers", true)] {
        let containers = if init {
            &spec.init_containers
        } else {
            &spec.containers
        };
        for (i, c) in containers.iter().enumerate() {
            let cp = format!("{p}.{list}[{i}]");
            let cg = sub(g, move |s| {
                if init {
                    &mut s.init_containers[i]
                } else {
                    &mut s.containers[i]
                }
            });
            out.string(
                format!("{cp}.name"),
                since,
                sub(&cg, |c| &mut c.name),
                Str::ContainerName,
            );
            for (k, _) in c.env.iter().enumerate() {
                let path = format!("{cp}.env[{k}].name");
                let eg = sub(&cg, move |c| &mut c.env[k].name);
                let go = "ValidateEnv → validateEnvVarName (IsEnvVarName; IsRelaxedEnvVarName \
                          from 1.32)";
                let always = vec![
                    Mutation {
                        op: "env-name/empty",
                        go,
                        apply: set(&eg, String::new()),
                        errors: vec![e(&path, Required)],
                    },
                    Mutation {
                        op: "env-name/equals",
                        go,
                        apply: set(&eg, "A=B".to_owned()),
                        errors: vec![e(&path, Invalid)],
                    },
                    accepted(
                        "env-name/dotted-ok",
                        go,
                        set(&eg, "my.env-name_1".to_owned()),
                    ),
                ];
                out.add(path.clone(), since, always);
                // Strict before 1.32, relaxed after: never at a StatefulSet's template, which the
                // server validates only from 1.34.
                let until_31 = since == Since::Always;
                let relaxed = vec![Mutation {
                    op: "env-name/leading-digit",
                    go,
                    apply: set(&eg, "1st".to_owned()),
                    errors: if until_31 {
                        vec![e(&path, Invalid)]
                    } else {
                        vec![]
                    },
                }];
                out.add(
                    path,
                    if until_31 { Since::Until(31) } else { since },
                    relaxed,
                );
            }
            for (j, _) in c.ports.iter().enumerate() {
                let path = format!("{cp}.ports[{j}].name");
                let muts = port_name_muts(&path, &sub(&cg, move |c| &mut c.ports[j].name));
                out.add(path, since, muts);
                let path = format!("{cp}.ports[{j}].containerPort");
                let muts =
                    container_port_muts(&path, &sub(&cg, move |c| &mut c.ports[j].container_port));
                out.add(path, since, muts);
            }
            for (k, mount) in c.volume_mounts.iter().enumerate() {
                let mg = sub(&cg, move |c| &mut c.volume_mounts[k]);
                out.string(
                    format!("{cp}.volumeMounts[{k}].mountPath"),
                    since,
                    sub(&mg, |m| &mut m.mount_path),
                    Str::MountPath,
                );
                // A mount with `subPathExpr` cannot take a `subPath` too (mutually exclusive):
                // its subPath is not mutated.
                if mount.sub_path_expr.is_some() {
                    continue;
                }
                let muts = sub_path_muts(
                    &format!("{cp}.volumeMounts"),
                    &sub(&mg, |m| &mut m.sub_path),
                );
                out.add(format!("{cp}.volumeMounts[{k}].subPath"), since, muts);
            }
        }
    }
    for (v, vol) in spec.volumes.iter().enumerate() {
        let vp = format!("{p}.volumes[{v}]");
        let vg = sub(g, move |s| &mut s.volumes[v]);
        // ValidateVolumes keeps a volume with any error out of the volumes it returns, so every
        // mount that names it is then NotFound (validateVolumeMounts).
        let mounts = mounts_of(spec, p, &vol.name);
        if volume_names {
            out.string(
                format!("{vp}.name"),
                since,
                sub(&vg, |v| &mut v.name),
                Str::VolumeName {
                    mounts: mounts.clone(),
                    pod: pod_name
                        .filter(|_| matches!(vol.source, VolumeSource::Ephemeral(_)))
                        .map(String::from),
                },
            );
        }
        let first_source_site = out.0.len();
        let src = sub(&vg, |v| &mut v.source);
        macro_rules! source {
            ($variant:ident) => {
                |s: &mut VolumeSource| match s {
                    VolumeSource::$variant(x) => x,
                    _ => unreachable!(concat!("a ", stringify!($variant), " volume")),
                }
            };
        }
        match &vol.source {
            VolumeSource::EmptyDir(_) => {
                let sg = sub(&src, source!(EmptyDir));
                let path = format!("{vp}.emptyDir.sizeLimit");
                let lim = sub(&sg, |d| &mut d.size_limit);
                let go = "validateVolumeSource (emptyDir.sizeLimit < 0 is Forbidden)";
                let muts = vec![
                    Mutation {
                        op: "size-limit/negative",
                        go,
                        apply: set(&lim, Some(q("-1Gi"))),
                        errors: vec![e(&path, Forbidden)],
                    },
                    accepted("size-limit/zero-ok", go, set(&lim, Some(q("0")))),
                ];
                out.add(path, since, muts);
            }
            VolumeSource::HostPath(_) => {
                let sg = sub(&src, source!(HostPath));
                out.string(
                    format!("{vp}.hostPath.path"),
                    since,
                    sub(&sg, |h| &mut h.path),
                    Str::HostPath { pv_recycle: None },
                );
            }
            VolumeSource::Nfs(_) => {
                let sg = sub(&src, source!(Nfs));
                out.string(
                    format!("{vp}.nfs.server"),
                    since,
                    sub(&sg, |n| &mut n.server),
                    Str::RequiredOnly("validateNFSVolumeSource"),
                );
                out.string(
                    format!("{vp}.nfs.path"),
                    since,
                    sub(&sg, |n| &mut n.path),
                    Str::NfsPath,
                );
            }
            VolumeSource::PersistentVolumeClaim(_) => {
                let sg = sub(&src, source!(PersistentVolumeClaim));
                out.string(
                    format!("{vp}.persistentVolumeClaim.claimName"),
                    since,
                    sub(&sg, |c| &mut c.claim_name),
                    Str::RequiredOnly("validatePersistentClaimVolumeSource"),
                );
            }
            VolumeSource::ConfigMap(c) => {
                let sg = sub(&src, source!(ConfigMap));
                let sp = format!("{vp}.configMap");
                out.string(
                    format!("{sp}.name"),
                    since,
                    sub(&sg, |c| &mut c.name),
                    Str::RequiredOnly("validateConfigMapVolumeSource"),
                );
                let path = format!("{sp}.defaultMode");
                let muts = mode_muts(&path, &sub(&sg, |c| &mut c.default_mode));
                out.add(path, since, muts);
                let items = sub(&sg, |c| &mut c.items);
                item_sites(out, &sp, since, c.items.len(), &items);
            }
            VolumeSource::Secret(s) => {
                let sg = sub(&src, source!(Secret));
                let sp = format!("{vp}.secret");
                out.string(
                    format!("{sp}.secretName"),
                    since,
                    sub(&sg, |c| &mut c.secret_name),
                    Str::RequiredOnly("validateSecretVolumeSource"),
                );
                let path = format!("{sp}.defaultMode");
                let muts = mode_muts(&path, &sub(&sg, |c| &mut c.default_mode));
                out.add(path, since, muts);
                let items = sub(&sg, |c| &mut c.items);
                item_sites(out, &sp, since, s.items.len(), &items);
            }
            VolumeSource::DownwardApi(_) => {
                let sg = sub(&src, source!(DownwardApi));
                let path = format!("{vp}.downwardAPI.defaultMode");
                let muts = mode_muts(&path, &sub(&sg, |c| &mut c.default_mode));
                out.add(path, since, muts);
            }
            VolumeSource::Csi(_) => {
                let sg = sub(&src, source!(Csi));
                out.string(
                    format!("{vp}.csi.driver"),
                    since,
                    sub(&sg, |c| &mut c.driver),
                    Str::CsiDriver,
                );
            }
            VolumeSource::Ephemeral(eph) => {
                let sg = sub(&src, source!(Ephemeral));
                let tg = sub(&sg, |t| &mut t.volume_claim_template.spec);
                claim_spec_sites(
                    out,
                    &format!("{vp}.ephemeral.volumeClaimTemplate.spec"),
                    since,
                    &eph.volume_claim_template.spec,
                    &tg,
                    false,
                );
            }
            // Projected volumes are not in the catalogue yet.
            VolumeSource::Projected(_) => {}
        }
        for site in &mut out.0[first_source_site..] {
            for m in &mut site.muts {
                if !m.errors.is_empty() {
                    m.errors.extend(mounts.iter().map(|p| e(p, NotFound)));
                }
            }
        }
    }
}

/// The paths of the mounts (`name`) that name the volume `volume` in a pod spec at `p`.
fn mounts_of(spec: &PodSpec, p: &str, volume: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (list, cs) in [
        ("containers", &spec.containers),
        ("initContainers", &spec.init_containers),
    ] {
        for (i, c) in cs.iter().enumerate() {
            for (k, m) in c.volume_mounts.iter().enumerate() {
                if m.name == volume {
                    out.push(format!("{p}.{list}[{i}].volumeMounts[{k}].name"));
                }
            }
            // Raw block devices name volumes too (validateVolumeDevices: NotFound).
            for (k, d) in c.volume_devices.iter().enumerate() {
                if d.name == volume {
                    out.push(format!("{p}.{list}[{i}].volumeDevices[{k}].name"));
                }
            }
        }
    }
    out
}

/// The items of a configMap or secret volume.
fn item_sites(
    out: &mut Sites,
    sp: &str,
    since: Since,
    n: usize,
    items: &Get<Vec<kvol_core::volume::KeyToPath>>,
) {
    for j in 0..n {
        let ip = format!("{sp}.items[{j}]");
        let ig = sub(items, move |v| &mut v[j]);
        out.string(
            format!("{ip}.key"),
            since,
            sub(&ig, |i| &mut i.key),
            Str::RequiredOnly("validateKeyToPath"),
        );
        out.string(
            format!("{ip}.path"),
            since,
            sub(&ig, |i| &mut i.path),
            Str::KeyPath,
        );
        let path = format!("{ip}.mode");
        let muts = mode_muts(&path, &sub(&ig, |i| &mut i.mode));
        out.add(path, since, muts);
    }
}

fn pv_sites(out: &mut Sites, pv: &PersistentVolume, g: &Get<PersistentVolume>) {
    let go = "ValidatePersistentVolumeSpec";
    let spec = sub(g, |p| &mut p.spec);
    out.add(
        "spec.accessModes",
        Since::Always,
        access_mode_muts("spec", &sub(&spec, |s| &mut s.access_modes), go),
    );
    out.add(
        "spec.capacity[storage]",
        Since::Always,
        capacity_muts(&sub(&spec, |s| &mut s.capacity)),
    );
    let recycle = pv.spec.reclaim_policy == Some(ReclaimPolicy::Recycle);
    let root_host_path =
        matches!(&pv.spec.source, PvSource::HostPath(h) if h.path.trim_end_matches('/').is_empty());
    let reclaim = sub(&spec, |s| &mut s.reclaim_policy);
    out.add(
        "spec.persistentVolumeReclaimPolicy",
        Since::Always,
        vec![
            Mutation {
                op: "pv-reclaim/recycle",
                go: "ValidatePersistentVolumeSpec (hostPath '/' with Recycle)",
                apply: set(&reclaim, Some(ReclaimPolicy::Recycle)),
                errors: if root_host_path {
                    vec![e("spec.persistentVolumeReclaimPolicy", Forbidden)]
                } else {
                    vec![]
                },
            },
            accepted("pv-reclaim/removed-ok", go, set(&reclaim, None)),
        ],
    );
    if pv.spec.storage_class_name.is_some() {
        let class = sub(&spec, |s| &mut s.storage_class_name);
        let mut muts = str_muts(
            "spec.storageClassName",
            &sub(&spec, |s| s.storage_class_name.as_mut().expect("a class")),
            &Str::ClassName("ValidatePersistentVolumeSpec → ValidateClassName"),
        );
        muts.push(accepted("pv-class/removed-ok", go, set(&class, None)));
        out.add("spec.storageClassName", Since::Always, muts);
    }
    out.add(
        "spec.mountOptions",
        Since::Always,
        vec![accepted(
            "pv-mount-options/any-source-ok",
            "ValidatePersistentVolumeSpec (spec.mountOptions is not checked; only the beta \
             annotation, by checkMountOption)",
            set(
                &sub(&spec, |s| &mut s.mount_options),
                vec!["ro".to_owned(), "nfsvers=4.1".to_owned()],
            ),
        )],
    );
    if pv.spec.claim_ref.is_some() {
        out.add(
            "spec.claimRef",
            Since::Always,
            vec![accepted(
                "pv-claim-ref/removed-ok",
                go,
                set(&sub(&spec, |s| &mut s.claim_ref), None),
            )],
        );
    }
    if let Some(affinity) = &pv.spec.node_affinity {
        node_requirement_sites(
            out,
            affinity,
            &sub(&spec, |s| s.node_affinity.as_mut().expect("node affinity")),
        );
    }
    if pv.spec.node_affinity.is_some() {
        let local = matches!(pv.spec.source, PvSource::Local(_));
        out.add(
            "spec.nodeAffinity",
            Since::Always,
            vec![Mutation {
                op: "pv-node-affinity/removed",
                go: "ValidatePersistentVolumeSpec (Local volume requires node affinity)",
                apply: set(&sub(&spec, |s| &mut s.node_affinity), None),
                errors: if local {
                    vec![e("spec.nodeAffinity", Required)]
                } else {
                    vec![]
                },
            }],
        );
    }
    let src = sub(&spec, |s| &mut s.source);
    macro_rules! source {
        ($variant:ident) => {
            sub(&src, |s: &mut PvSource| match s {
                PvSource::$variant(x) => x,
                _ => unreachable!(concat!("a ", stringify!($variant), " volume")),
            })
        };
    }
    match &pv.spec.source {
        PvSource::HostPath(_) => {
            let sg = source!(HostPath);
            out.string(
                "spec.hostPath.path".into(),
                Since::Always,
                sub(&sg, |h| &mut h.path),
                Str::HostPath {
                    pv_recycle: Some(recycle),
                },
            );
        }
        PvSource::Local(_) => {
            let sg = source!(Local);
            out.string(
                "spec.local.path".into(),
                Since::Always,
                sub(&sg, |h| &mut h.path),
                Str::LocalPath,
            );
        }
        PvSource::Nfs(_) => {
            let sg = source!(Nfs);
            out.string(
                "spec.nfs.server".into(),
                Since::Always,
                sub(&sg, |n| &mut n.server),
                Str::RequiredOnly("validateNFSVolumeSource"),
            );
            out.string(
                "spec.nfs.path".into(),
                Since::Always,
                sub(&sg, |n| &mut n.path),
                Str::NfsPath,
            );
        }
        PvSource::Csi(_) => {
            let sg = source!(Csi);
            out.string(
                "spec.csi.driver".into(),
                Since::Always,
                sub(&sg, |c| &mut c.driver),
                Str::CsiDriver,
            );
            out.string(
                "spec.csi.volumeHandle".into(),
                Since::Always,
                sub(&sg, |c| &mut c.volume_handle),
                Str::RequiredOnly("validateCSIPersistentVolumeSource"),
            );
        }
        PvSource::Iscsi(_) => {
            let sg = source!(Iscsi);
            let lun = sub(&sg, |i| &mut i.lun);
            let go = "validateISCSIPersistentVolumeSource (lun 0..255)";
            let at = "spec.iscsi.lun";
            out.add(
                at,
                Since::Always,
                vec![
                    Mutation {
                        op: "iscsi-lun/256",
                        go,
                        apply: set(&lun, 256),
                        errors: vec![e(at, Invalid)],
                    },
                    Mutation {
                        op: "iscsi-lun/negative",
                        go,
                        apply: set(&lun, -1),
                        errors: vec![e(at, Invalid)],
                    },
                    accepted("iscsi-lun/255-ok", go, set(&lun, 255)),
                ],
            );
        }
        PvSource::Legacy(l) => legacy_sites(out, l, &source!(Legacy)),
    }
}

/// A PersistentVolume's legacy (in-tree) source: its required fields, GCE and AWS partitions,
/// and the Azure disk URI, which must match the disk's kind (`validateAzureDisk`; the kind is
/// defaulted to `Shared` by `SetDefaults_AzureDiskVolumeSource`, a blob kind, so the URI must
/// start with `https://`).
fn legacy_sites(out: &mut Sites, l: &LegacySource, g: &Get<LegacySource>) {
    macro_rules! field {
        ($variant:ident . $field:ident : $ty:ty) => {
            sub(g, |l: &mut LegacySource| -> &mut $ty {
                match l {
                    LegacySource::$variant { $field, .. } => $field,
                    _ => unreachable!(concat!("a ", stringify!($variant), " source")),
                }
            })
        };
    }
    let required = |out: &mut Sites, path: String, g: Get<String>, go: &'static str| {
        out.string(path, Since::Always, g, Str::RequiredOnly(go));
    };
    let monitors = |out: &mut Sites, path: String, g: Get<Vec<String>>, go: &'static str| {
        out.add(
            path.clone(),
            Since::Always,
            vec![Mutation {
                op: "legacy-monitors/empty",
                go,
                apply: set(&g, vec![]),
                errors: vec![e(&path, Required)],
            }],
        );
    };
    let partition = |out: &mut Sites, path: String, g: Get<Option<i32>>, go: &'static str| {
        let m = |op, v, errors| Mutation {
            op,
            go,
            apply: set(&g, Some(v)),
            errors,
        };
        let muts = vec![
            m("partition/256", 256, vec![e(&path, Invalid)]),
            m("partition/negative", -1, vec![e(&path, Invalid)]),
            m("partition/255-ok", 255, vec![]),
        ];
        out.add(path, Since::Always, muts);
    };
    let p = |key: &str, f: &str| format!("spec.{key}.{f}");
    match l {
        LegacySource::GcePersistentDisk { .. } => {
            // Path quirk: ValidatePersistentVolumeSpec passes `fldPath.Child("persistentDisk")`.
            let go = "validateGCEPersistentDiskVolumeSource (at spec.persistentDisk)";
            required(
                out,
                p("persistentDisk", "pdName"),
                field!(GcePersistentDisk.pd_name: String),
                go,
            );
            partition(
                out,
                p("persistentDisk", "partition"),
                field!(GcePersistentDisk.partition: Option<i32>),
                go,
            );
        }
        LegacySource::AwsElasticBlockStore { .. } => {
            let go = "validateAWSElasticBlockStoreVolumeSource";
            required(
                out,
                p("awsElasticBlockStore", "volumeID"),
                field!(AwsElasticBlockStore.volume_id: String),
                go,
            );
            partition(
                out,
                p("awsElasticBlockStore", "partition"),
                field!(AwsElasticBlockStore.partition: Option<i32>),
                go,
            );
        }
        LegacySource::AzureDisk { .. } => {
            let go = "validateAzureDisk (kind defaulted to Shared)";
            required(
                out,
                p("azureDisk", "diskName"),
                field!(AzureDisk.disk_name: String),
                go,
            );
            let at = p("azureDisk", "diskURI");
            let uri = field!(AzureDisk.disk_uri: String);
            let m = |op, v: &str, errors| Mutation {
                op,
                go,
                apply: set(&uri, v.to_owned()),
                errors,
            };
            let muts = vec![
                m(
                    "azure-disk-uri/empty",
                    "",
                    vec![e(&at, Required), e(&at, NotSupported)],
                ),
                m(
                    "azure-disk-uri/managed-form",
                    "/subscriptions/s/resourcegroups/g/providers/microsoft.compute/disks/d",
                    vec![e(&at, NotSupported)],
                ),
                m(
                    "azure-disk-uri/blob-ok",
                    "https://account.blob.core.windows.net/vhds/disk.vhd",
                    vec![],
                ),
            ];
            out.add(at, Since::Always, muts);
        }
        LegacySource::AzureFile { .. } => {
            let go = "validateAzureFilePV";
            required(
                out,
                p("azureFile", "secretName"),
                field!(AzureFile.secret_name: String),
                go,
            );
            required(
                out,
                p("azureFile", "shareName"),
                field!(AzureFile.share_name: String),
                go,
            );
        }
        LegacySource::Cephfs { .. } => {
            let go = "validateCephFSPersistentVolumeSource";
            monitors(
                out,
                p("cephfs", "monitors"),
                field!(Cephfs.monitors: Vec<String>),
                go,
            );
        }
        LegacySource::Cinder { .. } => {
            let go = "validateCinderPersistentVolumeSource";
            required(
                out,
                p("cinder", "volumeID"),
                field!(Cinder.volume_id: String),
                go,
            );
        }
        LegacySource::Glusterfs { .. } => {
            let go = "validateGlusterfsPersistentVolumeSource";
            required(
                out,
                p("glusterfs", "endpoints"),
                field!(Glusterfs.endpoints: String),
                go,
            );
            required(
                out,
                p("glusterfs", "path"),
                field!(Glusterfs.path: String),
                go,
            );
        }
        LegacySource::Rbd { .. } => {
            let go = "validateRBDPersistentVolumeSource";
            monitors(
                out,
                p("rbd", "monitors"),
                field!(Rbd.monitors: Vec<String>),
                go,
            );
            required(out, p("rbd", "image"), field!(Rbd.image: String), go);
        }
        LegacySource::VsphereVolume { .. } => {
            let go = "validateVsphereVolumeSource";
            required(
                out,
                p("vsphereVolume", "volumePath"),
                field!(VsphereVolume.volume_path: String),
                go,
            );
        }
        LegacySource::PortworxVolume { .. } => {
            let go = "validatePortworxVolumeSource";
            required(
                out,
                p("portworxVolume", "volumeID"),
                field!(PortworxVolume.volume_id: String),
                go,
            );
        }
        #[allow(unreachable_patterns)]
        _ => {}
    }
}

/// The requirements of a PersistentVolume's node affinity (`validateVolumeNodeAffinity` →
/// `ValidateNodeSelector` → `ValidateNodeSelectorRequirement`: the values an operator needs,
/// the key a qualified name). Integer values for `Gt`/`Lt` are not checked by the server.
fn node_requirement_sites(
    out: &mut Sites,
    affinity: &kvol_core::selector::VolumeNodeAffinity,
    g: &Get<kvol_core::selector::VolumeNodeAffinity>,
) {
    use kvol_core::selector::NodeSelectorOperator as Op;
    let go = "ValidateNodeSelectorRequirement";
    for (i, term) in affinity.required.node_selector_terms.iter().enumerate() {
        for (j, req) in term.match_expressions.iter().enumerate() {
            let rp =
                format!("spec.nodeAffinity.required.nodeSelectorTerms[{i}].matchExpressions[{j}]");
            let rg = sub(g, move |a| {
                &mut a.required.node_selector_terms[i].match_expressions[j]
            });
            let values = sub(&rg, |r| &mut r.values);
            let vals = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
            let at = format!("{rp}.values");
            let mut muts = vec![Mutation {
                op: "node-requirement/bad-key",
                go,
                apply: set(&sub(&rg, |r| &mut r.key), "a/b/c".to_owned()),
                errors: vec![e(&format!("{rp}.key"), Invalid)],
            }];
            match req.operator {
                Op::In | Op::NotIn => muts.push(Mutation {
                    op: "node-requirement/in-without-values",
                    go,
                    apply: set(&values, vec![]),
                    errors: vec![e(&at, Required)],
                }),
                Op::Exists | Op::DoesNotExist => muts.push(Mutation {
                    op: "node-requirement/exists-with-values",
                    go,
                    apply: set(&values, vals(&["x"])),
                    errors: vec![e(&at, Forbidden)],
                }),
                Op::Gt | Op::Lt => {
                    muts.push(Mutation {
                        op: "node-requirement/gt-two-values",
                        go,
                        apply: set(&values, vals(&["1", "2"])),
                        errors: vec![e(&at, Required)],
                    });
                    muts.push(accepted(
                        "node-requirement/gt-not-an-integer-ok",
                        go,
                        set(&values, vals(&["abc"])),
                    ));
                }
            }
            out.add(rp, Since::Always, muts);
        }
    }
}

/// A StorageClass's parameters (`validateParameters`: at most 512 entries, then no empty key and
/// at most 256 KiB of keys and values) and allowed topologies (`validateAllowedTopologies` →
/// `ValidateTopologySelectorTerm` → `validateTopologySelectorLabelRequirement`: values required
/// and unique, the key a qualified name).
fn storage_class_sites(
    out: &mut Sites,
    sc: &kvol_core::StorageClass,
    g: &Get<kvol_core::StorageClass>,
) {
    let go = "validateParameters";
    let size: usize = sc.parameters.iter().map(|(k, v)| k.len() + v.len()).sum();
    let params = sub(g, |c| &mut c.parameters);
    let insert = |k: &'static str, v: &'static str| {
        let params = params.clone();
        Box::new(move |o: &mut Object| {
            params(o).insert(k.into(), v.into());
        }) as Box<dyn Fn(&mut Object)>
    };
    // Past 512 entries validateParameters returns at once (one Too long); else an empty key is
    // Invalid and a total past 256 KiB Too long.
    let grown = |k: &str, v: &str| {
        let new_key = !sc.parameters.contains_key(k);
        if sc.parameters.len() + usize::from(new_key) > 512 {
            return vec![e("parameters", TooLong)];
        }
        let mut errors = Vec::new();
        if k.is_empty() {
            errors.push(e("parameters", Invalid));
        }
        if size + k.len() + v.len() > 256 * 1024 {
            errors.push(e("parameters", TooLong));
        }
        errors
    };
    let empty_key = grown("", "x");
    out.add(
        "parameters",
        Since::Always,
        vec![
            Mutation {
                op: "parameters/empty-key",
                go,
                apply: insert("", "x"),
                errors: empty_key,
            },
            Mutation {
                op: "parameters/any-key-ok",
                go,
                apply: insert("Any Key: {}", "x"),
                errors: grown("Any Key: {}", "x"),
            },
        ],
    );
    let go = "validateTopologySelectorLabelRequirement";
    for (i, term) in sc.allowed_topologies.iter().enumerate() {
        for (j, req) in term.match_label_expressions.iter().enumerate() {
            let rp = format!("allowedTopologies[{i}].matchLabelExpressions[{j}]");
            let rg = sub(g, move |c| {
                &mut c.allowed_topologies[i].match_label_expressions[j]
            });
            let values = sub(&rg, |r| &mut r.values);
            let mut twice = req.values.clone();
            twice.extend(req.values.first().cloned());
            let mut muts = vec![
                Mutation {
                    op: "topology/no-values",
                    go,
                    apply: set(&values, vec![]),
                    errors: vec![e(&format!("{rp}.values"), Required)],
                },
                Mutation {
                    op: "topology/bad-key",
                    go,
                    apply: set(&sub(&rg, |r| &mut r.key), "a/b/c".to_owned()),
                    errors: vec![e(&format!("{rp}.key"), Invalid)],
                },
            ];
            if !req.values.is_empty() {
                muts.push(Mutation {
                    op: "topology/duplicate-value",
                    go,
                    apply: set(&values, twice),
                    errors: vec![e(&format!("{rp}.values[{}]", req.values.len()), Duplicate)],
                });
            }
            out.add(rp, Since::Always, muts);
        }
    }
}

/// A claim's label selector (`ValidatePersistentVolumeClaimSpec` → `ValidateLabelSelector`:
/// `ValidateLabels` of `matchLabels`, `ValidateLabelSelectorRequirement` of each expression,
/// invalid label values refused on create).
fn selector_sites(
    out: &mut Sites,
    p: &str,
    since: Since,
    selector: Option<&kvol_core::selector::LabelSelector>,
    g: &Get<Option<kvol_core::selector::LabelSelector>>,
) {
    use kvol_core::selector::{LabelSelector, SelectorOperator as Op};
    let go = "ValidateLabelSelector / ValidateLabelSelectorRequirement";
    let sp = format!("{p}.selector");
    let bad = LabelSelector {
        match_labels: [("example.com/k".to_owned(), "-bad".to_owned())].into(),
        match_expressions: vec![],
    };
    let mut muts = vec![Mutation {
        op: "claim-selector/bad-label-value",
        go,
        apply: set(g, Some(bad)),
        errors: vec![e(&format!("{sp}.matchLabels"), Invalid)],
    }];
    if let Some(sel) = selector {
        muts.push(accepted("claim-selector/removed-ok", go, set(g, None)));
        for (i, req) in sel.match_expressions.iter().enumerate() {
            let rp = format!("{sp}.matchExpressions[{i}]");
            let values = sub(g, move |s| {
                &mut s.as_mut().expect("a selector").match_expressions[i].values
            });
            let m = match req.operator {
                Op::In | Op::NotIn => Mutation {
                    op: "claim-selector/in-without-values",
                    go,
                    apply: set(&values, vec![]),
                    errors: vec![e(&format!("{rp}.values"), Required)],
                },
                Op::Exists | Op::DoesNotExist => Mutation {
                    op: "claim-selector/exists-with-values",
                    go,
                    apply: set(&values, vec!["x".to_owned()]),
                    errors: vec![e(&format!("{rp}.values"), Forbidden)],
                },
            };
            muts.push(m);
        }
    }
    out.add(sp, since, muts);
}

/// Every field the catalogue can mutate in `object`.
fn sites(object: &Object) -> Vec<Site> {
    let mut out = Sites(Vec::new());
    let a = Since::Always;
    match object {
        Object::PersistentVolumeClaim(c) => {
            let g = getter(|o| match o {
                Object::PersistentVolumeClaim(c) => c,
                _ => unreachable!(),
            });
            out.string(
                "metadata.name".into(),
                a,
                sub(&g, |c| &mut c.metadata.name),
                Str::MetaSubdomain,
            );
            if c.metadata.namespace.is_some() {
                out.string(
                    "metadata.namespace".into(),
                    a,
                    sub(&g, |c| c.metadata.namespace.as_mut().expect("a namespace")),
                    Str::Namespace,
                );
            }
            claim_spec_sites(
                &mut out,
                "spec",
                a,
                &c.spec,
                &sub(&g, |c| &mut c.spec),
                true,
            );
            meta_map_sites(
                &mut out,
                "metadata",
                &sub(&g, |c| &mut c.metadata.labels),
                &sub(&g, |c| &mut c.metadata.annotations),
                annotation_bytes(&c.metadata.annotations),
            );
        }
        Object::PersistentVolume(pv) => {
            let g = getter(|o| match o {
                Object::PersistentVolume(p) => p,
                _ => unreachable!(),
            });
            out.string(
                "metadata.name".into(),
                a,
                sub(&g, |c| &mut c.metadata.name),
                Str::MetaSubdomain,
            );
            pv_sites(&mut out, pv, &g);
            meta_map_sites(
                &mut out,
                "metadata",
                &sub(&g, |c| &mut c.metadata.labels),
                &sub(&g, |c| &mut c.metadata.annotations),
                annotation_bytes(&pv.metadata.annotations),
            );
        }
        Object::Pod(pod) => {
            let g = getter(|o| match o {
                Object::Pod(p) => p,
                _ => unreachable!(),
            });
            let ephemeral = pod
                .spec
                .volumes
                .iter()
                .enumerate()
                .filter(|(_, v)| matches!(v.source, VolumeSource::Ephemeral(_)))
                .map(|(i, v)| Ephemeral {
                    path: format!("spec.volumes[{i}].name"),
                    name: v.name.clone(),
                    mounts: mounts_of(&pod.spec, "spec", &v.name),
                })
                .collect();
            out.string(
                "metadata.name".into(),
                a,
                sub(&g, |c| &mut c.metadata.name),
                Str::PodName { ephemeral },
            );
            if pod.metadata.namespace.is_some() {
                out.string(
                    "metadata.namespace".into(),
                    a,
                    sub(&g, |c| c.metadata.namespace.as_mut().expect("a namespace")),
                    Str::Namespace,
                );
            }
            let go = "validateRestartPolicy";
            out.add(
                "spec.restartPolicy",
                a,
                vec![accepted(
                    "pod-restart-policy/never-ok",
                    go,
                    set(
                        &sub(&g, |p| &mut p.spec.restart_policy),
                        Some(RestartPolicy::Never),
                    ),
                )],
            );
            let go = "ValidatePodSpec (only warningsForPodSpecAndMeta looks at it)";
            out.add(
                "spec.terminationGracePeriodSeconds",
                a,
                vec![accepted(
                    "grace-period/negative-ok",
                    go,
                    set(
                        &sub(&g, |p| &mut p.spec.termination_grace_period_seconds),
                        Some(-1),
                    ),
                )],
            );
            pod_spec_sites(
                &mut out,
                "spec",
                a,
                &pod.spec,
                &sub(&g, |p| &mut p.spec),
                true,
                Some(&pod.metadata.name),
            );
            meta_map_sites(
                &mut out,
                "metadata",
                &sub(&g, |c| &mut c.metadata.labels),
                &sub(&g, |c| &mut c.metadata.annotations),
                annotation_bytes(&pod.metadata.annotations),
            );
        }
        Object::StatefulSet(sts) => {
            let g = getter(|o| match o {
                Object::StatefulSet(s) => s,
                _ => unreachable!(),
            });
            out.string(
                "metadata.name".into(),
                a,
                sub(&g, |c| &mut c.metadata.name),
                Str::MetaStatefulSet,
            );
            let go = "ValidateStatefulSetSpec (ValidateNonnegativeField)";
            let path = "spec.replicas";
            let muts = count_muts(
                path,
                &sub(&g, |s| &mut s.spec.replicas),
                "replicas/negative",
                "replicas/zero-ok",
                go,
                true,
            );
            out.add(path, a, muts);
            let path = "spec.minReadySeconds";
            let muts = count_muts(
                path,
                &sub(&g, |s| &mut s.spec.min_ready_seconds),
                "min-ready/negative",
                "min-ready/zero-ok",
                go,
                true,
            );
            out.add(path, a, muts);
            if sts.spec.ordinals_start.is_some() {
                let path = "spec.ordinals.start";
                let muts = count_muts(
                    path,
                    &sub(&g, |s| &mut s.spec.ordinals_start),
                    "ordinals-start/negative",
                    "ordinals-start/zero-ok",
                    go,
                    true,
                );
                out.add(path, a, muts);
            }
            if let Some(UpdateStrategy::RollingUpdate { .. }) = sts.spec.update_strategy {
                let path = "spec.updateStrategy.rollingUpdate.partition";
                let partition = sub(&g, |s| match s.spec.update_strategy.as_mut() {
                    Some(UpdateStrategy::RollingUpdate { partition, .. }) => partition,
                    _ => unreachable!("a rolling update"),
                });
                let muts = count_muts(
                    path,
                    &partition,
                    "partition/negative",
                    "partition/zero-ok",
                    go,
                    true,
                );
                out.add(path, a, muts);
            }
            let path = "spec.revisionHistoryLimit";
            let muts = count_muts(
                path,
                &sub(&g, |s| &mut s.spec.revision_history_limit),
                "history-limit/negative-ok",
                "history-limit/zero-ok",
                "ValidateStatefulSetSpec (revisionHistoryLimit is not checked)",
                false,
            );
            out.add(path, a, muts);
            // The selector (`ValidateStatefulSetSpec`): `ValidateLabelSelector`, non-empty, then
            // `LabelSelectorAsSelector`; only when that succeeds is the template validated
            // (`ValidatePodTemplateSpecForStatefulSet`: the selector must match its labels).
            let go = "ValidateStatefulSetSpec (ValidateLabelSelector, LabelSelectorAsSelector, \
                      ValidatePodTemplateSpecForStatefulSet)";
            let sel = sub(&g, |s| &mut s.spec.selector.match_labels);
            let add = |k: &'static str, v: &'static str| {
                let sel = sel.clone();
                Box::new(move |o: &mut Object| {
                    sel(o).insert(k.into(), v.into());
                }) as Box<dyn Fn(&mut Object)>
            };
            let mut muts = vec![
                Mutation {
                    op: "selector/label-not-in-template",
                    go,
                    apply: add("example.com/extra", "x"),
                    errors: vec![e("spec.template.metadata.labels", Invalid)],
                },
                Mutation {
                    // Invalid label value: the selector cannot be parsed either, and the
                    // template is then not validated.
                    op: "selector/bad-value",
                    go,
                    apply: add("example.com/extra", "-bad"),
                    errors: vec![
                        e("spec.selector.matchLabels", Invalid),
                        e("spec.selector", Invalid),
                    ],
                },
            ];
            if sts.spec.selector.match_expressions.is_empty() {
                muts.push(Mutation {
                    op: "selector/emptied",
                    go,
                    apply: set(&sel, BTreeMap::new()),
                    errors: vec![e("spec.selector", Invalid)],
                });
            }
            out.add("spec.selector", a, muts);
            let path = "spec.template.spec.restartPolicy";
            out.add(
                path,
                a,
                vec![Mutation {
                    op: "statefulset-restart-policy/never",
                    go: "ValidateStatefulSetSpec (restartPolicy must be Always)",
                    apply: set(
                        &sub(&g, |s| &mut s.spec.template.spec.restart_policy),
                        Some(RestartPolicy::Never),
                    ),
                    errors: vec![e(path, NotSupported)],
                }],
            );
            pod_spec_sites(
                &mut out,
                "spec.template.spec",
                Since::V134,
                &sts.spec.template.spec,
                &sub(&g, |s| &mut s.spec.template.spec),
                false,
                None,
            );
            for (i, t) in sts.spec.volume_claim_templates.iter().enumerate() {
                claim_spec_sites(
                    &mut out,
                    &format!("spec.volumeClaimTemplates[{i}].spec"),
                    Since::V134,
                    &t.spec,
                    &sub(&g, move |s| &mut s.spec.volume_claim_templates[i].spec),
                    false,
                );
            }
        }
        Object::StorageClass(sc) => {
            let g = getter(|o| match o {
                Object::StorageClass(s) => s,
                _ => unreachable!(),
            });
            out.string(
                "metadata.name".into(),
                a,
                sub(&g, |c| &mut c.metadata.name),
                Str::MetaSubdomain,
            );
            meta_map_sites(
                &mut out,
                "metadata",
                &sub(&g, |c| &mut c.metadata.labels),
                &sub(&g, |c| &mut c.metadata.annotations),
                annotation_bytes(&sc.metadata.annotations),
            );
            out.string(
                "provisioner".into(),
                a,
                sub(&g, |c| &mut c.provisioner),
                Str::Provisioner,
            );
            storage_class_sites(&mut out, sc, &g);
            let reclaim = sub(&g, |c| &mut c.reclaim_policy);
            let go = "validateStorageClassReclaimPolicy (Delete or Retain)";
            out.add(
                "reclaimPolicy",
                a,
                vec![
                    Mutation {
                        op: "class-reclaim/recycle",
                        go,
                        apply: set(&reclaim, Some(ReclaimPolicy::Recycle)),
                        errors: vec![e("reclaimPolicy", NotSupported)],
                    },
                    accepted("class-reclaim/removed-ok", go, set(&reclaim, None)),
                ],
            );
        }
        Object::Service(svc) => {
            let g = getter(|o| match o {
                Object::Service(s) => s,
                _ => unreachable!(),
            });
            out.string(
                "metadata.name".into(),
                a,
                sub(&g, |c| &mut c.metadata.name),
                Str::ServiceName,
            );
            meta_map_sites(
                &mut out,
                "metadata",
                &sub(&g, |c| &mut c.metadata.labels),
                &sub(&g, |c| &mut c.metadata.annotations),
                annotation_bytes(&svc.metadata.annotations),
            );
            for (i, p) in svc.spec.ports.iter().enumerate() {
                let path = format!("spec.ports[{i}].port");
                let mut muts = service_port_muts(
                    &path,
                    &sub(&g, move |s| &mut s.spec.ports[i].port),
                    p.target_port.is_none(),
                );
                // The boundary values must not collide with another port of the Service (that
                // is the Duplicate of validateServicePort, a different case).
                let taken = |n: i32| {
                    (svc.spec.ports.iter().enumerate())
                        .any(|(j, q)| j != i && q.port == n && q.protocol == p.protocol)
                };
                muts.retain(|m| !(m.op.ends_with("65535-ok") && taken(65535)));
                muts.retain(|m| !(m.op.ends_with("1-ok") && taken(1)));
                out.add(path, a, muts);
            }
        }
        // The second release's kinds (ConfigMap, Secret, Deployment, PodDisruptionBudget, the
        // snapshot CRDs, VolumeAttributesClass): not in the catalogue yet.
        _ => {}
    }
    out.0.retain(|s| !s.muts.is_empty());
    out.0
}

// ---------------------------------------------------------------------------------------------
// Cases and the comparison
// ---------------------------------------------------------------------------------------------

/// One mutated object with the server's expected verdict at every target.
struct Case {
    /// Where it came from: `set 12 PersistentVolumeClaim/data-0`.
    origin: String,
    /// The mutated field.
    path: String,
    op: &'static str,
    go: &'static str,
    since: Since,
    /// The object before the change.
    base: Rc<Object>,
    object: Object,
    /// The server's errors when it validates the field.
    errors: Vec<Expected>,
}

/// The API server's create-time warning that an accepted change must give (`Present`) or must
/// not give (`Absent`) at a path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Warned {
    Present(String),
    Absent(String),
}

impl Case {
    /// The server's warning about the changed field, for the operators that have one:
    /// `GetWarningsForPersistentVolumeClaimSpec` (pkg/api/persistentvolumeclaim/util.go, a
    /// request or limit whose `MilliValue()` is not a multiple of 1000: `1500m`, and `1Ei`,
    /// whose milli-value overflows int64 and wraps to a value that is not), `podStrategy.
    /// WarningsOnCreate` (a Pod name that is not a DNS label), `warningsForPodSpecAndMeta`
    /// (a negative `terminationGracePeriodSeconds`).
    fn warned(&self) -> Option<Warned> {
        let present = |p: &str| Some(Warned::Present(p.to_owned()));
        match self.op {
            "claim-request/fractional-bytes-ok" | "claim-request/huge-ok" => present(&self.path),
            "claim-limit/zero-ok" | "claim-limit/removed-ok" => {
                Some(Warned::Absent(self.path.clone()))
            }
            "grace-period/negative-ok" => present("spec.terminationGracePeriodSeconds"),
            "pod-name/dots" | "pod-name/253" => present("metadata.name"),
            _ => None,
        }
    }
}

impl Case {
    /// The server's errors at `target`.
    fn expected_at(&self, target: KubeVersion) -> Vec<Expected> {
        match self.since {
            Since::V134 if target.minor() < 34 => Vec::new(),
            Since::Until(last) if target.minor() > last => Vec::new(),
            _ => self.errors.clone(),
        }
    }
}

fn sorted(mut v: Vec<(String, &'static str)>) -> Vec<(String, &'static str)> {
    v.sort();
    v
}

/// kvol's errors that it reports as the API server's, at `target`.
fn kvol_server_errors(object: &Object, target: KubeVersion) -> Vec<(String, &'static str)> {
    let report = object.check_for(target);
    sorted(
        report
            .errors
            .iter()
            .filter(|e| e.source() == Source::ApiServer)
            .map(|e| (e.path.as_str().to_owned(), e.kind.as_str()))
            .collect(),
    )
}

/// What the case gets wrong at each target (empty: kvol agrees with the server everywhere).
fn disagreements(case: &Case) -> Vec<String> {
    let mut out = Vec::new();
    for target in KubeVersion::all() {
        let want = sorted(
            case.expected_at(target)
                .into_iter()
                .map(|(p, k)| (p, k.as_str()))
                .collect(),
        );
        let report = case.object.check_for(target);
        let got = kvol_server_errors(&case.object, target);
        if got != want {
            let detail: Vec<String> = report
                .errors
                .iter()
                .map(|e| format!("[{} {}] {e}", e.source(), e.rule))
                .collect();
            out.push(format!(
                "1.{}: server {:?}, kvol {:?}\n        kvol's errors: {}",
                target.minor(),
                want,
                got,
                detail.join("\n          ")
            ));
        }
        if want.is_empty() && !matches!(case.object, Object::StatefulSet(_)) {
            out.extend(
                warning_disagreements(case, target)
                    .into_iter()
                    .map(|p| format!("1.{}: {p}", target.minor())),
            );
        }
        for err in report.errors.iter().filter(|e| e.source() == Source::Kvol) {
            if err.rule.why().is_none() {
                out.push(format!(
                    "1.{}: kvol's own rule {} does not say why ({err})",
                    target.minor(),
                    err.rule
                ));
            }
        }
    }
    out
}

/// The API server's warnings kvol gives, by path (a multiset).
fn server_warnings(object: &Object, target: KubeVersion) -> Vec<String> {
    let mut v: Vec<String> = object
        .check_for(target)
        .warnings
        .iter()
        .filter(|w| w.source() == Source::ApiServer)
        .map(|w| w.path.as_str().to_owned())
        .collect();
    v.sort();
    v
}

/// For a change the server accepts: the server's warning about the changed field is there (or
/// not) as [`Case::warned`] says, and every other server warning is the same as before the
/// change. (Warnings of the changed field without an expectation are not compared.
/// StatefulSets are left out: when the server started to warn about their claim templates was
/// not established.)
fn warning_disagreements(case: &Case, target: KubeVersion) -> Vec<String> {
    let mut before = server_warnings(&case.base, target);
    let mut after = server_warnings(&case.object, target);
    let mut out = Vec::new();
    // The field's own warnings: at it, inside it, or at the item it belongs to (a duplicate
    // container port is warned at `ports[j]`).
    let item = case.path.rsplit_once('.').map(|(item, _)| item);
    // A changed port number may also duplicate another port of the pod, warned at the later
    // of the two (`warningsForPodSpecAndMeta`): port warnings are the field's too.
    let port = case.op.starts_with("container-port/");
    let own = |p: &String| {
        p == &case.path
            || p.starts_with(&format!("{}.", case.path))
            || Some(p.as_str()) == item
            || (port && p.contains(".ports[") && p.ends_with(']'))
    };
    match case.warned() {
        Some(Warned::Present(p)) if !after.contains(&p) => out.push(format!(
            "the server warns at {p}; kvol's server warnings: {after:?}"
        )),
        Some(Warned::Absent(p)) if after.contains(&p) => {
            out.push(format!("the server does not warn at {p}; kvol does"))
        }
        _ => {}
    }
    let expected_at = match case.warned() {
        Some(Warned::Present(p) | Warned::Absent(p)) => Some(p),
        None => None,
    };
    let other = |p: &String| !own(p) && Some(p) != expected_at.as_ref();
    before.retain(other);
    after.retain(other);
    if before != after {
        out.push(format!(
            "server warnings elsewhere changed: before {before:?}, after {after:?}"
        ));
    }
    out
}

/// splitmix64, for deterministic picks independent of proptest's generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn name_of(o: &Object) -> String {
    o.name().to_owned()
}

/// The corpus seed (the same as `corpus_valid.rs`).
const SEED: u64 = 0x6b76_6f6c;
/// Sets of the corpus used.
const SETS: u64 = 200;
/// Random mutations per object.
const PER_OBJECT: usize = 4;
/// Sets whose objects get every operator on every field.
const EXHAUSTIVE_SETS: u64 = 6;

/// What a run produced.
#[derive(Default)]
struct Run {
    cases: Vec<Case>,
    /// Objects whose unmutated form kvol already rejects as the server at some target.
    invalid_bases: Vec<String>,
    /// Offered operators (by id) and how often each was drawn.
    drawn: BTreeMap<&'static str, usize>,
}

fn make_cases(seed: u64, sets: u64, per_object: usize) -> Run {
    let mut run = Run::default();
    let mut rng = Rng(seed ^ 0x5eed_0f0b_1ec7);
    for index in 0..sets {
        let (result, _) = corpus::generate(seed, index);
        let objects = result.unwrap_or_else(|e| panic!("{e}"));
        for object in objects {
            let origin = format!("set {index} {}/{}", object.kind(), name_of(&object));
            if let Some(bad) = KubeVersion::all()
                .map(|t| (t, kvol_server_errors(&object, t)))
                .find(|(_, errs)| !errs.is_empty())
            {
                run.invalid_bases
                    .push(format!("{origin} at 1.{}: {:?}", bad.0.minor(), bad.1));
                continue;
            }
            let sites = sites(&object);
            if sites.is_empty() {
                // A kind the catalogue does not mutate (the second release's kinds).
                continue;
            }
            let base = Rc::new(object.clone());
            for site in &sites {
                for m in &site.muts {
                    run.drawn.entry(m.op).or_insert(0);
                }
            }
            // The first sets try every operator on every field (so that each operator of the
            // catalogue runs); the others draw `per_object` at random.
            let picks: Vec<(usize, usize)> = if index < EXHAUSTIVE_SETS {
                sites
                    .iter()
                    .enumerate()
                    .flat_map(|(i, s)| (0..s.muts.len()).map(move |j| (i, j)))
                    .collect()
            } else {
                let mut picks: Vec<(usize, usize)> = (0..per_object)
                    .map(|_| {
                        let i = rng.below(sites.len());
                        (i, rng.below(sites[i].muts.len()))
                    })
                    .collect();
                // An operator this object offers that no case has drawn yet is drawn here once,
                // so that every operator of the catalogue runs whatever the random stream.
                let mut first: Vec<&str> = Vec::new();
                for (i, site) in sites.iter().enumerate() {
                    for (j, m) in site.muts.iter().enumerate() {
                        let undrawn = run.drawn.get(m.op).is_none_or(|n| *n == 0);
                        if undrawn && !first.contains(&m.op) && !picks.contains(&(i, j)) {
                            first.push(m.op);
                            picks.push((i, j));
                        }
                    }
                }
                picks
            };
            for (i, j) in picks {
                let site = &sites[i];
                let m = &site.muts[j];
                *run.drawn.entry(m.op).or_insert(0) += 1;
                let mut mutated = object.clone();
                (m.apply)(&mut mutated);
                run.cases.push(Case {
                    base: base.clone(),
                    origin: origin.clone(),
                    path: site.path.clone(),
                    op: m.op,
                    go: m.go,
                    since: site.since,
                    object: mutated,
                    errors: m.errors.clone(),
                });
            }
        }
    }
    run
}

#[test]
fn kvol_gives_the_api_servers_verdict_on_random_single_field_mutations() {
    let run = make_cases(SEED, SETS, PER_OBJECT);
    assert!(
        run.invalid_bases.is_empty(),
        "{} generated objects are rejected before any mutation:\n  {}",
        run.invalid_bases.len(),
        run.invalid_bases.join("\n  ")
    );
    let mut failures = Vec::new();
    let mut by_op: BTreeMap<String, usize> = BTreeMap::new();
    let mut rejected = 0;
    let mut kvols_own = 0;
    for case in &run.cases {
        if !case.errors.is_empty() {
            rejected += 1;
        } else if KubeVersion::all().any(|t| {
            case.object
                .check_for(t)
                .errors
                .iter()
                .any(|e| e.source() == Source::Kvol)
        }) {
            // Accepted by the server, refused by kvol's own rules (at some target).
            kvols_own += 1;
        }
        let problems = disagreements(case);
        if !problems.is_empty() {
            *by_op
                .entry(format!("{} ({})", case.op, case.go))
                .or_default() += 1;
            failures.push(format!(
                "{} {} {}:\n      {}",
                case.origin,
                case.path,
                case.op,
                problems.join("\n      ")
            ));
        }
    }
    let never: Vec<&str> = run
        .drawn
        .iter()
        .filter(|(_, n)| **n == 0)
        .map(|(op, _)| *op)
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases disagree with the API server; by operator:\n  {}\nfirst cases:\n  {}",
        failures.len(),
        run.cases.len(),
        by_op
            .iter()
            .map(|(k, v)| format!("{v:5} {k}"))
            .collect::<Vec<_>>()
            .join("\n  "),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n  ")
    );
    assert!(
        never.is_empty(),
        "operators offered but never drawn: {never:?}"
    );
    println!(
        "{} single-field mutations ({} operators; {} rejected by the server at some target, {} \
         accepted by it but refused by kvol's own rules) agree with the API server at 1.30–1.37",
        run.cases.len(),
        run.drawn.len(),
        rejected,
        kvols_own
    );
}

#[test]
fn the_harness_notices_a_wrong_expectation() {
    let mut run = make_cases(SEED, 2, 2);
    let i = run
        .cases
        .iter()
        .position(|c| c.errors.is_empty())
        .expect("an accepted case");
    let mut case = run.cases.swap_remove(i);
    assert!(disagreements(&case).is_empty(), "{}", case.op);
    // The server would reject it: kvol's acceptance is then a disagreement at every target
    // (only from 1.34 for a StatefulSet template field).
    case.errors = vec![e(&case.path, Invalid)];
    let n = disagreements(&case).len();
    assert!(n >= 4, "{n} disagreements for a wrong expectation");
    // A rejected case with the wrong type or path.
    let mut run = make_cases(SEED, 4, 4);
    let mut case = run
        .cases
        .drain(..)
        .find(|c| !c.errors.is_empty() && c.since == Since::Always)
        .expect("a rejected case");
    assert!(disagreements(&case).is_empty(), "{}", case.op);
    case.errors[0].1 = if case.errors[0].1 == Invalid {
        Required
    } else {
        Invalid
    };
    assert_eq!(disagreements(&case).len(), 8, "wrong type");
    case.errors[0].0.push_str(".x");
    assert_eq!(disagreements(&case).len(), 8, "wrong path");
    // Version ranges count: a template field the server checks only from 1.34.
    let mut run = make_cases(SEED, 20, 4);
    let mut case = run
        .cases
        .drain(..)
        .find(|c| !c.errors.is_empty() && c.since == Since::V134)
        .expect("a StatefulSet template case");
    assert!(disagreements(&case).is_empty(), "{}", case.op);
    case.since = Since::Always;
    assert_eq!(disagreements(&case).len(), 4, "1.30–1.33 wrongly expected");
    // A missing server warning: the unchanged object where the change must draw one.
    let run = make_cases(SEED, 20, 4);
    let mut case = run
        .cases
        .into_iter()
        .find(|c| {
            matches!(c.warned(), Some(Warned::Present(p))
                if !server_warnings(&c.base, KubeVersion::DEFAULT).contains(&p))
        })
        .expect("a case that draws a warning");
    assert!(disagreements(&case).is_empty(), "{}", case.op);
    case.object = (*case.base).clone();
    assert_eq!(disagreements(&case).len(), 8, "{}: no warning", case.op);
}
