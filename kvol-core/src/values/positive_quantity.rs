//! [`PositiveQuantity`]: a quantity known to be greater than zero, for sizes that must be
//! positive (a claim's request, a volume's capacity, an `emptyDir` size limit).
//!
//! The `kvol` macros accept an interpolated `{expr}` for such a size only when its type is
//! `PositiveQuantity`, so a macro that compiled cannot produce a zero or negative size at run
//! time.

use crate::quantity::{Quantity, QuantityError};
use std::{fmt, str::FromStr};

/// A [`Quantity`] greater than zero.
///
/// ```
/// use kvol_core::{PositiveQuantity, Quantity};
/// let size: PositiveQuantity = "10Gi".parse()?;
/// assert_eq!(size.to_string(), "10Gi");
/// assert!("0".parse::<PositiveQuantity>().is_err());
/// assert!("-1Gi".parse::<PositiveQuantity>().is_err());
/// let q: Quantity = size.into();
/// assert!(q.is_positive());
/// # Ok::<(), kvol_core::positive_quantity::PositiveQuantityError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PositiveQuantity(Quantity);

/// Why a value is not a positive quantity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PositiveQuantityError {
    /// The text is not a quantity.
    Parse(QuantityError),
    /// The quantity is zero or negative (its canonical text).
    NotPositive(String),
}

impl fmt::Display for PositiveQuantityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PositiveQuantityError::Parse(e) => fmt::Display::fmt(e, f),
            PositiveQuantityError::NotPositive(q) => {
                write!(f, "{q:?}: must be greater than zero")
            }
        }
    }
}

impl std::error::Error for PositiveQuantityError {}

impl PositiveQuantity {
    /// Checks that `quantity` is greater than zero.
    ///
    /// # Errors
    ///
    /// [`PositiveQuantityError::NotPositive`] for zero and negative quantities.
    pub fn new(quantity: Quantity) -> Result<Self, PositiveQuantityError> {
        if quantity.is_positive() {
            Ok(PositiveQuantity(quantity))
        } else {
            Err(PositiveQuantityError::NotPositive(quantity.canonical()))
        }
    }

    /// The quantity.
    pub fn get(&self) -> &Quantity {
        &self.0
    }

    /// Unwraps the quantity.
    pub fn into_inner(self) -> Quantity {
        self.0
    }
}

impl FromStr for PositiveQuantity {
    type Err = PositiveQuantityError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let q: Quantity = s.parse().map_err(PositiveQuantityError::Parse)?;
        PositiveQuantity::new(q)
    }
}

impl TryFrom<Quantity> for PositiveQuantity {
    type Error = PositiveQuantityError;
    fn try_from(q: Quantity) -> Result<Self, Self::Error> {
        PositiveQuantity::new(q)
    }
}

impl From<PositiveQuantity> for Quantity {
    fn from(q: PositiveQuantity) -> Quantity {
        q.0
    }
}

impl fmt::Display for PositiveQuantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl crate::render::Emit for PositiveQuantity {
    fn emit(&self, out: &mut dyn crate::render::Sink) {
        self.0.emit(out)
    }
}
serde_via_emit!(PositiveQuantity);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_only_positive_quantities() {
        for ok in ["1", "1m", "1n", "1Gi", "1.5Gi", "8Ei", "1e3"] {
            assert!(ok.parse::<PositiveQuantity>().is_ok(), "{ok}");
        }
        for bad in ["0", "-1", "-1Gi", "0Gi", "0.0"] {
            assert!(
                matches!(
                    bad.parse::<PositiveQuantity>(),
                    Err(PositiveQuantityError::NotPositive(_))
                ),
                "{bad}"
            );
        }
        assert!(matches!(
            "1Gb".parse::<PositiveQuantity>(),
            Err(PositiveQuantityError::Parse(_))
        ));
    }
}
