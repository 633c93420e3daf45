//! Help texts: what a rule means, in Kubernetes' terms, for the errors that break it. Each text
//! is true for every field its rule covers (names no builder method and no macro syntax);
//! [`FieldError`](crate::report::FieldError)s get the help of their rule when they are made,
//! or of their cause when their rule has none.

use super::ids;
use crate::report::RuleId;

/// A DNS-1123 label, in words (a macro, for `concat!`).
macro_rules! label {
    () => {
        "at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit"
    };
}
/// A DNS-1123 subdomain, in words.
macro_rules! subdomain {
    () => {
        "at most 253 characters of a-z, 0-9, '-' and '.', starting and ending with a letter or \
         digit"
    };
}
/// A DNS-1035 label, in words.
macro_rules! dns1035 {
    () => {
        "at most 63 characters of a-z, 0-9 and '-', starting with a letter and ending with a \
         letter or digit"
    };
}

/// Label keys and values, for the rules that cover both.
const LABELS: &str = "a label key is a name of at most 63 characters of a-z, A-Z, 0-9, '-', \
                      '_' and '.', starting and ending with a letter or digit, optionally \
                      preceded by a DNS-1123 subdomain and '/' (example.com/tier); a label value \
                      is empty or at most 63 characters of the same set, starting and ending \
                      with a letter or digit";

