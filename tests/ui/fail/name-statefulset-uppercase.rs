fn main() {
    let _ = kvol::statefulset! {
        name: Web,
        image: "nginx",
    };
}
