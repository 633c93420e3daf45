//! Hostile string fragments shared by the YAML property and kcheck tests.

#![allow(dead_code)]

/// Fragments that break naive emitters, and every YAML 1.1 / go-yaml bool, null, number and date
/// form as a whole string.
#[rustfmt::skip]
pub const TOKENS: &[&str] = &[
    "y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off",
    "OFF", "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~", "0755",
    "0o17", "0O17", "0x1F", "0b101", "-0b11", "1e3", "1E3", "1e+3", "6.8523015e+5", ".inf", "-.inf",
    "+.INF", ".nan", ".NaN", "1_000", "685_230.15", "12:30", "190:20:30", "1:20", "2001-12-14",
    "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "=", "<<", "08", "09", "07",
    "1.0", "0.", "1.e3", ".5", "-1", "+1", "+12", "9223372036854775808", "---", "...", "- ", "? ",
    ": ", ":", "#", " #", "'", "\"", "\\", "\\n", "\n", "\r\n", "\t", " ", "  ", "|", ">", "|-",
    "&a", "*a", "!!str", "!", "%", "%YAML 1.1", "@", "`", "{", "}", "[", "]", ",", "\u{85}",
    "\u{feff}", "\u{2028}", "\u{2029}", "\u{a0}", "é", "日本", "😀", "\0", "\u{1}", "\u{1b}",
    "\u{7f}", "\u{9f}", "\u{d7ff}", "\u{e000}", "\u{fffd}", "\u{fffe}", "\u{ffff}", "\u{10ffff}",
    "1Gi", "500m", "1.5Gi", "a", "Z", "v1", "apps/v1", "/data", "registry.k8s.io/pause:3.9",
    "kubernetes.io/", "-", ".", "_", "/", "0", "9", "e", "E", "x", "o",
];
