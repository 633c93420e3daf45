#![deny(deprecated)]

fn main() {
    let _ = kvol::pod! {
        name: web,
        image: "httpd",
        mount: html => "/usr/local/apache2/htdocs",
        volume html: host_path "/var/htdocs",
    };
}
