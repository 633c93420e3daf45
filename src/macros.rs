//! The user-facing macros: `macro_rules!` shims that pass `$crate` to the procedural macros, so
//! expansions reach kvol through whatever name the user's Cargo.toml gives it.
//!
//! # Common syntax
//!
//! Every macro takes `key: value` entries separated by commas, in braces or parentheses, and
//! evaluates to the same [`Valid<T>`](crate::Valid) the builder API returns (render it with
//! `.to_yaml()`). Everything is checked while the crate compiles, with kvol-core's rules; every
//! problem is reported at once, at the token that is wrong, with "did you mean" for misspelt
//! keys, modes and enum values.
//!
//! | value | written as |
//! | --- | --- |
//! | names | identifiers (`web`), hyphenated identifiers (`mongo-pvc`), or strings (`"0day"`) |
//! | sizes | quantity literals `1Gi`, `500Mi`, `1.5Gi`, `100m`, or a string where Rust cannot lex the literal: `"1Ei"`, `"2E"` (rustc itself rejects `1Ei` with "expected at least one digit in exponent") |
//! | access modes | `RWO`, `ROX`, `RWX`, `RWOP` or the full names, joined with `\|`: `RWO \| ROX` |
//! | enum values | identifiers: `Retain`, `WaitForFirstConsumer`, `Directory`, … |
//! | maps | `{ app: web, "app.kubernetes.io/part-of": shop }` |
//! | lists | `["a", "b"]` |
//! | file modes | octal literals `0o644` (a leading-zero `0644` is rejected: Rust reads it as decimal) |
//! | a class | `"standard"`, or `""` for "no class" (static binding only); leaving it out means the cluster's default class |
//!
//! # Interpolation
//!
//! `{expr}` interpolates a Rust value whose **type** carries the guarantee a literal would have
//! been checked for, so a macro that compiled cannot build an invalid object at run time:
//!
//! | where | type |
//! | --- | --- |
//! | Pod, PVC, PV, StorageClass names, claim names, class names | [`names::Dns1123Subdomain`](crate::names::Dns1123Subdomain) (or a narrower name type) |
//! | StatefulSet names, namespaces | [`names::Dns1123Label`](crate::names::Dns1123Label); a StatefulSet without `service:` needs [`names::Dns1035Label`](crate::names::Dns1035Label) (its Service is named like it) |
//! | `service:` | [`names::Dns1035Label`](crate::names::Dns1035Label) |
//! | label keys / values | [`names::QualifiedName`](crate::names::QualifiedName) / [`names::LabelValue`](crate::names::LabelValue) |
//! | sizes | [`PositiveQuantity`](crate::PositiveQuantity) |
//! | counts (`replicas`, `grace`, `min_ready`, …) | `u16` or `u8` |
//! | port numbers | [`std::num::NonZeroU16`] |
//!
//! The macro checks interpolated values with placeholders at both ends of their type's range
//! (and mixed); a rule that would fail for some values is a compile error that says so. Names
//! that other entries refer to (volumes, containers, claim templates, ports) must be literals:
//! their uniqueness and references are checked at compile time. Inside [`manifests!`](crate::manifests!) every
//! value must be a literal, because the objects are checked against each other; for run-time
//! values build the objects with the single-object macros and check the set at run time:
//!
//! ```
//! use kvol::{Manifests, PositiveQuantity, Valid, names::Dns1123Subdomain};
//! let claim: Dns1123Subdomain = "data".parse()?;
//! let size: PositiveQuantity = "5Gi".parse()?;
//! let pvc = kvol::pvc! { name: {claim}, access: RWO, request: {size}, class: "standard" };
//! let class = kvol::storage_class! { name: standard, provisioner: "pd.csi.storage.gke.io" };
//! let set = Valid::new(Manifests::new().with(pvc).with(class))?; // cross-object checks
//! assert_eq!(set.len(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Warnings
//!
//! What Kubernetes accepts but is risky or deprecated (removed in-tree plugins, `Recycle`,
//! `grace: 0` on a StatefulSet, a hostPath without a type, in-tree provisioners, …) is a
//! compiler warning at the token: kvol-core's own message, what to write instead, and the
//! field. rustc prints it as "use of deprecated unit struct `…::NAME`"; to accept one, add
//! `allow: [NAME]` to that object, which silences exactly that warning there and leaves real
//! deprecations (and `#![deny(deprecated)]`) alone. The warnings stay on the value
//! (`.warnings()`).
//!
//! ```
//! let pv = kvol::pv! {
//!     name: scratch,
//!     capacity: 5Gi,
//!     access: RWX,
//!     reclaim: Recycle,
//!     source: nfs "nfs.example.com" "/exports/scratch",
//!     allow: [recycle_reclaim_policy],
//! };
//! assert_eq!(pv.warnings().len(), 1);
//! ```

