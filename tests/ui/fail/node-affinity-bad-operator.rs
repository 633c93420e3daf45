fn main() {
    let _ = kvol::pod! {
        name: db,
        image: "postgres:17",
        node_affinity: required { "topology.kubernetes.io/zone" Inn [a] },
        toleration: { operator: Exist },
    };
}
