fn main() {
    let _ = kvol::pod! {
        name: web,
        image: "nginx",
        mount: htlm => "/usr/share/nginx/html",
        volume html: empty_dir,
    };
}
