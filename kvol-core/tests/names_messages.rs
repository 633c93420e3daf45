//! Exact API-server messages for representative failures, and the validated newtypes.
//!
//! Expected strings are written out in full (not rebuilt from the library's helpers) so that a
//! wording change, a lost double space or a reordered message fails here.

use std::collections::{BTreeSet, HashMap};

use kvol_core::names::{
    self, Dns1035Label, Dns1123Label, Dns1123Subdomain, LabelValue, NameError, PortName,
    QualifiedName,
};

fn messages(result: Result<(), NameError>) -> Vec<String> {
    match result {
        Ok(()) => Vec::new(),
        Err(e) => {
            assert!(
                !e.messages.is_empty(),
                "an error must carry at least one message"
            );
            e.messages
        }
    }
}

const DNS1123_LABEL_REGEX_MSG: &str = "a lowercase RFC 1123 label must consist of lower case \
    alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. \
    'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const DNS1123_SUBDOMAIN_REGEX_MSG: &str = "a lowercase RFC 1123 subdomain must consist of lower \
    case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric \
    character (e.g. 'example.com', regex used for validation is \
    '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const DNS1035_LABEL_REGEX_MSG: &str = "a DNS-1035 label must consist of lower case alphanumeric \
    characters or '-', start with an alphabetic character, and end with an alphanumeric \
    character (e.g. 'my-name',  or 'abc-123', regex used for validation is \
    '[a-z]([-a-z0-9]*[a-z0-9])?')";

const NAME_PART_REGEX_MSG: &str = "name part must consist of alphanumeric characters, '-', '_' \
    or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  \
    or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const LABEL_VALUE_REGEX_MSG: &str = "a valid label must be an empty string or consist of \
    alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric \
    character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is \
    '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const CONFIG_MAP_KEY_REGEX_MSG: &str = "a valid config key must consist of alphanumeric \
    characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for \
    validation is '[-._a-zA-Z0-9]+')";

const PORT_CHARSET: &str = "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
const PORT_LETTER: &str = "must contain at least one letter (a-z)";
const PORT_DOUBLE_HYPHEN: &str = "must not contain consecutive hyphens";
const PORT_HYPHEN_ENDS: &str = "must not begin or end with a hyphen";

fn a(n: usize) -> String {
    "a".repeat(n)
}

// ---------------------------------------------------------------------------------------------
// DNS-1123 label

#[test]
fn dns1123_label_length_boundary() {
    assert_eq!(messages(names::dns1123_label(&a(63))), Vec::<String>::new());
    assert_eq!(
        messages(names::dns1123_label(&a(64))),
        ["must be no more than 63 characters"]
    );
    // Both rules fail: length first, then the pattern.
    assert_eq!(
        messages(names::dns1123_label(&format!("{}-", a(64)))),
        [
            "must be no more than 63 characters",
            DNS1123_LABEL_REGEX_MSG
        ]
    );
}

#[test]
fn dns1123_label_pattern_failures() {
    for bad in ["", "ABC", "aBc", "-a", "a-", "a_b", " ", "a b", "é"] {
        assert_eq!(
            messages(names::dns1123_label(bad)),
            [DNS1123_LABEL_REGEX_MSG],
            "input {bad:?}"
        );
    }
}

#[test]
fn dns1123_label_dots_special_case() {
    assert_eq!(
        messages(names::dns1123_label("a.b")),
        ["must not contain dots"]
    );
    assert_eq!(
        messages(names::dns1123_label("my.volume.1")),
        ["must not contain dots"]
    );
    // Not a valid subdomain either: the pattern message, not the dots one.
    assert_eq!(
        messages(names::dns1123_label("a.")),
        [DNS1123_LABEL_REGEX_MSG]
    );
    assert_eq!(
        messages(names::dns1123_label("a..b")),
        [DNS1123_LABEL_REGEX_MSG]
    );
    assert_eq!(
        messages(names::dns1123_label("A.b")),
        [DNS1123_LABEL_REGEX_MSG]
    );
    // Too long and dotted: "since we already checked length, it must be dots".
    let long_dotted = format!("{}.{}", a(40), a(40));
    assert_eq!(
        messages(names::dns1123_label(&long_dotted)),
        [
            "must be no more than 63 characters",
            "must not contain dots"
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// DNS-1123 subdomain

#[test]
fn dns1123_subdomain_messages() {
    assert!(names::dns1123_subdomain(&a(253)).is_ok());
    assert_eq!(
        messages(names::dns1123_subdomain(&a(254))),
        ["must be no more than 253 characters"]
    );
    assert_eq!(
        messages(names::dns1123_subdomain("Example.com")),
        [DNS1123_SUBDOMAIN_REGEX_MSG]
    );
    assert_eq!(
        messages(names::dns1123_subdomain("")),
        [DNS1123_SUBDOMAIN_REGEX_MSG]
    );
    assert_eq!(
        messages(names::dns1123_subdomain("a..b")),
        [DNS1123_SUBDOMAIN_REGEX_MSG]
    );
    assert_eq!(
        messages(names::dns1123_subdomain(".a")),
        [DNS1123_SUBDOMAIN_REGEX_MSG]
    );
    assert_eq!(
        messages(names::dns1123_subdomain("a.")),
        [DNS1123_SUBDOMAIN_REGEX_MSG]
    );
    assert_eq!(
        messages(names::dns1123_subdomain(&format!("{}_", a(254)))),
        [
            "must be no more than 253 characters",
            DNS1123_SUBDOMAIN_REGEX_MSG
        ]
    );
}

#[test]
fn dns1123_subdomain_does_not_length_check_labels() {
    // Kubernetes checks only the total length, so a 100-byte label inside is fine.
    let name = format!("{}.example.com", a(100));
    assert!(names::dns1123_subdomain(&name).is_ok());
    // 63 * 4 + 3 dots = 255 is too long; 63 * 3 + 61 + 3 = 253 is the maximum.
    let max = [a(63), a(63), a(63), a(61)].join(".");
    assert_eq!(max.len(), 253);
    assert!(names::dns1123_subdomain(&max).is_ok());
}

// ---------------------------------------------------------------------------------------------
// DNS-1035 label

#[test]
fn dns1035_label_messages() {
    assert!(names::dns1035_label(&a(63)).is_ok());
    assert_eq!(
        messages(names::dns1035_label(&a(64))),
        ["must be no more than 63 characters"]
    );
    for bad in ["1abc", "0", "123-abc", "-a", "a-", "Abc", "a.b", ""] {
        assert_eq!(
            messages(names::dns1035_label(bad)),
            [DNS1035_LABEL_REGEX_MSG],
            "input {bad:?}"
        );
    }
    // Valid as an RFC 1123 label but not as an RFC 1035 one.
    assert!(names::dns1123_label("1abc").is_ok());
}

// ---------------------------------------------------------------------------------------------
// Qualified name (label key)

#[test]
fn qualified_name_name_part() {
    assert!(names::qualified_name("app.kubernetes.io/Name_1.x").is_ok());
    assert!(names::qualified_name(&a(63)).is_ok());
    assert_eq!(
        messages(names::qualified_name(&a(64))),
        ["name part must be no more than 63 bytes"]
    );
    assert_eq!(messages(names::qualified_name("-a")), [NAME_PART_REGEX_MSG]);
    assert_eq!(
        messages(names::qualified_name("")),
        ["name part must be non-empty", NAME_PART_REGEX_MSG]
    );
    assert_eq!(
        messages(names::qualified_name("example.com/")),
        ["name part must be non-empty", NAME_PART_REGEX_MSG]
    );
    assert_eq!(
        messages(names::qualified_name(&format!("{}.", a(64)))),
        [
            "name part must be no more than 63 bytes",
            NAME_PART_REGEX_MSG
        ]
    );
}

#[test]
fn qualified_name_prefix_part() {
    assert_eq!(
        messages(names::qualified_name("/a")),
        ["prefix part must be non-empty"]
    );
    assert_eq!(
        messages(names::qualified_name("/")),
        [
            "prefix part must be non-empty",
            "name part must be non-empty",
            NAME_PART_REGEX_MSG
        ]
    );
    assert_eq!(
        messages(names::qualified_name("Example.com/a")),
        [format!("prefix part {DNS1123_SUBDOMAIN_REGEX_MSG}")]
    );
    assert_eq!(
        messages(names::qualified_name("example_com/abc")),
        [format!("prefix part {DNS1123_SUBDOMAIN_REGEX_MSG}")]
    );
    // The prefix's length error uses the newest `bytes` wording, like the name part's.
    assert_eq!(
        messages(names::qualified_name(&format!("{}/b", a(254)))),
        ["prefix part must be no more than 253 bytes"]
    );
    assert!(names::qualified_name(&format!("{}/{}", a(253), "b".repeat(63))).is_ok());
    // Prefix and name errors accumulate.
    assert_eq!(
        messages(names::qualified_name("A/-")),
        [
            format!("prefix part {DNS1123_SUBDOMAIN_REGEX_MSG}"),
            NAME_PART_REGEX_MSG.to_owned()
        ]
    );
}

#[test]
fn qualified_name_with_two_slashes_is_one_message() {
    let expected = "a valid label key must consist of alphanumeric characters, '-', '_' or '.', \
        and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or \
        '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with \
        an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
    assert_eq!(
        messages(names::qualified_name("only/one/slash")),
        [expected]
    );
    // Even when the prefix and the name are themselves broken.
    assert_eq!(messages(names::qualified_name("//")), [expected]);
}

// ---------------------------------------------------------------------------------------------
// Label value

#[test]
fn label_value_messages() {
    assert!(names::label_value("").is_ok());
    assert!(names::label_value(&a(63)).is_ok());
    assert_eq!(
        messages(names::label_value(&a(64))),
        ["must be no more than 63 bytes"]
    );
    assert_eq!(
        messages(names::label_value("-starts-with-dash")),
        [LABEL_VALUE_REGEX_MSG]
    );
    assert_eq!(
        messages(names::label_value("Tama-nui-te-rā")),
        [LABEL_VALUE_REGEX_MSG]
    );
    assert_eq!(
        messages(names::label_value(&format!("{}.", a(63)))),
        ["must be no more than 63 bytes", LABEL_VALUE_REGEX_MSG]
    );
    // Length is counted in bytes: 32 two-byte characters are 64 bytes.
    assert_eq!(
        messages(names::label_value(&"é".repeat(32))),
        ["must be no more than 63 bytes", LABEL_VALUE_REGEX_MSG]
    );
}

// ---------------------------------------------------------------------------------------------
// Port name (IANA_SVC_NAME)

#[test]
fn port_name_reports_every_failure() {
    assert!(names::port_name("http").is_ok());
    assert!(names::port_name("1-a-2-b-3").is_ok());
    assert!(names::port_name(&a(15)).is_ok());
    assert_eq!(
        messages(names::port_name(&a(16))),
        ["must be no more than 15 characters"]
    );
    assert_eq!(
        messages(names::port_name("--")),
        [PORT_LETTER, PORT_DOUBLE_HYPHEN, PORT_HYPHEN_ENDS]
    );
    assert_eq!(messages(names::port_name("")), [PORT_CHARSET, PORT_LETTER]);
    assert_eq!(messages(names::port_name("12345")), [PORT_LETTER]);
    assert_eq!(messages(names::port_name("whois++")), [PORT_CHARSET]);
    assert_eq!(messages(names::port_name("-begin")), [PORT_HYPHEN_ENDS]);
    assert_eq!(messages(names::port_name("end-")), [PORT_HYPHEN_ENDS]);
    assert_eq!(messages(names::port_name("a--b")), [PORT_DOUBLE_HYPHEN]);
    assert_eq!(
        messages(names::port_name("HTTP")),
        [PORT_CHARSET, PORT_LETTER]
    );
    assert_eq!(
        messages(names::port_name("-0123456789--ABC-")),
        [
            "must be no more than 15 characters",
            PORT_CHARSET,
            PORT_LETTER,
            PORT_DOUBLE_HYPHEN,
            PORT_HYPHEN_ENDS
        ]
    );
}

#[test]
fn port_number_range() {
    for ok in [1, 80, 65535] {
        assert!(names::port_number(ok).is_ok(), "{ok}");
    }
    for bad in [0, -1, 65536, i64::MIN, i64::MAX] {
        assert_eq!(
            messages(names::port_number(bad)),
            ["must be between 1 and 65535, inclusive"],
            "{bad}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// ConfigMap key

#[test]
fn config_map_key_messages() {
    for ok in [
        "key.name",
        "KEY_NAME",
        "key-name",
        ".dotfile",
        "a..b",
        &a(253),
    ] {
        assert!(names::config_map_key(ok).is_ok(), "{ok:?}");
    }
    assert_eq!(
        messages(names::config_map_key(&a(254))),
        ["must be no more than 253 characters"]
    );
    assert_eq!(
        messages(names::config_map_key("a b")),
        [CONFIG_MAP_KEY_REGEX_MSG]
    );
    assert_eq!(
        messages(names::config_map_key("")),
        [CONFIG_MAP_KEY_REGEX_MSG]
    );
    assert_eq!(messages(names::config_map_key(".")), ["must not be '.'"]);
    assert_eq!(messages(names::config_map_key("..")), ["must not be '..'"]);
    assert_eq!(
        messages(names::config_map_key("..a")),
        ["must not start with '..'"]
    );
    assert_eq!(
        messages(names::config_map_key("../etc/passwd")),
        [CONFIG_MAP_KEY_REGEX_MSG, "must not start with '..'"]
    );
}

// ---------------------------------------------------------------------------------------------
// NameError

#[test]
fn name_error_display_joins_with_semicolons() {
    let err = names::port_name("--").unwrap_err();
    assert_eq!(
        err.to_string(),
        "must contain at least one letter (a-z); must not contain consecutive hyphens; must not \
         begin or end with a hyphen"
    );
    let single = names::dns1123_label("a.b").unwrap_err();
    assert_eq!(single.to_string(), "must not contain dots");
    let _: &dyn std::error::Error = &single;
}

// ---------------------------------------------------------------------------------------------
// Newtypes

#[test]
fn newtype_construction_fails_with_the_checks_error() {
    assert_eq!(
        Dns1123Label::new("a.b").unwrap_err(),
        names::dns1123_label("a.b").unwrap_err()
    );
    assert_eq!(
        Dns1123Subdomain::new(a(254)).unwrap_err().messages,
        ["must be no more than 253 characters"]
    );
    assert_eq!(
        Dns1035Label::new("1abc").unwrap_err().messages,
        [DNS1035_LABEL_REGEX_MSG]
    );
    assert_eq!(
        PortName::new("--").unwrap_err().messages,
        [PORT_LETTER, PORT_DOUBLE_HYPHEN, PORT_HYPHEN_ENDS]
    );
    assert_eq!(
        QualifiedName::new("/a").unwrap_err().messages,
        ["prefix part must be non-empty"]
    );
    assert_eq!(
        LabelValue::new(a(64)).unwrap_err().messages,
        ["must be no more than 63 bytes"]
    );

    assert_eq!(
        "UPPER".parse::<Dns1123Label>().unwrap_err().messages,
        [DNS1123_LABEL_REGEX_MSG]
    );
    assert!(Dns1123Label::try_from("x_y").is_err());
    assert!(Dns1123Label::try_from(String::from("x_y")).is_err());
}

#[test]
fn newtype_accessors_and_traits() {
    let label = Dns1123Label::new("data-0").unwrap();
    assert_eq!(label.as_str(), "data-0");
    assert_eq!(&*label, "data-0");
    assert_eq!(label.len(), 6, "Deref<Target = str> exposes str methods");
    assert_eq!(AsRef::<str>::as_ref(&label), "data-0");
    assert_eq!(label.to_string(), "data-0");
    assert_eq!(
        format!("{label:>8}"),
        "  data-0",
        "Display honours padding like str"
    );
    assert_eq!(format!("{label:?}"), r#"Dns1123Label("data-0")"#);
    assert_eq!(label, "data-0");
    assert_eq!(label, *"data-0");
    assert_eq!(label.clone().into_string(), "data-0");
    assert_eq!(String::from(label.clone()), "data-0");

    assert_eq!("data-0".parse::<Dns1123Label>().unwrap(), label);
    assert_eq!(Dns1123Label::try_from("data-0").unwrap(), label);
    assert_eq!(
        Dns1123Label::try_from(String::from("data-0")).unwrap(),
        label
    );

    let sorted: BTreeSet<Dns1123Label> = ["b", "a", "c"]
        .into_iter()
        .map(|s| Dns1123Label::new(s).unwrap())
        .collect();
    assert_eq!(
        sorted.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
        ["a", "b", "c"]
    );

    // Borrow<str>: look up by &str.
    let mut by_name = HashMap::new();
    by_name.insert(label.clone(), 1);
    assert_eq!(by_name.get("data-0"), Some(&1));

    assert!(LabelValue::new("").unwrap().is_empty());
}

#[test]
fn newtypes_serialize_as_plain_strings() {
    assert_eq!(
        serde_json::to_string(&Dns1123Label::new("data").unwrap()).unwrap(),
        r#""data""#
    );
    assert_eq!(
        serde_json::to_string(&QualifiedName::new("example.com/Key").unwrap()).unwrap(),
        r#""example.com/Key""#
    );
    assert_eq!(
        serde_json::to_string(&LabelValue::new("").unwrap()).unwrap(),
        r#""""#
    );
    assert_eq!(
        serde_yaml::to_string(&PortName::new("http").unwrap()).unwrap(),
        "http\n"
    );
    let list = vec![
        Dns1035Label::new("web").unwrap(),
        Dns1035Label::new("db").unwrap(),
    ];
    assert_eq!(serde_json::to_string(&list).unwrap(), r#"["web","db"]"#);
}

#[test]
fn widening_conversions_keep_the_string() {
    let service = Dns1035Label::new("web-1").unwrap();
    let label: Dns1123Label = service.clone().into();
    assert_eq!(label, "web-1");
    let subdomain: Dns1123Subdomain = label.clone().into();
    assert_eq!(subdomain, "web-1");
    assert_eq!(Dns1123Subdomain::from(service.clone()), "web-1");
    assert_eq!(QualifiedName::from(service.clone()), "web-1");
    assert_eq!(LabelValue::from(service), "web-1");
    assert_eq!(QualifiedName::from(label.clone()), "web-1");
    assert_eq!(LabelValue::from(label), "web-1");

    // A 63-byte label is still a subdomain; a digit-led label is not RFC 1035 (no From).
    let long = Dns1123Label::new(a(63)).unwrap();
    assert_eq!(Dns1123Subdomain::from(long).len(), 63);

    let port = PortName::new("1-a").unwrap();
    assert_eq!(Dns1123Label::from(port.clone()), "1-a");
    assert_eq!(Dns1123Subdomain::from(port.clone()), "1-a");
    assert_eq!(QualifiedName::from(port.clone()), "1-a");
    assert_eq!(LabelValue::from(port), "1-a");
    assert!(Dns1035Label::new("1-a").is_err());
}
