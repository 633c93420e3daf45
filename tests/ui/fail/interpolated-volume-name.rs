fn main() {
    let name = "data";
    let _ = kvol::pod! {
        name: web,
        image: "nginx",
        volume {name}: empty_dir,
    };
}
