//! Mutation rows: pod-level settings (rules/pod_settings.rs), projected volumes
//! (rules/volume.rs) and client Services (rules/service.rs).

use super::*;
use kvol_core::{
    Service,
    scheduling::{
        Affinity, DnsPolicy, NodeAffinity, PodAffinity, PodAffinityTerm, PreferredSchedulingTerm,
        TaintEffect, Toleration, TolerationOperator, TopologySpreadConstraint,
        UnsatisfiableConstraintAction, WeightedPodAffinityTerm,
    },
    security::{PodSecurityContext, SeccompProfile, SeccompProfileType},
    selector::{NodeSelector, NodeSelectorTerm},
    service::{
        ClientIpConfig, ClusterIp, ServiceType, SessionAffinity, SessionAffinityConfig,
        TrafficPolicy,
    },
    volume::{ProjectedVolume, VolumeProjection},
};

fn app_selector() -> LabelSelector {
    LabelSelector::labels(labels(&[("app", "web")]))
}

fn security(p: &mut Pod) -> &mut PodSecurityContext {
    p.spec.security_context.get_or_insert_with(Default::default)
}

fn node_term(key: &str, op: NodeSelectorOperator, values: &[&str]) -> NodeSelectorTerm {
    NodeSelectorTerm {
        match_fields: Vec::new(),
        match_expressions: vec![NodeSelectorRequirement {
            key: key.into(),
            operator: op,
            values: values.iter().map(|v| v.to_string()).collect(),
        }],
    }
}

fn anti(p: &mut Pod, term: PodAffinityTerm) {
    p.spec.affinity = Some(Affinity {
        pod_anti_affinity: Some(PodAffinity {
            required: vec![term],
            preferred: Vec::new(),
        }),
        ..Default::default()
    });
}

fn host_term() -> PodAffinityTerm {
    PodAffinityTerm::new(app_selector(), "kubernetes.io/hostname")
}

fn tolerate(p: &mut Pod, t: Toleration) {
    p.spec.tolerations = vec![t];
}

fn spread(p: &mut Pod, c: TopologySpreadConstraint) {
    p.spec.topology_spread_constraints.push(c);
}

fn zone_spread() -> TopologySpreadConstraint {
    TopologySpreadConstraint::new(
        1,
        "topology.kubernetes.io/zone",
        UnsatisfiableConstraintAction::DoNotSchedule,
        app_selector(),
    )
}

/// Pod `web` whose volume `data` is projected from a token, a ConfigMap and a Secret.
fn projected_pod() -> Pod {
    let mut cm = VolumeProjection::config_map("ca");
    if let Some(c) = &mut cm.config_map {
        c.items.push(KeyToPath {
            key: "ca.crt".into(),
            mode: None,
            path: "ca.crt".into(),
        });
    }
    pod_with(VolumeSource::projected([
        VolumeProjection::service_account_token("token", None, Some(3600)),
        cm,
        VolumeProjection::secret("creds"),
    ]))
}

fn projected_of(p: &mut Pod) -> &mut ProjectedVolume {
    match volume(p) {
        VolumeSource::Projected(v) => v,
        other => panic!("the base volume is {}", other.key()),
    }
}

/// Service `web`: ClusterIP, selecting `app: web`, port `http` 80.
fn client() -> Service {
    valid(
        Service::builder("web")
            .selector("app", "web")
            .port(ServicePort::named("http", 80))
            .build(),
    )
}

