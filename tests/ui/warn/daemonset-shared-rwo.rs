#![deny(deprecated)]

fn main() {
    // A DaemonSet runs a pod on every node: only one of them can attach a ReadWriteOnce volume.
    let _ = kvol::manifests! {
        storage_class { name: ebs, provisioner: "ebs.csi.aws.com" },
        pvc { name: data, access: RWO, request: 10Gi, class: ebs },
        daemonset {
            name: agent,
            image: "registry.example/agent:1",
            mount: data => "/var/lib/agent",
            volume data: claim data,
        },
    };
}
