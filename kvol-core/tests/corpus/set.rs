//! One set of manifests from `(seed, index)`: a StorageClass, two PersistentVolumes, two claims
//! (one matched to the first volume), a Pod and a StatefulSet with its headless Service, all
//! built through the builder API and all expected to pass `build()`; then the second
//! release's kinds: the ConfigMaps, Secrets and VolumeSnapshots the set refers to (or their
//! declarations as external objects), a VolumeSnapshotClass, a Deployment with its
//! PodDisruptionBudget, a DaemonSet and, from Kubernetes 1.34, a VolumeAttributesClass that a claim names.
//!
//! Set `index` always features one pod volume source and one PersistentVolume source chosen
//! round-robin (so the first few dozen sets already contain every source and every hostPath
//! type); everything else is drawn from the strategies in `strategies.rs`.

use super::strategies as st;
use kvol_core::{
    AccessMode, AccessModes, ClassRef, Container, ContainerPort, KubeVersion, Manifests, Object,
    PersistentVolume, PersistentVolumeClaim, Pod, Protocol, PvcTemplate, Quantity, ReclaimPolicy,
    Report, Service, SourceInput, StatefulSet, StorageClass, Validate, VolumeMode, VolumeMount,
    VolumeSource,
    builder::{ContainerBuilder, PvcBuilder, PvcTemplateBuilder},
    container::{
        EnvFromSource, EnvVarSource, KeySelector, MountPropagationMode, PullPolicy,
        RecursiveReadOnlyMode, ResourceFieldSelector, TerminationMessagePolicy, VolumeDevice,
    },
    legacy::LegacySource,
    pod::RestartPolicy,
    probe::{LifecycleHandler, Probe},
    pv::{CsiPersistentVolume, PvSource, SecretReference},
    pvc::{TypedLocalObjectReference, TypedObjectReference},
    scheduling::{
        Affinity, DnsPolicy, NodeAffinity, NodeInclusionPolicy, PodAffinity, PodAffinityTerm,
        PreferredSchedulingTerm, TaintEffect, Toleration, TolerationOperator,
        TopologySpreadConstraint, UnsatisfiableConstraintAction, WeightedPodAffinityTerm,
    },
    security::{
        Capabilities, FsGroupChangePolicy, PodSecurityContext, SeccompProfile, SeccompProfileType,
        SecurityContext,
    },
    selector::{
        LabelSelector, LabelSelectorRequirement, NodeSelector, NodeSelectorOperator,
        NodeSelectorRequirement, NodeSelectorTerm, SelectorOperator, TopologyRequirement,
        TopologySelectorTerm, VolumeNodeAffinity,
    },
    service::{ServicePort, ServiceType, SessionAffinity, TargetPort, TrafficPolicy},
    statefulset::{
        IntOrPercent, PodManagementPolicy, RetentionAction, RetentionPolicy, UpdateStrategy,
    },
    storage_class::VolumeBindingMode,
    volume::{
        ConfigMapVolume, CsiVolume, DownwardApiFile, DownwardApiSource, DownwardApiVolume,
        EmptyDir, FileMode, HostPathType, KeyToPath, LocalObjectReference, ProjectedVolume,
        SecretVolume, StorageMedium, VolumeProjection,
    },
};
use kvol_core::{
    ConfigMap, DaemonSet, Deployment, PodDisruptionBudget, Secret, VolumeAttributesClass,
    VolumeSnapshot, VolumeSnapshotClass,
    config::secret_type,
    daemonset::DaemonSetUpdateStrategy,
    deployment::DeploymentStrategy,
    manifests::ExternalKind,
    pdb::UnhealthyPodEvictionPolicy,
    snapshot::{DeletionPolicy, SNAPSHOT_GROUP},
};
use proptest::{
    prelude::*,
    strategy::ValueTree,
    test_runner::{Config, RngAlgorithm, TestRng, TestRunner},
};
use std::{
    collections::{BTreeMap, BTreeSet},
    fmt,
};

/// Applies [`Settings`] to a Pod or StatefulSet builder.
macro_rules! apply_settings {
    ($b:ident, $s:expr) => {{
        let s: Settings = $s;
        let mut b = $b;
        if let Some(sc) = s.security {
            b = b.security_context(sc);
        }
        if let Some(a) = s.affinity {
            b = b.affinity(a);
        }
        for t in s.tolerations {
            b = b.toleration(t);
        }
        for c in s.spread {
            b = b.topology_spread(c);
        }
        if let Some(p) = s.priority_class {
            b = b.priority_class(p);
        }
        for p in s.pull_secrets {
            b = b.image_pull_secret(p);
        }
        if let Some(a) = s.automount {
            b = b.automount_service_account_token(a);
        }
        if let Some(d) = s.dns_policy {
            b = b.dns_policy(d);
        }
        if let Some(l) = s.service_links {
            b = b.enable_service_links(l);
        }
        b
    }};
}

/// Counters of what the generated sets contain (`kind/Pod`, `volume/hostPath:File`, …).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Counter name → count.
    pub counts: BTreeMap<String, u64>,
}

impl Stats {
    /// Adds one to `key`.
    pub fn bump(&mut self, key: impl Into<String>) {
        *self.counts.entry(key.into()).or_default() += 1;
    }
    /// Adds every counter of `other`.
    pub fn merge(&mut self, other: &Stats) {
        for (k, v) in &other.counts {
            *self.counts.entry(k.clone()).or_default() += v;
        }
    }
    /// The count of `key` (0 when never seen).
    pub fn get(&self, key: &str) -> u64 {
        self.counts.get(key).copied().unwrap_or(0)
    }
    /// The counters whose name starts with `prefix`.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, u64)> {
        self.counts
            .iter()
            .filter(move |(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.as_str(), *v))
    }
}

/// A generated object that kvol rejected: a generator bug or a kvol bug.
#[derive(Debug)]
pub struct SetError {
    /// The set's index.
    pub index: u64,
    /// The object's kind.
    pub kind: &'static str,
    /// The object's name.
    pub name: String,
    /// What `build()` said.
    pub report: Report,
}

impl fmt::Display for SetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "set {}: {} {:?} was rejected: {}",
            self.index, self.kind, self.name, self.report
        )
    }
}

/// Draws values from proptest strategies with an RNG seeded from `(seed, index)`, so a set
/// depends only on its seed and index (not on how many sets are generated, or in which order).
/// proptest's XorShift generator is deterministic on every platform and, unlike ChaCha, fast
/// in unoptimized builds.
pub struct Gen {
    runner: TestRunner,
    /// What this set contains.
    pub stats: Stats,
}

/// splitmix64: spreads `(seed, index)` over the RNG's 16-byte seed.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Gen {
    /// The generator of set `index` for `seed`.
    pub fn for_set(seed: u64, index: u64) -> Gen {
        let mut state = seed;
        let mixed = splitmix(&mut state) ^ index;
        let mut state = mixed;
        let mut bytes = [0u8; 16];
        for chunk in bytes.chunks_mut(8) {
            chunk.copy_from_slice(&splitmix(&mut state).to_le_bytes());
        }
        let config = Config {
            failure_persistence: None,
            ..Config::default()
        };
        let rng = TestRng::from_seed(RngAlgorithm::XorShift, &bytes);
        Gen {
            runner: TestRunner::new_with_rng(config, rng),
            stats: Stats::default(),
        }
    }

    /// One value of `strategy`.
    pub fn draw<S: Strategy>(&mut self, strategy: S) -> S::Value {
        match strategy.new_tree(&mut self.runner) {
            Ok(tree) => tree.current(),
            Err(reason) => panic!("strategy rejected every value: {reason}"),
        }
    }
    fn chance(&mut self, p: f64) -> bool {
        self.draw(proptest::bool::weighted(p))
    }
    fn upto(&mut self, max: usize) -> usize {
        self.draw(0..=max)
    }
    fn pick<T: Clone + fmt::Debug + 'static>(&mut self, items: &[T]) -> T {
        self.draw(proptest::sample::select(items.to_vec()))
    }
    fn label(&mut self, max: usize) -> String {
        let s = self.draw(st::dns1123_label(max));
        if s.len() == 63 {
            self.stats.bump("limit/dns1123-label-63");
        }
        s
    }
    fn dns1035(&mut self) -> String {
        let s = self.draw(st::dns1035_label(63));
        if s.len() == 63 {
            self.stats.bump("limit/dns1035-label-63");
        }
        s
    }
    fn subdomain(&mut self, max: usize) -> String {
        let s = self.draw(st::dns1123_subdomain(max));
        if s.len() == 253 {
            self.stats.bump("limit/dns1123-subdomain-253");
        }
        s
    }
    fn port_name(&mut self) -> String {
        let s = self.draw(st::port_name());
        if s.len() == 15 {
            self.stats.bump("limit/port-name-15");
        }
        s
    }
    fn hostile(&mut self) -> String {
        self.stats.bump("hostile-strings");
        self.draw(st::hostile())
    }
    fn hostile_nonempty(&mut self) -> String {
        self.stats.bump("hostile-strings");
        self.draw(st::hostile_nonempty())
    }
    /// Mostly a plain name, sometimes a hostile (non-empty) string: for fields that are only
    /// required (legacy volume IDs, NFS servers, CSI volume handles).
    fn plain_or_hostile(&mut self) -> String {
        if self.chance(0.25) {
            self.hostile_nonempty()
        } else {
            self.subdomain(40)
        }
    }
    fn positive_quantity(&mut self) -> Quantity {
        let (text, suffix) = self.draw(st::positive_quantity());
        self.quantity(&text, suffix)
    }
    fn nonnegative_quantity(&mut self) -> Quantity {
        let (text, suffix) = self.draw(st::nonnegative_quantity());
        self.quantity(&text, suffix)
    }
    fn quantity(&mut self, text: &str, suffix: &str) -> Quantity {
        let key = if suffix.is_empty() { "none" } else { suffix };
        self.stats.bump(format!("quantity-suffix/{key}"));
        text.parse()
            .unwrap_or_else(|e| panic!("generator bug: {text:?} is not a quantity: {e}"))
    }
    fn labels(&mut self, max: usize) -> BTreeMap<String, String> {
        let n = self.upto(max);
        (0..n)
            .map(|_| {
                (
                    self.draw(st::qualified_name()),
                    self.draw(st::label_value()),
                )
            })
            .collect()
    }
    fn annotations(&mut self, max: usize) -> BTreeMap<String, String> {
        let n = self.upto(max);
        (0..n)
            .map(|_| (self.draw(st::qualified_name()), self.hostile()))
            .collect()
    }
    fn access_modes(&mut self) -> AccessModes {
        let combos = access_mode_combos();
        let modes = self.pick(&combos);
        self.stats.bump(format!("access-modes/{modes}"));
        modes
    }
}

/// Every valid access-mode set: each non-empty subset of RWO/ROX/RWX, and RWOP alone.
pub fn access_mode_combos() -> Vec<AccessModes> {
    let plain = [
        AccessMode::ReadWriteOnce,
        AccessMode::ReadOnlyMany,
        AccessMode::ReadWriteMany,
    ];
    let mut out: Vec<AccessModes> = (1u8..8)
        .map(|bits| {
            (0..3)
                .filter(|i| bits & (1 << i) != 0)
                .map(|i| plain[i])
                .collect()
        })
        .collect();
    out.push(AccessModes::from(AccessMode::ReadWriteOncePod));
    out
}

/// Names unique within one list (volumes, containers, claim templates): a clash is renamed.
#[derive(Default)]
struct Unique(BTreeSet<String>);

impl Unique {
    fn take(&mut self, name: String, fallback_prefix: &str) -> String {
        let mut name = name;
        let mut n = self.0.len();
        while self.0.contains(&name) {
            name = format!("{fallback_prefix}{n}");
            n += 1;
        }
        self.0.insert(name.clone());
        name
    }
}

/// The pod volume sources, featured round-robin.
pub const POD_SOURCES: [&str; 10] = [
    "emptyDir",
    "hostPath",
    "nfs",
    "persistentVolumeClaim",
    "configMap",
    "secret",
    "downwardAPI",
    "csi",
    "ephemeral",
    "projected",
];

