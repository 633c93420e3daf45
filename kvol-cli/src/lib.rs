//! The engine of the `kvol` command line: [`check`] reads YAML as Kubernetes reads it and runs
//! kvol's rules on it; [`output`] writes the reports; [`locate`] finds a field path's line and
//! column. The binary (`src/main.rs`) parses arguments and reads files.
//!
//! ```
//! use kvol_cli::check::{Input, Options, check};
//!
//! let claim = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\n\
//!              spec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 0}}\n";
//! let input = Input { name: "claim.yaml".into(), bytes: claim.into() };
//! let reports = check(&[input], &Options::per_object(kvol_core::KubeVersion::DEFAULT));
//! assert!(!reports[0].accepted());
//! assert_eq!(reports[0].errors[0].field, "spec.resources[storage]");
//! assert_eq!((reports[0].errors[0].line, reports[0].errors[0].col), (6, 35));
//! ```

pub mod check;
pub mod import;
pub mod locate;
pub mod output;

/// The rule id of the note on a kind kvol does not model (not counted by `--deny-warnings`).
pub const NOT_MODELLED: &str = "kvol/not-modelled";
