//! `Decode` for the second release's objects whose `Serialize` is written by hand (their
//! `apiVersion` and `kind` beside flat fields): ConfigMap, Secret, VolumeSnapshotClass,
//! VolumeAttributesClass; and base64 bytes (`binaryData`, Secret `data`).

use super::{Decode, Decoder};
use crate::{
    attributes_class::{AttributesClassVersion, VolumeAttributesClass},
    config::{Bytes, ConfigMap, Secret},
    report::Segment,
    snapshot::VolumeSnapshotClass,
    tree::{Tree, TreeKey, TreeValue},
};

impl Decode for Bytes {
    /// A base64 string, as Go's `encoding/json` reads a `[]byte` (standard alphabet, padded).
    fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
        let text = match node.value() {
            TreeValue::String(s) => s.to_owned(),
            _ => {
                cx.type_error(node, "[]byte");
                return None;
            }
        };
        match Bytes::from_base64(&text) {
            Some(b) => Some(b),
            None => {
                cx.decode_error(node, "illegal base64 data".to_owned());
                None
            }
        }
    }
}

/// `Decode` for an object written as `apiVersion`, `kind` and flat fields (`"key" => field`);
/// `extra` fields are not in the document and get the given value.
macro_rules! flat_object {
    ($ty:ident, $go:literal, { $($key:literal => $field:ident),* $(,)? } $(, $extra:ident: $val:expr)?) => {
        impl Decode for $ty {
            fn decode<T: Tree>(node: &T, cx: &mut Decoder) -> Option<Self> {
                let entries = cx.entries(node, $go)?;
                cx.in_struct($go, |cx| {
                    let mut ok = true;
                    $(let mut $field = None;)*
                    for (key, value) in entries {
                        let seg = Segment::Field(key.name());
                        match key.name() {
                            "apiVersion" | "kind" => {}
                            $($key => {
                                $field = Some(cx.at(seg, value));
                                ok &= $field.as_ref().is_some_and(Option::is_some);
                            })*
                            _ => cx.unmodelled_field(key),
                        }
                    }
                    $(let $field = match $field {
                        Some(v) => v,
                        None => cx.absent_at($key),
                    };)*
                    if !ok {
                        return None;
                    }
                    Some($ty {
                        $($field: $field?,)*
                        $($extra: $val,)?
                    })
                })
            }
        }
    };
}

flat_object!(ConfigMap, "ConfigMap", {
    "metadata" => metadata,
    "data" => data,
    "binaryData" => binary_data,
    "immutable" => immutable,
});

flat_object!(Secret, "Secret", {
    "metadata" => metadata,
    "data" => data,
    "stringData" => string_data,
    "type" => type_,
    "immutable" => immutable,
});

flat_object!(VolumeSnapshotClass, "VolumeSnapshotClass", {
    "metadata" => metadata,
    "deletionPolicy" => deletion_policy,
    "driver" => driver,
    "parameters" => parameters,
});

// The API version is the document's (`decode_document` sets it).
flat_object!(VolumeAttributesClass, "VolumeAttributesClass", {
    "metadata" => metadata,
    "driverName" => driver_name,
    "parameters" => parameters,
}, api_version: AttributesClassVersion::V1);
