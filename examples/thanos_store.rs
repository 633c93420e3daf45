//! A production-style object-store gateway, written in full with the DSL, and hardened:
//! kube-thanos' Thanos Store (StatefulSet `thanos-store` in namespace `thanos`) — one replica
//! running as a non-root user with a read-only root filesystem, no capabilities and the
//! runtime's seccomp profile, its bucket configuration read from a Secret, its node's IP from
//! the downward API, its block cache on a 10Gi claim.
//!
//! Source: thanos-io/kube-thanos, `examples/all/manifests/thanos-store-statefulSet.yaml`
//! (commit 55d4a7c28b2b6c8310cee030c6b319868ec9bd62); Apache-2.0. `tests/realworld_examples.rs`
//! checks that this set means what that file says, leaf for leaf, reading it where it is
//! (`../shared/realworld/docs/`); kvol's own reference is
//! `kvol-core/tests/data/reference/11-thanos-store.yaml`.
//!
//! Run: `cargo run --example thanos_store`.
//!
//! Every field is written with the DSL; nothing goes through the escape hatch. The original
//! file holds the StatefulSet alone: its governing Service `thanos-store` (a separate file of
//! kube-thanos) and the Secret `thanos-objectstorage` (made by whoever deploys it, with their
//! bucket's credentials) are declared external, so kvol writes neither, and the set says its
//! Service is not to be generated (`service_in_set`). The claim template names no class: the
//! cluster's default class provisions it (`assume_default_class`). The pods carry one label
//! more than the set selects them by (`app.kubernetes.io/version`), as in the original; the
//! claim template's labels are the three selected ones.
//!
//! What kvol checks: the governing Service is in the set or declared external (without
//! `external_services` the set is refused); the selector matches the pod labels; the mount
//! `data` names the claim template; `status.hostIP` is a field path the downward API serves to
//! environment variables; the probes' ports, the resources (requests within limits), the
//! anti-affinity's weight and selector, and both security contexts (user and group ids, the
//! `RuntimeDefault` seccomp profile, the capabilities) follow the API server's rules; the
//! `secretKeyRef` names a Secret of the set or an external one: without `external_secrets`
//! the set is refused (the kubelet would never start the container), and since the external
//! Secret's keys are not known, its key `thanos.yaml` is not checked.

use kvol::{Manifests, Valid};

/// The set: the StatefulSet, with its Service and Secret declared external.
pub fn manifests() -> Valid<Manifests> {
    kvol::manifests! {
        assume_default_class: true,
        external_services: ["thanos/thanos-store"],
        external_secrets: ["thanos/thanos-objectstorage"],
        statefulset {
            name: thanos-store,
            namespace: thanos,
            set_labels: {
                app.kubernetes.io/component: object-store-gateway,
                app.kubernetes.io/instance: thanos-store,
                app.kubernetes.io/name: thanos-store,
                app.kubernetes.io/version: v0.30.2,
            },
            selector: {
                app.kubernetes.io/component: object-store-gateway,
                app.kubernetes.io/instance: thanos-store,
                app.kubernetes.io/name: thanos-store,
            },
            labels: {
                app.kubernetes.io/component: object-store-gateway,
                app.kubernetes.io/instance: thanos-store,
                app.kubernetes.io/name: thanos-store,
                app.kubernetes.io/version: v0.30.2,
            },
            service: thanos-store,
            service_in_set: true,
            replicas: 1,
            pod_anti_affinity: preferred 100 {
                app.kubernetes.io/name In [thanos-store],
                app.kubernetes.io/instance In [thanos-store],
            } on "kubernetes.io/hostname" namespaces [thanos],
            node_selector: { kubernetes.io/os: linux },
            security: {
                fs_group: 65534,
                run_as_group: 65532,
                run_as_non_root: true,
                run_as_user: 65534,
                seccomp: RuntimeDefault,
            },
            service_account: thanos-store,
            grace: 120s,
            container thanos-store {
                image: "quay.io/thanos/thanos:v0.30.2",
                pull: IfNotPresent,
                args: [
                    "store",
                    "--log.level=info",
                    "--log.format=logfmt",
                    "--data-dir=/var/thanos/store",
                    "--grpc-address=0.0.0.0:10901",
                    "--http-address=0.0.0.0:10902",
                    "--objstore.config=$(OBJSTORE_CONFIG)",
                    "--ignore-deletion-marks-delay=24h",
                    r#"--index-cache.config="config":
  "addresses":
  - "dnssrv+_client._tcp.<MEMCACHED_SERVICE>.thanos"
  "dns_provider_update_interval": "10s"
  "max_async_buffer_size": 10000
  "max_async_concurrency": 20
  "max_get_multi_batch_size": 0
  "max_get_multi_concurrency": 100
  "max_idle_connections": 100
  "max_item_size": "1MiB"
  "timeout": "500ms"
"type": "memcached""#,
                    r#"--store.caching-bucket.config="blocks_iter_ttl": "5m"
"chunk_object_attrs_ttl": "24h"
"chunk_subrange_size": 16000
"chunk_subrange_ttl": "24h"
"config":
  "addresses":
  - "dnssrv+_client._tcp.<MEMCACHED_SERVICE>.thanos"
  "dns_provider_update_interval": "10s"
  "max_async_buffer_size": 10000
  "max_async_concurrency": 20
  "max_get_multi_batch_size": 0
  "max_get_multi_concurrency": 100
  "max_idle_connections": 100
  "max_item_size": "1MiB"
  "timeout": "500ms"
"max_chunks_get_range_requests": 3
"metafile_content_ttl": "24h"
"metafile_doesnt_exist_ttl": "15m"
"metafile_exists_ttl": "2h"
"metafile_max_size": "1MiB"
"type": "memcached""#,
                    r#"--tracing.config="config":
  "sampler_param": 2
  "sampler_type": "ratelimiting"
  "service_name": "thanos-store"
"type": "JAEGER""#,
                ],
                env: {
                    OBJSTORE_CONFIG: secret(thanos-objectstorage, "thanos.yaml"),
                    HOST_IP_ADDRESS: field("status.hostIP"),
                },
                port: grpc 10901,
                port: http 10902,
                liveness: http_get "/-/healthy" 10902 scheme HTTP
                    { failure_threshold: 8, period: 30, timeout: 1 },
                readiness: http_get "/-/ready" 10902 scheme HTTP
                    { failure_threshold: 20, period: 5 },
                requests: { cpu: 0.123, memory: 123Mi },
                limits: { cpu: 0.42, memory: 420Mi },
                security: {
                    allow_privilege_escalation: false,
                    capabilities: { drop: [ALL] },
                    read_only_root_filesystem: true,
                    run_as_group: 65532,
                    run_as_non_root: true,
                    run_as_user: 65534,
                    seccomp: RuntimeDefault,
                },
                termination_message_policy: FallbackToLogsOnError,
                mount: data => "/var/thanos/store",
            },
            claim: data 10Gi RWO {
                labels: {
                    app.kubernetes.io/component: object-store-gateway,
                    app.kubernetes.io/instance: thanos-store,
                    app.kubernetes.io/name: thanos-store,
                },
            },
        },
    }
}

#[allow(dead_code)] // tests/examples.rs includes this file as a module
fn main() {
    print!("{}", manifests().to_yaml());
}