/// §6.4 and §5: the pod-level settings and projected volumes.
pub(super) fn pod_settings(rows: &mut Vec<Row>) {
    rows.push(model(
        "2/name-pod-hostname-subdomain",
        pod(),
        "spec.subdomain",
        INVALID,
        |p| p.spec.subdomain = Some("web.example".into()),
        |p| p.spec.subdomain = Some(long('a', 63)),
    ));
    rows.push(model(
        "6.4/priorityClassName",
        pod(),
        "spec.priorityClassName",
        INVALID,
        |p| p.spec.priority_class_name = Some("High".into()),
        |p| p.spec.priority_class_name = Some("system-node-critical".into()),
    ));
    rows.push(model(
        "6.4/dnsPolicy",
        pod(),
        "spec.dnsConfig",
        REQUIRED,
        |p| p.spec.dns_policy = Some(DnsPolicy::None),
        |p| p.spec.dns_policy = Some(DnsPolicy::Default),
    ));
    for (id, field) in [
        ("6.4/securityContext-fsGroup", "fsGroup"),
        ("6.4/securityContext-runAsUser", "runAsUser"),
        ("6.4/securityContext-runAsGroup", "runAsGroup"),
    ] {
        let set = move |p: &mut Pod, v: i64| {
            let sc = security(p);
            match field {
                "fsGroup" => sc.fs_group = Some(v),
                "runAsUser" => sc.run_as_user = Some(v),
                _ => sc.run_as_group = Some(v),
            }
        };
        rows.push(model(
            id,
            pod(),
            &format!("spec.securityContext.{field}"),
            INVALID,
            move |p| set(p, -1),
            move |p| set(p, i64::from(i32::MAX)),
        ));
    }
    rows.push(model(
        "6.4/securityContext-supplementalGroups",
        pod(),
        "spec.securityContext.supplementalGroups[1]",
        INVALID,
        |p| security(p).supplemental_groups = vec![0, 1 << 31],
        |p| security(p).supplemental_groups = vec![0, (1 << 31) - 1],
    ));
    rows.push(model(
        "6.4/seccomp-localhost-profile-required",
        pod(),
        "spec.securityContext.seccompProfile.localhostProfile",
        REQUIRED,
        |p| {
            security(p).seccomp_profile = Some(SeccompProfile {
                localhost_profile: None,
                kind: SeccompProfileType::Localhost,
            })
        },
        |p| {
            security(p).seccomp_profile = Some(SeccompProfile {
                localhost_profile: Some("profiles/audit.json".into()),
                kind: SeccompProfileType::Localhost,
            })
        },
    ));
    rows.push(model(
        "6.4/seccomp-localhost-profile-only",
        pod(),
        "spec.securityContext.seccompProfile.localhostProfile",
        INVALID,
        |p| {
            security(p).seccomp_profile = Some(SeccompProfile {
                localhost_profile: Some("profiles/audit.json".into()),
                kind: SeccompProfileType::RuntimeDefault,
            })
        },
        |p| security(p).seccomp_profile = Some(SeccompProfile::runtime_default()),
    ));
    rows.push(model(
        "6.4/seccomp-localhost-profile-path",
        pod(),
        "spec.securityContext.seccompProfile.localhostProfile",
        INVALID,
        |p| {
            security(p).seccomp_profile = Some(SeccompProfile {
                localhost_profile: Some("../audit.json".into()),
                kind: SeccompProfileType::Localhost,
            })
        },
        |p| {
            security(p).seccomp_profile = Some(SeccompProfile {
                localhost_profile: Some("..audit.json".into()),
                kind: SeccompProfileType::Localhost,
            })
        },
    ));
    rows.push(model(
        "6.4/node-affinity-terms-required",
        pod(),
        "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms",
        REQUIRED,
        |p| {
            p.spec.affinity = Some(Affinity {
                node_affinity: Some(NodeAffinity {
                    required: Some(NodeSelector::default()),
                    preferred: Vec::new(),
                }),
                ..Default::default()
            })
        },
        |p| {
            p.spec.affinity = Some(Affinity {
                node_affinity: Some(NodeAffinity {
                    required: Some(NodeSelector {
                        node_selector_terms: vec![NodeSelectorTerm::default()],
                    }),
                    preferred: Vec::new(),
                }),
                ..Default::default()
            })
        },
    ));
    let required_node = |p: &mut Pod, term: NodeSelectorTerm| {
        p.spec.affinity = Some(Affinity {
            node_affinity: Some(NodeAffinity {
                required: Some(NodeSelector {
                    node_selector_terms: vec![term],
                }),
                preferred: Vec::new(),
            }),
            ..Default::default()
        })
    };
    rows.push(model(
        "6.4/node-affinity-requirement",
        pod(),
        "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]",
        INVALID,
        move |p| required_node(p, node_term("zone", NodeSelectorOperator::In, &["a b"])),
        move |p| required_node(p, node_term("zone", NodeSelectorOperator::In, &["a-b"])),
    ));
    let preferred_node = |p: &mut Pod, weight: i32| {
        p.spec.affinity = Some(Affinity {
            node_affinity: Some(NodeAffinity {
                required: None,
                // Invalid label values are allowed in preferred terms.
                preferred: vec![PreferredSchedulingTerm {
                    preference: node_term("zone", NodeSelectorOperator::In, &["a b"]),
                    weight,
                }],
            }),
            ..Default::default()
        })
    };
    rows.push(model(
        "6.4/node-affinity-weight",
        pod(),
        "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight",
        INVALID,
        move |p| preferred_node(p, 101),
        move |p| preferred_node(p, 100),
    ));
    let anti_path =
        "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]";
    rows.push(model(
        "6.4/pod-affinity-topologyKey-required",
        pod(),
        &format!("{anti_path}.topologyKey"),
        REQUIRED,
        |p| anti(p, PodAffinityTerm::new(app_selector(), "")),
        |p| anti(p, PodAffinityTerm::new(app_selector(), "zone")),
    ));
    rows.push(model(
        "6.4/pod-affinity-topologyKey-format",
        pod(),
        &format!("{anti_path}.topologyKey"),
        INVALID,
        |p| anti(p, PodAffinityTerm::new(app_selector(), "kubernetes.io/")),
        |p| {
            anti(
                p,
                PodAffinityTerm::new(app_selector(), "kubernetes.io/hostname"),
            )
        },
    ));
    rows.push(model(
        "6.4/pod-affinity-selector",
        pod(),
        &format!("{anti_path}.labelSelector.matchExpressions[0].values"),
        REQUIRED,
        |p| {
            let s = LabelSelector {
                match_expressions: vec![expression("app", SelectorOperator::In, &[])],
                match_labels: BTreeMap::new(),
            };
            anti(p, PodAffinityTerm::new(s, "zone"))
        },
        |p| {
            let s = LabelSelector {
                match_expressions: vec![expression("app", SelectorOperator::In, &["web"])],
                match_labels: BTreeMap::new(),
            };
            anti(p, PodAffinityTerm::new(s, "zone"))
        },
    ));
    rows.push(model(
        "6.4/pod-affinity-namespaces",
        pod(),
        &format!("{anti_path}.namespace"),
        INVALID,
        |p| {
            anti(
                p,
                PodAffinityTerm {
                    namespaces: vec!["Prod".into()],
                    ..host_term()
                },
            )
        },
        |p| {
            anti(
                p,
                PodAffinityTerm {
                    namespaces: vec!["prod".into()],
                    ..host_term()
                },
            )
        },
    ));
    let preferred_anti = |p: &mut Pod, weight: i32| {
        p.spec.affinity = Some(Affinity {
            pod_anti_affinity: Some(PodAffinity {
                required: Vec::new(),
                preferred: vec![WeightedPodAffinityTerm {
                    pod_affinity_term: host_term(),
                    weight,
                }],
            }),
            ..Default::default()
        })
    };
    rows.push(model(
        "6.4/pod-affinity-weight",
        pod(),
        "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight",
        INVALID,
        move |p| preferred_anti(p, 0),
        move |p| preferred_anti(p, 1),
    ));
    rows.push(model_for(
        "6.4/pod-affinity-label-keys",
        // Before 1.31 the API server drops the keys (kvol's own error then, the next row).
        31..=37,
        pod(),
        &format!("{anti_path}.matchLabelKeys[0]"),
        INVALID,
        |p| {
            anti(
                p,
                PodAffinityTerm {
                    match_label_keys: vec!["pod-template-hash".into()],
                    mismatch_label_keys: vec!["pod-template-hash".into()],
                    ..host_term()
                },
            )
        },
        |p| {
            anti(
                p,
                PodAffinityTerm {
                    match_label_keys: vec!["pod-template-hash".into()],
                    mismatch_label_keys: vec!["tenant".into()],
                    ..host_term()
                },
            )
        },
    ));
    rows.push(model_for(
        "6.4/kvol-pod-affinity-label-keys-release",
        // The API server drops the keys before 1.31 (MatchLabelKeysInPodAffinity off).
        30..=30,
        pod(),
        &format!("{anti_path}.matchLabelKeys"),
        FORBIDDEN,
        |p| {
            anti(
                p,
                PodAffinityTerm {
                    match_label_keys: vec!["pod-template-hash".into()],
                    ..host_term()
                },
            )
        },
        |p| anti(p, host_term()),
    ));
    rows.push(model(
        "6.4/toleration-key",
        pod(),
        "spec.tolerations[0].key",
        INVALID,
        |p| {
            tolerate(
                p,
                Toleration {
                    key: Some("example.com/".into()),
                    operator: Some(TolerationOperator::Exists),
                    ..Default::default()
                },
            )
        },
        |p| {
            tolerate(
                p,
                Toleration {
                    key: Some("example.com/gpu".into()),
                    operator: Some(TolerationOperator::Exists),
                    ..Default::default()
                },
            )
        },
    ));
    rows.push(model(
        "6.4/toleration-empty-key-exists",
        pod(),
        "spec.tolerations[0].operator",
        INVALID,
        |p| {
            tolerate(
                p,
                Toleration {
                    operator: Some(TolerationOperator::Equal),
                    ..Default::default()
                },
            )
        },
        |p| {
            tolerate(
                p,
                Toleration {
                    operator: Some(TolerationOperator::Exists),
                    ..Default::default()
                },
            )
        },
    ));
    rows.push(model(
        "6.4/toleration-seconds-noexecute",
        pod(),
        "spec.tolerations[0].effect",
        INVALID,
        |p| {
            tolerate(
                p,
                Toleration {
                    key: Some("node.kubernetes.io/unreachable".into()),
                    operator: Some(TolerationOperator::Exists),
                    effect: Some(TaintEffect::NoSchedule),
                    toleration_seconds: Some(30),
                    value: None,
                },
            )
        },
        |p| {
            tolerate(
                p,
                Toleration {
                    key: Some("node.kubernetes.io/unreachable".into()),
                    operator: Some(TolerationOperator::Exists),
                    effect: Some(TaintEffect::NoExecute),
                    toleration_seconds: Some(30),
                    value: None,
                },
            )
        },
    ));
    rows.push(model(
        "6.4/toleration-value-label",
        pod(),
        "spec.tolerations[0].operator",
        INVALID,
        |p| {
            tolerate(
                p,
                Toleration {
                    key: Some("dedicated".into()),
                    value: Some("db team".into()),
                    ..Default::default()
                },
            )
        },
        |p| {
            tolerate(
                p,
                Toleration {
                    key: Some("dedicated".into()),
                    value: Some("db-team".into()),
                    ..Default::default()
                },
            )
        },
    ));
    rows.push(model(
        "6.4/toleration-exists-no-value",
        pod(),
        "spec.tolerations[0].operator",
        INVALID,
        |p| {
            tolerate(
                p,
                Toleration {
                    key: Some("dedicated".into()),
                    operator: Some(TolerationOperator::Exists),
                    value: Some("db".into()),
                    ..Default::default()
                },
            )
        },
        |p| {
            tolerate(
                p,
                Toleration {
                    key: Some("dedicated".into()),
                    operator: Some(TolerationOperator::Exists),
                    value: Some(String::new()),
                    ..Default::default()
                },
            )
        },
    ));
    rows.push(model(
        "6.4/spread-maxSkew",
        pod(),
        "spec.topologySpreadConstraints[0].maxSkew",
        INVALID,
        |p| {
            spread(
                p,
                TopologySpreadConstraint {
                    max_skew: 0,
                    ..zone_spread()
                },
            )
        },
        |p| {
            spread(
                p,
                TopologySpreadConstraint {
                    max_skew: 1,
                    ..zone_spread()
                },
            )
        },
    ));
    rows.push(model(
        "6.4/spread-topologyKey",
        pod(),
        "spec.topologySpreadConstraints[0].topologyKey",
        REQUIRED,
        |p| {
            spread(
                p,
                TopologySpreadConstraint {
                    topology_key: String::new(),
                    ..zone_spread()
                },
            )
        },
        |p| {
            spread(
                p,
                TopologySpreadConstraint {
                    topology_key: "rack".into(),
                    ..zone_spread()
                },
            )
        },
    ));
    rows.push(model(
        "6.4/spread-unique",
        pod(),
        "spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}",
        DUPLICATE,
        |p| {
            spread(p, zone_spread());
            spread(p, zone_spread());
        },
        |p| {
            spread(p, zone_spread());
            spread(
                p,
                TopologySpreadConstraint {
                    when_unsatisfiable: UnsatisfiableConstraintAction::ScheduleAnyway,
                    ..zone_spread()
                },
            );
        },
    ));
    rows.push(model(
        "6.4/spread-minDomains",
        pod(),
        "spec.topologySpreadConstraints[0].minDomains",
        INVALID,
        |p| {
            spread(
                p,
                TopologySpreadConstraint {
                    min_domains: Some(0),
                    ..zone_spread()
                },
            )
        },
        |p| {
            spread(
                p,
                TopologySpreadConstraint {
                    min_domains: Some(1),
                    ..zone_spread()
                },
            )
        },
    ));
    rows.push(model(
        "6.4/spread-minDomains-do-not-schedule",
        pod(),
        "spec.topologySpreadConstraints[0].minDomains",
        INVALID,
        |p| {
            spread(
                p,
                TopologySpreadConstraint {
                    min_domains: Some(3),
                    when_unsatisfiable: UnsatisfiableConstraintAction::ScheduleAnyway,
                    ..zone_spread()
                },
            )
        },
        |p| {
            spread(
                p,
                TopologySpreadConstraint {
                    min_domains: Some(3),
                    ..zone_spread()
                },
            )
        },
    ));
    rows.push(model(
        "6.4/spread-matchLabelKeys",
        pod(),
        "spec.topologySpreadConstraints[0].matchLabelKeys[0]",
        INVALID,
        |p| {
            spread(
                p,
                TopologySpreadConstraint {
                    match_label_keys: vec!["app".into()],
                    ..zone_spread()
                },
            )
        },
        |p| {
            spread(
                p,
                TopologySpreadConstraint {
                    match_label_keys: vec!["pod-template-hash".into()],
                    ..zone_spread()
                },
            )
        },
    ));
    rows.push(model(
        "6.4/spread-selector",
        pod(),
        "spec.topologySpreadConstraints[0].labelSelector.matchLabels",
        INVALID,
        |p| {
            spread(
                p,
                TopologySpreadConstraint {
                    label_selector: Some(LabelSelector::labels(labels(&[("app", "web site")]))),
                    ..zone_spread()
                },
            )
        },
        |p| {
            spread(
                p,
                TopologySpreadConstraint {
                    label_selector: Some(LabelSelector::labels(labels(&[("app", "web-site")]))),
                    ..zone_spread()
                },
            )
        },
    ));
    // §5: projected volumes.
    rows.push(model(
        "5/projected-defaultMode",
        projected_pod(),
        "spec.volumes[0].projected.defaultMode",
        INVALID,
        |p| projected_of(p).default_mode = Some(FileMode(0o1000)),
        |p| projected_of(p).default_mode = Some(FileMode(0o777)),
    ));
    rows.push(model(
        "5/projected-one-kind-per-source",
        projected_pod(),
        "spec.volumes[0].projected.sources[2]",
        FORBIDDEN,
        |p| projected_of(p).sources[2].config_map = VolumeProjection::config_map("more").config_map,
        |p| {
            let more = VolumeProjection::config_map("more");
            projected_of(p).sources.push(more)
        },
    ));
    rows.push(model(
        "5/projected-names-required",
        projected_pod(),
        "spec.volumes[0].projected.sources[2].secret.name",
        REQUIRED,
        |p| projected_of(p).sources[2] = VolumeProjection::secret(""),
        |p| projected_of(p).sources[2] = VolumeProjection::secret("s"),
    ));
    rows.push(model(
        "5/projected-items",
        projected_pod(),
        "spec.volumes[0].projected.sources[1].configMap.items[0].path",
        INVALID,
        |p| {
            if let Some(c) = &mut projected_of(p).sources[1].config_map {
                c.items[0].path = "/ca.crt".into();
            }
        },
        |p| {
            if let Some(c) = &mut projected_of(p).sources[1].config_map {
                c.items[0].path = "certs/ca.crt".into();
            }
        },
    ));
    rows.push(model(
        "5/projected-unique-paths",
        projected_pod(),
        "spec.volumes[0].projected",
        INVALID,
        |p| {
            let mut s = VolumeProjection::secret("more");
            if let Some(x) = &mut s.secret {
                x.items.push(KeyToPath {
                    key: "k".into(),
                    mode: None,
                    path: "ca.crt".into(),
                });
            }
            projected_of(p).sources.push(s);
        },
        |p| {
            let mut s = VolumeProjection::secret("more");
            if let Some(x) = &mut s.secret {
                // A token path is not among the paths checked for duplicates.
                x.items.push(KeyToPath {
                    key: "k".into(),
                    mode: None,
                    path: "token".into(),
                });
            }
            projected_of(p).sources.push(s);
        },
    ));
    let token = |p: &mut Pod, path: &str, exp: i64| {
        projected_of(p).sources[0] =
            VolumeProjection::service_account_token(path, Some("vault".into()), Some(exp));
    };
    rows.push(model(
        "5/projected-sa-token-expiration",
        projected_pod(),
        "spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds",
        INVALID,
        move |p| token(p, "token", 599),
        move |p| token(p, "token", 600),
    ));
    rows.push(model(
        "5/projected-sa-token-path",
        projected_pod(),
        "spec.volumes[0].projected.path",
        INVALID,
        move |p| token(p, "../token", 3600),
        move |p| token(p, "dir/token..", 3600),
    ));
}

