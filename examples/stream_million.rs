//! Streams a million StatefulSets (each with its headless Service: two million YAML documents)
//! to stdout, one object at a time, in constant memory.
//!
//! Each set is built and validated with the builder API, written with `YamlStream` into a
//! `BufWriter` around stdout, and dropped before the next one is built, so memory does not grow
//! with the count (BENCHMARKS.md records the peak RSS, measured with `/usr/bin/time -v`).
//!
//! ```text
//! cargo run --release --example stream_million | wc -c
//! cargo run --release --example stream_million -- 1000 | kubectl apply --dry-run=client -f -
//! ```
//!
//! The optional argument is the number of StatefulSets (default 1,000,000).

use std::io::{self, BufWriter, ErrorKind, Write};
use std::process::ExitCode;

use kvol::{AccessMode, Container, PvcTemplate, Report, StatefulSet, Valid, render::YamlStream};

/// StatefulSet number `i`: the seed's `web`, with names that vary with `i`.
fn web(i: u64) -> Result<Valid<StatefulSet>, Report> {
    let service = format!("nginx-{i}");
    StatefulSet::builder(format!("web-{i}"))
        .service_name(service.clone())
        .label("app", service)
        .replicas(3)
        .grace_period(10)
        .container(
            Container::builder("nginx", "registry.k8s.io/nginx-slim:0.8")
                .named_port("web", 80)
                .mount("www", "/usr/share/nginx/html"),
        )
        .claim(
            PvcTemplate::builder("www")
                .access_mode(AccessMode::ReadWriteOnce)
                .storage_class("standard")
                .request("1Gi"),
        )
        .build()
}

fn stream(count: u64, out: &mut impl Write) -> io::Result<()> {
    // One stream: `---` between every two documents, the sets held one at a time.
    let mut stream = YamlStream::new(&mut *out);
    for i in 0..count {
        let set = web(i).map_err(io::Error::other)?;
        stream.write(&set)?;
    }
    stream.finish()?;
    out.flush()
}

fn main() -> ExitCode {
    let count = match std::env::args().nth(1).map(|a| a.replace('_', "").parse()) {
        None => 1_000_000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("usage: stream_million [COUNT]: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = BufWriter::with_capacity(64 << 10, io::stdout().lock());
    match stream(count, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader stopped early (`| head`): not an error of ours.
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stream_million: {e}");
            ExitCode::FAILURE
        }
    }
}
