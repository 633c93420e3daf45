fn main() {
    // A claim's selector: `In` needs values (ValidateLabelSelector), and an unknown operator.
    let _ = kvol::pvc! {
        name: data,
        access: RWO,
        request: 1Gi,
        selector: { disk In [], zone Inside [a] },
    };
    // A StatefulSet's selector must match its pod labels.
    let _ = kvol::statefulset! {
        name: db,
        labels: { app: db },
        selector: { app: db, tier Exists },
        image: "postgres:17",
    };
    // A topology term is a `{ "KEY": [..] }` map.
    let _ = kvol::storage_class! {
        name: local,
        provisioner: "kubernetes.io/no-provisioner",
        topology: [{ "topology.kubernetes.io/zone": ["a"] }, zone],
    };
}
