fn main() {
    let _ = kvol::statefulset! {
        name: db,
        image: "postgres:17",
        pod_anti_affinity: required { app In [db] },
    };
}
