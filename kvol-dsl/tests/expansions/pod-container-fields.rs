fn expansion() {
    {
        ::kvol::__private::kvol_core::Pod::builder(::kvol::__private::string("db"))
            .container(
                ::kvol::__private::kvol_core::Container::builder(
                        ::kvol::__private::string("db"),
                        ::kvol::__private::string("postgres:16"),
                    )
                    .port_with(::kvol::__private::kvol_core::pod::ContainerPort {
                        container_port: 5432i32,
                        host_port: ::core::option::Option::None,
                        name: ::core::option::Option::Some(
                            ::kvol::__private::string("pg"),
                        ),
                        protocol: ::kvol::__private::kvol_core::pod::Protocol::TCP,
                    })
                    .mount_with(::kvol::__private::kvol_core::pod::VolumeMount {
                        mount_path: ::kvol::__private::string("/var/lib/postgresql"),
                        mount_propagation: ::core::option::Option::None,
                        name: ::kvol::__private::string("data"),
                        read_only: false,
                        recursive_read_only: ::core::option::Option::None,
                        sub_path: ::core::option::Option::None,
                        sub_path_expr: ::core::option::Option::Some(
                            ::kvol::__private::string("$(POD)"),
                        ),
                    })
                    .env_from_source(
                        ::kvol::__private::string("PW"),
                        ::kvol::__private::kvol_core::container::EnvVarSource {
                            config_map_key_ref: ::core::option::Option::None,
                            field_ref: ::core::option::Option::None,
                            resource_field_ref: ::core::option::Option::None,
                            secret_key_ref: ::core::option::Option::Some(::kvol::__private::kvol_core::container::KeySelector {
                                key: ::kvol::__private::string("password"),
                                name: ::kvol::__private::string("pg"),
                                optional: ::core::option::Option::Some(true),
                            }),
                        },
                    )
                    .env_from_source(
                        ::kvol::__private::string("POD"),
                        ::kvol::__private::kvol_core::container::EnvVarSource {
                            config_map_key_ref: ::core::option::Option::None,
                            field_ref: ::core::option::Option::Some(::kvol::__private::kvol_core::container::ObjectFieldSelector {
                                api_version: ::core::option::Option::None,
                                field_path: ::kvol::__private::string("metadata.name"),
                            }),
                            resource_field_ref: ::core::option::Option::None,
                            secret_key_ref: ::core::option::Option::None,
                        },
                    )
                    .image_pull_policy(
                        ::kvol::__private::kvol_core::container::PullPolicy::IfNotPresent,
                    )
                    .env_from(::kvol::__private::kvol_core::container::EnvFromSource {
                        config_map_ref: ::core::option::Option::Some(::kvol::__private::kvol_core::container::EnvFromRef {
                            name: ::kvol::__private::string("pg-config"),
                            optional: ::core::option::Option::None,
                        }),
                        prefix: ::core::option::Option::Some(
                            ::kvol::__private::string("PG_"),
                        ),
                        secret_ref: ::core::option::Option::None,
                    })
                    .request(
                        ::kvol::__private::string("cpu"),
                        ::kvol::__private::quantity("500m"),
                    )
                    .request(
                        ::kvol::__private::string("memory"),
                        ::kvol::__private::quantity("1Gi"),
                    )
                    .limit(
                        ::kvol::__private::string("memory"),
                        ::kvol::__private::quantity("1Gi"),
                    )
                    .liveness(::kvol::__private::kvol_core::probe::Probe {
                        exec: ::core::option::Option::None,
                        failure_threshold: ::core::option::Option::Some(3i32),
                        grpc: ::core::option::Option::None,
                        http_get: ::core::option::Option::Some(::kvol::__private::kvol_core::probe::HttpGetAction {
                            host: ::core::option::Option::None,
                            http_headers: ::std::vec![],
                            path: ::core::option::Option::Some(
                                ::kvol::__private::string("/healthz"),
                            ),
                            port: ::kvol::__private::kvol_core::service::TargetPort::Name(
                                ::kvol::__private::string("pg"),
                            ),
                            scheme: ::core::option::Option::Some(
                                ::kvol::__private::kvol_core::probe::UriScheme::HTTPS,
                            ),
                        }),
                        initial_delay_seconds: ::core::option::Option::None,
                        period_seconds: ::core::option::Option::None,
                        success_threshold: ::core::option::Option::None,
                        tcp_socket: ::core::option::Option::None,
                        termination_grace_period_seconds: ::core::option::Option::Some(
                            10i64,
                        ),
                        timeout_seconds: ::core::option::Option::None,
                    })
                    .pre_stop(::kvol::__private::kvol_core::probe::LifecycleHandler {
                        exec: ::core::option::Option::None,
                        http_get: ::core::option::Option::None,
                        sleep: ::core::option::Option::Some(::kvol::__private::kvol_core::probe::SleepAction {
                            seconds: 5i64,
                        }),
                        tcp_socket: ::core::option::Option::None,
                    })
                    .security_context(::kvol::__private::kvol_core::security::SecurityContext {
                        allow_privilege_escalation: ::core::option::Option::None,
                        capabilities: ::core::option::Option::Some(::kvol::__private::kvol_core::security::Capabilities {
                            add: ::std::vec![],
                            drop: ::std::vec![::kvol::__private::string("ALL")],
                        }),
                        privileged: ::core::option::Option::None,
                        read_only_root_filesystem: ::core::option::Option::None,
                        run_as_group: ::core::option::Option::None,
                        run_as_non_root: ::core::option::Option::Some(true),
                        run_as_user: ::core::option::Option::None,
                        seccomp_profile: ::core::option::Option::Some(::kvol::__private::kvol_core::security::SeccompProfile {
                            kind: ::kvol::__private::kvol_core::security::SeccompProfileType::RuntimeDefault,
                            localhost_profile: ::core::option::Option::None,
                        }),
                    })
                    .device(
                        ::kvol::__private::string("raw"),
                        ::kvol::__private::string("/dev/xvda"),
                    ),
            )
            .init_container(
                ::kvol::__private::kvol_core::Container::builder(
                        ::kvol::__private::string("shipper"),
                        ::kvol::__private::string("busybox"),
                    )
                    .readiness(::kvol::__private::kvol_core::probe::Probe {
                        exec: ::core::option::Option::None,
                        failure_threshold: ::core::option::Option::None,
                        grpc: ::core::option::Option::None,
                        http_get: ::core::option::Option::None,
                        initial_delay_seconds: ::core::option::Option::None,
                        period_seconds: ::core::option::Option::Some(5i32),
                        success_threshold: ::core::option::Option::None,
                        tcp_socket: ::core::option::Option::Some(::kvol::__private::kvol_core::probe::TcpSocketAction {
                            host: ::core::option::Option::None,
                            port: ::kvol::__private::kvol_core::service::TargetPort::Number(
                                9000i32,
                            ),
                        }),
                        termination_grace_period_seconds: ::core::option::Option::None,
                        timeout_seconds: ::core::option::Option::None,
                    })
                    .sidecar(),
            )
            .volume(
                ::kvol::__private::string("data"),
                ::core::result::Result::<
                    ::kvol::__private::kvol_core::VolumeSource,
                    ::std::vec::Vec<::kvol::__private::kvol_core::FieldError>,
                >::Ok(
                    ::kvol::__private::kvol_core::VolumeSource::EmptyDir(::kvol::__private::kvol_core::volume::EmptyDir {
                        medium: ::core::option::Option::None,
                        size_limit: ::core::option::Option::None,
                    }),
                ),
            )
            .volume(
                ::kvol::__private::string("raw"),
                ::core::result::Result::<
                    ::kvol::__private::kvol_core::VolumeSource,
                    ::std::vec::Vec<::kvol::__private::kvol_core::FieldError>,
                >::Ok(
                    ::kvol::__private::kvol_core::VolumeSource::claim(
                        ::kvol::__private::string("raw-block"),
                        false,
                    ),
                ),
            )
            .__build_prechecked()
    }
}
