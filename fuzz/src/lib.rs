//! kvol's fuzz checks. Each module has one `check(data: &[u8])` that turns fuzz bytes into
//! input, runs kvol on it and asserts invariants; a panic is a finding.
//!
//! The libFuzzer targets in `fuzz_targets/` are one-line wrappers around these functions, and
//! `tests/replay.rs` runs the same functions on the committed seeds (and, without nightly, on
//! time-bounded random inputs), so every check also works on the stable toolchain.

pub mod names;
pub mod quantity;
pub mod yaml;

#[cfg(feature = "dsl")]
pub mod dsl;

// kvol-macros is a proc-macro crate, which can export nothing but macros, so its parse, check
// and expand modules are compiled into this crate instead, exactly as they are written. They
// name each other `crate::ast`, `crate::check`, ..., so they must sit at this crate's root,
// under the names kvol-macros' lib.rs gives them. When kvol-macros adds, renames or removes a
// module, this list follows its lib.rs (the `#[proc_macro]` shims themselves stay there).
#[cfg(feature = "dsl")]
#[allow(dead_code, unused_imports, clippy::all)]
#[rustfmt::skip]
#[path = "../../kvol-macros/src/ast.rs"]
mod ast;
#[cfg(feature = "dsl")]
#[allow(dead_code, unused_imports, clippy::all)]
#[rustfmt::skip]
#[path = "../../kvol-macros/src/check.rs"]
mod check;
#[cfg(feature = "dsl")]
#[allow(dead_code, unused_imports, clippy::all)]
#[rustfmt::skip]
#[path = "../../kvol-macros/src/ctxt.rs"]
mod ctxt;
#[cfg(feature = "dsl")]
#[allow(dead_code, unused_imports, clippy::all)]
#[rustfmt::skip]
#[path = "../../kvol-macros/src/expand.rs"]
mod expand;
#[cfg(feature = "dsl")]
#[allow(dead_code, unused_imports, clippy::all)]
#[rustfmt::skip]
#[path = "../../kvol-macros/src/parse/mod.rs"]
mod parse;
#[cfg(feature = "dsl")]
#[allow(dead_code, unused_imports, clippy::all)]
#[rustfmt::skip]
#[path = "../../kvol-macros/src/suggest.rs"]
mod suggest;
#[cfg(feature = "dsl")]
#[allow(dead_code, unused_imports, clippy::all)]
#[rustfmt::skip]
#[path = "../../kvol-macros/src/warnings.rs"]
mod warnings;