/// §10: client Services (ClusterIP, NodePort, LoadBalancer, ExternalName).
pub(super) fn client_services(rows: &mut Vec<Row>) {
    rows.push(model(
        "10/ports-required",
        client(),
        "spec.ports",
        REQUIRED,
        |s| s.spec.ports.clear(),
        |s| {
            s.spec.ports.clear();
            s.spec.cluster_ip = ClusterIp::None;
        },
    ));
    rows.push(model(
        "10/appProtocol",
        client(),
        "spec.ports[0].appProtocol",
        INVALID,
        |s| s.spec.ports[0].app_protocol = Some("kubernetes.io/".into()),
        |s| s.spec.ports[0].app_protocol = Some("kubernetes.io/h2c".into()),
    ));
    rows.push(model(
        "10/nodePort",
        client(),
        "spec.ports[0].nodePort",
        FORBIDDEN,
        |s| s.spec.ports[0].node_port = Some(30080),
        |s| {
            s.spec.ports[0].node_port = Some(30080);
            s.spec.type_ = Some(ServiceType::NodePort);
        },
    ));
    rows.push(model(
        "10/nodePort-unique",
        client(),
        "spec.ports[1].nodePort",
        DUPLICATE,
        |s| {
            s.spec.type_ = Some(ServiceType::NodePort);
            s.spec.ports[0].node_port = Some(30080);
            s.spec
                .ports
                .push(ServicePort::named("https", 443).node_port(30080));
        },
        |s| {
            s.spec.type_ = Some(ServiceType::NodePort);
            s.spec.ports[0].node_port = Some(30080);
            let udp = ServicePort::named("quic", 443)
                .node_port(30080)
                .protocol(Protocol::UDP);
            s.spec.ports.push(udp);
        },
    ));
    rows.push(model(
        "10/headless-nodeport-lb",
        client(),
        "spec.clusterIPs[0]",
        INVALID,
        |s| {
            s.spec.type_ = Some(ServiceType::LoadBalancer);
            s.spec.cluster_ip = ClusterIp::None;
        },
        |s| s.spec.type_ = Some(ServiceType::LoadBalancer),
    ));
    rows.push(model(
        "10/externalName",
        client(),
        "spec.externalName",
        REQUIRED,
        |s| s.spec.type_ = Some(ServiceType::ExternalName),
        |s| s.spec.type_ = Some(ServiceType::ClusterIP),
    ));
    rows.push(model(
        "10/sessionAffinity",
        client(),
        "spec.sessionAffinityConfig",
        FORBIDDEN,
        |s| {
            s.spec.session_affinity_config = Some(SessionAffinityConfig {
                client_ip: Some(ClientIpConfig {
                    timeout_seconds: Some(60),
                }),
            })
        },
        |s| {
            s.spec.session_affinity = Some(SessionAffinity::ClientIP);
            s.spec.session_affinity_config = Some(SessionAffinityConfig {
                client_ip: Some(ClientIpConfig {
                    timeout_seconds: Some(60),
                }),
            })
        },
    ));
    let timeout = |s: &mut Service, t: i32| {
        s.spec.session_affinity = Some(SessionAffinity::ClientIP);
        s.spec.session_affinity_config = Some(SessionAffinityConfig {
            client_ip: Some(ClientIpConfig {
                timeout_seconds: Some(t),
            }),
        });
    };
    rows.push(model(
        "10/sessionAffinity-timeout",
        client(),
        "spec.sessionAffinityConfig.clientIP.timeoutSeconds",
        INVALID,
        move |s| timeout(s, 86401),
        move |s| timeout(s, 86400),
    ));
    rows.push(model(
        "10/traffic-policies",
        client(),
        "spec.externalTrafficPolicy",
        INVALID,
        |s| s.spec.external_traffic_policy = Some(TrafficPolicy::Local),
        |s| {
            s.spec.external_traffic_policy = Some(TrafficPolicy::Local);
            s.spec.type_ = Some(ServiceType::NodePort);
        },
    ));
    rows.push(model(
        "11.2/kvol-service-headless",
        sts(),
        "service.spec.clusterIP",
        INVALID,
        |s| s.service.spec.cluster_ip = ClusterIp::Allocated,
        |s| s.service.spec.cluster_ip = ClusterIp::None,
    ));
}