/// A StatefulSet with its headless Service, checked at compile time.
///
/// Compact form: one container named like the set.
///
/// ```
/// let web = kvol::statefulset! {
///     name: web,
///     image: "registry.k8s.io/nginx-slim:0.8",
///     replicas: 3,
///     claim: 1Gi RWO "standard",
/// };
/// let yaml = web.to_yaml(); // headless Service + StatefulSet
/// assert!(yaml.contains("clusterIP: None"));
/// assert!(yaml.contains("mountPath: /data"));
/// ```
///
/// Full form (the seed's `web` set):
///
/// ```
/// let web = kvol::statefulset! {
///     name: web,
///     service: nginx,
///     labels: { app: nginx },
///     replicas: 3,
///     grace: 10s,
///     container nginx {
///         image: "registry.k8s.io/nginx-slim:0.8",
///         port: web 80,
///         mount: www => "/usr/share/nginx/html",
///     },
///     claim: www 1Gi RWO "standard",
///     update: RollingUpdate { partition: 0 },
///     pod_management: OrderedReady,
///     retention: { deleted: Retain, scaled: Delete },
/// };
/// assert_eq!(web.spec.service_name, "nginx");
/// assert_eq!(web.service.spec.ports[0].name.as_deref(), Some("web"));
/// ```
///
/// Keys:
///
/// - `name`, `namespace`, `labels` (the pods' labels, the selector and the Service's selector;
///   default `{ app: NAME }`), `annotations`, `service` (default: the set's name);
/// - `replicas`, `min_ready`, `ordinals_start`, `revision_history`, `grace` (`10s` or `10`),
///   `publish_not_ready: true`, `service_account`, `node_selector: { … }`;
/// - compact form: `image`, `port: [NAME] NUMBER [TCP|UDP|SCTP]`, `mount: VOLUME => "/path"
///   [read_only] [sub_path "x"]`;
/// - full form: `container NAME { image, port, mount, command: [..], args: [..], env: { … } }`,
///   `init_container NAME { … }`, `volume NAME: SOURCE` (see [`pod!`](crate::pod!));
/// - `claim: [NAME] SIZE MODES [CLASS] [{ labels: { … }, annotations: { … }, volume_mode:
///   Filesystem | Block, selector: { … } }] [=> PATH]` (the options may also follow the path):
///   a claim template; NAME defaults to `data`;
///   with `=> PATH` it is mounted into the compact container (or every container of the full
///   form), without it the compact container mounts it at `/data`; repeat `claim:` for more;
/// - `update: RollingUpdate [{ partition: N, max_unavailable: N | "N%" }]` or `OnDelete`;
/// - `pod_management: OrderedReady | Parallel`;
/// - `retention: { deleted: Retain | Delete, scaled: Retain | Delete }`;
/// - `set_labels: { … }`: the StatefulSet object's own labels;
/// - `selector: { app: db, tier In [a, b], canary DoesNotExist }`: what the set selects its
///   pods by, labels and expressions (`In`, `NotIn`, `Exists`, `DoesNotExist`), when the pods
///   carry more labels (default: all of `labels`; it must match them); `pod_annotations: { … }`:
///   the pods' annotations;
/// - the headless Service: `service_labels: { … }` (default: the pod labels),
///   `service_annotations: { … }`, `service_ports: [NAME, …]` (which named container ports it
///   exposes), `service_port: NAME NUMBER [PROTOCOL] [=> TARGET]` (a port written out in full;
///   repeat for more); or `service_in_set: true`: the governing Service is declared separately
///   as a `service { … }` of the same [`manifests!`](crate::manifests!) block (headless, named
///   like `service`, selecting the pods), and the StatefulSet is written without its own;
/// - the pod-level settings of [`pod!`](crate::pod!) (`security`, affinity, `toleration`,
///   `spread`, …).
///
/// Named container ports become the headless Service's ports (unless `service_ports` or
/// `service_port` say otherwise).
#[macro_export]
macro_rules! statefulset {
    ($($t:tt)*) => { $crate::__private::statefulset_impl!($crate; $($t)*) };
}

