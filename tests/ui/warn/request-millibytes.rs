#![deny(deprecated)]

fn main() {
    let _ = kvol::pvc! {
        name: data,
        access: RWO,
        request: 100m,
    };
}
