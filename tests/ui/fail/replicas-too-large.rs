fn main() {
    let _ = kvol::statefulset! {
        name: web,
        image: "nginx",
        replicas: 3000000000,
    };
}
