// `allow: [NAME]` silences one kvol warning for one object; real deprecations stay errors here.
#[deny(deprecated)]
fn main() {
    let pv = kvol::pv! {
        name: scratch,
        allow: [recycle_reclaim_policy],
        capacity: 5Gi,
        access: RWX,
        reclaim: Recycle,
        source: nfs "nfs.example.com" "/exports/scratch",
    };
    assert_eq!(pv.warnings().len(), 1, "the value still carries its warning");
}
