#![no_implicit_prelude]

fn main() {
    let _ = ::kvol::statefulset! { name: web, image: "nginx", claim: 1Gi RWO };
    let _ = ::kvol::pod! { name: web, image: "nginx", volume tmp: empty_dir };
    let _ = ::kvol::pvc! { name: data, access: RWO, request: 1Gi };
    let _ = ::kvol::pv! { name: data, capacity: 1Gi, access: RWO, source: nfs "h" "/p" };
    let _ = ::kvol::storage_class! { name: std, provisioner: "example.com/p" };
    let _ = ::kvol::manifests! {
        pvc { name: data, access: RWO, request: 1Gi, class: "std" },
        storage_class { name: std, provisioner: "example.com/p" },
    };
}
