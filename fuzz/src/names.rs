//! Every `kvol_core::names` check on arbitrary text: never panics, agrees with an independent
//! model of apimachinery's regular expressions and length limits, and with its validated
//! newtype; the widening conversions only widen.
//!
//! Input: UTF-8 text (other bytes are skipped), checked as a whole; the first eight bytes also
//! make a port number.

use kvol_core::names::{
    self, Dns1035Label, Dns1123Label, Dns1123Subdomain, LabelValue, NameError, PortName,
    QualifiedName,
};

/// Runs every check on one input.
pub fn check(data: &[u8]) {
    let mut port = [0u8; 8];
    let n = data.len().min(8);
    port[..n].copy_from_slice(&data[..n]);
    check_port_number(i64::from_le_bytes(port));
    // Small numbers too, where the boundaries are.
    check_port_number(i64::from(i32::from_le_bytes([port[0], port[1], port[2], 0])) - 100);

    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };

    let label = agree(
        "dns1123_label",
        s,
        names::dns1123_label(s),
        model::dns1123_label(s),
    );
    let subdomain = agree(
        "dns1123_subdomain",
        s,
        names::dns1123_subdomain(s),
        model::dns1123_subdomain(s),
    );
    let label1035 = agree(
        "dns1035_label",
        s,
        names::dns1035_label(s),
        model::dns1035_label(s),
    );
    let qualified = agree(
        "qualified_name",
        s,
        names::qualified_name(s),
        model::qualified_name(s),
    );
    let value = agree(
        "label_value",
        s,
        names::label_value(s),
        model::label_value(s),
    );
    let port_name = agree("port_name", s, names::port_name(s), model::port_name(s));
    agree(
        "config_map_key",
        s,
        names::config_map_key(s),
        model::config_map_key(s),
    );

    // The length message appears exactly when the string is too long (`characters` wording in
    // pkg/util/validation, `bytes` in pkg/api/validate/content).
    for (what, result, max, unit) in [
        ("dns1123_label", names::dns1123_label(s), 63, "characters"),
        (
            "dns1123_subdomain",
            names::dns1123_subdomain(s),
            253,
            "characters",
        ),
        ("dns1035_label", names::dns1035_label(s), 63, "characters"),
        ("label_value", names::label_value(s), 63, "bytes"),
        ("port_name", names::port_name(s), 15, "characters"),
        (
            "config_map_key",
            names::config_map_key(s),
            253,
            "characters",
        ),
    ] {
        let message = format!("must be no more than {max} {unit}");
        let has = result.is_err_and(|e| e.messages.contains(&message));
        assert_eq!(has, s.len() > max, "{what}({s:?}): length message");
    }

    // Each newtype holds exactly the strings its check accepts.
    newtype::<Dns1123Label>(s, label);
    newtype::<Dns1123Subdomain>(s, subdomain);
    newtype::<Dns1035Label>(s, label1035);
    newtype::<QualifiedName>(s, qualified);
    newtype::<LabelValue>(s, value);
    newtype::<PortName>(s, port_name);

    // Widening conversions (each also debug-asserts the target's check).
    if let Ok(n) = Dns1035Label::new(s) {
        assert!(
            label && subdomain && qualified && value,
            "{s:?}: 1035 label widens"
        );
        assert_eq!(Dns1123Label::from(n.clone()).as_str(), s);
        assert_eq!(Dns1123Subdomain::from(n.clone()).as_str(), s);
        assert_eq!(QualifiedName::from(n.clone()).as_str(), s);
        assert_eq!(LabelValue::from(n).as_str(), s);
    }
    if let Ok(n) = Dns1123Label::new(s) {
        assert!(subdomain && qualified && value, "{s:?}: 1123 label widens");
        assert_eq!(Dns1123Subdomain::from(n.clone()).as_str(), s);
        assert_eq!(QualifiedName::from(n.clone()).as_str(), s);
        assert_eq!(LabelValue::from(n).as_str(), s);
    }
    if let Ok(n) = PortName::new(s) {
        assert!(
            label && subdomain && qualified && value,
            "{s:?}: port name widens"
        );
        assert_eq!(Dns1123Label::from(n.clone()).as_str(), s);
        assert_eq!(Dns1123Subdomain::from(n.clone()).as_str(), s);
        assert_eq!(QualifiedName::from(n.clone()).as_str(), s);
        assert_eq!(LabelValue::from(n).as_str(), s);
    }
}

/// kvol's verdict equals the model's; an error has at least one message, none empty, and
/// prints as the messages joined by `; `. Returns whether `s` is valid.
fn agree(what: &str, s: &str, kvol: Result<(), NameError>, model: bool) -> bool {
    match &kvol {
        Ok(()) => {}
        Err(e) => {
            assert!(
                !e.messages.is_empty(),
                "{what}({s:?}): error without a message"
            );
            assert!(
                e.messages.iter().all(|m| !m.is_empty()),
                "{what}({s:?}): {e:?}"
            );
            assert_eq!(e.to_string(), e.messages.join("; "), "{what}({s:?})");
        }
    }
    assert_eq!(
        kvol.is_ok(),
        model,
        "{what}({s:?}): kvol says {kvol:?}, the model {model}"
    );
    model
}