/// Objects validated together as a [`Manifests`] (applied to namespace `default`, whose
/// cluster has a default StorageClass).
#[derive(Debug, Clone)]
struct Objects(Vec<Object>);

impl Validate for Objects {
    fn validate(&self, path: &kvol_core::FieldPath, checker: &mut kvol_core::Checker) {
        let set = self
            .0
            .iter()
            .cloned()
            .fold(Manifests::new().assume_default_class(), Manifests::with);
        set.validate(path, checker);
    }
}

impl kvol_core::render::ToDocuments for Objects {
    fn each_document<'a>(&'a self, f: &mut dyn FnMut(kvol_core::Document<'a>)) {
        self.0.each_document(f);
    }
}

fn client_of(o: &mut Objects) -> &mut Service {
    match &mut o.0[1] {
        Object::Service(s) => s,
        other => panic!("objects[1] is a {}", other.kind()),
    }
}

/// Pod `web` (labels `app: web`, container port `http`) and client Service `web`.
fn pod_and_client() -> Objects {
    let mut p = pod();
    p.metadata.labels = labels(&[("app", "web")]);
    let mut c = client();
    c.spec.ports[0].target_port = Some(TargetPort::Name("http".into()));
    Objects(vec![Object::Pod(p), Object::Service(c)])
}

