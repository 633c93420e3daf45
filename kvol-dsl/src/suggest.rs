//! "Did you mean …?" for misspelt keys, modes and enum values, and the help lines that list the
//! valid choices: kvol-core's [`kvol_core::suggest`], under the names this crate uses.

pub use kvol_core::suggest::{did_you_mean as closest, one_of, unknown};
