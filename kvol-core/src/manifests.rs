//! [`Manifests`]: an ordered set of objects that is validated as a whole — each object by its
//! own rules, and the objects against each other (SPEC contract 3).
//!
//! # Field paths
//!
//! A problem inside object `i` of the set is reported at
//! `objects[i](<Kind> <namespace>/<name>).<path inside the object>`, e.g.
//! `objects[1](PersistentVolumeClaim default/mongo-pvc).spec.resources[storage]`. Cluster-scoped
//! objects (PersistentVolume, StorageClass) have no namespace part:
//! `objects[2](PersistentVolume mongo-pv).spec.claimRef`. The namespace shown is the one the
//! object is applied to: its own, or else the set's ([`Manifests::namespace`]). Problems of the
//! set itself have plain paths (`namespace`). [`Manifests::object_path`] builds these prefixes.
//!
//! # Cross-object checks
//!
//! * no two documents with the same kind, namespace and name (a StatefulSet's headless Service
//!   counts; a separate identical Service only draws a warning, a different one is an error);
//! * every `persistentVolumeClaim.claimName` of a Pod or StatefulSet template names a claim of
//!   the same namespace: a PersistentVolumeClaim of the set, a claim a StatefulSet's
//!   `volumeClaimTemplates` or an ephemeral volume creates, or one declared with
//!   [`Manifests::external_claim`] — else `Not found`, with a "did you mean";
//! * every claim's `storageClassName` names a StorageClass of the set or one declared with
//!   [`Manifests::external_storage_class`] / [`Manifests::cluster_default_class`] (a class-named
//!   PersistentVolume that binds the claim is enough, as for the common `manual` class); an unset
//!   class needs a default class (in the set, or declared);
//! * the PV controller's binding, simulated ([`crate::binding`]): a claim that cannot be
//!   provisioned dynamically (class `""`, a `kubernetes.io/no-provisioner` class, a selector or
//!   `volumeName`) must bind a PersistentVolume of the set; when none can, the error lists each
//!   PersistentVolume and why it refuses the claim;
//! * warnings: a PersistentVolume reserved by `claimRef` for a claim that is not in the set, or
//!   that binds another volume; a `local` volume bound through a class without
//!   `WaitForFirstConsumer`; a volume and claim pre-bound to each other that do not match.

use crate::{
    binding::{
        self, BETA_STORAGE_CLASS_ANNOTATION, BindReason, ClaimClass, ClaimFacts, ClaimInput, FxMap,
        NO_PROVISIONER, Outcome, Refusal, Simulation, Unbound, Vol,
    },
    meta::StringMap,
    names,
    object::{Document, Object},
    pod::PodSpec,
    pvc::{ClassRef, PvcSpec, PvcTemplate},
    render::ToDocuments,
    report::{ErrorKind, FieldError, FieldPath, RuleId, WarningCode, quote},
    rules::ids,
    service::Service,
    storage_class::{StorageClass, VolumeBindingMode},
    validate::{Checker, Valid, Validate},
    version::KubeVersion,
    volume::VolumeSource,
};
use std::{
    borrow::Cow,
    cell::OnceCell,
    collections::{BTreeSet, HashMap, hash_map::Entry},
};

/// How many PersistentVolumes a binding error lists before `… and N more`.
pub const EXPLAIN_LIMIT: usize = 20;

/// What the set says about the cluster's default StorageClass.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DefaultClassDeclaration {
    /// Nothing: only a StorageClass of the set marked default counts.
    #[default]
    Undeclared,
    /// The cluster's default class has this name ([`Manifests::cluster_default_class`]).
    Named(String),
    /// The cluster has a default class whose name is not given
    /// ([`Manifests::assume_default_class`]).
    Assumed,
}

/// An ordered set of objects, plus what the set relies on outside itself: claims and
/// StorageClasses that already exist in the cluster, the cluster's default class, and the
/// namespace objects without one are applied to.
///
/// Validating a `Manifests` checks every object with its own rules (paths prefixed as described
/// in the [module documentation](self)) and then the objects against each other. A
/// `Valid<Manifests>` renders as one YAML stream.
///
/// ```
/// use kvol_core::access::AccessMode;
/// use kvol_core::meta::{ClusterMeta, ObjectMeta};
/// use kvol_core::pv::{PersistentVolume, PvSource, PvSpec};
/// use kvol_core::pvc::{ClassRef, PersistentVolumeClaim, PvcSpec};
/// use kvol_core::volume::Nfs;
/// use kvol_core::{Manifests, Valid, Validate};
///
/// let claim = |request: &str| PersistentVolumeClaim {
///     metadata: ObjectMeta::named("mongo-pvc"),
///     spec: PvcSpec {
///         storage_class: ClassRef::NoClass, // storageClassName: "" — static binding only
///         ..PvcSpec::new(AccessMode::ReadWriteOnce.into(), request.parse().unwrap())
///     },
/// };
/// let volume = PersistentVolume {
///     metadata: ClusterMeta::named("mongo-pv"),
///     spec: PvSpec {
///         access_modes: [AccessMode::ReadWriteOnce, AccessMode::ReadOnlyMany].into_iter().collect(),
///         capacity: "1Gi".parse().unwrap(),
///         claim_ref: None,
///         mount_options: vec![],
///         node_affinity: None,
///         reclaim_policy: None,
///         storage_class_name: Some(String::new()),
///         volume_mode: None,
///         source: PvSource::Nfs(Nfs {
///             path: "/exports/mongo".into(),
///             read_only: false,
///             server: "nfs.example.com".into(),
///         }),
///     },
/// };
///
/// // The claim binds the volume: the set is valid and renders as one stream.
/// let set = Manifests::new().with(claim("1Gi")).with(volume.clone());
/// let valid = Valid::new(set).expect("binds");
/// assert!(valid.to_yaml().contains("mongo-pv"));
///
/// // Asking for more than the volume has: the claim can never bind.
/// let report = Manifests::new().with(claim("2Gi")).with(volume).check();
/// assert_eq!(
///     report.errors[0].to_string(),
///     "objects[0](PersistentVolumeClaim default/mongo-pvc): Not found: no PersistentVolume \
///      can bind this claim: mongo-pv: requested 2Gi but capacity is 1Gi (storageClassName \"\" \
///      means no class, so it is never provisioned dynamically)",
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Manifests {
    objects: Vec<Object>,
    namespace: String,
    external_claims: BTreeSet<(Option<String>, String)>,
    external_classes: BTreeSet<String>,
    default_class: DefaultClassDeclaration,
}

impl Default for Manifests {
    fn default() -> Self {
        Manifests::new()
    }
}

impl<T: Into<Object>> From<Valid<T>> for Object {
    /// A validated object joins a set as it is (the set validates it again, with the others).
    fn from(valid: Valid<T>) -> Self {
        valid.into_inner().into()
    }
}

impl Manifests {
    /// An empty set applied to namespace `default`, relying on nothing outside itself.
    pub fn new() -> Self {
        Manifests {
            objects: Vec::new(),
            namespace: "default".to_owned(),
            external_claims: BTreeSet::new(),
            external_classes: BTreeSet::new(),
            default_class: DefaultClassDeclaration::Undeclared,
        }
    }

    /// Adds an object (a model value, an [`Object`] or a [`Valid`] value) at the end.
    pub fn with(mut self, object: impl Into<Object>) -> Self {
        self.push(object);
        self
    }

    /// Adds an object at the end.
    pub fn push(&mut self, object: impl Into<Object>) -> &mut Self {
        self.objects.push(object.into());
        self
    }

