fn expansion() {
    {
        ::kvol::__private::kvol_core::Deployment::builder(
                ::kvol::__private::string("web"),
            )
            .replicas(3i32)
            .container(
                ::kvol::__private::kvol_core::Container::builder(
                        ::kvol::__private::string("web"),
                        ::kvol::__private::string("nginx:1.27"),
                    )
                    .port_with(::kvol::__private::kvol_core::pod::ContainerPort {
                        container_port: 80i32,
                        host_port: ::core::option::Option::None,
                        name: ::core::option::Option::Some(
                            ::kvol::__private::string("http"),
                        ),
                        protocol: ::kvol::__private::kvol_core::pod::Protocol::TCP,
                    })
                    .mount_with(::kvol::__private::kvol_core::pod::VolumeMount {
                        mount_path: ::kvol::__private::string("/srv"),
                        mount_propagation: ::core::option::Option::None,
                        name: ::kvol::__private::string("content"),
                        read_only: true,
                        recursive_read_only: ::core::option::Option::None,
                        sub_path: ::core::option::Option::None,
                        sub_path_expr: ::core::option::Option::None,
                    }),
            )
            .volume(
                ::kvol::__private::string("content"),
                ::core::result::Result::<
                    ::kvol::__private::kvol_core::VolumeSource,
                    ::std::vec::Vec<::kvol::__private::kvol_core::FieldError>,
                >::Ok(
                    ::kvol::__private::kvol_core::VolumeSource::claim(
                        ::kvol::__private::string("web-content"),
                        true,
                    ),
                ),
            )
            .rolling_update(
                ::core::option::Option::Some(
                    ::kvol::__private::kvol_core::statefulset::IntOrPercent::Int(1i32),
                ),
                ::core::option::Option::Some(
                    ::kvol::__private::kvol_core::statefulset::IntOrPercent::Percent(
                        25u32,
                    ),
                ),
            )
            .min_ready_seconds(5i32)
            .__build_prechecked()
    }
}
