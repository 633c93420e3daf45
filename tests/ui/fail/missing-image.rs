fn main() {
    let _ = kvol::pod! {
        name: web,
        container nginx { port: 80 },
    };
}
