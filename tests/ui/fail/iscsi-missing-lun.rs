fn main() {
    let _ = kvol::pv! {
        name: disk,
        capacity: 10Gi,
        access: RWO,
        source: iscsi { target_portal: "10.0.0.1:3260", iqn: "iqn.2001-04.com.example:storage" },
    };
}
