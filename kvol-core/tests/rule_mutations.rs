//! Table-driven rule mutations (issue 5, item 4): for every rule of `k8s-rules.md` that kvol
//! checks, a valid object with one targeted mutation must be rejected with an error of the
//! expected kind at the expected field path (or warned about at that path), and its
//! accepted-boundary twin must pass. The table is in `tests/mutations/` (one file per rule
//! module); its row ids are what `tests/data/rule-coverage.tsv` refers to as `mutation:<id>`.

mod mutations;

use kvol_core::{FieldError, KubeVersion, Report, RuleId, report::Source};
use mutations::{ALL_TARGETS, Expect, Row, rows};
use std::collections::BTreeSet;

fn listing(report: &Report) -> String {
    let errors = report.errors.iter().map(|e| format!("\n      error   {e}"));
    let warnings = report
        .warnings
        .iter()
        .map(|w| format!("\n      warning {w}"));
    errors.chain(warnings).collect()
}

/// Rows whose id is the same rule as another id of the table (listed twice in k8s-rules.md, or
/// the same rule at another field): the error carries the other id.
const SAME_RULE: [(&str, &str); 4] = [
    ("2/name-namespace", "4/namespace-format"),
    // The CSI PV secret references other than nodePublishSecretRef: the same
    // `validatePVSecretReference`, whose rules carry the errors; the rows check the paths.
    ("7/csi-other-secret-refs", "7/csi-secret-name-format"),
    (
        "7/csi-controller-expand-secret-ref",
        "7/csi-secret-namespace-required",
    ),
    (
        "7/csi-node-expand-secret-ref",
        "7/csi-secret-namespace-format",
    ),
];

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
        "kvol-service-selects-no-pods" => "service-selects-no-pods",
        "kvol-shared-read-write-once" => "shared-read-write-once-claim",
        "kvol-pdb-selects-pods" => "pdb-selects-no-pods",
        "kvol-pdb-blocks-drain" => "pdb-blocks-drain",
        "kvol-claim-template-placeholder-volume" => "claim-template-placeholder-volume",
        // §15 and the §14 deprecation rows of the plugins: deprecated or removed by target.
        n if id.starts_with("15/") || n.ends_with("-deprecated") => "legacy-plugin",
        _ => return None,
    })
}

/// The row's rule's source (`apiserver` or `kvol`): whose verdict the row states.
fn row_source(row: &Row) -> Option<Source> {
    RuleId::from_id(row.id).map(RuleId::source)
}

/// The problems of one row at every target: its verdict where it holds
/// ([`Row::targets`]), and elsewhere not that verdict from the same source.
fn check_all(row: &Row) -> Vec<String> {
    let mut problems = Vec::new();
    for minor in ALL_TARGETS {
        let target = KubeVersion::new(minor).expect("a supported release");
        let found = if row.targets.contains(&minor) {
            check(row, target)
        } else {
            outside(row, target)
        };
        problems.extend(found.into_iter().map(|p| format!("1.{minor}: {p}")));
    }
    problems
}

/// Outside the row's targets the verdict is not the row's: no error of its kind and rule (or
/// warning) at its path from the row's source. (kvol may still refuse the object as its own
/// rule, or by another rule of the server's (env names before 1.32), e.g.
/// a StatefulSet template error before 1.34; the API server may reject it as a kvol row's
/// rule's server counterpart.)
fn outside(row: &Row, target: KubeVersion) -> Vec<String> {
    let Some(source) = row_source(row) else {
        return vec![format!("{} is not a rule id", row.id)];
    };
    let rejected = (row.reject)(target);
    let same = match row.expect {
        Expect::Error(kind) => rejected.errors.iter().any(|e| {
            e.path.as_str() == row.path
                && e.kind == kind
                && e.source() == source
                && carries_rule(e, row.id)
        }),
        Expect::Warning => rejected
            .warnings
            .iter()
            .any(|w| w.path.as_str() == row.path && w.source() == source),
    };
    if same {
        vec![format!(
            "outside the row's targets {:?} the mutation still gets the row's verdict ({}) at {}:{}",
            row.targets,
            source,
            row.path,
            listing(&rejected)
        )]
    } else {
        Vec::new()
    }
}

