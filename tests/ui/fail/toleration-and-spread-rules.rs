fn main() {
    let _ = kvol::pod! {
        name: db,
        image: "postgres:17",
        toleration: { key: "dedicated", operator: Exists, value: "db" },
        toleration: { operator: Equal },
        spread: {
            max_skew: 0,
            topology: "topology.kubernetes.io/zone",
            when_unsatisfiable: ScheduleAnyway,
            min_domains: 2,
        },
        pod_anti_affinity: preferred 101 { app In [db] } on "kubernetes.io/",
        security: { run_as_user: -1, seccomp: Localhost },
        dns_policy: None,
    };
}
