fn expansion() {
    {
        ::kvol::__private::kvol_core::PersistentVolume::builder(
                ::kvol::__private::string("local-0"),
            )
            .capacity(::kvol::__private::quantity("10Gi"))
            .access_modes(
                <::kvol::__private::kvol_core::AccessModes as ::core::iter::FromIterator<
                    ::kvol::__private::kvol_core::AccessMode,
                >>::from_iter([::kvol::__private::kvol_core::AccessMode::ReadWriteOnce]),
            )
            .storage_class(::kvol::__private::string("local"))
            .node_affinity(::kvol::__private::kvol_core::selector::VolumeNodeAffinity {
                required: ::kvol::__private::kvol_core::selector::NodeSelector {
                    node_selector_terms: ::std::vec![
                        ::kvol::__private::kvol_core::selector::NodeSelectorTerm {
                        match_expressions :
                        ::std::vec![::kvol::__private::kvol_core::selector::NodeSelectorRequirement
                        { key : ::kvol::__private::string("kubernetes.io/hostname"),
                        operator :
                        ::kvol::__private::kvol_core::selector::NodeSelectorOperator::In,
                        values : ::std::vec![::kvol::__private::string("node-1")] },
                        ::kvol::__private::kvol_core::selector::NodeSelectorRequirement {
                        key : ::kvol::__private::string("cpus"), operator :
                        ::kvol::__private::kvol_core::selector::NodeSelectorOperator::Gt,
                        values : ::std::vec![::kvol::__private::string("4")] }],
                        match_fields : ::std::vec![] },
                        ::kvol::__private::kvol_core::selector::NodeSelectorTerm {
                        match_expressions : ::std::vec![], match_fields :
                        ::std::vec![::kvol::__private::kvol_core::selector::NodeSelectorRequirement
                        { key : ::kvol::__private::string("metadata.name"), operator :
                        ::kvol::__private::kvol_core::selector::NodeSelectorOperator::In,
                        values : ::std::vec![::kvol::__private::string("node-2")] }] },
                        ::kvol::__private::kvol_core::selector::NodeSelectorTerm {
                        match_expressions :
                        ::std::vec![::kvol::__private::kvol_core::selector::NodeSelectorRequirement
                        { key : ::kvol::__private::string("kubernetes.io/hostname"),
                        operator :
                        ::kvol::__private::kvol_core::selector::NodeSelectorOperator::In,
                        values : ::std::vec![::kvol::__private::string("node-3")] }],
                        match_fields : ::std::vec![] }
                    ],
                },
            })
            .source(
                ::kvol::__private::kvol_core::PvSource::Local(::kvol::__private::kvol_core::pv::LocalVolume {
                    fs_type: ::core::option::Option::None,
                    path: ::kvol::__private::string("/mnt/disks/0"),
                }),
            )
            .__build_prechecked()
    }
}
