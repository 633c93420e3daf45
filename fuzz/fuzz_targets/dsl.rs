//! libFuzzer target: see `kvol_fuzz::dsl` (fuzz/src/dsl.rs) for the input format and the checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kvol_fuzz::dsl::check(data));
