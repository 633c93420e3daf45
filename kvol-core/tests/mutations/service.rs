//! Mutation rows: headless Services (rules/service.rs).

use super::*;

/// §10: the headless Service (embedded in a StatefulSet, errors under `service.`).
pub(super) fn services(rows: &mut Vec<Row>) {
    rows.push(model(
        "10/port-name-required",
        sts(),
        "service.spec.ports[1].name",
        REQUIRED,
        |s| {
            s.service
                .spec
                .ports
                .push(service_port(None, 443, Protocol::TCP))
        },
        |s| {
            s.service
                .spec
                .ports
                .push(service_port(Some("https"), 443, Protocol::TCP))
        },
    ));
    rows.push(model(
        "10/port-name-unique",
        sts(),
        "service.spec.ports[1].name",
        DUPLICATE,
        |s| {
            s.service
                .spec
                .ports
                .push(service_port(Some("web"), 443, Protocol::TCP))
        },
        |s| {
            s.service
                .spec
                .ports
                .push(service_port(Some("web-tls"), 443, Protocol::TCP))
        },
    ));
    rows.push(model(
        "10/port-range",
        sts(),
        "service.spec.ports[0].port",
        INVALID,
        |s| s.service.spec.ports[0].port = 65536,
        |s| s.service.spec.ports[0].port = 65535,
    ));
    rows.push(model(
        "10/targetPort-number",
        sts(),
        "service.spec.ports[0].targetPort",
        INVALID,
        |s| s.service.spec.ports[0].target_port = Some(TargetPort::Number(65536)),
        |s| s.service.spec.ports[0].target_port = Some(TargetPort::Number(65535)),
    ));
    rows.push(model(
        "10/targetPort-name",
        sts(),
        "service.spec.ports[0].targetPort",
        INVALID,
        |s| s.service.spec.ports[0].target_port = Some(TargetPort::Name("web--1".into())),
        |s| s.service.spec.ports[0].target_port = Some(TargetPort::Name("web".into())),
    ));
    rows.push(model(
        "10/protocol-port-unique",
        sts(),
        "service.spec.ports[1]",
        DUPLICATE,
        |s| {
            s.service
                .spec
                .ports
                .push(service_port(Some("web2"), 80, Protocol::TCP))
        },
        |s| {
            s.service
                .spec
                .ports
                .push(service_port(Some("web2"), 80, Protocol::UDP))
        },
    ));
    rows.push(model(
        "10/selector-labels",
        sts(),
        "service.spec.selector",
        INVALID,
        |s| {
            s.service
                .spec
                .selector
                .insert("app".into(), "web server".into());
        },
        |s| set_pod_labels(s, &[("app", "web.server")]),
    ));
}
