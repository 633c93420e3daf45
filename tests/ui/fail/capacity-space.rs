fn main() {
    let _ = kvol::pv! {
        name: data,
        capacity: 50 Gi,
        access: RWO,
        source: nfs "nfs.example.com" "/exports",
    };
}
