fn expansion() {
    {
        ::kvol::__private::kvol_core::StorageClass::builder(
                ::kvol::__private::string("fast"),
                ::kvol::__private::string("pd.csi.storage.gke.io"),
            )
            .parameter(
                ::kvol::__private::string("type"),
                ::kvol::__private::string("pd-ssd"),
            )
            .binding_mode(
                ::kvol::__private::kvol_core::storage_class::VolumeBindingMode::WaitForFirstConsumer,
            )
            .allow_expansion(true)
            .__build_prechecked()
    }
}
