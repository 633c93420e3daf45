//! `Quantity`: apimachinery's `resource.Quantity` (`1Gi`, `500m`, `1e3`), with exact arithmetic.
//!
//! Parsing and printing are ported from apimachinery `pkg/api/resource` so that kvol reads a
//! quantity exactly as the API server does and prints what its `String()` prints:
//!
//! - the value is an exact decimal, never a float; digits finer than nano (10⁻⁹) are rounded up
//!   in magnitude (`0.0000000001` → `1n`, `-3.001n` → `-4n`);
//! - `Ki`…`Ei` values are capped at 2⁶³−1 (`9Ei` → `9223372036854775807`); decimal values are
//!   not capped;
//! - the canonical string keeps the input's format (decimal SI, binary SI or `e` exponent), and
//!   is the input itself when apimachinery's parser keeps it (`1E3` stays `1E3`, `+1Ki` stays
//!   `+1Ki`, `100.035k` stays `100.035k`);
//! - a `Ki`…`Ei` whole number that is no multiple of 1024 prints as bare digits (`3000`), which
//!   read back as decimal SI (`3k`): the one case where a canonical string is not stable;
//! - quantities compare by value: `1Gi == 1024Mi == 1073741824`, `1G < 1Gi`.

mod canonical;
mod decimal;
mod parse;
mod suffix;

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use decimal::Decimal;

/// A parse error for a quantity string, worded like apimachinery's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityError {
    /// What is wrong, e.g. `quantities must match the regular expression ...`.
    pub message: String,
}

impl QuantityError {
    /// apimachinery's `ErrFormatWrong`: the string is not a number followed by a suffix.
    pub const FORMAT_WRONG: &'static str = "quantities must match the regular expression \
         '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    /// apimachinery's `ErrNumeric`: the number has no digits (e.g. `.e-10`).
    pub const NUMERIC: &'static str = "unable to parse numeric part of quantity";
    /// apimachinery's `ErrSuffix`: the suffix is not one of the known ones (e.g. `1K`, `1mi`).
    pub const SUFFIX: &'static str = "unable to parse quantity's suffix";
    /// kvol's own refusal (the API server parses such a value): a value whose last nonzero
    /// digit stands beyond 10^2147483647, like `1000e2147483647`. apimachinery prints a
    /// quantity's canonical form with an `int32` exponent, which wraps for such a value, so
    /// Kubernetes could store and write back a different number (here `1e-2147483646`).
    pub const TOO_LARGE: &'static str = "quantity is too large: Kubernetes keeps quantities with \
         an exponent of at most 2147483647 and would write this one back as a different value";

    fn new(message: &str) -> Self {
        Self {
            message: message.to_owned(),
        }
    }
    fn format_wrong() -> Self {
        Self::new(Self::FORMAT_WRONG)
    }
    fn numeric() -> Self {
        Self::new(Self::NUMERIC)
    }
    fn suffix() -> Self {
        Self::new(Self::SUFFIX)
    }
    fn too_large() -> Self {
        Self::new(Self::TOO_LARGE)
    }
}

impl fmt::Display for QuantityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for QuantityError {}

/// How a quantity prints: apimachinery's `Format`, taken from the suffix it was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuantityFormat {
    /// Powers of ten with SI suffixes: `500m`, `3k`, `1G`, or no suffix at all.
    DecimalSI,
    /// Powers of 1024: `1Ki`, `1536Mi`. Values that are not whole multiples of 1024 print as
    /// [`DecimalSI`](QuantityFormat::DecimalSI).
    BinarySI,
    /// Powers of ten as an exponent: `1e3`, `1300e3`, `50e-3`.
    DecimalExponent,
}