/// The help of `rule`, if it has one.
pub fn of(rule: RuleId) -> Option<&'static str> {
    Some(match rule {
        // Names (k8s-rules §2), by field.
        r if r == ids::S2_NAME_POD => {
            concat!("a Pod name must be a DNS-1123 subdomain: ", subdomain!())
        }
        r if r == ids::S2_NAME_PV => concat!(
            "a PersistentVolume name must be a DNS-1123 subdomain: ",
            subdomain!()
        ),
        r if r == ids::S2_NAME_PVC => concat!(
            "a PersistentVolumeClaim name must be a DNS-1123 subdomain: ",
            subdomain!()
        ),
        r if r == ids::S2_NAME_STORAGECLASS
            || r == ids::S7_STORAGE_CLASS_NAME_FORMAT
            || r == ids::S8_STORAGE_CLASS_NAME_FORMAT =>
        {
            concat!(
                "a StorageClass name must be a DNS-1123 subdomain: ",
                subdomain!()
            )
        }
        r if r == ids::S2_NAME_STATEFULSET || r == ids::S2_NAME_STATEFULSET_LENGTH => {
            concat!("a StatefulSet name must be a DNS-1123 label: ", label!())
        }
        r if r == ids::S2_NAME_SERVICE => {
            concat!("a Service name must be a DNS-1035 label: ", dns1035!())
        }
        r if r == ids::S2_NAME_NAMESPACE || r == ids::S4_NAMESPACE_FORMAT => {
            concat!("a namespace must be a DNS-1123 label: ", label!())
        }
        r if r == ids::S2_NAME_VOLUME => {
            concat!("a volume name must be a DNS-1123 label: ", label!())
        }
        r if r == ids::S2_NAME_CONTAINER => {
            concat!("a container name must be a DNS-1123 label: ", label!())
        }
        r if r == ids::S2_NAME_SERVICE_PORT => {
            concat!("a Service port name must be a DNS-1123 label: ", label!())
        }
        r if r == ids::S2_NAME_CONTAINER_PORT || r == ids::S10_TARGET_PORT_NAME => {
            "a container port name must be an IANA service name: at most 15 characters of a-z, \
             0-9 and '-', with at least one letter, no '--', not starting or ending with '-'"
        }
        r if r == ids::S11_0_KVOL_CLAIM_TEMPLATE_NAME_FORMAT => {
            "a claim template's name is the name of the volume its pods mount, so it must be a \
             DNS-1123 label: at most 63 characters of a-z, 0-9 and '-', starting and ending with \
             a letter or digit"
        }
        r if r == ids::S11_2_KVOL_SERVICE_NAME_LABEL => {
            "serviceName names the governing headless Service and becomes the pods' DNS \
             subdomain (<pod>.<serviceName>): it must be a DNS-1123 label, at most 63 characters \
             of a-z, 0-9 and '-', starting and ending with a letter or digit (and, as a Service \
             name, starting with a letter)"
        }
        // Labels and annotations (§4).
        r if r == ids::S4_LABEL_KEY => {
            "a label key is a name of at most 63 characters of a-z, A-Z, 0-9, '-', '_' and '.', \
             starting and ending with a letter or digit, optionally preceded by a DNS-1123 \
             subdomain and '/' (example.com/tier)"
        }
        r if r == ids::S4_LABEL_VALUE => {
            "a label value is empty or at most 63 characters of a-z, A-Z, 0-9, '-', '_' and \
             '.', starting and ending with a letter or digit"
        }
        r if r == ids::S4_ANNOTATION_KEY => {
            "an annotation key is a name of at most 63 characters of a-z, A-Z, 0-9, '-', '_' \
             and '.', starting and ending with a letter or digit, optionally preceded by a \
             DNS-1123 subdomain and '/' (example.com/note)"
        }
        r if r == ids::S4_TEMPLATE_LABELS
            || r == ids::S4_CLAIM_TEMPLATE_LABELS
            || r == ids::S6_4_NODE_SELECTOR
            || r == ids::S8_SELECTOR_MATCH_LABELS
            || r == ids::S10_SELECTOR_LABELS
            || r == ids::S6_4_SPREAD_SELECTOR
            || r == ids::S6_4_POD_AFFINITY_SELECTOR
            || r == ids::S11_1_SELECTOR_LABELS =>
        {
            LABELS
        }
        r if r == ids::S6_4_DNS_POLICY => {
            "kvol does not model dnsConfig, which the None DNS policy needs: use ClusterFirst (the \
             default), ClusterFirstWithHostNet or Default"
        }
        r if r == ids::S2_NAME_POD_HOSTNAME_SUBDOMAIN => {
            concat!(
                "a pod hostname or subdomain must be a DNS-1123 label: ",
                label!()
            )
        }
        r if r == ids::S11_2_KVOL_SERVICE_HEADLESS => {
            "declare client access with a separate Service (type ClusterIP, NodePort or \
             LoadBalancer) next to the StatefulSet"
        }
        // Required values.
        r if r == ids::S4_NAME_REQUIRED => "every object needs a name (metadata.name)",
        r if r == ids::S6_4_IMAGE_REQUIRED => "a container needs the image it runs",
        r if r == ids::S6_4_CONTAINERS_REQUIRED => "a pod needs at least one container",
        // Containers of the second release.
        r if r == ids::S6_4_INIT_PROBES_LIFECYCLE => {
            "an init container runs to completion before the containers start, so it has no \
             probes and no lifecycle hooks; give it restartPolicy Always to make it a sidecar \
             that keeps running (and may have them), or remove them"
        }
        r if r == ids::S6_4_CONTAINER_RESTART_POLICY => {
            "only init containers have a restart policy (Always makes them sidecars); a \
             container follows the pod's restartPolicy"
        }
        r if r == ids::S6_1_MOUNT_NAME_IN_VOLUME_DEVICES
            || r == ids::S6_2_VOLUME_DEVICES_COLLISIONS =>
        {
            "a volume is either mounted as a filesystem (volumeMounts) or attached as a raw \
             block device (volumeDevices) in one container, not both, and their paths differ"
        }
        r if r == ids::S6_2_VOLUME_DEVICES_SOURCE => {
            "a raw block device comes from a Block-mode claim: a persistentVolumeClaim or \
             ephemeral volume (or a StatefulSet claim template)"
        }
        r if r == ids::S6_1_SUB_PATH_EXPR => {
            "subPathExpr is subPath with $(VAR) expanded from the container's environment: set \
             one of them, as a relative path without '..'"
        }
        r if r == ids::S6_1_MOUNT_PROPAGATION => {
            "Bidirectional propagation makes the container's mounts visible on the host, which \
             only a privileged container may do; use HostToContainer, or set privileged"
        }
        r if r == ids::S6_1_RECURSIVE_READ_ONLY => {
            "recursiveReadOnly makes a read-only mount read-only in its submounts too: it needs \
             readOnly and no mount propagation"
        }
        r if r == ids::S6_6_REQUEST_AT_MOST_LIMIT => {
            "a container's request is what the scheduler reserves and cannot exceed its limit; \
             lower the request or raise the limit"
        }
        r if r == ids::S6_6_EXTENDED_RESOURCE_LIMIT => {
            "an extended resource (a name with a domain, such as nvidia.com/gpu) cannot be \
             overcommitted: set its limit, and a request only equal to it (a limit alone sets \
             the request)"
        }
        r if r == ids::S6_6_HUGEPAGES_NEED_CPU_OR_MEMORY => {
            "huge pages are only given to containers that also request or limit cpu or memory"
        }
        r if r == ids::S6_4_SECURITY_PRIVILEGE_ESCALATION => {
            "a privileged container (or one with CAP_SYS_ADMIN) can always gain privileges, so \
             allowPrivilegeEscalation false contradicts it; drop one of the two"
        }
        r if r == ids::S6_5_PROBE_SUCCESS_THRESHOLD => {
            "liveness and startup probes succeed after one success: successThreshold is 1 (only \
             readiness probes may need more)"
        }
        r if r == ids::S6_5_HANDLER_ONE => {
            "a probe or hook runs exactly one action: exec, httpGet, tcpSocket or grpc (probes), \
             exec, httpGet or sleep (hooks)"
        }
        r if r == ids::S6_5_SLEEP_SECONDS || r == ids::S6_5_SLEEP_SECONDS_POSITIVE => {
            "a sleep hook may not outlast the pod's terminationGracePeriodSeconds (30 by \
             default): shorten it or raise the grace period"
        }
        r if r == ids::S8_ACCESS_MODES_REQUIRED || r == ids::S5_EPHEMERAL_TEMPLATE_ACCESS_MODES => {
            "a claim needs at least one access mode: ReadWriteOnce, ReadOnlyMany, ReadWriteMany \
             or ReadWriteOncePod"
        }
        r if r == ids::S7_ACCESS_MODES_REQUIRED => {
            "a PersistentVolume needs the access modes it offers: ReadWriteOnce, ReadOnlyMany, \
             ReadWriteMany or ReadWriteOncePod"
        }
        r if r == ids::S8_ACCESS_MODES_RWOP_ALONE
            || r == ids::S7_ACCESS_MODES_RWOP_ALONE
            || r == ids::S8_CLAIM_TEMPLATE_ACCESS_MODES =>
        {
            "ReadWriteOncePod (one pod of the whole cluster) cannot be combined with other \
             access modes"
        }
        r if r == ids::S8_REQUEST_REQUIRED => {
            "a claim must request a storage size (resources.requests.storage), such as 1Gi"
        }
        r if r == ids::S8_KVOL_DATA_SOURCE_DROPPED => {
            "without dataSourceRef, the API server keeps only a dataSource naming a \
             PersistentVolumeClaim (no apiGroup) or a VolumeSnapshot of apiGroup \
             snapshot.storage.k8s.io; any other source (a volume populator) goes in dataSourceRef"
        }
        r if r == ids::S8_KVOL_DATA_SOURCE_REF_NAMESPACE_DROPPED => {
            "a dataSourceRef in another namespace needs the CrossNamespaceVolumeDataSource \
             feature gate, alpha and off by default: reference a source in the claim's own \
             namespace"
        }
        r if r == ids::S14_KVOL_MAX_UNAVAILABLE_FEATURE_GATE => {
            "maxUnavailable needs the MaxUnavailableStatefulSet feature gate, on by default from \
             Kubernetes 1.35: remove it, or target 1.35 or later"
        }
        r if r == ids::S7_CAPACITY_REQUIRED => {
            "a PersistentVolume must have a storage capacity (capacity.storage), such as 1Gi"
        }
        r if r == ids::S9_PROVISIONER_REQUIRED => {
            "a StorageClass needs a provisioner: the name of the driver that creates its \
             volumes, usually a CSI driver's"
        }
        r if r == ids::S7_SOURCE_REQUIRED => {
            "a PersistentVolume needs one volume source, such as hostPath, local, nfs, csi or \
             iscsi"
        }
        r if r == ids::S7_LOCAL_NODE_AFFINITY_REQUIRED => {
            "a local volume exists on one node only: its nodeAffinity must select that node \
             (usually with the kubernetes.io/hostname label)"
        }
        r if r == ids::S11_2_KVOL_SERVICE_NAME_REQUIRED => {
            "serviceName names the governing headless Service, which gives the pods their DNS \
             names (<pod>.<serviceName>)"
        }
        r if r == ids::S11_1_SELECTOR_MATCHES_TEMPLATE => {
            "a StatefulSet finds its pods by its selector: the pod template's labels must match \
             it"
        }
        _ => return None,
    })
}
