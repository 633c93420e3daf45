//! Services (k8s-rules §10, `ValidateService`): the name is a DNS-1035 label; port
//! names are DNS-1123 labels, required when there are several ports, unique; port numbers in
//! 1..=65535; no two ports with the same protocol and number; named target ports are IANA
//! service names; the selector is a label map.

use super::{
    common::{duplicate_raw, invalid_each},
    ids,
    meta::{self, LabelRules, NameFormat},
};
use crate::{
    names,
    report::{FieldError, FieldPath, RuleId},
    service::{Service, ServicePort, ServiceType, SessionAffinity, TargetPort},
    validate::Checker,
};
use std::collections::BTreeSet;

/// A whole (headless) Service.
pub(crate) fn validate_service(checker: &mut Checker, svc: &Service, path: &FieldPath) {
    meta::object_meta(
        checker,
        &svc.metadata,
        NameFormat::Dns1035,
        ids::S2_NAME_SERVICE,
        &path.child("metadata"),
    );
    let spec = path.child("spec");
    let ports_path = spec.child("ports");
    let require_names = svc.spec.ports.len() > 1;
    let mut port_names = BTreeSet::new();
    for (i, port) in svc.spec.ports.iter().enumerate() {
        service_port(
            checker,
            port,
            require_names,
            &mut port_names,
            &ports_path.index(i),
        );
    }
    let mut seen = BTreeSet::new();
    for (i, port) in svc.spec.ports.iter().enumerate() {
        let protocol = protocol_name(port);
        if !seen.insert((protocol, port.port)) {
            let value = format!("{{\"protocol\":\"{protocol}\",\"port\":{}}}", port.port);
            checker.error(duplicate_raw(
                ids::S10_PROTOCOL_PORT_UNIQUE,
                ports_path.index(i),
                value,
            ));
        }
    }
    meta::labels(
        checker,
        LabelRules::both(ids::S10_SELECTOR_LABELS),
        &svc.spec.selector,
        &spec.child("selector"),
    );
    service_kind(checker, svc, &spec);
    node_ports(checker, svc, &ports_path);
    session_affinity(checker, svc, &spec);
    if let Some(policy) = svc.spec.external_traffic_policy
        && !matches!(
            svc.spec.service_type(),
            ServiceType::NodePort | ServiceType::LoadBalancer
        )
    {
        checker.error(FieldError::invalid(
            ids::S10_TRAFFIC_POLICIES,
            spec.child("externalTrafficPolicy"),
            policy.as_str(),
            "may only be set for externally-accessible services",
        ));
    }
}

/// The rules of `ValidateService` that depend on the type and on `clusterIP`.
fn service_kind(checker: &mut Checker, svc: &Service, spec: &FieldPath) {
    let kind = svc.spec.service_type();
    let headless = svc.is_headless();
    if svc.spec.ports.is_empty() && !headless && kind != ServiceType::ExternalName {
        checker.error(FieldError::required(
            ids::S10_PORTS_REQUIRED,
            spec.child("ports"),
            "",
        ));
    }
    match kind {
        ServiceType::LoadBalancer | ServiceType::NodePort if headless => {
            checker.error(FieldError::invalid(
                ids::S10_HEADLESS_NODEPORT_LB,
                spec.child("clusterIPs").index(0),
                "None",
                format!("may not be set to 'None' for {kind} services"),
            ));
        }
        ServiceType::ExternalName => {
            if !svc.spec.cluster_ip.is_allocated() {
                checker.error(FieldError::forbidden(
                    ids::S10_EXTERNAL_NAME,
                    spec.child("clusterIPs"),
                    "may not be set for ExternalName services",
                ));
            }
            checker.error(FieldError::required(
                ids::S10_EXTERNAL_NAME,
                spec.child("externalName"),
                "",
            ));
        }
        _ => {}
    }
}

