//! Rule coverage (issue 5, item 4): `tests/data/rule-coverage.tsv` lists every rule of
//! `k8s-rules.md` (sections 2–11, 14 warnings, 15 plugins, 16 binding), one row per rule, either
//! `covered` (with the test that rejects a violation and the test that accepts the boundary) or
//! `not-checked` (with the reason). This test fails when
//!
//! - a `covered` row names a test that does not exist: `mutation:<id>` (and `mutation:<id>:twin`)
//!   must be a row of the mutation table (`tests/mutations/`); `<file>.rs::<name>` must be
//!   a `fn <name>` of `kvol-core/tests/<file>.rs`;
//! - a row id of the mutation table is missing from the coverage table;
//! - a row is neither covered with tests nor has a reason, or is malformed;
//! - a row's `source` is neither `apiserver` nor `kvol`, a `kvol-` id is not `kvol`, a `kvol`
//!   row without `kvol-` in its id is not one of the known exceptions, or a `kvol` row does not
//!   say why (what would fail later, and where) — see
//!   [`every_kvol_rule_is_marked_kvol_and_says_why`];
//! - `RULES.md` at the repository root is not what the table generates. Regenerate it with
//!   `KVOL_BLESS=1 cargo test -p kvol-core --test rule_coverage`.

mod mutations;

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt::Write as _,
    path::{Path, PathBuf},
};

const HEADER: &str =
    "id\tsection\trule\tstatus\trejecting_test\taccepting_test\treason\tsource\twhy";
const FIELDS: usize = 9;
/// The top-level sections of k8s-rules.md whose rules must all be listed, and the sections of
/// the second release's kinds (read from the API server's code; not in k8s-rules.md): 19
/// ConfigMaps and Secrets, 20 Deployments, 21 PodDisruptionBudgets, 22 the snapshot CRDs, 23
/// VolumeAttributesClasses, 24 their cross-object checks, 25 DaemonSets.
const SECTIONS: [u32; 21] = [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 19, 20, 21, 22, 23, 24, 25,
];

#[derive(Debug)]
struct Rule {
    line: usize,
    id: String,
    section: String,
    rule: String,
    covered: bool,
    rejecting: String,
    accepting: String,
    reason: String,
    /// `apiserver` or `kvol`.
    source: String,
    /// For kvol's own rules: what would fail later, and where.
    why: String,
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn table() -> Vec<Rule> {
    let path = manifest_dir().join("tests/data/rule-coverage.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines().enumerate();
    assert_eq!(
        lines.next().map(|(_, l)| l),
        Some(HEADER),
        "header of {}",
        path.display()
    );
    lines
        .map(|(i, line)| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                f.len(),
                FIELDS,
                "line {}: {FIELDS} tab-separated fields: {line:?}",
                i + 1
            );
            let covered = match f[3] {
                "covered" => true,
                "not-checked" => false,
                other => panic!(
                    "line {}: status {other:?} is neither covered nor not-checked",
                    i + 1
                ),
            };
            Rule {
                line: i + 1,
                id: f[0].to_owned(),
                section: f[1].to_owned(),
                rule: f[2].to_owned(),
                covered,
                rejecting: f[4].to_owned(),
                accepting: f[5].to_owned(),
                reason: f[6].to_owned(),
                source: f[7].to_owned(),
                why: f[8].to_owned(),
            }
        })
        .collect()
}

