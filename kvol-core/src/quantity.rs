//! `Quantity`: apimachinery's resource quantity, with exact arithmetic.
//!
//! PLACEHOLDER API (the quantity work item replaces the internals, keeping every public item).

use std::{cmp::Ordering, fmt, str::FromStr};

/// A parse error for a quantity string, worded like apimachinery's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityError {
    /// What is wrong, e.g. `quantities must match the regular expression ...`.
    pub message: String,
}

impl fmt::Display for QuantityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for QuantityError {}

/// A Kubernetes resource quantity (`1Gi`, `500m`, `1e3`).
#[derive(Debug, Clone)]
pub struct Quantity {
    text: String,
}

impl Quantity {
    /// apimachinery's `String()` of this quantity.
    pub fn canonical(&self) -> String {
        self.text.clone()
    }
    /// True when the value is exactly zero.
    pub fn is_zero(&self) -> bool {
        self.text == "0"
    }
    /// True when the value is below zero.
    pub fn is_negative(&self) -> bool {
        self.text.starts_with('-')
    }
    /// True when the value is above zero.
    pub fn is_positive(&self) -> bool {
        !self.is_zero() && !self.is_negative()
    }
    /// True when, rounded up to milli units as the API server does, the value is not a whole
    /// number (a storage size like `1500m` bytes).
    pub fn has_fractional_units(&self) -> bool {
        false
    }
}

impl FromStr for Quantity {
    type Err = QuantityError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Quantity { text: s.to_owned() })
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

impl PartialEq for Quantity {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Quantity {}
impl PartialOrd for Quantity {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Quantity {
    fn cmp(&self, other: &Self) -> Ordering {
        self.text.cmp(&other.text)
    }
}

impl serde::Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.canonical())
    }
}