/// `nodePort`: forbidden for ClusterIP Services, unique per protocol.
fn node_ports(checker: &mut Checker, svc: &Service, ports: &FieldPath) {
    let cluster_ip = svc.spec.service_type() == ServiceType::ClusterIP;
    let mut seen = BTreeSet::new();
    for (i, port) in svc.spec.ports.iter().enumerate() {
        let Some(n) = port.node_port.filter(|n| *n != 0) else {
            continue;
        };
        let path = ports.index(i).child("nodePort");
        if cluster_ip {
            checker.error(FieldError::forbidden(
                ids::S10_NODE_PORT,
                path.clone(),
                "may not be used when `type` is 'ClusterIP'",
            ));
        }
        if !seen.insert((port.protocol.as_str(), n)) {
            checker.error(duplicate_raw(
                ids::S10_NODE_PORT_UNIQUE,
                path,
                n.to_string(),
            ));
        }
    }
}

/// `sessionAffinity` (defaulted to `None`) and its config (the ClientIP timeout defaulted to
/// 10800 when unset).
fn session_affinity(checker: &mut Checker, svc: &Service, spec: &FieldPath) {
    let affinity = svc.spec.session_affinity.unwrap_or(SessionAffinity::None);
    let config = svc.spec.session_affinity_config.as_ref();
    match affinity {
        SessionAffinity::None if config.is_some() => checker.error(FieldError::forbidden(
            ids::S10_SESSION_AFFINITY,
            spec.child("sessionAffinityConfig"),
            "must not be set when session affinity is None",
        )),
        SessionAffinity::ClientIP => {
            let timeout = config.and_then(|c| c.client_ip.as_ref()?.timeout_seconds);
            if let Some(t) = timeout
                && !(1..=86400).contains(&t)
            {
                checker.error(FieldError::invalid_number(
                    ids::S10_SESSION_AFFINITY_TIMEOUT,
                    spec.child("sessionAffinityConfig")
                        .child("clientIP")
                        .child("timeoutSeconds"),
                    i64::from(t),
                    "must be greater than 0 and less than 86400",
                ));
            }
        }
        SessionAffinity::None => {}
    }
}

fn protocol_name(port: &ServicePort) -> &'static str {
    port.protocol.as_str()
}

/// `validateServicePort`. An unset (or `0` / `""`) target port is defaulted to the port.
fn service_port<'a>(
    checker: &mut Checker,
    port: &'a ServicePort,
    require_name: bool,
    seen: &mut BTreeSet<&'a str>,
    path: &FieldPath,
) {
    let name_path = path.child("name");
    match port.name.as_deref().filter(|n| !n.is_empty()) {
        None if require_name => checker.error(FieldError::required(
            ids::S10_PORT_NAME_REQUIRED,
            name_path,
            "",
        )),
        None => {}
        Some(name) => {
            invalid_each(
                checker,
                ids::S2_NAME_SERVICE_PORT,
                &name_path,
                name,
                names::dns1123_label(name),
            );
            if !seen.insert(name) {
                checker.error(FieldError::duplicate(
                    ids::S10_PORT_NAME_UNIQUE,
                    name_path,
                    name,
                ));
            }
        }
    }
    port_number(checker, ids::S10_PORT_RANGE, port.port, path.child("port"));
    if let Some(app) = &port.app_protocol {
        invalid_each(
            checker,
            ids::S10_APP_PROTOCOL,
            &path.child("appProtocol"),
            app,
            names::qualified_name(app),
        );
    }
    let target = path.child("targetPort");
    match &port.target_port {
        Some(TargetPort::Name(name)) if !name.is_empty() => {
            invalid_each(
                checker,
                ids::S10_TARGET_PORT_NAME,
                &target,
                name,
                names::port_name(name),
            );
        }
        Some(TargetPort::Number(n)) if *n != 0 => {
            port_number(checker, ids::S10_TARGET_PORT_NUMBER, *n, target)
        }
        _ => port_number(checker, ids::S10_TARGET_PORT_NUMBER, port.port, target),
    }
}

