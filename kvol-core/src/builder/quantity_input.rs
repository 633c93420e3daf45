//! [`IntoQuantity`]: what builder methods that take a size accept.

use crate::{
    positive_quantity::PositiveQuantity,
    quantity::{Quantity, QuantityError},
    report::{FieldError, FieldPath, RuleId},
    rules::ids,
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
    /// The error as the builders report it: `path: Invalid value: "input": message`, with the
    /// rule of the quantity grammar the input breaks.
    pub fn into_field_error(self, path: FieldPath) -> FieldError {
        let rule = self.rule();
        FieldError::invalid(rule, path, &self.input, self.error.message)
    }

    /// The rule of the quantity grammar (k8s-rules §3.1) the input breaks.
    pub fn rule(&self) -> RuleId {
        let s = self.input.as_str();
        let message = self.error.message.as_str();
        if message == QuantityError::TOO_LARGE {
            return ids::S3_1_KVOL_QUANTITY_EXPONENT_INT32;
        }
        if s.is_empty() {
            return ids::S3_1_QUANTITY_EMPTY;
        }
        if s.chars().any(char::is_whitespace) {
            return ids::S3_1_QUANTITY_WHITESPACE;
        }
        if message == QuantityError::SUFFIX {
            let number_end = s
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '+' | '-')))
                .unwrap_or(s.len());
            let suffix = &s[number_end..];
            return if suffix.ends_with(['+', '-']) {
                ids::S3_1_QUANTITY_TRAILING_SIGN
            } else if suffix == "e" {
                ids::S3_1_QUANTITY_LONE_EXPONENT
            } else if ["ki", "mi", "gi", "ti", "pi", "ei"]
                .contains(&suffix.to_ascii_lowercase().as_str())
            {
                ids::S3_1_QUANTITY_SUFFIX_CASE
            } else {
                ids::S3_1_QUANTITY_SUFFIX
            };
        }
        if message == QuantityError::FORMAT_WRONG {
            if s.matches('.').count() > 1 {
                return ids::S3_1_QUANTITY_TWO_POINTS;
            }
            if s.char_indices()
                .any(|(i, c)| i > 0 && matches!(c, '+' | '-'))
            {
                return ids::S3_1_QUANTITY_SIGN_INSIDE;
            }
        }
        ids::S3_1_QUANTITY_GRAMMAR_VECTORS
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
