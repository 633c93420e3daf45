//! `kvol_core::yaml` on arbitrary strings, string maps and sequences: serde_yaml (a YAML 1.2
//! reader) reads back exactly what was written, and every string written plain is in the
//! narrow safe class of [`needs_quotes`] and, by the independent resolver model of kvol-core's
//! tests, a string for YAML 1.1, go-yaml v2 and YAML 1.2 readers alike.
//!
//! Input: the whole input (lossy UTF-8) is one string, written alone and as the first document
//! of a two-document stream; the same bytes, through `arbitrary`, also make a structured
//! document (maps, sequences, a metadata-like struct) whose strings mix raw text with whole
//! tokens from kvol-core's list of YAML-hostile strings (`yes`, `0755`, `: `, `---`, ...).

use std::collections::BTreeMap;
use std::fmt::Debug;

use arbitrary::{Arbitrary, Unstructured};
use kvol_core::render::Serde;
use kvol_core::yaml::{self, DocumentWriter, needs_quotes, write_str_scalar};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// kvol-core's hostile string fragments (`TOKENS`), shared with its YAML property tests.
#[path = "../../kvol-core/tests/support/hostile.rs"]
mod hostile;
/// kvol-core's independent model of how YAML readers resolve a plain scalar.
#[path = "../../kvol-core/tests/support/resolvers.rs"]
mod resolvers;

/// Longest plain scalar handed to the resolver model: its backtracking regex engine is
/// quadratic (and recursive) on long digit runs. Longer plain strings are still checked
/// against `needs_quotes` and read back by serde_yaml.
const MODEL_MAX_CHARS: usize = 128;

/// Runs every check on one input.
pub fn check(data: &[u8]) {
    let raw = String::from_utf8_lossy(data).into_owned();
    check_scalar(&raw);
    roundtrip(&raw);

    let Ok(doc) = Doc::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    match &doc {
        Doc::Scalar(s) => roundtrip(&s.0),
        Doc::Seq(v) => roundtrip(&strings(v)),
        Doc::Map(m) => roundtrip(&string_map(m)),
        Doc::MapOfSeqs(m) => roundtrip(
            &m.iter()
                .map(|(k, v)| (k.0.clone(), strings(v)))
                .collect::<BTreeMap<_, _>>(),
        ),
        Doc::SeqOfMaps(v) => roundtrip(&v.iter().map(|m| string_map(m)).collect::<Vec<_>>()),
        Doc::Meta(m) => roundtrip(&Meta::from(m)),
    }
    doc.for_each_text(&mut |t| check_scalar(&t.0));
    stream(&raw, &doc);
}

/// A string drawn from the fuzz input: one to four pieces, each raw text or a whole hostile
/// token, so that `yes`, `0755` or `: ` turn up whole, alone or glued to other text.
#[derive(Debug, Clone)]
struct Text(String);

impl<'a> Arbitrary<'a> for Text {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let pieces = u.int_in_range(1..=4)?;
        let mut s = String::new();
        for _ in 0..pieces {
            if u.ratio(1, 2)? {
                s.push_str(u.choose(hostile::TOKENS)?);
            } else {
                s.push_str(<&str>::arbitrary(u)?);
            }
        }
        Ok(Text(s))
    }
}

/// The document shapes: scalars, sequences, maps, nested, and a struct like Kubernetes'
/// `metadata` with the other scalar types beside strings.
#[derive(Debug, Arbitrary)]
enum Doc {
    Scalar(Text),
    Seq(Vec<Text>),
    Map(Vec<(Text, Text)>),
    MapOfSeqs(Vec<(Text, Vec<Text>)>),
    SeqOfMaps(Vec<Vec<(Text, Text)>>),
    Meta(ArbMeta),
}

#[derive(Debug, Arbitrary)]
struct ArbMeta {
    name: Text,
    namespace: Option<Text>,
    labels: Vec<(Text, Text)>,
    annotations: Vec<(Text, Text)>,
    args: Vec<Text>,
    mode: u32,
    offset: i64,
    ratio: f64,
    flag: bool,
    items: Vec<(Text, Option<Text>)>,
}

/// What `ArbMeta` serializes as, and is read back into.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Meta {
    name: String,
    namespace: Option<String>,
    labels: BTreeMap<String, String>,
    annotations: BTreeMap<String, String>,
    args: Vec<String>,
    mode: u32,
    offset: i64,
    ratio: f64,
    flag: bool,
    items: Vec<Item>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Item {
    key: String,
    path: Option<String>,
}

/// Equal, with floats compared by bits (any NaN equals any NaN).
impl PartialEq for Meta {
    fn eq(&self, o: &Self) -> bool {
        let same_float =
            self.ratio.to_bits() == o.ratio.to_bits() || (self.ratio.is_nan() && o.ratio.is_nan());
        same_float
            && (
                &self.name,
                &self.namespace,
                &self.labels,
                &self.annotations,
                &self.args,
            ) == (&o.name, &o.namespace, &o.labels, &o.annotations, &o.args)
            && (self.mode, self.offset, self.flag) == (o.mode, o.offset, o.flag)
            && self.items == o.items
    }
}

