//! `Quantity::from_str` on arbitrary text, and the invariants of every value that parses.
//!
//! Input: UTF-8 text (other bytes are skipped). Everything before the first `\n` is quantity
//! `a`; when there is a newline, everything after it is quantity `b`, so the order is fuzzed on
//! pairs too. A valid quantity never contains a newline, so the split loses nothing.

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use kvol_core::Quantity;
use kvol_core::quantity::QuantityFormat;

/// Runs every check on one input.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = match text.split_once('\n') {
        Some((a, b)) => (a, Some(b)),
        None => (text, None),
    };
    let qa = parse_and_check(a);
    let qb = b.and_then(parse_and_check);
    if let (Some(qa), Some(qb)) = (&qa, &qb) {
        check_pair(qa, qb);
    }
}

/// Parses `s` (never panics) and, when it parses, checks the single-value invariants.
fn parse_and_check(s: &str) -> Option<Quantity> {
    let q: Quantity = s.parse().ok()?;
    check_canonical(s, &q);
    check_derived(s, &q);
    Some(q)
}

fn hash_of(q: &Quantity) -> u64 {
    let mut h = DefaultHasher::new();
    q.hash(&mut h);
    h.finish()
}

fn reparse(what: &str, s: &str) -> Quantity {
    s.parse()
        .unwrap_or_else(|e| panic!("{what} {s:?} does not parse: {e}"))
}

/// True for a canonical string without a suffix: digits with an optional sign and fraction.
/// apimachinery reads such a string as `DecimalSI`, whatever format printed it.
fn is_bare_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// True when `q` is a whole number.
fn is_whole(q: &Quantity) -> bool {
    q.value_ceil()
        .to_string()
        .parse::<Quantity>()
        .is_ok_and(|w| w == *q)
}

/// The `e<exp>` exponent of a quantity string, if it has one.
fn exponent(s: &str) -> Option<i64> {
    s.split_once(['e', 'E']).and_then(|(_, e)| e.parse().ok())
}

/// The canonical string reads back as an equal value (same hash, `Ord` says `Equal`), prints
/// as itself from then on, and keeps its format, with the exceptions apimachinery's printing
/// implies.
fn check_canonical(input: &str, q: &Quantity) {
    let canonical = q.canonical();
    assert_eq!(q.to_string(), canonical, "Display of {input:?}");
    // Every quantity kvol accepts prints an exponent apimachinery's `int32` holds (kvol refuses
    // the values whose exponent would wrap), so every canonical string reads back.
    let back = reparse("canonical", &canonical);
    assert_eq!(&back, q, "{input:?}: value changed through {canonical:?}");
    assert_eq!(
        back.cmp(q),
        Ordering::Equal,
        "{input:?}: Ord disagrees with Eq"
    );
    assert_eq!(
        hash_of(&back),
        hash_of(q),
        "{input:?}: Hash disagrees with Eq"
    );
    assert_eq!(back.is_negative(), q.is_negative(), "{input:?}");
    assert_eq!(back.is_zero(), q.is_zero(), "{input:?}");

    // `format()` is stable through the canonical string, but for what apimachinery's printing
    // implies (kvol_core::quantity's canonical.rs): a BinarySI value that is not a whole number
    // of at least 1024 prints in DecimalSI (`.001Ki` → `1024m`); a DecimalSI exponent past `E`
    // prints as `e<exp>` (`1000E` → `1e21`); and a canonical string without a suffix (`3000`,
    // `0`, `5` for `5e0`) reads back as DecimalSI.
    use QuantityFormat::{BinarySI, DecimalExponent, DecimalSI};
    let bare = is_bare_number(&canonical);
    let allowed = match (q.format(), back.format()) {
        (from, to) if from == to => true,
        (BinarySI, DecimalSI) => bare || !is_whole(q) || q.value_ceil().unsigned_abs() < 1024,
        (DecimalSI, DecimalExponent) => exponent(&canonical).is_some_and(|e| e > 18),
        (DecimalExponent, DecimalSI) => bare,
        _ => false,
    };
    assert!(
        allowed,
        "{input:?}: format {:?} became {:?} through {canonical:?}",
        q.format(),
        back.format()
    );

    // Idempotent, except for the one apimachinery case (module docs of kvol_core::quantity): a
    // BinarySI whole number that is no multiple of 1024 prints as bare digits, which read back
    // as DecimalSI (`3000` → `3k`). After that one step, string and format are fixed points.
    let again = back.canonical();
    if again != canonical {
        assert!(
            q.format() == QuantityFormat::BinarySI && is_bare_number(&canonical),
            "{input:?}: canonical is not idempotent: {canonical:?} -> {again:?}"
        );
    }
    let third = reparse("second canonical", &again);
    assert_eq!(&third, q, "{input:?}: value changed through {again:?}");
    assert_eq!(
        third.canonical(),
        again,
        "{input:?}: not stable after two steps"
    );
    assert_eq!(
        third.format(),
        back.format(),
        "{input:?}: format through {again:?}"
    );
}

