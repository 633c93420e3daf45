fn main() {
    let _ = kvol::statefulset! {
        name: web,
        image: "nginx",
        update: RollingUpdte { partition: 0 },
    };
}