/// A Pod, checked at compile time.
///
/// ```
/// let pod = kvol::pod! {
///     name: count,
///     container html-generator {
///         image: "gasbugs/count",
///         mount: html => "/var/htdocs",
///     },
///     container web-server {
///         image: "httpd",
///         port: 80,
///         mount: html => "/usr/local/apache2/htdocs" read_only,
///     },
///     volume html: empty_dir,
/// };
/// assert_eq!(pod.spec.containers.len(), 2);
/// ```
///
/// Keys: `name`, `namespace`, `labels`, `annotations`, `restart: Always | OnFailure | Never`,
/// `grace`, `service_account`, `node_selector`, the compact form's `image`/`port`/`mount` (one
/// container named like the pod), `container NAME { … }`, `init_container NAME { … }` and
/// volumes:
///
/// | volume | syntax |
/// | --- | --- |
/// | emptyDir | `volume tmp: empty_dir`, `empty_dir memory`, `empty_dir 1Gi`, `empty_dir memory 64Mi` |
/// | hostPath | `volume html: host_path "/var/htdocs" Directory` (type optional, with a warning) |
/// | nfs | `volume share: nfs "10.0.2.5" "/home/nfs" [read_only]` |
/// | persistentVolumeClaim | `volume data: claim mongo-pvc [read_only]` |
/// | configMap / secret | `volume cfg: config_map app-config { default_mode: 0o644, optional: true, items: ["key" => "path" [0o600]] }` (options optional; same for `secret`) |
/// | downwardAPI | `volume info: downward_api { items: ["labels" => field "metadata.labels", "mem" => resource app "limits.memory" 1Mi] }` |
/// | csi (inline) | `volume s: csi "secrets-store.csi.k8s.io" { read_only: true, fs_type: ext4, attributes: { k: v }, secret: name }` |
/// | ephemeral | `volume scratch: ephemeral 10Gi RWO "fast"` (options as a claim template's: `{ labels: { … } }`) |
/// | projected | `volume token: projected { default_mode: 0o440, sources: [service_account_token "token" { audience: "vault", expiration: 3600 }, config_map ca { items: [..] }, secret creds] }` |
///
/// Pod-level settings (also in [`statefulset!`](crate::statefulset!)):
///
/// - `security: { fs_group: 999, fs_group_change: OnRootMismatch, run_as_user: 999,
///   run_as_group: 999, run_as_non_root: true, supplemental_groups: [5], seccomp: RuntimeDefault
///   | Unconfined | Localhost "profile.json" }`;
/// - `node_affinity: required { "topology.kubernetes.io/zone" In [a, b] }` or `node_affinity:
///   preferred 10 { … }` (repeat for more terms; operators `In`, `NotIn`, `Exists`,
///   `DoesNotExist`, `Gt`, `Lt`; `field metadata.name In [node-1]` for `matchFields`);
/// - `pod_affinity:` / `pod_anti_affinity: required { app In [db] } on "kubernetes.io/hostname"`
///   or `preferred 100 { app: db } on "…" [namespaces [ns]]` (the selector takes `key: value`
///   labels and `key OP [values]` expressions);
/// - `toleration: { key: "…", operator: Exists | Equal, value: "…", effect: NoSchedule |
///   PreferNoSchedule | NoExecute, seconds: 30 }` (repeat for more);
/// - `spread: { max_skew: 1, topology: "topology.kubernetes.io/zone", when_unsatisfiable:
///   DoNotSchedule | ScheduleAnyway, selector: { app: db }, min_domains: 3 }` (repeat for more);
/// - `priority_class: NAME`, `image_pull_secrets: [NAME, …]`, `automount_token: false`,
///   `hostname: NAME`, `subdomain: NAME`, `dns_policy: ClusterFirst | ClusterFirstWithHostNet |
///   Default`, `service_links: false`.
///
/// Keys inside `container NAME { … }` and `init_container NAME { … }`:
///
/// | field | syntax |
/// | --- | --- |
/// | image, imagePullPolicy, workingDir | `image: "nginx:1.27"`, `pull: IfNotPresent`, `working_dir: "/srv"` |
/// | command, args | `command: ["sh", "-c"]`, `args: ["echo hi"]` |
/// | ports | `port: [NAME] NUMBER [TCP \| UDP \| SCTP] [host_port N]` (repeatable) |
/// | volumeMounts | `mount: VOLUME => "/path" [read_only] [sub_path "x" \| sub_path_expr "$(POD)"] [propagation HostToContainer] [recursive_read_only Enabled]` |
/// | volumeDevices | `device: VOLUME => "/dev/xvda"` (a Block-mode claim) |
/// | env | `env: { MODE: "fast", PASS: secret(NAME, KEY[, optional]), CFG: config_map(NAME, KEY[, optional]), POD: field("metadata.name"), MEM: resource("limits.memory"[, divisor: 1Mi][, container: NAME]) }` |
/// | envFrom | `env_from: config_map NAME [prefix "P_"] [optional]`, `env_from: secret NAME …` (repeatable) |
/// | resources | `requests: { cpu: 500m, memory: 1Gi, ephemeral-storage: 1Gi, hugepages-2Mi: 64Mi, "nvidia.com/gpu": 1 }`, `limits: { … }` |
/// | probes | `liveness:` / `readiness:` / `startup:` `exec ["cmd"]` \| `http_get "/path" PORT [https] [host "h"] [header "N" "V"]` \| `tcp PORT` \| `grpc N [service "s"]`, then optionally `{ initial_delay: 5, period: 10, timeout: 1, success_threshold: 1, failure_threshold: 3, grace: 30 }` (PORT: a number or a named port) |
/// | lifecycle | `post_start:` / `pre_stop:` `exec [..]` \| `http_get "/path" PORT` \| `sleep 5` |
/// | securityContext | `security: { run_as_user: 1000, run_as_group: 1000, run_as_non_root: true, read_only_root_filesystem: true, allow_privilege_escalation: false, privileged: false, capabilities: { add: [NET_ADMIN], drop: [ALL] }, seccomp: RuntimeDefault \| Localhost "profile.json" }` |
/// | restartPolicy | `restart: Always` (an init container that is a native sidecar) |
/// | termination message | `termination_message_policy: FallbackToLogsOnError`, `termination_message_path: "/dev/termination-log"` |
///
/// ```
/// let pod = kvol::pod! {
///     name: hostpath-http,
///     image: "httpd",
///     port: 80,
///     mount: html => "/usr/local/apache2/htdocs",
///     volume html: host_path "/var/htdocs" Directory,
/// };
/// assert_eq!(pod.spec.containers[0].name, "hostpath-http");
/// ```
#[macro_export]
macro_rules! pod {
    ($($t:tt)*) => { $crate::__private::pod_impl!($crate; $($t)*) };
}

