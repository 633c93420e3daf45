fn main() {
    let _ = kvol::pvc! {
        access: RWO,
        request: 1Gi,
    };
}
