//! A production-style database, written in full with the DSL: Google's stateful MySQL sample
//! for GKE — a three-member MySQL InnoDB cluster (StatefulSet `dbc1` with its headless Service
//! `mysql`), the Secret its passwords come from, a retained, expandable `pd-balanced` class and
//! a PodDisruptionBudget that lets one member go at a time.
//!
//! Source: GoogleCloudPlatform/kubernetes-engine-samples, `databases/gke-stateful-mysql/
//! kubernetes/`: `c1-mysql.yaml` (commit 860a93834e1818adf6a345cd46cd9a2dc8937b76),
//! `secret.yaml`, `storageclass.yaml` and `mysql-pdb-maxunavailable.yaml` (commit
//! d3ed65381336c50bb5562b6b13bb425bc6b5d27a); Apache-2.0. `tests/realworld_examples.rs` checks
//! that this set means what those four files say, leaf for leaf, reading them where they are
//! (`../shared/realworld/docs/`); kvol's own reference is
//! `kvol-core/tests/data/reference/09-gke-stateful-mysql.yaml`.
//!
//! Run: `cargo run --example gke_stateful_mysql`.
//!
//! Every field is written with the DSL; nothing goes through the escape hatch. The claim
//! template's labels and `volumeMode` are options of `claim:`; the Secret's `data` is the
//! original's base64 (both passwords are `Password$123456`), checked at compile time.
//!
//! What kvol checks: the governing Service is generated from the set (its ports are the
//! named container ports, its selector the pod labels); the mount `mysql` names the claim
//! template; the claim's class is in the set; the probes, resources, anti-affinity and spread
//! constraint follow the API server's rules; the budget selects the set's pods and still allows
//! an eviction (1 of 3 may go); the `secretKeyRef`s name the Secret of the set and keys it has
//! (`password`, `admin-password`), or the kubelet would never start the containers
//! (CreateContainerConfigError).

use kvol::{Manifests, Valid};

/// The set: StorageClass, Secret, the StatefulSet with its Service, the PodDisruptionBudget.
pub fn manifests() -> Valid<Manifests> {
    kvol::manifests! {
        storage_class {
            name: fast-storageclass,
            provisioner: "pd.csi.storage.gke.io",
            binding: WaitForFirstConsumer,
            reclaim: Retain,
            allow_expansion: true,
            parameters: { type: pd-balanced },
        },
        secret {
            name: mysql-secret,
            type: "Opaque",
            data: { password: "UGFzc3dvcmQkMTIzNDU2", admin-password: "UGFzc3dvcmQkMTIzNDU2" },
        },
        statefulset {
            name: dbc1,
            set_labels: { app: mysql },
            service: mysql,
            labels: { app: mysql },
            replicas: 3,
            spread: {
                max_skew: 1,
                topology: "topology.kubernetes.io/zone",
                when_unsatisfiable: DoNotSchedule,
                selector: { app: mysql },
            },
            pod_anti_affinity: required { app In [mysql] } on "kubernetes.io/hostname",
            container mysql {
                image: "mysql/mysql-server:8.0.28",
                command: ["/bin/bash"],
                args: [
                    "-c",
                    "/entrypoint.sh --server-id=$((20 +  $(echo $HOSTNAME | grep -o '[^-]*$') + 1)) \
                     --report-host=${HOSTNAME}.mysql.mysql1.svc.cluster.local \
                     --binlog-checksum=NONE --enforce-gtid-consistency=ON --gtid-mode=ON \
                     --default-authentication-plugin=mysql_native_password",
                ],
                env: {
                    MYSQL_ROOT_PASSWORD: secret(mysql-secret, password),
                    MYSQL_ADMIN_PASSWORD: secret(mysql-secret, admin-password),
                    MYSQL_ROOT_HOST: "%",
                },
                port: mysql 3306,
                port: mysqlx 33060,
                port: xcom 33061,
                requests: { cpu: 500m, ephemeral-storage: 1Gi, memory: 1Gi },
                limits: { cpu: 500m, ephemeral-storage: 1Gi, memory: 1Gi },
                mount: mysql => "/var/lib/mysql" sub_path "mysql",
                readiness: exec ["bash", "-c", "mysql -h127.0.0.1 -uroot -p$MYSQL_ROOT_PASSWORD -e'SELECT 1'\n"]
                    { initial_delay: 30, period: 2, timeout: 1 },
                liveness: exec ["bash", "-c", "mysqladmin -uroot -p$MYSQL_ROOT_PASSWORD ping\n"]
                    { initial_delay: 30, period: 10, timeout: 5 },
            },
            update: RollingUpdate { partition: 0 },
            claim: mysql 10Gi RWO "fast-storageclass" {
                labels: { app: mysql },
                volume_mode: Filesystem,
            },
        },
        pdb { name: mysql-pdb, max_unavailable: 1, selector: { app: mysql } },
    }
}

#[allow(dead_code)] // tests/examples.rs includes this file as a module
fn main() {
    print!("{}", manifests().to_yaml());
}
