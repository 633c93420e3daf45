fn main() {
    let name = String::from("web");
    let _ = kvol::statefulset! {
        name: {name},
        image: "nginx",
    };
}
