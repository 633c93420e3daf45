#![deny(deprecated)]

fn main() {
    let _ = kvol::pv! {
        name: mongo-pv,
        capacity: 1Gi,
        access: RWO | ROX,
        class: "",
        source: gce_pd { pd_name: mongodb, fs_type: ext4 },
    };
}
