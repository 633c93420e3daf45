//! Reads a YAML stream on standard input as Kubernetes does and prints one JSON line per
//! document, like shared/tools/k8syaml2json with `-strict -skip-null`: it stops at the first
//! refused document, with the error on standard error and exit status 1.
//!
//! ```sh
//! cargo run -q -p kvol-read --example yaml2json < manifests.yaml
//! cargo run -q -p kvol-read --release --example yaml2json -- --count < big.yaml  # throughput
//! ```

use std::io::{Read, Write};
use std::time::Instant;

fn main() {
    let count = std::env::args().any(|a| a == "--count");
    let mut input = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut input) {
        eprintln!("yaml2json: {e}");
        std::process::exit(2);
    }
    let start = Instant::now();
    let docs = kvol_read::read_bytes(&input);
    let elapsed = start.elapsed();
    if count {
        let refused = docs.iter().filter(|d| d.is_err()).count();
        let secs = elapsed.as_secs_f64();
        println!(
            "{} documents ({refused} refused), {} bytes in {:.1} ms: {:.1} MB/s, {:.0} documents/s",
            docs.len(),
            input.len(),
            secs * 1e3,
            input.len() as f64 / secs / 1e6,
            docs.len() as f64 / secs
        );
        return;
    }
    let mut out = std::io::stdout().lock();
    for doc in docs {
        match doc {
            Ok(doc) => {
                let _ = writeln!(out, "{}", doc.value.to_json());
            }
            Err(e) => {
                let _ = out.flush();
                eprintln!("yaml2json: document {}: {e}", e.doc);
                std::process::exit(1);
            }
        }
    }
}
