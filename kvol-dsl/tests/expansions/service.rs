fn expansion() {
    {
        ::kvol::__private::kvol_core::Service::builder(::kvol::__private::string("web"))
            .service_type(::kvol::__private::kvol_core::service::ServiceType::NodePort)
            .selector(::kvol::__private::string("app"), ::kvol::__private::string("web"))
            .port(::kvol::__private::kvol_core::service::ServicePort {
                app_protocol: ::core::option::Option::None,
                name: ::core::option::Option::Some(::kvol::__private::string("http")),
                node_port: ::core::option::Option::Some(30080i32),
                port: 80i32,
                protocol: ::kvol::__private::kvol_core::pod::Protocol::TCP,
                target_port: ::core::option::Option::Some(
                    ::kvol::__private::kvol_core::service::TargetPort::Name(
                        ::kvol::__private::string("web"),
                    ),
                ),
            })
            .session_affinity(
                ::kvol::__private::kvol_core::service::SessionAffinity::ClientIP,
            )
            .session_affinity_timeout(600i32)
            .external_traffic_policy(
                ::kvol::__private::kvol_core::service::TrafficPolicy::Local,
            )
            .__build_prechecked()
    }
}
