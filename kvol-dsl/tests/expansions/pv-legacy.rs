fn expansion() {
    {
        {
            #[deprecated(
                note = "kvol warns: the in-tree gcePersistentDisk plugin was deprecated in Kubernetes 1.17 and removed in 1.28 (target 1.34); the volume only works through CSI migration, with the \"pd.csi.storage.gke.io\" CSI driver installed: use a `csi` source with driver \"pd.csi.storage.gke.io\" instead\nhelp: write `source: csi \"pd.csi.storage.gke.io\" \"VOLUME_HANDLE\"` instead\nnote: field `spec.gcePersistentDisk`\nnote: to accept it, add `allow: [gce_persistent_disk_was_removed_in_kubernetes_1_28]` to this object"
            )]
            #[allow(non_camel_case_types)]
            struct gce_persistent_disk_was_removed_in_kubernetes_1_28;
            let _ = gce_persistent_disk_was_removed_in_kubernetes_1_28;
        }
        ::kvol::__private::kvol_core::PersistentVolume::builder(
                ::kvol::__private::string("old"),
            )
            .capacity(::kvol::__private::quantity("10Gi"))
            .access_modes(
                <::kvol::__private::kvol_core::AccessModes as ::core::iter::FromIterator<
                    ::kvol::__private::kvol_core::AccessMode,
                >>::from_iter([::kvol::__private::kvol_core::AccessMode::ReadWriteOnce]),
            )
            .reclaim_policy(::kvol::__private::kvol_core::ReclaimPolicy::Retain)
            .source(
                ::kvol::__private::kvol_core::PvSource::Legacy(::kvol::__private::kvol_core::legacy::LegacySource::GcePersistentDisk {
                    pd_name: ::kvol::__private::string("disk-1"),
                    fs_type: ::core::option::Option::Some(
                        ::kvol::__private::string("ext4"),
                    ),
                    partition: ::core::option::Option::Some(1i32),
                    read_only: false,
                }),
            )
            .__build_prechecked()
    }
}
