//! proptest strategies for the leaves of a manifest: names at their length limits, quantities in
//! every suffix, hostile strings, paths. Every strategy here yields a value that the API server
//! accepts in the place the comment names; composition (which name goes where) is in `set.rs`.

use super::hostile::TOKENS;
use proptest::{collection::vec, prelude::*, sample::select};

/// `[a-z0-9-]` by index (0..37).
fn label_byte(i: u8) -> u8 {
    match i {
        0..=25 => b'a' + i,
        26..=35 => b'0' + (i - 26),
        _ => b'-',
    }
}

fn ascii(bytes: Vec<u8>) -> String {
    bytes.into_iter().map(char::from).collect()
}

/// A length: mostly short, sometimes exactly `max`, sometimes just below it.
pub fn length(max: usize) -> impl Strategy<Value = usize> {
    let short = 1..=max.min(12);
    let near = max.saturating_sub(3).max(1)..=max;
    prop_oneof![6 => short, 1 => Just(max), 1 => near]
}

/// A DNS-1123 label (`[a-z0-9]([-a-z0-9]*[a-z0-9])?`) of exactly `len` bytes.
pub fn dns1123_label_exact(len: usize) -> impl Strategy<Value = String> {
    vec(0u8..37, len).prop_map(|v| {
        let n = v.len();
        let mut b: Vec<u8> = v.into_iter().map(label_byte).collect();
        for i in [0, n.saturating_sub(1)] {
            if b.get(i) == Some(&b'-') {
                b[i] = b'a' + (i % 26) as u8;
            }
        }
        ascii(b)
    })
}

/// A DNS-1123 label of at most `max` bytes (often exactly `max`).
pub fn dns1123_label(max: usize) -> impl Strategy<Value = String> {
    length(max).prop_flat_map(dns1123_label_exact)
}

/// A DNS-1035 label (starts with a letter) of at most `max` bytes.
pub fn dns1035_label(max: usize) -> impl Strategy<Value = String> {
    (dns1123_label(max), 0u8..26).prop_map(|(s, first)| {
        let mut b = s.into_bytes();
        b[0] = b'a' + first;
        ascii(b)
    })
}

/// A DNS-1123 subdomain of exactly `len` bytes: labels joined by dots (the labels themselves are
/// not length-checked by Kubernetes).
pub fn dns1123_subdomain_exact(len: usize) -> impl Strategy<Value = String> {
    vec(prop_oneof![8 => 0u8..37, 1 => Just(37u8)], len).prop_map(|v| {
        let n = v.len();
        let mut b: Vec<u8> = v
            .into_iter()
            .map(|i| if i == 37 { b'.' } else { label_byte(i) })
            .collect();
        // A dot needs an alphanumeric character on both sides.
        for i in 0..n {
            if b[i] == b'.' && (i == 0 || i == n - 1 || matches!(b[i - 1], b'.' | b'-')) {
                b[i] = b'a' + (i % 26) as u8;
            }
        }
        // A hyphen may not start or end the name or touch a dot.
        for i in 0..n {
            let touches_dot = (i > 0 && b[i - 1] == b'.') || (i + 1 < n && b[i + 1] == b'.');
            if b[i] == b'-' && (i == 0 || i == n - 1 || touches_dot) {
                b[i] = b'0' + (i % 10) as u8;
            }
        }
        ascii(b)
    })
}

/// A DNS-1123 subdomain of at most `max` bytes (often exactly `max`).
pub fn dns1123_subdomain(max: usize) -> impl Strategy<Value = String> {
    length(max).prop_flat_map(dns1123_subdomain_exact)
}