/// A Kubernetes resource quantity (`1Gi`, `500m`, `1e3`), parsed exactly as the API server
/// parses it.
///
/// Equality, ordering and hashing use the exact value and ignore how it was written;
/// [`canonical`](Quantity::canonical) (also `Display` and `Serialize`) gives the string the API
/// server would store.
///
/// ```
/// use kvol_core::Quantity;
///
/// let size: Quantity = "1.5Gi".parse()?;
/// assert_eq!(size.canonical(), "1536Mi");
/// assert_eq!(size, "1536Mi".parse()?);
/// assert_eq!("1Gi".parse::<Quantity>()?, Quantity::from_bytes(1 << 30));
/// assert!("1G".parse::<Quantity>()? < "1Gi".parse()?);
///
/// // Whatever the API server echoes back unchanged, kvol keeps too.
/// assert_eq!("1E3".parse::<Quantity>()?.to_string(), "1E3");
/// assert_eq!("0.5".parse::<Quantity>()?.to_string(), "500m");
///
/// let err = "1 Gi".parse::<Quantity>().unwrap_err();
/// assert!(err.message.starts_with("quantities must match the regular expression"));
/// # Ok::<(), kvol_core::QuantityError>(())
/// ```
#[derive(Clone)]
pub struct Quantity {
    /// True for values below zero (never for zero).
    negative: bool,
    /// The absolute value, already rounded to nano (and capped, for `BinarySI`).
    magnitude: Decimal,
    /// The format the value prints in.
    format: QuantityFormat,
    /// The string apimachinery caches as `String()` at parse time, when it keeps the input.
    text: Option<String>,
    /// apimachinery holds the value as an `inf.Dec` (its big-decimal parse path), not as an
    /// `int64Amount`: the two overflow differently in `Value()`.
    decimal_backed: bool,
}

impl Quantity {
    /// A whole number of bytes, in [`BinarySI`](QuantityFormat::BinarySI) format, as
    /// apimachinery's `NewQuantity(bytes, BinarySI)`.
    ///
    /// ```
    /// use kvol_core::Quantity;
    ///
    /// assert_eq!(Quantity::from_bytes(1_073_741_824).canonical(), "1Gi");
    /// assert_eq!(Quantity::from_bytes(1_536 * 1024 * 1024).canonical(), "1536Mi");
    /// // As in apimachinery, a value below 1024 prints as DecimalSI, and a larger one that is
    /// // no multiple of 1024 as bare digits.
    /// assert_eq!(Quantity::from_bytes(1_000).canonical(), "1k");
    /// assert_eq!(Quantity::from_bytes(3_000).canonical(), "3000");
    /// ```
    pub fn from_bytes(bytes: u64) -> Self {
        Self {
            negative: false,
            magnitude: Decimal::from_u128(bytes.into()),
            format: QuantityFormat::BinarySI,
            text: None,
            decimal_backed: false,
        }
    }

    /// apimachinery's `String()` right after `ParseQuantity`: the input itself when the parser
    /// keeps it, otherwise the canonical form of the value in its format.
    ///
    /// ```
    /// use kvol_core::Quantity;
    ///
    /// let canonical = |s: &str| s.parse::<Quantity>().map(|q| q.canonical());
    /// assert_eq!(canonical("1024Mi")?, "1Gi");
    /// assert_eq!(canonical("1000M")?, "1G");
    /// assert_eq!(canonical("1.3E+6")?, "1300e3");
    /// assert_eq!(canonical("+1k")?, "+1k");
    /// # Ok::<(), kvol_core::QuantityError>(())
    /// ```
    pub fn canonical(&self) -> String {
        match &self.text {
            Some(text) => text.clone(),
            None => canonical::canonicalize(self),
        }
    }

    /// The format the quantity was written in (and prints in), as apimachinery records it.
    ///
    /// A binary value strictly between -1 and 1 becomes [`DecimalSI`](QuantityFormat::DecimalSI)
    /// at parse time (`0.000000000001Ki` → `2n`).
    pub fn format(&self) -> QuantityFormat {
        self.format
    }

    /// True when the value is exactly zero.
    pub fn is_zero(&self) -> bool {
        self.magnitude.is_zero()
    }

    /// True when the value is below zero.
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// True when the value is above zero.
    pub fn is_positive(&self) -> bool {
        !self.negative && !self.magnitude.is_zero()
    }

