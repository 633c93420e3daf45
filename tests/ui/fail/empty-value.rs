fn main() {
    let _ = kvol::pvc! {
        name:,
        access: RWO,
        request: 1Gi,
    };
}
