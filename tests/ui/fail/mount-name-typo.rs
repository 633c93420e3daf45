fn main() {
    let _ = kvol::pod! {
        name: app,
        container app { image: "busybox", mount: dta => "/data" },
        volume data: empty_dir,
    };
}
