fn main() {
    let _ = kvol::pod! {
        name: db,
        image: "postgres:17",
        spread: { max_skew: 1, selector: { app: db } },
    };
}