    /// Declares a claim that already exists in the set's namespace (pods may mount it).
    pub fn external_claim(mut self, name: impl Into<String>) -> Self {
        self.external_claims.insert((None, name.into()));
        self
    }

    /// Declares a claim that already exists in `namespace`.
    pub fn external_claim_in(
        mut self,
        namespace: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        self.external_claims
            .insert((Some(namespace.into()), name.into()));
        self
    }

    /// Declares a StorageClass that already exists in the cluster (claims may name it; it is
    /// assumed to provision volumes and to bind immediately).
    pub fn external_storage_class(mut self, name: impl Into<String>) -> Self {
        self.external_classes.insert(name.into());
        self
    }

    /// Declares the cluster's default StorageClass by name: claims without `storageClassName`
    /// get it at admission. The class counts as an existing one.
    pub fn cluster_default_class(mut self, name: impl Into<String>) -> Self {
        self.default_class = DefaultClassDeclaration::Named(name.into());
        self
    }

    /// Declares that the cluster has a default StorageClass without naming it: claims without
    /// `storageClassName` are then provisioned by it (and match no PersistentVolume by class).
    pub fn assume_default_class(mut self) -> Self {
        self.default_class = DefaultClassDeclaration::Assumed;
        self
    }

    /// Sets the namespace that objects without one are applied to (default `default`), as
    /// `kubectl apply -n` does. Objects are rendered unchanged.
    pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
        self.namespace = namespace.into();
        self
    }

    /// The namespace that objects without one are applied to.
    pub fn default_namespace(&self) -> &str {
        &self.namespace
    }

    /// The declared external claims: `(namespace, name)`, `None` meaning the set's namespace.
    pub fn external_claims(&self) -> impl Iterator<Item = (Option<&str>, &str)> {
        self.external_claims
            .iter()
            .map(|(ns, name)| (ns.as_deref(), name.as_str()))
    }

    /// The declared external StorageClasses.
    pub fn external_storage_classes(&self) -> impl Iterator<Item = &str> {
        self.external_classes.iter().map(String::as_str)
    }

    /// What the set says about the cluster's default StorageClass.
    pub fn default_class_declaration(&self) -> &DefaultClassDeclaration {
        &self.default_class
    }

    /// The objects, in order.
    pub fn objects(&self) -> &[Object] {
        &self.objects
    }

    /// Iterates over the objects, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Object> {
        self.objects.iter()
    }

    /// Number of objects.
    pub fn len(&self) -> usize {
        self.objects.len()
    }

    /// True when the set has no objects.
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }

    /// The namespace object `object` is applied to (`None` for cluster-scoped kinds).
    pub fn namespace_of<'a>(&'a self, object: &'a Object) -> Option<&'a str> {
        let ns = match object {
            Object::Pod(o) => &o.metadata.namespace,
            Object::PersistentVolumeClaim(o) => &o.metadata.namespace,
            Object::Service(o) => &o.metadata.namespace,
            Object::StatefulSet(o) => &o.metadata.namespace,
            Object::PersistentVolume(_) | Object::StorageClass(_) => return None,
        };
        Some(ns.as_deref().unwrap_or(&self.namespace))
    }

    /// The path prefix of object `index` at the top of a report, e.g.
    /// `objects[1](PersistentVolumeClaim default/mongo-pvc)`; `None` past the end.
    pub fn object_path(&self, index: usize) -> Option<FieldPath> {
        let object = self.objects.get(index)?;
        Some(self.object_path_under(&FieldPath::root(), index, object))
    }

    fn object_path_under(&self, base: &FieldPath, index: usize, object: &Object) -> FieldPath {
        let (kind, name) = (object.kind(), object.name());
        let mut digits = [0u8; 20];
        let index = crate::report::decimal(index, &mut digits);
        match self.namespace_of(object) {
            Some(ns) => {
                base.child_concat(&["objects[", index, "](", kind, " ", ns, "/", name, ")"])
            }
            None => base.child_concat(&["objects[", index, "](", kind, " ", name, ")"]),
        }
    }
}

impl<'a> IntoIterator for &'a Manifests {
    type Item = &'a Object;
    type IntoIter = std::slice::Iter<'a, Object>;
    fn into_iter(self) -> Self::IntoIter {
        self.objects.iter()
    }
}

impl IntoIterator for Manifests {
    type Item = Object;
    type IntoIter = std::vec::IntoIter<Object>;
    fn into_iter(self) -> Self::IntoIter {
        self.objects.into_iter()
    }
}

impl<T: Into<Object>> Extend<T> for Manifests {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        self.objects.extend(iter.into_iter().map(Into::into));
    }
}

impl<T: Into<Object>> FromIterator<T> for Manifests {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut set = Manifests::new();
        set.extend(iter);
        set
    }
}

impl ToDocuments for Manifests {
    fn each_document<'a>(&'a self, f: &mut dyn FnMut(Document<'a>)) {
        for object in &self.objects {
            for document in object.documents() {
                f(document);
            }
        }
    }
}

fn validate_object(object: &Object, path: &FieldPath, checker: &mut Checker) {
    match object {
        Object::Pod(o) => o.validate(path, checker),
        Object::PersistentVolume(o) => o.validate(path, checker),
        Object::PersistentVolumeClaim(o) => o.validate(path, checker),
        Object::StorageClass(o) => o.validate(path, checker),
        Object::Service(o) => o.validate(path, checker),
        Object::StatefulSet(o) => o.validate(path, checker),
    }
}

impl Validate for Manifests {
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        if let Err(e) = names::dns1123_label(&self.namespace) {
            let p = path.child("namespace");
            let cause = e.rules.first().copied();
            let error =
                FieldError::invalid(ids::S4_NAMESPACE_FORMAT, p, &self.namespace, e.to_string());
            checker.error(FieldError { cause, ..error });
        }
        // The cross-object checks gather what they need from each object right after its rules
        // ran, while it is still in the cache, and report it after every object's problems.
        let cross = Cross::new(self, path.clone());
        let mut gathered = Gathered::new(self, checker.target());
        for (i, object) in self.objects.iter().enumerate() {
            validate_object(object, &self.object_path_under(path, i, object), checker);
            cross.gather(&mut gathered, i, object);
        }
        cross.check(gathered, checker);
    }
}

// ---------------------------------------------------------------------------------------------
// Cross-object checks
// ---------------------------------------------------------------------------------------------

/// Where a StorageClass name leads.
#[derive(Clone, Copy)]
enum ClassKind<'a> {
    InSet(&'a StorageClass),
    External,
    Missing,
}

/// Why a claim is not provisioned dynamically when no PV binds it.
#[derive(Clone, Copy)]
enum NoProvision<'a> {
    VolumeName,
    NoClass,
    NoProvisioner(&'a str),
    MissingClass(&'a str),
    NoDefault,
    Selector,
}

impl NoProvision<'_> {
    /// The rule that makes the claim depend on binding a volume of the set.
    fn rule(self) -> RuleId {
        match self {
            NoProvision::VolumeName => ids::S16_VOLUME_NAME_PREBINDING,
            NoProvision::NoClass => ids::S16_CLASS_MATCH,
            NoProvision::NoProvisioner(_) => ids::S16_NO_PROVISIONER,
            NoProvision::MissingClass(_) => ids::S8_KVOL_STORAGE_CLASS_NAME_EXISTS,
            NoProvision::NoDefault => ids::S16_DEFAULT_CLASS,
            NoProvision::Selector => ids::S16_SELECTOR,
        }
    }

    fn note(self) -> String {
        match self {
            NoProvision::VolumeName => {
                "it names its volume (volumeName), so it is never provisioned dynamically".into()
            }
            NoProvision::NoClass => "storageClassName \"\" means no class, so it is never \
                 provisioned dynamically"
                .into(),
            NoProvision::NoProvisioner(class) => format!(
                "StorageClass {} has provisioner {NO_PROVISIONER}, which never provisions volumes",
                quote(class)
            ),
            NoProvision::MissingClass(class) => {
                format!(
                    "StorageClass {} does not exist to provision it",
                    quote(class)
                )
            }
            NoProvision::NoDefault => "no default StorageClass is known to provision it".into(),
            NoProvision::Selector => {
                "claims with a selector are not provisioned dynamically".into()
            }
        }
    }
}