/// The problems of one row at `target`, one of its targets, if any.
fn check(row: &Row, target: KubeVersion) -> Vec<String> {
    let mut problems = Vec::new();
    let rejected = (row.reject)(target);
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
        // Issue 13: the error is the API server's exactly when the row's rule is.
        let source = row_source(row);
        if !at.is_empty() && !at.iter().any(|e| Some(e.source()) == source) {
            problems.push(format!(
                "error at {} is {}'s, the row's rule is {:?}'s",
                row.path,
                at[0].source(),
                source.map(Source::as_str)
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
    let accepted = (row.accept)(target);
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
        for p in check_all(row) {
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
    let kvol = rows
        .iter()
        .filter(|r| row_source(r) == Some(Source::Kvol))
        .count();
    let ranged = rows.iter().filter(|r| r.targets != ALL_TARGETS).count();
    println!(
        "{} mutation rows passed at 1.30–1.37 ({} the API server's, {} kvol's own; {} with a \
         version range)",
        rows.len(),
        rows.len() - kvol,
        kvol,
        ranged
    );
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
    const D: KubeVersion = KubeVersion::DEFAULT;
    let take = |id: &str| {
        let mut table = rows();
        let i = table.iter().position(|r| r.id == id).expect("row exists");
        table.swap_remove(i)
    };
    let mut row = take("7/local-node-affinity-required");
    assert!(check(&row, D).is_empty());
    row.path = "spec.nodeAffinity.required".into();
    assert_eq!(check(&row, D).len(), 1, "wrong path");

    let mut row = take("7/local-node-affinity-required");
    row.expect = Expect::Error(kvol_core::report::ErrorKind::Invalid);
    assert_eq!(check(&row, D).len(), 1, "wrong kind");

    let mut row = take("7/local-node-affinity-required");
    row.id = "7/local-path-required";
    assert_eq!(check(&row, D).len(), 1, "wrong rule");
    // A format rule is found as the cause of the field's rule.
    let row = take("2/dns1123-label-dots");
    assert!(check(&row, D).is_empty());

    let mut row = take("9/reclaimPolicy-recycle");
    std::mem::swap(&mut row.reject, &mut row.accept);
    assert_eq!(check(&row, D).len(), 2, "swapped mutation and twin");

    let mut row = take("14/pv-recycle");
    row.id = "14/duplicate-env";
    assert_eq!(check(&row, D).len(), 1, "wrong warning code");

    let mut row = take("14/pv-recycle");
    assert!(check(&row, D).is_empty());
    row.accept = Box::new(|t| rows()[0].reject.as_ref()(t));
    assert!(
        !check(&row, D).is_empty(),
        "a warning row's twin must be valid"
    );
    let mut row = take("14/pv-recycle");
    std::mem::swap(&mut row.reject, &mut row.accept);
    assert_eq!(check(&row, D).len(), 2, "swapped warning row");

    // Per-target verdicts: a claim-template rule of the server holds from 1.34 only.
    let mut row = take("8/dataSource-kind-required");
    assert!(check_all(&row).is_empty(), "{:?}", check_all(&row));
    row.targets = ALL_TARGETS;
    assert_eq!(
        check_all(&row).len(),
        4,
        "claim templates validated before 1.34"
    );
    let mut row = take("8/dataSource-kind-required");
    row.targets = 35..=37;
    assert_eq!(check_all(&row).len(), 1, "not the server's verdict at 1.34");
    // ... and the source: before 1.34 the same mistake is kvol's own error.
    let mut row = take("11.0/kvol-templates-unvalidated-by-server");
    assert!(check_all(&row).is_empty(), "{:?}", check_all(&row));
    row.targets = ALL_TARGETS;
    let problems = check_all(&row);
    // At 1.34–1.37: the error carries the server's rule, and is the server's.
    assert_eq!(problems.len(), 8, "{problems:?}");
    assert!(problems[1].contains("is apiserver's"), "{problems:?}");
}
