fn main() {
    let _ = kvol::pvc! {
        name: data,
        access: RWOP | RWO,
        request: 1Gi,
    };
}