/// A problem with the class reference itself (reported once per claim or template).
#[derive(Clone, Copy)]
enum ClassProblem<'a> {
    Missing(&'a str),
    NoDefault,
}

/// How a claim's names are formed.
enum Naming<'a> {
    /// One claim: a PersistentVolumeClaim, or a Pod's ephemeral volume (`<pod>-<volume>`).
    Single(Cow<'a, str>),
    /// One claim per StatefulSet replica: `<prefix><ordinal><suffix>`.
    PerReplica {
        prefix: String,
        suffix: String,
        start: u64,
        replicas: u64,
        set: &'a str,
    },
}

/// Where a claim (template) sits in its object; paths are only built for reports.
#[derive(Clone, Copy)]
enum Loc {
    /// The object is the claim.
    Object,
    /// `spec.volumeClaimTemplates[t]` of a StatefulSet.
    Template(usize),
    /// `spec.volumes[k].ephemeral.volumeClaimTemplate` of a Pod.
    PodEphemeral(usize),
    /// `spec.template.spec.volumes[k].ephemeral.volumeClaimTemplate` of a StatefulSet.
    SetEphemeral(usize),
}

/// A claim, or a template of claims, found in the set.
struct Unit<'a> {
    /// The object it comes from.
    obj: usize,
    /// Where in that object.
    loc: Loc,
    namespace: &'a str,
    spec: &'a PvcSpec,
    naming: Naming<'a>,
    class: ClaimClass<'a>,
    /// The class comes from the beta annotation rather than `storageClassName`.
    class_annotated: bool,
    delay: bool,
    no_provision: Option<NoProvision<'a>>,
    problem: Option<ClassProblem<'a>>,
    /// What the binding simulation compares.
    facts: ClaimFacts<'a>,
    /// `binding::claim_hash` of a single claim's namespace and name.
    key: u64,
}

impl Unit<'_> {
    fn name(&self, ordinal: u64) -> Cow<'_, str> {
        match &self.naming {
            Naming::Single(name) => Cow::Borrowed(name),
            Naming::PerReplica { prefix, suffix, .. } => {
                Cow::Owned(format!("{prefix}{ordinal}{suffix}"))
            }
        }
    }

    /// The ordinal of `name` if this unit creates a claim of that name.
    fn ordinal_of(&self, name: &str) -> Option<u64> {
        match &self.naming {
            Naming::Single(n) => (n == name).then_some(0),
            Naming::PerReplica {
                prefix,
                suffix,
                start,
                replicas,
                ..
            } => {
                let digits = name
                    .strip_prefix(prefix.as_str())?
                    .strip_suffix(suffix.as_str())?;
                if digits.is_empty()
                    || !digits.bytes().all(|b| b.is_ascii_digit())
                    || (digits.len() > 1 && digits.starts_with('0'))
                {
                    return None;
                }
                let ordinal: u64 = digits.parse().ok()?;
                (ordinal >= *start && ordinal - start < *replicas).then_some(ordinal)
            }
        }
    }
}

/// What the cross-object checks take from each object as it is validated.
struct Gathered<'a> {
    /// Documents by (kind number, namespace, name): the first object and whether it is a
    /// StatefulSet's Service.
    seen: FxMap<(u8, Option<&'a str>, &'a str), (usize, bool)>,
    /// The duplicates found, reported after the per-object problems and the default-class
    /// warning (`Checker::absorb`).
    duplicates: Checker,
    /// Every claim and claim template, in set order, with its class resolved.
    units: Vec<Unit<'a>>,
    /// The first unit of each PersistentVolumeClaim's `(namespace, name)` (not the ephemeral
    /// claims, whose names are built: `ClaimIndex::new` adds them).
    single: FxMap<(&'a str, &'a str), usize>,
    /// The PersistentVolumes, in set order, and their object indices.
    volumes: Vec<Vol<'a>>,
    volume_objects: Vec<usize>,
    /// Class names of PVs and claims, interned.
    class_ids: FxMap<&'a str, u32>,
    /// PVs per class id.
    per_class: Vec<u64>,
}

impl<'a> Gathered<'a> {
    fn new(m: &Manifests, target: KubeVersion) -> Self {
        // Sized up front: growing would copy the units and rehash every name, reading them all
        // from memory again.
        let (mut volumes, mut claims, mut others) = (0, 0, 0);
        for object in &m.objects {
            match object {
                Object::PersistentVolume(_) => volumes += 1,
                Object::PersistentVolumeClaim(_) => claims += 1,
                Object::Pod(_) | Object::StatefulSet(_) => others += 1,
                Object::StorageClass(_) | Object::Service(_) => {}
            }
        }
        Gathered {
            seen: FxMap::with_capacity_and_hasher(m.objects.len() + others, Default::default()),
            duplicates: Checker::new(target),
            units: Vec::with_capacity(claims),
            single: FxMap::with_capacity_and_hasher(claims, Default::default()),
            volumes: Vec::with_capacity(volumes),
            volume_objects: Vec::with_capacity(volumes),
            class_ids: FxMap::default(),
            per_class: Vec::new(),
        }
    }

    fn class_id(&mut self, name: &'a str) -> u32 {
        let next = self.class_ids.len() as u32;
        let id = *self.class_ids.entry(name).or_insert(next);
        if id == next {
            self.per_class.push(0);
        }
        id
    }
}

struct Cross<'a> {
    m: &'a Manifests,
    /// The set's own path (object paths are built below it when a report needs one).
    base: FieldPath,
    /// Declared external claims, `(namespace, name)`.
    externals: FxMap<(&'a str, &'a str), ()>,
    classes: FxMap<&'a str, &'a StorageClass>,
    default: Option<(&'a StorageClass, usize)>,
}

impl<'a> Cross<'a> {
    fn new(m: &'a Manifests, base: FieldPath) -> Self {
        let mut classes = FxMap::default();
        let mut default = None;
        for (i, object) in m.objects.iter().enumerate() {
            if let Object::StorageClass(sc) = object {
                classes.entry(sc.metadata.name.as_str()).or_insert(sc);
                if sc.is_default() {
                    // Admission gives unset claims the newest default: the last one applied.
                    default = Some((sc, i));
                }
            }
        }
        let externals = m
            .external_claims
            .iter()
            .map(|(ns, name)| ((ns.as_deref().unwrap_or(&m.namespace), name.as_str()), ()))
            .collect();
        Cross {
            m,
            base,
            externals,
            classes,
            default,
        }
    }

    /// The path of object `i`.
    fn path(&self, i: usize) -> FieldPath {
        match self.m.objects.get(i) {
            Some(object) => self.m.object_path_under(&self.base, i, object),
            None => self.base.clone(),
        }
    }

    fn ns(&self, namespace: &'a Option<String>) -> &'a str {
        namespace.as_deref().unwrap_or(&self.m.namespace)
    }

    fn class_kind(&self, name: &str) -> ClassKind<'a> {
        if let Some(sc) = self.classes.get(name) {
            ClassKind::InSet(sc)
        } else if self.m.external_classes.contains(name)
            || matches!(&self.m.default_class, DefaultClassDeclaration::Named(n) if n == name)
        {
            ClassKind::External
        } else {
            ClassKind::Missing
        }
    }

