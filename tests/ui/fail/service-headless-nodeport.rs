fn main() {
    let _ = kvol::service! {
        name: web,
        type: NodePort,
        headless: true,
        selector: { app: web },
        port: http 80 => 8080 node_port 30080,
        external_traffic: Local,
    };
    let _ = kvol::service! {
        name: api,
        selector: { app: api },
        port: http 80 node_port 30081,
        session_affinity: ClientIP { timeout: 90000 },
        external_traffic: Local,
    };
}
