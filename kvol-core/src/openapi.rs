//! Conversions into [k8s-openapi](https://docs.rs/k8s-openapi) types (feature `k8s-openapi`).
