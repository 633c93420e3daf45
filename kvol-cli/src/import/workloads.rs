//! Pods, StatefulSets and Deployments (their pod templates, containers and volumes) as DSL
//! bodies: `pod { … }`, `statefulset { … }`, `deployment { … }` inside `manifests!`.
