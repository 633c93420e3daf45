fn expansion() {
    {
        ::kvol::__private::kvol_core::DaemonSet::builder(
                ::kvol::__private::string("agent"),
            )
            .container(
                ::kvol::__private::kvol_core::Container::builder(
                        ::kvol::__private::string("agent"),
                        ::kvol::__private::string("fluent/fluent-bit:3.1"),
                    )
                    .mount_with(::kvol::__private::kvol_core::pod::VolumeMount {
                        mount_path: ::kvol::__private::string("/var/log"),
                        mount_propagation: ::core::option::Option::None,
                        name: ::kvol::__private::string("logs"),
                        read_only: true,
                        recursive_read_only: ::core::option::Option::None,
                        sub_path: ::core::option::Option::None,
                        sub_path_expr: ::core::option::Option::None,
                    }),
            )
            .volume(
                ::kvol::__private::string("logs"),
                ::core::result::Result::<
                    ::kvol::__private::kvol_core::VolumeSource,
                    ::std::vec::Vec<::kvol::__private::kvol_core::FieldError>,
                >::Ok(
                    ::kvol::__private::kvol_core::VolumeSource::host_path(
                        ::kvol::__private::string("/var/log"),
                        ::core::option::Option::Some(
                            ::kvol::__private::kvol_core::volume::HostPathType::Directory,
                        ),
                    ),
                ),
            )
            .rolling_update(
                ::core::option::Option::Some(
                    ::kvol::__private::kvol_core::statefulset::IntOrPercent::Percent(
                        10u32,
                    ),
                ),
                ::core::option::Option::Some(
                    ::kvol::__private::kvol_core::statefulset::IntOrPercent::Int(0i32),
                ),
            )
            .min_ready_seconds(5i32)
            .node_selector(
                ::kvol::__private::string("kubernetes.io/os"),
                ::kvol::__private::string("linux"),
            )
            .__build_prechecked()
    }
}