/// The PersistentVolume sources, featured round-robin: hostPath with each type and without,
/// local, nfs, csi, iscsi with each name format, and each legacy plugin.
pub const PV_SOURCES: usize = 8 + 4 + 3 + 10;

/// What pod volumes can refer to.
struct PodContext {
    claims: Vec<String>,
    containers: Vec<String>,
    /// Classes that provision claims dynamically (for ephemeral volumes).
    classes: Vec<ClassRef>,
}

fn empty_dir(g: &mut Gen, variant: usize) -> SourceInput {
    let (medium, size) = match variant % 5 {
        0 => (None, None),
        1 => (Some(StorageMedium::Memory), None),
        2 => (None, Some(g.nonnegative_quantity())),
        3 => (Some(StorageMedium::Memory), Some(g.nonnegative_quantity())),
        _ => (Some(StorageMedium::HugePages), None),
    };
    let key = match (&medium, &size) {
        (None, None) => "emptyDir",
        (Some(StorageMedium::Memory), None) => "emptyDir:Memory",
        (None, Some(_)) => "emptyDir:sizeLimit",
        (Some(StorageMedium::Memory), Some(_)) => "emptyDir:Memory+sizeLimit",
        _ => "emptyDir:HugePages",
    };
    g.stats.bump(format!("volume/{key}"));
    VolumeSource::EmptyDir(EmptyDir {
        medium,
        size_limit: size,
    })
    .into()
}

fn host_path_type(variant: usize) -> Option<HostPathType> {
    HostPathType::ALL.get(variant % 8).copied()
}

fn items(g: &mut Gen) -> Vec<KeyToPath> {
    let n = g.upto(3);
    let mut paths = Unique::default();
    (0..n)
        .map(|j| {
            let path = g.draw(st::relative_path());
            KeyToPath {
                key: g.draw(st::config_map_key()),
                mode: g.chance(0.5).then(|| FileMode(g.draw(st::file_mode()))),
                path: paths.take(path, &format!("item{j}-")),
            }
        })
        .collect()
}

fn downward_items(g: &mut Gen, ctx: &PodContext) -> Vec<DownwardApiFile> {
    let n = 1 + g.upto(3);
    let mut paths = Unique::default();
    (0..n)
        .map(|j| {
            let path = g.draw(st::relative_path());
            let source = if g.chance(0.6) {
                let field = match g.upto(6) {
                    0 => "metadata.name".to_owned(),
                    1 => "metadata.namespace".to_owned(),
                    2 => "metadata.labels".to_owned(),
                    3 => "metadata.annotations".to_owned(),
                    4 => "metadata.uid".to_owned(),
                    5 => format!("metadata.labels['{}']", g.draw(st::qualified_name())),
                    _ => format!("metadata.annotations['{}']", g.draw(st::qualified_name())),
                };
                g.stats.bump("downwardAPI/fieldRef");
                DownwardApiSource::Field(field)
            } else {
                const CPU: &[&str] = &["1m", "1"];
                const BYTES: &[&str] = &[
                    "1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi",
                    "1Ei",
                ];
                let resource = g.pick(&[
                    "limits.cpu",
                    "requests.cpu",
                    "limits.memory",
                    "requests.memory",
                    "limits.ephemeral-storage",
                    "requests.ephemeral-storage",
                    "limits.hugepages-2Mi",
                    "requests.hugepages-1Gi",
                ]);
                let divisors = if resource.ends_with(".cpu") {
                    CPU
                } else {
                    BYTES
                };
                let divisor = g
                    .chance(0.6)
                    .then(|| g.pick(divisors).parse().expect("divisor"));
                g.stats.bump("downwardAPI/resourceFieldRef");
                DownwardApiSource::Resource {
                    container_name: g.pick(&ctx.containers),
                    resource: resource.to_owned(),
                    divisor,
                }
            };
            DownwardApiFile {
                path: paths.take(path, &format!("file{j}-")),
                mode: g.chance(0.4).then(|| FileMode(g.draw(st::file_mode()))),
                source,
            }
        })
        .collect()
}

fn csi_driver(g: &mut Gen) -> String {
    // At most 63 bytes, a DNS-1123 subdomain once lower-cased (upper case is accepted).
    let driver = match g.upto(3) {
        0 => "secrets-store.csi.k8s.io".to_owned(),
        1 => "Secrets-Store.CSI.k8s.io".to_owned(),
        _ => g.subdomain(63),
    };
    if driver.len() == 63 {
        g.stats.bump("limit/csi-driver-63");
    }
    driver
}

fn string_map(g: &mut Gen, max: usize) -> BTreeMap<String, String> {
    let n = g.upto(max);
    (0..n).map(|_| (g.hostile(), g.hostile())).collect()
}

/// A claim's spec before it is applied to a `PvcBuilder` or a `PvcTemplateBuilder`.
#[derive(Debug, Clone)]
struct ClaimPlan {
    modes: AccessModes,
    request: Quantity,
    limit: Option<Quantity>,
    class: ClassRef,
    volume_mode: Option<VolumeMode>,
    volume_name: Option<String>,
    selector: Option<LabelSelector>,
    data_source: Option<TypedLocalObjectReference>,
    data_source_ref: Option<TypedObjectReference>,
    labels: BTreeMap<String, String>,
    annotations: BTreeMap<String, String>,
}

macro_rules! apply_claim {
    ($b:expr, $plan:expr) => {{
        let plan: ClaimPlan = $plan;
        let mut b = $b.access_modes(plan.modes).request(plan.request);
        if let Some(limit) = plan.limit {
            b = b.limit(limit);
        }
        b = match plan.class {
            ClassRef::ClusterDefault => b,
            ClassRef::NoClass => b.no_storage_class(),
            ClassRef::Named(n) => b.storage_class(n),
        };
        if let Some(m) = plan.volume_mode {
            b = b.volume_mode(m);
        }
        if let Some(n) = plan.volume_name {
            b = b.volume_name(n);
        }
        if let Some(s) = plan.selector {
            b = b.selector(s);
        }
        if let Some(d) = plan.data_source {
            b = b.data_source(d);
        }
        if let Some(d) = plan.data_source_ref {
            b = b.data_source_ref(d);
        }
        for (k, v) in plan.labels {
            b = b.label(k, v);
        }
        for (k, v) in plan.annotations {
            b = b.annotation(k, v);
        }
        b
    }};
}

fn volume_mode(g: &mut Gen) -> Option<VolumeMode> {
    g.pick(&[None, Some(VolumeMode::Filesystem), Some(VolumeMode::Block)])
}

/// A label selector that `labels` satisfy, with `matchLabels` and every `matchExpressions`
/// operator: `In` a value it has, `NotIn` values it does not have, `Exists` a key it has,
/// `DoesNotExist` a key it lacks.
fn matching_selector(g: &mut Gen, labels: &BTreeMap<String, String>) -> LabelSelector {
    let pairs: Vec<(String, String)> = labels.clone().into_iter().collect();
    let mut match_labels = BTreeMap::new();
    let mut match_expressions = Vec::new();
    for _ in 0..1 + g.upto(2) {
        let operator = g.pick(&[
            None,
            Some(SelectorOperator::In),
            Some(SelectorOperator::NotIn),
            Some(SelectorOperator::Exists),
            Some(SelectorOperator::DoesNotExist),
        ]);
        let present = (!pairs.is_empty()).then(|| g.pick(&pairs));
        let absent = |g: &mut Gen| loop {
            let key = g.draw(st::qualified_name());
            if !labels.contains_key(&key) {
                break key;
            }
        };
        let other_value = |g: &mut Gen, not: &str| loop {
            let v = g.draw(st::label_value());
            if v != not {
                break v;
            }
        };
        use SelectorOperator::{DoesNotExist, Exists, In, NotIn};
        let (key, operator, values) = match (operator, present) {
            (None, Some((k, v))) => {
                match_labels.insert(k, v);
                continue;
            }
            (Some(In), Some((k, v))) => {
                let other = other_value(g, &v);
                (k, In, vec![other, v])
            }
            (Some(NotIn), Some((k, v))) => (k, NotIn, vec![other_value(g, &v)]),
            (Some(NotIn), None) => (absent(g), NotIn, vec![g.draw(st::label_value())]),
            (Some(Exists), Some((k, _))) => (k, Exists, Vec::new()),
            _ => (absent(g), DoesNotExist, Vec::new()),
        };
        g.stats.bump(format!("selector-operator/{operator:?}"));
        match_expressions.push(LabelSelectorRequirement {
            key,
            operator,
            values,
        });
    }
    LabelSelector {
        match_expressions,
        match_labels,
    }
}

/// A claim that the cluster provisions dynamically (StatefulSet templates, ephemeral volumes,
/// the second claim): a class from `classes` (each provisions, `ClusterDefault` only when the
/// set has or declares a default class), no selector and no `volumeName`; data sources of every
/// shape.
fn random_claim(g: &mut Gen, classes: &[ClassRef]) -> ClaimPlan {
    let modes = g.access_modes();
    let request = g.positive_quantity();
    let limit = g.chance(0.3).then(|| request.clone());
    let class = g.pick(classes);
    g.stats.bump(match class {
        ClassRef::ClusterDefault => "claim-class/(unset: default)",
        ClassRef::NoClass => "claim-class/\"\"",
        ClassRef::Named(_) => "claim-class/named",
    });
    let (data_source, data_source_ref) = match g.upto(5) {
        0 => (
            Some(TypedLocalObjectReference {
                api_group: None,
                kind: "PersistentVolumeClaim".into(),
                name: g.subdomain(253),
            }),
            None,
        ),
        1 => (
            Some(TypedLocalObjectReference {
                api_group: Some("snapshot.storage.k8s.io".into()),
                kind: "VolumeSnapshot".into(),
                name: g.subdomain(60),
            }),
            None,
        ),
        2 => {
            let name = g.subdomain(60);
            (
                Some(TypedLocalObjectReference {
                    api_group: Some("snapshot.storage.k8s.io".into()),
                    kind: "VolumeSnapshot".into(),
                    name: name.clone(),
                }),
                Some(TypedObjectReference {
                    api_group: Some("snapshot.storage.k8s.io".into()),
                    kind: "VolumeSnapshot".into(),
                    name,
                    namespace: None,
                }),
            )
        }
        3 => {
            let api_group = Some(g.subdomain(60));
            let name = g.subdomain(60);
            // A namespaced dataSourceRef is dropped by the API server on create while
            // CrossNamespaceVolumeDataSource is off (every target), and kvol refuses it: the
            // namespace is still drawn, so that the sets of a seed stay the same.
            let _dropped_namespace = g.chance(0.5).then(|| g.label(63));
            (
                None,
                Some(TypedObjectReference {
                    api_group,
                    kind: "Populator".into(),
                    name,
                    namespace: None,
                }),
            )
        }
        _ => (None, None),
    };
    ClaimPlan {
        modes,
        request,
        limit,
        class,
        volume_mode: volume_mode(g),
        volume_name: None,
        selector: None,
        data_source,
        data_source_ref,
        labels: g.labels(2),
        annotations: g.annotations(2),
    }
}

fn claim_template(g: &mut Gen, name: String, classes: &[ClassRef]) -> PvcTemplateBuilder {
    let plan = random_claim(g, classes);
    apply_claim!(PvcTemplate::builder(name), plan)
}

