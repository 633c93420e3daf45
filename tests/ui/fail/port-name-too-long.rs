fn main() {
    let _ = kvol::statefulset! {
        name: web,
        image: "nginx",
        port: http-web-frontend 80,
    };
}
