fn main() {
    let _ = kvol::statefulset! {
        name: web,
        image: "nginx",
        replica: 3,
    };
}