fn pod_volume(g: &mut Gen, kind: usize, variant: usize, ctx: &PodContext) -> SourceInput {
    let key = POD_SOURCES[kind % POD_SOURCES.len()];
    match key {
        "emptyDir" => return empty_dir(g, variant),
        "hostPath" => {
            let t = host_path_type(variant);
            g.stats.bump(format!(
                "volume/hostPath:{}",
                t.map_or("(no type)", HostPathType::as_str)
            ));
            return VolumeSource::host_path(g.draw(st::absolute_path()), t).into();
        }
        _ => {}
    }
    g.stats.bump(format!("volume/{key}"));
    match key {
        "nfs" => {
            let server = g.plain_or_hostile();
            VolumeSource::nfs(server, g.draw(st::nfs_path()), g.chance(0.5)).into()
        }
        "persistentVolumeClaim" => VolumeSource::claim(g.pick(&ctx.claims), g.chance(0.5)).into(),
        "configMap" => VolumeSource::ConfigMap(ConfigMapVolume {
            default_mode: g.chance(0.5).then(|| FileMode(g.draw(st::file_mode()))),
            items: items(g),
            name: g.subdomain(253),
            optional: g.pick(&[None, Some(true), Some(false)]),
        })
        .into(),
        "secret" => VolumeSource::Secret(SecretVolume {
            default_mode: g.chance(0.5).then(|| FileMode(g.draw(st::file_mode()))),
            items: items(g),
            optional: g.pick(&[None, Some(true), Some(false)]),
            secret_name: g.subdomain(253),
        })
        .into(),
        "downwardAPI" => VolumeSource::DownwardApi(DownwardApiVolume {
            default_mode: g.chance(0.5).then(|| FileMode(g.draw(st::file_mode()))),
            items: downward_items(g, ctx),
        })
        .into(),
        "csi" => VolumeSource::Csi(CsiVolume {
            driver: csi_driver(g),
            fs_type: g.chance(0.3).then(|| g.pick(&["ext4", "xfs"]).to_owned()),
            node_publish_secret_ref: g.chance(0.4).then(|| LocalObjectReference {
                name: g.subdomain(253),
            }),
            read_only: g.pick(&[None, Some(true), Some(false)]),
            volume_attributes: string_map(g, 3),
        })
        .into(),
        "projected" => projected(g, ctx),
        _ => {
            let name = g.label(63);
            let template = claim_template(g, name, &ctx.classes);
            VolumeSource::ephemeral_claim(template).into()
        }
    }
}

/// Containers with unique names and ports, mounting some of `volumes`.
struct ContainerPlan {
    names: Vec<String>,
}

fn plan_containers(g: &mut Gen, count: usize) -> ContainerPlan {
    let mut unique = Unique::default();
    ContainerPlan {
        names: (0..count)
            .map(|_| {
                let name = g.label(63);
                unique.take(name, "c")
            })
            .collect(),
    }
}

