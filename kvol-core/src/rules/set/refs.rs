//! The references of the second release's kinds: configMap, secret and projected volumes and
//! containers' `env[].valueFrom` and `envFrom` name a ConfigMap or Secret (and keys) that
//! exist, as the kubelet needs them to mount the volume or start the container; a claim restored from a VolumeSnapshot names a
//! snapshot that exists, taken by its own provisioner's driver; a VolumeSnapshot names its
//! claim and class; a claim's VolumeAttributesClass exists and belongs to its provisioner; a
//! ReadWriteOnce claim is not shared by pods that may run on several nodes (replicas, a
//! rolling Deployment, a DaemonSet's pod per node); a PodDisruptionBudget selects pods of the
//! set and lets some be evicted.

use super::{ClassKind, Cross, claims::ClaimIndex};
use crate::{
    access::AccessMode,
    binding::FxMap,
    config::{ConfigMap, Secret},
    container::{Container, KeySelector},
    deployment::DeploymentStrategyType,
    manifests::ExternalKind,
    meta::StringMap,
    object::Object,
    pod::PodSpec,
    pvc::{ClassRef, PvcSpec},
    report::{ErrorKind, FieldError, FieldPath, RuleId, WarningCode, quote},
    rules::ids,
    snapshot::{
        DEFAULT_SNAPSHOT_CLASS_ANNOTATION, SNAPSHOT_GROUP, VolumeSnapshot, VolumeSnapshotClass,
    },
    statefulset::IntOrPercent,
    storage_class::StorageClass,
    validate::Checker,
    volume::{KeyToPath, VolumeSource},
};

/// A pod spec of the set: a Pod, or the template of a StatefulSet, Deployment or DaemonSet.
struct Workload<'a> {
    obj: usize,
    namespace: &'a str,
    kind: &'static str,
    name: &'a str,
    spec: &'a PodSpec,
    spec_path: FieldPath,
    labels: &'a StringMap,
    replicas: i32,
    /// A Deployment whose rollout runs old and new pods side by side.
    rolling: bool,
    /// A DaemonSet: one pod on each node it selects, however many nodes that is (`replicas`
    /// counts it as one).
    per_node: bool,
}

