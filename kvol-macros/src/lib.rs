//! Procedural macros behind kvol's DSL. Use them through the `kvol` crate, which passes its own
//! path in; this crate is an implementation detail.
