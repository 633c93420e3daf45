fn expansion() {
    {
        ::kvol::__private::kvol_core::PersistentVolumeClaim::builder(
                ::kvol::__private::string("share"),
            )
            .access_modes(
                <::kvol::__private::kvol_core::AccessModes as ::core::iter::FromIterator<
                    ::kvol::__private::kvol_core::AccessMode,
                >>::from_iter([::kvol::__private::kvol_core::AccessMode::ReadWriteMany]),
            )
            .request(::kvol::__private::quantity("1Gi"))
            .selector(::kvol::__private::kvol_core::selector::LabelSelector {
                match_expressions: ::std::vec![
                    ::kvol::__private::kvol_core::selector::LabelSelectorRequirement {
                    key : ::kvol::__private::string("name"), operator :
                    ::kvol::__private::kvol_core::selector::SelectorOperator::In, values
                    : ::std::vec![::kvol::__private::string("share")] },
                    ::kvol::__private::kvol_core::selector::LabelSelectorRequirement {
                    key : ::kvol::__private::string("legacy"), operator :
                    ::kvol::__private::kvol_core::selector::SelectorOperator::DoesNotExist,
                    values : ::std::vec![] }
                ],
                match_labels: {
                    let mut __kvol_map = ::std::collections::BTreeMap::new();
                    __kvol_map
                },
            })
            .__build_prechecked()
    }
}
