//! [`PvcBuilder`] (PersistentVolumeClaims) and [`PvcTemplateBuilder`] (StatefulSet claim
//! templates, ephemeral volumes).

use super::{IntoQuantity, Problems, QuantitySlot, put};
use crate::{
    access::{AccessMode, AccessModes, VolumeMode},
    meta::{ObjectMeta, TemplateMeta},
    pvc::{
        ClassRef, PersistentVolumeClaim, PvcSpec, PvcTemplate, StorageResources,
        TypedLocalObjectReference, TypedObjectReference,
    },
    report::{FieldError, FieldPath, Report},
    selector::LabelSelector,
    validate::Valid,
    version::KubeVersion,
};

/// The spec of a claim while it is being built (sizes not yet converted).
#[derive(Debug, Clone, Default)]
struct ClaimSpecParts {
    access_modes: AccessModes,
    request: QuantitySlot,
    limit: QuantitySlot,
    storage_class: ClassRef,
    volume_mode: Option<VolumeMode>,
    volume_name: Option<String>,
    selector: Option<LabelSelector>,
    data_source: Option<TypedLocalObjectReference>,
    data_source_ref: Option<TypedObjectReference>,
    extra: crate::schema::Extras,
    volume_attributes_class_name: Option<String>,
}

impl ClaimSpecParts {
    /// The spec at `spec_path`; size problems are reported under `spec_path.resources`.
    fn assemble(self, spec_path: &FieldPath, problems: &mut Problems) -> PvcSpec {
        let resources = spec_path.child("resources");
        let request_path = resources.child("requests").key("storage");
        // The API server reports the request as `spec.resources[storage]` (k8s-rules.md §8).
        let aliases = [
            resources.key("storage"),
            resources.child("requests").child("storage"),
        ];
        // `ValidatePersistentVolumeClaimSpec` without a request: `Required` at
        // `spec.resources[storage]` (its path quirk).
        let missing = vec![FieldError::required(
            crate::rules::ids::S8_REQUEST_REQUIRED,
            resources.key("storage"),
            "",
        )];
        let requests = problems.quantity_or(self.request, missing, request_path, &aliases);
        let limits =
            problems.optional_quantity(self.limit, resources.child("limits").key("storage"));
        PvcSpec {
            access_modes: self.access_modes,
            data_source: self.data_source,
            data_source_ref: self.data_source_ref,
            resources: StorageResources { requests, limits },
            selector: self.selector,
            storage_class: self.storage_class,
            volume_attributes_class_name: self.volume_attributes_class_name,
            volume_mode: self.volume_mode,
            volume_name: self.volume_name,
            extra: self.extra,
        }
    }
}

