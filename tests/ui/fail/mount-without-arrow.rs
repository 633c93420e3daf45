fn main() {
    let _ = kvol::pod! {
        name: web,
        image: "nginx",
        mount: html "/usr/share/nginx/html",
        volume html: empty_dir,
    };
}
