fn expansion() {
    {
        ::kvol::__private::kvol_core::StatefulSet::builder(
                ::kvol::__private::string("web"),
            )
            .label(::kvol::__private::string("app"), ::kvol::__private::string("nginx"))
            .service_name(::kvol::__private::string("nginx"))
            .replicas(3i32)
            .container(
                ::kvol::__private::kvol_core::Container::builder(
                        ::kvol::__private::string("nginx"),
                        ::kvol::__private::string("registry.k8s.io/nginx-slim:0.8"),
                    )
                    .port_with(::kvol::__private::kvol_core::pod::ContainerPort {
                        container_port: 80i32,
                        host_port: ::core::option::Option::None,
                        name: ::core::option::Option::Some(
                            ::kvol::__private::string("web"),
                        ),
                        protocol: ::kvol::__private::kvol_core::pod::Protocol::TCP,
                    })
                    .mount_with(::kvol::__private::kvol_core::pod::VolumeMount {
                        mount_path: ::kvol::__private::string("/usr/share/nginx/html"),
                        mount_propagation: ::core::option::Option::None,
                        name: ::kvol::__private::string("www"),
                        read_only: false,
                        recursive_read_only: ::core::option::Option::None,
                        sub_path: ::core::option::Option::None,
                        sub_path_expr: ::core::option::Option::None,
                    }),
            )
            .grace_period(10i64)
            .service_account(::kvol::__private::string("web"))
            .node_selector(
                ::kvol::__private::string("kubernetes.io/os"),
                ::kvol::__private::string("linux"),
            )
            .claim(
                ::kvol::__private::kvol_core::PvcTemplate::builder(
                        ::kvol::__private::string("www"),
                    )
                    .access_modes(
                        <::kvol::__private::kvol_core::AccessModes as ::core::iter::FromIterator<
                            ::kvol::__private::kvol_core::AccessMode,
                        >>::from_iter([
                            ::kvol::__private::kvol_core::AccessMode::ReadWriteOnce,
                        ]),
                    )
                    .request(::kvol::__private::quantity("1Gi"))
                    .storage_class(::kvol::__private::string("standard")),
            )
            .update_strategy(::kvol::__private::kvol_core::statefulset::UpdateStrategy::RollingUpdate {
                partition: ::core::option::Option::Some(0i32),
                max_unavailable: ::core::option::Option::None,
            })
            .pod_management(
                ::kvol::__private::kvol_core::statefulset::PodManagementPolicy::OrderedReady,
            )
            .retention(::kvol::__private::kvol_core::statefulset::RetentionPolicy {
                when_deleted: ::kvol::__private::kvol_core::statefulset::RetentionAction::Retain,
                when_scaled: ::kvol::__private::kvol_core::statefulset::RetentionAction::Delete,
            })
            .__build_prechecked()
    }
}