/// The claim-spec methods shared by [`PvcBuilder`] and [`PvcTemplateBuilder`].
macro_rules! claim_spec_methods {
    () => {
        /// Sets a claim spec field kvol does not model (the escape hatch): `name` is its JSON
        /// name (`volumeAttributesClassName`), checked at build time against the Kubernetes
        /// schema of the target version, like the value's type. A field kvol models is refused
        /// (the error names its builder method).
        pub fn extra(
            mut self,
            name: impl Into<String>,
            value: impl Into<crate::schema::Value>,
        ) -> Self {
            self.spec.extra.insert(name, value);
            self
        }
        /// Adds an access mode (several calls add several modes).
        pub fn access_mode(mut self, mode: AccessMode) -> Self {
            self.spec.access_modes.insert(mode);
            self
        }
        /// Sets the access modes, replacing those added so far.
        pub fn access_modes(mut self, modes: impl Into<AccessModes>) -> Self {
            self.spec.access_modes = modes.into();
            self
        }
        /// Sets the storage request (`resources.requests.storage`), e.g. `"1Gi"`. Required.
        ///
        /// Text that is not a quantity is reported by `build()` at
        /// `spec.resources.requests[storage]`.
        pub fn request(mut self, size: impl IntoQuantity) -> Self {
            self.spec.request = Some(size.into_quantity());
            self
        }
        /// Sets the storage limit (`resources.limits.storage`).
        ///
        /// Text that is not a quantity is reported by `build()` at
        /// `spec.resources.limits[storage]`.
        pub fn limit(mut self, size: impl IntoQuantity) -> Self {
            self.spec.limit = Some(size.into_quantity());
            self
        }
        /// Asks for the StorageClass `name` (`storageClassName: name`).
        pub fn storage_class(mut self, name: impl Into<String>) -> Self {
            self.spec.storage_class = ClassRef::Named(name.into());
            self
        }
        /// Asks for no class (`storageClassName: ""`): binds only to PVs without a class and is
        /// never provisioned dynamically. Without this or [`storage_class`](Self::storage_class)
        /// the field is omitted and the cluster's default class is filled in.
        pub fn no_storage_class(mut self) -> Self {
            self.spec.storage_class = ClassRef::NoClass;
            self
        }
        /// Sets the volume mode (unset: `Filesystem`).
        pub fn volume_mode(mut self, mode: VolumeMode) -> Self {
            self.spec.volume_mode = Some(mode);
            self
        }
        /// Pre-binds the claim to the PersistentVolume `pv_name`.
        pub fn volume_name(mut self, pv_name: impl Into<String>) -> Self {
            self.spec.volume_name = Some(pv_name.into());
            self
        }
        /// Names the VolumeAttributesClass of the volume (`volumeAttributesClassName`).
        pub fn volume_attributes_class(mut self, class: impl Into<String>) -> Self {
            self.spec.volume_attributes_class_name = Some(class.into());
            self
        }
        /// Restores the claim from a VolumeSnapshot of its namespace (`dataSource` of kind
        /// VolumeSnapshot, group `snapshot.storage.k8s.io`).
        pub fn from_snapshot(mut self, snapshot: impl Into<String>) -> Self {
            self.spec.data_source = Some(TypedLocalObjectReference {
                api_group: Some(crate::snapshot::SNAPSHOT_GROUP.to_owned()),
                kind: "VolumeSnapshot".to_owned(),
                name: snapshot.into(),
            });
            self
        }
        /// Binds only to PVs with this label (adds to `selector.matchLabels`).
        pub fn selector_label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
            let selector = self
                .spec
                .selector
                .get_or_insert_with(LabelSelector::default);
            put(&mut selector.match_labels, key, value);
            self
        }
        /// Sets the PV selector, replacing labels added so far.
        pub fn selector(mut self, selector: LabelSelector) -> Self {
            self.spec.selector = Some(selector);
            self
        }
        /// Populates the volume from a snapshot or another claim (`dataSource`).
        pub fn data_source(mut self, source: TypedLocalObjectReference) -> Self {
            self.spec.data_source = Some(source);
            self
        }
        /// Populates the volume from a populator object (`dataSourceRef`).
        pub fn data_source_ref(mut self, source: TypedObjectReference) -> Self {
            self.spec.data_source_ref = Some(source);
            self
        }
    };
}

impl PersistentVolumeClaim {
    /// Starts a PersistentVolumeClaim named `name` (a DNS-1123 subdomain).
    ///
    /// ```
    /// use kvol_core::{AccessMode, PersistentVolumeClaim};
    ///
    /// // Static provisioning: no class, so only PVs without a class can bind.
    /// let pvc = PersistentVolumeClaim::builder("mongo-pvc")
    ///     .access_mode(AccessMode::ReadWriteOnce)
    ///     .request("1Gi")
    ///     .no_storage_class()
    ///     .build()?;
    /// assert_eq!(pvc.spec.resources.requests.to_string(), "1Gi");
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> PvcBuilder {
        PvcBuilder {
            metadata: ObjectMeta::named(name),
            spec: ClaimSpecParts::default(),
            target: KubeVersion::DEFAULT,
        }
    }
}

/// Builds a [`PersistentVolumeClaim`]; start with [`PersistentVolumeClaim::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct PvcBuilder {
    metadata: ObjectMeta,
    spec: ClaimSpecParts,
    target: KubeVersion,
}

