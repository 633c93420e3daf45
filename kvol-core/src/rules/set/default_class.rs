//! The set's default StorageClasses: more than one is easy to get wrong.

use super::Cross;
use crate::report::WarningCode;
use crate::{
    manifests::DefaultClassDeclaration, object::Object, report::quote, storage_class::StorageClass,
    validate::Checker,
};

impl<'a> Cross<'a> {
    /// More than one default class: admission picks the newest, which is easy to get wrong.
    pub(super) fn check_defaults(&self, checker: &mut Checker) {
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
            checker.warn_in(
                *i,
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
}
