//! Property tests: hostile strings as keys and values, nested in maps and sequences, read back by
//! serde_yaml (a YAML 1.2 reader) identical to the input; every string written plain is a string
//! for every YAML 1.1 / go-yaml v2 / YAML 1.2 resolver.

#[path = "support/hostile.rs"]
mod hostile;
#[path = "support/resolvers.rs"]
mod resolvers;

use hostile::TOKENS;
use kvol_core::yaml::{self, DocumentWriter, needs_quotes, write_str_scalar};
use proptest::prelude::*;
use serde_json::{Map, Value};

fn hostile_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(TOKENS).prop_map(str::to_owned),
        3 => "[a-zA-Z0-9._/:-]{1,4}",
        1 => any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        // a whole token alone (the bare `yes`, `0755`...)
        prop::sample::select(TOKENS).prop_map(str::to_owned),
        prop::collection::vec(piece, 0..6).prop_map(|v| v.concat()),
        ".*",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => hostile_string().prop_map(Value::String),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => Just(Value::Null),
    ]
}

fn tree() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((hostile_string(), inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn read_back(text: &str) -> Value {
    let value: serde_yaml::Value =
        serde_yaml::from_str(text).unwrap_or_else(|e| panic!("unreadable YAML ({e}):\n{text}"));
    serde_json::to_value(value).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// Every plain scalar in `value` (keys and string values) must be a string for every resolver.
fn check_plain_scalars(value: &Value) {
    let check = |s: &str| {
        if !needs_quotes(s)
            && let Some((reader, ty)) = resolvers::non_string_reading(s)
        {
            panic!("{s:?} is written plain but {reader} reads it as {ty}");
        }
    };
    match value {
        Value::String(s) => check(s),
        Value::Array(items) => items.iter().for_each(check_plain_scalars),
        Value::Object(map) => {
            for (k, v) in map {
                check(k);
                check_plain_scalars(v);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn trees_read_back_identical(value in tree()) {
        let text = yaml::to_string(&kvol_core::render::Serde(&value)).unwrap();
        prop_assert_eq!(read_back(&text), value.clone(), "{}", text);
        check_plain_scalars(&value);
    }

    #[test]
    fn string_maps_read_back_identical(entries in prop::collection::vec((hostile_string(), hostile_string()), 0..12)) {
        let map: Map<String, Value> = entries.into_iter().map(|(k, v)| (k, Value::String(v))).collect();
        let value = Value::Object(map);
        let text = yaml::to_string(&kvol_core::render::Serde(&value)).unwrap();
        prop_assert_eq!(read_back(&text), value, "{}", text);
    }

    #[test]
    fn documents_stream_reads_back(values in prop::collection::vec(tree(), 1..5)) {
        let mut docs = DocumentWriter::new(Vec::new());
        for v in &values {
            docs.write(&kvol_core::render::Serde(v)).unwrap();
        }
        let text = String::from_utf8(docs.into_inner()).unwrap();
        let mut back = Vec::new();
        for doc in serde_yaml::Deserializer::from_str(&text) {
            let v: serde_yaml::Value = serde::Deserialize::deserialize(doc)
                .unwrap_or_else(|e| panic!("unreadable ({e}):\n{text}"));
            back.push(serde_json::to_value(v).unwrap());
        }
        prop_assert_eq!(back, values, "{}", text);
    }

    #[test]
    fn plain_scalars_are_strings_for_every_reader(s in prop_oneof![
        hostile_string(),
        "[-+.0-9a-zA-Z_:/ ]{1,10}",
        "[0-9][0-9.eExXoObB_:+-]{0,8}[a-zA-Z]{0,2}",
    ]) {
        let mut out = String::new();
        write_str_scalar(&mut out, &s);
        if out == s {
            prop_assert!(!needs_quotes(&s));
            prop_assert_eq!(resolvers::non_string_reading(&s), None, "{:?}", s);
        } else {
            prop_assert!(needs_quotes(&s));
            prop_assert!(out.starts_with('"') && out.ends_with('"') && !out.contains('\n'));
        }
        let back: String = serde_yaml::from_str(&out).unwrap();
        prop_assert_eq!(back, s);
    }

    #[test]
    fn long_keys_read_back(len in 990usize..1100, fill in "[a-z\"\\\\\n]") {
        let key: String = fill.repeat(len / fill.len().max(1));
        let value = serde_json::json!([{ key.clone(): { key.clone(): [key.clone()] } }]);
        let text = yaml::to_string(&kvol_core::render::Serde(&value)).unwrap();
        prop_assert_eq!(read_back(&text), value, "{}", text);
    }
}
