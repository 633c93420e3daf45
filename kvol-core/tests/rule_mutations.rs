//! Table-driven rule mutations (issue 5, item 4): for every rule of `k8s-rules.md` that kvol
//! checks, a valid object with one targeted mutation must be rejected with an error of the
//! expected kind at the expected field path (or warned about at that path), and its
//! accepted-boundary twin must pass. The table is in `tests/mutations/` (one file per rule
//! module); its row ids are what `tests/data/rule-coverage.tsv` refers to as `mutation:<id>`.

mod mutations;

use kvol_core::{FieldError, Report, RuleId};
use mutations::{Expect, Row, rows};
use std::collections::BTreeSet;

fn listing(report: &Report) -> String {
    let errors = report.errors.iter().map(|e| format!("\n      error   {e}"));
    let warnings = report
        .warnings
        .iter()
        .map(|w| format!("\n      warning {w}"));
    errors.chain(warnings).collect()
}

/// Rows whose id is the same rule as another id of the table, listed twice in k8s-rules.md:
/// the error carries the other id.
const SAME_RULE: [(&str, &str); 1] = [("2/name-namespace", "4/namespace-format")];

/// Binding rows that test how the PV controller searches (which volumes it considers, in
/// which order). Their error is the claim's "no PersistentVolume can bind this claim", whose
/// rule says why the claim needs a volume of the set and whose cause is the refusal of the
/// closest volume; the row's own rule shows in which volumes are listed, not in the error's
/// ids. Any §16 rule is accepted for them.
const BINDING_SEARCH_ROWS: [&str; 5] = [
    "16/class-beta-annotation",
    "16/access-mode-groups",
    "16/smallest-fit",
    "16/claim-ref-prebinding",
    "16/claim-ref-still-checks",
];

/// True when `e` carries the row's rule (as its rule or its cause).
fn carries_rule(e: &FieldError, id: &str) -> bool {
    if BINDING_SEARCH_ROWS.contains(&id) {
        return e.rule.section() == "16";
    }
    let id = SAME_RULE
        .iter()
        .find(|(a, _)| *a == id)
        .map_or(id, |(_, b)| *b);
    e.rule.as_str() == id || e.cause.is_some_and(|c| c.as_str() == id)
}

/// The warning code a warning row's warning must carry (`WarningCode::as_str`).
fn expected_code(id: &str) -> Option<&'static str> {
    let name = id.split_once('/').map_or(id, |(_, n)| n);
    Some(match name {
        "pv-recycle" => "recycle-reclaim-policy",
        n if n.starts_with("beta-storage-class-annotation") => "beta-storage-class-annotation",
        n if n.contains("fractional-bytes") => "fractional-bytes",
        n if n.starts_with("deprecated-node-label") => "deprecated-node-label",
        "duplicate-container-port" => "duplicate-container-port",
        "duplicate-env" => "duplicate-env-var",
        "pod-name-hostname" => "pod-name-not-dns-label",
        n if n.starts_with("kvol-hostPath-without-type") => "host-path-without-type",
        "negative-grace-period" => "negative-grace-period",
        "kvol-statefulset-grace-zero" => "statefulset-grace-zero",
        "kvol-statefulset-name-length" => "long-statefulset-name",
        "kvol-default-class-annotation-value" => "default-class-annotation-value",
        "kvol-in-tree-provisioner" => "in-tree-provisioner",
        "local-wffc" => "local-volume-immediate-binding",
        "kvol-shared-read-write-once" => "shared-read-write-once-claim",
        "kvol-pdb-selects-pods" => "pdb-selects-no-pods",
        "kvol-pdb-blocks-drain" => "pdb-blocks-drain",
        "kvol-attributes-class-not-served" => "attributes-class-not-served",
        // §15 and the §14 deprecation rows of the plugins: deprecated or removed by target.
        n if id.starts_with("15/") || n.ends_with("-deprecated") => "legacy-plugin",
        _ => return None,
    })
}

