fn main() {
    let _ = kvol::pvc! {
        name: "this-claim-name-is-fine-until-it-goes-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on",
        access: RWO,
        request: 1Gi,
    };
}