struct PortPool {
    names: Unique,
    numbers: BTreeSet<(i32, &'static str)>,
}

fn container(
    g: &mut Gen,
    name: &str,
    mountable: &[String],
    ports: &mut PortPool,
    with_ports: bool,
) -> ContainerBuilder {
    let image = g.pick(st::IMAGES);
    let mut c = Container::builder(name, image);
    if with_ports {
        for _ in 0..g.upto(3) {
            let protocol = g.pick(&[Protocol::TCP, Protocol::UDP, Protocol::SCTP]);
            let proto_name = match protocol {
                Protocol::TCP => "TCP",
                Protocol::UDP => "UDP",
                Protocol::SCTP => "SCTP",
            };
            let number = g.pick(&[1, 80, 443, 8080, 65535, 0]);
            let number = if number == 0 {
                g.draw(1i32..=65535)
            } else {
                number
            };
            if !ports.numbers.insert((number, proto_name)) {
                continue;
            }
            let port_name = g.chance(0.7).then(|| {
                let n = g.port_name();
                let fallback = format!("p{}", ports.names.0.len());
                ports.names.take(n, &fallback[..fallback.len().min(15)])
            });
            // Host ports are unique like the container ports, so they never conflict.
            let host_port = g.chance(0.1).then_some(number);
            if host_port.is_some() {
                g.stats.bump("container/hostPort");
            }
            c = c.port_with(ContainerPort {
                container_port: number,
                host_port,
                name: port_name,
                protocol,
            });
        }
    }
    let mut paths = Unique::default();
    for v in mountable {
        if !g.chance(0.7) {
            continue;
        }
        let path = g.draw(st::absolute_path());
        let mount_path = paths.take(path, "/mnt/m");
        let sub_path = g.chance(0.3).then(|| g.draw(st::relative_path()));
        let read_only = g.chance(0.4);
        let mut mount = VolumeMount {
            mount_path,
            name: v.clone(),
            read_only,
            sub_path,
            ..Default::default()
        };
        if mount.sub_path.is_none() && g.chance(0.1) {
            g.stats.bump("container/subPathExpr");
            mount.sub_path_expr = Some("$(HOSTNAME)".into());
        }
        if read_only && g.chance(0.2) {
            g.stats.bump("container/recursiveReadOnly");
            mount.recursive_read_only = Some(RecursiveReadOnlyMode::IfPossible);
        } else if g.chance(0.1) {
            g.stats.bump("container/mountPropagation");
            mount.mount_propagation = Some(MountPropagationMode::HostToContainer);
        }
        c = c.mount_with(mount);
    }
    for _ in 0..g.upto(3) {
        c = c.env(g.draw(st::env_name()), g.hostile());
    }
    if g.chance(0.5) {
        let n = g.upto(3);
        c = c.command((0..n).map(|_| g.hostile()).collect::<Vec<_>>());
    }
    if g.chance(0.5) {
        let n = g.upto(3);
        c = c.args((0..n).map(|_| g.hostile()).collect::<Vec<_>>());
    }
    container_fields(g, c, !with_ports)
}

/// The second release's container fields: pull policy, working directory, environment sources,
/// resources, probes, hooks, security context, mount options, host ports and sidecars.
fn container_fields(g: &mut Gen, mut c: ContainerBuilder, init: bool) -> ContainerBuilder {
    let q = |s: &str| s.parse::<Quantity>().expect("a valid test quantity");
    if g.chance(0.3) {
        let policy = g.pick(&[
            PullPolicy::Always,
            PullPolicy::IfNotPresent,
            PullPolicy::Never,
        ]);
        g.stats.bump(format!("container/imagePullPolicy:{policy}"));
        c = c.image_pull_policy(policy);
    }
    if g.chance(0.2) {
        c = c.working_dir(g.draw(st::absolute_path()));
    }
    if g.chance(0.3) {
        let source = match g.upto(3) {
            0 => EnvVarSource {
                secret_key_ref: Some(KeySelector {
                    optional: g.chance(0.5).then_some(true),
                    ..KeySelector::new(g.label(30), g.label(30))
                }),
                ..Default::default()
            },
            1 => EnvVarSource::config_map_key(g.label(30), g.label(30)),
            2 => EnvVarSource::field(g.pick(&[
                "metadata.name",
                "metadata.namespace",
                "status.podIP",
                "spec.nodeName",
                "spec.serviceAccountName",
            ])),
            _ => EnvVarSource {
                resource_field_ref: Some(ResourceFieldSelector {
                    container_name: None,
                    divisor: Some(q("1Mi")),
                    resource: "limits.memory".into(),
                }),
                ..Default::default()
            },
        };
        let kind = if source.secret_key_ref.is_some() {
            "secretKeyRef"
        } else if source.config_map_key_ref.is_some() {
            "configMapKeyRef"
        } else if source.field_ref.is_some() {
            "fieldRef"
        } else {
            "resourceFieldRef"
        };
        g.stats.bump(format!("container/env:{kind}"));
        c = c.env_from_source(g.draw(st::env_name()), source);
    }
    if g.chance(0.2) {
        let mut source = if g.chance(0.5) {
            EnvFromSource::config_map(g.label(30))
        } else {
            EnvFromSource::secret(g.label(30))
        };
        if g.chance(0.5) {
            source.prefix = Some("APP_".into());
        }
        g.stats.bump("container/envFrom");
        c = c.env_from(source);
    }
    if g.chance(0.4) {
        let cpu = g.pick(&["100m", "250m", "500m", "1", "2"]);
        let memory = g.pick(&["64Mi", "128Mi", "512Mi", "1Gi"]);
        c = c.request("cpu", q(cpu)).request("memory", q(memory));
        if g.chance(0.5) {
            c = c.limit("memory", q(memory)).limit("cpu", q("2"));
        }
        if g.chance(0.3) {
            c = c
                .request("ephemeral-storage", q("1Gi"))
                .limit("ephemeral-storage", q("2Gi"));
        }
        if g.chance(0.2) {
            g.stats.bump("container/resources:hugepages");
            c = c.limit("hugepages-2Mi", q("64Mi"));
        }
        if g.chance(0.2) {
            g.stats.bump("container/resources:extended");
            c = c.limit("example.com/widget", q("1"));
        }
        g.stats.bump("container/resources");
    }
    let sidecar = init && g.chance(0.5);
    if sidecar {
        g.stats.bump("container/sidecar");
        c = c.sidecar();
    }
    if !init || sidecar {
        let port = g.draw(1i32..=65535);
        if g.chance(0.4) {
            let probe = match g.upto(3) {
                0 => Probe::exec(["cat", "/tmp/healthy"]),
                1 => Probe::http_get(g.draw(st::absolute_path()), port),
                2 => Probe::tcp_socket(port),
                _ => Probe::grpc(port),
            };
            let probe = probe
                .initial_delay(g.draw(0i32..=60))
                .period(g.draw(1i32..=30))
                .timeout(g.draw(1i32..=10))
                .failure_threshold(g.draw(1i32..=10));
            g.stats.bump("container/livenessProbe");
            c = c.liveness(probe);
        }
        if g.chance(0.4) {
            g.stats.bump("container/readinessProbe");
            c = c.readiness(Probe::tcp_socket(port).success_threshold(g.draw(1i32..=3)));
        }
        if g.chance(0.2) {
            g.stats.bump("container/startupProbe");
            c = c.startup(Probe::exec(["true"]).failure_threshold(30));
        }
        if g.chance(0.2) {
            g.stats.bump("container/lifecycle");
            c = c
                .post_start(LifecycleHandler::exec(["sh", "-c", "echo started"]))
                .pre_stop(LifecycleHandler::http_get("/quit", port));
        }
    }
    if g.chance(0.3) {
        let context = if g.chance(0.8) {
            SecurityContext {
                allow_privilege_escalation: Some(false),
                capabilities: Some(Capabilities {
                    add: vec!["NET_BIND_SERVICE".into()],
                    drop: vec!["ALL".into()],
                }),
                read_only_root_filesystem: Some(g.chance(0.5)),
                run_as_group: Some(g.draw(0i64..=65535)),
                run_as_non_root: Some(true),
                run_as_user: Some(g.draw(1i64..=65535)),
                seccomp_profile: Some(SeccompProfile::runtime_default()),
                ..Default::default()
            }
        } else {
            SecurityContext {
                privileged: Some(true),
                ..Default::default()
            }
        };
        g.stats.bump("container/securityContext");
        c = c.security_context(context);
    }
    if g.chance(0.2) {
        c = c.termination_message_policy(TerminationMessagePolicy::FallbackToLogsOnError);
    }
    c
}

/// Node affinity: random terms (every operator), or `kubernetes.io/hostname In [...]`.
fn node_affinity(g: &mut Gen) -> VolumeNodeAffinity {
    let terms = 1 + g.upto(1);
    let node_selector_terms = (0..terms)
        .map(|_| {
            let n = 1 + g.upto(2);
            let match_expressions = (0..n)
                .map(|_| {
                    let operator = g.pick(&[
                        NodeSelectorOperator::In,
                        NodeSelectorOperator::NotIn,
                        NodeSelectorOperator::Exists,
                        NodeSelectorOperator::DoesNotExist,
                        NodeSelectorOperator::Gt,
                        NodeSelectorOperator::Lt,
                    ]);
                    g.stats.bump(format!("node-selector-operator/{operator:?}"));
                    let values = match operator {
                        NodeSelectorOperator::In | NodeSelectorOperator::NotIn => {
                            let k = 1 + g.upto(2);
                            (0..k).map(|_| g.draw(st::label_value())).collect()
                        }
                        NodeSelectorOperator::Gt | NodeSelectorOperator::Lt => {
                            vec![g.draw(0i64..1_000_000).to_string()]
                        }
                        _ => Vec::new(),
                    };
                    NodeSelectorRequirement {
                        key: g.draw(st::qualified_name()),
                        operator,
                        values,
                    }
                })
                .collect();
            NodeSelectorTerm {
                match_fields: Vec::new(),
                match_expressions,
            }
        })
        .collect();
    VolumeNodeAffinity {
        required: NodeSelector {
            node_selector_terms,
        },
    }
}

fn iqn(g: &mut Gen, variant: usize) -> String {
    const ALNUM: &[u8] = b"0123456789ABCDEFabcdefXYZ";
    let alnum = |g: &mut Gen, n: usize| -> String {
        (0..n)
            .map(|_| char::from(ALNUM[g.upto(ALNUM.len() - 1)]))
            .collect()
    };
    match variant % 3 {
        0 => {
            g.stats.bump("pv/iscsi:iqn");
            format!(
                "iqn.{:04}-{:02}.{}:{}",
                g.draw(1990u32..=2099),
                g.draw(1u32..=12),
                g.subdomain(30),
                g.label(20)
            )
        }
        1 => {
            g.stats.bump("pv/iscsi:eui");
            format!("eui.{}", alnum(g, 16))
        }
        _ => {
            g.stats.bump("pv/iscsi:naa");
            format!("naa.{}", alnum(g, 32))
        }
    }
}

fn legacy_source(g: &mut Gen, variant: usize) -> LegacySource {
    let fs_type = |g: &mut Gen| {
        g.chance(0.4)
            .then(|| g.pick(&["ext4", "xfs", "ntfs"]).to_owned())
    };
    let partition = |g: &mut Gen| g.chance(0.4).then(|| g.pick(&[0, 1, 255, 7]));
    let monitors = |g: &mut Gen| {
        let n = 1 + g.upto(2);
        (0..n)
            .map(|_| format!("10.0.0.{}:6789", g.draw(1u8..=254)))
            .collect::<Vec<_>>()
    };
    match variant % 10 {
        0 => LegacySource::GcePersistentDisk {
            pd_name: g.plain_or_hostile(),
            fs_type: fs_type(g),
            partition: partition(g),
            read_only: g.chance(0.5),
        },
        1 => LegacySource::AwsElasticBlockStore {
            volume_id: g.plain_or_hostile(),
            fs_type: fs_type(g),
            partition: partition(g),
            read_only: g.chance(0.5),
        },
        2 => LegacySource::AzureDisk {
            disk_name: g.plain_or_hostile(),
            // The API server defaults `kind` to Shared, which requires an https:// URI.
            disk_uri: format!(
                "https://{}.blob.core.windows.net/vhds/{}.vhd",
                g.label(20),
                g.label(20)
            ),
            fs_type: fs_type(g),
            read_only: g.chance(0.5),
        },
        3 => LegacySource::AzureFile {
            secret_name: g.subdomain(253),
            share_name: g.plain_or_hostile(),
            read_only: g.chance(0.5),
        },
        4 => LegacySource::Cephfs {
            monitors: monitors(g),
            path: g.chance(0.5).then(|| g.draw(st::absolute_path())),
            read_only: g.chance(0.5),
        },
        5 => LegacySource::Cinder {
            volume_id: g.plain_or_hostile(),
            fs_type: fs_type(g),
            read_only: g.chance(0.5),
        },
        6 => LegacySource::Glusterfs {
            endpoints: g.subdomain(253),
            path: g.plain_or_hostile(),
            read_only: g.chance(0.5),
        },
        7 => LegacySource::Rbd {
            monitors: monitors(g),
            image: g.plain_or_hostile(),
            fs_type: fs_type(g),
            read_only: g.chance(0.5),
        },
        8 => LegacySource::VsphereVolume {
            volume_path: format!("[datastore1] volumes/{}.vmdk", g.label(20)),
            fs_type: fs_type(g),
        },
        _ => LegacySource::PortworxVolume {
            volume_id: g.plain_or_hostile(),
            fs_type: fs_type(g),
            read_only: g.chance(0.5),
        },
    }
}

/// The PersistentVolume source number `variant` (see [`PV_SOURCES`]).
fn pv_source(g: &mut Gen, variant: usize) -> PvSource {
    let variant = variant % PV_SOURCES;
    match variant {
        0..=7 => {
            let t = host_path_type(variant);
            g.stats.bump(format!(
                "pv/hostPath:{}",
                t.map_or("(no type)", HostPathType::as_str)
            ));
            PvSource::host_path(g.draw(st::absolute_path()), t)
        }
        8 => {
            g.stats.bump("pv/local");
            PvSource::local(g.draw(st::absolute_path()))
        }
        9 => {
            g.stats.bump("pv/nfs");
            PvSource::nfs(g.plain_or_hostile(), g.draw(st::nfs_path()))
        }
        10 => {
            g.stats.bump("pv/csi");
            // Each secret reference sometimes (valid names: the API server checks four of them
            // and takes `nodeStageSecretRef` as written).
            let secret = |g: &mut Gen, name: fn(&mut Gen) -> String| {
                g.chance(0.3).then(|| SecretReference {
                    name: name(g),
                    namespace: g.label(63),
                })
            };
            PvSource::Csi(CsiPersistentVolume {
                controller_expand_secret_ref: secret(g, |g| g.subdomain(253)),
                controller_publish_secret_ref: secret(g, |g| g.subdomain(253)),
                driver: csi_driver(g),
                fs_type: g.chance(0.3).then(|| "ext4".to_owned()),
                node_expand_secret_ref: secret(g, |g| g.subdomain(253)),
                node_publish_secret_ref: secret(g, |g| g.subdomain(253)),
                node_stage_secret_ref: secret(g, |g| g.subdomain(253)),
                read_only: g.pick(&[None, Some(true), Some(false)]),
                volume_attributes: string_map(g, 3),
                volume_handle: g.plain_or_hostile(),
            })
        }
        11 => {
            // A CSI volume in the simplest form (the builder's helper).
            g.stats.bump("pv/csi");
            PvSource::csi(csi_driver(g), g.plain_or_hostile())
        }
        12..=14 => {
            let iqn = iqn(g, variant - 12);
            let portal = format!("10.0.{}.{}:3260", g.draw(0u8..=255), g.draw(1u8..=254));
            PvSource::iscsi(portal, iqn, g.pick(&[0, 1, 255, 42]))
        }
        _ => {
            let source = legacy_source(g, variant - 15);
            g.stats.bump(format!("pv/legacy:{}", source.plugin().key()));
            PvSource::Legacy(source)
        }
    }
}

/// What a set relies on outside itself, declared on its [`Manifests`].
#[derive(Debug, Clone, Default)]
struct Outside {
    /// StorageClasses that exist in the cluster (they provision and bind immediately).
    classes: Vec<String>,
    /// The cluster's default class: named, assumed, or none.
    default_class: Option<Option<String>>,
    /// Other objects declared to exist outside the set (names kvol could not write as objects).
    externals: Vec<(ExternalKind, String)>,
}

/// A whole set. `Err` when kvol rejected something the generator meant to be valid: one object
/// on its own (`build()`), or the set as a whole (`Manifests`: claims name existing claims and
/// classes, the PV controller's simulated binding succeeds, …).
/// Block-mode claims are attached with `volumeDevices`, never mounted: every mount of a volume
/// whose claim (a PersistentVolumeClaim of the set, an ephemeral volume's template or a
/// StatefulSet claim template) has volumeMode Block becomes a raw device.
fn block_claims_as_devices(objects: &mut [Object], namespace: Option<&str>, stats: &mut Stats) {
    let ns = |n: &Option<String>| {
        n.clone()
            .or(namespace.map(str::to_owned))
            .unwrap_or_default()
    };
    let block_claims: BTreeSet<(String, String)> = objects
        .iter()
        .filter_map(|o| match o {
            Object::PersistentVolumeClaim(c) if c.spec.volume_mode == Some(VolumeMode::Block) => {
                Some((ns(&c.metadata.namespace), c.metadata.name.clone()))
            }
            _ => None,
        })
        .collect();
    for o in objects.iter_mut() {
        let (namespace, spec, templates) = match o {
            Object::Pod(p) => (ns(&p.metadata.namespace), &mut p.spec, Vec::new()),
            Object::StatefulSet(s) => {
                let block: Vec<String> = s
                    .spec
                    .volume_claim_templates
                    .iter()
                    .filter(|t| t.spec.volume_mode == Some(VolumeMode::Block))
                    .filter_map(|t| t.metadata.name.clone())
                    .collect();
                (ns(&s.metadata.namespace), &mut s.spec.template.spec, block)
            }
            _ => continue,
        };
        let block: BTreeSet<String> = spec
            .volumes
            .iter()
            .filter(|v| match &v.source {
                VolumeSource::PersistentVolumeClaim(c) => {
                    block_claims.contains(&(namespace.clone(), c.claim_name.clone()))
                }
                VolumeSource::Ephemeral(e) => {
                    e.volume_claim_template.spec.volume_mode == Some(VolumeMode::Block)
                }
                _ => false,
            })
            .map(|v| v.name.clone())
            .chain(templates)
            .collect();
        for c in spec
            .containers
            .iter_mut()
            .chain(spec.init_containers.iter_mut())
        {
            let (devices, mounts): (Vec<_>, Vec<_>) = std::mem::take(&mut c.volume_mounts)
                .into_iter()
                .partition(|m| block.contains(&m.name));
            c.volume_mounts = mounts;
            for (i, m) in devices.into_iter().enumerate() {
                stats.bump("container/volumeDevices");
                c.volume_devices
                    .push(VolumeDevice::new(m.name, format!("/dev/kvol{i}")));
            }
        }
    }
}

pub fn generate(seed: u64, index: u64) -> (Result<Vec<Object>, SetError>, Stats) {
    let mut g = Gen::for_set(seed, index);
    let result = build_set(&mut g, index).and_then(|(mut objects, outside, target, namespace)| {
        block_claims_as_devices(&mut objects, namespace.as_deref(), &mut g.stats);
        let set = assemble(&objects, outside, namespace);
        let report = set.check_for(target);
        for w in &report.warnings {
            // `objects[i](Kind ns/name).path`: count by the path inside the object.
            let path = w.path.as_str();
            let inner = path.split_once(").").map_or(path, |(_, p)| p);
            let field: String = inner
                .split(['.', '['])
                .filter(|s| !s.is_empty() && !s.ends_with(']'))
                .take(3)
                .collect::<Vec<_>>()
                .join(".");
            g.stats.bump(format!("warning/{field}"));
        }
        if report.is_ok() {
            Ok(objects)
        } else {
            Err(SetError {
                index,
                kind: "Manifests",
                name: format!("set-{index:05}"),
                report,
            })
        }
    });
    if let Ok(objects) = &result {
        for o in objects {
            for d in o.documents() {
                g.stats.bump(format!("kind/{}", d.kind()));
            }
        }
    }
    (result, g.stats)
}

/// The set as kvol checks it: the objects with what the generator said exists outside them.
fn assemble(objects: &[Object], outside: Outside, namespace: Option<String>) -> Manifests {
    let mut set = Manifests::new();
    if let Some(ns) = namespace {
        set = set.namespace(ns);
    }
    for class in outside.classes {
        set = set.external_storage_class(class);
    }
    for (kind, name) in outside.externals {
        set = set.external(kind, name);
    }
    set = match outside.default_class {
        Some(Some(name)) => set.cluster_default_class(name),
        Some(None) => set.assume_default_class(),
        None => set,
    };
    for o in objects {
        set.push(o.clone());
    }
    set
}

/// Set `index` of `seed` as a checked `Manifests` (its objects, the classes and default class
/// that exist outside it, its namespace) and the Kubernetes version it targets, for checks that
/// need the context the YAML files do not carry (`kvol check` reading the corpus back).
pub fn generate_set(seed: u64, index: u64) -> Option<(Manifests, KubeVersion)> {
    let mut g = Gen::for_set(seed, index);
    let (mut objects, outside, target, namespace) = build_set(&mut g, index).ok()?;
    block_claims_as_devices(&mut objects, namespace.as_deref(), &mut g.stats);
    Some((assemble(&objects, outside, namespace), target))
}

fn rejected(index: u64, kind: &'static str, name: &str) -> impl FnOnce(Report) -> SetError {
    let name = name.to_owned();
    move |report| SetError {
        index,
        kind,
        name,
        report,
    }
}

/// The objects of a set, what it relies on outside itself, its target release and namespace.
type Built = (Vec<Object>, Outside, KubeVersion, Option<String>);

fn build_set(g: &mut Gen, index: u64) -> Result<Built, SetError> {
    let i = index as usize;
    let targets: Vec<KubeVersion> = KubeVersion::all().collect();
    let target = g.pick(&targets);
    let namespace = g.chance(0.7).then(|| g.label(63));
    let mut objects: Vec<Object> = Vec::new();

    // StorageClass. Short random names can repeat: the class declared to exist outside the set
    // must not be this one (a claim meant for it would then meet this class's provisioner).
    let mut class_names_taken = Unique::default();
    let sc_name = class_names_taken.take(g.subdomain(253), "class");
    let provisioner = match g.upto(5) {
        0 => "kubernetes.io/no-provisioner".to_owned(),
        1 => "pd.csi.storage.gke.io".to_owned(),
        2 => "Example.COM/My_Provisioner".to_owned(),
        3 => g
            .pick(&[
                "kubernetes.io/gce-pd",
                "kubernetes.io/aws-ebs",
                "kubernetes.io/rbd",
            ])
            .to_owned(),
        _ => g.draw(st::qualified_name()),
    };
    let provisions = provisioner != "kubernetes.io/no-provisioner";
    let sc_provisioner = provisioner.clone();
    let mut sc = StorageClass::builder(sc_name.clone(), provisioner).target(target);
    let params = if i % 97 == 5 { 512 } else { g.upto(5) };
    if params == 512 {
        g.stats.bump("limit/storageclass-parameters-512");
    }
    for p in 0..params {
        let key = if params == 512 {
            format!("k{p}")
        } else {
            g.hostile_nonempty()
        };
        sc = sc.parameter(key, g.hostile());
    }
    if let Some(policy) = g.pick(&[
        None,
        Some(ReclaimPolicy::Delete),
        Some(ReclaimPolicy::Retain),
    ]) {
        sc = sc.reclaim_policy(policy);
    }
    if let Some(mode) = g.pick(&[
        None,
        Some(VolumeBindingMode::Immediate),
        Some(VolumeBindingMode::WaitForFirstConsumer),
    ]) {
        sc = sc.binding_mode(mode);
    }
    if g.chance(0.5) {
        sc = sc.allow_expansion(g.chance(0.5));
    }
    for _ in 0..g.upto(3) {
        sc = sc.mount_option(g.hostile());
    }
    for t in 0..g.upto(2) {
        // Terms with distinct keys and values; terms differ by their first key.
        let n = 1 + g.upto(1);
        let mut keys = Unique::default();
        let match_label_expressions = (0..n)
            .map(|j| {
                let key = g.draw(st::qualified_name());
                let key = keys.take(key, &format!("term{t}-key{j}-"));
                let count = 1 + g.upto(2);
                let values: BTreeSet<String> =
                    (0..count).map(|_| g.draw(st::name_part())).collect();
                TopologyRequirement {
                    key,
                    values: values.into_iter().collect(),
                }
            })
            .collect();
        sc = sc.allowed_topology_term(TopologySelectorTerm {
            match_label_expressions,
        });
    }
    let sc_is_default = g.chance(0.3);
    if sc_is_default {
        sc = sc.default_class();
    }
    for (k, v) in g.labels(2) {
        sc = sc.label(k, v);
    }
    for (k, v) in g.annotations(2) {
        sc = sc.annotation(k, v);
    }
    let sc = sc
        .build()
        .map_err(rejected(index, "StorageClass", &sc_name))?;
    objects.push(sc.into_inner().into());
    // Classes dynamic claims may use: the set's class if it provisions, a class declared to
    // exist in the cluster, and no class at all when there is a default class that provisions.
    let external = class_names_taken.take(g.subdomain(253), "class");
    let mut outside = Outside {
        classes: vec![external.clone()],
        default_class: None,
        externals: Vec::new(),
    };
    let mut class_names = vec![ClassRef::Named(external.clone())];
    if provisions {
        class_names.push(ClassRef::Named(sc_name.clone()));
    }
    let default_provisions = if sc_is_default {
        provisions
    } else {
        outside.default_class = g.pick(&[None, Some(None), Some(Some(external))]);
        outside.default_class.is_some()
    };
    if default_provisions {
        class_names.push(ClassRef::ClusterDefault);
    }

    // Two PersistentVolumes: the featured source, and a random one.
    let pvc0_name = g.subdomain(253);
    let claim_ns = namespace.clone().unwrap_or_else(|| "default".to_owned());
    let mut pv_plans = Vec::new();
    // Short random names can repeat: two PVs (or two claims) of one set must not share a name.
    let mut pv_names = Unique::default();
    for (k, variant) in [i, g.upto(PV_SOURCES - 1)].into_iter().enumerate() {
        let name = pv_names.take(g.subdomain(253), "pv");
        let modes = if k == 0 {
            let combos = access_mode_combos();
            let m = combos[i % combos.len()];
            g.stats.bump(format!("access-modes/{m}"));
            m
        } else {
            g.access_modes()
        };
        let capacity = g.positive_quantity();
        let source = pv_source(g, variant);
        let class = g.pick(&[0, 1, 2]);
        let class = match class {
            0 => None,
            1 => Some(String::new()),
            _ => Some(sc_name.clone()),
        };
        let mode = volume_mode(g);
        let labels = g.labels(3);
        let is_local = matches!(source, PvSource::Local(_));
        let mut pv = PersistentVolume::builder(name.clone())
            .target(target)
            .capacity(capacity.clone())
            .access_modes(modes)
            .source(source);
        let policies = [
            None,
            Some(ReclaimPolicy::Retain),
            Some(ReclaimPolicy::Delete),
            Some(ReclaimPolicy::Recycle),
        ];
        // Recycle is forbidden for a hostPath that cleans to `/`; generated paths never do.
        if let Some(p) = g.pick(&policies) {
            pv = pv.reclaim_policy(p);
        }
        if let Some(c) = &class {
            pv = pv.storage_class(c.clone());
        }
        if let Some(m) = mode {
            pv = pv.volume_mode(m);
        }
        for _ in 0..g.upto(3) {
            pv = pv.mount_option(g.hostile());
        }
        if is_local || g.chance(0.3) {
            pv = if g.chance(0.5) {
                let n = 1 + g.upto(2);
                let hosts: Vec<String> = (0..n).map(|_| g.draw(st::name_part())).collect();
                pv.node_affinity_hostname(hosts)
            } else {
                pv.node_affinity(node_affinity(g))
            };
        }
        if k == 0 {
            // Reserved for claim 0, so that no dynamic claim of the set takes it first.
            pv = pv.claim_ref(claim_ns.clone(), pvc0_name.clone());
        }
        for (key, v) in &labels {
            pv = pv.label(key.clone(), v.clone());
        }
        for (key, v) in g.annotations(2) {
            pv = pv.annotation(key, v);
        }
        let pv = pv
            .build()
            .map_err(rejected(index, "PersistentVolume", &name))?;
        pv_plans.push((name, modes, capacity, class, mode, labels));
        objects.push(pv.into_inner().into());
    }

    // Claim 0 matches PV 0 (class, mode, access modes, capacity, labels); claim 1 is random.
    let (pv0_name, pv0_modes, pv0_capacity, pv0_class, pv0_mode, pv0_labels) =
        pv_plans.swap_remove(0);
    let sub_modes: Vec<AccessModes> = access_mode_combos()
        .into_iter()
        .filter(|m| pv0_modes.contains_all(*m))
        .collect();
    let request = g.positive_quantity();
    let request = if request > pv0_capacity {
        pv0_capacity.clone()
    } else {
        request
    };
    let selector = g.chance(0.5).then(|| matching_selector(g, &pv0_labels));
    let plan0 = ClaimPlan {
        modes: g.pick(&sub_modes),
        request,
        limit: None,
        class: match pv0_class {
            Some(c) if !c.is_empty() => ClassRef::Named(c),
            _ => ClassRef::NoClass,
        },
        volume_mode: pv0_mode,
        volume_name: g.chance(0.6).then(|| pv0_name.clone()),
        selector,
        data_source: None,
        data_source_ref: None,
        labels: g.labels(2),
        annotations: g.annotations(2),
    };
    let mut claim_names_taken = Unique::default();
    let pvc0_name = claim_names_taken.take(pvc0_name, "claim");
    let pvc0_claim = pvc0_name.clone();
    let pvc1_name = claim_names_taken.take(g.subdomain(253), "claim");
    let plan1 = random_claim(g, &class_names);
    let mut claim_names = Vec::new();
    for (name, plan) in [(pvc0_name, plan0), (pvc1_name, plan1)] {
        let mut b: PvcBuilder = PersistentVolumeClaim::builder(name.clone()).target(target);
        if let Some(ns) = &namespace {
            b = b.namespace(ns.clone());
        }
        let b = apply_claim!(b, plan);
        let pvc = b
            .build()
            .map_err(rejected(index, "PersistentVolumeClaim", &name))?;
        objects.push(pvc.into_inner().into());
        claim_names.push(name);
    }

    // The Pod: the featured volume source and up to three more.
    let count = 1 + g.upto(2);
    let containers = plan_containers(g, count);
    let ctx = PodContext {
        claims: claim_names.clone(),
        containers: containers.names.clone(),
        classes: class_names.clone(),
    };
    let mut volume_names = Unique::default();
    let mut volumes = Vec::new();
    let mut longest_ephemeral = 0;
    let extra = g.upto(3);
    for v in 0..=extra {
        let (kind, variant) = if v == 0 {
            (i, i / POD_SOURCES.len())
        } else {
            (g.upto(POD_SOURCES.len() - 1), g.upto(7))
        };
        let name = g.label(63);
        let name = volume_names.take(name, "vol");
        let source = pod_volume(g, kind, variant, &ctx);
        if POD_SOURCES[kind % POD_SOURCES.len()] == "ephemeral" {
            longest_ephemeral = longest_ephemeral.max(name.len());
        }
        volumes.push((name, source));
    }
    // The claim of an ephemeral volume is named `<pod>-<volume>` and must fit in 253 bytes.
    let pod_name = g.subdomain(if longest_ephemeral > 0 {
        252 - longest_ephemeral
    } else {
        253
    });
    let mut pod = Pod::builder(pod_name.clone()).target(target);
    if let Some(ns) = &namespace {
        pod = pod.namespace(ns.clone());
    }
    let mountable: Vec<String> = volumes.iter().map(|(n, _)| n.clone()).collect();
    let mut ports = PortPool {
        names: Unique::default(),
        numbers: BTreeSet::new(),
    };
    // The escape hatch (every fifth set): fields kvol does not model, set by their JSON names.
    let with_extras = i % 5 == 2;
    for (j, name) in containers.names.iter().enumerate() {
        let mut c = container(g, name, &mountable, &mut ports, true);
        if with_extras && j == 0 {
            c = c.extra("stdin", true).extra("tty", true);
        }
        pod = pod.container(c);
    }
    if with_extras {
        let dns = kvol_core::schema::Value::map([(
            "options",
            kvol_core::schema::Value::from(vec![kvol_core::schema::Value::map([
                ("name", "ndots"),
                ("value", "2"),
            ])]),
        )]);
        pod = pod
            .extra("shareProcessNamespace", true)
            .extra("dnsConfig", dns);
        g.stats.bump("extra/pod-and-container");
    }
    if g.chance(0.3) {
        let name = g.label(63);
        if !containers.names.contains(&name) {
            pod = pod.init_container(container(g, &name, &mountable, &mut ports, false));
        }
    }
    for (name, source) in volumes {
        pod = pod.volume(name, source);
    }
    if let Some(p) = g.pick(&[
        None,
        Some(RestartPolicy::Always),
        Some(RestartPolicy::OnFailure),
        Some(RestartPolicy::Never),
    ]) {
        pod = pod.restart_policy(p);
    }
    if g.chance(0.5) {
        pod = pod.grace_period(g.pick(&[0, 1, 30, 3600]));
    }
    if g.chance(0.3) {
        pod = pod.service_account(g.subdomain(253));
    }
    for (k, v) in g.labels(2) {
        pod = pod.node_selector(k, v);
    }
    for (k, v) in g.labels(3) {
        pod = pod.label(k, v);
    }
    let mut annotations = g.annotations(3);
    if i % 500 == 3 {
        // Keys and values of all annotations: exactly 256 KiB, the most the API server takes.
        let used: usize = annotations.iter().map(|(k, v)| k.len() + v.len()).sum();
        let key = "kvol.example/padding".to_owned();
        let old = annotations.remove(&key).map_or(0, |v| key.len() + v.len());
        let room = 262_144 - (used - old) - key.len();
        annotations.insert(key, "x".repeat(room));
        g.stats.bump("limit/annotations-256KiB");
    }
    for (k, v) in annotations {
        pod = pod.annotation(k, v);
    }
    let pod_labels = {
        let mut labels = BTreeMap::new();
        let built = pod.clone().build().ok();
        if let Some(p) = &built {
            labels = p.metadata.labels.clone();
        }
        labels
    };
    let pod = apply_settings!(pod, settings(g, &pod_labels));
    let pod = if g.chance(0.2) {
        g.stats.bump("pod/hostname");
        pod.hostname(g.label(63)).subdomain(g.label(63))
    } else {
        pod
    };
    let pod = pod.build().map_err(rejected(index, "Pod", &pod_name))?;
    let pod = pod.into_inner();
    objects.push(pod.clone().into());

    // The StatefulSet and its headless Service.
    let sts_name = g.label(63);
    let mut sts = StatefulSet::builder(sts_name.clone())
        .target(target)
        .service_name(g.dns1035());
    if let Some(ns) = &namespace {
        sts = sts.namespace(ns.clone());
    }
    for (k, v) in g.labels(3) {
        sts = sts.label(k, v);
    }
    for (k, v) in g.annotations(2) {
        sts = sts.annotation(k, v);
    }
    let mut taken = Unique::default();
    let mut mountable = Vec::new();
    for _ in 0..g.upto(2) {
        let name = g.label(63);
        let name = taken.take(name, "claim");
        sts = sts.claim(claim_template(g, name.clone(), &class_names));
        mountable.push(name);
    }
    let count = 1 + g.upto(1);
    let sts_containers = plan_containers(g, count);
    let sts_ctx = PodContext {
        claims: claim_names,
        containers: sts_containers.names.clone(),
        classes: class_names.clone(),
    };
    for _ in 0..g.upto(2) {
        let name = g.label(63);
        let name = taken.take(name, "vol");
        let kind = g.upto(POD_SOURCES.len() - 1);
        let variant = g.upto(7);
        sts = sts.volume(name.clone(), pod_volume(g, kind, variant, &sts_ctx));
        mountable.push(name);
    }
    let mut ports = PortPool {
        names: Unique::default(),
        numbers: BTreeSet::new(),
    };
    for name in &sts_containers.names {
        sts = sts.container(container(g, name, &mountable, &mut ports, true));
    }
    if g.chance(0.5) {
        sts = sts.replicas(g.pick(&[0, 1, 3, 100]));
    }
    if g.chance(0.4) {
        sts = sts.grace_period(g.pick(&[1, 10, 30]));
    }
    if g.chance(0.3) {
        sts = sts.min_ready_seconds(g.pick(&[0, 10]));
    }
    if g.chance(0.3) {
        sts = sts.ordinals_start(g.pick(&[0, 1, 5]));
    }
    if g.chance(0.3) {
        sts = sts.revision_history_limit(g.pick(&[0, 10]));
    }
    let strategy = match g.upto(4) {
        0 => None,
        1 => Some(UpdateStrategy::OnDelete),
        2 => Some(UpdateStrategy::RollingUpdate {
            partition: Some(g.pick(&[0, 1, 2])),
            max_unavailable: None,
        }),
        3 => Some(UpdateStrategy::RollingUpdate {
            partition: None,
            max_unavailable: Some(IntOrPercent::Int(g.pick(&[1, 2]))),
        }),
        _ => Some(UpdateStrategy::RollingUpdate {
            partition: g.chance(0.5).then_some(0),
            max_unavailable: Some(IntOrPercent::Percent(g.pick(&[1, 50, 100]))),
        }),
    };
    // maxUnavailable is dropped by the API server before 1.35 (kvol refuses it there): drawn
    // all the same, so that the sets of a seed stay the same, and left out at those targets.
    let strategy = strategy.map(|s| match s {
        UpdateStrategy::RollingUpdate {
            partition,
            max_unavailable: Some(_),
        } if target.minor() < 35 => UpdateStrategy::RollingUpdate {
            partition,
            max_unavailable: None,
        },
        s => s,
    });
    if let Some(s) = strategy {
        sts = sts.update_strategy(s);
    }
    if let Some(p) = g.pick(&[
        None,
        Some(PodManagementPolicy::OrderedReady),
        Some(PodManagementPolicy::Parallel),
    ]) {
        sts = sts.pod_management(p);
    }
    if g.chance(0.4) {
        let action = |g: &mut Gen| g.pick(&[RetentionAction::Retain, RetentionAction::Delete]);
        sts = sts.retention(RetentionPolicy {
            when_deleted: action(g),
            when_scaled: action(g),
        });
    }
    sts = sts.publish_not_ready_addresses(g.chance(0.3));
    let template_labels = sts
        .clone()
        .build()
        .map(|s| s.spec.template.metadata.labels.clone())
        .unwrap_or_default();
    sts = apply_settings!(sts, settings(g, &template_labels));
    for (k, v) in g.labels(2) {
        sts = sts.set_label(k, v);
    }
    for (k, v) in g.labels(1) {
        sts = sts.service_label(k, v);
    }
    for (k, v) in g.annotations(1) {
        sts = sts.service_annotation(k, v);
    }
    let in_set = g.chance(0.2);
    if in_set {
        g.stats.bump("statefulset/service-in-set");
        sts = sts.service_in_set(true);
    }
    let sts = sts
        .build()
        .map_err(rejected(index, "StatefulSet", &sts_name))?
        .into_inner();
    let client = client_service(
        g,
        target,
        &namespace,
        &sts.service.metadata.name,
        &sts,
        &pod,
    );
    if in_set {
        // The governing Service declared separately: the one kvol would have written.
        objects.push(sts.service.clone().into());
    }
    objects.push(sts.into());
    objects.push(client.into());
    let context = SecondRelease {
        index,
        target,
        namespace: namespace.clone(),
        class: sc_name,
        provisioner: sc_provisioner,
        provisions,
        claim0: pvc0_claim,
    };
    second_release(g, &context, &mut objects, &mut outside)?;
    Ok((objects, outside, target, namespace))
}

// ---------------------------------------------------------------------------------------------
// Pod-level settings, projected volumes and client Services (second release)
// ---------------------------------------------------------------------------------------------

/// The pod-level settings drawn for a Pod or a StatefulSet's template.
struct Settings {
    security: Option<PodSecurityContext>,
    affinity: Option<Affinity>,
    tolerations: Vec<Toleration>,
    spread: Vec<TopologySpreadConstraint>,
    priority_class: Option<String>,
    pull_secrets: Vec<String>,
    automount: Option<bool>,
    dns_policy: Option<DnsPolicy>,
    service_links: Option<bool>,
}

/// A group or user ID, at the bounds the API server takes.
fn id(g: &mut Gen) -> i64 {
    g.pick(&[0, 1000, 65534, i64::from(i32::MAX)])
}

/// A topology key: a qualified name.
fn topology_key(g: &mut Gen) -> String {
    if g.chance(0.7) {
        g.pick(&[
            "kubernetes.io/hostname",
            "topology.kubernetes.io/zone",
            "topology.kubernetes.io/region",
        ])
        .to_owned()
    } else {
        g.draw(st::qualified_name())
    }
}

fn node_requirement(g: &mut Gen, check_values: bool) -> NodeSelectorRequirement {
    use NodeSelectorOperator::{DoesNotExist, Exists, Gt, In, Lt, NotIn};
    let operator = g.pick(&[In, NotIn, Exists, DoesNotExist, Gt, Lt]);
    g.stats
        .bump(format!("pod-node-affinity-operator/{operator:?}"));
    let values = match operator {
        In | NotIn => (0..1 + g.upto(2))
            .map(|_| {
                if check_values {
                    g.draw(st::label_value())
                } else {
                    g.hostile()
                }
            })
            .collect(),
        Gt | Lt => vec![g.pick(&["0", "5", "10"]).to_owned()],
        _ => Vec::new(),
    };
    NodeSelectorRequirement {
        key: g.draw(st::qualified_name()),
        operator,
        values,
    }
}

fn pod_term(g: &mut Gen, labels: &BTreeMap<String, String>) -> PodAffinityTerm {
    let mut term = PodAffinityTerm::new(matching_selector(g, labels), topology_key(g));
    if g.chance(0.3) {
        term.namespaces = (0..1 + g.upto(1)).map(|_| g.label(63)).collect();
    }
    term
}

fn pod_affinity(g: &mut Gen, labels: &BTreeMap<String, String>) -> PodAffinity {
    let mut a = PodAffinity::default();
    for _ in 0..g.upto(1) {
        a.required.push(pod_term(g, labels));
    }
    for _ in 0..g.upto(1) {
        let weight = g.pick(&[1, 50, 100]);
        let term = pod_term(g, labels);
        a.preferred.push(WeightedPodAffinityTerm {
            pod_affinity_term: term,
            weight,
        });
    }
    a
}

/// Settings that pass the API server's rules; `labels` are the pods' own labels.
fn settings(g: &mut Gen, labels: &BTreeMap<String, String>) -> Settings {
    let security = g.chance(0.5).then(|| {
        g.stats.bump("pod/securityContext");
        PodSecurityContext {
            fs_group: g.chance(0.6).then(|| id(g)),
            fs_group_change_policy: g.pick(&[
                None,
                Some(FsGroupChangePolicy::OnRootMismatch),
                Some(FsGroupChangePolicy::Always),
            ]),
            run_as_group: g.chance(0.5).then(|| id(g)),
            run_as_non_root: g.pick(&[None, Some(true), Some(false)]),
            run_as_user: g.chance(0.5).then(|| id(g)),
            seccomp_profile: match g.upto(3) {
                0 => None,
                1 => Some(SeccompProfile::runtime_default()),
                2 => Some(SeccompProfile {
                    localhost_profile: None,
                    kind: SeccompProfileType::Unconfined,
                }),
                _ => Some(SeccompProfile {
                    localhost_profile: Some(g.pick(&["audit.json", "profiles/fine.json"]).into()),
                    kind: SeccompProfileType::Localhost,
                }),
            },
            supplemental_groups: (0..g.upto(2)).map(|_| id(g)).collect(),
        }
    });
    let affinity = g.chance(0.5).then(|| {
        g.stats.bump("pod/affinity");
        let mut a = Affinity::default();
        if g.chance(0.6) {
            let mut na = NodeAffinity::default();
            if g.chance(0.7) {
                let terms = (0..1 + g.upto(1))
                    .map(|_| NodeSelectorTerm {
                        match_fields: Vec::new(),
                        match_expressions: (0..1 + g.upto(1))
                            .map(|_| node_requirement(g, true))
                            .collect(),
                    })
                    .collect();
                na.required = Some(NodeSelector {
                    node_selector_terms: terms,
                });
            }
            for _ in 0..g.upto(2) {
                let weight = g.pick(&[1, 50, 100]);
                // Invalid label values are allowed in preferred terms.
                let preference = NodeSelectorTerm {
                    match_fields: Vec::new(),
                    match_expressions: vec![node_requirement(g, false)],
                };
                na.preferred
                    .push(PreferredSchedulingTerm { preference, weight });
            }
            a.node_affinity = Some(na);
        }
        if g.chance(0.4) {
            a.pod_affinity = Some(pod_affinity(g, labels));
        }
        if g.chance(0.5) {
            a.pod_anti_affinity = Some(pod_affinity(g, labels));
        }
        a
    });
    let tolerations = (0..g.upto(2))
        .map(|_| {
            g.stats.bump("pod/toleration");
            match g.upto(3) {
                0 => Toleration {
                    operator: Some(TolerationOperator::Exists),
                    ..Default::default()
                },
                1 => Toleration {
                    key: Some(g.draw(st::qualified_name())),
                    operator: g.pick(&[None, Some(TolerationOperator::Equal)]),
                    value: Some(g.draw(st::label_value())),
                    effect: g.pick(&[
                        None,
                        Some(TaintEffect::NoSchedule),
                        Some(TaintEffect::PreferNoSchedule),
                    ]),
                    toleration_seconds: None,
                },
                _ => Toleration {
                    key: Some(
                        g.pick(&[
                            "node.kubernetes.io/unreachable",
                            "node.kubernetes.io/not-ready",
                        ])
                        .into(),
                    ),
                    operator: Some(TolerationOperator::Exists),
                    value: None,
                    effect: Some(TaintEffect::NoExecute),
                    toleration_seconds: g.pick(&[None, Some(0), Some(30), Some(300)]),
                },
            }
        })
        .collect();
    let mut spread = Vec::new();
    let mut pairs = BTreeSet::new();
    for _ in 0..g.upto(2) {
        let key = topology_key(g);
        let when = g.pick(&[
            UnsatisfiableConstraintAction::DoNotSchedule,
            UnsatisfiableConstraintAction::ScheduleAnyway,
        ]);
        if !pairs.insert((key.clone(), when.as_str())) {
            continue;
        }
        g.stats.bump("pod/topologySpreadConstraint");
        let selector = matching_selector(g, labels);
        let mut c = TopologySpreadConstraint::new(g.pick(&[1, 2]), key, when, selector);
        if when == UnsatisfiableConstraintAction::DoNotSchedule && g.chance(0.3) {
            c.min_domains = Some(g.pick(&[1, 3]));
        }
        c.node_affinity_policy = g.pick(&[
            None,
            Some(NodeInclusionPolicy::Honor),
            Some(NodeInclusionPolicy::Ignore),
        ]);
        c.node_taints_policy = g.pick(&[
            None,
            Some(NodeInclusionPolicy::Honor),
            Some(NodeInclusionPolicy::Ignore),
        ]);
        let in_selector = c.label_selector.as_ref().is_some_and(|s| {
            s.match_labels.contains_key("pod-template-hash")
                || s.match_expressions
                    .iter()
                    .any(|e| e.key == "pod-template-hash")
        });
        if g.chance(0.3) && !in_selector {
            c.match_label_keys = vec!["pod-template-hash".into()];
        }
        spread.push(c);
    }
    Settings {
        security,
        affinity,
        tolerations,
        spread,
        priority_class: g.chance(0.2).then(|| g.subdomain(253)),
        pull_secrets: (0..g.upto(2)).map(|_| g.subdomain(253)).collect(),
        automount: g.pick(&[None, Some(true), Some(false)]),
        dns_policy: g.pick(&[
            None,
            Some(DnsPolicy::ClusterFirst),
            Some(DnsPolicy::ClusterFirstWithHostNet),
            Some(DnsPolicy::Default),
        ]),
        service_links: g.pick(&[None, Some(true), Some(false)]),
    }
}

/// A `projected` volume: a token, ConfigMaps, Secrets and pod fields, with unique item paths.
fn projected(g: &mut Gen, ctx: &PodContext) -> SourceInput {
    let mut sources = Vec::new();
    for j in 0..1 + g.upto(3) {
        let prefix = format!("p{j}/");
        let with_prefix = |mut items: Vec<KeyToPath>| {
            for it in &mut items {
                it.path = format!("{prefix}{}", it.path);
            }
            items
        };
        let source = match g.upto(3) {
            0 => {
                g.stats.bump("projected/serviceAccountToken");
                let audience = g.chance(0.5).then(|| g.plain_or_hostile());
                let expiration = g.pick(&[None, Some(600), Some(3600), Some(1 << 32)]);
                VolumeProjection::service_account_token(
                    format!("{prefix}token"),
                    audience,
                    expiration,
                )
            }
            1 => {
                g.stats.bump("projected/configMap");
                let mut p = VolumeProjection::config_map(g.subdomain(253));
                if let Some(c) = &mut p.config_map {
                    c.items = with_prefix(items(g));
                    c.optional = g.pick(&[None, Some(true), Some(false)]);
                }
                p
            }
            2 => {
                g.stats.bump("projected/secret");
                let mut p = VolumeProjection::secret(g.subdomain(253));
                if let Some(s) = &mut p.secret {
                    s.items = with_prefix(items(g));
                    s.optional = g.pick(&[None, Some(true), Some(false)]);
                }
                p
            }
            _ => {
                g.stats.bump("projected/downwardAPI");
                let mut files = downward_items(g, ctx);
                for f in &mut files {
                    f.path = format!("{prefix}{}", f.path);
                }
                VolumeProjection::downward_api(files)
            }
        };
        sources.push(source);
    }
    let default_mode = g.chance(0.5).then(|| FileMode(g.draw(st::file_mode())));
    VolumeSource::Projected(ProjectedVolume {
        default_mode,
        sources,
    })
    .into()
}

/// A client Service next to the StatefulSet: it selects the set's pods; a named targetPort
/// names a port of the set's containers, and only when the Pod of the set is not selected too.
fn client_service(
    g: &mut Gen,
    target: KubeVersion,
    namespace: &Option<String>,
    taken: &str,
    sts: &StatefulSet,
    pod: &Pod,
) -> Service {
    let mut name = format!("client-{}", g.label(40));
    if name == taken {
        name.push('x');
    }
    let selector = sts.spec.template.metadata.labels.clone();
    let pod_selected = selector
        .iter()
        .all(|(k, v)| pod.metadata.labels.get(k) == Some(v));
    let named: Vec<String> = sts
        .spec
        .template
        .spec
        .containers
        .iter()
        .flat_map(|c| c.ports.iter().filter_map(|p| p.name.clone()))
        .collect();
    let kind = g.pick(&[
        None,
        Some(ServiceType::ClusterIP),
        Some(ServiceType::NodePort),
        Some(ServiceType::LoadBalancer),
    ]);
    let headless = matches!(kind, None | Some(ServiceType::ClusterIP)) && g.chance(0.3);
    g.stats.bump(format!(
        "service/{}",
        if headless {
            "headless"
        } else {
            kind.map_or("(type unset)", ServiceType::as_str)
        }
    ));
    let mut b = Service::builder(name).target(target);
    if let Some(ns) = namespace {
        b = b.namespace(ns.clone());
    }
    for (k, v) in g.labels(2) {
        b = b.label(k, v);
    }
    for (k, v) in g.annotations(2) {
        b = b.annotation(k, v);
    }
    if let Some(k) = kind {
        b = b.service_type(k);
    }
    if headless {
        b = b.headless();
    }
    for (k, v) in selector {
        b = b.selector(k, v);
    }
    let external = matches!(
        kind,
        Some(ServiceType::NodePort | ServiceType::LoadBalancer)
    );
    let count = if headless { g.upto(2) } else { 1 + g.upto(1) };
    for p in 0..count {
        let number = 1000 + p as i32 * 1000 + g.upto(900) as i32;
        let mut port = ServicePort::named(format!("port-{p}"), number);
        port.target_port = match g.upto(2) {
            0 => None,
            1 => Some(TargetPort::Number(g.pick(&[1, 8080, 65535]))),
            _ if !named.is_empty() && !pod_selected => {
                g.stats.bump("service/targetPort-name");
                Some(TargetPort::Name(g.pick(&named)))
            }
            _ => Some(TargetPort::Number(number)),
        };
        if external && g.chance(0.5) {
            port.node_port = Some(30000 + p as i32);
        }
        if g.chance(0.2) {
            port.app_protocol = Some(
                g.pick(&["http", "kubernetes.io/h2c", "example.com/grpc"])
                    .into(),
            );
        }
        b = b.port(port);
    }
    match g.upto(3) {
        0 => {}
        1 => b = b.session_affinity(SessionAffinity::None),
        2 => b = b.session_affinity(SessionAffinity::ClientIP),
        _ => {
            b = b
                .session_affinity(SessionAffinity::ClientIP)
                .session_affinity_timeout(g.pick(&[1, 10800, 86400]))
        }
    }
    if external && g.chance(0.5) {
        b = b.external_traffic_policy(g.pick(&[TrafficPolicy::Cluster, TrafficPolicy::Local]));
    }
    if g.chance(0.3) {
        b = b.internal_traffic_policy(g.pick(&[TrafficPolicy::Cluster, TrafficPolicy::Local]));
    }
    b = b.publish_not_ready_addresses(g.chance(0.2));
    match b.build() {
        Ok(s) => s.into_inner(),
        Err(report) => panic!("generator bug: client Service rejected: {report}"),
    }
}

/// What the second release's objects of a set depend on.
struct SecondRelease {
    index: u64,
    target: KubeVersion,
    namespace: Option<String>,
    /// The set's StorageClass and its provisioner.
    class: String,
    provisioner: String,
    /// Whether the set's class provisions volumes (a claim restored with it is provisioned).
    provisions: bool,
    /// The claim a VolumeSnapshot of the set is taken of.
    claim0: String,
}

/// The ConfigMaps and Secrets that the set's configMap, secret and projected volumes and its
/// containers' `env[].valueFrom` and `envFrom` name (with the keys they read), the VolumeSnapshots its claims are restored from (taken of claim 0 with the
/// set's VolumeSnapshotClass, whose driver is the set's provisioner), a Deployment mounting a
/// ConfigMap and a PodDisruptionBudget selecting its pods, a DaemonSet mounting the same
/// ConfigMap and a directory of each node, and from 1.34 a
/// VolumeAttributesClass for the set's provisioner that claims of the set's class name. A name
/// that cannot be an object's name is declared external instead.
fn second_release(
    g: &mut Gen,
    ctx: &SecondRelease,
    objects: &mut Vec<Object>,
    outside: &mut Outside,
) -> Result<(), SetError> {
    let index = ctx.index;
    // Keys each ConfigMap / Secret must have, by name.
    let mut config_maps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut secrets: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut snapshots: BTreeSet<String> = BTreeSet::new();
    let mut restored_from = |spec: &kvol_core::PvcSpec| {
        if let Some(ds) = &spec.data_source
            && ds.kind == "VolumeSnapshot"
            && ds.api_group.as_deref() == Some(SNAPSHOT_GROUP)
        {
            snapshots.insert(ds.name.clone());
        }
    };
    // Keys a container's environment reads from a ConfigMap: the kubelet reads `data` only.
    let mut env_data_keys: BTreeSet<(String, String)> = BTreeSet::new();
    for object in objects.iter() {
        let spec = match object {
            Object::Pod(p) => &p.spec,
            Object::StatefulSet(s) => {
                // Claim templates restored from a snapshot need it too.
                for t in &s.spec.volume_claim_templates {
                    restored_from(&t.spec);
                }
                &s.spec.template.spec
            }
            Object::PersistentVolumeClaim(c) => {
                restored_from(&c.spec);
                continue;
            }
            _ => continue,
        };
        let need =
            |map: &mut BTreeMap<String, BTreeSet<String>>, name: &str, items: &[KeyToPath]| {
                let keys = map.entry(name.to_owned()).or_default();
                keys.extend(items.iter().map(|i| i.key.clone()));
            };
        for v in &spec.volumes {
            match &v.source {
                VolumeSource::ConfigMap(c) if c.optional != Some(true) => {
                    need(&mut config_maps, &c.name, &c.items);
                }
                VolumeSource::Secret(s) if s.optional != Some(true) => {
                    need(&mut secrets, &s.secret_name, &s.items);
                }
                VolumeSource::Projected(p) => {
                    for source in &p.sources {
                        if let Some(c) = &source.config_map
                            && c.optional != Some(true)
                        {
                            need(&mut config_maps, &c.name, &c.items);
                        }
                        if let Some(s) = &source.secret
                            && s.optional != Some(true)
                        {
                            need(&mut secrets, &s.name, &s.items);
                        }
                    }
                }
                _ => {}
            }
        }
        for c in spec.init_containers.iter().chain(&spec.containers) {
            for from in &c.env_from {
                if let Some(r) = &from.config_map_ref
                    && r.optional != Some(true)
                {
                    need(&mut config_maps, &r.name, &[]);
                }
                if let Some(r) = &from.secret_ref
                    && r.optional != Some(true)
                {
                    need(&mut secrets, &r.name, &[]);
                }
            }
            for var in &c.env {
                let Some(source) = &var.value_from else {
                    continue;
                };
                if let Some(r) = &source.config_map_key_ref
                    && r.optional != Some(true)
                {
                    config_maps
                        .entry(r.name.clone())
                        .or_default()
                        .insert(r.key.clone());
                    env_data_keys.insert((r.name.clone(), r.key.clone()));
                }
                if let Some(r) = &source.secret_key_ref
                    && r.optional != Some(true)
                {
                    secrets
                        .entry(r.name.clone())
                        .or_default()
                        .insert(r.key.clone());
                }
            }
        }
    }
    // The Deployment's own ConfigMap.
    let dep_config = g.subdomain(63);
    let dep_key = g.draw(st::config_map_key());
    config_maps
        .entry(dep_config.clone())
        .or_default()
        .insert(dep_key.clone());
    // And its Secret.
    let dep_secret = g.subdomain(63);
    secrets.entry(dep_secret.clone()).or_default();

    let writable = |name: &str, keys: &BTreeSet<String>| {
        kvol_core::names::dns1123_subdomain(name).is_ok()
            && keys
                .iter()
                .all(|k| kvol_core::names::config_map_key(k).is_ok())
    };
    for (name, keys) in config_maps {
        if !writable(&name, &keys) {
            outside.externals.push((ExternalKind::ConfigMap, name));
            continue;
        }
        let mut b = ConfigMap::builder(name.clone()).target(ctx.target);
        if let Some(ns) = &ctx.namespace {
            b = b.namespace(ns.clone());
        }
        for key in keys {
            let env = env_data_keys.contains(&(name.clone(), key.clone()));
            b = if !env && g.chance(0.3) {
                let bytes: Vec<u8> = (0..g.upto(16)).map(|i| (i * 37 % 256) as u8).collect();
                b.binary_data(key, bytes)
            } else {
                b.data(key, g.hostile())
            };
        }
        if g.chance(0.2) {
            b = b.immutable(g.chance(0.5));
        }
        for (k, v) in g.labels(2) {
            b = b.label(k, v);
        }
        let cm = b.build().map_err(rejected(index, "ConfigMap", &name))?;
        g.stats.bump("second/configmap");
        objects.push(cm.into_inner().into());
    }
    for (name, keys) in secrets {
        if !writable(&name, &keys) {
            outside.externals.push((ExternalKind::Secret, name));
            continue;
        }
        let mut b = Secret::builder(name.clone()).target(ctx.target);
        if let Some(ns) = &ctx.namespace {
            b = b.namespace(ns.clone());
        }
        match g.upto(3) {
            0 => {}
            1 => b = b.type_(secret_type::OPAQUE),
            2 => {
                b = b
                    .type_(secret_type::TLS)
                    .string_data("tls.crt", "CERT")
                    .data("tls.key", b"KEY".as_slice());
                g.stats.bump("second/secret-tls");
            }
            _ => {
                b = b
                    .type_(secret_type::BASIC_AUTH)
                    .string_data("username", g.hostile());
                g.stats.bump("second/secret-basic-auth");
            }
        }
        for key in keys {
            b = if g.chance(0.5) {
                b.string_data(key, g.hostile())
            } else {
                b.data(key, g.hostile().into_bytes())
            };
        }
        if g.chance(0.2) {
            b = b.immutable(true);
        }
        let s = b.build().map_err(rejected(index, "Secret", &name))?;
        g.stats.bump("second/secret");
        objects.push(s.into_inner().into());
    }

    // The VolumeSnapshotClass, and the snapshots claims are restored from.
    let vsc_name = g.subdomain(253);
    let mut vsc = VolumeSnapshotClass::builder(vsc_name.clone(), ctx.provisioner.clone())
        .target(ctx.target)
        .deletion_policy(g.pick(&[DeletionPolicy::Delete, DeletionPolicy::Retain]));
    if g.chance(0.5) {
        vsc = vsc.default_class();
    }
    for _ in 0..g.upto(2) {
        vsc = vsc.parameter(g.hostile_nonempty(), g.hostile());
    }
    let vsc = vsc
        .build()
        .map_err(rejected(index, "VolumeSnapshotClass", &vsc_name))?;
    objects.push(vsc.into_inner().into());
    // A snapshot of claim 0, and (when the set's class provisions) a claim restored from it.
    let own_snapshot = loop {
        let name = g.subdomain(253);
        if !snapshots.contains(&name) {
            break name;
        }
    };
    snapshots.insert(own_snapshot.clone());
    if ctx.provisions {
        let name = format!("restored-{}", g.label(40));
        let mut b = PersistentVolumeClaim::builder(name.clone())
            .target(ctx.target)
            .access_mode(AccessMode::ReadWriteOnce)
            .request("1Gi")
            .storage_class(ctx.class.clone())
            .from_snapshot(own_snapshot);
        if let Some(ns) = &ctx.namespace {
            b = b.namespace(ns.clone());
        }
        let c = b
            .build()
            .map_err(rejected(index, "PersistentVolumeClaim", &name))?;
        g.stats.bump("second/claim-restored-from-snapshot");
        objects.push(c.into_inner().into());
    }
    for name in snapshots {
        if kvol_core::names::dns1123_subdomain(&name).is_err() {
            outside.externals.push((ExternalKind::VolumeSnapshot, name));
            continue;
        }
        let mut b = VolumeSnapshot::builder(name.clone())
            .target(ctx.target)
            .of_claim(ctx.claim0.clone());
        if let Some(ns) = &ctx.namespace {
            b = b.namespace(ns.clone());
        }
        if g.chance(0.8) {
            b = b.class(vsc_name.clone());
        }
        let vs = b
            .build()
            .map_err(rejected(index, "VolumeSnapshot", &name))?;
        g.stats.bump("second/volumesnapshot");
        objects.push(vs.into_inner().into());
    }

    // A Deployment mounting its ConfigMap, and a budget for its pods.
    let dep_name = g.label(63);
    let replicas = g.pick(&[1, 2, 3]);
    let mut d = Deployment::builder(dep_name.clone())
        .target(ctx.target)
        .replicas(replicas)
        .pod_label("app", dep_name.clone())
        .container(
            Container::builder("app", "registry.k8s.io/nginx-slim:0.8")
                .mount("config", "/etc/app")
                .mount("secret", "/etc/secret"),
        )
        .volume("config", VolumeSource::config_map(dep_config.clone()))
        .volume("secret", VolumeSource::secret(dep_secret));
    if let Some(ns) = &ctx.namespace {
        d = d.namespace(ns.clone());
    }
    d = match g.upto(3) {
        0 => d,
        1 => {
            g.stats.bump("second/deployment-recreate");
            d.strategy(DeploymentStrategy::recreate())
        }
        2 => d.rolling_update(Some(IntOrPercent::Int(1)), Some(IntOrPercent::Int(0))),
        _ => d.rolling_update(
            Some(IntOrPercent::Percent(g.pick(&[0, 25, 100]))),
            Some(IntOrPercent::Percent(g.pick(&[10, 50, 100]))),
        ),
    };
    if g.chance(0.5) {
        let min_ready = g.pick(&[0, 5]);
        d = d.min_ready_seconds(min_ready);
        if g.chance(0.5) {
            d = d.progress_deadline_seconds(min_ready + 600);
        }
    }
    if g.chance(0.3) {
        d = d.revision_history_limit(g.pick(&[0, 3]));
    }
    for (k, v) in g.labels(2) {
        d = d.label(k, v);
    }
    for (k, v) in g.annotations(2) {
        d = d.pod_annotation(k, v);
    }
    let d = d
        .build()
        .map_err(rejected(index, "Deployment", &dep_name))?;
    objects.push(d.into_inner().into());
    let pdb_name = g.subdomain(253);
    let mut p = PodDisruptionBudget::builder(pdb_name.clone())
        .target(ctx.target)
        .selector_label("app", dep_name);
    if let Some(ns) = &ctx.namespace {
        p = p.namespace(ns.clone());
    }
    p = match g.upto(2) {
        0 => p.min_available(IntOrPercent::Int(replicas - 1)),
        1 => p.min_available(IntOrPercent::Percent(50)),
        _ => p.max_unavailable(IntOrPercent::Int(1)),
    };
    if let Some(policy) = g.pick(&[
        None,
        Some(UnhealthyPodEvictionPolicy::IfHealthyBudget),
        Some(UnhealthyPodEvictionPolicy::AlwaysAllow),
    ]) {
        p = p.unhealthy_pod_eviction_policy(policy);
    }
    let p = p
        .build()
        .map_err(rejected(index, "PodDisruptionBudget", &pdb_name))?;
    objects.push(p.into_inner().into());

    // A DaemonSet: one pod per node, with the Deployment's ConfigMap and a directory of the
    // node; every update strategy the API server accepts.
    let ds_name = g.label(63);
    let mut d = DaemonSet::builder(ds_name.clone())
        .target(ctx.target)
        .pod_label("agent", ds_name.clone())
        .container(
            Container::builder("agent", "registry.k8s.io/pause:3.10")
                .mount("config", "/etc/agent")
                .mount("logs", "/var/log"),
        )
        .volume("config", VolumeSource::config_map(dep_config))
        .volume(
            "logs",
            VolumeSource::host_path("/var/log", HostPathType::DirectoryOrCreate),
        );
    if let Some(ns) = &ctx.namespace {
        d = d.namespace(ns.clone());
    }
    if g.chance(0.5) {
        d = d.node_selector("kubernetes.io/os", "linux");
    }
    d = match g.upto(4) {
        0 => d,
        1 => {
            g.stats.bump("second/daemonset-on-delete");
            d.update_strategy(DaemonSetUpdateStrategy::on_delete())
        }
        2 => d.rolling_update(None, None),
        3 => d.rolling_update(
            Some(IntOrPercent::Percent(g.pick(&[1, 10, 100]))),
            Some(IntOrPercent::Int(0)),
        ),
        _ => d.rolling_update(None, Some(IntOrPercent::Percent(g.pick(&[1, 50, 100])))),
    };
    if g.chance(0.3) {
        d = d.min_ready_seconds(g.pick(&[0, 10]));
    }
    if g.chance(0.3) {
        d = d.revision_history_limit(g.pick(&[0, 10]));
    }
    let d = d.build().map_err(rejected(index, "DaemonSet", &ds_name))?;
    g.stats.bump("second/daemonset");
    objects.push(d.into_inner().into());

    // From 1.34: a VolumeAttributesClass for the provisioner, named by the claims of its class.
    if ctx.target.minor() >= 34 {
        let vac_name = g.subdomain(253);
        let mut b = VolumeAttributesClass::builder(vac_name.clone(), ctx.provisioner.clone())
            .target(ctx.target);
        for _ in 0..=g.upto(2) {
            b = b.parameter(g.hostile_nonempty(), g.hostile());
        }
        let vac = b
            .build()
            .map_err(rejected(index, "VolumeAttributesClass", &vac_name))?;
        objects.push(vac.into_inner().into());
        for object in objects.iter_mut() {
            if let Object::PersistentVolumeClaim(c) = object
                && c.spec.storage_class == ClassRef::Named(ctx.class.clone())
            {
                c.spec.volume_attributes_class_name = Some(vac_name.clone());
                g.stats.bump("second/claim-volume-attributes-class");
            }
        }
    }
    Ok(())
}
