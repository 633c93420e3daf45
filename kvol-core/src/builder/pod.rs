//! [`PodBuilder`] and [`ContainerBuilder`].

use super::{Problems, put};
use crate::{
    container::{
        ContainerRestartPolicy, EnvFromSource, EnvVarSource, PullPolicy, TerminationMessagePolicy,
        VolumeDevice,
    },
    meta::ObjectMeta,
    pod::{Container, ContainerPort, EnvVar, Pod, PodSpec, RestartPolicy, VolumeMount},
    probe::{LifecycleHandler, Probe},
    quantity::Quantity,
    report::{FieldError, FieldPath, Report},
    resources::ResourceRequirements,
    security::SecurityContext,
    validate::Valid,
    version::KubeVersion,
    volume::{Volume, VolumeSource},
};

/// A volume source as the builders' `.volume(name, source)` takes it: a [`VolumeSource`], or the
/// result of a constructor that converts input and can fail, such as
/// [`VolumeSource::empty_dir_sized`]. Failures are reported by `build()` at the volume's path.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceInput {
    source: VolumeSource,
    /// Conversion errors, with paths relative to the volume (`emptyDir.sizeLimit`).
    errors: Vec<FieldError>,
}

impl From<VolumeSource> for SourceInput {
    fn from(source: VolumeSource) -> Self {
        SourceInput {
            source,
            errors: Vec::new(),
        }
    }
}

impl From<Result<VolumeSource, FieldError>> for SourceInput {
    fn from(result: Result<VolumeSource, FieldError>) -> Self {
        match result {
            Ok(source) => source.into(),
            Err(e) => SourceInput::failed(vec![e]),
        }
    }
}

impl From<Result<VolumeSource, Vec<FieldError>>> for SourceInput {
    /// An `Err` carries at least one error (as the constructors' do).
    fn from(result: Result<VolumeSource, Vec<FieldError>>) -> Self {
        match result {
            Ok(source) => source.into(),
            Err(errors) => SourceInput::failed(errors),
        }
    }
}

impl SourceInput {
    /// Only conversion errors: the volume holds the harmless stand-in `emptyDir: {}`, which
    /// `build()` never returns because it reports the errors.
    fn failed(errors: Vec<FieldError>) -> Self {
        SourceInput {
            source: VolumeSource::empty_dir(),
            errors,
        }
    }
}

/// Assembles `volumes` (name, source) into the list at `base` (`spec.volumes`).
pub(crate) fn assemble_volumes(
    volumes: Vec<(String, SourceInput)>,
    base: &FieldPath,
    problems: &mut Problems,
) -> Vec<Volume> {
    let mut out = Vec::with_capacity(volumes.len());
    for (i, (name, input)) in volumes.into_iter().enumerate() {
        problems.relative(&base.index(i), &input.errors);
        out.push(Volume::new(name, input.source));
    }
    out
}

impl Pod {
    /// Starts a Pod named `name` (a DNS-1123 subdomain, checked by `build()`).
    ///
    /// ```
    /// use kvol_core::{Container, Pod, VolumeSource};
    ///
    /// // The seed's "count" pod: two containers share an emptyDir.
    /// let pod = Pod::builder("count")
    ///     .container(Container::builder("html-generator", "gasbugs/count").mount("html", "/var/htdocs"))
    ///     .container(
    ///         Container::builder("web-server", "httpd")
    ///             .port(80)
    ///             .mount_read_only("html", "/usr/local/apache2/htdocs"),
    ///     )
    ///     .volume("html", VolumeSource::empty_dir())
    ///     .build()?;
    /// assert_eq!(pod.spec.containers.len(), 2);
    /// assert_eq!(pod.spec.volumes[0].name, "html");
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> PodBuilder {
        PodBuilder {
            metadata: ObjectMeta::named(name),
            spec: PodSpec::default(),
            volumes: Vec::new(),
            target: KubeVersion::DEFAULT,
        }
    }
}

/// Builds a [`Pod`]; start with [`Pod::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct PodBuilder {
    metadata: ObjectMeta,
    /// Everything but the volumes, which are assembled at build time.
    pub(super) spec: PodSpec,
    volumes: Vec<(String, SourceInput)>,
    target: KubeVersion,
}

