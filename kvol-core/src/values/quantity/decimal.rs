//! `Decimal`: an exact, unbounded, non-negative decimal number, the arithmetic behind `Quantity`.
//!
//! apimachinery keeps a quantity in an `int64` fast path with an `inf.Dec` (big decimal) fallback.
//! kvol needs only a handful of operations on magnitudes (build from digits, multiply by a power
//! of two, round up to a power of ten, compare, print), so it keeps a single representation:
//! a string of decimal digits times a power of ten. Every operation is linear in the number of
//! digits, never allocates more than the input plus a few digits, and cannot overflow or panic.

use std::cmp::Ordering;

/// `digits × 10^exp`, normalised so that equal values have equal representations.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(super) struct Decimal {
    /// Decimal digit values (`0..=9`), most significant first, with neither leading nor
    /// trailing zeros. Empty for zero.
    digits: Vec<u8>,
    /// The power of ten the digits are scaled by; 0 for zero.
    exp: i64,
}

impl Decimal {
    /// Builds `digits × 10^exp` from digit values (`0..=9`) given most significant first.
    pub(super) fn from_digits(digits: impl IntoIterator<Item = u8>, exp: i64) -> Self {
        let digits: Vec<u8> = digits.into_iter().skip_while(|&d| d == 0).collect();
        Self::normalised(digits, exp)
    }

    /// The exact value of `v`.
    pub(super) fn from_u128(v: u128) -> Self {
        Self::from_digits(v.to_string().bytes().map(|b| b - b'0'), 0)
    }

    /// Strips trailing zeros into the exponent; `digits` must have no leading zeros.
    fn normalised(mut digits: Vec<u8>, exp: i64) -> Self {
        let kept = digits.iter().rposition(|&d| d != 0).map_or(0, |i| i + 1);
        if kept == 0 {
            return Self::default();
        }
        let stripped = i64::try_from(digits.len() - kept).unwrap_or(i64::MAX);
        digits.truncate(kept);
        Self {
            digits,
            exp: exp.saturating_add(stripped),
        }
    }

    /// The power of ten of the last nonzero digit: `1200` → 2, `0.5` → -1 (0 for zero).
    pub(super) fn trailing_exponent(&self) -> i64 {
        self.exp
    }

    /// True for zero.
    pub(super) fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// The power of ten the digits are scaled by (0 for zero).
    pub(super) fn exp(&self) -> i64 {
        self.exp
    }

    /// True when the value is a whole number.
    pub(super) fn is_integer(&self) -> bool {
        self.exp >= 0
    }

    /// One past the power of ten of the leading digit (`123` → 3, `0.05` → -1); 0 for zero.
    fn magnitude(&self) -> i128 {
        // A Vec never holds more than isize::MAX elements, so the length fits an i128.
        self.digits.len() as i128 + i128::from(self.exp)
    }

    /// The value times `2^k` (exact).
    pub(super) fn mul_pow2(&self, mut k: u32) -> Self {
        let mut digits = self.digits.clone();
        while k > 0 && !digits.is_empty() {
            let step = k.min(64);
            k -= step;
            let factor = 1u128 << step;
            let mut out = Vec::with_capacity(digits.len() + 20);
            let mut carry = 0u128;
            for &d in digits.iter().rev() {
                // The carry stays below 2^64, so this is below 10 × 2^64: far from u128::MAX.
                let v = u128::from(d) * factor + carry;
                out.push((v % 10) as u8);
                carry = v / 10;
            }
            while carry > 0 {
                out.push((carry % 10) as u8);
                carry /= 10;
            }
            out.reverse();
            digits = out;
        }
        Self::normalised(digits, self.exp)
    }

