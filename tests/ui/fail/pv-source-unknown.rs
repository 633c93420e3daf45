fn main() {
    let _ = kvol::pv! {
        name: mongo-pv,
        capacity: 1Gi,
        access: RWO,
        source: gce_disk { pd_name: mongodb },
    };
}
