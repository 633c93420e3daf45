fn expansion() {
    {
        let __kvol_value_0 = ::kvol::__private::interp::dns1035_label(name);
        let __kvol_value_1 = ::kvol::__private::interp::count(replicas);
        let __kvol_value_2 = ::kvol::__private::interp::positive_quantity(size);
        ::kvol::__private::kvol_core::StatefulSet::builder(
                ::core::clone::Clone::clone(&__kvol_value_0),
            )
            .replicas(::core::clone::Clone::clone(&__kvol_value_1))
            .container(
                ::kvol::__private::kvol_core::Container::builder(
                        ::core::clone::Clone::clone(&__kvol_value_0),
                        ::kvol::__private::string("nginx"),
                    )
                    .mount(
                        ::kvol::__private::string("data"),
                        ::kvol::__private::string("/data"),
                    ),
            )
            .claim(
                ::kvol::__private::kvol_core::PvcTemplate::builder(
                        ::kvol::__private::string("data"),
                    )
                    .access_modes(
                        <::kvol::__private::kvol_core::AccessModes as ::core::iter::FromIterator<
                            ::kvol::__private::kvol_core::AccessMode,
                        >>::from_iter([
                            ::kvol::__private::kvol_core::AccessMode::ReadWriteOnce,
                        ]),
                    )
                    .request(::core::clone::Clone::clone(&__kvol_value_2)),
            )
            .__build_prechecked()
    }
}
