//! Golden tests: exact bytes written by `kvol_core::yaml` for the layouts kubectl uses.

use std::collections::BTreeMap;

use kvol_core::render::Serde;
use kvol_core::yaml::{self, DocumentWriter, YamlErrorKind};
use serde::Serialize;

fn y<T: Serialize + ?Sized>(v: &T) -> String {
    yaml::to_string(&Serde(v)).expect("serializes")
}

#[derive(Serialize)]
struct Port {
    name: String,
    #[serde(rename = "containerPort")]
    container_port: u16,
}

#[derive(Serialize)]
struct Container {
    name: String,
    image: String,
    args: Vec<String>,
    ports: Vec<Port>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tty: Option<bool>,
}

#[derive(Serialize)]
struct Meta {
    name: String,
    labels: BTreeMap<String, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Pod {
    api_version: &'static str,
    kind: &'static str,
    metadata: Meta,
    containers: Vec<Container>,
}

fn pod() -> Pod {
    Pod {
        api_version: "v1",
        kind: "Pod",
        metadata: Meta {
            name: "web".into(),
            labels: BTreeMap::from([("app".into(), "on".into()), ("yes".into(), "x".into())]),
        },
        containers: vec![
            Container {
                name: "nginx".into(),
                image: "registry.k8s.io/nginx-slim:0.8".into(),
                args: vec!["--port".into(), "8080".into()],
                ports: vec![Port {
                    name: "web".into(),
                    container_port: 80,
                }],
                tty: Some(false),
            },
            Container {
                name: "side".into(),
                image: "busybox".into(),
                args: vec![],
                ports: vec![],
                tty: None,
            },
        ],
    }
}

#[test]
fn pod_layout() {
    assert_eq!(
        y(&pod()),
        "\
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: \"on\"
    \"yes\": x
containers:
- name: nginx
  image: registry.k8s.io/nginx-slim:0.8
  args:
  - \"--port\"
  - \"8080\"
  ports:
  - name: web
    containerPort: 80
  tty: false
- name: side
  image: busybox
  args: []
  ports: []
"
    );
}

#[test]
fn empty_collections() {
    let empty_map: BTreeMap<String, u8> = BTreeMap::new();
    let empty_seq: Vec<u8> = Vec::new();
    assert_eq!(y(&empty_map), "{}\n");
    assert_eq!(y(&empty_seq), "[]\n");
    assert_eq!(y(&BTreeMap::from([("a", empty_map.clone())])), "a: {}\n");
    assert_eq!(y(&BTreeMap::from([("a", empty_seq.clone())])), "a: []\n");
    assert_eq!(y(&vec![empty_map.clone()]), "- {}\n");
    assert_eq!(y(&vec![empty_seq.clone(), empty_seq]), "- []\n- []\n");
    assert_eq!(y(&vec![vec![empty_map]]), "- - {}\n");
}

#[test]
fn nested_sequences() {
    assert_eq!(y(&vec![vec![1, 2], vec![3]]), "- - 1\n  - 2\n- - 3\n");
    assert_eq!(y(&vec![vec![vec!["a"]]]), "- - - a\n");
    assert_eq!(
        y(&BTreeMap::from([("k", vec![vec![1, 2]])])),
        "k:\n- - 1\n  - 2\n"
    );
}

#[test]
fn maps_in_sequences() {
    let item = BTreeMap::from([("a", vec![1]), ("b", vec![])]);
    assert_eq!(y(&vec![item.clone()]), "- a:\n  - 1\n  b: []\n");
    assert_eq!(y(&vec![vec![item]]), "- - a:\n    - 1\n    b: []\n");
    let deep = BTreeMap::from([("x", BTreeMap::from([("w", BTreeMap::from([("z", 1)]))]))]);
    assert_eq!(y(&vec![deep.clone()]), "- x:\n    w:\n      z: 1\n");
    assert_eq!(y(&deep), "x:\n  w:\n    z: 1\n");
}

#[test]
fn scalars() {
    assert_eq!(y(&true), "true\n");
    assert_eq!(y(&false), "false\n");
    assert_eq!(y(&-42i32), "-42\n");
    assert_eq!(y(&u64::MAX), "18446744073709551615\n");
    assert_eq!(y(&i128::from(i64::MIN)), "-9223372036854775808\n");
    assert_eq!(y(&u128::from(u64::MAX)), "18446744073709551615\n");
    assert_eq!(y(&Option::<u8>::None), "null\n");
    assert_eq!(y(&Some("x")), "x\n");
    assert_eq!(y(&()), "null\n");
    assert_eq!(y(&'y'), "\"y\"\n");
    assert_eq!(y("yes"), "\"yes\"\n");
    assert_eq!(y("plain"), "plain\n");
    assert_eq!(y(&1.5f64), "1.5\n");
    assert_eq!(y(&2.0f32), "2.0\n");
    assert_eq!(y(&0.1f32), "0.1\n");
    assert_eq!(y(&1e300f64), "1.0e+300\n");
    assert_eq!(y(&f64::NAN), ".nan\n");
    assert_eq!(y(&BTreeMap::from([("a", None::<u8>)])), "a: null\n");
    assert_eq!(y(&vec![None::<u8>]), "- null\n");
    assert_eq!(y(&[1u8, 2]), "- 1\n- 2\n");
    assert_eq!(y(&(1, "a")), "- 1\n- a\n");
}

#[derive(Serialize)]
struct Mode(u32);

#[derive(Serialize)]
struct Unit;

#[derive(Serialize)]
enum Source {
    EmptyDir,
    HostPath(String),
    Nfs { server: String, path: String },
    Pair(u8, u8),
}

#[test]
fn newtypes_and_enums() {
    assert_eq!(
        y(&BTreeMap::from([("defaultMode", Mode(0o644))])),
        "defaultMode: 420\n"
    );
    assert_eq!(y(&Unit), "null\n");
    assert_eq!(y(&Source::EmptyDir), "EmptyDir\n");
    assert_eq!(y(&Source::HostPath("/data".into())), "HostPath: /data\n");
    assert_eq!(
        y(&vec![Source::Nfs {
            server: "10.0.2.5".into(),
            path: "/x".into()
        }]),
        "- Nfs:\n    server: \"10.0.2.5\"\n    path: /x\n"
    );
    assert_eq!(y(&Source::Pair(1, 2)), "Pair:\n- 1\n- 2\n");
    assert_eq!(
        y(&BTreeMap::from([("s", Source::Pair(1, 2))])),
        "s:\n  Pair:\n  - 1\n  - 2\n"
    );
    assert_eq!(
        y(&BTreeMap::from([("s", Source::EmptyDir)])),
        "s: EmptyDir\n"
    );
}

/// Serializes pairs as a mapping in the given order.
struct Ordered<'a>(&'a [(&'a str, &'a str)]);

