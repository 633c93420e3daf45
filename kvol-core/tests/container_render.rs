//! Every container field the model has, built with the builders and rendered: the YAML and
//! JSON key order is kubectl's, unset fields are left out, and the pod validates.

use kvol_core::{
    Container, Pod, Quantity, VolumeSource,
    container::{
        EnvFromSource, EnvVarSource, KeySelector, MountPropagationMode, PullPolicy,
        RecursiveReadOnlyMode, TerminationMessagePolicy, VolumeMount,
    },
    pod::{ContainerPort, Protocol},
    probe::{LifecycleHandler, Probe},
    security::{Capabilities, SeccompProfile, SecurityContext},
};

fn q(s: &str) -> Quantity {
    s.parse().unwrap()
}

/// A pod whose containers use every container field kvol models.
pub fn full_pod() -> Pod {
    let app = Container::builder("app", "registry.example.com/app:1.2")
        .image_pull_policy(PullPolicy::IfNotPresent)
        .working_dir("/srv")
        .port_with(ContainerPort {
            container_port: 8080,
            host_port: Some(18080),
            name: Some("http".into()),
            protocol: Protocol::TCP,
        })
        .env("MODE", "primary")
        .env_from_source(
            "PASSWORD",
            EnvVarSource {
                secret_key_ref: Some(KeySelector {
                    optional: Some(true),
                    ..KeySelector::new("app-secret", "password")
                }),
                ..Default::default()
            },
        )
        .env_from_source("LEVEL", EnvVarSource::config_map_key("app-config", "level"))
        .env_from_source("POD_NAME", EnvVarSource::field("metadata.name"))
        .env_from_source("MEM_LIMIT", EnvVarSource::resource("limits.memory"))
        .env_from(EnvFromSource {
            prefix: Some("CFG_".into()),
            ..EnvFromSource::config_map("app-config")
        })
        .request("cpu", q("500m"))
        .request("memory", q("512Mi"))
        .request("ephemeral-storage", q("1Gi"))
        .limit("memory", q("1Gi"))
        .limit("hugepages-2Mi", q("64Mi"))
        .request("hugepages-2Mi", q("64Mi"))
        .limit("example.com/widget", q("1"))
        .request("example.com/widget", q("1"))
        .liveness(
            Probe::http_get("/healthz", "http")
                .initial_delay(10)
                .period(5)
                .timeout(2)
                .failure_threshold(3),
        )
        .readiness(Probe::tcp_socket(8080).success_threshold(2))
        .startup(Probe::exec(["cat", "/tmp/started"]).failure_threshold(30))
        .post_start(LifecycleHandler::exec(["sh", "-c", "echo started"]))
        .pre_stop(LifecycleHandler::sleep(5))
        .security_context(SecurityContext {
            allow_privilege_escalation: Some(false),
            capabilities: Some(Capabilities {
                add: vec!["NET_BIND_SERVICE".into()],
                drop: vec!["ALL".into()],
            }),
            read_only_root_filesystem: Some(true),
            run_as_group: Some(1000),
            run_as_non_root: Some(true),
            run_as_user: Some(1000),
            seccomp_profile: Some(SeccompProfile::runtime_default()),
            ..Default::default()
        })
        .termination_message_policy(TerminationMessagePolicy::FallbackToLogsOnError)
        .mount_with(VolumeMount {
            read_only: true,
            recursive_read_only: Some(RecursiveReadOnlyMode::IfPossible),
            ..VolumeMount::new("config", "/etc/app")
        })
        .mount_with(VolumeMount {
            mount_propagation: Some(MountPropagationMode::HostToContainer),
            sub_path_expr: Some("$(POD_NAME)".into()),
            ..VolumeMount::new("logs", "/var/log/app")
        })
        .device("raw", "/dev/xvda");
    let sidecar = Container::builder("shipper", "registry.example.com/shipper:1.0")
        .sidecar()
        .readiness(Probe::grpc(9090))
        .pre_stop(LifecycleHandler::http_get("/quit", 9090))
        .mount("logs", "/logs");
    Pod::builder("app")
        .container(app)
        .init_container(sidecar)
        .volume("config", VolumeSource::config_map("app-config"))
        .volume("logs", VolumeSource::empty_dir())
        .volume("raw", VolumeSource::claim("raw-block", false))
        .build()
        .expect("a valid pod")
        .into_inner()
}