/// An IANA service name (container port name): at most 15 bytes of `[a-z0-9-]`, at least one
/// letter, no `--`, no hyphen at either end.
pub fn port_name() -> impl Strategy<Value = String> {
    length(15).prop_flat_map(|n| vec(0u8..37, n)).prop_map(|v| {
        let n = v.len();
        let mut b: Vec<u8> = v.into_iter().map(label_byte).collect();
        for i in 0..n {
            if b[i] == b'-' && (i == 0 || i == n - 1 || b[i - 1] == b'-') {
                b[i] = b'x';
            }
        }
        if !b.iter().any(u8::is_ascii_lowercase) {
            b[0] = b'p';
        }
        ascii(b)
    })
}

/// `[A-Za-z0-9]` by index (0..62), then `-`, `_`, `.`.
fn name_byte(i: u8) -> u8 {
    match i {
        0..=25 => b'a' + i,
        26..=51 => b'A' + (i - 26),
        52..=61 => b'0' + (i - 52),
        62 => b'-',
        63 => b'_',
        _ => b'.',
    }
}

/// The name part of a qualified name, or a non-empty label value:
/// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`, at most 63 bytes.
pub fn name_part() -> impl Strategy<Value = String> {
    length(63).prop_flat_map(|n| vec(0u8..65, n)).prop_map(|v| {
        let n = v.len();
        let mut b: Vec<u8> = v.into_iter().map(name_byte).collect();
        for i in [0, n - 1] {
            if !b[i].is_ascii_alphanumeric() {
                b[i] = b'Z';
            }
        }
        ascii(b)
    })
}

/// A label value: empty, or a name part.
pub fn label_value() -> impl Strategy<Value = String> {
    prop_oneof![1 => Just(String::new()), 8 => name_part()]
}

/// A qualified name (label and annotation key): `[prefix/]name`, the prefix a DNS-1123
/// subdomain of up to 253 bytes.
pub fn qualified_name() -> impl Strategy<Value = String> {
    let prefix = prop_oneof![
        2 => Just(None),
        2 => dns1123_subdomain(40).prop_map(Some),
        1 => Just(Some("kubernetes.io".to_owned())),
        1 => dns1123_subdomain_exact(253).prop_map(Some),
    ];
    (prefix, name_part()).prop_map(|(p, n)| match p {
        Some(p) => format!("{p}/{n}"),
        None => n,
    })
}

/// A string that breaks naive YAML emitters: every YAML 1.1 bool/null/number/date form,
/// `---`, `: `, `#`, quotes, leading spaces, newlines, control characters, unicode; alone,
/// concatenated, or mixed with random characters.
pub fn hostile() -> impl Strategy<Value = String> {
    let token = select(TOKENS);
    prop_oneof![
        4 => token.clone().prop_map(str::to_owned),
        3 => vec(token.clone(), 2..5).prop_map(|v| v.concat()),
        2 => vec(any::<char>(), 0..12).prop_map(|v| v.into_iter().collect()),
        2 => (token.clone(), vec(any::<char>(), 1..4), token)
            .prop_map(|(a, m, b)| format!("{a}{}{b}", m.into_iter().collect::<String>())),
        1 => Just(String::new()),
    ]
}

/// A non-empty hostile string.
pub fn hostile_nonempty() -> impl Strategy<Value = String> {
    hostile().prop_map(|s| if s.is_empty() { "-".to_owned() } else { s })
}

/// A path element that is neither empty, `.` nor `..` (hostile characters otherwise), so paths
/// built from them never contain backsteps and never clean to `/`.
fn path_element() -> impl Strategy<Value = String> {
    let plain = dns1123_label(12);
    prop_oneof![3 => plain, 2 => hostile_nonempty()].prop_map(|s| {
        // Elements are split on `/` by Kubernetes: remove `..` elements and empty ones.
        let kept: Vec<&str> = s
            .split('/')
            .filter(|e| !e.is_empty() && *e != ".." && *e != ".")
            .collect();
        if kept.is_empty() {
            "x".to_owned()
        } else {
            kept.join("/")
        }
    })
}

/// A relative path without `..` elements that does not start with `..` (`items[].path`,
/// `subPath`, downward API file paths).
pub fn relative_path() -> impl Strategy<Value = String> {
    vec(path_element(), 1..4).prop_map(|v| {
        let p = v.join("/");
        if p.starts_with("..") {
            format!("f{p}")
        } else {
            p
        }
    })
}