/// Derived values: rounding to milli as the API server's defaulting does, and the integer
/// views, agree with the value and never panic.
fn check_derived(input: &str, q: &Quantity) {
    let rounded = q.round_up_milli();
    assert_eq!(
        rounded.round_up_milli(),
        rounded,
        "{input:?}: round_up_milli twice"
    );
    assert_eq!(
        rounded.milli_value_ceil(),
        q.milli_value_ceil(),
        "{input:?}"
    );
    assert_eq!(rounded.is_negative(), q.is_negative(), "{input:?}");
    assert_eq!(
        rounded.has_fractional_units(),
        q.has_fractional_units(),
        "{input:?}"
    );
    // Rounding up in magnitude moves away from zero (or nowhere).
    match q.cmp(&"0".parse().expect("zero")) {
        Ordering::Greater => assert!(rounded >= *q, "{input:?}"),
        Ordering::Less => assert!(rounded <= *q, "{input:?}"),
        Ordering::Equal => assert!(rounded.is_zero(), "{input:?}"),
    }
    let canonical = rounded.canonical();
    assert_eq!(
        reparse("rounded canonical", &canonical),
        rounded,
        "{input:?}"
    );
    let _ = q.value_ceil();
}

/// Two values: `Ord` is antisymmetric and agrees with `Eq` and `Hash`, survives the canonical
/// strings, and rounding and the integer views are monotone.
fn check_pair(a: &Quantity, b: &Quantity) {
    let ord = a.cmp(b);
    assert_eq!(b.cmp(a), ord.reverse(), "{a:?} vs {b:?}: not antisymmetric");
    assert_eq!(
        a == b,
        ord == Ordering::Equal,
        "{a:?} vs {b:?}: Ord disagrees with Eq"
    );
    assert_eq!(a.partial_cmp(b), Some(ord), "{a:?} vs {b:?}");
    if a == b {
        assert_eq!(hash_of(a), hash_of(b), "{a:?} == {b:?} but hashes differ");
    }
    let (ca, cb) = (
        reparse("canonical", &a.canonical()),
        reparse("canonical", &b.canonical()),
    );
    assert_eq!(
        ca.cmp(&cb),
        ord,
        "{a:?} vs {b:?}: order changed through canonical"
    );
    let (lo, hi) = if ord == Ordering::Greater {
        (b, a)
    } else {
        (a, b)
    };
    assert!(
        lo.round_up_milli() <= hi.round_up_milli(),
        "{lo:?} <= {hi:?}: round_up_milli"
    );
    assert!(
        lo.value_ceil() <= hi.value_ceil(),
        "{lo:?} <= {hi:?}: value_ceil"
    );
    assert!(
        lo.milli_value_ceil() <= hi.milli_value_ceil(),
        "{lo:?} <= {hi:?}: milli"
    );
}
