//! Reading back what kvol writes: every set of the corpus generator (the one CI's schema and
//! decoder stages check), rendered as YAML and given to `kvol check` with the context the set
//! was checked in (its outside classes, default class, namespace and target version), is
//! accepted with exactly the warnings the library gave, and is accepted per object too.

#[path = "../../kvol-core/tests/corpus/mod.rs"]
mod corpus;

use kvol_cli::check::{Externals, Input, Options, check};
use kvol_core::manifests::DefaultClassDeclaration;
use kvol_core::validate::Validate;

const SETS: u64 = 150;

#[test]
fn the_corpus_reads_back_with_the_same_verdict() {
    let mut documents = 0;
    for index in 0..SETS {
        let Some((set, target)) = corpus::generate_set(1, index) else {
            continue;
        };
        let (yaml, _) = corpus::render(set.objects());
        let externals = Externals {
            classes: set.external_storage_classes().map(str::to_owned).collect(),
            claims: Vec::new(),
            default_class: match set.default_class_declaration() {
                DefaultClassDeclaration::Named(n) => Some(n.clone()),
                _ => None,
            },
            assume_default_class: matches!(
                set.default_class_declaration(),
                DefaultClassDeclaration::Assumed
            ),
            namespace: Some(set.default_namespace().to_owned()),
            objects: set
                .external_objects()
                .map(|(kind, _, name)| (kind, name.to_owned()))
                .collect(),
        };
        let input = Input {
            name: format!("set-{index:05}.yaml"),
            bytes: yaml.into_bytes(),
        };
        let options = Options {
            target,
            per_object: false,
            externals,
        };
        let reports = check(std::slice::from_ref(&input), &options);
        let model = set.check_for(target);
        assert!(model.is_ok(), "set {index}: {model}");
        for r in &reports {
            assert!(
                r.accepted() && r.modelled && r.unmodelled.is_empty(),
                "set {index}: {r:#?}"
            );
        }
        let mut read: Vec<(String, String)> = (reports.iter().flat_map(|r| &r.warnings))
            .map(|w| (w.rule.clone(), w.message.clone()))
            .collect();
        let mut written: Vec<(String, String)> = (model.warnings.iter())
            .map(|w| (w.code.as_str().to_owned(), w.message.clone()))
            .collect();
        read.sort();
        written.sort();
        assert_eq!(read, written, "set {index}: warnings differ");
        documents += reports.len();
        let per_object = check(std::slice::from_ref(&input), &Options::per_object(target));
        for r in &per_object {
            assert!(r.accepted(), "set {index} per object: {r:#?}");
        }
    }
    assert!(documents > 1000, "{documents} documents");
}
