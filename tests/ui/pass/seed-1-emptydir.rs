fn main() {
    let pod = kvol::pod! {
        name: count,
        container html-generator {
            image: "gasbugs/count",
            mount: html => "/var/htdocs",
        },
        container web-server {
            image: "httpd",
            port: 80,
            mount: html => "/usr/local/apache2/htdocs" read_only,
        },
        volume html: empty_dir,
    };
    print!("{}", pod.to_yaml());
}
