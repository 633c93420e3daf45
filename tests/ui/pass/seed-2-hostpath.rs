fn main() {
    let pod = kvol::pod! {
        name: hostpath-http,
        container web-server {
            image: "httpd",
            port: 80,
            mount: html => "/usr/local/apache2/htdocs",
        },
        volume html: host_path "/var/htdocs" Directory,
    };
    print!("{}", pod.to_yaml());
}
