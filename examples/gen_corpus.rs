//! Writes a corpus of random but valid manifest sets for the CI checker:
//!
//! ```text
//! cargo run --example gen_corpus -- --out DIR --sets N --seed S
//! ```
//!
//! Set `i` (0-based) becomes `DIR/set-0000i.yaml` (a YAML stream, kvol's rendering) and
//! `DIR/set-0000i.yaml.json` (a JSON array with kvol's own JSON serialization of each
//! document). Every object is built through the builder API and must pass `build()`, and every
//! set must pass as a whole (`Manifests`, with the simulated PV binding): a rejected set is a
//! generator bug or a kvol bug, reported with kvol's errors (exit status 1). The output
//! depends only on the seed (and a set only on its seed and index). One summary line is printed
//! at the end; `--stats` adds counters of what the sets contain (object kinds, volume and
//! PersistentVolume sources, access modes, quantity suffixes, names at their length limits,
//! warnings).

#[path = "../kvol-core/tests/corpus/mod.rs"]
mod corpus;

use std::{path::PathBuf, process::ExitCode, time::Instant};

struct Args {
    out: PathBuf,
    sets: u64,
    seed: u64,
    stats: bool,
}

const USAGE: &str =
    "usage: gen_corpus --out DIR [--sets N (default 2000)] [--seed S (default 1)] [--stats]";

fn parse_args() -> Result<Args, String> {
    let mut out = None;
    let mut sets = 2000;
    let mut seed = 1;
    let mut stats = false;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--sets" => sets = value()?.parse().map_err(|e| format!("--sets: {e}"))?,
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--stats" => stats = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    Ok(Args {
        out,
        sets,
        seed,
        stats,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("gen_corpus: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("gen_corpus: {}: {e}", args.out.display());
        return ExitCode::from(2);
    }
    let start = Instant::now();
    // Sets are independent (each depends on its seed and index only), so threads share them out
    // by index; the files and the summary are the same with any number of threads.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let outcomes = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let args = &args;
                scope.spawn(move || {
                    let mut stats = corpus::Stats::default();
                    let mut problems = Vec::new();
                    for index in (t..args.sets).step_by(threads as usize) {
                        let (result, set_stats) = corpus::generate(args.seed, index);
                        match result {
                            Ok(objects) => {
                                stats.merge(&set_stats);
                                if let Err(e) = corpus::write(&args.out, index, &objects) {
                                    return Err(format!("{}: {e}", args.out.display()));
                                }
                            }
                            Err(e) => problems.push((index, e.to_string())),
                        }
                    }
                    Ok((stats, problems))
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err("a worker panicked".to_owned()))
            })
            .collect::<Vec<_>>()
    });
    let mut stats = corpus::Stats::default();
    let mut rejected = Vec::new();
    for outcome in outcomes {
        match outcome {
            Ok((s, problems)) => {
                stats.merge(&s);
                rejected.extend(problems);
            }
            Err(e) => {
                eprintln!("gen_corpus: {e}");
                return ExitCode::from(2);
            }
        }
    }
    rejected.sort();
    for (_, e) in &rejected {
        eprintln!("REJECTED {e}");
    }
    let failures = rejected.len();
    let elapsed = start.elapsed();
    println!(
        "{} sets ({} rejected) in {:.2?} into {} (seed {})",
        args.sets,
        failures,
        elapsed,
        args.out.display(),
        args.seed
    );
    if args.stats {
        for (key, count) in &stats.counts {
            println!("  {key}: {count}");
        }
    }
    if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
