fn main() {
    let _ = kvol::pod! {
        name: tools,
        image: "busybox",
        extra: { hostNetwrok: true },
    };
}
