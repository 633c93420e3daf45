//! Each macro evaluates to exactly the value the builder API makes from the same input. The
//! builder values of the seed scenarios are checked against the reference manifests in
//! kvol-core's `seed_scenarios` test, so the macros' output matches the references too.

use kvol::{
    AccessMode, Container, Manifests, PersistentVolume, PersistentVolumeClaim, Pod, PvcTemplate,
    ReclaimPolicy, StatefulSet, StorageClass, VolumeMode, VolumeSource, legacy::LegacySource,
    volume::HostPathType,
};

#[test]
fn flagship_compact_form() {
    let web = kvol::statefulset! {
        name: web,
        image: "registry.k8s.io/nginx-slim:0.8",
        replicas: 3,
        claim: 1Gi RWO "standard",
    };
    let expected = StatefulSet::builder("web")
        .replicas(3)
        .container(
            Container::builder("web", "registry.k8s.io/nginx-slim:0.8").mount("data", "/data"),
        )
        .claim(
            PvcTemplate::builder("data")
                .access_mode(AccessMode::ReadWriteOnce)
                .request("1Gi")
                .storage_class("standard"),
        )
        .build()
        .unwrap();
    assert_eq!(*web, *expected);
    assert_eq!(web.to_yaml(), expected.to_yaml());
}

/// Seed scenario 6: the full form.
#[test]
fn s06_statefulset_web() {
    let web = kvol::statefulset! {
        name: web,
        service: nginx,
        labels: { app: nginx },
        replicas: 3,
        grace: 10s,
        container nginx {
            image: "registry.k8s.io/nginx-slim:0.8",
            port: web 80,
            mount: www => "/usr/share/nginx/html",
        },
        claim: www 1Gi RWO "standard",
        update: RollingUpdate { partition: 0 },
        pod_management: OrderedReady,
        retention: { deleted: Retain, scaled: Delete },
    };
    let expected = StatefulSet::builder("web")
        .service_name("nginx")
        .label("app", "nginx")
        .replicas(3)
        .grace_period(10)
        .container(
            Container::builder("nginx", "registry.k8s.io/nginx-slim:0.8")
                .named_port("web", 80)
                .mount("www", "/usr/share/nginx/html"),
        )
        .claim(
            PvcTemplate::builder("www")
                .access_mode(AccessMode::ReadWriteOnce)
                .storage_class("standard")
                .request("1Gi"),
        )
        .update_strategy(kvol::statefulset::UpdateStrategy::RollingUpdate {
            partition: Some(0),
            max_unavailable: None,
        })
        .pod_management(kvol::statefulset::PodManagementPolicy::OrderedReady)
        .retention(kvol::statefulset::RetentionPolicy {
            when_deleted: kvol::statefulset::RetentionAction::Retain,
            when_scaled: kvol::statefulset::RetentionAction::Delete,
        })
        .build()
        .unwrap();
    assert_eq!(*web, *expected);
}

/// Seed scenario 1: two containers share an emptyDir.
#[test]
fn s01_emptydir_count_pod() {
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
    let expected = Pod::builder("count")
        .container(
            Container::builder("html-generator", "gasbugs/count").mount("html", "/var/htdocs"),
        )
        .container(
            Container::builder("web-server", "httpd")
                .port(80)
                .mount_read_only("html", "/usr/local/apache2/htdocs"),
        )
        .volume("html", VolumeSource::empty_dir())
        .build()
        .unwrap();
    assert_eq!(*pod, *expected);
}

/// Seed scenario 2: a hostPath volume.
#[test]
fn s02_hostpath_httpd() {
    let pod = kvol::pod! {
        name: hostpath-http,
        container web-server {
            image: "httpd",
            port: 80,
            mount: html => "/usr/local/apache2/htdocs",
        },
        volume html: host_path "/var/htdocs" Directory,
    };
    let expected = Pod::builder("hostpath-http")
        .container(
            Container::builder("web-server", "httpd")
                .port(80)
                .mount("html", "/usr/local/apache2/htdocs"),
        )
        .volume(
            "html",
            VolumeSource::host_path("/var/htdocs", HostPathType::Directory),
        )
        .build()
        .unwrap();
    assert_eq!(*pod, *expected);
}

/// Seed scenario 3: an NFS volume.
#[test]
fn s03_nfs_httpd() {
    let pod = kvol::pod! {
        name: nfs-httpd,
        container web {
            image: "httpd",
            mount: nfs-volume => "/usr/local/apache2/htdocs" read_only,
        },
        volume nfs-volume: nfs "10.0.2.5" "/home/nfs",
    };
    let expected = Pod::builder("nfs-httpd")
        .container(
            Container::builder("web", "httpd")
                .mount_read_only("nfs-volume", "/usr/local/apache2/htdocs"),
        )
        .volume(
            "nfs-volume",
            VolumeSource::nfs("10.0.2.5", "/home/nfs", false),
        )
        .build()
        .unwrap();
    assert_eq!(*pod, *expected);
}

