//! Mutation rows: sets of objects (rules/set/: cross-object checks, the PV controller's binding).

use super::*;

// ---------------------------------------------------------------------------------------------
// §16: sets of objects, validated together (`Manifests`: the PV controller's binding simulated)
// ---------------------------------------------------------------------------------------------

/// Objects validated together as a [`Manifests`] (applied to namespace `default`).
#[derive(Debug, Clone)]
struct Set(Vec<Object>);

impl Validate for Set {
    fn validate(&self, path: &kvol_core::FieldPath, checker: &mut kvol_core::Checker) {
        let set = self
            .0
            .iter()
            .cloned()
            .fold(Manifests::new(), Manifests::with);
        set.validate(path, checker);
    }
}

impl kvol_core::render::ToDocuments for Set {
    fn each_document<'a>(&'a self, f: &mut dyn FnMut(kvol_core::Document<'a>)) {
        self.0.each_document(f);
    }
}

impl Set {
    fn pv(&mut self, i: usize) -> &mut PersistentVolume {
        match &mut self.0[i] {
            Object::PersistentVolume(pv) => pv,
            other => panic!("objects[{i}] is a {}", other.kind()),
        }
    }
    fn pvc(&mut self, i: usize) -> &mut PersistentVolumeClaim {
        match &mut self.0[i] {
            Object::PersistentVolumeClaim(pvc) => pvc,
            other => panic!("objects[{i}] is a {}", other.kind()),
        }
    }
    fn sc(&mut self, i: usize) -> &mut StorageClass {
        match &mut self.0[i] {
            Object::StorageClass(sc) => sc,
            other => panic!("objects[{i}] is a {}", other.kind()),
        }
    }
    fn pod(&mut self, i: usize) -> &mut Pod {
        match &mut self.0[i] {
            Object::Pod(p) => p,
            other => panic!("objects[{i}] is a {}", other.kind()),
        }
    }
}

/// A claim `name` without a class (`storageClassName: ""`), static binding only.
fn static_claim(name: &str, size: &str, modes: &[AccessMode]) -> PersistentVolumeClaim {
    valid(
        PersistentVolumeClaim::builder(name)
            .access_modes(modes.iter().copied().collect::<AccessModes>())
            .request(size)
            .no_storage_class()
            .build(),
    )
}

/// An NFS volume `name` without a class.
fn static_volume(name: &str, size: &str, modes: &[AccessMode]) -> PersistentVolume {
    valid(
        PersistentVolume::builder(name)
            .capacity(size)
            .access_modes(modes.iter().copied().collect::<AccessModes>())
            .no_storage_class()
            .nfs("nfs.example.com", "/exports")
            .build(),
    )
}

const RWO: AccessMode = AccessMode::ReadWriteOnce;
const ROX: AccessMode = AccessMode::ReadOnlyMany;
const RWX: AccessMode = AccessMode::ReadWriteMany;
const CLAIM0: &str = "objects[0](PersistentVolumeClaim default/data)";

/// Claim `data` (1Gi, RWO, no class) and volume `pv0` (10Gi, RWO+ROX, no class): they bind.
fn pair() -> Set {
    Set(vec![
        static_claim("data", "1Gi", &[RWO]).into(),
        static_volume("pv0", "10Gi", &[RWO, ROX]).into(),
    ])
}

fn claim_ref(name: &str) -> Option<ClaimRef> {
    Some(ClaimRef {
        name: name.into(),
        namespace: "default".into(),
    })
}