    /// The smallest multiple of `10^scale` that is at least the value (rounding up in
    /// magnitude, as apimachinery's `inf.RoundUp` on a non-negative number does).
    pub(super) fn round_up(&self, scale: i64) -> Self {
        if self.is_zero() || self.exp >= scale {
            return self.clone();
        }
        // Normalised, so the dropped digits end in a non-zero digit: the value always grows.
        let drop = i128::from(scale) - i128::from(self.exp);
        let len = self.digits.len() as i128;
        if drop >= len {
            return Self {
                digits: vec![1],
                exp: scale,
            };
        }
        let mut kept = self.digits[..(len - drop) as usize].to_vec();
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, 1);
                break;
            }
            i -= 1;
            if kept[i] == 9 {
                kept[i] = 0;
            } else {
                kept[i] += 1;
                break;
            }
        }
        Self::normalised(kept, scale)
    }

    /// `round_up(scale).times_pow10(-scale).to_u128()` without building either intermediate:
    /// the value divided by `10^scale`, rounded up, when that fits a `u128`.
    pub(super) fn ceil_scaled_to_u128(&self, scale: i64) -> Option<u128> {
        if self.is_zero() {
            return Some(0);
        }
        let shift = i128::from(self.exp) - i128::from(scale);
        if shift >= 0 {
            let mut v = digits_value(&self.digits)?;
            // `v` is at least 1 (no leading zeros), so this stops at the first overflow.
            let mut k = shift;
            while k > 0 {
                v = v.checked_mul(10)?;
                k -= 1;
            }
            return Some(v);
        }
        // Normalised, so the dropped digits end in a non-zero digit: the value always grows.
        let keep = usize::try_from(i128::try_from(self.digits.len()).ok()? + shift).unwrap_or(0);
        let kept = self.digits.get(..keep).unwrap_or_default();
        digits_value(kept)?.checked_add(1)
    }

    /// `ceil(value × 1000)` modulo 2^64: what `big.Int.Int64()` keeps of an `inf.Dec` rounded
    /// up to milli units (apimachinery's `RoundUp(-3)`, then `MilliValue()`).
    pub(super) fn milli_ceil_mod_2_64(&self) -> u64 {
        // Rounded up to milli units, the exponent is at least -3: times 1000, a whole number.
        let r = self.round_up(-3);
        if r.is_zero() {
            return 0;
        }
        Self {
            digits: r.digits,
            exp: r.exp.saturating_add(3),
        }
        .ceil_mod_2_64()
    }

    /// The whole value rounded up, modulo 2^64 (what Go's `big.Int.Int64()` keeps of it).
    pub(super) fn ceil_mod_2_64(&self) -> u64 {
        if self.is_zero() {
            return 0;
        }
        // A negative exponent puts its last `-exp` digits after the point.
        let fraction_len = usize::try_from(self.exp.min(0).unsigned_abs())
            .unwrap_or(usize::MAX)
            .min(self.digits.len());
        let (whole, fraction) = self.digits.split_at(self.digits.len() - fraction_len);
        let mut v = whole
            .iter()
            .fold(0u64, |v, &d| v.wrapping_mul(10).wrapping_add(u64::from(d)));
        // Trailing zeros: times 10^exp, which 2^64 divides from exp = 64 on.
        if self.exp > 0 {
            let factor = u32::try_from(self.exp)
                .ok()
                .filter(|&k| k < 64)
                .map_or(0, |k| 10u64.wrapping_pow(k));
            v = v.wrapping_mul(factor);
        }
        // Normalised: any fraction digit left ends in a nonzero one, so the value rounds up.
        if fraction.is_empty() {
            v
        } else {
            v.wrapping_add(1)
        }
    }

    /// The value times `10^k` (exact).
    pub(super) fn times_pow10(&self, k: i64) -> Self {
        if self.is_zero() {
            return Self::default();
        }
        Self {
            digits: self.digits.clone(),
            exp: self.exp.saturating_add(k),
        }
    }

    /// The value as a `u128` when it is a whole number that fits.
    pub(super) fn to_u128(&self) -> Option<u128> {
        if !self.is_integer() || self.magnitude() > 39 {
            return None;
        }
        let mut v = 0u128;
        for &d in &self.digits {
            v = v.checked_mul(10)?.checked_add(u128::from(d))?;
        }
        for _ in 0..self.exp {
            v = v.checked_mul(10)?;
        }
        Some(v)
    }

    /// The digits and exponent of the value with the exponent lowered to a multiple of three
    /// (apimachinery's `AsCanonicalBytes`): `1.5` → (`"1500"`, -3), `1e4` → (`"10"`, 3).
    pub(super) fn engineering(&self) -> (String, i64) {
        if self.is_zero() {
            return ("0".to_owned(), 0);
        }
        let extra = self.exp.rem_euclid(3);
        let mut text: String = self.digits.iter().map(|&d| char::from(b'0' + d)).collect();
        for _ in 0..extra {
            text.push('0');
        }
        (text, self.exp - extra)
    }
}

