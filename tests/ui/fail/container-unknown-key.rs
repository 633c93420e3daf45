fn main() {
    let _ = kvol::pod! {
        name: web,
        container nginx {
            image: "nginx",
            ports: 80,
        },
    };
}
