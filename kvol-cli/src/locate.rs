//! Where a field path points in a decoded document: the line and column of its value (of its
//! key, for a mapping or a list), or of the nearest ancestor the document has (a missing field
//! is reported where its parent is). A resource key the API server names one level up
//! (`spec.resources[storage]`) is found in the map below (`requests`).

use kvol_core::report::{FieldPath, Segment};
use kvol_core::tree::{Tree, TreeKey, TreeValue};

/// The line and column (1-based) of `path` in `root`, or of its nearest ancestor present.
pub fn locate<T: Tree>(root: &T, path: &FieldPath) -> (usize, usize) {
    let mut node = root;
    let mut key_at = None;
    for segment in path.segments() {
        let next = match (segment, node.value()) {
            (Segment::Field(name) | Segment::Key(name), TreeValue::Map(entries)) => {
                let direct = entries.iter().find(|(k, _)| k.name() == name);
                // The API server names some resource entries one level up
                // (`spec.resources[storage]` is `spec.resources.requests.storage`).
                let nested = || {
                    let Segment::Key(name) = segment else {
                        return None;
                    };
                    entries.iter().find_map(|(_, v)| match v.value() {
                        TreeValue::Map(inner) => inner.iter().find(|(k, _)| k.name() == name),
                        _ => None,
                    })
                };
                direct
                    .or_else(nested)
                    .map(|(k, v)| (Some((k.line(), k.col())), v))
            }
            (Segment::Index(i), TreeValue::Seq(items)) => items.get(i).map(|v| (None, v)),
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
