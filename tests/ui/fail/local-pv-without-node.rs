fn main() {
    let _ = kvol::pv! {
        name: local-disk,
        capacity: 100Gi,
        access: RWO,
        class: "local-storage",
        source: local "/mnt/disks/ssd1",
    };
}
