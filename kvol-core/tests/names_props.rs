//! Property tests for `kvol_core::names`: the checks never panic, agree with their newtypes,
//! accept every generated valid name (up to each format's length limit), and the widening
//! conversions are sound.

use kvol_core::names::{
    self, Dns1035Label, Dns1123Label, Dns1123Subdomain, LabelValue, NameError, PortName,
    QualifiedName,
};
use proptest::prelude::*;
use proptest::string::string_regex;

// ---------------------------------------------------------------------------------------------
// Generators of valid names.

fn regex(pattern: &str) -> BoxedStrategy<String> {
    string_regex(pattern)
        .expect("valid generator regex")
        .boxed()
}

/// A string of exactly `len` bytes: `first`, then `len - 2` of `middle`, then `last`.
fn exact(len: usize, first: &str, middle: &str, last: &str) -> BoxedStrategy<String> {
    match len {
        0 => Just(String::new()).boxed(),
        // A one-byte name must satisfy both ends; every caller's `first` is a subset of `last`.
        1 => regex(first),
        n => regex(&format!("{first}{middle}{{{}}}{last}", n - 2)),
    }
}

/// Lengths 1..=max, with the maximum itself drawn often.
fn length_up_to(max: usize) -> impl Strategy<Value = usize> {
    prop_oneof![4 => 1..=max, 1 => Just(max)]
}

fn dns1123_label_of_len(len: usize) -> BoxedStrategy<String> {
    exact(len, "[a-z0-9]", "[-a-z0-9]", "[a-z0-9]")
}

fn valid_dns1123_label() -> impl Strategy<Value = String> {
    length_up_to(63).prop_flat_map(dns1123_label_of_len)
}

fn valid_dns1035_label() -> impl Strategy<Value = String> {
    length_up_to(63).prop_flat_map(|len| exact(len, "[a-z]", "[-a-z0-9]", "[a-z0-9]"))
}

fn valid_dns1123_subdomain() -> impl Strategy<Value = String> {
    prop_oneof![
        // A few labels of any length (at most 4 * 63 + 3 = 255 bytes; the rare overshoot is
        // filtered).
        prop::collection::vec(valid_dns1123_label(), 1..=4)
            .prop_map(|labels| labels.join("."))
            .prop_filter("at most 253 bytes", |s| s.len() <= 253),
        // Many short labels.
        prop::collection::vec(1..=3usize, 1..=60)
            .prop_flat_map(|lens| lens
                .into_iter()
                .map(dns1123_label_of_len)
                .collect::<Vec<_>>())
            .prop_map(|labels| labels.join(".")),
        // Exactly 253 bytes: 63 + 63 + 63 + 61 plus three dots.
        (
            dns1123_label_of_len(63),
            dns1123_label_of_len(63),
            dns1123_label_of_len(63)
        )
            .prop_flat_map(
                |(a, b, c)| dns1123_label_of_len(61).prop_map(move |d| format!("{a}.{b}.{c}.{d}"))
            ),
        // One 253-byte label: labels inside a subdomain are not length-checked.
        dns1123_label_of_len(253),
    ]
}

fn valid_label_key_name() -> impl Strategy<Value = String> {
    length_up_to(63).prop_flat_map(|len| exact(len, "[A-Za-z0-9]", "[-A-Za-z0-9_.]", "[A-Za-z0-9]"))
}

fn valid_qualified_name() -> impl Strategy<Value = String> {
    (
        proptest::option::of(valid_dns1123_subdomain()),
        valid_label_key_name(),
    )
        .prop_map(|(prefix, name)| match prefix {
            Some(prefix) => format!("{prefix}/{name}"),
            None => name,
        })
}

fn valid_label_value() -> impl Strategy<Value = String> {
    prop_oneof![1 => Just(String::new()), 9 => valid_label_key_name()]
}

fn valid_port_name() -> impl Strategy<Value = String> {
    prop_oneof![
        regex("[a-z0-9]{1,4}(-[a-z0-9]{1,4}){0,3}"),
        regex("[a-z0-9]{3}-[a-z0-9]{3}-[a-z0-9]{7}"),
        regex("[a-z0-9]{15}"),
    ]
    .prop_filter("IANA_SVC_NAME: at most 15 bytes with a letter", |s| {
        s.len() <= 15 && s.bytes().any(|b| b.is_ascii_lowercase())
    })
}

fn valid_config_map_key() -> impl Strategy<Value = String> {
    prop_oneof![regex("[-._a-zA-Z0-9]{1,253}"), regex("[-._a-zA-Z0-9]{253}")]
        .prop_filter("not '.', '..' or '..*'", |s| {
            s != "." && !s.starts_with("..")
        })
}

// ---------------------------------------------------------------------------------------------
// Helpers.

type Check = fn(&str) -> Result<(), NameError>;

const CHECKS: [(&str, Check); 7] = [
    ("dns1123_label", names::dns1123_label),
    ("dns1123_subdomain", names::dns1123_subdomain),
    ("dns1035_label", names::dns1035_label),
    ("qualified_name", names::qualified_name),
    ("label_value", names::label_value),
    ("port_name", names::port_name),
    ("config_map_key", names::config_map_key),
];