/// The problems of one row, if any.
fn check(row: &Row) -> Vec<String> {
    let mut problems = Vec::new();
    let rejected = (row.reject)();
    if let Expect::Error(kind) = row.expect {
        let at: Vec<&FieldError> = rejected
            .errors
            .iter()
            .filter(|e| e.path.as_str() == row.path && e.kind == kind)
            .collect();
        if !at.is_empty() && !at.iter().any(|e| carries_rule(e, row.id)) {
            let rules: Vec<String> = at
                .iter()
                .map(|e| format!("{} (cause {:?})", e.rule, e.cause.map(|c| c.as_str())))
                .collect();
            problems.push(format!(
                "error at {} carries rule {}, not {}",
                row.path,
                rules.join(", "),
                row.id
            ));
        }
    }
    if row.expect == Expect::Warning {
        let codes: Vec<&str> = rejected
            .warnings
            .iter()
            .filter(|w| w.path.as_str() == row.path)
            .map(|w| w.code.as_str())
            .collect();
        match expected_code(row.id) {
            None => problems.push(format!("no expected warning code for {}", row.id)),
            Some(code) if !codes.is_empty() && !codes.iter().any(|c| c.starts_with(code)) => {
                problems.push(format!(
                    "warning at {} has code {codes:?}, not {code}",
                    row.path
                ))
            }
            Some(_) => {}
        }
        // Issue 13: the warning is the API server's exactly when the row's rule is.
        let source = RuleId::from_id(row.id).map(RuleId::source);
        for w in rejected
            .warnings
            .iter()
            .filter(|w| w.path.as_str() == row.path)
        {
            if Some(w.source()) != source {
                problems.push(format!(
                    "warning {} at {} is {}'s, the row's rule is {:?}'s",
                    w.code,
                    row.path,
                    w.source(),
                    source.map(|s| s.as_str())
                ));
            }
        }
    }
    let found = match row.expect {
        Expect::Error(kind) => rejected
            .errors
            .iter()
            .any(|e| e.path.as_str() == row.path && e.kind == kind),
        Expect::Warning => rejected
            .warnings
            .iter()
            .any(|w| w.path.as_str() == row.path),
    };
    if !found {
        problems.push(format!(
            "mutation not {} at {} ({:?}); got:{}",
            if matches!(row.expect, Expect::Warning) {
                "warned about"
            } else {
                "rejected"
            },
            row.path,
            row.expect,
            listing(&rejected)
        ));
    }
    let accepted = (row.accept)();
    if !accepted.errors.is_empty() {
        problems.push(format!("accepted twin rejected:{}", listing(&accepted)));
    }
    if matches!(row.expect, Expect::Warning)
        && accepted
            .warnings
            .iter()
            .any(|w| w.path.as_str() == row.path)
    {
        problems.push(format!(
            "accepted twin also warned at {}:{}",
            row.path,
            listing(&accepted)
        ));
    }
    problems
}

#[test]
fn every_mutation_is_rejected_at_its_path_and_every_twin_accepted() {
    let rows = rows();
    let mut failures = Vec::new();
    for row in &rows {
        for p in check(row) {
            failures.push(format!("{}: {p}", row.id));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n  {}",
        failures.len(),
        rows.len(),
        failures.join("\n  ")
    );
    println!("{} mutation rows passed", rows.len());
}

#[test]
fn row_ids_are_unique_and_name_a_section() {
    let rows = rows();
    let mut seen = BTreeSet::new();
    for row in &rows {
        assert!(seen.insert(row.id), "duplicate row id {}", row.id);
        let (section, name) = row.id.split_once('/').expect("id is section/name");
        assert!(
            !name.is_empty() && section.split('.').all(|n| n.parse::<u32>().is_ok()),
            "bad row id {}",
            row.id
        );
        assert_eq!(row.section(), section);
    }
}

#[test]
fn the_harness_notices_a_wrong_path_kind_or_rule_and_a_rejected_twin() {
    let take = |id: &str| {
        let mut table = rows();
        let i = table.iter().position(|r| r.id == id).expect("row exists");
        table.swap_remove(i)
    };
    let mut row = take("7/local-node-affinity-required");
    assert!(check(&row).is_empty());
    row.path = "spec.nodeAffinity.required".into();
    assert_eq!(check(&row).len(), 1, "wrong path");

    let mut row = take("7/local-node-affinity-required");
    row.expect = Expect::Error(kvol_core::report::ErrorKind::Invalid);
    assert_eq!(check(&row).len(), 1, "wrong kind");

    let mut row = take("7/local-node-affinity-required");
    row.id = "7/local-path-required";
    assert_eq!(check(&row).len(), 1, "wrong rule");
    // A format rule is found as the cause of the field's rule.
    let row = take("2/dns1123-label-dots");
    assert!(check(&row).is_empty());

    let mut row = take("9/reclaimPolicy-recycle");
    std::mem::swap(&mut row.reject, &mut row.accept);
    assert_eq!(check(&row).len(), 2, "swapped mutation and twin");

    let mut row = take("14/pv-recycle");
    row.id = "14/duplicate-env";
    assert_eq!(check(&row).len(), 1, "wrong warning code");

    let mut row = take("14/pv-recycle");
    assert!(check(&row).is_empty());
    row.accept = Box::new(|| rows()[0].reject.as_ref()());
    assert!(
        !check(&row).is_empty(),
        "a warning row's twin must be valid"
    );
    let mut row = take("14/pv-recycle");
    std::mem::swap(&mut row.reject, &mut row.accept);
    assert_eq!(check(&row).len(), 2, "swapped warning row");
}