impl PvcBuilder {
    /// Sets the namespace.
    pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
        self.metadata.namespace = Some(namespace.into());
        self
    }
    /// Adds a label.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.metadata.labels, key, value);
        self
    }
    /// Adds an annotation.
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.metadata.annotations, key, value);
        self
    }

    claim_spec_methods!();

    /// Validates for this Kubernetes release instead of [`KubeVersion::DEFAULT`].
    pub fn target(mut self, target: KubeVersion) -> Self {
        self.target = target;
        self
    }

    fn assemble(self) -> (PersistentVolumeClaim, Problems, KubeVersion) {
        let mut problems = Problems::default();
        let spec = self
            .spec
            .assemble(&FieldPath::root().child("spec"), &mut problems);
        (
            PersistentVolumeClaim {
                metadata: self.metadata,
                spec,
            },
            problems,
            self.target,
        )
    }

    /// Builds and validates the claim: every conversion and validation error at once.
    pub fn build(self) -> Result<Valid<PersistentVolumeClaim>, Report> {
        let (pvc, problems, target) = self.assemble();
        problems.finish(pvc, target)
    }

    /// Builds without failing, with the warnings of the target release. For the `kvol` macros,
    /// whose input was checked at compile time with the same rules; use [`build`](Self::build).
    #[doc(hidden)]
    pub fn __build_prechecked(self) -> Valid<PersistentVolumeClaim> {
        let (pvc, _, target) = self.assemble();
        super::prechecked(pvc, target)
    }
}

impl PvcTemplate {
    /// Starts a claim template named `name`: a StatefulSet claim template (mounts refer to it by
    /// this name) or the template of an ephemeral volume.
    ///
    /// ```
    /// use kvol_core::{AccessMode, Container, PvcTemplate, StatefulSet};
    ///
    /// let set = StatefulSet::builder("db")
    ///     .container(Container::builder("db", "postgres:17").mount("data", "/var/lib/postgresql"))
    ///     .claim(
    ///         PvcTemplate::builder("data")
    ///             .request("10Gi")
    ///             .access_mode(AccessMode::ReadWriteOnce)
    ///             .storage_class("fast"),
    ///     )
    ///     .build()?;
    /// let template = &set.spec.volume_claim_templates[0];
    /// assert_eq!(template.metadata.name.as_deref(), Some("data"));
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> PvcTemplateBuilder {
        PvcTemplateBuilder {
            metadata: TemplateMeta {
                name: Some(name.into()),
                ..TemplateMeta::default()
            },
            spec: ClaimSpecParts::default(),
        }
    }
}

/// Builds a [`PvcTemplate`]; start with [`PvcTemplate::builder`] and hand it to
/// [`StatefulSetBuilder::claim`](super::StatefulSetBuilder::claim) or
/// [`VolumeSource::ephemeral_claim`](crate::VolumeSource::ephemeral_claim).
#[derive(Debug, Clone)]
#[must_use = "a claim template builder does nothing until it is added to a StatefulSet"]
pub struct PvcTemplateBuilder {
    metadata: TemplateMeta,
    spec: ClaimSpecParts,
}

impl PvcTemplateBuilder {
    /// Adds a label to the claims created from the template.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.metadata.labels, key, value);
        self
    }
    /// Adds an annotation to the claims created from the template.
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.metadata.annotations, key, value);
        self
    }

    claim_spec_methods!();

    /// The template at field path `base`, with its problems recorded under `base`.
    pub(crate) fn assemble(self, base: &FieldPath, problems: &mut Problems) -> PvcTemplate {
        let spec = self.spec.assemble(&base.child("spec"), problems);
        PvcTemplate {
            metadata: self.metadata,
            spec,
        }
    }

    /// The template, or the conversion errors (a size that is missing or does not parse) with
    /// paths relative to the template, e.g. `spec.resources.requests[storage]`. Templates are
    /// validated as part of the object that holds them.
    pub fn into_template(self) -> Result<PvcTemplate, Vec<FieldError>> {
        let mut problems = Problems::default();
        let template = self.assemble(&FieldPath::root(), &mut problems);
        if problems.is_empty() {
            Ok(template)
        } else {
            Err(problems.into_errors())
        }
    }
}
