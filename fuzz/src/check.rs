//! `kvol check` on arbitrary bytes: the YAML reader (kvol-read), model decoding, the rules per
//! object and across the documents, location, and the three report formats.
//!
//! Input: the bytes are the file. Checks: no panic (hostile YAML, deep nesting, aliases,
//! invalid UTF-8 included); every JSON report line parses; every finding points inside the
//! file (or at line 0, unknown).

use kvol_cli::check::{Input, Options, check as run};
use kvol_cli::output;

/// Runs the checks on one input.
pub fn check(data: &[u8]) {
    let lines = data.split(|&b| b == b'\n').count();
    let input = Input {
        name: "fuzz.yaml".into(),
        bytes: data.to_vec(),
    };
    for options in [
        Options::per_object(kvol_core::KubeVersion::OLDEST),
        Options::whole_set(kvol_core::KubeVersion::NEWEST),
    ] {
        let reports = run(std::slice::from_ref(&input), &options);
        for r in &reports {
            for f in r.errors.iter().chain(&r.warnings) {
                assert!(f.line <= lines, "{f:?} is past the file's {lines} lines");
            }
            for e in &r.decode_errors {
                assert!(e.line <= lines + 1, "{e:?} is past the file's {lines} lines");
            }
        }
        for line in output::json_lines(&reports).lines() {
            let _: serde_json::Value = serde_json::from_str(line).expect("a JSON line parses");
        }
        let _: serde_json::Value =
            serde_json::from_str(&output::sarif(&reports)).expect("SARIF parses");
        let text = String::from_utf8_lossy(data);
        let sources = [("fuzz.yaml", text.as_ref())].into_iter().collect();
        let _ = output::human(&reports, &sources, true);
    }
}
