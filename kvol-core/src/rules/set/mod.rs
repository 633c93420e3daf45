//! The cross-object rules of a [`Manifests`] set, run by its [`Validate`] impl after each
//! object's own rules:
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
//! * a Block-mode claim mounted with `volumeMounts`, or a Filesystem-mode claim attached with
//!   `volumeDevices` (the kubelet refuses both);
//! * warnings: a PersistentVolume reserved by `claimRef` for a claim that is not in the set, or
//!   that binds another volume; a `local` volume bound through a class without
//!   `WaitForFirstConsumer`; a volume and claim pre-bound to each other that do not match.

//!
//! One check per file: `duplicates`, `default_class`, `units` (the claims of the set and their
//! classes), `claims` (claim references), `pv_binding` (the simulated PV controller) and
//! `volume_warnings`.

use crate::{
    binding::{
        self, ClaimClass, ClaimFacts, FxMap, NO_PROVISIONER, Outcome, Simulation, Unbound, Vol,
    },
    manifests::{DefaultClassDeclaration, Manifests},
    names,
    object::Object,
    pvc::PvcSpec,
    report::{FieldError, FieldPath, quote},
    storage_class::StorageClass,
    validate::{Checker, Validate},
    version::KubeVersion,
};
use crate::{report::RuleId, rules::ids};
use std::borrow::Cow;

mod block_mode;
mod claims;
mod default_class;
mod duplicates;
mod pv_binding;
mod refs;
mod services;
mod units;
mod volume_warnings;

use claims::ClaimIndex;

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
            checker.set_object(Some(i));
            object.validate(&self.object_path_under(path, i, object), checker);
            checker.set_object(None);
            cross.gather(&mut gathered, i, object);
        }
        cross.check(gathered, checker);
    }
}

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
                Object::Pod(_)
                | Object::StatefulSet(_)
                | Object::Deployment(_)
                | Object::DaemonSet(_) => others += 1,
                _ => {}
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
        self.check_services(checker);
        self.check_block_mode(&claims, checker);
        self.check_references(&claims, checker);
        self.check_binding(
            &units,
            volumes,
            &volume_objects,
            &per_class,
            &claims,
            checker,
        );
    }
}

/// A claim's outcome (every index used here is in range).
fn outcome_of(sim: &Simulation<'_>, claim: usize) -> Outcome {
    sim.outcome(claim)
        .unwrap_or(Outcome::Unbound(Unbound::NoMatch))
}

fn no_default_detail() -> String {
    "unset storageClassName means \"the cluster's default StorageClass\", and this set neither \
     contains a default class (annotation storageclass.kubernetes.io/is-default-class: \"true\") \
     nor declares one, and no PersistentVolume without a class binds the claim; write \
     storageClassName: \"\" to bind only PersistentVolumes without a class, or name a \
     StorageClass"
        .to_owned()
}
