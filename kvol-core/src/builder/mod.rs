//! Builders for the library API: raw input in (`&str` names, `"1Gi"` sizes, numbers), a
//! [`Valid`] object or every problem at once out.
//!
//! Every builder follows the same rules (see `docs/builder-api.md`):
//!
//! - Builder methods never fail and never panic. A size that does not parse is remembered with
//!   the path of the field it was meant for (e.g. `spec.resources.requests[storage]`).
//! - `build()` runs the validation rules for the target release ([`KubeVersion::DEFAULT`] unless
//!   `.target(v)` says otherwise) and returns `Ok(Valid<T>)`, or `Err(Report)` with the
//!   builder's own conversion errors first, then every validation error.
//! - `__build_prechecked()` is for the `kvol` macros only: their input was checked at compile time
//!   with the same rules, so it builds and collects warnings without failing.
//!
//! Entry points are associated functions of the model types: [`Pod::builder`](crate::Pod::builder),
//! [`Container::builder`](crate::Container::builder),
//! [`PersistentVolumeClaim::builder`](crate::PersistentVolumeClaim::builder),
//! [`PvcTemplate::builder`](crate::PvcTemplate::builder),
//! [`PersistentVolume::builder`](crate::PersistentVolume::builder),
//! [`StorageClass::builder`](crate::StorageClass::builder),
//! [`Service::builder`](crate::Service::builder) and
//! [`StatefulSet::builder`](crate::StatefulSet::builder), all defined here (the model never
//! refers to this layer), together with the volume constructors that take unchecked input,
//! [`VolumeSource::empty_dir_sized`](crate::VolumeSource::empty_dir_sized) and
//! [`VolumeSource::ephemeral_claim`](crate::VolumeSource::ephemeral_claim).

mod kinds;
mod pod;
mod pod_spec;
mod pv;
mod pvc;
mod quantity_input;
mod service;
mod statefulset;
mod storage_class;
mod volume_source;

pub use kinds::{
    AttributesClassBuilder, ConfigMapBuilder, DaemonSetBuilder, DeploymentBuilder, PdbBuilder,
    SecretBuilder, SnapshotBuilder, SnapshotClassBuilder,
};
pub use pod::{ContainerBuilder, PodBuilder, SourceInput};
pub use pv::PvBuilder;
pub use pvc::{PvcBuilder, PvcTemplateBuilder};
pub use quantity_input::{IntoQuantity, QuantityInputError};
pub use service::ServiceBuilder;
pub use statefulset::{StatefulSetBuilder, governing_service};
pub use storage_class::StorageClassBuilder;

use crate::{
    meta::StringMap,
    quantity::Quantity,
    report::{FieldError, FieldPath, Report},
    validate::{Valid, Validate},
    version::KubeVersion,
};

/// A size as a builder holds it: not given, given and parsed, or given and not a quantity.
pub(crate) type QuantitySlot = Option<Result<Quantity, QuantityInputError>>;

/// Problems the builder itself found while assembling a value (sizes that do not parse,
/// required sizes or sources that were never given), and the fields where the assembled value
/// holds a stand-in instead of user input.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    errors: Vec<FieldError>,
    /// Validation errors at (or under) these paths are about a stand-in value, not about what the
    /// user wrote, and are dropped: the builder's own error already explains the field.
    stand_ins: Vec<FieldPath>,
}

impl Problems {
    /// Records a builder error.
    pub(crate) fn error(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// Marks a field that holds a stand-in: validation errors at or under `path` are dropped.
    pub(crate) fn stand_in(&mut self, path: FieldPath) {
        self.stand_ins.push(path);
    }

    /// Errors of an embedded input whose paths are relative to `base`.
    pub(crate) fn relative(&mut self, base: &FieldPath, errors: &[FieldError]) {
        for e in errors {
            let mut e = e.clone();
            e.path = base.join(&e.path);
            self.error(e);
        }
    }

    /// An optional size: `None` when not given or not a quantity (then an error at `path`).
    pub(crate) fn optional_quantity(
        &mut self,
        slot: QuantitySlot,
        path: FieldPath,
    ) -> Option<Quantity> {
        match slot {
            None => None,
            Some(Ok(q)) => Some(q),
            Some(Err(e)) => {
                self.error(e.into_field_error(path));
                None
            }
        }
    }

    /// The quantity of `slot`; when it was not given, the API server's `missing` errors (its
    /// paths for an absent quantity are not always the quantity's own), when it does not
    /// parse, the parse error at `path`. Either way a zero stands in at `path` and `aliases`.
    pub(crate) fn quantity_or(
        &mut self,
        slot: QuantitySlot,
        missing: Vec<FieldError>,
        path: FieldPath,
        aliases: &[FieldPath],
    ) -> Quantity {
        match slot {
            Some(Ok(q)) => return q,
            Some(Err(e)) => self.error(e.into_field_error(path.clone())),
            None => {
                for e in missing {
                    self.error(e);
                }
            }
        }
        self.stand_in(path);
        for a in aliases {
            self.stand_in(a.clone());
        }
        zero()
    }

    /// True when the builder found nothing.
    pub(crate) fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The builder's errors alone (for inputs that are validated as part of another object).
    pub(crate) fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }

