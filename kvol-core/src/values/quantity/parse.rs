//! `ParseQuantity`, ported from apimachinery `quantity.go` step by step: the scanner
//! (`parseQuantityString`), the `int64` fast path that may keep the input string as the
//! canonical one, and the big-decimal path that rounds to nano and caps binary values.

use super::decimal::Decimal;
use super::suffix::{self, Suffix};
use super::{Quantity, QuantityError, QuantityFormat};

/// apimachinery's `maxInt64Factors`: the most digits the `int64` fast path accepts.
const MAX_INT64_FACTORS: i32 = 18;
/// apimachinery's `Nano` scale: the finest precision a quantity keeps.
const NANO: i32 = -9;
/// The characters a suffix may start with.
const SUFFIX_CHARS: &[u8] = b"eEinumkKMGTP";

/// The pieces `parseQuantityString` cuts a quantity into.
#[derive(Debug, PartialEq, Eq)]
struct Scanned<'a> {
    /// False when the input starts with `-`.
    positive: bool,
    /// Sign, digits and point as written, for the big-decimal parser.
    value: &'a [u8],
    /// Integer digits without leading zeros; `"0"` when there are none.
    num: &'a [u8],
    /// Fraction digits.
    denom: &'a [u8],
    /// Everything after the number.
    suffix: &'a [u8],
}

/// apimachinery's `parseQuantityString`: a permissive scanner; the suffix is checked later.
fn scan(s: &[u8]) -> Result<Scanned<'_>, QuantityError> {
    let end = s.len();
    let mut out = Scanned {
        positive: true,
        value: b"",
        num: b"",
        denom: b"",
        suffix: b"",
    };
    let mut pos = 0;

    // Leading sign.
    match s.first() {
        Some(b'-') => {
            out.positive = false;
            pos += 1;
        }
        Some(b'+') => pos += 1,
        _ => {}
    }

    // Leading zeros; a string of nothing but zeros is zero, whatever follows the sign.
    while pos < end && s[pos] == b'0' {
        pos += 1;
    }
    if pos >= end {
        out.num = b"0";
        out.value = b"0";
        return Ok(out);
    }

    // Integer digits.
    let digits = count_digits(&s[pos..]);
    if pos + digits >= end {
        out.num = &s[pos..end];
        out.value = s;
        return Ok(out);
    }
    out.num = if digits == 0 {
        b"0"
    } else {
        &s[pos..pos + digits]
    };
    pos += digits;

    // Fraction digits.
    if s[pos] == b'.' {
        pos += 1;
        let digits = count_digits(&s[pos..]);
        if pos + digits >= end {
            out.denom = &s[pos..end];
            out.value = s;
            return Ok(out);
        }
        out.denom = &s[pos..pos + digits];
        pos += digits;
    }
    out.value = &s[..pos];

    // Suffix: letters, then an optional sign and digits (for `e` exponents).
    let suffix_start = pos;
    pos += s[pos..]
        .iter()
        .take_while(|b| SUFFIX_CHARS.contains(b))
        .count();
    if pos < end && matches!(s[pos], b'-' | b'+') {
        pos += 1;
    }
    pos += count_digits(&s[pos..]);
    if pos < end {
        return Err(QuantityError::format_wrong());
    }
    out.suffix = &s[suffix_start..];
    Ok(out)
}

