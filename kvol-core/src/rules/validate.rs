//! The validation framework: a [`Checker`] that collects every problem with its field path, the
//! [`Validate`] trait each object implements (rules live in [`crate::rules`]), and [`Valid`], the
//! proof that an object passed.

use crate::{
    report::{FieldError, FieldPath, Report, Warning, WarningCode},
    version::KubeVersion,
};
use std::ops::Deref;

/// Collects errors and warnings while an object is validated for a target release.
#[derive(Debug, Default)]
pub struct Checker {
    target: KubeVersion,
    report: Report,
    /// The index of the object of a [`Manifests`](crate::Manifests) set being validated, given
    /// to the problems recorded meanwhile that name none.
    object: Option<usize>,
}

impl Checker {
    /// A checker for the given Kubernetes release.
    pub fn new(target: KubeVersion) -> Self {
        Checker {
            target,
            report: Report::default(),
            object: None,
        }
    }
    /// The release being validated for.
    pub fn target(&self) -> KubeVersion {
        self.target
    }
    /// Records an error (about the current object of a set, unless it names one).
    pub fn error(&mut self, mut error: FieldError) {
        if error.object.is_none() {
            error.object = self.object;
        }
        self.report.errors.push(error);
    }
    /// Records a warning (about the current object of a set).
    pub fn warn(&mut self, code: WarningCode, path: FieldPath, message: impl Into<String>) {
        self.report.warnings.push(Warning {
            path,
            code,
            message: message.into(),
            help: None,
            object: self.object,
        });
    }
    /// Records a warning in the API server's own words, with kvol's advice beside it.
    pub fn warn_with_help(
        &mut self,
        code: WarningCode,
        path: FieldPath,
        message: impl Into<String>,
        help: impl Into<std::borrow::Cow<'static, str>>,
    ) {
        self.report.warnings.push(Warning {
            path,
            code,
            message: message.into(),
            help: Some(help.into()),
            object: self.object,
        });
    }
    /// Records an error about object `object` of the set being validated.
    pub(crate) fn error_in(&mut self, object: usize, mut error: FieldError) {
        error.object = Some(object);
        self.report.errors.push(error);
    }
    /// Records a warning about object `object` of the set being validated.
    pub(crate) fn warn_in(
        &mut self,
        object: usize,
        code: WarningCode,
        path: FieldPath,
        message: impl Into<String>,
    ) {
        self.report.warnings.push(Warning {
            path,
            code,
            message: message.into(),
            help: None,
            object: Some(object),
        });
    }
    /// Makes `object` the current object of a set: problems recorded until the next call that
    /// name no object are about it (`None`: about no object).
    pub(crate) fn set_object(&mut self, object: Option<usize>) {
        self.object = object;
    }
    /// Records a warning made elsewhere (about the current object of a set, unless it names
    /// one).
    pub fn warning(&mut self, mut warning: Warning) {
        if warning.object.is_none() {
            warning.object = self.object;
        }
        self.report.warnings.push(warning);
    }
    /// Number of errors so far (to tell whether a sub-check added any).
    pub fn error_count(&self) -> usize {
        self.report.errors.len()
    }
    /// Number of the API server's errors so far ([`Source::ApiServer`](crate::report::Source)):
    /// to tell whether the server refuses a part (kvol's own findings do not change what the
    /// server does next, e.g. which volumes its mounts find).
    pub(crate) fn server_error_count(&self) -> usize {
        self.report
            .errors
            .iter()
            .filter(|e| e.source() == crate::report::Source::ApiServer)
            .count()
    }
    /// Appends what `other` found (errors after errors, warnings after warnings).
    pub(crate) fn absorb(&mut self, other: Checker) {
        self.report.errors.extend(other.report.errors);
        self.report.warnings.extend(other.report.warnings);
    }
    /// Everything found.
    pub fn finish(self) -> Report {
        self.report
    }
}

/// An object (or a set of objects) that can be validated.
pub trait Validate {
    /// Checks `self`, whose field path is `path`, recording every problem in `checker`.
    fn validate(&self, path: &FieldPath, checker: &mut Checker);

    /// Validates for the default release and returns everything found.
    fn check(&self) -> Report {
        self.check_for(KubeVersion::DEFAULT)
    }

    /// Validates for `target` and returns everything found.
    fn check_for(&self, target: KubeVersion) -> Report {
        let mut checker = Checker::new(target);
        self.validate(&FieldPath::root(), &mut checker);
        checker.finish()
    }
}

/// A value that passed validation, with the warnings found. Only `Valid` values render, so an
/// invalid object can never be written out. It dereferences to the value, read-only.
#[derive(Debug, Clone, PartialEq)]
pub struct Valid<T> {
    value: T,
    warnings: Vec<Warning>,
    target: KubeVersion,
}

impl<T: Validate> Valid<T> {
    /// Validates `value` for the default release.
    pub fn new(value: T) -> Result<Self, Report> {
        Self::new_for(value, KubeVersion::DEFAULT)
    }

    /// Validates `value` for `target`.
    pub fn new_for(value: T, target: KubeVersion) -> Result<Self, Report> {
        let report = value.check_for(target);
        if report.is_ok() {
            Ok(Valid {
                value,
                warnings: report.warnings,
                target,
            })
        } else {
            Err(report)
        }
    }
}

impl<T> Valid<T> {
    /// Wraps a value the `kvol` macros already validated at compile time with the same rules.
    #[doc(hidden)]
    pub fn __prevalidated(value: T, warnings: Vec<Warning>, target: KubeVersion) -> Self {
        Valid {
            value,
            warnings,
            target,
        }
    }
    /// The warnings found (deprecated plugins, risky settings).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
    /// The release it was validated for.
    pub fn target(&self) -> KubeVersion {
        self.target
    }
    /// Gives the value back (to change it and validate again).
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> Deref for Valid<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> AsRef<T> for Valid<T> {
    fn as_ref(&self) -> &T {
        &self.value
    }
}

/// A list validates each element alone, at `[0]`, `[1]`, … below its path. It runs no
/// cross-object checks (a claim ↔ its class, a pod's claimName ↔ a claim): [`crate::Manifests`]
/// does those.
///
/// ```
/// use kvol_core::{Object, StorageClass, Valid};
///
/// let fast = StorageClass::builder("fast", "ebs.csi.aws.com").build()?;
/// let set: Vec<Object> = vec![fast.into_inner().into()];
/// let set = Valid::new(set)?;
/// assert_eq!(set.len(), 1);
/// # Ok::<(), kvol_core::Report>(())
/// ```
impl<T: Validate> Validate for Vec<T> {
    fn validate(&self, path: &FieldPath, checker: &mut Checker) {
        for (i, item) in self.iter().enumerate() {
            item.validate(&path.index(i), checker);
        }
    }
}
