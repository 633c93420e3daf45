// The keys production sets needed: a StatefulSet's `selector`, a claim template's options, a
// Secret's base64 `data`. Each problem is reported at its tokens.
fn main() {
    let _ = kvol::statefulset! {
        name: redis,
        labels: { app: redis },
        selector: { app: cache },
        image: "redis:6.2",
        claim: data 1Gi RWO { volume_mod: Block },
    };
    let _ = kvol::secret! { name: s, data: { password: "Password$1" } };
}
