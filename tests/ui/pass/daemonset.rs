// The two DaemonSets of ../shared/realworld (azurefile-csi-driver deploy/example/daemonset.yaml
// and azuredisk-csi-driver deploy/example/daemonset-azuredisk-ephemeral.yaml), written in the
// DSL; and the azurefile PersistentVolume whose CSI source names a nodeStageSecretRef.
fn main() {
    // A ReadWriteMany Azure Files claim mounted by a pod on every Linux node.
    let azurefile = kvol::manifests! {
        pvc {
            name: pvc-azurefile-ds,
            access: RWX,
            request: 10Gi,
            class: azurefile-csi,
        },
        daemonset {
            name: daemonset-azurefile,
            node_selector: { "kubernetes.io/os": linux },
            container nginx {
                image: "mcr.microsoft.com/mirror/docker/library/nginx:1.23",
                command: [
                    "/bin/bash",
                    "-c",
                    "set -euo pipefail; while true; do echo $(date) >> /mnt/azurefile/outfile; sleep 1; done",
                ],
                mount: azurefile => "/mnt/azurefile",
            },
            volume azurefile: claim pvc-azurefile-ds,
        },
        external_classes: [azurefile-csi],
    };
    assert!(azurefile.warnings().is_empty(), "{:?}", azurefile.warnings());
    let yaml = azurefile.to_yaml();
    assert!(yaml.contains("kind: DaemonSet\n"), "{yaml}");
    assert!(yaml.contains("kubernetes.io/os: linux"), "{yaml}");

    // Each node's pod gets a ReadWriteOnce disk of its own (an ephemeral volume).
    let azuredisk = kvol::daemonset! {
        name: daemonset-azuredisk-ephemeral,
        node_selector: { "kubernetes.io/os": linux },
        container nginx {
            image: "mcr.microsoft.com/mirror/docker/library/nginx:1.23",
            command: [
                "/bin/bash",
                "-c",
                "set -euo pipefail; while true; do echo $(date) >> /mnt/azuredisk/outfile; sleep 1; done",
            ],
            mount: azuredisk => "/mnt/azuredisk",
        },
        volume azuredisk: ephemeral 10Gi RWO managed-csi,
    };
    let yaml = azuredisk.to_yaml();
    assert!(yaml.contains("volumeClaimTemplate:"), "{yaml}");
    assert!(
        yaml.contains("matchLabels:\n      app: daemonset-azuredisk-ephemeral\n"),
        "{yaml}"
    );

    // The options of a DaemonSet that the realworld ones leave at their defaults.
    let agent = kvol::daemonset! {
        name: log-agent,
        namespace: logging,
        object_labels: { team: platform },
        update: RollingUpdate { max_surge: "10%", max_unavailable: 0 },
        min_ready: 5,
        revision_history: 3,
        image: "fluent/fluent-bit:3.1",
        volume varlog: host_path "/var/log" Directory,
        mount: varlog => "/var/log" read_only,
    };
    let yaml = agent.to_yaml();
    assert!(
        yaml.contains(
            "  updateStrategy:\n    rollingUpdate:\n      maxSurge: \"10%\"\n      \
             maxUnavailable: 0\n    type: RollingUpdate\n"
        ),
        "{yaml}"
    );
    let on_delete = kvol::daemonset! { name: node-tuner, update: OnDelete, image: "busybox" };
    assert!(on_delete.to_yaml().contains("type: OnDelete"));

    // A selector that is only some of the pod labels, pod annotations, and a pod-spec field
    // kvol does not model (through `extra:`).
    let agent = kvol::daemonset! {
        name: node-agent,
        labels: { app: agent, tier: node },
        selector: { app: agent },
        pod_annotations: { "prometheus.io/scrape": "true" },
        image: "busybox",
        extra: { hostNetwork: true },
    };
    let yaml = agent.to_yaml();
    for field in [
        "  selector:\n    matchLabels:\n      app: agent\n  template:",
        "      annotations:\n        prometheus.io/scrape: \"true\"\n",
        "      hostNetwork: true\n",
    ] {
        assert!(yaml.contains(field), "no {field:?} in\n{yaml}");
    }

    // The azurefile PersistentVolume: its share's credentials for NodeStageVolume.
    let pv = kvol::pv! {
        name: pv-azurefile,
        annotations: { "pv.kubernetes.io/provisioned-by": "file.csi.azure.com" },
        capacity: 10Gi,
        access: RWX,
        reclaim: Retain,
        class: azurefile-csi,
        mount_options: [
            "dir_mode=0777", "file_mode=0777", "uid=0", "gid=0", "mfsymlinks",
            "cache=strict", "nosharesock", "actimeo=30", "nobrl",
        ],
        source: csi "file.csi.azure.com" "{resource-group-name}#{account-name}#{file-share-name}" {
            attributes: { shareName: EXISTING_FILE_SHARE_NAME },
            node_stage_secret: default/azure-secret,
        },
    };
    let yaml = pv.to_yaml();
    assert!(
        yaml.contains("    nodeStageSecretRef:\n      name: azure-secret\n      namespace: default\n"),
        "{yaml}"
    );
}
