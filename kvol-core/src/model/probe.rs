//! Probes (`livenessProbe`, `readinessProbe`, `startupProbe`) and lifecycle hooks
//! (`postStart`, `preStop`) of a container, and the actions they run.

pub use super::service::TargetPort;

/// A probe: one action (`exec`, `httpGet`, `tcpSocket` or `grpc`) and its timing.
///
/// The API embeds the action in the probe itself (`livenessProbe.httpGet`); exactly one must
/// be set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Probe {
    /// Run a command in the container; exit status 0 is success.
    pub exec: Option<ExecAction>,
    /// Consecutive failures after which the probe has failed (default 3).
    pub failure_threshold: Option<i32>,
    /// Call a gRPC health service.
    pub grpc: Option<GrpcAction>,
    /// Send an HTTP GET; a status in 200..400 is success.
    pub http_get: Option<HttpGetAction>,
    /// Seconds after the container starts before the first probe (default 0).
    pub initial_delay_seconds: Option<i32>,
    /// Seconds between probes (default 10).
    pub period_seconds: Option<i32>,
    /// Consecutive successes after a failure to succeed again (default 1; liveness and startup
    /// probes require 1).
    pub success_threshold: Option<i32>,
    /// Open a TCP connection.
    pub tcp_socket: Option<TcpSocketAction>,
    /// Grace period for a container killed by this probe (liveness and startup probes only).
    pub termination_grace_period_seconds: Option<i64>,
    /// Seconds after which one probe times out (default 1).
    pub timeout_seconds: Option<i32>,
}
emit_struct!(Probe {
    "exec" => exec skip_if Option::is_none,
    "failureThreshold" => failure_threshold skip_if Option::is_none,
    "grpc" => grpc skip_if Option::is_none,
    "httpGet" => http_get skip_if Option::is_none,
    "initialDelaySeconds" => initial_delay_seconds skip_if Option::is_none,
    "periodSeconds" => period_seconds skip_if Option::is_none,
    "successThreshold" => success_threshold skip_if Option::is_none,
    "tcpSocket" => tcp_socket skip_if Option::is_none,
    "terminationGracePeriodSeconds" => termination_grace_period_seconds skip_if Option::is_none,
    "timeoutSeconds" => timeout_seconds skip_if Option::is_none,
});

impl Probe {
    /// A probe that runs `command` in the container.
    pub fn exec<I, S>(command: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Probe {
            exec: Some(ExecAction::new(command)),
            ..Default::default()
        }
    }

    /// A probe that sends `GET path` to `port` (a number or a named container port).
    pub fn http_get(path: impl Into<String>, port: impl Into<TargetPort>) -> Self {
        Probe {
            http_get: Some(HttpGetAction::new(path, port)),
            ..Default::default()
        }
    }

    /// A probe that opens a TCP connection to `port`.
    pub fn tcp_socket(port: impl Into<TargetPort>) -> Self {
        Probe {
            tcp_socket: Some(TcpSocketAction {
                host: None,
                port: port.into(),
            }),
            ..Default::default()
        }
    }

    /// A probe that calls the gRPC health service on `port`.
    pub fn grpc(port: i32) -> Self {
        Probe {
            grpc: Some(GrpcAction {
                port,
                service: None,
            }),
            ..Default::default()
        }
    }

    /// How many actions are set (the API server requires exactly one).
    pub fn handler_count(&self) -> usize {
        usize::from(self.exec.is_some())
            + usize::from(self.http_get.is_some())
            + usize::from(self.tcp_socket.is_some())
            + usize::from(self.grpc.is_some())
    }

    /// Sets `initialDelaySeconds`.
    pub fn initial_delay(mut self, seconds: i32) -> Self {
        self.initial_delay_seconds = Some(seconds);
        self
    }

    /// Sets `periodSeconds`.
    pub fn period(mut self, seconds: i32) -> Self {
        self.period_seconds = Some(seconds);
        self
    }

    /// Sets `timeoutSeconds`.
    pub fn timeout(mut self, seconds: i32) -> Self {
        self.timeout_seconds = Some(seconds);
        self
    }

    /// Sets `failureThreshold`.
    pub fn failure_threshold(mut self, n: i32) -> Self {
        self.failure_threshold = Some(n);
        self
    }

    /// Sets `successThreshold`.
    pub fn success_threshold(mut self, n: i32) -> Self {
        self.success_threshold = Some(n);
        self
    }
}

impl From<i32> for TargetPort {
    fn from(n: i32) -> Self {
        TargetPort::Number(n)
    }
}

impl From<&str> for TargetPort {
    fn from(name: &str) -> Self {
        TargetPort::Name(name.to_owned())
    }
}

impl From<String> for TargetPort {
    fn from(name: String) -> Self {
        TargetPort::Name(name)
    }
}

