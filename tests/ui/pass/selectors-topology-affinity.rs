// Selectors with expressions, StorageClass topology terms, PV node affinity terms and a
// placeholder volume named like a claim template.
fn main() {
    let set = kvol::manifests! {
        // A claim without a class and no default class declared: admission leaves the class
        // unset and the PV controller matches it as "", so it binds the volume below.
        pv {
            name: share,
            labels: { name: share, tier: gold },
            capacity: 1Gi,
            access: RWX,
            source: nfs "nfs.example.com" "/exports/share",
        },
        pvc {
            name: share-claim,
            access: RWX,
            request: 1Gi,
            selector: { name In ["share"], tier NotIn [bronze], legacy DoesNotExist },
        },
        storage_class {
            name: local,
            provisioner: "kubernetes.io/no-provisioner",
            binding: WaitForFirstConsumer,
            topology: [
                {
                    "topology.kubernetes.io/zone": ["a", "b"],
                    "topology.kubernetes.io/region": ["r1"],
                },
                { "topology.kubernetes.io/zone": ["c"] },
            ],
        },
        pv {
            name: local-0,
            labels: { disk: ssd },
            capacity: 10Gi,
            access: RWO,
            class: local,
            node_affinity: {
                kubernetes.io/hostname In ["node-1", "node-2"],
                disk Exists,
                cpus Gt ["4"],
            },
            node_affinity: { field metadata.name In ["node-3"] },
            node_affinity: hostname ["node-4"],
            source: local "/mnt/disks/0",
        },
        statefulset {
            name: git,
            labels: { app: git, tier: data },
            selector: { app: git, tier In [data, cache] },
            image: "git:2",
            claim: repos 1Gi RWO "local" => "/data/repos" { selector: { disk Exists } },
            // No source: the controller replaces it with the claim (kvol warns).
            volume repos: empty_dir,
            allow: [claim_template_placeholder_volume],
        },
        pdb {
            name: git-pdb,
            max_unavailable: 1,
            selector: { app: git, canary DoesNotExist },
        },
    };
    let yaml = set.to_yaml();
    for expected in [
        "    matchExpressions:\n    - key: name\n      operator: In\n      values:\n      - share\n",
        "- matchLabelExpressions:\n  - key: topology.kubernetes.io/zone\n    values:\n    - a\n    - b\n  - key: topology.kubernetes.io/region\n",
        "      - matchFields:\n        - key: metadata.name\n          operator: In\n",
        "        operator: Gt\n",
        "    matchLabels:\n      app: git\n  serviceName: git\n",
        "      selector:\n        matchExpressions:\n        - key: disk\n          operator: Exists\n",
        "    - key: canary\n      operator: DoesNotExist\n",
    ] {
        assert!(yaml.contains(expected), "{expected}\nnot in:\n{yaml}");
    }
}
