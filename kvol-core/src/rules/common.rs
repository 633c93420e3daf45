//! Small helpers shared by every rule: turning name-check messages into field errors, the
//! API server's path checks (`..` elements, relative paths), and its standard messages.

use crate::{
    meta::StringMap,
    names::NameError,
    report::{ErrorKind, FieldError, FieldPath, RuleId},
    validate::Checker,
};

/// `IsNegativeErrorMsg`.
pub(crate) const NEGATIVE: &str = "must be greater than or equal to 0";
/// `isNotPositiveErrorMsg`.
pub(crate) const NOT_POSITIVE: &str = "must be greater than zero";
/// `fileModeErrorMsg`.
pub(crate) const FILE_MODE: &str = "must be a number between 0 and 0777 (octal), both inclusive";
/// The largest valid file mode (`0777`).
pub(crate) const MAX_FILE_MODE: u32 = 0o777;
/// `TotalAnnotationSizeLimitB` and the StorageClass parameter limit: 256 KiB.
pub(crate) const SIZE_LIMIT_256K: usize = 256 * 1024;

/// Records one `Invalid value` per message of a failed name check, as the API server does
/// (`for _, msg := range IsX(v) { field.Invalid(path, v, msg) }`).
///
/// Each error carries `rule` (the field's rule) and, as its cause, the part of the format that
/// failed.
pub(crate) fn invalid_each(
    checker: &mut Checker,
    rule: RuleId,
    path: &FieldPath,
    value: &str,
    result: Result<(), NameError>,
) {
    if let Err(e) = result {
        for (msg, cause) in e.messages.into_iter().zip(e.rules) {
            checker.error(FieldError::invalid(rule, path.clone(), value, msg).with_cause(cause));
        }
    }
}

/// An `Invalid value` whose value is printed as is (Go prints structs, maps and paths without
/// quotes).
pub(crate) fn invalid_raw(
    rule: RuleId,
    path: FieldPath,
    raw: String,
    detail: impl Into<String>,
) -> FieldError {
    FieldError::new(rule, path, ErrorKind::Invalid, Some(raw), detail)
}

/// A `Duplicate value` whose value is printed as is.
pub(crate) fn duplicate_raw(rule: RuleId, path: FieldPath, raw: String) -> FieldError {
    FieldError::new(rule, path, ErrorKind::Duplicate, Some(raw), "")
}

/// `ValidateNonnegativeField`: `Invalid value: -1: must be greater than or equal to 0`.
pub(crate) fn nonnegative(checker: &mut Checker, rule: RuleId, path: FieldPath, value: i64) {
    if value < 0 {
        checker.error(FieldError::invalid_number(rule, path, value, NEGATIVE));
    }
}

/// `validatePathNoBacksteps`: no `..` element (one error at most).
pub(crate) fn no_backsteps(checker: &mut Checker, rule: RuleId, path: &FieldPath, target: &str) {
    if target.split('/').any(|part| part == "..") {
        checker.error(FieldError::invalid(
            rule,
            path.clone(),
            target,
            "must not contain '..'",
        ));
    }
}

/// The rules of a relative path field: relative, no `..` element, not starting with `..`.
#[derive(Clone, Copy)]
pub(crate) struct PathRules {
    /// Must be relative.
    pub(crate) relative: RuleId,
    /// No `..` element.
    pub(crate) backsteps: RuleId,
    /// Does not start with `..`.
    pub(crate) dotdot_prefix: RuleId,
}

/// `validateLocalDescendingPath`: relative, and no `..` element.
pub(crate) fn local_descending(
    checker: &mut Checker,
    rules: PathRules,
    path: &FieldPath,
    target: &str,
) {
    if target.starts_with('/') {
        checker.error(FieldError::invalid(
            rules.relative,
            path.clone(),
            target,
            "must be a relative path",
        ));
    }
    no_backsteps(checker, rules.backsteps, path, target);
}

/// `ValidateLocalNonReservedPath`: relative, no `..` element, and not starting with `..`
/// (reported even for `..` itself, which also fails the element check).
pub(crate) fn local_non_reserved(
    checker: &mut Checker,
    rules: PathRules,
    path: &FieldPath,
    target: &str,
) {
    local_descending(checker, rules, path, target);
    if target.starts_with("..") && !target.starts_with("../") {
        checker.error(FieldError::invalid(
            rules.dotdot_prefix,
            path.clone(),
            target,
            "must not start with '..'",
        ));
    }
}

/// True when Go's `path.Clean(p)` is `/`: an absolute path whose elements cancel out.
pub(crate) fn cleans_to_root(p: &str) -> bool {
    if !p.starts_with('/') {
        return false;
    }
    let mut depth = 0usize;
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => depth = depth.saturating_sub(1),
            _ => depth += 1,
        }
    }
    depth == 0
}

/// A string map as JSON (`{"app":"web"}`), for error values.
pub(crate) fn json_map(map: &StringMap) -> String {
    crate::json::to_string(map).unwrap_or_else(|_| "{}".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{rules::ids, version::KubeVersion};

    const RULES: PathRules = PathRules {
        relative: ids::S5_ITEMS_PATH_RELATIVE,
        backsteps: ids::S5_ITEMS_PATH_BACKSTEPS,
        dotdot_prefix: ids::S5_ITEMS_PATH_DOTDOT_PREFIX,
    };

    fn details(f: impl FnOnce(&mut Checker)) -> Vec<String> {
        let mut checker = Checker::new(KubeVersion::DEFAULT);
        f(&mut checker);
        checker
            .finish()
            .errors
            .into_iter()
            .map(|e| e.detail)
            .collect()
    }

    #[test]
    fn local_non_reserved_paths() {
        let path = FieldPath::root().child("p");
        assert!(details(|c| local_non_reserved(c, RULES, &path, "a/b..c/..d")).is_empty());
        assert_eq!(
            details(|c| local_non_reserved(c, RULES, &path, "/abs")),
            ["must be a relative path"]
        );
        assert_eq!(
            details(|c| local_non_reserved(c, RULES, &path, "a/../b")),
            ["must not contain '..'"]
        );
        assert_eq!(
            details(|c| local_non_reserved(c, RULES, &path, "..a")),
            ["must not start with '..'"]
        );
        assert_eq!(
            details(|c| local_non_reserved(c, RULES, &path, "..")),
            ["must not contain '..'", "must not start with '..'"]
        );
        // `../x` is only reported once.
        assert_eq!(
            details(|c| local_non_reserved(c, RULES, &path, "../x")),
            ["must not contain '..'"]
        );
    }

    #[test]
    fn clean_to_root() {
        for p in ["/", "//", "/.", "/..", "/a/..", "/a/b/../../", "/../a/.."] {
            assert!(cleans_to_root(p), "{p}");
        }
        for p in ["", ".", "a", "/a", "/a/../b", "../"] {
            assert!(!cleans_to_root(p), "{p}");
        }
    }

    #[test]
    fn nonnegative_boundary() {
        let path = FieldPath::root().child("n");
        assert!(
            details(|c| nonnegative(c, ids::S11_1_REPLICAS_NONNEGATIVE, path.clone(), 0))
                .is_empty()
        );
        assert_eq!(
            details(|c| nonnegative(c, ids::S11_1_REPLICAS_NONNEGATIVE, path.clone(), -1)),
            [NEGATIVE]
        );
    }
}
