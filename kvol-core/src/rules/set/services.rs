//! Services against the pods of the set: a Service with a selector should select some pod of
//! the set (kvol's warning), and a named `targetPort` must be a container port of every pod it
//! selects (kvol's error: the endpoints controller finds no port of that name).

use super::Cross;
use crate::{
    meta::StringMap,
    object::Object,
    pod::PodSpec,
    report::{FieldError, WarningCode, quote},
    rules::ids,
    service::{Service, TargetPort},
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
                _ => {}
            }
        }
        for (i, object) in self.m.objects.iter().enumerate() {
            if let Object::Service(svc) = object {
                self.check_service(checker, i, svc, &pods);
            }
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
