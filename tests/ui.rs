//! Compile-time diagnostics of the macros, as users see them (trybuild).
//!
//! The `.stderr` files were blessed with rustc 1.95 (`TRYBUILD=overwrite cargo test --test ui`);
//! compiler output changes between releases, so the compile-fail cases run only on that
//! compiler. When the toolchain changes: re-bless, read every changed `.stderr`, and bump
//! `BLESSED` in one commit.
//!
//! Two trybuild runs rather than one: as soon as a run holds a pass case, trybuild `cargo build`s
//! every case of it one by one (a `cargo clean` of its test crate, then one cargo invocation per
//! case); a run of compile-fail cases only is a single `cargo check --keep-going` over all of
//! them, in parallel and without code generation. The runs share trybuild's target directory
//! and take turns through its lock.

const BLESSED: &str = "rustc 1.95.";

/// Whether the compiler is the one the `.stderr` files were blessed with.
fn blessed_compiler() -> bool {
    let version =
        std::process::Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
            .arg("--version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
    if !version.starts_with(BLESSED) {
        eprintln!("skipping compile-fail ui tests: blessed with {BLESSED}x, running {version}");
        return false;
    }
    true
}

/// Every macro diagnostic (`fail`) and compile-time warning (`warn`, made errors with
/// `#![deny(deprecated)]`): its span and its text.
#[test]
fn compile_fail() {
    if !blessed_compiler() {
        return;
    }
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/fail/*.rs");
    t.compile_fail("tests/ui/warn/*.rs");
}

/// Valid invocations compile and run; each case asserts what it rendered (trybuild shows what
/// a pass case prints and any warning it compiles with, so they print nothing and allow the
/// warnings they mean to trigger). No `.stderr` here, so they run on any compiler.
#[test]
fn pass() {
    trybuild::TestCases::new().pass("tests/ui/pass/*.rs");
}