/// `exec`: a command run in the container (not in a shell).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExecAction {
    /// The command and its arguments.
    pub command: Vec<String>,
}
emit_struct!(ExecAction {
    "command" => command skip_if Vec::is_empty,
});

impl ExecAction {
    /// Runs `command`.
    pub fn new<I, S>(command: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        ExecAction {
            command: command.into_iter().map(Into::into).collect(),
        }
    }
}

/// `httpGet`: an HTTP GET request to the pod (or `host`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpGetAction {
    /// The host to connect to (default: the pod's IP).
    pub host: Option<String>,
    /// Extra request headers.
    pub http_headers: Vec<HttpHeader>,
    /// The request path.
    pub path: Option<String>,
    /// The port: a number or a named container port.
    pub port: TargetPort,
    /// `HTTP` (the default) or `HTTPS`.
    pub scheme: Option<UriScheme>,
}
emit_struct!(HttpGetAction {
    "host" => host skip_if Option::is_none,
    "httpHeaders" => http_headers skip_if Vec::is_empty,
    "path" => path skip_if Option::is_none,
    "port" => port,
    "scheme" => scheme skip_if Option::is_none,
});

impl HttpGetAction {
    /// `GET path` on `port`.
    pub fn new(path: impl Into<String>, port: impl Into<TargetPort>) -> Self {
        HttpGetAction {
            host: None,
            http_headers: Vec::new(),
            path: Some(path.into()),
            port: port.into(),
            scheme: None,
        }
    }
}

/// A header of an `httpGet` request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HttpHeader {
    /// The header's name.
    pub name: String,
    /// Its value.
    pub value: String,
}
emit_struct!(HttpHeader {
    "name" => name,
    "value" => value,
});

api_enum! {
    /// The scheme of an `httpGet` request.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum UriScheme("URI scheme") {
        /// Plain HTTP (the default).
        HTTP = "HTTP",
        /// HTTPS, without verifying the certificate.
        HTTPS = "HTTPS",
    }
}

/// `tcpSocket`: a TCP connection that opens is success.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TcpSocketAction {
    /// The host to connect to (default: the pod's IP).
    pub host: Option<String>,
    /// The port: a number or a named container port.
    pub port: TargetPort,
}
emit_struct!(TcpSocketAction {
    "host" => host skip_if Option::is_none,
    "port" => port,
});

/// `grpc`: the gRPC health checking protocol.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GrpcAction {
    /// The port number (names are not supported).
    pub port: i32,
    /// The service name sent in the health check request.
    pub service: Option<String>,
}
emit_struct!(GrpcAction {
    "port" => port,
    "service" => service skip_if Option::is_none,
});

/// A container's lifecycle hooks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lifecycle {
    /// Runs right after the container is created.
    pub post_start: Option<LifecycleHandler>,
    /// Runs before the container is stopped.
    pub pre_stop: Option<LifecycleHandler>,
}
emit_struct!(Lifecycle {
    "postStart" => post_start skip_if Option::is_none,
    "preStop" => pre_stop skip_if Option::is_none,
});

/// What a lifecycle hook does: exactly one action.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LifecycleHandler {
    /// Run a command in the container.
    pub exec: Option<ExecAction>,
    /// Send an HTTP GET.
    pub http_get: Option<HttpGetAction>,
    /// Wait a number of seconds.
    pub sleep: Option<SleepAction>,
    /// Deprecated and never run by the kubelet; kept so existing manifests can be read.
    pub tcp_socket: Option<TcpSocketAction>,
}
emit_struct!(LifecycleHandler {
    "exec" => exec skip_if Option::is_none,
    "httpGet" => http_get skip_if Option::is_none,
    "sleep" => sleep skip_if Option::is_none,
    "tcpSocket" => tcp_socket skip_if Option::is_none,
});

impl LifecycleHandler {
    /// A hook that runs `command`.
    pub fn exec<I, S>(command: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        LifecycleHandler {
            exec: Some(ExecAction::new(command)),
            ..Default::default()
        }
    }

    /// A hook that sends `GET path` to `port`.
    pub fn http_get(path: impl Into<String>, port: impl Into<TargetPort>) -> Self {
        LifecycleHandler {
            http_get: Some(HttpGetAction::new(path, port)),
            ..Default::default()
        }
    }

    /// A hook that waits `seconds`.
    pub fn sleep(seconds: i64) -> Self {
        LifecycleHandler {
            sleep: Some(SleepAction { seconds }),
            ..Default::default()
        }
    }

    /// How many actions are set (the API server requires exactly one).
    pub fn handler_count(&self) -> usize {
        usize::from(self.exec.is_some())
            + usize::from(self.http_get.is_some())
            + usize::from(self.sleep.is_some())
            + usize::from(self.tcp_socket.is_some())
    }
}

/// `sleep`: wait before the container is stopped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SleepAction {
    /// Seconds to wait.
    pub seconds: i64,
}
emit_struct!(SleepAction {
    "seconds" => seconds,
});
