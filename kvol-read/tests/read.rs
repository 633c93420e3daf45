//! kvol-read's API: positions, document numbering, error messages and positions, resource
//! limits, and no panic on any input.

use kvol_read::{Document, Node, ReadError, Value, read_bytes, read_stream};
use proptest::prelude::*;

fn docs(text: &str) -> Vec<Document> {
    read_stream(text).into_iter().map(|d| d.unwrap()).collect()
}

fn error(text: &str) -> ReadError {
    read_stream(text)
        .into_iter()
        .find_map(Result::err)
        .expect("an error")
}

/// The node at a dotted path (`spec.replicas`, `items.1`).
fn at<'a>(node: &'a Node, path: &str) -> &'a Node {
    path.split('.').fold(node, |n, part| match &n.value {
        Value::Map(entries) => &entries.iter().find(|(k, _)| k.name == part).expect(part).1,
        Value::Seq(items) => &items[part.parse::<usize>().unwrap()],
        _ => panic!("{part}: not a collection"),
    })
}

#[test]
fn every_value_has_its_line_and_column() {
    let text = "# a comment\napiVersion: apps/v1\nkind: StatefulSet\nspec:\n  replicas: \"3\"\n  \
                template:\n    spec:\n      containers:\n      - name: app\n        args: [a, yes]\n";
    let d = &docs(text)[0];
    assert_eq!((d.index, d.line), (0, 1));
    let replicas = at(&d.value, "spec.replicas");
    assert_eq!((replicas.line, replicas.col), (5, 13));
    assert_eq!(replicas.value, Value::String("3".into()));
    assert_eq!(replicas.type_name(), "string");
    let arg = at(&d.value, "spec.template.spec.containers.0.args.1");
    assert_eq!(
        (arg.line, arg.col, &arg.value),
        (10, 19, &Value::Bool(true))
    );
    let Value::Map(entries) = &d.value.value else {
        panic!()
    };
    assert_eq!(
        (
            entries[0].0.name.as_str(),
            entries[0].0.line,
            entries[0].0.col
        ),
        ("apiVersion", 2, 1)
    );
}

#[test]
fn positions_are_in_the_whole_stream_and_documents_are_numbered_among_non_empty_ones() {
    let text = "a: 1\n---\n# nothing\n---\n\n---\nb:\n  c: x\n---\r\nd: é\r\n";
    let d = docs(text);
    assert_eq!(d.len(), 3);
    assert_eq!((d[1].index, d[1].line), (1, 7));
    let c = at(&d[1].value, "b.c");
    assert_eq!((c.line, c.col), (8, 6));
    assert_eq!((d[2].index, d[2].line), (2, 10));
    let e = at(&d[2].value, "d");
    assert_eq!((e.line, e.col), (10, 4));
}

#[test]
fn mended_inputs_keep_their_positions() {
    // saphyr-parser refuses these, libyaml (Kubernetes) reads them: kvol-read mends the text
    // and parses it again, with the positions of the original.
    let d = &docs("a: [x]#c\nb: \"long\nwrapped\" # w\nc:\td\ne:\n  --- f\ng: {h: [1]}#i\n")[0];
    let pos = |path: &str| {
        let n = at(&d.value, path);
        (n.line, n.col)
    };
    assert_eq!(pos("a.0"), (1, 5));
    assert_eq!(pos("b"), (2, 4));
    assert_eq!(
        at(&d.value, "b").value,
        Value::String("long wrapped".into())
    );
    assert_eq!(pos("c"), (4, 4));
    assert_eq!(at(&d.value, "e").value, Value::String("--- f".into()));
    assert_eq!(pos("e"), (6, 3));
    assert_eq!(pos("g.h.0"), (7, 9));
}

#[test]
fn a_refused_document_does_not_stop_the_next_ones() {
    let r = read_stream("a: 1\n---\nb: [\n---\nc: 3\n");
    assert_eq!(r.len(), 3);
    assert!(r[0].is_ok());
    let e = r[1].as_ref().unwrap_err();
    assert_eq!(e.doc, 1);
    assert!(e.line >= 3, "{e}");
    assert_eq!(r[2].as_ref().unwrap().index, 2);
}

