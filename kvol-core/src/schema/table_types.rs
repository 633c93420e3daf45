//! The row types of the generated table (`table.rs`), kept small so that the table compiles
//! as plain static data.

/// A type: Go name (index into `STR`), first field, field count, first and last minor
/// version, custom resource (1) or built-in (0).
pub(crate) struct T(pub u16, pub u16, pub u16, pub u8, pub u8, pub u8);

/// A field: name (index into `STR`), container (0 none, 1 array, 2 map, 3 array of arrays,
/// 4 map of arrays), leaf (below `L_TYPES`: a `L_*` kind; from it: a type index plus
/// `L_TYPES`), required (1), first and last minor version, Go type (index into `STR`).
pub(crate) struct F(pub u16, pub u8, pub u16, pub u8, pub u8, pub u8, pub u16);

/// A root kind: apiVersion, kind, type index, first and last minor version.
pub(crate) struct R(pub &'static str, pub &'static str, pub u16, pub u8, pub u8);

pub(crate) const L_STRING: u16 = 0;
pub(crate) const L_INT32: u16 = 1;
pub(crate) const L_INT64: u16 = 2;
pub(crate) const L_NUMBER: u16 = 3;
pub(crate) const L_BOOL: u16 = 4;
pub(crate) const L_BYTES: u16 = 5;
pub(crate) const L_QUANTITY: u16 = 6;
pub(crate) const L_INTORSTRING: u16 = 7;
pub(crate) const L_FREE: u16 = 8;
/// The first leaf code that names a type.
pub(crate) const L_TYPES: u16 = 9;