/// What the `name_type!` newtypes of kvol_core::names have in common.
trait NameType:
    Sized
    + std::str::FromStr<Err = NameError>
    + for<'a> TryFrom<&'a str, Error = NameError>
    + TryFrom<String, Error = NameError>
    + std::ops::Deref<Target = str>
    + std::fmt::Display
    + Into<String>
{
    fn new_(s: &str) -> Result<Self, NameError>;
}

macro_rules! name_type {
    ($($t:ident),*) => {$(
        impl NameType for $t {
            fn new_(s: &str) -> Result<Self, NameError> {
                $t::new(s)
            }
        }
    )*};
}
name_type!(
    Dns1123Label,
    Dns1123Subdomain,
    Dns1035Label,
    QualifiedName,
    LabelValue,
    PortName
);

/// Every constructor agrees with the check, and the value is the input unchanged.
fn newtype<T: NameType>(s: &str, valid: bool) {
    let name = std::any::type_name::<T>();
    let results = [
        T::new_(s),
        s.parse::<T>(),
        T::try_from(s),
        T::try_from(s.to_owned()),
    ];
    for r in results {
        match r {
            Ok(v) => {
                assert!(valid, "{name}({s:?}) built but its check fails");
                assert_eq!(&*v, s);
                assert_eq!(v.to_string(), s);
                let owned: String = v.into();
                assert_eq!(owned, s);
            }
            Err(e) => {
                assert!(!valid, "{name}({s:?}) refused but its check passes: {e}");
            }
        }
    }
}

fn check_port_number(n: i64) {
    let result = names::port_number(n);
    assert_eq!(result.is_ok(), (1..=65535).contains(&n), "port_number({n})");
}

/// An independent model of apimachinery's name formats: the regular expressions of
/// `pkg/util/validation` written as plain byte scans, and the length limits (in bytes).
mod model {
    fn lower_alnum(b: u8) -> bool {
        b.is_ascii_lowercase() || b.is_ascii_digit()
    }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?` with a custom first-byte class.
    fn label_shape(s: &str, first: fn(u8) -> bool) -> bool {
        let b = s.as_bytes();
        match (b.first(), b.last()) {
            (Some(&f), Some(&l)) => {
                first(f) && lower_alnum(l) && b.iter().all(|&c| lower_alnum(c) || c == b'-')
            }
            _ => false,
        }
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
    fn key_shape(s: &str) -> bool {
        let b = s.as_bytes();
        match (b.first(), b.last()) {
            (Some(f), Some(l)) => {
                f.is_ascii_alphanumeric()
                    && l.is_ascii_alphanumeric()
                    && b.iter()
                        .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
            }
            _ => false,
        }
    }

    pub fn dns1123_label(s: &str) -> bool {
        s.len() <= 63 && label_shape(s, lower_alnum)
    }

    pub fn dns1123_subdomain(s: &str) -> bool {
        s.len() <= 253 && s.split('.').all(|l| label_shape(l, lower_alnum))
    }

    pub fn dns1035_label(s: &str) -> bool {
        s.len() <= 63 && label_shape(s, |b| b.is_ascii_lowercase())
    }

    /// `IsQualifiedName`: `[prefix/]name`, the prefix a DNS-1123 subdomain, the name at most
    /// 63 bytes of the label-key shape.
    pub fn qualified_name(s: &str) -> bool {
        let parts: Vec<&str> = s.split('/').collect();
        let name = match parts[..] {
            [name] => name,
            [prefix, name] => {
                if !dns1123_subdomain(prefix) {
                    return false;
                }
                name
            }
            _ => return false,
        };
        name.len() <= 63 && key_shape(name)
    }

    pub fn label_value(s: &str) -> bool {
        s.len() <= 63 && (s.is_empty() || key_shape(s))
    }

    /// `IsValidPortName` (IANA_SVC_NAME): 1 to 15 bytes of `[-a-z0-9]`, at least one letter,
    /// no `--`, no hyphen at either end.
    pub fn port_name(s: &str) -> bool {
        let b = s.as_bytes();
        (1..=15).contains(&b.len())
            && b.iter().all(|&c| lower_alnum(c) || c == b'-')
            && b.iter().any(|c| c.is_ascii_lowercase())
            && !s.contains("--")
            && !s.starts_with('-')
            && !s.ends_with('-')
    }

    /// `IsConfigMapKey`: at most 253 bytes of `[-._a-zA-Z0-9]+`, not `.`, `..` or `..`-prefixed.
    pub fn config_map_key(s: &str) -> bool {
        s.len() <= 253
            && !s.is_empty()
            && s.bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
            && s != "."
            && !s.starts_with("..")
    }
}
