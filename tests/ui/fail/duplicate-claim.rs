fn main() {
    let _ = kvol::statefulset! {
        name: web,
        image: "nginx",
        claim: data 1Gi RWO => "/a",
        claim: data 2Gi RWO => "/b",
    };
}
