//! The user-facing macros: `macro_rules!` shims that pass `$crate` to the procedural macros, so
//! expansions reach kvol through whatever name the user's Cargo.toml gives it.

/// A StatefulSet with its headless Service, checked at compile time.
#[macro_export]
macro_rules! statefulset {
    ($($t:tt)*) => { $crate::__private::statefulset_impl!($crate; $($t)*) };
}

/// A Pod, checked at compile time.
#[macro_export]
macro_rules! pod {
    ($($t:tt)*) => { $crate::__private::pod_impl!($crate; $($t)*) };
}

/// A PersistentVolumeClaim, checked at compile time.
#[macro_export]
macro_rules! pvc {
    ($($t:tt)*) => { $crate::__private::pvc_impl!($crate; $($t)*) };
}

/// A PersistentVolume, checked at compile time.
#[macro_export]
macro_rules! pv {
    ($($t:tt)*) => { $crate::__private::pv_impl!($crate; $($t)*) };
}

/// A StorageClass, checked at compile time.
#[macro_export]
macro_rules! storage_class {
    ($($t:tt)*) => { $crate::__private::storage_class_impl!($crate; $($t)*) };
}

/// Several objects, checked against each other at compile time.
#[macro_export]
macro_rules! manifests {
    ($($t:tt)*) => { $crate::__private::manifests_impl!($crate; $($t)*) };
}
