fn main() {
    // `Recreate` stops every old pod before starting new ones: it has no rolling-update limits.
    let _ = kvol::deployment! {
        name: web,
        image: "nginx",
        strategy: Recreate { max_surge: 1 },
    };
}