/// Why a test reference does not name an existing test, if it does not.
fn missing_test(reference: &str, mutation_ids: &BTreeSet<&str>) -> Option<String> {
    if let Some(id) = reference.strip_prefix("mutation:") {
        let id = id.strip_suffix(":twin").unwrap_or(id);
        return (!mutation_ids.contains(id))
            .then(|| format!("{reference}: no row {id:?} in the mutation table"));
    }
    let Some((file, name)) = reference.split_once("::") else {
        return Some(format!(
            "{reference}: neither mutation:<id> nor <file>.rs::<test>"
        ));
    };
    if !file.ends_with(".rs") || file.contains('/') || name.is_empty() {
        return Some(format!("{reference}: expected <file>.rs::<test>"));
    }
    let path = manifest_dir().join("tests").join(file);
    let Ok(source) = std::fs::read_to_string(&path) else {
        return Some(format!("{reference}: no test file {}", path.display()));
    };
    let defined = source.lines().any(|l| {
        l.trim_start()
            .strip_prefix("fn ")
            .and_then(|rest| rest.strip_prefix(name))
            .is_some_and(|rest| rest.starts_with('(') || rest.starts_with('<'))
    });
    (!defined).then(|| format!("{reference}: no fn {name} in {file}"))
}

#[test]
fn every_covered_rule_names_existing_tests_and_every_other_rule_a_reason() {
    let rules = table();
    let mutation_rows = mutations::rows();
    let mutation_ids: BTreeSet<&str> = mutation_rows.iter().map(|r| r.id).collect();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for r in &rules {
        let at = format!("line {} ({})", r.line, r.id);
        if !seen.insert(r.id.as_str()) {
            problems.push(format!("{at}: duplicate id"));
        }
        match r.id.split_once('/') {
            Some((section, name)) if section == r.section && !name.is_empty() => {}
            _ => problems.push(format!(
                "{at}: id is not <section>/<name> of section {}",
                r.section
            )),
        }
        let top: Option<u32> = r.section.split('.').next().and_then(|s| s.parse().ok());
        if !top.is_some_and(|t| SECTIONS.contains(&t)) {
            problems.push(format!(
                "{at}: section {} is not one of {SECTIONS:?}",
                r.section
            ));
        }
        if r.rule.trim().is_empty() {
            problems.push(format!("{at}: no rule text"));
        }
        if r.covered {
            for (what, reference) in [("rejecting", &r.rejecting), ("accepting", &r.accepting)] {
                if reference.is_empty() {
                    problems.push(format!("{at}: covered without a {what} test"));
                } else if let Some(p) = missing_test(reference, &mutation_ids) {
                    problems.push(format!("{at}: {what} test {p}"));
                }
            }
        } else {
            if r.reason.trim().is_empty() {
                problems.push(format!("{at}: not checked, and no reason given"));
            }
            if !r.rejecting.is_empty() || !r.accepting.is_empty() {
                problems.push(format!("{at}: not checked, but names tests"));
            }
        }
        // A rule with a mutation row of its own is covered by it.
        if mutation_ids.contains(r.id.as_str())
            && !(r.covered && r.rejecting == format!("mutation:{}", r.id))
        {
            problems.push(format!("{at}: has a mutation row but is not covered by it"));
        }
    }
    for id in &mutation_ids {
        if !seen.contains(id) {
            problems.push(format!(
                "mutation row {id} is missing from rule-coverage.tsv"
            ));
        }
    }
    for s in SECTIONS {
        let listed = rules
            .iter()
            .any(|r| r.section.split('.').next() == Some(s.to_string().as_str()));
        if !listed {
            problems.push(format!("section {s} of k8s-rules.md lists no rule"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems in tests/data/rule-coverage.tsv:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
    let covered = rules.iter().filter(|r| r.covered).count();
    println!(
        "rule coverage: {covered} of {} rules of k8s-rules.md covered ({:.1}%), {} mutation rows",
        rules.len(),
        percent(covered, rules.len()),
        mutation_ids.len()
    );
}

/// kvol's own rules whose id has no `kvol-` (besides §16, the PersistentVolume controller's
/// binding, which the API server never checks): each with why its id does not say it.
const KVOL_WITHOUT_PREFIX: &[(&str, &str)] = &[
    (
        "4/claim-template-labels",
        "the API server validates only the claim templates' spec (issue 13, measured against \
         the v1.33.1 and v1.35.0 strategies)",
    ),
    (
        "11.2/pod-name-length",
        "the StatefulSet controller's limit, checked by the warning 14/kvol-statefulset-name-length",
    ),
    (
        "14/beta-storage-class-annotation-claim-template",
        "the API server warns about the annotation on claims, not on claim templates",
    ),
    (
        "15/flexVolume",
        "k8s-rules.md lists it with the plugin warnings; the API server gives none",
    ),
];

/// The §15 plugins the API server gives no warning for (`warningsForPersistentVolumeSpecAndMeta`
/// warns about cephfs, rbd and glusterfs only): their rows are kvol's.
const KVOL_PLUGIN_WARNINGS: &[&str] = &[
    "gcePersistentDisk",
    "awsElasticBlockStore",
    "azureDisk",
    "azureFile",
    "cinder",
    "vsphereVolume",
    "portworxVolume",
];

/// Why a row's source is wrong, if it is.
fn source_problem(r: &Rule) -> Option<String> {
    let name = r.id.split_once('/').map_or(r.id.as_str(), |(_, n)| n);
    let prefixed = name.contains("kvol-");
    let plugin = name.strip_suffix("-newest").unwrap_or(name);
    let excepted = r.section == "16"
        || KVOL_WITHOUT_PREFIX.iter().any(|(id, _)| *id == r.id)
        || (r.section == "15" && KVOL_PLUGIN_WARNINGS.contains(&plugin));
    match r.source.as_str() {
        "kvol" if r.why.trim().is_empty() => {
            Some("kvol's own rule without a why (what would fail later, and where)".into())
        }
        "kvol" if !prefixed && !excepted => Some(
            "source kvol, but the id has no `kvol-` and is not a known exception \
             (KVOL_WITHOUT_PREFIX)"
                .into(),
        ),
        "kvol" => None,
        "apiserver" if prefixed => Some("a `kvol-` id must have source kvol".into()),
        "apiserver" if excepted => Some("a known kvol rule must have source kvol".into()),
        "apiserver" if !r.why.is_empty() => {
            Some("the API server's rule with a why (only kvol's own rules have one)".into())
        }
        "apiserver" => None,
        other => Some(format!("source {other:?} is neither apiserver nor kvol")),
    }
}

/// Issue 13, item 1: every rule says whose it is. Every `kvol-` id is kvol's, every other is
/// the API server's except the binding rules of §16 and the listed exceptions, and every kvol
/// rule says why it exists: what would fail later, and where.
#[test]
fn every_kvol_rule_is_marked_kvol_and_says_why() {
    let rules = table();
    let problems: Vec<String> = rules
        .iter()
        .filter_map(|r| source_problem(r).map(|p| format!("line {} ({}): {p}", r.line, r.id)))
        .collect();
    assert!(
        problems.is_empty(),
        "{} problems with the source and why columns of tests/data/rule-coverage.tsv:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
    for (id, _) in KVOL_WITHOUT_PREFIX {
        assert!(
            rules.iter().any(|r| r.id == *id && r.source == "kvol"),
            "{id} is listed in KVOL_WITHOUT_PREFIX but is not a kvol row"
        );
    }
    let kvol = rules.iter().filter(|r| r.source == "kvol").count();
    println!(
        "rule sources: {} apiserver, {kvol} kvol (of which {} covered)",
        rules.len() - kvol,
        rules
            .iter()
            .filter(|r| r.source == "kvol" && r.covered)
            .count()
    );
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

fn reference(r: &str) -> String {
    if r.is_empty() {
        String::new()
    } else {
        format!("`{}`", r.replace('|', "\\|"))
    }
}

/// The text of `RULES.md`, generated from the table.
fn rules_md(rules: &[Rule]) -> String {
    let covered = rules.iter().filter(|r| r.covered).count();
    let kvol = rules.iter().filter(|r| r.source == "kvol").count();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Rule coverage\n\n\
         <!-- Generated from kvol-core/tests/data/rule-coverage.tsv by \
         kvol-core/tests/rule_coverage.rs; regenerate with \
         `KVOL_BLESS=1 cargo test -p kvol-core --test rule_coverage`. -->\n\n\
         Every rule of `k8s-rules.md` (the API server's validation rules, warnings, in-tree plugin \
         removals and PV binding) and whether kvol checks it. A covered rule names the test that \
         rejects a violation and the one that accepts the boundary (`mutation:<id>` is a row of \
         the mutation table in `kvol-core/tests/mutations/`, one file per rule module, run by \
         `rule_mutations.rs`; `:twin` is its accepted twin); a rule kvol does not check says why.\n\n\
         Each rule says whose it is (`source`): `apiserver` when the API server's create path \
         rejects the object (or warns) itself, `kvol` for kvol's own rules, which the API server \
         accepts: each of those says why kvol checks it (what would fail later, and where). kvol's \
         own rules have `kvol-` in their id, except the PersistentVolume controller's binding \
         rules of §16 and the few listed in `rule_coverage.rs`.\n\n\
         **Covered: {covered} of {} rules ({:.1}%).** **Sources: {} apiserver, {kvol} kvol.**\n",
        rules.len(),
        percent(covered, rules.len()),
        rules.len() - kvol,
    );
    let mut sections: BTreeMap<(u32, String), (usize, usize)> = BTreeMap::new();
    for r in rules {
        let top: u32 = r
            .section
            .split('.')
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let e = sections.entry((top, r.section.clone())).or_default();
        if r.covered {
            e.0 += 1;
        } else {
            e.1 += 1;
        }
    }
    let _ = writeln!(out, "| section | covered | not checked |\n|---|---:|---:|");
    for ((_, s), (c, n)) in &sections {
        let _ = writeln!(out, "| §{s} | {c} | {n} |");
    }
    for (_, s) in sections.keys() {
        let _ = writeln!(
            out,
            "\n## §{s}\n\n| rule | id | source | status | rejected by | accepted by / reason |\n\
             |---|---|---|---|---|---|"
        );
        for r in rules.iter().filter(|r| &r.section == s) {
            let (status, last) = if r.covered {
                let note = if r.reason.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", cell(&r.reason))
                };
                ("covered", format!("{}{note}", reference(&r.accepting)))
            } else {
                ("not checked", cell(&r.reason))
            };
            let source = if r.why.is_empty() {
                r.source.clone()
            } else {
                format!("{}: {}", r.source, cell(&r.why))
            };
            let _ = writeln!(
                out,
                "| {} | `{}` | {source} | {status} | {} | {last} |",
                cell(&r.rule),
                r.id,
                reference(&r.rejecting)
            );
        }
    }
    out
}

#[test]
fn rules_md_is_generated_from_the_table() {
    let rules = table();
    let expected = rules_md(&rules);
    let path: &Path = &manifest_dir().join("../RULES.md");
    if std::env::var_os("KVOL_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(path, &expected).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "RULES.md is not up to date with tests/data/rule-coverage.tsv; regenerate it with \
         `KVOL_BLESS=1 cargo test -p kvol-core --test rule_coverage`"
    );
}

#[test]
fn test_references_are_checked() {
    let ids: BTreeSet<&str> = ["7/local-node-affinity-required"].into_iter().collect();
    assert_eq!(
        missing_test("mutation:7/local-node-affinity-required", &ids),
        None
    );
    assert_eq!(
        missing_test("mutation:7/local-node-affinity-required:twin", &ids),
        None
    );
    assert!(missing_test("mutation:7/no-such-rule", &ids).is_some());
    assert_eq!(
        missing_test("rule_coverage.rs::test_references_are_checked", &ids),
        None
    );
    assert!(missing_test("rule_coverage.rs::no_such_test", &ids).is_some());
    assert!(missing_test("rule_coverage.rs::test_references", &ids).is_some());
    assert!(missing_test("no_such_file.rs::a", &ids).is_some());
    assert!(missing_test("../src/lib.rs::a", &ids).is_some());
    assert!(missing_test("some test", &ids).is_some());
}
