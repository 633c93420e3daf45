//! Rendering validated objects as YAML (one or many documents) and JSON.
//!
//! The render layer: [`emit`] ([`Emit`] and [`Sink`], how a value reaches a writer), [`yaml`]
//! (the YAML writer), [`json`] (JSON output), the `Emit` impl macros (`ser_macros`,
//! crate-private) that the model uses, and with the `serde` feature `Serde` (any
//! `serde::Serialize` value through kvol's writers).

use crate::{
    attributes_class::VolumeAttributesClass,
    config::{ConfigMap, Secret},
    daemonset::DaemonSet,
    deployment::Deployment,
    object::{Document, Object},
    pdb::PodDisruptionBudget,
    pod::Pod,
    pv::PersistentVolume,
    pvc::PersistentVolumeClaim,
    service::Service,
    snapshot::{VolumeSnapshot, VolumeSnapshotClass},
    statefulset::StatefulSet,
    storage_class::StorageClass,
    validate::Valid,
};
use std::io;

#[macro_use]
pub(crate) mod ser_macros;

pub mod emit;
pub mod json;
#[cfg(feature = "serde")]
pub(crate) mod serde_bridge;
pub mod yaml;

pub use emit::{Emit, Failure, Sink};
#[cfg(feature = "serde")]
pub use serde_bridge::Serde;

/// Something that renders as one or more Kubernetes documents.
pub trait ToDocuments {
    /// Calls `f` with each document, in output order.
    fn each_document<'a>(&'a self, f: &mut dyn FnMut(Document<'a>));
}

macro_rules! single_document {
    ($($ty:ident),*) => {$(
        impl ToDocuments for $ty {
            fn each_document<'a>(&'a self, f: &mut dyn FnMut(Document<'a>)) {
                f(Document::$ty(self));
            }
        }
    )*};
}
single_document!(
    Pod,
    PersistentVolume,
    PersistentVolumeClaim,
    StorageClass,
    Service,
    ConfigMap,
    Secret,
    Deployment,
    DaemonSet,
    PodDisruptionBudget,
    VolumeSnapshotClass,
    VolumeSnapshot,
    VolumeAttributesClass
);

impl ToDocuments for StatefulSet {
    fn each_document<'a>(&'a self, f: &mut dyn FnMut(Document<'a>)) {
        if !self.service_in_set {
            f(Document::Service(&self.service));
        }
        f(Document::StatefulSet(self));
    }
}

impl ToDocuments for Object {
    fn each_document<'a>(&'a self, f: &mut dyn FnMut(Document<'a>)) {
        for d in self.documents() {
            f(d);
        }
    }
}

impl<T: ToDocuments> ToDocuments for [T] {
    fn each_document<'a>(&'a self, f: &mut dyn FnMut(Document<'a>)) {
        for item in self {
            item.each_document(f);
        }
    }
}

impl<T: ToDocuments> ToDocuments for Vec<T> {
    fn each_document<'a>(&'a self, f: &mut dyn FnMut(Document<'a>)) {
        self.as_slice().each_document(f);
    }
}

/// Writes the documents as a YAML stream (`---` between documents) to `writer`.
pub fn write_yaml<T: ToDocuments + ?Sized, W: io::Write>(value: &T, writer: W) -> io::Result<()> {
    let mut out = yaml::DocumentWriter::new(writer);
    let mut result = Ok(());
    value.each_document(&mut |doc| {
        if result.is_ok() {
            result = out.write_document(&doc).map_err(io::Error::from);
        }
    });
    result?;
    out.flush().map_err(io::Error::from)
}

/// The documents as a YAML stream.
pub fn to_yaml<T: ToDocuments + ?Sized>(value: &T) -> String {
    let mut buf = Vec::new();
    // Writing to memory cannot fail, and every kvol type serializes.
    let _ = write_yaml(value, &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}

/// The documents as pretty JSON: one object, or a `v1` `List` when there are several (as
/// `kubectl get -o json` prints them).
pub fn to_json<T: ToDocuments + ?Sized>(value: &T) -> String {
    let mut docs = Vec::new();
    value.each_document(&mut |d| docs.push(d));
    // Every kvol type serializes to JSON (string keys only), so the fallback is never taken.
    let json = match docs.as_slice() {
        [one] => json::to_string_pretty(one),
        _ => json::to_string_pretty(&List { items: &docs }),
    };
    json.unwrap_or_default()
}

/// A `v1` `List` of documents, as `kubectl get -o json` prints several objects.
struct List<'d, 'a> {
    items: &'d [Document<'a>],
}

impl Emit for List<'_, '_> {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_map();
        out.field("apiVersion", &"v1");
        out.field("kind", &"List");
        out.field("items", &self.items);
        out.end_map();
    }
}

