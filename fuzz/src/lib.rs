//! kvol's fuzz checks. Each module has one `check(data: &[u8])` that turns fuzz bytes into
//! input, runs kvol on it and asserts invariants; a panic is a finding.
//!
//! The libFuzzer targets in `fuzz_targets/` are one-line wrappers around these functions, and
//! `tests/replay.rs` runs the same functions on the committed seeds (and, without nightly, on
//! time-bounded random inputs), so every check also works on the stable toolchain.

pub mod check;
pub mod dsl;
pub mod names;
pub mod quantity;
pub mod yaml;
