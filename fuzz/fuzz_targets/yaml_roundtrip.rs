//! libFuzzer target: see `kvol_fuzz::yaml` (fuzz/src/yaml.rs) for the input format and the checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kvol_fuzz::yaml::check(data));
