fn expansion() {
    {
        ::kvol::__private::kvol_core::Pod::builder(::kvol::__private::string("p"))
            .container(
                ::kvol::__private::kvol_core::Container::builder(
                    ::kvol::__private::string("p"),
                    ::kvol::__private::string("busybox"),
                ),
            )
            .volume(
                ::kvol::__private::string("t"),
                ::core::result::Result::<
                    ::kvol::__private::kvol_core::VolumeSource,
                    ::std::vec::Vec<::kvol::__private::kvol_core::FieldError>,
                >::Ok(
                    ::kvol::__private::kvol_core::VolumeSource::Projected(::kvol::__private::kvol_core::volume::ProjectedVolume {
                        default_mode: ::core::option::Option::None,
                        sources: ::std::vec![
                            ::kvol::__private::kvol_core::volume::VolumeProjection::service_account_token(::kvol::__private::string("token"),
                            ::core::option::Option::None, ::core::option::Option::None)
                        ],
                    }),
                ),
            )
            .security_context(::kvol::__private::kvol_core::security::PodSecurityContext {
                fs_group: ::core::option::Option::Some(1000i64),
                fs_group_change_policy: ::core::option::Option::None,
                run_as_group: ::core::option::Option::None,
                run_as_non_root: ::core::option::Option::None,
                run_as_user: ::core::option::Option::None,
                seccomp_profile: ::core::option::Option::Some(::kvol::__private::kvol_core::security::SeccompProfile {
                    localhost_profile: ::core::option::Option::None,
                    kind: ::kvol::__private::kvol_core::security::SeccompProfileType::RuntimeDefault,
                }),
                supplemental_groups: ::std::vec![],
            })
            .node_affinity_required(::kvol::__private::kvol_core::selector::NodeSelectorTerm {
                match_expressions: ::std::vec![
                    ::kvol::__private::kvol_core::selector::NodeSelectorRequirement { key
                    : ::kvol::__private::string("topology.kubernetes.io/zone"), operator
                    : ::kvol::__private::kvol_core::selector::NodeSelectorOperator::In,
                    values : ::std::vec![::kvol::__private::string("a")] }
                ],
                match_fields: ::std::vec![],
            })
            .pod_anti_affinity_preferred(
                100i32,
                ::kvol::__private::kvol_core::scheduling::PodAffinityTerm {
                    label_selector: ::core::option::Option::Some(::kvol::__private::kvol_core::selector::LabelSelector {
                        match_expressions: ::std::vec![],
                        match_labels: {
                            let mut __kvol_map = ::std::collections::BTreeMap::new();
                            __kvol_map
                                .insert(
                                    ::kvol::__private::string("app"),
                                    ::kvol::__private::string("p"),
                                );
                            __kvol_map
                        },
                    }),
                    match_label_keys: ::std::vec![],
                    mismatch_label_keys: ::std::vec![],
                    namespace_selector: ::core::option::Option::None,
                    namespaces: ::std::vec![],
                    topology_key: ::kvol::__private::string("kubernetes.io/hostname"),
                },
            )
            .toleration(::kvol::__private::kvol_core::scheduling::Toleration {
                effect: ::core::option::Option::None,
                key: ::core::option::Option::None,
                operator: ::core::option::Option::Some(
                    ::kvol::__private::kvol_core::scheduling::TolerationOperator::Exists,
                ),
                toleration_seconds: ::core::option::Option::None,
                value: ::core::option::Option::None,
            })
            .topology_spread(::kvol::__private::kvol_core::scheduling::TopologySpreadConstraint {
                label_selector: ::core::option::Option::None,
                match_label_keys: ::std::vec![],
                max_skew: 1i32,
                min_domains: ::core::option::Option::None,
                node_affinity_policy: ::core::option::Option::None,
                node_taints_policy: ::core::option::Option::None,
                topology_key: ::kvol::__private::string("kubernetes.io/hostname"),
                when_unsatisfiable: ::kvol::__private::kvol_core::scheduling::UnsatisfiableConstraintAction::ScheduleAnyway,
            })
            .priority_class(::kvol::__private::string("high"))
            .image_pull_secret(::kvol::__private::string("reg"))
            .dns_policy(::kvol::__private::kvol_core::scheduling::DnsPolicy::Default)
            .__build_prechecked()
    }
}