    /// apimachinery's `Value()`: the value rounded up in magnitude to a whole number
    /// (`1500m` → 2, `-1500m` → -2). Saturates at the ends of `i128` instead of overflowing.
    pub fn value_ceil(&self) -> i128 {
        self.scaled_value_ceil(0)
    }

    /// apimachinery's `Value()` as the API server of Kubernetes 1.30–1.37 computes it for a
    /// positive value, overflow included: an `int64`-backed value past `i64::MAX` reads as 0,
    /// a big-decimal one (more than 18 digits) wraps modulo 2^64, so `10000000000000000000`
    /// reads as -8446744073709551616. Validation of a PersistentVolume's capacity
    /// (`validateBasicResource`) rejects the value when this is negative. Negative values give
    /// [`value_ceil`](Self::value_ceil) saturated to `i64`.
    pub(crate) fn api_value(&self) -> i64 {
        if self.negative {
            return i64::try_from(self.value_ceil()).unwrap_or(i64::MIN);
        }
        match i64::try_from(self.value_ceil()) {
            Ok(v) => v,
            Err(_) if self.decimal_backed => self.magnitude.ceil_mod_2_64() as i64,
            Err(_) => 0,
        }
    }

    /// apimachinery's `MilliValue()`: the value in thousandths, rounded up in magnitude
    /// (`1n` → 1, `1.5` → 1500). Saturates at the ends of `i128` instead of overflowing.
    pub fn milli_value_ceil(&self) -> i128 {
        self.scaled_value_ceil(-3)
    }

    /// The API server's test for its "fractional byte value" warning on a claim's storage
    /// request or limit (`GetWarningsForPersistentVolumeClaimSpec`: `MilliValue() % 1000 != 0`,
    /// after `SetDefaults_ResourceList` rounded the value up to milli units).
    ///
    /// For an `inf.Dec`-backed value (`RoundUp(-3)` leaves its scale at milli), `MilliValue()`
    /// is `big.Int.Int64()` of the value in thousandths: its low 64 bits, so from about 8Pi
    /// (2^63 thousandths) on a whole size wraps and the server warns about it too
    /// (`9Pi`, not `8Pi`). An `int64`-backed value is taken at its exact thousandths here.
    pub(crate) fn api_fractional_bytes(&self) -> bool {
        if self.decimal_backed {
            // Negative values negate the low bits, which keeps `% 1000 != 0` unchanged.
            return (self.magnitude.milli_ceil_mod_2_64() as i64) % 1000 != 0;
        }
        self.has_fractional_units()
    }

    /// The value divided by `10^scale`, rounded up in magnitude and saturated to `i128`.
    fn scaled_value_ceil(&self, scale: i64) -> i128 {
        match (
            (self.magnitude.ceil_scaled_to_u128(scale)).and_then(|v| i128::try_from(v).ok()),
            self.negative,
        ) {
            (Some(v), false) => v,
            (Some(v), true) => -v,
            (None, false) => i128::MAX,
            (None, true) => i128::MIN,
        }
    }

    /// The quantity rounded up in magnitude to milli units, in the same format: what the API
    /// server's `SetDefaults_ResourceList` does to every resource list before validation.
    ///
    /// The kept input string survives when the value does not change, as in apimachinery's
    /// `RoundUp(-3)`.
    ///
    /// ```
    /// use kvol_core::Quantity;
    ///
    /// assert_eq!("1n".parse::<Quantity>()?.round_up_milli().canonical(), "1m");
    /// assert_eq!("-1.0001".parse::<Quantity>()?.round_up_milli().canonical(), "-1001m");
    /// assert_eq!("+1k".parse::<Quantity>()?.round_up_milli().canonical(), "+1k");
    /// # Ok::<(), kvol_core::QuantityError>(())
    /// ```
    pub fn round_up_milli(&self) -> Quantity {
        let magnitude = self.magnitude.round_up(-3);
        if magnitude == self.magnitude {
            return self.clone();
        }
        Quantity {
            negative: self.negative,
            magnitude,
            format: self.format,
            text: None,
            decimal_backed: self.decimal_backed,
        }
    }

