fn main() {
    let _ = kvol::pvc! {
        name: data,
        access: RWO,
    };
}
