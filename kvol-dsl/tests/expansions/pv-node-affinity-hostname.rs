fn expansion() {
    {
        ::kvol::__private::kvol_core::PersistentVolume::builder(
                ::kvol::__private::string("local-1"),
            )
            .capacity(::kvol::__private::quantity("10Gi"))
            .access_modes(
                <::kvol::__private::kvol_core::AccessModes as ::core::iter::FromIterator<
                    ::kvol::__private::kvol_core::AccessMode,
                >>::from_iter([::kvol::__private::kvol_core::AccessMode::ReadWriteOnce]),
            )
            .storage_class(::kvol::__private::string("local"))
            .node_affinity_hostname(::std::vec![::kvol::__private::string("node-1")])
            .source(
                ::kvol::__private::kvol_core::PvSource::Local(::kvol::__private::kvol_core::pv::LocalVolume {
                    fs_type: ::core::option::Option::None,
                    path: ::kvol::__private::string("/mnt/disks/1"),
                }),
            )
            .__build_prechecked()
    }
}