pub(super) fn binding(rows: &mut Vec<Row>) {
    rows.push(model(
        "16/class-match",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| s.pv(1).spec.storage_class_name = Some("fast".into()),
        // An unset class and "" are the same class.
        |s| s.pv(1).spec.storage_class_name = None,
    ));
    let beta = "volume.beta.kubernetes.io/storage-class";
    rows.push(model(
        "16/class-beta-annotation",
        pair(),
        CLAIM0,
        NOT_FOUND,
        move |s| {
            s.pv(1)
                .metadata
                .annotations
                .insert(beta.into(), "fast".into());
        },
        move |s| {
            let pv = s.pv(1);
            pv.spec.storage_class_name = Some("fast".into());
            pv.metadata.annotations.insert(beta.into(), String::new());
        },
    ));
    rows.push(model(
        "16/access-modes-subset",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| s.pvc(0).spec.access_modes = AccessModes::from(RWX),
        |s| s.pvc(0).spec.access_modes = AccessModes::from_iter([RWO, ROX]),
    ));
    // Claim `a` (RWO) comes first. The controller searches the volumes with the fewest modes
    // first, so `a` takes the RWO volume and leaves the smaller RWO+ROX one to `b`; without
    // the RWO volume, `a` takes the other and `b` cannot bind.
    let groups = Set(vec![
        static_claim("a", "1Gi", &[RWO]).into(),
        static_claim("b", "1Gi", &[RWO, ROX]).into(),
        static_volume("small", "5Gi", &[RWO, ROX]).into(),
        static_volume("big", "10Gi", &[RWO]).into(),
    ]);
    rows.push(model(
        "16/access-mode-groups",
        groups,
        "objects[1](PersistentVolumeClaim default/b)",
        NOT_FOUND,
        |s| {
            s.0.pop();
        },
        |_| {},
    ));
    rows.push(model(
        "16/volume-mode-match",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| s.pvc(0).spec.volume_mode = Some(kvol_core::VolumeMode::Block),
        // Unset means Filesystem.
        |s| s.pvc(0).spec.volume_mode = Some(kvol_core::VolumeMode::Filesystem),
    ));
    rows.push(model(
        "16/capacity",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| s.pvc(0).spec.resources.requests = q("10737418241"),
        |s| s.pvc(0).spec.resources.requests = q("10Gi"),
    ));
    // Smallest fit: the first claim takes the smallest volume that fits it.
    let sizes = Set(vec![
        static_claim("first", "1Gi", &[RWO]).into(),
        static_claim("second", "8Gi", &[RWO]).into(),
        static_volume("pv5", "5Gi", &[RWO]).into(),
        static_volume("pv10", "10Gi", &[RWO]).into(),
    ]);
    rows.push(model(
        "16/smallest-fit",
        sizes,
        "objects[1](PersistentVolumeClaim default/second)",
        NOT_FOUND,
        |s| s.pvc(0).spec.resources.requests = q("6Gi"),
        |s| s.pvc(0).spec.resources.requests = q("5Gi"),
    ));
    rows.push(model(
        "16/selector",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| {
            s.pv(1).metadata.labels = labels(&[("app", "web")]);
            s.pvc(0).spec.selector = Some(LabelSelector::labels(labels(&[("app", "db")])));
        },
        |s| {
            s.pv(1).metadata.labels = labels(&[("app", "db"), ("tier", "x")]);
            s.pvc(0).spec.selector = Some(LabelSelector::labels(labels(&[("app", "db")])));
        },
    ));
    rows.push(model(
        "16/claim-ref-reserved",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| s.pv(1).spec.claim_ref = claim_ref("other"),
        |s| s.pv(1).spec.claim_ref = claim_ref("data"),
    ));
    rows.push(model(
        "16/claim-ref-prebinding",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| s.pv(1).spec.storage_class_name = Some("fast".into()),
        // A volume reserved by claimRef binds whatever its class and labels.
        |s| {
            let pv = s.pv(1);
            pv.spec.storage_class_name = Some("fast".into());
            pv.spec.claim_ref = claim_ref("data");
        },
    ));
    rows.push(model(
        "16/claim-ref-still-checks",
        pair(),
        CLAIM0,
        NOT_FOUND,
        |s| {
            let pv = s.pv(1);
            pv.spec.claim_ref = claim_ref("data");
            pv.spec.capacity = q("1023Mi");
        },
        |s| {
            let pv = s.pv(1);
            pv.spec.claim_ref = claim_ref("data");
            pv.spec.capacity = q("1Gi");
        },
    ));
    rows.push(model(
        "16/volume-name-prebinding",
        pair(),
        &format!("{CLAIM0}.spec.volumeName"),
        INVALID,
        |s| {
            s.pvc(0).spec.volume_name = Some("pv0".into());
            s.pv(1).spec.storage_class_name = Some("fast".into());
        },
        // volumeName pre-binding checks class, mode, size and modes, not the selector.
        |s| {
            let claim = s.pvc(0);
            claim.spec.volume_name = Some("pv0".into());
            claim.spec.selector = Some(LabelSelector::labels(labels(&[("app", "db")])));
        },
    ));
    rows.push(model(
        "16/volume-name-missing",
        pair(),
        &format!("{CLAIM0}.spec.volumeName"),
        NOT_FOUND,
        |s| s.pvc(0).spec.volume_name = Some("pv1".into()),
        |s| s.pvc(0).spec.volume_name = Some("pv0".into()),
    ));
    let with_class = |provisioner: &str, default: bool| {
        let mut b = StorageClass::builder("standard", provisioner);
        if default {
            b = b.default_class();
        }
        let mut set = pair();
        set.0.push(valid(b.build()).into());
        set
    };
    rows.push(model(
        "16/default-class",
        with_class("pd.csi.storage.gke.io", false),
        &format!("{CLAIM0}.spec.storageClassName"),
        REQUIRED,
        // Without a default class the claim could still bind pv0 (class ""): too large for it.
        |s| {
            s.pvc(0).spec.storage_class = ClassRef::ClusterDefault;
            s.pvc(0).spec.resources.requests = "100Gi".parse().unwrap();
        },
        |s| {
            s.pvc(0).spec.storage_class = ClassRef::ClusterDefault;
            s.pvc(0).spec.resources.requests = "100Gi".parse().unwrap();
            let sc = s.sc(2);
            sc.metadata.annotations.insert(
                "storageclass.kubernetes.io/is-default-class".into(),
                "true".into(),
            );
        },
    ));
    rows.push(model(
        "16/no-provisioner",
        with_class("kubernetes.io/no-provisioner", false),
        CLAIM0,
        NOT_FOUND,
        |s| s.pvc(0).spec.storage_class = ClassRef::Named("standard".into()),
        |s| {
            s.pvc(0).spec.storage_class = ClassRef::Named("standard".into());
            s.sc(2).provisioner = "example.com/provisioner".into();
        },
    ));
    rows.push(model(
        "8/kvol-storageClassName-exists",
        pair(),
        &format!("{CLAIM0}.spec.storageClassName"),
        NOT_FOUND,
        |s| s.pvc(0).spec.storage_class = ClassRef::Named("fast".into()),
        |s| {
            s.pvc(0).spec.storage_class = ClassRef::Named("fast".into());
            s.0.push(valid(StorageClass::builder("fast", "example.com/p").build()).into());
        },
    ));
    let local = || {
        let mut set = Set(vec![
            valid(
                PersistentVolumeClaim::builder("data")
                    .access_mode(RWO)
                    .request("1Gi")
                    .storage_class("local")
                    .build(),
            )
            .into(),
            valid(
                PersistentVolume::builder("pv0")
                    .capacity("10Gi")
                    .access_mode(RWO)
                    .storage_class("local")
                    .local("/mnt/disks/ssd1")
                    .node_affinity_hostname(["node-1"])
                    .build(),
            )
            .into(),
        ]);
        let class = StorageClass::builder("local", "kubernetes.io/no-provisioner")
            .binding_mode(VolumeBindingMode::Immediate);
        set.0.push(valid(class.build()).into());
        set
    };
    rows.push(model(
        "16/local-wffc",
        local(),
        "objects[1](PersistentVolume pv0).spec.local",
        WARNING,
        |_| {},
        |s| s.sc(2).volume_binding_mode = Some(VolumeBindingMode::WaitForFirstConsumer),
    ));
    let mut with_pod = pair();
    with_pod
        .0
        .push(pod_with(VolumeSource::claim("data", false)).into());
    rows.push(model(
        "5/kvol-claimName-exists",
        with_pod,
        "objects[2](Pod default/web).spec.volumes[0].persistentVolumeClaim.claimName",
        NOT_FOUND,
        |s| {
            if let VolumeSource::PersistentVolumeClaim(c) = volume(s.pod(2)) {
                c.claim_name = "date".into();
            }
        },
        |_| {},
    ));
    // Volume modes against volumeMounts and volumeDevices: claim `data` of `pair()` mounted by
    // pod `web` (objects[2]).
    let mut block = pair();
    block
        .0
        .push(pod_with(VolumeSource::claim("data", false)).into());
    rows.push(model(
        "6.1/kvol-block-claim-mounted",
        block.clone(),
        "objects[2](Pod default/web).spec.containers[0].volumeMounts[0].name",
        INVALID,
        |s| s.pvc(0).spec.volume_mode = Some(kvol_core::VolumeMode::Block),
        |s| s.pvc(0).spec.volume_mode = Some(kvol_core::VolumeMode::Filesystem),
    ));
    rows.push(model(
        "6.2/kvol-filesystem-claim-as-device",
        block,
        "objects[2](Pod default/web).spec.containers[0].volumeDevices[0].name",
        INVALID,
        |s| {
            let c = &mut s.pod(2).spec.containers[0];
            c.volume_mounts.clear();
            c.volume_devices
                .push(kvol_core::container::VolumeDevice::new("data", "/dev/xvda"));
        },
        |s| {
            s.pvc(0).spec.volume_mode = Some(kvol_core::VolumeMode::Block);
            s.pv(1).spec.volume_mode = Some(kvol_core::VolumeMode::Block);
            let c = &mut s.pod(2).spec.containers[0];
            c.volume_mounts.clear();
            c.volume_devices
                .push(kvol_core::container::VolumeDevice::new("data", "/dev/xvda"));
        },
    ));
}
