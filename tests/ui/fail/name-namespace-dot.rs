fn main() {
    let _ = kvol::pod! {
        name: web,
        namespace: "team.a",
        image: "nginx",
    };
}