    /// True when, rounded up to milli units as the API server does, the value is not a whole
    /// number (a storage size like `1500m` bytes): the API server's "fractional byte value"
    /// warning.
    ///
    /// ```
    /// use kvol_core::Quantity;
    ///
    /// assert!("1500m".parse::<Quantity>()?.has_fractional_units());
    /// assert!("1n".parse::<Quantity>()?.has_fractional_units());
    /// assert!(!"0.5Ki".parse::<Quantity>()?.has_fractional_units());
    /// # Ok::<(), kvol_core::QuantityError>(())
    /// ```
    pub fn has_fractional_units(&self) -> bool {
        // Normalised: a whole number has a non-negative exponent, and rounding up to milli
        // units keeps every value that has at most three decimals.
        if self.magnitude.exp() >= -3 {
            return !self.magnitude.is_integer();
        }
        !self.magnitude.round_up(-3).is_integer()
    }
}

impl FromStr for Quantity {
    type Err = QuantityError;

    /// apimachinery's `ParseQuantity`: no surrounding whitespace, nothing but a signed number
    /// and a suffix.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse::parse(s)
    }
}

impl TryFrom<&str> for Quantity {
    type Error = QuantityError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for Quantity {
    type Error = QuantityError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl fmt::Display for Quantity {
    /// The [canonical](Quantity::canonical) string.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.text {
            Some(text) => f.write_str(text),
            None => f.write_str(&canonical::canonicalize(self)),
        }
    }
}

impl fmt::Debug for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Quantity")
            .field("canonical", &self.canonical())
            .field("format", &self.format)
            .finish()
    }
}

impl PartialEq for Quantity {
    fn eq(&self, other: &Self) -> bool {
        self.negative == other.negative && self.magnitude == other.magnitude
    }
}
impl Eq for Quantity {}

impl Hash for Quantity {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // The magnitude is normalised, so equal values hash alike whatever their spelling.
        self.negative.hash(state);
        self.magnitude.hash(state);
    }
}

impl PartialOrd for Quantity {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Quantity {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, false) => self.magnitude.cmp(&other.magnitude),
            (true, true) => other.magnitude.cmp(&self.magnitude),
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
        }
    }
}

