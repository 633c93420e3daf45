fn main() {
    let _ = kvol::pod! {
        name: db,
        container db {
            image: "postgres:16",
            env: {
                PGPASSWORD: secrt(pg, password),
                PGUSER: secret(pg),
            },
            env_from: configmap pg-config,
            requests: { cpu: 500mi, memory: 1Gb },
            security: { run_as_root: false, seccomp: Default },
        },
    };
}
