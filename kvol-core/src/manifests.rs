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
//! # The object of a finding
//!
//! Every error and warning about object `i` (from its own rules or from a cross-object check,
//! which reports on the object its path starts with) also carries `i` as a typed field,
//! [`FieldError::object`](crate::FieldError::object) and
//! [`Warning::object`](crate::Warning::object): `Some(i)` for `objects()[i]`, `None` for
//! problems of the set itself. Callers need not parse the path.
//!
//! ```
//! use kvol_core::{Manifests, Validate, meta::ObjectMeta, pvc::{PersistentVolumeClaim, PvcSpec}};
//! use kvol_core::access::AccessMode;
//!
//! let claim = PersistentVolumeClaim {
//!     metadata: ObjectMeta::named("Data"),
//!     spec: PvcSpec::new(AccessMode::ReadWriteOnce.into(), "1Gi".parse()?),
//! };
//! let report = Manifests::new().namespace("apps").with(claim).check();
//! assert_eq!(report.errors[0].object, Some(0));
//! assert!(report.errors[0].path.as_str().starts_with("objects[0](PersistentVolumeClaim apps/Data)"));
//! # Ok::<(), kvol_core::QuantityError>(())
//! ```
//!
//! # Cross-object checks
//!
//! The objects are also checked against each other (duplicates, claim references, classes, the
//! PV controller's binding simulated): see [`crate::rules`] (`rules/set/`).

use crate::{
    object::{Document, Object},
    render::ToDocuments,
    report::FieldPath,
    validate::Valid,
};
use std::collections::BTreeSet;

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
    // Read by the cross-object rules (`rules::set`).
    pub(crate) objects: Vec<Object>,
    pub(crate) namespace: String,
    pub(crate) external_claims: BTreeSet<(Option<String>, String)>,
    pub(crate) external_classes: BTreeSet<String>,
    pub(crate) default_class: DefaultClassDeclaration,
    /// Other objects that exist outside the set: (kind, namespace for namespaced kinds, name).
    pub(crate) external_objects: BTreeSet<(ExternalKind, Option<String>, String)>,
}

/// The kinds of objects a set may declare as existing outside itself (besides claims and
/// StorageClasses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExternalKind {
    /// A ConfigMap (namespaced).
    ConfigMap,
    /// A Secret (namespaced).
    Secret,
    /// A VolumeSnapshot (namespaced).
    VolumeSnapshot,
    /// A VolumeSnapshotClass (cluster-scoped).
    VolumeSnapshotClass,
    /// A VolumeAttributesClass (cluster-scoped).
    VolumeAttributesClass,
    /// A Service (namespaced): a StatefulSet's governing Service declared outside the set.
    Service,
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
            external_objects: BTreeSet::new(),
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

    /// Declares a ConfigMap that already exists in the set's namespace (volumes and
    /// environment variables may name it; its keys are not known).
    pub fn external_config_map(self, name: impl Into<String>) -> Self {
        self.external(ExternalKind::ConfigMap, name)
    }

    /// Declares a Secret that already exists in the set's namespace (its keys are not known).
    pub fn external_secret(self, name: impl Into<String>) -> Self {
        self.external(ExternalKind::Secret, name)
    }

    /// Declares a VolumeSnapshot that already exists in the set's namespace (claims may be
    /// restored from it; its class is not known).
    pub fn external_volume_snapshot(self, name: impl Into<String>) -> Self {
        self.external(ExternalKind::VolumeSnapshot, name)
    }

    /// Declares a VolumeSnapshotClass that already exists in the cluster.
    pub fn external_snapshot_class(self, name: impl Into<String>) -> Self {
        self.external(ExternalKind::VolumeSnapshotClass, name)
    }

    /// Declares a VolumeAttributesClass that already exists in the cluster.
    pub fn external_attributes_class(self, name: impl Into<String>) -> Self {
        self.external(ExternalKind::VolumeAttributesClass, name)
    }

    /// Declares a Service that already exists in the set's namespace: the governing Service
    /// of a StatefulSet declared with `service_in_set` (kvol does not check it).
    pub fn external_service(self, name: impl Into<String>) -> Self {
        self.external(ExternalKind::Service, name)
    }

    /// Declares an object of `kind` that already exists (namespaced kinds: in the set's
    /// namespace).
    pub fn external(mut self, kind: ExternalKind, name: impl Into<String>) -> Self {
        self.external_objects.insert((kind, None, name.into()));
        self
    }

    /// Declares an object of `kind` that already exists in `namespace` (for cluster-scoped
    /// kinds the namespace is ignored).
    pub fn external_in(
        mut self,
        kind: ExternalKind,
        namespace: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        self.external_objects
            .insert((kind, Some(namespace.into()), name.into()));
        self
    }

    /// The objects declared external with [`Manifests::external`] and its shorthands:
    /// `(kind, namespace if given, name)`.
    pub fn external_objects(&self) -> impl Iterator<Item = (ExternalKind, Option<&str>, &str)> {
        self.external_objects
            .iter()
            .map(|(k, ns, n)| (*k, ns.as_deref(), n.as_str()))
    }

    /// True when an object of `kind` named `name` (in `namespace` for namespaced kinds) is
    /// declared external.
    pub(crate) fn is_external(&self, kind: ExternalKind, namespace: &str, name: &str) -> bool {
        let cluster_scoped = matches!(
            kind,
            ExternalKind::VolumeSnapshotClass | ExternalKind::VolumeAttributesClass
        );
        self.external_objects.iter().any(|(k, ns, n)| {
            *k == kind
                && n == name
                && (cluster_scoped || ns.as_deref().unwrap_or(&self.namespace) == namespace)
        })
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
        let ns = object.namespace_field()?;
        Some(ns.as_deref().unwrap_or(&self.namespace))
    }

    /// The path prefix of object `index` at the top of a report, e.g.
    /// `objects[1](PersistentVolumeClaim default/mongo-pvc)`; `None` past the end.
    pub fn object_path(&self, index: usize) -> Option<FieldPath> {
        let object = self.objects.get(index)?;
        Some(self.object_path_under(&FieldPath::root(), index, object))
    }

    pub(crate) fn object_path_under(
        &self,
        base: &FieldPath,
        index: usize,
        object: &Object,
    ) -> FieldPath {
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