fn port_number(checker: &mut Checker, rule: RuleId, n: i32, path: FieldPath) {
    if let Err(e) = names::port_number(i64::from(n)) {
        for (msg, cause) in e.messages.into_iter().zip(e.rules) {
            let error = FieldError::invalid_number(rule, path.clone(), i64::from(n), msg);
            checker.error(error.with_cause(cause));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        pod::Protocol,
        report::ErrorKind,
        rules::test_support::{assert_clean, assert_count, assert_has, assert_only, service},
        validate::Validate,
    };

    fn port(name: Option<&str>, number: i32) -> ServicePort {
        ServicePort {
            name: name.map(Into::into),
            port: number,
            protocol: Protocol::TCP,
            target_port: None,
            ..Default::default()
        }
    }

    #[test]
    fn a_headless_service_is_valid() {
        assert_clean(&service("nginx").check());
        let mut s = service("nginx");
        s.spec.ports.clear();
        assert_clean(&s.check());
    }

    #[test]
    fn name_is_a_dns1035_label() {
        assert_clean(&service(&format!("a{}", "0".repeat(62))).check());
        let mut long = service("web");
        long.metadata.name = "a".repeat(64);
        assert_only(&long.check(), "metadata.name", ErrorKind::Invalid);
        assert_only(
            &service("1web").check(),
            "metadata.name",
            ErrorKind::Invalid,
        );
    }

    #[test]
    fn port_names_are_labels_required_with_several_ports() {
        let mut s = service("web");
        s.spec.ports = vec![port(None, 80)];
        assert_clean(&s.check());
        s.spec.ports = vec![port(Some("web"), 80), port(None, 443)];
        assert_only(&s.check(), "spec.ports[1].name", ErrorKind::Required);
        // Service port names are DNS-1123 labels: 63 characters pass, 64 fail.
        s.spec.ports = vec![port(Some(&"p".repeat(63)), 80)];
        assert_clean(&s.check());
        s.spec.ports = vec![port(Some(&"p".repeat(64)), 80)];
        assert_only(&s.check(), "spec.ports[0].name", ErrorKind::Invalid);
        s.spec.ports = vec![port(Some("web"), 80), port(Some("web"), 81)];
        assert_only(&s.check(), "spec.ports[1].name", ErrorKind::Duplicate);
    }

    #[test]
    fn port_numbers_and_defaulted_target_ports() {
        let mut s = service("web");
        s.spec.ports = vec![port(None, 65535)];
        assert_clean(&s.check());
        s.spec.ports = vec![port(None, 0)];
        let r = s.check();
        // The target port is defaulted to the (invalid) port, so both are reported.
        assert_count(&r, 2);
        assert_has(&r, "spec.ports[0].port", ErrorKind::Invalid);
        assert_has(&r, "spec.ports[0].targetPort", ErrorKind::Invalid);
        s.spec.ports = vec![ServicePort {
            target_port: Some(TargetPort::Number(70000)),
            ..port(None, 80)
        }];
        assert_only(&s.check(), "spec.ports[0].targetPort", ErrorKind::Invalid);
        s.spec.ports = vec![ServicePort {
            target_port: Some(TargetPort::Name("http-alt".into())),
            ..port(None, 80)
        }];
        assert_clean(&s.check());
        s.spec.ports = vec![ServicePort {
            target_port: Some(TargetPort::Name("http--alt".into())),
            ..port(None, 80)
        }];
        assert_only(&s.check(), "spec.ports[0].targetPort", ErrorKind::Invalid);
    }

    #[test]
    fn duplicate_protocol_and_port() {
        let mut s = service("web");
        let mut udp = port(Some("dns-udp"), 53);
        udp.protocol = Protocol::UDP;
        s.spec.ports = vec![port(Some("dns"), 53), udp];
        assert_clean(&s.check());
        s.spec.ports = vec![port(Some("a"), 53), port(Some("b"), 53)];
        let r = s.check();
        assert_only(&r, "spec.ports[1]", ErrorKind::Duplicate);
        assert_eq!(
            r.errors[0].to_string(),
            "spec.ports[1]: Duplicate value: {\"protocol\":\"TCP\",\"port\":53}"
        );
    }

    #[test]
    fn selector_is_a_label_map() {
        let mut s = service("web");
        s.spec.selector.insert("app".into(), "bad value".into());
        assert_only(&s.check(), "spec.selector", ErrorKind::Invalid);
    }
}
