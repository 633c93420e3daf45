//! Whether a rendered document keeps every field of the one it came from: shared by the
//! reader's coverage test (`kvol-read/tests/model.rs`) and `kvol import`'s round trip
//! (`kvol-cli/tests/import_roundtrip.rs`).

use serde_json::Value as Json;

/// Pushes onto `missing` every leaf of `input` that `output` lacks or holds with another
/// value, below `path`. Left out means the same as `null`, `false` or an empty collection; a
/// quantity means the same in any spelling (`0.42` is `420m`); `also_same(path, input, output)`
/// may accept more leaf pairs.
pub fn leaves_kept(
    input: &Json,
    output: &Json,
    path: &str,
    missing: &mut Vec<String>,
    also_same: &dyn Fn(&str, &Json, &Json) -> bool,
) {
    match (input, output) {
        (Json::Object(a), Json::Object(b)) => {
            for (k, v) in a {
                match b.get(k) {
                    Some(w) => leaves_kept(v, w, &format!("{path}.{k}"), missing, also_same),
                    None if v.is_null()
                        || *v == Json::Bool(false)
                        || v.as_array().is_some_and(Vec::is_empty)
                        || v.as_object().is_some_and(|m| m.is_empty()) => {}
                    None => missing.push(format!("{path}.{k}: missing")),
                }
            }
        }
        (Json::Array(a), Json::Array(b)) if a.len() == b.len() => {
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                leaves_kept(v, w, &format!("{path}[{i}]"), missing, also_same);
            }
        }
        (a, b) if a == b => {}
        (a, Json::String(b)) if same_quantity(a, b) => {}
        (a, b) if also_same(path, a, b) => {}
        (a, b) => missing.push(format!("{path}: {a} became {b}")),
    }
}

/// Both sides parse as the same Kubernetes quantity.
pub fn same_quantity(a: &Json, b: &str) -> bool {
    let a = match a {
        Json::String(s) => s.clone(),
        Json::Number(n) => n.to_string(),
        _ => return false,
    };
    match (
        a.parse::<kvol_core::Quantity>(),
        b.parse::<kvol_core::Quantity>(),
    ) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
