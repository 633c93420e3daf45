//! Services against the pods of the set: a Service with a selector should select some pod of
//! the set (kvol's warning), and a named `targetPort` must be a container port of every pod it
//! selects (kvol's error: the endpoints controller finds no port of that name).

use super::Cross;
use crate::{
    manifests::ExternalKind,
    meta::StringMap,
    object::Object,
    pod::PodSpec,
    report::{FieldError, WarningCode, quote},
    rules::common::{invalid_raw, json_map},
    rules::ids,
    service::{Service, TargetPort},
    statefulset::StatefulSet,
    validate::Checker,
};

/// A pod (or pod template) of the set: its object, namespace, labels and spec.
struct PodOf<'a> {
    obj: usize,
    namespace: &'a str,
    labels: &'a StringMap,
    spec: &'a PodSpec,
}

impl<'a> Cross<'a> {
    /// The Services of the set (not the StatefulSets' own, which kvol ties to their pods).
    pub(super) fn check_services(&self, checker: &mut Checker) {
        let mut pods = Vec::new();
        for (i, object) in self.m.objects.iter().enumerate() {
            match object {
                Object::Pod(p) => pods.push(PodOf {
                    obj: i,
                    namespace: self.ns(&p.metadata.namespace),
                    labels: &p.metadata.labels,
                    spec: &p.spec,
                }),
                Object::StatefulSet(s) => pods.push(PodOf {
                    obj: i,
                    namespace: self.ns(&s.metadata.namespace),
                    labels: &s.spec.template.metadata.labels,
                    spec: &s.spec.template.spec,
                }),
                Object::Deployment(d) => pods.push(PodOf {
                    obj: i,
                    namespace: self.ns(&d.metadata.namespace),
                    labels: &d.spec.template.metadata.labels,
                    spec: &d.spec.template.spec,
                }),
                Object::DaemonSet(d) => pods.push(PodOf {
                    obj: i,
                    namespace: self.ns(&d.metadata.namespace),
                    labels: &d.spec.template.metadata.labels,
                    spec: &d.spec.template.spec,
                }),
                _ => {}
            }
        }
        for (i, object) in self.m.objects.iter().enumerate() {
            match object {
                Object::Service(svc) => self.check_service(checker, i, svc, &pods),
                Object::StatefulSet(s) if s.service_in_set => self.check_governing(checker, i, s),
                _ => {}
            }
        }
    }

    /// A StatefulSet whose governing Service is declared separately: the set holds it (same
    /// namespace, named `serviceName`), headless, selecting the pods.
    fn check_governing(&self, checker: &mut Checker, i: usize, sts: &StatefulSet) {
        let namespace = self.ns(&sts.metadata.namespace);
        let name = sts.spec.service_name.as_str();
        let found = self
            .m
            .objects
            .iter()
            .enumerate()
            .find_map(|(j, o)| match o {
                Object::Service(svc)
                    if svc.metadata.name == name
                        && self.ns(&svc.metadata.namespace) == namespace =>
                {
                    Some((j, svc))
                }
                _ => None,
            });
        let rule = ids::S11_2_KVOL_SERVICE_IN_SET_EXISTS;
        let Some((j, svc)) = found else {
            if self.m.is_external(ExternalKind::Service, namespace, name) {
                return;
            }
            let error =
                FieldError::not_found(rule, self.path(i).child("spec").child("serviceName"), name);
            checker.error_in(
                i,
                FieldError {
                    detail: format!(
                        "the governing Service is declared separately, but the set holds no \
                         Service {} in namespace {}: add it, or let kvol write it",
                        quote(name),
                        quote(namespace)
                    ),
                    ..error
                },
            );
            return;
        };
        let spec = self.path(j).child("spec");
        if !svc.is_headless() {
            checker.error_in(
                j,
                FieldError::invalid(
                    rule,
                    spec.child("clusterIP"),
                    svc.spec.cluster_ip.as_str().unwrap_or(""),
                    format!(
                        "must be None: the Service governs StatefulSet {}, and only a headless \
                         Service gives each pod its DNS name",
                        quote(&sts.metadata.name)
                    ),
                ),
            );
        }
        let labels = &sts.spec.template.metadata.labels;
        let selects = !svc.spec.selector.is_empty()
            && (svc.spec.selector.iter()).all(|(k, v)| labels.get(k) == Some(v));
        if !selects {
            checker.error_in(
                j,
                invalid_raw(
                    rule,
                    spec.child("selector"),
                    json_map(&svc.spec.selector),
                    format!(
                        "must select the pods of StatefulSet {} (their labels are {})",
                        quote(&sts.metadata.name),
                        json_map(labels)
                    ),
                ),
            );
        }
    }

    fn check_service(&self, checker: &mut Checker, i: usize, svc: &Service, pods: &[PodOf<'_>]) {
        let selector = &svc.spec.selector;
        if selector.is_empty() {
            // Without a selector, endpoints are managed by hand.
            return;
        }
        let namespace = self.ns(&svc.metadata.namespace);
        let selected: Vec<&PodOf<'_>> = pods
            .iter()
            .filter(|p| {
                p.namespace == namespace && selector.iter().all(|(k, v)| p.labels.get(k) == Some(v))
            })
            .collect();
        let spec = self.path(i).child("spec");
        if selected.is_empty() {
            checker.warn_in(
                i,
                WarningCode::ServiceSelectsNoPods,
                spec.child("selector"),
                "no Pod or pod template of this set carries all of these labels: unless pods \
                 created elsewhere do, the Service gets no endpoints and its name resolves to \
                 nothing",
            );
            return;
        }
        for (j, port) in svc.spec.ports.iter().enumerate() {
            let Some(TargetPort::Name(name)) = &port.target_port else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            let missing = selected.iter().find(|p| {
                !p.spec
                    .containers
                    .iter()
                    .flat_map(|c| &c.ports)
                    .any(|cp| cp.name.as_deref() == Some(name.as_str()))
            });
            if let Some(p) = missing {
                let owner = &self.m.objects[p.obj];
                let error = FieldError::not_found(
                    ids::S10_KVOL_TARGET_PORT_IN_SELECTED_PODS,
                    spec.child("ports").index(j).child("targetPort"),
                    name,
                );
                checker.error_in(
                    i,
                    FieldError {
                        detail: format!(
                            "no container port of {} {} is named {}, and the Service selects \
                             its pods: name a container port `{name}`, or give the number",
                            owner.kind(),
                            quote(owner.name()),
                            quote(name)
                        ),
                        ..error
                    },
                );
            }
        }
    }
}
