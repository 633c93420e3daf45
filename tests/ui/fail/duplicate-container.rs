fn main() {
    let _ = kvol::pod! {
        name: web,
        container nginx { image: "nginx" },
        container nginx { image: "nginx:1.27" },
    };
}
