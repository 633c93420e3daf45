use kvol::names::{Dns1035Label, Dns1123Subdomain};
use kvol::PositiveQuantity;
use std::num::NonZeroU16;

fn main() {
    let name: Dns1035Label = "web".parse().unwrap();
    let size: PositiveQuantity = "5Gi".parse().unwrap();
    let replicas: u16 = 3;
    let port = NonZeroU16::new(8080).unwrap();
    let class: Dns1123Subdomain = "standard".parse().unwrap();
    let set = kvol::statefulset! {
        name: {name},
        image: "nginx",
        replicas: {replicas},
        port: http {port},
        claim: {size} RWO {class},
    };
    assert_eq!(set.metadata.name, "web");
}
