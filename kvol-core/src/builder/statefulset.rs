//! [`StatefulSetBuilder`]: a StatefulSet and its headless Service, derived once, together.

use super::{Problems, PvcTemplateBuilder, SourceInput, pod::assemble_volumes, put};
use crate::{
    meta::{ObjectMeta, StringMap, TemplateMeta},
    pod::{Container, PodSpec, PodTemplate},
    report::{FieldError, FieldPath, Report},
    rules::ids,
    selector::LabelSelector,
    service::{Service, ServicePort, ServiceSpec},
    statefulset::{
        PodManagementPolicy, RetentionPolicy, StatefulSet, StatefulSetSpec, UpdateStrategy,
    },
    validate::Valid,
    version::KubeVersion,
};

impl StatefulSet {
    /// Starts a StatefulSet named `name` (a DNS-1123 label), always built with its headless
    /// Service.
    ///
    /// Defaults: pod labels `{app: <name>}` when no [`label`](StatefulSetBuilder::label) is
    /// given; the selector is the pod labels (or those given with
    /// [`selector_label`](StatefulSetBuilder::selector_label)); `serviceName` is `name`. The Service is named
    /// `serviceName`, has `clusterIP: None`, the pod labels as labels and selector, and one port
    /// per named container port.
    ///
    /// ```
    /// use kvol_core::{AccessMode, Container, PvcTemplate, StatefulSet};
    ///
    /// // The seed's StatefulSet "web" with its headless Service "nginx".
    /// let web = StatefulSet::builder("web")
    ///     .service_name("nginx")
    ///     .label("app", "nginx")
    ///     .replicas(3)
    ///     .grace_period(10)
    ///     .container(
    ///         Container::builder("nginx", "registry.k8s.io/nginx-slim:0.8")
    ///             .named_port("web", 80)
    ///             .mount("www", "/usr/share/nginx/html"),
    ///     )
    ///     .claim(
    ///         PvcTemplate::builder("www")
    ///             .access_mode(AccessMode::ReadWriteOnce)
    ///             .storage_class("standard")
    ///             .request("1Gi"),
    ///     )
    ///     .build()?;
    /// assert_eq!(web.service.metadata.name, "nginx");
    /// assert_eq!(web.service.spec.ports[0].name.as_deref(), Some("web"));
    /// assert_eq!(web.spec.selector.match_labels, web.spec.template.metadata.labels);
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> StatefulSetBuilder {
        StatefulSetBuilder {
            metadata: ObjectMeta::named(name),
            pod_labels: StringMap::new(),
            selector: None,
            pod_annotations: StringMap::new(),
            service_name: None,
            pod: PodSpec::default(),
            volumes: Vec::new(),
            claims: Vec::new(),
            min_ready_seconds: None,
            ordinals_start: None,
            retention: None,
            pod_management_policy: None,
            replicas: None,
            revision_history_limit: None,
            update_strategy: None,
            publish_not_ready_addresses: false,
            service_labels: StringMap::new(),
            service_annotations: StringMap::new(),
            service_ports: None,
            explicit_ports: Vec::new(),
            service_in_set: false,
            target: KubeVersion::DEFAULT,
            extra: crate::schema::Extras::new(),
        }
    }
}

/// Builds a [`StatefulSet`] and its headless [`Service`]; start with [`StatefulSet::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct StatefulSetBuilder {
    metadata: ObjectMeta,
    pod_labels: StringMap,
    /// `spec.selector` when it is not all the pod labels (unset: the pod labels).
    selector: Option<LabelSelector>,
    pod_annotations: StringMap,
    service_name: Option<String>,
    /// The pod spec without its volumes, which are assembled at build time.
    pub(super) pod: PodSpec,
    volumes: Vec<(String, SourceInput)>,
    claims: Vec<PvcTemplateBuilder>,
    min_ready_seconds: Option<i32>,
    ordinals_start: Option<i32>,
    retention: Option<RetentionPolicy>,
    pod_management_policy: Option<PodManagementPolicy>,
    replicas: Option<i32>,
    revision_history_limit: Option<i32>,
    update_strategy: Option<UpdateStrategy>,
    publish_not_ready_addresses: bool,
    service_labels: StringMap,
    service_annotations: StringMap,
    /// The named container ports the Service exposes (unset: all of them).
    service_ports: Option<Vec<String>>,
    /// Ports of the Service written out (after the selected named ports).
    explicit_ports: Vec<ServicePort>,
    service_in_set: bool,
    target: KubeVersion,
    extra: crate::schema::Extras,
}

