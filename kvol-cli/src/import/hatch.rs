//! The escape hatch in imported source: fields the model does not hold, read from the
//! document as written and written as an `extra: { … }` value.

use super::Doc;
use kvol_read::{Node, Value};

/// `node` as an `extra:` value: literals, `[…]`, `{ name: value }` (keys bare when they are
/// identifiers, else string literals).
pub fn value(node: &Node) -> String {
    match &node.value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::UInt(u) => u.to_string(),
        Value::Float(f) => {
            let text = format!("{f:?}");
            if text.contains(['.', 'e']) {
                text
            } else {
                format!("{text}.0")
            }
        }
        Value::String(s) => super::source::string(s),
        Value::Seq(items) => {
            let items: Vec<String> = items.iter().map(value).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Map(entries) => {
            if entries.is_empty() {
                return "{}".to_owned();
            }
            let entries: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}: {}", key(&k.name), value(v)))
                .collect();
            format!("{{ {} }}", entries.join(", "))
        }
    }
}

/// A field name as the hatch reads it: an identifier, else a string literal.
pub fn key(name: &str) -> String {
    let ident = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name != "_";
    if ident {
        name.to_owned()
    } else {
        super::source::string(name)
    }
}

/// The node at a field path as kvol prints it (`spec.template.spec.containers[0]`,
/// `spec.resources.requests[storage]`): map keys by name, list items by index, and a
/// bracketed key that is not a number as a map key.
pub fn node_at<'n>(node: &'n Node, path: &str) -> Option<&'n Node> {
    let mut node = node;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, indices) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            node = field(node, name)?;
        }
        for index in indices.split(['[', ']']).filter(|i| !i.is_empty()) {
            node = match (&node.value, index.parse::<usize>()) {
                (Value::Seq(items), Ok(i)) => items.get(i)?,
                (Value::Map(_), _) => field(node, index)?,
                _ => return None,
            };
        }
    }
    Some(node)
}

fn field<'n>(node: &'n Node, name: &str) -> Option<&'n Node> {
    let Value::Map(entries) = &node.value else {
        return None;
    };
    entries.iter().find(|(k, _)| k.name == name).map(|(_, v)| v)
}

impl Doc<'_> {
    /// The document's node at a JSON path such as `spec.template.spec.containers[0]`
    /// (map keys by name, list items by index).
    pub fn node_at(&self, path: &str) -> Option<&Node> {
        node_at(self.node, path)
    }

    /// The fields under `prefix` (a JSON path, e.g. `spec.template.spec`) that the model does
    /// not hold, whose parent is `prefix` itself: their names and values as written.
    pub fn unmodelled_at(&self, prefix: &str) -> Vec<(String, &Node)> {
        let mut out = Vec::new();
        for u in &self.decoded.unmodelled {
            let path = u.path.to_string();
            let Some(rest) = path.strip_prefix(prefix) else {
                continue;
            };
            let rest = rest.strip_prefix('.').unwrap_or(rest);
            if path.len() == rest.len() && !prefix.is_empty()
                || rest.is_empty()
                || rest.contains(['.', '['])
            {
                continue;
            }
            if let Some(node) = self.node_at(&path) {
                out.push((rest.to_owned(), node));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_as_the_hatch_reads_them() {
        let doc = kvol_read::read_stream(
            "a: {hostNetwork: true, num: -1, f: 1.5, s: \"x\\\"y\", l: [1, null], \"x.y/z\": {}}",
        )
        .remove(0)
        .unwrap();
        assert_eq!(
            value(&doc.value),
            "{ a: { hostNetwork: true, num: -1, f: 1.5, s: \"x\\\"y\", l: [1, null], \"x.y/z\": {} } }"
        );
    }
}
