//! [`IntoQuantity`]: what builder methods that take a size accept.

use crate::{
    positive_quantity::PositiveQuantity,
    quantity::{Quantity, QuantityError},
    report::{FieldError, FieldPath},
};
use std::fmt;

/// A value that can be turned into a [`Quantity`]: a `Quantity` itself, or its text (`"1Gi"`).
///
/// Builder methods that take a size (`request`, `limit`, `capacity`, …) accept any
/// `IntoQuantity`. They never fail: text that does not parse is remembered, and `build()`
/// reports it as `Invalid value` at the field's path together with every validation error.
///
/// ```
/// use kvol_core::{IntoQuantity, Quantity};
/// let q: Quantity = "1Gi".into_quantity().unwrap();
/// assert_eq!(q.to_string(), "1Gi");
/// ```
pub trait IntoQuantity {
    /// Converts the value, keeping the input text when it is not a quantity.
    fn into_quantity(self) -> Result<Quantity, QuantityInputError>;
}

/// Text that is not a quantity, with the parser's explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityInputError {
    /// The text as given.
    pub input: String,
    /// Why it does not parse.
    pub error: QuantityError,
}

impl QuantityInputError {
    /// The error as the builders report it: `path: Invalid value: "input": message`.
    pub fn into_field_error(self, path: FieldPath) -> FieldError {
        FieldError::invalid(path, &self.input, self.error.message)
    }
}

impl fmt::Display for QuantityInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a quantity: {}", self.input, self.error)
    }
}

impl std::error::Error for QuantityInputError {}

impl IntoQuantity for Quantity {
    fn into_quantity(self) -> Result<Quantity, QuantityInputError> {
        Ok(self)
    }
}

impl IntoQuantity for &Quantity {
    fn into_quantity(self) -> Result<Quantity, QuantityInputError> {
        Ok(self.clone())
    }
}

impl IntoQuantity for &str {
    fn into_quantity(self) -> Result<Quantity, QuantityInputError> {
        self.parse().map_err(|error| QuantityInputError {
            input: self.to_owned(),
            error,
        })
    }
}

impl IntoQuantity for String {
    fn into_quantity(self) -> Result<Quantity, QuantityInputError> {
        match self.parse() {
            Ok(q) => Ok(q),
            Err(error) => Err(QuantityInputError { input: self, error }),
        }
    }
}

impl IntoQuantity for &String {
    fn into_quantity(self) -> Result<Quantity, QuantityInputError> {
        self.as_str().into_quantity()
    }
}

impl IntoQuantity for PositiveQuantity {
    fn into_quantity(self) -> Result<Quantity, QuantityInputError> {
        Ok(self.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positive_quantities_convert_into_builder_sizes() {
        let q: PositiveQuantity = "2Gi".parse().unwrap();
        assert_eq!(
            q.clone().into_quantity().unwrap(),
            "2Gi".parse::<Quantity>().unwrap()
        );
        assert_eq!(Quantity::from(q).to_string(), "2Gi");
    }
}