impl PodBuilder {
    /// Sets the namespace (unset: the namespace of the request that creates the pod).
    pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
        self.metadata.namespace = Some(namespace.into());
        self
    }
    /// Adds a label.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.metadata.labels, key, value);
        self
    }
    /// Adds an annotation.
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.metadata.annotations, key, value);
        self
    }
    /// Adds a container (a [`ContainerBuilder`] from [`Container::builder`], or a [`Container`]).
    pub fn container(mut self, container: impl Into<Container>) -> Self {
        self.spec.containers.push(container.into());
        self
    }
    /// Adds an init container, which runs to completion before the containers start.
    pub fn init_container(mut self, container: impl Into<Container>) -> Self {
        self.spec.init_containers.push(container.into());
        self
    }
    /// Adds a volume named `name` (mounts refer to it by this name).
    ///
    /// `source` is a [`VolumeSource`] (see its constructors) or the `Result` of a constructor
    /// that converts input, such as [`VolumeSource::empty_dir_sized`]; a failed conversion is
    /// reported by `build()` at `spec.volumes[i]…`.
    pub fn volume(mut self, name: impl Into<String>, source: impl Into<SourceInput>) -> Self {
        self.volumes.push((name.into(), source.into()));
        self
    }
    /// Sets the restart policy (unset: `Always`).
    pub fn restart_policy(mut self, policy: RestartPolicy) -> Self {
        self.spec.restart_policy = Some(policy);
        self
    }
    /// Sets `terminationGracePeriodSeconds` (unset: 30).
    pub fn grace_period(mut self, seconds: i64) -> Self {
        self.spec.termination_grace_period_seconds = Some(seconds);
        self
    }
    /// Sets the service account the pod runs as.
    pub fn service_account(mut self, name: impl Into<String>) -> Self {
        self.spec.service_account_name = Some(name.into());
        self
    }
    /// Requires a node label (`nodeSelector`).
    pub fn node_selector(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        put(&mut self.spec.node_selector, key, value);
        self
    }
    /// Validates for this Kubernetes release instead of [`KubeVersion::DEFAULT`].
    pub fn target(mut self, target: KubeVersion) -> Self {
        self.target = target;
        self
    }
    /// Sets a pod spec field kvol does not model (the escape hatch): `name` is its JSON name,
    /// checked at build time against the Kubernetes schema of the target version (a typo gets
    /// a "did you mean"), like the value's type. A field kvol models is refused: the error
    /// names the builder method to use instead.
    ///
    /// ```
    /// use kvol_core::{Container, Pod};
    /// let pod = Pod::builder("p")
    ///     .container(Container::builder("c", "busybox"))
    ///     .extra("hostNetwork", true)
    ///     .build()?;
    /// assert!(pod.to_yaml().contains("  hostNetwork: true\n"));
    /// let err = Pod::builder("p")
    ///     .container(Container::builder("c", "busybox"))
    ///     .extra("hostNetwrok", true)
    ///     .build()
    ///     .unwrap_err();
    /// assert!(err.to_string().contains("did you mean `hostNetwork`?"));
    /// # Ok::<(), kvol_core::Report>(())
    /// ```
    pub fn extra(
        mut self,
        name: impl Into<String>,
        value: impl Into<crate::schema::Value>,
    ) -> Self {
        self.spec.extra.insert(name, value);
        self
    }

    fn assemble(self) -> (Pod, Problems, KubeVersion) {
        let mut problems = Problems::default();
        let base = FieldPath::root().child("spec").child("volumes");
        let mut spec = self.spec;
        spec.volumes = assemble_volumes(self.volumes, &base, &mut problems);
        (
            Pod {
                metadata: self.metadata,
                spec,
            },
            problems,
            self.target,
        )
    }

    /// Builds and validates the Pod: every conversion and validation error at once.
    pub fn build(self) -> Result<Valid<Pod>, Report> {
        let (pod, problems, target) = self.assemble();
        problems.finish(pod, target)
    }

    /// Builds without failing, with the warnings of the target release. For the `kvol` macros,
    /// whose input was checked at compile time with the same rules; use [`build`](Self::build).
    #[doc(hidden)]
    pub fn __build_prechecked(self) -> Valid<Pod> {
        let (pod, _, target) = self.assemble();
        super::prechecked(pod, target)
    }
}

impl Container {
    /// Starts a container named `name` (a DNS-1123 label, unique in the pod) running `image`.
    ///
    /// ```
    /// use kvol_core::Container;
    ///
    /// let c: Container = Container::builder("web", "nginx:1.27")
    ///     .named_port("http", 80)
    ///     .mount_read_only("config", "/etc/nginx/conf.d")
    ///     .into();
    /// assert_eq!(c.ports[0].name.as_deref(), Some("http"));
    /// assert!(c.volume_mounts[0].read_only);
    /// ```
    pub fn builder(name: impl Into<String>, image: impl Into<String>) -> ContainerBuilder {
        ContainerBuilder {
            container: Container::new(name, image),
        }
    }
}

