fn main() {
    let _ = kvol::statefulset! {
        name: web,
        container web { image: "nginx", port: http 70000 },
    };
}