/// StatefulSet `web` whose governing Service is declared separately, and that Service.
fn sts_with_separate_service() -> Objects {
    let mut s = sts();
    s.service_in_set = true;
    let svc = s.service.clone();
    Objects(vec![Object::StatefulSet(s), Object::Service(svc)])
}

fn separate_service(o: &mut Objects) -> &mut Service {
    match &mut o.0[1] {
        Object::Service(s) => s,
        other => panic!("objects[1] is a {}", other.kind()),
    }
}

/// Cross-object rows: Services against the pods of the set.
pub(super) fn service_sets(rows: &mut Vec<Row>) {
    rows.push(model(
        "11.2/kvol-service-in-set-exists",
        sts_with_separate_service(),
        "objects[0](StatefulSet default/web).spec.serviceName",
        NOT_FOUND,
        |o| separate_service(o).metadata.name = "web-other".into(),
        |o| {
            let s = separate_service(o);
            s.metadata
                .annotations
                .insert("owner".into(), "storage".into());
            s.spec.ports[0].name = Some("http".into());
        },
    ));
    let svc = "objects[1](Service default/web)";
    rows.push(model(
        "10/kvol-targetPort-in-selected-pods",
        pod_and_client(),
        &format!("{svc}.spec.ports[0].targetPort"),
        NOT_FOUND,
        |o| client_of(o).spec.ports[0].target_port = Some(TargetPort::Name("https".into())),
        |o| client_of(o).spec.ports[0].target_port = Some(TargetPort::Number(8443)),
    ));
    rows.push(model(
        "14/kvol-service-selects-no-pods",
        pod_and_client(),
        &format!("{svc}.spec.selector"),
        WARNING,
        |o| {
            client_of(o).spec.selector = labels(&[("app", "api")]);
        },
        |o| {
            // Without a selector the Service's endpoints are managed by hand.
            client_of(o).spec.selector.clear();
        },
    ));
}
