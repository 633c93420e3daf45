fn main() {
    // matchFields: `metadata.name` only, `In`/`NotIn` with exactly one node name
    // (ValidateNodeFieldSelectorRequirement).
    let _ = kvol::pv! {
        name: local-0,
        capacity: 10Gi,
        access: RWO,
        class: local,
        node_affinity: { field metadata.name In ["node-1", "node-2"] },
        node_affinity: { field metadata.uid Exists },
        source: local "/mnt/disks/0",
    };
    // A term's expressions are `KEY OPERATOR [VALUES]`.
    let _ = kvol::pv! {
        name: local-1,
        capacity: 10Gi,
        access: RWO,
        class: local,
        node_affinity: { zone Between [a] },
        source: local "/mnt/disks/1",
    };
}
