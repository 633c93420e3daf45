fn main() {
    let _ = kvol::statefulset! {
        name: web,
        container nginx {
            image: "nginx",
            port: web 80,
            port: web 8080,
        },
    };
}