/// A PersistentVolumeClaim, checked at compile time.
///
/// ```
/// let pvc = kvol::pvc! {
///     name: mongo-pvc,
///     access: RWO,
///     request: 1Gi,
///     class: "",              // no class: binds only to PVs without a class
/// };
/// assert_eq!(pvc.spec.resources.requests.to_string(), "1Gi");
/// ```
///
/// Keys: `name`, `namespace`, `labels`, `annotations`, `access`, `request`, `limit`, `class`
/// (`"name"`, `""`, or leave it out for the cluster default), `volume_mode: Filesystem |
/// Block`, `volume_name: PV`, `selector: { k: v, k In [..], k NotIn [..], k Exists, k
/// DoesNotExist }` (the PersistentVolumes it may bind), `data_source: { kind, name, api_group }`,
/// `data_source_ref: { kind, name, api_group, namespace }`.
#[macro_export]
macro_rules! pvc {
    ($($t:tt)*) => { $crate::__private::pvc_impl!($crate; $($t)*) };
}

/// A PersistentVolume, checked at compile time.
///
/// ```
/// let pv = kvol::pv! {
///     name: data-0,
///     capacity: 10Gi,
///     access: RWO | ROX,
///     reclaim: Retain,
///     class: "",
///     source: nfs "10.0.2.5" "/exports/data-0",
/// };
/// assert_eq!(pv.spec.access_modes.len(), 2);
/// ```
///
/// Keys: `name`, `labels`, `annotations`, `capacity`, `access`, `reclaim: Retain | Delete |
/// Recycle` (`Recycle` warns), `class`, `volume_mode`, `mount_options: [..]`, `node_affinity:
/// hostname ["node-1"]` or `node_affinity: { "topology.kubernetes.io/zone" In [a], disk Exists,
/// field metadata.name In [node-1] }` (a node selector term: every operator, `field` for
/// `matchFields`; repeat `node_affinity:` for more terms, any of which may hold), `claim_ref:
/// NAMESPACE/NAME`, and `source:` one of
///
/// - `host_path "PATH" [TYPE]`, `local "PATH"`, `nfs "SERVER" "PATH" [read_only]`,
/// - `csi "DRIVER" "HANDLE" [{ fs_type: ext4, read_only: true, attributes: { … } }]`,
/// - `iscsi { target_portal: "…", iqn: "…", lun: 0, fs_type: ext4 }`,
/// - legacy in-tree plugins, accepted with a warning naming the CSI driver to use: `gce_pd {
///   pd_name: mongodb, fs_type: ext4 }`, `aws_ebs { volume_id }`, `azure_disk { disk_name,
///   disk_uri }`, `azure_file { secret_name, share_name }`, `cephfs { monitors: [..] }`,
///   `cinder { volume_id }`, `glusterfs { endpoints, path }`, `rbd { monitors: [..], image }`,
///   `vsphere { volume_path }`, `portworx { volume_id }`.
#[macro_export]
macro_rules! pv {
    ($($t:tt)*) => { $crate::__private::pv_impl!($crate; $($t)*) };
}

