fn main() {
    let _ = kvol::pod! { name: x, image: nginx };
}
