fn main() {
    let pod = kvol::pod! {
        name: nfs-httpd,
        container web {
            image: "httpd",
            mount: nfs-volume => "/usr/local/apache2/htdocs" read_only,
        },
        volume nfs-volume: nfs "10.0.2.5" "/home/nfs",
    };
    print!("{}", pod.to_yaml());
}
