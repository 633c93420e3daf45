fn expansion() {
    {
        ::kvol::__private::manifests(
            ::kvol::__private::kvol_core::Manifests::new()
                .with(
                    ::kvol::__private::kvol_core::ConfigMap::builder(
                            ::kvol::__private::string("app"),
                        )
                        .data(
                            ::kvol::__private::string("app.conf"),
                            ::kvol::__private::string("x=1"),
                        )
                        .immutable(true)
                        .__build_prechecked(),
                )
                .with(
                    ::kvol::__private::kvol_core::Secret::builder(
                            ::kvol::__private::string("tls"),
                        )
                        .type_(::kvol::__private::string("kubernetes.io/tls"))
                        .string_data(
                            ::kvol::__private::string("tls.crt"),
                            ::kvol::__private::string("C"),
                        )
                        .string_data(
                            ::kvol::__private::string("tls.key"),
                            ::kvol::__private::string("K"),
                        )
                        .__build_prechecked(),
                )
                .with(
                    ::kvol::__private::kvol_core::Deployment::builder(
                            ::kvol::__private::string("web"),
                        )
                        .container(
                            ::kvol::__private::kvol_core::Container::builder(
                                    ::kvol::__private::string("web"),
                                    ::kvol::__private::string("nginx"),
                                )
                                .mount_with(::kvol::__private::kvol_core::pod::VolumeMount {
                                    mount_path: ::kvol::__private::string("/etc/app"),
                                    mount_propagation: ::core::option::Option::None,
                                    name: ::kvol::__private::string("conf"),
                                    read_only: false,
                                    recursive_read_only: ::core::option::Option::None,
                                    sub_path: ::core::option::Option::None,
                                    sub_path_expr: ::core::option::Option::None,
                                }),
                        )
                        .volume(
                            ::kvol::__private::string("conf"),
                            ::core::result::Result::<
                                ::kvol::__private::kvol_core::VolumeSource,
                                ::std::vec::Vec<::kvol::__private::kvol_core::FieldError>,
                            >::Ok(
                                ::kvol::__private::kvol_core::VolumeSource::ConfigMap(::kvol::__private::kvol_core::volume::ConfigMapVolume {
                                    default_mode: ::core::option::Option::None,
                                    items: ::std::vec![],
                                    name: ::kvol::__private::string("app"),
                                    optional: ::core::option::Option::None,
                                }),
                            ),
                        )
                        .__build_prechecked(),
                )
                .with(
                    ::kvol::__private::kvol_core::PodDisruptionBudget::builder(
                            ::kvol::__private::string("web"),
                        )
                        .max_unavailable(
                            ::kvol::__private::kvol_core::statefulset::IntOrPercent::Int(
                                1i32,
                            ),
                        )
                        .selector_label(
                            ::kvol::__private::string("app"),
                            ::kvol::__private::string("web"),
                        )
                        .__build_prechecked(),
                ),
        )
    }
}