#[test]
fn an_invalid_separator_ends_the_stream_as_kubectl_does() {
    let r = read_stream("a: 1\n---\nb: 2\n--- {c: 3}\nd: 4\n");
    assert_eq!(r.len(), 2);
    assert!(r[0].is_ok());
    let e = r[1].as_ref().unwrap_err();
    assert_eq!(
        (e.message.as_str(), e.line, e.col),
        ("invalid Yaml document separator: {c: 3}", 4, 1)
    );
}

#[test]
fn duplicate_keys_name_both_lines() {
    let e = error("data:\n  a: \"1\"\n  b: \"2\"\n  a: \"3\"\n");
    assert_eq!(
        e.message,
        "key \"a\" already set in map (first set on line 2)"
    );
    assert_eq!((e.line, e.col), (4, 3));
    // `on` and `yes` are the same key for go-yaml v2.
    let e = error("on: 1\nyes: 2\n");
    assert_eq!(
        e.message,
        "key true already set in map (first set on line 1)"
    );
}

#[test]
fn errors_have_positions_and_go_yaml_wording() {
    let e = error("a:\n\tb: 1\n");
    assert_eq!(e.line, 2);
    let e = error("a: !!int abc\n");
    assert_eq!(
        (e.message.as_str(), e.line, e.col),
        ("cannot decode !!str `abc` as a !!int", 1, 10)
    );
    let e = error("a: *nope\n");
    assert_eq!(e.message, "unknown anchor 'nope' referenced");
    let e = error("a: .inf\n");
    assert_eq!(e.message, "json: unsupported value: +Inf");
    assert_eq!(e.to_string(), "1:4: yaml: json: unsupported value: +Inf");
    let e = error("a: [1, 2]\n? [x]\n: y\n");
    assert_eq!(
        (e.message.as_str(), e.line),
        ("invalid map key: [\"x\"]", 2)
    );
}

#[test]
fn invalid_utf8_refuses_only_its_document() {
    let r = read_bytes(b"a: 1\n---\nb: \"x\xffy\"\n---\nc: 3\n");
    assert_eq!(r.len(), 3);
    let e = r[1].as_ref().unwrap_err();
    assert_eq!(
        (e.message.as_str(), e.line, e.col),
        ("invalid leading UTF-8 octet", 3, 6)
    );
    assert!(r[2].is_ok());
    let e = read_bytes(b"a: \x01\n").remove(0).unwrap_err();
    assert_eq!(
        (e.message.as_str(), e.line, e.col),
        ("control characters are not allowed", 1, 4)
    );
}