impl Serialize for Ordered<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[test]
fn quoting_examples_from_the_brief() {
    let map = Ordered(&[
        ("image", "registry.k8s.io/nginx-slim:0.8"),
        ("server", "10.0.2.5"),
        ("storage", "1Gi"),
        ("app", "on"),
        ("yes", "x"),
    ]);
    assert_eq!(
        y(&map),
        "image: registry.k8s.io/nginx-slim:0.8\nserver: \"10.0.2.5\"\nstorage: 1Gi\napp: \"on\"\n\"yes\": x\n"
    );
}

#[test]
fn multiline_and_injection_attempts_stay_on_one_line() {
    let map = BTreeMap::from([
        ("a", "x\n---\nkind: Secret"),
        ("b", "v\nc: injected"),
        ("c", "# comment"),
        ("d", "x # y"),
    ]);
    assert_eq!(
        y(&map),
        "a: \"x\\n---\\nkind: Secret\"\nb: \"v\\nc: injected\"\nc: \"# comment\"\nd: \"x # y\"\n"
    );
}

#[test]
fn long_keys_are_explicit() {
    let long = "k".repeat(1001);
    let short = "k".repeat(1000);
    let map = BTreeMap::from([(long.clone(), vec![1]), (short.clone(), vec![2])]);
    assert_eq!(y(&map), format!("{short}:\n- 2\n? {long}\n:\n- 1\n"));
    let nested = vec![BTreeMap::from([(long.clone(), BTreeMap::from([("a", 1)]))])];
    assert_eq!(y(&nested), format!("- ? {long}\n  :\n    a: 1\n"));
    let scalar = BTreeMap::from([(long.clone(), "v")]);
    assert_eq!(y(&scalar), format!("? {long}\n: v\n"));
}

