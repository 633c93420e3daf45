fn main() {
    let _ = kvol::statefulset! {
        name: web,
        image: "nginx",
        restart: OnFailure,
    };
}
