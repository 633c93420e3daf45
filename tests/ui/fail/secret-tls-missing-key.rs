fn main() {
    // A kubernetes.io/tls Secret needs both tls.crt and tls.key.
    let _ = kvol::secret! {
        name: web-tls,
        type: "kubernetes.io/tls",
        string_data: { tls.crt: "CERT" },
    };
}
