fn main() {
    let _ = kvol::statefulset! {
        name: web,
        image: "nginx",
        pod_management: Paralel,
    };
}
