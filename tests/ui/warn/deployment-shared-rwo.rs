#![deny(deprecated)]

fn main() {
    // A RollingUpdate Deployment starts its new pod before the old one stops: on another node,
    // it cannot attach the ReadWriteOnce volume.
    let _ = kvol::manifests! {
        storage_class { name: ebs, provisioner: "ebs.csi.aws.com" },
        pvc { name: data, access: RWO, request: 10Gi, class: ebs },
        deployment {
            name: app,
            image: "registry.example/app:1",
            mount: data => "/var/lib/app",
            volume data: claim data,
        },
    };
}
