//! The fuzz checks on the stable toolchain.
//!
//! - `seeds_*`: every committed seed (`fuzz/seeds/<target>/`) through its target's check, so a
//!   seed that fails is caught without nightly or libFuzzer.
//! - `random_*`: with `KVOL_FUZZ_SECONDS=N`, a time-bounded proptest run of each check for N
//!   seconds on random bytes and on mutated seeds: what `run.sh` falls back to when there is no
//!   nightly toolchain. Without the variable they return at once. Each prints one line,
//!   `random <target>: <executions> executions in <seconds> s`, which run.sh reports.
//!
//! `cargo test --no-default-features -- --test-threads=1` from fuzz/.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestError, TestRunner};

/// The seed files of `target`, sorted by name.
fn seeds(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(target);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("directory entry").path();
            let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, data)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no seeds in {}", dir.display());
    out
}

/// Runs `check` on every seed of `target`; names the seed that fails.
fn replay(target: &str, check: fn(&[u8])) {
    let seeds = seeds(target);
    for (path, data) in &seeds {
        if catch_unwind(|| check(data)).is_err() {
            panic!("seed {} fails (panic message above)", path.display());
        }
    }
    println!("seeds {target}: {} inputs", seeds.len());
}

/// One byte edit: (position, byte, what to do: 0 replace, 1 insert, 2 delete).
type Edit = (usize, u8, u8);

fn mutate(mut data: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for &(pos, byte, op) in edits {
        let at = if data.is_empty() {
            0
        } else {
            pos % (data.len() + 1)
        };
        match op {
            0 if at < data.len() => data[at] = byte,
            2 if at < data.len() => {
                data.remove(at);
            }
            _ => data.insert(at, byte),
        }
    }
    data
}

/// With `KVOL_FUZZ_SECONDS` set, runs `check` for that long on random inputs (proptest
/// batches of 256 cases until the time is up); a failing input is shrunk and reported.
fn random(target: &str, check: fn(&[u8])) {
    let Some(seconds) = std::env::var("KVOL_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
    else {
        return;
    };
    let seeds: Vec<Vec<u8>> = seeds(target).into_iter().map(|(_, d)| d).collect();
    let inputs = prop_oneof![
        1 => prop::collection::vec(any::<u8>(), 0..256),
        1 => prop::collection::vec(any::<char>(), 0..64)
            .prop_map(|cs| cs.into_iter().collect::<String>().into_bytes()),
        4 => (prop::sample::select(seeds), prop::collection::vec(any::<Edit>(), 0..6))
            .prop_map(|(seed, edits)| mutate(seed, &edits)),
    ];
    let config = Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    };
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let mut executions = 0u64;
    // Silence the default hook's message for each panic proptest catches while shrinking.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut failure = None;
    while Instant::now() < deadline && failure.is_none() {
        let mut runner = TestRunner::new(config.clone());
        let result = runner.run(&inputs, |data| {
            catch_unwind(AssertUnwindSafe(|| check(&data)))
                .map_err(|e| TestCaseError::fail(panic_message(&*e)))
        });
        match result {
            Ok(()) => executions += u64::from(config.cases),
            Err(TestError::Fail(why, data)) => failure = Some((why, data)),
            Err(e) => failure = Some((format!("{e}").into(), Vec::new())),
        }
    }
    std::panic::set_hook(hook);
    if let Some((why, data)) = failure {
        panic!(
            "random {target}: {why}\ninput ({} bytes): {:?}\nas text: {:?}",
            data.len(),
            data,
            String::from_utf8_lossy(&data)
        );
    }
    println!(
        "random {target}: {executions} executions in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

fn panic_message(e: &(dyn std::any::Any + Send)) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "panic".to_owned())
}

#[test]
fn seeds_quantity() {
    replay("quantity", kvol_fuzz::quantity::check);
}

#[test]
fn seeds_names() {
    replay("names", kvol_fuzz::names::check);
}

#[test]
fn seeds_yaml_roundtrip() {
    replay("yaml_roundtrip", kvol_fuzz::yaml::check);
}

#[test]
fn seeds_dsl() {
    replay("dsl", kvol_fuzz::dsl::check);
}

#[test]
fn random_quantity() {
    random("quantity", kvol_fuzz::quantity::check);
}

#[test]
fn random_names() {
    random("names", kvol_fuzz::names::check);
}

#[test]
fn random_yaml_roundtrip() {
    random("yaml_roundtrip", kvol_fuzz::yaml::check);
}

#[test]
fn random_dsl() {
    random("dsl", kvol_fuzz::dsl::check);
}

#[test]
fn seeds_check() {
    replay("check", kvol_fuzz::check::check);
}

#[test]
fn random_check() {
    random("check", kvol_fuzz::check::check);
}
