fn main() {
    // Several replicas of a RollingUpdate Deployment share one claim: it must be ReadWriteMany.
    let set = kvol::manifests! {
        namespace: web,
        pv {
            name: web-content,
            capacity: 10Gi,
            access: RWX,
            reclaim: Retain,
            class: "",
            mount_options: ["nfsvers=4.1"],
            source: nfs "nfs.example.com" "/exports/web",
        },
        pvc { name: web-content, access: RWX, request: 10Gi, class: "", volume_name: web-content },
        config_map { name: nginx-conf, data: { default.conf: "server { listen 80; root /srv; }" } },
        deployment {
            name: web,
            replicas: 3,
            container nginx {
                image: "nginx:1.27",
                port: http 80,
                mount: content => "/srv" read_only,
                mount: conf => "/etc/nginx/conf.d" read_only,
            },
            volume content: claim web-content read_only,
            volume conf: config_map nginx-conf { items: ["default.conf" => "default.conf"] },
        },
        pdb { name: web, max_unavailable: 1, selector: { app: web } },
    };
    assert!(set.warnings().is_empty(), "{:?}", set.warnings());
    assert_eq!(set.len(), 5);
}
