//! A production-style database, written in full with the DSL: Google's Redis Cluster sample
//! for GKE — six Redis nodes (StatefulSet `redis`) spread over nodes, with their configuration
//! and probe scripts in ConfigMaps, a headless Service `redis-cluster` declared on its own, and
//! a PodDisruptionBudget that keeps three of them up.
//!
//! Source: GoogleCloudPlatform/kubernetes-engine-samples, `quickstarts/hello-app-redis/
//! manifests/`: `redis-cluster.yaml`, `redis-configmap.yaml`, `redis-service.yaml` (commit
//! d3ed65381336c50bb5562b6b13bb425bc6b5d27a) and `pdb-minavailable.yaml` (commit
//! 925847cef6a4b4d1ebd08e5b581ce54109281bdd); Apache-2.0. `tests/realworld_examples.rs` checks
//! that this set means what those four files say, leaf for leaf, reading them where they are
//! (`../shared/realworld/docs/`); kvol's own reference is
//! `kvol-core/tests/data/reference/10-gke-redis-cluster.yaml`.
//!
//! Run: `cargo run --example gke_redis_cluster`.
//!
//! Every field is written with the DSL; nothing goes through the escape hatch. The pods carry
//! one label more than the set selects them by (`selector:`), as in the original. The claim
//! template names no class: the cluster's default class provisions it (`default_class`
//! declares the one GKE has; it is not written out).
//!
//! What kvol checks: the Service declared in the set (`service_in_set`) is headless, named like
//! `serviceName` and selects the pods; the selector matches the pod labels; the mounts name the
//! two ConfigMap volumes and the claim template, and the ConfigMaps are in the set; the startup
//! probe's named port exists; the budget selects the pods and, at 3 of 6, still allows
//! evictions.

use kvol::{Manifests, Valid};

/// The set: two ConfigMaps, the headless Service, the StatefulSet, the PodDisruptionBudget.
pub fn manifests() -> Valid<Manifests> {
    kvol::manifests! {
        default_class: standard-rwo,
        config_map {
            name: redis-cluster,
            data: {
                "redis.conf": r#"cluster-enabled yes
cluster-node-timeout 15000
cluster-config-file /data/nodes.conf
appendonly yes
protected-mode no
dir /data
port 6379
"#,
            },
        },
        config_map {
            name: redis-probes,
            data: {
                "readiness.sh": r#"#!/bin/sh

pingResponse="$(redis-cli -h localhost ping)"
if [ "$?" -eq "124" ]; then
  echo "PING timed out"
  exit 1
fi

if [ "$pingResponse" != "PONG"]; then
  echo "$pingResponse"
  exit 1
fi"#,
                "liveness.sh": r#"#!/bin/sh

pingResponse="$(redis-cli -h localhost ping | head -n1 | awk '{print $1;}')"
if [ "$?" -eq "124" ]; then
  echo "PING timed out"
  exit 1
fi

if [ "$pingResponse" != "PONG"] && [ "$pingResponse" != "LOADING" ] && [ "$pingResponse" != "MASTERDOWN" ]; then
  echo "$pingResponse"
  exit 1
fi"#,
            },
        },
        service {
            name: redis-cluster,
            type: ClusterIP,
            headless: true,
            selector: { app: redis, appCluster: redis-cluster },
            port: redis-port 6379 TCP => 6379,
            session_affinity: None,
        },
        statefulset {
            name: redis,
            service: redis-cluster,
            service_in_set: true,
            labels: { app: redis, appCluster: redis-cluster },
            selector: { app: redis },
            replicas: 6,
            grace: 20s,
            pod_anti_affinity: preferred 100 { app In [redis] } on "kubernetes.io/hostname",
            container redis {
                image: "redis:6.2",
                command: ["redis-server"],
                args: ["/conf/redis.conf", "--protected-mode", "no"],
                requests: { cpu: 100m, memory: 100Mi },
                port: redis 6379 TCP,
                port: cluster 16379 TCP,
                startup: tcp redis
                    { period: 5, timeout: 5, success_threshold: 1, failure_threshold: 20 },
                liveness: exec ["sh", "-c", "/probes/liveness.sh"]
                    { period: 5, timeout: 5, success_threshold: 1, failure_threshold: 5 },
                readiness: exec ["sh", "-c", "/probes/readiness.sh"]
                    { period: 5, timeout: 1, success_threshold: 1, failure_threshold: 5 },
                mount: conf => "/conf",
                mount: data => "/data",
                mount: probes => "/probes" read_only,
            },
            volume conf: config_map redis-cluster { default_mode: 0o755 },
            volume probes: config_map redis-probes { default_mode: 0o555 },
            claim: data 1Gi RWO,
        },
        pdb { name: redis-pdb, min_available: 3, selector: { app: redis } },
    }
}

#[allow(dead_code)] // tests/examples.rs includes this file as a module
fn main() {
    print!("{}", manifests().to_yaml());
}