/// A StorageClass, checked at compile time.
///
/// ```
/// let class = kvol::storage_class! {
///     name: fast,
///     provisioner: "pd.csi.storage.gke.io",
///     parameters: { type: pd-ssd },
///     reclaim: Retain,                 // Delete or Retain; Recycle is an error
///     binding: WaitForFirstConsumer,
///     allow_expansion: true,
///     topology: { "topology.kubernetes.io/zone": ["europe-west1-b"] },
///     default: true,
/// };
/// assert!(class.is_default());
/// ```
///
/// Keys: `name`, `labels`, `annotations`, `provisioner`, `parameters`, `reclaim`, `binding`,
/// `allow_expansion`, `mount_options`, `topology`, `default`. `topology: { "KEY": [..], … }` is
/// one `allowedTopologies` term (its requirements all hold); `topology: [{ … }, { … }]` several
/// (any of them).
#[macro_export]
macro_rules! storage_class {
    ($($t:tt)*) => { $crate::__private::storage_class_impl!($crate; $($t)*) };
}

/// A Service of any type, checked at compile time: the client Service next to a StatefulSet's
/// headless one, or a headless Service on its own.
///
/// ```
/// let read = kvol::service! {
///     name: mysql-read,
///     labels: { app: mysql },
///     type: NodePort,
///     selector: { app: mysql },
///     port: mysql 3306 => mysql node_port 30306,
///     session_affinity: ClientIP { timeout: 600 },
///     external_traffic: Local,
/// };
/// assert_eq!(read.spec.ports[0].node_port, Some(30306));
///
/// let redis = kvol::service! {
///     name: redis-cluster,
///     headless: true,
///     selector: { app: redis },
///     port: redis-port 6379 TCP => 6379,
/// };
/// assert!(redis.is_headless());
/// ```
///
/// Keys: `name` (a DNS-1035 label), `namespace`, `labels`, `annotations`, `allow`, `type:
/// ClusterIP | NodePort | LoadBalancer`, `headless: true` (`clusterIP: None`), `cluster_ip:
/// "10.96.0.10"` (a fixed address, written as given), `selector: { … }`,
/// `port: [NAME] NUMBER [TCP|UDP|SCTP] [=> TARGET] [node_port N] [app_protocol "…"]` (TARGET: a
/// number or a container port's name; repeat `port:` for more), `session_affinity: None |
/// ClientIP [{ timeout: SECONDS }]`, `external_traffic: Cluster | Local`, `internal_traffic:
/// Cluster | Local`, `publish_not_ready: true`.
#[macro_export]
macro_rules! service {
    ($($t:tt)*) => { $crate::__private::service_impl!($crate; $($t)*) };
}