    /// Validates `value` for `target` and merges the builder's errors (first) with the
    /// validation errors (those about stand-in values left out).
    pub(crate) fn finish<T: Validate>(
        self,
        value: T,
        target: KubeVersion,
    ) -> Result<Valid<T>, Report> {
        if self.errors.is_empty() {
            return Valid::new_for(value, target);
        }
        let report = value.check_for(target);
        let mut errors = self.errors;
        errors.extend(
            report
                .errors
                .into_iter()
                .filter(|e| !self.stand_ins.iter().any(|s| covers(s, &e.path))),
        );
        Err(Report {
            errors,
            warnings: report.warnings,
        })
    }
}

/// True when `path` is `prefix` or a field under it.
fn covers(prefix: &FieldPath, path: &FieldPath) -> bool {
    let (p, s) = (prefix.as_str(), path.as_str());
    s.strip_prefix(p)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// Wraps a value the macros checked at compile time: computes its warnings, never fails.
pub(crate) fn prechecked<T: Validate>(value: T, target: KubeVersion) -> Valid<T> {
    let warnings = value.check_for(target).warnings;
    Valid::__prevalidated(value, warnings, target)
}

/// The quantity `0`: the stand-in for a required size that is missing or did not parse (the
/// builder reports it, so `build()` never returns a value holding the stand-in).
fn zero() -> Quantity {
    Quantity::from_bytes(0)
}

/// Inserts `key: value` into labels, annotations or a selector.
pub(crate) fn put(map: &mut StringMap, key: impl Into<String>, value: impl Into<String>) {
    map.insert(key.into(), value.into());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{rules::ids, validate::Checker};

    /// Reports errors at a stand-in's alias, under a stand-in, and elsewhere, plus a warning.
    #[derive(Debug)]
    struct Rules;

    impl Validate for Rules {
        fn validate(&self, path: &FieldPath, checker: &mut Checker) {
            let spec = path.child("spec");
            let storage = spec.child("resources").key("storage");
            checker.error(FieldError::invalid(
                ids::S3_4_POSITIVE_REQUEST,
                storage,
                "0",
                "must be greater than zero",
            ));
            checker.error(FieldError::required(
                ids::S7_NFS_SERVER_REQUIRED,
                spec.child("nfs").child("server"),
                "",
            ));
            checker.error(FieldError::required(
                ids::S4_NAME_REQUIRED,
                path.child("metadata").child("name"),
                "",
            ));
            checker.warn(crate::WarningCode::FractionalBytes, spec, "a warning");
        }
    }

    fn request_path() -> FieldPath {
        FieldPath::root()
            .child("spec")
            .child("resources")
            .child("requests")
            .key("storage")
    }

    #[test]
    fn without_builder_errors_validation_decides() {
        let report = Problems::default()
            .finish(Rules, KubeVersion::DEFAULT)
            .unwrap_err();
        assert_eq!(report.errors.len(), 3);
        assert_eq!(report.warnings.len(), 1);
    }

    #[test]
    fn builder_errors_come_first_and_stand_in_errors_are_dropped() {
        let mut problems = Problems::default();
        let aliases = [FieldPath::root()
            .child("spec")
            .child("resources")
            .key("storage")];
        let required = FieldError::required(ids::S8_REQUEST_REQUIRED, request_path(), "");
        let q = problems.quantity_or(None, vec![required], request_path(), &aliases);
        assert!(q.is_zero());
        problems.stand_in(FieldPath::root().child("spec").child("nfs"));
        let report = problems.finish(Rules, KubeVersion::DEFAULT).unwrap_err();
        let text: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "spec.resources.requests[storage]: Required value",
                "metadata.name: Required value"
            ]
        );
        assert_eq!(report.warnings.len(), 1);
    }

    #[test]
    fn optional_quantities_report_without_stand_ins() {
        let mut problems = Problems::default();
        let bad = QuantityInputError {
            input: "x".into(),
            error: crate::quantity::QuantityError {
                message: "m".into(),
            },
        };
        let path = FieldPath::root()
            .child("spec")
            .child("resources")
            .key("storage");
        assert_eq!(
            problems.optional_quantity(Some(Err(bad)), path.clone()),
            None
        );
        assert_eq!(problems.optional_quantity(None, path), None);
        let report = problems.finish(Rules, KubeVersion::DEFAULT).unwrap_err();
        // The builder's error, then all three validation errors (nothing is a stand-in).
        assert_eq!(report.errors.len(), 4);
        assert_eq!(
            report.errors[0].to_string(),
            "spec.resources[storage]: Invalid value: \"x\": m"
        );
    }

    #[test]
    fn prechecked_keeps_warnings_and_ignores_errors() {
        let valid = prechecked(Rules, KubeVersion::OLDEST);
        assert_eq!(valid.warnings().len(), 1);
        assert_eq!(valid.target(), KubeVersion::OLDEST);
    }

    #[test]
    fn zero_parses() {
        assert!("0".parse::<Quantity>().is_ok());
        assert!(zero().is_zero());
    }

    #[test]
    fn covers_matches_the_field_and_its_children_only() {
        let p = FieldPath::root().child("spec").child("nfs");
        assert!(covers(&p, &p));
        assert!(covers(&p, &p.child("server")));
        assert!(covers(&p, &p.key("x")));
        assert!(!covers(&p, &FieldPath::root().child("spec").child("nfsx")));
        assert!(!covers(&p, &FieldPath::root().child("spec")));
    }
}
