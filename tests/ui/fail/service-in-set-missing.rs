fn main() {
    let _ = kvol::manifests! {
        service {
            name: mongo-headless,
            headless: true,
            selector: { role: mongo },
        },
        statefulset {
            name: mongo,
            service_in_set: true,
            labels: { role: mongo },
            image: "mongo",
        },
    };
}
