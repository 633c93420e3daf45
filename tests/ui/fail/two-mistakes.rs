fn main() {
    let _ = kvol::statefulset! {
        name: web,
        image: "nginx",
        replicsa: 3,
        claim: 1Gi RWZ "standard",
    };
}
