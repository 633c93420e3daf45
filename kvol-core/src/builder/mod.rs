//! Builders for the library API: each `build()` validates and returns a [`crate::Valid`] value
//! or every problem at once.
//!
//! PLACEHOLDER: filled in by the builders work item.
