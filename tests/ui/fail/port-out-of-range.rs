fn main() {
    let _ = kvol::pod! {
        name: web,
        image: "nginx",
        port: 70000,
    };
}