/// An absolute path without `..` elements that does not clean to `/` (hostPath, local, mount
/// paths).
pub fn absolute_path() -> impl Strategy<Value = String> {
    relative_path().prop_map(|p| format!("/{p}"))
}

/// An absolute path that may contain anything, `..` included (NFS export paths).
pub fn nfs_path() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => absolute_path(),
        1 => hostile().prop_map(|s| format!("/{s}")),
        1 => Just("/exports/../data".to_owned()),
    ]
}

/// The suffixes of quantities: none, DecimalSI, BinarySI and decimal exponents.
pub const SUFFIXES: &[&str] = &[
    "", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "e3",
    "E6", "e-3", "e+2", "E-6", "e0", "e9", "E12", "e-9",
];

/// A strictly positive quantity's text in every suffix and number form (`1`, `1.5`, `.5`, `5.`,
/// a leading `+`), with the suffix it uses.
pub fn positive_quantity() -> impl Strategy<Value = (String, &'static str)> {
    let mantissa = prop_oneof![
        4 => (1u32..=999).prop_map(|n| n.to_string()),
        2 => (0u32..=99, 1u32..=999).prop_map(|(a, b)| format!("{a}.{b}")),
        1 => (1u32..=9).prop_map(|n| format!(".{n}")),
        1 => (1u32..=99).prop_map(|n| format!("{n}.")),
        1 => (1u32..=9).prop_map(|n| format!("0{n}")),
    ];
    let sign = prop_oneof![6 => Just(""), 1 => Just("+")];
    (sign, mantissa, select(SUFFIXES)).prop_map(|(s, m, x)| (format!("{s}{m}{x}"), x))
}

/// A quantity that is zero or positive (`emptyDir.sizeLimit`).
pub fn nonnegative_quantity() -> impl Strategy<Value = (String, &'static str)> {
    prop_oneof![
        8 => positive_quantity(),
        1 => Just(("0".to_owned(), "")),
        1 => Just(("0Mi".to_owned(), "Mi")),
    ]
}

/// A file mode `0..=0o777`, the boundaries included.
pub fn file_mode() -> impl Strategy<Value = u32> {
    prop_oneof![
        2 => Just(0o644),
        1 => Just(0o777),
        1 => Just(0),
        1 => Just(0o400),
        1 => Just(0o755),
        2 => 0u32..=0o777,
    ]
}

/// A ConfigMap/Secret key (`[-._a-zA-Z0-9]+`, not `.`/`..`/`..*`).
pub fn config_map_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => name_part(),
        1 => Just("config.yaml".to_owned()),
        1 => Just(".dotfile".to_owned()),
        1 => Just("-".to_owned()),
    ]
}

/// An environment variable name valid in every release (`[-._a-zA-Z][-._a-zA-Z0-9]*`, not
/// starting with `..`).
pub fn env_name() -> impl Strategy<Value = String> {
    (0u8..53, vec(0u8..65, 0..16)).prop_map(|(first, rest)| {
        let first = match first {
            0..=25 => b'A' + first,
            26..=51 => b'a' + (first - 26),
            _ => b'_',
        };
        let tail = rest.into_iter().map(|i| match name_byte(i) {
            b'.' => b'_',
            c => c,
        });
        ascii(std::iter::once(first).chain(tail).collect())
    })
}

/// Images: realistic references and YAML-1.1 traps, none with surrounding whitespace.
pub const IMAGES: &[&str] = &[
    "registry.k8s.io/pause:3.9",
    "registry.k8s.io/nginx-slim:0.8",
    "busybox",
    "httpd:2.4",
    "mongo@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "localhost:5000/app:1.0",
    "on",
    "yes",
    "1e3",
    "0755",
    "null",
    "~",
    "2001-12-14",
    "- x",
    "a: b",
    "#tag",
];
