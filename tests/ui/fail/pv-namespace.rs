fn main() {
    let _ = kvol::pv! {
        name: data,
        namespace: default,
        capacity: 1Gi,
        access: RWO,
        source: nfs "10.0.2.5" "/exports",
    };
}