    fn external_claim(&self, namespace: &str, name: &str) -> bool {
        self.externals.contains_key(&(namespace, name))
    }

    /// Takes what the checks need from object `i` (after its own rules ran), and finds its
    /// duplicates.
    fn gather(&self, g: &mut Gathered<'a>, i: usize, object: &'a Object) {
        self.check_duplicates(g, i, object);
        self.collect_units(g, i, object);
        if let Object::PersistentVolume(pv) = object {
            let class = binding::volume_class(pv);
            let id = g.class_id(class);
            if let Some(count) = g.per_class.get_mut(id as usize) {
                *count += 1;
            }
            g.volumes.push(Vol::new(pv, class, id));
            g.volume_objects.push(i);
        }
    }

    fn check(&self, g: Gathered<'a>, checker: &mut Checker) {
        self.check_defaults(checker);
        let Gathered {
            duplicates,
            units,
            single,
            volumes,
            volume_objects,
            per_class,
            ..
        } = g;
        checker.absorb(duplicates);
        let claims = ClaimIndex::new(self, &units, single);
        self.check_claim_references(&claims, checker);
        self.check_binding(
            &units,
            volumes,
            &volume_objects,
            &per_class,
            &claims,
            checker,
        );
    }

    /// More than one default class: admission picks the newest, which is easy to get wrong.
    fn check_defaults(&self, checker: &mut Checker) {
        let defaults: Vec<(usize, &StorageClass)> = (self.m.objects.iter().enumerate())
            .filter_map(|(i, o)| match o {
                Object::StorageClass(sc) if sc.is_default() => Some((i, sc)),
                _ => None,
            })
            .collect();
        let declared = match &self.m.default_class {
            DefaultClassDeclaration::Named(n) => Some(n.as_str()),
            _ => None,
        };
        let mut names: Vec<&str> = declared.into_iter().collect();
        for (_, sc) in &defaults {
            if !names.contains(&sc.metadata.name.as_str()) {
                names.push(&sc.metadata.name);
            }
        }
        if names.len() > 1
            && let Some((i, sc)) = defaults.last()
        {
            let quoted: Vec<String> = names.iter().map(|n| quote(n)).collect();
            let path = self
                .path(*i)
                .child("metadata")
                .child("annotations")
                .key(crate::storage_class::DEFAULT_CLASS_ANNOTATION);
            checker.warn(
                WarningCode::SeveralDefaultClasses,
                path,
                format!(
                    "several default StorageClasses ({}): claims without storageClassName \
                         get the newest one ({}); mark only one class as default",
                    quoted.join(", "),
                    quote(&sc.metadata.name)
                ),
            );
        }
    }

    /// Object `i` against the objects before it (same kind, namespace and name).
    fn check_duplicates(&self, g: &mut Gathered<'a>, i: usize, object: &'a Object) {
        let (seen, checker) = (&mut g.seen, &mut g.duplicates);
        {
            for document in object.documents() {
                let embedded = matches!(
                    (object, document),
                    (Object::StatefulSet(_), Document::Service(_))
                );
                let namespace = match document {
                    Document::Pod(o) => Some(self.ns(&o.metadata.namespace)),
                    Document::PersistentVolumeClaim(o) => Some(self.ns(&o.metadata.namespace)),
                    Document::Service(o) => Some(self.ns(&o.metadata.namespace)),
                    Document::StatefulSet(o) => Some(self.ns(&o.metadata.namespace)),
                    Document::PersistentVolume(_) | Document::StorageClass(_) => None,
                };
                // The kind as a small number, cheaper to hash than its name.
                let key = (kind_number(document), namespace, document_name(document));
                let (j, embedded_j) = match seen.entry(key) {
                    Entry::Vacant(e) => {
                        e.insert((i, embedded));
                        continue;
                    }
                    Entry::Occupied(e) => *e.get(),
                };
                let path = if embedded {
                    self.path(i).child("spec").child("serviceName")
                } else {
                    self.path(i).child("metadata").child("name")
                };
                if embedded || embedded_j {
                    let (Some(a), Some(b)) = (service_of(&self.m.objects[j]), service_of(object))
                    else {
                        continue;
                    };
                    let owner = |k: usize, emb: bool| {
                        if emb {
                            format!(
                                "the headless Service of StatefulSet {} (objects[{k}])",
                                quote(self.m.objects[k].name())
                            )
                        } else {
                            format!("the Service of objects[{k}]")
                        }
                    };
                    let differences = service_differences(a, b);
                    if differences.is_empty() {
                        checker.warn(
                            WarningCode::DuplicateService,
                            path,
                            format!(
                                "Service {} is the same as {}, so it is written twice; keep one",
                                quote(b.metadata.name.as_str()),
                                owner(j, embedded_j)
                            ),
                        );
                    } else {
                        checker.error(FieldError::new(
                            ids::S11_2_KVOL_SERVICE_CONFLICT,
                            path,
                            ErrorKind::Duplicate,
                            Some(quote(&b.metadata.name)),
                            format!(
                                "conflicts with {}: {} differ",
                                owner(j, embedded_j),
                                differences.join(", ")
                            ),
                        ));
                    }
                } else {
                    checker.error(FieldError::new(
                        ids::S4_KVOL_OBJECT_UNIQUE,
                        path,
                        ErrorKind::Duplicate,
                        Some(quote(document.name())),
                        format!("objects[{j}] has the same kind, namespace and name"),
                    ));
                }
            }
        }
    }

    fn unit_path(&self, unit: &Unit<'a>) -> FieldPath {
        let object = self.path(unit.obj);
        match unit.loc {
            Loc::Object => object,
            Loc::Template(t) => object.child("spec").child("volumeClaimTemplates").index(t),
            Loc::PodEphemeral(k) => ephemeral_path(&object.child("spec"), k),
            Loc::SetEphemeral(k) => {
                ephemeral_path(&object.child("spec").child("template").child("spec"), k)
            }
        }
    }

    fn class_path(&self, unit: &Unit<'a>) -> FieldPath {
        let path = self.unit_path(unit);
        if unit.class_annotated {
            path.child("metadata")
                .child("annotations")
                .key(BETA_STORAGE_CLASS_ANNOTATION)
        } else {
            path.child("spec").child("storageClassName")
        }
    }