const EXPECTED: &str = r#"apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - env:
    - name: MODE
      value: primary
    - name: PASSWORD
      valueFrom:
        secretKeyRef:
          key: password
          name: app-secret
          optional: true
    - name: LEVEL
      valueFrom:
        configMapKeyRef:
          key: level
          name: app-config
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: MEM_LIMIT
      valueFrom:
        resourceFieldRef:
          resource: limits.memory
    envFrom:
    - configMapRef:
        name: app-config
      prefix: CFG_
    image: registry.example.com/app:1.2
    imagePullPolicy: IfNotPresent
    lifecycle:
      postStart:
        exec:
          command:
          - sh
          - "-c"
          - "echo started"
      preStop:
        sleep:
          seconds: 5
    livenessProbe:
      failureThreshold: 3
      httpGet:
        path: /healthz
        port: http
      initialDelaySeconds: 10
      periodSeconds: 5
      timeoutSeconds: 2
    name: app
    ports:
    - containerPort: 8080
      hostPort: 18080
      name: http
      protocol: TCP
    readinessProbe:
      successThreshold: 2
      tcpSocket:
        port: 8080
    resources:
      limits:
        example.com/widget: "1"
        hugepages-2Mi: 64Mi
        memory: 1Gi
      requests:
        cpu: 500m
        ephemeral-storage: 1Gi
        example.com/widget: "1"
        hugepages-2Mi: 64Mi
        memory: 512Mi
    securityContext:
      allowPrivilegeEscalation: false
      capabilities:
        add:
        - NET_BIND_SERVICE
        drop:
        - ALL
      readOnlyRootFilesystem: true
      runAsGroup: 1000
      runAsNonRoot: true
      runAsUser: 1000
      seccompProfile:
        type: RuntimeDefault
    startupProbe:
      exec:
        command:
        - cat
        - /tmp/started
      failureThreshold: 30
    terminationMessagePolicy: FallbackToLogsOnError
    volumeDevices:
    - devicePath: /dev/xvda
      name: raw
    volumeMounts:
    - mountPath: /etc/app
      name: config
      readOnly: true
      recursiveReadOnly: IfPossible
    - mountPath: /var/log/app
      mountPropagation: HostToContainer
      name: logs
      subPathExpr: "$(POD_NAME)"
    workingDir: /srv
  initContainers:
  - image: registry.example.com/shipper:1.0
    lifecycle:
      preStop:
        httpGet:
          path: /quit
          port: 9090
    name: shipper
    readinessProbe:
      grpc:
        port: 9090
    restartPolicy: Always
    volumeMounts:
    - mountPath: /logs
      name: logs
  volumes:
  - configMap:
      name: app-config
    name: config
  - emptyDir: {}
    name: logs
  - name: raw
    persistentVolumeClaim:
      claimName: raw-block
"#;

#[test]
fn every_container_field_renders_in_kubectl_order() {
    let yaml = kvol_core::render::to_yaml(&full_pod());
    if std::env::var_os("KVOL_PRINT").is_some() {
        println!("{yaml}");
    }
    assert_eq!(yaml, EXPECTED);
}

#[test]
fn json_has_the_same_fields() {
    let json = kvol_core::json::to_string(&full_pod()).unwrap();
    for key in [
        "\"valueFrom\":{\"secretKeyRef\":{\"key\":\"password\",\"name\":\"app-secret\",\"optional\":true}}",
        "\"envFrom\":[{\"configMapRef\":{\"name\":\"app-config\"},\"prefix\":\"CFG_\"}]",
        "\"hostPort\":18080",
        "\"restartPolicy\":\"Always\"",
        "\"volumeDevices\":[{\"devicePath\":\"/dev/xvda\",\"name\":\"raw\"}]",
        "\"example.com/widget\":\"1\"",
        "\"seccompProfile\":{\"type\":\"RuntimeDefault\"}",
    ] {
        assert!(json.contains(key), "{key} missing from {json}");
    }
}

#[test]
fn an_env_var_with_a_source_has_no_value_key() {
    let c: Container = Container::builder("a", "b")
        .env_from_source("X", EnvVarSource::field("status.podIP"))
        .into();
    let json = kvol_core::json::to_string(&c.env[0]).unwrap();
    assert_eq!(
        json,
        r#"{"name":"X","valueFrom":{"fieldRef":{"fieldPath":"status.podIP"}}}"#
    );
}
