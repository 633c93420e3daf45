fn expansion() {
    {
        ::kvol::__private::kvol_core::PersistentVolume::builder(
                ::kvol::__private::string("share"),
            )
            .capacity(::kvol::__private::quantity("10Gi"))
            .access_modes(
                <::kvol::__private::kvol_core::AccessModes as ::core::iter::FromIterator<
                    ::kvol::__private::kvol_core::AccessMode,
                >>::from_iter([::kvol::__private::kvol_core::AccessMode::ReadWriteMany]),
            )
            .source(
                ::kvol::__private::kvol_core::PvSource::Csi(::kvol::__private::kvol_core::pv::CsiPersistentVolume {
                    controller_expand_secret_ref: ::core::option::Option::Some(::kvol::__private::kvol_core::pv::SecretReference {
                        name: ::kvol::__private::string("expand"),
                        namespace: ::kvol::__private::string("kube-system"),
                    }),
                    controller_publish_secret_ref: ::core::option::Option::None,
                    driver: ::kvol::__private::string("file.csi.azure.com"),
                    fs_type: ::core::option::Option::None,
                    node_expand_secret_ref: ::core::option::Option::None,
                    node_publish_secret_ref: ::core::option::Option::None,
                    node_stage_secret_ref: ::core::option::Option::Some(::kvol::__private::kvol_core::pv::SecretReference {
                        name: ::kvol::__private::string("azure-secret"),
                        namespace: ::kvol::__private::string("default"),
                    }),
                    read_only: ::core::option::Option::None,
                    volume_attributes: {
                        let mut __kvol_map = ::std::collections::BTreeMap::new();
                        __kvol_map
                    },
                    volume_handle: ::kvol::__private::string("rg#acct#share"),
                }),
            )
            .__build_prechecked()
    }
}
