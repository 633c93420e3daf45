//! Compile-time diagnostics of the macros, as users see them (trybuild).
//!
//! The `.stderr` files were blessed with rustc 1.95 (`TRYBUILD=overwrite cargo test --test ui`);
//! compiler output changes between releases, so the cases run only on that compiler. When the
//! toolchain changes: re-bless, read every changed `.stderr`, and bump `BLESSED` in one commit.

const BLESSED: &str = "rustc 1.95.";

#[test]
fn ui() {
    let version =
        std::process::Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
            .arg("--version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
    if !version.starts_with(BLESSED) {
        eprintln!("skipping ui tests: blessed with {BLESSED}x, running {version}");
        return;
    }
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/*.rs");
    t.compile_fail("tests/ui/fail/*.rs");
    t.compile_fail("tests/ui/warn/*.rs");
}