/// Seed scenario 4: static provisioning, checked as a set (the claim binds the volume).
#[test]
fn s04_mongodb_static_pv() {
    #[allow(deprecated)] // gcePersistentDisk: the warning is the point of the seed scenario
    let set = kvol::manifests! {
        pod {
            name: mongodb,
            image: "mongo",
            mount: mongodb => "/data/db",
            volume mongodb: claim mongo-pvc,
        },
        pvc { name: mongo-pvc, access: RWO, request: 1Gi, class: "" },
        pv {
            name: mongo-pv,
            capacity: 1Gi,
            volume_mode: Filesystem,
            access: RWO | ROX,
            reclaim: Retain,
            class: "",
            source: gce_pd { pd_name: mongodb, fs_type: ext4 },
        },
    };
    let pod = Pod::builder("mongodb")
        .container(Container::builder("mongodb", "mongo").mount("mongodb", "/data/db"))
        .volume("mongodb", VolumeSource::claim("mongo-pvc", false))
        .build()
        .unwrap();
    let pvc = PersistentVolumeClaim::builder("mongo-pvc")
        .access_mode(AccessMode::ReadWriteOnce)
        .request("1Gi")
        .no_storage_class()
        .build()
        .unwrap();
    let pv = PersistentVolume::builder("mongo-pv")
        .capacity("1Gi")
        .volume_mode(VolumeMode::Filesystem)
        .access_mode(AccessMode::ReadWriteOnce)
        .access_mode(AccessMode::ReadOnlyMany)
        .reclaim_policy(ReclaimPolicy::Retain)
        .no_storage_class()
        .legacy(LegacySource::GcePersistentDisk {
            pd_name: "mongodb".into(),
            fs_type: Some("ext4".into()),
            partition: None,
            read_only: false,
        })
        .build()
        .unwrap();
    let expected = Manifests::new().with(pod).with(pvc).with(pv);
    assert_eq!(*set, expected);
    assert!(!set.warnings().is_empty() || kvol::Validate::check(&expected).warnings.is_empty());
}

/// Seed scenario 5: dynamic provisioning through a StorageClass.
#[test]
fn s05_dynamic_storageclass() {
    #[allow(deprecated)] // the seed's in-tree provisioner: kvol warns, the scenario keeps it
    let set = kvol::manifests! {
        storage_class {
            name: storage-class,
            provisioner: "kubernetes.io/gce-pd",
            parameters: { type: pd-ssd },
        },
        pvc { name: mongodb-pvc, access: RWO, request: 1Gi, class: "storage-class" },
        pod {
            name: mongodb,
            image: "mongo",
            mount: mongodb-data => "/data/db",
            volume mongodb-data: claim mongodb-pvc,
        },
    };
    let class = StorageClass::builder("storage-class", "kubernetes.io/gce-pd")
        .parameter("type", "pd-ssd")
        .build()
        .unwrap();
    let pvc = PersistentVolumeClaim::builder("mongodb-pvc")
        .access_mode(AccessMode::ReadWriteOnce)
        .request("1Gi")
        .storage_class("storage-class")
        .build()
        .unwrap();
    let pod = Pod::builder("mongodb")
        .container(Container::builder("mongodb", "mongo").mount("mongodb-data", "/data/db"))
        .volume("mongodb-data", VolumeSource::claim("mongodb-pvc", false))
        .build()
        .unwrap();
    let expected = Manifests::new().with(class).with(pvc).with(pod);
    assert_eq!(*set, expected);
}

/// Interpolated values carry their own guarantee; the macro evaluates each once.
#[test]
fn interpolation() {
    use kvol::{PositiveQuantity, names::Dns1123Subdomain};
    let name: Dns1123Subdomain = "data-claim".parse().unwrap();
    let size: PositiveQuantity = "5Gi".parse().unwrap();
    let replicas: u16 = 2;
    let pvc = kvol::pvc! { name: {name}, access: RWX, request: {size.clone()}, class: "nfs" };
    assert_eq!(pvc.metadata.name, "data-claim");
    assert_eq!(pvc.spec.resources.requests, size.into_inner());
    let set = kvol::statefulset! {
        name: db,
        image: "postgres:17",
        replicas: {replicas},
        claim: 10Gi RWO,
    };
    assert_eq!(set.spec.replicas, Some(2));
}
