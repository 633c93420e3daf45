//! libFuzzer target: see `kvol_fuzz::quantity` (fuzz/src/quantity.rs) for the input format and the checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kvol_fuzz::quantity::check(data));
