//! Property tests for `Quantity`: canonical strings read back as the same value and print as
//! themselves, the order agrees with plain integer arithmetic, and no input makes the parser
//! panic.

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use kvol_core::Quantity;
use kvol_core::quantity::QuantityFormat;
use proptest::prelude::*;

/// Every suffix kind: decimal SI, binary SI and `e`/`E` exponents (kept small, see below).
fn suffix() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei",
    ])
    .prop_map(str::to_owned);
    let exponent = ("[eE]", prop::sample::select(vec!["", "+", "-"]), 0u32..40)
        .prop_map(|(e, sign, n)| format!("{e}{sign}{n}"));
    prop_oneof![3 => fixed, 1 => exponent]
}

/// Valid quantity strings: a sign, integer and fraction digits (with leading and trailing
/// zeros, past the 18-digit fast path and past nano precision), and a suffix.
///
/// Exponents stay small here; huge ones, up to and past the 32-bit range apimachinery wraps
/// them to, have their own property below.
fn valid_quantity() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["", "+", "-"]),
        "[0-9]{1,24}",
        prop::option::of("[0-9]{0,14}"),
        suffix(),
    )
        .prop_map(|(sign, int, fraction, suffix)| match fraction {
            Some(fraction) => format!("{sign}{int}.{fraction}{suffix}"),
            None => format!("{sign}{int}{suffix}"),
        })
}

fn parse(s: &str) -> Quantity {
    s.parse()
        .unwrap_or_else(|e| panic!("{s:?} must parse: {e}"))
}

fn hash_of(q: &Quantity) -> u64 {
    let mut h = DefaultHasher::new();
    q.hash(&mut h);
    h.finish()
}

/// The canonical string reads back as the same value and prints as itself, and every way of
/// printing agrees with it.
///
/// One apimachinery exception: a `BinarySI` whole number that is not a multiple of 1024 prints
/// as bare digits (`3000`), which read back as `DecimalSI` and print as `3k`. That second
/// string is then stable.
fn assert_canonical_round_trip(q: &Quantity) -> Result<(), TestCaseError> {
    let canonical = q.canonical();
    let back: Quantity = canonical
        .parse()
        .map_err(|e| TestCaseError::fail(format!("{canonical:?} does not parse: {e}")))?;
    prop_assert_eq!(&back, q, "value changed through {:?}", canonical);
    prop_assert_eq!(hash_of(&back), hash_of(q));
    let again = back.canonical();
    if again != canonical {
        let digits = canonical.strip_prefix('-').unwrap_or(&canonical);
        prop_assert!(
            q.format() == QuantityFormat::BinarySI
                && digits.bytes().all(|b| b.is_ascii_digit())
                && digits.ends_with("000"),
            "canonical is not idempotent: {:?} -> {:?}",
            canonical,
            again
        );
        prop_assert_eq!(
            parse(&again).canonical(),
            again.clone(),
            "not stable after two steps"
        );
    }
    prop_assert_eq!(q.to_string(), canonical.clone());
    prop_assert_eq!(
        serde_json::to_string(q).unwrap(),
        format!("\"{canonical}\"")
    );
    Ok(())
}

/// A quantity as an exact integer number of nano units, for `|m| < 10^9` with a known suffix:
/// the model the order is checked against. Binary values are capped at 2^63-1 as parsing does.
fn nanos(m: i64, suffix: &str) -> i128 {
    let binary = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
    let decimal = ["n", "u", "m", "", "k", "M", "G", "T", "P", "E"];
    if let Some(i) = binary.iter().position(|&s| s == suffix) {
        let bytes = (i128::from(m).abs() << (10 * (i + 1))).min(i128::from(i64::MAX));
        bytes * 1_000_000_000 * i128::from(m.signum())
    } else {
        let i = decimal
            .iter()
            .position(|&s| s == suffix)
            .expect("known suffix");
        i128::from(m) * 10i128.pow(u32::try_from(i).unwrap() * 3)
    }
}

/// `ceil(n / 10^k)` rounded away from zero.
fn ceil_away(n: i128, k: u32) -> i128 {
    let d = 10i128.pow(k);
    let q = n / d;
    if n % d == 0 { q } else { q + n.signum() }
}

fn known_suffix() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "n", "u", "m", "", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei",
    ])
}

