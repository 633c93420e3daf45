fn main() {
    let _ = kvol::manifests! {
        statefulset {
            name: db,
            labels: { app: db },
            container postgres { image: "postgres:17", port: pg 5432 },
        },
        service {
            name: db-read,
            selector: { app: db },
            port: pg 5432 => postgres,
        },
        service {
            name: cache,
            selector: { app: cache },
            port: redis 6379,
        },
    };
}
