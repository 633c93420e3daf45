fn main() {
    let _ = kvol::pod! {
        name: scratch,
        image: "busybox",
        mount: tmp => "/tmp",
        volume tmp: emtpy_dir,
    };
}
