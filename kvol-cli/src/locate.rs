//! Where a field path points in a decoded document: the line and column of its value (of its
//! key, for a mapping or a list), or of the nearest ancestor the document has (a missing field
//! is reported where its parent is).
//!
//! The API server names some fields differently from the document, and those paths are found
//! too: a field one level down (`spec.resources[storage]` is `spec.resources.requests.storage`,
//! `spec.template.labels` is `spec.template.metadata.labels`), a field of a list without its
//! index (`volumeMounts.subPath`: the item whose value is the error's), and renamed sources
//! (`spec.persistentDisk` is `spec.gcePersistentDisk`), and a segment with a dot
//! (`Child("ordinals.start")`).

use kvol_core::report::{FieldPath, Segment};
use kvol_core::tree::{Tree, TreeKey, TreeValue};

/// Fields the API server reports under another name than the document's.
const RENAMED: &[(&str, &str)] = &[
    ("persistentDisk", "gcePersistentDisk"),
    // `spec.clusterIPs[0]`: the API server checks the list it derives from `clusterIP`.
    ("clusterIPs", "clusterIP"),
    // A Secret's `stringData` is merged into `data` before validation.
    ("data", "stringData"),
];

/// The line and column (1-based) of `path` in `root`, or of its nearest ancestor present;
/// `value` (the error's value, when it has one) picks the list item a path without an index
/// means.
pub fn locate<T: Tree>(root: &T, path: &FieldPath, value: Option<&str>) -> (usize, usize) {
    let mut node = root;
    let mut key_at = None;
    for segment in path.segments() {
        let next = match (segment, node.value()) {
            (Segment::Field(name) | Segment::Key(name), TreeValue::Map(entries)) => {
                let renamed = RENAMED.iter().find(|(k, _)| *k == name).map(|(_, d)| *d);
                entry(entries, name)
                    .or_else(|| renamed.and_then(|d| entry(entries, d)))
                    .or_else(|| dotted(entries, name))
                    .or_else(|| one_level_down(entries, name))
                    .or_else(|| deeper(entries, name, value, 3))
                    .map(|(k, v)| (Some((k.line(), k.col())), v))
            }
            (Segment::Index(i), TreeValue::Seq(items)) => items.get(i).map(|v| (None, v)),
            (Segment::Field(name), TreeValue::Seq(items)) => {
                item_with(items, name, value).map(|(k, v)| (Some((k.line(), k.col())), v))
            }
            _ => None,
        };
        match next {
            Some((key, child)) => {
                node = child;
                key_at = key;
            }
            None => break,
        }
    }
    match (node.value(), key_at) {
        // A collection is shown by its key, a scalar by its value.
        (TreeValue::Map(_) | TreeValue::Seq(_) | TreeValue::Null, Some(key)) => key,
        _ => (node.line(), node.col()),
    }
}

fn entry<'t, T: Tree>(entries: &'t [(T::Key, T)], name: &str) -> Option<&'t (T::Key, T)> {
    entries.iter().find(|(k, _)| k.name() == name)
}

/// A field the API server names with a dot in one segment (`Child("ordinals.start")`).
fn dotted<'t, T: Tree>(entries: &'t [(T::Key, T)], name: &str) -> Option<&'t (T::Key, T)> {
    let (first, rest) = name.split_once('.')?;
    let (_, inner) = entry(entries, first)?;
    match inner.value() {
        TreeValue::Map(inner) => entry(inner, rest).or_else(|| dotted(inner, rest)),
        _ => None,
    }
}

/// `name` in a mapping that is the value of one of `entries`.
fn one_level_down<'t, T: Tree>(entries: &'t [(T::Key, T)], name: &str) -> Option<&'t (T::Key, T)> {
    entries.iter().find_map(|(_, v)| match v.value() {
        TreeValue::Map(inner) => entry(inner, name),
        _ => None,
    })
}

/// `name` anywhere up to `depth` levels below `entries`, through mappings and lists (the
/// projected token's `path`, reported by the API server at `projected.path`); the entry whose
/// value is `value` wins over the first one found.
fn deeper<'t, T: Tree>(
    entries: &'t [(T::Key, T)],
    name: &str,
    value: Option<&str>,
    depth: usize,
) -> Option<&'t (T::Key, T)> {
    let mut found = Vec::new();
    collect(entries, name, depth, &mut found);
    let is_value = |e: &&&(T::Key, T)| match (e.1.value(), value) {
        (TreeValue::String(s), Some(v)) => v.trim_matches('"') == s,
        _ => false,
    };
    found.iter().find(is_value).or(found.first()).copied()
}

fn collect<'t, T: Tree>(
    entries: &'t [(T::Key, T)],
    name: &str,
    depth: usize,
    found: &mut Vec<&'t (T::Key, T)>,
) {
    if depth == 0 {
        return;
    }
    for e in entries {
        if e.0.name() == name {
            found.push(e);
        }
        let mut visit = |node: &'t T| {
            if let TreeValue::Map(inner) = node.value() {
                collect(inner, name, depth - 1, found);
            }
        };
        match e.1.value() {
            TreeValue::Seq(items) => items.iter().for_each(&mut visit),
            _ => visit(&e.1),
        }
    }
}

/// The entry `name` of the list item whose `name` is `value` (or of the first item with it).
fn item_with<'t, T: Tree>(
    items: &'t [T],
    name: &str,
    value: Option<&str>,
) -> Option<&'t (T::Key, T)> {
    let entries = items.iter().filter_map(|item| match item.value() {
        TreeValue::Map(entries) => entry(entries, name),
        _ => None,
    });
    let mut first = None;
    for e in entries {
        first = first.or(Some(e));
        let matches = match (e.1.value(), value) {
            (TreeValue::String(s), Some(v)) => v.trim_matches('"') == s,
            _ => false,
        };
        if matches {
            return Some(e);
        }
    }
    first
}