impl crate::render::Emit for Quantity {
    /// The [canonical](Quantity::canonical) string, as apimachinery's `MarshalJSON`.
    fn emit(&self, out: &mut dyn crate::render::Sink) {
        out.str(&self.canonical())
    }
}
serde_via_emit!(Quantity);

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::hash_map::DefaultHasher;

    fn q(s: &str) -> Quantity {
        s.parse().unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    fn canonical(s: &str) -> String {
        q(s).canonical()
    }

    fn error(s: &str) -> String {
        s.parse::<Quantity>().expect_err(s).message
    }

    /// Rows of apimachinery's TestQuantityParse (value and format) that the shared vectors omit.
    #[test]
    fn quantity_parse_rows_missing_from_the_vectors() {
        use QuantityFormat::{BinarySI, DecimalExponent, DecimalSI};
        let table = [
            ("1Ki", "1024", BinarySI),
            ("8Ki", "8192", BinarySI),
            ("5Ti", "5497558138880", BinarySI),
            ("0.05Gi", "53687091.2", BinarySI),
            ("4u", "0.000004", DecimalSI),
            ("8k", "8000", DecimalSI),
            ("300T", "3e14", DecimalSI),
            ("1E", "1e18", DecimalSI),
            ("12E", "12e18", DecimalSI),
            ("1.01E", "101e16", DecimalSI),
            ("10.035M", "10035000", DecimalSI),
            ("7.123456M", "7123456", DecimalSI),
            ("1.G", "1e9", DecimalSI),
            ("0.005", "5e-3", DecimalSI),
            (".001", "1e-3", DecimalSI),
            ("0.00500", "5e-3", DecimalSI),
            ("0.0000000001", "1e-9", DecimalSI),
            ("0.00000012354", "124e-9", DecimalSI),
            ("1e3", "1000", DecimalExponent),
            ("1E6", "1000000", DecimalExponent),
            ("1E18", "1e18", DecimalExponent),
            ("0.5e0", "0.5", DecimalExponent),
            ("1.40e9", "14e8", DecimalExponent),
            ("1.7E18", "17e17", DecimalExponent),
            ("0.5e-9", "1e-9", DecimalExponent),
        ];
        for (input, value, format) in table {
            assert_eq!(q(input), q(value), "{input}");
            assert_eq!(q(input).format(), format, "{input}");
            let negative = q(&format!("-{input}"));
            assert!(
                negative.is_negative() && negative.format() == format,
                "-{input}"
            );
            assert_eq!(q(&format!("+{input}")), q(value), "+{input}");
        }
    }

    /// apimachinery's TestQuantityString (master): `expect` keeps its own string when parsed,
    /// `alternate` is recomputed to `expect`. The shared vectors predate the rows past `E`.
    #[test]
    fn quantity_string_table() {
        let table = [
            ("6Ki", ""),
            ("1G", "1000000000"),
            ("1080m", "1.08"),
            ("300M", ""),
            ("1E", ""),
            ("1e21", "1000E"),
            ("5e21", "5000E"),
            ("1e24", "1000000E"),
            ("1234567m", ""),
            ("80e-3", ""),
            ("1e3", ""),
            ("1e-3", "0.001e0"),
            ("1n", ""),
            ("1u", ""),
        ];
        for (expect, alternate) in table {
            assert_eq!(
                q(expect).text.as_deref(),
                Some(expect),
                "{expect} keeps its string"
            );
            if !alternate.is_empty() {
                assert_eq!(q(alternate).text, None, "{alternate}");
                assert_eq!(canonical(alternate), expect, "{alternate}");
                assert_eq!(canonical(&format!("-{alternate}")), format!("-{expect}"));
            }
        }
    }

    #[test]
    fn binary_values_are_capped_at_i64_max() {
        assert_eq!(canonical("1Ei"), "1Ei");
        assert_eq!(canonical("7Ei"), "7Ei");
        assert_eq!(canonical("8Ei"), "9223372036854775807");
        assert_eq!(canonical("9Ei"), "9223372036854775807");
        assert_eq!(canonical("-9Ei"), "-9223372036854775807");
        assert_eq!(q("9Ei"), q("9223372036854775807"));
        assert_eq!(q("100000Ei"), q("9Ei"));
        // Decimal values are not capped.
        assert!(q("9223372036854775808") > q("9Ei"));
        assert_eq!(canonical("10E"), "10E");
    }

    #[test]
    fn precision_is_rounded_up_in_magnitude_to_nano() {
        assert_eq!(canonical("0.0000000001"), "1n");
        assert_eq!(canonical("3.001n"), "4n");
        assert_eq!(canonical("-3.001n"), "-4n");
        assert_eq!(canonical("-0.0000000001"), "-1n");
        assert_eq!(canonical("1e-1000"), "1e-9");
        assert_eq!(canonical("0.000000000001Ki"), "2n");
        assert_eq!(q("0.000000000001Ki").format(), QuantityFormat::DecimalSI);
    }

    #[test]
    fn whitespace_and_empty_strings_are_rejected() {
        for input in [" 1", "1 ", "1 Gi", "\t1", "1\n", " "] {
            assert_eq!(error(input), QuantityError::FORMAT_WRONG, "{input:?}");
        }
        assert_eq!(error(""), QuantityError::FORMAT_WRONG);
    }

    #[test]
    fn errors_use_apimachinery_messages() {
        assert_eq!(
            error("1.1.M"),
            "quantities must match the regular expression \
             '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
        );
        assert_eq!(
            error("0.1am"),
            QuantityError::FORMAT_WRONG,
            "`a` is no suffix character"
        );
        for input in [
            "1K", "K", "0.1mi", ".5i", "1i", "-3.01e-", "1e", "1ee3", "1Ki3",
        ] {
            assert_eq!(
                error(input),
                "unable to parse quantity's suffix",
                "{input:?}"
            );
        }
        for input in [".e-10", "-.e-10", "e-10", "+e-10", "-.5e-1x"] {
            if input.ends_with('x') {
                assert_eq!(error(input), QuantityError::FORMAT_WRONG);
            } else {
                assert_eq!(
                    error(input),
                    "unable to parse numeric part of quantity",
                    "{input:?}"
                );
            }
        }
    }

    #[test]
    fn values_whose_exponent_kubernetes_cannot_print_are_refused() {
        // The last nonzero digit at 10^2147483647 is the most apimachinery's int32 exponent holds.
        assert_eq!(canonical("1e2147483647"), "10e2147483646");
        assert_eq!(canonical("12e2147483647"), "120e2147483646");
        assert_eq!(canonical("10e2147483646"), "10e2147483646");
        // Kept as written, as apimachinery keeps it (int64 path, scale 2147483646).
        assert_eq!(canonical("1.5e2147483647"), "1.5e2147483647");
        // One more factor of ten, by either parse path, and the exponent would wrap.
        for input in [
            "10e2147483647",
            "1000e2147483646",
            "1000e2147483647",
            "1000000000000000000000e2147483647",
            "-100e2147483647",
        ] {
            assert_eq!(error(input), QuantityError::TOO_LARGE, "{input:?}");
        }
    }

    #[test]
    fn odd_but_valid_spellings_parse_like_apimachinery() {
        // The scanner accepts a missing number: it reads as zero.
        for zero in [".", "-.", "+", "-", "m", "Ki", "e5", "-000", "0.0e-3"] {
            assert!(q(zero).is_zero(), "{zero:?}");
            assert_eq!(canonical(zero), "0", "{zero:?}");
        }
        assert_eq!(canonical("1.Ki"), "1.Ki");
        assert_eq!(canonical("010"), "010");
        assert_eq!(canonical("1000E"), "1e21");
        assert_eq!(canonical("1e4294967296"), "1e4294967296");
        assert_eq!(
            q("1e4294967296"),
            q("1"),
            "Go keeps the exponent as int32(parsed)"
        );
    }

    #[test]
    fn very_long_inputs_are_exact_and_cheap() {
        let ones = "1".repeat(100_000);
        let zeros = "0".repeat(100_000);
        assert_eq!(q(&format!("{ones}.{ones}Ki")), q("9223372036854775807"));
        assert_eq!(q(&format!("1{zeros}")), q("1e100000"));
        assert_eq!(canonical(&format!("1{zeros}")), "10e99999");
        assert_eq!(canonical(&format!("0.{zeros}1")), "1n");
        assert_eq!(canonical(&format!("-{ones}.5")), format!("-{ones}500m"));
        assert!(q(&ones) < q(&format!("{ones}.{ones}")));
        // Both round up to the same nano.
        assert_eq!(q(&format!("{ones}.{ones}")), q(&format!("{ones}.{ones}1")));
        assert_eq!(
            canonical(&format!("{ones}.{ones}")),
            format!("{ones}111111112n")
        );
    }

    #[test]
    fn equality_ignores_the_spelling() {
        assert_eq!(q("1Gi"), q("1024Mi"));
        assert_eq!(q("1Gi"), q("1073741824"));
        assert_eq!(q("1Gi"), Quantity::from_bytes(1 << 30));
        assert_eq!(q("0"), q("-0Ki"));
        assert_eq!(q("1.5"), q("1500m"));
        assert!(q("1G") < q("1Gi"));
        assert!(q("-1Gi") < q("-1G"));
        assert!(q("-1n") < q("0"));
        let hash = |q: &Quantity| {
            let mut h = DefaultHasher::new();
            q.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&q("1Gi")), hash(&q("1073741824")));
        assert_eq!(hash(&q("0.001k")), hash(&q("1e0")));
    }

    /// apimachinery prints a binary whole number that is no multiple of 1024 as bare digits,
    /// which read back as decimal: the canonical string of that is different.
    #[test]
    fn binary_digits_read_back_as_decimal() {
        assert_eq!(canonical("2.9296875Ki"), "3000");
        assert_eq!(q("2.9296875Ki").format(), QuantityFormat::BinarySI);
        assert_eq!(canonical("3000"), "3k");
        assert_eq!(Quantity::from_bytes(3000).canonical(), "3000");
        assert_eq!(q("2.9296875Ki"), q("3k"));
    }

    #[test]
    fn from_bytes_prints_binary_si() {
        assert_eq!(Quantity::from_bytes(0).canonical(), "0");
        assert_eq!(Quantity::from_bytes(1).canonical(), "1");
        assert_eq!(Quantity::from_bytes(1024).canonical(), "1Ki");
        assert_eq!(Quantity::from_bytes(1025).canonical(), "1025");
        assert_eq!(
            Quantity::from_bytes(u64::MAX).canonical(),
            "18446744073709551615"
        );
        assert_eq!(Quantity::from_bytes(1 << 63).canonical(), "8Ei");
        assert_eq!(
            Quantity::from_bytes(5 << 40).format(),
            QuantityFormat::BinarySI
        );
    }

    #[test]
    fn signs() {
        assert!(q("1n").is_positive());
        assert!(q("-1n").is_negative());
        assert!(!q("-0").is_negative());
        assert!(!q("-0").is_positive());
        assert!(q("-0").is_zero());
    }

    #[test]
    fn value_ceil_rounds_away_from_zero() {
        assert_eq!(q("1500m").value_ceil(), 2);
        assert_eq!(q("-1500m").value_ceil(), -2);
        assert_eq!(q("1n").value_ceil(), 1);
        assert_eq!(q("1Gi").value_ceil(), 1 << 30);
        assert_eq!(q("1e100").value_ceil(), i128::MAX);
        assert_eq!(q("-1e100").value_ceil(), i128::MIN);
        assert_eq!(q("1n").milli_value_ceil(), 1);
        assert_eq!(q("-1.5").milli_value_ceil(), -1500);
    }

    /// apimachinery's TestQuantityRoundUp at milli scale, plus the defaulting examples.
    #[test]
    fn round_up_milli() {
        assert_eq!(q("9.01").round_up_milli(), q("9010m"));
        assert_eq!(q("-9.01").round_up_milli(), q("-9010m"));
        assert_eq!(q("1n").round_up_milli().canonical(), "1m");
        assert_eq!(q("-1n").round_up_milli().canonical(), "-1m");
        assert_eq!(q("1.0000001Ki").round_up_milli().canonical(), "1024001m");
        assert_eq!(
            q("1.0000001Ki").round_up_milli().format(),
            QuantityFormat::BinarySI
        );
        assert_eq!(q("+5n").round_up_milli().canonical(), "1m");
        assert_eq!(q("+100.035k").round_up_milli().canonical(), "+100.035k");
    }

    #[test]
    fn fractional_units() {
        assert!(q("1500m").has_fractional_units());
        assert!(q("1n").has_fractional_units());
        assert!(q("100.5").has_fractional_units());
        assert!(!q("1Gi").has_fractional_units());
        assert!(!q("1.5k").has_fractional_units());
        assert!(!q("1e30").has_fractional_units());
        assert!(!q("0").has_fractional_units());
    }

    #[test]
    fn try_from_and_serialize() {
        assert_eq!(Quantity::try_from("2Gi").unwrap(), q("2048Mi"));
        assert_eq!(Quantity::try_from(String::from("2Gi")).unwrap(), q("2Gi"));
        assert!(Quantity::try_from("2 Gi").is_err());
        assert_eq!(serde_json::to_string(&q("1.5Gi")).unwrap(), r#""1536Mi""#);
        assert_eq!(serde_json::to_string(&q("+1E3")).unwrap(), r#""+1E3""#);
        assert_eq!(
            format!("{:?}", q("1.5Gi")),
            r#"Quantity { canonical: "1536Mi", format: BinarySI }"#
        );
    }
}
