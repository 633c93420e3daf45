fn expansion() {
    {
        ::kvol::__private::kvol_core::PersistentVolumeClaim::builder(
                ::kvol::__private::string("data"),
            )
            .access_modes(
                <::kvol::__private::kvol_core::AccessModes as ::core::iter::FromIterator<
                    ::kvol::__private::kvol_core::AccessMode,
                >>::from_iter([
                    ::kvol::__private::kvol_core::AccessMode::ReadWriteOnce,
                    ::kvol::__private::kvol_core::AccessMode::ReadOnlyMany,
                ]),
            )
            .request(::kvol::__private::quantity("1Gi"))
            .limit(::kvol::__private::quantity("2Gi"))
            .no_storage_class()
            .selector_label(
                ::kvol::__private::string("tier"),
                ::kvol::__private::string("db"),
            )
            .__build_prechecked()
    }
}
