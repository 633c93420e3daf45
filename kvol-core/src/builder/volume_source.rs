//! The [`VolumeSource`] constructors that take unchecked input (a size as text, a claim
//! template builder) and report conversion errors relative to the volume. They live with the
//! builders, so the model does not depend on them.

use super::{IntoQuantity, Problems, PvcTemplateBuilder};
use crate::{
    report::{FieldError, FieldPath},
    volume::{EmptyDir, VolumeSource},
};

impl VolumeSource {
    /// `emptyDir: {sizeLimit: size}` on the node's disk.
    ///
    /// Text that is not a quantity gives an error whose path is relative to the volume
    /// (`emptyDir.sizeLimit`); pass the result straight to a builder's `.volume(name, ..)`,
    /// which reports it at `spec.volumes[i].emptyDir.sizeLimit`.
    ///
    /// ```
    /// use kvol_core::{Pod, Container, VolumeSource};
    /// let pod = Pod::builder("cache")
    ///     .container(Container::builder("app", "busybox").mount("cache", "/cache"))
    ///     .volume("cache", VolumeSource::empty_dir_sized("500Mi"))
    ///     .build()?;
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    // A `FieldError` like every builder error: its inline path makes it large, on purpose.
    #[allow(clippy::result_large_err)]
    pub fn empty_dir_sized(size: impl IntoQuantity) -> Result<VolumeSource, FieldError> {
        let path = FieldPath::root().child("emptyDir").child("sizeLimit");
        match size.into_quantity() {
            Ok(q) => Ok(VolumeSource::EmptyDir(EmptyDir {
                medium: None,
                size_limit: Some(q),
            })),
            Err(e) => {
                let cause = e.rule();
                let mut error = e.into_field_error(path);
                error.rule = crate::rules::ids::S3_1_QUANTITY_SIZE_LIMIT;
                Err(error.with_cause(cause))
            }
        }
    }

    /// `ephemeral` from a claim template builder ([`PvcTemplate::builder`](crate::PvcTemplate::builder)). Conversion errors
    /// (a size that is missing or does not parse) have paths relative to the volume
    /// (`ephemeral.volumeClaimTemplate.spec.resources.requests[storage]`); pass the result
    /// straight to a builder's `.volume(name, ..)`, which reports them at `spec.volumes[i]…`.
    ///
    /// ```
    /// use kvol_core::{AccessMode, Container, Pod, PvcTemplate, VolumeSource};
    /// let scratch = PvcTemplate::builder("scratch")
    ///     .access_mode(AccessMode::ReadWriteOnce)
    ///     .request("10Gi");
    /// let pod = Pod::builder("job")
    ///     .container(Container::builder("job", "busybox").mount("scratch", "/scratch"))
    ///     .volume("scratch", VolumeSource::ephemeral_claim(scratch))
    ///     .build()?;
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn ephemeral_claim(template: PvcTemplateBuilder) -> Result<VolumeSource, Vec<FieldError>> {
        let base = FieldPath::root()
            .child("ephemeral")
            .child("volumeClaimTemplate");
        let mut problems = Problems::default();
        let template = template.assemble(&base, &mut problems);
        if problems.is_empty() {
            Ok(VolumeSource::ephemeral(template))
        } else {
            Err(problems.into_errors())
        }
    }
}
