fn expansion() {
    {
        ::kvol::__private::kvol_core::Pod::builder(::kvol::__private::string("app"))
            .container(
                ::kvol::__private::kvol_core::Container::builder(
                        ::kvol::__private::string("app"),
                        ::kvol::__private::string("busybox"),
                    )
                    .port_with(::kvol::__private::kvol_core::pod::ContainerPort {
                        container_port: 8080i32,
                        host_port: ::core::option::Option::None,
                        name: ::core::option::Option::Some(
                            ::kvol::__private::string("http"),
                        ),
                        protocol: ::kvol::__private::kvol_core::pod::Protocol::TCP,
                    })
                    .mount_with(::kvol::__private::kvol_core::pod::VolumeMount {
                        mount_path: ::kvol::__private::string("/etc/app"),
                        mount_propagation: ::core::option::Option::None,
                        name: ::kvol::__private::string("cfg"),
                        read_only: true,
                        recursive_read_only: ::core::option::Option::None,
                        sub_path: ::core::option::Option::None,
                        sub_path_expr: ::core::option::Option::None,
                    })
                    .mount_with(::kvol::__private::kvol_core::pod::VolumeMount {
                        mount_path: ::kvol::__private::string("/s"),
                        mount_propagation: ::core::option::Option::None,
                        name: ::kvol::__private::string("scratch"),
                        read_only: false,
                        recursive_read_only: ::core::option::Option::None,
                        sub_path: ::core::option::Option::None,
                        sub_path_expr: ::core::option::Option::None,
                    })
                    .env(
                        ::kvol::__private::string("MODE"),
                        ::kvol::__private::string("x"),
                    ),
            )
            .volume(
                ::kvol::__private::string("cfg"),
                ::core::result::Result::<
                    ::kvol::__private::kvol_core::VolumeSource,
                    ::std::vec::Vec<::kvol::__private::kvol_core::FieldError>,
                >::Ok(
                    ::kvol::__private::kvol_core::VolumeSource::ConfigMap(::kvol::__private::kvol_core::volume::ConfigMapVolume {
                        default_mode: ::core::option::Option::Some(
                            ::kvol::__private::kvol_core::volume::FileMode(420u32),
                        ),
                        items: ::std::vec![
                            ::kvol::__private::kvol_core::volume::KeyToPath { key :
                            ::kvol::__private::string("a"), mode :
                            ::core::option::Option::None, path :
                            ::kvol::__private::string("b") }
                        ],
                        name: ::kvol::__private::string("app-config"),
                        optional: ::core::option::Option::None,
                    }),
                ),
            )
            .volume(
                ::kvol::__private::string("scratch"),
                ::kvol::__private::kvol_core::VolumeSource::ephemeral_claim(
                    ::kvol::__private::kvol_core::PvcTemplate::builder(
                            ::kvol::__private::string(""),
                        )
                        .access_modes(
                            <::kvol::__private::kvol_core::AccessModes as ::core::iter::FromIterator<
                                ::kvol::__private::kvol_core::AccessMode,
                            >>::from_iter([
                                ::kvol::__private::kvol_core::AccessMode::ReadWriteOnce,
                            ]),
                        )
                        .request(::kvol::__private::quantity("1Gi"))
                        .storage_class(::kvol::__private::string("fast")),
                ),
            )
            .__build_prechecked()
    }
}
