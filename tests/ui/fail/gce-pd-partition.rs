fn main() {
    let _ = kvol::pv! {
        name: old-disk,
        capacity: 10Gi,
        access: RWO,
        source: gce_pd { pd_name: "disk-1", partition: 300 },
    };
}