/// Several objects, checked against each other at compile time with kvol-core's
/// [`Manifests`](crate::Manifests) rules: every mount names a volume or claim template, every
/// `claim` volume names a claim of the set (or `external_claims`), every claim's class exists
/// (in the set, `external_classes` or `default_class`), and a claim that cannot be provisioned
/// binds a PersistentVolume of the set — when none can, the error lists each volume and why.
///
/// ```
/// let set = kvol::manifests! {
///     pod {
///         name: mongodb,
///         image: "mongo",
///         mount: mongodb => "/data/db",
///         volume mongodb: claim mongo-pvc,
///     },
///     pvc { name: mongo-pvc, access: RWO, request: 1Gi, class: "" },
///     pv {
///         name: mongo-pv,
///         capacity: 1Gi,
///         access: RWO | ROX,
///         reclaim: Retain,
///         class: "",
///         source: gce_pd { pd_name: mongodb, fs_type: ext4 },
///         allow: [gce_persistent_disk_was_removed_in_kubernetes_1_28],
///     },
/// };
/// assert_eq!(set.len(), 3);
/// ```
///
/// Entries: `pod { … }`, `pvc { … }`, `pv { … }`, `storage_class { … }`, `service { … }`,
/// `statefulset { … }`, `deployment { … }`, `daemonset { … }`, `config_map { … }`, `secret { … }`, `pdb { … }`,
/// `volume_snapshot_class { … }`, `volume_snapshot { … }`, `volume_attributes_class { … }`
/// (each body as in the single-object macro), `namespace: NS` (where objects without one are
/// applied), `default_class: NAME`, `assume_default_class: true` (the cluster has a default
/// StorageClass, name unknown), `external_claims: [..]`, `external_classes: [..]`,
/// `external_config_maps`, `external_secrets`, `external_snapshots`,
/// `external_snapshot_classes`, `external_attributes_classes`, `external_services: [..]` (a
/// StatefulSet's governing Service outside the set); a namespaced external in another namespace
/// than the set's is written `"NAMESPACE/NAME"`. Values must be literals
/// (see the module documentation for run-time values).
#[macro_export]
macro_rules! manifests {
    ($($t:tt)*) => { $crate::__private::manifests_impl!($crate; $($t)*) };
}

/// A Deployment, checked at compile time: the pod keys of [`pod!`](crate::pod!) (compact or
/// full form; `labels` are the pods' labels and the selector, default `{ app: NAME }`), and
/// `replicas`, `strategy: Recreate` or `strategy: RollingUpdate [{ max_surge: N | "N%",
/// max_unavailable: N | "N%" }]`, `min_ready`, `revision_history`, `progress_deadline`,
/// `object_labels: { … }` (the Deployment object's own labels), `selector: { … }` (the
/// selector's labels when they are only some of the pod labels; default: all of them),
/// `pod_annotations: { … }` (the pods' annotations).
///
/// ```
/// let web = kvol::deployment! {
///     name: web,
///     replicas: 3,
///     strategy: RollingUpdate { max_surge: 1, max_unavailable: "25%" },
///     image: "nginx:1.27",
///     port: http 80,
///     mount: shared => "/usr/share/nginx/html" read_only,
///     volume shared: claim web-content read_only,
/// };
/// assert_eq!(web.spec.replicas, Some(3));
/// ```
#[macro_export]
macro_rules! deployment {
    ($($t:tt)*) => { $crate::__private::deployment_impl!($crate; $($t)*) };
}

/// A DaemonSet, checked at compile time: one pod on every node (or every node `node_selector`
/// picks). The pod keys of [`pod!`](crate::pod!) (compact or full form; `labels` are the pods'
/// labels and the selector, default `{ app: NAME }`), and `update: OnDelete` or
/// `update: RollingUpdate [{ max_surge: N | "N%", max_unavailable: N | "N%" }]` (unset limits:
/// `max_unavailable` 1, `max_surge` 0; exactly one may be non-zero), `min_ready`,
/// `revision_history`, `object_labels: { … }` (the DaemonSet object's own labels). No
/// `replicas`.
///
/// ```
/// let agent = kvol::daemonset! {
///     name: log-agent,
///     update: RollingUpdate { max_surge: 1, max_unavailable: 0 },
///     node_selector: { "kubernetes.io/os": linux },
///     image: "fluent/fluent-bit:3.1",
///     mount: logs => "/var/log" read_only,
///     volume logs: claim shared-logs read_only,
/// };
/// assert_eq!(agent.spec.selector.match_labels["app"], "log-agent");
/// ```
#[macro_export]
macro_rules! daemonset {
    ($($t:tt)*) => { $crate::__private::daemonset_impl!($crate; $($t)*) };
}

