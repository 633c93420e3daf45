//! kvol-dsl's whole expansion (the engine behind kvol-macros) (parse → check with kvol-core's rules → code generation) on
//! arbitrary token streams: it never panics, and what it returns lexes again.
//!
//! Input: the first byte picks the macro (`s` statefulset!, `p` pod!, `c` pvc!, `v` pv!,
//! `k` storage_class!, `e` service!, `m` manifests!, `d` deployment!, `a` daemonset!, `g`
//! config_map!, `x` secret!, `b` pdb!, `n` volume_snapshot_class!, `o` volume_snapshot!, `t`
//! volume_attributes_class!; any other byte modulo 15), the rest is the invocation
//! body as UTF-8 text, lexed by proc-macro2 (inputs that do not lex are skipped). The body is
//! passed as the facade's `macro_rules!` shim passes it: `::kvol; body`.

use std::str::FromStr;

use proc_macro2::TokenStream;

use kvol_dsl::Kind;

const KINDS: [Kind; 15] = [
    Kind::StatefulSet,
    Kind::Pod,
    Kind::Pvc,
    Kind::Pv,
    Kind::StorageClass,
    Kind::Service,
    Kind::Manifests,
    Kind::Deployment,
    Kind::DaemonSet,
    Kind::ConfigMap,
    Kind::Secret,
    Kind::Pdb,
    Kind::SnapshotClass,
    Kind::Snapshot,
    Kind::AttributesClass,
];

/// Runs the expansion on one input.
pub fn check(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let kind = match first {
        b's' => Kind::StatefulSet,
        b'p' => Kind::Pod,
        b'c' => Kind::Pvc,
        b'v' => Kind::Pv,
        b'k' => Kind::StorageClass,
        b'e' => Kind::Service,
        b'm' => Kind::Manifests,
        b'd' => Kind::Deployment,
        b'a' => Kind::DaemonSet,
        b'g' => Kind::ConfigMap,
        b'x' => Kind::Secret,
        b'b' => Kind::Pdb,
        b'n' => Kind::SnapshotClass,
        b'o' => Kind::Snapshot,
        b't' => Kind::AttributesClass,
        b => KINDS[usize::from(b) % KINDS.len()],
    };
    let Ok(src) = std::str::from_utf8(rest) else {
        return;
    };
    let Ok(body) = TokenStream::from_str(src) else {
        return;
    };
    let mut input = quote::quote!(::kvol;);
    input.extend(body);
    let out = kvol_dsl::expand(kind, input);
    // The expansion is well-formed: printed, it lexes again (a malformed literal or a
    // half-written group would not).
    let text = out.to_string();
    assert!(!text.is_empty(), "{kind:?}: empty expansion for {src:?}");
    if let Err(e) = TokenStream::from_str(&text) {
        panic!("{kind:?}: the expansion of {src:?} does not lex ({e}):\n{text}");
    }
}
