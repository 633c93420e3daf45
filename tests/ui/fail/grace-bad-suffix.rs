fn main() {
    let _ = kvol::pod! {
        name: web,
        image: "nginx",
        grace: 10m,
    };
}
