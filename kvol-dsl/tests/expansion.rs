//! Expansion snapshots: what each macro emits for a representative invocation, formatted with
//! prettyplease and compared with the reviewed file in `tests/expansions/`. After a deliberate
//! change, re-bless with `KVOL_BLESS=1 cargo test -p kvol-dsl --test expansion` and read the
//! diff.

// The snapshot files are read and written by this test; the expansion itself stays pure.
#![allow(clippy::disallowed_methods)]

use kvol_dsl::Kind;
use proc_macro2::TokenStream;
use std::{path::PathBuf, str::FromStr};

/// The invocations: (snapshot name, macro, body).
const CASES: &[(&str, Kind, &str)] = &[
    (
        "statefulset-flagship",
        Kind::StatefulSet,
        r#"name: web, image: "registry.k8s.io/nginx-slim:0.8", replicas: 3, claim: 1Gi RWO "standard""#,
    ),
    (
        "statefulset-full",
        Kind::StatefulSet,
        r#"name: web, service: nginx, labels: { app: nginx }, replicas: 3, grace: 10s,
           container nginx { image: "registry.k8s.io/nginx-slim:0.8", port: web 80,
                             mount: www => "/usr/share/nginx/html" },
           claim: www 1Gi RWO "standard", update: RollingUpdate { partition: 0 },
           pod_management: OrderedReady, retention: { deleted: Retain, scaled: Delete },
           service_account: web, node_selector: { "kubernetes.io/os": linux }"#,
    ),
    (
        "pod-volumes",
        Kind::Pod,
        r#"name: app, container app { image: "busybox", port: http 8080, env: { MODE: "x" },
             mount: cfg => "/etc/app" read_only, mount: scratch => "/s" },
           volume cfg: config_map app-config { default_mode: 0o644, items: ["a" => "b"] },
           volume scratch: ephemeral 1Gi RWO "fast""#,
    ),
    (
        "pod-container-fields",
        Kind::Pod,
        r#"name: db, init_container shipper { image: "busybox", restart: Always,
             readiness: tcp 9000 { period: 5 } },
           container db { image: "postgres:16", pull: IfNotPresent, port: pg 5432,
             env: { PW: secret(pg, password, optional), POD: field("metadata.name") },
             env_from: config_map pg-config prefix "PG_",
             requests: { cpu: 500m, memory: 1Gi }, limits: { memory: 1Gi },
             liveness: http_get "/healthz" pg https { failure_threshold: 3, grace: 10 },
             pre_stop: sleep 5,
             security: { run_as_non_root: true, capabilities: { drop: [ALL] }, seccomp: RuntimeDefault },
             mount: data => "/var/lib/postgresql" sub_path_expr "$(POD)",
             device: raw => "/dev/xvda" },
           volume data: empty_dir, volume raw: claim raw-block"#,
    ),
    (
        "pvc",
        Kind::Pvc,
        r#"name: data, access: RWO | ROX, request: 1Gi, limit: 2Gi, class: "", selector: { tier: db }"#,
    ),
    (
        "pvc-selector-expressions",
        Kind::Pvc,
        r#"name: share, access: RWX, request: 1Gi, selector: { name In ["share"], legacy DoesNotExist }"#,
    ),
    (
        "pv-node-affinity-terms",
        Kind::Pv,
        r#"name: local-0, capacity: 10Gi, access: RWO, class: local, source: local "/mnt/disks/0",
           node_affinity: { kubernetes.io/hostname In [node-1], cpus Gt ["4"] },
           node_affinity: { field metadata.name In [node-2] }, node_affinity: hostname [node-3]"#,
    ),
    (
        "pv-node-affinity-hostname",
        Kind::Pv,
        r#"name: local-1, capacity: 10Gi, access: RWO, class: local, source: local "/mnt/disks/1",
           node_affinity: hostname [node-1]"#,
    ),
    (
        "storage-class-topology-terms",
        Kind::StorageClass,
        r#"name: local, provisioner: "kubernetes.io/no-provisioner",
           topology: [{ "topology.kubernetes.io/zone": ["a"], "topology.kubernetes.io/region": ["r"] },
                      { "topology.kubernetes.io/zone": ["c"] }]"#,
    ),
    (
        "pv-legacy",
        Kind::Pv,
        r#"name: old, capacity: 10Gi, access: RWO, reclaim: Retain,
           source: gce_pd { pd_name: "disk-1", fs_type: "ext4", partition: 1 }"#,
    ),
    (
        "storage-class",
        Kind::StorageClass,
        r#"name: fast, provisioner: "pd.csi.storage.gke.io", parameters: { type: pd-ssd },
           binding: WaitForFirstConsumer, allow_expansion: true"#,
    ),
    (
        "deployment",
        Kind::Deployment,
        r#"name: web, replicas: 3, strategy: RollingUpdate { max_surge: 1, max_unavailable: "25%" },
           min_ready: 5, image: "nginx:1.27", port: http 80,
           mount: content => "/srv" read_only, volume content: claim web-content read_only"#,
    ),
    (
        "daemonset",
        Kind::DaemonSet,
        r#"name: agent, update: RollingUpdate { max_surge: "10%", max_unavailable: 0 },
           min_ready: 5, node_selector: { "kubernetes.io/os": linux }, image: "fluent/fluent-bit:3.1",
           mount: logs => "/var/log" read_only, volume logs: host_path "/var/log" Directory"#,
    ),
    (
        "pv-csi-secrets",
        Kind::Pv,
        r#"name: share, capacity: 10Gi, access: RWX,
           source: csi "file.csi.azure.com" "rg#acct#share" {
               node_stage_secret: default/azure-secret, controller_expand_secret: kube-system/expand }"#,
    ),
    (
        "config-map-secret-pdb",
        Kind::Manifests,
        r#"config_map { name: app, data: { app.conf: "x=1" }, immutable: true },
           secret { name: tls, type: "kubernetes.io/tls", string_data: { tls.crt: "C", tls.key: "K" } },
           deployment { name: web, image: "nginx", mount: conf => "/etc/app", volume conf: config_map app },
           pdb { name: web, max_unavailable: 1, selector: { app: web } }"#,
    ),
    (
        "snapshots",
        Kind::Manifests,
        r#"storage_class { name: csi, provisioner: "hostpath.csi.k8s.io" },
           volume_snapshot_class { name: snap, driver: "hostpath.csi.k8s.io", deletion: Retain },
           volume_attributes_class { name: gold, driver: "hostpath.csi.k8s.io", parameters: { iops: "5000" } },
           pvc { name: data, access: RWO, request: 1Gi, class: csi, attributes_class: gold },
           volume_snapshot { name: nightly, claim: data, class: snap },
           pvc { name: restored, access: RWO, request: 1Gi, class: csi, snapshot: nightly },
           external_secrets: [creds]"#,
    ),
    (
        "manifests",
        Kind::Manifests,
        r#"namespace: apps,
           pvc { name: data, access: RWO, request: 1Gi, class: "std" },
           storage_class { name: std, provisioner: "example.com/p" }"#,
    ),
    (
        "manifests-externals",
        Kind::Manifests,
        r#"assume_default_class: true,
           external_services: [web],
           external_claims: ["apps/logs"],
           external_config_maps: ["apps/settings"],
           secret { name: creds, data: { username: "YWRtaW4=" }, string_data: { password: "p" } },
           config_map { name: bin, binary_data: { k: "AAE=" } },
           statefulset { name: web, image: "nginx", service_in_set: true },
           pvc { name: data, access: RWO, request: 1Gi }"#,
    ),
    (
        "service",
        Kind::Service,
        r#"name: web, type: NodePort, selector: { app: web },
           port: http 80 => web node_port 30080, session_affinity: ClientIP { timeout: 600 },
           external_traffic: Local"#,
    ),
    (
        "pod-settings",
        Kind::Pod,
        r#"name: p, image: "busybox",
           security: { fs_group: 1000, seccomp: RuntimeDefault },
           node_affinity: required { "topology.kubernetes.io/zone" In [a] },
           pod_anti_affinity: preferred 100 { app: p } on "kubernetes.io/hostname",
           toleration: { operator: Exists },
           spread: { max_skew: 1, topology: "kubernetes.io/hostname", when_unsatisfiable: ScheduleAnyway },
           dns_policy: Default, priority_class: high, image_pull_secrets: [reg],
           volume t: projected { sources: [service_account_token "token"] }"#,
    ),
    (
        "interpolation",
        Kind::StatefulSet,
        r#"name: {name}, image: "nginx", replicas: {replicas}, claim: {size} RWO"#,
    ),
];