impl<T: ToDocuments> Valid<T> {
    /// The YAML: one document, or several separated by `---` (a StatefulSet renders its
    /// headless Service first).
    pub fn to_yaml(&self) -> String {
        to_yaml(&**self)
    }
    /// The JSON: one object, or a `List` of several.
    pub fn to_json(&self) -> String {
        to_json(&**self)
    }
    /// Streams the YAML to `writer`.
    pub fn write_yaml<W: io::Write>(&self, writer: W) -> io::Result<()> {
        write_yaml(&**self, writer)
    }
}

/// One YAML stream made of several validated values, written as they come (nothing is held in
/// memory): `---` goes between every two documents, also between two values.
///
/// ```
/// use kvol_core::{AccessMode, PersistentVolumeClaim, render::YamlStream};
/// let mut stream = YamlStream::new(Vec::new());
/// for name in ["logs", "data"] {
///     let claim = PersistentVolumeClaim::builder(name)
///         .access_mode(AccessMode::ReadWriteOnce)
///         .request("1Gi")
///         .build()?;
///     stream.write(&claim)?;
/// }
/// assert_eq!(stream.documents(), 2);
/// let yaml = String::from_utf8(stream.finish()?)?;
/// assert_eq!(yaml.matches("\n---\n").count(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct YamlStream<W: io::Write> {
    out: yaml::DocumentWriter<W>,
}

impl<W: io::Write> YamlStream<W> {
    /// A stream writing to `writer` (wrap files and stdout in a `BufWriter`).
    pub fn new(writer: W) -> Self {
        YamlStream {
            out: yaml::DocumentWriter::new(writer),
        }
    }

    /// Appends the documents of a validated value (a StatefulSet adds its Service first).
    pub fn write<T: ToDocuments>(&mut self, value: &Valid<T>) -> io::Result<()> {
        let mut result = Ok(());
        value.each_document(&mut |doc| {
            if result.is_ok() {
                result = self.out.write_document(&doc).map_err(io::Error::from);
            }
        });
        result
    }

    /// Documents written so far.
    pub fn documents(&self) -> usize {
        self.out.documents()
    }

    /// Flushes and gives the writer back.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush().map_err(io::Error::from)?;
        Ok(self.out.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer whose reader went away.
    struct ClosedPipe;

    impl io::Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn write_errors_keep_their_kind() {
        let pod = Pod::builder("p")
            .container(crate::pod::Container::new("c", "busybox"))
            .build()
            .expect("valid pod");
        let err = pod.write_yaml(ClosedPipe).expect_err("the pipe is closed");
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    }

    #[test]
    #[cfg(feature = "serde")]
    fn yaml_errors_become_other() {
        let map = [(1, 2)]
            .into_iter()
            .collect::<std::collections::BTreeMap<_, _>>();
        let err = io::Error::from(
            crate::yaml::to_string(&crate::render::Serde(&map)).expect_err("non-string key"),
        );
        assert_eq!(err.kind(), io::ErrorKind::Other);
        assert!(err.to_string().contains("mapping keys must be strings"));
    }
}
