fn main() {
    let _ = kvol::statefulset! {
        name: web,
        image: "nginx",
        labels: { app: "-nginx-" },
    };
}
