fn main() {
    let _ = kvol::pv! {
        name: scratch,
        allow: [recycle_reclaim_policy_deprecated],
        capacity: 5Gi,
        access: RWX,
        reclaim: Recycle,
        source: nfs "nfs.example.com" "/exports/scratch",
    };
}
