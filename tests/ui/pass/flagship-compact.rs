fn main() {
    let web = kvol::statefulset! {
        name: web,
        image: "registry.k8s.io/nginx-slim:0.8",
        replicas: 3,
        claim: 1Gi RWO "standard",
    };
    print!("{}", web.to_yaml());
}