impl StatefulSetBuilder {
    /// Sets the namespace of the StatefulSet and its Service.
    pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
        self.metadata.namespace = Some(namespace.into());
        self
    }
    /// Adds a pod label. The pod labels are also the StatefulSet's selector and the Service's
    /// labels and selector; without any, they are `{app: <name>}`.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.pod_labels, key, value);
        self
    }
    /// Adds a label to the selector (`spec.selector.matchLabels`). Without any, the selector is
    /// the pod labels; with some, it must select the pods (a subset of their labels), and the
    /// headless Service still selects the pods by all their labels.
    pub fn selector_label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        let selector = self.selector.get_or_insert_with(LabelSelector::default);
        put(&mut selector.match_labels, key, value);
        self
    }
    /// Sets the whole selector (`matchLabels` and `matchExpressions`), replacing labels added
    /// so far: the pods are selected by it instead of by all the pod labels.
    pub fn selector(mut self, selector: LabelSelector) -> Self {
        self.selector = Some(selector);
        self
    }
    /// Adds an annotation to the pods (`spec.template.metadata.annotations`).
    pub fn pod_annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.pod_annotations, key, value);
        self
    }
    /// Adds a label to the StatefulSet object itself (`metadata.labels`; the pods' labels are
    /// set with [`label`](Self::label)).
    pub fn set_label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.metadata.labels, key, value);
        self
    }
    /// Adds a label to the headless Service. Without any, the Service is labelled like the pods.
    pub fn service_label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.service_labels, key, value);
        self
    }
    /// Adds an annotation to the headless Service.
    pub fn service_annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.service_annotations, key, value);
        self
    }
    /// Exposes the named container port `name` on the headless Service. Without any call,
    /// every named container port is exposed; with calls, only these, in this order (a name
    /// that no container port has is reported by `build()`).
    pub fn service_port(mut self, name: impl Into<String>) -> Self {
        self.service_ports
            .get_or_insert_with(Vec::new)
            .push(name.into());
        self
    }
    /// Adds a port written out in full to the headless Service (its own name, number and
    /// `targetPort`, as in a governing Service declared by hand). With any, the Service has the
    /// named container ports chosen with [`service_port`](Self::service_port) (none without
    /// such calls) followed by these ports.
    pub fn governing_port(mut self, port: ServicePort) -> Self {
        self.explicit_ports.push(port);
        self
    }
    /// Declares the governing Service separately, as a Service of the same set of manifests
    /// ([`Manifests`](crate::Manifests)): the StatefulSet is then rendered without its own
    /// Service, and the set must hold a headless Service named like `serviceName` that selects
    /// the pods.
    pub fn service_in_set(mut self, in_set: bool) -> Self {
        self.service_in_set = in_set;
        self
    }
    /// Adds an annotation to the StatefulSet object.
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.metadata.annotations, key, value);
        self
    }
    /// Names the governing headless Service (default: the StatefulSet's name).
    pub fn service_name(mut self, name: impl Into<String>) -> Self {
        self.service_name = Some(name.into());
        self
    }
    /// Sets the number of pods (unset: the field is omitted and Kubernetes uses 1).
    pub fn replicas(mut self, replicas: i32) -> Self {
        self.replicas = Some(replicas);
        self
    }
    /// Sets the pods' `terminationGracePeriodSeconds` (unset: 30).
    pub fn grace_period(mut self, seconds: i64) -> Self {
        self.pod.termination_grace_period_seconds = Some(seconds);
        self
    }
    /// Requires a node label (`nodeSelector`) for the pods.
    pub fn node_selector(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.pod.node_selector, key, value);
        self
    }
    /// Sets the service account the pods run as.
    pub fn service_account(mut self, name: impl Into<String>) -> Self {
        self.pod.service_account_name = Some(name.into());
        self
    }
    /// Sets `minReadySeconds`.
    pub fn min_ready_seconds(mut self, seconds: i32) -> Self {
        self.min_ready_seconds = Some(seconds);
        self
    }
    /// Sets the first ordinal (`ordinals.start`).
    pub fn ordinals_start(mut self, start: i32) -> Self {
        self.ordinals_start = Some(start);
        self
    }
    /// Sets how many old revisions are kept (unset: 10).
    pub fn revision_history_limit(mut self, limit: i32) -> Self {
        self.revision_history_limit = Some(limit);
        self
    }
    /// Adds a container; its named ports are exposed on the headless Service.
    pub fn container(mut self, container: impl Into<Container>) -> Self {
        self.pod.containers.push(container.into());
        self
    }
    /// Adds an init container (its ports are not exposed on the Service).
    pub fn init_container(mut self, container: impl Into<Container>) -> Self {
        self.pod.init_containers.push(container.into());
        self
    }
    /// Adds a pod volume besides the claim templates (see [`PodBuilder::volume`](super::PodBuilder::volume)).
    pub fn volume(mut self, name: impl Into<String>, source: impl Into<SourceInput>) -> Self {
        self.volumes.push((name.into(), source.into()));
        self
    }
    /// Adds a claim template (from [`PvcTemplate::builder`](crate::PvcTemplate::builder)): each
    /// pod gets its own claim, which mounts name like a volume.
    pub fn claim(mut self, template: PvcTemplateBuilder) -> Self {
        self.claims.push(template);
        self
    }
    /// Sets how pods are replaced when the template changes (unset: `RollingUpdate`).
    pub fn update_strategy(mut self, strategy: UpdateStrategy) -> Self {
        self.update_strategy = Some(strategy);
        self
    }
    /// Sets whether pods start one by one or all at once (unset: `OrderedReady`).
    pub fn pod_management(mut self, policy: PodManagementPolicy) -> Self {
        self.pod_management_policy = Some(policy);
        self
    }
    /// Sets what happens to the claims when the set is deleted or scaled down.
    pub fn retention(mut self, policy: RetentionPolicy) -> Self {
        self.retention = Some(policy);
        self
    }
    /// Makes the Service publish DNS records of pods before they are ready (peer discovery).
    pub fn publish_not_ready_addresses(mut self, publish: bool) -> Self {
        self.publish_not_ready_addresses = publish;
        self
    }
    /// Validates for this Kubernetes release instead of [`KubeVersion::DEFAULT`].
    pub fn target(mut self, target: KubeVersion) -> Self {
        self.target = target;
        self
    }
    /// Sets a StatefulSet spec field kvol does not model (the escape hatch): `name` is its
    /// JSON name, checked at build time against the Kubernetes schema of the target version,
    /// like the value's type. A field kvol models is refused (the error names its method).
    pub fn extra(
        mut self,
        name: impl Into<String>,
        value: impl Into<crate::schema::Value>,
    ) -> Self {
        self.extra.insert(name, value);
        self
    }
    /// Sets a pod spec field of the pod template that kvol does not model (`hostNetwork`,
    /// `dnsConfig`, …): see [`PodBuilder::extra`](super::PodBuilder::extra).
    pub fn pod_extra(
        mut self,
        name: impl Into<String>,
        value: impl Into<crate::schema::Value>,
    ) -> Self {
        self.pod.extra.insert(name, value);
        self
    }

    fn assemble(self) -> (StatefulSet, Problems, KubeVersion) {
        let mut problems = Problems::default();
        let spec_path = FieldPath::root().child("spec");

        let mut labels = self.pod_labels;
        if labels.is_empty() {
            labels.insert("app".to_owned(), self.metadata.name.clone());
        }
        let service_name = self
            .service_name
            .unwrap_or_else(|| self.metadata.name.clone());

        let volumes_path = spec_path.child("template").child("spec").child("volumes");
        let mut pod = self.pod;
        pod.volumes = assemble_volumes(self.volumes, &volumes_path, &mut problems);

        let templates_path = spec_path.child("volumeClaimTemplates");
        let volume_claim_templates = (self.claims.into_iter().enumerate())
            .map(|(i, claim)| claim.assemble(&templates_path.index(i), &mut problems))
            .collect();

        let mut service = headless_service(
            &service_name,
            self.metadata.namespace.clone(),
            &labels,
            &pod.containers,
            self.publish_not_ready_addresses,
        );
        if !self.service_labels.is_empty() {
            service.metadata.labels = self.service_labels;
        }
        service.metadata.annotations = self.service_annotations;
        if let Some(names) = self.service_ports {
            let ports_path = FieldPath::root()
                .child("service")
                .child("spec")
                .child("ports");
            let mut ports = Vec::with_capacity(names.len());
            for (i, name) in names.into_iter().enumerate() {
                match service
                    .spec
                    .ports
                    .iter()
                    .find(|p| p.name.as_deref() == Some(&*name))
                {
                    Some(port) => ports.push(port.clone()),
                    None => {
                        let path = ports_path.index(i);
                        problems.error(FieldError::not_found(
                            ids::S11_2_KVOL_SERVICE_TARGET_PORT_EXISTS,
                            path.child("targetPort"),
                            &name,
                        ));
                        problems.stand_in(path);
                        ports.push(ServicePort::named(name, 1));
                    }
                }
            }
            service.spec.ports = ports;
        } else if !self.explicit_ports.is_empty() {
            service.spec.ports.clear();
        }
        service.spec.ports.extend(self.explicit_ports);
        let spec = StatefulSetSpec {
            min_ready_seconds: self.min_ready_seconds,
            ordinals_start: self.ordinals_start,
            retention: self.retention,
            pod_management_policy: self.pod_management_policy,
            replicas: self.replicas,
            revision_history_limit: self.revision_history_limit,
            selector: self
                .selector
                .unwrap_or_else(|| LabelSelector::labels(labels.clone())),
            service_name,
            template: PodTemplate {
                metadata: TemplateMeta {
                    annotations: self.pod_annotations,
                    labels,
                    ..TemplateMeta::default()
                },
                spec: pod,
            },
            update_strategy: self.update_strategy,
            volume_claim_templates,
            extra: self.extra,
        };
        (
            StatefulSet {
                metadata: self.metadata,
                spec,
                service,
                service_in_set: self.service_in_set,
            },
            problems,
            self.target,
        )
    }

    /// Builds and validates the StatefulSet with its Service: every conversion and validation
    /// error at once.
    pub fn build(self) -> Result<Valid<StatefulSet>, Report> {
        let (set, problems, target) = self.assemble();
        problems.finish(set, target)
    }

    /// Builds without failing, with the warnings of the target release. For the `kvol` macros,
    /// whose input was checked at compile time with the same rules; use [`build`](Self::build).
    #[doc(hidden)]
    pub fn __build_prechecked(self) -> Valid<StatefulSet> {
        let (set, _, target) = self.assemble();
        super::prechecked(set, target)
    }
}

