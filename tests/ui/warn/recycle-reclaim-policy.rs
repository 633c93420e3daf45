#![deny(deprecated)]

fn main() {
    let _ = kvol::pv! {
        name: scratch,
        capacity: 5Gi,
        access: RWX,
        reclaim: Recycle,
        source: nfs "10.0.2.5" "/exports/scratch",
    };
}
