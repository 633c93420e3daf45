fn main() {
    let _ = kvol::statefulset! {
        name: web,
        image: "nginx",
        retention: { deleted: Retian, scaled: Delete },
    };
}