#[test]
fn documents_stream() {
    let mut w = DocumentWriter::new(Vec::new());
    w.write(&Serde(&BTreeMap::from([("a", 1)]))).unwrap();
    w.write(&Serde(&vec!["b"])).unwrap();
    w.write(&Serde("yes")).unwrap();
    w.write(&Serde(&BTreeMap::<u8, u8>::new())).unwrap();
    assert_eq!(w.documents(), 4);
    // A failing document writes nothing and does not count.
    assert!(w.write(&Serde(&BTreeMap::from([(1, 2)]))).is_err());
    w.write(&Serde(&Vec::<u8>::new())).unwrap();
    assert_eq!(w.documents(), 5);
    let text = String::from_utf8(w.into_inner()).unwrap();
    assert_eq!(text, "a: 1\n---\n- b\n---\n\"yes\"\n---\n{}\n---\n[]\n");

    assert_eq!(yaml::to_string_multi([&1, &2]).unwrap(), "1\n---\n2\n");
    assert_eq!(yaml::to_string_multi(Vec::<&u8>::new()).unwrap(), "");
    let mut buf = Vec::new();
    yaml::write_document(&mut buf, &1, true).unwrap();
    yaml::write_document(&mut buf, &2, false).unwrap();
    assert_eq!(buf, b"1\n---\n2\n");
}

#[derive(Serialize)]
struct Volume {
    name: String,
    items: BTreeMap<String, BTreeMap<u8, u8>>,
}

#[derive(Serialize)]
struct Spec {
    volumes: Vec<Volume>,
}

#[test]
fn errors_carry_paths() {
    let spec = Spec {
        volumes: vec![
            Volume {
                name: "a".into(),
                items: BTreeMap::new(),
            },
            Volume {
                name: "b".into(),
                items: BTreeMap::from([("a b".into(), BTreeMap::from([(1, 2)]))]),
            },
        ],
    };
    let err = yaml::to_string(&Serde(&spec)).unwrap_err();
    assert!(matches!(
        err.kind(),
        YamlErrorKind::NonStringKey("an integer")
    ));
    assert_eq!(err.path(), "volumes[1].items[\"a b\"]");
    assert_eq!(
        err.to_string(),
        "mapping keys must be strings, found an integer at `volumes[1].items[\"a b\"]`"
    );
    let err = yaml::to_string(&Serde(&BTreeMap::from([("big", u128::MAX)]))).unwrap_err();
    assert!(matches!(err.kind(), YamlErrorKind::IntegerOutOfRange));
    assert_eq!(err.path(), "big");
    let err = yaml::to_string(&Serde(&vec![Source::Nfs {
        server: "s".into(),
        path: "p".into(),
    }]));
    assert!(err.is_ok());
    let err = yaml::to_string(&Serde(&BTreeMap::from([(vec![1], 1)]))).unwrap_err();
    assert!(matches!(
        err.kind(),
        YamlErrorKind::NonStringKey("a sequence")
    ));
    assert_eq!(err.path(), "");
}

#[test]
fn io_errors_are_reported() {
    struct Broken;
    impl std::io::Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let err = yaml::to_writer(Broken, &1).unwrap_err();
    assert!(err.is_io());
    assert!(std::error::Error::source(&err).is_some());
    assert_eq!(err.to_string(), "cannot write YAML: disk full");
    let mut w = DocumentWriter::new(Broken);
    assert!(w.write(&Serde(&1)).is_err());
    assert_eq!(w.documents(), 0);
}

#[test]
fn keys_other_than_plain_strings() {
    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    enum K {
        On,
        Tier,
    }
    assert_eq!(
        y(&BTreeMap::from([(K::On, 1), (K::Tier, 2)])),
        "\"On\": 1\nTier: 2\n"
    );
    assert_eq!(y(&BTreeMap::from([('n', 1)])), "\"n\": 1\n");
    assert_eq!(y(&BTreeMap::from([("", 1)])), "\"\": 1\n");
    assert!(yaml::to_string(&Serde(&BTreeMap::from([(true, 1)]))).is_err());
    assert!(yaml::to_string(&Serde(&BTreeMap::from([(None::<String>, 1)]))).is_err());
    assert_eq!(y(&BTreeMap::from([(Some("k"), 1)])), "k: 1\n");
}
