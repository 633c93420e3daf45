fn main() {
    let host = true;
    let _ = kvol::pod! {
        name: tools,
        image: "busybox",
        extra: { hostNetwork: {host} },
    };
}
