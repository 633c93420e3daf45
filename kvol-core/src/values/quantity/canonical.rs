//! The canonical string of a quantity that kept no input string: apimachinery's
//! `CanonicalizeBytes`.

use super::decimal::Decimal;
use super::suffix;
use super::{Quantity, QuantityFormat};

/// Renders `q` from its value and format alone.
///
/// - Zero is `0`.
/// - `BinarySI` whole numbers of magnitude 1024 or more print as a mantissa with every factor
///   of 1024 moved into the suffix (`1Gi`, `1536Mi`); other `BinarySI` values print as
///   `DecimalSI`.
/// - Decimal values print their digits without trailing zeros, with the exponent lowered to a
///   multiple of three: `DecimalSI` as `n`…`E`, `DecimalExponent` as `e<exp>` (nothing for 0).
///   A `DecimalSI` exponent past `E` falls back to `e<exp>`, as current apimachinery does
///   (`1000E` → `1e21`; older releases dropped the exponent and printed `1`).
pub(super) fn canonicalize(q: &Quantity) -> String {
    if q.magnitude.is_zero() {
        return "0".to_owned();
    }
    let sign = if q.negative { "-" } else { "" };
    let mut format = q.format;
    if format == QuantityFormat::BinarySI {
        if let Some(binary) = binary_si(&q.magnitude) {
            return format!("{sign}{binary}");
        }
        format = QuantityFormat::DecimalSI;
    }
    let (digits, exponent) = q.magnitude.engineering();
    let suffix = match format {
        QuantityFormat::DecimalSI => suffix::decimal_si(exponent).map(str::to_owned),
        _ => None,
    }
    .unwrap_or_else(|| {
        if exponent == 0 {
            String::new()
        } else {
            format!("e{exponent}")
        }
    });
    format!("{sign}{digits}{suffix}")
}

/// The unsigned `BinarySI` spelling of `magnitude`, when it has one: a whole number of at least
/// 1024 (apimachinery's `AsCanonicalBase1024Bytes`).
fn binary_si(magnitude: &Decimal) -> Option<String> {
    if *magnitude < Decimal::from_u128(1024) {
        return None;
    }
    // Parsing caps binary values at 2^63-1 and `Quantity::from_bytes` takes a u64, so every
    // whole binary value fits a u128 and has at most six factors of 1024 (2^70 > u64::MAX).
    let mut mantissa = magnitude.to_u128()?;
    let mut power = 0;
    while mantissa >= 1024 && mantissa % 1024 == 0 {
        mantissa /= 1024;
        power += 1;
    }
    Some(format!("{mantissa}{}", suffix::binary_si(power)?))
}