/// Runs every check on `s` (none may panic), asserting errors carry messages and each newtype
/// agrees with its check. Returns which checks accepted `s`, in `CHECKS` order.
fn run_all(s: &str) -> Result<[bool; 7], TestCaseError> {
    let mut ok = [false; 7];
    for (i, (name, check)) in CHECKS.iter().enumerate() {
        match check(s) {
            Ok(()) => ok[i] = true,
            Err(e) => prop_assert!(!e.messages.is_empty(), "{name}({s:?}) gave no messages"),
        }
    }
    prop_assert_eq!(Dns1123Label::new(s).is_ok(), ok[0]);
    prop_assert_eq!(Dns1123Subdomain::new(s).is_ok(), ok[1]);
    prop_assert_eq!(Dns1035Label::new(s).is_ok(), ok[2]);
    prop_assert_eq!(QualifiedName::new(s).is_ok(), ok[3]);
    prop_assert_eq!(LabelValue::new(s).is_ok(), ok[4]);
    prop_assert_eq!(PortName::new(s).is_ok(), ok[5]);
    Ok(ok)
}

/// The implications behind the `From` widenings, checked on any input.
fn assert_widening_sound(s: &str, ok: [bool; 7]) -> Result<(), TestCaseError> {
    let [label, subdomain, dns1035, qualified, value, port, _] = ok;
    if dns1035 {
        prop_assert!(label, "RFC 1035 label {s:?} is not an RFC 1123 label");
    }
    if label {
        prop_assert!(
            subdomain && qualified && value,
            "RFC 1123 label {s:?} does not widen"
        );
    }
    if port {
        prop_assert!(label, "port name {s:?} is not an RFC 1123 label");
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Properties.

proptest! {
    #[test]
    fn checks_never_panic_on_arbitrary_unicode(s in any::<String>()) {
        let ok = run_all(&s)?;
        assert_widening_sound(&s, ok)?;
    }

    #[test]
    fn checks_never_panic_near_the_alphabets(
        s in "[-a-zA-Z0-9_./ é]{0,300}|[-a-z0-9.]{0,80}|[-a-z0-9]{0,20}",
    ) {
        let ok = run_all(&s)?;
        assert_widening_sound(&s, ok)?;
    }

    #[test]
    fn port_number_accepts_exactly_1_to_65535(port in any::<i64>(), near in -2i64..65540) {
        for p in [port, near] {
            prop_assert_eq!(names::port_number(p).is_ok(), (1..=65535).contains(&p));
        }
    }

    #[test]
    fn valid_dns1123_labels_are_accepted(s in valid_dns1123_label()) {
        prop_assert!(s.len() <= 63);
        let label = Dns1123Label::new(s.clone()).map_err(|e| fail(&s, e))?;
        prop_assert_eq!(label.as_str(), s.as_str());
        prop_assert_eq!(Dns1123Subdomain::from(label.clone()), s.as_str());
        prop_assert_eq!(QualifiedName::from(label.clone()), s.as_str());
        prop_assert_eq!(LabelValue::from(label).into_string(), s);
    }

    #[test]
    fn valid_dns1035_labels_are_accepted(s in valid_dns1035_label()) {
        prop_assert!(s.len() <= 63);
        let label = Dns1035Label::new(s.clone()).map_err(|e| fail(&s, e))?;
        let widened = Dns1123Label::from(label.clone());
        prop_assert_eq!(widened.as_str(), s.as_str());
        prop_assert_eq!(Dns1123Subdomain::from(label.clone()), s.as_str());
        prop_assert_eq!(QualifiedName::from(label.clone()), s.as_str());
        prop_assert_eq!(LabelValue::from(label), s.as_str());
    }

    #[test]
    fn valid_dns1123_subdomains_are_accepted(s in valid_dns1123_subdomain()) {
        prop_assert!(s.len() <= 253);
        let name = Dns1123Subdomain::new(s.clone()).map_err(|e| fail(&s, e))?;
        prop_assert_eq!(String::from(name), s);
    }

    #[test]
    fn valid_qualified_names_are_accepted(s in valid_qualified_name()) {
        let name = QualifiedName::new(s.clone()).map_err(|e| fail(&s, e))?;
        prop_assert_eq!(serde_json::to_string(&name).unwrap(), serde_json::to_string(&s).unwrap());
    }

    #[test]
    fn valid_label_values_are_accepted(s in valid_label_value()) {
        prop_assert!(s.len() <= 63);
        LabelValue::new(s.clone()).map_err(|e| fail(&s, e))?;
    }

    #[test]
    fn valid_port_names_are_accepted(s in valid_port_name()) {
        let port = PortName::new(s.clone()).map_err(|e| fail(&s, e))?;
        prop_assert_eq!(Dns1123Label::from(port.clone()), s.as_str());
        prop_assert_eq!(Dns1123Subdomain::from(port.clone()), s.as_str());
        prop_assert_eq!(QualifiedName::from(port.clone()), s.as_str());
        prop_assert_eq!(LabelValue::from(port), s.as_str());
    }

    #[test]
    fn valid_config_map_keys_are_accepted(s in valid_config_map_key()) {
        prop_assert!(s.len() <= 253);
        names::config_map_key(&s).map_err(|e| fail(&s, e))?;
    }
}

fn fail(s: &str, e: NameError) -> TestCaseError {
    TestCaseError::fail(format!("{s:?} ({} bytes) rejected: {e}", s.len()))
}