    /// The claims and claim templates of object `i`, with their class resolved.
    fn collect_units(&self, g: &mut Gathered<'a>, i: usize, object: &'a Object) {
        {
            match object {
                Object::PersistentVolumeClaim(pvc) => {
                    let namespace = self.ns(&pvc.metadata.namespace);
                    let naming = Naming::Single(Cow::Borrowed(pvc.metadata.name.as_str()));
                    self.push_unit(
                        g,
                        (i, Loc::Object),
                        namespace,
                        &pvc.spec,
                        &pvc.metadata.annotations,
                        naming,
                    );
                }
                Object::Pod(pod) => {
                    let namespace = self.ns(&pod.metadata.namespace);
                    for (k, volume) in pod.spec.volumes.iter().enumerate() {
                        if let VolumeSource::Ephemeral(e) = &volume.source {
                            let t = &e.volume_claim_template;
                            let name = format!("{}-{}", pod.metadata.name, volume.name);
                            let naming = Naming::Single(Cow::Owned(name));
                            self.push_unit(
                                g,
                                (i, Loc::PodEphemeral(k)),
                                namespace,
                                &t.spec,
                                &t.metadata.annotations,
                                naming,
                            );
                        }
                    }
                }
                Object::StatefulSet(sts) => {
                    let namespace = self.ns(&sts.metadata.namespace);
                    let replicas = u64::try_from(sts.spec.replicas.unwrap_or(1)).unwrap_or(0);
                    let start = u64::try_from(sts.spec.ordinals_start.unwrap_or(0)).unwrap_or(0);
                    let set = sts.metadata.name.as_str();
                    for (t, template) in sts.spec.volume_claim_templates.iter().enumerate() {
                        let Some(name) = &template.metadata.name else {
                            continue;
                        };
                        let naming = Naming::PerReplica {
                            prefix: format!("{name}-{set}-"),
                            suffix: String::new(),
                            start,
                            replicas,
                            set,
                        };
                        let at = (i, Loc::Template(t));
                        let annotations = &template.metadata.annotations;
                        self.push_unit(g, at, namespace, &template.spec, annotations, naming);
                    }
                    for (k, volume) in sts.spec.template.spec.volumes.iter().enumerate() {
                        if let VolumeSource::Ephemeral(e) = &volume.source {
                            let t = &e.volume_claim_template;
                            let naming = Naming::PerReplica {
                                prefix: format!("{set}-"),
                                suffix: format!("-{}", volume.name),
                                start,
                                replicas,
                                set,
                            };
                            self.push_unit(
                                g,
                                (i, Loc::SetEphemeral(k)),
                                namespace,
                                &t.spec,
                                &t.metadata.annotations,
                                naming,
                            );
                        }
                    }
                }
                Object::PersistentVolume(_) | Object::StorageClass(_) | Object::Service(_) => {}
            }
        }
    }

    /// Resolves a claim's class the way admission and the PV controller do, and adds the claim.
    fn push_unit(
        &self,
        g: &mut Gathered<'a>,
        (obj, loc): (usize, Loc),
        namespace: &'a str,
        spec: &'a PvcSpec,
        annotations: &'a StringMap,
        naming: Naming<'a>,
    ) {
        let mut class_annotated = false;
        let mut problem = None;
        let mut delay = false;
        let mut class_no_provision = None;
        let named: Option<&'a str> = if let Some(a) = annotations.get(BETA_STORAGE_CLASS_ANNOTATION)
        {
            class_annotated = true;
            Some(a.as_str())
        } else {
            match &spec.storage_class {
                ClassRef::Named(n) => Some(n.as_str()),
                ClassRef::NoClass => Some(""),
                ClassRef::ClusterDefault => match (self.default, &self.m.default_class) {
                    (Some((sc, _)), _) => Some(sc.metadata.name.as_str()),
                    (None, DefaultClassDeclaration::Named(n)) => Some(n.as_str()),
                    (None, DefaultClassDeclaration::Assumed) => None,
                    (None, DefaultClassDeclaration::Undeclared) => {
                        problem = Some(ClassProblem::NoDefault);
                        class_no_provision = Some(NoProvision::NoDefault);
                        Some("")
                    }
                },
            }
        };
        let class = match named {
            Some(name) => ClaimClass::Named(name),
            None => ClaimClass::UnknownDefault,
        };
        if let (Some(name), None) = (named, problem) {
            if name.is_empty() {
                class_no_provision = Some(NoProvision::NoClass);
            } else {
                match self.class_kind(name) {
                    ClassKind::InSet(sc) => {
                        delay =
                            sc.volume_binding_mode == Some(VolumeBindingMode::WaitForFirstConsumer);
                        if sc.provisioner == NO_PROVISIONER {
                            class_no_provision = Some(NoProvision::NoProvisioner(name));
                        }
                    }
                    ClassKind::External => {}
                    ClassKind::Missing => {
                        problem = Some(ClassProblem::Missing(name));
                        class_no_provision = Some(NoProvision::MissingClass(name));
                    }
                }
            }
        }
        let no_provision = if spec.volume_name.is_some() {
            Some(NoProvision::VolumeName)
        } else if class_no_provision.is_some() {
            class_no_provision
        } else if spec.selector.is_some() {
            Some(NoProvision::Selector)
        } else {
            None
        };
        let class_id = match class {
            ClaimClass::Named(name) => Some(g.class_id(name)),
            ClaimClass::UnknownDefault => None,
        };
        if let Naming::Single(Cow::Borrowed(name)) = naming {
            g.single.entry((namespace, name)).or_insert(g.units.len());
        }
        let key = match &naming {
            Naming::Single(name) => binding::claim_hash(namespace, name),
            Naming::PerReplica { .. } => 0,
        };
        g.units.push(Unit {
            obj,
            loc,
            namespace,
            spec,
            naming,
            class,
            class_annotated,
            delay,
            no_provision,
            problem,
            facts: ClaimFacts::new(spec, class_id),
            key,
        });
    }

    fn check_claim_references(&self, claims: &ClaimIndex<'_, 'a>, checker: &mut Checker) {
        let mut suggestions = Suggestions::default();
        for (i, object) in self.m.objects.iter().enumerate() {
            let (namespace, spec, templates, in_template): (_, &PodSpec, &[PvcTemplate], _) =
                match object {
                    Object::Pod(pod) => (self.ns(&pod.metadata.namespace), &pod.spec, &[], false),
                    Object::StatefulSet(sts) => (
                        self.ns(&sts.metadata.namespace),
                        &sts.spec.template.spec,
                        &sts.spec.volume_claim_templates,
                        true,
                    ),
                    _ => continue,
                };
            for (k, volume) in spec.volumes.iter().enumerate() {
                let VolumeSource::PersistentVolumeClaim(source) = &volume.source else {
                    continue;
                };
                let name = source.claim_name.as_str();
                // Empty names are the pod rules' business; a claim template of the same name
                // replaces the volume in every pod.
                let replaced = || {
                    templates
                        .iter()
                        .any(|t| t.metadata.name.as_ref() == Some(&volume.name))
                };
                if name.is_empty() || replaced() {
                    continue;
                }
                if claims.exists(namespace, name) {
                    continue;
                }
                let spec_path = match in_template {
                    true => self.path(i).child("spec").child("template").child("spec"),
                    false => self.path(i).child("spec"),
                };
                let path = spec_path
                    .child("volumes")
                    .index(k)
                    .child("persistentVolumeClaim")
                    .child("claimName");
                let mut detail = format!(
                    "no PersistentVolumeClaim of that name in namespace {} in this set, and none \
                     declared external (Manifests::external_claim)",
                    quote(namespace)
                );
                if let Some(s) = suggestions.claim(claims, namespace, name) {
                    detail.push_str(&format!("; did you mean {}?", quote(&s)));
                }
                let elsewhere = claims.namespaces_of(name);
                if !elsewhere.is_empty() {
                    let list: Vec<String> = elsewhere.iter().map(|n| quote(n)).collect();
                    detail.push_str(&format!(
                        "; a claim of that name exists in namespace {} (a pod can only use \
                         claims of its own namespace)",
                        list.join(", ")
                    ));
                }
                let value = Some(quote(name));
                checker.error(FieldError::new(
                    ids::S5_KVOL_CLAIM_NAME_EXISTS,
                    path,
                    ErrorKind::NotFound,
                    value,
                    detail,
                ));
            }
        }
    }

