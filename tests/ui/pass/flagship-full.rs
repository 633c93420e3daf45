fn main() {
    let web: kvol::Valid<kvol::StatefulSet> = kvol::statefulset! {
        name: web,
        service: nginx,
        labels: { app: nginx },
        replicas: 3,
        grace: 10s,
        container nginx {
            image: "registry.k8s.io/nginx-slim:0.8",
            port: web 80,
            mount: www => "/usr/share/nginx/html",
        },
        claim: www 1Gi RWO "standard",
        update: RollingUpdate { partition: 0 },
        pod_management: OrderedReady,
        retention: { deleted: Retain, scaled: Delete },
    };
    print!("{}", web.to_yaml());
}