impl From<&ArbMeta> for Meta {
    fn from(m: &ArbMeta) -> Self {
        Meta {
            name: m.name.0.clone(),
            namespace: m.namespace.as_ref().map(|t| t.0.clone()),
            labels: string_map(&m.labels),
            annotations: string_map(&m.annotations),
            args: strings(&m.args),
            mode: m.mode,
            offset: m.offset,
            ratio: m.ratio,
            flag: m.flag,
            items: m
                .items
                .iter()
                .map(|(k, p)| Item {
                    key: k.0.clone(),
                    path: p.as_ref().map(|t| t.0.clone()),
                })
                .collect(),
        }
    }
}

impl Doc {
    /// Calls `f` on every string of the document, keys included.
    fn for_each_text(&self, f: &mut dyn FnMut(&Text)) {
        let pairs = |v: &[(Text, Text)], f: &mut dyn FnMut(&Text)| {
            for (k, v) in v {
                f(k);
                f(v);
            }
        };
        match self {
            Doc::Scalar(s) => f(s),
            Doc::Seq(v) => v.iter().for_each(f),
            Doc::Map(m) => pairs(m, f),
            Doc::MapOfSeqs(m) => {
                for (k, v) in m {
                    f(k);
                    v.iter().for_each(&mut *f);
                }
            }
            Doc::SeqOfMaps(v) => v.iter().for_each(|m| pairs(m, f)),
            Doc::Meta(m) => {
                f(&m.name);
                m.namespace.iter().for_each(&mut *f);
                pairs(&m.labels, f);
                pairs(&m.annotations, f);
                m.args.iter().for_each(&mut *f);
                for (k, p) in &m.items {
                    f(k);
                    p.iter().for_each(&mut *f);
                }
            }
        }
    }
}

fn strings(v: &[Text]) -> Vec<String> {
    v.iter().map(|t| t.0.clone()).collect()
}

fn string_map(v: &[(Text, Text)]) -> BTreeMap<String, String> {
    v.iter().map(|(k, v)| (k.0.clone(), v.0.clone())).collect()
}

/// Writes `value` with kvol's writer and reads it back with serde_yaml: the same value.
fn roundtrip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let text = yaml::to_string(&Serde(value)).unwrap_or_else(|e| panic!("{value:?}: {e}"));
    let back: T = serde_yaml::from_str(&text)
        .unwrap_or_else(|e| panic!("serde_yaml cannot read ({e}):\n{text}\nwritten for {value:?}"));
    assert_eq!(&back, value, "read back differs:\n{text}");
}

/// One string as a scalar: written plain only when `needs_quotes` allows it and no reader
/// takes it for anything but a string; otherwise double-quoted on one line.
fn check_scalar(s: &str) {
    let mut out = String::new();
    write_str_scalar(&mut out, s);
    // A quoted form is at least two bytes longer than the string, so `out == s` means plain.
    let plain = out == s;
    assert_eq!(plain, !needs_quotes(s), "{s:?} written as {out:?}");
    if plain {
        if s.chars().count() <= MODEL_MAX_CHARS {
            assert_eq!(
                resolvers::non_string_reading(s),
                None,
                "{s:?} is written plain but a reader takes it for a non-string"
            );
        }
    } else {
        assert!(
            out.len() >= 2 && out.starts_with('"') && out.ends_with('"'),
            "{s:?} written as {out:?}"
        );
        assert!(
            !out.contains([
                '\n', '\r', '\t', '\0', '\u{85}', '\u{2028}', '\u{2029}', '\u{feff}'
            ]),
            "{s:?}: the quoted form {out:?} has a raw line break, tab or BOM"
        );
    }
}

/// The raw string and the structured document as a two-document stream: exactly two documents
/// come back, each equal to what was written (no string can end or start a document).
fn stream(raw: &str, doc: &Doc) {
    let mut w = DocumentWriter::new(Vec::new());
    w.write(raw).expect("write a string");
    let second: Vec<String> = match doc {
        Doc::Seq(v) => strings(v),
        _ => vec![raw.to_owned()],
    };
    w.write(&second).expect("write a sequence");
    assert_eq!(w.documents(), 2);
    let text = String::from_utf8(w.into_inner()).expect("kvol writes UTF-8");
    let mut docs = serde_yaml::Deserializer::from_str(&text);
    let first = docs.next().expect("first document");
    let back: String =
        String::deserialize(first).unwrap_or_else(|e| panic!("first document ({e}):\n{text}"));
    assert_eq!(back, raw, "first document:\n{text}");
    let next = docs.next().expect("second document");
    let back2: Vec<String> =
        Vec::deserialize(next).unwrap_or_else(|e| panic!("second document ({e}):\n{text}"));
    assert_eq!(back2, second, "second document:\n{text}");
    assert!(docs.next().is_none(), "more than two documents:\n{text}");
}