    fn check_binding(
        &self,
        units: &[Unit<'a>],
        volumes: Vec<Vol<'a>>,
        volume_objects: &[usize],
        per_class: &[u64],
        claims: &ClaimIndex<'_, 'a>,
        checker: &mut Checker,
    ) {
        let volumes_of = |id: Option<u32>| {
            id.and_then(|id| per_class.get(id as usize))
                .copied()
                .unwrap_or(0)
        };
        // PVs reserved by claimRef for each per-replica unit: those ordinals are simulated even
        // past the first `class PVs + 1` replicas.
        let mut reserved_ordinals: FxMap<usize, BTreeSet<u64>> = FxMap::default();
        for v in &volumes {
            if let Some((namespace, name)) = v.claim_ref()
                && let Some((u, ordinal)) = claims.per_replica_unit(namespace, name)
            {
                reserved_ordinals.entry(u).or_default().insert(ordinal);
            }
        }

        // The claims, in the order they are created.
        let mut instances: Vec<(usize, u64)> = Vec::new();
        let mut u = 0;
        while u < units.len() {
            let Naming::PerReplica { set, .. } = &units[u].naming else {
                instances.push((u, 0));
                u += 1;
                continue;
            };
            // A StatefulSet's units are adjacent; its pods are created one ordinal at a time.
            let mut end = u;
            while end < units.len()
                && matches!(&units[end].naming, Naming::PerReplica { set: s, .. } if std::ptr::eq(*s, *set))
            {
                end += 1;
            }
            let mut ordinals: Vec<Vec<u64>> = Vec::new();
            for (w, unit) in units.iter().enumerate().take(end).skip(u) {
                let Naming::PerReplica {
                    start, replicas, ..
                } = unit.naming
                else {
                    continue;
                };
                let class_pvs = volumes_of(unit.facts.class_id());
                let reserved = reserved_ordinals.get(&w);
                // Identical claims beyond `bindable + 1` cannot fare better than the first
                // unbound one, so they need not be simulated.
                let bindable = class_pvs + reserved.map_or(0, |r| r.len() as u64);
                let k = replicas.min(bindable.saturating_add(1));
                let mut list: Vec<u64> = (start..start.saturating_add(k)).collect();
                list.extend(
                    reserved
                        .into_iter()
                        .flatten()
                        .filter(|&&o| o >= start.saturating_add(k)),
                );
                ordinals.push(list);
            }
            let mut all: Vec<u64> = ordinals.iter().flatten().copied().collect();
            all.sort_unstable();
            all.dedup();
            for ordinal in all {
                for (offset, list) in ordinals.iter().enumerate() {
                    if list.binary_search(&ordinal).is_ok() {
                        instances.push((u + offset, ordinal));
                    }
                }
            }
            u = end;
        }
        let names: Vec<Cow<'_, str>> = instances.iter().map(|&(u, o)| units[u].name(o)).collect();
        let inputs: Vec<ClaimInput<'_>> = instances
            .iter()
            .zip(&names)
            .map(|(&(u, _), name)| ClaimInput {
                namespace: units[u].namespace,
                name,
                spec: units[u].spec,
                class: units[u].class,
                delay_binding: units[u].delay,
            })
            .collect();
        let facts: Vec<ClaimFacts<'_>> = instances.iter().map(|&(u, _)| units[u].facts).collect();
        let keys: Vec<u64> = (instances.iter().zip(&names))
            .map(|(&(u, _), name)| match units[u].naming {
                Naming::Single(_) => units[u].key,
                Naming::PerReplica { .. } => binding::claim_hash(units[u].namespace, name),
            })
            .collect();
        let sim = Simulation::run_with(volumes, inputs, facts, keys);

        let per_unit = PerUnit::new(units.len(), &instances);

        // Errors, per claim or template.
        for (u, unit) in units.iter().enumerate() {
            let mine = per_unit.of(u);
            let unbound: Vec<usize> = mine
                .iter()
                .copied()
                .filter(|&c| matches!(outcome_of(&sim, c), Outcome::Unbound(_)))
                .collect();
            let total = match unit.naming {
                Naming::Single(_) => 1,
                Naming::PerReplica { replicas, .. } => replicas,
            };
            let failing = unbound.len() as u64 + total.saturating_sub(mine.len() as u64);
            match unit.problem {
                Some(ClassProblem::NoDefault) => {
                    checker.error(FieldError::required(
                        ids::S16_DEFAULT_CLASS,
                        self.class_path(unit),
                        no_default_detail(),
                    ));
                }
                Some(ClassProblem::Missing(name)) if failing > 0 => {
                    let mut detail = format!(
                        "no StorageClass of that name in this set and none declared external \
                         (Manifests::external_storage_class), and no PersistentVolume of class \
                         {} binds the claim",
                        quote(name)
                    );
                    let candidates = self
                        .classes
                        .keys()
                        .copied()
                        .chain(self.m.external_classes.iter().map(String::as_str));
                    if let Some(s) = suggest(name, candidates) {
                        detail.push_str(&format!("; did you mean {}?", quote(s)));
                    }
                    let path = self.class_path(unit);
                    let value = Some(quote(name));
                    checker.error(FieldError::new(
                        ids::S8_KVOL_STORAGE_CLASS_NAME_EXISTS,
                        path,
                        ErrorKind::NotFound,
                        value,
                        detail,
                    ));
                }
                _ => {}
            }
            let explain = match unit.no_provision {
                None | Some(NoProvision::NoDefault) => false,
                // (The missing class is the claim's class.)
                Some(NoProvision::MissingClass(_)) => volumes_of(unit.facts.class_id()) > 0,
                Some(_) => true,
            };
            if failing == 0 || !explain {
                continue;
            }
            let Some(no_provision) = unit.no_provision else {
                continue;
            };
            let note = (no_provision.rule(), no_provision.note());
            // The first unbound claim stands for the others (they are identical but for names).
            let Some(&c) = unbound.first() else { continue };
            let prefix = match unit.naming {
                Naming::Single(_) => String::new(),
                Naming::PerReplica { .. } => {
                    let shown: Vec<String> = unbound
                        .iter()
                        .take(3)
                        .map(|&c| names[c].to_string())
                        .collect();
                    let more = if failing as usize > shown.len() {
                        ", …"
                    } else {
                        ""
                    };
                    format!(
                        "{failing} of {total} claims of this template cannot bind ({}{more}); claim {}: ",
                        shown.join(", "),
                        quote(&names[c])
                    )
                }
            };
            checker.error(self.binding_error(unit, &sim, c, &prefix, &note));
        }

        let instance_of = |namespace: &str, name: &str| {
            let (u, ordinal) = claims.unit_of(namespace, name)?;
            let mine = per_unit.of(u);
            let at = mine
                .binary_search_by_key(&ordinal, |&c| instances[c].1)
                .ok()?;
            mine.get(at).copied()
        };
        self.volume_warnings(volume_objects, &sim, claims, &instance_of, checker);
    }

    fn binding_error(
        &self,
        unit: &Unit<'a>,
        sim: &Simulation<'_>,
        c: usize,
        prefix: &str,
        (rule, note): &(RuleId, String),
    ) -> FieldError {
        let volume_path = || self.unit_path(unit).child("spec").child("volumeName");
        let volume_name = unit.spec.volume_name.as_deref().unwrap_or_default();
        let pv_name = |v: usize| {
            sim.volume(v)
                .map(|pv| pv.metadata.name.as_str())
                .unwrap_or_default()
        };
        match outcome_of(sim, c) {
            Outcome::Unbound(Unbound::VolumeNotFound) => {
                let mut detail = format!(
                    "{prefix}no PersistentVolume of that name in this set (the claim stays Pending \
                     until one exists)"
                );
                let candidates = (0..sim.volume_count()).map(pv_name);
                if let Some(s) = suggest(volume_name, candidates) {
                    detail.push_str(&format!("; did you mean {}?", quote(s)));
                }
                let value = Some(quote(volume_name));
                let path = volume_path();
                let rule = ids::S16_VOLUME_NAME_MISSING;
                FieldError::new(rule, path, ErrorKind::NotFound, value, detail)
            }
            Outcome::Unbound(Unbound::VolumeMismatch { volume }) => {
                let refusals = sim.satisfy_refusals(c, volume);
                let reasons: Vec<String> = refusals.iter().map(ToString::to_string).collect();
                let detail = format!(
                    "{prefix}cannot bind to requested volume {}: {}",
                    quote(volume_name),
                    reasons.join(", ")
                );
                let rule = ids::S16_VOLUME_NAME_PREBINDING;
                let error = FieldError::invalid(rule, volume_path(), volume_name, detail);
                FieldError {
                    cause: refusals.first().map(Refusal::rule),
                    ..error
                }
            }
            Outcome::Unbound(Unbound::VolumeTaken { volume }) => {
                let claim_ref = sim.volume(volume).and_then(|pv| pv.spec.claim_ref.as_ref());
                let holder = match (claim_ref, sim.bound_claim(volume)) {
                    (Some(r), _) => format!("{}/{} by the volume's claimRef", r.namespace, r.name),
                    (None, Some(other)) => {
                        let o = &sim.claims()[other];
                        format!("{}/{}, which is matched first", o.namespace, o.name)
                    }
                    (None, None) => "another claim".to_owned(),
                };
                let detail = format!(
                    "{prefix}volume {} already bound to a different claim ({holder})",
                    quote(volume_name)
                );
                let rule = ids::S16_VOLUME_NAME_TAKEN;
                FieldError::invalid(rule, volume_path(), volume_name, detail)
            }
            Outcome::Unbound(Unbound::NoMatch) | Outcome::Bound { .. } => {
                let (explanation, closest) = sim.explain_with_rule(c, EXPLAIN_LIMIT);
                let detail = format!(
                    "{prefix}no PersistentVolume can bind this claim: {explanation} ({note})"
                );
                let path = self.unit_path(unit);
                let error = FieldError::new(*rule, path, ErrorKind::NotFound, None, detail);
                FieldError {
                    cause: closest,
                    ..error
                }
            }
        }
    }

    fn volume_warnings(
        &self,
        volumes: &[usize],
        sim: &Simulation<'_>,
        claims: &ClaimIndex<'_, 'a>,
        instance_of: &dyn Fn(&str, &str) -> Option<usize>,
        checker: &mut Checker,
    ) {
        // Local volumes bound immediately, per claim class: (first volume, count).
        let mut immediate_local: Vec<(String, usize, usize)> = Vec::new();
        for (v, i) in volumes.iter().enumerate() {
            if let Some((namespace, name)) = sim.claim_ref(v) {
                let path = self.path(*i).child("spec").child("claimRef");
                let claim = format!("{namespace}/{name}");
                match instance_of(namespace, name) {
                    None if claims.exists(namespace, name) => {}
                    None => checker.warn(
                        WarningCode::ClaimRefUnknownClaim,
                        path,
                        format!(
                            "reserved for claim {claim}, which is neither in this set nor declared \
                             external (Manifests::external_claim_in): no other claim can bind \
                             this volume"
                        ),
                    ),
                    Some(c) => match outcome_of(sim, c) {
                        Outcome::Bound {
                            volume,
                            by: BindReason::MutualPreBinding,
                        } if volume == v => {
                            let reasons: Vec<String> = sim
                                .satisfy_refusals(c, v)
                                .iter()
                                .map(ToString::to_string)
                                .collect();
                            if !reasons.is_empty() {
                                checker.warn(
                                    WarningCode::MutualPreBindingMismatch,
                                    path,
                                    format!(
                                        "pre-bound both ways with claim {claim}, so the PV \
                                         controller binds them without checking: {}",
                                        reasons.join(", ")
                                    ),
                                );
                            }
                        }
                        Outcome::Bound { volume, .. } if volume == v => {}
                        outcome => {
                            let reasons: Vec<String> = sim
                                .refusals(c, v)
                                .iter()
                                .filter(|r| !matches!(r, Refusal::BoundTo { .. }))
                                .map(ToString::to_string)
                                .collect();
                            let why = if !reasons.is_empty() {
                                format!(": {}", reasons.join(", "))
                            } else if let Some(n) = &sim.claims()[c].spec.volume_name {
                                format!(" (its volumeName names {})", quote(n))
                            } else {
                                " (the PV controller searches access-mode sets with fewer modes \
                                 first)"
                                    .to_owned()
                            };
                            let what = match outcome {
                                Outcome::Bound { volume, .. } => format!(
                                    "binds PersistentVolume {} instead",
                                    quote(
                                        sim.volume(volume)
                                            .map(|p| p.metadata.name.as_str())
                                            .unwrap_or_default()
                                    )
                                ),
                                Outcome::Unbound(_) => "does not bind it".to_owned(),
                            };
                            checker.warn(
                                WarningCode::ReservedVolumeUnused,
                                path,
                                format!(
                                    "reserved for claim {claim}, but that claim {what}{why}; the \
                                     volume stays unused"
                                ),
                            );
                        }
                    },
                }
            }
            if let Some(c) = sim.bound_claim(v) {
                let input = &sim.claims()[c];
                let by_match = matches!(
                    outcome_of(sim, c),
                    Outcome::Bound {
                        by: BindReason::BestMatch,
                        ..
                    }
                );
                if by_match && !input.delay_binding && sim.is_local(v) {
                    let class = input.class.to_string();
                    match immediate_local.iter_mut().find(|(k, _, _)| *k == class) {
                        Some(entry) => entry.2 += 1,
                        None => immediate_local.push((class, v, 1)),
                    }
                }
            }
        }
        for (class, v, count) in immediate_local {
            let i = volumes.get(v).copied().unwrap_or_default();
            let path = self.path(i).child("spec").child("local");
            let c = sim.bound_claim(v).unwrap_or_default();
            let input = &sim.claims()[c];
            let others = if count > 1 {
                format!(" (and {} more local volumes bound this way)", count - 1)
            } else {
                String::new()
            };
            checker.warn(
                WarningCode::LocalVolumeImmediateBinding,
                path,
                format!(
                    "local volume bound to claim {}/{} through class {class}, which binds \
                     immediately: the claim binds before its pod is scheduled, so the pod is \
                     pinned to this volume's node whatever its other constraints{others}; use a \
                     StorageClass with provisioner {NO_PROVISIONER} and volumeBindingMode: \
                     WaitForFirstConsumer",
                    input.namespace, input.name
                ),
            );
        }
    }
}

/// The simulated claims of each unit, in ordinal order (one allocation for all units).
struct PerUnit {
    offsets: Vec<usize>,
    claims: Vec<usize>,
}

impl PerUnit {
    fn new(units: usize, instances: &[(usize, u64)]) -> Self {
        let mut offsets = vec![0usize; units + 1];
        for &(u, _) in instances {
            offsets[u + 1] += 1;
        }
        for u in 0..units {
            offsets[u + 1] += offsets[u];
        }
        let mut next = offsets.clone();
        let mut claims = vec![0usize; instances.len()];
        for (c, &(u, _)) in instances.iter().enumerate() {
            claims[next[u]] = c;
            next[u] += 1;
        }
        PerUnit { offsets, claims }
    }