/// A ConfigMap, checked at compile time: `name`, `namespace`, `labels`, `annotations`,
/// `data: { "key": "value" }`, `binary_data: { "key": "BASE64" }`, `immutable: true`.
///
/// ```
/// let cm = kvol::config_map! { name: app-config, data: { "app.properties": "mode=prod" } };
/// assert_eq!(cm.data["app.properties"], "mode=prod");
/// ```
#[macro_export]
macro_rules! config_map {
    ($($t:tt)*) => { $crate::__private::config_map_impl!($crate; $($t)*) };
}

/// A Secret, checked at compile time: `name`, `namespace`, `labels`, `annotations`,
/// `type: "kubernetes.io/tls"` (default `Opaque`), `data: { "key": "base64" }` (literals, decoded
/// at compile time as the API server decodes them), `string_data: { "key": "value" }`,
/// `immutable: true`. The keys each well-known type needs are required.
///
/// ```
/// let s = kvol::secret! { name: db-auth, type: "kubernetes.io/basic-auth", string_data: { username: admin } };
/// assert_eq!(s.effective_type(), "kubernetes.io/basic-auth");
/// let t = kvol::secret! { name: token, data: { token: "czNjcjN0" } };
/// assert_eq!(t.value("token"), Some(&b"s3cr3t"[..]));
/// ```
#[macro_export]
macro_rules! secret {
    ($($t:tt)*) => { $crate::__private::secret_impl!($crate; $($t)*) };
}

/// A PodDisruptionBudget (`policy/v1`), checked at compile time: `name`, `namespace`,
/// `labels`, `annotations`, `min_available` or `max_unavailable` (`N` or `"N%"`),
/// `selector: { app: web }` (expressions too: `tier In [a, b]`, `canary DoesNotExist`),
/// `unhealthy_pod_eviction: IfHealthyBudget | AlwaysAllow`.
///
/// ```
/// let pdb = kvol::pdb! { name: web-pdb, min_available: 2, selector: { app: web } };
/// assert!(pdb.spec.min_available.is_some());
/// ```
#[macro_export]
macro_rules! pdb {
    ($($t:tt)*) => { $crate::__private::pdb_impl!($crate; $($t)*) };
}

/// A VolumeSnapshotClass (`snapshot.storage.k8s.io/v1`), checked at compile time: `name`,
/// `labels`, `annotations`, `driver: "…"`, `deletion: Delete | Retain` (default `Delete`),
/// `parameters: { … }`, `default: true`.
///
/// ```
/// let c = kvol::volume_snapshot_class! { name: csi-snapclass, driver: "hostpath.csi.k8s.io" };
/// assert_eq!(c.driver, "hostpath.csi.k8s.io");
/// ```
#[macro_export]
macro_rules! volume_snapshot_class {
    ($($t:tt)*) => { $crate::__private::volume_snapshot_class_impl!($crate; $($t)*) };
}

/// A VolumeSnapshot (`snapshot.storage.k8s.io/v1`), checked at compile time: `name`,
/// `namespace`, `labels`, `annotations`, `claim: NAME` (take a snapshot of this claim) or
/// `content: NAME` (an existing VolumeSnapshotContent), `class: NAME`.
///
/// ```
/// let s = kvol::volume_snapshot! { name: data-snap, claim: data, class: csi-snapclass };
/// assert_eq!(s.spec.source.persistent_volume_claim_name.as_deref(), Some("data"));
/// ```
#[macro_export]
macro_rules! volume_snapshot {
    ($($t:tt)*) => { $crate::__private::volume_snapshot_impl!($crate; $($t)*) };
}

/// A VolumeAttributesClass, checked at compile time: `name`, `labels`, `annotations`,
/// `driver: "…"`, `parameters: { … }` (at least one). Written as `storage.k8s.io/v1`, the
/// version of Kubernetes 1.34 (kvol's default target).
///
/// ```
/// let gold = kvol::volume_attributes_class! { name: gold, driver: "ebs.csi.aws.com", parameters: { iops: "5000" } };
/// assert_eq!(gold.driver_name, "ebs.csi.aws.com");
/// ```
#[macro_export]
macro_rules! volume_attributes_class {
    ($($t:tt)*) => { $crate::__private::volume_attributes_class_impl!($crate; $($t)*) };
}