#[test]
fn a_billion_laughs_is_refused_quickly() {
    let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i", "j"])
    {
        let refs = vec![format!("*{prev}"); 10].join(", ");
        text.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let start = std::time::Instant::now();
    let e = error(&text);
    assert_eq!(e.message, "document contains excessive aliasing");
    assert!(start.elapsed().as_secs() < 5);
}

#[test]
fn aliases_within_the_ratio_are_expanded_up_to_the_node_budget() {
    // Many small aliases stay under go-yaml's ratio (a large document) but still expand.
    let mut text = String::from("base: &b {x: 1}\nitems:\n");
    for _ in 0..2000 {
        text.push_str("- *b\n");
    }
    let d = &docs(&text)[0];
    assert_eq!(at(&d.value, "items.1999.x").value, Value::Int(1));
    // An alias contains its own anchor.
    assert_eq!(
        error("a: &a [1, *a]\n").message,
        "anchor 'a' value contains itself"
    );
}

#[test]
fn nesting_is_limited() {
    let ok = format!("a: {}1{}\n", "[".repeat(250), "]".repeat(250));
    assert!(read_stream(&ok)[0].is_ok());
    // Flow collections: saphyr-parser's limit (go-yaml has none).
    let e = error(&format!("a: {}1{}\n", "[".repeat(300), "]".repeat(300)));
    assert_eq!(e.message, "flow collections nested deeper than 255 levels");
    // Block collections.
    let mut deep = String::new();
    for i in 0..1500 {
        deep.push_str(&format!("{}k:\n", " ".repeat(i)));
    }
    deep.push_str(&format!("{}v\n", " ".repeat(1500)));
    let e = error(&deep);
    assert!(
        e.message.starts_with("nesting deeper than 1000 levels"),
        "{e}"
    );
    // Just under the limit, decoded, written and dropped within a test thread's stack.
    let mut ok = String::new();
    for i in 0..998 {
        ok.push_str(&format!("{}k:\n", " ".repeat(i)));
    }
    ok.push_str(&format!("{}v\n", " ".repeat(998)));
    let d = docs(&ok);
    let json = d[0].value.to_json();
    assert!(json.starts_with(r#"{"k":{"k":"#) && json.contains(r#"{"k":"v"}}}"#));
    // Through aliases.
    let mut text = format!("a0: &a0 {}1{}\n", "[".repeat(200), "]".repeat(200));
    for i in 1..7 {
        text.push_str(&format!(
            "a{i}: &a{i} {}*a{}{}\n",
            "[".repeat(200),
            i - 1,
            "]".repeat(200)
        ));
    }
    assert!(
        error(&text)
            .message
            .starts_with("nesting deeper than 1000 levels (through aliases)")
    );
}

#[test]
fn merge_keys_as_go_yaml_v2() {
    let d = &docs("d: &d {a: 1, b: 2}\ne: &e {c: 3}\nx:\n  <<: [*d, *e]\n  z: 0\n")[0];
    assert_eq!(at(&d.value, "x").to_json(), r#"{"a":1,"b":2,"c":3,"z":0}"#);
    let Value::Map(entries) = &at(&d.value, "x").value else {
        panic!()
    };
    let names: Vec<_> = entries.iter().map(|(k, _)| k.name.as_str()).collect();
    assert_eq!(
        names,
        ["c", "a", "b", "z"],
        "later maps of the list first, as go-yaml merges"
    );
    // Strict mode: a merged key set again is a duplicate.
    assert!(
        error("d: &d {a: 1}\nx:\n  <<: *d\n  a: 2\n")
            .message
            .starts_with("key \"a\" already set")
    );
}

#[test]
fn numbers_keep_their_kind() {
    let d = &docs("a: 0755\nb: 1e3\nc: 18446744073709551615\nd: 99999999999999999999\n")[0];
    assert_eq!(at(&d.value, "a").value, Value::Int(493));
    assert_eq!(at(&d.value, "b").value, Value::Float(1000.0));
    assert_eq!(at(&d.value, "c").value, Value::UInt(u64::MAX));
    assert_eq!(at(&d.value, "d").value, Value::Float(1e20));
    assert_eq!(
        d.value.to_json(),
        r#"{"a":493,"b":1000,"c":18446744073709551615,"d":100000000000000000000}"#
    );
}

/// Pieces of YAML syntax the random texts are made of.
const FRAGMENTS: &[&str] = &[
    "a: ",
    "- ",
    "\n",
    "  ",
    "\t",
    "---\n",
    "...\n",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "&x ",
    "*x",
    "<<: ",
    "? ",
    ": ",
    "|",
    ">-",
    "\"",
    "'",
    "#",
    "%YAML 1.1\n",
    "!!int ",
    "!t ",
    "yes",
    "0x1F",
    "é",
    "\r\n",
    "\u{feff}",
    "\\",
    "\\u00",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn no_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = read_bytes(&bytes);
    }

    #[test]
    fn no_panic_on_yaml_like_text(
        parts in proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(FRAGMENTS).prop_map(String::from),
                "[a-z0-9 .:-]{0,6}",
            ],
            0..60,
        )
    ) {
        let text: String = parts.concat();
        for doc in read_stream(&text).into_iter().flatten() {
            let _ = doc.value.to_json();
        }
    }
}
