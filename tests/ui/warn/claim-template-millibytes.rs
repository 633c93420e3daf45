#![deny(deprecated)]

fn main() {
    // The API server's warning path for a claim template has no `spec`.
    let _ = kvol::statefulset! {
        name: db,
        image: "postgres:17",
        claim: 100m RWO,
    };
}