/// The governing headless Service kvol's builders make for a set: named `spec.serviceName`,
/// in the set's namespace, selecting the template's labels, with one port per named container
/// port. Used for sets read from YAML, whose Service is a document of its own.
pub fn governing_service(metadata: &ObjectMeta, spec: &StatefulSetSpec) -> Service {
    headless_service(
        &spec.service_name,
        metadata.namespace.clone(),
        &spec.template.metadata.labels,
        &spec.template.spec.containers,
        false,
    )
}

/// The governing headless Service: named `name`, in the set's namespace, labelled and selecting
/// like the pods, with one port per named container port (same name, number and protocol).
fn headless_service(
    name: &str,
    namespace: Option<String>,
    pod_labels: &StringMap,
    containers: &[Container],
    publish_not_ready_addresses: bool,
) -> Service {
    let ports = (containers.iter().flat_map(|c| &c.ports))
        .filter_map(|p| {
            let name = p.name.clone()?;
            Some(ServicePort {
                name: Some(name),
                port: p.container_port,
                protocol: p.protocol,
                ..ServicePort::default()
            })
        })
        .collect();
    Service {
        metadata: ObjectMeta {
            labels: pod_labels.clone(),
            namespace,
            ..ObjectMeta::named(name)
        },
        spec: ServiceSpec {
            ports,
            publish_not_ready_addresses,
            selector: pod_labels.clone(),
            ..ServiceSpec::default()
        },
    }
}
