//! libFuzzer target: see `kvol_fuzz::check` (fuzz/src/check.rs) for the input format and the checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kvol_fuzz::check::check(data));
