fn main() {
    let _ = kvol::statefulset! {
        name: web,
        image: "nginx",
        replicas: three,
        claim: 1Gi RWO "Fast_Disks",
    };
}