fn count_digits(s: &[u8]) -> usize {
    s.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// apimachinery's `ParseQuantity`.
pub(super) fn parse(input: &str) -> Result<Quantity, QuantityError> {
    if input.is_empty() {
        return Err(QuantityError::format_wrong());
    }
    if input == "0" {
        return Ok(Quantity {
            negative: false,
            magnitude: Decimal::default(),
            format: QuantityFormat::DecimalSI,
            text: Some(input.to_owned()),
            decimal_backed: false,
        });
    }
    let scanned = scan(input.as_bytes())?;
    let suffix = suffix::interpret(scanned.suffix).ok_or_else(QuantityError::suffix)?;
    let quantity = match fast_path(input, &scanned, suffix)? {
        Some(quantity) => quantity,
        None => big_decimal_path(&scanned, suffix)?,
    };
    // apimachinery's `AsCanonicalBytes` moves the trailing zeros into an `int32` exponent, which
    // wraps past 2^31-1 (`1000e2147483647` prints as `1e-2147483646`): the API server would
    // store and write back another number. kvol refuses such values.
    if quantity.magnitude.trailing_exponent() > i64::from(i32::MAX) {
        return Err(QuantityError::too_large());
    }
    Ok(quantity)
}

/// The `int64` path: taken for short digit strings at nano scale or coarser. It is also the only
/// path that keeps the input string as the quantity's canonical form, when the input "looks
/// canonical". `Ok(None)` hands over to the big-decimal path.
fn fast_path(
    input: &str,
    s: &Scanned<'_>,
    suffix: Suffix,
) -> Result<Option<Quantity>, QuantityError> {
    // Go computes these in int32 (lengths converted with `int32(...)`), so they wrap.
    let num_len = s.num.len() as i32;
    let denom_len = s.denom.len() as i32;
    let (scale, precision, shift) = match suffix.format {
        QuantityFormat::DecimalSI | QuantityFormat::DecimalExponent => (
            suffix.exponent,
            MAX_INT64_FACTORS.wrapping_sub(num_len.wrapping_add(denom_len)),
            0,
        ),
        QuantityFormat::BinarySI if suffix.exponent >= 0 && s.denom.is_empty() => {
            // "1Mi (2^20) has ~6 digits of decimal precision": 15 - digits - exponent*3/10 - 1.
            let precision = 15i32
                .wrapping_sub(num_len)
                .wrapping_sub(suffix.exponent * 3 / 10)
                .wrapping_sub(1);
            (0, precision, suffix.exponent)
        }
        QuantityFormat::BinarySI => (0, -1, 0),
    };
    if precision < 0 {
        return Ok(None);
    }
    let scale = scale.wrapping_sub(denom_len);
    if scale < NANO {
        return Ok(None);
    }

    let shifted: Vec<u8> = s.num.iter().chain(s.denom).copied().collect();
    let value = std::str::from_utf8(&shifted)
        .ok()
        .and_then(|text| text.parse::<i64>().ok())
        .ok_or_else(QuantityError::numeric)?;
    let Some(result) = 1i64
        .checked_shl(shift.unsigned_abs())
        .and_then(|m| value.checked_mul(m))
    else {
        return Ok(None);
    };

    let keep_input = match suffix.format {
        QuantityFormat::BinarySI => suffix.exponent % 10 == 0 && value & 0x07 != 0,
        _ => scale % 3 == 0 && !shifted.ends_with(b"000") && shifted.first() != Some(&b'0'),
    };
    let magnitude = Decimal::from_u128(result.unsigned_abs().into()).times_pow10(scale.into());
    Ok(Some(Quantity {
        negative: !s.positive && !magnitude.is_zero(),
        magnitude,
        format: suffix.format,
        text: keep_input.then(|| input.to_owned()),
        decimal_backed: false,
    }))
}

/// The `inf.Dec` path: exact, then rounded up (away from zero) to nano, with binary values
/// capped at 2^63-1 and binary values below one turned decimal.
fn big_decimal_path(s: &Scanned<'_>, suffix: Suffix) -> Result<Quantity, QuantityError> {
    let (digits, fraction_len) = inf_dec_digits(s.value).ok_or_else(QuantityError::numeric)?;
    // `inf.Scale` is an int32 too: `Scale(len(unscaled) - dp)`, then `+ Scale(exponent).infScale()`.
    let fraction_len = fraction_len as i32;
    let mut magnitude = if suffix.base == 10 {
        let inf_scale = fraction_len.wrapping_add(suffix.exponent.wrapping_neg());
        Decimal::from_digits(digits, -i64::from(inf_scale))
    } else {
        Decimal::from_digits(digits, -i64::from(fraction_len))
            .mul_pow2(suffix.exponent.unsigned_abs())
    };

    if !magnitude.is_zero() {
        magnitude = magnitude.round_up(NANO.into());
    }
    let mut format = suffix.format;
    if format == QuantityFormat::BinarySI {
        let max = Decimal::from_u128(i64::MAX.unsigned_abs().into());
        if magnitude > max {
            magnitude = max;
        }
        if !magnitude.is_zero() && magnitude < Decimal::from_u128(1) {
            format = QuantityFormat::DecimalSI;
        }
    }
    Ok(Quantity {
        negative: !s.positive && !magnitude.is_zero(),
        magnitude,
        format,
        text: None,
        decimal_backed: true,
    })
}

/// What `inf.Dec.SetString` reads from the scanner's `value`: an optional sign, digits with at
/// most one point, and at least one digit. Returns the digit values and the number of fraction
/// digits.
fn inf_dec_digits(value: &[u8]) -> Option<(Vec<u8>, usize)> {
    let body = match value {
        [b'-' | b'+', rest @ ..] => rest,
        _ => value,
    };
    let (int, fraction) = match body.iter().position(|&b| b == b'.') {
        Some(dot) => (&body[..dot], &body[dot + 1..]),
        None => (body, &b""[..]),
    };
    let all_digits = |part: &[u8]| part.iter().all(u8::is_ascii_digit);
    if (int.is_empty() && fraction.is_empty()) || !all_digits(int) || !all_digits(fraction) {
        return None;
    }
    let digits = int.iter().chain(fraction).map(|b| b - b'0').collect();
    Some((digits, fraction.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned<'a>(
        positive: bool,
        value: &'a str,
        num: &'a str,
        denom: &'a str,
        suffix: &'a str,
    ) -> Scanned<'a> {
        Scanned {
            positive,
            value: value.as_bytes(),
            num: num.as_bytes(),
            denom: denom.as_bytes(),
            suffix: suffix.as_bytes(),
        }
    }

    /// apimachinery's TestParseQuantityString table.
    #[test]
    fn scans_like_parse_quantity_string() {
        let cases = [
            ("0.025Ti", scanned(true, "0.025", "0", "025", "Ti")),
            ("1.025Ti", scanned(true, "1.025", "1", "025", "Ti")),
            ("-1.025Ti", scanned(false, "-1.025", "1", "025", "Ti")),
            (".", scanned(true, ".", "0", "", "")),
            ("-.", scanned(false, "-.", "0", "", "")),
            ("1E-3", scanned(true, "1", "1", "", "E-3")),
            ("-000", scanned(false, "0", "0", "", "")),
            ("007Ki", scanned(true, "007", "7", "", "Ki")),
        ];
        for (input, want) in cases {
            assert_eq!(scan(input.as_bytes()).unwrap(), want, "{input}");
        }
    }

    #[test]
    fn scanner_rejects_trailing_garbage() {
        for input in [
            "1.1.M",
            "1+1.0M",
            "1 ",
            " 1",
            "1Mx",
            "1e5e",
            "1e+-5",
            "Non-Numeric",
        ] {
            assert!(scan(input.as_bytes()).is_err(), "{input}");
        }
    }

    #[test]
    fn inf_dec_needs_a_digit() {
        assert_eq!(inf_dec_digits(b"-1.50"), Some((vec![1, 5, 0], 2)));
        assert_eq!(inf_dec_digits(b"+.5"), Some((vec![5], 1)));
        assert_eq!(inf_dec_digits(b"-."), None);
        assert_eq!(inf_dec_digits(b""), None);
    }
}
