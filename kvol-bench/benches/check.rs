//! `kvol check` throughput (issue 12, item 5): the corpus generator's sets rendered as one YAML
//! stream and checked as the command line checks them.
//!
//! - `per-object`: `check_each`, document by document, as `kvol check --per-object`;
//! - `whole-set`: `check`, the rules plus every cross-document check over all the documents.
//!
//! The comparison with kubernetes-validate and checkov on the same corpus runs outside cargo
//! (they are Python programs): `scripts/check-speed.sh`, figures in BENCHMARKS.md section 7.
//!
//! Run: `cargo bench -p kvol-bench --bench check` (add `-- --quick` for a short run).

#[path = "../../kvol-core/tests/corpus/mod.rs"]
mod corpus;

use criterion::{Criterion, Throughput, criterion_group};
use kvol::KubeVersion;
use kvol_cli::check::{Input, Options, check, check_each};
use std::hint::black_box;

/// Sets per stream (8 documents each).
const SETS: u64 = 125;

fn stream() -> (Input, u64) {
    let mut yaml = String::new();
    let mut documents = 0;
    for index in 0..SETS {
        if let (Ok(objects), _) = corpus::generate(1, index) {
            let (text, _) = corpus::render(&objects);
            documents +=
                text.matches("\nkind: ").count() as u64 + u64::from(text.starts_with("kind: "));
            yaml.push_str(&text);
            yaml.push_str("---\n");
        }
    }
    let input = Input {
        name: "corpus.yaml".into(),
        bytes: yaml.into_bytes(),
    };
    (input, documents)
}

fn bench(c: &mut Criterion) {
    let (input, documents) = stream();
    let mut group = c.benchmark_group("kvol check");
    group.throughput(Throughput::Elements(documents));
    let per_object = Options::per_object(KubeVersion::NEWEST);
    group.bench_function("per-object", |b| {
        b.iter(|| {
            let mut accepted = 0usize;
            check_each(&input, &per_object, |r| {
                accepted += usize::from(r.accepted())
            });
            black_box(accepted)
        })
    });
    let whole = Options::whole_set(KubeVersion::NEWEST);
    group.bench_function("whole-set", |b| {
        b.iter(|| black_box(check(std::slice::from_ref(&input), &whole)))
    });
    group.finish();
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
