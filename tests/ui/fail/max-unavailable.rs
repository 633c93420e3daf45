fn main() {
    let _ = kvol::statefulset! {
        name: db,
        image: "postgres:17",
        update: RollingUpdate { max_unavailable: 2 },
    };
}
