fn expansion() {
    {
        ::kvol::__private::kvol_core::StorageClass::builder(
                ::kvol::__private::string("local"),
                ::kvol::__private::string("kubernetes.io/no-provisioner"),
            )
            .allowed_topology_term(::kvol::__private::kvol_core::selector::TopologySelectorTerm {
                match_label_expressions: ::std::vec![
                    ::kvol::__private::kvol_core::selector::TopologyRequirement { key :
                    ::kvol::__private::string("topology.kubernetes.io/zone"), values :
                    ::std::vec![::kvol::__private::string("a")] },
                    ::kvol::__private::kvol_core::selector::TopologyRequirement { key :
                    ::kvol::__private::string("topology.kubernetes.io/region"), values :
                    ::std::vec![::kvol::__private::string("r")] }
                ],
            })
            .allowed_topology_term(::kvol::__private::kvol_core::selector::TopologySelectorTerm {
                match_label_expressions: ::std::vec![
                    ::kvol::__private::kvol_core::selector::TopologyRequirement { key :
                    ::kvol::__private::string("topology.kubernetes.io/zone"), values :
                    ::std::vec![::kvol::__private::string("c")] }
                ],
            })
            .__build_prechecked()
    }
}
