//! PodDisruptionBudgets (`ValidatePodDisruptionBudget` / `ValidatePodDisruptionBudgetSpec` in
//! pkg/apis/policy/validation): not both `minAvailable` and `maxUnavailable`, each a count
//! ≥ 0 or a percentage of at most 100%, a valid selector. The name is only checked as a path
//! segment by the generic registry (`ValidateObjectMetaAccessor`).

use super::{
    deployment::{nonnegative_int_or_percent, not_more_than_100_percent},
    ids,
    meta::{self, NameFormat},
    selector,
};
use crate::{
    pdb::PodDisruptionBudget,
    report::{ErrorKind, FieldError, FieldPath},
    validate::Checker,
};

/// The selector rules of a PodDisruptionBudget (`ValidateLabelSelector`).
const SELECTOR: selector::SelectorRules = selector::SelectorRules {
    match_labels: ids::S21_SELECTOR_VALID,
    in_values: ids::S21_SELECTOR_VALID,
    exists_no_values: ids::S21_SELECTOR_VALID,
    key: ids::S21_SELECTOR_VALID,
    values: ids::S21_SELECTOR_VALID,
};

/// A whole PodDisruptionBudget.
pub(crate) fn validate_pdb(checker: &mut Checker, pdb: &PodDisruptionBudget, path: &FieldPath) {
    meta::object_meta(
        checker,
        &pdb.metadata,
        NameFormat::PathSegment,
        ids::S21_NAME_FORMAT,
        &path.child("metadata"),
    );
    let spec = &pdb.spec;
    let sp = path.child("spec");
    if spec.min_available.is_some() && spec.max_unavailable.is_some() {
        checker.error(
            FieldError::new(
                ids::S21_MIN_AVAILABLE_OR_MAX_UNAVAILABLE,
                sp.clone(),
                ErrorKind::Invalid,
                Some("{...}".to_owned()),
                "minAvailable and maxUnavailable cannot be both set",
            )
            .with_help("set only one of minAvailable and maxUnavailable"),
        );
    }
    for (value, key, negative, over) in [
        (
            spec.min_available,
            "minAvailable",
            ids::S21_MIN_AVAILABLE_NONNEGATIVE,
            ids::S21_MIN_AVAILABLE_AT_MOST_100_PERCENT,
        ),
        (
            spec.max_unavailable,
            "maxUnavailable",
            ids::S21_MAX_UNAVAILABLE_NONNEGATIVE,
            ids::S21_MAX_UNAVAILABLE_AT_MOST_100_PERCENT,
        ),
    ] {
        if let Some(v) = value {
            let p = sp.child(key);
            nonnegative_int_or_percent(checker, negative, v, &p);
            not_more_than_100_percent(checker, over, v, &p);
        }
    }
    if let Some(sel) = &spec.selector {
        selector::label_selector(checker, SELECTOR, sel, &sp.child("selector"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        meta::ObjectMeta,
        pdb::PodDisruptionBudgetSpec,
        rules::test_support::{assert_clean, assert_only, map},
        selector::LabelSelector,
        statefulset::IntOrPercent,
        validate::Validate,
    };

    fn pdb() -> PodDisruptionBudget {
        PodDisruptionBudget {
            metadata: ObjectMeta::named("web-pdb"),
            spec: PodDisruptionBudgetSpec {
                min_available: Some(IntOrPercent::Int(1)),
                selector: Some(LabelSelector::labels(map(&[("app", "web")]))),
                ..Default::default()
            },
        }
    }

    #[test]
    fn budgets() {
        assert_clean(&pdb().check());
        let mut p = pdb();
        p.spec.max_unavailable = Some(IntOrPercent::Int(1));
        assert_only(&p.check(), "spec", ErrorKind::Invalid);
        let mut p = pdb();
        p.spec.min_available = Some(IntOrPercent::Percent(101));
        assert_only(&p.check(), "spec.minAvailable", ErrorKind::Invalid);
        p.spec.min_available = Some(IntOrPercent::Int(-1));
        assert_only(&p.check(), "spec.minAvailable", ErrorKind::Invalid);
    }

    #[test]
    fn names_are_path_segments() {
        let mut p = pdb();
        p.metadata.name = "Web_PDB".into();
        assert_clean(&p.check());
        p.metadata.name = "a/b".into();
        assert_only(&p.check(), "metadata.name", ErrorKind::Invalid);
    }
}
