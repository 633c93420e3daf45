//! Quantity suffixes (apimachinery `suffix.go`): what a suffix multiplies by, and which suffix
//! prints a given power.

use super::QuantityFormat;

/// The meaning of a suffix: multiply by `base^exponent`, and print back in `format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Suffix {
    /// 10 for the decimal suffixes and exponents, 2 for `Ki`…`Ei`.
    pub(super) base: u32,
    /// The power of `base`, wrapped to 32 bits as apimachinery's `int32(parsed)` does.
    pub(super) exponent: i32,
    /// The format a quantity written with this suffix keeps.
    pub(super) format: QuantityFormat,
}

/// The decimal SI suffixes, indexed by `(exponent + 9) / 3`.
const DECIMAL_SI: [&str; 10] = ["n", "u", "m", "", "k", "M", "G", "T", "P", "E"];
/// The binary SI suffixes, indexed by the power of 1024.
const BINARY_SI: [&str; 7] = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/// Reads a suffix as apimachinery's `quantitySuffixer.interpret` does; `None` is `ErrSuffix`.
pub(super) fn interpret(s: &[u8]) -> Option<Suffix> {
    let text = std::str::from_utf8(s).ok()?;
    if let Some(i) = DECIMAL_SI.iter().position(|&x| x == text) {
        let exponent = i32::try_from(i).ok()? * 3 - 9;
        return Some(Suffix {
            base: 10,
            exponent,
            format: QuantityFormat::DecimalSI,
        });
    }
    if let Some(i) = BINARY_SI.iter().skip(1).position(|&x| x == text) {
        let exponent = (i32::try_from(i).ok()? + 1) * 10;
        return Some(Suffix {
            base: 2,
            exponent,
            format: QuantityFormat::BinarySI,
        });
    }
    match s {
        [b'e' | b'E', rest @ ..] if !rest.is_empty() => {
            let parsed = parse_go_int64(rest)?;
            // Go converts with `int32(parsed)`: the exponent wraps modulo 2^32.
            let exponent = parsed as i32;
            Some(Suffix {
                base: 10,
                exponent,
                format: QuantityFormat::DecimalExponent,
            })
        }
        _ => None,
    }
}

/// Go's `strconv.ParseInt(s, 10, 64)`: an optional sign, then at least one ASCII digit, and a
/// result within `i64`.
fn parse_go_int64(s: &[u8]) -> Option<i64> {
    let (negative, digits) = match s {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, s),
    };
    if digits.is_empty() {
        return None;
    }
    let mut magnitude = 0u64;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        magnitude = magnitude
            .checked_mul(10)?
            .checked_add(u64::from(b - b'0'))?;
    }
    let signed = if negative {
        -i128::from(magnitude)
    } else {
        i128::from(magnitude)
    };
    i64::try_from(signed).ok()
}

/// The decimal SI suffix for `10^exponent`, if there is one (`n` … `E`).
pub(super) fn decimal_si(exponent: i64) -> Option<&'static str> {
    if exponent % 3 != 0 {
        return None;
    }
    let index = usize::try_from(exponent.checked_add(9)? / 3).ok()?;
    DECIMAL_SI.get(index).copied()
}

/// The binary SI suffix for `1024^power`, if there is one (`""`, `Ki` … `Ei`).
pub(super) fn binary_si(power: u32) -> Option<&'static str> {
    BINARY_SI.get(usize::try_from(power).ok()?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interprets_every_suffix_kind() {
        let si = |exponent| Suffix {
            base: 10,
            exponent,
            format: QuantityFormat::DecimalSI,
        };
        assert_eq!(interpret(b""), Some(si(0)));
        assert_eq!(interpret(b"n"), Some(si(-9)));
        assert_eq!(interpret(b"E"), Some(si(18)));
        assert_eq!(
            interpret(b"Ei"),
            Some(Suffix {
                base: 2,
                exponent: 60,
                format: QuantityFormat::BinarySI
            })
        );
        let ex = |exponent| Suffix {
            base: 10,
            exponent,
            format: QuantityFormat::DecimalExponent,
        };
        assert_eq!(interpret(b"e3"), Some(ex(3)));
        assert_eq!(interpret(b"E+6"), Some(ex(6)));
        assert_eq!(interpret(b"e-0012"), Some(ex(-12)));
        assert_eq!(interpret(b"e4294967296"), Some(ex(0)));
        assert_eq!(interpret(b"e-9223372036854775808"), Some(ex(0)));
    }

    #[test]
    fn rejects_unknown_suffixes() {
        for bad in [
            &b"K"[..],
            b"i",
            b"mi",
            b"e",
            b"e-",
            b"e+",
            b"eE",
            b"Ki5",
            b"e9223372036854775808",
        ] {
            assert_eq!(interpret(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn constructs_suffixes() {
        assert_eq!(decimal_si(-9), Some("n"));
        assert_eq!(decimal_si(0), Some(""));
        assert_eq!(decimal_si(18), Some("E"));
        assert_eq!(decimal_si(21), None);
        assert_eq!(decimal_si(-12), None);
        assert_eq!(decimal_si(4), None);
        assert_eq!(binary_si(0), Some(""));
        assert_eq!(binary_si(6), Some("Ei"));
        assert_eq!(binary_si(7), None);
    }
}
