fn main() {
    let size: kvol::Quantity = "1Gi".parse().unwrap();
    let _ = kvol::pvc! {
        name: data,
        access: RWO,
        request: {size},
    };
}
