fn main() {
    let _ = kvol::pdb! {
        name: web,
        min_available: 2,
        max_unavailable: 1,
        selector: { app: web },
    };
}