    fn of(&self, unit: usize) -> &[usize] {
        match (self.offsets.get(unit), self.offsets.get(unit + 1)) {
            (Some(&start), Some(&end)) => self.claims.get(start..end).unwrap_or_default(),
            _ => &[],
        }
    }
}

/// A claim's outcome (every index used here is in range).
fn outcome_of(sim: &Simulation<'_>, claim: usize) -> Outcome {
    sim.outcome(claim)
        .unwrap_or(Outcome::Unbound(Unbound::NoMatch))
}

fn ephemeral_path(spec_path: &FieldPath, k: usize) -> FieldPath {
    spec_path
        .child("volumes")
        .index(k)
        .child("ephemeral")
        .child("volumeClaimTemplate")
}

fn no_default_detail() -> String {
    "unset storageClassName means \"the cluster's default StorageClass\", and this set neither \
     contains a default class (annotation storageclass.kubernetes.io/is-default-class: \"true\") \
     nor declares one (Manifests::cluster_default_class or assume_default_class); write \
     storageClassName: \"\" to bind only PersistentVolumes without a class, or name a \
     StorageClass"
        .to_owned()
}

/// A number for each kind of document.
fn kind_number(document: Document<'_>) -> u8 {
    match document {
        Document::Pod(_) => 0,
        Document::PersistentVolume(_) => 1,
        Document::PersistentVolumeClaim(_) => 2,
        Document::StorageClass(_) => 3,
        Document::Service(_) => 4,
        Document::StatefulSet(_) => 5,
    }
}

/// The name of a document, borrowed for as long as the object.
fn document_name(document: Document<'_>) -> &str {
    match document {
        Document::Pod(o) => &o.metadata.name,
        Document::PersistentVolume(o) => &o.metadata.name,
        Document::PersistentVolumeClaim(o) => &o.metadata.name,
        Document::StorageClass(o) => &o.metadata.name,
        Document::Service(o) => &o.metadata.name,
        Document::StatefulSet(o) => &o.metadata.name,
    }
}

fn service_of(object: &Object) -> Option<&Service> {
    match object {
        Object::Service(s) => Some(s),
        Object::StatefulSet(s) => Some(&s.service),
        _ => None,
    }
}

fn service_differences(a: &Service, b: &Service) -> Vec<&'static str> {
    let mut out = Vec::new();
    if a.metadata.labels != b.metadata.labels {
        out.push("labels");
    }
    if a.metadata.annotations != b.metadata.annotations {
        out.push("annotations");
    }
    if a.spec.selector != b.spec.selector {
        out.push("selector");
    }
    if a.spec.ports != b.spec.ports {
        out.push("ports");
    }
    if a.spec.publish_not_ready_addresses != b.spec.publish_not_ready_addresses {
        out.push("publishNotReadyAddresses");
    }
    out
}

