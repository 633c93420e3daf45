fn main() {
    let _ = kvol::pod! {
        name: db,
        init_container setup {
            image: "busybox",
            readiness: tcp 5432,
        },
        container db {
            image: "postgres:16",
            port: pg 5432,
            requests: { memory: 2Gi, "nvidia.com/gpu": 1 },
            limits: { memory: 1Gi },
            liveness: tcp pg { success_threshold: 2 },
            readiness: http_get "/ready" postgres,
            security: { privileged: true, allow_privilege_escalation: false },
            mount: data => "/var/lib/postgresql" sub_path "pg" sub_path_expr "$(POD)",
            device: data => "/dev/xvda",
        },
        volume data: empty_dir,
    };
}
