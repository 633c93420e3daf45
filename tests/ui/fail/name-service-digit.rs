fn main() {
    let _ = kvol::statefulset! {
        name: web,
        service: "1web",
        image: "nginx",
    };
}
