fn main() {
    let _ = kvol::pod! {
        name: my_pod,
        image: "nginx",
    };
}
