fn main() {
    let _ = kvol::pv! {
        name: old,
        capacity: 10Gi,
        access: RWO,
        source: aws_ebs { volume_id: "" },
    };
}
