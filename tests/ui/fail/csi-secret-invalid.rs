fn main() {
    let _ = kvol::pod! {
        name: app,
        container app { image: "busybox", mount: store => "/mnt" },
        volume store: csi "secrets-store.csi.k8s.io" {
            secret: "Vault_Creds",
        },
    };
}
