fn main() {
    let _ = kvol::pvc! {
        name: data,
        name: data2,
        access: RWO,
        request: 1Gi,
    };
}