/// Builds a [`Container`]; start with [`Container::builder`] and hand it to a pod or
/// StatefulSet builder's `.container(..)` (or convert it with `.into()`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a container builder does nothing until it is added to a pod"]
pub struct ContainerBuilder {
    container: Container,
}

impl ContainerBuilder {
    /// Adds an unnamed TCP port.
    pub fn port(self, container_port: i32) -> Self {
        self.port_with(ContainerPort {
            container_port,
            ..ContainerPort::default()
        })
    }
    /// Adds a named TCP port; a StatefulSet exposes named ports on its headless Service.
    pub fn named_port(self, name: impl Into<String>, container_port: i32) -> Self {
        let name = Some(name.into());
        self.port_with(ContainerPort {
            container_port,
            name,
            ..ContainerPort::default()
        })
    }
    /// Adds a port with full control (protocol).
    pub fn port_with(mut self, port: ContainerPort) -> Self {
        self.container.ports.push(port);
        self
    }
    /// Mounts volume (or claim template) `volume_name` read-write at `mount_path`.
    pub fn mount(self, volume_name: impl Into<String>, mount_path: impl Into<String>) -> Self {
        self.mount_with(VolumeMount::new(volume_name, mount_path))
    }
    /// Mounts volume (or claim template) `volume_name` read-only at `mount_path`.
    pub fn mount_read_only(
        self,
        volume_name: impl Into<String>,
        mount_path: impl Into<String>,
    ) -> Self {
        self.mount_with(VolumeMount {
            read_only: true,
            ..VolumeMount::new(volume_name, mount_path)
        })
    }
    /// Adds a mount with full control (`subPath`, …).
    pub fn mount_with(mut self, mount: VolumeMount) -> Self {
        self.container.volume_mounts.push(mount);
        self
    }
    /// Sets the entrypoint (replaces the image's `ENTRYPOINT`).
    pub fn command<I, S>(mut self, command: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.container.command = command.into_iter().map(Into::into).collect();
        self
    }
    /// Sets the entrypoint's arguments (replaces the image's `CMD`).
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.container.args = args.into_iter().map(Into::into).collect();
        self
    }
    /// Adds an environment variable with a literal value.
    pub fn env(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.container.env.push(EnvVar::new(name, value));
        self
    }
    /// Adds an environment variable with full control (`valueFrom`).
    pub fn env_with(mut self, var: EnvVar) -> Self {
        self.container.env.push(var);
        self
    }
    /// Adds an environment variable whose value comes from `source` (`valueFrom`).
    ///
    /// ```
    /// use kvol_core::{Container, pod::EnvVarSource};
    ///
    /// let c: Container = Container::builder("db", "postgres:16")
    ///     .env_from_source("PGPASSWORD", EnvVarSource::secret_key("pg", "password"))
    ///     .env_from_source("POD_NAME", EnvVarSource::field("metadata.name"))
    ///     .into();
    /// assert_eq!(c.env[0].value_from.as_ref().unwrap().count(), 1);
    /// ```
    pub fn env_from_source(self, name: impl Into<String>, source: EnvVarSource) -> Self {
        self.env_with(EnvVar::from_source(name, source))
    }
    /// Adds every key of a ConfigMap or Secret as variables (`envFrom`).
    pub fn env_from(mut self, source: EnvFromSource) -> Self {
        self.container.env_from.push(source);
        self
    }
    /// Sets `imagePullPolicy`.
    pub fn image_pull_policy(mut self, policy: PullPolicy) -> Self {
        self.container.image_pull_policy = Some(policy);
        self
    }
    /// Sets `workingDir`.
    pub fn working_dir(mut self, dir: impl Into<String>) -> Self {
        self.container.working_dir = Some(dir.into());
        self
    }
    /// Requests `quantity` of `resource` (`cpu`, `memory`, `ephemeral-storage`,
    /// `hugepages-2Mi`, an extended resource such as `nvidia.com/gpu`).
    ///
    /// ```
    /// use kvol_core::{Container, Quantity};
    ///
    /// let c: Container = Container::builder("db", "postgres:16")
    ///     .request("cpu", "500m".parse::<Quantity>()?)
    ///     .limit("memory", "1Gi".parse::<Quantity>()?)
    ///     .into();
    /// let r = c.resources.unwrap();
    /// assert_eq!(r.requests["cpu"].to_string(), "500m");
    /// assert_eq!(r.limits["memory"].to_string(), "1Gi");
    /// # Ok::<(), kvol_core::QuantityError>(())
    /// ```
    pub fn request(mut self, resource: impl Into<String>, quantity: Quantity) -> Self {
        self.container
            .resources
            .get_or_insert_with(Default::default)
            .requests
            .insert(resource.into(), quantity);
        self
    }
    /// Limits `resource` to `quantity`.
    pub fn limit(mut self, resource: impl Into<String>, quantity: Quantity) -> Self {
        self.container
            .resources
            .get_or_insert_with(Default::default)
            .limits
            .insert(resource.into(), quantity);
        self
    }
    /// Sets the whole `resources`.
    pub fn resources(mut self, resources: ResourceRequirements) -> Self {
        self.container.resources = Some(resources);
        self
    }
    /// Sets `livenessProbe`.
    ///
    /// ```
    /// use kvol_core::{Container, probe::Probe};
    ///
    /// let c: Container = Container::builder("web", "nginx:1.27")
    ///     .named_port("http", 80)
    ///     .liveness(Probe::http_get("/healthz", "http").period(5))
    ///     .readiness(Probe::tcp_socket(80))
    ///     .into();
    /// assert!(c.liveness_probe.is_some());
    /// ```
    pub fn liveness(mut self, probe: Probe) -> Self {
        self.container.liveness_probe = Some(probe);
        self
    }
    /// Sets `readinessProbe`.
    pub fn readiness(mut self, probe: Probe) -> Self {
        self.container.readiness_probe = Some(probe);
        self
    }
    /// Sets `startupProbe`.
    pub fn startup(mut self, probe: Probe) -> Self {
        self.container.startup_probe = Some(probe);
        self
    }
    /// Sets `lifecycle.postStart`.
    pub fn post_start(mut self, hook: LifecycleHandler) -> Self {
        self.container
            .lifecycle
            .get_or_insert_with(Default::default)
            .post_start = Some(hook);
        self
    }
    /// Sets `lifecycle.preStop`.
    pub fn pre_stop(mut self, hook: LifecycleHandler) -> Self {
        self.container
            .lifecycle
            .get_or_insert_with(Default::default)
            .pre_stop = Some(hook);
        self
    }
    /// Sets the container's `securityContext`.
    pub fn security_context(mut self, context: SecurityContext) -> Self {
        self.container.security_context = Some(context);
        self
    }
    /// Sets `restartPolicy: Always`: as an init container, this container is a native sidecar
    /// that keeps running beside the containers.
    pub fn sidecar(mut self) -> Self {
        self.container.restart_policy = Some(ContainerRestartPolicy::Always);
        self
    }
    /// Sets `terminationMessagePolicy`.
    pub fn termination_message_policy(mut self, policy: TerminationMessagePolicy) -> Self {
        self.container.termination_message_policy = Some(policy);
        self
    }
    /// Sets `terminationMessagePath`.
    pub fn termination_message_path(mut self, path: impl Into<String>) -> Self {
        self.container.termination_message_path = Some(path.into());
        self
    }
    /// Attaches Block-mode volume (or claim template) `volume_name` as a raw device at
    /// `device_path` (`volumeDevices`).
    pub fn device(self, volume_name: impl Into<String>, device_path: impl Into<String>) -> Self {
        self.device_with(VolumeDevice::new(volume_name, device_path))
    }
    /// Adds a raw block device.
    pub fn device_with(mut self, device: VolumeDevice) -> Self {
        self.container.volume_devices.push(device);
        self
    }
    /// Sets a container field kvol does not model (the escape hatch): `name` is its JSON name
    /// (`stdin`, `tty`, …), checked when the pod is built against the Kubernetes schema of the
    /// target version, like the value's type. A field kvol models is refused.
    pub fn extra(
        mut self,
        name: impl Into<String>,
        value: impl Into<crate::schema::Value>,
    ) -> Self {
        self.container.extra.insert(name, value);
        self
    }
    /// The container (validated as part of the pod or StatefulSet it is added to).
    pub fn into_container(self) -> Container {
        self.container
    }
}

impl From<ContainerBuilder> for Container {
    fn from(b: ContainerBuilder) -> Container {
        b.container
    }
}
