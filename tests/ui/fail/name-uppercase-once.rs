fn main() {
    let _ = kvol::statefulset! {
        name: Postgres,
        image: "postgres:16",
        claim: 10Gi RWO,
    };
}