fn expansion(kind: Kind, body: &str) -> String {
    let input = TokenStream::from_str(&format!("::kvol; {body}")).expect("the body lexes");
    let out = kvol_dsl::expand(kind, input);
    let file: syn::File = syn::parse_str(&format!("fn expansion() {{ {out} }}"))
        .expect("the expansion is a Rust expression");
    prettyplease::unparse(&file)
}

#[test]
fn expansions_match_their_snapshots() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/expansions");
    let bless = std::env::var_os("KVOL_BLESS").is_some();
    let mut stale = Vec::new();
    for (name, kind, body) in CASES {
        let got = expansion(*kind, body);
        let path = dir.join(format!("{name}.rs"));
        if bless {
            std::fs::write(&path, &got).expect("snapshot written");
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != got {
            stale.push(format!("{name}:\n{got}"));
        }
    }
    assert!(
        stale.is_empty(),
        "expansions differ from tests/expansions/ (KVOL_BLESS=1 to accept):\n{}",
        stale.join("\n")
    );
}

#[test]
fn base64_maps_refuse_what_is_not_base64() {
    let input = TokenStream::from_str(r#"::kvol; name: s, data: { k: "not base64!" }"#)
        .expect("the body lexes");
    let out = kvol_dsl::expand(Kind::Secret, input).to_string();
    assert!(out.contains("compile_error"), "{out}");
    assert!(
        out.contains(r#"\"not base64!\" is not base64: `data` holds base64 text"#),
        "{out}"
    );
}