/// The digits (most significant first) as a whole number, when it fits a `u128`.
fn digits_value(digits: &[u8]) -> Option<u128> {
    let mut v = 0u128;
    for &d in digits {
        v = v.checked_mul(10)?.checked_add(u128::from(d))?;
    }
    Some(v)
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.is_zero(), other.is_zero()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            // Leading digits at the same power of ten: compare digit by digit. Neither has
            // trailing zeros, so a proper prefix is the smaller value.
            (false, false) => self
                .magnitude()
                .cmp(&other.magnitude())
                .then_with(|| self.digits.cmp(&other.digits)),
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::Decimal;

    fn dec(s: &str, exp: i64) -> Decimal {
        Decimal::from_digits(s.bytes().map(|b| b - b'0'), exp)
    }

    #[test]
    fn normalises_leading_and_trailing_zeros() {
        assert_eq!(dec("00120", 0), dec("12", 1));
        assert_eq!(dec("000", 5), Decimal::default());
        assert_eq!(dec("12", 1).engineering(), ("120".to_owned(), 0));
    }

    #[test]
    fn orders_by_value() {
        assert!(dec("1", 0) < dec("11", -1));
        assert!(dec("2", 0) > dec("11", -1));
        assert!(dec("1", 3) > dec("999", 0));
        assert!(dec("0", 0) < dec("1", -40));
        assert_eq!(dec("1000", 0).cmp(&dec("1", 3)), std::cmp::Ordering::Equal);
    }

    #[test]
    fn rounds_up_in_magnitude() {
        assert_eq!(dec("3001", -12).round_up(-9), dec("4", -9));
        assert_eq!(dec("1", -20).round_up(-9), dec("1", -9));
        assert_eq!(dec("999", -3).round_up(0), dec("1", 0));
        assert_eq!(dec("15", -1).round_up(0), dec("2", 0));
        assert_eq!(dec("15", 0).round_up(0), dec("15", 0));
    }

    /// The shortcut agrees with rounding, scaling and converting step by step.
    #[test]
    fn ceil_scaled_matches_the_steps() {
        let values = [
            dec("0", 0),
            dec("1", 0),
            dec("15", -1),
            dec("999", -3),
            dec("3001", -12),
            dec("1", -20),
            dec("1", 20),
            dec("34", 37),
            dec("35", 37),
            dec("1", 39),
            dec("99999999999999999999999999999999999999", 0),
            dec("340282366920938463463374607431768211455", 0),
            dec("340282366920938463463374607431768211455", -1),
            dec("340282366920938463463374607431768211456", -3),
            dec("1073741824", 0),
            dec("5", -1).mul_pow2(20),
        ];
        for v in &values {
            for scale in [-40, -9, -3, -1, 0, 1, 3, 38, 40, i64::MIN, i64::MAX] {
                assert_eq!(
                    v.ceil_scaled_to_u128(scale),
                    v.round_up(scale)
                        .times_pow10(scale.saturating_neg())
                        .to_u128(),
                    "{v:?} at scale {scale}"
                );
            }
        }
    }

    #[test]
    fn multiplies_by_powers_of_two() {
        assert_eq!(dec("5", -1).mul_pow2(20), dec("524288", 0));
        assert_eq!(dec("1", 0).mul_pow2(100), Decimal::from_u128(1 << 100));
        assert_eq!(dec("25", -3).mul_pow2(40).to_u128(), None);
    }

    #[test]
    fn ceil_mod_2_64_agrees_with_exact_values_and_wraps_beyond() {
        for (digits, exp) in [
            ("1", 0),
            ("15", -1),
            ("123456789", 5),
            ("18446744073709551615", 0),
            ("5", -30),
        ] {
            let d = dec(digits, exp);
            let exact = d.ceil_scaled_to_u128(0).unwrap();
            assert_eq!(
                u128::from(d.ceil_mod_2_64()),
                exact % (1u128 << 64),
                "{digits}e{exp}"
            );
        }
        // 2^64 + 1 and 10^19 × 2 wrap; 10^64 = 2^64 × 5^64 leaves nothing.
        assert_eq!(dec("18446744073709551617", 0).ceil_mod_2_64(), 1);
        assert_eq!(dec("2", 19).ceil_mod_2_64(), 1_553_255_926_290_448_384);
        assert_eq!(dec("1", 64).ceil_mod_2_64(), 0);
        assert_eq!(dec("1", 2_147_483_647).ceil_mod_2_64(), 0);
        assert_eq!(Decimal::default().ceil_mod_2_64(), 0);
    }

    #[test]
    fn converts_to_u128_only_when_whole_and_small_enough() {
        assert_eq!(dec("34", 37).to_u128(), Some(34 * 10u128.pow(37)));
        assert_eq!(dec("35", 37).to_u128(), None);
        assert_eq!(dec("1", 39).to_u128(), None);
        assert_eq!(dec("15", -1).to_u128(), None);
    }
}
