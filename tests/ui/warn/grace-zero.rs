#![deny(deprecated)]

fn main() {
    let _ = kvol::statefulset! {
        name: web,
        image: "nginx",
        grace: 0,
    };
}
