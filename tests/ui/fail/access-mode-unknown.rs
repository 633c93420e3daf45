fn main() {
    let _ = kvol::statefulset! {
        name: web,
        image: "nginx",
        claim: 1Gi RWZ,
    };
}
