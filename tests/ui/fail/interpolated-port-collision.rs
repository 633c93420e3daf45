fn main() {
    let a = std::num::NonZeroU16::new(80).unwrap();
    let b = std::num::NonZeroU16::new(8080).unwrap();
    let _ = kvol::statefulset! {
        name: web,
        container nginx {
            image: "nginx",
            port: web {a},
            port: admin {b},
        },
    };
}
