fn main() {
    let _ = kvol::pod! {
        name: db,
        image: "postgres:17",
        security: { fs_grop: 999, run_as_user: 999 },
    };
}
