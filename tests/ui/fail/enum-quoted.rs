fn main() {
    let _ = kvol::pv! {
        name: data,
        capacity: 1Gi,
        access: RWO,
        reclaim: "Retain",
        source: host_path "/mnt/data" DirectoryOrCreate,
    };
}