proptest! {
    #[test]
    fn canonical_reads_back_as_the_same_value(s in valid_quantity()) {
        let q = parse(&s);
        assert_canonical_round_trip(&q)?;
        // Rounding to milli, as the API server's defaulting does, keeps that property.
        let rounded = q.round_up_milli();
        assert_canonical_round_trip(&rounded)?;
        prop_assert_eq!(rounded.round_up_milli(), rounded.clone());
        prop_assert_eq!(rounded.milli_value_ceil(), q.milli_value_ceil());
        prop_assert_eq!(rounded.is_negative(), q.is_negative());
    }

    #[test]
    fn order_and_values_agree_with_integer_arithmetic(
        a in -999_999_999i64..1_000_000_000, sa in known_suffix(),
        b in -999_999_999i64..1_000_000_000, sb in known_suffix(),
    ) {
        let (qa, qb) = (parse(&format!("{a}{sa}")), parse(&format!("{b}{sb}")));
        let (na, nb) = (nanos(a, sa), nanos(b, sb));
        prop_assert_eq!(qa.cmp(&qb), na.cmp(&nb));
        prop_assert_eq!(qa == qb, na == nb);
        if na == nb {
            prop_assert_eq!(hash_of(&qa), hash_of(&qb));
        }
        prop_assert_eq!(&qa, &parse(&format!("{na}n")));
        prop_assert_eq!(qa.value_ceil(), ceil_away(na, 9));
        prop_assert_eq!(qa.milli_value_ceil(), ceil_away(na, 6));
        prop_assert_eq!(qa.has_fractional_units(), ceil_away(na, 6) % 1000 != 0);
        prop_assert_eq!(qa.is_negative(), na < 0);
        prop_assert_eq!(qa.is_zero(), na == 0);
        prop_assert_eq!(qa.is_positive(), na > 0);
    }

    #[test]
    fn bytes_match_their_decimal_spelling(n in 0u64..=i64::MAX as u64, k in 0u32..7) {
        let n = n >> (10 * k) << (10 * k); // often a whole number of Ki, Mi, ...
        let from_bytes = Quantity::from_bytes(n);
        prop_assert_eq!(&from_bytes, &parse(&n.to_string()));
        prop_assert_eq!(from_bytes.value_ceil(), i128::from(n));
        assert_canonical_round_trip(&from_bytes)?;
        prop_assert_eq!(parse(&from_bytes.canonical()).value_ceil(), i128::from(n));
    }

    #[test]
    fn order_is_a_total_order(a in valid_quantity(), b in valid_quantity(), c in valid_quantity()) {
        let (a, b, c) = (parse(&a), parse(&b), parse(&c));
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        if a <= b && b <= c {
            prop_assert!(a <= c);
        }
        if a.cmp(&b) == Ordering::Equal {
            prop_assert_eq!(hash_of(&a), hash_of(&b));
        }
    }

    #[test]
    fn parser_never_panics_on_arbitrary_strings(s in any::<String>()) {
        if let Ok(q) = s.parse::<Quantity>() {
            let _ = (q.canonical(), q.value_ceil(), q.has_fractional_units(), q.round_up_milli());
        }
    }

    #[test]
    fn parser_never_panics_on_near_misses(s in "[-+0-9.eEinumkKMGTP]{0,30}") {
        if let Ok(q) = s.parse::<Quantity>() {
            let _ = (q.canonical(), q.value_ceil(), q.has_fractional_units(), q.round_up_milli());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Very long digit strings take the big-decimal path and stay exact.
    #[test]
    fn long_digit_strings_stay_exact(
        sign in prop::sample::select(vec!["", "-"]),
        int in "[0-9]{100,400}",
        fraction in "[0-9]{0,400}",
        suffix in suffix(),
    ) {
        let q = parse(&format!("{sign}{int}.{fraction}{suffix}"));
        assert_canonical_round_trip(&q)?;
        // Appending zeros changes nothing.
        prop_assert_eq!(&q, &parse(&format!("{sign}{int}.{fraction}000{suffix}")));
    }

    /// Huge exponents, including ones apimachinery wraps to 32 bits, never panic, and every one
    /// kvol accepts prints a canonical form that reads back as the same value (kvol refuses the
    /// values whose exponent would wrap when apimachinery prints them).
    #[test]
    fn huge_exponents_never_panic_and_read_back(
        digits in "[0-9]{0,30}(\\.[0-9]{0,30})?",
        exponent in prop_oneof![any::<i64>(), 2_147_483_600i64..2_147_483_700, -2_147_483_700i64..-2_147_483_600],
    ) {
        if let Ok(q) = format!("{digits}e{exponent}").parse::<Quantity>() {
            let _ = (q.value_ceil(), q.has_fractional_units(), q.round_up_milli());
            assert_canonical_round_trip(&q)?;
        }
    }
}
