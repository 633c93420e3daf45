//! libFuzzer target: see `kvol_fuzz::names` (fuzz/src/names.rs) for the input format and the checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kvol_fuzz::names::check(data));