/// Which claims exist: in the set (objects, templates, ephemeral volumes) or declared.
struct ClaimIndex<'u, 'a> {
    cross: &'u Cross<'a>,
    units: &'u [Unit<'a>],
    /// Single claims by (namespace, name): the first unit.
    single: FxMap<(&'u str, &'u str), usize>,
    /// Per-replica units by (namespace, name prefix up to the ordinal).
    templates: FxMap<(&'a str, &'u str), Vec<usize>>,
    /// Per-replica units whose names go on after the ordinal (ephemeral volumes), by namespace.
    suffixed: FxMap<&'a str, Vec<usize>>,
    /// Namespaces of single claims, by name (built on the first miss).
    by_name: OnceCell<FxMap<&'u str, Vec<&'a str>>>,
}

impl<'u, 'a> ClaimIndex<'u, 'a> {
    /// `single` already holds the first unit of each claim name borrowed from the set.
    fn new(
        cross: &'u Cross<'a>,
        units: &'u [Unit<'a>],
        single: FxMap<(&'u str, &'u str), usize>,
    ) -> Self {
        let mut index = ClaimIndex {
            cross,
            units,
            single,
            templates: FxMap::default(),
            suffixed: FxMap::default(),
            by_name: OnceCell::new(),
        };
        for (u, unit) in units.iter().enumerate() {
            match &unit.naming {
                Naming::Single(Cow::Borrowed(_)) => {}
                Naming::Single(name) => {
                    // After the borrowed names, so the first unit wins by index.
                    let first = index.single.entry((unit.namespace, name)).or_insert(u);
                    *first = (*first).min(u);
                }
                Naming::PerReplica { prefix, suffix, .. } if suffix.is_empty() => {
                    let head = prefix.strip_suffix('-').unwrap_or(prefix);
                    index
                        .templates
                        .entry((unit.namespace, head))
                        .or_default()
                        .push(u);
                }
                Naming::PerReplica { .. } => {
                    index.suffixed.entry(unit.namespace).or_default().push(u)
                }
            }
        }
        index
    }

    /// The per-replica unit that creates claim `namespace/name`, with the ordinal.
    fn per_replica_unit(&self, namespace: &str, name: &str) -> Option<(usize, u64)> {
        if let Some((head, _)) = name.rsplit_once('-')
            && let Some(list) = self.templates.get(&(namespace, head))
        {
            for &u in list {
                if let Some(o) = self.units[u].ordinal_of(name) {
                    return Some((u, o));
                }
            }
        }
        let list = self.suffixed.get(namespace)?;
        list.iter()
            .find_map(|&u| self.units[u].ordinal_of(name).map(|o| (u, o)))
    }

    /// The unit that creates claim `namespace/name`, with the ordinal (0 for single claims).
    fn unit_of(&self, namespace: &str, name: &str) -> Option<(usize, u64)> {
        match self.single.get(&(namespace, name)) {
            Some(&u) => Some((u, 0)),
            None => self.per_replica_unit(namespace, name),
        }
    }

    fn exists(&self, namespace: &str, name: &str) -> bool {
        self.unit_of(namespace, name).is_some() || self.cross.external_claim(namespace, name)
    }

    /// The namespaces with a PersistentVolumeClaim (or ephemeral claim) of this name.
    fn namespaces_of(&self, name: &str) -> Vec<&'a str> {
        let by_name = self.by_name.get_or_init(|| {
            let mut map: FxMap<&'u str, Vec<&'a str>> = FxMap::default();
            for unit in self.units {
                if let Naming::Single(n) = &unit.naming {
                    map.entry(n).or_default().push(unit.namespace);
                }
            }
            map
        });
        let mut out: Vec<&'a str> = by_name.get(name).cloned().unwrap_or_default();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Candidate claim names per namespace, built on the first miss.
#[derive(Default)]
struct Suggestions {
    claims: HashMap<String, Vec<String>>,
}

impl Suggestions {
    fn claim(
        &mut self,
        claims: &ClaimIndex<'_, '_>,
        namespace: &str,
        name: &str,
    ) -> Option<String> {
        let list = self.claims.entry(namespace.to_owned()).or_insert_with(|| {
            let mut list: Vec<String> = Vec::new();
            for unit in claims.units.iter().filter(|u| u.namespace == namespace) {
                match &unit.naming {
                    Naming::Single(n) => list.push(n.to_string()),
                    Naming::PerReplica {
                        start, replicas, ..
                    } if *replicas > 0 => {
                        list.push(unit.name(*start).into_owned());
                    }
                    Naming::PerReplica { .. } => {}
                }
            }
            for (ns, n) in claims.cross.m.external_claims() {
                if ns.unwrap_or(&claims.cross.m.namespace) == namespace {
                    list.push(n.to_owned());
                }
            }
            list
        });
        suggest(name, list.iter().map(String::as_str)).map(str::to_owned)
    }
}

/// The closest candidate within a small edit distance, for "did you mean".
fn suggest<'c>(target: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    let limit = (target.chars().count() / 3).max(2);
    let mut best: Option<(usize, &'c str)> = None;
    for candidate in candidates {
        if candidate == target {
            continue;
        }
        if candidate.len().abs_diff(target.len()) > limit {
            continue;
        }
        let d = edit_distance(target, candidate);
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let cost = usize::from(ca != *cb);
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + cost);
            diagonal = above;
        }
    }
    row[b.len()]
}