impl<'a> Cross<'a> {
    fn workloads(&self) -> Vec<Workload<'a>> {
        let mut out = Vec::new();
        for (i, object) in self.m.objects.iter().enumerate() {
            let path = self.path(i).child("spec");
            let w = match object {
                Object::Pod(p) => Workload {
                    obj: i,
                    namespace: self.ns(&p.metadata.namespace),
                    kind: "Pod",
                    name: &p.metadata.name,
                    spec: &p.spec,
                    spec_path: path,
                    labels: &p.metadata.labels,
                    replicas: 1,
                    rolling: false,
                    per_node: false,
                },
                Object::StatefulSet(s) => Workload {
                    obj: i,
                    namespace: self.ns(&s.metadata.namespace),
                    kind: "StatefulSet",
                    name: &s.metadata.name,
                    spec: &s.spec.template.spec,
                    spec_path: path.child("template").child("spec"),
                    labels: &s.spec.template.metadata.labels,
                    replicas: s.spec.replicas.unwrap_or(1),
                    rolling: false,
                    per_node: false,
                },
                Object::Deployment(d) => Workload {
                    obj: i,
                    namespace: self.ns(&d.metadata.namespace),
                    kind: "Deployment",
                    name: &d.metadata.name,
                    spec: &d.spec.template.spec,
                    spec_path: path.child("template").child("spec"),
                    labels: &d.spec.template.metadata.labels,
                    replicas: d.effective_replicas(),
                    rolling: d.strategy_type() == DeploymentStrategyType::RollingUpdate,
                    per_node: false,
                },
                Object::DaemonSet(d) => Workload {
                    obj: i,
                    namespace: self.ns(&d.metadata.namespace),
                    kind: "DaemonSet",
                    name: &d.metadata.name,
                    spec: &d.spec.template.spec,
                    spec_path: path.child("template").child("spec"),
                    labels: &d.spec.template.metadata.labels,
                    replicas: 1,
                    rolling: false,
                    per_node: true,
                },
                _ => continue,
            };
            out.push(w);
        }
        out
    }

    /// The provisioner of a claim's class when the class is in the set (or the set's default).
    fn provisioner_of(&self, class: &ClassRef) -> Option<&'a StorageClass> {
        match class {
            ClassRef::Named(name) => match self.class_kind(name) {
                ClassKind::InSet(sc) => Some(sc),
                _ => None,
            },
            ClassRef::ClusterDefault => self.default.map(|(sc, _)| sc),
            ClassRef::NoClass => None,
        }
    }

    pub(super) fn check_references(&self, claims: &ClaimIndex<'_, 'a>, checker: &mut Checker) {
        let mut config_maps: FxMap<(&str, &str), &ConfigMap> = FxMap::default();
        let mut secrets: FxMap<(&str, &str), &Secret> = FxMap::default();
        let mut snapshots: FxMap<(&str, &str), &VolumeSnapshot> = FxMap::default();
        let mut snapshot_classes: FxMap<&str, &VolumeSnapshotClass> = FxMap::default();
        let mut attributes: FxMap<&str, &str> = FxMap::default();
        let mut pvcs: FxMap<(&str, &str), &PvcSpec> = FxMap::default();
        let mut default_snapshot_class: FxMap<&str, &str> = FxMap::default();
        for (i, object) in self.m.objects.iter().enumerate() {
            match object {
                Object::ConfigMap(o) => {
                    let ns = self.ns(&o.metadata.namespace);
                    config_maps.entry((ns, &o.metadata.name)).or_insert(o);
                }
                Object::Secret(o) => {
                    let ns = self.ns(&o.metadata.namespace);
                    secrets.entry((ns, &o.metadata.name)).or_insert(o);
                }
                Object::VolumeSnapshot(o) => {
                    let ns = self.ns(&o.metadata.namespace);
                    snapshots.entry((ns, &o.metadata.name)).or_insert(o);
                }
                Object::PersistentVolumeClaim(o) => {
                    let ns = self.ns(&o.metadata.namespace);
                    pvcs.entry((ns, &o.metadata.name)).or_insert(&o.spec);
                }
                Object::VolumeAttributesClass(o) => {
                    attributes.entry(&o.metadata.name).or_insert(&o.driver_name);
                }
                Object::VolumeSnapshotClass(o) => {
                    snapshot_classes.entry(&o.metadata.name).or_insert(o);
                    if o.is_default() {
                        if let Some(first) = default_snapshot_class.get(o.driver.as_str()) {
                            checker.error_in(
                                i,
                                FieldError::forbidden(
                                    ids::S22_DEFAULT_CLASS_PER_DRIVER,
                                    self.path(i)
                                        .child("metadata")
                                        .child("annotations")
                                        .key(DEFAULT_SNAPSHOT_CLASS_ANNOTATION),
                                    format!(
                                        "default snapshot class: {first} already exists for \
                                         driver: {}",
                                        o.driver
                                    ),
                                )
                                .with_help(
                                    "the snapshot webhook admits one default VolumeSnapshotClass \
                                     per driver: remove the annotation from all but one",
                                ),
                            );
                        } else {
                            default_snapshot_class.insert(&o.driver, &o.metadata.name);
                        }
                    }
                }
                _ => {}
            }
        }

        let workloads = self.workloads();
        self.check_config_refs(&workloads, &config_maps, &secrets, checker);
        self.check_shared_claims(&workloads, &pvcs, checker);
        self.check_budgets(&workloads, checker);

        for (i, object) in self.m.objects.iter().enumerate() {
            match object {
                Object::PersistentVolumeClaim(pvc) => {
                    let ns = self.ns(&pvc.metadata.namespace);
                    let sp = self.path(i).child("spec");
                    self.check_restore(
                        i,
                        ns,
                        &pvc.spec,
                        &sp,
                        &snapshots,
                        &snapshot_classes,
                        checker,
                    );
                    self.check_attributes(i, &pvc.spec, &sp, &attributes, checker);
                }
                Object::StatefulSet(sts) => {
                    // Each replica's claim is restored from the snapshot, and gets the class.
                    let ns = self.ns(&sts.metadata.namespace);
                    for (t, template) in sts.spec.volume_claim_templates.iter().enumerate() {
                        let sp = self
                            .path(i)
                            .child("spec")
                            .child("volumeClaimTemplates")
                            .index(t)
                            .child("spec");
                        self.check_restore(
                            i,
                            ns,
                            &template.spec,
                            &sp,
                            &snapshots,
                            &snapshot_classes,
                            checker,
                        );
                        self.check_attributes(i, &template.spec, &sp, &attributes, checker);
                    }
                }
                Object::VolumeSnapshot(vs) => {
                    let ns = self.ns(&vs.metadata.namespace);
                    let sp = self.path(i).child("spec");
                    if let Some(claim) = vs.spec.source.persistent_volume_claim_name.as_deref()
                        && !claim.is_empty()
                        && !claims.exists(ns, claim)
                    {
                        checker.error_in(
                            i,
                            not_found(
                                ids::S24_KVOL_SNAPSHOT_SOURCE_CLAIM_EXISTS,
                                sp.child("source").child("persistentVolumeClaimName"),
                                claim,
                                format!(
                                    "no PersistentVolumeClaim of that name in namespace {} in \
                                     this set, and none declared external: the snapshot \
                                     controller would wait for it and never take the snapshot",
                                    quote(ns)
                                ),
                                "add the claim to the set, or declare it with \
                                 `Manifests::external_claim`",
                            ),
                        );
                    }
                    if let Some(class) = vs.spec.volume_snapshot_class_name.as_deref()
                        && !class.is_empty()
                        && !snapshot_classes.contains_key(class)
                        && !self
                            .m
                            .is_external(ExternalKind::VolumeSnapshotClass, "", class)
                    {
                        checker.error_in(
                            i,
                            not_found(
                                ids::S24_KVOL_SNAPSHOT_CLASS_EXISTS,
                                sp.child("volumeSnapshotClassName"),
                                class,
                                "no VolumeSnapshotClass of that name in this set, and none \
                                 declared external: the snapshot controller cannot take the \
                                 snapshot"
                                    .to_owned(),
                                "add the VolumeSnapshotClass to the set, or declare it with \
                                 `Manifests::external_snapshot_class`",
                            ),
                        );
                    }
                }
                _ => {}
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn check_restore(
        &self,
        i: usize,
        ns: &str,
        spec: &PvcSpec,
        sp: &FieldPath,
        snapshots: &FxMap<(&str, &str), &VolumeSnapshot>,
        classes: &FxMap<&str, &VolumeSnapshotClass>,
        checker: &mut Checker,
    ) {
        let Some(ds) = &spec.data_source else {
            return;
        };
        if ds.kind != "VolumeSnapshot" || ds.api_group.as_deref() != Some(SNAPSHOT_GROUP) {
            return;
        }
        let dp = sp.child("dataSource");
        let Some(snapshot) = snapshots.get(&(ns, ds.name.as_str())) else {
            if !self
                .m
                .is_external(ExternalKind::VolumeSnapshot, ns, &ds.name)
            {
                checker.error_in(
                    i,
                    not_found(
                        ids::S24_KVOL_SNAPSHOT_EXISTS,
                        dp.child("name"),
                        &ds.name,
                        format!(
                            "no VolumeSnapshot of that name in namespace {} in this set, and \
                             none declared external: the provisioner cannot restore the claim, \
                             which stays Pending",
                            quote(ns)
                        ),
                        "add the VolumeSnapshot to the set, or declare it with \
                         `Manifests::external_volume_snapshot`",
                    ),
                );
            }
            return;
        };
        let Some(class) = snapshot
            .spec
            .volume_snapshot_class_name
            .as_deref()
            .and_then(|c| classes.get(c))
        else {
            return;
        };
        let Some(sc) = self.provisioner_of(&spec.storage_class) else {
            return;
        };
        if sc.provisioner != class.driver {
            checker.error_in(
                i,
                FieldError::invalid(
                    ids::S24_KVOL_SNAPSHOT_DRIVER_MATCHES,
                    dp,
                    &ds.name,
                    format!(
                        "VolumeSnapshot {} is taken with class {} of driver {}, but the claim's \
                         StorageClass {} provisions with {}: that provisioner cannot restore \
                         another driver's snapshot, so the claim stays Pending",
                        quote(&snapshot.metadata.name),
                        quote(&class.metadata.name),
                        quote(&class.driver),
                        quote(&sc.metadata.name),
                        quote(&sc.provisioner)
                    ),
                )
                .with_help(
                    "restore into a claim whose StorageClass has the snapshot class's driver as \
                     provisioner",
                ),
            );
        }
    }

    fn check_attributes(
        &self,
        i: usize,
        spec: &PvcSpec,
        sp: &FieldPath,
        attributes: &FxMap<&str, &str>,
        checker: &mut Checker,
    ) {
        let Some(name) = spec.volume_attributes_class_name.as_deref() else {
            return;
        };
        // Before 1.34 the API server drops the field (the claim rules report it).
        if name.is_empty() || checker.target().minor() < 34 {
            return;
        }
        let path = sp.child("volumeAttributesClassName");
        let Some(driver) = attributes.get(name) else {
            if !self
                .m
                .is_external(ExternalKind::VolumeAttributesClass, "", name)
            {
                checker.error_in(
                    i,
                    not_found(
                        ids::S24_KVOL_ATTRIBUTES_CLASS_EXISTS,
                        path,
                        name,
                        "no VolumeAttributesClass of that name in this set, and none declared \
                         external: the claim stays Pending until it exists"
                            .to_owned(),
                        "add the VolumeAttributesClass to the set, or declare it with \
                         `Manifests::external_attributes_class`",
                    ),
                );
            }
            return;
        };
        if let Some(sc) = self.provisioner_of(&spec.storage_class)
            && sc.provisioner != *driver
        {
            checker.error_in(
                i,
                FieldError::invalid(
                    ids::S24_KVOL_ATTRIBUTES_CLASS_DRIVER,
                    path,
                    name,
                    format!(
                        "the VolumeAttributesClass is for driver {}, but the claim's \
                         StorageClass {} provisions with {}: the driver cannot apply another \
                         driver's attributes",
                        quote(driver),
                        quote(&sc.metadata.name),
                        quote(&sc.provisioner)
                    ),
                )
                .with_help("use a VolumeAttributesClass whose driverName is the provisioner"),
            );
        }
    }

    /// The ConfigMaps and Secrets each workload reads: its configMap, secret and projected
    /// volumes, and its (init) containers' environment.
    fn check_config_refs(
        &self,
        workloads: &[Workload<'a>],
        config_maps: &FxMap<(&str, &str), &ConfigMap>,
        secrets: &FxMap<(&str, &str), &Secret>,
        checker: &mut Checker,
    ) {
        let cm_keys = |ns: &str, name: &str| {
            config_maps
                .get(&(ns, name))
                .map(|cm| cm.keys().collect::<Vec<_>>())
        };
        let secret_keys = |ns: &str, name: &str| {
            secrets
                .get(&(ns, name))
                .map(|s| s.keys().collect::<Vec<_>>())
        };
        for w in workloads {
            for (k, volume) in w.spec.volumes.iter().enumerate() {
                let vp = w.spec_path.child("volumes").index(k);
                match &volume.source {
                    VolumeSource::ConfigMap(c) if c.optional != Some(true) => {
                        self.config_ref(
                            w,
                            ConfigKind::ConfigMap,
                            (
                                ids::S24_KVOL_CONFIG_MAP_VOLUME_EXISTS,
                                ids::S24_KVOL_CONFIG_MAP_VOLUME_KEYS,
                            ),
                            &c.name,
                            &c.items,
                            cm_keys(w.namespace, &c.name),
                            &vp.child("configMap"),
                            "name",
                            checker,
                        );
                    }
                    VolumeSource::Secret(s) if s.optional != Some(true) => {
                        self.config_ref(
                            w,
                            ConfigKind::Secret,
                            (
                                ids::S24_KVOL_SECRET_VOLUME_EXISTS,
                                ids::S24_KVOL_SECRET_VOLUME_KEYS,
                            ),
                            &s.secret_name,
                            &s.items,
                            secret_keys(w.namespace, &s.secret_name),
                            &vp.child("secret"),
                            "secretName",
                            checker,
                        );
                    }
                    VolumeSource::Projected(p) => {
                        let sources = vp.child("projected").child("sources");
                        for (j, source) in p.sources.iter().enumerate() {
                            if let Some(c) = &source.config_map
                                && c.optional != Some(true)
                            {
                                self.config_ref(
                                    w,
                                    ConfigKind::ConfigMap,
                                    (
                                        ids::S24_KVOL_PROJECTED_CONFIG_MAP_EXISTS,
                                        ids::S24_KVOL_PROJECTED_CONFIG_MAP_KEYS,
                                    ),
                                    &c.name,
                                    &c.items,
                                    cm_keys(w.namespace, &c.name),
                                    &sources.index(j).child("configMap"),
                                    "name",
                                    checker,
                                );
                            }
                            if let Some(s) = &source.secret
                                && s.optional != Some(true)
                            {
                                self.config_ref(
                                    w,
                                    ConfigKind::Secret,
                                    (
                                        ids::S24_KVOL_PROJECTED_SECRET_EXISTS,
                                        ids::S24_KVOL_PROJECTED_SECRET_KEYS,
                                    ),
                                    &s.name,
                                    &s.items,
                                    secret_keys(w.namespace, &s.name),
                                    &sources.index(j).child("secret"),
                                    "name",
                                    checker,
                                );
                            }
                        }
                    }
                    _ => {}
                }
            }
            let lists = [
                ("initContainers", &w.spec.init_containers),
                ("containers", &w.spec.containers),
            ];
            for (list, containers) in lists {
                for (c, container) in containers.iter().enumerate() {
                    let cp = w.spec_path.child(list).index(c);
                    self.check_env_refs(w, container, &cp, config_maps, secrets, checker);
                }
            }
        }
    }

    /// A container's `env[].valueFrom.configMapKeyRef` / `secretKeyRef` and
    /// `envFrom[].configMapRef` / `secretRef`: the kubelet resolves them when it makes the
    /// container's environment (`makeEnvironmentVariables`), and fails the container with
    /// CreateContainerConfigError when one that is not optional is missing.
    fn check_env_refs(
        &self,
        w: &Workload<'_>,
        container: &Container,
        cp: &FieldPath,
        config_maps: &FxMap<(&str, &str), &ConfigMap>,
        secrets: &FxMap<(&str, &str), &Secret>,
        checker: &mut Checker,
    ) {
        for (e, from) in container.env_from.iter().enumerate() {
            let ep = cp.child("envFrom").index(e);
            if let Some(r) = &from.config_map_ref
                && r.optional != Some(true)
                && !config_maps.contains_key(&(w.namespace, r.name.as_str()))
            {
                self.env_missing(
                    w,
                    container,
                    ConfigKind::ConfigMap,
                    &r.name,
                    ep.child("configMapRef").child("name"),
                    checker,
                );
            }
            if let Some(r) = &from.secret_ref
                && r.optional != Some(true)
                && !secrets.contains_key(&(w.namespace, r.name.as_str()))
            {
                self.env_missing(
                    w,
                    container,
                    ConfigKind::Secret,
                    &r.name,
                    ep.child("secretRef").child("name"),
                    checker,
                );
            }
        }
        for (e, var) in container.env.iter().enumerate() {
            let Some(source) = &var.value_from else {
                continue;
            };
            let vp = cp.child("env").index(e).child("valueFrom");
            if let Some(r) = &source.config_map_key_ref
                && r.optional != Some(true)
            {
                let sp = vp.child("configMapKeyRef");
                match config_maps.get(&(w.namespace, r.name.as_str())) {
                    // The kubelet reads the key from `data` only, not `binaryData`.
                    Some(cm) => self.env_key(
                        w,
                        container,
                        ConfigKind::ConfigMap,
                        r,
                        cm.data.keys().map(String::as_str).collect(),
                        sp.child("key"),
                        checker,
                    ),
                    None => self.env_missing(
                        w,
                        container,
                        ConfigKind::ConfigMap,
                        &r.name,
                        sp.child("name"),
                        checker,
                    ),
                }
            }
            if let Some(r) = &source.secret_key_ref
                && r.optional != Some(true)
            {
                let sp = vp.child("secretKeyRef");
                match secrets.get(&(w.namespace, r.name.as_str())) {
                    Some(s) => self.env_key(
                        w,
                        container,
                        ConfigKind::Secret,
                        r,
                        s.keys().collect(),
                        sp.child("key"),
                        checker,
                    ),
                    None => self.env_missing(
                        w,
                        container,
                        ConfigKind::Secret,
                        &r.name,
                        sp.child("name"),
                        checker,
                    ),
                }
            }
        }
    }

    /// A ConfigMap or Secret named by a container's environment that is not in the set.
    fn env_missing(
        &self,
        w: &Workload<'_>,
        container: &Container,
        kind: ConfigKind,
        name: &str,
        path: FieldPath,
        checker: &mut Checker,
    ) {
        if name.is_empty() || self.m.is_external(kind.external(), w.namespace, name) {
            return;
        }
        let noun = kind.noun();
        checker.error_in(
            w.obj,
            not_found(
                kind.env_rules().0,
                path,
                name,
                format!(
                    "no {noun} of that name in namespace {} in this set, and none declared \
                     external: the kubelet cannot make the environment of container {} \
                     ({}s {} not found), which never starts (CreateContainerConfigError)",
                    quote(w.namespace),
                    quote(&container.name),
                    noun.to_ascii_lowercase(),
                    quote(name)
                ),
                kind.fix("the reference"),
            ),
        );
    }

    /// A key named by `env[].valueFrom` that the ConfigMap or Secret of the set lacks.
    #[allow(clippy::too_many_arguments)]
    fn env_key(
        &self,
        w: &Workload<'_>,
        container: &Container,
        kind: ConfigKind,
        r: &KeySelector,
        keys: Vec<&str>,
        path: FieldPath,
        checker: &mut Checker,
    ) {
        if keys.contains(&r.key.as_str()) {
            return;
        }
        let noun = kind.noun();
        let binary_only = matches!(kind, ConfigKind::ConfigMap)
            && self.m.objects.iter().any(|o| {
                matches!(o, Object::ConfigMap(cm)
                    if cm.metadata.name == r.name
                        && self.ns(&cm.metadata.namespace) == w.namespace
                        && cm.binary_data.contains_key(&r.key))
            });
        let list = key_list(&keys);
        let detail = if binary_only {
            format!(
                "{noun} {} has {} only in binaryData, which the kubelet does not read for an \
                 environment variable (its data keys: {list}): container {} never starts \
                 (CreateContainerConfigError)",
                quote(&r.name),
                quote(&r.key),
                quote(&container.name)
            )
        } else {
            format!(
                "{noun} {} has no such key (its keys: {list}): the kubelet cannot make the \
                 environment of container {} (couldn't find key {} in {noun} {}/{}), which \
                 never starts (CreateContainerConfigError)",
                quote(&r.name),
                quote(&container.name),
                r.key,
                w.namespace,
                r.name
            )
        };
        checker.error_in(
            w.obj,
            not_found(
                kind.env_rules().1,
                path,
                &r.key,
                detail,
                format!(
                    "name one of the {noun}'s keys, add the key to the {noun}, or mark the \
                     reference `optional: true`"
                ),
            ),
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn config_ref(
        &self,
        w: &Workload<'_>,
        kind: ConfigKind,
        (exists, has_keys): (RuleId, RuleId),
        name: &str,
        items: &[KeyToPath],
        keys: Option<Vec<&str>>,
        sp: &FieldPath,
        name_key: &str,
        checker: &mut Checker,
    ) {
        if name.is_empty() || self.m.is_external(kind.external(), w.namespace, name) {
            return;
        }
        let noun = kind.noun();
        let Some(keys) = keys else {
            checker.error_in(
                w.obj,
                not_found(
                    exists,
                    sp.child(name_key),
                    name,
                    format!(
                        "no {noun} of that name in namespace {} in this set, and none declared \
                         external: the kubelet cannot mount the volume and the pod stays \
                         ContainerCreating",
                        quote(w.namespace)
                    ),
                    kind.fix("the volume source"),
                ),
            );
            return;
        };
        for (j, item) in items.iter().enumerate() {
            if !keys.contains(&item.key.as_str()) {
                checker.error_in(
                    w.obj,
                    not_found(
                        has_keys,
                        sp.child("items").index(j).child("key"),
                        &item.key,
                        format!(
                            "{noun} {} has no such key (its keys: {}): the kubelet cannot \
                             mount the volume and the pod stays ContainerCreating",
                            quote(name),
                            key_list(&keys)
                        ),
                        format!(
                            "name one of the {noun}'s keys, add the key to the {noun}, or mark \
                             the volume source `optional: true`"
                        ),
                    ),
                );
            }
        }
    }

    fn check_shared_claims(
        &self,
        workloads: &[Workload<'a>],
        pvcs: &FxMap<(&str, &str), &PvcSpec>,
        checker: &mut Checker,
    ) {
        // Users of each claim of the set: (workload, volume index).
        let mut users: FxMap<(&str, &str), Vec<(usize, usize)>> = FxMap::default();
        for (w, workload) in workloads.iter().enumerate() {
            for (k, volume) in workload.spec.volumes.iter().enumerate() {
                if let VolumeSource::PersistentVolumeClaim(c) = &volume.source
                    && pvcs.contains_key(&(workload.namespace, c.claim_name.as_str()))
                {
                    users
                        .entry((workload.namespace, c.claim_name.as_str()))
                        .or_default()
                        .push((w, k));
                }
            }
        }
        let mut claims: Vec<_> = users.into_iter().collect();
        claims.sort_unstable_by_key(|(_, u)| u.first().copied());
        for ((ns, claim), users) in claims {
            let Some(spec) = pvcs.get(&(ns, claim)) else {
                continue;
            };
            let modes = spec.access_modes;
            if modes.contains(AccessMode::ReadWriteMany) || modes.contains(AccessMode::ReadOnlyMany)
            {
                continue;
            }
            let pods: i64 = users
                .iter()
                .map(|(w, _)| i64::from(workloads[*w].replicas.max(0)))
                .sum();
            let rolling = users.iter().any(|(w, _)| workloads[*w].rolling);
            let per_node = users.iter().any(|(w, _)| workloads[*w].per_node);
            if pods <= 1 && !rolling && !per_node {
                continue;
            }
            let mode = if modes.contains(AccessMode::ReadWriteOncePod) {
                "ReadWriteOncePod"
            } else {
                "ReadWriteOnce"
            };
            for (w, k) in &users {
                let workload = &workloads[*w];
                let why = if workload.per_node {
                    format!(
                        "DaemonSet {} runs a pod on every node it selects",
                        quote(workload.name)
                    )
                } else if workload.rolling && pods <= 1 {
                    format!(
                        "Deployment {} rolls out with type RollingUpdate, which starts the new \
                         pod before the old one stops",
                        quote(workload.name)
                    )
                } else if per_node {
                    "a DaemonSet's pods mount it too, one on every node".to_owned()
                } else {
                    format!("{pods} pods mount it")
                };
                let consequence = if mode == "ReadWriteOncePod" {
                    "a ReadWriteOncePod claim admits one pod, so the others never start"
                } else {
                    "a pod scheduled on another node cannot attach the volume (Multi-Attach \
                     error) and the rollout never finishes"
                };
                let fix = if workload.per_node {
                    "use a ReadWriteMany claim (NFS, CephFS, a file-storage CSI driver), or a \
                     volume of each node's own (an ephemeral volume)"
                } else if workload.kind == "Deployment" {
                    "write `strategy: Recreate` with one replica, or use a ReadWriteMany \
                     claim (NFS, CephFS, a file-storage CSI driver)"
                } else {
                    "use a ReadWriteMany claim, or one claim per replica (a StatefulSet's \
                     volumeClaimTemplates)"
                };
                checker.warn_in(
                    workload.obj,
                    WarningCode::SharedReadWriteOnceClaim,
                    workload
                        .spec_path
                        .child("volumes")
                        .index(*k)
                        .child("persistentVolumeClaim")
                        .child("claimName"),
                    format!(
                        "claim {} is {mode} and {why}: {consequence}; {fix}",
                        quote(claim)
                    ),
                );
            }
        }
    }

    fn check_budgets(&self, workloads: &[Workload<'a>], checker: &mut Checker) {
        for (i, object) in self.m.objects.iter().enumerate() {
            let Object::PodDisruptionBudget(pdb) = object else {
                continue;
            };
            let ns = self.ns(&pdb.metadata.namespace);
            let sp = self.path(i).child("spec");
            let Some(selector) = &pdb.spec.selector else {
                checker.warn_in(
                    i,
                    WarningCode::PdbSelectsNoPods,
                    sp.child("selector"),
                    "a PodDisruptionBudget without a selector selects no pod (policy/v1): it \
                     protects nothing; select the pods' labels",
                );
                continue;
            };
            let selected: Vec<&Workload<'_>> = workloads
                .iter()
                .filter(|w| w.namespace == ns && selector.matches(w.labels))
                .collect();
            if selected.is_empty() {
                checker.warn_in(
                    i,
                    WarningCode::PdbSelectsNoPods,
                    sp.child("selector"),
                    format!(
                        "the selector matches no pod of this set in namespace {}: the budget \
                         protects nothing here; select the labels of the pods it should keep \
                         available",
                        quote(ns)
                    ),
                );
                continue;
            }
            let replicas: i64 = selected.iter().map(|w| i64::from(w.replicas.max(0))).sum();
            // A DaemonSet's pod count is its number of nodes, unknown here: a count of
            // minAvailable is not compared with it.
            let counted = !selected.iter().any(|w| w.per_node);
            let blocks = match (pdb.spec.min_available, pdb.spec.max_unavailable) {
                (Some(IntOrPercent::Int(n)), _) => counted && i64::from(n) >= replicas,
                (Some(IntOrPercent::Percent(p)), _) => p >= 100,
                (None, Some(IntOrPercent::Int(0) | IntOrPercent::Percent(0))) => true,
                _ => false,
            };
            if blocks {
                let key = if pdb.spec.min_available.is_some() {
                    "minAvailable"
                } else {
                    "maxUnavailable"
                };
                let names: Vec<String> = selected
                    .iter()
                    .map(|w| format!("{} {}", w.kind, quote(w.name)))
                    .collect();
                let message = if counted {
                    format!(
                        "the budget allows no eviction of the {replicas} pods it selects ({}): \
                         kubectl drain and node upgrades wait forever; write minAvailable \
                         below the replicas (e.g. {}), or maxUnavailable: 1",
                        names.join(", "),
                        (replicas - 1).max(0)
                    )
                } else {
                    format!(
                        "the budget allows no eviction of the pods it selects ({}, a pod on \
                         every node): kubectl drain and node upgrades wait forever; write \
                         maxUnavailable: 1",
                        names.join(", ")
                    )
                };
                checker.warn_in(i, WarningCode::PdbBlocksDrain, sp.child(key), message);
            }
        }
    }
}

/// The two kinds a pod reads configuration from.
#[derive(Clone, Copy)]
enum ConfigKind {
    ConfigMap,
    Secret,
}

impl ConfigKind {
    fn noun(self) -> &'static str {
        match self {
            ConfigKind::ConfigMap => "ConfigMap",
            ConfigKind::Secret => "Secret",
        }
    }

    fn external(self) -> ExternalKind {
        match self {
            ConfigKind::ConfigMap => ExternalKind::ConfigMap,
            ConfigKind::Secret => ExternalKind::Secret,
        }
    }

    /// The rules of a container's environment: the object exists, the key exists.
    fn env_rules(self) -> (RuleId, RuleId) {
        match self {
            ConfigKind::ConfigMap => (
                ids::S24_KVOL_ENV_CONFIG_MAP_EXISTS,
                ids::S24_KVOL_ENV_CONFIG_MAP_KEY,
            ),
            ConfigKind::Secret => (
                ids::S24_KVOL_ENV_SECRET_EXISTS,
                ids::S24_KVOL_ENV_SECRET_KEY,
            ),
        }
    }

    /// How to fix a reference to a missing object.
    fn fix(self, what: &str) -> String {
        let (method, key, flag) = match self {
            ConfigKind::ConfigMap => ("external_config_map", "external_config_maps", "config-map"),
            ConfigKind::Secret => ("external_secret", "external_secrets", "secret"),
        };
        format!(
            "add the {} to the set; if it exists in the cluster, declare it external \
             (`Manifests::{method}`, `{key}: [..]` in `manifests!`, `kvol check --{flag}`); or \
             mark {what} `optional: true`",
            self.noun()
        )
    }
}

/// A ConfigMap's or Secret's keys, quoted, for a message.
fn key_list(keys: &[&str]) -> String {
    if keys.is_empty() {
        "none".to_owned()
    } else {
        keys.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ")
    }
}

fn not_found(
    rule: RuleId,
    path: FieldPath,
    value: &str,
    detail: String,
    help: impl Into<std::borrow::Cow<'static, str>>,
) -> FieldError {
    FieldError::new(rule, path, ErrorKind::NotFound, Some(quote(value)), detail).with_help(help)
}
